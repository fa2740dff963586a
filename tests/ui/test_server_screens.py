"""Screens on a shared server: the first manager, login, no file backups, and choosing where
the records are kept (the server tests are skipped without a test server)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from portage_desktop.services import setting, users
from portage_desktop.services.access import Role, current_actor
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.users import UserInput
from portage_desktop.services.vocabulary import SettingKind
from portage_desktop.settings import Settings
from portage_desktop.ui.shell.security_dialogs import FirstManagerDialog, ServerPasswordDialog
from tests.conftest import POSTGRES_URL, ROLE_PASSWORD
from tests.ui.conftest import make_ctx
from tests.ui.test_main_window import _action

PW = "a long password 1"


def _first_manager(qtbot, db) -> FirstManagerDialog:
    dialog = FirstManagerDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_first_person_on_a_new_server_becomes_its_manager(qtbot, server_db, answer_boxes):
    assert users.needs_first_manager(server_db)
    dialog = _first_manager(qtbot, server_db)
    assert "shared server" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    qtbot.keyClicks(dialog.display_name, "Mina Shah")
    qtbot.keyClicks(dialog.username, "mina")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "at least" in dialog.errors.text("password").lower()
    for edit in (dialog.password, dialog.confirm):
        edit.clear()
        qtbot.keyClicks(edit, PW)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    actor = current_actor(server_db)
    assert (actor.username, actor.role) == ("mina", Role.MANAGER)
    assert not users.needs_first_manager(server_db)

    said = answer_boxes()
    late = _first_manager(qtbot, server_db)  # someone else was a moment too slow
    for edit, text in ((late.display_name, "Jo"), (late.username, "jo")):
        qtbot.keyClicks(edit, text)
    for edit in (late.password, late.confirm):
        qtbot.keyClicks(edit, PW)
    qtbot.mouseClick(late.create_button, Qt.MouseButton.LeftButton)
    assert late.taken and late.result() == QDialog.DialogCode.Rejected
    assert said and "log in" in said[0][1]
    assert [u.username for u in users.list_users(server_db)] == ["mina"]


def _logged_in_window(server_db, home, open_window):
    users.create_first_manager(server_db, UserInput("mina", "Mina Shah", None, PW, PW))
    setting.save_setting(server_db, SettingInput("Acorns Shared", SettingKind.GROUP))
    return open_window(make_ctx(server_db, home))


def test_a_server_window_names_the_server_and_leaves_backups_to_its_administrator(
    qtbot, server_db, home, open_window, answer_boxes
):
    window = _logged_in_window(server_db, home, open_window)
    where = server_db.server.display
    assert where in window.windowTitle()
    status = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert f"PostgreSQL server {where}" in status
    assert "password" not in status.lower() or server_db.server.password not in status
    texts = [
        a.text().replace("&", "") for m in window.menuBar().actions() for a in m.menu().actions()
    ]
    assert not any(t.startswith(("Back up", "Restore")) for t in texts)
    said = answer_boxes()
    _action(window, "About backups of the shared server").trigger()
    assert "pg_dump" in said[0][1]
    page = window.settings_page
    assert page.passphrase_button.isHidden()
    assert "shared server" in page.findChild(QLabel, "encryption_state").text()
    assert "pg_dump" in page.findChild(QLabel, "server_backups").text()
    assert "Now: on the shared PostgreSQL server" in page.location.current.text()
    window.close()  # no backup on close: there is no file to copy
    assert not list(home.backup_dir.glob("*"))


def _location_box(qtbot, ctx):
    from portage_desktop.ui.settings.records_location import RecordsLocationBox

    box = RecordsLocationBox(ctx)
    qtbot.addWidget(box)
    box.show()
    return box


def test_choosing_a_server_keeps_the_address_but_never_the_password(qtbot, ctx):
    box = _location_box(qtbot, ctx)
    assert box.on_computer.isChecked() and not box.server_fields.isEnabled()
    assert "Now: on this computer" in box.current.text()
    box.on_server.setChecked(True)
    qtbot.keyClicks(box.address, "postgresql://team@records.example.org")
    assert "name of the database" in box.address_error.text()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert "name of the database" in box.result.text()
    assert not Settings.load(ctx.paths.settings_file).use_server
    qtbot.keyClicks(box.address, "/portage")
    box.address.setText("postgresql://team:hunter2@records.example.org/portage")
    assert box.address_error.isHidden()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    saved = Settings.load(ctx.paths.settings_file)
    assert saved.use_server
    assert saved.database_url == "postgresql://team@records.example.org/portage"
    assert "hunter2" not in ctx.paths.settings_file.read_text()
    assert "next time it starts" in box.result.text()
    assert "password was taken out" in box.result.text()
    assert box.address.text() == saved.database_url
    box.on_computer.setChecked(True)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    saved = Settings.load(ctx.paths.settings_file)
    assert not saved.use_server and saved.database_url.endswith("/portage")


def test_testing_a_connection_runs_off_the_gui_thread(qtbot, ctx):
    box = _location_box(qtbot, ctx)
    box.on_server.setChecked(True)
    box.address.setText("postgresql://team@127.0.0.1:1/portage")
    qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
    assert "Testing" in box.result.text()  # the window is still responding meanwhile
    qtbot.waitUntil(lambda: "Cannot reach" in box.result.text(), timeout=20_000)
    assert box.test_button.isEnabled()
    if POSTGRES_URL:
        from portage_desktop.database_url import parse

        address = parse(POSTGRES_URL)
        box.address.setText(address.without_password())
        box.password.setText(address.password)
        qtbot.mouseClick(box.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Connected to PostgreSQL" in box.result.text(), timeout=20_000)


def test_the_server_password_is_asked_for_when_nothing_else_gave_it(
    qtbot, password_role, monkeypatch, tmp_path
):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    dialog = ServerPasswordDialog(password_role, "The server asks for a password.")
    qtbot.addWidget(dialog)
    dialog.delay = lambda _failures: 0
    qtbot.keyClicks(dialog.passphrase, "not it")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.database is None and dialog.errors.text("passphrase")
    qtbot.keyClicks(dialog.passphrase, ROLE_PASSWORD)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.database is not None and users.needs_first_manager(dialog.database)
    dialog.database.dispose()

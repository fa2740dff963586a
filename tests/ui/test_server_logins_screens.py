"""People's own server logins from the screens: signing in with one, giving and ending one
in People and roles, and choosing own logins in Settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from portage_desktop.data.server_access.own_login import address_for, password_opens
from portage_desktop.services import users
from portage_desktop.services.access import Role, current_actor
from portage_desktop.settings import Settings
from portage_desktop.startup import open_server_and_migrate
from tests.data.server_access.conftest import PASSWORD, site  # noqa: F401 (a fixture)

NEW = "correct horse battery staple 7"
LEFT = Qt.MouseButton.LeftButton


def test_signing_in_with_ones_own_login(qtbot, site, monkeypatch) -> None:  # noqa: F811
    from portage_desktop.ui.shell.security_dialogs import OwnLoginDialog

    dialog = OwnLoginDialog(site.owner)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "delay", lambda _failures: 0)
    qtbot.keyClicks(dialog.username, "pat")
    qtbot.keyClicks(dialog.passphrase, "not the password")
    qtbot.mouseClick(dialog.unlock_button, LEFT)
    assert dialog.database is None and not dialog.result()
    assert "not right" in dialog.findChild(QLabel, "error_passphrase").text()
    qtbot.keyClicks(dialog.passphrase, PASSWORD)
    qtbot.mouseClick(dialog.unlock_button, LEFT)
    assert dialog.result() and dialog.database is not None
    try:
        actor = current_actor(dialog.database)
        assert (actor.username, actor.role) == ("pat", Role.PRACTITIONER)
    finally:
        dialog.database.dispose()


def test_a_manager_gives_and_ends_a_login_in_people_and_roles(
    qtbot,
    site,  # noqa: F811
    monkeypatch,
) -> None:
    from portage_desktop.ui.settings import server_logins as screen
    from portage_desktop.ui.settings.user_accounts import PeopleDialog

    db = open_server_and_migrate(address_for(site.owner, "mina", PASSWORD))
    try:
        users.create_user(db, users.UserInput("olga", "Olga Other", Role.PRACTITIONER, NEW, NEW))
        people = PeopleDialog(db)
        qtbot.addWidget(people)
        opened: list[str] = []
        monkeypatch.setattr(
            screen.ServerLoginsDialog, "exec", lambda d: opened.append(d.selected().username)
        )
        logins_button = next(
            b for b in people.findChildren(QPushButton) if b.text() == "Server &logins…"
        )
        qtbot.mouseClick(logins_button, LEFT)
        assert opened  # the button opens the list

        dialog = screen.ServerLoginsDialog(db, select="olga")
        qtbot.addWidget(dialog)
        row = [dialog.model.row_object(r).username for r in range(dialog.model.rowCount())]
        olga = row.index("olga")
        assert dialog.model.index(olga, 3).data() == "No"
        assert dialog.remove_button.isEnabled() is False

        def typed(new_login):  # the person types their new password twice
            qtbot.keyClicks(new_login.password, NEW)
            qtbot.keyClicks(new_login.confirm, NEW)
            return 1

        monkeypatch.setattr(screen.NewLoginPasswordDialog, "exec", typed)
        qtbot.keyClicks(dialog.owner, site.owner.user)
        qtbot.keyClicks(dialog.owner_password, "the wrong owner password")
        qtbot.mouseClick(dialog.give_button, LEFT)
        assert "did not accept the password" in dialog.result.text()
        assert not password_opens(db, "olga", NEW)

        qtbot.keyClicks(dialog.owner_password, PASSWORD)
        qtbot.mouseClick(dialog.give_button, LEFT)
        assert "has a login on the server now" in dialog.result.text()
        assert dialog.owner_password.text() == ""  # never kept
        assert dialog.model.index(olga, 3).data() == "Yes"
        assert password_opens(db, "olga", NEW)

        qtbot.mouseClick(dialog.sql_button, LEFT)
        assert f'DROP ROLE IF EXISTS "{site.site.prefix}_user_olga";' in dialog.sql.toPlainText()

        monkeypatch.setattr(screen, "confirm", lambda *_args: True)
        qtbot.keyClicks(dialog.owner_password, PASSWORD)
        qtbot.mouseClick(dialog.remove_button, LEFT)
        assert "has ended" in dialog.result.text()
        assert dialog.model.index(olga, 3).data() == "No"
        assert not password_opens(db, "olga", NEW)
    finally:
        db.dispose()


def test_own_logins_are_chosen_in_settings(qtbot, ctx) -> None:
    from portage_desktop.ui.settings.records_location import RecordsLocationBox

    box = RecordsLocationBox(ctx)
    qtbot.addWidget(box)
    box.show()
    box.on_server.setChecked(True)
    box.address.setText("postgresql://records.example.org/portage")
    qtbot.mouseClick(box.own_logins, LEFT)
    qtbot.mouseClick(box.save_button, LEFT)
    saved = Settings.load(ctx.paths.settings_file)
    assert saved.use_server and saved.server_own_logins
    box.on_computer.setChecked(True)
    qtbot.mouseClick(box.save_button, LEFT)
    assert not Settings.load(ctx.paths.settings_file).server_own_logins


def test_a_person_changes_her_own_server_password_in_settings(
    qtbot,
    site,  # noqa: F811
    monkeypatch,
) -> None:
    from portage_desktop.ui.settings.my_password import MyPasswordDialog

    db = open_server_and_migrate(address_for(site.owner, "hugo", PASSWORD))
    try:
        dialog = MyPasswordDialog(db)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.current, "a guess at it")
        qtbot.keyClicks(dialog.password, NEW)
        qtbot.keyClicks(dialog.confirm, NEW)
        dialog.save()
        assert "not your current password" in dialog.findChild(QLabel, "error_current").text()
        assert not dialog.result() and password_opens(db, "hugo", PASSWORD)
        qtbot.keyClicks(dialog.current, PASSWORD)
        dialog.save()
        assert dialog.result()
        assert password_opens(db, "hugo", NEW) and not password_opens(db, "hugo", PASSWORD)
        users.set_password(db, site.ids["user_hugo"], PASSWORD, PASSWORD)
    finally:
        db.dispose()

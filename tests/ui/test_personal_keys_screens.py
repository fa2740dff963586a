"""Logging in with one's own key, the People screen's key buttons, and the anchored audit log."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from portage_desktop.data import key_slots
from portage_desktop.data.errors import WrongPassphrase
from portage_desktop.services import audit, children, personal_keys, users
from portage_desktop.services.access import Permission, Role, current_actor
from portage_desktop.services.users import UserInput
from portage_desktop.startup import open_and_migrate, unlock
from portage_desktop.ui.settings.audit_dialog import AuditDialog, check_log_on_open
from portage_desktop.ui.settings.user_accounts import PeopleDialog
from portage_desktop.ui.shell.personal_unlock import PersonalUnlockDialog, unlock_file
from portage_desktop.ui.shell.security_dialogs import UnlockDialog
from portage_desktop.ui.shell.startup_questions import log_in_if_needed
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import when_modal_opens

pytestmark = pytest.mark.sqlite_only

MINA_PW = "a long password 1"
PAT_PW = "pats own quiet garden"


@pytest.fixture
def team_file(db):
    """An encrypted file with a manager and a practitioner, closed as after quitting."""
    users.create_user(db, UserInput("mina", "Mina Shah", Role.MANAGER, MINA_PW, MINA_PW))
    users.create_user(db, UserInput("pat", "Pat Lee", Role.PRACTITIONER, PAT_PW, PAT_PW))
    db.dispose()
    return db.path


def test_a_practitioner_logs_in_with_their_own_password_and_only_as_themselves(
    qtbot, team_file, monkeypatch
):
    monkeypatch.setattr(UnlockDialog, "delay", staticmethod(lambda n: 0))
    tries: list[str] = []

    def log_in(dialog: PersonalUnlockDialog) -> None:
        assert dialog.windowTitle() == "Log in"
        qtbot.keyClicks(dialog.username, "mina")  # the manager's name, Pat's password
        qtbot.keyClicks(dialog.passphrase, PAT_PW)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        tries.append(dialog.errors.text("passphrase"))
        assert dialog.isVisible()
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, "pat")
        qtbot.keyClicks(dialog.passphrase, PAT_PW)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    when_modal_opens(qtbot, log_in)
    unlocked = unlock_file(team_file)
    assert tries == ["That is not right. Please try again."]
    assert unlocked is not None and unlocked.username == "pat"
    db = open_and_migrate(team_file, None, unlocked.key)
    try:
        users.sign_in(db, unlocked)
        log_in_if_needed(db, headless=False)  # already logged in: no second question
        actor = current_actor(db)
        assert (actor.username, actor.role) == ("pat", Role.PRACTITIONER)
        assert not actor.may(Permission.MANAGE_USERS)
        users.log_in(db, "mina", MINA_PW)  # a manager reads the log: Pat's login is in it
        assert [e.actor for e in audit.search(db, action="login")] == ["mina", "pat"]
    finally:
        db.dispose()


def test_the_recovery_sheet_or_old_passphrase_is_one_click_away(qtbot, team_file):
    def use_passphrase(dialog: PersonalUnlockDialog) -> None:
        def type_it(inner: UnlockDialog) -> None:
            qtbot.keyClicks(inner.passphrase, TEST_PASSPHRASE)
            qtbot.mouseClick(inner.unlock_button, Qt.MouseButton.LeftButton)

        when_modal_opens(qtbot, type_it)
        qtbot.mouseClick(dialog.other_way, Qt.MouseButton.LeftButton)

    when_modal_opens(qtbot, use_passphrase)
    unlocked = unlock_file(team_file)
    assert unlocked is not None and unlocked.key == unlock(team_file, TEST_PASSPHRASE)
    assert not unlocked.username and not unlocked.recovery  # the login question follows


def test_people_screen_changes_the_key_and_saves_a_recovery_sheet(qtbot, db, tmp_path, monkeypatch):
    users.create_user(db, UserInput("mina", "Mina Shah", Role.MANAGER, MINA_PW, MINA_PW))
    users.create_user(db, UserInput("pat", "Pat Lee", Role.PRACTITIONER, PAT_PW, PAT_PW))
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, title, text, *a, **k: said.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text, *a: said.append(title))
    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), ""))
    dialog = PeopleDialog(db)
    qtbot.addWidget(dialog)
    column = dialog.model.columnCount() - 1
    assert dialog.model.headerData(column, Qt.Orientation.Horizontal) == "Own key"
    assert dialog.model.index(0, column).data() == "Yes"
    old = db.key
    qtbot.mouseClick(dialog.change_key_button, Qt.MouseButton.LeftButton)
    assert "old shared passphrase" in said[0] and said[1] == "Database key changed"
    assert db.key != old
    with pytest.raises(WrongPassphrase):
        unlock(db.path, TEST_PASSPHRASE)
    qtbot.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    assert sheet.exists() and personal_keys.has_recovery_sheet(db)
    assert key_slots.find(key_slots.load(db.path), key_slots.RECOVERY) is not None


def test_the_audit_screen_and_start_up_say_when_the_log_was_cut_short(qtbot, demo_ctx, monkeypatch):
    db = demo_ctx.db
    for child in children.list_children(db)[:4]:
        children.get_child(db, child.id)
    assert check_log_on_open(db, None, None, headless=False).ok  # anchors the head
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_delete")
        conn.exec_driver_sql("DELETE FROM audit_entry WHERE id > 2")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append(title))
    assert not check_log_on_open(db, None, None, headless=False).ok
    assert warned == ["The audit log has been tampered with"]
    dialog = AuditDialog(db)
    qtbot.addWidget(dialog)
    dialog.verify()
    assert "cut short" in dialog.status.text() and "now it holds 2" in dialog.status.text()


def test_a_damaged_key_file_is_explained_and_the_passphrase_still_asked(
    qtbot, team_file, monkeypatch
):
    key_slots.slots_path(team_file).write_text("{not json")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: warned.append(text))

    def type_it(dialog: UnlockDialog) -> None:
        qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    when_modal_opens(qtbot, type_it)
    unlocked = unlock_file(team_file)
    assert "key file beside your records" in warned[0] and "recovery sheet" in warned[0]
    assert unlocked is not None and unlocked.key == unlock(team_file, TEST_PASSPHRASE)

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from portage_desktop.data import cipher
from portage_desktop.services import audit, users
from portage_desktop.services.access import Role, current_actor, set_actor
from portage_desktop.services.users import UserInput
from portage_desktop.startup import unlock
from portage_desktop.ui.settings.audit_dialog import AuditDialog
from portage_desktop.ui.settings.user_accounts import AccountDialog, PeopleDialog
from portage_desktop.ui.shell.security_dialogs import (
    LoginDialog,
    NewPassphraseDialog,
    UnlockDialog,
    choose_new_key,
    retry_delay,
)
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import when_modal_opens

PW = "a long password 1"


def test_new_passphrase_explains_problems_and_accepts_a_good_one(qtbot):
    dialog = NewPassphraseDialog("intro")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.new, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Too short" in dialog.errors.text("passphrase")
    assert "Too short" in dialog.meter.format()
    dialog.new.clear()
    qtbot.keyClicks(dialog.new, "blue kettle river orchard")
    qtbot.keyClicks(dialog.confirm, "blue kettle river orchar")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("confirm") == "The two passphrases are not the same."
    assert "Very strong" in dialog.meter.format() or "Strong" in dialog.meter.format()
    qtbot.keyClicks(dialog.confirm, "d")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.passphrase == "blue kettle river orchard"


def test_the_meter_rates_a_common_pattern_weak_and_refuses_it(qtbot):
    dialog = NewPassphraseDialog("intro")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.new, "Password1234!")
    qtbot.keyClicks(dialog.confirm, "Password1234!")
    assert dialog.meter.value() == 1 and dialog.meter.text() == "Strength: Weak"
    assert "commonly used password" in dialog.advice.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("passphrase").startswith("Weak.")
    assert dialog.passphrase == "" and dialog.result() != dialog.DialogCode.Accepted
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    assert "7,776" in dialog.suggestion_note.text() and "52 bits" in dialog.suggestion_note.text()
    assert dialog.meter.value() >= 2


def test_the_warning_says_it_cannot_be_recovered(qtbot):
    dialog = NewPassphraseDialog("intro")
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "cannot be recovered" in text


def test_first_run_key_comes_from_the_dialog(qtbot, tmp_path):
    def fill(dialog: NewPassphraseDialog) -> None:
        qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
        assert dialog.new.text() == dialog.confirm.text() and len(dialog.new.text().split()) == 4
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal_opens(qtbot, fill)
    key = choose_new_key()
    assert isinstance(key, cipher.KeyMaterial) and len(key.key) == 32


def test_unlock_waits_longer_after_each_wrong_try(qtbot, db, monkeypatch):
    db.dispose()
    monkeypatch.setattr(UnlockDialog, "delay", staticmethod(lambda n: 2 if n >= 2 else 0))
    dialog = UnlockDialog(lambda text: unlock(db.path, text))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "nope nope nope")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("passphrase") == "That is not right. Please try again."
    assert dialog.unlock_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "still wrong here")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not dialog.unlock_button.isEnabled()
    assert "Please wait 2 seconds" in dialog.wait_label.text()
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=5000)
    qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.result_value.key == unlock(db.path, TEST_PASSPHRASE).key


def test_retry_delay_grows_and_is_capped():
    assert [retry_delay(n) for n in range(1, 8)] == [0, 1, 2, 4, 8, 16, 30]
    assert retry_delay(50) == 30


def test_log_in_with_a_named_account(qtbot, db):
    users.create_user(db, UserInput("mina", "Mina Shah", Role.MANAGER, PW, PW))
    set_actor(db, None)  # as after start-up: nobody logged in yet
    dialog = LoginDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "mina")
    qtbot.keyClicks(dialog.passphrase, "not the password")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("passphrase")
    assert current_actor(db).role is Role.NONE
    qtbot.keyClicks(dialog.passphrase, PW)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert current_actor(db).username == "mina"


def test_lock_hides_records_until_the_passphrase_is_typed(qtbot, ctx, open_window):
    from portage_desktop.services import setting
    from portage_desktop.services.setting import SettingInput

    setting.save_setting(ctx.db, SettingInput("Acorns", "group"))
    window = open_window(ctx)
    window.idle.timer.timeout.emit()
    assert window.is_locked and not window.menuBar().isEnabled()
    assert not window.pages.isVisible()

    def type_it(dialog: UnlockDialog) -> None:
        qtbot.keyClicks(dialog.passphrase, TEST_PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    when_modal_opens(qtbot, type_it)
    qtbot.mouseClick(window.lock_panel.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.is_locked and window.pages.isVisible()
    assert [e.action for e in audit.search(ctx.db, action="lock")] == ["lock"]


def test_add_people_and_change_their_role(qtbot, db):
    def fill(dialog: AccountDialog) -> None:
        qtbot.keyClicks(dialog.username, "mina")
        qtbot.keyClicks(dialog.display_name, "Mina Shah")
        qtbot.keyClicks(dialog.password, PW)
        qtbot.keyClicks(dialog.confirm, PW)
        dialog.save()

    people = PeopleDialog(db)
    qtbot.addWidget(people)
    when_modal_opens(qtbot, fill)
    people.add()
    assert [u.username for u in users.list_users(db)] == ["mina"]
    assert people.model.rowCount() == 1
    users.log_in(db, "mina", PW)

    dialog = AccountDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "Jo Bloggs")
    dialog.save()
    assert "lower-case" in dialog.errors.text("username")
    assert dialog.errors.text("display_name") == "Please enter the person's name."
    assert [u.username for u in users.list_users(db)] == ["mina"]


def test_audit_viewer_filters_and_checks_the_chain(qtbot, demo_ctx):
    from portage_desktop.services import children

    first, second = children.list_children(demo_ctx.db)[:2]
    children.get_child(demo_ctx.db, first.id)
    children.get_child(demo_ctx.db, second.id)
    dialog = AuditDialog(demo_ctx.db)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    qtbot.keyClicks(dialog.child, str(second.id))
    dialog.refresh()
    assert dialog.model.rowCount() == 1
    dialog.verify()
    assert "intact" in dialog.status.text()
    dialog.child.setText("twelve")
    dialog.refresh()
    assert "is a number" in dialog.status.text()


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.READ_ONLY])
def test_security_buttons_are_off_for_non_managers(qtbot, demo_ctx, open_window, role):
    users.create_user(demo_ctx.db, UserInput("boss", "Boss", Role.MANAGER, PW, PW))
    users.log_in(demo_ctx.db, "boss", PW)
    users.create_user(demo_ctx.db, UserInput("jo", "Jo", role, PW, PW))
    users.log_in(demo_ctx.db, "jo", PW)
    window = open_window(demo_ctx)
    page = window.settings_page
    assert not page.people_button.isEnabled()
    assert not page.audit_button.isEnabled()
    assert not page.passphrase_button.isEnabled()


def test_a_recovery_sheet_that_cannot_be_written_is_explained(
    qtbot, tmp_path, monkeypatch, answer_boxes
):
    from PySide6.QtWidgets import QFileDialog, QWidget

    from portage_desktop.ui.shell.security_dialogs import save_recovery_sheet

    said = answer_boxes()
    folder = tmp_path / "sheet.pdf"
    folder.mkdir()  # the chosen name is a folder: the safe writer refuses it
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder), ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert save_recovery_sheet(parent, "purple giraffe kettle harbour") is None
    ((kind, text),) = said
    assert kind == "warning" and text.startswith("Recovery sheet not saved:")
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_a_recovery_sheet_asked_for_but_not_saved_keeps_the_dialog_open(
    qtbot, tmp_path, monkeypatch, answer_boxes
):
    """Ticking "save a recovery sheet" and then cancelling (or failing) the save used to set
    the passphrase anyway, with no sheet: the person believed there was one."""
    from PySide6.QtWidgets import QFileDialog

    answer_boxes()
    chosen = {"path": ""}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (chosen["path"], ""))
    dialog = NewPassphraseDialog("intro")
    qtbot.addWidget(dialog)
    dialog.show()
    for box in (dialog.new, dialog.confirm):
        qtbot.keyClicks(box, "blue kettle river orchard")
    dialog.recovery.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # the save is cancelled
    assert dialog.isVisible() and dialog.result() == 0
    assert "recovery sheet was not saved" in dialog.general_error.text()
    chosen["path"] = str(tmp_path / "sheet.pdf")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.passphrase == "blue kettle river orchard"
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from portage_desktop.services import setting, staff
from portage_desktop.services.vocabulary import StaffRole
from portage_desktop.ui.staff.staff_page import StaffDialog
from tests.ui.conftest import when_modal_opens


def test_add_a_staff_member_through_the_page(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    window.go_to(2)
    page = window.staff_page
    before = page.model.rowCount()

    def fill(dialog: StaffDialog) -> None:
        qtbot.keyClicks(dialog.first_name, "Nia")
        qtbot.keyClicks(dialog.last_name, "Brookes")
        dialog.role_boxes[StaffRole.SENCO].click()
        qtbot.keyClicks(dialog.start_date.edit, "02/09/2024")
        dialog.save()

    when_modal_opens(qtbot, fill)
    page.add_member()
    assert page.model.rowCount() == before + 1
    stored = next(m for m in staff.list_staff(demo_ctx.db) if m.last_name == "Brookes")
    assert stored.roles == (StaffRole.SENCO,)
    assert stored.start_date == date(2024, 9, 2)


def test_staff_dialog_errors(qtbot, demo_ctx):
    dialog = StaffDialog(demo_ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.start_date.edit, "10/01/2025")
    qtbot.keyClicks(dialog.leave_date.edit, "09/01/2025")
    dialog.save()
    assert dialog.errors.text("first_name")
    assert dialog.errors.text("roles") == "Please choose at least one role."
    assert "before the start date" in dialog.errors.text("leave_date")


def test_settings_page_saves_the_setting_and_updates_the_title(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    window.go_to(4)
    page = window.settings_page
    page.fields.name.clear()
    qtbot.keyClicks(page.fields.name, "Bluebell Pre-school")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert setting.get_setting(demo_ctx.db).name == "Bluebell Pre-school"
    assert window.windowTitle().startswith("Bluebell Pre-school")
    assert page.saved_label.text() == "Saved."

    page.fields.urn.clear()
    qtbot.keyClicks(page.fields.urn, "rubbish!")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "EY123456" in page._form.errors.text("ofsted_urn")
    assert setting.get_setting(demo_ctx.db).ofsted_urn == "EY999123"


def test_backup_preferences_are_remembered(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    window.settings_page.keep.setValue(4)
    window.settings_page.on_close.setChecked(False)
    from portage_desktop.settings import Settings

    saved = Settings.load(demo_ctx.paths.settings_file)
    assert (saved.backups_to_keep, saved.backup_on_close) == (4, False)

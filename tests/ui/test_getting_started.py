"""A new setting's Dashboard lists the first steps as links, ticks each as its record appears,
and goes away once all are done."""

from __future__ import annotations

from PySide6.QtCore import Qt

from portage_desktop.services import setting, staff
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import SettingKind, StaffRole
from portage_desktop.ui.children.child_dialog import ChildDialog
from tests.services.plan_helpers import add_child
from tests.ui.conftest import when_modal_opens


def _open(ctx, open_window):
    setting.save_setting(ctx.db, SettingInput("Acorns", SettingKind.GROUP))
    window = open_window(ctx)
    window.go_to(0)
    return window, window.dashboard.getting_started


def test_a_new_setting_is_shown_its_first_steps_and_each_is_a_link(qtbot, ctx, open_window):
    window, card = _open(ctx, open_window)
    assert card.isVisible()
    assert card.summary.text().startswith("0 of 8 done")
    assert "<a href='staff'>Add your staff</a>" in card.list.text()

    card.list.linkActivated.emit("staff")
    assert window.current_page() is window.staff_page

    staff.save_staff(ctx.db, StaffInput("Ruth", "Agyei", (StaffRole.KEY_PERSON,)))
    ctx.hub.staff_changed.emit()
    assert card.summary.text().startswith("0 of 8 done")  # behind the Staff page: not yet
    window.go_to(0)  # shown again: up to date
    assert card.summary.text().startswith("1 of 8 done")
    assert "✔ Add your staff (done)" in card.list.text()

    offered: list[str] = []

    def cancel(dialog: ChildDialog) -> None:
        offered.append(dialog.windowTitle())
        dialog.reject()

    when_modal_opens(qtbot, cancel)
    card.list.linkActivated.emit("consent")  # no child yet: adding one comes first
    assert offered == ["Add a child"]

    child = add_child(ctx.db)
    ctx.hub.children_changed.emit()
    window.go_to(0)  # a link is followed from the Dashboard on screen, up to date
    card.list.linkActivated.emit("plan")
    record = window.children_page.record_windows[child]
    assert record.tabs.currentWidget() is record.plans
    window.go_to(0)
    assert "✔ Add a child (done)" in card.list.text()


def test_a_setting_with_everything_started_does_not_see_it(qtbot, demo_ctx, open_window):
    window = open_window(demo_ctx)
    window.go_to(0)
    assert not window.dashboard.getting_started.isVisible()


def test_its_links_are_reached_with_the_keyboard(qtbot, ctx, open_window):
    _window, card = _open(ctx, open_window)
    assert card.list.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    assert card.list.focusPolicy() & Qt.FocusPolicy.TabFocus

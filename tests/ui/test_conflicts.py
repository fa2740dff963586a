"""Someone else saved first: the editor shows both versions and the person chooses.

A second copy of the app (another connection to the same records) saves while a dialog is
open; Save then brings up the conflict dialog, and each of its three ways on is checked against
what is stored and shown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from portage_desktop.services import children as children_service
from portage_desktop.services import goals as goals_service
from portage_desktop.services import plan_records, setting
from portage_desktop.services import plans as plans_service
from portage_desktop.services.plan_records import DayEntry
from portage_desktop.services.setting import SettingInput
from portage_desktop.ui.children.child_dialog import ChildDialog
from portage_desktop.ui.children.child_record import ChildRecordWindow
from portage_desktop.ui.common.conflict_dialog import ConflictDialog, differences
from portage_desktop.ui.plans.plan_dialog import PlanDialog
from portage_desktop.ui.plans.week_grid import TRIES
from tests.conftest import another_connection
from tests.services.plan_helpers import START, TODAY, add_child, add_goal, add_plan
from tests.ui.conftest import when_modal_opens


@pytest.fixture
def elsewhere(ctx):
    """A second copy of the app working on the same records."""
    other = another_connection(ctx.db)
    yield other
    other.dispose()


def _table(dialog: ConflictDialog) -> list[tuple[str, str, str]]:
    t = dialog.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def _plan_dialog(qtbot, ctx, child: int, plan_id: int) -> PlanDialog:
    plan = plans_service.get_plan(ctx.db, child, plan_id)
    goals = goals_service.list_goals(ctx.db, child)
    dialog = PlanDialog(
        ctx, child, goals, plan.data.prompts, plan_id, plan.data, None, plan.version
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _retitle_elsewhere(other, child: int, plan_id: int, title: str) -> None:
    theirs = plans_service.get_plan(other, child, plan_id)
    plans_service.save_plan(
        other, child, replace(theirs.data, title=title), plan_id, TODAY, theirs.version
    )


def test_keep_mine_saves_over_the_newer_version_after_showing_both(qtbot, ctx, elsewhere):
    child = add_child(ctx.db)
    plan_id = add_plan(ctx.db, child, add_goal(ctx.db, child))
    dialog = _plan_dialog(qtbot, ctx, child, plan_id)
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Coat on by the door")
    _retitle_elsewhere(elsewhere, child, plan_id, "Coat on and zipped")
    seen: list[tuple[str, str, str]] = []

    def keep_mine(conflict: ConflictDialog) -> None:
        seen.extend(_table(conflict))
        qtbot.mouseClick(conflict.keep_button, Qt.MouseButton.LeftButton)

    when_modal_opens(qtbot, keep_mine)
    dialog.save()
    assert ("Short name", "Coat on by the door", "Coat on and zipped") in seen
    assert len(seen) == 1  # only what differs is listed
    stored = plans_service.get_plan(elsewhere, child, plan_id)
    assert (stored.title, stored.version) == ("Coat on by the door", 3)
    assert dialog.result() == PlanDialog.DialogCode.Accepted


def test_reload_shows_the_saved_version_and_drops_the_typing(qtbot, ctx, elsewhere):
    child = add_child(ctx.db)
    plan_id = add_plan(ctx.db, child, add_goal(ctx.db, child))
    dialog = _plan_dialog(qtbot, ctx, child, plan_id)
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Mine")
    _retitle_elsewhere(elsewhere, child, plan_id, "Theirs")
    when_modal_opens(qtbot, lambda c: qtbot.mouseClick(c.reload_button, Qt.MouseButton.LeftButton))
    dialog.save()
    assert dialog.isVisible() and dialog.title_edit.text() == "Theirs"
    assert "Reloaded" in dialog.general_error.text() and not dialog.dirty
    assert plans_service.get_plan(ctx.db, child, plan_id).title == "Theirs"
    # Now based on the saved version, the next save goes straight through.
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Theirs, then mine")
    dialog.save()
    assert plans_service.get_plan(ctx.db, child, plan_id).title == "Theirs, then mine"


def test_going_back_saves_nothing_and_keeps_the_typing(qtbot, ctx, elsewhere):
    child = add_child(ctx.db)
    details = children_service.get_child(ctx.db, child)
    dialog = ChildDialog(ctx, child)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.known_as.clear()
    qtbot.keyClicks(dialog.known_as, "Amelia")
    children_service.save_child(
        elsewhere, replace(details, known_as="Ames"), child, TODAY, details.version
    )
    when_modal_opens(qtbot, lambda c: qtbot.keyClick(c.back_button, Qt.Key.Key_Space))
    dialog.save()
    assert dialog.isVisible() and dialog.known_as.text() == "Amelia"
    assert "Not saved" in dialog.general_error.text()
    assert children_service.get_child(ctx.db, child).known_as == "Ames"


def _cell(table) -> QWidget:
    [editor] = [
        w
        for w in table.viewport().findChildren(QWidget)
        if isinstance(w, QLineEdit | QComboBox) and w.isVisible()
    ]
    return editor


def test_the_week_grid_shows_a_clashing_day_and_can_reload_it(qtbot, ctx, elsewhere):
    child = add_child(ctx.db)
    plan_id = add_plan(ctx.db, child, add_goal(ctx.db, child))
    record = ChildRecordWindow(ctx, child)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentWidget(record.plans)
    grid = record.plans.grid
    grid.today = date(2026, 11, 6)
    record.plans.refresh(("plan", plan_id))
    plan_records.save_week(elsewhere, child, plan_id, [DayEntry(START, 5, 3, "Model")], TODAY)
    grid.table.setFocus()
    grid.table.setCurrentCell(0, TRIES)
    qtbot.keyClicks(grid.table, "4")
    qtbot.keyClick(_cell(grid.table), Qt.Key.Key_Tab)
    qtbot.keyClicks(_cell(grid.table), "4")
    qtbot.keyClick(_cell(grid.table), Qt.Key.Key_Return)
    seen: list[tuple[str, str, str]] = []

    def reload(conflict: ConflictDialog) -> None:
        seen.extend(_table(conflict))
        qtbot.mouseClick(conflict.reload_button, Qt.MouseButton.LeftButton)

    when_modal_opens(qtbot, reload)
    qtbot.mouseClick(grid.save_button, Qt.MouseButton.LeftButton)
    assert seen == [
        (
            "Mon 02/11/2026",
            "4 out of 4 tries, by practitioner",
            "3 out of 5 tries, Model, by practitioner",
        )
    ]
    assert grid.table.item(0, TRIES).text() == "5" and not grid.dirty
    [day] = plan_records.progress(ctx.db, child, plan_id).days
    assert (day.tries, day.successes) == (5, 3)


def test_differences_use_the_form_labels_and_open_out_texts() -> None:
    from portage_desktop.services.plans import PlanInput, PlanKind

    mine = PlanInput(1, PlanKind.OUTCOME, "Coat", START, None, texts={"praise": "Clap"})
    theirs = replace(mine, review_on=date(2027, 1, 4), texts={"praise": "Cheer"})
    labels = {"title": "Short &name *", "review_on": "&Review on", "praise": "&Praise"}
    assert differences(mine, theirs, labels) == [
        ("Review on", "(blank)", "04/01/2027"),
        ("Praise", "Clap", "Cheer"),
    ]


def test_the_settings_page_asks_when_the_setting_was_renamed_elsewhere(
    qtbot, demo_ctx, open_window
):
    window = open_window(demo_ctx)
    window.go_to(4)
    page = window.settings_page
    other = another_connection(demo_ctx.db)
    try:
        shown = setting.get_setting(other)
        setting.save_setting(
            other, SettingInput("Bluebell Nursery", shown.kind, shown.ofsted_urn), shown
        )
        page.fields.name.clear()
        qtbot.keyClicks(page.fields.name, "Bluebell Pre-school")
        seen: list[tuple[str, str, str]] = []

        def keep_mine(conflict: ConflictDialog) -> None:
            seen.extend(_table(conflict))
            qtbot.mouseClick(conflict.keep_button, Qt.MouseButton.LeftButton)

        when_modal_opens(qtbot, keep_mine)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert seen == [("Name of the setting", "Bluebell Pre-school", "Bluebell Nursery")]
        assert setting.get_setting(other).name == "Bluebell Pre-school"
        assert page.saved_label.text() == "Saved."
    finally:
        other.dispose()


def test_f5_shows_a_child_added_by_someone_else(qtbot, ctx, open_window):
    window = open_window(ctx)
    window.go_to(1)
    page = window.children_page
    before = page.model.rowCount()
    other = another_connection(ctx.db)
    try:
        add_child(other, "Noor", "Hassan")
    finally:
        other.dispose()
    assert page.model.rowCount() == before
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    assert page.model.rowCount() == before + 1
    assert "latest" in window.statusBar().currentMessage()

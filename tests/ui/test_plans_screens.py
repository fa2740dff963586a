"""The Goals and plans tab, the plan editor and the week grid, driven from the keyboard as a
practitioner would, checked against what is stored."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget

from portage_desktop.services import goals as goals_service
from portage_desktop.services import plan_records
from portage_desktop.services import plans as plans_service
from portage_desktop.services.plan_vocabulary import PlanStatus
from portage_desktop.services.stamp_evidence import GoalArea
from portage_desktop.ui.children.child_record import ChildRecordWindow
from portage_desktop.ui.plans.plan_dialog import PlanDialog
from portage_desktop.ui.plans.week_grid import PROMPT, TRIES
from tests.services.plan_helpers import START, add_child, add_goal, add_plan
from tests.ui.conftest import when_modal_opens
from tests.ui.test_stamp_screens import _nameless


def _record(qtbot, ctx, child_id: int) -> ChildRecordWindow:
    record = ChildRecordWindow(ctx, child_id)
    qtbot.addWidget(record)
    record.show()
    qtbot.waitExposed(record)
    record.tabs.setCurrentWidget(record.plans)
    return record


def _type_in_editor(qtbot, table, text: str) -> None:
    """Type into the cell editor the builder just opened, then press Return."""
    [editor] = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _cell(table):
    """The editor open in a table cell (a person types where the cursor is)."""
    [editor] = [
        w
        for w in table.viewport().findChildren(QWidget)
        if isinstance(w, QLineEdit | QComboBox) and w.isVisible()
    ]
    return editor


def test_a_practitioner_writes_a_goal_and_builds_a_plan_in_small_steps(qtbot, ctx):
    child = add_child(ctx.db)
    record = _record(qtbot, ctx, child)
    tab = record.plans
    assert "No goals yet" in tab.step.text() and not tab.new_plan_button.isEnabled()

    def write_goal(dialog) -> None:
        dialog.area.setCurrentIndex(dialog.area.findData(GoalArea.PARTICIPATION))
        qtbot.keyClicks(dialog.text, "We want Amy to join in at rhyme time")
        qtbot.keyClicks(dialog.written_with, "Jo Lee (Mum)")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, write_goal)
    qtbot.keyClick(tab.new_goal_button, Qt.Key.Key_Space)
    [goal] = goals_service.list_goals(ctx.db, child)
    assert (goal.area, goal.written_with, goal.written_on) == (
        GoalArea.PARTICIPATION,
        "Jo Lee (Mum)",
        date.today(),
    )

    def build_plan(dialog: PlanDialog) -> None:
        qtbot.keyClicks(dialog.title_edit, "Clapping along")
        qtbot.keyClicks(dialog.texts["behaviour"], "Amy will clap along to a song")
        qtbot.keyClicks(dialog.texts["conditions"], "at rhyme time, sitting on a lap")
        builder = dialog.steps
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)  # no steps yet: refused
        assert "at least one small step" in dialog.errors.text("steps")
        qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
        _type_in_editor(qtbot, builder.table, "Claps hands with help")
        qtbot.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
        _type_in_editor(qtbot, builder.table, "Claps alone to one song")
        builder.table.setCurrentCell(1, 0)
        qtbot.mouseClick(builder.split_button, Qt.MouseButton.LeftButton)
        _type_in_editor(qtbot, builder.table, "Claps once when shown")
        builder.table.setCurrentCell(0, 0)
        qtbot.mouseClick(builder.down_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, build_plan)
    qtbot.keyClick(tab.new_plan_button, Qt.Key.Key_Space)
    [plan] = plans_service.list_plans(ctx.db, child)
    assert [s.text for s in plan.data.steps] == [
        "Claps once when shown",
        "Claps hands with help",
        "Claps alone to one song",
    ]
    assert plan.current_step is not None and plan.current_step.started_on == date.today()
    assert plan.ready_to_print  # the criterion's words were filled in for us
    assert tab.selected_plan() is not None and tab.selected_plan().id == plan.id
    assert "Small step 1 of 3: Claps once when shown" in tab.step.text()


def test_typing_a_week_in_the_grid_offers_the_next_step(qtbot, ctx, answer_boxes):
    said = answer_boxes(QMessageBox.StandardButton.Yes)
    child = add_child(ctx.db)
    plan_id = add_plan(ctx.db, child, add_goal(ctx.db, child))
    record = _record(qtbot, ctx, child)
    tab = record.plans
    tab.grid.today = date(2026, 11, 6)  # a Friday in the plan's first week
    tab.refresh(("plan", plan_id))
    grid = tab.grid
    assert grid.monday == START and "(locked)" in grid.table.verticalHeaderItem(5).text()
    for row in range(3):
        grid.table.setFocus()
        grid.table.setCurrentCell(row, TRIES)
        qtbot.keyClicks(grid.table, "5")
        qtbot.keyClick(_cell(grid.table), Qt.Key.Key_Tab)
        qtbot.keyClicks(_cell(grid.table), "4")
        qtbot.keyClick(_cell(grid.table), Qt.Key.Key_Tab)
        qtbot.keyClicks(_cell(grid.table), "6")  # the sixth prompt: Independent
        qtbot.keyClick(_cell(grid.table), Qt.Key.Key_Return)
    assert grid.table.item(2, PROMPT).text() == "Independent" and grid.dirty
    qtbot.keyClick(grid.save_button, Qt.Key.Key_Space)

    days = plan_records.progress(ctx.db, child, plan_id).days
    assert [(d.day.day, d.tries, d.successes, d.prompt) for d in days] == [
        (2, 5, 4, "Independent"),
        (3, 5, 4, "Independent"),
        (4, 5, 4, "Independent"),
    ]
    assert said and "Step learnt: 4 of 5 tries on 3 days in a row" in said[-1][1]
    plan = plans_service.get_plan(ctx.db, child, plan_id)
    assert plan.data.steps[0].achieved_on == date.today()
    assert plan.current_step is not None and plan.current_step.text == "Puts the second arm in"
    assert "Small step 2 of 3" in tab.step.text()
    assert "(counts)" in tab.chart.accessibleDescription()


def test_a_wrong_number_is_shown_beside_the_grid_and_nothing_is_lost(qtbot, ctx, answer_boxes):
    said = answer_boxes(QMessageBox.StandardButton.Cancel)
    child = add_child(ctx.db)
    plan_id = add_plan(ctx.db, child, add_goal(ctx.db, child))
    record = _record(qtbot, ctx, child)
    grid = record.plans.grid
    grid.today = date(2026, 11, 6)
    record.plans.refresh(("plan", plan_id))
    grid.table.setFocus()
    grid.table.setCurrentCell(0, TRIES)
    qtbot.keyClicks(grid.table, "2")
    qtbot.keyClick(_cell(grid.table), Qt.Key.Key_Tab)
    qtbot.keyClicks(_cell(grid.table), "3")
    qtbot.keyClick(_cell(grid.table), Qt.Key.Key_Return)
    qtbot.mouseClick(grid.save_button, Qt.MouseButton.LeftButton)
    assert grid.error.isVisible() and "successes cannot be more than tries" in grid.error.text()
    assert plan_records.progress(ctx.db, child, plan_id).days == ()
    record.close()  # unsaved: asks, and Cancel keeps the window and the typing
    assert record.isVisible() and said[-1][1].startswith("Save this week?")
    assert grid.table.item(0, TRIES).text() == "2"


def test_a_plan_with_records_is_stopped_from_the_tab(qtbot, ctx, answer_boxes):
    said = answer_boxes(QMessageBox.StandardButton.Yes)
    child = add_child(ctx.db)
    plan_id = add_plan(ctx.db, child, add_goal(ctx.db, child))
    plan_records.save_week(ctx.db, child, plan_id, [plan_records.DayEntry(START, 5, 2)])
    record = _record(qtbot, ctx, child)
    tab = record.plans
    assert tab.selected_plan() is not None
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert "will be stopped and kept" in said[-1][1]
    plan = plans_service.get_plan(ctx.db, child, plan_id)
    assert plan.status is PlanStatus.STOPPED
    assert not tab.grid.isEnabled()  # a stopped plan's records are kept as they were


def test_every_control_on_the_tab_and_in_the_editors_has_a_name(qtbot, demo_ctx):
    record = _record(qtbot, demo_ctx, 1)
    tab = record.plans
    assert tab.selected_plan() is not None
    assert _nameless(tab) == []
    dialog = PlanDialog(
        demo_ctx,
        1,
        tab.goals,
        tab.selected_plan().data.prompts,
        tab.selected_plan().id,
        tab.selected_plan().data,
    )
    qtbot.addWidget(dialog)
    for page in range(3):
        dialog.pages.setCurrentIndex(page)
        assert _nameless(dialog) == [], page


def test_a_plan_goes_to_the_library_and_starts_another_childs_plan(
    qtbot, ctx, monkeypatch, answer_boxes
):
    from PySide6.QtWidgets import QInputDialog

    from portage_desktop.services import plan_library
    from portage_desktop.ui.plans import plan_actions

    answer_boxes()
    amy = add_child(ctx.db)
    add_plan(ctx.db, amy, add_goal(ctx.db, amy))
    tab = _record(qtbot, ctx, amy).plans
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Coat on for Amy", True))
    plan_actions.to_library(tab)
    [template] = plan_library.list_templates(ctx.db)
    assert template.name == "Coat on for the child"

    ben = add_child(ctx.db, "Ben", "Cole")
    add_goal(ctx.db, ben)
    other = _record(qtbot, ctx, ben).plans
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *_a, **_k: ("Coat on for the child (Outcome-focused)", True)
    )

    def accept(dialog: PlanDialog) -> None:
        assert dialog.title_edit.text() == "Coat on"
        assert dialog.steps.table.rowCount() == 3
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, accept)
    plan_actions.from_library(other)
    [plan] = plans_service.list_plans(ctx.db, ben)
    assert "Amy" not in plan.text("behaviour") and plan.data.agreed_with == ""

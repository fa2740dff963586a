"""Reviews with parents on screen: preparing and recording a review from the Reviews tab, and
the Dashboard's reviews due, checked against a database built for the test."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMessageBox

from portage_desktop.services import plan_records, review_schedule, reviews
from portage_desktop.services import plans as plans_service
from portage_desktop.services.dates import format_date
from portage_desktop.services.plan_vocabulary import PlanStatus
from portage_desktop.services.review_schedule import Due
from portage_desktop.services.reviews import Decision, Progress, ReviewInput
from portage_desktop.services.stamp_evidence import GoalArea
from portage_desktop.ui.children.child_record import ChildRecordWindow
from tests.services.plan_helpers import add_child, add_goal, add_plan
from tests.ui.conftest import when_modal_opens
from tests.ui.test_stamp_screens import _nameless


def _held(db, child: int, day: date) -> None:
    row = reviews.PlanReview(
        None, GoalArea.PLAY, "Coat on", Progress.PROGRESSING, Decision.CONTINUE
    )
    reviews.save_review(
        db, child, ReviewInput(held_on=day, held=True, parents="Jo Lee", plans=(row,))
    )


def test_a_senco_prepares_records_and_acts_on_a_review(qtbot, ctx, answer_boxes):
    said = answer_boxes(QMessageBox.StandardButton.Yes)
    child = add_child(ctx.db)
    plan = add_plan(ctx.db, child, add_goal(ctx.db, child))
    plan_records.next_step(ctx.db, child, plan, on=date(2026, 11, 9))
    record = ChildRecordWindow(ctx, child)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentWidget(record.reviews)
    tab = record.reviews
    assert "No reviews yet" in tab.text.toPlainText()
    assert _nameless(tab) == []

    def record_meeting(dialog) -> None:
        assert dialog.plans.rowCount() == 1 and dialog.plans.item(0, 0).text() == "Coat on"
        assert "1 of 3 small steps learnt" in dialog.plans.item(0, 4).text()
        assert _nameless(dialog) == []
        qtbot.keyClick(dialog.held, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)  # held, but no parents named
        assert "name the parents" in dialog.errors.text("parents")
        qtbot.keyClicks(dialog.parents, "Jo Lee (Mum)")
        dialog.plans.cellWidget(0, 3).setCurrentIndex(1)  # change the small step
        dialog.pages.setCurrentIndex(1)
        qtbot.keyClicks(dialog.texts["successes"], "Amy pulls her coat up all by herself!")
        dialog.pages.setCurrentIndex(2)
        dialog._add_issue()
        dialog.issues.item(0, 0).setText("Worried about the move to the pre-school room")
        dialog.issues.item(0, 1).setText("Key person")
        dialog.issues.item(0, 2).setText("01/12/2026")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, record_meeting)
    qtbot.keyClick(tab.prepare_button, Qt.Key.Key_Space)
    [saved] = reviews.list_reviews(ctx.db, child)
    d = saved.data
    assert d.held and d.parents == "Jo Lee (Mum)" and d.plans[0].decision is Decision.CHANGE_STEP
    assert d.issues[0].due_on == date(2026, 12, 1) and d.issues[0].owner == "Key person"
    assert "Amy pulls her coat up" in tab.text.toPlainText()

    qtbot.keyClick(tab.next_button, Qt.Key.Key_Space)
    assert any("new plan(s) started" in text for _kind, text in said)
    plans = plans_service.list_plans(ctx.db, child)
    assert [p.status for p in plans] == [PlanStatus.CHANGED, PlanStatus.ACTIVE]
    assert len(plans[1].data.steps) == 2  # the two steps not yet learnt, carried forward
    assert record.plans.tree.topLevelItem(0).childCount() == 2


def test_the_dashboard_counts_reviews_and_opens_the_childs_review(qtbot, ctx, open_window):
    from portage_desktop.services.setting import SettingInput, save_setting
    from portage_desktop.services.vocabulary import SettingKind

    save_setting(ctx.db, SettingInput("Acorns", SettingKind.GROUP))
    overdue = add_child(ctx.db, "Ola", "Nowak")
    add_plan(ctx.db, overdue, add_goal(ctx.db, overdue))
    _held(ctx.db, overdue, date(2026, 1, 5))
    never = add_child(ctx.db, "Ada", "King")
    add_plan(ctx.db, never, add_goal(ctx.db, never))
    add_child(ctx.db, "Sam", "Ray")  # no plan: needs no review
    window = open_window(ctx)
    window.go_to(0)
    summary = window.dashboard.reviews
    due = {r.name: r for r in review_schedule.reviews_due(ctx.db, date.today())}
    assert set(due) == {"Ola Nowak", "Ada King"}
    overdue_count = sum(r.state is Due.OVERDUE for r in due.values())
    assert summary.counts.text().startswith(f"Overdue: {overdue_count}.")
    assert "No review yet: 1." in summary.counts.text()
    texts = [summary.list.item(i).text() for i in range(summary.list.count())]
    assert any(t.startswith("Overdue: Ola Nowak, due 05/05/2026") for t in texts)
    item = next(
        summary.list.item(i)
        for i in range(summary.list.count())
        if "Ola Nowak" in summary.list.item(i).text()
    )
    summary.list.itemActivated.emit(item)
    record = window.children_page.record_windows[overdue]
    assert record.tabs.currentWidget() is record.reviews
    assert "overdue" in record.reviews.due.text()


def test_a_transition_plan_is_written_and_its_actions_reach_the_dashboard(qtbot, ctx, open_window):
    from portage_desktop.services import transitions
    from portage_desktop.services.setting import SettingInput, save_setting
    from portage_desktop.services.vocabulary import SettingKind

    save_setting(ctx.db, SettingInput("Acorns", SettingKind.GROUP))
    child = add_child(ctx.db)
    record = ChildRecordWindow(ctx, child)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentWidget(record.reviews)
    tab = record.reviews
    due = date.today() + timedelta(days=400)  # always ahead, so never counted as overdue

    def write(dialog) -> None:
        assert _nameless(dialog) == []
        qtbot.keyClicks(dialog.place, "Riverside Primary")
        qtbot.keyClicks(dialog.meeting_on.edit, "02/11/2026")
        qtbot.keyClicks(dialog.needs, "A quiet corner and a visual timetable")
        dialog._add(transitions.Action(""))
        dialog.actions.item(0, 0).setText("Share the one-page profile")
        dialog.actions.item(0, 1).setText("SENCO")
        dialog.actions.item(0, 2).setText(format_date(due))
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, write)
    qtbot.keyClick(tab.new_transition_button, Qt.Key.Key_Space)
    [saved] = transitions.list_transitions(ctx.db, child)
    assert saved.data.place == "Riverside Primary" and saved.data.meeting_on == date(2026, 11, 2)
    assert saved.data.actions[0].due_on == due
    assert "actions still to do: 1" in tab.transitions.item(0).text()
    window = open_window(ctx)
    window.go_to(0)
    summary = window.dashboard.transitions
    assert summary.counts.text() == "Transition actions still to do: 1, overdue: 0."
    assert (
        f"Amy Lee: Share the one-page profile (SENCO, by {format_date(due)})"
        in summary.list.item(0).text()
    )


def test_adding_an_issue_puts_the_typing_in_it_and_an_empty_one_is_not_dropped(
    qtbot, ctx, answer_boxes
):
    """Typing after "Add an issue" lands in the new issue, and Save with an issue left empty
    says so rather than saving the review without it."""
    said = answer_boxes(QMessageBox.StandardButton.Yes)
    child = add_child(ctx.db)
    add_plan(ctx.db, child, add_goal(ctx.db, child))
    record = ChildRecordWindow(ctx, child)
    qtbot.addWidget(record)
    record.show()
    record.tabs.setCurrentWidget(record.reviews)
    tab = record.reviews
    assert tab.prepare_button.text() == "&Record a review…"

    def record_meeting(dialog) -> None:
        qtbot.keyClicks(dialog.parents, "Jo Lee (Mum)")
        dialog.pages.setCurrentIndex(2)
        qtbot.keyClick(dialog.add_issue, Qt.Key.Key_Space)
        assert dialog.issues.state() is QAbstractItemView.State.EditingState
        editor = dialog.issues.indexWidget(dialog.issues.model().index(0, 0))
        assert editor is not None
        qtbot.keyClicks(editor, "Sleep at night")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        del editor  # closed by Return; Qt deletes it
        assert dialog.issues.item(0, 0).text() == "Sleep at night"
        qtbot.keyClick(dialog.add_issue, Qt.Key.Key_Space)  # a second, left empty
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        assert dialog.isVisible()
        assert "Issue 2 is empty" in dialog.errors.text("issues")
        assert dialog.pages.currentIndex() == 2
        qtbot.keyClick(dialog.remove_issue, Qt.Key.Key_Space)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)

    when_modal_opens(qtbot, record_meeting)
    qtbot.keyClick(tab.prepare_button, Qt.Key.Key_Space)
    [saved] = reviews.list_reviews(ctx.db, child)
    assert [i.text for i in saved.data.issues] == ["Sleep at night"]
    assert "Sleep at night" in tab.text.toPlainText()
    assert said == []

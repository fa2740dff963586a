"""Blocks skip closure days; make-up visits; visit records; and each dashboard warning with
its edge cases (failed visits in a row, cancelled visits, write-up deadlines in working days)."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import (
    block_reviews,
    caseloads,
    reminders,
    rules,
    visits,
)
from portage_desktop.services.home_visiting.reminders import WarningKind
from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    Pattern,
    VisitPlace,
    VisitStatus,
)
from tests.services.home_visiting_helpers import TODAY, add_visitor, waiting_family

MONDAY = date(2026, 9, 14)


def _allocated_block(db, pattern=Pattern.WEEKLY, kind=BlockKind.STANDARD, **family):
    referral = waiting_family(db, **family)
    caseloads.allocate(db, referral, add_visitor(db), MONDAY)
    block = visits.plan_block(db, referral, BlockInput(kind, pattern, 1, "9:30", MONDAY))
    return referral, block


def _kinds(db, on: date) -> list[WarningKind]:
    return [w.kind for w in reminders.warnings(db, on)]


def test_a_block_skips_closure_days_and_keeps_its_number_of_visits(db):
    rules.add_closure(db, date(2026, 10, 26), date(2026, 10, 30), "Half term")
    _, block = _allocated_block(db, Pattern.FORTNIGHTLY, BlockKind.PORTAGE_PLUS)
    days = [v.on for v in visits.list_visits(db, block.child_id)]
    assert len(days) == 12 and days[0] == date(2026, 9, 15)
    assert date(2026, 10, 27) not in days  # the half-term Tuesday is passed over
    assert days[3] == date(2026, 11, 10) and block.ends_on == days[-1]
    assert all(v.planned_time == "09:30" for v in visits.list_visits(db, block.child_id))


def test_a_closure_removed_by_mistake_is_visited_again_by_the_next_block(db):
    from portage_desktop.services.errors import NotFoundError

    closure = rules.add_closure(db, date(2026, 10, 26), date(2026, 10, 30), "Half term")
    rules.remove_closure(db, closure)
    assert rules.list_closures(db) == []
    _, block = _allocated_block(db, Pattern.FORTNIGHTLY, BlockKind.PORTAGE_PLUS)
    assert date(2026, 10, 27) in [v.on for v in visits.list_visits(db, block.child_id)]
    with pytest.raises(NotFoundError):
        rules.remove_closure(db, closure)


def test_schedule_dates_weekly_fortnightly_and_monthly():
    start = date(2026, 9, 14)
    assert visits.schedule_dates(start, 0, Pattern.WEEKLY, 2, set())[1] == date(2026, 9, 21)
    assert visits.schedule_dates(start, 0, Pattern.FORTNIGHTLY, 2, set())[1] == date(2026, 9, 28)
    assert visits.schedule_dates(start, 0, Pattern.MONTHLY, 2, set())[1] == date(2026, 10, 12)


def _record(db, visit_id: int, status: VisitStatus, **fields) -> None:
    if status is VisitStatus.HELD:
        fields.setdefault("place", VisitPlace.HOME)
    visits.record_visit(db, visit_id, VisitInput(status, **fields), today=TODAY)


def test_three_failed_in_a_row_warn_and_a_cancelled_visit_neither_counts_nor_breaks(db):
    _, block = _allocated_block(db)
    v = visits.list_visits(db, block.child_id)
    _record(db, v[0].id, VisitStatus.HELD, written_up_on=v[0].on)
    _record(db, v[1].id, VisitStatus.FAILED)
    _record(db, v[2].id, VisitStatus.FAILED)
    _record(db, v[3].id, VisitStatus.CANCELLED_FAMILY)
    assert WarningKind.FAILED_IN_ROW not in _kinds(db, TODAY)  # two failed, one cancelled
    _record(db, v[4].id, VisitStatus.FAILED)
    [warning] = [w for w in reminders.warnings(db, TODAY) if w.kind is WarningKind.FAILED_IN_ROW]
    assert warning.on == v[4].on and warning.child_name == "Amy Lee"
    _record(db, v[5].id, VisitStatus.HELD, written_up_on=v[5].on)
    assert WarningKind.FAILED_IN_ROW not in _kinds(db, TODAY)  # a held visit ends the run


def test_a_make_up_visit_counts_as_delivered_but_only_for_a_missed_visit(db):
    _, block = _allocated_block(db)
    v = visits.list_visits(db, block.child_id)
    with pytest.raises(ValidationError):
        visits.add_make_up_visit(db, v[0].id, date(2026, 9, 17))  # still planned
    _record(db, v[0].id, VisitStatus.CANCELLED_SERVICE, reason="Visitor unwell")
    make_up = visits.add_make_up_visit(db, v[0].id, date(2026, 9, 17))
    assert make_up.is_make_up and make_up.make_up_for_id == v[0].id and make_up.number == 0
    _record(db, make_up.id, VisitStatus.HELD, written_up_on=date(2026, 9, 17))
    [counted] = visits.list_blocks(db, block.child_id)
    assert counted.delivered == 1 and counted.planned == 8


def test_a_held_visit_needs_where_and_a_joint_visit_names_the_professional(db):
    _, block = _allocated_block(db)
    first = visits.list_visits(db, block.child_id)[0]
    with pytest.raises(ValidationError) as error:
        visits.record_visit(db, first.id, VisitInput(VisitStatus.HELD), today=TODAY)
    assert "place" in error.value.errors
    with pytest.raises(ValidationError) as error:
        visits.record_visit(
            db, first.id, VisitInput(VisitStatus.HELD, place=VisitPlace.JOINT), today=TODAY
        )
    assert "joint_with" in error.value.errors
    saved = visits.record_visit(
        db,
        first.id,
        VisitInput(
            VisitStatus.HELD,
            place=VisitPlace.JOINT,
            joint_with="Sue, speech therapist",
            minutes_child_led=20,
            minutes_family_focus=15,
            minutes_teaching=25,
            shared_notes="Bubbles: Amy said 'more'.\nWe will try at bath time.",
        ),
        today=TODAY,
    )
    assert saved.data.shared_notes.count("\n") == 1 and saved.data.minutes_teaching == 25
    future = visits.list_visits(db, block.child_id)[-1]
    with pytest.raises(ValidationError):
        visits.record_visit(
            db, future.id, VisitInput(VisitStatus.HELD, place=VisitPlace.HOME), today=MONDAY
        )


def test_visits_not_written_up_within_five_working_days(db):
    _, block = _allocated_block(db)
    first = visits.list_visits(db, block.child_id)[0]  # Tuesday 15/09/2026
    _record(db, first.id, VisitStatus.HELD)
    due = date(2026, 9, 22)  # five working days later, over the weekend
    assert rules.add_working_days(first.on, 5) == due
    assert WarningKind.NOT_WRITTEN_UP not in _kinds(db, due)  # the deadline day itself
    [late] = [
        w for w in reminders.warnings(db, date(2026, 9, 23)) if w.kind.value == "not_written_up"
    ]
    assert late.on == due
    _record(db, first.id, VisitStatus.HELD, written_up_on=date(2026, 9, 23))
    assert WarningKind.NOT_WRITTEN_UP not in _kinds(db, date(2026, 9, 23))


def test_a_blocks_last_visit_without_a_review_warns_until_one_is_linked(db):
    _, block = _allocated_block(db)
    assert block.ends_on == date(2026, 11, 3)
    assert WarningKind.BLOCK_WITHOUT_REVIEW not in _kinds(db, date(2026, 10, 19))  # 15 days
    assert WarningKind.BLOCK_WITHOUT_REVIEW in _kinds(db, date(2026, 10, 20))  # 14 days before
    block_reviews.start_block_review(db, block.id, block.ends_on)
    assert WarningKind.BLOCK_WITHOUT_REVIEW not in _kinds(db, date(2026, 11, 4))


def test_the_term_after_the_third_birthday_coming_up(db):
    waiting_family(db, born=date(2023, 11, 1))  # eligible until 01/01/2027
    [w] = [x for x in reminders.warnings(db, TODAY) if x.kind is WarningKind.ELIGIBILITY_ENDING]
    assert w.on == date(2027, 1, 1)
    # 12 weeks before is 09/10/2026: warned from that day, not the day before
    assert WarningKind.ELIGIBILITY_ENDING in _kinds(db, date(2026, 10, 9))
    assert WarningKind.ELIGIBILITY_ENDING not in _kinds(db, date(2026, 10, 8))


def test_waiting_past_the_target_and_a_visitor_over_capacity(db):
    waiting_family(db)  # waiting since 08/09/2026
    assert WarningKind.WAITING_TOO_LONG in _kinds(db, date(2026, 12, 2))
    assert WarningKind.WAITING_TOO_LONG not in _kinds(db, date(2026, 12, 1))
    visitor = add_visitor(db, "Tia", "Small", fte=10)  # limits: 1.6 families, 1.2 visits
    for first in ("Ann", "Bea"):
        referral = waiting_family(db, first=first)
        caseloads.allocate(db, referral, visitor, MONDAY)
    [over] = [w for w in reminders.warnings(db, TODAY) if w.kind is WarningKind.OVER_CAPACITY]
    assert "Tia Small" in over.text and over.on == TODAY

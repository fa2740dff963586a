"""Reviews with parents: the due and overdue rule, preparing a review from the records,
carrying unmet steps forward, and the Stamp of Approval evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from portage_desktop.services import children as children_service
from portage_desktop.services import plan_records, reviews
from portage_desktop.services import plans as plans_service
from portage_desktop.services import review_schedule as schedule
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.plan_vocabulary import PlanStatus
from portage_desktop.services.review_schedule import Due
from portage_desktop.services.reviews import Decision, Issue, Progress, ReviewInput
from portage_desktop.services.stamp_evidence import GoalArea, children_evidence
from tests.services.plan_helpers import START, TODAY, add_child, add_goal, add_plan


def test_next_review_is_one_term_after_the_last_and_same_day_counts_once():
    assert schedule.next_due(START, [], 3) == date(2027, 3, 2)  # started mid-year
    held = [date(2026, 3, 1), date(2026, 7, 10), date(2026, 7, 10)]
    assert schedule.next_due(START, held, 3) == date(2026, 11, 10)
    assert schedule.next_due(START, [date(2024, 2, 29)], 1) == date(2025, 2, 28)  # leap year
    assert schedule.next_due(START, [date(2023, 10, 31)], 3) == date(2024, 2, 29)


def test_terms_decide_due_this_term_or_coming_up():
    terms = schedule.DEFAULT_TERMS
    assert schedule.term_of(date(2026, 11, 22)).ends == date(2026, 12, 31)
    assert schedule.term_of(date(2027, 2, 1)).name == "Spring term"
    assert schedule.classify(date(2026, 11, 21), TODAY, terms) is Due.OVERDUE
    assert schedule.classify(date(2026, 12, 31), TODAY, terms) is Due.THIS_TERM
    assert schedule.classify(date(2027, 3, 31), TODAY, terms) is Due.COMING_UP
    assert schedule.classify(date(2027, 4, 1), TODAY, terms) is Due.LATER


def test_a_review_due_today_is_due_not_overdue():
    """The day before is overdue, the day itself and the day after are due this term."""
    terms = schedule.DEFAULT_TERMS
    day_before = date.fromordinal(TODAY.toordinal() - 1)
    day_after = date.fromordinal(TODAY.toordinal() + 1)
    assert schedule.classify(day_before, TODAY, terms) is Due.OVERDUE
    assert schedule.classify(TODAY, TODAY, terms) is Due.THIS_TERM
    assert schedule.classify(day_after, TODAY, terms) is Due.THIS_TERM


def test_the_dashboard_shows_a_review_due_today_as_due(db):
    child = add_child(db, "Amy", "Lee")
    add_plan(db, child, add_goal(db, child))
    held_on = date(2026, 7, 22)  # four months before TODAY (22/11/2026)
    _held(db, child, held_on)
    [row] = schedule.reviews_due(db, TODAY)
    assert row.due_on == TODAY and row.state is Due.THIS_TERM
    [row] = schedule.reviews_due(db, date(2026, 11, 23))
    assert row.state is Due.OVERDUE


def test_the_schedule_counts_the_latest_review_held_by_the_day_asked_about(db):
    """A later review counts from its own day, not the day before (it had not happened)."""
    child = add_child(db, "Eve", "Moss")
    add_plan(db, child, add_goal(db, child))
    _held(db, child, date(2026, 3, 2))
    _held(db, child, date(2026, 6, 1))
    _held(db, child, date(2026, 8, 20))
    [row] = schedule.reviews_due(db, date(2026, 8, 19))
    assert row.last_review == date(2026, 6, 1) and row.due_on == date(2026, 10, 1)
    [row] = schedule.reviews_due(db, date(2026, 8, 20))
    assert row.last_review == date(2026, 8, 20) and row.due_on == date(2026, 12, 20)
    [row] = schedule.reviews_due(db, date(2026, 8, 21))
    assert row.last_review == date(2026, 8, 20)


def _held(db, child: int, day: date, goal_area: GoalArea = GoalArea.PLAY) -> int:
    row = reviews.PlanReview(None, goal_area, "Coat on", Progress.PROGRESSING, Decision.CONTINUE)
    data = ReviewInput(held_on=day, held=True, parents="Jo Lee", plans=(row,))
    return reviews.save_review(db, child, data, today=TODAY)


def test_dashboard_lists_against_a_database_built_for_the_test(db):
    overdue = add_child(db, "Ola", "Nowak")
    add_plan(db, overdue, add_goal(db, overdue))
    _held(db, overdue, date(2026, 6, 1))
    this_term = add_child(db, "Ben", "Cole")
    add_plan(db, this_term, add_goal(db, this_term))
    _held(db, this_term, date(2026, 8, 20))
    _held(db, this_term, date(2026, 8, 20))  # two records of the same day count once
    never = add_child(db, "Ada", "King")
    add_plan(db, never, add_goal(db, never))
    left = add_child(db, "Tom", "Hart")
    add_plan(db, left, add_goal(db, left))
    children_service.archive_child(db, left, date(2026, 11, 1))
    no_plan = add_child(db, "Sam", "Ray")
    add_goal(db, no_plan)
    due = {r.name: r for r in schedule.reviews_due(db, TODAY)}
    assert set(due) == {"Ola Nowak", "Ben Cole", "Ada King"}  # not the leaver, not without plan
    assert due["Ola Nowak"].state is Due.OVERDUE and due["Ola Nowak"].due_on == date(2026, 10, 1)
    assert due["Ben Cole"].state is Due.THIS_TERM
    assert due["Ada King"].last_review is None and due["Ada King"].state is Due.COMING_UP
    # One child's own line, as their record shows it, is the same as on the whole list.
    for row in due.values():
        assert schedule.reviews_due(db, TODAY, row.child_id) == [row]
    assert schedule.reviews_due(db, TODAY, left) == []  # a leaver has none
    assert schedule.reviews_due(db, TODAY, no_plan) == []


def test_a_draft_is_prepared_from_the_records_and_a_held_review_needs_parents(db):
    child = add_child(db)
    plan = add_plan(db, child, add_goal(db, child))
    plan_records.next_step(db, child, plan, on=date(2026, 11, 9))
    draft = reviews.prepare_review(db, child, TODAY)
    [row] = draft.plans
    assert (row.plan_id, row.progress, row.goal_area) == (plan, Progress.PROGRESSING, GoalArea.PLAY)
    assert "1 of 3 small steps learnt" in row.note
    draft_id = reviews.save_review(db, child, draft, today=TODAY)
    [saved] = reviews.list_reviews(db, child)
    assert saved.id == draft_id and not saved.data.held
    with pytest.raises(ValidationError) as caught:
        reviews.save_review(db, child, replace(draft, held=True), draft_id, today=TODAY)
    assert "parents" in caught.value.errors
    issue = Issue("Worried about the move to the pre-school room", "Key person", date(2026, 12, 1))
    reviews.save_review(
        db, child, replace(draft, held=True, parents="Jo Lee", issues=(issue,)), draft_id, TODAY
    )
    [held] = reviews.list_reviews(db, child)
    assert held.data.held and held.data.issues == (issue,)
    evidence = children_evidence(db, TODAY)
    assert evidence.reviews_kept


def test_carrying_forward_keeps_unmet_steps_and_stops_what_was_stopped(db):
    child = add_child(db)
    goal = add_goal(db, child)
    keep = add_plan(db, child, goal)
    stop = add_plan(db, child, goal, title="Shoes on")
    plan_records.next_step(db, child, keep, on=date(2026, 11, 9))
    draft = reviews.prepare_review(db, child, TODAY)
    rows = tuple(
        replace(r, decision=Decision.STOP) if r.plan_id == stop else r for r in draft.plans
    )
    review = reviews.save_review(
        db, child, replace(draft, held=True, parents="Jo Lee", plans=rows), today=TODAY
    )
    [new] = reviews.carry_forward(db, child, review, date(2026, 11, 23), date(2027, 3, 1))
    plans = {p.id: p for p in plans_service.list_plans(db, child)}
    assert plans[stop].status is PlanStatus.STOPPED and plans[keep].status is PlanStatus.CHANGED
    assert [s.text for s in plans[new].data.steps] == [
        s.text for s in plans[keep].data.steps if s.achieved_on is None
    ]


def test_criterion_4_counts_held_reviews_with_parents_and_their_areas(db):
    child = children_service.save_child(
        db,
        children_service.ChildInput(
            "Noor", "Baig", date(2023, 2, 2), sen_status=children_service.SenStatus.SEN_SUPPORT
        ),
        today=TODAY,
    ).id
    add_plan(db, child, add_goal(db, child))
    for day, area in (
        (date(2026, 2, 1), GoalArea.PLAY),
        (date(2026, 6, 1), GoalArea.LEARNING),
        (date(2026, 10, 1), GoalArea.PARTICIPATION),
    ):
        _held(db, child, day, area)
    reviews.save_review(db, child, ReviewInput(held_on=date(2026, 11, 1)), today=TODAY)  # draft
    [evidence] = children_evidence(db, TODAY).children
    assert [r.held_on for r in evidence.reviews] == [
        date(2026, 2, 1),
        date(2026, 6, 1),
        date(2026, 10, 1),
    ]
    assert all(r.with_parents for r in evidence.reviews)
    assert set().union(*(r.goal_areas for r in evidence.reviews)) == set(GoalArea)


def test_open_issues_are_tracked_until_closed(db):
    child = add_child(db)
    issue = Issue("Sleep advice", "SENCO", date(2026, 12, 1))
    data = ReviewInput(held_on=date(2026, 11, 20), held=True, parents="Jo", issues=(issue,))
    review = reviews.save_review(db, child, data, today=TODAY)
    reviews.save_review(db, child, ReviewInput(held_on=TODAY, issues=(issue,)), today=TODAY)
    [found] = reviews.open_issues(db)  # the draft's issue is not raised yet
    assert (found.child_name, found.text, found.owner) == ("Amy Lee", "Sleep advice", "SENCO")
    closed = replace(issue, closed_on=date(2026, 11, 21))
    reviews.save_review(db, child, replace(data, issues=(closed,)), review, today=TODAY)
    assert reviews.open_issues(db) == []


def test_term_dates_are_edited_as_text_and_kept_from_a_date(db):
    text = schedule.terms_text(schedule.DEFAULT_TERMS)
    assert text.splitlines()[2] == "Autumn term: 1/9"
    terms = schedule.parse_terms("Autumn: 3/9\nSpring: 5/1\nSummer: 20/4")
    assert terms == [("Spring", 1, 5), ("Summer", 4, 20), ("Autumn", 9, 3)]
    schedule.save_term_dates(db, terms, date(2026, 11, 1))
    assert schedule.term_dates(db, date(2026, 10, 31)) == schedule.DEFAULT_TERMS
    assert schedule.term_dates(db, TODAY)[0] == ("Spring", 1, 5)
    with pytest.raises(ValidationError):
        schedule.parse_terms("Autumn starts in September")
    with pytest.raises(ValidationError):
        schedule.save_term_dates(db, [("Only", 2, 30), ("Other", 9, 1)], TODAY)


def test_the_stamp_evidence_reads_the_last_twelve_months_of_reviews(db):
    """Every criterion counts reviews held after the day a year before: one held that very
    day is left out, one the day after is in (older ones are never read)."""
    from portage_desktop.services.children import ChildInput
    from portage_desktop.services.dates import add_months
    from portage_desktop.services.vocabulary import SenStatus

    data = ChildInput("Ola", "Nowak", date(2023, 3, 1), sen_status=SenStatus.SEN_SUPPORT)
    child = children_service.save_child(db, data, today=TODAY).id
    add_plan(db, child, add_goal(db, child))
    year_ago = add_months(TODAY, -12)
    for day in (year_ago - timedelta(days=200), year_ago, year_ago + timedelta(days=1), TODAY):
        _held(db, child, day)
    [evidence] = [c for c in children_evidence(db, TODAY).children if c.child_id == child]
    assert [r.held_on for r in evidence.reviews] == [year_ago + timedelta(days=1), TODAY]

"""The screens' own rules, applied to the rows of a whole-setting file before import.

Each rule is tried at its boundary (the day before, the day of, the day after); the rows are
the ones ``check_rows`` hands over, already of the right Python types.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from portage_desktop.services.setting_import_rules import check_rules

TODAY = date(2026, 11, 22)
DAY = timedelta(days=1)
CREATED = datetime(2026, 11, 1, 12, tzinfo=UTC)


def _child(**changes: Any) -> dict[str, Any]:
    row = {
        "id": 1,
        "first_name": "Amy",
        "last_name": "Lee",
        "known_as": "",
        "date_of_birth": date(2024, 5, 1),
        "start_date": date(2025, 9, 1),
        "leave_date": None,
        "key_person_id": None,
        "sen_status": "none",
        "need_areas": "",
        "home_languages": "English",
        "created_at": CREATED,
    }
    return row | changes


def _problems(table: str, **changes: Any) -> list[str]:
    makers = {
        "child": _child,
        "activity_plan": _plan,
        "visit_block": _block,
        "training_record": _training,
        "review": _review,
        "goal": _goal,
        "staff_member": _staff,
        "user_account": _user,
    }
    return check_rules({table: [makers[table](**changes)]}, TODAY)


def test_a_well_formed_record_of_each_kind_passes():
    for table in ("child", "activity_plan", "visit_block", "training_record", "review", "goal"):
        assert _problems(table) == [], table
    for table in ("staff_member", "user_account"):
        assert _problems(table) == [], table


@pytest.mark.parametrize(
    ("born", "refused"), [(TODAY - DAY, False), (TODAY, False), (TODAY + DAY, True)]
)
def test_a_date_of_birth_in_the_future_is_refused(born, refused):
    problems = _problems("child", date_of_birth=born, start_date=None)
    expected = ["tables.child[0].date_of_birth: The date of birth cannot be in the future."]
    assert problems == (expected if refused else [])


@pytest.mark.parametrize(
    ("started", "refused"),
    [(date(2024, 4, 30), True), (date(2024, 5, 1), False), (date(2024, 5, 2), False)],
)
def test_a_start_date_before_the_date_of_birth_is_refused(started, refused):
    problems = _problems("child", start_date=started)
    expected = ["tables.child[0].start_date: The start date cannot be before the date of birth."]
    assert problems == (expected if refused else [])


@pytest.mark.parametrize(
    ("left", "refused"),
    [(date(2025, 8, 31), True), (date(2025, 9, 1), False), (date(2025, 9, 2), False)],
)
def test_a_leaving_date_before_the_start_is_refused(left, refused):
    problems = _problems("child", leave_date=left)
    expected = ["tables.child[0].leave_date: The leaving date cannot be before the start date."]
    assert problems == (expected if refused else [])


@pytest.mark.parametrize(
    ("born", "refused"),
    [(date(2018, 10, 31), True), (date(2018, 11, 1), False), (date(2018, 11, 2), False)],
)
def test_the_age_limit_is_judged_on_the_day_the_record_was_entered(born, refused):
    problems = _problems("child", date_of_birth=born, start_date=None)
    assert bool(problems) == refused
    if refused:
        assert problems[0].startswith("tables.child[0].date_of_birth: The date of birth is more")


def test_a_leavers_record_kept_for_years_is_not_refused_for_the_childs_age_now():
    entered = datetime(2014, 9, 1, 12, tzinfo=UTC)
    old = _child(date_of_birth=date(2011, 3, 1), start_date=date(2014, 9, 1), created_at=entered)
    assert check_rules({"child": [old]}, TODAY) == []


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "Please enter the child's first name."),
        ("   ", "Please enter the child's first name."),
        ("x" * 101, "The child's first name is too long (at most 100 characters)."),
    ],
)
def test_a_childs_name_is_required_and_not_too_long(name, problem):
    assert _problems("child", first_name=name) == [f"tables.child[0].first_name: {problem}"]


def test_a_name_of_exactly_the_limit_passes():
    assert _problems("child", first_name="x" * 100) == []


@pytest.mark.parametrize("name", ["Amy\u202eeL", "Amy\x00", "Amy\x1b[31m", "\u2060"])
def test_a_name_hiding_characters_is_refused(name):
    problems = _problems("child", last_name=name)
    assert len(problems) == 1 and problems[0].startswith("tables.child[0].last_name: ")


def test_text_longer_than_the_screen_allows_is_refused():
    assert _problems("child", known_as="x" * 100) == []
    assert _problems("child", known_as="x" * 101) == [
        "tables.child[0].known_as: The name they are known by is too long (at most 100 characters)."
    ]


def test_a_choice_the_app_does_not_offer_is_refused():
    problems = _problems("child", sen_status="bogus")
    assert len(problems) == 1
    assert problems[0].startswith("tables.child[0].sen_status: must be one of none, ")


def _plan(**changes: Any) -> dict[str, Any]:
    row = {
        "id": 7,
        "child_id": 1,
        "goal_id": 3,
        "kind": "open",
        "title": "Sharing books",
        "start_on": date(2026, 10, 1),
        "review_on": date(2026, 12, 1),
        "who": "both",
        "method": "",
        "prompts": "[]",
        "target_prompt": "",
        "successes_needed": 4,
        "tries_out_of": 5,
        "days_in_row": 3,
        "agreed_with": "",
        "agreed_on": None,
        "status": "active",
        "purpose": "To enjoy books together",
    }
    return row | changes


@pytest.mark.parametrize(
    ("review_on", "refused"),
    [(date(2026, 9, 30), True), (date(2026, 10, 1), False), (date(2026, 10, 2), False)],
)
def test_a_plan_reviewed_before_it_starts_is_refused(review_on, refused):
    problems = _problems("activity_plan", review_on=review_on)
    expected = ["tables.activity_plan[0].review_on: The review must be after the start."]
    assert problems == (expected if refused else [])


def test_an_outcome_plan_is_judged_with_its_small_steps_from_the_file():
    plan = _plan(kind="outcome", method="forward_chaining", behaviour="Turns pages")
    step = {"id": 1, "plan_id": 7, "position": 0, "text": "Turns one page"}
    assert check_rules({"activity_plan": [plan], "plan_step": [step]}, TODAY) == []
    assert check_rules({"activity_plan": [plan]}, TODAY) == [
        "tables.activity_plan[0]: Please add at least one small step."
    ]


@pytest.mark.parametrize(
    ("agreed", "refused"), [(TODAY - DAY, False), (TODAY, False), (TODAY + DAY, True)]
)
def test_a_plan_agreed_in_the_future_is_refused(agreed, refused):
    problems = _problems("activity_plan", agreed_on=agreed, agreed_with="Mum")
    expected = ["tables.activity_plan[0].agreed_on: The date agreed cannot be in the future."]
    assert problems == (expected if refused else [])


def _block(**changes: Any) -> dict[str, Any]:
    row = {"id": 1, "start_on": date(2026, 9, 7), "ends_on": date(2026, 11, 9)}
    return row | changes


@pytest.mark.parametrize(
    ("ends", "refused"),
    [(date(2026, 9, 6), True), (date(2026, 9, 7), False), (date(2026, 9, 8), False)],
)
def test_a_block_of_visits_ending_before_it_starts_is_refused(ends, refused):
    problems = _problems("visit_block", ends_on=ends)
    expected = ["tables.visit_block[0].ends_on: A block of visits cannot end before it starts."]
    assert problems == (expected if refused else [])


def _training(**changes: Any) -> dict[str, Any]:
    row = {
        "id": 1,
        "staff_member_id": 1,
        "kind": "workshop",
        "title": "",
        "status": "completed",
        "started_on": None,
        "completed_on": date(2025, 3, 10),
        "expires_on": None,
        "trainer": "Northgate Portage Service",
        "trainer_accredited": True,
        "membership_number": "",
        "notes": "",
    }
    return row | changes


@pytest.mark.parametrize(
    ("expires", "refused"),
    [(date(2025, 3, 9), True), (date(2025, 3, 10), False), (date(2025, 3, 11), False)],
)
def test_training_expiring_before_it_was_taken_is_refused(expires, refused):
    problems = _problems("training_record", expires_on=expires)
    expected = [
        "tables.training_record[0].expires_on: The expiry date must be after the start date."
    ]
    assert problems == (expected if refused else [])


@pytest.mark.parametrize(
    ("done", "refused"), [(TODAY - DAY, False), (TODAY, False), (TODAY + DAY, True)]
)
def test_training_completed_in_the_future_is_refused(done, refused):
    problems = _problems("training_record", completed_on=done)
    expected = [
        "tables.training_record[0].completed_on: The completion date cannot be in the future."
    ]
    assert problems == (expected if refused else [])


def _review(**changes: Any) -> dict[str, Any]:
    row = {
        "id": 4,
        "child_id": 1,
        "held_on": date(2026, 6, 1),
        "status": "held",
        "parents": "Jo Lee (Mum)",
        "staff": "",
        "professionals": "",
        "agreed_by": "",
        "agreed_on": None,
    }
    return row | changes


@pytest.mark.parametrize(
    ("held", "refused"), [(TODAY - DAY, False), (TODAY, False), (TODAY + DAY, True)]
)
def test_a_review_held_in_the_future_is_refused(held, refused):
    problems = _problems("review", held_on=held)
    expected = ["tables.review[0].held_on: A review cannot be recorded as held on a future date."]
    assert problems == (expected if refused else [])
    # A draft prepared before the meeting may be dated ahead.
    assert _problems("review", held_on=held, status="draft") == []


def test_a_review_with_a_blank_issue_is_refused():
    review = _review()
    issue = {"id": 1, "review_id": 4, "child_id": 1, "text": " ", "owner": ""}
    assert check_rules({"review": [review], "review_issue": [issue]}, TODAY) == [
        "tables.review[0]: Each issue needs a few words saying what it is."
    ]


def test_a_review_list_of_parents_longer_than_the_screen_allows_is_refused():
    assert _problems("review", parents="x" * 300) == []
    assert _problems("review", parents="x" * 301) == [
        "tables.review[0].parents: The list of parents is too long (at most 300 characters)."
    ]


def _goal(**changes: Any) -> dict[str, Any]:
    row = {
        "id": 3,
        "child_id": 1,
        "area": "play_personal",
        "text": "We would like Amy to take turns",
        "written_with": "Jo Lee (Mum)",
        "written_on": date(2026, 3, 10),
        "target_date": date(2026, 9, 10),
        "status": "active",
    }
    return row | changes


@pytest.mark.parametrize(
    ("target", "refused"),
    [(date(2026, 3, 9), True), (date(2026, 3, 10), False), (date(2026, 3, 11), False)],
)
def test_a_goal_due_before_it_was_written_is_refused(target, refused):
    problems = _problems("goal", target_date=target)
    expected = [
        "tables.goal[0].target_date: The target date cannot be before the goal was written."
    ]
    assert problems == (expected if refused else [])


def _staff(**changes: Any) -> dict[str, Any]:
    row = {
        "id": 1,
        "first_name": "Laura",
        "last_name": "Adeyemi",
        "roles": "manager",
        "start_date": date(2015, 1, 8),
        "leave_date": None,
    }
    return row | changes


def test_a_staff_member_leaving_before_starting_is_refused():
    assert _problems("staff_member", leave_date=date(2015, 1, 8)) == []
    assert _problems("staff_member", leave_date=date(2015, 1, 7)) == [
        "tables.staff_member[0].leave_date: The leaving date cannot be before the start date."
    ]


def _user(**changes: Any) -> dict[str, Any]:
    return {"id": 1, "username": "laura", "display_name": "Laura Adeyemi"} | changes


def test_an_account_name_hiding_characters_is_refused():
    problems = _problems("user_account", display_name="Laura\u202e")
    assert len(problems) == 1
    assert problems[0].startswith("tables.user_account[0].display_name: ")


def test_every_break_in_every_row_is_listed_at_once():
    rows = {
        "child": [
            _child(),
            _child(id=2, first_name="", date_of_birth=TODAY + DAY, start_date=None),
        ],
        "visit_block": [_block(ends_on=date(2026, 9, 1))],
        "training_record": [_training(), _training(id=2, expires_on=date(2025, 1, 1))],
    }
    assert check_rules(rows, TODAY) == [
        "tables.training_record[1].expires_on: The expiry date must be after the start date.",
        "tables.child[1].first_name: Please enter the child's first name.",
        "tables.child[1].date_of_birth: The date of birth cannot be in the future.",
        "tables.visit_block[0].ends_on: A block of visits cannot end before it starts.",
    ]

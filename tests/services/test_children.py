from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from portage_desktop.services import children, staff
from portage_desktop.services.children import ChildInput
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import NeedArea, SenStatus, StaffRole
from tests.conftest import TODAY

GOOD = ChildInput(
    first_name="  Amira ",
    last_name="Okafor",
    date_of_birth=date(2023, 5, 1),
    start_date=date(2024, 9, 2),
    sen_status=SenStatus.SEN_SUPPORT,
    need_areas=(NeedArea.SENSORY_PHYSICAL, NeedArea.COMMUNICATION),
    home_languages="Igbo,  English",
)


def _errors(data: ChildInput) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        children.validate_child(data, TODAY)
    return caught.value.errors


def test_a_valid_child_is_stored_cleaned_and_reads_back(db):
    saved = children.save_child(db, GOOD, today=TODAY)
    again = children.get_child(db, saved.id)
    assert again.first_name == "Amira"
    assert again.home_languages == "Igbo, English"
    assert again.need_areas == (NeedArea.COMMUNICATION, NeedArea.SENSORY_PHYSICAL)
    assert again.sen_status is SenStatus.SEN_SUPPORT


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"first_name": "   "}, "first_name", "first name"),
        ({"last_name": ""}, "last_name", "surname"),
        ({"first_name": "x" * 101}, "first_name", "too long"),
        ({"date_of_birth": None}, "date_of_birth", "enter the date of birth"),
        ({"date_of_birth": date(2026, 11, 23)}, "date_of_birth", "future"),
        ({"date_of_birth": date(2018, 11, 21)}, "date_of_birth", "more than 8 years"),
        ({"start_date": date(2023, 4, 30)}, "start_date", "before the date of birth"),
        ({"leave_date": date(2024, 9, 1)}, "leave_date", "before the start date"),
    ],
)
def test_each_rule_names_its_field(change, field, words):
    errors = _errors(replace(GOOD, **change))
    assert field in errors
    assert words in errors[field].lower()


def test_every_problem_is_reported_at_once():
    errors = _errors(replace(GOOD, first_name="", last_name="", date_of_birth=None))
    assert set(errors) == {"first_name", "last_name", "date_of_birth"}


@pytest.mark.parametrize("born", [TODAY, date(2018, 11, 22)])
def test_boundaries_of_the_date_of_birth_are_allowed(born):
    children.validate_child(replace(GOOD, date_of_birth=born, start_date=None), TODAY)


def test_eight_years_before_a_leap_day():
    leap_day = date(2028, 2, 29)
    children.validate_child(
        replace(GOOD, date_of_birth=date(2020, 2, 29), start_date=None), leap_day
    )
    with pytest.raises(ValidationError):
        children.validate_child(
            replace(GOOD, date_of_birth=date(2020, 2, 28), start_date=None), leap_day
        )


def test_years_before_a_leap_day_falls_back_to_the_28th():
    from portage_desktop.services.validation import years_before

    assert years_before(date(2028, 2, 29), 7) == date(2021, 2, 28)
    assert years_before(date(2028, 2, 29), 8) == date(2020, 2, 29)


def test_leaving_on_the_start_day_is_fine():
    children.validate_child(replace(GOOD, leave_date=GOOD.start_date), TODAY)


def test_nothing_is_half_saved_when_validation_fails(demo_db):
    before = children.list_children(demo_db, include_archived=True)
    target = before[0]
    with pytest.raises(ValidationError):
        children.save_child(demo_db, replace(GOOD, last_name=""), target.id, today=TODAY)
    assert children.list_children(demo_db, include_archived=True) == before


def test_a_key_person_who_no_longer_exists_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        children.save_child(db, replace(GOOD, key_person_id=4242), today=TODAY)
    assert "key_person_id" in caught.value.errors
    assert children.list_children(db) == []


def test_the_list_shows_the_key_person_by_name(db):
    member = staff.save_staff(db, StaffInput("Ruth", "Agyei", (StaffRole.KEY_PERSON,)))
    children.save_child(db, replace(GOOD, key_person_id=member.id), today=TODAY)
    (row,) = children.list_children(db)
    assert row.key_person == "Ruth Agyei"
    assert row.display_name == "Amira Okafor"


def test_known_as_is_used_for_display(db):
    children.save_child(db, replace(GOOD, known_as="Mimi"), today=TODAY)
    assert children.list_children(db)[0].display_name == "Mimi Okafor"


def test_archiving_keeps_the_record_and_can_be_undone(db):
    child = children.save_child(db, GOOD, today=TODAY)
    children.archive_child(db, child.id, TODAY)
    assert children.list_children(db) == []
    (kept,) = children.list_children(db, include_archived=True)
    assert kept.archived
    assert children.get_child(db, child.id).leave_date == TODAY
    children.unarchive_child(db, child.id)
    assert [c.id for c in children.list_children(db)] == [child.id]
    assert children.get_child(db, child.id).leave_date is None


def test_a_leave_date_before_the_start_is_refused_when_archiving(db):
    child = children.save_child(db, GOOD, today=TODAY)
    with pytest.raises(ValidationError):
        children.archive_child(db, child.id, date(2024, 1, 1))
    assert not children.get_child(db, child.id).archived


def test_missing_records_say_so(db):
    with pytest.raises(NotFoundError):
        children.get_child(db, 99)
    with pytest.raises(NotFoundError):
        children.save_child(db, GOOD, child_id=99, today=TODAY)


def test_roll_summary_counts(demo_db):
    summary = children.roll_summary(demo_db, TODAY)
    assert summary.children_on_roll == 12
    first = children.list_children(demo_db)[0]
    children.archive_child(demo_db, first.id, TODAY)
    summary = children.roll_summary(demo_db, TODAY)
    assert (summary.children_on_roll, summary.children_archived) == (11, 1)

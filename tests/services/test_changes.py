"""Every commit says which part of the records it changed; nothing else does."""

from __future__ import annotations

import pytest

from portage_desktop.services import changes, drafts, staff
from portage_desktop.services.changes import Area, areas_of
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import StaffRole
from tests.services.plan_helpers import add_child, add_goal, add_plan


@pytest.fixture
def heard(db) -> list[tuple[int, frozenset[Area]]]:
    got: list[tuple[int, frozenset[Area]]] = []
    changes.watch(db, lambda number, areas: got.append((number, areas)))
    return got


def test_each_save_names_its_area_with_a_rising_number(db, heard):
    staff.save_staff(db, StaffInput("Ruth", "Agyei", (StaffRole.KEY_PERSON,)))
    child = add_child(db)
    add_plan(db, child, add_goal(db, child))
    assert [areas for _n, areas in heard][:2] == [{Area.STAFF}, {Area.CHILDREN}]
    assert all(areas == {Area.CHILDREN} for _n, areas in heard[1:])
    numbers = [n for n, _areas in heard]
    assert numbers == sorted(set(numbers)) and numbers[-1] == changes.commits_so_far(db)


def test_reading_a_refused_save_and_a_rolled_back_write_say_nothing(db, heard):
    staff.list_staff(db)
    with pytest.raises(ValidationError):
        staff.save_staff(db, StaffInput("", "", ()))
    with pytest.raises(RuntimeError), db.session() as s:
        from portage_desktop.data.models import StaffMemberRecord

        s.add(StaffMemberRecord(first_name="Gone", last_name="Soon", roles=""))
        s.flush()
        raise RuntimeError("the action failed after writing")
    assert heard == []
    assert staff.list_staff(db) == []


def test_a_draft_saved_while_typing_refreshes_nothing(db, heard):
    child = add_child(db)
    heard.clear()
    drafts.save_draft(db, child, "plan", None, {"title": "half a plan"})
    assert heard == []


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        ({"training_record"}, {Area.STAFF}),
        ({"stamp_statement", "audit_entry"}, {Area.SETTING}),
        ({"review", "review_issue", "audit_entry"}, {Area.CHILDREN}),
        ({"a_table_added_later"}, {Area.CHILDREN}),  # never left stale
        ({"record_draft", "audit_entry"}, set()),
        ({"activity_record", "audit_entry"}, {Area.DAILY_RECORDS}),
        ({"activity_record", "activity_plan"}, {Area.DAILY_RECORDS, Area.CHILDREN}),
    ],
)
def test_tables_map_to_the_areas_screens_refresh_by(tables, expected):
    assert areas_of(frozenset(tables)) == expected


def test_a_week_of_records_saved_is_heard_as_daily_records_only(db, heard):
    """No page behind the plan's grid shows a child's day-by-day records, so a week saved
    must not make the Dashboard, the children list or the Stamp page refresh."""
    from datetime import date

    from portage_desktop.services import plan_records
    from portage_desktop.services.plan_records import DayEntry

    child = add_child(db)
    plan = add_plan(db, child, add_goal(db, child))
    heard.clear()
    monday = date(2026, 11, 30)
    rows = [DayEntry(day=monday, tries=3, successes=1)]
    plan_records.save_week(db, child, plan, rows, today=date(2026, 12, 4))
    assert [areas for _n, areas in heard] == [{Area.DAILY_RECORDS}]

"""The plans offered for the Stamp of Approval application carry every name anonymisation must
look for, however many children the setting has."""

from __future__ import annotations

from datetime import date

from portage_desktop.services import children as children_service
from portage_desktop.services.children import ChildInput
from portage_desktop.services.stamp_evidence import plans_for_application
from tests.services.plan_helpers import TODAY, add_goal, add_plan


def _child(db, first: str, last: str, known_as: str = "", left: bool = False) -> int:
    child_id = children_service.save_child(
        db, ChildInput(first, last, date(2023, 3, 1), known_as=known_as), today=TODAY
    ).id
    if left:
        children_service.archive_child(db, child_id, TODAY)
    return child_id


def test_each_plan_names_every_other_child_and_not_its_own(db):
    amy = _child(db, "Amy", "Lee", known_as="Mimi")
    _child(db, "Ben", "Cole", known_as="Benny")
    _child(db, "Amy", "Lee")  # another child with the same name as the plan's child
    _child(db, "Zac", "Orr", left=True)  # a child who has left may be named in an old plan
    add_plan(db, amy, add_goal(db, amy))
    [plan] = plans_for_application(db)
    assert (plan.child_first_name, plan.child_last_name, plan.known_as) == ("Amy", "Lee", "Mimi")
    # "Amy Lee" is another child's name too; "Mimi" is only this child's own.
    assert plan.other_children == ("Amy Lee", "Ben Cole", "Benny", "Zac Orr")
    assert plan.date_of_birth == date(2023, 3, 1)


def test_a_name_only_the_plans_child_has_is_left_out(db):
    ola = _child(db, "Ola", "Nowak")
    add_plan(db, ola, add_goal(db, ola))
    [plan] = plans_for_application(db)
    assert plan.other_children == ()

"""Transition plans: saved with their actions, open actions listed for the Dashboard."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services import children as children_service
from portage_desktop.services import transitions
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.transitions import Action, TransitionInput, TransitionKind
from tests.services.plan_helpers import add_child


def _plan(*actions: Action) -> TransitionInput:
    return TransitionInput(
        TransitionKind.TO_SCHOOL,
        "Riverside Primary",
        date(2026, 11, 2),
        "Mum, SENCO",
        "A quiet corner",
        actions,
    )


def test_open_actions_are_listed_soonest_first_and_leavers_drop_off(db):
    amy = add_child(db)
    plan = transitions.save_transition(
        db,
        amy,
        _plan(
            Action("Visit the school", "Key person", date(2026, 12, 1)),
            Action("Share the profile", "SENCO", date(2026, 11, 20)),
            Action("Photo book", "Mum", date(2026, 11, 1), date(2026, 11, 1)),
        ),
    )
    ben = add_child(db, "Ben", "Cole")
    transitions.save_transition(db, ben, _plan(Action("Meet the teacher")))
    due = transitions.open_actions(db)
    assert [(a.child_name, a.text) for a in due] == [
        ("Amy Lee", "Share the profile"),
        ("Amy Lee", "Visit the school"),
        ("Ben Cole", "Meet the teacher"),  # no date: last
    ]
    children_service.archive_child(db, ben, date(2026, 11, 21))
    assert [a.child_name for a in transitions.open_actions(db)] == ["Amy Lee", "Amy Lee"]
    [saved] = transitions.list_transitions(db, amy)
    assert saved.id == plan and len(saved.data.actions) == 3
    with pytest.raises(ValidationError):
        transitions.save_transition(db, amy, _plan(Action("  ")), plan)

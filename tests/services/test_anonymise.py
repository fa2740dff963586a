"""The anonymiser on the short names that a length rule could let through."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services.anonymise import anonymise
from portage_desktop.services.stamp_evidence import GoalArea, PlanForApplication


def _plan(
    first: str, last: str, family: tuple[str, ...] = (), target: str = ""
) -> PlanForApplication:
    return PlanForApplication(
        id=1,
        child_first_name=first,
        child_last_name=last,
        known_as="",
        date_of_birth=date(2023, 4, 5),
        address="",
        family_names=family,
        other_children=(),
        goal_area=GoalArea.PLAY,
        kind="Outcome-focused",
        goal="",
        target=target,
        steps=(),
        how_to_help="",
        agreed_with_parent="",
        started_on=None,
        review_on=None,
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Amy Lee will post a ball.", "The child will post a ball."),
        ("Amy will post a ball.", "The child will post a ball."),
        ("Ask LEE to post a ball.", "Ask the child to post a ball."),
        ("Give Amy's cup to her.", "Give the child's cup to her."),
        ("Amy's mum, Jo Oz, helps.", "The child's mum, a family member, helps."),
        ("Jo helps at bath time.", "A family member helps at bath time."),
        ("Oz helps at bath time.", "A family member helps at bath time."),
    ],
)
def test_names_of_three_letters_or_fewer_are_replaced(written: str, expected: str):
    hidden = anonymise(_plan("Amy", "Lee", family=("Jo Oz",), target=written), "Plan A")
    assert hidden.target == expected


def test_short_words_inside_longer_words_are_kept():
    """Whole words only: "Lee" goes, "fleece" and "Leeds" stay."""
    hidden = anonymise(_plan("Amy", "Lee", target="Lee wears a fleece in Leeds."), "Plan A")
    assert hidden.target == "The child wears a fleece in Leeds."

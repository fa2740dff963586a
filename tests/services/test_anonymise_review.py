"""The review detector on realistic staff notes that leaked through name replacement alone."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services.anonymise_review import (
    CHILD,
    OTHER_CHILD,
    STAFF,
    Kind,
    Person,
    apply,
    confirmed_plan,
    find,
    people_for,
    propose,
    review_text,
)
from portage_desktop.services.stamp_evidence import GoalArea, PlanForApplication

PEOPLE = [
    Person(("Łukasz Nowak", "Łukasz Kowalczyk", "Luki"), CHILD),
    Person(("Anna Nowak",), "the child's sister"),
    Person(("Zofia Brown",), OTHER_CHILD),
    Person(("Sarah Jenkins",), STAFF),
]

NOTE = (
    "Lukasz (born 4th November 2025) was seen on 10.02.22 with Anna. Luki's nan said Sarah "
    "would visit. Lucasz played with the Brown twins at 12 Acacia Road, LS6 2AB. "
    "NHS 943 476 5919. He was known as Łukasz Kowalczyk. He goes to St Mary's Primary."
)


def _kinds(text: str) -> dict[str, Kind]:
    return {f.text: f.kind for f in find(text, PEOPLE)}


def test_every_leak_in_a_realistic_note_is_found():
    found = _kinds(NOTE)
    assert found["Lukasz"] is Kind.NAME  # typed without its accent
    assert found["4th November 2025"] is Kind.DATE
    assert found["10.02.22"] is Kind.DATE
    assert found["Anna"] is Kind.NAME
    assert found["Luki's"] is Kind.NAME  # a nickname, with its possessive
    assert found["Sarah"] is Kind.NAME  # a member of staff
    assert found["Lucasz"] is Kind.NEAR_NAME  # a misspelling is a suspect
    assert found["Brown"] is Kind.NAME  # another child's surname
    assert found["12 Acacia Road"] is Kind.ADDRESS
    assert found["LS6 2AB"] is Kind.POSTCODE
    assert found["943 476 5919"] is Kind.NHS
    assert found["Łukasz Kowalczyk"] is Kind.NAME  # a former name, whole
    for word in ("St", "Mary's", "Primary"):  # a school: capitalised words mid-sentence
        assert found[word] is Kind.CAPITAL


def test_replacements_keep_the_sentence_readable():
    text = propose(NOTE, PEOPLE)
    assert text.startswith("The child (born [date]) was seen on [date] with the child's sister.")
    assert "The child's nan said a member of staff would visit." in text
    assert "[address], [address]" in text
    assert "NHS [NHS number]." in text
    for leak in ("Lukasz", "Luki", "Anna", "Sarah", "2025", "Acacia", "5919", "Kowalczyk"):
        assert leak not in text
    # Suspects are left for the reviewer, not silently changed.
    assert "Lucasz" in text and "St Mary's Primary" in text


@pytest.mark.parametrize(
    "written",
    ["4/11/25", "04/11/2025", "Nov 2025", "November 4th", "4 Nov", "2025-11-04", "4.11.2025"],
)
def test_a_date_in_any_format_is_replaced(written):
    assert propose(f"Seen on {written} at home.", PEOPLE) == "Seen on [date] at home."


def test_phone_and_email_are_replaced():
    text = propose("Ring 07700 900123 or write to mum@example.com today.", PEOPLE)
    assert text == "Ring [phone number] or write to [email] today."


@pytest.mark.parametrize(
    ("written", "suspect"),
    [
        ("Then we played with Bartek.", "Bartek"),  # a cousin never recorded
        ("She likes Peppa at home.", "Peppa"),
    ],
)
def test_an_unknown_capitalised_word_mid_sentence_is_a_suspect(written, suspect):
    assert _kinds(written)[suspect] is Kind.CAPITAL


def test_a_capital_at_the_start_of_a_sentence_is_not_a_suspect_on_its_own():
    found = _kinds("Previously unsure. Afterwards he smiled! Gently: tap the drum.\nOffer it.")
    assert found == {}


def test_case_and_accents_are_folded_both_ways():
    people = [Person(("Lukasz Nowak",), CHILD)]
    assert propose("ŁUKASZ and łukasz", people) == "The child and the child"


def test_a_short_word_is_never_near_a_name():
    assert _kinds("Ana went out.") == {}  # three letters: too short to guess


def test_applying_no_findings_changes_nothing():
    assert apply("Amy sat.", []) == "Amy sat."


def _plan() -> PlanForApplication:
    return PlanForApplication(
        id=3,
        child_first_name="Łukasz",
        child_last_name="Nowak",
        known_as="Luki",
        date_of_birth=date(2023, 11, 4),
        address="",
        family_names=("Anna Nowak",),
        other_children=("Zofia Brown",),
        goal_area=GoalArea.PLAY,
        kind="Outcome-focused",
        goal="Luki will post a ball",
        target="Lukasz posts a ball into a tube",
        steps=("Hand over hand with Sarah",),
        how_to_help="Praise\nwait",
        agreed_with_parent="Anna Nowak",
        started_on=date(2025, 1, 31),
        review_on=date(2025, 3, 1),
    )


def test_a_plan_is_reviewed_as_labelled_lines_with_everyone_in_its_records():
    plan = _plan()
    text = propose(review_text(plan), people_for(plan, ["Sarah Jenkins"]))
    assert text.splitlines() == [
        "Goal: The child will post a ball",
        "Target: The child posts a ball into a tube",
        "Step 1: Hand over hand with a member of staff",
        "How to help: Praise wait",
        "Agreed with the parent: A family member",
    ]
    confirmed = confirmed_plan(plan, "Plan A", text + "\n\n")
    assert confirmed.lines[0] == "Goal: The child will post a ball"
    assert len(confirmed.lines) == 5
    assert (confirmed.started, confirmed.review) == ("January 2025", "March 2025")


def test_a_relative_is_named_by_relationship_once_the_name_is_gone():
    from dataclasses import replace

    plan = replace(_plan(), family_relationships=("Mum",))
    text = propose(review_text(plan), people_for(plan, ["Sarah Jenkins"]))
    assert text.splitlines()[-1] == "Agreed with the parent: The child's mum"
    unknown = replace(_plan(), family_relationships=("",))
    assert propose(review_text(unknown), people_for(unknown)).endswith("A family member")

"""The application pack: every section prints, and no child can be identified from its text."""

from __future__ import annotations

import re
from datetime import date

import pytest

from portage_desktop.printing import stamp as print_stamp
from portage_desktop.printing.kinds import print_record
from portage_desktop.services import stamp_application
from portage_desktop.services.anonymise import anonymise, anonymise_all
from portage_desktop.services.anonymise_review import (
    confirmed_plan,
    people_for,
    propose,
    review_text,
)
from portage_desktop.services.stamp_check import check_stamp
from portage_desktop.services.stamp_evidence import GoalArea, PlanForApplication
from tests.conftest import TODAY
from tests.pdf_text import pdf_text


def _plan(pid: int, first: str, last: str, born: date, address: str, others: tuple[str, ...]):
    return PlanForApplication(
        id=pid,
        child_first_name=first,
        child_last_name=last,
        known_as=first[:3],
        date_of_birth=born,
        address=address,
        family_names=("Marta " + last, "Tomasz " + last),
        other_children=others,
        goal_area=GoalArea.LEARNING,
        kind="Outcome-focused",
        goal=f"{first} will ask for more at snack time",
        target=(
            f"{first} {last} (born {born:%d/%m/%Y}, {born.day} {born:%B %Y}) will sign 'more' "
            f"with {others[0]} at the snack table, 4 of 5 tries on 3 days in a row. "
            f"{first[:3]} lives at {address}."
        ),
        steps=(f"{first} looks at the cup", f"{first.upper()} reaches with {others[1]}'s help"),
        how_to_help=f"Marta {last} models the sign at home; {first}'s brother joins in.",
        agreed_with_parent=f"Agreed with Tomasz {last} on {born.isoformat()}",
        started_on=date(2026, 9, 1),
        review_on=date(2026, 12, 1),
        has_photos=True,
    )


PLANS = [
    _plan(
        1, "Zofia", "Kowalski", date(2023, 4, 17), "12 Elm Road, Leeds, LS6 2AB", ("Noah", "Ava")
    ),
    _plan(2, "Séan", "Ó Briain", date(2022, 11, 3), "Flat 4, 9 Mill Lane, Hull", ("Priya", "Kai")),
    _plan(3, "Amara", "Okafor", date(2023, 1, 29), "3 Park View, York YO1 7HH", ("Theo", "Isla")),
    _plan(4, "Leo", "Da-Silva", date(2022, 7, 8), "88 High Street, Bath", ("Wren", "Milo")),
]


def _identifiers(plan: PlanForApplication) -> list[str]:
    assert plan.date_of_birth is not None
    born = plan.date_of_birth
    found = [
        plan.child_first_name,
        plan.child_last_name,
        plan.known_as,
        *plan.family_names,
        *plan.other_children,
        f"{born:%d/%m/%Y}",
        born.isoformat(),
        f"{born.day} {born:%B %Y}",
        plan.address,
    ]
    found += [part.strip() for part in plan.address.split(",")]
    return found


def test_anonymising_replaces_every_identifier():
    plan = anonymise(PLANS[0], "Plan A")
    text = " ".join(
        [plan.goal, plan.target, *plan.steps, plan.how_to_help, plan.agreed_with_parent]
    )
    for word in _identifiers(PLANS[0]):
        assert word.lower() not in text.lower(), word
    assert "will sign 'more' with another child at the snack table" in text
    assert "the child's brother" in text and "A family member models the sign" in text
    assert plan.photos_removed
    assert "snack table, 4 of 5 tries" in text  # the teaching content survives


def test_accents_and_case_do_not_let_a_name_through():
    plan = anonymise(PLANS[1], "Plan B")
    text = " ".join([plan.target, *plan.steps, plan.how_to_help])
    assert not re.search(r"s[ée]an|briain", text, re.IGNORECASE), text


def test_no_childs_identity_reaches_the_printed_pack(demo_db, tmp_path, monkeypatch):
    monkeypatch.setattr(print_stamp, "plans_for_application", lambda _db: list(PLANS))
    year = stamp_application.award_year_for(check_stamp(demo_db, TODAY))
    stamp_application.save_draft(
        demo_db, year, {"principles": "Parents lead."}, (1, 2, 3, 4), "Jo Whitfield (demo)"
    )
    unreviewed = pdf_text(
        print_record(demo_db, "application-pack", None, tmp_path / "u.pdf", today=TODAY)
    )
    # Without the review step no plan is printed, and no claim that nobody can be identified.
    assert "Plan A" not in unreviewed and "can be identified" not in unreviewed
    assert "Plans are printed only after someone has checked them" in " ".join(unreviewed.split())
    confirmed = [
        confirmed_plan(p, f"Plan {c}", propose(review_text(p), people_for(p)))
        for c, p in zip("ABCD", PLANS, strict=True)
    ]
    out = tmp_path / "pack.pdf"
    print_stamp.make_pack(demo_db, TODAY, out, confirmed)
    text = pdf_text(out)
    flat = " ".join(text.split()).lower()
    assert "no child or family can be identified" in flat
    for plan in PLANS:
        for word in _identifiers(plan):
            assert " ".join(word.split()).lower() not in flat, word
    for label in ("Plan A", "Plan B", "Plan C", "Plan D"):
        assert label in text
    for heading in (
        "Our setting",
        "The criteria and our evidence",
        "Staff training and NPA membership",
        "Inspection record",
        "Four individual plans, anonymised",
        "Support from a Portage representative",
        "Signature",
        "Parents lead.",
        "Sunflower Lane Nursery (demo)",
        "Printed on 22 November 2026",
    ):
        assert heading in text, heading
    assert re.search(r"Page 1 of \d+", text)


def test_plans_are_labelled_in_the_order_chosen():
    assert [p.label for p in anonymise_all(PLANS[:2])] == ["Plan A", "Plan B"]


@pytest.mark.parametrize("kind", ["training-matrix", "application-pack"])
def test_stamp_records_print_from_an_empty_setting(db, tmp_path, kind):
    from portage_desktop.services.setting import SettingInput, save_setting
    from portage_desktop.services.vocabulary import SettingKind

    save_setting(db, SettingInput("Tiny Steps Childminding", SettingKind.CHILDMINDER))
    text = pdf_text(print_record(db, kind, None, tmp_path / "x.pdf", today=TODAY))
    assert "Tiny Steps Childminding" in text


def test_the_pack_says_whether_it_is_a_draft_or_final(demo_db, tmp_path):
    year = stamp_application.award_year_for(check_stamp(demo_db, TODAY))
    stamp_application.save_draft(demo_db, year, {}, (), "")  # the demo's draft names one
    text = pdf_text(print_record(demo_db, "application-pack", None, tmp_path / "a.pdf", TODAY))
    assert "Status: draft" in text and "Name the Portage representative" in text
    stamp_application.save_draft(demo_db, year, {}, (), "Jo Whitfield (demo)")
    stamp_application.finalise(demo_db, year, TODAY)
    text = pdf_text(print_record(demo_db, "application-pack", None, tmp_path / "b.pdf", TODAY))
    assert "marked final on 22 November 2026" in " ".join(text.split())

"""The service's printed letters and sheets, read back as a person sees them."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.referral_letter import ReferralLetter, build_referral_letter
from portage_desktop.reports.service_agreement import AgreementSheet, build_service_agreement
from portage_desktop.reports.visit_record import VisitSheet, build_visit_record
from tests.pdf_text import page_count, pdf_text

META = ReportMeta("Riverside Portage", "Letter", date(2026, 11, 22))


@pytest.mark.parametrize(
    ("decision", "words"),
    [
        ("accepted", "we can offer Amy Lee Portage"),
        ("exception", "we can offer Amy Lee Portage"),
        ("signposted", "best help for Amy Lee now is from Speech therapy"),
        ("not_eligible", "we cannot offer Amy Lee Portage"),
    ],
)
def test_each_outcome_has_its_own_plain_letter(tmp_path, decision, words):
    letter = ReferralLetter(
        "Jo Lee",
        "Amy Lee",
        "1 September 2026",
        "8 September 2026",
        decision,
        "Delay in two areas & the family is keen.",
        "Speech therapy",
        "Sam Lead",
        "Riverside",
    )
    out = tmp_path / "letter.pdf"
    build_referral_letter(META, letter, out)
    text = " ".join(pdf_text(out).split())
    assert "Dear Jo Lee," in text and words in text
    assert "Delay in two areas & the family is keen." in text
    assert page_count(out) == 1


def test_the_visit_record_fits_one_page_with_room_for_the_parents_notes(tmp_path):
    long = "We tried the ball run and the shape sorter; she laughed at the bubbles. " * 6
    sheet = VisitSheet(
        "Amy Lee",
        "15 September 2026",
        "Hana Moss",
        "At home",
        "Visit 1 of 8",
        (("play led by Amy", "20 minutes"),),
        long,
        "Coat on: arms in",
        "Two-word requests",
        "Picture board",
        long,
    )
    out = tmp_path / "visit.pdf"
    build_visit_record(META, sheet, out)
    text = " ".join(pdf_text(out).split())
    assert "Visit 1 of 8: 15 September 2026, at home, with Hana Moss" in text
    assert "What Amy enjoyed" in text and "Coat on: arms in" in text
    assert "Your notes this week" in text and page_count(out) == 1


def test_an_unsigned_agreement_leaves_lines_to_sign(tmp_path):
    sheet = AgreementSheet(
        "Amy Lee",
        "Riverside",
        "Hana Moss",
        "Weekly, on Tuesdays at 09:30, in term time",
        60,
        8,
        "",
        "",
        "",
    )
    out = tmp_path / "agreement.pdf"
    build_service_agreement(META, sheet, out)
    text = " ".join(pdf_text(out).split())
    assert "Weekly, on Tuesdays at 09:30, in term time" in text and "blocks of 8 visits" in text
    assert "Parent or carer" in text and "Signature recorded" not in text

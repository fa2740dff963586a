"""The review report shows the review as it stood on its date, flags a next-review date that
has gone by, and leaves room for both sides to agree it."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.printing.reviews import next_review_words, plans_on, steps_on
from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.review_report import ReviewSheet, build_review_report
from portage_desktop.services.plans import Step
from tests.pdf_text import pdf_text_in_order, words_with_sizes

HELD = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("start", "kept"),
    [(date(2026, 3, 9), True), (HELD, True), (date(2026, 3, 11), False)],
)
def test_a_plan_started_after_the_review_is_left_out(start, kept):
    rows = [(1, "Stacking cups"), (2, "Waving bye-bye")]
    found = plans_on(HELD, rows, {1: date(2026, 1, 5), 2: start}, lambda r: r[0])
    assert ((2, "Waving bye-bye") in found) is kept
    assert (1, "Stacking cups") in found


def test_small_steps_count_as_they_stood_on_the_review_date():
    steps = [
        Step("a", 1, date(2026, 1, 5), date(2026, 2, 1)),
        Step("b", 2, date(2026, 2, 1), HELD),
        Step("c", 3, date(2026, 3, 10), date(2026, 3, 11)),  # learnt the day after
        Step("d", 4, date(2026, 3, 11), None),  # added the day after
    ]
    assert steps_on(HELD, steps) == (2, 3)


@pytest.mark.parametrize(
    ("today", "flagged"),
    [(date(2026, 6, 30), False), (date(2026, 7, 1), False), (date(2026, 7, 2), True)],
)
def test_a_next_review_date_gone_by_is_flagged_in_words(tmp_path, today, flagged):
    words = next_review_words(date(2026, 7, 1), today)
    sheet = ReviewSheet(
        child_name="Ola Nowak",
        held_on="10 March 2026",
        who_came="Mum; Sam",
        successes="Ola stacks three cups.",
        plans=[("Stacking cups", "Going well.", "Carry on")],
        parent_views="",
        child_voice="",
        wishes="",
        transition="",
        issues=[],
        next_review=words,
    )
    out = tmp_path / "review.pdf"
    build_review_report(ReportMeta("Acorns", "Review with parents", today), sheet, out)
    text = pdf_text_in_order(out)
    assert "1 July 2026" in text
    assert ("This date has passed" in text) is flagged
    assert "We agree this is the record of our review" in text
    for label in ("Parent", "Practitioner", "Name", "Signature", "Date"):
        assert label in text
    assert "criterion" not in text.lower()
    assert min(size for _p, _w, size, _t in words_with_sizes(out)) >= 9

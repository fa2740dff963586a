"""The demo's application pack as an assessor reads it: no page of a few stray lines, each
plan's small steps on one page, and the PCPD column criterion 8 rests on."""

from __future__ import annotations

import subprocess

from portage_desktop.printing.stamp import make_pack
from portage_desktop.startup import make_demo
from tests.conftest import TEST_KEY, TODAY
from tests.pdf_text import page_count, pdf_text

FEWEST_LINES = 8  # a page of the pack carries at least this many lines besides header and footer


def _page(path, n: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _confirmed(db):
    from portage_desktop.services import staff, stamp_application, stamp_check
    from portage_desktop.services.anonymise_review import (
        confirmed_plan,
        people_for,
        propose,
        review_text,
    )
    from portage_desktop.services.stamp_evidence import plans_for_application

    year = stamp_application.award_year_for(stamp_check.check_stamp(db, TODAY))
    chosen = stamp_application.load_application(db, year).chosen_plans
    by_id = {p.id: p for p in plans_for_application(db)}
    staff_names = [m.full_name for m in staff.list_staff(db)]
    return [
        confirmed_plan(p, f"Plan {c}", propose(review_text(p), people_for(p, staff_names)))
        for c, p in zip("ABCD", [by_id[i] for i in chosen], strict=True)
    ]


def test_the_pack_has_no_near_empty_page_whole_steps_and_the_pcpd_column(home, tmp_path):
    db = make_demo(tmp_path / "d.db", seed=3, key=TEST_KEY, start_application=True, today=TODAY)
    try:
        out = tmp_path / "pack.pdf"
        # The plans print only as the self-assessment's review step confirmed them.
        make_pack(db, TODAY, out, _confirmed(db))
    finally:
        db.dispose()
    pages = [_page(out, n) for n in range(1, page_count(out) + 1)]
    for n, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()][1:-1]  # header, footer
        assert len(lines) >= FEWEST_LINES, f"page {n} holds only {len(lines)} lines"
    steps_seen = 0
    for page in pages:
        for part in page.split("Step 1:")[1:]:
            steps_seen += 1
            # The steps are followed, on the same page, by how to help: none went over.
            assert "How to help:" in part
    assert steps_seen >= 3  # the open-ended plan has no small steps
    text = " ".join(pdf_text(out).split())
    assert "PCPD modules" in text
    assert "Supporting communication through play" in text  # the demo's PCPD module

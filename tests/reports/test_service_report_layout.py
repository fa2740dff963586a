"""The annual report prints on the largest service: a check point with years of evidence was a
table cell taller than a page, and ReportLab refused to build the whole report."""

from __future__ import annotations

from datetime import date

from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.service_report import CheckLine, ServiceReport, build_service_report
from tests.pdf_text import pdf_text


def test_a_check_point_with_more_evidence_than_a_page_prints_and_says_where_the_rest_is(
    tmp_path,
):
    evidence = tuple(f"Family {n}: visited weekly, 38 of 40 visits held" for n in range(400))
    report = ServiceReport(
        2026,
        (),
        (),
        None,
        "6 of 7 points met",
        (CheckLine("Regular visiting", "Met", evidence, ()),),
    )
    out = tmp_path / "report.pdf"
    build_service_report(
        report, ReportMeta("Riverside Portage", "Annual report", date.today()), out
    )
    text = pdf_text(out)
    assert "Family 0: visited weekly" in text
    assert "and 3" in text and "more lines" in text  # said, never cut silently
    assert "Registered-service check screen" in text

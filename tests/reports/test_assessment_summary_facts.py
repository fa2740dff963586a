"""The assessment summary says which areas were not assessed (never 0%), the child's age on
the day and the checklist's age bands, and does not leave its first page half empty."""

from __future__ import annotations

from datetime import date

from portage_desktop.printing import assessment_facts as facts
from portage_desktop.printing.kinds import print_record
from portage_desktop.reports.assessment_summary import (
    AreaSheet,
    AssessmentSheet,
    build_assessment_summary,
)
from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.progress_chart import ChartSeries
from portage_desktop.services import assessments
from portage_desktop.services.children import list_children
from tests.conftest import TODAY
from tests.pdf_text import pdf_text_in_order, words_with_sizes


def _sheet(areas: list[AreaSheet]) -> AssessmentSheet:
    return AssessmentSheet(
        child_name="Ola Nowak",
        assessed_on="10 March 2026",
        framework="Small steps checklist (version 1)",
        contributors="Mum; Sam",
        notes="",
        areas=areas,
        chart_areas=["Communication"],
        chart_series=[ChartSeries("10/03/2026", [0.5])],
        age="2 years 3 months",
        age_bands=["0–12 months", "12–24 months", "24–36 months"],
    )


def test_an_area_not_assessed_says_so_and_never_shows_nothing_achieved(tmp_path):
    out = tmp_path / "summary.pdf"
    areas = [
        AreaSheet("Communication", 2, 4, ["Babbles", "Says mama"], [], ["Waves"]),
        AreaSheet("Self help", 0, 5, [], [], ["Drinks from a cup"], assessed=False),
    ]
    build_assessment_summary(ReportMeta("Acorns", "Assessment summary", TODAY), _sheet(areas), out)
    text = pdf_text_in_order(out)
    assert "Self help: Not assessed" in text
    assert "Self help: 0 of 5" not in text and text.count("Self help") == 1
    assert "Drinks from a cup" not in text
    assert "Communication: 2 of 4 small steps achieved" in text
    assert "when Ola Nowak was 2 years 3 months" in text
    assert "age bands: from 0–12 months to 24–36 months" in text
    assert min(size for _p, _w, size, _t in words_with_sizes(out)) >= 9


def test_a_long_first_area_starts_on_the_first_page(tmp_path):
    """An area longer than what is left of page one runs on, not pushed whole to page two."""
    out = tmp_path / "summary.pdf"
    many = [f"Small step number {n} in the long area" for n in range(60)]
    areas = [AreaSheet("Communication", 6, 60, many[:6], many[6:40], many[40:])]
    build_assessment_summary(ReportMeta("Acorns", "Assessment summary", TODAY), _sheet(areas), out)
    first_page = [w for p, w, _s, _t in words_with_sizes(out) if p == 1]
    assert "Can" in first_page and "Emerging" in first_page


def test_assessed_areas_are_those_with_a_marked_small_step(demo_db):
    child = list_children(demo_db)[0].id
    summary = assessments.summarise_assessment(demo_db, child)
    detail = summary.detail
    statuses = dict(summary.assessment.statuses)
    first, *rest = detail.areas
    for item in first.items:
        statuses.pop(item.id, None)
    found = facts.assessed_areas(detail, statuses)
    assert first.name not in found
    assert found <= {a.name for a in rest}


def test_the_age_on_the_day_and_the_bands(demo_db):
    assert facts.age_on(date(2024, 3, 10), date(2026, 6, 9)) == "2 years 2 months"
    assert facts.age_on(date(2024, 3, 10), date(2026, 6, 10)) == "2 years 3 months"
    assert facts.age_on(None, date(2026, 6, 10)) == ""
    child = list_children(demo_db)[0].id
    bands = facts.age_bands(assessments.summarise_assessment(demo_db, child).detail)
    assert len(bands) == len(set(bands))


def test_the_demo_summary_prints_the_age(demo_db, tmp_path):
    child = list_children(demo_db)[0].id
    out = tmp_path / "summary.pdf"
    print_record(demo_db, "assessment-summary", child, out, today=TODAY)
    assert " was " in pdf_text_in_order(out)

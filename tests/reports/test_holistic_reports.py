"""The one-page profile and the assessment summary, read back as a person would see them."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest

from portage_desktop.cli import main
from portage_desktop.printing.kinds import PrintError, find_child_id, print_record
from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.one_page_profile import ProfileSheet, build_one_page_profile
from portage_desktop.services import assessments, children, consent, profiles
from portage_desktop.services.consent import ConsentInput
from portage_desktop.services.record_vocabulary import ConsentPurpose, PhotoUse
from tests.conftest import TODAY
from tests.pdf_text import page_count, pdf_text, pdf_text_in_order

META = ReportMeta("Acorns & Oaks", "One-page profile", TODAY)


def _images(path) -> int:
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    )
    return len(out.stdout.strip().splitlines()) - 2


def test_a_very_long_profile_prints_in_full_never_shrunk(tmp_path):
    long = ("I love the swings <and> the slide & splashing in puddles. " * 25).strip()
    sheet = ProfileSheet(
        "Zoë O'Brien-Łukasz",
        "1 November 2026",
        "Mum & Dad",
        [(f"Part {n}", long) for n in range(6)],
    )
    out = tmp_path / "p.pdf"
    build_one_page_profile(META, sheet, out)
    assert page_count(out) >= 2
    text = pdf_text(out)
    assert "Finding out about me (full profile)" in text
    assert "Zoë O'Brien-Łukasz" in text
    assert "Acorns & Oaks" in text
    assert f"Page 1 of {page_count(out)}" in text
    assert text.count("splashing in puddles") >= 6 * 20  # every word is there


def _first_child(db) -> int:
    return children.list_children(db)[0].id


def _photo_consent(db, child_id: int, given: bool, uses: tuple[PhotoUse, ...]) -> None:
    for c in consent.list_consents(db, child_id):
        if c.purpose is ConsentPurpose.PHOTOS:
            consent.remove_consent(db, child_id, c.id)
    consent.save_consent(
        db,
        child_id,
        ConsentInput(ConsentPurpose.PHOTOS, given, "Parent", date(2026, 1, 1), photo_uses=uses),
    )


def _child_with_photo(db) -> int:
    for c in children.list_children(db):
        latest = profiles.list_profiles(db, c.id)[0]
        if latest.photo_id is not None:
            return c.id
    raise AssertionError("the demo should have a child with a photo")


def test_the_demo_profile_prints_on_one_page_with_the_photo_only_with_consent(demo_db, tmp_path):
    child = _child_with_photo(demo_db)
    out = tmp_path / "profile.pdf"
    print_record(demo_db, "one-page-profile", child, out, today=TODAY)
    text = pdf_text(out)
    assert page_count(out) == 1
    assert "Finding out about me" in text
    assert "What is important to me" in text
    assert "How best to support me" in text
    assert "Sunflower Lane Nursery (demo)" in text
    assert _images(out) == 1

    _photo_consent(demo_db, child, True, (PhotoUse.RECORD,))
    print_record(demo_db, "one-page-profile", child, out, today=TODAY)
    assert _images(out) == 0
    _photo_consent(demo_db, child, False, ())
    print_record(demo_db, "one-page-profile", child, out, today=TODAY)
    assert _images(out) == 0


def test_the_assessment_summary_lists_strengths_and_next_steps_per_area(demo_db, tmp_path):
    child = _first_child(demo_db)
    summary = assessments.summarise_assessment(demo_db, child)
    out = tmp_path / "summary.pdf"
    print_record(demo_db, "assessment-summary", child, out, today=TODAY)
    text = pdf_text_in_order(out)
    assert "Assessment summary" in text
    assert "Progress over time" in text
    for area in summary.areas:
        assert f"{area.area}: {len(area.strengths)} of {area.total} small steps achieved" in text
        for step in area.next_steps:
            assert step.text in text
    assert "Can do now" in text and "Emerging skills" in text and "Next small steps" in text
    assert f"Page 1 of {page_count(out)}" in text


def test_a_child_without_records_gets_a_clear_message(db, tmp_path):
    from portage_desktop.services.children import ChildInput, save_child
    from portage_desktop.services.setting import SettingInput, save_setting
    from portage_desktop.services.vocabulary import SettingKind

    save_setting(db, SettingInput("Acorns", SettingKind.GROUP))
    child = save_child(db, ChildInput("Ola", "Nowak", date(2023, 6, 1)), today=TODAY)
    with pytest.raises(PrintError, match="Ola Nowak has no one-page profile yet"):
        print_record(db, "one-page-profile", child.id, tmp_path / "x.pdf")
    with pytest.raises(PrintError, match="has no assessments yet"):
        print_record(db, "assessment-summary", find_child_id(db, "Ola Nowak"), tmp_path / "x.pdf")


@pytest.mark.parametrize("kind", ["one-page-profile", "assessment-summary"])
def test_both_kinds_print_from_the_command_line(home, tmp_path, capsys, kind):
    database = tmp_path / "demo.db"
    assert main(["make-demo", str(database), "--children", "3"]) == 0
    out = tmp_path / f"{kind}.pdf"
    assert (
        main(["print", kind, "--database", str(database), "--child", "1", "--out", str(out)]) == 0
    )
    assert out.is_file() and page_count(out) >= 1
    assert main(["print", "--list"]) == 0
    listed = capsys.readouterr().out
    assert kind in listed and "(needs --child)" in listed

"""The one-page profile is never shrunk below 11 pt: it fits one page at 12 or 11 pt, or it
prints as a full profile; the editor's measure says which, and how much is over."""

from __future__ import annotations

from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.one_page_profile import (
    ProfileSheet,
    build_one_page_profile,
    measure_profile,
)
from tests.conftest import TODAY
from tests.pdf_text import page_count, pdf_text, words_with_sizes

META = ReportMeta("Acorns", "One-page profile", TODAY)
SENTENCE = "She loves the swings, bubbles and singing with Nan after tea. "
HEADER_AND_FOOTER = 60  # points at the top and bottom of A4 (842 pt) for the page's edges


def _sheet(sentences: int, photo: bytes | None = None) -> ProfileSheet:
    text = (SENTENCE * sentences).strip()
    return ProfileSheet(
        "Ava Quinn", "1 November 2026", "Mum", [(f"Part {n}", text) for n in range(6)], photo
    )


def _body_sizes(path) -> list[float]:
    return [
        height
        for _page, _word, height, top in words_with_sizes(path)
        if HEADER_AND_FOOTER < top < 842 - HEADER_AND_FOOTER
    ]


def _largest_that_fits() -> int:
    sentences = 1
    while measure_profile(_sheet(sentences + 1)).fits:
        sentences += 1
    return sentences


def test_short_words_fill_one_page_at_twelve_point(tmp_path):
    out = tmp_path / "short.pdf"
    build_one_page_profile(META, _sheet(2), out)
    assert page_count(out) == 1
    sizes = _body_sizes(out)
    assert min(sizes) >= 11
    assert sizes.count(12.0) > 50  # the words in the boxes


def test_the_longest_profile_that_fits_is_one_page_at_eleven_point_or_more(tmp_path):
    most = _largest_that_fits()
    fit = measure_profile(_sheet(most))
    assert fit.fits and fit.body_size >= 11 and fit.message() == "Fits on one page."
    out = tmp_path / "most.pdf"
    build_one_page_profile(META, _sheet(most), out)
    assert page_count(out) == 1
    assert min(_body_sizes(out)) >= 11
    assert "full profile" not in pdf_text(out)


def test_one_sentence_more_prints_the_full_profile_instead_of_shrinking(tmp_path):
    over = _largest_that_fits() + 1
    fit = measure_profile(_sheet(over))
    assert not fit.fits
    assert fit.lines_over >= 1 and fit.characters_over >= 10
    assert "Too long for one page by about" in fit.message()
    assert f"full profile over {fit.full_pages} pages" in fit.message()
    out = tmp_path / "over.pdf"
    build_one_page_profile(META, _sheet(over), out)
    assert page_count(out) == fit.full_pages == 2
    text = pdf_text(out)
    assert "Finding out about me (full profile)" in text
    assert "Full profile" in text.splitlines()[0]  # the page header says so too
    sizes = _body_sizes(out)
    assert min(sizes) >= 11  # "Written on ..." at 11 pt; the words themselves at 12
    assert sizes.count(12.0) > 0.9 * len(sizes) - 30


def test_six_hundred_characters_a_box_is_not_shrunk_to_eight_point(tmp_path):
    sheet = _sheet(10)  # about 600 characters in each of the six boxes
    assert 580 <= len(sheet.sections[0][1]) <= 650
    out = tmp_path / "six-hundred.pdf"
    build_one_page_profile(META, sheet, out)
    assert not measure_profile(sheet).fits
    assert min(_body_sizes(out)) >= 11
    assert page_count(out) == 2

"""Names in any script print as the family writes them: the right fonts, Arabic joined and in
reading order, Chinese and emoji present, in the body and in the page header."""

from __future__ import annotations

import subprocess
import unicodedata

from reportlab.platypus import Paragraph

from portage_desktop.reports import scripts
from portage_desktop.reports.base import ReportMeta, Styles, build_pdf, esc
from portage_desktop.reports.children_list import ChildListRow, build_children_list
from portage_desktop.reports.one_page_profile import ProfileSheet, build_one_page_profile
from tests.conftest import TODAY
from tests.pdf_text import pdf_text, readable

ARABIC = "محمد الحسن"
URDU = "عائشہ"
CHINESE = "李小龙"
POLISH = "Łukasz Żółć"
EMOJI = "Amy 🌈"
NAMES = (ARABIC, CHINESE, POLISH, EMOJI)


def _fonts(path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout


def _joined_forms(text: str) -> set[str]:
    """Arabic letters drawn in their joined (initial, medial, final) presentation forms."""
    return {c for c in text if 0xFE70 <= ord(c) <= 0xFEFF or 0xFB50 <= ord(c) <= 0xFDFF}


def test_each_character_goes_to_a_font_that_has_it():
    assert scripts.font_runs("Amy 李小龙") == [("PortageSans", "Amy "), ("PortageCJK", "李小龙")]
    assert scripts.font_for("م") == "PortageArabic"
    assert scripts.font_for("ہ") == "PortageArabic"  # Urdu: DejaVu lacks it
    assert scripts.font_for("🌈") == "PortageSymbols"
    assert scripts.font_for("Ł") == "PortageSans"
    # A mark stays with its letter, so the two are shaped together.
    assert scripts.font_runs("مُ") == [("PortageArabic", "مُ")]


def test_right_to_left_words_are_laid_out_in_visual_order():
    assert scripts.visual_order("Child محمد الحسن here") == "Child الحسن محمد here"
    assert scripts.visual_order("محمد 2 الحسن") == "الحسن 2 محمد"
    assert scripts.visual_order("Plain English stays") == "Plain English stays"
    assert scripts.markup("Tom & Jo <3\nمحمد الحسن") == "Tom &amp; Jo &lt;3<br/>الحسن محمد"


def test_profile_prints_every_script_shaped_and_in_reading_order(tmp_path):
    sheet = ProfileSheet(ARABIC, "1 November 2026", f"{CHINESE} and {POLISH}", [("Me", EMOJI)])
    out = tmp_path / "profile.pdf"
    build_one_page_profile(ReportMeta("Acorns", "One-page profile", TODAY), sheet, out)
    raw = pdf_text(out)
    text = readable(raw)
    for name in NAMES:
        assert name in text
    # Shaped: the letters of محمد are drawn joined, not as four separate letters.
    assert {"ﻣ", "ﺤ", "ﻤ", "ﺪ"} <= _joined_forms(raw)
    fonts = _fonts(out)
    assert "NotoSansArabic-Bold" in fonts  # the name is the page's bold title
    assert "DroidSansFallback" in fonts
    assert "Symbola" in fonts


def test_a_word_in_two_fonts_and_an_urdu_letter_still_print(tmp_path):
    story = [Paragraph(esc(f"({URDU}) and Amy🌈, {CHINESE}(Bruce)"), Styles().body)]
    out = tmp_path / "mixed.pdf"
    build_pdf(ReportMeta("Acorns", "Mixed", TODAY), story, out)
    text = readable(pdf_text(out))
    assert URDU in text  # (poppler moves the brackets of a right-to-left word when reading)
    assert "Amy🌈" in text
    assert f"{CHINESE}(Bruce)" in text


def test_children_list_and_page_header_carry_names_in_any_script(tmp_path):
    rows = [ChildListRow(n, "01/02/2024", "2 years", CHINESE, "SEN support", ()) for n in NAMES]
    out = tmp_path / "list.pdf"
    build_children_list(ReportMeta(f"Nursery {ARABIC}", f"Roll {CHINESE}", TODAY), rows, out)
    raw = pdf_text(out)
    text = readable(raw)
    for name in NAMES:
        assert name in text
    header = readable(raw.splitlines()[0])
    assert f"Nursery {ARABIC}" in header and f"Roll {CHINESE}" in header
    assert _joined_forms(raw.splitlines()[0])


def test_plain_english_is_not_shaped_and_reads_as_before(tmp_path):
    out = tmp_path / "plain.pdf"
    story = [Paragraph(esc("The office fills in the final form."), Styles().body)]
    build_pdf(ReportMeta("Acorns", "Plain", TODAY), story, out)
    text = pdf_text(out)
    assert "The office fills in the final form." in text  # no "ﬁ" ligature
    assert "ﬁ" not in unicodedata.normalize("NFC", text)

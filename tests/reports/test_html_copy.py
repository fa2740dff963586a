"""The phone copies as HTML: escaped, headed, self-contained, and refused for kinds without one."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from itertools import pairwise

import pytest

from portage_desktop.printing.common import PrintError
from portage_desktop.printing.kinds import print_record
from portage_desktop.reports.base import ReportMeta
from portage_desktop.reports.html.family import render
from portage_desktop.reports.one_page_profile import ProfileSheet
from portage_desktop.reports.plan_sheets import PlanSheet
from portage_desktop.reports.review_report import ReviewSheet
from portage_desktop.reports.shared_record_pack import GoalSheet, SharedPack
from portage_desktop.reports.visit_record import VisitSheet

META = ReportMeta("Ash & <Oak> Nursery", "x", date(2026, 2, 28))
NASTY = "Zara <script>alert(1)</script> & “Bo”"
ARABIC = "ليلى حسن"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000040001f5f8e5ed0000000049454e44ae426082"
)


class Outline(HTMLParser):
    """The tags, landmarks and headings of a page, as a browser's accessibility tree sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._in = tag
            self.headings.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in = None if tag == self._in else self._in


def sheets() -> list[object]:
    return [
        ProfileSheet(NASTY, "1 March 2026", "Mum", [("What people like about me", ARABIC)], PNG),
        PlanSheet(NASTY, "Stacking <3> cups", "Play & share", "Play", True, "Two cups"),
        ReviewSheet(
            NASTY,
            "28 February 2026",
            "Mum",
            "Walks!",
            [("Cups <a>", "Good", "Carry on")],
            "",
            "",
            "",
            "",
            [("Ramp & rail", "Dad by 1 March 2026")],
            "by 1 April 2026",
            True,
            [("Cups <a>", 2, 5)],
        ),
        SharedPack(
            NASTY, [("About", ARABIC)], [GoalSheet("Play", "Share <toys>", [("C", "D")])], []
        ),
        VisitSheet(
            NASTY, "28 February 2026", "Amy", "Home", "Visit 1 of 8", (), "", "", "", "", ""
        ),
    ]


@pytest.mark.parametrize("sheet", sheets(), ids=lambda s: type(s).__name__)
def test_every_copy_escapes_its_words_and_has_one_h1_in_landmarks(sheet: object) -> None:
    text = render(META, sheet)
    outline = Outline()
    outline.feed(text)
    tags = [t for t, _ in outline.tags]
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in text
    assert "Ash &amp; &lt;Oak&gt; Nursery" in text
    assert tags.count("script") == 0 and tags.count("link") == 0
    assert ("html", {"lang": "en-GB"}) in outline.tags
    assert {"header", "main", "footer"} <= set(tags)
    assert outline.headings[0] == "h1" and outline.headings.count("h1") == 1
    levels = [int(h[1]) for h in outline.headings]
    assert all(b - a <= 1 for a, b in pairwise(levels))  # none skipped
    assert not re.search(r"(?i)\b(?:src|href)\s*=\s*\"?(?:https?:)?//", text)
    assert all("alt" in attrs for tag, attrs in outline.tags if tag == "img")


def test_photo_is_inline_with_alt_and_rtl_names_read_in_their_own_direction() -> None:
    text = render(META, sheets()[0])
    assert 'src="data:image/png;base64,' in text
    assert 'alt="Photo of Zara &lt;script&gt;' in text
    assert f'<p dir="auto">{ARABIC}</p>' in text


def test_no_photo_means_no_img() -> None:
    sheet = ProfileSheet("Sam", "1 March 2026", "", [("About", "Likes sand")])
    assert "<img" not in render(META, sheet)


def test_html_out_writes_the_phone_copy_audited_and_refuses_other_kinds(demo_db, tmp_path):
    from portage_desktop.services import audit
    from portage_desktop.services import children as children_service

    child = children_service.list_children(demo_db)[0].id
    before = [e.detail for e in audit.search(demo_db, action="print", record_id=child)]
    out = print_record(
        demo_db, "shared-record", child, tmp_path / "pack.html", today=META.printed_on
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'lang="en-GB"' in text
    assert (out.stat().st_mode & 0o077) == 0  # private, like the PDFs
    after = [e.detail for e in audit.search(demo_db, action="print", record_id=child)]
    assert after.count("shared-record") == before.count("shared-record") + 1
    with pytest.raises(PrintError, match="has no copy for a phone"):
        print_record(demo_db, "plan-summary", child, tmp_path / "plan.html", today=META.printed_on)
    assert not (tmp_path / "plan.html").exists()


def test_the_command_line_writes_html_for_a_family_document_and_refuses_others(
    home, tmp_path, capsys
):
    from portage_desktop.cli import main

    db = str(tmp_path / "demo.db")
    assert main(["make-demo", db, "--children", "3", "--seed", "2"]) == 0
    out = tmp_path / "pack.html"
    assert (
        main(["print", "shared-record", "--database", db, "--child", "1", "--out", str(out)]) == 0
    )
    assert f"Wrote {out}" in capsys.readouterr().out
    assert 'lang="en-GB"' in out.read_text(encoding="utf-8")
    listed = tmp_path / "list.html"
    assert main(["print", "children-list", "--database", db, "--out", str(listed)]) == 1
    err = capsys.readouterr().err
    assert "children-list has no copy for a phone: save it as a PDF instead." in err
    assert "Traceback" not in err and not listed.exists()

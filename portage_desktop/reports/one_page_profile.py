"""The one-page profile, "Finding out about me", for the family and everyone who works with
the child.

Its words are never shrunk below 11 pt to squeeze them onto the page: a page of 4 pt type
helps nobody. The editor asks :func:`measure_profile` as the words are typed and says how
much to trim; a profile that is still too long prints as a "full profile" over two pages.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import (
    ACCENT,
    MARGIN,
    RULE,
    SHADE,
    ReportMeta,
    Styles,
    build_pdf,
    esc,
)
from portage_desktop.reports.glossary import terms_in, words_box_parts

# The frame SimpleDocTemplate gives the story (20 mm top and bottom) less its own padding.
FRAME_WIDTH = A4[0] - 2 * MARGIN - 12
FRAME_HEIGHT = A4[1] - 40 * mm - 12
# The type sizes tried for one page, largest first; 11 pt is the least a family should read.
BODY_SIZES = (12.0, 11.0)
MIN_BODY_SIZE = BODY_SIZES[-1]
PHOTO_SIDE = 38 * mm
_PADDING = 7  # left and right, inside each box
_SAMPLE = tr("We love the swings and the slide, and splashing in puddles after tea with Nan.")


@dataclass(frozen=True)
class ProfileSheet:
    """Plain data for the page: the child's name, when and with whom it was written, the six
    sections as (heading, text), and a photo only when consent allows it."""

    child_name: str
    written_on: str
    written_with: str
    sections: Sequence[tuple[str, str]]
    photo: bytes | None = None


@dataclass(frozen=True)
class ProfileFit:
    """Whether the words fit one page at 11 pt or more, and if not, how much to trim."""

    fits: bool
    body_size: float
    lines_over: int = 0
    characters_over: int = 0
    full_pages: int = 1  # the full profile's pages, when it does not fit

    def message(self) -> str:
        """What the editor says, in plain words."""
        if self.fits:
            return tr("Fits on one page.")
        return tr(
            "Too long for one page by about {lines_over} "
            "{value} (roughly {characters_over} "
            "characters). Trim it to print one page; as it is, it prints as a full "
            "profile over {full_pages} pages."
        ).format(
            lines_over=self.lines_over,
            value="line" if self.lines_over == 1 else "lines",
            characters_over=self.characters_over,
            full_pages=self.full_pages,
        )


def _photo(data: bytes) -> Image:
    reader = ImageReader(io.BytesIO(data))
    width, height = reader.getSize()
    scale = min(PHOTO_SIDE / width, PHOTO_SIDE / height)
    return Image(io.BytesIO(data), width * scale, height * scale)


class _Styles:
    """The page's styles at one body size."""

    def __init__(self, size: float) -> None:
        st = Styles()
        self.title, self.heading = st.title, st.heading
        self.body = ParagraphStyle(
            "profile_body", parent=st.body, fontSize=size, leading=size * 4 / 3
        )
        self.small = ParagraphStyle("profile_small", parent=self.body, fontSize=11, leading=14)
        self.section = ParagraphStyle(
            "profile_section", parent=self.body, fontName=st.heading.fontName, textColor=ACCENT
        )


def _head(sheet: ProfileSheet, st: _Styles, full: bool, photo: Flowable | None) -> list[Flowable]:
    written = tr("Written on {written_on}").format(written_on=esc(sheet.written_on)) + (
        tr(" with {written_with}").format(written_with=esc(sheet.written_with))
        if sheet.written_with
        else ""
    )
    intro: list[Flowable] = [
        Paragraph(tr("Finding out about me") + (tr(" (full profile)") if full else ""), st.heading),
        Paragraph(esc(sheet.child_name), st.title),
        Paragraph(written, st.small),
    ]
    if photo is None:
        return intro
    top = Table([[intro, photo]], colWidths=[FRAME_WIDTH - 44 * mm, 44 * mm])
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [top]


def _rows(sheet: ProfileSheet, st: _Styles) -> list[list[object]]:
    cells = []
    for heading, text in sheet.sections:
        body = esc(text) if text.strip() else tr("<i>We will fill this in together.</i>")
        cells.append([Paragraph(esc(heading), st.section), Spacer(1, 3), Paragraph(body, st.body)])
    return [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]


def _height(flowables: Sequence[Flowable]) -> float:
    """How tall the flowables stand one after another, with the space around each."""
    return sum(
        f.wrap(FRAME_WIDTH, FRAME_HEIGHT * 4)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        for f in flowables
    )


def _words(sheet: ProfileSheet, st: _Styles) -> list[Flowable]:
    """A "Words we use" box for terms the family may not know that the profile uses
    (Makaton, SENCO ...): on this page, and counted in whether it fits."""
    found = terms_in(" ".join(text for heading, text in sheet.sections))
    return [Spacer(1, 3 * mm), *words_box_parts(found, st, FRAME_WIDTH)] if found else []


def _needed(sheet: ProfileSheet, size: float, photo: Flowable | None) -> tuple[float, Table]:
    st = _Styles(size)
    head = _head(sheet, st, False, photo)
    grid = _styled(Table(_rows(sheet, st), colWidths=[FRAME_WIDTH / 2] * 2))
    return _height(head) + 5 * mm + _height([grid]) + _height(_words(sheet, st)), grid


def _placeholder(sheet: ProfileSheet, has_photo: bool) -> Flowable | None:
    if sheet.photo:
        return _photo(sheet.photo)
    return Spacer(PHOTO_SIDE, PHOTO_SIDE) if has_photo else None


def measure_profile(sheet: ProfileSheet, has_photo: bool = False) -> ProfileFit:
    """Lay the words out as the print would and say whether they fit one page.

    ``has_photo`` stands in for a photo not yet loaded (the editor's); a sheet's own photo
    is measured as it is.
    """
    photo = _placeholder(sheet, has_photo)
    for size in BODY_SIZES:
        needed, _grid = _needed(sheet, size, photo)
        if needed <= FRAME_HEIGHT:
            return ProfileFit(True, size)
    over = needed - FRAME_HEIGHT
    leading = MIN_BODY_SIZE * 4 / 3
    lines = max(1, math.ceil(over / leading))
    column = FRAME_WIDTH / 2 - 2 * _PADDING
    per_char = stringWidth(_SAMPLE, Styles().body.fontName, MIN_BODY_SIZE) / len(_SAMPLE)
    per_line = int(column / per_char)
    characters = int(math.ceil(lines * per_line / 10) * 10)
    full = build_pdf(ReportMeta("", tr("Full profile"), date.today()), _full_story(sheet, photo))
    pages = len(re.findall(rb"/Type /Page\b(?!s)", full))
    return ProfileFit(False, MIN_BODY_SIZE, lines, characters, pages)


def build_one_page_profile(meta: ReportMeta, sheet: ProfileSheet, out: Path | None = None) -> bytes:
    """One A4 page at the largest type that fits (12 or 11 pt); otherwise the full profile."""
    fit = measure_profile(sheet)
    photo = _placeholder(sheet, False)
    if not fit.fits:
        return _build_full_profile(meta, sheet, out)
    st = _Styles(fit.body_size)
    head = _head(sheet, st, False, photo)
    rows = _rows(sheet, st)
    words = _words(sheet, st)
    grid = _grid(rows, FRAME_HEIGHT - _height(head) - 5 * mm - _height(words) - 4)
    return build_pdf(meta, [*head, Spacer(1, 5 * mm), grid, *words], out)


def _build_full_profile(meta: ReportMeta, sheet: ProfileSheet, out: Path | None) -> bytes:
    full = ReportMeta(meta.setting_name, tr("Full profile"), meta.printed_on)
    return build_pdf(full, _full_story(sheet, _placeholder(sheet, False)), out)


def _full_story(sheet: ProfileSheet, photo: Flowable | None) -> list[Flowable]:
    """Every word at 12 pt, one section after another, over the pages it takes (two for
    most; up to four for six sections each at the editor's 1,500-character limit)."""
    st = _Styles(BODY_SIZES[0])
    head = _head(sheet, st, True, photo)
    story: list[Flowable] = [*head, Spacer(1, 3 * mm)]
    section = ParagraphStyle(
        "full_section", parent=st.heading, fontSize=13, leading=17, keepWithNext=1
    )
    for heading, text in sheet.sections:
        body = esc(text) if text.strip() else tr("<i>We will fill this in together.</i>")
        story += [Paragraph(esc(heading), section), Paragraph(body, st.body)]
    return story + _words(sheet, st)


def _grid(rows: list[list[object]], room: float) -> Table:
    """The six boxes, stretched to fill the page so it looks finished."""
    natural = _styled(Table(rows, colWidths=[FRAME_WIDTH / 2] * 2))
    _width, height = natural.wrap(FRAME_WIDTH, FRAME_HEIGHT)
    if height >= room:
        return natural
    heights = list(natural._rowHeights)  # type: ignore[attr-defined]
    extra = (room - height) / len(heights)
    return _styled(
        Table(rows, colWidths=[FRAME_WIDTH / 2] * 2, rowHeights=[h + extra for h in heights])
    )


def _styled(grid: Table) -> Table:
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.8, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
            ]
        )
    )
    return grid

"""The one-page profile, "Finding out about me", for the family and everyone who works with
the child. It always fits on one page: long text is scaled down to fit rather than cut off."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, KeepInFrame, Paragraph, Spacer, Table, TableStyle

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

# The frame SimpleDocTemplate gives the story (20 mm top and bottom) less its own padding.
FRAME_WIDTH = A4[0] - 2 * MARGIN - 12
FRAME_HEIGHT = A4[1] - 40 * mm - 12


@dataclass(frozen=True)
class ProfileSheet:
    """Plain data for the page: the child's name, when and with whom it was written, the six
    sections as (heading, text), and a photo only when consent allows it."""

    child_name: str
    written_on: str
    written_with: str
    sections: Sequence[tuple[str, str]]
    photo: bytes | None = None


def _photo(data: bytes) -> Image:
    reader = ImageReader(io.BytesIO(data))
    width, height = reader.getSize()
    side = 38 * mm
    scale = min(side / width, side / height)
    return Image(io.BytesIO(data), width * scale, height * scale)


def build_one_page_profile(meta: ReportMeta, sheet: ProfileSheet, out: Path | None = None) -> bytes:
    """Lay the profile out as one A4 page, scaled down only if it must be."""
    st = Styles()
    intro = [
        Paragraph("Finding out about me", st.heading),
        Paragraph(esc(sheet.child_name), st.title),
        Paragraph(
            f"Written on {esc(sheet.written_on)}"
            + (f" with {esc(sheet.written_with)}" if sheet.written_with else ""),
            st.small,
        ),
    ]
    if sheet.photo:
        top = Table([[intro, _photo(sheet.photo)]], colWidths=[FRAME_WIDTH - 44 * mm, 44 * mm])
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
        head: list = [top]
    else:
        head = intro
    bold = ParagraphStyle("section", parent=st.body, fontName=st.heading.fontName, textColor=ACCENT)
    cells = []
    for heading, text in sheet.sections:
        body = esc(text) if text.strip() else "<i>We will fill this in together.</i>"
        cells.append([Paragraph(esc(heading), bold), Spacer(1, 3), Paragraph(body, st.body)])
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    head_height = sum(f.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] for f in head) + 5 * mm
    grid = _grid(rows, FRAME_HEIGHT - head_height - 4)
    content = [*head, Spacer(1, 5 * mm), grid]
    story = [KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT, content, mode="shrink")]
    return build_pdf(meta, story, out)


def _grid(rows: list[list[object]], room: float) -> Table:
    """The six boxes, stretched to fill the page when the words are short (a page that looks
    finished), left at their natural height when long (then the page is scaled to fit)."""
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
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return grid

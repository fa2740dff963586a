"""The page every printed record shares: A4, the setting's name, the date printed, page numbers.

A family's documents are set at 12 pt (11 pt in tables) so a parent can read them comfortably,
and no word on any print is under 9 pt (``small`` is for labels and staff sheets). Bundled
fonts with HarfBuzz shaping (``scripts``) print every child's name, whatever its script,
accents or emoji.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from portage_desktop.i18n import tr
from portage_desktop.printing.safe_write import write_file
from portage_desktop.reports import scripts
from portage_desktop.services.dates import format_long

FONT = "PortageSans"
FONT_BOLD = "PortageSans-Bold"
MARGIN = 18 * mm
INK = colors.HexColor("#1f2a33")
ACCENT = colors.HexColor("#2f6f5e")
RULE = colors.HexColor("#b9c7c2")
SHADE = colors.HexColor("#eef4f1")

_registered = False


def register_fonts() -> None:
    """Register the bundled fonts once; fall back to Helvetica if they are missing."""
    global FONT, FONT_BOLD, _registered
    if _registered:
        return
    if not scripts.register_fonts():
        FONT, FONT_BOLD = "Helvetica", "Helvetica-Bold"
    _registered = True


def esc(text: str) -> str:
    """Escape user text for ReportLab's mini-markup, so "Tom & Jo <3" prints as typed, and
    put each run of another script in a font that has it (a name in Arabic, Chinese, emoji)."""
    register_fonts()
    if FONT != scripts.PRIMARY:
        return escape(text or "").replace("\n", "<br/>")
    return scripts.markup(text or "")


@dataclass(frozen=True)
class ReportMeta:
    """What the header and footer of every page say."""

    setting_name: str
    title: str
    printed_on: date


class Styles:
    """Paragraph styles, built after the fonts are registered."""

    def __init__(self) -> None:
        register_fonts()
        self.body = ParagraphStyle(
            "body",
            fontName=FONT,
            fontSize=12,
            leading=16,
            textColor=INK,
            alignment=TA_LEFT,
            shaping=1,  # HarfBuzz, for the words that need it (see scripts.py)
        )
        self.small = ParagraphStyle("small", parent=self.body, fontSize=10, leading=13)
        self.title = ParagraphStyle(
            "title",
            parent=self.body,
            fontName=FONT_BOLD,
            fontSize=20,
            leading=25,
            textColor=ACCENT,
            spaceAfter=6,
        )
        self.heading = ParagraphStyle(
            "heading",
            parent=self.body,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        )
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=11, leading=14)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=FONT_BOLD)


class _NumberedCanvas(Canvas):
    """Draws the header and "Page N of M" once the total page count is known."""

    meta: ReportMeta

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._pages: list[dict[str, object]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = A4
        self.saveState()
        self.setFillColor(ACCENT)
        scripts.draw_string(self, MARGIN, height - 12 * mm, self.meta.setting_name, FONT_BOLD, 11)
        self.setFillColor(INK)
        self.setFont(FONT, 10)
        top = height - 12 * mm
        scripts.draw_string(self, width - MARGIN, top, self.meta.title, FONT, 10, "right")
        self.setFont(FONT, 10)
        self.setStrokeColor(RULE)
        self.line(MARGIN, height - 14 * mm, width - MARGIN, height - 14 * mm)
        self.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        self.drawString(
            MARGIN, 9 * mm, tr("Printed on {date}").format(date=format_long(self.meta.printed_on))
        )
        self.drawRightString(
            width - MARGIN,
            9 * mm,
            tr("Page {number} of {total}").format(number=number, total=total),
        )
        self.restoreState()


def build_pdf(meta: ReportMeta, story: Sequence[Flowable], out: Path | None = None) -> bytes:
    """Lay out ``story`` on the shared page and return the PDF bytes.

    With ``out``, the PDF is also written there through the one safe writer: whole or not at
    all, never through a link or onto a device, with a plain message when it cannot be.
    """
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=meta.title,
        author=meta.setting_name,
        creator=tr("Portage Desktop"),
    )

    class _Canvas(_NumberedCanvas):
        pass

    _Canvas.meta = meta
    doc.build(list(story), canvasmaker=_Canvas)
    data = buffer.getvalue()
    if out is not None:
        write_file(out, data)
    return data

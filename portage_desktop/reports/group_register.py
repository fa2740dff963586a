"""A group session's register for the person running it: who is booked, a box to tick for
each who came or told us they could not, and room for notes; a register already taken prints
what was recorded. One session to a page, so a leader can take the page to the room."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import MARGIN, RULE, ReportMeta, Styles, build_pdf, esc

WIDTH = 210 * mm - 2 * MARGIN
BOX = "☐"


@dataclass(frozen=True)
class RegisterLine:
    family: str
    mark: str  # "" before the session; afterwards what was recorded ("Came", ...)


@dataclass(frozen=True)
class RegisterSheet:
    group_name: str
    when: str  # "Tuesday 24 November 2026 at 10:00"
    place: str
    purpose: str
    lines: tuple[RegisterLine, ...]
    notes: str  # what was talked about, once recorded


def _sheet(sheet: RegisterSheet, st: Styles) -> list[Flowable]:
    tick = ParagraphStyle("tick", parent=st.cell, fontSize=20, leading=22, alignment=TA_CENTER)
    story: list[Flowable] = [
        Paragraph(esc(tr("{group_name}: register").format(group_name=sheet.group_name)), st.title),
        Paragraph(esc(sheet.when + (f", {sheet.place}" if sheet.place else "")), st.body),
    ]
    if sheet.purpose:
        story.append(Paragraph(esc(sheet.purpose), st.small))
    story.append(Spacer(1, 6))
    if not sheet.lines:
        story.append(
            Paragraph(tr("No family is booked yet. Write in the families who come."), st.body)
        )
    head = [tr("Family"), tr("Came"), tr("Told us they could not come"), tr("Did not come")]
    rows = [[Paragraph(esc(h), st.cell_bold) for h in head]]
    marks = (tr("Came"), tr("Did not come (told us)"), tr("Did not come"))
    for line in sheet.lines:
        cells = [Paragraph(esc(line.family), st.cell)]
        for mark in marks:
            ticked = "✔" if line.mark == mark else ("" if line.mark else BOX)
            cells.append(Paragraph(ticked or "&nbsp;", tick))
        rows.append(cells)
    spare = 0 if sheet.lines and sheet.lines[0].mark else max(3, 8 - len(sheet.lines))
    rows += [[Paragraph("&nbsp;", st.cell)] + [Paragraph(BOX, tick)] * 3] * spare
    family = WIDTH - 3 * 34 * mm
    table = Table(rows, colWidths=[family, 34 * mm, 34 * mm, 34 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 1), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
            ]
        )
    )
    story += [table, Paragraph(tr("What was talked about"), st.heading)]
    if sheet.notes:
        story.append(Paragraph(esc(sheet.notes), st.body))
    else:
        lines = Table([[""]] * 5, colWidths=[WIDTH], rowHeights=[9 * mm] * 5)
        lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE)]))
        story.append(lines)
    return story


def build_group_register(
    meta: ReportMeta, sheets: Sequence[RegisterSheet], out: Path | None = None
) -> bytes:
    st = Styles()
    story: list[Flowable] = []
    for n, sheet in enumerate(sheets):
        if n:
            story.append(PageBreak())
        story += _sheet(sheet, st)
    if not sheets:
        story.append(Paragraph(tr("Group registers"), st.title))
        story.append(Paragraph(tr("No group has a session planned from today."), st.body))
    return build_pdf(meta, story, out)

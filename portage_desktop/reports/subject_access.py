"""The readable half of a subject access export: everything held about one child, written for
the child's parents, with a contents list and one headed section a kind of record."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr, trn
from portage_desktop.reports.base import FONT_BOLD, RULE, ReportMeta, Styles, build_pdf, esc

if TYPE_CHECKING:
    from portage_desktop.services.subject_access_pages import Block, Page

WIDTH = 170 * mm  # the frame inside the margins and its padding
# Column shares of the page for the tables of many records (checklist, plan steps, days).
_SHARES = {2: (0.3, 0.7), 3: (0.5, 0.2, 0.3), 4: (0.2, 0.4, 0.2, 0.2), 5: (0.16, 0.1, 0.16, 0.24)}


def _widths(count: int) -> list[float]:
    shares = list(_SHARES.get(count, ()))
    if count == 5:
        shares.append(1 - sum(shares))
    if len(shares) != count:
        shares = [1 / count] * count
    return [WIDTH * s for s in shares]


def _fields(block: Block, st: Styles) -> Flowable:
    data = [[Paragraph(esc(k), st.cell_bold), Paragraph(esc(v), st.cell)] for k, v in block.fields]
    table = Table(data, colWidths=[55 * mm, WIDTH - 55 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
            ]
        )
    )
    return table


def _listing(block: Block, st: Styles) -> Flowable:
    """The block's heading is the table's first row, repeated on each page the table runs
    onto: it can never be left alone at the foot of a page, and the table flows on."""
    span = len(block.columns) - 1
    title = [Paragraph(esc(block.heading), st.cell_bold)] + [""] * span
    head = [Paragraph(esc(c), st.cell_bold) for c in block.columns]
    body = [[Paragraph(esc(v), st.cell) for v in row] for row in block.rows]
    table = Table(
        [title, head, *body],
        colWidths=_widths(len(block.columns)),
        repeatRows=2,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 1), (-1, 1), 0.8, RULE),
                ("LINEBELOW", (0, 2), (-1, -1), 0.3, RULE),
            ]
        )
    )
    return table


def _block(block: Block, st: Styles, lead: Sequence[Flowable] = ()) -> list[Flowable]:
    """A record, its heading kept with it (KeepTogether may not nest: it forces a split)."""
    kept = ParagraphStyle("kept", parent=st.body, fontName=FONT_BOLD, keepWithNext=1)
    heading = [Paragraph(esc(block.heading), kept)] if block.heading else []
    if block.columns:
        return [*lead, _listing(block, st), Spacer(1, 3 * mm)]
    if not block.fields:
        return [*lead]
    return [KeepTogether([*lead, *heading, _fields(block, st)]), Spacer(1, 3 * mm)]


def build_subject_access(
    meta: ReportMeta, child_name: str, pages: Sequence[Page], out: Path | None = None
) -> bytes:
    st = Styles()
    story: list[Flowable] = [
        Paragraph(
            tr("Everything we hold about {child_name}").format(child_name=esc(child_name)), st.title
        ),
        Paragraph(
            tr(
                "This is every record we keep about your child, as it stood on the date printed "
                "below. Photos and other files are listed here and included in full in the "
                "computer-readable file (JSON) that comes with this document."
            ),
            st.body,
        ),
        Paragraph(tr("Contents"), st.heading),
    ]
    for n, page in enumerate(pages, start=1):
        count = len(page.blocks)
        story.append(
            Paragraph(
                f'<a href="#part{n}">{n}. {esc(page.title)}</a> — '
                + esc(trn("{n} part", "{n} parts", count).format(n=count)),
                st.body,
            )
        )
    heading = ParagraphStyle("kept_heading", parent=st.heading, keepWithNext=1)
    intro = ParagraphStyle("kept_intro", parent=st.body, keepWithNext=1, spaceAfter=4)
    for n, page in enumerate(pages, start=1):
        # The section's heading and first record stay on one page.
        lead: list[Flowable] = [Paragraph(f'<a name="part{n}"/>{n}. {esc(page.title)}', heading)]
        if page.intro:
            lead.append(Paragraph(esc(page.intro), intro))
        if not page.blocks:
            story += [*lead, Paragraph(tr("Nothing recorded."), st.body)]
        for i, block in enumerate(page.blocks):
            story += _block(block, st, lead if i == 0 else ())
    return build_pdf(meta, story, out)

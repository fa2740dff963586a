"""The review report for parents: successes first, then how each plan is going and what we
agreed to do next, the family's and child's words, issues being followed up, and room for the
parent's own comments. Plain, warm words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

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
from portage_desktop.reports.glossary import explain_terms

WIDTH = A4[0] - 2 * MARGIN - 12


@dataclass(frozen=True)
class ReviewSheet:
    child_name: str
    held_on: str
    who_came: str
    successes: str
    plans: Sequence[tuple[str, str, str]]  # (plan, how it is going, what next)
    parent_views: str
    child_voice: str
    wishes: str
    transition: str
    issues: Sequence[tuple[str, str]]  # (issue, who and by when)
    next_review: str
    draft: bool = False
    steps: Sequence[tuple[str, int, int]] = ()  # (plan, small steps learnt, small steps)


def _steps_chart(rows: Sequence[tuple[str, int, int]], st: Styles) -> Drawing:
    """One bar per plan, filled for the steps learnt, with the numbers written beside it."""
    line = 9 * mm
    width = WIDTH
    drawing = Drawing(width, line * len(rows))
    label_w, bar_w = width * 0.38, width * 0.4
    for n, (title, learnt, total) in enumerate(rows):
        y = line * (len(rows) - n - 1) + 2 * mm
        drawing.add(String(0, y + 1.5 * mm, title[:40], fontName=st.body.fontName, fontSize=11))
        drawing.add(Rect(label_w, y, bar_w, 5 * mm, fillColor=SHADE, strokeColor=RULE))
        if total:
            drawing.add(
                Rect(label_w, y, bar_w * learnt / total, 5 * mm, fillColor=ACCENT, strokeColor=None)
            )
        drawing.add(
            String(
                label_w + bar_w + 3 * mm,
                y + 1.5 * mm,
                tr("{learnt} of {total} small steps").format(learnt=learnt, total=total),
                fontName=st.body.fontName,
                fontSize=11,
            )
        )
    return drawing


def build_review_report(meta: ReportMeta, sheet: ReviewSheet, out: Path | None = None) -> bytes:
    st = Styles()
    story: list[Flowable] = [
        Paragraph(
            tr("Our review together: {child_name}").format(child_name=esc(sheet.child_name)),
            st.title,
        ),
        Paragraph(
            tr("{held_on}. Who came: {who_came}").format(
                held_on=esc(sheet.held_on), who_came=esc(sheet.who_came)
            ),
            st.body,
        ),
    ]
    if sheet.draft:
        story.append(Paragraph(tr("Prepared before we meet, to talk about together."), st.body))
    story += [
        Paragraph(tr("What we are celebrating"), st.heading),
        Paragraph(esc(sheet.successes) or tr("We will share these when we meet."), st.body),
    ]
    if sheet.plans:
        story.append(Paragraph(tr("How each plan is going, and what we agreed next"), st.heading))
        rows = [
            [Paragraph(h, st.cell_bold) for h in (tr("Plan"), tr("How it is going"), tr("Next"))]
        ]
        rows += [[Paragraph(esc(c), st.cell) for c in row] for row in sheet.plans]
        table = Table(rows, colWidths=[WIDTH * 0.3, WIDTH * 0.45, WIDTH * 0.25], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    if sheet.steps:
        story += [
            Paragraph(tr("Small steps learnt so far"), st.heading),
            _steps_chart(sheet.steps, st),
        ]
    for title, text in (
        (tr("What you told us"), sheet.parent_views),
        (tr("What your child told us"), sheet.child_voice),
        (tr("Your wishes about carrying on"), sheet.wishes),
        (tr("Looking ahead (moving on)"), sheet.transition),
    ):
        if text:
            story += [Paragraph(title, st.heading), Paragraph(esc(text), st.body)]
    if sheet.issues:
        story.append(Paragraph(tr("Things you asked us to follow up"), st.heading))
        for issue, who in sheet.issues:
            story.append(Paragraph(f"• {esc(issue)} ({esc(who)})", st.body))
    story += [
        Spacer(1, 4),
        Paragraph(
            tr("<b>Our next review:</b> {next_review}").format(next_review=esc(sheet.next_review)),
            st.body,
        ),
    ]
    lines = Table([[""]] * 5, colWidths=[WIDTH], rowHeights=[9 * mm] * 5)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE)]))
    story.append(
        KeepTogether(
            [
                Paragraph(tr("Your comments"), st.heading),
                Paragraph(tr("Please add anything you would like us to know."), st.body),
                lines,
            ]
        )
    )
    story.append(_agreement(st))
    return build_pdf(meta, explain_terms(story, st, WIDTH), out)


def _agreement(st: Styles) -> Flowable:
    """Room for the parent and the practitioner to say they agree this is the review's record:
    each writes their name, signs and dates it, so both keep the same agreed copy."""
    head = [Paragraph(h, st.cell_bold) for h in ("", tr("Name"), tr("Signature"), tr("Date"))]
    rows = [head] + [
        [Paragraph(who, st.cell_bold), "", "", ""] for who in (tr("Parent"), tr("Practitioner"))
    ]
    table = Table(
        rows,
        colWidths=[WIDTH * 0.2, WIDTH * 0.32, WIDTH * 0.3, WIDTH * 0.18],
        rowHeights=[None, 12 * mm, 12 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return KeepTogether(
        [
            Paragraph(tr("We agree this is the record of our review"), st.heading),
            table,
        ]
    )

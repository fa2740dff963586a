"""The family's one-page copy of a home visit: what we did, what your child enjoyed, the
activity for the week and what to practise, and room for the parent's own notes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

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

WIDTH = 210 * mm - 2 * MARGIN


@dataclass(frozen=True)
class VisitSheet:
    """Plain words, already formatted, for the family's copy."""

    child_name: str
    visit_date: str  # "24 March 2026"
    visitor_name: str
    where: str
    number_text: str  # "Visit 3 of 8", or "" for a visit outside a block
    times: tuple[tuple[str, str], ...]  # ("Play led by Amy", "20 minutes")
    enjoyed: str
    activity: str  # the activity plan's title and this week's small step, or ""
    practise: str
    next_time: str
    shared_notes: str


def _box(title: str, text: str, st: Styles) -> Table:
    box = Table(
        [[Paragraph(esc(title), st.cell_bold)], [Paragraph(esc(text) or "&nbsp;", st.body)]],
        colWidths=[WIDTH],
    )
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box


def build_visit_record(meta: ReportMeta, sheet: VisitSheet, out: Path | None = None) -> bytes:
    st = Styles()
    line = tr("{visit_date}, {lower}, with {visitor_name}").format(
        visit_date=sheet.visit_date, lower=sheet.where.lower(), visitor_name=sheet.visitor_name
    )
    if sheet.number_text:
        line = f"{sheet.number_text}: {line}"
    story: list[Flowable] = [
        Paragraph(tr("Our visit: {child_name}").format(child_name=esc(sheet.child_name)), st.title),
        Paragraph(esc(line), st.body),
        Spacer(1, 6),
    ]
    if sheet.times:
        story.append(
            Paragraph(
                tr("How we spent the time: ")
                + esc("; ".join(f"{label} {value}" for label, value in sheet.times))
                + ".",
                st.body,
            )
        )
        story.append(Spacer(1, 6))
    for title, text in (
        (tr("What {split} enjoyed").format(split=sheet.child_name.split()[0]), sheet.enjoyed),
        (tr("Our activity for the week"), sheet.activity),
        (tr("What we will practise every day"), sheet.practise),
        (tr("Next time"), sheet.next_time),
        (tr("Notes we wrote together"), sheet.shared_notes),
    ):
        if text:
            story += [_box(title, text, st), Spacer(1, 6)]
    lines = Table([[""]] * 5, colWidths=[WIDTH], rowHeights=[9 * mm] * 5)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE)]))
    story += [
        Paragraph(tr("Your notes this week"), st.heading),
        Paragraph(
            tr(
                "Write down anything you notice: what went well, what was hard, questions for "
                "next time."
            ),
            st.body,
        ),
        lines,
    ]
    return build_pdf(meta, explain_terms(story, st, WIDTH), out)

"""The activity chart for home and the plan summary.

The home chart is written for parents: the small step in plain words, how to help, and a week
grid to fill in with space for comments, on one A4 page. The plan summary is the whole plan for
the record and for meetings: the target, every small step with when it was learnt, and how it
is taught.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
from portage_desktop.services.dates import WEEKDAYS

WIDTH = A4[0] - 2 * MARGIN - 12
DAYS = WEEKDAYS


@dataclass(frozen=True)
class PlanSheet:
    """Plain words for both prints; ``steps`` are (text, state) where state is already worded
    ("Learnt on 12 October", "Working on this now", "Still to come")."""

    child_name: str
    title: str
    goal: str
    goal_area: str
    outcome: bool
    small_step: str = ""
    target: Sequence[tuple[str, str]] = ()  # (question, answer) pairs
    how_to_help: Sequence[tuple[str, str]] = ()
    prompts: Sequence[str] = ()
    steps: Sequence[tuple[str, str]] = ()
    details: Sequence[tuple[str, str]] = ()
    progress: str = ""
    week_of: str = ""
    tries: int = 5
    extra: Sequence[tuple[str, str]] = field(default_factory=tuple)


def _pairs(rows: Sequence[tuple[str, str]], st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for label, text in rows:
        if text:
            out.append(
                Paragraph(
                    tr("<b>{label}</b> {text}").format(label=esc(label), text=esc(text)), st.body
                )
            )
            out.append(Spacer(1, 3))
    return out


def _grid(sheet: PlanSheet, st: Styles) -> Table:
    boxes = "  ".join("☐" for _ in range(sheet.tries))
    if sheet.outcome:
        header = [tr("Day"), tr("Each try: ✓ if done"), tr("How much help?"), tr("Comments")]
        widths = [31 * mm, 44 * mm, 34 * mm, WIDTH - 109 * mm]
        rows = [[Paragraph(d, st.cell_bold), Paragraph(boxes, st.body), "", ""] for d in DAYS]
    else:
        header = [tr("Day"), tr("Did you play?"), tr("What did you notice?")]
        widths = [31 * mm, 38 * mm, WIDTH - 69 * mm]
        rows = [[Paragraph(d, st.cell_bold), Paragraph("☐", st.body), ""] for d in DAYS]
    table = Table(
        [[Paragraph(h, st.cell_bold) for h in header], *rows],
        colWidths=widths,
        rowHeights=[None] + [10.5 * mm] * len(DAYS),
        repeatRows=1,
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
    return table


def build_activity_chart(meta: ReportMeta, sheet: PlanSheet, out: Path | None = None) -> bytes:
    """One page for the fridge door: the step, how to help, and the week to fill in."""
    st = Styles()
    story: list[Flowable] = [
        Paragraph(f"{esc(sheet.child_name)}: {esc(sheet.title)}", st.title),
        Paragraph(tr("<b>Our goal:</b> {goal}").format(goal=esc(sheet.goal)), st.body),
    ]
    if sheet.outcome:
        box = Table(
            [
                [Paragraph(tr("This week we are practising"), st.cell_bold)],
                [Paragraph(esc(sheet.small_step), st.heading)],
            ],
            colWidths=[WIDTH],
        )
        box.setStyle(
            TableStyle(
                [("BACKGROUND", (0, 0), (-1, -1), SHADE), ("BOX", (0, 0), (-1, -1), 1, ACCENT)]
            )
        )
        story += [Spacer(1, 6), box, Spacer(1, 4)]
    story += _pairs(sheet.target, st)
    story.append(Paragraph(tr("How to help"), st.heading))
    story += _pairs(sheet.how_to_help, st)
    if sheet.prompts:
        story.append(
            Paragraph(
                tr("<b>Help to give, from most to least:</b> ") + esc(" → ".join(sheet.prompts)),
                st.body,
            )
        )
    grid_title = tr("Our week{value}").format(
        value=(" starting " + sheet.week_of) if sheet.week_of else ""
    )
    story.append(
        KeepTogether(
            [
                Paragraph(grid_title, st.heading),
                Paragraph(
                    tr(
                        "Tick a box each time you try. Write what help you gave, or anything you "
                        "noticed. Please bring the chart back at the end of the week."
                    ),
                    st.body,
                ),
                Spacer(1, 4),
                _grid(sheet, st),
            ]
        )
    )
    return build_pdf(meta, story, out)


def build_plan_summary(meta: ReportMeta, sheet: PlanSheet, out: Path | None = None) -> bytes:
    """The whole plan: goal, target, small steps with their dates, teaching, and agreement."""
    st = Styles()
    story: list[Flowable] = [
        Paragraph(f"{esc(sheet.child_name)}: {esc(sheet.title)}", st.title),
        Paragraph(
            tr("<b>Goal ({goal_area}):</b> {goal}").format(
                goal_area=esc(sheet.goal_area), goal=esc(sheet.goal)
            ),
            st.body,
        ),
        Spacer(1, 4),
    ]
    story += _pairs(sheet.target, st)
    if sheet.steps:
        story.append(Paragraph(tr("Small steps"), st.heading))
        rows = [
            [
                Paragraph(str(n), st.cell),
                Paragraph(esc(text), st.cell),
                Paragraph(esc(state), st.cell),
            ]
            for n, (text, state) in enumerate(sheet.steps, start=1)
        ]
        table = Table(rows, colWidths=[10 * mm, WIDTH - 60 * mm, 50 * mm])
        table.setStyle(
            TableStyle([("GRID", (0, 0), (-1, -1), 0.6, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        story.append(table)
    if sheet.progress:
        story += [
            Spacer(1, 4),
            Paragraph(
                tr("<b>Progress:</b> {progress}").format(progress=esc(sheet.progress)), st.body
            ),
        ]
    story.append(Paragraph(tr("How we help"), st.heading))
    story += _pairs(sheet.how_to_help, st)
    if sheet.prompts:
        story.append(
            Paragraph(
                tr("<b>Help to give, from most to least:</b> ") + esc(" → ".join(sheet.prompts)),
                st.body,
            )
        )
    story.append(Paragraph(tr("Who, when and agreed with"), st.heading))
    story += _pairs(sheet.details, st)
    story += _pairs(sheet.extra, st)
    return build_pdf(meta, story, out)

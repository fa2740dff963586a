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

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import (
    ACCENT,
    INK,
    MARGIN,
    RULE,
    SHADE,
    ReportMeta,
    Styles,
    build_pdf,
    esc,
)
from portage_desktop.reports.glossary import (
    HELP_TERM,
    Term,
    explain_terms,
    explanation,
    prompt_meaning,
    terms_in,
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
    day_dates: Sequence[str] = ()  # the date of each day of the chart's week, Monday first
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
            out.append(Spacer(1, 1))
    return out


BOX = 8 * mm  # big enough to tick with a pen
GAP = 2.5 * mm


def _boxes(count: int) -> Drawing:
    """``count`` empty squares to tick, each 8 mm, drawn rather than typed so they print big."""
    drawing = Drawing(count * BOX + (count - 1) * GAP, BOX)
    for n in range(count):
        drawing.add(Rect(n * (BOX + GAP), 0, BOX, BOX, fillColor=None, strokeColor=INK))
    return drawing


def _day_label(sheet: PlanSheet, index: int, st: Styles) -> Paragraph:
    day = DAYS[index]
    if index < len(sheet.day_dates):
        return Paragraph(f"{esc(day)} {esc(sheet.day_dates[index])}", st.cell_bold)
    return Paragraph(esc(day), st.cell_bold)


def _grid(sheet: PlanSheet, st: Styles) -> Table:
    if sheet.outcome:
        header = [
            tr("Day"),
            tr("Each try: tick if done"),
            tr("Help (number)"),
            tr("Comments"),
        ]
        tries_w = max(44 * mm, sheet.tries * (BOX + GAP) + 4 * mm)
        widths = [40 * mm, tries_w, 32 * mm, WIDTH - 72 * mm - tries_w]
        rows = [[_day_label(sheet, i, st), _boxes(sheet.tries), "", ""] for i in range(len(DAYS))]
    else:
        # An open-ended plan asks the family to play and notice, not to count tries.
        header = [tr("Day"), tr("We played"), tr("What we played"), tr("What did you notice?")]
        widths = [40 * mm, 24 * mm, 50 * mm, WIDTH - 114 * mm]
        rows = [[_day_label(sheet, i, st), _boxes(1), "", ""] for i in range(len(DAYS))]
    table = Table(
        [[Paragraph(h, st.cell_bold) for h in header], *rows],
        colWidths=widths,
        rowHeights=[None] + [BOX + 0.6 * mm] * len(DAYS),
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 1), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 0),
            ]
        )
    )
    return table


def _help_key(prompts: Sequence[str], st: Styles, words: Sequence[Term] = ()) -> Table:
    """The key for "how much help": each level numbered, most help first, with plain words
    for the usual levels, so the family can write a number in the chart. Other words the chart
    uses are explained in the same box, which keeps the chart to one page."""
    cells = []
    for n, prompt in enumerate(prompts, start=1):
        meaning = prompt_meaning(prompt)
        text = f"<b>{n} {esc(prompt)}</b>" + (f": {esc(meaning)}" if meaning else "")
        cells.append(Paragraph(text, st.cell))
    per_row = min(3, len(cells))
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows = [r + [""] * (per_row - len(r)) for r in rows]
    title = Paragraph(tr("How much help: the key, from most to least help"), st.cell_bold)
    spans = [("SPAN", (0, 0), (-1, 0))]
    if words:
        first = len(rows) + 1
        lead = tr("<b>Words we use:</b> ")
        for t in words:
            line = explanation(t, st.cell)
            rows.append([Paragraph(lead + line.text, st.cell)] + [""] * (per_row - 1))
            lead = ""
        spans += [("SPAN", (0, r), (-1, r)) for r in range(first, len(rows) + 1)]
    table = Table(
        [[title] + [""] * (per_row - 1), *rows],
        colWidths=[WIDTH / per_row] * per_row,
    )
    table.setStyle(
        TableStyle(
            [
                *spans,
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
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
    words: list[Term] = []
    if sheet.prompts:
        texts = [sheet.title, sheet.goal, sheet.small_step]
        texts += [f"{a} {b}" for a, b in (*sheet.target, *sheet.how_to_help)]
        words = terms_in(" ".join(texts), [HELP_TERM])
        story += [Spacer(1, 2), _help_key(sheet.prompts, st, words)]
    grid_title = tr("Our week{value}").format(
        value=tr(" starting {date}").format(date=sheet.week_of) if sheet.week_of else ""
    )
    story.append(
        KeepTogether(
            [
                Paragraph(grid_title, st.heading),
                Paragraph(
                    tr("Tick a box for each try. Under “Help” write a number from the key.")
                    if sheet.outcome
                    else tr(
                        "Tick the box on each day you play together. Write what you played and "
                        "what you noticed."
                    ),
                    st.body,
                ),
                _grid(sheet, st),
            ]
        )
    )
    # The key already says in plain words what each level of help means.
    done = [HELP_TERM, *(t.term for t in words)] if sheet.prompts else []
    return build_pdf(meta, explain_terms(story, st, WIDTH, done), out)


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
    return build_pdf(meta, explain_terms(story, st, WIDTH), out)

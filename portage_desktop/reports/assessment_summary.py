"""The assessment summary for parents: what the child can do, what is emerging and the next
small steps, area by area, with a chart of progress since earlier assessments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import RULE, SHADE, ReportMeta, Styles, build_pdf, esc
from portage_desktop.reports.glossary import explain_terms
from portage_desktop.reports.one_page_profile import FRAME_WIDTH
from portage_desktop.reports.progress_chart import ChartSeries, progress_drawing

STRENGTHS_SHOWN = 6


@dataclass(frozen=True)
class AreaSheet:
    """One area's lines of the summary, as plain text."""

    name: str
    achieved: int
    total: int
    strengths: Sequence[str]  # in the checklist's order, earliest first
    emerging: Sequence[str]
    next_steps: Sequence[str]
    assessed: bool = True  # False: no small step in this area was looked at this time


@dataclass(frozen=True)
class AssessmentSheet:
    """Everything the summary prints, as plain data."""

    child_name: str
    assessed_on: str
    framework: str
    contributors: str
    notes: str
    areas: Sequence[AreaSheet]
    chart_areas: Sequence[str]
    chart_series: Sequence[ChartSeries]
    age: str = ""  # the child's age on the day of the assessment
    age_bands: Sequence[str] = ()  # the checklist's age bands, youngest first
    # (area, question, what was seen) for each checkpoint of the checklist: observed, not
    # learnt, so kept apart from the skills. Guidance for the practitioner is never printed.
    checkpoints: Sequence[tuple[str, str, str]] = ()


def _bullets(items: Sequence[str], st: Styles, empty: str) -> list[Paragraph]:
    if not items:
        return [Paragraph(f"<i>{empty}</i>", st.cell)]
    return [Paragraph(f"• {esc(text)}", st.cell) for text in items]


def _strengths(items: Sequence[str], st: Styles) -> list[Paragraph]:
    """The most recent strengths in full; earlier ones counted, so the page stays readable."""
    shown = list(items)[-STRENGTHS_SHOWN:]
    out = _bullets(shown, st, tr("Starting out: every small step ahead is a new success."))
    earlier = len(items) - len(shown)
    if earlier:
        out.append(
            Paragraph(
                tr("<i>…and {earlier} earlier small steps.</i>").format(earlier=earlier), st.small
            )
        )
    return out


def _area(area: AreaSheet, st: Styles) -> list[Flowable]:
    if not area.assessed:
        return [
            Paragraph(tr("{name}: Not assessed").format(name=esc(area.name)), st.heading),
            Paragraph(
                tr("We did not look at this area this time, so there are no results for it."),
                st.body,
            ),
        ]
    heading = Paragraph(
        tr("{name}: {achieved} of {total} small steps achieved").format(
            name=esc(area.name), achieved=area.achieved, total=area.total
        ),
        st.heading,
    )
    columns = (
        _strengths(area.strengths, st),
        _bullets(area.emerging, st, tr("None just now.")),
        _bullets(area.next_steps, st, tr("Every small step in this area is achieved.")),
    )
    # One table row per line, so a long area splits between lines over a page break.
    body = [list(row) for row in zip_longest(*columns, fillvalue="")]
    table = Table(
        [
            [
                Paragraph(tr("Can do now"), st.cell_bold),
                Paragraph(tr("Emerging skills"), st.cell_bold),
                Paragraph(tr("Next small steps"), st.cell_bold),
            ],
            *body,
        ],
        colWidths=[FRAME_WIDTH / 3] * 3,
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, 1), 3),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
            ]
        )
    )
    # The heading keeps a few of the table's lines below it, but a long area runs on over the
    # page rather than leaving a half-empty page behind it.
    return [CondPageBreak(45 * mm), heading, table]


def build_assessment_summary(
    meta: ReportMeta, sheet: AssessmentSheet, out: Path | None = None
) -> bytes:
    """The summary: who and when, the progress chart, then each area."""
    st = Styles()
    story: list = [
        Paragraph(
            tr("Assessment summary: {child_name}").format(child_name=esc(sheet.child_name)),
            st.title,
        ),
        Paragraph(
            tr(
                "This summary celebrates what {child_name} can do, and sets out the "
                "next small steps we will work on together, at home and in the setting."
            ).format(child_name=esc(sheet.child_name)),
            st.body,
        ),
        Spacer(1, 2 * mm),
        Paragraph(
            tr("<b>Assessed on:</b> {assessed_on}").format(assessed_on=esc(sheet.assessed_on))
            + (
                tr(", when {child_name} was {age}").format(
                    child_name=esc(sheet.child_name), age=esc(sheet.age)
                )
                if sheet.age
                else ""
            ),
            st.body,
        ),
        Paragraph(
            tr("<b>Who took part:</b> {contributors}").format(contributors=esc(sheet.contributors)),
            st.body,
        ),
        Paragraph(
            tr("<b>Checklist:</b> {framework}").format(framework=esc(sheet.framework)), st.small
        ),
    ]
    if sheet.age_bands:
        bands = sheet.age_bands
        story.append(
            Paragraph(
                tr("<b>The checklist's age bands:</b> {bands}").format(bands=esc(bands[0]))
                if len(bands) == 1
                else tr("<b>The checklist's age bands:</b> from {first} to {last}").format(
                    first=esc(bands[0]), last=esc(bands[-1])
                ),
                st.small,
            )
        )
    if sheet.notes:
        story.append(Paragraph(tr("<b>Notes:</b> {notes}").format(notes=esc(sheet.notes)), st.body))
    if sheet.chart_series:
        story += [
            Paragraph(tr("Progress over time"), st.heading),
            progress_drawing(sheet.chart_areas, sheet.chart_series, FRAME_WIDTH),
        ]
    for area in sheet.areas:
        story += _area(area, st)
    if sheet.checkpoints:
        story.append(Paragraph(tr("Checkpoints we looked at"), st.heading))
        story.append(
            Paragraph(
                tr(
                    "Questions the checklist asks us to look out for around certain ages. "
                    "They are not skills, so they are not counted above."
                ),
                st.small,
            )
        )
        for area, question, seen in sheet.checkpoints:
            story.append(
                Paragraph(
                    tr("<b>{area}:</b> {question} <i>{seen}</i>").format(
                        area=esc(area), question=esc(question), seen=esc(seen)
                    ),
                    st.cell,
                )
            )
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            tr(
                "Emerging skills are ones we have seen starting to happen. Next small steps are "
                "the "
                "first steps in each area not yet achieved, in the order children usually take "
                "them."
            ),
            st.small,
        )
    )
    return build_pdf(meta, explain_terms(story, st, FRAME_WIDTH), out)

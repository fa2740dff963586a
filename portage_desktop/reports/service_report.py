"""The annual service report: each section's figures, bar charts where the shape matters
(sources of referrals, visit outcomes, end reasons, the parents' answers), the parents' words
and the registered-service check. Bars are dark grey with their number printed beside them, so
a black-and-white copy reads the same."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from portage_desktop.i18n import tr
from portage_desktop.reports.base import FONT, RULE, SHADE, ReportMeta, Styles, build_pdf, esc

WIDTH = 170 * mm


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[tuple[str, str], ...]
    chart: Chart | None = None


@dataclass(frozen=True)
class EvaluationLine:
    question: str
    summary: str  # "Average 4.5 from 12 answers", or "3 comments"
    comments: tuple[str, ...]


@dataclass(frozen=True)
class CheckLine:
    title: str
    status: str
    evidence: tuple[str, ...]
    fixes: tuple[str, ...]


# A table cell cannot break across pages: a large service's evidence for one point (a line a
# family) once made a cell taller than a page, and the whole report failed to print. The
# printed cell shows this much, then says how much more there is and where to read it all.
CELL_CHARACTERS = 1500


def _within_a_cell(evidence: tuple[str, ...]) -> list[str]:
    shown: list[str] = []
    used = 0
    for n, line in enumerate(evidence):
        if used + len(line) > CELL_CHARACTERS and shown:
            rest = len(evidence) - n
            shown.append(
                tr(
                    "… and {rest} more lines: every one is on the Registered-service check screen "
                    "(and from check-service)."
                ).format(rest=rest)
            )
            break
        if len(line) > CELL_CHARACTERS:
            line = line[:CELL_CHARACTERS] + tr(
                " … (the rest is on the Registered-service check screen)"
            )
        shown.append(line)
        used += len(line)
    return shown


@dataclass(frozen=True)
class ServiceReport:
    year: int
    sections: tuple[Section, ...]
    evaluation: tuple[EvaluationLine, ...]
    answer_chart: Chart | None
    check_headline: str
    check: tuple[CheckLine, ...]


def _short(label: str, limit: int = 40) -> str:
    return label if len(label) <= limit else label[: limit - 3].rstrip() + "..."


def bar_chart(chart: Chart) -> Drawing:
    """Horizontal bars, longest label on the left, the count at the end of each bar."""
    bars = [b for b in chart.bars if b[1] >= 0] or [(tr("None"), 0)]
    height = 14 * len(bars) + 20
    drawing = Drawing(WIDTH, height)
    bc = HorizontalBarChart()
    bc.x, bc.y = 75 * mm, 10
    bc.width, bc.height = WIDTH - 95 * mm, height - 20
    bc.data = [[v for _, v in reversed(bars)]]
    bc.categoryAxis.categoryNames = [_short(label) for label, _ in reversed(bars)]
    bc.categoryAxis.labels.fontName = FONT
    bc.categoryAxis.labels.fontSize = 9
    bc.categoryAxis.labels.boxAnchor = "e"
    bc.categoryAxis.labels.dx = -4
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = max(1, max(v for _, v in bars)) * 1.15
    bc.valueAxis.visible = False
    bc.bars[0].fillColor = colors.HexColor("#444444")
    bc.bars[0].strokeColor = None
    bc.barLabelFormat = "%d"
    bc.barLabels.fontName = FONT
    bc.barLabels.fontSize = 9
    bc.barLabels.boxAnchor = "w"
    bc.barLabels.dx = 3
    drawing.add(bc)
    return drawing


def _table(st: Styles, rows: tuple[tuple[str, str], ...]) -> Table:
    data = [[Paragraph(esc(a), st.cell), Paragraph(esc(b), st.cell_bold)] for a, b in rows]
    table = Table(data, colWidths=[130 * mm, 40 * mm])
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ]
        )
    )
    return table


def build_service_report(report: ServiceReport, meta: ReportMeta, out: Path | None = None) -> bytes:
    st = Styles()
    heading = ParagraphStyle("heading_next", parent=st.heading, keepWithNext=1)
    story: list = [
        Paragraph(esc(tr("Annual service report {year}").format(year=report.year)), st.title),
        Paragraph(
            tr(
                "Every figure here can be traced to its records on the annual report page. "
                "Parents' answers are collated without names."
            ),
            st.small,
        ),
    ]
    for section in report.sections:
        parts: list = [Paragraph(esc(section.title), st.heading), _table(st, section.rows)]
        if section.chart is not None and section.chart.bars:
            parts += [
                Spacer(1, 3 * mm),
                Paragraph(esc(section.chart.title), st.small),
                bar_chart(section.chart),
            ]
        story.append(KeepTogether(parts))
    story.append(Paragraph(tr("Parents' evaluation"), heading))
    if report.answer_chart is not None and report.answer_chart.bars:
        story += [
            Paragraph(esc(report.answer_chart.title), st.small),
            bar_chart(report.answer_chart),
        ]
    if not report.evaluation:
        story.append(Paragraph(tr("No questionnaires came back this year."), st.body))
    for line in report.evaluation:
        story.append(
            Paragraph(
                tr("<b>{question}</b>: {summary}").format(
                    question=esc(line.question), summary=esc(line.summary)
                ),
                st.body,
            )
        )
        for comment in line.comments:
            story.append(Paragraph(f"\u201c{esc(comment)}\u201d", st.small))
    story.append(
        Paragraph(
            esc(
                tr("Registered-service check: {check_headline}").format(
                    check_headline=report.check_headline
                )
            ),
            heading,
        )
    )
    rows = [[Paragraph("<b>Point</b>", st.small), Paragraph(tr("<b>Where we stand</b>"), st.small)]]
    for c in report.check:
        text = "<br/>".join(esc(e) for e in _within_a_cell(c.evidence))
        if c.fixes:
            text += tr("<br/><i>To fix:</i> ") + esc(" ".join(c.fixes))
        rows.append(
            [
                Paragraph(f"<b>{esc(c.status)}</b><br/>{esc(c.title)}", st.small),
                Paragraph(text, st.small),
            ]
        )
    table = Table(rows, colWidths=[60 * mm, 110 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    return build_pdf(meta, story, out)

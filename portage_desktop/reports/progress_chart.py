"""A bar chart of the share of small steps achieved in each area, one bar per assessment.

Each bar carries its percentage and the bars' shades get darker over time, so the chart still
reads in black and white and colour is never the only signal. No word on it is under 9 pt:
the percentages stand upright above narrow bars rather than shrinking to fit across them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from portage_desktop.i18n import tr
from portage_desktop.reports import base

SHADES = ("#cfe3dc", "#8fc1b0", "#4f9a82", "#2f6f5e", "#1d4a3e")
LABEL_SIZE = 9  # the smallest type on any print


@dataclass(frozen=True)
class ChartSeries:
    """One assessment: its date as printed, and the share achieved (0 to 1) per area."""

    label: str
    shares: Sequence[float]


def progress_drawing(
    areas: Sequence[str], series: Sequence[ChartSeries], width: float, height: float = 240
) -> Drawing:
    """A drawing of up to five assessments' shares per area, newest darkest."""
    base.register_fonts()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 56
    chart.width, chart.height = width - 52, height - 56 - 58  # room above for the percentages
    shown = list(series)[-len(SHADES) :]
    chart.data = [[round(s * 100) for s in one.shares] for one in shown] or [[0] * len(areas)]
    chart.categoryAxis.categoryNames = [_wrap(a) for a in areas]
    chart.categoryAxis.labels.fontName = base.FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labels.fontName = base.FONT
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.barLabelFormat = "%d%%"
    chart.barLabels.fontName = base.FONT
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.angle = 90
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 3
    chart.groupSpacing = 8
    shades = _shades(len(shown))
    for n in range(len(shown)):
        chart.bars[n].fillColor = colors.HexColor(shades[n])
        chart.bars[n].strokeColor = base.INK
        chart.bars[n].strokeWidth = 0.3
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 36, height - 8
    legend.fontName = base.FONT
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 105
    legend.colorNamePairs = [
        (colors.HexColor(shades[n]), tr("Assessed {label}").format(label=s.label))
        for n, s in enumerate(shown)
    ]
    drawing.add(legend)
    drawing.add(
        String(
            0, 2, tr("Share of each area's small steps achieved"), fontName=base.FONT, fontSize=10
        )
    )
    return drawing


def _shades(count: int) -> list[str]:
    """Shades spread from light (oldest) to dark (newest), as far apart as they can be."""
    if count <= 1:
        return [SHADES[-2]]
    last = len(SHADES) - 1
    return [SHADES[round(n * last / (count - 1))] for n in range(count)]


def _wrap(text: str) -> str:
    """Break a long area name over two lines under its bars."""
    if len(text) <= 14 or " " not in text:
        return text
    words = text.split()
    half = len(words) // 2 or 1
    return " ".join(words[:half]) + "\n" + " ".join(words[half:])

"""A small bar chart of progress per area over time, drawn with QPainter.

One group of bars per area, one bar per assessment (lighter is older), each labelled with its
percentage, so neither colour nor bar height alone carries the meaning. Fonts come from the
widget, so the chart follows the system font size. The same numbers are offered as text to
screen readers through the accessible description.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.progress import ProgressPoint, area_names
from portage_desktop.ui.common import theme

SHADES = len(theme.LIGHT.shades)  # assessments shown at most


def shades(count: int, palette: QPalette | None = None) -> list[str]:
    """Shades from faint (oldest) to strong (newest) against the background, as far apart as
    they can be."""
    scale = theme.current(palette).shades
    if count <= 1:
        return [scale[-2]]
    last = len(scale) - 1
    return [scale[round(n * last / (count - 1))] for n in range(count)]


class ProgressChart(QWidget):
    """Call :meth:`set_points` with the assessments of one checklist, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[ProgressPoint] = []
        self.areas: list[str] = []
        self.setAccessibleName(tr("Progress chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(560, int(line * 14))

    def minimumSizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(320, int(line * 11))

    def set_points(self, points: Sequence[ProgressPoint]) -> None:
        self.points = list(points)[-SHADES:]
        self.areas = area_names(self.points)
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers and tooltips."""
        if not self.points:
            return tr("No assessments yet.")
        parts = []
        for area in self.areas:
            values = ", ".join(
                f"{format_date(p.assessed_on)}: {round(p.shares.get(area, 0) * 100)}%"
                for p in self.points
            )
            parts.append(f"{area}: {values}")
        return tr("Share of small steps achieved. ") + "; ".join(parts)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        if not self.points:
            painter.setPen(self.palette().text().color())
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                tr("The chart appears after the first assessment."),
            )
            return
        colours = shades(len(self.points), self.palette())
        legend_h = line * 1.6
        left = metrics.horizontalAdvance("100%") + 8
        plot = QRectF(
            left, legend_h + line, self.width() - left - 8, self.height() - legend_h - line * 3.6
        )
        self._legend(painter, colours, line)
        painter.setPen(QPen(QColor(theme.current(self.palette()).chart_grid), 1))
        for pct in (0, 25, 50, 75, 100):
            y = plot.bottom() - plot.height() * pct / 100
            painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y - line / 2, left - 4, line), Qt.AlignmentFlag.AlignRight, f"{pct}%"
            )
            painter.setPen(QPen(QColor(theme.current(self.palette()).chart_grid), 1))
        group = plot.width() / max(len(self.areas), 1)
        bar = group * 0.8 / len(self.points)
        small = self.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 6))
        for a, area in enumerate(self.areas):
            x0 = plot.left() + a * group + group * 0.1
            for n, point in enumerate(self.points):
                share = point.shares.get(area, 0.0)
                height = plot.height() * share
                rect = QRectF(x0 + n * bar, plot.bottom() - height, bar - 2, height)
                painter.fillRect(rect, QColor(colours[n]))
                painter.setPen(QPen(QColor(theme.current(self.palette()).outline), 0.6))
                painter.drawRect(rect)
                painter.setFont(small)
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRectF(rect.left() - 6, rect.top() - line, bar + 10, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    f"{round(share * 100)}%",
                )
                painter.setFont(self.font())
            painter.drawText(
                QRectF(x0 - group * 0.1, plot.bottom() + 4, group, line * 2.4),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                area,
            )

    def _legend(self, painter: QPainter, colours: list[str], line: float) -> None:
        x = 8.0
        metrics = QFontMetricsF(self.font())
        for n, point in enumerate(self.points):
            painter.fillRect(QRectF(x, line * 0.3, line, line), QColor(colours[n]))
            painter.setPen(QPen(QColor(theme.current(self.palette()).outline), 0.6))
            painter.drawRect(QRectF(x, line * 0.3, line, line))
            label = tr("Assessed {date}").format(date=format_date(point.assessed_on))
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(x + line * 1.3, line * 0.2, 400, line * 1.2),
                Qt.AlignmentFlag.AlignLeft,
                label,
            )
            x += line * 1.3 + metrics.horizontalAdvance(label) + line

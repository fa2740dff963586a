"""A plan's progress drawn with QPainter: the share of tries that succeeded on each recorded
day, a dashed line where a new small step began, and the criterion's level as a band.

A day at the level that counts has a filled dot and one below it a hollow dot (shape, not only
colour), steps are named in words, and the chart's accessible description states every day's
percentage, so a screen reader gets the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.plan_progress import Criterion, DayResult, day_meets
from portage_desktop.services.plan_records import DayEntry
from portage_desktop.services.plans import Step
from portage_desktop.ui.common import theme

LAST_DAYS = 30


class PlanChart(QWidget):
    """Call :meth:`set_data` with a plan's recorded days, its steps and the criterion's share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[date, float]] = []
        self.starts: list[tuple[date, str]] = []
        self.level = 0.8
        self.counts: list[bool] = []
        self.setAccessibleName(tr("Progress chart for this plan"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(520, int(QFontMetricsF(self.font()).height() * 12))

    def minimumSizeHint(self) -> QSize:
        return QSize(300, int(QFontMetricsF(self.font()).height() * 9))

    def set_data(
        self,
        days: Sequence[DayEntry],
        steps: Sequence[Step],
        criterion: Criterion,
        prompts: Sequence[str],
    ) -> None:
        scored = [d for d in days if d.tries][-LAST_DAYS:]
        self.points = [(d.day, (d.successes or 0) / (d.tries or 1)) for d in scored]
        self.counts = [
            day_meets(DayResult(d.day, d.tries, d.successes, d.prompt), criterion, prompts)
            for d in scored
        ]
        level = criterion.successes_needed / criterion.tries_out_of
        first = self.points[0][0] if self.points else None
        self.starts = [
            (s.started_on, tr("Step {n}").format(n=n))
            for n, s in enumerate(steps, start=1)
            if s.started_on and first and s.started_on >= first
        ]
        self.level = level
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        if not self.points:
            return tr("No tries recorded yet.")
        days = "; ".join(
            f"{format_date(d)}: {round(v * 100)}%" + (" (counts)" if ok else "")
            for (d, v), ok in zip(self.points, self.counts, strict=True)
        )
        steps = "; ".join(f"{label} began {format_date(d)}" for d, label in self.starts)
        return tr(
            "Share of tries that succeeded on each recorded day. The step is learnt at "
            "{value}%. {days}."
        ).format(value=round(self.level * 100), days=days) + (f" {steps}." if steps else "")

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text_pen = QPen(self.palette().text().color())
        colours = theme.current(self.palette())
        line_colour = QColor(colours.chart_line)
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        if not self.points:
            painter.setPen(text_pen)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                tr("The chart appears once tries are recorded in the week grid."),
            )
            return
        left = metrics.horizontalAdvance("100%") + 10
        plot = QRectF(left, line * 1.6, self.width() - left - 12, self.height() - line * 4.2)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value

        band = QRectF(plot.left(), y_of(1.0), plot.width(), y_of(self.level) - y_of(1.0))
        painter.fillRect(band, QColor(colours.chart_band))
        painter.setPen(text_pen)
        painter.drawText(
            QRectF(plot.left(), 0, plot.width(), line * 1.4),
            Qt.AlignmentFlag.AlignLeft,
            tr("Shaded: the level that counts ({value}% or more)").format(
                value=round(self.level * 100)
            ),
        )
        for pct in (0, 50, 100):
            y = y_of(pct / 100)
            painter.setPen(QPen(QColor(colours.chart_grid), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(0, y - line / 2, left - 6, line), Qt.AlignmentFlag.AlignRight, f"{pct}%"
            )
        count = len(self.points)
        gap = plot.width() / max(count, 1)

        def x_of(index: int) -> float:
            return plot.left() + gap * (index + 0.5)

        small = self.font()
        small.setPointSizeF(max(small.pointSizeF() * 0.8, 6))
        for day, label in self.starts:
            index = next((i for i, (d, _v) in enumerate(self.points) if d >= day), None)
            if index is None:
                continue
            x = x_of(index) - gap / 2
            painter.setPen(QPen(QColor(colours.chart_dash), 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text_pen)
            painter.setFont(small)
            painter.drawText(QPointF(x + 3, plot.top() + line * 0.8), label)
            painter.setFont(self.font())
        painter.setPen(QPen(line_colour, 2))
        coords = [QPointF(x_of(i), y_of(v)) for i, (_d, v) in enumerate(self.points)]
        for a, b in pairwise(coords):
            painter.drawLine(a, b)
        painter.setFont(small)
        step = max(1, count // 8)
        for i, ((day, _value), point) in enumerate(zip(self.points, coords, strict=True)):
            painter.setBrush(line_colour if self.counts[i] else self.palette().base())
            painter.setPen(QPen(line_colour, 1.5))
            painter.drawEllipse(point, 3.5, 3.5)
            if i % step == 0 or i == count - 1:
                painter.setPen(text_pen)
                painter.drawText(
                    QRectF(point.x() - 30, plot.bottom() + 4, 60, line),
                    Qt.AlignmentFlag.AlignHCenter,
                    f"{day.day}/{day.month}",
                )
        painter.setPen(text_pen)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + line * 1.2, plot.width(), line * 1.4),
            Qt.AlignmentFlag.AlignLeft,
            tr(
                "Filled dot: a day that counts (enough successes, with no more help than the "
                "target); hollow dot: not yet."
            ),
        )

"""Which week a home activity chart is for: this week or one of the next few.

Printed on a Friday for the week ahead, or on a Monday for the week just starting: the family
fills in the days printed on it, so the person printing chooses. The usual week (this one, or
next at the weekend) is chosen already, so Enter prints it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.printing.plans import chart_week
from portage_desktop.services.dates import format_date

WEEKS_OFFERED = 5


class ChartWeekDialog(QDialog):
    """``week`` (that week's Monday) on accept."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Which week is the chart for?"))
        usual = chart_week(today)
        this_monday = today - timedelta(days=today.weekday())
        self.weeks = [this_monday + timedelta(days=7 * n) for n in range(WEEKS_OFFERED)]
        self.choice = QComboBox()
        self.choice.setAccessibleName(tr("Week the chart is for"))
        for monday in self.weeks:
            words = tr("Monday {start} to Sunday {end}").format(
                start=format_date(monday), end=format_date(monday + timedelta(days=6))
            )
            if monday == this_monday:
                words = tr("This week: {words}").format(words=words)
            elif monday == this_monday + timedelta(days=7):
                words = tr("Next week: {words}").format(words=words)
            self.choice.addItem(words, monday)
        self.choice.setCurrentIndex(self.weeks.index(usual))
        label = QLabel(tr("The chart has a row for each day of the &week:"))
        label.setBuddy(self.choice)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Continue"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.choice)
        layout.addWidget(buttons)
        self.choice.setFocus()

    @property
    def week(self) -> date:
        return self.choice.currentData()

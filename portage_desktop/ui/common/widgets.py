"""Small reusable widgets: a forgiving UK date field, inline field errors, headings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date, parse_uk_date
from portage_desktop.ui.common.sizing import (  # noqa: F401 (dialogs import them from here too)
    fitted,
    size_for_screen,
)
from portage_desktop.ui.common.theme import error_style


class DateField(QWidget):
    """A date typed the UK way (24/03/2023, 24 March 2023) or picked from a calendar.

    Empty is allowed; whether a date is required is the service's rule, not the widget's, so
    the message for a missing date comes from the same place as every other rule.
    """

    changed = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(tr("dd/mm/yyyy"))
        self.edit.setAccessibleName(accessible_name)
        self.edit.setAccessibleDescription(tr("Day, month and year, for example 24/03/2023"))
        self.edit.setMaxLength(30)
        self.edit.textEdited.connect(self.changed)
        self.button = QToolButton(self)
        self.button.setText(tr("Calendar"))
        self.button.setToolTip(tr("Pick the date from a calendar (Alt+Down)"))
        self.button.setAccessibleName(
            tr("{accessible_name}: pick from calendar").format(accessible_name=accessible_name)
        )
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 (Qt's name)
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.button.showMenu()
            return
        super().keyPressEvent(event)

    def _prepare_calendar(self) -> None:
        try:
            current = self.value()
        except ValueError:
            current = None
        day = current or date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, qdate: QDate) -> None:
        self.set_value(date(qdate.year(), qdate.month(), qdate.day()))
        self.button.menu().hide()
        self.changed.emit()
        self.edit.setFocus()

    def value(self) -> date | None:
        """The date typed, ``None`` if empty; ``ValueError`` with a plain message if unreadable."""
        return parse_uk_date(self.edit.text())

    def set_value(self, value: date | None) -> None:
        self.edit.setText(format_date(value))


class FieldErrors:
    """Shows each validation message in a label placed beside its field."""

    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}

    def label_for(self, name: str, field: QWidget) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{name}")
        label.setStyleSheet(error_style())
        label.setWordWrap(True)
        label.setVisible(False)
        label.setAccessibleName(
            tr("Problem with {value}").format(value=field.accessibleName() or name)
        )
        self._labels[name] = label
        self._fields[name] = field
        return label

    def show(self, errors: dict[str, str]) -> None:
        """Show every message (prefixed in words, so colour is not the only signal)."""
        self.clear()
        first: QWidget | None = None
        for name, message in errors.items():
            label = self._labels.get(name)
            if label is None:
                continue
            label.setText(f"⚠ {message}")
            label.setVisible(True)
            if first is None:
                first = self._fields[name]
        if first is not None:
            first.setFocus()

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.setVisible(False)

    def text(self, name: str) -> str:
        label = self._labels.get(name)
        return label.text().removeprefix("⚠ ") if label and not label.isHidden() else ""

    def unplaced(self, errors: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in errors.items() if k not in self._labels}


def suggest(edit: QLineEdit, names: list[str]) -> None:
    """Offer known names while typing, without limiting the field to them.

    The rest of a matching name appears selected in the field itself (End accepts it, typing
    on replaces it), so there is no pop-up to steal the keyboard or a screen reader's focus.
    """
    completer = QCompleter(sorted(set(names)), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
    edit.setCompleter(completer)


def heading(text: str, scale: float = 1.5) -> QLabel:
    """A page heading sized relative to the system font, so it follows the user's font size."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label

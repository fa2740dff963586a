"""The week grid: a fast, keyboard-friendly table for typing in a week of a plan's records.

One row per day, Monday to Sunday. Type numbers for tries and successes, choose the prompt by
its number or first letter, tick with Space, type a note; Tab and the arrow keys move between
cells. Days after today or before the plan started are locked. Nothing is stored until Save,
and moving to another week with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_long, weekday_name
from portage_desktop.services.plan_records import DayEntry, week_start
from portage_desktop.services.plan_vocabulary import RecordedBy
from portage_desktop.ui.common.theme import error_style

TRIES, SUCCESSES, PROMPT, DONE, NOTE, BY = range(6)
HEADERS = (
    tr("Tries"),
    tr("Successes"),
    tr("Prompt used"),
    tr("Done (tick)"),
    tr("Note"),
    tr("Recorded by"),
)


def name_corner(table: QTableWidget, name: str) -> None:
    """The table's select-all corner button is a control too, so it needs a name."""
    corner = table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
    if corner is not None:
        corner.setAccessibleName(name)


class ChoiceCombo(QComboBox):
    """A list chosen from the keyboard: a digit picks that item, a letter the next item
    starting with it, so a prompt is one key press."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and 1 <= int(text) <= self.count() - 1:
            self.setCurrentIndex(int(text))
            return
        if text.isalpha():
            start = self.currentIndex()
            for step in range(1, self.count() + 1):
                index = (start + step) % self.count()
                if self.itemText(index).lower().lstrip("0123456789. ").startswith(text.lower()):
                    self.setCurrentIndex(index)
                    return
        super().keyPressEvent(event)


class CellDelegate(QStyledItemDelegate):
    """Return and Enter finish the cell here; Qt would otherwise pass them on to the dialog,
    which presses its default button (a table inside a dialog must not save or print)."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class _Delegate(CellDelegate):
    """Number fields take digits only; the prompt and recorder columns are picked from a list."""

    def __init__(self, grid: WeekGrid) -> None:
        super().__init__(grid.table)
        self.grid = grid

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        column = index.column()
        if column in (PROMPT, BY):
            combo = ChoiceCombo(parent)
            choices = self.grid.prompt_choices() if column == PROMPT else self.grid.by_choices()
            combo.addItems(choices)
            combo.setAccessibleName(HEADERS[column])
            return combo
        editor = QLineEdit(parent)
        editor.setAccessibleName(HEADERS[column])
        if column in (TRIES, SUCCESSES):
            editor.setValidator(QIntValidator(0, 50, editor))
        else:
            editor.setMaxLength(500)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data() or ""
        if isinstance(editor, QComboBox):
            found = next(
                (i for i in range(editor.count()) if editor.itemText(i).endswith(value)), 0
            )
            editor.setCurrentIndex(found if value else 0)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def setModelData(self, editor: QWidget, model, index) -> None:  # noqa: ANN001 (Qt's names)
        if isinstance(editor, QComboBox):
            text = editor.currentText().lstrip("0123456789. ") if editor.currentIndex() else ""
            model.setData(index, text)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text().strip())


class WeekGrid(QWidget):
    """Edit one week of a plan's records; emits ``saved`` with the rows to store."""

    save_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompts: tuple[str, ...] = ()
        self.start_on: date | None = None
        self.today = date.today()
        self.monday = week_start(self.today)
        self.entries: dict[date, DayEntry] = {}
        self.dirty = False
        self._loading = False
        self.caption = QLabel()
        self.earlier = QPushButton(tr("◀ &Earlier week"))
        self.later = QPushButton(tr("La&ter week ▶"))
        self.earlier.setAccessibleName(tr("Show the earlier week"))
        self.later.setAccessibleName(tr("Show the later week"))
        self.earlier.clicked.connect(lambda: self.move_week(-7))
        self.later.clicked.connect(lambda: self.move_week(7))
        self.save_button = QPushButton(tr("&Save week"))
        self.save_button.setToolTip(tr("Store this week's records (Ctrl+S)"))
        self.save_button.clicked.connect(self.request_save)
        self.table = QTableWidget(7, len(HEADERS))
        self.table.setAccessibleName(tr("Week grid: one row per day"))
        self.table.setAccessibleDescription(
            tr(
                "Type numbers for tries and successes. In Prompt used, press a number or the first "
                "letter. Space ticks Done. Tab and the arrow keys move between cells."
            )
        )
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setItemDelegate(_Delegate(self))
        name_corner(self.table, tr("Select the whole week"))
        self.table.setTabKeyNavigation(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._changed)
        QShortcut(QKeySequence.StandardKey.Save, self, self.request_save)
        rows = 7 * self.table.verticalHeader().defaultSectionSize()
        frame = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(rows + frame + 4)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.error.setAccessibleName(tr("Problems with the week"))
        top = QHBoxLayout()
        top.addWidget(self.earlier)
        top.addWidget(self.caption, 1)
        top.addWidget(self.later)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.error)

    def prompt_choices(self) -> list[str]:
        return ["(none)"] + [f"{n}. {p}" for n, p in enumerate(self.prompts, start=1)]

    def by_choices(self) -> list[str]:
        return ["(choose)"] + [f"{n}. {b.label}" for n, b in enumerate(RecordedBy, start=1)]

    def set_plan(
        self,
        entries: Sequence[DayEntry],
        prompts: Sequence[str],
        start_on: date | None,
        outcome: bool = True,
    ) -> None:
        """Show a plan's records at the latest week with any, or this week; an open-ended
        plan is recorded with a tick and a note, so the number columns are hidden."""
        for column in (TRIES, SUCCESSES, PROMPT):
            self.table.setColumnHidden(column, not outcome)
        self.prompts, self.start_on = tuple(prompts), start_on
        self.entries = {e.day: e for e in entries}
        latest = max(self.entries, default=self.today)
        self.monday = week_start(min(latest, self.today))
        self._fill()

    def move_week(self, days: int) -> None:
        if not self.confirm_leave():
            return
        self.monday += timedelta(days=days)
        self._fill()

    def confirm_leave(self) -> bool:
        """Ask before unsaved typing is thrown away; Save keeps it."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            tr("Save this week?"),
            tr("This week has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.request_save()
            return not self.dirty
        return answer == QMessageBox.StandardButton.Discard

    def _fill(self) -> None:
        self._loading = True
        self.caption.setText(tr("Week starting {date}").format(date=format_long(self.monday)))
        self.later.setEnabled(self.monday + timedelta(days=7) <= self.today)
        labels = []
        for row in range(7):
            day = self.monday + timedelta(days=row)
            entry = self.entries.get(day, DayEntry(day))
            locked = day > self.today or (self.start_on is not None and day < self.start_on)
            labels.append(
                f"{weekday_name(day, short=True)} {day.day}" + (" (locked)" if locked else "")
            )
            values = {
                TRIES: "" if entry.tries is None else str(entry.tries),
                SUCCESSES: "" if entry.successes is None else str(entry.successes),
                PROMPT: entry.prompt,
                NOTE: entry.note,
                BY: entry.by.label if not entry.empty else "",
            }
            for column in range(len(HEADERS)):
                item = QTableWidgetItem(values.get(column, ""))
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if column == DONE:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(
                        Qt.CheckState.Checked if entry.done else Qt.CheckState.Unchecked
                    )
                    item.setText(tr("Done") if entry.done else "")
                elif not locked:
                    flags |= Qt.ItemFlag.ItemIsEditable
                if locked:
                    flags &= ~Qt.ItemFlag.ItemIsEnabled
                item.setFlags(flags)
                self.table.setItem(row, column, item)
        self.table.setVerticalHeaderLabels(labels)
        self.error.setVisible(False)
        self.dirty = False
        self._loading = False

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        if item.column() == DONE:
            self._loading = True
            item.setText(tr("Done") if item.checkState() == Qt.CheckState.Checked else "")
            self._loading = False
        self.dirty = True

    def rows(self) -> list[DayEntry]:
        """Every unlocked day changed since the grid was filled (an emptied day clears it).

        Each carries the version it was read at, and untouched days are left out, so a day
        someone else recorded meanwhile is neither overwritten nor reported as a clash.
        """
        out = []
        for row in range(7):
            day = self.monday + timedelta(days=row)
            if not self.table.item(row, NOTE).flags() & Qt.ItemFlag.ItemIsEnabled:
                continue

            def number(column: int, at: int = row) -> int | None:
                text = self.table.item(at, column).text().strip()
                return int(text) if text.isdigit() else None

            by_text = self.table.item(row, BY).text()
            by = next((b for b in RecordedBy if b.label == by_text), RecordedBy.PRACTITIONER)
            loaded = self.entries.get(day, DayEntry(day))
            typed = DayEntry(
                day,
                number(TRIES),
                number(SUCCESSES),
                self.table.item(row, PROMPT).text(),
                self.table.item(row, DONE).checkState() == Qt.CheckState.Checked,
                self.table.item(row, NOTE).text(),
                by,
                loaded.step_id,
                loaded.version,
            )
            if typed != loaded:
                out.append(typed)
        return out

    def request_save(self) -> None:
        editor = QApplication.focusWidget()
        if editor is not None and self.table.viewport().isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.save_requested.emit(self.rows())

    def saved(self, entries: Sequence[DayEntry]) -> None:
        """Called once the records are stored: show them as stored."""
        self.entries = {e.day: e for e in entries}
        self._fill()

    def show_errors(self, errors: dict[str, str]) -> None:
        self.error.setText("⚠ " + " ".join(errors.values()))
        self.error.setVisible(True)

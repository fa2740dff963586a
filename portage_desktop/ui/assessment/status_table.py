"""The table where an assessment is entered: one row per small step, set from the keyboard.

A number key sets the status of the current step and moves down to the next, so a whole area
can be entered while talking with a parent without touching the mouse. Typing in the Evidence
column writes a note for that step.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
)

from portage_desktop.checklist_format import CHECKPOINT, GUIDANCE
from portage_desktop.i18n import tr
from portage_desktop.services.assessments import Entry
from portage_desktop.services.frameworks import FrameworkDetail
from portage_desktop.ui.common import theme

AREA, STEP, AGES, STATUS, EVIDENCE = range(5)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 10


def _labelled(kind: str, text: str) -> str:
    """A checkpoint or note of guidance says what it is in words, not only by its look."""
    if kind == CHECKPOINT:
        return tr("Checkpoint: {text}").format(text=text)
    if kind == GUIDANCE:
        return tr("Guidance: {text}").format(text=text)
    return text


class StatusTable(QTableWidget):
    """Holds the statuses and evidence of one assessment in progress."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__(0, 5)
        self.detail: FrameworkDetail | None = None
        self.item_ids: list[int] = []
        self.setHorizontalHeaderLabels(
            [tr("Area"), tr("Small step"), tr("Usual age"), tr("Status"), tr("Evidence")]
        )
        self.setAccessibleName(tr("Small steps and their status"))
        self.setAccessibleDescription(
            tr(
                "Press a number to set the status of the current small step and move to the next. "
                "Press 0 to clear it. Type in the Evidence column to add a note."
            )
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(STEP, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EVIDENCE, QHeaderView.ResizeMode.Stretch)
        for column in (AREA, AGES, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setTabKeyNavigation(False)
        self.itemChanged.connect(lambda _i: self.edited.emit())

    def load(self, detail: FrameworkDetail, entries: Mapping[int, Entry]) -> None:
        """Fill one row per small step, in the checklist's order; emits no ``edited``."""
        self.blockSignals(True)
        self.detail = detail
        self.item_ids = [i.id for i in detail.items]
        self.setRowCount(len(self.item_ids))
        for row, item in enumerate(detail.items):
            area = detail.area_of[item.id]
            cells = [area.name, _labelled(item.kind, item.text), item.age_band, "", ""]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column == EVIDENCE and item.takes_status:
                    flags |= Qt.ItemFlag.ItemIsEditable
                if not item.takes_status:  # guidance is read, not marked: set it apart
                    font = cell.font()
                    font.setItalic(True)
                    cell.setFont(font)
                cell.setFlags(flags)
                self.setItem(row, column, cell)
            entry = entries.get(item.id)
            self._set_status(row, entry.status if entry else None)
            self.item(row, EVIDENCE).setText(entry.evidence if entry else "")
            if not item.takes_status:
                self.item(row, STATUS).setText(tr("(guidance)"))
        self.blockSignals(False)
        self.resizeRowsToContents()
        markable = [r for r, item in enumerate(detail.items) if item.takes_status]
        if markable:  # start on the first entry that takes a status, not on guidance
            self.setCurrentCell(markable[0], STATUS)

    def _set_status(self, row: int, value: int | None) -> None:
        assert self.detail is not None
        level = self.detail.framework.level(value)
        cell = self.item(row, STATUS)
        # 0 means "no status": storing None in an item's data upsets PySide's reference counts.
        blocked = self.blockSignals(True)
        cell.setData(STATUS_ROLE, level.value if level else 0)
        cell.setText(f"{level.value} {level.label}" if level else "–")
        tint = theme.current(self.palette()).step_tints[level.meaning] if level else None
        brush = QBrush(QColor(tint)) if tint else QBrush()
        for column in range(self.columnCount()):
            self.item(row, column).setBackground(brush)
        self.blockSignals(blocked)
        self.viewport().update()

    def takes_status(self, row: int) -> bool:
        assert self.detail is not None
        return self.detail.items[row].takes_status

    def set_status(self, row: int, value: int | None) -> None:
        if not self.takes_status(row):
            return  # guidance for the practitioner is never marked
        self._set_status(row, value)
        self.edited.emit()

    def status(self, row: int) -> int | None:
        return int(self.item(row, STATUS).data(STATUS_ROLE) or 0) or None

    def commit_open_note(self) -> None:
        """Keep an evidence note still being typed when Save is pressed without Enter."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.findChild(QLineEdit)
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def entries(self) -> dict[int, Entry]:
        """Every small step that has a status, with its evidence note."""
        out: dict[int, Entry] = {}
        for row, item_id in enumerate(self.item_ids):
            value = self.status(row)
            if value is not None:
                out[item_id] = Entry(value, self.item(row, EVIDENCE).text())
        return out

    def apply(self, statuses: Mapping[int, int]) -> int:
        """Set the statuses given (carried forward); returns how many steps changed."""
        changed = 0
        for row, item_id in enumerate(self.item_ids):
            if item_id in statuses and self.status(row) != statuses[item_id]:
                self._set_status(row, statuses[item_id])
                changed += 1
        if changed:
            self.edited.emit()
        return changed

    def first_row_of_area(self, area_id: int) -> int:
        assert self.detail is not None
        for row, item_id in enumerate(self.item_ids):
            if self.detail.area_of[item_id].id == area_id:
                return row
        return 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row, column = self.currentRow(), self.currentColumn()
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if (
            self.detail is not None
            and row >= 0
            and column != EVIDENCE
            and text.isdigit()
            and modifiers == Qt.KeyboardModifier.NoModifier
        ):
            value = int(text)
            if value == 0:
                self.set_status(row, None)
            elif self.detail.framework.level(value) is not None and self.takes_status(row):
                self.set_status(row, value)
                following = [r for r in range(row + 1, self.rowCount()) if self.takes_status(r)]
                if following:  # on to the next entry that takes a status
                    self.setCurrentCell(following[0], column)
            return
        if column != EVIDENCE and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if row >= 0:
                self.set_status(row, None)
            return
        super().keyPressEvent(event)

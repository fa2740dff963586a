"""The plan builder's list of small steps: add, split into an easier step, reorder, remove.

Steps already learnt keep their dates (the plan's history) and cannot be removed here; a step is
edited in place by typing over it (F2 or double-click).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.plans import Step
from portage_desktop.ui.plans.week_grid import CellDelegate, name_corner

STEP_ROLE = Qt.ItemDataRole.UserRole + 1


class StepBuilder(QWidget):
    """Edits an ordered list of :class:`Step`; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [tr("Small step (type over it to change)"), tr("Progress")]
        )
        self.table.setAccessibleName(tr("Small steps, in order"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setWordWrap(True)
        self.table.setItemDelegate(CellDelegate(self.table))
        name_corner(self.table, tr("Select all the small steps"))
        self.table.itemChanged.connect(lambda _i: self.changed.emit())
        self.add_button = QPushButton(tr("&Add step"))
        self.split_button = QPushButton(tr("Add an &easier step before"))
        self.split_button.setToolTip(tr("Split the chosen step: add a smaller step just before it"))
        self.up_button = QPushButton(tr("Move &up"))
        self.down_button = QPushButton(tr("Move do&wn"))
        self.remove_button = QPushButton(tr("Remo&ve step"))
        self.add_button.clicked.connect(lambda: self.insert(self.table.rowCount(), ""))
        self.split_button.clicked.connect(self.split)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button.clicked.connect(self.remove)
        QShortcut(QKeySequence("Ctrl+Up"), self.table, lambda: self.move(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self.table, lambda: self.move(1))
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove)
        buttons = QHBoxLayout()
        for b in (
            self.add_button,
            self.split_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)

    def set_steps(self, steps: tuple[Step, ...]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for step in steps:
            self.insert(self.table.rowCount(), step.text, step, select=False)

    def _state(self, step: Step) -> str:
        if step.achieved_on:
            return tr("Learnt {date}").format(date=format_date(step.achieved_on))
        if step.started_on:
            return tr("Working on it since {date}").format(date=format_date(step.started_on))
        return tr("To come")

    def insert(self, row: int, text: str, step: Step | None = None, select: bool = True) -> None:
        step = step or Step(text)
        self.table.blockSignals(True)
        self.table.insertRow(row)
        item = QTableWidgetItem(text)
        item.setData(STEP_ROLE, step)
        if step.achieved_on:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        state = QTableWidgetItem(self._state(step))
        state.setFlags(state.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, item)
        self.table.setItem(row, 1, state)
        self.table.blockSignals(False)
        self.table.resizeRowToContents(row)
        if select:
            self.table.setCurrentCell(row, 0)
            self.table.setFocus()
            self.table.editItem(item)
            self.changed.emit()

    def split(self) -> None:
        row = self.table.currentRow()
        self.insert(max(row, 0), "")

    def _learnt(self, row: int) -> bool:
        step: Step = self.table.item(row, 0).data(STEP_ROLE)
        return step.achieved_on is not None

    def move(self, offset: int) -> None:
        row = self.table.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        if self._learnt(row) or self._learnt(target):
            QMessageBox.information(
                self,
                tr("Not moved"),
                tr("Steps already learnt stay where they are, with their dates."),
            )
            return
        self.table.blockSignals(True)
        for column in range(2):
            first, second = self.table.takeItem(row, column), self.table.takeItem(target, column)
            self.table.setItem(row, column, second)
            self.table.setItem(target, column, first)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        if self._learnt(row):
            QMessageBox.information(
                self,
                tr("Not removed"),
                tr("A step already learnt is kept as part of the plan's history."),
            )
            return
        self.table.removeRow(row)
        self.changed.emit()

    def steps(self, keep_empty: bool = False) -> list[Step]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            step: Step = item.data(STEP_ROLE)
            if keep_empty or item.text().strip():
                out.append(replace(step, text=item.text()))
        return out

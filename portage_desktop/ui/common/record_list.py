"""A tab that lists rows of a child's record with Add, Edit and Remove, all from the keyboard.

Family, professionals and consent all work this way, so the behaviour (Enter edits, Delete
asks before removing, errors explained) is written once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.table_model import Column, RecordTableModel

T = TypeVar("T")


class RecordListSection(QWidget, Generic[T]):
    """``edit(row_or_None)`` opens a dialog and returns True if something was saved."""

    def __init__(
        self,
        noun: str,
        intro: str,
        columns: Sequence[Column[T]],
        load: Callable[[], list[T]],
        edit: Callable[[T | None], bool],
        remove: Callable[[T], None],
        describe: Callable[[T], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.noun = noun
        self._load, self._edit, self._remove, self._describe = load, edit, remove, describe
        self.model: RecordTableModel[T] = RecordTableModel(columns)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(noun.capitalize() + " list")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.activated.connect(lambda _i: self.edit_selected())
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.add_button = QPushButton(tr("&Add {noun}…").format(noun=noun))
        self.edit_button = QPushButton(tr("&Edit…"))
        self.edit_button.setToolTip(tr("Edit the selected {noun} (Enter)").format(noun=noun))
        self.remove_button = QPushButton(tr("&Remove…"))
        self.remove_button.setToolTip(tr("Remove the selected {noun} (Delete)").format(noun=noun))
        self.add_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = self._load()
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self.empty.setText(
            tr("No {noun} recorded yet. Choose “Add {noun}” to add one.").format(noun=self.noun)
        )
        self.empty.setVisible(not rows)
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.edit_button.setEnabled(bool(rows))
        self.remove_button.setEnabled(bool(rows))

    def selected(self) -> T | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(row)

    def _open(self, row: T | None) -> None:
        try:
            saved = self._edit(row)
        except REFUSED as exc:
            refused(self, tr("Not possible"), exc)
            saved = True
        if saved:
            self.refresh()

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Remove {noun}?").format(noun=self.noun),
            tr("Remove {describe} from this record? This cannot be undone.").format(
                describe=self._describe(row)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._remove(row)
        except REFUSED as exc:
            refused(self, tr("Not removed"), exc)
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

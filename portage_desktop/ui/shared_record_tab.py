"""The Shared record tab: everything about the child in date order, newest first, filtered by
kind and dates, for a practitioner and a parent to look back on together.

Years of records make a long list, so it is a view over a plain model: only the rows on
screen are drawn, and nothing is built per cell.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.services import shared_record
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import NotFoundError
from portage_desktop.services.shared_record import Entry, EntryKind
from portage_desktop.ui.context import AppContext
from portage_desktop.ui.table_model import Column, RecordTableModel
from portage_desktop.ui.widgets import ERROR_STYLE, DateField


class SharedRecordTab(QWidget):
    """A read-only timeline; Show applies the kind and date filters."""

    def __init__(self, ctx: AppContext, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.child_id = ctx, child_id
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of record to show")
        self.kind.addItem("Everything", None)
        for kind in EntryKind:
            self.kind.addItem(kind.label, kind.value)
        self.start = DateField("Show from")
        self.end = DateField("Show until")
        self.show_button = QPushButton("&Show")
        self.show_button.clicked.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        self.model: RecordTableModel[Entry] = RecordTableModel(
            [
                Column("Date", lambda e: format_date(e.day)),
                Column("Kind", lambda e: e.kind.label),
                Column("What", lambda e: e.text),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Everything in the record, newest first")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(60)  # fit the first rows, not every one of years
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        filters = QHBoxLayout()
        for text, field in (("&Kind:", self.kind), ("&From:", self.start), ("&Until:", self.end)):
            label = QLabel(text)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.loaded = False

    def showEvent(self, event) -> None:  # noqa: ANN001 (Qt's name)
        """Built when first looked at, so opening a record stays quick."""
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def refresh(self) -> None:
        try:
            start, end = self.start.value(), self.end.value()
        except ValueError as exc:
            self.error.setText(f"⚠ {exc}")
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        chosen = self.kind.currentData()
        kinds = frozenset({EntryKind(chosen)}) if chosen else None
        try:
            entries = shared_record.timeline(self.ctx.db, self.child_id, kinds, start, end)
        except (PermissionDenied, NotFoundError) as exc:
            self.error.setText(f"⚠ {exc}")
            self.error.setVisible(True)
            return
        self.loaded = True
        self.model.set_rows(entries)
        self.count.setText(f"{len(entries)} entries, newest first.")

"""The Shared record tab: everything about the child in date order, newest first, filtered by
kind and dates, for a practitioner and a parent to look back on together.

Years of records make a long list, so the newest entries come first (a page of them), with
the rest a click away; and it is a view over a plain model, so only the rows on screen are
drawn.
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

from portage_desktop.i18n import tr
from portage_desktop.services import shared_record
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import NotFoundError
from portage_desktop.services.shared_record import Entry, EntryKind
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.table_model import Column, RecordTableModel
from portage_desktop.ui.common.theme import error_style
from portage_desktop.ui.common.widgets import DateField

PAGE = 250  # entries shown at first; a year of a busy plan's records fits


class SharedRecordTab(QWidget):
    """A read-only timeline; Show applies the kind and date filters."""

    def __init__(self, ctx: AppContext, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.child_id = ctx, child_id
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of record to show"))
        self.kind.addItem(tr("Everything"), None)
        for kind in EntryKind:
            self.kind.addItem(kind.label, kind.value)
        self.start = DateField(tr("Show from"))
        self.end = DateField(tr("Show until"))
        self.show_button = QPushButton(tr("&Show"))
        self.show_button.clicked.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setVisible(False)
        self.model: RecordTableModel[Entry] = RecordTableModel(
            [
                Column(tr("Date"), lambda e: format_date(e.day)),
                Column(tr("Kind"), lambda e: e.kind.label),
                Column(tr("What"), lambda e: e.text),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Everything in the record, newest first"))
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
        for text, field in (
            (tr("&Kind:"), self.kind),
            (tr("&From:"), self.start),
            (tr("&Until:"), self.end),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            filters.addWidget(label)
            filters.addWidget(field)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        self.count = QLabel()
        self.show_all = False
        self.older_button = QPushButton(tr("Show &older entries too"))
        self.older_button.setVisible(False)
        self.older_button.clicked.connect(self._show_older)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        counts = QHBoxLayout()
        counts.addWidget(self.count, 1)
        counts.addWidget(self.older_button)
        layout.addLayout(counts)
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
            limit = None if self.show_all else PAGE
            entries = shared_record.timeline(
                self.ctx.db, self.child_id, kinds, start, end, limit=limit
            )
        except (PermissionDenied, NotFoundError) as exc:
            self.error.setText(f"⚠ {exc}")
            self.error.setVisible(True)
            return
        self.loaded = True
        older = not self.show_all and len(entries) > PAGE
        self.model.set_rows(entries[:PAGE] if older else entries)
        self.older_button.setVisible(older)
        self.count.setText(
            tr("The newest {PAGE} entries; older ones are a click away.").format(PAGE=PAGE)
            if older
            else tr("{count} entries, newest first.").format(count=len(entries))
        )

    def _show_older(self) -> None:
        self.show_all = True
        self.refresh()

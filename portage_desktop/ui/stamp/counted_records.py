""" "Show the records counted": every record behind one criterion's verdict, one per row.

So a manager or an assessor can check the verdict by hand: who, which record, its dates,
whether it counted and why. A search box narrows a long list (a large site has thousands).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.stamp_criteria import CountedRecord, CriterionResult
from portage_desktop.ui.common.table_model import Column, RecordTableModel, SearchProxy

ROWS_SIZED = 400  # rows fitted to their text; longer lists keep one line each, to open fast


def counted_text(row: CountedRecord) -> str:
    """In words and a shape, never by colour alone."""
    return tr("✔ Counted") if row.counted else tr("✖ Not counted")


class RecordsCountedDialog(QDialog):
    def __init__(self, result: CriterionResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            tr("Records counted for criterion {number}").format(number=result.number)
        )
        self.model: RecordTableModel[CountedRecord] = RecordTableModel(
            [
                Column(tr("Who"), lambda r: r.who),
                Column(tr("Record"), lambda r: r.record),
                Column(tr("Details"), lambda r: r.details, tooltip=lambda r: r.details),
                Column(tr("Counted"), counted_text),
                Column(tr("Why"), lambda r: r.why),
            ]
        )
        self.model.set_rows(list(result.records))
        self.proxy = SearchProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(
            tr("Records counted for criterion {number}").format(number=result.number)
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the check's order
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((160, 260, 0, 120, 250)):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self._fit_rows = len(result.records) <= ROWS_SIZED
        if self._fit_rows:  # wrapped text needs rows as tall as it is, once widths are known
            header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())

        counted = sum(1 for r in result.records if r.counted)
        self.summary = QLabel(
            tr(
                "<b>{number}. {title}</b>: {symbol} "
                "{label}. {count} records looked at, {counted} counted."
            ).format(
                number=result.number,
                title=result.title,
                symbol=result.status.symbol,
                label=result.status.label,
                count=len(result.records),
                counted=counted,
            )
            if result.records
            else tr(
                "<b>{number}. {title}</b>: nothing is recorded yet that this criterion counts."
            ).format(number=result.number, title=result.title)
        )
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.search = QLineEdit()
        self.search.setAccessibleName(tr("Search the records counted"))
        self.search.setPlaceholderText(tr("Type a name or a word to narrow the list"))
        self.search.textChanged.connect(self.proxy.set_search)
        search_label = QLabel(tr("&Search:"))
        search_label.setBuddy(self.search)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1280, 600)  # fits a 1366x768 screen with room for the taskbar
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_rows:
            self.table.resizeRowsToContents()

    def row_texts(self) -> list[tuple[str, ...]]:
        """What each visible row says, column by column (for tests and screen readers)."""
        return [
            tuple(
                self.proxy.data(self.proxy.index(r, c)) or ""
                for c in range(self.proxy.columnCount())
            )
            for r in range(self.proxy.rowCount())
        ]

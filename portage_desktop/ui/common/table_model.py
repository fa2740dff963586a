"""A thin Qt item model over a list of plain objects: reset once per refresh, never queries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTableView

T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column: its heading, the text shown, and the value it sorts by."""

    title: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[T] = []
        self._text: list[list[str]] = []
        self._search: list[str] = []
        self._keys: list[list[Any]] = []
        self._sort_column = -1  # keep the order given until a view asks to sort
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace everything in one reset; text, search text and sort keys are computed here
        once, never in ``data()``, and the rows arrive already in the current sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        self._text = [[c.text(r) for c in self._columns] for r in self._rows]
        self._search = [" ".join(cells).casefold() for cells in self._text]
        self._keys = [
            [
                c.sort_key(r) if c.sort_key else t.casefold()
                for c, t in zip(self._columns, cells, strict=True)
            ]
            for r, cells in zip(self._rows, self._text, strict=True)
        ]
        self._reorder(self._sort_order_indexes())
        self.endResetModel()

    def _sort_order_indexes(self) -> list[int]:
        column = self._sort_column
        if column < 0:
            return list(range(len(self._rows)))
        return sorted(
            range(len(self._rows)),
            key=lambda i: self._keys[i][column],
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def _reorder(self, order: list[int]) -> None:
        self._rows = [self._rows[i] for i in order]
        self._text = [self._text[i] for i in order]
        self._search = [self._search[i] for i in order]
        self._keys = [self._keys[i] for i in order]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort with Python's own sort on precomputed keys: Qt's per-pair callbacks into
        ``data()`` cost tens of thousands of calls on a long list."""
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        order_indexes = self._sort_order_indexes()
        new_row = {old: new for new, old in enumerate(order_indexes)}
        self._reorder(order_indexes)
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(new_row[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()

    def row_object(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text[row][col]
        if role == SORT_ROLE:
            return self._keys[row][col]
        if role == SEARCH_ROLE:
            return self._search[row]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and self._columns[col].tooltip:
            return self._columns[col].tooltip(self._rows[row])  # type: ignore[misc]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None


def fit_columns(view: QTableView) -> None:
    """Size columns to their contents from a sample of rows, so a long list opens instantly.

    ``ResizeToContents`` measures every cell of every row on each change; with a thousand
    children that alone took over a second.
    """
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(60)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.resizeColumnsToContents()


class SearchProxy(QSortFilterProxyModel):
    """Keeps rows whose cells contain every word typed, in any column, in any order."""

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Hand sorting to the source model; this proxy only filters."""
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)

"""The criteria table: status in words, a symbol and a colour, so no one relies on colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from portage_desktop.i18n import tr
from portage_desktop.services.stamp_criteria import CriterionResult
from portage_desktop.ui.common import theme
from portage_desktop.ui.common.table_model import Column, Index, RecordTableModel


def status_text(result: CriterionResult) -> str:
    return f"{result.status.symbol} {result.status.label}"


class CriteriaModel(RecordTableModel[CriterionResult]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column(tr("No."), lambda r: str(r.number), lambda r: r.number),
                Column(tr("Where you stand"), status_text),
                Column(tr("Criterion"), lambda r: r.title),
            ]
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 1:
            status = self.row_object(index.row()).status
            colours = theme.current()
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(colours.status_tints[status.value]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(colours.status_ink))
        return super().data(index, role)

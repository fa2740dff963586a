"""Small pieces the service's screens share: whether the organisation is a service, a table of
plain rows, a labelled multi-line box, and saving one of the service's prints as a PDF."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QPlainTextEdit,
    QScrollArea,
    QTableView,
    QWidget,
)

from portage_desktop.data.engine import Database
from portage_desktop.services import setting as setting_service
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.table_model import Column, RecordTableModel, fit_columns

E = TypeVar("E", bound=Enum)


def is_service(db: Database) -> bool:
    """True when the organisation is a Portage home-visiting service."""
    info = setting_service.get_setting(db)
    return info is not None and info.kind.is_service


def make_table(columns: Sequence[Column[Any]], name: str) -> tuple[QTableView, RecordTableModel]:
    """A read-only, whole-row-selecting table over plain rows, named for screen readers."""
    model: RecordTableModel = RecordTableModel(columns)
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table, as a keyboard user expects
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view, model


def fill(view: QTableView, model: RecordTableModel, rows: Sequence[Any]) -> None:
    """Show ``rows`` and keep a row selected, so the buttons always act on something."""
    model.set_rows(rows)
    fit_columns(view)
    if rows:
        view.selectRow(0)


def selected(view: QTableView, model: RecordTableModel) -> Any | None:
    rows = view.selectionModel().selectedRows()
    return model.row_object(rows[0].row()) if rows else None


def text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    """A multi-line box where Tab moves on (so a form stays keyboard-fast) and Enter is a line."""
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def scroll_form(dialog: RecordDialog, height: int = 560) -> None:
    """Put a long dialog's form in a scroll area so the window fits a 1366x768 screen; the
    buttons stay in view below it."""
    dialog.body.removeItem(dialog.form)
    inner = QWidget()
    inner.setLayout(dialog.form)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(inner)
    area.setMinimumHeight(min(height, inner.sizeHint().height() + 8))
    dialog.body.insertWidget(0, area, 1)


def chosen(combo: QComboBox, kind: type[E]) -> E | None:
    """The enum member behind a combo box's choice: Qt hands a StrEnum back as a plain str."""
    value = combo.currentData()
    return None if value is None else kind(value)

"""Training in the Staff & training area: the selected person's records, and the whole matrix."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import training as training_service
from portage_desktop.services.dates import format_date
from portage_desktop.services.staff import StaffMember
from portage_desktop.services.training import TrainingRecord
from portage_desktop.services.training_matrix import MatrixLine, training_matrix
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import confirm
from portage_desktop.ui.common.pdf_save import save_print
from portage_desktop.ui.common.row_fit import RowFitter
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.table_model import Column, RecordTableModel
from portage_desktop.ui.common.theme import error_style
from portage_desktop.ui.staff.training_dialog import TrainingDialog


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class TrainingPanel(QGroupBox):
    """The selected staff member's training records, with add, edit and delete."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Training records"), parent)
        self.ctx = ctx
        self.member: StaffMember | None = None
        self.model: RecordTableModel[TrainingRecord] = RecordTableModel(
            [
                Column(tr("Kind"), lambda r: r.kind.label),
                Column(tr("Details"), lambda r: r.summary),
                Column(
                    tr("Certificates"),
                    lambda r: str(r.attachments) if r.attachments else tr("None"),
                ),
            ]
        )
        self.table = _table(tr("Training records"))
        self.table.setModel(self.model)
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton(tr("Add &training…"))
        self.add_button.clicked.connect(self.add_record)
        self.edit_button = QPushButton(tr("Edit trainin&g…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(tr("&Delete training…"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.show_member(None)

    def show_member(self, member: StaffMember | None) -> None:
        self.member = member
        self.setTitle(
            tr("Training records: {full_name}").format(full_name=member.full_name)
            if member
            else tr("Training records")
        )
        rows = training_service.list_training(self.ctx.db, member.id) if member else []
        self.model.set_rows(rows)
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(member is not None)

    def selected(self) -> TrainingRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def add_record(self) -> None:
        if self.member is not None:
            TrainingDialog(self.ctx, self.member, parent=self).exec()

    def edit_selected(self) -> None:
        record = self.selected()
        if self.member is not None and record is not None:
            TrainingDialog(self.ctx, self.member, record, parent=self).exec()

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        if not confirm(
            self,
            tr("Delete training record?"),
            tr("Delete this {label} record and its certificates? This cannot be undone.").format(
                label=record.kind.label
            ),
        ):
            return
        try:
            training_service.delete_training(self.ctx.db, record.id)
        except REFUSED as exc:
            refused(self, tr("Not deleted"), exc)
            return
        self.ctx.hub.staff_changed.emit()


class TrainingMatrixView(QWidget):
    """Everyone's training in one grid; expiry warnings in words above it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.warnings = QLabel()
        self.warnings.setObjectName("matrix_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(error_style())
        self.model: RecordTableModel[MatrixLine] = RecordTableModel([])
        self.table = _table(tr("Training matrix"))
        self.table.setModel(self.model)
        self.rows = RowFitter(self.table)
        print_button = QPushButton(tr("&Print the training matrix…"))
        print_button.clicked.connect(self.print_matrix)
        top = QHBoxLayout()
        intro = QLabel(
            tr("Everyone's Portage training. Former staff are listed last and do not count.")
        )
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        top.addWidget(print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warnings)
        layout.addWidget(self.table, 1)
        self._stale = True  # filled in when first shown (it sits on the second tab)

    def refresh(self) -> None:
        """Fill in the grid now if it is on screen, else when it is next shown: building it
        for everyone's training took half of the Staff area's first opening."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        today = date.today()
        matrix = training_matrix(self.ctx.db, today)
        columns: list[Column[MatrixLine]] = [
            Column(
                tr("Staff member"),
                lambda line: (
                    line.member.full_name
                    + ("" if line.member.is_current(today) else f"\n({line.working_text(today)})")
                ),
            ),
            Column(
                tr("Warnings"), lambda line: "\n".join(f"⚠ {a}" for a in line.alerts) or tr("None")
            ),
        ]
        for i, kind in enumerate(matrix.kinds):
            columns.append(Column(kind.short_label, lambda line, i=i: line.cells[i] or tr("None")))
        self.model = RecordTableModel(columns)
        self.model.set_rows(list(matrix.lines))
        self.table.setModel(self.model)
        # Narrow, wrapping columns, so the whole matrix fits without scrolling sideways.
        header = self.table.horizontalHeader()
        width = self.table.fontMetrics().averageCharWidth() * 14
        for column in range(self.model.columnCount()):
            if column == 0:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                fits = header.fontMetrics().horizontalAdvance(title) + 20
                header.resizeSection(column, max(width, fits))
        self.rows.fit_now()
        text = "\n".join([f"✖ {w}" for w in matrix.lapsed] + [f"⚠ {w}" for w in matrix.coming_up])
        self.warnings.setText(
            text
            or tr("No training expires in the coming weeks ({date}).").format(
                date=format_date(today)
            )
        )
        self.warnings.setStyleSheet(error_style() if text else "")

    def showEvent(self, event: QShowEvent) -> None:
        """Filled in now if anything changed while hidden; rows fit their text once the
        columns have their final widths."""
        super().showEvent(event)
        if self._stale:
            self.refresh()
        self.rows.fit_now()

    def print_matrix(self) -> None:
        save_print(
            self,
            self.ctx.db,
            "training-matrix",
            tr("Save the training matrix as PDF"),
            "training-matrix",
        )

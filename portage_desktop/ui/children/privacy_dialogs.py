"""Privacy rights from the window: subject access export, and records due for review/erasure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import retention
from portage_desktop.services.access import Permission, PermissionDenied, current_actor
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import NotFoundError
from portage_desktop.services.retention import DueForReview
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.table_model import Column, RecordTableModel
from portage_desktop.ui.common.tasks import run_with_progress


def export_subject_access(ctx: AppContext, parent: QWidget, child_id: int, name: str) -> None:
    """Ask where, then write the PDF and JSON off the GUI thread and open the folder."""
    folder = QFileDialog.getExistingDirectory(
        parent,
        tr("Where should everything about {name} be saved?").format(name=name),
        str(Path.home()),
    )
    if not folder:
        return
    db = ctx.db

    def work(_progress):  # noqa: ANN001, ANN202
        from portage_desktop.printing.kinds import export_child

        return export_child(db, child_id, Path(folder))

    def done(paths: tuple[Path, Path]) -> None:
        QMessageBox.information(
            parent,
            tr("Export made"),
            tr(
                "Everything held about this child has been saved as a readable PDF and a "
                "complete JSON file:\n{paths}\n{paths2}\n\nGive them to the parent securely "
                "(in person, or encrypted), then delete these copies."
            ).format(paths=paths[0], paths2=paths[1]),
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def failed(exc: BaseException) -> None:
        known = (PermissionDenied, NotFoundError, OSError)
        QMessageBox.warning(
            parent,
            tr("Not exported"),
            str(exc) if isinstance(exc, known) else tr("The export failed."),
        )

    run_with_progress(parent, tr("Gathering everything about this child…"), work, done, failed)


class RetentionDialog(QDialog):
    """The retention rule and the children it makes due, with erasure for managers."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Keeping and erasing records"))
        self.resize(700, 460)
        rule = retention.current_rule(ctx.db)
        self.months = QSpinBox()
        self.months.setRange(1, 600)
        self.months.setSuffix(" months")
        self.months.setValue(rule.period_months)
        self.months.setAccessibleName(tr("Keep a child's records for this long after they leave"))
        save = QPushButton(tr("&Save the period"))
        save.clicked.connect(self.save_period)
        self.model: RecordTableModel[DueForReview] = RecordTableModel(
            [
                Column(tr("Child"), lambda d: d.name),
                Column(
                    tr("Left"),
                    lambda d: format_date(d.leave_date),
                    lambda d: d.leave_date.toordinal(),
                ),
                Column(
                    tr("Due for review since"),
                    lambda d: format_date(d.due_since),
                    lambda d: d.due_since.toordinal(),
                ),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Records due for review"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.erase_button = QPushButton(tr("&Erase this child's records…"))
        self.erase_button.clicked.connect(self.erase_selected)
        self.may_erase = current_actor(ctx.db).may(Permission.ERASE)
        intro = QLabel(
            tr(
                "Records are kept for a while after a child leaves (3 years is a common choice), "
                "then reviewed. SEN records can be passed to the child's next setting with the "
                "parent's agreement. Erasing removes the child and everything about them from "
                "this database for good; "
            )
            + (
                tr(
                    "the shared server's own backups and logs still hold them until its "
                    "administrator's backups made before today are replaced."
                )
                if ctx.db.on_server
                else tr("backups made before today still hold them until they are replaced.")
            )
        )
        intro.setWordWrap(True)
        row = QHBoxLayout()
        label = QLabel(tr("Keep a child's records after they leave for:"))
        label.setBuddy(self.months)
        row.addWidget(label)
        row.addWidget(self.months)
        row.addWidget(save)
        row.addStretch(1)
        self.status = QLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(QLabel(tr("Due for review now:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.erase_button)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        due = retention.due_for_review(self.ctx.db, date.today())
        self.model.set_rows(due)
        self.erase_button.setEnabled(self.may_erase and bool(due))
        self.status.setText(
            tr("{count} {value} due for review.").format(
                count=len(due), value=tr("child is") if len(due) == 1 else tr("children are")
            )
            if due
            else tr("Nothing is due for review.")
        )
        if due:
            self.table.selectRow(0)

    def save_period(self) -> None:
        try:
            retention.set_period(self.ctx.db, self.months.value())
        except REFUSED as exc:
            refused(self, tr("Not saved"), exc)
            return
        self.refresh()

    def erase_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        due = self.model.row_object(rows[0].row())
        typed, ok = QInputDialog.getText(
            self,
            tr("Erase for good?"),
            tr(
                "This removes {name} and everything about them from Portage Desktop. "
                "It cannot be undone.\n\nTo confirm, type the child's full name:"
            ).format(name=due.name),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if not ok:
            return
        try:
            retention.erase_child(self.ctx.db, due.child_id, typed)
        except REFUSED as exc:
            refused(self, tr("Not erased"), exc)
            return
        self.ctx.hub.children_changed.emit()
        self.refresh()
        self.status.setText(tr("Erased. ") + self.status.text())

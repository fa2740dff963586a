"""The audit log viewer for managers: filter, read, and check the chain is intact."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.data.engine import Database
from portage_desktop.services import audit
from portage_desktop.services.audit import AuditAction, AuditEntry
from portage_desktop.services.dates import format_datetime
from portage_desktop.ui.common.table_model import Column, RecordTableModel
from portage_desktop.ui.common.widgets import DateField


def _local(at: datetime) -> str:
    return format_datetime(at.astimezone() if at.tzinfo else at)


class AuditDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Audit log")
        self.resize(820, 520)
        self.model: RecordTableModel[AuditEntry] = RecordTableModel(
            [
                Column("When", lambda e: _local(e.at)),
                Column("Who", lambda e: e.actor),
                Column("What", lambda e: e.action.replace("_", " ")),
                Column("Record", lambda e: f"{e.record_kind} {e.record_id or ''}".strip()),
                Column("Detail", lambda e: e.detail),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Audit entries, newest first")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.who = QLineEdit()
        self.who.setAccessibleName("Who (username)")
        self.action = QComboBox()
        self.action.setAccessibleName("What was done")
        self.action.addItem("Anything", None)
        for action in AuditAction:
            self.action.addItem(action.value.replace("_", " ").capitalize(), action.value)
        self.child = QLineEdit()
        self.child.setAccessibleName("Child record number")
        self.child.setPlaceholderText("Record number")
        self.since = DateField("From date")
        self.until = DateField("To date")
        filters = QFormLayout()
        filters.addRow("&Who", self.who)
        filters.addRow("&What", self.action)
        filters.addRow("&Child record", self.child)
        filters.addRow("&From", self.since)
        filters.addRow("&To", self.until)
        apply_button = QPushButton("&Show")
        apply_button.setDefault(True)
        apply_button.clicked.connect(self.refresh)
        verify = QPushButton("Check the log is &intact")
        verify.clicked.connect(self.verify)
        self.status = QLabel()
        self.status.setObjectName("audit_status")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(apply_button)
        row.addWidget(verify)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        try:
            since, until = self.since.value(), self.until.value()
        except ValueError as exc:
            self.status.setText(f"⚠ {exc}")
            return
        child = self.child.text().strip()
        if child and not child.isdigit():
            self.status.setText("⚠ The child record number is a number, such as 12.")
            return
        rows = audit.search(
            self.db,
            actor=self.who.text().strip().lower() or None,
            action=self.action.currentData(),
            record_kind="child" if child else None,
            record_id=int(child) if child else None,
            since=datetime.combine(since, time()).astimezone() if since else None,
            until=datetime.combine(until + timedelta(days=1), time()).astimezone()
            if until
            else None,
        )
        self.model.set_rows(rows)
        self.status.setText(f"{len(rows)} entries shown, newest first.")

    def verify(self) -> None:
        check = audit.verify_chain(self.db)
        if check.ok:
            self.status.setText(f"✓ The log is intact: all {check.entries} entries check out.")
        else:
            self.status.setText(
                f"⚠ The log has been altered: entry {check.first_broken_id} does not match "
                "the entries before it. Keep a copy of this database and tell your data "
                "protection lead."
            )

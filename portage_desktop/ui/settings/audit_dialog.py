"""The audit log viewer for managers: filter, read, and check the chain is intact (inside the
file, and against the heads anchored beside it and in the backups)."""

from __future__ import annotations

import contextlib
from datetime import datetime, time, timedelta
from pathlib import Path

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
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.audit import AuditAction, AuditEntry
from portage_desktop.services.dates import format_datetime
from portage_desktop.ui.common.table_model import Column, RecordTableModel
from portage_desktop.ui.common.widgets import DateField


def _local(at: datetime) -> str:
    return format_datetime(at.astimezone() if at.tzinfo else at)


class AuditDialog(QDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, backup_dir: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.backup_dir = db, backup_dir
        self.setWindowTitle(tr("Audit log"))
        self.resize(820, 520)
        self.model: RecordTableModel[AuditEntry] = RecordTableModel(
            [
                Column(tr("When"), lambda e: _local(e.at)),
                Column(tr("Who"), lambda e: e.actor),
                Column(tr("What"), lambda e: e.action.replace("_", " ")),
                Column(tr("Record"), lambda e: f"{e.record_kind} {e.record_id or ''}".strip()),
                Column(tr("Detail"), lambda e: e.detail),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Audit entries, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.who = QLineEdit()
        self.who.setAccessibleName(tr("Who (username)"))
        self.action = QComboBox()
        self.action.setAccessibleName(tr("What was done"))
        self.action.addItem(tr("Anything"), None)
        for action in AuditAction:
            self.action.addItem(action.value.replace("_", " ").capitalize(), action.value)
        self.child = QLineEdit()
        self.child.setAccessibleName(tr("Child record number"))
        self.child.setPlaceholderText(tr("Record number"))
        self.since = DateField(tr("From date"))
        self.until = DateField(tr("To date"))
        filters = QFormLayout()
        filters.addRow(tr("&Who"), self.who)
        filters.addRow(tr("&What"), self.action)
        filters.addRow(tr("&Child record"), self.child)
        filters.addRow(tr("&From"), self.since)
        filters.addRow(tr("&To"), self.until)
        apply_button = QPushButton(tr("&Show"))
        apply_button.setDefault(True)
        apply_button.clicked.connect(self.refresh)
        verify = QPushButton(tr("Check the log is &intact"))
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
            self.status.setText(tr("⚠ The child record number is a number, such as 12."))
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
        self.status.setText(tr("{count} entries shown, newest first.").format(count=len(rows)))

    def verify(self) -> None:
        check = audit.verify_chain(self.db)
        anchors = audit.check_anchors(self.db, self.backup_dir)
        if not check.ok:
            self.status.setText(
                tr(
                    "⚠ The log has been altered: entry {first_broken_id} does not match "
                    "the entries before it. Keep a copy of this database and tell your data "
                    "protection lead."
                ).format(first_broken_id=check.first_broken_id)
                + (f"\n⚠ {anchors.problem}" if not anchors.ok else "")
            )
        elif not anchors.ok:
            self.status.setText(f"⚠ {anchors.problem}")
        else:
            kept = (
                tr(", and it still holds all {anchors} points recorded outside the file").format(
                    anchors=anchors.anchors
                )
                if anchors.anchors
                else ""
            )
            self.status.setText(
                tr("✓ The log is intact: all {entries} entries check out{kept}.").format(
                    entries=check.entries, kept=kept
                )
            )


def check_log_on_open(
    db: Database, backup_dir: Path | None, parent: QWidget | None, headless: bool
) -> audit.AnchorCheck:
    """On open: warn if the log no longer holds what was anchored; otherwise anchor its head.

    A log found cut short or rewritten is not anchored again, so the warning stays until
    someone looks into it (a restore from a backup starts the anchors afresh)."""
    check = audit.check_anchors(db, backup_dir)
    if check.ok:
        with contextlib.suppress(OSError):  # a read-only folder must not stop the app opening
            audit.anchor_now(db)
    elif not headless:
        QMessageBox.warning(parent, tr("The audit log has been tampered with"), check.problem)
    return check

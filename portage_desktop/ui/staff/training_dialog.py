"""Add or edit one training record, with its certificates (PDF, PNG or JPEG)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import certificates, training
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.staff import StaffMember
from portage_desktop.services.training import (
    TrainingInput,
    TrainingKind,
    TrainingRecord,
    TrainingStatus,
)
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import FormDialog, confirm
from portage_desktop.ui.common.service_errors import REFUSED
from portage_desktop.ui.common.widgets import DateField

# Which fields each kind asks for; the rest are hidden so the form stays short.
_FIELDS = {
    TrainingKind.WORKSHOP: {"completed_on", "trainer", "trainer_accredited", "notes"},
    TrainingKind.MEMBERSHIP: {"membership_number", "started_on", "expires_on", "notes"},
    TrainingKind.LEVEL3: {"status", "started_on", "completed_on", "notes"},
    TrainingKind.PCPD: {"title", "status", "started_on", "completed_on", "trainer", "notes"},
    TrainingKind.OTHER_CPD: {
        "title",
        "status",
        "started_on",
        "completed_on",
        "expires_on",
        "trainer",
        "notes",
    },
    TrainingKind.LEVEL4: {"status", "started_on", "completed_on", "notes"},
    TrainingKind.DEGREE: {"title", "status", "started_on", "completed_on", "notes"},
    TrainingKind.ACCREDITED_TRAINER: {"status", "started_on", "completed_on", "notes"},
    TrainingKind.NETWORKING_DAY: {"title", "completed_on", "notes"},
}


class TrainingDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        member: StaffMember,
        record: TrainingRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Training for {full_name}").format(full_name=member.full_name)
        super().__init__(
            (tr("Add ") if record is None else tr("Edit ")) + title[0].lower() + title[1:], parent
        )
        self.ctx, self.member, self.record = ctx, member, record
        self.saved: TrainingRecord | None = None
        self.pending: list[tuple[str, bytes]] = []
        self.kind = QComboBox()
        for kind in TrainingKind:
            self.kind.addItem(kind.label, kind)
        self.title_edit = QLineEdit()
        self.status = QComboBox()
        for status in TrainingStatus:
            self.status.addItem(status.label, status)
        self.started_on = DateField(tr("Started"))
        self.completed_on = DateField(tr("Completed"))
        self.expires_on = DateField(tr("Expires"))
        self.trainer = QLineEdit()
        self.trainer_accredited = QCheckBox(tr("The trainer was &NPA-accredited"))
        self.membership_number = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.certificates = QListWidget()
        self.certificates.setAccessibleName(tr("Certificates"))
        self.certificates.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        attach = QPushButton(tr("&Attach a certificate…"))
        attach.clicked.connect(self.choose_file)
        self.open_button = QPushButton(tr("&Open"))
        self.open_button.clicked.connect(self.open_certificate)
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_certificate)
        cert_box = QWidget()
        cert_layout = QVBoxLayout(cert_box)
        cert_layout.setContentsMargins(0, 0, 0, 0)
        cert_layout.addWidget(self.certificates)
        cert_buttons = QHBoxLayout()
        for button in (attach, self.open_button, self.remove_button):
            cert_buttons.addWidget(button)
        cert_buttons.addStretch(1)
        cert_layout.addLayout(cert_buttons)
        cert_box.setAccessibleName(tr("Certificates"))
        self.rows: dict[str, QWidget] = {}
        for label, name, widget, hint in (
            (tr("&Kind *"), "kind", self.kind, ""),
            (tr("&Name of course"), "title", self.title_edit, ""),
            (tr("Stat&us"), "status", self.status, ""),
            (tr("&Started"), "started_on", self.started_on, ""),
            (tr("&Completed"), "completed_on", self.completed_on, ""),
            (tr("E&xpires"), "expires_on", self.expires_on, ""),
            (tr("&Trainer"), "trainer", self.trainer, tr("Who delivered it")),
            ("", "trainer_accredited", self.trainer_accredited, ""),
            (tr("Membership nu&mber"), "membership_number", self.membership_number, ""),
            (tr("Not&es"), "notes", self.notes, ""),
            (tr("Certificates"), "file", cert_box, tr("PDF, PNG or JPEG, up to 5 MB")),
        ):
            self.rows[name] = self.add_row(label, name, widget, hint)
        if record is not None:
            self._show_record(record)
        self._show_fields()
        self.pending.clear()
        self._load_certificates()
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.kind.currentIndexChanged.connect(self.mark_dirty)
        self.status.currentIndexChanged.connect(self.mark_dirty)
        for edit in (self.title_edit, self.trainer, self.membership_number):
            edit.textEdited.connect(self.mark_dirty)
        for field in (self.started_on, self.completed_on, self.expires_on):
            field.changed.connect(self.mark_dirty)
        self.trainer_accredited.toggled.connect(self.mark_dirty)
        self.notes.textChanged.connect(self.mark_dirty)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.kind.setFocus()
        self.dirty = False

    def _show_record(self, record: TrainingRecord) -> None:
        self.version = record.version
        self.kind.setCurrentIndex(self.kind.findData(record.kind))
        self.title_edit.setText(record.title)
        self.status.setCurrentIndex(self.status.findData(record.status))
        self.started_on.set_value(record.started_on)
        self.completed_on.set_value(record.completed_on)
        self.expires_on.set_value(record.expires_on)
        self.trainer.setText(record.trainer)
        self.trainer_accredited.setChecked(record.trainer_accredited)
        self.membership_number.setText(record.membership_number)
        self.notes.setPlainText(record.notes)

    def fill(self, record: object) -> None:
        assert isinstance(record, TrainingRecord)
        self.record = record
        self._show_record(record)
        self._show_fields()
        self._load_certificates()

    def _show_fields(self) -> None:
        wanted = _FIELDS[self.kind.currentData()] | {"kind", "file"}
        for name, widget in self.rows.items():
            visible = name in wanted
            widget.parentWidget().setVisible(visible)
            label = self.form.labelForField(widget.parentWidget())
            if label is not None:
                label.setVisible(visible)

    def _load_certificates(self) -> None:
        self.certificates.clear()
        if self.record is not None:
            for cert in certificates.list_certificates(self.ctx.db, self.record.id):
                item = QListWidgetItem(f"{cert.filename} ({cert.size_text})")
                item.setData(Qt.ItemDataRole.UserRole, cert.id)
                self.certificates.addItem(item)
        for name, content in self.pending:
            item = QListWidgetItem(
                tr("{name} ({max} KB, not saved yet)").format(
                    name=name, max=max(1, round(len(content) / 1024))
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, None)
            self.certificates.addItem(item)

    def add_file(self, path: Path) -> bool:
        """Check a chosen file now, so a wrong file is refused before anything is saved."""
        try:
            content = path.read_bytes()
            certificates.check_file(path.name, content)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except OSError as exc:
            self.show_errors(
                {
                    "file": tr("{name} could not be read ({strerror}).").format(
                        name=path.name, strerror=exc.strerror
                    )
                }
            )
            return False
        self.pending.append((path.name, content))
        self.mark_dirty()
        self.errors.clear()
        self._load_certificates()
        return True

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Attach a certificate"),
            str(Path.home()),
            tr("Certificates (*.pdf *.png *.jpg *.jpeg)"),
        )
        if name:
            self.add_file(Path(name))

    def _selected_id(self) -> tuple[int, int | None] | None:
        row = self.certificates.currentRow()
        if row < 0:
            return None
        return row, self.certificates.item(row).data(Qt.ItemDataRole.UserRole)

    def open_certificate(self) -> None:
        chosen = self._selected_id()
        if chosen is None or chosen[1] is None:
            return
        name, content = certificates.read_certificate(self.ctx.db, chosen[1])
        folder = Path(tempfile.mkdtemp(prefix="portage-cert-"))
        target = folder / name
        target.write_bytes(content)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def remove_certificate(self) -> None:
        chosen = self._selected_id()
        if chosen is None:
            return
        row, cert_id = chosen
        if not confirm(
            self,
            tr("Remove certificate?"),
            tr("Remove this certificate? This cannot be undone."),
        ):
            return
        try:
            if cert_id is None:
                saved_count = self.certificates.count() - len(self.pending)
                del self.pending[row - saved_count]
            else:
                certificates.remove(self.ctx.db, cert_id)
        except REFUSED as exc:
            self.show_refusal(exc)
        self._load_certificates()

    def read(self) -> tuple[TrainingInput, dict[str, str]]:
        errors: dict[str, str] = {}
        dates: dict[str, date | None] = {}
        for name, field in (
            ("started_on", self.started_on),
            ("completed_on", self.completed_on),
            ("expires_on", self.expires_on),
        ):
            try:
                dates[name] = field.value() if name in _FIELDS[self.kind.currentData()] else None
            except ValueError as exc:
                errors[name], dates[name] = str(exc), None
        data = TrainingInput(
            kind=self.kind.currentData(),
            title=self.title_edit.text(),
            status=self.status.currentData(),
            trainer=self.trainer.text(),
            trainer_accredited=self.trainer_accredited.isChecked(),
            membership_number=self.membership_number.text(),
            notes=self.notes.toPlainText(),
            **dates,
        )
        return data, errors

    def save(self) -> None:
        data, errors = self.read()

        def store() -> None:
            self.saved = training.save_training(
                self.ctx.db,
                self.member.id,
                data,
                self.record.id if self.record else None,
                files=self.pending,
                expected_version=self.version,
            )

        if not self.attempt(
            store, data, errors, check=lambda: training.validate_training(data, date.today())
        ):
            return
        self.pending.clear()
        self.ctx.hub.staff_changed.emit()
        self.accept()

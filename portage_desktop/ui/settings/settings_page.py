"""The Settings page: the setting's details and profile, where the records live, accounts,
backups and privacy."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import records_location, security
from portage_desktop.services import setting as setting_service
from portage_desktop.services.access import Permission, current_actor
from portage_desktop.services.backups import SERVER_BACKUPS
from portage_desktop.services.errors import ConflictError, ValidationError
from portage_desktop.services.setting import SettingInfo
from portage_desktop.ui.children.privacy_dialogs import RetentionDialog
from portage_desktop.ui.common.conflict_dialog import ConflictChoice
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import FormSection, resolve_conflict
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.widgets import heading
from portage_desktop.ui.settings.audit_dialog import AuditDialog
from portage_desktop.ui.settings.records_location import RecordsLocationBox
from portage_desktop.ui.settings.setting_form import SettingFields
from portage_desktop.ui.settings.setting_profile import ProfileSection
from portage_desktop.ui.settings.user_accounts import PeopleDialog


class SettingsPage(QWidget):
    lock_minutes_changed = Signal(int)
    lock_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded: SettingInfo | None = None
        self._form = FormSection()
        self.fields = SettingFields(self._form)
        setting_box = QGroupBox(tr("Your setting"))
        setting_layout = QVBoxLayout(setting_box)
        setting_layout.addLayout(self._form.form)
        setting_layout.addWidget(self._form.general_error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            tr("&Save setting details"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved_label")
        buttons.accepted.connect(self.save_setting)
        setting_layout.addWidget(buttons)
        setting_layout.addWidget(self.saved_label)

        self.location = RecordsLocationBox(ctx)
        self.location.save_button.setEnabled(current_actor(ctx.db).may(Permission.MANAGE_USERS))
        data_box = self._backups_box()
        security_box = self._security_box()

        self.profile = ProfileSection(ctx)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(setting_box)
        column.addWidget(self.profile)
        column.addWidget(self.location)
        column.addWidget(data_box)
        column.addWidget(security_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Settings")))
        layout.addWidget(scroll, 1)
        ctx.hub.database_replaced.connect(self.load)
        self.load()

    def _backups_box(self) -> QGroupBox:
        ctx = self.ctx
        box = QGroupBox(tr("Backups"))
        grid = QGridLayout(box)
        self.keep = QSpinBox()
        self.on_close = QCheckBox(tr("Make a backup each time Portage Desktop &closes"))
        if ctx.db.on_server:
            # A file's backups are the app's job; a server's are its administrator's.
            text = QLabel(SERVER_BACKUPS)
            text.setObjectName("server_backups")
            text.setWordWrap(True)
            grid.addWidget(text, 0, 0, 1, 2)
            return box
        backups = QLabel(
            tr("Backups are kept in: {backup_dir}").format(backup_dir=ctx.paths.backup_dir)
        )
        backups.setWordWrap(True)
        backups.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(backups, 2, 0, 1, 2)
        self.keep.setRange(1, 100)
        self.keep.setValue(ctx.settings.backups_to_keep)
        self.keep.setAccessibleName(tr("Number of backups to keep"))
        self.keep.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        keep_label = QLabel(tr("&Backups to keep:"))
        keep_label.setBuddy(self.keep)
        keep_row = QHBoxLayout()
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep)
        keep_row.addStretch(1)
        grid.addLayout(keep_row, 3, 0, 1, 2)
        self.on_close.setChecked(ctx.settings.backup_on_close)
        grid.addWidget(self.on_close, 4, 0, 1, 2)
        self.keep.valueChanged.connect(self._save_preferences)
        self.on_close.toggled.connect(self._save_preferences)
        return box

    def _protection_text(self) -> str:
        db = self.ctx.db
        if not db.on_server:
            return (
                tr("✓ Your records are encrypted.")
                if db.encrypted
                else tr("⚠ Your records are NOT encrypted. Encrypt them now.")
            )
        # There is no file here to encrypt: the server's accounts and its link protect them.
        if records_location.connection_encrypted(db):
            return tr(
                "✓ Your records are on a shared server, and the connection to it is encrypted. "
                "Everyone logs in with their own name and password."
            )
        return tr(
            "⚠ Your records are on a shared server, but the connection to it is NOT encrypted. "
            "Unless the server is this computer, ask for ?sslmode=require in its address."
        )

    def _security_box(self) -> QGroupBox:
        actor = current_actor(self.ctx.db)
        box = QGroupBox(tr("Privacy and security"))
        column = QVBoxLayout(box)
        state = QLabel(self._protection_text())
        state.setObjectName("encryption_state")
        state.setWordWrap(True)
        column.addWidget(state)
        self.passphrase_button = QPushButton(
            tr("Change the &passphrase…") if self.ctx.db.encrypted else tr("&Encrypt my records…")
        )
        self.passphrase_button.clicked.connect(self._change_passphrase)
        self.people_button = QPushButton(tr("People and &roles…"))
        self.people_button.clicked.connect(lambda: PeopleDialog(self.ctx.db, self).exec())
        self.audit_button = QPushButton(tr("Audit &log…"))
        self.audit_button.clicked.connect(
            lambda: AuditDialog(self.ctx.db, self, self.ctx.paths.backup_dir).exec()
        )
        self.retention_button = QPushButton(tr("Keeping and erasing &records…"))
        self.retention_button.clicked.connect(lambda: RetentionDialog(self.ctx, self).exec())
        self.my_password_button = QPushButton(tr("Change &my password…"))
        self.my_password_button.clicked.connect(self._change_my_password)
        # Only a named account has a password of its own (a recovery-sheet session has none).
        self.my_password_button.setVisible(bool(actor.user_id) and self.ctx.db.multi_user)
        lock = QPushButton(tr("Loc&k now"))
        lock.clicked.connect(self.lock_requested)
        buttons = QHBoxLayout()
        for button in (
            self.passphrase_button,
            self.people_button,
            self.audit_button,
            self.retention_button,
            self.my_password_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        manager = actor.may(Permission.MANAGE_USERS)
        for button in (self.passphrase_button, self.people_button):
            button.setEnabled(manager)
        # A server has no passphrase: its own accounts and logins protect the records.
        self.passphrase_button.setVisible(not self.ctx.db.on_server)
        self.audit_button.setEnabled(actor.may(Permission.VIEW_AUDIT))
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(" minutes")
        self.lock_minutes.setSpecialValueText(tr("Never"))
        self.lock_minutes.setValue(self.ctx.settings.lock_after_minutes)
        self.lock_minutes.setAccessibleName(tr("Lock after this many minutes without use"))
        self.lock_minutes.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        lock_label = QLabel(tr("Lock &after no use for:"))
        lock_label.setBuddy(self.lock_minutes)
        self.lock_minutes.valueChanged.connect(self._lock_minutes_changed)
        lock_row = QHBoxLayout()
        lock_row.addWidget(lock_label)
        lock_row.addWidget(self.lock_minutes)
        lock_row.addWidget(lock)
        lock_row.addStretch(1)
        column.addLayout(lock_row)
        return box

    def _change_my_password(self) -> None:
        from portage_desktop.ui.settings.my_password import MyPasswordDialog

        if MyPasswordDialog(self.ctx.db, self).exec():
            QMessageBox.information(
                self, tr("Password changed"), tr("Your new password works from now on.")
            )

    def _lock_minutes_changed(self, minutes: int) -> None:
        self.ctx.settings.lock_after_minutes = minutes
        self.ctx.save_settings()
        self.lock_minutes_changed.emit(minutes)

    def _change_passphrase(self) -> None:
        from portage_desktop.ui.shell.security_dialogs import NewPassphraseDialog

        db = self.ctx.db
        if db.encrypted:
            intro = tr(
                "Choose a new passphrase. The old one stops working at once; backups "
                "made before today still open with the old one."
            )
            dialog = NewPassphraseDialog(intro, self, ask_current=True)
        else:
            intro = tr("Choose the passphrase that will protect these records.")
            dialog = NewPassphraseDialog(intro, self)
        done = tr("Your records are protected by the new passphrase.")
        while dialog.exec():
            try:
                if db.encrypted:
                    assert dialog.current is not None
                    security.change_passphrase(
                        db, dialog.current.text(), dialog.passphrase, dialog.passphrase
                    )
                else:
                    done = security.encrypt_existing(db, dialog.passphrase, dialog.passphrase)
            except ValidationError as exc:
                dialog.show_errors(exc.errors)
                continue
            except REFUSED as exc:
                refused(self, tr("Not changed"), exc)
                return
            QMessageBox.information(self, tr("Done"), done)
            self.ctx.hub.database_replaced.emit()
            return

    def load(self) -> None:
        info = setting_service.get_setting(self.ctx.db)
        if info is not None:
            self._show(info)
        self._form.dirty = False

    def _show(self, info: object) -> None:
        assert isinstance(info, SettingInfo)
        self.loaded = info  # what Save compares against, so nobody's change is overwritten
        self.fields.load(info)

    def save_setting(self) -> None:
        self._form.clear_errors()
        data = self.fields.read()
        try:
            self.loaded = setting_service.save_setting(self.ctx.db, data, self.loaded)
        except ConflictError as exc:
            self.saved_label.clear()
            choice = resolve_conflict(self, self._form, exc, data, self._show)
            if choice is ConflictChoice.KEEP_MINE:
                self.loaded = exc.current
                self.save_setting()
            return
        except ValidationError as exc:
            self.saved_label.clear()
            self._form.show_errors(exc.errors)
            return
        self._form.dirty = False
        self.saved_label.setText(tr("Saved."))
        self.ctx.hub.setting_changed.emit()

    def _save_preferences(self) -> None:
        self.ctx.settings.backups_to_keep = self.keep.value()
        self.ctx.settings.backup_on_close = self.on_close.isChecked()
        self.ctx.save_settings()

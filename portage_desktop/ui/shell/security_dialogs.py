"""Passphrase and login dialogs: set one up, unlock, log in, change it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.data.engine import Database, DatabaseError, ServerPasswordNeeded
from portage_desktop.database_url import ServerAddress
from portage_desktop.i18n import tr
from portage_desktop.services import security, users
from portage_desktop.services.errors import ValidationError
from portage_desktop.startup import WrongPassphrase, new_key
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.common.theme import error_style


def _secret(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


def retry_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong tries: 0, 1, 2, 4 ... up to 30."""
    return 0 if failures <= 1 else min(30, 2 ** (failures - 2))


class NewPassphraseDialog(FormDialog):
    """Choose a passphrase for new (or newly encrypted) records; ``passphrase`` on accept."""

    def __init__(
        self, intro: str, parent: QWidget | None = None, ask_current: bool = False
    ) -> None:
        super().__init__(tr("Protect your records with a passphrase"), parent)
        self.setMinimumWidth(560)
        self.passphrase = ""
        self.current = _secret(tr("Current passphrase")) if ask_current else None
        self.new = _secret(tr("New passphrase"))
        self.confirm = _secret(tr("Type the passphrase again"))
        self.show_text = QCheckBox(tr("&Show what I type"))
        self.show_text.toggled.connect(self._toggle_echo)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(True)
        self.meter.setAccessibleName(tr("Passphrase strength"))
        self.meter.setFormat(tr("Strength: type a passphrase"))
        self.advice = QLabel()  # the meter's words: long advice does not fit inside the bar
        self.advice.setObjectName("strength_advice")
        self.advice.setWordWrap(True)
        self.suggest_button = QPushButton(tr("S&uggest one for me"))
        self.suggest_button.clicked.connect(self._suggest)
        self.suggestion_note = QLabel()
        self.suggestion_note.setObjectName("suggestion_note")
        self.suggestion_note.setWordWrap(True)
        self.recovery = QCheckBox(tr("Save a &recovery sheet to print (PDF) after this"))
        warning = QLabel(
            tr(
                "⚠ Important: the passphrase cannot be recovered. If it is lost, nobody can open "
                "these records or their backups. Write it down, or save a recovery sheet and "
                "lock it away."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(error_style())
        text = QLabel(intro)
        text.setWordWrap(True)
        if self.current is not None:
            self.add_row(tr("&Current passphrase"), "current", self.current)
        self.add_row(
            tr("&Passphrase"),
            "passphrase",
            self.new,
            tr("At least 10 characters. Three or four unrelated words work well."),
        )
        self.add_row(tr("&Again"), "confirm", self.confirm)
        self.new.textChanged.connect(self._rate)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("&Use this passphrase"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(self.form)
        layout.addWidget(self.meter)
        layout.addWidget(self.advice)
        layout.addWidget(self.show_text)
        layout.addWidget(self.suggest_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.suggestion_note)
        layout.addWidget(warning)
        layout.addWidget(self.recovery)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        (self.current or self.new).setFocus()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.new.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def _suggest(self) -> None:
        words = security.suggest()
        self.new.setText(words)
        self.confirm.setText(words)
        self.show_text.setChecked(True)
        count = len(security.word_list())
        self.suggestion_note.setText(
            tr(
                "{SUGGESTED_WORDS} words chosen at random from a list of {count:,}: "
                "about {suggestion_bits:.0f} bits of randomness "
                "({bits_per_word:.1f} for each word). Write it down before you go on."
            ).format(
                SUGGESTED_WORDS=security.SUGGESTED_WORDS,
                count=count,
                suggestion_bits=security.suggestion_bits(),
                bits_per_word=security.bits_per_word(),
            )
        )

    def _rate(self, text: str) -> None:
        self.mark_dirty()
        rating = security.strength(text)
        self.meter.setValue(rating.score)
        self.meter.setFormat(
            tr("Strength: {label}").format(label=rating.label)
            if text
            else tr("Strength: type a passphrase")
        )
        self.meter.setAccessibleDescription(rating.advice if text else "")
        self.advice.setText(rating.advice if text else "")

    def save(self) -> None:
        try:
            security.validate_new(self.new.text(), self.confirm.text())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        if self.recovery.isChecked() and save_recovery_sheet(self, self.new.text()) is None:
            # Asked for, not saved: going on would leave them believing they have one.
            self.show_errors(
                {
                    "general": tr(
                        "The recovery sheet was not saved, so nothing has changed yet. "
                        "Choose OK to save it again, or untick the recovery sheet to go on "
                        "without one."
                    )
                }
            )
            return
        self.passphrase = self.new.text()
        self.dirty = False
        self.accept()


def save_recovery_sheet(
    parent: QWidget, passphrase: str, setting_name: str = "", recovery_words: bool = False
) -> Path | None:
    target, _ = QFileDialog.getSaveFileName(
        parent,
        tr("Save the recovery sheet"),
        str(Path.home() / "portage-recovery-sheet.pdf"),
        tr("PDF files (*.pdf)"),
    )
    if not target:
        return None
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.recovery_sheet import build_recovery_sheet

    out = Path(target if target.lower().endswith(".pdf") else f"{target}.pdf")
    meta = ReportMeta(setting_name or tr("Portage Desktop"), tr("Recovery sheet"), date.today())
    try:
        build_recovery_sheet(meta, passphrase, out, recovery_words=recovery_words)
    except OSError as exc:  # a folder, a device, a full disk: the safe writer says which
        from portage_desktop.ui.common.service_errors import refused

        refused(parent, tr("Recovery sheet not saved"), exc)
        return None
    QMessageBox.information(
        parent,
        tr("Recovery sheet saved"),
        tr("Print it, lock the paper away, then delete the file:\n{out}").format(out=out),
    )
    return out


class UnlockDialog(FormDialog):
    """Ask for the passphrase; each wrong try makes the next one wait a little longer.

    ``check`` returns normally for the right passphrase and raises ``WrongPassphrase``.
    """

    delay: Callable[[int], int] = staticmethod(retry_delay)

    def __init__(
        self,
        check: Callable[[str], object],
        title: str | None = None,
        prompt: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title or tr("Unlock your records"), parent)
        self.setMinimumWidth(460)
        self.check = check
        self.result_value: object = None
        self.failures = 0
        self.passphrase = _secret(tr("Passphrase"))
        intro = QLabel(prompt or tr("Enter the passphrase for these records."))
        intro.setWordWrap(True)
        self.add_row(tr("&Passphrase"), "passphrase", self.passphrase)
        self.wait_label = QLabel()
        self.wait_label.setObjectName("wait_label")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.unlock_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.unlock_button.setText(tr("&Unlock"))
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.wait_label)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._remaining = 0
        self.passphrase.setFocus()

    def try_unlock(self) -> None:
        if self._remaining > 0:
            return
        try:
            self.result_value = self.check(self.passphrase.text())
        except (WrongPassphrase, users.LoginFailed):
            self.failures += 1
            self.passphrase.clear()
            self.show_errors({"passphrase": tr("That is not right. Please try again.")})
            self._start_wait(self.delay(self.failures))
            return
        self.accept()

    def _start_wait(self, seconds: int) -> None:
        self._remaining = seconds
        if seconds <= 0:
            self.wait_label.clear()
            return
        self.unlock_button.setEnabled(False)
        self._tick_text()
        self._timer.start(1000)

    def _tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._timer.stop()
            self.unlock_button.setEnabled(True)
            self.wait_label.clear()
            self.passphrase.setFocus()
        else:
            self._tick_text()

    def _tick_text(self) -> None:
        unit = "second" if self._remaining == 1 else "seconds"
        self.wait_label.setText(
            tr("Please wait {remaining} {unit} before trying again.").format(
                remaining=self._remaining, unit=unit
            )
        )


def choose_new_key(parent: QWidget | None = None) -> object:
    dialog = NewPassphraseDialog(
        tr(
            "Your records about children are private. Choose a passphrase: it encrypts the "
            "records on this computer and in every backup, and you will type it to open them."
        ),
        parent,
    )
    return new_key(dialog.passphrase) if dialog.exec() else None


class LoginDialog(UnlockDialog):
    """Username and password for a database with named accounts."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        self.username = QLineEdit()
        self.username.setAccessibleName(tr("Username"))
        where = tr("Portage Desktop")
        if db.server is not None:
            where = tr("the shared records on {display}").format(display=db.server.display)
        super().__init__(
            lambda text: users.log_in(db, self.username.text(), text),
            title=tr("Log in"),
            prompt=tr("Log in to {where} with your own username and password.").format(where=where),
            parent=parent,
        )
        self.unlock_button.setText(tr("&Log in"))
        self.form.insertRow(0, tr("&Username"), self.username)
        self.form.labelForField(self.username).setBuddy(self.username)
        self.passphrase.setAccessibleName(tr("Password"))
        self.form.labelForField(self.passphrase.parentWidget()).setText(tr("&Password"))
        self.username.setFocus()


class ServerPasswordDialog(UnlockDialog):
    """The shared server's own password, when neither PGPASSWORD nor a .pgpass file gave one.

    It is kept in memory while the app is open and never saved. On success ``database`` is
    the opened, up-to-date database.
    """

    def __init__(self, address: ServerAddress, reason: str, parent: QWidget | None = None) -> None:
        self.address = address
        self.database: Database | None = None
        super().__init__(
            self._connect,
            title=tr("Password for the shared server"),
            prompt=tr(
                "{reason}\n\nIt is used only while Portage Desktop is open and is never "
                "saved. Your IT person can put it in PGPASSWORD or ~/.pgpass instead, so that "
                "nobody has to type it."
            ).format(reason=reason),
            parent=parent,
        )
        self.passphrase.setAccessibleName(tr("Server password"))
        self.form.labelForField(self.passphrase.parentWidget()).setText(tr("Server &password"))
        self.unlock_button.setText(tr("&Connect"))
        self.setMinimumWidth(540)
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def _connect(self, password: str) -> Database:
        from portage_desktop.startup import open_server_and_migrate

        try:
            self.database = open_server_and_migrate(self.address.with_password(password))
        except ServerPasswordNeeded as exc:
            raise WrongPassphrase(str(exc)) from None
        return self.database

    def try_unlock(self) -> None:
        try:
            super().try_unlock()
        except DatabaseError as exc:  # the server went away, or refuses this database
            self.show_errors({"passphrase": str(exc)})
        self.adjustSize()  # the wrapped explanation keeps its lines when an error appears


class OwnLoginDialog(UnlockDialog):
    """Username and password for a server where everyone has their own login: the server
    checks them, and on success ``database`` is open with that person logged in."""

    def __init__(self, address: ServerAddress, parent: QWidget | None = None) -> None:
        self.address = address
        self.database: Database | None = None
        self.username = QLineEdit()
        self.username.setAccessibleName(tr("Username"))
        super().__init__(
            self._connect,
            title=tr("Log in"),
            prompt=tr(
                "Log in to the shared records on {display} with your own username and password."
            ).format(display=address.display),
            parent=parent,
        )
        self.unlock_button.setText(tr("&Log in"))
        self.form.insertRow(0, tr("&Username"), self.username)
        self.form.labelForField(self.username).setBuddy(self.username)
        self.passphrase.setAccessibleName(tr("Password"))
        self.form.labelForField(self.passphrase.parentWidget()).setText(tr("&Password"))
        self.username.setFocus()

    def _connect(self, password: str) -> Database:
        from portage_desktop.services.server_logins import own_login_address
        from portage_desktop.startup import open_server_and_migrate

        mine = own_login_address(self.address, self.username.text(), password)
        try:
            self.database = open_server_and_migrate(mine)
        except ServerPasswordNeeded:
            raise users.LoginFailed() from None
        return self.database

    def try_unlock(self) -> None:
        try:
            super().try_unlock()
        except DatabaseError as exc:  # the server went away, or no account for this login
            self.show_errors({"passphrase": str(exc)})


class FirstManagerDialog(FormDialog):
    """The first account on a new shared server: whoever starts the app first is its manager.

    ``taken`` is set when someone else got there first; the caller then asks for a login.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(tr("Set up the shared records"), parent)
        self.db = db
        self.taken = False
        self.setMinimumWidth(540)
        where = db.server.display if db.server else tr("the server")
        intro = QLabel(
            tr(
                "These records are new, on the shared server {where}. Everyone who uses them "
                "logs in with their own name and password.\n\nCreate the first account now: it "
                "is a manager's, so you can add everyone else afterwards (Settings, then "
                "People and roles)."
            ).format(where=where)
        )
        intro.setWordWrap(True)
        self.display_name = QLineEdit()
        self.username = QLineEdit()
        self.password = _secret(tr("Password"))
        self.confirm = _secret(tr("Type the password again"))
        self.add_row(tr("Your &name *"), "display_name", self.display_name)
        self.add_row(tr("&Username *"), "username", self.username, tr("For example: jsmith"))
        self.add_row(
            tr("&Password *"),
            "password",
            self.password,
            tr(
                "At least {MIN_PASSWORD} characters. This is your own password for "
                "Portage Desktop, not the server's."
            ).format(MIN_PASSWORD=users.MIN_PASSWORD),
        )
        self.add_row(tr("&Again *"), "confirm", self.confirm)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            tr("&Create the manager account"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.display_name.setFocus()

    def save(self) -> None:
        data = users.UserInput(
            self.username.text(),
            self.display_name.text(),
            None,
            self.password.text(),
            self.confirm.text(),
        )
        try:
            users.create_first_manager(self.db, data)
        except ValidationError as exc:
            if exc.errors.get("username") == users.FIRST_TAKEN:
                QMessageBox.information(self, tr("Already set up"), users.FIRST_TAKEN)
                self.taken = True
                self.dirty = False
                self.reject()
                return
            self.show_errors(exc.errors)
            return
        self.dirty = False
        self.accept()

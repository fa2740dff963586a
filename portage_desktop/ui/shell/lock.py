"""Locking the window: after a quiet spell or on demand, the records are hidden until unlocked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import audit, security, users
from portage_desktop.services.access import current_actor
from portage_desktop.services.audit import AuditAction
from portage_desktop.startup import WrongPassphrase
from portage_desktop.ui.common.widgets import heading
from portage_desktop.ui.shell.security_dialogs import UnlockDialog

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class IdleWatcher(QObject):
    """Calls ``on_idle`` after ``minutes`` with no key, mouse or wheel input in the app."""

    def __init__(self, minutes: int, on_idle: Callable[[], None]) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, minutes)
        if self.minutes:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.minutes:
            self.timer.start(self.minutes * 60_000)
        return False


class LockPanel(QWidget):
    """What shows while locked: no names, no records, just the way back in."""

    def __init__(self, db: Database, on_unlocked: Callable[[], None]) -> None:
        super().__init__()
        self.db = db
        self.on_unlocked = on_unlocked
        self.hidden_dialog: QWidget | None = None
        self.unlock_button = QPushButton(tr("&Unlock…"))
        self.unlock_button.clicked.connect(self.ask)
        text = QLabel(tr("Portage Desktop is locked. Your records are hidden until you unlock it."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = heading(tr("Locked"), 1.6)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(text)
        column.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(2)

    def check(self, text: str) -> None:
        """Single-user: the passphrase. Named accounts: the locked-out person's password."""
        if self.db.multi_user:
            users.confirm_same_person(self.db, text)
        elif not security.verify_passphrase(self.db, text):
            raise WrongPassphrase()

    def ask(self) -> None:
        who = current_actor(self.db)
        prompt = (
            tr("Enter the password for {display_name}.").format(display_name=who.display_name)
            if self.db.multi_user
            else tr("Enter the passphrase for these records.")
        )
        dialog = UnlockDialog(self.check, title=tr("Unlock"), prompt=prompt, parent=self)
        if dialog.exec():
            self.on_unlocked()


def record_lock(db: Database) -> None:
    audit.record_now(db, AuditAction.LOCK, "session")

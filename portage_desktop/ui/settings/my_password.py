"""Settings, Change my password: anyone with a named account changes their own password.

The current password is asked first, so nobody can change it at a computer left unlocked.
On a file it re-wraps their own key to the records; on a server with personal logins the
server itself keeps the new one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import users
from portage_desktop.services.access import current_actor
from portage_desktop.services.errors import ValidationError
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.common.service_errors import REFUSED, explain


def _secret() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class MyPasswordDialog(FormDialog):
    """Current password, then the new one twice."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(tr("Change my password"), parent)
        self.db = db
        self.setMinimumWidth(480)
        self.current = _secret()
        self.password = _secret()
        self.confirm = _secret()
        self.add_row(tr("&Current password *"), "current", self.current)
        self.add_row(
            tr("&New password *"),
            "password",
            self.password,
            tr("At least {n} characters, hard to guess (three or four words work well).").format(
                n=users.MIN_PASSWORD
            ),
        )
        self.add_row(tr("&Again *"), "confirm", self.confirm)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.current.setFocus()

    def save(self) -> None:
        actor = current_actor(self.db)
        try:
            users.check_own_password(self.db, self.current.text())
        except users.LoginFailed:
            self.current.clear()
            self.show_errors({"current": tr("That is not your current password.")})
            return
        try:
            users.set_password(
                self.db, actor.user_id or 0, self.password.text(), self.confirm.text()
            )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except REFUSED as exc:
            self.show_errors({"general": explain(exc)})
            return
        self.accept()

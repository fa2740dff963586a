"""Opening the records at start-up: each person's own password, or the passphrase.

A file with personal keys asks for a username and password, which open that person's key to
the file and log them in as that account in one step. The recovery sheet (or, until a manager
changes the database key, the old shared passphrase) is one click away.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QWidget

from portage_desktop.data.errors import DatabaseError
from portage_desktop.i18n import tr
from portage_desktop.services import personal_keys
from portage_desktop.services.personal_keys import Unlocked
from portage_desktop.startup import unlock
from portage_desktop.ui.shell.security_dialogs import UnlockDialog


class PersonalUnlockDialog(UnlockDialog):
    """Username and own password; ``result_value`` is the :class:`Unlocked` on accept."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        self.path = path
        self.username = QLineEdit()
        self.username.setAccessibleName(tr("Username"))
        super().__init__(
            lambda text: personal_keys.unlock_as(path, self.username.text(), text),
            title=tr("Log in"),
            prompt=tr("Log in to Portage Desktop with your own username and password."),
            parent=parent,
        )
        self.unlock_button.setText(tr("&Log in"))
        self.form.insertRow(0, tr("&Username"), self.username)
        self.form.labelForField(self.username).setBuddy(self.username)
        self.passphrase.setAccessibleName(tr("Password"))
        self.form.labelForField(self.passphrase.parentWidget()).setText(tr("&Password"))
        self.other_way = QPushButton(tr("Use the recovery &sheet or passphrase instead…"))
        self.other_way.setAutoDefault(False)
        self.other_way.clicked.connect(self._other_way)
        self.layout().insertWidget(self.layout().count() - 1, self.other_way)
        self.username.setFocus()

    def _other_way(self) -> None:
        dialog = UnlockDialog(
            lambda text: personal_keys.unlock_with_sheet_or_passphrase(self.path, text),
            title=tr("Open with the recovery sheet"),
            prompt=tr(
                "Type the words from the recovery sheet (spaces between them). If your "
                "manager has not yet changed the database key, the old shared passphrase "
                "works here too."
            ),
            parent=self,
        )
        dialog.form.labelForField(dialog.passphrase.parentWidget()).setText(tr("&Words"))
        dialog.passphrase.setAccessibleName(tr("Recovery words or passphrase"))
        if dialog.exec():
            self.result_value = dialog.result_value
            self.accept()


def unlock_file(path: Path, parent: QWidget | None = None) -> Unlocked | None:
    """Ask whatever opens ``path``; ``None`` if the person cancelled."""
    dialog: UnlockDialog
    try:
        personal = personal_keys.uses_personal_keys(path)
    except DatabaseError as exc:  # a damaged key file: the passphrase may still work
        QMessageBox.warning(parent, tr("The key file is damaged"), str(exc))
        dialog = UnlockDialog(lambda text: Unlocked(unlock(path, text)), parent=parent)
    else:
        if personal:
            dialog = PersonalUnlockDialog(path, parent)
        else:  # one passphrase (or a recovery sheet left after the last account went)
            dialog = UnlockDialog(
                lambda text: personal_keys.unlock_with_sheet_or_passphrase(path, text),
                parent=parent,
            )
    if not dialog.exec():
        return None
    found = dialog.result_value
    assert isinstance(found, Unlocked)
    return found

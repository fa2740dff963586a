"""The questions start-up may ask while the records open: the server's password, what to do
with a damaged file, encrypting an old plain one, and who is logging in.

Kept apart from ``app`` (which decides the order of start-up) so each stays readable; every
import of Qt or the database layer is inside a function, so nothing here slows the first paint.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from portage_desktop.data.engine import Database
    from portage_desktop.database_url import ServerAddress


class Cancelled(Exception):
    """The person closed a start-up dialog: leave quietly."""


def open_server(address: ServerAddress, smoke_test: bool) -> Database:
    """Connect to the shared server; if it wants a password nobody gave, ask for it."""
    from portage_desktop.data.engine import ServerPasswordNeeded
    from portage_desktop.startup import open_server_and_migrate

    try:
        return open_server_and_migrate(address)
    except ServerPasswordNeeded as exc:
        if smoke_test:
            raise
        from portage_desktop.ui.shell.security_dialogs import ServerPasswordDialog

        dialog = ServerPasswordDialog(address, str(exc))
        if not dialog.exec() or dialog.database is None:
            raise Cancelled() from None
        return dialog.database


def open_or_recover(
    path: Path, backup_dir: Path, key: object, smoke_test: bool, checked: bool = False
) -> Database:
    """Open ``path``; if it is damaged, offer to put the latest verified backup in its place."""
    from PySide6.QtWidgets import QMessageBox

    from portage_desktop.data.engine import DatabaseError, WrongPassphrase
    from portage_desktop.data.recovery import latest_verified_backup, replace_damaged
    from portage_desktop.startup import open_and_migrate

    try:
        return open_and_migrate(path, backup_dir, key, checked)  # type: ignore[arg-type]
    except WrongPassphrase:
        raise
    except DatabaseError as exc:
        if smoke_test or "newer version" in str(exc):
            raise
        backup = latest_verified_backup(path, backup_dir, key)  # type: ignore[arg-type]
        if backup is None:
            raise
        answer = QMessageBox.question(
            None,
            "Your records file is damaged",
            f"{exc}\n\nA checked backup from {backup.name} is available. Put it in place "
            "now? The damaged file is kept beside it, renamed, in case it is needed.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
        replace_damaged(path, backup, key)  # type: ignore[arg-type]
        return open_and_migrate(path, backup_dir, key)  # type: ignore[arg-type]


def offer_encryption(db: Database) -> None:
    from PySide6.QtWidgets import QMessageBox

    from portage_desktop.services import security
    from portage_desktop.ui.shell.security_dialogs import NewPassphraseDialog

    answer = QMessageBox.question(
        None,
        "Your records are not encrypted",
        "These records were saved without encryption, so anyone with the file can read them. "
        "Encrypt them now with a passphrase? (Recommended.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    dialog = NewPassphraseDialog("Choose the passphrase that will protect these records.")
    if dialog.exec():
        security.encrypt_existing(db, dialog.passphrase, dialog.passphrase)


def log_in_if_needed(db: Database, headless: bool) -> None:
    from portage_desktop.services import users

    if not db.multi_user or users.logged_in(db):  # nobody to log in, or their own key did
        return
    from portage_desktop.errors import UserError

    if users.needs_first_manager(db):
        if headless:
            raise UserError(
                "this shared server has no accounts yet: start Portage Desktop once to "
                "create the first manager"
            )
        from portage_desktop.ui.shell.security_dialogs import FirstManagerDialog

        first = FirstManagerDialog(db)
        if first.exec():
            return
        if not first.taken:
            raise Cancelled()
    if headless:
        name, password = (
            os.environ.get("PORTAGE_DESKTOP_USER"),
            os.environ.get("PORTAGE_DESKTOP_PASSWORD"),
        )
        if not (name and password):
            raise UserError("this database has accounts: set PORTAGE_DESKTOP_USER and _PASSWORD")
        users.log_in(db, name, password)
        return
    from portage_desktop.ui.shell.security_dialogs import LoginDialog

    if not LoginDialog(db).exec():
        raise Cancelled()

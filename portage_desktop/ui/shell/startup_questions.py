"""The questions start-up may ask while the records open: the server's password, whether to
open a file another computer may still have open, what to do with a damaged or part-updated
file, encrypting an old plain one, and who is logging in.

Kept apart from ``app`` (which decides the order of start-up) so each stays readable; every
import of Qt or the database layer is inside a function, so nothing here slows the first paint.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop.i18n import tr

if TYPE_CHECKING:
    from portage_desktop.data.engine import Database
    from portage_desktop.database_url import ServerAddress


class Cancelled(Exception):
    """The person closed a start-up dialog: leave quietly."""


def open_server(address: ServerAddress, smoke_test: bool, own_logins: bool = False) -> Database:
    """Connect to the shared server; if it wants a password nobody gave, ask for it.

    With ``own_logins`` each person connects as their own login: their username and password
    are asked first (from PORTAGE_DESKTOP_USER and _PASSWORD without a window)."""
    from portage_desktop.data.engine import ServerPasswordNeeded
    from portage_desktop.startup import open_server_and_migrate

    if own_logins:
        return _open_own_login(address, smoke_test)
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


def _open_own_login(address: ServerAddress, headless: bool) -> Database:
    from portage_desktop.services.server_logins import own_login_address
    from portage_desktop.startup import open_server_and_migrate

    if headless:
        from portage_desktop.errors import UserError

        name, password = (
            os.environ.get("PORTAGE_DESKTOP_USER"),
            os.environ.get("PORTAGE_DESKTOP_PASSWORD"),
        )
        if not (name and password):
            raise UserError(
                tr("everyone signs in to this server: set PORTAGE_DESKTOP_USER and _PASSWORD")
            )
        return open_server_and_migrate(own_login_address(address, name, password))
    from portage_desktop.ui.shell.security_dialogs import OwnLoginDialog

    dialog = OwnLoginDialog(address)
    if not dialog.exec() or dialog.database is None:
        raise Cancelled()
    return dialog.database


def claim_records(path: Path, backup_dir: Path, headless: bool) -> bool:
    """Make this the only copy of the app using ``path``, asking when another computer may
    still have it open, and say what was tidied up after a copy that was stopped. True when
    there was nothing to tidy (the last copy closed the file cleanly)."""
    from PySide6.QtWidgets import QMessageBox

    from portage_desktop.data import leftovers
    from portage_desktop.data.file_lock import DatabaseInUse

    try:
        notices = leftovers.claim(path, backup_dir)
    except DatabaseInUse as exc:
        if headless or not exc.may_be_stale:
            raise
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Are these records open elsewhere?"), str(exc)
        )
        box.setInformativeText(tr("Is Portage Desktop closed on that computer?"))
        open_here = box.addButton(
            tr("It is closed: &open them here"), QMessageBox.ButtonRole.AcceptRole
        )
        quit_button = box.addButton(tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(quit_button)
        box.setEscapeButton(quit_button)
        box.exec()
        if box.clickedButton() is not open_here:
            raise Cancelled() from None
        notices = leftovers.claim(path, backup_dir, force=True)
    if notices and not headless:
        QMessageBox.information(
            None, tr("Portage Desktop was stopped last time"), "\n\n".join(notices)
        )
    return not notices


def open_or_recover(
    path: Path, backup_dir: Path, key: object, smoke_test: bool, checked: bool = False
) -> Database:
    """Open ``path``; if it is damaged or part-updated, offer a checked backup in its place."""
    from PySide6.QtWidgets import QMessageBox

    from portage_desktop.data.engine import DatabaseError, WrongPassphrase
    from portage_desktop.data.recovery import latest_verified_backup, replace_damaged
    from portage_desktop.data.upgrade_check import UpgradeFailed
    from portage_desktop.startup import open_and_migrate

    try:
        return open_and_migrate(path, backup_dir, key, checked)  # type: ignore[arg-type]
    except WrongPassphrase:
        raise
    except UpgradeFailed as exc:
        if smoke_test or exc.backup is None or not _offer_upgrade_backup(exc):
            raise
        backup = exc.backup
    except DatabaseError as exc:
        if smoke_test or "newer version" in str(exc):
            raise
        found = latest_verified_backup(path, backup_dir, key)  # type: ignore[arg-type]
        if found is None:
            raise
        answer = QMessageBox.question(
            None,
            tr("Your records file is damaged"),
            tr(
                "{exc}\n\nA checked backup from {name} is available. Put it in place "
                "now? The damaged file is kept beside it, renamed, in case it is needed."
            ).format(exc=exc, name=found.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
        backup = found
    replace_damaged(path, backup, key)  # type: ignore[arg-type]
    return open_and_migrate(path, backup_dir, key)  # type: ignore[arg-type]


def _offer_upgrade_backup(exc: object) -> bool:
    """Say plainly that the file is part-updated and offer the copy known to update."""
    from PySide6.QtWidgets import QMessageBox

    from portage_desktop.data.upgrade_check import UpgradeFailed, backup_taken

    assert isinstance(exc, UpgradeFailed) and exc.backup is not None
    title = (
        tr("Your records were only partly updated")
        if exc.half_done
        else tr("Your records could not be updated")
    )
    text = str(exc).split(" A copy taken", 1)[0]
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    box.setInformativeText(
        tr(
            "A copy taken just before the update, on {backup_taken}, has been checked "
            "and updates correctly. Put it back now? Anything saved after that copy was taken is "
            "not in it. The present file is kept beside it, renamed, in case it is needed."
        ).format(backup_taken=backup_taken(exc.backup))
    )
    put_back = box.addButton(tr("&Put the copy back"), QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(put_back)
    box.setEscapeButton(quit_button)
    box.exec()
    return box.clickedButton() is put_back


def offer_encryption(db: Database) -> None:
    from PySide6.QtWidgets import QMessageBox

    from portage_desktop.services import security
    from portage_desktop.ui.shell.security_dialogs import NewPassphraseDialog

    answer = QMessageBox.question(
        None,
        tr("Your records are not encrypted"),
        tr(
            "These records were saved without encryption, so anyone with the file can read them. "
            "Encrypt them now with a passphrase? (Recommended.)"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    dialog = NewPassphraseDialog(tr("Choose the passphrase that will protect these records."))
    if dialog.exec():
        done = security.encrypt_existing(db, dialog.passphrase, dialog.passphrase)
        QMessageBox.information(None, tr("Your records are encrypted"), done)


def log_in_if_needed(db: Database, headless: bool) -> None:
    from portage_desktop.services import users

    if not db.multi_user or users.logged_in(db):  # nobody to log in, or their own key did
        return
    from portage_desktop.errors import UserError

    if users.needs_first_manager(db):
        if headless:
            raise UserError(
                tr(
                    "this shared server has no accounts yet: start Portage Desktop once to "
                    "create the first manager"
                )
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
            raise UserError(
                tr("this database has accounts: set PORTAGE_DESKTOP_USER and _PASSWORD")
            )
        users.log_in(db, name, password)
        return
    from portage_desktop.ui.shell.security_dialogs import LoginDialog

    if not LoginDialog(db).exec():
        raise Cancelled()

"""Opening existing records from the command line: a file (its passphrase, or a named account's
password, from the environment or asked at the terminal) or a shared server; the lock a crashed
computer left is passed only when the person says so. Kept apart from the commands themselves.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop.errors import UserError
from portage_desktop.i18n import tr

if TYPE_CHECKING:
    from portage_desktop.data.cipher import KeyMaterial
    from portage_desktop.data.engine import Database
    from portage_desktop.database_url import ServerAddress


def existing_database(path_text: str | None) -> Path:
    if not path_text:
        raise UserError(
            tr(
                "--database PATH or --database-url URL is required "
                "(or set PORTAGE_DESKTOP_DATABASE_URL)"
            )
        )
    path = Path(path_text).expanduser()
    if not path.is_file():
        raise UserError(tr("no database at {path}").format(path=path))
    return path


def read_passphrase(prompt: str = "Passphrase: ") -> str:
    """From PORTAGE_DESKTOP_PASSPHRASE, else a prompt that does not echo; never an argument."""
    from portage_desktop.startup import PASSPHRASE_ENV

    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise UserError(
        tr(
            "the database is encrypted: set {PASSPHRASE_ENV}, or run in a terminal to be asked"
        ).format(PASSPHRASE_ENV=PASSPHRASE_ENV)
    )


# Set to "yes" by a person who knows the computer that last had the records open is finished
# with them (it crashed or was switched off): never assumed, as two copies writing lose work.
OTHER_COMPUTER_FINISHED_ENV = "PORTAGE_DESKTOP_OTHER_COMPUTER_FINISHED"


def open_existing(path_text: str | None, url_text: str | None = None) -> Database:
    """Open existing records from the command line: a file (asking for its passphrase if
    needed) or a shared server (``--database-url``, or PORTAGE_DESKTOP_DATABASE_URL)."""
    from portage_desktop.database_url import BadAddress, from_environment, parse

    if path_text and url_text:
        raise UserError(tr("give either --database or --database-url, not both"))
    url_text = url_text or ("" if path_text else from_environment())
    if url_text:
        try:
            db = _open_server(parse(url_text))
        except BadAddress as exc:
            raise UserError(tr("--database-url: {exc}").format(exc=exc)) from None
    else:
        from portage_desktop.startup import claim, file_state, open_and_migrate

        path = existing_database(path_text)
        from portage_desktop.data.file_lock import DatabaseInUse

        finished = os.environ.get(OTHER_COMPUTER_FINISHED_ENV, "").strip().lower() == "yes"
        try:
            notices = claim(path, path.parent / "backups", force=finished)
        except DatabaseInUse as exc:
            if not exc.may_be_stale:
                raise
            raise UserError(
                tr(
                    "{exc} If you are sure it is finished, run the command again with "
                    "{OTHER_COMPUTER_FINISHED_ENV}=yes set (or open the records in the window, "
                    "which asks)."
                ).format(exc=exc, OTHER_COMPUTER_FINISHED_ENV=OTHER_COMPUTER_FINISHED_ENV)
            ) from None
        for notice in notices:
            print(tr("portage-desktop: {notice}").format(notice=notice), file=sys.stderr)
        key = _unlock_file(path) if file_state(path) == "encrypted" else None
        db = open_and_migrate(path, path.parent / "backups", key)
    if db.multi_user:
        from portage_desktop.services.users import log_in, needs_first_manager

        if needs_first_manager(db):
            db.dispose()
            raise UserError(
                tr(
                    "this shared server has no accounts yet: start Portage Desktop once to "
                    "create the first manager"
                )
            )
        name = os.environ.get("PORTAGE_DESKTOP_USER") or _ask(tr("Username: "), echo=True)
        password = os.environ.get("PORTAGE_DESKTOP_PASSWORD") or _ask(tr("Password: "), echo=False)
        log_in(db, name, password)
    return db


def _unlock_file(path: Path) -> KeyMaterial:
    """A file with personal keys opens with PORTAGE_DESKTOP_USER and _PASSWORD (the person's
    own key); otherwise, or when they are not set, with the passphrase."""
    from portage_desktop.services import personal_keys
    from portage_desktop.startup import unlock

    name = os.environ.get("PORTAGE_DESKTOP_USER")
    if name and personal_keys.uses_personal_keys(path):
        password = os.environ.get("PORTAGE_DESKTOP_PASSWORD") or _ask(tr("Password: "), echo=False)
        return personal_keys.unlock_as(path, name, password).key
    return unlock(path, read_passphrase())


def _open_server(address: ServerAddress) -> Database:
    """Connect; if the server wants a password that PGPASSWORD or ~/.pgpass did not give,
    ask in a terminal (never on the command line, where others could see it)."""
    from portage_desktop.data.engine import ServerPasswordNeeded
    from portage_desktop.startup import open_server_and_migrate

    try:
        return open_server_and_migrate(address)
    except ServerPasswordNeeded as exc:
        if sys.stdin is None or not sys.stdin.isatty():
            raise UserError(
                tr("{exc} Set PGPASSWORD, or put it in ~/.pgpass.").format(exc=exc)
            ) from None
        password = getpass.getpass(tr("Password for {display}: ").format(display=address.display))
        return open_server_and_migrate(address.with_password(password))


def _ask(prompt: str, echo: bool) -> str:
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(
            tr(
                "this database has named accounts: set PORTAGE_DESKTOP_USER and "
                "PORTAGE_DESKTOP_PASSWORD, or run in a terminal to be asked"
            )
        )
    return input(prompt) if echo else getpass.getpass(prompt)

"""Storage errors, worded for the person using the app."""

from __future__ import annotations

from portage_desktop.i18n import tr


class DatabaseError(Exception):
    """A database problem explained in words a user can act on."""


class WrongPassphrase(DatabaseError):
    """The passphrase does not open this file (or the file is not a Portage Desktop database).

    The two cannot be told apart: an encrypted file looks like random bytes to a wrong key.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or tr(
                "That passphrase does not open these records. Check it and try again "
                "(or the file is not a Portage Desktop database)."
            )
        )


class ServerPasswordNeeded(DatabaseError):
    """A shared server wants a password: none was found (``wrong`` False) or the one given
    was refused (``wrong`` True). Either way the app may ask for one and try again."""

    def __init__(self, message: str, wrong: bool = False) -> None:
        super().__init__(message)
        self.wrong = wrong


class ServerUnavailable(DatabaseError):
    """The shared server stopped answering in the middle of an action; nothing was saved."""


class ServerRefused(DatabaseError):
    """The shared server's own privileges refused this action (a person's login may do only
    what their role allows there); nothing was saved."""

    def __init__(self) -> None:
        super().__init__(
            tr(
                "The shared server does not allow your account to do this, so it was not done. "
                "If you need to, please ask a manager."
            )
        )


class RecordChanged(Exception):
    """Someone saved this row after it was read for editing, so this save was refused.

    Raised instead of overwriting: the screen shows both versions and the person decides.
    """

    def __init__(self, table: str, record_id: int | None) -> None:
        super().__init__(
            tr("{table} {record_id} was changed by someone else").format(
                table=table, record_id=record_id
            )
        )
        self.table = table
        self.record_id = record_id

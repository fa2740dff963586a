"""Storage errors, worded for the person using the app."""

from __future__ import annotations


class DatabaseError(Exception):
    """A database problem explained in words a user can act on."""


class WrongPassphrase(DatabaseError):
    """The passphrase does not open this file (or the file is not a Portage Desktop database).

    The two cannot be told apart: an encrypted file looks like random bytes to a wrong key.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "That passphrase does not open these records. Check it and try again "
            "(or the file is not a Portage Desktop database)."
        )


class ServerPasswordNeeded(DatabaseError):
    """A shared server asks for a password and none was found, so the app may ask for one."""

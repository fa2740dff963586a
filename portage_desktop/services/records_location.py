"""Where the records are kept: this computer, or a shared PostgreSQL server for a team.

The choice is a preference of this computer (the settings file), not of the records, and it
takes effect at the next start: switching never copies records from one place to the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from portage_desktop.data import server_probe
from portage_desktop.data.engine import Database
from portage_desktop.data.server_probe import ServerReport
from portage_desktop.database_url import PASSWORD_SOURCES, BadAddress, parse, strip_password
from portage_desktop.i18n import tr
from portage_desktop.services.errors import ValidationError
from portage_desktop.settings import Settings

__all__ = ["LocationChoice", "ServerReport", "choose", "connection_encrypted", "test_server"]


@dataclass(frozen=True)
class LocationChoice:
    """What was saved, and anything the person should know about it."""

    use_server: bool
    address: str
    note: str


def test_server(text: str, password: str = "") -> ServerReport:
    """Try the address now (slow: run it off the GUI thread); ``password`` is used once."""
    try:
        address = parse(text)
    except BadAddress as exc:
        return ServerReport(False, str(exc))
    if password:
        address = address.with_password(password)
    return server_probe.probe(address)


def choose(
    settings: Settings, use_server: bool, text: str, own_logins: bool = False
) -> LocationChoice:
    """Record the choice in ``settings`` (the caller saves them); never keeps a password.

    ``own_logins``: everyone signs in to the server with their own login."""
    address, had_password = strip_password(text)
    if use_server:
        try:
            parse(address)
        except BadAddress as exc:
            raise ValidationError({"database_url": str(exc)}) from None
    settings.use_server = use_server
    settings.server_own_logins = use_server and own_logins
    if address:  # switching back to this computer keeps the server's address for later
        settings.database_url = address
    note = ""
    if had_password:
        note = tr(
            "The password was taken out of the address and not saved. It can come from "
            "{PASSWORD_SOURCES}."
        ).format(PASSWORD_SOURCES=PASSWORD_SOURCES)
    return LocationChoice(use_server, settings.database_url, note)


def connection_encrypted(db: Database) -> bool | None:
    """For the Settings screen: is the link to the server encrypted? None for a file."""
    return server_probe.connection_encrypted(db)

"""Addresses of shared PostgreSQL servers: read, check, and shown or saved without the password.

Pure Python on purpose: the settings file, the command line and the Settings screen all handle
addresses before (or without) the database layer being imported, and a password must never
reach the settings file, a log line or the window title.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from portage_desktop.i18n import tr

URL_ENV = "PORTAGE_DESKTOP_DATABASE_URL"
DEFAULT_PORT = 5432
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
EXAMPLE = "postgresql://portage@records.example.org/portage?sslmode=require"
# Where a server password may come from instead of the settings file (which never holds one).
PASSWORD_FILES = tr(
    "the PGPASSWORD environment variable or a ~/.pgpass file (%APPDATA%\\postgresql\\"
    "pgpass.conf on Windows)"
)
PASSWORD_SOURCES = tr("{PASSWORD_FILES}, or typing it when Portage Desktop starts").format(
    PASSWORD_FILES=PASSWORD_FILES
)
# libpq's choices for ``?sslmode=``. "prefer" (libpq's own default) encrypts only when the
# server offers it, so a look-alike server could be sent the records in the clear; "require"
# always encrypts; "verify-full" also checks the server's certificate against ``sslrootcert``,
# the safe choice across a network. The app asks for "require" unless the server is on this
# computer (where nothing crosses a network and most servers have no certificate).
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_SSLMODE = "require"
LOOPBACK_SSLMODE = "prefer"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """True for this computer: a loopback name or address, or a Unix socket's folder."""
    host = host.strip().lower()
    return not host or host.startswith("/") or host in LOOPBACK_HOSTS or host.startswith("127.")


_USERINFO_PASSWORD = re.compile(r"(://[^/@:?#]*):[^/@?#]*@")


class BadAddress(ValueError):
    """The text is not a PostgreSQL address the app can use; the message says why."""


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared database lives. ``password`` is held in memory only, never written."""

    host: str
    port: int | None
    database: str
    user: str = ""
    password: str = field(default="", repr=False)
    options: tuple[tuple[str, str], ...] = ()

    @property
    def display(self) -> str:
        """For the window, messages and logs: who, where and which database, no password."""
        where = self.host or dict(self.options).get("host", "") or tr("this computer")
        port = f":{self.port}" if self.port and self.port != DEFAULT_PORT else ""
        who = f"{self.user}@" if self.user else ""
        return f"{who}{where}{port}/{self.database}"

    def without_password(self) -> str:
        """The address to save in settings: the same server, the password taken out."""
        user = quote(self.user, safe="") + "@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = f":{self.port}" if self.port else ""
        query = f"?{urlencode(self.options)}" if self.options else ""
        return f"postgresql://{user}{host}{port}/{quote(self.database, safe='')}{query}"

    @property
    def sslmode(self) -> str:
        """How the connection is encrypted: the address's ``sslmode``, else ``PGSSLMODE``, else
        ``require`` (``prefer`` for a server on this computer)."""
        chosen = dict(self.options).get("sslmode") or os.environ.get("PGSSLMODE")
        if chosen:
            return chosen
        host = self.host or dict(self.options).get("host", "")
        return LOOPBACK_SSLMODE if is_loopback(host) else DEFAULT_SSLMODE

    def with_password(self, password: str) -> ServerAddress:
        return replace(self, password=password)


def parse(text: str) -> ServerAddress:
    """Read a ``postgresql://user[:password]@host[:port]/database[?options]`` address."""
    text = (text or "").strip()
    if not text:
        raise BadAddress(tr("Please type the address of the server."))
    scheme, sep, _rest = text.partition("://")
    if not sep:
        raise BadAddress(
            tr("The address should start with postgresql://, for example {EXAMPLE}").format(
                EXAMPLE=EXAMPLE
            )
        )
    if scheme.lower() not in SCHEMES:
        raise BadAddress(
            tr(
                "Only PostgreSQL servers can be used; the address should start with postgresql:// "
                "(not {scheme}://)."
            ).format(scheme=scheme)
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise BadAddress(tr("The port in the address must be a number from 1 to 65535.")) from None
    if parts.fragment:
        raise BadAddress(tr("The address cannot contain '#'."))
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise BadAddress(
            tr("The address must end with the name of the database, for example …/portage.")
        )
    options = tuple(parse_qsl(parts.query, keep_blank_values=True))
    sslmode = dict(options).get("sslmode")
    if sslmode is not None and sslmode not in SSL_MODES:
        raise BadAddress(
            tr(
                "sslmode={sslmode} is not a choice the server understands. Use sslmode=require "
                "to always encrypt, or sslmode=verify-full (with sslrootcert=) to also check the "
                "server's certificate."
            ).format(sslmode=sslmode)
        )
    host = parts.hostname or ""
    if not host and "host" not in dict(options):
        raise BadAddress(
            tr("The address needs the server's name, for example @records.example.org.")
        )
    return ServerAddress(
        host=host,
        port=port,
        database=database,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        options=options,
    )


def check(text: str) -> str:
    """A message about what is wrong with ``text``, or ``""`` if it is a usable address."""
    try:
        parse(text)
    except BadAddress as exc:
        return str(exc)
    return ""


def strip_password(text: str) -> tuple[str, bool]:
    """The address without its password, and whether there was one to take out.

    Text that is not a valid address is returned as it was (it holds no usable password);
    the caller shows the problem from :func:`check`.
    """
    try:
        address = parse(text)
    except BadAddress:
        cleaned = _USERINFO_PASSWORD.sub(r"\1@", text.strip())
        return cleaned, cleaned != text.strip()
    return address.without_password(), bool(address.password)


def from_environment() -> str:
    return os.environ.get(URL_ENV, "").strip()

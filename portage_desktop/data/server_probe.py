"""Checking a shared server before switching to it: can we connect, and what is in there?

Used by "Test connection" in Settings, so a site's IT person and the manager find out now,
not at the next start, that an address, password or database is not right.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from portage_desktop.data import migrate
from portage_desktop.data.engine import Database, DatabaseError, open_server
from portage_desktop.database_url import ServerAddress
from portage_desktop.i18n import tr


@dataclass(frozen=True)
class ServerReport:
    """Whether the app could use that server, and a sentence saying why or why not."""

    usable: bool
    message: str


@dataclass(frozen=True)
class _Contents:
    version: str
    revision: str | None
    other_tables: bool
    may_create: bool


def _contents(db: Database) -> _Contents:
    with db.engine.connect() as conn:
        version = str(conn.exec_driver_sql("SHOW server_version").scalar()).split(" ")[0]
        tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
        revision = MigrationContext.configure(conn).get_current_revision()
        may_create = bool(
            conn.exec_driver_sql("SELECT has_schema_privilege(current_schema(), 'CREATE')").scalar()
        )
    return _Contents(version, revision, bool(tables) and revision is None, may_create)


def probe(address: ServerAddress) -> ServerReport:
    """Connect to ``address`` and say whether Portage Desktop could keep its records there."""
    try:
        db = open_server(address)
    except DatabaseError as exc:
        return ServerReport(False, str(exc))
    try:
        found = _contents(db)
    except DBAPIError:
        return ServerReport(False, tr("Connected, but the server would not say what it holds."))
    finally:
        db.dispose()
    where = tr("Connected to PostgreSQL {version} at {display}.").format(
        version=found.version, display=address.display
    )
    if found.other_tables:
        return ServerReport(
            False,
            tr(
                "{where} That database already holds other tables, so it cannot be used: ask "
                "for an empty database made for Portage Desktop."
            ).format(where=where),
        )
    if found.revision is None:
        if not found.may_create:
            return ServerReport(
                False,
                tr(
                    "{where} The database is empty, but this account may not create tables in "
                    "it: ask for the account to be made the database's owner."
                ).format(where=where),
            )
        return ServerReport(
            True,
            tr(
                "{where} The database is empty: Portage Desktop will set it up when it starts, "
                "and you will create the first manager account."
            ).format(where=where),
        )
    try:
        ScriptDirectory.from_config(migrate._config()).get_revision(found.revision)
    except CommandError:
        return ServerReport(False, f"{where} {migrate.NEWER_VERSION}")
    if found.revision == migrate.head_revision():
        return ServerReport(
            True, tr("{where} It holds Portage Desktop records.").format(where=where)
        )
    return ServerReport(
        True,
        tr(
            "{where} It holds Portage Desktop records from an earlier version, which will be "
            "updated when Portage Desktop starts."
        ).format(where=where),
    )


def connection_encrypted(db: Database) -> bool | None:
    """Whether this app's connection to its server is encrypted (TLS); None for a file."""
    if not db.on_server:
        return None
    with db.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).scalar()
    return bool(found)

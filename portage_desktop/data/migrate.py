"""Bring a database to the current schema, safely.

Before any migration runs on a file that already holds data, a backup is taken with the SQLite
backup API (once: a retry after a failure reuses it). The whole chain then runs in one
transaction, on a file as on a server, so a crash or a kill part-way leaves the file exactly
as it was. A file found part-updated by an older version (its version row says one thing, its
tables another) is reported as such, with the pre-upgrade backup that is known to update.

A shared server's backups are its administrator's job (pg_dump), and two copies of the app
starting at once must not both migrate it, so there the chain runs under an advisory lock
(PostgreSQL's DDL is transactional: all or nothing). A database written by a newer version
of the app is refused, never "repaired".

Opening an up-to-date file only reads its revision and compares it with
:data:`HEAD_REVISION`: loading Alembic and every migration script costs about half a second, so
that happens only when there is something to migrate (a test keeps the constant equal to the
newest script).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from portage_desktop.data.backup import make_backup
from portage_desktop.data.engine import Database, DatabaseError, sqlite_engine
from portage_desktop.data.server_access.apply import owns_schema
from portage_desktop.data.upgrade_check import UpgradeFailed, reusable_backup, usable_backup
from portage_desktop.i18n import tr

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from portage_desktop.data.cipher import KeyMaterial

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration in migrations/versions; update it with each new migration.
HEAD_REVISION = "0014"
# pg_advisory_xact_lock keys: any constant unlikely to clash with other software on the server.
SETUP_LOCK = 0x504F_5254_4147_4501  # "PORTAGE" + 1: schema changes and shipped checklists

ASK_THE_OWNER = tr(
    "This version of Portage Desktop needs to update the records on the server, and only the "
    "server's owner account may do that. Please ask a manager to start this version once "
    "with the owner's account, or ask whoever looks after the server; nothing has been changed."
)
NEWER_VERSION = tr(
    "This database was saved by a newer version of Portage Desktop. "
    "Please install the newer version to open it; nothing has been changed."
)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision, as Alembic finds it from the scripts themselves."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    """The revision the database is at (``None`` for a new, empty one), read without Alembic."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _has_tables(conn: Connection, besides: frozenset[str] = frozenset()) -> bool:
    return bool(set(inspect(conn).get_table_names()) - besides)


def hold_setup_lock(conn: Connection) -> None:
    """On a server, wait for any other copy of the app that is setting the database up.

    The lock is released when the caller's transaction ends; on a file it is a no-op (SQLite
    already lets one writer at a time in).
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SETUP_LOCK})


def _refuse_newer(script: ScriptDirectory, current: str | None) -> None:
    from alembic.util import CommandError

    if current is None:
        return
    try:
        script.get_revision(current)
    except CommandError as exc:
        raise DatabaseError(NEWER_VERSION) from exc


def upgrade_to_head(db: Database, backup_dir: Path | None) -> Path | None:
    """Migrate ``db`` to the newest schema; return the pre-migration backup, if one was needed."""
    if db.on_server:
        _upgrade_server(db)
        return None
    current = current_revision(db)
    if current == HEAD_REVISION:
        return None
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    _refuse_newer(script, current)
    head = script.get_current_head()
    if current == head:
        return None
    backup = None
    if db.path is not None and backup_dir is not None:
        with db.engine.connect() as conn:
            has_data = _has_tables(conn)
        if has_data:
            backup = reusable_backup(db.path, backup_dir, current, db.key)
            if backup is None:
                backup = make_backup(db.path, backup_dir, reason="before-upgrade", key=db.key)
                log.info("Backed up before migrating from %s to %s", current, head)
            else:
                log.info("Reusing the backup taken before an earlier attempt to migrate")
    if db.path is None:
        upgrade_in_one_transaction(db.engine)
        return backup
    try:
        upgrade_file(db.path, db.key)
    except DBAPIError as exc:
        log.error("Migrating from %s failed: %s", current, type(exc.orig).__name__)
        found = usable_backup(db.path, backup_dir, db.key, upgrade_file) if backup_dir else None
        raise UpgradeFailed(db.path, found, half_done=_looks_half_done(exc)) from exc
    return backup


def upgrade_in_one_transaction(engine: Engine) -> None:
    """Run the whole chain to head inside one transaction on ``engine``."""
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def upgrade_file(path: Path, key: KeyMaterial | None) -> None:
    """Migrate the file at ``path`` to head, all or nothing (see ``sqlite_engine``)."""
    engine = sqlite_engine(path, key, whole_transactions=True)
    try:
        upgrade_in_one_transaction(engine)
    finally:
        engine.dispose()


def _looks_half_done(exc: DBAPIError) -> bool:
    """True when the failure says the file already has what the next step would add."""
    text = str(exc.orig).lower()
    return "already exists" in text or "duplicate column" in text


def _upgrade_server(db: Database) -> None:
    """The whole chain in one transaction, one copy of the app at a time; no file backup."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    try:
        with db.engine.begin() as conn:
            hold_setup_lock(conn)
            # Read only after the lock: another copy may have just finished migrating.
            current = MigrationContext.configure(conn).get_current_revision()
            _refuse_newer(script, current)
            if current == head:
                return
            # A person's own login (see ``server_access``) may not change the schema: say so
            # before trying, rather than failing part-way with the server's error.
            if current is not None and owns_schema(conn) is False:
                raise DatabaseError(ASK_THE_OWNER)
            # Alembic's own table may be left in a database that was emptied by downgrading.
            if current is None and _has_tables(conn, besides=frozenset({"alembic_version"})):
                raise DatabaseError(
                    tr(
                        "The database {value} already holds "
                        "tables that are not Portage Desktop's. Please use an empty database made "
                        "for Portage Desktop (the README says how); nothing has been changed."
                    ).format(value=db.server.display if db.server else "")
                )
            log.info(
                "Migrating the server database from %s to %s (no file backup is taken on a "
                "server: its backups are the server administrator's job)",
                current,
                head,
            )
            cfg = _config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            # New tables have no planner statistics until autovacuum reaches them (minutes to
            # hours): until then the Dashboard took 838 ms instead of 89 ms on the large site.
            conn.exec_driver_sql("ANALYZE")
    except DBAPIError as exc:
        log.error("Migrating the server database failed: %s", type(exc.orig).__name__)
        state = getattr(exc.orig, "sqlstate", None) or ""
        if state == "42501":
            raise DatabaseError(
                tr(
                    "The server's account may not create tables in this database, so Portage "
                    "Desktop cannot set it up or update it. Ask whoever looks after the server to "
                    "make the account the database's owner (the README says how)."
                )
            ) from exc
        raise DatabaseError(
            tr(
                "The database on the server could not be set up or updated, and nothing was "
                "changed. Please try again; if it keeps happening, ask whoever looks after the "
                "server to check its log."
            )
        ) from exc


def analyse(db: Database) -> None:
    """Refresh the server's planner statistics after a bulk import (no-op on a file).

    PostgreSQL plans queries from statistics that autovacuum gathers only later; straight after
    thousands of rows arrive, it guesses badly and site-wide screens run ten times slower.
    """
    if not db.on_server:
        return
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")

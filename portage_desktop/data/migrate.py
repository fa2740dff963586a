"""Bring a database to the current schema, safely.

Before any migration runs on a database that already holds data, a backup is taken with the
SQLite backup API. A database written by a newer version of the app is refused, never "repaired".
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from portage_desktop.data.backup import make_backup
from portage_desktop.data.engine import Database, DatabaseError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _has_tables(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT 1 FROM sqlite_master LIMIT 1").fetchall())


def upgrade_to_head(db: Database, backup_dir: Path | None) -> Path | None:
    """Migrate ``db`` to the newest schema; return the pre-migration backup, if one was needed."""
    script = ScriptDirectory.from_config(_config())
    current = current_revision(db)
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError as exc:
            raise DatabaseError(
                "This database was saved by a newer version of Portage Desktop. "
                "Please install the newer version to open it; nothing has been changed."
            ) from exc
    head = script.get_current_head()
    if current == head:
        return None
    backup = None
    if db.path is not None and backup_dir is not None and _has_tables(db):
        backup = make_backup(db.path, backup_dir, reason="before-upgrade", key=db.key)
        log.info("Backed up before migrating from %s to %s", current, head)
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup

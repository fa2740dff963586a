"""Bring a database to the current schema, safely.

Before any migration runs on a database that already holds data, a backup is taken with the
SQLite backup API. A database written by a newer version of the app is refused, never "repaired".

Opening an up-to-date database only reads its revision and compares it with
:data:`HEAD_REVISION`: loading Alembic and every migration script costs about half a second, so
that happens only when there is something to migrate (a test keeps the constant equal to the
newest script).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from portage_desktop.data.backup import make_backup
from portage_desktop.data.engine import Database, DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration in migrations/versions; update it with each new migration.
HEAD_REVISION = "0009"


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
    """The revision the database is at (``None`` for a new, empty one)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _has_tables(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def upgrade_to_head(db: Database, backup_dir: Path | None) -> Path | None:
    """Migrate ``db`` to the newest schema; return the pre-migration backup, if one was needed."""
    current = current_revision(db)
    if current == HEAD_REVISION:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    script = ScriptDirectory.from_config(_config())
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

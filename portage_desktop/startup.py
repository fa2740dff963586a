"""Opening a database the same way for the window, the command line and tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from portage_desktop.data import assessment_store, demo, migrate
from portage_desktop.data.engine import Database, open_database


def open_and_migrate(path: Path, backup_dir: Path | None) -> Database:
    """Check, open and migrate ``path``; raises ``DatabaseError`` with a user-facing message."""
    db = open_database(path)
    try:
        migrate.upgrade_to_head(db, backup_dir)
        with db.session() as session:
            assessment_store.install_shipped(session)
    except Exception:
        db.dispose()
        raise
    return db


def make_demo(path: Path, children: int = 12, seed: int = 1, today: date | None = None) -> Database:
    """Write a fresh demo database at ``path``, replacing any earlier demo file there."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_and_migrate(path, backup_dir=None)
    demo.populate(db, children=children, seed=seed, today=today)
    return db

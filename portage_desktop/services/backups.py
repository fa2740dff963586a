"""Backup and restore as the user sees them: make one now, list them, put one back."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from portage_desktop.data import backup as backup_store
from portage_desktop.data import key_slots, migrate
from portage_desktop.data.backup import BackupInfo
from portage_desktop.data.cipher import WrongPassphrase
from portage_desktop.data.engine import Database, DatabaseError
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require

__all__ = ["SERVER_BACKUPS", "BackupInfo", "back_up", "list_backups", "restore_backup"]

log = logging.getLogger(__name__)

SERVER_BACKUPS = tr(
    "These records are on a shared PostgreSQL server, so Portage Desktop does not make or "
    "restore backups of them: that is the job of whoever looks after the server (for "
    "example with pg_dump, every night)."
)


def back_up(
    db: Database,
    backup_dir: Path,
    keep: int,
    reason: str = "manual",
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """A verified copy of the open database, pruned to the newest ``keep`` routine backups."""
    if db.on_server or db.path is None:
        raise DatabaseError(SERVER_BACKUPS)
    made = backup_store.make_backup(
        db.path, backup_dir, reason=reason, keep=keep, progress=progress, key=db.key
    )
    try:
        # The anchor beside the file (the backup carries its own head already), and the key
        # slots that open the backup.
        audit.anchor_now(db)
        key_slots.copy_beside(db.path, made)
    except OSError as exc:  # the backup itself is good; say so in the log, not as a failure
        log.warning("The backup's metadata could not be written (%s).", type(exc).__name__)
    return made


def daily_backup_due(db: Database, backup_dir: Path, now: datetime | None = None) -> bool:
    """True when no routine backup is younger than a day."""
    if db.path is None:
        return False
    newest = backup_store.newest_routine(backup_dir, db.path.stem)
    return newest is None or (now or datetime.now()) - newest.created >= timedelta(days=1)


def list_backups(db: Database, backup_dir: Path) -> list[BackupInfo]:
    if db.on_server:
        return []
    return backup_store.list_backups(backup_dir, db.path.stem if db.path else None)


def restore_backup(db: Database, backup: Path, backup_dir: Path) -> Path:
    """Replace the open database with ``backup`` and bring it to the current schema.

    The current contents are kept aside first, and their location is returned, so a restore
    chosen by mistake can itself be undone from the same list.
    """
    require(db, Permission.RESTORE_BACKUP)
    if db.on_server or db.path is None:
        raise DatabaseError(SERVER_BACKUPS)
    try:
        backup_store.verify(backup, db.key)
    except WrongPassphrase as exc:
        raise DatabaseError(
            tr(
                "That backup was made with a different passphrase (before it was changed), "
                "or it is not a Portage Desktop backup. It has not been restored."
            )
        ) from exc
    db.dispose()
    aside = backup_store.restore(backup, db.path, backup_dir, db.key)
    migrate.upgrade_to_head(db, backup_dir)
    audit.anchor_after_restore(db, backup_dir)
    return aside

"""Getting back to work after the database file is found damaged at start-up."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from portage_desktop.data import backup as backup_store
from portage_desktop.data.cipher import KeyMaterial
from portage_desktop.data.errors import DatabaseError

log = logging.getLogger(__name__)


def latest_verified_backup(
    database: Path, backup_dir: Path, key: KeyMaterial | None
) -> Path | None:
    """The newest backup of ``database`` that opens with ``key`` and passes integrity_check."""
    for info in backup_store.list_backups(backup_dir, database.stem):
        try:
            backup_store.verify(info.path, key)
        except DatabaseError:
            continue
        return info.path
    return None


def replace_damaged(database: Path, backup: Path, key: KeyMaterial | None) -> Path:
    """Move the damaged file aside (never delete it), then put ``backup`` in its place."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = database.with_name(f"{database.stem}-damaged-{stamp}.db")
    database.rename(aside)
    for suffix in ("-wal", "-shm"):
        extra = Path(f"{database}{suffix}")
        if extra.exists():
            extra.rename(Path(f"{aside}{suffix}"))
    backup_store._copy(backup, database, key, None)
    backup_store.verify(database, key)
    log.warning("Replaced a damaged database with its latest verified backup")
    return aside

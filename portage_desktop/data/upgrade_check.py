"""What to do when updating a file's schema fails: which backup to reuse, which to offer.

Kept apart from :mod:`migrate` (which runs the update) because these questions are about backup
files. A retry must not add a backup each time (the file has not changed since the last one),
and the copy offered after a failure must be one that is known to update: an older version
of the app, killed part-way, could have taken "before-upgrade" copies of an already broken file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from portage_desktop.data import backup as backup_store
from portage_desktop.data import cipher
from portage_desktop.data.cipher import KeyMaterial
from portage_desktop.data.errors import DatabaseError
from portage_desktop.i18n import tr

log = logging.getLogger(__name__)

BEFORE_UPGRADE = "before-upgrade"
# Trying a candidate copies and migrates it (about a second each): a few are plenty.
MAX_TRIALS = 5


class UpgradeFailed(DatabaseError):
    """The schema update failed and was rolled back; ``backup`` (if any) is known to update.

    ``half_done``: the file already held part of the update, left by an older version of the
    app that was stopped part-way (this version updates in one transaction).
    """

    def __init__(self, database: Path, backup: Path | None, half_done: bool) -> None:
        self.database, self.backup, self.half_done = database, backup, half_done
        if half_done:
            first = tr(
                "{name} was only partly updated to this version of Portage Desktop "
                "(an earlier update was stopped part-way, for example by a power cut), so it "
                "cannot be opened as it is. Nothing more has been changed."
            ).format(name=database.name)
        else:
            first = tr(
                "{name} could not be updated to this version of Portage Desktop. "
                "Nothing in it was changed."
            ).format(name=database.name)
        if backup is not None:
            second = tr(
                " A copy taken before the update ({backup_taken}) has been checked and "
                "updates correctly. Start Portage Desktop to put that copy back."
            ).format(backup_taken=backup_taken(backup))
        else:
            second = tr(" No checked copy from before the update was found: please ask for help.")
        super().__init__(first + second)


def backup_taken(path: Path) -> str:
    """When a backup was made, UK style, from its name (or the file's time)."""
    for info in backup_store.list_backups(path.parent):
        if info.path == path:
            return f"{info.created:%d/%m/%Y at %H:%M}"
    return f"{datetime.fromtimestamp(path.stat().st_mtime):%d/%m/%Y at %H:%M}"


def _fingerprint(path: Path, key: KeyMaterial | None) -> tuple[object, ...] | None:
    """The revision, the schema and each table's row count: equal for a file and its copy.

    Tells a backup of this file from one of another file with the same name, which the
    shared backups folder can also hold."""
    try:
        conn = cipher.connect(path, key if cipher.file_state(path) == "encrypted" else None, True)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            tables = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
            ).fetchall()
            counts = [
                conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name, _ in tables
            ]
        finally:
            conn.close()
    except cipher.DBAPI_ERRORS:
        return None
    return (revision[0] if revision else None, tuple(tables), tuple(counts))


def _same_file(database: Path, backup: Path) -> bool:
    """For encrypted files, a copy keeps the file's random salt; plain files have none."""
    if cipher.file_state(database) != "encrypted":
        return True
    return cipher.read_salt(database) == cipher.read_salt(backup)


def _last_change(database: Path) -> float:
    times = [database.stat().st_mtime]
    wal = Path(f"{database}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        times.append(wal.stat().st_mtime)
    return max(times)


def reusable_backup(
    database: Path, backup_dir: Path, revision: str | None, key: KeyMaterial | None
) -> Path | None:
    """The newest pre-upgrade backup if it already holds the file as it is now.

    It must be no older than the file's last change and match it (revision, schema, row
    counts), which is the case after a failed (rolled back) attempt: taking another would only
    add a copy per retry.
    """
    for info in backup_store.list_backups(backup_dir, database.stem):
        if info.reason != BEFORE_UPGRADE:
            continue
        if info.path.stat().st_mtime < _last_change(database) or not _same_file(
            database, info.path
        ):
            return None
        here = _fingerprint(database, key)
        if here is None or here[0] != revision or _fingerprint(info.path, key) != here:
            return None
        try:
            backup_store.verify(info.path, key)
        except DatabaseError:
            return None
        return info.path
    return None


def usable_backup(
    database: Path,
    backup_dir: Path,
    key: KeyMaterial | None,
    upgrade: Callable[[Path, KeyMaterial | None], None],
) -> Path | None:
    """The newest pre-upgrade backup that passes its check and updates to the newest schema.

    Each candidate is tried on a scratch copy (named ``.partial``, so start-up tidies it away
    if this is interrupted); the backup itself is never written.
    """
    candidates = [
        b
        for b in backup_store.list_backups(backup_dir, database.stem)
        if b.reason == BEFORE_UPGRADE and _same_file(database, b.path)
    ]
    for info in candidates[:MAX_TRIALS]:
        trial = info.path.with_suffix(".trial.partial")
        try:
            backup_store.verify(info.path, key)
            backup_store.copy_database(info.path, trial, key)
            upgrade(trial, key)
        except Exception:
            log.info("A pre-upgrade backup did not update; trying an older one")
            continue
        finally:
            backup_store.remove_with_journals(trial)
        return info.path
    return None

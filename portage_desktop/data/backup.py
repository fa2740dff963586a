"""Backups through the SQLite backup API (safe while the app has the file open, WAL included).

Every backup is written as ``.partial``, checked with ``integrity_check``, and only then renamed
into place; a backup that fails is deleted rather than kept as a false comfort, and the failure
is raised for the caller to report. Restore keeps the current file aside first.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from portage_desktop.data import audit_anchor, cipher
from portage_desktop.data.cipher import KeyMaterial, WrongPassphrase
from portage_desktop.data.engine import DatabaseError
from portage_desktop.i18n import tr

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}(?:-\d+)?)-(?P<reason>[a-z-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    """A backup file as the restore list shows it."""

    path: Path
    created: datetime
    reason: str
    size_bytes: int


JOURNALS = ("-journal", "-wal", "-shm")


def remove_with_journals(path: Path) -> None:
    """Delete ``path`` and any journal SQLite left beside it (for files that are not kept)."""
    for suffix in ("", *JOURNALS):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(src: Path, dst: Path, key: KeyMaterial | None) -> None:
    """A page-by-page copy of ``src`` to ``dst`` (both with ``key``), not verified."""
    _copy(src, dst, key, None)


def _copy(src: Path, dst: Path, key: KeyMaterial | None, progress: Progress | None) -> None:
    """Page-by-page copy; with a key both sides share it (and the salt), so pages copy as-is."""
    source = cipher.connect(src, key, readonly=True)
    target = cipher.connect(dst, key)
    try:

        def report(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        source.backup(target, pages=256, progress=report)
        # One self-contained file: checking it read-only then leaves no -wal or -shm beside it.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()


def verify(path: Path, key: KeyMaterial | None = None) -> None:
    """Raise :class:`DatabaseError` unless ``path`` is a readable, intact database for ``key``.

    Raises :class:`WrongPassphrase` when the file is encrypted with another passphrase.
    """
    state = cipher.file_state(path)
    if state == "encrypted":
        if key is None:
            raise WrongPassphrase()
        cipher.check_key(path, key)
    elif state != "plain":
        raise DatabaseError(
            tr("{name} is not a readable Portage Desktop backup.").format(name=path.name)
        )
    try:
        conn = cipher.connect(path, key if state == "encrypted" else None, readonly=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("SELECT count(*) FROM alembic_version").fetchone()
        finally:
            conn.close()
    except cipher.DBAPI_ERRORS as exc:
        raise DatabaseError(
            tr("{name} is not a readable Portage Desktop backup.").format(name=path.name)
        ) from exc
    if result != [("ok",)]:
        raise DatabaseError(tr("{name} is damaged and cannot be used.").format(name=path.name))


def make_backup(
    database: Path,
    backup_dir: Path,
    reason: str = "manual",
    keep: int = 10,
    progress: Progress | None = None,
    key: KeyMaterial | None = None,
) -> Path:
    """Write a verified backup of ``database`` into ``backup_dir`` and prune old ones."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{database.stem}-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        target = backup_dir / f"{database.stem}-{stamp}-{n}-{reason}.db"
        n += 1
    partial = target.with_suffix(".partial")
    try:
        _copy(database, partial, key, progress)
        verify(partial, key)
        partial.replace(target)
    except (*cipher.DBAPI_ERRORS, OSError) as exc:
        remove_with_journals(partial)
        log.error("A backup could not be written: %s", exc.__class__.__name__)
        raise DatabaseError(
            tr("The backup could not be written ({name__}).").format(name__=exc.__class__.__name__)
        ) from exc
    except DatabaseError as exc:
        remove_with_journals(partial)
        log.error("A backup failed its check and was not kept")
        raise DatabaseError(
            tr(
                "The backup was written but failed its check, so it was not kept. Your records "
                "themselves are unchanged; please try again, and if it happens again check the "
                "disk the backups are saved on. ({exc})"
            ).format(exc=exc)
        ) from exc
    except BaseException:  # cancelled: never leave half a backup
        remove_with_journals(partial)
        raise
    _record_head(target, key)
    prune(backup_dir, database.stem, keep)
    return target


def _record_head(backup: Path, key: KeyMaterial | None) -> None:
    """Every backup carries the audit chain's head as it is in the copy itself (the routine
    ones and those made before an upgrade or a restore alike), so cutting the log short later
    is detected from any of them."""
    try:
        conn = cipher.connect(backup, key, readonly=True)
        try:
            head = audit_anchor.head_in_file(conn)
        finally:
            conn.close()
        if head is not None:
            audit_anchor.record_in_backup(backup, head)
    except (*cipher.DBAPI_ERRORS, OSError) as exc:  # the backup itself is good and kept
        log.warning("A backup's audit head could not be written (%s)", type(exc).__name__)


def list_backups(backup_dir: Path, stem: str | None = None) -> list[BackupInfo]:
    """Backups newest first; files that do not follow the naming scheme are ignored."""
    found: list[BackupInfo] = []
    if not backup_dir.is_dir():
        return found
    for path in backup_dir.glob("*.db"):
        match = _NAME.match(path.name)
        if not match or (stem is not None and match["stem"] != stem):
            continue
        created = datetime.strptime(match["stamp"][:15], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, created, match["reason"], path.stat().st_size))
    # Two backups in one second are told apart by a counter ("-1-"), which is the newer.
    found.sort(key=lambda b: (b.created, _counter(b.path.name), b.path.name), reverse=True)
    return found


def _counter(name: str) -> int:
    match = _NAME.match(name)
    stamp = match["stamp"] if match else ""
    return int(stamp[16:]) if len(stamp) > 16 else 0


ROUTINE = ("manual", "on-close", "daily")


def to_keep(backups: list[BackupInfo], keep: int) -> set[Path]:
    """Grandfather-father-son rotation over routine backups (newest first in ``backups``).

    Keeps the newest ``keep``, plus the newest of each of the last 7 days, 5 weeks and
    12 months, so a problem noticed late can still be undone.
    """
    kept = {b.path for b in backups[: max(keep, 1)]}
    for bucket, count in (
        (lambda b: b.created.date(), 7),
        (lambda b: b.created.isocalendar()[:2], 5),
        (lambda b: (b.created.year, b.created.month), 12),
    ):
        seen: list[object] = []
        for info in backups:
            period = bucket(info)
            if period not in seen:
                seen.append(period)
                if len(seen) > count:
                    break
                kept.add(info.path)
    return kept


def prune(backup_dir: Path, stem: str, keep: int) -> None:
    """Rotate routine backups; copies made before an upgrade or a restore are never pruned."""
    routine = [b for b in list_backups(backup_dir, stem) if b.reason in ROUTINE]
    keep_paths = to_keep(routine, keep)
    for old in routine:
        if old.path not in keep_paths:
            old.path.unlink(missing_ok=True)
            for metadata in old.path.parent.glob(f"{old.path.name}.*"):  # .keys, .head
                metadata.unlink(missing_ok=True)


def newest_routine(backup_dir: Path, stem: str) -> BackupInfo | None:
    routine = [b for b in list_backups(backup_dir, stem) if b.reason in ROUTINE]
    return routine[0] if routine else None


def restore(backup: Path, database: Path, backup_dir: Path, key: KeyMaterial | None = None) -> Path:
    """Replace ``database`` with ``backup``; return where the previous contents were kept.

    The caller must have closed every connection to ``database`` first.
    """
    verify(backup, key)
    aside = None
    if database.exists() and database.stat().st_size > 0:
        aside = make_backup(database, backup_dir, reason="before-restore", key=key)
    # The backup is copied beside the records, checked, and renamed over them in one step: a
    # copy written straight over the file and killed half way left a file that no passphrase
    # opened. A kill before the rename leaves the records as they were (start-up removes the
    # unfinished copy); after it, the backup whole.
    temp = database.with_name(database.name + RESTORING)
    remove_with_journals(temp)
    try:
        _copy(backup, temp, key, None)
        verify(temp, key)
        cipher.sync_file(temp)
        if database.exists():
            _empty_log(database, key)  # so no log of the old records lies beside the new file
        os.replace(temp, database)
        cipher.sync_folder(database.parent)
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    except (*cipher.DBAPI_ERRORS, OSError, DatabaseError) as exc:
        remove_with_journals(temp)
        raise DatabaseError(
            tr("The backup could not be restored; your data is unchanged.")
        ) from exc
    return aside or backup


RESTORING = ".restoring"  # a restore's checked copy, before it replaces the records


def _empty_log(database: Path, key: KeyMaterial | None) -> None:
    """Fold the write-ahead log into the file and empty it: every committed record is then in
    the file itself (and in the copy kept aside), and nothing is left to replay."""
    conn = cipher.connect(database, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


@dataclass(frozen=True)
class PlainCopies:
    """What became of the unencrypted copies found once a database was encrypted."""

    encrypted: int
    removed: int


def encrypt_plain_copies(database: Path, backup_dir: Path | None, key: KeyMaterial) -> PlainCopies:
    """Encrypt every plain backup of ``database`` with its new key, so no readable copy stays.

    Covers the backups (before an upgrade, a restore, or routine) and damaged files set aside
    beside the database. Each is encrypted in place atomically and opens with the same
    passphrase as the records; one that cannot be encrypted (it is damaged) is removed.
    """
    found = list(database.parent.glob(f"{database.stem}-damaged-*.db"))
    if backup_dir is not None:
        found += [b.path for b in list_backups(backup_dir, database.stem)]
    encrypted = removed = 0
    for path in found:
        if cipher.file_state(path) != "plain":
            continue
        try:
            cipher.encrypt_in_place(path, key)
            encrypted += 1
        except (*cipher.DBAPI_ERRORS, DatabaseError, OSError):
            remove_with_journals(path)
            remove_with_journals(path.with_name(path.name + cipher.ENCRYPTING))
            removed += 1
        log.info("Protected an unencrypted copy of the records")
    return PlainCopies(encrypted, removed)

"""Tidying up after a copy of the app that was killed: run at start-up, before the file opens.

Only files that can never hold a committed record are removed: unfinished backups
(``*.partial``, never renamed into place until checked), a restore's copy that was never
renamed over the records (``*.restoring``) and the empty journals of finished backups. The
database's own ``-wal`` and ``-journal`` are never touched: they may hold the last records
saved, and SQLite brings them back on the next open. An interrupted encryption
(``*.encrypting``) is finished or undone, whichever keeps the records.

Loads no database library (start-up calls it before the first window paints). The caller
must hold the database's lock (:mod:`file_lock`), so no other copy is writing these files.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from portage_desktop.data import file_lock
from portage_desktop.data.file_kind import PLAIN_HEADER, SALT_BYTES, file_state
from portage_desktop.i18n import tr

log = logging.getLogger(__name__)

ENCRYPTING = ".encrypting"  # the same suffix as cipher.ENCRYPTING (cipher loads SQLCipher)
RESTORING = ".restoring"  # the same as backup.RESTORING (backup loads SQLCipher too)
JOURNALS = ("-journal", "-wal", "-shm")

FINISHED = tr(
    "Portage Desktop was stopped last time while it was encrypting these records. The "
    "encryption has now been finished: use the new passphrase to open them."
)
UNDONE = tr(
    "Portage Desktop was stopped last time while it was encrypting these records, before "
    "anything was replaced. They are still as they were, not encrypted: you can encrypt them "
    "again when asked, or later from the Settings page."
)


def claim(database: Path, backup_dir: Path | None, force: bool = False) -> list[str]:
    """Keep other copies of the app off ``database``, then tidy up after any killed copy.

    Call before anything reads the file: an interrupted encryption can make it look like a
    wrong passphrase until it is finished. Raises :class:`file_lock.DatabaseInUse`; returns
    sentences to tell the person about what was tidied, if anything needs saying.
    """
    file_lock.acquire(database, force=force)
    return tidy(database, backup_dir)


def tidy(database: Path, backup_dir: Path | None) -> list[str]:
    """Clean up after a killed copy of the app; return sentences to tell the person, if any."""
    notices: list[str] = []
    # A restore killed before its rename: the records are as they were; the copy goes.
    restoring = database.with_name(database.name + RESTORING)
    for suffix in ("", *JOURNALS):
        _remove(Path(f"{restoring}{suffix}"))
    finished = finish_encrypting(database)
    if finished:
        notices.append(finished)
    if backup_dir is not None and backup_dir.is_dir():
        tidy_backups(backup_dir, database.stem)
    return notices


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    log.info("Removed a leftover file from an interrupted run")


def _zeroed(path: Path) -> bool:
    """True for the zeros an older version wrote over a plain file before replacing it."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    return len(head) >= SALT_BYTES and not head.strip(b"\0")


def finish_encrypting(database: Path) -> str | None:
    """Finish or undo an encryption that was killed; return what to tell the person.

    This version renames the finished, checked copy over the plain file in one step, so a
    leftover copy beside an intact plain file is unfinished work: it is removed. An older
    version overwrote the plain file with zeros first and was sometimes killed before the
    rename, leaving the records only in the copy: that copy (checked before the zeros were
    written) is put in place.
    """
    temp = database.with_name(database.name + ENCRYPTING)
    if not temp.exists():
        for suffix in JOURNALS:
            _remove(Path(f"{temp}{suffix}"))
        return None
    state = file_state(database)
    with temp.open("rb") as handle:
        head = handle.read(SALT_BYTES)
    copy_ok = len(head) == SALT_BYTES and head != PLAIN_HEADER
    if state == "plain":
        for suffix in ("", *JOURNALS):
            _remove(Path(f"{temp}{suffix}"))
        log.warning("Undid an interrupted encryption: the plain file was intact")
        return UNDONE
    if copy_ok and (state in ("missing", "empty") or _zeroed(database)):
        # Any log beside the zeroed file belongs to the plain records: replayed into the
        # encrypted copy it would damage it, and it holds plain text.
        for suffix in JOURNALS:
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        for suffix in JOURNALS:
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
        os.replace(temp, database)
        log.warning("Finished an interrupted encryption")
        return FINISHED
    log.warning("Left an unexplained %s file alone", ENCRYPTING)
    return None


def tidy_backups(backup_dir: Path, stem: str) -> None:
    """Remove unfinished backups of ``stem`` and empty journals beside finished ones."""
    for path in backup_dir.glob(f"{stem}-*"):
        name = path.name
        if ".partial" in name or (
            name.endswith(("-journal", "-wal")) and path.stat().st_size == 0
        ):  # never renamed into place, so never a backup
            _remove(path)
    for shm in backup_dir.glob(f"{stem}-*.db-shm"):
        # The shared-memory index is rebuilt on open; it only matters beside a log.
        if not Path(str(shm)[: -len("-shm")] + "-wal").exists():
            _remove(shm)

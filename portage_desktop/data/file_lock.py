"""One copy of the app at a time per database file: a lock file beside it.

``portage.db`` gets ``portage.db.lock``, holding which computer and process opened it and
when. The operating system's own lock on that file (``flock`` on POSIX, ``msvcrt.locking``
on Windows) is what keeps a second copy out, and it is released by the system when a copy
is killed, so a lock left by a crash on this computer is taken over without a question.
A lock file written by another computer is different: on some network drives that
computer's system lock cannot be seen from here, so the person is asked whether that
computer is really finished (``force``). Loads no database library.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from portage_desktop.data.errors import DatabaseError
from portage_desktop.i18n import tr

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
# Windows locks a byte range; this one lies past the owner's details, so they stay readable.
_WINDOWS_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class LockOwner:
    """Who holds (or last held) a database: shown to the person, never any record."""

    host: str
    pid: int
    since: datetime | None

    def describe(self) -> str:
        when = tr(" since {since:%H:%M on %d/%m/%Y}").format(since=self.since) if self.since else ""
        if self.host == socket.gethostname():
            return tr("in another copy of Portage Desktop on this computer{when}").format(when=when)
        return tr("in Portage Desktop on the computer {host}{when}").format(
            host=self.host, when=when
        )


class DatabaseInUse(DatabaseError):
    """Another copy of the app has this file open (or may have: ``may_be_stale``)."""

    def __init__(self, database: Path, owner: LockOwner, may_be_stale: bool) -> None:
        self.database, self.owner, self.may_be_stale = database, owner, may_be_stale
        if may_be_stale:
            message = tr(
                "{name} was opened {describe}, and that computer has not said "
                "it has finished with it. If Portage Desktop is still open there, close it "
                "first: two copies writing at once can lose work. If that computer was switched "
                "off or crashed, the records can safely be opened here."
            ).format(name=database.name, describe=owner.describe())
        else:
            message = tr(
                "{name} is already open {describe}. Please use that window, "
                "or close it and try again."
            ).format(name=database.name, describe=owner.describe())
        super().__init__(message)


class FileLock:
    """A held lock on one database; :meth:`release` (or leaving the process) lets go."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd

    def release(self) -> None:
        if self._fd < 0:
            return
        _held.pop(self.path, None)
        if os.name != "nt":  # remove while still holding, so no one else can lose a race
            self.path.unlink(missing_ok=True)
        else:
            os.ftruncate(self._fd, 0)
        os.close(self._fd)  # closing the handle releases the system lock
        self._fd = -1


_held: dict[Path, FileLock] = {}


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + LOCK_SUFFIX)


def acquire(database: Path, force: bool = False) -> FileLock:
    """Lock ``database`` for this process (again if it already holds it) or raise
    :class:`DatabaseInUse`. ``force``: the person said the other computer is finished."""
    path = lock_path(Path(database).resolve())
    if path in _held:
        return _held[path]
    for _attempt in range(5):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError as exc:
            raise DatabaseError(
                tr(
                    "The folder holding {name} cannot be written to, so the records "
                    "cannot be opened safely there. Check that the drive is connected and that you "
                    "may save files in that folder."
                ).format(name=Path(database).name)
            ) from exc
        if not _try_lock(fd):
            owner = _read_owner(fd)
            os.close(fd)
            # No details yet: the other copy has only just taken the lock.
            owner = owner or LockOwner(socket.gethostname(), 0, None)
            raise DatabaseInUse(database, owner, may_be_stale=False)
        if os.name != "nt" and _replaced(fd, path):
            os.close(fd)  # the holder removed it as we opened it: start again on the new one
            continue
        owner = _read_owner(fd)
        if owner is not None and owner.host != socket.gethostname() and not force:
            os.close(fd)
            raise DatabaseInUse(database, owner, may_be_stale=True)
        if owner is not None:
            log.warning("Took over a lock left by a copy of the app that was not closed")
        _write_owner(fd)
        lock = FileLock(path, fd)
        _held[path] = lock
        return lock
    raise DatabaseError(
        tr("{name} could not be locked; please try again.").format(name=Path(database).name)
    )


def release_all() -> None:
    for lock in list(_held.values()):
        lock.release()


atexit.register(release_all)


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _replaced(fd: int, path: Path) -> bool:
    try:
        return os.stat(path).st_ino != os.fstat(fd).st_ino
    except FileNotFoundError:
        return True


def _read_owner(fd: int) -> LockOwner | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, 4096).decode("utf-8") or "null")
        if not isinstance(data, dict):
            return None
        since = datetime.fromisoformat(data["since"]) if data.get("since") else None
        return LockOwner(str(data.get("host", "")), int(data.get("pid", 0)), since)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_owner(fd: int) -> None:
    details = {
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": datetime.now().isoformat(timespec="seconds"),
    }
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(details).encode("utf-8"))
    os.fsync(fd)

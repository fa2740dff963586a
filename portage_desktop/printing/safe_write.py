"""The one way a file the user asked for is written: a PDF, an export, a saved copy.

The place is chosen by a person (or a script), so it may be a device, a link planted by someone
else, a folder that is not there, or a disk that is full. Whatever happens, either the whole new
file is in place or the old one is untouched, and the reason is one plain sentence:

- a temporary file is created beside the target with a random name, exclusively and without
  following links (``O_CREAT | O_EXCL | O_NOFOLLOW``), readable by its owner only (0600);
- it is written in full and flushed to the disk (``fsync``) before it replaces the target
  (``os.replace``, atomic on one file system), and the temporary file is removed on any failure;
- a target that exists but is not an ordinary file (a device such as ``/dev/full``, a link, a
  folder) is refused rather than replaced or followed;
- a missing folder is refused: silently creating folders hides a typing mistake.

Qt-free and database-free, so the command line, the screens and the report builders share it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from portage_desktop.i18n import tr

_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_TRIES = 5


class OutputError(OSError):
    """A file could not be written, explained in one plain sentence.

    An ``OSError`` so that every place that already reports file errors plainly (the command
    line, the export and save dialogs) shows this message as it is, never a traceback.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.strerror = message
        self.filename = None

    def __str__(self) -> str:
        return str(self.strerror)


def check_target(target: Path) -> Path:
    """Refuse, before any work is done, a place that cannot hold the new file."""
    target = Path(target)
    if not target.name or target.name in (".", ".."):
        raise OutputError(
            tr("{target} is not a file name. Give one such as record.pdf.").format(target=target)
        )
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            tr(
                "The folder {folder} does not exist, so nothing was written. "
                "Choose a folder that exists, or create it first."
            ).format(folder=folder)
        )
    try:
        found = target.lstat()
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise _plain(exc, target) from None
    if stat.S_ISLNK(found.st_mode):
        raise OutputError(
            tr(
                "{target} is a link to another file, so nothing was written. "
                "Choose a different file name."
            ).format(target=target)
        )
    if stat.S_ISDIR(found.st_mode):
        raise OutputError(
            tr("{target} is a folder. Give a file name inside it, such as record.pdf.").format(
                target=target
            )
        )
    if not stat.S_ISREG(found.st_mode):
        raise OutputError(
            tr(
                "{target} is not an ordinary file (it is a device or similar), so nothing was "
                "written. Choose a file name in a folder such as Documents."
            ).format(target=target)
        )
    return target


def write_file(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` whole or not at all; returns ``target``.

    Raises :class:`OutputError` for anything that stops the write.
    """
    target = check_target(Path(target))
    temporary, handle = _create_temporary(target)
    try:
        try:
            _write_all(handle, data)
            os.fsync(handle)
        finally:
            os.close(handle)
        check_target(target)  # it may have been swapped for a link or a device meanwhile
        os.replace(temporary, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OutputError) or not isinstance(exc, OSError):
            raise
        raise _plain(exc, target) from None
    _sync_folder(target.parent)
    return target


def write_text(target: Path, text: str) -> Path:
    """:func:`write_file` for text, as UTF-8."""
    return write_file(target, text.encode("utf-8"))


def _create_temporary(target: Path) -> tuple[Path, int]:
    """A new file beside ``target`` that nobody else made: a planted name is never reused."""
    for _ in range(_TRIES):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(8)}.partial")
        try:
            return temporary, os.open(temporary, _FLAGS, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _plain(exc, target) from None
    raise OutputError(
        tr("{target} could not be written: the folder is crowded with leftovers.").format(
            target=target
        )
    )


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(handle, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no folder handles for this)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _plain(exc: OSError, target: Path) -> OutputError:
    """One sentence a person can act on, for the usual reasons a write fails."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return OutputError(
            tr(
                "The disk is full, so {target} was not written. Free some space and try again."
            ).format(target=target)
        )
    if code in (errno.EACCES, errno.EPERM):
        return OutputError(
            tr("You do not have permission to write in {parent}. Choose another folder.").format(
                parent=target.parent
            )
        )
    if code == errno.EROFS:
        return OutputError(
            tr("{parent} cannot be written to (it is read-only).").format(parent=target.parent)
        )
    if code == errno.ENAMETOOLONG:
        return OutputError(
            tr("The file name {name} is too long. Choose a shorter one.").format(name=target.name)
        )
    if code == errno.ELOOP:
        return OutputError(
            tr("{target} is a link to another file, so nothing was written.").format(target=target)
        )
    reason = exc.strerror or tr("file error")
    return OutputError(
        tr("{target} could not be written ({lower}).").format(target=target, lower=reason.lower())
    )

"""The log file: enough to diagnose a fault, never a child's or a family's details.

Only exception types and code locations are written for errors; exception messages can carry
record contents (SQL parameters, for example), so they are left out on purpose.
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path
from types import TracebackType

from portage_desktop.i18n import tr

_configured: set[Path] = set()
MAX_BYTES = 1_000_000
KEEP = 3  # earlier logs kept beside the current one: .1 (newest) to .3


def _rotate(log_file: Path) -> None:
    """Start a fresh log once the current one passes ``MAX_BYTES``, keeping ``KEEP`` earlier
    ones. Done when the app starts rather than mid-run (a run writes a few lines at most), so
    start-up need not load ``logging.handlers`` and everything it imports."""
    if not log_file.exists() or log_file.stat().st_size < MAX_BYTES:
        return
    for n in range(KEEP - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{n}")
        if older.exists():
            older.replace(log_file.with_name(f"{log_file.name}.{n + 1}"))
    log_file.replace(log_file.with_name(f"{log_file.name}.1"))


def setup_logging(log_file: Path) -> None:
    if log_file in _configured:
        return
    log_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    _rotate(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    if os.name == "posix":  # owner only, whatever the umask: the log names files and folders
        os.chmod(log_file, 0o600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured.add(log_file)


def redacted_traceback(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The stack of an error with its message removed, safe to keep in the log."""
    frames = "".join(traceback.format_tb(tb))
    return tr("{frames}{module__}.{qualname__} (message withheld)").format(
        frames=frames, module__=exc_type.__module__, qualname__=exc_type.__qualname__
    )

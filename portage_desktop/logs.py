"""The log file: enough to diagnose a fault, never a child's or a family's details.

Only exception types and code locations are written for errors; exception messages can carry
record contents (SQL parameters, for example), so they are left out on purpose.
"""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

_configured: set[Path] = set()


def setup_logging(log_file: Path) -> None:
    if log_file in _configured:
        return
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured.add(log_file)


def redacted_traceback(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The stack of an error with its message removed, safe to keep in the log."""
    frames = "".join(traceback.format_tb(tb))
    return f"{frames}{exc_type.__module__}.{exc_type.__qualname__} (message withheld)"

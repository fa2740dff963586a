"""The open file's integrity check, run after the records are on screen rather than before.

Reading and decrypting the whole file to check it took most of a second on a large site, and
the window waited for it. A file closed cleanly last time is opened straight away and checked
in the background; one left by a copy that was stopped (where damage is likeliest) is still
checked before anything is shown. If the background check fails, saving is paused (reading
goes on) and the person is told how to put a checked backup in place. Every backup is also
fully checked (``integrity_check``) before it is kept, which is the daily full check.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop.i18n import tr

if TYPE_CHECKING:  # start-up reads closed_cleanly before the database layer has loaded
    from portage_desktop.data.engine import Database

PAUSED = tr(
    "Your records did not pass their check after opening: the file may be damaged. So that "
    "nothing is written into a damaged file, saving is paused; you can still read "
    "everything. Put the latest checked backup in place with File > Restore from a backup…, "
    "then carry on."
)


def closed_cleanly(path: Path) -> bool:
    """True when the last copy of the app to use ``path`` folded its write-ahead log back
    in on the way out (a stopped one leaves it behind)."""
    wal = path.with_name(path.name + "-wal")
    try:
        return not wal.exists() or wal.stat().st_size == 0
    except OSError:
        return False


def check_open_file(db: Database) -> None:
    """Read the whole open file and check it; ``DatabaseError`` if it is damaged."""
    if db.path is None:  # a server checks its own storage
        return
    from portage_desktop.data.cipher import quick_check

    quick_check(db.path, db.key)


def pause_saving(db: Database) -> str:
    """Stop every write to ``db`` from now on; the words that say why."""
    db.writes_paused = PAUSED
    return PAUSED

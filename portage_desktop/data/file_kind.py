"""What a database path holds, told from its first bytes without opening it.

Kept apart from :mod:`cipher` (which loads SQLCipher and argon2) so start-up can decide which
screen to show first before loading either.
"""

from __future__ import annotations

from pathlib import Path

SALT_BYTES = 16
PLAIN_HEADER = b"SQLite format 3\x00"


def file_state(path: Path) -> str:
    """'missing', 'empty', 'plain' (an ordinary SQLite file) or 'encrypted'."""
    if not path.exists():
        return "missing"
    with path.open("rb") as handle:
        head = handle.read(SALT_BYTES)
    if not head:
        return "empty"
    return "plain" if head == PLAIN_HEADER else "encrypted"

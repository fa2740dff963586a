"""Anchors for the audit chain, kept outside the database file.

The chain inside the file shows an entry changed in place, but someone holding the key could
rewrite every hash after it, or cut the log short, and the chain would still add up. So the
head of the chain (its entry id, the number of entries up to it, its hash and its time) is
written to ``portage.db.anchor`` beside the database and into every backup's metadata
(``<backup>.db.head``). A later check that the chain still holds each anchored head detects
truncation and rewriting up to the newest anchor.

Both are small JSON files, written atomically and readable by the owner only.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from portage_desktop.data.models import AuditEntryRecord
from portage_desktop.i18n import tr

FORMAT = "portage-desktop-audit-anchor"
KEEP_HEADS = 2000  # one per open and per backup: years of use, a few hundred kilobytes


@dataclass(frozen=True)
class Head:
    """The chain's last entry at one moment: its id, how many entries, its hash and time."""

    entry_id: int
    count: int
    hash: str
    at: datetime

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        return data

    @staticmethod
    def from_json(data: dict[str, object]) -> Head:
        return Head(
            int(data["entry_id"]),  # type: ignore[call-overload]
            int(data["count"]),  # type: ignore[call-overload]
            str(data["hash"]),
            datetime.fromisoformat(str(data["at"])),
        )


def anchor_path(database: Path) -> Path:
    return database.with_name(database.name + ".anchor")


def backup_head_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".head")


def current_head(session: Session) -> Head | None:
    """The newest entry and the number of entries; ``None`` for an empty log."""
    last = session.exec(
        select(AuditEntryRecord).order_by(col(AuditEntryRecord.id).desc()).limit(1)
    ).first()
    if last is None or last.id is None:
        return None
    count = session.exec(select(func.count()).select_from(AuditEntryRecord)).one()
    return Head(last.id, int(count), last.hash, last.at)


def head_in_file(conn: Any) -> Head | None:
    """The head of the chain in a copy of the file (a DB-API connection to a backup), read with
    plain SQL so a copy of any schema that has the log can be read; ``None`` without one."""
    try:
        last = conn.execute("SELECT id, hash, at FROM audit_entry ORDER BY id DESC LIMIT 1")
        row = last.fetchone()
        count = conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    except Exception:  # an old file without the log (or its hash) has no head
        return None
    if row is None:
        return None
    at = row[2] if isinstance(row[2], datetime) else datetime.fromisoformat(str(row[2]))
    return Head(int(row[0]), int(count), str(row[1]), at)


def found_at(session: Session, head: Head) -> tuple[str, int] | None:
    """The hash stored now for ``head``'s entry and the number of entries up to it, or
    ``None`` when that entry is gone. One primary-key look-up and one indexed count."""
    row = session.get(AuditEntryRecord, head.entry_id)
    if row is None:
        return None
    upto = session.exec(
        select(func.count())
        .select_from(AuditEntryRecord)
        .where(col(AuditEntryRecord.id) <= head.entry_id)
    ).one()
    return row.hash, int(upto)


def _read(path: Path) -> list[Head]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [Head.from_json(item) for item in raw["heads"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError):
        # A damaged or emptied anchor file is itself a sign of tampering: report it as such.
        return [Head(0, 0, tr("damaged anchor file"), datetime.min)]


def _write(path: Path, heads: list[Head]) -> None:
    text = json.dumps({"format": FORMAT, "heads": [h.to_json() for h in heads]}, indent=0)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        os.chmod(temp, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def record(database: Path, head: Head) -> None:
    """Add ``head`` to the anchor file beside ``database`` (unless it is already the newest)."""
    heads = [h for h in _read(anchor_path(database)) if h.entry_id > 0]
    if heads and heads[-1] == head:
        return
    _write(anchor_path(database), [*heads, head][-KEEP_HEADS:])


def record_in_backup(backup: Path, head: Head) -> None:
    """The backup's metadata: the chain's head when the backup was made."""
    _write(backup_head_path(backup), [head])


def anchored(database: Path, backup_dir: Path | None) -> list[Head]:
    """Every head anchored beside ``database`` or in its backups' metadata, oldest first."""
    heads = set(_read(anchor_path(database)))
    if backup_dir is not None and backup_dir.is_dir():
        for meta in backup_dir.glob(f"{database.stem}-*.db.head"):
            heads.update(_read(meta))
    return sorted(heads, key=lambda h: (h.count, h.entry_id))


def restart(
    database: Path, backup_dir: Path | None, holds: Callable[[Head], bool], head: Head | None
) -> None:
    """After a restore, the log legitimately ends where the backup's did: keep the anchors it
    still holds, set aside (renamed ``.head-superseded``, never deleted) the backups' heads it
    does not, and anchor its head."""
    kept = [h for h in _read(anchor_path(database)) if h.entry_id > 0 and holds(h)]
    _write(anchor_path(database), [*kept, *([head] if head else [])][-KEEP_HEADS:])
    if backup_dir is not None and backup_dir.is_dir():
        for meta in backup_dir.glob(f"{database.stem}-*.db.head"):
            if not all(h.entry_id > 0 and holds(h) for h in _read(meta)):
                meta.replace(meta.with_name(meta.name + "-superseded"))

"""The audit log: who viewed, changed, printed or exported which record, and when.

Entries are append-only and each carries a SHA-256 hash of its own fields and the previous
entry's hash, so changing or deleting any entry breaks the chain and :func:`verify_chain` finds
it. Entries never hold record content: only the kind of record, its number and a short,
non-personal detail (such as which print kind).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from portage_desktop.data import audit_anchor, audit_store
from portage_desktop.data.audit_anchor import Head
from portage_desktop.data.engine import Database, DbSession
from portage_desktop.data.models import AuditEntryRecord, utc_now
from portage_desktop.i18n import tr
from portage_desktop.services.access import Permission, current_actor, require


class AuditAction(StrEnum):
    VIEW = "view"
    CREATE = "create"
    CHANGE = "change"
    ARCHIVE = "archive"
    PRINT = "print"
    EXPORT = "export"
    SHARE = "share"
    ERASE = "erase"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOCK = "lock"
    BACKUP = "backup"
    RESTORE = "restore"


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    record_kind: str
    record_id: int | None
    detail: str


def _digest(
    prev: str, at: datetime, actor: str, action: str, kind: str, record_id: int | None, detail: str
) -> str:
    stamp = at.replace(tzinfo=None).isoformat(timespec="microseconds")
    text = "\x1f".join([prev, stamp, actor, action, kind, str(record_id or ""), detail])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(
    session: DbSession,
    db: Database,
    action: AuditAction,
    record_kind: str,
    record_id: int | None = None,
    detail: str = "",
    actor: str | None = None,
) -> None:
    """Append an entry inside the caller's session, so it commits with the change it describes."""
    actor = actor or current_actor(db).username
    prev = audit_store.last_hash(session)
    at = utc_now()
    detail = detail[:200]
    entry = AuditEntryRecord(
        at=at,
        actor=actor,
        action=action.value,
        record_kind=record_kind,
        record_id=record_id,
        detail=detail,
        prev_hash=prev,
        hash=_digest(prev, at, actor, action.value, record_kind, record_id, detail),
    )
    audit_store.append(session, entry)
    session.flush()


def record_now(
    db: Database,
    action: AuditAction,
    record_kind: str,
    record_id: int | None = None,
    detail: str = "",
) -> None:
    """Append an entry on its own (for actions with no other write, such as printing)."""
    with db.session() as s:
        record(s, db, action, record_kind, record_id, detail)


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_broken_id: int | None = None


def verify_chain(db: Database) -> ChainCheck:
    """Recompute every hash in order; report the first entry that does not match."""
    prev = ""
    count = 0
    with db.session() as s:
        for row in audit_store.in_order(s):
            count += 1
            expected = _digest(
                prev, row.at, row.actor, row.action, row.record_kind, row.record_id, row.detail
            )
            if row.prev_hash != prev or row.hash != expected:
                return ChainCheck(False, count, row.id)
            prev = row.hash
    return ChainCheck(True, count)


@dataclass(frozen=True)
class AnchorCheck:
    """Whether the log still holds every head anchored outside the file; if not, which
    period is affected, in words for the person reading it."""

    ok: bool
    anchors: int
    problem: str = ""


def anchor_now(db: Database, backup: Path | None = None) -> None:
    """Anchor the chain's head beside the file (and in ``backup``'s metadata, if given).

    Called after a successful check on open and with every backup; a server has no file to
    anchor beside (its log is guarded by the server's own permissions and backups).
    """
    if db.path is None:
        return
    with db.session() as s:
        head = audit_anchor.current_head(s)
    if head is None:
        return
    audit_anchor.record(db.path, head)
    if backup is not None:
        audit_anchor.record_in_backup(backup, head)


def anchor_after_restore(db: Database, backup_dir: Path | None) -> None:
    """A restore ends the log where the backup's ended; start the anchors again from there."""
    if db.path is None:
        return
    with db.session() as s:
        head = audit_anchor.current_head(s)

        def holds(h: Head) -> bool:
            return audit_anchor.found_at(s, h) == (h.hash, h.count)

        audit_anchor.restart(db.path, backup_dir, holds, head)


def _when(at: datetime) -> str:
    return at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")


def _period(since: Head | None, until: Head) -> str:
    start = (
        tr("after {when}").format(when=_when(since.at))
        if since
        else tr("from the start of the log")
    )
    return tr("{start} up to {when}").format(start=start, when=_when(until.at))


def check_anchors(db: Database, backup_dir: Path | None = None) -> AnchorCheck:
    """Check that the chain still holds every anchored head (beside the file and in backups).

    Catches what :func:`verify_chain` cannot: a log cut short, or rewritten with fresh hashes.
    """
    if db.path is None:
        return AnchorCheck(True, 0)
    heads = audit_anchor.anchored(db.path, backup_dir)
    good: Head | None = None
    with db.session() as s:
        now = audit_anchor.current_head(s)
        for head in heads:
            if head.entry_id == 0:
                return AnchorCheck(
                    False,
                    len(heads),
                    tr(
                        "The audit log's anchor file beside the records is damaged, so the log "
                        "cannot be checked against it. Keep a copy of the records and the backups, "
                        "and tell your data protection lead."
                    ),
                )
            found = audit_anchor.found_at(s, head)
            if found == (head.hash, head.count):
                good = head
                continue
            held = now.count if now else 0
            if found is None or held < head.count:
                what = tr(
                    "cut short: on {when} it held {count} entries, and now it holds {held}"
                ).format(when=_when(head.at), count=head.count, held=held)
                # What survives ends at the log's last entry now (if later than the last
                # good anchor): everything after it, up to the anchored head, is gone.
                if now is not None and (good is None or now.count > good.count):
                    good = now
            else:
                what = tr("rewritten since it was anchored")
            return AnchorCheck(
                False,
                len(heads),
                tr(
                    "The audit log has been {what}. Entries {period} are missing or "
                    "changed. Keep a copy of the records and the backups, and tell your data "
                    "protection lead."
                ).format(what=what, period=_period(good, head)),
            )
    return AnchorCheck(True, len(heads))


def search(
    db: Database,
    actor: str | None = None,
    action: str | None = None,
    record_kind: str | None = None,
    record_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[AuditEntry]:
    """Entries newest first; only a manager may read the log."""
    require(db, Permission.VIEW_AUDIT)
    with db.session() as s:
        rows = audit_store.search(s, actor, action, record_kind, record_id, since, until)
        return [
            AuditEntry(r.id or 0, r.at, r.actor, r.action, r.record_kind, r.record_id, r.detail)
            for r in rows
        ]

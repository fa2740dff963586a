"""Storage for the audit log: append and read only; there is deliberately no update or delete."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlmodel import Session, col, select

from portage_desktop.data.models import AuditEntryRecord


def last_hash(session: Session) -> str:
    query = select(AuditEntryRecord.hash).order_by(col(AuditEntryRecord.id).desc()).limit(1)
    return session.exec(query).first() or ""


def append(session: Session, entry: AuditEntryRecord) -> None:
    session.add(entry)


def in_order(session: Session) -> Iterator[AuditEntryRecord]:
    query = select(AuditEntryRecord).order_by(col(AuditEntryRecord.id))
    yield from session.exec(query.execution_options(yield_per=1000))


def search(
    session: Session,
    actor: str | None = None,
    action: str | None = None,
    record_kind: str | None = None,
    record_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 2000,
) -> list[AuditEntryRecord]:
    query = select(AuditEntryRecord)
    if actor:
        query = query.where(AuditEntryRecord.actor == actor)
    if action:
        query = query.where(AuditEntryRecord.action == action)
    if record_kind:
        query = query.where(AuditEntryRecord.record_kind == record_kind)
    if record_id is not None:
        query = query.where(AuditEntryRecord.record_id == record_id)
    if since is not None:
        query = query.where(AuditEntryRecord.at >= since)
    if until is not None:
        query = query.where(AuditEntryRecord.at < until)
    query = query.order_by(col(AuditEntryRecord.id).desc()).limit(limit)
    return list(session.exec(query))

"""Storage for the audit log: append and read only; there is deliberately no update or delete.

Each entry's hash covers the previous entry's, so appends must happen one at a time even when
several copies of the app share one server: :func:`last_hash` first takes a lock that is held
until the appending transaction ends, so the next writer reads the hash this one wrote (an advisory
lock on a server, the write lock on a file).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import text
from sqlmodel import Session, col, select

from portage_desktop.data.models import AuditEntryRecord

# A pg_advisory_xact_lock key of the app's own ("PORTAGE" + 2), see migrate.SETUP_LOCK.
APPEND_LOCK = 0x504F_5254_4147_4502


def last_hash(session: Session) -> str:
    """The newest entry's hash, with the right to append after it until the session ends."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK})
    elif not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        # SQLite reads outside a transaction until the first write, so another copy could
        # append between this read and our insert: take the file's write lock first.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
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

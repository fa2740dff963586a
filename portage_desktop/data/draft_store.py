"""Storage for drafts of unsaved forms: at most one per child, form kind and record."""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import Session, col, select

from portage_desktop.data.models import utc_now
from portage_desktop.data.models.assessment import RecordDraftRecord


def _where(child_id: int, kind: str, target_id: int | None) -> list:  # type: ignore[type-arg]
    target = (
        col(RecordDraftRecord.target_id).is_(None)
        if target_id is None
        else col(RecordDraftRecord.target_id) == target_id
    )
    return [
        col(RecordDraftRecord.child_id) == child_id,
        col(RecordDraftRecord.kind) == kind,
        target,
    ]


def find(
    session: Session, child_id: int, kind: str, target_id: int | None
) -> RecordDraftRecord | None:
    """The draft kept for this child, form and record, if there is one."""
    return session.exec(select(RecordDraftRecord).where(*_where(child_id, kind, target_id))).first()


def put(session: Session, child_id: int, kind: str, target_id: int | None, payload: str) -> None:
    """Keep ``payload`` as the draft, replacing any earlier one."""
    row = find(session, child_id, kind, target_id) or RecordDraftRecord(
        child_id=child_id, kind=kind, target_id=target_id, payload=payload
    )
    row.payload = payload
    row.saved_at = utc_now()
    session.add(row)


def remove(session: Session, child_id: int, kind: str, target_id: int | None) -> None:
    """Forget the draft once the record is saved or the user discards it."""
    session.execute(delete(RecordDraftRecord).where(*_where(child_id, kind, target_id)))

"""Query functions for training records and their certificates.

Certificate contents are only read when someone opens one; lists load the other columns only.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from portage_desktop.data.models.training import TrainingAttachmentRecord, TrainingRecordRecord


def all_records(session: Session) -> list[TrainingRecordRecord]:
    query = select(TrainingRecordRecord).order_by(
        col(TrainingRecordRecord.staff_member_id), col(TrainingRecordRecord.id)
    )
    return list(session.exec(query))


def records_for_staff(session: Session, staff_id: int) -> list[TrainingRecordRecord]:
    query = (
        select(TrainingRecordRecord)
        .where(TrainingRecordRecord.staff_member_id == staff_id)
        .order_by(col(TrainingRecordRecord.id))
    )
    return list(session.exec(query))


AttachmentRow = tuple[int, int, str, str, int]


def attachment_rows(session: Session, record_ids: list[int]) -> list[AttachmentRow]:
    """(id, record id, file name, content type, size) for the given records, without content."""
    if not record_ids:
        return []
    query = (
        select(
            TrainingAttachmentRecord.id,
            TrainingAttachmentRecord.training_record_id,
            TrainingAttachmentRecord.filename,
            TrainingAttachmentRecord.content_type,
            TrainingAttachmentRecord.size,
        )
        .where(col(TrainingAttachmentRecord.training_record_id).in_(record_ids))
        .order_by(col(TrainingAttachmentRecord.id))
    )
    return [(a or 0, b, c, d, e) for a, b, c, d, e in session.exec(query)]


def attachment_count(session: Session, record_id: int) -> int:
    query = select(func.count()).where(TrainingAttachmentRecord.training_record_id == record_id)
    return session.exec(query.select_from(TrainingAttachmentRecord)).one()

"""Query functions for the setting, staff and children: the only SQL the services use.

Each takes an open session and returns table rows; converting rows to plain domain objects is the
services' job.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, select

from portage_desktop.data.models import ChildRecord, SettingRecord, StaffMemberRecord, utc_now


def first_setting(session: Session) -> SettingRecord | None:
    return session.exec(select(SettingRecord).order_by(SettingRecord.id)).first()


def all_staff(session: Session) -> list[StaffMemberRecord]:
    query = select(StaffMemberRecord).order_by(
        StaffMemberRecord.last_name, StaffMemberRecord.first_name
    )
    return list(session.exec(query))


def current_staff_count(session: Session, on: date) -> int:
    query = select(func.count()).where(
        or_(StaffMemberRecord.leave_date.is_(None), StaffMemberRecord.leave_date > on)  # type: ignore[union-attr]
    )
    return session.exec(query.select_from(StaffMemberRecord)).one()


def children_with_key_person(
    session: Session, include_archived: bool
) -> list[tuple[ChildRecord, StaffMemberRecord | None]]:
    """Children joined to their key person in one query, for the list screen."""
    query = select(ChildRecord, StaffMemberRecord).join(
        StaffMemberRecord,
        ChildRecord.key_person_id == StaffMemberRecord.id,  # type: ignore[arg-type]
        isouter=True,
    )
    if not include_archived:
        query = query.where(ChildRecord.archived_at.is_(None))  # type: ignore[union-attr]
    query = query.order_by(ChildRecord.last_name, ChildRecord.first_name)
    return [(child, staff) for child, staff in session.exec(query)]


def count_children(session: Session, archived: bool) -> int:
    column = ChildRecord.archived_at
    condition = column.is_not(None) if archived else column.is_(None)  # type: ignore[union-attr]
    return session.exec(select(func.count()).select_from(ChildRecord).where(condition)).one()


def touch(record: object) -> None:
    """Mark a row as just changed (every editable table has ``updated_at``)."""
    record.updated_at = utc_now()  # type: ignore[attr-defined]

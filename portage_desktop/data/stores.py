"""Query functions for the setting, staff and children: the only SQL the services use.

Each takes an open session and returns table rows; converting rows to plain domain objects is the
services' job.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Row, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from portage_desktop.data.errors import RecordChanged
from portage_desktop.data.models import ChildRecord, SettingRecord, StaffMemberRecord, utc_now

M = TypeVar("M")


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


def children_list_rows(session: Session, include_archived: bool) -> list[Row[Any]]:
    """Just the columns the children list shows, joined to the key person, in one query.

    Plain rows rather than ORM objects: building a thousand entities was most of the time
    the Children screen took to open.
    """
    child = ChildRecord.__table__  # type: ignore[attr-defined]
    staff = StaffMemberRecord.__table__  # type: ignore[attr-defined]
    query = sa_select(
        child.c.id,
        child.c.first_name,
        child.c.last_name,
        child.c.known_as,
        child.c.date_of_birth,
        child.c.sen_status,
        child.c.need_areas,
        child.c.archived_at,
        staff.c.first_name.label("kp_first"),
        staff.c.last_name.label("kp_last"),
    ).select_from(child.outerjoin(staff, child.c.key_person_id == staff.c.id))
    if not include_archived:
        query = query.where(child.c.archived_at.is_(None))
    return list(session.connection().execute(query))


def count_children(session: Session, archived: bool) -> int:
    column = ChildRecord.archived_at
    condition = column.is_not(None) if archived else column.is_(None)  # type: ignore[union-attr]
    return session.exec(select(func.count()).select_from(ChildRecord).where(condition)).one()


def save_record(
    session: Session,
    model: type[M],
    record_id: int | None,
    values: dict[str, Any],
    owner: tuple[str, int] | None = None,
    expected_version: int | None = None,
) -> M | None:
    """Create a row from ``values``, or update row ``record_id``; ``None`` if it is gone.

    ``owner`` (column, id), such as ("child_id", 7), is set on a new row and must match on an
    existing one, so a stale screen can never change another child's or person's row.
    ``expected_version`` is the ``row_version`` the screen was showing: if the row has moved on
    since, :class:`RecordChanged` is raised and nothing is written.
    """
    if record_id is None:
        record = model(**values, **({owner[0]: owner[1]} if owner else {}))
    else:
        found = session.get(model, record_id)
        if found is None or (owner and getattr(found, owner[0]) != owner[1]):
            return None
        check_version(found, expected_version)
        record = found
        for key, value in values.items():
            setattr(record, key, value)
        touch(record)
    session.add(record)
    session.flush()
    return record


def delete_record(
    session: Session, model: type[Any], record_id: int, owner: tuple[str, int] | None = None
) -> bool:
    """Delete one row (checking its owner as :func:`save_record` does); ``False`` if gone."""
    found = session.get(model, record_id)
    if found is None or (owner and getattr(found, owner[0]) != owner[1]):
        return False
    session.delete(found)
    session.flush()
    return True


def check_version(record: Any, expected_version: int | None) -> None:
    """Refuse to change a row someone saved after the screen read it (``None`` skips the check)."""
    if expected_version is not None and record.row_version != expected_version:
        raise RecordChanged(record.__tablename__, record.id)


def touch(record: object) -> None:
    """Mark a row as just changed (every editable table has ``updated_at``)."""
    record.updated_at = utc_now()  # type: ignore[attr-defined]

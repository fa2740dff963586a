"""Queries for a service's groups, their sessions and who was booked or came."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, func, select

from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.groups import (
    GroupAttendanceRecord,
    GroupSessionRecord,
    ServiceGroupRecord,
)
from portage_desktop.data.models.home_visiting import ReferralRecord


def groups(session: Session) -> list[ServiceGroupRecord]:
    return list(session.exec(select(ServiceGroupRecord).order_by(ServiceGroupRecord.name)))


def sessions(session: Session, group_id: int) -> list[GroupSessionRecord]:
    query = (
        select(GroupSessionRecord)
        .where(GroupSessionRecord.group_id == group_id)
        .order_by(GroupSessionRecord.held_on)
    )
    return list(session.exec(query))


def attendance(session: Session, session_ids: Sequence[int]) -> list[GroupAttendanceRecord]:
    if not session_ids:
        return []
    query = select(GroupAttendanceRecord).where(
        col(GroupAttendanceRecord.session_id).in_(list(session_ids))
    )
    return list(session.exec(query))


def attendance_of_child(session: Session, child_id: int) -> list[GroupAttendanceRecord]:
    query = select(GroupAttendanceRecord).where(GroupAttendanceRecord.child_id == child_id)
    return list(session.exec(query))


def known_to_the_service(session: Session, child_id: int) -> bool:
    """A child with a referral: only such families are booked on the service's groups."""
    found = select(ReferralRecord.id).where(ReferralRecord.child_id == child_id).limit(1)
    return session.exec(found).first() is not None


def names(session: Session, child_ids: Sequence[int]) -> dict[int, str]:
    if not child_ids:
        return {}
    rows = session.exec(select(ChildRecord).where(col(ChildRecord.id).in_(list(child_ids))))
    return {c.id or 0: f"{c.known_as or c.first_name} {c.last_name}" for c in rows}


def sessions_between(session: Session, first: date, last: date) -> int:
    """How many group sessions fall from ``first`` to ``last``."""
    query = select(func.count()).where(
        col(GroupSessionRecord.held_on) >= first, col(GroupSessionRecord.held_on) <= last
    )
    return int(session.exec(query).one() or 0)

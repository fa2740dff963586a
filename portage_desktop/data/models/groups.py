"""A home-visiting service's groups (Stay and Play for families newly referred or waiting, a
group for children not in a setting): each group's sessions, who was booked and who came, and
what was talked about."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class ServiceGroupRecord(Versioned, table=True):
    __tablename__ = "service_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    purpose: str = Field(default="", max_length=300)
    place: str = Field(default="", max_length=120)
    weekday: int = 0
    usual_time: str = Field(default="", max_length=5)
    active: bool = True
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class GroupSessionRecord(SQLModel, table=True):
    __tablename__ = "group_session"

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="service_group.id", index=True, ondelete="CASCADE")
    held_on: date = Field(index=True)
    notes: str = Field(default="", max_length=2000)


class GroupAttendanceRecord(SQLModel, table=True):
    """A family booked on a session, and (once recorded) whether the child came."""

    __tablename__ = "group_attendance"
    __table_args__ = (UniqueConstraint("session_id", "child_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="group_session.id", index=True, ondelete="CASCADE")
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    attendance: str = Field(default="booked", max_length=20)

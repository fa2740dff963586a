"""A service's groups (Stay and Play for families newly referred or waiting; groups for
children not in a setting): sessions planned on the group's day, passing over the service's
closure days as blocks of visits do; families booked (only families known to the service); who
came; and what was talked about."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import groups_store as store
from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models.groups import (
    GroupAttendanceRecord,
    GroupSessionRecord,
    ServiceGroupRecord,
)
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.home_visiting.rules import closed_days, list_closures
from portage_desktop.services.home_visiting.visits import clean_time, schedule_dates
from portage_desktop.services.home_visiting.vocabulary import Pattern

MAX_SESSIONS = 52  # a year of weekly sessions at once


class Attendance(StrEnum):
    BOOKED = "booked"  # not recorded yet
    CAME = "came"
    ABSENT_WITH_NOTICE = "absent_notice"
    ABSENT = "absent"

    @property
    def label(self) -> str:
        return {
            "booked": tr("Booked"),
            "came": tr("Came"),
            "absent_notice": tr("Did not come (told us)"),
            "absent": tr("Did not come"),
        }[self]


@dataclass(frozen=True)
class GroupInput:
    name: str
    purpose: str = ""
    place: str = ""
    weekday: int = 0
    usual_time: str = ""


@dataclass(frozen=True)
class Group:
    id: int
    version: int
    data: GroupInput
    sessions: int
    next_on: date | None


@dataclass(frozen=True)
class Booking:
    child_id: int
    child_name: str
    attendance: Attendance


@dataclass(frozen=True)
class GroupSession:
    id: int
    group_id: int
    held_on: date
    notes: str
    bookings: tuple[Booking, ...]

    @property
    def came(self) -> int:
        return sum(b.attendance is Attendance.CAME for b in self.bookings)


def save_group(
    db: Database, data: GroupInput, group_id: int | None = None, version: int | None = None
) -> int:
    """Add or change a group; its day must be a weekday, as the service's visits are."""
    require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    name = v.required_name(errors, "name", data.name, tr("the group's name"))
    usual_time = clean_time(errors, "usual_time", data.usual_time)
    if not 0 <= data.weekday <= 4:
        errors["weekday"] = tr("Please choose a weekday, Monday to Friday.")
    for field, text, limit in (("purpose", data.purpose, 300), ("place", data.place, 120)):
        if len((text or "").strip()) > limit:
            errors[field] = tr("Please keep this to {limit} characters.").format(limit=limit)
    if errors:
        raise ValidationError(errors)
    values = {
        "name": name,
        "purpose": data.purpose.strip(),
        "place": data.place.strip(),
        "weekday": data.weekday,
        "usual_time": usual_time,
    }
    with db.session() as s:
        row = stores.save_record(s, ServiceGroupRecord, group_id, values, version)
        audit.record(
            s,
            db,
            AuditAction.CREATE if group_id is None else AuditAction.CHANGE,
            "service_group",
            row.id,
        )
        return row.id or 0


def list_groups(db: Database, today: date) -> list[Group]:
    require(db, Permission.VIEW_CHILDREN)
    found = []
    with db.session() as s:
        for g in store.groups(s):
            days = [x.held_on for x in store.sessions(s, g.id or 0)]
            data = GroupInput(g.name, g.purpose, g.place, g.weekday, g.usual_time)
            upcoming = min((d for d in days if d >= today), default=None)
            found.append(Group(g.id or 0, g.row_version, data, len(days), upcoming))
    return found


def plan_sessions(
    db: Database, group_id: int, start_on: date | None, count: int, pattern: Pattern
) -> list[date]:
    """Plan ``count`` sessions from ``start_on`` on the group's day, passing over closure days
    (the group keeps its number of sessions) and days it already meets."""
    require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    if start_on is None:
        errors["start_on"] = tr("Please enter the date of the first session.")
    if not 1 <= count <= MAX_SESSIONS:
        errors["count"] = tr("Please plan from 1 to {MAX_SESSIONS} sessions at a time.").format(
            MAX_SESSIONS=MAX_SESSIONS
        )
    if errors:
        raise ValidationError(errors)
    assert start_on is not None
    closed = closed_days(list_closures(db))
    with db.session() as s:
        group = s.get(ServiceGroupRecord, group_id)
        if group is None:
            raise NotFoundError(tr("That group is no longer recorded."))
        already = {x.held_on for x in store.sessions(s, group_id)}
        days = schedule_dates(start_on, group.weekday, pattern, count, closed | already)
        for day in days:
            s.add(GroupSessionRecord(group_id=group_id, held_on=day))
        audit.record(s, db, AuditAction.CREATE, "group_session", group_id, f"{len(days)} planned")
    return days


def list_sessions(db: Database, group_id: int) -> list[GroupSession]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = store.sessions(s, group_id)
        booked = store.attendance(s, [r.id or 0 for r in rows])
        names = store.names(s, list({b.child_id for b in booked}))
    by_session: dict[int, list[Booking]] = {}
    for b in booked:
        by_session.setdefault(b.session_id, []).append(
            Booking(b.child_id, names.get(b.child_id, "(removed)"), Attendance(b.attendance))
        )
    return [
        GroupSession(
            r.id or 0,
            group_id,
            r.held_on,
            r.notes,
            tuple(sorted(by_session.get(r.id or 0, []), key=lambda b: b.child_name)),
        )
        for r in rows
    ]


def book(db: Database, session_id: int, child_id: int) -> None:
    """Book a family on a session: only a family the service knows (referred), once."""
    require(db, Permission.RECORD_VISITS)
    with db.session() as s:
        if s.get(GroupSessionRecord, session_id) is None:
            raise NotFoundError(tr("That session is no longer planned."))
        if not store.known_to_the_service(s, child_id):
            raise ValidationError(
                {"child": tr("Only a family referred to the service can be booked on its groups.")}
            )
        if any(b.child_id == child_id for b in store.attendance(s, [session_id])):
            raise ValidationError({"child": tr("That family is already booked on this session.")})
        s.add(GroupAttendanceRecord(session_id=session_id, child_id=child_id))
        audit.record(s, db, AuditAction.CREATE, "group_attendance", session_id, f"child {child_id}")


def record_session(
    db: Database, session_id: int, attendance: Mapping[int, Attendance], notes: str
) -> None:
    """Who came, and what was talked about, as one save."""
    require(db, Permission.RECORD_VISITS)
    text = (notes or "").strip()
    if len(text) > 2000:
        raise ValidationError({"notes": tr("Please keep the notes to 2,000 characters.")})
    with db.session() as s:
        row = s.get(GroupSessionRecord, session_id)
        if row is None:
            raise NotFoundError(tr("That session is no longer planned."))
        booked = {b.child_id: b for b in store.attendance(s, [session_id])}
        strangers = set(attendance) - set(booked)
        if strangers:
            raise ValidationError({"attendance": tr("Only families booked on it can be marked.")})
        for child_id, mark in attendance.items():
            booked[child_id].attendance = Attendance(mark).value
            s.add(booked[child_id])
        row.notes = text
        s.add(row)
        audit.record(s, db, AuditAction.CHANGE, "group_session", session_id)


def groups_of_child(db: Database, child_id: int) -> Counter[str]:
    """How many sessions the child came to, by group name (for the child's record)."""
    require(db, Permission.VIEW_CHILDREN)
    found: Counter[str] = Counter()
    with db.session() as s:
        names = {g.id: g.name for g in store.groups(s)}
        for mark in store.attendance_of_child(s, child_id):
            if mark.attendance == Attendance.CAME.value:
                session = s.get(GroupSessionRecord, mark.session_id)
                if session is not None:
                    found[names.get(session.group_id, "")] += 1
    return found

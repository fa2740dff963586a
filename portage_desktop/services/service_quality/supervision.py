"""Supervision of home visitors (individual or group) and team meetings: who was there, the
children discussed, and the actions agreed.

A child is discussed by name only where the parents' consent to discussion at supervision is
in force on the day; otherwise only her initials are stored, and the session keeps no link to
her record, so no later screen, print or export can name her from it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from portage_desktop.data import home_visiting_store as hv_store
from portage_desktop.data import service_quality_store as store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.service_quality import (
    SupervisionActionRecord,
    SupervisionAttendeeRecord,
    SupervisionChildRecord,
    SupervisionSessionRecord,
)
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, PermissionDenied, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.consent import list_consents
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting.caseloads import list_visitors
from portage_desktop.services.record_vocabulary import ConsentPurpose
from portage_desktop.services.service_quality.rules import rules_on

NO_CONSENT = tr("initials only: no consent to discussion at supervision")


class SessionKind(StrEnum):
    INDIVIDUAL = "individual"
    GROUP = "group"
    TEAM_MEETING = "team_meeting"

    @property
    def label(self) -> str:
        return {
            "individual": tr("Individual supervision"),
            "group": tr("Group supervision"),
            "team_meeting": tr("Team meeting"),
        }[self]

    @property
    def is_supervision(self) -> bool:
        return self is not SessionKind.TEAM_MEETING


@dataclass(frozen=True)
class ChildToDiscuss:
    """A child chosen on the screen (``child_id``) or typed as initials only."""

    child_id: int | None = None
    initials: str = ""
    note: str = ""


@dataclass(frozen=True)
class ActionInput:
    action: str
    owner: str
    due_on: date | None = None


@dataclass(frozen=True)
class SessionInput:
    held_on: date | None
    kind: SessionKind | str
    supervisor: str
    visitor_ids: tuple[int, ...]
    children: tuple[ChildToDiscuss, ...] = ()
    actions: tuple[ActionInput, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Discussed:
    child_id: int | None
    label: str  # the child's name, or her initials and why
    note: str

    @property
    def by_initials(self) -> bool:
        return self.child_id is None


@dataclass(frozen=True)
class Action:
    id: int
    action: str
    owner: str
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class SupervisionSession:
    id: int
    held_on: date
    kind: SessionKind
    supervisor: str
    visitor_ids: tuple[int, ...]
    visitor_names: tuple[str, ...]
    children: tuple[Discussed, ...]
    actions: tuple[Action, ...]
    notes: str


@dataclass(frozen=True)
class SavedSession:
    session: SupervisionSession
    notices: tuple[str, ...]  # which children were kept by initials, said once on saving


def initials_of(first: str, last: str) -> str:
    return "".join(f"{part[0].upper()}." for part in (first.strip(), last.strip()) if part)


def discussion_allowed(db: Database, child_id: int, on: date) -> bool:
    """The latest decision about discussion made by ``on`` is consent still in force."""
    decisions = [
        c
        for c in list_consents(db, child_id)
        if c.purpose is ConsentPurpose.DISCUSS_IN_MEETINGS
        and c.decided_on is not None
        and c.decided_on <= on
    ]
    if not decisions:
        return False
    return max(decisions, key=lambda c: (c.decided_on, c.id)).in_force(on)


def validate_session(data: SessionInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.kind not in set(SessionKind):
        errors["kind"] = tr(
            "Please choose individual supervision, group supervision or a team meeting."
        )
    v.required_name(errors, "supervisor", data.supervisor, tr("name of who led it"))
    if data.held_on is None:
        errors["held_on"] = tr("Please enter the date it was held.")
    elif data.held_on > today:
        errors["held_on"] = tr("The date cannot be in the future.")
    if not data.visitor_ids:
        errors["visitors"] = tr("Please tick at least one home visitor who was there.")
    elif data.kind == SessionKind.INDIVIDUAL and len(data.visitor_ids) > 1:
        errors["visitors"] = tr(
            "Individual supervision is for one home visitor: choose group instead."
        )
    for child in data.children:
        if child.child_id is None and not child.initials.strip():
            errors["children"] = tr("Please choose the child, or type her initials.")
    for action in data.actions:
        if not action.action.strip() or not action.owner.strip():
            errors["actions"] = tr("Each action needs what is to be done and who will do it.")
        elif len(action.action.strip()) > 500:
            errors["actions"] = tr("Please keep each action to 500 characters.")
    if len(data.notes.strip()) > 4000:
        errors["notes"] = tr("The notes are too long (at most 4,000 characters).")
    return errors


def record_session(db: Database, data: SessionInput, today: date | None = None) -> SavedSession:
    """Save a session, all or nothing; a child without consent is stored by initials only."""
    actor = require(db, Permission.MANAGE_SERVICE)
    errors = validate_session(data, today or date.today())
    if errors:
        raise ValidationError(errors)
    assert data.held_on is not None
    notices: list[str] = []
    kept: list[tuple[int | None, str, str]] = []
    with db.session() as s:
        named = hv_store.children_by_id(s, [c.child_id for c in data.children if c.child_id])
    for child in data.children:
        row = named.get(child.child_id or 0)
        if row is not None and discussion_allowed(db, row.id or 0, data.held_on):
            kept.append((row.id, "", child.note.strip()))
            continue
        initials = initials_of(row.first_name, row.last_name) if row is not None else child.initials
        initials = initials.strip()[:10]
        kept.append((None, initials, child.note.strip()))
        notices.append(
            tr(
                "{initials} is recorded by initials only: the parents' consent to discussion at "
                "supervision is not recorded."
            ).format(initials=initials)
        )
    with db.session() as s:
        session = SupervisionSessionRecord(
            held_on=data.held_on,
            kind=SessionKind(data.kind).value,
            supervisor=v.clean(data.supervisor),
            notes=data.notes.strip(),
            recorded_by=actor.username,
        )
        s.add(session)
        s.flush()
        sid = session.id or 0
        for vid in dict.fromkeys(data.visitor_ids):
            s.add(SupervisionAttendeeRecord(session_id=sid, visitor_id=vid))
        for child_id, initials, note in kept:
            s.add(
                SupervisionChildRecord(
                    session_id=sid, child_id=child_id, initials=initials, note=note
                )
            )
        for a in data.actions:
            s.add(
                SupervisionActionRecord(
                    session_id=sid, action=a.action.strip(), owner=v.clean(a.owner), due_on=a.due_on
                )
            )
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "supervision", sid, session.kind)
    found = all_sessions(db, since=data.held_on, until=data.held_on)
    return SavedSession(next(x for x in found if x.id == sid), tuple(notices))


READERS = tr(
    "Supervision records are for the team lead, managers and the home visitor supervised. "
    "Please ask your team lead."
)


def list_sessions(
    db: Database,
    visitor_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[SupervisionSession]:
    """The sessions this person may read, oldest first (optionally one visitor's).

    What is said about a home visitor at supervision is hers and her supervisors': a team
    lead or manager reads every log, a home visitor only the sessions she attended, and
    nobody else any."""
    actor = require(db, Permission.VIEW_CHILDREN)
    if actor.may(Permission.MANAGE_SERVICE):
        return all_sessions(db, visitor_id, since, until)
    own = next(
        (
            v.id
            for v in list_visitors(db, include_inactive=True)
            if actor.staff_member_id is not None and v.staff_member_id == actor.staff_member_id
        ),
        None,
    )
    if own is None or (visitor_id is not None and visitor_id != own):
        raise PermissionDenied(READERS)
    return all_sessions(db, own, since, until)


def all_sessions(
    db: Database,
    visitor_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[SupervisionSession]:
    """Every session, for the service's own counts and dates (the check, fidelity, the
    Dashboard): callers show what is due, never what was said."""
    require(db, Permission.VIEW_CHILDREN)
    names = {vis.id: vis.name for vis in list_visitors(db, include_inactive=True)}
    with db.session() as s:
        rows = store.sessions(s, since, until)
        ids = [r.id or 0 for r in rows]
        present: dict[int, list[int]] = defaultdict(list)
        for a in store.attendees(s, ids):
            present[a.session_id].append(a.visitor_id)
        talked: dict[int, list[Discussed]] = defaultdict(list)
        children = store.children_discussed(s, ids)
        kids = hv_store.children_by_id(s, [c.child_id for c in children if c.child_id])
        for c in children:
            kid = kids.get(c.child_id or 0)
            label = (
                f"{kid.known_as or kid.first_name} {kid.last_name}"
                if kid is not None
                else f"{c.initials} ({NO_CONSENT})"
            )
            talked[c.session_id].append(Discussed(c.child_id if kid else None, label, c.note))
        agreed: dict[int, list[Action]] = defaultdict(list)
        for a in store.actions(s, ids):
            agreed[a.session_id].append(Action(a.id or 0, a.action, a.owner, a.due_on, a.done_on))
    sessions = [
        SupervisionSession(
            r.id or 0,
            r.held_on,
            SessionKind(r.kind),
            r.supervisor,
            tuple(present[r.id or 0]),
            tuple(names.get(x, "(removed)") for x in present[r.id or 0]),
            tuple(talked[r.id or 0]),
            tuple(agreed[r.id or 0]),
            r.notes,
        )
        for r in rows
    ]
    if visitor_id is not None:
        sessions = [x for x in sessions if visitor_id in x.visitor_ids]
    return sessions


@dataclass(frozen=True)
class VisitorSupervision:
    visitor_id: int
    name: str
    last_on: date | None
    due_by: date | None
    overdue: bool
    session_ids: tuple[int, ...]

    @property
    def text(self) -> str:
        if self.last_on is None:
            return tr("{name} has no supervision recorded.").format(name=self.name)
        tail = (
            tr("; overdue since {date}").format(date=format_date(self.due_by))
            if self.overdue
            else ""
        )
        return tr("{name}: last supervision {date}{tail}").format(
            name=self.name, date=format_date(self.last_on), tail=tail
        )


def supervision_status(
    db: Database, on: date, sessions: list[SupervisionSession] | None = None
) -> list[VisitorSupervision]:
    """Each current home visitor's last supervision by ``on``, and whether it is past the
    service's interval (individual and group count; team meetings do not)."""
    interval = rules_on(db, on).supervision_days
    found = sessions if sessions is not None else all_sessions(db, until=on)
    result = []
    for vis in list_visitors(db):
        mine = [
            x
            for x in found
            if vis.id in x.visitor_ids and x.kind.is_supervision and x.held_on <= on
        ]
        last = max((x.held_on for x in mine), default=None)
        due = last + timedelta(days=interval) if last else None
        overdue = last is None or (due is not None and on > due)
        result.append(
            VisitorSupervision(vis.id, vis.name, last, due, overdue, tuple(x.id for x in mine))
        )
    return result


def supervision_warnings(db: Database, on: date) -> list[str]:
    """For the dashboard: one line for each home visitor past the interval."""
    return [x.text for x in supervision_status(db, on) if x.overdue]


def mark_action_done(db: Database, action_id: int, done_on: date | None) -> None:
    require(db, Permission.MANAGE_SERVICE)
    with db.session() as s:
        row = s.get(SupervisionActionRecord, action_id)
        if row is None:
            return
        row.done_on = done_on
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "supervision_action", action_id)

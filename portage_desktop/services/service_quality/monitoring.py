"""Joint monitoring visits and parents' views at visits.

A Portage teacher joins a visit about ten weeks after a family starts (the service's own,
dated interval), writes feedback to the home visitor and records the parent's views; the list
shows each current family's visit as done, due or overdue. Parents' views at ordinary visits
are short, dated and in their own words, kept as said.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from portage_desktop.data import service_quality_store as store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import ReferralRecord
from portage_desktop.data.models.service_quality import MonitoringVisitRecord, ParentViewRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.service_quality.rules import rules_on


class MonitoringState(StrEnum):
    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_YET = "not_yet"

    @property
    def label(self) -> str:
        return {
            "done": tr("Done"),
            "due": tr("Due"),
            "overdue": tr("Overdue"),
            "not_yet": tr("Not due yet"),
        }[self]


@dataclass(frozen=True)
class MonitoringInput:
    visited_on: date | None
    teacher: str
    feedback: str
    parent_views: str
    visitor_id: int | None = None


@dataclass(frozen=True)
class MonitoringDue:
    referral_id: int
    child_name: str
    started_on: date
    due_on: date
    state: MonitoringState
    done_on: date | None
    monitoring_id: int | None

    @property
    def text(self) -> str:
        if self.state is MonitoringState.DONE:
            return tr("{child_name}: joint visit done {date}").format(
                child_name=self.child_name, date=format_date(self.done_on)
            )
        state = self.state.label.lower()
        return tr("{child_name}: joint visit {state}, {date}").format(
            child_name=self.child_name, state=state, date=format_date(self.due_on)
        )


def record_monitoring(db: Database, referral_id: int, data: MonitoringInput, today: date) -> int:
    """Save a joint monitoring visit; the teacher's feedback is what makes it worth having."""
    require(db, Permission.MANAGE_SERVICE)
    errors: dict[str, str] = {}
    teacher = v.required_name(errors, "teacher", data.teacher, tr("Portage teacher's name"))
    feedback = (data.feedback or "").strip()
    views = (data.parent_views or "").strip()
    if not feedback:
        errors["feedback"] = tr("Please write the feedback to the home visitor.")
    elif len(feedback) > 4000:
        errors["feedback"] = tr("The feedback is too long (at most 4,000 characters).")
    if len(views) > 2000:
        errors["parent_views"] = tr("The parent's views are too long (at most 2,000 characters).")
    if data.visited_on is None:
        errors["visited_on"] = tr("Please enter the date of the joint visit.")
    elif data.visited_on > today:
        errors["visited_on"] = tr("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    assert data.visited_on is not None
    with db.session() as s:
        referral = s.get(ReferralRecord, referral_id)
        if referral is None:
            raise NotFoundError(tr("That referral no longer exists."))
        row = MonitoringVisitRecord(
            referral_id=referral_id,
            child_id=referral.child_id,
            visitor_id=data.visitor_id,
            visited_on=data.visited_on,
            teacher=teacher,
            feedback=feedback,
            parent_views=views,
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "monitoring_visit", row.id)
        return row.id or 0


def monitoring_list(db: Database, on: date) -> list[MonitoringDue]:
    """Each family allocated on ``on`` that has started, with its joint visit's state.

    Reads only that day's families (a few hundred on the largest service), not the whole
    service's history: the Dashboard shows this every time it is opened."""
    require(db, Permission.VIEW_CHILDREN)
    rules = rules_on(db, on)
    with db.session() as s:
        families = store.allocated_on(s, on)
        firsts = store.first_held_on(s, [f.referral_id for f in families])
        done = {}
        for m in store.monitoring_visits(s):
            done.setdefault(m.referral_id, m)
    found = []
    for family in families:
        referral_id = family.referral_id
        first_on = firsts.get(referral_id)
        if first_on is None or first_on > on:
            continue
        due = first_on + timedelta(weeks=rules.monitoring_weeks)
        visit = done.get(referral_id)
        if visit is not None and visit.visited_on <= on:
            state = MonitoringState.DONE
        elif on > due + timedelta(days=rules.monitoring_grace_days):
            state = MonitoringState.OVERDUE
        elif on >= due - timedelta(days=14):
            state = MonitoringState.DUE
        else:
            state = MonitoringState.NOT_YET
        found.append(
            MonitoringDue(
                referral_id,
                f"{family.known_as or family.first_name} {family.last_name}",
                first_on,
                due,
                state,
                visit.visited_on if visit and state is MonitoringState.DONE else None,
                visit.id if visit and state is MonitoringState.DONE else None,
            )
        )
    return sorted(found, key=lambda m: (m.due_on, m.child_name))


@dataclass(frozen=True)
class ParentView:
    id: int
    child_id: int
    visit_id: int | None
    said_on: date
    words: str
    recorded_by: str


def add_parent_view(
    db: Database,
    child_id: int,
    said_on: date | None,
    words: str,
    today: date,
    visit_id: int | None = None,
) -> ParentView:
    """Keep what a parent said, as said: short, dated, never edited afterwards."""
    actor = require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    text = (words or "").strip()
    if not text:
        errors["words"] = tr("Please write what the parent said, in their words.")
    elif len(text) > 1000:
        errors["words"] = tr("Please keep this short (at most 1,000 characters).")
    if said_on is None:
        errors["said_on"] = tr("Please enter the date.")
    elif said_on > today:
        errors["said_on"] = tr("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    assert said_on is not None
    with db.session() as s:
        row = ParentViewRecord(
            child_id=child_id,
            visit_id=visit_id,
            said_on=said_on,
            words=text,
            recorded_by=actor.display_name,
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "parent_view", row.id, f"child {child_id}")
        return ParentView(row.id or 0, child_id, visit_id, said_on, text, row.recorded_by)


def list_parent_views(db: Database, child_id: int) -> list[ParentView]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return [
            ParentView(r.id or 0, r.child_id, r.visit_id, r.said_on, r.words, r.recorded_by)
            for r in store.parent_views(s, child_id)
        ]

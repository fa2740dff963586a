"""Site-wide evidence queries for the Stamp of Approval check: one grouped query per kind of
record, so checking a thousand children costs a handful of queries, not thousands."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.assessment import (
    AssessmentRecord,
    FrameworkRecord,
    ObservationRecord,
    ProfileVersionRecord,
)
from portage_desktop.data.models.plans import GoalRecord, PlanRecord
from portage_desktop.i18n import tr


def children_on_roll(session: Session) -> list[tuple[int, str, date, str]]:
    """(child, SEN status, date of birth, name) of every child on roll: all the criteria check
    needs to know about the children themselves (the name, to list the records it counted)."""
    child = ChildRecord.__table__  # type: ignore[attr-defined]
    query = (
        select(
            child.c.id,
            child.c.sen_status,
            child.c.date_of_birth,
            child.c.first_name,
            child.c.last_name,
        )
        .where(child.c.archived_at.is_(None))
        .order_by(child.c.last_name, child.c.first_name, child.c.id)
    )
    return [
        (i, status, born, f"{first} {last}")
        for i, status, born, first, last in session.connection().execute(query)
    ]


def _counted(on: date, no_sen: str) -> Any:
    """The ids of children on roll with SEND born by ``on``: the only children criteria 3 to 5
    count, so their plans and goals are read and nobody else's (a third of those on roll)."""
    child = ChildRecord.__table__  # type: ignore[attr-defined]
    return (
        select(child.c.id)
        .where(child.c.archived_at.is_(None))
        .where(child.c.sen_status != no_sen)
        .where(child.c.date_of_birth <= on)
    )


def evidence_plans(
    session: Session, on: date, no_sen: str
) -> list[tuple[int, str, str, str, date, date | None, date | None, str]]:
    """(child, title, kind, status, started, agreed, shared, goal area) of every plan started
    on or before ``on`` of the children counted (see :func:`_counted`). Plain rows in one
    query: the ORM's per-row work was a sixth of the check on a large site."""
    plan = PlanRecord.__table__  # type: ignore[attr-defined]
    goal = GoalRecord.__table__  # type: ignore[attr-defined]
    query = (
        select(
            plan.c.child_id,
            plan.c.title,
            plan.c.kind,
            plan.c.status,
            plan.c.start_on,
            plan.c.agreed_on,
            plan.c.shared_on,
            goal.c.area,
        )
        .select_from(plan.join(goal, goal.c.id == plan.c.goal_id))
        .where(plan.c.child_id.in_(_counted(on, no_sen)))
        .where(plan.c.start_on <= on)
        .order_by(plan.c.child_id, plan.c.start_on, plan.c.id)
    )
    return [tuple(row) for row in session.connection().execute(query)]  # type: ignore[misc]


def plan_counts(
    session: Session, on: date, no_sen: str
) -> list[tuple[int, str, int, int, int, int]]:
    """(child, kind, plans, agreed by ``on``, shared by ``on``, active) for each child counted
    and kind of plan started by ``on``: what criteria 4 and 5 judge, counted in the database
    rather than read plan by plan (thirteen thousand plans on three times the large site)."""
    from sqlalchemy import Integer, and_, case, func

    plan = PlanRecord.__table__  # type: ignore[attr-defined]

    def counted(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0).cast(Integer)

    query = (
        select(
            plan.c.child_id,
            plan.c.kind,
            func.count(),
            counted(and_(plan.c.agreed_on.is_not(None), plan.c.agreed_on <= on)),
            counted(and_(plan.c.shared_on.is_not(None), plan.c.shared_on <= on)),
            counted(plan.c.status == "active"),
        )
        .where(plan.c.child_id.in_(_counted(on, no_sen)))
        .where(plan.c.start_on <= on)
        .group_by(plan.c.child_id, plan.c.kind)
    )
    return [tuple(row) for row in session.connection().execute(query)]  # type: ignore[misc]


def active_goal_areas(session: Session, on: date, no_sen: str) -> list[tuple[int, str]]:
    """(child, area) for each area a child counted has an active goal in, written by ``on``."""
    goal = GoalRecord.__table__  # type: ignore[attr-defined]
    query = (
        select(goal.c.child_id, goal.c.area)
        .where(goal.c.child_id.in_(_counted(on, no_sen)))
        .where(goal.c.written_on <= on)
        .where(goal.c.status == "active")
        .distinct()
    )
    return [tuple(row) for row in session.connection().execute(query)]  # type: ignore[misc]


def evidence_goals(session: Session, on: date, no_sen: str) -> list[tuple[int, str, date, str]]:
    """(child, area, written, status) of every goal written on or before ``on`` of the
    children counted: the goals by area that criterion 4 names (by area, never by words)."""
    goal = GoalRecord.__table__  # type: ignore[attr-defined]
    query = (
        select(goal.c.child_id, goal.c.area, goal.c.written_on, goal.c.status)
        .where(goal.c.child_id.in_(_counted(on, no_sen)))
        .where(goal.c.written_on <= on)
        .order_by(goal.c.child_id, goal.c.written_on, goal.c.id)
    )
    return [tuple(row) for row in session.connection().execute(query)]  # type: ignore[misc]


def assessment_materials(session: Session, on: date) -> dict[int, set[str]]:
    """For each child on roll, the kinds of assessment material recorded on or before ``on``."""
    found: dict[int, set[str]] = {}
    child = ChildRecord.__table__  # type: ignore[attr-defined]
    on_roll = select(child.c.id).where(child.c.archived_at.is_(None))
    assessment = AssessmentRecord.__table__  # type: ignore[attr-defined]
    framework = FrameworkRecord.__table__  # type: ignore[attr-defined]
    checklists = (
        select(assessment.c.child_id, framework.c.name)
        .select_from(assessment.join(framework, assessment.c.framework_id == framework.c.id))
        .where(assessment.c.assessed_on <= on)
        .where(assessment.c.child_id.in_(on_roll))
        .distinct()
    )
    for child_id, name in session.connection().execute(checklists):
        found.setdefault(child_id, set()).add(tr("checklist: {name}").format(name=name))
    observation = ObservationRecord.__table__  # type: ignore[attr-defined]
    kinds = (
        select(observation.c.child_id, observation.c.kind)
        .where(observation.c.observed_on <= on)
        .where(observation.c.child_id.in_(on_roll))
        .distinct()
    )
    labels = {"observation": "observations", "advice": tr("advice from other professionals")}
    for child_id, kind in session.connection().execute(kinds):
        found.setdefault(child_id, set()).add(labels.get(kind, kind))
    profile = ProfileVersionRecord.__table__  # type: ignore[attr-defined]
    profiles = (
        select(profile.c.child_id)
        .where(profile.c.written_on <= on)
        .where(profile.c.child_id.in_(on_roll))
        .distinct()
    )
    for (child_id,) in session.connection().execute(profiles):
        found.setdefault(child_id, set()).add(tr("one-page profile"))
    return found

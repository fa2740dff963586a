"""Query functions for goals, activity plans, their small steps and activity records.

Each takes an open session and returns rows; services turn them into plain objects. Lists for
many children are one grouped query per kind of record, never one query per child.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, func, select

from portage_desktop.data.models.plans import (
    ActivityEntryRecord,
    GoalRecord,
    GoalSourceLink,
    PlanOptionRecord,
    PlanRecord,
    PlanStepRecord,
    PlanTemplateRecord,
)


def goals(session: Session, child_id: int) -> list[GoalRecord]:
    query = (
        select(GoalRecord)
        .where(GoalRecord.child_id == child_id)
        .order_by(col(GoalRecord.written_on), col(GoalRecord.id))
    )
    return list(session.exec(query))


def sources(session: Session, goal_ids: Sequence[int]) -> list[GoalSourceLink]:
    if not goal_ids:
        return []
    query = select(GoalSourceLink).where(col(GoalSourceLink.goal_id).in_(goal_ids))
    return list(session.exec(query.order_by(col(GoalSourceLink.id))))


def set_sources(
    session: Session, goal_id: int, item_ids: Iterable[int], observation_ids: Iterable[int]
) -> None:
    session.execute(delete(GoalSourceLink).where(col(GoalSourceLink.goal_id) == goal_id))
    rows: list[dict[str, Any]] = [{"goal_id": goal_id, "item_id": i} for i in item_ids]
    rows += [{"goal_id": goal_id, "observation_id": o} for o in observation_ids]
    if rows:
        session.execute(insert(GoalSourceLink), rows)


def plans(session: Session, child_id: int, plan_id: int | None = None) -> list[PlanRecord]:
    """The child's plans, oldest first; only ``plan_id`` (if it is the child's) when given."""
    query = select(PlanRecord).where(PlanRecord.child_id == child_id)
    if plan_id is not None:
        query = query.where(PlanRecord.id == plan_id)
    return list(session.exec(query.order_by(col(PlanRecord.start_on), col(PlanRecord.id))))


def steps(session: Session, plan_ids: Sequence[int]) -> list[PlanStepRecord]:
    if not plan_ids:
        return []
    query = (
        select(PlanStepRecord)
        .where(col(PlanStepRecord.plan_id).in_(plan_ids))
        .order_by(col(PlanStepRecord.plan_id), col(PlanStepRecord.position))
    )
    return list(session.exec(query))


def step_rows(session: Session, plan_ids: Sequence[int]) -> list[Any]:
    """The small steps of the given plans, in order, as plain rows for reading (a child's
    plans hold hundreds of steps; ORM objects are only needed to change them)."""
    if not plan_ids:
        return []
    table = PlanStepRecord.__table__  # type: ignore[attr-defined]
    query = (
        select(table.c.id, table.c.plan_id, table.c.text, table.c.started_on, table.c.achieved_on)
        .where(table.c.plan_id.in_(plan_ids))
        .order_by(table.c.plan_id, table.c.position)
    )
    return list(session.connection().execute(query))


def entries(
    session: Session, plan_id: int, start: date | None = None, end: date | None = None
) -> list[ActivityEntryRecord]:
    query = select(ActivityEntryRecord).where(ActivityEntryRecord.plan_id == plan_id)
    if start is not None:
        query = query.where(col(ActivityEntryRecord.day) >= start)
    if end is not None:
        query = query.where(col(ActivityEntryRecord.day) <= end)
    return list(session.exec(query.order_by(col(ActivityEntryRecord.day))))


def entries_for_plans(
    session: Session,
    plan_ids: Sequence[int],
    start: date | None = None,
    end: date | None = None,
    newest: int | None = None,
) -> list[Any]:
    """Every day recorded for the given plans (between ``start`` and ``end``), in one query:
    plain rows with the record's fields as attributes (years of days are read; ORM objects
    cost more). With ``newest``, only that many of the latest days, for a first page."""
    if not plan_ids:
        return []
    table = ActivityEntryRecord.__table__  # type: ignore[attr-defined]
    shown = [c for c in table.c if c.name not in ("created_at", "updated_at")]
    query = select(*shown).where(table.c.plan_id.in_(plan_ids))
    if start is not None:
        query = query.where(table.c.day >= start)
    if end is not None:
        query = query.where(table.c.day <= end)
    if newest is not None:
        query = query.order_by(table.c.day.desc(), table.c.id.desc()).limit(newest)
    else:
        query = query.order_by(table.c.plan_id, table.c.day)
    return list(session.connection().execute(query))


def entry_counts(session: Session, plan_ids: Sequence[int]) -> dict[int, int]:
    if not plan_ids:
        return {}
    query = (
        select(ActivityEntryRecord.plan_id, func.count())
        .where(col(ActivityEntryRecord.plan_id).in_(plan_ids))
        .group_by(col(ActivityEntryRecord.plan_id))
    )
    return {plan: count for plan, count in session.exec(query)}


def replace_steps(session: Session, plan_id: int, rows: list[dict[str, Any]]) -> None:
    """Keep the ids of steps that stay (records point at them); add and remove the rest."""
    existing = {s.id: s for s in steps(session, [plan_id])}
    keep = {r["id"] for r in rows if r.get("id") in existing}
    for step_id, step in existing.items():
        if step_id not in keep:
            session.delete(step)
    for position, row in enumerate(rows):
        step = existing.get(row.get("id") or -1)
        if step is None:
            step = PlanStepRecord(plan_id=plan_id, position=position, text=row["text"])
        step.position = position
        step.text = row["text"]
        step.started_on = row.get("started_on")
        step.achieved_on = row.get("achieved_on")
        session.add(step)
    session.flush()


def templates(session: Session) -> list[PlanTemplateRecord]:
    return list(session.exec(select(PlanTemplateRecord).order_by(col(PlanTemplateRecord.name))))


def options(session: Session, key: str) -> list[PlanOptionRecord]:
    query = (
        select(PlanOptionRecord)
        .where(PlanOptionRecord.key == key)
        .order_by(col(PlanOptionRecord.effective_from), col(PlanOptionRecord.id))
    )
    return list(session.exec(query))


def goals_by_id(session: Session, goal_ids: Sequence[int]) -> dict[int, GoalRecord]:
    if not goal_ids:
        return {}
    query = select(GoalRecord).where(col(GoalRecord.id).in_(goal_ids))
    return {g.id or 0: g for g in session.exec(query)}


def recent_plans(session: Session, limit: int) -> list[PlanRecord]:
    """The newest plans across the setting, for choosing the application's examples."""
    query = select(PlanRecord).where(col(PlanRecord.status) != "stopped")
    return list(
        session.exec(
            query.order_by(col(PlanRecord.start_on).desc(), col(PlanRecord.id)).limit(limit)
        )
    )


def family_names(session: Session, child_ids: Sequence[int]) -> dict[int, list[str]]:
    return {k: [name for name, _r in v] for k, v in family_members(session, child_ids).items()}


def family_members(session: Session, child_ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """Each child's family as (name, relationship), in the order they were added."""
    from portage_desktop.data.models.assessment import FamilyMemberRecord

    if not child_ids:
        return {}
    query = (
        select(
            FamilyMemberRecord.child_id, FamilyMemberRecord.name, FamilyMemberRecord.relationship
        )
        .where(col(FamilyMemberRecord.child_id).in_(child_ids))
        .order_by(col(FamilyMemberRecord.id))
    )
    found: dict[int, list[tuple[str, str]]] = {}
    for child_id, name, relationship in session.exec(query):
        found.setdefault(child_id, []).append((name, relationship))
    return found

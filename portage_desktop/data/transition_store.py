"""Query functions for transition plans and their actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.transitions import TransitionActionRecord, TransitionPlanRecord


def plans(session: Session, child_id: int) -> list[TransitionPlanRecord]:
    query = (
        select(TransitionPlanRecord)
        .where(TransitionPlanRecord.child_id == child_id)
        .order_by(col(TransitionPlanRecord.id))
    )
    return list(session.exec(query))


def actions(session: Session, plan_ids: Sequence[int]) -> list[TransitionActionRecord]:
    if not plan_ids:
        return []
    query = select(TransitionActionRecord).where(col(TransitionActionRecord.plan_id).in_(plan_ids))
    return list(session.exec(query.order_by(col(TransitionActionRecord.id))))


def open_actions(session: Session) -> list[tuple[int, str, str, str, str, date | None]]:
    """(child, first name, last name, action, owner, due) for open actions, children on roll."""
    query = (
        select(
            ChildRecord.id,
            ChildRecord.first_name,
            ChildRecord.last_name,
            TransitionActionRecord.text,
            TransitionActionRecord.owner,
            TransitionActionRecord.due_on,
        )
        .join(TransitionPlanRecord, col(TransitionPlanRecord.child_id) == col(ChildRecord.id))
        .join(
            TransitionActionRecord,
            col(TransitionActionRecord.plan_id) == col(TransitionPlanRecord.id),
        )
        .where(col(TransitionActionRecord.done_on).is_(None))
        .where(col(ChildRecord.archived_at).is_(None))
    )
    return list(session.exec(query))  # type: ignore[arg-type]

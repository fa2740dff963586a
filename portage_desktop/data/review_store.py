"""Query functions for reviews with parents; site-wide ones are one grouped query each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.plans import PlanRecord
from portage_desktop.data.models.reviews import ReviewIssueRecord, ReviewPlanRecord, ReviewRecord


def reviews(session: Session, child_id: int) -> list[ReviewRecord]:
    query = (
        select(ReviewRecord)
        .where(ReviewRecord.child_id == child_id)
        .order_by(col(ReviewRecord.held_on), col(ReviewRecord.id))
    )
    return list(session.exec(query))


def review_plans(session: Session, review_ids: Sequence[int]) -> list[ReviewPlanRecord]:
    if not review_ids:
        return []
    query = select(ReviewPlanRecord).where(col(ReviewPlanRecord.review_id).in_(review_ids))
    return list(session.exec(query.order_by(col(ReviewPlanRecord.id))))


def review_issues(session: Session, review_ids: Sequence[int]) -> list[ReviewIssueRecord]:
    if not review_ids:
        return []
    query = select(ReviewIssueRecord).where(col(ReviewIssueRecord.review_id).in_(review_ids))
    return list(session.exec(query.order_by(col(ReviewIssueRecord.id))))


def last_held_reviews(
    session: Session, on: date, child_id: int | None = None
) -> list[tuple[int, date]]:
    """(child, day of the latest review held on or before ``on``) of children on roll with an
    active plan (or of that one child): the schedule needs only the latest, and a large site's
    years of reviews, grouped here, need not cross into Python one by one."""
    from sqlmodel import func

    query = (
        select(ReviewRecord.child_id, func.max(ReviewRecord.held_on))
        .where(ReviewRecord.status == "held")
        .where(col(ReviewRecord.held_on) <= on)
        .where(
            col(ReviewRecord.child_id).in_(
                select(PlanRecord.child_id).where(PlanRecord.status == "active")
            )
        )
        .group_by(col(ReviewRecord.child_id))
    )
    query = _on_roll(query)
    if child_id is not None:
        query = query.where(ReviewRecord.child_id == child_id)
    return list(session.exec(query))  # type: ignore[arg-type]


def held_review_areas(
    session: Session, on: date, on_roll_only: bool = False, after: date | None = None
) -> list[tuple[int, str]]:
    """(review, goal area) for every plan discussed at a review held on or before ``on`` (and
    after ``after``, when given)."""
    query = (
        select(ReviewPlanRecord.review_id, ReviewPlanRecord.goal_area)
        .join(ReviewRecord, col(ReviewRecord.id) == col(ReviewPlanRecord.review_id))
        .where(ReviewRecord.status == "held")
        .where(col(ReviewRecord.held_on) <= on)
        .distinct()
    )
    if after is not None:
        query = query.where(col(ReviewRecord.held_on) > after)
    if on_roll_only:
        query = _on_roll(query)
    return list(session.exec(query))  # type: ignore[arg-type]


def held_review_ids(
    session: Session,
    on: date,
    on_roll_only: bool = False,
    with_active_plan: bool = False,
    after: date | None = None,
    child_id: int | None = None,
) -> list[tuple[int, int, date, str]]:
    """(review, child, day, parents who came) of every review held on or before ``on``; of
    children on roll only if asked (years of reviews of children who left add up)."""
    query = (
        select(ReviewRecord.id, ReviewRecord.child_id, ReviewRecord.held_on, ReviewRecord.parents)
        .where(ReviewRecord.status == "held")
        .where(col(ReviewRecord.held_on) <= on)
    )
    if on_roll_only:
        query = _on_roll(query)
    if with_active_plan:
        active = select(PlanRecord.child_id).where(PlanRecord.status == "active")
        query = query.where(col(ReviewRecord.child_id).in_(active))
    if after is not None:
        query = query.where(col(ReviewRecord.held_on) > after)
    if child_id is not None:
        query = query.where(ReviewRecord.child_id == child_id)
    return list(session.exec(query))  # type: ignore[arg-type]


def _on_roll(query: Any) -> Any:
    return query.join(ChildRecord, col(ChildRecord.id) == col(ReviewRecord.child_id)).where(
        col(ChildRecord.archived_at).is_(None)
    )


def schedule_rows(
    session: Session, on: date, child_id: int | None = None
) -> list[tuple[int, str, str, date]]:
    """(child, first name, last name, first start of an active plan) for children on roll on
    ``on`` with an active plan: the children who need reviews (or that one child)."""
    from sqlmodel import func

    query = (
        select(
            ChildRecord.id,
            ChildRecord.first_name,
            ChildRecord.last_name,
            func.min(PlanRecord.start_on),
        )
        .join(PlanRecord, col(PlanRecord.child_id) == col(ChildRecord.id))
        .where(PlanRecord.status == "active")
        .where(col(ChildRecord.archived_at).is_(None))
        .where((col(ChildRecord.leave_date).is_(None)) | (col(ChildRecord.leave_date) > on))
        .group_by(col(ChildRecord.id))
    )
    if child_id is not None:
        query = query.where(ChildRecord.id == child_id)
    return list(session.exec(query))  # type: ignore[arg-type]


def open_issues(session: Session) -> list[tuple[int, str, str, str, str, date | None]]:
    """(child, first, last name, issue, owner, due) for issues not closed, children on roll."""
    query = (
        select(
            ChildRecord.id,
            ChildRecord.first_name,
            ChildRecord.last_name,
            ReviewIssueRecord.text,
            ReviewIssueRecord.owner,
            ReviewIssueRecord.due_on,
        )
        .join(ReviewIssueRecord, col(ReviewIssueRecord.child_id) == col(ChildRecord.id))
        .join(ReviewRecord, col(ReviewRecord.id) == col(ReviewIssueRecord.review_id))
        .where(ReviewRecord.status == "held")
        .where(col(ReviewIssueRecord.closed_on).is_(None))
        .where(col(ChildRecord.archived_at).is_(None))
    )
    return list(session.exec(query))  # type: ignore[arg-type]

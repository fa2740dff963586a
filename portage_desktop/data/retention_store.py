"""Queries for retention rules and the records they make due."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from portage_desktop.data.models import ChildRecord, RetentionRuleRecord


def rules(session: Session) -> list[RetentionRuleRecord]:
    query = select(RetentionRuleRecord).order_by(
        RetentionRuleRecord.record_kind, col(RetentionRuleRecord.effective_from).desc()
    )
    return list(session.exec(query))


def archived_children_left_before(session: Session, cutoff: date) -> list[ChildRecord]:
    query = (
        select(ChildRecord)
        .where(col(ChildRecord.archived_at).is_not(None))
        .where(col(ChildRecord.leave_date).is_not(None))
        .where(col(ChildRecord.leave_date) <= cutoff)
        .order_by(ChildRecord.leave_date)
    )
    return list(session.exec(query))

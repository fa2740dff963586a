"""Query functions for the Stamp of Approval tables."""

from __future__ import annotations

from sqlmodel import Session, col, select

from portage_desktop.data.models.stamp import (
    InspectionRecord,
    StampApplicationRecord,
    StampAwardRecord,
    StampRuleRecord,
    StampStatementRecord,
)


def inspections(session: Session) -> list[InspectionRecord]:
    query = select(InspectionRecord).order_by(
        col(InspectionRecord.inspected_on).desc(), col(InspectionRecord.id).desc()
    )
    return list(session.exec(query))


def awards(session: Session) -> list[StampAwardRecord]:
    query = select(StampAwardRecord).order_by(
        col(StampAwardRecord.awarded_on).desc(), col(StampAwardRecord.id).desc()
    )
    return list(session.exec(query))


def rules(session: Session) -> list[StampRuleRecord]:
    query = select(StampRuleRecord).order_by(
        col(StampRuleRecord.effective_from), col(StampRuleRecord.id)
    )
    return list(session.exec(query))


def statements(session: Session) -> list[StampStatementRecord]:
    return list(session.exec(select(StampStatementRecord)))


def statement(session: Session, criterion: int) -> StampStatementRecord | None:
    query = select(StampStatementRecord).where(StampStatementRecord.criterion == criterion)
    return session.exec(query).first()


def application(session: Session, award_year: int) -> StampApplicationRecord | None:
    query = select(StampApplicationRecord).where(StampApplicationRecord.award_year == award_year)
    return session.exec(query).first()


def latest_application_before(session: Session, award_year: int) -> StampApplicationRecord | None:
    query = (
        select(StampApplicationRecord)
        .where(StampApplicationRecord.award_year < award_year)
        .order_by(col(StampApplicationRecord.award_year).desc())
    )
    return session.exec(query).first()

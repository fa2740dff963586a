"""Queries for user accounts."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from portage_desktop.data.models import UserAccountRecord


def count_accounts(session: Session) -> int:
    return session.exec(select(func.count()).select_from(UserAccountRecord)).one()


def all_accounts(session: Session) -> list[UserAccountRecord]:
    return list(session.exec(select(UserAccountRecord).order_by(UserAccountRecord.username)))


def by_username(session: Session, username: str) -> UserAccountRecord | None:
    query = select(UserAccountRecord).where(
        func.lower(UserAccountRecord.username) == username.lower()
    )
    return session.exec(query).first()


def active_managers(session: Session) -> int:
    query = (
        select(func.count())
        .select_from(UserAccountRecord)
        .where(UserAccountRecord.role == "manager", UserAccountRecord.active.is_(True))  # type: ignore[attr-defined]
    )
    return session.exec(query).one()

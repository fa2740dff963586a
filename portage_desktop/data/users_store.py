"""Queries for user accounts."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, select

from portage_desktop.data.models import UserAccountRecord


def lock_accounts(session: Session) -> None:
    """Hold off other writers of accounts until this session ends (the first account is made
    by whoever gets here first; reads go on meanwhile)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("LOCK TABLE user_account IN SHARE ROW EXCLUSIVE MODE")
    elif not connection.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


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

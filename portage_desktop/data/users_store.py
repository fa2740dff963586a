"""Queries for user accounts.

The password hash is deferred in every query: a person's own server login may not read it
(the server refuses the whole SELECT if it is named), and only logging in by the app's own
password needs it, which loads it when it is first used.
"""

from __future__ import annotations

from sqlalchemy import func, text
from sqlalchemy.orm import defer
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


def _accounts():  # noqa: ANN202 (a SQLModel select)
    return select(UserAccountRecord).options(defer(UserAccountRecord.password_hash))  # type: ignore[arg-type]


def all_accounts(session: Session) -> list[UserAccountRecord]:
    return list(session.exec(_accounts().order_by(UserAccountRecord.username)))


def by_username(session: Session, username: str) -> UserAccountRecord | None:
    query = _accounts().where(func.lower(UserAccountRecord.username) == username.lower())
    return session.exec(query).first()


def get_account(session: Session, account_id: int) -> UserAccountRecord | None:
    return session.exec(_accounts().where(UserAccountRecord.id == account_id)).first()


def set_role_on_server(session: Session, account_id: int, role: str) -> None:
    """Change a role through the server's own function, which also moves the person's login
    to the role's group and writes the audit entry (nobody may UPDATE the column directly)."""
    session.connection().execute(
        text("SELECT portage_set_role(:account, :role)"), {"account": account_id, "role": role}
    )


def active_managers(session: Session) -> int:
    query = (
        select(func.count())
        .select_from(UserAccountRecord)
        .where(UserAccountRecord.role == "manager", UserAccountRecord.active.is_(True))  # type: ignore[attr-defined]
    )
    return session.exec(query).one()

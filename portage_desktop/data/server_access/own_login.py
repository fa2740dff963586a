"""Working on a person's own server login: who is connected, and their password.

On a site set up with ``server-access`` each person may connect as their own login
(``<prefix>_user_<username>``), so the server itself knows who they are and enforces their
role. The server then checks the password (its SCRAM verifier), and the app never needs to
read the password hashes, which those logins may not read anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from portage_desktop.data.engine import (
    Database,
    ServerPasswordNeeded,
    explain_server_error,
    server_engine,
)
from portage_desktop.data.server_access.apply import Site
from portage_desktop.data.server_access.names import BadName, literal, login_name, prefix_for
from portage_desktop.database_url import ServerAddress


def username_of_login(prefix: str, login: str) -> str | None:
    """The app username a login stands for, or None for any other account (the owner's)."""
    start = f"{prefix}_user_"
    if login.startswith(start) and len(login) > len(start):
        return login[len(start) :]
    return None


def address_for(address: ServerAddress, username: str, password: str) -> ServerAddress:
    """The same server and database, as ``username``'s own login with their password.

    Raises ``BadName`` (a plain message) for a username no login could have."""
    login = login_name(prefix_for(address.database), username.strip().lower())
    return replace(address, user=login, password=password)


def connected_username(db: Database) -> str | None:
    """The username whose own login this connection uses; None on the owner's or a file."""
    if db.server is None:
        return None
    with db.engine.connect() as conn:
        login = str(conn.exec_driver_sql("SELECT session_user").scalar())
    return username_of_login(prefix_for(db.server.database), login)


def password_opens(db: Database, username: str, password: str) -> bool:
    """Whether the server lets ``username``'s own login in with ``password``.

    A separate short connection, so the app's own connections are untouched either way."""
    assert db.server is not None
    try:
        engine = server_engine(address_for(db.server, username, password))
    except BadName:
        return False
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        problem = explain_server_error(exc, db.server)
        if isinstance(problem, ServerPasswordNeeded):
            return False
        raise problem from exc
    finally:
        engine.dispose()
    return True


def change_own_password(db: Database, password: str) -> None:
    """Set the connected login's password on the server (ordinary logins may change their
    own), then reconnect with it: the old one opens nothing from now on.

    Only the SCRAM verifier, computed here by libpq, reaches the server, so its statement log
    never holds the password."""
    assert db.server is not None
    with db.engine.begin() as conn:
        login = str(conn.exec_driver_sql("SELECT session_user").scalar())
        raw = conn.connection.driver_connection
        verifier = raw.pgconn.encrypt_password(  # type: ignore[union-attr]
            password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
        )
        conn.exec_driver_sql(
            f"ALTER ROLE CURRENT_USER PASSWORD {literal(bytes(verifier).decode('ascii'))}"
        )
    old = db.engine
    db.server = db.server.with_password(password)
    db.engine = server_engine(db.server)
    old.dispose()


def logins_present(db: Database, usernames: list[str]) -> set[str]:
    """Which of ``usernames`` have their own login on the server (``pg_roles`` is readable by
    every account, so any connection can tell)."""
    if db.server is None or not usernames:
        return set()
    prefix = prefix_for(db.server.database)
    wanted = {}
    for username in usernames:
        try:
            wanted[login_name(prefix, username)] = username
        except BadName:
            continue
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY(:names)"),
            {"names": list(wanted)},
        )
        return {wanted[row[0]] for row in rows}


def as_owner(
    db: Database, owner: str, password: str, change: Callable[[Engine, Site], None]
) -> None:
    """Run ``change(engine, site)`` through the owner's account, for one change: a refused
    password or an unreachable server becomes one plain sentence."""
    assert db.server is not None
    address = replace(db.server, user=owner.strip(), password=password)
    engine = server_engine(address)
    try:
        change(engine, Site(db.server.database, owner.strip()))
    except DBAPIError as exc:
        raise explain_server_error(exc, address) from exc
    finally:
        engine.dispose()

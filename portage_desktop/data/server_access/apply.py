"""The whole server set-up as SQL: printed for IT to run, or applied through the owner's
connection; and the one-step SQL for adding or removing a person's login.

Everything is idempotent (applying again after an upgrade refreshes grants and policies for
new tables) and runs in one transaction, so a failure leaves the server as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from portage_desktop.data.errors import DatabaseError
from portage_desktop.data.server_access.functions import function_statements
from portage_desktop.data.server_access.grants import grant_statements, group_statements
from portage_desktop.data.server_access.names import (
    APP_ROLES,
    group_name,
    literal,
    login_name,
    prefix_for,
    quote,
)
from portage_desktop.data.server_access.policies import policy_statements
from portage_desktop.i18n import tr

NOT_OWNER = tr(
    "Only the account that owns the records on the server can do this, and {user} does not. "
    "Please sign in with the owner's account, or ask whoever looks after the server."
)
NOT_SET_UP = tr(
    "The database on the server has not been set up by Portage Desktop yet. Start Portage "
    "Desktop once with the owner's account first; nothing has been changed."
)


@dataclass(frozen=True)
class Site:
    """Which database the roles are for, and the owner's role (that owns its tables)."""

    database: str
    owner: str

    @property
    def prefix(self) -> str:
        return prefix_for(self.database)


def setup_statements(site: Site) -> list[str]:
    """Every statement, in order: groups, privileges, functions, row-level security."""
    return [
        *group_statements(site.prefix),
        *grant_statements(site.prefix, site.database),
        *function_statements(site.prefix),
        *policy_statements(),
    ]


def setup_script(site: Site) -> str:
    """The set-up as one script for ``psql``, run as the owner (SET ROLE makes sure of it, so
    the functions run with the owner's rights, never a superuser's)."""
    lines = [
        f"-- Portage Desktop: server roles for the database {site.database}",
        f"-- Run as {site.owner} (or a superuser): psql -d {site.database} -f this-file.sql",
        "BEGIN;",
        f"SET LOCAL ROLE {quote(site.owner)};",
        # "policy does not exist, skipping" for every table the first time is only noise.
        "SET LOCAL client_min_messages = warning;",
    ]
    lines += [f"{statement};" for statement in setup_statements(site)]
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def owns_schema(conn: Connection) -> bool | None:
    """Whether the connected account owns the app's tables (``None``: no tables yet)."""
    row = conn.execute(
        text(
            "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_catalog.pg_class c "
            "WHERE c.oid = to_regclass('public.alembic_version')"
        )
    ).first()
    return None if row is None else bool(row[0])


def apply_setup(engine: Engine, site: Site) -> None:
    """Run the set-up through the owner's connection, all or nothing."""
    with engine.begin() as conn:
        _require_owner(conn)
        for statement in setup_statements(site):
            conn.exec_driver_sql(statement)


def _require_owner(conn: Connection) -> None:
    owner = owns_schema(conn)
    if owner is None:
        raise DatabaseError(NOT_SET_UP)
    if not owner:
        user = conn.execute(text("SELECT current_user")).scalar()
        raise DatabaseError(NOT_OWNER.format(user=user))


def add_login_statements(site: Site, username: str, role: str, verifier: str = "") -> list[str]:
    """SQL giving ``username`` a login of their own in ``role``'s group.

    ``verifier`` is a SCRAM verifier (see :func:`scram_verifier`), never the password itself,
    so the server's statement log holds nothing that opens the account; without one the
    login is made without a password and IT sets it with psql's ``\\password``.
    """
    login = quote(login_name(site.prefix, username))
    password = f" PASSWORD {literal(verifier)}" if verifier else ""
    return [
        f"CREATE ROLE {login} LOGIN{password}",
        f"GRANT {quote(group_name(site.prefix, role))} TO {login}",
    ]


def remove_login_statements(site: Site, username: str) -> list[str]:
    """SQL ending a person's access at once (their records and audit entries stay)."""
    return [f"DROP ROLE IF EXISTS {quote(login_name(site.prefix, username))}"]


def scram_verifier(engine: Engine, username: str, password: str, site: Site) -> str:
    """The SCRAM-SHA-256 verifier the server stores for ``password``, computed here by libpq."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        login = login_name(site.prefix, username)
        result = raw.pgconn.encrypt_password(  # type: ignore[union-attr]
            password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
        )
    return bytes(result).decode("ascii")


def add_login(engine: Engine, site: Site, username: str, role: str, password: str) -> None:
    """Make ``username``'s own login through the owner's connection, all or nothing."""
    if role not in APP_ROLES:
        raise DatabaseError(tr("There is no role called {role}.").format(role=role))
    verifier = scram_verifier(engine, username, password, site)
    _run(engine, add_login_statements(site, username, role, verifier))


def remove_login(engine: Engine, site: Site, username: str) -> None:
    _run(engine, remove_login_statements(site, username))


def _run(engine: Engine, statements: list[str]) -> None:
    try:
        with engine.begin() as conn:
            _require_owner(conn)
            for statement in statements:
                conn.exec_driver_sql(statement)
    except DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", None) or ""
        if state == "42710":
            raise DatabaseError(tr("That person already has a login on the server.")) from exc
        if state == "42501":
            raise DatabaseError(
                tr(
                    "The owner's account may not create logins on this server. Ask whoever "
                    "looks after the server to give it CREATEROLE (the README says how)."
                )
            ) from exc
        raise

"""Which app role may do what to which table, as PostgreSQL GRANTs.

The server enforces the same split the services do (``services.access.GRANTS``), so a
password that only opens ``psql`` can do no more than the app would let that person do:

- everyone reads (the password hashes excepted) and may append to the audit log, because
  viewing and printing are audited for every role;
- children's records are written by every role but read-only; only a manager erases a child;
- the staff list and training by managers and team leads, the home-visiting service's own
  set-up (rules, allocation, supervision, inductions) by team leads and managers, the setting's
  profile, rules and award by managers;
- user accounts are added and switched off by managers only, and the ``role`` column by
  nobody: a role changes only through ``portage_set_role`` (see ``functions``);
- nobody but the owner may UPDATE, DELETE or TRUNCATE the audit log (the owner is further
  stopped by the triggers of migration 0002), create anything, or alter a table or trigger.
"""

from __future__ import annotations

from sqlmodel import SQLModel

import portage_desktop.data.models  # noqa: F401  (registers every table in the metadata)
from portage_desktop.data.server_access.names import APP_ROLES, group_name, quote

EVERY_WRITER = ("manager", "senco", "practitioner", "home_visitor", "team_lead")
SETTING_TABLES = frozenset(
    {
        "setting",
        "retention_rule",
        "inspection",
        "stamp_application",
        "stamp_award",
        "stamp_rule",
        "stamp_statement",
        "framework",
        "framework_area",
        "framework_item",
    }
)
STAFF_TABLES = frozenset({"staff_member", "training_record", "training_attachment"})
SERVICE_TABLES = frozenset(
    {
        "service_rule",
        "service_closure",
        "home_visitor",
        "allocation",
        "induction_item",
        "induction_tick",
        "supervision_session",
        "supervision_attendee",
        "supervision_child",
        "supervision_action",
        "questionnaire_question",
        "monitoring_visit",
    }
)
AUDIT_TABLE = "audit_entry"
ACCOUNT_TABLE = "user_account"
SECRET_COLUMNS = frozenset({"password_hash"})
# Columns a manager may set on an account; ``role`` is missing on purpose.
ACCOUNT_UPDATABLE = (
    "display_name",
    "staff_member_id",
    "active",
    "password_hash",
    "failed_attempts",
    "updated_at",
    "row_version",
)
WRITE = "INSERT, UPDATE, DELETE"


def table_names() -> list[str]:
    """Every table of the app's schema, parents before children."""
    return [t.name for t in SQLModel.metadata.sorted_tables]


def writers_of(table: str) -> tuple[str, ...]:
    """The app roles that may INSERT, UPDATE and DELETE rows of ``table``."""
    if table in SETTING_TABLES:
        return ("manager",)
    if table in STAFF_TABLES or table in SERVICE_TABLES:
        return ("manager", "team_lead")
    if table in (AUDIT_TABLE, ACCOUNT_TABLE):
        return ()
    return EVERY_WRITER


def _readable_account_columns() -> str:
    table = SQLModel.metadata.tables[ACCOUNT_TABLE]
    return ", ".join(c.name for c in table.columns if c.name not in SECRET_COLUMNS)


def grant_statements(prefix: str, database: str) -> list[str]:
    """REVOKE everything, then GRANT exactly the privileges above, for every group."""
    groups = {role: quote(group_name(prefix, role)) for role in APP_ROLES}
    everyone = ", ".join(groups.values())
    sql = [
        # New databases let PUBLIC connect and make temporary tables; only the groups may
        # connect here, and nobody but the owner creates anything (PostgreSQL 14 and older
        # also let PUBLIC create tables in the public schema).
        f"REVOKE ALL ON DATABASE {quote(database)} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {quote(database)} TO {everyone}",
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, {everyone}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, {everyone}",
        # Ids come from sequences; using one reveals nothing but the next number.
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {everyone}",
        # The app reads its schema version when it starts.
        f"GRANT SELECT ON alembic_version TO {everyone}",
    ]
    for table in table_names():
        name = quote(table)
        if table == ACCOUNT_TABLE:
            columns = _readable_account_columns()
            sql.append(f"GRANT SELECT ({columns}) ON {name} TO {everyone}")
            updatable = ", ".join(ACCOUNT_UPDATABLE)
            # A column list after INSERT, UPDATE would limit both: a new account needs its role.
            sql.append(f"GRANT INSERT ON {name} TO {groups['manager']}")
            sql.append(f"GRANT UPDATE ({updatable}) ON {name} TO {groups['manager']}")
            continue
        sql.append(f"GRANT SELECT ON {name} TO {everyone}")
        if table == AUDIT_TABLE:
            sql.append(f"GRANT INSERT ON {name} TO {everyone}")
            continue
        writers = writers_of(table)
        if table == "child":
            # Archiving is an UPDATE; removing a child for good is a manager's erasure.
            sql.append(f"GRANT INSERT, UPDATE ON {name} TO {groups_of(groups, writers)}")
            sql.append(f"GRANT DELETE ON {name} TO {groups['manager']}")
        elif writers:
            sql.append(f"GRANT {WRITE} ON {name} TO {groups_of(groups, writers)}")
    return sql


def groups_of(groups: dict[str, str], roles: tuple[str, ...]) -> str:
    return ", ".join(groups[role] for role in roles)


def group_statements(prefix: str) -> list[str]:
    """One NOLOGIN group per app role, created only if missing (so applying twice is safe)."""
    sql = []
    for role in APP_ROLES:
        name = group_name(prefix, role)
        sql.append(
            "DO $$ BEGIN "
            f"CREATE ROLE {quote(name)} NOLOGIN; "
            "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
        )
    return sql

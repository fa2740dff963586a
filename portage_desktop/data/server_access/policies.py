"""Row-level security: the server hides the rows the product says someone may not read.

- Children's records: a home visitor reads and writes only her own families and children
  allocated to nobody (see ``portage_sees_child``); every other role sees every child.
- Supervision: as ``services.service_quality.supervision.list_sessions``, team leads and
  managers read every session, a home visitor the sessions she attended, nobody else any.
- A table without a child or a session of its own (an observation's items, a plan's steps)
  follows its parent row: if the parent is hidden, so is it.

The owner owns the tables, so its connection (the set-up, migrations) is not filtered.
One policy per table: PostgreSQL ORs permissive policies, so the conditions are ANDed here.
"""

from __future__ import annotations

from sqlalchemy import Table
from sqlmodel import SQLModel

from portage_desktop.data.server_access.grants import table_names
from portage_desktop.data.server_access.names import quote

POLICY = "portage_may_read"
DIRECT = {
    "child": "portage_sees_child",
    "referral": "portage_sees_referral",
    "supervision_session": "portage_reads_supervision",
}


def _condition(column: str, check: str, nullable: bool) -> str:
    test = f"{check}({quote(column)})"
    return f"({quote(column)} IS NULL OR {test})" if nullable else test


def conditions(table: Table, protected: set[str]) -> list[str]:
    """What a row of ``table`` must pass to be seen, from its own columns or its parents."""
    if table.name in DIRECT:
        return [f"{DIRECT[table.name]}({quote('id')})"]
    own: list[str] = []
    inherited: list[str] = []
    for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
        column, target = fk.parent, fk.column.table.name
        if target in DIRECT:
            own.append(_condition(column.name, DIRECT[target], bool(column.nullable)))
        elif target in protected:
            exists = (
                f"EXISTS (SELECT 1 FROM {quote(target)} p "
                f"WHERE p.id = {quote(table.name)}.{quote(column.name)})"
            )
            inherited.append(f"({quote(column.name)} IS NULL OR {exists})")
    # A row with its own child or session needs no second look at a parent.
    return own or inherited


def policy_statements() -> list[str]:
    """ENABLE row-level security and (re)create one policy on every table that needs one."""
    protected: set[str] = set()
    sql: list[str] = []
    for name in table_names():  # parents first, so a child table sees its parent's state
        found = conditions(SQLModel.metadata.tables[name], protected)
        table = quote(name)
        sql.append(f"DROP POLICY IF EXISTS {POLICY} ON {table}")
        if not found:
            sql.append(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
            continue
        protected.add(name)
        rule = " AND ".join(found)
        sql.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        sql.append(f"CREATE POLICY {POLICY} ON {table} USING ({rule}) WITH CHECK ({rule})")
    return sql


def protected_tables() -> list[str]:
    """The tables that get a policy (for the README and the tests)."""
    protected: set[str] = set()
    for name in table_names():
        if conditions(SQLModel.metadata.tables[name], protected):
            protected.add(name)
    return sorted(protected)

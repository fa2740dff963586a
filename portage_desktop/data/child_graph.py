"""Everything stored about one child, found by following foreign keys from the child's row.

Subject access exports and erasure both need "all of it". Walking the schema instead of listing
tables by hand means a table added by a later feature is included the day it is created.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, delete, select, text
from sqlmodel import SQLModel

from portage_desktop.data.engine import Database, DbSession

Row = dict[str, Any]


def _key(table: Table, row: Row) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def collect(session: DbSession, child_id: int) -> dict[str, list[Row]]:
    """Rows per table: the child, then every row that depends on it, directly or not."""
    tables = SQLModel.metadata.tables
    child = tables["child"]
    found: dict[str, dict[tuple[Any, ...], Row]] = {}
    for row in session.connection().execute(select(child).where(child.c.id == child_id)):
        found["child"] = {(child_id,): dict(row._mapping)}
    if not found:
        return {}
    changed = True
    while changed:
        changed = False
        for table in SQLModel.metadata.sorted_tables:
            for fk in table.foreign_keys:
                parent = fk.column.table.name
                if parent not in found or table.name == parent:
                    continue
                values = {r[fk.column.name] for r in found[parent].values()}
                query = select(table).where(fk.parent.in_(values))
                bucket = found.setdefault(table.name, {})
                for row in session.connection().execute(query):
                    mapping = dict(row._mapping)
                    key = _key(table, mapping)
                    if key not in bucket:
                        bucket[key] = mapping
                        changed = True
    return {name: list(rows.values()) for name, rows in found.items() if rows}


def delete_all(session: DbSession, rows: dict[str, list[Row]]) -> int:
    """Delete collected rows, dependants first, so foreign keys never object."""
    count = 0
    for table in reversed(SQLModel.metadata.sorted_tables):
        for row in rows.get(table.name, []):
            condition = [c == row[c.name] for c in table.primary_key.columns]
            count += session.connection().execute(delete(table).where(*condition)).rowcount
    return count


@contextmanager
def secure_delete(db: Database) -> Iterator[DbSession]:
    """A session whose deletes leave nothing behind in the file, as far as the engine allows.

    On a file, ``secure_delete`` zeroes deleted content, the WAL is checkpointed and truncated,
    and VACUUM rewrites the file, so the erased data is in no page of the database or its
    journal. On a shared server the rows are deleted in one transaction; the server reclaims
    their space itself, and its own logs and backups are its administrator's to manage.
    """
    if db.on_server:
        with db.session() as s:
            yield s
        return
    with db.session() as s:
        s.connection().execute(text("PRAGMA secure_delete = ON"))
        yield s
    with db.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        conn.execute(text("VACUUM"))
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

"""Every table of a setting to and from plain JSON rows, generically over the model metadata.

Table-driven so that a table added later (the service's, say) is exported and imported without
anyone remembering to: each column is converted by its SQL type. Binary columns (attachments,
photos) become files in the zip rather than base64, so a person can open them. Rows keep their
ids, so references between records survive unchanged; the audit log is copied as it was, so its
hash chain still holds and nothing in it reads as a new event.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

from portage_desktop.data import audit_anchor, migrate
from portage_desktop.data import models as _models  # noqa: F401  (registers every table)
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr

FORMAT = "portage-desktop-setting"
VERSION = 1

Rows = dict[str, list[dict[str, Any]]]


def tables() -> list[sa.Table]:
    """Every table in an order where a row's references come before it."""
    return list(SQLModel.metadata.sorted_tables)


def _key_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return list(table.primary_key.columns) or list(table.columns)


def _to_json(value: Any, name: str, put_file: Callable[[bytes], str]) -> Any:
    if value is None or isinstance(value, bool | int | float | str | dict | list):
        return value
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return {"file": put_file(bytes(value))}
    raise TypeError(f"cannot export a {type(value).__name__} in {name}")


def export_rows(db: Database, put_file: Callable[[str, bytes], str]) -> tuple[str | None, Rows]:
    """The schema revision and every table's rows, in key order so two exports compare."""
    out: Rows = {}
    with db.engine.connect() as conn:
        for table in tables():
            rows = []
            order = _key_columns(table)
            for n, row in enumerate(conn.execute(sa.select(table).order_by(*order)).mappings()):
                item = {}
                for column in table.columns:
                    where = f"files/{table.name}/{n + 1}-{column.name}.bin"
                    item[column.name] = _to_json(
                        row[column.name],
                        f"{table.name}.{column.name}",
                        lambda data, where=where: put_file(where, data),
                    )
                rows.append(item)
            out[table.name] = rows
    return migrate.current_revision(db), out


@dataclass
class Checked:
    """Rows converted back to Python values, and every problem found on the way."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _from_json(value: Any, column: sa.Column[Any], get_file: Callable[[str], bytes | None]) -> Any:
    """The Python value for ``column``; raises ValueError with a plain reason."""
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance  # a house type (UTC times, say): convert by what it stores
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        if not isinstance(value, str) or value not in kind.enum_class.__members__:
            choices = ", ".join(kind.enum_class.__members__)
            raise ValueError(tr("must be one of {choices}").format(choices=choices))
        return kind.enum_class[value]
    if isinstance(kind, sa.LargeBinary):
        name = value.get("file") if isinstance(value, dict) else None
        data = get_file(name) if isinstance(name, str) else None
        if data is None:
            raise ValueError(
                tr("must name a file in the zip, as {example}").format(
                    example='{"file": "files/..."}'
                )
            )
        return data
    if isinstance(kind, sa.JSON):
        return value
    if isinstance(kind, sa.Boolean):
        if not isinstance(value, bool):
            raise ValueError(tr("must be true or false"))
        return value
    if isinstance(kind, sa.DateTime | sa.Date | sa.Time):
        parse = {sa.DateTime: datetime, sa.Date: date, sa.Time: time}
        target = next(t for k, t in parse.items() if isinstance(kind, k))
        if not isinstance(value, str):
            raise ValueError(
                tr("must be a {kind} written as text (ISO 8601)").format(kind=target.__name__)
            )
        try:
            return target.fromisoformat(value)
        except ValueError:
            raise ValueError(
                tr("'{value}' is not a valid {kind}").format(value=value, kind=target.__name__)
            ) from None
    if isinstance(kind, sa.Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(tr("must be a whole number"))
        return value
    if isinstance(kind, sa.Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(tr("must be a number"))
        return value
    if isinstance(kind, sa.Numeric):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValueError(tr("must be a number")) from None
    if isinstance(kind, sa.Uuid):
        try:
            return uuid.UUID(str(value))
        except ValueError:
            raise ValueError(tr("must be an identifier (UUID)")) from None
    if not isinstance(value, str):
        raise ValueError(tr("must be text"))
    if isinstance(kind, sa.String) and kind.length and len(value) > kind.length:
        raise ValueError(tr("is longer than {n} characters").format(n=kind.length))
    return value


def check_rows(raw: Any, get_file: Callable[[str], bytes | None]) -> Checked:
    """Check every table, row and value, and every reference between rows, before any write."""
    checked = Checked()
    if not isinstance(raw, dict):
        checked.problems.append(tr("tables: must be an object of table names"))
        return checked
    known = {t.name: t for t in tables()}
    for name in raw:
        if name not in known:
            checked.problems.append(
                tr("tables.{name}: no such table in this version of the app").format(name=name)
            )
    keys: dict[str, set[tuple[Any, ...]]] = {}
    for table in tables():
        rows = raw.get(table.name, [])
        where = f"tables.{table.name}"
        if not isinstance(rows, list):
            checked.problems.append(tr("{at}: must be a list of rows").format(at=where))
            continue
        out = checked.rows.setdefault(table.name, [])
        seen = keys.setdefault(table.name, set())
        for n, row in enumerate(rows):
            at = f"{where}[{n}]"
            if not isinstance(row, dict):
                checked.problems.append(tr("{at}: must be an object").format(at=at))
                continue
            for extra in set(row) - set(table.columns.keys()):
                checked.problems.append(
                    tr("{at}.{field}: no such field").format(at=at, field=extra)
                )
            item = _check_row(table, row, at, get_file, checked.problems)
            key = tuple(item.get(c.name) for c in _key_columns(table))
            if key in seen:
                checked.problems.append(
                    tr("{at}: the same key as an earlier row ({key})").format(at=at, key=key)
                )
            seen.add(key)
            out.append(item)
    _check_references(checked, keys)
    return checked


def _check_row(
    table: sa.Table,
    row: dict[str, Any],
    at: str,
    get_file: Callable[[str], bytes | None],
    problems: list[str],
) -> dict[str, Any]:
    item: dict[str, Any] = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is None:
            if not column.nullable and not (column.primary_key and column.autoincrement):
                problems.append(tr("{at}.{field}: is required").format(at=at, field=column.name))
            item[column.name] = None
            continue
        try:
            item[column.name] = _from_json(value, column, get_file)
        except ValueError as exc:
            problems.append(f"{at}.{column.name}: {exc}")
    return item


def _check_references(checked: Checked, keys: dict[str, set[tuple[Any, ...]]]) -> None:
    for table in tables():
        for fk in table.foreign_key_constraints:
            target = fk.referred_table
            if [c.name for c in fk.elements[0].column.table.primary_key.columns] != [
                e.column.name for e in fk.elements
            ]:
                continue  # a reference to a non-key column: the database checks it on insert
            for n, row in enumerate(checked.rows.get(table.name, [])):
                value = tuple(row.get(c.name) for c in fk.columns)
                if any(v is None for v in value) or value in keys.get(target.name, set()):
                    continue
                names = ", ".join(c.name for c in fk.columns)
                checked.problems.append(
                    tr(
                        "tables.{table}[{n}].{fields}: refers to {target} {value}, "
                        "which is not in the file"
                    ).format(
                        table=table.name, n=n, fields=names, target=target.name, value=value[0]
                    )
                )


def holds_records(db: Database) -> bool:
    """Whether anything but the checklists every new database is given has been saved."""
    from portage_desktop.data.models import ChildRecord, SettingRecord, StaffMemberRecord

    with db.engine.connect() as conn:
        return any(
            conn.execute(sa.select(sa.func.count()).select_from(m.__table__)).scalar()  # type: ignore[attr-defined]
            for m in (SettingRecord, ChildRecord, StaffMemberRecord)
        )


def write_rows(db: Database, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Replace everything in a new database with ``rows``, in one transaction.

    The checklists a new database is given are removed first, because the file carries the
    setting's own copies under their own ids. The audit log goes in as it was (history, its
    chain intact) and the anchor beside the file is restarted from its head, as after a restore.
    """
    with db.engine.begin() as conn:
        for table in reversed(tables()):
            conn.execute(table.delete())
        for table in tables():
            if rows.get(table.name):
                conn.execute(table.insert(), rows[table.name])
    if db.path is not None and db.server is None:
        from sqlmodel import Session

        with Session(db.engine) as session:
            head = audit_anchor.current_head(session)

            def holds(h: audit_anchor.Head) -> bool:
                return audit_anchor.found_at(session, h) == (h.hash, h.count)

            audit_anchor.restart(Path(db.path), db.backup_dir, holds, head)

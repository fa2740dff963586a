"""The JSON Schema of ``setting.json``, built from the models so the published file cannot drift.

The importer checks the same column rules by hand (setting_archive.check_rows) and adds what a
schema cannot say: references between rows, duplicate keys, real dates, files present in the zip.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from portage_desktop.data.setting_archive import FORMAT, VERSION, tables


def _column(column: sa.Column[Any]) -> dict[str, Any]:
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    spec: dict[str, Any]
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        spec = {"enum": list(kind.enum_class.__members__)}
    elif isinstance(kind, sa.LargeBinary):
        spec = {
            "type": "object",
            "properties": {"file": {"type": "string", "pattern": "^files/"}},
            "required": ["file"],
            "additionalProperties": False,
        }
    elif isinstance(kind, sa.JSON):
        spec = {}
    elif isinstance(kind, sa.Boolean):
        spec = {"type": "boolean"}
    elif isinstance(kind, sa.DateTime):
        spec = {"type": "string", "format": "date-time"}
    elif isinstance(kind, sa.Date):
        spec = {"type": "string", "format": "date"}
    elif isinstance(kind, sa.Time):
        spec = {"type": "string", "format": "time"}
    elif isinstance(kind, sa.Integer):
        spec = {"type": "integer"}
    elif isinstance(kind, sa.Float | sa.Numeric):
        spec = {"type": "number"}
    elif isinstance(kind, sa.Uuid):
        spec = {"type": "string", "format": "uuid"}
    else:
        spec = {"type": "string"}
        if isinstance(kind, sa.String) and kind.length:
            spec["maxLength"] = kind.length
    if column.nullable and spec:
        spec = {"anyOf": [spec, {"type": "null"}]}
    return spec


def _required(table: sa.Table) -> list[str]:
    return [
        c.name for c in table.columns if not c.nullable and not (c.primary_key and c.autoincrement)
    ]


def schema() -> dict[str, Any]:
    """The whole schema, in a stable order so the committed file changes only with the models."""
    rows = {
        t.name: {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {c.name: _column(c) for c in t.columns},
                "required": _required(t),
                "additionalProperties": False,
            },
        }
        for t in sorted(tables(), key=lambda t: t.name)
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Portage Desktop whole-setting export (setting.json)",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "schema_revision": {"type": ["string", "null"]},
            "app_version": {"type": "string"},
            "tables": {"type": "object", "properties": rows, "additionalProperties": False},
        },
        "required": ["format", "version", "schema_revision", "tables"],
    }

"""Subject access: everything held about one child, readable (PDF) and complete (JSON).

Parents may see everything about their child. The export covers every table that depends on the
child's record, so nothing added later can be forgotten.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from portage_desktop import __version__
from portage_desktop.data import child_graph
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.dates import format_date, format_datetime
from portage_desktop.services.errors import NotFoundError
from portage_desktop.services.subject_access_pages import Page, readable_pages

# Columns that only link rows together; the PDF leaves them out, the JSON keeps them.
_PLUMBING = {"id", "child_id", "password_hash", "prev_hash", "hash"}


@dataclass(frozen=True)
class Section:
    """One kind of record in the readable export, with each row as label/value pairs."""

    title: str
    rows: tuple[tuple[tuple[str, str], ...], ...]


@dataclass(frozen=True)
class ChildExport:
    child_id: int
    child_name: str
    sections: tuple[Section, ...]
    raw: dict[str, list[dict[str, Any]]]
    pages: tuple[Page, ...] = ()  # the parent's copy: plain headings and words


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii"), "bytes": len(value)}
    return value


def _readable(value: Any) -> str:
    if value is None or value == "":
        return tr("(not recorded)")
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, datetime):
        return format_datetime(value.astimezone() if value.tzinfo else value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return tr("(a file of {max} KB, included in the JSON export)").format(
            max=max(1, len(value) // 1024)
        )
    return str(value)


def _vocabulary() -> dict[str, type]:
    from portage_desktop.services.access import Role
    from portage_desktop.services.vocabulary import NeedArea, SenStatus, SettingKind, StaffRole

    return {
        "sen_status": SenStatus,
        "need_areas": NeedArea,
        "roles": StaffRole,
        "role": Role,
        "kind": SettingKind,
    }


def _cell(column: str, value: Any) -> str:
    enum = _vocabulary().get(column)
    if enum is not None and isinstance(value, str):
        labels = {e.value: e.label for e in enum}  # type: ignore[attr-defined]
        words = [labels.get(code, code) for code in value.split(",") if code]
        return ", ".join(words) or tr("(not recorded)")
    return _readable(value)


_LABELS = {
    "sen_status": tr("SEN status"),
    "need_areas": tr("Areas of need"),
    "known_as": tr("Known as"),
}


def _title(table: str) -> str:
    return table.replace("_", " ").capitalize()


def _label(column: str) -> str:
    return _LABELS.get(column) or column.replace("_", " ").capitalize()


def collect(db: Database, child_id: int) -> ChildExport:
    """Everything about the child, in memory; the export is audited."""
    require(db, Permission.EXPORT)
    with db.session() as s:
        rows = child_graph.collect(s, child_id)
        if not rows:
            raise NotFoundError(tr("That child's record no longer exists."))
        audit.record(s, db, AuditAction.EXPORT, "child", child_id, "subject access")
    child = rows["child"][0]
    sections = []
    for table, table_rows in rows.items():
        readable = tuple(
            tuple(
                (_label(k), _cell(k, v))
                for k, v in row.items()
                if k not in _PLUMBING and not k.endswith("_id")
            )
            for row in table_rows
        )
        sections.append(Section(_title(table), readable))
    pages = readable_pages(rows, _skill_wording(db))
    raw = {t: [{k: _json_value(v) for k, v in r.items()} for r in rs] for t, rs in rows.items()}
    return ChildExport(
        child_id, f"{child['first_name']} {child['last_name']}", tuple(sections), raw, pages
    )


def _skill_wording(db: Database) -> Any:
    """Each checklist's skills as (area, wording) by item, and the checklist for its labels."""
    from portage_desktop.services import frameworks

    cache: dict[int, tuple[dict[int, tuple[str, str]], Any]] = {}

    def items(framework_id: int) -> tuple[dict[int, tuple[str, str]], Any]:
        if framework_id not in cache:
            detail = frameworks.get_framework(db, framework_id)
            wording = {i.id: (a.name, i.text) for a in detail.areas for i in a.items}
            cache[framework_id] = (wording, detail.framework)
        return cache[framework_id]

    return items


def json_text(export: ChildExport) -> str:
    """The complete export as JSON text; the caller writes it through the safe writer."""
    document = {
        "format": "portage-desktop-subject-access",
        "format_version": 1,
        "app_version": __version__,
        "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "child_id": export.child_id,
        "tables": export.raw,
    }
    return json.dumps(document, indent=2, ensure_ascii=False)

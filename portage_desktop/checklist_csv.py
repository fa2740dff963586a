"""Reading the spreadsheet (CSV) form of a checklist file: one row per setting, status, small
step, checkpoint or note of guidance, with the same checks as the JSON form (see
``checklist_format`` and docs/checklist-format.md)."""

from __future__ import annotations

import csv
import io

from portage_desktop.checklist_rules import (
    CHECKPOINT,
    GUIDANCE,
    STEP,
    Checker,
    ChecklistFormatError,
    ParsedArea,
    ParsedFramework,
    ParsedItem,
)
from portage_desktop.i18n import tr

# In a spreadsheet the ``kind`` column says what each row is; a small step is an ``item``.
CSV_ITEM_ROWS = {"item": STEP, "step": STEP, "checkpoint": CHECKPOINT, "guidance": GUIDANCE}


def parse_csv_text(text: str) -> ParsedFramework:
    """Read the spreadsheet form: one row per setting, status or small step (see the docs)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        return _parse_csv_rows(reader)
    except csv.Error as exc:  # a broken quote or a stray line break inside a cell
        raise ChecklistFormatError(
            [
                tr(
                    "Line {line_num}: the row cannot be read as CSV ({exc}). "
                    "Save the file again from your spreadsheet as 'CSV UTF-8'."
                ).format(line_num=reader.line_num, exc=exc)
            ]
        ) from None


def _parse_csv_rows(reader: csv.DictReader[str]) -> ParsedFramework:
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("kind", "area", "text") if c not in header]
    if missing:
        raise ChecklistFormatError(
            [
                tr("Line 1: the first row should name the columns; missing: {join}.").format(
                    join=", ".join(missing)
                )
            ]
        )
    reader.fieldnames = header
    check = Checker()
    meta: dict[str, str] = {}
    scale: list[tuple[int, object, object, object]] = []
    areas: dict[str, list[ParsedItem]] = {}
    area_names: dict[str, str] = {}
    for row in reader:
        line = reader.line_num
        kind = (row.get("kind") or "").strip().lower()
        if kind in ("name", "version", "source", "licence"):
            meta[kind] = row.get("text") or ""
        elif kind == "status":
            scale.append(
                (line, row.get("code"), row.get("text"), (row.get("meaning") or "").strip())
            )
        elif kind in CSV_ITEM_ROWS:
            area = check.text(line, "area", row.get("area"), 120, required=True)
            item = check.item(line, row, kind=CSV_ITEM_ROWS[kind])
            if area:
                key = area.casefold()
                area_names.setdefault(key, area)
                areas.setdefault(key, []).append(item)
        elif kind or any((v or "").strip() for v in row.values() if isinstance(v, str)):
            check.add(
                line,
                "kind",
                tr(
                    "should be name, version, source, licence, status, item, checkpoint or "
                    "guidance."
                ),
            )
    framework = ParsedFramework(
        name=check.text(1, "name", meta.get("name"), 120, required=True),
        version=check.text(1, "version", meta.get("version"), 40, required=True),
        source=check.text(1, "source", meta.get("source"), 300, required=False),
        licence=check.text(1, "licence", meta.get("licence"), 300, required=False),
        scale=check.scale(1, scale),
        areas=tuple(ParsedArea(area_names[k], tuple(v)) for k, v in areas.items()),
    )
    return check.finish(framework)

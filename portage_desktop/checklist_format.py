"""Reading checklist framework files: JSON, or CSV from a spreadsheet (docs/checklist-format.md).

Pure Python with no database or Qt, so the services (importing a setting's own file) and the data
layer (installing the shipped checklists) read files the same way. Every problem names the line
and the field, and a file with any problem is refused as a whole.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from json.decoder import JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner
from typing import Any

from portage_desktop.checklist_csv import parse_csv_text
from portage_desktop.checklist_rules import (  # noqa: F401 (the names readers use)
    CHECKPOINT,
    FORMAT_NAME,
    GUIDANCE,
    ITEM_KINDS,
    MAX_DEPTH,
    MAX_ITEMS,
    MEANINGS,
    STEP,
    Checker,
    ChecklistFormatError,
    ParsedArea,
    ParsedFramework,
    ParsedItem,
    ScaleLevel,
)
from portage_desktop.i18n import tr

_STRUCTURE = re.compile(r'[{}\[\]"\\\n]')


class _LinedDict(dict):  # type: ignore[type-arg]
    line: int = 0


def _json_with_lines(text: str) -> Any:
    """Decode JSON, remembering the line on which every object starts."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[dict, int]:  # type: ignore[type-arg]
        obj, end = JSONObject(s_and_end, *args)
        lined = _LinedDict(obj)
        lined.line = bisect_right(starts, s_and_end[1] - 1)
        return lined, end

    decoder.parse_object = parse_object  # type: ignore[assignment]
    decoder.scan_once = py_make_scanner(decoder)  # type: ignore[assignment]
    return decoder.decode(text)


def parse_json(text: str) -> ParsedFramework:
    """Read the JSON form of a framework; raises :class:`ChecklistFormatError`."""
    _not_too_deep(text)
    try:
        raw = _json_with_lines(text)
    except json.JSONDecodeError as exc:
        raise ChecklistFormatError(
            [
                tr("Line {lineno}: this is not valid JSON ({msg}, column {colno}).").format(
                    lineno=exc.lineno, msg=exc.msg, colno=exc.colno
                )
            ]
        ) from None
    except RecursionError:  # a backstop: _not_too_deep should have said so already
        raise ChecklistFormatError(
            [
                tr("Line 1: the file is nested too deeply (more than {MAX_DEPTH} levels).").format(
                    MAX_DEPTH=MAX_DEPTH
                )
            ]
        ) from None
    if not isinstance(raw, _LinedDict):
        raise ChecklistFormatError([tr("Line 1: the file should hold one JSON object { ... }.")])
    check = Checker()
    top = raw.line
    if raw.get("format") not in (FORMAT_NAME, None):
        check.add(top, "format", tr('should be "{FORMAT_NAME}".').format(FORMAT_NAME=FORMAT_NAME))
    scale_raw = raw.get("scale")
    entries: list[tuple[int, object, object, object]] = []
    if scale_raw is not None and not isinstance(scale_raw, list):
        check.add(top, "scale", tr("should be a list of statuses."))
    for level in scale_raw if isinstance(scale_raw, list) else []:
        if isinstance(level, _LinedDict):
            entries.append(
                (level.line, level.get("value"), level.get("label"), level.get("meaning"))
            )
        else:
            check.add(
                top, "scale", tr("each status should be an object with value, label, meaning.")
            )
    areas: list[ParsedArea] = []
    raw_areas = raw.get("areas")
    if not isinstance(raw_areas, list):
        check.add(top, "areas", tr("is missing: list the areas and their small steps."))
        raw_areas = []
    for area in raw_areas:
        if not isinstance(area, _LinedDict):
            check.add(top, "areas", tr("each area should be an object with a name and items."))
            continue
        name = check.text(area.line, "name", area.get("name"), 120, required=True)
        items = area.get("items")
        if not isinstance(items, list) or not items:
            check.add(area.line, "items", tr("should list at least one small step."))
            items = []
        parsed = []
        for item in items:
            if isinstance(item, _LinedDict):
                parsed.append(check.item(item.line, item))
            else:
                check.add(area.line, "items", tr("each small step should be an object with text."))
        areas.append(ParsedArea(name, tuple(parsed)))
    _no_repeated_areas(check, [(a.line, a.get("name")) for a in raw_areas if isinstance(a, dict)])
    framework = ParsedFramework(
        name=check.text(top, "name", raw.get("name"), 120, required=True),
        version=check.text(top, "version", raw.get("version"), 40, required=True),
        source=check.text(top, "source", raw.get("source"), 300, required=False),
        licence=check.text(top, "licence", raw.get("licence"), 300, required=False),
        scale=check.scale(top, entries),
        areas=tuple(areas),
    )
    return check.finish(framework)


def _not_too_deep(text: str) -> None:
    """Refuse brackets nested past ``MAX_DEPTH``, naming the line, before the reader recurses."""
    depth, line, in_string, skip_at = 0, 1, False, -1
    for match in _STRUCTURE.finditer(text):
        ch, at = match.group(), match.start()
        if ch == "\n":
            line += 1
        elif at == skip_at:
            continue  # the character after a backslash inside a string
        elif ch == "\\":
            skip_at = at + 1 if in_string else skip_at
        elif ch == '"':
            in_string = not in_string
        elif in_string:
            continue
        elif ch in "{[":
            depth += 1
            if depth > MAX_DEPTH:
                raise ChecklistFormatError(
                    [
                        tr(
                            "Line {line}: the file is nested too deeply (more than {MAX_DEPTH} "
                            "levels of brackets); a checklist needs five."
                        ).format(line=line, MAX_DEPTH=MAX_DEPTH)
                    ]
                )
        else:
            depth -= 1


def _no_repeated_areas(check: Checker, names: list[tuple[int, object]]) -> None:
    seen: set[str] = set()
    for line, name in names:
        key = " ".join(str(name or "").split()).casefold()
        if key and key in seen:
            check.add(
                line, "name", tr("this area appears twice; put all its small steps together.")
            )
        seen.add(key)


def parse_file(name: str, content: bytes) -> ParsedFramework:
    """Choose the reader by the file's extension; text must be UTF-8."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ChecklistFormatError(
            [tr("The file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8'.")]
        ) from None
    if name.lower().endswith(".csv"):
        return parse_csv_text(text)
    return parse_json(text)


parse_csv = parse_csv_text  # the spreadsheet form, read by ``checklist_csv``

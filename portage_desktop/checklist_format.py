"""Reading checklist framework files: JSON, or CSV from a spreadsheet (docs/checklist-format.md).

Pure Python with no database or Qt, so the services (importing a setting's own file) and the data
layer (installing the shipped checklists) read files the same way. Every problem names the line
and the field, and a file with any problem is refused as a whole.
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from json.decoder import JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner
from typing import Any

from portage_desktop.i18n import tr
from portage_desktop.text_rules import Hidden, hidden_kind

FORMAT_NAME = "portage-desktop-checklist"
MEANINGS = ("not_yet", "emerging", "achieved")
MAX_ITEMS = 3000
# The format itself is four levels deep (file, areas, area, items, item); anything far deeper is
# not a checklist, and would exhaust the reader's recursion.
MAX_DEPTH = 20
_FILE_MESSAGES = {
    Hidden.CONTROL: tr("has a hidden control character in it; remove it and save the file again."),
    Hidden.DIRECTION: tr(
        "has a hidden character that changes the direction of the writing; "
        "remove it and save the file again."
    ),
    Hidden.BROKEN: tr("has a broken character in it (a lone surrogate); retype it and save again."),
    Hidden.INVISIBLE: tr("is made only of invisible characters; write it in words."),
}
_STRUCTURE = re.compile(r'[{}\[\]"\\\n]')


@dataclass(frozen=True)
class ScaleLevel:
    """One status a small step can have; ``meaning`` says how summaries count it."""

    value: int
    label: str
    meaning: str


@dataclass(frozen=True)
class ParsedItem:
    """One small step as read from a file, before it has a database id."""

    text: str
    code: str = ""
    aspect: str = ""
    age_from_months: int | None = None
    age_to_months: int | None = None


@dataclass(frozen=True)
class ParsedArea:
    """An area of development and its small steps, in the file's order."""

    name: str
    items: tuple[ParsedItem, ...]


@dataclass(frozen=True)
class ParsedFramework:
    """A whole checked framework, ready to store in one transaction."""

    name: str
    version: str
    source: str
    licence: str
    scale: tuple[ScaleLevel, ...]
    areas: tuple[ParsedArea, ...]

    @property
    def item_count(self) -> int:
        return sum(len(a.items) for a in self.areas)


class ChecklistFormatError(Exception):
    """The file cannot be imported; ``problems`` lists each one as "Line N, field: message"."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


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


class _Checker:
    """Collects every problem instead of stopping at the first, so one fix-up pass is enough."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.codes: dict[str, int] = {}  # a small step's code, folded, and its first line

    def add(self, line: int, field: str, message: str) -> None:
        self.problems.append(
            tr('Line {line}, field "{field}": {message}').format(
                line=line, field=field, message=message
            )
        )

    def text(self, line: int, field: str, value: object, limit: int, required: bool) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str | int | float):
            self.add(line, field, tr("should be text."))
            return ""
        hidden = hidden_kind(str(value))
        if hidden is not None:
            self.add(line, field, _FILE_MESSAGES[hidden])
            return ""
        cleaned = " ".join(str(value).split())
        if required and not cleaned:
            self.add(line, field, tr("is missing or empty."))
        elif len(cleaned) > limit:
            self.add(
                line, field, tr("is too long (at most {limit} characters).").format(limit=limit)
            )
        return cleaned

    def months(self, line: int, field: str, value: object) -> int | None:
        if value is None or value == "":
            return None
        try:
            number = int(str(value).strip())
        except ValueError:
            self.add(line, field, tr("should be a whole number of months, such as 18."))
            return None
        if not 0 <= number <= 120:
            self.add(line, field, tr("should be between 0 and 120 months."))
            return None
        return number

    def item(self, line: int, raw: dict[str, Any], prefix: str = "") -> ParsedItem:
        text = self.text(line, f"{prefix}text", raw.get("text"), 400, required=True)
        low = self.months(line, f"{prefix}age_from_months", raw.get("age_from_months"))
        high = self.months(line, f"{prefix}age_to_months", raw.get("age_to_months"))
        if low is not None and high is not None and high < low:
            self.add(line, f"{prefix}age_to_months", "is before age_from_months.")
        code = self.text(line, f"{prefix}code", raw.get("code"), 40, required=False)
        self.unique_code(line, f"{prefix}code", code)
        return ParsedItem(
            text=text,
            code=code,
            aspect=self.text(line, f"{prefix}aspect", raw.get("aspect"), 120, required=False),
            age_from_months=low,
            age_to_months=high,
        )

    def unique_code(self, line: int, field: str, code: str) -> None:
        """Refuse a code used twice: carrying progress forward to a new version matches by code."""
        if not code:
            return
        first = self.codes.setdefault(code.casefold(), line)
        if first != line:
            self.add(
                line,
                field,
                tr('"{code}" is already used on line {first}; each code must be unique.').format(
                    code=code, first=first
                ),
            )

    def scale(
        self, line: int, raw: list[tuple[int, object, object, object]]
    ) -> tuple[ScaleLevel, ...]:
        levels: list[ScaleLevel] = []
        for where, value, label, meaning in raw:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.add(where, "value", tr("should be a whole number from 1 to 9."))
                continue
            if not 1 <= number <= 9:
                self.add(where, "value", tr("should be a whole number from 1 to 9."))
            name = self.text(where, "label", label, 40, required=True)
            if meaning not in MEANINGS:
                self.add(
                    where,
                    "meaning",
                    tr("should be one of: {join}.").format(join=", ".join(MEANINGS)),
                )
                continue
            levels.append(ScaleLevel(number, name, str(meaning)))
        values = [lvl.value for lvl in levels]
        if not raw:
            self.add(line, "scale", tr("is missing: list the statuses a small step can have."))
        elif len(set(values)) != len(values):
            self.add(line, "scale", tr("uses the same value twice."))
        elif levels and not any(lvl.meaning == "achieved" for lvl in levels):
            self.add(line, "scale", tr('needs at least one status whose meaning is "achieved".'))
        return tuple(sorted(levels, key=lambda lvl: lvl.value))

    def finish(self, framework: ParsedFramework) -> ParsedFramework:
        if not framework.areas:
            self.problems.append(tr("The file has no areas with small steps in it."))
        if framework.item_count > MAX_ITEMS:
            self.problems.append(
                tr("The file has more than {MAX_ITEMS} small steps.").format(MAX_ITEMS=MAX_ITEMS)
            )
        if self.problems:
            raise ChecklistFormatError(self.problems)
        return framework


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
    check = _Checker()
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


def _no_repeated_areas(check: _Checker, names: list[tuple[int, object]]) -> None:
    seen: set[str] = set()
    for line, name in names:
        key = " ".join(str(name or "").split()).casefold()
        if key and key in seen:
            check.add(
                line, "name", tr("this area appears twice; put all its small steps together.")
            )
        seen.add(key)


def parse_csv(text: str) -> ParsedFramework:
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
    check = _Checker()
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
        elif kind == "item":
            area = check.text(line, "area", row.get("area"), 120, required=True)
            item = check.item(line, row)
            if area:
                key = area.casefold()
                area_names.setdefault(key, area)
                areas.setdefault(key, []).append(item)
        elif kind or any((v or "").strip() for v in row.values() if isinstance(v, str)):
            check.add(line, "kind", tr("should be name, version, source, licence, status or item."))
    framework = ParsedFramework(
        name=check.text(1, "name", meta.get("name"), 120, required=True),
        version=check.text(1, "version", meta.get("version"), 40, required=True),
        source=check.text(1, "source", meta.get("source"), 300, required=False),
        licence=check.text(1, "licence", meta.get("licence"), 300, required=False),
        scale=check.scale(1, scale),
        areas=tuple(ParsedArea(area_names[k], tuple(v)) for k, v in areas.items()),
    )
    return check.finish(framework)


def parse_file(name: str, content: bytes) -> ParsedFramework:
    """Choose the reader by the file's extension; text must be UTF-8."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ChecklistFormatError(
            [tr("The file is not UTF-8 text. Save it from your spreadsheet as 'CSV UTF-8'.")]
        ) from None
    if name.lower().endswith(".csv"):
        return parse_csv(text)
    return parse_json(text)

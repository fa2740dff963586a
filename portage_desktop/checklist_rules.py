"""What every checklist file must satisfy, whichever form it comes in (JSON or CSV): the
pieces of a checklist as read, and the checker that collects every problem with its line.

Kept apart from the two readers (``checklist_format`` for JSON, ``checklist_csv`` for CSV) so
each can use it without importing the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portage_desktop.i18n import tr
from portage_desktop.text_rules import Hidden, hidden_kind

FORMAT_NAME = "portage-desktop-checklist"
MEANINGS = ("not_yet", "emerging", "achieved")
# What an entry of a checklist is: a small step a child learns (the default; counted in
# strengths and next steps), a checkpoint to observe (given a status, shown apart), or
# guidance for the practitioner (never given a status). Real frameworks mix all three.
STEP, CHECKPOINT, GUIDANCE = "step", "checkpoint", "guidance"
ITEM_KINDS = (STEP, CHECKPOINT, GUIDANCE)
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
    kind: str = STEP
    age_band: str = ""  # the framework's own words for the ages, e.g. "Birth to three"


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


class Checker:
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

    def item(
        self, line: int, raw: dict[str, Any], prefix: str = "", kind: object = None
    ) -> ParsedItem:
        text = self.text(line, f"{prefix}text", raw.get("text"), 400, required=True)
        chosen = str(kind if kind is not None else raw.get("kind") or STEP).strip().lower()
        if chosen not in ITEM_KINDS:
            self.add(
                line,
                f"{prefix}kind",
                tr("should be one of: {join}.").format(join=", ".join(ITEM_KINDS)),
            )
            chosen = STEP
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
            kind=chosen,
            age_band=self.text(line, f"{prefix}age_band", raw.get("age_band"), 60, required=False),
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
        elif not any(i.kind == STEP for a in framework.areas for i in a.items):
            self.problems.append(
                tr("The file has no small steps in it, only checkpoints or guidance.")
            )
        if framework.item_count > MAX_ITEMS:
            self.problems.append(
                tr("The file has more than {MAX_ITEMS} small steps.").format(MAX_ITEMS=MAX_ITEMS)
            )
        if self.problems:
            raise ChecklistFormatError(self.problems)
        return framework

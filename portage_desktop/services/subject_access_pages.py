"""The readable half of a subject access export, in a parent's words.

The JSON file keeps every column for machines; a parent reads sections with plain headings,
each checklist result as the skill's wording and the status's label, and dates as dd/mm/yyyy.
Nothing that only links rows together (record numbers, row versions, code values) is shown.
A table this module does not know yet still prints, with its columns in plain words, so a
record added later can never be left out of the parent's copy.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date

Row = dict[str, Any]


@dataclass(frozen=True)
class Block:
    """One record as label/value pairs, or a list of records as a table (``columns`` set)."""

    heading: str
    fields: tuple[tuple[str, str], ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Page:
    """One section of the parent's copy: a heading, a sentence saying what it is, its records."""

    title: str
    intro: str
    blocks: tuple[Block, ...]


# Never shown to a parent: they only link rows or track edits.
_HIDDEN = {"id", "row_version", "password_hash", "prev_hash", "hash", "content", "position"}


def _vocabularies() -> dict[str, type[StrEnum]]:
    from portage_desktop.services import plan_vocabulary as pv
    from portage_desktop.services import record_vocabulary as rv
    from portage_desktop.services.reviews import Decision, Progress
    from portage_desktop.services.stamp_evidence import GoalArea
    from portage_desktop.services.vocabulary import NeedArea, SenStatus

    return {
        "sen_status": SenStatus,
        "need_areas": NeedArea,
        "role": rv.ProfessionalRole,
        "purpose": rv.ConsentPurpose,
        "photo_uses": rv.PhotoUse,
        "contributors": rv.Contributor,
        "author_kind": rv.AuthorKind,
        "area": GoalArea,
        "goal_area": GoalArea,
        "method": pv.TeachingMethod,
        "who": pv.Who,
        "by_kind": pv.RecordedBy,
        "progress": Progress,
        "decision": Decision,
    }


_STATUS_BY_TABLE = {"activity_plan": "PlanStatus", "goal": "GoalStatus"}
_KIND_BY_TABLE = {
    "observation": "ObservationKind",
    "activity_plan": "PlanKind",
    "transition_plan": "TransitionKind",
}


# Plain labels for columns whose names do not read well as they are.
def _labels() -> dict[str, str]:
    return {
        "sen_status": tr("Special educational needs support"),
        "need_areas": tr("Areas of need"),
        "known_as": tr("Known as"),
        "role_other": tr("Role (other)"),
        "contact": tr("How to contact"),
        "from_date": tr("Involved from"),
        "to_date": tr("Involved until"),
        "given": tr("Agreed"),
        "text": tr("What was written"),
        "by_kind": tr("Recorded by"),
        "tries": tr("Tries"),
        "successes": tr("Times it went well"),
        "done": tr("Step done"),
        "size": tr("Size (bytes)"),
        "media_type": tr("Type of file"),
        "created_at": tr("First recorded"),
        "updated_at": tr("Last changed"),
        "archived_at": tr("Record closed"),
    }


def _titles() -> dict[str, tuple[str, str]]:
    return {
        "child": (tr("About your child"), tr("The details we keep about your child.")),
        "family_member": (tr("Family"), tr("The family members and how to contact them.")),
        "professional": (
            tr("Professionals involved"),
            tr("Therapists and other professionals who work with your child."),
        ),
        "consent": (tr("What you have agreed to"), tr("Each consent you gave or withdrew.")),
        "profile_version": (
            tr("One-page profile"),
            tr("What people like and admire about your child and how best to help."),
        ),
        "assessment": (
            tr("Checklist assessments"),
            tr("Each time we looked at the checklist with you, and what we saw for each skill."),
        ),
        "observation": (tr("Observations and notes"), tr("What staff, you and others noticed.")),
        "goal": (tr("Goals"), tr("The goals we agreed together.")),
        "activity_plan": (
            tr("Activity plans"),
            tr("Each plan, its small steps and how each try went."),
        ),
        "review": (tr("Reviews"), tr("Each review meeting and what was agreed.")),
        "transition_plan": (tr("Moving on"), tr("Plans for moving to a new setting or school.")),
        "attachment": (
            tr("Photos and files"),
            tr("Files kept with the record; each is included in full in the JSON file."),
        ),
    }


# The column that names each record of a table in its heading.
_NAMED_BY = {
    "family_member": "name",
    "professional": "name",
    "consent": "purpose",
    "goal": "area",
    "observation": "observed_on",
    "review": "held_on",
    "transition_plan": "kind",
    "profile_version": "written_on",
    "attachment": "filename",
}
# Rows shown inside their parent's section rather than as sections of their own.
_NESTED = {
    "assessment_entry",
    "plan_step",
    "activity_record",
    "review_plan",
    "transition_action",
    "observation_item",
}


def humanise(value: str) -> str:
    """A code value a parent can read when no label is known: "to_school" -> "To school"."""
    return value.replace("_", " ").strip().capitalize()


def _label(column: str) -> str:
    return _labels().get(column) or humanise(column)


class Words:
    """Turns stored values into the words a parent reads, column by column."""

    def __init__(self) -> None:
        from portage_desktop.services import plan_vocabulary as pv
        from portage_desktop.services import record_vocabulary as rv
        from portage_desktop.services.transitions import TransitionKind

        self.enums = _vocabularies()
        self.named: dict[str, type[StrEnum]] = {
            "PlanStatus": pv.PlanStatus,
            "GoalStatus": pv.GoalStatus,
            "ObservationKind": rv.ObservationKind,
            "PlanKind": pv.PlanKind,
            "TransitionKind": TransitionKind,
        }

    def _enum_for(self, table: str, column: str) -> type[StrEnum] | None:
        if column == "status" and table in _STATUS_BY_TABLE:
            return self.named[_STATUS_BY_TABLE[table]]
        if column == "kind" and table in _KIND_BY_TABLE:
            return self.named[_KIND_BY_TABLE[table]]
        return self.enums.get(column)

    def value(self, table: str, column: str, value: Any) -> str:
        if value is None or value == "":
            return tr("Not recorded")
        if isinstance(value, bool):
            return tr("Yes") if value else tr("No")
        if isinstance(value, datetime):
            return format_date((value.astimezone() if value.tzinfo else value).date())
        if isinstance(value, date):
            return format_date(value)
        if isinstance(value, bytes | bytearray | memoryview):
            return tr("A file, included in full in the JSON file")
        if column == "prompts" and isinstance(value, str) and value.startswith("["):
            try:
                return ", ".join(str(p) for p in json.loads(value))
            except ValueError:
                return value
        enum = self._enum_for(table, column)
        if enum is not None and isinstance(value, str):
            labels = {e.value: e.label for e in enum}  # type: ignore[attr-defined]
            return ", ".join(labels.get(c, humanise(c)) for c in value.split(",") if c)
        if column in {"status", "kind"} and isinstance(value, str):
            return humanise(value)
        return str(value)

    def fields(self, table: str, row: Row) -> tuple[tuple[str, str], ...]:
        return tuple(
            (_label(k), self.value(table, k, v))
            for k, v in row.items()
            if k not in _HIDDEN and not k.endswith("_id") and v not in (None, "")
        )


def _children(rows: dict[str, list[Row]], table: str, key: str, parent: int) -> list[Row]:
    return [r for r in rows.get(table, []) if r.get(key) == parent]


def _assessment_block(
    words: Words, row: Row, entries: list[Row], items: Callable[[int], tuple[dict, Any]]
) -> list[Block]:
    """The assessment's details, then one line a skill: area, the skill's words, the status."""
    heading = tr("Assessment of {day}").format(day=words.value("", "", row["assessed_on"]))
    blocks = [Block(heading, words.fields("assessment", row))]
    wording, framework = items(row["framework_id"])
    by_area: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        area, text = wording.get(entry["item_id"], ("", tr("A skill no longer in the checklist")))
        level = framework.level(entry["status"]) if framework else None
        label = level.label if level else tr("Not recorded")
        by_area.setdefault(area, []).append((text, label, entry.get("evidence") or ""))
    for area, lines in by_area.items():
        blocks.append(
            Block(
                area or tr("Other skills"),
                columns=(tr("Skill"), tr("What we saw"), tr("Notes")),
                rows=tuple(lines),
            )
        )
    return blocks


def _plan_blocks(words: Words, rows: dict[str, list[Row]], plan: Row) -> list[Block]:
    heading = tr("Plan: {title}").format(title=plan.get("title") or tr("untitled"))
    blocks = [Block(heading, words.fields("activity_plan", plan))]
    steps = sorted(_children(rows, "plan_step", "plan_id", plan["id"]), key=lambda s: s["position"])
    step_names = {s["id"]: str(n) for n, s in enumerate(steps, start=1)}
    if steps:
        blocks.append(
            Block(
                tr("Small steps"),
                columns=(tr("Step"), tr("Small step"), tr("Started"), tr("Achieved")),
                rows=tuple(
                    (
                        step_names[s["id"]],
                        s["text"],
                        words.value("", "", s["started_on"]),
                        words.value("", "", s["achieved_on"]),
                    )
                    for s in steps
                ),
            )
        )
    tries = sorted(
        _children(rows, "activity_record", "plan_id", plan["id"]), key=lambda r: r["day"]
    )
    if tries:
        blocks.append(
            Block(
                tr("How each day went"),
                columns=(tr("Day"), tr("Step"), tr("By"), tr("Result"), tr("Notes")),
                rows=tuple(
                    (
                        words.value("", "", r["day"]),
                        step_names.get(r.get("step_id"), ""),
                        words.value("activity_record", "by_kind", r.get("by_kind")),
                        tr("{ok} of {tries}, help: {prompt}").format(
                            ok=r.get("successes", 0),
                            tries=r.get("tries", 0),
                            prompt=r.get("prompt") or tr("none"),
                        ),
                        r.get("note") or "",
                    )
                    for r in tries
                ),
            )
        )
    return blocks


def _nested_list(words: Words, table: str, heading: str, found: Iterable[Row]) -> list[Block]:
    return [
        Block(heading, words.fields(table, r))
        for r in found
        if words.fields(table, r)  # a row of links only has nothing to read
    ]


def readable_pages(
    rows: dict[str, list[Row]], items: Callable[[int], tuple[dict, Any]]
) -> tuple[Page, ...]:
    """Every table of the child's record as a parent's section, known tables first.

    ``items(framework_id)`` gives {item id: (area name, skill wording)} and the framework
    (for its status labels), so this module needs no database of its own.
    """
    words = Words()
    pages = []
    titles = _titles()
    order = [t for t in titles if t in rows] + [
        t for t in rows if t not in titles and t not in _NESTED
    ]
    for table in order:
        title, intro = titles.get(table, (humanise(table), ""))
        blocks: list[Block] = []
        for n, row in enumerate(rows[table], start=1):
            if table == "assessment":
                entries = _children(rows, "assessment_entry", "assessment_id", row["id"])
                blocks += _assessment_block(words, row, entries, items)
            elif table == "activity_plan":
                blocks += _plan_blocks(words, rows, row)
            else:
                column = _NAMED_BY.get(table)
                name = words.value(table, column, row.get(column)) if column else ""
                heading = name if column else tr("Record {n}").format(n=n)
                blocks.append(
                    Block(
                        heading if len(rows[table]) > 1 or column else "", words.fields(table, row)
                    )
                )
                if table == "review":
                    found = _children(rows, "review_plan", "review_id", row["id"])
                    blocks += _nested_list(words, "review_plan", tr("Plan talked about"), found)
                if table == "transition_plan":
                    found = _children(rows, "transition_action", "plan_id", row["id"])
                    blocks += _nested_list(words, "transition_action", tr("To do"), found)
        pages.append(Page(title, intro, tuple(blocks)))
    return tuple(pages)

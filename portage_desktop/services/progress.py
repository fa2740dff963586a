"""What an assessment says, derived the same way for the screen and the printed summary.

Strengths are the small steps achieved; emerging skills are those on the way; the next small
steps are the first ones in each area, in the checklist's order, not yet achieved. Progress over
time is the share of each area's small steps achieved at each assessment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from portage_desktop.services.frameworks import FrameworkArea, FrameworkDetail, FrameworkItem

NEXT_STEPS_PER_AREA = 3


@dataclass(frozen=True)
class AreaSummary:
    """What one area of an assessment says: strengths, emerging, next steps."""

    area: str
    strengths: tuple[FrameworkItem, ...]
    emerging: tuple[FrameworkItem, ...]
    next_steps: tuple[FrameworkItem, ...]
    total: int

    @property
    def achieved_share(self) -> float:
        return len(self.strengths) / self.total if self.total else 0.0


@dataclass(frozen=True)
class ProgressPoint:
    """One assessment's share achieved per area (0.0 to 1.0), keyed by area name."""

    assessed_on: date
    shares: Mapping[str, float]


def meanings(detail: FrameworkDetail, statuses: Mapping[int, int]) -> dict[int, str]:
    """The meaning (not_yet, emerging, achieved) of each item's status; unmarked is not yet."""
    out: dict[int, str] = {}
    for item in detail.items:
        level = detail.framework.level(statuses.get(item.id))
        out[item.id] = level.meaning if level else "not_yet"
    return out


def summarise_area(
    area: FrameworkArea, meaning: Mapping[int, str], next_count: int = NEXT_STEPS_PER_AREA
) -> AreaSummary:
    """Strengths, emerging skills and the next ``next_count`` steps of one area. Only small
    steps count: a checkpoint or a note of guidance is not a skill the child learns."""
    steps = [i for i in area.items if i.is_step]
    strengths = tuple(i for i in steps if meaning.get(i.id) == "achieved")
    emerging = tuple(i for i in steps if meaning.get(i.id) == "emerging")
    upcoming = tuple(i for i in steps if meaning.get(i.id) != "achieved")[:next_count]
    return AreaSummary(area.name, strengths, emerging, upcoming, len(steps))


def summarise(
    detail: FrameworkDetail, statuses: Mapping[int, int], next_count: int = NEXT_STEPS_PER_AREA
) -> list[AreaSummary]:
    """Every area of an assessment, in the framework's order."""
    meaning = meanings(detail, statuses)
    return [summarise_area(area, meaning, next_count) for area in detail.areas]


def progress_point(
    assessed_on: date, detail: FrameworkDetail, statuses: Mapping[int, int]
) -> ProgressPoint:
    """The share achieved per area at one assessment, for a progress chart."""
    return ProgressPoint(
        assessed_on, {s.area: s.achieved_share for s in summarise(detail, statuses, 0)}
    )


def carry_forward(
    previous: FrameworkDetail, previous_statuses: Mapping[int, int], target: FrameworkDetail
) -> dict[int, int]:
    """Statuses from an earlier assessment, mapped onto ``target`` (perhaps a newer version).

    Items match by code when both have one, otherwise by area and wording; a status the new
    scale does not have is left for the user to set.
    """
    by_code: dict[str, int] = {}
    by_text: dict[tuple[str, str], int] = {}
    for area in previous.areas:
        for item in area.items:
            if item.id not in previous_statuses:
                continue
            if item.code:
                by_code[item.code.casefold()] = previous_statuses[item.id]
            by_text[(area.name.casefold(), item.text.casefold())] = previous_statuses[item.id]
    valid = {lvl.value for lvl in target.framework.scale}
    out: dict[int, int] = {}
    for area in target.areas:
        for item in area.items:
            found = by_code.get(item.code.casefold()) if item.code else None
            if found is None:
                found = by_text.get((area.name.casefold(), item.text.casefold()))
            if found is not None and found in valid:
                out[item.id] = found
    return out


def area_names(points: Sequence[ProgressPoint]) -> list[str]:
    """Every area named in ``points``, in first-seen order, for a chart's legend."""
    names: dict[str, None] = {}
    for point in points:
        names.update(dict.fromkeys(point.shares))
    return list(names)

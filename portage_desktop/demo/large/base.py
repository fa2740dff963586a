"""What the parts of the large demo share: the row writer, the calendar and the site's state.

See :mod:`portage_desktop.demo.large.build` for the whole picture.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlmodel import SQLModel

from portage_desktop.services.dates import add_months

Row = dict[str, Any]
YEARS = 5
# (id, age from, age to) of each checklist item, in the checklist's order.
Items = list[tuple[int, int, int]]


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


# Tables in the order they are written, so every parent has its id before its children:
# first the site, then each batch of children.
SITE_ORDER = (
    "setting",
    "staff_member",
    "training_record",
    "inspection",
    "stamp_award",
    "stamp_statement",
    "plan_template",
)
ORDER = (
    "child",
    "family_member",
    "professional",
    "consent",
    "attachment",
    "profile_version",
    "observation",
    "observation_item",
    "goal",
    "goal_source",
    "activity_plan",
    "plan_step",
    "activity_record",
    "assessment",
    "assessment_entry",
    "review",
    "review_plan",
    "review_issue",
    "transition_plan",
    "transition_action",
    "share_record",
)
# Tables whose new ids other rows need.
NEEDS_IDS = {
    "staff_member",
    "inspection",
    "child",
    "consent",
    "attachment",
    "observation",
    "goal",
    "activity_plan",
    "plan_step",
    "assessment",
    "review",
    "transition_plan",
}
# Foreign-key columns that may hold the parent's row (a dict) until the parent is written.
FOREIGN = {
    "training_record": ("staff_member_id",),
    "family_member": ("child_id",),
    "professional": ("child_id",),
    "consent": ("child_id",),
    "attachment": ("child_id",),
    "profile_version": ("child_id", "photo_id"),
    "observation": ("child_id",),
    "observation_item": ("observation_id",),
    "goal": ("child_id",),
    "goal_source": ("goal_id", "observation_id"),
    "activity_plan": ("child_id", "goal_id"),
    "plan_step": ("plan_id",),
    "activity_record": ("plan_id", "step_id"),
    "assessment": ("child_id",),
    "assessment_entry": ("assessment_id",),
    "review": ("child_id",),
    "review_plan": ("review_id", "plan_id"),
    "review_issue": ("review_id", "child_id"),
    "transition_plan": ("child_id",),
    "transition_action": ("plan_id",),
    "share_record": ("child_id", "consent_id"),
}


class Rows:
    """Rows waiting to be written. A foreign key may name its parent row itself (a dict);
    :meth:`write` inserts parents first and puts their new ids in before the children go."""

    def __init__(self) -> None:
        self.pending: dict[str, list[Row]] = {}
        self.counts: Counter[str] = Counter()

    def add(self, table: str, row: Row) -> Row:
        self.pending.setdefault(table, []).append(row)
        return row

    def write(self, conn: Connection, order: tuple[str, ...] = ORDER) -> None:
        for name in order:
            rows = self.pending.pop(name, None)
            if not rows:
                continue
            for column in FOREIGN.get(name, ()):
                for row in rows:
                    parent = row[column]
                    if parent.__class__ is dict:
                        row[column] = parent["id"]
            table = _table(name)
            if name in NEEDS_IDS:
                statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
                ids = conn.execute(statement, rows).scalars().all()
                for row, new_id in zip(rows, ids, strict=True):
                    row["id"] = new_id
            else:
                conn.execute(insert(table), rows)
            self.counts[name] += len(rows)
        assert not self.pending, f"no place in the write order for {sorted(self.pending)}"


class Clock:
    """Dates and deterministic timestamps for the site, all counted from ``today``."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.yesterday = today - timedelta(days=1)
        self.history_start = add_months(today, -12 * YEARS)
        self._stamps: dict[date, datetime] = {}
        first = self.history_start - timedelta(days=800)
        self.open_days = [
            first + timedelta(days=n)
            for n in range((today - first).days + 1)
            if _open(first + timedelta(days=n))
        ]
        self._index = {d: i for i, d in enumerate(self.open_days)}

    def stamp(self, day: date) -> datetime:
        """A record's timestamp: late afternoon (UTC) on the day it is about."""
        found = self._stamps.get(day)
        if found is None:
            found = self._stamps[day] = datetime.combine(day, time(16, 30), tzinfo=UTC)
        return found

    def open_between(self, first: date, last: date) -> list[date]:
        """The days the setting was open from ``first`` to ``last``, both included."""
        if last < first:
            return []
        lo = self._next_open(first)
        hi = self._next_open(last + timedelta(days=1))
        return self.open_days[lo:hi]

    def _next_open(self, day: date) -> int:
        for _ in range(30):
            found = self._index.get(day)
            if found is not None:
                return found
            day += timedelta(days=1)
        return len(self.open_days)


def _open(day: date) -> bool:
    """Weekdays, except Christmas to New Year and the first fortnight of August."""
    if day.weekday() >= 5:
        return False
    if (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day == 1):
        return False
    return not (day.month == 8 and day.day <= 14)


def monday(day: date) -> date:
    """The Monday on or after ``day``: plans start at the beginning of a week."""
    return day + timedelta(days=(7 - day.weekday()) % 7)


def weekday_before(day: date) -> date:
    """``day``, or the Friday before it if it falls at a weekend (meetings are on weekdays)."""
    return day - timedelta(days=max(0, day.weekday() - 4))


@dataclass
class StaffMember:
    """What children's records need to know about a member of staff."""

    row: Row
    name: str
    roles: str
    start: date
    leave: date | None

    def current(self, on: date) -> bool:
        return self.start <= on and (self.leave is None or self.leave > on)


@dataclass
class Site:
    """The generator's state, passed to every part: one random stream, one clock."""

    rng: random.Random
    clock: Clock
    small_steps: tuple[int, Items]
    participation: tuple[int, Items]
    staff: list[StaffMember] = field(default_factory=list)
    photos: list[bytes] = field(default_factory=list)
    _near: dict[int, list[int]] = field(default_factory=dict)

    def items_near(self, level: float) -> list[int]:
        """Small steps a child working at ``level`` months is learning now (by id)."""
        whole = int(level)
        found = self._near.get(whole)
        if found is None:
            items = self.small_steps[1]
            found = [i for i, lo, hi in items if lo <= whole + 2 and hi >= whole - 2]
            found = found or [items[0][0]]
            self._near[whole] = found
        return found

    def key_person(self, on: date, until: date) -> StaffMember:
        """A key person working on ``on`` and, if possible, still there on ``until``."""
        people = [p for p in self.staff if "key_person" in p.roles and p.current(on)]
        staying = [p for p in people if p.leave is None or p.leave > until]
        return self.rng.choice(staying or people or self.staff)

    @property
    def senco(self) -> StaffMember:
        return next(p for p in self.staff if "senco" in p.roles)

"""A large fictional home-visiting service for benchmarks, reproducible from a seed.

At ``scale=1``: 30 home visitors and a team lead, ten years of referrals (about 4,000 children)
and about 200,000 visits in blocks, with reviews at the blocks' ends and ends of service. Dates
follow the same rules as the services (the term after the third birthday, closure days), but
rows go in through SQLAlchemy Core in bulk, a batch of families at a time, because the services
would take hours. No audit entries are written: the log starts empty, as after an import.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, insert
from sqlmodel import SQLModel

from portage_desktop.data.engine import Database
from portage_desktop.demo.service_names import FIRST_NAMES, LAST_NAMES
from portage_desktop.services.home_visiting.rules import (
    Closure,
    closed_days,
    eligibility_ends_on,
    rules_from_rows,
)
from portage_desktop.services.home_visiting.visits import schedule_dates
from portage_desktop.services.home_visiting.vocabulary import Pattern

Progress = Callable[[int, int], None]
Row = dict[str, Any]
CHILDREN = 4000
VISITORS = 30
YEARS = 10
BATCH = 200
SERVICE_NAME = "Riverside Portage Service (large demo)"
_NOTES = [
    "Bubbles: asked for 'more' twice.",
    "Ball run; waited for 'go!' each time.",
    "Shape sorter with hand-over-hand help for the star.",
    "Songs with actions at the mat.",
]


def _insert(conn: Connection, name: str, rows: list[Row], ids: bool = False) -> None:
    """Insert ``rows`` in one statement; a key some rows lack takes the column's default."""
    if not rows:
        return
    table = SQLModel.metadata.tables[name]
    keys = set().union(*rows)
    for key in keys:
        column = table.c[key]
        default = column.default.arg if column.default is not None else None
        fill = None if callable(default) else default
        for row in rows:
            row.setdefault(key, fill)
    if ids:
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        for row, new_id in zip(rows, conn.execute(statement, rows).scalars().all(), strict=True):
            row["id"] = new_id
    else:
        conn.execute(insert(table), rows)


def _closures(first_year: int, last_year: int) -> list[Closure]:
    found = []
    for year in range(first_year, last_year + 1):
        for first, last, label in (
            (date(year, 2, 16), date(year, 2, 20), "February half term"),
            (date(year, 4, 2), date(year, 4, 13), "Easter holidays"),
            (date(year, 5, 25), date(year, 5, 29), "May half term"),
            (date(year, 7, 22), date(year, 9, 1), "Summer holidays"),
            (date(year, 10, 26), date(year, 10, 30), "October half term"),
            (date(year, 12, 21), date(year + 1, 1, 2), "Christmas holidays"),
        ):
            found.append(Closure(0, first, last, label))
    return found


def populate_large_service(
    db: Database,
    seed: int = 1,
    today: date | None = None,
    scale: float = 1.0,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write the site; return how many rows of each kind went in."""
    rng = random.Random(seed)
    today = today or date.today()
    start = today - timedelta(days=365 * YEARS)
    n_children = max(1, round(CHILDREN * scale))
    n_visitors = max(2, round(VISITORS * scale))
    report = progress or (lambda _done, _total: None)
    rules = rules_from_rows([], today)
    closures = _closures(start.year, today.year + 1)
    closed = closed_days(closures)
    counts: dict[str, int] = {}
    with db.engine.connect() as conn:
        _insert(conn, "setting", [{"name": SERVICE_NAME, "kind": "portage_service"}])
        _insert(
            conn,
            "service_closure",
            [
                {"first_day": c.first_day, "last_day": c.last_day, "label": c.label}
                for c in closures
            ],
        )
        staff = [{"first_name": "Sam", "last_name": "Okafor", "roles": "team_lead"}] + [
            {
                "first_name": rng.choice(FIRST_NAMES),
                "last_name": f"{rng.choice(LAST_NAMES)} {n + 1}",
                "roles": "home_visitor",
                "start_date": start,
            }
            for n in range(n_visitors)
        ]
        _insert(conn, "staff_member", staff, ids=True)
        visitors = [
            {"staff_member_id": s["id"], "fte_percent": rng.choice([100, 100, 100, 80, 60, 50])}
            for s in staff[1:]
        ]
        _insert(conn, "home_visitor", visitors, ids=True)
        conn.commit()
        days = sorted(start + timedelta(days=rng.randrange(365 * YEARS)) for _ in range(n_children))
        for first in range(0, n_children, BATCH):
            batch = _Batch()
            for n in range(first, min(n_children, first + BATCH)):
                _family(batch, rng, n, days[n], today, rules, closed, visitors)
            batch.write(conn)
            conn.commit()
            for name, rows in batch.tables.items():
                counts[name] = counts.get(name, 0) + len(rows)
            report(min(n_children, first + BATCH), n_children)
    return counts


class _Batch:
    """One batch's rows; parents first, so children can take their ids."""

    ORDER = (
        "child",
        "referral",
        "allocation",
        "review",
        "visit_block",
        "home_visit",
        "service_end",
    )

    def __init__(self) -> None:
        self.tables: dict[str, list[Row]] = {name: [] for name in self.ORDER}

    def add(self, name: str, row: Row) -> Row:
        self.tables[name].append(row)
        return row

    def write(self, conn: Connection) -> None:
        for name in self.ORDER:
            rows = self.tables[name]
            for row in rows:
                for key, value in list(row.items()):
                    if isinstance(value, dict):
                        row[key] = value["id"]
            _insert(conn, name, rows, ids=name in ("child", "referral", "review", "visit_block"))


def _family(
    batch: _Batch,
    rng: random.Random,
    n: int,
    referred_on: date,
    today: date,
    rules: Any,
    closed: set[date],
    visitors: list[Row],
) -> None:
    born = referred_on - timedelta(days=rng.randrange(150, 640))
    child = batch.add(
        "child",
        {
            "first_name": rng.choice(FIRST_NAMES),
            "last_name": f"{rng.choice(LAST_NAMES)}-{n}",
            "date_of_birth": born,
        },
    )
    ends = eligibility_ends_on(born, rules)
    decided_on = referred_on + timedelta(days=rng.randint(5, 14))
    roll = rng.random()
    decision = (
        "accepted"
        if roll < 0.85
        else "exception"
        if roll < 0.9
        else "not_eligible"
        if roll < 0.95
        else "signposted"
    )
    referral: Row = {
        "child_id": child,
        "referred_on": referred_on,
        "status": "referred",
        "referrer_kind": "professional",
        "referrer_name": "Kim Ford",
        "referrer_role": "Health visitor",
        "consent_on": referred_on,
        "delay_areas": 3,
        "lives_in_area": True,
        "specialist_provision": False,
        "setting_hours": 0,
        "looked_after": n % 41 == 5,
        "protection_plan": n % 19 == 7,
        "child_in_need": n % 11 == 4,
        "urgent": rng.random() < 0.1,
        "other_provision": rng.choice(["", "", "", "Stay and play"]),
    }
    batch.add("referral", referral)
    if decided_on > today or decided_on >= ends:
        return
    referral.update(
        decision=decision,
        decided_on=decided_on,
        decided_by="Sam Okafor",
        decision_reason="Decided against the service's rules.",
    )
    if decision in ("not_eligible", "signposted"):
        referral["status"] = decision
        return
    referral.update(status="waiting", waiting_since=decided_on)
    allocate_on = decided_on + timedelta(weeks=rng.randint(4, 16))
    if allocate_on >= min(today, ends):
        if ends <= today:
            referral["status"] = "ended"
            batch.add(
                "service_end",
                {
                    "referral_id": referral,
                    "ended_on": ends,
                    "reason": "term_after_third_birthday",
                    "decided_by": "Sam Okafor",
                },
            )
        return
    visitor = visitors[n % len(visitors)]
    referral.update(
        status="allocated",
        agreement_signed_on=allocate_on + timedelta(days=7),
        agreement_signed_by="Parent",
    )
    batch.add(
        "allocation",
        {
            "referral_id": referral,
            "visitor_id": visitor["id"],
            "from_on": allocate_on,
            "until_on": ends if ends <= today else None,
        },
    )
    begin, until = allocate_on + timedelta(days=7), min(ends, today + timedelta(days=56))
    while begin < until:
        pattern = Pattern.WEEKLY if rng.random() < 0.75 else Pattern.FORTNIGHTLY
        count = 12 if rng.random() < 0.15 else 8
        weekday, at = rng.randrange(5), f"{rng.choice([9, 10, 13])}:30"
        dates = [d for d in schedule_dates(begin, weekday, pattern, count, closed) if d < ends]
        if not dates:
            break
        review = None
        if dates[-1] < today:
            review = batch.add(
                "review",
                {"child_id": child, "held_on": dates[-1], "status": "held", "parents": "Parent"},
            )
        block = batch.add(
            "visit_block",
            {
                "referral_id": referral,
                "child_id": child,
                "visit_count": len(dates),
                "kind": "portage_plus" if count == 12 else "standard",
                "pattern": pattern.value,
                "weekday": weekday,
                "usual_time": at,
                "start_on": begin,
                "ends_on": dates[-1],
                "review_id": review,
            },
        )
        for number, day in enumerate(dates, start=1):
            batch.add("home_visit", _visit(rng, child, block, visitor, number, day, at, today))
        begin = dates[-1] + timedelta(days=7)  # the next block starts after a week's pause
    if ends <= today:
        referral["status"] = "ended"
        batch.add(
            "service_end",
            {
                "referral_id": referral,
                "ended_on": ends,
                "reason": "term_after_third_birthday",
                "decided_by": "Sam Okafor",
                "signed_off_by": "Sam Okafor",
                "signed_off_on": ends,
            },
        )


def _visit(
    rng: random.Random,
    child: Row,
    block: Row,
    visitor: Row,
    number: int,
    day: date,
    at: str,
    today: date,
) -> Row:
    row: Row = {
        "block_id": block,
        "child_id": child,
        "visitor_id": visitor["id"],
        "number": number,
        "planned_on": day,
        "planned_time": at,
        "status": "planned",
    }
    if day >= today:
        return row
    roll = rng.random()
    if roll < 0.82:
        written = day + timedelta(days=rng.randint(0, 6))
        row.update(
            status="held",
            place="home",
            minutes_child_led=20,
            minutes_family_focus=15,
            minutes_teaching=20,
            shared_notes=rng.choice(_NOTES),
            practise="Two-word requests at snack time",
            written_up_on=written if written < today else None,
        )
    else:
        row["status"] = (
            "cancelled_family" if roll < 0.9 else "cancelled_service" if roll < 0.94 else "failed"
        )
    return row

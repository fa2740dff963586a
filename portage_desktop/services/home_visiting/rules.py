"""The service's own numbers, as dated, editable rules with built-in defaults; closure dates;
and the date arithmetic every other module shares (the end of eligibility, working days).

Services differ (one stops at the term after the third birthday, another at four; one asks for
two areas of delay, another three), and they change their minds: each number has a default and
may be changed from a date onwards, and a check on any day uses the value in force that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data import home_visiting_store as store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import ServiceClosureRecord, ServiceRuleRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import NotFoundError, ValidationError

DEFAULTS_SINCE = date(2019, 9, 1)
_TERM_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})$")


@dataclass(frozen=True)
class RuleSpec:
    """One rule: a whole number between ``low`` and ``high``, or (``text``) free words."""

    key: str
    label: str
    default: str
    low: int = 0
    high: int = 0
    text: bool = False


SPECS: tuple[RuleSpec, ...] = (
    RuleSpec("area", tr("The area the service covers (families must live here)"), "", text=True),
    RuleSpec(
        "end_birthday",
        tr("Eligibility ends at the start of the term after this birthday"),
        "3",
        2,
        5,
    ),
    RuleSpec(
        "term_starts", tr("Terms start on these days (day/month)"), "01/01 01/04 01/09", text=True
    ),
    RuleSpec("delay_areas", tr("Significant delay needed in at least this many areas"), "2", 1, 6),
    RuleSpec("setting_hours", tr("Fewer than this many hours a week in a setting"), "10", 1, 40),
    RuleSpec("waiting_target_weeks", tr("Target longest wait on the list (weeks)"), "12", 1, 104),
    RuleSpec("block_visits", tr("Visits in a block"), "8", 1, 52),
    RuleSpec("plus_block_visits", tr("Visits in a Portage Plus block"), "12", 1, 52),
    RuleSpec("visit_minutes", tr("Usual length of a visit (minutes)"), "60", 15, 240),
    RuleSpec("visits_per_week", tr("Visits a week for a full-time home visitor"), "12", 1, 40),
    RuleSpec("families_full_time", tr("Families for a full-time home visitor"), "16", 1, 60),
    RuleSpec(
        "hours_per_visit", tr("Hours each visit takes with preparation and travel"), "3", 1, 8
    ),
    RuleSpec("write_up_days", tr("Visits written up within this many working days"), "5", 1, 30),
    RuleSpec("failed_in_row", tr("Warn after this many failed visits in a row"), "3", 2, 10),
    RuleSpec(
        "eligibility_warning_weeks",
        tr("Warn this many weeks before a child stops being eligible"),
        "12",
        1,
        52,
    ),
    RuleSpec(
        "review_warning_days", tr("Warn this many days before a block's last visit"), "14", 0, 60
    ),
)
# Running a registered service (part 2): kept in the same table and edited on the same screen;
# ``service_quality.rules`` reads them.
QUALITY_SPECS: tuple[RuleSpec, ...] = (
    RuleSpec(
        "supervision_days",
        tr("Supervision for every home visitor at least every (days)"),
        "14",
        7,
        90,
    ),
    RuleSpec("team_meeting_days", tr("A team meeting at least every (days)"), "42", 7, 180),
    RuleSpec(
        "monitoring_weeks",
        tr("Joint monitoring visit this many weeks after a family starts"),
        "10",
        2,
        52,
    ),
    RuleSpec(
        "monitoring_grace_days",
        tr("A monitoring visit is overdue this many days after it is due"),
        "14",
        0,
        60,
    ),
)
ALL_SPECS = SPECS + QUALITY_SPECS
SPEC_BY_KEY = {spec.key: spec for spec in ALL_SPECS}


@dataclass(frozen=True)
class ServiceRules:
    """The rule values in force on one day."""

    on: date
    area: str
    end_birthday: int
    term_starts: tuple[tuple[int, int], ...]  # (day, month), in calendar order
    delay_areas: int
    setting_hours: int
    waiting_target_weeks: int
    block_visits: int
    plus_block_visits: int
    visit_minutes: int
    visits_per_week: int
    families_full_time: int
    hours_per_visit: int
    write_up_days: int
    failed_in_row: int
    eligibility_warning_weeks: int
    review_warning_days: int


@dataclass(frozen=True)
class RuleValue:
    """A rule as the rules screen shows it: its value on a day, and since when."""

    key: str
    label: str
    value: str
    since: date
    is_default: bool


def parse_term_starts(text: str) -> tuple[tuple[int, int], ...]:
    """'01/01 01/04 01/09' as ((1, 1), (1, 4), (1, 9)); ValueError for anything else."""
    found: list[tuple[int, int]] = []
    for part in text.replace(",", " ").split():
        match = _TERM_DAY.match(part)
        if not match:
            raise ValueError(part)
        day, month = int(match.group(1)), int(match.group(2))
        date(2024, month, day)  # a leap year, so 29/02 is allowed; raises for 31/04
        found.append((day, month))
    if not found:
        raise ValueError(text)
    return tuple(sorted(set(found), key=lambda dm: (dm[1], dm[0])))


def _in_force(rows: list[ServiceRuleRecord], on: date) -> dict[str, tuple[str, date, bool]]:
    found = {s.key: (s.default, DEFAULTS_SINCE, True) for s in ALL_SPECS}
    for row in rows:  # ordered by date, so the latest one on or before ``on`` wins
        if row.key in found and row.effective_from <= on:
            found[row.key] = (row.value, row.effective_from, False)
    return found


def rules_from_rows(rows: list[ServiceRuleRecord], on: date) -> ServiceRules:
    """The rules on ``on`` from rows already read (bulk jobs read them once)."""
    values = _in_force(rows, on)
    kwargs: dict[str, object] = {}
    for spec in SPECS:
        raw = values[spec.key][0]
        if spec.key == "term_starts":
            kwargs[spec.key] = parse_term_starts(raw)
        else:
            kwargs[spec.key] = raw if spec.text else int(raw)
    return ServiceRules(on=on, **kwargs)  # type: ignore[arg-type]


def rules_on(db: Database, on: date) -> ServiceRules:
    with db.session() as s:
        return rules_from_rows(store.rules(s), on)


def rule_values(db: Database, on: date) -> list[RuleValue]:
    """Every rule of the service (both parts) as in force on ``on``, for the rules screen."""
    with db.session() as s:
        values = _in_force(store.rules(s), on)
    return [
        RuleValue(spec.key, spec.label, value, since, default)
        for spec in ALL_SPECS
        for value, since, default in [values[spec.key]]
    ]


@dataclass(frozen=True)
class RuleChange:
    value: str
    since: date
    changed_by: str


def rule_history(db: Database, key: str) -> list[RuleChange]:
    """Every value a rule has had, oldest first, the built-in default first of all."""
    spec = SPEC_BY_KEY[key]
    with db.session() as s:
        rows = [r for r in store.rules(s) if r.key == key]
    return [
        RuleChange(spec.default, DEFAULTS_SINCE, tr("built in")),
        *(RuleChange(r.value, r.effective_from, r.changed_by) for r in rows),
    ]


def validate_rule(key: str, value: str, effective_from: date | None) -> str:
    spec = SPEC_BY_KEY.get(key)
    errors: dict[str, str] = {}
    text = " ".join((value or "").split())
    if spec is None:
        errors["key"] = tr("Please choose a rule.")
    elif spec.key == "term_starts":
        try:
            text = " ".join(f"{d:02d}/{m:02d}" for d, m in parse_term_starts(text))
        except ValueError:
            errors["value"] = tr("Please enter the first day of each term, like 01/01 01/04 01/09.")
    elif spec.text:
        if len(text) > 200:
            errors["value"] = tr("Please keep this to 200 characters.")
    elif not text.isdigit() or not spec.low <= int(text) <= spec.high:
        errors["value"] = tr("Please enter a whole number from {low} to {high}.").format(
            low=spec.low, high=spec.high
        )
    if effective_from is None:
        errors["effective_from"] = tr("Please enter the date this value applies from.")
    elif effective_from < DEFAULTS_SINCE:
        errors["effective_from"] = tr("Please choose a date from 01/09/2019 onwards.")
    if errors:
        raise ValidationError(errors)
    return str(int(text)) if spec and not spec.text else text


def save_rule(db: Database, key: str, value: str, effective_from: date | None) -> None:
    """Record a new value from a date onwards; earlier values stay for earlier days."""
    actor = require(db, Permission.MANAGE_SERVICE)
    clean = validate_rule(key, value, effective_from)
    assert effective_from is not None
    with db.session() as s:
        row = ServiceRuleRecord(
            key=key, value=clean, effective_from=effective_from, changed_by=actor.username
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "service_rule", row.id, key)


@dataclass(frozen=True)
class Closure:
    id: int
    first_day: date
    last_day: date
    label: str


def list_closures(db: Database) -> list[Closure]:
    with db.session() as s:
        return [Closure(c.id or 0, c.first_day, c.last_day, c.label) for c in store.closures(s)]


def add_closure(db: Database, first_day: date | None, last_day: date | None, label: str) -> int:
    """Days the service does not visit; blocks planned afterwards skip them."""
    require(db, Permission.MANAGE_SERVICE)
    errors: dict[str, str] = {}
    if first_day is None:
        errors["first_day"] = tr("Please enter the first day the service is closed.")
    if last_day is not None and first_day is not None and last_day < first_day:
        errors["last_day"] = tr("The last day cannot be before the first day.")
    if len(label.strip()) > 120:
        errors["label"] = tr("Please keep the description to 120 characters.")
    if errors:
        raise ValidationError(errors)
    assert first_day is not None
    with db.session() as s:
        row = ServiceClosureRecord(
            first_day=first_day, last_day=last_day or first_day, label=label.strip()
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "service_closure", row.id)
        return row.id or 0


def planned_visits_on(db: Database, first_day: date, last_day: date | None = None) -> int:
    """How many planned visits fall on these days (they keep their dates when a closure is
    added, so someone must move them)."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return store.planned_visits_between(s, first_day, last_day or first_day)


def remove_closure(db: Database, closure_id: int) -> None:
    """A closure entered by mistake; blocks planned from now on visit on those days again."""
    require(db, Permission.MANAGE_SERVICE)
    with db.session() as s:
        row = s.get(ServiceClosureRecord, closure_id)
        if row is None:
            raise NotFoundError(tr("That closure is no longer recorded."))
        s.delete(row)
        audit.record(s, db, AuditAction.CHANGE, "service_closure", closure_id, "removed")


def closed_days(closures: list[Closure]) -> set[date]:
    days: set[date] = set()
    for c in closures:
        day = c.first_day
        while day <= c.last_day:
            days.add(day)
            day += timedelta(days=1)
    return days


def term_start_after(day: date, rules: ServiceRules) -> date:
    """The first term start strictly after ``day``: a birthday on a term's first day waits
    for the next term, as funded early education does."""
    for year in (day.year, day.year + 1):
        for d, m in rules.term_starts:
            start = _safe_date(year, m, d)
            if start > day:
                return start
    raise AssertionError("term_starts is never empty")


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29/02 in a common year
        return date(year, month, day - 1)


def birthday(born: date, years: int) -> date:
    return _safe_date(born.year + years, born.month, born.day)


def eligibility_ends_on(born: date, rules: ServiceRules) -> date:
    """The first day the child is no longer eligible: the term after the rule's birthday."""
    return term_start_after(birthday(born, rules.end_birthday), rules)


def add_working_days(
    start: date, count: int, closed: set[date] | frozenset[date] = frozenset()
) -> date:
    """``count`` working days after ``start`` (Monday to Friday, not a closure day)."""
    day = start
    left = count
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            left -= 1
    return day


def describe_rule(value: RuleValue) -> str:
    """'Visits in a block: 8 (since 01/09/2019, the default)', for lists and the CLI."""
    tail = tr("the default") if value.is_default else "changed"
    return tr("{label}: {value} (since {date}, {tail})").format(
        label=value.label,
        value=value.value or tr("(not set)"),
        date=format_date(value.since),
        tail=tail,
    )

"""When each child's next review with parents is due, and which are overdue, due this term or
coming up, for the Dashboard.

The rule (domain: at least ``reviews_per_year`` reviews in any 12 months, a stamp rule with a
dated default of 3): the next review is due one interval (12 months divided by that number,
so 4 months) after the last one held; a child with no review yet is due one interval after
their first active plan started, so a child who started mid-year is not overdue on day one.
Reviews held on the same day count once. Children who have left, or with no active plan, need
none. Months are added the way people count them: 29 February plus 12 months is 28 February.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import plan_store, review_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.plans import PlanOptionRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.dates import add_months
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.stamp_rules import rules_on
from portage_desktop.services.validation import refuse_hidden_value

TERMS_KEY = "terms"
# (name, first month, first day) of each term, in calendar order from January.
DEFAULT_TERMS: tuple[tuple[str, int, int], ...] = (
    (tr("Spring term"), 1, 1),
    (tr("Summer term"), 4, 1),
    (tr("Autumn term"), 9, 1),
)


class Due(StrEnum):
    OVERDUE = "overdue"
    THIS_TERM = "this_term"
    COMING_UP = "coming_up"
    LATER = "later"

    @property
    def label(self) -> str:
        return {
            "overdue": tr("Overdue"),
            "this_term": tr("Due this term"),
            "coming_up": tr("Coming up next term"),
            "later": tr("Not due yet"),
        }[self]


@dataclass(frozen=True)
class Term:
    name: str
    starts: date
    ends: date  # the day before the next term starts


@dataclass(frozen=True)
class ReviewDue:
    child_id: int
    name: str
    last_review: date | None
    due_on: date
    state: Due


def interval_months(per_year: int) -> int:
    return max(1, 12 // max(per_year, 1))


def next_due(plan_start: date, held: Iterable[date], per_year: int) -> date:
    """The day the next review is due, from the last one held (or the first plan's start)."""
    days = sorted(set(held))
    return add_months(days[-1] if days else plan_start, interval_months(per_year))


def term_of(day: date, terms: tuple[tuple[str, int, int], ...] = DEFAULT_TERMS) -> Term:
    """The term holding ``day``, with its first and last day."""
    starts = [date(day.year + dy, m, d) for dy in (-1, 0, 1) for _n, m, d in terms]
    names = [n for _dy in (-1, 0, 1) for n, _m, _d in terms]
    for i in range(len(starts) - 1):
        if starts[i] <= day < starts[i + 1]:
            return Term(names[i], starts[i], date.fromordinal(starts[i + 1].toordinal() - 1))
    raise AssertionError("unreachable")


def classify(due_on: date, today: date, terms: tuple[tuple[str, int, int], ...]) -> Due:
    return _classify(due_on, today, _terms_around(today, terms))


def _terms_around(today: date, terms: tuple[tuple[str, int, int], ...]) -> tuple[Term, Term]:
    """This term and the next: worked out once for a whole schedule, not once a child."""
    this = term_of(today, terms)
    return this, term_of(date.fromordinal(this.ends.toordinal() + 1), terms)


def _classify(due_on: date, today: date, around: tuple[Term, Term]) -> Due:
    this, following = around
    if due_on < today:
        return Due.OVERDUE
    if due_on <= this.ends:
        return Due.THIS_TERM
    return Due.COMING_UP if due_on <= following.ends else Due.LATER


def term_dates(db: Database, on: date | None = None) -> tuple[tuple[str, int, int], ...]:
    """The setting's terms in force on ``on`` (a dated default; English terms if unchanged)."""
    with db.session() as s:
        rows = plan_store.options(s, TERMS_KEY)
    chosen = [r for r in rows if r.effective_from <= (on or date.today())]
    if not chosen:
        return DEFAULT_TERMS
    return tuple((n, m, d) for n, m, d in json.loads(chosen[-1].value))


def terms_text(terms: tuple[tuple[str, int, int], ...]) -> str:
    """Terms as a person edits them: one a line, "Autumn term: 1/9" (day/month it starts)."""
    return "\n".join(f"{name}: {day}/{month}" for name, month, day in terms)


def parse_terms(text: str) -> list[tuple[str, int, int]]:
    """Read lines written like :func:`terms_text`; a plain message names a line that is not."""
    found = []
    for number, line in enumerate((x for x in text.splitlines() if x.strip()), start=1):
        name, _sep, when = line.rpartition(":")
        day, _slash, month = when.strip().partition("/")
        if not name.strip() or not day.isdigit() or not month.isdigit():
            raise ValidationError(
                {
                    "terms": tr(
                        "Line {number}: write the term's name, a colon, and the day/month it "
                        "starts, like “Autumn term: 1/9”."
                    ).format(number=number)
                }
            )
        found.append((" ".join(name.split()), int(month), int(day)))
    return sorted(found, key=lambda t: (t[1], t[2]))


def save_term_dates(
    db: Database, terms: list[tuple[str, int, int]], effective_from: date | None
) -> None:
    """New term start days from a date; each must be a real day, in calendar order."""
    actor = require(db, Permission.EDIT_SETTING)
    errors: dict[str, str] = {}
    refuse_hidden_value(errors, "terms", terms)
    try:
        days = [date(2024, m, d) for _n, m, d in terms]  # a leap year allows 29 February
    except ValueError:
        errors["terms"] = tr("Each term needs a real first day, such as 1 September.")
        days = []
    if not errors and (len(terms) < 2 or days != sorted(set(days))):
        errors["terms"] = tr("Please give at least two terms, in order from January, each once.")
    if effective_from is None:
        errors["effective_from"] = tr("Please enter the date these terms apply from.")
    if errors:
        raise ValidationError(errors)
    assert effective_from is not None
    with db.session() as s:
        row = PlanOptionRecord(
            key=TERMS_KEY,
            value=json.dumps([list(t) for t in terms]),
            effective_from=effective_from,
            changed_by=actor.username,
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "rule", row.id, TERMS_KEY)


def reviews_due(db: Database, today: date, child_id: int | None = None) -> list[ReviewDue]:
    """Every child on roll with an active plan and when their review is due, soonest first;
    only ``child_id``'s when given (a child's record read the whole site's for one line).

    Two grouped queries, whatever the number of children, so the Dashboard stays fast.
    """
    require(db, Permission.VIEW_CHILDREN)
    per_year = rules_on(db, today).reviews_per_year
    terms = term_dates(db, today)
    with db.session() as s:
        rows = review_store.schedule_rows(s, today, child_id)
        latest = dict(review_store.last_held_reviews(s, today, child_id)) if rows else {}
    out = []
    this_term = _terms_around(today, terms)
    for child_id, first, last, plan_start in rows:
        held = latest.get(child_id)
        due_on = next_due(plan_start, [held] if held else [], per_year)
        state = _classify(due_on, today, this_term)
        out.append(ReviewDue(child_id, f"{first} {last}", held, due_on, state))
    return sorted(out, key=lambda r: (r.due_on, r.name))

"""The numbers behind the Stamp of Approval criteria, as editable, dated defaults.

The NPA and the regulators change their rules, so each number has a built-in default and may be
changed from a date onwards; a check on any day uses the value in force on that day, and past
checks stay explainable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import stamp_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.stamp import StampRuleRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.inspections import GRADES, REPORT_CARD_SCALE

DEFAULTS_SINCE = date(2019, 9, 1)


@dataclass(frozen=True)
class RuleSpec:
    key: str
    label: str
    default: str
    low: int = 0
    high: int = 0
    choices: tuple[tuple[str, str], ...] = ()

    def words(self, value: str) -> str:
        return dict(self.choices).get(value, value) if self.choices else value


SPECS: tuple[RuleSpec, ...] = (
    RuleSpec(
        "workshop_group", tr("Workshop-trained practitioners needed (group setting)"), "2", 1, 20
    ),
    RuleSpec(
        "workshop_small",
        tr("Workshop-trained practitioners needed (childminder or small setting)"),
        "1",
        1,
        20,
    ),
    RuleSpec(
        "small_setting_staff",
        tr("A small setting has this many current staff or fewer"),
        "3",
        1,
        50,
    ),
    RuleSpec("members_needed", tr("Practitioners with NPA membership needed"), "1", 1, 20),
    RuleSpec("reviews_per_year", tr("Reviews with parents per child in any 12 months"), "3", 1, 12),
    RuleSpec("award_months", tr("The award lasts this many months"), "12", 1, 60),
    RuleSpec(
        "warning_weeks",
        tr("Warn this many weeks before the award or membership expires"),
        "8",
        1,
        52,
    ),
    RuleSpec(
        "graded_minimum",
        tr("Lowest overall grade accepted (graded inspections)"),
        "good",
        choices=GRADES,
    ),
    RuleSpec(
        "report_card_minimum",
        tr("Lowest area grade accepted (report cards; safeguarding must be Met)"),
        "expected",
        choices=REPORT_CARD_SCALE,
    ),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class Rules:
    """The rule values in force on one day."""

    on: date
    workshop_group: int
    workshop_small: int
    small_setting_staff: int
    members_needed: int
    reviews_per_year: int
    award_months: int
    warning_weeks: int
    graded_minimum: str
    report_card_minimum: str


@dataclass(frozen=True)
class RuleValue:
    """A rule as the Rules screen shows it: its value now, and since when."""

    key: str
    label: str
    value: str
    words: str
    since: date
    is_default: bool


def _in_force(rows: list[StampRuleRecord], on: date) -> dict[str, tuple[str, date, bool]]:
    found = {s.key: (s.default, DEFAULTS_SINCE, True) for s in SPECS}
    for row in rows:  # ordered by date, so the latest one on or before ``on`` wins
        if row.key in found and row.effective_from <= on:
            found[row.key] = (row.value, row.effective_from, False)
    return found


def rules_on(db: Database, on: date) -> Rules:
    with db.session() as s:
        values = _in_force(stamp_store.rules(s), on)
    kwargs: dict[str, object] = {}
    for spec in SPECS:
        raw = values[spec.key][0]
        kwargs[spec.key] = raw if spec.choices else int(raw)
    return Rules(on=on, **kwargs)  # type: ignore[arg-type]


def rule_values(db: Database, on: date) -> list[RuleValue]:
    with db.session() as s:
        values = _in_force(stamp_store.rules(s), on)
    return [
        RuleValue(spec.key, spec.label, value, spec.words(value), since, default)
        for spec in SPECS
        for value, since, default in [values[spec.key]]
    ]


def validate_rule(key: str, value: str, effective_from: date | None) -> str:
    spec = SPEC_BY_KEY.get(key)
    errors: dict[str, str] = {}
    text = (value or "").strip()
    if spec is None:
        errors["key"] = tr("Please choose a rule.")
    elif spec.choices:
        if text not in dict(spec.choices):
            errors["value"] = tr("Please choose one of the listed grades.")
    elif not text.isdigit() or not spec.low <= int(text) <= spec.high:
        errors["value"] = tr("Please enter a whole number from {low} to {high}.").format(
            low=spec.low, high=spec.high
        )
    if effective_from is None:
        errors["effective_from"] = tr("Please enter the date this value applies from.")
    elif effective_from < DEFAULTS_SINCE:
        errors["effective_from"] = tr("Please choose a date from 1 September 2019 onwards.")
    if errors:
        raise ValidationError(errors)
    return str(int(text)) if spec and not spec.choices else text


def save_rule(db: Database, key: str, value: str, effective_from: date | None) -> None:
    """Record a new value from a date onwards; earlier values stay for earlier days."""
    actor = require(db, Permission.EDIT_SETTING)
    clean = validate_rule(key, value, effective_from)
    assert effective_from is not None
    with db.session() as s:
        row = StampRuleRecord(
            key=key, value=clean, effective_from=effective_from, changed_by=actor.username
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "rule", row.id, key)

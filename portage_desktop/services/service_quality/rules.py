"""The service's own numbers for running a registered service, as dated, editable rules.

They share the ``service_rule`` table with the part-1 rules (so a backup and the audit log see
one list), under their own keys; a check on any day uses the value in force that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import home_visiting_store as store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import ServiceRuleRecord
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting.rules import DEFAULTS_SINCE, RuleSpec

SPECS: tuple[RuleSpec, ...] = (
    RuleSpec(
        "supervision_days", "Supervision for every home visitor at least every (days)", "14", 7, 90
    ),
    RuleSpec("team_meeting_days", "A team meeting at least every (days)", "42", 7, 180),
    RuleSpec(
        "monitoring_weeks",
        "Joint monitoring visit this many weeks after a family starts",
        "10",
        2,
        52,
    ),
    RuleSpec(
        "monitoring_grace_days",
        "A monitoring visit is overdue this many days after it is due",
        "14",
        0,
        60,
    ),
)
SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class QualityRules:
    """The values in force on one day."""

    on: date
    supervision_days: int
    team_meeting_days: int
    monitoring_weeks: int
    monitoring_grace_days: int


def rules_from_rows(rows: list[ServiceRuleRecord], on: date) -> QualityRules:
    """The rules on ``on`` from rows ordered by date (the latest on or before ``on`` wins)."""
    values = {spec.key: spec.default for spec in SPECS}
    for row in rows:
        if row.key in values and row.effective_from <= on:
            values[row.key] = row.value
    return QualityRules(on=on, **{k: int(v) for k, v in values.items()})


def rules_on(db: Database, on: date) -> QualityRules:
    with db.session() as s:
        return rules_from_rows(store.rules(s), on)


def save_rule(db: Database, key: str, value: str, effective_from: date | None) -> None:
    """Record a new value from a date onwards; earlier days keep the earlier value."""
    actor = require(db, Permission.MANAGE_SERVICE)
    spec = SPEC_BY_KEY.get(key)
    errors: dict[str, str] = {}
    text = (value or "").strip()
    if spec is None:
        errors["key"] = "Please choose a rule."
    elif not text.isdigit() or not spec.low <= int(text) <= spec.high:
        errors["value"] = f"Please enter a whole number from {spec.low} to {spec.high}."
    if effective_from is None:
        errors["effective_from"] = "Please enter the date this value applies from."
    elif effective_from < DEFAULTS_SINCE:
        errors["effective_from"] = "Please choose a date from 01/09/2019 onwards."
    if errors:
        raise ValidationError(errors)
    assert effective_from is not None
    with db.session() as s:
        row = ServiceRuleRecord(
            key=key, value=str(int(text)), effective_from=effective_from, changed_by=actor.username
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "service_rule", row.id, key)

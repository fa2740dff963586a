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
from portage_desktop.i18n import tr
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import rules as service_rules
from portage_desktop.services.home_visiting.rules import QUALITY_SPECS

SPECS = QUALITY_SPECS
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
    """Record a new value from a date onwards; earlier days keep the earlier value (one way
    for every rule of the service, checked the same)."""
    if key not in SPEC_BY_KEY:
        raise ValidationError({"key": tr("Please choose a rule.")})
    service_rules.save_rule(db, key, value, effective_from)

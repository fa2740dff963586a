"""Eligibility: the service's rules checked against a referral, each one met, not met or not
known yet; and the decision a named person records with reasons.

The check only informs: people decide. An exception (accepted although a rule is not met) needs
its reason written down, and the rule results at the moment of deciding are kept with the
decision, so a later change of rules never rewrites why a family was accepted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.referrals import Referral, ReferralInput
from portage_desktop.services.home_visiting.rules import (
    ServiceRules,
    eligibility_ends_on,
    rules_on,
)
from portage_desktop.services.home_visiting.vocabulary import (
    Decision,
    ReferralStatus,
    RuleOutcome,
)


@dataclass(frozen=True)
class RuleCheck:
    key: str
    label: str
    outcome: RuleOutcome
    why: str


@dataclass(frozen=True)
class DecisionInput:
    decision: Decision
    reason: str
    decided_by: str
    decided_on: date | None
    signposted_to: str = ""


def _yes_no(key: str, label: str, value: bool | None, good: bool, yes: str, no: str) -> RuleCheck:
    if value is None:
        return RuleCheck(key, label, RuleOutcome.UNKNOWN, tr("Not recorded on the referral yet."))
    met = value is good
    return RuleCheck(
        key, label, RuleOutcome.MET if met else RuleOutcome.NOT_MET, yes if value else no
    )


def evaluate(data: ReferralInput, born: date, rules: ServiceRules) -> list[RuleCheck]:
    """Each rule in force on the referral date, checked against what the referral says."""
    area = rules.area or tr("the service's area")
    checks = [
        _yes_no(
            "area",
            tr("Lives in {area}").format(area=area),
            data.lives_in_area,
            True,
            tr("The family lives in {area}.").format(area=area),
            tr("The family does not live in {area}.").format(area=area),
        )
    ]
    ends = eligibility_ends_on(born, rules)
    on = data.referred_on or rules.on
    checks.append(
        RuleCheck(
            "age",
            tr("Young enough to be visited"),
            RuleOutcome.MET if on < ends else RuleOutcome.NOT_MET,
            tr(
                "Eligible until {date}, the start of the term after the child's {ordinal} birthday."
            ).format(date=format_date(ends), ordinal=_ordinal(rules.end_birthday)),
        )
    )
    need = rules.delay_areas
    if data.known_condition:
        delay = RuleCheck(
            "delay",
            tr("Delay in {need} or more areas, or a known condition").format(need=need),
            RuleOutcome.MET,
            tr("A known condition: {known_condition}.").format(
                known_condition=data.known_condition
            ),
        )
    elif data.delay_areas is None:
        delay = RuleCheck(
            "delay",
            tr("Delay in {need} or more areas, or a known condition").format(need=need),
            RuleOutcome.UNKNOWN,
            tr("The number of areas of delay is not recorded yet."),
        )
    else:
        delay = RuleCheck(
            "delay",
            tr("Delay in {need} or more areas, or a known condition").format(need=need),
            RuleOutcome.MET if data.delay_areas >= need else RuleOutcome.NOT_MET,
            tr("Significant delay in {delay_areas} area{value}.").format(
                delay_areas=data.delay_areas, value="s" if data.delay_areas != 1 else ""
            ),
        )
    checks.append(delay)
    checks.append(
        _yes_no(
            "specialist",
            tr("Not in other specialist provision"),
            data.specialist_provision,
            False,
            tr("Already receives other specialist educational provision."),
            tr("Receives no other specialist educational provision."),
        )
    )
    limit = rules.setting_hours
    if data.setting_hours is None:
        hours = RuleCheck(
            "hours",
            tr("Fewer than {limit} hours a week in a setting").format(limit=limit),
            RuleOutcome.UNKNOWN,
            tr("Hours in a setting are not recorded yet."),
        )
    else:
        hours = RuleCheck(
            "hours",
            tr("Fewer than {limit} hours a week in a setting").format(limit=limit),
            RuleOutcome.MET if data.setting_hours < limit else RuleOutcome.NOT_MET,
            tr("{setting_hours} hours a week in a setting.").format(
                setting_hours=data.setting_hours
            ),
        )
    checks.append(hours)
    return checks


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


def check_referral(db: Database, referral_id: int) -> list[RuleCheck]:
    """The rules in force on the referral date, checked against the referral as it is now."""
    found = referrals.get_referral(db, referral_id)
    on = found.data.referred_on or date.today()
    return evaluate(found.data, found.date_of_birth, rules_on(db, on))


def validate_decision(data: DecisionInput, checks: list[RuleCheck], today: date) -> None:
    errors: dict[str, str] = {}
    if data.decision not in set(Decision):
        errors["decision"] = tr("Please choose the decision.")
    reason = v.clean(data.reason)
    if not reason:
        errors["reason"] = tr("Please write the reasons for the decision.")
    elif len(reason) > 1000:
        errors["reason"] = tr("Please keep the reasons to 1000 characters.")
    if not v.clean(data.decided_by):
        errors["decided_by"] = tr("Please enter who made the decision.")
    if data.decided_on is None:
        errors["decided_on"] = tr("Please enter the date of the decision.")
    elif data.decided_on > today:
        errors["decided_on"] = tr("The decision date cannot be in the future.")
    if data.decision == Decision.SIGNPOSTED and not v.clean(data.signposted_to):
        errors["signposted_to"] = tr("Please say where the family was signposted.")
    unmet = [c.label for c in checks if c.outcome is not RuleOutcome.MET]
    if data.decision == Decision.ACCEPTED and unmet:
        errors["decision"] = tr(
            "Not every rule is met ({join}). Accept as an exception with a "
            "reason, or record what is not known yet first."
        ).format(join="; ".join(unmet))
    if errors:
        raise ValidationError(errors)


def record_decision(
    db: Database,
    referral_id: int,
    data: DecisionInput,
    expected_version: int | None = None,
    today: date | None = None,
) -> Referral:
    """Accepted or an exception: the family joins the waiting list from the decision date."""
    require(db, Permission.MANAGE_SERVICE)
    checks = check_referral(db, referral_id)
    validate_decision(data, checks, today or date.today())
    decision = Decision(data.decision)
    status = {
        Decision.ACCEPTED: ReferralStatus.WAITING,
        Decision.EXCEPTION: ReferralStatus.WAITING,
        Decision.NOT_ELIGIBLE: ReferralStatus.NOT_ELIGIBLE,
        Decision.SIGNPOSTED: ReferralStatus.SIGNPOSTED,
    }[decision]
    current = lambda: referrals.get_referral(db, referral_id)  # noqa: E731
    with refuse_stale("referral", current), db.session() as s:
        row = referrals.load_row(s, referral_id)
        stores.check_version(row, expected_version)
        if row.status not in (
            ReferralStatus.REFERRED.value,
            ReferralStatus.NOT_ELIGIBLE.value,
            ReferralStatus.SIGNPOSTED.value,
            ReferralStatus.WAITING.value,
        ):
            raise ValidationError(
                {"decision": tr("This family already has a home visitor or has ended.")}
            )
        row.status = status.value
        row.decision = decision.value
        row.decision_reason = v.clean(data.reason)
        row.signposted_to = v.clean(data.signposted_to)
        row.decided_by = v.clean(data.decided_by)
        row.decided_on = data.decided_on
        row.rule_results = json.dumps({c.key: c.outcome.value for c in checks})
        if status is ReferralStatus.WAITING:
            row.waiting_since = row.waiting_since or data.decided_on
        else:
            row.waiting_since = None
        stores.touch(row)
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "referral", referral_id, f"decision {decision}")
    return referrals.get_referral(db, referral_id)

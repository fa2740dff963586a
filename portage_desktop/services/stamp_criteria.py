"""The Stamp of Approval criteria as rules: plain data in, a result in words out.

Each function answers for one criterion on one day: met, at risk, not met or "needs your
statement", with the evidence behind the answer and what would fix it. Nothing here reads the
database, so every rule is tested on its own. The wording is this project's own summary of the
NPA's criteria.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from portage_desktop.services.dates import format_date
from portage_desktop.services.inspections import (
    GRADES,
    REPORT_CARD_SCALE,
    Framework,
    Inspection,
    words_for,
)
from portage_desktop.services.staff import StaffMember
from portage_desktop.services.stamp_rules import Rules
from portage_desktop.services.stamp_statements import Statement
from portage_desktop.services.training import TrainingKind, TrainingRecord, TrainingStatus


class Status(StrEnum):
    MET = "met"
    AT_RISK = "at_risk"
    NOT_MET = "not_met"
    NEEDS_STATEMENT = "needs_statement"

    @property
    def label(self) -> str:
        return {
            "met": "Met",
            "at_risk": "At risk",
            "not_met": "Not met",
            "needs_statement": "Needs your statement",
        }[self]

    @property
    def symbol(self) -> str:
        """A shape as well as a colour, so the status never depends on colour alone."""
        return {"met": "✔", "at_risk": "⚠", "not_met": "✖", "needs_statement": "✎"}[self]


TITLES = {
    1: "Portage Principles guide all work with children with SEND",
    2: "The latest inspection is good enough",
    3: "Holistic assessment with parents, using a range of materials",
    4: "Plans reviewed with parents often enough, across the three goal areas",
    5: "Shared records with each family; activity plans agreed with parents",
    6: "Practitioners trained at a Portage Workshop",
    7: "NPA professional membership for the whole award year",
    8: "Level 3 Award in Portage Skills and further Portage CPD (desirable)",
}


@dataclass(frozen=True)
class CriterionResult:
    number: int
    status: Status
    evidence: tuple[str, ...]
    fixes: tuple[str, ...] = ()
    cause: str = ""  # "leaver" or "expiry" when that is what broke or threatens it

    @property
    def title(self) -> str:
        return TITLES[self.number]

    @property
    def essential(self) -> bool:
        return self.number != 8


@dataclass(frozen=True)
class StaffTraining:
    """A staff member with their training, as the criteria see them."""

    member: StaffMember
    records: tuple[TrainingRecord, ...]

    def workshop_trained(self, on: date) -> bool:
        return any(r.counts_for_workshop(on) for r in self.records)

    def membership_on(self, on: date) -> TrainingRecord | None:
        current = [r for r in self.records if r.membership_current(on)]
        return max(current, key=lambda r: r.expires_on or date.max, default=None)

    def member_until(self, on: date, until: date) -> bool:
        """A member every day from ``on`` to ``until``, counting renewals, and not leaving."""
        if self.member.leave_date is not None and self.member.leave_date <= until:
            return False
        cursor = on
        while True:
            held = self.membership_on(cursor)
            if held is None:
                return False
            if held.expires_on is None or held.expires_on >= until:
                return True
            cursor = held.expires_on + timedelta(days=1)


def _names(people: Sequence[StaffTraining]) -> str:
    return ", ".join(p.member.full_name for p in people) or "nobody"


def workshop_needed(staff: Sequence[StaffTraining], childminder: bool, rules: Rules) -> int:
    """Two for a group setting; one for a childminder or a setting with few current staff."""
    current = [p for p in staff if p.member.is_current(rules.on)]
    small = childminder or len(current) <= rules.small_setting_staff
    return rules.workshop_small if small else rules.workshop_group


def criterion_6(
    staff: Sequence[StaffTraining], childminder: bool, rules: Rules, year_end: date
) -> CriterionResult:
    on = rules.on
    current = [p for p in staff if p.member.is_current(on)]
    trained = [p for p in current if p.workshop_trained(on)]
    needed = workshop_needed(staff, childminder, rules)
    why = (
        "a childminder"
        if childminder
        else f"{len(current)} current staff, so "
        + ("a small setting" if len(current) <= rules.small_setting_staff else "a group setting")
    )
    evidence = [
        f"Needed: {needed} ({why}).",
        f"Workshop-trained by an NPA-accredited trainer and working here: {len(trained)} "
        f"({_names(trained)}).",
    ]
    unaccredited = [
        p
        for p in current
        if not p.workshop_trained(on) and any(r.kind is TrainingKind.WORKSHOP for r in p.records)
    ]
    if unaccredited:
        evidence.append(
            f"Workshop recorded but trainer not NPA-accredited: {_names(unaccredited)}."
        )
    left = [
        p
        for p in staff
        if p.workshop_trained(on)
        and p.member.leave_date is not None
        and on - timedelta(days=365) < p.member.leave_date <= on
    ]
    leaving = [
        p for p in trained if p.member.leave_date is not None and p.member.leave_date <= year_end
    ]
    short = needed - len(trained)
    if short > 0:
        if left:
            evidence.append(f"Left in the last year: {_names(left)}.")
        fixes = [
            f"Book a Portage Workshop with an NPA-accredited trainer for {short} more "
            f"practitioner{'s' if short != 1 else ''}, and add it to their training record."
        ]
        if unaccredited:
            fixes.append("If the trainer was NPA-accredited, tick that on the Workshop record.")
        return CriterionResult(
            6, Status.NOT_MET, tuple(evidence), tuple(fixes), "leaver" if left else ""
        )
    if leaving and len(trained) - len(leaving) < needed:
        evidence.append(f"Leaving before {format_date(year_end)}: {_names(leaving)}.")
        return CriterionResult(
            6,
            Status.AT_RISK,
            tuple(evidence),
            ("Book a Portage Workshop for another practitioner before they leave.",),
            "leaver",
        )
    return CriterionResult(6, Status.MET, tuple(evidence))


def criterion_7(staff: Sequence[StaffTraining], rules: Rules, year_end: date) -> CriterionResult:
    on = rules.on
    current = [p for p in staff if p.member.is_current(on)]
    members = [(p, p.membership_on(on)) for p in current if p.membership_on(on)]
    through = [p for p, _m in members if p.member_until(on, year_end)]
    evidence = [
        f"Needed: {rules.members_needed}, current on {format_date(on)} and until "
        f"{format_date(year_end)} (the end of the award year).",
        "Members now: "
        + (
            ", ".join(
                f"{p.member.full_name} (expires {format_date(m.expires_on)})"
                for p, m in members
                if m
            )
            or "nobody"
        )
        + ".",
    ]
    if len(through) >= rules.members_needed:
        return CriterionResult(7, Status.MET, tuple(evidence))
    if len(members) >= rules.members_needed:
        leaving = [
            p
            for p, _m in members
            if p.member.leave_date is not None and p.member.leave_date <= year_end
        ]
        if leaving:
            evidence.append(f"Leaving before {format_date(year_end)}: {_names(leaving)}.")
            fix = "Another practitioner could join the NPA before the member leaves."
        else:
            fix = (
                f"Renew NPA membership so that it runs to at least {format_date(year_end)}, "
                "then add the renewal to the training record."
            )
        return CriterionResult(
            7, Status.AT_RISK, tuple(evidence), (fix,), "leaver" if leaving else "expiry"
        )
    lapsed = [
        p
        for p in staff
        if any(
            r.kind is TrainingKind.MEMBERSHIP and r.expires_on is not None and r.expires_on < on
            for r in p.records
        )
    ]
    left = [p for p in staff if not p.member.is_current(on) and p.membership_on(on)]
    cause = "leaver" if left else "expiry" if lapsed else ""
    if lapsed:
        evidence.append(f"Membership lapsed: {_names(lapsed)}.")
    if left:
        evidence.append(f"Member who has left: {_names(left)}.")
    return CriterionResult(
        7,
        Status.NOT_MET,
        tuple(evidence),
        (
            "Join or renew NPA professional membership for at least one practitioner, and add it "
            "to their training record with its number and dates.",
        ),
        cause,
    )


def criterion_8(staff: Sequence[StaffTraining], on: date) -> CriterionResult:
    current = [p for p in staff if p.member.is_current(on)]
    level3 = [(p, r) for p in current for r in p.records if r.kind is TrainingKind.LEVEL3]
    pcpd = [(p, r) for p in current for r in p.records if r.kind is TrainingKind.PCPD]
    evidence = [
        "Level 3 Award in Portage Skills: "
        + (
            ", ".join(f"{p.member.full_name} ({r.status.label.lower()})" for p, r in level3)
            or "nobody"
        )
        + ".",
        "PCPD modules: "
        + (", ".join(f"{p.member.full_name} ({r.title})" for p, r in pcpd) or "none")
        + ".",
    ]
    if level3 or any(r.status is TrainingStatus.COMPLETED for _p, r in pcpd):
        return CriterionResult(8, Status.MET, tuple(evidence))
    return CriterionResult(
        8,
        Status.NOT_MET,
        tuple(evidence),
        (
            "This criterion is desirable, not essential. A practitioner could start the Level 3 "
            "Award in Portage Skills or a PCPD module.",
        ),
    )


def _rank(scale: tuple[tuple[str, str], ...], code: str) -> int:
    return [c for c, _w in scale].index(code) if code in dict(scale) else len(scale)


def inspection_rule_text(rules: Rules) -> str:
    """The rule for criterion 2, in words, so the manager can see and question it."""
    return (
        f"Graded inspections (to 9 November 2025): overall "
        f"{dict(GRADES)[rules.graded_minimum]} or better. Report cards (from 10 November 2025): "
        f"safeguarding Met and no area below {dict(REPORT_CARD_SCALE)[rules.report_card_minimum]}. "
        "Agency-registered childminders are not graded: you confirm it yourself."
    )


def inspection_subject(inspection: Inspection | None) -> str:
    return f"inspection:{inspection.id}" if inspection else "no-inspection"


def criterion_2(
    inspection: Inspection | None, rules: Rules, statement: Statement | None
) -> CriterionResult:
    rule = f"Rule: {inspection_rule_text(rules)}"
    if inspection is None:
        return CriterionResult(
            2,
            Status.NEEDS_STATEMENT,
            ("No inspection is recorded.", rule),
            ("Add your latest inspection exactly as published (Settings, Inspections).",),
        )
    evidence = [f"Latest inspection: {inspection.title}.", *inspection.lines, rule]
    failing: list[str] = []
    if inspection.framework is Framework.GRADED:
        grade = inspection.judgement("overall") or ""
        if _rank(GRADES, grade) > _rank(GRADES, rules.graded_minimum):
            failing.append(
                f"overall effectiveness is {words_for(inspection.framework, 'overall', grade)}"
            )
    elif inspection.framework is Framework.REPORT_CARD:
        if inspection.judgement("safeguarding") != "met":
            failing.append("safeguarding is Not met")
        for area, grade in inspection.judgements:
            if area != "safeguarding" and _rank(REPORT_CARD_SCALE, grade) > _rank(
                REPORT_CARD_SCALE, rules.report_card_minimum
            ):
                failing.append(
                    f"{area.replace('_', ' ')} is {words_for(inspection.framework, area, grade)}"
                )
    if failing:
        return CriterionResult(
            2,
            Status.NOT_MET,
            (*evidence, "Below the rule: " + "; ".join(failing) + "."),
            (
                "Speak to your Portage representative: the award needs an inspection that meets "
                "the rule. Record the next inspection here when it is published.",
            ),
        )
    subject = inspection_subject(inspection)
    if statement is not None and statement.confirmed_for(subject):
        note = f"Confirmed by {statement.confirmed_by} on {format_date(statement.confirmed_on)}."
        return CriterionResult(2, Status.MET, (*evidence, note))
    ask = (
        "Confirm that this is your most recent inspection and that it meets the criterion."
        if inspection.framework is not Framework.AGENCY
        else "Your agency does not grade you: confirm that your agency's latest inspection "
        "meets the criterion, in your own words."
    )
    return CriterionResult(2, Status.NEEDS_STATEMENT, tuple(evidence), (ask,))

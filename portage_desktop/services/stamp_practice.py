"""Criteria 1, 3, 4 and 5: the setting's practice with children and families.

Criteria 3 to 5 are judged from the children's records when the app keeps them (see
:mod:`services.stamp_evidence`); until then, and for criterion 1 always, they rest on the
manager's own confirmed statement, and the evidence says so plainly.
"""

from __future__ import annotations

from datetime import date, timedelta

from portage_desktop.services.dates import add_months, format_date
from portage_desktop.services.stamp_criteria import CriterionResult, Status
from portage_desktop.services.stamp_evidence import EvidenceBundle, GoalArea
from portage_desktop.services.stamp_rules import Rules
from portage_desktop.services.stamp_statements import Statement

_WHAT = {
    1: "how the Portage Principles underpin your work with children with SEND",
    3: "how you assess each child with parents, using a range of materials",
    4: "how often you review plans with parents and how they cover the three goal areas",
    5: "how you keep shared records with families and agree activity plans with parents",
}
_NOT_KEPT = {
    3: "Assessments are not yet kept in Portage Desktop.",
    4: "Reviews with parents are not yet kept in Portage Desktop.",
    5: "Activity plans and shared records are not yet kept in Portage Desktop.",
}


def _from_statement(
    number: int, statement: Statement | None, evidence: list[str]
) -> CriterionResult:
    if statement is not None and statement.text and statement.confirmed_on is not None:
        evidence.append(
            f"Your statement, confirmed by {statement.confirmed_by} on "
            f"{format_date(statement.confirmed_on)}: {statement.text}"
        )
        return CriterionResult(number, Status.MET, tuple(evidence))
    if statement is not None and statement.text:
        evidence.append("Your statement is written but not yet confirmed.")
    return CriterionResult(
        number,
        Status.NEEDS_STATEMENT,
        tuple(evidence),
        (f"Write and confirm a statement of {_WHAT[number]}.",),
    )


def criterion_1(statement: Statement | None, workshop_trained: int) -> CriterionResult:
    evidence = [f"Workshop-trained practitioners working here: {workshop_trained}."]
    return _from_statement(1, statement, evidence)


def _sen_count(bundle: EvidenceBundle) -> str:
    n = len(bundle.children)
    return f"Children with SEND on roll: {n}."


def criterion_3(bundle: EvidenceBundle, statement: Statement | None) -> CriterionResult:
    evidence = [_sen_count(bundle)]
    if not bundle.assessments_kept or not bundle.children:
        if not bundle.assessments_kept:
            evidence.append(_NOT_KEPT[3])
        return _from_statement(3, statement, evidence)
    narrow = [c for c in bundle.children if len(set(c.assessment_materials)) < 2]
    evidence.append(
        f"Assessed with at least two kinds of material: {len(bundle.children) - len(narrow)} "
        f"of {len(bundle.children)}."
    )
    if narrow:
        return CriterionResult(
            3,
            Status.NOT_MET,
            tuple(evidence),
            (
                f"Add an observation, a developmental profile or advice from another professional "
                f"for the {len(narrow)} child(ren) assessed with one kind of material only.",
            ),
        )
    return CriterionResult(3, Status.MET, tuple(evidence))


def criterion_4(
    bundle: EvidenceBundle, statement: Statement | None, rules: Rules
) -> CriterionResult:
    evidence = [
        _sen_count(bundle),
        f"Rule: at least {rules.reviews_per_year} reviews with "
        "parents in any 12 months, covering all three goal areas.",
    ]
    if not bundle.reviews_kept or not bundle.children:
        if not bundle.reviews_kept:
            evidence.append(_NOT_KEPT[4])
        return _from_statement(4, statement, evidence)
    on = rules.on
    year_ago = add_months(on, -12)
    soon = year_ago + timedelta(weeks=rules.warning_weeks)
    short, narrow, at_risk = 0, 0, 0
    planned = [c for c in bundle.children if c.has_active_plan]
    for child in planned:
        held = [r for r in child.reviews if r.with_parents and year_ago < r.held_on <= on]
        areas = set().union(*(r.goal_areas for r in held)) if held else set()
        if len(held) < rules.reviews_per_year:
            short += 1
        elif len([r for r in held if r.held_on > soon]) < rules.reviews_per_year:
            at_risk += 1
        if areas != set(GoalArea):
            narrow += 1
    evidence.append(
        f"Children with an active plan: {len(planned)}; with enough reviews: "
        f"{len(planned) - short}; covering all three goal areas: {len(planned) - narrow}."
    )
    if short or narrow:
        fixes = []
        if short:
            fixes.append(f"Hold a review with parents for the {short} child(ren) behind.")
        if narrow:
            fixes.append("Make sure goals cover " + "; ".join(a.label for a in GoalArea) + ".")
        return CriterionResult(4, Status.NOT_MET, tuple(evidence), tuple(fixes))
    if at_risk:
        evidence.append(
            f"{at_risk} child(ren) will fall behind within {rules.warning_weeks} weeks."
        )
        return CriterionResult(
            4, Status.AT_RISK, tuple(evidence), ("Book their next review with parents now.",)
        )
    return CriterionResult(4, Status.MET, tuple(evidence))


def criterion_5(bundle: EvidenceBundle, statement: Statement | None) -> CriterionResult:
    evidence = [_sen_count(bundle)]
    if not bundle.plans_kept or not bundle.children:
        if not bundle.plans_kept:
            evidence.append(_NOT_KEPT[5])
        return _from_statement(5, statement, evidence)
    plans = sum(c.plans for c in bundle.children)
    agreed = sum(c.plans_agreed_with_parents for c in bundle.children)
    shared = sum(c.plans_shared_with_family for c in bundle.children)
    evidence.append(
        f"Activity plans: {plans}; agreed with parents: {agreed}; shared with the family: {shared}."
    )
    if plans and agreed == plans and shared == plans:
        return CriterionResult(5, Status.MET, tuple(evidence))
    return CriterionResult(
        5,
        Status.NOT_MET,
        tuple(evidence),
        ("Agree each activity plan with the parent and record that it was shared with them.",),
    )


def award_year_end(on: date, held_until: date | None, months: int) -> date:
    """The end of the award year that a check on ``on`` must cover."""
    return held_until if held_until is not None and held_until > on else add_months(on, months)

"""Criteria 1, 3 and 5: the setting's practice with children and families.

Criteria 3 to 5 are judged from the children's records (see :mod:`services.stamp_evidence`;
criterion 4 is in :mod:`stamp_reviews`). A criterion with nothing to judge is never met: it
says "no evidence yet" and what to record, whatever the statement says. Criterion 1 always
rests on the manager's own confirmed statement, and the evidence says so plainly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from portage_desktop.i18n import tr
from portage_desktop.services.dates import add_months, format_date
from portage_desktop.services.plan_vocabulary import PlanKind
from portage_desktop.services.stamp_criteria import (
    CountedRecord,
    CriterionResult,
    LazyRecords,
    Status,
    some,
    statement_record,
)
from portage_desktop.services.stamp_evidence import EvidenceBundle
from portage_desktop.services.stamp_statements import Statement

_WHAT = {
    1: tr("how the Portage Principles underpin your work with children with SEND"),
    3: tr("how you assess each child with parents, using a range of materials"),
    4: tr("how often you review plans with parents and how they cover the three goal areas"),
    5: tr("how you keep shared records with families and agree activity plans with parents"),
}
NOT_KEPT = {
    3: tr("Assessments are not yet kept in Portage Desktop."),
    4: tr("Reviews with parents are not yet kept in Portage Desktop."),
    5: tr("Activity plans and shared records are not yet kept in Portage Desktop."),
}


ADD_CHILDREN = tr(
    "Record each child with SEND on roll (their SEN status on the child's record); the check "
    "then judges this criterion from their records."
)


def from_statement(
    number: int,
    statement: Statement | None,
    evidence: list[str],
    records: Sequence[CountedRecord] = (),
) -> CriterionResult:
    rows = LazyRecords(lambda: (*records, statement_record(statement)))
    if statement is not None and statement.text and statement.confirmed_on is not None:
        evidence.append(
            tr("Your statement, confirmed by {confirmed_by} on {date}: {text}").format(
                confirmed_by=statement.confirmed_by,
                date=format_date(statement.confirmed_on),
                text=statement.text,
            )
        )
        return CriterionResult(number, Status.MET, tuple(evidence), records=rows)
    if statement is not None and statement.text:
        evidence.append(tr("Your statement is written but not yet confirmed."))
    return CriterionResult(
        number,
        Status.NEEDS_STATEMENT,
        tuple(evidence),
        (tr("Write and confirm a statement of {WHAT}.").format(WHAT=_WHAT[number]),),
        records=rows,
    )


def no_evidence(
    number: int,
    evidence: list[str],
    fix: str,
    statement: Statement | None,
    records: Sequence[CountedRecord],
) -> CriterionResult:
    """Nothing to judge: never met, and the fix says what to record."""
    if statement is not None and statement.confirmed_on is not None:
        evidence.append(
            tr(
                "Your confirmed statement is kept for the application, but this criterion is "
                "judged "
                "from the records."
            )
        )
    return CriterionResult(number, Status.NO_EVIDENCE, tuple(evidence), (fix,), records=records)


def sen_count(bundle: EvidenceBundle) -> str:
    return tr("Children with SEND on roll: {count}.").format(count=len(bundle.children))


def criterion_1(statement: Statement | None, trained: Sequence[str]) -> CriterionResult:
    evidence = [
        tr("Workshop-trained practitioners working here: {count}.").format(count=len(trained))
    ]
    records = [
        CountedRecord(
            n,
            tr("Portage Workshop"),
            tr("completed, NPA-accredited trainer"),
            True,
            tr("works here"),
        )
        for n in trained
    ]
    return from_statement(1, statement, evidence, records)


def _material_records(bundle: EvidenceBundle) -> tuple[CountedRecord, ...]:
    rows = []
    for child in bundle.children:
        rows += [
            CountedRecord(
                child.who, tr("Assessment material"), m, True, tr("recorded with the child")
            )
            for m in child.assessment_materials
        ]
        if not child.assessment_materials:
            rows.append(
                CountedRecord(child.who, tr("Assessment material"), tr("none recorded"), False, "")
            )
    return tuple(rows)


def criterion_3(bundle: EvidenceBundle, statement: Statement | None) -> CriterionResult:
    evidence = [sen_count(bundle)]
    if not bundle.assessments_kept:
        evidence.append(NOT_KEPT[3])
        return from_statement(3, statement, evidence)
    records = LazyRecords(lambda: _material_records(bundle))
    if not bundle.children:
        return no_evidence(3, evidence, ADD_CHILDREN, statement, records)
    if not any(c.assessment_materials for c in bundle.children):
        evidence.append(
            tr(
                "No checklist assessment, observation, profile or advice from another professional "
                "is recorded yet for any of them."
            )
        )
        fix = tr(
            "Record each child's assessment with the parents: a checklist, observations, a "
            "profile and advice from other professionals."
        )
        return no_evidence(3, evidence, fix, statement, records)
    narrow = [c for c in bundle.children if len(set(c.assessment_materials)) < 2]
    evidence.append(
        tr("Assessed with at least two kinds of material: {value} of {count}.").format(
            value=len(bundle.children) - len(narrow), count=len(bundle.children)
        )
    )
    if narrow:
        unnamed = (
            tuple(evidence),
            (
                tr(
                    "Add an observation, a developmental profile or advice from another "
                    "professional "
                    "for the {count} child(ren) assessed with fewer than two kinds of material."
                ).format(count=len(narrow)),
            ),
        )
        evidence.append(
            tr("Fewer than two kinds: ")
            + some([f"{c.who} ({', '.join(c.assessment_materials) or 'none'})" for c in narrow])
            + "."
        )
        return CriterionResult(
            3,
            Status.NOT_MET,
            tuple(evidence),
            (
                tr(
                    "Add an observation, a developmental profile or advice from another "
                    "professional "
                    "for {some}: each is assessed with fewer than two "
                    "kinds of material."
                ).format(some=some([c.who for c in narrow])),
            ),
            records=records,
            anonymous=unnamed,
        )
    return CriterionResult(3, Status.MET, tuple(evidence), records=records)


def _plan_records(bundle: EvidenceBundle) -> tuple[CountedRecord, ...]:
    rows = []
    for child in bundle.children:
        for plan in sorted(child.plan_list, key=lambda p: (p.kind.value, p.started_on)):
            missing = [
                text
                for done, text in (
                    (plan.agreed_on, tr("not agreed with parents yet")),
                    (plan.shared_on, tr("not shared with the family yet")),
                )
                if done is None
            ]
            rows.append(
                CountedRecord(
                    child.who,
                    tr("{label} plan: {title}").format(label=plan.kind.label, title=plan.title),
                    tr("started {date}; agreed {value}; shared {value2}; {lower}").format(
                        date=format_date(plan.started_on),
                        value=format_date(plan.agreed_on) or tr("not recorded"),
                        value2=format_date(plan.shared_on) or tr("not yet"),
                        lower=plan.status.label.lower(),
                    ),
                    not missing,
                    "; ".join(missing) or tr("agreed with parents and shared with the family"),
                )
            )
        if not child.plan_list:
            rows.append(CountedRecord(child.who, tr("Activity plan"), tr("none recorded"), False))
    return tuple(rows)


def criterion_5(bundle: EvidenceBundle, statement: Statement | None) -> CriterionResult:
    evidence = [sen_count(bundle)]
    if not bundle.plans_kept:
        evidence.append(NOT_KEPT[5])
        return from_statement(5, statement, evidence)
    records = LazyRecords(lambda: _plan_records(bundle))
    if not bundle.children:
        return no_evidence(5, evidence, ADD_CHILDREN, statement, records)
    plans = sum(c.plans for c in bundle.children)
    fix = tr(
        "Write an activity plan with the parents of each child with SEND, record who agreed it "
        "and when, and mark it shared once the family has a copy."
    )
    if not plans:
        evidence.append(
            tr("No activity plans are recorded yet for the {count} children with SEND.").format(
                count=len(bundle.children)
            )
        )
        return no_evidence(5, evidence, fix, statement, records)
    agreed = sum(c.plans_agreed_with_parents for c in bundle.children)
    shared = sum(c.plans_shared_with_family for c in bundle.children)
    evidence.append(
        tr(
            "Activity plans: {plans}; agreed with parents: {agreed}; shared with the family: "
            "{shared}."
        ).format(plans=plans, agreed=agreed, shared=shared)
    )
    by_kind: Counter[PlanKind] = Counter()
    for child in bundle.children:
        for kind, count in child.kinds:
            by_kind[kind] += count
    kinds = {kind.label: count for kind, count in by_kind.items() if count}
    if kinds:
        evidence.append(
            tr("By kind: ") + "; ".join(f"{k}: {n}" for k, n in sorted(kinds.items())) + "."
        )
    if agreed == plans and shared == plans:
        return CriterionResult(5, Status.MET, tuple(evidence), records=records)
    fixes = (
        tr("Agree each activity plan with the parent and record that it was shared with them."),
    )
    unnamed = (tuple(evidence), fixes)
    waiting = [r for r in records if not r.counted and r.record != "Activity plan"]
    if waiting:
        evidence.append(
            tr("Not yet agreed or shared: ")
            + some([f"{r.who} ({r.record.split(': ', 1)[-1]})" for r in waiting])
            + "."
        )
    return CriterionResult(
        5, Status.NOT_MET, tuple(evidence), fixes, records=records, anonymous=unnamed
    )


def award_year_end(on: date, held_until: date | None, months: int) -> date:
    """The last day of the award year a check on ``on`` must cover: the held award's expiry
    date (valid through it), or a year from ``on`` when no award is held."""
    return held_until if held_until is not None and held_until >= on else add_months(on, months)

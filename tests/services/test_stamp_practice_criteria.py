"""Criteria 1 to 5: the inspection rule with its confirmation, statements, children's evidence."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services import inspections, stamp_rules, stamp_statements
from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.inspections import Framework, InspectionInput
from portage_desktop.services.stamp_check import check_stamp
from portage_desktop.services.stamp_criteria import Status, inspection_subject
from portage_desktop.services.stamp_evidence import (
    ChildrenEvidence,
    EvidenceBundle,
    GoalArea,
    ReviewEvidence,
    children_evidence,
)
from tests.services.stamp_helpers import ON, make_setting

ALL_AREAS = frozenset(GoalArea)
CARD = {a: "expected" for a, _w in inspections.REPORT_CARD_AREAS}


def _inspect(db, day: date, framework: Framework, judgements: dict[str, str]):
    return inspections.save_inspection(db, InspectionInput(day, framework, judgements), today=ON)


def _confirm(db, inspection) -> None:
    stamp_statements.save_statement(db, 2, "", True, inspection_subject(inspection), today=ON)


@pytest.mark.parametrize(
    ("grade", "passes"),
    [("outstanding", True), ("good", True), ("requires_improvement", False), ("inadequate", False)],
)
def test_a_graded_inspection_before_november_2025(db, grade, passes):
    make_setting(db)
    found = _inspect(db, date(2024, 5, 1), Framework.GRADED, {"overall": grade})
    result = check_stamp(db, ON).result(2)
    if not passes:
        assert result.status is Status.NOT_MET
        return
    assert result.status is Status.NEEDS_STATEMENT  # the rule passes, a person confirms
    _confirm(db, found)
    assert check_stamp(db, ON).result(2).status is Status.MET


@pytest.mark.parametrize(
    ("change", "passes"),
    [
        ({}, True),
        ({"inclusion": "exceptional", "welfare": "strong"}, True),
        ({"safeguarding": "not_met"}, False),
        ({"leadership": "needs_attention"}, False),
        ({"achievement": "urgent_improvement"}, False),
    ],
)
def test_a_report_card_from_november_2025(db, change, passes):
    make_setting(db)
    judgements = {"safeguarding": "met", **CARD, **change}
    found = _inspect(db, date(2026, 2, 3), Framework.REPORT_CARD, judgements)
    _confirm(db, found)
    result = check_stamp(db, ON).result(2)
    assert result.status is (Status.MET if passes else Status.NOT_MET)
    assert not any(
        "overall" in e.lower() and "grade" not in e.lower() for e in result.evidence[1:2]
    )


def test_the_report_card_rule_is_editable(db):
    make_setting(db)
    found = _inspect(
        db,
        date(2026, 2, 3),
        Framework.REPORT_CARD,
        {"safeguarding": "met", **CARD, "inclusion": "needs_attention"},
    )
    _confirm(db, found)
    assert check_stamp(db, ON).result(2).status is Status.NOT_MET
    stamp_rules.save_rule(db, "report_card_minimum", "needs_attention", date(2026, 1, 1))
    result = check_stamp(db, ON).result(2)
    assert result.status is Status.MET
    assert any("no area below Needs attention" in e for e in result.evidence)


def test_an_agency_childminder_confirms_by_hand(db):
    make_setting(db)
    found = _inspect(db, date(2026, 6, 1), Framework.AGENCY, {})
    result = check_stamp(db, ON).result(2)
    assert result.status is Status.NEEDS_STATEMENT and "agency" in result.fixes[0]
    _confirm(db, found)
    assert check_stamp(db, ON).result(2).status is Status.MET


def test_a_newer_inspection_needs_confirming_again(db):
    make_setting(db)
    _confirm(db, _inspect(db, date(2024, 5, 1), Framework.GRADED, {"overall": "good"}))
    assert check_stamp(db, ON).result(2).status is Status.MET
    _inspect(db, date(2026, 3, 1), Framework.REPORT_CARD, {"safeguarding": "met", **CARD})
    assert check_stamp(db, ON).result(2).status is Status.NEEDS_STATEMENT
    assert check_stamp(db, date(2026, 2, 1)).result(2).status is Status.MET  # as it stood then


def test_no_inspection_asks_for_one(db):
    make_setting(db)
    result = check_stamp(db, ON).result(2)
    assert (
        result.status is Status.NEEDS_STATEMENT and "Add your latest inspection" in result.fixes[0]
    )


def test_inspections_are_checked_against_their_framework_dates(db):
    with pytest.raises(ValidationError) as error:
        inspections.save_inspection(
            db, InspectionInput(date(2026, 1, 5), Framework.GRADED, {"overall": "good"}), today=ON
        )
    assert "Graded inspections ended" in error.value.errors["inspected_on"]
    with pytest.raises(ValidationError) as error:
        inspections.save_inspection(
            db, InspectionInput(date(2025, 11, 9), Framework.REPORT_CARD, {}), today=ON
        )
    assert set(error.value.errors) >= {
        "inspected_on",
        "judgement_safeguarding",
        "judgement_inclusion",
    }
    assert inspections.list_inspections(db) == []


def test_criteria_3_4_and_5_come_from_the_records(demo_db):
    check = check_stamp(demo_db, ON)
    result = check.result(3)
    assert result.status is Status.MET
    assert "Assessed with at least two kinds of material: 11 of 11." in result.evidence
    result = check.result(4)
    assert result.status is Status.NOT_MET  # the demo has overdue reviews, on purpose
    assert (
        "Children with an active plan: 11; with enough reviews: 7; covering all three goal "
        "areas: 10." in result.evidence
    )
    behind = [e for e in result.evidence if "reviews with parents in the last 12 months" in e]
    assert len(behind) == 4 and all(" of 3 reviews with parents" in e for e in behind)
    result = check.result(5)
    assert result.status is Status.MET
    assert "Activity plans: 22; agreed with parents: 22; shared with the family: 22." in (
        result.evidence
    )
    bundle = children_evidence(demo_db, ON)
    assert bundle.assessments_kept and bundle.plans_kept and bundle.reviews_kept
    assert len(bundle.children) == 11
    assert all(c.has_active_plan and c.plans == 2 for c in bundle.children)


def test_a_plan_not_agreed_or_shared_fails_criterion_5_until_it_is_printed(db):
    from portage_desktop.services import children, plan_records
    from portage_desktop.services.children import ChildInput
    from portage_desktop.services.vocabulary import SenStatus
    from tests.services.plan_helpers import add_goal, add_plan

    make_setting(db)
    child = children.save_child(
        db, ChildInput("Noor", "Baig", date(2023, 2, 2), sen_status=SenStatus.SEN_SUPPORT), today=ON
    ).id
    plan = add_plan(db, child, add_goal(db, child), agreed_with="", agreed_on=None)
    [evidence] = children_evidence(db, ON).children
    assert (evidence.plans, evidence.plans_agreed_with_parents) == (1, 0)
    assert evidence.has_active_plan and evidence.plans_shared_with_family == 0
    assert check_stamp(db, ON).result(5).status is Status.NOT_MET
    plan_records.mark_shared(db, child, plan, date(2026, 11, 3))
    [evidence] = children_evidence(db, ON).children
    assert evidence.plans_shared_with_family == 1


def test_plans_for_the_application_carry_every_identifying_detail(demo_db):
    from portage_desktop.services.anonymise import anonymise
    from portage_desktop.services.stamp_evidence import plans_for_application

    plans = plans_for_application(demo_db)
    assert len(plans) == 22
    plan = next(p for p in plans if p.kind == "Outcome-focused")
    assert plan.child_first_name and plan.date_of_birth and plan.family_names and plan.steps
    assert plan.child_first_name in plan.target
    hidden = anonymise(plan, "Plan A")
    assert plan.child_first_name not in hidden.target
    assert not any(name.split()[0] in hidden.goal for name in plan.family_names)


def test_a_child_assessed_one_way_only_fails_criterion_3(db):
    from portage_desktop.services import children, observations
    from portage_desktop.services.children import ChildInput
    from portage_desktop.services.record_vocabulary import AuthorKind, ObservationKind
    from portage_desktop.services.vocabulary import SenStatus

    make_setting(db)
    child = children.save_child(
        db, ChildInput("Noor", "Baig", date(2023, 2, 2), sen_status=SenStatus.SEN_SUPPORT), today=ON
    )
    note = observations.ObservationInput(
        ObservationKind.OBSERVATION, date(2026, 10, 1), AuthorKind.STAFF, "Kay", "Stacked 3 bricks."
    )
    observations.save_observation(db, child.id, note, today=ON)
    result = check_stamp(db, ON).result(3)
    assert result.status is Status.NOT_MET
    assert result.fixes[0] == (
        "Add an observation, a developmental profile or advice from another professional for "
        "Noor Baig: each is assessed with fewer than two kinds of material."
    )
    assert "Fewer than two kinds: Noor Baig (observations)." in result.evidence
    advice = observations.ObservationInput(
        ObservationKind.ADVICE, date(2026, 10, 2), AuthorKind.PROFESSIONAL, "SLT", "Use signs."
    )
    observations.save_observation(db, child.id, advice, today=ON)
    assert check_stamp(db, ON).result(3).status is Status.MET
    # Records are counted as they stood on the day checked: the advice came a day later.
    assert children_evidence(db, date(2026, 10, 1)).children[0].assessment_materials == (
        "observations",
    )


def test_a_confirmed_statement_meets_the_criterion_and_says_so(db):
    make_setting(db)
    with pytest.raises(ValidationError):
        stamp_statements.save_statement(db, 1, "", True, today=ON)
    stamp_statements.save_statement(db, 1, "We follow the child's lead.", False, today=ON)
    result = check_stamp(db, ON).result(1)
    assert result.status is Status.NEEDS_STATEMENT and "not yet confirmed" in result.evidence[-1]
    stamp_statements.save_statement(db, 1, "We follow the child's lead.", True, today=ON)
    result = check_stamp(db, ON).result(1)
    assert result.status is Status.MET and "We follow the child's lead." in result.evidence[-1]


def test_only_a_manager_confirms_statements(db):
    make_setting(db)
    set_actor(db, Actor("pat", "Pat", Role.PRACTITIONER))
    with pytest.raises(PermissionDenied):
        stamp_statements.save_statement(db, 1, "Text", True, today=ON)


def _review(day: date, areas=ALL_AREAS, parents: bool = True) -> ReviewEvidence:
    return ReviewEvidence(day, parents, frozenset(areas))


def _bundle(*children: ChildrenEvidence) -> EvidenceBundle:
    return EvidenceBundle(children, assessments_kept=True, reviews_kept=True, plans_kept=True)


def test_criterion_4_from_reviews_when_they_are_kept(db):
    make_setting(db)
    three = (_review(date(2026, 2, 1)), _review(date(2026, 6, 1)), _review(date(2026, 10, 1)))
    ok = ChildrenEvidence(1, has_active_plan=True, reviews=three)
    assert check_stamp(db, ON, _bundle(ok)).result(4).status is Status.MET
    two = ChildrenEvidence(2, has_active_plan=True, reviews=three[1:])
    assert check_stamp(db, ON, _bundle(ok, two)).result(4).status is Status.NOT_MET
    no_parent = ChildrenEvidence(
        3, has_active_plan=True, reviews=(*three[1:], _review(date(2026, 3, 1), parents=False))
    )
    assert check_stamp(db, ON, _bundle(no_parent)).result(4).status is Status.NOT_MET
    narrow = ChildrenEvidence(
        4, has_active_plan=True, reviews=tuple(_review(r.held_on, {GoalArea.PLAY}) for r in three)
    )
    result = check_stamp(db, ON, _bundle(narrow)).result(4)
    assert result.status is Status.NOT_MET and "participation" in result.fixes[-1]
    old = (_review(date(2025, 12, 10)), *three[1:], _review(date(2026, 8, 1)))
    soon = ChildrenEvidence(5, has_active_plan=True, reviews=old)
    assert check_stamp(db, ON, _bundle(soon)).result(4).status is Status.MET
    drops = ChildrenEvidence(
        6, has_active_plan=True, reviews=(_review(date(2025, 12, 10)), *three[1:])
    )
    assert check_stamp(db, ON, _bundle(drops)).result(4).status is Status.AT_RISK


def test_criteria_3_and_5_from_records_when_they_are_kept(db):
    make_setting(db)
    good = ChildrenEvidence(1, ("observation", "advice from a therapist"), True, (), 2, 2, 2)
    one_kind = ChildrenEvidence(2, ("checklist",), True, (), 1, 1, 0)
    assert check_stamp(db, ON, _bundle(good)).result(3).status is Status.MET
    assert check_stamp(db, ON, _bundle(good, one_kind)).result(3).status is Status.NOT_MET
    assert check_stamp(db, ON, _bundle(good)).result(5).status is Status.MET
    result = check_stamp(db, ON, _bundle(good, one_kind)).result(5)
    assert result.status is Status.NOT_MET and "shared with the family: 2" in result.evidence[-1]

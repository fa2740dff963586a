"""The services read the large demo site as they read typed records: every screen has sensible
content, the rules agree with the generated dates, and the Stamp of Approval check adds up."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from portage_desktop.printing.stamp import application_pack
from portage_desktop.services import (
    assessments,
    audit,
    children,
    consent,
    family,
    goals,
    observations,
    plan_records,
    plans,
    profiles,
    review_schedule,
    reviews,
    stamp_check,
    transitions,
)
from portage_desktop.services.plan_progress import DayResult, check_criterion
from portage_desktop.services.plan_vocabulary import PlanKind, PlanStatus
from portage_desktop.services.review_schedule import Due
from portage_desktop.services.stamp_criteria import Status
from portage_desktop.services.stamp_evidence import GoalArea
from portage_desktop.services.vocabulary import SenStatus
from portage_desktop.startup import make_large_demo
from tests.conftest import TEST_KEY, TODAY


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = make_large_demo(
        tmp_path_factory.mktemp("large") / "large.db", seed=6, today=TODAY, key=TEST_KEY, scale=0.03
    )
    yield db
    db.dispose()


def _busiest(db) -> int:
    on_roll = children.list_children(db)
    return max(on_roll, key=lambda c: len(plans.list_plans(db, c.id))).id


def test_the_children_list_holds_the_roll_and_the_leavers(site):
    everyone = children.list_children(site, include_archived=True)
    on_roll = children.list_children(site)
    assert len(everyone) == 30
    assert 0.2 <= len(on_roll) / len(everyone) <= 0.6
    assert all(c.key_person for c in on_roll)
    assert len({c.sen_status for c in everyone}) >= 3
    for summary in everyone:
        children.validate_child(children.get_child(site, summary.id), TODAY)


def test_a_childs_plans_have_steps_and_records_that_agree(site):
    child_id = _busiest(site)
    found = plans.list_plans(site, child_id)
    assert {p.kind for p in found} == set(PlanKind)
    assert any(p.status is PlanStatus.ACTIVE for p in found)
    assert len({p.status for p in found}) >= 3
    learnt = 0
    for plan in found:
        plans.validate_plan(plan.data, TODAY)
        progress = plan_records.progress(site, child_id, plan.id)
        assert len(progress.days) == plan.record_count
        if plan.kind is not PlanKind.OUTCOME:
            continue
        assert plan.ready_to_print
        for step in plan.data.steps:
            if step.achieved_on is None:
                continue
            results = [
                DayResult(d.day, d.tries, d.successes, d.prompt)
                for d in progress.days
                if d.step_id == step.id
            ]
            check = check_criterion(results, plan.criterion, plan.data.prompts)
            assert check.met_on == step.achieved_on, "the step was learnt when the rule says"
            learnt += 1
        if plan.status is PlanStatus.ACTIVE:
            assert progress.check is not None and not progress.check.met
    assert learnt


def test_the_rest_of_a_childs_record_is_filled_in(site):
    child_id = _busiest(site)
    assert {g.area for g in goals.list_goals(site, child_id)} == set(GoalArea)
    assert len(family.list_family(site, child_id)) >= 2
    assert family.list_professionals(site, child_id)
    assert {c.purpose.value for c in consent.list_consents(site, child_id)} >= {
        "share_agency",
        "discuss_meetings",
        "photos",
    }
    assert profiles.list_profiles(site, child_id)
    assert len(observations.list_observations(site, child_id)) >= 5
    summary = assessments.summarise_assessment(site, child_id)
    assert summary is not None and summary.areas
    held = [r for r in reviews.list_reviews(site, child_id) if r.data.held]
    assert held and all(r.data.plans for r in held)
    for review in held:
        reviews.validate_review(review.data, TODAY)
    transitions.list_transitions(site, child_id)


def test_reviews_are_due_each_term_for_children_with_active_plans(site):
    due = review_schedule.reviews_due(site, TODAY)
    on_roll = {c.id: c for c in children.list_children(site)}
    assert due and all(r.child_id in on_roll for r in due)
    assert all(on_roll[r.child_id].sen_status is not SenStatus.NONE for r in due)
    for row in due:
        if row.last_review is not None:
            assert row.last_review <= TODAY
            assert 110 <= (row.due_on - row.last_review).days <= 125
    states = Counter(r.state for r in due)
    assert set(states) <= set(Due)


def test_the_dashboard_has_work_to_show(site):
    """Children in their last year before school have a move under way, with actions open."""
    actions = transitions.open_actions(site)
    on_roll = {c.id for c in children.list_children(site)}
    assert actions and all(a.child_id in on_roll for a in actions)
    assert reviews.open_issues(site)


def test_the_stamp_check_runs_on_the_whole_site(site):
    check = stamp_check.check_stamp(site, TODAY)
    for number in (1, 2, 3, 5, 6, 7):
        assert check.result(number).status is Status.MET, number
    send_on_roll = [c for c in children.list_children(site) if c.sen_status is not SenStatus.NONE]
    assert f"Children with SEND on roll: {len(send_on_roll)}." in check.result(4).evidence
    assert check.result(4).status in (Status.MET, Status.AT_RISK, Status.NOT_MET)


def test_the_audit_log_holds_only_what_the_app_itself_wrote(site):
    """The generator writes no audit entries; starting the application through the services
    adds one, chained like any other (other tests here add views of records)."""
    assert audit.verify_chain(site).ok
    written = [e for e in audit.search(site) if e.action != "view"]
    assert [(e.action, e.record_kind) for e in written] == [("change", "application")]


def test_the_application_pack_has_four_plans_to_review_and_none_unreviewed(site):
    from portage_desktop.services.anonymise_review import people_for, propose, review_text
    from portage_desktop.services.stamp_application import award_year_for, load_application
    from portage_desktop.services.stamp_check import check_stamp
    from portage_desktop.services.stamp_evidence import plans_for_application

    assert application_pack(site, TODAY).plans == ()  # plans print only once reviewed
    chosen = load_application(site, award_year_for(check_stamp(site, TODAY))).chosen_plans
    by_id = {p.id: p for p in plans_for_application(site)}
    assert len(chosen) == 4 and all(i in by_id for i in chosen)
    names = {c.first_name for c in children.list_children(site, include_archived=True)}
    for plan in (by_id[i] for i in chosen):
        words = propose(review_text(plan), people_for(plan))
        assert not [n for n in names if re.search(rf"\b{re.escape(n)}\b", words)], words

"""Criterion 4 names each child, the reviews still needed and by when, and the areas missing;
criteria 3 to 5 with nothing to judge say "no evidence yet"; every criterion lists its records."""

from __future__ import annotations

from datetime import date

from portage_desktop.services.plan_vocabulary import GoalStatus, PlanKind, PlanStatus
from portage_desktop.services.stamp_check import check_stamp
from portage_desktop.services.stamp_criteria import Status
from portage_desktop.services.stamp_evidence import (
    ChildrenEvidence,
    EvidenceBundle,
    GoalArea,
    GoalEvidence,
    PlanEvidence,
    ReviewEvidence,
)
from portage_desktop.services.stamp_reviews import counts_until
from tests.services.stamp_helpers import ON, make_setting

ALL = frozenset(GoalArea)


def _review(day: date, areas=ALL, parents: bool = True) -> ReviewEvidence:
    return ReviewEvidence(day, parents, frozenset(areas))


def _goal(area: GoalArea) -> GoalEvidence:
    return GoalEvidence(area, date(2026, 1, 10), GoalStatus.ACTIVE)


def _child(*reviews: ReviewEvidence, goals=(), active: bool = True, name="Noor Baig"):
    return ChildrenEvidence(
        7, ("observations", "advice"), active, tuple(reviews), name=name, goals=tuple(goals)
    )


def _c4(db, *children: ChildrenEvidence, on: date = ON):
    bundle = EvidenceBundle(children, assessments_kept=True, reviews_kept=True, plans_kept=True)
    return check_stamp(db, on, bundle).result(4)


def test_a_review_counts_for_twelve_months():
    assert counts_until(date(2026, 10, 1)) == date(2027, 9, 30)
    assert counts_until(date(2025, 11, 23)) == date(2026, 11, 22)
    assert counts_until(date(2024, 2, 29)) == date(2025, 2, 28)


def test_after_a_first_review_it_says_how_many_more_by_when(db):
    make_setting(db)
    result = _c4(db, _child(_review(date(2026, 10, 1)), goals=[_goal(a) for a in GoalArea]))
    assert result.status is Status.NOT_MET
    assert (
        "Noor Baig: 1 of 3 reviews with parents in the last 12 months (01/10/2026)."
        in result.evidence
    )
    assert result.fixes == (
        "Noor Baig: hold 2 more reviews with parents by 30/09/2027, while the review of "
        "01/10/2026 still counts.",
    )
    result = _c4(db, _child(goals=[_goal(a) for a in GoalArea]))
    assert result.fixes[0] == (
        "Noor Baig: hold a review with parents now; 3 are needed in any 12 months."
    )


def test_a_review_twelve_months_old_has_stopped_counting(db):
    """On 22/11/2026 a review of 23/11/2025 still counts (its last day); one of 22/11/2025
    does not."""
    make_setting(db)
    later = (_review(date(2026, 3, 1)), _review(date(2026, 7, 1)))
    result = _c4(db, _child(_review(date(2025, 11, 23)), *later))
    assert result.status is Status.AT_RISK
    assert "Noor Baig: the review of 23/11/2025 counts until 22/11/2026." in result.evidence
    assert result.fixes == ("Noor Baig: hold the next review with parents by 22/11/2026.",)
    result = _c4(db, _child(_review(date(2025, 11, 22)), *later))
    assert result.status is Status.NOT_MET
    assert (
        "Noor Baig: 2 of 3 reviews with parents in the last 12 months (01/03/2026, 01/07/2026)."
        in result.evidence
    )
    assert "Noor Baig: hold 1 more review with parents by 28/02/2027" in result.fixes[0]


def test_a_review_without_parents_is_listed_but_not_counted(db):
    make_setting(db)
    reviews = (_review(date(2026, 2, 1), parents=False), _review(date(2026, 6, 1)))
    result = _c4(db, _child(*reviews))
    assert "Noor Baig: 1 of 3 reviews with parents in the last 12 months (01/06/2026)." in (
        result.evidence
    )
    rows = [(r.details, r.counted, r.why) for r in result.records if r.record.startswith("Review")]
    assert rows[0][1:] == (False, "no parent recorded as attending")
    assert rows[1] == (
        "held 01/06/2026; goal areas: all three",
        True,
        "counts until 31/05/2027",
    )


def test_each_child_is_named_with_the_areas_no_goal_covers(db):
    make_setting(db)
    play_only = [_review(d, {GoalArea.PLAY}) for d in (date(2026, 2, 1), date(2026, 6, 1))]
    child = _child(
        *play_only,
        _review(date(2026, 10, 1), {GoalArea.PLAY}),
        goals=[_goal(GoalArea.PLAY), _goal(GoalArea.LEARNING)],
    )
    other = _child(
        *[_review(r.held_on) for r in play_only], _review(date(2026, 10, 1)), name="Sam Ode"
    )
    result = _c4(db, child, other)
    assert result.status is Status.NOT_MET
    assert (
        "Children with an active plan: 2; with enough reviews: 2; covering all three goal "
        "areas: 1." in result.evidence
    )
    assert (
        "Noor Baig: no goal reviewed with parents in the last 12 months for: learning, physical "
        "development and communication; participation and inclusion in family and community "
        "life." in result.evidence
    )
    assert result.fixes == (
        "Noor Baig: write a goal with the parents for: participation and inclusion in family "
        "and community life. Then at the next review with parents, review the goals for: "
        "learning, physical development and communication.",
    )
    goals = [(r.record, r.details, r.counted) for r in result.records if r.who == "Noor Baig"]
    assert (
        "Goal: play and personal development",
        "written 10/01/2026; working on it",
        True,
    ) in goals
    assert (
        "Goal: learning, physical development and communication",
        "written 10/01/2026; working on it",
        False,
    ) in goals
    assert (
        "Goal: participation and inclusion in family and community life",
        "no goal written",
        False,
    ) in goals
    assert not any("Ask for more" in r.details for r in result.records)  # the family's words


def test_children_on_roll_with_no_active_plan_are_no_evidence_for_criterion_4(db):
    make_setting(db)
    result = _c4(db, _child(active=False))
    assert result.status is Status.NO_EVIDENCE
    assert (
        "None of the 1 children with SEND on roll has an active plan, so there are no reviews "
        "to judge." in result.evidence
    )
    assert result.fixes[0].startswith("Write goals and an activity plan with the parents")
    first = result.records[0]
    assert (first.record, first.counted, first.why) == (
        "Active plan",
        False,
        "nothing to review",
    )


def test_criteria_3_and_5_with_nothing_recorded_are_no_evidence(db):
    make_setting(db)
    bare = ChildrenEvidence(7, name="Noor Baig")
    bundle = EvidenceBundle((bare,), assessments_kept=True, reviews_kept=True, plans_kept=True)
    check = check_stamp(db, ON, bundle)
    three, five = check.result(3), check.result(5)
    assert three.status is Status.NO_EVIDENCE and "checklist" in three.fixes[0]
    assert [(r.who, r.details, r.counted) for r in three.records] == [
        ("Noor Baig", "none recorded", False)
    ]
    assert five.status is Status.NO_EVIDENCE
    assert "No activity plans are recorded yet for the 1 children with SEND." in five.evidence
    assert five.fixes[0].startswith("Write an activity plan with the parents of each child")


def test_criterion_5_lists_plans_by_kind_and_names_what_is_missing(db):
    make_setting(db)
    plans = (
        PlanEvidence(
            "Coat on",
            PlanKind.OUTCOME,
            PlanStatus.ACTIVE,
            date(2026, 9, 1),
            date(2026, 9, 1),
            None,
            GoalArea.LEARNING,
        ),
        PlanEvidence(
            "Rhymes",
            PlanKind.OPEN,
            PlanStatus.ACTIVE,
            date(2026, 9, 1),
            date(2026, 9, 1),
            date(2026, 9, 2),
            GoalArea.PLAY,
        ),
    )
    child = ChildrenEvidence(7, ("observations",), True, (), 2, 2, 1, "Noor Baig", (), plans)
    bundle = EvidenceBundle((child,), assessments_kept=True, reviews_kept=True, plans_kept=True)
    result = check_stamp(db, ON, bundle).result(5)
    assert result.status is Status.NOT_MET
    assert "By kind: Open-ended (play): 1; Outcome-focused (small steps): 1." in result.evidence
    assert "Not yet agreed or shared: Noor Baig (Coat on)." in result.evidence
    assert [(r.record, r.counted, r.why) for r in result.records] == [
        ("Open-ended (play) plan: Rhymes", True, "agreed with parents and shared with the family"),
        ("Outcome-focused (small steps) plan: Coat on", False, "not shared with the family yet"),
    ]


def test_every_criterion_lists_the_records_it_counted(demo_db):
    check = check_stamp(demo_db, ON)
    for result in check.results:
        assert result.records, result.number
    six = check.result(6)
    trained = {r.who for r in six.records if r.record == "Portage Workshop" and r.counted}
    assert f"working here: {len(trained)} (" in six.evidence[1]
    assert all(name in six.evidence[1] for name in trained)
    four = check.result(4)
    behind = [e for e in four.evidence if "reviews with parents in the last 12 months" in e]
    assert len(behind) == 4  # the demo's four children behind, each by name
    named = {e.split(":")[0] for e in behind}
    assert all(any(f.startswith(f"{n}: hold") for f in four.fixes) for n in named)


def test_the_anonymised_pack_gets_the_verdicts_without_the_names(db):
    """The application pack prints anonymous_evidence and anonymous_fixes: counts, no child."""
    make_setting(db)
    behind = _child(_review(date(2026, 10, 1), {GoalArea.PLAY}), goals=[_goal(GoalArea.PLAY)])
    plan = PlanEvidence(
        "Coat on", PlanKind.OUTCOME, PlanStatus.ACTIVE, date(2026, 9, 1), None, None, GoalArea.PLAY
    )
    narrow = ChildrenEvidence(8, ("observations",), True, (), 1, 0, 0, "Sam Ode", (), (plan,))
    bundle = EvidenceBundle(
        (behind, narrow), assessments_kept=True, reviews_kept=True, plans_kept=True
    )
    check = check_stamp(db, ON, bundle)
    for number in (3, 4, 5):
        result = check.result(number)
        assert result.status is Status.NOT_MET, number
        named = " ".join(result.evidence + result.fixes)
        assert "Noor Baig" in named or "Sam Ode" in named, number
        shared = " ".join(result.anonymous_evidence + result.anonymous_fixes)
        assert "Noor" not in shared and "Sam" not in shared, number
        assert result.anonymous_fixes, number
    assert check.result(4).anonymous_fixes == (
        "Hold reviews with parents for the 2 child(ren) behind, by the dates the Stamp of "
        "Approval page gives for each.",
        "For the 2 child(ren) with gaps, make sure the goals reviewed with parents cover all "
        "three areas.",
    )

"""The criteria check counts plans and goals in the database and reads them one by one only
when the records counted are listed; both ways must agree."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from portage_desktop.data import evidence_store
from portage_desktop.services import children as children_service
from portage_desktop.services import stamp_check, stamp_evidence
from portage_desktop.services.children import ChildInput
from portage_desktop.services.plan_vocabulary import GoalStatus, PlanStatus
from portage_desktop.services.stamp_evidence import GoalArea
from portage_desktop.services.vocabulary import SenStatus
from tests.services.plan_helpers import START, TODAY, add_goal, add_plan


def test_counted_in_the_database_as_read_one_by_one(demo_db):
    bundle = stamp_evidence.children_evidence(demo_db, date.today())
    assert bundle.children
    with_plans = 0
    for child in bundle.children:
        plans = list(child.plan_list)  # read now, from the records
        with_plans += bool(plans)
        assert child.plans == len(plans)
        assert child.plans_agreed_with_parents == sum(1 for p in plans if p.agreed_on)
        assert child.plans_shared_with_family == sum(1 for p in plans if p.shared_on)
        assert child.has_active_plan == any(p.status is PlanStatus.ACTIVE for p in plans)
        assert Counter(dict(child.kinds)) == Counter(p.kind for p in plans)
        active = {g.area for g in child.goals if g.status is GoalStatus.ACTIVE}
        assert child.goal_areas == active
    assert with_plans >= 3  # the demo has children with plans to compare


def test_a_plan_counts_as_agreed_from_the_day_it_was_agreed(db):
    """The counts are as of the day checked: the day before, the day of, the day after."""
    child_id = children_service.save_child(
        db,
        ChildInput("Amy", "Lee", date(2023, 3, 1), sen_status=SenStatus.SEN_SUPPORT),
        today=TODAY,
    ).id
    agreed = START + timedelta(days=5)
    add_plan(db, child_id, add_goal(db, child_id), agreed_on=agreed)

    def counted(day: date) -> tuple[int, int, frozenset[GoalArea]]:
        [child] = stamp_evidence.children_evidence(db, day).children
        return child.plans, child.plans_agreed_with_parents, child.goal_areas

    play = frozenset({GoalArea.PLAY})
    assert counted(agreed - timedelta(days=1)) == (1, 0, play)
    assert counted(agreed) == (1, 1, play)
    assert counted(agreed + timedelta(days=1)) == (1, 1, play)
    assert counted(START - timedelta(days=1)) == (0, 0, frozenset())  # nothing written yet


def test_the_check_does_not_read_each_plan_when_nothing_is_listed(demo_db, monkeypatch):
    """Working out the criteria counts; only listing the records counted reads every plan."""
    reads: list[str] = []
    real = evidence_store.evidence_plans

    def counting(*args, **kwargs):
        reads.append("plans")
        return real(*args, **kwargs)

    monkeypatch.setattr(evidence_store, "evidence_plans", counting)
    check = stamp_check.check_stamp(demo_db, date.today())
    five = check.result(5)
    assert five.status.value == "met"  # on the demo; one not met names the plans waiting
    assert reads == []
    assert list(five.records)  # the records counted, listed on request
    assert reads == ["plans"]

"""The waiting list's priority order, each rule pinned, with the sentence that explains it;
manual moves; caseloads against pro-rata limits."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services import audit
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import caseloads, referrals
from portage_desktop.services.home_visiting.waiting_list import move_family, waiting_list
from tests.services.home_visiting_helpers import TODAY, accept, add_visitor, refer, waiting_family

DAY = date(2026, 9, 1)


def _names(db) -> list[str]:
    return [f.child_name.split()[0] for f in waiting_list(db, TODAY)]


def test_looked_after_then_protection_plan_then_child_in_need_then_referral_date(db):
    waiting_family(db, first="Early", referred_on=date(2026, 8, 1))
    waiting_family(db, first="Need", child_in_need=True)
    waiting_family(db, first="Plan", protection_plan=True)
    waiting_family(db, first="Cared", looked_after=True)
    assert _names(db) == ["Cared", "Plan", "Need", "Early"]
    reasons = [f.reason for f in waiting_list(db, TODAY)]
    assert reasons[0].startswith("Cared Lee is 1st: a looked-after child")
    assert "child protection plan" in reasons[1]
    assert reasons[3] == "Early Lee is 4th: referred on 01/08/2026 (first come, first served)."


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ({"other_provision": ""}, {"other_provision": "Speech therapy"}, "other support"),
        ({"urgent": True}, {"urgent": False}, "marked urgent"),
    ],
)
def test_same_day_ties_are_broken_in_the_documents_order(db, first, second, why):
    waiting_family(db, first="Second", referred_on=DAY, **second)
    waiting_family(db, first="First", referred_on=DAY, **first)
    assert _names(db) == ["First", "Second"]
    assert why in waiting_list(db, TODAY)[1].reason or why in waiting_list(db, TODAY)[0].reason


def test_on_the_same_day_the_one_waiting_longer_then_nearer_the_end_of_eligibility_goes_first(db):
    later = refer(db, first="Joined", referred_on=DAY)
    accept(db, later, date(2026, 9, 10))
    sooner = refer(db, first="Waited", referred_on=DAY)
    accept(db, sooner, date(2026, 9, 5))
    assert _names(db) == ["Waited", "Joined"]
    assert "joined the list later (10/09/2026)" in waiting_list(db, TODAY)[1].reason
    older = waiting_family(db, first="Older", referred_on=date(2026, 7, 1), born=date(2023, 12, 1))
    young = waiting_family(db, first="Young", referred_on=date(2026, 7, 1), born=date(2025, 1, 1))
    assert _names(db)[:2] == ["Older", "Young"]
    assert older and young


def test_a_referral_a_day_earlier_wins_over_everything_but_safeguarding(db):
    waiting_family(db, first="Later", referred_on=date(2026, 8, 2), urgent=True)
    waiting_family(db, first="Earlier", referred_on=date(2026, 8, 1), other_provision="Group")
    assert _names(db) == ["Earlier", "Later"]


def test_time_waited_and_the_day_eligibility_ends_are_shown(db):
    waiting_family(db, born=date(2024, 5, 10))
    [family] = waiting_list(db, TODAY)
    assert family.waiting_since == date(2026, 9, 8)
    assert family.days_waited == (TODAY - date(2026, 9, 8)).days
    assert family.eligible_until == date(2027, 9, 1)
    assert not family.over_target  # 75 days is under 12 weeks (84)
    assert not waiting_list(db, date(2026, 12, 1))[0].over_target  # 84 days: the target itself
    assert waiting_list(db, date(2026, 12, 2))[0].over_target  # the day after: past it


def test_a_manual_move_needs_a_reason_and_is_audited(db):
    waiting_family(db, first="Ann", referred_on=date(2026, 8, 1))
    moved = waiting_family(db, first="Bea", referred_on=date(2026, 8, 2))
    with pytest.raises(ValidationError):
        move_family(db, moved, 1, "  ")
    move_family(db, moved, 1, "the family is moving out of the area in March", on=TODAY)
    first = waiting_list(db, TODAY)[0]
    assert first.child_name == "Bea Lee" and first.moved_by_hand
    assert "moved here by hand" in first.reason and "moving out of the area" in first.reason
    [entry] = audit.search(db, record_kind="waiting_list")
    assert entry.record_id == moved and "moving" not in entry.detail  # no content in the log
    move_family(db, moved, None, "back to the worked-out order")
    assert _names(db) == ["Ann", "Bea"]


def test_caseload_limits_are_pro_rata_and_reassignment_keeps_history(db):
    full = add_visitor(db, "Hana", "Full")
    part = add_visitor(db, "Iris", "Part", fte=50)
    referral = waiting_family(db)
    caseloads.allocate(db, referral, full, date(2026, 9, 14))
    assert referrals.get_referral(db, referral).status.value == "allocated"
    assert waiting_list(db, TODAY) == []
    with pytest.raises(ValidationError):
        caseloads.allocate(db, referral, part, date(2026, 10, 1))  # no reason given
    caseloads.allocate(db, referral, part, date(2026, 10, 1), "Hana is on leave")
    history = caseloads.allocation_history(db, referral)
    assert [(h.visitor_name, h.until_on) for h in history] == [
        ("Hana Full", date(2026, 10, 1)),
        ("Iris Part", None),
    ]
    loads = {c.visitor.name: c for c in caseloads.caseloads(db, TODAY, everyone=True)}
    assert loads["Iris Part"].family_limit == 8 and loads["Iris Part"].visit_limit == 6
    assert loads["Hana Full"].family_limit == 16 and loads["Hana Full"].visit_limit == 12
    assert [f.child_name for f in loads["Iris Part"].families] == ["Amy Lee"]
    assert loads["Hana Full"].families == ()


def test_reassignment_hands_the_visits_still_planned_to_the_new_visitor(db):
    from portage_desktop.services.home_visiting import visits
    from portage_desktop.services.home_visiting.visits import BlockInput
    from portage_desktop.services.home_visiting.vocabulary import BlockKind, Pattern

    first, second = add_visitor(db, "Hana", "First"), add_visitor(db, "Iris", "Second")
    referral = waiting_family(db)
    caseloads.allocate(db, referral, first, date(2026, 9, 14))
    block = visits.plan_block(
        db, referral, BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 1, "", date(2026, 9, 14))
    )
    caseloads.allocate(db, referral, second, date(2026, 10, 6), "Hana moved team")
    by_day = {v.on: v.visitor_id for v in visits.list_visits(db, block.child_id)}
    assert by_day[date(2026, 9, 29)] == first  # before the change: still hers
    assert by_day[date(2026, 10, 6)] == second  # from the day of the change: the new visitor


def test_a_home_visitor_sees_her_own_families_and_cannot_decide_or_allocate(db):
    from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor

    hana = add_visitor(db, "Hana", "Own")
    other = add_visitor(db, "Ola", "Other")
    mine, theirs = waiting_family(db, first="Mine"), waiting_family(db, first="Theirs")
    caseloads.allocate(db, mine, hana, date(2026, 9, 14))
    caseloads.allocate(db, theirs, other, date(2026, 9, 14))
    staff_id = next(v.staff_member_id for v in caseloads.list_visitors(db) if v.id == hana)
    set_actor(db, Actor("hana", "Hana Own", Role.HOME_VISITOR, staff_member_id=staff_id))
    [own] = caseloads.caseloads(db, TODAY)
    assert own.visitor.name == "Hana Own" and [f.child_name for f in own.families] == ["Mine Lee"]
    assert len(caseloads.caseloads(db, TODAY, everyone=True)) == 2
    with pytest.raises(PermissionDenied):
        move_family(db, mine, 1, "because")
    with pytest.raises(PermissionDenied):
        caseloads.allocate(db, theirs, hana, date(2026, 10, 1), "cover")

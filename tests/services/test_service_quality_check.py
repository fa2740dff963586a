"""The registered-service check: the membership rule at the 4/5 home visitor boundary and
through a year with a lapse, the Workshop and induction points, and the certificate."""

from __future__ import annotations

from datetime import date

from portage_desktop.services.service_quality import membership, workforce
from portage_desktop.services.service_quality.registered_check import check_service
from portage_desktop.services.stamp_criteria import Status
from tests.services.home_visiting_helpers import add_visitor
from tests.services.service_quality_helpers import join_npa, team_of, workshop

DAY = date(2026, 11, 20)


def test_members_needed_flips_between_four_and_five_home_visitors():
    assert [membership.members_needed(n) for n in (1, 2, 3, 4, 5, 6, 12)] == [1, 1, 2, 2, 3, 3, 3]


def test_two_members_are_enough_for_four_home_visitors_but_not_for_five(db):
    team = team_of(db, 4)
    for visitor in team[:2]:
        join_npa(db, visitor, date(2025, 1, 1), date(2027, 12, 31))
    point = check_service(db, DAY).results[4]
    assert point.number == 5 and point.status is Status.MET
    assert "2 of 4 home visitors" in point.evidence[0]
    add_visitor(db, "Mo", "Fifth")
    point = check_service(db, DAY).results[4]
    assert point.status is Status.NOT_MET
    assert "2 of 5 home visitors" in point.evidence[0] and "(3) needed" in point.evidence[0]
    assert point.fixes


def test_a_membership_lapsing_mid_year_fails_on_the_day_and_stays_at_risk_after_renewal(db):
    team = team_of(db, 5)
    join_npa(db, team[0], date(2025, 1, 1), date(2027, 12, 31))
    join_npa(db, team[1], date(2025, 1, 1), date(2027, 12, 31))
    lapsing = join_npa(db, team[2], date(2025, 1, 1), date(2026, 3, 31))
    on_the_last_day = check_service(db, date(2026, 3, 31)).results[4]
    assert on_the_last_day.status is Status.AT_RISK  # met, but lapsing tomorrow
    assert f"training_record {lapsing}" in on_the_last_day.records
    lapsed = check_service(db, date(2026, 4, 1)).results[4]
    assert lapsed.status is Status.NOT_MET
    assert f"training_record {lapsing}" not in lapsed.records
    join_npa(db, team[2], date(2026, 6, 1), date(2027, 5, 31))  # renewed two months later
    renewed = check_service(db, date(2026, 6, 1)).results[4]
    assert renewed.status is Status.AT_RISK  # met today, short earlier in the year
    assert "01/04/2026" in renewed.evidence[1]
    assert check_service(db, date(2026, 5, 31)).results[4].status is Status.NOT_MET


def test_a_membership_about_to_lapse_is_at_risk_before_it_lapses(db):
    team = team_of(db, 3)
    join_npa(db, team[0], date(2025, 1, 1), date(2027, 12, 31))
    join_npa(db, team[1], date(2025, 1, 1), date(2026, 12, 31))
    point = check_service(db, DAY).results[4]
    assert point.status is Status.AT_RISK
    assert any("01/01/2027" in line for line in point.evidence)


def test_workshop_needs_an_accredited_trainer_and_the_certificate_needs_the_checklist(db):
    hana, ruth = team_of(db, 2)
    workshop(db, hana, date(2026, 2, 1))
    workshop(db, ruth, date(2026, 2, 1), accredited=False)
    point = check_service(db, DAY).results[2]
    assert point.status is Status.NOT_MET and "Ruth Visitor" in point.evidence[1]
    item = workforce.add_item(db, "Shadow two home visits with your mentor")
    second = workforce.add_item(db, "Read the service's lone-working policy")
    workforce.tick(db, hana, item.id, date(2026, 3, 1), "Sam Mentor", today=DAY)
    member = next(m for m in workforce.team(db) if m.visitor.id == hana)
    assert not member.certificate(DAY).earned
    assert "1 induction checklist item to tick" in member.certificate(DAY).text
    workforce.tick(db, hana, second.id, date(2026, 3, 8), "Sam Mentor", today=DAY)
    member = next(m for m in workforce.team(db) if m.visitor.id == hana)
    assert member.certificate(DAY).earned_on == date(2026, 3, 8)
    assert not member.certificate(date(2026, 3, 7)).earned  # the day before the last tick
    ruth_member = next(m for m in workforce.team(db) if m.visitor.id == ruth)
    assert "Workshop by an NPA-accredited trainer" in ruth_member.certificate(DAY).text


def test_inductions_point_lists_each_visitors_outstanding_items(db):
    hana, ruth = team_of(db, 2)
    item = workforce.add_item(db, "Shadow two home visits")
    point = check_service(db, DAY).results[3]
    assert point.status is Status.NOT_MET  # neither has ticked, and neither is new
    for visitor in (hana, ruth):
        workforce.tick(db, visitor, item.id, date(2026, 3, 1), "Sam Mentor", today=DAY)
    assert check_service(db, DAY).results[3].status is Status.MET


def _visited_family(db, held_days: set[date]) -> None:
    from portage_desktop.services.home_visiting import caseloads, visits
    from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
    from portage_desktop.services.home_visiting.vocabulary import (
        BlockKind,
        Pattern,
        VisitPlace,
        VisitStatus,
    )
    from tests.services.home_visiting_helpers import waiting_family

    referral = waiting_family(db)
    caseloads.allocate(db, referral, add_visitor(db), date(2026, 9, 14))
    block = visits.plan_block(
        db, referral, BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 1, "", date(2026, 9, 14))
    )
    for visit in visits.list_visits(db, block.child_id):
        if visit.on > date(2026, 10, 20):
            break
        if visit.on in held_days:
            data = VisitInput(
                VisitStatus.HELD, place=VisitPlace.HOME, shared_notes="Cups", written_up_on=visit.on
            )
        else:
            data = VisitInput(VisitStatus.CANCELLED_FAMILY)
        visits.record_visit(db, visit.id, data, today=date(2026, 11, 1))


def test_regular_visiting_needs_two_visits_held_in_four_weeks(db):
    _visited_family(db, {date(2026, 9, 15), date(2026, 9, 29), date(2026, 10, 13)})
    fortnightly = check_service(db, date(2026, 10, 13)).results[0]
    assert fortnightly.status is Status.MET and "1 of 1 families" in fortnightly.evidence[0]
    assert check_service(db, date(2026, 10, 26)).results[0].status is Status.MET  # 13/10 counts
    lapsed = check_service(db, date(2026, 10, 27)).results[0]  # 29/09 is now five weeks ago
    assert lapsed.status is Status.NOT_MET and "(1 held)" in lapsed.evidence[1]
    too_new = check_service(db, date(2026, 10, 10)).results[0]  # visiting under four weeks
    assert too_new.status is Status.AT_RISK and "long enough" in too_new.evidence[0]

"""Each Stamp of Approval message says who, what and why, pinned with its boundary dates."""

from __future__ import annotations

from datetime import date

from portage_desktop.services import inspections, stamp_statements
from portage_desktop.services.dates import VALID_THROUGH
from portage_desktop.services.inspections import Framework, InspectionInput
from portage_desktop.services.setting_profile import AwardInput, save_award
from portage_desktop.services.stamp_check import check_stamp
from portage_desktop.services.stamp_criteria import Status, inspection_subject
from portage_desktop.services.stamp_practice import ADD_CHILDREN
from portage_desktop.services.vocabulary import SettingKind
from tests.services.stamp_helpers import (
    ON,
    add_staff,
    make_setting,
    membership,
    workshop,
)


def _warnings(db, on: date) -> str:
    return "\n".join(check_stamp(db, on).warnings)


def test_a_leaver_is_named_with_the_date_they_left(db):
    """Leaving on the day checked means not working here that day (the first day away)."""
    make_setting(db)
    ann = add_staff(db, "Ann", leave=ON)
    bea = add_staff(db, "Bea")
    for name in ("Cat", "Dee", "Eve"):
        add_staff(db, name)
    workshop(db, ann)
    workshop(db, bea)
    day_before = date(2026, 11, 21)
    result = check_stamp(db, day_before).result(6)
    assert result.status is Status.AT_RISK and result.because == "Ann Tester leaves on 22/11/2026"
    assert (
        "Criterion 6 is at risk because Ann Tester leaves on 22/11/2026: Book a Portage Workshop "
        "for another practitioner before Ann Tester leaves on 22/11/2026."
    ) in _warnings(db, day_before)
    result = check_stamp(db, ON).result(6)
    assert result.status is Status.NOT_MET and result.because == "Ann Tester left on 22/11/2026"
    assert "Left in the last year: Ann Tester left on 22/11/2026." in result.evidence
    assert (
        "Criterion 6 is not met because Ann Tester left on 22/11/2026: Book a Portage Workshop "
        "with an NPA-accredited trainer for 1 more practitioner"
    ) in _warnings(db, ON)
    [row] = [r for r in result.records if r.who == "Ann Tester" and r.record == "Staff member"]
    assert (row.counted, row.why) == (False, "left on 22/11/2026")


def test_a_member_who_leaves_is_named_for_criterion_7(db):
    make_setting(db)
    ann = add_staff(db, "Ann", leave=date(2027, 3, 1))
    membership(db, ann, date(2026, 1, 1), date(2027, 12, 31))
    result = check_stamp(db, ON).result(7)
    assert result.status is Status.AT_RISK and result.because == "Ann Tester leaves on 01/03/2027"
    assert "Criterion 7 is at risk because Ann Tester leaves on 01/03/2027:" in _warnings(db, ON)


def test_a_workshop_completed_after_the_day_checked_gives_the_real_reason(db):
    make_setting(db, SettingKind.CHILDMINDER)
    ann = add_staff(db, "Ann")
    workshop(db, ann, done=date(2026, 6, 1))
    result = check_stamp(db, date(2026, 5, 31)).result(6)
    assert result.status is Status.NOT_MET
    assert (
        "Workshop recorded but not counted: Ann Tester (completed on 01/06/2026, after the day "
        "checked)." in result.evidence
    )
    assert not any("accredited" in e for e in result.evidence[2:])
    assert not any("tick" in f for f in result.fixes)
    [row] = [r for r in result.records if r.record == "Portage Workshop"]
    assert not row.counted and row.why == "completed on 01/06/2026, after the day checked"
    assert check_stamp(db, date(2026, 6, 1)).result(6).status is Status.MET
    assert check_stamp(db, date(2026, 6, 2)).result(6).status is Status.MET


def test_a_trainer_not_accredited_is_the_reason_only_when_it_is(db):
    make_setting(db, SettingKind.CHILDMINDER)
    ann = add_staff(db, "Ann")
    workshop(db, ann, accredited=False)
    result = check_stamp(db, ON).result(6)
    assert "Ann Tester (trainer not NPA-accredited)." in result.evidence[-1]
    assert (
        result.fixes[-1] == "If the trainer was NPA-accredited, tick that on the Workshop record."
    )


def test_report_card_areas_use_their_published_names(db):
    make_setting(db)
    judgements = {a: "expected" for a, _w in inspections.REPORT_CARD_AREAS}
    judgements.update(safeguarding="met", welfare="needs_attention")
    inspections.save_inspection(
        db, InspectionInput(date(2026, 2, 3), Framework.REPORT_CARD, judgements), today=ON
    )
    result = check_stamp(db, ON).result(2)
    assert result.status is Status.NOT_MET
    assert "Below the rule: Children's welfare and well-being is Needs attention." in (
        result.evidence
    )
    assert not any("welfare is" in e for e in result.evidence)
    row = next(r for r in result.records if "welfare" in r.record)
    assert row.record == "Inspection: Children's welfare and well-being" and not row.counted
    assert row.details == "03/02/2026: Needs attention"


def test_valid_through_means_up_to_and_including_the_expiry_date(db):
    """An award and a membership end the same way: valid on the expiry date, not after."""
    make_setting(db)
    save_award(db, AwardInput(date(2026, 1, 20), date(2026, 2, 1), date(2027, 2, 1)), 12)
    last_day, day_after = date(2027, 2, 1), date(2027, 2, 2)
    assert check_stamp(db, last_day).award is not None
    assert check_stamp(db, day_after).award is None
    assert "Your Stamp of Approval has ended: it was valid through 01/02/2027." in (
        _warnings(db, day_after)
    )
    ann = add_staff(db, "Ann")
    membership(db, ann, date(2026, 1, 1), date(2027, 1, 31))  # one day short of the award
    check = check_stamp(db, ON)
    assert check.year_end == last_day
    result = check.result(7)
    assert result.status is Status.AT_RISK and VALID_THROUGH in result.evidence
    assert result.because == (
        "Ann Tester's NPA membership is valid through 31/01/2027, before the award year ends "
        "on 01/02/2027"
    )
    bea = add_staff(db, "Bea")
    membership(db, bea, date(2026, 1, 1), last_day)  # ends on the award's last day: enough
    assert check_stamp(db, ON).result(7).status is Status.MET
    assert check_stamp(db, last_day).result(7).status is Status.MET
    later = check_stamp(db, day_after).result(7)  # valid through 01/02/2027, so not the 2nd
    assert later.status is Status.NOT_MET
    assert "Membership ended: Ann Tester's NPA membership ended" in later.evidence[-1]


def test_a_new_starter_who_raises_the_threshold_is_warned(db):
    """Three staff need one trained practitioner; a fourth joining makes it two."""
    make_setting(db)
    ann = add_staff(db, "Ann")
    add_staff(db, "Bea")
    add_staff(db, "Cat")
    workshop(db, ann)
    add_staff(db, "Eve", start=date(2027, 1, 5))
    result = check_stamp(db, ON).result(6)
    assert result.status is Status.AT_RISK and result.cause == "starter"
    assert result.because == "Eve Tester starts on 05/01/2027, making 4 staff"
    assert "Needed: 1 (3 current staff, so a small setting)." in result.evidence
    assert (
        "Starting on 05/01/2027: Eve Tester. With 4 staff you will need 2 Workshop-trained "
        "practitioners; 1 will be working here." in result.evidence
    )
    assert (
        "Criterion 6 is at risk because Eve Tester starts on 05/01/2027, making 4 staff: Book a "
        "Portage Workshop with an NPA-accredited trainer for 1 more practitioner before "
        "05/01/2027, when Eve Tester starts."
    ) in _warnings(db, ON)
    [row] = [r for r in result.records if r.who == "Eve Tester"]
    assert (row.counted, row.why) == (False, "starts on 05/01/2027")
    assert check_stamp(db, date(2027, 1, 4)).result(6).status is Status.AT_RISK
    assert check_stamp(db, date(2027, 1, 5)).result(6).status is Status.NOT_MET  # now here


def test_a_starter_after_the_award_year_or_already_trained_is_no_risk(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    add_staff(db, "Bea")
    add_staff(db, "Cat")
    workshop(db, ann)
    save_award(db, AwardInput(None, date(2026, 2, 1), date(2027, 2, 1)), 12)
    eve = add_staff(db, "Eve", start=date(2027, 2, 1))  # the award's last day: within it
    assert check_stamp(db, ON).result(6).status is Status.AT_RISK
    from portage_desktop.services import staff

    member = next(m for m in staff.list_staff(db) if m.id == eve)
    staff.save_staff(db, staff.StaffInput("Eve", "Tester", member.roles, date(2027, 2, 2)), eve)
    assert check_stamp(db, ON).result(6).status is Status.MET  # after the award year
    staff.save_staff(db, staff.StaffInput("Eve", "Tester", member.roles, date(2027, 2, 1)), eve)
    workshop(db, eve)  # trained before she starts: she brings the second Workshop with her
    assert check_stamp(db, ON).result(6).status is Status.MET


def test_nothing_to_judge_is_never_met_even_with_a_statement(db):
    make_setting(db)
    for number in (3, 4, 5):
        stamp_statements.save_statement(db, number, "We do this.", True, today=ON)
    check = check_stamp(db, ON)
    for number in (3, 4, 5):
        result = check.result(number)
        assert result.status is Status.NO_EVIDENCE, number
        assert result.status.label == "No evidence yet"
        assert result.fixes == (ADD_CHILDREN,)
        assert "judged from the records" in result.evidence[-1]
    assert check.essentials_met == 0


def test_a_confirmed_inspection_statement_is_listed_with_what_it_confirms(db):
    make_setting(db)
    found = inspections.save_inspection(
        db, InspectionInput(date(2024, 5, 1), Framework.GRADED, {"overall": "good"}), today=ON
    )
    stamp_statements.save_statement(db, 2, "", True, inspection_subject(found), today=ON)
    rows = check_stamp(db, ON).result(2).records
    assert [(r.record, r.counted) for r in rows] == [
        ("Inspection: Overall effectiveness", True),
        ("Your statement", True),
    ]

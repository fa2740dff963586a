"""Criteria 6, 7 and 8 from training records and current staff, with their edge cases."""

from __future__ import annotations

from datetime import date

from portage_desktop.services import stamp_rules
from portage_desktop.services.setting_profile import AwardInput, save_award
from portage_desktop.services.stamp_check import check_stamp
from portage_desktop.services.stamp_criteria import Status
from portage_desktop.services.vocabulary import SettingKind
from tests.services.stamp_helpers import (
    ON,
    add_staff,
    level3,
    make_setting,
    membership,
    workshop,
)


def _c(db, number: int, on: date = ON):
    return check_stamp(db, on).result(number)


def test_a_group_setting_needs_two_workshop_trained_practitioners(db):
    make_setting(db)
    ids = [add_staff(db, name) for name in ("Ann", "Bea", "Cat", "Dee")]
    workshop(db, ids[0])
    result = _c(db, 6)
    assert result.status is Status.NOT_MET
    assert "Needed: 2" in result.evidence[0]
    assert "1 more practitioner," in result.fixes[0]
    workshop(db, ids[1])
    assert _c(db, 6).status is Status.MET


def test_a_setting_of_exactly_three_staff_needs_one(db):
    make_setting(db)
    ids = [add_staff(db, name) for name in ("Ann", "Bea", "Cat")]
    workshop(db, ids[0])
    assert _c(db, 6).status is Status.MET
    add_staff(db, "Dee")  # a fourth person makes it a group setting again
    assert _c(db, 6).status is Status.NOT_MET


def test_a_childminder_needs_one_whatever_the_staff(db):
    make_setting(db, SettingKind.CHILDMINDER)
    ids = [add_staff(db, name) for name in ("Ann", "Bea", "Cat", "Dee", "Eve")]
    assert _c(db, 6).status is Status.NOT_MET
    workshop(db, ids[0])
    result = _c(db, 6)
    assert result.status is Status.MET and "a childminder" in result.evidence[0]


def test_a_workshop_by_a_trainer_not_accredited_does_not_count(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    workshop(db, ann, accredited=False)
    result = _c(db, 6)
    assert result.status is Status.NOT_MET
    assert any("not NPA-accredited" in e for e in result.evidence)


def test_a_trained_practitioner_leaving_breaks_criterion_6_and_warns(db):
    make_setting(db)
    ann = add_staff(db, "Ann", leave=date(2026, 10, 1))
    bea = add_staff(db, "Bea")
    for name in ("Cat", "Dee", "Eve"):
        add_staff(db, name)
    workshop(db, ann)
    workshop(db, bea)
    assert _c(db, 6, date(2026, 9, 1)).status is Status.AT_RISK  # leaving within the year
    check = check_stamp(db, ON)
    result = check.result(6)
    assert result.status is Status.NOT_MET and result.cause == "leaver"
    assert any("Ann Tester" in e for e in result.evidence)
    assert result.because == "Ann Tester left on 01/10/2026"
    assert (
        "Criterion 6 is not met because Ann Tester left on 01/10/2026: Book a Portage Workshop "
        "with an NPA-accredited trainer for 1 more practitioner" in "\n".join(check.warnings)
    )


def test_the_workshop_must_be_done_by_the_day_checked(db):
    make_setting(db, SettingKind.CHILDMINDER)
    ann = add_staff(db, "Ann")
    workshop(db, ann, done=date(2026, 11, 1))
    assert _c(db, 6, date(2026, 10, 31)).status is Status.NOT_MET
    assert _c(db, 6, date(2026, 11, 1)).status is Status.MET


def test_a_membership_expiring_mid_year_puts_criterion_7_at_risk(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    save_award(db, AwardInput(date(2026, 1, 5), date(2026, 2, 1), None), 12)
    membership(db, ann, date(2026, 1, 1), date(2026, 12, 31))  # award runs to 01/02/2027
    check = check_stamp(db, ON)
    assert check.year_end == date(2027, 2, 1)
    result = check.result(7)
    assert result.status is Status.AT_RISK and result.cause == "expiry"
    assert "Ann Tester's NPA membership is valid through 31/12/2026" in result.because
    assert any("membership is valid through 31/12/2026: renew it" in w for w in check.warnings)
    membership(db, ann, date(2027, 1, 1), date(2027, 12, 31))  # renewed, no gap
    assert _c(db, 7).status is Status.MET


def test_a_member_leaving_before_the_award_year_ends_puts_criterion_7_at_risk(db):
    make_setting(db)
    ann = add_staff(db, "Ann", leave=date(2027, 3, 1))
    membership(db, ann, date(2026, 1, 1), date(2027, 12, 31))
    result = _c(db, 7)
    assert result.status is Status.AT_RISK


def test_an_expired_membership_or_a_member_who_left_does_not_count(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    membership(db, ann, date(2025, 1, 1), date(2026, 1, 1))
    result = _c(db, 7)
    assert result.status is Status.NOT_MET and result.cause == "expiry"
    bea = add_staff(db, "Bea", leave=date(2026, 11, 1))
    membership(db, bea, date(2026, 1, 1), date(2027, 12, 1))
    result = _c(db, 7)
    assert result.status is Status.NOT_MET and result.cause == "leaver"


def test_criterion_8_counts_level_3_working_towards(db):
    make_setting(db)
    ann = add_staff(db, "Ann")
    result = _c(db, 8)
    assert result.status is Status.NOT_MET and not result.essential
    level3(db, ann, working_towards=True)
    result = _c(db, 8)
    assert result.status is Status.MET and "working towards" in result.evidence[0]


def test_rules_are_dated_and_editable(db):
    make_setting(db)
    ids = [add_staff(db, n) for n in ("Ann", "Bea", "Cat", "Dee")]
    workshop(db, ids[0])
    stamp_rules.save_rule(db, "workshop_group", "1", date(2026, 11, 1))
    assert _c(db, 6).status is Status.MET
    assert _c(db, 6, date(2026, 10, 31)).status is Status.NOT_MET  # earlier days: the old rule
    values = {r.key: r for r in stamp_rules.rule_values(db, ON)}
    assert values["workshop_group"].value == "1" and not values["workshop_group"].is_default
    assert values["reviews_per_year"].is_default


def test_the_award_warns_within_eight_weeks_of_expiry(db):
    make_setting(db)
    save_award(db, AwardInput(None, date(2026, 1, 10), None, "Jo"), 12)
    assert not any(
        "Stamp of Approval is valid" in w for w in check_stamp(db, date(2026, 11, 14)).warnings
    )
    warnings = check_stamp(db, date(2026, 11, 15)).warnings
    assert any("valid through 10/01/2027, 56 days from the day checked" in w for w in warnings)

"""Eligibility rules, the end of eligibility (the term after the third birthday) and the
service's dated rules, pinned at their boundaries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import eligibility, referrals, rules
from portage_desktop.services.home_visiting.eligibility import DecisionInput, evaluate
from portage_desktop.services.home_visiting.vocabulary import Decision, ReferralStatus, RuleOutcome
from tests.services.home_visiting_helpers import GOOD, TODAY, refer

DEFAULT = rules.rules_from_rows([], TODAY)


@pytest.mark.parametrize(
    ("born", "ends"),
    [
        (date(2023, 8, 31), date(2026, 9, 1)),  # third birthday the day before term starts
        (date(2023, 9, 1), date(2027, 1, 1)),  # birthday on the first day of term: next term
        (date(2023, 9, 2), date(2027, 1, 1)),
        (date(2023, 12, 31), date(2027, 1, 1)),
        (date(2024, 1, 1), date(2027, 4, 1)),
        (date(2024, 3, 31), date(2027, 4, 1)),
        (date(2024, 4, 1), date(2027, 9, 1)),
        (date(2024, 2, 29), date(2027, 4, 1)),  # a leap-day birthday falls on 28 February
    ],
)
def test_eligibility_ends_at_the_term_after_the_third_birthday(born, ends):
    assert rules.eligibility_ends_on(born, DEFAULT) == ends


def _age(born: date, referred_on: date) -> RuleOutcome:
    checks = evaluate(replace(GOOD, referred_on=referred_on), born, DEFAULT)
    return next(c for c in checks if c.key == "age").outcome


def test_the_age_rule_the_day_before_of_and_after_the_end_of_eligibility():
    born = date(2023, 9, 1)  # third birthday 01/09/2026, eligible until 01/01/2027
    assert _age(born, date(2026, 8, 31)) is RuleOutcome.MET  # day before the birthday
    assert _age(born, date(2026, 9, 1)) is RuleOutcome.MET  # the birthday itself
    assert _age(born, date(2026, 9, 2)) is RuleOutcome.MET  # the day after
    assert _age(born, date(2026, 12, 31)) is RuleOutcome.MET  # last day of the term
    assert _age(born, date(2027, 1, 1)) is RuleOutcome.NOT_MET  # the new term has begun


def _outcomes(**changes) -> dict[str, RuleOutcome]:
    checks = evaluate(replace(GOOD, **changes), date(2024, 5, 10), DEFAULT)
    return {c.key: c.outcome for c in checks}


def test_each_rule_is_met_not_met_or_not_known():
    assert set(_outcomes().values()) == {RuleOutcome.MET}
    assert _outcomes(lives_in_area=False)["area"] is RuleOutcome.NOT_MET
    assert _outcomes(lives_in_area=None)["area"] is RuleOutcome.UNKNOWN
    assert _outcomes(delay_areas=1)["delay"] is RuleOutcome.NOT_MET
    assert _outcomes(delay_areas=2)["delay"] is RuleOutcome.MET  # exactly the rule
    assert _outcomes(delay_areas=None)["delay"] is RuleOutcome.UNKNOWN
    assert _outcomes(delay_areas=0, known_condition="Down's syndrome")["delay"] is RuleOutcome.MET
    assert _outcomes(specialist_provision=True)["specialist"] is RuleOutcome.NOT_MET
    assert _outcomes(specialist_provision=None)["specialist"] is RuleOutcome.UNKNOWN
    assert _outcomes(setting_hours=9)["hours"] is RuleOutcome.MET
    assert _outcomes(setting_hours=10)["hours"] is RuleOutcome.NOT_MET  # fewer than 10
    assert _outcomes(setting_hours=None)["hours"] is RuleOutcome.UNKNOWN


def test_a_rule_changed_from_a_date_applies_from_that_date_only(db):
    rules.save_rule(db, "delay_areas", "3", date(2026, 10, 1))
    assert rules.rules_on(db, date(2026, 9, 30)).delay_areas == 2
    assert rules.rules_on(db, date(2026, 10, 1)).delay_areas == 3
    rules.save_rule(db, "end_birthday", "4", date(2026, 10, 1))
    later = rules.rules_on(db, date(2026, 10, 1))
    assert rules.eligibility_ends_on(date(2023, 9, 1), later) == date(2028, 1, 1)
    with pytest.raises(ValidationError) as error:
        rules.save_rule(db, "term_starts", "31/04", date(2026, 10, 1))
    assert "value" in error.value.errors


def test_accepting_with_a_rule_not_met_needs_an_exception_with_a_reason(db):
    referral_id = refer(db, setting_hours=12)
    decision = DecisionInput(Decision.ACCEPTED, "Fine", "Sam Lead", date(2026, 9, 8))
    with pytest.raises(ValidationError) as error:
        eligibility.record_decision(db, referral_id, decision, today=TODAY)
    assert "exception" in error.value.errors["decision"]
    assert referrals.get_referral(db, referral_id).status is ReferralStatus.REFERRED
    exception = replace(decision, decision=Decision.EXCEPTION, reason="Hours drop next month")
    done = eligibility.record_decision(db, referral_id, exception, today=TODAY)
    assert done.status is ReferralStatus.WAITING and done.waiting_since == date(2026, 9, 8)
    assert done.rule_results["hours"] == "not_met"
    assert done.decided_by == "Sam Lead"


def test_signposting_says_where(db):
    referral_id = refer(db)
    data = DecisionInput(Decision.SIGNPOSTED, "Speech only", "Sam Lead", date(2026, 9, 8))
    with pytest.raises(ValidationError) as error:
        eligibility.record_decision(db, referral_id, data, today=TODAY)
    assert "signposted_to" in error.value.errors
    done = eligibility.record_decision(
        db, referral_id, replace(data, signposted_to="Speech and language therapy"), today=TODAY
    )
    assert done.status is ReferralStatus.SIGNPOSTED


def test_a_duplicate_child_is_caught_by_name_and_date_of_birth(db):
    refer(db, "Amy", "Lee", date(2024, 5, 10))
    with pytest.raises(referrals.DuplicateChildError) as error:
        refer(db, " amy ", "LEE", date(2024, 5, 10))
    assert [m.name for m in error.value.matches] == ["Amy Lee"]
    refer(db, "Amy", "Lee", date(2024, 5, 11))  # another day of birth: someone else
    assert len(referrals.list_referrals(db)) == 2


def test_consent_is_required_unless_a_safeguarding_reason_is_recorded(db):
    with pytest.raises(ValidationError) as error:
        refer(db, consent_on=None)
    assert "consent_on" in error.value.errors
    assert referrals.list_referrals(db) == []  # nothing half-written: no child either
    refer(db, consent_on=None, safeguarding_reason="Asking would put the child at risk")
    assert len(referrals.list_referrals(db)) == 1


def test_an_organisation_chooses_to_be_a_service_and_can_change_later(db):
    from portage_desktop.services.setting import SettingInput, get_setting, save_setting
    from portage_desktop.services.vocabulary import SettingKind

    first = save_setting(db, SettingInput("Riverside Portage", SettingKind.PORTAGE_SERVICE))
    assert first.is_service and not first.is_childminder
    again = save_setting(db, SettingInput("Riverside Portage", "group"), first)
    assert not again.is_service and get_setting(db).kind is SettingKind.GROUP

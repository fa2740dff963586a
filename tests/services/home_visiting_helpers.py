"""A small service built through the services, as the screens will: staff who visit, and
referrals made, decided and allocated."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from portage_desktop.services import staff as staff_service
from portage_desktop.services.children import ChildInput
from portage_desktop.services.home_visiting import caseloads, eligibility, referrals
from portage_desktop.services.home_visiting.eligibility import DecisionInput
from portage_desktop.services.home_visiting.referrals import ReferralInput
from portage_desktop.services.home_visiting.vocabulary import Decision
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import StaffRole

TODAY = date(2026, 11, 22)

GOOD = ReferralInput(
    referred_on=date(2026, 9, 1),
    consent_on=date(2026, 9, 1),
    consent_by="Jo Lee (Mum)",
    delay_areas=3,
    lives_in_area=True,
    specialist_provision=False,
    setting_hours=0,
)


def refer(
    db, first: str = "Amy", last: str = "Lee", born: date = date(2024, 5, 10), **changes
) -> int:
    data = replace(GOOD, **changes)
    made = referrals.create_referral(db, data, ChildInput(first, last, born), today=TODAY)
    return made.id


def accept(db, referral_id: int, on: date | None = None) -> None:
    eligibility.record_decision(
        db,
        referral_id,
        DecisionInput(Decision.ACCEPTED, "Meets every rule.", "Sam Lead", on or date(2026, 9, 8)),
        today=TODAY,
    )


def add_visitor(db, first: str = "Hana", last: str = "Visit", fte: int = 100) -> int:
    staff = staff_service.save_staff(db, StaffInput(first, last, (StaffRole.HOME_VISITOR,)))
    return caseloads.save_visitor(db, staff.id, fte).id


def waiting_family(db, **changes) -> int:
    referral_id = refer(db, **changes)
    accept(db, referral_id)
    return referral_id

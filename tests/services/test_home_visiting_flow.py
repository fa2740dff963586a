"""A family's whole way through the service: referral, decision, waiting list, allocation,
a block of visits with its review, and the end of service with a transition plan."""

from __future__ import annotations

from datetime import date

from portage_desktop.services import audit
from portage_desktop.services.home_visiting import (
    block_reviews,
    caseloads,
    end_of_service,
    referrals,
    visits,
    waiting_list,
)
from portage_desktop.services.home_visiting.end_of_service import EndInput
from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    EndReason,
    Pattern,
    ReferralStatus,
    VisitPlace,
    VisitStatus,
)
from portage_desktop.services.transitions import TransitionInput, TransitionKind, save_transition
from tests.services.home_visiting_helpers import TODAY, add_visitor, waiting_family


def test_a_family_goes_from_referral_to_the_end_of_service(db):
    referral_id = waiting_family(db)
    [family] = waiting_list.waiting_list(db, TODAY)
    assert family.referral_id == referral_id and family.position == 1
    visitor = add_visitor(db)
    caseloads.allocate(db, referral_id, visitor, date(2026, 9, 14))
    block = visits.plan_block(
        db,
        referral_id,
        BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 1, "10:00", date(2026, 9, 14)),
    )
    assert block.visit_count == 8 and block.start_on == date(2026, 9, 14)
    planned = visits.list_visits(db, family.child_id)
    assert [v.on for v in planned][:2] == [date(2026, 9, 15), date(2026, 9, 22)]
    for v in planned:
        visits.record_visit(
            db,
            v.id,
            VisitInput(VisitStatus.HELD, place=VisitPlace.HOME, shared_notes="Bubbles"),
            today=TODAY,
        )
    [done] = visits.list_blocks(db, family.child_id)
    assert done.delivered == 8
    review_id = block_reviews.start_block_review(db, done.id, done.ends_on)
    assert visits.list_blocks(db, family.child_id)[0].review_id == review_id
    plan = save_transition(
        db,
        family.child_id,
        TransitionInput(TransitionKind.TO_SETTING, "Little Acorns", None, "Mum", "Quiet room"),
    )
    ended = end_of_service.end_service(
        db,
        referral_id,
        EndInput(EndReason.TERM_AFTER_THIRD_BIRTHDAY, date(2026, 11, 20), "Sam Lead", "", plan),
        today=TODAY,
    )
    assert ended.data.transition_id == plan
    assert referrals.get_referral(db, referral_id).status is ReferralStatus.ENDED
    signed = end_of_service.sign_off(db, referral_id, TODAY)
    assert signed.signed_off
    kinds = {e.record_kind for e in audit.search(db)}
    assert {"referral", "visit_block", "home_visit", "service_end"} <= kinds

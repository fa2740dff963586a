"""Ending a family's service, contact notes while waiting, the agreement, capacity planning,
and two home visitors saving the same visit (nothing overwritten)."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor
from portage_desktop.services.errors import ConflictError, ValidationError
from portage_desktop.services.home_visiting import (
    caseloads,
    end_of_service,
    referrals,
    visits,
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
from tests.conftest import another_connection
from tests.services.home_visiting_helpers import TODAY, add_visitor, refer, waiting_family

MONDAY = date(2026, 9, 14)


def _visited(db, **family) -> tuple[int, int]:
    referral = waiting_family(db, **family)
    caseloads.allocate(db, referral, add_visitor(db), MONDAY)
    block = visits.plan_block(
        db, referral, BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 1, "10:00", MONDAY)
    )
    return referral, block.child_id


def test_ending_needs_a_reason_and_cancels_the_visits_still_planned(db):
    referral, child = _visited(db)
    with pytest.raises(ValidationError) as error:
        end_of_service.end_service(db, referral, EndInput(None, date(2026, 10, 1), ""))
    assert {"reason", "decided_by"} <= set(error.value.errors)
    other_child = refer(db, first="Other")
    other = referrals.get_referral(db, other_child).child_id
    wrong = save_transition(
        db, other, TransitionInput(TransitionKind.TO_SETTING, "Acorns", None, "Mum", "")
    )
    with pytest.raises(ValidationError) as error:
        end_of_service.end_service(
            db,
            referral,
            EndInput(EndReason.FAMILY_REQUEST, date(2026, 10, 1), "Sam Lead", "", wrong),
        )
    assert "transition_id" in error.value.errors
    ended = end_of_service.end_service(
        db, referral, EndInput(EndReason.FAMILY_REQUEST, date(2026, 10, 1), "Sam Lead")
    )
    assert not ended.signed_off and ended.data.reason is EndReason.FAMILY_REQUEST
    statuses = {v.on: v.data.status for v in visits.list_visits(db, child)}
    assert statuses[date(2026, 9, 29)] is VisitStatus.PLANNED  # before the end: kept
    assert statuses[date(2026, 10, 6)] is VisitStatus.CANCELLED_SERVICE  # after: cancelled
    assert referrals.get_referral(db, referral).status is ReferralStatus.ENDED
    assert caseloads.allocation_history(db, referral)[-1].until_on == date(2026, 10, 1)
    assert caseloads.caseloads(db, TODAY, everyone=True)[0].families == ()
    with pytest.raises(ValidationError):  # only once
        end_of_service.end_service(
            db, referral, EndInput(EndReason.FAMILY_REQUEST, date(2026, 10, 2), "Sam Lead")
        )
    plan = save_transition(
        db, child, TransitionInput(TransitionKind.TO_SETTING, "Acorns", None, "Mum", "")
    )
    assert end_of_service.link_transition(db, referral, plan).data.transition_id == plan
    sent = end_of_service.questionnaire_sent(db, referral, date(2026, 10, 2))
    assert sent.questionnaire_sent_on == date(2026, 10, 2)


def test_only_a_team_lead_or_manager_signs_off(db):
    referral, _ = _visited(db)
    end_of_service.end_service(
        db, referral, EndInput(EndReason.SETTING_HOURS, date(2026, 10, 1), "Hana")
    )
    set_actor(db, Actor("hana", "Hana Visit", Role.HOME_VISITOR))
    with pytest.raises(PermissionDenied):
        end_of_service.sign_off(db, referral, TODAY)
    set_actor(db, Actor("sam", "Sam Lead", Role.TEAM_LEAD))
    signed = end_of_service.sign_off(db, referral, TODAY)
    assert signed.signed_off_by == "Sam Lead" and signed.signed_off_on == TODAY


def test_contact_notes_are_dated_and_named_and_the_agreement_waits_for_allocation(db):
    referral = waiting_family(db)
    with pytest.raises(ValidationError) as error:
        referrals.add_contact_note(db, referral, None, " ")
    assert {"contacted_on", "note"} == set(error.value.errors)
    referrals.add_contact_note(db, referral, date(2026, 10, 1), "Phoned; still keen", "Sam")
    [note] = referrals.list_contact_notes(db, referral)
    assert (note.contacted_on, note.by_name, note.note) == (
        date(2026, 10, 1),
        "Sam",
        "Phoned; still keen",
    )
    with pytest.raises(ValidationError):
        referrals.record_agreement(db, referral, date(2026, 10, 1), "Jo Lee")
    caseloads.allocate(db, referral, add_visitor(db), MONDAY)
    signed = referrals.record_agreement(db, referral, date(2026, 9, 15), "Jo Lee")
    assert signed.agreement_signed_on == date(2026, 9, 15)


def test_capacity_planning_names_the_next_family_for_each_freed_place(db):
    referral, _ = _visited(db, born=date(2023, 11, 1))  # eligible until 01/01/2027
    waiting_family(db, first="Next", referred_on=date(2026, 8, 1))
    [place] = caseloads.capacity_plan(db, date(2026, 11, 20))
    assert place.on == date(2027, 1, 1) and place.child_name == "Amy Lee"
    assert place.next_family == "Next Lee" and "eligibility ends" in place.because
    assert referral


def test_two_visitors_saving_the_same_visit_the_second_is_refused(db):
    _, child = _visited(db)
    first = visits.list_visits(db, child)[0]
    other = another_connection(db)
    try:
        held = VisitInput(VisitStatus.HELD, place=VisitPlace.HOME, shared_notes="Mine")
        visits.record_visit(db, first.id, held, first.version, today=TODAY)
        theirs = VisitInput(VisitStatus.FAILED, reason="No reply")
        with pytest.raises(ConflictError) as error:
            visits.record_visit(other, first.id, theirs, first.version, today=TODAY)
        assert error.value.current.data.shared_notes == "Mine"
    finally:
        other.dispose()
    assert visits.get_visit(db, first.id).data.status is VisitStatus.HELD


def test_supporting_reports_are_kept_with_the_referral(db):
    from portage_desktop.services import attachments
    from portage_desktop.services.attachments import FileToAttach
    from portage_desktop.services.home_visiting import referral_reports

    referral = refer(db)
    with pytest.raises(ValidationError) as error:
        referral_reports.attach_report(db, referral, FileToAttach("notes.txt", b"plain text"))
    assert "report" in error.value.errors
    pdf = FileToAttach("paediatric letter.pdf", b"%PDF-1.4 letter")
    saved = referral_reports.attach_report(db, referral, pdf)
    [listed] = referral_reports.list_reports(db, referral)
    assert listed.id == saved.id and listed.filename == "paediatric letter.pdf"
    child = referrals.get_referral(db, referral).child_id
    assert attachments.open_attachment(db, child, saved.id).content == b"%PDF-1.4 letter"

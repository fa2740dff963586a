"""Ending a family's service: a required reason from the services' own list, the date, who
decided, a manager's sign-off, the transition plan into a setting (the existing one) and the
end-of-service questionnaire.

Ending closes the family's allocation and cancels (by the service) any visits still planned
after the last day, so caseloads and warnings stop counting them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import home_visiting_store as store
from portage_desktop.data import stores
from portage_desktop.data.engine import Database, DbSession
from portage_desktop.data.models.home_visiting import ServiceEndRecord
from portage_desktop.data.models.transitions import TransitionPlanRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.referrals import actor_name
from portage_desktop.services.home_visiting.vocabulary import (
    EndReason,
    ReferralStatus,
    VisitStatus,
)

GONE = tr("That end of service is no longer in the records.")


@dataclass(frozen=True)
class EndInput:
    reason: EndReason | None
    ended_on: date | None
    decided_by: str
    note: str = ""
    transition_id: int | None = None  # the child's transition plan into a setting


@dataclass(frozen=True)
class ServiceEnd:
    id: int
    referral_id: int
    data: EndInput
    signed_off_by: str
    signed_off_on: date | None
    questionnaire_sent_on: date | None
    version: int = 1

    @property
    def signed_off(self) -> bool:
        return self.signed_off_on is not None


def _to_end(row: ServiceEndRecord) -> ServiceEnd:
    return ServiceEnd(
        id=row.id or 0,
        referral_id=row.referral_id,
        data=EndInput(
            EndReason(row.reason), row.ended_on, row.decided_by, row.note, row.transition_id
        ),
        signed_off_by=row.signed_off_by,
        signed_off_on=row.signed_off_on,
        questionnaire_sent_on=row.questionnaire_sent_on,
        version=row.row_version,
    )


def get_end(db: Database, referral_id: int) -> ServiceEnd | None:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = store.service_end(s, referral_id)
        return _to_end(row) if row else None


def end_service(
    db: Database, referral_id: int, data: EndInput, today: date | None = None
) -> ServiceEnd:
    """End a waiting or allocated family's service; the reason is required."""
    require(db, Permission.RECORD_VISITS)
    today = today or date.today()
    errors: dict[str, str] = {}
    if data.reason not in set(EndReason):
        errors["reason"] = tr("Please choose the reason the service is ending.")
    if data.ended_on is None:
        errors["ended_on"] = tr("Please enter the date the service ends.")
    who = v.optional_text(errors, "decided_by", data.decided_by, 120, "name")
    if not who:
        errors["decided_by"] = tr("Please enter who decided.")
    note = v.optional_text(errors, "note", data.note, 1000, "note")
    if errors:
        raise ValidationError(errors)
    assert data.ended_on is not None and data.reason is not None
    with db.session() as s:
        row = referrals.load_row(s, referral_id)
        if row.status not in (ReferralStatus.WAITING.value, ReferralStatus.ALLOCATED.value):
            raise ValidationError(
                {"reason": tr("Only a waiting or visited family's service can end.")}
            )
        if data.ended_on < row.referred_on:
            raise ValidationError({"ended_on": tr("The service cannot end before the referral.")})
        _check_transition(s, data.transition_id, row.child_id)
        for a in store.allocations(s, referral_id):
            if a.until_on is None:
                a.until_on = max(data.ended_on, a.from_on)
                s.add(a)
        for visit in store.visits(s, block_ids=[b.id for b in store.blocks(s, [referral_id])]):
            if visit.status == VisitStatus.PLANNED.value and visit.planned_on > data.ended_on:
                visit.status = VisitStatus.CANCELLED_SERVICE.value
                visit.reason = tr("The service ended.")
                stores.touch(visit)
                s.add(visit)
        row.status = ReferralStatus.ENDED.value
        stores.touch(row)
        s.add(row)
        end = ServiceEndRecord(
            referral_id=referral_id,
            ended_on=data.ended_on,
            reason=EndReason(data.reason).value,
            note=note,
            decided_by=who,
            transition_id=data.transition_id,
        )
        s.add(end)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "referral", referral_id, f"ended: {end.reason}")
        return _to_end(end)


def _check_transition(s: DbSession, transition_id: int | None, child_id: int) -> None:
    if transition_id is None:
        return
    plan = s.get(TransitionPlanRecord, transition_id)
    if plan is None or plan.child_id != child_id:
        raise ValidationError(
            {"transition_id": tr("Please choose one of this child's transition plans.")}
        )


def sign_off(
    db: Database, referral_id: int, on: date | None, expected_version: int | None = None
) -> ServiceEnd:
    """A team lead's or manager's sign-off of the ending, in her own name."""
    actor = require(db, Permission.MANAGE_SERVICE)
    if on is None:
        raise ValidationError({"signed_off_on": tr("Please enter the date of the sign-off.")})
    return _update(
        db,
        referral_id,
        expected_version,
        "sign-off",
        signed_off_by=actor_name(actor),
        signed_off_on=on,
    )


def link_transition(db: Database, referral_id: int, transition_id: int | None) -> ServiceEnd:
    require(db, Permission.RECORD_VISITS)
    return _update(db, referral_id, None, tr("transition plan"), transition_id=transition_id)


def questionnaire_sent(db: Database, referral_id: int, on: date | None) -> ServiceEnd:
    """The end-of-service evaluation questionnaire was sent to the family on ``on``."""
    require(db, Permission.RECORD_VISITS)
    if on is None:
        raise ValidationError({"questionnaire_sent_on": tr("Please enter the date it was sent.")})
    return _update(db, referral_id, None, "questionnaire", questionnaire_sent_on=on)


def _update(
    db: Database, referral_id: int, expected_version: int | None, what: str, **values: object
) -> ServiceEnd:
    current = lambda: get_end(db, referral_id)  # noqa: E731
    with refuse_stale(tr("end of service"), current), db.session() as s:
        row = store.service_end(s, referral_id)
        if row is None:
            raise NotFoundError(GONE)
        stores.check_version(row, expected_version)
        if "transition_id" in values:
            ref = referrals.load_row(s, referral_id)
            _check_transition(s, values["transition_id"], ref.child_id)  # type: ignore[arg-type]
        for key, value in values.items():
            setattr(row, key, value)
        stores.touch(row)
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "service_end", row.id, what)
        return _to_end(row)

"""Referrals: who referred a child, when, with what consent and evidence; the duplicate check
before a new child's record is made; contact notes while a family waits; the service agreement.

A referral of a new child makes an ordinary child record (the same one a setting keeps), in the
same transaction as the referral, so a failed save never leaves half of it behind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date

from portage_desktop.data import home_visiting_store as store
from portage_desktop.data import stores
from portage_desktop.data.engine import Database, DbSession
from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.home_visiting import ReferralRecord, WaitingContactRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Actor, Permission, require
from portage_desktop.services.attachments import IMAGE_TYPES, FileToAttach, check_file
from portage_desktop.services.attachments import store as store_attachment
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.children import ChildInput, validate_child
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus, ReferrerKind

GONE = tr("That referral is no longer in the records.")


@dataclass(frozen=True)
class ReferralInput:
    """What the referral form sends in. ``None`` in a yes/no or number field means not known."""

    referred_on: date | None
    referrer_kind: ReferrerKind = ReferrerKind.PARENT
    referrer_name: str = ""
    referrer_role: str = ""
    consent_on: date | None = None  # the parent agreed to the referral on this day
    consent_by: str = ""
    safeguarding_reason: str = ""  # why there is no consent, when that is allowed
    screening_summary: str = ""  # results only, e.g. "ASQ-3: 3 areas in the refer range"
    delay_areas: int | None = None
    known_condition: str = ""
    lives_in_area: bool | None = None
    specialist_provision: bool | None = None
    setting_hours: int | None = None
    other_provision: str = ""  # support the child already has (speech therapy, a group...)
    interpreter: str = ""
    availability: str = ""
    looked_after: bool = False
    protection_plan: bool = False
    child_in_need: bool = False
    urgent: bool = False
    urgency_note: str = ""


@dataclass(frozen=True)
class Referral:
    """A referral as the screens show it, with where the family is now."""

    id: int
    child_id: int
    child_name: str
    date_of_birth: date
    status: ReferralStatus
    data: ReferralInput
    decision: str = ""
    decision_reason: str = ""
    signposted_to: str = ""
    decided_by: str = ""
    decided_on: date | None = None
    rule_results: dict[str, str] = field(default_factory=dict)
    waiting_since: date | None = None
    manual_position: int | None = None
    manual_reason: str = ""
    manual_by: str = ""
    manual_on: date | None = None
    agreement_signed_on: date | None = None
    agreement_signed_by: str = ""
    version: int = 1


@dataclass(frozen=True)
class PossibleDuplicate:
    child_id: int
    name: str
    date_of_birth: date
    archived: bool


class DuplicateChildError(ValidationError):
    """A child with this name and date of birth is already held: refer that record instead,
    or say on purpose that this is a different child."""

    def __init__(self, matches: list[PossibleDuplicate]) -> None:
        names = ", ".join(f"{m.name} (born {format_date(m.date_of_birth)})" for m in matches)
        super().__init__(
            {
                "first_name": tr(
                    "We already hold a record for {names}. Please refer that child "
                    "instead, or confirm this is a different child."
                ).format(names=names)
            }
        )
        self.matches = matches


@dataclass(frozen=True)
class ContactNote:
    id: int
    contacted_on: date
    by_name: str
    note: str


def child_name(child: ChildRecord) -> str:
    return f"{child.known_as or child.first_name} {child.last_name}"


def to_referral(row: ReferralRecord, child: ChildRecord) -> Referral:
    assert row.id is not None
    data = ReferralInput(
        **{name: getattr(row, name) for name in ReferralInput.__dataclass_fields__}
    )
    data = _with_codes(data)
    return Referral(
        id=row.id,
        child_id=row.child_id,
        child_name=child_name(child),
        date_of_birth=child.date_of_birth,
        status=ReferralStatus(row.status),
        data=data,
        decision=row.decision,
        decision_reason=row.decision_reason,
        signposted_to=row.signposted_to,
        decided_by=row.decided_by,
        decided_on=row.decided_on,
        rule_results=json.loads(row.rule_results or "{}"),
        waiting_since=row.waiting_since,
        manual_position=row.manual_position,
        manual_reason=row.manual_reason,
        manual_by=row.manual_by,
        manual_on=row.manual_on,
        agreement_signed_on=row.agreement_signed_on,
        agreement_signed_by=row.agreement_signed_by,
        version=row.row_version,
    )


def _with_codes(data: ReferralInput) -> ReferralInput:
    return replace(data, referrer_kind=ReferrerKind(data.referrer_kind))


def _multiline(text: str) -> str:
    return "\n".join(line.strip() for line in (text or "").strip().splitlines())


def validate_referral(data: ReferralInput, today: date) -> dict[str, object]:
    """Check every field at once; return the values to store."""
    errors: dict[str, str] = {}
    if data.referred_on is None:
        errors["referred_on"] = tr("Please enter the date of the referral.")
    elif data.referred_on > today:
        errors["referred_on"] = tr("The referral date cannot be in the future.")
    kind = data.referrer_kind if data.referrer_kind in set(ReferrerKind) else None
    if kind is None:
        errors["referrer_kind"] = tr("Please choose who referred the child.")
    name = v.optional_text(errors, "referrer_name", data.referrer_name, 120, tr("referrer's name"))
    role = v.optional_text(errors, "referrer_role", data.referrer_role, 120, tr("referrer's role"))
    if kind is ReferrerKind.PROFESSIONAL:
        if not name:
            errors["referrer_name"] = tr("Please enter the name of the professional who referred.")
        if not role:
            errors["referrer_role"] = tr("Please enter their role (for example health visitor).")
    reason = v.optional_text(
        errors, "safeguarding_reason", data.safeguarding_reason, 500, tr("safeguarding reason")
    )
    if data.consent_on is None and not reason:
        errors["consent_on"] = tr(
            "Please enter the date the parent agreed to the referral, or record the "
            "safeguarding reason for referring without it."
        )
    elif data.consent_on is not None and data.consent_on > today:
        errors["consent_on"] = tr("The consent date cannot be in the future.")
    if data.delay_areas is not None and not 0 <= data.delay_areas <= 10:
        errors["delay_areas"] = tr("Please enter a number of areas from 0 to 10.")
    if data.setting_hours is not None and not 0 <= data.setting_hours <= 60:
        errors["setting_hours"] = tr("Please enter the hours a week from 0 to 60.")
    texts = {
        "consent_by": (120, tr("name of who agreed")),
        "screening_summary": (500, tr("screening summary")),
        "known_condition": (200, tr("known condition")),
        "other_provision": (200, tr("other provision")),
        "interpreter": (120, tr("interpreter needs")),
        "availability": (300, tr("family's availability")),
        "urgency_note": (300, tr("note on urgency")),
    }
    values: dict[str, object] = {
        key: v.optional_text(errors, key, getattr(data, key), limit, what)
        for key, (limit, what) in texts.items()
    }
    if errors:
        raise ValidationError(errors)
    assert kind is not None
    values.update(
        referred_on=data.referred_on,
        referrer_kind=kind.value,
        referrer_name=name,
        referrer_role=role,
        consent_on=data.consent_on,
        safeguarding_reason=reason,
        delay_areas=data.delay_areas,
        lives_in_area=data.lives_in_area,
        specialist_provision=data.specialist_provision,
        setting_hours=data.setting_hours,
        looked_after=bool(data.looked_after),
        protection_plan=bool(data.protection_plan),
        child_in_need=bool(data.child_in_need),
        urgent=bool(data.urgent),
    )
    return values


def find_duplicates(
    db: Database, first_name: str, last_name: str, date_of_birth: date
) -> list[PossibleDuplicate]:
    """Children already held with this name (or known-as name) and date of birth."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = store.children_named(s, first_name, last_name, date_of_birth)
        return [
            PossibleDuplicate(c.id or 0, child_name(c), c.date_of_birth, c.archived_at is not None)
            for c in rows
        ]


def create_referral(
    db: Database,
    data: ReferralInput,
    child: ChildInput | None = None,
    child_id: int | None = None,
    allow_duplicate: bool = False,
    today: date | None = None,
    reports: tuple[FileToAttach, ...] = (),
) -> Referral:
    """Refer a new child (``child``) or one already held (``child_id``), with the supporting
    reports that came with the referral (PDFs or photos), kept in the child's record.

    A new child whose name and date of birth match a record already held is refused with
    :class:`DuplicateChildError` unless ``allow_duplicate`` says it is someone else.
    """
    require(db, Permission.RECORD_VISITS)
    today = today or date.today()
    errors: dict[str, str] = {}
    child_values: dict[str, object] = {}
    if (child is None) == (child_id is None):
        raise ValueError(tr("Give either a new child or an existing child's number."))
    if child is not None:
        try:
            child_values = validate_child(child, today)
        except ValidationError as exc:
            errors.update(exc.errors)
    try:
        values = validate_referral(data, today)
    except ValidationError as exc:
        errors.update(exc.errors)
    kinds = [check_file("reports", f, (*IMAGE_TYPES, "application/pdf"), errors) for f in reports]
    if errors:
        raise ValidationError(errors)
    if child is not None and not allow_duplicate:
        assert child.date_of_birth is not None
        matches = find_duplicates(db, child.first_name, child.last_name, child.date_of_birth)
        if matches:
            raise DuplicateChildError(matches)
    with db.session() as s:
        if child is not None:
            record = ChildRecord(**child_values)  # type: ignore[arg-type]
            s.add(record)
            s.flush()
            audit.record(s, db, AuditAction.CREATE, "child", record.id)
        else:
            found = s.get(ChildRecord, child_id)
            if found is None:
                raise NotFoundError(tr("That child's record no longer exists."))
            record = found
        assert record.id is not None
        row = ReferralRecord(child_id=record.id, status=ReferralStatus.REFERRED.value, **values)
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "referral", row.id)
        kept = []
        for report, media_type in zip(reports, kinds, strict=True):
            kept.append(store_attachment(s, record.id, report, media_type))
            audit.record(s, db, AuditAction.CREATE, "child", record.id, f"attachment {kept[-1]}")
        if kept:  # listed on the referral, as referral_reports keeps them
            row.report_ids = ",".join(str(i) for i in kept)
            s.add(row)
            s.flush()
        return to_referral(row, record)


def update_referral(
    db: Database,
    referral_id: int,
    data: ReferralInput,
    expected_version: int | None = None,
    today: date | None = None,
) -> Referral:
    """Correct a referral's details; refused if someone saved it after ``expected_version``."""
    require(db, Permission.RECORD_VISITS)
    values = validate_referral(data, today or date.today())
    with refuse_stale("referral", lambda: get_referral(db, referral_id)), db.session() as s:
        row = stores.save_record(s, ReferralRecord, referral_id, values, None, expected_version)
        if row is None:
            raise NotFoundError(GONE)
        audit.record(s, db, AuditAction.CHANGE, "referral", referral_id)
        return to_referral(row, _child(s, row.child_id))


def _child(s: DbSession, child_id: int) -> ChildRecord:
    child = s.get(ChildRecord, child_id)
    if child is None:
        raise NotFoundError(tr("That child's record no longer exists."))
    return child


def load_row(s: DbSession, referral_id: int) -> ReferralRecord:
    row = s.get(ReferralRecord, referral_id)
    if row is None:
        raise NotFoundError(GONE)
    return row


def get_referral(db: Database, referral_id: int) -> Referral:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = load_row(s, referral_id)
        return to_referral(row, _child(s, row.child_id))


def list_referrals(
    db: Database,
    statuses: tuple[ReferralStatus, ...] | None = None,
    child_id: int | None = None,
) -> list[Referral]:
    """Referrals oldest first, optionally only those in some states or for one child."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = store.referrals(s, [x.value for x in statuses] if statuses else None, child_id)
        children = store.children_by_id(s, (r.child_id for r in rows))
        return [to_referral(r, children[r.child_id]) for r in rows]


def add_contact_note(
    db: Database, referral_id: int, contacted_on: date | None, note: str, by_name: str = ""
) -> int:
    """A dated, named note of contact with a family (most often while they wait)."""
    actor = require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    text = _multiline(note)
    if contacted_on is None:
        errors["contacted_on"] = tr("Please enter the date of the contact.")
    elif contacted_on > date.today():
        errors["contacted_on"] = tr("The contact date cannot be in the future.")
    if not text:
        errors["note"] = tr("Please write what was said or agreed.")
    elif len(text) > 1000:
        errors["note"] = tr("Please keep the note to 1000 characters.")
    who = v.optional_text(errors, "by_name", by_name, 120, "name") or actor_name(actor)
    if errors:
        raise ValidationError(errors)
    assert contacted_on is not None
    with db.session() as s:
        load_row(s, referral_id)
        row = WaitingContactRecord(
            referral_id=referral_id, contacted_on=contacted_on, by_name=who, note=text
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "referral", referral_id, "contact note")
        return row.id or 0


def list_contact_notes(db: Database, referral_id: int) -> list[ContactNote]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return [
            ContactNote(c.id or 0, c.contacted_on, c.by_name, c.note)
            for c in store.contacts(s, referral_id)
        ]


def record_agreement(
    db: Database, referral_id: int, signed_on: date | None, signed_by: str
) -> Referral:
    """The service level agreement, signed by the parent (usually at the first visit)."""
    actor = require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    who = v.optional_text(errors, "signed_by", signed_by, 120, "name")
    if not who:
        errors["signed_by"] = tr("Please enter the name of the parent who signed.")
    if signed_on is None:
        errors["signed_on"] = tr("Please enter the date it was signed.")
    elif signed_on > date.today():
        errors["signed_on"] = tr("The date signed cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        row = load_row(s, referral_id)
        if row.status != ReferralStatus.ALLOCATED.value:
            raise ValidationError(
                {"signed_on": tr("The agreement is signed once a home visitor is allocated.")}
            )
        row.agreement_signed_on, row.agreement_signed_by = signed_on, who
        row.agreement_recorded_by = actor_name(actor)
        stores.touch(row)
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "referral", referral_id, "service agreement")
        return to_referral(row, _child(s, row.child_id))


def actor_name(actor: Actor) -> str:
    return actor.display_name if actor.username != "owner" else tr("Owner")

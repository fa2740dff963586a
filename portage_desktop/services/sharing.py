"""Sharing a child's record with another agency: only under a parent's consent for that agency,
or on a recorded safeguarding basis (which needs no consent, but always a reason).

Records printed for the family or for the setting's own use need neither; this module is only
asked when a record leaves for someone else. Sending a record to another agency is an export, so
it needs the export right (a SENCO or manager), not just the print right: a read-only user may
print for the family but cannot record a share, with consent or on a safeguarding basis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data.engine import Database
from portage_desktop.data.models.sharing import ShareRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import consent as consent_service
from portage_desktop.services.access import Actor, Permission, current_actor, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.consent import Consent
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.record_vocabulary import ConsentPurpose
from portage_desktop.services.validation import clean, refuse_hidden_value

MIN_REASON = 20
REASON_NEEDED = tr("Please give the safeguarding reason in a sentence or two.")


class Basis(StrEnum):
    CONSENT = "consent"
    SAFEGUARDING = "safeguarding"


@dataclass(frozen=True)
class ShareRequest:
    """Who the record is going to, and, without consent, why safeguarding allows it."""

    recipient: str
    safeguarding_reason: str = ""


@dataclass(frozen=True)
class Share:
    id: int
    shared_on: date
    document: str
    recipient: str
    basis: Basis
    consent_id: int | None
    reason: str


def consents_for_sharing(db: Database, child_id: int, on: date) -> list[Consent]:
    """Sharing consents in force on ``on``: one per named agency the parent agreed to."""
    return [
        c
        for c in consent_service.list_consents(db, child_id)
        if c.purpose is ConsentPurpose.SHARE_WITH_AGENCY and c.in_force(on)
    ]


def may_share(db: Database) -> bool:
    """Whether the person using the app may send records to another agency (the export right)."""
    return current_actor(db).may(Permission.EXPORT)


def require_share_right(db: Database) -> Actor:
    """Refuse (``PermissionDenied``) unless the person may send records to another agency."""
    return require(db, Permission.EXPORT)


def check_share(db: Database, child_id: int, request: ShareRequest, on: date) -> Consent | None:
    """The consent that covers ``request``, or ``None`` for a valid safeguarding basis.

    Raises ``PermissionDenied`` without the export right, and :class:`ValidationError` when
    neither basis applies, so nothing is printed in either case.
    """
    require_share_right(db)
    hidden: dict[str, str] = {}
    refuse_hidden_value(hidden, "recipient", request.recipient)
    refuse_hidden_value(hidden, "reason", request.safeguarding_reason)
    if hidden:
        raise ValidationError(hidden)
    recipient = clean(request.recipient)
    reason = clean(request.safeguarding_reason)
    if not recipient:
        raise ValidationError(
            {"recipient": tr("Please say which agency or professional it is for.")}
        )
    if reason:
        if len(reason) < MIN_REASON:
            raise ValidationError({"reason": REASON_NEEDED})
        return None
    wanted = recipient.casefold()
    for consent in consents_for_sharing(db, child_id, on):
        if clean(consent.agency).casefold() == wanted:
            return consent
    raise ValidationError(
        {
            "recipient": tr(
                "No consent in force covers sharing with {recipient}. Ask the "
                "parent for consent, or record the safeguarding reason for sharing without it."
            ).format(recipient=recipient)
        }
    )


def record_share(
    db: Database, child_id: int, document: str, request: ShareRequest, on: date | None = None
) -> Share:
    """Check the basis, then keep a record of the share (and audit it) in one transaction."""
    require_share_right(db)
    on = on or date.today()
    consent = check_share(db, child_id, request, on)
    basis = Basis.CONSENT if consent is not None else Basis.SAFEGUARDING
    with db.session() as s:
        row = ShareRecord(
            child_id=child_id,
            shared_on=on,
            document=document,
            recipient=clean(request.recipient),
            basis=basis.value,
            consent_id=consent.id if consent else None,
            reason=clean(request.safeguarding_reason),
            recorded_by=current_actor(db).username,
        )
        s.add(row)
        s.flush()
        assert row.id is not None
        audit.record(s, db, AuditAction.SHARE, "child", child_id, f"{document}; {basis.value}")
        return Share(row.id, on, document, row.recipient, basis, row.consent_id, row.reason)

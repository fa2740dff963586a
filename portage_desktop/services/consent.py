"""Consent, per purpose, given or refused by a person with parental responsibility.

Consent is never edited away: withdrawing it dates the withdrawal, and a new decision is a new
row. The rule for photos lives here so screens and printed records agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from portage_desktop.data.engine import Database
from portage_desktop.data.models.assessment import ConsentRecord
from portage_desktop.i18n import tr
from portage_desktop.services import validation as v
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.record_rows import delete_row, list_rows, save_row
from portage_desktop.services.record_vocabulary import ConsentPurpose, PhotoUse
from portage_desktop.services.vocabulary import join_codes, split_codes


@dataclass(frozen=True)
class ConsentInput:
    """What the consent dialog sends in; checked by :func:`validate_consent`."""

    purpose: ConsentPurpose
    given: bool
    decided_by: str
    decided_on: date | None
    agency: str = ""
    photo_uses: tuple[PhotoUse, ...] = ()
    withdrawn_on: date | None = None


@dataclass(frozen=True)
class Consent(ConsentInput):
    """A stored decision about one purpose."""

    id: int = 0
    version: int = 1  # the stored row_version, handed back when saving a change

    def in_force(self, on: date) -> bool:
        """Given, already decided on ``on``, and not withdrawn by then."""
        return (
            self.given
            and self.decided_on is not None
            and self.decided_on <= on
            and (self.withdrawn_on is None or self.withdrawn_on > on)
        )

    @property
    def state_text(self) -> str:
        if not self.given:
            return tr("Refused")
        if self.withdrawn_on is not None:
            return tr("Withdrawn {date}").format(date=format_date(self.withdrawn_on))
        return tr("Given")

    @property
    def what(self) -> str:
        if self.purpose is ConsentPurpose.SHARE_WITH_AGENCY:
            return tr("Sharing with {agency}").format(agency=self.agency)
        if self.purpose is ConsentPurpose.PHOTOS:
            uses = ", ".join(u.label.lower() for u in self.photo_uses)
            return tr("Photos or video: {uses}").format(uses=uses)
        return self.purpose.label


def photo_allowed(consents: Sequence[Consent], use: PhotoUse, on: date) -> bool:
    """A photo may be used for ``use`` only if the latest photo decision made by ``on`` is
    consent that covers that use and has not been withdrawn; a later refusal overrides."""
    decisions = [
        c
        for c in consents
        if c.purpose is ConsentPurpose.PHOTOS and c.decided_on is not None and c.decided_on <= on
    ]
    if not decisions:
        return False
    latest = max(decisions, key=lambda c: (c.decided_on, c.id))
    return latest.in_force(on) and use in latest.photo_uses


def validate_consent(data: ConsentInput, today: date) -> dict[str, object]:
    """Check a decision: who, when, for what, and a withdrawal that makes sense."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    purpose = ConsentPurpose(data.purpose)  # screens may hand over the plain code
    decided_by = v.required_name(errors, "decided_by", data.decided_by, tr("name of who decided"))
    agency = v.optional_text(errors, "agency", data.agency, 120, "agency")
    if purpose is ConsentPurpose.SHARE_WITH_AGENCY and not agency:
        errors["agency"] = tr("Please name the agency (for example, the speech and language team).")
    if purpose is ConsentPurpose.PHOTOS and data.given and not data.photo_uses:
        errors["photo_uses"] = tr("Please tick at least one use of photos or video.")
    if data.decided_on is None:
        errors["decided_on"] = tr("Please enter the date of the decision.")
    elif data.decided_on > today:
        errors["decided_on"] = tr("The date of the decision cannot be in the future.")
    if data.withdrawn_on is not None:
        if not data.given:
            errors["withdrawn_on"] = tr("Only consent that was given can be withdrawn.")
        elif data.withdrawn_on > today:
            errors["withdrawn_on"] = tr("The withdrawal date cannot be in the future.")
        v.not_before(
            errors,
            "withdrawn_on",
            data.withdrawn_on,
            data.decided_on,
            tr("Consent cannot be withdrawn before it was given."),
        )
    if errors:
        raise ValidationError(errors)
    photos = purpose is ConsentPurpose.PHOTOS
    return {
        "purpose": purpose.value,
        "agency": agency if purpose is ConsentPurpose.SHARE_WITH_AGENCY else "",
        "photo_uses": join_codes([u for u in PhotoUse if u in data.photo_uses]) if photos else "",
        "given": data.given,
        "decided_by": decided_by,
        "decided_on": data.decided_on,
        "withdrawn_on": data.withdrawn_on,
    }


def _consent(row: ConsentRecord) -> Consent:
    return Consent(
        id=row.id or 0,
        version=row.row_version,
        purpose=ConsentPurpose(row.purpose),
        given=row.given,
        decided_by=row.decided_by,
        decided_on=row.decided_on,
        agency=row.agency,
        photo_uses=split_codes(row.photo_uses, PhotoUse),
        withdrawn_on=row.withdrawn_on,
    )


def list_consents(db: Database, child_id: int) -> list[Consent]:
    """A child's consent decisions, in the order they were recorded."""
    return list_rows(db, ConsentRecord, child_id, _consent)


def save_consent(
    db: Database,
    child_id: int,
    data: ConsentInput,
    consent_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> Consent:
    """Record a decision, or correct one (for example to date a withdrawal)."""
    values = validate_consent(data, today or date.today())
    return save_row(
        db, ConsentRecord, child_id, consent_id, values, "consent", _consent, expected_version
    )


def remove_consent(db: Database, child_id: int, consent_id: int) -> None:
    """For a decision entered by mistake; a real change of mind is a withdrawal."""
    delete_row(db, ConsentRecord, child_id, consent_id, "consent")

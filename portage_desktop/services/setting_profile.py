"""The setting's profile for the Stamp of Approval: regulator, Portage service, award history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import stamp_store, stores
from portage_desktop.data.engine import Database
from portage_desktop.data.errors import RecordChanged
from portage_desktop.data.models import SettingRecord, utc_now
from portage_desktop.data.models.stamp import StampAwardRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.dates import add_months, valid_through
from portage_desktop.services.errors import NotFoundError, ValidationError


class Regulator(StrEnum):
    OFSTED = "ofsted"
    AGENCY = "agency"

    @property
    def label(self) -> str:
        return tr("Ofsted") if self is Regulator.OFSTED else tr("A childminder agency")


@dataclass(frozen=True)
class SettingProfile:
    regulator: Regulator
    agency_name: str
    portage_service: str
    portage_contact: str


def _profile(row: SettingRecord) -> SettingProfile:
    regulator = Regulator(row.regulator) if row.regulator in set(Regulator) else Regulator.OFSTED
    return SettingProfile(regulator, row.agency_name, row.portage_service, row.portage_contact)


def get_profile(db: Database) -> SettingProfile:
    with db.session() as s:
        row = stores.first_setting(s)
        if row is None:
            return SettingProfile(Regulator.OFSTED, "", "", "")
        return _profile(row)


def save_profile(
    db: Database, data: SettingProfile, expected: SettingProfile | None = None
) -> SettingProfile:
    """Store who registers the setting and its Portage contacts.

    ``expected`` is what the screen showed; if someone changed these since, the save is
    refused with :class:`ConflictError` rather than overwriting their change.
    """
    require(db, Permission.EDIT_SETTING)
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    regulator = Regulator(data.regulator) if data.regulator in set(Regulator) else None
    if regulator is None:
        errors["regulator"] = tr("Please choose who registers the setting.")
    agency = v.optional_text(errors, "agency_name", data.agency_name, 200, tr("agency name"))
    if regulator is Regulator.AGENCY and not agency:
        errors["agency_name"] = tr("Please enter the name of the childminder agency.")
    service = v.optional_text(
        errors, "portage_service", data.portage_service, 200, tr("service name")
    )
    contact = v.optional_text(errors, "portage_contact", data.portage_contact, 300, "contact")
    if errors:
        raise ValidationError(errors)
    assert regulator is not None
    with refuse_stale(tr("setting's profile"), lambda: get_profile(db)), db.session() as s:
        row = stores.first_setting(s)
        if row is None:
            raise NotFoundError(tr("Please set up your setting first."))
        if expected is not None and _profile(row) != expected:
            raise RecordChanged("setting", row.id)
        row.regulator = regulator.value
        row.agency_name = agency if regulator is Regulator.AGENCY else ""
        row.portage_service, row.portage_contact = service, contact
        stores.touch(row)
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "setting", row.id, "profile")
        return SettingProfile(regulator, row.agency_name, service, contact)


@dataclass(frozen=True)
class Award:
    id: int
    applied_on: date | None
    awarded_on: date | None
    expires_on: date | None
    representative: str
    notes: str
    version: int = 1  # the stored row_version, handed back when saving a change

    def held_on(self, on: date) -> bool:
        """Held from the award date and valid through the expiry date, like a membership."""
        return self.awarded_on is not None and valid_through(self.awarded_on, self.expires_on, on)


@dataclass(frozen=True)
class AwardInput:
    applied_on: date | None
    awarded_on: date | None
    expires_on: date | None
    representative: str = ""
    notes: str = ""


def _award(row: StampAwardRecord) -> Award:
    assert row.id is not None
    return Award(
        row.id,
        row.applied_on,
        row.awarded_on,
        row.expires_on,
        row.representative,
        row.notes,
        row.row_version,
    )


def list_awards(db: Database) -> list[Award]:
    """Newest award first."""
    with db.session() as s:
        return [_award(r) for r in stamp_store.awards(s)]


def save_award(
    db: Database,
    data: AwardInput,
    award_months: int,
    award_id: int | None = None,
    expected_version: int | None = None,
) -> Award:
    """Record an application or award; an award with no expiry lasts the rule's months.

    A change is refused with :class:`ConflictError` if someone saved it after
    ``expected_version``.
    """
    require(db, Permission.EDIT_SETTING)
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    if data.applied_on is None and data.awarded_on is None:
        errors["applied_on"] = tr("Please enter when you applied, or when the award was made.")
    v.not_before(
        errors,
        "awarded_on",
        data.awarded_on,
        data.applied_on,
        tr("The award date cannot be before the application date."),
    )
    v.not_before(
        errors,
        "expires_on",
        data.expires_on,
        data.awarded_on,
        tr("The expiry date must be after the award date."),
    )
    if data.expires_on is not None and data.awarded_on is None:
        errors["expires_on"] = tr("Please enter the award date as well as the expiry date.")
    rep = v.optional_text(errors, "representative", data.representative, 200, "name")
    notes = v.optional_text(errors, "notes", data.notes, 1000, "notes")
    if errors:
        raise ValidationError(errors)
    expires = data.expires_on
    if expires is None and data.awarded_on is not None:
        expires = add_months(data.awarded_on, award_months)
    gone = tr("That award no longer exists.")
    current = lambda: find(list_awards(db), award_id, gone)  # noqa: E731
    with refuse_stale("award", current), db.session() as s:
        if award_id is None:
            row = StampAwardRecord()
        else:
            found = s.get(StampAwardRecord, award_id)
            if found is None:
                raise NotFoundError(gone)
            stores.check_version(found, expected_version)
            row = found
            row.updated_at = utc_now()
        row.applied_on, row.awarded_on, row.expires_on = data.applied_on, data.awarded_on, expires
        row.representative, row.notes = rep, notes
        s.add(row)
        s.flush()
        action = AuditAction.CREATE if award_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "award", row.id)
        return _award(row)


def delete_award(db: Database, award_id: int) -> None:
    require(db, Permission.EDIT_SETTING)
    with db.session() as s:
        row = s.get(StampAwardRecord, award_id)
        if row is None:
            raise NotFoundError(tr("That award no longer exists."))
        s.delete(row)
        s.flush()
        audit.record(s, db, AuditAction.ERASE, "award", award_id)

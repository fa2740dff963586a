"""The setting's own details: set at first run, edited in Settings."""

from __future__ import annotations

from dataclasses import dataclass

from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.errors import RecordChanged
from portage_desktop.data.models import SettingRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.vocabulary import SettingKind


@dataclass(frozen=True)
class SettingInfo:
    id: int
    name: str
    kind: SettingKind
    ofsted_urn: str

    @property
    def is_childminder(self) -> bool:
        return self.kind is SettingKind.CHILDMINDER

    @property
    def is_service(self) -> bool:
        """A Portage home-visiting service: it sees Referrals, Waiting list, Caseloads, Visits."""
        return self.kind is SettingKind.PORTAGE_SERVICE


@dataclass(frozen=True)
class SettingInput:
    """What the first-run dialog and the Settings page send in."""

    name: str
    kind: SettingKind | str | None
    ofsted_urn: str = ""


def _info(record: SettingRecord) -> SettingInfo:
    assert record.id is not None
    return SettingInfo(record.id, record.name, SettingKind(record.kind), record.ofsted_urn)


def get_setting(db: Database) -> SettingInfo | None:
    """The setting, or ``None`` before the first-run dialog has been completed."""
    with db.session() as s:
        record = stores.first_setting(s)
        return _info(record) if record else None


def validate_setting(data: SettingInput) -> tuple[str, SettingKind, str]:
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    name = v.required_name(errors, "name", data.name, tr("name of your setting"))
    if len(name) > 200:
        errors["name"] = tr("The name is too long (at most 200 characters).")
    kind = SettingKind(data.kind) if data.kind in set(SettingKind) else None
    if kind is None:
        errors["kind"] = tr(
            "Please choose a group setting, a childminder or a Portage home-visiting service."
        )
    urn = v.ofsted_urn(errors, "ofsted_urn", data.ofsted_urn)
    if errors:
        raise ValidationError(errors)
    assert kind is not None
    return name, kind, urn


def save_setting(
    db: Database, data: SettingInput, expected: SettingInfo | None = None
) -> SettingInfo:
    """Create the setting on first run, or update it; there is only ever one.

    ``expected`` is what the screen showed: if these details were changed since (by someone
    else), :class:`ConflictError` is raised. Other parts of the same row do not clash.
    """
    require(db, Permission.EDIT_SETTING)
    name, kind, urn = validate_setting(data)
    with refuse_stale(tr("setting's details"), lambda: get_setting(db)), db.session() as s:
        found = stores.first_setting(s)
        if found is not None and expected is not None and _info(found) != expected:
            raise RecordChanged("setting", found.id)
        record = found or SettingRecord(name=name, kind=kind)
        record.name, record.kind, record.ofsted_urn = name, kind.value, urn
        stores.touch(record)
        s.add(record)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "setting", record.id)
        return _info(record)

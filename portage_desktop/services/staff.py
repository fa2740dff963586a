"""Staff members: who works in the setting, in which roles, and when they started or left."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models import StaffMemberRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.vocabulary import StaffRole, join_codes, split_codes


@dataclass(frozen=True)
class StaffMember:
    id: int
    first_name: str
    last_name: str
    roles: tuple[StaffRole, ...]
    start_date: date | None
    leave_date: date | None
    version: int = 1  # the stored row_version, handed back when saving a change

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def is_current(self, on: date) -> bool:
        """Still working on ``on``: a leave date is the first day they are no longer there."""
        started = self.start_date is None or self.start_date <= on
        return started and (self.leave_date is None or self.leave_date > on)

    @property
    def sort_name(self) -> str:
        return v.name_sort_key(self.last_name, self.first_name)

    @property
    def roles_text(self) -> str:
        return ", ".join(r.label for r in self.roles)


@dataclass(frozen=True)
class StaffInput:
    first_name: str
    last_name: str
    roles: tuple[StaffRole, ...] = field(default_factory=tuple)
    start_date: date | None = None
    leave_date: date | None = None


def _member(record: StaffMemberRecord) -> StaffMember:
    assert record.id is not None
    return StaffMember(
        record.id,
        record.first_name,
        record.last_name,
        split_codes(record.roles, StaffRole),
        record.start_date,
        record.leave_date,
        record.row_version,
    )


def list_staff(db: Database) -> list[StaffMember]:
    """Everyone, current and former, by surname."""
    with db.session() as s:
        found = [_member(r) for r in stores.all_staff(s)]
    return sorted(found, key=lambda m: m.sort_name)


def validate_staff(data: StaffInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    first = v.required_name(errors, "first_name", data.first_name, tr("first name"))
    last = v.required_name(errors, "last_name", data.last_name, "surname")
    if not data.roles:
        errors["roles"] = tr("Please choose at least one role.")
    v.not_before(
        errors,
        "leave_date",
        data.leave_date,
        data.start_date,
        tr("The leaving date cannot be before the start date."),
    )
    if errors:
        raise ValidationError(errors)
    ordered = tuple(r for r in StaffRole if r in data.roles)
    return {
        "first_name": first,
        "last_name": last,
        "roles": join_codes(list(ordered)),
        "start_date": data.start_date,
        "leave_date": data.leave_date,
    }


def save_staff(
    db: Database,
    data: StaffInput,
    staff_id: int | None = None,
    expected_version: int | None = None,
) -> StaffMember:
    """Add a staff member, or update one; validation runs before anything is written."""
    require(db, Permission.EDIT_STAFF)
    values = validate_staff(data)
    gone = tr("That staff member no longer exists.")
    current = lambda: find(list_staff(db), staff_id, gone)  # noqa: E731
    with refuse_stale(tr("staff member"), current), db.session() as s:
        record = stores.save_record(s, StaffMemberRecord, staff_id, values, None, expected_version)
        if record is None or record.id is None:
            raise NotFoundError(gone)
        action = AuditAction.CREATE if staff_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "staff", record.id)
        return _member(record)


def current_staff_count(db: Database, on: date) -> int:
    with db.session() as s:
        return stores.current_staff_count(s, on)

"""Children: adding, editing, archiving leavers and listing them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models import ChildRecord, StaffMemberRecord, utc_now
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.record_rows import ensure_child
from portage_desktop.services.vocabulary import NeedArea, SenStatus, join_codes, split_codes


@dataclass(frozen=True)
class ChildSummary:
    """One row of the children list: everything the list shows, nothing it would fetch later."""

    id: int
    first_name: str
    last_name: str
    known_as: str
    date_of_birth: date
    key_person: str
    sen_status: SenStatus
    need_areas: tuple[NeedArea, ...]
    archived: bool

    @property
    def display_name(self) -> str:
        first = self.known_as or self.first_name
        return f"{first} {self.last_name}"

    @property
    def sort_name(self) -> str:
        return v.name_sort_key(self.last_name, self.first_name)


@dataclass(frozen=True)
class ChildInput:
    """What the child dialog sends in; validated by :func:`validate_child`."""

    first_name: str
    last_name: str
    date_of_birth: date | None
    known_as: str = ""
    start_date: date | None = None
    leave_date: date | None = None
    key_person_id: int | None = None
    sen_status: SenStatus = SenStatus.NONE
    need_areas: tuple[NeedArea, ...] = field(default_factory=tuple)
    home_languages: str = ""


@dataclass(frozen=True)
class ChildDetails(ChildInput):
    id: int = 0
    archived: bool = False
    version: int = 1  # the stored row_version, handed back when saving a change


def _details(child: ChildRecord) -> ChildDetails:
    assert child.id is not None
    return ChildDetails(
        id=child.id,
        first_name=child.first_name,
        last_name=child.last_name,
        known_as=child.known_as,
        date_of_birth=child.date_of_birth,
        start_date=child.start_date,
        leave_date=child.leave_date,
        key_person_id=child.key_person_id,
        sen_status=SenStatus(child.sen_status),
        need_areas=split_codes(child.need_areas, NeedArea),
        home_languages=child.home_languages,
        archived=child.archived_at is not None,
        version=child.row_version,
    )


def list_children(db: Database, include_archived: bool = False) -> list[ChildSummary]:
    """Children by surname, as the list shows them."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = stores.children_list_rows(s, include_archived)
    statuses = {s.value: s for s in SenStatus}
    found = [
        ChildSummary(
            id=r.id,
            first_name=r.first_name,
            last_name=r.last_name,
            known_as=r.known_as,
            date_of_birth=r.date_of_birth,
            key_person=f"{r.kp_first} {r.kp_last}" if r.kp_first is not None else "",
            sen_status=statuses[r.sen_status],
            need_areas=split_codes(r.need_areas, NeedArea),
            archived=r.archived_at is not None,
        )
        for r in rows
    ]
    return sorted(found, key=lambda c: c.sort_name)


def child_exists(db: Database, child_id: int) -> bool:
    """Whether the record numbered ``child_id`` is held (on roll or left), read on its own
    rather than by listing every child."""
    require(db, Permission.VIEW_CHILDREN)
    if not v.is_record_id(child_id):
        return False
    with db.session() as s:
        return s.get(ChildRecord, child_id) is not None


def child_name(db: Database, child_id: int) -> str:
    """The name a child is known by, for a printed heading: read without an audit entry, as
    the print that shows it is audited itself."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        child = ensure_child(s, child_id)
        return f"{child.known_as or child.first_name} {child.last_name}"


def get_child(db: Database, child_id: int) -> ChildDetails:
    """Open one child's record; the opening is written to the audit log."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        record = s.get(ChildRecord, child_id) if v.is_record_id(child_id) else None
        if record is None:
            raise NotFoundError(tr("That child's record no longer exists."))
        audit.record(s, db, AuditAction.VIEW, "child", child_id)
        return _details(record)


def validate_child(
    data: ChildInput, today: date, entered_on: date | None = None
) -> dict[str, object]:
    """Check every field at once and return the cleaned values to store. ``entered_on`` is
    the day a stored record was first entered (for the age limit); today when left out."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    first = v.required_name(errors, "first_name", data.first_name, tr("child's first name"))
    last = v.required_name(errors, "last_name", data.last_name, tr("child's surname"))
    known_as = v.optional_text(errors, "known_as", data.known_as, 100, tr("name they are known by"))
    languages = v.optional_text(errors, "home_languages", data.home_languages, 200, "languages")
    v.date_of_birth(errors, "date_of_birth", data.date_of_birth, today, entered_on)
    v.not_before(
        errors,
        "start_date",
        data.start_date,
        data.date_of_birth,
        tr("The start date cannot be before the date of birth."),
    )
    v.not_before(
        errors,
        "leave_date",
        data.leave_date,
        data.start_date,
        tr("The leaving date cannot be before the start date."),
    )
    if errors:
        raise ValidationError(errors)
    return {
        "first_name": first,
        "last_name": last,
        "known_as": known_as,
        "date_of_birth": data.date_of_birth,
        "start_date": data.start_date,
        "leave_date": data.leave_date,
        "key_person_id": data.key_person_id,
        "sen_status": SenStatus(data.sen_status).value,
        "need_areas": join_codes([a for a in NeedArea if a in data.need_areas]),
        "home_languages": languages,
    }


def save_child(
    db: Database,
    data: ChildInput,
    child_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> ChildDetails:
    """Add or update a child; nothing is written unless every field is valid and nobody
    saved the child after ``expected_version`` was read."""
    require(db, Permission.EDIT_CHILDREN)
    values = validate_child(data, today or date.today())
    with (
        refuse_stale(tr("child's details"), lambda: get_child(db, child_id or 0)),
        db.session() as s,
    ):
        if data.key_person_id is not None and s.get(StaffMemberRecord, data.key_person_id) is None:
            raise ValidationError(
                {"key_person_id": tr("That key person is no longer on the staff list.")}
            )
        record = stores.save_record(s, ChildRecord, child_id, values, None, expected_version)
        if record is None or record.id is None:
            raise NotFoundError(tr("That child's record no longer exists."))
        action = AuditAction.CREATE if child_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "child", record.id)
        return _details(record)


def archive_child(db: Database, child_id: int, leave_date: date) -> None:
    """Move a leaver out of the day-to-day list; their records are kept, not deleted."""
    require(db, Permission.ARCHIVE_CHILDREN)
    with db.session() as s:
        record = s.get(ChildRecord, child_id)
        if record is None:
            raise NotFoundError(tr("That child's record no longer exists."))
        if record.start_date and leave_date < record.start_date:
            raise ValidationError(
                {"leave_date": tr("The leaving date cannot be before the start date.")}
            )
        record.leave_date = leave_date
        record.archived_at = utc_now()
        stores.touch(record)
        s.add(record)
        audit.record(s, db, AuditAction.ARCHIVE, "child", child_id)


def unarchive_child(db: Database, child_id: int) -> None:
    """Undo an archive made by mistake: the child returns to the list, leave date cleared."""
    require(db, Permission.ARCHIVE_CHILDREN)
    with db.session() as s:
        record = s.get(ChildRecord, child_id)
        if record is None:
            raise NotFoundError(tr("That child's record no longer exists."))
        record.archived_at = None
        record.leave_date = None
        stores.touch(record)
        s.add(record)
        audit.record(s, db, AuditAction.CHANGE, "child", child_id, "returned to roll")


@dataclass(frozen=True)
class RollSummary:
    """Counts for the Dashboard."""

    children_on_roll: int
    children_archived: int
    current_staff: int


def roll_summary(db: Database, on: date) -> RollSummary:
    with db.session() as s:
        return RollSummary(
            stores.count_children(s, archived=False),
            stores.count_children(s, archived=True),
            stores.current_staff_count(s, on),
        )

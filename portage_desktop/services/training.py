"""Staff training records: Portage Workshops, NPA membership, the Level 3 Award, PCPD and CPD.

These records are the evidence for criteria 6, 7 and 8 of the Stamp of Approval, so each kind
asks for exactly what those criteria look at (who trained you and whether they were
NPA-accredited; membership dates; working towards or completed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import PurePath

from portage_desktop.data import stores, training_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models import StaffMemberRecord
from portage_desktop.data.models.training import TrainingAttachmentRecord, TrainingRecordRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit, certificates
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.dates import format_date, valid_through
from portage_desktop.services.errors import NotFoundError, ValidationError


class TrainingKind(StrEnum):
    WORKSHOP = "workshop"
    MEMBERSHIP = "membership"
    LEVEL3 = "level3"
    PCPD = "pcpd"
    OTHER_CPD = "other_cpd"
    # A registered home-visiting service's desirable qualifications and NPA involvement.
    LEVEL4 = "level4"
    DEGREE = "degree"
    ACCREDITED_TRAINER = "npa_trainer"
    NETWORKING_DAY = "networking_day"

    @property
    def label(self) -> str:
        return {
            "workshop": tr("Portage Workshop"),
            "membership": tr("NPA professional membership"),
            "level3": tr("Level 3 Award in Portage Skills"),
            "pcpd": tr("PCPD module"),
            "other_cpd": tr("Other CPD"),
            "level4": tr("Level 4 Portage qualification"),
            "degree": tr("Relevant degree"),
            "npa_trainer": tr("NPA-accredited trainer"),
            "networking_day": tr("NPA networking or development day"),
        }[self]

    @property
    def short_label(self) -> str:
        """For narrow places: table headings on a printed page."""
        return {
            "workshop": tr("Portage Workshop"),
            "membership": tr("NPA membership"),
            "level3": tr("Level 3 Award"),
            "pcpd": tr("PCPD modules"),
            "other_cpd": tr("Other CPD"),
            "level4": tr("Level 4"),
            "degree": tr("Degree"),
            "npa_trainer": tr("NPA trainer"),
            "networking_day": tr("Networking days"),
        }[self]


# The kinds the Stamp of Approval looks at, and so the training matrix's columns.
STAMP_KINDS = (
    TrainingKind.WORKSHOP,
    TrainingKind.MEMBERSHIP,
    TrainingKind.LEVEL3,
    TrainingKind.PCPD,
    TrainingKind.OTHER_CPD,
)
_WITH_STATUS = (
    TrainingKind.LEVEL3,
    TrainingKind.LEVEL4,
    TrainingKind.DEGREE,
    TrainingKind.ACCREDITED_TRAINER,
    TrainingKind.PCPD,
    TrainingKind.OTHER_CPD,
)


class TrainingStatus(StrEnum):
    COMPLETED = "completed"
    WORKING_TOWARDS = "working_towards"

    @property
    def label(self) -> str:
        return tr("Completed") if self is TrainingStatus.COMPLETED else tr("Working towards")


@dataclass(frozen=True)
class TrainingRecord:
    id: int
    staff_member_id: int
    kind: TrainingKind
    title: str
    status: TrainingStatus
    started_on: date | None
    completed_on: date | None
    expires_on: date | None
    trainer: str
    trainer_accredited: bool
    membership_number: str
    notes: str
    attachments: int = 0
    version: int = 1  # the stored row_version, handed back when saving a change

    def counts_for_workshop(self, on: date) -> bool:
        """A completed Workshop, by an NPA-accredited trainer, on or before ``on``."""
        return (
            self.kind is TrainingKind.WORKSHOP
            and self.trainer_accredited
            and self.completed_on is not None
            and self.completed_on <= on
        )

    def membership_current(self, on: date) -> bool:
        """A membership started by ``on`` and valid through its expiry date."""
        return (
            self.kind is TrainingKind.MEMBERSHIP
            and self.started_on is not None
            and valid_through(self.started_on, self.expires_on, on)
        )

    @property
    def summary(self) -> str:
        """One line for lists and the matrix: what it is and its key date."""
        if self.kind is TrainingKind.WORKSHOP:
            who = "NPA-accredited" if self.trainer_accredited else tr("not accredited")
            return tr("Completed {date}; trainer {who}").format(
                date=format_date(self.completed_on), who=who
            )
        if self.kind is TrainingKind.MEMBERSHIP:
            return tr("No. {membership_number}, expires {date}").format(
                membership_number=self.membership_number, date=format_date(self.expires_on)
            )
        name = f"{self.title}: " if self.title else ""
        if self.status is TrainingStatus.WORKING_TOWARDS:
            return tr("{name}working towards (since {date})").format(
                name=name, date=format_date(self.started_on)
            )
        return tr("{name}completed {date}").format(name=name, date=format_date(self.completed_on))


@dataclass(frozen=True)
class TrainingInput:
    kind: TrainingKind | str | None
    title: str = ""
    status: TrainingStatus = TrainingStatus.COMPLETED
    started_on: date | None = None
    completed_on: date | None = None
    expires_on: date | None = None
    trainer: str = ""
    trainer_accredited: bool = False
    membership_number: str = ""
    notes: str = ""


def _record(row: TrainingRecordRecord, attachments: int = 0) -> TrainingRecord:
    assert row.id is not None
    return TrainingRecord(
        row.id,
        row.staff_member_id,
        TrainingKind(row.kind),
        row.title,
        TrainingStatus(row.status),
        row.started_on,
        row.completed_on,
        row.expires_on,
        row.trainer,
        row.trainer_accredited,
        row.membership_number,
        row.notes,
        attachments,
        row.row_version,
    )


def list_training(db: Database, staff_id: int | None = None) -> list[TrainingRecord]:
    """Training for one person, or for everyone (the matrix and the criteria check)."""
    with db.session() as s:
        rows = (
            training_store.all_records(s)
            if staff_id is None
            else training_store.records_for_staff(s, staff_id)
        )
        ids = [r.id for r in rows if r.id is not None]
        counts: dict[int, int] = {}
        for _id, record_id, *_rest in training_store.attachment_rows(s, ids):
            counts[record_id] = counts.get(record_id, 0) + 1
        return [_record(r, counts.get(r.id or 0, 0)) for r in rows]


def validate_training(data: TrainingInput, today: date) -> dict[str, object]:
    """Check every field at once; each kind asks only for what its criterion needs."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    kind = TrainingKind(data.kind) if data.kind in set(TrainingKind) else None
    if kind is None:
        errors["kind"] = tr("Please choose what kind of training this is.")
    title = v.optional_text(errors, "title", data.title, 200, "title")
    trainer = v.optional_text(errors, "trainer", data.trainer, 200, tr("trainer's name"))
    number = v.optional_text(errors, "membership_number", data.membership_number, 40, "number")
    notes = (data.notes or "").strip()
    if len(notes) > 1000:
        errors["notes"] = tr("The notes are too long (at most 1,000 characters).")
    status = (
        TrainingStatus(data.status)
        if data.status in set(TrainingStatus)
        else TrainingStatus.COMPLETED
    )
    if kind is TrainingKind.WORKSHOP:
        status = TrainingStatus.COMPLETED
        if data.completed_on is None:
            errors["completed_on"] = tr("Please enter the date the Workshop was completed.")
        if not trainer:
            errors["trainer"] = tr("Please enter who delivered the Workshop.")
    elif kind is TrainingKind.MEMBERSHIP:
        status = TrainingStatus.COMPLETED
        if not number:
            errors["membership_number"] = tr("Please enter the NPA membership number.")
        if data.started_on is None:
            errors["started_on"] = tr("Please enter the date the membership started.")
        if data.expires_on is None:
            errors["expires_on"] = tr("Please enter the date the membership expires.")
    elif kind in (TrainingKind.PCPD, TrainingKind.OTHER_CPD) and not title:
        errors["title"] = tr("Please enter the name of the module or course.")
    elif kind is TrainingKind.DEGREE and not title:
        errors["title"] = tr("Please enter the name of the degree.")
    elif kind is TrainingKind.NETWORKING_DAY:
        status = TrainingStatus.COMPLETED
        if data.completed_on is None:
            errors["completed_on"] = tr("Please enter the date of the day.")
    if kind in _WITH_STATUS:
        if status is TrainingStatus.COMPLETED and data.completed_on is None:
            errors["completed_on"] = tr("Please enter the date it was completed.")
        if status is TrainingStatus.WORKING_TOWARDS and data.started_on is None:
            errors["started_on"] = tr("Please enter the date they started.")
    if data.completed_on and data.completed_on > today and "completed_on" not in errors:
        errors["completed_on"] = tr("The completion date cannot be in the future.")
    v.not_before(
        errors,
        "completed_on",
        data.completed_on,
        data.started_on,
        tr("The completion date cannot be before the start date."),
    )
    v.not_before(
        errors,
        "expires_on",
        data.expires_on,
        data.started_on or data.completed_on,
        tr("The expiry date must be after the start date."),
    )
    if errors:
        raise ValidationError(errors)
    return {
        "kind": kind.value if kind else "",
        "title": title,
        "status": status.value,
        "started_on": data.started_on,
        "completed_on": None if status is TrainingStatus.WORKING_TOWARDS else data.completed_on,
        "expires_on": data.expires_on,
        "trainer": trainer,
        "trainer_accredited": bool(data.trainer_accredited) and kind is TrainingKind.WORKSHOP,
        "membership_number": number if kind is TrainingKind.MEMBERSHIP else "",
        "notes": notes,
    }


def save_training(
    db: Database,
    staff_id: int,
    data: TrainingInput,
    record_id: int | None = None,
    today: date | None = None,
    files: Sequence[tuple[str, bytes]] = (),
    expected_version: int | None = None,
) -> TrainingRecord:
    """Add or update one training record and attach ``files``, all or nothing; manager only."""
    require(db, Permission.EDIT_STAFF)
    values = validate_training(data, today or date.today())
    checked = [(PurePath(n).name[:255] or "certificate", c) for n, c in files]
    kinds = [certificates.check_file(n, c) for n, c in checked]
    gone = tr("That training record no longer exists.")
    current = lambda: find(list_training(db, staff_id), record_id, gone)  # noqa: E731
    with refuse_stale(tr("training record"), current), db.session() as s:
        if s.get(StaffMemberRecord, staff_id) is None:
            raise NotFoundError(tr("That staff member no longer exists."))
        owner = ("staff_member_id", staff_id)
        row = stores.save_record(
            s, TrainingRecordRecord, record_id, values, owner, expected_version
        )
        if row is None or row.id is None:
            raise NotFoundError(gone)
        action = AuditAction.CREATE if record_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "training", row.id, f"staff {staff_id}; {row.kind}")
        for (name, content), kind in zip(checked, kinds, strict=True):
            s.add(
                TrainingAttachmentRecord(
                    training_record_id=row.id,
                    filename=name,
                    content_type=kind,
                    size=len(content),
                    content=content,
                )
            )
        if checked:
            s.flush()
            audit.record(s, db, AuditAction.CREATE, "certificate", row.id, f"{len(checked)} files")
        return _record(row, training_store.attachment_count(s, row.id))


def delete_training(db: Database, record_id: int) -> None:
    """Delete a record and its certificates (the screen asks first)."""
    require(db, Permission.EDIT_STAFF)
    with db.session() as s:
        row = s.get(TrainingRecordRecord, record_id)
        if row is None:
            raise NotFoundError(tr("That training record no longer exists."))
        detail = tr("staff {staff_member_id}; {kind}").format(
            staff_member_id=row.staff_member_id, kind=row.kind
        )
        s.delete(row)
        s.flush()
        audit.record(s, db, AuditAction.ERASE, "training", record_id, detail)

"""The team of a registered service: the induction checklist (the service's own items, ticked
with a mentor), and the NPA Home Visitor Certificate, earned when a Workshop by an accredited
trainer and the whole checklist are both complete.

Qualifications, memberships and networking days are training records; this module gathers
them per home visitor so the check, the report and the screens read one list.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from portage_desktop.data import home_visiting_store as hv_store
from portage_desktop.data import service_quality_store as store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.service_quality import InductionItemRecord, InductionTickRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import staff as staff_service
from portage_desktop.services import training as training_service
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.home_visiting.caseloads import HomeVisitor, list_visitors
from portage_desktop.services.staff import StaffMember
from portage_desktop.services.training import TrainingKind, TrainingRecord, TrainingStatus


@dataclass(frozen=True)
class InductionItem:
    id: int
    position: int
    text: str
    active: bool


@dataclass(frozen=True)
class InductionLine:
    item: InductionItem
    ticked_on: date | None
    mentor: str


@dataclass(frozen=True)
class Induction:
    visitor_id: int
    lines: tuple[InductionLine, ...]

    def complete_on(self, on: date) -> bool:
        """Every current item ticked by ``on``; an empty checklist is never complete."""
        return bool(self.lines) and all(
            line.ticked_on is not None and line.ticked_on <= on for line in self.lines
        )

    @property
    def completed_on(self) -> date | None:
        days = [line.ticked_on for line in self.lines]
        if not days or any(d is None for d in days):
            return None
        return max(d for d in days if d is not None)

    def outstanding(self, on: date) -> list[str]:
        return [
            line.item.text for line in self.lines if line.ticked_on is None or line.ticked_on > on
        ]


@dataclass(frozen=True)
class Certificate:
    earned: bool
    earned_on: date | None
    missing: tuple[str, ...]

    @property
    def text(self) -> str:
        if self.earned:
            return tr("NPA Home Visitor Certificate earned {date}").format(
                date=format_date(self.earned_on)
            )
        return tr("Not yet earned: ") + "; ".join(self.missing)


@dataclass(frozen=True)
class TeamMember:
    """A home visitor with her staff record, training and induction."""

    visitor: HomeVisitor
    staff: StaffMember
    records: tuple[TrainingRecord, ...]
    induction: Induction

    @property
    def name(self) -> str:
        return self.visitor.name

    def in_team(self, on: date) -> bool:
        """Working as a home visitor on ``on`` (an inactive visitor without a leave date has
        stopped visiting, so she is not counted on any day)."""
        return self.staff.is_current(on) and (
            self.visitor.active or self.staff.leave_date is not None
        )

    def workshop(self, on: date) -> TrainingRecord | None:
        found = [r for r in self.records if r.counts_for_workshop(on)]
        return max(found, key=lambda r: r.completed_on or date.min) if found else None

    def membership(self, on: date) -> TrainingRecord | None:
        return next((r for r in self.records if r.membership_current(on)), None)

    def completed(self, kind: TrainingKind, on: date) -> list[TrainingRecord]:
        return [
            r
            for r in self.records
            if r.kind is kind
            and r.status is TrainingStatus.COMPLETED
            and r.completed_on is not None
            and r.completed_on <= on
        ]

    def working_towards(self, kind: TrainingKind, on: date) -> list[TrainingRecord]:
        return [
            r
            for r in self.records
            if r.kind is kind
            and r.status is TrainingStatus.WORKING_TOWARDS
            and (r.started_on is None or r.started_on <= on)
        ]

    def certificate(self, on: date) -> Certificate:
        missing = []
        workshop = self.workshop(on)
        if workshop is None:
            missing.append(tr("a Portage Workshop by an NPA-accredited trainer"))
        if not self.induction.lines:
            missing.append(tr("the service has no induction checklist yet"))
        elif not self.induction.complete_on(on):
            left = len(self.induction.outstanding(on))
            missing.append(
                tr("{left} induction checklist item{value} to tick").format(
                    left=left, value="" if left == 1 else "s"
                )
            )
        if missing:
            return Certificate(False, None, tuple(missing))
        assert workshop is not None and workshop.completed_on is not None
        done = self.induction.completed_on or on
        return Certificate(True, max(workshop.completed_on, done), ())


def _item(row: InductionItemRecord) -> InductionItem:
    return InductionItem(row.id or 0, row.position, row.text, row.active)


def list_items(db: Database, include_retired: bool = False) -> list[InductionItem]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return [_item(r) for r in store.induction_items(s) if include_retired or r.active]


def _clean_text(text: str) -> str:
    errors: dict[str, str] = {}
    clean = v.optional_text(errors, "text", text, 300, "item")
    if not clean and not errors:
        errors["text"] = tr("Please enter what the new home visitor should do.")
    if errors:
        raise ValidationError(errors)
    return clean


def add_item(db: Database, text: str) -> InductionItem:
    """A new item at the end of the service's checklist."""
    require(db, Permission.MANAGE_SERVICE)
    clean = _clean_text(text)
    with db.session() as s:
        rows = store.induction_items(s)
        row = InductionItemRecord(
            position=max((r.position for r in rows), default=0) + 1, text=clean
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "induction_item", row.id)
        return _item(row)


def _load_item(s, item_id: int) -> InductionItemRecord:  # noqa: ANN001
    row = s.get(InductionItemRecord, item_id)
    if row is None:
        raise NotFoundError(tr("That checklist item no longer exists."))
    return row


def edit_item(db: Database, item_id: int, text: str) -> InductionItem:
    require(db, Permission.MANAGE_SERVICE)
    clean = _clean_text(text)
    with db.session() as s:
        row = _load_item(s, item_id)
        row.text = clean
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "induction_item", item_id)
        return _item(row)


def move_item(db: Database, item_id: int, up: bool) -> None:
    """Swap an item with its neighbour among the current items."""
    require(db, Permission.MANAGE_SERVICE)
    with db.session() as s:
        rows = [r for r in store.induction_items(s) if r.active]
        index = next((i for i, r in enumerate(rows) if r.id == item_id), None)
        if index is None:
            raise NotFoundError(tr("That checklist item no longer exists."))
        other = index - 1 if up else index + 1
        if not 0 <= other < len(rows):
            return
        for i, row in enumerate(rows):  # renumber so equal positions cannot stall a move
            row.position = i + 1
        rows[index].position, rows[other].position = rows[other].position, rows[index].position
        for row in rows:
            s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "induction_item", item_id, "moved")


def retire_item(db: Database, item_id: int) -> None:
    """Take an item off the checklist; ticks already made against it are kept."""
    require(db, Permission.MANAGE_SERVICE)
    with db.session() as s:
        row = _load_item(s, item_id)
        row.active = False
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "induction_item", item_id, "retired")


def tick(
    db: Database, visitor_id: int, item_id: int, ticked_on: date | None, mentor: str, today: date
) -> None:
    """Mark an item done for a home visitor, with the day and the mentor who signed it off."""
    require(db, Permission.MANAGE_SERVICE)
    errors: dict[str, str] = {}
    name = v.required_name(errors, "mentor", mentor, tr("mentor's name"))
    if ticked_on is None:
        errors["ticked_on"] = tr("Please enter the date it was done.")
    elif ticked_on > today:
        errors["ticked_on"] = tr("The date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    assert ticked_on is not None
    with db.session() as s:
        _load_item(s, item_id)
        row = store.induction_tick(s, item_id, visitor_id) or InductionTickRecord(
            item_id=item_id, visitor_id=visitor_id, ticked_on=ticked_on, mentor=name
        )
        row.ticked_on, row.mentor = ticked_on, name
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "induction_tick", row.id, f"visitor {visitor_id}")


def untick(db: Database, visitor_id: int, item_id: int) -> None:
    """For a tick made by mistake."""
    require(db, Permission.MANAGE_SERVICE)
    with db.session() as s:
        row = store.induction_tick(s, item_id, visitor_id)
        if row is not None:
            tick_id = row.id
            s.delete(row)
            s.flush()
            audit.record(
                s, db, AuditAction.ERASE, "induction_tick", tick_id, f"visitor {visitor_id}"
            )


def _inductions(s, visitor_ids: list[int]) -> dict[int, Induction]:  # noqa: ANN001
    items = [_item(r) for r in store.induction_items(s) if r.active]
    ticks = {(t.visitor_id, t.item_id): t for t in store.induction_ticks(s)}
    found = {}
    for vid in visitor_ids:
        lines = []
        for item in items:
            t = ticks.get((vid, item.id))
            lines.append(InductionLine(item, t.ticked_on if t else None, t.mentor if t else ""))
        found[vid] = Induction(vid, tuple(lines))
    return found


def induction_for(db: Database, visitor_id: int) -> Induction:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return _inductions(s, [visitor_id])[visitor_id]


def team(db: Database) -> list[TeamMember]:
    """Every home visitor, current or not, with training and induction (for the check)."""
    visitors = list_visitors(db, include_inactive=True)
    staff = {m.id: m for m in staff_service.list_staff(db)}
    records: dict[int, list[TrainingRecord]] = defaultdict(list)
    for r in training_service.list_training(db):
        records[r.staff_member_id].append(r)
    with db.session() as s:
        inductions = _inductions(s, [vis.id for vis in visitors])
    return [
        TeamMember(
            vis, staff[vis.staff_member_id], tuple(records[vis.staff_member_id]), inductions[vis.id]
        )
        for vis in visitors
        if vis.staff_member_id in staff
    ]


def other_staff(db: Database) -> list[tuple[StaffMember, tuple[TrainingRecord, ...]]]:
    """Everyone who is not a home visitor (team leads, supervisors), with training: an
    accredited trainer or a qualification there still counts for the service."""
    with db.session() as s:
        visiting = {h.staff_member_id for h, _ in hv_store.visitors(s)}
    records: dict[int, list[TrainingRecord]] = defaultdict(list)
    for r in training_service.list_training(db):
        records[r.staff_member_id].append(r)
    return [(m, tuple(records[m.id])) for m in staff_service.list_staff(db) if m.id not in visiting]

"""Blocks of visits and visit records.

A block is planned on the family's usual day (weekly, fortnightly or every four weeks) from its
start date, skipping the service's closure dates, and ends with a formal review that is an
ordinary review with parents. Each visit is held, cancelled by the family or by the service, or
failed (no one home, no reply); a missed one may be made up. Planned against delivered counts a
make-up visit as delivered and never more than the block's planned number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data import home_visiting_store as store
from portage_desktop.data import stores
from portage_desktop.data.engine import Database, DbSession
from portage_desktop.data.models.home_visiting import HomeVisitRecord, VisitBlockRecord
from portage_desktop.data.models.plans import PlanRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.rules import (
    closed_days,
    list_closures,
    rules_on,
)
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    Pattern,
    ReferralStatus,
    VisitPlace,
    VisitStatus,
)

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
MAX_MINUTES = 240
GONE = tr("That visit is no longer in the records.")


@dataclass(frozen=True)
class BlockInput:
    kind: BlockKind
    pattern: Pattern
    weekday: int  # 0 = Monday
    usual_time: str
    start_on: date | None
    visit_count: int | None = None  # None: the service's rule for this kind of block


@dataclass(frozen=True)
class Block:
    id: int
    referral_id: int
    child_id: int
    kind: BlockKind
    pattern: Pattern
    weekday: int
    usual_time: str
    start_on: date
    ends_on: date
    visit_count: int
    review_id: int | None
    delivered: int
    version: int = 1

    @property
    def planned(self) -> int:
        return self.visit_count


@dataclass(frozen=True)
class VisitInput:
    """What the visit form sends in; only the fields that fit ``status`` are kept."""

    status: VisitStatus
    visit_on: date | None = None  # None: the planned day
    place: VisitPlace | None = None
    joint_with: str = ""
    reason: str = ""  # why cancelled, or what happened at a failed visit
    minutes_child_led: int | None = None
    minutes_family_focus: int | None = None
    minutes_teaching: int | None = None
    enjoyed: str = ""
    plan_id: int | None = None  # the teaching activity: an activity plan of this child
    practise: str = ""
    next_time: str = ""
    shared_notes: str = ""  # written with the family
    written_up_on: date | None = None


@dataclass(frozen=True)
class Visit:
    id: int
    block_id: int | None
    child_id: int
    visitor_id: int | None
    number: int  # its place in the block; 0 for a make-up visit
    planned_time: str
    make_up_for_id: int | None
    data: VisitInput
    version: int = 1

    @property
    def on(self) -> date:
        assert self.data.visit_on is not None
        return self.data.visit_on

    @property
    def is_make_up(self) -> bool:
        return self.make_up_for_id is not None


def schedule_dates(
    start_on: date, weekday: int, pattern: Pattern, count: int, closed: set[date]
) -> list[date]:
    """``count`` visit days: the first usual weekday on or after ``start_on``, then every
    interval, passing over closure days (the block keeps its number of visits)."""
    day = start_on + timedelta(days=(weekday - start_on.weekday()) % 7)
    found: list[date] = []
    step = timedelta(days=Pattern(pattern).days)
    while len(found) < count:
        if day not in closed:
            found.append(day)
        day += step
    return found


def _to_visit(row: HomeVisitRecord) -> Visit:
    return Visit(
        id=row.id or 0,
        block_id=row.block_id,
        child_id=row.child_id,
        visitor_id=row.visitor_id,
        number=row.number,
        planned_time=row.planned_time,
        make_up_for_id=row.make_up_for_id,
        data=VisitInput(
            status=VisitStatus(row.status),
            visit_on=row.planned_on,
            place=VisitPlace(row.place) if row.place else None,
            joint_with=row.joint_with,
            reason=row.reason,
            minutes_child_led=row.minutes_child_led,
            minutes_family_focus=row.minutes_family_focus,
            minutes_teaching=row.minutes_teaching,
            enjoyed=row.enjoyed,
            plan_id=row.plan_id,
            practise=row.practise,
            next_time=row.next_time,
            shared_notes=row.shared_notes,
            written_up_on=row.written_up_on,
        ),
        version=row.row_version,
    )


def _to_block(row: VisitBlockRecord, visits: list[HomeVisitRecord]) -> Block:
    held = sum(1 for x in visits if x.status == VisitStatus.HELD.value)
    return Block(
        id=row.id or 0,
        referral_id=row.referral_id,
        child_id=row.child_id,
        kind=BlockKind(row.kind),
        pattern=Pattern(row.pattern),
        weekday=row.weekday,
        usual_time=row.usual_time,
        start_on=row.start_on,
        ends_on=row.ends_on,
        visit_count=row.visit_count,
        review_id=row.review_id,
        delivered=min(held, row.visit_count),
        version=row.row_version,
    )


def clean_time(errors: dict[str, str], field: str, text: str) -> str:
    text = (text or "").strip()
    match = _TIME.match(text)
    if text and not match:
        errors[field] = tr("Please enter a time like 10:30.")
        return ""
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else ""


def plan_block(db: Database, referral_id: int, data: BlockInput) -> Block:
    """Plan a block's visits for an allocated family, with her current home visitor."""
    require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    if data.kind not in set(BlockKind):
        errors["kind"] = tr("Please choose the kind of block.")
    if data.pattern not in set(Pattern):
        errors["pattern"] = tr("Please choose how often the visits are.")
    if not 0 <= data.weekday <= 4:
        errors["weekday"] = tr("Please choose a weekday, Monday to Friday.")
    usual_time = clean_time(errors, "usual_time", data.usual_time)
    if data.start_on is None:
        errors["start_on"] = tr("Please enter the date the block starts.")
    if data.visit_count is not None and not 1 <= data.visit_count <= 52:
        errors["visit_count"] = tr("Please enter from 1 to 52 visits.")
    if errors:
        raise ValidationError(errors)
    assert data.start_on is not None
    rules = rules_on(db, data.start_on)
    default = rules.plus_block_visits if data.kind == BlockKind.PORTAGE_PLUS else rules.block_visits
    count = data.visit_count or default
    days = schedule_dates(
        data.start_on, data.weekday, Pattern(data.pattern), count, closed_days(list_closures(db))
    )
    with db.session() as s:
        row = referrals.load_row(s, referral_id)
        if row.status != ReferralStatus.ALLOCATED.value:
            raise ValidationError(
                {"start_on": tr("Visits are planned once a home visitor is allocated.")}
            )
        current = [a for a in store.allocations(s, referral_id) if a.until_on is None]
        visitor_id = current[-1].visitor_id if current else None
        block = VisitBlockRecord(
            referral_id=referral_id,
            child_id=row.child_id,
            kind=BlockKind(data.kind).value,
            visit_count=count,
            pattern=Pattern(data.pattern).value,
            weekday=data.weekday,
            usual_time=usual_time,
            start_on=data.start_on,
            ends_on=days[-1],
        )
        s.add(block)
        s.flush()
        visits = [
            HomeVisitRecord(
                block_id=block.id,
                child_id=row.child_id,
                visitor_id=visitor_id,
                number=i,
                planned_on=day,
                planned_time=usual_time,
            )
            for i, day in enumerate(days, start=1)
        ]
        s.add_all(visits)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "visit_block", block.id, f"{count} visits")
        return _to_block(block, visits)


def list_blocks(db: Database, child_id: int) -> list[Block]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        blocks = store.blocks(s, child_id=child_id)
        visits = store.visits(s, child_id=child_id)
    by_block: dict[int, list[HomeVisitRecord]] = {}
    for x in visits:
        by_block.setdefault(x.block_id or 0, []).append(x)
    return [_to_block(b, by_block.get(b.id or 0, [])) for b in blocks]


def list_visits(db: Database, child_id: int) -> list[Visit]:
    """A child's visits, oldest first (planned ones included)."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return [_to_visit(r) for r in store.visits(s, child_id=child_id)]


def get_visit(db: Database, visit_id: int) -> Visit:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return _to_visit(_load(s, visit_id))


def _load(s: DbSession, visit_id: int) -> HomeVisitRecord:
    row = s.get(HomeVisitRecord, visit_id)
    if row is None:
        raise NotFoundError(GONE)
    return row


def _multiline(errors: dict[str, str], field: str, text: str, limit: int) -> str:
    value = "\n".join(line.strip() for line in (text or "").strip().splitlines())
    if len(value) > limit:
        errors[field] = tr("Please keep this to {limit} characters.").format(limit=limit)
    return value


def validate_visit(data: VisitInput, planned_on: date, today: date) -> dict[str, object]:
    """Check a visit record; return the values to store (fields that do not fit are cleared)."""
    errors: dict[str, str] = {}
    status = data.status if data.status in set(VisitStatus) else None
    if status is None:
        errors["status"] = tr("Please choose what happened.")
    on = data.visit_on or planned_on
    held = status is VisitStatus.HELD
    if status not in (None, VisitStatus.PLANNED) and not status.is_cancelled and on > today:
        errors["visit_on"] = tr("A visit cannot be recorded before its day.")
    values: dict[str, object] = {
        "status": status.value if status else "",
        "planned_on": on,
        "reason": v.optional_text(errors, "reason", data.reason, 300, "reason"),
        "place": "",
        "joint_with": "",
        "minutes_child_led": None,
        "minutes_family_focus": None,
        "minutes_teaching": None,
        "enjoyed": "",
        "plan_id": None,
        "practise": "",
        "next_time": "",
        "shared_notes": "",
        "written_up_on": None,
    }
    if held:
        if data.place not in set(VisitPlace):
            errors["place"] = tr("Please choose where the visit was held.")
        joint = v.optional_text(errors, "joint_with", data.joint_with, 200, "professional")
        if data.place == VisitPlace.JOINT and not joint:
            errors["joint_with"] = tr("Please name the professional on the joint visit.")
        for key in ("minutes_child_led", "minutes_family_focus", "minutes_teaching"):
            minutes = getattr(data, key)
            if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
                errors[key] = tr("Please enter minutes from 0 to {MAX_MINUTES}.").format(
                    MAX_MINUTES=MAX_MINUTES
                )
            values[key] = minutes
        if data.written_up_on is not None:
            if data.written_up_on < on:
                errors["written_up_on"] = tr("A visit cannot be written up before it was held.")
            elif data.written_up_on > today:
                errors["written_up_on"] = tr("The written-up date cannot be in the future.")
        values.update(
            place=VisitPlace(data.place).value if data.place in set(VisitPlace) else "",
            joint_with=joint if data.place == VisitPlace.JOINT else "",
            enjoyed=_multiline(errors, "enjoyed", data.enjoyed, 2000),
            plan_id=data.plan_id,
            practise=_multiline(errors, "practise", data.practise, 2000),
            next_time=_multiline(errors, "next_time", data.next_time, 2000),
            shared_notes=_multiline(errors, "shared_notes", data.shared_notes, 4000),
            written_up_on=data.written_up_on,
        )
    if errors:
        raise ValidationError(errors)
    return values


def record_visit(
    db: Database,
    visit_id: int,
    data: VisitInput,
    expected_version: int | None = None,
    today: date | None = None,
) -> Visit:
    """Save what happened at a visit; refused if someone saved it after ``expected_version``."""
    require(db, Permission.RECORD_VISITS)
    with refuse_stale("visit", lambda: get_visit(db, visit_id)), db.session() as s:
        row = _load(s, visit_id)
        stores.check_version(row, expected_version)
        values = validate_visit(data, row.planned_on, today or date.today())
        plan_id = values["plan_id"]
        if plan_id is not None:
            plan = s.get(PlanRecord, plan_id)
            if plan is None or plan.child_id != row.child_id:
                raise ValidationError(
                    {"plan_id": tr("Please choose one of this child's activity plans.")}
                )
        for key, value in values.items():
            setattr(row, key, value)
        stores.touch(row)
        s.add(row)
        s.flush()
        _refresh_block_end(s, row.block_id)
        audit.record(s, db, AuditAction.CHANGE, "home_visit", visit_id, str(values["status"]))
        return _to_visit(row)


def _refresh_block_end(s: DbSession, block_id: int | None) -> None:
    if block_id is None:
        return
    block = s.get(VisitBlockRecord, block_id)
    visits = store.visits(s, block_ids=[block_id])
    if block is not None and visits:
        last = max(x.planned_on for x in visits)
        if last != block.ends_on:
            block.ends_on = last
            stores.touch(block)
            s.add(block)
            s.flush()


def add_make_up_visit(db: Database, missed_visit_id: int, on: date | None, time: str = "") -> Visit:
    """A visit in place of one cancelled or failed, in the same block."""
    require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    at = clean_time(errors, "time", time)
    if on is None:
        errors["on"] = tr("Please enter the day of the make-up visit.")
    if errors:
        raise ValidationError(errors)
    with db.session() as s:
        missed = _load(s, missed_visit_id)
        status = VisitStatus(missed.status)
        if not (status.is_cancelled or status is VisitStatus.FAILED):
            raise ValidationError({"on": tr("Only a cancelled or failed visit can be made up.")})
        row = HomeVisitRecord(
            block_id=missed.block_id,
            child_id=missed.child_id,
            visitor_id=missed.visitor_id,
            number=0,
            planned_on=on,
            planned_time=at or missed.planned_time,
            make_up_for_id=missed.id,
        )
        s.add(row)
        s.flush()
        _refresh_block_end(s, row.block_id)
        audit.record(s, db, AuditAction.CREATE, "home_visit", row.id, "make-up")
        return _to_visit(row)

"""Home visitors, allocation and caseloads: who visits which family, how full each visitor is
against the service's limits, and when places free up.

Limits are pro rata: a visitor on 60% has 60% of the full-time visits a week and families.
Reassignment closes one allocation and opens another, so the history of who visited stays.
A home visitor sees her own families unless she asks for everyone; managers see all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from portage_desktop.data import home_visiting_store as store
from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models import StaffMemberRecord
from portage_desktop.data.models.home_visiting import (
    AllocationRecord,
    HomeVisitorRecord,
)
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, Role, current_actor, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.referrals import actor_name
from portage_desktop.services.home_visiting.rules import (
    ServiceRules,
    eligibility_ends_on,
    rules_from_rows,
)
from portage_desktop.services.home_visiting.vocabulary import Pattern, ReferralStatus, VisitStatus
from portage_desktop.services.home_visiting.waiting_list import waiting_list


@dataclass(frozen=True)
class HomeVisitor:
    id: int
    staff_member_id: int
    name: str
    fte_percent: int
    active: bool
    version: int = 1


@dataclass(frozen=True)
class Family:
    """One allocated family on a visitor's caseload."""

    referral_id: int
    child_id: int
    child_name: str
    allocated_on: date
    visits_per_week: float
    eligible_until: date
    block_ends_on: date | None
    frees_on: date
    frees_because: str


@dataclass(frozen=True)
class Caseload:
    visitor: HomeVisitor
    families: tuple[Family, ...]
    visits_per_week: float
    hours_per_week: float
    family_limit: float
    visit_limit: float

    @property
    def over_capacity(self) -> bool:
        return len(self.families) > self.family_limit or self.visits_per_week > self.visit_limit

    @property
    def free_families(self) -> float:
        return self.family_limit - len(self.families)


@dataclass(frozen=True)
class FreePlace:
    on: date
    visitor_name: str
    child_name: str
    because: str
    next_family: str  # who is next on the waiting list for it, or ""


def _visitor(row: HomeVisitorRecord, staff: StaffMemberRecord) -> HomeVisitor:
    return HomeVisitor(
        row.id or 0,
        row.staff_member_id,
        f"{staff.first_name} {staff.last_name}",
        row.fte_percent,
        row.active,
        row.row_version,
    )


def list_visitors(db: Database, include_inactive: bool = False) -> list[HomeVisitor]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return [_visitor(h, st) for h, st in store.visitors(s) if include_inactive or h.active]


def save_visitor(
    db: Database, staff_member_id: int, fte_percent: int, active: bool = True
) -> HomeVisitor:
    """Make a member of staff a home visitor, or change her working time (100 = full time)."""
    require(db, Permission.MANAGE_SERVICE)
    if not 1 <= fte_percent <= 100:
        raise ValidationError({"fte_percent": tr("Please enter the working time from 1 to 100%.")})
    with db.session() as s:
        staff = s.get(StaffMemberRecord, staff_member_id)
        if staff is None:
            raise NotFoundError(tr("That member of staff is no longer on the staff list."))
        row = store.visitor_for_staff(s, staff_member_id) or HomeVisitorRecord(
            staff_member_id=staff_member_id
        )
        created = row.id is None
        row.fte_percent, row.active = fte_percent, active
        if not created:
            stores.touch(row)
        s.add(row)
        s.flush()
        action = AuditAction.CREATE if created else AuditAction.CHANGE
        audit.record(s, db, action, "home_visitor", row.id)
        return _visitor(row, staff)


def allocate(
    db: Database,
    referral_id: int,
    visitor_id: int,
    on: date | None,
    reason: str = "",
    expected_version: int | None = None,
) -> None:
    """Give a waiting family a home visitor, or move an allocated family to another visitor.

    Moving needs a reason: the current allocation ends on ``on`` and the new visitor takes over
    the visits still planned from that day.
    """
    actor = require(db, Permission.MANAGE_SERVICE)
    errors: dict[str, str] = {}
    why = v.optional_text(errors, "reason", reason, 300, "reason")
    if on is None:
        errors["on"] = tr("Please enter the date the home visitor takes the family on.")
    if errors:
        raise ValidationError(errors)
    assert on is not None
    with db.session() as s:
        row = referrals.load_row(s, referral_id)
        stores.check_version(row, expected_version)
        visitor = s.get(HomeVisitorRecord, visitor_id)
        if visitor is None or not visitor.active:
            raise ValidationError({"visitor_id": tr("Please choose a current home visitor.")})
        current = [a for a in store.allocations(s, referral_id) if a.until_on is None]
        if row.status == ReferralStatus.ALLOCATED.value:
            if not why:
                raise ValidationError({"reason": tr("Please give the reason for the change.")})
            for a in current:
                if a.visitor_id == visitor_id:
                    raise ValidationError({"visitor_id": tr("This family is already hers.")})
                if on <= a.from_on:
                    raise ValidationError(
                        {"on": tr("The change must be after the current allocation began.")}
                    )
                a.until_on = on
                s.add(a)
            for visit in store.visits(
                s, block_ids=[b.id for b in store.blocks(s, [referral_id])], since=on
            ):
                if visit.status == VisitStatus.PLANNED.value:
                    visit.visitor_id = visitor_id
                    stores.touch(visit)
                    s.add(visit)
        elif row.status != ReferralStatus.WAITING.value:
            raise ValidationError({"visitor_id": tr("Only a waiting family can be allocated.")})
        s.add(
            AllocationRecord(
                referral_id=referral_id,
                visitor_id=visitor_id,
                from_on=on,
                reason=why,
                by_name=actor_name(actor),
            )
        )
        row.status = ReferralStatus.ALLOCATED.value
        row.manual_position = None
        stores.touch(row)
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "referral", referral_id, f"visitor {visitor_id}")


@dataclass(frozen=True)
class AllocationHistory:
    visitor_name: str
    from_on: date
    until_on: date | None
    reason: str
    by_name: str


def allocation_history(db: Database, referral_id: int) -> list[AllocationHistory]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        names = {h.id: f"{st.first_name} {st.last_name}" for h, st in store.visitors(s)}
        return [
            AllocationHistory(
                names.get(a.visitor_id, ""), a.from_on, a.until_on, a.reason, a.by_name
            )
            for a in store.allocations(s, referral_id)
        ]


def _own_visitor_id(db: Database) -> int | None:
    """The home visitor the logged-in person is, if she is one."""
    actor = current_actor(db)
    if actor.role is not Role.HOME_VISITOR or actor.staff_member_id is None:
        return None
    with db.session() as s:
        row = store.visitor_for_staff(s, actor.staff_member_id)
        return row.id if row else -1


def caseloads(db: Database, on: date | None = None, everyone: bool = False) -> list[Caseload]:
    """Each visitor's families, visits a week and hours against her pro-rata limits.

    A home visitor sees only her own caseload unless ``everyone``; a team lead or manager sees
    them all.
    """
    require(db, Permission.VIEW_CHILDREN)
    on = on or date.today()
    own = None if everyone else _own_visitor_id(db)
    with db.session() as s:
        rules = rules_from_rows(store.rules(s), on)
        pairs = store.visitors(s)
        families, blocks = store.caseload_rows(s, on)
    current: dict[int, tuple[str, date]] = {}
    for b in blocks:  # oldest first: the first one still running is the current block
        current.setdefault(b.referral_id, (b.pattern, b.ends_on))
    by_visitor: dict[int, list[Family]] = {}
    for f in families:
        by_visitor.setdefault(f.visitor_id, []).append(
            _family(f, current.get(f.referral_id), rules)
        )
    return [
        _caseload(_visitor(visitor_row, staff), by_visitor.get(visitor_row.id or 0, []), rules)
        for visitor_row, staff in pairs
        if visitor_row.active and (own is None or visitor_row.id == own)
    ]


@dataclass(frozen=True)
class VisitorLoad:
    """A visitor's caseload in numbers only (for the dashboard's over-capacity warning)."""

    visitor: HomeVisitor
    families: int
    visits_per_week: float
    family_limit: float
    visit_limit: float

    @property
    def over_capacity(self) -> bool:
        return self.families > self.family_limit or self.visits_per_week > self.visit_limit


def visitor_loads(db: Database, on: date | None = None) -> list[VisitorLoad]:
    """Every current visitor's families and visits a week against her limits, without
    working out each family's dates (which :func:`caseloads` does for the screen)."""
    require(db, Permission.VIEW_CHILDREN)
    on = on or date.today()
    with db.session() as s:
        rules = rules_from_rows(store.rules(s), on)
        pairs = store.visitors(s)
        families, blocks = store.caseload_rows(s, on)
    current: dict[int, str] = {}
    for b in blocks:
        current.setdefault(b.referral_id, b.pattern)
    count: dict[int, int] = {}
    weekly: dict[int, float] = {}
    for f in families:
        count[f.visitor_id] = count.get(f.visitor_id, 0) + 1
        pattern = current.get(f.referral_id)
        if pattern:
            weekly[f.visitor_id] = weekly.get(f.visitor_id, 0.0) + 7 / Pattern(pattern).days
    found = []
    for visitor_row, staff in pairs:
        if not visitor_row.active:
            continue
        share = visitor_row.fte_percent / 100
        vid = visitor_row.id or 0
        found.append(
            VisitorLoad(
                _visitor(visitor_row, staff),
                count.get(vid, 0),
                round(weekly.get(vid, 0.0), 2),
                round(rules.families_full_time * share, 1),
                round(rules.visits_per_week * share, 1),
            )
        )
    return found


def _family(row: Any, block: tuple[str, date] | None, rules: ServiceRules) -> Family:
    """One family from a caseload row and its current block (pattern, last visit), if any."""
    ends = eligibility_ends_on(row.date_of_birth, rules)
    block_ends = block[1] if block else None
    if block_ends is not None and block_ends < ends:
        frees_on, because = block_ends, tr("the block ends")
    else:
        frees_on, because = ends, tr("eligibility ends (the term after the birthday)")
    return Family(
        referral_id=row.referral_id,
        child_id=row.child_id,
        child_name=f"{row.known_as or row.first_name} {row.last_name}",
        allocated_on=row.from_on,
        visits_per_week=7 / Pattern(block[0]).days if block else 0.0,
        eligible_until=ends,
        block_ends_on=block_ends,
        frees_on=frees_on,
        frees_because=because,
    )


def _caseload(visitor: HomeVisitor, families: list[Family], rules: ServiceRules) -> Caseload:
    share = visitor.fte_percent / 100
    visits = round(sum(f.visits_per_week for f in families), 2)
    return Caseload(
        visitor=visitor,
        families=tuple(sorted(families, key=lambda f: f.child_name)),
        visits_per_week=visits,
        hours_per_week=round(visits * rules.hours_per_visit, 1),
        family_limit=round(rules.families_full_time * share, 1),
        visit_limit=round(rules.visits_per_week * share, 1),
    )


def capacity_plan(db: Database, on: date | None = None, horizon_days: int = 365) -> list[FreePlace]:
    """When places free up in the next ``horizon_days``, soonest first, and who is next for each
    (the waiting list in order, one family per freed place)."""
    on = on or date.today()
    loads = caseloads(db, on, everyone=True)
    waiting = waiting_list(db, on)
    freed = sorted(
        (
            (f.frees_on, c.visitor.name, f.child_name, f.frees_because)
            for c in loads
            for f in c.families
            if (f.frees_on - on).days <= horizon_days
        ),
    )
    return [
        FreePlace(day, visitor, child, because, waiting[i].child_name if i < len(waiting) else "")
        for i, (day, visitor, child, because) in enumerate(freed)
    ]

"""Query functions for a home-visiting service's tables: the only SQL its services use.

Lists that screens open often (the waiting list, caseloads, a child's visits, the dashboard's
warnings) are read with one query each over indexed columns, so they stay quick on a service
with years of visits.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Row, case, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from portage_desktop.data.models import ChildRecord, StaffMemberRecord
from portage_desktop.data.models.home_visiting import (
    AllocationRecord,
    HomeVisitorRecord,
    HomeVisitRecord,
    ReferralRecord,
    ServiceClosureRecord,
    ServiceEndRecord,
    ServiceRuleRecord,
    VisitBlockRecord,
    WaitingContactRecord,
)


def rules(session: Session) -> list[ServiceRuleRecord]:
    query = select(ServiceRuleRecord).order_by(
        col(ServiceRuleRecord.effective_from), col(ServiceRuleRecord.id)
    )
    return list(session.exec(query))


def closures(session: Session) -> list[ServiceClosureRecord]:
    return list(session.exec(select(ServiceClosureRecord).order_by(ServiceClosureRecord.first_day)))


def children_named(session: Session, first: str, last: str, born: date) -> list[ChildRecord]:
    """Children born on ``born`` whose names match, ignoring case (the duplicate check)."""
    query = select(ChildRecord).where(ChildRecord.date_of_birth == born)
    first, last = first.strip().casefold(), last.strip().casefold()
    return [
        c
        for c in session.exec(query)
        if c.last_name.strip().casefold() == last
        and first in (c.first_name.strip().casefold(), c.known_as.strip().casefold())
    ]


def referrals(
    session: Session, statuses: Iterable[str] | None = None, child_id: int | None = None
) -> list[ReferralRecord]:
    query = select(ReferralRecord)
    if statuses is not None:
        query = query.where(col(ReferralRecord.status).in_(list(statuses)))
    if child_id is not None:
        query = query.where(ReferralRecord.child_id == child_id)
    return list(session.exec(query.order_by(ReferralRecord.referred_on, ReferralRecord.id)))


def children_by_id(session: Session, ids: Iterable[int]) -> dict[int, ChildRecord]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    query = select(ChildRecord).where(col(ChildRecord.id).in_(wanted))
    return {c.id: c for c in session.exec(query) if c.id is not None}


def contacts(session: Session, referral_id: int) -> list[WaitingContactRecord]:
    query = (
        select(WaitingContactRecord)
        .where(WaitingContactRecord.referral_id == referral_id)
        .order_by(WaitingContactRecord.contacted_on, WaitingContactRecord.id)
    )
    return list(session.exec(query))


def visitors(session: Session) -> list[tuple[HomeVisitorRecord, StaffMemberRecord]]:
    query = (
        select(HomeVisitorRecord, StaffMemberRecord)
        .join(StaffMemberRecord, col(StaffMemberRecord.id) == HomeVisitorRecord.staff_member_id)
        .order_by(StaffMemberRecord.last_name, StaffMemberRecord.first_name)
    )
    return [(v, s) for v, s in session.exec(query)]


def visitor_for_staff(session: Session, staff_member_id: int) -> HomeVisitorRecord | None:
    query = select(HomeVisitorRecord).where(HomeVisitorRecord.staff_member_id == staff_member_id)
    return session.exec(query).first()


def open_allocations(session: Session) -> list[AllocationRecord]:
    query = select(AllocationRecord).where(col(AllocationRecord.until_on).is_(None))
    return list(session.exec(query.order_by(AllocationRecord.from_on, AllocationRecord.id)))


def allocations(session: Session, referral_id: int) -> list[AllocationRecord]:
    query = (
        select(AllocationRecord)
        .where(AllocationRecord.referral_id == referral_id)
        .order_by(AllocationRecord.from_on, AllocationRecord.id)
    )
    return list(session.exec(query))


def blocks(
    session: Session,
    referral_ids: Iterable[int] | None = None,
    child_id: int | None = None,
    ending_from: date | None = None,
    unreviewed: bool = False,
) -> list[VisitBlockRecord]:
    """Blocks oldest first; ``ending_from`` keeps only those whose last visit is on or after
    that day (the current and future ones)."""
    query = select(VisitBlockRecord)
    if unreviewed:
        query = query.where(col(VisitBlockRecord.review_id).is_(None))
    if ending_from is not None:
        query = query.where(VisitBlockRecord.ends_on >= ending_from)
    if referral_ids is not None:
        query = query.where(col(VisitBlockRecord.referral_id).in_(sorted(set(referral_ids))))
    if child_id is not None:
        query = query.where(VisitBlockRecord.child_id == child_id)
    return list(session.exec(query.order_by(VisitBlockRecord.start_on, VisitBlockRecord.id)))


def visits(
    session: Session,
    child_id: int | None = None,
    block_ids: Iterable[int] | None = None,
    statuses: Iterable[str] | None = None,
    since: date | None = None,
) -> list[HomeVisitRecord]:
    query = select(HomeVisitRecord)
    if child_id is not None:
        query = query.where(HomeVisitRecord.child_id == child_id)
    if block_ids is not None:
        query = query.where(col(HomeVisitRecord.block_id).in_(sorted(set(block_ids))))
    if statuses is not None:
        query = query.where(col(HomeVisitRecord.status).in_(list(statuses)))
    if since is not None:
        query = query.where(HomeVisitRecord.planned_on >= since)
    return list(session.exec(query.order_by(HomeVisitRecord.planned_on, HomeVisitRecord.id)))


def failed_since_held(session: Session, since: date) -> list[Row[Any]]:
    """For each allocated family's child with failed visits after its last held one: how many,
    and the day of the latest (child_id, failed, last_on). Only failed visits from ``since``
    are read: an old run that was never followed by a held visit is not today's warning.

    Cancelled visits are not counted (nobody went) and do not reset the count; a held visit
    does. One grouped query over the failed visits, each compared with its child's last held
    visit through the (child, day) index.
    """
    v = HomeVisitRecord.__table__  # type: ignore[attr-defined]
    h = v.alias("held")
    r = ReferralRecord.__table__  # type: ignore[attr-defined]
    last_held = (
        sa_select(func.max(h.c.planned_on))
        .where(h.c.child_id == v.c.child_id, h.c.status == "held")
        .scalar_subquery()
    )
    allocated = sa_select(r.c.child_id).where(r.c.status == "allocated")
    query = (
        sa_select(
            v.c.child_id, func.count().label("failed"), func.max(v.c.planned_on).label("last_on")
        )
        .where(
            v.c.status == "failed",
            v.c.planned_on >= since,
            v.c.child_id.in_(allocated),
            or_(last_held.is_(None), v.c.planned_on > last_held),
        )
        .group_by(v.c.child_id)
    )
    return list(session.connection().execute(query))


def blocks_without_review(session: Session, ending_by: date) -> list[Row[Any]]:
    """Allocated families' blocks with no review whose last visit is on or before
    ``ending_by``: (referral_id, child_id, ends_on)."""
    b = VisitBlockRecord.__table__  # type: ignore[attr-defined]
    r = ReferralRecord.__table__  # type: ignore[attr-defined]
    query = (
        sa_select(b.c.referral_id, b.c.child_id, b.c.ends_on)
        .select_from(b.join(r, r.c.id == b.c.referral_id))
        .where(r.c.status == "allocated", b.c.review_id.is_(None), b.c.ends_on <= ending_by)
        .order_by(b.c.ends_on)
    )
    return list(session.connection().execute(query))


def unwritten_visits(session: Session, before: date) -> list[Row[Any]]:
    """Held visits before ``before`` not written up yet: (id, child_id, planned_on), through
    the (status, written-up) index."""
    v = HomeVisitRecord.__table__  # type: ignore[attr-defined]
    query = (
        sa_select(v.c.id, v.c.child_id, v.c.planned_on)
        .where(v.c.status == "held", v.c.written_up_on.is_(None), v.c.planned_on < before)
        .order_by(v.c.planned_on)
    )
    return list(session.connection().execute(query))


def service_end(session: Session, referral_id: int) -> ServiceEndRecord | None:
    query = select(ServiceEndRecord).where(ServiceEndRecord.referral_id == referral_id)
    return session.exec(query).first()


def service_ends(session: Session, referral_ids: Iterable[int]) -> list[ServiceEndRecord]:
    wanted = sorted(set(referral_ids))
    if not wanted:
        return []
    query = select(ServiceEndRecord).where(col(ServiceEndRecord.referral_id).in_(wanted))
    return list(session.exec(query))


def caseload_rows(session: Session, on: date) -> tuple[list[Row[Any]], list[Row[Any]]]:
    """Plain rows for the caseload screen, two queries in all.

    The first: each open allocation of an allocated family, with the child's names and date of
    birth. The second: those families' blocks still running on ``on`` (referral, pattern, last
    visit), oldest first. Plain rows rather than ORM objects: building thousands of entities
    was most of the time the screen took on a busy service.
    """
    a = AllocationRecord.__table__  # type: ignore[attr-defined]
    r = ReferralRecord.__table__  # type: ignore[attr-defined]
    c = ChildRecord.__table__  # type: ignore[attr-defined]
    b = VisitBlockRecord.__table__  # type: ignore[attr-defined]
    families = (
        sa_select(
            a.c.visitor_id,
            a.c.from_on,
            r.c.id.label("referral_id"),
            r.c.child_id,
            c.c.first_name,
            c.c.known_as,
            c.c.last_name,
            c.c.date_of_birth,
        )
        .select_from(a.join(r, r.c.id == a.c.referral_id).join(c, c.c.id == r.c.child_id))
        .where(a.c.until_on.is_(None), r.c.status == "allocated")
    )
    blocks = (
        sa_select(b.c.referral_id, b.c.pattern, b.c.ends_on)
        .select_from(b.join(r, r.c.id == b.c.referral_id))
        .where(r.c.status == "allocated", b.c.ends_on >= on)
        .order_by(b.c.start_on, b.c.id)
    )
    conn = session.connection()
    return list(conn.execute(families)), list(conn.execute(blocks))


def active_families(session: Session) -> list[Row[Any]]:
    """Waiting and allocated families as plain rows: referral, child, status, the child's
    names and date of birth (what the dashboard's warnings need, without building entities)."""
    r = ReferralRecord.__table__  # type: ignore[attr-defined]
    c = ChildRecord.__table__  # type: ignore[attr-defined]
    query = (
        sa_select(
            r.c.id.label("referral_id"),
            r.c.child_id,
            r.c.status,
            r.c.referred_on,
            r.c.waiting_since,
            c.c.first_name,
            c.c.known_as,
            c.c.last_name,
            c.c.date_of_birth,
        )
        .select_from(r.join(c, c.c.id == r.c.child_id))
        .where(r.c.status.in_(["waiting", "allocated"]))
        .order_by(r.c.referred_on, r.c.id)
    )
    return list(session.connection().execute(query))


def planned_visits_between(session: Session, first: date, last: date) -> int:
    """How many visits still planned fall from ``first`` to ``last``: a closure added now does
    not move them, so the team lead is told how many to move by hand."""
    v = HomeVisitRecord.__table__  # type: ignore[attr-defined]
    query = sa_select(func.count()).where(
        v.c.status == "planned", v.c.planned_on >= first, v.c.planned_on <= last
    )
    return int(session.execute(query).scalar() or 0)


def visit_counts(session: Session, first: date, last: date) -> tuple[int, int]:
    """(visits planned, visits held) from ``first`` to ``last``, whatever became of the
    planned ones: one grouped count, for the service Dashboard's week."""
    v = HomeVisitRecord.__table__  # type: ignore[attr-defined]
    held = func.sum(case((v.c.status == "held", 1), else_=0))
    query = sa_select(func.count(), held).where(v.c.planned_on >= first, v.c.planned_on <= last)
    total, done = session.execute(query).one()
    return int(total or 0), int(done or 0)

"""Query functions for a home-visiting service's tables: the only SQL its services use.

Lists that screens open often (the waiting list, caseloads, a child's visits, the dashboard's
warnings) are read with one query each over indexed columns, so they stay quick on a service
with years of visits.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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


def attempted_visits(
    session: Session, child_ids: Iterable[int], since: date
) -> list[tuple[int, int, date, str]]:
    """(id, child id, day, status) of held and failed visits since ``since``, for the children
    given: just the columns the failed-in-a-row check reads, so a busy service stays quick."""
    wanted = sorted(set(child_ids))
    if not wanted:
        return []
    query = select(
        HomeVisitRecord.id,
        HomeVisitRecord.child_id,
        HomeVisitRecord.planned_on,
        HomeVisitRecord.status,
    ).where(
        col(HomeVisitRecord.child_id).in_(wanted),
        col(HomeVisitRecord.status).in_(["held", "failed"]),
        HomeVisitRecord.planned_on >= since,
    )
    return [(i or 0, c, d, s) for i, c, d, s in session.exec(query)]


def unwritten_visits(session: Session) -> list[HomeVisitRecord]:
    """Held visits whose notes have not been written up yet."""
    query = select(HomeVisitRecord).where(
        HomeVisitRecord.status == "held", col(HomeVisitRecord.written_up_on).is_(None)
    )
    return list(session.exec(query.order_by(HomeVisitRecord.planned_on)))


def service_end(session: Session, referral_id: int) -> ServiceEndRecord | None:
    query = select(ServiceEndRecord).where(ServiceEndRecord.referral_id == referral_id)
    return session.exec(query).first()


def service_ends(session: Session, referral_ids: Iterable[int]) -> list[ServiceEndRecord]:
    wanted = sorted(set(referral_ids))
    if not wanted:
        return []
    query = select(ServiceEndRecord).where(col(ServiceEndRecord.referral_id).in_(wanted))
    return list(session.exec(query))

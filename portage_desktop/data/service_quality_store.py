"""Query functions for the registered-service tables: the only SQL the service-quality services
use. Each list a check or the annual report needs is one query over indexed columns, so a check
reads a handful of lists, not a row per family."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Row, Select, exists, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.home_visiting import (
    AllocationRecord,
    HomeVisitRecord,
    ReferralRecord,
    ServiceClosureRecord,
    ServiceEndRecord,
    ServiceRuleRecord,
    VisitBlockRecord,
)
from portage_desktop.data.models.plans import PlanRecord, PlanStepRecord
from portage_desktop.data.models.service_quality import (
    InductionItemRecord,
    InductionTickRecord,
    MonitoringVisitRecord,
    ParentViewRecord,
    QuestionnaireAnswerRecord,
    QuestionnaireReturnRecord,
    QuestionRecord,
    SupervisionActionRecord,
    SupervisionAttendeeRecord,
    SupervisionChildRecord,
    SupervisionSessionRecord,
)


def induction_items(session: Session) -> list[InductionItemRecord]:
    query = select(InductionItemRecord).order_by(
        col(InductionItemRecord.position), col(InductionItemRecord.id)
    )
    return list(session.exec(query))


def induction_ticks(session: Session, visitor_id: int | None = None) -> list[InductionTickRecord]:
    query = select(InductionTickRecord)
    if visitor_id is not None:
        query = query.where(InductionTickRecord.visitor_id == visitor_id)
    return list(session.exec(query.order_by(InductionTickRecord.ticked_on)))


def induction_tick(session: Session, item_id: int, visitor_id: int) -> InductionTickRecord | None:
    query = select(InductionTickRecord).where(
        InductionTickRecord.item_id == item_id, InductionTickRecord.visitor_id == visitor_id
    )
    return session.exec(query).first()


def sessions(
    session: Session, since: date | None = None, until: date | None = None
) -> list[SupervisionSessionRecord]:
    query = select(SupervisionSessionRecord)
    if since is not None:
        query = query.where(SupervisionSessionRecord.held_on >= since)
    if until is not None:
        query = query.where(SupervisionSessionRecord.held_on <= until)
    return list(
        session.exec(query.order_by(SupervisionSessionRecord.held_on, SupervisionSessionRecord.id))
    )


def _of_sessions(session: Session, model: type, ids: Iterable[int]) -> list:  # type: ignore[type-arg]
    wanted = sorted(set(ids))
    if not wanted:
        return []
    query = select(model).where(col(model.session_id).in_(wanted)).order_by(model.id)
    return list(session.exec(query))


def attendees(session: Session, session_ids: Iterable[int]) -> list[SupervisionAttendeeRecord]:
    return _of_sessions(session, SupervisionAttendeeRecord, session_ids)


def children_discussed(
    session: Session, session_ids: Iterable[int]
) -> list[SupervisionChildRecord]:
    return _of_sessions(session, SupervisionChildRecord, session_ids)


def actions(session: Session, session_ids: Iterable[int]) -> list[SupervisionActionRecord]:
    return _of_sessions(session, SupervisionActionRecord, session_ids)


def monitoring_visits(session: Session) -> list[MonitoringVisitRecord]:
    query = select(MonitoringVisitRecord).order_by(
        col(MonitoringVisitRecord.visited_on), col(MonitoringVisitRecord.id)
    )
    return list(session.exec(query))


def parent_views(session: Session, child_id: int | None = None) -> list[ParentViewRecord]:
    query = select(ParentViewRecord)
    if child_id is not None:
        query = query.where(ParentViewRecord.child_id == child_id)
    return list(session.exec(query.order_by(ParentViewRecord.said_on, ParentViewRecord.id)))


def questions(session: Session, version: int | None = None) -> list[QuestionRecord]:
    query = select(QuestionRecord)
    if version is not None:
        query = query.where(QuestionRecord.version == version)
    return list(session.exec(query.order_by(QuestionRecord.version, QuestionRecord.position)))


def latest_question_version(session: Session) -> int:
    query = select(QuestionRecord.version).order_by(col(QuestionRecord.version).desc())
    return session.exec(query).first() or 0


def questionnaire_returns(
    session: Session, referral_id: int | None = None
) -> list[QuestionnaireReturnRecord]:
    query = select(QuestionnaireReturnRecord)
    if referral_id is not None:
        query = query.where(QuestionnaireReturnRecord.referral_id == referral_id)
    return list(
        session.exec(
            query.order_by(QuestionnaireReturnRecord.sent_on, QuestionnaireReturnRecord.id)
        )
    )


def answers(session: Session, return_ids: Iterable[int]) -> list[QuestionnaireAnswerRecord]:
    wanted = sorted(set(return_ids))
    if not wanted:
        return []
    query = select(QuestionnaireAnswerRecord).where(
        col(QuestionnaireAnswerRecord.return_id).in_(wanted)
    )
    return list(session.exec(query.order_by(QuestionnaireAnswerRecord.id)))


def steps_achieved(
    session: Session, child_ids: Iterable[int], first: date, last: date
) -> list[tuple[int, int]]:
    """(step id, child id) for small steps achieved between ``first`` and ``last``."""
    wanted = sorted(set(child_ids))
    if not wanted:
        return []
    query = (
        select(PlanStepRecord.id, PlanRecord.child_id)
        .join(PlanRecord, col(PlanRecord.id) == PlanStepRecord.plan_id)
        .where(col(PlanRecord.child_id).in_(wanted))
        .where(col(PlanStepRecord.achieved_on).is_not(None))
        .where(col(PlanStepRecord.achieved_on) >= first, col(PlanStepRecord.achieved_on) <= last)
        .order_by(PlanStepRecord.id)
    )
    return [(int(step or 0), int(child)) for step, child in session.exec(query)]


def _plain(model: type, *order: str, since: tuple[str, date] | None = None) -> Select:  # type: ignore[type-arg]
    """Every column of ``model``'s table as plain rows, read by name as the records would be:
    a large service has some 160,000 visits and 20,000 blocks, and building an ORM object for
    each took seconds. The snapshot only reads them."""
    table = model.__table__  # type: ignore[attr-defined]
    # When a row was written or last changed is never counted, and converting those times
    # (hundreds of thousands of them) cost most of a second.
    wanted = [c for c in table.columns if c.name not in ("created_at", "updated_at")]
    query = sa_select(*wanted)
    if since is not None:
        query = query.where(table.c[since[0]] >= since[1])
    return query.order_by(*(table.c[name] for name in order))


def service_rows(session: Session, visits_since: date | None = None) -> dict[str, list]:  # type: ignore[type-arg]
    """Every row of a home-visiting service's own tables, read once for a check or a report
    (a service holds a few thousand visits a year, so one read beats a query per family)."""
    since = ("planned_on", visits_since) if visits_since is not None else None
    return {
        "referrals": session.execute(_plain(ReferralRecord, "id")).all(),
        "allocations": session.execute(_plain(AllocationRecord, "from_on")).all(),
        "blocks": session.execute(_plain(VisitBlockRecord, "start_on")).all(),
        "visits": session.execute(_plain(HomeVisitRecord, "planned_on", "id", since=since)).all(),
        "ends": session.execute(_plain(ServiceEndRecord, "ended_on")).all(),
        "closures": list(session.exec(select(ServiceClosureRecord))),
        "rules": list(
            session.exec(
                select(ServiceRuleRecord).order_by(
                    col(ServiceRuleRecord.effective_from), col(ServiceRuleRecord.id)
                )
            )
        ),
    }


def first_held_on(session: Session, referral_ids: Iterable[int] | None = None) -> dict[int, date]:
    """Each referral's first visit held (on or after the referral): one grouped query, where
    reading every visit of ten years to find it took over a second on a large service.
    ``referral_ids`` narrows it to those families (a day's caseloads, not ten years')."""
    visit, referral = HomeVisitRecord.__table__, ReferralRecord.__table__  # type: ignore[attr-defined]
    if referral_ids is not None:
        return _first_held(session, referral.c.id.in_(list(referral_ids)))
    query = (
        sa_select(referral.c.id, func.min(visit.c.planned_on))
        .join(visit, visit.c.child_id == referral.c.child_id)
        .where(visit.c.planned_on >= referral.c.referred_on, visit.c.status == "held")
        .group_by(referral.c.id)
    )
    return {int(rid): day for rid, day in session.execute(query)}


def earliest_block_start(session: Session, ending_from: date) -> date | None:
    """The first day of the earliest block ending on or after ``ending_from``."""
    block = VisitBlockRecord.__table__  # type: ignore[attr-defined]
    query = sa_select(func.min(block.c.start_on)).where(block.c.ends_on >= ending_from)
    return session.execute(query).scalar()


def first_held_before(session: Session, since: date) -> dict[int, date]:
    """The first visit held of each family referred before ``since``: what a report reading
    only recent visits cannot see for itself."""
    referral = ReferralRecord.__table__  # type: ignore[attr-defined]
    return _first_held(session, referral.c.referred_on < since)


def _first_held(session: Session, which: Any) -> dict[int, date]:
    # One index seek per family on (child, status, day); a join over a list of ids made
    # SQLite walk every held visit for each of them (eight seconds).
    visit, referral = HomeVisitRecord.__table__, ReferralRecord.__table__  # type: ignore[attr-defined]
    first = (
        sa_select(func.min(visit.c.planned_on))
        .where(visit.c.child_id == referral.c.child_id, visit.c.status == "held")
        .where(visit.c.planned_on >= referral.c.referred_on)
        .scalar_subquery()
    )
    wanted = sa_select(referral.c.id, first).where(which)
    return {int(rid): day for rid, day in session.execute(wanted) if day is not None}


def referred_children_names(session: Session) -> dict[int, str]:
    """Every referred child's id to the name the family uses, as plain rows: building
    thousands of child records for their names took a third of the service check's time."""
    c, r = ChildRecord.__table__, ReferralRecord.__table__  # type: ignore[attr-defined]
    query = sa_select(c.c.id, c.c.first_name, c.c.known_as, c.c.last_name)
    rows = session.execute(query.where(c.c.id.in_(sa_select(r.c.child_id))))
    return {int(i): f"{known or first} {last}" for i, first, known, last in rows}


def allocated_on(session: Session, on: date) -> list[Row]:  # type: ignore[type-arg]
    """The families allocated on ``on`` and not ended by then, with the child's names
    (referral_id, child_id, first_name, known_as, last_name): the Dashboard asks this every
    time it is shown, and reading every referral of ten years for it took half a second."""
    a, r = AllocationRecord.__table__, ReferralRecord.__table__  # type: ignore[attr-defined]
    c, e = ChildRecord.__table__, ServiceEndRecord.__table__  # type: ignore[attr-defined]
    ended = exists().where(e.c.referral_id == r.c.id, e.c.ended_on <= on)
    query = (
        sa_select(r.c.id.label("referral_id"), r.c.child_id, c.c.first_name, c.c.known_as)
        .add_columns(c.c.last_name)
        .select_from(a.join(r, r.c.id == a.c.referral_id).join(c, c.c.id == r.c.child_id))
        .where(a.c.from_on <= on, or_(a.c.until_on.is_(None), a.c.until_on > on), ~ended)
        .distinct()
        .order_by(r.c.id)
    )
    return list(session.execute(query))

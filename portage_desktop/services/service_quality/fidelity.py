"""Fidelity and dosage: how much of the Portage model families received in a period, per
family, per home visitor and for the service. Visits delivered against planned (and who
cancelled), minutes across the three model elements, blocks completed, how families left,
time from referral to first visit, notes written up on time and supervision frequency."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import HomeVisitRecord
from portage_desktop.services.home_visiting.caseloads import list_visitors
from portage_desktop.services.home_visiting.vocabulary import EndReason, VisitStatus
from portage_desktop.services.service_quality import supervision
from portage_desktop.services.service_quality.snapshot import ServiceSnapshot, load

# Ends that mean the family stopped before the service had done its work.
DROP_OUT = frozenset(
    {
        EndReason.FAMILY_REQUEST,
        EndReason.FAILED_VISITS,
        EndReason.PRACTICE_NOT_HAPPENING,
        EndReason.PARENT_NOT_PRESENT,
    }
)


@dataclass
class Dosage:
    """Counts over a set of visits; every count keeps the visit ids behind it."""

    planned: list[int] = field(default_factory=list)  # every visit due in the period
    held: list[int] = field(default_factory=list)
    cancelled_family: list[int] = field(default_factory=list)
    cancelled_service: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    on_time: list[int] = field(default_factory=list)
    minutes: list[int] = field(default_factory=lambda: [0, 0, 0])  # child-led, family, teaching

    def add(self, visit: HomeVisitRecord, snap: ServiceSnapshot) -> None:
        vid = visit.id or 0
        self.planned.append(vid)
        bucket = {
            VisitStatus.HELD: self.held,
            VisitStatus.CANCELLED_FAMILY: self.cancelled_family,
            VisitStatus.CANCELLED_SERVICE: self.cancelled_service,
            VisitStatus.FAILED: self.failed,
        }.get(VisitStatus(visit.status))
        if bucket is not None:
            bucket.append(vid)
        if visit.status == VisitStatus.HELD:
            if snap.written_on_time(visit):
                self.on_time.append(vid)
            for i, m in enumerate(
                (visit.minutes_child_led, visit.minutes_family_focus, visit.minutes_teaching)
            ):
                self.minutes[i] += m or 0

    @property
    def delivered_share(self) -> float | None:
        return len(self.held) / len(self.planned) if self.planned else None

    @property
    def element_shares(self) -> tuple[float, float, float] | None:
        total = sum(self.minutes)
        if not total:
            return None
        a, b, c = (m / total for m in self.minutes)
        return (a, b, c)


@dataclass(frozen=True)
class FamilyFidelity:
    referral_id: int
    child_name: str
    dosage: Dosage
    blocks_completed: tuple[int, ...]
    days_to_first_visit: int | None
    end_reason: EndReason | None
    dropped_out: bool


@dataclass(frozen=True)
class VisitorFidelity:
    visitor_id: int
    name: str
    dosage: Dosage
    supervision_ids: tuple[int, ...]
    weeks: float

    @property
    def supervisions_per_month(self) -> float:
        return len(self.supervision_ids) / self.weeks * 4.345 if self.weeks else 0.0


@dataclass(frozen=True)
class Fidelity:
    first: date
    last: date
    families: tuple[FamilyFidelity, ...]
    visitors: tuple[VisitorFidelity, ...]
    service: Dosage


def _due(visit: HomeVisitRecord, first: date, last: date) -> bool:
    """A visit counts in the period once its day has come (planned ones still to come do not)."""
    return first <= visit.planned_on <= last and not (
        visit.status == VisitStatus.PLANNED and visit.planned_on >= last
    )


def fidelity(
    db: Database, first: date, last: date, snap: ServiceSnapshot | None = None
) -> Fidelity:
    snap = snap or load(db)
    service = Dosage()
    by_visitor: dict[int, Dosage] = defaultdict(Dosage)
    families = []
    for referral in snap.referrals:
        mine = [x for x in snap.visits_of(referral) if _due(x, first, last)]
        end = snap.end_of(referral.id or 0)
        if not mine and (end is None or not first <= end.ended_on <= last):
            continue
        dosage = Dosage()
        for visit in mine:
            dosage.add(visit, snap)
            service.add(visit, snap)
            if visit.visitor_id is not None:
                by_visitor[visit.visitor_id].add(visit, snap)
        still_planned = {
            x.block_id for x in snap.visits_of(referral) if x.status == VisitStatus.PLANNED
        }
        blocks = tuple(
            b.id or 0
            for b in snap.blocks_of(referral.id or 0)
            if first <= b.ends_on <= last and b.id not in still_planned
        )
        held = snap.first_held_on(referral)
        reason = EndReason(end.reason) if end is not None and end.reason in set(EndReason) else None
        families.append(
            FamilyFidelity(
                referral.id or 0,
                snap.child_name(referral.child_id),
                dosage,
                blocks,
                (held - referral.referred_on).days if held else None,
                reason,
                reason in DROP_OUT,
            )
        )
    sessions = [
        x for x in supervision.all_sessions(db, since=first, until=last) if x.kind.is_supervision
    ]
    weeks = ((last - first).days + 1) / 7
    visitors = tuple(
        VisitorFidelity(
            vis.id,
            vis.name,
            by_visitor.get(vis.id, Dosage()),
            tuple(x.id for x in sessions if vis.id in x.visitor_ids),
            weeks,
        )
        for vis in list_visitors(db, include_inactive=True)
        if vis.id in by_visitor or any(vis.id in x.visitor_ids for x in sessions)
    )
    return Fidelity(first, last, tuple(families), visitors, service)

"""One read of a home-visiting service's records for the check, fidelity figures and the
annual report, with the questions they all ask of it (who was allocated on a day, when a family
started, which visits were written up on time)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from portage_desktop.data import service_quality_store as store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import (
    AllocationRecord,
    HomeVisitRecord,
    ReferralRecord,
    ServiceEndRecord,
    ServiceRuleRecord,
    VisitBlockRecord,
)
from portage_desktop.services.access import Permission, require
from portage_desktop.services.home_visiting.rules import (
    Closure,
    ServiceRules,
    add_working_days,
    closed_days,
    rules_from_rows,
)
from portage_desktop.services.home_visiting.vocabulary import VisitStatus


@dataclass
class ServiceSnapshot:
    referrals: list[ReferralRecord]
    allocations: list[AllocationRecord]
    blocks: list[VisitBlockRecord]
    visits: list[HomeVisitRecord]
    ends: list[ServiceEndRecord]
    closed: set[date]
    rule_rows: list[ServiceRuleRecord]
    names: dict[int, str]  # child id to the name the family uses
    # Read with only the visits from this day: the first visit held of a family referred
    # earlier is then looked up once, not found among the visits read.
    visits_since: date | None = None
    first_held_before: dict[int, date] = field(default_factory=dict)
    _end_by_referral: dict[int, ServiceEndRecord] = field(default_factory=dict)
    _visits_by_child: dict[int, list[HomeVisitRecord]] = field(default_factory=dict)
    _rules: dict[date, ServiceRules] = field(default_factory=dict)
    _write_up_due: dict[date, date] = field(default_factory=dict)  # a visit's day to its due day
    # Looked up per family: a whole-service report asks once for each of thousands of families,
    # and scanning every block or allocation each time made a large service's report take 20 s.
    _blocks_by_referral: dict[int, list[VisitBlockRecord]] = field(default_factory=dict)
    _allocations_by_referral: dict[int, list[AllocationRecord]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._end_by_referral = {e.referral_id: e for e in self.ends}
        by_child: dict[int, list[HomeVisitRecord]] = defaultdict(list)
        for visit in self.visits:
            by_child[visit.child_id].append(visit)
        self._visits_by_child = dict(by_child)
        blocks: dict[int, list[VisitBlockRecord]] = defaultdict(list)
        for block in self.blocks:
            blocks[block.referral_id].append(block)
        self._blocks_by_referral = dict(blocks)
        allocations: dict[int, list[AllocationRecord]] = defaultdict(list)
        for allocation in self.allocations:  # in the order read, as the callers expect
            allocations[allocation.referral_id].append(allocation)
        self._allocations_by_referral = dict(allocations)

    def blocks_of(self, referral_id: int) -> list[VisitBlockRecord]:
        return self._blocks_by_referral.get(referral_id, [])

    def allocations_of(self, referral_id: int) -> list[AllocationRecord]:
        return self._allocations_by_referral.get(referral_id, [])

    def rules(self, on: date) -> ServiceRules:
        """The rules on a day, worked out once per day (a year's visits ask for each day)."""
        if on not in self._rules:
            self._rules[on] = rules_from_rows(self.rule_rows, on)
        return self._rules[on]

    def end_of(self, referral_id: int) -> ServiceEndRecord | None:
        return self._end_by_referral.get(referral_id)

    def allocated_on(self, day: date) -> dict[int, AllocationRecord]:
        """Referral id to its allocation in force on ``day``, for families not ended by then."""
        found = {}
        for a in self.allocations:
            if a.from_on <= day and (a.until_on is None or a.until_on > day):
                end = self.end_of(a.referral_id)
                if end is None or end.ended_on > day:
                    found[a.referral_id] = a
        return found

    def visits_of(self, referral: ReferralRecord) -> list[HomeVisitRecord]:
        """The child's visits from this referral's date (a child referred twice keeps each
        referral's visits apart)."""
        return [
            x
            for x in self._visits_by_child.get(referral.child_id, [])
            if x.planned_on >= referral.referred_on
        ]

    def first_held_on(self, referral: ReferralRecord) -> date | None:
        """The day of the family's first visit held since the referral."""
        if self.visits_since is not None and referral.referred_on < self.visits_since:
            return self.first_held_before.get(referral.id or 0)
        held = (x for x in self.visits_of(referral) if x.status == VisitStatus.HELD)
        return next((x.planned_on for x in held), None)

    def write_up_due(self, visit: HomeVisitRecord) -> date:
        """Worked out once per day: a year's thousands of visits fall on a few hundred days."""
        day = visit.planned_on
        if day not in self._write_up_due:
            rules = self.rules(day)
            self._write_up_due[day] = add_working_days(day, rules.write_up_days, self.closed)
        return self._write_up_due[day]

    def written_on_time(self, visit: HomeVisitRecord) -> bool:
        return (
            visit.written_up_on is not None
            and bool(visit.shared_notes.strip() or visit.practise.strip())
            and visit.written_up_on <= self.write_up_due(visit)
        )

    def child_name(self, child_id: int) -> str:
        return self.names.get(child_id, "(removed)")


def load(db: Database, visits_since: date | None = None) -> ServiceSnapshot:
    """Everything, or (``visits_since``) only the visits from that day: a check on one day
    needs the last few weeks, not years of visits."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = store.service_rows(s, visits_since)
        names = store.referred_children_names(s)
        before = store.first_held_before(s, visits_since) if visits_since is not None else {}
    closures = [Closure(c.id or 0, c.first_day, c.last_day, c.label) for c in rows["closures"]]
    return ServiceSnapshot(
        rows["referrals"],
        rows["allocations"],
        rows["blocks"],
        rows["visits"],
        rows["ends"],
        closed_days(closures),
        rows["rules"],
        names,
        visits_since,
        before,
    )

"""What the children's records say for criteria 3, 4 and 5, and the plans for the application.

This is the one seam between the Stamp of Approval and the assessment, plans and reviews
features. The check and the wizard only see the plain objects below; :func:`children_evidence`
and :func:`plans_for_application` are the providers. Assessments, observations, professional
advice, profiles, activity plans and reviews with parents are kept, so criteria 3, 4 and 5 are
judged from them.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple, TypeVar

from portage_desktop.data import evidence_store, plan_store, review_store, stores
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services.access import Permission, require
from portage_desktop.services.dates import add_months
from portage_desktop.services.plan_vocabulary import GoalStatus, PlanKind, PlanStatus
from portage_desktop.services.vocabulary import SenStatus


class GoalArea(StrEnum):
    """The three areas a child's plans and goals should promote (criterion 4)."""

    PLAY = "play_personal"
    LEARNING = "learning_physical_communication"
    PARTICIPATION = "participation_inclusion"

    @property
    def label(self) -> str:
        return {
            "play_personal": tr("play and personal development"),
            "learning_physical_communication": tr(
                "learning, physical development and communication"
            ),
            "participation_inclusion": tr(
                "participation and inclusion in family and community life"
            ),
        }[self]


class ReviewEvidence(NamedTuple):
    held_on: date
    with_parents: bool
    goal_areas: frozenset[GoalArea]


class GoalEvidence(NamedTuple):
    """A long-term goal as criterion 4 sees it: its area, and whether it is still worked on
    (never its words, which stay in the child's record).

    Named tuples, not dataclasses, for the records read by the thousand: a large site reads
    thirteen thousand plans, and a frozen dataclass took four times as long to make each."""

    area: GoalArea
    written_on: date
    status: GoalStatus


class PlanEvidence(NamedTuple):
    """An activity plan as criterion 5 sees it: its kind, and when it was agreed and shared."""

    title: str
    kind: PlanKind
    status: PlanStatus
    started_on: date
    agreed_on: date | None
    shared_on: date | None
    area: GoalArea


T = TypeVar("T")


class _Details:
    """Every plan and goal of the children counted, read the first time anyone asks (the
    records counted, the application pack): the check itself needs only their counts."""

    def __init__(self, db: Database, on: date) -> None:
        self._db, self._on = db, on
        self._lock = threading.Lock()
        self._plans: dict[int, tuple[PlanEvidence, ...]] | None = None
        self._goals: dict[int, tuple[GoalEvidence, ...]] = {}

    def plans(self, child_id: int) -> tuple[PlanEvidence, ...]:
        self._load()
        assert self._plans is not None
        return self._plans.get(child_id, ())

    def goals(self, child_id: int) -> tuple[GoalEvidence, ...]:
        self._load()
        return self._goals.get(child_id, ())

    def _load(self) -> None:
        with self._lock:
            if self._plans is not None:
                return
            on, no_sen = self._on, SenStatus.NONE.value
            plans: dict[int, list[PlanEvidence]] = {}
            goals: dict[int, list[GoalEvidence]] = {}
            with self._db.session() as s:
                for (
                    child_id,
                    title,
                    kind,
                    status,
                    start,
                    agreed,
                    shared,
                    area,
                ) in evidence_store.evidence_plans(s, on, no_sen):
                    plans.setdefault(child_id, []).append(
                        PlanEvidence(
                            title,
                            _KINDS[kind],
                            _PLAN_STATUS[status],
                            start,
                            agreed if agreed and agreed <= on else None,
                            shared if shared and shared <= on else None,
                            _AREAS[area],
                        )
                    )
                for child_id, area, written, status in evidence_store.evidence_goals(s, on, no_sen):
                    goals.setdefault(child_id, []).append(
                        GoalEvidence(_AREAS[area], written, _GOAL_STATUS[status])
                    )
            self._goals = {child: tuple(rows) for child, rows in goals.items()}
            self._plans = {child: tuple(rows) for child, rows in plans.items()}


class _LazyRows(Sequence[T]):
    """One child's plans or goals from :class:`_Details`, read when first looked at."""

    def __init__(self, read: Callable[[int], tuple[T, ...]], child_id: int) -> None:
        self._read, self._child_id = read, child_id

    def _rows(self) -> tuple[T, ...]:
        return self._read(self._child_id)

    def __getitem__(self, index: int) -> T:  # type: ignore[override]
        return self._rows()[index]

    def __len__(self) -> int:
        return len(self._rows())

    def __iter__(self) -> Iterator[T]:
        return iter(self._rows())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class ChildrenEvidence:
    """One child with SEND on roll, and what their records show.

    The counts are what criteria 3 to 5 judge; the name, goals and plans are there so the
    check can name the child and list the records it counted. Read from the records, the
    goals and plans are read only when listed, and ``plan_kinds`` and ``active_goal_areas``
    (counted in the database) stand in for them in the check; given by hand (``None``),
    they are worked out from the goals and plans.
    """

    child_id: int
    assessment_materials: tuple[str, ...] = ()
    has_active_plan: bool = False
    reviews: tuple[ReviewEvidence, ...] = ()
    plans: int = 0
    plans_agreed_with_parents: int = 0
    plans_shared_with_family: int = 0
    name: str = ""
    goals: Sequence[GoalEvidence] = ()
    plan_list: Sequence[PlanEvidence] = ()
    plan_kinds: tuple[tuple[PlanKind, int], ...] | None = None
    active_goal_areas: frozenset[GoalArea] | None = None

    @property
    def who(self) -> str:
        return self.name or tr("Child {child_id}").format(child_id=self.child_id)

    @property
    def kinds(self) -> tuple[tuple[PlanKind, int], ...]:
        """How many plans of each kind (criterion 5 counts them by kind)."""
        if self.plan_kinds is not None:
            return self.plan_kinds
        return tuple(Counter(plan.kind for plan in self.plan_list).items())

    @property
    def goal_areas(self) -> frozenset[GoalArea]:
        """The areas this child has an active goal in."""
        if self.active_goal_areas is not None:
            return self.active_goal_areas
        return frozenset(g.area for g in self.goals if g.status is GoalStatus.ACTIVE)


@dataclass(frozen=True)
class EvidenceBundle:
    children: tuple[ChildrenEvidence, ...]
    assessments_kept: bool
    reviews_kept: bool
    plans_kept: bool


@dataclass(frozen=True)
class PlanForApplication:
    """A plan as it would be printed, before anonymisation: everything it might reveal.

    The identifying fields are listed separately so :mod:`services.anonymise` can find them in
    the free text and replace them.
    """

    id: int
    child_first_name: str
    child_last_name: str
    known_as: str
    date_of_birth: date | None
    address: str
    family_names: tuple[str, ...]
    other_children: tuple[str, ...]
    goal_area: GoalArea
    kind: str
    goal: str
    target: str
    steps: tuple[str, ...]
    how_to_help: str
    agreed_with_parent: str
    started_on: date | None
    review_on: date | None
    has_photos: bool = False
    # Beside ``family_names``, each one's relationship to the child ("Mum", "Sister"), so a
    # replacement reads "the child's sister" rather than a bare label.
    family_relationships: tuple[str, ...] = ()

    @property
    def chooser_text(self) -> str:
        """How the plan is named in the wizard (inside the setting, so names are fine here)."""
        return f"{self.child_first_name} {self.child_last_name}: {self.goal}"


# Stored codes to their enums by dictionary: calling an enum per row is slow on a large site.
_AREAS = {a.value: a for a in GoalArea}
_KINDS = {k.value: k for k in PlanKind}
_PLAN_STATUS = {k.value: k for k in PlanStatus}
_GOAL_STATUS = {k.value: k for k in GoalStatus}


def children_evidence(db: Database, on: date) -> EvidenceBundle:
    """Children with SEND on roll on ``on``, the assessment materials used with each, and
    their plans (how many of each kind, agreed with a parent, shared with the family, any
    active) and the areas of their active goals, counted in the database.

    And the reviews held with parents, with the goal areas of the plans discussed. One grouped
    query per kind of record, whatever the number of children; each plan and goal is read only
    if the records counted are listed (on three times the large site, reading them all was
    most of the check).
    """
    no_sen = SenStatus.NONE.value
    with db.session() as s:
        on_roll = evidence_store.children_on_roll(s)
        materials = evidence_store.assessment_materials(s, on)
        counts: dict[int, list[tuple[PlanKind, int, int, int, int]]] = {}
        for child_id, kind, total, agreed, shared, active in evidence_store.plan_counts(
            s, on, no_sen
        ):
            counts.setdefault(child_id, []).append((_KINDS[kind], total, agreed, shared, active))
        goal_areas: dict[int, set[GoalArea]] = {}
        for child_id, area in evidence_store.active_goal_areas(s, on, no_sen):
            goal_areas.setdefault(child_id, set()).add(_AREAS[area])
        areas: dict[int, set[GoalArea]] = {}
        # Every criterion counts the reviews of the last 12 months only; years of older ones
        # made the Stamp page and the wizard freeze the window on a large site.
        year_ago = add_months(on, -12)
        for review_id, area in review_store.held_review_areas(
            s, on, on_roll_only=True, after=year_ago
        ):
            areas.setdefault(review_id, set()).add(_AREAS[area])
        reviews: dict[int, list[ReviewEvidence]] = {}
        for review_id, child_id, held_on, parents in review_store.held_review_ids(
            s, on, on_roll_only=True, after=year_ago
        ):
            reviews.setdefault(child_id, []).append(
                ReviewEvidence(held_on, bool(parents.strip()), frozenset(areas.get(review_id, ())))
            )
    details = _Details(db, on)
    children = []
    for child_id, sen_status, born, name in on_roll:
        if sen_status == SenStatus.NONE.value or born > on:
            continue
        kinds = sorted(counts.get(child_id, []), key=lambda row: row[0].value)
        children.append(
            ChildrenEvidence(
                child_id,
                assessment_materials=tuple(sorted(materials.get(child_id, ()))),
                has_active_plan=any(active for *_rest, active in kinds),
                reviews=tuple(sorted(reviews.get(child_id, []), key=lambda r: r.held_on)),
                plans=sum(total for _kind, total, *_rest in kinds),
                plans_agreed_with_parents=sum(row[2] for row in kinds),
                plans_shared_with_family=sum(row[3] for row in kinds),
                name=name,
                goals=_LazyRows(details.goals, child_id),
                plan_list=_LazyRows(details.plans, child_id),
                plan_kinds=tuple((kind, total) for kind, total, *_rest in kinds),
                active_goal_areas=frozenset(goal_areas.get(child_id, ())),
            )
        )
    return EvidenceBundle(
        tuple(children), assessments_kept=True, reviews_kept=True, plans_kept=True
    )


APPLICATION_CHOICES = 60


def plans_for_application(db: Database) -> list[PlanForApplication]:
    """The newest plans (not stopped) that could be attached to the application, with every
    identifying detail filled in so anonymisation can find and replace it.

    Addresses are not kept in the app, so that field is empty; the other children a plan might
    name are the other children on roll.
    """
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        # Plain rows: the children list's own entries (key person, needs) cost 130 ms to make
        # for a site of three thousand children, for the five fields used here.
        children = {r.id: r for r in stores.children_list_rows(s, include_archived=True)}
        rows = plan_store.recent_plans(s, APPLICATION_CHOICES)
        ids = [r.id or 0 for r in rows]
        steps: dict[int, list[str]] = {}
        for step in plan_store.steps(s, ids):
            steps.setdefault(step.plan_id, []).append(step.text)
        goals = plan_store.goals_by_id(s, list({r.goal_id for r in rows}))
        family = plan_store.family_members(s, list({r.child_id for r in rows}))
    # Whole names and names known by: a plan may name another child by surname or nickname.
    everyone = {
        c.id: tuple(n for n in (f"{c.first_name} {c.last_name}", c.known_as) if n.strip())
        for c in children.values()
    }
    held_by = Counter(n for names in everyone.values() for n in set(names))
    every_name = tuple(sorted(held_by))
    others: dict[int, tuple[str, ...]] = {}

    def other_children(child_id: int) -> tuple[str, ...]:
        """Every other child's names, sorted (worked out once per child, not per plan)."""
        if child_id not in others:
            own = {n for n in everyone.get(child_id, ()) if held_by[n] == 1}
            others[child_id] = tuple(n for n in every_name if n not in own)
        return others[child_id]

    out = []
    for row in rows:
        child = children[row.child_id]
        goal = goals[row.goal_id]
        outcome = row.kind == "outcome"
        target = (
            " ".join(x for x in (row.behaviour, row.conditions, row.criterion) if x)
            if outcome
            else row.purpose
        )
        help_text = (
            "\n".join(x for x in (row.routines, row.prompt_fading, row.praise) if x)
            if outcome
            else "\n".join(x for x in (row.play_ideas, row.to_notice) if x)
        )
        out.append(
            PlanForApplication(
                id=row.id or 0,
                child_first_name=child.first_name,
                child_last_name=child.last_name,
                known_as=child.known_as,
                date_of_birth=child.date_of_birth,
                address="",
                family_names=tuple(n for n, _r in family.get(row.child_id, [])),
                family_relationships=tuple(r for _n, r in family.get(row.child_id, [])),
                other_children=other_children(child.id),
                goal_area=GoalArea(goal.area),
                kind="Outcome-focused" if outcome else "Open-ended",
                goal=goal.text,
                target=target,
                steps=tuple(steps.get(row.id or 0, [])),
                how_to_help=help_text,
                agreed_with_parent=row.agreed_with,
                started_on=row.start_on,
                review_on=row.review_on,
            )
        )
    return out

"""What the children's records say for criteria 3, 4 and 5, and the plans for the application.

This is the one seam between the Stamp of Approval and the assessment, plans and reviews
features. The check and the wizard only see the plain objects below; :func:`children_evidence`
and :func:`plans_for_application` are the providers. Assessments, observations, professional
advice and profiles are kept, so criterion 3 is judged from them; plans and reviews are not
kept yet, so those flags stay ``False`` and the check asks for the manager's statement instead
of guessing. When they arrive, only these two functions change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import evidence_store
from portage_desktop.data.engine import Database
from portage_desktop.services import children as children_service
from portage_desktop.services.vocabulary import SenStatus


class GoalArea(StrEnum):
    """The three areas a child's plans and goals should promote (criterion 4)."""

    PLAY = "play_personal"
    LEARNING = "learning_physical_communication"
    PARTICIPATION = "participation_inclusion"

    @property
    def label(self) -> str:
        return {
            "play_personal": "play and personal development",
            "learning_physical_communication": "learning, physical development and communication",
            "participation_inclusion": "participation and inclusion in family and community life",
        }[self]


@dataclass(frozen=True)
class ReviewEvidence:
    held_on: date
    with_parents: bool
    goal_areas: frozenset[GoalArea]


@dataclass(frozen=True)
class ChildrenEvidence:
    """One child with SEND on roll, and what their records show."""

    child_id: int
    assessment_materials: tuple[str, ...] = ()
    has_active_plan: bool = False
    reviews: tuple[ReviewEvidence, ...] = ()
    plans: int = 0
    plans_agreed_with_parents: int = 0
    plans_shared_with_family: int = 0


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

    @property
    def chooser_text(self) -> str:
        """How the plan is named in the wizard (inside the setting, so names are fine here)."""
        return f"{self.child_first_name} {self.child_last_name}: {self.goal}"


def children_evidence(db: Database, on: date) -> EvidenceBundle:
    """Children with SEND on roll on ``on`` and the assessment materials used with each.

    Plans and reviews are not kept in the app yet, so criteria 4 and 5 still rest on the
    manager's statement.
    """
    with db.session() as s:
        materials = evidence_store.assessment_materials(s, on)
    children = [
        ChildrenEvidence(child.id, assessment_materials=tuple(sorted(materials.get(child.id, ()))))
        for child in children_service.list_children(db)
        if child.sen_status is not SenStatus.NONE and child.date_of_birth <= on
    ]
    return EvidenceBundle(
        tuple(children), assessments_kept=True, reviews_kept=False, plans_kept=False
    )


def plans_for_application(db: Database) -> list[PlanForApplication]:
    """Plans that could be attached to the application; none until plans are kept in the app."""
    return []

"""The few first steps that make a new setting's records useful, in the order they are done,
each ticked once its record exists: shown on the Dashboard until all are done."""

from __future__ import annotations

from dataclasses import dataclass

from portage_desktop.data import first_steps_store
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services.access import Permission, require


@dataclass(frozen=True)
class FirstStep:
    key: str  # what the screen opens: "staff", "training", "child" or a record tab's name
    text: str
    done: bool


STEPS = (
    ("staff", tr("Add your staff")),
    ("training", tr("Record their Portage training")),
    ("child", tr("Add a child")),
    ("consent", tr("Record the parents' consent")),
    ("profile", tr("Write the child's one-page profile with the family")),
    ("assessment", tr("Make a first assessment with the parents")),
    ("plan", tr("Agree a goal and an activity plan")),
    ("review", tr("Hold a review with the parents")),
)


@dataclass(frozen=True)
class FirstSteps:
    steps: tuple[FirstStep, ...]
    child_id: int | None  # whose record the child steps open; None before a child is added

    @property
    def all_done(self) -> bool:
        return all(step.done for step in self.steps)

    @property
    def done_count(self) -> int:
        return sum(step.done for step in self.steps)


def first_steps(db: Database) -> FirstSteps:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        made = first_steps_store.made(s)
        child = first_steps_store.first_child_id(s)
    return FirstSteps(tuple(FirstStep(k, text, made[k]) for k, text in STEPS), child)

"""The fixed words of goals and activity plans, with the labels the screens and prints use."""

from __future__ import annotations

from enum import StrEnum

from portage_desktop.i18n import tr

DEFAULT_PROMPTS = (
    tr("Full physical"),
    tr("Partial physical"),
    tr("Model"),
    tr("Gesture"),
    tr("Verbal"),
    tr("Independent"),
)


class PlanKind(StrEnum):
    OUTCOME = "outcome"
    OPEN = "open"

    @property
    def label(self) -> str:
        return {"outcome": tr("Outcome-focused (small steps)"), "open": tr("Open-ended (play)")}[
            self
        ]


class TeachingMethod(StrEnum):
    DEMONSTRATION = "demonstration"
    SHAPING = "shaping"
    FORWARD = "forward_chaining"
    BACKWARD = "backward_chaining"
    WHOLE = "whole_task"

    @property
    def label(self) -> str:
        return {
            "demonstration": tr("Demonstration (show, then the child has a go)"),
            "shaping": tr("Shaping (praise each try that gets closer)"),
            "forward_chaining": tr("Forward chaining (child does the first part, you finish)"),
            "backward_chaining": tr("Backward chaining (you start, child does the last part)"),
            "whole_task": tr("Whole task (practise it all, help where needed)"),
        }[self]

    @property
    def short(self) -> str:
        return self.label.split(" (")[0]


class Who(StrEnum):
    SETTING = "setting"
    HOME = "home"
    BOTH = "both"

    @property
    def label(self) -> str:
        return {
            "setting": tr("At the setting"),
            "home": tr("At home"),
            "both": tr("At home and the setting"),
        }[self]


class PlanStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    CHANGED = "changed"
    STOPPED = "stopped"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    CHANGED = "changed"
    STOPPED = "stopped"

    @property
    def label(self) -> str:
        return {
            "active": tr("Working on it"),
            "achieved": tr("Achieved"),
            "changed": tr("Changed"),
            "stopped": tr("Stopped"),
        }[self]


class RecordedBy(StrEnum):
    PRACTITIONER = "practitioner"
    PARENT = "parent"

    @property
    def label(self) -> str:
        return self.value.capitalize()


PARENT_METHOD_WORDS = {
    TeachingMethod.DEMONSTRATION: tr("Show your child first, then let them have a go."),
    TeachingMethod.SHAPING: tr(
        "Praise every try that gets a little closer, even if it is not quite right yet."
    ),
    TeachingMethod.FORWARD: tr("Let your child do the first part, then help them finish."),
    TeachingMethod.BACKWARD: tr(
        "Help with the start, and let your child do the last part "
        "themselves, so they finish it every time."
    ),
    TeachingMethod.WHOLE: tr("Do the whole thing together each time, and help only where needed."),
}

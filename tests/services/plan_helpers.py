"""A child with a goal and plans, built through the services as the screens do."""

from __future__ import annotations

from datetime import date

from portage_desktop.services import children as children_service
from portage_desktop.services import goals as goals_service
from portage_desktop.services import plans as plans_service
from portage_desktop.services.children import ChildInput
from portage_desktop.services.goals import GoalInput
from portage_desktop.services.plan_vocabulary import (
    DEFAULT_PROMPTS,
    PlanKind,
    TeachingMethod,
    Who,
)
from portage_desktop.services.plans import PlanInput, Step
from portage_desktop.services.stamp_evidence import GoalArea

TODAY = date(2026, 11, 22)
START = date(2026, 11, 2)

CHART_TEXTS = {
    "behaviour": "Amy will put her coat on",
    "conditions": "when we say 'coat on' at home time, with the coat held open",
    "criterion": "4 out of 5 times on 3 days in a row",
    "routines": "At home time, by the door",
    "if_hard": "Help her arms in and let her pull it up",
    "praise": "Clap and say 'coat on, well done Amy!'",
}


def add_child(db, first: str = "Amy", last: str = "Lee") -> int:
    return children_service.save_child(
        db, ChildInput(first, last, date(2023, 3, 1)), today=TODAY
    ).id


def add_goal(db, child_id: int, area: GoalArea = GoalArea.PLAY) -> int:
    data = GoalInput(
        area=area,
        text="We would like Amy to get ready to go outside by herself",
        written_with="Jo Lee (Mum)",
        written_on=START,
        target_date=date(2027, 7, 1),
    )
    return goals_service.save_goal(db, child_id, data, today=TODAY)


def outcome_input(goal_id: int, **changes) -> PlanInput:
    values = {
        "goal_id": goal_id,
        "kind": PlanKind.OUTCOME,
        "title": "Coat on",
        "start_on": START,
        "review_on": date(2027, 2, 1),
        "who": Who.BOTH,
        "method": TeachingMethod.BACKWARD,
        "prompts": DEFAULT_PROMPTS,
        "target_prompt": "Independent",
        "agreed_with": "Jo Lee (Mum)",
        "agreed_on": START,
        "steps": (
            Step("Pulls the coat up from the elbows"),
            Step("Puts the second arm in"),
            Step("Puts both arms in"),
        ),
        "texts": dict(CHART_TEXTS),
    }
    values.update(changes)
    return PlanInput(**values)


def add_plan(db, child_id: int, goal_id: int, **changes) -> int:
    return plans_service.save_plan(db, child_id, outcome_input(goal_id, **changes), today=TODAY)

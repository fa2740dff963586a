"""What a plan's printed sheets need, read in one session: the child's name, the plan (the one
asked for, or the current one), its goal's area and the check on its current small step.

Printing reads only what the sheet shows and writes no "viewed" entry: the print itself is
audited once, as a print, by :func:`portage_desktop.printing.kinds.print_record`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import plan_store
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services.access import Permission, require
from portage_desktop.services.plan_progress import CriterionCheck
from portage_desktop.services.plan_records import current_step_check
from portage_desktop.services.plan_vocabulary import PlanKind, PlanStatus
from portage_desktop.services.plans import Plan, load_plans
from portage_desktop.services.record_rows import ensure_child
from portage_desktop.services.stamp_evidence import GoalArea


class NoPlanError(Exception):
    """The child has no plan that can be printed; the message says what to do."""


@dataclass(frozen=True)
class PlanForPrint:
    child_name: str
    plan: Plan
    goal_area: GoalArea | None
    check: CriterionCheck | None


def current_plan(plans: list[Plan]) -> Plan | None:
    """The newest active outcome-focused plan, else the newest active plan, else the newest."""
    newest = sorted(plans, key=lambda p: (p.data.start_on or date.min, p.id), reverse=True)
    active = [p for p in newest if p.status is PlanStatus.ACTIVE]
    outcome = [p for p in active if p.kind is PlanKind.OUTCOME]
    return next(iter(outcome or active or newest), None)


def plan_for_print(db: Database, child_id: int, plan_id: int | None) -> PlanForPrint:
    """The plan ``plan_id`` of the child (``None``: the current one), with what its sheets show."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        child = ensure_child(s, child_id)
        name = f"{child.known_as or child.first_name} {child.last_name}"
        plans = load_plans(s, child_id, plan_id)
        plan = plans[0] if plan_id is not None and plans else current_plan(plans)
        if plan is None:
            if plan_id is not None:
                raise NoPlanError(
                    tr("{name} has no plan number {plan_id}.").format(name=name, plan_id=plan_id)
                )
            raise NoPlanError(
                tr("{name} has no activity plans yet: add one on the Goals and plans tab.").format(
                    name=name
                )
            )
        goal = plan_store.goals_by_id(s, [plan.data.goal_id]).get(plan.data.goal_id)
        check = current_step_check(plan, plan_store.entries(s, plan.id))
    return PlanForPrint(name, plan, GoalArea(goal.area) if goal else None, check)

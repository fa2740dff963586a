"""The plan library (reusable plans with no personal data), copying a plan into a new period,
and the setting's prompt list (an editable, dated default)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date

from portage_desktop.data import assessment_store, plan_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.assessment import FamilyMemberRecord
from portage_desktop.data.models.plans import PlanOptionRecord, PlanTemplateRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.plan_vocabulary import (
    DEFAULT_PROMPTS,
    PlanKind,
    PlanStatus,
    TeachingMethod,
    Who,
)
from portage_desktop.services.plans import TEXTS, PlanInput, Step, get_plan, save_plan
from portage_desktop.services.stamp_evidence import GoalArea

PROMPTS_KEY = "prompts"


@dataclass(frozen=True)
class Template:
    id: int
    name: str
    area: GoalArea
    kind: PlanKind
    data: PlanInput


def _without_names(text: str, names: list[str]) -> str:
    for name in sorted({n for n in names if len(n) > 1}, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", "the child", text, flags=re.IGNORECASE)
    return text


def save_as_template(db: Database, child_id: int, plan_id: int, name: str) -> int:
    """Store the plan's content under ``name`` with the child's and family's names taken out,
    and without dates, agreement or records."""
    require(db, Permission.EDIT_CHILDREN)
    errors: dict[str, str] = {}
    v.refuse_hidden_value(errors, "name", name)
    clean_name = v.required_name(errors, "name", name, tr("name for the library"))
    if errors:
        raise ValidationError(errors)
    plan = get_plan(db, child_id, plan_id)
    with db.session() as s:
        child = s.get(ChildRecord, child_id)
        assert child is not None
        family = assessment_store.child_rows(s, FamilyMemberRecord, child_id)
        names = [f"{child.first_name} {child.last_name}", child.first_name, child.last_name]
        names += [child.known_as, f"{child.known_as} {child.last_name}"]
        names += [w for m in family for w in m.name.split()]
        goal = plan_store.goals_by_id(s, [plan.data.goal_id])[plan.data.goal_id]
        d = plan.data
        content = {
            "title": _without_names(d.title, names),
            "who": d.who.value,
            "method": d.method.value if d.method else "",
            "prompts": list(d.prompts),
            "target_prompt": d.target_prompt,
            "numbers": [d.successes_needed, d.tries_out_of, d.days_in_row],
            "steps": [_without_names(st.text, names) for st in d.steps],
            "texts": {k: _without_names(d.texts.get(k, ""), names) for k in TEXTS},
        }
        row = PlanTemplateRecord(
            name=_without_names(clean_name, names),
            area=goal.area,
            kind=d.kind.value,
            content=json.dumps(content),
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "plan_template", row.id, f"from plan {plan_id}")
        return row.id or 0


def list_templates(db: Database) -> list[Template]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = plan_store.templates(s)
    out = []
    for row in rows:
        c = json.loads(row.content)
        data = PlanInput(
            goal_id=0,
            kind=PlanKind(row.kind),
            title=c["title"],
            start_on=None,
            review_on=None,
            who=Who(c["who"]),
            method=TeachingMethod(c["method"]) if c["method"] else None,
            prompts=tuple(c["prompts"]),
            target_prompt=c["target_prompt"],
            successes_needed=c["numbers"][0],
            tries_out_of=c["numbers"][1],
            days_in_row=c["numbers"][2],
            steps=tuple(Step(t) for t in c["steps"]),
            texts=dict(c["texts"]),
        )
        out.append(Template(row.id or 0, row.name, GoalArea(row.area), PlanKind(row.kind), data))
    return out


def copy_plan(
    db: Database, child_id: int, plan_id: int, start_on: date | None, review_on: date | None
) -> int:
    """A new plan for a new period: the same content, carrying on from the step not yet
    learnt; the old plan is marked changed, so only one of them is active."""
    plan = get_plan(db, child_id, plan_id)
    unmet = tuple(Step(st.text) for st in plan.data.steps if st.achieved_on is None)
    data = replace(
        plan.data,
        start_on=start_on,
        review_on=review_on,
        agreed_with="",
        agreed_on=None,
        status=PlanStatus.ACTIVE,
        steps=unmet or tuple(Step(st.text) for st in plan.data.steps[-1:]),
    )
    new_id = save_plan(db, child_id, data)
    if plan.status is PlanStatus.ACTIVE:
        save_plan(db, child_id, replace(plan.data, status=PlanStatus.CHANGED), plan_id)
    return new_id


def prompt_list(db: Database, on: date | None = None) -> tuple[str, ...]:
    """The prompts in force on ``on``, from most help to none."""
    with db.session() as s:
        rows = plan_store.options(s, PROMPTS_KEY)
    day = on or date.today()
    chosen = [r for r in rows if r.effective_from <= day]
    return tuple(json.loads(chosen[-1].value)) if chosen else DEFAULT_PROMPTS


def save_prompt_list(db: Database, prompts: list[str], effective_from: date | None) -> None:
    """A new prompt list from a date; plans keep the list they were written with."""
    actor = require(db, Permission.EDIT_SETTING)
    cleaned = [v.clean(p) for p in prompts if v.clean(p)]
    errors: dict[str, str] = {}
    v.refuse_hidden_value(errors, "prompts", prompts)
    if len(cleaned) < 2:
        errors["prompts"] = tr("Please list at least two prompts, from most help to none.")
    elif len({p.casefold() for p in cleaned}) != len(cleaned) or len(cleaned) > 12:
        errors["prompts"] = tr("Please list up to 12 prompts, each once.")
    elif any(len(p) > 60 for p in cleaned):
        errors["prompts"] = tr("A prompt name is too long (60 characters at most).")
    if effective_from is None:
        errors["effective_from"] = tr("Please enter the date this list applies from.")
    if errors:
        raise ValidationError(errors)
    assert effective_from is not None
    with db.session() as s:
        row = PlanOptionRecord(
            key=PROMPTS_KEY,
            value=json.dumps(cleaned),
            effective_from=effective_from,
            changed_by=actor.username,
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "rule", row.id, PROMPTS_KEY)

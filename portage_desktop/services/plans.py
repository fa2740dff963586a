"""Activity plans towards a goal: outcome-focused (target, small steps, teaching method,
prompts) or open-ended (purpose, play ideas, what to notice), and the rules they keep."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date

from portage_desktop.data import plan_store, stores
from portage_desktop.data.engine import Database, DbSession
from portage_desktop.data.models import utc_now
from portage_desktop.data.models.plans import GoalRecord, PlanRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.plan_progress import Criterion
from portage_desktop.services.plan_vocabulary import PlanKind, PlanStatus, TeachingMethod, Who
from portage_desktop.services.profiles import clean_paragraphs
from portage_desktop.services.record_rows import ensure_child

MAX_STEPS = 30
# Paragraph fields and their limits; the same names are used by the dialog and the library.
TEXTS: dict[str, int] = {
    "behaviour": 500,
    "conditions": 500,
    "criterion": 300,
    "prompt_fading": 1000,
    "materials": 1000,
    "routines": 1000,
    "if_hard": 1000,
    "praise": 1000,
    "recording_method": 500,
    "purpose": 1000,
    "play_ideas": 2000,
    "to_notice": 1000,
    "general_people": 500,
    "general_places": 500,
    "general_materials": 500,
}


@dataclass(frozen=True)
class Step:
    """A small step; ``id`` is ``None`` for a step not saved yet."""

    text: str
    id: int | None = None
    started_on: date | None = None
    achieved_on: date | None = None


@dataclass(frozen=True)
class PlanInput:
    """Everything the plan dialog edits. Text fields not used by the kind are kept as typed."""

    goal_id: int
    kind: PlanKind
    title: str
    start_on: date | None
    review_on: date | None
    who: Who = Who.BOTH
    method: TeachingMethod | None = None
    prompts: tuple[str, ...] = ()
    target_prompt: str = ""
    successes_needed: int = 4
    tries_out_of: int = 5
    days_in_row: int = 3
    agreed_with: str = ""
    agreed_on: date | None = None
    status: PlanStatus = PlanStatus.ACTIVE
    steps: tuple[Step, ...] = ()
    texts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    id: int
    child_id: int
    data: PlanInput
    goal_text: str
    record_count: int
    shared_on: date | None
    version: int = 1  # the stored row_version, handed back when saving a change

    @property
    def kind(self) -> PlanKind:
        return self.data.kind

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def status(self) -> PlanStatus:
        return self.data.status

    @property
    def current_step(self) -> Step | None:
        """The first small step not yet achieved (none when all are, or for open-ended)."""
        return next((s for s in self.data.steps if s.achieved_on is None), None)

    @property
    def criterion(self) -> Criterion:
        d = self.data
        return Criterion(d.successes_needed, d.tries_out_of, d.days_in_row, d.target_prompt)

    def text(self, name: str) -> str:
        return self.data.texts.get(name, "")

    @property
    def ready_to_print(self) -> bool:
        return not missing_for_chart(self.data)


def missing_for_chart(data: PlanInput) -> list[str]:
    """What an outcome-focused plan still needs before its home chart can be printed."""
    if data.kind is not PlanKind.OUTCOME:
        return []
    wanted = (
        ("behaviour", tr("what the child will do")),
        ("conditions", tr("when and with what help")),
    )
    missing = [words for key, words in wanted if not data.texts.get(key, "").strip()]
    if not data.texts.get("criterion", "").strip():
        missing.append(tr("how well (the criterion)"))
    return missing


def validate_plan(data: PlanInput, today: date) -> tuple[dict[str, object], list[Step]]:
    """Check the plan; returns the row values and the cleaned small steps."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    title = v.required_name(errors, "title", data.title, tr("plan's short name"))
    texts = {k: clean_paragraphs(data.texts.get(k, "")) for k in TEXTS}
    for key, limit in TEXTS.items():
        if len(texts[key]) > limit:
            errors[key] = tr("This is too long (at most {limit:,} characters).").format(limit=limit)
    if data.start_on is None:
        errors["start_on"] = tr("Please enter the start date.")
    if data.review_on is None:
        errors["review_on"] = tr("Please enter the date to review the plan.")
    v.not_before(
        errors,
        "review_on",
        data.review_on,
        data.start_on,
        tr("The review must be after the start."),
    )
    if data.agreed_on is not None and data.agreed_on > today:
        errors["agreed_on"] = tr("The date agreed cannot be in the future.")
    if data.agreed_on is not None and not v.clean(data.agreed_with):
        errors["agreed_with"] = tr("Please say which parent agreed the plan.")
    steps = [replace(s, text=v.clean(s.text)) for s in data.steps if v.clean(s.text)]
    if data.kind is PlanKind.OUTCOME:
        if not steps:
            errors["steps"] = tr("Please add at least one small step.")
        elif len(steps) > MAX_STEPS:
            errors["steps"] = tr("Please keep to {MAX_STEPS} small steps or fewer.").format(
                MAX_STEPS=MAX_STEPS
            )
        elif any(len(s.text) > 400 for s in steps):
            errors["steps"] = tr("A small step is too long (at most 400 characters).")
        if not 1 <= data.successes_needed <= data.tries_out_of <= 20:
            errors["criterion"] = tr("Successes needed must be between 1 and the number of tries.")
        if not 1 <= data.days_in_row <= 10:
            errors["criterion"] = tr("Days in a row must be between 1 and 10.")
    if errors:
        raise ValidationError(errors)
    values: dict[str, object] = {
        "goal_id": data.goal_id,
        "kind": PlanKind(data.kind).value,
        "title": title,
        "start_on": data.start_on,
        "review_on": data.review_on,
        "who": Who(data.who).value,
        "method": TeachingMethod(data.method).value if data.method else "",
        "prompts": json.dumps(list(data.prompts)),
        "target_prompt": v.clean(data.target_prompt),
        "successes_needed": data.successes_needed,
        "tries_out_of": data.tries_out_of,
        "days_in_row": data.days_in_row,
        "agreed_with": v.clean(data.agreed_with),
        "agreed_on": data.agreed_on,
        "status": PlanStatus(data.status).value,
        **texts,
    }
    return values, steps


def to_plan(row: PlanRecord, steps: list[Step], goal_text: str, count: int) -> Plan:
    data = PlanInput(
        goal_id=row.goal_id,
        kind=PlanKind(row.kind),
        title=row.title,
        start_on=row.start_on,
        review_on=row.review_on,
        who=Who(row.who),
        method=TeachingMethod(row.method) if row.method else None,
        prompts=tuple(json.loads(row.prompts or "[]")),
        target_prompt=row.target_prompt,
        successes_needed=row.successes_needed,
        tries_out_of=row.tries_out_of,
        days_in_row=row.days_in_row,
        agreed_with=row.agreed_with,
        agreed_on=row.agreed_on,
        status=PlanStatus(row.status),
        steps=tuple(steps),
        texts={k: getattr(row, k) for k in TEXTS},
    )
    return Plan(row.id or 0, row.child_id, data, goal_text, count, row.shared_on, row.row_version)


def load_plans(s: DbSession, child_id: int, plan_id: int | None = None) -> list[Plan]:
    rows = plan_store.plans(s, child_id, plan_id)
    ids = [r.id or 0 for r in rows]
    steps: dict[int, list[Step]] = {i: [] for i in ids}
    for st in plan_store.step_rows(s, ids):
        steps[st.plan_id].append(Step(st.text, st.id, st.started_on, st.achieved_on))
    counts = plan_store.entry_counts(s, ids)
    goals = (
        {g.id: g.text for g in plan_store.goals(s, child_id)}
        if plan_id is None
        else {g.id: g.text for g in plan_store.goals_by_id(s, [r.goal_id for r in rows]).values()}
    )
    return [
        to_plan(r, steps[r.id or 0], goals.get(r.goal_id, ""), counts.get(r.id or 0, 0))
        for r in rows
    ]


def list_plans(db: Database, child_id: int) -> list[Plan]:
    """The child's plans, oldest first, with their steps and how many days are recorded."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        return load_plans(s, child_id)


def get_plan(db: Database, child_id: int, plan_id: int) -> Plan:
    """One of the child's plans, read on its own (a child may have dozens)."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        found = next(iter(load_plans(s, child_id, plan_id)), None)
    if found is None:
        raise NotFoundError(tr("That plan is no longer in the record."))
    return found


def save_plan(
    db: Database,
    child_id: int,
    data: PlanInput,
    plan_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or change a plan with its small steps; the first step starts with the plan.

    A change is refused with :class:`ConflictError` if someone saved the plan after
    ``expected_version`` was read (including ticking off a step from the week grid).
    """
    require(db, Permission.EDIT_CHILDREN)
    values, steps = validate_plan(data, today or date.today())
    current = lambda: get_plan(db, child_id, plan_id or 0)  # noqa: E731
    with refuse_stale("plan", current), db.session() as s:
        ensure_child(s, child_id)
        goal = s.get(GoalRecord, data.goal_id)
        if goal is None or goal.child_id != child_id:
            raise ValidationError({"goal_id": tr("Please choose one of this child's goals.")})
        row = stores.save_record(
            s, PlanRecord, plan_id, values, ("child_id", child_id), expected_version
        )
        if row is None or row.id is None:
            raise NotFoundError(tr("That plan is no longer in the record."))

        rows = [
            {
                "id": st.id,
                "text": st.text,
                "started_on": st.started_on,
                "achieved_on": st.achieved_on,
            }
            for st in steps
        ]
        current = next((r for r in rows if r["achieved_on"] is None), None)
        if current is not None and current["started_on"] is None:
            current["started_on"] = data.start_on
        plan_store.replace_steps(s, row.id, rows)
        action = AuditAction.CREATE if plan_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "child", child_id, f"plan {row.id}")
        return row.id


def remove_plan(db: Database, child_id: int, plan_id: int) -> bool:
    """Delete a plan with no records; a plan with records is stopped instead, keeping them.

    Returns ``True`` if it was deleted, ``False`` if it was stopped.
    """
    require(db, Permission.EDIT_CHILDREN)
    with db.session() as s:
        found = s.get(PlanRecord, plan_id)
        if found is None or found.child_id != child_id:
            raise NotFoundError(tr("That plan is no longer in the record."))
        if plan_store.entry_counts(s, [plan_id]):
            found.status = PlanStatus.STOPPED.value
            found.updated_at = utc_now()
            s.add(found)
            audit.record(s, db, AuditAction.CHANGE, "child", child_id, f"plan {plan_id} stopped")
            return False
        s.delete(found)
        audit.record(s, db, AuditAction.CHANGE, "child", child_id, f"plan {plan_id} removed")
        return True

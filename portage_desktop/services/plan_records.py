"""Day-by-day activity records for a plan (the week grid), the progress they show, and moving
on to the next small step, keeping the dates of every step as the plan's history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data import plan_store
from portage_desktop.data.engine import Database
from portage_desktop.data.errors import RecordChanged
from portage_desktop.data.models import utc_now
from portage_desktop.data.models.plans import ActivityEntryRecord, PlanRecord, PlanStepRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.dates import weekday_name
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.plan_progress import CriterionCheck, DayResult, check_criterion
from portage_desktop.services.plan_vocabulary import PlanKind, PlanStatus, RecordedBy
from portage_desktop.services.plans import Plan, get_plan


@dataclass(frozen=True)
class DayEntry:
    """One row of the week grid; an entry with nothing in it removes that day's record."""

    day: date
    tries: int | None = None
    successes: int | None = None
    prompt: str = ""
    done: bool = False
    note: str = ""
    by: RecordedBy = RecordedBy.PRACTITIONER
    step_id: int | None = None
    version: int = 0  # the stored row_version; 0 for a day not recorded yet

    @property
    def empty(self) -> bool:
        return self.tries is None and self.successes is None and not self.done and not self.note


@dataclass(frozen=True)
class PlanProgress:
    """What the plan's records say: every recorded day, and the check for the current step."""

    plan: Plan
    days: tuple[DayEntry, ...]
    check: CriterionCheck | None


def _same_entry(found: ActivityEntryRecord | None, row: DayEntry) -> bool:
    """Whether saving ``row`` would leave the stored day as it is (so it cannot clash)."""
    if found is None:
        return row.empty
    stored = _entry(found)
    return (stored.tries, stored.successes, stored.prompt, stored.done, stored.note) == (
        row.tries,
        row.successes,
        v.clean(row.prompt),
        row.done,
        v.clean(row.note),
    ) and RecordedBy(row.by) is stored.by


def week_start(day: date) -> date:
    """The Monday of the week holding ``day``; paper charts run Monday to Sunday."""
    return day - timedelta(days=day.weekday())


def _entry(row: ActivityEntryRecord) -> DayEntry:
    return DayEntry(
        row.day,
        row.tries,
        row.successes,
        row.prompt,
        row.done,
        row.note,
        RecordedBy(row.by_kind),
        row.step_id,
        row.row_version,
    )


def progress(db: Database, child_id: int, plan_id: int) -> PlanProgress:
    """Every recorded day, and whether the current step's criterion is met."""
    plan = get_plan(db, child_id, plan_id)
    with db.session() as s:
        days = tuple(_entry(r) for r in plan_store.entries(s, plan_id))
    return PlanProgress(plan, days, current_step_check(plan, days))


def current_step_check(
    plan: Plan, days: Iterable[DayEntry | ActivityEntryRecord]
) -> CriterionCheck | None:
    """Whether the current small step's criterion is met (outcome-focused plans only)."""
    step = plan.current_step
    if plan.kind is not PlanKind.OUTCOME or step is None:
        return None
    results = [
        DayResult(d.day, d.tries, d.successes, d.prompt) for d in days if d.step_id == step.id
    ]
    return check_criterion(results, plan.criterion, plan.data.prompts)


def days_by_plan(
    db: Database,
    child_id: int,
    plan_ids: list[int],
    start: date | None = None,
    end: date | None = None,
    newest: int | None = None,
) -> dict[int, list[DayEntry]]:
    """The recorded days of several of the child's plans (between ``start`` and ``end``; only
    the ``newest`` so many if given), read in one query."""
    require(db, Permission.VIEW_CHILDREN)
    found: dict[int, list[DayEntry]] = {i: [] for i in plan_ids}
    with db.session() as s:
        for row in plan_store.entries_for_plans(s, plan_ids, start, end, newest):
            found[row.plan_id].append(_entry(row))
    return found


def validate_week(plan: Plan, rows: list[DayEntry], today: date) -> None:
    errors: dict[str, str] = {}
    v.refuse_hidden_value(errors, "rows", rows)
    for row in rows:
        when = weekday_name(row.day)
        if row.empty:
            continue
        if row.day > today:
            errors[f"day_{row.day}"] = tr(
                "{when}: a day in the future cannot be recorded yet."
            ).format(when=when)
        elif plan.data.start_on and row.day < plan.data.start_on:
            errors[f"day_{row.day}"] = tr("{when}: this is before the plan started.").format(
                when=when
            )
        elif (row.tries or 0) < 0 or (row.successes or 0) < 0:
            errors[f"day_{row.day}"] = tr("{when}: numbers cannot be negative.").format(when=when)
        elif row.successes is not None and (row.tries is None or row.successes > row.tries):
            errors[f"day_{row.day}"] = tr("{when}: successes cannot be more than tries.").format(
                when=when
            )
        elif (row.tries or 0) > 50:
            errors[f"day_{row.day}"] = tr(
                "{when}: please check the number of tries (50 at most)."
            ).format(when=when)
        elif len(v.clean(row.note)) > 500:
            errors[f"day_{row.day}"] = tr(
                "{when}: the note is too long (500 characters at most)."
            ).format(when=when)
    if errors:
        raise ValidationError(errors)


def save_week(
    db: Database, child_id: int, plan_id: int, rows: list[DayEntry], today: date | None = None
) -> None:
    """Store the grid: each day with something in it is kept, an emptied day is removed.

    New tries count towards the current small step; a day already recorded keeps its step.
    A day someone else recorded or changed since the grid was read (its ``version`` is not
    the stored one) refuses the whole save with :class:`ConflictError`, unless both say the
    same thing.
    """
    require(db, Permission.EDIT_CHILDREN)
    plan = get_plan(db, child_id, plan_id)
    validate_week(plan, rows, today or date.today())
    current = plan.current_step.id if plan.current_step else None
    if not rows:
        return
    current_progress = lambda: progress(db, child_id, plan_id)  # noqa: E731
    with refuse_stale(tr("week of records"), current_progress), db.session() as s:
        existing = {
            r.day: r
            for r in plan_store.entries(
                s, plan_id, min(r.day for r in rows), max(r.day for r in rows)
            )
        }
        for row in rows:
            found = existing.get(row.day)
            stored_version = found.row_version if found is not None else 0
            if row.version != stored_version and not _same_entry(found, row):
                raise RecordChanged("activity_record", found.id if found else None)
            if row.empty:
                if found is not None:
                    s.delete(found)
                continue
            target = found or ActivityEntryRecord(plan_id=plan_id, day=row.day, step_id=current)
            target.tries, target.successes = row.tries, row.successes
            target.prompt = v.clean(row.prompt)
            target.done, target.note = row.done, v.clean(row.note)
            target.by_kind = RecordedBy(row.by).value
            target.updated_at = utc_now()
            s.add(target)
        audit.record(s, db, AuditAction.CHANGE, "child", child_id, f"plan {plan_id} records")


def next_step(db: Database, child_id: int, plan_id: int, on: date | None = None) -> bool:
    """Mark the current step learnt on ``on`` and start the next; the last one achieves the
    plan. Returns ``True`` if the plan is now achieved."""
    require(db, Permission.EDIT_CHILDREN)
    day = on or date.today()
    with db.session() as s:
        plan = s.get(PlanRecord, plan_id)
        if plan is None or plan.child_id != child_id:
            raise NotFoundError(tr("That plan is no longer in the record."))
        steps: list[PlanStepRecord] = plan_store.steps(s, [plan_id])
        open_steps = [st for st in steps if st.achieved_on is None]
        if not open_steps:
            raise ValidationError({"steps": tr("Every small step is already achieved.")})
        open_steps[0].achieved_on = day
        s.add(open_steps[0])
        if len(open_steps) > 1:
            open_steps[1].started_on = day
            s.add(open_steps[1])
        else:
            plan.status = PlanStatus.ACHIEVED.value
        plan.updated_at = utc_now()
        s.add(plan)
        audit.record(s, db, AuditAction.CHANGE, "child", child_id, f"plan {plan_id} next step")
        return len(open_steps) == 1


def mark_achieved(db: Database, child_id: int, plan_id: int) -> None:
    """Mark a whole plan achieved (an open-ended plan, or one achieved early)."""
    require(db, Permission.EDIT_CHILDREN)
    with db.session() as s:
        plan = s.get(PlanRecord, plan_id)
        if plan is None or plan.child_id != child_id:
            raise NotFoundError(tr("That plan is no longer in the record."))
        plan.status = PlanStatus.ACHIEVED.value
        plan.updated_at = utc_now()
        s.add(plan)
        audit.record(s, db, AuditAction.CHANGE, "child", child_id, f"plan {plan_id} achieved")


def mark_shared(db: Database, child_id: int, plan_id: int, on: date) -> None:
    """Note that the plan went home to the family (printed for them, or given by hand).

    Printing is allowed to anyone who may print, so this needs the print permission only.
    """
    require(db, Permission.PRINT)
    with db.session() as s:
        plan = s.get(PlanRecord, plan_id)
        if plan is None or plan.child_id != child_id:
            raise NotFoundError(tr("That plan is no longer in the record."))
        plan.shared_on = on
        s.add(plan)

"""Long-term goals: written with the family in their words, in one of the three areas of
criterion 4, linked to the checklist steps, observations or advice they came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import plan_store, stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models.plans import GoalRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.plan_vocabulary import GoalStatus
from portage_desktop.services.profiles import clean_paragraphs
from portage_desktop.services.record_rows import ensure_child
from portage_desktop.services.stamp_evidence import GoalArea

GOAL_LIMIT = 1000


@dataclass(frozen=True)
class GoalInput:
    area: GoalArea
    text: str
    written_with: str
    written_on: date | None
    target_date: date | None
    status: GoalStatus = GoalStatus.ACTIVE
    item_ids: tuple[int, ...] = ()
    observation_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Goal:
    id: int
    area: GoalArea
    text: str
    written_with: str
    written_on: date
    target_date: date | None
    status: GoalStatus
    item_ids: tuple[int, ...]
    observation_ids: tuple[int, ...]
    version: int = 1  # the stored row_version, handed back when saving a change

    @property
    def short(self) -> str:
        line = self.text.splitlines()[0] if self.text else ""
        return line if len(line) <= 80 else line[:77] + "…"


def validate_goal(data: GoalInput, today: date) -> dict[str, object]:
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    text = clean_paragraphs(data.text)
    if not text:
        errors["text"] = tr("Please write the goal, in the family's own words.")
    elif len(text) > GOAL_LIMIT:
        errors["text"] = tr("The goal is too long (at most {GOAL_LIMIT:,} characters).").format(
            GOAL_LIMIT=GOAL_LIMIT
        )
    written_with = v.optional_text(errors, "written_with", data.written_with, 200, "name")
    if data.written_on is None:
        errors["written_on"] = tr("Please enter the date the goal was agreed.")
    elif data.written_on > today:
        errors["written_on"] = tr("The date cannot be in the future.")
    v.not_before(
        errors,
        "target_date",
        data.target_date,
        data.written_on,
        tr("The target date cannot be before the goal was written."),
    )
    if errors:
        raise ValidationError(errors)
    return {
        "area": GoalArea(data.area).value,
        "text": text,
        "written_with": written_with,
        "written_on": data.written_on,
        "target_date": data.target_date,
        "status": GoalStatus(data.status).value,
    }


def _goal(row: GoalRecord, items: list[int], observations: list[int]) -> Goal:
    return Goal(
        row.id or 0,
        GoalArea(row.area),
        row.text,
        row.written_with,
        row.written_on,
        row.target_date,
        GoalStatus(row.status),
        tuple(items),
        tuple(observations),
        row.row_version,
    )


def list_goals(db: Database, child_id: int) -> list[Goal]:
    """Oldest first, each with the steps and observations it came from."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        rows = plan_store.goals(s, child_id)
        items: dict[int, list[int]] = {r.id or 0: [] for r in rows}
        observations: dict[int, list[int]] = {r.id or 0: [] for r in rows}
        for link in plan_store.sources(s, list(items)):
            if link.item_id is not None:
                items[link.goal_id].append(link.item_id)
            if link.observation_id is not None:
                observations[link.goal_id].append(link.observation_id)
        return [_goal(r, items[r.id or 0], observations[r.id or 0]) for r in rows]


def save_goal(
    db: Database,
    child_id: int,
    data: GoalInput,
    goal_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or change a goal and its links; refused if someone saved it meanwhile."""
    require(db, Permission.EDIT_CHILDREN)
    values = validate_goal(data, today or date.today())
    gone = tr("That goal is no longer in the record.")
    current = lambda: find(list_goals(db, child_id), goal_id, gone)  # noqa: E731
    with refuse_stale("goal", current), db.session() as s:
        ensure_child(s, child_id)
        row = stores.save_record(
            s, GoalRecord, goal_id, values, ("child_id", child_id), expected_version
        )
        if row is None or row.id is None:
            raise NotFoundError(gone)

        plan_store.set_sources(s, row.id, set(data.item_ids), set(data.observation_ids))
        action = AuditAction.CREATE if goal_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "child", child_id, f"goal {row.id}")
        return row.id


def delete_goal(db: Database, child_id: int, goal_id: int) -> None:
    """Remove a goal that has no plans yet; a goal with plans is stopped or changed instead."""
    require(db, Permission.EDIT_CHILDREN)
    with db.session() as s:
        found = s.get(GoalRecord, goal_id)
        if found is None or found.child_id != child_id:
            raise NotFoundError(tr("That goal is no longer in the record."))
        if any(p.goal_id == goal_id for p in plan_store.plans(s, child_id)):
            raise ValidationError(
                {
                    "goal": tr(
                        "This goal has plans, so it is kept. Set its status to Stopped instead."
                    )
                }
            )
        s.delete(found)
        audit.record(s, db, AuditAction.CHANGE, "child", child_id, f"goal {goal_id} removed")

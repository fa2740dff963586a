"""Transition plans: a child moving in from home or another setting, or on to school, with the
meeting, what the child needs and the actions agreed, tracked on the Dashboard until done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import stores, transition_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.transitions import TransitionActionRecord, TransitionPlanRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.profiles import clean_paragraphs
from portage_desktop.services.record_rows import ensure_child


class TransitionKind(StrEnum):
    FROM_HOME = "from_home"
    FROM_SETTING = "from_setting"
    TO_SCHOOL = "to_school"
    TO_SETTING = "to_setting"  # from Portage home visits into an early-years setting

    @property
    def label(self) -> str:
        return {
            "from_home": tr("Starting here from home"),
            "from_setting": tr("Moving here from another setting"),
            "to_school": tr("Moving on to school"),
            "to_setting": tr("Moving from home visits into a setting"),
        }[self]


@dataclass(frozen=True)
class Action:
    text: str
    owner: str = ""
    due_on: date | None = None
    done_on: date | None = None


@dataclass(frozen=True)
class TransitionInput:
    kind: TransitionKind
    place: str
    meeting_on: date | None
    attended: str
    needs: str
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class Transition:
    id: int
    child_id: int
    data: TransitionInput
    version: int = 1  # the stored row_version, handed back when saving a change


@dataclass(frozen=True)
class ActionDue:
    """An open action as the Dashboard lists it."""

    child_id: int
    child_name: str
    text: str
    owner: str
    due_on: date | None


def validate(data: TransitionInput) -> dict[str, object]:
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    place = v.optional_text(errors, "place", data.place, 200, "place")
    attended = v.optional_text(errors, "attended", data.attended, 400, tr("list of who came"))
    needs = clean_paragraphs(data.needs)
    if len(needs) > 3000:
        errors["needs"] = tr("This is too long (at most 3,000 characters).")
    if any(not v.clean(a.text) for a in data.actions):
        errors["actions"] = tr("Each action needs a few words saying what it is.")
    if errors:
        raise ValidationError(errors)
    return {
        "kind": TransitionKind(data.kind).value,
        "place": place,
        "meeting_on": data.meeting_on,
        "attended": attended,
        "needs": needs,
    }


def save_transition(
    db: Database,
    child_id: int,
    data: TransitionInput,
    plan_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or change a transition plan with its actions (replaced as a whole)."""
    require(db, Permission.EDIT_CHILDREN)
    values = validate(data)
    gone = tr("That transition plan is no longer in the record.")
    current = lambda: find(list_transitions(db, child_id), plan_id, gone)  # noqa: E731
    with refuse_stale(tr("transition plan"), current), db.session() as s:
        ensure_child(s, child_id)
        row = stores.save_record(
            s, TransitionPlanRecord, plan_id, values, ("child_id", child_id), expected_version
        )
        if row is None or row.id is None:
            raise NotFoundError(gone)
        if plan_id is not None:  # actions are replaced as a whole
            for old in transition_store.actions(s, [plan_id]):
                s.delete(old)
            s.flush()

        for a in data.actions:
            s.add(
                TransitionActionRecord(
                    plan_id=row.id,
                    text=v.clean(a.text),
                    owner=v.clean(a.owner),
                    due_on=a.due_on,
                    done_on=a.done_on,
                )
            )
        action = AuditAction.CREATE if plan_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "child", child_id, f"transition plan {row.id}")
        return row.id


def list_transitions(db: Database, child_id: int) -> list[Transition]:
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        rows = transition_store.plans(s, child_id)
        acts: dict[int, list[Action]] = {r.id or 0: [] for r in rows}
        for a in transition_store.actions(s, list(acts)):
            acts[a.plan_id].append(Action(a.text, a.owner, a.due_on, a.done_on))
    return [
        Transition(
            r.id or 0,
            child_id,
            TransitionInput(
                TransitionKind(r.kind),
                r.place,
                r.meeting_on,
                r.attended,
                r.needs,
                tuple(acts[r.id or 0]),
            ),
            r.row_version,
        )
        for r in rows
    ]


def open_actions(db: Database) -> list[ActionDue]:
    """Every action not yet done, for children on roll, soonest first (one query)."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = transition_store.open_actions(s)
    found = [ActionDue(c, f"{first} {last}", t, o, d) for c, first, last, t, o, d in rows]
    return sorted(found, key=lambda a: (a.due_on or date.max, a.child_name))

"""The rules the screens apply when a record is saved, applied to a whole-setting file.

A file can be well formed (the right types, every required field, every reference found:
``data.setting_archive.check_rows``) and still hold records no screen would have saved: a
child with no name or a name hiding control characters, a date of birth in the future, a plan
reviewed before it starts, training that expires before it was done. Each rule here builds the
same input a screen sends and calls that area's own validation, so a rule is written once and
an import can never hold what the app would refuse. Every break is reported with its place in
the file, as the structural checks are, and all of them at once.

Dates "in the future" are judged by the day of the import. A child's age limit is judged by the
day the record was entered (its ``created_at``), as the screen judged it then, so a leaver's
record kept for years is not refused for the child having grown up since.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from portage_desktop.i18n import tr
from portage_desktop.services import validation as v
from portage_desktop.services.children import ChildInput, validate_child
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.family import (
    FamilyMemberInput,
    ProfessionalInput,
    validate_family_member,
    validate_professional,
)
from portage_desktop.services.goals import GoalInput, validate_goal
from portage_desktop.services.plan_vocabulary import (
    GoalStatus,
    PlanKind,
    PlanStatus,
    TeachingMethod,
    Who,
)
from portage_desktop.services.plans import TEXTS as PLAN_TEXTS
from portage_desktop.services.plans import PlanInput, Step, validate_plan
from portage_desktop.services.record_vocabulary import ProfessionalRole
from portage_desktop.services.reviews import TEXTS as REVIEW_TEXTS
from portage_desktop.services.reviews import Issue, ReviewInput, validate_review
from portage_desktop.services.staff import StaffInput, validate_staff
from portage_desktop.services.stamp_evidence import GoalArea
from portage_desktop.services.training import TrainingInput, validate_training
from portage_desktop.services.vocabulary import NeedArea, SenStatus, StaffRole, split_codes

Row = dict[str, Any]
Rows = dict[str, list[Row]]
E = TypeVar("E", bound=StrEnum)


@dataclass
class _Context:
    """What a rule may need beyond its own row: the day, and the rows it belongs with."""

    today: date
    steps: dict[Any, list[Row]] = field(default_factory=dict)
    issues: dict[Any, list[Row]] = field(default_factory=dict)


Rule = Callable[[Row, _Context, dict[str, str]], None]


def check_rules(rows: Rows, today: date) -> list[str]:
    """Every record the screens would refuse, as ``tables.<table>[<n>].<field>: <reason>``.

    ``rows`` are the rows :func:`~portage_desktop.data.setting_archive.check_rows` converted,
    which found no structural problem; nothing is written here.
    """
    context = _Context(
        today=today,
        steps=_grouped(rows.get("plan_step", []), "plan_id"),
        issues=_grouped(rows.get("review_issue", []), "review_id"),
    )
    problems: list[str] = []
    for table, rule in RULES.items():
        for n, row in enumerate(rows.get(table, [])):
            errors: dict[str, str] = {}
            rule(row, context, errors)
            for name, message in errors.items():
                at = f"tables.{table}[{n}]"
                place = f"{at}.{name}" if name in row else at
                problems.append(f"{place}: {message}")
    return problems


def _grouped(rows: Iterable[Row], key: str) -> dict[Any, list[Row]]:
    out: dict[Any, list[Row]] = {}
    for row in rows:
        out.setdefault(row.get(key), []).append(row)
    return out


def _run(errors: dict[str, str], check: Callable[[], object]) -> None:
    """Run one area's validation; its messages join any found while building its input."""
    try:
        check()
    except ValidationError as refused:
        for name, message in refused.errors.items():
            errors.setdefault(name, message)


def _choice(errors: dict[str, str], row: Row, name: str, kind: type[E], default: E) -> E:
    """The row's value as one of ``kind``'s choices; a message (and ``default``) when not."""
    value = row.get(name)
    if value in {k.value for k in kind}:
        return kind(value)
    errors[name] = tr("must be one of {choices}").format(choices=", ".join(k.value for k in kind))
    return default


def _text(row: Row, name: str) -> str:
    value = row.get(name)
    return value if isinstance(value, str) else ""


def _local_day(moment: Any) -> date | None:
    return moment.astimezone().date() if isinstance(moment, datetime) else None


def _child(row: Row, context: _Context, errors: dict[str, str]) -> None:
    data = ChildInput(
        first_name=_text(row, "first_name"),
        last_name=_text(row, "last_name"),
        date_of_birth=row.get("date_of_birth"),
        known_as=_text(row, "known_as"),
        start_date=row.get("start_date"),
        leave_date=row.get("leave_date"),
        key_person_id=row.get("key_person_id"),
        sen_status=_choice(errors, row, "sen_status", SenStatus, SenStatus.NONE),
        need_areas=split_codes(_text(row, "need_areas"), NeedArea),
        home_languages=_text(row, "home_languages"),
    )
    entered = _local_day(row.get("created_at"))
    entered_on = min(entered, context.today) if entered else None
    _run(errors, lambda: validate_child(data, context.today, entered_on))


def _staff(row: Row, context: _Context, errors: dict[str, str]) -> None:
    data = StaffInput(
        first_name=_text(row, "first_name"),
        last_name=_text(row, "last_name"),
        roles=split_codes(_text(row, "roles"), StaffRole),
        start_date=row.get("start_date"),
        leave_date=row.get("leave_date"),
    )
    _run(errors, lambda: validate_staff(data))


def _training(row: Row, context: _Context, errors: dict[str, str]) -> None:
    data = TrainingInput(
        kind=row.get("kind"),
        title=_text(row, "title"),
        status=row.get("status"),  # type: ignore[arg-type]  (checked by the validation)
        started_on=row.get("started_on"),
        completed_on=row.get("completed_on"),
        expires_on=row.get("expires_on"),
        trainer=_text(row, "trainer"),
        trainer_accredited=bool(row.get("trainer_accredited")),
        membership_number=_text(row, "membership_number"),
        notes=_text(row, "notes"),
    )
    _run(errors, lambda: validate_training(data, context.today))


def _plan(row: Row, context: _Context, errors: dict[str, str]) -> None:
    method = row.get("method")
    steps = sorted(context.steps.get(row.get("id"), []), key=lambda s: s.get("position") or 0)
    data = PlanInput(
        goal_id=row.get("goal_id") or 0,
        kind=_choice(errors, row, "kind", PlanKind, PlanKind.OPEN),
        title=_text(row, "title"),
        start_on=row.get("start_on"),
        review_on=row.get("review_on"),
        who=_choice(errors, row, "who", Who, Who.BOTH),
        method=_choice(errors, row, "method", TeachingMethod, next(iter(TeachingMethod)))
        if method
        else None,
        prompts=_prompts(errors, row),
        target_prompt=_text(row, "target_prompt"),
        successes_needed=row.get("successes_needed") or 0,
        tries_out_of=row.get("tries_out_of") or 0,
        days_in_row=row.get("days_in_row") or 0,
        agreed_with=_text(row, "agreed_with"),
        agreed_on=row.get("agreed_on"),
        status=_choice(errors, row, "status", PlanStatus, PlanStatus.ACTIVE),
        steps=tuple(
            Step(_text(s, "text"), s.get("id"), s.get("started_on"), s.get("achieved_on"))
            for s in steps
        ),
        texts={k: _text(row, k) for k in PLAN_TEXTS},
    )
    _run(errors, lambda: validate_plan(data, context.today))


def _prompts(errors: dict[str, str], row: Row) -> tuple[str, ...]:
    try:
        found = json.loads(row.get("prompts") or "[]")
    except ValueError:
        found = None
    if not isinstance(found, list) or not all(isinstance(p, str) for p in found):
        errors["prompts"] = tr("must be a list of prompts written as JSON text")
        return ()
    return tuple(found)


def _review(row: Row, context: _Context, errors: dict[str, str]) -> None:
    issues = tuple(
        Issue(_text(i, "text"), _text(i, "owner"), i.get("due_on"), i.get("closed_on"))
        for i in context.issues.get(row.get("id"), [])
    )
    data = ReviewInput(
        held_on=row.get("held_on"),
        held=row.get("status") == "held",
        parents=_text(row, "parents"),
        staff=_text(row, "staff"),
        professionals=_text(row, "professionals"),
        texts={k: _text(row, k) for k in REVIEW_TEXTS},
        issues=issues,
        agreed_by=_text(row, "agreed_by"),
        agreed_on=row.get("agreed_on"),
    )
    _run(errors, lambda: validate_review(data, context.today))


def _goal(row: Row, context: _Context, errors: dict[str, str]) -> None:
    data = GoalInput(
        area=_choice(errors, row, "area", GoalArea, next(iter(GoalArea))),
        text=_text(row, "text"),
        written_with=_text(row, "written_with"),
        written_on=row.get("written_on"),
        target_date=row.get("target_date"),
        status=_choice(errors, row, "status", GoalStatus, GoalStatus.ACTIVE),
    )
    _run(errors, lambda: validate_goal(data, context.today))


def _family_member(row: Row, context: _Context, errors: dict[str, str]) -> None:
    data = FamilyMemberInput(
        name=_text(row, "name"),
        relationship=_text(row, "relationship"),
        parental_responsibility=bool(row.get("parental_responsibility")),
        lives_with_child=bool(row.get("lives_with_child")),
        phone=_text(row, "phone"),
        email=_text(row, "email"),
        preferred_language=_text(row, "preferred_language"),
        interpreter_needed=bool(row.get("interpreter_needed")),
    )
    _run(errors, lambda: validate_family_member(data))


def _professional(row: Row, context: _Context, errors: dict[str, str]) -> None:
    data = ProfessionalInput(
        role=_choice(errors, row, "role", ProfessionalRole, ProfessionalRole.OTHER),
        name=_text(row, "name"),
        role_other=_text(row, "role_other"),
        organisation=_text(row, "organisation"),
        contact=_text(row, "contact"),
        from_date=row.get("from_date"),
        to_date=row.get("to_date"),
    )
    _run(errors, lambda: validate_professional(data))


def _visit_block(row: Row, context: _Context, errors: dict[str, str]) -> None:
    v.not_before(
        errors,
        "ends_on",
        row.get("ends_on"),
        row.get("start_on"),
        tr("A block of visits cannot end before it starts."),
    )


def _user_account(row: Row, context: _Context, errors: dict[str, str]) -> None:
    for name in ("username", "display_name"):
        v.refuse_hidden_value(errors, name, row.get(name))


# Table by table, in the order the file lists them; each rule is the one its screen applies.
RULES: dict[str, Rule] = {
    "staff_member": _staff,
    "training_record": _training,
    "user_account": _user_account,
    "child": _child,
    "family_member": _family_member,
    "professional": _professional,
    "goal": _goal,
    "activity_plan": _plan,
    "review": _review,
    "visit_block": _visit_block,
}

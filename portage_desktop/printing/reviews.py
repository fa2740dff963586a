"""Gathers reviews with parents and the shared record into the plain data their printed
records take: the review report and the shared-record pack. Kept apart from :mod:`printing` so
that module stays a short list of kinds."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.printing import html_copy
from portage_desktop.printing.common import PrintError, child_name, setting_name
from portage_desktop.services import profiles as profiles_service
from portage_desktop.services.dates import format_long
from portage_desktop.services.plans import Step

_Row = TypeVar("_Row")


def plans_on(
    held_on: date | None,
    rows: Sequence[_Row],
    starts: Mapping[int, date],
    plan_id_of: Callable[[_Row], int | None],
) -> list[_Row]:
    """The review's plan rows for plans that existed on the review's date: a plan started
    after the review was not part of it, whatever has been added to the child's record since."""
    if held_on is None:
        return list(rows)
    return [r for r in rows if starts.get(plan_id_of(r) or 0, held_on) <= held_on]


def steps_on(held_on: date | None, steps: Sequence[Step]) -> tuple[int, int]:
    """(small steps learnt, small steps) as they stood on the review's date."""
    if held_on is None:
        return sum(1 for s in steps if s.achieved_on), len(steps)
    known = [s for s in steps if s.started_on is None or s.started_on <= held_on]
    return sum(1 for s in known if s.achieved_on and s.achieved_on <= held_on), len(known)


def next_review_words(due_on: date, today: date) -> str:
    """The next review's date, said plainly when that date has already gone by on printing."""
    if due_on < today:
        return tr(
            "by {date}. This date has passed: we will arrange the review with you soon."
        ).format(date=format_long(due_on))
    return tr("by {date}").format(date=format_long(due_on))


def review_report(db: Database, child: int, today: date, out: Path | None) -> bytes:
    """The latest review held (or, before any, the latest draft) in words for the family."""
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.review_report import ReviewSheet, build_review_report
    from portage_desktop.services import plans as plans_service
    from portage_desktop.services import review_schedule
    from portage_desktop.services import reviews as review_service

    name = child_name(db, child)
    found = review_service.list_reviews(db, child)
    held = [r for r in found if r.data.held]
    if not found:
        raise PrintError(
            tr("{name} has no reviews yet: prepare one on the Reviews tab.").format(name=name)
        )
    d = (held or found)[-1].data
    due = next(iter(review_schedule.reviews_due(db, today, child)), None)
    current = plans_service.list_plans(db, child)
    starts = {p.id: p.data.start_on for p in current if p.id and p.data.start_on}
    rows = plans_on(d.held_on, d.plans, starts, lambda r: r.plan_id)
    reviewed = {p.plan_id for p in rows}
    steps = [
        (p.title, *steps_on(d.held_on, p.data.steps))
        for p in current
        if p.id in reviewed and steps_on(d.held_on, p.data.steps)[1]
    ]
    sheet = ReviewSheet(
        child_name=name,
        held_on=format_long(d.held_on),
        who_came="; ".join(x for x in (d.parents, d.staff, d.professionals) if x),
        successes=d.texts.get("successes", ""),
        plans=[(p.title, f"{p.progress.label}. {p.note}".strip(), p.decision.label) for p in rows],
        parent_views=d.texts.get("parent_views", ""),
        child_voice=d.texts.get("child_voice", ""),
        wishes=d.texts.get("wishes", ""),
        transition=d.texts.get("transition", ""),
        issues=[
            (
                i.text,
                tr("{value} by {value2}").format(
                    value=i.owner or "we", value2=format_long(i.due_on) or tr("the next review")
                ),
            )
            for i in d.issues
            if i.closed_on is None
        ],
        next_review=(next_review_words(due.due_on, today) if due else tr("when a new plan starts")),
        draft=not d.held,
        steps=steps,
    )
    meta = ReportMeta(setting_name(db), tr("Review with parents"), today)
    return html_copy.build(meta, sheet, out, build_review_report)


def _people(db: Database, child: int, today: date) -> list[tuple[str, str, str]]:
    """The key person, then every professional involved today, with how to contact them."""
    from portage_desktop.services import children as children_service
    from portage_desktop.services import family
    from portage_desktop.services.record_vocabulary import ProfessionalRole

    people = []
    summary = next(
        (c for c in children_service.list_children(db, include_archived=True) if c.id == child),
        None,
    )
    if summary is not None and summary.key_person:
        people.append(
            (
                tr("Key person"),
                summary.key_person,
                tr("Ask for them at {setting}").format(setting=setting_name(db)),
            )
        )
    # A home-visiting service's own visitor for this family, as allocated on the day.
    from portage_desktop.services.home_visiting import caseloads

    for load in caseloads.caseloads(db, today, everyone=True):
        if any(f.child_id == child for f in load.families):
            people.append(
                (
                    tr("Portage home visitor"),
                    load.visitor.name,
                    tr("Ask for them at {setting}").format(setting=setting_name(db)),
                )
            )
    found = [p for p in family.list_professionals(db, child) if p.is_current(today)]
    # The Portage home visitor first among the professionals: the family sees them most.
    found.sort(key=lambda p: p.role is not ProfessionalRole.PORTAGE_HOME_VISITOR)
    for p in found:
        contact = ", ".join(x for x in (p.organisation, p.contact) if x)
        people.append((p.role_label, p.name, contact or tr("Not recorded yet")))
    return people


def shared_record(db: Database, child: int, today: date, out: Path | None) -> bytes:
    """The profile, the current goals and plans, and the latest review, for the family."""
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.shared_record_pack import (
        GoalSheet,
        SharedPack,
        build_shared_record_pack,
    )
    from portage_desktop.services import goals as goals_service
    from portage_desktop.services import plans as plans_service
    from portage_desktop.services import reviews as review_service
    from portage_desktop.services.plan_vocabulary import GoalStatus, PlanStatus

    versions = profiles_service.list_profiles(db, child)
    profile = (
        [(label, versions[0].section_text(f)) for f, label in profiles_service.SECTIONS]
        if versions
        else []
    )
    plans = plans_service.list_plans(db, child)
    goals = []
    for goal in goals_service.list_goals(db, child):
        if goal.status is not GoalStatus.ACTIVE:
            continue
        rows = []
        for p in plans:
            if p.data.goal_id != goal.id or p.status is not PlanStatus.ACTIVE:
                continue
            step = p.current_step
            rows.append(
                (
                    p.title,
                    tr("now practising “{text}”").format(text=step.text)
                    if step
                    else tr("play together"),
                )
            )
        goals.append(GoalSheet(goal.area.label.capitalize(), goal.text, rows))
    held = [r for r in review_service.list_reviews(db, child) if r.data.held]
    review: list[tuple[str, str]] = []
    if held:
        d = held[-1].data
        review = [
            (tr("Date:"), format_long(d.held_on)),
            (tr("Successes:"), d.texts.get("successes", "")),
            (tr("What you told us:"), d.texts.get("parent_views", "")),
            (tr("What your child told us:"), d.texts.get("child_voice", "")),
        ] + [(f"{p.title}:", f"{p.progress.label}; {p.decision.label.lower()}") for p in d.plans]
    pack = SharedPack(child_name(db, child), profile, goals, review, _people(db, child, today))
    meta = ReportMeta(setting_name(db), tr("Shared record"), today)
    return html_copy.build(meta, pack, out, build_shared_record_pack)

"""The shared record: everything about a child in date order (observations, family notes,
professional advice, issues raised, assessments, plans, activity records, reviews and printed
records), so a practitioner and a parent can look back together.

Read from the services each kind already has, so the timeline shows exactly what each tab
shows; printed records come from the audit log's print entries (the kind and day only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import audit_store
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import assessments as assessment_service
from portage_desktop.services import observations as observation_service
from portage_desktop.services import plan_records
from portage_desktop.services import plans as plans_service
from portage_desktop.services import reviews as review_service
from portage_desktop.services.access import Permission, require
from portage_desktop.services.record_rows import ensure_child
from portage_desktop.services.record_vocabulary import AuthorKind, ObservationKind


class EntryKind(StrEnum):
    OBSERVATION = "observation"
    FAMILY_NOTE = "family_note"
    ADVICE = "advice"
    ISSUE = "issue"
    ASSESSMENT = "assessment"
    PLAN = "plan"
    ACTIVITY = "activity"
    REVIEW = "review"
    PRINTED = "printed"

    @property
    def label(self) -> str:
        return {
            "observation": tr("Observation"),
            "family_note": tr("Family note"),
            "advice": tr("Professional advice"),
            "issue": tr("Issue raised"),
            "assessment": tr("Assessment"),
            "plan": tr("Plan"),
            "activity": tr("Activity record"),
            "review": tr("Review"),
            "printed": tr("Printed record"),
        }[self]


@dataclass(frozen=True)
class Entry:
    day: date
    kind: EntryKind
    text: str


def _observations(db: Database, child_id: int) -> list[Entry]:
    out = []
    for o in observation_service.list_observations(db, child_id):
        if o.kind is ObservationKind.ADVICE:
            kind = EntryKind.ADVICE
        elif o.author_kind is AuthorKind.PARENT:
            kind = EntryKind.FAMILY_NOTE
        else:
            kind = EntryKind.OBSERVATION
        out.append(Entry(o.observed_on, kind, f"{o.author_name}: {o.first_line}"))
    return out


def _plans(
    db: Database,
    child_id: int,
    with_days: bool,
    start: date | None,
    end: date | None,
    newest: int | None,
) -> list[Entry]:
    out = []
    plans = plans_service.list_plans(db, child_id)
    ids = [p.id for p in plans]
    days = (
        plan_records.days_by_plan(db, child_id, ids, start, end, newest)
        if with_days
        else {i: [] for i in ids}
    )
    for plan in plans:
        if plan.data.start_on:
            out.append(
                Entry(
                    plan.data.start_on,
                    EntryKind.PLAN,
                    tr("Started “{title}”").format(title=plan.title),
                )
            )
        for step in plan.data.steps:
            if step.achieved_on:
                out.append(
                    Entry(
                        step.achieved_on,
                        EntryKind.PLAN,
                        tr("Small step learnt: {text}").format(text=step.text),
                    )
                )
        for day in days[plan.id]:
            if day.tries:
                text = tr("{title}: {value} of {tries} tries").format(
                    title=plan.title, value=day.successes or 0, tries=day.tries
                )
                text += f" ({day.prompt.lower()})" if day.prompt else ""
            else:
                text = f"{plan.title}: {'done' if day.done else 'note'}"
            if day.note:
                text += f". {day.note}"
            out.append(Entry(day.day, EntryKind.ACTIVITY, f"{text} – {day.by.label.lower()}"))
    return out


def _reviews(db: Database, child_id: int) -> list[Entry]:
    out = []
    for r in review_service.list_reviews(db, child_id):
        d = r.data
        if d.held_on and d.held:
            out.append(
                Entry(
                    d.held_on,
                    EntryKind.REVIEW,
                    tr("Review with {parents}").format(parents=d.parents),
                )
            )
            for issue in d.issues:
                closed = " (closed)" if issue.closed_on else ""
                out.append(Entry(d.held_on, EntryKind.ISSUE, f"{issue.text}{closed}"))
    return out


def timeline(
    db: Database,
    child_id: int,
    kinds: frozenset[EntryKind] | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int | None = None,
) -> list[Entry]:
    """Everything in the child's record, newest first, of the chosen kinds and dates.

    With ``limit``, the newest ``limit`` entries and one more if there are older ones (so a
    screen can offer them): the day-by-day activity records, which are most of a long record,
    are then read newest first and only as far back as that.
    """
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        printed = audit_store.search(s, action="print", record_kind="child", record_id=child_id)
        prints = [
            Entry(e.at.date(), EntryKind.PRINTED, e.detail.replace("-", " ").capitalize())
            for e in printed
        ]
    with_days = kinds is None or EntryKind.ACTIVITY in kinds
    newest = limit + 1 if limit is not None else None
    entries = (
        _observations(db, child_id)
        + _plans(db, child_id, with_days, start, end, newest)
        + _reviews(db, child_id)
    )
    entries += [
        Entry(a.assessed_on, EntryKind.ASSESSMENT, f"{a.framework_title} ({a.contributors_text})")
        for a in assessment_service.list_assessments(db, child_id, with_entries=False)
    ]
    entries += prints
    chosen = [
        e
        for e in entries
        if (kinds is None or e.kind in kinds)
        and (start is None or e.day >= start)
        and (end is None or e.day <= end)
    ]
    chosen.sort(key=lambda e: (e.day, e.kind.value), reverse=True)
    return chosen if newest is None else chosen[:newest]

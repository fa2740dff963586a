"""Reviews with parents: prepared as a draft with each plan's progress filled in from the
records, then recorded as held, with the family's views, decisions and issues to follow up."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from portage_desktop.data import review_store, stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models.reviews import (
    ReviewIssueRecord,
    ReviewPlanRecord,
    ReviewRecord,
)
from portage_desktop.i18n import tr
from portage_desktop.services import audit, plan_records
from portage_desktop.services import goals as goals_service
from portage_desktop.services import plans as plans_service
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.plan_vocabulary import PlanStatus
from portage_desktop.services.profiles import clean_paragraphs
from portage_desktop.services.record_rows import ensure_child
from portage_desktop.services.stamp_evidence import GoalArea

TEXTS = {
    "parent_views": 3000,
    "child_voice": 2000,
    "successes": 2000,
    "wishes": 1000,
    "transition": 1000,
}


class Progress(StrEnum):
    ACHIEVED = "achieved"
    PROGRESSING = "progressing"
    NOT_YET = "not_yet"

    @property
    def label(self) -> str:
        return {
            "achieved": tr("Achieved"),
            "progressing": tr("Progressing"),
            "not_yet": tr("Not yet"),
        }[self]


class Decision(StrEnum):
    CONTINUE = "continue"
    CHANGE_STEP = "change_step"
    CHANGE_METHOD = "change_method"
    NEW_TARGET = "new_target"
    STOP = "stop"

    @property
    def label(self) -> str:
        return {
            "continue": tr("Carry on"),
            "change_step": tr("Change the small step"),
            "change_method": tr("Change how we teach it"),
            "new_target": tr("A new target"),
            "stop": tr("Stop"),
        }[self]


@dataclass(frozen=True)
class PlanReview:
    plan_id: int | None
    goal_area: GoalArea
    title: str
    progress: Progress
    decision: Decision
    note: str = ""


@dataclass(frozen=True)
class Issue:
    text: str
    owner: str = ""
    due_on: date | None = None
    closed_on: date | None = None


@dataclass(frozen=True)
class ReviewInput:
    held_on: date | None
    held: bool = False  # False: a draft prepared before the meeting
    parents: str = ""
    staff: str = ""
    professionals: str = ""
    texts: dict[str, str] = field(default_factory=dict)
    plans: tuple[PlanReview, ...] = ()
    issues: tuple[Issue, ...] = ()
    agreed_by: str = ""
    agreed_on: date | None = None


@dataclass(frozen=True)
class Review:
    id: int
    child_id: int
    data: ReviewInput
    version: int = 1  # the stored row_version, handed back when saving a change


def prepare_review(db: Database, child_id: int, on: date) -> ReviewInput:
    """A draft for the meeting: every active plan with its progress worked out from its
    records (achieved, progressing if a step was learnt or the run has started, else not yet)."""
    areas = {g.id: g.area for g in goals_service.list_goals(db, child_id)}
    rows = []
    for plan in plans_service.list_plans(db, child_id):
        if plan.status not in (PlanStatus.ACTIVE, PlanStatus.ACHIEVED):
            continue
        check = plan_records.progress(db, child_id, plan.id).check
        learnt = [s for s in plan.data.steps if s.achieved_on]
        if plan.status is PlanStatus.ACHIEVED:
            progress, note = Progress.ACHIEVED, tr("Every small step learnt.")
        elif learnt or (check is not None and check.run):
            progress = Progress.PROGRESSING
            note = tr("{count} of {count2} small steps learnt.").format(
                count=len(learnt), count2=len(plan.data.steps)
            )
        else:
            progress, note = Progress.NOT_YET, tr("No small step learnt yet.")
        if check is not None:
            note += f" {check.message}"
        rows.append(
            PlanReview(
                plan.id, areas[plan.data.goal_id], plan.title, progress, Decision.CONTINUE, note
            )
        )
    return ReviewInput(held_on=on, plans=tuple(rows))


def validate_review(data: ReviewInput, today: date) -> dict[str, object]:
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    texts = {k: clean_paragraphs(data.texts.get(k, "")) for k in TEXTS}
    for key, limit in TEXTS.items():
        if len(texts[key]) > limit:
            errors[key] = tr("This is too long (at most {limit:,} characters).").format(limit=limit)
    if data.held_on is None:
        errors["held_on"] = tr("Please enter the date of the review.")
    elif data.held and data.held_on > today:
        errors["held_on"] = tr("A review cannot be recorded as held on a future date.")
    parents = v.optional_text(errors, "parents", data.parents, 300, tr("list of parents"))
    if data.held and not parents:
        errors["parents"] = tr("Please name the parents who came (a review is held with them).")
    if data.agreed_on is not None and not v.clean(data.agreed_by):
        errors["agreed_by"] = tr("Please say which parent agreed the review.")
    if data.agreed_on is not None and data.agreed_on > today:
        errors["agreed_on"] = tr("The date agreed cannot be in the future.")
    for issue in data.issues:
        if not v.clean(issue.text):
            errors["issues"] = tr("Each issue needs a few words saying what it is.")
    if errors:
        raise ValidationError(errors)
    return {
        "held_on": data.held_on,
        "status": "held" if data.held else "draft",
        "parents": parents,
        "staff": v.clean(data.staff),
        "professionals": v.clean(data.professionals),
        "agreed_by": v.clean(data.agreed_by),
        "agreed_on": data.agreed_on,
        **texts,
    }


def save_review(
    db: Database,
    child_id: int,
    data: ReviewInput,
    review_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or change a review with its plan rows and issues (replaced as a whole).

    Refused with :class:`ConflictError` if someone saved it after ``expected_version``.
    """
    require(db, Permission.EDIT_CHILDREN)
    values = validate_review(data, today or date.today())
    gone = tr("That review is no longer in the record.")
    current = lambda: find(list_reviews(db, child_id), review_id, gone)  # noqa: E731
    with refuse_stale("review", current), db.session() as s:
        ensure_child(s, child_id)
        row = stores.save_record(
            s, ReviewRecord, review_id, values, ("child_id", child_id), expected_version
        )
        if row is None or row.id is None:
            raise NotFoundError(gone)
        if review_id is not None:  # plan rows and issues are replaced as a whole
            for old in review_store.review_plans(s, [review_id]):
                s.delete(old)
            for old in review_store.review_issues(s, [review_id]):
                s.delete(old)
            s.flush()

        for p in data.plans:
            s.add(
                ReviewPlanRecord(
                    review_id=row.id,
                    plan_id=p.plan_id,
                    goal_area=p.goal_area.value,
                    title=p.title,
                    progress=p.progress.value,
                    decision=p.decision.value,
                    note=v.clean(p.note),
                )
            )
        for i in data.issues:
            s.add(
                ReviewIssueRecord(
                    review_id=row.id,
                    child_id=child_id,
                    text=v.clean(i.text),
                    owner=v.clean(i.owner),
                    due_on=i.due_on,
                    closed_on=i.closed_on,
                )
            )
        action = AuditAction.CREATE if review_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "child", child_id, f"review {row.id}")
        return row.id


def list_reviews(db: Database, child_id: int) -> list[Review]:
    """Oldest first, drafts included."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        rows = review_store.reviews(s, child_id)
        ids = [r.id or 0 for r in rows]
        plans: dict[int, list[PlanReview]] = {i: [] for i in ids}
        for p in review_store.review_plans(s, ids):
            plans[p.review_id].append(
                PlanReview(
                    p.plan_id,
                    GoalArea(p.goal_area),
                    p.title,
                    Progress(p.progress),
                    Decision(p.decision),
                    p.note,
                )
            )
        issues: dict[int, list[Issue]] = {i: [] for i in ids}
        for i in review_store.review_issues(s, ids):
            issues[i.review_id].append(Issue(i.text, i.owner, i.due_on, i.closed_on))
        return [
            Review(
                r.id or 0,
                child_id,
                ReviewInput(
                    held_on=r.held_on,
                    held=r.status == "held",
                    parents=r.parents,
                    staff=r.staff,
                    professionals=r.professionals,
                    texts={k: getattr(r, k) for k in TEXTS},
                    plans=tuple(plans[r.id or 0]),
                    issues=tuple(issues[r.id or 0]),
                    agreed_by=r.agreed_by,
                    agreed_on=r.agreed_on,
                ),
                r.row_version,
            )
            for r in rows
        ]


def carry_forward(
    db: Database, child_id: int, review_id: int, start_on: date, review_on: date
) -> list[int]:
    """Act on the review's decisions: each plan to carry on or change becomes a new plan for
    the next period with its unmet small steps; a plan to stop is stopped. Returns new plans."""
    from portage_desktop.services import plan_library

    review = next((r for r in list_reviews(db, child_id) if r.id == review_id), None)
    if review is None:
        raise NotFoundError(tr("That review is no longer in the record."))
    current = {p.id: p for p in plans_service.list_plans(db, child_id)}
    created = []
    for row in review.data.plans:
        plan = current.get(row.plan_id or 0)
        if plan is None or plan.status is not PlanStatus.ACTIVE:
            continue
        if row.decision is Decision.STOP:
            stopped = replace(plan.data, status=PlanStatus.STOPPED)
            plans_service.save_plan(db, child_id, stopped, plan.id)
        elif row.progress is not Progress.ACHIEVED:
            created.append(plan_library.copy_plan(db, child_id, plan.id, start_on, review_on))
    return created


@dataclass(frozen=True)
class IssueDue:
    """An issue a family raised, still open, as the Dashboard lists it."""

    child_id: int
    child_name: str
    text: str
    owner: str
    due_on: date | None


def open_issues(db: Database) -> list[IssueDue]:
    """Issues raised at held reviews and not yet closed, soonest first (one query); closing one
    is done in its review, with the date it was closed."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        rows = review_store.open_issues(s)
    found = [IssueDue(c, f"{first} {last}", t, o, d) for c, first, last, t, o, d in rows]
    return sorted(found, key=lambda i: (i.due_on or date.max, i.child_name))

"""Assessments: a dated pass through a checklist for one child, made with the family.

Each small step gets a status on the framework's scale and, if wanted, a note of the evidence.
Saving replaces the whole assessment in one transaction, so it is never half-saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from portage_desktop.data import assessment_store, stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models import utc_now
from portage_desktop.data.models.assessment import AssessmentRecord, FrameworkRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.frameworks import FrameworkDetail, get_framework
from portage_desktop.services.progress import (
    AreaSummary,
    ProgressPoint,
    carry_forward,
    progress_point,
    summarise,
)
from portage_desktop.services.record_rows import ensure_child
from portage_desktop.services.record_vocabulary import Contributor
from portage_desktop.services.vocabulary import join_codes, split_codes

EVIDENCE_LIMIT = 500


@dataclass(frozen=True)
class Entry:
    """One small step's status (a value on the framework's scale) and its evidence."""

    status: int
    evidence: str = ""


@dataclass(frozen=True)
class AssessmentInput:
    """What the assessment screen sends in; checked by :func:`validate_assessment`."""

    framework_id: int
    assessed_on: date | None
    contributors: tuple[Contributor, ...]
    contributor_names: str = ""
    notes: str = ""
    entries: Mapping[int, Entry] = field(default_factory=dict)


@dataclass(frozen=True)
class Assessment(AssessmentInput):
    """A stored assessment with every status in it, detached from the database."""

    id: int = 0
    framework_title: str = ""
    version: int = 1  # the stored row_version, handed back when saving a change

    @property
    def statuses(self) -> dict[int, int]:
        return {item_id: e.status for item_id, e in self.entries.items()}

    @property
    def contributors_text(self) -> str:
        who = ", ".join(c.label for c in self.contributors)
        return f"{who} ({self.contributor_names})" if self.contributor_names else who


@dataclass(frozen=True)
class AssessmentSummary:
    """Everything the screen and the printed summary show for one assessment."""

    assessment: Assessment
    detail: FrameworkDetail
    areas: tuple[AreaSummary, ...]
    progress: tuple[ProgressPoint, ...]


def validate_assessment(
    data: AssessmentInput, detail: FrameworkDetail, born: date | None, today: date
) -> dict[str, object]:
    """Check every field at once; statuses must be on this framework's scale."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    if data.assessed_on is None:
        errors["assessed_on"] = tr("Please enter the date of the assessment.")
    elif data.assessed_on > today:
        errors["assessed_on"] = tr("The date of the assessment cannot be in the future.")
    elif born is not None and data.assessed_on < born:
        errors["assessed_on"] = tr("The assessment cannot be before the child's date of birth.")
    if not data.contributors:
        errors["contributors"] = tr(
            "Please tick who took part (a parent, practitioner or professional)."
        )
    names = v.optional_text(errors, "contributor_names", data.contributor_names, 300, "names")
    notes = (data.notes or "").strip()
    if len(notes) > 2000:
        errors["notes"] = tr("The notes are too long (at most 2,000 characters).")
    valid = {lvl.value for lvl in detail.framework.scale}
    items = {i.id: i for i in detail.items}
    if not data.entries:
        errors["entries"] = tr("Please give a status to at least one small step.")
    for item_id, entry in data.entries.items():
        item = items.get(item_id)
        where = f"“{item.text}”" if item else tr("A small step")
        if item is None:
            errors["entries"] = tr("A small step is not part of this checklist; please reopen it.")
        elif not item.takes_status:
            errors["entries"] = tr(
                "{where} is guidance for the practitioner and cannot be given a status."
            ).format(where=where)
        elif entry.status not in valid:
            errors["entries"] = tr(
                "{where} has a status that is not on the checklist's scale."
            ).format(where=where)
        elif len(v.clean(entry.evidence)) > EVIDENCE_LIMIT:
            errors["entries"] = tr(
                "The evidence for {where} is too long (at most 500 characters)."
            ).format(where=where)
    if errors:
        raise ValidationError(errors)
    return {"contributor_names": names, "notes": notes}


def _assessment(row: AssessmentRecord, entries: dict[int, Entry], title: str) -> Assessment:
    return Assessment(
        id=row.id or 0,
        framework_id=row.framework_id,
        framework_title=title,
        assessed_on=row.assessed_on,
        contributors=split_codes(row.contributors, Contributor),
        contributor_names=row.contributor_names,
        notes=row.notes,
        entries=entries,
        version=row.row_version,
    )


def list_assessments(db: Database, child_id: int, with_entries: bool = True) -> list[Assessment]:
    """Oldest first, each with all its entries (a few hundred rows at most); without them
    (``with_entries=False``) for lists that show only when, what and with whom."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        rows = assessment_store.assessments_for_child(s, child_id)
        entries: dict[int, dict[int, Entry]] = {r.id or 0: {} for r in rows}
        for e in assessment_store.entries_for(s, list(entries) if with_entries else []):
            entries[e.assessment_id][e.item_id] = Entry(e.status, e.evidence)
        titles = {
            f.id: tr("{name} (version {version})").format(name=f.name, version=f.version)
            for f in assessment_store.frameworks(s)
        }
        return [_assessment(r, entries[r.id or 0], titles.get(r.framework_id, "")) for r in rows]


def save_assessment(
    db: Database,
    child_id: int,
    data: AssessmentInput,
    assessment_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> Assessment:
    """Add or replace an assessment and all its statuses, or nothing at all.

    Refused with :class:`ConflictError` if someone saved it after ``expected_version``.
    """
    require(db, Permission.EDIT_CHILDREN)
    detail = get_framework(db, data.framework_id)
    gone = tr("That assessment is no longer in the record.")
    current = lambda: find(list_assessments(db, child_id), assessment_id, gone)  # noqa: E731
    with refuse_stale("assessment", current), db.session() as s:
        child = ensure_child(s, child_id)
        values = validate_assessment(data, detail, child.date_of_birth, today or date.today())
        contributors = join_codes([c for c in Contributor if c in data.contributors])
        if assessment_id is None:
            row = AssessmentRecord(
                child_id=child_id,
                framework_id=data.framework_id,
                assessed_on=data.assessed_on,  # type: ignore[arg-type]
                contributors=contributors,
                **values,  # type: ignore[arg-type]
            )
        else:
            found = s.get(AssessmentRecord, assessment_id)
            if found is None or found.child_id != child_id:
                raise NotFoundError(gone)
            stores.check_version(found, expected_version)
            row = found
            row.assessed_on = data.assessed_on  # type: ignore[assignment]
            row.contributors = contributors
            row.contributor_names = str(values["contributor_names"])
            row.notes = str(values["notes"])
            row.updated_at = utc_now()
        s.add(row)
        s.flush()
        assert row.id is not None
        assessment_store.replace_entries(
            s,
            row.id,
            [
                {"item_id": i, "status": e.status, "evidence": v.clean(e.evidence)}
                for i, e in data.entries.items()
            ],
        )
        action = AuditAction.CREATE if assessment_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "child", child_id, f"assessment {row.id}")
        stored = {i: Entry(e.status, v.clean(e.evidence)) for i, e in data.entries.items()}
        return _assessment(row, stored, detail.framework.title)


def delete_assessment(db: Database, child_id: int, assessment_id: int) -> None:
    """Remove an assessment entered by mistake, with all its statuses."""
    require(db, Permission.EDIT_CHILDREN)
    with db.session() as s:
        if not stores.delete_record(
            s, AssessmentRecord, assessment_id, owner=("child_id", child_id)
        ):
            raise NotFoundError(tr("That assessment is no longer in the record."))
        audit.record(
            s, db, AuditAction.CHANGE, "child", child_id, f"assessment {assessment_id} removed"
        )


def _same_family(db: Database, framework_id: int) -> set[int]:
    """The ids of every version of the framework ``framework_id`` belongs to."""
    with db.session() as s:
        row = s.get(FrameworkRecord, framework_id)
        if row is None:
            return set()
        return {
            f.id or 0 for f in assessment_store.frameworks(s) if f.name.lower() == row.name.lower()
        }


def carried_statuses(
    db: Database, child_id: int, framework_id: int, before: Assessment | None = None
) -> dict[int, int]:
    """Statuses from the child's latest earlier assessment with any version of this checklist."""
    family = _same_family(db, framework_id)
    earlier = [
        a
        for a in list_assessments(db, child_id)
        if a.framework_id in family and (before is None or a.id != before.id)
    ]
    if not earlier:
        return {}
    latest = earlier[-1]
    return carry_forward(
        get_framework(db, latest.framework_id), latest.statuses, get_framework(db, framework_id)
    )


def summarise_assessment(
    db: Database,
    child_id: int,
    assessment_id: int | None = None,
    loaded: list[Assessment] | None = None,
) -> AssessmentSummary:
    """The chosen (or latest) assessment's summary, with progress across every version of its
    checklist, oldest first. ``loaded`` is the child's assessments if the caller has just
    read them (as the Assessments tab has), so they are not read twice."""
    everything = loaded if loaded is not None else list_assessments(db, child_id)
    if not everything:
        raise NotFoundError(tr("There are no assessments in this child's record yet."))
    chosen = next((a for a in everything if a.id == assessment_id), everything[-1])
    details: dict[int, FrameworkDetail] = {}
    family = _same_family(db, chosen.framework_id)
    points = []
    for a in everything:
        if a.framework_id in family and a.assessed_on <= chosen.assessed_on:  # type: ignore[operator]
            detail = details.setdefault(a.framework_id, get_framework(db, a.framework_id))
            points.append(progress_point(a.assessed_on, detail, a.statuses))  # type: ignore[arg-type]
    detail = details.setdefault(chosen.framework_id, get_framework(db, chosen.framework_id))
    return AssessmentSummary(
        chosen, detail, tuple(summarise(detail, chosen.statuses)), tuple(points)
    )

"""Site-wide evidence queries for the Stamp of Approval check: one grouped query per kind of
record, so checking a thousand children costs a handful of queries, not thousands."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.assessment import (
    AssessmentRecord,
    FrameworkRecord,
    ObservationRecord,
    ProfileVersionRecord,
)
from portage_desktop.i18n import tr


def children_on_roll(session: Session) -> list[tuple[int, str, date, str]]:
    """(child, SEN status, date of birth, name) of every child on roll: all the criteria check
    needs to know about the children themselves (the name, to list the records it counted)."""
    child = ChildRecord.__table__  # type: ignore[attr-defined]
    query = (
        select(
            child.c.id,
            child.c.sen_status,
            child.c.date_of_birth,
            child.c.first_name,
            child.c.last_name,
        )
        .where(child.c.archived_at.is_(None))
        .order_by(child.c.last_name, child.c.first_name, child.c.id)
    )
    return [
        (i, status, born, f"{first} {last}")
        for i, status, born, first, last in session.connection().execute(query)
    ]


def assessment_materials(session: Session, on: date) -> dict[int, set[str]]:
    """For each child on roll, the kinds of assessment material recorded on or before ``on``."""
    found: dict[int, set[str]] = {}
    child = ChildRecord.__table__  # type: ignore[attr-defined]
    on_roll = select(child.c.id).where(child.c.archived_at.is_(None))
    assessment = AssessmentRecord.__table__  # type: ignore[attr-defined]
    framework = FrameworkRecord.__table__  # type: ignore[attr-defined]
    checklists = (
        select(assessment.c.child_id, framework.c.name)
        .select_from(assessment.join(framework, assessment.c.framework_id == framework.c.id))
        .where(assessment.c.assessed_on <= on)
        .where(assessment.c.child_id.in_(on_roll))
        .distinct()
    )
    for child_id, name in session.connection().execute(checklists):
        found.setdefault(child_id, set()).add(tr("checklist: {name}").format(name=name))
    observation = ObservationRecord.__table__  # type: ignore[attr-defined]
    kinds = (
        select(observation.c.child_id, observation.c.kind)
        .where(observation.c.observed_on <= on)
        .where(observation.c.child_id.in_(on_roll))
        .distinct()
    )
    labels = {"observation": "observations", "advice": tr("advice from other professionals")}
    for child_id, kind in session.connection().execute(kinds):
        found.setdefault(child_id, set()).add(labels.get(kind, kind))
    profile = ProfileVersionRecord.__table__  # type: ignore[attr-defined]
    profiles = (
        select(profile.c.child_id)
        .where(profile.c.written_on <= on)
        .where(profile.c.child_id.in_(on_roll))
        .distinct()
    )
    for (child_id,) in session.connection().execute(profiles):
        found.setdefault(child_id, set()).add(tr("one-page profile"))
    return found

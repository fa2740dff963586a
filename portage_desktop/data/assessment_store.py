"""Query functions for a child's holistic record and the checklist frameworks.

Each takes an open session and returns rows; services turn them into plain objects.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import delete, insert
from sqlmodel import Session, col, func, select

from portage_desktop.checklist_format import ParsedFramework, parse_file
from portage_desktop.data.models import utc_now
from portage_desktop.data.models.assessment import (
    AssessmentEntryRecord,
    AssessmentRecord,
    AttachmentRecord,
    ConsentRecord,
    FamilyMemberRecord,
    FrameworkAreaRecord,
    FrameworkItemRecord,
    FrameworkRecord,
    ObservationItemLink,
    ObservationRecord,
    ProfessionalRecord,
    ProfileVersionRecord,
)
from portage_desktop.paths import resource_path

R = TypeVar("R", FamilyMemberRecord, ProfessionalRecord, ConsentRecord)

SHIPPED_FILES = ("small-steps.json", "participation.json")


def child_rows(session: Session, model: type[R], child_id: int) -> list[R]:
    """Family members, professionals or consents of one child, oldest first."""
    query = select(model).where(model.child_id == child_id).order_by(col(model.id))
    return list(session.exec(query))


def frameworks(session: Session) -> list[FrameworkRecord]:
    """Every framework version, by name, oldest version first."""
    query = select(FrameworkRecord).order_by(col(FrameworkRecord.name), col(FrameworkRecord.id))
    return list(session.exec(query))


def framework_use(session: Session) -> dict[int, tuple[int, int]]:
    """Each framework's id with (assessments made with it, small steps in it)."""
    used = dict(
        session.exec(
            select(AssessmentRecord.framework_id, func.count()).group_by(
                col(AssessmentRecord.framework_id)
            )
        ).all()
    )
    sizes = session.exec(
        select(FrameworkItemRecord.framework_id, func.count()).group_by(
            col(FrameworkItemRecord.framework_id)
        )
    ).all()
    return {fid: (used.get(fid, 0), size) for fid, size in sizes}


def find_framework(session: Session, name: str, version: str) -> FrameworkRecord | None:
    """The framework with this name (any case) and exact version, if stored."""
    query = select(FrameworkRecord).where(
        func.lower(FrameworkRecord.name) == name.lower(), FrameworkRecord.version == version
    )
    return session.exec(query).first()


def framework_contents(
    session: Session, framework_id: int
) -> tuple[list[FrameworkAreaRecord], list[FrameworkItemRecord]]:
    """A framework's areas and items, each in their stored order."""
    areas = session.exec(
        select(FrameworkAreaRecord)
        .where(FrameworkAreaRecord.framework_id == framework_id)
        .order_by(col(FrameworkAreaRecord.position))
    )
    items = session.exec(
        select(FrameworkItemRecord)
        .where(FrameworkItemRecord.framework_id == framework_id)
        .order_by(col(FrameworkItemRecord.position))
    )
    return list(areas), list(items)


def items_by_id(session: Session, ids: Sequence[int]) -> list[FrameworkItemRecord]:
    """The items that still exist among ``ids`` (links to unknown ids are dropped)."""
    if not ids:
        return []
    query = select(FrameworkItemRecord).where(col(FrameworkItemRecord.id).in_(list(ids)))
    return list(session.exec(query))


def insert_framework(session: Session, parsed: ParsedFramework, shipped: bool = False) -> int:
    """Store a whole framework in one go (Core bulk inserts: thousands of items are quick)."""
    scale = json.dumps([lvl.__dict__ for lvl in parsed.scale])
    record = FrameworkRecord(
        name=parsed.name,
        version=parsed.version,
        source=parsed.source,
        licence=parsed.licence,
        scale=scale,
        shipped=shipped,
        imported_at=utc_now(),
    )
    session.add(record)
    session.flush()
    assert record.id is not None
    position = 0
    for area_position, area in enumerate(parsed.areas):
        area_row = FrameworkAreaRecord(
            framework_id=record.id, position=area_position, name=area.name
        )
        session.add(area_row)
        session.flush()
        rows: list[dict[str, Any]] = []
        for item in area.items:
            position += 1
            rows.append(
                {
                    "framework_id": record.id,
                    "area_id": area_row.id,
                    "position": position,
                    "code": item.code,
                    "aspect": item.aspect,
                    "text": item.text,
                    "age_from_months": item.age_from_months,
                    "age_to_months": item.age_to_months,
                    "kind": item.kind,
                    "age_band": item.age_band,
                }
            )
        session.execute(insert(FrameworkItemRecord), rows)
    return record.id


def install_shipped(session: Session) -> None:
    """Add the checklists that come with the app, once per version."""
    for name in SHIPPED_FILES:
        path = resource_path("checklists", name)
        parsed = parse_file(name, path.read_bytes())
        if find_framework(session, parsed.name, parsed.version) is None:
            insert_framework(session, parsed, shipped=True)


def assessments_for_child(session: Session, child_id: int) -> list[AssessmentRecord]:
    """One child's assessments, oldest first, as progress charts read them."""
    query = (
        select(AssessmentRecord)
        .where(AssessmentRecord.child_id == child_id)
        .order_by(col(AssessmentRecord.assessed_on), col(AssessmentRecord.id))
    )
    return list(session.exec(query))


def entries_for(session: Session, assessment_ids: Sequence[int]) -> list[AssessmentEntryRecord]:
    """Every status of the given assessments, in one query."""
    if not assessment_ids:
        return []
    query = select(AssessmentEntryRecord).where(
        col(AssessmentEntryRecord.assessment_id).in_(list(assessment_ids))
    )
    return list(session.exec(query))


def replace_entries(session: Session, assessment_id: int, rows: list[dict[str, Any]]) -> None:
    """Swap an assessment's statuses for ``rows`` inside the caller's transaction."""
    session.execute(
        delete(AssessmentEntryRecord).where(
            col(AssessmentEntryRecord.assessment_id) == assessment_id
        )
    )
    if rows:
        session.execute(
            insert(AssessmentEntryRecord), [{**r, "assessment_id": assessment_id} for r in rows]
        )


def profiles_for_child(session: Session, child_id: int) -> list[ProfileVersionRecord]:
    """Newest first, so the latest version is the one shown."""
    query = (
        select(ProfileVersionRecord)
        .where(ProfileVersionRecord.child_id == child_id)
        .order_by(col(ProfileVersionRecord.written_on).desc(), col(ProfileVersionRecord.id).desc())
    )
    return list(session.exec(query))


def observations_for_child(session: Session, child_id: int) -> list[ObservationRecord]:
    """One child's observations and advice, newest first."""
    query = (
        select(ObservationRecord)
        .where(ObservationRecord.child_id == child_id)
        .order_by(col(ObservationRecord.observed_on).desc(), col(ObservationRecord.id).desc())
    )
    return list(session.exec(query))


def linked_items(session: Session, observation_ids: Sequence[int]) -> list[tuple[int, int]]:
    """(observation id, item id) pairs for the given observations, in one query."""
    if not observation_ids:
        return []
    query = select(ObservationItemLink.observation_id, ObservationItemLink.item_id).where(
        col(ObservationItemLink.observation_id).in_(list(observation_ids))
    )
    return [(o, i) for o, i in session.exec(query)]


def set_links(session: Session, observation_id: int, item_ids: Sequence[int]) -> None:
    """Make an observation's links exactly ``item_ids`` (duplicates ignored)."""
    session.execute(
        delete(ObservationItemLink).where(col(ObservationItemLink.observation_id) == observation_id)
    )
    for item_id in dict.fromkeys(item_ids):
        session.add(ObservationItemLink(observation_id=observation_id, item_id=item_id))


def attachment_headers(
    session: Session, observation_ids: Sequence[int]
) -> list[tuple[int, int | None, str, str, int]]:
    """Attachment id, observation, name, type and size, without loading the file contents."""
    if not observation_ids:
        return []
    query = select(
        AttachmentRecord.id,
        AttachmentRecord.observation_id,
        AttachmentRecord.filename,
        AttachmentRecord.media_type,
        AttachmentRecord.size,
    ).where(col(AttachmentRecord.observation_id).in_(list(observation_ids)))
    return [(a or 0, o, n, t, s) for a, o, n, t, s in session.exec(query)]

"""Which of the first records a new setting makes exist yet: one cheap query per kind."""

from __future__ import annotations

from sqlmodel import Session, select

from portage_desktop.data.models import ChildRecord, StaffMemberRecord
from portage_desktop.data.models.assessment import (
    AssessmentRecord,
    ConsentRecord,
    ProfileVersionRecord,
)
from portage_desktop.data.models.plans import PlanRecord
from portage_desktop.data.models.reviews import ReviewRecord
from portage_desktop.data.models.training import TrainingRecordRecord

KINDS = {
    "staff": StaffMemberRecord,
    "training": TrainingRecordRecord,
    "child": ChildRecord,
    "consent": ConsentRecord,
    "profile": ProfileVersionRecord,
    "assessment": AssessmentRecord,
    "plan": PlanRecord,
}


def made(session: Session) -> dict[str, bool]:
    """For each kind of first record, whether any exists; a review counts once held."""
    found = {
        name: session.exec(select(model.id).limit(1)).first() is not None  # type: ignore[attr-defined]
        for name, model in KINDS.items()
    }
    held = select(ReviewRecord.id).where(ReviewRecord.status == "held").limit(1)
    found["review"] = session.exec(held).first() is not None
    return found


def first_child_id(session: Session) -> int | None:
    return session.exec(select(ChildRecord.id).order_by(ChildRecord.id).limit(1)).first()

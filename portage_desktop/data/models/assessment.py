"""Tables for a child's holistic record: family, professionals, consent, the one-page profile,
checklist frameworks, assessments, observations and attached files.

Everything hangs off ``child.id`` with ``ON DELETE CASCADE``, so erasing a child erases all of
it. Frameworks are shared and never deleted while an assessment points at one of their items.
Attached files live in the database as BLOBs, so they are backed up (and later encrypted) with
the rest of the record.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class FamilyMemberRecord(Versioned, table=True):
    """A parent, carer or relative; whether they hold parental responsibility matters for
    consent."""

    __tablename__ = "family_member"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=120)
    relationship: str = Field(max_length=60)
    parental_responsibility: bool = False
    lives_with_child: bool = False
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=120)
    preferred_language: str = Field(default="", max_length=60)
    interpreter_needed: bool = False
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ProfessionalRecord(Versioned, table=True):
    """Someone from another service who works with the child (therapist, health visitor...)."""

    __tablename__ = "professional"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    role: str = Field(max_length=40)
    role_other: str = Field(default="", max_length=80)
    name: str = Field(max_length=120)
    organisation: str = Field(default="", max_length=120)
    contact: str = Field(default="", max_length=120)
    from_date: date | None = None
    to_date: date | None = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ConsentRecord(Versioned, table=True):
    """A parent's decision about one purpose; withdrawing keeps the row and dates it."""

    __tablename__ = "consent"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    purpose: str = Field(max_length=30, index=True)
    agency: str = Field(default="", max_length=120)
    photo_uses: str = Field(default="", max_length=100)
    given: bool = False
    decided_by: str = Field(max_length=120)
    decided_on: date
    withdrawn_on: date | None = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class AttachmentRecord(SQLModel, table=True):
    """An image or PDF kept with the child's record (a profile photo, a therapist's report)."""

    __tablename__ = "attachment"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    observation_id: int | None = Field(
        default=None, foreign_key="observation.id", index=True, ondelete="CASCADE"
    )
    filename: str = Field(max_length=200)
    media_type: str = Field(max_length=40)
    size: int
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utc_now)


class ProfileVersionRecord(SQLModel, table=True):
    """One dated version of "Finding out about me"; new versions are added, never overwritten."""

    __tablename__ = "profile_version"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    written_on: date = Field(index=True)
    written_with: str = Field(default="", max_length=200)
    admired_for: str = Field(default="", max_length=1500)
    important_to_me: str = Field(default="", max_length=1500)
    how_to_support: str = Field(default="", max_length=1500)
    interests: str = Field(default="", max_length=1500)
    communication: str = Field(default="", max_length=1500)
    family_priorities: str = Field(default="", max_length=1500)
    photo_id: int | None = Field(default=None, foreign_key="attachment.id", ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utc_now)


class FrameworkRecord(SQLModel, table=True):
    """One version of a checklist; a new version is stored beside the old one."""

    __tablename__ = "framework"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, index=True)
    version: str = Field(max_length=40)
    source: str = Field(default="", max_length=300)
    licence: str = Field(default="", max_length=300)
    scale: str = Field(max_length=2000)  # JSON: [{"value", "label", "meaning"}]
    shipped: bool = False
    imported_at: datetime = Field(default_factory=utc_now)


class FrameworkAreaRecord(SQLModel, table=True):
    """An area of a framework version (for example Communication), in order."""

    __tablename__ = "framework_area"

    id: int | None = Field(default=None, primary_key=True)
    framework_id: int = Field(foreign_key="framework.id", index=True, ondelete="CASCADE")
    position: int = Field(index=True)
    name: str = Field(max_length=120)


class FrameworkItemRecord(SQLModel, table=True):
    """A small step, in the order a child usually takes them within its area."""

    __tablename__ = "framework_item"

    id: int | None = Field(default=None, primary_key=True)
    framework_id: int = Field(foreign_key="framework.id", index=True, ondelete="CASCADE")
    area_id: int = Field(foreign_key="framework_area.id", index=True, ondelete="CASCADE")
    position: int = Field(index=True)
    code: str = Field(default="", max_length=40)
    aspect: str = Field(default="", max_length=120)
    text: str = Field(max_length=400)
    age_from_months: int | None = None
    age_to_months: int | None = None
    # "step", "checkpoint" or "guidance" (see checklist_format); the framework's own words
    # for the ages, beside the months ("Birth to three").
    kind: str = Field(default="step", max_length=12)
    age_band: str = Field(default="", max_length=60)


class AssessmentRecord(Versioned, table=True):
    """A dated pass through one framework version for one child."""

    __tablename__ = "assessment"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    framework_id: int = Field(foreign_key="framework.id", index=True, ondelete="RESTRICT")
    assessed_on: date = Field(index=True)
    contributors: str = Field(default="", max_length=100)
    contributor_names: str = Field(default="", max_length=300)
    notes: str = Field(default="", max_length=2000)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class AssessmentEntryRecord(SQLModel, table=True):
    """The status of one small step in one assessment, with the evidence for it."""

    __tablename__ = "assessment_entry"
    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True, ondelete="CASCADE")
    item_id: int = Field(foreign_key="framework_item.id", index=True, ondelete="RESTRICT")
    status: int
    evidence: str = Field(default="", max_length=500)


class ObservationRecord(Versioned, table=True):
    """An observation by staff or a parent, or advice from a professional."""

    __tablename__ = "observation"
    # The kinds of material each child was assessed with, read from the index alone.
    __table_args__ = (Index("ix_observation_evidence", "child_id", "kind", "observed_on"),)

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    observed_on: date = Field(index=True)
    author_kind: str = Field(max_length=20)
    author_name: str = Field(max_length=120)
    text: str = Field(max_length=5000)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ObservationItemLink(SQLModel, table=True):
    """Links an observation to the checklist small steps it is evidence for."""

    __tablename__ = "observation_item"

    observation_id: int = Field(foreign_key="observation.id", primary_key=True, ondelete="CASCADE")
    item_id: int = Field(
        foreign_key="framework_item.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class RecordDraftRecord(SQLModel, table=True):
    """Work typed into a form but not yet saved, kept so a crash or power cut loses little.

    One draft per child, form kind and record being edited (``target_id`` is empty for a new
    record). It lives in the database, never in a loose file, so it is protected like the rest.
    """

    __tablename__ = "record_draft"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20, index=True)
    target_id: int | None = Field(default=None, index=True)
    payload: str = Field(sa_column=Column(Text, nullable=False))
    saved_at: datetime = Field(default_factory=utc_now)

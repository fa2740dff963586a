"""Tables for staff training: one row per course, membership or award, and its certificates.

Certificates are kept inside the database (a size-limited BLOB) so a backup holds everything
and nothing depends on a file that might be moved or deleted.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class TrainingRecordRecord(Versioned, table=True):
    """A Portage Workshop, NPA membership, Level 3 Award, PCPD module or other CPD."""

    __tablename__ = "training_record"

    id: int | None = Field(default=None, primary_key=True)
    staff_member_id: int = Field(foreign_key="staff_member.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=30, index=True)
    title: str = Field(default="", max_length=200)
    status: str = Field(default="completed", max_length=20)
    started_on: date | None = None
    completed_on: date | None = None
    expires_on: date | None = Field(default=None, index=True)
    trainer: str = Field(default="", max_length=200)
    trainer_accredited: bool = False
    membership_number: str = Field(default="", max_length=40)
    notes: str = Field(default="", max_length=1000)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class TrainingAttachmentRecord(SQLModel, table=True):
    """A certificate or letter (PDF, PNG or JPEG) attached to a training record."""

    __tablename__ = "training_attachment"

    id: int | None = Field(default=None, primary_key=True)
    training_record_id: int = Field(
        foreign_key="training_record.id", index=True, ondelete="CASCADE"
    )
    filename: str = Field(max_length=255)
    content_type: str = Field(max_length=40)
    size: int
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utc_now)

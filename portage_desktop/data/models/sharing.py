"""A record of each time a child's record was shared with another agency, and on what basis."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import utc_now


class ShareRecord(SQLModel, table=True):
    """Shared under a parent's consent (``consent_id``) or on safeguarding grounds (``reason``)."""

    __tablename__ = "share_record"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    shared_on: date = Field(index=True)
    document: str = Field(max_length=40)
    recipient: str = Field(max_length=120)
    basis: str = Field(max_length=20)
    consent_id: int | None = Field(default=None, foreign_key="consent.id", ondelete="SET NULL")
    reason: str = Field(default="", max_length=1000)
    recorded_by: str = Field(max_length=60)
    created_at: datetime = Field(default_factory=utc_now)

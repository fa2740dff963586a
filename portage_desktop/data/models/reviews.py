"""Tables for reviews with parents: the meeting, each plan's progress and decision, and the
issues the family raised (tracked until closed).

A review hangs off ``child.id`` and its parts off the review, all with ``ON DELETE CASCADE``,
so subject access and erasure reach them through the foreign keys.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class ReviewRecord(Versioned, table=True):
    """A review with parents: prepared as a draft, then recorded as held and agreed."""

    __tablename__ = "review"
    # Reviews held in a year, by child, with who came: read from the index alone.
    __table_args__ = (Index("ix_review_evidence", "status", "held_on", "child_id", "parents"),)

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    held_on: date = Field(index=True)
    status: str = Field(default="draft", max_length=20, index=True)
    parents: str = Field(default="", max_length=300)
    staff: str = Field(default="", max_length=300)
    professionals: str = Field(default="", max_length=300)
    parent_views: str = Field(default="", max_length=3000)
    child_voice: str = Field(default="", max_length=2000)
    successes: str = Field(default="", max_length=2000)
    wishes: str = Field(default="", max_length=1000)
    transition: str = Field(default="", max_length=1000)
    agreed_by: str = Field(default="", max_length=200)
    agreed_on: date | None = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ReviewPlanRecord(SQLModel, table=True):
    """One plan as reviewed: its progress and what was decided."""

    __tablename__ = "review_plan"
    __table_args__ = (Index("ix_review_plan_evidence", "review_id", "goal_area"),)

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True, ondelete="CASCADE")
    plan_id: int | None = Field(
        default=None, foreign_key="activity_plan.id", index=True, ondelete="SET NULL"
    )
    goal_area: str = Field(max_length=40)
    title: str = Field(max_length=200)
    progress: str = Field(default="progressing", max_length=20)
    decision: str = Field(default="continue", max_length=20)
    note: str = Field(default="", max_length=1000)


class ReviewIssueRecord(SQLModel, table=True):
    """Something the family raised, with who follows it up and by when, until closed."""

    __tablename__ = "review_issue"

    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(foreign_key="review.id", index=True, ondelete="CASCADE")
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    text: str = Field(max_length=1000)
    owner: str = Field(default="", max_length=120)
    due_on: date | None = Field(default=None, index=True)
    closed_on: date | None = Field(default=None, index=True)

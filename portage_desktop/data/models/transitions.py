"""Tables for transition plans: moving in from home or another setting, or on to school, with
the meeting, what the child needs, and actions with an owner and a due date.

Both hang off ``child.id`` (actions through their plan) with ``ON DELETE CASCADE``, so subject
access and erasure reach them through the foreign keys.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class TransitionPlanRecord(Versioned, table=True):
    """One move: where from or to, the meeting, who came, and what the child needs."""

    __tablename__ = "transition_plan"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    place: str = Field(default="", max_length=200)
    meeting_on: date | None = Field(default=None, index=True)
    attended: str = Field(default="", max_length=400)
    needs: str = Field(default="", max_length=3000)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class TransitionActionRecord(SQLModel, table=True):
    """Something to do for the move, by whom and when; done when ``done_on`` is set."""

    __tablename__ = "transition_action"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="transition_plan.id", index=True, ondelete="CASCADE")
    text: str = Field(max_length=500)
    owner: str = Field(default="", max_length=120)
    due_on: date | None = Field(default=None, index=True)
    done_on: date | None = Field(default=None, index=True)

"""Tables for a child's long-term goals, activity plans with their small steps, the day-by-day
activity records, the plan library, and the editable prompt list.

Goals hang off ``child.id`` and everything else off a goal or plan, all with ``ON DELETE
CASCADE``, so a subject access export and an erasure reach every row through the foreign keys.
Library templates have no child and hold no personal data.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class GoalRecord(Versioned, table=True):
    """A long-term goal in one of the three areas of criterion 4, in the family's words."""

    __tablename__ = "goal"
    # The criteria check reads each child's goal areas from the index alone (see 0014).
    __table_args__ = (Index("ix_goal_evidence", "child_id", "written_on", "area", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    area: str = Field(max_length=40, index=True)
    text: str = Field(max_length=1000)
    written_with: str = Field(default="", max_length=200)
    written_on: date = Field(index=True)
    target_date: date | None = None
    status: str = Field(default="active", max_length=20, index=True)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class GoalSourceLink(SQLModel, table=True):
    """Where a goal came from: a checklist small step or an observation (or advice)."""

    __tablename__ = "goal_source"

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", index=True, ondelete="CASCADE")
    item_id: int | None = Field(
        default=None, foreign_key="framework_item.id", index=True, ondelete="CASCADE"
    )
    observation_id: int | None = Field(
        default=None, foreign_key="observation.id", index=True, ondelete="CASCADE"
    )


class PlanRecord(Versioned, table=True):
    """An activity plan towards a goal: outcome-focused (small steps) or open-ended (play)."""

    __tablename__ = "activity_plan"
    # The criteria check counts each child's plans from the index alone, not the wide rows.
    __table_args__ = (
        Index(
            "ix_activity_plan_evidence",
            "child_id",
            "start_on",
            "kind",
            "status",
            "agreed_on",
            "shared_on",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    goal_id: int = Field(foreign_key="goal.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    title: str = Field(max_length=200)
    behaviour: str = Field(default="", max_length=500)
    conditions: str = Field(default="", max_length=500)
    criterion: str = Field(default="", max_length=300)
    successes_needed: int = 4
    tries_out_of: int = 5
    days_in_row: int = 3
    target_prompt: str = Field(default="", max_length=60)
    method: str = Field(default="", max_length=30)
    prompts: str = Field(default="", max_length=500)  # JSON list of prompt names, most help first
    prompt_fading: str = Field(default="", max_length=1000)
    materials: str = Field(default="", max_length=1000)
    routines: str = Field(default="", max_length=1000)
    if_hard: str = Field(default="", max_length=1000)
    praise: str = Field(default="", max_length=1000)
    recording_method: str = Field(default="", max_length=500)
    purpose: str = Field(default="", max_length=1000)
    play_ideas: str = Field(default="", max_length=2000)
    to_notice: str = Field(default="", max_length=1000)
    who: str = Field(default="both", max_length=20)
    start_on: date = Field(index=True)
    review_on: date | None = Field(default=None, index=True)
    agreed_with: str = Field(default="", max_length=200)
    agreed_on: date | None = None
    status: str = Field(default="active", max_length=20, index=True)
    general_people: str = Field(default="", max_length=500)
    general_places: str = Field(default="", max_length=500)
    general_materials: str = Field(default="", max_length=500)
    shared_on: date | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class PlanStepRecord(SQLModel, table=True):
    """A small step of an outcome-focused plan; its dates are the history of the plan."""

    __tablename__ = "plan_step"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="activity_plan.id", index=True, ondelete="CASCADE")
    position: int = Field(index=True)
    text: str = Field(max_length=400)
    started_on: date | None = None
    achieved_on: date | None = None


class ActivityEntryRecord(Versioned, table=True):
    """One day's record of a plan: tries and successes with the prompt used, a tick, or a note."""

    __tablename__ = "activity_record"
    __table_args__ = (UniqueConstraint("plan_id", "day"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="activity_plan.id", index=True, ondelete="CASCADE")
    step_id: int | None = Field(
        default=None, foreign_key="plan_step.id", index=True, ondelete="SET NULL"
    )
    day: date = Field(index=True)
    by_kind: str = Field(default="practitioner", max_length=20)
    tries: int | None = None
    successes: int | None = None
    prompt: str = Field(default="", max_length=60)
    done: bool = False
    note: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class PlanTemplateRecord(SQLModel, table=True):
    """A plan saved to the library for reuse: the plan's content with no personal data."""

    __tablename__ = "plan_template"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, index=True)
    area: str = Field(max_length=40)
    kind: str = Field(max_length=20)
    content: str = Field(sa_column=Column(Text, nullable=False))  # JSON of the plan's fields
    created_at: datetime = Field(default_factory=utc_now)


class PlanOptionRecord(SQLModel, table=True):
    """An edited setting for plans (the prompt list), in force from ``effective_from``."""

    __tablename__ = "plan_option"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=40, index=True)
    value: str = Field(sa_column=Column(Text, nullable=False))
    effective_from: date = Field(index=True)
    changed_by: str = Field(default="", max_length=60)
    created_at: datetime = Field(default_factory=utc_now)

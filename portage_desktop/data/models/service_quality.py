"""Tables for running an NPA-registered Portage service and proving it: the induction checklist
and who has worked through it, supervision and team meetings, joint monitoring visits, parents'
views at visits, and the end-of-service evaluation questionnaire.

Qualifications, accredited-trainer status and networking days are training records (new kinds
of ``training_record``), so one staff screen holds everything about a person's learning.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class InductionItemRecord(Versioned, table=True):
    """One item of the service's own induction checklist, in the service's order.

    Retired items stay (``active`` false) so the ticks made against them still read true.
    """

    __tablename__ = "induction_item"

    id: int | None = Field(default=None, primary_key=True)
    position: int = Field(default=0, index=True)
    text: str = Field(max_length=300)
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class InductionTickRecord(SQLModel, table=True):
    """A home visitor's item done, on a day, signed off by her mentor."""

    __tablename__ = "induction_tick"
    __table_args__ = (UniqueConstraint("item_id", "visitor_id"),)

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="induction_item.id", index=True, ondelete="CASCADE")
    visitor_id: int = Field(foreign_key="home_visitor.id", index=True, ondelete="CASCADE")
    ticked_on: date
    mentor: str = Field(max_length=120)
    created_at: datetime = Field(default_factory=utc_now)


class SupervisionSessionRecord(Versioned, table=True):
    """A supervision session (individual or group) or a team meeting, on one day."""

    __tablename__ = "supervision_session"

    id: int | None = Field(default=None, primary_key=True)
    held_on: date = Field(index=True)
    kind: str = Field(max_length=20, index=True)
    supervisor: str = Field(max_length=120)
    notes: str = Field(default="", max_length=4000)
    recorded_by: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class SupervisionAttendeeRecord(SQLModel, table=True):
    """A home visitor present at a session."""

    __tablename__ = "supervision_attendee"
    __table_args__ = (UniqueConstraint("session_id", "visitor_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="supervision_session.id", index=True, ondelete="CASCADE")
    visitor_id: int = Field(foreign_key="home_visitor.id", index=True, ondelete="CASCADE")


class SupervisionChildRecord(SQLModel, table=True):
    """A child discussed at a session.

    ``child_id`` is set only where the parents' consent to discussion was in force on the day;
    otherwise only the initials are kept, so the record never names or points to the child.
    """

    __tablename__ = "supervision_child"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="supervision_session.id", index=True, ondelete="CASCADE")
    child_id: int | None = Field(
        default=None, foreign_key="child.id", index=True, ondelete="SET NULL"
    )
    initials: str = Field(default="", max_length=10)
    note: str = Field(default="", max_length=2000)


class SupervisionActionRecord(SQLModel, table=True):
    """An action agreed at a session, with who does it and by when."""

    __tablename__ = "supervision_action"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="supervision_session.id", index=True, ondelete="CASCADE")
    action: str = Field(max_length=500)
    owner: str = Field(max_length=120)
    due_on: date | None = Field(default=None, index=True)
    done_on: date | None = None


class MonitoringVisitRecord(Versioned, table=True):
    """A joint monitoring visit with a Portage teacher, her written feedback to the home
    visitor and the parent's views."""

    __tablename__ = "monitoring_visit"

    id: int | None = Field(default=None, primary_key=True)
    referral_id: int = Field(foreign_key="referral.id", index=True, ondelete="CASCADE")
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    visitor_id: int | None = Field(
        default=None, foreign_key="home_visitor.id", index=True, ondelete="SET NULL"
    )
    visited_on: date = Field(index=True)
    teacher: str = Field(max_length=120)
    feedback: str = Field(default="", max_length=4000)
    parent_views: str = Field(default="", max_length=2000)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ParentViewRecord(SQLModel, table=True):
    """A parent's view at a visit: short, dated, in their own words (kept, never edited)."""

    __tablename__ = "parent_view"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    visit_id: int | None = Field(
        default=None, foreign_key="home_visit.id", index=True, ondelete="SET NULL"
    )
    said_on: date = Field(index=True)
    words: str = Field(max_length=1000)
    recorded_by: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utc_now)


class QuestionRecord(SQLModel, table=True):
    """A question of the evaluation questionnaire. Questions are never edited: changing the
    questionnaire makes a new ``version``, so answers always sit beside the words asked."""

    __tablename__ = "questionnaire_question"

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(index=True)
    position: int
    text: str = Field(max_length=300)
    kind: str = Field(max_length=10)
    created_at: datetime = Field(default_factory=utc_now)


class QuestionnaireReturnRecord(Versioned, table=True):
    """A family's questionnaire: sent, then returned (with answers) or not returned."""

    __tablename__ = "questionnaire_return"

    id: int | None = Field(default=None, primary_key=True)
    referral_id: int = Field(foreign_key="referral.id", index=True, ondelete="CASCADE")
    version: int
    sent_on: date = Field(index=True)
    status: str = Field(default="sent", max_length=20, index=True)
    returned_on: date | None = Field(default=None, index=True)
    recorded_by: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class QuestionnaireAnswerRecord(SQLModel, table=True):
    """One answer: a point on the scale (1 to 5) or the family's words."""

    __tablename__ = "questionnaire_answer"
    __table_args__ = (UniqueConstraint("return_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    return_id: int = Field(foreign_key="questionnaire_return.id", index=True, ondelete="CASCADE")
    question_id: int = Field(
        foreign_key="questionnaire_question.id", index=True, ondelete="CASCADE"
    )
    scale: int | None = None
    text: str = Field(default="", max_length=2000)

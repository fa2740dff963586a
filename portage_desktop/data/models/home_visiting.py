"""Tables for a Portage home-visiting service: its dated rules and closure dates, referrals
through the waiting list and allocation, blocks of visits, visit records and the end of service.

A child visited at home is an ordinary ``child`` row; these tables only add the service's
side. Codes are short strings whose meaning lives in ``services/home_visiting``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class ServiceRuleRecord(SQLModel, table=True):
    """An edited service rule: the value in force from ``effective_from`` until a later row."""

    __tablename__ = "service_rule"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=40, index=True)
    value: str = Field(max_length=200)
    effective_from: date = Field(index=True)
    changed_by: str = Field(default="", max_length=60)
    created_at: datetime = Field(default_factory=utc_now)


class ServiceClosureRecord(SQLModel, table=True):
    """Days the service does not visit (school holidays, training days), first to last."""

    __tablename__ = "service_closure"

    id: int | None = Field(default=None, primary_key=True)
    first_day: date = Field(index=True)
    last_day: date
    label: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utc_now)


class HomeVisitorRecord(Versioned, table=True):
    """A member of staff who visits families, with her working time (100 = full time)."""

    __tablename__ = "home_visitor"

    id: int | None = Field(default=None, primary_key=True)
    staff_member_id: int = Field(foreign_key="staff_member.id", unique=True, ondelete="CASCADE")
    fte_percent: int = Field(default=100)
    active: bool = Field(default=True, index=True)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ReferralRecord(Versioned, table=True):
    """One referral of a child to the service, and where the family is now (``status``).

    The eligibility decision, the waiting-list facts and the service agreement live on this row
    because each family has exactly one of each per referral.
    """

    __tablename__ = "referral"

    id: int | None = Field(default=None, primary_key=True)
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    referred_on: date = Field(index=True)
    status: str = Field(default="referred", max_length=20, index=True)
    referrer_kind: str = Field(default="parent", max_length=20)
    referrer_name: str = Field(default="", max_length=120)
    referrer_role: str = Field(default="", max_length=120)
    consent_on: date | None = None
    consent_by: str = Field(default="", max_length=120)
    safeguarding_reason: str = Field(default="", max_length=500)
    screening_summary: str = Field(default="", max_length=500)
    report_ids: str = Field(default="", max_length=200)  # supporting reports (attachment ids)
    delay_areas: int | None = None
    known_condition: str = Field(default="", max_length=200)
    lives_in_area: bool | None = None
    specialist_provision: bool | None = None
    setting_hours: int | None = None
    other_provision: str = Field(default="", max_length=200)
    interpreter: str = Field(default="", max_length=120)
    availability: str = Field(default="", max_length=300)
    looked_after: bool = False
    protection_plan: bool = False
    child_in_need: bool = False
    urgent: bool = False
    urgency_note: str = Field(default="", max_length=300)
    decision: str = Field(default="", max_length=20)
    decision_reason: str = Field(default="", max_length=1000)
    signposted_to: str = Field(default="", max_length=200)
    decided_by: str = Field(default="", max_length=120)
    decided_on: date | None = None
    rule_results: str = Field(default="{}", max_length=2000)
    waiting_since: date | None = Field(default=None, index=True)
    manual_position: int | None = None
    manual_reason: str = Field(default="", max_length=300)
    manual_by: str = Field(default="", max_length=120)
    manual_on: date | None = None
    agreement_signed_on: date | None = None
    agreement_signed_by: str = Field(default="", max_length=120)
    agreement_recorded_by: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class WaitingContactRecord(SQLModel, table=True):
    """A dated, named note of contact with a waiting family (kept, never edited)."""

    __tablename__ = "waiting_contact"

    id: int | None = Field(default=None, primary_key=True)
    referral_id: int = Field(foreign_key="referral.id", index=True, ondelete="CASCADE")
    contacted_on: date = Field(index=True)
    by_name: str = Field(max_length=120)
    note: str = Field(max_length=1000)
    created_at: datetime = Field(default_factory=utc_now)


class AllocationRecord(SQLModel, table=True):
    """A family's home visitor from one day until another: reassignment adds a row, so the
    history of who visited stays."""

    __tablename__ = "allocation"

    id: int | None = Field(default=None, primary_key=True)
    referral_id: int = Field(foreign_key="referral.id", index=True, ondelete="CASCADE")
    visitor_id: int = Field(foreign_key="home_visitor.id", index=True, ondelete="CASCADE")
    from_on: date = Field(index=True)
    until_on: date | None = Field(default=None, index=True)
    reason: str = Field(default="", max_length=300)
    by_name: str = Field(default="", max_length=120)
    created_at: datetime = Field(default_factory=utc_now)


class VisitBlockRecord(Versioned, table=True):
    """A planned run of visits (for example 8, or 12 for Portage Plus) ending in a review."""

    __tablename__ = "visit_block"

    id: int | None = Field(default=None, primary_key=True)
    referral_id: int = Field(foreign_key="referral.id", index=True, ondelete="CASCADE")
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    kind: str = Field(default="standard", max_length=20)
    visit_count: int
    pattern: str = Field(default="weekly", max_length=20)
    weekday: int
    usual_time: str = Field(default="", max_length=5)
    start_on: date = Field(index=True)
    ends_on: date = Field(index=True)  # the last planned visit, kept when visits move
    review_id: int | None = Field(
        default=None, foreign_key="review.id", index=True, ondelete="SET NULL"
    )
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class HomeVisitRecord(Versioned, table=True):
    """One visit, planned or recorded: held, cancelled (by whom) or failed, with the notes
    written with the family."""

    __tablename__ = "home_visit"
    # A child's last held visit and the failed ones after it (failed visits in a row), and held
    # visits not written up yet (the dashboard): each read on a service with years of visits.
    __table_args__ = (
        Index("ix_home_visit_child_status_day", "child_id", "status", "planned_on"),
        Index("ix_home_visit_status_written", "status", "written_up_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    block_id: int | None = Field(
        default=None, foreign_key="visit_block.id", index=True, ondelete="CASCADE"
    )
    child_id: int = Field(foreign_key="child.id", index=True, ondelete="CASCADE")
    visitor_id: int | None = Field(
        default=None, foreign_key="home_visitor.id", index=True, ondelete="SET NULL"
    )
    number: int = 0
    planned_on: date = Field(index=True)
    planned_time: str = Field(default="", max_length=5)
    status: str = Field(default="planned", max_length=20, index=True)
    place: str = Field(default="", max_length=20)
    joint_with: str = Field(default="", max_length=200)
    reason: str = Field(default="", max_length=300)
    make_up_for_id: int | None = Field(
        default=None, foreign_key="home_visit.id", index=True, ondelete="SET NULL"
    )
    minutes_child_led: int | None = None
    minutes_family_focus: int | None = None
    minutes_teaching: int | None = None
    enjoyed: str = Field(default="", max_length=2000)
    plan_id: int | None = Field(
        default=None, foreign_key="activity_plan.id", index=True, ondelete="SET NULL"
    )
    practise: str = Field(default="", max_length=2000)
    next_time: str = Field(default="", max_length=2000)
    shared_notes: str = Field(default="", max_length=4000)
    written_up_on: date | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ServiceEndRecord(Versioned, table=True):
    """Why and when a family's service ended, who decided and who signed it off."""

    __tablename__ = "service_end"

    id: int | None = Field(default=None, primary_key=True)
    referral_id: int = Field(foreign_key="referral.id", unique=True, ondelete="CASCADE")
    ended_on: date = Field(index=True)
    reason: str = Field(max_length=40)
    note: str = Field(default="", max_length=1000)
    decided_by: str = Field(max_length=120)
    signed_off_by: str = Field(default="", max_length=120)
    signed_off_on: date | None = None
    transition_id: int | None = Field(
        default=None, foreign_key="transition_plan.id", index=True, ondelete="SET NULL"
    )
    questionnaire_sent_on: date | None = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)

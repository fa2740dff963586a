"""Tables for the Stamp of Approval: inspections as published, awards, rules, statements and
the yearly application draft."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class InspectionRecord(Versioned, table=True):
    """One inspection exactly as published: its framework and each judgement on its own scale.

    ``judgements`` is JSON (``{"area code": "grade code"}``); there is no overall grade column,
    because report cards from 10 November 2025 have none and one must never be invented.
    """

    __tablename__ = "inspection"

    id: int | None = Field(default=None, primary_key=True)
    inspected_on: date = Field(index=True)
    framework: str = Field(max_length=30)
    judgements: str = Field(default="{}", max_length=2000)
    report_reference: str = Field(default="", max_length=300)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class StampAwardRecord(Versioned, table=True):
    """One year's application and award: applied, awarded, expires, Portage representative."""

    __tablename__ = "stamp_award"

    id: int | None = Field(default=None, primary_key=True)
    applied_on: date | None = None
    awarded_on: date | None = Field(default=None, index=True)
    expires_on: date | None = None
    representative: str = Field(default="", max_length=200)
    notes: str = Field(default="", max_length=1000)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class StampRuleRecord(SQLModel, table=True):
    """An edited rule number: the value in force from ``effective_from`` until a later row."""

    __tablename__ = "stamp_rule"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=40, index=True)
    value: str = Field(max_length=60)
    effective_from: date
    changed_by: str = Field(default="", max_length=60)
    created_at: datetime = Field(default_factory=utc_now)


class StampStatementRecord(Versioned, table=True):
    """The manager's own statement and confirmation for a criterion the records cannot show.

    ``confirms`` names what was confirmed (for example the inspection row), so a confirmation
    lapses when the thing it was about changes.
    """

    __tablename__ = "stamp_statement"

    id: int | None = Field(default=None, primary_key=True)
    criterion: int = Field(unique=True)
    statement: str = Field(default="", max_length=4000)
    confirmed_on: date | None = None
    confirmed_by: str = Field(default="", max_length=60)
    confirms: str = Field(default="", max_length=60)
    updated_at: datetime = Field(default_factory=utc_now)


class StampApplicationRecord(Versioned, table=True):
    """The self-assessment for one award year: narratives (JSON), chosen plans, draft or final."""

    __tablename__ = "stamp_application"

    id: int | None = Field(default=None, primary_key=True)
    award_year: int = Field(unique=True)
    narratives: str = Field(default="{}")
    chosen_plans: str = Field(default="", max_length=200)
    status: str = Field(default="draft", max_length=20)
    finalised_on: date | None = None
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)

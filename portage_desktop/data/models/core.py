"""The tables everything else refers to: the setting, staff, children, user accounts, the audit
log and retention rules. Codes are stored as short strings; their meaning lives in the services
layer.

Multi-valued codes (staff roles, areas of need) are stored as comma-separated codes: they are
small, fixed vocabularies that are read with the row and never joined on.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from portage_desktop.data.models.base import Versioned, utc_now


class SettingRecord(Versioned, table=True):
    """The setting or childminder that owns this database (one row)."""

    __tablename__ = "setting"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    kind: str = Field(max_length=20)
    ofsted_urn: str = Field(default="", max_length=20)
    regulator: str = Field(default="ofsted", max_length=20)
    agency_name: str = Field(default="", max_length=200)
    portage_service: str = Field(default="", max_length=200)
    portage_contact: str = Field(default="", max_length=300)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class StaffMemberRecord(Versioned, table=True):
    """A practitioner, assistant or manager, current or former."""

    __tablename__ = "staff_member"

    id: int | None = Field(default=None, primary_key=True)
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100, index=True)
    roles: str = Field(default="", max_length=200)
    start_date: date | None = None
    leave_date: date | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ChildRecord(Versioned, table=True):
    """A child on roll, or who has left and whose records are still kept."""

    __tablename__ = "child"

    id: int | None = Field(default=None, primary_key=True)
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100, index=True)
    known_as: str = Field(default="", max_length=100)
    date_of_birth: date = Field(index=True)
    start_date: date | None = None
    leave_date: date | None = None
    key_person_id: int | None = Field(
        default=None, foreign_key="staff_member.id", index=True, ondelete="SET NULL"
    )
    sen_status: str = Field(default="none", max_length=30)
    need_areas: str = Field(default="", max_length=200)
    home_languages: str = Field(default="", max_length=200)
    archived_at: datetime | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class UserAccountRecord(Versioned, table=True):
    """A named login on a shared computer. No rows at all means single-user mode."""

    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=60, unique=True)
    display_name: str = Field(max_length=120)
    staff_member_id: int | None = Field(
        default=None, foreign_key="staff_member.id", ondelete="SET NULL"
    )
    role: str = Field(max_length=20)
    password_hash: str = Field(max_length=200)
    active: bool = True
    failed_attempts: int = 0
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class AuditEntryRecord(SQLModel, table=True):
    """One line of the append-only audit log, chained to the previous line by its hash.

    It says who did what to which record, never what the record contains.
    """

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now, index=True)
    actor: str = Field(max_length=60, index=True)
    action: str = Field(max_length=20, index=True)
    record_kind: str = Field(max_length=30)
    record_id: int | None = Field(default=None, index=True)
    detail: str = Field(default="", max_length=200)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class RetentionRuleRecord(SQLModel, table=True):
    """How long a kind of record is kept after its trigger, and what happens then.

    Rows are dated: a change adds a new row from its date, so the rule that applied at any
    time can be shown.
    """

    __tablename__ = "retention_rule"

    id: int | None = Field(default=None, primary_key=True)
    record_kind: str = Field(max_length=40, index=True)
    trigger: str = Field(max_length=40)
    period_months: int
    action: str = Field(max_length=40)
    effective_from: date
    created_at: datetime = Field(default_factory=utc_now)

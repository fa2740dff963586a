"""Retention: keep records a reasonable time after a child leaves, then review and erase.

The default (3 years after leaving, then review) is a common choice, not a law: it is stored as
an editable, dated rule. Erasure removes the child and every dependent row, overwrites the freed
space and compacts the file; the audit log notes the erasure by record number only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import child_graph, retention_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models import RetentionRuleRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.dates import add_months
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.validation import clean

CHILD_RECORDS = "child_records"
DEFAULT_RULE = ("child_records", tr("after leaving"), 36, tr("review for erasure"))
KIND_LABELS = {CHILD_RECORDS: tr("A child's records (profile, assessments, plans, reviews)")}


@dataclass(frozen=True)
class RetentionRule:
    id: int | None
    record_kind: str
    trigger: str
    period_months: int
    action: str
    effective_from: date

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.record_kind, self.record_kind.replace("_", " "))


@dataclass(frozen=True)
class DueForReview:
    child_id: int
    name: str
    leave_date: date
    due_since: date


def current_rule(
    db: Database, record_kind: str = CHILD_RECORDS, on: date | None = None
) -> RetentionRule:
    """The rule in force on ``on`` (today by default), or the built-in default."""
    on = on or date.today()
    with db.session() as s:
        for row in retention_store.rules(s):
            if row.record_kind == record_kind and row.effective_from <= on:
                return RetentionRule(
                    row.id,
                    row.record_kind,
                    row.trigger,
                    row.period_months,
                    row.action,
                    row.effective_from,
                )
    kind, trigger, months, action = DEFAULT_RULE
    return RetentionRule(None, kind, trigger, months, action, date(2000, 1, 1))


def set_period(db: Database, months: int, effective_from: date | None = None) -> RetentionRule:
    """Record a new period for children's records from ``effective_from`` (today by default)."""
    require(db, Permission.EDIT_SETTING)
    if not 1 <= months <= 600:
        raise ValidationError({"period_months": tr("Choose between 1 and 600 months.")})
    start = effective_from or date.today()
    _kind, trigger, _months, action = DEFAULT_RULE
    with db.session() as s:
        row = RetentionRuleRecord(
            record_kind=CHILD_RECORDS,
            trigger=trigger,
            period_months=months,
            action=action,
            effective_from=start,
        )
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "retention_rule", row.id, f"{months} months")
    return current_rule(db, on=start)


def due_for_review(db: Database, today: date | None = None) -> list[DueForReview]:
    """Children who left long enough ago that the rule says: review, then erase or keep."""
    require(db, Permission.VIEW_CHILDREN)
    today = today or date.today()
    rule = current_rule(db, on=today)
    cutoff = add_months(today, -rule.period_months)
    with db.session() as s:
        rows = retention_store.archived_children_left_before(s, cutoff)
        return [
            DueForReview(
                r.id or 0,
                f"{r.first_name} {r.last_name}",
                r.leave_date,
                add_months(r.leave_date, rule.period_months),
            )
            for r in rows
            if r.leave_date is not None
        ]


def erase_child(db: Database, child_id: int, typed_confirmation: str) -> int:
    """Erase a child completely; the person must type the child's full name to confirm.

    Returns how many rows were removed. Backups made earlier still hold the child until they
    are rotated out; the screen says so before asking.
    """
    require(db, Permission.ERASE)
    with child_graph.secure_delete(db) as s:
        rows = child_graph.collect(s, child_id)
        if not rows:
            raise NotFoundError(tr("That child's record no longer exists."))
        child = rows["child"][0]
        expected = clean(f"{child['first_name']} {child['last_name']}").casefold()
        if clean(typed_confirmation).casefold() != expected:
            raise ValidationError(
                {"confirmation": tr("Type the child's full name exactly as shown to confirm.")}
            )
        removed = child_graph.delete_all(s, rows)
    audit.record_now(db, AuditAction.ERASE, "child", child_id, f"{removed} rows erased")
    return removed

"""Saving and removing the small rows of a child's record (family, professionals, consent) in
one way: permission checked, child checked, audit entry written in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from portage_desktop.data import assessment_store, stores
from portage_desktop.data.engine import Database, DbSession
from portage_desktop.data.models import ChildRecord
from portage_desktop.data.models.assessment import (
    ConsentRecord,
    FamilyMemberRecord,
    ProfessionalRecord,
)
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.errors import NotFoundError

Row = TypeVar(tr("Row"), FamilyMemberRecord, ProfessionalRecord, ConsentRecord)
Out = TypeVar(tr("Out"))

GONE = tr("That child's record no longer exists.")


def ensure_child(session: DbSession, child_id: int) -> ChildRecord:
    """The child's row, or a plain message if it was erased meanwhile."""
    child = session.get(ChildRecord, child_id)
    if child is None:
        raise NotFoundError(GONE)
    return child


def list_rows(
    db: Database, model: type[Row], child_id: int, convert: Callable[[Row], Out]
) -> list[Out]:
    """A child's rows of one kind, converted to plain objects."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        return [convert(r) for r in assessment_store.child_rows(s, model, child_id)]


def save_row(
    db: Database,
    model: type[Row],
    child_id: int,
    row_id: int | None,
    values: dict[str, Any],
    what: str,
    convert: Callable[[Row], Out],
    expected_version: int | None = None,
) -> Out:
    """Insert or update one row; ``what`` names the kind of row in the audit log.

    ``expected_version`` is the version the screen showed; a newer save refuses this one with
    :class:`ConflictError` carrying the stored row.
    """
    require(db, Permission.EDIT_CHILDREN)
    owner = ("child_id", child_id)

    def current() -> Out:
        with db.session() as s:
            found = s.get(model, row_id)
            if found is None or found.child_id != child_id:
                raise NotFoundError(tr("That {what} is no longer in the record.").format(what=what))
            return convert(found)

    with refuse_stale(what, current), db.session() as s:
        ensure_child(s, child_id)
        row = stores.save_record(s, model, row_id, values, owner, expected_version)
        if row is None:
            raise NotFoundError(tr("That {what} is no longer in the record.").format(what=what))
        verb = "added" if row_id is None else "changed"
        action = AuditAction.CREATE if row_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "child", child_id, f"{what} {verb}")
        return convert(row)


def delete_row(db: Database, model: type[Row], child_id: int, row_id: int, what: str) -> None:
    """Remove one row of a child's record and note it in the audit log."""
    require(db, Permission.EDIT_CHILDREN)
    with db.session() as s:
        if not stores.delete_record(s, model, row_id, owner=("child_id", child_id)):
            raise NotFoundError(tr("That {what} is no longer in the record.").format(what=what))
        audit.record(s, db, AuditAction.CHANGE, "child", child_id, f"{what} removed")

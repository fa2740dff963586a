"""The manager's own statements and confirmations, for what the records cannot show.

Criterion 1 (Portage Principles) is always a statement; criterion 2 needs a person to confirm
the inspection; criteria 3 to 5 rest on statements until the app keeps those records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import stamp_store
from portage_desktop.data.engine import Database
from portage_desktop.data.errors import RecordChanged
from portage_desktop.data.models import utc_now
from portage_desktop.data.models.stamp import StampStatementRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import refuse_stale
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.validation import refuse_hidden_value

STATEMENT_MAX = 4000


@dataclass(frozen=True)
class Statement:
    criterion: int
    text: str
    confirmed_on: date | None
    confirmed_by: str
    confirms: str
    version: int = 0  # the stored row_version; 0 before the first save

    def confirmed_for(self, subject: str) -> bool:
        """Confirmed, and about the same thing (an edited inspection needs confirming again)."""
        return self.confirmed_on is not None and self.confirms == subject


def statements(db: Database) -> dict[int, Statement]:
    with db.session() as s:
        return {
            r.criterion: Statement(
                r.criterion, r.statement, r.confirmed_on, r.confirmed_by, r.confirms, r.row_version
            )
            for r in stamp_store.statements(s)
        }


def save_statement(
    db: Database,
    criterion: int,
    text: str,
    confirm: bool,
    subject: str = "",
    today: date | None = None,
    expected_version: int | None = None,
) -> Statement:
    """Save the statement; ``confirm`` records who confirmed it and when.

    ``expected_version`` is the version shown (0 for none yet): a statement someone else saved
    since is not overwritten; :class:`ConflictError` carries theirs.
    """
    actor = require(db, Permission.SUBMIT_APPLICATION)
    errors: dict[str, str] = {}
    text = (text or "").strip()
    if not 1 <= criterion <= 8:
        errors["criterion"] = tr("There are eight criteria.")
    if len(text) > STATEMENT_MAX:
        errors["statement"] = tr(
            "The statement is too long (at most {STATEMENT_MAX:,} characters)."
        ).format(STATEMENT_MAX=STATEMENT_MAX)
    if confirm and not text and criterion != 2:
        errors["statement"] = tr("Please write what you are confirming before you confirm it.")
    refuse_hidden_value(errors, "statement", text)
    if errors:
        raise ValidationError(errors)
    current = lambda: statements(db).get(criterion) or Statement(criterion, "", None, "", "")  # noqa: E731
    with (
        refuse_stale(
            tr("statement for criterion {criterion}").format(criterion=criterion), current
        ),
        db.session() as s,
    ):
        found = stamp_store.statement(s, criterion)
        stored_version = found.row_version if found is not None else 0
        if expected_version is not None and stored_version != expected_version:
            raise RecordChanged("stamp_statement", found.id if found else None)
        row = found or StampStatementRecord(criterion=criterion)
        row.statement = text
        if confirm:
            row.confirmed_on = today or date.today()
            row.confirmed_by, row.confirms = actor.display_name[:60], subject
        else:
            row.confirmed_on, row.confirmed_by, row.confirms = None, "", ""
        row.updated_at = utc_now()
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "statement", row.id, f"criterion {criterion}")
        return Statement(
            criterion, text, row.confirmed_on, row.confirmed_by, row.confirms, row.row_version
        )

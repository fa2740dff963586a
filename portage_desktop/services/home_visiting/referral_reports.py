"""Supporting reports sent with a referral (a paediatric letter, an Early Help Assessment):
kept as the child's ordinary attachments, inside the database, and listed on the referral."""

from __future__ import annotations

from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models.assessment import AttachmentRecord
from portage_desktop.i18n import tr
from portage_desktop.services import attachments, audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.attachments import AttachmentInfo, FileToAttach
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import referrals

REPORT_TYPES = ("application/pdf", "image/png", "image/jpeg")
MAX_REPORTS = 20


def _ids(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip().isdigit()]


def attach_report(db: Database, referral_id: int, file: FileToAttach) -> AttachmentInfo:
    """Keep a PDF or photo of a supporting report with the referral (checked by content)."""
    require(db, Permission.RECORD_VISITS)
    errors: dict[str, str] = {}
    media_type = attachments.check_file("report", file, REPORT_TYPES, errors)
    attachments.reject_if_errors(errors)
    with db.session() as s:
        row = referrals.load_row(s, referral_id)
        ids = _ids(row.report_ids)
        if len(ids) >= MAX_REPORTS:
            raise ValidationError(
                {
                    "report": tr("A referral keeps at most {MAX_REPORTS} reports.").format(
                        MAX_REPORTS=MAX_REPORTS
                    )
                }
            )
        new_id = attachments.store(s, row.child_id, file, media_type)
        row.report_ids = ",".join(str(i) for i in [*ids, new_id])
        stores.touch(row)
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CHANGE, "referral", referral_id, f"report {new_id}")
        return AttachmentInfo(new_id, file.filename, media_type, len(file.content))


def list_reports(db: Database, referral_id: int) -> list[AttachmentInfo]:
    """The referral's reports, oldest first (open one with ``attachments.open_attachment``)."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = referrals.load_row(s, referral_id)
        found = []
        for attachment_id in _ids(row.report_ids):
            a = s.get(AttachmentRecord, attachment_id)
            if a is not None:
                found.append(AttachmentInfo(attachment_id, a.filename, a.media_type, a.size))
        return found

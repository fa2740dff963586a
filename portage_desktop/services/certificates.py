"""Certificates attached to training records, kept inside the database.

Only PDF, PNG and JPEG files are accepted, recognised by their first bytes rather than their
name, so a renamed document or program is refused with a message that says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from portage_desktop.data import training_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.training import TrainingAttachmentRecord, TrainingRecordRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.attachments import safe_filename
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import NotFoundError, ValidationError

MAX_BYTES = 5 * 1024 * 1024
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


@dataclass(frozen=True)
class Certificate:
    id: int
    training_record_id: int
    filename: str
    content_type: str
    size: int

    @property
    def size_text(self) -> str:
        return tr("{max} KB").format(max=max(1, round(self.size / 1024)))


def content_type_of(content: bytes) -> str | None:
    """The file's real type from its first bytes, or ``None`` if it is not PDF, PNG or JPEG."""
    return next((kind for magic, kind in _MAGIC if content.startswith(magic)), None)


def check_file(filename: str, content: bytes) -> str:
    """Return the content type, or raise ``ValidationError`` with a message the user can act on."""
    if not content:
        raise ValidationError({"file": tr("{filename} is empty.").format(filename=filename)})
    if len(content) > MAX_BYTES:
        raise ValidationError(
            {
                "file": tr(
                    "{filename} is larger than 5 MB. Please scan it at a lower resolution."
                ).format(filename=filename)
            }
        )
    kind = content_type_of(content)
    if kind is None:
        raise ValidationError(
            {
                "file": tr(
                    "{filename} is not a PDF, PNG or JPEG file. Please attach a scan or photo."
                ).format(filename=filename)
            }
        )
    return kind


def list_certificates(db: Database, record_id: int) -> list[Certificate]:
    with db.session() as s:
        return [Certificate(*row) for row in training_store.attachment_rows(s, [record_id])]


def attach(db: Database, record_id: int, filename: str, content: bytes) -> Certificate:
    require(db, Permission.EDIT_STAFF)
    name = safe_filename(filename, "certificate")
    kind = check_file(name, content)
    with db.session() as s:
        if s.get(TrainingRecordRecord, record_id) is None:
            raise NotFoundError(tr("That training record no longer exists."))
        row = TrainingAttachmentRecord(
            training_record_id=record_id,
            filename=name,
            content_type=kind,
            size=len(content),
            content=content,
        )
        s.add(row)
        s.flush()
        assert row.id is not None
        audit.record(s, db, AuditAction.CREATE, "certificate", row.id, f"training {record_id}")
        return Certificate(row.id, record_id, name, kind, len(content))


def read_certificate(db: Database, certificate_id: int) -> tuple[str, bytes]:
    """File name and content, for opening or saving a copy; the viewing is audited."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = s.get(TrainingAttachmentRecord, certificate_id)
        if row is None:
            raise NotFoundError(tr("That certificate no longer exists."))
        audit.record(s, db, AuditAction.VIEW, "certificate", certificate_id)
        return safe_filename(row.filename, "certificate"), bytes(row.content)


def remove(db: Database, certificate_id: int) -> None:
    require(db, Permission.EDIT_STAFF)
    with db.session() as s:
        row = s.get(TrainingAttachmentRecord, certificate_id)
        if row is None:
            raise NotFoundError(tr("That certificate no longer exists."))
        s.delete(row)
        s.flush()
        audit.record(s, db, AuditAction.ERASE, "certificate", certificate_id)

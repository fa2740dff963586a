"""Files kept with a child's record: photos and PDFs, checked by their content, not their name.

Files are stored inside the database, so a backup holds them and a later encrypted database
protects them; nothing is left loose in a folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from portage_desktop.data.engine import Database, DbSession
from portage_desktop.data.models.assessment import AttachmentRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import NotFoundError, ValidationError

MAX_BYTES = 10 * 1024 * 1024
IMAGE_TYPES = ("image/png", "image/jpeg")
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"%PDF-", "application/pdf"),
)


NAME_MAX = 200
# Characters Windows refuses in a file name, and the separators of every system.
_UNSAFE_IN_NAME = re.compile(r'[<>:"|?*\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]')


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """The name a kept file is stored and saved under: its last part only, never a folder.

    A name typed or sent by someone else may be ``..``, ``a/..``, a Windows path, or carry
    control or direction characters; saving a copy under such a name could land outside the
    chosen folder or disguise the file's type. Unsafe characters become ``_``; a name with
    nothing left becomes ``fallback``.
    """
    last = re.split(r"[/\\]", name or "")[-1]
    cleaned = _UNSAFE_IN_NAME.sub("_", last).strip().strip(".").strip()
    if not cleaned or not cleaned.replace("_", ""):
        return fallback
    if len(cleaned) > NAME_MAX:
        stem, dot, ext = cleaned.rpartition(".")
        keep = f".{ext}" if dot and len(ext) <= 10 else ""
        cleaned = (stem if keep else cleaned)[: NAME_MAX - len(keep)] + keep
    return cleaned


@dataclass(frozen=True)
class FileToAttach:
    """A file chosen by the user, read into memory by the screen."""

    filename: str
    content: bytes


@dataclass(frozen=True)
class AttachmentInfo:
    """What a list shows about a file, without loading its contents."""

    id: int
    filename: str
    media_type: str
    size: int

    @property
    def size_text(self) -> str:
        return tr("{max} KB").format(max=max(1, round(self.size / 1024)))


@dataclass(frozen=True)
class AttachmentFile(AttachmentInfo):
    """A file with its contents, for saving a copy."""

    content: bytes = b""


def sniff(content: bytes) -> str | None:
    """The file's real type from its first bytes, or ``None`` if it is not one we keep."""
    for magic, media_type in _MAGIC:
        if content.startswith(magic):
            return media_type
    return None


def check_file(
    field: str, file: FileToAttach, allowed: tuple[str, ...], errors: dict[str, str]
) -> str:
    """Add a plain message to ``errors`` for an empty, oversized or wrong kind of file."""
    name = safe_filename(file.filename)
    media_type = sniff(file.content)
    kinds = tr("a photo (JPEG or PNG)") + (tr(" or a PDF") if "application/pdf" in allowed else "")
    if not file.content:
        errors[field] = tr("{name} is empty.").format(name=name)
    elif len(file.content) > MAX_BYTES:
        errors[field] = tr("{name} is larger than 10 MB. Please choose a smaller file.").format(
            name=name
        )
    elif media_type not in allowed:
        errors[field] = tr("{name} is not {kinds}. Please choose {kinds}.").format(
            name=name, kinds=kinds
        )
    return media_type or ""


def store(
    session: DbSession,
    child_id: int,
    file: FileToAttach,
    media_type: str,
    observation_id: int | None = None,
) -> int:
    """Keep a checked file inside the caller's transaction; returns its id."""
    row = AttachmentRecord(
        child_id=child_id,
        observation_id=observation_id,
        filename=safe_filename(file.filename),
        media_type=media_type,
        size=len(file.content),
        content=file.content,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def read_content(session: DbSession, attachment_id: int | None) -> bytes | None:
    """The bytes of an attachment, or ``None`` if it has gone."""
    row = session.get(AttachmentRecord, attachment_id) if attachment_id else None
    return row.content if row else None


def open_attachment(db: Database, child_id: int, attachment_id: int) -> AttachmentFile:
    """The file's contents, to view or save a copy; the opening is audited."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = s.get(AttachmentRecord, attachment_id)
        if row is None or row.child_id != child_id:
            raise NotFoundError(tr("That file is no longer in the record."))
        audit.record(s, db, AuditAction.VIEW, "child", child_id, f"attachment {attachment_id}")
        name = safe_filename(row.filename)  # rows kept before names were made safe, too
        return AttachmentFile(attachment_id, name, row.media_type, row.size, row.content)


def reject_if_errors(errors: dict[str, str]) -> None:
    """Raise the collected messages together, so every problem shows at once."""
    if errors:
        raise ValidationError(errors)

"""The one-page profile, "Finding out about me", in dated versions written with the family.

A new version is added beside the old ones, so what a parent said last year is still there in
their own words. A photo is kept only where a photo consent is in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import assessment_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.assessment import ProfileVersionRecord
from portage_desktop.i18n import tr
from portage_desktop.services import attachments, audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.attachments import FileToAttach
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.consent import list_consents, photo_allowed
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.record_rows import ensure_child
from portage_desktop.services.record_vocabulary import PhotoUse

TEXT_LIMIT = 1500
SECTIONS: tuple[tuple[str, str], ...] = (
    ("admired_for", tr("What people like and admire about me")),
    ("important_to_me", tr("What is important to me")),
    ("how_to_support", tr("How best to support me")),
    ("interests", tr("My interests and what motivates me")),
    ("communication", tr("How I communicate")),
    ("family_priorities", tr("My family's priorities")),
)


@dataclass(frozen=True)
class ProfileInput:
    """A new version as typed; ``keep_photo_id`` carries the last photo over."""

    written_on: date | None
    written_with: str = ""
    admired_for: str = ""
    important_to_me: str = ""
    how_to_support: str = ""
    interests: str = ""
    communication: str = ""
    family_priorities: str = ""
    photo: FileToAttach | None = None
    keep_photo_id: int | None = None


@dataclass(frozen=True)
class ProfileVersion:
    """One stored, dated version of the profile."""

    id: int
    written_on: date
    written_with: str
    admired_for: str
    important_to_me: str
    how_to_support: str
    interests: str
    communication: str
    family_priorities: str
    photo_id: int | None

    def section_text(self, field: str) -> str:
        return str(getattr(self, field))


def clean_paragraphs(text: str) -> str:
    """Keep the line breaks a parent typed, but trim stray spaces and runs of blank lines."""
    lines = [" ".join(line.split()) for line in (text or "").strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def validate_profile(data: ProfileInput, today: date) -> dict[str, object]:
    """Check a version: dated, not in the future, at least one part written."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data, ignore=("photo",))
    values: dict[str, object] = {}
    for field, label in SECTIONS:
        text = clean_paragraphs(str(getattr(data, field)))
        if len(text) > TEXT_LIMIT:
            errors[field] = tr("“{label}” is too long (at most {TEXT_LIMIT} characters).").format(
                label=label, TEXT_LIMIT=TEXT_LIMIT
            )
        values[field] = text
    if not any(values[f] for f, _ in SECTIONS):
        errors["admired_for"] = tr("Please write at least one part of the profile.")
    values["written_with"] = v.optional_text(
        errors, "written_with", data.written_with, 200, tr("names of who wrote it")
    )
    if data.written_on is None:
        errors["written_on"] = tr("Please enter the date the profile was written.")
    elif data.written_on > today:
        errors["written_on"] = tr("The date cannot be in the future.")
    values["written_on"] = data.written_on
    if errors:
        raise ValidationError(errors)
    return values


def _version(row: ProfileVersionRecord) -> ProfileVersion:
    return ProfileVersion(
        id=row.id or 0,
        written_on=row.written_on,
        written_with=row.written_with,
        admired_for=row.admired_for,
        important_to_me=row.important_to_me,
        how_to_support=row.how_to_support,
        interests=row.interests,
        communication=row.communication,
        family_priorities=row.family_priorities,
        photo_id=row.photo_id,
    )


def list_profiles(db: Database, child_id: int) -> list[ProfileVersion]:
    """Newest first: the first is the one shown, the rest are earlier versions."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        return [_version(r) for r in assessment_store.profiles_for_child(s, child_id)]


def add_profile_version(
    db: Database, child_id: int, data: ProfileInput, today: date | None = None
) -> ProfileVersion:
    """Store a new dated version; a photo needs photo consent that is in force today."""
    require(db, Permission.EDIT_CHILDREN)
    today = today or date.today()
    errors: dict[str, str] = {}
    try:
        values = validate_profile(data, today)
    except ValidationError as exc:
        errors.update(exc.errors)
        values = {}
    wants_photo = data.photo is not None or data.keep_photo_id is not None
    if wants_photo and not photo_allowed(list_consents(db, child_id), PhotoUse.RECORD, today):
        errors["photo"] = tr(
            "A photo can be kept only when photo consent is recorded on the Consent tab."
        )
    media_type = ""
    if data.photo is not None:
        media_type = attachments.check_file("photo", data.photo, attachments.IMAGE_TYPES, errors)
    attachments.reject_if_errors(errors)
    with db.session() as s:
        ensure_child(s, child_id)
        photo_id = data.keep_photo_id
        if data.photo is not None:
            photo_id = attachments.store(s, child_id, data.photo, media_type)
        row = ProfileVersionRecord(child_id=child_id, photo_id=photo_id, **values)  # type: ignore[arg-type]
        s.add(row)
        s.flush()
        audit.record(s, db, AuditAction.CREATE, "child", child_id, f"profile version {row.id}")
        return _version(row)


def profile_photo(
    db: Database, child_id: int, version: ProfileVersion, use: PhotoUse, on: date | None = None
) -> bytes | None:
    """The photo for ``use``, or ``None`` when there is none or consent does not cover it."""
    if version.photo_id is None:
        return None
    if not photo_allowed(list_consents(db, child_id), use, on or date.today()):
        return None
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return attachments.read_content(s, version.photo_id)

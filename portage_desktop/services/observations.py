"""Observations (by staff or parents) and professional advice, with the small steps they are
evidence for and any photos or reports attached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portage_desktop.data import assessment_store, stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models.assessment import ObservationRecord
from portage_desktop.i18n import tr
from portage_desktop.services import attachments, audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.attachments import AttachmentInfo, FileToAttach
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.errors import NotFoundError, ValidationError
from portage_desktop.services.profiles import clean_paragraphs
from portage_desktop.services.record_rows import ensure_child
from portage_desktop.services.record_vocabulary import AuthorKind, ObservationKind

TEXT_LIMIT = 5000
MAX_FILES = 10
ATTACHABLE = (*attachments.IMAGE_TYPES, "application/pdf")


@dataclass(frozen=True)
class ObservationInput:
    """What the observation dialog sends in, with any new files to attach."""

    kind: ObservationKind
    observed_on: date | None
    author_kind: AuthorKind
    author_name: str
    text: str
    item_ids: tuple[int, ...] = ()
    new_files: tuple[FileToAttach, ...] = ()


@dataclass(frozen=True)
class Observation:
    """A stored observation with its links and the list of its files."""

    id: int
    kind: ObservationKind
    observed_on: date
    author_kind: AuthorKind
    author_name: str
    text: str
    item_ids: tuple[int, ...]
    files: tuple[AttachmentInfo, ...]
    version: int = 1  # the stored row_version, handed back when saving a change

    @property
    def first_line(self) -> str:
        line = self.text.splitlines()[0] if self.text else ""
        return line if len(line) <= 90 else line[:87] + "…"


def validate_observation(
    data: ObservationInput, today: date
) -> tuple[dict[str, object], list[str]]:
    """Check the fields and every new file; returns values and file types."""
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data, ignore=("new_files",))
    author = v.required_name(errors, "author_name", data.author_name, tr("name of who wrote it"))
    text = clean_paragraphs(data.text)
    if not text:
        errors["text"] = tr("Please write what was seen or advised.")
    elif len(text) > TEXT_LIMIT:
        errors["text"] = tr("The text is too long (at most {TEXT_LIMIT:,} characters).").format(
            TEXT_LIMIT=TEXT_LIMIT
        )
    if data.observed_on is None:
        errors["observed_on"] = tr("Please enter the date.")
    elif data.observed_on > today:
        errors["observed_on"] = tr("The date cannot be in the future.")
    if len(data.new_files) > MAX_FILES:
        errors["files"] = tr("Please attach at most {MAX_FILES} files at a time.").format(
            MAX_FILES=MAX_FILES
        )
    types = [attachments.check_file("files", f, ATTACHABLE, errors) for f in data.new_files]
    if errors:
        raise ValidationError(errors)
    values = {
        "kind": ObservationKind(data.kind).value,
        "observed_on": data.observed_on,
        "author_kind": AuthorKind(data.author_kind).value,
        "author_name": author,
        "text": text,
    }
    return values, types


def list_observations(db: Database, child_id: int) -> list[Observation]:
    """Newest first."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        ensure_child(s, child_id)
        rows = assessment_store.observations_for_child(s, child_id)
        ids = [r.id or 0 for r in rows]
        links: dict[int, list[int]] = {i: [] for i in ids}
        for obs, item in assessment_store.linked_items(s, ids):
            links[obs].append(item)
        files: dict[int, list[AttachmentInfo]] = {i: [] for i in ids}
        for att, obs, name, media, size in assessment_store.attachment_headers(s, ids):
            files[obs or 0].append(AttachmentInfo(att, name, media, size))
        return [
            Observation(
                r.id or 0,
                ObservationKind(r.kind),
                r.observed_on,
                AuthorKind(r.author_kind),
                r.author_name,
                r.text,
                tuple(links[r.id or 0]),
                tuple(files[r.id or 0]),
                r.row_version,
            )
            for r in rows
        ]


def save_observation(
    db: Database,
    child_id: int,
    data: ObservationInput,
    observation_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or change an observation; new files are added to those already attached."""
    require(db, Permission.EDIT_CHILDREN)
    values, types = validate_observation(data, today or date.today())
    gone = tr("That observation is no longer in the record.")
    current = lambda: find(list_observations(db, child_id), observation_id, gone)  # noqa: E731
    with refuse_stale("observation", current), db.session() as s:
        ensure_child(s, child_id)
        row = stores.save_record(
            s, ObservationRecord, observation_id, values, ("child_id", child_id), expected_version
        )
        if row is None or row.id is None:
            raise NotFoundError(gone)
        known = {i.id for i in assessment_store.items_by_id(s, data.item_ids)}
        assessment_store.set_links(s, row.id, [i for i in data.item_ids if i in known])
        for file, media_type in zip(data.new_files, types, strict=True):
            attachments.store(s, child_id, file, media_type, observation_id=row.id)
        action = AuditAction.CREATE if observation_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "child", child_id, f"observation {row.id}")
        return row.id


def delete_observation(db: Database, child_id: int, observation_id: int) -> None:
    """Remove an observation with its links and attached files."""
    require(db, Permission.EDIT_CHILDREN)
    with db.session() as s:
        if not stores.delete_record(
            s, ObservationRecord, observation_id, owner=("child_id", child_id)
        ):
            raise NotFoundError(tr("That observation is no longer in the record."))
        audit.record(
            s, db, AuditAction.CHANGE, "child", child_id, f"observation {observation_id} removed"
        )

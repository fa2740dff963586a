"""Checklist frameworks: listing them, reading one, and importing a setting's own file.

Import is two steps, as the screen shows them: read and check the file (a preview, nothing
stored), then store it all at once. A new version of a framework is stored beside the old one,
so earlier assessments still point at the exact small steps they were made with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

from portage_desktop.checklist_format import (
    GUIDANCE,
    STEP,
    ChecklistFormatError,
    ParsedFramework,
    ScaleLevel,
    parse_file,
)
from portage_desktop.data import assessment_store
from portage_desktop.data.engine import Database
from portage_desktop.data.models.assessment import FrameworkRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import NotFoundError, ValidationError

__all__ = ["ChecklistFormatError", "Framework", "FrameworkDetail", "ImportPreview"]


@dataclass(frozen=True)
class Framework:
    """One stored version of a checklist and its status scale."""

    id: int
    name: str
    version: str
    source: str
    licence: str
    scale: tuple[ScaleLevel, ...]
    shipped: bool

    @property
    def title(self) -> str:
        return tr("{name} (version {version})").format(name=self.name, version=self.version)

    def level(self, value: int | None) -> ScaleLevel | None:
        return next((lvl for lvl in self.scale if lvl.value == value), None)


@dataclass(frozen=True)
class FrameworkItem:
    """One small step of a stored framework version."""

    id: int
    area_id: int
    position: int
    code: str
    aspect: str
    text: str
    age_from_months: int | None
    age_to_months: int | None
    kind: str = STEP
    age_words: str = ""  # the framework's own words for the ages ("Birth to three")

    @property
    def is_step(self) -> bool:
        """A small step the child learns: counted in strengths, emerging and next steps."""
        return self.kind == STEP

    @property
    def takes_status(self) -> bool:
        """Guidance for the practitioner is read, never marked."""
        return self.kind != GUIDANCE

    @property
    def age_band(self) -> str:
        """The framework's words for the ages and the months, whichever it gives."""
        low, high = self.age_from_months, self.age_to_months
        months = ""
        if low is not None or high is not None:
            months = tr("{value}–{value2} months").format(
                value=low if low is not None else 0, value2=high if high is not None else "…"
            )
        if self.age_words and months:
            return f"{self.age_words} ({months})"
        return self.age_words or months


@dataclass(frozen=True)
class FrameworkArea:
    """An area of a stored framework version with its small steps in order."""

    id: int
    name: str
    items: tuple[FrameworkItem, ...]


@dataclass(frozen=True)
class FrameworkDetail:
    """A whole framework version, loaded once and read many times."""

    framework: Framework
    areas: tuple[FrameworkArea, ...]

    @cached_property
    def items(self) -> tuple[FrameworkItem, ...]:
        return tuple(item for area in self.areas for item in area.items)

    @cached_property
    def area_of(self) -> dict[int, FrameworkArea]:
        return {item.id: area for area in self.areas for item in area.items}


@dataclass(frozen=True)
class ImportPreview:
    """What the screen shows before anything is stored."""

    parsed: ParsedFramework
    earlier_versions: tuple[str, ...]

    @property
    def summary(self) -> str:
        p = self.parsed
        lines = [
            tr("{name}, version {version}").format(name=p.name, version=p.version),
            tr("{count} areas and {item_count} small steps").format(
                count=len(p.areas), item_count=p.item_count
            ),
            tr("Statuses: ") + ", ".join(f"{s.value} {s.label}" for s in p.scale),
        ]
        if p.source:
            lines.append(tr("Source: {source}").format(source=p.source))
        if p.licence:
            lines.append(tr("Licence: {licence}").format(licence=p.licence))
        if self.earlier_versions:
            lines.append(
                tr("This is a new version. Earlier versions (")
                + ", ".join(self.earlier_versions)
                + tr(") are kept, and assessments made with them stay as they were.")
            )
        return "\n".join(lines)


def _framework(row: FrameworkRecord) -> Framework:
    scale = tuple(ScaleLevel(**lvl) for lvl in json.loads(row.scale))
    return Framework(
        row.id or 0, row.name, row.version, row.source, row.licence, scale, row.shipped
    )


def list_frameworks(db: Database) -> list[Framework]:
    """Every stored framework version, for choosing one."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        return [_framework(r) for r in assessment_store.frameworks(s)]


def suggested_framework_id(db: Database, child_latest: int | None = None) -> int | None:
    """The checklist a new assessment starts on: the child's last one, else the one the
    setting uses most, else the longest (a full checklist, not a short supplementary one)."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        use = assessment_store.framework_use(s)
    if child_latest in use:
        return child_latest
    return max(use, key=lambda fid: (*use[fid], -fid), default=None)


def get_framework(db: Database, framework_id: int) -> FrameworkDetail:
    """One framework version with all its areas and small steps."""
    require(db, Permission.VIEW_CHILDREN)
    with db.session() as s:
        row = s.get(FrameworkRecord, framework_id)
        if row is None:
            raise NotFoundError(tr("That checklist is no longer in the database."))
        areas, items = assessment_store.framework_contents(s, framework_id)
    by_area: dict[int, list[FrameworkItem]] = {a.id or 0: [] for a in areas}
    for it in items:
        by_area[it.area_id].append(
            FrameworkItem(
                it.id or 0,
                it.area_id,
                it.position,
                it.code,
                it.aspect,
                it.text,
                it.age_from_months,
                it.age_to_months,
                it.kind,
                it.age_band,
            )
        )
    return FrameworkDetail(
        _framework(row),
        tuple(FrameworkArea(a.id or 0, a.name, tuple(by_area[a.id or 0])) for a in areas),
    )


def preview_import(db: Database, filename: str, content: bytes) -> ImportPreview:
    """Read and check a file; raises :class:`ChecklistFormatError` naming each line and field."""
    require(db, Permission.EDIT_CHILDREN)
    parsed = parse_file(filename, content)
    with db.session() as s:
        if assessment_store.find_framework(s, parsed.name, parsed.version) is not None:
            raise ChecklistFormatError(
                [
                    tr(
                        "{name} version {version} is already in the database. "
                        "Change the version in the file to import it as a new version."
                    ).format(name=parsed.name, version=parsed.version)
                ]
            )
        earlier = tuple(
            r.version
            for r in assessment_store.frameworks(s)
            if r.name.lower() == parsed.name.lower()
        )
    return ImportPreview(parsed, earlier)


def import_framework(db: Database, parsed: ParsedFramework) -> Framework:
    """Store a checked framework, all or nothing."""
    require(db, Permission.EDIT_CHILDREN)
    with db.session() as s:
        if assessment_store.find_framework(s, parsed.name, parsed.version) is not None:
            raise ValidationError(
                {
                    "version": tr("{name} version {version} is already imported.").format(
                        name=parsed.name, version=parsed.version
                    )
                }
            )
        framework_id = assessment_store.insert_framework(s, parsed)
        audit.record(s, db, AuditAction.CREATE, "framework", framework_id, "checklist imported")
        row = s.get(FrameworkRecord, framework_id)
        assert row is not None
        return _framework(row)

"""Inspections stored exactly as published, each judgement on its own scale.

Ofsted changed its outcomes on 10 November 2025: before, one of four overall grades; after, a
report card with safeguarding Met or Not met and six areas on a five-point scale. Childminders
registered with an agency are not graded by Ofsted. No overall grade is ever worked out here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from portage_desktop.data import stamp_store, stores
from portage_desktop.data.engine import Database
from portage_desktop.data.models.stamp import InspectionRecord
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import validation as v
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.conflicts import find, refuse_stale
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import NotFoundError, ValidationError

REPORT_CARDS_FROM = date(2025, 11, 10)


class Framework(StrEnum):
    GRADED = "graded"
    REPORT_CARD = "report_card"
    AGENCY = "agency"

    @property
    def label(self) -> str:
        return {
            "graded": tr("Ofsted, graded (up to 9 November 2025)"),
            "report_card": tr("Ofsted report card (from 10 November 2025)"),
            "agency": tr("Childminder agency (not graded by Ofsted)"),
        }[self]


# Scales, best first, as (code, words shown).
GRADES = (
    ("outstanding", tr("Outstanding")),
    ("good", tr("Good")),
    ("requires_improvement", tr("Requires improvement")),
    ("inadequate", tr("Inadequate")),
)
REPORT_CARD_SCALE = (
    ("exceptional", tr("Exceptional")),
    ("strong", tr("Strong standard")),
    ("expected", tr("Expected standard")),
    ("needs_attention", tr("Needs attention")),
    ("urgent_improvement", tr("Urgent improvement")),
)
SAFEGUARDING_SCALE = (("met", tr("Met")), ("not_met", tr("Not met")))
REPORT_CARD_AREAS = (
    ("inclusion", tr("Inclusion")),
    ("curriculum", tr("Curriculum and teaching")),
    ("achievement", tr("Achievement")),
    ("behaviour", tr("Behaviour, attitudes and routines")),
    ("welfare", tr("Children's welfare and well-being")),
    ("leadership", tr("Leadership and governance")),
)
GRADED_AREAS = (("overall", tr("Overall effectiveness")),)


def judgement_areas(
    framework: Framework,
) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    """(area code, area words, its scale) for each judgement the framework publishes."""
    framework = Framework(framework)  # a plain string from a form is accepted too
    if framework is Framework.GRADED:
        return tuple((c, w, GRADES) for c, w in GRADED_AREAS)
    if framework is Framework.REPORT_CARD:
        areas = tuple((c, w, REPORT_CARD_SCALE) for c, w in REPORT_CARD_AREAS)
        return (("safeguarding", tr("Safeguarding"), SAFEGUARDING_SCALE), *areas)
    return ()


def area_name(framework: Framework, area: str) -> str:
    """An area by its published name ("Children's welfare and well-being"), never its code."""
    names = {c: w for c, w, _s in judgement_areas(framework)}
    return names.get(area, area.replace("_", " ").capitalize())


def words_for(framework: Framework, area: str, code: str) -> str:
    for area_code, _words, scale in judgement_areas(framework):
        if area_code == area:
            return dict(scale).get(code, code)
    return code


@dataclass(frozen=True)
class Inspection:
    id: int
    inspected_on: date
    framework: Framework
    judgements: tuple[tuple[str, str], ...]
    report_reference: str
    version: int = 1  # the stored row_version, handed back when saving a change

    def judgement(self, area: str) -> str | None:
        return dict(self.judgements).get(area)

    @property
    def lines(self) -> tuple[str, ...]:
        """Each judgement in the published words, for screens and the application pack."""
        return tuple(
            f"{area_name(self.framework, a)}: {words_for(self.framework, a, g)}"
            for a, g in self.judgements
        )

    @property
    def title(self) -> str:
        return f"{format_date(self.inspected_on)}, {self.framework.label}"


@dataclass(frozen=True)
class InspectionInput:
    inspected_on: date | None
    framework: Framework | str | None
    judgements: dict[str, str]
    report_reference: str = ""


def _inspection(row: InspectionRecord) -> Inspection:
    assert row.id is not None
    framework = Framework(row.framework)
    stored = json.loads(row.judgements or "{}")
    order = [c for c, _w, _s in judgement_areas(framework)]
    ordered = tuple((a, stored[a]) for a in order if a in stored)
    return Inspection(
        row.id, row.inspected_on, framework, ordered, row.report_reference, row.row_version
    )


def list_inspections(db: Database) -> list[Inspection]:
    """Newest first."""
    with db.session() as s:
        return [_inspection(r) for r in stamp_store.inspections(s)]


def latest_inspection(db: Database, on: date) -> Inspection | None:
    return next((i for i in list_inspections(db) if i.inspected_on <= on), None)


def validate_inspection(data: InspectionInput, today: date) -> dict[str, object]:
    errors: dict[str, str] = {}
    v.refuse_hidden(errors, data)
    framework = Framework(data.framework) if data.framework in set(Framework) else None
    if framework is None:
        errors["framework"] = tr("Please choose how the inspection was published.")
    if data.inspected_on is None:
        errors["inspected_on"] = tr("Please enter the date of the inspection.")
    elif data.inspected_on > today:
        errors["inspected_on"] = tr("The inspection date cannot be in the future.")
    elif framework is Framework.GRADED and data.inspected_on >= REPORT_CARDS_FROM:
        errors["inspected_on"] = tr(
            "Graded inspections ended on 9 November 2025; choose the report card instead."
        )
    elif framework is Framework.REPORT_CARD and data.inspected_on < REPORT_CARDS_FROM:
        errors["inspected_on"] = tr(
            "Report cards began on 10 November 2025; choose graded instead."
        )
    reference = v.optional_text(errors, "report_reference", data.report_reference, 300, "reference")
    judgements: dict[str, str] = {}
    if framework is not None:
        for area, words, scale in judgement_areas(framework):
            code = (data.judgements or {}).get(area, "")
            if code not in dict(scale):
                errors[f"judgement_{area}"] = tr("Please choose the judgement for {lower}.").format(
                    lower=words.lower()
                )
            else:
                judgements[area] = code
    if errors:
        raise ValidationError(errors)
    assert framework is not None
    return {
        "inspected_on": data.inspected_on,
        "framework": framework.value,
        "judgements": json.dumps(judgements, sort_keys=True),
        "report_reference": reference,
    }


def save_inspection(
    db: Database,
    data: InspectionInput,
    inspection_id: int | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> Inspection:
    """Add or correct an inspection; refused if someone saved it after ``expected_version``."""
    require(db, Permission.EDIT_SETTING)
    values = validate_inspection(data, today or date.today())
    gone = tr("That inspection no longer exists.")
    current = lambda: find(list_inspections(db), inspection_id, gone)  # noqa: E731
    with refuse_stale("inspection", current), db.session() as s:
        row = stores.save_record(s, InspectionRecord, inspection_id, values, None, expected_version)
        if row is None:
            raise NotFoundError(gone)
        action = AuditAction.CREATE if inspection_id is None else AuditAction.CHANGE
        audit.record(s, db, action, "inspection", row.id)
        return _inspection(row)


def delete_inspection(db: Database, inspection_id: int) -> None:
    require(db, Permission.EDIT_SETTING)
    with db.session() as s:
        if not stores.delete_record(s, InspectionRecord, inspection_id):
            raise NotFoundError(tr("That inspection no longer exists."))
        audit.record(s, db, AuditAction.ERASE, "inspection", inspection_id)

"""Gathers the Stamp of Approval records into the plain data the two printed records take.

Kept apart from :mod:`printing` so that module stays a short list of kinds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.reports.application_pack import (
    ApplicationPack,
    CriterionRow,
    NarrativeSection,
)
from portage_desktop.reports.training_matrix import MatrixRow
from portage_desktop.services import inspections, setting_profile, stamp_application
from portage_desktop.services import setting as setting_service
from portage_desktop.services.anonymise_review import ConfirmedPlan
from portage_desktop.services.dates import format_date, format_long
from portage_desktop.services.stamp_check import check_stamp
from portage_desktop.services.stamp_evidence import plans_for_application
from portage_desktop.services.training import TrainingKind
from portage_desktop.services.training_matrix import TrainingMatrix, training_matrix


def matrix_rows(matrix: TrainingMatrix) -> tuple[tuple[str, ...], tuple[MatrixRow, ...]]:
    columns = tuple(k.short_label for k in matrix.kinds)
    rows = tuple(
        MatrixRow(
            line.member.full_name,
            line.member.roles_text,
            line.working_text(matrix.on),
            line.cells,
        )
        for line in matrix.lines
    )
    return columns, rows


def application_pack(
    db: Database, today: date, confirmed: Sequence[ConfirmedPlan] = ()
) -> ApplicationPack:
    """Everything the pack prints. Plans are printed only as a person confirmed them in the
    wizard's review step (``confirmed``); without that the pack carries none, and no claim."""
    check = check_stamp(db, today)
    year = stamp_application.award_year_for(check)
    application = stamp_application.load_application(db, year)
    info = setting_service.get_setting(db)
    profile = setting_profile.get_profile(db)
    plans = {p.id: p for p in plans_for_application(db)}
    regulator = profile.regulator.label + (
        f" ({profile.agency_name})" if profile.agency_name else ""
    )
    setting_lines = (
        (tr("Name"), info.name if info else ""),
        (tr("Type"), info.kind.label if info else ""),
        (tr("Registered with"), regulator),
        (tr("Unique reference number (URN)"), info.ofsted_urn if info else ""),
        (tr("Local Portage service"), profile.portage_service),
        (tr("Portage service contact"), profile.portage_contact),
    )
    awards = tuple(
        (
            format_date(a.applied_on),
            format_date(a.awarded_on),
            format_date(a.expires_on),
            a.representative,
        )
        for a in setting_profile.list_awards(db)
    )
    criteria = tuple(
        CriterionRow(
            r.number,
            r.title,
            f"{r.status.symbol} {r.status.label}",
            r.anonymous_evidence,  # the pack is shared: no child is named in it
            r.anonymous_fixes,
        )
        for r in check.results
    )
    sections = tuple(
        NarrativeSection(
            s.title,
            application.narrative(s.key),
            tuple(e for n in s.criteria for e in check.result(n).anonymous_evidence[:3]),
        )
        for s in stamp_application.SECTIONS
    )
    matrix = training_matrix(db, today)
    columns, rows = matrix_rows(matrix)
    # The columns criteria 6, 7 and 8 rest on: Workshop, membership, Level 3 and PCPD modules.
    wanted = {
        TrainingKind.WORKSHOP,
        TrainingKind.MEMBERSHIP,
        TrainingKind.LEVEL3,
        TrainingKind.PCPD,
    }
    keep = [i for i, k in enumerate(matrix.kinds) if k in wanted]
    current_rows = tuple(r for r in rows if r.working == "Working here")
    inspection_rows = tuple((i.title, i.lines) for i in inspections.list_inspections(db)[:3])
    return ApplicationPack(
        award_year=year,
        checked_on=format_long(today),
        setting_lines=setting_lines,
        award_rows=awards,
        criteria=criteria,
        sections=sections,
        training_columns=tuple(columns[i] for i in keep),
        training_rows=tuple(
            MatrixRow(r.name, r.roles, r.working, tuple(r.cells[i] for i in keep))
            for r in current_rows
        ),
        inspections=inspection_rows,
        plans=tuple(confirmed),
        missing=tuple(stamp_application.missing(check, application, len(plans))),
        representative=application.representative,
        status_line=(
            tr("ready for the Portage representative to sign (marked final on {date})").format(
                date=format_long(application.finalised_on)
            )
            if application.finalised_on
            else "draft"
        ),
    )


def make_pack(
    db: Database, today: date, out: Path | None, confirmed: Sequence[ConfirmedPlan]
) -> bytes:
    """The application pack PDF with the plans a person has just reviewed and confirmed."""
    from portage_desktop.printing.common import setting_name
    from portage_desktop.reports.application_pack import build_application_pack
    from portage_desktop.reports.base import ReportMeta

    pack = application_pack(db, today, confirmed)
    meta = ReportMeta(
        setting_name(db),
        tr("Stamp of Approval application {award_year}").format(award_year=pack.award_year),
        today,
    )
    return build_application_pack(meta, pack, out)

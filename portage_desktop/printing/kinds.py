"""The kinds of printed record, shared by the Print menu and ``portage-desktop print``.

Each kind loads plain data through the services and hands it to a report builder, so the window
and the command line always print the same thing. Later features add kinds to ``PRINT_KINDS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.printing import groups as groups_print
from portage_desktop.printing import home_visiting, html_copy, service_quality
from portage_desktop.printing.common import PrintError, child_name, setting_name
from portage_desktop.services import assessments as assessments_service
from portage_desktop.services import audit, sharing
from portage_desktop.services import children as children_service
from portage_desktop.services import profiles as profiles_service
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.dates import age_text, format_date, format_long
from portage_desktop.services.errors import NotFoundError
from portage_desktop.services.record_vocabulary import PhotoUse
from portage_desktop.services.sharing import ShareRequest


@dataclass(frozen=True)
class PrintKind:
    """A kind of printed record, as the Print menu and the command line offer it."""

    name: str
    description: str
    needs_child: bool
    build: Callable[[Database, int | None, date, Path | None], bytes]
    # Kinds printed for one of a child's plans also take the plan (``None``: the current one).
    build_plan: Callable[[Database, int, int | None, date, Path | None], bytes] | None = None


def _children_list(db: Database, _child: int | None, today: date, out: Path | None) -> bytes:
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.children_list import ChildListRow, build_children_list

    rows = [
        ChildListRow(
            name=c.display_name,
            date_of_birth=format_date(c.date_of_birth),
            age=age_text(c.date_of_birth, today),
            key_person=c.key_person,
            sen_status=c.sen_status.label,
            needs=tuple(a.label for a in c.need_areas),
        )
        for c in children_service.list_children(db)
    ]
    meta = ReportMeta(setting_name(db), tr("Children on roll"), today)
    return build_children_list(meta, rows, out)


def _training_matrix(db: Database, _child: int | None, today: date, out: Path | None) -> bytes:
    from portage_desktop.printing.stamp import matrix_rows
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.training_matrix import build_training_matrix
    from portage_desktop.services.training_matrix import training_matrix

    matrix = training_matrix(db, today)
    columns, rows = matrix_rows(matrix)
    meta = ReportMeta(setting_name(db), tr("Staff training matrix"), today)
    return build_training_matrix(meta, columns, rows, matrix.warnings, out, matrix.lapsed)


def _application_pack(db: Database, _child: int | None, today: date, out: Path | None) -> bytes:
    from portage_desktop.printing.stamp import application_pack
    from portage_desktop.reports.application_pack import build_application_pack
    from portage_desktop.reports.base import ReportMeta

    pack = application_pack(db, today)
    meta = ReportMeta(
        setting_name(db),
        tr("Stamp of Approval application {award_year}").format(award_year=pack.award_year),
        today,
    )
    return build_application_pack(meta, pack, out)


def _one_page_profile(db: Database, child: int | None, today: date, out: Path | None) -> bytes:
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.one_page_profile import ProfileSheet, build_one_page_profile

    assert child is not None
    name = child_name(db, child)
    versions = profiles_service.list_profiles(db, child)
    if not versions:
        raise PrintError(
            tr("{name} has no one-page profile yet: add one on the About me tab.").format(name=name)
        )
    latest = versions[0]
    sheet = ProfileSheet(
        child_name=name,
        written_on=format_long(latest.written_on),
        written_with=latest.written_with,
        sections=[(label, latest.section_text(f)) for f, label in profiles_service.SECTIONS],
        photo=profiles_service.profile_photo(db, child, latest, PhotoUse.PRINTED_RECORDS, today),
    )
    meta = ReportMeta(setting_name(db), tr("One-page profile"), today)
    return html_copy.build(meta, sheet, out, build_one_page_profile)


def _assessment_summary(db: Database, child: int | None, today: date, out: Path | None) -> bytes:
    from portage_desktop.reports.assessment_summary import (
        AreaSheet,
        AssessmentSheet,
        build_assessment_summary,
    )
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.progress_chart import ChartSeries

    assert child is not None
    name = child_name(db, child)
    try:
        summary = assessments_service.summarise_assessment(db, child)
    except NotFoundError:
        raise PrintError(
            tr("{name} has no assessments yet: add one on the Assessments tab.").format(name=name)
        ) from None
    from portage_desktop.checklist_rules import CHECKPOINT
    from portage_desktop.printing import assessment_facts as facts
    from portage_desktop.services.children import get_child

    chosen = summary.assessment
    assessed = facts.assessed_areas(summary.detail, chosen.statuses)
    areas = [a.name for a in summary.detail.areas if a.name in assessed]
    sheet = AssessmentSheet(
        child_name=name,
        assessed_on=format_long(chosen.assessed_on),
        framework=summary.detail.framework.title,
        contributors=chosen.contributors_text,
        notes=chosen.notes,
        areas=[
            AreaSheet(
                a.area,
                len(a.strengths),
                a.total,
                [i.text for i in a.strengths],
                [i.text for i in a.emerging],
                [i.text for i in a.next_steps],
                assessed=a.area in assessed,
            )
            for a in summary.areas
        ],
        age=facts.age_on(get_child(db, child).date_of_birth, chosen.assessed_on),
        age_bands=facts.age_bands(summary.detail),
        checkpoints=[
            (
                summary.detail.area_of[item.id].name,
                item.text,
                level.label
                if (level := summary.detail.framework.level(chosen.statuses.get(item.id)))
                else tr("Not looked at this time"),
            )
            for item in summary.detail.items
            if item.kind == CHECKPOINT
        ],
        chart_areas=areas,
        chart_series=[
            ChartSeries(format_date(p.assessed_on), [p.shares.get(a, 0.0) for a in areas])
            for p in summary.progress
        ],
    )
    meta = ReportMeta(setting_name(db), tr("Assessment summary"), today)
    return build_assessment_summary(meta, sheet, out)


def _plan_print(chart: bool) -> Callable[[Database, int, int | None, date, Path | None], bytes]:
    """The home activity chart (``chart``) or the plan summary, for one plan of a child."""

    def build(
        db: Database,
        child: int,
        plan_id: int | None,
        today: date,
        out: Path | None,
        week: date | None = None,
    ) -> bytes:
        from portage_desktop.printing.plans import plan_sheet
        from portage_desktop.reports.base import ReportMeta
        from portage_desktop.reports.plan_sheets import build_activity_chart, build_plan_summary
        from portage_desktop.services import plan_records
        from portage_desktop.services import plans as plans_service
        from portage_desktop.services.plan_print import NoPlanError, plan_for_print

        try:
            found = plan_for_print(db, child, plan_id)
        except NoPlanError as exc:
            raise PrintError(str(exc)) from None
        plan = found.plan
        missing = plans_service.missing_for_chart(plan.data)
        if chart and missing:
            raise PrintError(
                tr(
                    "The activity chart for “{title}” needs the target written in full "
                    "first: {join}. Open the plan to fill these in."
                ).format(title=plan.title, join=", ".join(missing))
            )
        sheet = plan_sheet(found, today, week)
        title = tr("Activity chart for home") if chart else tr("Plan summary")
        meta = ReportMeta(setting_name(db), title, today)
        pdf = build_activity_chart if chart else build_plan_summary
        data = html_copy.build(meta, sheet, out, pdf)
        plan_records.mark_shared(db, child, plan.id, today)
        return data

    return build


def _review_report(db: Database, child: int | None, today: date, out: Path | None) -> bytes:
    from portage_desktop.printing.reviews import review_report

    assert child is not None
    return review_report(db, child, today, out)


def _shared_record(db: Database, child: int | None, today: date, out: Path | None) -> bytes:
    from portage_desktop.printing.reviews import shared_record

    assert child is not None
    return shared_record(db, child, today, out)


def _current_plan_only(build_plan):  # noqa: ANN001, ANN202
    return lambda db, child, today, out: build_plan(db, child, None, today, out)


PRINT_KINDS: dict[str, PrintKind] = {
    kind.name: kind
    for kind in [
        PrintKind(
            "children-list",
            tr("The children on roll, with age, key person and SEN status"),
            needs_child=False,
            build=_children_list,
        ),
        PrintKind(
            "training-matrix",
            tr("Every staff member's Portage training and NPA membership, with expiry warnings"),
            needs_child=False,
            build=_training_matrix,
        ),
        PrintKind(
            "application-pack",
            tr(
                "The Stamp of Approval application, ready to sign (its plans are printed from "
                "the self-assessment, once checked)"
            ),
            needs_child=False,
            build=_application_pack,
        ),
        PrintKind(
            "one-page-profile",
            tr("A child's one-page profile, Finding out about me (photo only with consent)"),
            needs_child=True,
            build=_one_page_profile,
        ),
        PrintKind(
            "assessment-summary",
            tr(
                "A child's latest assessment: strengths, emerging skills, next small steps, "
                "progress"
            ),
            needs_child=True,
            build=_assessment_summary,
        ),
        PrintKind(
            "activity-chart",
            tr(
                "A child's activity chart for home: the small step, how to help, a week to fill in "
                "(the current plan, or --plan N)"
            ),
            needs_child=True,
            build=_current_plan_only(_plan_print(chart=True)),
            build_plan=_plan_print(chart=True),
        ),
        PrintKind(
            "plan-summary",
            tr(
                "A child's activity plan in full: target, small steps and dates, how it is taught "
                "(the current plan, or --plan N)"
            ),
            needs_child=True,
            build=_current_plan_only(_plan_print(chart=False)),
            build_plan=_plan_print(chart=False),
        ),
        PrintKind(
            "review-report",
            tr(
                "A child's latest review with parents, for the family: successes first, each "
                "plan's "
                "progress and next steps, room for comments"
            ),
            needs_child=True,
            build=_review_report,
        ),
        PrintKind(
            "shared-record",
            tr(
                "A child's shared-record pack for the family: the one-page profile, current goals "
                "and plans, and the latest review"
            ),
            needs_child=True,
            build=_shared_record,
        ),
    ]
}
home_visiting.register(PRINT_KINDS, PrintKind, PrintError)
service_quality.register(PRINT_KINDS, PrintKind, PrintError)
PRINT_KINDS["group-register"] = PrintKind(
    "group-register",
    tr("The register of each group's next session, to tick who came"),
    needs_child=False,
    build=lambda db, _child, today, out: groups_print.group_register(db, today, out),
)


def find_child_id(db: Database, text: str) -> int:
    """Resolve ``--child`` given as a record number or a name; refuse an ambiguous name."""
    digits = text.strip()
    if digits.isdecimal():  # as the screens give it: one lookup, not the whole list
        wanted = int(digits) if len(digits) <= 30 else 0  # longer is never a record number
        if children_service.child_exists(db, wanted):
            return wanted
        shown = wanted if len(digits) <= 30 else f"{digits[:30]}…"
        raise PrintError(tr("No child has record number {shown}.").format(shown=shown))
    everyone = children_service.list_children(db, include_archived=True)
    needle = " ".join(text.lower().split())
    matches = [
        c
        for c in everyone
        if needle in (f"{c.first_name} {c.last_name}".lower(), c.display_name.lower())
    ]
    if not matches:
        raise PrintError(tr('No child is called "{text}".').format(text=text))
    if len(matches) > 1:
        numbers = ", ".join(str(c.id) for c in matches)
        raise PrintError(
            tr('More than one child is called "{text}"; use a record number ({numbers}).').format(
                text=text, numbers=numbers
            )
        )
    return matches[0].id


def print_record(
    db: Database,
    kind_name: str,
    child: int | None,
    out: Path,
    today: date | None = None,
    share: ShareRequest | None = None,
    plan: int | None = None,
    week: date | None = None,
) -> Path:
    """Build one record as a PDF at ``out`` (HTML for a family document named ``.html``); checks
    the PRINT permission and audits.

    ``child`` is a record number: only the command line resolves a name (:func:`find_child_id`).
    The print is audited once, as a print; reading the records for it writes no "viewed" entry.

    With ``share`` (a child's record going to another agency) the consent or safeguarding
    basis is checked before anything is written, and the share is recorded afterwards.
    ``plan`` chooses one of the child's plans for the plan prints (default: the current one);
    ``week`` (any day of it) the week an activity chart is for (default: :func:`chart_week`).
    """
    kind = PRINT_KINDS.get(kind_name)
    if kind is None:
        raise PrintError(
            tr('Unknown print kind "{kind_name}". See: portage-desktop print --list').format(
                kind_name=kind_name
            )
        )
    child_id = None
    if kind.needs_child:
        if child is None:
            raise PrintError(
                tr("{kind_name} is printed for one child: add --child ID-or-name.").format(
                    kind_name=kind_name
                )
            )
        if not children_service.child_exists(db, child):
            raise PrintError(tr("No child has record number {child}.").format(child=child))
        child_id = child
    if html_copy.wants_html(out) and kind.name not in html_copy.HTML_KINDS:
        raise PrintError(
            tr("{kind_name} has no copy for a phone: save it as a PDF instead.").format(
                kind_name=kind_name
            )
        )
    require(db, Permission.PRINT)
    day = today or date.today()
    if plan is not None and (kind.build_plan is None or child_id is None):
        raise PrintError(
            tr("{kind_name} is not printed for a plan: leave out --plan.").format(
                kind_name=kind_name
            )
        )
    if week is not None and (kind.name != "activity-chart" or child_id is None):
        raise PrintError(
            tr("{kind_name} is not printed for a week: leave out --week.").format(
                kind_name=kind_name
            )
        )
    if share is not None and child_id is not None:
        sharing.check_share(db, child_id, share, day)
    if week is not None and child_id is not None:
        _plan_print(chart=True)(db, child_id, plan, day, out, week)
    elif kind.build_plan is not None and child_id is not None:
        kind.build_plan(db, child_id, plan, day, out)
    else:
        kind.build(db, child_id, day, out)
    audit.record_now(db, AuditAction.PRINT, "child" if child_id else "setting", child_id, kind.name)
    if share is not None and child_id is not None:
        sharing.record_share(db, child_id, kind.name, share, day)
    return out


def export_child(
    db: Database, child: int, folder: Path, today: date | None = None
) -> tuple[Path, Path]:
    """Subject access export: a readable PDF and a complete JSON file, written together."""
    from portage_desktop.printing.safe_write import check_target, write_file, write_text
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.subject_access import build_subject_access
    from portage_desktop.services import subject_access

    if not children_service.child_exists(db, child):
        raise PrintError(tr("No child has record number {child}.").format(child=child))
    child_id = child
    day = today or date.today()
    stem = f"child-{child_id}-subject-access-{day:%Y-%m-%d}"
    json_path = check_target(folder / f"{stem}.json")
    pdf_path = check_target(folder / f"{stem}.pdf")
    export = subject_access.collect(db, child_id)
    meta = ReportMeta(setting_name(db), tr("Subject access export"), day)
    pdf = build_subject_access(meta, export.child_name, export.pages)  # both made before writing
    write_text(json_path, subject_access.json_text(export))
    write_file(pdf_path, pdf)
    return pdf_path, json_path

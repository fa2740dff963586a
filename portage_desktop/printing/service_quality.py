"""What a registered service prints: the annual service report and a family's blank evaluation
questionnaire. Registered into ``PRINT_KINDS`` by :func:`register`, so the Print menu and
``portage-desktop print`` offer them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services import setting as setting_service
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.service_quality import evaluation
from portage_desktop.services.service_quality.annual_report import AnnualReport, annual_report
from portage_desktop.services.service_quality.evaluation import SCALE, SCALE_WORDS

CHARTED = {
    "Referrals": tr("Where referrals came from"),
    "Visits": tr("What happened to the visits due"),
    "End of service": tr("Why families' service ended"),
}


def _service_name(db: Database) -> str:
    info = setting_service.get_setting(db)
    return info.name if info else tr("Portage service")


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def report_data(report: AnnualReport):  # noqa: ANN201
    """The annual report as the PDF builder's plain data."""
    from portage_desktop.reports.service_report import (
        Chart,
        CheckLine,
        EvaluationLine,
        Section,
        ServiceReport,
    )

    names = list(dict.fromkeys(f.section for f in report.figures))
    sections = []
    for name in names:
        figures = report.section(name)
        chart = None
        if name in CHARTED:
            bars = [
                (
                    _first_upper(f.label.removeprefix(tr("From: ")).removeprefix(tr("Visits: "))),
                    int(f.value),
                )
                for f in figures
                if f.key.startswith(("source:", "visits:", "end:"))
            ]
            chart = Chart(CHARTED[name], tuple(bars))
        sections.append(Section(name, tuple((f.label, f.text) for f in figures), chart))
    lines = []
    points = [0] * 5
    for q in report.evaluation.questions:
        if q.mean is not None:
            summary = tr("average {mean:.1f} out of 5 from {answered} answers").format(
                mean=q.mean, answered=q.answered
            )
            points = [a + b for a, b in zip(points, q.counts, strict=True)]
        else:
            summary = tr("{answered} comment{value}").format(
                answered=q.answered, value="" if q.answered == 1 else "s"
            )
        lines.append(EvaluationLine(q.text, summary, q.comments))
    chart = None
    if sum(points):
        bars = tuple(
            (f"{n} {word}", count)
            for n, word, count in reversed(list(zip(SCALE, SCALE_WORDS, points, strict=True)))
        )
        chart = Chart(tr("How parents answered the scale questions (all questions together)"), bars)
    check = tuple(
        CheckLine(
            r.title + ("" if r.essential else " (desirable)"),
            r.status.label,
            r.evidence,
            r.fixes,
        )
        for r in report.check.results
    )
    return ServiceReport(
        report.year, tuple(sections), tuple(lines), chart, report.check.headline, check
    )


def service_report(db: Database, year: int, out: Path | None, today: date | None = None) -> bytes:
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.service_report import build_service_report

    name = _service_name(db)
    report = annual_report(db, year, name, today)
    meta = ReportMeta(
        name, tr("Annual service report {year}").format(year=year), today or date.today()
    )
    return build_service_report(report_data(report), meta, out)


def print_service_report(db: Database, year: int, out: Path) -> Path:
    """The command line's ``print service-report --year``: checked, written and audited."""
    require(db, Permission.PRINT)
    service_report(db, year, out)
    audit.record_now(db, AuditAction.PRINT, "setting", None, "service-report")
    return out


class NoQuestions(Exception):
    pass


def evaluation_questionnaire(db: Database, child: int, today: date, out: Path | None) -> bytes:
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.evaluation_questionnaire import (
        BlankQuestion,
        BlankQuestionnaire,
        build_evaluation_questionnaire,
    )

    questions = evaluation.current_questions(db)
    if not questions:
        raise NoQuestions(tr("The service has no questionnaire yet: write its questions first."))
    found = referrals.list_referrals(db, child_id=child)
    first_name = found[-1].child_name.split()[0] if found else tr("your child")
    sheet = BlankQuestionnaire(
        tr("For the family of {first_name}").format(first_name=first_name),
        f"R{found[-1].id}" if found else f"C{child}",
        tuple(
            BlankQuestion(i, q.text, q.kind is evaluation.QuestionKind.SCALE)
            for i, q in enumerate(questions, 1)
        ),
        evaluation.SCALE_WORDS,
        _service_name(db),
    )
    meta = ReportMeta(_service_name(db), tr("End of Portage questionnaire"), today)
    return build_evaluation_questionnaire(sheet, meta, out)


def register(kinds: dict, kind_type: type, error_type: type[Exception]) -> None:  # type: ignore[type-arg]
    """Add these print kinds to ``PRINT_KINDS``; called once from printing.kinds, which hands
    over its own ``PrintKind`` and ``PrintError`` so neither module imports the other."""

    def questionnaire(db: Database, child: int, today: date, out: Path | None) -> bytes:
        try:
            return evaluation_questionnaire(db, child, today, out)
        except NoQuestions as exc:
            raise error_type(str(exc)) from None

    for kind in (
        kind_type(
            "service-report",
            tr(
                "The annual service report with its figures, charts and the registered-service "
                "check (add --year YYYY; default this year)"
            ),
            needs_child=False,
            build=lambda db, _child, today, out: service_report(db, today.year, out, today),
        ),
        kind_type(
            "evaluation-questionnaire",
            tr("A family's blank end-of-service evaluation questionnaire"),
            needs_child=True,
            build=questionnaire,
        ),
    ):
        kinds[kind.name] = kind

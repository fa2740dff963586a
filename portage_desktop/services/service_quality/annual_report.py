"""The annual service report: for a calendar year, every figure a management forum, a council
or the NPA asks for, each with the record numbers behind it so anyone can check it, plus the
parents' evaluation and the registered-service check. Plain data for the PDF, the CSV and the
report screen alike."""

from __future__ import annotations

import csv
import io
import os
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from portage_desktop.data import service_quality_store as store
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services.access import Permission, require
from portage_desktop.services.home_visiting.vocabulary import Decision, EndReason, VisitStatus
from portage_desktop.services.service_quality import evaluation, workforce
from portage_desktop.services.service_quality.evaluation import Collation
from portage_desktop.services.service_quality.fidelity import Fidelity, fidelity
from portage_desktop.services.service_quality.registered_check import (
    VISIT_LOOKBACK,
    ServiceCheck,
    check_service,
)
from portage_desktop.services.service_quality.snapshot import load
from portage_desktop.services.spreadsheet_files import safe_csv_cell
from portage_desktop.services.training import TrainingKind


@dataclass(frozen=True)
class Figure:
    key: str  # stable, for the CSV and tests
    section: str
    label: str
    value: float | int
    records: tuple[str, ...]  # "referral 12", "home_visit 40"

    @property
    def text(self) -> str:
        return f"{self.value:.1f}" if isinstance(self.value, float) else f"{self.value:,}"


@dataclass(frozen=True)
class AnnualReport:
    year: int
    service_name: str
    figures: tuple[Figure, ...]
    evaluation: Collation
    check: ServiceCheck
    fidelity: Fidelity

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    def section(self, name: str) -> list[Figure]:
        return [f for f in self.figures if f.section == name]


def _ids(kind: str, ids: list[int]) -> tuple[str, ...]:
    return tuple(f"{kind} {i}" for i in sorted(ids))


def annual_report(
    db: Database, year: int, service_name: str = "", today: date | None = None
) -> AnnualReport:
    """The figures for ``year``; for the current year, visits still to come are not counted
    as due, and the check is made on ``today``."""
    require(db, Permission.VIEW_CHILDREN)
    first, last = date(year, 1, 1), date(year, 12, 31)
    until = min(last, today or date.today())
    # Only the visits from the start of the year, of the check's look-back, or of the first
    # block ending in the year, whichever is earliest: reading ten years of visits took over
    # a second on a large service.
    with db.session() as s:
        block_start = store.earliest_block_start(s, ending_from=first)
    since = min(first, until - timedelta(days=VISIT_LOOKBACK), block_start or first)
    snap = load(db, visits_since=since)
    figs: list[Figure] = []

    def add(key: str, section: str, label: str, kind: str, ids: list[int]) -> None:
        figs.append(Figure(key, section, label, len(ids), _ids(kind, ids)))

    # Referrals and their sources
    referred = [r for r in snap.referrals if first <= r.referred_on <= last]
    add(
        "referrals",
        tr("Referrals"),
        tr("Referrals received"),
        "referral",
        [r.id or 0 for r in referred],
    )
    by_source: dict[str, list[int]] = defaultdict(list)
    for r in referred:
        source = (
            tr("Parent (self-referral)")
            if r.referrer_kind == "parent"
            else (r.referrer_role or tr("Professional"))
        )
        by_source[source].append(r.id or 0)
    for source, ids in sorted(by_source.items()):
        add(
            f"source:{source}",
            tr("Referrals"),
            tr("From: {source}").format(source=source),
            "referral",
            ids,
        )
    # Eligibility outcomes
    decided = [r for r in snap.referrals if r.decided_on and first <= r.decided_on <= last]
    for decision in Decision:
        ids = [r.id or 0 for r in decided if r.decision == decision.value]
        add(f"decision:{decision.value}", tr("Eligibility"), decision.label, "referral", ids)
    # Waiting times: from joining the list to the first allocation, for those allocated this year
    waits: list[tuple[int, int]] = []
    for r in snap.referrals:
        allocs = snap.allocations_of(r.id or 0)
        if allocs and r.waiting_since and first <= allocs[0].from_on <= last:
            waits.append((r.id or 0, (allocs[0].from_on - r.waiting_since).days))
    add(
        "allocated",
        tr("Waiting"),
        tr("Families allocated a home visitor"),
        "referral",
        [i for i, _ in waits],
    )
    days = [d for _, d in waits]
    ids = _ids("referral", [i for i, _ in waits])
    figs.append(
        Figure(
            "wait_median_weeks",
            tr("Waiting"),
            tr("Median wait (weeks)"),
            round(statistics.median(days) / 7, 1) if days else 0.0,
            ids,
        )
    )
    figs.append(
        Figure(
            "wait_longest_weeks",
            tr("Waiting"),
            tr("Longest wait (weeks)"),
            round(max(days) / 7, 1) if days else 0.0,
            ids,
        )
    )
    # Families and visits
    fid = fidelity(db, first, until, snap)
    served = [f.referral_id for f in fid.families if f.dosage.held]
    add("families_served", tr("Visits"), tr("Families visited"), "referral", served)
    in_year = [x for x in snap.visits if first <= x.planned_on <= last]
    for status in (
        VisitStatus.HELD,
        VisitStatus.CANCELLED_FAMILY,
        VisitStatus.CANCELLED_SERVICE,
        VisitStatus.FAILED,
    ):
        add(
            f"visits:{status.value}",
            tr("Visits"),
            tr("Visits: {lower}").format(lower=status.label.lower()),
            "home_visit",
            [x.id or 0 for x in in_year if x.status == status.value],
        )
    add(
        "visits_on_time",
        tr("Visits"),
        tr("Visits written up with the family on time"),
        "home_visit",
        fid.service.on_time,
    )
    blocks = [b for f in fid.families for b in f.blocks_completed]
    add("blocks_completed", tr("Visits"), tr("Blocks of visits completed"), "visit_block", blocks)
    # End of service and transitions
    ended = [e for e in snap.ends if first <= e.ended_on <= last]
    add(
        "ended",
        tr("End of service"),
        tr("Families whose service ended"),
        "service_end",
        [e.id or 0 for e in ended],
    )
    for reason in EndReason:
        ids_ = [e.id or 0 for e in ended if e.reason == reason.value]
        if ids_:
            add(f"end:{reason.value}", tr("End of service"), reason.label, "service_end", ids_)
    add(
        "transitions",
        tr("End of service"),
        tr("Moved on with a transition plan into a setting"),
        "service_end",
        [e.id or 0 for e in ended if e.transition_id],
    )
    # Progress: small steps learnt by the children visited
    children = {r.child_id for r in snap.referrals if (r.id or 0) in set(served)}
    with db.session() as s:
        steps = store.steps_achieved(s, children, first, last)
    add(
        "steps_learnt",
        tr("Progress"),
        tr("Small steps learnt by the children visited"),
        "plan_step",
        [i for i, _ in steps],
    )
    add(
        "children_learning",
        tr("Progress"),
        tr("Children who learnt at least one small step"),
        "child",
        sorted({c for _, c in steps}),
    )
    # Parents' evaluation
    collated = evaluation.collate(db, year)
    add(
        "questionnaires_sent",
        tr("Parents' evaluation"),
        tr("Questionnaires sent"),
        "questionnaire_return",
        list(collated.sent),
    )
    add(
        "questionnaires_returned",
        tr("Parents' evaluation"),
        tr("Questionnaires returned"),
        "questionnaire_return",
        list(collated.returned),
    )
    add(
        "questionnaires_not_returned",
        tr("Parents' evaluation"),
        tr("Not returned"),
        "questionnaire_return",
        list(collated.not_returned),
    )
    _fidelity_figures(fid, figs)
    # Workforce and training
    team = [m for m in workforce.team(db) if any(m.in_team(d) for d in (first, until))]
    add(
        "home_visitors",
        tr("Workforce"),
        tr("Home visitors in the year"),
        "home_visitor",
        [m.visitor.id for m in team],
    )
    add(
        "certificates",
        tr("Workforce"),
        tr("Holding the NPA Home Visitor Certificate at the year end"),
        "home_visitor",
        [m.visitor.id for m in team if m.certificate(last).earned],
    )
    add(
        "members",
        tr("Workforce"),
        tr("NPA members at the year end"),
        "home_visitor",
        [m.visitor.id for m in team if m.membership(last)],
    )
    trained = [
        r.id
        for m in team
        for r in m.records
        if r.completed_on
        and first <= r.completed_on <= last
        and r.kind is not TrainingKind.MEMBERSHIP
    ]
    add(
        "training_in_year",
        tr("Workforce"),
        tr("Training completed in the year (courses, awards, days)"),
        "training_record",
        trained,
    )
    sessions = [x for v in fid.visitors for x in v.supervision_ids]
    add(
        "supervisions",
        tr("Workforce"),
        tr("Supervision sessions held"),
        "supervision",
        sorted(set(sessions)),
    )
    check = check_service(db, until, snap)
    return AnnualReport(year, service_name, tuple(figs), collated, check, fid)


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _fidelity_figures(fid: Fidelity, figs: list[Figure]) -> None:
    """How much of the Portage model families received: the share of visits due that were
    held, time across the three elements, and how soon and how often families were seen."""
    section = tr("Fidelity")
    d = fid.service
    due = _ids("home_visit", d.planned)
    figs.append(
        Figure(
            "held_percent",
            section,
            tr("Visits due that were held (%)"),
            _percent(len(d.held), len(d.planned)),
            due,
        )
    )
    total = sum(d.minutes)
    held = _ids("home_visit", d.held)
    for key, label, minutes in zip(
        ("child_led", "family_focus", "teaching"),
        (tr("child-led play"), tr("family focus"), tr("structured teaching")),
        d.minutes,
        strict=True,
    ):
        figs.append(
            Figure(
                f"minutes_{key}",
                section,
                tr("Time in {label} (%)").format(label=label),
                _percent(minutes, total),
                held,
            )
        )
    waits = [
        (f.referral_id, f.days_to_first_visit)
        for f in fid.families
        if f.days_to_first_visit is not None
    ]
    figs.append(
        Figure(
            "referral_to_first_visit_weeks",
            section,
            tr("Median time from referral to first visit (weeks)"),
            round(statistics.median(d for _, d in waits) / 7, 1) if waits else 0.0,
            _ids("referral", [i for i, _ in waits]),
        )
    )
    dropped = [f.referral_id for f in fid.families if f.dropped_out]
    figs.append(
        Figure(
            "dropped_out",
            section,
            tr("Families who stopped early"),
            len(dropped),
            _ids("referral", dropped),
        )
    )
    rates = [v.supervisions_per_month for v in fid.visitors if v.dosage.planned]
    sessions = sorted({i for v in fid.visitors for i in v.supervision_ids})
    figs.append(
        Figure(
            "supervision_per_month",
            section,
            tr("Supervision sessions per home visitor per month (average)"),
            round(sum(rates) / len(rates), 1) if rates else 0.0,
            _ids("supervision", sessions),
        )
    )


class _SafeWriter:
    """A CSV writer whose text cells cannot run as formulas when the file is opened in a
    spreadsheet (a record's text may begin with ``=``)."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: list[object]) -> None:
        self._writer.writerow([safe_csv_cell(cell) for cell in row])


def figures_csv(report: AnnualReport) -> str:
    """One line per figure: section, figure, value and the records behind it."""
    out = io.StringIO()
    writer = _SafeWriter(out)
    writer.writerow([tr("Year"), tr("Section"), tr("Figure"), tr("Value"), tr("Records")])
    for f in report.figures:
        writer.writerow(
            [report.year, f.section, f.label, f.text.replace(",", ""), " ".join(f.records)]
        )
    for q in report.evaluation.questions:
        value = f"{q.mean:.1f}" if q.mean is not None else q.answered
        writer.writerow([report.year, tr("Parents' evaluation"), q.text, value, ""])
    return out.getvalue()


def counter_of(figures: list[Figure]) -> Counter[str]:
    """Label to value, for charts."""
    return Counter({f.label: int(f.value) for f in figures})


def save_figures_csv(report: AnnualReport, path: Path) -> Path:
    """Write the CSV beside its final name first, so a full disk never leaves half a file."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(figures_csv(report), encoding="utf-8", newline="")
    os.replace(partial, path)
    return path

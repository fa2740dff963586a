"""Where a home-visiting service stands on each Code of Practice point for NPA-registered
services on a day: met, at risk or not met, with the evidence (and the record numbers behind
it) and what would fix it. ``check-service``, the annual report and the screens show this one
result, as ``check-stamp`` does for settings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data.engine import Database
from portage_desktop.data.models.home_visiting import VisitBlockRecord
from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting.vocabulary import VisitStatus
from portage_desktop.services.service_quality import membership, supervision, workforce
from portage_desktop.services.service_quality.rules import rules_on
from portage_desktop.services.service_quality.snapshot import ServiceSnapshot, load
from portage_desktop.services.service_quality.workforce import TeamMember
from portage_desktop.services.stamp_criteria import Status
from portage_desktop.services.training import TrainingKind

REGULAR_WINDOW_DAYS = 28  # weekly or fortnightly means at least two visits held in four weeks
RECORD_WINDOW_DAYS = 84  # the shared record is judged on the last twelve weeks of visits
MEMBERSHIP_WARNING_DAYS = 56
SUPERVISION_LOOKBACK = 365  # a visitor unsupervised for a year reads as "none recorded"
VISIT_LOOKBACK = 120  # the visiting and shared-record points look back 12 weeks at most


@dataclass(frozen=True)
class PointResult:
    number: int
    title: str
    essential: bool
    status: Status
    evidence: tuple[str, ...]
    fixes: tuple[str, ...] = ()
    records: tuple[str, ...] = ()  # "kind id", the records the evidence rests on


@dataclass(frozen=True)
class ServiceCheck:
    on: date
    results: tuple[PointResult, ...]

    @property
    def essentials_met(self) -> int:
        return sum(1 for r in self.results if r.essential and r.status is Status.MET)

    @property
    def headline(self) -> str:
        essentials = sum(1 for r in self.results if r.essential)
        return tr("{essentials_met} of {essentials} essential points met").format(
            essentials_met=self.essentials_met, essentials=essentials
        )


def _share(good: int, total: int, fail_ratio: float = 0.2) -> Status:
    if total == 0 or good == total:
        return Status.MET
    return Status.AT_RISK if (total - good) / total <= fail_ratio else Status.NOT_MET


def regular_visiting(snap: ServiceSnapshot, on: date) -> PointResult:
    """Families visited at least fortnightly: two visits held in the last four open weeks."""
    title = tr("Regular home visiting, weekly or fortnightly")
    allocated = snap.allocated_on(on)
    start = on - timedelta(days=REGULAR_WINDOW_DAYS - 1)
    start -= timedelta(days=sum(1 for d in snap.closed if start <= d <= on))
    judged, short, records = 0, [], []
    by_referral: dict[int, list[VisitBlockRecord]] = defaultdict(list)
    for b in snap.blocks:
        by_referral[b.referral_id].append(b)
    for referral in snap.referrals:
        blocks = by_referral[referral.id or 0]
        if referral.id not in allocated or not any(b.start_on <= start for b in blocks):
            continue  # not visiting long enough to judge
        if not any(b.start_on <= on and b.ends_on >= start for b in blocks):
            continue  # between blocks: no visits were planned in these weeks
        judged += 1
        held = [
            x
            for x in snap.visits_of(referral)
            if x.status == VisitStatus.HELD and start <= x.planned_on <= on
        ]
        records += [tr("home_visit {id}").format(id=x.id) for x in held]
        if len(held) < 2:
            short.append(tr("referral {id} ({count} held)").format(id=referral.id, count=len(held)))
    if judged == 0:
        return PointResult(
            1,
            title,
            True,
            Status.AT_RISK,
            (
                tr("No family has been visited long enough to judge on {date}.").format(
                    date=format_date(on)
                ),
            ),
            (tr("Record the visits held."),),
        )
    status = _share(judged - len(short), judged)
    evidence = [
        tr(
            "{value} of {judged} families had at least two visits held between {date} and {date2}."
        ).format(
            value=judged - len(short), judged=judged, date=format_date(start), date2=format_date(on)
        )
    ]
    if short:
        evidence.append(tr("Visited less often: ") + ", ".join(short) + ".")
    fixes = (
        (
            tr(
                "Offer the families visited less often their usual day and time again, and add "
                "make-up visits for cancelled ones."
            ),
        )
        if short
        else ()
    )
    return PointResult(1, title, True, status, tuple(evidence), fixes, tuple(records))


def shared_record(snap: ServiceSnapshot, on: date) -> PointResult:
    """Visits held in the last twelve weeks written up with the family, on time."""
    title = tr("A shared record of the child's progress kept with the family")
    start = on - timedelta(days=RECORD_WINDOW_DAYS)
    held = [x for x in snap.visits if x.status == VisitStatus.HELD and start <= x.planned_on <= on]
    due = [x for x in held if snap.write_up_due(x) < on]
    late = [x for x in due if not snap.written_on_time(x)]
    if not held:
        return PointResult(
            2,
            title,
            True,
            Status.AT_RISK,
            (tr("No visits were held in the last twelve weeks."),),
            (tr("Record the visits held and their shared notes."),),
        )
    evidence = [
        tr(
            "{value} of {count} visits due to be written up had shared notes "
            "written with the family on time."
        ).format(value=len(due) - len(late), count=len(due))
    ]
    if late:
        evidence.append(
            tr("Not written up on time: ")
            + ", ".join(f"visit {x.id} on {format_date(x.planned_on)}" for x in late[:10])
            + (tr(" and more.") if len(late) > 10 else ".")
        )
    fixes = (tr("Write up the shared notes of those visits with the families."),) if late else ()
    status = _share(len(due) - len(late), len(due), 0.1)
    return PointResult(
        2,
        title,
        True,
        status,
        tuple(evidence),
        fixes,
        tuple(tr("home_visit {id}").format(id=x.id) for x in due),
    )


def workshop_trained(team: list[TeamMember], on: date) -> PointResult:
    title = tr("Every home visitor has done a Portage Workshop by an NPA-accredited trainer")
    current = [m for m in team if m.in_team(on)]
    done = [(m, m.workshop(on)) for m in current]
    missing = [m.name for m, w in done if w is None]
    evidence = [
        tr(
            "{value} of {count} home visitors are Workshop-trained by an accredited trainer."
        ).format(value=len(current) - len(missing), count=len(current))
    ]
    if missing:
        evidence.append(tr("Not yet: ") + ", ".join(missing) + ".")
    status = Status.NOT_MET if missing or not current else Status.MET
    fixes = (
        (
            tr("Book a Portage Workshop with an NPA-accredited trainer for {join}.").format(
                join=", ".join(missing)
            ),
        )
        if missing
        else ()
    )
    return PointResult(
        3,
        title,
        True,
        status,
        tuple(evidence),
        fixes,
        tuple(tr("training_record {id}").format(id=w.id) for _, w in done if w),
    )


def inductions(team: list[TeamMember], on: date) -> PointResult:
    title = tr("New home visitors complete the NPA induction checklist with a mentor")
    current = [m for m in team if m.in_team(on)]
    if current and not current[0].induction.lines:
        return PointResult(
            4,
            title,
            True,
            Status.NOT_MET,
            (tr("The service has no induction checklist yet."),),
            (tr("Write the service's induction checklist."),),
        )
    open_ = [m for m in current if not m.induction.complete_on(on)]
    recent = [
        m for m in open_ if m.staff.start_date and m.staff.start_date > on - timedelta(days=365)
    ]
    evidence = [
        tr("{value} of {count} home visitors have completed the induction checklist.").format(
            value=len(current) - len(open_), count=len(current)
        )
    ]
    for m in open_:
        left = len(m.induction.outstanding(on))
        evidence.append(
            tr("{name}: {left} item{value} still to tick; {lower}{text}.").format(
                name=m.name,
                left=left,
                value="" if left == 1 else "s",
                lower=m.certificate(on).text[:1].lower(),
                text=m.certificate(on).text[1:],
            )
        )
    status = (
        Status.MET if not open_ else Status.AT_RISK if len(recent) == len(open_) else Status.NOT_MET
    )
    fixes = (
        (tr("Work through the outstanding items with each visitor's mentor and tick them off."),)
        if open_
        else ()
    )
    return PointResult(
        4,
        title,
        True,
        status,
        tuple(evidence),
        fixes,
        tuple(tr("home_visitor {id}").format(id=m.visitor.id) for m in current),
    )


def memberships(team: list[TeamMember], on: date) -> PointResult:
    title = tr("NPA professional membership: at least 3 members, or half of a team of 4 or fewer")
    today = membership.count_on(team, on)
    short = membership.through_year(team, on)
    ahead = membership.short_spells(
        team, on + timedelta(days=1), on + timedelta(days=MEMBERSHIP_WARNING_DAYS)
    )
    evidence = [today.text]
    if short:
        evidence.append(
            tr("Through the year the rule was not met from: ")
            + ", ".join(format_date(c.on) for c in short)
            + "."
        )
    else:
        evidence.append(
            tr("Met on every day from {date}.").format(date=format_date(on - timedelta(days=364)))
        )
    for c in ahead[:1] if today.met else []:
        evidence.append(
            tr("It will not be met from {date} unless memberships are renewed.").format(
                date=format_date(c.on)
            )
        )
    status = Status.NOT_MET if not today.met else Status.AT_RISK if short or ahead else Status.MET
    fixes = ()
    if not today.met:
        fixes = (
            tr("{value} more home visitor(s) need to join the NPA or renew.").format(
                value=today.needed - len(today.members)
            ),
        )
    elif ahead:
        fixes = (tr("Renew the memberships that are about to lapse."),)
    return PointResult(
        5,
        title,
        True,
        status,
        tuple(evidence),
        fixes,
        tuple(tr("training_record {i}").format(i=i) for i in today.record_ids),
    )


def supervised(db: Database, team: list[TeamMember], on: date) -> PointResult:
    rules = rules_on(db, on)
    interval = rules.supervision_days
    title = tr("Supervision for every home visitor at least every {interval} days").format(
        interval=interval
    )
    sessions = supervision.all_sessions(
        db, since=on - timedelta(days=SUPERVISION_LOOKBACK), until=on
    )
    current_ids = {m.visitor.id for m in team if m.in_team(on)}
    status_list = [
        x for x in supervision.supervision_status(db, on, sessions) if x.visitor_id in current_ids
    ]
    late = [x for x in status_list if x.overdue]
    evidence = [x.text.rstrip(".") + "." for x in status_list] or [
        tr("There are no home visitors.")
    ]
    meetings = [x for x in sessions if not x.kind.is_supervision]
    last_meeting = max((x.held_on for x in meetings), default=None)
    evidence.append(
        tr("Last team meeting: {value}.").format(
            value=format_date(last_meeting) if last_meeting else tr("none recorded")
        )
    )
    status = Status.NOT_MET if late else Status.MET
    if not late and (last_meeting is None or (on - last_meeting).days > rules.team_meeting_days):
        status = Status.AT_RISK
    fixes = (
        (tr("Hold supervision with {join}.").format(join=", ".join(x.name for x in late)),)
        if late
        else ()
    )
    if status is Status.AT_RISK:
        fixes = (tr("Hold a team meeting."),)
    ids = sorted({i for x in status_list for i in x.session_ids})
    return PointResult(
        6,
        title,
        True,
        status,
        tuple(evidence),
        fixes,
        tuple(tr("supervision {i}").format(i=i) for i in ids),
    )


_QUALIFICATIONS = (TrainingKind.LEVEL3, TrainingKind.LEVEL4, TrainingKind.DEGREE)


def qualifications(team: list[TeamMember], on: date) -> PointResult:
    title = tr("Level 3 or 4 Portage qualifications or a relevant degree")
    current = [m for m in team if m.in_team(on)]
    held = [(m, r) for m in current for k in _QUALIFICATIONS for r in m.completed(k, on)]
    towards = [(m, r) for m in current for k in _QUALIFICATIONS for r in m.working_towards(k, on)]
    evidence = [f"{m.name}: {r.kind.label}" + (f" ({r.title})" if r.title else "") for m, r in held]
    evidence += [
        tr("{name}: working towards {label}").format(name=m.name, label=r.kind.label)
        for m, r in towards
    ]
    status = Status.MET if held else Status.AT_RISK if towards else Status.NOT_MET
    fixes = (
        () if held else (tr("Support a home visitor through the Level 3 Award in Portage Skills."),)
    )
    records = tuple(tr("training_record {id}").format(id=r.id) for _, r in held + towards)
    return PointResult(
        7,
        title,
        False,
        status,
        tuple(evidence) or (tr("No qualifications recorded."),),
        fixes,
        records,
    )


def trainers(db: Database, team: list[TeamMember], on: date) -> PointResult:
    title = tr("An NPA-accredited trainer in the team, and NPA networking days attended")
    people = [(m.name, m.records, m.staff) for m in team] + [
        (s.full_name, recs, s) for s, recs in workforce.other_staff(db)
    ]
    current = [(n, recs) for n, recs, s in people if s.is_current(on)]
    accredited = [
        (n, r)
        for n, recs in current
        for r in recs
        if r.kind is TrainingKind.ACCREDITED_TRAINER and r.completed_on and r.completed_on <= on
    ]
    towards = [
        (n, r)
        for n, recs in current
        for r in recs
        if r.kind is TrainingKind.ACCREDITED_TRAINER and r.completed_on is None
    ]
    year_ago = on - timedelta(days=365)
    days = [
        (n, r)
        for n, recs in current
        for r in recs
        if r.kind is TrainingKind.NETWORKING_DAY
        and r.completed_on
        and year_ago < r.completed_on <= on
    ]
    evidence = [tr("{n} is an NPA-accredited trainer.").format(n=n) for n, _ in accredited]
    evidence += [
        tr("{n} is working towards NPA trainer accreditation.").format(n=n) for n, _ in towards
    ]
    evidence.append(
        tr("{count} NPA networking or development day attendance(s) in the last year.").format(
            count=len(days)
        )
    )
    status = (
        Status.MET
        if accredited and days
        else Status.AT_RISK
        if accredited or towards or days
        else Status.NOT_MET
    )
    fixes = []
    if not accredited:
        fixes.append(tr("Support an experienced home visitor to become an NPA-accredited trainer."))
    if not days:
        fixes.append(tr("Book a place at the next NPA networking day."))
    records = tuple(
        tr("training_record {id}").format(id=r.id) for _, r in accredited + towards + days
    )
    return PointResult(8, title, False, status, tuple(evidence), tuple(fixes), records)


def check_service(db: Database, on: date, snap: ServiceSnapshot | None = None) -> ServiceCheck:
    """Evaluate every point on ``on``; ``snap`` reuses rows a report has read already (every
    point filters by date, so a snapshot holding more visits gives the same answers)."""
    snap = snap or load(db, visits_since=on - timedelta(days=VISIT_LOOKBACK))
    team = workforce.team(db)
    return ServiceCheck(
        on,
        (
            regular_visiting(snap, on),
            shared_record(snap, on),
            workshop_trained(team, on),
            inductions(team, on),
            memberships(team, on),
            supervised(db, team, on),
            qualifications(team, on),
            trainers(db, team, on),
        ),
    )

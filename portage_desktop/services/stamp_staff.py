"""Criteria 6, 7 and 8: the staff's Portage Workshops, NPA membership, Level 3 and PCPD.

Judged from the staff and their training records on the day checked. A leaving date is the
first day someone no longer works here, and a membership is valid through its expiry date
(:func:`services.dates.valid_through`). Every result names who and when, and lists each record
it looked at, so the manager is sent to the right fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.i18n import tr
from portage_desktop.services.dates import VALID_THROUGH, format_date
from portage_desktop.services.staff import StaffMember
from portage_desktop.services.stamp_criteria import CountedRecord, CriterionResult, Status, some
from portage_desktop.services.stamp_rules import Rules
from portage_desktop.services.training import TrainingKind, TrainingRecord, TrainingStatus


@dataclass(frozen=True)
class StaffTraining:
    """A staff member with their training, as the criteria see them."""

    member: StaffMember
    records: tuple[TrainingRecord, ...]

    @property
    def name(self) -> str:
        return self.member.full_name

    def workshop_trained(self, on: date) -> bool:
        return any(r.counts_for_workshop(on) for r in self.records)

    def membership_on(self, on: date) -> TrainingRecord | None:
        current = [r for r in self.records if r.membership_current(on)]
        return max(current, key=lambda r: r.expires_on or date.max, default=None)

    def member_until(self, on: date, until: date) -> bool:
        """A member every day from ``on`` to ``until``, counting renewals, and not leaving."""
        if self.member.leave_date is not None and self.member.leave_date <= until:
            return False
        cursor = on
        while True:
            held = self.membership_on(cursor)
            if held is None:
                return False
            if held.expires_on is None or held.expires_on >= until:
                return True
            cursor = held.expires_on + timedelta(days=1)


def workshop_problems(record: TrainingRecord, on: date) -> list[str]:
    """Why a Workshop record does not count on ``on``, in words; empty when it does."""
    problems = []
    if record.completed_on is None:
        problems.append(tr("no completion date"))
    elif record.completed_on > on:
        problems.append(
            tr("completed on {date}, after the day checked").format(
                date=format_date(record.completed_on)
            )
        )
    if not record.trainer_accredited:
        problems.append(tr("trainer not NPA-accredited"))
    return problems


def staff_state(member: StaffMember, on: date) -> str:
    """Why someone is not current staff on ``on`` ("left on ..."); empty when they are."""
    if member.start_date is not None and member.start_date > on:
        return tr("starts on {date}").format(date=format_date(member.start_date))
    if member.leave_date is not None and member.leave_date <= on:
        return tr("left on {date}").format(date=format_date(member.leave_date))
    return ""


def _leaving(people: Sequence[StaffTraining], on: date) -> str:
    """ "Ann Lee left on 01/10/2026 and Bo Ray leaves on 01/03/2027", latest first."""
    ordered = sorted(people, key=lambda p: p.member.leave_date or date.min, reverse=True)
    parts = [
        tr("{name} {value} on {date}").format(
            name=p.name,
            value="left" if (p.member.leave_date or on) <= on else "leaves",
            date=format_date(p.member.leave_date),
        )
        for p in ordered
    ]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def workshop_needed(
    staff: Sequence[StaffTraining], childminder: bool, rules: Rules, on: date | None = None
) -> int:
    """Two for a group setting; one for a childminder or a setting with few current staff."""
    day = on or rules.on
    current = [p for p in staff if p.member.is_current(day)]
    small = childminder or len(current) <= rules.small_setting_staff
    return rules.workshop_small if small else rules.workshop_group


def _workshop_records(staff: Sequence[StaffTraining], on: date) -> tuple[CountedRecord, ...]:
    rows = []
    for p in staff:
        state = staff_state(p.member, on)
        started = (
            tr("started {date}").format(date=format_date(p.member.start_date))
            if p.member.start_date
            else ""
        )
        left = (
            tr("leaving date {date}").format(date=format_date(p.member.leave_date))
            if p.member.leave_date
            else ""
        )
        rows.append(
            CountedRecord(
                p.name,
                tr("Staff member"),
                "; ".join(x for x in (started, left) if x) or tr("no dates recorded"),
                not state,
                state or tr("works here on {date}").format(date=format_date(on)),
            )
        )
        for r in p.records:
            if r.kind is not TrainingKind.WORKSHOP:
                continue
            why = workshop_problems(r, on) + ([state] if state else [])
            accredited = "yes" if r.trainer_accredited else "no"
            rows.append(
                CountedRecord(
                    p.name,
                    tr("Portage Workshop"),
                    tr("completed {date}; trainer: {trainer}; NPA-accredited: {accredited}").format(
                        date=format_date(r.completed_on), trainer=r.trainer, accredited=accredited
                    ),
                    not why,
                    "; ".join(why) or tr("completed by the day checked, NPA-accredited trainer"),
                )
            )
    return tuple(rows)


def _first_shortfall(
    staff: Sequence[StaffTraining], childminder: bool, rules: Rules, year_end: date
) -> tuple[date, int, list[StaffTraining], list[StaffTraining]] | None:
    """The first day in the award year when leavers or new starters leave too few trained:
    (that day, the number then needed, who is trained then, who is working then)."""
    on = rules.on
    days = sorted(
        {
            d
            for p in staff
            for d in (p.member.start_date, p.member.leave_date)
            if d is not None and on < d <= year_end
        }
    )
    for day in days:
        working = [p for p in staff if p.member.is_current(day)]
        trained = [p for p in working if p.workshop_trained(on)]
        needed = workshop_needed(staff, childminder, rules, day)
        if len(trained) < needed:
            return day, needed, trained, working
    return None


def criterion_6(
    staff: Sequence[StaffTraining], childminder: bool, rules: Rules, year_end: date
) -> CriterionResult:
    on = rules.on
    current = [p for p in staff if p.member.is_current(on)]
    trained = [p for p in current if p.workshop_trained(on)]
    needed = workshop_needed(staff, childminder, rules)
    why = (
        tr("a childminder")
        if childminder
        else tr("{count} current staff, so ").format(count=len(current))
        + (
            tr("a small setting")
            if len(current) <= rules.small_setting_staff
            else tr("a group setting")
        )
    )
    evidence = [
        tr("Needed: {needed} ({why}).").format(needed=needed, why=why),
        tr(
            "Workshop-trained by an NPA-accredited trainer and working here: {count} ({some})."
        ).format(count=len(trained), some=some([p.name for p in trained])),
    ]
    problems = {
        p.name: sorted({w for r in p.records for w in workshop_problems(r, on)})
        for p in current
        if not p.workshop_trained(on) and any(r.kind is TrainingKind.WORKSHOP for r in p.records)
    }
    if problems:
        evidence.append(
            tr("Workshop recorded but not counted: ")
            + "; ".join(f"{name} ({', '.join(why)})" for name, why in problems.items())
            + "."
        )
    records = _workshop_records(staff, on)
    left = [
        p
        for p in staff
        if p.workshop_trained(on)
        and p.member.leave_date is not None
        and on - timedelta(days=365) < p.member.leave_date <= on
    ]
    short = needed - len(trained)
    if short > 0:
        if left:
            evidence.append(
                tr("Left in the last year: {leaving}.").format(leaving=_leaving(left, on))
            )
        fixes = [
            tr(
                "Book a Portage Workshop with an NPA-accredited trainer for {short} more "
                "practitioner{value}, and add it to their training record."
            ).format(short=short, value="s" if short != 1 else "")
        ]
        if any("trainer not NPA-accredited" in w for w in problems.values()):
            fixes.append(tr("If the trainer was NPA-accredited, tick that on the Workshop record."))
        cause, because = ("leaver", _leaving(left, on)) if left else ("", "")
        return CriterionResult(
            6, Status.NOT_MET, tuple(evidence), tuple(fixes), cause, because, records
        )
    shortfall = _first_shortfall(staff, childminder, rules, year_end)
    if shortfall is None:
        return CriterionResult(6, Status.MET, tuple(evidence), records=records)
    day, needed_then, trained_then, working = shortfall
    leavers = [p for p in trained if p not in trained_then]
    if leavers:
        because = _leaving(leavers, on)
        evidence.append(
            tr("Leaving by {date}: {because}.").format(date=format_date(day), because=because)
        )
        fix = tr("Book a Portage Workshop for another practitioner before {because}.").format(
            because=because
        )
        return CriterionResult(
            6, Status.AT_RISK, tuple(evidence), (fix,), "leaver", because, records
        )
    starters = [p for p in working if not p.member.is_current(on)]
    names = " and ".join(p.name for p in starters)
    because = tr("{names} {value} on {date}, making {count} staff").format(
        names=names,
        value="starts" if len(starters) == 1 else "start",
        date=format_date(day),
        count=len(working),
    )
    evidence.append(
        tr(
            "Starting on {date}: {names}. With {count} staff you will need "
            "{needed_then} Workshop-trained practitioners; {count2} will be working here."
        ).format(
            date=format_date(day),
            names=names,
            count=len(working),
            needed_then=needed_then,
            count2=len(trained_then),
        )
    )
    more = needed_then - len(trained_then)
    fix = tr(
        "Book a Portage Workshop with an NPA-accredited trainer for {more} more "
        "practitioner{value} before {date}, when {names} "
        "{value2}."
    ).format(
        more=more,
        value="s" if more != 1 else "",
        date=format_date(day),
        names=names,
        value2="starts" if len(starters) == 1 else "start",
    )
    return CriterionResult(6, Status.AT_RISK, tuple(evidence), (fix,), "starter", because, records)


def _membership_records(
    staff: Sequence[StaffTraining], on: date, year_end: date
) -> tuple[CountedRecord, ...]:
    rows = []
    for p in staff:
        state = staff_state(p.member, on)
        for r in p.records:
            if r.kind is not TrainingKind.MEMBERSHIP:
                continue
            why = [state] if state else []
            if r.started_on is not None and r.started_on > on:
                why.append(tr("starts on {date}").format(date=format_date(r.started_on)))
            elif r.expires_on is not None and r.expires_on < on:
                why.append(tr("ended: valid through {date}").format(date=format_date(r.expires_on)))
            counted = not why
            if counted and r.expires_on is not None and r.expires_on < year_end:
                why.append(
                    tr("valid through {date}, before the award year ends on {date2}").format(
                        date=format_date(r.expires_on), date2=format_date(year_end)
                    )
                )
            elif counted:
                why.append(tr("valid now and through the award year"))
            if counted and p.member.leave_date is not None and p.member.leave_date <= year_end:
                why.append(tr("leaves on {date}").format(date=format_date(p.member.leave_date)))
            rows.append(
                CountedRecord(
                    p.name,
                    tr("NPA membership No. {membership_number}").format(
                        membership_number=r.membership_number
                    ),
                    tr("from {date}, valid through {date2}").format(
                        date=format_date(r.started_on), date2=format_date(r.expires_on)
                    ),
                    counted,
                    "; ".join(why),
                )
            )
    return tuple(rows)


def criterion_7(staff: Sequence[StaffTraining], rules: Rules, year_end: date) -> CriterionResult:
    on = rules.on
    current = [p for p in staff if p.member.is_current(on)]
    members = [(p, m) for p in current if (m := p.membership_on(on))]
    through = [p for p, _m in members if p.member_until(on, year_end)]
    evidence = [
        tr(
            "Needed: {members_needed}, valid on {date} and through "
            "{date2} (the last day of the award year)."
        ).format(
            members_needed=rules.members_needed, date=format_date(on), date2=format_date(year_end)
        ),
        tr("Members now: ")
        + (
            ", ".join(f"{p.name} (valid through {format_date(m.expires_on)})" for p, m in members)
            or "nobody"
        )
        + ".",
        VALID_THROUGH,
    ]
    records = _membership_records(staff, on, year_end)
    if len(through) >= rules.members_needed:
        return CriterionResult(7, Status.MET, tuple(evidence), records=records)
    if len(members) >= rules.members_needed:
        leaving = [
            p
            for p, _m in members
            if p.member.leave_date is not None and p.member.leave_date <= year_end
        ]
        if leaving:
            because = _leaving(leaving, on)
            evidence.append(
                tr("Leaving by {date}: {because}.").format(
                    date=format_date(year_end), because=because
                )
            )
            fix = tr("Another practitioner could join the NPA before the member leaves.")
            return CriterionResult(
                7, Status.AT_RISK, tuple(evidence), (fix,), "leaver", because, records
            )
        ending = [(p, m) for p, m in members if p not in through]
        because = " and ".join(
            f"{p.name}'s NPA membership is valid through {format_date(m.expires_on)}"
            for p, m in ending
        ) + tr(", before the award year ends on {date}").format(date=format_date(year_end))
        fix = tr(
            "Renew NPA membership so that it is valid through {date} at least, "
            "then add the renewal to the training record."
        ).format(date=format_date(year_end))
        return CriterionResult(
            7, Status.AT_RISK, tuple(evidence), (fix,), "expiry", because, records
        )
    lapsed = [
        (p, max(ended))
        for p in current
        if not p.membership_on(on)
        and (
            ended := [
                r.expires_on
                for r in p.records
                if r.kind is TrainingKind.MEMBERSHIP and r.expires_on and r.expires_on < on
            ]
        )
    ]
    left = [p for p in staff if not p.member.is_current(on) and p.membership_on(on)]
    ended_words = " and ".join(
        f"{p.name}'s NPA membership ended (valid through {format_date(d)})" for p, d in lapsed
    )
    cause, because = (
        ("leaver", _leaving(left, on)) if left else ("expiry", ended_words) if lapsed else ("", "")
    )
    if lapsed:
        evidence.append(tr("Membership ended: {ended_words}.").format(ended_words=ended_words))
    if left:
        evidence.append(tr("Member who has left: {leaving}.").format(leaving=_leaving(left, on)))
    fix = tr(
        "Join or renew NPA professional membership for at least one practitioner, and add it "
        "to their training record with its number and dates."
    )
    return CriterionResult(7, Status.NOT_MET, tuple(evidence), (fix,), cause, because, records)


def criterion_8(staff: Sequence[StaffTraining], on: date) -> CriterionResult:
    current = [p for p in staff if p.member.is_current(on)]
    level3 = [(p, r) for p in current for r in p.records if r.kind is TrainingKind.LEVEL3]
    pcpd = [(p, r) for p in current for r in p.records if r.kind is TrainingKind.PCPD]
    evidence = [
        tr("Level 3 Award in Portage Skills: ")
        + (", ".join(f"{p.name} ({r.status.label.lower()})" for p, r in level3) or "nobody")
        + ".",
        tr("PCPD modules: ")
        + (", ".join(f"{p.name} ({r.title})" for p, r in pcpd) or "none")
        + ".",
    ]
    records = tuple(
        CountedRecord(
            p.name,
            r.kind.label,
            r.summary,
            counted := r.kind is TrainingKind.LEVEL3 or r.status is TrainingStatus.COMPLETED,
            "counted" if counted else tr("a PCPD module counts once it is completed"),
        )
        for p, r in (*level3, *pcpd)
    )
    if level3 or any(r.status is TrainingStatus.COMPLETED for _p, r in pcpd):
        return CriterionResult(8, Status.MET, tuple(evidence), records=records)
    return CriterionResult(
        8,
        Status.NOT_MET,
        tuple(evidence),
        (
            tr(
                "This criterion is desirable, not essential. A practitioner could start the "
                "Level 3 "
                "Award in Portage Skills or a PCPD module."
            ),
        ),
        records=records,
    )

"""What a home-visiting service prints: the family's copy of a visit, the letter after the
eligibility decision, and the service agreement. Registered into ``PRINT_KINDS`` by
:func:`register`, so the Print menu and ``portage-desktop print`` offer them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.printing import html_copy
from portage_desktop.services import family
from portage_desktop.services import plans as plans_service
from portage_desktop.services import setting as setting_service
from portage_desktop.services.dates import format_long
from portage_desktop.services.home_visiting import caseloads, referrals, rules, visits
from portage_desktop.services.home_visiting.referrals import Referral
from portage_desktop.services.home_visiting.vocabulary import Decision, ReferralStatus, VisitStatus

WEEKDAYS = (
    tr("Mondays"),
    tr("Tuesdays"),
    tr("Wednesdays"),
    tr("Thursdays"),
    tr("Fridays"),
    tr("Saturdays"),
    tr("Sundays"),
)


class NothingToPrint(Exception):
    """The child has no record of this kind yet; the message says where to add one."""


def _service_name(db: Database) -> str:
    info = setting_service.get_setting(db)
    return info.name if info else tr("Portage service")


def _latest(db: Database, child: int, statuses: tuple[ReferralStatus, ...]) -> Referral:
    found = referrals.list_referrals(db, statuses, child_id=child)
    if not found:
        raise NothingToPrint("")
    return found[-1]


def _family_name(db: Database, child: int) -> str:
    with_pr = [m.name for m in family.list_family(db, child) if m.parental_responsibility]
    return " and ".join(with_pr[:2]) or tr("parent or carer")


def referral_outcome(db: Database, child: int, today: date, out: Path | None) -> bytes:
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.referral_letter import ReferralLetter, build_referral_letter

    decided = [r for r in referrals.list_referrals(db, child_id=child) if r.decision]
    if not decided:
        raise NothingToPrint(
            tr("has no eligibility decision yet: record it on the referral first.")
        )
    ref = decided[-1]
    letter = ReferralLetter(
        family_name=_family_name(db, child),
        child_name=ref.child_name,
        referred_on=format_long(ref.data.referred_on),
        decided_on=format_long(ref.decided_on),
        decision=Decision(ref.decision).value,
        reasons=ref.decision_reason,
        signposted_to=ref.signposted_to,
        signed_by=ref.decided_by,
        service_name=_service_name(db),
    )
    meta = ReportMeta(_service_name(db), tr("Referral decision"), today)
    return build_referral_letter(meta, letter, out)


def service_agreement(db: Database, child: int, today: date, out: Path | None) -> bytes:
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.service_agreement import AgreementSheet, build_service_agreement

    allocated = [
        r
        for r in referrals.list_referrals(db, child_id=child)
        if r.status in (ReferralStatus.ALLOCATED, ReferralStatus.ENDED)
    ]
    if not allocated:
        raise NothingToPrint(tr("has no home visitor yet: allocate one first."))
    ref = allocated[-1]
    history = caseloads.allocation_history(db, ref.id)
    blocks = [b for b in visits.list_blocks(db, child) if b.referral_id == ref.id]
    in_force = rules.rules_on(db, today)
    pattern = tr("Visits are arranged at the first visit")
    if blocks:
        b = blocks[-1]
        at = tr(" at {usual_time}").format(usual_time=b.usual_time) if b.usual_time else ""
        pattern = tr("{label}, on {WEEKDAYS}{at}, in term time").format(
            label=b.pattern.label, WEEKDAYS=WEEKDAYS[b.weekday], at=at
        )
    sheet = AgreementSheet(
        child_name=ref.child_name,
        service_name=_service_name(db),
        visitor_name=history[-1].visitor_name if history else "",
        visit_pattern=pattern,
        visit_minutes=in_force.visit_minutes,
        block_visits=blocks[-1].visit_count if blocks else in_force.block_visits,
        signed_by=ref.agreement_signed_by,
        signed_on=format_long(ref.agreement_signed_on),
        recorded_by="",
    )
    meta = ReportMeta(_service_name(db), tr("Service agreement"), today)
    return build_service_agreement(meta, sheet, out)


def visit_record(
    db: Database, child: int, visit_id: int | None, today: date, out: Path | None
) -> bytes:
    """The family's copy of one visit (``visit_id``), or of the latest held visit."""
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.visit_record import VisitSheet, build_visit_record

    held = [v for v in visits.list_visits(db, child) if v.data.status is VisitStatus.HELD]
    if visit_id is not None:
        chosen = [v for v in visits.list_visits(db, child) if v.id == visit_id]
        if not chosen:
            raise NothingToPrint(tr("has no visit numbered {visit_id}.").format(visit_id=visit_id))
        if chosen[0].data.status is not VisitStatus.HELD:
            raise NothingToPrint(
                tr("visit {visit_id} was not held, so it has no record to print.").format(
                    visit_id=visit_id
                )
            )
        visit = chosen[0]
    elif held:
        visit = held[-1]
    else:
        raise NothingToPrint(tr("has no held visits yet: record a visit first."))
    names = {v.id: v.name for v in caseloads.list_visitors(db, include_inactive=True)}
    name = referrals.list_referrals(db, child_id=child)[-1].child_name
    first = name.split()[0]
    d = visit.data
    times = tuple(
        (label, tr("{minutes} minutes").format(minutes=minutes))
        for label, minutes in (
            (tr("play led by {first}").format(first=first), d.minutes_child_led),
            (tr("time for the family"), d.minutes_family_focus),
            (tr("teaching the activity"), d.minutes_teaching),
        )
        if minutes
    )
    activity = ""
    if d.plan_id is not None:
        plan = plans_service.get_plan(db, child, d.plan_id)
        activity = plan.data.title
        current = [s.text for s in plan.data.steps if s.started_on and not s.achieved_on]
        if current:
            activity += f": {current[-1]}"
    number = ""
    block = next((b for b in visits.list_blocks(db, child) if b.id == visit.block_id), None)
    if block is not None and visit.number:
        number = tr("Visit {number} of {visit_count}").format(
            number=visit.number, visit_count=block.visit_count
        )
    where = d.place.label if d.place else ""
    if d.joint_with:
        where = tr("{where} with {joint_with}").format(where=where, joint_with=d.joint_with)
    sheet = VisitSheet(
        child_name=name,
        visit_date=format_long(visit.on),
        visitor_name=names.get(visit.visitor_id or 0, "your home visitor"),
        where=where,
        number_text=number,
        times=times,
        enjoyed=d.enjoyed,
        activity=activity,
        practise=d.practise,
        next_time=d.next_time,
        shared_notes=d.shared_notes,
    )
    meta = ReportMeta(_service_name(db), tr("Visit record"), today)
    return html_copy.build(meta, sheet, out, build_visit_record)


def register(kinds: dict, kind_type: type, error_type: type[Exception]) -> None:  # type: ignore[type-arg]
    """Add the service's print kinds to ``PRINT_KINDS``; called once from printing.kinds, which
    hands over its own ``PrintKind`` and ``PrintError`` so neither module imports the other."""
    PrintKind, PrintError = kind_type, error_type

    def guarded(build):  # noqa: ANN001, ANN202
        def run(db: Database, child: int, *rest: object) -> bytes:
            try:
                return build(db, child, *rest)
            except NothingToPrint as exc:
                who = referrals.list_referrals(db, child_id=child)
                name = who[-1].child_name if who else tr("This child")
                if not str(exc):
                    raise PrintError(
                        tr("{name} has not been referred to the service.").format(name=name)
                    ) from None
                raise PrintError(f"{name} {exc}") from None

        return run

    visit = guarded(visit_record)
    for kind in (
        PrintKind(
            "visit-record",
            tr(
                "The family's copy of a home visit (add --visit N for one visit; default the "
                "latest)"
            ),
            needs_child=True,
            build=lambda db, child, today, out: visit(db, child, None, today, out),
            build_plan=visit,
        ),
        PrintKind(
            "referral-outcome",
            tr("The letter to the family after the eligibility decision"),
            needs_child=True,
            build=guarded(referral_outcome),
        ),
        PrintKind(
            "service-agreement",
            tr("The service level agreement, to sign at the first visit"),
            needs_child=True,
            build=guarded(service_agreement),
        ),
    ):
        kinds[kind.name] = kind

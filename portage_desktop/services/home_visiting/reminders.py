"""The service dashboard's warnings, each with the child (or visitor) and the date it is about.

Six kinds: the term after the third birthday coming up; failed visits in a row; a block's last
visit with no review; a family waiting past the service's target; a visitor over capacity;
held visits not written up within the service's deadline in working days. Every threshold is a
dated service rule.

Failed visits in a row count the failed visits since the family's last held visit: a visit
cancelled by the family or the service was not attempted, so it neither adds to the run nor
breaks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from portage_desktop.data import home_visiting_store as store
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services.access import Permission, require
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting.caseloads import visitor_loads
from portage_desktop.services.home_visiting.rules import (
    add_working_days,
    closed_days,
    eligibility_ends_on,
    list_closures,
    rules_from_rows,
)
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus


class WarningKind(StrEnum):
    ELIGIBILITY_ENDING = "eligibility_ending"
    FAILED_IN_ROW = "failed_in_row"
    BLOCK_WITHOUT_REVIEW = "block_without_review"
    WAITING_TOO_LONG = "waiting_too_long"
    OVER_CAPACITY = "over_capacity"
    NOT_WRITTEN_UP = "not_written_up"

    @property
    def label(self) -> str:
        return {
            "eligibility_ending": tr("Eligibility ending"),
            "failed_in_row": tr("Failed visits in a row"),
            "block_without_review": tr("Block ending without a review"),
            "waiting_too_long": tr("Waiting past the target"),
            "over_capacity": tr("Home visitor over capacity"),
            "not_written_up": tr("Visit not written up"),
        }[self]


@dataclass(frozen=True)
class ServiceWarning:
    kind: WarningKind
    on: date
    text: str
    child_id: int | None = None
    child_name: str = ""
    referral_id: int | None = None
    visit_id: int | None = None


def warnings(db: Database, on: date | None = None) -> list[ServiceWarning]:
    """Every warning in force on ``on``, soonest date first."""
    require(db, Permission.VIEW_CHILDREN)
    on = on or date.today()
    closed = closed_days(list_closures(db))
    with db.session() as s:
        rules = rules_from_rows(store.rules(s), on)
        active = store.active_families(s)
        allocated = {r.referral_id: r for r in active if r.status == ReferralStatus.ALLOCATED}
        review_by = on + timedelta(days=rules.review_warning_days)
        blocks = store.blocks_without_review(s, review_by)
        failed = store.failed_since_held(s, on - timedelta(days=366))
        unwritten = store.unwritten_visits(s, on)
    names = {r.child_id: f"{r.known_as or r.first_name} {r.last_name}" for r in active}
    found: list[ServiceWarning] = []
    horizon = on + timedelta(weeks=rules.eligibility_warning_weeks)
    for r in active:
        ends = eligibility_ends_on(r.date_of_birth, rules)
        if ends <= horizon:
            found.append(
                ServiceWarning(
                    WarningKind.ELIGIBILITY_ENDING,
                    ends,
                    tr(
                        "{names} stops being eligible on {date}, the "
                        "start of the term after the birthday: plan the transition."
                    ).format(names=names[r.child_id], date=format_date(ends)),
                    r.child_id,
                    names[r.child_id],
                    r.referral_id,
                )
            )
    referral_of = {r.child_id: r.referral_id for r in allocated.values()}
    for f in failed:
        if f.failed >= rules.failed_in_row and f.child_id in referral_of:
            name = names[f.child_id]
            found.append(
                ServiceWarning(
                    WarningKind.FAILED_IN_ROW,
                    f.last_on,
                    tr("{failed} failed visits in a row for {name}, the last on {date}.").format(
                        failed=f.failed, name=name, date=format_date(f.last_on)
                    ),
                    f.child_id,
                    name,
                    referral_of[f.child_id],
                )
            )
    for b in blocks:
        name = names[b.child_id]
        found.append(
            ServiceWarning(
                WarningKind.BLOCK_WITHOUT_REVIEW,
                b.ends_on,
                tr("{name}'s block ends with the visit on {date} and has no review yet.").format(
                    name=name, date=format_date(b.ends_on)
                ),
                b.child_id,
                name,
                b.referral_id,
            )
        )
    target = timedelta(weeks=rules.waiting_target_weeks)
    for r in active:
        since = r.waiting_since or r.referred_on
        if r.status == ReferralStatus.WAITING and on - since > target:
            weeks = (on - since).days // 7
            found.append(
                ServiceWarning(
                    WarningKind.WAITING_TOO_LONG,
                    since + target,
                    tr(
                        "{names} has waited {weeks} weeks, past the target of "
                        "{waiting_target_weeks} weeks."
                    ).format(
                        names=names[r.child_id],
                        weeks=weeks,
                        waiting_target_weeks=rules.waiting_target_weeks,
                    ),
                    r.child_id,
                    names[r.child_id],
                    r.referral_id,
                )
            )
    for c in visitor_loads(db, on):
        if c.over_capacity:
            found.append(
                ServiceWarning(
                    WarningKind.OVER_CAPACITY,
                    on,
                    tr(
                        "{name} has {families} families and "
                        "{visits_per_week:g} visits a week; her limits are {family_limit:g} "
                        "and {visit_limit:g}."
                    ).format(
                        name=c.visitor.name,
                        families=c.families,
                        visits_per_week=c.visits_per_week,
                        family_limit=c.family_limit,
                        visit_limit=c.visit_limit,
                    ),
                )
            )
    for x in unwritten:
        due = add_working_days(x.planned_on, rules.write_up_days, closed)
        if due < on and x.child_id in names:
            found.append(
                ServiceWarning(
                    WarningKind.NOT_WRITTEN_UP,
                    due,
                    tr(
                        "The visit to {names} on {date} was due to be written up by {date2}."
                    ).format(
                        names=names[x.child_id],
                        date=format_date(x.planned_on),
                        date2=format_date(due),
                    ),
                    x.child_id,
                    names[x.child_id],
                    visit_id=x.id,
                )
            )
    return sorted(found, key=lambda w: (w.on, w.kind.value, w.child_name))

"""The service's own summary for its Dashboard, where a setting sees its Stamp of Approval:
who is waiting and for how long, how many families have a home visitor, and this week's
visits and group sessions. Counts only, read in three small queries, so opening the
Dashboard stays quick on the largest service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data import groups_store
from portage_desktop.data import home_visiting_store as store
from portage_desktop.data.engine import Database
from portage_desktop.services.access import Permission, require
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus


@dataclass(frozen=True)
class ServiceSummary:
    waiting: int
    longest_wait_days: int  # 0 when nobody waits
    allocated: int
    week_from: date  # the Monday of ``on``'s week
    visits_planned: int  # Monday to Sunday, whatever became of them
    visits_held: int
    group_sessions: int


def summary(db: Database, on: date) -> ServiceSummary:
    require(db, Permission.VIEW_CHILDREN)
    monday = on - timedelta(days=on.weekday())
    sunday = monday + timedelta(days=6)
    with db.session() as s:
        families = store.active_families(s)
        planned, held = store.visit_counts(s, monday, sunday)
        sessions = groups_store.sessions_between(s, monday, sunday)
    waits = [
        (on - (f.waiting_since or f.referred_on)).days
        for f in families
        if f.status == ReferralStatus.WAITING
    ]
    return ServiceSummary(
        waiting=len(waits),
        longest_wait_days=max(waits, default=0),
        allocated=sum(1 for f in families if f.status == ReferralStatus.ALLOCATED),
        week_from=monday,
        visits_planned=planned,
        visits_held=held,
        group_sessions=sessions,
    )

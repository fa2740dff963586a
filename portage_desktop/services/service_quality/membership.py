"""The Code of Practice's membership rule: at least three current NPA professional members in
the team, or half the team where it has four home visitors or fewer. Counted on a day, and
through a year (a lapse in March matters even if it was renewed by June)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.service_quality.workforce import TeamMember

SMALL_TEAM = 4  # four home visitors or fewer: half the team is enough


def members_needed(team_size: int) -> int:
    """3 for a team of five or more; half (rounded up) for a team of four or fewer."""
    return 3 if team_size > SMALL_TEAM else math.ceil(team_size / 2)


@dataclass(frozen=True)
class MembershipCount:
    on: date
    team_size: int
    members: tuple[str, ...]
    needed: int
    record_ids: tuple[int, ...]

    @property
    def met(self) -> bool:
        return self.team_size > 0 and len(self.members) >= self.needed

    @property
    def text(self) -> str:
        rule = tr("at least 3") if self.team_size > SMALL_TEAM else tr("half the team")
        return tr(
            "On {date}: {count} of {team_size} home visitors "
            "are current NPA members; {rule} ({needed}) needed."
        ).format(
            date=format_date(self.on),
            count=len(self.members),
            team_size=self.team_size,
            rule=rule,
            needed=self.needed,
        )


def count_on(team: list[TeamMember], on: date) -> MembershipCount:
    in_team = [m for m in team if m.in_team(on)]
    members = [(m.name, m.membership(on)) for m in in_team]
    held = [(name, r) for name, r in members if r is not None]
    return MembershipCount(
        on,
        len(in_team),
        tuple(name for name, _ in held),
        members_needed(len(in_team)),
        tuple(r.id for _, r in held if r is not None),
    )


def _change_days(team: list[TeamMember], first: date, last: date) -> list[date]:
    """The days the count can change: starts, leaves, memberships starting and lapsing."""
    days = {first}
    for m in team:
        for day in (m.staff.start_date, m.staff.leave_date):
            if day is not None:
                days.add(day)
        for r in m.records:
            if r.started_on is not None:
                days.add(r.started_on)
            if r.expires_on is not None:
                days.add(r.expires_on + timedelta(days=1))  # the first day it has lapsed
    return sorted(d for d in days if first <= d <= last)


def short_spells(team: list[TeamMember], first: date, last: date) -> list[MembershipCount]:
    """Each spell between ``first`` and ``last`` when the rule was not met, by its first day."""
    return [c for c in (count_on(team, d) for d in _change_days(team, first, last)) if not c.met]


def through_year(team: list[TeamMember], on: date) -> list[MembershipCount]:
    """Spells short in the year up to and including ``on``."""
    return short_spells(team, on - timedelta(days=364), on)

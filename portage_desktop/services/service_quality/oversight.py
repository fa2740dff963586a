"""What a team lead checks on the Dashboard each morning: each home visitor's last
supervision, the last team meeting, and the joint monitoring visits due or overdue, each line
with the person (or family) and the date, and whether it needs doing now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.service_quality.monitoring import MonitoringState, monitoring_list
from portage_desktop.services.service_quality.rules import rules_on
from portage_desktop.services.service_quality.supervision import (
    SessionKind,
    all_sessions,
    supervision_status,
)


@dataclass(frozen=True)
class OversightLine:
    kind: str  # "Supervision", "Team meeting" or "Joint visit"
    who: str  # the home visitor, the team or the family
    on: date | None  # when it was last done, or when it is due
    text: str
    needs_doing: bool  # past the service's interval (or due now)

    @property
    def symbol(self) -> str:
        return "⚠" if self.needs_doing else "✔"


def oversight(db: Database, on: date) -> list[OversightLine]:
    """Lines that need doing first, then the rest, each in date order."""
    rules = rules_on(db, on)
    sessions = all_sessions(db, until=on)
    lines = [
        OversightLine(tr("Supervision"), s.name, s.last_on, s.text, s.overdue)
        for s in supervision_status(db, on, sessions)
    ]
    meetings = [x.held_on for x in sessions if x.kind is SessionKind.TEAM_MEETING]
    last = max(meetings, default=None)
    if last is None:
        lines.append(
            OversightLine(
                tr("Team meeting"), tr("The team"), None, tr("No team meeting recorded."), True
            )
        )
    else:
        due = last + timedelta(days=rules.team_meeting_days)
        late = on > due
        text = tr("Last team meeting {date}").format(date=format_date(last)) + (
            tr("; overdue since {date}").format(date=format_date(due))
            if late
            else tr("; next by {date}").format(date=format_date(due))
        )
        lines.append(OversightLine(tr("Team meeting"), tr("The team"), last, text, late))
    for visit in monitoring_list(db, on):
        if visit.state in (MonitoringState.DUE, MonitoringState.OVERDUE):
            lines.append(
                OversightLine(
                    tr("Joint visit"),
                    visit.child_name,
                    visit.due_on,
                    tr("Joint monitoring visit {lower}: due {date}").format(
                        lower=visit.state.label.lower(), date=format_date(visit.due_on)
                    ),
                    True,
                )
            )
    return sorted(lines, key=lambda x: (not x.needs_doing, x.on or date.min, x.who))

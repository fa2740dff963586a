"""The Dashboard's oversight lines: each home visitor's last supervision, the team meeting
and the joint visits due, warned from the day after the service's interval."""

from __future__ import annotations

from datetime import date, timedelta

from portage_desktop.services.service_quality import rules
from portage_desktop.services.service_quality.oversight import oversight
from portage_desktop.services.service_quality.supervision import SessionKind
from tests.services.service_quality_helpers import team_of
from tests.services.test_service_quality_families import DUE, _family, _hold
from tests.services.test_service_quality_supervision import _session

MEETING = date(2026, 11, 2)


def _by(lines, kind):
    return [x for x in lines if x.kind == kind]


def test_team_meetings_are_warned_the_day_after_the_interval(db):
    (hana,) = team_of(db, 1)
    assert _by(oversight(db, MEETING), "Team meeting")[0].needs_doing  # none recorded yet
    _session(db, hana, on=MEETING, kind=SessionKind.TEAM_MEETING)
    due = MEETING + timedelta(days=42)
    [on_time] = _by(oversight(db, due), "Team meeting")
    assert not on_time.needs_doing and on_time.text.endswith(f"next by {due:%d/%m/%Y}")
    [late] = _by(oversight(db, due + timedelta(days=1)), "Team meeting")
    assert late.needs_doing and "overdue since" in late.text
    rules.save_rule(db, "team_meeting_days", "60", MEETING)
    assert not _by(oversight(db, due + timedelta(days=1)), "Team meeting")[0].needs_doing


def test_each_visitor_has_a_supervision_line_and_what_needs_doing_comes_first(db):
    hana, _ruth = team_of(db, 2)
    _session(db, hana, on=date(2026, 11, 1))
    lines = oversight(db, date(2026, 11, 10))
    supervision = _by(lines, "Supervision")
    assert {x.who for x in supervision} == {"Hana Visitor", "Ruth Visitor"}
    assert [x.who for x in supervision if x.needs_doing] == ["Ruth Visitor"]
    assert lines.index(supervision[0]) < len([x for x in lines if x.needs_doing])
    assert all(x.needs_doing for x in lines[: sum(x.needs_doing for x in lines)])


def test_a_joint_visit_is_listed_once_due_and_not_before(db):
    _, _referral, child = _family(db)
    from portage_desktop.services.home_visiting import visits

    _hold(db, visits.list_visits(db, child)[0])
    assert _by(oversight(db, DUE - timedelta(days=15)), "Joint visit") == []
    [due] = _by(oversight(db, DUE - timedelta(days=14)), "Joint visit")
    assert due.needs_doing and due.on == DUE and "due" in due.text
    [late] = _by(oversight(db, DUE + timedelta(days=15)), "Joint visit")
    assert "overdue" in late.text

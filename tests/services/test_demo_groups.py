"""The demo service has groups with a register taken for past sessions and bookings ahead,
so the Groups area shows what it is for from the first look."""

from __future__ import annotations

from datetime import date

from portage_desktop.demo.service import populate
from portage_desktop.services.home_visiting import groups
from portage_desktop.services.home_visiting.groups import Attendance

TODAY = date(2026, 11, 26)


def test_the_demo_service_runs_two_groups_with_registers(db):
    populate(db, seed=2, today=TODAY, families=20)
    found = groups.list_groups(db, TODAY)
    assert [g.data.name for g in found] == ["Music and Movement", "Stay and Play"]
    for group in found:
        sessions = groups.list_sessions(db, group.id)
        past = [x for x in sessions if x.held_on < TODAY]
        ahead = [x for x in sessions if x.held_on >= TODAY]
        assert past and ahead
        assert all(x.bookings and x.notes for x in past)
        assert all(b.attendance is not Attendance.BOOKED for x in past for b in x.bookings)
        assert all(
            b.attendance is Attendance.BOOKED and not x.notes for x in ahead for b in x.bookings
        )
    assert sum(x.came for g in found for x in groups.list_sessions(db, g.id)) > 0

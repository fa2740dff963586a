"""A service's groups: sessions on the group's day passing over closures, only referred
families booked (once), attendance and notes saved together."""

from __future__ import annotations

from datetime import date

import pytest

from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import groups, referrals, rules
from portage_desktop.services.home_visiting.groups import Attendance, GroupInput
from portage_desktop.services.home_visiting.vocabulary import Pattern
from tests.services.home_visiting_helpers import refer
from tests.services.plan_helpers import add_child

MONDAY = date(2026, 11, 2)


def _stay_and_play(db) -> int:
    return groups.save_group(
        db, GroupInput("Stay and Play", "For families waiting", "Riverside hub", 2, "9:30")
    )


def test_sessions_fall_on_the_groups_day_and_pass_over_closures(db):
    group = _stay_and_play(db)
    rules.add_closure(db, date(2026, 11, 11), date(2026, 11, 11), "Training day")
    days = groups.plan_sessions(db, group, MONDAY, 3, Pattern.WEEKLY)
    assert days == [date(2026, 11, 4), date(2026, 11, 18), date(2026, 11, 25)]
    again = groups.plan_sessions(db, group, MONDAY, 1, Pattern.WEEKLY)
    assert again == [date(2026, 12, 2)]  # days it already meets are passed over too
    [stored] = groups.list_groups(db, date(2026, 11, 19))
    assert stored.sessions == 4 and stored.next_on == date(2026, 11, 25)
    assert stored.data.usual_time == "09:30"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"weekday": 5}, "weekday"),
        ({"usual_time": "half nine"}, "usual_time"),
    ],
)
def test_a_group_needs_a_name_a_weekday_and_a_real_time(db, change, field):
    data = GroupInput("Stay and Play", weekday=2)
    with pytest.raises(ValidationError) as error:
        groups.save_group(db, GroupInput(**{**data.__dict__, **change}))
    assert field in error.value.errors


def test_only_referred_families_are_booked_and_only_once(db):
    group = _stay_and_play(db)
    [day] = groups.plan_sessions(db, group, MONDAY, 1, Pattern.WEEKLY)
    [session] = groups.list_sessions(db, group)
    child = referrals.get_referral(db, refer(db, "Amy", "Lee")).child_id
    stranger = add_child(db, "Zed", "Nobody")
    with pytest.raises(ValidationError, match="referred"):
        groups.book(db, session.id, stranger)
    groups.book(db, session.id, child)
    with pytest.raises(ValidationError, match="already booked"):
        groups.book(db, session.id, child)
    with pytest.raises(ValidationError):
        groups.record_session(db, session.id, {stranger: Attendance.CAME}, "")
    groups.record_session(db, session.id, {child: Attendance.CAME}, "Songs and the parachute")
    [after] = groups.list_sessions(db, group)
    assert after.held_on == day and after.came == 1 and after.notes == "Songs and the parachute"
    assert after.bookings[0].child_name == "Amy Lee"
    assert groups.groups_of_child(db, child) == {"Stay and Play": 1}

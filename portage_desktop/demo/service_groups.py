"""The demo service's groups: a weekly Stay and Play for families waiting or newly visited,
and a fortnightly music group, with sessions over the last term and the next few weeks,
families booked, who came, and a line on what was talked about (all fictional)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from portage_desktop.data.engine import Database
from portage_desktop.services.home_visiting import groups, referrals
from portage_desktop.services.home_visiting.groups import Attendance, GroupInput
from portage_desktop.services.home_visiting.vocabulary import Pattern, ReferralStatus

GROUPS = (
    (
        GroupInput(
            "Stay and Play",
            "For families waiting for a home visitor and those newly visited",
            "Riverside Family Hub",
            1,  # Tuesday
            "10:00",
        ),
        Pattern.WEEKLY,
        14,
    ),
    (
        GroupInput(
            "Music and Movement",
            "Songs with signs and action rhymes for children not in a setting",
            "Library community room",
            3,  # Thursday
            "13:30",
        ),
        Pattern.FORTNIGHTLY,
        8,
    ),
)
NOTES = (
    "Bubbles and a parachute game; parents talked about sleep routines.",
    "Sensory tray with rice and scoops; two families swapped ideas for mealtimes.",
    "Action rhymes with Makaton signs for 'more' and 'finished'.",
    "Messy play outside; a visit from the speech and language therapist.",
)


def add_groups(db: Database, seed: int, today: date) -> None:
    """Two groups whose past sessions have a register taken and future ones bookings."""
    rng = random.Random(seed + 7)
    families = [
        r.child_id
        for r in referrals.list_referrals(
            db, statuses=(ReferralStatus.WAITING, ReferralStatus.ALLOCATED)
        )
    ]
    if not families:
        return
    for data, pattern, count in GROUPS:
        group = groups.save_group(db, data)
        start = today - timedelta(weeks=10)
        groups.plan_sessions(db, group, start, count, pattern)
        for session in groups.list_sessions(db, group):
            booked = rng.sample(families, min(len(families), rng.randint(3, 6)))
            for child_id in booked:
                groups.book(db, session.id, child_id)
            if session.held_on < today:
                marks = {
                    child_id: rng.choices(
                        (Attendance.CAME, Attendance.ABSENT_WITH_NOTICE, Attendance.ABSENT),
                        (8, 2, 1),
                    )[0]
                    for child_id in booked
                }
                groups.record_session(db, session.id, marks, rng.choice(NOTES))

"""Demo reviews with parents at term intervals: most children reviewed three times in the last
year, some overdue, some with no review yet (started mid-year), a few issues the family raised
still open, and two children with a transition plan to school. Invented, reproducible from
the seed, inserted in bulk."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select

from portage_desktop.data.engine import Database
from portage_desktop.data.models import utc_now
from portage_desktop.data.models.plans import GoalRecord, PlanRecord
from portage_desktop.data.models.reviews import ReviewIssueRecord, ReviewPlanRecord, ReviewRecord
from portage_desktop.data.models.transitions import TransitionActionRecord, TransitionPlanRecord

_VIEWS = [
    "Mum is pleased with how much more settled she is at drop-off.",
    "Dad says he is using more signs at home, especially for food.",
    "Grandma has noticed he copies the songs in the car.",
]
_VOICE = [
    "Pointed to the photos of the sand tray and smiled.",
    "Chose the bubbles card when asked what he likes best.",
    "Signed 'more' when we showed the snack photo.",
]
_ISSUES = [
    ("Worried about the move to the pre-school room", "Key person"),
    ("Would like advice about sleep", "SENCO"),
    ("Asked about the speech therapy waiting list", "SENCO"),
]


def populate(db: Database, seed: int, today: date) -> None:
    """Add reviews for every demo child with plans."""
    rng = random.Random(seed * 104729 + 5)
    now = utc_now()
    with db.session() as s:
        plans = list(
            s.execute(
                select(
                    PlanRecord.id,  # type: ignore[call-overload]
                    PlanRecord.child_id,
                    PlanRecord.title,
                    PlanRecord.start_on,
                    PlanRecord.agreed_with,
                    GoalRecord.area,
                )
                .join(GoalRecord, GoalRecord.id == PlanRecord.goal_id)  # type: ignore[arg-type]
                .order_by(PlanRecord.id)
            )
        )
        by_child: dict[int, list[Any]] = {}
        for row in plans:
            by_child.setdefault(row[1], []).append(row)
        reviews: list[dict[str, Any]] = []
        for n, (child_id, rows) in enumerate(sorted(by_child.items())):
            start, parent = rows[0][3], rows[0][4]
            if n % 6 == 5:
                continue  # started mid-year: no review yet
            last = start - timedelta(days=3)
            if n % 4 == 0:
                last = today - timedelta(days=150)  # overdue
            elif n % 4 == 1:
                last = today - timedelta(days=100)  # due this term
            for k in range(3):
                held = last - timedelta(days=122 * k)
                reviews.append(
                    {
                        "child_id": child_id,
                        "held_on": held,
                        "status": "held",
                        "parents": parent,
                        "staff": "Key person, SENCO",
                        "professionals": "Portage home visitor" if k == 0 else "",
                        "parent_views": rng.choice(_VIEWS),
                        "child_voice": rng.choice(_VOICE),
                        "successes": "Learnt a new small step and loves showing us.",
                        "wishes": "We would like to carry on with the plans.",
                        "transition": "",
                        "agreed_by": parent,
                        "agreed_on": held,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        if not reviews:
            return
        s.execute(insert(ReviewRecord), reviews)
        ids = list(s.execute(select(ReviewRecord.id, ReviewRecord.child_id)))  # type: ignore[call-overload]
        review_plans, issues = [], []
        areas = ("play_personal", "learning_physical_communication", "participation_inclusion")
        for review_id, child_id in ids:
            rows = by_child[child_id]
            for area in areas:
                match = next((r for r in rows if r[5] == area), None)
                review_plans.append(
                    {
                        "review_id": review_id,
                        "plan_id": match[0] if match else None,
                        "goal_area": area,
                        "title": match[2] if match else "Goal talked through together",
                        "progress": rng.choice(["progressing", "progressing", "achieved"]),
                        "decision": "continue",
                        "note": "",
                    }
                )
            if rng.random() < 0.15:
                text, owner = rng.choice(_ISSUES)
                issues.append(
                    {
                        "review_id": review_id,
                        "child_id": child_id,
                        "text": text,
                        "owner": owner,
                        "due_on": today + timedelta(days=rng.randint(-10, 30)),
                        "closed_on": None,
                    }
                )
        s.execute(insert(ReviewPlanRecord), review_plans)
        if issues:
            s.execute(insert(ReviewIssueRecord), issues)
        _transitions(s, sorted(by_child)[:2], today)


def _transitions(s: Any, children: list[int], today: date) -> None:
    """Two children moving on to school next September, with actions agreed at a meeting."""
    now = utc_now()
    for n, child_id in enumerate(children):
        s.execute(
            insert(TransitionPlanRecord),
            [
                {
                    "child_id": child_id,
                    "kind": "to_school",
                    "place": "Riverside Primary School (demo)",
                    "meeting_on": today - timedelta(days=20 + n),
                    "attended": "Mum, key person, SENCO, school SENCO",
                    "needs": "A visual timetable, a quiet corner, and time to get to know the "
                    "teacher before September.",
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )
        plan_id = s.execute(
            select(TransitionPlanRecord.id).where(TransitionPlanRecord.child_id == child_id)  # type: ignore[call-overload]
        ).scalar_one()
        s.execute(
            insert(TransitionActionRecord),
            [
                {
                    "plan_id": plan_id,
                    "text": "Share the one-page profile with the school",
                    "owner": "SENCO",
                    "due_on": today - timedelta(days=5),
                    "done_on": None,
                },
                {
                    "plan_id": plan_id,
                    "text": "Arrange two visits with Mum",
                    "owner": "Key person",
                    "due_on": today + timedelta(days=40),
                    "done_on": None,
                },
                {
                    "plan_id": plan_id,
                    "text": "Make a photo book of the new classroom",
                    "owner": "Mum",
                    "due_on": today - timedelta(days=10),
                    "done_on": today - timedelta(days=12),
                },
            ],
        )

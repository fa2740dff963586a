"""Demo goals and activity plans: for every child with SEND on roll, a goal in each of the three
areas, an outcome-focused plan with small steps part-way through (several weeks of records,
earlier steps learnt and dated) and an open-ended play plan with ticks and notes, plus a few
plans in the library. Invented, reproducible from the seed, inserted in bulk.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select

from portage_desktop.data.engine import Database
from portage_desktop.data.models import ChildRecord, utc_now
from portage_desktop.data.models.assessment import FamilyMemberRecord
from portage_desktop.data.models.plans import (
    ActivityEntryRecord,
    GoalRecord,
    PlanRecord,
    PlanStepRecord,
    PlanTemplateRecord,
)

PROMPTS = ["Full physical", "Partial physical", "Model", "Gesture", "Verbal", "Independent"]
_GOALS = {
    "play_personal": [
        "We want {name} to play alongside other children and enjoy it",
        "We would like {name} to feed themself at mealtimes",
        "We would like {name} to enjoy building and making things",
    ],
    "learning_physical_communication": [
        "We want {name} to tell us what they want using words or signs",
        "We hope {name} can get their coat on to go outside",
    ],
    "participation_inclusion": [
        "We want {name} to join in at the library rhyme time with us",
        "We would like {name} to enjoy going to the park with their cousins",
    ],
}
# (title, method, behaviour, conditions, steps, materials, routines, if hard, praise)
OUTCOME_PLANS = [
    (
        "Asking for more",
        "shaping",
        "{name} will ask for 'more' with the word or the Makaton sign",
        "at snack time, when we hold up a favourite snack and wait",
        [
            "Looks at the snack and reaches",
            "Makes the 'more' sign with help",
            "Makes the 'more' sign alone",
            "Says or signs 'more' without being shown",
        ],
        "Favourite snacks in a clear box",
        "Snack time and lunch, at the table",
        "Show the sign yourself and wait a little longer",
        "Give the snack straight away and say 'more, well done!'",
    ),
    (
        "Coat on",
        "backward_chaining",
        "{name} will put their coat on",
        "at home time and before going outside, with the coat laid on the floor",
        [
            "Pulls the coat up from the elbows",
            "Puts the second arm in",
            "Puts both arms in",
            "Flips the coat over the head",
        ],
        "Their own coat; a mark inside the collar",
        "Going outside and home time",
        "Do more of the task yourself and let them finish the last part",
        "Cheer and say 'coat on, off we go!'",
    ),
    (
        "Stacking bricks",
        "demonstration",
        "{name} will build a tower of bricks",
        "sitting at a table with large soft bricks, after an adult shows them",
        [
            "Puts one brick on another",
            "Builds a tower of three",
            "Builds a tower of five",
            "Builds a tower of five, then knocks it down",
        ],
        "Large soft bricks",
        "Table-top time in the morning; at home after tea",
        "Use bigger bricks and hold the bottom one steady",
        "Clap and knock the tower down together",
    ),
]
_OPEN = [
    (
        "Playing alongside friends",
        "To enjoy playing near other children and share the fun",
        "Sand tray with two sets of diggers; bubbles outside with a friend; rolling a ball",
        "Who {name} looks at or goes near; any smiles, sounds or sharing",
    ),
    (
        "Rhymes and songs",
        "To enjoy songs with actions and join in with some of them",
        "Row, row your boat on a lap; Twinkle twinkle with a torch; songs at nappy change",
        "Which songs {name} asks for, and which actions they copy",
    ),
]
# The goal each outcome-focused plan works towards: (area, index in _GOALS).
_PLAN_GOAL = {
    "Asking for more": ("learning_physical_communication", 0),
    "Coat on": ("learning_physical_communication", 1),
    "Stacking bricks": ("play_personal", 2),
}
_NOTES = [
    "Loved it today",
    "Tired after a busy morning",
    "Tried hard",
    "Did it with Grandma too",
    "Needed a little extra time",
    "",
]


def _day_results(rng: random.Random, level: float) -> tuple[int, int, str]:
    wins = max(0, min(5, round(level * 5 + rng.uniform(-0.8, 0.8))))
    prompt = PROMPTS[min(5, 2 + round(level * 3))]
    return 5, wins, prompt


def populate(db: Database, seed: int, today: date) -> None:
    """Add goals, plans and activity records for every demo child with SEND on roll."""
    rng = random.Random(seed * 7919 + 6)
    now = utc_now()
    stamp = {"created_at": now, "updated_at": now}
    with db.session() as s:
        children = list(
            s.execute(
                select(ChildRecord.id, ChildRecord.first_name)  # type: ignore[call-overload]
                .where(ChildRecord.sen_status != "none")
                .order_by(ChildRecord.id)
            )
        )
        parents: dict[int, str] = {}
        for child_id, name, relation in s.execute(
            select(
                FamilyMemberRecord.child_id,  # type: ignore[call-overload]
                FamilyMemberRecord.name,
                FamilyMemberRecord.relationship,
            ).where(FamilyMemberRecord.parental_responsibility.is_(True))  # type: ignore[attr-defined]
        ):
            parents.setdefault(child_id, f"{name} ({relation})")
        goals: list[dict[str, Any]] = []
        for child_id, first in children:
            written = today - timedelta(days=rng.randint(60, 100))
            plan_goal = _PLAN_GOAL[OUTCOME_PLANS[child_id % len(OUTCOME_PLANS)][0]]
            for area, options in _GOALS.items():
                text = options[plan_goal[1]] if area == plan_goal[0] else rng.choice(options[:2])
                goals.append(
                    {
                        "child_id": child_id,
                        "area": area,
                        "text": text.format(name=first),
                        "written_with": parents.get(child_id, ""),
                        "written_on": written,
                        "target_date": written + timedelta(days=300),
                        "status": "active",
                        **stamp,
                    }
                )
        if goals:
            s.execute(insert(GoalRecord), goals)
        goal_ids = {
            (child, area): gid
            for gid, child, area in s.execute(
                select(GoalRecord.id, GoalRecord.child_id, GoalRecord.area)  # type: ignore[call-overload]
            )
        }
        plans: list[dict[str, Any]] = []
        for child_id, first in children:
            start = today - timedelta(days=rng.randint(42, 63))
            start -= timedelta(days=start.weekday())
            common = {
                "child_id": child_id,
                "who": "both",
                "start_on": start,
                "review_on": start + timedelta(days=84),
                "agreed_with": parents.get(child_id, ""),
                "agreed_on": start - timedelta(days=3),
                "shared_on": start - timedelta(days=3),
                "status": "active",
                **stamp,
            }
            title, method, behaviour, conditions, _steps, materials, routines, hard, praise = (
                OUTCOME_PLANS[child_id % len(OUTCOME_PLANS)]
            )
            area = (
                "play_personal"
                if title == "Stacking bricks"
                else ("learning_physical_communication")
            )
            plans.append(
                {
                    **common,
                    "goal_id": goal_ids[(child_id, area)],
                    "kind": "outcome",
                    "title": title,
                    "behaviour": behaviour.format(name=first),
                    "conditions": conditions,
                    "criterion": "4 out of 5 tries, on 3 days in a row, with no help",
                    "target_prompt": "Independent",
                    "method": method,
                    "prompts": json.dumps(PROMPTS),
                    "prompt_fading": "Start with a model, then a gesture, then just wait.",
                    "materials": materials,
                    "routines": routines,
                    "if_hard": hard,
                    "praise": praise,
                    "recording_method": "Tally of 5 tries a day on the home chart",
                    "general_people": "Mum, Dad and the key person",
                    "general_places": "Home and nursery",
                    "general_materials": "",
                }
            )
            open_title, purpose, ideas, notice = _OPEN[child_id % len(_OPEN)]
            plans.append(
                {
                    **common,
                    "goal_id": goal_ids[(child_id, "participation_inclusion")],
                    "kind": "open",
                    "title": open_title,
                    "purpose": purpose,
                    "play_ideas": ideas,
                    "to_notice": notice.format(name=first),
                    "prompts": "[]",
                }
            )
        if plans:
            s.execute(insert(PlanRecord), plans)
        rows = list(
            s.execute(
                select(
                    PlanRecord.id,
                    PlanRecord.child_id,
                    PlanRecord.kind,
                    PlanRecord.title,  # type: ignore[call-overload]
                    PlanRecord.start_on,
                ).order_by(PlanRecord.id)
            )
        )
        steps: list[dict[str, Any]] = []
        achieved_by_plan: dict[int, list[tuple[date, date | None]]] = {}
        for plan_id, _child, kind, title, start in rows:
            if kind != "outcome":
                continue
            texts = next(o[4] for o in OUTCOME_PLANS if o[0] == title)
            learnt = rng.randint(1, 2)
            day, spans = start, []
            for position, text in enumerate(texts):
                began = day if position <= learnt else None
                done = None
                if position < learnt:
                    done = began + timedelta(days=rng.randint(14, 18))  # type: ignore[operator]
                    done += timedelta(days=(7 - done.weekday()) % 7)
                    day = done
                steps.append(
                    {
                        "plan_id": plan_id,
                        "position": position,
                        "text": text,
                        "started_on": began,
                        "achieved_on": done,
                    }
                )
                if began is not None:
                    spans.append((began, done))
            achieved_by_plan[plan_id] = spans
        if steps:
            s.execute(insert(PlanStepRecord), steps)
        step_ids = {
            (plan, pos): sid
            for sid, plan, pos in s.execute(
                select(PlanStepRecord.id, PlanStepRecord.plan_id, PlanStepRecord.position)  # type: ignore[call-overload]
            )
        }
        entries: list[dict[str, Any]] = []
        yesterday = today - timedelta(days=1)
        peaks: dict[int, float] = {}
        for plan_id, _child_id, kind, _title, start in rows:
            day = start
            while day <= yesterday:
                weekday = day.weekday() < 5
                if kind == "open":
                    if day.weekday() in (1, 3) and rng.random() < 0.8:
                        entries.append(
                            {
                                "plan_id": plan_id,
                                "day": day,
                                "done": True,
                                "by_kind": "parent" if day.weekday() == 3 else "practitioner",
                                "note": rng.choice(_NOTES),
                                **stamp,
                            }
                        )
                elif weekday and rng.random() < 0.9:
                    spans = achieved_by_plan[plan_id]
                    position = next(
                        (
                            i
                            for i, (b, e) in enumerate(spans)
                            if b <= day and (e is None or day < e)
                        ),
                        len(spans) - 1,
                    )
                    began, ended = spans[position]
                    length = ((ended or yesterday) - began).days + 1
                    reach = (
                        0.6
                        if ended is not None
                        else peaks.setdefault(plan_id, rng.choice((0.3, 0.45, 0.62)))
                    )
                    level = 0.35 + reach * ((day - began).days + 1) / length
                    if ended is not None and (ended - day).days <= 4:
                        level = 0.95
                    tries, wins, prompt = _day_results(rng, min(level, 1.0))
                    entries.append(
                        {
                            "plan_id": plan_id,
                            "day": day,
                            "step_id": step_ids[(plan_id, position)],
                            "tries": tries,
                            "successes": wins,
                            "prompt": prompt,
                            "done": False,
                            "by_kind": "parent" if day.weekday() == 4 else "practitioner",
                            "note": "",
                            **stamp,
                        }
                    )
                day += timedelta(days=1)
        if entries:
            s.execute(insert(ActivityEntryRecord), entries)
        templates = []
        for (
            title,
            method,
            behaviour,
            conditions,
            texts,
            materials,
            routines,
            hard,
            praise,
        ) in OUTCOME_PLANS:
            content = {
                "title": title,
                "who": "both",
                "method": method,
                "prompts": PROMPTS,
                "target_prompt": "Independent",
                "numbers": [4, 5, 3],
                "steps": texts,
                "texts": {
                    "behaviour": behaviour.format(name="the child"),
                    "conditions": conditions,
                    "criterion": "4 out of 5 tries, on 3 days in a row, with no help",
                    "materials": materials,
                    "routines": routines,
                    "if_hard": hard,
                    "praise": praise,
                },
            }
            templates.append(
                {
                    "name": title,
                    "area": "learning_physical_communication",
                    "kind": "outcome",
                    "content": json.dumps(content),
                    "created_at": now,
                }
            )
        s.execute(insert(PlanTemplateRecord), templates)

"""The goals and activity plans of one child with SEND in the large demo, with small steps and
the day-by-day records that show each step being learnt.

From the day support begins, each of the three goal areas has a run of plans, one after
another, each lasting a few weeks to half a year; a goal lasts for two to four plans. A plan
that ended was achieved, changed or stopped; the plan running today is active. The records of
an outcome-focused plan follow the plan's own criterion: a step is learnt on the day the
criterion is first met (say 4 of 5 tries on 3 days in a row), so the app's own progress check
agrees with the dates. Reviews and assessments follow in
:mod:`portage_desktop.demo.large.reviews`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from portage_desktop.demo.large import plan_text as text
from portage_desktop.demo.large import reviews as demo_large_reviews
from portage_desktop.demo.large.base import Row, Rows, Site, monday
from portage_desktop.demo.large.child import ChildStory
from portage_desktop.demo.large.plan_text import OpenPlan, OutcomePlan

AREAS = ("play_personal", "learning_physical_communication", "participation_inclusion")
PROMPTS = ("Full physical", "Partial physical", "Model", "Gesture", "Verbal", "Independent")
_PROMPTS_JSON = json.dumps(list(PROMPTS))
_OUTLINES: dict[str, list[OutcomePlan | OpenPlan]] = {
    area: [p for p in (*text.OUTCOME_PLANS, *text.OPEN_PLANS) if p.area == area] for area in AREAS
}


@dataclass
class PlanStory:
    """A plan as the reviews see it: when it ran, how it ended, when each step was learnt."""

    row: Row
    area: str
    title: str
    outcome: bool
    start: date
    end: date  # its review day, or the last day it ran
    status: str
    steps: int
    learnt: list[date] = field(default_factory=list)


def add_support(rows: Rows, site: Site, story: ChildStory) -> None:
    """Goals, plans, records, reviews and assessments for a child with SEND."""
    if not story.sen:
        return
    rng = site.rng
    support = monday(story.first_day + timedelta(days=rng.randint(10, 120)))
    if support > story.end - timedelta(days=21):
        return  # support is only just starting: no plans yet
    plans: list[PlanStory] = []
    for area in AREAS:
        plans += _area_plans(rows, site, story, area, support)
    demo_large_reviews.add_reviews(rows, site, story, support, plans)


def _weeks(site: Site) -> int:
    roll = site.rng.random()
    if roll < 0.5:
        return site.rng.randint(6, 9)
    return site.rng.randint(9, 13) if roll < 0.85 else site.rng.randint(18, 24)


def _area_plans(
    rows: Rows, site: Site, story: ChildStory, area: str, support: date
) -> list[PlanStory]:
    rng, clock = site.rng, site.clock
    out: list[PlanStory] = []
    day, goal, plans_left, previous = support, None, 0, None
    used: set[str] = set()
    while day <= story.end:
        if goal is None:
            goal = _goal(rows, site, story, area, day, used)
            plans_left = rng.randint(2, 4)
        choices = [o for o in _OUTLINES[area] if o is not previous] or _OUTLINES[area]
        outline = rng.choice(choices)
        review_on = day + timedelta(days=7 * _weeks(site) - 3)
        running = review_on > story.end
        if running:
            status, last = ("active" if story.on_roll else "stopped"), story.end
        else:
            status = rng.choices(("achieved", "changed", "stopped"), (55, 30, 15))[0]
            last = review_on
        plan = _plan(rows, site, story, goal, outline, day, review_on, status, last)
        out.append(plan)
        plans_left -= 1
        if running:
            break
        if plans_left == 0 or (plan.status == "achieved" and rng.random() < 0.25):
            goal["status"] = "achieved" if plan.status == "achieved" else "changed"
            goal["updated_at"] = clock.stamp(last)
            goal = None
        previous = outline
        day = monday(review_on + timedelta(days=rng.randint(1, 10)))
    if goal is not None and not story.on_roll:
        goal["status"] = "stopped"
        goal["updated_at"] = clock.stamp(story.end)
    return out


def _goal(rows: Rows, site: Site, story: ChildStory, area: str, day: date, used: set[str]) -> Row:
    rng, clock = site.rng, site.clock
    fresh = [g for g in text.GOALS[area] if g not in used] or list(text.GOALS[area])
    words = rng.choice(fresh)
    used.add(words)
    written = max(story.start, day - timedelta(days=rng.randint(2, 10)))
    goal = rows.add(
        "goal",
        {
            "child_id": story.row,
            "area": area,
            "text": words.format(name=story.first),
            "written_with": story.parent,
            "written_on": written,
            "target_date": written + timedelta(days=rng.randint(180, 365)),
            "status": "active",
            "created_at": clock.stamp(written),
            "updated_at": clock.stamp(written),
        },
    )
    # Where the goal came from: a small step the child is working on, often an observation.
    item = rng.choice(site.items_near(story.level(written)))
    rows.add("goal_source", {"goal_id": goal, "item_id": item, "observation_id": None})
    seen = [row for when, row in story.observations if when <= written]
    if seen and rng.random() < 0.35:
        rows.add("goal_source", {"goal_id": goal, "item_id": None, "observation_id": seen[-1]})
    return goal


def _plan(
    rows: Rows,
    site: Site,
    story: ChildStory,
    goal: Row,
    outline: OutcomePlan | OpenPlan,
    start: date,
    review_on: date,
    status: str,
    last: date,
) -> PlanStory:
    rng, clock = site.rng, site.clock
    agreed = start - timedelta(days=rng.randint(1, 5))
    who = rng.choices(("both", "setting", "home"), (70, 20, 10))[0]
    row: Row = {
        "child_id": story.row,
        "goal_id": goal,
        "title": outline.title,
        "who": who,
        "start_on": start,
        "review_on": review_on,
        "agreed_with": story.parent,
        "agreed_on": agreed,
        "status": status,
        "shared_on": agreed + timedelta(days=rng.randint(0, 3)),
        "created_at": clock.stamp(agreed),
        "updated_at": clock.stamp(min(last, clock.today)),
    }
    outcome = isinstance(outline, OutcomePlan)
    if isinstance(outline, OutcomePlan):
        row.update(_outcome_fields(site, story, outline, status))
    else:
        row.update(_open_fields(story, outline))
    rows.add("activity_plan", row)
    days = clock.open_between(start, min(last, story.end))
    by_parent = {"home": 1.0, "both": 0.25, "setting": 0.0}[who]
    plan = PlanStory(row, goal["area"], outline.title, outcome, start, last, status, 0)
    if isinstance(outline, OutcomePlan):
        chosen = [d for d in days if rng.random() < 0.52]
        _outcome_records(rows, site, plan, outline, chosen, by_parent)
    else:
        _open_records(rows, site, plan, [d for d in days if rng.random() < 0.31], by_parent)
    return plan


def _outcome_fields(site: Site, story: ChildStory, outline: OutcomePlan, status: str) -> Row:
    rng = site.rng
    needed, tries, days = rng.choice(text.CRITERIA)
    target = "Independent" if rng.random() < 0.85 else "Gesture"
    help_words = "with no help" if target == "Independent" else "with just a gesture"
    achieved = status == "achieved"
    return {
        "kind": "outcome",
        "behaviour": outline.behaviour.format(name=story.first),
        "conditions": outline.conditions,
        "criterion": f"{needed} out of {tries} tries, on {days} days in a row, {help_words}",
        "successes_needed": needed,
        "tries_out_of": tries,
        "days_in_row": days,
        "target_prompt": target,
        "method": outline.method,
        "prompts": _PROMPTS_JSON,
        "prompt_fading": text.METHOD_FADING[outline.method],
        "materials": outline.materials,
        "routines": outline.routines,
        "if_hard": outline.if_hard,
        "praise": outline.praise,
        "recording_method": f"Tally of {tries} tries a day on the home chart",
        "purpose": "",
        "play_ideas": "",
        "to_notice": "",
        "general_people": f"{story.parent.split(' (')[0]} and the key person" if achieved else "",
        "general_places": "Home and the setting" if achieved else "",
        "general_materials": "",
    }


def _open_fields(story: ChildStory, outline: OpenPlan) -> Row:
    return {
        "kind": "open",
        "behaviour": "",
        "conditions": "",
        "criterion": "",
        "successes_needed": 4,
        "tries_out_of": 5,
        "days_in_row": 3,
        "target_prompt": "",
        "method": "",
        "prompts": "[]",
        "prompt_fading": "",
        "materials": "",
        "routines": "",
        "if_hard": "",
        "praise": "",
        "recording_method": "A tick and a few words on the days we try it",
        "purpose": outline.purpose,
        "play_ideas": outline.play_ideas,
        "to_notice": outline.to_notice.format(name=story.first),
        "general_people": "",
        "general_places": "",
        "general_materials": "",
    }


def _record(site: Site, plan: Row, step: Row | None, day: date, by_parent: float) -> Row:
    stamp = site.clock.stamp(day)
    return {
        "plan_id": plan,
        "step_id": step,
        "day": day,
        "by_kind": "parent" if site.rng.random() < by_parent else "practitioner",
        "tries": None,
        "successes": None,
        "prompt": "",
        "done": False,
        "note": "",
        "created_at": stamp,
        "updated_at": stamp,
    }


def _open_records(
    rows: Rows, site: Site, plan: PlanStory, days: list[date], by_parent: float
) -> None:
    rng = site.rng
    for day in days:
        record = _record(site, plan.row, None, day, by_parent)
        record["done"] = True
        if rng.random() < 0.6:
            record["note"] = rng.choice(text.OPEN_NOTES)
        rows.add("activity_record", record)


def _outcome_records(
    rows: Rows,
    site: Site,
    plan: PlanStory,
    outline: OutcomePlan,
    days: list[date],
    by_parent: float,
) -> None:
    """Small steps with their dates, and records in which each learnt step meets the
    criterion on its last ``days_in_row`` recorded days and not before."""
    rng, row = site.rng, plan.row
    needed, tries, in_row = row["successes_needed"], row["tries_out_of"], row["days_in_row"]
    target = PROMPTS.index(row["target_prompt"])
    texts = outline.steps
    most = len(days) // (in_row + 2)
    if plan.status == "achieved":
        if most < 2:
            plan.status = row["status"] = "changed"
        else:
            texts = texts[: min(len(texts), most)]
    learnt = len(texts) if plan.status == "achieved" else rng.randint(0, len(texts) - 1)
    learnt = min(learnt, most)
    plan.steps = len(texts)
    # Split the recorded days between the learnt steps and the current one.
    chunks = learnt + (learnt < len(texts))
    spans = _split(site, days, chunks, in_row + 1)
    started: date | None = plan.start
    running_run = plan.status == "active" and rng.random() < 0.15
    for position, words in enumerate(texts):
        span = spans[position] if position < len(spans) else []
        achieved = span[-1] if position < learnt else None
        step = rows.add(
            "plan_step",
            {
                "plan_id": row,
                "position": position,
                "text": words,
                "started_on": started,
                "achieved_on": achieved,
            },
        )
        m = len(span)
        for j, day in enumerate(span):
            record = _record(site, row, step, day, by_parent)
            meets = (achieved is not None and j >= m - in_row) or (
                achieved is None and running_run and j >= m - in_row + 1
            )
            if meets:
                wins, prompt = rng.randint(needed, tries), PROMPTS[target]
            else:
                share = 0.15 + 0.6 * (j + 1) / max(1, m)
                wins = max(0, min(needed - 1, round(tries * share + rng.uniform(-1, 1))))
                prompt = PROMPTS[min(target - 1, int(share * target))] if target else PROMPTS[0]
            record.update(tries=tries, successes=wins, prompt=prompt)
            if rng.random() < 0.12:
                record["note"] = rng.choice(text.RECORD_NOTES)
            rows.add("activity_record", record)
        if achieved is not None:
            plan.learnt.append(achieved)
        started = achieved if achieved is not None else None


def _split(site: Site, days: list[date], chunks: int, least: int) -> list[list[date]]:
    """``days`` cut, in order, into ``chunks`` runs of at least ``least`` days each where
    there are enough; the last run (the step being learnt now) takes any shortfall."""
    sizes = [least] * chunks
    spare = len(days) - least * chunks
    if spare < 0:
        sizes[-1] = max(0, least + spare)
        spare = 0
    for _ in range(spare):
        sizes[site.rng.randrange(chunks)] += 1
    out, at = [], 0
    for size in sizes:
        out.append(days[at : at + size])
        at += size
    return out

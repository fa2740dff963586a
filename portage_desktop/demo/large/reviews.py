"""Reviews with parents and checklist assessments for one child with SEND in the large demo.

A review is held about once a term (every 14 to 17 weeks; now and then later, so some
children are overdue today) and talks through every plan that ran since the last one, with
its progress and what was decided; a child leaving for school has a last review a few weeks
before. A few reviews record an issue the family raised (open if recent) and a copy of the
report shared with the Portage service under the family's consent. Children due for review
soon often have a draft prepared. The child is assessed on the Small Steps checklist when
support begins and about once a year after, and sometimes on the participation checklist.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from portage_desktop.demo.large import text
from portage_desktop.demo.large.base import Row, Rows, Site, weekday_before
from portage_desktop.demo.large.child import ChildStory
from portage_desktop.services.dates import add_months

if TYPE_CHECKING:
    from portage_desktop.demo.large.plans import PlanStory

_PROFESSIONALS = ("Portage home visitor", "Speech and language therapist", "Physiotherapist")
_EVIDENCE = (
    "Seen at home and in the setting (from the family).",
    "Seen during play with the key person.",
    "Only with a familiar adult so far.",
    "Seen on three different days.",
)


def review_days(site: Site, story: ChildStory, support: date) -> list[date]:
    """The days reviews were held, oldest first."""
    rng = site.rng
    days: list[date] = []
    day = support + timedelta(days=rng.randint(95, 120))
    while day <= story.end:
        days.append(weekday_before(day))
        gap = rng.randint(95, 120) if rng.random() < 0.9 else rng.randint(130, 170)
        day += timedelta(days=gap)
    leave = story.school_leave
    if leave is not None and not story.on_roll:
        last = weekday_before(leave - timedelta(days=rng.randint(14, 30)))
        if (not days or last - days[-1] > timedelta(days=60)) and last > support:
            days.append(last)
    return days


def add_reviews(
    rows: Rows, site: Site, story: ChildStory, support: date, plans: list[PlanStory]
) -> None:
    """Held reviews (and a draft for the next one, sometimes), then the assessments."""
    rng, clock = site.rng, site.clock
    days = review_days(site, story, support)
    previous = support - timedelta(days=1)
    staff = f"{story.key_person.name} (key person), {site.senco.name} (SENCO)"
    who = story.parent.rsplit("(", 1)[-1].rstrip(")")  # "Anna Patel (Mum)" -> "Mum"
    for day in days:
        leaving = story.school_leave is not None and (story.school_leave - day).days < 120
        review = rows.add(
            "review",
            {
                "child_id": story.row,
                "held_on": day,
                "status": "held",
                "parents": story.parents if rng.random() < 0.4 else story.parent,
                "staff": staff,
                "professionals": rng.choice(_PROFESSIONALS) if rng.random() < 0.3 else "",
                "parent_views": rng.choice(text.REVIEW_VIEWS).format(name=story.first, who=who),
                "child_voice": rng.choice(text.REVIEW_VOICE),
                "successes": rng.choice(text.REVIEW_SUCCESSES),
                "wishes": rng.choice(text.REVIEW_WISHES),
                "transition": rng.choice(text.REVIEW_TRANSITION) if leaving else "",
                "agreed_by": story.parent,
                "agreed_on": day,
                "created_at": clock.stamp(day - timedelta(days=7)),
                "updated_at": clock.stamp(day),
            },
        )
        for plan in plans:
            if plan.start <= day and plan.end > previous:
                rows.add("review_plan", _reviewed(site, review, plan, day))
        if rng.random() < 0.15:
            _issue(rows, site, story, review, day)
        if rng.random() < 0.2:
            shared = min(clock.today, day + timedelta(days=rng.randint(1, 7)))
            rows.add(
                "share_record",
                {
                    "child_id": story.row,
                    "shared_on": shared,
                    "document": "review-report",
                    "recipient": "Local Portage Service",
                    "basis": "consent",
                    "consent_id": story.share_consent,
                    "reason": "",
                    "recorded_by": "owner",
                    "created_at": clock.stamp(shared),
                },
            )
        previous = day
    if story.on_roll:
        _draft(rows, site, story, days[-1] if days else support, plans)
    _assessments(rows, site, story, support, days)


def _reviewed(site: Site, review: Row, plan: PlanStory, day: date) -> Row:
    learnt = sum(1 for d in plan.learnt if d <= day)
    ended = plan.end <= day
    if ended and plan.status == "achieved":
        progress, decision = "achieved", "new_target"
    elif learnt or not plan.outcome:
        progress, decision = "progressing", "continue"
    else:
        progress, decision = "not_yet", "continue"
    if ended and plan.status == "changed":
        decision = site.rng.choice(("change_step", "change_method"))
    elif ended and plan.status == "stopped":
        decision = "stop"
    if plan.outcome:
        note = f"{learnt} of {plan.steps} small steps learnt."
    else:
        note = "Enjoyed most sessions." if progress != "achieved" else "Enjoyed every session."
    return {
        "review_id": review,
        "plan_id": plan.row,
        "goal_area": plan.area,
        "title": plan.title,
        "progress": progress,
        "decision": decision,
        "note": note,
    }


def _issue(rows: Rows, site: Site, story: ChildStory, review: Row, day: date) -> None:
    rng, today = site.rng, site.clock.today
    words, owner = rng.choice(text.ISSUES)
    due = day + timedelta(days=rng.randint(14, 60))
    closed = None
    if not story.on_roll or (due < today - timedelta(days=14) and rng.random() < 0.9):
        closed = min(story.end, due - timedelta(days=rng.randint(0, 10)))
        closed = max(closed, day)
    rows.add(
        "review_issue",
        {
            "review_id": review,
            "child_id": story.row,
            "text": words,
            "owner": owner,
            "due_on": due,
            "closed_on": closed,
        },
    )


def _draft(rows: Rows, site: Site, story: ChildStory, last: date, plans: list[PlanStory]) -> None:
    """A draft for the next review, prepared when it is due within three weeks."""
    rng, clock = site.rng, site.clock
    due = add_months(last, 4)
    if (due - clock.today).days > 21 or rng.random() < 0.5:
        return
    day = max(due, clock.today + timedelta(days=rng.randint(2, 10)))
    review = rows.add(
        "review",
        {
            "child_id": story.row,
            "held_on": day,
            "status": "draft",
            "parents": "",
            "staff": "",
            "professionals": "",
            "parent_views": "",
            "child_voice": "",
            "successes": "",
            "wishes": "",
            "transition": "",
            "agreed_by": "",
            "agreed_on": None,
            "created_at": clock.stamp(clock.yesterday),
            "updated_at": clock.stamp(clock.yesterday),
        },
    )
    for plan in plans:
        if plan.status == "active":
            rows.add("review_plan", _reviewed(site, review, plan, clock.today))


def _status(level: float, low: int, high: int) -> int:
    """A Small Steps status (1 not yet ... 5 generalised) for a child working at ``level``."""
    if high <= level - 8:
        return 5
    if high <= level - 2:
        return 4
    if low <= level:
        return 3 if level - low > (high - low) / 2 else 2
    return 1


def _assessments(
    rows: Rows, site: Site, story: ChildStory, support: date, reviews: list[date]
) -> None:
    rng = site.rng
    baseline = max(story.first_day, support - timedelta(days=rng.randint(0, 7)))
    points = [(baseline, "Baseline when support began.")]
    for n in range(2, len(reviews), 3):
        if rng.random() < 0.2:
            points.append((reviews[n], "Yearly look at progress, with the family."))
    leave = story.school_leave
    if reviews and leave is not None and not story.on_roll and rng.random() < 0.5:
        points.append((reviews[-1], "Before the move to school."))
    participation = [rng.random() for _ in site.participation[1]]
    who = f"{story.parent} and {story.key_person.name} (key person)"
    for n, (day, note) in enumerate(points):
        professional = rng.random() < 0.25
        contributors = "parent,practitioner" + (",professional" if professional else "")
        _small_steps(rows, site, story, day, note, contributors, who)
        if rng.random() < (0.3 if n == 0 else 0.2):
            years = (day - support).days / 365
            share = min(0.9, 0.15 + 0.3 * years + (story.pace - 0.45))
            items = site.participation[1]
            entries = [
                (item, 3 if u < share else 2 if u < share + 0.35 else 1, "")
                for (item, _lo, _hi), u in zip(items, participation, strict=True)
            ]
            framework = site.participation[0]
            _assessment(rows, site, story, framework, day, note, contributors, who, entries)


def _small_steps(
    rows: Rows, site: Site, story: ChildStory, day: date, note: str, contributors: str, who: str
) -> None:
    level = story.level(day)
    entries = [
        (item, _status(level + story.jitter[k], low, high), "" if k % 9 else _EVIDENCE[k % 4])
        for k, (item, low, high) in enumerate(site.small_steps[1])
        if low <= level + 6
    ]
    _assessment(rows, site, story, site.small_steps[0], day, note, contributors, who, entries)


def _assessment(
    rows: Rows,
    site: Site,
    story: ChildStory,
    framework: int,
    day: date,
    note: str,
    contributors: str,
    who: str,
    entries: list[tuple[int, int, str]],
) -> None:
    if not entries:
        return
    stamp = site.clock.stamp(day)
    assessment = rows.add(
        "assessment",
        {
            "child_id": story.row,
            "framework_id": framework,
            "assessed_on": day,
            "contributors": contributors,
            "contributor_names": who,
            "notes": note,
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    for item, status, evidence in entries:
        rows.add(
            "assessment_entry",
            {"assessment_id": assessment, "item_id": item, "status": status, "evidence": evidence},
        )

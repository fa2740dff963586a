"""One child of the large demo: when they joined and left, their family, the professionals
around them, consents, a photo, dated profile versions, observations and transitions.

Children start through the five years (most at the start of a term), stay until the summer
before school unless they move away first, and are archived once they have left, so the roll
today holds about a third of them. Nearly two in three have SEND; their plans and reviews
are added by :mod:`portage_desktop.demo.large.plans`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from portage_desktop.demo.large import text
from portage_desktop.demo.large.base import Row, Rows, Site, StaffMember, weekday_before

_NEED_AREAS = (
    "communication_interaction",
    "cognition_learning",
    "social_emotional_mental_health",
    "sensory_physical",
)
_TERM_STARTS = ((9, 3), (1, 6), (4, 14))
MONTH = 30.44


@dataclass
class ChildStory:
    """What the plans, reviews and assessments of a child need to know about them."""

    row: Row
    first: str
    born: date
    start: date
    first_day: date  # the first day with records (the history's start at the earliest)
    end: date  # the last day with records: the day before leaving, or yesterday
    on_roll: bool
    school_leave: date | None  # the day they leave for school, if they do from here
    sen: bool
    parent: str  # the parent who usually comes, as records name them: "Anna Patel (Mum)"
    parents: str
    key_person: StaffMember
    pace: float  # developmental pace compared with the usual (under 1: delay)
    jitter: list[float]
    share_consent: Row
    observations: list[tuple[date, Row]] = field(default_factory=list)

    def level(self, on: date) -> float:
        """Where the child is working, in months of usual development, on ``on``."""
        return (on - self.born).days / MONTH * self.pace


def _roll_dates(site: Site) -> tuple[date, date, date, bool]:
    """(born, start, leave, leaving for school): a stay that overlaps the five years."""
    rng, clock = site.rng, site.clock
    low = clock.history_start - timedelta(days=365)
    high = clock.today - timedelta(days=10)
    while True:
        start = low + timedelta(days=rng.randint(0, (high - low).days))
        if rng.random() < 0.6:
            month, day = rng.choice(_TERM_STARTS)
            term = date(rng.randint(low.year, high.year), month, day)
            term += timedelta(days=rng.randint(0, 20))
            if low <= term <= high:
                start = term
        if start.weekday() >= 5:
            start += timedelta(days=7 - start.weekday())
        age = rng.randint(4, 38)
        born = start - timedelta(days=int(age * MONTH) + rng.randint(0, 29))
        school_year = born.year + (4 if born.month <= 8 else 5)
        leave = weekday_before(date(school_year, 7, 21))
        to_school = True
        if rng.random() < 0.14:
            early = start + timedelta(days=rng.randint(90, 700))
            if early < leave:
                leave, to_school = early, False
        # A date of birth over eight years ago would fail the app's own check on the child.
        recent = born > clock.today - timedelta(days=8 * 365)
        if (
            recent
            and (leave - start).days >= 45
            and leave > clock.history_start + timedelta(days=30)
        ):
            return born, start, leave, to_school


def add_child(rows: Rows, site: Site) -> ChildStory:
    """Add a child with their holistic record; returns their story for the plans."""
    rng, clock = site.rng, site.clock
    born, start, leave, to_school = _roll_dates(site)
    on_roll = leave > clock.today
    first_day = max(start, clock.history_start)
    end = min(leave, clock.today) - timedelta(days=1)
    first, last = rng.choice(text.CHILD_FIRST), rng.choice(text.SURNAMES)
    sen = rng.random() < 0.63
    if sen:
        status = rng.choices(("sen_support", "ehc_plan", "ehc_assessment"), (55, 25, 20))[0]
        chosen = set(rng.sample(_NEED_AREAS, rng.randint(1, 3)))
        needs = ",".join(a for a in _NEED_AREAS if a in chosen)
    else:
        status, needs = "none", ""
    language = rng.choice(text.LANGUAGES)
    languages = f"{language}, English" if language != "English" and rng.random() < 0.7 else language
    key_person = site.key_person(clock.today if on_roll else first_day, end)
    archived = None
    if not on_roll:
        archived = clock.stamp(min(clock.today, leave + timedelta(days=rng.randint(1, 14))))
    child = rows.add(
        "child",
        {
            "first_name": first,
            "last_name": last,
            "known_as": text.NICKNAMES.get(first, "") if rng.random() < 0.5 else "",
            "date_of_birth": born,
            "start_date": start,
            "leave_date": None if on_roll else leave,
            "key_person_id": key_person.row["id"],
            "sen_status": status,
            "need_areas": needs,
            "home_languages": languages,
            "archived_at": archived,
            "created_at": clock.stamp(start - timedelta(days=14)),
            "updated_at": archived or clock.stamp(start),
        },
    )
    parent, parents = _family(rows, site, child, last, language, start)
    story = ChildStory(
        row=child,
        first=text.NICKNAMES.get(first, first) if child["known_as"] else first,
        born=born,
        start=start,
        first_day=first_day,
        end=end,
        on_roll=on_roll,
        school_leave=leave if to_school else None,
        sen=sen,
        parent=parent,
        parents=parents,
        key_person=key_person,
        pace=rng.uniform(0.45, 0.85) if sen else rng.uniform(0.9, 1.1),
        jitter=[rng.uniform(-4, 4) for _ in site.small_steps[1]],
        share_consent={},
    )
    professionals = _professionals(rows, site, story)
    _consents_and_profile(rows, site, story)
    _observations(rows, site, story, professionals)
    _transitions(rows, site, story)
    return story


def _family(
    rows: Rows, site: Site, child: Row, surname: str, language: str, start: date
) -> tuple[str, str]:
    rng, clock = site.rng, site.clock
    first_rel, second_rel, second_pr = rng.choice(text.RELATIONS)
    stamp = clock.stamp(start - timedelta(days=14))
    people = [(first_rel, True, True), (second_rel, second_pr, rng.random() < 0.75)]
    if rng.random() < 0.25:
        people.append((rng.choice(text.OTHER_RELATIVES), False, False))
    names = []
    for n, (relation, responsibility, lives_with) in enumerate(people):
        given = rng.choice(text.PARENT_MEN if relation in text.MEN else text.PARENT_WOMEN)
        name = f"{given} {surname}"
        email = ""
        if n == 0 and rng.random() < 0.4:
            email = f"{given}.{surname}@example.com".lower().replace("'", "")
        rows.add(
            "family_member",
            {
                "child_id": child,
                "name": name,
                "relationship": relation,
                "parental_responsibility": responsibility,
                "lives_with_child": lives_with,
                "phone": f"07700 900{rng.randint(100, 999)}" if n < 2 else "",
                "email": email,
                "preferred_language": language if n == 0 else "English",
                "interpreter_needed": n == 0 and language != "English" and rng.random() < 0.4,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        names.append(f"{name} ({relation})")
    return names[0], ", ".join(names[:2])


def _professionals(rows: Rows, site: Site, story: ChildStory) -> dict[str, str]:
    """The professionals around the child, as {role: name}."""
    rng, clock = site.rng, site.clock
    if story.sen:
        chosen = rng.sample(text.PROFESSIONALS, rng.randint(1, 3))
    else:
        chosen = [text.PROFESSIONALS[4]] if rng.random() < 0.3 else []
    found = {}
    for role, organisation in chosen:
        name = f"{rng.choice(text.STAFF_FIRST)} {rng.choice(text.SURNAMES)}"
        begun = story.first_day + timedelta(days=rng.randint(0, 200))
        begun = min(begun, story.end)
        ended = None
        if rng.random() < 0.3:
            ended = begun + timedelta(days=rng.randint(90, 500))
            ended = ended if ended < story.end else None
        rows.add(
            "professional",
            {
                "child_id": story.row,
                "role": role,
                "role_other": "",
                "name": name,
                "organisation": organisation,
                "contact": f"01632 960{rng.randint(100, 999)}",
                "from_date": begun,
                "to_date": ended,
                "created_at": clock.stamp(begun),
                "updated_at": clock.stamp(ended or begun),
            },
        )
        found[role] = name
    return found


def _consents_and_profile(rows: Rows, site: Site, story: ChildStory) -> None:
    rng, clock = site.rng, site.clock
    decided = max(story.born, story.start - timedelta(days=rng.randint(0, 10)))
    parent = story.parent.split(" (")[0]

    def consent(purpose: str, agency: str, uses: str, given: bool, withdrawn: date | None) -> Row:
        return rows.add(
            "consent",
            {
                "child_id": story.row,
                "purpose": purpose,
                "agency": agency,
                "photo_uses": uses,
                "given": given,
                "decided_by": parent,
                "decided_on": decided,
                "withdrawn_on": withdrawn,
                "created_at": clock.stamp(decided),
                "updated_at": clock.stamp(withdrawn or decided),
            },
        )

    story.share_consent = consent("share_agency", "Local Portage Service", "", True, None)
    if story.sen:
        given = rng.random() < 0.9
        consent("share_agency", "Community Speech and Language Therapy", "", given, None)
    consent("discuss_meetings", "", "", rng.random() < 0.95, None)
    photos = rng.random() < 0.7
    withdrawn = None
    if photos and rng.random() < 0.05:
        day = decided + timedelta(days=rng.randint(100, 600))
        withdrawn = day if day < story.end else None
    uses = rng.choice(("record,printed", "record,printed,displays")) if photos else ""
    consent("photos", "", uses, photos, withdrawn)
    photo = None
    if photos and withdrawn is None:
        content = rng.choice(site.photos)
        photo = rows.add(
            "attachment",
            {
                "child_id": story.row,
                "observation_id": None,
                "filename": "photo.png",
                "media_type": "image/png",
                "size": len(content),
                "content": content,
                "created_at": clock.stamp(decided),
            },
        )
    written = min(story.end, story.first_day + timedelta(days=rng.randint(7, 30)))
    versions = [written]
    while versions[-1] + timedelta(days=420) < story.end:
        versions.append(versions[-1] + timedelta(days=rng.randint(330, 420)))
    with_whom = f"{story.parent} and {story.key_person.name} (key person)"
    for n, day in enumerate(versions):
        profile = {
            key: "\n".join(rng.sample(lines, 2 if key in _TWO_LINES else 1))
            for key, lines in text.PROFILE.items()
        }
        rows.add(
            "profile_version",
            {
                "child_id": story.row,
                "written_on": day,
                "written_with": with_whom,
                **profile,
                "photo_id": photo if n == len(versions) - 1 else None,
                "created_at": clock.stamp(day),
            },
        )


_TWO_LINES = {"admired_for", "important_to_me", "how_to_support"}


def _observations(rows: Rows, site: Site, story: ChildStory, professionals: dict[str, str]) -> None:
    rng, clock = site.rng, site.clock
    # A settling-in observation in the first days, then one every few weeks.
    day = min(story.end, story.first_day + timedelta(days=rng.randint(1, 8)))
    while day <= story.end:
        day = weekday_before(day)
        roll = rng.random()
        if roll < 0.12 and story.sen:
            label, role = rng.choice(text.ADVICE_FROM)
            who = professionals.get(role)
            kind, author, writer = "advice", "professional", f"{who} ({label})" if who else label
            words = rng.choice(text.ADVICE)
        else:
            kind = "observation"
            if roll < 0.32:
                author, writer = "parent", story.parent
                words = rng.choice(text.HOME_OBSERVATIONS)
            else:
                colleague = rng.choice(site.staff)
                usual = roll < 0.8 or not colleague.current(day)
                author, writer = "staff", (story.key_person if usual else colleague).name
                words = rng.choice(text.OBSERVATIONS)
        row = rows.add(
            "observation",
            {
                "child_id": story.row,
                "kind": kind,
                "observed_on": day,
                "author_kind": author,
                "author_name": writer,
                "text": words,
                "created_at": clock.stamp(day),
                "updated_at": clock.stamp(day),
            },
        )
        story.observations.append((day, row))
        if kind == "observation" and rng.random() < 0.35:
            near = site.items_near(story.level(day))
            for item in rng.sample(near, min(len(near), rng.randint(1, 2))):
                rows.add("observation_item", {"observation_id": row, "item_id": item})
        day += timedelta(days=rng.randint(10, 57))


def _transitions(rows: Rows, site: Site, story: ChildStory) -> None:
    """Some children came with a plan to settle in; children with SEND going on to school
    from here have one for the move, begun in their last year (done for those who left)."""
    rng, clock = site.rng, site.clock
    if rng.random() < 0.35 and story.start - timedelta(days=30) > clock.history_start:
        meeting = weekday_before(story.start - timedelta(days=rng.randint(7, 21)))
        from_setting = rng.random() < 0.4
        chosen = rng.sample(text.START_ACTIONS, rng.randint(2, 3))
        actions = [(t, o, meeting + timedelta(days=rng.randint(3, 28))) for t, o in chosen]
        _transition(
            rows,
            site,
            story,
            "from_setting" if from_setting else "from_home",
            rng.choice(text.NURSERIES) if from_setting else "",
            meeting,
            [(t, o, due, _done(site, story, due)) for t, o, due in actions],
        )
    leave = story.school_leave
    if not story.sen or leave is None:
        return
    if not story.on_roll:
        meeting = weekday_before(leave - timedelta(days=rng.randint(45, 120)))
    elif (leave - clock.today).days <= 330 and rng.random() < 0.8:
        meeting = weekday_before(clock.today - timedelta(days=rng.randint(5, 60)))
    else:
        return
    if meeting <= story.first_day:
        return
    actions = []
    for words, owner in rng.sample(text.TRANSITION_ACTIONS, rng.randint(3, 4)):
        due = min(meeting + timedelta(days=rng.randint(10, 120)), leave - timedelta(days=3))
        actions.append((words, owner, due, _done(site, story, due)))
    _transition(rows, site, story, "to_school", rng.choice(text.SCHOOLS), meeting, actions)


def _done(site: Site, story: ChildStory, due: date) -> date | None:
    """When an action was done: by its due day, mostly; a few are late; future ones wait."""
    rng, yesterday = site.rng, site.clock.yesterday
    if not story.on_roll:
        return min(due, story.end)
    if due > yesterday or rng.random() < 0.1:
        return None if rng.random() < 0.9 else min(yesterday, due - timedelta(days=2))
    return due - timedelta(days=rng.randint(0, 7))


def _transition(
    rows: Rows,
    site: Site,
    story: ChildStory,
    kind: str,
    place: str,
    meeting: date,
    actions: list[tuple[str, str, date, date | None]],
) -> None:
    stamp: datetime = site.clock.stamp(meeting)
    plan = rows.add(
        "transition_plan",
        {
            "child_id": story.row,
            "kind": kind,
            "place": place,
            "meeting_on": meeting,
            "attended": f"{story.parent}, {story.key_person.name} (key person), SENCO",
            "needs": site.rng.choice(text.TRANSITION_NEEDS),
            "created_at": stamp,
            "updated_at": stamp,
        },
    )
    for words, owner, due, done in actions:
        rows.add(
            "transition_action",
            {"plan_id": plan, "text": words, "owner": owner, "due_on": due, "done_on": done},
        )

"""The large demo's setting: staff who joined and left over five years, their training and
NPA memberships renewed each year, inspections, yearly Stamp of Approval awards, a confirmed
statement for criterion 1 and a plan library.

The story is that of a well-run site: enough Workshop-trained staff and a member whose NPA
membership runs through the award year, with the manager's own renewal coming up.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import Connection

from portage_desktop.demo.assessment import _png as plain_png
from portage_desktop.demo.large import plan_text, text
from portage_desktop.demo.large.base import (
    SITE_ORDER,
    Row,
    Rows,
    Site,
    StaffMember,
)
from portage_desktop.demo.stamp import TRAINING_DEFAULTS
from portage_desktop.services.dates import add_months, month_year

_ROLES = (
    "key_person,practitioner",
    "key_person,practitioner",
    "practitioner",
    "key_person,practitioner",
    "assistant",
    "key_person,practitioner",
    "practitioner",
)
_PROMPTS = ["Full physical", "Partial physical", "Model", "Gesture", "Verbal", "Independent"]
REPRESENTATIVE = "Jo Whitfield (demo)"


def populate_site(conn: Connection, rows: Rows, site: Site, n_staff: int) -> None:
    """Write the setting, staff and Stamp of Approval records; fills ``site.staff``."""
    clock = site.clock
    site.photos = [plain_png(site.rng) for _ in range(4)]
    now = clock.stamp(clock.history_start)
    rows.add(
        "setting",
        {
            "name": "Riverside Children's Centre (large demo)",
            "kind": "group",
            "ofsted_urn": "EY999456",
            "regulator": "ofsted",
            "agency_name": "",
            "portage_service": "Riverside Portage Service (demo)",
            "portage_contact": "Jo Whitfield, Portage home visitor, 01632 960123",
            "created_at": now,
            "updated_at": now,
        },
    )
    _staff(rows, site, n_staff)
    _training(rows, site)
    latest = _inspections_and_awards(rows, site)
    _library(rows, site)
    rows.write(conn, SITE_ORDER)
    _statements(rows, site, latest)
    rows.write(conn, ("stamp_statement",))


def _staff(rows: Rows, site: Site, n_staff: int) -> None:
    rng, clock = site.rng, site.clock
    start_of, today = clock.history_start, clock.today
    firsts = rng.sample(text.STAFF_FIRST, min(n_staff, len(text.STAFF_FIRST)))
    for i in range(n_staff):
        if i == 0:
            roles = "manager"
        elif i == 1 or (i == 2 and n_staff >= 20):
            roles = "senco,key_person"
        else:
            roles = _ROLES[i % len(_ROLES)]
        if i < n_staff * 0.6:
            started = start_of - timedelta(days=rng.randint(30, 3000))
        else:
            started = start_of + timedelta(days=rng.randint(0, (today - start_of).days - 30))
        left = None
        if i >= 3 and rng.random() < 0.38:
            left = started + timedelta(days=rng.randint(200, 1500))
            if left < start_of:
                left = start_of + timedelta(days=rng.randint(30, 900))
            if left >= today - timedelta(days=3):
                left = None
        first, last = firsts[i % len(firsts)], rng.choice(text.SURNAMES)
        row = rows.add(
            "staff_member",
            {
                "first_name": first,
                "last_name": last,
                "roles": roles,
                "start_date": started,
                "leave_date": left,
                "created_at": clock.stamp(max(started, start_of)),
                "updated_at": clock.stamp(left or max(started, start_of)),
            },
        )
        site.staff.append(StaffMember(row, f"{first} {last}", roles, started, left))


def _record(site: Site, person: StaffMember, kind: str, **values: object) -> Row:
    clock = site.clock
    when = values.get("completed_on") or values.get("started_on") or clock.history_start
    assert isinstance(when, date)
    row: Row = {
        **TRAINING_DEFAULTS,
        "staff_member_id": person.row,
        "kind": kind,
        "created_at": clock.stamp(when),
        "updated_at": clock.stamp(when),
    }
    row.update(values)
    return row


def _day_within(site: Site, person: StaffMember, low: int, high: int) -> date:
    """A day while ``person`` worked here, ``low`` to ``high`` days after they started (or
    after the history begins), never in the future or after they left."""
    clock = site.clock
    first = max(person.start, clock.history_start - timedelta(days=700))
    last = min(person.leave or clock.today, clock.today) - timedelta(days=7)
    day = first + timedelta(days=site.rng.randint(low, high))
    return max(first, min(day, last))


def _training(rows: Rows, site: Site) -> None:
    rng, clock, staff = site.rng, site.clock, site.staff
    today = clock.today
    sencos = [p for p in staff if "senco" in p.roles]
    # The first two trained (the SENCO and the next in post, who never leave) had accredited
    # trainers, so criterion 6 holds at any scale; others trained over the years.
    first = sencos if len(sencos) > 1 else [*sencos, staff[2]]
    trained = first + [p for p in staff[3:] if "key_person" in p.roles and rng.random() < 0.32]
    for n, person in enumerate(trained):
        accredited = n < 2 or rng.random() < 0.9
        trainer = rng.choice(text.TRAINERS) if accredited else "In-house session"
        done = _day_within(site, person, 60, 1200)
        rows.add(
            "training_record",
            _record(
                site,
                person,
                "workshop",
                completed_on=done,
                trainer=trainer,
                trainer_accredited=accredited,
                notes="" if accredited else "Trainer not NPA-accredited",
            ),
        )
    # NPA memberships, renewed every year: the SENCO's runs well past the award year; the
    # manager's is due for renewal in about ten weeks.
    for person, runs_out in ((sencos[0], 300), (staff[0], 75)):
        number = f"NPA-{rng.randint(10000, 99999)}"
        expires = today + timedelta(days=runs_out)
        while True:
            started = add_months(expires, -12) + timedelta(days=1)
            if started < max(person.start, clock.history_start):
                break
            rows.add(
                "training_record",
                _record(
                    site,
                    person,
                    "membership",
                    started_on=started,
                    expires_on=expires,
                    membership_number=number,
                ),
            )
            expires = started - timedelta(days=1)
    level3 = [p for p in staff if "key_person" in p.roles][: max(1, len(staff) // 12)]
    for n, person in enumerate(level3):
        if n % 3 == 2:
            began = max(person.start, today - timedelta(days=rng.randint(60, 300)))
            values: dict[str, object] = {"status": "working_towards", "started_on": began}
        else:
            done = _day_within(site, person, 300, 1500)
            values = {"started_on": done - timedelta(days=240), "completed_on": done}
        rows.add("training_record", _record(site, person, "level3", **values))
    for person in rng.sample(trained, min(len(trained), max(1, len(staff) // 10))):
        done = _day_within(site, person, 200, 1600)
        title = rng.choice(text.PCPD)
        rows.add("training_record", _record(site, person, "pcpd", title=title, completed_on=done))
    for person in staff:
        for title, months in rng.sample(text.CPD, rng.randint(2, 4)):
            done = _day_within(site, person, 10, 400)
            end = min(person.leave or today, today)
            while done <= end:
                expires = add_months(done, months) if months else None
                rows.add(
                    "training_record",
                    _record(
                        site,
                        person,
                        "other_cpd",
                        title=title,
                        completed_on=done,
                        expires_on=expires,
                    ),
                )
                if expires is None:
                    break
                done = expires - timedelta(days=rng.randint(5, 40))


def _inspections_and_awards(rows: Rows, site: Site) -> Row:
    """Two inspections and a Stamp of Approval every year; returns the latest inspection."""
    rng, clock = site.rng, site.clock
    today = clock.today
    earlier = add_months(today, -50)
    latest = today - timedelta(days=290)
    inspections: list[tuple[date, str, dict[str, str]]] = [(earlier, "graded", {"overall": "good"})]
    if latest >= date(2025, 11, 10):
        grades = {
            area: rng.choice(("strong", "strong", "expected", "exceptional"))
            for area in ("inclusion", "curriculum", "achievement", "behaviour", "welfare")
        }
        grades["leadership"] = "strong"
        inspections.append((latest, "report_card", {"safeguarding": "met", **grades}))
    else:
        inspections.append((latest, "graded", {"overall": "outstanding"}))
    for day, framework, judgements in inspections:
        row = rows.add(
            "inspection",
            {
                "inspected_on": day,
                "framework": framework,
                "judgements": json.dumps(judgements, sort_keys=True),
                "report_reference": f"Ofsted report, {month_year(day)}",
                "created_at": clock.stamp(day + timedelta(days=30)),
                "updated_at": clock.stamp(day + timedelta(days=30)),
            },
        )
    for years in range(5):
        awarded = add_months(today, -4 - 12 * years)
        if awarded < clock.history_start:
            break
        rows.add(
            "stamp_award",
            {
                "applied_on": awarded - timedelta(days=50),
                "awarded_on": awarded,
                "expires_on": add_months(awarded, 12),
                "representative": REPRESENTATIVE,
                "notes": "",
                "created_at": clock.stamp(awarded),
                "updated_at": clock.stamp(awarded),
            },
        )
    return row


def _statements(rows: Rows, site: Site, inspection: Row) -> None:
    """The manager's confirmed statements: criterion 1, and the latest inspection (2)."""
    clock = site.clock
    confirmed = clock.today - timedelta(days=45)
    for criterion, words, subject in (
        (
            1,
            "Families lead: every plan starts from what the family wants next. We teach in "
            "small steps through play, at home and here, and celebrate every success.",
            "",
        ),
        (2, "", f"inspection:{inspection['id']}"),
    ):
        rows.add(
            "stamp_statement",
            {
                "criterion": criterion,
                "statement": words,
                "confirmed_on": confirmed,
                "confirmed_by": site.staff[0].name,
                "confirms": subject,
                "updated_at": clock.stamp(confirmed),
            },
        )


def _library(rows: Rows, site: Site) -> None:
    """A dozen plans saved to the library, without any child's name."""
    now = site.clock.stamp(site.clock.history_start)
    for plan in plan_text.OUTCOME_PLANS[::2]:
        content = {
            "title": plan.title,
            "who": "both",
            "method": plan.method,
            "prompts": _PROMPTS,
            "target_prompt": "Independent",
            "numbers": [4, 5, 3],
            "steps": list(plan.steps),
            "texts": {
                "behaviour": plan.behaviour.format(name="The child"),
                "conditions": plan.conditions,
                "criterion": "4 out of 5 tries, on 3 days in a row, with no help",
                "materials": plan.materials,
                "routines": plan.routines,
                "if_hard": plan.if_hard,
                "praise": plan.praise,
            },
        }
        rows.add("plan_template", _template(plan.title, plan.area, "outcome", content, now))
    for open_plan in plan_text.OPEN_PLANS[::2]:
        content = {
            "title": open_plan.title,
            "who": "both",
            "method": "",
            "prompts": [],
            "target_prompt": "",
            "numbers": [4, 5, 3],
            "steps": [],
            "texts": {
                "purpose": open_plan.purpose,
                "play_ideas": open_plan.play_ideas,
                "to_notice": open_plan.to_notice.format(name="the child"),
            },
        }
        rows.add("plan_template", _template(open_plan.title, open_plan.area, "open", content, now))


def _template(name: str, area: str, kind: str, content: dict[str, object], now: object) -> Row:
    return {
        "name": name,
        "area": area,
        "kind": kind,
        "content": json.dumps(content),
        "created_at": now,
    }

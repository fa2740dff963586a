"""A fictional setting for demos, tests and benchmarks, reproducible from a seed.

Names are invented combinations; nothing describes a real child. Rows go in through SQLAlchemy
Core in bulk, because the ORM is about twenty times slower for thousands of rows.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert

from portage_desktop.data.engine import Database
from portage_desktop.data.models import ChildRecord, SettingRecord, StaffMemberRecord, utc_now
from portage_desktop.demo import assessment as demo_assessment
from portage_desktop.demo import plans as demo_plans
from portage_desktop.demo import reviews as demo_reviews
from portage_desktop.demo import stamp as demo_stamp

_FIRST = [
    "Amara",
    "Ava",
    "Bilal",
    "Caleb",
    "Chloe",
    "Darius",
    "Eden",
    "Elif",
    "Ezra",
    "Fatima",
    "Finn",
    "Freya",
    "Gabriel",
    "Hana",
    "Harper",
    "Ibrahim",
    "Isla",
    "Jonah",
    "Kai",
    "Layla",
    "Leo",
    "Lila",
    "Mateo",
    "Maya",
    "Milo",
    "Nadia",
    "Noah",
    "Olu",
    "Oscar",
    "Priya",
    "Reuben",
    "Rosa",
    "Sami",
    "Sienna",
    "Theo",
    "Tomasz",
    "Wren",
    "Yusuf",
    "Zara",
    "Zofia",
    "Alfie",
    "Bea",
    "Cormac",
    "Dita",
    "Emre",
    "Grace",
]
_LAST = (
    (
        "Abbott Adeyemi Ahmed Baker Brennan Chowdhury Clarke Da Silva Dobson Ellis Evans Farah "
        "Fletcher Greene Hale Hussain Iqbal Jones Kaur Kowalski Lewis Mensah Morgan Novak Okafor "
        "Osei Patel Quinn Rahman Reid Santos Shaw Singh Taylor Turner Usman Walsh Webb Wright Young"
    )
    .replace("Da Silva", "Da-Silva")
    .split()
)
_STAFF_FIRST = [
    "Alison",
    "Beth",
    "Carmen",
    "Dawn",
    "Esther",
    "Farida",
    "Gemma",
    "Helen",
    "Imogen",
    "Janet",
    "Kerry",
    "Lorna",
    "Marcia",
    "Nicola",
    "Olivia",
    "Pauline",
    "Rachel",
    "Sandra",
    "Tanya",
    "Una",
    "Vicky",
    "Wendy",
    "Yasmin",
    "Zoe",
    "Amir",
    "David",
    "Kwame",
    "Luke",
    "Sean",
]
# Families who write their names in another script, so every print shows it can: a child
# at each of these places on the roll (first, last, home languages) replaces the invented one.
_FAMILIES_IN_OTHER_SCRIPTS = {
    1: ("ليلى", "حداد", "Arabic, English"),
    4: ("静怡", "陈", "Mandarin, English"),
    7: ("Łucja", "Wiśniewska", "Polish, English"),
}
_LANGUAGES = (
    "English",
    "English",
    "English",
    "Polish",
    "Urdu",
    "Bengali",
    "Romanian",
    "Somali",
    "Arabic",
    "Portuguese",
    "Turkish",
    "Welsh",
)
_NEEDS = (
    ("sen_support", "communication_interaction"),
    ("sen_support", "communication_interaction,cognition_learning"),
    ("ehc_plan", "cognition_learning,sensory_physical"),
    ("ehc_assessment", "communication_interaction,social_emotional_mental_health"),
    ("sen_support", "sensory_physical"),
    ("ehc_plan", "communication_interaction,cognition_learning,sensory_physical"),
    ("sen_support", "social_emotional_mental_health"),
    ("none", ""),
)
_ROLE_PATTERN = (
    "manager",
    "senco,key_person",
    "key_person,practitioner",
    "key_person,practitioner",
    "practitioner",
    "key_person,practitioner",
    "assistant",
    "practitioner",
)


def staff_count_for(children: int) -> int:
    """8 staff for the usual 12-child demo, rising to 60 for a 1,000-child site."""
    return max(2, min(60, round(4 + children / 3)))


def populate(db: Database, children: int = 12, seed: int = 1, today: date | None = None) -> None:
    """Fill an empty, migrated database with a fictional setting."""
    rng = random.Random(seed)
    today = today or date.today()
    now = utc_now()
    n_staff = staff_count_for(children)
    staff_rows = []
    for i in range(n_staff):
        started = today - timedelta(days=rng.randint(200, 365 * 12))
        left = None
        if i >= 6 and rng.random() < 0.12:
            left = min(today - timedelta(days=1), started + timedelta(days=rng.randint(90, 900)))
        staff_rows.append(
            {
                "first_name": _STAFF_FIRST[i % len(_STAFF_FIRST)],
                "last_name": rng.choice(_LAST),
                "roles": _ROLE_PATTERN[i % len(_ROLE_PATTERN)],
                "start_date": started,
                "leave_date": left,
                "created_at": now,
                "updated_at": now,
            }
        )
    child_rows = []
    for i in range(children):
        born = today - timedelta(days=rng.randint(300, 365 * 5 - 30))
        earliest_start = born + timedelta(days=180)
        start = min(today, earliest_start + timedelta(days=rng.randint(0, 500)))
        status, needs = _NEEDS[i % len(_NEEDS)]
        languages = rng.choice(_LANGUAGES)
        if languages != "English" and rng.random() < 0.7:
            languages = f"{languages}, English"
        first, last = _FIRST[(i * 7 + seed) % len(_FIRST)], rng.choice(_LAST)
        if i in _FAMILIES_IN_OTHER_SCRIPTS:
            first, last, languages = _FAMILIES_IN_OTHER_SCRIPTS[i]
        child_rows.append(
            {
                "first_name": first,
                "last_name": last,
                "known_as": "",
                "date_of_birth": born,
                "start_date": start,
                "leave_date": None,
                "key_person_id": None,
                "sen_status": status,
                "need_areas": needs,
                "home_languages": languages,
                "archived_at": None,
                "created_at": now,
                "updated_at": now,
            }
        )
    with db.session() as s:
        s.execute(
            insert(SettingRecord),
            [
                {
                    "name": "Sunflower Lane Nursery (demo)",
                    "kind": "group",
                    "ofsted_urn": "EY999123",
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )
        s.execute(insert(StaffMemberRecord), staff_rows)
        key_people = [
            row[0]
            for row in s.execute(
                StaffMemberRecord.__table__.select()  # type: ignore[attr-defined]
                .with_only_columns(StaffMemberRecord.__table__.c.id)  # type: ignore[attr-defined]
                .where(StaffMemberRecord.__table__.c.roles.like("%key_person%"))  # type: ignore[attr-defined]
                .where(StaffMemberRecord.__table__.c.leave_date.is_(None))  # type: ignore[attr-defined]
            )
        ]
        for i, row in enumerate(child_rows):
            row["key_person_id"] = key_people[i % len(key_people)] if key_people else None
        s.execute(insert(ChildRecord), child_rows)
        demo_stamp.populate(s, seed, today)
    demo_assessment.populate_holistic(db, rng, today)
    demo_plans.populate(db, seed, today)
    demo_reviews.populate(db, seed, today)

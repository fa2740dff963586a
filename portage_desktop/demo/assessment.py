"""Demo holistic records: family, professionals, consent, a profile, assessments showing
progress, and observations, for every demo child. Invented and reproducible from the seed.

Rows go in with SQLAlchemy Core bulk inserts so a 1,000-child demo still builds in seconds.
"""

from __future__ import annotations

import random
import struct
import zlib
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select

from portage_desktop.data.engine import Database
from portage_desktop.data.models import ChildRecord, utc_now
from portage_desktop.data.models.assessment import (
    AssessmentEntryRecord,
    AssessmentRecord,
    AttachmentRecord,
    ConsentRecord,
    FamilyMemberRecord,
    FrameworkItemRecord,
    FrameworkRecord,
    ObservationItemLink,
    ObservationRecord,
    ProfessionalRecord,
    ProfileVersionRecord,
)

_PARENT_FIRST = ["Anna", "Bola", "Chris", "Dana", "Ewa", "Femi", "Gita", "Hassan", "Ines", "Jo"]
_RELATIONS = [("Mum", "Dad"), ("Mum", "Grandma"), ("Dad", "Step-mum"), ("Mum", "Mum")]
_PROFESSIONALS = [
    ("speech_language_therapist", "Community Speech and Language Therapy"),
    ("portage_home_visitor", "Local Portage Service"),
    ("physiotherapist", "Children's Physiotherapy"),
    ("health_visitor", "Health Visiting Team"),
    ("paediatrician", "Child Development Centre"),
]
_PROFILE = {
    "admired_for": [
        "My big smile that lights up the room.\nHow hard I try when something is tricky.",
        "I am kind to younger children and love to help.\nMy giggle is infectious.",
    ],
    "important_to_me": [
        "My blue blanket at sleep time.\nSinging the same goodbye song every day.",
        "Being outside, whatever the weather.\nKnowing what is happening next.",
    ],
    "how_to_support": [
        "Get down to my level and say my name first.\nShow me with objects or pictures "
        "what comes next.\nGive me time to answer; I will get there.",
        "Warn me before a change, with a countdown.\nKeep instructions short and show me.",
    ],
    "interests": [
        "Water play, bubbles and anything that spins.",
        "Cars, trains and lining things up. Stickers are a great reward.",
    ],
    "communication": [
        "I use some signs (more, finished, drink) and take your hand to show you.",
        "I say single words and lead you to what I want. I point when I am excited.",
    ],
    "family_priorities": [
        "We would like mealtimes to be calmer and for them to feed themselves.",
        "Saying a few more words so that we know what they want.",
    ],
}
_EVIDENCE = [
    "Seen at home and in the setting (from Mum).",
    "Seen during play with the key person.",
    "Only with a familiar adult so far.",
]
_OBSERVATIONS = [
    "Played at the water tray for ten minutes, pouring from a jug and watching closely.",
    "Joined the goodbye song today and signed 'finished' at the end.",
    "Pulled up to stand at the low shelf and reached for the shakers.",
    "At home: fed themselves with a spoon for most of breakfast (from Mum).",
]
_ADVICE = [
    "Use a simple 'first, then' board for transitions. Keep language to two key words.",
    "Practise standing at a surface during play for short periods, twice a day.",
]


def _png(rng: random.Random, size: int = 96) -> bytes:
    """A small, plain PNG (a warm disc on a soft background) standing in for a photo."""
    colour = rng.choice([(240, 170, 90), (120, 180, 160), (150, 160, 220)])
    rows = []
    half = size / 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            inside = (x - half) ** 2 + (y - half) ** 2 < (size * 0.38) ** 2
            row += bytes(colour if inside else (246, 242, 232))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


def _status(age: int, item: Any, pace: float, jitter: float) -> int:
    """A plausible status for a child developing at ``pace`` of the usual rate.

    ``jitter`` is fixed per child and step, so each step only moves forward from one
    assessment to the next, as the demo's progress chart should show.
    """
    level = age * pace + jitter
    low, high = item.age_from_months or 0, item.age_to_months or 60
    if high <= level - 8:
        return 5
    if high <= level - 2:
        return 4
    if low <= level:
        return 3 if level - low > (high - low) / 2 else 2
    return 1


def populate_holistic(db: Database, rng: random.Random, today: date) -> None:
    """Add holistic records for every child already in the demo database."""
    now = utc_now()
    stamp = {"created_at": now, "updated_at": now}
    with db.session() as s:
        children = list(
            s.execute(select(ChildRecord.id, ChildRecord.date_of_birth, ChildRecord.last_name))  # type: ignore[call-overload]
        )
        framework_id = s.execute(
            select(FrameworkRecord.id).where(FrameworkRecord.name == "Portage Desktop Small Steps")  # type: ignore[call-overload]
        ).scalar_one()
        items = list(
            s.execute(
                select(FrameworkItemRecord)
                .where(FrameworkItemRecord.framework_id == framework_id)  # type: ignore[arg-type]
                .order_by(FrameworkItemRecord.position)  # type: ignore[arg-type]
            ).scalars()
        )
        family, pros, consents, profiles, observations = [], [], [], [], []
        assessments: list[dict[str, Any]] = []
        # (assessment index, age in months, pace, per-step jitter)
        planned: list[tuple[int, int, float, list[float]]] = []
        photos = 0
        for index, (child_id, born, surname) in enumerate(children):
            first, second = rng.choice(_RELATIONS)
            parent_name = f"{rng.choice(_PARENT_FIRST)} {surname}"
            language = rng.choice(["English", "English", "Polish", "Urdu", "Somali"])
            family.append(
                {
                    "child_id": child_id,
                    "name": parent_name,
                    "relationship": first,
                    "parental_responsibility": True,
                    "lives_with_child": True,
                    "phone": f"07700 900{rng.randint(100, 999)}",
                    "email": "",
                    "preferred_language": language,
                    "interpreter_needed": language != "English" and rng.random() < 0.5,
                    **stamp,
                }
            )
            family.append(
                {
                    "child_id": child_id,
                    "name": f"{rng.choice(_PARENT_FIRST)} {surname}",
                    "relationship": second,
                    "parental_responsibility": second in ("Dad", "Mum"),
                    "lives_with_child": rng.random() < 0.7,
                    "phone": "",
                    "email": "",
                    "preferred_language": "English",
                    "interpreter_needed": False,
                    **stamp,
                }
            )
            for role, organisation in rng.sample(_PROFESSIONALS, 2):
                pros.append(
                    {
                        "child_id": child_id,
                        "role": role,
                        "role_other": "",
                        "name": f"{rng.choice(_PARENT_FIRST)} {rng.choice('BCDFGHKLMNPRSTW')}.",
                        "organisation": organisation,
                        "contact": "01632 960" + str(rng.randint(100, 999)),
                        "from_date": today - timedelta(days=rng.randint(60, 500)),
                        "to_date": None,
                        **stamp,
                    }
                )
            decided = today - timedelta(days=rng.randint(100, 400))
            photo_ok = rng.random() < 0.75
            for purpose, agency, uses, given in (
                ("share_agency", "Local Portage Service", "", True),
                ("discuss_meetings", "", "", True),
                ("photos", "", "record,printed" if photo_ok else "", photo_ok),
            ):
                consents.append(
                    {
                        "child_id": child_id,
                        "purpose": purpose,
                        "agency": agency,
                        "photo_uses": uses or ("record" if purpose == "photos" else ""),
                        "given": given,
                        "decided_by": parent_name,
                        "decided_on": decided,
                        "withdrawn_on": None,
                        **stamp,
                    }
                )
            photo_id = None
            if photo_ok and photos < 20:
                photos += 1
                content = _png(rng)
                photo_id = s.execute(
                    insert(AttachmentRecord).values(
                        child_id=child_id,
                        filename="photo.png",
                        media_type="image/png",
                        size=len(content),
                        content=content,
                        created_at=now,
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
            written = max(born, today - timedelta(days=rng.randint(20, 200)))
            versions = [written - timedelta(days=240), written] if index % 2 else [written]
            for n, when in enumerate(versions):
                text = {k: v[(index + n) % len(v)] for k, v in _PROFILE.items()}
                profiles.append(
                    {
                        "child_id": child_id,
                        "written_on": max(when, born),
                        "written_with": f"{parent_name} ({first}) and key person",
                        "photo_id": photo_id if n == len(versions) - 1 else None,
                        "created_at": now,
                        **text,
                    }
                )
            pace = rng.uniform(0.45, 0.8)
            jitter = [rng.uniform(-4, 4) for _ in items]
            for back in (8, 4, 0)[3 - rng.choice((2, 3)) :]:
                when = today - timedelta(days=back * 30 + rng.randint(3, 20))
                if when <= born:
                    continue
                age = (when - born).days // 30
                planned.append((len(assessments), age, pace, jitter))
                assessments.append(
                    {
                        "child_id": child_id,
                        "framework_id": framework_id,
                        "assessed_on": when,
                        "contributors": "parent,practitioner",
                        "contributor_names": f"{parent_name} ({first}) and key person",
                        "notes": "",
                        **stamp,
                    }
                )
            for n in range(rng.randint(2, 3)):
                advice = n == 2
                author = "professional" if advice else rng.choice(("staff", "parent"))
                writer = {"staff": "Key person", "parent": parent_name}.get(
                    author, "Speech and language therapist"
                )
                observations.append(
                    {
                        "child_id": child_id,
                        "kind": "advice" if advice else "observation",
                        "observed_on": today - timedelta(days=rng.randint(1, 120)),
                        "author_kind": author,
                        "author_name": writer,
                        "text": rng.choice(_ADVICE if advice else _OBSERVATIONS),
                        **stamp,
                    }
                )
        for table, rows in (
            (FamilyMemberRecord, family),
            (ProfessionalRecord, pros),
            (ConsentRecord, consents),
            (ProfileVersionRecord, profiles),
        ):
            if rows:
                s.execute(insert(table), rows)
        if assessments:
            ids = [
                s.execute(insert(AssessmentRecord).values(**row)).inserted_primary_key[0]  # type: ignore[index]
                for row in assessments
            ]
            entries = [
                {
                    "assessment_id": ids[n],
                    "item_id": item.id,
                    "status": _status(age, item, pace, jitter[k]),
                    "evidence": _EVIDENCE[k % len(_EVIDENCE)] if k % 7 == 0 else "",
                }
                for n, age, pace, jitter in planned
                for k, item in enumerate(items)
                if (item.age_from_months or 0) <= age + 6
            ]
            if entries:
                s.execute(insert(AssessmentEntryRecord), entries)
        if observations:
            obs_ids = [
                s.execute(insert(ObservationRecord).values(**row)).inserted_primary_key[0]  # type: ignore[index]
                for row in observations
            ]
            links = [
                {"observation_id": oid, "item_id": items[rng.randrange(len(items))].id}
                for oid in obs_ids[::2]
            ]
            s.execute(insert(ObservationItemLink), links)

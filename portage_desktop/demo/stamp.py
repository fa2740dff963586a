"""Demo training records, inspections and awards, so the Stamp of Approval area has a story.

The story, relative to the demo's "today": two practitioners trained at a Portage Workshop by
NPA-accredited trainers and one whose trainer was not accredited; a trained practitioner who
left two months ago; the manager's NPA membership expires in five weeks; one practitioner is
working towards the Level 3 Award; the award itself expires in about six weeks. Bigger sites
get proportionally more training. Rows go in through Core in bulk, reproducible from the seed.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from portage_desktop.data.models import SettingRecord, StaffMemberRecord, utc_now
from portage_desktop.data.models.stamp import InspectionRecord, StampAwardRecord
from portage_desktop.data.models.training import TrainingRecordRecord

_TRAINERS = ("Riverside Portage Service", "NPA regional trainer", "County Portage team")
_CPD = (
    "Makaton Level 1",
    "Paediatric first aid",
    "Safeguarding refresher",
    "Intensive interaction",
)
_PCPD = ("Supporting communication through play", "Portage and the graduated approach")
_REPORT_CARD_AREAS = (
    "inclusion",
    "curriculum",
    "achievement",
    "behaviour",
    "welfare",
    "leadership",
)


# What a training record holds before its own dates and details; both demos start from it.
TRAINING_DEFAULTS: dict[str, object] = {
    "title": "",
    "status": "completed",
    "started_on": None,
    "completed_on": None,
    "expires_on": None,
    "trainer": "",
    "trainer_accredited": False,
    "membership_number": "",
    "notes": "",
}


def _row(staff_id: int, kind: str, **values: object) -> dict[str, object]:
    now = utc_now()
    row: dict[str, object] = {
        **TRAINING_DEFAULTS,
        "staff_member_id": staff_id,
        "kind": kind,
        "created_at": now,
        "updated_at": now,
    }
    row.update(values)
    return row


def populate(session: Session, seed: int, today: date) -> None:
    """Add the Stamp of Approval story to a demo database whose staff are already in."""
    rng = random.Random(seed * 31 + 6)
    days = timedelta(days=1)
    ids = list(session.exec(select(StaffMemberRecord.id).order_by(col(StaffMemberRecord.id))))
    staff = [i for i in ids if i is not None]
    if len(staff) < 4:
        return
    manager, senco, keyworker, third = staff[0], staff[1], staff[2], staff[3]
    leaver = staff[-1]
    session.execute(
        update(StaffMemberRecord)
        .where(col(StaffMemberRecord.id) == leaver)
        .values(leave_date=today - 60 * days)
    )
    rows = [
        _row(
            senco,
            "workshop",
            completed_on=today - 1100 * days,
            trainer=_TRAINERS[0],
            trainer_accredited=True,
        ),
        _row(
            keyworker,
            "workshop",
            completed_on=today - 520 * days,
            trainer=_TRAINERS[1],
            trainer_accredited=True,
        ),
        _row(
            third,
            "workshop",
            completed_on=today - 300 * days,
            trainer="In-house session (not NPA-accredited)",
        ),
        _row(
            leaver,
            "workshop",
            completed_on=today - 700 * days,
            trainer=_TRAINERS[2],
            trainer_accredited=True,
        ),
        _row(
            manager,
            "membership",
            membership_number=f"NPA-{rng.randint(10000, 99999)}",
            started_on=today - 330 * days,
            expires_on=today + 35 * days,
        ),
        _row(
            senco,
            "membership",
            membership_number=f"NPA-{rng.randint(10000, 99999)}",
            started_on=today - 800 * days,
            expires_on=today - 435 * days,
        ),
        _row(senco, "level3", completed_on=today - 600 * days, started_on=today - 900 * days),
        _row(keyworker, "level3", status="working_towards", started_on=today - 120 * days),
        _row(senco, "pcpd", title=_PCPD[0], completed_on=today - 200 * days),
    ]
    for staff_id in staff:
        for title in rng.sample(_CPD, 2):
            done = today - rng.randint(30, 900) * days
            expires = done + 1095 * days if title == "Paediatric first aid" else None
            rows.append(
                _row(staff_id, "other_cpd", title=title, completed_on=done, expires_on=expires)
            )
    for staff_id in staff[8:-1:3]:  # more Workshops on bigger sites
        rows.append(
            _row(
                staff_id,
                "workshop",
                completed_on=today - rng.randint(60, 1500) * days,
                trainer=rng.choice(_TRAINERS),
                trainer_accredited=True,
            )
        )
    session.execute(insert(TrainingRecordRecord), rows)

    now = utc_now()
    latest = today - 240 * days
    if latest >= date(2025, 11, 10):
        grades = {a: rng.choice(("strong", "expected", "expected")) for a in _REPORT_CARD_AREAS}
        latest_row = {"framework": "report_card", "judgements": {"safeguarding": "met", **grades}}
    else:
        latest_row = {"framework": "graded", "judgements": {"overall": "good"}}
    inspections = [
        {
            "inspected_on": today - 1700 * days,
            "framework": "graded",
            "judgements": {"overall": "requires_improvement"},
        },
        {"inspected_on": latest, **latest_row},
    ]
    session.execute(
        insert(InspectionRecord),
        [
            {
                **i,
                "judgements": json.dumps(i["judgements"], sort_keys=True),
                "report_reference": "",
                "created_at": now,
                "updated_at": now,
            }
            for i in inspections
        ],
    )
    awarded = today - 325 * days
    session.execute(
        insert(StampAwardRecord),
        [
            {
                "applied_on": awarded - 430 * days,
                "awarded_on": awarded - 365 * days,
                "expires_on": awarded,
                "representative": "Jo Whitfield (demo)",
                "notes": "",
                "created_at": now,
                "updated_at": now,
            },
            {
                "applied_on": awarded - 50 * days,
                "awarded_on": awarded,
                "expires_on": awarded + 365 * days,
                "representative": "Jo Whitfield (demo)",
                "notes": "",
                "created_at": now,
                "updated_at": now,
            },
        ],
    )
    session.execute(
        update(SettingRecord).values(
            portage_service="Riverside Portage Service (demo)",
            portage_contact="Jo Whitfield, Portage home visitor, 01632 960123",
        )
    )

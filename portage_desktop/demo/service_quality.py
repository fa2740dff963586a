"""The demo service's evidence of running a registered service: an induction checklist worked
through with mentors, Workshops, memberships and qualifications, fortnightly supervision and
team meetings, joint monitoring visits, parents' views and end-of-service questionnaires.

Added after :func:`portage_desktop.demo.service.populate`, through the services as the screens
would, so the registered-service check and the annual report have something true to show.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from portage_desktop.data.engine import Database
from portage_desktop.services import staff as staff_service
from portage_desktop.services import training
from portage_desktop.services.consent import ConsentInput, save_consent
from portage_desktop.services.home_visiting import caseloads, end_of_service, referrals, visits
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus, VisitStatus
from portage_desktop.services.record_vocabulary import ConsentPurpose
from portage_desktop.services.service_quality import evaluation, monitoring, supervision, workforce
from portage_desktop.services.service_quality.evaluation import QuestionKind
from portage_desktop.services.service_quality.monitoring import MonitoringInput
from portage_desktop.services.service_quality.supervision import (
    ActionInput,
    ChildToDiscuss,
    SessionInput,
    SessionKind,
)
from portage_desktop.services.training import TrainingInput, TrainingKind, TrainingStatus
from portage_desktop.services.vocabulary import StaffRole

INDUCTION = (
    "Read the service's policies: safeguarding, lone working, confidentiality",
    "Shadow three home visits with an experienced home visitor",
    "Complete a Finding out about me profile with a family, with your mentor",
    "Write an activity chart and shared visit notes with a family",
    "Lead a home visit observed by your mentor",
    "Take part in a review meeting with a family",
    "Know how to record consent and share records safely",
    "Attend a team meeting and a group supervision",
)
QUESTIONS = (
    ("Portage visits helped my child learn new things", QuestionKind.SCALE),
    ("I felt listened to and in the lead", QuestionKind.SCALE),
    ("The visits came at times that suited our family", QuestionKind.SCALE),
    ("What made the most difference for you and your child?", QuestionKind.TEXT),
)
VIEWS = (
    "She loves the posting box now, we do it every morning.",
    "Bath time is easier since we used the picture cards.",
    "I feel more confident trying things with him.",
    "Grandma has started doing the stacking game too.",
    "He waited for his turn at the park, first time ever!",
)
COMMENTS = (
    "Having someone come to our home when we were struggling.",
    "The small steps: we could see progress every week.",
    "Being shown how to play with her, not just told.",
    "Help with getting ready for nursery.",
)


def _training(db: Database, staff_id: int, today: date, **fields: object) -> None:
    training.save_training(db, staff_id, TrainingInput(**fields), today=today)  # type: ignore[arg-type]


def _workforce(db: Database, rng: random.Random, today: date, lead_name: str) -> list[int]:
    items = [workforce.add_item(db, text) for text in INDUCTION]
    team = caseloads.list_visitors(db)
    year_ago = today - timedelta(days=365)
    for n, visitor in enumerate(team):
        sid = visitor.staff_member_id
        newest = n == len(team) - 1  # the newest visitor is still working through it all
        trained = today - timedelta(days=60 if newest else rng.randrange(400, 2000))
        _training(
            db,
            sid,
            today,
            kind=TrainingKind.WORKSHOP,
            completed_on=trained,
            trainer="Anne Whitfield",
            trainer_accredited=True,
        )
        done = items[:3] if newest else items
        for i, item in enumerate(done):
            workforce.tick(
                db, visitor.id, item.id, trained + timedelta(days=7 * (i + 1)), lead_name, today
            )
        if n < 4:  # four members; one let hers lapse for two months this year
            lapse = n == 3
            _training(
                db,
                sid,
                today,
                kind=TrainingKind.MEMBERSHIP,
                membership_number=f"NPA{4100 + n}",
                started_on=year_ago - timedelta(days=200),
                expires_on=year_ago + timedelta(days=120) if lapse else today + timedelta(days=300),
            )
            if lapse:
                _training(
                    db,
                    sid,
                    today,
                    kind=TrainingKind.MEMBERSHIP,
                    membership_number=f"NPA{4100 + n}",
                    started_on=year_ago + timedelta(days=180),
                    expires_on=today + timedelta(days=180),
                )
        if n in (0, 1):
            _training(
                db, sid, today, kind=TrainingKind.LEVEL3, completed_on=trained + timedelta(days=300)
            )
        if n == 2:
            _training(
                db,
                sid,
                today,
                kind=TrainingKind.DEGREE,
                title="BA Early Childhood Studies",
                completed_on=date(2015, 7, 1),
            )
        if n in (0, 2):
            _training(
                db,
                sid,
                today,
                kind=TrainingKind.NETWORKING_DAY,
                title="NPA regional networking day",
                completed_on=today - timedelta(days=rng.randrange(30, 300)),
            )
    lead = next(m for m in staff_service.list_staff(db) if StaffRole.TEAM_LEAD in m.roles)
    _training(
        db,
        lead.id,
        today,
        kind=TrainingKind.ACCREDITED_TRAINER,
        status=TrainingStatus.COMPLETED,
        completed_on=today - timedelta(days=900),
    )
    return [v.id for v in team]


def _consents(db: Database, rng: random.Random, today: date) -> list[int]:
    """Most parents agree to their child being discussed at supervision; some do not."""
    allocated = referrals.list_referrals(db, (ReferralStatus.ALLOCATED,))
    for r in allocated:
        if rng.random() < 0.75:
            data = ConsentInput(
                ConsentPurpose.DISCUSS_IN_MEETINGS, True, "Parent", r.data.referred_on
            )
            save_consent(db, r.child_id, data, today=today)
    return [r.child_id for r in allocated]


def _supervision(
    db: Database,
    rng: random.Random,
    today: date,
    team: list[int],
    children: list[int],
    lead_name: str,
) -> None:
    day = today - timedelta(days=364)
    week = 0
    while day <= today:
        if week % 2 == 0:  # individual supervision every fortnight, one visitor a week late lately
            for n, visitor in enumerate(team):
                held = day + timedelta(days=n % 3)
                if held > today or (n == len(team) - 1 and held > today - timedelta(days=20)):
                    continue
                talk = tuple(
                    ChildToDiscuss(c, note="Progress and next small steps")
                    for c in rng.sample(children, min(2, len(children)))
                )
                action = ActionInput(
                    "Share the sleep-routine leaflet with the family",
                    "Home visitor",
                    held + timedelta(days=14),
                )
                supervision.record_session(
                    db,
                    SessionInput(
                        held,
                        SessionKind.INDIVIDUAL,
                        lead_name,
                        (visitor,),
                        talk,
                        (action,) if rng.random() < 0.4 else (),
                    ),
                    today=today,
                )
        elif week % 6 == 1:
            supervision.record_session(
                db,
                SessionInput(
                    day,
                    SessionKind.TEAM_MEETING,
                    lead_name,
                    tuple(team),
                    notes="Caseloads, waiting list, training",
                ),
                today=today,
            )
        day += timedelta(days=7)
        week += 1


def _families(db: Database, rng: random.Random, today: date, lead_name: str) -> None:
    version_sent = False
    for r in referrals.list_referrals(db, (ReferralStatus.ALLOCATED, ReferralStatus.ENDED)):
        held = [x for x in visits.list_visits(db, r.child_id) if x.data.status is VisitStatus.HELD]
        for visit in held:
            if rng.random() < 0.2:
                monitoring.add_parent_view(
                    db, r.child_id, visit.on, rng.choice(VIEWS), today, visit.id
                )
        if held and held[0].on + timedelta(weeks=10) <= today and rng.random() < 0.85:
            on = min(today, held[0].on + timedelta(weeks=10, days=rng.randrange(-5, 9)))
            monitoring.record_monitoring(
                db,
                r.id,
                MonitoringInput(
                    on,
                    "Claire Benton (Portage teacher)",
                    "Lovely warm start to the visit; try offering two choices during the "
                    "teaching activity.",
                    "Mum said the visits fit around nursery pick-up and she feels listened to.",
                    held[0].visitor_id,
                ),
                today,
            )
        end = end_of_service.get_end(db, r.id) if r.status is ReferralStatus.ENDED else None
        if end is None or end.data.ended_on is None or end.data.ended_on > today:
            continue
        if not version_sent:
            evaluation.save_questions(db, list(QUESTIONS))
            version_sent = True
        sent = evaluation.send(db, r.id, end.data.ended_on, today)
        if rng.random() < 0.7:
            questions = evaluation.current_questions(db)
            answers: dict[int, int | str | None] = {
                q.id: (
                    rng.choice((3, 4, 4, 5, 5, 5))
                    if q.kind is QuestionKind.SCALE
                    else rng.choice(COMMENTS)
                )
                for q in questions
            }
            back = min(today, end.data.ended_on + timedelta(days=rng.randrange(5, 30)))
            evaluation.record_answers(db, sent.id, back, answers, today)
        elif end.data.ended_on < today - timedelta(days=42):
            evaluation.mark_not_returned(db, sent.id)


def add_quality_records(db: Database, seed: int = 1, today: date | None = None) -> None:
    """Fill in the registered-service evidence of a demo service made by ``populate``."""
    rng = random.Random(seed)
    today = today or date.today()
    lead = next(m for m in staff_service.list_staff(db) if StaffRole.TEAM_LEAD in m.roles)
    lead_name = lead.full_name
    team = _workforce(db, rng, today, lead_name)
    children = _consents(db, rng, today)
    _supervision(db, rng, today, team, children, lead_name)
    _families(db, rng, today, lead_name)

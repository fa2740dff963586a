"""A fictional Portage home-visiting service for demos and tests, reproducible from a seed.

Six home visitors and a team lead; 60 families referred over two years, each taken as far as
its dates allow: decided, waiting, allocated, visited in blocks with reviews, or ended with a
transition plan. Everything goes in through the services, as the screens would put it, so the
demo also exercises every rule. Names are invented combinations.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from portage_desktop.data.engine import Database
from portage_desktop.demo.service_names import FAMILIES_IN_OTHER_SCRIPTS, FIRST_NAMES, LAST_NAMES
from portage_desktop.services import staff as staff_service
from portage_desktop.services.children import ChildInput
from portage_desktop.services.home_visiting import (
    block_reviews,
    caseloads,
    eligibility,
    end_of_service,
    referrals,
    rules,
    visits,
)
from portage_desktop.services.home_visiting.eligibility import DecisionInput
from portage_desktop.services.home_visiting.end_of_service import EndInput
from portage_desktop.services.home_visiting.referrals import ReferralInput
from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    Decision,
    EndReason,
    Pattern,
    ReferrerKind,
    VisitPlace,
    VisitStatus,
)
from portage_desktop.services.setting import SettingInput, save_setting
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.transitions import TransitionInput, TransitionKind, save_transition
from portage_desktop.services.vocabulary import SettingKind, StaffRole

SERVICE_NAME = "Riverside Portage Service (demo)"
VISITORS = [
    ("Hana", "Moss", 100),
    ("Ruth", "Okoro", 100),
    ("Gwen", "Pryce", 80),
    ("Lila", "Shah", 60),
    ("Mo", "Ellis", 100),
    ("Jess", "Tran", 50),
]
_ENJOYED = [
    "Bubbles and the ball run",
    "Singing 'Row your boat' with actions",
    "Posting shapes",
    "Splashing in the water tray",
    "Stacking cups and knocking them down",
]
_PRACTISE = [
    "Two-word requests at snack time",
    "Pointing to choose between two toys",
    "Waiting for 'ready, steady... go!'",
    "Taking turns rolling the ball",
]
_NEXT = ["Try the picture choice board", "Bring the textured books", "Play at the table"]
_PROFESSIONALS = [
    ("Dr Lewis", "Paediatrician"),
    ("Kim Ford", "Health visitor"),
    ("Ann Hale", "Speech and language therapist"),
    ("Tom Rees", "Setting SENCO"),
]


def _closures(db: Database, first_year: int, last_year: int) -> None:
    """School holidays and half terms, so blocks pass over them as a real service's do."""
    for year in range(first_year, last_year + 1):
        for first, last, label in (
            (date(year, 2, 16), date(year, 2, 20), "February half term"),
            (date(year, 4, 2), date(year, 4, 13), "Easter holidays"),
            (date(year, 5, 25), date(year, 5, 29), "May half term"),
            (date(year, 7, 22), date(year, 9, 1), "Summer holidays"),
            (date(year, 10, 26), date(year, 10, 30), "October half term"),
            (date(year, 12, 21), date(year + 1, 1, 2), "Christmas holidays"),
        ):
            rules.add_closure(db, first, last, label)


def populate(db: Database, seed: int = 1, today: date | None = None, families: int = 60) -> None:
    rng = random.Random(seed)
    today = today or date.today()
    start = today - timedelta(days=730)
    save_setting(db, SettingInput(SERVICE_NAME, SettingKind.PORTAGE_SERVICE))
    rules.save_rule(db, "area", "Riverside", rules.DEFAULTS_SINCE)
    _closures(db, start.year, today.year + 1)
    lead = staff_service.save_staff(db, StaffInput("Sam", "Okafor", (StaffRole.TEAM_LEAD,)))
    lead_name = f"{lead.first_name} {lead.last_name}"
    visitor_ids = []
    for first, last, fte in VISITORS:
        member = staff_service.save_staff(db, StaffInput(first, last, (StaffRole.HOME_VISITOR,)))
        visitor_ids.append(caseloads.save_visitor(db, member.id, fte).id)
    days = sorted(start + timedelta(days=rng.randrange(0, 727)) for _ in range(families))
    load = dict.fromkeys(visitor_ids, 0)
    names = set()
    for n, referred_on in enumerate(days):
        while True:
            name = (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES))
            if name not in names:
                names.add(name)
                break
        name = FAMILIES_IN_OTHER_SCRIPTS.get(n, name)
        born = referred_on - timedelta(days=rng.randrange(180, 880))
        _family(db, rng, n, name, born, referred_on, today, lead_name, visitor_ids, load)
    from portage_desktop.demo.service_quality import add_quality_records

    add_quality_records(db, seed, today)  # inductions, supervision, views, questionnaires
    from portage_desktop.demo.service_groups import add_groups

    add_groups(db, seed, today)


def _family(
    db: Database,
    rng: random.Random,
    n: int,
    name: tuple[str, str],
    born: date,
    referred_on: date,
    today: date,
    lead_name: str,
    visitor_ids: list[int],
    load: dict[int, int],
) -> None:
    professional = rng.random() < 0.7
    who, role = rng.choice(_PROFESSIONALS) if professional else ("", "")
    data = ReferralInput(
        referred_on=referred_on,
        referrer_kind=ReferrerKind.PROFESSIONAL if professional else ReferrerKind.PARENT,
        referrer_name=who,
        referrer_role=role,
        consent_on=referred_on,
        consent_by=f"{name[0]}'s parent",
        screening_summary=f"ASQ-3: {rng.randint(1, 4)} areas in the refer range",
        delay_areas=rng.choice([1, 2, 2, 3, 3, 4]),
        known_condition="Down's syndrome" if n % 17 == 3 else "",
        lives_in_area=rng.random() > 0.03,
        specialist_provision=rng.random() < 0.03,
        setting_hours=rng.choice([0, 0, 0, 3, 6, 12]),
        other_provision=rng.choice(["", "", "", "Speech and language therapy", "Stay and play"]),
        interpreter=rng.choice(["", "", "", "", "Polish", "Arabic"]),
        availability=rng.choice(["Weekday mornings", "Any weekday", "Not Fridays"]),
        looked_after=n % 23 == 5,
        protection_plan=n % 13 == 7,
        child_in_need=n % 9 == 4,
        urgent=rng.random() < 0.1,
    )
    child = ChildInput(name[0], name[1], born)
    ref = referrals.create_referral(db, data, child, allow_duplicate=True, today=referred_on)
    decided_on = referred_on + timedelta(days=rng.randint(5, 14))
    if decided_on > today:
        return
    checks = eligibility.check_referral(db, ref.id)
    unmet = [c for c in checks if c.outcome.value != "met"]
    if not unmet:
        decision, reason = Decision.ACCEPTED, "Every rule is met; the family wants visits."
    elif rng.random() < 0.3:
        decision, reason = Decision.EXCEPTION, "Hours in the setting are dropping next term."
    elif rng.random() < 0.5:
        decision, reason = Decision.SIGNPOSTED, "Speech and language therapy fits best now."
    else:
        decision, reason = Decision.NOT_ELIGIBLE, "; ".join(c.why for c in unmet)
    signpost = "Riverside speech and language therapy" if decision is Decision.SIGNPOSTED else ""
    eligibility.record_decision(
        db, ref.id, DecisionInput(decision, reason, lead_name, decided_on, signpost), today=today
    )
    if decision not in (Decision.ACCEPTED, Decision.EXCEPTION):
        return
    ends = rules.eligibility_ends_on(born, rules.rules_on(db, decided_on))
    contact = decided_on + timedelta(days=rng.randint(10, 30))
    if contact < min(today, ends):
        referrals.add_contact_note(
            db, ref.id, contact, "Phoned: still keen; told them the wait.", lead_name
        )
    allocate_on = decided_on + timedelta(weeks=rng.randint(4, 16))
    if allocate_on >= min(today, ends):
        if ends <= today:
            end_of_service.end_service(
                db, ref.id, EndInput(EndReason.TERM_AFTER_THIRD_BIRTHDAY, ends, lead_name), today
            )
        return
    visitor = min(visitor_ids, key=lambda v: (load[v], rng.random()))
    load[visitor] += 1
    caseloads.allocate(db, ref.id, visitor, allocate_on)
    if allocate_on + timedelta(days=7) <= today:
        signed = allocate_on + timedelta(days=7)
        referrals.record_agreement(db, ref.id, signed, f"{name[0]}'s parent")
    _blocks(
        db,
        rng,
        ref.id,
        allocate_on + timedelta(days=7),
        min(ends, today + timedelta(days=56)),
        today,
    )
    end_reason = None
    if ends <= today:
        end_reason, end_on = EndReason.TERM_AFTER_THIRD_BIRTHDAY, ends
    elif rng.random() < 0.08:
        end_reason, end_on = EndReason.FAMILY_REQUEST, today - timedelta(days=rng.randint(1, 40))
    if end_reason is not None:
        child_id = referrals.get_referral(db, ref.id).child_id
        plan = save_transition(
            db,
            child_id,
            TransitionInput(
                TransitionKind.TO_SETTING,
                "Little Acorns Nursery",
                end_on - timedelta(days=20),
                f"{name[0]}'s parent, home visitor, nursery SENCO",
                "A quiet space; Makaton signs",
            ),
        )
        load[visitor] -= 1
        end_of_service.end_service(
            db, ref.id, EndInput(end_reason, max(end_on, allocate_on), lead_name, "", plan), today
        )
        end_of_service.sign_off(db, ref.id, min(end_on + timedelta(days=3), today))
        end_of_service.questionnaire_sent(db, ref.id, min(end_on + timedelta(days=5), today))


def _blocks(
    db: Database, rng: random.Random, referral_id: int, first: date, until: date, today: date
) -> None:
    begin, count = first, 0
    while begin < until and count < 3:
        kind = BlockKind.PORTAGE_PLUS if rng.random() < 0.15 else BlockKind.STANDARD
        pattern = Pattern.WEEKLY if rng.random() < 0.6 else Pattern.FORTNIGHTLY
        block = visits.plan_block(
            db,
            referral_id,
            BlockInput(kind, pattern, rng.randrange(5), f"{rng.choice([9, 10, 13])}:30", begin),
        )
        for visit in visits.list_visits(db, block.child_id):
            if visit.block_id == block.id and visit.on < today:
                _record(db, rng, visit, today)
        if block.ends_on < today and rng.random() < 0.85:
            block_reviews.start_block_review(db, block.id, block.ends_on)
        begin, count = block.ends_on + timedelta(days=21), count + 1


def _record(db: Database, rng: random.Random, visit: visits.Visit, today: date) -> None:
    roll = rng.random()
    if roll < 0.08:
        status = VisitStatus.CANCELLED_FAMILY
    elif roll < 0.12:
        status = VisitStatus.CANCELLED_SERVICE
    elif roll < 0.18:
        status = VisitStatus.FAILED
    else:
        status = VisitStatus.HELD
    if status is not VisitStatus.HELD:
        reason = "No one home" if status is VisitStatus.FAILED else "Unwell"
        visits.record_visit(db, visit.id, VisitInput(status, reason=reason), today=today)
        return
    written = visit.on + timedelta(days=rng.randint(0, 6))
    joint = rng.random() < 0.08
    visits.record_visit(
        db,
        visit.id,
        VisitInput(
            VisitStatus.HELD,
            place=VisitPlace.JOINT
            if joint
            else rng.choice([VisitPlace.HOME] * 6 + [VisitPlace.CLINIC, VisitPlace.REMOTE]),
            joint_with="Ann Hale, speech and language therapist" if joint else "",
            minutes_child_led=rng.choice([15, 20, 25]),
            minutes_family_focus=rng.choice([10, 15, 20]),
            minutes_teaching=rng.choice([15, 20, 25]),
            enjoyed=rng.choice(_ENJOYED),
            practise=rng.choice(_PRACTISE),
            next_time=rng.choice(_NEXT),
            shared_notes=f"{rng.choice(_ENJOYED)}. We agreed: {rng.choice(_PRACTISE).lower()}.",
            written_up_on=written if written <= today else None,
        ),
        today=today,
    )

"""The annual report's figures match the records, counted here independently; the parents'
answers are collated without names; a child discussed without consent is named nowhere."""

from __future__ import annotations

from datetime import date

from portage_desktop.printing.service_quality import service_report
from portage_desktop.services.home_visiting import caseloads, referrals, visits
from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    Pattern,
    VisitPlace,
    VisitStatus,
)
from portage_desktop.services.service_quality import evaluation, supervision
from portage_desktop.services.service_quality.annual_report import annual_report, figures_csv
from portage_desktop.services.service_quality.evaluation import QuestionKind
from portage_desktop.services.service_quality.supervision import (
    ChildToDiscuss,
    SessionInput,
    SessionKind,
)
from tests.pdf_text import pdf_text
from tests.services.home_visiting_helpers import TODAY, add_visitor, waiting_family

MONDAY = date(2026, 9, 14)


def _family(db, visitor: int, first: str, last: str) -> tuple[int, int]:
    referral = waiting_family(db, first=first, last=last)
    caseloads.allocate(db, referral, visitor, MONDAY)
    block = visits.plan_block(
        db, referral, BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 1, "", MONDAY)
    )
    return referral, block.child_id


def test_figures_match_the_records_and_answers_are_anonymous(db, tmp_path):
    visitor = add_visitor(db)
    amy_ref, amy = _family(db, visitor, "Amy", "Lee")
    ben_ref, ben = _family(db, visitor, "Ben", "Okafor")
    outcomes = [
        VisitStatus.HELD,
        VisitStatus.HELD,
        VisitStatus.CANCELLED_FAMILY,
        VisitStatus.FAILED,
    ]
    for child in (amy, ben):
        for visit, status in zip(visits.list_visits(db, child), outcomes, strict=False):
            extra = (
                {
                    "place": VisitPlace.HOME,
                    "shared_notes": "Stacking cups",
                    "written_up_on": visit.on,
                }
                if status is VisitStatus.HELD
                else {}
            )
            visits.record_visit(db, visit.id, VisitInput(status, **extra), today=TODAY)
    old = waiting_family(
        db, first="Cal", last="Ng", referred_on=date(2025, 11, 3), consent_on=date(2025, 11, 3)
    )
    evaluation.save_questions(
        db,
        [
            ("How helpful were the visits?", QuestionKind.SCALE),
            ("What made a difference?", QuestionKind.TEXT),
        ],
    )
    sent = [evaluation.send(db, r, date(2026, 11, 1), TODAY) for r in (amy_ref, ben_ref)]
    q_scale, q_text = evaluation.current_questions(db)
    evaluation.record_answers(
        db,
        sent[0].id,
        date(2026, 11, 9),
        {q_scale.id: 5, q_text.id: "Amy's sleep chart worked"},
        TODAY,
    )
    evaluation.mark_not_returned(db, sent[1].id)
    supervision.record_session(
        db,
        SessionInput(
            date(2026, 10, 1),
            SessionKind.INDIVIDUAL,
            "Sam Lead",
            (visitor,),
            (ChildToDiscuss(ben),),
        ),
        today=TODAY,
    )

    report = annual_report(db, 2026, today=TODAY)

    every_referral = referrals.list_referrals(db)
    in_year = [r.id for r in every_referral if r.data.referred_on.year == 2026]
    assert old not in in_year and len(in_year) == 2
    assert report.figure("referrals").value == 2
    assert report.figure("referrals").records == tuple(f"referral {i}" for i in sorted(in_year))
    all_visits = visits.list_visits(db, amy) + visits.list_visits(db, ben)
    held = sorted(v.id for v in all_visits if v.data.status is VisitStatus.HELD)
    assert len(held) == 4
    assert report.figure("visits:held").records == tuple(f"home_visit {i}" for i in held)
    assert report.figure("visits:cancelled_family").value == 2
    assert report.figure("visits:failed").value == 2
    assert report.figure("families_served").value == 2
    assert report.figure("visits_on_time").value == 4
    assert report.figure("questionnaires_sent").value == 2
    assert report.figure("questionnaires_returned").value == 1
    assert report.figure("questionnaires_not_returned").value == 1
    assert report.figure("supervisions").value == 1
    due = [v for v in all_visits if v.on < TODAY]  # planned ones still to come are not due
    assert report.figure("held_percent").value == round(100 * len(held) / len(due), 1)
    assert report.figure("held_percent").records == tuple(
        f"home_visit {i}" for i in sorted(v.id for v in due)
    )
    scale, text = report.evaluation.questions
    assert scale.counts == (0, 0, 0, 0, 1) and scale.mean == 5.0
    assert text.comments == ("Amy's sleep chart worked",)  # the family's words, nothing added

    csv_text = figures_csv(report)
    assert (
        "Referrals received,2," in csv_text and "Ben" not in csv_text and "Okafor" not in csv_text
    )
    out = tmp_path / "report.pdf"
    service_report(db, 2026, out, TODAY)
    printed = pdf_text(out)
    assert (
        "Annual service report 2026" in printed and "Ben" not in printed and "Okafor" not in printed
    )


def test_a_year_without_records_prints_zeros(db, tmp_path):
    report = annual_report(db, 2019)
    assert report.figure("referrals").value == 0 and report.figure("referrals").records == ()
    assert "No questionnaires came back" in pdf_text(_pdf(db, tmp_path))


def _pdf(db, tmp_path):
    out = tmp_path / "empty.pdf"
    service_report(db, 2019, out, TODAY)
    return out


def test_a_family_started_years_before_keeps_its_first_visit_and_its_long_block(db):
    """The report reads only recent visits. A family referred and first visited years before,
    on a monthly block ending this year, is still counted from its real first visit; and the
    block, one of whose early visits was never recorded, is not counted as completed."""
    visitor = add_visitor(db)
    referral = waiting_family(
        db, first="Dan", last="Roe", referred_on=date(2022, 3, 28), consent_on=date(2022, 3, 28)
    )
    caseloads.allocate(db, referral, visitor, date(2022, 4, 4))
    block = visits.plan_block(
        db,
        referral,
        BlockInput(BlockKind.STANDARD, Pattern.MONTHLY, 0, "", date(2022, 4, 4), visit_count=52),
    )
    planned = visits.list_visits(db, block.child_id)
    assert planned[0].on.year == 2022 and date(2026, 1, 1) <= planned[-1].on < TODAY
    never_recorded = planned[1]
    for visit in planned:
        if visit is not never_recorded:
            held = VisitInput(VisitStatus.HELD, place=VisitPlace.HOME, written_up_on=visit.on)
            visits.record_visit(db, visit.id, held, today=TODAY)

    report = annual_report(db, 2026, today=TODAY)

    weeks = round((planned[0].on - date(2022, 3, 28)).days / 7, 1)
    assert report.figure("referral_to_first_visit_weeks").value == weeks
    assert report.figure("blocks_completed").value == 0

    visits.record_visit(
        db,
        never_recorded.id,
        VisitInput(VisitStatus.FAILED),
        today=TODAY,
    )
    assert annual_report(db, 2026, today=TODAY).figure("blocks_completed").value == 1

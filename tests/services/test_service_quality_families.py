"""Joint monitoring visits due about ten weeks after a family starts (done, due, overdue, at
the edges), parents' views kept as said, fidelity counts, and the questionnaire's versions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import caseloads, visits
from portage_desktop.services.home_visiting.visits import BlockInput, VisitInput
from portage_desktop.services.home_visiting.vocabulary import (
    BlockKind,
    Pattern,
    VisitPlace,
    VisitStatus,
)
from portage_desktop.services.service_quality import evaluation, monitoring, rules
from portage_desktop.services.service_quality.evaluation import QuestionKind
from portage_desktop.services.service_quality.fidelity import fidelity
from portage_desktop.services.service_quality.monitoring import MonitoringInput, MonitoringState
from tests.services.home_visiting_helpers import TODAY, add_visitor, waiting_family

MONDAY = date(2026, 9, 14)
FIRST_VISIT = date(2026, 9, 15)  # the block's Tuesday
DUE = FIRST_VISIT + timedelta(weeks=10)  # 24/11/2026
LATER = date(2027, 1, 31)


def _family(db) -> tuple[int, int, int]:
    visitor = add_visitor(db)
    referral = waiting_family(db)
    caseloads.allocate(db, referral, visitor, MONDAY)
    block = visits.plan_block(
        db, referral, BlockInput(BlockKind.STANDARD, Pattern.WEEKLY, 1, "", MONDAY)
    )
    return visitor, referral, block.child_id


def _hold(db, visit, status=VisitStatus.HELD, late_days: int = 0, **minutes) -> None:
    extra = (
        {
            "place": VisitPlace.HOME,
            "shared_notes": "Posting box",
            "written_up_on": visit.on + timedelta(days=late_days),
        }
        | minutes
        if status is VisitStatus.HELD
        else {}
    )
    visits.record_visit(db, visit.id, VisitInput(status, **extra), today=LATER)


def _state(db, on: date) -> MonitoringState:
    [due] = monitoring.monitoring_list(db, on)
    return due.state


def test_monitoring_is_due_ten_weeks_after_the_first_visit_and_overdue_after_the_grace(db):
    _, referral, child = _family(db)
    _hold(db, visits.list_visits(db, child)[0])
    assert monitoring.monitoring_list(db, FIRST_VISIT - timedelta(days=1)) == []  # not started
    assert _state(db, DUE - timedelta(days=15)) is MonitoringState.NOT_YET
    assert _state(db, DUE - timedelta(days=14)) is MonitoringState.DUE
    assert _state(db, DUE + timedelta(days=14)) is MonitoringState.DUE
    assert _state(db, DUE + timedelta(days=15)) is MonitoringState.OVERDUE
    rules.save_rule(db, "monitoring_weeks", "12", date(2026, 9, 1))
    assert _state(db, DUE + timedelta(days=15)) is MonitoringState.DUE
    with pytest.raises(ValidationError) as error:
        monitoring.record_monitoring(db, referral, MonitoringInput(DUE, "", "", ""), LATER)
    assert set(error.value.errors) == {"teacher", "feedback"}
    monitoring.record_monitoring(
        db, referral, MonitoringInput(DUE, "Claire", "Warm start; offer choices.", "Happy."), LATER
    )
    assert _state(db, DUE - timedelta(days=1)) is MonitoringState.NOT_YET
    [done] = monitoring.monitoring_list(db, DUE)
    assert done.state is MonitoringState.DONE and done.done_on == DUE


def test_parents_views_are_kept_in_their_words(db):
    _, _, child = _family(db)
    said = monitoring.add_parent_view(db, child, TODAY, "  She signs 'more' now!  ", TODAY)
    assert said.words == "She signs 'more' now!"
    with pytest.raises(ValidationError) as error:
        monitoring.add_parent_view(db, child, TODAY + timedelta(days=1), "", TODAY)
    assert set(error.value.errors) == {"words", "said_on"}
    assert [v.words for v in monitoring.list_parent_views(db, child)] == [said.words]


def test_fidelity_counts_delivered_against_due_who_cancelled_and_the_three_elements(db):
    visitor, referral, child = _family(db)
    v = visits.list_visits(db, child)
    _hold(db, v[0], minutes_child_led=20, minutes_family_focus=20, minutes_teaching=20)
    _hold(db, v[1], late_days=14, minutes_child_led=30, minutes_family_focus=0, minutes_teaching=30)
    _hold(db, v[2], VisitStatus.CANCELLED_FAMILY)
    _hold(db, v[3], VisitStatus.CANCELLED_SERVICE)
    result = fidelity(db, date(2026, 9, 1), v[4].on)  # v[4] still planned on the last day
    [family] = result.families
    d = family.dosage
    assert d.planned == [x.id for x in v[:4]]
    assert (d.held, d.cancelled_family, d.cancelled_service) == (
        [v[0].id, v[1].id],
        [v[2].id],
        [v[3].id],
    )
    assert d.on_time == [v[0].id]  # the second was written up two weeks late
    assert d.minutes == [50, 20, 50] and d.delivered_share == 0.5
    assert family.days_to_first_visit == (FIRST_VISIT - date(2026, 9, 1)).days
    assert [x.visitor_id for x in result.visitors] == [visitor]
    assert family.referral_id == referral and not family.dropped_out


def test_a_new_questionnaire_version_keeps_old_answers_beside_old_words(db):
    _, referral, _ = _family(db)
    evaluation.save_questions(db, [("Visits helped", QuestionKind.SCALE)])
    first = evaluation.send(db, referral, date(2026, 11, 1), TODAY)
    [q1] = evaluation.current_questions(db)
    evaluation.record_answers(db, first.id, date(2026, 11, 5), {q1.id: 4}, TODAY)
    evaluation.save_questions(db, [("Visits helped our family", QuestionKind.SCALE)])
    second = evaluation.send(db, referral, date(2026, 11, 6), TODAY)
    [q2] = evaluation.current_questions(db)
    with pytest.raises(ValidationError):
        evaluation.record_answers(db, second.id, date(2026, 11, 7), {q2.id: 6}, TODAY)
    evaluation.record_answers(db, second.id, date(2026, 11, 7), {q2.id: 2}, TODAY)
    collated = evaluation.collate(db, 2026)
    assert {q.text: q.counts for q in collated.questions} == {
        "Visits helped": (0, 0, 0, 1, 0),
        "Visits helped our family": (0, 1, 0, 0, 0),
    }
    assert evaluation.collate(db, 2025).sent == ()

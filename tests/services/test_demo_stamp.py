"""The demo tells the Stamp of Approval story a manager would recognise, the same every time."""

from __future__ import annotations

from datetime import date

from portage_desktop.services import inspections, setting_profile, training
from portage_desktop.services.dates import add_months
from portage_desktop.services.stamp_check import check_stamp, staff_training
from portage_desktop.services.stamp_criteria import Status
from portage_desktop.services.training import TrainingKind, TrainingStatus
from portage_desktop.startup import make_demo
from tests.conftest import TODAY


def test_the_demo_story(tmp_path):
    db = make_demo(tmp_path / "d.db", children=12, seed=3, today=TODAY)
    people = staff_training(db)
    left_trained = [
        p for p in people if not p.member.is_current(TODAY) and p.workshop_trained(TODAY)
    ]
    assert left_trained, "a trained practitioner who has left"
    records = training.list_training(db)
    assert any(r.kind is TrainingKind.WORKSHOP and not r.trainer_accredited for r in records), (
        "a Workshop by a trainer who was not accredited"
    )
    assert any(
        r.kind is TrainingKind.LEVEL3 and r.status is TrainingStatus.WORKING_TOWARDS
        for r in records
    )
    check = check_stamp(db, TODAY)
    assert check.result(6).status is Status.MET
    assert check.result(7).status is Status.AT_RISK  # the manager's membership runs out soon
    assert any("Stamp of Approval is valid through" in w for w in check.warnings)
    assert inspections.list_inspections(db)[0].framework.value == "report_card"
    assert len(setting_profile.list_awards(db)) == 2
    assert setting_profile.get_profile(db).portage_service.endswith("(demo)")
    again = make_demo(tmp_path / "e.db", children=12, seed=3, today=TODAY)
    assert training.list_training(again) == records


def test_a_large_demo_has_training_for_everyone(tmp_path):
    db = make_demo(tmp_path / "big.db", children=1000, seed=2, today=TODAY)
    people = staff_training(db)
    assert len(people) == 60 and all(p.records for p in people)


def test_months_are_added_the_way_people_count_them():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 11, 22), -12) == date(2025, 11, 22)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)

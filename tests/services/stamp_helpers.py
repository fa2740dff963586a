"""Small builders for Stamp of Approval tests: a setting, staff and their training."""

from __future__ import annotations

from datetime import date

from portage_desktop.services import setting, staff, training
from portage_desktop.services.setting import SettingInput
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.training import TrainingInput, TrainingKind, TrainingStatus
from portage_desktop.services.vocabulary import SettingKind, StaffRole

ON = date(2026, 11, 22)


def make_setting(db, kind: SettingKind = SettingKind.GROUP) -> None:
    setting.save_setting(db, SettingInput("Acorn Test Nursery", kind, "EY123456"))


def add_staff(db, first: str, leave: date | None = None, start: date = date(2020, 1, 6)) -> int:
    member = staff.save_staff(
        db, StaffInput(first, "Tester", (StaffRole.PRACTITIONER,), start, leave)
    )
    return member.id


def workshop(db, staff_id: int, accredited: bool = True, done: date = date(2024, 3, 1)) -> None:
    training.save_training(
        db,
        staff_id,
        TrainingInput(
            TrainingKind.WORKSHOP,
            completed_on=done,
            trainer="County team",
            trainer_accredited=accredited,
        ),
        today=ON,
    )


def membership(db, staff_id: int, start: date, expires: date) -> None:
    training.save_training(
        db,
        staff_id,
        TrainingInput(
            TrainingKind.MEMBERSHIP,
            membership_number="NPA-1",
            started_on=start,
            expires_on=expires,
        ),
        today=ON,
    )


def level3(db, staff_id: int, working_towards: bool) -> None:
    status = TrainingStatus.WORKING_TOWARDS if working_towards else TrainingStatus.COMPLETED
    training.save_training(
        db,
        staff_id,
        TrainingInput(
            TrainingKind.LEVEL3,
            status=status,
            started_on=date(2025, 1, 1),
            completed_on=None if working_towards else date(2026, 1, 1),
        ),
        today=ON,
    )

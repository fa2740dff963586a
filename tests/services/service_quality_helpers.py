"""A small registered service for the service-quality tests: home visitors with training,
members of the NPA from chosen dates, and a family visited weekly."""

from __future__ import annotations

from datetime import date

from portage_desktop.services import training
from portage_desktop.services.home_visiting import caseloads
from portage_desktop.services.training import TrainingInput, TrainingKind
from tests.services.home_visiting_helpers import add_visitor

NAMES = ("Hana", "Ruth", "Gwen", "Lila", "Jess", "Mo")


def staff_of(db, visitor_id: int) -> int:
    return next(v.staff_member_id for v in caseloads.list_visitors(db) if v.id == visitor_id)


def join_npa(db, visitor_id: int, start: date, expires: date) -> int:
    data = TrainingInput(
        TrainingKind.MEMBERSHIP, membership_number="P1", started_on=start, expires_on=expires
    )
    return training.save_training(db, staff_of(db, visitor_id), data, today=start).id


def workshop(db, visitor_id: int, on: date, accredited: bool = True) -> int:
    data = TrainingInput(
        TrainingKind.WORKSHOP, completed_on=on, trainer="Pat Trainer", trainer_accredited=accredited
    )
    return training.save_training(db, staff_of(db, visitor_id), data, today=on).id


def team_of(db, size: int) -> list[int]:
    return [add_visitor(db, NAMES[i], "Visitor") for i in range(size)]

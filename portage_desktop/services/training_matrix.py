"""The training matrix: everyone's training in one grid, with what has expired or soon will.

Shared by the Staff & training screen and the printed matrix, so both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data.engine import Database
from portage_desktop.services import stamp_rules
from portage_desktop.services.access import Permission, require
from portage_desktop.services.dates import format_date
from portage_desktop.services.staff import StaffMember
from portage_desktop.services.stamp_check import staff_training
from portage_desktop.services.training import STAMP_KINDS, TrainingKind, TrainingRecord

KINDS = STAMP_KINDS


@dataclass(frozen=True)
class MatrixLine:
    member: StaffMember
    cells: tuple[str, ...]
    alerts: tuple[str, ...]

    def working_text(self, on: date) -> str:
        if self.member.is_current(on):
            return "Working here"
        if self.member.leave_date and self.member.leave_date <= on:
            return f"Left {format_date(self.member.leave_date)}"
        return "Not started yet"


@dataclass(frozen=True)
class TrainingMatrix:
    on: date
    kinds: tuple[TrainingKind, ...]
    lines: tuple[MatrixLine, ...]
    warnings: tuple[str, ...]


def _latest_of_each(records: list[TrainingRecord]) -> list[TrainingRecord]:
    """For renewable things (membership, first aid), only the latest counts towards warnings."""
    latest: dict[tuple[str, str], TrainingRecord] = {}
    for r in records:
        if r.expires_on is None:
            continue
        key = (r.kind.value, r.title.casefold())
        if key not in latest or r.expires_on > (latest[key].expires_on or date.min):
            latest[key] = r
    return list(latest.values())


def _label(record: TrainingRecord) -> str:
    return record.title or record.kind.label


def training_matrix(db: Database, on: date) -> TrainingMatrix:
    require(db, Permission.VIEW_CHILDREN)
    weeks = stamp_rules.rules_on(db, on).warning_weeks
    horizon = on + timedelta(weeks=weeks)
    lines, warnings = [], []
    for person in staff_training(db):
        records = sorted(person.records, key=lambda r: r.completed_on or r.started_on or date.min)
        cells = []
        for kind in KINDS:
            texts = []
            for r in reversed([r for r in records if r.kind is kind]):
                mark = ""
                if r.expires_on and r.expires_on < on:
                    mark = " (✖ expired)"
                elif r.expires_on and r.expires_on <= horizon:
                    mark = " (⚠ expires soon)"
                texts.append(r.summary + mark)
            cells.append("\n".join(texts))
        alerts = []
        if person.member.is_current(on):
            for r in _latest_of_each(list(records)):
                assert r.expires_on is not None
                if r.expires_on < on and r.expires_on > on - timedelta(days=365):
                    alerts.append(f"{_label(r)} expired on {format_date(r.expires_on)}")
                elif on <= r.expires_on <= horizon:
                    alerts.append(f"{_label(r)} expires on {format_date(r.expires_on)}")
        warnings += [f"{person.member.full_name}: {a}." for a in alerts]
        lines.append(MatrixLine(person.member, tuple(cells), tuple(alerts)))
    lines.sort(key=lambda line: (not line.member.is_current(on), line.member.sort_name))
    return TrainingMatrix(on, KINDS, tuple(lines), tuple(warnings))

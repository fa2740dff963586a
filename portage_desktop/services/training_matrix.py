"""The training matrix: everyone's training in one grid, with what has lapsed or soon will.

Shared by the Staff & training screen and the printed matrix, so both say the same thing. A
membership or certificate that lapsed and was never renewed stays flagged however long ago it
lapsed: it is exactly what an assessor looks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
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
            return tr("Working here")
        if self.member.leave_date and self.member.leave_date <= on:
            return tr("Left {date}").format(date=format_date(self.member.leave_date))
        return tr("Not started yet")


@dataclass(frozen=True)
class TrainingMatrix:
    on: date
    kinds: tuple[TrainingKind, ...]
    lines: tuple[MatrixLine, ...]
    warnings: tuple[str, ...]  # everything to act on: what has lapsed, then what soon will
    lapsed: tuple[str, ...] = ()  # the warnings about what has already lapsed

    @property
    def coming_up(self) -> tuple[str, ...]:
        return tuple(w for w in self.warnings if w not in self.lapsed)


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


def _mark(record: TrainingRecord, latest: list[TrainingRecord], on: date, horizon: date) -> str:
    """What a cell says beside a record that runs out: lapsed, renewed since, or soon."""
    if record.expires_on is None:
        return ""
    if record.expires_on < on:
        return tr(" (✖ LAPSED)") if record in latest else tr(" (renewed since)")
    return tr(" (⚠ expires soon)") if record.expires_on <= horizon else ""


def training_matrix(db: Database, on: date) -> TrainingMatrix:
    require(db, Permission.VIEW_CHILDREN)
    weeks = stamp_rules.rules_on(db, on).warning_weeks
    horizon = on + timedelta(weeks=weeks)
    lines, lapsed, soon = [], [], []
    for person in staff_training(db):
        records = sorted(person.records, key=lambda r: r.completed_on or r.started_on or date.min)
        latest = _latest_of_each(list(records))
        cells = []
        for kind in KINDS:
            texts = [
                r.summary + _mark(r, latest, on, horizon)
                for r in reversed([r for r in records if r.kind is kind])
            ]
            cells.append("\n".join(texts))
        alerts = []
        if person.member.is_current(on):
            for r in latest:
                assert r.expires_on is not None
                if r.expires_on < on:
                    alerts.append(
                        tr("{label} lapsed on {date}").format(
                            label=_label(r), date=format_date(r.expires_on)
                        )
                    )
                    lapsed.append(f"{person.member.full_name}: {alerts[-1]}.")
                elif r.expires_on <= horizon:
                    alerts.append(
                        tr("{label} expires on {date}").format(
                            label=_label(r), date=format_date(r.expires_on)
                        )
                    )
                    soon.append(f"{person.member.full_name}: {alerts[-1]}.")
        lines.append(MatrixLine(person.member, tuple(cells), tuple(alerts)))
    lines.sort(key=lambda line: (not line.member.is_current(on), line.member.sort_name))
    return TrainingMatrix(on, KINDS, tuple(lines), tuple(lapsed + soon), tuple(lapsed))

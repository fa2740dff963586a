"""Where the setting stands on each Stamp of Approval criterion on a given day.

Gathers staff, training, the latest inspection, statements, the children's evidence and the
rules in force, and asks :mod:`stamp_criteria` and :mod:`stamp_practice` for each answer. The
Dashboard, the Stamp of Approval page, the wizard, the application pack and ``check-stamp`` all
show this same result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import inspections, setting_profile, stamp_evidence, stamp_rules
from portage_desktop.services import setting as setting_service
from portage_desktop.services import staff as staff_service
from portage_desktop.services import training as training_service
from portage_desktop.services.access import Permission, require
from portage_desktop.services.dates import format_date
from portage_desktop.services.setting_profile import Award
from portage_desktop.services.stamp_criteria import (
    CriterionResult,
    Status,
    criterion_2,
    inspection_rule_text,
    inspection_subject,
)
from portage_desktop.services.stamp_evidence import EvidenceBundle
from portage_desktop.services.stamp_practice import (
    award_year_end,
    criterion_1,
    criterion_3,
    criterion_5,
)
from portage_desktop.services.stamp_reviews import criterion_4
from portage_desktop.services.stamp_staff import (
    StaffTraining,
    criterion_6,
    criterion_7,
    criterion_8,
)
from portage_desktop.services.stamp_statements import statements


def statement_subject(db: Database, criterion: int, on: date) -> str:
    """What a statement for ``criterion`` confirms: criterion 2's is the latest inspection, so
    editing that inspection asks for the confirmation again; the others confirm their words."""
    if criterion != 2:
        return ""
    return inspection_subject(inspections.latest_inspection(db, on))


@dataclass(frozen=True)
class StampCheck:
    on: date
    childminder: bool
    year_end: date
    results: tuple[CriterionResult, ...]
    warnings: tuple[str, ...]
    award: Award | None
    inspection_rule: str

    def result(self, number: int) -> CriterionResult:
        return next(r for r in self.results if r.number == number)

    @property
    def essentials_met(self) -> int:
        return sum(1 for r in self.results if r.essential and r.status is Status.MET)

    @property
    def headline(self) -> str:
        essentials = [r for r in self.results if r.essential]
        return tr("{essentials_met} of {count} essential criteria met").format(
            essentials_met=self.essentials_met, count=len(essentials)
        )


def staff_training(db: Database) -> list[StaffTraining]:
    """Everyone, current and former, with their training records."""
    by_staff: dict[int, list[training_service.TrainingRecord]] = defaultdict(list)
    for record in training_service.list_training(db):
        by_staff[record.staff_member_id].append(record)
    return [StaffTraining(m, tuple(by_staff.get(m.id, ()))) for m in staff_service.list_staff(db)]


def expiry_warnings(staff: list[StaffTraining], on: date, weeks: int) -> list[str]:
    """Memberships of current staff that end within ``weeks`` (the most recent one each)."""
    horizon = on + timedelta(weeks=weeks)
    found = []
    for person in staff:
        if not person.member.is_current(on):
            continue
        membership = person.membership_on(on)
        if membership and membership.expires_on and membership.expires_on <= horizon:
            found.append(
                tr(
                    "{full_name}'s NPA membership is valid through {date}: renew it before then."
                ).format(full_name=person.member.full_name, date=format_date(membership.expires_on))
            )
    return found


def _award_warnings(awards: list[Award], on: date, weeks: int) -> list[str]:
    held = next((a for a in awards if a.held_on(on)), None)
    if held is not None and held.expires_on is not None:
        days = (held.expires_on - on).days
        if days <= weeks * 7:
            return [
                tr(
                    "Your Stamp of Approval is valid through {date}, "
                    "{days} days from the day checked. Start the renewal now."
                ).format(date=format_date(held.expires_on), days=days)
            ]
        return []
    lapsed = [a for a in awards if a.expires_on is not None and a.expires_on < on]
    if lapsed:
        return [
            tr("Your Stamp of Approval has ended: it was valid through {date}.").format(
                date=format_date(lapsed[0].expires_on)
            )
        ]
    return []


def check_stamp(db: Database, on: date, evidence: EvidenceBundle | None = None) -> StampCheck:
    """Evaluate all eight criteria on ``on``."""
    require(db, Permission.VIEW_CHILDREN)
    info = setting_service.get_setting(db)
    childminder = bool(info and info.is_childminder)
    rules = stamp_rules.rules_on(db, on)
    awards = setting_profile.list_awards(db)
    held = next((a for a in awards if a.held_on(on)), None)
    year_end = award_year_end(on, held.expires_on if held else None, rules.award_months)
    staff = staff_training(db)
    said = statements(db)
    bundle = evidence if evidence is not None else stamp_evidence.children_evidence(db, on)
    trained = [p.name for p in staff if p.member.is_current(on) and p.workshop_trained(on)]
    results = (
        criterion_1(said.get(1), trained),
        criterion_2(inspections.latest_inspection(db, on), rules, said.get(2)),
        criterion_3(bundle, said.get(3)),
        criterion_4(bundle, said.get(4), rules),
        criterion_5(bundle, said.get(5)),
        criterion_6(staff, childminder, rules, year_end),
        criterion_7(staff, rules, year_end),
        criterion_8(staff, on),
    )
    warnings = [
        tr("Criterion {number} is {lower} because {because}: {value}").format(
            number=r.number,
            lower=r.status.label.lower(),
            because=r.because,
            value=r.fixes[0] if r.fixes else r.title,
        )
        for r in results
        if r.because and r.status in (Status.NOT_MET, Status.AT_RISK)
    ]
    warnings += _award_warnings(awards, on, rules.warning_weeks)
    warnings += expiry_warnings(staff, on, rules.warning_weeks)
    return StampCheck(
        on, childminder, year_end, results, tuple(warnings), held, inspection_rule_text(rules)
    )

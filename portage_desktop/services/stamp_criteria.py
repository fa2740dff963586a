"""The Stamp of Approval criteria as rules: plain data in, a result in words out.

Each criterion is answered for one day: met, at risk, not met, "no evidence yet" or "needs your
statement", with the evidence behind the answer, what would fix it, and the exact records it
counted so a manager or an assessor can check it by hand. Nothing here reads the database, so
every rule is tested on its own. This module holds the shared result types and criterion 2;
:mod:`stamp_staff` has criteria 6 to 8, :mod:`stamp_practice` and :mod:`stamp_reviews` the
rest. The wording is this project's own summary of the NPA's criteria.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.inspections import (
    GRADES,
    REPORT_CARD_SCALE,
    Framework,
    Inspection,
    area_name,
    words_for,
)
from portage_desktop.services.stamp_rules import Rules
from portage_desktop.services.stamp_statements import Statement


class Status(StrEnum):
    MET = "met"
    AT_RISK = "at_risk"
    NOT_MET = "not_met"
    NEEDS_STATEMENT = "needs_statement"
    NO_EVIDENCE = "no_evidence"  # nothing to judge yet: never met

    @property
    def label(self) -> str:
        return {
            "met": tr("Met"),
            "at_risk": tr("At risk"),
            "not_met": tr("Not met"),
            "needs_statement": tr("Needs your statement"),
            "no_evidence": tr("No evidence yet"),
        }[self]

    @property
    def symbol(self) -> str:
        """A shape as well as a colour, so the status never depends on colour alone."""
        return {
            "met": "✔",
            "at_risk": "⚠",
            "not_met": "✖",
            "needs_statement": "✎",
            "no_evidence": "○",
        }[self]


TITLES = {
    1: tr("Portage Principles guide all work with children with SEND"),
    2: tr("The latest inspection is good enough"),
    3: tr("Holistic assessment with parents, using a range of materials"),
    4: tr("Plans reviewed with parents often enough, across the three goal areas"),
    5: tr("Shared records with each family; activity plans agreed with parents"),
    6: tr("Practitioners trained at a Portage Workshop"),
    7: tr("NPA professional membership for the whole award year"),
    8: tr("Level 3 Award in Portage Skills and further Portage CPD (desirable)"),
}


class LazyRecords(Sequence["CountedRecord"]):
    """The records behind a criterion, made only when someone looks at them.

    A large site has tens of thousands, each with dates in words: making them on every check
    cost most of its time, yet only the "records counted" window and the application pack
    read them. Made once, on first use, then kept.
    """

    def __init__(self, make: Callable[[], Sequence[CountedRecord]]) -> None:
        self._make: Callable[[], Sequence[CountedRecord]] | None = make
        self._rows: tuple[CountedRecord, ...] = ()

    def _all(self) -> tuple[CountedRecord, ...]:
        if self._make is not None:
            self._rows, self._make = tuple(self._make()), None
        return self._rows

    def __getitem__(self, index):  # type: ignore[no-untyped-def]  # noqa: ANN001
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and self._all() == tuple(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return "LazyRecords(...)" if self._make is not None else repr(self._rows)


class CountedRecord(NamedTuple):
    """One record the check looked at, and whether it counted: a row a person can check.

    A named tuple, not a dataclass: a large site has ten thousand of these per check, and the
    check runs on every Dashboard refresh.
    """

    who: str  # the staff member, the child or the setting
    record: str  # what it is: "Portage Workshop", "Review with parents", "Goal: play ..."
    details: str  # its dates and particulars, in words
    counted: bool
    why: str = ""  # why it counts or not: "completed on 01/06/2026, after the day checked"

    def as_dict(self) -> dict[str, object]:
        return dict(self._asdict())


@dataclass(frozen=True)
class CriterionResult:
    number: int
    status: Status
    evidence: tuple[str, ...]
    fixes: tuple[str, ...] = ()
    cause: str = ""  # "leaver", "starter" or "expiry" when that is what broke or threatens it
    because: str = ""  # the cause in words, naming who and when: "Ann Lee left on 01/10/2026"
    records: Sequence[CountedRecord] = ()  # a tuple, or LazyRecords made when first read
    # (evidence, fixes) without children's names, for the anonymised application pack; None
    # when the evidence and fixes name no child.
    anonymous: tuple[tuple[str, ...], tuple[str, ...]] | None = None

    @property
    def anonymous_evidence(self) -> tuple[str, ...]:
        """The evidence as it may be printed in the application pack: no child is named."""
        return self.anonymous[0] if self.anonymous is not None else self.evidence

    @property
    def anonymous_fixes(self) -> tuple[str, ...]:
        return self.anonymous[1] if self.anonymous is not None else self.fixes

    @property
    def title(self) -> str:
        return TITLES[self.number]

    @property
    def essential(self) -> bool:
        return self.number != 8


def _rank(scale: tuple[tuple[str, str], ...], code: str) -> int:
    return [c for c, _w in scale].index(code) if code in dict(scale) else len(scale)


def inspection_rule_text(rules: Rules) -> str:
    """The rule for criterion 2, in words, so the manager can see and question it."""
    return tr(
        "Graded inspections (to 9 November 2025): overall "
        "{dict} or better. Report cards (from 10 November 2025): "
        "safeguarding Met and no area below {dict2}. "
        "Agency-registered childminders are not graded: you confirm it yourself."
    ).format(
        dict=dict(GRADES)[rules.graded_minimum],
        dict2=dict(REPORT_CARD_SCALE)[rules.report_card_minimum],
    )


def inspection_subject(inspection: Inspection | None) -> str:
    return f"inspection:{inspection.id}" if inspection else "no-inspection"


def some(names: list[str], limit: int = 10) -> str:
    """A list in words that stays readable on a large site: the rest are in the records."""
    if len(names) <= limit:
        return ", ".join(names) or "nobody"
    return ", ".join(names[:limit]) + tr(" and {value} more").format(value=len(names) - limit)


def statement_record(statement: Statement | None, subject: str = "") -> CountedRecord:
    """The manager's statement as one of the records counted (``subject``: what it confirms)."""
    if statement is None or (not statement.text and statement.confirmed_on is None):
        return CountedRecord(tr("The setting"), tr("Your statement"), tr("not written"), False)
    confirmed = statement.confirmed_for(subject) if subject else statement.confirmed_on is not None
    details = (
        tr("confirmed by {confirmed_by} on {date}").format(
            confirmed_by=statement.confirmed_by, date=format_date(statement.confirmed_on)
        )
        if confirmed
        else tr("not confirmed")
    )
    return CountedRecord(tr("The setting"), tr("Your statement"), details, confirmed)


def _inspection_records(
    inspection: Inspection, failing: set[str], statement: Statement | None
) -> tuple[CountedRecord, ...]:
    rows = [
        CountedRecord(
            tr("The setting"),
            tr("Inspection: {area_name}").format(area_name=area_name(inspection.framework, area)),
            f"{format_date(inspection.inspected_on)}: "
            f"{words_for(inspection.framework, area, grade)}",
            area not in failing,
            tr("below the rule") if area in failing else tr("meets the rule"),
        )
        for area, grade in inspection.judgements
    ]
    if not rows:
        rows.append(
            CountedRecord(
                tr("The setting"),
                tr("Inspection"),
                tr("{title}: not graded").format(title=inspection.title),
                True,
                tr("you confirm it yourself"),
            )
        )
    rows.append(statement_record(statement, inspection_subject(inspection)))
    return tuple(rows)


def criterion_2(
    inspection: Inspection | None, rules: Rules, statement: Statement | None
) -> CriterionResult:
    rule = tr("Rule: {inspection_rule_text}").format(
        inspection_rule_text=inspection_rule_text(rules)
    )
    if inspection is None:
        return CriterionResult(
            2,
            Status.NEEDS_STATEMENT,
            (tr("No inspection is recorded."), rule),
            (tr("Add your latest inspection exactly as published (Settings, Inspections)."),),
        )
    evidence = [
        tr("Latest inspection: {title}.").format(title=inspection.title),
        *inspection.lines,
        rule,
    ]
    below: set[str] = set()
    failing: list[str] = []
    if inspection.framework is Framework.GRADED:
        grade = inspection.judgement("overall") or ""
        if _rank(GRADES, grade) > _rank(GRADES, rules.graded_minimum):
            below.add("overall")
            failing.append(
                tr("overall effectiveness is {words_for}").format(
                    words_for=words_for(inspection.framework, "overall", grade)
                )
            )
    elif inspection.framework is Framework.REPORT_CARD:
        if inspection.judgement("safeguarding") != "met":
            below.add("safeguarding")
            failing.append(tr("Safeguarding is Not met"))
        for area, grade in inspection.judgements:
            if area != "safeguarding" and _rank(REPORT_CARD_SCALE, grade) > _rank(
                REPORT_CARD_SCALE, rules.report_card_minimum
            ):
                below.add(area)
                failing.append(
                    tr("{area_name} is {words_for}").format(
                        area_name=area_name(inspection.framework, area),
                        words_for=words_for(inspection.framework, area, grade),
                    )
                )
    records = _inspection_records(inspection, below, statement)
    if failing:
        return CriterionResult(
            2,
            Status.NOT_MET,
            (*evidence, tr("Below the rule: ") + "; ".join(failing) + "."),
            (
                tr(
                    "Speak to your Portage representative: the award needs an inspection that "
                    "meets "
                    "the rule. Record the next inspection here when it is published."
                ),
            ),
            records=records,
        )
    subject = inspection_subject(inspection)
    if statement is not None and statement.confirmed_for(subject):
        note = tr("Confirmed by {confirmed_by} on {date}.").format(
            confirmed_by=statement.confirmed_by, date=format_date(statement.confirmed_on)
        )
        return CriterionResult(2, Status.MET, (*evidence, note), records=records)
    ask = (
        tr("Confirm that this is your most recent inspection and that it meets the criterion.")
        if inspection.framework is not Framework.AGENCY
        else tr(
            "Your agency does not grade you: confirm that your agency's latest inspection "
            "meets the criterion, in your own words."
        )
    )
    return CriterionResult(2, Status.NEEDS_STATEMENT, tuple(evidence), (ask,), records=records)

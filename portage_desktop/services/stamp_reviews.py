"""Criterion 4: each child's plans reviewed with parents often enough, across the three areas.

A review with parents counts for the 12 months after it is held. For each child with an
active plan the check says how many reviews are held, how many more are needed and by which
date, and which goal areas no review has covered, naming the child, so the manager knows
exactly whose review to book. A setting with no child on an active plan has nothing to judge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from portage_desktop.i18n import tr
from portage_desktop.services.dates import add_months, format_date
from portage_desktop.services.stamp_criteria import (
    CountedRecord,
    CriterionResult,
    LazyRecords,
    Status,
)
from portage_desktop.services.stamp_evidence import ChildrenEvidence, EvidenceBundle, GoalArea
from portage_desktop.services.stamp_practice import (
    ADD_CHILDREN,
    NOT_KEPT,
    from_statement,
    no_evidence,
    sen_count,
)
from portage_desktop.services.stamp_rules import Rules
from portage_desktop.services.stamp_statements import Statement

SHOWN = 10  # children named on the page; the records counted list every one


def counts_until(held_on: date) -> date:
    """The last day a review held on ``held_on`` still counts (it counts for 12 months)."""
    day = add_months(held_on, 12)
    while add_months(day, -12) >= held_on:
        day -= timedelta(days=1)
    return day


def _areas(areas: list[GoalArea]) -> str:
    """Areas joined by semicolons: their names already contain "and" and commas."""
    return "; ".join(a.label for a in areas)


@dataclass
class _Findings:
    behind: list[str]
    soon: list[str]
    narrow: list[str]
    fixes: list[str]
    soon_fixes: list[str]


def _judge_child(child: ChildrenEvidence, rules: Rules, found: _Findings) -> None:
    on, needed = rules.on, rules.reviews_per_year
    year_ago = add_months(on, -12)
    held = sorted(
        (r for r in child.reviews if r.with_parents and year_ago < r.held_on <= on),
        key=lambda r: r.held_on,
    )
    dates = ", ".join(format_date(r.held_on) for r in held)
    if len(held) < needed:
        found.behind.append(
            tr("{who}: {count} of {needed} reviews with parents in the last 12 months").format(
                who=child.who, count=len(held), needed=needed
            )
            + (f" ({dates})." if held else ".")
        )
        more = needed - len(held)
        found.fixes.append(
            tr(
                "{who}: hold {more} more review{value} with parents by "
                "{date}, while the review of "
                "{date2} still counts."
            ).format(
                who=child.who,
                more=more,
                value="" if more == 1 else "s",
                date=format_date(counts_until(held[0].held_on)),
                date2=format_date(held[0].held_on),
            )
            if held
            else tr(
                "{who}: hold a review with parents now; {needed} are needed in any 12 months."
            ).format(who=child.who, needed=needed)
        )
    else:
        soon = add_months(on, -12) + timedelta(weeks=rules.warning_weeks)
        if len([r for r in held if r.held_on > soon]) < needed:
            first = held[len(held) - needed]
            last = format_date(counts_until(first.held_on))
            found.soon.append(
                tr("{who}: the review of {date} counts until {last}.").format(
                    who=child.who, date=format_date(first.held_on), last=last
                )
            )
            found.soon_fixes.append(
                tr("{who}: hold the next review with parents by {last}.").format(
                    who=child.who, last=last
                )
            )
    reviewed = set().union(*(r.goal_areas for r in held)) if held else set()
    missing = [a for a in GoalArea if a not in reviewed]
    if not missing:
        return
    found.narrow.append(
        tr("{who}: no goal reviewed with parents in the last 12 months for: {areas}.").format(
            who=child.who, areas=_areas(missing)
        )
    )
    has_goal = child.goal_areas
    write = [a for a in missing if a not in has_goal]
    review = [a for a in missing if a in has_goal]
    steps = []
    if write:
        steps.append(tr("write a goal with the parents for: {areas}").format(areas=_areas(write)))
    if review:
        steps.append(
            tr("at the next review with parents, review the goals for: {areas}").format(
                areas=_areas(review)
            )
        )
    found.fixes.append(f"{child.who}: " + tr(". Then ").join(steps) + ".")


def _capped(lines: list[str]) -> list[str]:
    if len(lines) <= SHOWN:
        return lines
    return [
        *lines[:SHOWN],
        tr("And {value} more: see the records counted.").format(value=len(lines) - SHOWN),
    ]


def _records(bundle: EvidenceBundle, on: date) -> tuple[CountedRecord, ...]:
    """Per child: the active plan, each review in the last 12 months, and goals by area.

    A goal is named by its area and date, not its text: the family's own words stay in the
    child's record, out of this list and out of ``check-stamp --json``.
    """
    year_ago = add_months(on, -12)
    rows = []
    for child in bundle.children:
        rows.append(
            CountedRecord(
                child.who,
                tr("Active plan"),
                "yes" if child.has_active_plan else "none",
                child.has_active_plan,
                tr("needs reviews with parents")
                if child.has_active_plan
                else tr("nothing to review"),
            )
        )
        reviewed: set[GoalArea] = set()
        for review in child.reviews:
            if not year_ago < review.held_on <= on:
                continue
            if review.with_parents:
                reviewed |= review.goal_areas
            areas = [a.label for a in GoalArea if a in review.goal_areas]
            covers = tr("all three") if len(areas) == len(GoalArea) else "; ".join(areas) or "none"
            rows.append(
                CountedRecord(
                    child.who,
                    tr("Review with parents"),
                    tr("held {date}; goal areas: {covers}").format(
                        date=format_date(review.held_on), covers=covers
                    ),
                    review.with_parents,
                    tr("counts until {date}").format(date=format_date(counts_until(review.held_on)))
                    if review.with_parents
                    else tr("no parent recorded as attending"),
                )
            )
        for area in GoalArea:
            goals = [g for g in child.goals if g.area is area]
            covered = area in reviewed
            why = (
                tr("reviewed in the last 12 months") if covered else tr("not reviewed in 12 months")
            )
            rows += [
                CountedRecord(
                    child.who,
                    tr("Goal: {label}").format(label=area.label),
                    tr("written {date}; {lower}").format(
                        date=format_date(g.written_on), lower=g.status.label.lower()
                    ),
                    covered,
                    why,
                )
                for g in goals
            ]
            if not goals:
                rows.append(
                    CountedRecord(
                        child.who,
                        tr("Goal: {label}").format(label=area.label),
                        tr("no goal written"),
                        False,
                        tr("no goal"),
                    )
                )
    return tuple(rows)


def criterion_4(
    bundle: EvidenceBundle, statement: Statement | None, rules: Rules
) -> CriterionResult:
    evidence = [
        sen_count(bundle),
        tr(
            "Rule: at least {reviews_per_year} reviews with "
            "parents in any 12 months, covering all three goal areas. A review counts for the 12 "
            "months after it is held."
        ).format(reviews_per_year=rules.reviews_per_year),
    ]
    if not bundle.reviews_kept:
        evidence.append(NOT_KEPT[4])
        return from_statement(4, statement, evidence)
    records = LazyRecords(lambda: _records(bundle, rules.on))
    if not bundle.children:
        return no_evidence(4, evidence, ADD_CHILDREN, statement, records)
    planned = [c for c in bundle.children if c.has_active_plan]
    if not planned:
        evidence.append(
            tr(
                "None of the {count} children with SEND on roll has an active plan, "
                "so there are no reviews to judge."
            ).format(count=len(bundle.children))
        )
        fix = tr(
            "Write goals and an activity plan with the parents of each child with SEND, then "
            "record each review with parents."
        )
        return no_evidence(4, evidence, fix, statement, records)
    found = _Findings([], [], [], [], [])
    for child in planned:
        _judge_child(child, rules, found)
    evidence.append(
        tr(
            "Children with an active plan: {count}; with enough reviews: "
            "{value}; covering all three goal areas: "
            "{value2}."
        ).format(
            count=len(planned),
            value=len(planned) - len(found.behind),
            value2=len(planned) - len(found.narrow),
        )
    )
    summary = tuple(evidence)
    evidence += _capped(found.behind) + _capped(found.narrow)
    if found.behind or found.narrow:
        fixes = _capped(found.fixes + found.soon_fixes)
        return CriterionResult(
            4,
            Status.NOT_MET,
            tuple(evidence),
            tuple(fixes),
            records=records,
            anonymous=(summary, _unnamed_fixes(found)),
        )
    if found.soon:
        soon = tr("{count} child(ren) will fall behind within {warning_weeks} weeks.").format(
            count=len(found.soon), warning_weeks=rules.warning_weeks
        )
        evidence.append(soon)
        evidence += _capped(found.soon)
        return CriterionResult(
            4,
            Status.AT_RISK,
            tuple(evidence),
            tuple(_capped(found.soon_fixes)),
            records=records,
            anonymous=((*summary, soon), _unnamed_fixes(found)),
        )
    return CriterionResult(4, Status.MET, tuple(evidence), records=records)


def _unnamed_fixes(found: _Findings) -> tuple[str, ...]:
    """The fixes counted, not named, for the anonymised application pack."""
    fixes = []
    if found.behind:
        fixes.append(
            tr(
                "Hold reviews with parents for the {count} child(ren) behind, by the "
                "dates the Stamp of Approval page gives for each."
            ).format(count=len(found.behind))
        )
    if found.narrow:
        fixes.append(
            tr(
                "For the {count} child(ren) with gaps, make sure the goals reviewed "
                "with parents cover all three areas."
            ).format(count=len(found.narrow))
        )
    if found.soon:
        fixes.append(
            tr(
                "Book the next review with parents for the {count} child(ren) about to fall behind."
            ).format(count=len(found.soon))
        )
    return tuple(fixes)

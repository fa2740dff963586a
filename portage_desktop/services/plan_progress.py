"""When a small step is learnt: the plan's criterion ("4 of 5 tries on 3 days in a row")
judged from the day-by-day records.

The rule, written once so the screen, the tests and the print agree:

* A day counts when tries were recorded. Days with no record (weekends, absence) neither count
  nor break a run, because the child was not asked that day.
* A recorded day *meets* the criterion when the successes reach the number needed and the share
  of successes is at least the criterion's share (4 of 5 is met by 4 of 5 or 5 of 6, not by 4
  of 6), and the prompt used gave no more help than the plan's target prompt. A blank prompt
  means no help was noted.
* A recorded day that falls short breaks the run. Ticks and notes alone are neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from portage_desktop.i18n import tr


@dataclass(frozen=True)
class DayResult:
    """One day's tries and successes for the current small step."""

    day: date
    tries: int | None
    successes: int | None
    prompt: str = ""


@dataclass(frozen=True)
class Criterion:
    successes_needed: int
    tries_out_of: int
    days_in_row: int
    target_prompt: str = ""

    @property
    def text(self) -> str:
        days = (
            tr("on one day")
            if self.days_in_row == 1
            else tr("on {days_in_row} days in a row").format(days_in_row=self.days_in_row)
        )
        return tr("{successes_needed} of {tries_out_of} tries {days}").format(
            successes_needed=self.successes_needed, tries_out_of=self.tries_out_of, days=days
        )


@dataclass(frozen=True)
class CriterionCheck:
    met: bool
    run: int  # recorded days in a row meeting the criterion, ending at the latest recorded day
    met_on: date | None
    message: str


def prompt_allowed(prompt: str, target: str, prompts: Sequence[str]) -> bool:
    """True if ``prompt`` gave no more help than ``target`` (the list goes from most help)."""
    if not prompt or not target:
        return True
    order = [p.casefold() for p in prompts]
    if prompt.casefold() not in order or target.casefold() not in order:
        return prompt.casefold() == target.casefold()
    return order.index(prompt.casefold()) >= order.index(target.casefold())


def day_meets(result: DayResult, criterion: Criterion, prompts: Sequence[str]) -> bool:
    tries, wins = result.tries or 0, result.successes or 0
    if tries <= 0 or wins < criterion.successes_needed:
        return False
    if wins * criterion.tries_out_of < criterion.successes_needed * tries:
        return False
    return prompt_allowed(result.prompt, criterion.target_prompt, prompts)


def check_criterion(
    results: Sequence[DayResult], criterion: Criterion, prompts: Sequence[str]
) -> CriterionCheck:
    """Whether the latest run of recorded days meets the criterion, in plain words."""
    run, met_on = 0, None
    for result in sorted(results, key=lambda r: r.day):
        if not result.tries:
            continue
        if day_meets(result, criterion, prompts):
            run += 1
            if run >= criterion.days_in_row and met_on is None:
                met_on = result.day
        else:
            run, met_on = 0, None
    met = run >= criterion.days_in_row
    if met:
        message = tr("Step learnt: {text}. Ready for the next small step.").format(
            text=criterion.text
        )
    elif run:
        days = "day" if run == 1 else "days"
        message = tr("{run} {days} in a row so far, of the {days_in_row} needed.").format(
            run=run, days=days, days_in_row=criterion.days_in_row
        )
    else:
        message = tr("Not yet: the step is learnt at {text}.").format(text=criterion.text)
    return CriterionCheck(met, run, met_on, message)

"""When a small step is learnt: the criterion rule and its edge cases."""

from __future__ import annotations

from datetime import date, timedelta

from portage_desktop.services.plan_progress import Criterion, DayResult, check_criterion
from portage_desktop.services.plan_vocabulary import DEFAULT_PROMPTS

FOUR_OF_FIVE = Criterion(4, 5, 3, "Independent")
MONDAY = date(2026, 11, 2)


def days(*results: tuple[int | None, int | None, str], start: date = MONDAY) -> list[DayResult]:
    return [
        DayResult(start + timedelta(days=n), tries, wins, prompt)
        for n, (tries, wins, prompt) in enumerate(results)
    ]


def check(results: list[DayResult], criterion: Criterion = FOUR_OF_FIVE):
    return check_criterion(results, criterion, DEFAULT_PROMPTS)


def test_exactly_the_threshold_is_met_on_the_third_day():
    result = check(days((5, 4, ""), (5, 4, "Independent"), (5, 4, "")))
    assert result.met and result.run == 3 and result.met_on == MONDAY + timedelta(days=2)
    assert "4 of 5 tries on 3 days in a row" in result.message


def test_one_short_is_not_met():
    assert not check(days((5, 4, ""), (5, 3, ""), (5, 4, ""))).met
    assert check(days((5, 4, ""), (5, 4, ""))).run == 2


def test_share_matters_not_only_the_count():
    assert not check(days((6, 4, ""), (6, 4, ""), (6, 4, ""))).met
    assert check(days((6, 5, ""), (6, 5, ""), (6, 5, ""))).met


def test_missing_days_neither_count_nor_break_the_run():
    weekend = days((5, 5, ""), (None, None, ""), (None, None, ""), (5, 4, ""), (5, 4, ""))
    assert check(weekend).met
    one_gap = days((5, 5, ""), (5, 4, ""))
    assert not check(one_gap).met


def test_a_failed_day_in_between_restarts_the_count():
    result = check(days((5, 5, ""), (5, 5, ""), (5, 1, ""), (5, 5, ""), (5, 5, "")))
    assert not result.met and result.run == 2


def test_mixed_prompts_only_count_at_the_target_prompt_or_less_help():
    mixed = days((5, 5, "Independent"), (5, 5, "Verbal"), (5, 5, "Independent"))
    assert not check(mixed).met
    verbal_target = Criterion(4, 5, 3, "Verbal")
    assert check(mixed, verbal_target).met
    assert not check(days((5, 5, "Gesture"), (5, 5, "Verbal"), (5, 5, "")), verbal_target).met


def test_days_out_of_order_are_judged_by_date():
    results = days((5, 4, ""), (5, 4, ""), (5, 4, ""))
    assert check(list(reversed(results))).met


def test_nothing_recorded_says_what_is_needed():
    result = check([])
    assert not result.met and result.run == 0
    assert result.message == "Not yet: the step is learnt at 4 of 5 tries on 3 days in a row."
    assert Criterion(2, 3, 1).text == "2 of 3 tries on one day"

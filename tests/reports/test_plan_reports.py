"""The home activity chart and the plan summary, read back as a parent would see them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from portage_desktop.cli import main
from portage_desktop.printing.kinds import PrintError, find_child_id, print_record
from portage_desktop.services import plan_records
from portage_desktop.services import plans as plans_service
from portage_desktop.services.plan_vocabulary import PlanKind
from tests.pdf_text import page_count, pdf_text, pdf_text_in_order
from tests.services.plan_helpers import TODAY, add_child, add_goal, add_plan, outcome_input


@pytest.fixture
def child(db) -> int:
    from portage_desktop.services.setting import SettingInput, save_setting
    from portage_desktop.services.vocabulary import SettingKind

    save_setting(db, SettingInput("Acorns & Oaks", SettingKind.GROUP))
    return add_child(db)


def test_the_home_chart_is_one_page_in_plain_words(db, child, tmp_path):
    goal = add_goal(db, child)
    plan = add_plan(
        db, child, goal, texts={**outcome_input(goal).texts, "praise": "Say <well done> & clap"}
    )
    plan_records.next_step(db, child, plan, on=date(2026, 11, 9))
    out = print_record(
        db, "activity-chart", find_child_id(db, "Amy Lee"), tmp_path / "chart.pdf", today=TODAY
    )
    assert page_count(out) == 1
    text = pdf_text(out)
    in_order = pdf_text_in_order(out)
    for words in (
        "1 Full physical: your hands guide theirs",
        "6 Independent: no help at all",
        "Monday 23/11",
        "Wednesday 25/11",
        "Sunday 29/11",
    ):
        assert words in in_order, words
    for words in (
        "Amy Lee: Coat on",
        "This week we are practising",
        "Puts the second arm in",  # the current small step, not the one already learnt
        "What we hope to see: Amy will put her coat on",
        "How we will know it is learnt: 4 out of 5 times on 3 days in a row",
        "Help with the start, and let your child do the last part",
        "Praise: Say <well done> & clap",
        "How much help: the key, from most to least help",
        "Under “Help” write a number from the key",
        "Our week starting 23 November 2026",  # printed on a Sunday: next week's chart
        "Comments",
        "Acorns & Oaks",
    ):
        assert words in text, words
    assert "Pulls the coat up from the elbows" not in text
    assert "chaining" not in text.lower()  # no jargon for parents
    shared = plans_service.get_plan(db, child, plan)
    assert shared.shared_on == TODAY


def test_an_unfinished_target_cannot_print_as_a_chart(db, child, tmp_path):
    goal = add_goal(db, child)
    texts = {**outcome_input(goal).texts, "behaviour": "", "criterion": ""}
    plan = add_plan(db, child, goal, texts=texts)
    with pytest.raises(PrintError, match="what the child will do, how well"):
        print_record(db, "activity-chart", child, tmp_path / "x.pdf", plan=plan)
    assert not (tmp_path / "x.pdf").exists()
    assert plans_service.get_plan(db, child, plan).shared_on is None
    # The summary is for the record, so it prints and shows what is missing as blank.
    out = print_record(db, "plan-summary", child, tmp_path / "s.pdf", plan=plan)
    assert "Small steps" in pdf_text(out)


def test_an_open_ended_chart_asks_what_was_noticed(db, child, tmp_path):
    goal = add_goal(db, child)
    data = replace(
        outcome_input(goal),
        kind=PlanKind.OPEN,
        title="Rhymes",
        steps=(),
        texts={"purpose": "To enjoy songs", "play_ideas": "Row, row your boat on a lap"},
    )
    plan = plans_service.save_plan(db, child, data, today=TODAY)
    text = pdf_text_in_order(
        print_record(db, "activity-chart", child, tmp_path / "o.pdf", plan=plan)
    )
    assert "Why we are doing this: To enjoy songs" in text
    assert "We played" in text and "What did you notice?" in text
    assert "Tick the box on each day you play together" in text
    assert "How much help" not in text and "Each try" not in text
    assert "This week we are practising" not in text


def test_the_summary_lists_every_step_with_its_history(db, child, tmp_path):
    plan = add_plan(db, child, add_goal(db, child))
    plan_records.next_step(db, child, plan, on=date(2026, 11, 9))
    text = pdf_text_in_order(print_record(db, "plan-summary", 1, tmp_path / "s.pdf", TODAY))
    assert "Pulls the coat up from the elbows Learnt on 9 November 2026" in " ".join(text.split())
    assert "Working on this now" in text and "Still to come" in text
    assert "Agreed with: Jo Lee (Mum), 2 November 2026" in text
    assert "Play and personal development" in text


def test_a_child_without_plans_gets_a_clear_message(db, child, tmp_path):
    with pytest.raises(PrintError, match="Amy Lee has no activity plans yet"):
        print_record(db, "activity-chart", child, tmp_path / "x.pdf")
    with pytest.raises(PrintError, match="has no plan number 99"):
        print_record(db, "plan-summary", child, tmp_path / "x.pdf", plan=99)
    with pytest.raises(PrintError, match="not printed for a plan"):
        print_record(db, "one-page-profile", child, tmp_path / "x.pdf", plan=1)


@pytest.mark.parametrize("kind", ["activity-chart", "plan-summary"])
def test_both_kinds_print_from_the_command_line(home, tmp_path, capsys, kind):
    database = tmp_path / "demo.db"
    assert main(["make-demo", str(database), "--children", "3"]) == 0
    out = tmp_path / f"{kind}.pdf"
    args = ["print", kind, "--database", str(database), "--child", "1", "--out", str(out)]
    assert main(args) == 0 and page_count(out) >= 1
    assert main([*args, "--plan", "2"]) == 0
    assert main(["print", "--list"]) == 0
    assert kind in capsys.readouterr().out


def test_the_review_report_puts_successes_first_with_room_for_comments(db, child, tmp_path):
    from portage_desktop.services import reviews
    from portage_desktop.services.reviews import Decision, Issue, Progress, ReviewInput
    from portage_desktop.services.stamp_evidence import GoalArea

    with pytest.raises(PrintError, match="Amy Lee has no reviews yet"):
        print_record(db, "review-report", child, tmp_path / "x.pdf")
    plan = add_plan(db, child, add_goal(db, child))
    plan_records.next_step(db, child, plan, on=date(2026, 11, 9))
    row = reviews.PlanReview(
        plan, GoalArea.PLAY, "Coat on", Progress.PROGRESSING, Decision.CONTINUE
    )
    data = ReviewInput(
        held_on=date(2026, 11, 20),
        held=True,
        parents="Jo Lee (Mum)",
        texts={
            "successes": "Amy puts her arms in <all> by herself & smiles",
            "child_voice": "Clapped",
        },
        plans=(row,),
        issues=(Issue("Sleep advice", "SENCO", date(2026, 12, 1)),),
    )
    reviews.save_review(db, child, data, today=TODAY)
    text = pdf_text_in_order(print_record(db, "review-report", 1, tmp_path / "r.pdf", TODAY))
    flat = " ".join(text.split())
    assert flat.index("What we are celebrating") < flat.index("How each plan is going")
    for words in (
        "Our review together: Amy Lee",
        "Amy puts her arms in <all> by herself & smiles",
        "Coat on Progressing. Carry on",
        "What your child told us Clapped",
        "Sleep advice (SENCO by 1 December 2026)",
        "Our next review: by 20 March 2027",
        "Small steps learnt so far",
        "1 of 3 small steps",
        "Your comments",
    ):
        assert words in flat, words


def test_the_shared_record_pack_holds_profile_goals_and_the_latest_review(db, child, tmp_path):
    from portage_desktop.services import reviews

    out = print_record(db, "shared-record", child, tmp_path / "s0.pdf", today=TODAY)
    assert "We will write this together soon." in pdf_text(out)
    add_plan(db, child, add_goal(db, child))
    reviews.save_review(
        db,
        child,
        reviews.ReviewInput(
            held_on=date(2026, 11, 20), held=True, parents="Jo", texts={"successes": "Coat & hat"}
        ),
        today=TODAY,
    )
    flat = " ".join(
        pdf_text_in_order(
            print_record(db, "shared-record", child, tmp_path / "s.pdf", today=TODAY)
        ).split()
    )
    for words in (
        "Amy Lee: our shared record",
        "What we are working on together",
        "We would like Amy to get ready to go outside by herself",
        "Coat on: now practising “Pulls the coat up from the elbows”",
        "Our latest review",
        "Successes: Coat & hat",
    ):
        assert words in flat, words


@pytest.mark.parametrize("kind", ["review-report", "shared-record"])
def test_review_prints_come_from_the_command_line_too(home, tmp_path, kind):
    database = tmp_path / "demo.db"
    assert main(["make-demo", str(database), "--children", "3"]) == 0
    out = tmp_path / f"{kind}.pdf"
    args = ["print", kind, "--database", str(database), "--child", "1", "--out", str(out)]
    assert main(args) == 0 and page_count(out) >= 1
    assert "review" in pdf_text(out).lower()


@pytest.mark.parametrize(
    ("week", "monday"),
    [
        (date(2026, 12, 6), date(2026, 11, 30)),  # a Sunday: the week it ends
        (date(2026, 12, 7), date(2026, 12, 7)),  # a Monday: its own week
        (date(2026, 12, 8), date(2026, 12, 7)),
        (None, date(2026, 11, 23)),  # none chosen: printed on a Sunday, next week's chart
    ],
)
def test_the_chart_is_for_the_chosen_week_with_each_days_date(tmp_path, week, monday):
    from portage_desktop.printing.plans import chart_days
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.plan_sheets import PlanSheet, build_activity_chart

    first, days = chart_days(TODAY, week)
    assert first == monday
    sheet = PlanSheet(
        "Amy Lee", "Coat on", "Coat on", "Self-help", True, "Arms in", week_of="x", day_dates=days
    )
    out = tmp_path / "chart.pdf"
    build_activity_chart(ReportMeta("Acorns", "Activity chart for home", TODAY), sheet, out)
    text = pdf_text_in_order(out)
    for n, day in enumerate(("Monday", "Tuesday", "Wednesday", "Sunday")):
        on = monday + timedelta(days=(0, 1, 2, 6)[n])
        assert f"{day} {on:%d/%m}" in text


def test_tick_boxes_are_big_enough_to_tick():
    from reportlab.lib.units import mm

    from portage_desktop.reports.plan_sheets import _boxes

    drawing = _boxes(5)
    assert drawing.height >= 8 * mm
    assert all(r.width >= 8 * mm and r.height >= 8 * mm for r in drawing.contents)


def test_the_command_line_prints_the_chart_for_a_chosen_week(home, tmp_path, capsys):
    database = tmp_path / "demo.db"
    assert main(["make-demo", str(database), "--children", "3"]) == 0
    out = tmp_path / "chart.pdf"
    args = ["print", "activity-chart", "--database", str(database), "--child", "1"]
    assert main([*args, "--out", str(out), "--week", "15/01/2027"]) == 0
    text = pdf_text_in_order(out)
    assert "Our week starting 11 January 2027" in text
    assert "Monday 11/01" in text and "Sunday 17/01" in text
    bad = tmp_path / "bad.pdf"
    assert main([*args, "--out", str(bad), "--week", "45/01/2027"]) != 0
    assert not bad.exists()
    summary = ["print", "plan-summary", "--database", str(database), "--child", "1"]
    assert main([*summary, "--out", str(bad), "--week", "15/01/2027"]) != 0
    assert "not printed for a week" in capsys.readouterr().err
    assert not bad.exists()


def test_a_chart_explains_its_words_in_the_key_and_stays_on_one_page(tmp_path):
    from portage_desktop.reports.base import ReportMeta
    from portage_desktop.reports.plan_sheets import PlanSheet, build_activity_chart
    from portage_desktop.services.plan_vocabulary import DEFAULT_PROMPTS

    how = [(f"Tip {n}:", "Show the sign yourself and wait a little longer") for n in range(6)]
    sheet = PlanSheet(
        "Amy Lee",
        "Asking for more",
        "Amy will tell us what she wants",
        "Communication",
        True,
        "Makes the 'more' sign alone",
        target=[("What we hope to see:", "Amy will ask for more with the word or Makaton sign")],
        how_to_help=how,
        prompts=DEFAULT_PROMPTS,
        week_of="23 November 2026",
    )
    out = tmp_path / "chart.pdf"
    build_activity_chart(ReportMeta("Acorns", "Activity chart for home", TODAY), sheet, out)
    assert page_count(out) == 1
    text = pdf_text_in_order(out)
    assert "Words we use: Makaton: a way of communicating with signs" in text
    assert text.count("Makaton:") == 1

"""Goals and activity plans: the rules they keep, step progression and the library."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from portage_desktop.services import goals as goals_service
from portage_desktop.services import plan_library, plan_records
from portage_desktop.services import plans as plans_service
from portage_desktop.services.access import Actor, PermissionDenied, Role, set_actor
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.plan_records import DayEntry
from portage_desktop.services.plan_vocabulary import DEFAULT_PROMPTS, PlanKind, PlanStatus
from portage_desktop.services.plans import Step
from tests.services.plan_helpers import START, TODAY, add_child, add_goal, add_plan, outcome_input


def week(plan_id_start: date, *results: tuple[int, int]) -> list[DayEntry]:
    return [
        DayEntry(plan_id_start + timedelta(days=n), tries, wins, "Independent")
        for n, (tries, wins) in enumerate(results)
    ]


def test_goal_dates_and_words_are_checked(db):
    child = add_child(db)
    bad = goals_service.GoalInput(
        area=goals_service.GoalArea.PLAY,
        text="  ",
        written_with="",
        written_on=date(2026, 11, 1),
        target_date=date(2026, 10, 1),
    )
    with pytest.raises(ValidationError) as caught:
        goals_service.save_goal(db, child, bad, today=TODAY)
    assert set(caught.value.errors) == {"text", "target_date"}


def test_plan_dates_must_be_consistent(db):
    child = add_child(db)
    goal = add_goal(db, child)
    with pytest.raises(ValidationError) as caught:
        add_plan(
            db, child, goal, review_on=START - timedelta(days=1), agreed_on=TODAY + timedelta(1)
        )
    assert set(caught.value.errors) == {"review_on", "agreed_on"}
    with pytest.raises(ValidationError) as caught:
        add_plan(db, child, goal, steps=())
    assert "steps" in caught.value.errors


def test_print_rule_needs_behaviour_conditions_and_criterion(db):
    child = add_child(db)
    goal = add_goal(db, child)
    texts = dict(outcome_input(goal).texts, conditions="", criterion=" ")
    plan = plans_service.get_plan(db, child, add_plan(db, child, goal, texts=texts))
    assert not plan.ready_to_print
    assert plans_service.missing_for_chart(plan.data) == [
        "when and with what help",
        "how well (the criterion)",
    ]
    open_ended = replace(plan.data, kind=PlanKind.OPEN, texts={})
    assert plans_service.missing_for_chart(open_ended) == []


def test_records_move_to_the_next_step_keeping_history(db):
    child = add_child(db)
    plan_id = add_plan(db, child, add_goal(db, child))
    plan_records.save_week(db, child, plan_id, week(START, (5, 4), (5, 5), (5, 4)), today=TODAY)
    progress = plan_records.progress(db, child, plan_id)
    assert progress.check is not None and progress.check.met
    first = progress.plan.current_step
    assert first is not None and first.started_on == START

    achieved = plan_records.next_step(db, child, plan_id, on=date(2026, 11, 5))
    assert not achieved
    progress = plan_records.progress(db, child, plan_id)
    steps = progress.plan.data.steps
    assert steps[0].achieved_on == date(2026, 11, 5)
    assert steps[1].started_on == date(2026, 11, 5) and steps[1].achieved_on is None
    # The earlier days stay recorded against the step they were for.
    assert {d.step_id for d in progress.days} == {first.id}
    assert progress.check is not None and not progress.check.met and progress.check.run == 0

    plan_records.next_step(db, child, plan_id, on=date(2026, 11, 10))
    assert plan_records.next_step(db, child, plan_id, on=date(2026, 11, 12))
    plan = plans_service.get_plan(db, child, plan_id)
    assert plan.status is PlanStatus.ACHIEVED and plan.current_step is None
    assert [s.achieved_on for s in plan.data.steps] == [
        date(2026, 11, 5),
        date(2026, 11, 10),
        date(2026, 11, 12),
    ]


def test_editing_the_steps_keeps_the_ones_with_records(db):
    child = add_child(db)
    plan_id = add_plan(db, child, add_goal(db, child))
    plan_records.save_week(db, child, plan_id, week(START, (5, 1)), today=TODAY)
    plan = plans_service.get_plan(db, child, plan_id)
    easier = (Step("Holds the coat"), *plan.data.steps)
    plans_service.save_plan(db, child, replace(plan.data, steps=easier), plan_id, today=TODAY)
    again = plans_service.get_plan(db, child, plan_id)
    assert [s.text for s in again.data.steps][:2] == ["Holds the coat", plan.data.steps[0].text]
    assert again.data.steps[1].id == plan.data.steps[0].id


def test_week_rules_and_clearing_a_day(db):
    child = add_child(db)
    plan_id = add_plan(db, child, add_goal(db, child))
    with pytest.raises(ValidationError) as caught:
        plan_records.save_week(
            db,
            child,
            plan_id,
            [DayEntry(START, 3, 4), DayEntry(TODAY + timedelta(days=1), 1, 1)],
            today=TODAY,
        )
    assert len(caught.value.errors) == 2
    plan_records.save_week(db, child, plan_id, [DayEntry(START, done=True, note="Tried")], TODAY)
    assert plan_records.progress(db, child, plan_id).days[0].note == "Tried"
    plan_records.save_week(db, child, plan_id, [DayEntry(START, version=1)], today=TODAY)
    assert plan_records.progress(db, child, plan_id).days == ()


def test_a_plan_with_records_is_stopped_not_deleted(db):
    child = add_child(db)
    goal = add_goal(db, child)
    empty = add_plan(db, child, goal)
    used = add_plan(db, child, goal, title="Shoes on")
    plan_records.save_week(db, child, used, week(START, (3, 1)), today=TODAY)
    assert plans_service.remove_plan(db, child, empty) is True
    assert plans_service.remove_plan(db, child, used) is False
    [kept] = plans_service.list_plans(db, child)
    assert kept.status is PlanStatus.STOPPED and kept.record_count == 1
    with pytest.raises(ValidationError):
        goals_service.delete_goal(db, child, goal)


def test_library_template_has_no_personal_data_and_starts_a_new_plan(db):
    amy = add_child(db)
    plan_id = add_plan(db, amy, add_goal(db, amy))
    template_id = plan_library.save_as_template(db, amy, plan_id, "Coat on for Amy Lee")
    [template] = plan_library.list_templates(db)
    assert template.id == template_id and template.name == "Coat on for the child"
    text = repr(template.data)
    assert "Amy" not in text and "Lee" not in text and "the child will put her coat on" in text
    assert template.data.start_on is None and template.data.agreed_with == ""

    ben = add_child(db, "Ben", "Cole")
    goal = add_goal(db, ben)
    data = replace(template.data, goal_id=goal, start_on=START, review_on=date(2027, 1, 4))
    new_id = plans_service.save_plan(db, ben, data, today=TODAY)
    assert [s.text for s in plans_service.get_plan(db, ben, new_id).data.steps] == [
        s.text for s in template.data.steps
    ]


def test_copy_into_a_new_period_carries_the_unmet_steps(db):
    child = add_child(db)
    plan_id = add_plan(db, child, add_goal(db, child))
    plan_records.next_step(db, child, plan_id, on=date(2026, 11, 9))
    new_id = plan_library.copy_plan(db, child, plan_id, date(2027, 1, 4), date(2027, 4, 1))
    old, new = plans_service.get_plan(db, child, plan_id), plans_service.get_plan(db, child, new_id)
    assert old.status is PlanStatus.CHANGED and new.status is PlanStatus.ACTIVE
    assert [s.text for s in new.data.steps] == [s.text for s in old.data.steps[1:]]
    assert new.current_step is not None and new.current_step.started_on == date(2027, 1, 4)


def test_prompt_list_is_a_dated_editable_default(db):
    assert plan_library.prompt_list(db) == DEFAULT_PROMPTS
    plan_library.save_prompt_list(db, ["Hand over hand", "Point", "Independent"], date(2027, 1, 1))
    assert plan_library.prompt_list(db, date(2026, 12, 31)) == DEFAULT_PROMPTS
    assert plan_library.prompt_list(db, date(2027, 1, 1))[0] == "Hand over hand"
    with pytest.raises(ValidationError):
        plan_library.save_prompt_list(db, ["Only one"], date(2027, 1, 1))


def test_read_only_users_may_look_but_not_change(db):
    child = add_child(db)
    plan_id = add_plan(db, child, add_goal(db, child))
    set_actor(db, Actor("viewer", "Viewer", Role.READ_ONLY))
    assert plans_service.list_plans(db, child)[0].id == plan_id
    with pytest.raises(PermissionDenied):
        plan_records.save_week(db, child, plan_id, week(START, (1, 1)), today=TODAY)
    with pytest.raises(PermissionDenied):
        plans_service.remove_plan(db, child, plan_id)


def test_subject_access_and_erasure_reach_every_plan_row(db):
    from portage_desktop.data import child_graph
    from portage_desktop.services import retention

    child = add_child(db)
    plan_id = add_plan(db, child, add_goal(db, child))
    plan_records.save_week(db, child, plan_id, week(START, (5, 3)), today=TODAY)
    with db.session() as s:
        found = child_graph.collect(s, child)
    assert {len(found[t]) for t in ("goal", "activity_plan", "activity_record")} == {1}
    assert len(found["plan_step"]) == 3
    retention.erase_child(db, child, "Amy Lee")
    with db.session() as s:
        assert all(not rows for rows in child_graph.collect(s, child).values())
        assert s.get(plans_service.PlanRecord, plan_id) is None

"""Gathers a plan into the plain words the home activity chart and the plan summary print.

Kept apart from :mod:`printing.kinds` so that module stays a short list of kinds. Printing either
record for a plan notes that the plan was shared with the family (criterion 5).
"""

from __future__ import annotations

from datetime import date, timedelta

from portage_desktop.i18n import tr
from portage_desktop.reports.plan_sheets import PlanSheet
from portage_desktop.services.dates import format_date, format_long
from portage_desktop.services.plan_print import PlanForPrint
from portage_desktop.services.plan_records import week_start
from portage_desktop.services.plan_vocabulary import PARENT_METHOD_WORDS, PlanKind
from portage_desktop.services.plans import Plan


def _step_state(plan: Plan, index: int) -> str:
    step = plan.data.steps[index]
    if step.achieved_on:
        return tr("Learnt on {date}").format(date=format_long(step.achieved_on))
    if plan.current_step is step:
        return tr("Working on this now")
    return tr("Still to come")


def plan_sheet(found: PlanForPrint, today: date, week: date | None = None) -> PlanSheet:
    """The plain words of a plan's chart or summary, from what was read for it; the chart is
    for the week holding ``week`` when one is chosen, else :func:`chart_week`."""
    monday, days = chart_days(today, week)
    plan = found.plan
    d = plan.data
    outcome = plan.kind is PlanKind.OUTCOME
    text = plan.text
    if outcome:
        target = (
            (tr("What we hope to see:"), text("behaviour")),
            (tr("When:"), text("conditions")),
            (tr("How we will know it is learnt:"), text("criterion")),
        )
        how = (
            (tr("Where and when:"), text("routines")),
            (tr("What you need:"), text("materials")),
            (tr("How to show them:"), PARENT_METHOD_WORDS[d.method] if d.method else ""),
            (tr("Giving less help over time:"), text("prompt_fading")),
            (tr("If it is hard:"), text("if_hard")),
            (tr("Praise:"), text("praise")),
        )
    else:
        target = ((tr("Why we are doing this:"), text("purpose")),)
        how = (
            (tr("Play ideas:"), text("play_ideas")),
            (tr("What to look out for:"), text("to_notice")),
            (tr("Where and when:"), text("routines")),
        )
    step = plan.current_step
    check = found.check
    details = (
        (tr("Who does it:"), d.who.label),
        (tr("Started:"), format_long(d.start_on)),
        (tr("We will look at it again on:"), format_long(d.review_on)),
        (
            tr("Agreed with:"),
            f"{d.agreed_with}, {format_long(d.agreed_on)}" if d.agreed_on else d.agreed_with,
        ),
        (tr("Status:"), d.status.label),
    )
    extra = (
        (tr("Trying it with other people:"), text("general_people")),
        (tr("In other places:"), text("general_places")),
        (tr("With other things:"), text("general_materials")),
        (tr("How we record it:"), text("recording_method")),
    )
    return PlanSheet(
        child_name=found.child_name,
        title=d.title,
        goal=plan.goal_text,
        goal_area=_area_label(found),
        outcome=outcome,
        small_step=step.text if step else tr("All the small steps are learnt. Well done!"),
        target=target,
        how_to_help=how,
        prompts=d.prompts if outcome else (),
        steps=tuple((s.text, _step_state(plan, i)) for i, s in enumerate(d.steps)),
        details=details,
        progress=check.message if check else "",
        week_of=format_long(monday),
        day_dates=days,
        tries=d.tries_out_of if outcome else 1,
        extra=extra,
    )


def _area_label(found: PlanForPrint) -> str:
    area = found.goal_area
    return area.label[0].upper() + area.label[1:] if area else ""


def chart_week(today: date) -> date:
    """The Monday the chart starts: this week's, or next week's if printed at the weekend."""
    monday = week_start(today)
    return monday + timedelta(days=7) if today.weekday() >= 5 else monday


def chart_days(today: date, week: date | None = None) -> tuple[date, tuple[str, ...]]:
    """The chart's Monday and each day's date as "dd/mm": the week holding ``week`` when the
    family chose one, else :func:`chart_week`."""
    monday = week_start(week) if week else chart_week(today)
    return monday, tuple(format_date(monday + timedelta(days=n))[:5] for n in range(7))

"""The Goals and plans tab's less frequent actions: the plan library, copying a plan into a
new period, and the setting's prompt list. Kept apart so the tab stays about the chosen plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox

from portage_desktop.i18n import tr
from portage_desktop.services import plan_library
from portage_desktop.services.errors import ValidationError
from portage_desktop.ui.common.service_errors import REFUSED, refused

if TYPE_CHECKING:
    from portage_desktop.ui.plans.plans_tab import PlansTab


def from_library(tab: PlansTab) -> None:
    templates = plan_library.list_templates(tab.ctx.db)
    if not templates or not tab.goals:
        QMessageBox.information(
            tab,
            tr("Plan library"),
            tr("The library is empty. Open a plan and choose Save this plan to the library.")
            if tab.goals
            else tr("Please write a goal first."),
        )
        return
    names = [f"{t.name} ({t.kind.label.split(' (')[0]})" for t in templates]
    chosen, ok = QInputDialog.getItem(
        tab, tr("Plan library"), tr("Start a plan from:"), names, 0, False
    )
    if not ok:
        return
    template = templates[names.index(chosen)]
    goal = tab.selected_goal() or tab.goals[0]
    today = date.today()
    tab.new_plan(
        replace(
            template.data,
            goal_id=goal.id,
            start_on=today,
            review_on=today + timedelta(weeks=12),
        )
    )


def to_library(tab: PlansTab) -> None:
    plan = tab.selected_plan()
    if plan is None:
        return
    name, ok = QInputDialog.getText(
        tab,
        tr("Save to the library"),
        tr("Name for the library (the child's and family's names are taken out):"),
        text=plan.title,
    )
    if ok:
        try:
            plan_library.save_as_template(tab.ctx.db, tab.child_id, plan.id, name)
        except ValidationError as exc:
            QMessageBox.warning(tab, tr("Not saved"), " ".join(exc.errors.values()))
        except REFUSED as exc:
            refused(tab, tr("Not saved"), exc)


def copy_plan(tab: PlansTab) -> None:
    plan = tab.selected_plan()
    if plan is None:
        return
    start = max(date.today(), (plan.data.review_on or date.today()))
    if not tab.ask(
        tr("Copy into a new period?"),
        tr(
            "Start a copy of “{title}” on {start:%d/%m/%Y}, for 12 weeks, "
            "carrying on from the step not yet learnt? You can change the dates "
            "in the plan afterwards."
        ).format(title=plan.title, start=start),
    ):
        return
    try:
        new_id = plan_library.copy_plan(
            tab.ctx.db, tab.child_id, plan.id, start, start + timedelta(weeks=12)
        )
    except REFUSED as exc:
        refused(tab, tr("Not copied"), exc)
        return
    tab.refresh(("plan", new_id))


def edit_prompts(tab: PlansTab) -> None:
    current = "\n".join(plan_library.prompt_list(tab.ctx.db))
    text, ok = QInputDialog.getMultiLineText(
        tab,
        tr("Prompt list"),
        tr(
            "One prompt a line, from most help to none. New plans use it from today; "
            "plans already written keep theirs."
        ),
        current,
    )
    if not ok:
        return
    try:
        plan_library.save_prompt_list(tab.ctx.db, text.splitlines(), date.today())
    except ValidationError as exc:
        QMessageBox.warning(tab, tr("Not saved"), " ".join(exc.errors.values()))
    except REFUSED as exc:
        refused(tab, tr("Not saved"), exc)

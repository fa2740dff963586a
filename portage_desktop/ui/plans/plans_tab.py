"""The Goals and plans tab: the child's long-term goals with their activity plans, and for the
chosen plan its current small step, the week grid for typing in records, and the progress chart.

When the records show the step is learnt, the tab offers to move on to the next small step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import goals as goals_service
from portage_desktop.services import plan_library, plan_records
from portage_desktop.services import plans as plans_service
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date, weekday_name
from portage_desktop.services.errors import ConflictError, NotFoundError, ValidationError
from portage_desktop.services.goals import Goal
from portage_desktop.services.plan_records import DayEntry, PlanProgress
from portage_desktop.services.plan_vocabulary import PlanKind, PlanStatus
from portage_desktop.services.plans import Plan
from portage_desktop.ui.common.conflict_dialog import (
    ConflictChoice,
    ask_about_conflict,
    describe_day,
)
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.widgets import fitted, heading
from portage_desktop.ui.plans import plan_actions
from portage_desktop.ui.plans.goal_dialog import GoalDialog
from portage_desktop.ui.plans.plan_chart import PlanChart
from portage_desktop.ui.plans.plan_dialog import PlanDialog
from portage_desktop.ui.plans.week_grid import WeekGrid

ROLE = Qt.ItemDataRole.UserRole + 1
Printer = Callable[[str, int | None], None]


class PlansTab(QWidget):
    """Goals on the left (each with its plans), the chosen plan on the right."""

    def __init__(
        self, ctx: AppContext, child_id: int, printer: Printer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.child_id, self.printer = ctx, child_id, printer
        self.goals: list[Goal] = []
        self.plans: list[Plan] = []
        self.progress: PlanProgress | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Goals and their plans"), tr("Status")])
        self.tree.setAccessibleName(tr("Goals and their plans"))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(self._chosen)
        self.tree.itemActivated.connect(lambda *_a: self.open_selected())
        self.new_goal_button = QPushButton(tr("New &goal…"))
        self.new_plan_button = QPushButton(tr("New &plan…"))
        self.open_button = QPushButton(tr("&Open…"))
        self.remove_button = QPushButton(tr("&Remove or stop…"))
        self.more = QToolButton()
        self.more.setText(tr("&Library and more"))
        self.more.setAccessibleName(tr("Library and more"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more)
        menu.addAction(
            tr("Start a plan from the &library…"), lambda: plan_actions.from_library(self)
        )
        menu.addAction(tr("&Save this plan to the library…"), lambda: plan_actions.to_library(self))
        menu.addAction(
            tr("&Copy this plan into a new period…"), lambda: plan_actions.copy_plan(self)
        )
        menu.addAction(tr("Mark this plan &achieved…"), self.mark_achieved)
        menu.addAction(
            tr("Edit the setting's &prompt list…"), lambda: plan_actions.edit_prompts(self)
        )
        self.more.setMenu(menu)
        self.chart_button = QPushButton(tr("Print &home chart…"))
        self.summary_button = QPushButton(tr("Print plan s&ummary…"))
        self.new_goal_button.clicked.connect(self.new_goal)
        self.new_plan_button.clicked.connect(self.new_plan)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.chart_button.clicked.connect(lambda: self._print("activity-chart"))
        self.summary_button.clicked.connect(lambda: self._print("plan-summary"))
        buttons = QHBoxLayout()
        for b in (
            self.new_goal_button,
            self.new_plan_button,
            self.open_button,
            self.remove_button,
            self.more,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        # The prints sit under the plan they print, so the row above fits a small laptop
        # at large text.
        prints = QHBoxLayout()
        prints.addStretch(1)
        prints.addWidget(self.chart_button)
        prints.addWidget(self.summary_button)

        self.plan_title = heading("", 1.2)
        self.step = QLabel()
        self.step.setWordWrap(True)
        self.step.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.step.setAccessibleName(tr("Current small step and progress"))
        self.next_button = QPushButton(tr("Move to the &next small step"))
        self.next_button.clicked.connect(self.next_step)
        self.grid = WeekGrid()
        self.grid.save_requested.connect(self.save_week)
        self.chart = PlanChart()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.plan_title)
        step_row = QHBoxLayout()
        step_row.addWidget(self.step, 1)
        step_row.addWidget(self.next_button)
        column.addLayout(step_row)
        column.addWidget(self.grid)
        column.addWidget(self.chart, 1)
        column.addLayout(prints)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(fitted(right))  # scrolls on a small screen instead of clipping
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.refresh()

    # Loading and showing
    def refresh(self, select: tuple[str, int] | None = None) -> None:
        keep = select or self._selected_key()
        self.goals = goals_service.list_goals(self.ctx.db, self.child_id)
        self.plans = plans_service.list_plans(self.ctx.db, self.child_id)
        self.tree.blockSignals(True)
        self.tree.clear()
        chosen = None
        for goal in self.goals:
            top = QTreeWidgetItem(
                [f"{goal.area.label.split(',')[0].capitalize()}: {goal.short}", goal.status.label]
            )
            top.setData(0, ROLE, ("goal", goal.id))
            top.setToolTip(0, goal.text)
            self.tree.addTopLevelItem(top)
            chosen = top if keep == ("goal", goal.id) else chosen
            for plan in (p for p in self.plans if p.data.goal_id == goal.id):
                kind = tr("small steps") if plan.kind is PlanKind.OUTCOME else "play"
                child = QTreeWidgetItem([f"{plan.title} ({kind})", plan.status.label])
                child.setData(0, ROLE, ("plan", plan.id))
                child.setToolTip(
                    0,
                    tr("Plan number {id}, started {start_on:%d/%m/%Y}").format(
                        id=plan.id, start_on=plan.data.start_on
                    ),
                )
                top.addChild(child)
                chosen = child if keep == ("plan", plan.id) else chosen
            top.setExpanded(True)
        if chosen is None:
            active = [p for p in reversed(self.plans) if p.status is PlanStatus.ACTIVE]
            first_plan = next((p for p in active if p.kind is PlanKind.OUTCOME), None) or next(
                iter(active), None
            )
            chosen = self._item_for(("plan", first_plan.id)) if first_plan else None
        if chosen is None and self.tree.topLevelItemCount():
            chosen = self.tree.topLevelItem(0)
        self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        self._show_plan()

    def _item_for(self, key: tuple[str, int]) -> QTreeWidgetItem | None:
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            for c in range(top.childCount()):
                if top.child(c).data(0, ROLE) == key:
                    return top.child(c)
        return None

    def _selected_key(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return tuple(item.data(0, ROLE)) if item else None  # type: ignore[return-value]

    def selected_plan(self) -> Plan | None:
        key = self._selected_key()
        if key is None or key[0] != "plan":
            return None
        return next((p for p in self.plans if p.id == key[1]), None)

    def selected_goal(self) -> Goal | None:
        key = self._selected_key()
        if key is None:
            return None
        goal_id = (
            key[1]
            if key[0] == "goal"
            else next((p.data.goal_id for p in self.plans if p.id == key[1]), None)
        )
        return next((g for g in self.goals if g.id == goal_id), None)

    def _chosen(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if previous is not None and not self.grid.confirm_leave():
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(previous)
            self.tree.blockSignals(False)
            return
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.selected_plan()
        has_plan = plan is not None
        for widget in (
            self.grid,
            self.chart,
            self.next_button,
            self.chart_button,
            self.summary_button,
        ):
            widget.setVisible(has_plan)
        self.open_button.setEnabled(self.tree.currentItem() is not None)
        self.remove_button.setEnabled(self.tree.currentItem() is not None)
        self.new_plan_button.setEnabled(bool(self.goals))
        if plan is None:
            self.progress = None
            self.plan_title.setText("")
            self.step.setText(
                tr("Choose a plan on the left to type in its records and see its progress.")
                if self.goals
                else tr(
                    "No goals yet. Choose New goal to write one with the family, in their "
                    "words; then build a plan towards it."
                )
            )
            return
        self.progress = plan_records.progress(self.ctx.db, self.child_id, plan.id)
        plan = self.progress.plan  # as stored now, with its count of recorded days
        self.plans = [plan if p.id == plan.id else p for p in self.plans]
        self.plan_title.setText(f"{plan.title} – {plan.status.label.lower()}")
        self.plan_title.setAccessibleName(self.plan_title.text())
        self.grid.set_plan(
            self.progress.days,
            plan.data.prompts,
            plan.data.start_on,
            outcome=plan.kind is PlanKind.OUTCOME,
        )
        self.grid.setEnabled(plan.status is PlanStatus.ACTIVE)
        step = plan.current_step
        check = self.progress.check
        if plan.kind is PlanKind.OPEN:
            text = tr("Open-ended play plan. Purpose: {value}").format(
                value=plan.text("purpose") or tr("not written yet")
            )
        elif step is None:
            text = tr("Every small step is learnt.")
        else:
            number = plan.data.steps.index(step) + 1
            text = tr("Small step {number} of {count}: {text}").format(
                number=number, count=len(plan.data.steps), text=step.text
            )
            if check is not None:
                text += f"\n{'✓ ' if check.met else ''}{check.message}"
        self.step.setText(text)
        self.next_button.setVisible(plan.kind is PlanKind.OUTCOME and step is not None)
        self.next_button.setEnabled(plan.status is PlanStatus.ACTIVE)
        self.chart.set_data(self.progress.days, plan.data.steps, plan.criterion, plan.data.prompts)

    # Actions
    def warn(self, title: str, exc: Exception) -> None:
        QMessageBox.warning(self, title, str(exc))

    def new_goal(self) -> None:
        dialog = GoalDialog(self.ctx, self.child_id, None, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.refresh(("goal", dialog.saved_id))

    def new_plan(self, start=None) -> None:  # noqa: ANN001
        goal = self.selected_goal()
        if not self.goals:
            return
        if goal is not None and start is None:
            today = date.today()
            prompts = plan_library.prompt_list(self.ctx.db)
            start = plans_service.PlanInput(
                goal_id=goal.id,
                kind=PlanKind.OUTCOME,
                title="",
                start_on=today,
                review_on=today + timedelta(weeks=12),
                prompts=prompts,
                target_prompt=prompts[-1],
                texts={"criterion": tr("4 out of 5 tries, on 3 days in a row, with no help")},
            )
        self._edit_plan(None, start)

    def _edit_plan(self, plan_id: int | None, start, version: int | None = None) -> None:  # noqa: ANN001
        try:
            dialog = PlanDialog(
                self.ctx,
                self.child_id,
                self.goals,
                plan_library.prompt_list(self.ctx.db),
                plan_id,
                start,
                self,
                version,
            )
        except REFUSED as exc:
            refused(self, tr("Not possible"), exc)
            return
        if dialog.exec() and dialog.saved_id is not None:
            self.refresh(("plan", dialog.saved_id))

    def open_selected(self) -> None:
        plan = self.selected_plan()
        if plan is not None:
            self._edit_plan(plan.id, plan.data, plan.version)
            return
        goal = self.selected_goal()
        if goal is not None:
            dialog = GoalDialog(self.ctx, self.child_id, goal, self)
            if dialog.exec():
                self.refresh(("goal", goal.id))

    def remove_selected(self) -> None:
        plan, goal = self.selected_plan(), self.selected_goal()
        try:
            if plan is not None:
                records = plan.record_count
                words = (
                    tr(
                        "“{title}” has {records} days of records, so it will be stopped and "
                        "kept with its history. Stop it?"
                    ).format(title=plan.title, records=records)
                    if records
                    else tr("Remove the plan “{title}”? It has no records yet.").format(
                        title=plan.title
                    )
                )
                if self.ask(tr("Remove or stop the plan?"), words):
                    plans_service.remove_plan(self.ctx.db, self.child_id, plan.id)
            elif goal is not None and self.ask(
                tr("Remove the goal?"),
                tr("Remove the goal “{short}”? This cannot be undone.").format(short=goal.short),
            ):
                goals_service.delete_goal(self.ctx.db, self.child_id, goal.id)
        except ValidationError as exc:
            QMessageBox.information(self, tr("Kept"), " ".join(exc.errors.values()))
        except REFUSED as exc:
            refused(self, tr("Not changed"), exc)
        self.refresh()

    def ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save_week(self, rows: list[DayEntry]) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        was_met = bool(self.progress and self.progress.check and self.progress.check.met)
        try:
            plan_records.save_week(self.ctx.db, self.child_id, plan.id, rows)
        except ConflictError as exc:
            self._week_conflict(exc, rows)
            return
        except ValidationError as exc:
            self.grid.show_errors(exc.errors)
            return
        except (PermissionDenied, NotFoundError) as exc:
            self.grid.show_errors({"general": str(exc)})
            return
        self.grid.dirty = False
        monday = self.grid.monday
        self._show_plan()  # the records, step and chart again; the list of plans is unchanged
        if self.grid.monday != monday:
            self.grid.monday = monday
            self.grid.saved(self.progress.days if self.progress else ())
        check = self.progress.check if self.progress else None
        if check is not None and check.met and not was_met:
            self.next_step(offer=check.message)

    def _week_conflict(self, error: ConflictError, rows: list[DayEntry]) -> None:
        """Someone recorded some of these days first: show both, then reload or save ours."""
        stored: PlanProgress = error.current
        theirs = {d.day: d for d in stored.days}
        compared = [
            (
                f"{weekday_name(row.day, short=True)} {format_date(row.day)}",
                describe_day(row),
                describe_day(theirs.get(row.day, DayEntry(row.day))),
            )
            for row in rows
        ]
        choice = ask_about_conflict(self, error, rows, rows=compared)
        if choice is ConflictChoice.KEEP_MINE:
            blank = DayEntry(date.min)
            self.save_week([replace(r, version=theirs.get(r.day, blank).version) for r in rows])
        elif choice is ConflictChoice.RELOAD:
            monday = self.grid.monday
            self.grid.dirty = False
            self.refresh(("plan", stored.plan.id))
            self.grid.monday = monday
            self.grid.saved(self.progress.days if self.progress else ())
        else:
            self.grid.show_errors(
                {
                    "general": tr(
                        "Not saved: someone else recorded this week after you opened it. "
                        "Save again to compare the two and choose."
                    )
                }
            )

    def next_step(self, offer: str = "") -> None:
        plan = self.selected_plan()
        step = plan.current_step if plan else None
        if plan is None or step is None:
            return
        last = plan.data.steps[-1] is step
        what = tr("mark the whole plan achieved") if last else tr("move on to the next small step")
        intro = offer or tr("The records do not show the criterion met yet.")
        if not self.ask(
            tr("Next small step?"),
            tr(
                "{intro}\n\nMark “{text}” learnt today "
                "and {what}? The dates are kept as the plan's history."
            ).format(intro=intro, text=step.text, what=what),
        ):
            return
        try:
            plan_records.next_step(self.ctx.db, self.child_id, plan.id)
        except REFUSED as exc:
            refused(self, tr("Not changed"), exc)
        self.refresh(("plan", plan.id))

    def mark_achieved(self) -> None:
        plan = self.selected_plan()
        if plan and self.ask(
            tr("Plan achieved?"), tr("Mark “{title}” achieved?").format(title=plan.title)
        ):
            try:
                plan_records.mark_achieved(self.ctx.db, self.child_id, plan.id)
            except REFUSED as exc:
                refused(self, tr("Not changed"), exc)
            self.refresh(("plan", plan.id))

    def _print(self, kind: str) -> None:
        plan = self.selected_plan()
        self.printer(kind, plan.id if plan else None)

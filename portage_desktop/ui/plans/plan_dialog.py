"""The plan editor: an outcome-focused plan (target, small steps, how it is taught) or an
open-ended one (purpose, play ideas, what to notice), and who does it, when, agreed with whom.

Three pages keep a long form readable; a problem on a hidden page brings that page forward.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import family as family_service
from portage_desktop.services import plans as plans_service
from portage_desktop.services.goals import Goal
from portage_desktop.services.plan_vocabulary import PlanKind, PlanStatus, TeachingMethod, Who
from portage_desktop.services.plans import Plan, PlanInput
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField, fitted, size_for_screen, suggest
from portage_desktop.ui.plans.step_builder import StepBuilder

OUTCOME_TEXTS = (
    ("behaviour", tr("What the child will &do *"), tr("Clear words: “Amy will put her coat on”")),
    ("conditions", tr("&Under what conditions *"), tr("When, where, with what and how much help")),
    (
        "criterion",
        tr("To what de&gree (how well) *"),
        tr(
            "In words for the chart, for example “4 out of 5 tries, on 3 days in a row, with no "
            "help”"
        ),
    ),
)
HOW_TEXTS = (
    ("prompt_fading", tr("How the help &fades"), ""),
    ("materials", tr("&Materials"), ""),
    ("routines", tr("Where and when in daily &routines"), ""),
    ("if_hard", tr("What to do if it is &hard"), ""),
    ("praise", tr("&Praise and reward"), ""),
    ("recording_method", tr("Recording &method"), tr("For example: tally of 5 tries a day")),
)
OPEN_TEXTS = (
    ("purpose", tr("&Purpose"), ""),
    ("play_ideas", tr("Play &ideas"), ""),
    ("to_notice", tr("What to &notice and record"), ""),
)
GENERAL_TEXTS = (
    ("general_people", tr("Try it with other &people"), ""),
    ("general_places", tr("In other p&laces"), ""),
    ("general_materials", tr("With other mat&erials"), ""),
)


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * (lines + 1) + 12)
    # Keep the row as tall as the box: a taller row centred the box below its label.
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
    return box


class PlanDialog(RecordDialog):
    """Add or change a plan; ``start`` prefills a new plan (from the library, or a goal)."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        goals: list[Goal],
        prompts: tuple[str, ...],
        plan_id: int | None = None,
        start: PlanInput | None = None,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        title = (
            tr("Activity plan (number {plan_id})").format(plan_id=plan_id)
            if plan_id
            else tr("New activity plan")
        )
        super().__init__(ctx, title, parent)
        self.child_id, self.plan_id = child_id, plan_id
        self.prompt_list = prompts
        self.saved_id: int | None = None
        size_for_screen(self, 900, 760)
        self.texts: dict[str, QPlainTextEdit] = {}
        self.goal = QComboBox()
        for goal in goals:
            self.goal.addItem(
                f"{goal.area.label.split(',')[0].capitalize()}: {goal.short}", goal.id
            )
        self.kind = QComboBox()
        for kind in PlanKind:
            self.kind.addItem(kind.label, kind)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(100)
        self.add_row(tr("&Goal *"), "goal_id", self.goal)
        self.add_row(tr("&Kind of plan"), "kind", self.kind)
        self.add_row(tr("Short &name *"), "title", self.title_edit, tr("For example: Coat on"))

        self.pages = QTabWidget()
        self.pages.setAccessibleName(tr("Parts of the plan"))
        target, self._target_form = self._page()
        for key, label, hint in OUTCOME_TEXTS:
            self._text(self._target_form, key, label, hint, 2)
        self.successes = QSpinBox()
        self.tries = QSpinBox()
        self.days = QSpinBox()
        for box, low, high, name in (
            (self.successes, 1, 20, tr("Successes needed")),
            (self.tries, 1, 20, tr("Out of tries")),
            (self.days, 1, 10, tr("Days in a row")),
        ):
            box.setRange(low, high)
            box.setAccessibleName(name)
        self.target_prompt = QComboBox()
        self.target_prompt.setAccessibleName(tr("With no more help than"))
        numbers = QWidget()
        lines = QVBoxLayout(numbers)  # two short lines, so the page fits a small laptop
        lines.setContentsMargins(0, 0, 0, 0)
        for parts in (
            (self.successes, QLabel(tr("of")), self.tries, QLabel(tr("tries on")), self.days),
            (QLabel(tr("days in a row, with no more help than")), self.target_prompt),
        ):
            row = QHBoxLayout()
            for part in parts:
                row.addWidget(part)
            row.addStretch(1)
            lines.addLayout(row)
        self._row(self._target_form, tr("When the app &counts a step learnt"), "numbers", numbers)
        self.steps = StepBuilder()
        self._row(self._target_form, tr("&Small steps *"), "steps", self.steps)
        for key, label, hint in OPEN_TEXTS:
            self._text(self._target_form, key, label, hint, 3)
        self.pages.addTab(fitted(target), tr("&1 Target and steps"))

        how, how_form = self._page()
        self.method = QComboBox()
        self.method.addItem("(choose)", None)
        for method in TeachingMethod:
            self.method.addItem(method.label, method)
        self._row(how_form, tr("&Teaching method"), "method", self.method)
        self.prompts = QListWidget()
        self.prompts.setAccessibleName(tr("Prompts used (tick with Space)"))
        self.prompts.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self._row(
            how_form, tr("Prom&pts used"), "prompts", self.prompts, tr("From most help to none")
        )
        for key, label, hint in HOW_TEXTS:
            self._text(how_form, key, label, hint, 2)
        self.pages.addTab(fitted(how), tr("&2 How to help"))

        when, when_form = self._page()
        self.who = QComboBox()
        for who in Who:
            self.who.addItem(who.label, who)
        self.start_on = DateField(tr("Start date"))
        self.review_on = DateField(tr("Review date"))
        self.agreed_with = QLineEdit()
        suggest(
            self.agreed_with,
            [
                f"{m.name} ({m.relationship})"
                for m in family_service.list_family(ctx.db, child_id)
                if m.parental_responsibility
            ],
        )
        self.agreed_on = DateField(tr("Date agreed"))
        self.status = QComboBox()
        for status in PlanStatus:
            self.status.addItem(status.label, status)
        self._row(when_form, tr("W&ho does it"), "who", self.who)
        self._row(when_form, tr("&Start date *"), "start_on", self.start_on)
        self._row(when_form, tr("Re&view date *"), "review_on", self.review_on)
        self._row(when_form, tr("&Agreed with (parent)"), "agreed_with", self.agreed_with)
        self._row(when_form, tr("Date a&greed"), "agreed_on", self.agreed_on)
        self._row(when_form, tr("Stat&us"), "status", self.status)
        for key, label, hint in GENERAL_TEXTS:
            self._text(when_form, key, label, hint, 1)
        self.pages.addTab(fitted(when), tr("&3 Who, when and agreement"))
        self.body.addWidget(self.pages, 1)

        today = date.today()
        data = start or PlanInput(
            goal_id=goals[0].id if goals else 0,
            kind=PlanKind.OUTCOME,
            title="",
            start_on=today,
            review_on=today + timedelta(weeks=12),
            prompts=prompts,
            target_prompt=prompts[-1] if prompts else "",
            texts={"criterion": tr("4 out of 5 tries, on 3 days in a row, with no help")},
        )
        self._load(data, prompts)
        self.version = version if plan_id else None
        self.kind.currentIndexChanged.connect(self._show_kind)
        self._show_kind()
        for box in self.texts.values():
            box.textChanged.connect(self.mark_dirty)
        self.steps.changed.connect(self.mark_dirty)
        self.prompts.itemChanged.connect(self.mark_dirty)
        for spin in (self.successes, self.tries, self.days):
            spin.valueChanged.connect(self.mark_dirty)
        self.finish()
        self.dirty = start is not None and plan_id is None
        self.goal.setFocus()

    def _page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return page, form

    def _row(
        self, form: QFormLayout, label: str, name: str, field: QWidget, hint: str = ""
    ) -> None:
        """Like :meth:`add_row`, on one of the pages; errors still show beside the field."""
        kept = self.section.form
        self.section.form = form
        self.add_row(label, name, field, hint)
        self.section.form = kept

    def _text(self, form: QFormLayout, key: str, label: str, hint: str, lines: int) -> None:
        box = _text_box(lines)
        self.texts[key] = box
        self._row(form, label, key, box, hint)

    def fill(self, record: object) -> None:
        assert isinstance(record, Plan)
        self.version = record.version
        self._load(record.data, self.prompt_list)
        self._show_kind()

    def _load(self, data: PlanInput, prompts: tuple[str, ...]) -> None:
        self.target_prompt.clear()
        self.prompts.clear()
        self.goal.setCurrentIndex(max(self.goal.findData(data.goal_id), 0))
        self.kind.setCurrentIndex(self.kind.findData(data.kind))
        self.title_edit.setText(data.title)
        for key, box in self.texts.items():
            box.setPlainText(data.texts.get(key, ""))
        self.successes.setValue(data.successes_needed)
        self.tries.setValue(data.tries_out_of)
        self.days.setValue(data.days_in_row)
        every = list(dict.fromkeys([*prompts, *data.prompts]))
        self.target_prompt.addItem(tr("(any help)"), "")
        for prompt in every:
            self.target_prompt.addItem(prompt, prompt)
            item = QListWidgetItem(prompt)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if prompt in data.prompts else Qt.CheckState.Unchecked
            )
            self.prompts.addItem(item)
        self.target_prompt.setCurrentIndex(max(self.target_prompt.findData(data.target_prompt), 0))
        self.steps.set_steps(data.steps)
        self.method.setCurrentIndex(max(self.method.findData(data.method), 0))
        self.who.setCurrentIndex(self.who.findData(data.who))
        self.start_on.set_value(data.start_on)
        self.review_on.set_value(data.review_on)
        self.agreed_with.setText(data.agreed_with)
        self.agreed_on.set_value(data.agreed_on)
        self.status.setCurrentIndex(self.status.findData(data.status))
        self.base = data

    def _show_kind(self) -> None:
        outcome = PlanKind(self.kind.currentData()) is PlanKind.OUTCOME
        form = self._target_form
        for row in range(form.rowCount()):
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = field.widget() if field else None
            is_open = any(self.texts[k].parentWidget() is widget for k, _l, _h in OPEN_TEXTS)
            for item in (field, label):
                if item and item.widget():
                    item.widget().setVisible(is_open != outcome)
        self.pages.setTabEnabled(1, outcome)

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        for name in errors:
            label = self.findChild(QLabel, f"error_{name}")
            for page in range(self.pages.count()):
                if label is not None and self.pages.widget(page).isAncestorOf(label):
                    self.pages.setCurrentIndex(page)
                    return

    def data(self, errors: dict[str, str]) -> PlanInput:
        dates = self.read_dates(
            errors, start_on=self.start_on, review_on=self.review_on, agreed_on=self.agreed_on
        )
        method = self.method.currentData()
        prompts = tuple(
            self.prompts.item(r).text()
            for r in range(self.prompts.count())
            if self.prompts.item(r).checkState() == Qt.CheckState.Checked
        )
        return replace(
            self.base,
            goal_id=self.goal.currentData() or 0,
            kind=PlanKind(self.kind.currentData()),
            title=self.title_edit.text(),
            who=Who(self.who.currentData()),
            method=TeachingMethod(method) if method else None,
            prompts=prompts,
            target_prompt=self.target_prompt.currentData() or "",
            successes_needed=self.successes.value(),
            tries_out_of=self.tries.value(),
            days_in_row=self.days.value(),
            agreed_with=self.agreed_with.text(),
            status=PlanStatus(self.status.currentData()),
            steps=tuple(self.steps.steps()),
            texts={k: box.toPlainText() for k, box in self.texts.items()},
            **dates,
        )

    def save(self) -> None:
        errors: dict[str, str] = {}
        data = self.data(errors)

        def store() -> None:
            self.saved_id = plans_service.save_plan(
                self.ctx.db, self.child_id, data, self.plan_id, expected_version=self.version
            )

        self.run_save(errors, store, data)

"""The service's own rules and closure dates, for its team lead: every number the app counts
by (eligibility, caseloads, write-up deadline, supervision, joint visits...), its value today
and since when, every earlier value, and a new value from a chosen date (never overwriting
what earlier days were judged by); and the days the service does not visit.

Others can read it; only those who run the service can change it, and the page says so."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.access import Permission, current_actor
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import rules
from portage_desktop.services.home_visiting.rules import Closure, RuleValue
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import confirm
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.common.widgets import DateField, FieldErrors, heading
from portage_desktop.ui.service.common import fill, make_table, selected
from portage_desktop.ui.service_quality.common import attempt, form_row

RULE_COLUMNS: list[Column[RuleValue]] = [
    Column(tr("Rule"), lambda r: r.label),
    Column(tr("Value today"), lambda r: r.value or tr("(not set)")),
    Column(tr("Since"), lambda r: tr("built in") if r.is_default else format_date(r.since)),
]
CLOSURE_COLUMNS: list[Column[Closure]] = [
    Column(tr("First day"), lambda c: format_date(c.first_day), lambda c: c.first_day),
    Column(tr("Last day"), lambda c: format_date(c.last_day), lambda c: c.last_day),
    Column(tr("Why"), lambda c: c.label),
]


class RulesPage(QWidget):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today or date.today()
        self.errors = FieldErrors()
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.rules_table, self.rules_model = make_table(RULE_COLUMNS, tr("The service's rules"))
        self.rules_table.selectionModel().selectionChanged.connect(lambda *_a: self._show_rule())
        self.history = QListWidget()
        self.history.setAccessibleName(tr("Every value the chosen rule has had"))
        self.history.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.value = QLineEdit()
        self.value.setAccessibleName(tr("New value"))
        self.effective_from = DateField(tr("Applies from"))
        self.effective_from.set_value(self.today)
        self.save_rule = QPushButton(tr("Save the new &value"))
        self.save_rule.clicked.connect(self.change_rule)
        rule_box = QGroupBox(tr("Change the chosen rule from a date"))
        rule_form = QFormLayout(rule_box)
        rule_form.addRow(QLabel(tr("Its values so far:")), self.history)
        form_row(rule_form, self.errors, tr("New va&lue *"), "value", self.value)
        form_row(
            rule_form, self.errors, tr("Applies &from *"), "effective_from", self.effective_from
        )
        rule_form.addRow(self.save_rule)

        self.closures_table, self.closures_model = make_table(
            CLOSURE_COLUMNS, tr("Days the service does not visit")
        )
        self.first_day = DateField(tr("First day closed"))
        self.last_day = DateField(tr("Last day closed"))
        self.why = QLineEdit()
        self.why.setAccessibleName(tr("Why the service is closed"))
        self.why.setPlaceholderText(tr("For example: Christmas holidays"))
        self.add_closure = QPushButton(tr("Add the &closure"))
        self.add_closure.clicked.connect(self.close_days)
        self.remove_closure = QPushButton(tr("&Remove the chosen closure"))
        self.remove_closure.clicked.connect(self.reopen_days)
        closure_box = QGroupBox(tr("Days the service does not visit (blocks skip them)"))
        closure_layout = QVBoxLayout(closure_box)
        closure_layout.addWidget(self.closures_table)
        closure_form = QFormLayout()
        form_row(closure_form, self.errors, tr("F&irst day *"), "first_day", self.first_day)
        form_row(closure_form, self.errors, tr("La&st day"), "last_day", self.last_day)
        form_row(closure_form, self.errors, tr("&Why"), "label", self.why)
        closure_layout.addLayout(closure_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_closure)
        buttons.addWidget(self.remove_closure)
        buttons.addStretch(1)
        closure_layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("What happened"))

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Rules and closure dates"), 1.2))
        layout.addWidget(self.who)
        layout.addWidget(self.rules_table, 2)
        layout.addWidget(rule_box)
        layout.addWidget(closure_box, 1)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        may_change = current_actor(self.ctx.db).may(Permission.MANAGE_SERVICE)
        for widget in (
            self.value,
            self.effective_from,
            self.save_rule,
            self.first_day,
            self.last_day,
            self.why,
            self.add_closure,
            self.remove_closure,
        ):
            widget.setEnabled(may_change)
        self.who.setText(
            tr(
                "A new value applies from the date you give; earlier days keep the value they were "
                "judged by, and every change is kept below."
            )
            if may_change
            else tr("You can read the rules; a team lead or manager changes them.")
        )
        chosen = selected(self.rules_table, self.rules_model)
        fill(self.rules_table, self.rules_model, rules.rule_values(self.ctx.db, self.today))
        if chosen is not None:
            keys = [self.rules_model.row_object(i).key for i in range(self.rules_model.rowCount())]
            self.rules_table.selectRow(keys.index(chosen.key))
        fill(self.closures_table, self.closures_model, rules.list_closures(self.ctx.db))
        self._show_rule()

    def _show_rule(self) -> None:
        rule: RuleValue | None = selected(self.rules_table, self.rules_model)
        self.history.clear()
        if rule is None:
            return
        for change in rules.rule_history(self.ctx.db, rule.key):
            since = tr("built in") if change.changed_by == "built in" else format_date(change.since)
            who = (
                ""
                if change.changed_by == "built in"
                else tr(" (by {changed_by})").format(changed_by=change.changed_by)
            )
            self.history.addItem(f"{change.value or tr('(not set)')}: {since}{who}")
        self.value.setText(rule.value)

    def change_rule(self) -> None:
        rule: RuleValue | None = selected(self.rules_table, self.rules_model)
        if rule is None:
            self.message.setText(tr("Choose a rule in the list first."))
            return
        try:
            since = self.effective_from.value()
        except ValueError as exc:
            self.errors.show({"effective_from": str(exc)})
            return
        done = attempt(
            lambda: rules.save_rule(self.ctx.db, rule.key, self.value.text(), since) or True,
            self.errors,
            self.message,
        )
        if done:
            self.refresh()
            self.message.setText(
                tr("Saved: {label}, from {date}.").format(label=rule.label, date=format_date(since))
            )

    def close_days(self) -> None:
        try:
            first, last = self.first_day.value(), self.last_day.value()
        except ValueError as exc:
            self.errors.show({"first_day": str(exc)})
            return
        done = attempt(
            lambda: rules.add_closure(self.ctx.db, first, last, self.why.text()),
            self.errors,
            self.message,
        )
        if done:
            for field in (self.first_day, self.last_day):
                field.set_value(None)
            self.why.clear()
            self.refresh()
            assert first is not None
            clashes = rules.planned_visits_on(self.ctx.db, first, last)
            text = tr("Closure added. Blocks planned from now on skip those days.")
            if clashes:
                visits = (
                    tr("1 visit already planned falls")
                    if clashes == 1
                    else tr("{clashes} visits already planned fall").format(clashes=clashes)
                )
                text += tr(" {visits} on them: move each from the family's Visits.").format(
                    visits=visits
                )
            self.message.setText(text)

    def reopen_days(self) -> None:
        closure: Closure | None = selected(self.closures_table, self.closures_model)
        if closure is None:
            self.message.setText(tr("Choose a closure in the list first."))
            return
        days = format_date(closure.first_day)
        if closure.last_day != closure.first_day:
            days += tr(" to {date}").format(date=format_date(closure.last_day))
        question = (
            tr("Remove the closure {days}").format(days=days)
            + (f" ({closure.label})" if closure.label else "")
            + tr("? Blocks planned from now on will visit on those days again.")
        )
        if not confirm(self, tr("Remove the closure"), question):
            return
        done = attempt(
            lambda: rules.remove_closure(self.ctx.db, closure.id) or True,
            self.errors,
            self.message,
        )
        if done:
            self.refresh()
            self.message.setText(tr("Closure removed."))

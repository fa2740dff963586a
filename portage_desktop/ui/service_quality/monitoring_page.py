"""Joint monitoring visits: each family's visit about ten weeks after it started, shown as
done, due, overdue or not due yet (in words and a symbol, never colour alone), and a form to
record the chosen family's visit with the Portage teacher's feedback and the parent's views."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.service_quality import monitoring
from portage_desktop.services.service_quality.monitoring import (
    MonitoringDue,
    MonitoringInput,
    MonitoringState,
)
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.common.widgets import DateField, FieldErrors, heading
from portage_desktop.ui.service.common import fill, make_table, selected, text_box
from portage_desktop.ui.service_quality.common import attempt, form_row

SYMBOLS = {
    MonitoringState.DONE: "✔",
    MonitoringState.DUE: "●",
    MonitoringState.OVERDUE: "⚠",
    MonitoringState.NOT_YET: "○",
}

COLUMNS: list[Column[MonitoringDue]] = [
    Column(tr("Family"), lambda m: m.child_name),
    Column(tr("First visit"), lambda m: format_date(m.started_on), lambda m: m.started_on),
    Column(tr("Joint visit due"), lambda m: format_date(m.due_on), lambda m: m.due_on),
    Column(tr("Now"), lambda m: f"{SYMBOLS[m.state]} {m.state.label}", lambda m: m.state.value),
    Column(tr("Done on"), lambda m: format_date(m.done_on), lambda m: m.done_on or date.min),
]


class MonitoringPage(QWidget):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today or date.today()
        self.errors = FieldErrors()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table, self.model = make_table(COLUMNS, tr("Joint monitoring visits"))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._chosen())
        self.visited_on = DateField(tr("Date of the joint visit"))
        self.visited_on.set_value(self.today)
        self.teacher = QLineEdit()
        self.teacher.setAccessibleName(tr("Portage teacher"))
        self.feedback = text_box(tr("Feedback to the home visitor"), 4)
        self.parent_views = text_box(tr("The parent's views"), 3)
        self.save = QPushButton(tr("Record the joint &visit"))
        self.save.clicked.connect(self.record)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("What happened"))
        form_box = QGroupBox(tr("Record the chosen family's joint visit"))
        form = QFormLayout(form_box)
        for text, name, field in (
            (tr("&Date *"), "visited_on", self.visited_on),
            (tr("Portage &teacher *"), "teacher", self.teacher),
            (tr("&Feedback to the home visitor *"), "feedback", self.feedback),
            (tr("The &parent's views"), "parent_views", self.parent_views),
        ):
            form_row(form, self.errors, text, name, field)
        form.addRow(self.save)
        form.addRow(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Joint monitoring visits"), 1.2))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(form_box)
        self.refresh()

    def refresh(self) -> None:
        try:
            found = monitoring.monitoring_list(self.ctx.db, self.today)
        except PermissionDenied as exc:
            fill(self.table, self.model, [])
            self.summary.setText(str(exc))
            return
        order = {MonitoringState.OVERDUE: 0, MonitoringState.DUE: 1}
        found.sort(key=lambda m: (order.get(m.state, 2), m.due_on))
        fill(self.table, self.model, found)
        late = sum(m.state is MonitoringState.OVERDUE for m in found)
        due = sum(m.state is MonitoringState.DUE for m in found)
        self.summary.setText(
            tr("{count} families visited now: {late} joint visits overdue, {due} due.").format(
                count=len(found), late=late, due=due
            )
            if found
            else tr("No family has had a first visit yet, so no joint visit is due.")
        )
        self._chosen()

    def _chosen(self) -> None:
        family = selected(self.table, self.model)
        self.save.setEnabled(family is not None and family.state is not MonitoringState.DONE)

    def record(self) -> None:
        family: MonitoringDue | None = selected(self.table, self.model)
        if family is None:
            self.message.setText(tr("Choose a family in the list first."))
            return
        try:
            visited_on = self.visited_on.value()
        except ValueError as exc:
            self.errors.show({"visited_on": str(exc)})
            return
        data = MonitoringInput(
            visited_on,
            self.teacher.text(),
            self.feedback.toPlainText(),
            self.parent_views.toPlainText(),
        )
        saved = attempt(
            lambda: monitoring.record_monitoring(self.ctx.db, family.referral_id, data, self.today),
            self.errors,
            self.message,
        )
        if saved is None:
            return
        for box in (self.teacher, self.feedback, self.parent_views):
            box.clear()
        self.refresh()
        self.message.setText(
            tr("Joint visit for {child_name} recorded.").format(child_name=family.child_name)
        )

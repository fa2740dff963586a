"""The supervision log for one home visitor: her sessions, when she was last supervised (and a
warning past the service's interval), and a form to record a session.

A child without the parents' consent to discussion is shown and kept by initials only, even in
the list of children about to be saved, so her name never reaches a supervision record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import caseloads, referrals
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus
from portage_desktop.services.service_quality import supervision
from portage_desktop.services.service_quality.supervision import (
    ActionInput,
    ChildToDiscuss,
    SessionInput,
    SessionKind,
    SupervisionSession,
)
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.table_model import Column, RecordTableModel, fit_columns
from portage_desktop.ui.common.widgets import DateField, FieldErrors, heading
from portage_desktop.ui.service_quality.common import attempt, visitor_combo

COLUMNS: list[Column[SupervisionSession]] = [
    Column(tr("Date"), lambda x: format_date(x.held_on), lambda x: x.held_on),
    Column(tr("Kind"), lambda x: x.kind.label),
    Column(tr("Led by"), lambda x: x.supervisor),
    Column(tr("Children discussed"), lambda x: "; ".join(c.label for c in x.children)),
    Column(
        tr("Actions"),
        lambda x: "; ".join(
            f"{a.action} ({a.owner}, by {format_date(a.due_on)})" for a in x.actions
        ),
    ),
]


@dataclass(frozen=True)
class _Pending:
    child: ChildToDiscuss
    label: str


class SupervisionLog(QWidget):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today or date.today()
        self.errors = FieldErrors()
        self._children: list[_Pending] = []
        self._actions: list[ActionInput] = []
        visitors = caseloads.list_visitors(ctx.db)
        self.visitor = visitor_combo(visitors, tr("Whose supervision log"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("Last supervision"))
        self.model: RecordTableModel[SupervisionSession] = RecordTableModel(COLUMNS)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Supervision sessions"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)

        self.held_on = DateField(tr("Date held"))
        self.held_on.set_value(self.today)
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of session"))
        for k in SessionKind:
            self.kind.addItem(k.label, k.value)
        self.supervisor = QLineEdit()
        self.supervisor.setAccessibleName(tr("Led by"))
        self.present = QListWidget()
        self.present.setAccessibleName(tr("Home visitors present"))
        self.present.setMaximumHeight(80)
        self.table.setMinimumHeight(140)
        for v in visitors:
            item = QListWidgetItem(v.name)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.present.addItem(item)
        self.child = QComboBox()
        self.child.setAccessibleName(tr("Child to discuss"))
        for r in referrals.list_referrals(ctx.db, (ReferralStatus.ALLOCATED,)):
            self.child.addItem(r.child_name, r.child_id)
        self.add_child = QPushButton(tr("Add &child"))
        self.discussed = QListWidget()
        self.discussed.setAccessibleName(tr("Children to discuss"))
        self.discussed.setMaximumHeight(50)
        self.action = QLineEdit()
        self.action.setAccessibleName(tr("Action agreed"))
        self.action.setPlaceholderText(tr("What is to be done"))
        self.owner = QLineEdit()
        self.owner.setAccessibleName(tr("Who will do it"))
        self.owner.setPlaceholderText(tr("Who will do it"))
        self.due = DateField(tr("Action due by"))
        self.add_action = QPushButton(tr("Add ac&tion"))
        self.agreed = QListWidget()
        self.agreed.setAccessibleName(tr("Actions agreed"))
        self.agreed.setMaximumHeight(50)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(tr("Notes"))
        self.notes.setMaximumHeight(60)
        self.notes.setTabChangesFocus(True)
        self.save = QPushButton(tr("&Save session"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Message"))

        form = QFormLayout()
        form.addRow(tr("Date held"), self._with_error("held_on", self.held_on))
        form.addRow(tr("Kind"), self._with_error("kind", self.kind))
        form.addRow(tr("Led by"), self._with_error("supervisor", self.supervisor))
        form.addRow(tr("Present"), self._with_error("visitors", self.present))
        child_row = QHBoxLayout()
        child_row.addWidget(self.child, 1)
        child_row.addWidget(self.add_child)
        form.addRow(tr("Discuss"), child_row)
        form.addRow("", self._with_error("children", self.discussed))
        action_row = QHBoxLayout()
        for w in (self.action, self.owner, self.due, self.add_action):
            action_row.addWidget(w)
        form.addRow(tr("Action"), action_row)
        form.addRow("", self._with_error("actions", self.agreed))
        form.addRow(tr("Notes"), self._with_error("notes", self.notes))

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Home visitor:")))
        top.addWidget(self.visitor, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(heading(tr("Record a session"), 1.2))
        layout.addLayout(form)
        layout.addWidget(self.save)
        layout.addWidget(self.message)

        self.visitor.currentIndexChanged.connect(self.refresh)
        self.add_child.clicked.connect(self._add_child)
        self.add_action.clicked.connect(self._add_action)
        self.save.clicked.connect(self._save)
        self.refresh()

    def _with_error(self, name: str, field: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(field)
        lay.addWidget(self.errors.label_for(name, field))
        return box

    def refresh(self) -> None:
        visitor_id = self.visitor.currentData()
        if visitor_id is None:
            self.model.set_rows([])
            self.status.setText(tr("There are no home visitors yet."))
            return
        try:
            sessions = supervision.list_sessions(self.ctx.db, visitor_id)
        except PermissionDenied as exc:
            self.model.set_rows([])
            self.status.setText(str(exc))
            return
        self.model.set_rows(list(reversed(sessions)))
        fit_columns(self.table)
        found = [
            x
            for x in supervision.supervision_status(self.ctx.db, self.today)
            if x.visitor_id == visitor_id
        ]
        if found:
            text = found[0].text
            self.status.setText(f"⚠ {text}" if found[0].overdue else text)

    def _add_child(self) -> None:
        child_id = self.child.currentData()
        if child_id is None:
            return
        try:
            on = self.held_on.value() or self.today
        except ValueError:
            on = self.today
        if supervision.discussion_allowed(self.ctx.db, child_id, on):
            label = self.child.currentText()
        else:
            first, _, last = self.child.currentText().partition(" ")
            label = f"{supervision.initials_of(first, last)} ({supervision.NO_CONSENT})"
        self._children.append(_Pending(ChildToDiscuss(child_id), label))
        self.discussed.addItem(label)

    def _add_action(self) -> None:
        try:
            due = self.due.value()
        except ValueError as exc:
            self.message.setText(str(exc))
            return
        self._actions.append(ActionInput(self.action.text(), self.owner.text(), due))
        self.agreed.addItem(
            tr("{text} ({text2}, by {date})").format(
                text=self.action.text(), text2=self.owner.text(), date=format_date(due)
            )
        )
        self.action.clear()
        self.owner.clear()
        self.due.set_value(None)
        self.action.setFocus()

    def _present_ids(self) -> tuple[int, ...]:
        return tuple(
            self.present.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.present.count())
            if self.present.item(i).checkState() == Qt.CheckState.Checked
        )

    def _save(self) -> None:
        try:
            held = self.held_on.value()
        except ValueError as exc:
            self.errors.show({"held_on": str(exc)})
            return
        data = SessionInput(
            held,
            self.kind.currentData(),
            self.supervisor.text(),
            self._present_ids(),
            tuple(p.child for p in self._children),
            tuple(self._actions),
            self.notes.toPlainText(),
        )
        saved = attempt(
            lambda: supervision.record_session(self.ctx.db, data, self.today),
            self.errors,
            self.message,
        )
        if saved is None:
            return
        self.message.setText(" ".join(("Session saved.", *saved.notices)))
        self._children.clear()
        self._actions.clear()
        self.discussed.clear()
        self.agreed.clear()
        self.notes.clear()
        self.refresh()

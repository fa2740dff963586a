"""Writing a transition plan: the move, the meeting, who came, what the child needs, and the
actions agreed with who does each and by when (a done date closes one)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import transitions as transition_service
from portage_desktop.services.dates import format_date, parse_uk_date
from portage_desktop.services.transitions import Action, Transition, TransitionInput, TransitionKind
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField
from portage_desktop.ui.plans.week_grid import CellDelegate, name_corner


class TransitionDialog(RecordDialog):
    """Add or change a transition plan; ``saved_id`` holds its id after Save."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        data: TransitionInput | None = None,
        plan_id: int | None = None,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(ctx, tr("Transition plan"), parent)
        self.child_id, self.plan_id = child_id, plan_id
        self.saved_id: int | None = None
        self.resize(820, 640)
        self.kind = QComboBox()
        for kind in TransitionKind:
            self.kind.addItem(kind.label, kind.value)
        self.place = QLineEdit()
        self.meeting_on = DateField(tr("Meeting date"))
        self.attended = QLineEdit()
        self.needs = QPlainTextEdit()
        self.needs.setTabChangesFocus(True)
        self.needs.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.add_row(tr("&The move"), "kind", self.kind)
        self.add_row(tr("&School or setting"), "place", self.place)
        self.add_row(tr("&Meeting date"), "meeting_on", self.meeting_on)
        self.add_row(tr("&Who came"), "attended", self.attended)
        self.add_row(tr("What the child &needs"), "needs", self.needs)
        self.actions = QTableWidget(0, 4)
        self.actions.setHorizontalHeaderLabels(
            [tr("Action"), tr("Who does it"), tr("By (date)"), tr("Done on")]
        )
        self.actions.setAccessibleName(tr("Actions agreed"))
        self.actions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.actions.setItemDelegate(CellDelegate(self.actions))
        name_corner(self.actions, tr("Select every action"))
        add = QPushButton(tr("&Add an action"))
        remove = QPushButton(tr("&Remove the action"))
        add.clicked.connect(lambda: self._add(Action("")))
        remove.clicked.connect(lambda: self.actions.removeRow(self.actions.currentRow()))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.actions)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        column.addLayout(row)
        self.add_row(tr("A&ctions"), "actions", box)
        if data is not None:
            self._load(data)
        self.version = version if plan_id else None
        self.needs.textChanged.connect(self.mark_dirty)
        self.actions.itemChanged.connect(self.mark_dirty)
        self.finish()
        self.dirty = False
        self.kind.setFocus()

    def fill(self, record: object) -> None:
        assert isinstance(record, Transition)
        self.version = record.version
        self.actions.setRowCount(0)
        self._load(record.data)

    def _load(self, data: TransitionInput) -> None:
        self.kind.setCurrentIndex(self.kind.findData(data.kind.value))
        self.place.setText(data.place)
        self.meeting_on.set_value(data.meeting_on)
        self.attended.setText(data.attended)
        self.needs.setPlainText(data.needs)
        for action in data.actions:
            self._add(action)

    def _add(self, action: Action) -> None:
        row = self.actions.rowCount()
        self.actions.insertRow(row)
        values = (
            action.text,
            action.owner,
            format_date(action.due_on),
            format_date(action.done_on),
        )
        for column, text in enumerate(values):
            self.actions.setItem(row, column, QTableWidgetItem(text))
        self.actions.setCurrentCell(row, 0)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, meeting_on=self.meeting_on)
        actions = []
        for r in range(self.actions.rowCount()):
            cells = [
                self.actions.item(r, c).text() if self.actions.item(r, c) else "" for c in range(4)
            ]
            try:
                due, done = parse_uk_date(cells[2]), parse_uk_date(cells[3])
            except ValueError as exc:
                errors["actions"] = tr("Action {value}: {exc}").format(value=r + 1, exc=exc)
                continue
            if any(cells):
                actions.append(Action(cells[0], cells[1], due, done))
        data = TransitionInput(
            kind=TransitionKind(self.kind.currentData()),
            place=self.place.text(),
            attended=self.attended.text(),
            needs=self.needs.toPlainText(),
            actions=tuple(actions),
            **dates,
        )

        def store() -> None:
            self.saved_id = transition_service.save_transition(
                self.ctx.db, self.child_id, data, self.plan_id, expected_version=self.version
            )

        self.run_save(errors, store, data)

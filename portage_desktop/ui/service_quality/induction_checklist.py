"""The induction checklist for one home visitor: the service's own items in order, which are
ticked (when, and which mentor signed it off), and whether she has earned the NPA Home Visitor
Certificate or what is still missing. The team lead edits the items here too."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import caseloads
from portage_desktop.services.service_quality import workforce
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.widgets import DateField, FieldErrors, heading
from portage_desktop.ui.service_quality.common import attempt, visitor_combo


class InductionChecklist(QWidget):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today or date.today()
        self.errors = FieldErrors()
        self.visitor = visitor_combo(caseloads.list_visitors(ctx.db), tr("Whose induction"))
        self.certificate = QLabel()
        self.certificate.setWordWrap(True)
        self.certificate.setAccessibleName(tr("NPA Home Visitor Certificate"))
        self.items = QListWidget()
        self.items.setAccessibleName(tr("Induction checklist items"))
        self.ticked_on = DateField(tr("Date done"))
        self.ticked_on.set_value(self.today)
        self.mentor = QLineEdit()
        self.mentor.setAccessibleName(tr("Mentor"))
        self.tick = QPushButton(tr("&Tick off"))
        self.untick = QPushButton(tr("&Untick"))
        self.new_item = QLineEdit()
        self.new_item.setAccessibleName(tr("New checklist item"))
        self.add = QPushButton(tr("&Add item"))
        self.up = QPushButton(tr("Move u&p"))
        self.down = QPushButton(tr("Move do&wn"))
        self.retire = QPushButton(tr("&Remove from checklist"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Message"))

        form = QFormLayout()
        form.addRow(tr("Date done"), self._with_error("ticked_on", self.ticked_on))
        form.addRow(tr("Mentor"), self._with_error("mentor", self.mentor))
        buttons = QHBoxLayout()
        for b in (self.tick, self.untick):
            buttons.addWidget(b)
        buttons.addStretch(1)
        edit = QHBoxLayout()
        edit.addWidget(self._with_error("text", self.new_item), 1)
        for b in (self.add, self.up, self.down, self.retire):
            edit.addWidget(b)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Home visitor:")))
        top.addWidget(self.visitor, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.certificate)
        layout.addWidget(self.items, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(heading(tr("The service's checklist"), 1.2))
        layout.addLayout(edit)
        layout.addWidget(self.message)

        self.visitor.currentIndexChanged.connect(self.refresh)
        self.tick.clicked.connect(self._tick)
        self.untick.clicked.connect(self._untick)
        self.add.clicked.connect(self._add)
        self.new_item.returnPressed.connect(self._add)
        self.up.clicked.connect(lambda: self._move(True))
        self.down.clicked.connect(lambda: self._move(False))
        self.retire.clicked.connect(self._retire)
        self.refresh()

    def _with_error(self, name: str, field: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(field)
        lay.addWidget(self.errors.label_for(name, field))
        return box

    def refresh(self, keep_row: int | None = None) -> None:
        row = self.items.currentRow() if keep_row is None else keep_row
        self.items.clear()
        visitor_id = self.visitor.currentData()
        if visitor_id is None:
            self.certificate.setText(tr("There are no home visitors yet."))
            return
        induction = workforce.induction_for(self.ctx.db, visitor_id)
        for line in induction.lines:
            done = (
                tr("Done {date}, with {mentor}").format(
                    date=format_date(line.ticked_on), mentor=line.mentor
                )
                if line.ticked_on
                else tr("Not yet")
            )
            item = QListWidgetItem(f"{line.item.position}. {line.item.text}  \u2014 {done}")
            item.setData(Qt.ItemDataRole.UserRole, line.item.id)
            self.items.addItem(item)
        member = next(m for m in workforce.team(self.ctx.db) if m.visitor.id == visitor_id)
        self.certificate.setText(member.certificate(self.today).text)
        if self.items.count():
            self.items.setCurrentRow(max(0, min(row, self.items.count() - 1)))

    def _current_item(self) -> int | None:
        item = self.items.currentItem()
        if item is None:
            self.message.setText(tr("Please choose an item on the checklist first."))
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def _tick(self) -> None:
        item_id = self._current_item()
        if item_id is None:
            return
        try:
            on = self.ticked_on.value()
        except ValueError as exc:
            self.errors.show({"ticked_on": str(exc)})
            return
        visitor_id = self.visitor.currentData()
        done = attempt(
            lambda: (
                workforce.tick(self.ctx.db, visitor_id, item_id, on, self.mentor.text(), self.today)
                or True
            ),
            self.errors,
            self.message,
        )
        if done:
            self.message.setText(tr("Ticked off."))
            self.refresh(self.items.currentRow() + 1)

    def _untick(self) -> None:
        item_id = self._current_item()
        if item_id is not None:
            workforce.untick(self.ctx.db, self.visitor.currentData(), item_id)
            self.message.setText(tr("Tick removed."))
            self.refresh()

    def _add(self) -> None:
        added = attempt(
            lambda: workforce.add_item(self.ctx.db, self.new_item.text()),
            self.errors,
            self.message,
        )
        if added is not None:
            self.new_item.clear()
            self.message.setText(tr("Item added to the end of the checklist."))
            self.refresh(self.items.count())

    def _move(self, up: bool) -> None:
        item_id = self._current_item()
        if item_id is not None:
            row = self.items.currentRow()
            workforce.move_item(self.ctx.db, item_id, up)
            self.refresh(row - 1 if up else row + 1)
            self.items.setFocus()

    def _retire(self) -> None:
        item_id = self._current_item()
        if item_id is not None:
            workforce.retire_item(self.ctx.db, item_id)
            self.message.setText(tr("Removed from the checklist; ticks already made are kept."))
            self.refresh()

"""The Groups area of a home-visiting service: its groups (Stay and Play and the like), each
group's sessions, and the chosen session's register: families booked, who came, and what was
talked about, all from the keyboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.home_visiting import groups, referrals
from portage_desktop.services.home_visiting.groups import Attendance, Group, GroupInput
from portage_desktop.services.home_visiting.vocabulary import Pattern
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.pdf_save import file_stem, save_pdf
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.common.widgets import DateField, heading
from portage_desktop.ui.service.block_dialog import WEEKDAYS
from portage_desktop.ui.service.common import chosen, fill, make_table, selected, text_box


def _when(group: Group) -> str:
    at = (
        tr(" at {usual_time}").format(usual_time=group.data.usual_time)
        if group.data.usual_time
        else ""
    )
    return f"{WEEKDAYS[group.data.weekday]}s{at}"


GROUP_COLUMNS: list[Column[Group]] = [
    Column(tr("Group"), lambda g: g.data.name),
    Column(
        tr("When"),
        lambda g: (
            f"{WEEKDAYS[g.data.weekday]}s"
            + (
                tr(" at {usual_time}").format(usual_time=g.data.usual_time)
                if g.data.usual_time
                else ""
            )
        ),
    ),
    Column(tr("Where"), lambda g: g.data.place),
    Column(tr("Sessions"), lambda g: str(g.sessions), lambda g: g.sessions),
    Column(tr("Next"), lambda g: format_date(g.next_on), lambda g: g.next_on or date.max),
]
SESSION_COLUMNS: list[Column[groups.GroupSession]] = [
    Column(tr("Date"), lambda x: format_date(x.held_on), lambda x: x.held_on),
    Column(tr("Booked"), lambda x: str(len(x.bookings)), lambda x: len(x.bookings)),
    Column(tr("Came"), lambda x: str(x.came), lambda x: x.came),
    Column(tr("What was talked about"), lambda x: x.notes, tooltip=lambda x: x.notes),
]


class GroupDialog(RecordDialog):
    def __init__(self, ctx: AppContext, group: Group | None, parent: QWidget | None = None):
        super().__init__(ctx, tr("New group") if group is None else tr("Edit group"), parent)
        self.group = group
        self.name = self.add_row(tr("&Name *"), "name", QLineEdit())
        self.purpose = self.add_row(
            tr("&Who it is for"),
            "purpose",
            QLineEdit(),
            tr("For example: families newly referred."),
        )
        self.place = self.add_row(tr("&Where"), "place", QLineEdit())
        self.weekday = QComboBox()
        self.weekday.addItems(list(WEEKDAYS))
        self.add_row(tr("&Day *"), "weekday", self.weekday)
        self.time = self.add_row(tr("&Time"), "usual_time", QLineEdit(), tr("For example 9:30."))
        if group is not None:
            self.name.setText(group.data.name)
            self.purpose.setText(group.data.purpose)
            self.place.setText(group.data.place)
            self.weekday.setCurrentIndex(group.data.weekday)
            self.time.setText(group.data.usual_time)
        self.finish()

    def save(self) -> None:
        data = GroupInput(
            self.name.text(),
            self.purpose.text(),
            self.place.text(),
            self.weekday.currentIndex(),
            self.time.text(),
        )
        group = self.group
        self.run_save(
            {},
            lambda: groups.save_group(
                self.ctx.db,
                data,
                group.id if group else None,
                group.version if group else None,
            ),
        )


class PlanSessionsDialog(RecordDialog):
    def __init__(self, ctx: AppContext, group: Group, parent: QWidget | None = None):
        super().__init__(ctx, tr("Plan sessions of {name}").format(name=group.data.name), parent)
        self.group = group
        self.start = self.add_row(
            tr("&From *"), "start_on", DateField(tr("First session on or after"))
        )
        self.start.set_value(date.today())
        self.count = QSpinBox()
        self.count.setRange(1, groups.MAX_SESSIONS)
        self.count.setValue(6)
        self.add_row(tr("&How many *"), "count", self.count, tr("Closure days are passed over."))
        self.pattern = QComboBox()
        for pattern in Pattern:
            self.pattern.addItem(pattern.label, pattern)
        self.add_row(tr("How &often *"), "pattern", self.pattern)
        self.finish()
        self.count.valueChanged.connect(self.mark_dirty)

    def save(self) -> None:
        errors: dict[str, str] = {}
        start = self.read_dates(errors, start_on=self.start)["start_on"]
        self.run_save(
            errors,
            lambda: groups.plan_sessions(
                self.ctx.db,
                self.group.id,
                start,
                self.count.value(),
                chosen(self.pattern, Pattern) or Pattern.WEEKLY,
            ),
        )


class GroupsPage(QWidget):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today or date.today()
        self.groups_table, self.groups_model = make_table(GROUP_COLUMNS, tr("The service's groups"))
        self.groups_table.selectionModel().selectionChanged.connect(lambda *_a: self._show_group())
        self.sessions_table, self.sessions_model = make_table(SESSION_COLUMNS, tr("Sessions"))
        self.sessions_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._show_session()
        )
        self.new_button = QPushButton(tr("&New group…"))
        self.edit_button = QPushButton(tr("&Edit group…"))
        self.plan_button = QPushButton(tr("&Plan sessions…"))
        self.new_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(
            lambda: self._edit(selected(self.groups_table, self.groups_model))
        )
        self.plan_button.clicked.connect(self.plan)
        self.register = QTableWidget(0, 2)
        self.register.setHorizontalHeaderLabels([tr("Family"), tr("Came?")])
        self.register.setAccessibleName(tr("The session's register"))
        self.register.horizontalHeader().setStretchLastSection(True)
        self.register_hint = QLabel()  # what to do when the register is empty
        self.register_hint.setWordWrap(True)
        self.register_hint.setAccessibleName(tr("About the register"))
        self.family = QComboBox()
        self.family.setAccessibleName(tr("Family to book"))
        self.book_button = QPushButton(tr("&Book the family"))
        self.book_button.clicked.connect(self.book)
        self.notes = text_box(tr("What was talked about"), 3)
        self.save_button = QPushButton(tr("&Save the register"))
        self.save_button.clicked.connect(self.save_register)
        self.print_button = QPushButton(tr("&Print the register…"))
        self.print_button.clicked.connect(self.print_register)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("What happened"))

        top = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.plan_button):
            top.addWidget(b)
        top.addStretch(1)
        booking = QHBoxLayout()
        caption = QLabel(tr("Book a &family:"))
        caption.setBuddy(self.family)
        booking.addWidget(caption)
        booking.addWidget(self.family, 1)
        booking.addWidget(self.book_button)
        notes_caption = QLabel(tr("What was &talked about:"))
        notes_caption.setBuddy(self.notes)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Groups")))
        layout.addLayout(top)
        layout.addWidget(self.groups_table, 2)
        layout.addWidget(QLabel(tr("Sessions of the chosen group:")))
        layout.addWidget(self.sessions_table, 2)
        layout.addWidget(QLabel(tr("The chosen session's register:")))
        layout.addWidget(self.register, 2)
        layout.addWidget(self.register_hint)
        layout.addLayout(booking)
        layout.addWidget(notes_caption)
        layout.addWidget(self.notes)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        ctx.hub.children_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        chosen_group = selected(self.groups_table, self.groups_model)
        found = groups.list_groups(self.ctx.db, self.today)
        fill(self.groups_table, self.groups_model, found)
        if chosen_group is not None:
            ids = [g.id for g in found]
            if chosen_group.id in ids:
                self.groups_table.selectRow(ids.index(chosen_group.id))
        self.family.clear()
        for r in referrals.list_referrals(self.ctx.db):
            if self.family.findData(r.child_id) < 0:
                self.family.addItem(r.child_name, r.child_id)
        self._show_group()

    def _show_group(self, keep_date: date | None = None) -> None:
        group = selected(self.groups_table, self.groups_model)
        sessions = groups.list_sessions(self.ctx.db, group.id) if group else []
        fill(self.sessions_table, self.sessions_model, sessions)
        upcoming = next(
            (i for i, x in enumerate(sessions) if x.held_on >= (keep_date or self.today)), None
        )
        if sessions:
            self.sessions_table.selectRow(len(sessions) - 1 if upcoming is None else upcoming)
        self._show_session()

    def _session(self) -> groups.GroupSession | None:
        return selected(self.sessions_table, self.sessions_model)

    def _show_session(self) -> None:
        session = self._session()
        self.register.setRowCount(0)
        self.notes.setPlainText(session.notes if session else "")
        for b in session.bookings if session else ():
            row = self.register.rowCount()
            self.register.insertRow(row)
            item = QTableWidgetItem(b.child_name)
            item.setData(256, b.child_id)
            self.register.setItem(row, 0, item)
            mark = QComboBox()
            mark.setAccessibleName(tr("Did {child_name} come?").format(child_name=b.child_name))
            for a in Attendance:
                mark.addItem(a.label, a)
            mark.setCurrentIndex(mark.findData(b.attendance))
            self.register.setCellWidget(row, 1, mark)
        for widget in (
            self.book_button,
            self.save_button,
            self.print_button,
            self.notes,
            self.family,
        ):
            widget.setEnabled(session is not None)
        if not self.groups_model.rowCount():
            hint = tr("No groups yet: press New group… to add one, then Plan sessions….")
        elif session is None:
            hint = tr("Choose a group with sessions planned to see a session's register.")
        elif not session.bookings:
            hint = tr("No family is booked on this session yet: choose one below and press Book.")
        else:
            hint = ""
        self.register_hint.setText(hint)
        self.register_hint.setVisible(bool(hint))

    def _edit_chosen(self) -> None:
        group = selected(self.groups_table, self.groups_model)
        if group is None:
            QMessageBox.information(self, tr("Edit group"), tr("Choose a group first."))
            return
        self._edit(group)

    def _edit(self, group: Group | None) -> None:
        if GroupDialog(self.ctx, group, self).exec():
            self.refresh()

    def plan(self) -> None:
        group = selected(self.groups_table, self.groups_model)
        if group is None:
            QMessageBox.information(self, tr("Plan sessions"), tr("Add or choose a group first."))
            return
        if PlanSessionsDialog(self.ctx, group, self).exec():
            self.refresh()

    def book(self) -> None:
        session = self._session()
        child_id = self.family.currentData()
        if session is None or child_id is None:
            return
        try:
            groups.book(self.ctx.db, session.id, child_id)
        except ValidationError as exc:
            self.message.setText("⚠ " + " ".join(exc.errors.values()))
            return
        except REFUSED as exc:
            refused(self, tr("Not booked"), exc)
            return
        self.message.setText(
            tr("{currentText} booked for {date}.").format(
                currentText=self.family.currentText(), date=format_date(session.held_on)
            )
        )
        self._show_group(session.held_on)

    def save_register(self) -> None:
        session = self._session()
        if session is None:
            return
        marks = {}
        for row in range(self.register.rowCount()):
            combo = self.register.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            marks[self.register.item(row, 0).data(256)] = combo.currentData()
        try:
            groups.record_session(self.ctx.db, session.id, marks, self.notes.toPlainText())
        except ValidationError as exc:
            self.message.setText("⚠ " + " ".join(exc.errors.values()))
            return
        except REFUSED as exc:
            refused(self, tr("Register not saved"), exc)
            return
        self.message.setText(
            tr("Register for {date} saved.").format(date=format_date(session.held_on))
        )
        self._show_group(session.held_on)

    def print_register(self) -> None:
        """The chosen session's register as a PDF, to take to the room."""
        session = self._session()
        group = selected(self.groups_table, self.groups_model)
        if session is None or group is None:
            return
        db, today = self.ctx.db, self.today

        def build(out: Path) -> Path:
            from portage_desktop.printing.groups import group_register

            group_register(db, today, out, session_id=session.id)
            return out

        stem = file_stem("register", group.data.name, f"{session.held_on:%Y-%m-%d}")
        save_pdf(self, tr("Save the register as PDF"), stem, build)

"""The Staff & training area: who works here, their roles and dates, their training, the matrix."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import staff as staff_service
from portage_desktop.services.dates import format_date
from portage_desktop.services.staff import StaffInput, StaffMember
from portage_desktop.services.vocabulary import StaffRole
from portage_desktop.ui.common.context import AppContext, RefreshWhenShown
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.common.table_model import Column, RecordTableModel, SearchProxy, fit_columns
from portage_desktop.ui.common.widgets import DateField, heading
from portage_desktop.ui.staff.staff_training import TrainingMatrixView, TrainingPanel


class StaffDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, member: StaffMember | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tr("Add a staff member") if member is None else tr("Edit staff member"), parent
        )
        self.ctx = ctx
        self.member = member
        self.saved: StaffMember | None = None
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.start_date = DateField(tr("Start date"))
        self.leave_date = DateField(tr("Leaving date"))
        roles_box = QGroupBox()
        roles_layout = QVBoxLayout(roles_box)
        self.role_boxes: dict[StaffRole, QCheckBox] = {}
        for role in StaffRole:
            box = QCheckBox(role.label)
            box.setAccessibleName(tr("Role: {label}").format(label=role.label))
            roles_layout.addWidget(box)
            self.role_boxes[role] = box
        roles_box.setAccessibleName(tr("Roles"))
        self.add_row(tr("&First name *"), "first_name", self.first_name)
        self.add_row(tr("&Surname *"), "last_name", self.last_name)
        self.add_row(tr("Roles *"), "roles", roles_box)
        self.add_row(tr("S&tarted"), "start_date", self.start_date)
        self.add_row(
            tr("&Leaving date"),
            "leave_date",
            self.leave_date,
            tr(
                "The first day they no longer work here (the day after their last day). Leave it "
                "empty while they work here."
            ),
        )
        if member is not None:
            self.fill(member)
        for edit in (self.first_name, self.last_name):
            edit.textEdited.connect(self.mark_dirty)
        for field in (self.start_date, self.leave_date):
            field.changed.connect(self.mark_dirty)
        for box in self.role_boxes.values():
            box.toggled.connect(self.mark_dirty)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.first_name.setFocus()

    def fill(self, record: object) -> None:
        assert isinstance(record, StaffMember)
        self.version = record.version
        self.first_name.setText(record.first_name)
        self.last_name.setText(record.last_name)
        self.start_date.set_value(record.start_date)
        self.leave_date.set_value(record.leave_date)
        for role, box in self.role_boxes.items():
            box.setChecked(role in record.roles)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = {}
        for name, field in (("start_date", self.start_date), ("leave_date", self.leave_date)):
            try:
                dates[name] = field.value()
            except ValueError as exc:
                errors[name], dates[name] = str(exc), None
        data = StaffInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            roles=tuple(r for r, box in self.role_boxes.items() if box.isChecked()),
            start_date=dates["start_date"],
            leave_date=dates["leave_date"],
        )

        def store() -> None:
            self.saved = staff_service.save_staff(
                self.ctx.db, data, self.member.id if self.member else None, self.version
            )

        if not self.attempt(store, data, errors, check=lambda: staff_service.validate_staff(data)):
            return
        self.ctx.hub.staff_changed.emit()
        self.accept()


class StaffPage(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = date.today()
        self.model: RecordTableModel[StaffMember] = RecordTableModel(
            [
                Column(tr("Name"), lambda m: m.full_name, lambda m: m.sort_name),
                Column(tr("Roles"), lambda m: m.roles_text),
                Column(
                    tr("Started"),
                    lambda m: format_date(m.start_date),
                    lambda m: m.start_date.toordinal() if m.start_date else 0,
                ),
                Column(
                    tr("Working here"),
                    lambda m: (
                        tr("Yes")
                        if m.is_current(today)
                        else tr("Left {date}").format(date=format_date(m.leave_date))
                        if m.leave_date
                        else tr("Not started")
                    ),
                ),
            ]
        )
        self.proxy = SearchProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("Staff"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Enter, or a double-click (a single click where the desktop is set up that way).
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search staff by name or role…"))
        self.search.setAccessibleName(tr("Search staff"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        add = QPushButton(tr("&Add staff member"))
        add.clicked.connect(self.add_member)
        self.edit_button = QPushButton(tr("&Edit"))
        self.edit_button.clicked.connect(self.edit_selected)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(add)
        row.addWidget(self.edit_button)
        self.training = TrainingPanel(ctx)
        self.matrix = TrainingMatrixView(ctx)
        people = QWidget()
        people_layout = QVBoxLayout(people)
        intro = QLabel(
            tr(
                "Everyone who works, or has worked, in the setting. "
                "Record a leaving date rather than deleting anyone."
            )
        )
        intro.setWordWrap(True)  # one long line would set the window's narrowest width
        people_layout.addWidget(intro)
        people_layout.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.training)
        split.setChildrenCollapsible(False)
        people_layout.addWidget(split, 1)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Staff and training views"))
        self.tabs.addTab(people, tr("&Staff and their training"))
        self.tabs.addTab(self.matrix, tr("Training &matrix"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Staff & training")))
        layout.addWidget(self.tabs, 1)
        self.table.selectionModel().selectionChanged.connect(self._show_training)
        ctx.hub.staff_changed.connect(self.refresh_if_shown)
        ctx.hub.database_replaced.connect(self.refresh_if_shown)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        self.model.set_rows(staff_service.list_staff(self.ctx.db))
        fit_columns(self.table)
        if chosen is not None:
            rows = [
                i for i in range(self.model.rowCount()) if self.model.row_object(i).id == chosen.id
            ]
            if rows:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(rows[0], 0)).row())
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._show_training()
        self.matrix.refresh()

    def _show_training(self, *_args: object) -> None:
        self.training.show_member(self.selected())

    def selected(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def add_member(self) -> None:
        StaffDialog(self.ctx, parent=self).exec()

    def edit_selected(self) -> None:
        member = self.selected()
        if member is not None:
            StaffDialog(self.ctx, member, parent=self).exec()

"""Add or edit a child's details. Everything is checked by the service before anything is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import children as children_service
from portage_desktop.services import staff as staff_service
from portage_desktop.services.children import ChildDetails, ChildInput
from portage_desktop.services.vocabulary import NeedArea, SenStatus, StaffRole
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.common.widgets import DateField


class ChildDialog(FormDialog):
    """``saved_child`` holds the stored record after a successful save."""

    def __init__(
        self, ctx: AppContext, child_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tr("Add a child") if child_id is None else tr("Edit child's details"), parent
        )
        self.ctx = ctx
        self.child_id = child_id
        self.saved_child: ChildDetails | None = None
        self.setMinimumWidth(520)

        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.known_as = QLineEdit()
        self.date_of_birth = DateField(tr("Date of birth"))
        self.start_date = DateField(tr("Start date"))
        self.leave_date = DateField(tr("Leaving date"))
        self.key_person = QComboBox()
        self.sen_status = QComboBox()
        self.home_languages = QLineEdit()
        self.home_languages.setPlaceholderText(tr("For example: Polish, English"))
        for status in SenStatus:
            self.sen_status.addItem(status.label, status)
        self._fill_key_people()

        self.add_row(tr("&First name *"), "first_name", self.first_name)
        self.add_row(tr("&Surname *"), "last_name", self.last_name)
        self.add_row(
            tr("&Known as"), "known_as", self.known_as, tr("If the child is called something else")
        )
        self.add_row(tr("Date of &birth *"), "date_of_birth", self.date_of_birth)
        self.add_row(tr("S&tarted"), "start_date", self.start_date)
        self.add_row(
            tr("&Left"), "leave_date", self.leave_date, tr("Leave empty while the child attends")
        )
        self.add_row(tr("&Key person"), "key_person_id", self.key_person)
        self.add_row(tr("S&EN status"), "sen_status", self.sen_status)
        self.add_row(tr("Home lan&guages"), "home_languages", self.home_languages)

        needs_box = QGroupBox(tr("Areas of need"))
        needs_layout = QVBoxLayout(needs_box)
        self.need_boxes: dict[NeedArea, QCheckBox] = {}
        for area in NeedArea:
            box = QCheckBox(area.label)
            box.setAccessibleName(tr("Area of need: {label}").format(label=area.label))
            needs_layout.addWidget(box)
            self.need_boxes[area] = box

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(tr("Save child"))

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(needs_box)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        if child_id is not None:
            self._load(children_service.get_child(ctx.db, child_id))
        for edit in (self.first_name, self.last_name, self.known_as, self.home_languages):
            edit.textEdited.connect(self.mark_dirty)
        for field in (self.date_of_birth, self.start_date, self.leave_date):
            field.changed.connect(self.mark_dirty)
        self.key_person.currentIndexChanged.connect(self.mark_dirty)
        self.sen_status.currentIndexChanged.connect(self.mark_dirty)
        for box in self.need_boxes.values():
            box.toggled.connect(self.mark_dirty)
        self.first_name.setFocus()

    def _fill_key_people(self) -> None:
        self.key_person.addItem(tr("Not chosen yet"), None)
        today = date.today()
        for member in staff_service.list_staff(self.ctx.db):
            if member.is_current(today) and member.roles != (StaffRole.ASSISTANT,):
                self.key_person.addItem(member.full_name, member.id)

    def fill(self, record: object) -> None:
        assert isinstance(record, ChildDetails)
        self._load(record)

    def _load(self, child: ChildDetails) -> None:
        """Fill the form without counting as an edit (signals are connected afterwards)."""
        self.version = child.version
        self.first_name.setText(child.first_name)
        self.last_name.setText(child.last_name)
        self.known_as.setText(child.known_as)
        self.date_of_birth.set_value(child.date_of_birth)
        self.start_date.set_value(child.start_date)
        self.leave_date.set_value(child.leave_date)
        index = self.key_person.findData(child.key_person_id)
        if index < 0 and child.key_person_id is not None:
            self.key_person.addItem(tr("(former key person)"), child.key_person_id)
            index = self.key_person.count() - 1
        self.key_person.setCurrentIndex(max(index, 0))
        self.sen_status.setCurrentIndex(max(self.sen_status.findData(child.sen_status), 0))
        self.home_languages.setText(child.home_languages)
        for area, box in self.need_boxes.items():
            box.setChecked(area in child.need_areas)

    def _read_dates(self, errors: dict[str, str]) -> dict[str, date | None]:
        values: dict[str, date | None] = {}
        for name, field in (
            ("date_of_birth", self.date_of_birth),
            ("start_date", self.start_date),
            ("leave_date", self.leave_date),
        ):
            try:
                values[name] = field.value()
            except ValueError as exc:
                errors[name] = str(exc)
                values[name] = None
        return values

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self._read_dates(errors)
        data = ChildInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            known_as=self.known_as.text(),
            date_of_birth=dates["date_of_birth"],
            start_date=dates["start_date"],
            leave_date=dates["leave_date"],
            key_person_id=self.key_person.currentData(),
            sen_status=self.sen_status.currentData(),
            need_areas=tuple(a for a, box in self.need_boxes.items() if box.isChecked()),
            home_languages=self.home_languages.text(),
        )

        def store() -> None:
            self.saved_child = children_service.save_child(
                self.ctx.db, data, self.child_id, expected_version=self.version
            )

        if not self.attempt(
            store, data, errors, check=lambda: children_service.validate_child(data, date.today())
        ):
            return
        self.ctx.hub.children_changed.emit()
        self.accept()

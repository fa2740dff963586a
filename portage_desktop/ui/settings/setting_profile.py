"""The setting profile in Settings: registration, the local Portage service, inspections as
published, and the Stamp of Approval rules with the dates they apply from."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import inspections, setting_profile, stamp_rules
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import ConflictError, ValidationError
from portage_desktop.services.inspections import Inspection
from portage_desktop.services.setting_profile import Regulator, SettingProfile
from portage_desktop.services.stamp_rules import RuleValue
from portage_desktop.ui.common.conflict_dialog import ConflictChoice
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import FormSection, confirm, resolve_conflict
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.table_model import Column, RecordTableModel
from portage_desktop.ui.stamp.stamp_dialogs import InspectionDialog, RuleDialog


def _table(name: str, model: RecordTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(table.fontMetrics().lineSpacing() * 8)
    return table


def _selected(table: QTableView, model: RecordTableModel):  # noqa: ANN202
    rows = table.selectionModel().selectedRows()
    return model.row_object(rows[0].row()) if rows else None


class ProfileSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loaded: SettingProfile | None = None
        self.form = FormSection()
        regulators = QWidget()
        regulators.setAccessibleName(tr("Registered with"))
        column = QVBoxLayout(regulators)
        column.setContentsMargins(0, 0, 0, 0)
        self.regulator_group = QButtonGroup(regulators)
        self.regulator_buttons: dict[Regulator, QRadioButton] = {}
        for regulator in Regulator:
            button = QRadioButton(regulator.label)
            self.regulator_group.addButton(button)
            self.regulator_buttons[regulator] = button
            column.addWidget(button)
        self.agency_name = QLineEdit()
        self.portage_service = QLineEdit()
        self.portage_contact = QLineEdit()
        self.form.add_row(tr("Registered with"), "regulator", regulators)
        self.form.add_row(
            tr("A&gency name"), "agency_name", self.agency_name, tr("Childminders only")
        )
        self.form.add_row(tr("Local &Portage service"), "portage_service", self.portage_service)
        self.form.add_row(
            tr("Portage service &contact"),
            "portage_contact",
            self.portage_contact,
            tr("Name and telephone or email of your contact there"),
        )
        for edit in (self.agency_name, self.portage_service, self.portage_contact):
            edit.textEdited.connect(self.form.mark_dirty)
        self.regulator_group.buttonToggled.connect(self.form.mark_dirty)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            tr("Save &registration and contact"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.save_profile)
        self.saved_label = QLabel()
        profile_box = QGroupBox(tr("Registration and local Portage service"))
        profile_layout = QVBoxLayout(profile_box)
        profile_layout.addLayout(self.form.form)
        profile_layout.addWidget(self.form.general_error)
        profile_layout.addWidget(buttons)
        profile_layout.addWidget(self.saved_label)

        self.inspection_model: RecordTableModel[Inspection] = RecordTableModel(
            [
                Column(tr("Date"), lambda i: format_date(i.inspected_on)),
                Column(tr("Published as"), lambda i: i.framework.label),
                Column(tr("Judgements"), lambda i: "\n".join(i.lines) or tr("Not graded")),
            ]
        )
        self.inspection_table = _table(tr("Inspections"), self.inspection_model)
        self.inspection_table.activated.connect(lambda _i: self.edit_inspection())
        inspection_box = QGroupBox(tr("Inspections, as published"))
        inspection_layout = QVBoxLayout(inspection_box)
        inspection_layout.addWidget(
            QLabel(tr("Each judgement is kept on its own scale; no overall grade is worked out."))
        )
        inspection_layout.addWidget(self.inspection_table)
        row = QHBoxLayout()
        for text, slot in (
            (tr("Add an &inspection…"), self.add_inspection),
            (tr("Edit inspectio&n…"), self.edit_inspection),
            (tr("Delete inspection…"), self.delete_inspection),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        inspection_layout.addLayout(row)

        self.rules_model: RecordTableModel[RuleValue] = RecordTableModel(
            [
                Column(tr("Rule"), lambda r: r.label),
                Column(tr("Value"), lambda r: r.words),
                Column(
                    tr("Since"),
                    lambda r: tr("Built-in default") if r.is_default else format_date(r.since),
                ),
            ]
        )
        self.rules_table = _table(tr("Stamp of Approval rules"), self.rules_model)
        self.rules_table.activated.connect(lambda _i: self.change_rule())
        rules_box = QGroupBox(tr("Stamp of Approval rules"))
        rules_layout = QVBoxLayout(rules_box)
        rules_layout.addWidget(
            QLabel(tr("The numbers the criteria check uses. Change one when the NPA changes it."))
        )
        rules_layout.addWidget(self.rules_table)
        change = QPushButton(tr("C&hange rule…"))
        change.clicked.connect(self.change_rule)
        rules_layout.addWidget(change)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(profile_box)
        layout.addWidget(inspection_box)
        layout.addWidget(rules_box)
        ctx.hub.setting_changed.connect(self.refresh_lists)
        ctx.hub.database_replaced.connect(self.load)
        self.load()

    def load(self) -> None:
        self._show(setting_profile.get_profile(self.ctx.db))
        self.refresh_lists()

    def _show(self, profile: object) -> None:
        assert isinstance(profile, SettingProfile)
        self.loaded = profile  # what Save compares against, so nobody's change is overwritten
        self.regulator_buttons[profile.regulator].setChecked(True)
        self.agency_name.setText(profile.agency_name)
        self.portage_service.setText(profile.portage_service)
        self.portage_contact.setText(profile.portage_contact)
        self.form.dirty = False

    def refresh_lists(self) -> None:
        self.inspection_model.set_rows(inspections.list_inspections(self.ctx.db))
        self.inspection_table.resizeRowsToContents()
        self.rules_model.set_rows(stamp_rules.rule_values(self.ctx.db, date.today()))

    def save_profile(self) -> None:
        self.form.clear_errors()
        regulator = next(r for r, b in self.regulator_buttons.items() if b.isChecked())
        data = SettingProfile(
            regulator,
            self.agency_name.text(),
            self.portage_service.text(),
            self.portage_contact.text(),
        )
        try:
            self.loaded = setting_profile.save_profile(self.ctx.db, data, self.loaded)
        except ConflictError as exc:
            self.saved_label.clear()
            choice = resolve_conflict(self, self.form, exc, data, self._show)
            if choice is ConflictChoice.KEEP_MINE:
                self.loaded = exc.current
                self.save_profile()
            return
        except ValidationError as exc:
            self.saved_label.clear()
            self.form.show_errors(exc.errors)
            return
        except REFUSED as exc:
            self.form.show_refusal(exc)
            return
        self.form.dirty = False
        self.saved_label.setText(tr("Saved."))
        self.ctx.hub.setting_changed.emit()

    def add_inspection(self) -> None:
        InspectionDialog(self.ctx, parent=self).exec()

    def edit_inspection(self) -> None:
        chosen = _selected(self.inspection_table, self.inspection_model)
        if chosen is not None:
            InspectionDialog(self.ctx, chosen, parent=self).exec()

    def delete_inspection(self) -> None:
        chosen = _selected(self.inspection_table, self.inspection_model)
        if chosen is None:
            return
        if not confirm(
            self,
            tr("Delete inspection?"),
            tr("Delete the inspection of {date}? This cannot be undone.").format(
                date=format_date(chosen.inspected_on)
            ),
        ):
            return
        try:
            inspections.delete_inspection(self.ctx.db, chosen.id)
        except REFUSED as exc:
            refused(self, tr("Not deleted"), exc)
            return
        self.ctx.hub.setting_changed.emit()

    def change_rule(self) -> None:
        chosen = _selected(self.rules_table, self.rules_model)
        if chosen is not None:
            RuleDialog(self.ctx, chosen, parent=self).exec()

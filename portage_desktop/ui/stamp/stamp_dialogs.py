"""Dialogs for the Stamp of Approval records: an award, an inspection as published, a rule."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import inspections, setting_profile, stamp_rules
from portage_desktop.services.inspections import Framework, Inspection, InspectionInput
from portage_desktop.services.setting_profile import Award, AwardInput
from portage_desktop.services.stamp_rules import SPEC_BY_KEY, RuleValue
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.common.widgets import DateField


def _buttons(dialog: FormDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.save)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    return buttons


def _dates(fields: dict[str, DateField]) -> tuple[dict[str, date | None], dict[str, str]]:
    values: dict[str, date | None] = {}
    errors: dict[str, str] = {}
    for name, field in fields.items():
        try:
            values[name] = field.value()
        except ValueError as exc:
            values[name], errors[name] = None, str(exc)
    return values, errors


def _finish(dialog: FormDialog, ctx: AppContext, action, mine: object = None) -> bool:  # noqa: ANN001
    """Run the service call; show its messages beside the fields, or close on success."""
    if not dialog.attempt(action, mine):
        return False
    ctx.hub.setting_changed.emit()
    dialog.accept()
    return True


class AwardDialog(FormDialog):
    """One year's application and award."""

    def __init__(self, ctx: AppContext, award: Award | None = None, parent: QWidget | None = None):
        super().__init__(tr("Record an award") if award is None else tr("Edit award"), parent)
        self.ctx, self.award = ctx, award
        self.applied_on = DateField(tr("Applied"))
        self.awarded_on = DateField(tr("Awarded"))
        self.expires_on = DateField(tr("Expires"))
        self.representative = QLineEdit()
        self.add_row(tr("&Applied"), "applied_on", self.applied_on)
        self.add_row(tr("A&warded"), "awarded_on", self.awarded_on)
        self.add_row(
            tr("&Expires"),
            "expires_on",
            self.expires_on,
            tr(
                "The award is valid up to and including this day. Leave empty: one year after the "
                "award."
            ),
        )
        self.add_row(tr("Portage &representative"), "representative", self.representative)
        if award is not None:
            self.fill(award)
        for field in (self.applied_on, self.awarded_on, self.expires_on):
            field.changed.connect(self.mark_dirty)
        self.representative.textEdited.connect(self.mark_dirty)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(_buttons(self))

    def fill(self, record: object) -> None:
        assert isinstance(record, Award)
        self.version = record.version
        self.applied_on.set_value(record.applied_on)
        self.awarded_on.set_value(record.awarded_on)
        self.expires_on.set_value(record.expires_on)
        self.representative.setText(record.representative)

    def save(self) -> None:
        values, errors = _dates(
            {
                "applied_on": self.applied_on,
                "awarded_on": self.awarded_on,
                "expires_on": self.expires_on,
            }
        )
        if errors:
            self.show_errors(errors)
            return
        data = AwardInput(representative=self.representative.text(), **values)
        months = stamp_rules.rules_on(self.ctx.db, date.today()).award_months
        award_id = self.award.id if self.award else None
        _finish(
            self,
            self.ctx,
            lambda: setting_profile.save_award(self.ctx.db, data, months, award_id, self.version),
            data,
        )


class InspectionDialog(FormDialog):
    """An inspection exactly as published: the framework decides which judgements are asked for."""

    def __init__(
        self, ctx: AppContext, inspection: Inspection | None = None, parent: QWidget | None = None
    ):
        super().__init__(
            tr("Add an inspection") if inspection is None else tr("Edit inspection"), parent
        )
        self.ctx, self.inspection = ctx, inspection
        self.inspected_on = DateField(tr("Date of inspection"))
        self.framework = QComboBox()
        for framework in Framework:
            self.framework.addItem(framework.label, framework)
        self.reference = QLineEdit()
        self.add_row(tr("&Date of inspection *"), "inspected_on", self.inspected_on)
        self.add_row(tr("&Published as *"), "framework", self.framework)
        self.judgements: dict[str, QComboBox] = {}
        self.judgement_rows: dict[str, QWidget] = {}
        for framework in Framework:
            for area, words, _scale in inspections.judgement_areas(framework):
                if area in self.judgements:
                    continue
                combo = QComboBox()
                combo.setAccessibleName(words)
                combo.addItem(tr("Choose…"), "")
                self.judgements[area] = combo
                self.judgement_rows[area] = self.add_row(words, f"judgement_{area}", combo)
        self.add_row(tr("&Report reference"), "report_reference", self.reference, tr("Optional"))
        if inspection is not None:
            self.fill(inspection)
        else:
            self._update_scales()
        self.framework.currentIndexChanged.connect(self._update_scales)
        self.framework.currentIndexChanged.connect(self.mark_dirty)
        self.inspected_on.changed.connect(self.mark_dirty)
        self.reference.textEdited.connect(self.mark_dirty)
        for combo in self.judgements.values():
            combo.currentIndexChanged.connect(self.mark_dirty)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(_buttons(self))
        self.dirty = False

    def _update_scales(self) -> None:
        framework = self.framework.currentData()
        wanted = {a: scale for a, _w, scale in inspections.judgement_areas(framework)}
        for area, combo in self.judgements.items():
            visible = area in wanted
            box = self.judgement_rows[area].parentWidget()
            box.setVisible(visible)
            label = self.form.labelForField(box)
            if label is not None:
                label.setVisible(visible)
            if visible:
                current = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                combo.addItem(tr("Choose…"), "")
                for code, words in wanted[area]:
                    combo.addItem(words, code)
                combo.setCurrentIndex(max(0, combo.findData(current)))
                combo.blockSignals(False)

    def save(self) -> None:
        values, errors = _dates({"inspected_on": self.inspected_on})
        if errors:
            self.show_errors(errors)
            return
        data = InspectionInput(
            values["inspected_on"],
            self.framework.currentData(),
            {a: c.currentData() for a, c in self.judgements.items() if c.isVisibleTo(self)},
            self.reference.text(),
        )
        inspection_id = self.inspection.id if self.inspection else None
        _finish(
            self,
            self.ctx,
            lambda: inspections.save_inspection(
                self.ctx.db, data, inspection_id, expected_version=self.version
            ),
            data,
        )

    def fill(self, record: object) -> None:
        assert isinstance(record, Inspection)
        self.version = record.version
        self.inspected_on.set_value(record.inspected_on)
        self.framework.setCurrentIndex(self.framework.findData(record.framework))
        self.reference.setText(record.report_reference)
        self._update_scales()
        for area, code in record.judgements:
            combo = self.judgements[area]
            combo.setCurrentIndex(combo.findData(code))


class RuleDialog(FormDialog):
    """Change one rule's number from a date onwards; earlier checks keep the earlier value."""

    def __init__(self, ctx: AppContext, rule: RuleValue, parent: QWidget | None = None):
        super().__init__(tr("Change a rule"), parent)
        self.ctx, self.rule = ctx, rule
        spec = SPEC_BY_KEY[rule.key]
        if spec.choices:
            self.value: QComboBox | QLineEdit = QComboBox()
            for code, words in spec.choices:
                self.value.addItem(words, code)
            self.value.setCurrentIndex(self.value.findData(rule.value))
            self.value.currentIndexChanged.connect(self.mark_dirty)
        else:
            self.value = QLineEdit(rule.value)
            self.value.textEdited.connect(self.mark_dirty)
        self.effective_from = DateField(tr("Applies from"))
        self.effective_from.set_value(date.today())
        self.add_row(rule.label, "value", self.value)
        self.add_row(
            tr("Applies &from *"),
            "effective_from",
            self.effective_from,
            tr("Checks on earlier days keep using the earlier value"),
        )
        self.effective_from.changed.connect(self.mark_dirty)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(_buttons(self))

    def save(self) -> None:
        values, errors = _dates({"effective_from": self.effective_from})
        if errors:
            self.show_errors(errors)
            return
        value = self.value.currentData() if isinstance(self.value, QComboBox) else self.value.text()
        _finish(
            self,
            self.ctx,
            lambda: stamp_rules.save_rule(
                self.ctx.db, self.rule.key, value, values["effective_from"]
            ),
        )

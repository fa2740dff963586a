"""The setting's details, used by the first-run dialog and the Settings page."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.setting import SettingInfo, SettingInput
from portage_desktop.services.vocabulary import SettingKind
from portage_desktop.ui.common.form import FormSection


class SettingFields:
    """The name, type and URN fields, added to a :class:`FormSection`."""

    def __init__(self, owner: FormSection) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("For example: Little Acorns Pre-school"))
        self.urn = QLineEdit()
        self.urn.setPlaceholderText(tr("For example: EY123456"))
        kinds = QWidget()
        kinds.setAccessibleName(tr("Type of setting"))
        column = QVBoxLayout(kinds)
        column.setContentsMargins(0, 0, 0, 0)
        self.kind_group = QButtonGroup(kinds)
        self.kind_buttons: dict[SettingKind, QRadioButton] = {}
        for kind in SettingKind:
            button = QRadioButton(kind.label)
            button.setAccessibleName(kind.label)
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            column.addWidget(button)
        owner.add_row(tr("&Name of the setting *"), "name", self.name)
        owner.add_row(tr("Type *"), "kind", kinds)
        owner.add_row(
            tr("Ofsted &URN"),
            "ofsted_urn",
            self.urn,
            tr("Your unique reference number from Ofsted, if you have one"),
        )
        self.name.textEdited.connect(owner.mark_dirty)
        self.urn.textEdited.connect(owner.mark_dirty)
        self.kind_group.buttonToggled.connect(owner.mark_dirty)

    def load(self, info: SettingInfo) -> None:
        self.name.setText(info.name)
        self.urn.setText(info.ofsted_urn)
        self.kind_buttons[info.kind].setChecked(True)

    def read(self) -> SettingInput:
        kind = next((k for k, b in self.kind_buttons.items() if b.isChecked()), None)
        return SettingInput(self.name.text(), kind, self.urn.text())

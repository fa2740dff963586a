"""The first-run dialog: the one question the app must ask before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import setting as setting_service
from portage_desktop.services.errors import ValidationError
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.settings.setting_form import SettingFields


class FirstRunDialog(FormDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(tr("Welcome to Portage Desktop"), parent)
        self.db = db
        self.setMinimumWidth(520)
        where = (
            tr("is kept on the shared server {display}").format(display=db.server.display)
            if db.server is not None
            else tr("stays on this computer")
        )
        intro = QLabel(
            tr(
                "Let's set up your setting. Everything you record {where}.\n"
                "You can change these details later in Settings."
            ).format(where=where)
        )
        intro.setWordWrap(True)
        self.fields = SettingFields(self.section)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(tr("&Start"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.fields.name.setFocus()

    def save(self) -> None:
        try:
            setting_service.save_setting(self.db, self.fields.read())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        self.dirty = False
        self.accept()

"""The base of every dialog that edits one record: a form whose Save runs one service call,
shows problems beside their fields, settles a clash with someone else's save, keeps a draft,
and closes only once the record is saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.drafts import DraftKeeper
from portage_desktop.ui.common.form import FormDialog
from portage_desktop.ui.common.widgets import DateField


class RecordDialog(FormDialog):
    """A form dialog whose Save runs one service call and closes only if it succeeded."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.ctx = ctx
        self.setMinimumWidth(520)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.drafts: DraftKeeper | None = None

    def finish(self) -> None:
        """Add the error line and buttons, and start counting edits as unsaved changes."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.body.addWidget(self.general_error)
        self.body.addWidget(buttons)
        for child in self.findChildren(QLineEdit):
            child.textEdited.connect(self.mark_dirty)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(self.mark_dirty)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self.mark_dirty)
            # A long choice (a goal's whole wording) must not set the dialog's width: the
            # box shows what fits, and its list shows every word.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(min(combo.minimumContentsLength() or 30, 30))
        for field in self.findChildren(DateField):
            field.changed.connect(self.mark_dirty)

    def save(self) -> None:
        raise NotImplementedError

    def read_dates(self, errors: dict[str, str], **fields: DateField) -> dict[str, date | None]:
        out: dict[str, date | None] = {}
        for name, field in fields.items():
            try:
                out[name] = field.value()
            except ValueError as exc:
                errors[name] = str(exc)
                out[name] = None
        return out

    def run_save(
        self, errors: dict[str, str], action: Callable[[], object], mine: object = None
    ) -> None:
        """Show date errors together with the service's own; close once saved.

        ``mine`` is what was typed, shown beside the stored version if someone else saved
        the record first.
        """
        if not self.attempt(action, mine, errors):
            return
        if self.drafts is not None:
            self.drafts.discard()
        self.accept()

    def done(self, result: int) -> None:
        """Closing without saving (after the user agreed to discard) drops the draft too."""
        if result == QDialog.DialogCode.Rejected and self.drafts is not None:
            self.drafts.discard()
        super().done(result)

"""Before a child's record is printed: who is it for? Another agency needs consent or a reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import sharing
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.sharing import ShareRequest
from portage_desktop.ui.common.form import FormDialog

_SAFEGUARDING = "__safeguarding__"


class ShareDialog(FormDialog):
    """``request`` is ``None`` for the family or the setting's own use, else the share."""

    def __init__(self, db: Database, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(tr("Who is this for?"), parent)
        self.db, self.child_id = db, child_id
        self.request: ShareRequest | None = None
        self.setMinimumWidth(520)
        self.family = QRadioButton(tr("The child's &family, or our setting's own use"))
        self.agency = QRadioButton(tr("&Another agency or professional"))
        group = QButtonGroup(self)
        group.addButton(self.family)
        group.addButton(self.agency)
        self.family.setChecked(True)
        self.recipient = QComboBox()
        self.recipient.setEditable(False)
        self.recipient.setAccessibleName(tr("Agency"))
        consents = sharing.consents_for_sharing(db, child_id, date.today())
        for consent in consents:
            self.recipient.addItem(
                tr("{agency} (consent given)").format(agency=consent.agency), consent.agency
            )
        self.recipient.addItem(tr("Someone else, without consent (safeguarding)"), _SAFEGUARDING)
        self.other_name = QLineEdit()
        self.other_name.setAccessibleName(tr("Agency or professional"))
        self.other_name.setMaxLength(120)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(tr("Safeguarding reason"))
        self.reason.setPlaceholderText(
            tr(
                "Why sharing without consent is needed to keep the "
                "child safe, and under which procedure"
            )
        )
        intro = QLabel(
            tr(
                "Records can go to another agency only with a parent's consent for that agency, "
                "or when sharing is needed to keep the child safe (safeguarding)."
            )
        )
        intro.setWordWrap(True)
        self.add_row(tr("&Going to"), "recipient", self.recipient)
        self.add_row(tr("&Name"), "other_name", self.other_name)
        self.add_row(tr("&Reason"), "reason", self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("&Continue"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.family)
        layout.addWidget(self.agency)
        if not sharing.may_share(db):
            # Sending records to another agency is an export: a SENCO or manager does it.
            self.agency.setEnabled(False)
            no_right = QLabel(
                tr(
                    "Only a SENCO or manager can send records to another agency. Please ask one "
                    "of them."
                )
            )
            no_right.setObjectName("no_share_right")
            no_right.setWordWrap(True)
            layout.addWidget(no_right)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.agency.toggled.connect(self._update)
        self.recipient.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        sharing_out = self.agency.isChecked()
        safeguarding = self.recipient.currentData() == _SAFEGUARDING
        self.recipient.setEnabled(sharing_out)
        self.other_name.setEnabled(sharing_out and safeguarding)
        self.reason.setEnabled(sharing_out and safeguarding)

    def save(self) -> None:
        if not self.agency.isChecked():
            self.request = None
            self.accept()
            return
        if self.recipient.currentData() == _SAFEGUARDING:
            if not self.reason.toPlainText().strip():
                self.show_errors({"reason": sharing.REASON_NEEDED})
                return
            request = ShareRequest(self.other_name.text(), self.reason.toPlainText())
        else:
            request = ShareRequest(self.recipient.currentData())
        try:
            sharing.check_share(self.db, self.child_id, request, date.today())
        except PermissionDenied as exc:
            self.show_errors({"recipient": str(exc)})
            return
        except ValidationError as exc:
            errors = dict(exc.errors)
            if "recipient" in errors and self.recipient.currentData() == _SAFEGUARDING:
                errors["other_name"] = errors.pop("recipient")
            self.show_errors(errors)
            return
        self.request = request
        self.accept()

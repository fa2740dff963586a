"""The service level agreement: printed to discuss at the first visit, then recorded as signed
by the parent (the date and who)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.referrals import Referral
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.pdf_save import save_print
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField


class AgreementDialog(RecordDialog):
    """Record that the parent signed the agreement; a button prints it to sign."""

    def __init__(self, ctx: AppContext, referral: Referral, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            tr("Service agreement with {child_name}'s family").format(
                child_name=referral.child_name
            ),
            parent,
        )
        self.referral = referral
        self.print_button = QPushButton(tr("&Print the agreement to sign…"))
        self.print_button.clicked.connect(self.print_agreement)
        self.form.addRow("", self.print_button)
        self.signed_on = self.add_row(tr("Signed &on *"), "signed_on", DateField(tr("Signed on")))
        self.signed_by = self.add_row(
            tr("Signed &by *"), "signed_by", QLineEdit(), tr("The parent who signed.")
        )
        self.signed_on.set_value(referral.agreement_signed_on or date.today())
        self.signed_by.setText(referral.agreement_signed_by)
        self.finish()

    def print_agreement(self) -> None:
        stem = "service-agreement-" + "-".join(self.referral.child_name.lower().split())
        save_print(
            self,
            self.ctx.db,
            "service-agreement",
            tr("Save the service agreement as PDF"),
            stem,
            child=self.referral.child_id,
        )

    def save(self) -> None:
        errors: dict[str, str] = {}
        on = self.read_dates(errors, signed_on=self.signed_on)["signed_on"]
        self.run_save(
            errors,
            lambda: referrals.record_agreement(
                self.ctx.db, self.referral.id, on, self.signed_by.text()
            ),
        )

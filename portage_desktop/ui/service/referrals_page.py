"""The Referrals area: every referral with where the family is now, a new referral, the
eligibility decision, and the family's letter about it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.referrals import Referral
from portage_desktop.services.home_visiting.vocabulary import (
    Decision,
    ReferralStatus,
    ReferrerKind,
)
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.pdf_save import save_print
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.common.widgets import heading
from portage_desktop.ui.service.common import fill, make_table, selected
from portage_desktop.ui.service.eligibility_dialog import EligibilityDialog
from portage_desktop.ui.service.referral_dialog import ReferralDialog


def _referred_by(r: Referral) -> str:
    if r.data.referrer_kind is ReferrerKind.PARENT:
        return tr("Parent")
    return f"{r.data.referrer_name} ({r.data.referrer_role})"


COLUMNS: list[Column[Referral]] = [
    Column(tr("Child"), lambda r: r.child_name),
    Column(tr("Born"), lambda r: format_date(r.date_of_birth), lambda r: r.date_of_birth),
    Column(
        tr("Referred"),
        lambda r: format_date(r.data.referred_on),
        lambda r: r.data.referred_on,
    ),
    Column(tr("Referred by"), _referred_by),
    Column(tr("Now"), lambda r: r.status.label),
    Column(
        tr("Decision"), lambda r: Decision(r.decision).label if r.decision else tr("Not decided")
    ),
]


class ReferralsPage(QWidget):
    """Newest referrals first; the buttons act on the selected one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table, self.model = make_table(COLUMNS, tr("Referrals"))
        self.new_button = QPushButton(tr("&New referral…"))
        self.decide_button = QPushButton(tr("Eligibility and &decision…"))
        self.letter_button = QPushButton(tr("&Print the family's letter…"))
        self.new_button.clicked.connect(self.new_referral)
        self.decide_button.clicked.connect(self.decide)
        self.letter_button.clicked.connect(self.print_letter)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.decide_button, self.letter_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Referrals")))
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        ctx.hub.children_changed.connect(self.refresh)
        ctx.hub.database_replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = list(reversed(referrals.list_referrals(self.ctx.db)))
        except PermissionDenied as exc:
            self.message.setText(str(exc))
            rows = []
        fill(self.table, self.model, rows)
        waiting = sum(r.status is ReferralStatus.REFERRED for r in rows)
        if rows:
            self.message.setText(
                tr("{count} referrals; {waiting} waiting for an eligibility decision.").format(
                    count=len(rows), waiting=waiting
                )
            )

    def selected(self) -> Referral | None:
        return selected(self.table, self.model)

    def new_referral(self) -> None:
        dialog = ReferralDialog(self.ctx, self)
        if dialog.exec() and dialog.saved is not None:
            self.ctx.hub.children_changed.emit()
            self.message.setText(
                tr("Referral of {child_name} saved.").format(child_name=dialog.saved.child_name)
            )

    def decide(self) -> None:
        referral = self.selected()
        if referral is None:
            self.message.setText(tr("Choose a referral first."))
            return
        if referral.status in (ReferralStatus.ALLOCATED, ReferralStatus.ENDED):
            self.message.setText(
                tr("{child_name}'s decision is made: {label}.").format(
                    child_name=referral.child_name, label=referral.status.label
                )
            )
            return
        try:
            dialog = EligibilityDialog(self.ctx, referral, self)
        except PermissionDenied as exc:
            self.message.setText(str(exc))
            return
        if dialog.exec():
            self.ctx.hub.children_changed.emit()
            self.message.setText(
                tr("Decision on {child_name} saved.").format(child_name=referral.child_name)
            )

    def print_letter(self) -> None:
        referral = self.selected()
        if referral is None:
            self.message.setText(tr("Choose a referral first."))
            return
        stem = "referral-outcome-" + "-".join(referral.child_name.lower().split())
        save_print(
            self,
            self.ctx.db,
            "referral-outcome",
            tr("Save the family's letter as PDF"),
            stem,
            child=referral.child_id,
        )

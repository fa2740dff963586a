"""The eligibility decision on a referral: each of the service's rules shown met, not met or not
known yet (with why), then the decision a named person records with reasons. The check only
informs; people decide, and an exception needs its reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.home_visiting import eligibility
from portage_desktop.services.home_visiting.eligibility import DecisionInput
from portage_desktop.services.home_visiting.referrals import Referral
from portage_desktop.services.home_visiting.vocabulary import Decision, RuleOutcome
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField
from portage_desktop.ui.service.common import chosen, text_box

# A word and a symbol for each outcome, so nothing depends on colour.
MARKS = {
    RuleOutcome.MET: tr("✔ Met"),
    RuleOutcome.NOT_MET: tr("✘ Not met"),
    RuleOutcome.UNKNOWN: tr("? Not known yet"),
}


class EligibilityDialog(RecordDialog):
    """Record the decision on ``referral``; the rules are checked as the dialog opens."""

    def __init__(self, ctx: AppContext, referral: Referral, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, tr("Eligibility: {child_name}").format(child_name=referral.child_name), parent
        )
        self.referral = referral
        self.version: int | None = referral.version
        self.checks = eligibility.check_referral(ctx.db, referral.id)
        self.setMinimumWidth(680)
        rules_box = QGroupBox(tr("The service's rules, checked against the referral"))
        column = QVBoxLayout(rules_box)
        self.rule_labels = []
        for check in self.checks:
            line = QLabel(f"{MARKS[check.outcome]}: {check.label}. {check.why}")
            line.setWordWrap(True)
            line.setAccessibleName(f"{check.label}: {check.outcome.label}")
            column.addWidget(line)
            self.rule_labels.append(line)
        self.body.insertWidget(0, rules_box)
        self.decision = QComboBox()
        for choice in Decision:
            self.decision.addItem(choice.label, choice)
        all_met = all(c.outcome is RuleOutcome.MET for c in self.checks)
        if not all_met:  # the likely choice first, so Enter rarely needs a change
            self.decision.setCurrentIndex(list(Decision).index(Decision.EXCEPTION))
        self.add_row(tr("&Decision *"), "decision", self.decision)
        self.reason = self.add_row(
            tr("&Reasons *"), "reason", text_box(tr("Reasons for the decision"))
        )
        self.signposted = self.add_row(
            tr("&Signposted to"),
            "signposted_to",
            QLineEdit(),
            tr("Where the family was pointed to."),
        )
        self.decided_by = self.add_row(tr("Decided &by *"), "decided_by", QLineEdit())
        self.decided_on = self.add_row(
            tr("Decided &on *"), "decided_on", DateField(tr("Decided on"))
        )
        self.decided_on.set_value(date.today())
        if referral.decision:
            self.decision.setCurrentIndex(list(Decision).index(Decision(referral.decision)))
            self.reason.setPlainText(referral.decision_reason)
            self.signposted.setText(referral.signposted_to)
            self.decided_by.setText(referral.decided_by)
            self.decided_on.set_value(referral.decided_on)
        self.body.addStretch(1)
        self.finish()
        self.reason.textChanged.connect(self.mark_dirty)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, decided_on=self.decided_on)
        data = DecisionInput(
            chosen(self.decision, Decision),  # type: ignore[arg-type]
            self.reason.toPlainText(),
            self.decided_by.text(),
            dates["decided_on"],
            self.signposted.text(),
        )
        self.run_save(
            errors,
            lambda: eligibility.record_decision(self.ctx.db, self.referral.id, data, self.version),
            data,
        )

    def fill(self, record: object) -> None:
        if isinstance(record, Referral) and record.decision:
            self.decision.setCurrentIndex(list(Decision).index(Decision(record.decision)))
            self.reason.setPlainText(record.decision_reason)
            self.decided_by.setText(record.decided_by)

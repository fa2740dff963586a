"""Ending a family's service: a required reason from the services' own list, the date, who
decided, the transition plan into a setting (the child's existing plans, or a new one), the
end-of-service questionnaire, and a team lead's or manager's sign-off."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services import transitions
from portage_desktop.services.access import Permission, current_actor
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import end_of_service
from portage_desktop.services.home_visiting.end_of_service import EndInput, ServiceEnd
from portage_desktop.services.home_visiting.vocabulary import EndReason
from portage_desktop.ui.children.transition_dialog import TransitionDialog
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField
from portage_desktop.ui.service.common import chosen, text_box


class EndOfServiceDialog(RecordDialog):
    """End the service of the family ``referral_id`` (the child ``child_id``)."""

    def __init__(
        self,
        ctx: AppContext,
        referral_id: int,
        child_id: int,
        child_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, tr("End the service for {child_name}").format(child_name=child_name), parent
        )
        self.referral_id, self.child_id = referral_id, child_id
        self.ended: ServiceEnd | None = None
        self.reason = QComboBox()
        self.reason.addItem(tr("Choose the reason…"), None)
        for reason in EndReason:
            self.reason.addItem(reason.label, reason)
        self.add_row(tr("&Reason *"), "reason", self.reason)
        self.ended_on = self.add_row(tr("&Ends on *"), "ended_on", DateField(tr("Service ends on")))
        self.ended_on.set_value(date.today())
        self.decided_by = self.add_row(tr("Decided &by *"), "decided_by", QLineEdit())
        self.note = self.add_row(tr("&Note"), "note", text_box(tr("Note on the ending"), 2))
        self.transition = QComboBox()
        self.add_row(tr("&Transition plan"), "transition_id", self.transition)
        self.new_plan = QPushButton(tr("New transition &plan…"))
        self.new_plan.clicked.connect(self.add_transition)
        self.form.addRow("", self.new_plan)
        self.sent_on = self.add_row(
            tr("&Questionnaire sent on"),
            "questionnaire_sent_on",
            DateField(tr("End-of-service questionnaire sent on")),
            tr("The end-of-service questionnaire for the family; leave empty if not sent yet."),
        )
        self.sign = QCheckBox(tr("&Sign off now, in my name, as team lead or manager"))
        self.sign.setEnabled(current_actor(ctx.db).may(Permission.MANAGE_SERVICE))
        self.form.addRow("", self.sign)
        self.fill_transitions()
        self.finish()
        self.note.textChanged.connect(self.mark_dirty)

    def fill_transitions(self, chosen: int | None = None) -> None:
        self.transition.clear()
        self.transition.addItem(tr("None yet"), None)
        for plan in transitions.list_transitions(self.ctx.db, self.child_id):
            when = (
                format_date(plan.data.meeting_on) if plan.data.meeting_on else tr("no meeting yet")
            )
            self.transition.addItem(f"{plan.data.place or tr('Transition plan')} ({when})", plan.id)
        if chosen is not None:
            self.transition.setCurrentIndex(max(self.transition.findData(chosen), 0))

    def add_transition(self) -> None:
        dialog = TransitionDialog(self.ctx, self.child_id, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.fill_transitions(dialog.saved_id)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, ended_on=self.ended_on, questionnaire_sent_on=self.sent_on)
        data = EndInput(
            chosen(self.reason, EndReason),
            dates["ended_on"],
            self.decided_by.text(),
            self.note.toPlainText(),
            self.transition.currentData(),
        )
        sent_on = dates["questionnaire_sent_on"]
        sign = self.sign.isChecked()

        def store() -> None:
            # Saved step by step: if a later step is refused, Save again carries on from it
            # rather than ending the service twice.
            if self.ended is None:
                self.ended = end_of_service.end_service(self.ctx.db, self.referral_id, data)
            if sent_on is not None and self.ended.questionnaire_sent_on != sent_on:
                self.ended = end_of_service.questionnaire_sent(
                    self.ctx.db, self.referral_id, sent_on
                )
            if sign and not self.ended.signed_off:
                self.ended = end_of_service.sign_off(
                    self.ctx.db, self.referral_id, date.today(), self.ended.version
                )

        self.run_save(errors, store)

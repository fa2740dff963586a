"""Typing a returned evaluation questionnaire back in: choose the family's questionnaire, give
each scale question its number and copy each comment in the family's words, or mark it not
returned. Sending one to a family is noted here too."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import referrals
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus
from portage_desktop.services.service_quality import evaluation
from portage_desktop.services.service_quality.evaluation import QuestionKind, ReturnStatus
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.widgets import DateField, FieldErrors, heading
from portage_desktop.ui.service_quality.common import attempt


class QuestionnaireEntry(QWidget):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today or date.today()
        self.errors = FieldErrors()
        self._answers: dict[int, QComboBox | QPlainTextEdit] = {}
        self.returns = QComboBox()
        self.returns.setAccessibleName(tr("Questionnaire sent to"))
        self.returned_on = DateField(tr("Date it came back"))
        self.returned_on.set_value(self.today)
        self.questions = QFormLayout()
        self.save = QPushButton(tr("&Save answers"))
        self.not_returned = QPushButton(tr("Mark &not returned"))
        self.family = QComboBox()
        self.family.setAccessibleName(tr("Family to send a questionnaire to"))
        self.sent_on = DateField(tr("Date sent"))
        self.sent_on.set_value(self.today)
        self.send = QPushButton(tr("Note as s&ent"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Message"))

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Questionnaire:")))
        top.addWidget(self.returns, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.not_returned)
        buttons.addStretch(1)
        send = QHBoxLayout()
        send.addWidget(self.family, 1)
        send.addWidget(self._with_error("sent_on", self.sent_on))
        send.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        form = QFormLayout()
        form.addRow(tr("Came back on"), self._with_error("returned_on", self.returned_on))
        layout.addLayout(form)
        layout.addLayout(self.questions)
        layout.addLayout(buttons)
        layout.addWidget(heading(tr("Send a questionnaire"), 1.2))
        layout.addLayout(send)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.returns.currentIndexChanged.connect(self._show_return)
        self.save.clicked.connect(self._save)
        self.not_returned.clicked.connect(self._not_returned)
        self.send.clicked.connect(self._send)
        self.refresh()

    def _with_error(self, name: str, field: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(field)
        lay.addWidget(self.errors.label_for(name, field))
        return box

    def refresh(self, select: int | None = None) -> None:
        names = {r.id: r.child_name for r in referrals.list_referrals(self.ctx.db)}
        self.returns.blockSignals(True)
        self.returns.clear()
        for r in evaluation.list_returns(self.ctx.db):
            who = names.get(r.referral_id, "A family")
            self.returns.addItem(
                tr("{who}: sent {date} ({lower})").format(
                    who=who, date=format_date(r.sent_on), lower=r.status.label.lower()
                ),
                r.id,
            )
        self.returns.blockSignals(False)
        if select is not None:
            self.returns.setCurrentIndex(max(0, self.returns.findData(select)))
        self.family.clear()
        for r in referrals.list_referrals(
            self.ctx.db, (ReferralStatus.ALLOCATED, ReferralStatus.ENDED)
        ):
            self.family.addItem(r.child_name, r.id)
        self._show_return()

    def _show_return(self) -> None:
        while self.questions.rowCount():
            self.questions.removeRow(0)
        self._answers.clear()
        return_id = self.returns.currentData()
        found = [r for r in evaluation.list_returns(self.ctx.db) if r.id == return_id]
        if not found:
            return
        current = found[0]
        for n, q in enumerate(evaluation.questions_of(self.ctx.db, current.version), 1):
            given = current.answers.get(q.id)
            if q.kind is QuestionKind.SCALE:
                field: QComboBox | QPlainTextEdit = QComboBox()
                field.addItem(tr("No answer"), None)
                for i, word in enumerate(evaluation.SCALE_WORDS, 1):
                    field.addItem(f"{i} {word}", i)
                if isinstance(given, int):
                    field.setCurrentIndex(given)
            else:
                field = QPlainTextEdit(given if isinstance(given, str) else "")
                field.setTabChangesFocus(True)
                field.setMaximumHeight(60)
            field.setAccessibleName(tr("Question {n}: {text}").format(n=n, text=q.text))
            self._answers[q.id] = field
            self.questions.addRow(
                QLabel(f"{n}. {q.text}", wordWrap=True), self._with_error(f"q{q.id}", field)
            )
        if current.returned_on:
            self.returned_on.set_value(current.returned_on)

    def _save(self) -> None:
        return_id = self.returns.currentData()
        if return_id is None:
            self.message.setText(tr("No questionnaire has been sent yet."))
            return
        try:
            back = self.returned_on.value()
        except ValueError as exc:
            self.errors.show({"returned_on": str(exc)})
            return
        answers: dict[int, int | str | None] = {
            qid: (f.currentData() if isinstance(f, QComboBox) else f.toPlainText())
            for qid, f in self._answers.items()
        }
        saved = attempt(
            lambda: evaluation.record_answers(self.ctx.db, return_id, back, answers, self.today),
            self.errors,
            self.message,
        )
        if saved is not None:
            self.refresh(return_id)
            self.message.setText(tr("Answers saved."))

    def _not_returned(self) -> None:
        return_id = self.returns.currentData()
        if return_id is not None:
            evaluation.mark_not_returned(self.ctx.db, return_id)
            self.refresh(return_id)
            self.message.setText(
                tr("Marked {lower}.").format(lower=ReturnStatus.NOT_RETURNED.label.lower())
            )

    def _send(self) -> None:
        referral_id = self.family.currentData()
        if referral_id is None:
            return
        try:
            on = self.sent_on.value()
        except ValueError as exc:
            self.errors.show({"sent_on": str(exc)})
            return
        sent = attempt(
            lambda: evaluation.send(self.ctx.db, referral_id, on, self.today),
            self.errors,
            self.message,
        )
        if sent is not None:
            self.refresh(sent.id)
            self.message.setText(
                tr("Noted as sent. Print the blank questionnaire from the Print menu.")
            )

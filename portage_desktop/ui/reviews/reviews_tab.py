"""The Reviews tab: the child's reviews with parents (drafts marked), when the next is due,
and the chosen review in words; prepare a review from the records, record the meeting, make
the next plans from it and print the review report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import review_schedule
from portage_desktop.services import reviews as review_service
from portage_desktop.services import transitions as transition_service
from portage_desktop.services.dates import format_date, format_long
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.reviews import Review
from portage_desktop.ui.children.transition_dialog import TransitionDialog
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.reviews.review_dialog import ReviewDialog

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def review_html(review: Review) -> str:
    d = review.data
    state = tr("Held") if d.held else tr("Draft, prepared before the meeting")
    parts = [
        tr("<h3>{date} ({state})</h3>").format(date=escape(format_long(d.held_on)), state=state)
    ]
    who = "; ".join(x for x in (d.parents, d.staff, d.professionals) if x)
    parts.append(
        tr("<p><b>Who came:</b> {value}</p>").format(value=escape(who) or tr("not recorded yet"))
    )
    for key, label in (
        ("successes", tr("Successes")),
        ("parent_views", tr("The parent's views")),
        ("child_voice", tr("The child's voice")),
    ):
        if d.texts.get(key):
            parts.append(
                tr("<p><b>{label}:</b> {texts}</p>").format(label=label, texts=escape(d.texts[key]))
            )
    for p in d.plans:
        parts.append(
            tr("<p><b>{title}</b>: {label}; {label2}. {note}</p>").format(
                title=escape(p.title),
                label=p.progress.label,
                label2=p.decision.label,
                note=escape(p.note),
            )
        )
    for issue in d.issues:
        closed = (
            tr(", closed {date}").format(date=format_date(issue.closed_on))
            if issue.closed_on
            else ""
        )
        parts.append(
            tr("<p>Issue: {text} ({value}, by {value2}{closed})</p>").format(
                text=escape(issue.text),
                value=escape(issue.owner) or tr("no one named"),
                value2=format_date(issue.due_on) or tr("no date"),
                closed=closed,
            )
        )
    if d.agreed_on:
        parts.append(
            tr("<p>Agreed by {agreed_by} on {date}.</p>").format(
                agreed_by=escape(d.agreed_by), date=format_date(d.agreed_on)
            )
        )
    return "".join(parts)


class ReviewsTab(QWidget):
    """Lists the reviews, newest first, and shows the chosen one."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        printer: Callable[[str, int | None], None],
        plans_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.child_id = ctx, child_id
        self.printer, self.plans_changed = printer, plans_changed
        self.reviews: list[Review] = []
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.due.setAccessibleName(tr("When the next review is due"))
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Reviews with parents, newest first"))
        self.list.currentItemChanged.connect(lambda *_a: self._show())
        self.list.itemActivated.connect(lambda _i: self.open_selected())
        self.prepare_button = QPushButton(tr("&Record a review…"))
        self.prepare_button.setToolTip(
            tr(
                "Start a review with each plan's progress filled in from its records: save it as a "
                "draft before meeting the family, or record the meeting as held"
            )
        )
        self.open_button = QPushButton(tr("&Open…"))
        self.next_button = QPushButton(tr("Make the &next plans…"))
        self.next_button.setToolTip(tr("New plans for the next period, carrying on unmet steps"))
        self.print_button = QPushButton(tr("Print review re&port…"))
        self.prepare_button.clicked.connect(self.prepare)
        self.open_button.clicked.connect(self.open_selected)
        self.next_button.clicked.connect(self.make_next_plans)
        self.print_button.clicked.connect(lambda: self.printer("review-report", None))
        self.terms_button = QPushButton(tr("Ter&m dates…"))
        self.terms_button.setToolTip(tr("The setting's terms, which decide what is due this term"))
        self.terms_button.clicked.connect(self.edit_terms)
        buttons = QHBoxLayout()
        for b in (self.prepare_button, self.open_button, self.next_button, self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.terms_button)
        self.text = QTextBrowser()
        self.text.setAccessibleName(tr("The chosen review"))
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setSizes([300, 700])
        splitter.setChildrenCollapsible(False)
        self.transitions = QListWidget()
        self.transitions.setAccessibleName(tr("Transition plans (Enter opens one)"))
        self.transitions.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.transitions.itemActivated.connect(lambda _i: self.open_transition())
        self.new_transition_button = QPushButton(tr("New &transition plan…"))
        self.new_transition_button.clicked.connect(lambda: self._edit_transition(None, None))
        transition_row = QHBoxLayout()
        caption = QLabel(tr("Transition plans (moving in, or on to school):"))
        caption.setBuddy(self.transitions)
        transition_row.addWidget(caption, 1)
        transition_row.addWidget(self.new_transition_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.due)
        layout.addWidget(splitter, 1)
        layout.addLayout(transition_row)
        layout.addWidget(self.transitions)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self.reviews = review_service.list_reviews(self.ctx.db, self.child_id)
        keep = select or self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for r in reversed(self.reviews):
            state = "" if r.data.held else " (draft)"
            item = QListWidgetItem(f"{format_date(r.data.held_on)}{state}")
            item.setData(ID_ROLE, r.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        due = next(
            iter(review_schedule.reviews_due(self.ctx.db, date.today(), self.child_id)), None
        )
        self.due.setText(
            tr("Next review: {lower}, {date}.").format(
                lower=due.state.label.lower(), date=format_long(due.due_on)
            )
            if due
            else tr("No review is needed while there is no active plan.")
        )
        for b in (self.open_button, self.next_button, self.print_button):
            b.setEnabled(bool(ids))
        self._show()
        self.plans_to_move = transition_service.list_transitions(self.ctx.db, self.child_id)
        self.transitions.clear()
        for t in self.plans_to_move:
            open_actions = sum(1 for a in t.data.actions if a.done_on is None)
            when = format_date(t.data.meeting_on) or tr("meeting not held yet")
            item = QListWidgetItem(
                f"{t.data.kind.label} {t.data.place}".strip()
                + tr(" – {when}; actions still to do: {open_actions}").format(
                    when=when, open_actions=open_actions
                )
            )
            item.setData(ID_ROLE, t.id)
            self.transitions.addItem(item)

    def edit_terms(self) -> None:
        """Change the term start days from today; earlier days keep the terms they had."""
        current = review_schedule.terms_text(review_schedule.term_dates(self.ctx.db))
        text, ok = QInputDialog.getMultiLineText(
            self,
            tr("Term dates"),
            tr("One term a line: its name, a colon, and the day/month it starts (from January)."),
            current,
        )
        if not ok:
            return
        try:
            terms = review_schedule.parse_terms(text)
            review_schedule.save_term_dates(self.ctx.db, terms, date.today())
        except ValidationError as exc:
            QMessageBox.warning(self, tr("Not saved"), " ".join(exc.errors.values()))
            return
        except REFUSED as exc:
            refused(self, tr("Not saved"), exc)
            return
        self.refresh()

    def open_transition(self) -> None:
        item = self.transitions.currentItem()
        chosen = next(
            (t for t in self.plans_to_move if item is not None and t.id == item.data(ID_ROLE)),
            None,
        )
        if chosen is not None:
            self._edit_transition(chosen.data, chosen.id, chosen.version)

    def _edit_transition(self, data, plan_id: int | None, version: int | None = None) -> None:  # noqa: ANN001
        dialog = TransitionDialog(self.ctx, self.child_id, data, plan_id, self, version)
        if dialog.exec():
            self.refresh()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def selected(self) -> Review | None:
        return next((r for r in self.reviews if r.id == self.selected_id()), None)

    def _show(self) -> None:
        review = self.selected()
        self.text.setHtml(
            review_html(review)
            if review
            else tr(
                "<p>No reviews yet. Choose <b>Record a review</b> to start one, before or after "
                "meeting the family: each plan's progress is filled in from its records.</p>"
            )
        )

    def _edit(
        self,
        data: review_service.ReviewInput,
        review_id: int | None,
        version: int | None = None,
    ) -> None:
        dialog = ReviewDialog(self.ctx, self.child_id, data, review_id, self, version)
        if dialog.exec() and dialog.saved_id is not None:
            self.refresh(dialog.saved_id)

    def prepare(self) -> None:
        try:
            draft = review_service.prepare_review(self.ctx.db, self.child_id, date.today())
        except REFUSED as exc:
            refused(self, tr("Not possible"), exc)
            return
        self._edit(draft, None)

    def open_selected(self) -> None:
        review = self.selected()
        if review is not None:
            self._edit(review.data, review.id, review.version)

    def make_next_plans(self) -> None:
        review = self.selected()
        if review is None:
            return
        if not review.data.held:
            QMessageBox.information(
                self, tr("Not yet"), tr("Record the meeting first (tick that it has taken place).")
            )
            return
        start = date.today()
        answer = QMessageBox.question(
            self,
            tr("Make the next plans?"),
            tr(
                "For each plan to carry on or change, start a new plan today for 12 weeks with the "
                "small steps not yet learnt; plans marked Stop are stopped. Go ahead?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            made = review_service.carry_forward(
                self.ctx.db, self.child_id, review.id, start, start + timedelta(weeks=12)
            )
        except REFUSED as exc:
            refused(self, tr("Not done"), exc)
            return
        QMessageBox.information(
            self,
            tr("Next plans"),
            tr("{count} new plan(s) started; see the Goals and plans tab.").format(count=len(made)),
        )
        self.plans_changed()
        self.refresh(review.id)

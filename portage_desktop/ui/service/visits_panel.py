"""One family's visits: its blocks with planned against delivered, every visit, and what to do
with the chosen one (record it, make it up, print the family's copy, the block's review with
parents, the end of the service). Used by the Visits area beside its list of families."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import reviews as review_service
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import block_reviews, referrals, visits
from portage_desktop.services.home_visiting.referrals import Referral
from portage_desktop.services.home_visiting.visits import Block, Visit
from portage_desktop.services.home_visiting.vocabulary import ReferralStatus, VisitStatus
from portage_desktop.services.service_quality import monitoring
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.pdf_save import save_print
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.common.widgets import DateField
from portage_desktop.ui.reviews.review_dialog import ReviewDialog
from portage_desktop.ui.service.agreement_dialog import AgreementDialog
from portage_desktop.ui.service.block_dialog import WEEKDAYS, BlockDialog
from portage_desktop.ui.service.common import fill, make_table, selected, text_box
from portage_desktop.ui.service.end_of_service_dialog import EndOfServiceDialog
from portage_desktop.ui.service.visit_dialog import VisitDialog

BLOCK_COLUMNS: list[Column[Block]] = [
    Column(
        tr("Block"),
        lambda b: tr("{label}, {visit_count} visits").format(
            label=b.kind.label, visit_count=b.visit_count
        ),
    ),
    Column(
        tr("When"),
        lambda b: tr("{label}, {WEEKDAYS}s at {usual_time}").format(
            label=b.pattern.label, WEEKDAYS=WEEKDAYS[b.weekday], usual_time=b.usual_time
        ),
    ),
    Column(
        tr("Dates"),
        lambda b: tr("{date} to {date2}").format(
            date=format_date(b.start_on), date2=format_date(b.ends_on)
        ),
        lambda b: b.start_on,
    ),
    Column(
        tr("Delivered"),
        lambda b: tr("{delivered} of {planned} planned").format(
            delivered=b.delivered, planned=b.planned
        ),
        lambda b: b.delivered,
    ),
    Column(tr("Review"), lambda b: tr("Linked") if b.review_id else tr("Not yet")),
]


def _number(v: Visit) -> str:
    return "Make-up" if v.is_make_up else str(v.number)


def visit_columns(block_numbers: dict[int | None, int]) -> list[Column[Visit]]:
    """The visits' columns; ``block_numbers`` (filled on each refresh) numbers the blocks."""
    return [
        Column(tr("Block"), lambda v: str(block_numbers.get(v.block_id, "")), lambda v: v.on),
        *VISIT_COLUMNS,
    ]


VISIT_COLUMNS: list[Column[Visit]] = [
    Column(tr("Visit"), _number, lambda v: (v.number, v.on)),
    Column(tr("Date"), lambda v: format_date(v.on), lambda v: v.on),
    Column(tr("Time"), lambda v: v.planned_time),
    Column(tr("What happened"), lambda v: v.data.status.label),
    Column(tr("Where"), lambda v: v.data.place.label if v.data.place else ""),
    Column(tr("Notes written"), lambda v: tr("Yes") if v.data.shared_notes else ""),
]


class MakeUpDialog(RecordDialog):
    """The day (and time) of a visit in place of a cancelled or failed one."""

    def __init__(self, ctx: AppContext, missed: Visit, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx, tr("Make up the visit of {date}").format(date=format_date(missed.on)), parent
        )
        self.missed = missed
        self.on = self.add_row(tr("&Day *"), "on", DateField(tr("Day of the make-up visit")))
        self.time = self.add_row(tr("&Time"), "time", QLineEdit(), tr("Empty: the usual time."))
        self.finish()

    def save(self) -> None:
        errors: dict[str, str] = {}
        day = self.read_dates(errors, on=self.on)["on"]
        self.run_save(
            errors,
            lambda: visits.add_make_up_visit(self.ctx.db, self.missed.id, day, self.time.text()),
        )


class ParentViewDialog(RecordDialog):
    """What a parent said at a visit, in their own words, dated; kept as said."""

    def __init__(
        self, ctx: AppContext, child_id: int, visit: Visit | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, tr("What the parent said"), parent)
        self.child_id, self.visit = child_id, visit
        self.said_on = self.add_row(tr("&Date *"), "said_on", DateField(tr("Date it was said")))
        self.said_on.set_value(visit.on if visit is not None else date.today())
        self.words = self.add_row(
            tr("In their &words *"),
            "words",
            text_box(tr("What the parent said, in their words")),
            tr("Write it as they said it; it cannot be changed afterwards."),
        )
        self.finish()
        self.words.textChanged.connect(self.mark_dirty)

    def save(self) -> None:
        errors: dict[str, str] = {}
        said_on = self.read_dates(errors, said_on=self.said_on)["said_on"]
        self.run_save(
            errors,
            lambda: monitoring.add_parent_view(
                self.ctx.db,
                self.child_id,
                said_on,
                self.words.toPlainText(),
                date.today(),
                self.visit.id if self.visit is not None else None,
            ),
        )


class VisitsPanel(QWidget):
    """The blocks and visits of one child; :meth:`show_child` chooses the child."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.child_id: int | None = None
        self.child_name = ""
        self.referral: Referral | None = None
        self.blocks: list[Block] = []
        self.title = QLabel(tr("Choose a family."))
        self.title.setWordWrap(True)
        self.block_numbers: dict[int | None, int] = {}
        numbered = Column[Block](tr("No."), lambda b: str(self.block_numbers.get(b.id, "")))
        self.block_table, self.block_model = make_table(
            [numbered, *BLOCK_COLUMNS], tr("Blocks of visits")
        )
        self.visit_table, self.visit_model = make_table(
            visit_columns(self.block_numbers), tr("Visits")
        )
        self.visit_table.activated.connect(lambda _i: self.record_visit())
        self.buttons: dict[str, QPushButton] = {}
        rows = (
            (
                (tr("&Record the visit…"), self.record_visit),
                (tr("Make-&up visit…"), self.make_up),
                (tr("Print the family's cop&y…"), self.print_visit),
                (tr("What the parent s&aid…"), self.parent_said),
            ),
            (
                (tr("Service a&greement…"), self.agreement),
                (tr("Plan a b&lock…"), self.plan_block),
                (tr("Re&view with parents…"), self.block_review),
                (tr("E&nd the service…"), self.end_service),
            ),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        for row in rows:
            line = QHBoxLayout()
            for text, slot in row:
                button = QPushButton(text)
                button.clicked.connect(slot)
                self.buttons[text.replace("&", "").rstrip("…")] = button
                line.addWidget(button)
            line.addStretch(1)
            layout.addLayout(line)
        layout.addWidget(QLabel(tr("Blocks:")))
        layout.addWidget(self.block_table, 1)
        layout.addWidget(QLabel(tr("Visits (Enter records the chosen one):")))
        layout.addWidget(self.visit_table, 3)
        self.views = QListWidget()
        self.views.setAccessibleName(tr("What the parents said, newest first"))
        self.views.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        caption = QLabel(tr("What the parents said, in their words:"))
        caption.setBuddy(self.views)
        layout.addWidget(caption)
        layout.addWidget(self.views)

    def show_child(self, child_id: int | None, child_name: str = "") -> None:
        self.child_id, self.child_name = child_id, child_name
        self.refresh()

    def refresh(self) -> None:
        self.views.clear()
        if self.child_id is None:
            self.referral, self.blocks = None, []
            fill(self.block_table, self.block_model, [])
            fill(self.visit_table, self.visit_model, [])
            self.title.setText(tr("Choose a family."))
            return
        found = referrals.list_referrals(self.ctx.db, child_id=self.child_id)
        self.referral = found[-1] if found else None
        self.blocks = visits.list_blocks(self.ctx.db, self.child_id)
        self.block_numbers.clear()
        self.block_numbers.update(
            {b.id: n for n, b in enumerate(sorted(self.blocks, key=lambda b: b.start_on), 1)}
        )
        fill(self.block_table, self.block_model, self.blocks)
        shown = [v for v in visits.list_visits(self.ctx.db, self.child_id)]
        fill(self.visit_table, self.visit_model, shown)
        due = next((i for i, v in enumerate(shown) if v.data.status is VisitStatus.PLANNED), None)
        if shown:  # the next visit to write up, ready for Enter; else the latest
            self.visit_table.selectRow(len(shown) - 1 if due is None else due)
        status = self.referral.status.label if self.referral else tr("Not referred")
        if self.referral and self.referral.agreement_signed_on:
            status += tr("; agreement signed {date} by {agreement_signed_by}").format(
                date=format_date(self.referral.agreement_signed_on),
                agreement_signed_by=self.referral.agreement_signed_by,
            )
        self.title.setText(f"{self.child_name}: {status}")
        for view in reversed(monitoring.list_parent_views(self.ctx.db, self.child_id)):
            self.views.addItem(f"{format_date(view.said_on)}: “{view.words}” ({view.recorded_by})")

    def selected_visit(self) -> Visit | None:
        return selected(self.visit_table, self.visit_model)

    def _need_visit(self) -> Visit | None:
        visit = self.selected_visit()
        if visit is None:
            QMessageBox.information(
                self, tr("Choose a visit"), tr("Choose a visit in the list first.")
            )
        return visit

    def record_visit(self) -> None:
        visit = self._need_visit()
        if visit is None:
            return
        if VisitDialog(self.ctx, visit, self.child_name, self).exec():
            self.refresh()
            self._offer_review(visits.get_visit(self.ctx.db, visit.id))

    def _offer_review(self, visit: Visit) -> None:
        """The last visit of a block is its formal review with the parents."""
        block = self._block_of(visit)
        if block is None or block.review_id or visit.data.status is not VisitStatus.HELD:
            return
        if visit.number != block.visit_count:
            return
        answer = QMessageBox.question(
            self,
            tr("The block's review"),
            tr("This was the block's last visit. Record the review with the parents now?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._open_review(block, visit.on)

    def _block_of(self, visit: Visit | None) -> Block | None:
        if visit is not None:
            found = next((b for b in self.blocks if b.id == visit.block_id), None)
            if found is not None:
                return found
        chosen: Block | None = selected(self.block_table, self.block_model)
        return chosen

    def block_review(self) -> None:
        block = self._block_of(self.selected_visit())
        if block is None:
            QMessageBox.information(self, tr("No block"), tr("Plan a block of visits first."))
            return
        self._open_review(block, min(block.ends_on, date.today()))

    def _open_review(self, block: Block, on: date) -> None:
        review_id = block.review_id or block_reviews.start_block_review(self.ctx.db, block.id, on)
        review = next(
            r for r in review_service.list_reviews(self.ctx.db, block.child_id) if r.id == review_id
        )
        ReviewDialog(self.ctx, block.child_id, review.data, review.id, self, review.version).exec()
        self.refresh()

    def parent_said(self) -> None:
        if self.child_id is None:
            QMessageBox.information(self, tr("Choose a family"), tr("Choose a family first."))
            return
        if ParentViewDialog(self.ctx, self.child_id, self.selected_visit(), self).exec():
            self.refresh()

    def make_up(self) -> None:
        visit = self._need_visit()
        if visit is None:
            return
        if not (visit.data.status.is_cancelled or visit.data.status is VisitStatus.FAILED):
            QMessageBox.information(
                self, tr("Make-up visit"), tr("Only a cancelled or failed visit can be made up.")
            )
            return
        if MakeUpDialog(self.ctx, visit, self).exec():
            self.refresh()

    def print_visit(self) -> None:
        visit = self._need_visit()
        if visit is None or self.child_id is None:
            return
        stem = "visit-record-" + "-".join(self.child_name.lower().split())
        save_print(
            self,
            self.ctx.db,
            "visit-record",
            tr("Save the family's copy of the visit as PDF"),
            stem,
            child=self.child_id,
            plan=visit.id,
        )

    def agreement(self) -> None:
        if self.referral is None or self.referral.status is not ReferralStatus.ALLOCATED:
            QMessageBox.information(
                self,
                tr("Service agreement"),
                tr("The agreement is signed once a home visitor is allocated."),
            )
            return
        if AgreementDialog(self.ctx, self.referral, self).exec():
            self.refresh()

    def plan_block(self) -> None:
        if self.referral is None or self.referral.status is not ReferralStatus.ALLOCATED:
            QMessageBox.information(
                self,
                tr("Plan a block"),
                tr("Visits are planned once the family has a home visitor."),
            )
            return
        if BlockDialog(self.ctx, self.referral.id, self.child_name, self).exec():
            self.refresh()

    def end_service(self) -> None:
        ref = self.referral
        if ref is None or ref.status not in (ReferralStatus.WAITING, ReferralStatus.ALLOCATED):
            QMessageBox.information(
                self,
                tr("End the service"),
                tr("Only a waiting or visited family's service can end."),
            )
            return
        dialog = EndOfServiceDialog(self.ctx, ref.id, ref.child_id, self.child_name, self)
        if dialog.exec():
            self.ctx.hub.children_changed.emit()


def visits_tab(ctx: AppContext, child_id: int, child_name: str) -> VisitsPanel:
    """The Visits tab of a child's record (shown when the organisation is a service)."""
    panel = VisitsPanel(ctx)
    panel.layout().setContentsMargins(9, 9, 9, 9)
    panel.show_child(child_id, child_name)
    return panel

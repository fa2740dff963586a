"""The Dashboard's reviews with parents: how many are overdue, due this term, coming up, and
which children have had none yet, with the children listed so one can be opened; and the
issues families raised that are still open, with who follows each up and by when."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from portage_desktop.i18n import tr
from portage_desktop.services import review_schedule
from portage_desktop.services import reviews as review_service
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.review_schedule import Due
from portage_desktop.ui.common.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN = (Due.OVERDUE, Due.THIS_TERM, Due.COMING_UP)


class ReviewSummary(QGroupBox):
    """Counts in words and the children to see, soonest first; Enter opens the child's review."""

    open_review = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(tr("Reviews with parents"))
        self.ctx = ctx
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(tr("Reviews with parents: how many are due"))
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Children whose review is due (Enter opens it)"))
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        # One line each: measured once, not item by item (a large site lists over a thousand).
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(lambda item: self.open_review.emit(item.data(ID_ROLE)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        try:
            due = review_schedule.reviews_due(self.ctx.db, date.today())
        except PermissionDenied:
            self.counts.setText(tr("Log in to see the reviews that are due."))
            self.list.clear()
            return
        issues = review_service.open_issues(self.ctx.db)
        count = {state: sum(1 for r in due if r.state is state) for state in Due}
        never = sum(1 for r in due if r.last_review is None)
        self.counts.setText(
            tr(
                "Overdue: {count}. Due this term: {count2}. "
                "Coming up next term: {count3}. No review yet: {never}. "
                "Issues families raised, still open: {count4}."
            ).format(
                count=count[Due.OVERDUE],
                count2=count[Due.THIS_TERM],
                count3=count[Due.COMING_UP],
                never=never,
                count4=len(issues),
            )
        )
        self.list.clear()
        for r in due:
            if r.state not in SHOWN:
                continue
            last = (
                tr("last {date}").format(date=format_date(r.last_review))
                if r.last_review
                else tr("no review yet")
            )
            item = QListWidgetItem(
                tr("{label}: {name}, due {date} ({last})").format(
                    label=r.state.label, name=r.name, date=format_date(r.due_on), last=last
                )
            )
            item.setData(ID_ROLE, r.child_id)
            self.list.addItem(item)
        for i in issues:
            due = tr("by {date}").format(date=format_date(i.due_on)) if i.due_on else tr("no date")
            item = QListWidgetItem(
                tr("Issue raised: {child_name}: {text} ({value}, {due})").format(
                    child_name=i.child_name,
                    text=i.text,
                    value=i.owner or tr("no one named"),
                    due=due,
                )
            )
            item.setData(ID_ROLE, i.child_id)
            self.list.addItem(item)

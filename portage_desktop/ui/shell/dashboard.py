"""The Dashboard: the counts, reviews due, transition actions and the Stamp of Approval
summary a manager looks at first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import children as children_service
from portage_desktop.services import setting as setting_service
from portage_desktop.ui.children.transition_summary import TransitionSummary
from portage_desktop.ui.common.context import AppContext, RefreshWhenShown
from portage_desktop.ui.common.widgets import heading
from portage_desktop.ui.reviews.review_summary import ReviewSummary
from portage_desktop.ui.service.reminders_box import ServiceWarningsBox
from portage_desktop.ui.service.service_summary import ServiceSummaryBox
from portage_desktop.ui.service_quality.oversight_box import OversightBox
from portage_desktop.ui.shell.getting_started import GettingStarted
from portage_desktop.ui.stamp.stamp_summary import StampSummary


def _card(key: str, title: str, value_label: QLabel) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    column = QVBoxLayout(frame)
    value_label.setObjectName(f"count_{key}")  # the same in every language
    font = value_label.font()
    font.setPointSizeF(font.pointSizeF() * 2.2)
    font.setBold(True)
    value_label.setFont(font)
    caption = QLabel(title)
    caption.setObjectName(f"caption_{key}")
    value_label.setAccessibleName(title)
    column.addWidget(value_label)
    column.addWidget(caption)
    return frame


class DashboardPage(RefreshWhenShown, QWidget):
    """Counts that are true today, the Stamp of Approval, reviews with parents that are due,
    and transition actions still to do."""

    open_children = Signal()
    add_child = Signal()
    filled = Signal()  # a fill in steps is done: everything but the criteria is on screen

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, fill_in_steps: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = heading(tr("Dashboard"))
        self.children_count = QLabel()
        self.left_count = QLabel()
        self.staff_count = QLabel()
        cards = QGridLayout()
        cards.addWidget(
            _card("children_on_roll", tr("Children on roll"), self.children_count), 0, 0
        )
        cards.addWidget(
            _card("staff_working_here", tr("Staff working here"), self.staff_count), 0, 1
        )
        cards.addWidget(
            _card("children_who_have_left", tr("Children who have left"), self.left_count), 0, 2
        )
        open_children = QPushButton(tr("Open the &children list"))
        open_children.clicked.connect(self.open_children)
        add = QPushButton(tr("&Add a child"))
        add.clicked.connect(self.add_child)
        self.reviews = ReviewSummary(ctx)
        self.open_review = self.reviews.open_review
        self.transitions = TransitionSummary(ctx)
        self.transitions.open_child.connect(self.open_review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(cards)
        quick = QHBoxLayout()
        quick.addWidget(open_children)
        quick.addWidget(add)
        quick.addStretch(1)
        layout.addLayout(quick)
        self.getting_started = GettingStarted(ctx)
        layout.addWidget(self.getting_started)
        self.stamp = StampSummary(ctx, check_now=not fill_in_steps)
        self.open_stamp = self.stamp.open_stamp
        layout.addWidget(self.stamp)
        self.service_summary = ServiceSummaryBox(ctx)  # a service's own, in the Stamp's place
        layout.addWidget(self.service_summary)
        self.service_warnings = ServiceWarningsBox(ctx)
        layout.addWidget(self.service_warnings)
        self.oversight = OversightBox(ctx)
        layout.addWidget(self.oversight)
        layout.addWidget(self.reviews)
        layout.addWidget(self.transitions)
        layout.addStretch(1)
        for signal in (
            ctx.hub.children_changed,
            ctx.hub.staff_changed,
            ctx.hub.setting_changed,
            ctx.hub.database_replaced,
        ):
            signal.connect(self.refresh_if_shown)
        self._to_fill: list[Callable[[], None]] = []
        self._service = False
        if fill_in_steps:
            # As the records open: one part per turn of the event loop, so the window answers
            # in between (the whole Dashboard at once held it 110 ms on the large site).
            self._to_fill = [*self._parts(), self.stamp.refresh]  # the check on a worker last
            QTimer.singleShot(0, self._fill_next)
        else:
            self.refresh()

    def _parts(self) -> list[Callable[[], None]]:
        return [self._refresh_counts, self.reviews.refresh, self.transitions.refresh, self._rest]

    def _fill_next(self) -> None:
        if not self._to_fill:
            return  # a whole refresh came first
        if not self.window().isVisible():
            # Closed before it was filled in: read nothing more now (the records may be gone
            # with the window); it is refreshed whole if it is shown again.
            self._to_fill.clear()
            self._stale = True
            return
        self._to_fill.pop(0)()
        if self._to_fill:
            QTimer.singleShot(0, self._fill_next)
        else:
            self.filled.emit()

    @property
    def filling(self) -> bool:
        """True until a fill in steps is done."""
        return bool(self._to_fill)

    def finish_filling(self) -> None:
        """Fill in at once what is still to come, for code that reads the page straight away."""
        if self._to_fill:
            self.refresh()

    def refresh(self) -> None:
        filling = bool(self._to_fill)
        self._to_fill.clear()
        for part in self._parts():
            part()
        if filling:
            self.stamp.refresh()  # not asked for yet
            self.filled.emit()

    def _refresh_counts(self) -> None:
        info = setting_service.get_setting(self.ctx.db)
        self.title.setText(
            tr("Dashboard: {name}").format(name=info.name) if info else tr("Dashboard")
        )
        summary = children_service.roll_summary(self.ctx.db, date.today())
        self.children_count.setText(str(summary.children_on_roll))
        self.staff_count.setText(str(summary.current_staff))
        self.left_count.setText(str(summary.children_archived))
        service = info is not None and info.kind.is_service
        # A service has no roll: its children are the families it knows.
        on_roll = tr("Children known to the service") if service else tr("Children on roll")
        caption = self.findChild(QLabel, "caption_children_on_roll")
        if caption is not None:
            caption.setText(on_roll)
        self.children_count.setAccessibleName(on_roll)
        self._service = service
        # At once, not when the check is asked for last: a service has no Stamp to show.
        self.stamp.setVisible(not service)

    def _rest(self) -> None:
        self.getting_started.refresh()
        if self._service:
            self.getting_started.setVisible(False)  # a service starts from a referral
        self.service_summary.refresh()
        self.service_warnings.refresh()
        self.oversight.refresh()

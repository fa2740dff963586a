"""The service's summary on the Dashboard, in the place a setting sees its Stamp of Approval;
hidden unless the organisation is a home-visiting service."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import summary
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.service.common import is_service


def _families(count: int) -> str:
    return "1 family" if count == 1 else f"{count} families"


def _wait(days: int) -> str:
    if days < 14:
        return "1 day" if days == 1 else f"{days} days"
    return f"{days // 7} weeks"


class ServiceSummaryBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("This service today", parent)
        self.ctx = ctx
        self.shown = False
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Service summary")
        QVBoxLayout(self).addWidget(self.text)

    def refresh(self, today: date | None = None) -> None:
        self.shown = is_service(self.ctx.db)
        self.setVisible(self.shown)
        if not self.shown:
            return
        try:
            s = summary.summary(self.ctx.db, today or date.today())
        except PermissionDenied as exc:
            self.text.setText(str(exc))
            return
        waiting = f"Waiting: {_families(s.waiting)}"
        if s.waiting:
            waiting += f", the longest for {_wait(s.longest_wait_days)}"
        sessions = (
            "1 group session" if s.group_sessions == 1 else (f"{s.group_sessions} group sessions")
        )
        self.text.setText(
            f"{waiting}.\n"
            f"With a home visitor: {_families(s.allocated)}.\n"
            f"This week (from {format_date(s.week_from)}): {s.visits_held} of "
            f"{s.visits_planned} visits held so far, and {sessions}."
        )

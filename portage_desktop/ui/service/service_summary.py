"""The service's summary on the Dashboard, in the place a setting sees its Stamp of Approval;
hidden unless the organisation is a home-visiting service."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import summary
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.service.common import is_service


def _families(count: int) -> str:
    return tr("1 family") if count == 1 else tr("{count} families").format(count=count)


def _wait(days: int) -> str:
    if days < 14:
        return tr("1 day") if days == 1 else tr("{days} days").format(days=days)
    return tr("{value} weeks").format(value=days // 7)


class ServiceSummaryBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("This service today"), parent)
        self.ctx = ctx
        self.shown = False
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(tr("Service summary"))
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
        waiting = tr("Waiting: {families}").format(families=_families(s.waiting))
        if s.waiting:
            waiting += tr(", the longest for {wait}").format(wait=_wait(s.longest_wait_days))
        sessions = (
            tr("1 group session")
            if s.group_sessions == 1
            else tr("{group_sessions} group sessions").format(group_sessions=s.group_sessions)
        )
        self.text.setText(
            tr(
                "{waiting}.\n"
                "With a home visitor: {families}.\n"
                "This week (from {date}): {visits_held} of "
                "{visits_planned} visits held so far, and {sessions}."
            ).format(
                waiting=waiting,
                families=_families(s.allocated),
                date=format_date(s.week_from),
                visits_held=s.visits_held,
                visits_planned=s.visits_planned,
                sessions=sessions,
            )
        )

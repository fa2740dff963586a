"""The Stamp of Approval check, worked out on a worker thread for every screen that shows it.

On the largest site the check reads every child's plans, reviews and goals (about a quarter of a
second): on the GUI thread it froze the Dashboard as it opened, the Stamp page and the wizard.
One checker per open set of records runs one check at a time; asks that come while it runs are
folded into one more run, so the Dashboard and the Stamp page share each result.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from portage_desktop.services.stamp_check import StampCheck, check_stamp
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.service_errors import explain
from portage_desktop.ui.common.tasks import run_in_background


class StampChecker(QObject):
    """``ready(check)`` on the GUI thread after each check; ``failed(message)`` if one fails."""

    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.latest: StampCheck | None = None
        self.running = False
        self._again = False

    def request(self) -> None:
        """Check again soon; the records may have changed since the last check."""
        if self.running:
            self._again = True
            return
        self.running = True
        db, today = self.ctx.db, date.today()
        run_in_background(lambda: check_stamp(db, today), self._done, self._failed)

    def _done(self, check: StampCheck) -> None:
        self.running = False
        if self._again:  # the records changed while it ran: this result is already old
            self._again = False
            self.request()
            return
        self.latest = check
        self.ready.emit(check)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._again = False
        self.failed.emit(explain(exc))


def checker_for(ctx: AppContext) -> StampChecker:
    """The one checker for ``ctx``'s records (made on first use, kept with them)."""
    found = ctx.__dict__.get("stamp_checker")
    if found is None:
        found = StampChecker(ctx)
        ctx.__dict__["stamp_checker"] = found
    return found

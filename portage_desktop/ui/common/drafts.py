"""Keeps a draft of a long form in the database while it is typed, and offers it back after an
unexpected close, so an hour with a parent is never lost to a crash."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services import drafts as draft_service
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_datetime
from portage_desktop.services.errors import NotFoundError
from portage_desktop.ui.common.context import AppContext

log = logging.getLogger(__name__)
DELAY_MS = 3000


class DraftKeeper(QObject):
    """Call :meth:`changed` on every edit; the draft is written a few seconds after the last."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        kind: str,
        target_id: int | None,
        collect: Callable[[], dict[str, Any]],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.child_id, self.kind, self.target_id = ctx, child_id, kind, target_id
        self.collect = collect
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.save_now)

    def offer(self, what: str, restore: Callable[[dict[str, Any]], None]) -> bool:
        """If an unsaved draft exists, ask whether to carry on with it; True if restored."""
        draft = draft_service.find_draft(self.ctx.db, self.child_id, self.kind, self.target_id)
        if draft is None:
            return False
        answer = QMessageBox.question(
            self.parent(),  # type: ignore[arg-type]
            tr("Carry on where you left off?"),
            tr(
                "There is {what} that was not saved, last changed at "
                "{date} (perhaps the app or the computer "
                "closed unexpectedly).\n\nCarry on with it? Choose No to start again; the unsaved "
                "draft will then be thrown away."
            ).format(what=what, date=format_datetime(draft.saved_at.astimezone())),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            restore(draft.payload)
            return True
        self.discard()
        return False

    def changed(self) -> None:
        self.timer.start()

    def save_now(self) -> None:
        self.timer.stop()
        try:
            draft_service.save_draft(
                self.ctx.db, self.child_id, self.kind, self.target_id, self.collect()
            )
        except (PermissionDenied, NotFoundError):
            return  # the explicit Save explains these; a draft failing quietly loses nothing
        except Exception as exc:  # a draft must never interrupt the person typing
            log.error("Could not keep a draft (%s)", type(exc).__name__)  # no record content

    def discard(self) -> None:
        self.timer.stop()
        try:
            draft_service.discard_draft(self.ctx.db, self.child_id, self.kind, self.target_id)
        except (PermissionDenied, NotFoundError):
            return

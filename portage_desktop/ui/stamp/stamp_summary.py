"""The Dashboard's Stamp of Approval summary: each criterion in a line, and warnings first."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services import setting as setting_service
from portage_desktop.services.stamp_check import StampCheck
from portage_desktop.ui.common import theme
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.theme import error_style
from portage_desktop.ui.stamp.check_worker import checker_for

CHECKING = tr("Checking the criteria against your records…")


class StampSummary(QGroupBox):
    open_stamp = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, check_now: bool = True
    ) -> None:
        """``check_now``: ask for the check at once; otherwise the owner calls :meth:`refresh`
        when ready (the Dashboard, once its own parts are on screen: the check on a worker
        shares Python with the window, and made each part take twice as long)."""
        super().__init__(tr("Stamp of Approval"), parent)
        self.ctx = ctx
        self.warnings = QLabel()
        self.warnings.setObjectName("dashboard_stamp_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(error_style())
        self.summary = QLabel()
        self.summary.setObjectName("dashboard_stamp_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(tr("Stamp of Approval criteria"))
        button = QPushButton(tr("Open the &Stamp of Approval"))
        button.clicked.connect(self.open_stamp)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warnings)
        layout.addWidget(self.summary)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        for signal in (
            ctx.hub.staff_changed,
            ctx.hub.setting_changed,
            ctx.hub.children_changed,
            ctx.hub.database_replaced,
        ):
            signal.connect(self.refresh)
        self.checker = checker_for(ctx)
        self.checker.ready.connect(self._show)
        self.checker.failed.connect(self._failed)
        self.summary.setText(CHECKING)
        if check_now:
            self.refresh()

    def refresh(self) -> None:
        """Ask for the check again; it is shown when the worker has it (see ``check_worker``)."""
        info = setting_service.get_setting(self.ctx.db)
        if info is not None and info.kind.is_service:
            self.setVisible(False)  # the Stamp is for settings; a service has its own check
            return
        self.setVisible(True)
        self.checker.request()

    def _failed(self, message: str) -> None:
        self.warnings.setText(
            tr("⚠ The criteria could not be checked just now. {message}").format(message=message)
        )
        self.warnings.setVisible(True)

    def _show(self, check: StampCheck) -> None:
        self.warnings.setText("\n".join(f"⚠ {w}" for w in check.warnings))
        self.warnings.setVisible(bool(check.warnings))
        colours = theme.current(self.palette())
        rows = "".join(
            f"<tr><td style='background:{colours.status_tints[r.status.value]}; "
            f"color:{colours.status_ink}; padding: 0 6px'>"
            f"{r.status.symbol} {escape(r.status.label)}</td>"
            f"<td style='padding-left: 8px'>{r.number}. {escape(r.title)}</td></tr>"
            for r in check.results
        )
        self.summary.setText(f"<p><b>{escape(check.headline)}</b></p><table>{rows}</table>")

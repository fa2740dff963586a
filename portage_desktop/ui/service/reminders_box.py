"""The service's warnings on the Dashboard, each with the child and the date: eligibility
ending, failed visits in a row, a block ending without a review, a family waiting past the
target, a home visitor over capacity, and visits not written up in time."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import reminders
from portage_desktop.services.home_visiting.reminders import ServiceWarning
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.service.common import fill, is_service, make_table

ROWS = 3  # rows in view; the rest scroll, so the Dashboard still fits a 768-pixel screen

COLUMNS: list[Column[ServiceWarning]] = [
    Column(tr("Date"), lambda w: format_date(w.on), lambda w: w.on),
    Column(tr("Warning"), lambda w: f"⚠ {w.kind.label}"),
    Column(tr("Child"), lambda w: w.child_name or "—"),
    Column(tr("Details"), lambda w: w.text, tooltip=lambda w: w.text),
]


class ServiceWarningsBox(QGroupBox):
    """Hidden unless the organisation is a home-visiting service."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Service reminders and warnings"), parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table, self.model = make_table(COLUMNS, tr("Service reminders and warnings"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        if not is_service(self.ctx.db):
            self.setVisible(False)
            return
        self.setVisible(True)
        try:
            found = reminders.warnings(self.ctx.db)
        except PermissionDenied as exc:
            self.summary.setText(str(exc))
            found = []
        fill(self.table, self.model, found)
        self.table.clearSelection()
        self.summary.setText(
            tr("{count} to look at, soonest first.").format(count=len(found))
            if found
            else tr("Nothing needs attention today.")
        )
        self.table.setVisible(bool(found))
        rows = min(len(found), ROWS)
        row_height = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + row_height * max(rows, 1) + 4)

"""The team lead's lines on a service's Dashboard: each home visitor's last supervision, the
last team meeting and the joint visits due, what needs doing first. Shown to those who run
the service (team leads and managers), and only when the organisation is a service."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.access import Permission, current_actor
from portage_desktop.services.dates import format_date
from portage_desktop.services.service_quality.oversight import OversightLine, oversight
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.service.common import fill, is_service, make_table

ROWS = 4  # rows in view; the rest scroll, so the Dashboard still fits a small screen

COLUMNS: list[Column[OversightLine]] = [
    Column("", lambda x: f"{x.symbol} {x.kind}"),
    Column(tr("Who"), lambda x: x.who),
    Column(tr("Date"), lambda x: format_date(x.on), lambda x: x.on or date.min),
    Column(tr("Details"), lambda x: x.text, tooltip=lambda x: x.text),
]


class OversightBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Supervision, team meetings and joint visits"), parent)
        self.ctx = ctx
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table, self.model = make_table(
            COLUMNS, tr("Supervision, team meetings and joint visits")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self, today: date | None = None) -> None:
        runs_it = current_actor(self.ctx.db).may(Permission.MANAGE_SERVICE)
        if not (runs_it and is_service(self.ctx.db)):
            self.setVisible(False)
            return
        self.setVisible(True)
        lines = oversight(self.ctx.db, today or date.today())
        fill(self.table, self.model, lines)
        self.table.clearSelection()
        late = sum(x.needs_doing for x in lines)
        self.summary.setText(
            tr("{late} to arrange, most urgent first.").format(late=late)
            if late
            else tr("All up to date.")
        )
        shown = min(len(lines), ROWS)
        row = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + row * max(shown, 1) + 4)

"""The Visits area: the families with a home visitor (a home visitor sees her own; managers see
all) beside the chosen family's blocks and visits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.home_visiting import caseloads
from portage_desktop.services.home_visiting.caseloads import Family
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.common.widgets import heading
from portage_desktop.ui.service.common import fill, make_table, selected
from portage_desktop.ui.service.visits_panel import VisitsPanel


class _Row:
    """A family with the name of her home visitor, for the list."""

    def __init__(self, family: Family, visitor: str) -> None:
        self.family, self.visitor = family, visitor


COLUMNS: list[Column[_Row]] = [
    Column(tr("Child"), lambda r: r.family.child_name),
    Column(tr("Home visitor"), lambda r: r.visitor),
]


class VisitsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.families, self.model = make_table(COLUMNS, tr("Families with a home visitor"))
        self.panel = VisitsPanel(ctx)
        self.message = QLabel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(tr("Families:")))
        column.addWidget(self.families)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Visits")))
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.families.selectionModel().selectionChanged.connect(self.show_family)
        ctx.hub.children_changed.connect(self.refresh)
        ctx.hub.database_replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.panel.child_id
        try:
            loads = caseloads.caseloads(self.ctx.db)
        except PermissionDenied as exc:
            self.message.setText(str(exc))
            loads = []
        rows = sorted(
            (_Row(f, c.visitor.name) for c in loads for f in c.families),
            key=lambda r: r.family.child_name,
        )
        self.message.setText(
            tr("{count} families with a home visitor.").format(count=len(rows))
            if rows
            else tr("No family has a home visitor yet: allocate one from the Waiting list.")
        )
        fill(self.families, self.model, rows)
        for i, row in enumerate(rows):
            if row.family.child_id == chosen:
                self.families.selectRow(i)
        self.show_family()

    def show_family(self, *_args: object) -> None:
        row: _Row | None = selected(self.families, self.model)
        if row is None:
            self.panel.show_child(None)
        else:
            self.panel.show_child(row.family.child_id, row.family.child_name)

"""The Dashboard's transition actions: every action not yet done for a child on roll, soonest
first, overdue ones said in words; Enter opens the child's Reviews tab, where transitions are."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from portage_desktop.i18n import tr
from portage_desktop.services import transitions
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.ui.common.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TransitionSummary(QGroupBox):
    open_child = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(tr("Transition actions"))
        self.ctx = ctx
        self.counts = QLabel()
        self.counts.setAccessibleName(tr("Transition actions: how many are open"))
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Transition actions not yet done (Enter opens the child)"))
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        # One line each: measured once, not item by item (a large site lists over a thousand).
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(lambda item: self.open_child.emit(item.data(ID_ROLE)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.list)

    def refresh(self) -> None:
        try:
            found = transitions.open_actions(self.ctx.db)
        except PermissionDenied:
            self.counts.setText(tr("Log in to see transition actions."))
            self.list.clear()
            return
        today = date.today()
        late = sum(1 for a in found if a.due_on and a.due_on < today)
        self.counts.setText(
            tr("Transition actions still to do: {count}, overdue: {late}.").format(
                count=len(found), late=late
            )
        )
        self.list.clear()
        for a in found:
            state = tr("Overdue") if a.due_on and a.due_on < today else tr("To do")
            due = tr("by {date}").format(date=format_date(a.due_on)) if a.due_on else tr("no date")
            item = QListWidgetItem(
                f"{state}: {a.child_name}: {a.text} ({a.owner or tr('no one named')}, {due})"
            )
            item.setData(ID_ROLE, a.child_id)
            self.list.addItem(item)

"""The Caseloads area: each home visitor's families, visits and hours a week against the
service's limits (over capacity said in words and a symbol, never by colour alone); moving a
family to another visitor (the history is kept); and when places free up, with who is next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.services.access import PermissionDenied, Role, current_actor
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import caseloads, referrals, rules
from portage_desktop.services.home_visiting.caseloads import Caseload, Family, FreePlace
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.common.widgets import heading
from portage_desktop.ui.service.common import fill, make_table, selected
from portage_desktop.ui.service.waiting_dialogs import AllocateDialog


def room(load: Caseload) -> str:
    if load.over_capacity:
        return "⚠ Over capacity"
    free = load.free_families
    return f"Room for {free:g} more" if free > 0 else "Full"


def _columns(hours_per_visit: int) -> list[Column[Caseload]]:
    return [
        Column("Home visitor", lambda c: c.visitor.name),
        Column(
            "Working time", lambda c: f"{c.visitor.fte_percent}%", lambda c: c.visitor.fte_percent
        ),
        Column(
            "Families",
            lambda c: f"{len(c.families)} of {c.family_limit:g}",
            lambda c: len(c.families),
        ),
        Column(
            "Visits a week",
            lambda c: f"{c.visits_per_week:g} of {c.visit_limit:g}",
            lambda c: c.visits_per_week,
        ),
        Column(
            "Hours a week",
            lambda c: f"{c.hours_per_week:g} of {c.visit_limit * hours_per_visit:g}",
            lambda c: c.hours_per_week,
        ),
        Column("Capacity", room),
    ]


FAMILY_COLUMNS: list[Column[Family]] = [
    Column("Child", lambda f: f.child_name),
    Column("Since", lambda f: format_date(f.allocated_on), lambda f: f.allocated_on),
    Column("Visits a week", lambda f: f"{f.visits_per_week:g}", lambda f: f.visits_per_week),
    Column(
        "Block ends",
        lambda f: format_date(f.block_ends_on) if f.block_ends_on else "No block planned",
        lambda f: f.block_ends_on or date.max,
    ),
    Column(
        "Place frees up",
        lambda f: f"{format_date(f.frees_on)} ({f.frees_because})",
        lambda f: f.frees_on,
    ),
]
PLAN_COLUMNS: list[Column[FreePlace]] = [
    Column("Frees up", lambda p: format_date(p.on), lambda p: p.on),
    Column("Home visitor", lambda p: p.visitor_name),
    Column("Family now", lambda p: f"{p.child_name} ({p.because})"),
    Column("Next on the waiting list", lambda p: p.next_family or "Nobody waiting"),
]


class CaseloadsPage(QWidget):
    """Visitors above, the chosen visitor's families below, capacity planning at the bottom."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        per_visit = rules.rules_on(ctx.db, date.today()).hours_per_visit
        self.table, self.model = make_table(_columns(per_visit), "Home visitors' caseloads")
        self.families, self.families_model = make_table(FAMILY_COLUMNS, "Families")
        self.plan, self.plan_model = make_table(PLAN_COLUMNS, "When places free up")
        self.everyone = QCheckBox("&Show every home visitor")
        actor = current_actor(ctx.db)
        self.everyone.setVisible(actor.role is Role.HOME_VISITOR)
        self.everyone.toggled.connect(self.refresh)
        self.move_button = QPushButton("Change the home &visitor…")
        self.history_button = QPushButton("&Allocation history…")
        self.move_button.clicked.connect(self.reassign)
        self.history_button.clicked.connect(self.show_history)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.everyone)
        buttons.addStretch(1)
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.history_button)
        split = QSplitter(Qt.Orientation.Vertical)
        for title, view in (
            ("", self.table),
            ("Families of the chosen home visitor:", self.families),
            ("When places free up, and who is next:", self.plan),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            if title:
                column.addWidget(QLabel(title))
            column.addWidget(view)
            split.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Caseloads"))
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.table.selectionModel().selectionChanged.connect(self.show_visitor)
        ctx.hub.children_changed.connect(self.refresh)
        ctx.hub.staff_changed.connect(self.refresh)
        ctx.hub.database_replaced.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        try:
            loads = caseloads.caseloads(self.ctx.db, everyone=self.everyone.isChecked())
            plan = caseloads.capacity_plan(self.ctx.db)
        except PermissionDenied as exc:
            self.message.setText(str(exc))
            loads, plan = [], []
        fill(self.table, self.model, loads)
        fill(self.plan, self.plan_model, plan)
        over = [c.visitor.name for c in loads if c.over_capacity]
        self.message.setText(
            f"⚠ Over capacity: {', '.join(over)}." if over else "Nobody is over capacity."
        )
        self.show_visitor()

    def show_visitor(self, *_args: object) -> None:
        load: Caseload | None = selected(self.table, self.model)
        fill(self.families, self.families_model, list(load.families) if load else [])

    def _family(self) -> Family | None:
        family: Family | None = selected(self.families, self.families_model)
        if family is None:
            self.message.setText("Choose a family first.")
        return family

    def reassign(self) -> None:
        family = self._family()
        if family is None:
            return
        version = referrals.get_referral(self.ctx.db, family.referral_id).version
        dialog = AllocateDialog(
            self.ctx, family.referral_id, family.child_name, version, moving=True, parent=self
        )
        if dialog.exec():
            self.ctx.hub.children_changed.emit()
            self.message.setText(f"{family.child_name} has a new home visitor.")

    def show_history(self) -> None:
        family = self._family()
        if family is None:
            return
        lines = [
            f"{h.visitor_name}: from {format_date(h.from_on)}"
            + (f" to {format_date(h.until_on)}" if h.until_on else " (now)")
            + (f". {h.reason}" if h.reason else "")
            + (f" (by {h.by_name})" if h.by_name else "")
            for h in caseloads.allocation_history(self.ctx.db, family.referral_id)
        ]
        QMessageBox.information(
            self, f"Home visitors of {family.child_name}", "\n".join(lines) or "None yet."
        )

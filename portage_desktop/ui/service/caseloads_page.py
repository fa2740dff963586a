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

from portage_desktop.i18n import tr
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
        return tr("⚠ Over capacity")
    free = load.free_families
    return tr("Room for {free:g} more").format(free=free) if free > 0 else tr("Full")


def _columns(hours_per_visit: int) -> list[Column[Caseload]]:
    return [
        Column(tr("Home visitor"), lambda c: c.visitor.name),
        Column(
            tr("Working time"),
            lambda c: f"{c.visitor.fte_percent}%",
            lambda c: c.visitor.fte_percent,
        ),
        Column(
            tr("Families"),
            lambda c: tr("{count} of {family_limit:g}").format(
                count=len(c.families), family_limit=c.family_limit
            ),
            lambda c: len(c.families),
        ),
        Column(
            tr("Visits a week"),
            lambda c: tr("{visits_per_week:g} of {visit_limit:g}").format(
                visits_per_week=c.visits_per_week, visit_limit=c.visit_limit
            ),
            lambda c: c.visits_per_week,
        ),
        Column(
            tr("Hours a week"),
            lambda c: tr("{hours_per_week:g} of {value:g}").format(
                hours_per_week=c.hours_per_week, value=c.visit_limit * hours_per_visit
            ),
            lambda c: c.hours_per_week,
        ),
        Column(tr("Capacity"), room),
    ]


FAMILY_COLUMNS: list[Column[Family]] = [
    Column(tr("Child"), lambda f: f.child_name),
    Column(tr("Since"), lambda f: format_date(f.allocated_on), lambda f: f.allocated_on),
    Column(tr("Visits a week"), lambda f: f"{f.visits_per_week:g}", lambda f: f.visits_per_week),
    Column(
        tr("Block ends"),
        lambda f: format_date(f.block_ends_on) if f.block_ends_on else tr("No block planned"),
        lambda f: f.block_ends_on or date.max,
    ),
    Column(
        tr("Place frees up"),
        lambda f: f"{format_date(f.frees_on)} ({f.frees_because})",
        lambda f: f.frees_on,
    ),
]
PLAN_COLUMNS: list[Column[FreePlace]] = [
    Column(tr("Frees up"), lambda p: format_date(p.on), lambda p: p.on),
    Column(tr("Home visitor"), lambda p: p.visitor_name),
    Column(tr("Family now"), lambda p: f"{p.child_name} ({p.because})"),
    Column(tr("Next on the waiting list"), lambda p: p.next_family or tr("Nobody waiting")),
]


class CaseloadsPage(QWidget):
    """Visitors above, the chosen visitor's families below, capacity planning at the bottom."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        per_visit = rules.rules_on(ctx.db, date.today()).hours_per_visit
        self.table, self.model = make_table(_columns(per_visit), tr("Home visitors' caseloads"))
        self.families, self.families_model = make_table(FAMILY_COLUMNS, tr("Families"))
        self.plan, self.plan_model = make_table(PLAN_COLUMNS, tr("When places free up"))
        self.everyone = QCheckBox(tr("&Show every home visitor"))
        actor = current_actor(ctx.db)
        self.everyone.setVisible(actor.role is Role.HOME_VISITOR)
        self.everyone.toggled.connect(self.refresh)
        self.move_button = QPushButton(tr("Change the home &visitor…"))
        self.history_button = QPushButton(tr("&Allocation history…"))
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
            (tr("Families of the chosen home visitor:"), self.families),
            (tr("When places free up, and who is next:"), self.plan),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            if title:
                column.addWidget(QLabel(title))
            column.addWidget(view)
            split.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Caseloads")))
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
            tr("⚠ Over capacity: {join}.").format(join=", ".join(over))
            if over
            else tr("Nobody is over capacity.")
        )
        self.show_visitor()

    def show_visitor(self, *_args: object) -> None:
        load: Caseload | None = selected(self.table, self.model)
        fill(self.families, self.families_model, list(load.families) if load else [])

    def _family(self) -> Family | None:
        family: Family | None = selected(self.families, self.families_model)
        if family is None:
            self.message.setText(tr("Choose a family first."))
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
            self.message.setText(
                tr("{child_name} has a new home visitor.").format(child_name=family.child_name)
            )

    def show_history(self) -> None:
        family = self._family()
        if family is None:
            return
        lines = [
            tr("{visitor_name}: from {date}").format(
                visitor_name=h.visitor_name, date=format_date(h.from_on)
            )
            + (tr(" to {date}").format(date=format_date(h.until_on)) if h.until_on else " (now)")
            + (f". {h.reason}" if h.reason else "")
            + (tr(" (by {by_name})").format(by_name=h.by_name) if h.by_name else "")
            for h in caseloads.allocation_history(self.ctx.db, family.referral_id)
        ]
        QMessageBox.information(
            self,
            tr("Home visitors of {child_name}").format(child_name=family.child_name),
            "\n".join(lines) or tr("None yet."),
        )

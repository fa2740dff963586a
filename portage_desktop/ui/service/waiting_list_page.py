"""The Waiting list area: families in priority order, each with the one sentence that explains
its place, time waited and the day the child stops being eligible; dated contact notes; a move
by hand with its reason; and allocation to a home visitor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import referrals, waiting_list
from portage_desktop.services.home_visiting.referrals import ContactNote
from portage_desktop.services.home_visiting.waiting_list import WaitingFamily
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.table_model import Column
from portage_desktop.ui.common.widgets import heading
from portage_desktop.ui.service.common import fill, make_table, selected
from portage_desktop.ui.service.waiting_dialogs import (
    AllocateDialog,
    ContactNoteDialog,
    MoveDialog,
)


def waited(days: int) -> str:
    weeks = days // 7
    if weeks == 0:
        return tr("{days} day{value}").format(days=days, value="s" if days != 1 else "")
    return tr("{weeks} week{value}").format(weeks=weeks, value="s" if weeks != 1 else "")


COLUMNS: list[Column[WaitingFamily]] = [
    Column(tr("Place"), lambda f: str(f.position), lambda f: f.position),
    Column(tr("Child"), lambda f: f.child_name),
    Column(
        tr("Waited"),
        lambda f: waited(f.days_waited) + (tr(" ⚠ past target") if f.over_target else ""),
        lambda f: f.days_waited,
    ),
    Column(
        tr("Eligible until"), lambda f: format_date(f.eligible_until), lambda f: f.eligible_until
    ),
    Column(tr("Why this place"), lambda f: f.reason, tooltip=lambda f: f.reason),
]
NOTE_COLUMNS: list[Column[ContactNote]] = [
    Column(tr("Date"), lambda n: format_date(n.contacted_on), lambda n: n.contacted_on),
    Column(tr("By"), lambda n: n.by_name),
    Column(tr("Note"), lambda n: n.note.replace("\n", " "), tooltip=lambda n: n.note),
]


class WaitingListPage(QWidget):
    """The list in order; the selected family's contact notes below it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.families: list[WaitingFamily] = []
        self.table, self.model = make_table(COLUMNS, tr("Waiting list"))
        self.notes, self.notes_model = make_table(NOTE_COLUMNS, tr("Contact notes"))
        self.note_button = QPushButton(tr("Add a &contact note…"))
        self.move_button = QPushButton(tr("&Move by hand…"))
        self.allocate_button = QPushButton(tr("&Allocate a home visitor…"))
        self.note_button.clicked.connect(self.add_note)
        self.move_button.clicked.connect(self.move)
        self.allocate_button.clicked.connect(self.allocate)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(tr("Why this family is at this place"))
        buttons = QHBoxLayout()
        for button in (self.note_button, self.move_button, self.allocate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.reason)
        column.addWidget(QLabel(tr("Contact notes:")))
        column.addWidget(self.notes)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Waiting list")))
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.table.selectionModel().selectionChanged.connect(self.show_family)
        ctx.hub.children_changed.connect(self.refresh)
        ctx.hub.database_replaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.families = waiting_list.waiting_list(self.ctx.db)
        except PermissionDenied as exc:
            self.message.setText(str(exc))
            self.families = []
        fill(self.table, self.model, self.families)
        over = sum(f.over_target for f in self.families)
        self.message.setText(
            tr("{count} families waiting").format(count=len(self.families))
            + (tr("; ⚠ {over} past the service's target.").format(over=over) if over else ".")
            if self.families
            else tr("No families are waiting.")
        )
        self.show_family()

    def selected(self) -> WaitingFamily | None:
        return selected(self.table, self.model)

    def show_family(self, *_args: object) -> None:
        family = self.selected()
        if family is None:
            self.reason.setText("")
            self.notes_model.set_rows([])
            return
        self.reason.setText(family.reason)
        notes = referrals.list_contact_notes(self.ctx.db, family.referral_id)
        fill(self.notes, self.notes_model, list(reversed(notes)))

    def _chosen(self) -> WaitingFamily | None:
        family = self.selected()
        if family is None:
            self.message.setText(tr("Choose a family on the list first."))
        return family

    def add_note(self) -> None:
        family = self._chosen()
        if (
            family
            and ContactNoteDialog(self.ctx, family.referral_id, family.child_name, self).exec()
        ):
            self.show_family()

    def move(self) -> None:
        family = self._chosen()
        if family and MoveDialog(self.ctx, family, len(self.families), self).exec():
            self.refresh()
            self._select(family.referral_id)

    def allocate(self) -> None:
        family = self._chosen()
        if family is None:
            return
        dialog = AllocateDialog(
            self.ctx, family.referral_id, family.child_name, family.version, parent=self
        )
        if dialog.exec():
            self.ctx.hub.children_changed.emit()
            self.message.setText(
                tr("{child_name} now has a home visitor.").format(child_name=family.child_name)
            )

    def _select(self, referral_id: int) -> None:
        for row, family in enumerate(self.families):
            if family.referral_id == referral_id:
                self.table.selectRow(row)

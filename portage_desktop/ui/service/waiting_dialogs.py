"""Small dialogs of the waiting list and caseloads: a contact note, a manual move (which needs
a reason), and allocating or reassigning a family to a home visitor."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.home_visiting import caseloads, referrals, waiting_list
from portage_desktop.services.home_visiting.caseloads import Caseload
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField
from portage_desktop.ui.service.common import text_box


class ContactNoteDialog(RecordDialog):
    """A dated, named note of contact with a waiting family."""

    def __init__(
        self, ctx: AppContext, referral_id: int, child_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx, tr("Contact with {child_name}'s family").format(child_name=child_name), parent
        )
        self.referral_id = referral_id
        self.on = self.add_row(tr("&Date *"), "contacted_on", DateField(tr("Date of the contact")))
        self.on.set_value(date.today())
        self.by = self.add_row(
            tr("&By"), "by_name", QLineEdit(), tr("Leave empty to use the name you logged in with.")
        )
        self.note = self.add_row(tr("&What was said *"), "note", text_box(tr("What was said"), 4))
        self.finish()
        self.note.textChanged.connect(self.mark_dirty)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, contacted_on=self.on)
        self.run_save(
            errors,
            lambda: referrals.add_contact_note(
                self.ctx.db,
                self.referral_id,
                dates["contacted_on"],
                self.note.toPlainText(),
                self.by.text(),
            ),
        )


class MoveDialog(RecordDialog):
    """Put a family at a place by hand, or back to its worked-out place; a reason is needed."""

    def __init__(
        self,
        ctx: AppContext,
        family: waiting_list.WaitingFamily,
        last_place: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            tr("Move {child_name} on the waiting list").format(child_name=family.child_name),
            parent,
        )
        self.family = family
        self.version: int | None = family.version
        self.place = QSpinBox()
        self.place.setRange(1, max(last_place, 1))
        self.place.setValue(family.position)
        self.add_row(tr("New &place *"), "position", self.place)
        self.back = QCheckBox(tr("Return to the worked-out place instead"))
        self.back.setVisible(family.moved_by_hand)
        self.form.addRow("", self.back)
        self.reason = self.add_row(tr("&Reason *"), "reason", QLineEdit(), tr("Noted and audited."))
        self.finish()
        self.place.valueChanged.connect(self.mark_dirty)

    def save(self) -> None:
        position = None if self.back.isChecked() else self.place.value()
        self.run_save(
            {},
            lambda: waiting_list.move_family(
                self.ctx.db, self.family.referral_id, position, self.reason.text(), self.version
            ),
        )


def visitor_label(load: Caseload) -> str:
    """A visitor with her room: "Hana Visit: 9 of 16 families, 7 of 12 visits a week"."""
    over = tr(" ⚠ over capacity") if load.over_capacity else ""
    return tr(
        "{name}: {count} of {family_limit:g} families, "
        "{visits_per_week:g} of {visit_limit:g} visits a week{over}"
    ).format(
        name=load.visitor.name,
        count=len(load.families),
        family_limit=load.family_limit,
        visits_per_week=load.visits_per_week,
        visit_limit=load.visit_limit,
        over=over,
    )


class AllocateDialog(RecordDialog):
    """Give a waiting family a home visitor, or move an allocated one (which needs a reason and
    keeps the earlier allocation in the history)."""

    def __init__(
        self,
        ctx: AppContext,
        referral_id: int,
        child_name: str,
        version: int | None,
        moving: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Change the home visitor for") if moving else tr("Allocate a home visitor to")
        super().__init__(ctx, f"{title} {child_name}", parent)
        self.referral_id = referral_id
        self.version = version
        self.visitor = QComboBox()
        for load in caseloads.caseloads(ctx.db, everyone=True):
            self.visitor.addItem(visitor_label(load), load.visitor.id)
        self.add_row(tr("Home &visitor *"), "visitor_id", self.visitor)
        self.on = self.add_row(tr("&From *"), "on", DateField(tr("Takes the family on from")))
        self.on.set_value(date.today())
        hint = tr("Needed when the home visitor changes.") if moving else tr("Optional.")
        self.reason = self.add_row(tr("&Reason"), "reason", QLineEdit(), hint)
        self.finish()

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, on=self.on)
        visitor_id = self.visitor.currentData()
        if visitor_id is None:
            errors["visitor_id"] = tr("Please add a home visitor first (Caseloads).")
        self.run_save(
            errors,
            lambda: caseloads.allocate(
                self.ctx.db,
                self.referral_id,
                visitor_id,
                dates["on"],
                self.reason.text(),
                self.version,
            ),
        )

"""Recording a home visit, fast to type during or straight after it with the keyboard alone:
what happened, where, minutes on each of the three model elements, what the child enjoyed, the
teaching activity (one of the child's activity plans), what the family will practise, what next
time, and the notes written with the family. A draft is kept while typing, so a crash loses
nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services import plans as plans_service
from portage_desktop.services.dates import format_date
from portage_desktop.services.home_visiting import visits
from portage_desktop.services.home_visiting.visits import Visit, VisitInput
from portage_desktop.services.home_visiting.vocabulary import VisitPlace, VisitStatus
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.drafts import DraftKeeper
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField
from portage_desktop.ui.service.common import chosen, scroll_form, text_box

DRAFT_KIND = "home_visit"
OUTCOMES = (
    VisitStatus.HELD,
    VisitStatus.CANCELLED_FAMILY,
    VisitStatus.CANCELLED_SERVICE,
    VisitStatus.FAILED,
)


def _minutes(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1, visits.MAX_MINUTES)
    spin.setValue(-1)
    spin.setSpecialValueText(tr("Not recorded"))
    spin.setSuffix(" minutes")
    spin.setAccessibleName(name)
    return spin


class VisitDialog(RecordDialog):
    """Record what happened at ``visit``; held-only fields are shown only for a held visit."""

    def __init__(
        self, ctx: AppContext, visit: Visit, child_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx,
            tr("Visit to {child_name} on {date}").format(
                child_name=child_name, date=format_date(visit.on)
            ),
            parent,
        )
        self.visit = visit
        self.version: int | None = visit.version
        self.status = QComboBox()
        for outcome in OUTCOMES:
            self.status.addItem(outcome.label, outcome)
        self.add_row(tr("&What happened *"), "status", self.status)
        self.on = self.add_row(tr("&Date *"), "visit_on", DateField(tr("Date of the visit")))
        self.place = QComboBox()
        for place in VisitPlace:
            self.place.addItem(place.label, place)
        self.add_row(tr("W&here *"), "place", self.place)
        self.joint = self.add_row(
            tr("&Joint with"), "joint_with", QLineEdit(), tr("The professional's name and role.")
        )
        self.reason = self.add_row(
            tr("Reas&on"), "reason", QLineEdit(), tr("Why cancelled, or what happened at the door.")
        )
        self.child_led = self.add_row(
            tr("&Child-led play"), "minutes_child_led", _minutes(tr("Minutes of child-led play"))
        )
        self.family_focus = self.add_row(
            tr("&Family focus"), "minutes_family_focus", _minutes(tr("Minutes of family focus"))
        )
        self.teaching = self.add_row(
            tr("Structured &teaching"),
            "minutes_teaching",
            _minutes(tr("Minutes of structured teaching")),
        )
        self.enjoyed = self.add_row(
            tr("What the child &enjoyed"), "enjoyed", text_box(tr("Enjoyed"))
        )
        self.plan = QComboBox()
        self.plan.addItem(tr("No activity plan"), None)
        for plan in plans_service.list_plans(ctx.db, visit.child_id):
            self.plan.addItem(plan.data.title, plan.id)
        self.add_row(
            tr("Teaching &activity"),
            "plan_id",
            self.plan,
            tr("The parent's daily records go in its week grid."),
        )
        self.practise = self.add_row(
            tr("Family will &practise"), "practise", text_box(tr("What the family will practise"))
        )
        self.next_time = self.add_row(tr("&Next time"), "next_time", text_box(tr("Next time")))
        self.shared = self.add_row(
            tr("&Shared visit notes"),
            "shared_notes",
            text_box(tr("Shared visit notes, written with the family"), 4),
            tr("Written with the family; printed for them."),
        )
        self.written_up = self.add_row(
            tr("Written &up on"), "written_up_on", DateField(tr("Date written up"))
        )
        self.load(visit.data)
        self.setMinimumWidth(640)
        scroll_form(self)
        self.finish()
        self.status.currentIndexChanged.connect(self._show_fields)
        self.place.currentIndexChanged.connect(self._show_fields)
        self._show_fields()
        self.drafts = DraftKeeper(ctx, visit.child_id, DRAFT_KIND, visit.id, self.payload, self)
        for box in (self.enjoyed, self.practise, self.next_time, self.shared):
            box.textChanged.connect(self.mark_dirty)
            box.textChanged.connect(self.drafts.changed)
        for edit in (self.joint, self.reason, self.on.edit, self.written_up.edit):
            edit.textEdited.connect(self.drafts.changed)
        for spin in (self.child_led, self.family_focus, self.teaching):
            spin.valueChanged.connect(self.mark_dirty)
            spin.valueChanged.connect(self.drafts.changed)
        for combo in (self.status, self.place, self.plan):
            combo.currentIndexChanged.connect(self.drafts.changed)
        self.drafts.offer(tr("a visit record"), self.restore)

    def load(self, data: VisitInput) -> None:
        status = data.status if data.status in OUTCOMES else VisitStatus.HELD
        self.status.setCurrentIndex(OUTCOMES.index(status))
        self.on.set_value(data.visit_on)
        self.place.setCurrentIndex(list(VisitPlace).index(data.place or VisitPlace.HOME))
        self.joint.setText(data.joint_with)
        self.reason.setText(data.reason)
        for spin, value in (
            (self.child_led, data.minutes_child_led),
            (self.family_focus, data.minutes_family_focus),
            (self.teaching, data.minutes_teaching),
        ):
            spin.setValue(-1 if value is None else value)
        self.enjoyed.setPlainText(data.enjoyed)
        index = self.plan.findData(data.plan_id)
        self.plan.setCurrentIndex(max(index, 0))
        self.practise.setPlainText(data.practise)
        self.next_time.setPlainText(data.next_time)
        self.shared.setPlainText(data.shared_notes)
        planned = data.status is VisitStatus.PLANNED
        self.written_up.set_value(data.written_up_on or (date.today() if planned else None))

    def _show_fields(self, *_args: object) -> None:
        held = chosen(self.status, VisitStatus) is VisitStatus.HELD
        for field in (
            self.place,
            self.child_led,
            self.family_focus,
            self.teaching,
            self.enjoyed,
            self.plan,
            self.practise,
            self.next_time,
            self.shared,
            self.written_up,
        ):
            self._row_visible(field, held)
        self._row_visible(self.joint, held and chosen(self.place, VisitPlace) is VisitPlace.JOINT)
        self._row_visible(self.reason, not held)

    def _row_visible(self, field: QWidget, shown: bool) -> None:
        box = field.parentWidget()
        self.form.setRowVisible(box, shown)

    def read(self, errors: dict[str, str]) -> VisitInput:
        dates = self.read_dates(errors, visit_on=self.on, written_up_on=self.written_up)

        def minutes(spin: QSpinBox) -> int | None:
            return None if spin.value() < 0 else spin.value()

        return VisitInput(
            status=chosen(self.status, VisitStatus) or VisitStatus.HELD,
            visit_on=dates["visit_on"],
            place=chosen(self.place, VisitPlace),
            joint_with=self.joint.text(),
            reason=self.reason.text(),
            minutes_child_led=minutes(self.child_led),
            minutes_family_focus=minutes(self.family_focus),
            minutes_teaching=minutes(self.teaching),
            enjoyed=self.enjoyed.toPlainText(),
            plan_id=self.plan.currentData(),
            practise=self.practise.toPlainText(),
            next_time=self.next_time.toPlainText(),
            shared_notes=self.shared.toPlainText(),
            written_up_on=dates["written_up_on"],
        )

    def save(self) -> None:
        errors: dict[str, str] = {}
        data = self.read(errors)
        self.run_save(
            errors,
            lambda: visits.record_visit(self.ctx.db, self.visit.id, data, self.version),
            data,
        )

    def fill(self, record: object) -> None:
        if isinstance(record, Visit):
            self.load(record.data)

    # The draft: plain values, so it survives a restart as JSON.
    def payload(self) -> dict[str, Any]:
        texts = {
            "joint": self.joint.text(),
            "reason": self.reason.text(),
            "on": self.on.edit.text(),
            "written_up": self.written_up.edit.text(),
            "enjoyed": self.enjoyed.toPlainText(),
            "practise": self.practise.toPlainText(),
            "next_time": self.next_time.toPlainText(),
            "shared": self.shared.toPlainText(),
        }
        numbers = {
            "status": self.status.currentIndex(),
            "place": self.place.currentIndex(),
            "plan": self.plan.currentIndex(),
            "child_led": self.child_led.value(),
            "family_focus": self.family_focus.value(),
            "teaching": self.teaching.value(),
        }
        return {**texts, **numbers}

    def restore(self, draft: dict[str, Any]) -> None:
        for name in ("joint", "reason"):
            getattr(self, name).setText(str(draft.get(name, "")))
        self.on.edit.setText(str(draft.get("on", "")))
        self.written_up.edit.setText(str(draft.get("written_up", "")))
        for name, box in (
            ("enjoyed", self.enjoyed),
            ("practise", self.practise),
            ("next_time", self.next_time),
            ("shared", self.shared),
        ):
            box.setPlainText(str(draft.get(name, "")))
        for name, combo in (("status", self.status), ("place", self.place), ("plan", self.plan)):
            combo.setCurrentIndex(int(draft.get(name, 0)))
        for name, spin in (
            ("child_led", self.child_led),
            ("family_focus", self.family_focus),
            ("teaching", self.teaching),
        ):
            spin.setValue(int(draft.get(name, -1)))
        self.dirty = True

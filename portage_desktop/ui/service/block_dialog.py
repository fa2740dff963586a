"""Planning a block of visits (8 by default, Portage Plus 12) on the family's usual weekday and
time from a start date; the service skips its closure dates when it lays the visits out."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services.home_visiting import visits
from portage_desktop.services.home_visiting.visits import Block, BlockInput
from portage_desktop.services.home_visiting.vocabulary import BlockKind, Pattern
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField
from portage_desktop.ui.service.common import chosen

WEEKDAYS = (tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"))


class BlockDialog(RecordDialog):
    """Plan a block for the allocated family ``referral_id``; ``saved`` holds it after Save."""

    def __init__(
        self, ctx: AppContext, referral_id: int, child_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            ctx, tr("Plan a block of visits for {child_name}").format(child_name=child_name), parent
        )
        self.referral_id = referral_id
        self.saved: Block | None = None
        self.kind = QComboBox()
        for kind in BlockKind:
            self.kind.addItem(kind.label, kind)
        self.add_row(tr("&Kind of block *"), "kind", self.kind)
        self.count = QSpinBox()
        self.count.setRange(0, 52)
        self.count.setSpecialValueText(tr("The service's usual number"))
        self.add_row(tr("&Number of visits"), "visit_count", self.count)
        self.pattern = QComboBox()
        for pattern in Pattern:
            self.pattern.addItem(pattern.label, pattern)
        self.add_row(tr("&How often *"), "pattern", self.pattern)
        self.weekday = QComboBox()
        self.weekday.addItems(list(WEEKDAYS))
        self.add_row(tr("Usual &day *"), "weekday", self.weekday)
        self.time = self.add_row(
            tr("Usual &time *"), "usual_time", QLineEdit(), tr("For example 10:00.")
        )
        self.time.setText("10:00")
        self.start = self.add_row(tr("&Starts on *"), "start_on", DateField(tr("Block starts on")))
        self.start.set_value(date.today())
        self.finish()
        self.count.valueChanged.connect(self.mark_dirty)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, start_on=self.start)
        data = BlockInput(
            chosen(self.kind, BlockKind) or BlockKind.STANDARD,
            chosen(self.pattern, Pattern) or Pattern.WEEKLY,
            self.weekday.currentIndex(),
            self.time.text(),
            dates["start_on"],
            self.count.value() or None,
        )

        def store() -> None:
            self.saved = visits.plan_block(self.ctx.db, self.referral_id, data)

        self.run_save(errors, store)

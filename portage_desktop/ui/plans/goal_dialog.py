"""Writing a long-term goal with the family: their words, the area it belongs to, a target
date, and where it came from (checklist small steps, observations or a professional's advice).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import family as family_service
from portage_desktop.services import frameworks as framework_service
from portage_desktop.services import goals as goals_service
from portage_desktop.services import observations as observation_service
from portage_desktop.services.dates import format_date
from portage_desktop.services.goals import Goal, GoalInput
from portage_desktop.services.plan_vocabulary import GoalStatus
from portage_desktop.services.stamp_evidence import GoalArea
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField, suggest

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1


class GoalDialog(RecordDialog):
    """Add or change a goal; ``saved_id`` holds the goal's id after Save."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        goal: Goal | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, tr("New long-term goal") if goal is None else tr("Long-term goal"), parent
        )
        self.child_id, self.goal = child_id, goal
        self.saved_id: int | None = None
        self.resize(720, 680)
        self.area = QComboBox()
        for area in GoalArea:
            self.area.addItem(area.label[0].upper() + area.label[1:], area)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(tr("For example: We want Amy to tell us what she wants"))
        self.written_with = QLineEdit()
        suggest(
            self.written_with,
            [
                f"{m.name} ({m.relationship})"
                for m in family_service.list_family(ctx.db, child_id)
                if m.parental_responsibility
            ],
        )
        self.written_on = DateField(tr("Date agreed"))
        self.target_date = DateField(tr("Target date"))
        self.status = QComboBox()
        for status in GoalStatus:
            self.status.addItem(status.label, status)
        self.add_row(tr("&Area *"), "area", self.area)
        self.add_row(
            tr("The goal, in the &family's words *"),
            "text",
            self.text,
            tr("Write it as the parent says it; it is printed as written."),
        )
        self.add_row(tr("Agreed &with (parent)"), "written_with", self.written_with)
        self.add_row(tr("&Date agreed *"), "written_on", self.written_on)
        self.add_row(tr("&Target date"), "target_date", self.target_date)
        self.add_row(tr("St&atus"), "status", self.status)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Type to find a small step or observation…"))
        self.filter.setAccessibleName(tr("Find where the goal came from"))
        self.filter.textChanged.connect(self._filter)
        self.sources = QListWidget()
        self.sources.setAccessibleName(tr("Where the goal came from (tick with Space)"))
        self.sources.setMinimumHeight(self.fontMetrics().lineSpacing() * 7)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.sources)
        self.add_row(tr("&Came from"), "sources", box, tr("Optional: tick with Space"))
        self._fill_sources(goal)
        if goal is None:
            self.written_on.set_value(date.today())
        else:
            self.fill(goal)
        self.text.textChanged.connect(self.mark_dirty)
        self.sources.itemChanged.connect(self.mark_dirty)
        self.finish()
        self.filter.textEdited.disconnect(self.mark_dirty)
        self.dirty = False
        self.area.setFocus()

    def fill(self, record: object) -> None:
        assert isinstance(record, Goal)
        self.version = record.version
        self.area.setCurrentIndex(self.area.findData(record.area))
        self.text.setPlainText(record.text)
        self.written_with.setText(record.written_with)
        self.written_on.set_value(record.written_on)
        self.target_date.set_value(record.target_date)
        self.status.setCurrentIndex(self.status.findData(record.status))
        ticked = {("item", i) for i in record.item_ids}
        ticked |= {("observation", i) for i in record.observation_ids}
        for row in range(self.sources.count()):
            item = self.sources.item(row)
            on = tuple(item.data(SOURCE_ROLE)) in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _add_source(self, text: str, key: tuple[str, int], ticked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(SOURCE_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.sources.addItem(item)

    def _fill_sources(self, goal: Goal | None) -> None:
        items = set(goal.item_ids) if goal else set()
        observations = set(goal.observation_ids) if goal else set()
        for obs in observation_service.list_observations(self.ctx.db, self.child_id):
            text = f"{obs.kind.label} {format_date(obs.observed_on)}: {obs.first_line}"
            self._add_source(text, ("observation", obs.id), obs.id in observations)
        for fw in framework_service.list_frameworks(self.ctx.db):
            detail = framework_service.get_framework(self.ctx.db, fw.id)
            for step in detail.items:
                text = tr("Small step – {name}: {text}").format(
                    name=detail.area_of[step.id].name, text=step.text
                )
                self._add_source(text, ("item", step.id), step.id in items)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.sources.count()):
            item = self.sources.item(row)
            shown = all(w in item.text().lower() for w in words)
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)

    def _ticked(self, kind: str) -> tuple[int, ...]:
        found = []
        for row in range(self.sources.count()):
            item = self.sources.item(row)
            key = item.data(SOURCE_ROLE)
            if key[0] == kind and item.checkState() == Qt.CheckState.Checked:
                found.append(key[1])
        return tuple(found)

    def save(self) -> None:
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, written_on=self.written_on, target_date=self.target_date)
        data = GoalInput(
            area=GoalArea(self.area.currentData()),
            text=self.text.toPlainText(),
            written_with=self.written_with.text(),
            status=GoalStatus(self.status.currentData()),
            item_ids=self._ticked("item"),
            observation_ids=self._ticked("observation"),
            **dates,
        )
        goal_id = self.goal.id if self.goal else None

        def store() -> None:
            self.saved_id = goals_service.save_goal(
                self.ctx.db, self.child_id, data, goal_id, expected_version=self.version
            )

        self.run_save(errors, store, data)

"""Entering an assessment with a parent: checklist, date, who took part, then each small step."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import assessments as assessment_service
from portage_desktop.services import frameworks as framework_service
from portage_desktop.services.assessments import Assessment, AssessmentInput, Entry
from portage_desktop.services.frameworks import Framework
from portage_desktop.services.record_vocabulary import Contributor
from portage_desktop.ui.assessment.status_table import STATUS, StatusTable
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.drafts import DraftKeeper
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField, size_for_screen


class AssessmentDialog(RecordDialog):
    """New (``assessment`` is None) or an existing assessment to review and correct."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        assessment: Assessment | None = None,
        parent: QWidget | None = None,
        default_framework_id: int | None = None,
    ) -> None:
        super().__init__(
            ctx, tr("New assessment") if assessment is None else tr("Assessment"), parent
        )
        self.child_id, self.assessment = child_id, assessment
        self.saved: Assessment | None = None
        size_for_screen(self, 1000, 700)
        self.framework = QComboBox()
        self.frameworks: list[Framework] = framework_service.list_frameworks(ctx.db)
        for fw in self.frameworks:
            self.framework.addItem(fw.title, fw.id)
        self.assessed_on = DateField(tr("Date of the assessment"))
        who = QWidget()
        row = QHBoxLayout(who)
        row.setContentsMargins(0, 0, 0, 0)
        self.contributor_boxes: dict[Contributor, QCheckBox] = {}
        for contributor, text in (
            (Contributor.PARENT, tr("P&arent or carer")),
            (Contributor.PRACTITIONER, tr("P&ractitioner")),
            (Contributor.PROFESSIONAL, tr("Other profe&ssional")),
        ):
            box = QCheckBox(text)
            box.setAccessibleName(tr("Took part: {label}").format(label=contributor.label))
            row.addWidget(box)
            self.contributor_boxes[contributor] = box
        row.addStretch(1)
        self.names = QLineEdit()
        self.names.setPlaceholderText(tr("For example: Anna (Mum), Ruth (key person)"))
        self.notes = QLineEdit()
        self.add_row(tr("&Checklist *"), "framework_id", self.framework)
        self.add_row(tr("&Date *"), "assessed_on", self.assessed_on)
        self.add_row(tr("Who took part *"), "contributors", who)
        self.add_row(tr("&Names"), "contributor_names", self.names)
        self.add_row(tr("N&otes"), "notes", self.notes)

        self.table = StatusTable()
        self.area = QComboBox()
        self.area.setAccessibleName(tr("Go to area"))
        self.carry_button = QPushButton(tr("Carry &forward from the last assessment"))
        self.carry_button.setToolTip(
            tr("Start from the statuses recorded last time (Ctrl+Shift+F)")
        )
        self.carry_button.clicked.connect(self.carry_forward)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, self.carry_forward)
        area_label = QLabel(tr("&Go to area:"))
        area_label.setBuddy(self.area)
        tools = QHBoxLayout()
        tools.addWidget(area_label)
        tools.addWidget(self.area)
        tools.addWidget(self.carry_button)
        tools.addStretch(1)
        self.keys = QLabel()
        self.keys.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("status_count")
        self.body.addLayout(tools)
        self.body.addWidget(self.keys)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.count)
        self.entries_error = self.errors.label_for("entries", self.table)
        self.body.addWidget(self.entries_error)

        if assessment is not None:
            self.framework.setCurrentIndex(self.framework.findData(assessment.framework_id))
            self.framework.setEnabled(False)
            self._show_details(assessment)
        else:
            self.assessed_on.set_value(date.today())
            self.framework.setCurrentIndex(max(self.framework.findData(default_framework_id), 0))
        self._load_framework()
        self._shown_framework = self.framework.currentIndex()
        self.framework.currentIndexChanged.connect(self._framework_chosen)
        self.area.activated.connect(self._go_to_area)
        self.table.edited.connect(self.mark_dirty)
        self.table.edited.connect(self._update_count)
        self.finish()
        self.area.currentIndexChanged.disconnect(self.mark_dirty)  # moving around is not an edit
        self.dirty = False
        self._keep_drafts(assessment.id if assessment else None)
        self.table.setFocus()

    def _show_details(self, assessment: Assessment) -> None:
        self.version = assessment.version
        self.assessed_on.set_value(assessment.assessed_on)
        for contributor, box in self.contributor_boxes.items():
            box.setChecked(contributor in assessment.contributors)
        self.names.setText(assessment.contributor_names)
        self.notes.setText(assessment.notes)

    def fill(self, record: object) -> None:
        assert isinstance(record, Assessment)
        self.assessment = record
        self._show_details(record)
        self._load_framework()

    def _keep_drafts(self, target_id: int | None) -> None:
        self.drafts = DraftKeeper(
            self.ctx, self.child_id, "assessment", target_id, self.draft_payload, self
        )
        self.table.edited.connect(self.drafts.changed)
        self.assessed_on.changed.connect(self.drafts.changed)
        self.names.textEdited.connect(self.drafts.changed)
        self.notes.textEdited.connect(self.drafts.changed)
        for box in self.contributor_boxes.values():
            box.toggled.connect(self.drafts.changed)
        if self.drafts.offer(tr("an assessment for this child"), self.restore_draft):
            self.dirty = True

    def draft_payload(self) -> dict[str, Any]:
        return {
            "framework_id": self.framework.currentData(),
            "assessed_on": self.assessed_on.edit.text(),
            "contributors": [c.value for c, b in self.contributor_boxes.items() if b.isChecked()],
            "names": self.names.text(),
            "notes": self.notes.text(),
            "entries": {str(i): [e.status, e.evidence] for i, e in self.table.entries().items()},
        }

    def restore_draft(self, payload: dict[str, Any]) -> None:
        """Put back what was typed; anything no longer valid is simply left out."""
        index = self.framework.findData(payload.get("framework_id"))
        if index >= 0 and self.framework.isEnabled() and index != self._shown_framework:
            self.framework.blockSignals(True)
            self.framework.setCurrentIndex(index)
            self.framework.blockSignals(False)
            self._shown_framework = index
            self._load_framework()
        self.assessed_on.edit.setText(str(payload.get("assessed_on", "")))
        chosen = set(payload.get("contributors", []))
        for contributor, box in self.contributor_boxes.items():
            box.setChecked(contributor.value in chosen)
        self.names.setText(str(payload.get("names", "")))
        self.notes.setText(str(payload.get("notes", "")))
        entries: dict[int, Entry] = {}
        for key, value in dict(payload.get("entries", {})).items():
            try:
                entries[int(key)] = Entry(int(value[0]), str(value[1]))
            except (TypeError, ValueError, IndexError):
                continue
        if self.table.detail is not None:
            self.table.load(self.table.detail, entries)
        self._update_count()

    def _framework_chosen(self, index: int) -> None:
        """Switching checklist starts the table afresh, so ask before clearing statuses."""
        if index == self._shown_framework:
            return
        if self.table.entries():
            answer = QMessageBox.question(
                self,
                tr("Change the checklist?"),
                tr(
                    "The statuses entered so far belong to the other checklist and will be "
                    "cleared. "
                    "Change the checklist?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.framework.blockSignals(True)
                self.framework.setCurrentIndex(self._shown_framework)
                self.framework.blockSignals(False)
                return
        self._shown_framework = index
        self._load_framework()

    def _load_framework(self) -> None:
        framework_id = self.framework.currentData()
        if framework_id is None:
            return
        detail = framework_service.get_framework(self.ctx.db, framework_id)
        entries = self.assessment.entries if self.assessment else {}
        self.table.load(detail, entries)
        self.area.clear()
        for area in detail.areas:
            self.area.addItem(area.name, area.id)
        fw = detail.framework
        about = "; ".join(x for x in (fw.source, fw.licence) if x)
        self.framework.setToolTip(about)
        self.framework.setAccessibleDescription(about)
        keys = ", ".join(f"{lvl.value} {lvl.label}" for lvl in detail.framework.scale)
        self.keys.setText(
            tr(
                "Keys: {keys}, 0 clears. The number sets the status and moves to the next step. "
                "Type in Evidence to add a note (Enter to finish it)."
            ).format(keys=keys)
        )
        self._update_count()

    def _update_count(self) -> None:
        done = len(self.table.entries())
        self.count.setText(
            tr("{done} of {rowCount} small steps have a status.").format(
                done=done, rowCount=self.table.rowCount()
            )
        )

    def _go_to_area(self) -> None:
        row = self.table.first_row_of_area(self.area.currentData())
        self.table.setCurrentCell(row, STATUS)
        self.table.scrollToItem(self.table.item(row, STATUS))
        self.table.setFocus()

    def carry_forward(self) -> None:
        statuses = assessment_service.carried_statuses(
            self.ctx.db, self.child_id, self.framework.currentData(), self.assessment
        )
        changed = self.table.apply(statuses)
        self.count.setText(
            tr("Carried forward {changed} statuses from the last assessment. ").format(
                changed=changed
            )
            + self.count.text()
            if statuses
            else tr("There is no earlier assessment with this checklist to carry forward from.")
        )

    def save(self) -> None:
        self.table.commit_open_note()
        errors: dict[str, str] = {}
        dates = self.read_dates(errors, assessed_on=self.assessed_on)
        data = AssessmentInput(
            framework_id=self.framework.currentData(),
            contributors=tuple(c for c, b in self.contributor_boxes.items() if b.isChecked()),
            contributor_names=self.names.text(),
            notes=self.notes.text(),
            entries=self.table.entries(),
            **dates,
        )
        row_id = self.assessment.id if self.assessment else None

        def store() -> None:
            self.saved = assessment_service.save_assessment(
                self.ctx.db, self.child_id, data, row_id, expected_version=self.version
            )

        self.run_save(errors, store, data)

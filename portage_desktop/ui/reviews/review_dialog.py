"""Recording a review with parents: who came, the parent's views and the child's voice, each
plan's progress and the decision about it, successes, issues the family raised (who follows
them up and by when), wishes and transition, and which parent agreed it.

A review prepared before the meeting is a draft; ticking "The meeting has taken place" records
it as held, which is what counts towards the three reviews a year.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import reviews as review_service
from portage_desktop.services.dates import format_date, parse_uk_date
from portage_desktop.services.reviews import Decision, Issue, Progress, Review, ReviewInput
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.record_dialog import RecordDialog
from portage_desktop.ui.common.widgets import DateField, size_for_screen
from portage_desktop.ui.plans.week_grid import CellDelegate, name_corner

TEXT_ROWS = (
    ("parent_views", tr("The &parent's views")),
    ("child_voice", tr("The &child's voice")),
    ("successes", tr("&Successes to celebrate")),
    ("wishes", tr("&Wishes about carrying on")),
    ("transition", tr("&Transition plans")),
)


class ReviewDialog(RecordDialog):
    """Add or change a review; ``saved_id`` holds its id after Save."""

    def __init__(
        self,
        ctx: AppContext,
        child_id: int,
        data: ReviewInput,
        review_id: int | None = None,
        parent: QWidget | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(ctx, tr("Review with parents"), parent)
        self.child_id, self.review_id, self.base = child_id, review_id, data
        self.version = version if review_id else None
        self.saved_id: int | None = None
        size_for_screen(self, 940, 760)
        self.held_on = DateField(tr("Date of the review"))
        self.held = QCheckBox(tr("The meeting has &taken place (not a draft)"))
        self.parents = QLineEdit()
        self.staff = QLineEdit()
        self.professionals = QLineEdit()
        self.add_row(tr("&Date *"), "held_on", self.held_on)
        self.add_row("", "held", self.held)
        self.add_row(tr("Parents who c&ame"), "parents", self.parents)
        self.add_row(tr("Sta&ff"), "staff", self.staff)
        self.add_row(tr("Pr&ofessionals"), "professionals", self.professionals)
        self.pages = QTabWidget()
        self.pages.setAccessibleName(tr("Parts of the review"))
        self.plans = QTableWidget(0, 5)
        self.plans.setHorizontalHeaderLabels(
            [tr("Plan"), tr("Area"), tr("Progress"), tr("Decision"), tr("Note")]
        )
        self.plans.setAccessibleName(tr("Each plan's progress and decision"))
        self.plans.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.plans.setItemDelegate(CellDelegate(self.plans))
        name_corner(self.plans, tr("Select every plan"))
        self.pages.addTab(self.plans, tr("&1 Plans and progress"))
        words = QWidget()
        words_layout = QVBoxLayout(words)
        self.texts: dict[str, QPlainTextEdit] = {}
        kept = self.section.form
        words_form = QFormLayout()
        self.section.form = words_form
        for key, label in TEXT_ROWS:
            box = QPlainTextEdit()
            box.setTabChangesFocus(True)
            box.setMaximumHeight(box.fontMetrics().lineSpacing() * 4)
            self.texts[key] = box
            self.add_row(label, key, box)
        self.agreed_by = QLineEdit()
        self.agreed_on = DateField(tr("Date agreed"))
        self.add_row(tr("A&greed by (parent)"), "agreed_by", self.agreed_by)
        self.add_row(tr("Date agr&eed"), "agreed_on", self.agreed_on)
        self.section.form = kept
        words_layout.addLayout(words_form)
        self.pages.addTab(words, tr("&2 Views and successes"))
        issues_page = QWidget()
        issues_layout = QVBoxLayout(issues_page)
        self.issues = QTableWidget(0, 4)
        self.issues.setHorizontalHeaderLabels(
            [tr("Issue raised"), tr("Who follows it up"), tr("By (date)"), tr("Closed on")]
        )
        self.issues.setAccessibleName(tr("Issues the family raised"))
        self.issues.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # wide enough for the heading, never cut off
            self.issues.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.issues.setItemDelegate(CellDelegate(self.issues))
        name_corner(self.issues, tr("Select every issue"))
        self.add_issue = QPushButton(tr("&Add an issue"))
        self.remove_issue = QPushButton(tr("&Remove the issue"))
        self.add_issue.clicked.connect(self._type_new_issue)
        self.remove_issue.clicked.connect(lambda: self.issues.removeRow(self.issues.currentRow()))
        issues_layout.addWidget(self.issues, 1)
        issues_layout.addWidget(self.errors.label_for("issues", self.issues))
        row = QHBoxLayout()
        row.addWidget(self.add_issue)
        row.addWidget(self.remove_issue)
        row.addStretch(1)
        issues_layout.addLayout(row)
        self.pages.addTab(issues_page, tr("&3 Issues to follow up"))
        self.body.addWidget(self.pages, 1)
        self._load(data)
        for box in self.texts.values():
            box.textChanged.connect(self.mark_dirty)
        self.issues.itemChanged.connect(self.mark_dirty)
        self.plans.itemChanged.connect(self.mark_dirty)
        self.finish()
        self.dirty = review_id is None
        self.held_on.setFocus()

    def _combo(self, enum: type, value: object, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for member in enum:
            combo.addItem(member.label, member.value)
        combo.setCurrentIndex(combo.findData(getattr(value, "value", value)))
        combo.currentIndexChanged.connect(self.mark_dirty)
        return combo

    def fill(self, record: object) -> None:
        assert isinstance(record, Review)
        self.version = record.version
        self.base = record.data
        self.plans.setRowCount(0)
        self.issues.setRowCount(0)
        self._load(record.data)

    def _load(self, data: ReviewInput) -> None:
        self.held_on.set_value(data.held_on)
        self.held.setChecked(data.held)
        self.parents.setText(data.parents)
        self.staff.setText(data.staff)
        self.professionals.setText(data.professionals)
        for key, box in self.texts.items():
            box.setPlainText(data.texts.get(key, ""))
        self.agreed_by.setText(data.agreed_by)
        self.agreed_on.set_value(data.agreed_on)
        self.plans.setRowCount(len(data.plans))
        for r, plan in enumerate(data.plans):
            area = plan.goal_area.label.split(" ")[0].rstrip(",").capitalize()
            for c, text in enumerate((plan.title, area)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.plans.setItem(r, c, item)
            self.plans.setCellWidget(r, 2, self._combo(Progress, plan.progress, tr("Progress")))
            self.plans.setCellWidget(r, 3, self._combo(Decision, plan.decision, tr("Decision")))
            self.plans.setItem(r, 4, QTableWidgetItem(plan.note))
        self.plans.resizeColumnsToContents()
        self.plans.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.plans.resizeRowsToContents()
        for issue in data.issues:
            self._add_issue(issue)

    def _add_issue(self, issue: Issue | None = None) -> None:
        issue = issue if isinstance(issue, Issue) else Issue("")
        row = self.issues.rowCount()
        self.issues.insertRow(row)
        for c, text in enumerate(
            (issue.text, issue.owner, format_date(issue.due_on), format_date(issue.closed_on))
        ):
            self.issues.setItem(row, c, QTableWidgetItem(text))
        self.issues.setCurrentCell(row, 0)

    def _type_new_issue(self) -> None:
        """Add a row and put the typing in it: the focus left on the button sent keys nowhere."""
        self._add_issue()
        self.issues.setFocus()
        self.issues.editItem(self.issues.item(self.issues.rowCount() - 1, 0))

    def show_errors(self, errors: dict[str, str]) -> None:
        """Bring forward the page holding the first problem."""
        super().show_errors(errors)
        for name in errors:
            label = self.findChild(QLabel, f"error_{name}")
            for page in range(self.pages.count()):
                if label is not None and self.pages.widget(page).isAncestorOf(label):
                    self.pages.setCurrentIndex(page)
                    return

    def read(self, errors: dict[str, str]) -> ReviewInput:
        dates = self.read_dates(errors, held_on=self.held_on, agreed_on=self.agreed_on)
        plans = []
        for r, plan in enumerate(self.base.plans):
            progress = self.plans.cellWidget(r, 2)
            decision = self.plans.cellWidget(r, 3)
            assert isinstance(progress, QComboBox) and isinstance(decision, QComboBox)
            plans.append(
                replace(
                    plan,
                    progress=Progress(progress.currentData()),
                    decision=Decision(decision.currentData()),
                    note=self.plans.item(r, 4).text(),
                )
            )
        issues = []
        for r in range(self.issues.rowCount()):
            cells = [
                (self.issues.item(r, c).text() if self.issues.item(r, c) else "") for c in range(4)
            ]
            try:
                due, closed = parse_uk_date(cells[2]), parse_uk_date(cells[3])
            except ValueError as exc:
                errors["issues"] = tr("Issue {value}: {exc}").format(value=r + 1, exc=exc)
                continue
            if not any(cell.strip() for cell in cells):
                # Someone chose "Add an issue": saving without it, unsaid, loses what they meant.
                errors["issues"] = tr(
                    "Issue {value} is empty: type what the family raised, or remove it."
                ).format(value=r + 1)
                continue
            issues.append(Issue(cells[0], cells[1], due, closed))
        return replace(
            self.base,
            held=self.held.isChecked(),
            parents=self.parents.text(),
            staff=self.staff.text(),
            professionals=self.professionals.text(),
            texts={k: b.toPlainText() for k, b in self.texts.items()},
            plans=tuple(plans),
            issues=tuple(issues),
            agreed_by=self.agreed_by.text(),
            **dates,
        )

    def save(self) -> None:
        errors: dict[str, str] = {}
        data = self.read(errors)

        def store() -> None:
            self.saved_id = review_service.save_review(
                self.ctx.db, self.child_id, data, self.review_id, expected_version=self.version
            )

        self.run_save(errors, store, data)

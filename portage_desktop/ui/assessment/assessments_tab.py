"""The Assessments tab: the child's assessments, progress per area over time, and what the
chosen assessment says (strengths, emerging skills, next small steps)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import assessments as assessment_service
from portage_desktop.services import frameworks as framework_service
from portage_desktop.services.assessments import Assessment, AssessmentSummary
from portage_desktop.services.dates import format_date
from portage_desktop.ui.assessment.assessment_dialog import AssessmentDialog
from portage_desktop.ui.assessment.framework_import import import_checklist
from portage_desktop.ui.assessment.progress_chart import ProgressChart
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.widgets import heading

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def summary_html(summary: AssessmentSummary) -> str:
    """The chosen assessment in words, escaped, with headings a screen reader can jump to."""
    a = summary.assessment
    parts = [
        tr("<h3>{date}: {framework_title}</h3>").format(
            date=escape(format_date(a.assessed_on)), framework_title=escape(a.framework_title)
        ),
        tr("<p>Who took part: {contributors_text}</p>").format(
            contributors_text=escape(a.contributors_text)
        ),
    ]
    if a.notes:
        parts.append(tr("<p>Notes: {notes}</p>").format(notes=escape(a.notes)))
    for area in summary.areas:
        parts.append(
            tr("<h4>{area}: {count} of {total} achieved</h4>").format(
                area=escape(area.area), count=len(area.strengths), total=area.total
            )
        )
        latest = tr("Can do now") + (tr(" (the latest 5)") if len(area.strengths) > 5 else "")
        for title, items in (
            (latest, area.strengths[-5:]),
            (tr("Emerging"), area.emerging),
            (tr("Next small steps"), area.next_steps),
        ):
            text = "; ".join(escape(i.text) for i in items) or "none"
            parts.append(tr("<p><b>{title}:</b> {text}</p>").format(title=title, text=text))
    return "".join(parts)


class AssessmentsTab(QWidget):
    """Lists assessments and shows the chosen one's summary and the chart."""

    def __init__(self, ctx: AppContext, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.child_id = ctx, child_id
        self.assessments: list[Assessment] = []
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Assessments"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _i: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_a: self._show_selected())
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_selected)
        self.new_button = QPushButton(tr("&New assessment…"))
        self.new_button.setToolTip(tr("Start a new assessment with the family (Ctrl+Shift+N)"))
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_assessment)
        self.open_button = QPushButton(tr("&Open…"))
        self.remove_button = QPushButton(tr("&Remove…"))
        self.import_button = QPushButton(tr("&Import a checklist…"))
        self.import_button.setToolTip(
            tr("Add your setting's own checklist from a JSON or CSV file")
        )
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(lambda: import_checklist(self.ctx, self))
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.remove_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.chart = ProgressChart()
        self.chart_title = heading(tr("Progress in each area"), 1.1)
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(tr("What the chosen assessment says"))
        self.summary.setOpenLinks(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart_title)
        right_layout.addWidget(self.chart)
        right_layout.addWidget(self.summary, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(tr("&Assessments, newest first:"))
        caption.setBuddy(self.list)
        left_layout.addWidget(caption)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([260, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self.assessments = assessment_service.list_assessments(self.ctx.db, self.child_id)
        keep = select_id or self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for a in reversed(self.assessments):
            steps = len(a.entries)
            text = tr("{date}: {framework_title}\n{steps} small steps").format(
                date=format_date(a.assessed_on), framework_title=a.framework_title, steps=steps
            )
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, a.id)
            self.list.addItem(item)
        rows = [self.list.item(r).data(ID_ROLE) for r in range(self.list.count())]
        self.list.setCurrentRow(rows.index(keep) if keep in rows else 0)
        self.list.blockSignals(False)
        for b in (self.open_button, self.remove_button):
            b.setEnabled(bool(rows))
        self._show_selected()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item else None

    def _show_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is None:
            self.chart.set_points([])
            self.summary.setHtml(
                tr(
                    "<p>No assessments yet. Choose <b>New assessment</b> to go through a checklist "
                    "with the family; the chart and the next small steps appear here.</p>"
                )
            )
            return
        summary = assessment_service.summarise_assessment(
            self.ctx.db, self.child_id, chosen, loaded=self.assessments
        )
        self.chart.set_points(summary.progress)
        self.summary.setHtml(summary_html(summary))

    def _run(self, assessment: Assessment | None) -> None:
        latest = self.assessments[-1].framework_id if self.assessments else None
        try:
            latest = framework_service.suggested_framework_id(self.ctx.db, latest)
            dialog = AssessmentDialog(
                self.ctx, self.child_id, assessment, self, default_framework_id=latest
            )
        except REFUSED as exc:
            refused(self, tr("Not possible"), exc)
            return
        if dialog.exec() and dialog.saved is not None:
            self.refresh(dialog.saved.id)

    def new_assessment(self) -> None:
        self._run(None)

    def open_selected(self) -> None:
        chosen = next((a for a in self.assessments if a.id == self.selected_id()), None)
        if chosen is not None:
            self._run(chosen)

    def remove_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Remove assessment?"),
            tr("Remove the selected assessment and every status in it? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            assessment_service.delete_assessment(self.ctx.db, self.child_id, chosen)
        except REFUSED as exc:
            refused(self, tr("Not removed"), exc)
        self.refresh()

"""The registered-service page: supervision, induction, joint monitoring visits,
questionnaires, their questions and the annual report in one place, in the sidebar."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from portage_desktop.i18n import tr
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.service_quality.annual_report_page import AnnualReportPage
from portage_desktop.ui.service_quality.induction_checklist import InductionChecklist
from portage_desktop.ui.service_quality.monitoring_page import MonitoringPage
from portage_desktop.ui.service_quality.question_editor import QuestionEditor
from portage_desktop.ui.service_quality.questionnaire_entry import QuestionnaireEntry
from portage_desktop.ui.service_quality.rules_page import RulesPage
from portage_desktop.ui.service_quality.supervision_log import SupervisionLog


class ServiceQualityPage(QWidget):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Running the service"))
        self.supervision = SupervisionLog(ctx, today)
        self.induction = InductionChecklist(ctx, today)
        self.monitoring = MonitoringPage(ctx, today)
        self.questionnaires = QuestionnaireEntry(ctx, today)
        self.questions = QuestionEditor(ctx)
        self.report = AnnualReportPage(ctx, today)
        self.rules = RulesPage(ctx, today)
        self.tabs.addTab(self.supervision, tr("&Supervision"))
        self.tabs.addTab(self.induction, tr("&Induction"))
        self.tabs.addTab(self.monitoring, tr("&Joint visits"))
        self.tabs.addTab(self.questionnaires, tr("&Questionnaires"))
        self.tabs.addTab(self.questions, tr("Questions to &ask"))
        self.tabs.addTab(self.report, tr("Annual &report"))
        self.tabs.addTab(self.rules, tr("Ru&les and closures"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._refresh_tab)

    def _refresh_tab(self, _index: int) -> None:
        widget = self.tabs.currentWidget()
        refresh = getattr(widget, "refresh", None)
        if refresh is not None:
            refresh()

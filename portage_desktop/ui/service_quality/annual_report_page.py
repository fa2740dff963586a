"""The annual report page: choose the year, see every figure, list the records behind any of
them, and save the report as a PDF or its figures as a CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services.service_quality.annual_report import (
    AnnualReport,
    Figure,
    annual_report,
    save_figures_csv,
)
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.pdf_save import ask_pdf_path
from portage_desktop.ui.common.table_model import Column, RecordTableModel, fit_columns
from portage_desktop.ui.common.tasks import run_with_progress

COLUMNS: list[Column[Figure]] = [
    Column(tr("Section"), lambda f: f.section),
    Column(tr("Figure"), lambda f: f.label),
    Column(tr("Value"), lambda f: f.text, lambda f: f.value),
    Column(tr("Records behind it"), lambda f: str(len(f.records))),
]


def record_label(record: str) -> str:
    """'home_visit 12' as 'Home visit 12', for people rather than scripts."""
    kind, _, number = record.partition(" ")
    return f"{kind.replace('_', ' ').capitalize()} {number}"


class AnnualReportPage(QWidget):
    def __init__(self, ctx: AppContext, today: date | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.today = today or date.today()
        self.report: AnnualReport | None = None
        self.year = QSpinBox()
        self.year.setRange(2019, self.today.year)
        self.year.setValue(self.today.year)
        self.year.setAccessibleName(tr("Year"))
        self.show_year = QPushButton(tr("S&how the figures"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(tr("Registered-service check"))
        self.model: RecordTableModel[Figure] = RecordTableModel(COLUMNS)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Figures"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.show_records = QPushButton(tr("Show the &records"))
        self.records = QListWidget()
        self.records.setAccessibleName(tr("Records behind the figure"))
        self.records_title = QLabel(tr("Choose a figure and press Show the records."))
        self.pdf = QPushButton(tr("Save as &PDF…"))
        self.csv = QPushButton(tr("Save figures as &CSV…"))

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.show_year)
        top.addStretch(1)
        top.addWidget(self.pdf)
        top.addWidget(self.csv)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        side = QVBoxLayout()
        side.addWidget(self.show_records)
        side.addWidget(self.records_title)
        side.addWidget(self.records, 1)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(body, 1)

        self.show_year.clicked.connect(self.refresh)
        self.year.editingFinished.connect(self.refresh)
        self.show_records.clicked.connect(self._show_records)
        self.table.activated.connect(lambda _index: self._show_records())
        self.pdf.clicked.connect(self._save_pdf)
        self.csv.clicked.connect(self._save_csv)
        self.refresh()

    def refresh(self) -> None:
        self.report = annual_report(self.ctx.db, self.year.value(), today=self.today)
        self.model.set_rows(list(self.report.figures))
        fit_columns(self.table)
        self.summary.setText(
            tr("Registered-service check: {headline}.").format(headline=self.report.check.headline)
        )
        self.records.clear()

    def _show_records(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.records_title.setText(tr("Choose a figure first."))
            return
        figure = self.model.row_object(rows[0].row())
        self.records.clear()
        self.records.addItems([record_label(r) for r in figure.records])
        count = len(figure.records)
        self.records_title.setText(
            tr("{label}: {count} record{value}").format(
                label=figure.label, count=count, value="" if count == 1 else "s"
            )
            if count
            else tr("{label}: no records").format(label=figure.label)
        )

    def _save_pdf(self) -> None:
        out = ask_pdf_path(
            self, tr("Save the annual report"), f"service-report-{self.year.value()}"
        )
        if out is None:
            return
        year = self.year.value()

        def work(_progress):  # noqa: ANN001, ANN202
            from portage_desktop.printing.service_quality import print_service_report

            return print_service_report(self.ctx.db, year, out)

        run_with_progress(
            self,
            tr("Making the PDF…"),
            work,
            lambda path: QMessageBox.information(
                self, tr("Saved"), tr("Saved {path}.").format(path=path)
            ),
            lambda exc: QMessageBox.warning(self, tr("Not saved"), str(exc) or tr("Not saved.")),
        )

    def _save_csv(self) -> None:
        if self.report is None:
            return
        stem = f"service-figures-{self.report.year}.csv"
        target, _ = QFileDialog.getSaveFileName(
            self, tr("Save the figures"), str(Path.home() / stem), tr("CSV files (*.csv)")
        )
        if not target:
            return
        path = Path(target if target.lower().endswith(".csv") else f"{target}.csv")
        try:
            save_figures_csv(self.report, path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                tr("Not saved"),
                tr("The file could not be saved: {strerror}.").format(strerror=exc.strerror),
            )
            return
        QMessageBox.information(self, tr("Saved"), tr("Saved {path}.").format(path=path))

"""Children or staff from a spreadsheet: choose the file, check which column is which, see
every row with its problems, then import the good rows together.

Each row's state is written in words (and an icon), never colour alone, so it reads the same
to a screen reader and to someone who cannot tell red from green.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import spreadsheet_import as si
from portage_desktop.services.spreadsheet_files import Sheet, SpreadsheetError, read_sheet
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.service_errors import REFUSED, refused

PROGRESS_FROM = 50  # rows: a smaller import is over before a progress window could be read


class SpreadsheetImportDialog(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, kind: si.Kind = si.Kind.CHILDREN
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: Sheet | None = None
        self.found: si.Preview | None = None
        self.added = 0
        self.today = date.today()  # the day the screens' rules are checked against
        self.setWindowTitle(tr("Import from a spreadsheet"))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.kind_box = QComboBox()
        self.kind_box.addItem(tr("Children"), si.Kind.CHILDREN)
        self.kind_box.addItem(tr("Staff"), si.Kind.STAFF)
        self.kind_box.setCurrentIndex(0 if kind is si.Kind.CHILDREN else 1)
        self.kind_box.setAccessibleName(tr("Who the spreadsheet lists"))
        kind_label = QLabel(tr("&Import:"))
        kind_label.setBuddy(self.kind_box)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(tr("A .csv or .xlsx file"))
        self.file_edit.setAccessibleName(tr("Spreadsheet file"))
        file_label = QLabel(tr("&File:"))
        file_label.setBuddy(self.file_edit)
        self.choose_button = QPushButton(tr("&Choose file…"))
        self.load_button = QPushButton(tr("&Read file"))
        for widget in (kind_label, self.kind_box, file_label, self.file_edit):
            top.addWidget(widget)
        top.addWidget(self.choose_button)
        top.addWidget(self.load_button)
        layout.addLayout(top)
        self.file_problem = QLabel()
        self.file_problem.setWordWrap(True)
        self.file_problem.setAccessibleName(tr("Problem with the file"))
        layout.addWidget(self.file_problem)

        layout.addWidget(QLabel(tr("Which field is in each column (change a guess if wrong):")))
        self.columns = QTableWidget(0, 2)
        self.columns.setHorizontalHeaderLabels([tr("Heading in the file"), tr("Field")])
        self.columns.setAccessibleName(tr("Columns and their fields"))
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns.setMaximumHeight(170)
        layout.addWidget(self.columns)

        self.counts = QLabel()
        self.counts.setAccessibleName(tr("What will be imported"))
        layout.addWidget(self.counts)
        self.rows = QTableWidget(0, 4)
        self.rows.setHorizontalHeaderLabels([tr("Row"), tr("State"), tr("Name"), tr("Problems")])
        self.rows.setAccessibleName(tr("Preview of each row"))
        self.rows.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.verticalHeader().setVisible(False)
        layout.addWidget(self.rows, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(
            tr("I&mport"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._import)
        layout.addWidget(buttons)

        self.choose_button.clicked.connect(self._choose)
        self.load_button.clicked.connect(self.load)
        self.file_edit.returnPressed.connect(self.load)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)

    @property
    def kind(self) -> si.Kind:
        return si.Kind(self.kind_box.currentData())

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            tr("Choose a spreadsheet"),
            str(Path.home()),
            tr("Spreadsheets (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"),
        )
        if name:
            self.file_edit.setText(name)
            self.load()

    def load(self) -> None:
        """Read the file named in the box, guess the columns and show the preview."""
        text = self.file_edit.text().strip()
        self.sheet = None
        if not text:
            self.file_problem.setText(tr("Please choose a spreadsheet file first."))
            self._show_preview()
            return
        try:
            self.sheet = read_sheet(Path(text).expanduser())
        except SpreadsheetError as exc:
            self.file_problem.setText(str(exc))
        else:
            self.file_problem.setText("")
        self._fill_columns()

    def _kind_changed(self) -> None:
        self._fill_columns()

    def _fill_columns(self) -> None:
        headings = self.sheet.headings if self.sheet else ()
        guesses = si.guess_mapping(headings, self.kind)
        fields = si.fields(self.kind)
        self.columns.setRowCount(len(headings))
        for row, (heading, guess) in enumerate(zip(headings, guesses, strict=True)):
            self.columns.setItem(row, 0, QTableWidgetItem(heading or tr("(no heading)")))
            box = QComboBox()
            box.addItem(tr("(leave out)"), si.IGNORE)
            for code, label in fields.items():
                box.addItem(label, code)
            box.setCurrentIndex(max(0, box.findData(guess)))
            box.setAccessibleName(tr("Field for the column {heading}").format(heading=heading))
            box.currentIndexChanged.connect(self._show_preview)
            self.columns.setCellWidget(row, 1, box)
        self._show_preview()

    def mapping(self) -> list[str]:
        found = []
        for row in range(self.columns.rowCount()):
            box = self.columns.cellWidget(row, 1)
            assert isinstance(box, QComboBox)
            found.append(str(box.currentData()))
        return found

    def _show_preview(self) -> None:
        self.found = None
        self.rows.setRowCount(0)
        if self.sheet is None:
            self.counts.setText("")
            self.import_button.setEnabled(False)
            return
        try:
            self.found = si.preview(self.ctx.db, self.sheet, self.mapping(), self.kind, self.today)
        except REFUSED as exc:
            refused(self, tr("Cannot preview"), exc)
            return
        style = self.style()
        icons = {
            "ready": style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            "skip": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
            "bad": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self.rows.setRowCount(len(self.found.rows))
        for i, row in enumerate(self.found.rows):
            if row.duplicate:
                state, icon, why = tr("Skipped: already held"), icons["skip"], row.duplicate
            elif row.problems:
                state, icon, why = (
                    tr("Not imported: problems"),
                    icons["bad"],
                    " ".join(row.problems),
                )
            else:
                state, icon, why = tr("Ready"), icons["ready"], ""
            name = " ".join(
                x for x in (row.values.get("first_name", ""), row.values.get("last_name", "")) if x
            )
            state_item = QTableWidgetItem(icon, state)
            for col, item in enumerate(
                (
                    QTableWidgetItem(str(row.number)),
                    state_item,
                    QTableWidgetItem(name),
                    QTableWidgetItem(why),
                )
            ):
                self.rows.setItem(i, col, item)
        self.rows.resizeColumnsToContents()
        self.counts.setText(self.found.counts_text())
        self.import_button.setEnabled(self.found.to_import > 0)

    def _import(self) -> None:
        found = self.found
        if found is None or found.to_import == 0:
            return
        progress: QProgressDialog | None = None
        if found.to_import >= PROGRESS_FROM:
            progress = QProgressDialog(tr("Importing…"), "", 0, found.to_import, self)
            progress.setCancelButton(None)
            progress.setWindowTitle(tr("Importing"))
            progress.setMinimumDuration(0)

        def step(done: int, total: int) -> None:
            if progress is not None:
                progress.setValue(done)
                QApplication.processEvents()

        try:
            self.added = si.import_rows(self.ctx.db, found, self.today, step)
        except REFUSED as exc:
            refused(self, tr("Not imported"), exc)
            return
        finally:
            if progress is not None:
                progress.close()
        QMessageBox.information(
            self, tr("Imported"), tr("Added {n} to the records.").format(n=self.added)
        )
        self.accept()


def open_spreadsheet_import(ctx: AppContext, parent: QWidget) -> int:
    """Open the import; returns how many people were added."""
    dialog = SpreadsheetImportDialog(ctx, parent)
    dialog.exec()
    return dialog.added

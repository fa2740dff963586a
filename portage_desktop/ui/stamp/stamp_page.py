"""The Stamp of Approval area: where the setting stands on each criterion, statements, awards.

A manager sees every criterion with the evidence behind it and what would fix it, writes and
confirms the statements the records cannot show, keeps the award history, and goes on to the
self-assessment wizard and the application pack.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.i18n import tr
from portage_desktop.services import setting_profile, stamp_statements
from portage_desktop.services.access import PermissionDenied
from portage_desktop.services.dates import format_date
from portage_desktop.services.errors import ConflictError, ValidationError
from portage_desktop.services.setting_profile import Award
from portage_desktop.services.stamp_check import StampCheck, statement_subject
from portage_desktop.services.stamp_criteria import CriterionResult
from portage_desktop.services.stamp_statements import Statement
from portage_desktop.ui.common.conflict_dialog import ConflictChoice, ask_about_conflict
from portage_desktop.ui.common.context import AppContext, RefreshWhenShown
from portage_desktop.ui.common.pdf_save import save_print
from portage_desktop.ui.common.row_fit import RowFitter
from portage_desktop.ui.common.service_errors import REFUSED, refused
from portage_desktop.ui.common.table_model import Column, RecordTableModel
from portage_desktop.ui.common.theme import error_style
from portage_desktop.ui.common.widgets import heading
from portage_desktop.ui.stamp.check_worker import checker_for
from portage_desktop.ui.stamp.counted_records import RecordsCountedDialog
from portage_desktop.ui.stamp.criteria_view import CriteriaModel
from portage_desktop.ui.stamp.stamp_dialogs import AwardDialog

STATEMENT_CRITERIA = (1, 2, 3, 4, 5)


def _wrapping(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _list_html(items: tuple[str, ...]) -> str:
    from html import escape

    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


class StampPage(RefreshWhenShown, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.check: StampCheck | None = None
        self.current: CriterionResult | None = None
        self.headline = _wrapping()
        self.headline.setObjectName("stamp_headline")
        self.warnings = _wrapping()
        self.warnings.setObjectName("stamp_warnings")
        self.warnings.setStyleSheet(error_style())
        self.model = CriteriaModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Stamp of Approval criteria"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rows = RowFitter(self.table)
        header.geometriesChanged.connect(self.rows.timer.start)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)

        self.detail_title = heading("", 1.15)
        self.detail_title.setWordWrap(True)
        self.evidence = _wrapping()
        self.evidence.setObjectName("criterion_evidence")
        self.evidence.setAccessibleName(tr("Evidence"))
        self.fixes = _wrapping()
        self.fixes.setObjectName("criterion_fixes")
        self.fixes.setAccessibleName(tr("What would fix it"))
        self.statement_box = QGroupBox(tr("Your statement"))
        self.statement = QPlainTextEdit()
        self.statement.setAccessibleName(tr("Your statement"))
        self.statement.setTabChangesFocus(True)
        self.statement.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.confirm = QCheckBox(tr("I &confirm this is true today"))
        self.save_statement_button = QPushButton(tr("&Save statement"))
        self.save_statement_button.clicked.connect(self.save_statement)
        self.statement_error = _wrapping()
        self.statement_error.setObjectName("error_statement")
        self.statement_error.setStyleSheet(error_style())
        self.statement_saved = QLabel()
        box_layout = QVBoxLayout(self.statement_box)
        box_layout.addWidget(self.statement)
        box_layout.addWidget(self.statement_error)
        row = QHBoxLayout()
        row.addWidget(self.confirm)
        row.addStretch(1)
        row.addWidget(self.statement_saved)
        row.addWidget(self.save_statement_button)
        box_layout.addLayout(row)
        self.statement.textChanged.connect(self._mark_dirty)
        self.confirm.toggled.connect(self._mark_dirty)
        self.statement_dirty = False
        self.statement_version = 0  # of the statement shown; 0 when none is stored yet
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        self.records_button = QPushButton(tr("Show the records cou&nted…"))
        self.records_button.setToolTip(tr("Every record behind this verdict, to check it by hand"))
        self.records_button.clicked.connect(self.show_records)
        detail_layout.addWidget(self.records_button, 0, Qt.AlignmentFlag.AlignLeft)
        detail_layout.addWidget(QLabel(tr("<b>Evidence from your records</b>")))
        detail_layout.addWidget(self.evidence)
        detail_layout.addWidget(QLabel(tr("<b>What would fix it</b>")))
        detail_layout.addWidget(self.fixes)
        self.records_note = _wrapping(
            tr(
                "This criterion is checked from the training records: keep them up to date in "
                "Staff & training."
            )
        )
        detail_layout.addWidget(self.records_note)
        detail_layout.addWidget(self.statement_box)
        detail_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(detail)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setAccessibleName(tr("Criterion details"))

        self.awards_model: RecordTableModel[Award] = RecordTableModel(
            [
                Column(tr("Applied"), lambda a: format_date(a.applied_on)),
                Column(tr("Awarded"), lambda a: format_date(a.awarded_on)),
                Column(tr("Valid through"), lambda a: format_date(a.expires_on)),
                Column(tr("Portage representative"), lambda a: a.representative),
            ]
        )
        self.awards = QTableView()
        self.awards.setModel(self.awards_model)
        self.awards.setAccessibleName(tr("Award history"))
        self.awards.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.awards.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.awards.verticalHeader().setVisible(False)
        self.awards.horizontalHeader().setStretchLastSection(True)
        self.awards.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.awards.activated.connect(lambda _i: self.edit_award())
        award_box = QGroupBox(tr("Award history"))
        award_layout = QVBoxLayout(award_box)
        award_layout.addWidget(self.awards)
        award_buttons = QHBoxLayout()
        for text, slot in (
            (tr("Record an a&ward…"), self.add_award),
            (tr("Edit a&ward…"), self.edit_award),
            (tr("Delete awa&rd…"), self.delete_award),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            award_buttons.addWidget(button)
        award_buttons.addStretch(1)
        award_layout.addLayout(award_buttons)

        self.wizard_button = QPushButton(tr("Start or continue the &self-assessment…"))
        self.wizard_button.clicked.connect(self.open_wizard)
        self.print_button = QPushButton(tr("&Print the application pack…"))
        self.print_button.clicked.connect(self.print_pack)
        actions = QHBoxLayout()
        actions.addWidget(self.wizard_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setSizes([560, 440])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Stamp of Approval")))
        layout.addWidget(self.headline)
        layout.addWidget(self.warnings)
        layout.addLayout(actions)
        layout.addWidget(split, 1)
        layout.addWidget(award_box)
        for signal in (
            ctx.hub.staff_changed,
            ctx.hub.setting_changed,
            ctx.hub.children_changed,
            ctx.hub.database_replaced,
        ):
            signal.connect(self.refresh_if_shown)
        self.checker = checker_for(ctx)
        self.checker.ready.connect(self._show_check)
        self.checker.failed.connect(self._check_failed)
        self.refresh()

    def refresh(self) -> None:
        """Ask for the check again; the page fills in when the worker has it. Until then the
        wizard waits, as it starts from the check."""
        self.wizard_button.setEnabled(False)
        if self.check is None:
            self.headline.setText(tr("Checking the criteria against your records…"))
        self.checker.request()

    def _check_failed(self, message: str) -> None:
        self.headline.setText(
            tr("The criteria could not be checked just now. {message}").format(message=message)
        )

    def _show_check(self, check: StampCheck) -> None:
        chosen = self.current.number if self.current else 1
        # A refresh from another page must never throw away a statement being typed.
        unsaved = (
            (self.statement.toPlainText(), self.confirm.isChecked())
            if self.statement_dirty and self.current
            else None
        )
        today = date.today()
        self.check = check
        self.wizard_button.setEnabled(True)
        held = self.check.award
        award = (
            tr("Your award is valid through {date}, up to and including that day.").format(
                date=format_date(held.expires_on)
            )
            if held
            else tr("You do not hold the award at the moment.")
        )
        self.headline.setText(
            tr("Checked against your records on {date}: {headline}. {award}").format(
                date=format_date(today), headline=self.check.headline, award=award
            )
        )
        self.warnings.setText("\n".join(f"⚠ {w}" for w in self.check.warnings))
        self.warnings.setVisible(bool(self.check.warnings))
        self.model.set_rows(list(self.check.results))
        self.rows.fit_now()
        self.awards_model.set_rows(setting_profile.list_awards(self.ctx.db))
        self.statement_dirty = False
        self.current = None
        self.table.selectRow(chosen - 1)
        if unsaved is not None:
            self.statement.setPlainText(unsaved[0])
            self.confirm.setChecked(unsaved[1])
            self.statement_dirty = True

    def _mark_dirty(self, *_args: object) -> None:
        self.statement_dirty = True
        self.statement_saved.clear()

    def _show_selected(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        result = self.model.row_object(rows[0].row())
        if (
            self.current is not None
            and result.number != self.current.number
            and self.statement_dirty
        ):
            answer = QMessageBox.question(
                self,
                tr("Save your statement?"),
                tr("Your statement for criterion {number} is not saved. Save it now?").format(
                    number=self.current.number
                ),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save and not self.save_statement():
                return
        self.current = result
        self.detail_title.setText(f"{result.number}. {result.title}")
        self.evidence.setText(_list_html(result.evidence))
        self.fixes.setText(
            _list_html(result.fixes) if result.fixes else tr("Nothing: this is met.")
        )
        said = stamp_statements.statements(self.ctx.db).get(result.number)
        uses_statement = result.number in STATEMENT_CRITERIA
        self.statement_box.setVisible(uses_statement)
        self.records_note.setVisible(not uses_statement)
        self.statement.blockSignals(True)
        self.confirm.blockSignals(True)
        self.statement.setPlainText(said.text if said else "")
        self.statement_version = said.version if said else 0
        confirmed = bool(said and said.confirmed_for(self._subject(result.number)))
        self.confirm.setChecked(confirmed)
        self.statement_saved.setText(
            tr("Confirmed by {confirmed_by} on {date}").format(
                confirmed_by=said.confirmed_by, date=format_date(said.confirmed_on)
            )
            if said and confirmed
            else ""
        )
        self.statement.blockSignals(False)
        self.confirm.blockSignals(False)
        self.statement_error.clear()
        self.statement_dirty = False

    def show_records(self) -> None:
        if self.current is not None:
            RecordsCountedDialog(self.current, parent=self).exec()

    def _subject(self, number: int) -> str:
        return statement_subject(self.ctx.db, number, date.today())

    def save_statement(self) -> bool:
        if self.current is None:
            return False
        number = self.current.number
        try:
            saved = stamp_statements.save_statement(
                self.ctx.db,
                number,
                self.statement.toPlainText(),
                self.confirm.isChecked(),
                self._subject(number),
                expected_version=self.statement_version,
            )
        except ConflictError as exc:
            return self._statement_conflict(exc)
        except ValidationError as exc:
            self.statement_error.setText("⚠ " + " ".join(exc.errors.values()))
            self.statement.setFocus()
            return False
        except PermissionDenied as exc:
            self.statement_error.setText(f"⚠ {exc}")
            return False
        self.statement_version = saved.version
        self.statement_dirty = False
        self.ctx.hub.setting_changed.emit()
        return True

    def _statement_conflict(self, error: ConflictError) -> bool:
        """Another manager saved this statement meanwhile: show both, then do as asked."""
        theirs: Statement = error.current
        mine = replace(theirs, text=self.statement.toPlainText())
        choice = ask_about_conflict(self, error, mine, {"text": tr("Statement")})
        if choice is ConflictChoice.KEEP_MINE:
            self.statement_version = theirs.version
            return self.save_statement()
        if choice is ConflictChoice.RELOAD:
            self.statement.blockSignals(True)
            self.statement.setPlainText(theirs.text)
            self.statement.blockSignals(False)
            self.statement_version = theirs.version
            self.statement_dirty = False
            self.statement_error.setText(tr("Reloaded: this shows the statement saved now."))
            return False
        self.statement_error.setText(
            tr(
                "⚠ Not saved: someone else saved this statement after you opened it. "
                "Save again to compare the two and choose."
            )
        )
        return False

    def selected_award(self) -> Award | None:
        rows = self.awards.selectionModel().selectedRows()
        return self.awards_model.row_object(rows[0].row()) if rows else None

    def add_award(self) -> None:
        AwardDialog(self.ctx, parent=self).exec()

    def edit_award(self) -> None:
        award = self.selected_award()
        if award is not None:
            AwardDialog(self.ctx, award, parent=self).exec()

    def delete_award(self) -> None:
        award = self.selected_award()
        if award is None:
            return
        answer = QMessageBox.question(
            self,
            tr("Delete award?"),
            tr("Delete this award from the history? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            setting_profile.delete_award(self.ctx.db, award.id)
        except REFUSED as exc:
            refused(self, tr("Not deleted"), exc)
            return
        self.ctx.hub.setting_changed.emit()

    def open_wizard(self) -> None:
        from portage_desktop.ui.stamp.stamp_wizard import StampWizard

        if self.check is None or self.checker.running:
            return  # the button is off until the check is in; a shortcut may still come
        StampWizard(self.ctx, parent=self, check=self.check).exec()
        self.refresh()

    def print_pack(self) -> None:
        save_print(
            self,
            self.ctx.db,
            "application-pack",
            tr("Save the application pack as PDF"),
            "stamp-application-pack",
        )

"""The spreadsheet import screen: 300 children with messy columns, driven by keyboard and mouse."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from portage_desktop.services import children, staff
from portage_desktop.services.children import ChildInput
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import StaffRole
from portage_desktop.ui.children.spreadsheet_dialog import SpreadsheetImportDialog
from tests.conftest import TODAY

FIRST_BORN = date(2023, 1, 1)


def _messy_workbook(path: Path) -> None:
    """300 different children, with dates three ways, blank rows, five repeats, three
    impossible dates and a cell that looks like a formula."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Pupil ID", "Given", "SURNAME", "D.O.B.", "Key worker", "Notes"])
    rows = []
    for i in range(300):
        born = FIRST_BORN + timedelta(days=i)
        cell: object = (
            datetime.combine(born, datetime.min.time())
            if i % 3 == 0
            else born.strftime("%d/%m/%Y")
            if i % 3 == 1
            else born.isoformat()
        )
        if i in (10, 20, 30):
            cell = "31/04/2023"
        first = "=1+2" if i == 7 else f"Kid{i}"
        rows.append([f"P{i}", first, "Messy", cell, "Jo Reed" if i % 2 else "", "none"])
    for number, row in enumerate(rows):
        sheet.append(row)
        if number % 60 == 59:
            sheet.append([None] * 6)
    for i in (40, 41, 42, 43, 44):
        born = FIRST_BORN + timedelta(days=i)
        sheet.append(["", f"kid{i}", "MESSY", born.strftime("%-d/%-m/%y"), "", ""])
    book.save(path)


def test_300_messy_children_import_through_the_mapping_screen(qtbot, ctx, tmp_path, answer_boxes):
    said = answer_boxes()
    staff.save_staff(ctx.db, StaffInput("Jo", "Reed", (StaffRole.KEY_PERSON,)))
    children.save_child(ctx.db, ChildInput("Kid0", "Messy", FIRST_BORN), today=TODAY)
    path = tmp_path / "children.xlsx"
    _messy_workbook(path)

    dialog = SpreadsheetImportDialog(ctx)
    dialog.today = TODAY
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.file_edit, str(path))
    qtbot.keyClick(dialog.file_edit, Qt.Key.Key_Return)
    assert dialog.file_problem.text() == ""
    assert dialog.mapping() == ["", "", "last_name", "date_of_birth", "key_person", ""]
    given = dialog.columns.cellWidget(1, 1)
    assert isinstance(given, QComboBox)
    given.setFocus()
    qtbot.keyClicks(given, "First")
    assert dialog.mapping()[1] == "first_name"

    assert dialog.counts.text() == "296 to import, 6 duplicates skipped, 3 with problems"
    states = {
        dialog.rows.item(r, 0).text(): (
            dialog.rows.item(r, 1).text(),
            dialog.rows.item(r, 3).text(),
        )
        for r in range(dialog.rows.rowCount())
    }
    assert states["2"] == ("Skipped: already held", "Already in the records.")
    bad_state, bad_why = states["12"]
    assert bad_state == "Not imported: problems" and "does not exist" in bad_why
    assert ("Skipped: already held", "The same person as row 42.") in states.values()
    assert dialog.rows.item(2, 1).icon().isNull() is False  # an icon beside the words

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.added == 296
    assert ("information", "Imported: Added 296 to the records.") in said
    held = children.list_children(ctx.db)
    assert len(held) == 297
    by_name = {c.first_name: c for c in held}
    assert by_name["=1+2"].last_name == "Messy"
    assert by_name["Kid1"].key_person == "Jo Reed" and by_name["Kid2"].key_person == ""
    assert by_name["Kid1"].date_of_birth == date(2023, 1, 2)
    assert by_name["Kid299"].date_of_birth == FIRST_BORN + timedelta(days=299)
    assert "Kid10" not in by_name


def test_a_file_that_cannot_be_read_is_explained_beside_the_field(qtbot, ctx, tmp_path):
    dialog = SpreadsheetImportDialog(ctx)
    qtbot.addWidget(dialog)
    bad = tmp_path / "list.pdf"
    bad.write_text("x")
    qtbot.keyClicks(dialog.file_edit, str(bad))
    qtbot.mouseClick(dialog.load_button, Qt.MouseButton.LeftButton)
    assert (
        dialog.file_problem.text() == "Please choose a .csv or .xlsx file (Excel can save either)."
    )
    assert not dialog.import_button.isEnabled()


def test_the_menus_open_both_imports(qtbot, ctx, open_window, monkeypatch):
    window = open_window(ctx)
    menus = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu()}
    titles = list(menus)
    assert titles.index("&Assessments") == titles.index("&Help") - 1
    (checklist,) = [
        a for a in menus["&Assessments"].actions() if a.text() == "&Import a checklist…"
    ]
    asked: list[str] = []

    def chooser(_parent, title, *_args):
        asked.append(title)
        return "", ""

    monkeypatch.setattr(
        "portage_desktop.ui.assessment.framework_import.QFileDialog.getOpenFileName", chooser
    )
    checklist.trigger()
    assert asked == ["Import a checklist"]

    (sheet,) = [a for a in menus["&File"].actions() if "spreadsheet" in a.text()]
    opened: list[SpreadsheetImportDialog] = []
    monkeypatch.setattr(SpreadsheetImportDialog, "exec", lambda self: opened.append(self) or 0)
    sheet.trigger()
    assert len(opened) == 1 and opened[0].kind_box.currentText() == "Children"

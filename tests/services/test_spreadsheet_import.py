"""Children and staff from a spreadsheet: reading, guessing columns, dates, duplicates,
formula cells, and the all-or-nothing import."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from portage_desktop.services import audit, children, staff
from portage_desktop.services.children import ChildInput
from portage_desktop.services.spreadsheet_files import (
    MAX_BYTES,
    Sheet,
    SpreadsheetError,
    read_sheet,
    safe_csv_cell,
)
from portage_desktop.services.spreadsheet_import import (
    IGNORE,
    Kind,
    guess_mapping,
    import_rows,
    parse_date,
    preview,
)
from portage_desktop.services.staff import StaffInput
from portage_desktop.services.vocabulary import StaffRole
from tests.conftest import TODAY


def test_headings_are_guessed_from_the_words_settings_use():
    headings = ["Child's first name", "Surname", "DOB", "Key Person", "Notes", "Forename"]
    assert guess_mapping(headings, Kind.CHILDREN) == [
        "first_name", "last_name", "date_of_birth", "key_person", IGNORE, IGNORE,
    ]  # fmt: skip
    assert guess_mapping(["Forename", "Family name", "Date of Birth"], Kind.CHILDREN) == [
        "first_name", "last_name", "date_of_birth",
    ]  # fmt: skip
    assert guess_mapping(["First name", "Last name", "Job title"], Kind.STAFF) == [
        "first_name", "last_name", "roles",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29/02/2024", date(2024, 2, 29)),
        ("28/02/2023", date(2023, 2, 28)),
        ("1/3/23", date(2023, 3, 1)),
        ("2023-04-30", date(2023, 4, 30)),
        ("30/04/2023", date(2023, 4, 30)),
        ("01/05/2023", date(2023, 5, 1)),
    ],
)
def test_uk_and_iso_dates_are_read_day_first(text: str, expected: date):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["29/02/2023", "31/04/2023", "2023-02-29", "12/13/2023", "soon"])
def test_dates_that_do_not_exist_are_refused_plainly(text: str):
    with pytest.raises(ValueError, match="date"):
        parse_date(text)


def test_an_excel_date_cell_is_used_as_it_is():
    assert parse_date(date(2024, 2, 29)) == date(2024, 2, 29)


def _write_csv(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_in_windows_1252_with_semicolons_and_utf8_with_bom(tmp_path: Path):
    latin = _write_csv(tmp_path / "a.csv", "Forename;Surname\nZoë;Brontë\n", "cp1252")
    assert read_sheet(latin) == Sheet(("Forename", "Surname"), (("Zoë", "Brontë"),))
    bom = _write_csv(tmp_path / "b.csv", "\ufeffForename,Surname\nSiân,Ó Briain\n", "utf-8")
    assert read_sheet(bom).rows == (("Siân", "Ó Briain"),)


def test_too_large_and_wrong_kind_of_file_are_refused_plainly(tmp_path: Path):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(SpreadsheetError, match="too large"):
        read_sheet(big)
    with pytest.raises(SpreadsheetError, match=r"\.csv or \.xlsx"):
        read_sheet(_write_csv(tmp_path / "x.pdf", "x", "utf-8"))
    with pytest.raises(SpreadsheetError, match="not a readable Excel"):
        read_sheet(_write_csv(tmp_path / "x.xlsx", "not a zip", "utf-8"))


def test_xlsx_dates_and_formula_cells_are_read_as_written(tmp_path: Path):
    book = Workbook()
    sheet = book.active
    sheet.append(["First name", "Surname", "Date of birth"])
    sheet.append(['=HYPERLINK("http://x")', "Cole", datetime(2023, 6, 1)])
    book.save(tmp_path / "k.xlsx")
    read = read_sheet(tmp_path / "k.xlsx")
    assert read.rows == (('=HYPERLINK("http://x")', "Cole", date(2023, 6, 1)),)


def test_formula_text_is_stored_exactly_and_exported_safely(db):
    sheet = Sheet(
        ("First name", "Surname", "DOB"),
        (("=1+1", "+Cole", "01/06/2023"), ("@Ann", "-Bee", "02/06/2023")),
    )
    found = preview(db, sheet, guess_mapping(sheet.headings, Kind.CHILDREN), Kind.CHILDREN, TODAY)
    assert import_rows(db, found, TODAY) == 2
    names = {(c.first_name, c.last_name) for c in children.list_children(db)}
    assert names == {("=1+1", "+Cole"), ("@Ann", "-Bee")}
    assert [safe_csv_cell(x) for x in ("=1+1", "+C", "-B", "@A", "Ann", 3)] == [
        "'=1+1", "'+C", "'-B", "'@A", "Ann", 3,
    ]  # fmt: skip


def test_duplicates_in_the_records_and_earlier_in_the_file_are_skipped(db):
    children.save_child(db, ChildInput("Amira", "Okafor", date(2023, 5, 1)), today=TODAY)
    sheet = Sheet(
        ("First name", "Surname", "Date of birth"),
        (
            ("amira", "OKAFOR", "01/05/2023"),  # held already
            ("Ben", "Ode", "2023-05-02"),
            ("Ben", "Ode", "02/05/23"),  # the row before again
            ("Ben", "Ode", "03/05/2023"),  # another Ben: a different birthday
            ("", "", ""),
        ),
    )
    found = preview(db, sheet, guess_mapping(sheet.headings, Kind.CHILDREN), Kind.CHILDREN, TODAY)
    assert [(r.number, r.duplicate) for r in found.rows] == [
        (2, "Already in the records."),
        (3, ""),
        (4, "The same person as row 3."),
        (5, ""),
    ]
    assert found.counts_text() == "2 to import, 2 duplicates skipped, 0 with problems"
    assert import_rows(db, found, TODAY) == 2
    assert len(children.list_children(db)) == 3


def test_each_rows_problems_are_said_in_plain_words(db):
    staff.save_staff(db, StaffInput("Jo", "Reed", (StaffRole.KEY_PERSON,)))
    sheet = Sheet(
        ("First name", "Surname", "DOB", "Key person"),
        (
            ("Cara", "", "31/04/2023", "Jo Reed"),
            ("Dev", "Shah", "29/02/2023", ""),
            ("Eve", "Hart", "01/01/2090", "Sam Nobody"),
            ("Fay", "Lowe", "28/02/2023", "jo reed"),
        ),
    )
    found = preview(db, sheet, guess_mapping(sheet.headings, Kind.CHILDREN), Kind.CHILDREN, TODAY)
    problems = [r.problems for r in found.rows]
    assert problems[0] == (
        "Date of birth: That date does not exist. Enter a date like 24/03/2023.",
        "Please enter the child's surname.",
    )
    assert problems[1] == (
        "Date of birth: That date does not exist. Enter a date like 24/03/2023.",
    )
    assert "Key person: nobody called Sam Nobody is on the staff list." in problems[2]
    assert "The date of birth cannot be in the future." in problems[2]
    assert problems[3] == ()
    assert (found.to_import, found.with_problems) == (1, 3)
    assert import_rows(db, found, TODAY) == 1
    (fay,) = children.list_children(db)
    assert (fay.first_name, fay.key_person) == ("Fay", "Jo Reed")


def test_staff_rows_with_roles_and_one_audit_entry_each(db):
    sheet = Sheet(
        ("Forename", "Surname", "Role", "Start date"),
        (
            ("Jo", "Reed", "Key person, SENCO", "01/09/2020"),
            ("Al", "Bee", "Cook", ""),
        ),
    )
    found = preview(db, sheet, guess_mapping(sheet.headings, Kind.STAFF), Kind.STAFF, TODAY)
    assert found.rows[1].problems == (
        "Roles: Cook is not a role the app knows.",
        "Please choose at least one role.",
    )
    assert import_rows(db, found, TODAY) == 1
    (jo,) = staff.list_staff(db)
    assert jo.roles == (StaffRole.SENCO, StaffRole.KEY_PERSON)
    entries = audit.search(db, record_kind="staff")
    assert len(entries) == 1


def test_a_failure_part_way_writes_nothing(db, monkeypatch: pytest.MonkeyPatch):
    sheet = Sheet(
        ("First name", "Surname", "DOB"),
        tuple((f"Child{i}", "Test", "01/06/2023") for i in range(5)),
    )
    found = preview(db, sheet, guess_mapping(sheet.headings, Kind.CHILDREN), Kind.CHILDREN, TODAY)

    def fail(done: int, total: int) -> None:
        if done == 3:
            raise RuntimeError("the server went away")

    with pytest.raises(RuntimeError):
        import_rows(db, found, TODAY, progress=fail)
    assert children.list_children(db) == []

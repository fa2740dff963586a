"""Reading a spreadsheet of people (CSV or .xlsx) into headings and rows, and writing CSV cells
that a spreadsheet will not run.

Kept apart from the import rules so the file formats (encodings, separators, Excel cells) can
be tested on their own. No Qt, no database.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from portage_desktop.i18n import tr

MAX_BYTES = 20 * 1024 * 1024  # far above any setting's list; stops a wrong file filling memory
MAX_ROWS = 20_000
FORMULA_STARTS = ("=", "+", "-", "@")

Cell = str | date | None


class SpreadsheetError(Exception):
    """The file cannot be read as a spreadsheet; the message says why in plain words."""


@dataclass(frozen=True)
class Sheet:
    """The first row's headings and every later row, each cell text or a date (Excel)."""

    headings: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def safe_csv_cell(value: object) -> object:
    """A cell for a CSV someone will open in a spreadsheet: text beginning with ``=``, ``+``,
    ``-`` or ``@`` gets a leading apostrophe so the spreadsheet shows it instead of running it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def read_sheet(path: Path) -> Sheet:
    """Read ``path`` (.csv, .txt or .xlsx); raise :class:`SpreadsheetError` plainly otherwise."""
    try:
        size = path.stat().st_size
    except OSError:
        raise SpreadsheetError(
            tr("The file {name} cannot be opened.").format(name=path.name)
        ) from None
    if size > MAX_BYTES:
        raise SpreadsheetError(
            tr(
                "The file {name} is too large to be a list of children or staff "
                "(more than {mb} MB). Please check it is the right file."
            ).format(name=path.name, mb=MAX_BYTES // (1024 * 1024))
        )
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        grid = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        grid = _read_csv(path.read_bytes())
    else:
        raise SpreadsheetError(tr("Please choose a .csv or .xlsx file (Excel can save either)."))
    grid = [row for row in grid if any(_text(c) for c in row)]
    if not grid:
        raise SpreadsheetError(tr("The file {name} is empty.").format(name=path.name))
    if len(grid) - 1 > MAX_ROWS:
        raise SpreadsheetError(
            tr("The file has more than {n} rows; please split it into smaller files.").format(
                n=MAX_ROWS
            )
        )
    headings = tuple(_text(c) for c in grid[0])
    width = len(headings)
    rows = tuple(tuple((list(r) + [None] * width)[:width]) for r in grid[1:])
    return Sheet(headings, rows)


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    return cell.strip() if isinstance(cell, str) else cell.isoformat()


def _decode(data: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), else Windows-1252, which Excel uses for
    "CSV" on an English Windows."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes) -> list[list[Cell]]:
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if "\t" in first and first.count("\t") > first.count(delimiter):
        delimiter = "\t"
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error:
        raise SpreadsheetError(
            tr("The file is not a readable CSV file. Please save it again from the spreadsheet.")
        ) from None


def _read_xlsx(path: Path) -> list[list[Cell]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        # data_only=False: a formula cell comes back as its text (=SUM(...)), stored as text.
        book = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise SpreadsheetError(
            tr("The file {name} is not a readable Excel (.xlsx) file.").format(name=path.name)
        ) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            return []
        grid: list[list[Cell]] = []
        for values in sheet.iter_rows(values_only=True):
            grid.append([_cell(v) for v in values])
            if len(grid) > MAX_ROWS + 1:
                break
        return grid
    finally:
        book.close()


def _cell(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

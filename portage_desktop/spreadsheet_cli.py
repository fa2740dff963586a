"""``import-children`` and ``import-staff``: people from a CSV or .xlsx file, as the mapping
screen does it, for a script or a migration. Kept apart from cli.py so it grows in one place."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop.i18n import tr

if TYPE_CHECKING:
    from portage_desktop.data.engine import Database

COMMANDS = {"import-children": "children", "import-staff": "staff"}


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name, text in (
        ("import-children", tr("add children from a spreadsheet (.csv or .xlsx)")),
        ("import-staff", tr("add staff from a spreadsheet (.csv or .xlsx)")),
    ):
        cmd = commands.add_parser(name, help=text)
        cmd.add_argument("file", metavar="FILE", help=tr("the spreadsheet, .csv or .xlsx"))
        cmd.add_argument("--database", dest="sheet_database", metavar="PATH")
        cmd.add_argument(
            "--database-url",
            dest="sheet_database_url",
            metavar="URL",
            help=tr("a shared PostgreSQL server, postgresql://user@host:5432/database"),
        )
        cmd.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADING=FIELD",
            help=tr(
                'which field a column is, when the guess is wrong, such as "DOB=date_of_birth" '
                "(FIELD may be 'ignore')"
            ),
        )
        cmd.add_argument(
            "--dry-run",
            action="store_true",
            help=tr("show what would be imported and each row's problems; write nothing"),
        )
        cmd.add_argument(
            "--skip-problem-rows",
            action="store_true",
            help=tr("import the good rows even when some rows have problems"),
        )


def run(
    args: argparse.Namespace,
    open_existing: Callable[[str | None, str | None], Database],
    user_error: type[Exception],
) -> int | None:
    """Run an import command; ``None`` when ``args`` names another command."""
    if args.command not in COMMANDS:
        return None
    from portage_desktop.services import spreadsheet_import as si
    from portage_desktop.services.spreadsheet_files import SpreadsheetError, read_sheet

    kind = si.Kind(COMMANDS[args.command])
    try:
        sheet = read_sheet(Path(args.file).expanduser())
    except SpreadsheetError as exc:
        raise user_error(str(exc)) from None
    mapping = _mapping(sheet.headings, kind, args.map, user_error)
    names = si.fields(kind)
    shown = [
        f"  {h} -> {names[c] if c else tr('(left out)')}"
        for h, c in zip(sheet.headings, mapping, strict=True)
    ]
    db = open_existing(
        args.sheet_database or args.database, args.sheet_database_url or args.database_url
    )
    try:
        today = date.today()
        found = si.preview(db, sheet, mapping, kind, today)
        print(tr("Columns:"))
        print("\n".join(shown))
        for row in found.rows:
            if row.problems and not row.duplicate:
                print(
                    tr("Row {n}: {problems}").format(n=row.number, problems=" ".join(row.problems))
                )
        print(found.counts_text())
        if args.dry_run:
            print(tr("Nothing was written (--dry-run)."))
            return 1 if found.with_problems else 0
        if found.with_problems and not args.skip_problem_rows:
            print(
                tr(
                    "Nothing was written: please correct the rows above, or add "
                    "--skip-problem-rows to import only the good rows."
                )
            )
            return 1
        added = si.import_rows(db, found, today)
    finally:
        db.dispose()
    print(tr("Added {n} to the records.").format(n=added))
    return 0


def _mapping(
    headings: tuple[str, ...], kind: object, given: list[str], user_error: type[Exception]
) -> list[str]:
    from portage_desktop.services import spreadsheet_import as si

    assert isinstance(kind, si.Kind)
    mapping = si.guess_mapping(headings, kind)
    known = si.fields(kind)
    lowered = [h.casefold() for h in headings]
    for item in given:
        heading, sep, code = item.partition("=")
        heading, code = heading.strip(), code.strip().lower().replace(" ", "_")
        if not sep:
            raise user_error(tr('--map needs HEADING=FIELD, such as "DOB=date_of_birth"'))
        if heading.casefold() not in lowered:
            raise user_error(
                tr('--map: the file has no column headed "{heading}"').format(heading=heading)
            )
        if code not in known and code != "ignore":
            raise user_error(
                tr("--map: {field} is not a field; use one of: {fields}, ignore").format(
                    field=code, fields=", ".join(known)
                )
            )
        code = "" if code == "ignore" else code
        if code:
            mapping = [si.IGNORE if m == code else m for m in mapping]
        mapping[lowered.index(heading.casefold())] = code
    return mapping

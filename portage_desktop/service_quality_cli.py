"""``check-service`` and ``print service-report --year``: the registered-service check and the
annual report from the command line. Kept apart from cli.py so these commands grow in one
place; cli.py adds them and hands each run the way it opens a database."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop.i18n import tr

if TYPE_CHECKING:
    from portage_desktop.data.engine import Database

URL_HELP = tr("a shared PostgreSQL server, postgresql://user@host:5432/database")


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    cmd = commands.add_parser(
        "check-service",
        help=tr(
            "check a home-visiting service against the Code of Practice for registered services"
        ),
    )
    cmd.add_argument("--database", dest="quality_database", metavar="PATH")
    cmd.add_argument("--database-url", dest="quality_database_url", metavar="URL", help=URL_HELP)
    cmd.add_argument(
        "--on", metavar="DATE", help=tr("check on this day (dd/mm/yyyy or yyyy-mm-dd)")
    )
    cmd.add_argument("--json", action="store_true", help=tr("print the result as JSON"))


def add_print_options(printer: argparse.ArgumentParser) -> None:
    printer.add_argument(
        "--year", type=int, metavar="YYYY", help=tr("the year, for service-report")
    )


def run(
    args: argparse.Namespace,
    open_existing: Callable[[str | None, str | None], Database],
    parse_day: Callable[[str | None], date],
    user_error: type[Exception],
) -> int | None:
    """Run a command of this module; ``None`` when ``args`` names another one."""
    if args.command == "check-service":
        on = parse_day(args.on)
        db = open_existing(
            args.quality_database or args.database,
            args.quality_database_url or args.database_url,
        )
        try:
            from portage_desktop.services.service_quality.registered_check import check_service

            check = check_service(db, on)
        finally:
            db.dispose()
        print(check_as_json(check) if args.json else check_as_table(check))
        return 0
    year = getattr(args, "year", None)
    if args.command != "print" or (year is None and args.kind != "service-report"):
        return None
    if args.kind != "service-report":
        raise user_error(tr("--year goes with service-report"))
    if not args.out:
        raise user_error(tr("--out FILE.pdf is required"))
    if year is not None and not 2000 <= year <= 2100:
        raise user_error(tr("--year needs a year such as 2026"))
    db = open_existing(
        args.print_database or args.database, args.print_database_url or args.database_url
    )
    try:
        from portage_desktop.printing.service_quality import print_service_report

        out = print_service_report(db, year or date.today().year, Path(args.out).expanduser())
    finally:
        db.dispose()
    print(tr("Wrote {out}").format(out=out))
    return 0


def check_as_json(check) -> str:  # noqa: ANN001
    """Stable keys for scripts: one object per point, dates in ISO form."""
    return json.dumps(
        {
            "checked_on": check.on.isoformat(),
            "essential_met": check.essentials_met,
            "points": [
                {
                    "number": r.number,
                    "title": r.title,
                    "essential": r.essential,
                    "status": r.status.value,
                    "status_text": r.status.label,
                    "evidence": list(r.evidence),
                    "to_fix": list(r.fixes),
                    "records": list(r.records),
                }
                for r in check.results
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def check_as_table(check) -> str:  # noqa: ANN001
    from portage_desktop.services.dates import format_date

    lines = [
        tr("Registered-service check on {date}: {headline}.").format(
            date=format_date(check.on), headline=check.headline
        ),
        "",
    ]
    for r in check.results:
        kind = "" if r.essential else " (desirable)"
        lines.append(f"{r.number}. {r.status.label.upper()}: {r.title}{kind}")
        lines += [f"     {e}" for e in r.evidence]
        lines += [tr("     To fix: {f}").format(f=f) for f in r.fixes]
    return "\n".join(lines)

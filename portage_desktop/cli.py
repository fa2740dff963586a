"""``portage-desktop``: the window, and subcommands for scripts and headless checks.

Heavy imports (Qt, the ORM, ReportLab) happen inside the command that needs them, so ``--help``
is instant and a typo costs nothing. Every failure is one plain line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from portage_desktop import (
    APP_NAME,
    app_version,
    demo_cli,
    server_access_cli,
    service_cli,
    service_quality_cli,
    setting_cli,
    spreadsheet_cli,
)
from portage_desktop.cli_open import open_existing
from portage_desktop.errors import UserError
from portage_desktop.i18n import tr

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


URL_HELP = tr(
    "use the records on this shared PostgreSQL server, such as "
    "postgresql://portage@records.example.org/portage (leave the password out: it comes from "
    "PGPASSWORD or ~/.pgpass, or is asked for)"
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE,
            tr("{prog}: {message} (see --help)\n").format(prog=self.prog, message=message),
        )


class _Version(argparse.Action):
    """``--version``, looking the version up only when asked (it is slow to find)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        parser.exit(EXIT_OK, f"{parser.prog} {app_version()}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="portage-desktop",
        description=tr(
            "{APP_NAME}: Portage records, plans and reviews for early-years settings."
        ).format(APP_NAME=APP_NAME),
        epilog=tr(
            "Run without a command to open the app. "
            "Environment: PORTAGE_DESKTOP_DATABASE (database file), "
            "PORTAGE_DESKTOP_DATABASE_URL (shared PostgreSQL server), "
            "PORTAGE_DESKTOP_HOME (one folder for all data, settings and logs). "
            "A server's password comes from PGPASSWORD or ~/.pgpass, or is asked for."
        ),
    )
    parser.add_argument("--version", action=_Version, nargs=0, help=tr("show the version and exit"))
    parser.add_argument(
        "--language",
        metavar="CODE",
        help=tr("the language of the app: en (the default) or pseudo, a test language"),
    )
    parser.add_argument("--database", metavar="PATH", help=tr("open this database file"))
    parser.add_argument("--database-url", metavar="URL", help=URL_HELP)
    parser.add_argument(
        "--demo", action="store_true", help=tr("open a fresh demo database (fictional setting)")
    )
    parser.add_argument(
        "--service",
        action="store_true",
        help=tr("with --demo: the demo of a Portage home-visiting service instead"),
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=tr(
            "open the main window, wait for it to paint, and exit 0 (or non-zero with a reason)"
        ),
    )
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help=tr(
            "for timing start-up: print when the main window first paints and when it shows "
            "the records (seconds on the system's monotonic clock), then quit"
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("make-demo", help=tr("write a demo database to PATH"))
    demo.add_argument("path", metavar="PATH", nargs="?")
    demo.add_argument(
        "--database-url",
        dest="demo_database_url",
        metavar="URL",
        help=tr(
            "with --large, an empty database on a server instead of PATH; the first account, "
            "manager, gets the password in PORTAGE_DESKTOP_PASSWORD"
        ),
    )
    demo.add_argument("--children", type=int, help=tr("number of children (default 12)"))
    demo.add_argument("--seed", type=int, default=1, help=tr("random seed (default 1)"))
    demo.add_argument("--force", action="store_true", help=tr("replace PATH if it exists"))
    demo.add_argument(
        "--large",
        action="store_true",
        help=tr("a large site for benchmarks: 1,000 children, 60 staff and five years of records"),
    )
    demo.add_argument(
        "--service",
        action="store_true",
        help=tr(
            "a Portage home-visiting service (6 home visitors, 60 families over two years; "
            "with --large: 30 visitors, ten years, about 4,000 children)"
        ),
    )
    demo.add_argument(
        "--scale",
        type=float,
        default=1.0,
        metavar="S",
        help=tr("with --large, shrink or grow every count (0.1 gives 100 children; default 1)"),
    )

    printer = commands.add_parser("print", help=tr("print a record to a PDF file"))
    printer.add_argument("kind", nargs="?", metavar="KIND", help=tr("what to print (see --list)"))
    printer.add_argument("--list", action="store_true", help=tr("list the kinds of record"))
    printer.add_argument("--database", dest="print_database", metavar="PATH")
    printer.add_argument("--database-url", dest="print_database_url", metavar="URL", help=URL_HELP)
    printer.add_argument(
        "--child", metavar="ID-or-name", help=tr("the child, for per-child records")
    )
    printer.add_argument(
        "--out",
        metavar="FILE.pdf",
        help=tr("where to write the PDF (a name ending .html saves a family document for a phone)"),
    )
    printer.add_argument(
        "--share-with",
        metavar="AGENCY",
        help=tr(
            "the record is going to this agency: a consent in force for it is required, "
            "or --safeguarding-reason"
        ),
    )
    printer.add_argument(
        "--safeguarding-reason",
        metavar="TEXT",
        default="",
        help=tr("why sharing without consent is justified (safeguarding)"),
    )
    printer.add_argument(
        "--plan", type=int, metavar="N", help=tr("which plan, for activity-chart and plan-summary")
    )
    printer.add_argument(
        "--week",
        metavar="DATE",
        help=tr("any day of the week an activity-chart is for (dd/mm/yyyy); default this week"),
    )
    export = commands.add_parser(
        "export-child", help=tr("everything held about one child, as a PDF and a JSON file")
    )
    export.add_argument("--database", dest="export_database", metavar="PATH")
    export.add_argument("--database-url", dest="export_database_url", metavar="URL", help=URL_HELP)
    export.add_argument("--child", required=True, metavar="ID-or-name")
    export.add_argument("--out", required=True, metavar="FOLDER", help=tr("folder to write into"))

    setting_cli.add_commands(commands)
    stamp = commands.add_parser(
        "check-stamp", help=tr("check the Stamp of Approval criteria against the records")
    )
    stamp.add_argument("--database", dest="stamp_database", metavar="PATH")
    stamp.add_argument("--database-url", dest="stamp_database_url", metavar="URL", help=URL_HELP)
    stamp.add_argument(
        "--on", metavar="DATE", help=tr("check on this day (dd/mm/yyyy or yyyy-mm-dd)")
    )
    stamp.add_argument("--json", action="store_true", help=tr("print the result as JSON"))
    service_cli.add_commands(commands)
    service_cli.add_print_options(printer)
    service_quality_cli.add_commands(commands)
    service_quality_cli.add_print_options(printer)
    server_access_cli.add_commands(commands)
    spreadsheet_cli.add_commands(commands)
    return parser


def _cmd_export_child(args: argparse.Namespace) -> int:
    from portage_desktop.printing.kinds import export_child, find_child_id

    folder = Path(args.out).expanduser()
    if not folder.is_dir():
        raise UserError(
            tr(
                "--out: the folder {folder} does not exist; create it first or choose another"
            ).format(folder=folder)
        )
    db = open_existing(
        args.export_database or args.database, args.export_database_url or args.database_url
    )
    try:
        child = find_child_id(db, args.child)
        pdf, data = export_child(db, child, folder)
    finally:
        db.dispose()
    print(tr("Wrote {pdf}\nWrote {data}").format(pdf=pdf, data=data))
    return EXIT_OK


def _cmd_print(args: argparse.Namespace) -> int:
    from portage_desktop.printing.kinds import PRINT_KINDS, find_child_id, print_record

    if args.list:
        width = max(len(k) for k in PRINT_KINDS)
        for kind in PRINT_KINDS.values():
            child = tr(" (needs --child)") if kind.needs_child else ""
            print(f"{kind.name.ljust(width)}  {kind.description}{child}")
        return EXIT_OK
    if not args.kind:
        raise UserError(tr("say what to print, or use --list to see the kinds"))
    if args.kind not in PRINT_KINDS:
        raise UserError(
            tr('unknown kind "{kind}"; use --list to see the kinds').format(kind=args.kind)
        )
    if not args.out:
        raise UserError(tr("--out FILE.pdf is required"))
    from portage_desktop.printing.safe_write import check_target

    out = check_target(Path(args.out).expanduser())  # refused before any work or audit entry
    if args.safeguarding_reason and not args.share_with:
        raise UserError(tr("--safeguarding-reason goes with --share-with AGENCY"))
    from portage_desktop.services.sharing import ShareRequest

    share = ShareRequest(args.share_with, args.safeguarding_reason) if args.share_with else None
    db = open_existing(
        args.print_database or args.database, args.print_database_url or args.database_url
    )
    try:
        needs_child = PRINT_KINDS[args.kind].needs_child
        child = find_child_id(db, args.child) if args.child and needs_child else None
        item = service_cli.print_item(args, UserError)
        week = _parse_week(args.week) if args.week else None
        out = print_record(db, args.kind, child, out, share=share, plan=item, week=week)
    finally:
        db.dispose()
    print(tr("Wrote {out}").format(out=out))
    return EXIT_OK


def _parse_week(text: str) -> date:
    """The --week date, in either form; a plain message (never a traceback) when it is not one."""
    return _parse_day(text, "--week", "07/12/2026")


def _parse_day(text: str | None, option: str = "--on", example: str = "24/03/2026") -> date:
    """A date given as dd/mm/yyyy or ISO (today when none is given), or one plain line."""
    from portage_desktop.services.dates import parse_uk_date

    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        day = parse_uk_date(text)
    except ValueError as exc:
        raise UserError(tr("{option}: {exc}").format(option=option, exc=exc)) from None
    if day is None:
        raise UserError(
            tr("{option} needs a date, such as {example}").format(option=option, example=example)
        )
    return day


def _cmd_check_stamp(args: argparse.Namespace) -> int:
    on = _parse_day(args.on)
    db = open_existing(
        args.stamp_database or args.database, args.stamp_database_url or args.database_url
    )
    try:
        from portage_desktop.printing.stamp_text import check_as_json, check_as_table
        from portage_desktop.services.stamp_check import check_stamp

        check = check_stamp(db, on)
    finally:
        db.dispose()
    print(check_as_json(check) if args.json else check_as_table(check))
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.command == "make-demo":
        return demo_cli.make_demo_command(args, UserError)
    done = setting_cli.run(args, open_existing, UserError)
    if done is not None:
        return done
    done = service_quality_cli.run(args, open_existing, _parse_day, UserError)
    if done is not None:
        return done
    done = server_access_cli.run(args, UserError)
    if done is not None:
        return done
    done = spreadsheet_cli.run(args, open_existing, UserError)
    if done is not None:
        return done
    if args.command == "print":
        return _cmd_print(args)
    if args.command == "export-child":
        return _cmd_export_child(args)
    if args.command == "check-stamp":
        return _cmd_check_stamp(args)
    done = service_cli.run(args, open_existing, _parse_day)
    if done is not None:
        return done
    from portage_desktop.app import run_app

    if args.database and args.database_url:
        raise UserError(tr("give either --database or --database-url, not both"))
    if args.database_url:
        from portage_desktop.database_url import check

        problem = check(args.database_url)
        if problem:
            raise UserError(tr("--database-url: {problem}").format(problem=problem))
    if args.service and not args.demo:
        raise UserError(tr("--service goes with --demo"))
    return run_app(
        database=args.database,
        demo="service" if args.service else args.demo,
        smoke_test=args.smoke_test,
        database_url=args.database_url,
        exit_after_first_paint=args.exit_after_first_paint,
    )


def main(argv: Sequence[str] | None = None) -> int:
    from portage_desktop.paths import app_paths, make_private

    make_private()  # before anything is written: every new file is the user's alone
    args = build_parser().parse_args(argv)
    from portage_desktop.logs import setup_logging

    paths = app_paths()
    with contextlib.suppress(OSError):  # a read-only home must not stop the command itself
        setup_logging(paths.ensure().log_file)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the boundary: turn everything into one clear line
        message = _explain(exc)
        if message is None:
            from portage_desktop.logs import redacted_traceback

            log.error("Unexpected error:\n%s", redacted_traceback(type(exc), exc.__traceback__))
            message = tr("unexpected error ({name__}); details are in {log_file}").format(
                name__=type(exc).__name__, log_file=paths.log_file
            )
        print(tr("portage-desktop: {message}").format(message=message), file=sys.stderr)
        return EXIT_FAILED


def _explain(exc: Exception) -> str | None:
    """The one-line message for errors a user can act on; ``None`` for real bugs."""
    from portage_desktop.data.engine import DatabaseError
    from portage_desktop.printing.common import PrintError
    from portage_desktop.services.access import PermissionDenied
    from portage_desktop.services.errors import NotFoundError, ValidationError
    from portage_desktop.services.users import LoginFailed

    if isinstance(
        exc, UserError | DatabaseError | PrintError | NotFoundError | PermissionDenied | LoginFailed
    ):
        return str(exc)
    if isinstance(exc, ValidationError):
        return " ".join(exc.errors.values())
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or tr('file error')}{where}"
    return None


if __name__ == "__main__":
    sys.exit(main())

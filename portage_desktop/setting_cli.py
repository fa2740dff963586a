"""``export-setting`` and ``import-setting``: a whole setting to one zip and into a new
database. Kept apart from cli.py so these commands grow in one place."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop.i18n import tr, trn

if TYPE_CHECKING:
    from portage_desktop.data.engine import Database


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    out = commands.add_parser(
        "export-setting", help=tr("write the whole setting to a zip (see docs/data-format.md)")
    )
    out.add_argument("--database", dest="setting_database", metavar="PATH")
    out.add_argument("--out", required=True, metavar="FILE.zip")
    into = commands.add_parser(
        "import-setting", help=tr("read a whole setting from a zip into a new database")
    )
    into.add_argument("file", metavar="FILE.zip")
    into.add_argument("--database", dest="setting_database", metavar="NEW.db", required=True)


def run(
    args: argparse.Namespace,
    open_existing: Callable[[str | None, str | None], Database],
    user_error: type[Exception],
) -> int | None:
    """Run a transfer command; ``None`` when ``args`` names another command."""
    if args.command == "export-setting":
        return _export(args, open_existing, user_error)
    if args.command == "import-setting":
        return _import(args, user_error)
    return None


def _export(
    args: argparse.Namespace,
    open_existing: Callable[[str | None, str | None], Database],
    user_error: type[Exception],
) -> int:
    from portage_desktop.services.setting_transfer import export_setting

    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise user_error(
            tr("no folder {folder} to write {name} in").format(folder=out.parent, name=out.name)
        )
    from portage_desktop.printing.safe_write import check_target

    try:
        check_target(out)  # a link, a folder or a device is refused before any work
    except OSError as exc:
        raise user_error(str(exc)) from None
    db = open_existing(args.setting_database or args.database, None)
    try:
        count = export_setting(db, out)
    except OSError as exc:
        raise user_error(str(exc)) from None
    finally:
        db.dispose()
    print(tr("Wrote {count} records to {path}").format(count=count, path=out))
    return 0


def _import(args: argparse.Namespace, user_error: type[Exception]) -> int:
    from portage_desktop.cli_open import read_passphrase
    from portage_desktop.data.migrate import head_revision
    from portage_desktop.services.setting_transfer import (
        TransferRefused,
        check_document,
        import_setting,
        read_document,
    )
    from portage_desktop.startup import new_key, open_and_migrate

    target = Path(args.setting_database).expanduser()
    if target.exists() and target.stat().st_size > 0:
        raise user_error(
            tr(
                "{path} already exists: a setting is imported only into a new database "
                "(give a file name that does not exist yet)"
            ).format(path=target)
        )
    if not target.parent.is_dir():
        raise user_error(
            tr("no folder {folder} to make {name} in").format(
                folder=target.parent, name=target.name
            )
        )
    source = Path(args.file).expanduser()
    try:
        # Checked whole before the new file is even made, so a bad file leaves nothing behind.
        document, archive = read_document(source)
        with archive:
            problems = check_document(document, archive, head_revision()).problems
        if problems:
            raise TransferRefused(problems)
    except TransferRefused as exc:
        raise user_error(_listing(exc.problems)) from None
    key = new_key(read_passphrase(tr("Passphrase for the new database: ")))
    db = open_and_migrate(target, None, key)
    try:
        count = import_setting(source, db, head_revision())
    except BaseException as exc:
        db.dispose()
        for suffix in ("", "-wal", "-shm", ".anchor", ".lock"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        if isinstance(exc, TransferRefused):
            raise user_error(_listing(exc.problems)) from None
        raise
    db.dispose()
    print(tr("Imported {count} records into {path}").format(count=count, path=target))
    return 0


def _listing(problems: list[str]) -> str:
    shown = problems[:200]
    more = len(problems) - len(shown)
    tail = "\n" + tr("... and {count} more").format(count=more) if more else ""
    head = trn(
        "nothing was imported: {count} problem in the file:",
        "nothing was imported: {count} problems in the file:",
        len(problems),
    ).format(count=len(problems))
    return head + "\n  " + "\n  ".join(shown) + tail

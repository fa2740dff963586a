"""A whole setting out to one zip and into a new database: the rules around the storage code.

The zip holds ``setting.json`` (format name, version, schema revision and every table's rows;
see docs/data-format.md) and the binary files it names under ``files/``. Import checks all of
it before anything is written (the types and references, then the rules each record's screen
applies) and lists every problem with its place in the file, refuses a
file too big or that would unpack to far more than it is (a zip bomb), and goes only into a
database that holds no records yet.
"""

from __future__ import annotations

import io
import json
import os
import secrets
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from portage_desktop import app_version
from portage_desktop.data import setting_archive
from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import audit, setting_import_rules

MAIN = "setting.json"
MAX_FILE = 200 * 1024 * 1024  # the limit on what is offered
MAX_UNPACKED = 2 * 1024 * 1024 * 1024  # what it may unpack to
MAX_RATIO = 200  # text compresses well, but not a thousandfold


class TransferRefused(Exception):
    """The file cannot be imported; ``problems`` lists every reason with its place."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def export_setting(db: Database, out: Path) -> int:
    """Write the whole setting to ``out``, privately and whole or not at all; rows written.

    Built in memory (import refuses more than 200 MB anyway), then written to a new temporary
    file made readable only by its owner, which is never a link (O_EXCL, O_NOFOLLOW), and
    renamed over ``out`` only when complete. ``out`` itself being a link is refused.
    """
    if out.is_symlink():
        raise OSError(
            tr("{path} is a link to another file, so nothing was written.").format(path=out)
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def put(name: str, data: bytes) -> str:
            archive.writestr(name, data)
            return name

        revision, rows = setting_archive.export_rows(db, put)
        document = {
            "format": setting_archive.FORMAT,
            "version": setting_archive.VERSION,
            "schema_revision": revision,
            "app_version": app_version(),
            "tables": rows,
        }
        archive.writestr(MAIN, json.dumps(document, ensure_ascii=False, indent=1))
    _write_private(out, buffer.getvalue())
    count = sum(len(r) for r in rows.values())
    # After the file is whole: the entry says it left, and is in the next export, not this one.
    audit.record_now(db, audit.AuditAction.EXPORT, "setting", None, f"whole setting, {count} rows")
    return count


def _write_private(out: Path, data: bytes) -> None:
    temp = out.with_name(f".{out.name}.{secrets.token_hex(8)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    handle = os.open(temp, flags, 0o600)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def read_document(path: Path) -> tuple[dict[str, Any], zipfile.ZipFile]:
    """The parsed ``setting.json`` and the open zip; :class:`TransferRefused` when unsafe."""
    if not path.is_file():
        raise TransferRefused([tr("{path}: no such file").format(path=path)])
    if path.stat().st_size > MAX_FILE:
        raise TransferRefused(
            [tr("{name}: larger than 200 MB, so it was not opened").format(name=path.name)]
        )
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise TransferRefused(
            [tr("{name}: not a zip file exported by this app").format(name=path.name)]
        ) from None
    outside = [n for n in archive.namelist() if n.startswith(("/", "\\")) or ".." in n.split("/")]
    if outside:
        archive.close()
        where = outside[0]
        raise TransferRefused(
            [
                tr("{name}: names a place outside itself ({where}); refused").format(
                    name=path.name, where=where
                )
            ]
        )
    unpacked = sum(i.file_size for i in archive.infolist())
    packed = sum(i.compress_size for i in archive.infolist()) or 1
    if unpacked > MAX_UNPACKED or (unpacked > MAX_RATIO * packed and unpacked > 10_000_000):
        archive.close()
        raise TransferRefused(
            [tr("{name}: would unpack to far more than it is; refused").format(name=path.name)]
        )
    try:
        document = json.loads(archive.read(MAIN))
    except KeyError:
        archive.close()
        raise TransferRefused([tr("{name}: missing from the zip").format(name=MAIN)]) from None
    except (ValueError, UnicodeDecodeError) as exc:
        archive.close()
        raise TransferRefused(
            [tr("{name}: not valid JSON ({reason})").format(name=MAIN, reason=exc)]
        ) from None
    return document, archive


def check_document(
    document: Any, archive: zipfile.ZipFile, revision: str | None, today: date | None = None
) -> setting_archive.Checked:
    """Every problem with the file, each with its path; rows ready to write when none.

    Once the rows are well formed, each record must also pass the rules its screen applies
    when it is saved (``setting_import_rules``), judged on ``today`` (the import's day).
    """
    problems: list[str] = []
    if not isinstance(document, dict):
        return setting_archive.Checked(problems=[tr("(top): must be an object")])
    if document.get("format") != setting_archive.FORMAT:
        problems.append(tr("format: must be '{name}'").format(name=setting_archive.FORMAT))
    if document.get("version") != setting_archive.VERSION:
        problems.append(tr("version: this app reads version {n}").format(n=setting_archive.VERSION))
    if document.get("schema_revision") != revision:
        problems.append(
            tr(
                "schema_revision: the file is from records at revision {theirs}, this app is "
                "at {ours}: export again from the same version of the app"
            ).format(theirs=repr(document.get("schema_revision")), ours=repr(revision))
        )
    names = set(archive.namelist())

    def get_file(name: str) -> bytes | None:
        return archive.read(name) if name in names and name.startswith("files/") else None

    checked = setting_archive.check_rows(document.get("tables"), get_file)
    if not checked.problems:
        # Only rows that are whole and of the right types can be judged by the screens' rules.
        checked.problems.extend(
            setting_import_rules.check_rules(checked.rows, today or date.today())
        )
    checked.problems[:0] = problems
    return checked


def import_setting(
    path: Path, db: Database, revision: str | None, today: date | None = None
) -> int:
    """Check ``path`` whole, then write it into ``db`` (which must hold no records) in one
    transaction; the number of rows written. Raises :class:`TransferRefused` listing every
    problem, having written nothing."""
    if setting_archive.holds_records(db):
        raise TransferRefused(
            [tr("The database already holds records: a setting is imported only into a new one.")]
        )
    document, archive = read_document(path)
    with archive:
        checked = check_document(document, archive, revision, today)
    if checked.problems:
        raise TransferRefused(checked.problems)
    setting_archive.write_rows(db, checked.rows)
    count = sum(len(r) for r in checked.rows.values())
    # The file's audit log went in as history, its chain intact; this one entry, chained after
    # it, is the only new one: who imported what, so nothing in the history looks new.
    audit.record_now(
        db, audit.AuditAction.RESTORE, "setting", None, f"imported {path.name}, {count} rows"
    )
    return count

"""Importing a setting's own checklist: choose a file, see what it holds, then confirm.

A file with problems is refused as a whole, with each problem's line and field listed, so the
user can fix the file in their editor or spreadsheet and try again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from portage_desktop.i18n import tr
from portage_desktop.services import frameworks as framework_service
from portage_desktop.services.errors import ValidationError
from portage_desktop.services.frameworks import ChecklistFormatError, Framework
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.service_errors import REFUSED, refused

MAX_FILE_BYTES = 5 * 1024 * 1024
SHOWN_PROBLEMS = 12


def problems_text(problems: list[str]) -> str:
    """The first problems in full and a count of the rest, to fit a message box."""
    shown = problems[:SHOWN_PROBLEMS]
    more = len(problems) - len(shown)
    return "\n".join(shown) + (tr("\n…and {more} more.").format(more=more) if more else "")


def import_checklist(ctx: AppContext, parent: QWidget) -> Framework | None:
    """Run the whole import conversation; returns the stored framework, or None."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        tr("Import a checklist"),
        str(Path.home()),
        tr("Checklist files (*.json *.csv);;JSON (*.json);;CSV from a spreadsheet (*.csv)"),
    )
    if not name:
        return None
    path = Path(name)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            QMessageBox.warning(
                parent, tr("Not imported"), tr("{name} is larger than 5 MB.").format(name=path.name)
            )
            return None
        content = path.read_bytes()
        preview = framework_service.preview_import(ctx.db, path.name, content)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            tr("Not imported"),
            tr("{name} could not be read ({strerror}).").format(
                name=path.name, strerror=exc.strerror
            ),
        )
        return None
    except ChecklistFormatError as exc:
        QMessageBox.warning(
            parent,
            tr("Not imported"),
            tr(
                "{name} was not imported, because of these problems. Nothing was changed.\n\n"
            ).format(name=path.name)
            + problems_text(exc.problems),
        )
        return None
    except REFUSED as exc:
        refused(parent, tr("Not imported"), exc)
        return None
    answer = QMessageBox.question(
        parent,
        tr("Import this checklist?"),
        preview.summary + tr("\n\nImport it now?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        framework = framework_service.import_framework(ctx.db, preview.parsed)
    except ValidationError as exc:
        QMessageBox.warning(parent, tr("Not imported"), " ".join(exc.errors.values()))
        return None
    QMessageBox.information(
        parent,
        tr("Checklist imported"),
        tr("{title} is ready to use for assessments.").format(title=framework.title),
    )
    return framework

"""Save a printed record as a PDF from any page: ask where, build it off the GUI thread, open it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from portage_desktop.data.engine import Database
from portage_desktop.ui.common.tasks import run_with_progress


def ask_pdf_path(parent: QWidget, title: str, stem: str) -> Path | None:
    suggested = str(Path.home() / f"{stem}-{date.today():%Y-%m-%d}.pdf")
    target, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF files (*.pdf)")
    if not target:
        return None
    return Path(target if target.lower().endswith(".pdf") else f"{target}.pdf")


def print_kind(
    parent: QWidget, db: Database, kind: str, out: Path, open_after: bool = True
) -> None:
    """Build ``kind`` into ``out`` in the background; problems are shown, never swallowed."""

    def work(_progress):  # noqa: ANN001, ANN202
        from portage_desktop.printing.kinds import print_record

        return print_record(db, kind, None, out)

    def done(path: Path) -> None:
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, "Not printed", str(exc) or "The PDF could not be made.")

    run_with_progress(parent, "Making the PDF…", work, done, failed)

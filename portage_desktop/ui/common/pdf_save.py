"""The one way a page saves a printed record: ask where, build it off the GUI thread, say where
it went (with the PDF and its folder a click away), and report a failure plainly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.ui.common.service_errors import explain
from portage_desktop.ui.common.tasks import run_with_progress

NOT_MADE = tr("The PDF could not be made. Everything already saved is safe; please try again.")
PDF_FILTER = tr("PDF files (*.pdf)")
# Beside the PDF for the family's documents: one HTML file a parent can open on a phone.
PHONE_FILTER = tr("A copy for a phone, HTML (*.html)")


def is_phone_copy(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


def ask_pdf_path(parent: QWidget, title: str, stem: str, phone_copy: bool = False) -> Path | None:
    """Where to save, suggested in the home folder with today's date; ``.pdf`` is added, or
    ``.html`` when ``phone_copy`` is offered and chosen."""
    suggested = str(Path.home() / f"{stem}-{date.today():%Y-%m-%d}.pdf")
    filters = f"{PDF_FILTER};;{PHONE_FILTER}" if phone_copy else PDF_FILTER
    target, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not target:
        return None
    if phone_copy and (is_phone_copy(Path(target)) or chosen == PHONE_FILTER):
        base = target[: -len(".pdf")] if target.lower().endswith(".pdf") else target
        return Path(base if is_phone_copy(Path(base)) else f"{base}.html")
    return Path(target if target.lower().endswith(".pdf") else f"{target}.pdf")


def file_stem(*words: str) -> str:
    """A file name from words: lower case, spaces as hyphens (``activity-chart-amy-lee``)."""
    return "-".join("-".join(w.split()).lower() for w in words if w.strip())


def confirm_saved(parent: QWidget, path: Path) -> None:
    """Say where the PDF went; Enter opens it, or print it on paper, open its folder, or close."""
    if is_phone_copy(path):
        _confirm_phone_copy(parent, path)
        return
    box = QMessageBox(QMessageBox.Icon.Information, tr("PDF saved"), "", parent=parent)
    box.setText(tr("Saved “{name}”.").format(name=path.name))
    box.setInformativeText(tr("In the folder {parent}").format(parent=path.parent))
    open_pdf = box.addButton(tr("&Open the PDF"), QMessageBox.ButtonRole.AcceptRole)
    print_it = box.addButton(tr("&Print…"), QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton(tr("Show in &folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_pdf)
    box.exec()
    if box.clickedButton() is open_pdf:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is print_it:
        from portage_desktop.ui.common.print_preview import print_pdf

        print_pdf(parent, path)
    elif box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def _confirm_phone_copy(parent: QWidget, path: Path) -> None:
    """The phone copy is not printed from here: open it in the browser, or show its folder."""
    box = QMessageBox(QMessageBox.Icon.Information, tr("Copy for a phone saved"), "", parent=parent)
    box.setText(tr("Saved “{name}”.").format(name=path.name))
    box.setInformativeText(
        tr(
            "In the folder {parent}. Send it to the family in a safe way, as you would the PDF."
        ).format(parent=path.parent)
    )
    open_it = box.addButton(tr("&Open the copy"), QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(tr("Show in &folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_it)
    box.exec()
    if box.clickedButton() is open_it:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    elif box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def save_pdf(
    parent: QWidget,
    title: str,
    stem: str,
    build: Callable[[Path], Path],
    on_saved: Callable[[Path], None] | None = None,
    phone_copy: bool = False,
) -> None:
    """Ask where to save, run ``build(path)`` in the background, then confirm or explain.

    ``phone_copy`` offers, beside the PDF, the HTML copy for a phone (family documents only)."""
    out = ask_pdf_path(parent, title, stem, phone_copy)
    if out is None:
        return

    def done(path: Path) -> None:
        if on_saved is not None:
            on_saved(path)
        # Asked once the finished signal has been handled: a modal box's own event loop must
        # not run inside the slot of a job that is being wound up.
        QTimer.singleShot(0, parent, lambda: confirm_saved(parent, path))

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(parent, tr("Not saved"), explain(exc, NOT_MADE))

    making = tr("Making the copy for a phone…") if is_phone_copy(out) else tr("Making the PDF…")
    run_with_progress(parent, making, lambda _progress: build(out), done, failed)


def save_print(
    parent: QWidget,
    db: Database,
    kind: str,
    title: str,
    stem: str,
    child: int | None = None,
    **options: object,
) -> None:
    """Save one of the print kinds (``portage-desktop print --list``) through :func:`save_pdf`."""

    def build(out: Path) -> Path:
        from portage_desktop.printing.kinds import print_record

        return print_record(db, kind, child, out, **options)  # type: ignore[arg-type]

    from portage_desktop.printing.html_copy import HTML_KINDS

    save_pdf(parent, title, stem, build, phone_copy=kind in HTML_KINDS)

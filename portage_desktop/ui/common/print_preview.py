"""Print a saved PDF on a real printer, after seeing it in Qt's print preview.

The records are made as PDFs (one builder for the screen, the command line and the printer);
printing draws each page of that PDF, rendered by PDFium, onto Qt's printer. So what comes out
of the setting's printer is exactly the PDF that Save as PDF keeps, and the person can choose
the printer, copies and pages in the system's own dialog from the preview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QWidget

from portage_desktop.i18n import tr

# Enough for sharp text on any office printer; more only makes every page slower and larger.
MAX_DPI = 300


class PdfPages:
    """A PDF's pages, rendered on demand. Holds the file open until :meth:`close`."""

    def __init__(self, path: Path) -> None:
        import pypdfium2

        self._document = pypdfium2.PdfDocument(str(path))

    def __len__(self) -> int:
        return len(self._document)

    def size_in_points(self, index: int) -> tuple[float, float]:
        width, height = self._document[index].get_size()
        return float(width), float(height)

    def render(self, index: int, dpi: int) -> QImage:
        """The page as an image at ``dpi``, white where the page is blank."""
        page = self._document[index]
        bitmap = page.render(scale=dpi / 72, prefer_bgrx=True, fill_color=(255, 255, 255, 255))
        # BGRx bytes in memory are Qt's RGB32 on the little-endian machines the app runs on.
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
        )
        return image.copy()  # detach from PDFium's buffer before it is freed

    def close(self) -> None:
        self._document.close()


def match_paper(printer: QPrinter, pages: PdfPages) -> None:
    """Ask the printer for the PDF's own paper size and orientation (A4 portrait, mostly)."""
    width, height = pages.size_in_points(0)
    portrait = QSizeF(min(width, height), max(width, height))
    printer.setPageSize(
        QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)
    printer.setFullPage(True)  # the PDF carries its own margins


def paint_pages(printer: QPrinter, pages: PdfPages) -> None:
    """Draw every page (or the range chosen in the dialog) onto ``printer``, one per sheet."""
    first, last = printer.fromPage(), printer.toPage()
    indexes = range(first - 1, last) if first and last else range(len(pages))
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(tr("The printer could not be started."))
    try:
        target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        target.moveTo(0, 0)
        for n, index in enumerate(i for i in indexes if 0 <= i < len(pages)):
            if n and not printer.newPage():
                raise OSError(tr("The printer would not start a new page."))
            image = pages.render(index, dpi)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
    finally:
        painter.end()


def print_pdf(parent: QWidget, pdf: Path) -> bool:
    """Show ``pdf`` in the print preview; the person prints from there. True if printed."""
    try:
        pages = PdfPages(pdf)
    except Exception:  # any PDFium failure: a damaged or missing file
        QMessageBox.warning(
            parent,
            tr("Not printed"),
            tr("“{name}” could not be read to print.").format(name=pdf.name),
        )
        return False
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(pdf.stem)
        match_paper(printer, pages)
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(tr("Print {name}").format(name=pdf.name))
        dialog.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        dialog.paintRequested.connect(lambda target: paint_pages(target, pages))
        return bool(dialog.exec())
    finally:
        pages.close()

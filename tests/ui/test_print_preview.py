"""Printing a saved PDF on a printer: the preview shows its pages, and what reaches the printer is
the same pages on the same paper. Qt's PDF printer stands in for a real one."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox, QWidget

from portage_desktop.ui.common import print_preview
from tests.ui.conftest import when_modal_opens

A4 = (595.28, 841.89)  # points


@pytest.fixture
def two_pages(tmp_path) -> Path:
    """Page 1: a black square in the top left quarter. Page 2: blank but for a small mark."""
    from reportlab.lib.pagesizes import A4 as RL_A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "home-chart.pdf"
    pdf = canvas.Canvas(str(path), pagesize=RL_A4)
    width, height = RL_A4
    pdf.rect(0, height / 2, width / 2, height / 2, fill=1, stroke=0)
    pdf.showPage()
    pdf.rect(width - 20, 0, 20, 20, fill=1, stroke=0)
    pdf.showPage()
    pdf.save()
    return path


def print_to_pdf(pages: print_preview.PdfPages, out: Path, pages_from_to=(0, 0)) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    print_preview.match_paper(printer, pages)
    printer.setFromTo(*pages_from_to)
    print_preview.paint_pages(printer, pages)
    return printer


def darkness(image, x: float, y: float) -> int:
    colour = image.pixelColor(int(x * image.width()), int(y * image.height()))
    return 255 - colour.lightness()


def test_the_pages_are_read_with_their_paper_size(qapp, two_pages):
    pages = print_preview.PdfPages(two_pages)
    try:
        assert len(pages) == 2
        assert pages.size_in_points(0) == pytest.approx(A4, abs=0.5)
        image = pages.render(0, dpi=36)
        assert (image.width(), image.height()) == (round(A4[0] / 2), round(A4[1] / 2))
        assert darkness(image, 0.25, 0.25) > 200 and darkness(image, 0.75, 0.75) < 20
    finally:
        pages.close()


def test_every_page_reaches_the_printer_on_a4_as_it_looks(qapp, two_pages, tmp_path):
    pages = print_preview.PdfPages(two_pages)
    try:
        printer = print_to_pdf(pages, tmp_path / "printed.pdf")
    finally:
        pages.close()
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    printed = print_preview.PdfPages(tmp_path / "printed.pdf")
    try:
        assert len(printed) == 2
        assert printed.size_in_points(0) == pytest.approx(A4, abs=1)
        page_one, page_two = printed.render(0, dpi=36), printed.render(1, dpi=36)
    finally:
        printed.close()
    # Full page, no extra margin: the square still fills the top left quarter exactly.
    assert darkness(page_one, 0.05, 0.05) > 200 and darkness(page_one, 0.45, 0.45) > 200
    assert darkness(page_one, 0.55, 0.45) < 20 and darkness(page_one, 0.45, 0.55) < 20
    assert darkness(page_two, 0.5, 0.5) < 20 and darkness(page_two, 0.995, 0.997) > 100


def test_a_page_range_chosen_in_the_dialog_prints_only_those_pages(qapp, two_pages, tmp_path):
    pages = print_preview.PdfPages(two_pages)
    try:
        print_to_pdf(pages, tmp_path / "page-two.pdf", pages_from_to=(2, 2))
    finally:
        pages.close()
    printed = pypdfium2.PdfDocument(str(tmp_path / "page-two.pdf"))
    try:
        assert len(printed) == 1
    finally:
        printed.close()


def test_the_preview_shows_every_page_before_printing(qtbot, two_pages):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def look(dialog):
        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        seen["pages"] = preview.pageCount()
        seen["title"] = dialog.windowTitle()

    when_modal_opens(qtbot, look)
    assert print_preview.print_pdf(parent, two_pages) is False  # closed without printing
    assert seen == {"pages": 2, "title": "Print home-chart.pdf"}


def test_a_damaged_pdf_is_reported_plainly(qtbot, tmp_path, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text: said.append(f"{title}: {text}")
    )
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4 not really")
    parent = QWidget()
    qtbot.addWidget(parent)
    assert print_preview.print_pdf(parent, damaged) is False
    assert said == ["Not printed: “damaged.pdf” could not be read to print."]

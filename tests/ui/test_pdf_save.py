"""The one way a page saves a PDF: ask where, build off the GUI thread, say where it went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from portage_desktop.printing.common import PrintError
from portage_desktop.ui.common import pdf_save
from tests.ui.conftest import when_modal_opens


def _choose(monkeypatch, target: Path | None) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target) if target else "", "")
    )


def test_a_saved_pdf_is_confirmed_and_enter_opens_it(qtbot, demo_ctx, tmp_path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(
        pdf_save.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    _choose(monkeypatch, tmp_path / "list")  # no extension typed: .pdf is added
    said: list[str] = []

    def read_and_accept(box: QMessageBox) -> None:
        said.append(f"{box.text()} {box.informativeText()}")
        box.defaultButton().click()

    when_modal_opens(qtbot, read_and_accept)
    pdf_save.save_print(parent, demo_ctx.db, "children-list", "Save", "children")
    out = tmp_path / "list.pdf"
    qtbot.waitUntil(lambda: opened == [str(out)], timeout=10000)
    assert out.read_bytes().startswith(b"%PDF")
    assert said == [f"Saved “list.pdf”. In the folder {tmp_path}"]


def test_the_folder_can_be_opened_instead(qtbot, tmp_path, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(
        pdf_save.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "x.pdf"
    out.write_bytes(b"%PDF-1.4")
    when_modal_opens(
        qtbot,
        lambda box: next(b for b in box.buttons() if "folder" in b.text()).click(),
    )
    pdf_save.confirm_saved(parent, out)
    assert opened == [str(tmp_path)]


def test_cancelling_the_file_choice_builds_nothing(qtbot, monkeypatch):
    built: list[Path] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    _choose(monkeypatch, None)
    pdf_save.save_pdf(parent, "Save", "x", lambda out: built.append(out) or out)
    qtbot.wait(50)
    assert built == []


def test_a_failure_is_reported_in_plain_words(qtbot, tmp_path, monkeypatch, answer_boxes):
    said = answer_boxes()
    parent = QWidget()
    qtbot.addWidget(parent)
    _choose(monkeypatch, tmp_path / "x.pdf")

    def refuse(_out: Path) -> Path:
        raise PrintError("Amy has no one-page profile yet: write one on the About me tab.")

    pdf_save.save_pdf(parent, "Save", "x", refuse)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said == [
        ("warning", "Not saved: Amy has no one-page profile yet: write one on the About me tab.")
    ]


def test_an_unexpected_fault_shows_no_traceback(qtbot, tmp_path, monkeypatch, answer_boxes):
    said = answer_boxes()
    parent = QWidget()
    qtbot.addWidget(parent)
    _choose(monkeypatch, tmp_path / "x.pdf")

    def broken(_out: Path) -> Path:
        raise KeyError("child_secret_name")

    pdf_save.save_pdf(parent, "Save", "x", broken)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    ((kind, text),) = said
    assert kind == "warning" and "child_secret_name" not in text
    assert "Everything already saved is safe" in text


def test_a_file_name_is_made_from_words():
    assert pdf_save.file_stem("activity-chart", "Amy  Lee ") == "activity-chart-amy-lee"


def test_a_saved_pdf_can_be_sent_to_the_printer(qtbot, tmp_path, monkeypatch):
    from portage_desktop.ui.common import print_preview

    printed: list[Path] = []
    monkeypatch.setattr(print_preview, "print_pdf", lambda _parent, path: printed.append(path))
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "chart.pdf"
    out.write_bytes(b"%PDF-1.4")
    when_modal_opens(
        qtbot, lambda box: next(b for b in box.buttons() if "Print" in b.text()).click()
    )
    pdf_save.confirm_saved(parent, out)
    assert printed == [out]


def test_a_family_document_can_be_saved_as_a_copy_for_a_phone(
    qtbot, demo_ctx, tmp_path, monkeypatch
):
    from portage_desktop.services import children

    offered: list[str] = []

    def choose(_parent, _title, _suggested, filters, *a, **k):
        offered.append(filters)
        return str(tmp_path / "pack"), pdf_save.PHONE_FILTER  # no extension typed

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    opened: list[str] = []
    monkeypatch.setattr(
        pdf_save.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    said: list[str] = []

    def read_and_accept(box: QMessageBox) -> None:
        said.append(f"{box.windowTitle()}: {box.text()}")
        assert not any("Print" in b.text() for b in box.buttons())  # a PDF is printed, not this
        box.defaultButton().click()

    parent = QWidget()
    qtbot.addWidget(parent)
    child = children.list_children(demo_ctx.db)[0].id
    when_modal_opens(qtbot, read_and_accept)
    pdf_save.save_print(parent, demo_ctx.db, "shared-record", "Save", "pack", child=child)
    out = tmp_path / "pack.html"
    qtbot.waitUntil(lambda: opened == [str(out)], timeout=10000)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert said == ["Copy for a phone saved: Saved “pack.html”."]
    assert pdf_save.PHONE_FILTER in offered[0]


def test_a_document_for_the_setting_offers_only_the_pdf(qtbot, demo_ctx, tmp_path, monkeypatch):
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _p, _t, _s, filters, *a, **k: offered.append(filters) or ("", ""),
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    pdf_save.save_print(parent, demo_ctx.db, "children-list", "Save", "children")
    assert offered == [pdf_save.PDF_FILTER]

"""When the background check of the open file fails, saving is paused and the window says so
(in the status bar, and in a message), while the records stay readable."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox

from portage_desktop.data.errors import DatabaseError
from portage_desktop.services import file_check
from portage_desktop.ui.shell.file_check import check_after_showing


def test_a_failed_check_pauses_saving_and_says_so(qtbot, ctx, open_window, monkeypatch):
    window = open_window(ctx)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: said.append(text))

    def damaged(_db: object) -> None:
        raise DatabaseError("damaged")

    monkeypatch.setattr(file_check, "check_open_file", damaged)
    check_after_showing(window, ctx.db)
    qtbot.waitUntil(lambda: ctx.db.writes_paused is not None, timeout=10000)
    assert said == [file_check.PAUSED]
    shown = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert "⚠ Saving is paused: the file may be damaged" in shown


def test_a_sound_file_changes_nothing(qtbot, ctx, open_window, monkeypatch):
    window = open_window(ctx)
    checked: list[bool] = []
    real = file_check.check_open_file

    def check(db: object) -> None:
        real(db)  # type: ignore[arg-type]
        checked.append(True)

    monkeypatch.setattr(file_check, "check_open_file", check)
    check_after_showing(window, ctx.db)
    qtbot.waitUntil(lambda: bool(checked), timeout=10000)
    qtbot.wait(50)  # its result handled on the GUI thread
    assert ctx.db.writes_paused is None
    shown = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert not any("paused" in text for text in shown)

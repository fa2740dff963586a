from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from portage_desktop.settings import Settings
from portage_desktop.ui.common.context import AppContext, SignalHub
from portage_desktop.ui.shell.main_window import MainWindow


def make_ctx(database, home, is_demo: bool = False) -> AppContext:
    return AppContext(database, home, Settings(), SignalHub(), is_demo=is_demo)


@pytest.fixture
def ctx(db, home) -> AppContext:
    return make_ctx(db, home)


@pytest.fixture
def demo_ctx(demo_db, home) -> AppContext:
    return make_ctx(demo_db, home, is_demo=True)


@pytest.fixture
def open_window(qtbot):
    def _open(context: AppContext) -> MainWindow:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return _open


@pytest.fixture
def answer_boxes(monkeypatch):
    """Replace modal message boxes with recorded, pre-set answers."""
    said: list[tuple[str, str]] = []

    def record(kind: str, answer: object = None):
        def box(_parent, title, text, *_args, **_kwargs):
            said.append((kind, f"{title}: {text}"))
            return answer

        return box

    def setup(question=QMessageBox.StandardButton.Yes):
        monkeypatch.setattr(QMessageBox, "question", record("question", question))
        monkeypatch.setattr(QMessageBox, "information", record("information"))
        monkeypatch.setattr(QMessageBox, "warning", record("warning"))
        return said

    return setup


def when_modal_opens(qtbot, act: Callable[[QDialog], None]) -> None:
    """Run ``act`` on the next modal dialog, as a person would once it appears."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.done(0)

    QTimer.singleShot(0, run)


@pytest.fixture(autouse=True)
def _collect_qt_garbage_on_the_gui_thread():
    """Widgets left over by a test are collected here, never later by a worker thread."""
    yield
    import gc

    gc.collect()


def wait_for_stamp_check(qtbot, ctx) -> None:
    """The Stamp check is worked out on a worker: wait until the latest one is shown."""
    from portage_desktop.ui.stamp.check_worker import checker_for

    checker = checker_for(ctx)
    for _ in range(3):  # a change heard is queued, then flushed on the next turn of the loop
        QApplication.processEvents()
    qtbot.waitUntil(lambda: not checker.running and checker.latest is not None, timeout=20000)
    QApplication.processEvents()

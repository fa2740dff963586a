"""The app outlives a Qt for Python release that loses references to ``None``.

Qt for Python 6.12.0 on Python 3.11 let go of one reference to ``None`` each time a Qt method
that returns nothing was called; after some thousands of calls Python freed ``None`` and the app
died. Importing the app's package gives ``None`` a margin no session could use up
(``portage_desktop.none_guard``); Python 3.12 and later never free it.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from portage_desktop import none_guard

CALLS = 2000
OLD_PYTHON = sys.version_info < (3, 12)


def _calls(action: Callable[[], object]) -> None:
    for _ in range(CALLS):
        action()


@pytest.mark.skipif(not OLD_PYTHON, reason="Python 3.12 and later never free None")
def test_qt_calls_that_return_nothing_leave_none_alive(qapp) -> None:
    """Far more calls than ``None`` had references to begin with (about 5,000 at start-up)."""
    label = QLabel()
    listing = QListWidget()
    for action in (
        lambda: label.setText("Amy"),
        lambda: listing.addItem(QListWidgetItem("Amy")),
        listing.clear,
        qapp.processEvents,
        lambda: QTimer().start(5),
    ):
        _calls(action)
    assert sys.getrefcount(None) > none_guard.MARGIN // 2  # whatever the binding lost


@pytest.mark.skipif(not OLD_PYTHON, reason="Python 3.12 and later never free None")
def test_the_guard_outlasts_references_lost_and_is_added_once() -> None:
    assert sys.getrefcount(None) > none_guard.MARGIN // 2  # on since the package loaded
    before = sys.getrefcount(None)
    none_guard.keep_none_alive()  # again: a second start in one process adds nothing
    assert abs(sys.getrefcount(None) - before) < 100  # not another margin
    for _ in range(10_000):  # as a faulty binding would
        ctypes.pythonapi.Py_DecRef(ctypes.py_object(None))
    assert sys.getrefcount(None) > none_guard.MARGIN // 2
    for _ in range(10_000):  # put back what this test took
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))

"""The Qt for Python release the app runs on must keep Python's own objects alive.

Qt for Python 6.12.0 on Python 3.11 let go of one reference to ``None`` each time a Qt method
that returns nothing was called (``setText``, ``addItem``, ``processEvents``...). After some
thousands of calls, a few Dashboard refreshes on a large site, Python freed ``None`` and the
app died ("deallocating None"). Python 3.12 and later never free ``None``, so there the count
does not move either way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

CALLS = 500


def _none_references_lost(action: Callable[[], object]) -> int:
    for _ in range(10):
        action()  # anything made once, on the first call, is not counted
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        action()
    return before - sys.getrefcount(None)


def test_calls_that_return_nothing_keep_none_alive(qapp) -> None:
    label = QLabel()
    listing = QListWidget()
    actions = {
        "QLabel.setText": lambda: label.setText("Amy"),
        "QListWidget.addItem": lambda: listing.addItem(QListWidgetItem("Amy")),
        "QListWidget.clear": listing.clear,
        "QApplication.processEvents": qapp.processEvents,
        "QTimer.start": lambda: QTimer().start(5),
    }
    lost = {name: _none_references_lost(action) for name, action in actions.items()}
    # A faulty binding loses one a call; objects Python frees meanwhile may let a few go.
    assert {name: n for name, n in lost.items() if n >= CALLS // 2} == {}

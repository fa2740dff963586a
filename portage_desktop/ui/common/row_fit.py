"""Rows that fit their wrapped text once, however many columns change width at a time."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableView


class RowFitter:
    """Re-measures ``table``'s rows once after a burst of column resizes.

    Connecting ``sectionResized`` straight to ``resizeRowsToContents`` measured every row again
    for each column that changed: twelve columns set in one refresh meant twelve passes over
    every row, a quarter of a second of frozen window on a large site. A zero-length timer
    gathers the burst into one pass on the next turn of the event loop.
    """

    def __init__(self, table: QTableView) -> None:
        self.table = table
        self.timer = QTimer(table)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit_now)
        table.horizontalHeader().sectionResized.connect(lambda *_a: self.timer.start())

    def fit_now(self) -> None:
        """Fit the rows at once (and drop a pass already waiting: it would change nothing)."""
        self.timer.stop()
        self.table.resizeRowsToContents()

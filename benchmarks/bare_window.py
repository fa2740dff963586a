"""The floor for start-up: a bare PySide6 main window, started the way the app is.

Prints ``first-paint <seconds>`` (the system-wide monotonic clock) when the window first paints,
then quits, exactly as ``portage-desktop --exit-after-first-paint`` does, so the two can be
compared run for run.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstPaint(QObject):
    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
            self.seen = True
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1100, 720)
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""Sizing windows and pages for the screen they are on.

Apart from ``widgets`` (which defines many widget classes, 15 ms to load) so the main window
can size itself before its first paint without loading them.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def fitted(page: QWidget) -> QScrollArea:
    """``page`` inside a frameless scroll area that stretches it to fill the space: a page
    shows as designed on a large screen, and scrolls rather than forcing the window taller
    or wider than a small laptop at large text (1366 by 768)."""
    holder = QScrollArea()
    holder.setWidgetResizable(True)
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setWidget(page)
    return holder


def size_for_screen(window: QWidget, width: int, height: int) -> None:
    """Open ``window`` at its designed size, or smaller on a small screen: a window taller
    than a 1366 by 768 laptop's free space hides its own buttons below the taskbar."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    free_width = screen.availableGeometry().width() - 20 if screen is not None else width
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - 20)
        height = min(height, free.height() - 40)  # the title bar
    window.resize(width, height)

    def widen() -> None:
        # Wider when its words need it (a translation runs longer than the English it was
        # designed for, and so does large text): never narrower than its finished layout
        # asks, as far as the screen allows. Checked once it is built, just before it shows.
        wanted = min(window.minimumSizeHint().width(), free_width)
        if wanted > window.width():
            window.resize(wanted, window.height())

    QTimer.singleShot(0, window, widen)

"""Opening the demo from inside the app: a separate window on a made-up site, started as its
own process with its own throwaway file, so the records open here are never touched."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QMessageBox, QWidget

from portage_desktop.i18n import tr

# The Help menu's entries: each opens a made-up site in its own window and file.
DEMOS = ((tr("Open the &demo nursery"), False), (tr("Open the demo &Portage service"), True))


def demo_command(service: bool = False) -> tuple[str, list[str]]:
    """The program and arguments that start the demo, installed or run from source."""
    args = ["--demo", *(["--service"] if service else [])]
    if getattr(sys, "frozen", False):  # the installed bundle is the program itself
        return sys.executable, args
    return sys.executable, ["-m", "portage_desktop", *args]


def open_demo(parent: QWidget, service: bool = False) -> bool:
    """Start the demo beside this window; say so plainly if it cannot start."""
    program, args = demo_command(service)
    started = QProcess.startDetached(program, args)
    if isinstance(started, tuple):  # some Qt for Python versions also return the process id
        started = started[0]
    if not started:
        QMessageBox.warning(
            parent,
            tr("The demo did not start"),
            tr(
                "The demo could not be started. Your own records are not affected. "
                "You can also start it with: portage-desktop --demo"
            ),
        )
        return False
    return True

"""Unexpected errors: a readable message for the user, a redacted traceback for the log."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from portage_desktop.i18n import tr
from portage_desktop.logs import redacted_traceback

log = logging.getLogger("portage_desktop.crash")


def install_crash_handler(log_file: Path) -> None:
    """Route uncaught errors on any thread to the log and, on the GUI thread, a dialog."""

    def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Unexpected error:\n%s", redacted_traceback(exc_type, tb))
        if (
            QApplication.instance() is None
            or threading.current_thread() is not threading.main_thread()
        ):
            return
        from PySide6.QtWidgets import QMessageBox  # here: loading it costs start-up time

        from portage_desktop.data.errors import ServerRefused, ServerUnavailable

        if isinstance(exc, ServerUnavailable):  # not a fault of the app: say what happened
            QMessageBox.warning(None, tr("The shared server did not answer"), str(exc))
            return
        if isinstance(exc, ServerRefused):
            QMessageBox.warning(None, tr("Not allowed on the shared server"), str(exc))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Something went wrong"), "")
        box.setText(
            tr(
                "Portage Desktop hit a problem it did not expect. "
                "Everything you had already saved is safe."
            )
        )
        box.setInformativeText(
            tr(
                "If the last thing you did did not work, please try it again. "
                "A note of the problem (with no personal details in it) is in:\n{log_file}"
            ).format(log_file=log_file)
        )
        box.exec()

    sys.excepthook = handle
    threading.excepthook = lambda args: handle(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
    )

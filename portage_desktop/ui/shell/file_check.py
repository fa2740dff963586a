"""Start the open file's integrity check in the background once the records are on screen,
and, if it fails, pause saving and say so (see ``services/file_check``)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from portage_desktop.data.engine import Database
from portage_desktop.i18n import tr
from portage_desktop.services import file_check
from portage_desktop.ui.common.tasks import run_in_background
from portage_desktop.ui.common.theme import error_style

log = logging.getLogger(__name__)


def check_after_showing(window: QMainWindow, db: Database, headless: bool = False) -> None:
    def passed(_result: object) -> None:
        log.info("The records file passed its check")

    def failed(exc: BaseException) -> None:
        log.warning("The records file failed its check: %s", type(exc).__name__)
        words = file_check.pause_saving(db)
        label = QLabel(tr("⚠ Saving is paused: the file may be damaged"))
        label.setStyleSheet(error_style())
        label.setAccessibleName(tr("Saving is paused"))
        label.setToolTip(words)
        window.statusBar().addPermanentWidget(label)
        if not headless:
            QMessageBox.critical(window, tr("Saving is paused"), words)

    run_in_background(lambda: file_check.check_open_file(db), passed, failed)

"""File menu: back up now and restore, with progress and plain confirmations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from portage_desktop.data.engine import DatabaseError
from portage_desktop.i18n import tr
from portage_desktop.services import backups
from portage_desktop.services.backups import BackupInfo
from portage_desktop.services.dates import format_datetime
from portage_desktop.ui.common.context import AppContext
from portage_desktop.ui.common.form import confirm
from portage_desktop.ui.common.tasks import run_in_background, run_with_progress

_REASONS = {
    "manual": tr("made by hand"),
    "daily": tr("made automatically each day"),
    "on-close": tr("made when the app closed"),
    "before-upgrade": tr("made before an update"),
    "before-restore": tr("your data just before a restore"),
}


class RestoreDialog(QDialog):
    """Pick a backup from the list, or any backup file; ``chosen`` holds the path."""

    def __init__(self, found: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Restore from a backup"))
        self.setMinimumWidth(520)
        self.chosen: Path | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Backups, newest first"))
        for info in found:
            size_kb = max(1, info.size_bytes // 1024)
            reason = _REASONS.get(info.reason, info.reason)
            text = tr("{date} ({reason}, {size_kb} KB)").format(
                date=format_datetime(info.created), reason=reason, size_kb=size_kb
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _i: self._accept_selected())
        other = QPushButton(tr("Choose another backup &file…"))
        other.clicked.connect(self._choose_file)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(found))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = QLabel(
            tr(
                "Restoring replaces what is in Portage Desktop now with the backup you choose. "
                "Your current data is kept as a backup first, so you can undo this."
            )
            if found
            else tr("No backups have been made yet. You can choose a backup file instead.")
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(other)
        layout.addWidget(buttons)

    def _accept_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a backup"), "", tr("Portage Desktop backups (*.db);;All files (*)")
        )
        if path:
            self.chosen = Path(path)
            self.accept()


class BackupActions:
    """The window's backup commands; needs only the context and a parent for dialogs."""

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self.ctx = ctx
        self.parent = parent
        self.daily_running = False

    def back_up_now(self) -> None:
        ctx = self.ctx

        def work(progress):  # noqa: ANN001, ANN202
            return backups.back_up(
                ctx.db, ctx.paths.backup_dir, ctx.settings.backups_to_keep, progress=progress
            )

        def done(path: Path) -> None:
            QMessageBox.information(
                self.parent,
                tr("Backup made"),
                tr("Your records were backed up and checked:\n{path}").format(path=path),
            )

        def failed(exc: BaseException) -> None:
            message = (
                str(exc) if isinstance(exc, DatabaseError) else tr("The backup could not be made.")
            )
            QMessageBox.warning(self.parent, tr("Backup not made"), message)

        run_with_progress(self.parent, tr("Backing up your records…"), work, done, failed)

    def back_up_to_folder(self) -> None:
        """A copy on a USB stick or another drive: still encrypted, verified after writing."""
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self.parent, tr("Back up to which folder?"))
        if not folder:
            return
        ctx = self.ctx

        def work(progress):  # noqa: ANN001, ANN202
            return backups.back_up(ctx.db, Path(folder), keep=1000, progress=progress)

        def done(path: Path) -> None:
            note = (
                tr("It is encrypted: it opens only with your passphrase.")
                if ctx.db.encrypted
                else tr("It is NOT encrypted: keep it somewhere locked.")
            )
            QMessageBox.information(
                self.parent,
                tr("Backup made"),
                tr("Your records were copied and checked:\n{path}\n\n{note}").format(
                    path=path, note=note
                ),
            )

        def failed(exc: BaseException) -> None:
            message = (
                str(exc) if isinstance(exc, DatabaseError) else tr("The backup could not be made.")
            )
            QMessageBox.warning(self.parent, tr("Backup not made"), message)

        run_with_progress(self.parent, tr("Backing up your records…"), work, done, failed)

    def daily_backup_if_due(self) -> None:
        """Called at start-up and every hour: one quiet backup a day, rotated.

        It runs on a worker: copying and checking a large site's file takes seconds, and the
        window must not freeze for them shortly after it opens."""
        ctx = self.ctx
        if ctx.is_demo or ctx.db.on_server or self.daily_running:
            return
        if not backups.daily_backup_due(ctx.db, ctx.paths.backup_dir):
            return
        self.daily_running = True

        def work() -> object:
            return backups.back_up(
                ctx.db, ctx.paths.backup_dir, ctx.settings.backups_to_keep, reason="daily"
            )

        def done(_result: object) -> None:
            self.daily_running = False

        def failed(exc: BaseException) -> None:
            import logging

            self.daily_running = False
            if isinstance(exc, DatabaseError):
                logging.getLogger(__name__).warning(tr("Daily backup failed"))
            else:
                from portage_desktop.logs import redacted_traceback

                logging.getLogger(__name__).error(
                    tr("Daily backup failed:\n%s"), redacted_traceback(type(exc), exc.__traceback__)
                )

        run_in_background(work, done, failed)

    def backup_on_close(self) -> None:
        """Quietly back up on exit; a failure is logged, never blocks closing.

        The copy is made on a worker while an event loop turns, so the app still answers
        the system while it finishes (a large site's file takes a second or more, and the
        window, already hidden, froze for all of it); this returns once the copy is made."""
        if self.ctx.is_demo or self.ctx.db.on_server or not self.ctx.settings.backup_on_close:
            return
        from PySide6.QtCore import QEventLoop

        ctx = self.ctx
        finished = QEventLoop()
        outcome: list[BaseException | None] = []

        def work() -> None:
            backups.back_up(
                ctx.db, ctx.paths.backup_dir, ctx.settings.backups_to_keep, reason="on-close"
            )

        def done(result: object) -> None:
            outcome.append(result if isinstance(result, BaseException) else None)
            finished.quit()

        run_in_background(work, done, done)
        if not outcome:  # unless it was over before the loop could start
            finished.exec()
        if outcome and outcome[0] is not None:
            import logging

            if isinstance(outcome[0], DatabaseError):
                logging.getLogger(__name__).warning(tr("Backup on close failed"))
            else:
                from portage_desktop.logs import redacted_traceback

                exc = outcome[0]
                logging.getLogger(__name__).error(
                    tr("Backup on close failed:\n%s"),
                    redacted_traceback(type(exc), exc.__traceback__),
                )

    def restore(self) -> bool:
        """Ask which backup, confirm, restore; return True if the data was replaced."""
        found = backups.list_backups(self.ctx.db, self.ctx.paths.backup_dir)
        dialog = RestoreDialog(found, self.parent)
        if not dialog.exec() or dialog.chosen is None:
            return False
        if not confirm(
            self.parent,
            tr("Restore this backup?"),
            tr(
                "Everything now in Portage Desktop will be replaced by this backup. "
                "Your current records will be kept as a backup first.\n\nRestore now?"
            ),
        ):
            return False
        try:
            aside = backups.restore_backup(self.ctx.db, dialog.chosen, self.ctx.paths.backup_dir)
        except DatabaseError as exc:
            QMessageBox.warning(self.parent, tr("Not restored"), str(exc))
            return False
        self.ctx.hub.database_replaced.emit()
        QMessageBox.information(
            self.parent,
            tr("Backup restored"),
            tr(
                "The backup has been restored. Your records from before are kept in:\n{aside}"
            ).format(aside=aside),
        )
        return True

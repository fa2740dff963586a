"""The main window: a sidebar of areas, the page for each, menus and shortcuts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from portage_desktop import APP_NAME, __version__
from portage_desktop.paths import looks_like_shared_drive
from portage_desktop.services import setting as setting_service
from portage_desktop.services.backups import SERVER_BACKUPS
from portage_desktop.ui.backup_actions import BackupActions
from portage_desktop.ui.children_page import ChildrenPage
from portage_desktop.ui.context import AppContext
from portage_desktop.ui.lock import IdleWatcher, LockPanel, record_lock
from portage_desktop.ui.pages import DashboardPage, SettingsPage
from portage_desktop.ui.staff_page import StaffPage
from portage_desktop.ui.stamp_page import StampPage
from portage_desktop.ui.tasks import run_with_progress

AREAS = ("Dashboard", "Children", "Staff & training", "Stamp of Approval", "Settings")


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.backups = BackupActions(ctx, self)
        self.setMinimumSize(QSize(900, 600))

        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Areas")
        self.sidebar.addItems(list(AREAS))
        self.sidebar.setSpacing(3)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 0.4em 0.6em; }")
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0) + 60)
        self.pages = QStackedWidget()
        self.dashboard = DashboardPage(ctx)
        self.children_page = ChildrenPage(ctx)
        self.staff_page = StaffPage(ctx)
        self.stamp_page = StampPage(ctx)
        self.settings_page = SettingsPage(ctx)
        for page in (
            self.dashboard,
            self.children_page,
            self.staff_page,
            self.stamp_page,
            self.settings_page,
        ):
            self.pages.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.dashboard.open_children.connect(lambda: self.go_to(1))
        self.dashboard.add_child.connect(self.add_child)
        self.dashboard.open_stamp.connect(lambda: self.go_to(3))
        self.dashboard.open_review.connect(self.open_review)
        self.children_page.print_requested.connect(self.print_children_list)

        content = QWidget()
        row = QHBoxLayout(content)
        row.addWidget(self.sidebar)
        row.addWidget(self.pages, 1)
        self.lock_panel = LockPanel(ctx.db, self.unlock)
        self.screens = QStackedWidget()
        self.screens.addWidget(content)
        self.screens.addWidget(self.lock_panel)
        self.setCentralWidget(self.screens)
        self.idle = IdleWatcher(ctx.settings.lock_after_minutes, self.lock)
        self.daily = QTimer(self)
        self.daily.timeout.connect(self.backups.daily_backup_if_due)
        self.daily.start(60 * 60 * 1000)
        QTimer.singleShot(5000, self.backups.daily_backup_if_due)
        QTimer.singleShot(0, self._warn_if_shared_drive)
        self.settings_page.lock_minutes_changed.connect(self.idle.set_minutes)
        self.settings_page.lock_requested.connect(self.lock)
        self._build_menus()
        self._build_status_bar()
        ctx.hub.setting_changed.connect(self._update_title)
        ctx.hub.database_replaced.connect(self._update_title)
        self._update_title()
        self.go_to(1 if ctx.is_demo else 0)
        if ctx.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(ctx.settings.window_geometry.encode()))
        else:
            self.resize(1100, 720)

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def show_latest(self) -> None:
        """Re-read every screen: on a shared server, others' saves appear without restarting."""
        for signal in (self.ctx.hub.setting_changed, self.ctx.hub.staff_changed):
            signal.emit()
        self.ctx.hub.children_changed.emit()
        self.statusBar().showMessage("Showing the latest records.", 4000)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self._action("&New child…", self.add_child, "Ctrl+N", "Add a child"))
        file_menu.addAction(
            self._action(
                "&Print children list…", self.print_children_list, QKeySequence.StandardKey.Print
            )
        )
        file_menu.addSeparator()
        if self.ctx.db.on_server:
            # Backups of a shared server are its administrator's job, not this app's.
            file_menu.addAction(
                self._action("About &backups of the shared server…", self._explain_backups)
            )
        else:
            file_menu.addAction(
                self._action(
                    "&Back up now",
                    self.backups.back_up_now,
                    "Ctrl+B",
                    "Make a checked copy of your records",
                )
            )
            file_menu.addAction(
                self._action("Back up to another &folder…", self.backups.back_up_to_folder)
            )
            file_menu.addAction(self._action("&Restore from a backup…", self.backups.restore))
        file_menu.addAction(self._action("Open the &data folder", self._open_data_folder))
        file_menu.addSeparator()
        unlock_with = "your password" if self.ctx.db.multi_user else "the passphrase"
        file_menu.addAction(
            self._action(
                "&Lock now", self.lock, "Ctrl+L", f"Hide your records until {unlock_with} is typed"
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(
            self._action("&Find a child", self.find_child, QKeySequence.StandardKey.Find)
        )
        edit_menu.addAction(self._action("&Edit selected child…", self.edit_child, "Ctrl+E"))

        go_menu = bar.addMenu("&Go")
        for number, area in enumerate(AREAS):
            go_menu.addAction(
                self._action(
                    area.replace("&", "&&"),
                    lambda _c=False, n=number: self.go_to(n),
                    f"Ctrl+{number + 1}",
                )
            )
        go_menu.addSeparator()
        go_menu.addAction(
            self._action(
                "&Show the latest",
                self.show_latest,
                QKeySequence.StandardKey.Refresh,
                "Read everything again, with changes others have saved",
            )
        )

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(
            self._action(
                "&Keyboard shortcuts", self.show_shortcuts, QKeySequence.StandardKey.HelpContents
            )
        )
        help_menu.addAction(self._action("Open the &log folder", self._open_log_folder))
        help_menu.addAction(self._action(f"&About {APP_NAME}", self.show_about))

    def _build_status_bar(self) -> None:
        where = (
            "Demo data (made up; nothing here is real)"
            if self.ctx.is_demo
            else self.ctx.db.display_name
        )
        label = QLabel(where)
        label.setAccessibleName("Database in use")
        self.statusBar().addPermanentWidget(label)

    def _update_title(self) -> None:
        info = setting_service.get_setting(self.ctx.db)
        name = info.name if info else APP_NAME
        server = self.ctx.db.server
        where = f" (shared server {server.display})" if server is not None else ""
        demo = " (DEMO)" if self.ctx.is_demo else ""
        self.setWindowTitle(f"{name} - {APP_NAME}{demo}{where}")

    def _explain_backups(self) -> None:
        QMessageBox.information(self, "Backups of the shared server", SERVER_BACKUPS)

    def _warn_if_shared_drive(self) -> None:
        """SQLite can be damaged on network shares and sync folders: say so once per start."""
        path = self.ctx.db.path
        if self.ctx.is_demo or path is None or not looks_like_shared_drive(path):
            return
        self.statusBar().showMessage("Warning: your records are on a network or cloud-sync drive")
        QMessageBox.warning(
            self,
            "Your records are on a shared drive",
            f"Your records are kept in {path.parent}, which looks like a network share or a "
            "cloud-sync folder (such as OneDrive or Dropbox). The database can be damaged "
            "there. Please move it to this computer's own disk (see the README), and keep "
            "backups on a USB stick instead.",
        )

    def lock(self) -> None:
        """Hide everything (an open dialog too) until the person unlocks again."""
        if self.screens.currentWidget() is self.lock_panel:
            return
        from PySide6.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self:
            modal.hide()
            self.lock_panel.hidden_dialog = modal
        self.menuBar().setEnabled(False)
        self.screens.setCurrentWidget(self.lock_panel)
        self.lock_panel.unlock_button.setFocus()
        record_lock(self.ctx.db)

    def unlock(self) -> None:
        self.menuBar().setEnabled(True)
        self.screens.setCurrentIndex(0)
        dialog = self.lock_panel.hidden_dialog
        self.lock_panel.hidden_dialog = None
        if dialog is not None:
            dialog.show()

    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_panel

    def open_review(self, child_id: int) -> None:
        """From the Dashboard: the child's record, on the Reviews tab."""
        window = self.children_page.open_record(child_id)
        if window is not None:
            window.tabs.setCurrentWidget(window.reviews)

    def go_to(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def add_child(self) -> None:
        self.go_to(1)
        self.children_page.add_child()

    def edit_child(self) -> None:
        self.go_to(1)
        self.children_page.edit_selected()

    def find_child(self) -> None:
        self.go_to(1)
        self.children_page.focus_search()

    def print_children_list(self) -> None:
        suggested = str(Path.home() / f"children-on-roll-{date.today():%Y-%m-%d}.pdf")
        target, _ = QFileDialog.getSaveFileName(
            self, "Save the children list as PDF", suggested, "PDF files (*.pdf)"
        )
        if not target:
            return
        out = Path(target if target.lower().endswith(".pdf") else f"{target}.pdf")
        db = self.ctx.db

        def work(_progress):  # noqa: ANN001, ANN202
            from portage_desktop.printing import print_record

            return print_record(db, "children-list", None, out)

        def done(path: Path) -> None:
            self.statusBar().showMessage(f"Saved {path}", 8000)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, "Not printed", str(exc) or "The PDF could not be made.")

        run_with_progress(self, "Making the PDF…", work, done, failed)

    def _open_data_folder(self) -> None:
        folder = self.ctx.db.path.parent if self.ctx.db.path else self.ctx.paths.data_dir
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.log_dir)))

    def show_shortcuts(self) -> None:
        lines = [
            ("Ctrl+N", "Add a child"),
            ("Ctrl+F", "Find a child"),
            ("Enter", "Open the selected child's record"),
            ("Ctrl+E", "Edit the selected child's details"),
            ("Ctrl+P in a record", "Print the one-page profile"),
            ("Ctrl+Shift+P in a record", "Print the assessment summary"),
            ("Ctrl+Shift+N in a record", "Start a new assessment"),
            ("1 to 5 in an assessment", "Set the status of a small step and move down"),
            ("Ctrl+W", "Close a child's record"),
            ("Ctrl+P", "Print the children list"),
            ("Ctrl+B", "Back up now"),
            ("Ctrl+L", "Lock now"),
            ("Ctrl+1 to Ctrl+5", "Go to an area"),
            ("F5", "Show the latest, with changes others have saved"),
            ("Alt+Down in a date", "Open the calendar"),
            ("Escape", "Close a dialog"),
            ("Ctrl+Q", "Quit"),
        ]
        rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in lines)
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{rows}</table>")

    def show_about(self) -> None:
        server = self.ctx.db.server
        where = (
            f"Your records are kept on the shared server {server.display}; the app connects "
            "to that server and nowhere else."
            if server is not None
            else "Your records stay on this computer; the app makes no network connections."
        )
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<br>Portage records for early-years settings "
            f"and childminders. {where}",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.ctx.save_settings()
        self.backups.backup_on_close()
        event.accept()

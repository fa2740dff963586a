"""The main window: a sidebar of areas, the page for each, menus and shortcuts.

The window is built in two steps so that it can appear at once: the frame (sidebar, menus, an
"Opening your records" line) needs nothing but Qt, and :meth:`MainWindow.attach` fills it in once
the records are open. Each area's page is built the first time it is shown, so opening the app
costs only the page it starts on; the modules behind the pages are imported then too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Only what the frame needs is imported here. PySide builds each Qt class's Python type, with
# all its enums, on first use; message boxes, file dialogs, actions and key sequences cost tens
# of milliseconds together, so they are imported where they are used, after the first paint.
from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from portage_desktop import APP_NAME, app_version
from portage_desktop.i18n import tr
from portage_desktop.paths import looks_like_shared_drive
from portage_desktop.ui.common.sizing import fitted, size_for_screen
from portage_desktop.ui.shell import help_text
from portage_desktop.ui.shell.areas import (  # noqa: F401 (where the pages and tests look them up)
    AREAS,
    CASELOADS,
    CHILDREN,
    DASHBOARD,
    GROUPS,
    REFERRALS,
    RUNNING_THE_SERVICE,
    SERVICE_AREAS,
    SETTINGS,
    SIDEBAR,
    STAFF,
    STAMP,
    VISITS,
    WAITING_LIST,
)
from portage_desktop.ui.shell.sidebar import RoomyItems, add_icons

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent

    from portage_desktop.settings import Settings
    from portage_desktop.ui.children.children_page import ChildrenPage
    from portage_desktop.ui.common.context import AppContext
    from portage_desktop.ui.settings.settings_page import SettingsPage
    from portage_desktop.ui.shell.dashboard import DashboardPage
    from portage_desktop.ui.staff.staff_page import StaffPage
    from portage_desktop.ui.stamp.stamp_page import StampPage


class MainWindow(QMainWindow):
    """``MainWindow(ctx)`` for open records; ``MainWindow(settings=...)`` for the frame alone,
    shown while the records open, then :meth:`attach`."""

    def __init__(self, ctx: AppContext | None = None, settings: Settings | None = None) -> None:
        super().__init__()
        self.ctx: AppContext = None  # type: ignore[assignment]  # set by attach()
        self._built: dict[int, QWidget] = {}
        self._closing = False
        self._shortcuts: list[tuple[QAction, str]] = []
        self.setMinimumSize(QSize(900, 600))
        self.setWindowTitle(APP_NAME)

        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(tr("Areas"))
        self.sidebar.addItems([AREAS[area] for area in SIDEBAR])
        self._service_actions: list[QAction] = []
        self.sidebar.setSpacing(3)
        self.sidebar.setItemDelegate(RoomyItems(self.sidebar))
        self.sidebar.setFixedWidth(self.sidebar.sizeHintForColumn(0) + 60)
        self.pages = QStackedWidget()
        # Centred by stretches rather than an alignment flag: the first use of Qt's big
        # namespace of flags costs 20 ms, more than the rest of the frame.
        self.opening = QWidget()
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(QLabel(tr("Opening your records…")))
        middle.addStretch(1)
        column = QVBoxLayout(self.opening)
        column.addStretch(1)
        column.addLayout(middle)
        column.addStretch(2)
        self.opening.setAccessibleName(tr("Opening your records"))
        for _area in AREAS:  # stand-ins until each page is first shown
            self.pages.addWidget(QWidget())
        self.pages.setVisible(False)

        content = QWidget()
        row = QHBoxLayout(content)
        row.addWidget(self.sidebar)
        row.addWidget(self.opening, 1)
        row.addWidget(self.pages, 1)
        self.screens = QStackedWidget()
        self.screens.addWidget(content)
        self.setCentralWidget(self.screens)
        bar = self.menuBar()
        self._menus = [
            bar.addMenu(title) for title in (tr("&File"), tr("&Edit"), tr("&Go"), tr("&Help"))
        ]
        geometry = (ctx.settings if ctx else settings).window_geometry if (ctx or settings) else ""
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        else:
            size_for_screen(self, 1100, 720)
        if ctx is None:
            self.sidebar.setEnabled(False)
            self.menuBar().setEnabled(False)
        else:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Fill the frame in for the open records ``ctx``: the first page, locking, backups."""
        from PySide6.QtCore import QTimer
        from PySide6.QtGui import QKeySequence

        from portage_desktop.ui.shell.backup_actions import BackupActions
        from portage_desktop.ui.shell.lock import IdleWatcher, LockPanel

        self.ctx = ctx
        self.backups = BackupActions(ctx, self)
        self._fill_menus()
        for action, shortcut in self._shortcuts:  # "Ctrl+B", or a standard key such as "Print"
            standard = getattr(QKeySequence.StandardKey, shortcut, None)
            action.setShortcut(QKeySequence(standard if standard is not None else shortcut))
        self.lock_panel = LockPanel(ctx.db, self.unlock)
        self.screens.addWidget(self.lock_panel)
        self.idle = IdleWatcher(ctx.settings.lock_after_minutes, self.lock)
        self.daily = QTimer(self)
        self.daily.timeout.connect(self.backups.daily_backup_if_due)
        self.daily.start(60 * 60 * 1000)
        QTimer.singleShot(5000, self.backups.daily_backup_if_due)
        QTimer.singleShot(0, self._warn_if_shared_drive)
        QTimer.singleShot(0, lambda: add_icons(self.sidebar))
        self._build_status_bar()
        ctx.hub.setting_changed.connect(self._update_title)
        ctx.hub.database_replaced.connect(self._update_title)
        self._update_title()
        self.opening.setVisible(False)
        self.pages.setVisible(True)
        self.sidebar.currentRowChanged.connect(
            lambda row: self._show_area(SIDEBAR[row] if row >= 0 else -1)
        )
        ctx.hub.setting_changed.connect(self._show_service_areas)
        ctx.hub.database_replaced.connect(self._show_service_areas)
        self._show_service_areas()
        self.sidebar.setEnabled(True)
        self.menuBar().setEnabled(True)
        self.go_to(CHILDREN if ctx.is_demo else DASHBOARD)
        # Each area's code, loaded on a worker before it is first opened; once the first page
        # is filled in, as loading alongside made each of its parts take twice as long.
        from portage_desktop.ui.shell.warm_up import warm_up

        first = self.current_page()
        if getattr(first, "filling", False):
            first.filled.connect(warm_up)  # type: ignore[attr-defined]
        else:
            QTimer.singleShot(0, warm_up)

    # Pages, built when first shown (or first asked for)
    def _page(self, area: int) -> QWidget:
        page = self._built.get(area)
        if page is None:
            page = self._build_page(area)
            self._built[area] = page
            stand_in = self.pages.widget(area)
            current = self.pages.currentIndex()
            self.pages.insertWidget(area, fitted(page))
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self.pages.setCurrentIndex(current)
        return page

    def _build_page(self, area: int) -> QWidget:
        ctx = self.ctx
        if area == DASHBOARD:
            from portage_desktop.ui.shell.dashboard import DashboardPage

            dashboard = DashboardPage(ctx, fill_in_steps=True)
            dashboard.open_children.connect(lambda: self.go_to(CHILDREN))
            dashboard.add_child.connect(self.add_child)
            dashboard.open_stamp.connect(lambda: self.go_to(STAMP))
            dashboard.open_review.connect(self.open_review)
            from portage_desktop.ui.shell.getting_started import take_step

            dashboard.getting_started.chosen.connect(lambda k, c: take_step(self, k, c))
            return dashboard
        if area == CHILDREN:
            from portage_desktop.ui.children.children_page import ChildrenPage

            children = ChildrenPage(ctx)
            children.print_requested.connect(self.print_children_list)
            return children
        if area == STAFF:
            from portage_desktop.ui.staff.staff_page import StaffPage

            return StaffPage(ctx)
        if area == STAMP:
            from portage_desktop.ui.stamp.stamp_page import StampPage

            return StampPage(ctx)
        if area in SERVICE_AREAS:
            from portage_desktop.ui.service.areas import build_service_page

            return build_service_page(ctx, AREAS[area])
        from portage_desktop.ui.settings.settings_page import SettingsPage

        settings = SettingsPage(ctx)
        settings.lock_minutes_changed.connect(self.idle.set_minutes)
        settings.lock_requested.connect(self.lock)
        return settings

    def _show_area(self, area: int) -> None:
        if area >= 0:
            self._page(area)
            self.pages.setCurrentIndex(area)

    @property
    def dashboard(self) -> DashboardPage:
        page: DashboardPage = self._page(DASHBOARD)  # type: ignore[assignment]
        page.finish_filling()  # whoever asks for it reads it now
        return page

    @property
    def children_page(self) -> ChildrenPage:
        return self._page(CHILDREN)  # type: ignore[return-value]

    @property
    def staff_page(self) -> StaffPage:
        return self._page(STAFF)  # type: ignore[return-value]

    @property
    def stamp_page(self) -> StampPage:
        return self._page(STAMP)  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self._page(SETTINGS)  # type: ignore[return-value]

    def _action(
        self, text: str, slot: object, shortcut: str | None = None, tip: str = ""
    ) -> QAction:
        from PySide6.QtGui import QAction

        action = QAction(text, self)
        if shortcut is not None:  # all set together once the menus are filled (attach)
            self._shortcuts.append((action, shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def show_latest(self) -> None:
        """Re-read every screen: on a shared server, others' saves appear without restarting."""
        for signal in (self.ctx.hub.setting_changed, self.ctx.hub.staff_changed):
            signal.emit()
        self.ctx.hub.children_changed.emit()
        self.statusBar().showMessage(tr("Showing the latest records."), 4000)

    def _fill_menus(self) -> None:
        """The menus' commands, added once the records are open (see ``menus``)."""
        from portage_desktop.ui.shell.menus import fill_menus

        fill_menus(self)

    def _build_status_bar(self) -> None:
        where = (
            tr("Demo data (made up; nothing here is real)")
            if self.ctx.is_demo
            else self.ctx.db.display_name
        )
        label = QLabel(where)
        label.setAccessibleName(tr("Database in use"))
        self.statusBar().addPermanentWidget(label)

    def _update_title(self) -> None:
        from portage_desktop.services import setting as setting_service

        info = setting_service.get_setting(self.ctx.db)
        name = info.name if info else APP_NAME
        server = self.ctx.db.server
        where = (
            tr(" (shared server {display})").format(display=server.display)
            if server is not None
            else ""
        )
        demo = " (DEMO)" if self.ctx.is_demo else ""
        self.setWindowTitle(f"{name} - {APP_NAME}{demo}{where}")

    def _explain_backups(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from portage_desktop.services.backups import SERVER_BACKUPS

        QMessageBox.information(self, tr("Backups of the shared server"), SERVER_BACKUPS)

    def _warn_if_shared_drive(self) -> None:
        """SQLite can be damaged on network shares and sync folders: say so once per start."""
        from PySide6.QtWidgets import QMessageBox

        path = self.ctx.db.path
        if self.ctx.is_demo or path is None or not looks_like_shared_drive(path):
            return
        self.statusBar().showMessage(
            tr("Warning: your records are on a network or cloud-sync drive")
        )
        QMessageBox.warning(
            self,
            tr("Your records are on a shared drive"),
            tr(
                "Your records are kept in {parent}, which looks like a network share or a "
                "cloud-sync folder (such as OneDrive or Dropbox). The database can be damaged "
                "there. Please move it to this computer's own disk (see the README), and keep "
                "backups on a USB stick instead."
            ).format(parent=path.parent),
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
        from portage_desktop.ui.shell.lock import record_lock

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

    def current_page(self) -> QWidget:
        """The area shown now (each sits in a scroll area, for small screens)."""
        holder = self.pages.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def go_to_staff(self) -> None:
        self.go_to(STAFF)

    def go_to(self, index: int) -> None:
        self.sidebar.setCurrentRow(SIDEBAR.index(index))

    def _show_service_areas(self) -> None:
        """A home-visiting service sees its own areas; a setting or childminder does not."""
        from portage_desktop.services import setting as setting_service

        info = setting_service.get_setting(self.ctx.db)
        shown = info is not None and info.kind.is_service
        for area in SERVICE_AREAS:
            self.sidebar.item(SIDEBAR.index(area)).setHidden(not shown)
        for action in self._service_actions:
            action.setVisible(shown)

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
        from portage_desktop.ui.common.pdf_save import save_print

        save_print(
            self,
            self.ctx.db,
            "children-list",
            tr("Save the children list as PDF"),
            "children-on-roll",
        )

    def _open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.ctx.db.path.parent if self.ctx.db.path else self.ctx.paths.data_dir
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _open_log_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.paths.log_dir)))

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QLabel, QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, tr("Keyboard shortcuts"), "", parent=self)
        box.setText(help_text.shortcuts_html())
        text = box.findChild(QLabel, "qt_msgbox_label")
        if text is not None:  # wide enough for each shortcut on one line, at any font size
            text.setMinimumWidth(text.fontMetrics().horizontalAdvance("M" * 36))
        box.exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        server = self.ctx.db.server
        text = help_text.about_html(APP_NAME, app_version(), server.display if server else None)
        QMessageBox.about(self, tr("About {APP_NAME}").format(APP_NAME=APP_NAME), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx is None:  # closed while the records were still opening
            event.accept()
            return
        if self._closing:  # asked again while the backup below finishes
            event.accept()
            return
        self._closing = True
        self.ctx.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.ctx.save_settings()
        self.hide()  # gone at once; the backup finishes behind it
        self.backups.backup_on_close()
        event.accept()

"""Starting the window: paths, settings, the database, first run, and the smoke test."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from portage_desktop import APP_NAME
from portage_desktop.paths import AppPaths, app_paths, database_path

SMOKE_TIMEOUT_MS = 20_000


def _needs_offscreen() -> bool:
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def run_app(database: str | None = None, demo: bool = False, smoke_test: bool = False) -> int:
    """Open the main window; return the process exit code."""
    if smoke_test and _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox

    from portage_desktop.settings import Settings
    from portage_desktop.ui.crash import install_crash_handler

    paths = app_paths().ensure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    install_crash_handler(paths.log_file)
    settings = Settings.load(paths.settings_file)

    scratch = tempfile.TemporaryDirectory(prefix="portage-smoke-") if smoke_test else None
    try:
        db, is_demo = _open(paths, database, demo, scratch)
    except Exception as exc:
        from portage_desktop.data.engine import DatabaseError

        if not isinstance(exc, DatabaseError):
            raise
        if smoke_test:
            print(f"portage-desktop: {exc}", file=sys.stderr)
            return 1
        QMessageBox.critical(None, "Cannot open your records", str(exc))
        return 1
    return _show(app, db, paths, settings, is_demo, smoke_test)


def _open(
    paths: AppPaths,
    database: str | None,
    demo: bool,
    scratch: tempfile.TemporaryDirectory[str] | None,
) -> tuple[object, bool]:
    from portage_desktop.startup import make_demo, open_and_migrate

    if demo:
        return make_demo(paths.demo_database), True
    if scratch is not None and not database:
        return make_demo(Path(scratch.name) / "smoke.db"), True
    path = database_path(database, paths)
    return open_and_migrate(path, paths.backup_dir), False


def _show(
    app: object, db: object, paths: AppPaths, settings: object, is_demo: bool, smoke_test: bool
) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from portage_desktop.services import setting as setting_service
    from portage_desktop.ui.context import AppContext, SignalHub
    from portage_desktop.ui.first_run import FirstRunDialog
    from portage_desktop.ui.main_window import MainWindow

    assert isinstance(app, QApplication)
    if setting_service.get_setting(db) is None:  # type: ignore[arg-type]
        if smoke_test:
            print("portage-desktop: the database has no setting yet", file=sys.stderr)
            return 1
        if not FirstRunDialog(db).exec():  # type: ignore[arg-type]
            return 0
    ctx = AppContext(db, paths, settings, SignalHub(), is_demo=is_demo)  # type: ignore[arg-type]
    window = MainWindow(ctx)

    if smoke_test:

        class _FirstPaint(QObject):
            def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    QTimer.singleShot(0, lambda: app.exit(0))
                return False

        watcher = _FirstPaint()
        window.installEventFilter(watcher)

        def too_slow() -> None:
            print(
                "portage-desktop: the main window did not paint within 20 seconds", file=sys.stderr
            )
            app.exit(1)

        QTimer.singleShot(SMOKE_TIMEOUT_MS, too_slow)
        window.show()
        code = app.exec()
        if code == 0:
            print("Smoke test passed: the main window opened and painted.")
        return code
    window.show()
    return app.exec()

"""Starting the window: paths, settings, unlocking the database, first run, the smoke test.

The window appears first and the records open straight after its first paint: opening them
loads the database layer, derives the key from the passphrase (argon2id, slow on purpose) and
checks the file, which together take far longer than drawing the window. Only the questions
that must come first (a new passphrase, or the passphrase when it is not in the environment)
are asked before the window.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop import APP_ID, APP_NAME
from portage_desktop.data.errors import DatabaseError, WrongPassphrase
from portage_desktop.database_url import BadAddress, ServerAddress
from portage_desktop.i18n import tr
from portage_desktop.paths import (
    PASSPHRASE_ENV,
    AppPaths,
    app_paths,
    make_private,
    records_location,
    resource_path,
)
from portage_desktop.ui.shell.startup_questions import (
    Cancelled,
    claim_records,
    log_in_if_needed,
    offer_encryption,
    open_or_recover,
    open_server,
)

if TYPE_CHECKING:
    import tempfile

    from portage_desktop.data.engine import Database
    from portage_desktop.settings import Settings

SMOKE_TIMEOUT_MS = 20_000

Opener = Callable[[], "tuple[Database, bool]"]


def _needs_offscreen() -> bool:
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def run_app(
    database: str | None = None,
    demo: bool | str = False,  # True, or "service" for the home-visiting service's demo
    smoke_test: bool = False,
    database_url: str | None = None,
    exit_after_first_paint: bool = False,
) -> int:
    """Open the main window; return the process exit code.

    ``exit_after_first_paint`` is for timing start-up: it prints ``first-paint`` and then
    ``records-shown`` with the system's monotonic clock in seconds, then quits.
    """
    headless = smoke_test or exit_after_first_paint
    if headless and _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from portage_desktop.settings import Settings
    from portage_desktop.ui.common.crash import install_crash_handler
    from portage_desktop.ui.common.fonts import install_qt_translations

    make_private()
    paths = app_paths().ensure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    # Every window's icon; Wayland and the task bar match windows to the installed .desktop file
    # (and so to its icon) by this name.
    app.setWindowIcon(QIcon(str(resource_path("icons", "portage-desktop.svg"))))
    app.setDesktopFileName(APP_ID)
    install_qt_translations()  # Qt's own buttons and dialogs in the chosen language
    install_crash_handler(paths.log_file)
    settings = Settings.load(paths.settings_file)

    scratch = None
    if smoke_test:
        import tempfile

        scratch = tempfile.TemporaryDirectory(prefix="portage-smoke-")
    choice = _Choice(paths, settings, database, database_url, demo, scratch, headless)
    try:
        opener = choice.opener()
    except Cancelled:
        return 0
    except DatabaseError as exc:
        if headless:
            print(tr("portage-desktop: {exc}").format(exc=exc), file=sys.stderr)
            return 1
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, tr("Cannot open your records"), str(exc))
        return 1
    return _show(app, choice, opener, smoke_test, exit_after_first_paint)


class _Choice:
    """Which records to open, as the command line, the environment and Settings say."""

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        database: str | None,
        database_url: str | None,
        demo: bool | str,
        scratch: tempfile.TemporaryDirectory[str] | None,
        headless: bool,
    ) -> None:
        self.paths, self.settings = paths, settings
        self.database, self.database_url, self.demo = database, database_url, demo
        self.scratch, self.headless = scratch, headless

    def opener(self) -> Opener:
        return _opener(
            self.paths,
            self.settings,
            self.database,
            self.database_url,
            self.demo,
            self.scratch,
            self.headless,
        )

    def server_from_settings(self) -> bool:
        """True when the shared server was chosen in Settings, not for this start only."""
        from portage_desktop.database_url import from_environment
        from portage_desktop.paths import DATABASE_ENV

        explicit = self.database or self.database_url or self.demo or from_environment()
        return self.settings.use_server and not explicit and not os.environ.get(DATABASE_ENV)

    def use_this_computer(self) -> None:
        self.settings.use_server = False
        self.settings.save(self.paths.settings_file)


def _offer_this_computer(problem: str) -> bool:
    """The server chosen in Settings cannot be used: say why, and offer the way back."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, tr("Cannot open the shared records"), problem)
    box.setInformativeText(
        tr(
            "You can try again later, or use the records on this computer instead (you can "
            "choose the shared server again in Settings)."
        )
    )
    use_local = box.addButton(
        tr("Use the records on this &computer"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is use_local


def _opener(
    paths: AppPaths,
    settings: Settings,
    database: str | None,
    database_url: str | None,
    demo: bool | str,
    scratch: tempfile.TemporaryDirectory[str] | None,
    headless: bool,
) -> Opener:
    """Ask what must be asked before the window shows; return what opens the records after."""
    from portage_desktop.data.file_kind import file_state

    if demo:

        def fresh_demo() -> tuple[Database, bool]:
            from portage_desktop.startup import make_demo

            service = demo == "service"
            return make_demo(
                paths.demo_database, start_application=not service, service=service
            ), True

        return fresh_demo
    if scratch is not None and not database and not database_url:

        def smoke_demo() -> tuple[Database, bool]:
            from portage_desktop.startup import make_demo

            return make_demo(Path(scratch.name) / "smoke.db"), True

        return smoke_demo
    try:
        where = records_location(
            database, database_url, paths, settings.database_url if settings.use_server else ""
        )
    except BadAddress as exc:
        problem = DatabaseError(
            tr("The shared server's address cannot be used. {exc}").format(exc=exc)
        )

        def refuse() -> tuple[Database, bool]:
            raise problem

        return refuse
    if isinstance(where, ServerAddress):
        address = where
        from portage_desktop.database_url import from_environment

        # Own logins are a choice in Settings for its server, not for an address given once.
        own = settings.use_server and settings.server_own_logins
        own = own and not (database_url or from_environment())
        return lambda: (open_server(address, headless, own), False)
    path = where
    # Before the file is read: another copy may have it open, or a killed one left work undone.
    # A file closed cleanly last time is checked after its records are on screen; one a copy
    # that was stopped left behind, before (see services/file_check).
    from portage_desktop.services.file_check import closed_cleanly

    clean = closed_cleanly(path)
    clean = claim_records(path, paths.backup_dir, headless) and clean
    state = file_state(path)
    key: object = None
    passphrase: str | None = None
    unlocked: object = None  # who opened the file (a personal key logs them in straight away)
    if state in ("missing", "empty"):
        if headless:
            raise DatabaseError(tr("no database at {path}").format(path=path))
        from portage_desktop.ui.shell.security_dialogs import choose_new_key

        key = choose_new_key()
        if key is None:
            raise Cancelled()
    elif state == "encrypted":
        passphrase = os.environ.get(PASSPHRASE_ENV)
        if not passphrase and headless:
            passphrase = ""
        elif not passphrase:
            from portage_desktop.ui.shell.personal_unlock import unlock_file

            unlocked = unlock_file(path)
            if unlocked is None:
                raise Cancelled()
            key = unlocked.key

    def existing() -> tuple[Database, bool]:
        # The key derivation and the file check run in C, letting other threads run, so they
        # go on a worker while another loads the code (about as long again).
        from concurrent.futures import ThreadPoolExecutor

        from portage_desktop.ui.common.tasks import import_modules, wait_responsive

        with ThreadPoolExecutor(max_workers=2) as pool:
            work = _unlock if clean and state == "encrypted" else _unlock_and_check
            args = (path, key, passphrase) if work is _unlock else (path, key, passphrase, state)
            checking = pool.submit(work, *args)
            # The database layer loads meanwhile, and the Dashboard shown first (about as long
            # again), on a second worker: the window keeps painting while Python imports.
            loading = pool.submit(import_modules, OPENING_MODULES)
            wait_responsive(checking, loading)
            loading.result()
            try:
                opened_key, checked = checking.result(), True
            except WrongPassphrase:
                raise
            except DatabaseError:  # damaged: opening again below says so and offers a backup
                opened_key, checked = _unlock(path, key, passphrase), False
        db = open_or_recover(path, paths.backup_dir, opened_key, headless, checked)
        db.check_after_opening = work is _unlock and checked
        if unlocked is not None:
            from portage_desktop.services.users import sign_in

            sign_in(db, unlocked)  # type: ignore[arg-type]
        if state == "plain" and not headless:
            offer_encryption(db)
        return db, False

    return existing


# What opening the records needs, loaded while the key is derived: the database layer, then
# the Dashboard (the first page) and the backups it starts.
OPENING_MODULES = [
    "portage_desktop.startup",
    "portage_desktop.ui.shell.backup_actions",
    "portage_desktop.ui.shell.dashboard",
]


def _unlock(path: Path, key: object, passphrase: str | None) -> object:
    """The key: the one given, or derived from ``passphrase`` (argon2id, slow on purpose)."""
    if passphrase is None:
        return key
    from portage_desktop.data import cipher

    found = _timed("key-derivation", cipher.key_for_file, path, passphrase)
    cipher.check_key(path, found)  # type: ignore[arg-type]
    return found


def _unlock_and_check(path: Path, key: object, passphrase: str | None, state: str) -> object:
    from portage_desktop.data import cipher

    found = _unlock(path, key, passphrase)
    _timed("file-check", cipher.quick_check, path, found if state == "encrypted" else None)
    return found


_stopwatch: dict[str, float] | None = None


def _timed(name: str, action: Callable[..., object], *args: object) -> object:
    """Run ``action``; with ``--exit-after-first-paint``, also say how long it took."""
    started = time.perf_counter()
    result = action(*args)
    if _stopwatch is not None:
        _stopwatch[name] = (time.perf_counter() - started) * 1000
    return result


def _show(
    app: object,
    choice: _Choice,
    opener: Opener,
    smoke_test: bool,
    exit_after_first_paint: bool,
) -> int:
    """Show the window's frame, open the records once it has painted, then fill it in."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from portage_desktop.ui.shell.main_window import MainWindow

    global _stopwatch
    assert isinstance(app, QApplication)
    headless = smoke_test or exit_after_first_paint
    _stopwatch = {} if exit_after_first_paint else None
    paths, settings = choice.paths, choice.settings
    window = MainWindow(settings=settings)
    failures: list[BaseException] = []

    class _OnFirstPaint(QObject):
        """When ``widget`` first paints: a mark at once, then ``then`` on the next turn of the
        event loop, so the painted frame reaches the screen first."""

        def __init__(self, widget: QWidget, name: str, then: Callable[[], None]) -> None:
            super().__init__(widget)
            self.widget, self.name, self.then = widget, name, then
            widget.installEventFilter(self)

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.widget.removeEventFilter(self)
                mark(self.name)
                QTimer.singleShot(0, self.then)
            return False

    def mark(name: str) -> None:
        if exit_after_first_paint:
            print(f"{name} {time.monotonic():.6f}", flush=True)

    def open_records() -> None:
        nonlocal opener
        # Names in Arabic, Chinese or emoji show on a bare Linux desktop. After the first
        # paint, which shows no names: reading the fonts (5 MB) delayed the window.
        from portage_desktop.ui.common.fonts import install_fallback_fonts

        install_fallback_fonts()
        try:
            started = time.perf_counter()
            while True:
                try:
                    db, is_demo = opener()
                    log_in_if_needed(db, headless)
                    from portage_desktop.ui.settings.audit_dialog import check_log_on_open

                    check_log_on_open(db, paths.backup_dir, window, headless)
                    break
                except DatabaseError as exc:
                    # The shared server chosen in Settings cannot be used: offer this computer.
                    if headless or not choice.server_from_settings():
                        raise
                    if not _offer_this_computer(str(exc)):
                        app.exit(1)
                        return
                    choice.use_this_computer()
                    opener = choice.opener()
            if _stopwatch is not None:
                _stopwatch["open"] = (time.perf_counter() - started) * 1000
            if not _first_run_done(db, window, headless):
                app.exit(0)
                return
            from portage_desktop.ui.common.context import AppContext, SignalHub

            ctx = AppContext(db, paths, settings, SignalHub(), is_demo=is_demo)
            _timed("first-page", window.attach, ctx)
            if db.check_after_opening:
                from portage_desktop.ui.shell.file_check import check_after_showing

                QTimer.singleShot(0, lambda: check_after_showing(window, db, headless))
        except Cancelled:
            app.exit(0)
            return
        except DatabaseError as exc:
            if headless:
                failures.append(exc)
            else:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.critical(window, tr("Cannot open your records"), str(exc))
            app.exit(1)
            return
        except Exception as exc:  # handed to the command line, which logs and explains it
            failures.append(exc)
            app.exit(1)
            return
        from portage_desktop.ui.common.tasks import freeze_start_up_objects

        QTimer.singleShot(0, freeze_start_up_objects)
        if headless:
            page = window.current_page()
            if getattr(page, "filling", False):  # the Dashboard fills in over a few turns

                def filled() -> None:
                    _OnFirstPaint(page, "records-shown", records_shown)
                    page.update()  # painted again even if the last part changed nothing

                page.filled.connect(filled)  # type: ignore[attr-defined]
            else:
                _OnFirstPaint(page, "records-shown", records_shown)

    def records_shown() -> None:
        try:
            for name, value in (_stopwatch or {}).items():
                print(f"{name}-ms {value:.1f}", flush=True)  # read by the benchmarks
        finally:
            app.exit(0)

    _OnFirstPaint(window, "first-paint", open_records)
    if smoke_test:

        def too_slow() -> None:
            print(
                tr("portage-desktop: the main window did not paint within 20 seconds"),
                file=sys.stderr,
            )
            app.exit(1)

        QTimer.singleShot(SMOKE_TIMEOUT_MS, too_slow)
    window.show()
    code = app.exec()
    if window.ctx is not None:  # the file a person copies after quitting holds every record
        window.ctx.db.close()
    if failures:
        raise failures[0]
    if smoke_test and code == 0:
        from portage_desktop.data.engine import server_client_version

        # A frozen build must carry the PostgreSQL client too, or shared sites cannot start.
        client = server_client_version()
        print(
            tr(
                "Smoke test passed: the main window opened, painted and showed the records "
                "(PostgreSQL client library {client} ready)."
            ).format(client=client)
        )
    return code


def _first_run_done(db: Database, window: object, headless: bool) -> bool:
    """A database with no setting yet asks the one first-run question (not when headless)."""
    from portage_desktop.services import setting as setting_service

    if setting_service.get_setting(db) is not None:
        return True
    if headless:
        raise DatabaseError(tr("the database has no setting yet"))
    from portage_desktop.ui.shell.first_run import FirstRunDialog

    return bool(FirstRunDialog(db, window).exec())  # type: ignore[arg-type]

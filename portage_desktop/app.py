"""Starting the window: paths, settings, unlocking the database, first run, the smoke test."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from portage_desktop import APP_NAME
from portage_desktop.database_url import BadAddress, ServerAddress
from portage_desktop.paths import AppPaths, app_paths, records_location

if TYPE_CHECKING:
    from portage_desktop.data.engine import Database
    from portage_desktop.settings import Settings

SMOKE_TIMEOUT_MS = 20_000


class _Cancelled(Exception):
    """The person closed a start-up dialog: leave quietly."""


def _needs_offscreen() -> bool:
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


def run_app(
    database: str | None = None,
    demo: bool = False,
    smoke_test: bool = False,
    database_url: str | None = None,
) -> int:
    """Open the main window; return the process exit code."""
    if smoke_test and _needs_offscreen():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMessageBox

    from portage_desktop.data.engine import DatabaseError
    from portage_desktop.settings import Settings
    from portage_desktop.ui.crash import install_crash_handler

    paths = app_paths().ensure()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    install_crash_handler(paths.log_file)
    settings = Settings.load(paths.settings_file)

    scratch = tempfile.TemporaryDirectory(prefix="portage-smoke-") if smoke_test else None
    while True:
        try:
            db, is_demo = _open(paths, settings, database, database_url, demo, scratch, smoke_test)
            _log_in_if_needed(db, smoke_test)
        except _Cancelled:
            return 0
        except DatabaseError as exc:
            if smoke_test:
                print(f"portage-desktop: {exc}", file=sys.stderr)
                return 1
            if _server_from_settings(settings, database, database_url, demo):
                if _offer_this_computer(str(exc)):
                    settings.use_server = False
                    settings.save(paths.settings_file)
                    continue
                return 1
            QMessageBox.critical(None, "Cannot open your records", str(exc))
            return 1
        return _show(app, db, paths, settings, is_demo, smoke_test)


def _server_from_settings(
    settings: Settings, database: str | None, database_url: str | None, demo: bool
) -> bool:
    """True when the shared server was chosen in Settings, not for this start only."""
    from portage_desktop.database_url import from_environment
    from portage_desktop.paths import DATABASE_ENV

    explicit = database or database_url or demo or from_environment()
    return settings.use_server and not explicit and not os.environ.get(DATABASE_ENV)


def _offer_this_computer(problem: str) -> bool:
    """The server chosen in Settings cannot be used: say why, and offer the way back."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open the shared records", problem)
    box.setInformativeText(
        "You can try again later, or use the records on this computer instead (you can "
        "choose the shared server again in Settings)."
    )
    use_local = box.addButton(
        "Use the records on this &computer", QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is use_local


def _open(
    paths: AppPaths,
    settings: Settings,
    database: str | None,
    database_url: str | None,
    demo: bool,
    scratch: tempfile.TemporaryDirectory[str] | None,
    smoke_test: bool,
) -> tuple[Database, bool]:
    from portage_desktop.data.engine import DatabaseError
    from portage_desktop.startup import PASSPHRASE_ENV, file_state, make_demo, unlock

    if demo:
        return make_demo(paths.demo_database, start_application=True), True
    if scratch is not None and not database and not database_url:
        return make_demo(Path(scratch.name) / "smoke.db"), True
    try:
        where = records_location(
            database, database_url, paths, settings.database_url if settings.use_server else ""
        )
    except BadAddress as exc:
        raise DatabaseError(f"The shared server's address cannot be used. {exc}") from None
    if isinstance(where, ServerAddress):
        return _open_server(where, smoke_test), False
    path = where
    state = file_state(path)
    key = None
    if state in ("missing", "empty"):
        if smoke_test:
            from portage_desktop.data.engine import DatabaseError

            raise DatabaseError(f"no database at {path}")
        from portage_desktop.ui.security_dialogs import choose_new_key

        key = choose_new_key()
        if key is None:
            raise _Cancelled()
    elif state == "encrypted":
        given = os.environ.get(PASSPHRASE_ENV)
        if given or smoke_test:
            key = unlock(path, given or "")
        else:
            from portage_desktop.ui.security_dialogs import unlock_file

            key = unlock_file(path)
            if key is None:
                raise _Cancelled()
    db = _open_or_recover(path, paths.backup_dir, key, smoke_test)
    if state == "plain" and not smoke_test:
        _offer_encryption(db)
    return db, False


def _open_server(address: ServerAddress, smoke_test: bool) -> Database:
    """Connect to the shared server; if it wants a password nobody gave, ask for it."""
    from portage_desktop.data.engine import ServerPasswordNeeded
    from portage_desktop.startup import open_server_and_migrate

    try:
        return open_server_and_migrate(address)
    except ServerPasswordNeeded as exc:
        if smoke_test:
            raise
        from portage_desktop.ui.security_dialogs import ServerPasswordDialog

        dialog = ServerPasswordDialog(address, str(exc))
        if not dialog.exec() or dialog.database is None:
            raise _Cancelled() from None
        return dialog.database


def _open_or_recover(path: Path, backup_dir: Path, key: object, smoke_test: bool) -> Database:
    """Open ``path``; if it is damaged, offer to put the latest verified backup in its place."""
    from PySide6.QtWidgets import QMessageBox

    from portage_desktop.data.engine import DatabaseError, WrongPassphrase
    from portage_desktop.data.recovery import latest_verified_backup, replace_damaged
    from portage_desktop.startup import open_and_migrate

    try:
        return open_and_migrate(path, backup_dir, key)  # type: ignore[arg-type]
    except WrongPassphrase:
        raise
    except DatabaseError as exc:
        if smoke_test or "newer version" in str(exc):
            raise
        backup = latest_verified_backup(path, backup_dir, key)  # type: ignore[arg-type]
        if backup is None:
            raise
        answer = QMessageBox.question(
            None,
            "Your records file is damaged",
            f"{exc}\n\nA checked backup from {backup.name} is available. Put it in place "
            "now? The damaged file is kept beside it, renamed, in case it is needed.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise
        replace_damaged(path, backup, key)  # type: ignore[arg-type]
        return open_and_migrate(path, backup_dir, key)  # type: ignore[arg-type]


def _offer_encryption(db: Database) -> None:
    from PySide6.QtWidgets import QMessageBox

    from portage_desktop.services import security
    from portage_desktop.ui.security_dialogs import NewPassphraseDialog

    answer = QMessageBox.question(
        None,
        "Your records are not encrypted",
        "These records were saved without encryption, so anyone with the file can read them. "
        "Encrypt them now with a passphrase? (Recommended.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    dialog = NewPassphraseDialog("Choose the passphrase that will protect these records.")
    if dialog.exec():
        security.encrypt_existing(db, dialog.passphrase, dialog.passphrase)


def _log_in_if_needed(db: Database, smoke_test: bool) -> None:
    if not db.multi_user:
        return
    from portage_desktop.cli import UserError
    from portage_desktop.services import users

    if users.needs_first_manager(db):
        if smoke_test:
            raise UserError(
                "this shared server has no accounts yet: start Portage Desktop once to "
                "create the first manager"
            )
        from portage_desktop.ui.security_dialogs import FirstManagerDialog

        first = FirstManagerDialog(db)
        if first.exec():
            return
        if not first.taken:
            raise _Cancelled()
    if smoke_test:
        name, password = (
            os.environ.get("PORTAGE_DESKTOP_USER"),
            os.environ.get("PORTAGE_DESKTOP_PASSWORD"),
        )
        if not (name and password):
            raise UserError("this database has accounts: set PORTAGE_DESKTOP_USER and _PASSWORD")
        users.log_in(db, name, password)
        return
    from portage_desktop.ui.security_dialogs import LoginDialog

    if not LoginDialog(db).exec():
        raise _Cancelled()


def _show(
    app: object, db: Database, paths: AppPaths, settings: object, is_demo: bool, smoke_test: bool
) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from portage_desktop.services import setting as setting_service
    from portage_desktop.ui.context import AppContext, SignalHub
    from portage_desktop.ui.first_run import FirstRunDialog
    from portage_desktop.ui.main_window import MainWindow

    assert isinstance(app, QApplication)
    if setting_service.get_setting(db) is None:
        if smoke_test:
            print("portage-desktop: the database has no setting yet", file=sys.stderr)
            return 1
        if not FirstRunDialog(db).exec():
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
            from portage_desktop.data.engine import server_client_version

            # A frozen build must carry the PostgreSQL client too, or shared sites cannot start.
            client = server_client_version()
            print(
                "Smoke test passed: the main window opened and painted "
                f"(PostgreSQL client library {client} ready)."
            )
        return code
    window.show()
    return app.exec()

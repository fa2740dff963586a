"""What pages and dialogs need, passed in rather than reached for through the main window."""

from __future__ import annotations

import weakref
from contextlib import suppress
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent

from portage_desktop.data.engine import Database
from portage_desktop.paths import AppPaths
from portage_desktop.services import changes
from portage_desktop.services.changes import Area
from portage_desktop.settings import Settings


class SignalHub(QObject):
    """Tells every page that records changed, so each refreshes itself once.

    Every commit is heard (from the services, whichever screen or background job made it), so
    a page never shows a stale state; several commits in one action make one refresh, after
    the action. A screen that already said what it changed is not refreshed twice.
    """

    children_changed = Signal()
    # A plan's day-by-day records (the week grid); see ``services.changes.Area``.
    daily_records_changed = Signal()
    staff_changed = Signal()
    setting_changed = Signal()
    database_replaced = Signal()
    # From any thread; handled on this one. Plain text, not a Python object: an object carried
    # by a queued signal that is still waiting at exit is released after Python has stopped.
    _heard = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self._db: Database | None = None
        self._seen = dict.fromkeys(Area, 0)  # the last commit each area's pages have shown
        self._pending: set[Area] = set()
        self._heard.connect(self._note, Qt.ConnectionType.QueuedConnection)
        # Connected before any page, so it runs first whenever a signal goes out.
        for area, signal in self._by_area().items():
            signal.connect(lambda a=area: self._shown(a))
        self.database_replaced.connect(lambda: [self._shown(a) for a in Area])

    def _by_area(self) -> dict[Area, object]:
        return {
            Area.CHILDREN: self.children_changed,
            Area.STAFF: self.staff_changed,
            Area.SETTING: self.setting_changed,
            Area.DAILY_RECORDS: self.daily_records_changed,
        }

    def watch(self, db: Database) -> None:
        """Hear every commit made to ``db`` from now on."""
        self._db = db
        hub = weakref.ref(self)

        def heard(number: int, areas: frozenset[Area]) -> None:
            alive = hub()
            if alive is not None:
                with suppress(RuntimeError):  # the window closed; nothing left to refresh
                    alive._heard.emit(number, ",".join(sorted(areas)))

        changes.watch(db, heard)

    def _shown(self, area: Area) -> None:
        self._seen[area] = changes.commits_so_far(self._db) if self._db else 0
        self._pending.discard(area)

    def _note(self, number: int, names: str) -> None:
        areas = {Area(name) for name in names.split(",") if name}
        fresh = {area for area in areas if number > self._seen[area]}
        if fresh and not self._pending:
            QTimer.singleShot(0, self._flush)
        self._pending |= fresh

    def _flush(self) -> None:
        pending, self._pending = self._pending, set()
        db = self._db
        if db is not None and db.path is not None and not db.path.exists():
            return  # the records were closed and their file removed (a test's or a demo's)
        signals = self._by_area()
        for area in (Area.SETTING, Area.STAFF, Area.CHILDREN, Area.DAILY_RECORDS):
            if area in pending:
                signals[area].emit()  # type: ignore[attr-defined]


@dataclass
class AppContext:
    db: Database
    paths: AppPaths
    settings: Settings
    hub: SignalHub
    is_demo: bool = False

    def __post_init__(self) -> None:
        self.hub.watch(self.db)

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)


class RefreshWhenShown:
    """For a page (a QWidget subclass, listed first among its bases): connect the change
    signals to :meth:`refresh_if_shown`. A page on screen refreshes at once; one nobody is
    looking at is brought up to date when it is next shown, not after every save elsewhere
    (the Dashboard took 100 ms to refresh behind a child's record after each week saved)."""

    _stale = False

    def refresh_if_shown(self, *_args: object) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self._stale = False
            self.refresh()  # type: ignore[attr-defined]
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._stale:
            self._stale = False
            self.refresh()  # type: ignore[attr-defined]

"""What pages and dialogs need, passed in rather than reached for through the main window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from portage_desktop.data.engine import Database
from portage_desktop.paths import AppPaths
from portage_desktop.settings import Settings


class SignalHub(QObject):
    """Tells every page that records changed, so each refreshes itself once."""

    children_changed = Signal()
    staff_changed = Signal()
    setting_changed = Signal()
    database_replaced = Signal()


@dataclass
class AppContext:
    db: Database
    paths: AppPaths
    settings: Settings
    hub: SignalHub
    is_demo: bool = False

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)

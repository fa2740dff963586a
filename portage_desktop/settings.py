"""User preferences, stored as JSON in the config folder.

Kept apart from the database so a preference never needs a migration, and a broken settings file
never stops the app opening: it falls back to the defaults.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from portage_desktop.database_url import strip_password

log = logging.getLogger(__name__)


@dataclass
class Settings:
    """Preferences the user can change in the Settings area."""

    backups_to_keep: int = 10
    backup_on_close: bool = True
    lock_after_minutes: int = 10
    show_archived_children: bool = False
    window_geometry: str = ""
    # Where the records are kept: this computer (the default), or a shared PostgreSQL server
    # at ``database_url``. The address is kept without its password, always; the switch
    # happens the next time the app starts.
    use_server: bool = False
    database_url: str = ""
    # Everyone signs in to that server with their own login (``server-access``), so the
    # server itself knows who they are; otherwise the address's account is used by everyone.
    server_own_logins: bool = False

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            log.warning("Settings file could not be read; using defaults")
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
        try:
            settings = cls(**values)
        except TypeError:
            return cls()
        settings.backups_to_keep = max(1, min(int(settings.backups_to_keep or 10), 100))
        settings.lock_after_minutes = max(0, min(int(settings.lock_after_minutes), 240))
        settings.database_url, had_password = strip_password(str(settings.database_url or ""))
        if had_password:
            log.warning("The settings file held a server password; it was ignored")
        settings.use_server = bool(settings.use_server) and bool(settings.database_url)
        return settings

    def save(self, path: Path) -> None:
        """Write atomically so a crash mid-save leaves the previous file intact."""
        path.parent.mkdir(parents=True, exist_ok=True)
        values = asdict(self)
        values["database_url"] = strip_password(self.database_url)[0]  # never a password
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(values, indent=2), encoding="utf-8")
        os.replace(tmp, path)

"""The one place that decides where files live.

Everything the app writes goes under per-user folders from platformdirs, never beside the
executable. ``PORTAGE_DESKTOP_HOME`` moves all of it into one folder, which is how tests and the
demo keep away from a real setting's data.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from portage_desktop.database_url import BadAddress, ServerAddress, from_environment, parse

HOME_ENV = "PORTAGE_DESKTOP_HOME"
DATABASE_ENV = "PORTAGE_DESKTOP_DATABASE"
PASSPHRASE_ENV = "PORTAGE_DESKTOP_PASSPHRASE"
_APP_DIR_NAME = "PortageDesktop"
PRIVATE_UMASK = 0o077  # new files 0600, new folders 0700: records about children are nobody else's


@dataclass(frozen=True)
class AppPaths:
    """Folders the app owns; created on first use."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def default_database(self) -> Path:
        return self.data_dir / "portage.db"

    @property
    def demo_database(self) -> Path:
        return self.data_dir / "demo" / "portage-demo.db"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "portage-desktop.log"

    def ensure(self) -> AppPaths:
        """Create the folders private to this user (0700) and tighten anything already in them.

        Files left readable by others by an earlier version (0644 was the default) are made
        0600 on every start, so an old backup or log stops being world-readable.
        """
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            make_private_tree(folder)
        return self


def make_private() -> None:
    """Give every file this process creates from now on owner-only permissions (POSIX).

    Called first thing at start-up, so the database, its journal, backups, drafts, logs and
    settings are never readable by other accounts on a shared computer. On Windows the
    per-user profile folders are already private to the user by their default access lists.
    """
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def make_private_tree(folder: Path) -> None:
    """Folders 0700 and files 0600 under ``folder`` (POSIX); links are left alone, not followed.

    Best effort: a file owned by someone else cannot be changed, and must not stop start-up.
    """
    if os.name != "posix":
        return
    for root, folders, files in os.walk(folder, followlinks=False):
        _tighten(Path(root), 0o700)
        for name in folders:
            _tighten(Path(root, name), 0o700)
        for name in files:
            _tighten(Path(root, name), 0o600)


def _tighten(path: Path, mode: int) -> None:
    try:
        found = path.lstat()
        if stat.S_ISLNK(found.st_mode) or stat.S_IMODE(found.st_mode) & 0o077 == 0:
            return
        path.chmod(stat.S_IMODE(found.st_mode) & mode)
    except OSError:
        pass


def app_paths() -> AppPaths:
    """Resolve the folders, honouring ``PORTAGE_DESKTOP_HOME`` for tests and portable use."""
    override = os.environ.get(HOME_ENV)
    if override:
        root = Path(override).expanduser()
        return AppPaths(root / "data", root / "config", root / "logs")
    return AppPaths(
        Path(platformdirs.user_data_dir(_APP_DIR_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(_APP_DIR_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(_APP_DIR_NAME, appauthor=False)),
    )


def database_path(explicit: str | os.PathLike[str] | None, paths: AppPaths) -> Path:
    """The database to open: the command line wins, then the environment, then the default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(DATABASE_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return paths.default_database


def records_location(
    path: str | None, url: str | None, paths: AppPaths, saved_url: str = ""
) -> Path | ServerAddress:
    """Where to open the records: a file, or a shared server.

    The command line wins (``--database`` or ``--database-url``, not both), then the
    environment (``PORTAGE_DESKTOP_DATABASE_URL``, then ``PORTAGE_DESKTOP_DATABASE``), then
    the server chosen in Settings (``saved_url``), then the default file on this computer.
    Raises :class:`BadAddress` for an address that cannot be used.
    """
    if path and url:
        raise BadAddress("Give either a database file or a server address, not both.")
    if url:
        return parse(url)
    if path:
        return database_path(path, paths)
    if from_environment():
        return parse(from_environment())
    if os.environ.get(DATABASE_ENV):
        return database_path(None, paths)
    if saved_url:
        return parse(saved_url)
    return paths.default_database


def resource_path(*parts: str) -> Path:
    """A file under the package's ``resources/``.

    The resources live inside the package so that a wheel carries them: a folder beside the
    package worked from a source checkout but was missing from ``pip install .``. The frozen
    bundle puts them at the same place relative to the package under ``sys._MEIPASS``.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    package = Path(frozen_root) / "portage_desktop" if frozen_root else Path(__file__).parent
    return package.resolve().joinpath("resources", *parts)


_SYNC_MARKERS = (
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "icloud",
    "box sync",
    "nextcloud",
)


def looks_like_shared_drive(path: Path) -> bool:
    """True for folders that cloud-sync tools or network shares own, where SQLite is not safe."""
    text = str(path).lower()
    if text.startswith(("\\\\", "//")):
        return True
    return any(marker in text for marker in _SYNC_MARKERS)

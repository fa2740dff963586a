"""Records, backups, logs and settings are the user's alone on POSIX: files 0600, folders 0700."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from portage_desktop import logs
from portage_desktop.cli import main
from portage_desktop.paths import AppPaths, app_paths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """Start from the common permissive umask (files 0644) and put the test's own back after."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_everything_a_start_writes_is_private(home: AppPaths, tmp_path, usual_umask, capsys):
    demo = home.data_dir / "demo.db"
    assert main(["make-demo", str(demo), "--children", "2"]) == 0
    written = [p for p in home.data_dir.rglob("*") if p.is_file()]
    assert demo in written
    for path in [*written, home.log_file]:
        assert _mode(path) == 0o600, path
    for folder in (home.data_dir, home.config_dir, home.log_dir):
        assert _mode(folder) == 0o700, folder
    out = tmp_path / "list.pdf"
    assert main(["print", "children-list", "--database", str(demo), "--out", str(out)]) == 0
    assert _mode(out) == 0o600


def test_start_up_tightens_what_an_older_version_left_readable(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTAGE_DESKTOP_HOME", str(tmp_path / "home"))
    paths = app_paths()
    old_backups = paths.backup_dir
    old_backups.mkdir(parents=True, mode=0o755)
    paths.data_dir.chmod(0o755)
    (paths.data_dir / "portage.db").write_bytes(b"records")
    (paths.data_dir / "portage.db").chmod(0o644)
    (old_backups / "portage-before-upgrade.db").write_bytes(b"records")
    (old_backups / "portage-before-upgrade.db").chmod(0o644)
    elsewhere = tmp_path / "not-ours.txt"
    elsewhere.write_text("someone else's")
    elsewhere.chmod(0o644)
    (paths.data_dir / "link").symlink_to(elsewhere)

    paths.ensure()

    assert _mode(paths.data_dir) == 0o700 and _mode(old_backups) == 0o700
    assert _mode(paths.data_dir / "portage.db") == 0o600
    assert _mode(old_backups / "portage-before-upgrade.db") == 0o600
    assert _mode(elsewhere) == 0o644  # a link is not followed out of our folders
    for folder in (paths.config_dir, paths.log_dir):
        assert _mode(folder) == 0o700


def test_the_log_is_private_whatever_the_umask(tmp_path, usual_umask):
    log_file = tmp_path / "logs" / "portage-desktop.log"
    logs.setup_logging(log_file)
    try:
        assert _mode(log_file) == 0o600
    finally:
        root = logging.getLogger()
        ours = [h for h in root.handlers if getattr(h, "baseFilename", "") == str(log_file)]
        for handler in ours:
            root.removeHandler(handler)
            handler.close()
        logs._configured.discard(log_file)


def test_the_backup_taken_before_an_upgrade_is_private(home: AppPaths, usual_umask):
    import shutil

    from portage_desktop.paths import make_private
    from portage_desktop.startup import open_and_migrate

    old = home.data_dir / "old.db"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "schema-0001.db", old)
    old.chmod(0o600)
    make_private()
    database = open_and_migrate(old, home.backup_dir, None)
    database.dispose()
    backups = [p for p in home.backup_dir.rglob("*") if p.is_file()]
    assert backups
    assert all(_mode(p) == 0o600 for p in backups), {p.name: oct(_mode(p)) for p in backups}

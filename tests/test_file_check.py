"""The integrity check is off the start-up path for a file closed cleanly (checked once the
records show), still before anything for one a stopped copy left behind; if the background
check fails, saving is paused with a message and nothing more is written."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from portage_desktop.cli import main
from portage_desktop.data.errors import DatabaseError
from portage_desktop.services import children, file_check
from portage_desktop.services.children import ChildInput


def test_a_file_is_clean_without_a_write_ahead_log_or_with_an_empty_one(tmp_path):
    db = tmp_path / "records.db"
    db.write_bytes(b"")
    wal = tmp_path / "records.db-wal"
    assert file_check.closed_cleanly(db)
    wal.write_bytes(b"")
    assert file_check.closed_cleanly(db)
    wal.write_bytes(b"x")
    assert not file_check.closed_cleanly(db)


def test_paused_saving_refuses_every_write_and_keeps_reading(db):
    children.save_child(db, ChildInput("Amy", "Lee", date(2024, 3, 1)))
    words = file_check.pause_saving(db)
    assert "saving is paused" in words and "Restore from a backup" in words
    with pytest.raises(DatabaseError, match="saving is paused"):
        children.save_child(db, ChildInput("Ben", "Okafor", date(2024, 3, 1)))
    assert [c.first_name for c in children.list_children(db)] == ["Amy"]


def test_a_damaged_open_file_fails_its_check(db):
    file_check.check_open_file(db)  # a sound file passes
    assert db.path is not None
    db.dispose()
    data = bytearray(db.path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = os.urandom(4096)
    db.path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError):
        file_check.check_open_file(db)


def _start(database: Path, home: Path) -> str:
    env = {
        **os.environ,
        "PORTAGE_DESKTOP_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PORTAGE_DESKTOP_PASSPHRASE": "portage demo",
    }
    done = subprocess.run(
        [
            *(sys.executable, "-m", "portage_desktop"),
            *("--database", str(database), "--exit-after-first-paint"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_start_up_checks_the_whole_file_only_after_a_copy_was_stopped(home, tmp_path):
    database = tmp_path / "demo.db"
    assert main(["make-demo", str(database)]) == 0
    shown = _start(database, tmp_path / "home")
    assert "records-shown" in shown and "file-check-ms" not in shown
    (tmp_path / "demo.db-wal").write_bytes(b"left by a copy that was stopped")
    shown = _start(database, tmp_path / "home")
    assert "records-shown" in shown and "file-check-ms" in shown

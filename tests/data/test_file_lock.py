"""One copy of the app per database file, with a way past a lock left by a crash."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from portage_desktop.cli import main
from portage_desktop.data import file_lock
from portage_desktop.data.file_lock import DatabaseInUse
from portage_desktop.startup import claim

pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from pathlib import Path
from portage_desktop.startup import claim
claim(Path(sys.argv[1]), None)
print("holding", flush=True)
time.sleep(60)
"""


@pytest.fixture
def other_copy(tmp_path):
    """Another process of the app holding ``portage.db`` (killed with SIGKILL afterwards)."""
    path = tmp_path / "portage.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    yield path, holder
    holder.kill()
    holder.wait()


def test_a_second_copy_is_refused_with_a_clear_message(other_copy):
    path, _holder = other_copy
    with pytest.raises(DatabaseInUse) as refused:
        claim(path, None)
    assert not refused.value.may_be_stale
    assert "already open in another copy of Portage Desktop on this computer" in str(refused.value)
    with pytest.raises(DatabaseInUse):
        claim(path, None, force=True)  # a live holder cannot be pushed aside


def test_a_lock_left_by_a_killed_copy_is_taken_over(other_copy):
    path, holder = other_copy
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert file_lock.lock_path(path).exists()  # the dead copy could not tidy up
    claim(path, None)
    owner = json.loads(file_lock.lock_path(path).read_text())
    assert owner["pid"] == os.getpid()
    file_lock.acquire(path).release()
    assert not file_lock.lock_path(path).exists()


def test_a_lock_from_another_computer_needs_the_person_to_say_so(tmp_path):
    path = tmp_path / "portage.db"
    file_lock.lock_path(path).write_text(
        json.dumps({"host": "OFFICE-PC", "pid": 4242, "since": "2026-12-04T09:15:00"})
    )
    with pytest.raises(DatabaseInUse) as asked:
        claim(path, None)
    assert asked.value.may_be_stale
    assert "on the computer OFFICE-PC since 09:15 on 04/12/2026" in str(asked.value)
    claim(path, None, force=True)
    owner = json.loads(file_lock.lock_path(path).read_text())
    assert owner["host"] == socket.gethostname()
    file_lock.acquire(path).release()


def test_the_command_line_gives_one_plain_line(other_copy, capsys, home):
    path, _holder = other_copy
    path.write_bytes(b"")  # exists, so the lock is what stops it
    assert main(["check-stamp", "--database", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already open" in err and "Traceback" not in err


def test_a_folder_that_cannot_be_written_is_a_plain_message(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(file_lock.DatabaseError, match="cannot be written to"):
        claim(blocked / "portage.db", None)


def test_a_new_database_in_a_new_folder_can_be_claimed(tmp_path):
    path = tmp_path / "new" / "portage.db"
    assert claim(path, None) == []
    file_lock.acquire(path).release()


def test_the_window_refuses_a_file_another_copy_has_open(other_copy, tmp_path):
    path, _holder = other_copy
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "PORTAGE_DESKTOP_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
        "PORTAGE_DESKTOP_PASSPHRASE": "whatever it is",
    }
    done = subprocess.run(
        [sys.executable, "-m", "portage_desktop", "--smoke-test", "--database", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "already open in another copy of Portage Desktop" in done.stderr
    assert "Traceback" not in done.stderr

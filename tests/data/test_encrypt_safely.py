"""Encrypting an existing plain file: a kill at any step keeps the records, and afterwards no
plain copy of them is left anywhere the app wrote one."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from portage_desktop.data import backup as backup_store
from portage_desktop.data import cipher, leftovers
from portage_desktop.services import security
from portage_desktop.startup import claim, open_and_migrate, unlock
from tests.conftest import TEST_KEY

pytestmark = pytest.mark.sqlite_only

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema-0001.db"
PASSPHRASE = "correct horse battery"


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no ``except Exception`` catches it."""


def _children(path: Path, key=None) -> int:
    conn = cipher.connect(path, key, readonly=True)
    try:
        return conn.execute("SELECT count(*) FROM child").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def old_plain(tmp_path):
    """An old unencrypted file, migrated (so it has a plain pre-upgrade backup)."""
    path = tmp_path / "portage.db"
    shutil.copy(FIXTURE, path)
    db = open_and_migrate(path, tmp_path / "backups")
    return db


def _plain_bytes_everywhere(folder: Path, name: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and name in p.read_bytes()]


def _a_surname(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT last_name FROM child LIMIT 1").fetchone()[0].encode()
    finally:
        conn.close()


def test_a_kill_just_before_the_rename_leaves_the_plain_file_whole(old_plain, monkeypatch):
    path = old_plain.path
    count = _children(path)

    def killed(*_args):
        raise Killed()

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(Killed):
        security.encrypt_existing(old_plain, PASSPHRASE, PASSPHRASE)
    monkeypatch.undo()
    assert cipher.file_state(path) == "plain" and _children(path) == count
    assert path.with_name(path.name + ".encrypting").exists()
    # The next start undoes the unfinished copy and says so.
    notices = claim(path, old_plain.backup_dir)
    assert notices == [leftovers.UNDONE]
    assert not list(path.parent.glob("*.encrypting*"))
    assert _children(path) == count


def test_a_kill_just_after_the_rename_leaves_the_encrypted_file_whole(old_plain, monkeypatch):
    path = old_plain.path
    count = _children(path)

    def killed(_handle):
        raise Killed()

    monkeypatch.setattr(cipher, "_scrub", killed)
    with pytest.raises(Killed):
        security.encrypt_existing(old_plain, PASSPHRASE, PASSPHRASE)
    monkeypatch.undo()
    assert not list(path.parent.glob("*.encrypting*"))
    key = unlock(path, PASSPHRASE)
    assert _children(path, key) == count
    # The old backups were not reached: the next open encrypts them.
    backups = old_plain.backup_dir
    assert any(cipher.file_state(b) == "plain" for b in backups.glob("*.db"))
    open_and_migrate(path, backups, key).close()
    assert all(cipher.file_state(b) == "encrypted" for b in backups.glob("*.db"))


def test_zeros_left_by_an_older_version_are_replaced_by_its_finished_copy(old_plain):
    """The old order (zeros first, rename second) killed between the two steps."""
    path = old_plain.path
    count = _children(path)
    old_plain.dispose()
    temp = path.with_name(path.name + ".encrypting")
    cipher.encrypt_file(path, temp, TEST_KEY)
    path.write_bytes(b"\0" * path.stat().st_size)
    Path(f"{path}-wal").write_bytes(b"plain log of the old file")
    assert claim(path, old_plain.backup_dir) == [leftovers.FINISHED]
    assert not temp.exists() and not Path(f"{path}-wal").exists()
    assert cipher.file_state(path) == "encrypted"
    assert _children(path, TEST_KEY) == count


def test_no_plain_copy_of_the_records_remains_after_encrypting(old_plain, tmp_path):
    surname = _a_surname(old_plain.path)
    backups = old_plain.backup_dir
    aside = tmp_path / "portage-damaged-20260101-101010.db"
    shutil.copy(FIXTURE, aside)  # a damaged file once set aside, still plain
    assert len(_plain_bytes_everywhere(tmp_path, surname)) >= 3
    told = security.encrypt_existing(old_plain, PASSPHRASE, PASSPHRASE)
    old_plain.close()
    assert "2 older copies (backups) were encrypted too" in told
    assert _plain_bytes_everywhere(tmp_path, surname) == []
    key = unlock(old_plain.path, PASSPHRASE)
    for made in backups.glob("*.db"):
        backup_store.verify(made, key)  # the backups open with the same passphrase
    backup_store.verify(aside, key)


def test_the_file_is_never_zeroed_before_the_copy_is_in_place(old_plain, monkeypatch):
    """Watch each step: at every rename the plain file must still hold its records."""
    path = old_plain.path
    count = _children(path)
    real_replace = os.replace
    seen: list[int] = []

    def watching(src, dst):
        if Path(dst) == path:
            seen.append(_children(path))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watching)
    security.encrypt_existing(old_plain, PASSPHRASE, PASSPHRASE)
    assert seen == [count]

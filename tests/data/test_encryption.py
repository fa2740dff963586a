"""Encrypted at rest: the bytes on disk never show a child's details without the passphrase."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from portage_desktop.data import cipher
from portage_desktop.data.engine import DatabaseError, WrongPassphrase, open_database
from portage_desktop.services import backups, children, security
from portage_desktop.services.children import ChildInput
from portage_desktop.services.errors import ValidationError
from portage_desktop.startup import new_key, open_and_migrate, unlock
from tests.conftest import TEST_KEY, TEST_PASSPHRASE, TODAY

# Encryption at rest is a property of the file.
pytestmark = pytest.mark.sqlite_only

NAME = ("Zephyrine", "Quillfeather")


def _all_bytes(path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            data += part.read_bytes()
    return data


def _add_child(db) -> None:
    children.save_child(db, ChildInput(*NAME, date(2023, 3, 1)), today=TODAY)


def test_the_file_holds_no_plain_text_child_name(db):
    _add_child(db)
    raw = _all_bytes(db.path)
    db.dispose()
    raw += _all_bytes(db.path)
    assert NAME[1].encode() not in raw and NAME[1].encode("utf-16-le") not in raw
    assert not raw.startswith(cipher.PLAIN_HEADER)


def test_backups_are_encrypted_too(db, tmp_path):
    _add_child(db)
    made = backups.back_up(db, tmp_path / "b", keep=3)
    assert NAME[1].encode() not in made.read_bytes()


def test_a_wrong_passphrase_cannot_read_it(db):
    _add_child(db)
    db.dispose()
    with pytest.raises(WrongPassphrase):
        unlock(db.path, "not the passphrase")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db.path).execute("SELECT * FROM child").fetchall()
    with pytest.raises(DatabaseError):
        open_database(db.path)
    key = unlock(db.path, TEST_PASSPHRASE)
    again = open_and_migrate(db.path, None, key)
    assert [c.last_name for c in children.list_children(again)] == [NAME[1]]


def test_a_new_database_gets_its_own_salt(tmp_path):
    first = open_and_migrate(tmp_path / "a.db", None, new_key("a passphrase here"))
    second = open_and_migrate(tmp_path / "b.db", None, new_key("a passphrase here"))
    assert cipher.read_salt(first.path) != cipher.read_salt(second.path)
    assert unlock(first.path, "a passphrase here").key == first.key.key


def test_change_passphrase(db):
    _add_child(db)
    with pytest.raises(ValidationError) as caught:
        security.change_passphrase(
            db, "wrong one entirely", "a new passphrase now", "a new passphrase now"
        )
    assert "current" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        security.change_passphrase(db, TEST_PASSPHRASE, "a new passphrase now", "different")
    assert "confirm" in caught.value.errors
    security.change_passphrase(db, TEST_PASSPHRASE, "a new passphrase now", "a new passphrase now")
    assert len(children.list_children(db)) == 1
    db.dispose()
    with pytest.raises(WrongPassphrase):
        unlock(db.path, TEST_PASSPHRASE)
    unlock(db.path, "a new passphrase now")


def test_an_old_unencrypted_database_is_converted_on_request(home, tmp_path):
    plain = open_and_migrate(tmp_path / "old.db", None, None)
    _add_child(plain)
    assert plain.key is None and _all_bytes(plain.path).count(NAME[1].encode()) > 0
    security.encrypt_existing(plain, "correct horse battery", "correct horse battery")
    assert plain.key is not None
    assert [c.last_name for c in children.list_children(plain)] == [NAME[1]]
    plain.dispose()
    assert NAME[1].encode() not in _all_bytes(plain.path)
    assert not list(tmp_path.glob("*.encrypting"))
    unlock(plain.path, "correct horse battery")


def test_verify_passphrase(db):
    assert security.verify_passphrase(db, TEST_PASSPHRASE)
    assert not security.verify_passphrase(db, TEST_PASSPHRASE + "x")


def test_key_material_never_prints_the_key():
    assert TEST_KEY.key.hex() not in repr(TEST_KEY)


@pytest.mark.parametrize("missing", [None, "", "  "])
def test_connecting_without_a_file_is_refused_not_created(missing, tmp_path, monkeypatch):
    """sqlite would create ./None for a path of None: the connect function refuses instead."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="no database file"):
        cipher.connect(missing, None)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []

"""A schema update is all or nothing, a part-updated file is named as such, and a retry does
not pile up backups."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from portage_desktop.data import backup as backup_store
from portage_desktop.data import migrate
from portage_desktop.data.engine import open_database
from portage_desktop.data.upgrade_check import UpgradeFailed
from portage_desktop.startup import open_and_migrate
from tests.conftest import TEST_KEY

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "schema-0001.db"


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def _revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def _old_file(tmp_path: Path) -> Path:
    copy = tmp_path / "portage.db"
    shutil.copy(FIXTURE, copy)
    return copy


def _before_upgrade(backups: Path) -> list[Path]:
    return [b.path for b in backup_store.list_backups(backups) if b.reason == "before-upgrade"]


def test_a_migration_that_fails_part_way_changes_nothing(tmp_path):
    """0002 to 0004 succeed, then 0005 fails: their tables must not be left behind."""
    path = _old_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE retention_rule (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = _tables(path)
    db = open_database(path)
    with pytest.raises(UpgradeFailed) as failed:
        migrate.upgrade_to_head(db, tmp_path / "backups")
    db.dispose()
    assert failed.value.half_done
    assert _tables(path) == before  # no audit_entry, no tables of 0003 or 0004
    assert _revision(path) == "0001"


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_the_upgrade_runs_in_one_transaction_with_foreign_keys_on(encrypted, tmp_path, monkeypatch):
    from sqlalchemy import event

    from portage_desktop.data import cipher

    path = _old_file(tmp_path)
    key = None
    if encrypted:
        key, plain = TEST_KEY, path
        path = tmp_path / "encrypted.db"
        cipher.encrypt_file(plain, path, key)
    seen: list[tuple[bool, int]] = []
    real = migrate.sqlite_engine

    def watching(*args, **kwargs):
        made = real(*args, **kwargs)

        @event.listens_for(made, "before_cursor_execute")
        def _note(conn, _cursor, statement, *_rest):
            if statement.lstrip().upper().startswith("CREATE TABLE"):
                raw = conn.connection.dbapi_connection
                fk = raw.execute("PRAGMA foreign_keys").fetchone()[0]
                seen.append((raw.in_transaction, fk))

        return made

    monkeypatch.setattr(migrate, "sqlite_engine", watching)
    db = open_database(path, key)
    migrate.upgrade_to_head(db, None)
    assert migrate.current_revision(db) == migrate.HEAD_REVISION
    db.dispose()
    assert len(seen) > 10 and all(state == (True, 1) for state in seen)


def test_an_encrypted_file_migrates_in_one_transaction_too(tmp_path):
    from portage_desktop.data import cipher

    plain = _old_file(tmp_path)
    encrypted = tmp_path / "encrypted.db"
    cipher.encrypt_file(plain, encrypted, TEST_KEY)
    db = open_and_migrate(encrypted, tmp_path / "backups", TEST_KEY)
    assert migrate.current_revision(db) == migrate.HEAD_REVISION
    db.close()
    assert cipher.file_state(encrypted) == "encrypted"


def _half_migrated(tmp_path: Path) -> tuple[Path, Path, Path]:
    """What an older version left when killed: version 0001, with 0002's audit table.

    That version had taken a good backup first, then another of the broken file per retry.
    """
    path = _old_file(tmp_path)
    backups = tmp_path / "backups"
    good = backup_store.make_backup(path, backups, reason="before-upgrade")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE audit_entry (id INTEGER PRIMARY KEY, at TEXT)")
    conn.commit()
    conn.close()
    later = os.path.getmtime(good) + 5
    os.utime(path, (later, later))
    bad = backup_store.make_backup(path, backups, reason="before-upgrade")
    os.utime(bad, (later + 5, later + 5))
    return path, good, bad


def test_a_half_migrated_file_is_named_and_the_good_backup_offered(tmp_path):
    path, good, _bad = _half_migrated(tmp_path)
    with pytest.raises(UpgradeFailed) as failed:
        open_and_migrate(path, tmp_path / "backups")
    assert failed.value.half_done
    assert failed.value.backup == good  # the newer copy is of the broken file: not offered
    assert "only partly updated" in str(failed.value)
    assert "has been checked" in str(failed.value)
    assert _revision(good) == "0001" and "audit_entry" not in _tables(good)


def test_retrying_a_failed_migration_makes_no_new_backup(tmp_path):
    path, _good, _bad = _half_migrated(tmp_path)
    backups = tmp_path / "backups"
    for _retry in range(3):
        with pytest.raises(UpgradeFailed):
            open_and_migrate(path, backups)
    assert len(_before_upgrade(backups)) == 2
    assert not list(backups.glob("*.partial*"))  # the trial copies are gone


def test_a_changed_file_gets_a_fresh_backup(tmp_path):
    """The reuse is only for an unchanged file: new records since mean a new copy."""
    path, _good, bad = _half_migrated(tmp_path)
    later = os.path.getmtime(bad) + 10
    os.utime(path, (later, later))
    with pytest.raises(UpgradeFailed):
        open_and_migrate(path, tmp_path / "backups")
    assert len(_before_upgrade(tmp_path / "backups")) == 3


def test_a_plain_old_file_still_migrates_with_its_records(tmp_path):
    path = _old_file(tmp_path)
    children = sqlite3.connect(path).execute("SELECT count(*) FROM child").fetchone()[0]
    db = open_and_migrate(path, tmp_path / "backups")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM child").scalar() == children
    db.close()
    assert len(_before_upgrade(tmp_path / "backups")) == 1


@pytest.mark.server_only
def test_on_a_server_a_migration_that_fails_part_way_changes_nothing(db):
    """PostgreSQL's DDL is transactional: the same failure as above leaves the schema alone."""
    from alembic import command
    from sqlalchemy import inspect

    cfg = migrate._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql("CREATE TABLE retention_rule (id INTEGER PRIMARY KEY)")
    with db.engine.connect() as conn:
        before = set(inspect(conn).get_table_names())
    with pytest.raises(migrate.DatabaseError):
        migrate.upgrade_to_head(db, None)
    with db.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) == before
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0001"


def test_a_backup_of_another_file_with_the_same_name_is_not_reused(tmp_path):
    """One backups folder can serve two files called portage.db: each needs its own copy."""
    first = tmp_path / "a" / "portage.db"
    second = tmp_path / "b" / "portage.db"
    for path in (first, second):
        path.parent.mkdir()
        shutil.copy(FIXTURE, path)
    conn = sqlite3.connect(second)
    conn.execute("DELETE FROM child WHERE id = (SELECT max(id) FROM child)")
    conn.commit()
    conn.close()
    backups = tmp_path / "backups"
    os.utime(first, (1, 1))
    os.utime(second, (1, 1))
    open_and_migrate(first, backups).close()
    open_and_migrate(second, backups).close()
    assert len(_before_upgrade(backups)) == 2

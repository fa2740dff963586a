"""What a killed copy leaves behind is tidied on start, and closing leaves one whole file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from portage_desktop.data import backup as backup_store
from portage_desktop.data import cipher
from portage_desktop.services import children
from portage_desktop.services.children import ChildInput
from portage_desktop.startup import claim, open_and_migrate
from tests.conftest import TEST_KEY, TODAY

pytestmark = pytest.mark.sqlite_only


def test_leftovers_of_killed_backups_are_removed_and_real_backups_kept(db, tmp_path):
    backups = tmp_path / "backups"
    kept = backup_store.make_backup(db.path, backups, key=TEST_KEY)
    stem = db.path.stem
    killed = [
        backups / f"{stem}-20261204-101010-manual.partial",
        backups / f"{stem}-20261204-101010-manual.partial-journal",
        backups / f"{stem}-20261204-101011-manual.partial-wal",
        backups / f"{stem}-20261204-101011-manual.partial-shm",
        backups / f"{stem}-20261204-101012-manual.trial.partial",
        Path(f"{kept}-wal"),  # an empty log and index beside a finished backup
        Path(f"{kept}-shm"),
    ]
    for path in killed:
        path.write_bytes(b"" if path.name.endswith("-wal") else b"x" * 100)
    other = backups / "someone-else-20261204-101010-manual.partial"
    other.write_bytes(b"x")
    db.dispose()
    claim(db.path, backups)
    assert [p for p in killed if p.exists()] == []
    assert kept.exists() and other.exists()  # another database's files are not ours to touch
    backup_store.verify(kept, TEST_KEY)


def test_the_databases_own_log_is_never_removed(db, tmp_path):
    children.save_child(db, ChildInput("Wal", "Kept", date(2023, 1, 1)), today=TODAY)
    wal = Path(f"{db.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the record may live only here for now
    claim(db.path, tmp_path / "backups")
    assert wal.exists() and wal.stat().st_size > 0


def test_closing_folds_the_log_into_the_file_a_person_copies(db, tmp_path):
    for n in range(30):
        children.save_child(db, ChildInput(f"Copy{n}", "Whole", date(2023, 1, 1)), today=TODAY)
    db.close()
    assert not Path(f"{db.path}-wal").exists() or Path(f"{db.path}-wal").stat().st_size == 0
    copied = tmp_path / "copied" / "portage.db"
    copied.parent.mkdir()
    shutil.copy(db.path, copied)  # the main file alone, as a person would copy it
    conn = cipher.connect(copied, TEST_KEY, readonly=True)
    try:
        found = conn.execute("SELECT count(*) FROM child WHERE last_name = 'Whole'").fetchone()
    finally:
        conn.close()
    assert found[0] == 30


def test_a_backup_whose_check_fails_is_not_kept_and_is_reported(db, tmp_path, monkeypatch):
    """A copy damaged on its way to the disk: the check must catch it and nothing be kept."""
    real_copy = backup_store._copy

    def damaging(src, dst, key, progress):
        real_copy(src, dst, key, progress)
        with open(dst, "r+b") as handle:  # scribble over the middle of a page
            handle.seek(4096 * 2 + 100)
            handle.write(b"\xff" * 64)

    monkeypatch.setattr(backup_store, "_copy", damaging)
    backups = tmp_path / "backups"
    with pytest.raises(backup_store.DatabaseError, match="failed its check, so it was not kept"):
        backup_store.make_backup(db.path, backups, key=TEST_KEY)
    assert list(backups.iterdir()) == []


def test_a_plain_backup_with_a_damaged_page_is_not_kept(tmp_path, monkeypatch):
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "schema-0001.db"
    path = tmp_path / "plain.db"
    shutil.copy(fixture, path)
    real_copy = backup_store._copy

    def damaging(src, dst, key, progress):
        real_copy(src, dst, key, progress)
        size = dst.stat().st_size
        with open(dst, "r+b") as handle:  # break the last page's b-tree header
            handle.seek(size - 4096)
            handle.write(b"\x07" * 16)

    monkeypatch.setattr(backup_store, "_copy", damaging)
    with pytest.raises(backup_store.DatabaseError):
        backup_store.make_backup(path, tmp_path / "backups")
    assert list((tmp_path / "backups").iterdir()) == []


def test_an_open_through_start_up_tidies_and_opens(db, tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    (backups / f"{db.path.stem}-20261204-101010-manual.partial").write_bytes(b"x")
    db.dispose()
    assert claim(db.path, backups) == []
    open_and_migrate(db.path, backups, TEST_KEY).close()
    assert list(backups.iterdir()) == []


def test_a_restore_killed_before_its_rename_leaves_the_records_as_they_were(db, tmp_path):
    """The copy a killed restore left beside the records is removed on start; the records,
    never written over in place, open as they were."""
    children.save_child(db, ChildInput("Kept", "Here", date(2024, 1, 1)))
    made = backup_store.make_backup(db.path, tmp_path / "backups", key=TEST_KEY)
    db.dispose()
    half = db.path.with_name(db.path.name + backup_store.RESTORING)
    half.write_bytes(made.read_bytes()[: made.stat().st_size // 2])  # killed mid-copy
    claim(db.path, tmp_path / "backups")
    assert not half.exists()
    reopened = open_and_migrate(db.path, tmp_path / "backups", TEST_KEY)
    assert [c.display_name for c in children.list_children(reopened)] == ["Kept Here"]
    reopened.close()


def test_a_restore_replaces_the_file_in_one_step(db, tmp_path, monkeypatch):
    """Killed (here: failing) before the rename, a restore leaves the records untouched."""
    children.save_child(db, ChildInput("Before", "Backup", date(2024, 1, 1)))
    made = backup_store.make_backup(db.path, tmp_path / "backups", key=TEST_KEY)
    children.save_child(db, ChildInput("After", "Backup", date(2024, 1, 1)))
    db.dispose()

    def killed(*_args, **_kwargs):
        raise OSError("killed before the rename")

    monkeypatch.setattr(backup_store.os, "replace", killed)
    with pytest.raises(backup_store.DatabaseError):
        backup_store.restore(made, db.path, tmp_path / "backups", TEST_KEY)
    monkeypatch.undo()
    assert not db.path.with_name(db.path.name + backup_store.RESTORING).exists()
    reopened = open_and_migrate(db.path, tmp_path / "backups", TEST_KEY)
    names = sorted(c.display_name for c in children.list_children(reopened))
    assert names == ["After Backup", "Before Backup"]
    reopened.close()

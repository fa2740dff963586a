from __future__ import annotations

import pytest

from portage_desktop.data import backup
from portage_desktop.data.engine import DatabaseError
from portage_desktop.services import backups, children
from portage_desktop.services.children import ChildInput
from tests.conftest import TODAY


def _names(db) -> set[str]:
    return {c.display_name for c in children.list_children(db, include_archived=True)}


def test_backup_then_restore_gives_the_data_back(demo_db, tmp_path):
    original = _names(demo_db)
    made = backups.back_up(demo_db, tmp_path / "b", keep=5)
    children.save_child(
        demo_db, ChildInput("Added", "Later", TODAY.replace(year=2024)), today=TODAY
    )
    assert "Added Later" in _names(demo_db)
    aside = backups.restore_backup(demo_db, made, tmp_path / "b")
    assert _names(demo_db) == original
    assert aside.exists() and aside.name.endswith("before-restore.db")


def test_a_restore_can_be_undone_from_the_copy_kept_aside(demo_db, tmp_path):
    first = backups.back_up(demo_db, tmp_path / "b", keep=5)
    children.save_child(demo_db, ChildInput("Kept", "Aside", TODAY.replace(year=2024)), today=TODAY)
    aside = backups.restore_backup(demo_db, first, tmp_path / "b")
    assert "Kept Aside" not in _names(demo_db)
    backups.restore_backup(demo_db, aside, tmp_path / "b")
    assert "Kept Aside" in _names(demo_db)


def test_routine_backups_are_rotated(demo_db, tmp_path):
    for _ in range(5):
        backups.back_up(demo_db, tmp_path / "b", keep=3)
    found = backups.list_backups(demo_db, tmp_path / "b")
    assert len(found) == 3
    assert found == sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def test_a_damaged_backup_is_never_restored(demo_db, tmp_path):
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"\0" * 4096)
    before = _names(demo_db)
    with pytest.raises(DatabaseError):
        backups.restore_backup(demo_db, bad, tmp_path / "b")
    assert _names(demo_db) == before


def test_a_cancelled_backup_leaves_no_file(demo_db, tmp_path):
    class Stop(Exception):
        pass

    def progress(_done: int, _total: int) -> None:
        raise Stop()

    with pytest.raises(Stop):
        backup.make_backup(demo_db.path, tmp_path / "b", progress=progress)
    assert list((tmp_path / "b").iterdir()) == []

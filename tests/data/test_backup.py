from __future__ import annotations

import pytest

from portage_desktop.data import backup
from portage_desktop.data.engine import DatabaseError
from portage_desktop.services import backups, children
from portage_desktop.services.children import ChildInput
from tests.conftest import TODAY

# Backups are files; a server's backups are its administrator's job.
pytestmark = pytest.mark.sqlite_only


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

    # Newest first: two in one second are told apart by the counter, which marks the newer.
    def order(b):
        counter = b.path.name.removeprefix(f"{demo_db.path.stem}-").split("-")[2]
        return (b.created, int(counter) if counter.isdecimal() else 0)

    assert found == sorted(found, key=order, reverse=True)


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


def _info(day: str, n: int = 0):
    from datetime import datetime
    from pathlib import Path

    created = datetime.fromisoformat(day)
    return backup.BackupInfo(Path(f"/b/{day}-{n}.db"), created, "daily", 1)


def test_rotation_keeps_recent_days_weeks_and_months():
    from datetime import datetime, timedelta

    start = datetime(2026, 11, 22, 18, 0)
    infos = [
        backup.BackupInfo(backup.Path(f"/b/{i}.db"), start - timedelta(hours=12 * i), "daily", 1)
        for i in range(800)
    ]
    kept = backup.to_keep(infos, keep=3)
    kept_times = sorted((i.created for i in infos if i.path in kept), reverse=True)
    assert kept_times[:3] == [i.created for i in infos[:3]]
    days = {t.date() for t in kept_times}
    assert {(start - timedelta(days=d)).date() for d in range(7)} <= days
    months = {(t.year, t.month) for t in kept_times}
    assert len(months) == 12
    assert len(kept) < 40


def test_daily_backup_is_due_once_a_day(demo_db, tmp_path):
    from datetime import datetime, timedelta

    assert backups.daily_backup_due(demo_db, tmp_path)
    backups.back_up(demo_db, tmp_path, keep=5, reason="daily")
    assert not backups.daily_backup_due(demo_db, tmp_path)
    assert backups.daily_backup_due(demo_db, tmp_path, now=datetime.now() + timedelta(days=1))


def test_backups_before_an_upgrade_or_restore_are_never_rotated_away(demo_db, tmp_path):
    backups.back_up(demo_db, tmp_path, keep=1, reason="before-restore")
    for _ in range(3):
        backups.back_up(demo_db, tmp_path, keep=1)
    reasons = sorted(b.reason for b in backups.list_backups(demo_db, tmp_path))
    assert reasons == ["before-restore", "manual"]

"""A damaged file at start-up: find the newest good backup, keep the damaged file aside."""

from __future__ import annotations

import pytest

from portage_desktop.data.engine import DatabaseError, open_database
from portage_desktop.data.recovery import latest_verified_backup, replace_damaged
from portage_desktop.services import backups, children

# Recovery puts a backup file in place of a damaged file.
pytestmark = pytest.mark.sqlite_only


def _damage(path) -> None:
    data = bytearray(path.read_bytes())
    data[8192:16384] = b"\x00" * 8192  # wipe pages past the first: the key still opens it
    path.write_bytes(bytes(data))


def test_the_newest_good_backup_replaces_a_damaged_file(demo_db, tmp_path):
    older = backups.back_up(demo_db, tmp_path, keep=5)
    newer = backups.back_up(demo_db, tmp_path, keep=5)
    _damage(newer)  # the newest backup is bad too: it must be skipped
    names = {c.display_name for c in children.list_children(demo_db)}
    demo_db.dispose()
    _damage(demo_db.path)
    with pytest.raises(DatabaseError):
        open_database(demo_db.path, demo_db.key)
    assert latest_verified_backup(demo_db.path, tmp_path, demo_db.key) == older
    aside = replace_damaged(demo_db.path, older, demo_db.key)
    assert aside.exists() and "damaged" in aside.name
    again = open_database(demo_db.path, demo_db.key)
    again.multi_user = False
    assert {c.display_name for c in children.list_children(again)} == names


def test_no_backup_means_no_offer(demo_db, tmp_path):
    assert latest_verified_backup(demo_db.path, tmp_path / "none", demo_db.key) is None

"""The audit chain's head, anchored outside the file, shows truncation and rewriting."""

from __future__ import annotations

import json
import stat
from datetime import datetime

import pytest

from portage_desktop.data import audit_anchor
from portage_desktop.services import audit, backups, children

pytestmark = pytest.mark.sqlite_only


def _views(db, n: int) -> None:
    ids = [c.id for c in children.list_children(db)]
    for i in range(n):
        children.get_child(db, ids[i % len(ids)])


def _drop_guards(conn) -> None:
    """What someone with the raw key could do: remove the append-only triggers."""
    conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
    conn.exec_driver_sql("DROP TRIGGER audit_entry_no_delete")


def test_the_head_is_anchored_beside_the_file_privately(demo_db):
    _views(demo_db, 3)
    audit.anchor_now(demo_db)
    _views(demo_db, 2)
    audit.anchor_now(demo_db)
    audit.anchor_now(demo_db)  # nothing new: not anchored twice
    path = audit_anchor.anchor_path(demo_db.path)
    assert path.name == "demo.db.anchor" and stat.S_IMODE(path.stat().st_mode) == 0o600
    heads = json.loads(path.read_text())["heads"]
    assert [(h["entry_id"], h["count"]) for h in heads] == [(3, 3), (5, 5)]
    check = audit.check_anchors(demo_db)
    assert check.ok and check.anchors == 2


def test_truncating_the_audit_table_is_detected_and_the_period_named(demo_db):
    _views(demo_db, 4)
    audit.anchor_now(demo_db)
    _views(demo_db, 3)
    audit.anchor_now(demo_db)
    with demo_db.engine.begin() as conn:
        _drop_guards(conn)
        conn.exec_driver_sql("DELETE FROM audit_entry WHERE id > 4")
    assert audit.verify_chain(demo_db).ok  # the chain inside the file cannot see it
    check = audit.check_anchors(demo_db)
    assert not check.ok
    assert "cut short" in check.problem and "it held 7 entries, and now it holds 4" in check.problem
    assert "Entries after " in check.problem and "are missing or changed" in check.problem
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_entry")  # the whole table
    check = audit.check_anchors(demo_db)
    assert not check.ok and "from the start of the log" in check.problem


def test_rewriting_entries_with_fresh_hashes_is_detected(demo_db):
    _views(demo_db, 5)
    audit.anchor_now(demo_db)
    with demo_db.engine.begin() as conn:
        _drop_guards(conn)
        rows = conn.exec_driver_sql(
            "SELECT id, at, actor, action, record_kind, record_id, detail FROM audit_entry "
            "ORDER BY id"
        ).fetchall()
        prev = ""
        for row in rows:  # rename the actor of entry 2 and recompute every hash after it
            actor = "someone-else" if row[0] == 2 else row[2]
            at = datetime.fromisoformat(str(row[1]))
            digest = audit._digest(prev, at, actor, row[3], row[4], row[5], row[6])
            conn.exec_driver_sql(
                "UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (actor, prev, digest, row[0]),
            )
            prev = digest
    assert audit.verify_chain(demo_db).ok
    check = audit.check_anchors(demo_db)
    assert not check.ok and "rewritten since it was anchored" in check.problem


def test_backups_carry_the_head_so_deleting_the_anchor_file_does_not_hide_truncation(
    demo_db, tmp_path
):
    backup_dir = tmp_path / "backups"
    _views(demo_db, 3)
    made = backups.back_up(demo_db, backup_dir, keep=5)
    meta = audit_anchor.backup_head_path(made)
    assert meta.exists() and stat.S_IMODE(meta.stat().st_mode) == 0o600
    assert json.loads(meta.read_text())["heads"][0]["count"] == 3
    with demo_db.engine.begin() as conn:
        _drop_guards(conn)
        conn.exec_driver_sql("DELETE FROM audit_entry WHERE id > 1")
    audit_anchor.anchor_path(demo_db.path).unlink()
    check = audit.check_anchors(demo_db, backup_dir)
    assert not check.ok and "cut short" in check.problem


def test_restoring_a_backup_starts_the_anchors_afresh(demo_db, tmp_path):
    backup_dir = tmp_path / "backups"
    _views(demo_db, 2)
    older = backups.back_up(demo_db, backup_dir, keep=5)
    _views(demo_db, 3)
    backups.back_up(demo_db, backup_dir, keep=5)
    backups.restore_backup(demo_db, older, backup_dir)
    check = audit.check_anchors(demo_db, backup_dir)
    assert check.ok, check.problem
    assert list(backup_dir.glob("*.head-superseded"))


def test_a_damaged_anchor_file_is_reported(demo_db):
    _views(demo_db, 1)
    audit.anchor_now(demo_db)
    audit_anchor.anchor_path(demo_db.path).write_text("[]")
    check = audit.check_anchors(demo_db)
    assert not check.ok and "anchor file" in check.problem


@pytest.mark.parametrize("reason", ["before-upgrade", "daily"])
def test_every_backup_carries_the_head_of_the_log_in_it(demo_db, tmp_path, reason):
    """Including the copy the app makes by itself before an upgrade: until now only the
    routine backups did. (After a restore the heads past the restored log are let go on
    purpose: that log really does end earlier.)"""
    from portage_desktop.data import backup as backup_store

    _views(demo_db, 4)
    with demo_db.session() as s:
        head = audit_anchor.current_head(s)
    made = backup_store.make_backup(demo_db.path, tmp_path, reason=reason, key=demo_db.key)
    kept = json.loads(audit_anchor.backup_head_path(made).read_text())["heads"]
    assert [(h["entry_id"], h["count"], h["hash"]) for h in kept] == [
        (head.entry_id, head.count, head.hash)
    ]

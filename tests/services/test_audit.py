"""The audit log: every access to a child's record, chained so tampering shows."""

from __future__ import annotations

import pytest

from portage_desktop.data import cipher
from portage_desktop.printing import print_record
from portage_desktop.services import audit, children
from portage_desktop.services.access import Actor, Role, set_actor
from tests.conftest import TODAY


def test_viewing_changing_and_printing_are_logged(demo_db, tmp_path):
    child = children.list_children(demo_db)[0]
    set_actor(demo_db, Actor("jo", "Jo", Role.SENCO))
    details = children.get_child(demo_db, child.id)
    children.save_child(demo_db, details, child.id, today=TODAY)
    set_actor(demo_db, None)
    print_record(demo_db, "children-list", None, tmp_path / "x.pdf", today=TODAY)
    entries = audit.search(demo_db)
    assert [(e.actor, e.action, e.record_kind, e.record_id) for e in entries[:3]] == [
        ("owner", "print", "setting", None),
        ("jo", "change", "child", child.id),
        ("jo", "view", "child", child.id),
    ]
    assert entries[0].detail == "children-list"


def test_the_log_holds_no_record_content(demo_db, tmp_path):
    for c in children.list_children(demo_db):
        children.get_child(demo_db, c.id)
    names = {c.first_name for c in children.list_children(demo_db)}
    names |= {c.last_name for c in children.list_children(demo_db)}
    demo_db.dispose()
    conn = cipher.connect(demo_db.path, demo_db.key)
    rows = conn.execute("SELECT actor, action, record_kind, detail FROM audit_entry").fetchall()
    conn.close()
    text = " ".join(" ".join(str(v) for v in row) for row in rows)
    assert rows and not any(name in text for name in names)


def test_filters(demo_db):
    first, second = children.list_children(demo_db)[:2]
    children.get_child(demo_db, first.id)
    children.get_child(demo_db, second.id)
    assert [e.record_id for e in audit.search(demo_db, record_id=second.id)] == [second.id]
    assert {e.action for e in audit.search(demo_db, action="view")} == {"view"}


def test_the_chain_verifies_and_detects_a_changed_entry(demo_db):
    for c in children.list_children(demo_db)[:5]:
        children.get_child(demo_db, c.id)
    check = audit.verify_chain(demo_db)
    assert check.ok and check.entries == 5
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_update")
        conn.exec_driver_sql("UPDATE audit_entry SET actor = 'someone-else' WHERE id = 3")
    check = audit.verify_chain(demo_db)
    assert not check.ok and check.first_broken_id == 3


def test_a_deleted_entry_breaks_the_chain(demo_db):
    for c in children.list_children(demo_db)[:4]:
        children.get_child(demo_db, c.id)
    with demo_db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_entry_no_delete")
        conn.exec_driver_sql("DELETE FROM audit_entry WHERE id = 2")
    check = audit.verify_chain(demo_db)
    assert not check.ok and check.first_broken_id == 3


def test_the_database_refuses_to_edit_or_delete_entries(demo_db):
    from sqlalchemy.exc import IntegrityError, OperationalError

    children.get_child(demo_db, children.list_children(demo_db)[0].id)
    for statement in ("UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry"):
        with (
            pytest.raises((IntegrityError, OperationalError), match="append-only"),
            demo_db.engine.begin() as conn,
        ):
            conn.exec_driver_sql(statement)
    assert audit.verify_chain(demo_db).entries == 1

"""The audit log: every access to a child's record, chained so tampering shows."""

from __future__ import annotations

import threading

import pytest

from portage_desktop.printing.kinds import print_record
from portage_desktop.services import audit, children, plans, reviews
from portage_desktop.services.access import OWNER, Actor, Role, set_actor
from tests.conftest import TODAY, another_connection


def test_viewing_changing_and_printing_are_logged(demo_db, tmp_path):
    child = children.list_children(demo_db)[0]
    set_actor(demo_db, Actor("jo", "Jo", Role.SENCO))
    details = children.get_child(demo_db, child.id)
    children.save_child(demo_db, details, child.id, today=TODAY)
    set_actor(demo_db, OWNER)  # back to the manager of the fixture
    print_record(demo_db, "children-list", None, tmp_path / "x.pdf", today=TODAY)
    entries = audit.search(demo_db)
    assert [(e.actor, e.action, e.record_kind, e.record_id) for e in entries[:3]] == [
        ("owner", "print", "setting", None),
        ("jo", "change", "child", child.id),
        ("jo", "view", "child", child.id),
    ]
    assert entries[0].detail == "children-list"


@pytest.mark.parametrize("kind", ["one-page-profile", "activity-chart", "review-report"])
def test_printing_a_childs_record_is_logged_once_as_a_print(demo_db, tmp_path, kind):
    """Reading the records for a print writes no hidden "viewed" entry: the print says it."""
    child = next(
        c.id
        for c in children.list_children(demo_db)
        if plans.list_plans(demo_db, c.id) and reviews.list_reviews(demo_db, c.id)
    )
    before = len(audit.search(demo_db))
    print_record(demo_db, kind, child, tmp_path / "x.pdf", today=TODAY)
    new = audit.search(demo_db)[: len(audit.search(demo_db)) - before]
    assert [(e.action, e.record_kind, e.record_id, e.detail) for e in new] == [
        ("print", "child", child, kind)
    ]


def test_the_log_holds_no_record_content(demo_db, tmp_path):
    for c in children.list_children(demo_db):
        children.get_child(demo_db, c.id)
    names = {c.first_name for c in children.list_children(demo_db)}
    names |= {c.last_name for c in children.list_children(demo_db)}
    with demo_db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT actor, action, record_kind, detail FROM audit_entry"
        ).fetchall()
    text = " ".join(" ".join(str(v) for v in row) for row in rows)
    assert rows and not any(name in text for name in names)


def test_filters(demo_db):
    first, second = children.list_children(demo_db)[:2]
    children.get_child(demo_db, first.id)
    children.get_child(demo_db, second.id)
    assert [e.record_id for e in audit.search(demo_db, record_id=second.id)] == [second.id]
    assert {e.action for e in audit.search(demo_db, action="view")} == {"view"}


def _drop_guard(conn, verb: str) -> None:
    """What someone with direct access to the database could do: remove the guard."""
    on = " ON audit_entry" if conn.dialect.name == "postgresql" else ""
    conn.exec_driver_sql(f"DROP TRIGGER audit_entry_no_{verb}{on}")


def test_the_chain_verifies_and_detects_a_changed_entry(demo_db):
    for c in children.list_children(demo_db)[:5]:
        children.get_child(demo_db, c.id)
    check = audit.verify_chain(demo_db)
    assert check.ok and check.entries == 5
    with demo_db.engine.begin() as conn:
        _drop_guard(conn, "update")
        conn.exec_driver_sql("UPDATE audit_entry SET actor = 'someone-else' WHERE id = 3")
    check = audit.verify_chain(demo_db)
    assert not check.ok and check.first_broken_id == 3


def test_a_deleted_entry_breaks_the_chain(demo_db):
    for c in children.list_children(demo_db)[:4]:
        children.get_child(demo_db, c.id)
    with demo_db.engine.begin() as conn:
        _drop_guard(conn, "delete")
        conn.exec_driver_sql("DELETE FROM audit_entry WHERE id = 2")
    check = audit.verify_chain(demo_db)
    assert not check.ok and check.first_broken_id == 3


def test_the_database_refuses_to_edit_or_delete_entries(demo_db):
    from sqlalchemy.exc import DBAPIError

    children.get_child(demo_db, children.list_children(demo_db)[0].id)
    statements = ["UPDATE audit_entry SET actor = 'x'", "DELETE FROM audit_entry"]
    if demo_db.on_server:
        statements.append("TRUNCATE audit_entry")
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"), demo_db.engine.begin() as conn:
            conn.exec_driver_sql(statement)
    assert audit.verify_chain(demo_db).entries == 1


def test_copies_of_the_app_writing_at_once_keep_one_chain(demo_db):
    """Appends from several copies at once are serialised, so the chain never forks."""
    copies = [another_connection(demo_db) for _ in range(3)]
    ids = [c.id for c in children.list_children(demo_db)]
    start = threading.Barrier(len(copies))
    failures: list[BaseException] = []

    def work(database) -> None:
        start.wait()
        try:
            for n in range(20):
                audit.record_now(database, audit.AuditAction.VIEW, "child", ids[n % len(ids)])
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for copy in copies:
        copy.dispose()
    assert failures == []
    check = audit.verify_chain(demo_db)
    assert check.ok, f"the chain forked at entry {check.first_broken_id}"
    assert check.entries == 60

"""A shared PostgreSQL server: plain messages when it cannot be used, and two copies at once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from portage_desktop.data import assessment_store, migrate
from portage_desktop.data.engine import DatabaseError, ServerPasswordNeeded, open_server
from portage_desktop.services import records_location
from portage_desktop.startup import open_server_and_migrate
from tests.conftest import ROLE_PASSWORD

pytestmark = pytest.mark.server_only
ROOT = Path(__file__).resolve().parent.parent.parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_server_that_is_not_there_is_explained(engine_name, postgres):
    nowhere = replace(postgres.address, host="127.0.0.1", port=_free_port())
    with pytest.raises(DatabaseError, match="Cannot reach the database server") as caught:
        open_server(nowhere)
    assert "Traceback" not in str(caught.value)


def test_a_missing_database_is_explained(engine_name, postgres):
    with pytest.raises(DatabaseError, match="has no database called no_such_records"):
        open_server(replace(postgres.address, database="no_such_records"))


def test_a_wrong_password_and_a_missing_one_are_told_apart(
    engine_name, password_role, monkeypatch, tmp_path
):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(ServerPasswordNeeded, match="did not accept the password") as wrong:
        open_server(password_role.with_password("not the right one"))
    assert wrong.value.wrong
    with pytest.raises(ServerPasswordNeeded, match="asks for a password") as missing:
        open_server(password_role)
    assert not missing.value.wrong
    open_server(password_role.with_password(ROLE_PASSWORD)).dispose()


def test_the_password_can_come_from_pgpass_or_pgpassword(
    engine_name, password_role, monkeypatch, tmp_path
):
    """Where the README tells people to keep it, so it is never in the settings file."""
    monkeypatch.delenv("PGPASSWORD", raising=False)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{password_role.user}:{ROLE_PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    open_server(password_role).dispose()
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.setenv("PGPASSWORD", ROLE_PASSWORD)
    open_server(password_role).dispose()


def test_the_display_name_never_shows_the_password(db):
    secret = replace(db.server, password="hunter2-secret")
    assert "hunter2" not in secret.display
    assert "hunter2" not in secret.without_password()
    assert "hunter2" not in repr(secret)
    assert db.display_name.startswith("PostgreSQL server ")


_LAUNCH = """
import sys
from portage_desktop.database_url import parse
from portage_desktop.startup import open_server_and_migrate
print("ready", flush=True)
sys.stdin.readline()  # all copies wait here, then start together
open_server_and_migrate(parse(sys.argv[1])).dispose()
"""


def test_two_copies_starting_on_an_empty_server_set_it_up_once(engine_name, postgres):
    """Separate processes, as real copies of the app are (Alembic is not thread-safe)."""
    address = postgres.fresh("blank")
    url = address.without_password()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if address.password:
        env["PGPASSWORD"] = address.password
    copies = [
        subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        for _ in range(3)
    ]
    try:
        for copy in copies:  # every copy has imported everything and waits at the line
            assert copy.stdout.readline().strip() == "ready", copy.communicate()[1]
        for copy in copies:
            copy.stdin.write("go\n")
            copy.stdin.flush()
        errors = [copy.communicate(timeout=120)[1][-2000:] for copy in copies]
        assert [copy.returncode for copy in copies] == [0, 0, 0], errors
        database = open_server_and_migrate(address)
        assert migrate.current_revision(database) == migrate.head_revision()
        with database.session() as s:
            shipped = [f for f in assessment_store.frameworks(s) if f.shipped]
        database.dispose()
        assert len(shipped) == len(assessment_store.SHIPPED_FILES)
    finally:
        for copy in copies:
            copy.kill()
        postgres.drop(address)


def test_an_account_that_may_not_create_tables_is_told_who_can_fix_it(
    engine_name, postgres, password_role
):
    not_theirs = postgres.fresh("blank")  # owned by the test server's own administrator
    address = replace(not_theirs, user=password_role.user, password=ROLE_PASSWORD)
    try:
        report = records_location.test_server(address.without_password(), ROLE_PASSWORD)
        assert not report.usable and "database's owner" in report.message
        with pytest.raises(DatabaseError, match="database's owner"):
            open_server_and_migrate(address)
    finally:
        postgres.drop(not_theirs)


def test_testing_a_connection_says_what_the_server_holds(engine_name, postgres, password_role):
    url = password_role.without_password()
    report = records_location.test_server(url, ROLE_PASSWORD)
    assert report.usable and "empty: Portage Desktop will set it up" in report.message
    open_server_and_migrate(password_role.with_password(ROLE_PASSWORD)).dispose()
    report = records_location.test_server(url, ROLE_PASSWORD)
    assert report.usable and "holds Portage Desktop records." in report.message
    wrong = records_location.test_server(url, "not it")
    assert not wrong.usable and "did not accept the password" in wrong.message
    assert not records_location.test_server("postgresql://x@h").usable


def test_a_server_that_goes_away_mid_action_is_explained(engine_name, postgres):
    """Not a crash: the action is refused in plain words, and nothing half-done is kept."""
    from portage_desktop.data.engine import Database, ServerUnavailable, server_engine

    gone = replace(postgres.address, host="127.0.0.1", port=_free_port())
    db = Database(server_engine(gone), None, server=gone)
    with pytest.raises(ServerUnavailable, match="did not answer"), db.session() as s:
        s.connection().exec_driver_sql("SELECT 1")
    db.dispose()


def test_dropped_connections_are_replaced_quietly(db, postgres):
    """After a server restart (or a network blip) the pool notices and reconnects."""
    from portage_desktop.services import children

    before = children.list_children(db)
    postgres._sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{db.server.database}'"
    )
    assert children.list_children(db) == before


def _analysed(database) -> set[str]:
    """Tables the planner has statistics for: ``reltuples`` is -1 until one is analysed."""
    with database.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples >= 0 "
            "AND relnamespace = current_schema()::regnamespace"
        )
        return {row[0] for row in rows}


def _with_column_statistics(database) -> set[str]:
    with database.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = current_schema()"
        )
        return {row[0] for row in rows}


def test_setting_up_a_server_gathers_planner_statistics(postgres):
    address = postgres.fresh("blank")
    database = open_server_and_migrate(address)
    try:
        assert {"child", "staff_member", "audit_entry"} <= _analysed(database)
    finally:
        database.dispose()
        postgres.drop(address)


def test_analyse_after_a_bulk_import_gives_the_new_rows_statistics(postgres):
    address = postgres.fresh("demo")  # the demo's rows arrived after the schema was analysed
    database = open_server_and_migrate(address)
    try:
        assert "child" not in _with_column_statistics(database)
        migrate.analyse(database)
        assert "child" in _with_column_statistics(database)
    finally:
        database.dispose()
        postgres.drop(address)

from __future__ import annotations

import pytest

from portage_desktop.data.engine import DatabaseError, open_database
from tests.conftest import TEST_KEY


@pytest.mark.sqlite_only
def test_every_connection_has_the_safety_pragmas(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


@pytest.mark.sqlite_only
def test_page_caches_are_bounded(db):
    """Each connection keeps 16 MB of decrypted pages (not SQLite's 2 MB), and each of a
    file's two engines keeps one open between actions: memory on a large site stays under its
    target."""
    from portage_desktop.data.engine import CACHE_KB, POOL_SIZE

    held = [db.engine.connect() for _ in range(POOL_SIZE + 3)]  # four threads reading at once
    for conn in held:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -CACHE_KB == -16000
    for conn in held:
        conn.close()
    assert db.engine.pool.checkedin() == POOL_SIZE == 1


def _in_a_worker(action):
    import threading

    found: list[object] = []
    worker = threading.Thread(target=lambda: found.append(action()))
    worker.start()
    worker.join()
    return found[0]


@pytest.mark.sqlite_only
def test_background_work_reads_through_its_own_warm_connection(db):
    """The GUI's reads and a worker's (the Stamp check) each keep their own pages: sharing
    one connection, each pushed the other's pages out on a large site."""
    from sqlalchemy import text

    def connection_id() -> int:
        with db.session() as s:
            conn = s.connection()
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -16000
            return id(conn.connection.dbapi_connection)

    def read() -> int:
        with db.session() as s:
            return s.execute(text("SELECT count(*) FROM child")).scalar_one()

    on_gui = connection_id()
    assert connection_id() == on_gui  # the same warm connection, action after action
    in_worker = _in_a_worker(connection_id)
    assert in_worker != on_gui
    assert _in_a_worker(connection_id) == in_worker  # and the worker's is kept too
    assert _in_a_worker(read) == read()  # the same records, read either way


@pytest.mark.sqlite_only
def test_a_new_engine_gets_a_new_twin_and_dispose_closes_both(db):
    """After a new key the main engine is replaced; background work must not go on through
    connections opened with the old one."""
    from portage_desktop.data.engine import sqlite_engine

    def touch() -> None:
        with db.session() as s:
            s.connection()

    _in_a_worker(touch)
    first = db._twin
    assert first is not None and first[0] is db.engine
    db.dispose()
    assert db._twin is None
    db.engine = sqlite_engine(db.path, db.key)
    _in_a_worker(touch)
    assert db._twin is not None and db._twin[0] is db.engine and db._twin[1] is not first[1]


def test_foreign_keys_are_enforced(db):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO child (first_name, last_name, known_as, date_of_birth, key_person_id,"
            " sen_status, need_areas, home_languages, created_at, updated_at)"
            " VALUES ('A', 'B', '', '2024-01-01', 999, 'none', '', '', '2026-01-01', '2026-01-01')"
        )


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is a shopping list, not a database" * 100)
    with pytest.raises(DatabaseError, match="not a Portage Desktop database"):
        open_database(bad, TEST_KEY)
    with pytest.raises(DatabaseError, match="not a Portage Desktop database"):
        open_database(bad)


def test_a_damaged_plain_database_is_refused(tmp_path):
    import sqlite3

    plain = tmp_path / "plain.db"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    conn.close()
    data = bytearray(plain.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    plain.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="damaged"):
        open_database(plain)


@pytest.mark.sqlite_only
def test_a_truncated_database_is_refused(demo_db, tmp_path):
    demo_db.dispose()
    data = demo_db.path.read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseError):
        open_database(cut, TEST_KEY)

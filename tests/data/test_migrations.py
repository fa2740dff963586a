"""The migrations build exactly the schema the models describe, from nothing or any fixture."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from portage_desktop.data import migrate
from portage_desktop.data.backup import verify
from portage_desktop.data.engine import DatabaseError, open_database
from portage_desktop.data.models import ChildRecord  # noqa: F401 (registers the tables)
from tests.conftest import TEST_KEY

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _diff(db) -> list:
    with db.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)


def test_migrated_schema_equals_the_models(db):
    assert migrate.current_revision(db) == migrate.head_revision()
    assert _diff(db) == []


def test_the_comparison_notices_a_difference(db):
    """Guard: the equality test above must be able to fail."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_child_last_name")
    assert _diff(db) != []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.name)
def test_every_released_schema_migrates_to_head(fixture, tmp_path):
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    db = open_database(copy)
    migrate.upgrade_to_head(db, tmp_path / "backups")
    assert _diff(db) == []
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM child").scalar() > 0
    db.dispose()


@pytest.mark.server_only
@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-*.db")), ids=lambda p: p.name)
def test_every_released_schema_migrates_to_head_on_a_server(fixture, db):
    """The same fixture's rows, put into a server at the fixture's revision, migrate to head."""
    from alembic import command
    from sqlalchemy import MetaData, create_engine, insert, select

    source = create_engine(f"sqlite:///{fixture}")
    with source.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
    _downgrade_to_nothing(db)
    cfg = migrate._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    old_tables, new_tables = MetaData(), MetaData()
    old_tables.reflect(source)
    with db.engine.begin() as conn:
        new_tables.reflect(conn)
        conn.exec_driver_sql("SET LOCAL TIME ZONE 'UTC'")
        for table in new_tables.sorted_tables:
            if table.name == "alembic_version" or table.name not in old_tables.tables:
                continue
            with source.connect() as read:
                found = read.execute(select(old_tables.tables[table.name]))
                rows = [dict(r._mapping) for r in found]
            if rows:
                conn.execute(insert(table), rows)
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT max(id) FROM {table.name}))"
                )
    source.dispose()
    migrate.upgrade_to_head(db, None)
    assert _diff(db) == []
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM child").scalar() > 0


def test_there_is_a_fixture_for_the_first_release():
    assert (FIXTURES / "schema-0001.db").is_file()


def test_a_database_from_a_newer_version_is_refused_untouched(db):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.dispose()  # closing the pooled connections writes the log into the file itself
    before = _diff(db)
    file_before = db.path.read_bytes() if db.path else b""
    with pytest.raises(DatabaseError, match="newer version of Portage Desktop"):
        migrate.upgrade_to_head(db, db.path.parent / "backups" if db.path else None)
    assert migrate.current_revision(db) == "9999_future"
    assert _diff(db) == before
    db.dispose()
    if db.path:
        assert db.path.read_bytes() == file_before


def _downgrade_to_nothing(db) -> None:
    from alembic import command

    cfg = migrate._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")


@pytest.mark.sqlite_only
def test_a_backup_is_taken_before_migrating_existing_data(db, tmp_path):
    _downgrade_to_nothing(db)
    backup_dir = tmp_path / "backups"
    backup = migrate.upgrade_to_head(db, backup_dir)
    assert backup is not None and backup.exists()
    verify(backup, db.key)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(backup).execute("PRAGMA integrity_check").fetchone()


def test_every_migration_goes_down_and_up_again(db):
    """The downgrades run too, on either engine, and the chain comes back to the same schema."""
    _downgrade_to_nothing(db)
    with db.engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["alembic_version"]
    migrate.upgrade_to_head(db, None)
    assert migrate.current_revision(db) == migrate.head_revision()
    assert _diff(db) == []


@pytest.mark.server_only
def test_a_server_is_migrated_without_a_file_backup(db, tmp_path):
    _downgrade_to_nothing(db)
    assert migrate.upgrade_to_head(db, tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()
    assert _diff(db) == []


@pytest.mark.server_only
def test_a_server_database_holding_other_tables_is_refused(db):
    _downgrade_to_nothing(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
        conn.exec_driver_sql("CREATE TABLE invoices (id integer primary key)")
    with pytest.raises(DatabaseError, match="not Portage Desktop's"):
        migrate.upgrade_to_head(db, None)
    with db.engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["invoices"]


def test_no_backup_for_a_brand_new_file(home, tmp_path):
    db = open_database(tmp_path / "new.db", TEST_KEY)
    assert migrate.upgrade_to_head(db, tmp_path / "backups") is None
    assert not (tmp_path / "backups").exists()
    db.dispose()


def test_the_cached_head_is_alembics_real_head():
    """Opening compares with HEAD_REVISION instead of reading every script: it must be true."""
    assert migrate.head_revision() == migrate.HEAD_REVISION


@pytest.mark.sqlite_only  # a file is opened this way; a server migrates under a lock instead
def test_opening_an_up_to_date_database_does_not_load_alembic(db, tmp_path):
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from portage_desktop.startup import open_and_migrate\n"
        "from tests.conftest import TEST_KEY\n"
        f"open_and_migrate(Path({str(db.path)!r}), None, TEST_KEY).dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    assert db.path is not None and db.path.is_file()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    db.dispose()
    work = tmp_path / "cwd"  # anything the script writes by mistake lands here, not in the repo
    work.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=work
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert list(work.iterdir()) == []

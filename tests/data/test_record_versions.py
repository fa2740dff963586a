"""Every editable row carries a version, and a save built on an old copy is refused."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect
from sqlmodel import SQLModel, select

from portage_desktop.data import stores
from portage_desktop.data.engine import Database
from portage_desktop.data.errors import RecordChanged
from portage_desktop.data.models import ChildRecord, SettingRecord, Versioned
from tests.conftest import another_connection


def _versioned_tables() -> set[str]:
    return {
        mapper.local_table.name
        for mapper in SQLModel._sa_registry.mappers
        if issubclass(mapper.class_, Versioned)
    }


def _child(db: Database) -> int:
    with db.session() as s:
        row = ChildRecord(first_name="Ada", last_name="Lane", date_of_birth=date(2023, 5, 1))
        s.add(row)
        s.flush()
        assert row.id is not None
        return row.id


def test_every_table_with_an_edit_time_is_versioned_in_the_schema(db: Database) -> None:
    tables = _versioned_tables()
    assert {"child", "activity_plan", "review", "goal", "setting"} <= tables
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        for table in inspector.get_table_names():
            columns = {c["name"] for c in inspector.get_columns(table)}
            if "updated_at" in columns:
                assert table in tables, f"{table} has updated_at but no version"
            if table in tables:
                assert "row_version" in columns, table


def test_a_new_row_starts_at_one_and_each_save_adds_one(db: Database) -> None:
    child_id = _child(db)
    for expected in (1, 2):
        with db.session() as s:
            row = stores.save_record(
                s, ChildRecord, child_id, {"known_as": f"A{expected}"}, expected_version=expected
            )
            assert row is not None
    with db.session() as s:
        stored = s.get(ChildRecord, child_id)
        assert stored is not None
        assert (stored.row_version, stored.known_as) == (3, "A2")


def test_a_save_from_an_older_copy_is_refused_and_writes_nothing(db: Database) -> None:
    child_id = _child(db)
    with db.session() as s:
        stores.save_record(s, ChildRecord, child_id, {"known_as": "Theirs"}, expected_version=1)
    with pytest.raises(RecordChanged), db.session() as s:
        stores.save_record(s, ChildRecord, child_id, {"known_as": "Mine"}, expected_version=1)
    with db.session() as s:
        stored = s.get(ChildRecord, child_id)
        assert stored is not None
        assert (stored.known_as, stored.row_version) == ("Theirs", 2)


def test_a_row_changed_between_reading_and_writing_is_refused(db: Database) -> None:
    """The version check is part of the UPDATE itself, not only a read before it."""
    child_id = _child(db)
    other = another_connection(db)
    try:
        with pytest.raises(RecordChanged), db.session() as s:
            mine = s.get(ChildRecord, child_id)
            assert mine is not None and mine.row_version == 1
            with other.session() as s2:
                stores.save_record(s2, ChildRecord, child_id, {"known_as": "Theirs"})
            mine.known_as = "Mine"
        with db.session() as s:
            stored = s.get(ChildRecord, child_id)
            assert stored is not None and stored.known_as == "Theirs"
    finally:
        other.dispose()


def test_the_setting_row_is_versioned_too(db: Database) -> None:
    with db.session() as s:
        row = SettingRecord(name="Acorns", kind="nursery")
        s.add(row)
        s.flush()
        assert row.row_version == 1


def test_rows_saved_before_versions_existed_start_at_one(tmp_path) -> None:
    """A database from the release before versions (schema 0008) upgrades with its rows intact."""
    import shutil
    from pathlib import Path

    from portage_desktop.data import migrate
    from portage_desktop.data.engine import open_database

    copy = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "schema-0008.db", copy)
    old = open_database(copy)
    migrate.upgrade_to_head(old, tmp_path / "backups")
    with old.session() as s:
        children = list(s.exec(select(ChildRecord)))
        assert children and {c.row_version for c in children} == {1}
        first = children[0]
        with pytest.raises(RecordChanged):
            stores.save_record(s, ChildRecord, first.id, {"known_as": "X"}, expected_version=2)
    old.dispose()

"""The large demo site: in proportion at any scale, the same from the same seed, and sound."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlmodel import SQLModel

from portage_desktop.data.engine import Database
from portage_desktop.demo.large.build import CHILDREN, STAFF, children_for, populate_large
from portage_desktop.startup import open_and_migrate
from tests.conftest import TEST_KEY, TODAY

# Per child (or per plan) at full scale, from the issue: 15,000 plans, 300,000 activity
# records, 3,000 reviews, 100,000 checklist results and 20,000 observations for 1,000 children.
PER_CHILD = {"plans": 15, "reviews": 3, "checklist_results": 100, "observations": 20}
RECORDS_PER_PLAN = 20
# Tables whose whole content must come out the same from the same seed and day.
COMPARED = (
    "staff_member",
    "training_record",
    "child",
    "family_member",
    "consent",
    "observation",
    "goal",
    "activity_plan",
    "plan_step",
    "activity_record",
    "assessment_entry",
    "review",
    "review_plan",
    "transition_plan",
)


def _table_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in SQLModel.metadata.tables.items()
        }


def _digest(db: Database) -> str:
    """A fingerprint of every column of every row of the compared tables, in id order."""
    digest = hashlib.sha256()
    with db.engine.connect() as conn:
        for name in COMPARED:
            table = SQLModel.metadata.tables[name]
            for row in conn.execute(select(table).order_by(table.c.id)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _build(path: Path, seed: int, scale: float = 0.02) -> Database:
    db = open_and_migrate(path, None, TEST_KEY)
    populate_large(db, seed=seed, today=TODAY, scale=scale)
    return db


def test_counts_are_in_proportion_and_match_the_tables(db):
    calls: list[tuple[int, int]] = []
    counts = populate_large(
        db, seed=2, today=TODAY, scale=0.05, progress=lambda *a: calls.append(a)
    )
    n = counts["children"]
    assert n == children_for(0.05) == round(CHILDREN * 0.05)
    assert counts["staff"] == max(6, round(STAFF * 0.05))
    for kind, per_child in PER_CHILD.items():
        assert 0.5 * per_child <= counts[kind] / n <= 1.5 * per_child, kind
    per_plan = counts["activity_records"] / counts["plans"]
    assert 0.75 * RECORDS_PER_PLAN <= per_plan <= 1.25 * RECORDS_PER_PLAN
    tables = _table_counts(db)
    assert tables["child"] == n
    assert tables["activity_plan"] == counts["plans"]
    assert tables["activity_record"] == counts["activity_records"]
    assert tables["review"] == counts["reviews"]
    assert tables["assessment_entry"] == counts["checklist_results"]
    assert tables["observation"] == counts["observations"]
    assert tables["audit_entry"] == 0, "the log starts empty, as after an import"
    assert calls[0] == (0, n) and calls[-1] == (n, n)
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)


def test_scale_shrinks_every_count():
    assert children_for(1) == 1000
    assert children_for(0.01) == 10
    assert children_for(0.0001) == 1
    with pytest.raises(ValueError):
        populate_large(None, scale=0)  # type: ignore[arg-type]


def test_the_same_seed_gives_the_same_site_and_another_seed_another(tmp_path):
    first = _build(tmp_path / "a.db", seed=4)
    again = _build(tmp_path / "b.db", seed=4)
    other = _build(tmp_path / "c.db", seed=5)
    try:
        assert _digest(first) == _digest(again)
        assert _digest(first) != _digest(other)
    finally:
        for database in (first, again, other):
            database.dispose()


def test_keys_hold_and_dates_make_sense(tmp_path):
    db = _build(tmp_path / "a.db", seed=3, scale=0.03)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
            assert conn.execute(text("PRAGMA integrity_check")).fetchall() == [("ok",)]
            children = SQLModel.metadata.tables["child"]
            plans = SQLModel.metadata.tables["activity_plan"]
            records = SQLModel.metadata.tables["activity_record"]
            steps = SQLModel.metadata.tables["plan_step"]
            kids = conn.execute(select(children)).fetchall()
            outside = conn.execute(
                select(func.count())
                .select_from(records.join(plans, plans.c.id == records.c.plan_id))
                .where((records.c.day < plans.c.start_on) | (records.c.day >= TODAY))
            ).scalar_one()
            days = [d for (d,) in conn.execute(select(records.c.day))]
            versions = set(conn.execute(select(plans.c.row_version).distinct()).scalars())
            learnt = conn.execute(
                select(steps.c.plan_id, steps.c.position, steps.c.started_on, steps.c.achieved_on)
                .where(steps.c.achieved_on.is_not(None))
                .order_by(steps.c.plan_id, steps.c.position)
            ).fetchall()
    finally:
        db.dispose()
    assert outside == 0, "no record before its plan started, or today or later"
    assert versions == {1}, "new rows start at the first version"
    assert all(d.weekday() < 5 for d in days), "records are kept on days the setting is open"
    archived = [k for k in kids if k.archived_at is not None]
    on_roll = [k for k in kids if k.archived_at is None]
    assert archived and on_roll
    assert all(k.leave_date is not None and k.leave_date <= TODAY for k in archived)
    assert all(k.leave_date is None for k in on_roll)
    assert all(k.key_person_id is not None for k in kids)
    assert all(TODAY - k.date_of_birth < timedelta(days=8 * 365) for k in kids)
    earliest = min(k.start_date for k in kids)
    assert earliest >= date(TODAY.year - 6, 1, 1)
    assert learnt, "some small steps were learnt"
    assert all(s.started_on <= s.achieved_on for s in learnt)

"""A large fictional site for benchmarks and load tests, reproducible from a seed.

At ``scale=1`` it is a busy nursery group or Portage team after five years with the app: 1,000
children (about a third on roll, the rest left and archived), 60 staff, and every child's
holistic record, goals, plans with small steps and day-by-day records, reviews with parents
each term, assessments, observations and transitions. Everything is decided by one
``random.Random(seed)`` and dated from ``today``, timestamps included, so the same seed and day
always give the same database.

Rows go in through SQLAlchemy Core in bulk (``executemany`` with lists of dicts), a batch of
children at a time in a few large transactions; ids come back with ``RETURNING`` in the order
sent, so the same code runs on SQLite and PostgreSQL. No audit entries are written: the log
starts empty, as after a fresh import.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection, select

from portage_desktop.data import migrate
from portage_desktop.data.engine import Database
from portage_desktop.data.models.assessment import FrameworkItemRecord, FrameworkRecord
from portage_desktop.demo.large import child as demo_large_child
from portage_desktop.demo.large import plans as demo_large_plans
from portage_desktop.demo.large import site as demo_large_site
from portage_desktop.demo.large.base import Clock, Items, Rows, Site

Progress = Callable[[int, int], None]

CHILDREN = 1000
STAFF = 60
BATCH = 50  # children generated and written together
COMMIT_EVERY = 5  # batches per transaction

SMALL_STEPS = "Portage Desktop Small Steps"
PARTICIPATION = "Portage Desktop Participation and Inclusion"

# Friendlier names for the counts returned; other tables are counted under their own name.
COUNT_NAMES = {
    "child": "children",
    "staff_member": "staff",
    "activity_plan": "plans",
    "activity_record": "activity_records",
    "review": "reviews",
    "assessment_entry": "checklist_results",
    "observation": "observations",
    "goal": "goals",
    "plan_step": "plan_steps",
    "assessment": "assessments",
    "training_record": "training_records",
}


def _framework_items(conn: Connection, name: str) -> tuple[int, Items]:
    """A shipped framework's id and its items as (id, age from, age to) in checklist order."""
    framework_id = conn.execute(
        select(FrameworkRecord.id).where(FrameworkRecord.name == name)  # type: ignore[call-overload]
    ).scalar_one()
    items = conn.execute(
        select(
            FrameworkItemRecord.id,  # type: ignore[call-overload]
            FrameworkItemRecord.age_from_months,
            FrameworkItemRecord.age_to_months,
        )
        .where(FrameworkItemRecord.framework_id == framework_id)
        .order_by(FrameworkItemRecord.position)
    )
    return framework_id, [(i, lo or 0, hi or 60) for i, lo, hi in items]


def children_for(scale: float) -> int:
    """How many children the site has at ``scale``."""
    return max(1, round(CHILDREN * scale))


def populate_large(
    db: Database,
    seed: int = 1,
    today: date | None = None,
    scale: float = 1.0,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Fill an empty, migrated database with the large site; returns row counts per kind.

    ``scale`` shrinks every count in proportion (0.01 gives 10 children), for tests.
    ``progress(done, total)`` is called as children are written.
    """
    if scale <= 0:
        raise ValueError("scale must be more than 0")
    rng = random.Random(seed)
    clock = Clock(today or date.today())
    n_children = children_for(scale)
    n_staff = max(6, round(STAFF * scale))
    report = progress or (lambda _done, _total: None)
    report(0, n_children)
    rows = Rows()
    with db.engine.connect() as conn:
        frameworks = _framework_items(conn, SMALL_STEPS), _framework_items(conn, PARTICIPATION)
        site = Site(rng, clock, *frameworks)
        demo_large_site.populate_site(conn, rows, site, n_staff)
        conn.commit()
        done = 0
        while done < n_children:
            for _ in range(done, min(n_children, done + BATCH)):
                story = demo_large_child.add_child(rows, site)
                demo_large_plans.add_support(rows, site, story)
            rows.write(conn)
            done = min(n_children, done + BATCH)
            if (done // BATCH) % COMMIT_EVERY == 0 or done == n_children:
                conn.commit()
            report(done, n_children)
    migrate.analyse(db)  # a server plans from statistics; these rows arrived all at once
    counts = {COUNT_NAMES.get(k, k): v for k, v in sorted(rows.counts.items())}
    return {**dict.fromkeys(COUNT_NAMES.values(), 0), **counts}

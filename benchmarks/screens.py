"""The screens people wait for, driven through the real widgets with an offscreen Qt.

Each action ends with the events it queued processed (layout and paint included), so the time
is what a person would wait before the screen has caught up.
"""

from __future__ import annotations

import gc
import statistics
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from benchmarks.measures import Result, summarise, time_ms

# Rows that make a child's record heavy to open, counted per child.
_HISTORY = """
SELECT c.id,
  (SELECT count(*) FROM activity_record r JOIN activity_plan p ON p.id = r.plan_id
     WHERE p.child_id = c.id)
  + (SELECT count(*) FROM activity_plan p WHERE p.child_id = c.id)
  + (SELECT count(*) FROM observation o WHERE o.child_id = c.id)
  + (SELECT count(*) FROM review v WHERE v.child_id = c.id)
  + (SELECT count(*) FROM assessment_entry e JOIN assessment a ON a.id = e.assessment_id
     WHERE a.child_id = c.id) AS history
FROM child c ORDER BY history DESC, c.id LIMIT 1
"""

# The active outcome-focused plan with the most days recorded, of a child on roll, for the week
# grid and the activity chart (the child with the most history may have left).
_BUSIEST_PLAN = """
SELECT p.child_id, p.id FROM activity_plan p
JOIN child c ON c.id = p.child_id AND c.archived_at IS NULL
LEFT JOIN activity_record r ON r.plan_id = p.id
WHERE p.status = 'active' AND p.kind = 'outcome'
  AND p.behaviour != '' AND p.conditions != '' AND p.criterion != ''
GROUP BY p.id ORDER BY count(r.id) DESC, p.id LIMIT 1
"""


@dataclass(frozen=True)
class Subjects:
    """Who the measures are taken on: the child with the most history, and the busiest
    active plan of a child on roll."""

    child_id: int
    history_rows: int
    plan_child_id: int
    plan_id: int


def subjects(db: Any) -> Subjects:
    """Found with plain SQL that reads the same on a file and on a server."""
    with db.engine.connect() as conn:
        child_id, history = conn.exec_driver_sql(_HISTORY).one()
        plan_child_id, plan_id = conn.exec_driver_sql(_BUSIEST_PLAN).one()
    return Subjects(int(child_id), int(history), int(plan_child_id), int(plan_id))


def _context(db: Any) -> Any:
    from portage_desktop.paths import app_paths
    from portage_desktop.settings import Settings
    from portage_desktop.ui.common.context import AppContext, SignalHub

    return AppContext(db, app_paths().ensure(), Settings(), SignalHub())


def measure(db: Any, runs: int) -> list[Result]:
    """Child record, Dashboard, filtering and the week grid save."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from portage_desktop.ui.children.children_page import ChildrenPage
    from portage_desktop.ui.common.tasks import freeze_start_up_objects
    from portage_desktop.ui.shell.dashboard import DashboardPage

    app = QApplication.instance() or QApplication([])
    ctx = _context(db)
    who = subjects(db)
    child_id = who.child_id
    results = []

    # The screens, built once as the app builds them at start-up, which then keeps what it
    # has built out of the cycle collector's way (see freeze_start_up_objects).
    children = ChildrenPage(ctx)
    children.resize(1100, 700)
    children.show()
    dashboard = DashboardPage(ctx)
    dashboard.resize(1100, 700)
    dashboard.show()
    app.processEvents()
    freeze_start_up_objects()

    # The child's whole record, opened from the children list as Enter does.
    opening, slowest_tab = [], []
    per_tab: dict[str, list[float]] = {}
    for n in range(runs + 1):
        gc.collect()
        started = time.perf_counter()
        window = children.open_record(child_id)
        app.processEvents()
        elapsed = (time.perf_counter() - started) * 1000
        assert window is not None
        tab_times = []
        for tab in range(1, window.tabs.count()):
            started = time.perf_counter()
            window.tabs.setCurrentIndex(tab)
            app.processEvents()
            tab_times.append((time.perf_counter() - started) * 1000)
            per_tab.setdefault(window.tabs.tabText(tab).replace("&", ""), []).append(tab_times[-1])
        window.close()
        app.processEvents()
        if n:  # the first is a warm-up
            opening.append(elapsed)
            slowest_tab.append(max(tab_times))
    results.append(
        summarise("child_record", opening, child_id=child_id, history_rows=who.history_rows)
    )
    results.append(
        summarise(
            "child_record_tab",
            slowest_tab,
            median_ms_per_tab={k: round(statistics.median(v[1:]), 1) for k, v in per_tab.items()},
        )
    )

    # Typing into the search box: a few letters of a name, then deleting them again.
    keys = list("ma") + [Qt.Key.Key_Backspace] * 2 + list("ah") + [Qt.Key.Key_Backspace] * 2
    children.search.setFocus()
    position = iter(range(10**9))

    def keystroke() -> None:
        key_or_text = keys[next(position) % len(keys)]
        if isinstance(key_or_text, str):
            QTest.keyClicks(children.search, key_or_text)
        else:
            QTest.keyClick(children.search, key_or_text)
        app.processEvents()

    results.append(
        summarise(
            "filter_keystroke",
            time_ms(keystroke, runs * len(keys)),
            rows=children.model.rowCount(),
        )
    )
    children.search.clear()

    # The Dashboard as it refreshes when records change: counts, reviews, transitions, criteria.
    # The criteria are worked out on a worker: the time runs until they are on screen too.
    def refresh_dashboard() -> None:
        checker = dashboard.stamp.checker
        # In the order a change reaches them: the summary asks for the check (it was
        # connected first), then the rest of the Dashboard refreshes while it runs. An event
        # loop waits for the result (polling processEvents in a loop upset PySide's
        # reference count of None on the largest site).
        waiting = QEventLoop()
        checker.ready.connect(waiting.quit)
        checker.failed.connect(waiting.quit)
        dashboard.stamp.refresh()
        dashboard.refresh()
        if checker.running:
            waiting.exec()
        checker.ready.disconnect(waiting.quit)
        checker.failed.disconnect(waiting.quit)
        app.processEvents()

    results.append(summarise("dashboard", time_ms(refresh_dashboard, runs)))
    dashboard.close()

    results.append(_week_grid(app, children, who.plan_child_id, who.plan_id, runs))
    children.close()
    app.processEvents()
    return results


def _week_grid(app: Any, children: Any, child_id: int, plan_id: int, runs: int) -> Result:
    """Type a week of tries and successes into the grid and press Save week."""
    from PySide6.QtCore import Qt

    from portage_desktop.ui.plans.week_grid import NOTE, SUCCESSES, TRIES

    window = children.open_record(child_id)
    assert window is not None
    window.tabs.setCurrentWidget(window.plans)
    app.processEvents()
    tab = window.plans
    tab.tree.setCurrentItem(tab._item_for(("plan", plan_id)))
    grid = tab.grid
    # A week with at least one day open for typing (not in the future, not before the start).
    for _ in range(60):
        open_rows = [
            r for r in range(7) if grid.table.item(r, NOTE).flags() & Qt.ItemFlag.ItemIsEnabled
        ]
        if open_rows:
            break
        grid.monday -= timedelta(days=7)
        grid._fill()
    flip = iter(range(10**9))

    def save_week() -> None:
        n = next(flip)
        for row in open_rows:
            grid.table.item(row, TRIES).setText("5")
            grid.table.item(row, SUCCESSES).setText(str(2 + (n + row) % 3))
        grid.request_save()
        app.processEvents()

    samples = time_ms(save_week, runs)
    window.close()
    app.processEvents()
    return summarise(
        "week_grid_save", samples, plan_id=plan_id, days_typed=len(open_rows), child_id=child_id
    )

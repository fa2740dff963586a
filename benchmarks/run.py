"""Time the user-visible operations on a large synthetic site; write JSON and print a table.

    .venv/bin/python benchmarks/run.py [--children 1000] [--runs 7]

Each figure is the median and worst of several runs, measured in this process with a real
(offscreen) Qt, against an encrypted database built by the demo generator.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGETS_MS = {
    "children list service": 100,
    "open the Children screen": 100,
    "filter the list per keystroke": 50,
    "open a child's record": 100,
    "dashboard refresh": 100,  # a Dashboard screen opens in under 100 ms on 1,000 children
}


def _time(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    fn()  # warm up
    samples = []
    for _ in range(runs):
        gc.collect()  # like timeit: a pause left over from the previous sample is not this one's
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--children", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", default="benchmarks/results/latest.json")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from portage_desktop.paths import app_paths
    from portage_desktop.services import children
    from portage_desktop.settings import Settings
    from portage_desktop.startup import make_demo
    from portage_desktop.ui.children_page import ChildrenPage
    from portage_desktop.ui.context import AppContext, SignalHub
    from portage_desktop.ui.pages import DashboardPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["PORTAGE_DESKTOP_HOME"] = scratch
        started = time.perf_counter()
        db = make_demo(Path(scratch) / "big.db", children=args.children, seed=11)
        build_s = time.perf_counter() - started
        ctx = AppContext(db, app_paths().ensure(), Settings(), SignalHub())
        first_id = children.list_children(db)[0].id
        page_holder: list[ChildrenPage] = []

        def open_page() -> None:
            page = ChildrenPage(ctx)
            page.show()
            app.processEvents()
            if page_holder:  # close the previous one, as the window would
                old = page_holder.pop()
                old.close()
                old.deleteLater()
            page_holder.append(page)

        open_page()
        page = page_holder[-1]
        letters = iter("abcdefghijklmnopqrstuvwxyz" * 100)

        def keystroke() -> None:
            page.search.setText(next(letters))
            app.processEvents()

        dashboard = DashboardPage(ctx)
        results = {
            "children list service": _time(lambda: children.list_children(db), args.runs),
            "open the Children screen": _time(open_page, args.runs),
            "filter the list per keystroke": _time(keystroke, args.runs),
            "open a child's record": _time(lambda: children.get_child(db, first_id), args.runs),
            "dashboard refresh": _time(dashboard.refresh, args.runs),
        }
        db.dispose()

    rows = []
    for name, (median, worst) in results.items():
        target = TARGETS_MS[name]
        rows.append(
            {
                "operation": name,
                "median_ms": round(median, 1),
                "worst_ms": round(worst, 1),
                "target_ms": target,
                "met": worst <= target,
            }
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "children": args.children,
                "runs": args.runs,
                "build_seconds": round(build_s, 1),
                "results": rows,
            },
            indent=2,
        )
    )
    print(f"Site of {args.children} children built in {build_s:.1f} s; {args.runs} runs each.\n")
    print("| operation | median ms | worst ms | target ms | met |")
    print("|---|---:|---:|---:|:---:|")
    for r in rows:
        print(
            f"| {r['operation']} | {r['median_ms']} | {r['worst_ms']} | {r['target_ms']} | "
            f"{'yes' if r['met'] else 'NO'} |"
        )
    return 0 if all(r["met"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

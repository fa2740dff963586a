"""Time a home-visiting service's services on the large service site (no screens yet),
and the registered-service check and the annual report a team lead runs on it.

    .venv/bin/python benchmarks/service.py [--scale 1.0] [--runs 7] [--out FILE.json]

Builds the large service (30 home visitors, ten years, about 4,000 children and their visits)
with the app's bulk generator in a temporary folder, then times the reads and writes the
service's screens will stand on, worst of ``--runs`` against the screen targets of the issue.
The screens add their own time on top, so these should sit well under the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("LANG", "C.UTF-8")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measures import time_ms  # noqa: E402

# key: (label, target in ms)
SERVICE_TARGETS: dict[str, tuple[str, float]] = {
    "waiting_list": ("Waiting list, in order with reasons", 100),
    "waiting_list_move": ("Move a family by hand and read the list again", 100),
    "caseloads": ("Every visitor's caseload", 100),
    "child_visits": ("A child's visits and blocks", 100),
    "save_visit": ("Save a visit record", 50),
    "dashboard": ("The service dashboard's warnings", 150),
    "service_check": ("Registered-service check, whole service", 500),
    "annual_report": ("Annual service report PDF, the busiest year", 3000),
    # The same moments on screen, through the real pages (offscreen Qt, with the events each
    # queues processed, so painting is counted), beside the floor measured in the same run.
    "screen_waiting_list": ("On screen: the Waiting list area refreshed", 100),
    "screen_caseloads": ("On screen: the Caseloads area refreshed", 100),
    "screen_child_visits": ("On screen: a family's blocks and visits shown", 100),
    "screen_dashboard": ("On screen: the service's Dashboard refreshed", 150),
}
FLOOR_LABEL = "Floor: a bare table of the same rows filled and painted"


def _screens(db, child: int, child_name: str, runs: int) -> tuple[dict, dict]:
    """Time the service's pages as a person waits for them, and a bare Qt table of as many
    rows as the biggest of them as the floor: what any Qt screen of that size costs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from portage_desktop.paths import app_paths
    from portage_desktop.settings import Settings
    from portage_desktop.ui.common.context import AppContext, SignalHub
    from portage_desktop.ui.service.caseloads_page import CaseloadsPage
    from portage_desktop.ui.service.visits_panel import VisitsPanel
    from portage_desktop.ui.service.waiting_list_page import WaitingListPage
    from portage_desktop.ui.shell.dashboard import DashboardPage

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(db, app_paths(), Settings(), SignalHub())
    pages = {
        "screen_waiting_list": WaitingListPage(ctx),
        "screen_caseloads": CaseloadsPage(ctx),
        "screen_dashboard": DashboardPage(ctx),
    }
    panel = VisitsPanel(ctx)
    for page in (*pages.values(), panel):
        page.resize(1280, 720)
        page.show()
    app.processEvents()

    def shown(action) -> None:
        action()
        app.processEvents()

    samples = {key: time_ms(lambda p=page: shown(p.refresh), runs) for key, page in pages.items()}
    samples["screen_child_visits"] = time_ms(
        lambda: shown(lambda: panel.show_child(child, child_name)), runs
    )
    rows = max(panel.visit_model.rowCount(), 1)
    model = QStandardItemModel(rows, 6)
    table = QTableView()
    table.resize(1280, 720)
    table.show()

    def bare() -> None:
        model.clear()
        for r in range(rows):
            model.appendRow([QStandardItem(f"{r} {c}") for c in range(6)])
        table.setModel(model)

    floor = time_ms(lambda: shown(bare), runs)
    for page in (*pages.values(), panel, table):
        page.close()
    return samples, {"floor_ms": sorted(floor)[len(floor) // 2], "floor_rows": rows}


def measure(scale: float, runs: int, today: date) -> tuple[dict[str, list[float]], dict]:
    from portage_desktop.demo.service_large import populate_large_service
    from portage_desktop.printing.service_quality import service_report
    from portage_desktop.services.home_visiting import caseloads, referrals, reminders, visits
    from portage_desktop.services.home_visiting.visits import VisitInput
    from portage_desktop.services.home_visiting.vocabulary import VisitPlace, VisitStatus
    from portage_desktop.services.home_visiting.waiting_list import move_family, waiting_list
    from portage_desktop.services.service_quality.registered_check import check_service
    from portage_desktop.startup import new_key, open_and_migrate

    with tempfile.TemporaryDirectory(prefix="portage-service-") as folder:
        db = open_and_migrate(Path(folder) / "service.db", None, new_key("benchmark"))
        started = time.perf_counter()
        counts = populate_large_service(db, seed=1, today=today, scale=scale)
        built = time.perf_counter() - started
        try:
            loads = caseloads.caseloads(db, today, everyone=True)
            busiest = max((f for c in loads for f in c.families), key=lambda f: f.allocated_on)
            child = busiest.child_id
            planned = [
                v for v in visits.list_visits(db, child) if v.data.status is VisitStatus.PLANNED
            ]
            waiting = waiting_list(db, today)
            mover = waiting[-1] if waiting else None
            held = VisitInput(VisitStatus.HELD, place=VisitPlace.HOME, shared_notes="Bubbles")

            def move() -> None:
                if mover is not None:
                    move_family(db, mover.referral_id, 1, "benchmark", on=today)
                    move_family(db, mover.referral_id, None, "benchmark", on=today)
                waiting_list(db, today)

            def save() -> None:
                visit = visits.get_visit(db, planned[0].id)
                visits.record_visit(db, visit.id, held, visit.version, today=visit.on)

            samples = {
                "waiting_list": time_ms(lambda: waiting_list(db, today), runs),
                "waiting_list_move": time_ms(move, runs),
                "caseloads": time_ms(lambda: caseloads.caseloads(db, today, everyone=True), runs),
                "child_visits": time_ms(
                    lambda: (visits.list_visits(db, child), visits.list_blocks(db, child)), runs
                ),
                "save_visit": time_ms(save, runs),
                "dashboard": time_ms(lambda: reminders.warnings(db, today), runs),
                "service_check": time_ms(lambda: check_service(db, today), runs),
                "annual_report": time_ms(lambda: service_report(db, today.year, None, today), runs),
            }
            name = next(r.child_name for r in referrals.list_referrals(db, child_id=child))
            screens, floor = _screens(db, child, name, runs)
            samples.update(screens)
        finally:
            db.dispose()
    return samples, {"counts": counts, "build_seconds": round(built, 1), **floor}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    samples, site = measure(args.scale, args.runs, date(2026, 11, 22))
    rows = []
    print(f"Large service site: {site['counts']}, built in {site['build_seconds']} s")
    print("| measure | median | worst | target | met |\n|---|---:|---:|---:|:---:|")
    for key, (label, limit) in SERVICE_TARGETS.items():
        values = sorted(samples[key])
        median, worst = values[len(values) // 2], values[-1]
        met = worst <= limit
        rows.append({"key": key, "median": median, "worst": worst, "target": limit, "met": met})
        print(
            f"| {label} | {median:.0f} ms | {worst:.0f} ms | ≤ {limit:.0f} ms | "
            f"{'yes' if met else 'NO'} |"
        )
    print(f"| {FLOOR_LABEL} ({site['floor_rows']} rows) | {site['floor_ms']:.0f} ms | | | |")
    if args.out:
        args.out.write_text(json.dumps({"site": site, "measures": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

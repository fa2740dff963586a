"""Measures that need a process of their own, so the benchmark's own data does not count.

    python -m benchmarks.probes memory PATH CHILD_ID
    python -m benchmarks.probes gui-block PATH RUNS

Each opens the site as the app does (passphrase from the environment), shows the real main
window offscreen, does its work and prints one JSON line.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _window(path: Path) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication

    from portage_desktop.paths import app_paths
    from portage_desktop.settings import Settings
    from portage_desktop.startup import PASSPHRASE_ENV, open_and_migrate, unlock
    from portage_desktop.ui.common.context import AppContext, SignalHub
    from portage_desktop.ui.common.tasks import freeze_start_up_objects
    from portage_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = open_and_migrate(path, None, unlock(path, os.environ[PASSPHRASE_ENV]))
    ctx = AppContext(db, app_paths().ensure(), Settings(), SignalHub())
    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    freeze_start_up_objects()  # as the app does once its first page is shown
    return app, window


def peak_memory(path: Path, child_id: int) -> dict[str, Any]:
    """The high-water mark of resident memory after using the site as a person would: the
    main window, the Children screen, the busiest child's record with every tab looked at,
    the Dashboard and every other area, and the daily backup made at start-up."""
    import resource

    def peak_mb() -> float:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return round(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024, 1)

    app, window = _window(path)
    stages = {"main window": peak_mb()}
    # The day's first start makes the daily backup (on a worker) soon after opening, while the
    # person carries on: start it now, so it overlaps the browsing below every time.
    window.backups.daily_backup_if_due()
    window.go_to(1)
    app.processEvents()
    stages["children"] = peak_mb()
    record = window.children_page.open_record(child_id)
    for tab in range(record.tabs.count()):
        record.tabs.setCurrentIndex(tab)
        app.processEvents()
    stages["child's record"] = peak_mb()
    window.go_to(0)
    app.processEvents()
    for area in range(window.sidebar.count()):
        window.go_to(area)
        app.processEvents()
    stages["every area"] = peak_mb()
    while window.backups.daily_running:
        app.processEvents()
        time.sleep(0.01)
    stages["daily backup done"] = peak_mb()
    megabytes = peak_mb()  # Linux reports kilobytes, macOS bytes; peak_mb() handles both
    return {"peak_mb": megabytes, "stages": stages}


def gui_block(path: Path, runs: int) -> dict[str, Any]:
    """Press Print the application pack on the Stamp of Approval page and record the longest
    gap between the ticks of a 5 ms timer until the PDF is written."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from portage_desktop.ui.common import pdf_save

    app, window = _window(path)
    window.go_to(3)
    app.processEvents()
    page = window.stamp_page
    scratch = Path(tempfile.mkdtemp(prefix="portage-block-"))
    gaps: list[float] = []
    builds: list[float] = []
    for run in range(runs + 1):
        out = scratch / f"pack-{run}.pdf"
        pdf_save.ask_pdf_path = lambda *_a, _out=out: _out  # type: ignore[attr-defined]
        loop = QEventLoop()
        ticks: list[float] = []
        finished: list[float] = []

        def opened(
            _parent: object, _path: object, _done: list[float] = finished, _loop: QEventLoop = loop
        ) -> bool:
            _done.append(time.perf_counter())
            _loop.quit()
            return True

        pdf_save.confirm_saved = opened  # type: ignore[attr-defined]
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(5)
        timer.timeout.connect(lambda _t=ticks: _t.append(time.perf_counter()))
        timer.start()
        pressed: list[float] = []

        def press(_pressed: list[float] = pressed) -> None:
            _pressed.append(time.perf_counter())
            page.print_button.click()

        QTimer.singleShot(50, press)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
        timer.stop()
        if not finished:
            raise RuntimeError("the application pack was not built within two minutes")
        during = [pressed[0]] + [t for t in ticks if pressed[0] < t <= finished[0]] + finished
        worst = max(b - a for a, b in itertools.pairwise(during)) * 1000
        if run:  # the first press is a warm-up (first imports of the report modules)
            gaps.append(worst)
            builds.append((finished[0] - pressed[0]) * 1000)
    return {"gaps_ms": gaps, "build_ms": builds}


def run(kind: str, path: Path, extra: list[str]) -> dict[str, Any]:
    if kind == "memory":
        return peak_memory(path, int(extra[0]))
    return gui_block(path, int(extra[0]))


def main() -> int:
    kind, path, *extra = sys.argv[1:]
    print(json.dumps(run(kind, Path(path), extra)), flush=True)
    os._exit(0)  # skip tearing down Qt and the database: nothing left to measure


if __name__ == "__main__":
    sys.exit(main())

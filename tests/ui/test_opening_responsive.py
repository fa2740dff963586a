"""Opening the records keeps the window answering while the code loads on a worker."""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from PySide6.QtCore import QTimer

from portage_desktop.app import OPENING_MODULES
from portage_desktop.ui.common.tasks import import_modules, wait_responsive


def test_timers_keep_firing_while_waiting_for_a_worker(qapp):
    """A 5 ms timer ticks throughout a 300 ms wait: the GUI thread is never held longer than
    a few ticks, where a plain wait would have held it the whole time."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    release = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        work = pool.submit(lambda: release.wait(0.3) or "done")
        started = time.perf_counter()
        wait_responsive(work)
        waited = time.perf_counter() - started
    timer.stop()
    assert work.result() == "done"
    assert waited >= 0.25
    assert len(ticks) >= 10
    gaps = [b - a for a, b in zip([started, *ticks], [*ticks, started + waited], strict=True)]
    assert max(gaps) < 0.1


def test_a_failure_on_the_worker_reaches_the_caller(qapp):
    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(import_modules, ["portage_desktop.no_such_module"])
        wait_responsive(loading)
        with pytest.raises(ModuleNotFoundError):
            loading.result()


def test_the_opening_modules_are_the_first_pages_code():
    """What loads while the key is derived is what the first page needs: the database layer,
    the Dashboard and the backups it starts (a renamed module would fail here, not at start)."""
    import_modules(OPENING_MODULES)
    for name in OPENING_MODULES:
        assert name in sys.modules
    assert "portage_desktop.ui.shell.dashboard" in OPENING_MODULES


def test_the_collector_is_left_as_the_caller_had_it(qapp):
    """Waiting pauses the cycle collector and then puts it back as it was: switched off by a
    caller for its own reasons, it stays off (turning it on again crashed a long walk)."""
    import gc

    def wait_once() -> None:
        with ThreadPoolExecutor(max_workers=1) as pool:
            wait_responsive(pool.submit(lambda: None))

    was = gc.isenabled()
    try:
        gc.disable()
        wait_once()
        assert not gc.isenabled()
        gc.enable()
        wait_once()
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()

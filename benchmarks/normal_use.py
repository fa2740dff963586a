"""A scripted session of normal use, timing the longest moment the window could not respond.

    .venv/bin/python -m benchmarks.normal_use [--scale 1.0] [--reuse] [--out FILE.json]

On the large site (built, or reused with ``--reuse``), in one process and offscreen: the main
window with the records, every area in turn, five children's records with every tab, the Stamp
of Approval wizard page by page, a week of a plan saved, and a one-page profile printed. A
5 ms timer ticks on the GUI thread throughout; the longest gap between two ticks is the
longest the window was frozen, and the step that was running then is where it happened. Each
step runs from the event loop with a pause after it, as a person's clicks would, so paints and
queued refreshes (the change feed) are counted in the step that caused them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

TARGET_MS = 100.0
TICK_MS = 5
# How much of the GUI thread's stack --explain prints at a freeze: enough to see which of the
# app's functions was running, below the event loop and the step that called it.
EXPLAIN_FRAMES = 14


def _choose(db) -> tuple[list[int], int | None]:
    """The script's choices, made before the clock starts (they are not the app's work): five
    children to open, and a child with an active plan for the week's records."""
    from portage_desktop.services import children, plans

    five = [child.id for child in children.list_children(db)[:5]]
    with_plan = next(
        (
            child
            for child in range(1, 200)
            for plan in plans.list_plans(db, child)
            if plan.status.value == "active"
        ),
        None,
    )
    return five, with_plan


def _steps(
    window, ctx, five: list[int], with_plan: int | None
) -> list[tuple[str, Callable[[], None]]]:
    """What a person does in a morning's work, as (where, action). The app's own code is
    imported inside each action, where the app would first need it."""
    from PySide6.QtWidgets import QTabWidget

    from portage_desktop.ui.shell.main_window import AREAS, SIDEBAR

    steps: list[tuple[str, Callable[[], None]]] = []
    for area in SIDEBAR:
        if not window.sidebar.item(SIDEBAR.index(area)).isHidden():
            steps.append((f"area: {AREAS[area]}", lambda a=area: window.go_to(a)))
    opened: dict[str, object] = {}
    for child_id in five:

        def open_record(c: int = child_id) -> None:
            from portage_desktop.ui.children.child_record import ChildRecordWindow

            record = ChildRecordWindow(ctx, c)
            record.resize(1366, 698)
            record.show()
            opened["now"] = record

        steps.append((f"open child {child_id}", open_record))
        for i in range(11):

            def tab(i: int = i) -> None:
                tabs = opened["now"].findChild(QTabWidget)
                if tabs is not None and i < tabs.count():
                    tabs.setCurrentIndex(i)

            steps.append((f"child {child_id}: tab {i + 1}", tab))
        steps.append((f"close child {child_id}", lambda: opened.pop("now").close()))

    wizard: dict[str, object] = {}

    def open_wizard() -> None:
        from portage_desktop.ui.stamp.stamp_wizard import StampWizard

        # As the Stamp page's button does: with the check the page has (worked out on a
        # worker). The button is off while a check runs, so a person waits for it, the
        # window answering meanwhile; so does this step (with the event loop turning).
        page = window.stamp_page
        if page.checker.running:
            from PySide6.QtCore import QEventLoop

            waiting = QEventLoop()
            page.checker.ready.connect(waiting.quit)
            page.checker.failed.connect(waiting.quit)
            waiting.exec()
        wizard["now"] = StampWizard(ctx, window, check=page.check)  # None: it checks itself
        wizard["now"].setModal(False)
        wizard["now"].show()

    steps.append(("wizard: open", open_wizard))
    for page in range(8):
        steps.append((f"wizard: page {page + 2}", lambda: wizard["now"].next()))
    steps.append(("wizard: close", lambda: wizard.pop("now").close()))
    steps += _week_and_print(ctx, with_plan)
    return steps


def _week_and_print(ctx, child_id: int | None) -> list[tuple[str, Callable[[], None]]]:
    """Save a week of a plan's records from its grid, and print a one-page profile."""
    held: dict[str, object] = {}
    steps: list[tuple[str, Callable[[], None]]] = []
    if child_id is not None:

        def open_plans() -> None:
            from portage_desktop.ui.children.child_record import ChildRecordWindow

            record = ChildRecordWindow(ctx, child_id)
            record.resize(1366, 698)
            record.show()
            record.tabs.setCurrentWidget(record.plans)
            held["record"] = record

        def save_week() -> None:
            held["record"].plans.grid.save_button.click()  # type: ignore[attr-defined]

        steps += [("week: open the plans", open_plans), ("week: save", save_week)]
        steps.append(("week: close", lambda: held.pop("record").close()))
    out = Path(tempfile.mkdtemp(prefix="portage-use-")) / "profile.pdf"

    def print_profile() -> None:
        from portage_desktop.ui.common import pdf_save

        pdf_save.ask_pdf_path = lambda *_a: out  # where a person would have chosen
        pdf_save.confirm_saved = lambda *_a: held.__setitem__("printed", True)
        pdf_save.save_print(ctx.app_window, ctx.db, "one-page-profile", "Print", "profile", child=1)

    steps.append(("print: one-page profile", print_profile))
    return steps


def _watch(state: dict, found: list[tuple[float, str, str]]) -> None:
    """From another thread: when the GUI thread has not ticked for longer than the target,
    note what it is doing (its innermost frames), to say why a step froze the window."""
    import threading
    import traceback

    gui = threading.get_ident()

    def run() -> None:
        noted = 0.0
        while state.get("running", True):
            time.sleep(0.02)
            gap = (time.perf_counter() - state["last"]) * 1000
            if gap > TARGET_MS and state["last"] != noted:
                frames = sys._current_frames()
                frame = frames.get(gui)
                where = "".join(traceback.format_stack(frame)[-EXPLAIN_FRAMES:]) if frame else ""
                # The GUI thread may be waiting for Python's lock: say what else was running.
                names = {t.ident: t.name for t in threading.enumerate()}
                for ident, other in frames.items():
                    if ident not in (gui, threading.get_ident()):
                        stack = "".join(traceback.format_stack(other)[-4:])
                        where += f"  -- meanwhile on '{names.get(ident, ident)}':\n{stack}"
                found.append((gap, str(state["step"]), where))
                noted = state["last"]

    threading.Thread(target=run, daemon=True).start()


def measure(db, paths, explain: bool = False) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from portage_desktop.settings import Settings
    from portage_desktop.ui.common.context import AppContext, SignalHub
    from portage_desktop.ui.common.fonts import install_fallback_fonts
    from portage_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    install_fallback_fonts()
    window = MainWindow()
    window.resize(1366, 698)
    window.show()
    ctx = AppContext(db, paths, Settings(), SignalHub())
    five, with_plan = _choose(db)
    gaps: list[tuple[float, str]] = []
    state = {"step": "start: the records shown", "last": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(((now - state["last"]) * 1000, state["step"]))
        state["last"] = now

    stacks: list[tuple[float, str, str]] = []
    if explain:
        _watch(state, stacks)
    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(tick)
    ticker.start()
    # As the app opens its records: the code the first page needs loads on a worker while the
    # key is derived (here the key is known), then the window is filled in.
    from concurrent.futures import ThreadPoolExecutor

    from portage_desktop.app import OPENING_MODULES
    from portage_desktop.ui.common.tasks import import_modules, wait_responsive

    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(import_modules, OPENING_MODULES)
        wait_responsive(loading)
        loading.result()
    window.attach(ctx)
    ctx.app_window = window  # type: ignore[attr-defined]
    # As the app does once its first page is built (see app.py): without it every full
    # collection of the session walked what start-up made, and the session froze where the
    # app does not.
    from portage_desktop.ui.common.tasks import freeze_start_up_objects

    QTimer.singleShot(0, freeze_start_up_objects)
    steps = [("start: the records shown", lambda: None), *_steps(window, ctx, five, with_plan)]
    done = {"n": 0}

    def run_next() -> None:
        if done["n"] >= len(steps):
            QTimer.singleShot(1500, app.quit)  # the print's background work, then stop
            return
        name, action = steps[done["n"]]
        done["n"] += 1
        state["step"] = name
        action()
        QTimer.singleShot(150, run_next)  # a person's pause before the next click

    QTimer.singleShot(300, run_next)
    app.exec()
    state["running"] = False
    ticker.stop()
    for gap, step, where in stacks:
        print(f"--- over {gap:.0f} ms during '{step}', the GUI thread was in:\n{where}")
    window.close()
    worst = sorted(gaps, reverse=True)
    return {
        "longest_ms": round(worst[0][0], 1) if worst else 0.0,
        "where": worst[0][1] if worst else "",
        "next_longest": [{"ms": round(ms, 1), "where": where} for ms, where in worst[1:6]],
        "steps": len(steps),
        "ticks": len(gaps),
        "target_ms": TARGET_MS,
    }


def main(argv: list[str] | None = None) -> int:
    from benchmarks.site import prepare

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--reuse", action="store_true", help="reuse the site built before")
    parser.add_argument("--site", type=Path, help="where the site is kept (default: temp)")
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--explain", action="store_true", help="print what the GUI thread was doing when frozen"
    )
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="portage-use-home-"))
    os.environ["PORTAGE_DESKTOP_HOME"] = str(home)
    from portage_desktop.paths import app_paths

    site_path = args.site or home / f"site-{args.scale:g}.db"
    site = prepare(site_path, args.reuse, args.scale)
    db = site.open()
    try:
        result = measure(db, app_paths().ensure(), args.explain)
    finally:
        db.dispose()
    result["scale"] = args.scale
    result["children"] = site.counts.get("child")
    met = "met" if result["longest_ms"] <= TARGET_MS else "NOT met"
    print(
        f"Normal use at scale {args.scale:g} ({result['steps']} steps): the window was frozen "
        f"at most {result['longest_ms']:.0f} ms, during '{result['where']}' "
        f"(target {TARGET_MS:.0f} ms: {met})"
    )
    for other in result["next_longest"]:
        print(f"  then {other['ms']:.0f} ms during '{other['where']}'")
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time what people wait for on a large synthetic site; write JSON and print a Markdown table.

    .venv/bin/python benchmarks/run.py [--reuse PATH] [--runs 7] [--scale 1.0]
    .venv/bin/python benchmarks/run.py --database-url postgresql://owner@host/empty_db

Builds the large site (1,000 children, 60 staff, five years of history) with the app's own
generator, or reuses the one at ``--reuse PATH`` (building it there the first time), then
measures each operation several times and reports the median and the worst against its
target. Start-up, peak memory and the GUI's responsiveness while printing are measured in
fresh processes; everything else in this one, through the real widgets on an offscreen Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import measures, prints, screens, site, start_up  # noqa: E402
from benchmarks.measures import Result, summarise  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "results" / "latest.json"


def _probe(kind: str, path: Path, *extra: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # run from bytecode, as an installed app does
    with tempfile.TemporaryDirectory(prefix="portage-probe-") as home:
        env["PORTAGE_DESKTOP_HOME"] = home
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.probes", kind, str(path), *extra],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the {kind} probe failed: {done.stderr.strip()[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _quiet_offscreen(_kind, _context, message: str) -> None:
    """Qt's offscreen platform says it cannot size native windows each time one opens; that is
    not news. Anything else Qt says is passed on."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def run_suite(path: Path, reuse: bool, runs: int, scale: float, say=print) -> dict:
    """Every measure, in the order of the table; returns the JSON document."""
    started_load = os.getloadavg() if hasattr(os, "getloadavg") else None
    say(f"Preparing the site at {path} …")
    prepared = site.prepare(path, reuse, scale)
    results: list[Result] = []
    if prepared.build_seconds is not None:
        results.append(
            summarise(
                "site_build",
                [prepared.build_seconds],
                generator=prepared.generator,
                measured="when the site was built" if prepared.reused else "in this run",
            )
        )
    say(f"Site: {prepared.counts}")

    say("Cold start …")
    results += start_up.measure(path, site.PASSPHRASE, runs, scale)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    db = prepared.open()
    try:
        say("Screens …")
        results += screens.measure(db, runs)
        who = screens.subjects(db)
        say("Printing and the criteria check …")
        results += prints.measure(db, who, runs)
    finally:
        db.dispose()
    app.processEvents()

    say("Peak memory …")
    # The first is a warm-up: it compiles and caches the bytecode an installed app ships with.
    probed = [_probe("memory", path, str(who.child_id)) for _ in range(min(runs, 3) + 1)][1:]
    results.append(
        summarise(
            "peak_memory",
            [p["peak_mb"] for p in probed],
            peak_mb_after=probed[-1]["stages"],
        )
    )
    say("GUI while the application pack is built …")
    block = _probe("gui-block", path, str(runs))
    results.append(
        summarise(
            "gui_blocked",
            block["gaps_ms"],
            pack_from_the_gui_median_ms=round(
                sorted(block["build_ms"])[len(block["build_ms"]) // 2], 1
            ),
        )
    )
    return {
        "site": {
            "path": str(path),
            "generator": prepared.generator,
            "scale": scale,
            "reused": prepared.reused,
            "counts": prepared.counts,
        },
        "runs": runs,
        "load_average_at_start": list(started_load) if started_load else None,
        "results": results,
    }


# The benchmark site's first account on a server, made by the app's own generator; only
# made-up people live there, so its password can be public, like the site's passphrase.
SERVER_MANAGER_PASSWORD = "portage benchmark manager"


def run_on_server(url: str, runs: int, scale: float, say=print) -> dict:
    """The measures that read and write the records, on a PostgreSQL server: the large site
    is built into the empty database at ``url`` (a throwaway one: the build refuses any other),
    then the screens, prints and the criteria check are timed as on a file. Start-up, memory
    and the GUI during printing are measured on a file only (fresh processes opening a file)."""
    from PySide6.QtWidgets import QApplication

    from portage_desktop.database_url import parse
    from portage_desktop.startup import make_large_demo_on_server

    started_load = os.getloadavg() if hasattr(os, "getloadavg") else None
    address = parse(url)
    say(f"Building the site on {address.display} …")
    started = time.perf_counter()
    db = make_large_demo_on_server(address, SERVER_MANAGER_PASSWORD, scale=scale)
    results: list[Result] = [
        summarise("site_build", [time.perf_counter() - started], generator="make_large_demo")
    ]
    app = QApplication.instance() or QApplication([])
    try:
        counts = site.count_rows_in(db)
        say(f"Site: {counts}")
        say("Screens …")
        results += screens.measure(db, runs)
        say("Printing and the criteria check …")
        results += prints.measure(db, screens.subjects(db), runs)
    finally:
        db.dispose()
    app.processEvents()
    return {
        "site": {
            "engine": "postgresql",
            "server": address.display,
            "generator": "make_large_demo_on_server",
            "scale": scale,
            "reused": False,
            "counts": counts,
        },
        "runs": runs,
        "load_average_at_start": list(started_load) if started_load else None,
        "results": results,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--reuse", metavar="PATH", help="reuse the site at PATH (built there if missing)"
    )
    parser.add_argument("--runs", type=int, default=7, help="runs of each measure (default 7)")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the site (default 1.0)")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="where to write the JSON")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="an empty database on a throwaway PostgreSQL server: build the site there and "
        "time what reads and writes the records (password from PGPASSWORD or ~/.pgpass)",
    )
    args = parser.parse_args(argv)

    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_quiet_offscreen)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="portage-bench-") as scratch:
        path = Path(args.reuse).expanduser().resolve() if args.reuse else Path(scratch) / "large.db"
        os.environ["PORTAGE_DESKTOP_HOME"] = str(Path(scratch) / "home")
        if args.database_url:
            document = run_on_server(args.database_url, args.runs, args.scale)
        else:
            document = run_suite(path, bool(args.reuse), args.runs, args.scale)
    results: list[Result] = document.pop("results")
    document["load_average_at_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    document["seconds"] = round(time.perf_counter() - started, 1)
    measures.write_json(Path(args.out), results, document)
    print()
    print(measures.table(results))
    print()
    for r in results:
        if r.details:
            print(f"- {r.target.label}: {json.dumps(r.details)}")
    print(f"\nWritten to {args.out} ({document['seconds']} s).")
    return 0 if all(r.met for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Cold start: the app against a bare PySide6 window, both started as fresh processes.

Both are started the same way (``python -m ...`` with this interpreter and environment) and
report the system-wide monotonic clock at the first paint of their main window; the time is
from just before the process is spawned. Runs alternate app, bare, app, bare, so a busy moment
on the machine falls on both. The ratio compares like with like: the median app start over
the median bare start, and the slowest app start over the slowest bare start (or the median
ratio, if that is higher). On a shared machine a 120 ms process takes 200 ms now and then;
dividing one run by another would count that noise twice. The slowest app start over the
median bare start is kept in the JSON too.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measures import Result

ROOT = Path(__file__).resolve().parent.parent


def _environment(home: Path, passphrase: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PORTAGE_DESKTOP_HOME=str(home),
        PORTAGE_DESKTOP_PASSPHRASE=passphrase,
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    # An installed app runs from compiled bytecode (pip and the bundle write it); so that the
    # runs after the warm-up do too, bytecode may be written even where a shell forbids it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("LANG", "C.UTF-8")
    return env


def _marks(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``command`` and return its reported moments, in ms after the spawn."""
    started = time.monotonic()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[2:])} failed: {done.stderr.strip()[-800:]}")
    marks: dict[str, float] = {}
    for line in done.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("first-paint", "records-shown"):
            marks[name] = (float(value) - started) * 1000
        elif name.endswith("-ms"):
            marks[name] = float(value)
    if "first-paint" not in marks:
        raise RuntimeError(f"no first paint reported by {' '.join(command[2:])}: {done.stdout}")
    return marks


def key_derivation_ms(path: Path, passphrase: str, runs: int) -> list[float]:
    """How long argon2id takes to turn the passphrase into the key (deliberately slow)."""
    from portage_desktop.data import cipher

    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        cipher.key_for_file(path, passphrase)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def measure(database: Path, passphrase: str, runs: int, scale: float = 1.0) -> list[Result]:
    """The window's first paint and the records' first paint, each against a bare window's
    first paint measured alternately in the same run."""
    app = [sys.executable, "-m", "portage_desktop", "--database", str(database)]
    app.append("--exit-after-first-paint")
    bare = [sys.executable, "-m", "benchmarks.bare_window"]
    with tempfile.TemporaryDirectory(prefix="portage-start-") as home:
        env = _environment(Path(home), passphrase)
        _marks(app, env)  # warm-up: compiled bytecode and the file cache, as on a second start
        _marks(bare, env)
        apps, bares = [], []
        for _ in range(runs):
            apps.append(_marks(app, env))
            bares.append(_marks(bare, env))
    app_paints = [a["first-paint"] for a in apps]
    bare_paints = [b["first-paint"] for b in bares]
    floor = statistics.median(bare_paints)
    shown = [a.get("records-shown", a["first-paint"]) for a in apps]
    kdf = key_derivation_ms(database, passphrase, runs)

    def med(values: list[float]) -> float:
        return round(statistics.median(values), 1)

    typical = statistics.median(app_paints) / floor
    records = statistics.median(shown) / floor
    shown_result = Result(
        "records_shown_ratio",
        records,
        max(records, max(shown) / max(bare_paints)),  # as the first paint: never below median
        runs,
        dict(
            app_records_shown_ms=med(shown),
            app_records_shown_worst_ms=round(max(shown), 1),
            bare_first_paint_ms=med(bare_paints),
        ),
        limit=6.0 if scale >= 3 else None,
    )
    paint_result = Result(
        "cold_start_ratio",
        typical,
        max(typical, max(app_paints) / max(bare_paints)),  # never better than the median
        runs,
        dict(
            app_first_paint_ms=med(app_paints),
            app_worst_ms=round(max(app_paints), 1),
            bare_first_paint_ms=med(bare_paints),
            bare_worst_ms=round(max(bare_paints), 1),
            worst_app_over_median_bare=round(max(app_paints) / floor, 2),
            key_derivation_ms=med(kdf),
            app_phases_ms={
                name: med([a[name] for a in apps if name in a])
                for name in sorted({n for a in apps for n in a if n.endswith("-ms")})
            },
        ),
    )
    return [paint_result, shown_result]

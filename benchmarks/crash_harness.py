"""Kill the app's save path at random moments and prove nothing committed is ever lost.

A worker process opens the (encrypted) database and saves children in a loop through the same
service the dialogs use, printing each record number once its save has returned. The harness
kills it with SIGKILL after a random delay, then checks that the file passes integrity_check and
that every number the worker printed is in the database. Run it directly for the full 200 trials:

    .venv/bin/python -m benchmarks.crash_harness --trials 200
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PASSPHRASE = "crash harness passphrase"

WORKER = r"""
import sys
from datetime import date
from pathlib import Path
from portage_desktop.services import children
from portage_desktop.services.children import ChildInput
from portage_desktop.startup import open_and_migrate, unlock
path = Path(sys.argv[1])
db = open_and_migrate(path, None, unlock(path, sys.argv[2]))
print("ready", flush=True)
n = 0
while True:
    n += 1
    saved = children.save_child(db, ChildInput(f"Crash{n}", "Test", date(2023, 1, 1)))
    print(saved.id, flush=True)
"""


@dataclass
class Result:
    trials: int
    committed: int
    lost: int
    integrity_failures: int

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.integrity_failures == 0


def _prepare(path: Path) -> None:
    from portage_desktop.startup import new_key, open_and_migrate

    open_and_migrate(path, None, new_key(PASSPHRASE)).dispose()


def _check(path: Path, expected: set[int]) -> tuple[bool, int]:
    from portage_desktop.data import cipher
    from portage_desktop.startup import unlock

    key = unlock(path, PASSPHRASE)
    conn = cipher.connect(path, key)
    try:
        intact = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        present = {row[0] for row in conn.execute("SELECT id FROM child")}
    finally:
        conn.close()
    return intact, len(expected - present)


def run_trials(trials: int, seed: int = 1, folder: Path | None = None) -> Result:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        path = (folder or Path(scratch)) / "crash.db"
        _prepare(path)
        committed: set[int] = set()
        result = Result(trials, 0, 0, 0)
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        for _ in range(trials):
            worker = subprocess.Popen(
                [sys.executable, "-c", WORKER, str(path), PASSPHRASE],
                stdout=subprocess.PIPE,
                text=True,
                env=env,
            )
            assert worker.stdout is not None
            worker.stdout.readline()  # "ready": the kill lands during saves, not imports
            time.sleep(rng.uniform(0.0, 0.25))
            worker.send_signal(signal.SIGKILL)
            out, _ = worker.communicate()
            committed |= {int(line) for line in out.split() if line.isdigit()}
            intact, lost = _check(path, committed)
            result.integrity_failures += 0 if intact else 1
            result.lost += lost
        result.committed = len(committed)
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    result = run_trials(args.trials, args.seed)
    print(
        f"{result.trials} kills, {result.committed} saves reported committed, "
        f"{result.lost} lost, {result.integrity_failures} integrity failures "
        f"({time.perf_counter() - started:.0f} s)"
    )
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())

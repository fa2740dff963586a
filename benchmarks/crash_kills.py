"""Kill the app at random moments of its riskiest work and prove the records always come back.

Each kind starts a worker process that opens the records the way the app does (the lock, the
tidy-up, the passphrase, the migration) and then does one kind of work; the harness kills it
with SIGKILL after a random delay, then reopens the file through the same start-up path and
checks it:

- ``save``: children saved in a loop; every save that returned must still be there.
- ``migration``: an old file (tests/fixtures/schema-0001.db) updated to the newest schema;
  it must open afterwards, with all its children and exactly one pre-upgrade backup.
- ``encryption``: an old plain file encrypted with a passphrase; it must open afterwards
  (plain or encrypted, never neither) with all its children, and once encrypted no plain copy
  may remain.
- ``backup``: backups made in a loop; every backup kept must pass its check and no unfinished
  one may be left.
- ``startup``: the start-up path itself (lock, tidy-up, passphrase, opening) run in a loop on
  an encrypted file; it must open afterwards with all its children.
- ``restore``: a backup restored over records that changed since; afterwards the file holds
  either the records as they were or the backup, whole, never a mixture, and the records as
  they were are kept aside once the restore has begun replacing them.
- ``import``: checklists imported in a loop; every import that returned must be there, and no
  checklist may be there without all its small steps.
- ``review``: reviews saved in a loop, each with its plan rows and issues (several tables in
  one transaction); every review that returned must be there, and none without all its rows.

The delays are spread over how long the work takes when left alone (measured first), so kills
land at every stage. Run it directly, for example:

    .venv/bin/python -m benchmarks.crash_kills --kinds migration encryption backup save --kills 200
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "schema-0001.db"
PASSPHRASE = "crash kills passphrase"
KINDS = ("save", "migration", "encryption", "backup", "startup", "restore", "import", "review")

_OPEN = r"""
import sys
from pathlib import Path
from portage_desktop.startup import claim, file_state, open_and_migrate, unlock
path, backups, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
claim(path, backups)
def open_records():
    key = unlock(path, passphrase) if file_state(path) == "encrypted" else None
    return open_and_migrate(path, backups, key)
"""

WORKERS = {
    "save": _OPEN
    + r"""
from datetime import date
from portage_desktop.services import children
from portage_desktop.services.children import ChildInput
db = open_records()
print("ready", flush=True)
n = 0
while True:
    n += 1
    children.save_child(db, ChildInput(f"Crash{n}", "Test", date(2023, 1, 1)))
    print(f"Crash{n}", flush=True)  # only once the save has returned
""",
    "migration": _OPEN
    + r"""
# Only the risky part (backup, then the schema update), so the kills land in it; the
# harness reopens through the whole start-up path afterwards.
import alembic.command
from portage_desktop.data import migrate
from portage_desktop.data.engine import open_database
db = open_database(path)
print("ready", flush=True)
migrate.upgrade_to_head(db, backups)
print("done", flush=True)
""",
    "encryption": _OPEN
    + r"""
from portage_desktop.services import security
db = open_records()
print("ready", flush=True)
security.encrypt_existing(db, passphrase, passphrase)
print("done", flush=True)
""",
    "backup": _OPEN
    + r"""
from portage_desktop.services import backups as backup_service
db = open_records()
print("ready", flush=True)
while True:
    made = backup_service.back_up(db, backups, keep=1000)
    print(made.name, flush=True)
""",
    "startup": r"""
import sys
from pathlib import Path
from portage_desktop.data import file_lock
from portage_desktop.startup import claim, file_state, open_and_migrate, unlock
path, backups, passphrase = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
print("ready", flush=True)
n = 0
while True:  # the whole start-up path, again and again, so kills land at every step of it
    claim(path, backups)
    key = unlock(path, passphrase) if file_state(path) == "encrypted" else None
    open_and_migrate(path, backups, key).close()
    file_lock.acquire(path).release()
    n += 1
    print(f"opened{n}", flush=True)
""",
    "restore": _OPEN
    + r"""
from portage_desktop.services import backups as backup_service
db = open_records()
chosen = sorted(p for p in backups.glob("*.db"))[0]
print("ready", flush=True)
backup_service.restore_backup(db, chosen, backups)
print("done", flush=True)
""",
    "import": _OPEN
    + r"""
import json
from portage_desktop.checklist_format import parse_json
from portage_desktop.services import frameworks
db = open_records()
print("ready", flush=True)
n = 0
while True:
    n += 1
    steps = [{"code": f"S{i}", "text": f"Small step {i}"} for i in range(40)]
    data = {
        "format": "portage-desktop-checklist", "name": "Crash Steps", "version": str(n),
        "source": "The crash harness", "licence": "Test only",
        "scale": [{"value": 1, "label": "Not yet", "meaning": "not_yet"},
                  {"value": 2, "label": "Achieved", "meaning": "achieved"}],
        "areas": [{"name": "Play", "items": steps[:20]}, {"name": "Talk", "items": steps[20:]}],
    }
    frameworks.import_framework(db, parse_json(json.dumps(data)))
    print(f"v{n}", flush=True)
""",
    "review": _OPEN
    + r"""
from dataclasses import replace
from datetime import date
from portage_desktop.services import reviews
from portage_desktop.services.reviews import Issue
db = open_records()
child = int(open(path.with_name("review-child")).read())
base = reviews.prepare_review(db, child, date(2026, 11, 2))
issues = (Issue("Sleep at night", "Key person"), Issue("Toileting", "Parent"))
print("ready", flush=True)
n = 0
while True:
    n += 1
    data = replace(base, held_on=date(2026, 11, 2), parents=f"Crash{n}", issues=issues)
    reviews.save_review(db, child, data)
    print(f"Crash{n}", flush=True)
""",
}


@dataclass
class KindResult:
    """What the kills of one kind did."""

    kind: str
    kills: int = 0
    committed: int = 0  # units of work the workers reported finished before being killed
    reopened: int = 0
    integrity_failures: int = 0
    lost: int = 0
    plain_copies: int = 0
    extra_backups: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    # Where each kill landed, seen from the files before reopening: proof the kills were spread.
    landed: Counter[str] = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return self.reopened == self.kills and not self.problems


def _children(path: Path, key: object) -> tuple[bool, set[str]]:
    from portage_desktop.data import cipher

    conn = cipher.connect(path, key, readonly=True)  # type: ignore[arg-type]
    try:
        intact = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = {f"{r[0]} {r[1]}" for r in conn.execute("SELECT first_name, last_name FROM child")}
    finally:
        conn.close()
    return intact, names


def _reopen(path: Path, backups: Path) -> tuple[object, set[str], bool]:
    """Open as the app does after a crash; return the key, the children and integrity."""
    from portage_desktop.data import file_lock
    from portage_desktop.startup import claim, file_state, open_and_migrate, unlock

    claim(path, backups)
    try:
        key = unlock(path, PASSPHRASE) if file_state(path) == "encrypted" else None
        open_and_migrate(path, backups, key).close()
        intact, names = _children(path, key)
    finally:
        file_lock.acquire(path).release()  # this one only: the caller may hold others
    return key, names, intact


def _run_worker(kind: str, path: Path, backups: Path, delay: float) -> list[str]:
    """Start the worker and kill it ``delay`` seconds after it is ready; return its output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKERS[kind], str(path), str(backups), PASSPHRASE],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert worker.stdout is not None
    if worker.stdout.readline().strip() != "ready":
        worker.kill()
        worker.wait()
        raise RuntimeError(f"the {kind} worker did not start")
    time.sleep(delay)
    worker.send_signal(signal.SIGKILL)
    out, _ = worker.communicate()
    return out.split()


def _time_alone(kind: str, path: Path, backups: Path) -> float:
    """Seconds from "ready" to "done" when the worker is not killed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    worker = subprocess.Popen(
        [sys.executable, "-c", WORKERS[kind], str(path), str(backups), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert worker.stdout is not None
    started = None
    for line in worker.stdout:
        if line.strip() == "ready":
            started = time.perf_counter()
        elif line.strip() == "done" and started is not None:
            took = time.perf_counter() - started
            worker.wait(timeout=300)
            return took
    worker.wait()
    raise RuntimeError(f"the {kind} worker did not finish when left alone")


def _plain_copies(folder: Path) -> int:
    from portage_desktop.data.file_kind import file_state

    return sum(
        1
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".db", ".encrypting") and file_state(p) == "plain"
    )


@dataclass
class _Kind:
    """How to set up, time and check one kind of kill."""

    fresh_each_time: bool
    prepare: Callable[[Path, Path], None]
    check: Callable[[KindResult, Path, Path, list[str], set[str]], None]
    max_delay: float | None = None  # None: measured from one run left alone


def _prepare_old(path: Path, _backups: Path) -> None:
    shutil.copy(FIXTURE, path)


def _prepare_migrated_plain(path: Path, backups: Path) -> None:
    from portage_desktop.startup import open_and_migrate

    shutil.copy(FIXTURE, path)
    open_and_migrate(path, backups).close()  # leaves a plain pre-upgrade backup, as in life


def _prepare_encrypted(path: Path, backups: Path) -> None:
    from portage_desktop.startup import make_demo, new_key

    make_demo(path, children=20, key=new_key(PASSPHRASE)).close()


def _check_migration(r: KindResult, path: Path, backups: Path, out: list[str], _k: set[str]):
    from portage_desktop.data import backup as backup_store

    made = [b for b in backup_store.list_backups(backups) if b.reason == "before-upgrade"]
    r.extra_backups += max(0, len(made) - 1)
    if not made:
        r.problems.append("no pre-upgrade backup was kept")


def _check_encryption(r: KindResult, path: Path, _b: Path, out: list[str], _k: set[str]):
    from portage_desktop.data.file_kind import file_state

    if "done" in out and file_state(path) != "encrypted":
        r.problems.append("encryption reported done but the file is plain")
    if file_state(path) == "encrypted":
        r.plain_copies += _plain_copies(path.parent)


def _check_backup(r: KindResult, path: Path, backups: Path, out: list[str], _k: set[str]):
    from portage_desktop.data import backup as backup_store
    from portage_desktop.data.errors import DatabaseError
    from portage_desktop.startup import unlock

    key = unlock(path, PASSPHRASE)
    leftover = [p.name for p in backups.iterdir() if not p.name.endswith(".db")]
    if leftover:
        r.problems.append(f"left beside the backups: {', '.join(leftover)}")
    for made in backups.glob("*.db"):
        try:
            backup_store.verify(made, key)
        except DatabaseError:
            r.integrity_failures += 1
    r.lost += sum(1 for name in out if name.endswith(".db") and not (backups / name).exists())


def _check_save(r: KindResult, _p: Path, _b: Path, out: list[str], names: set[str]):
    r.lost += sum(1 for n in out if n.startswith("Crash") and f"{n} Test" not in names)


def _rows(path: Path, sql: str) -> list[tuple]:
    from portage_desktop.data import cipher

    conn = cipher.connect(path, _key_for(path), readonly=True)  # type: ignore[arg-type]
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _check_startup(r: KindResult, _p: Path, _b: Path, _out: list[str], _k: set[str]):
    """Nothing beyond the common checks: it opened, intact, with every child."""


MARK = "Aisha Crashtest"  # added after the backup: present before a restore, gone after it


def _prepare_restore(path: Path, backups: Path) -> None:
    from portage_desktop.services import backups as backup_service
    from portage_desktop.services import staff
    from portage_desktop.services.staff import StaffInput
    from portage_desktop.services.vocabulary import StaffRole
    from portage_desktop.startup import make_demo, new_key

    db = make_demo(path, children=20, key=new_key(PASSPHRASE))
    backup_service.back_up(db, backups, keep=10)
    first, last = MARK.split()
    staff.save_staff(db, StaffInput(first, last, (StaffRole.PRACTITIONER,)))
    db.close()


def _staff(path: Path) -> set[str]:
    return {f"{a} {b}" for a, b in _rows(path, "SELECT first_name, last_name FROM staff_member")}


def _check_restore(r: KindResult, path: Path, backups: Path, out: list[str], _k: set[str]):
    from portage_desktop.data import backup as backup_store

    restored = MARK not in _staff(path)
    if "done" in out and not restored:
        r.problems.append("the restore reported done but the records are as they were")
    kept = [b for b in backup_store.list_backups(backups) if b.reason == "before-restore"]
    if restored and not kept:
        r.problems.append("restored, but the records as they were were not kept aside")


def _check_import(r: KindResult, path: Path, _b: Path, out: list[str], _k: set[str]):
    found = dict(
        _rows(
            path,
            "SELECT f.version, COUNT(i.id) FROM framework f LEFT JOIN framework_item i "
            "ON i.framework_id = f.id WHERE f.name = 'Crash Steps' GROUP BY f.id",
        )
    )
    r.lost += sum(1 for v in out if v.startswith("v") and v[1:] not in found)
    partial = [v for v, items in found.items() if items != 40]
    if partial:
        r.problems.append(f"checklists without all their small steps: {partial}")


def _prepare_review(path: Path, backups: Path) -> None:
    _prepare_encrypted(path, backups)
    child = _rows(path, "SELECT child_id FROM activity_plan GROUP BY child_id ORDER BY child_id")
    path.with_name("review-child").write_text(str(child[0][0]))


def _check_review(r: KindResult, path: Path, _b: Path, out: list[str], _k: set[str]):
    child = int(path.with_name("review-child").read_text())
    saved = _rows(
        path,
        "SELECT r.parents, (SELECT COUNT(*) FROM review_plan p WHERE p.review_id = r.id), "
        "(SELECT COUNT(*) FROM review_issue i WHERE i.review_id = r.id) FROM review r "
        f"WHERE r.child_id = {child} AND r.parents LIKE 'Crash%'",
    )
    by_parents = {parents: (plans, issues) for parents, plans, issues in saved}
    r.lost += sum(1 for n in out if n.startswith("Crash") and n not in by_parents)
    broken = [p for p, (plans, issues) in by_parents.items() if plans == 0 or issues != 2]
    if broken:
        r.problems.append(f"reviews without all their rows: {broken[:3]}")


KIND_SETUP = {
    "save": _Kind(False, _prepare_encrypted, _check_save, max_delay=0.25),
    "migration": _Kind(True, _prepare_old, _check_migration),
    "encryption": _Kind(True, _prepare_migrated_plain, _check_encryption),
    "backup": _Kind(False, _prepare_encrypted, _check_backup, max_delay=0.5),
    "startup": _Kind(False, _prepare_encrypted, _check_startup, max_delay=1.5),
    "restore": _Kind(True, _prepare_restore, _check_restore),
    "import": _Kind(False, _prepare_encrypted, _check_import, max_delay=0.5),
    "review": _Kind(False, _prepare_review, _check_review, max_delay=0.5),
}


def run_kind(kind: str, kills: int, seed: int = 1, folder: Path | None = None) -> KindResult:
    """Kill a ``kind`` worker ``kills`` times, reopening and checking after each."""
    setup = KIND_SETUP[kind]
    rng = random.Random(f"{seed}-{kind}")
    result = KindResult(kind)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"crash-{kind}-") as scratch:
        base = folder or Path(scratch)
        template = base / "template"
        template.mkdir(parents=True, exist_ok=True)
        setup.prepare(template / "portage.db", template / "backups")
        expected = _children(template / "portage.db", _key_for(template / "portage.db"))[1]
        work = base / "work"
        max_delay = setup.max_delay
        if max_delay is None:  # time the work left alone, on a copy
            _fresh(template, work)
            max_delay = _time_alone(kind, work / "portage.db", work / "backups") * 1.1
        _fresh(template, work)
        for _ in range(kills):
            if setup.fresh_each_time:
                _fresh(template, work)
            path, backups = work / "portage.db", work / "backups"
            out = _run_worker(kind, path, backups, rng.uniform(0.0, max_delay))
            result.kills += 1
            result.committed += len(out)
            result.landed[_landed(kind, path, backups)] += 1
            try:
                _key, names, intact = _reopen(path, backups)
            except Exception as exc:  # counted and described, not raised
                result.problems.append(f"did not reopen: {exc}")
                continue
            result.reopened += 1
            result.integrity_failures += 0 if intact else 1
            result.lost += len(expected - names)
            setup.check(result, path, backups, out, names)
    result.seconds = time.perf_counter() - started
    return result


def _landed(kind: str, path: Path, backups: Path) -> str:
    """Which stage the kill interrupted, judged from the files it left."""
    from portage_desktop.data.file_kind import file_state

    partial = backups.is_dir() and any(".partial" in p.name for p in backups.iterdir())
    if kind == "migration":
        if not any(backups.glob("*.db")):
            return "while backing up" if partial else "before the backup"
        conn = sqlite3.connect(path)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        finally:
            conn.close()
        return "after migrating" if revision != "0001" else "while migrating"
    if kind == "encryption":
        if file_state(path) == "encrypted":
            plain_backups = _plain_copies(backups) if backups.is_dir() else 0
            return "encrypting backups" if plain_backups else "after encrypting"
        temp = path.with_name(path.name + ".encrypting")
        return "while encrypting" if temp.exists() else "before encrypting"
    if kind == "backup":
        return "while backing up" if partial else "between backups"
    if kind == "startup":
        return "while starting"
    if kind == "restore":
        try:
            return "before replacing" if MARK in _staff(path) else "after replacing"
        except Exception:
            return "while replacing"
    if kind == "import":
        return "while importing"
    return "while saving"


def _key_for(path: Path) -> object:
    from portage_desktop.startup import file_state, unlock

    return unlock(path, PASSPHRASE) if file_state(path) == "encrypted" else None


def _fresh(template: Path, work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, work)
    for lock in work.glob("*.lock"):
        lock.unlink()


def table(results: list[KindResult]) -> str:
    """The results as a Markdown table, ready for the README."""
    lines = [
        "| Killed during | Kills | Where the kills landed | Opened afterwards "
        "| Integrity failures | Records lost | Plain copies left | Extra backups |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        landed = ", ".join(f"{stage} {n}" for stage, n in sorted(r.landed.items()))
        lines.append(
            f"| {r.kind} | {r.kills} | {landed} | {r.reopened} | {r.integrity_failures} "
            f"| {r.lost} | {r.plain_copies} | {r.extra_backups} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # taking over a killed worker's lock is expected
    results = []
    for kind in args.kinds:
        result = run_kind(kind, args.kills, args.seed)
        print(f"{kind}: {result.kills} kills in {result.seconds:.0f} s", flush=True)
        for problem in result.problems[:5]:
            print(f"  {problem}", flush=True)
        results.append(result)
    print(table(results))
    clean = all(r.ok and r.lost == r.integrity_failures == r.plain_copies == 0 for r in results)
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())

"""The large synthetic site the benchmarks run on: built fresh, or an earlier one reused.

The site is an encrypted demo database written by the app's own generator, so it holds what a
real large setting would: 1,000 children, 60 staff and five years of history at full scale.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Only made-up people live in the site, so its passphrase can be public, like the demo's.
PASSPHRASE = "portage benchmark"

# The tables worth counting in the report, with what they hold.
COUNTED = {
    "child": "children",
    "staff_member": "staff",
    "activity_plan": "plans",
    "activity_record": "activity records",
    "review": "reviews",
    "assessment_entry": "checklist item results",
    "observation": "observations",
}


@dataclass(frozen=True)
class Site:
    path: Path
    key: Any  # KeyMaterial
    build_seconds: float | None  # None for a site built elsewhere and reused
    generator: str
    counts: dict[str, int]
    reused: bool = False

    def open(self):
        from portage_desktop.startup import open_and_migrate

        return open_and_migrate(self.path, None, self.key)


def _generator() -> tuple[str, Callable[..., Any]]:
    """The large-site generator, or the ordinary demo at the same number of children where
    the large one is not available in this version."""
    from portage_desktop import startup

    large = getattr(startup, "make_large_demo", None)
    if large is not None:
        return "make_large_demo", large

    def stand_in(path: Path, seed: int, key: Any, scale: float) -> Any:
        return startup.make_demo(path, children=max(3, round(1000 * scale)), seed=seed, key=key)

    return "make_demo (stand-in)", stand_in


def count_rows(path: Path, key: Any) -> dict[str, int]:
    """How much the site holds, counted straight from the file."""
    from portage_desktop.data import cipher

    conn = cipher.connect(path, key, readonly=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        return {
            label: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table, label in COUNTED.items()
            if table in tables
        }
    finally:
        conn.close()


def count_rows_in(db: Any) -> dict[str, int]:
    """How much the site holds, counted through the app's connection (a file or a server)."""
    with db.engine.connect() as conn:
        return {
            label: conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar_one()
            for table, label in COUNTED.items()
        }


def _notes(path: Path) -> Path:
    """Beside the site: how it was built and how long that took, for when it is reused."""
    return path.with_name(path.name + ".build.json")


def prepare(path: Path, reuse: bool, scale: float = 1.0, seed: int = 1) -> Site:
    """Reuse the site at ``path`` if asked and it exists at the same scale and seed; otherwise
    build it there. A reused site reports the build time measured when it was built."""
    from portage_desktop.startup import new_key, unlock

    os.environ["PORTAGE_DESKTOP_PASSPHRASE"] = PASSPHRASE
    name, generate = _generator()
    notes = json.loads(_notes(path).read_text()) if _notes(path).exists() else {}
    same = notes.get("scale") == scale and notes.get("seed") == seed
    if reuse and path.exists() and (same or not notes):
        key = unlock(path, PASSPHRASE)
        generator = notes.get("generator", name)
        site = Site(path, key, notes.get("seconds"), generator, count_rows(path, key), True)
        site.open().dispose()  # migrates an older site to the current schema, once
        return site
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = new_key(PASSPHRASE)
    started = time.perf_counter()
    db = generate(path, seed=seed, key=key, scale=scale)
    build = time.perf_counter() - started
    db.dispose()
    _notes(path).write_text(
        json.dumps({"seconds": round(build, 2), "generator": name, "scale": scale, "seed": seed})
    )
    return Site(path, key, build, name, count_rows(path, key))

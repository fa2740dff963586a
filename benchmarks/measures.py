"""What a benchmark result is, how samples are taken, and how results are written out.

Every measure has a target and passes only when its *worst* run meets it, so one slow run on a
busy machine shows up rather than being averaged away.
"""

from __future__ import annotations

import gc
import json
import platform
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Target:
    """One measure's label as the table shows it, its unit and the most it may be."""

    label: str
    unit: str  # "ms", "s", "MB" or "x" (a ratio)
    limit: float


# The order here is the order of the table. Keys are stable: scripts read the JSON by them.
TARGETS: dict[str, Target] = {
    "site_build": Target("Build the large site (generator call)", "s", 120),
    "cold_start_ratio": Target(
        "Cold start to first paint, ratio to a bare PySide6 window", "x", 1.5
    ),
    # Judged at the moment the issue names: the Dashboard's records painted, not the frame.
    # Within 5 times a bare window's first paint, or 6 times on three times the site or more.
    "records_shown_ratio": Target(
        "Records on screen after the start, ratio to a bare window's first paint", "x", 5
    ),
    "child_record": Target("Open the record of the child with the most history", "ms", 100),
    "child_record_tab": Target("Show a tab of that record the first time (slowest tab)", "ms", 100),
    "dashboard": Target("Dashboard: counts, reviews due, transitions, criteria", "ms", 150),
    "filter_keystroke": Target("Filter the children list, per keystroke", "ms", 50),
    "week_grid_save": Target("Save a week in the week grid", "ms", 50),
    "profile_pdf": Target("One-page profile PDF", "ms", 300),
    "activity_chart_pdf": Target("Activity chart PDF", "ms", 300),
    "application_pack_pdf": Target("Application pack PDF, whole site", "ms", 3000),
    "stamp_check": Target("Stamp of Approval criteria check, whole site", "ms", 500),
    "peak_memory": Target("Peak memory with the site open", "MB", 300),
    "gui_blocked": Target("Longest GUI block while the pack is built from the GUI", "ms", 100),
}


@dataclass
class Result:
    """Median and worst of the runs of one measure, with anything worth reading beside it."""

    key: str
    median: float
    worst: float
    runs: int
    details: dict[str, Any] = field(default_factory=dict)
    limit: float | None = None  # in place of the target's own, where it depends on the site

    @property
    def target(self) -> Target:
        found = TARGETS[self.key]
        return found if self.limit is None else replace(found, limit=self.limit)

    @property
    def met(self) -> bool:
        return self.worst <= self.target.limit

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.target.label,
            "unit": self.target.unit,
            "median": round(self.median, 3),
            "worst": round(self.worst, 3),
            "target": self.target.limit,
            "met": self.met,
            "runs": self.runs,
            "details": self.details,
        }


def summarise(key: str, samples: Iterable[float], **details: Any) -> Result:
    values = list(samples)
    return Result(key, statistics.median(values), max(values), len(values), dict(details))


def time_ms(action: Callable[[], object], runs: int, warm_up: bool = True) -> list[float]:
    """Run ``action`` ``runs`` times (after one warm-up) and return each run in milliseconds.

    Garbage is collected before each run, as ``timeit`` does, so a pause left over from one
    sample is not charged to the next.
    """
    if warm_up:
        action()
    samples = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def machine() -> dict[str, Any]:
    """What the numbers were measured on, for the JSON file and the README."""
    import os

    from PySide6 import __version__ as pyside

    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "python": platform.python_version(),
        "pyside6": pyside,
        "platform": platform.platform(terse=True),
        "processor": model,
        "cores": os.cpu_count(),
    }


def _number(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}"
    if unit in ("s", "MB"):
        return f"{value:.1f}"
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def table(results: list[Result]) -> str:
    """The results as a Markdown table, in the order of :data:`TARGETS`."""
    lines = [
        "| measure | median | worst | target | met |",
        "|---|---:|---:|---:|:---:|",
    ]
    for r in sorted(results, key=lambda r: list(TARGETS).index(r.key)):
        unit = r.target.unit
        suffix = "" if unit == "x" else f" {unit}"
        target = f"≤ {_number(r.target.limit, unit)}{suffix}"
        lines.append(
            f"| {r.target.label} | {_number(r.median, unit)}{suffix} | "
            f"{_number(r.worst, unit)}{suffix} | {target} | {'yes' if r.met else 'NO'} |"
        )
    return "\n".join(lines)


def write_json(path: Path, results: list[Result], context: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        **context,
        "machine": machine(),
        "measures": [r.as_json() for r in results],
    }
    path.write_text(json.dumps(document, indent=2, default=str) + "\n")


__all__ = ["TARGETS", "Result", "Target", "asdict", "summarise", "table", "time_ms", "write_json"]

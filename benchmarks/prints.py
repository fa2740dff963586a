"""Printed records through the app (data gathered, checked, laid out, audited) against the same
content laid out with bare ReportLab, plus the Stamp of Approval criteria check on its own."""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks import bare_reportlab
from benchmarks.measures import Result, summarise, time_ms

# Which report builder each print kind hands its plain data to, and the bare builder for it.
_BUILDERS = {
    "one-page-profile": ("one_page_profile", "build_one_page_profile", bare_reportlab.profile),
    "activity-chart": ("plan_sheets", "build_activity_chart", bare_reportlab.activity_chart),
    "application-pack": (
        "application_pack",
        "build_application_pack",
        bare_reportlab.application_pack,
    ),
}
_KEYS = {
    "one-page-profile": "profile_pdf",
    "activity-chart": "activity_chart_pdf",
    "application-pack": "application_pack_pdf",
}


def _captured(kind: str, action: Callable[[], object]) -> tuple[str, Any]:
    """Run ``action`` once and keep what the app handed its report builder: (setting, data)."""
    import importlib

    module_name, function, _bare = _BUILDERS[kind]
    module = importlib.import_module(f"portage_desktop.reports.{module_name}")
    real = getattr(module, function)
    seen: list[tuple[str, Any]] = []

    def spy(meta, data, out=None):
        seen.append((meta.setting_name, data))
        return real(meta, data, out)

    setattr(module, function, spy)
    try:
        action()
    finally:
        setattr(module, function, real)
    return seen[0]


def _pdf(db: Any, kind: str, child: int | None, plan: int | None, runs: int, out: Path) -> Result:
    from portage_desktop.printing.kinds import print_record

    def app_print() -> None:
        print_record(db, kind, child, out, plan=plan)

    setting, data = _captured(kind, app_print)
    bare = _BUILDERS[kind][2]
    app_samples = time_ms(app_print, runs)
    bare_samples = time_ms(lambda: bare(setting, data), runs)
    ratio = statistics.median(app_samples) / statistics.median(bare_samples)
    return summarise(
        _KEYS[kind],
        app_samples,
        bare_reportlab_median_ms=round(statistics.median(bare_samples), 1),
        ratio_to_bare_reportlab=round(ratio, 2),
        pages=out.read_bytes().count(b"/Type /Page\n") or None,
    )


def measure(db: Any, who: Any, runs: int) -> list[Result]:
    """The profile of the child with the most history, the home chart of the busiest plan, the
    application pack, and the criteria check."""
    from portage_desktop.services.stamp_check import check_stamp

    with tempfile.TemporaryDirectory(prefix="portage-prints-") as scratch:
        folder = Path(scratch)
        results = [
            _pdf(db, "one-page-profile", who.child_id, None, runs, folder / "profile.pdf"),
            _pdf(db, "activity-chart", who.plan_child_id, who.plan_id, runs, folder / "chart.pdf"),
            _pdf(db, "application-pack", None, None, runs, folder / "pack.pdf"),
        ]
    today = date.today()
    results.append(summarise("stamp_check", time_ms(lambda: check_stamp(db, today), runs)))
    return results

"""The normal-use session runs end to end on a tiny site and says where the window froze
longest (timings belong to the benchmark run itself, never to a test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_session_walks_every_step_and_names_the_longest_freeze(tmp_path):
    out = tmp_path / "use.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.normal_use", "--scale", "0.02", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    assert result["steps"] > 60  # areas, five children's tabs, the wizard, a week, a print
    assert result["ticks"] > 100
    assert result["longest_ms"] > 0 and result["where"]
    assert "frozen at most" in done.stdout

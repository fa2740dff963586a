"""The service benchmark runs end to end on a tiny service and reports every measure.

Timings are not checked here (they belong to ``benchmarks/service.py`` at full size)."""

from __future__ import annotations

import json

from benchmarks.service import SERVICE_TARGETS, main


def test_the_service_benchmark_reports_every_measure(home, tmp_path, capsys):
    out = tmp_path / "service.json"
    assert main(["--scale", "0.01", "--runs", "1", "--out", str(out)]) == 0
    document = json.loads(out.read_text())
    assert [m["key"] for m in document["measures"]] == list(SERVICE_TARGETS)
    assert all(m["worst"] > 0 for m in document["measures"])
    assert document["site"]["counts"]["child"] == 40
    assert "The service dashboard's warnings" in capsys.readouterr().out

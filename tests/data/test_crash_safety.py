"""A short run of the crash harness (the benchmark suite runs 200 kills)."""

from __future__ import annotations

import pytest

from benchmarks.crash_harness import run_trials

# The crash harness kills a process writing to a file.
pytestmark = pytest.mark.sqlite_only


def test_killing_the_app_mid_save_never_loses_a_committed_record(tmp_path):
    result = run_trials(trials=6, seed=7, folder=tmp_path)
    assert result.committed > 0, "the worker never got to save: the test would prove nothing"
    assert result.integrity_failures == 0
    assert result.lost == 0

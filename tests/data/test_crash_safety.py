"""A short run of the crash harnesses (the benchmarks run 200 kills of each kind).

Each kill is a real SIGKILL of a worker process, and each reopening goes through the app's own
start-up path (lock, tidy-up, passphrase, migration).
"""

from __future__ import annotations

import pytest

from benchmarks.crash_harness import run_trials
from benchmarks.crash_kills import run_kind

# The crash harness kills a process writing to a file.
pytestmark = pytest.mark.sqlite_only


def test_killing_the_app_mid_save_never_loses_a_committed_record(tmp_path):
    result = run_trials(trials=6, seed=7, folder=tmp_path)
    assert result.committed > 0, "the worker never got to save: the test would prove nothing"
    assert result.integrity_failures == 0
    assert result.lost == 0


@pytest.mark.parametrize(
    "kind", ["migration", "encryption", "backup", "startup", "restore", "import", "review"]
)
def test_a_kill_at_any_moment_leaves_records_that_open(kind, tmp_path):
    result = run_kind(kind, kills=3, seed=11, folder=tmp_path)
    if kind in ("startup", "import", "review"):  # loops: some work finished before the kills
        assert result.committed > 0, "nothing finished: the check would prove nothing"
    assert result.problems == []
    assert result.reopened == result.kills == 3
    assert result.integrity_failures == 0
    assert result.lost == 0
    assert result.plain_copies == 0

"""Shared fixtures: every test gets its own home folder and database; nothing touches real data."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest

from portage_desktop.data.cipher import derive
from portage_desktop.data.engine import Database
from portage_desktop.paths import HOME_ENV, AppPaths, app_paths
from portage_desktop.startup import make_demo, open_and_migrate

TODAY = date(2026, 11, 22)
TEST_PASSPHRASE = "test passphrase 123"
# Derived once for the whole run (argon2id is deliberately slow); a fixed salt is fine in tests.
TEST_KEY = derive(TEST_PASSPHRASE, b"portage-tests-16")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    # Command-line tests make demos and then read them, as a script would, through the
    # environment; a test about a missing passphrase removes it again.
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSPHRASE", "portage demo")
    monkeypatch.delenv("PORTAGE_DESKTOP_DATABASE", raising=False)
    return app_paths().ensure()


@pytest.fixture
def db(home: AppPaths):
    database = open_and_migrate(home.default_database, home.backup_dir, TEST_KEY)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(home: AppPaths):
    database = make_demo(home.data_dir / "demo.db", children=12, seed=3, key=TEST_KEY)
    yield database
    database.dispose()


def another_connection(database: Database) -> Database:
    """A second, independent connection to the same records, as a second copy of the app."""
    assert database.path is not None
    return open_and_migrate(database.path, None, database.key)


def reopen(database: Database) -> Database:
    """A fresh connection to the same file, as after restarting the app."""
    assert database.path is not None
    database.dispose()
    return open_and_migrate(database.path, None, database.key)

"""Shared fixtures: every test gets its own home folder and database; nothing touches real data.

The data and services tests run on both engines: an encrypted SQLite file, and, when
``PORTAGE_TEST_POSTGRES_URL`` names a PostgreSQL server (``./dev.sh test`` starts a throwaway
one), a fresh database on that server cloned from a migrated template. Their ids say which:
``[sqlite]`` or ``[postgresql]``. Tests about files (encryption, backups, raw bytes, crash
recovery) are marked ``sqlite_only``.
"""

from __future__ import annotations

import itertools
import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest

from portage_desktop.data.cipher import derive
from portage_desktop.data.engine import Database
from portage_desktop.database_url import ServerAddress, parse
from portage_desktop.paths import HOME_ENV, AppPaths, app_paths
from portage_desktop.startup import make_demo, open_and_migrate, open_server_and_migrate

_EXIT_STATUS = pytest.StashKey[int]()
TODAY = date(2026, 11, 22)
TEST_PASSPHRASE = "test passphrase 123"
# Derived once for the whole run (argon2id is deliberately slow); a fixed salt is fine in tests.
TEST_KEY = derive(TEST_PASSPHRASE, b"portage-tests-16")

POSTGRES_URL_ENV = "PORTAGE_TEST_POSTGRES_URL"
POSTGRES_URL = os.environ.get(POSTGRES_URL_ENV, "").strip()
ENGINES = ("sqlite", "postgresql") if POSTGRES_URL else ("sqlite",)
# Only these folders run on both engines; the UI tests drive the same services on SQLite.
BOTH_ENGINES_UNDER = ("tests/data/", "tests/services/")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about files (encryption, backups, raw bytes); SQLite only"
    )
    config.addinivalue_line("markers", "server_only: about a shared server; PostgreSQL only")
    if os.environ.get("CI") == "true" and not POSTGRES_URL:
        raise pytest.UsageError(
            f"CI must test PostgreSQL too, but {POSTGRES_URL_ENV} is not set "
            "(run the tests with ./dev.sh test, which starts a server)."
        )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without Python's final teardown of every object, keeping the status the tests
    earned. Qt for Python 6.12 can abort while the interpreter releases its last widgets and
    slots at exit ("bool_dealloc"), after every test has run and been reported; a run that
    passed must not turn red for that. (The app itself closes its window and its records
    before it exits, which the smoke test checks.)"""
    status = config.stash.get(_EXIT_STATUS, None)
    if status is None:
        return
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item):  # a hook wrapper
    """The bundled fallback fonts are offered before the first screen of the run is drawn,
    as the app offers them at start-up: Qt settles which fonts stand in for a script the
    first time it draws that script, so a test that drew Chinese before they were added would
    leave every later test with boxes. After the fixtures, so pytest-qt's application exists."""
    yield
    if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
        from portage_desktop.ui.common.fonts import install_fallback_fonts

        install_fallback_fonts()


def pytest_report_header(config: pytest.Config) -> str:
    if POSTGRES_URL:
        return f"database engines: sqlite, postgresql ({parse(POSTGRES_URL).display})"
    return f"database engines: sqlite only ({POSTGRES_URL_ENV} is not set)"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_name" not in metafunc.fixturenames:
        return
    where = Path(metafunc.definition.path).as_posix()
    if not any(part in where for part in BOTH_ENGINES_UNDER):
        return
    engines: tuple[str, ...] = ENGINES
    if metafunc.definition.get_closest_marker("sqlite_only"):
        engines = ("sqlite",)
    elif metafunc.definition.get_closest_marker("server_only"):
        engines = tuple(e for e in ENGINES if e == "postgresql")
    metafunc.parametrize("engine_name", engines, indirect=True, ids=engines)


@pytest.fixture
def engine_name(request: pytest.FixtureRequest) -> str:
    """Which engine this test's databases use: "sqlite" unless parametrized."""
    return getattr(request, "param", "sqlite")


class PostgresForTests:
    """Fresh databases on a test server in about 0.1 s each: migrated once into a template,
    then ``CREATE DATABASE ... TEMPLATE`` per test, dropped afterwards."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        from portage_desktop.data.engine import server_url

        self.address = parse(url)
        self.admin = create_engine(server_url(self.address), isolation_level="AUTOCOMMIT")
        self.prefix = f"portage_test_{os.getpid()}"
        self.templates: dict[str, str] = {}
        self.counter = itertools.count(1)

    def _sql(self, statement: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(statement)

    def at(self, name: str) -> ServerAddress:
        return replace(self.address, database=name)

    def _template(self, kind: str) -> str:
        if kind not in self.templates:
            name = f"{self.prefix}_{kind}"
            self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._sql(f'CREATE DATABASE "{name}"')
            database = open_server_and_migrate(self.at(name))
            if kind == "demo":
                from portage_desktop.demo import small as demo

                demo.populate(database, children=12, seed=3)
            database.dispose()
            self.templates[kind] = name
        return self.templates[kind]

    def fresh(self, kind: str = "empty") -> ServerAddress:
        """A new database: "blank" (nothing in it, as an IT person hands it over), or a copy
        of the "empty" (migrated) or "demo" template."""
        name = f"{self.prefix}_{next(self.counter)}"
        if kind == "blank":
            self._sql(f'CREATE DATABASE "{name}"')
        else:
            template = self._template(kind)
            self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.at(name)

    def drop(self, address: ServerAddress) -> None:
        self._sql(f'DROP DATABASE IF EXISTS "{address.database}" WITH (FORCE)')

    def close(self) -> None:
        for name in self.templates.values():
            self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> PostgresForTests:
    if not POSTGRES_URL:
        pytest.skip(f"{POSTGRES_URL_ENV} is not set")
    server = PostgresForTests(POSTGRES_URL)
    yield server
    server.close()


def _server_database(request: pytest.FixtureRequest, kind: str) -> Database:
    """A fresh server database, used by a manager called "owner".

    A server always has named accounts, so nobody is the single-user owner there; acting as a
    manager with that name keeps the same assertions true on both engines. Tests about
    accounts on a server create real ones.
    """
    from portage_desktop.services.access import OWNER, set_actor

    server: PostgresForTests = request.getfixturevalue("postgres")
    address = server.fresh(kind)
    database = open_server_and_migrate(address)
    set_actor(database, OWNER)
    request.addfinalizer(lambda: server.drop(address))
    return database


@pytest.fixture
def server_db(request: pytest.FixtureRequest, home: AppPaths):
    """A fresh server database as a new site gets it (set up, no accounts, nobody logged in);
    skipped without a test server. For screens and commands that behave differently there."""
    server: PostgresForTests = request.getfixturevalue("postgres")
    address = server.fresh("empty")
    database = open_server_and_migrate(address)
    yield database
    database.dispose()
    server.drop(address)


ROLE_PASSWORD = "the right one"


@pytest.fixture
def password_role(postgres: PostgresForTests):
    """A server account that must give a password (``ROLE_PASSWORD``), owning a new, blank
    database: the address has no password in it. Skipped on a server that trusts everyone."""
    name = f"{postgres.prefix}_pw"
    postgres._sql(f"DROP ROLE IF EXISTS {name}")
    postgres._sql(f"CREATE ROLE {name} LOGIN PASSWORD '{ROLE_PASSWORD}'")
    blank = postgres.fresh("blank")
    postgres._sql(f'ALTER DATABASE "{blank.database}" OWNER TO {name}')
    address = replace(blank, user=name, password="")
    from portage_desktop.data.engine import DatabaseError, open_server

    try:
        open_server(address.with_password("surely not this")).dispose()
    except DatabaseError:
        yield address
    else:
        pytest.skip("the test server lets anyone in without a password")
    finally:
        postgres.drop(blank)
        postgres._sql(f"DROP ROLE IF EXISTS {name}")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    # Command-line tests make demos and then read them, as a script would, through the
    # environment; a test about a missing passphrase removes it again.
    monkeypatch.setenv("PORTAGE_DESKTOP_PASSPHRASE", "portage demo")
    monkeypatch.delenv("PORTAGE_DESKTOP_DATABASE", raising=False)
    monkeypatch.delenv("PORTAGE_DESKTOP_DATABASE_URL", raising=False)
    return app_paths().ensure()


def _finish_background_work() -> None:
    """Screens work some things out on worker threads (the Stamp check, the daily backup):
    let them end before their database closes, so none spills into the next test."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        qtcore.QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def db(home: AppPaths, engine_name: str, request: pytest.FixtureRequest):
    if engine_name == "postgresql":
        database = _server_database(request, "empty")
    else:
        database = open_and_migrate(home.default_database, home.backup_dir, TEST_KEY)
    yield database
    _finish_background_work()
    database.dispose()


@pytest.fixture
def demo_db(home: AppPaths, engine_name: str, request: pytest.FixtureRequest):
    if engine_name == "postgresql":
        database = _server_database(request, "demo")
    else:
        database = make_demo(home.data_dir / "demo.db", children=12, seed=3, key=TEST_KEY)
    yield database
    _finish_background_work()
    database.dispose()


def reopen(database: Database) -> Database:
    """A fresh connection to the same database, as after restarting the app."""
    database.dispose()
    if database.server is not None:
        return open_server_and_migrate(database.server)
    assert database.path is not None
    return open_and_migrate(database.path, None, database.key)


def another_connection(database: Database) -> Database:
    """A second, independent ``Database`` on the same file or server, as a second copy of the
    app would open it; the same person is using it (the actor is copied), so both may edit.

    The caller disposes it. ``database`` stays open and usable.
    """
    if database.server is not None:
        other = open_server_and_migrate(database.server)
    else:
        assert database.path is not None
        other = open_and_migrate(database.path, None, database.key)
    other.actor = database.actor
    other.multi_user = database.multi_user
    return other


@pytest.fixture(autouse=True)
def _umask_as_it_was():
    """The command line makes the process's files private (umask 077) as a real start does;
    a test that runs it in-process must not change what later tests create."""
    mask = os.umask(0o022)
    os.umask(mask)
    yield
    os.umask(mask)

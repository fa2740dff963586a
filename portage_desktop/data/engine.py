"""Builds the database engine in one place.

A file (SQLite, usually encrypted with SQLCipher) is the default: every connection gets the same
pragmas (foreign keys, WAL, full sync). A shared PostgreSQL server, for a team working on several
computers, opens through :func:`open_server` into the same :class:`Database`, so services never
notice which one they use.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import QueuePool
from sqlmodel import Session

from portage_desktop.data import change_feed, cipher
from portage_desktop.data.cipher import KeyMaterial, quick_check
from portage_desktop.data.errors import (
    DatabaseError,
    RecordChanged,
    ServerPasswordNeeded,
    ServerRefused,
    ServerUnavailable,
    WrongPassphrase,
)
from portage_desktop.database_url import ServerAddress
from portage_desktop.i18n import tr

__all__ = [
    "Database",
    "DatabaseError",
    "DbSession",
    "ServerPasswordNeeded",
    "WrongPassphrase",
    "open_database",
    "open_server",
    "quick_check",
]

log = logging.getLogger(__name__)

# The session type services pass around, so they need not import the ORM themselves.
DbSession = Session


class WritesPaused(DatabaseError):
    """Nothing is written while the file is known to be damaged: the message says what to do."""


def _writes(session: Session) -> bool:
    return bool(
        session.new or session.dirty or session.deleted or session.info.get(change_feed.KEY)
    )


class Database:
    """An open database: the engine plus a factory of short, one-action sessions."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None,
        key: KeyMaterial | None = None,
        server: ServerAddress | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        self.key = key
        # A shared server (``path`` is None then); its password stays in memory only.
        self.server = server
        # Where this file's backups go (set by start-up), so encrypting it can reach the
        # plain copies made before.
        self.backup_dir: Path | None = None
        # Who is using this database now, and whether it has named accounts; both are set
        # and read by ``services.access`` and ``services.users`` only.
        self.actor: object | None = None
        self.multi_user = False
        # The username whose own server login this is (see ``server_access.own_login``):
        # the server checks their password and enforces their role. None otherwise.
        self.own_login: str | None = None
        # Told after each commit which tables it wrote (see ``change_feed``), with a running
        # count of such commits, so a screen can tell an old notice from a new one.
        self.change_listeners: list[Callable[[int, frozenset[str]], None]] = []
        self.commits_with_changes = 0
        # Set when the file failed its integrity check after opening: why, in words. Reading
        # goes on; nothing more is written into a damaged file.
        self.writes_paused: str | None = None
        # Opened without reading the whole file first (it was closed cleanly): start-up checks
        # it in the background once the records are on screen.
        self.check_after_opening = False
        # Background work's own engine on a file (see _engine_here): (the engine it is the
        # twin of, the twin), made on first use.
        self._twin: tuple[Engine, Engine] | None = None
        self._twin_lock = threading.Lock()

    def _engine_here(self) -> Engine:
        """The engine for this thread: the GUI's own on the main thread, and on a file, a twin
        for background work (the Stamp check, backups, prints).

        Each keeps one warm connection, so each keeps its own decrypted pages: sharing one,
        the Dashboard's refresh pushed the check's pages out, and on three times the site the
        check then took 105 ms instead of 75. Two connections were pooled before too, so
        memory is the same.
        """
        if threading.current_thread() is threading.main_thread():
            return self.engine
        make = _TWINS.get(self.engine)
        if make is None:  # a server, or an engine made for one job (a migration)
            return self.engine
        with self._twin_lock:
            if self._twin is None or self._twin[0] is not self.engine:
                if self._twin is not None:  # the main engine was replaced (a new key)
                    self._twin[1].dispose()
                self._twin = (self.engine, make())
            return self._twin[1]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short session per user action: commit on success, roll back on any error."""
        with Session(self._engine_here(), expire_on_commit=False) as session:
            try:
                yield session
                if self.writes_paused is not None and _writes(session):
                    raise WritesPaused(self.writes_paused)
                session.commit()
            except StaleDataError as exc:
                # An UPDATE guarded by ``row_version`` matched nothing: a newer save won.
                session.rollback()
                raise RecordChanged("record", None) from exc
            except OperationalError as exc:
                with suppress(Exception):  # the connection may be gone already
                    session.rollback()
                if self.server is None:
                    raise
                raise ServerUnavailable(
                    tr(
                        "The shared server did not answer, or the connection to it was lost, so "
                        "this was not done. Please check the network and try again."
                    )
                ) from exc
            except DBAPIError as exc:
                session.rollback()
                # 42501: a privilege or a row-level security policy of the server said no.
                if self.server is not None and getattr(exc.orig, "sqlstate", "") == "42501":
                    raise ServerRefused() from exc
                raise
            except BaseException:
                session.rollback()
                raise
        self._announce(change_feed.written(session))

    def _announce(self, tables: frozenset[str]) -> None:
        """Tell the listeners what a commit wrote; a listener's fault never undoes a save."""
        if not tables:
            return
        self.commits_with_changes += 1
        for listener in list(self.change_listeners):
            try:
                listener(self.commits_with_changes, tables)
            except Exception:  # the save is done; the screens catch up on the next change
                log.exception("A change listener failed")

    def dispose(self) -> None:
        with self._twin_lock:
            if self._twin is not None:
                self._twin[1].dispose()
                self._twin = None
        self.engine.dispose()

    def close(self) -> None:
        """Finish with the database: fold the write-ahead log into the file, then let go.

        Without the checkpoint a file copied after quitting could be a few kilobytes beside a
        large ``-wal`` holding the records; TRUNCATE leaves everything in the main file.
        """
        if self.path is not None:
            with suppress(Exception), self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.dispose()

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def on_server(self) -> bool:
        """True for a shared PostgreSQL server: file features (backups, passphrase) do not apply."""
        return self.server is not None

    @property
    def display_name(self) -> str:
        """Where the records are, for titles and messages; never includes a password."""
        if self.server is not None:
            return tr("PostgreSQL server {display}").format(display=self.server.display)
        return str(self.path)


# Decrypted pages each connection keeps, in KiB (see below).
CACHE_KB = 16_000
# Connections each engine keeps open between actions: a file has two engines, the GUI's and
# background work's (see Database._engine_here); more connections are opened when several
# threads read at once and closed when done, so no more than two warm page caches are held.
POOL_SIZE = 1

# How to make the background twin of each engine made for a file's everyday use.
_TWINS: weakref.WeakKeyDictionary[Engine, Callable[[], Engine]] = weakref.WeakKeyDictionary()


def _set_sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
        # 16 MB of decrypted pages per connection (SQLite's default is 2 MB): a large site's
        # Dashboard reads tens of megabytes, and each page read from the file is decrypted
        # again. Pooled connections keep theirs between actions. Not more: two connections
        # busy at once (the Dashboard and its criteria check on a worker) each filled 32 MB
        # on the three-times site, taking peak memory past 300 MB; 16 MB cost the Dashboard
        # there a few milliseconds. (A process-wide soft heap
        # limit held memory down too, but made every backup ten times slower.)
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KB}")
    finally:
        cursor.close()


def _one_transaction(dbapi_connection: object, _record: object) -> None:
    # The driver would otherwise run each DDL statement in its own implicit transaction.
    dbapi_connection.isolation_level = None  # type: ignore[attr-defined]


def _begin_immediate(conn: object) -> None:
    # IMMEDIATE takes the write lock at once, so nothing can slip in between read and write.
    conn.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]


def sqlite_engine(
    path: Path,
    key: KeyMaterial | None = None,
    whole_transactions: bool = False,
    twin: bool = False,
) -> Engine:
    """A SQLite (or, with ``key``, SQLCipher) engine with the app's pragmas on every connection.

    Connections are pooled: opening one (the key, the pragmas) costs about a millisecond, and a
    screen such as the Dashboard reads through a dozen short sessions. A pooled connection
    holds no transaction between actions, and :meth:`Database.dispose` closes them all, as a
    restore, a new passphrase or a migration needs. Each is used by one thread at a time (the
    pool sees to it), so a connection may serve the GUI and then a background job.

    ``whole_transactions`` (for migrations) applies SQLAlchemy's pysqlite recipe: the driver's
    own transaction handling is switched off and each transaction starts with an explicit
    BEGIN, so DDL (CREATE, DROP, ALTER) joins it and a kill leaves all or nothing. The pragmas
    still run first, outside any transaction, where ``foreign_keys`` and the key take effect.
    ``twin`` makes background work's engine (see :meth:`Database._engine_here`).
    """
    if key is None:
        engine = create_engine(
            f"sqlite:///{path}",
            poolclass=QueuePool,
            pool_use_lifo=True,
            pool_size=POOL_SIZE,
            connect_args={"check_same_thread": False},
        )
    else:
        engine = create_engine(
            "sqlite://",
            creator=lambda: cipher.connect(path, key, shared=True),
            module=cipher.DBAPI_MODULE,
            poolclass=QueuePool,
            pool_use_lifo=True,  # the connection just used has the warmest page cache
            pool_size=POOL_SIZE,
        )
    if whole_transactions:
        event.listen(engine, "connect", _one_transaction)
        event.listen(engine, "begin", _begin_immediate)
    elif not twin:
        _TWINS[engine] = lambda: sqlite_engine(path, key, twin=True)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def open_database(path: Path, key: KeyMaterial | None = None, checked: bool = False) -> Database:
    """Check and open a database file, creating its folder if needed (no migration).

    With ``key``, a new file is created encrypted and an existing one must be encrypted with
    that key; without it the file is plain SQLite (an old database waiting to be converted).
    ``checked`` says :func:`quick_check` has just passed on this file, so it is not read twice.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = cipher.file_state(path)
    if state in ("plain", "encrypted") and not checked:
        quick_check(path, key)
    if state == "plain":
        key = None
    return Database(sqlite_engine(path, key), path, key)


def server_url(address: ServerAddress) -> URL:
    """The driver's URL for ``address`` (with its password, if any: keep it in memory).

    ``sslmode`` is always spelled out (see ``ServerAddress.sslmode``), so what
    the connection asked for can be shown and checked.
    """
    query = dict(address.options)
    query["sslmode"] = address.sslmode
    return URL.create(
        "postgresql+psycopg",
        username=address.user or None,
        password=address.password or None,
        host=address.host or None,
        port=address.port,
        database=address.database,
        query=query,
    )


def server_engine(address: ServerAddress) -> Engine:
    """A PostgreSQL engine sized for one desktop: a few pooled connections, checked before use."""
    url = server_url(address)
    # A desktop makes one short session per action, so two idle connections are plenty;
    # pre-ping notices a server restart or a dropped network and reconnects quietly.
    return create_engine(
        url,
        pool_size=2,
        max_overflow=4,
        pool_pre_ping=True,
        pool_recycle=1800,
        connect_args={"connect_timeout": 10, "application_name": tr("Portage Desktop")},
    )


def explain_server_error(exc: BaseException, address: ServerAddress) -> DatabaseError:
    """Turn a driver error from connecting into one plain sentence a person can act on."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or ""
    text = str(orig).lower()
    where = address.display
    host = address.host or tr("this computer")
    if "no password supplied" in text or "password is required" in text:
        return ServerPasswordNeeded(
            tr("The server {host} asks for a password for {value}.").format(
                host=host, value=address.user or tr("this account")
            )
        )
    if state == "28P01" or "password authentication failed" in text:
        return ServerPasswordNeeded(
            tr(
                "The server {host} did not accept the password for {value}."
                " Check it, or ask whoever looks after the server."
            ).format(host=host, value=address.user or tr("this account")),
            wrong=True,
        )
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return DatabaseError(
            tr(
                "The server {host} has no database called {database}. "
                "Ask whoever looks after the server to create it (the README says how)."
            ).format(host=host, database=address.database)
        )
    if state.startswith("28") or ("role" in text and "does not exist" in text):
        return DatabaseError(
            tr(
                "The server {host} did not let {value} in. "
                "Check the user name, or ask whoever looks after the server."
            ).format(host=host, value=address.user or tr("this account"))
        )
    if state == "42501" or "permission denied" in text:
        return DatabaseError(
            tr(
                "The account {value} is not allowed to use {where}. "
                "Ask whoever looks after the server to make it the database's owner."
            ).format(value=address.user or "(default)", where=where)
        )
    if "ssl" in text or "certificate" in text:
        return DatabaseError(
            tr(
                "A secure connection to {host} could not be made. Check the sslmode and "
                "certificate settings in the address."
            ).format(host=host)
        )
    if "invalid connection option" in text or "invalid sslmode" in text:
        return DatabaseError(
            tr(
                "The address has a setting the server's library does not understand. "
                "Check the part after '?'."
            )
        )
    return DatabaseError(
        tr(
            "Cannot reach the database server {where}. Check the address, that the server is "
            "running, and that this computer can reach it over the network."
        ).format(where=where)
    )


def connection_encrypted(db: Database) -> bool:
    """Whether this app's connection to the server is encrypted (False for a file)."""
    if db.server is None:
        return False
    with db.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT ssl FROM pg_catalog.pg_stat_ssl WHERE pid = pg_backend_pid()"
        ).scalar()
    return bool(found)


def server_client_version() -> str:
    """The libpq version the PostgreSQL driver loaded (a check that a frozen build has it)."""
    import psycopg

    version = psycopg.pq.version()  # e.g. 170004 for 17.4
    # "binary" is the wheel's own libpq; "python" would mean a system library was borrowed.
    return f"{version // 10000}.{version % 100} ({psycopg.pq.__impl__})"


def open_server(address: ServerAddress) -> Database:
    """Connect to a shared server and check it answers (no migration yet).

    Raises :class:`DatabaseError` (or :class:`ServerPasswordNeeded`) with a plain message;
    the driver's own text, which can name the server's internals, goes no further.
    """
    from sqlalchemy.exc import DBAPIError

    engine = server_engine(address)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        engine.dispose()
        raise explain_server_error(exc, address) from exc
    return Database(engine, None, None, server=address)

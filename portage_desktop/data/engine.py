"""Builds the database engine in one place.

Every connection gets the same pragmas (foreign keys, WAL, full sync). An encrypted SQLite or a
server database plugs in here, behind :func:`open_database`, without services noticing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool
from sqlmodel import Session

# The session type services pass around, so they need not import the ORM themselves.
DbSession = Session


class DatabaseError(Exception):
    """A database problem explained in words a user can act on."""


class Database:
    """An open database: the engine plus a factory of short, one-action sessions."""

    def __init__(self, engine: Engine, path: Path | None) -> None:
        self.engine = engine
        self.path = path
        # Who is using this database now; set and read by ``services.access`` only.
        self.actor: object | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short session per user action: commit on success, roll back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def sqlite_engine(path: Path) -> Engine:
    """A SQLite engine for ``path`` with the app's pragmas on every connection."""
    # NullPool: each action opens its own connection, so disposing before a restore or a
    # migration never leaves a pooled connection holding the old file open.
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def quick_check(path: Path) -> None:
    """Refuse a damaged file before anything is written to it."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path.name} is not a Portage Desktop database, or it is damaged. "
            "You can restore the latest backup from the File menu."
        ) from exc
    if rows != [("ok",)]:
        raise DatabaseError(
            f"{path.name} is damaged (its integrity check failed). "
            "You can restore the latest backup from the File menu."
        )


def open_database(path: Path) -> Database:
    """Check and open a SQLite database file, creating its folder if needed (no migration)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0:
        quick_check(path)
    return Database(sqlite_engine(path), path)

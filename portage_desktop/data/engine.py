"""Builds the database engine in one place.

Every connection gets the same pragmas (foreign keys, WAL, full sync). An encrypted SQLite or a
server database plugs in here, behind :func:`open_database`, without services noticing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from portage_desktop.data import cipher
from portage_desktop.data.cipher import KeyMaterial
from portage_desktop.data.errors import DatabaseError, RecordChanged, WrongPassphrase

__all__ = ["Database", "DatabaseError", "DbSession", "WrongPassphrase", "open_database"]

# The session type services pass around, so they need not import the ORM themselves.
DbSession = Session


class Database:
    """An open database: the engine plus a factory of short, one-action sessions."""

    def __init__(self, engine: Engine, path: Path | None, key: KeyMaterial | None = None) -> None:
        self.engine = engine
        self.path = path
        self.key = key
        # Who is using this database now, and whether it has named accounts; both are set
        # and read by ``services.access`` and ``services.users`` only.
        self.actor: object | None = None
        self.multi_user = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short session per user action: commit on success, roll back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except StaleDataError as exc:
                # An UPDATE guarded by ``row_version`` matched nothing: a newer save won.
                session.rollback()
                raise RecordChanged("record", None) from exc
            except BaseException:
                session.rollback()
                raise

    def dispose(self) -> None:
        self.engine.dispose()

    @property
    def encrypted(self) -> bool:
        return self.key is not None


def _set_sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=5000")
    finally:
        cursor.close()


def sqlite_engine(path: Path, key: KeyMaterial | None = None) -> Engine:
    """A SQLite (or, with ``key``, SQLCipher) engine with the app's pragmas on every connection."""
    # NullPool: each action opens its own connection, so disposing before a restore or a
    # migration never leaves a pooled connection holding the old file open.
    if key is None:
        engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    else:
        engine = create_engine(
            "sqlite://",
            creator=lambda: cipher.connect(path, key),
            module=cipher.DBAPI_MODULE,
            poolclass=NullPool,
        )
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def quick_check(path: Path, key: KeyMaterial | None = None) -> None:
    """Refuse a damaged file, or a wrong passphrase, before anything is written to it."""
    state = cipher.file_state(path)
    if key is not None and state == "encrypted":
        cipher.check_key(path, key)
    elif key is None and state == "encrypted":
        raise WrongPassphrase()
    try:
        conn = cipher.connect(path, key if state == "encrypted" else None, readonly=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except cipher.DBAPI_ERRORS as exc:
        raise DatabaseError(
            f"{path.name} is not a Portage Desktop database, or it is damaged. "
            "You can restore the latest backup from the File menu."
        ) from exc
    if rows != [("ok",)]:
        raise DatabaseError(
            f"{path.name} is damaged (its integrity check failed). "
            "You can restore the latest backup from the File menu."
        )


def open_database(path: Path, key: KeyMaterial | None = None) -> Database:
    """Check and open a database file, creating its folder if needed (no migration).

    With ``key``, a new file is created encrypted and an existing one must be encrypted with
    that key; without it the file is plain SQLite (an old database waiting to be converted).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = cipher.file_state(path)
    if state in ("plain", "encrypted"):
        quick_check(path, key)
    if state == "plain":
        key = None
    return Database(sqlite_engine(path, key), path, key)

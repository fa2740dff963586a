"""Encryption at rest with SQLCipher, keyed from a passphrase with argon2id.

The passphrase is stretched once per unlock into a 256-bit raw key (argon2id, about 0.1 s), so
opening each short-lived connection afterwards costs nothing. The argon2 salt is the 16 random
bytes SQLCipher keeps unencrypted at the start of the file, so no separate key file can be lost:
the database file (or any backup of it) plus the passphrase is all that is ever needed.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import sqlcipher3
from argon2.low_level import Type, hash_secret_raw

from portage_desktop.data.errors import DatabaseError, WrongPassphrase
from portage_desktop.data.file_kind import PLAIN_HEADER, SALT_BYTES, file_state
from portage_desktop.i18n import tr

__all__ = ["PLAIN_HEADER", "SALT_BYTES", "KeyMaterial", "WrongPassphrase", "derive", "file_state"]
MIN_PASSPHRASE = 10

# argon2id cost: about 0.1 s and 64 MiB on a modest laptop; raise with care (it runs on unlock).
_TIME_COST, _MEMORY_KIB, _PARALLELISM = 3, 64 * 1024, 2


@dataclass(frozen=True)
class KeyMaterial:
    """A derived raw key and the salt it belongs to. ``repr`` never shows the key."""

    key: bytes = field(repr=False)
    salt: bytes

    def pragma_value(self) -> str:
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""


def derive(passphrase: str, salt: bytes | None = None) -> KeyMaterial:
    """Stretch ``passphrase`` with argon2id; a new random salt when none is given."""
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    key = hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=_TIME_COST,
        memory_cost=_MEMORY_KIB,
        parallelism=_PARALLELISM,
        hash_len=32,
        type=Type.ID,
    )
    return KeyMaterial(key, salt)


def read_salt(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(SALT_BYTES)


def key_for_file(path: Path, passphrase: str) -> KeyMaterial:
    """The key that should open ``path`` if ``passphrase`` is right."""
    return derive(passphrase, read_salt(path))


def connect(
    path: Path | str, key: KeyMaterial | None, readonly: bool = False, shared: bool = False
) -> sqlite3.Connection:
    """A DB-API connection: SQLCipher when ``key`` is given, plain SQLite otherwise.

    ``shared``: the connection may be used from more than one thread, one at a time (for a
    connection pool, which hands each connection to one user at a time)."""
    if path is None or not str(path).strip():
        # sqlite would quietly create a file named "None" (or a temporary one) instead
        raise ValueError(tr("no database file was given"))
    target = f"file:{path}?mode=ro" if readonly else str(path)
    if key is None:
        return sqlite3.connect(target, uri=readonly, check_same_thread=not shared)
    conn = sqlcipher3.connect(target, uri=readonly, check_same_thread=not shared)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key.pragma_value()}")
    return conn  # type: ignore[return-value]


def check_key(path: Path, key: KeyMaterial) -> None:
    """Raise :class:`WrongPassphrase` unless ``key`` opens ``path``."""
    try:
        conn = connect(path, key, readonly=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except (sqlite3.DatabaseError, sqlcipher3.DatabaseError) as exc:
        raise WrongPassphrase() from exc


def quick_check(path: Path, key: KeyMaterial | None = None) -> None:
    """Refuse a damaged file, or a wrong passphrase, before anything is written to it.

    Needs only SQLCipher, so start-up can run it on another thread while the database layer
    loads (SQLCipher lets other threads run while it reads the file)."""
    state = file_state(path)
    if key is not None and state == "encrypted":
        check_key(path, key)
    elif key is None and state == "encrypted":
        raise WrongPassphrase()
    try:
        conn = connect(path, key if state == "encrypted" else None, readonly=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except DBAPI_ERRORS as exc:
        raise DatabaseError(
            tr(
                "{name} is not a Portage Desktop database, or it is damaged. "
                "You can restore the latest backup from the File menu."
            ).format(name=path.name)
        ) from exc
    if rows != [("ok",)]:
        raise DatabaseError(
            tr(
                "{name} is damaged (its integrity check failed). "
                "You can restore the latest backup from the File menu."
            ).format(name=path.name)
        )


def rekey(path: Path, old: KeyMaterial, new_passphrase: str) -> KeyMaterial:
    """Re-encrypt ``path`` under a new passphrase, keeping its salt; returns the new key."""
    new = derive(new_passphrase, old.salt)
    conn = connect(path, old)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA rekey = {new.pragma_value()}")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    check_key(path, new)
    return new


def encrypt_copy(plain: Path, target: Path, passphrase: str) -> KeyMaterial:
    """Write an encrypted copy of a plain SQLite database to ``target``."""
    key = derive(passphrase)
    encrypt_file(plain, target, key)
    return key


def encrypt_file(plain: Path, target: Path, key: KeyMaterial) -> None:
    """Write an encrypted, checked copy of the plain database ``plain`` to ``target``, on disk.

    ``plain`` is not changed (its write-ahead log is folded into it first, so the copy is
    complete). The copy is in rollback-journal mode, a single file ready to be renamed.
    """
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    conn = sqlcipher3.connect(str(plain))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {key.pragma_value()}", (str(target),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    check_key(target, key)
    quick_check(target, key)
    sync_file(target)


ENCRYPTING = ".encrypting"


def encrypt_in_place(plain: Path, key: KeyMaterial) -> None:
    """Replace the plain database ``plain`` by an encrypted copy, so a kill never loses it.

    The copy is written beside it as ``*.encrypting``, synced, and renamed over the plain file
    in one atomic step: at every moment either the whole plain file or the whole encrypted one
    is in place (``leftovers.finish_encrypting`` tidies up after a kill). Only then are the
    old plain bytes overwritten, through a handle kept on them (best effort: an SSD may keep
    old blocks; not possible on Windows, where an open file cannot be replaced).
    The caller must have closed every connection to ``plain``.
    """
    temp = plain.with_name(plain.name + ENCRYPTING)
    encrypt_file(plain, temp, key)
    # Checkpointed and closed above, so these hold nothing; a stale log beside the new file
    # would be replayed into it.
    for suffix in ("-wal", "-shm"):
        Path(f"{plain}{suffix}").unlink(missing_ok=True)
    old = None if os.name == "nt" else plain.open("r+b")
    try:
        os.replace(temp, plain)
        sync_folder(plain.parent)
        if old is not None:
            _scrub(old)
    finally:
        if old is not None:
            old.close()


def _scrub(handle: BinaryIO) -> None:
    """Overwrite a replaced plain file's bytes (it is no longer reachable by name)."""
    size = os.fstat(handle.fileno()).st_size
    handle.seek(0)
    for start in range(0, size, 1 << 20):
        handle.write(b"\0" * min(1 << 20, size - start))
    handle.flush()
    os.fsync(handle.fileno())


def sync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no folder handles to sync)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


DBAPI_ERRORS = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
DBAPI_MODULE = sqlcipher3


def random_key_for(path: Path) -> KeyMaterial:
    """A new random key for ``path`` (keeping its salt), for files opened through key slots."""
    return KeyMaterial(os.urandom(32), read_salt(path))


def key_from_slot(path: Path, candidates: list[bytes]) -> KeyMaterial:
    """The first of ``candidates`` (raw keys from a key slot) that opens ``path``."""
    salt = read_salt(path)
    for raw in candidates:
        key = KeyMaterial(raw, salt)
        try:
            check_key(path, key)
        except WrongPassphrase:
            continue
        return key
    raise WrongPassphrase()


def rekey_to(path: Path, old: KeyMaterial, new: KeyMaterial) -> None:
    """Re-encrypt ``path`` from ``old`` to ``new`` (same salt); the old key stops working."""
    if new.salt != old.salt:
        raise ValueError(tr("a re-key keeps the file's salt"))
    conn = connect(path, old)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA rekey = {new.pragma_value()}")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    check_key(path, new)

"""Opening a database the same way for the window, the command line and tests."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from portage_desktop.data import assessment_store, cipher, demo, migrate
from portage_desktop.data.cipher import KeyMaterial, WrongPassphrase
from portage_desktop.data.engine import Database, open_database

PASSPHRASE_ENV = "PORTAGE_DESKTOP_PASSPHRASE"
# The demo holds only made-up people, so its passphrase can be public (it is in the README).
DEMO_PASSPHRASE = "portage demo"

__all__ = ["DEMO_PASSPHRASE", "PASSPHRASE_ENV", "WrongPassphrase"]


def demo_passphrase() -> str:
    return os.environ.get(PASSPHRASE_ENV) or DEMO_PASSPHRASE


def file_state(path: Path) -> str:
    """'missing', 'empty', 'plain' or 'encrypted': decides which dialog the app shows first."""
    return cipher.file_state(path)


def unlock(path: Path, passphrase: str) -> KeyMaterial:
    """The key for an existing encrypted file; :class:`WrongPassphrase` if it does not fit."""
    key = cipher.key_for_file(path, passphrase)
    cipher.check_key(path, key)
    return key


def new_key(passphrase: str) -> KeyMaterial:
    """A key (with a fresh salt) for a database that does not exist yet."""
    return cipher.derive(passphrase)


def open_and_migrate(
    path: Path, backup_dir: Path | None, key: KeyMaterial | None = None
) -> Database:
    """Check, open and migrate ``path``; raises ``DatabaseError`` with a user-facing message."""
    db = open_database(path, key)
    try:
        migrate.upgrade_to_head(db, backup_dir)
        with db.session() as session:
            assessment_store.install_shipped(session)
    except Exception:
        db.dispose()
        raise
    from portage_desktop.services.users import is_multi_user

    db.multi_user = is_multi_user(db)
    return db


def make_demo(
    path: Path,
    children: int = 12,
    seed: int = 1,
    today: date | None = None,
    key: KeyMaterial | None = None,
) -> Database:
    """Write a fresh, encrypted demo database at ``path``, replacing any earlier demo there."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_and_migrate(path, backup_dir=None, key=key or new_key(demo_passphrase()))
    demo.populate(db, children=children, seed=seed, today=today)
    return db

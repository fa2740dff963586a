"""Personal keys to an encrypted file with named accounts: nobody needs a shared passphrase.

Each person's own password opens their key slot (see ``data.key_slots``), which holds the
database key; the app then logs them in as that account, so the role always comes from the
account whose slot was opened: a practitioner's password never opens the file as a manager.

Moving an older file (one shared passphrase) to personal keys happens person by person: a
slot needs that person's password, so each one is added when they next log in, or when a
manager sets their password. The shared passphrase keeps working until a manager chooses
"Change the database key", which re-keys the file and seals the new key into every slot; from
then on only personal passwords and the recovery sheet open it.

Single-user files (no accounts) keep their one passphrase and have no slots.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

from portage_desktop.data import cipher, key_slots
from portage_desktop.data.cipher import KeyMaterial, WrongPassphrase
from portage_desktop.data.engine import Database, sqlite_engine
from portage_desktop.data.key_slots import PERSON, RECOVERY
from portage_desktop.i18n import tr
from portage_desktop.services import audit, security
from portage_desktop.services.access import Actor, Permission, Role, require
from portage_desktop.services.audit import AuditAction

RECOVERY_WORDS = 8  # 8 x 12.9 = 103 bits: it opens the file as a manager, so more than a password
_NO_MATCH = tr("That username and password do not open these records.")
RECOVERY_ACTOR = Actor("recovery-sheet", tr("Recovery sheet"), Role.MANAGER)


@dataclass(frozen=True)
class Unlocked:
    """What opened the file before the database was loaded: who, to log them in straight after.

    ``username`` and ``password`` for a personal key; ``recovery`` for the recovery sheet."""

    key: KeyMaterial
    username: str = ""
    password: str = field(default="", repr=False)
    recovery: bool = False


def uses_personal_keys(path: Path) -> bool:
    """True when people open ``path`` with their own passwords (it has at least one slot)."""
    return any(s.kind == PERSON for s in key_slots.load(path))


def unlock_as(path: Path, username: str, password: str) -> Unlocked:
    """Open ``username``'s slot with ``password``; :class:`WrongPassphrase` if either is wrong."""
    name = username.strip().lower()
    slot = key_slots.find(key_slots.load(path), PERSON, name)
    try:
        if slot is None:
            raise WrongPassphrase()
        key = cipher.key_from_slot(path, key_slots.open_slot(slot, password))
    except WrongPassphrase:
        raise WrongPassphrase(_NO_MATCH) from None
    return Unlocked(key, name, password)


def _normalise_code(text: str) -> str:
    return " ".join(text.lower().split())


def unlock_with_sheet_or_passphrase(path: Path, text: str) -> Unlocked:
    """The recovery sheet's words, or (until the key is changed) the old shared passphrase."""
    recovery = key_slots.find(key_slots.load(path), RECOVERY)
    if recovery is not None:
        try:
            keys = key_slots.open_slot(recovery, _normalise_code(text))
            return Unlocked(cipher.key_from_slot(path, keys), recovery=True)
        except WrongPassphrase:
            pass
    key = cipher.key_for_file(path, text)
    cipher.check_key(path, key)
    return Unlocked(key)


def _file(db: Database) -> tuple[Path, KeyMaterial] | None:
    """The encrypted file and its key; ``None`` on a server or a plain file (no slots there)."""
    if db.path is None or db.key is None:
        return None
    return db.path, db.key


def has_personal_key(db: Database, username: str) -> bool:
    found = _file(db)
    return (
        found is not None and key_slots.find(key_slots.load(found[0]), PERSON, username) is not None
    )


def people_with_keys(db: Database) -> set[str]:
    found = _file(db)
    if found is None:
        return set()
    return {s.username for s in key_slots.load(found[0]) if s.kind == PERSON}


def give_key(db: Database, username: str, password: str) -> None:
    """Add (or replace) ``username``'s slot; the caller has checked who may do this."""
    found = _file(db)
    if found is None:
        return
    path, key = found
    slots = key_slots.without(key_slots.load(path), PERSON, username)
    slots.append(key_slots.make_slot(PERSON, username, password, key.key))
    key_slots.save(path, slots)


def take_key(db: Database, username: str) -> None:
    """Remove ``username``'s slot (their account was switched off)."""
    found = _file(db)
    if found is None:
        return
    slots = key_slots.load(found[0])
    if key_slots.find(slots, PERSON, username) is not None:
        key_slots.save(found[0], key_slots.without(slots, PERSON, username))


def recovery_words() -> str:
    """Eight random words from the EFF list (103 bits) for a new recovery sheet."""
    words = security.word_list()
    return " ".join(secrets.choice(words) for _ in range(RECOVERY_WORDS))


def set_recovery_sheet(db: Database, code: str) -> None:
    """Make ``code`` the recovery sheet's slot; the previous sheet stops working.

    Called once the sheet has been saved, so a cancelled save leaves the old sheet valid."""
    require(db, Permission.MANAGE_USERS)
    found = _file(db)
    if found is None:
        raise ValueError(tr("only an encrypted file has a recovery sheet"))
    path, key = found
    slots = key_slots.without(key_slots.load(path), RECOVERY)
    slots.append(key_slots.make_slot(RECOVERY, "", _normalise_code(code), key.key))
    key_slots.save(path, slots)
    audit.record_now(db, AuditAction.CHANGE, "recovery sheet", detail="new recovery sheet")


def has_recovery_sheet(db: Database) -> bool:
    found = _file(db)
    return found is not None and key_slots.find(key_slots.load(found[0]), RECOVERY) is not None


def change_database_key(db: Database) -> None:
    """Re-key the file with a new random key and seal it into every slot.

    For when someone leaves on bad terms: anything they could have learnt (the shared
    passphrase, the old raw key) stops opening the file. Nobody else's password changes.
    Crash-safe: slots carry the new key beside the old one until the file is re-keyed.
    """
    require(db, Permission.MANAGE_USERS)
    found = _file(db)
    if found is None:
        raise ValueError(tr("only an encrypted file has a key to change"))
    path, old = found
    new = cipher.random_key_for(path)
    slots = key_slots.load(path)
    for slot in slots:
        key_slots.seal_next(slot, new.key)
    key_slots.save(path, slots)
    db.dispose()
    try:
        cipher.rekey_to(path, old, new)
    except BaseException:
        for slot in slots:
            slot.data.pop("next", None)
        key_slots.save(path, slots)
        db.engine = sqlite_engine(path, old)
        raise
    for slot in slots:
        key_slots.promote_next(slot)
    key_slots.save(path, slots)
    db.engine = sqlite_engine(path, new)
    db.key = new
    audit.record_now(db, AuditAction.CHANGE, "database key", detail="database key changed")

"""Key slots: each person's own password (or the recovery sheet) unlocks the database key.

The database is encrypted with a random key. Beside it, ``portage.db.keys`` (JSON) holds one
slot per person and one for the recovery sheet. A slot has an X25519 key pair: the private half
is sealed (AES-GCM) under a key-encryption key stretched from the person's password with
argon2id; the database key is sealed to the public half. So a manager can seal a *new* database
key into every slot without knowing anyone's password ("change the database key"), and each
person still opens the file with the password they already have.

A slot's label (kind and username) is bound into both seals, so a slot cannot be renamed to
another person's. The file holds no secret in the clear; it is still written 0600.

During a change of key each slot carries ``next`` (the new key) beside ``current`` until the
file has been re-keyed, so a crash in between leaves a file that one of the two opens.
"""

from __future__ import annotations

import base64
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from portage_desktop.data.errors import DatabaseError, WrongPassphrase
from portage_desktop.i18n import tr

FORMAT = "portage-desktop-key-slots"
VERSION = 1
PERSON, RECOVERY = "person", "recovery"
# The same argon2id cost as the passphrase (about 0.1 s, 64 MiB): it runs once per unlock.
_KDF = {"time_cost": 3, "memory_kib": 64 * 1024, "parallelism": 2}
_RAW = serialization.Encoding.Raw


@dataclass(frozen=True)
class Slot:
    """One person's (or the recovery sheet's) way in; ``data`` is the JSON object as stored."""

    kind: str
    username: str
    data: dict[str, Any]

    @property
    def label(self) -> bytes:
        return f"{FORMAT}|{self.kind}|{self.username}".encode()


def slots_path(database: Path) -> Path:
    """``portage.db.keys`` beside ``portage.db``."""
    return database.with_name(database.name + ".keys")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError(tr("not text"))
    return base64.b64decode(text, validate=True)


def _kek(secret: str, salt: bytes, kdf: dict[str, Any]) -> bytes:
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=int(kdf["time_cost"]),
        memory_cost=int(kdf["memory_kib"]),
        parallelism=int(kdf["parallelism"]),
        hash_len=32,
        type=Type.ID,
    )


def _wrapping_key(shared: bytes, label: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"database key|" + label).derive(shared)


def _seal_to(public: bytes, label: bytes, database_key: bytes) -> dict[str, str]:
    """Seal ``database_key`` so only the holder of the slot's private key can open it."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    nonce = os.urandom(12)
    sealed = AESGCM(_wrapping_key(shared, label)).encrypt(nonce, database_key, label)
    public_bytes = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    return {"ephemeral": _b64(public_bytes), "nonce": _b64(nonce), "sealed": _b64(sealed)}


def make_slot(kind: str, username: str, secret: str, database_key: bytes) -> Slot:
    """A new slot for ``username`` whose ``secret`` (password or recovery code) opens it."""
    private = X25519PrivateKey.generate()
    private_bytes = private.private_bytes(
        _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    salt, nonce = os.urandom(16), os.urandom(12)
    slot = Slot(kind, username, {})
    sealed = AESGCM(_kek(secret, salt, _KDF)).encrypt(nonce, private_bytes, slot.label)
    slot.data.update(
        {
            "kind": kind,
            "username": username,
            "kdf": {"name": "argon2id", "salt": _b64(salt), **_KDF},
            "public_key": _b64(public),
            "private_key": {"nonce": _b64(nonce), "sealed": _b64(sealed)},
            "current": _seal_to(public, slot.label, database_key),
        }
    )
    return slot


def seal_next(slot: Slot, database_key: bytes) -> None:
    """Add the coming database key to ``slot`` (no password needed: it uses the public key)."""
    slot.data["next"] = _seal_to(_unb64(slot.data["public_key"]), slot.label, database_key)


def promote_next(slot: Slot) -> None:
    """The file now uses the new key: it becomes the slot's only key."""
    if "next" in slot.data:
        slot.data["current"] = slot.data.pop("next")


def open_slot(slot: Slot, secret: str) -> list[bytes]:
    """The database keys ``slot`` holds (current first, then one mid-change), for ``secret``.

    Raises :class:`WrongPassphrase` when ``secret`` does not open it.
    """
    try:
        kdf = slot.data["kdf"]
        box = slot.data["private_key"]
        kek = _kek(secret, _unb64(kdf["salt"]), kdf)
        private_bytes = AESGCM(kek).decrypt(_unb64(box["nonce"]), _unb64(box["sealed"]), slot.label)
        private = X25519PrivateKey.from_private_bytes(private_bytes)
        keys = []
        for name in ("current", "next"):
            sealed = slot.data.get(name)
            if sealed is None:
                continue
            shared = private.exchange(
                X25519PublicKey.from_public_bytes(_unb64(sealed["ephemeral"]))
            )
            wrapping = AESGCM(_wrapping_key(shared, slot.label))
            keys.append(
                wrapping.decrypt(_unb64(sealed["nonce"]), _unb64(sealed["sealed"]), slot.label)
            )
        return keys
    except InvalidTag as exc:
        raise WrongPassphrase() from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise DatabaseError(_DAMAGED) from exc


_DAMAGED = tr(
    "The key file beside your records (ending .keys) is damaged. Use the recovery sheet, or "
    "put back the .keys file from the backups folder."
)


def load(database: Path) -> list[Slot]:
    """The slots beside ``database``; an empty list when it has none (one passphrase)."""
    path = slots_path(database)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise DatabaseError(_DAMAGED) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise DatabaseError(_DAMAGED)
    version = raw.get("version")
    if not isinstance(version, int) or version < 1:
        raise DatabaseError(_DAMAGED)
    if version > VERSION:
        raise DatabaseError(
            tr(
                "The key file beside your records was written by a newer Portage Desktop. "
                "Please update the app on this computer."
            )
        )
    slots = []
    for item in raw.get("slots", []):
        if not isinstance(item, dict) or item.get("kind") not in (PERSON, RECOVERY):
            raise DatabaseError(_DAMAGED)
        slots.append(Slot(item["kind"], str(item.get("username", "")), item))
    return slots


def save(database: Path, slots: list[Slot]) -> None:
    """Write the slots atomically (temporary file, fsync, rename), readable by the owner only.

    With no slots left the file is removed, so the database is back to one passphrase."""
    path = slots_path(database)
    if not slots:
        path.unlink(missing_ok=True)
        return
    text = json.dumps(
        {"format": FORMAT, "version": VERSION, "slots": [s.data for s in slots]}, indent=1
    )
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        os.chmod(temp, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def find(slots: list[Slot], kind: str, username: str = "") -> Slot | None:
    for slot in slots:
        if slot.kind == kind and slot.username == username:
            return slot
    return None


def without(slots: list[Slot], kind: str, username: str = "") -> list[Slot]:
    return [s for s in slots if not (s.kind == kind and s.username == username)]


def copy_beside(database: Path, backup: Path) -> None:
    """Keep the slots of the day beside a backup, so it opens with that day's passwords."""
    slots = load(database)
    if slots:
        save(backup, slots)

"""Passphrases: how strong one is, checking it on unlock, changing it, encrypting old files."""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass

from portage_desktop.data import backup as backup_store
from portage_desktop.data import cipher
from portage_desktop.data.engine import Database, DatabaseError, sqlite_engine
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import ValidationError

MIN_LENGTH = cipher.MIN_PASSPHRASE
_COMMON = {
    "password",
    "passphrase",
    "qwerty",
    "letmein",
    "welcome",
    "nursery",
    "portage",
    "123456",
    "abc123",
    "iloveyou",
    "admin",
    "childminder",
    "preschool",
    "monkey",
}
# Short, everyday words for suggested passphrases: four of them give about 41 bits.
_WORDS = [
    "apple",
    "badger",
    "basket",
    "beach",
    "berry",
    "bramble",
    "breeze",
    "bubble",
    "button",
    "candle",
    "carrot",
    "castle",
    "cloud",
    "clover",
    "comet",
    "cookie",
    "copper",
    "crayon",
    "daisy",
    "dragon",
    "drum",
    "feather",
    "fern",
    "fiddle",
    "flute",
    "forest",
    "fox",
    "garden",
    "giraffe",
    "glove",
    "honey",
    "island",
    "jelly",
    "kettle",
    "kite",
    "ladder",
    "lantern",
    "lemon",
    "maple",
    "meadow",
    "mitten",
    "moon",
    "muffin",
    "nutmeg",
    "ocean",
    "orchard",
    "otter",
    "paddle",
    "panda",
    "pebble",
    "pepper",
    "piano",
    "pickle",
    "pillow",
    "planet",
    "pocket",
    "puddle",
    "puffin",
    "rabbit",
    "rainbow",
    "river",
    "robin",
    "rocket",
    "saddle",
    "seashell",
    "shadow",
    "silver",
    "snail",
    "spoon",
    "squirrel",
    "star",
    "sunny",
    "teapot",
    "thimble",
    "thunder",
    "tiger",
    "tulip",
    "turnip",
    "umbrella",
    "velvet",
    "violet",
    "walnut",
    "whistle",
    "willow",
    "window",
    "winter",
    "wobble",
    "yellow",
    "zebra",
]


@dataclass(frozen=True)
class Strength:
    """0 (unusable) to 4 (very strong), with words for the meter, never colour alone."""

    score: int
    label: str
    advice: str


def strength(passphrase: str) -> Strength:
    text = passphrase.strip()
    if len(text) < MIN_LENGTH:
        return Strength(0, "Too short", f"Use at least {MIN_LENGTH} characters, or 3-4 words.")
    lowered = text.lower()
    if lowered in _COMMON or any(lowered == w * (len(lowered) // len(w)) for w in _COMMON):
        return Strength(0, "Too easy to guess", "Avoid common words; try 3-4 unrelated words.")
    if len(set(text)) <= 3:
        return Strength(0, "Too easy to guess", "Avoid repeating the same characters.")
    classes = sum(bool(re.search(p, text)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^\w]|_"))
    words = len(re.findall(r"[A-Za-z]{3,}", text))
    score = 1
    if len(text) >= 14 or (len(text) >= 12 and classes >= 3):
        score = 2
    if len(text) >= 18 or (words >= 3 and len(text) >= 15) or (len(text) >= 14 and classes >= 3):
        score = 3
    if len(text) >= 24 or (words >= 4 and len(text) >= 20):
        score = 4
    labels = {1: "Weak", 2: "Fair", 3: "Strong", 4: "Very strong"}
    advice = {
        1: "Longer is better: add another word or two.",
        2: "Good. One more word would make it stronger.",
        3: "A good choice.",
        4: "An excellent choice.",
    }
    return Strength(score, labels[score], advice[score])


def suggest() -> str:
    """Four random everyday words: easy to type and remember, hard to guess."""
    return " ".join(secrets.choice(_WORDS) for _ in range(4))


def validate_new(passphrase: str, confirm: str) -> str:
    errors: dict[str, str] = {}
    rating = strength(passphrase)
    if rating.score == 0:
        errors["passphrase"] = f"{rating.label}. {rating.advice}"
    elif passphrase != confirm:
        errors["confirm"] = "The two passphrases are not the same."
    if errors:
        raise ValidationError(errors)
    return passphrase


def verify_passphrase(db: Database, passphrase: str) -> bool:
    """True if ``passphrase`` is the one this open database is encrypted with."""
    if db.key is None:
        return False
    candidate = cipher.derive(passphrase, db.key.salt)
    return hmac.compare_digest(candidate.key, db.key.key)


def _reopen(db: Database, key: cipher.KeyMaterial | None) -> None:
    assert db.path is not None
    db.dispose()
    db.engine = sqlite_engine(db.path, key)
    db.key = key


def change_passphrase(db: Database, current: str, new: str, confirm: str) -> None:
    """Re-encrypt the file under a new passphrase; the old one stops working at once."""
    require(db, Permission.MANAGE_USERS)
    if not verify_passphrase(db, current):
        raise ValidationError({"current": "That is not the current passphrase."})
    validate_new(new, confirm)
    assert db.path is not None and db.key is not None
    db.dispose()
    new_key = cipher.rekey(db.path, db.key, new)
    _reopen(db, new_key)
    audit.record_now(db, AuditAction.CHANGE, "passphrase")


def encrypt_existing(db: Database, passphrase: str, confirm: str) -> str:
    """Convert a plain database to an encrypted one in place, leaving no plain copy behind.

    The file is replaced in one atomic step (a kill leaves either the plain or the encrypted
    file, never neither), then every plain backup is encrypted too. Returns what to tell the
    person, including what happened to those copies.
    """
    require(db, Permission.MANAGE_USERS)
    validate_new(passphrase, confirm)
    if db.key is not None or db.path is None:
        raise DatabaseError("These records are already encrypted.")
    plain = db.path
    db.dispose()
    key = cipher.derive(passphrase)
    cipher.encrypt_in_place(plain, key)
    _reopen(db, key)
    copies = backup_store.encrypt_plain_copies(plain, db.backup_dir, key)
    audit.record_now(db, AuditAction.CHANGE, "encryption", detail="database encrypted")
    told = "Your records are now encrypted and protected by the new passphrase."
    if copies.encrypted == 1:
        told += " An older copy (a backup) was encrypted too; it opens with the same passphrase."
    elif copies.encrypted:
        told += (
            f" {copies.encrypted} older copies (backups) were encrypted too; they open with "
            "the same passphrase."
        )
    if copies.removed:
        told += (
            f" {copies.removed} damaged unencrypted copies could not be encrypted, so they "
            "were deleted."
            if copies.removed > 1
            else " A damaged unencrypted copy could not be encrypted, so it was deleted."
        )
    return told

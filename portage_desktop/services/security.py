"""Passphrases: how strong one is, checking it on unlock, changing it, encrypting old files."""

from __future__ import annotations

import hmac
import math
import secrets
from dataclasses import dataclass
from functools import cache

from portage_desktop.data import backup as backup_store
from portage_desktop.data import cipher, key_slots
from portage_desktop.data.engine import Database, DatabaseError, sqlite_engine
from portage_desktop.i18n import tr
from portage_desktop.services import audit
from portage_desktop.services.access import Permission, require
from portage_desktop.services.audit import AuditAction
from portage_desktop.services.errors import ValidationError

MIN_LENGTH = cipher.MIN_PASSPHRASE
SUGGESTED_WORDS = 4
# Names a guesser would try first for this app; zxcvbn counts them as the weakest of words.
_APP_WORDS = ["portage", "nursery", "childminder", "preschool", "send", "senco", "desktop"]
# zxcvbn's scores are tuned for guesses over a network; a stolen file (or key file) can be
# attacked offline, slowed only by argon2id, so the meter asks for more: these are the least
# log10(guesses) for Fair, Strong and Very strong (below Fair is Weak).
_LEVELS = (10.0, 12.0, 14.0)
_LABELS = {
    0: tr("Too easy to guess"),
    1: tr("Weak"),
    2: tr("Fair"),
    3: tr("Strong"),
    4: tr("Very strong"),
}
_ADVICE = {
    0: tr("Avoid common words and patterns; try 3-4 unrelated words."),
    1: tr("Too easy to guess for records about children: add another word or two."),
    2: tr("Good. One more word would make it stronger."),
    3: tr("A good choice."),
    4: tr("An excellent choice."),
}
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input; the first 72 characters rate the rest fairly
MIN_SCORE = 2  # Fair: a weaker passphrase or password is refused


@dataclass(frozen=True)
class Strength:
    """0 (unusable) to 4 (very strong), with words for the meter, never colour alone."""

    score: int
    label: str
    advice: str


def strength(passphrase: str) -> Strength:
    """Rate with zxcvbn (dictionaries, keyboard patterns, dates, l33t), scaled for offline
    guessing; "Password1234!" is Weak however many character classes it has."""
    from zxcvbn import zxcvbn

    text = passphrase.strip()
    if len(text) < MIN_LENGTH:
        return Strength(
            0,
            tr("Too short"),
            tr("Use at least {MIN_LENGTH} characters, or 3-4 words.").format(MIN_LENGTH=MIN_LENGTH),
        )
    result = zxcvbn(text[:_ZXCVBN_MAX], user_inputs=_APP_WORDS)
    guesses = float(result["guesses_log10"])
    score = 0 if result["score"] == 0 else 1 + sum(guesses >= low for low in _LEVELS)
    warning = str(result["feedback"].get("warning") or "")
    advice = f"{warning} {_ADVICE[score]}" if warning and score < 3 else _ADVICE[score]
    return Strength(score, _LABELS[score], advice)


@cache
def word_list() -> tuple[str, ...]:
    """The EFF long word list (7,776 words, CC BY 3.0 US), as shipped by the diceware package."""
    from diceware.wordlist import WordList, get_wordlist_path

    words = tuple(WordList(get_wordlist_path("en_eff")))
    if len(words) != 7776 or len(set(words)) != 7776:
        raise RuntimeError(tr("The EFF word list is incomplete; reinstall Portage Desktop."))
    return words


def bits_per_word() -> float:
    """log2(7,776) = 12.9 bits for each word chosen at random from the list."""
    return math.log2(len(word_list()))


def suggestion_bits() -> float:
    """The true entropy of a suggestion: about 51.7 bits for four words."""
    return SUGGESTED_WORDS * bits_per_word()


def suggest() -> str:
    """Four words drawn at random (``secrets``) from 7,776: easy to type, hard to guess."""
    words = word_list()
    return " ".join(secrets.choice(words) for _ in range(SUGGESTED_WORDS))


def validate_new(passphrase: str, confirm: str) -> str:
    errors: dict[str, str] = {}
    rating = strength(passphrase)
    if rating.score < MIN_SCORE:
        errors["passphrase"] = f"{rating.label}. {rating.advice}"
    elif passphrase != confirm:
        errors["confirm"] = tr("The two passphrases are not the same.")
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
    assert db.path is not None
    if any(slot.kind == key_slots.PERSON for slot in key_slots.load(db.path)):
        # A passphrase-derived key would lock every person out of their key slot.
        raise ValidationError(
            {
                "current": tr(
                    "These records open with each person's own password. To lock out "
                    "an old passphrase, use Change the database key in People and roles."
                )
            }
        )
    if not verify_passphrase(db, current):
        raise ValidationError({"current": tr("That is not the current passphrase.")})
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
        raise DatabaseError(tr("These records are already encrypted."))
    plain = db.path
    db.dispose()
    key = cipher.derive(passphrase)
    cipher.encrypt_in_place(plain, key)
    _reopen(db, key)
    copies = backup_store.encrypt_plain_copies(plain, db.backup_dir, key)
    audit.record_now(db, AuditAction.CHANGE, "encryption", detail="database encrypted")
    told = tr("Your records are now encrypted and protected by the new passphrase.")
    if copies.encrypted == 1:
        told += tr(
            " An older copy (a backup) was encrypted too; it opens with the same passphrase."
        )
    elif copies.encrypted:
        told += tr(
            " {encrypted} older copies (backups) were encrypted too; they open with "
            "the same passphrase."
        ).format(encrypted=copies.encrypted)
    if copies.removed:
        told += (
            tr(
                " {removed} damaged unencrypted copies could not be encrypted, so they "
                "were deleted."
            ).format(removed=copies.removed)
            if copies.removed > 1
            else tr(" A damaged unencrypted copy could not be encrypted, so it was deleted.")
        )
    return told

"""What may not be stored as text: one rule for forms, imports and checklist files.

Pure Python, so the services (every form) and the checklist reader (used by the data layer as
well) refuse the same characters with the same words.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from portage_desktop.i18n import tr

# Characters that let text lie about itself: C0/C1 controls other than tab and line breaks
# (NUL ends strings in other programs), the bidirectional embeddings, overrides and isolates
# (U+202A-U+202E, U+2066-U+2069: "Trojan Source"), and lone surrogates, which are not text at all.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Letters that draw nothing, often used to make a name that looks empty.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
_UNSEEN_CATEGORIES = frozenset(
    {
        "Cc",
        "Cf",
        "Cs",
        "Co",
        "Cn",
        "Mn",
        "Me",
        "Zs",
        "Zl",
        "Zp",
    }
)


class Hidden(StrEnum):
    """What is wrong with a piece of text, so each place can say it in its own words."""

    CONTROL = "control"
    DIRECTION = "direction"
    BROKEN = "broken"
    INVISIBLE = "invisible"


FORM_MESSAGES = {
    Hidden.CONTROL: tr("This has a hidden control character. Please retype it."),
    Hidden.DIRECTION: tr("A hidden character here reverses the text. Please retype it."),
    Hidden.BROKEN: tr("This has a broken character. Please retype it."),
    Hidden.INVISIBLE: tr("This has only invisible characters. Please type it in words."),
}


def hidden_kind(text: str) -> Hidden | None:
    """What is hidden in ``text``, or ``None`` if it can be stored as it is.

    Refused: control characters, direction overrides and isolates, broken characters (lone
    surrogates), and text that has characters but none that can be seen (zero-width spaces,
    fillers), which would make a record look nameless or two records look the same.
    """
    if _CONTROL.search(text):
        return Hidden.CONTROL
    if _BIDI.search(text):
        return Hidden.DIRECTION
    if _SURROGATE.search(text):
        return Hidden.BROKEN
    if text and not text.isspace() and not any(_can_be_seen(ch) for ch in text):
        return Hidden.INVISIBLE
    return None


def hidden_text_problem(text: str) -> str | None:
    """The message shown beside a form field for :func:`hidden_kind`, or ``None``."""
    kind = hidden_kind(text)
    return FORM_MESSAGES[kind] if kind else None


def _can_be_seen(ch: str) -> bool:
    return ch not in _BLANK_LETTERS and unicodedata.category(ch) not in _UNSEEN_CATEGORIES

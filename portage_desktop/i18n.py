"""Every user-visible string goes through :func:`tr` (or :func:`trn` for a count), so the app
can be translated; Welsh is the first language planned.

Why gettext, not Qt's ``tr()``: the words a person reads come from every layer, not only the
screens: a service's validation messages, the printed records and the command line all speak
to people, and none of them may import Qt. Python's own gettext needs no extra package, and
its ``.po`` catalogues are what translators' tools (Poedit, Weblate) read.

``tr`` is used rather than the customary ``_``, because ``_`` is also this code's name for a
value thrown away (``for _ in ...``), which would hide the function inside that scope.

The language is chosen once, at start-up, before any screen is built (``--language CODE``);
strings kept in module constants are translated when their module is first imported, which
the app does after this choice. ``pseudo`` is a test language: every string bracketed and a
third longer, so text that was never wrapped, or is clipped when it grows, shows at once.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

DOMAIN = "portage_desktop"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
CATALOGUE = LOCALE_DIR / f"{DOMAIN}.pot"
ENGLISH = "en"
PSEUDO = "pseudo"
# The marks the pseudo-language puts round every string.
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH
_english = True  # the words as written: nothing to look up (labels are read in hot loops)


def tr(message: str) -> str:
    """``message`` in the chosen language."""
    return message if _english else _translations.gettext(message)


def trn(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` (Welsh has six), in the chosen language."""
    if _english:
        return singular if count == 1 else plural
    return _translations.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined; :func:`tr` translates it where it
    is shown (month names, labels kept in tables)."""
    return message


def pseudo(text: str) -> str:
    """Bracketed and a third longer; placeholders, markup and mnemonics left as they are."""
    if not text.strip():
        return text
    return f"{PSEUDO_OPEN}{text}{'~' * max(1, len(text) // 3)}{PSEUDO_CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


class PoTranslations(gettext.NullTranslations):
    """A ``.po`` catalogue read as it is: no compiled ``.mo`` file to build or to go stale."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._single: dict[str, str] = {}
        self._plural: dict[str, list[str]] = {}
        self._choose = lambda n: int(n != 1)
        for entry in _po_entries(path.read_text(encoding="utf-8")):
            msgid = entry.get("msgid", "")
            if msgid == "":
                self._read_header(entry.get("msgstr", ""))
            elif "msgid_plural" in entry:
                forms = [entry[k] for k in sorted(entry) if k.startswith("msgstr[")]
                if all(forms):
                    self._plural[msgid] = forms
            elif entry.get("msgstr"):
                self._single[msgid] = entry["msgstr"]

    def _read_header(self, header: str) -> None:
        found = re.search(r"plural=([^;\n]+)", header)
        if found:
            self._choose = gettext.c2py(found.group(1).strip())  # type: ignore[attr-defined]

    def gettext(self, message: str) -> str:
        return self._single.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        forms = self._plural.get(msgid1)
        if not forms:
            return msgid1 if n == 1 else msgid2
        return forms[min(self._choose(n), len(forms) - 1)]


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    escapes = {"n": "\n", "t": "\t", "r": "\r"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), body)


def _po_entries(text: str) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = []
    current: dict[str, str] = {}
    key = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if current and not line:
                entries.append(current)
                current, key = {}, ""
            continue
        if line.startswith('"'):
            if key:
                current[key] += _unquote(line)
            continue
        key, _, value = line.partition(" ")
        current[key] = _unquote(value)
    if current:
        entries.append(current)
    return entries


def available_languages() -> list[str]:
    """English, the pseudo-language, and every catalogue shipped in ``locale/``."""
    shipped = sorted(p.stem for p in LOCALE_DIR.glob("*.po")) if LOCALE_DIR.is_dir() else []
    return [ENGLISH, PSEUDO, *shipped]


def install(language: str) -> None:
    """Choose the language for the rest of this run; ``ValueError`` names the ones there are."""
    global _translations, _language, _english
    code = (language or ENGLISH).strip()
    if code in (ENGLISH, "en-GB", "en_GB"):
        _translations, _language = gettext.NullTranslations(), ENGLISH
    elif code == PSEUDO:
        _translations, _language = PseudoTranslations(), PSEUDO
    elif (LOCALE_DIR / f"{code}.po").is_file():
        _translations, _language = PoTranslations(LOCALE_DIR / f"{code}.po"), code
    else:
        names = ", ".join(available_languages())
        raise ValueError(f"There is no translation for {code!r} yet; the languages are {names}.")
    _english = _language == ENGLISH


def current_language() -> str:
    return _language

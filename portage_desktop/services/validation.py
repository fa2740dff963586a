"""Field rules shared by every form and import, so a rule is written once.

Each check adds a message to ``errors`` under the field's name; callers raise
:class:`ValidationError` once, so the user sees every problem at the same time.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from portage_desktop.i18n import tr
from portage_desktop.text_rules import hidden_text_problem

MAX_CHILD_AGE_YEARS = 8
NAME_MAX = 100
# Record numbers are INTEGER columns: PostgreSQL's holds at most 2**31 - 1, and asking either
# database for a larger number is an overflow error rather than "not found".
MAX_RECORD_ID = 2**31 - 1


def is_record_id(number: int) -> bool:
    """Whether ``number`` could be a record number at all (typed numbers can be any size)."""
    return 0 < number <= MAX_RECORD_ID


def clean(text: str | None) -> str:
    """Trim and collapse inner whitespace, so " Amy  Lee " and "Amy Lee" are the same name."""
    return " ".join((text or "").split())


def _fold(text: str) -> str:
    if text.isascii():  # most names: no accents or special letters, so skip the slow part
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(_LETTERS).casefold()


@lru_cache(maxsize=16384)
def name_sort_key(last: str, first: str) -> str:
    """Sort "de Souza", "Øst" and "Ó Briain" where people expect them, ignoring case and accents.

    Kept for names seen before: the children list sorts thousands of names on every refresh."""
    return f"{_fold(last)}\t{_fold(first)}"


_LETTERS = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ı": "i"})


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier; 29 February falls back to 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def refuse_hidden(errors: dict[str, str], data: object, ignore: tuple[str, ...] = ()) -> None:
    """Add a message beside each text field of ``data`` (a dataclass) that hides something.

    Every service calls this on its input, so no form, import or script can store a NUL, a
    direction override or an invisible name. Text inside lists and nested rows (small steps,
    actions) is reported under the list's field; text in a mapping under its key when the key
    is a field name (a plan's texts), else under the mapping's field. A field that already has
    a message keeps it. ``ignore`` names fields checked another way (attached files, whose
    names are made safe rather than refused).
    """
    assert dataclasses.is_dataclass(data) and not isinstance(data, type)
    for item in dataclasses.fields(data):
        if item.name in ignore:
            continue
        value = getattr(data, item.name)
        if isinstance(value, Mapping):
            for key, text in value.items():
                where = key if isinstance(key, str) else item.name
                problem = _first_problem(key) or _first_problem(text)
                if problem and where not in errors:
                    errors[where] = problem
            continue
        problem = _first_problem(value)
        if problem and item.name not in errors:
            errors[item.name] = problem


def refuse_hidden_value(errors: dict[str, str], field: str, value: object) -> None:
    """:func:`refuse_hidden` for one value (text, or a list or rows of text) under ``field``."""
    problem = _first_problem(value)
    if problem and field not in errors:
        errors[field] = problem


def _first_problem(value: object) -> str | None:
    if isinstance(value, str):
        return hidden_text_problem(value)
    if isinstance(value, list | tuple | set | frozenset):
        return next((p for v in value if (p := _first_problem(v))), None)
    if isinstance(value, Mapping):
        return next(
            (p for k, v in value.items() if (p := _first_problem(k) or _first_problem(v))), None
        )
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return next(
            (p for f in dataclasses.fields(value) if (p := _first_problem(getattr(value, f.name)))),
            None,
        )
    return None


def required_name(errors: dict[str, str], field: str, value: str, what: str) -> str:
    problem = hidden_text_problem(value or "")
    value = clean(value)
    if problem:
        errors[field] = problem
    elif not value:
        errors[field] = tr("Please enter the {what}.").format(what=what)
    elif len(value) > NAME_MAX:
        errors[field] = tr("The {what} is too long (at most {NAME_MAX} characters).").format(
            what=what, NAME_MAX=NAME_MAX
        )
    return value


def optional_text(errors: dict[str, str], field: str, value: str, limit: int, what: str) -> str:
    problem = hidden_text_problem(value or "")
    value = clean(value)
    if problem:
        errors[field] = problem
    elif len(value) > limit:
        errors[field] = tr("The {what} is too long (at most {limit} characters).").format(
            what=what, limit=limit
        )
    return value


def date_of_birth(
    errors: dict[str, str],
    field: str,
    value: date | None,
    today: date,
    entered_on: date | None = None,
) -> None:
    """A date of birth is given, not in the future, and not so long before the day it was
    typed in (``entered_on``, today unless a stored record says otherwise) that the year is
    likely mistyped. An imported record is judged by the day it was entered, so a leaver's
    record kept for years is not refused for the child having grown up since."""
    if value is None:
        errors[field] = tr("Please enter the date of birth.")
    elif value > today:
        errors[field] = tr("The date of birth cannot be in the future.")
    elif value < years_before(entered_on or today, MAX_CHILD_AGE_YEARS):
        errors[field] = tr(
            "The date of birth is more than {MAX_CHILD_AGE_YEARS} years ago. Please check the year."
        ).format(MAX_CHILD_AGE_YEARS=MAX_CHILD_AGE_YEARS)


def not_before(
    errors: dict[str, str], field: str, later: date | None, earlier: date | None, message: str
) -> None:
    if later is not None and earlier is not None and later < earlier and field not in errors:
        errors[field] = message


_URN = re.compile(r"^(?:[A-Z]{1,2})?\d{6,8}$")


def ofsted_urn(errors: dict[str, str], field: str, value: str) -> str:
    value = clean(value).replace(" ", "").upper()
    if value and not _URN.match(value):
        errors[field] = tr("An Ofsted URN looks like EY123456 or 2123456 (letters are optional).")
    return value

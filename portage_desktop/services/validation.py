"""Field rules shared by every form and import, so a rule is written once.

Each check adds a message to ``errors`` under the field's name; callers raise
:class:`ValidationError` once, so the user sees every problem at the same time.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MAX_CHILD_AGE_YEARS = 8
NAME_MAX = 100


def clean(text: str | None) -> str:
    """Trim and collapse inner whitespace, so " Amy  Lee " and "Amy Lee" are the same name."""
    return " ".join((text or "").split())


def name_sort_key(last: str, first: str) -> str:
    """Sort "de Souza", "Øst" and "Ó Briain" where people expect them, ignoring case and accents."""

    def fold(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return plain.translate(_LETTERS).casefold()

    return f"{fold(last)}\t{fold(first)}"


_LETTERS = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ı": "i"})


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier; 29 February falls back to 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def required_name(errors: dict[str, str], field: str, value: str, what: str) -> str:
    value = clean(value)
    if not value:
        errors[field] = f"Please enter the {what}."
    elif len(value) > NAME_MAX:
        errors[field] = f"The {what} is too long (at most {NAME_MAX} characters)."
    return value


def optional_text(errors: dict[str, str], field: str, value: str, limit: int, what: str) -> str:
    value = clean(value)
    if len(value) > limit:
        errors[field] = f"The {what} is too long (at most {limit} characters)."
    return value


def date_of_birth(errors: dict[str, str], field: str, value: date | None, today: date) -> None:
    if value is None:
        errors[field] = "Please enter the date of birth."
    elif value > today:
        errors[field] = "The date of birth cannot be in the future."
    elif value < years_before(today, MAX_CHILD_AGE_YEARS):
        errors[field] = (
            f"The date of birth is more than {MAX_CHILD_AGE_YEARS} years ago. "
            "Please check the year."
        )


def not_before(
    errors: dict[str, str], field: str, later: date | None, earlier: date | None, message: str
) -> None:
    if later is not None and earlier is not None and later < earlier and field not in errors:
        errors[field] = message


_URN = re.compile(r"^(?:[A-Z]{1,2})?\d{6,8}$")


def ofsted_urn(errors: dict[str, str], field: str, value: str) -> str:
    value = clean(value).replace(" ", "").upper()
    if value and not _URN.match(value):
        errors[field] = "An Ofsted URN looks like EY123456 or 2123456 (letters are optional)."
    return value

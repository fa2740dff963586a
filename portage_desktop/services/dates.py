"""UK date wording, shared by screens and printed records so both say the same thing."""

from __future__ import annotations

import re
from datetime import date, datetime

from portage_desktop.i18n import tr

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[ \-]([a-z]+)[ \-,]*(\d{4})$")


def format_date(value: date | None) -> str:
    """24/03/2023, the form UK users type and read; empty for no date.

    Built by hand: ``strftime`` is several times slower, and long lists (the shared record of
    a child with years of history) format thousands of dates."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""


VALID_THROUGH = tr(
    "Valid through a date means up to and including that day: an award or an NPA membership "
    "counts on its expiry date, and not the day after."
)


def valid_through(starts: date | None, ends: date | None, on: date) -> bool:
    """True on every day from ``starts`` up to and including ``ends`` (either may be open).

    The one meaning of an end date for everything the Stamp of Approval counts, so an award and
    a membership ending on the same day end together; :data:`VALID_THROUGH` says it in words.
    """
    return (starts is None or starts <= on) and (ends is None or on <= ends)


# Names of months and days in English, whatever the computer's own language: ``strftime`` takes
# them from the system's locale, so a Welsh or Polish computer printed "4 Rhagfyr 2026" in the
# middle of an English page. (When the app is translated, these come from its catalogue.)
MONTHS = (
    tr("January"),
    tr("February"),
    tr("March"),
    tr("April"),
    tr("May"),
    tr("June"),
    tr("July"),
    tr("August"),
    tr("September"),
    tr("October"),
    tr("November"),
    tr("December"),
)
WEEKDAYS = (
    tr("Monday"),
    tr("Tuesday"),
    tr("Wednesday"),
    tr("Thursday"),
    tr("Friday"),
    tr("Saturday"),
    tr("Sunday"),
)


def format_long(value: date | None) -> str:
    """24 March 2023, for printed records."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}" if value else ""


def month_year(value: date | None, short: bool = False) -> str:
    """March 2023 (or Mar 2023)."""
    if value is None:
        return ""
    month = MONTHS[value.month - 1]
    return f"{month[:3] if short else month} {value.year}"


def weekday_name(value: date, short: bool = False) -> str:
    """Monday (or Mon)."""
    name = WEEKDAYS[value.weekday()]
    return name[:3] if short else name


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def parse_uk_date(text: str) -> date | None:
    """Read what a person types: 24/3/2023, 24-03-23, 24.03.2023 or 24 March 2023.

    Returns ``None`` for empty text; raises ``ValueError`` with a plain message otherwise.
    Day comes first, always: 03/04/2023 is 3 April.
    """
    text = " ".join(text.strip().lower().split())
    if not text:
        return None
    match = _NUMERIC.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year += 2000
    else:
        match = _WORDS.match(text)
        if not match or match.group(2) not in _MONTHS:
            raise ValueError(tr("Enter a date like 24/03/2023."))
        day, month, year = int(match.group(1)), _MONTHS[match.group(2)], int(match.group(3))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(tr("That date does not exist. Enter a date like 24/03/2023.")) from None


def age_in_months(born: date, on: date) -> int:
    months = (on.year - born.year) * 12 + on.month - born.month
    if on.day < born.day:
        months -= 1
    return max(months, 0)


def age_text(born: date, on: date) -> str:
    """'2 years 3 months' (or '7 months'), the way practitioners speak of young children."""
    months = age_in_months(born, on)
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(tr("{years} year{value}").format(years=years, value="s" if years != 1 else ""))
    if rest or not years:
        parts.append(tr("{rest} month{value}").format(rest=rest, value="s" if rest != 1 else ""))
    return " ".join(parts)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier); the 31st becomes the last day of a shorter
    month, and 29 February the 28th in a year without one."""
    year, month = divmod(day.month - 1 + months, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(day.year + year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")

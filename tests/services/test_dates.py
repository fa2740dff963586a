from __future__ import annotations

import re
from datetime import date

import pytest

from portage_desktop.services.dates import age_text, format_date, format_long, parse_uk_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24/03/2023", date(2023, 3, 24)),
        ("3/4/2023", date(2023, 4, 3)),
        ("03-04-23", date(2023, 4, 3)),
        ("24.03.2023", date(2023, 3, 24)),
        ("24 March 2023", date(2023, 3, 24)),
        ("1st sept 2024", date(2024, 9, 1)),
        ("  29/02/2024 ", date(2024, 2, 29)),
        ("", None),
    ],
)
def test_dates_are_read_day_first(text, expected):
    assert parse_uk_date(text) == expected


@pytest.mark.parametrize(
    "text", ["29/02/2023", "31/04/2024", "2023-03-24", "tomorrow", "24 Marc 2023"]
)
def test_unreadable_dates_get_a_plain_message(text):
    with pytest.raises(ValueError, match="24/03/2023"):
        parse_uk_date(text)


def test_formats():
    assert format_date(date(2023, 3, 4)) == "04/03/2023"
    assert format_long(date(2023, 3, 4)) == "4 March 2023"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("born", "on", "text"),
    [
        (date(2024, 1, 15), date(2024, 2, 14), "0 months"),
        (date(2024, 1, 15), date(2024, 2, 15), "1 month"),
        (date(2023, 1, 15), date(2024, 1, 15), "1 year"),
        (date(2022, 1, 31), date(2024, 4, 30), "2 years 2 months"),
        (date(2020, 2, 29), date(2021, 2, 28), "11 months"),
    ],
)
def test_age_text(born, on, text):
    assert age_text(born, on) == text


def test_long_dates_and_day_names_are_english_whatever_the_computers_language():
    """A Welsh or Polish computer printed "4 Rhagfyr 2026" on English pages: the names come
    from the app, never from the system's locale."""
    import locale
    from pathlib import Path

    import portage_desktop
    from portage_desktop.services.dates import format_long, month_year, weekday_name

    day = date(2026, 12, 4)
    before = locale.setlocale(locale.LC_TIME)
    for name in ("cy_GB.UTF-8", "pl_PL.UTF-8", "C.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue  # not installed here; the scan below still holds everywhere
        try:
            assert format_long(day) == "4 December 2026"
            assert month_year(day) == "December 2026" and month_year(day, short=True) == "Dec 2026"
            assert (weekday_name(day), weekday_name(day, short=True)) == ("Friday", "Fri")
        finally:
            locale.setlocale(locale.LC_TIME, before)
    names = re.compile(r"""strftime\(\s*['"][^'"]*%[aAbBcxp]|\{[^{}]*:[^{}]*%[aAbBcxp]""")
    package = Path(portage_desktop.__file__).parent
    found = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if names.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []

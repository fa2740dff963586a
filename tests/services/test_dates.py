from __future__ import annotations

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

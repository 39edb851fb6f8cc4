"""Every date, time and deadline form of the format (docs/format.md, "Deadlines")."""

from __future__ import annotations

import datetime as dt

import pytest

from kpss_cli.core.dates import parse_date, parse_deadline, parse_time

D = dt.date


@pytest.mark.parametrize(
    ("text", "kind", "end"),
    [
        # a day
        ("2022-01-31", "date", D(2022, 1, 31)),
        ("31. 1. 2022", "date", D(2022, 1, 31)),
        ("31.1.2022", "date", D(2022, 1, 31)),
        ("1.2.2022", "date", D(2022, 2, 1)),  # day first, always
        ("31. 1. 22", "date", D(2022, 1, 31)),
        ("15. prosince 2021", "date", D(2021, 12, 15)),
        ("do 31. 1. 2022", "date", D(2022, 1, 31)),
        # a month
        ("2022-01", "period", D(2022, 1, 31)),
        ("01/22", "period", D(2022, 1, 31)),
        ("1/2022", "period", D(2022, 1, 31)),
        ("02/24", "period", D(2024, 2, 29)),  # leap year
        ("leden 2022", "period", D(2022, 1, 31)),
        ("ledna 2022", "period", D(2022, 1, 31)),
        ("Leden 2022", "period", D(2022, 1, 31)),
        ("září 2022", "period", D(2022, 9, 30)),
        ("cervence 2022", "period", D(2022, 7, 31)),  # without diacritics
        ("listopadu 2022", "period", D(2022, 11, 30)),
        ("do konce června 2022", "period", D(2022, 6, 30)),
        # a range of months
        ("01-02/22", "period", D(2022, 2, 28)),
        ("1–2/2022", "period", D(2022, 2, 28)),
        ("leden–únor 2022", "period", D(2022, 2, 28)),
        ("leden - únor 2022", "period", D(2022, 2, 28)),
        ("11/22-01/23", "period", D(2023, 1, 31)),
        # quarters, halves, years
        ("Q1 2022", "period", D(2022, 3, 31)),
        ("q4 2022", "period", D(2022, 12, 31)),
        ("1. čtvrtletí 2022", "period", D(2022, 3, 31)),
        ("3. ctvrtleti 2022", "period", D(2022, 9, 30)),
        ("1. pololetí 2022", "period", D(2022, 6, 30)),
        ("II. pololetí 2022", "period", D(2022, 12, 31)),
        ("v květnu 2022", "period", D(2022, 5, 31)),
        ("ve druhém čtvrtletí 2022", "unknown", None),
        ("do konce roku 2022", "period", D(2022, 12, 31)),
        ("2022", "period", D(2022, 12, 31)),
        # relative and none
        ("do příštího jednání", "next_meeting", None),
        ("Do příštího jednání", "next_meeting", None),
        ("na příštím jednání", "next_meeting", None),
        ("do dalšího setkání", "next_meeting", None),
        ("k příštímu jednání", "next_meeting", None),
        ("next meeting", "next_meeting", None),
        ("průběžně", "ongoing", None),
        ("prubezne", "ongoing", None),
        ("trvale", "ongoing", None),
        ("ongoing", "ongoing", None),
        # unreadable: kept as text, no deadline
        ("někdy na jaře", "unknown", None),
        ("2022-02-30", "unknown", None),
        ("13/22", "unknown", None),
        ("03-01/22", "unknown", None),
        ("31. 1.", "unknown", None),
    ],
)
def test_deadline_forms(text: str, kind: str, end: dt.date | None) -> None:
    deadline = parse_deadline(text)
    assert (deadline.kind, deadline.end) == (kind, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-12-15", D(2021, 12, 15)),
        ("15. 12. 2021", D(2021, 12, 15)),
        ("15.12.2021", D(2021, 12, 15)),
        ("1.2.2022", D(2022, 2, 1)),
        ("15. prosince 2021", D(2021, 12, 15)),
        ("2022-02-30", None),
        ("31. 4. 2022", None),
        ("12/15/2021", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_meeting_dates(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00", "14:00"),
        ("9:00", "09:00"),
        ("14.00", "14:00"),
        ("14:00-16:00", "14:00-16:00"),
        ("14:00 – 16:00", "14:00-16:00"),
        ("od 12:00 do 15:00 hod.", "12:00-15:00"),
        ("14 h", "14:00"),
        ("25:00", None),
        ("14:61", None),
        ("odpoledne", None),
    ],
)
def test_times(text: str, expected: str | None) -> None:
    assert parse_time(text) == expected

"""Deadlines as Czech offices write them (FORMAT.md 1.1, docs/format.md §8): the forms without
a year or counted from the meeting, anchored on the date of the meeting that set the task."""

from __future__ import annotations

import datetime as dt

import pytest

from kpss_cli.core.dates import parse_deadline

D = dt.date

# (text, meeting, kind, last day): every expected day worked out by hand.
ANCHORED = [
    # A day without a year: the first such day on or after the meeting.
    ("31. 3.", D(2026, 11, 20), "date", D(2027, 3, 31)),
    ("do 31. 3.", D(2026, 11, 20), "date", D(2027, 3, 31)),
    ("do 31. 3.", D(2026, 2, 10), "date", D(2026, 3, 31)),
    ("do 30.11.", D(2026, 11, 20), "date", D(2026, 11, 30)),
    ("do 30.11.", D(2026, 12, 1), "date", D(2027, 11, 30)),
    ("20. 11.", D(2026, 11, 20), "date", D(2026, 11, 20)),  # the meeting's own day
    ("19. 11.", D(2026, 11, 20), "date", D(2027, 11, 19)),
    ("15. ledna", D(2026, 11, 20), "date", D(2027, 1, 15)),  # set in November: next January
    ("do 15. ledna", D(2026, 11, 20), "date", D(2027, 1, 15)),
    ("do 15. ledna", D(2026, 1, 14), "date", D(2026, 1, 15)),
    ("15. Ledna", D(2026, 1, 15), "date", D(2026, 1, 15)),
    ("k 31. 3.", D(2026, 4, 1), "date", D(2027, 3, 31)),
    ("31. 12.", D(2027, 12, 31), "date", D(2027, 12, 31)),  # year end
    ("30. 12.", D(2027, 12, 31), "date", D(2028, 12, 30)),
    ("15. ledna", D(2027, 12, 31), "date", D(2028, 1, 15)),
    ("31. 1.", D(2026, 1, 31), "date", D(2026, 1, 31)),
    ("30. 1.", D(2026, 1, 31), "date", D(2027, 1, 30)),
    ("29. 2.", D(2026, 11, 20), "date", D(2028, 2, 29)),  # the next year that has it
    ("29. 2.", D(2028, 2, 29), "date", D(2028, 2, 29)),
    ("29. 2.", D(2029, 3, 1), "date", D(2032, 2, 29)),
    ("28. 2.", D(2028, 2, 29), "date", D(2029, 2, 28)),
    ("1. 3.", D(2028, 2, 29), "date", D(2028, 3, 1)),
    # A month without a year: the end of the first such month that ends on or after it.
    ("březen", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("v březnu", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("do konce března", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("do konce března", D(2026, 3, 31), "period", D(2026, 3, 31)),
    ("do konce brezna", D(2026, 2, 1), "period", D(2026, 3, 31)),
    ("listopad", D(2026, 11, 20), "period", D(2026, 11, 30)),  # the meeting's own month
    ("v říjnu", D(2026, 11, 20), "period", D(2027, 10, 31)),
    ("prosinec", D(2027, 12, 31), "period", D(2027, 12, 31)),
    ("březen", D(2027, 12, 31), "period", D(2028, 3, 31)),
    ("únor", D(2028, 2, 29), "period", D(2028, 2, 29)),
    ("únor", D(2027, 3, 1), "period", D(2028, 2, 29)),  # a leap February
    ("leden", D(2028, 2, 29), "period", D(2029, 1, 31)),
    # That month, quarter or half-year, with its year.
    ("do konce března 2027", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("XI/2026", D(2026, 11, 20), "period", D(2026, 11, 30)),
    ("XI. 2026", D(2026, 11, 20), "period", D(2026, 11, 30)),
    ("XII/26", D(2026, 11, 20), "period", D(2026, 12, 31)),
    ("II/2028", D(2027, 12, 31), "period", D(2028, 2, 29)),
    ("Q1/2027", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("I. čtvrtletí 2027", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("IV. čtvrtletí 2027", D(2026, 11, 20), "period", D(2027, 12, 31)),
    ("1. pololetí 2027", D(2026, 11, 20), "period", D(2027, 6, 30)),
    ("H1 2027", D(2026, 11, 20), "period", D(2027, 6, 30)),
    ("H2/2027", D(2026, 11, 20), "period", D(2027, 12, 31)),
    # The meeting's year and month.
    ("do konce roku", D(2026, 11, 20), "period", D(2026, 12, 31)),
    ("do konce roku", D(2027, 12, 31), "period", D(2027, 12, 31)),
    ("letos", D(2026, 1, 1), "period", D(2026, 12, 31)),
    ("v průběhu roku", D(2028, 2, 29), "period", D(2028, 12, 31)),
    ("do konce měsíce", D(2026, 11, 20), "period", D(2026, 11, 30)),
    ("do konce měsíce", D(2028, 2, 1), "period", D(2028, 2, 29)),
    ("do konce měsíce", D(2027, 2, 1), "period", D(2027, 2, 28)),
    ("do konce měsíce", D(2027, 12, 31), "period", D(2027, 12, 31)),
    # The meeting itself.
    ("ihned", D(2026, 11, 20), "date", D(2026, 11, 20)),
    ("Neprodleně", D(2027, 12, 31), "date", D(2027, 12, 31)),
    ("ještě dnes", D(2028, 2, 29), "date", D(2028, 2, 29)),
    # The meeting plus that time.
    ("do 14 dnů", D(2026, 11, 20), "date", D(2026, 12, 4)),
    ("do 14 dnů", D(2027, 12, 31), "date", D(2028, 1, 14)),
    ("do 10 dní", D(2026, 11, 20), "date", D(2026, 11, 30)),
    ("do týdne", D(2026, 11, 20), "date", D(2026, 11, 27)),
    ("do týdne", D(2027, 12, 31), "date", D(2028, 1, 7)),
    ("do jednoho týdne", D(2026, 11, 20), "date", D(2026, 11, 27)),
    ("do 2 týdnů", D(2026, 11, 20), "date", D(2026, 12, 4)),
    ("do dvou týdnů", D(2028, 2, 29), "date", D(2028, 3, 14)),
    ("do 4 týdnů", D(2026, 1, 31), "date", D(2026, 2, 28)),
    ("do měsíce", D(2026, 11, 20), "date", D(2026, 12, 20)),
    ("do měsíce", D(2026, 1, 31), "date", D(2026, 2, 28)),  # no 31 February: its last day
    ("do měsíce", D(2027, 12, 31), "date", D(2028, 1, 31)),
    ("do měsíce", D(2028, 2, 29), "date", D(2028, 3, 29)),
    ("do 2 měsíců", D(2027, 12, 31), "date", D(2028, 2, 29)),
    ("do 3 měsíců", D(2026, 11, 20), "date", D(2027, 2, 20)),
    ("do tří měsíců", D(2027, 12, 31), "date", D(2028, 3, 31)),
    ("do 12 měsíců", D(2028, 2, 29), "date", D(2029, 2, 28)),
    ("za 14 dní", D(2026, 11, 20), "date", D(2026, 12, 4)),
    # Next meeting: filled in from the archive (see the CLI tests).
    ("do příštího jednání", D(2026, 11, 20), "next_meeting", None),
    ("na příštím jednání", D(2026, 11, 20), "next_meeting", None),
    # Still not deadlines.
    ("31. 4.", D(2026, 11, 20), "unknown", None),
    ("30. 2.", D(2026, 11, 20), "unknown", None),
    ("do 5 pracovních dnů", D(2026, 11, 20), "unknown", None),
    ("do Vánoc", D(2026, 11, 20), "unknown", None),
    ("někdy na jaře", D(2026, 11, 20), "unknown", None),
]


@pytest.mark.parametrize(("text", "meeting", "kind", "end"), ANCHORED)
def test_anchored_forms(text: str, meeting: dt.date, kind: str, end: dt.date | None) -> None:
    deadline = parse_deadline(text, meeting)
    assert (deadline.kind, deadline.end) == (kind, end)


@pytest.mark.parametrize("text", ["31. 3.", "březen", "do konce roku", "ihned", "do 14 dnů", "do měsíce"])
def test_anchored_forms_need_the_meeting(text: str) -> None:
    """Without the meeting's date a form that counts from it is not read."""
    assert parse_deadline(text).kind == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "2022-01-31", "31. 1. 2022", "01/22", "leden 2022", "01-02/22", "Q1 2022", "1. čtvrtletí 2022",
        "2. pololetí 2022", "2022", "do konce června 2022", "průběžně", "do příštího jednání",
    ],
)  # fmt: skip
@pytest.mark.parametrize("meeting", [D(2021, 12, 15), D(2024, 2, 29), D(2030, 6, 1)])
def test_forms_with_a_year_do_not_depend_on_the_meeting(text: str, meeting: dt.date) -> None:
    assert parse_deadline(text, meeting) == parse_deadline(text)


def test_an_explicit_past_date_stays_in_the_past() -> None:
    """`kpss check` reports it; anchoring does not move it."""
    assert parse_deadline("01/21", D(2021, 12, 15)).end == D(2021, 1, 31)
    assert parse_deadline("XI/2020", D(2021, 12, 15)).end == D(2020, 11, 30)

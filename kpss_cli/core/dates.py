"""Dates, times and deadlines as Czech minutes write them.

Every form is matched explicitly: no guessing of day/month order and no filling-in from
today, so `1.2.2022` is always 1 February 2022. A deadline without a year, or counted from
the meeting (`31. 3.`, `do 14 dnů`), is anchored on the date of the meeting that set it, and
only on that (FORMAT.md 1.1).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .i18n import language
from .model import Value
from .names import fold
from .vocabulary import (
    ENGLISH_MONTHS,
    ENGLISH_WEEKDAYS,
    LAST_WEEK,
    MONTHS,
    NEXT_WEEK,
    NUMBERS,
    RELATIVE_DAYS,
    ROMAN,
    WEEKDAYS,
    alternatives,
)

# Month names after `fold` (no diacritics): Czech in three cases, and English.
_MONTHS: dict[str, int] = {
    fold(form): number
    for number, forms in enumerate(zip(MONTHS, ENGLISH_MONTHS, strict=True), start=1)
    for form in (*forms[0], *forms[1])
}

_MONTH_NAME = "(" + alternatives(list(_MONTHS)) + ")"
_YEAR = r"(\d{4}|\d{2})"
_DASH = r"\s*[-–—]\s*"  # hyphen, en dash, em dash
_SEP = r"(?:\s+|\s*/\s*)"  # between a quarter or half-year and its year: `Q1 2027`, `Q1/2027`
# Roman numerals after `fold` (lower case): months `XI/2026`, quarters `III. čtvrtletí`.
_ROMAN_MONTHS = {numeral.lower(): number for number, numeral in enumerate(ROMAN, start=1)}
_NUMBER_WORDS = {fold(form): number for number, forms in NUMBERS for form in forms}

# Patterns are compiled on first use, by `re`'s own cache: a warm `kpss tasks` reads at most
# one date (--as-of), and compiling them all took longer than that whole answer's query.
_ISO_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_CZ_DATE = r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*" + _YEAR
_CZ_NAMED_DATE = r"(\d{1,2})\s*\.\s*" + _MONTH_NAME + r"\s+(\d{4})"
_ISO_MONTH = r"(\d{4})-(\d{1,2})"
_SLASH_MONTH = r"(\d{1,2})\s*/\s*" + _YEAR
_SLASH_RANGE = r"(\d{1,2})" + _DASH + r"(\d{1,2})\s*/\s*" + _YEAR
_SLASH_FULL_RANGE = r"(\d{1,2})\s*/\s*" + _YEAR + _DASH + r"(\d{1,2})\s*/\s*" + _YEAR
_NAMED_MONTH = _MONTH_NAME + r"\s+" + _YEAR
_NAMED_RANGE = _MONTH_NAME + _DASH + _MONTH_NAME + r"\s+" + _YEAR
_QUARTER_NAME = r"(?:q\s*([1-4])|([1-4])\s*\.?\s*(?:q|ctvrtleti|kvartal))"
_QUARTER = _QUARTER_NAME + _SEP + _YEAR
_HALF_NAME = r"(?:([12]|i{1,2})\s*\.\s*pololeti|h\s*([12])|([12])\s*h)"  # `1. pololetí`, `H1`
_HALF = _HALF_NAME + _SEP + _YEAR
_YEAR_ONLY = r"(\d{4})"
_ROMAN_Q_NAME = r"(iv|i{1,3})\s*\.\s*(?:ctvrtleti|kvartal)"
_ROMAN_Q = _ROMAN_Q_NAME + _SEP + _YEAR
_ROMAN_MONTH = "(" + alternatives(list(_ROMAN_MONTHS)) + r")\s*[./]\s*" + _YEAR  # `XI/2026`, `XI. 2026`
# Without a year: the first such day or period on or after the meeting (`31. 3`, `15. ledna`).
_DAY_MONTH = r"(\d{1,2})\s*\.\s*(\d{1,2})"
_DAY_NAMED = r"(\d{1,2})\s*\.\s*" + _MONTH_NAME

# Counted from the meeting, read before the leading words are dropped (`do měsíce` is a month
# from the meeting, `do konce měsíce` the end of the meeting's month).
_TODAY = r"ihned|neprodlene|okamzite|(?:jeste\s+)?dnes"
_THIS_YEAR = (
    r"(?:nejpozdeji\s+)?(?:(?:do\s+)?(?:konce|koncem)|v\s+prubehu|behem)\s+(?:letosniho\s+|tohoto\s+)?roku"
    r"|letos|v\s+(?:letosnim|tomto)\s+roce"
)
_THIS_MONTH = (
    r"(?:nejpozdeji\s+)?(?:(?:do\s+)?(?:konce|koncem)|v\s+prubehu)\s+(?:tohoto\s+)?mesice|v\s+tomto\s+mesici"
)
_WITHIN = (
    r"(?:nejpozdeji\s+)?(?:do|za|behem|v\s+(?:terminu|lhute))\s+"
    r"(?:(\d{1,3})\s*|(" + alternatives(list(_NUMBER_WORDS)) + r")\s+)?(?:kalendarnich\s+)?"
    r"(den|dne|dni|dnu|dny|dnech|tyden|tydne|tydnu|tydny|tydnech|mesic|mesice|mesicu|mesici|mesicich)"
)

_NEXT_MEETING = (
    r"(?:(?:do|na|pro|k|ke)\s+)?(?:pristi(?:ho|m|mu)?|dalsi(?:ho|m|mu)?)\s+(?:jednani|setkani|schuzk[ay]|schuzce|schuzi)"
    r"|(?:by\s+|at\s+)?(?:the\s+)?next\s+meeting"
)
_ONGOING = r"prubezne|ongoing|trvale|stale|continuous(?:ly)?|permanent(?:ly)?"
# Leading words that only say "by": `do 31. 1. 2022`, `nejpozději do konce ledna 2022`.
_BY_PREFIX = (
    r"^(?:nejpozdeji\s+)?(?:do\s+|v\s+|ve\s+|behem\s+|k\s+|ke\s+)?(?:konce\s+|koncem\s+|kon\.\s*|prubehu\s+)?"
    r"(?:dne\s+|dni\s+)?(?:by\s+)?(?:end\s+of\s+)?(?:roku\s+)?"
)

_TIME = r"(\d{1,2})\s*[:.]\s*(\d{2})"
_TIME_RANGE = r"^(\d{1,2}[:.]\d{2})(?:\s*(?:[-–—]|do|to)\s*(\d{1,2}[:.]\d{2}))?$"
_HOUR_ONLY = r"^(\d{1,2})(?:\s*h(?:od)?\.?)?$"


class Deadline(Value):
    """A `due` value read: its kind and the last day it allows (None when there is none)."""

    __slots__ = ("kind", "end")

    def __init__(self, kind: str, end: dt.date | None = None) -> None:
        self.kind = kind  # "date" | "period" | "next_meeting" | "ongoing" | "unknown" | "none"
        self.end = end

    @property
    def readable(self) -> bool:
        """True unless the text could not be read as a deadline."""
        return self.kind != "unknown"


NO_DEADLINE = Deadline("none")
ONGOING = Deadline("ongoing")
NEXT_MEETING = Deadline("next_meeting")
UNKNOWN = Deadline("unknown")


def _year(text: str) -> int:
    """A two-digit year is 20YY."""
    return 2000 + int(text) if len(text) <= 2 else int(text)


def _month_end(year: int, month: int) -> dt.date:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month}")
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus `months`, on the same day of the month or the month's last (31 January + 1)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, _month_end(year, month).day))


def parse_date(text: str) -> dt.date | None:
    """Return the day `text` names (`2021-12-15`, `15. 12. 2021`, `15.12.21`,
    `15. prosince 2021`), or None when it names no single valid day.
    """
    return _parse_date(text)


# The same dates, times and deadlines recur across the files of an archive: each is read once.
@lru_cache(maxsize=16384)
def _parse_date(text: str) -> dt.date | None:
    value = text.strip()
    try:
        if m := re.fullmatch(_ISO_DATE, value):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(_CZ_DATE, value):
            return dt.date(_year(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(_CZ_NAMED_DATE, fold(value)):
            return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    except ValueError:  # 2022-02-30, month 13: not a date
        return None
    return None


_RELATIVE = {fold(word): shift for shift, words in RELATIVE_DAYS for word in words}
_WEEKDAY_NAMES = {
    fold(name): number
    for number, forms in enumerate(zip(WEEKDAYS, ENGLISH_WEEKDAYS, strict=True))
    for name in (*forms[0], forms[1])
}
_WEEKDAY = "(" + alternatives(list(_WEEKDAY_NAMES)) + ")"
_WEEK_WORD = (
    "(?:("
    + alternatives([fold(w) for w in NEXT_WEEK])
    + ")|("
    + alternatives([fold(w) for w in LAST_WEEK])
    + r"))\s+"
)
_TYPED_WEEKDAY = "(?:v[eo]?\\s+|na\\s+|on\\s+)?" + "(?:" + _WEEK_WORD + ")?" + _WEEKDAY
_TYPED_DAY_MONTH = r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?"


def parse_typed_date(text: str, today: dt.date) -> dt.date | None:
    """The day a user means by what they type in a date option, or None.

    Besides every form `parse_date` reads (`2027-03-05`, `5. 3. 2027`, `5.3.27`,
    `5. března 2027`): `dnes`, `zítra`, `pozítří`, `včera`, `předevčírem` (and `today`,
    `tomorrow`, `yesterday`); a weekday (`úterý`, `v úterý`, `tuesday`): the first such day from
    today on, today included; `příští úterý` (`next tuesday`): the Tuesday of next week (weeks
    begin on Monday); `minulé úterý`: the Tuesday of last week; and a day without its year
    (`5. 3.`, `5.3.`): the 5 March nearest to today, so in December `5. 1.` is next January
    and in January `20. 12.` last December.
    """
    day = parse_date(text)
    if day is not None:
        return day
    value = fold(text)
    if value in _RELATIVE:
        return today + dt.timedelta(days=_RELATIVE[value])
    if m := re.fullmatch(_TYPED_WEEKDAY, value):
        weekday = _WEEKDAY_NAMES[m[3]]
        if m[1] or m[2]:
            monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=1 if m[1] else -1)
            return monday + dt.timedelta(days=weekday)
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    if m := re.fullmatch(_TYPED_DAY_MONTH, value):
        return _nearest(int(m[1]), int(m[2]), today)
    if m := re.fullmatch(_DAY_NAMED + r"\.?", value):
        return _nearest(int(m[1]), _MONTHS[m[2]], today)
    return None


def _nearest(day: int, month: int, today: dt.date) -> dt.date | None:
    """The `day`. `month`. nearest to today (of last year, this year or next year)."""
    found = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            found.append(dt.date(year, month, day))
        except ValueError:  # 30. 2., or 29. 2. outside a leap year
            continue
    return min(found, key=lambda candidate: (abs((candidate - today).days), candidate)) if found else None


def czech_day(day: dt.date, weekday: bool = False) -> str:
    """`5. 3. 2027` (with `weekday`: `pátek 5. 3. 2027`): how kpss writes a day in Czech."""
    text = f"{day.day}. {day.month}. {day.year}"
    return f"{WEEKDAYS[day.weekday()][0]} {text}" if weekday else text


_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def spoken_day(day: dt.date, weekday: bool = False) -> str:
    """A day as the interface's language writes it: `pátek 5. 3. 2027` in Czech, `Friday
    2027-03-05` in English (ISO, as the English tables write dates)."""
    if language() == "cs":
        return czech_day(day, weekday)
    return f"{_ENGLISH_WEEKDAYS[day.weekday()]} {day.isoformat()}" if weekday else day.isoformat()


def parse_time(text: str) -> str | None:
    """Return a time or time range normalised to `HH:MM` / `HH:MM-HH:MM`, or None."""
    return _parse_time(text)


@lru_cache(maxsize=4096)
def _parse_time(text: str) -> str | None:
    value = fold(text).removesuffix("hod.").removesuffix("hod").removesuffix("h").strip()
    value = value.removeprefix("od ").strip()
    if m := re.fullmatch(_HOUR_ONLY, value):
        return _hhmm(int(m[1]), 0)
    m = re.fullmatch(_TIME_RANGE, value)
    if not m:
        return None
    parts = []
    for part in (m[1], m[2]):
        if part is None:
            continue
        t = re.fullmatch(_TIME, part)
        assert t is not None
        formatted = _hhmm(int(t[1]), int(t[2]))
        if formatted is None:
            return None
        parts.append(formatted)
    return "-".join(parts)


def _hhmm(hour: int, minute: int) -> str | None:
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


# A deadline anchored on the meeting, as read from its text: (what, number, month). The text is
# read once; the rule is applied to each meeting's date (`_anchored`).
_Rule = tuple[str, int, int]


def parse_deadline(text: str, anchor: dt.date | None = None) -> Deadline:
    """Read a `due` value set at a meeting held on `anchor`; see the table in docs/format.md
    for every form. The forms without a year or counted from the meeting (`31. 3.`, `březen`,
    `do 14 dnů`, `ihned`) are anchored on that date; without an anchor they are not read."""
    form = _parse_deadline(text)
    if isinstance(form, Deadline):
        return form
    return UNKNOWN if anchor is None else _anchored(form, anchor)


# The same few deadlines recur across an archive's meetings: each (rule, meeting date) once.
@lru_cache(maxsize=16384)
def _anchored(rule: _Rule, anchor: dt.date) -> Deadline:
    what, number, month = rule
    try:
        if what == "day":  # the first `number`. `month`. on or after the meeting
            for year in range(anchor.year, anchor.year + 9):  # 29. 2.: the next leap year
                try:
                    day = dt.date(year, month, number)
                except ValueError:
                    continue
                if day >= anchor:
                    return Deadline("date", day)
            return UNKNOWN
        if what == "month":  # the end of the first month `number` that ends on or after it
            year = anchor.year if number >= anchor.month else anchor.year + 1
            return Deadline("period", _month_end(year, number))
        if what == "days":
            return Deadline("date", anchor + dt.timedelta(days=number))
        if what == "months":
            return Deadline("date", _add_months(anchor, number))
        if what == "year":
            return Deadline("period", dt.date(anchor.year, 12, 31))
        if what == "this_month":
            return Deadline("period", _month_end(anchor.year, anchor.month))
        return Deadline("date", anchor)  # "today"
    except (ValueError, OverflowError):  # past the year 9999
        return UNKNOWN


@lru_cache(maxsize=16384)
def _parse_deadline(text: str) -> Deadline | _Rule:  # a Deadline is frozen: one can be shared
    value = fold(text).strip(" .,;")
    if not value:
        return NO_DEADLINE
    if re.fullmatch(_NEXT_MEETING, value):
        return NEXT_MEETING
    if re.fullmatch(_ONGOING, value):
        return ONGOING
    if rule := _from_meeting(value):
        return rule
    value = re.sub(_BY_PREFIX, "", value, count=1).strip()
    try:
        return _parse_deadline_value(value)
    except (ValueError, KeyError):  # month 13, day 32, ...
        return UNKNOWN


def _from_meeting(value: str) -> _Rule | None:
    """The rule of a deadline counted from the meeting (`ihned`, `do konce roku`, `do 14 dnů`)."""
    if re.fullmatch(_TODAY, value):
        return ("today", 0, 0)
    if re.fullmatch(_THIS_YEAR, value):
        return ("year", 0, 0)
    if re.fullmatch(_THIS_MONTH, value):
        return ("this_month", 0, 0)
    if m := re.fullmatch(_WITHIN, value):
        count = int(m[1]) if m[1] else _NUMBER_WORDS[m[2]] if m[2] else 1
        if m[3].startswith("d"):
            return ("days", count, 0)
        if m[3].startswith("t"):
            return ("days", 7 * count, 0)
        return ("months", count, 0)
    return None


def _yearless_day(day: int, month: int) -> _Rule:
    dt.date(2000, month, day)  # a ValueError unless some year has it (2000 has 29 February)
    return ("day", day, month)


def _parse_deadline_value(value: str) -> Deadline | _Rule:
    if day := parse_date(value):
        return Deadline("date", day)
    if m := re.fullmatch(_ISO_MONTH, value):
        return Deadline("period", _month_end(int(m[1]), int(m[2])))
    if m := re.fullmatch(_SLASH_MONTH, value):
        return Deadline("period", _month_end(_year(m[2]), int(m[1])))
    if m := re.fullmatch(_SLASH_RANGE, value):
        if int(m[1]) > int(m[2]):
            return UNKNOWN
        return Deadline("period", _month_end(_year(m[3]), int(m[2])))
    if m := re.fullmatch(_SLASH_FULL_RANGE, value):
        return Deadline("period", _month_end(_year(m[4]), int(m[3])))
    if m := re.fullmatch(_NAMED_MONTH, value):
        return Deadline("period", _month_end(_year(m[2]), _MONTHS[m[1]]))
    if m := re.fullmatch(_NAMED_RANGE, value):
        return Deadline("period", _month_end(_year(m[3]), _MONTHS[m[2]]))
    if m := re.fullmatch(_QUARTER, value):
        quarter = int(m[1] or m[2])
        return Deadline("period", _month_end(_year(m[3]), quarter * 3))
    if m := re.fullmatch(_ROMAN_Q, value):
        return Deadline("period", _month_end(_year(m[2]), _ROMAN_MONTHS[m[1]] * 3))
    if m := re.fullmatch(_HALF, value):
        return Deadline("period", _month_end(_year(m[4]), _half(m) * 6))
    if m := re.fullmatch(_YEAR_ONLY, value):
        return Deadline("period", dt.date(int(m[1]), 12, 31))
    if m := re.fullmatch(_ROMAN_MONTH, value):
        return Deadline("period", _month_end(_year(m[2]), _ROMAN_MONTHS[m[1]]))
    # Without a year: anchored on the meeting.
    if m := re.fullmatch(_DAY_MONTH, value):
        return _yearless_day(int(m[1]), int(m[2]))
    if m := re.fullmatch(_DAY_NAMED, value):
        return _yearless_day(int(m[1]), _MONTHS[m[2]])
    if m := re.fullmatch(_MONTH_NAME, value):
        return ("month", _MONTHS[m[1]], 0)
    if m := re.fullmatch(_QUARTER_NAME, value):
        return ("month", int(m[1] or m[2]) * 3, 0)
    if m := re.fullmatch(_ROMAN_Q_NAME, value):
        return ("month", _ROMAN_MONTHS[m[1]] * 3, 0)
    if m := re.fullmatch(_HALF_NAME, value):
        return ("month", _half(m) * 6, 0)
    return UNKNOWN


def _half(m: re.Match[str]) -> int:
    """1 or 2, of a match of `_HALF_NAME`: `1. pololetí`, `II. pololetí`, `H1`, `2H`."""
    if m[1]:
        return len(m[1]) if m[1].startswith("i") else int(m[1])
    return int(m[2] or m[3])

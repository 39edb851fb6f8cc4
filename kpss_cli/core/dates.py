"""Dates, times and deadlines as Czech minutes write them.

Every form is matched explicitly: no guessing of day/month order and no filling-in from
today, so `1.2.2022` is always 1 February 2022.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .model import Value
from .names import fold
from .vocabulary import ENGLISH_MONTHS, MONTHS, ROMAN, alternatives

# Month names after `fold` (no diacritics): Czech in three cases, and English.
_MONTHS: dict[str, int] = {
    fold(form): number
    for number, forms in enumerate(zip(MONTHS, ENGLISH_MONTHS, strict=True), start=1)
    for form in (*forms[0], *forms[1])
}

_MONTH_NAME = "(" + alternatives(list(_MONTHS)) + ")"
_YEAR = r"(\d{4}|\d{2})"
_DASH = r"\s*[-–—]\s*"  # hyphen, en dash, em dash

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
_QUARTER = r"(?:q\s*([1-4])|([1-4])\s*\.?\s*(?:q|ctvrtleti|kvartal))\s+" + _YEAR
_HALF = r"([12]|i{1,2})\s*\.\s*pololeti\s+" + _YEAR
_YEAR_ONLY = r"(\d{4})"
_ROMAN_QUARTER = {numeral.lower(): number for number, numeral in enumerate(ROMAN[:4], start=1)}
_ROMAN_Q = r"(iv|i{1,3})\s*\.\s*(?:ctvrtleti|kvartal)\s+" + _YEAR

_NEXT_MEETING = (
    r"(?:(?:do|na|pro|k|ke)\s+)?(?:pristi(?:ho|m|mu)?|dalsi(?:ho|m|mu)?)\s+(?:jednani|setkani|schuzk[ay]|schuzce|schuzi)"
    r"|(?:by\s+|at\s+)?(?:the\s+)?next\s+meeting"
)
_ONGOING = r"prubezne|ongoing|trvale|stale|continuous(?:ly)?|permanent(?:ly)?"
# Leading words that only say "by": `do 31. 1. 2022`, `nejpozději do konce ledna 2022`.
_BY_PREFIX = r"^(?:nejpozdeji\s+)?(?:do\s+|v\s+|ve\s+|behem\s+)?(?:konce\s+|kon\.\s*)?(?:by\s+)?(?:end\s+of\s+)?(?:roku\s+)?"

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


def looks_like_date(text: str) -> bool:
    """True when `text` has the shape of a date, valid or not (for error messages)."""
    value = text.strip()
    return bool(re.fullmatch(_ISO_DATE, value) or re.fullmatch(_CZ_DATE, value))


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


def parse_deadline(text: str) -> Deadline:
    """Read a `due` value; see the table in docs/format.md for every form."""
    return _parse_deadline(text)


@lru_cache(maxsize=16384)
def _parse_deadline(text: str) -> Deadline:  # a Deadline is frozen: one can be shared
    value = fold(text).strip(" .,;")
    if not value:
        return NO_DEADLINE
    if re.fullmatch(_NEXT_MEETING, value):
        return NEXT_MEETING
    if re.fullmatch(_ONGOING, value):
        return ONGOING
    value = re.sub(_BY_PREFIX, "", value, count=1).strip()
    try:
        return _parse_deadline_value(value)
    except (ValueError, KeyError):  # month 13, day 32, ...
        return UNKNOWN


def _parse_deadline_value(value: str) -> Deadline:
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
        return Deadline("period", _month_end(_year(m[2]), _ROMAN_QUARTER[m[1]] * 3))
    if m := re.fullmatch(_HALF, value):
        half = len(m[1]) if m[1].startswith("i") else int(m[1])
        return Deadline("period", _month_end(_year(m[2]), half * 6))
    if m := re.fullmatch(_YEAR_ONLY, value):
        return Deadline("period", dt.date(int(m[1]), 12, 31))
    return UNKNOWN

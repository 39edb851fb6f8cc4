"""Dates and times inside running text: `20.12. 2011 od 12:00 – 15:00 hod.`, `ze dne 29. března 2018`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..core.names import fold
from ..core.vocabulary import MONTHS_GENITIVE, WEEKDAY_STEMS, WEEKDAYS
from .text import loose

_MONTH_FORMS = {name: number for number, name in enumerate(MONTHS_GENITIVE, start=1)}
_MONTH_BY_FOLD = {fold(name): number for name, number in _MONTH_FORMS.items()}
_MONTHS = "|".join(loose(m) for m in sorted(_MONTH_FORMS, key=len, reverse=True))

_NUMERIC = re.compile(
    r"(?<![\d.,/])(\d{1,2})\s*\.\s*(\d{1,2})\s*\.(?:\s*(\d{4}(?!\d)|\d{2}(?!\d|\s*[.:]\s*\d)))?"
)
_NAMED = re.compile(r"(?<![\d.])(\d{1,2})\s*\.\s*(" + _MONTHS + r")\b(?:\s+(\d{4})(?!\d))?", re.IGNORECASE)
_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
# `21. XI. 2022`: the month in Roman numerals
_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN = re.compile(
    r"(?<![\d.])(\d{1,2})\s*\.\s*("
    + "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True))
    + r")\s*\.(?:\s*(\d{4})(?!\d))?"
)
# `Zápis ze schůze 1.7 2019`: the dot after the month lost before a full year, right after the
# meeting noun or `dne` (elsewhere `2.5 2019` may be a decimal number before a year).
_LOST_DOT = re.compile(
    r"\b(?:dne|schůze|schůzky|jednání|zasedání|porady|setkání)\s+(\d{1,2})\s*\.\s*(\d{1,2})\s+(\d{4})(?![\d.,:])",
    re.IGNORECASE,
)
# `15/03/2023` (a full year: `2/2020/2`, the number of a resolution, is none)
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
# `1.1.2018 do 31.12.2019`: a range of dates is a period, not the meeting day.
_WEEKDAYS = {stem: number for number, stems in enumerate(WEEKDAY_STEMS) for stem in stems}
_WEEKDAY_BEFORE = re.compile("(" + "|".join(_WEEKDAYS) + r")\w*\W{0,3}$")


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date written in text; `year` is None when the text gives none (`19. 1.`)."""

    day: int
    month: int
    year: int | None
    start: int
    end: int
    weekday: int | None = None  # a weekday named just before it (`na středu 17. 5.`)

    def date(self, year: int | None = None) -> dt.date | None:
        """The day, with `year` when the text has none; None when it is not a valid day."""
        chosen = self.year if self.year is not None else year
        if chosen is None:
            return None
        try:
            return dt.date(chosen, self.month, self.day)
        except ValueError:
            return None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    return 2000 + int(text) if len(text) == 2 else int(text)


def find_dates(text: str) -> list[DateHit]:
    """Every date in `text`, in order (with or without a year), valid days only."""
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def add(day: int, month: int, year: int | None, start: int, end: int) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return
        if year is not None and not 1990 <= year <= 2100:
            return
        probe = DateHit(day, month, year if year is not None else 2000, start, end)
        if probe.date() is None:
            return
        before = fold(text[max(0, start - 20) : start])
        weekday_match = _WEEKDAY_BEFORE.search(before)
        weekday = _WEEKDAYS[weekday_match[1]] if weekday_match else None
        taken.append((start, end))
        hits.append(DateHit(day, month, year, start, end, weekday))

    for m in _ISO.finditer(text):
        add(int(m[3]), int(m[2]), int(m[1]), m.start(), m.end())
    for m in _NAMED.finditer(text):
        add(int(m[1]), _MONTH_BY_FOLD[fold(m[2])], _year(m[3]), m.start(), m.end())
    for m in _NUMERIC.finditer(text):
        add(int(m[1]), int(m[2]), _year(m[3]), m.start(), m.end())
    for m in _LOST_DOT.finditer(text):
        add(int(m[1]), int(m[2]), int(m[3]), m.start(1), m.end())
    for m in _SLASHED.finditer(text):
        add(int(m[1]), int(m[2]), int(m[3]), m.start(), m.end())
    for m in _ROMAN.finditer(text):
        add(int(m[1]), _ROMAN_MONTHS.index(m[2]) + 1, _year(m[3]), m.start(), m.end())
    hits.sort(key=lambda h: h.start)
    return hits


def without_dates(text: str, hits: list[DateHit] | None = None) -> str:
    """`text` with its dates blanked out (so that `20.12` is not read as a time)."""
    chars = list(text)
    for hit in find_dates(text) if hits is None else hits:
        for i in range(hit.start, hit.end):
            chars[i] = " "
    return "".join(chars)


_H = r"(\d{1,2})"
_M = r"(\d{2})"
_HOURS_WORD = r"(?:\s*(?:hod(?:in[ay]?)?\.?|h\b\.?))?"
_RANGE = re.compile(
    r"(?<![\d.,:])"
    + _H
    + r"\s*[:.,]\s*"
    + _M
    + _HOURS_WORD
    + r"\s*(?:[-–—]+|do|až)\s*"
    + _H
    + r"\s*[:.,]\s*"
    + _M
    + r"(?!\d)",
    re.IGNORECASE,
)
_HOUR_RANGE = re.compile(
    r"\bod\s+"
    + _H
    + r"(?:\s*[:.]\s*"
    + _M
    + r")?"
    + _HOURS_WORD
    + r"\s*(?:[-–—]|do)\s*"
    + _H
    + r"(?:\s*[:.]\s*"
    + _M
    + r")?\s*(?:hod(?:in[ay]?)?\.?|h\b\.?)",
    re.IGNORECASE,
)
# `v 9:30 h 14:00 h`: a transcript lost the dash between two times, each with its word for hours.
_UNDASHED_RANGE = re.compile(
    r"(?<![\d.,:])"
    + _H
    + r"\s*[:.]\s*"
    + _M
    + r"\s*(?:hod\.?|h\b\.?)\s+"
    + _H
    + r"\s*[:.]\s*"
    + _M
    + r"\s*(?:hod(?:in[ay]?)?\.?|h\b\.?)",
    re.IGNORECASE,
)
# `9 – 11 hod.`: whole hours, the word for hours after the second one.
_BARE_HOUR_RANGE = re.compile(
    r"(?<![\d.,:/])" + _H + r"\s*(?:[-–—]|do)\s*" + _H + r"\s*(?:hod(?:in[ay]?)?\.?|h\b\.?)", re.IGNORECASE
)
_SINGLE = re.compile(r"(?<![\d.,:/])" + _H + r"\s?[:.]\s?" + _M + r"(?![\d]|\.\d)")
# `v 10,00 hodin`: a decimal comma is a time only before `hod`/`h` (`10,00 Kč` is money).
_COMMA_HOUR = re.compile(
    r"(?<![\d.,:/])" + _H + r",\s?" + _M + r"\s*(?:hod(?:in[ay]?)?\.?|h\b\.?)", re.IGNORECASE
)
# `od 9 00 h`: minutes set in superscript in Word (`9⁰⁰ h`), flattened to a space; only before
# the word for hours.
_SPACED_MINUTES = re.compile(
    loose(r"(?:\bod|\bv|\bve|začátek|zahájení)\s+") + _H + r"\s" + _M + r"\s*(?:hod(?:in[ay]?)?\.?|h\b\.?)",
    re.IGNORECASE,
)
# `od 1900 hod.`: the same without even the space (19⁰⁰); four digits only before the word for hours.
_GLUED_MINUTES = re.compile(
    loose(r"(?:\bod|\bv|\bve|začátek|zahájení)\s+")
    + r"([01]?\d|2[0-3])([0-5]\d)\s*(?:hod(?:in[ay]?)?\.?|h\b\.?)",
    re.IGNORECASE,
)
_HOUR = re.compile(
    loose(r"(?:\bod|\bv|\bve|začátek|zahájení|začátkem)\s+") + _H + r"\s*(?:hod(?:in[ay]?)?|h)\b",
    re.IGNORECASE,
)


def _hhmm(hour: str, minute: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59 or (h == 24 and m):
        return None
    return f"{h:02d}:{m:02d}"


@dataclass(frozen=True, slots=True)
class TimeHit:
    """A time or time range written in text."""

    value: str  # `HH:MM` or `HH:MM-HH:MM`
    start: int
    end: int


def find_time(text: str) -> TimeHit | None:
    """The first time or time range in `text` (dates in it are ignored)."""
    blank = without_dates(text)
    found: list[TimeHit] = []
    for pattern in (_RANGE, _HOUR_RANGE, _UNDASHED_RANGE, _BARE_HOUR_RANGE):
        for m in pattern.finditer(blank):
            groups = m.groups()
            first, second = (
                (_hhmm(groups[0], None), _hhmm(groups[1], None))
                if len(groups) == 2
                else (_hhmm(m[1], m[2]), _hhmm(m[3], m[4]))
            )
            if any(h.start <= m.start() < h.end for h in found):
                continue
            if first and second and first < second:
                found.append(TimeHit(f"{first}-{second}", m.start(), m.end()))
    for pattern in (_SINGLE, _COMMA_HOUR, _SPACED_MINUTES, _GLUED_MINUTES, _HOUR):
        for m in pattern.finditer(blank):
            groups = m.groups()
            value = _hhmm(groups[0], groups[1] if len(groups) > 1 else None)
            if value and not any(h.start <= m.start() < h.end for h in found):
                found.append(TimeHit(value, m.start(), m.end()))
    if not found:
        return None
    return min(found, key=lambda h: h.start)


def roll_forward(hit: DateHit, reference: dt.date | None) -> dt.date | None:
    """The day of a date without a year: in `reference`'s year, or the next year when that
    would fall before `reference`. A date with a year is returned as written."""
    if hit.year is not None:
        return hit.date()
    if reference is None:
        return None
    day = hit.date(reference.year)
    if day is not None and day < reference:
        day = hit.date(reference.year + 1)
    return day


def weekday_fix(hit: DateHit, reference: dt.date) -> dt.date | None:
    """A dated day before `reference` whose named weekday only fits `reference`'s year (or the
    next one): the classic typo of last year's number. Returns the corrected day, or None."""
    written = hit.date()
    if written is None or hit.weekday is None or written >= reference or written.weekday() == hit.weekday:
        return None
    for year in (reference.year, reference.year + 1):
        try:
            candidate = dt.date(year, hit.month, hit.day)
        except ValueError:
            continue
        if candidate >= reference and candidate.weekday() == hit.weekday:
            return candidate
    return None


_FILLER_WORDS = re.compile(
    r"(?i)\b(?:od|do|dne|v|ve|hod(?:in[ay]?)?\.?|h\.?|"
    + "|".join(dict.fromkeys(form for forms in WEEKDAYS for form in forms))
    + r")\b"
)


def leftover(value: str) -> str:
    """`value` without its dates, times and the words around them (what is left is a place)."""
    text = without_dates(value)
    timing = find_time(text)
    while timing is not None:
        text = text[: timing.start] + " " + text[timing.end :]
        timing = find_time(text)
    text = re.sub(r"\(\s*\)", " ", _FILLER_WORDS.sub(" ", text))  # `(středa)` leaves `( )`
    return " ".join(text.split()).strip(" ,;:-–—/|.")

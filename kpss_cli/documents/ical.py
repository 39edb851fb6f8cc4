"""iCalendar output: meetings of the schedule and task deadlines, for Outlook or Google Calendar.

Every event has a UID a calendar keeps it by, stable across runs and machines:
`meeting-SLUG-PLANNED-ARCHIVE@kpss` for a meeting, `task-ID-ARCHIVE@kpss` for a deadline.
PLANNED is the day the schedule planned the meeting on (the day it was held when it was not
planned), so a meeting held a few days off its plan (`moved` in `kpss schedule`) keeps its UID;
it then has SEQUENCE 1 (0 as planned), so calendars replace the event instead of adding one.
ARCHIVE tells archives apart (two towns' steering groups meeting on one day): the first 12 hex
digits of the SHA-256 of `calendar_id` in kpss.yaml when given, else of the organisation,
else of the groups' names. Summaries and descriptions are in the language of kpss.yaml, and
times are Europe/Prague with its VTIMEZONE.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from ..core.config import Config
from ..core.dates import czech_day
from ..output.formats import clean  # a calendar is read on screens: no terminal escapes from minutes

if TYPE_CHECKING:
    import icalendar  # imported where a calendar is made: some 25 ms, and most runs make none

PRAGUE = ZoneInfo("Europe/Prague")
DEFAULT_LENGTH = dt.timedelta(hours=2)


def _calendar(name: str) -> icalendar.Calendar:
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//kpss//komunitní plánování sociálních služeb//CS")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", clean(name))
    return calendar


def _add_timezones(calendar: icalendar.Calendar) -> None:
    """calendar.add_missing_timezones(), each VTIMEZONE made once a run: making one walks its
    zone's transitions (some 17 ms), and `kpss remind` may attach a calendar to many e-mails."""
    timezones = len(calendar.timezones)
    for tzid in sorted(calendar.get_missing_tzids()):
        timezone = _timezone(tzid)
        if timezone is not None:  # one kpss does not know is left out, as icalendar leaves it
            calendar.subcomponents.insert(timezones, timezone)
            timezones += 1


@functools.cache
def _timezone(tzid: str) -> icalendar.Timezone | None:
    import icalendar

    try:
        return icalendar.Timezone.from_tzid(tzid)
    except ValueError:
        return None


# What a calendar says of a meeting or a task, in the language of kpss.yaml.
WORDS = {
    "cs": {
        "held": "jednání se konalo",
        "moved": "jednání se konalo {day}, plánováno na {planned}",
        "missing": "plánované jednání bez zápisu",
        "planned": "plánované jednání",
        "off-schedule": "jednání mimo plán",
        "minutes": "zápis: {path}",
        "task": "úkol {id} z jednání {group} {day}",
        "open": "stav: trvá",
        "done": "stav: splněno",
        "cancelled": "stav: zrušeno",
    },
    "en": {
        "held": "the meeting was held",
        "moved": "held on {day}, planned for {planned}",
        "missing": "a planned meeting without minutes",
        "planned": "a planned meeting",
        "off-schedule": "a meeting off the schedule",
        "minutes": "minutes: {path}",
        "task": "task {id} of the meeting of {group} on {day}",
        "open": "status: open",
        "done": "status: done",
        "cancelled": "status: cancelled",
    },
}


def _event() -> icalendar.Event:
    import icalendar

    return icalendar.Event()


def archive_id(config: Config) -> str:
    """What tells this archive's events apart from another's: stable across runs and machines
    (see the module's docstring)."""
    given = config.extra.get("calendar_id")
    identity = (
        str(given) if given else config.organisation or "\n".join(g.name for g in config.groups) or "kpss"
    )
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]


def _uid(text: str, archive: str) -> str:
    """A stable UID: the same meeting or task keeps it between runs, so subscriptions update."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") + f"-{archive}@kpss"


def meeting_uid(group_slug: str, planned: dt.date, archive: str) -> str:
    """The UID of a group's meeting planned on `planned` (or held then, when not planned)."""
    return _uid(f"meeting-{group_slug}-{planned.isoformat()}", archive)


def _words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["cs"])


def _day(day: dt.date, language: str) -> str:
    return czech_day(day) if language == "cs" else day.isoformat()


def _times(day: dt.date, time: str | None) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    if not time:
        return day, day + dt.timedelta(days=1)
    start_text, _, end_text = time.partition("-")
    start = _moment(day, start_text)
    end = _moment(day, end_text) if end_text else start + DEFAULT_LENGTH
    return start, max(end, start)


def _moment(day: dt.date, hh_mm: str) -> dt.datetime:
    """`24:00` is midnight at the end of the day, as minutes write it."""
    hour, minute = (int(part) for part in hh_mm.split(":"))
    return dt.datetime.combine(day, dt.time(0), PRAGUE) + dt.timedelta(hours=hour, minutes=minute)


def write_schedule(
    rows: Iterable[dict[str, Any]], out: TextIO, stamp: dt.date, name: str, config: Config
) -> int:
    """Write planned and held meetings (rows of `kpss schedule`) as VEVENTs; return the count."""
    calendar = _calendar(name)
    archive = archive_id(config)
    words = _words(config.language)
    count = 0
    for row in rows:
        day = dt.date.fromisoformat(row["date"])
        planned = dt.date.fromisoformat(row["planned"]) if row.get("planned") else day
        start, end = _times(day, row.get("time"))
        event = _event()
        event.add("uid", meeting_uid(row["group_slug"], planned, archive))
        event.add("sequence", 0 if planned == day else 1)
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.UTC))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", clean(row["group"]))
        if row.get("place"):
            event.add("location", clean(row["place"]))
        description = [
            words.get(row["status"], row["status"]).format(
                day=_day(day, config.language), planned=_day(planned, config.language)
            )
        ]
        if row.get("path"):
            description.append(words["minutes"].format(path=row["path"]))
        event.add("description", "\n".join(clean(line) for line in description))
        calendar.add_component(event)
        count += 1
    _add_timezones(calendar)
    out.write(calendar.to_ical().decode("utf-8"))
    return count


def write_deadlines(
    rows: Iterable[dict[str, Any]], out: TextIO, stamp: dt.date, name: str, config: Config
) -> int:
    """Write task deadlines (rows of `kpss tasks`) as all-day VEVENTs; tasks without one are left out."""
    calendar = _calendar(name)
    archive = archive_id(config)
    words = _words(config.language)
    count = 0
    for row in rows:
        if not row.get("deadline"):
            continue
        day = dt.date.fromisoformat(row["deadline"])
        if day >= dt.date.max:
            continue  # `due: 9999`: no calendar holds the day after
        event = _event()
        event.add("uid", _uid(f"task-{row['id']}", archive))
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.UTC))
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        owner = f" ({row['owner']})" if row.get("owner") else ""
        event.add("summary", clean(f"{row['task']}{owner}"))
        meeting = _day(dt.date.fromisoformat(row["meeting_date"]), config.language)
        task = words["task"].format(id=row["id"], group=row["group"], day=meeting)
        event.add("description", clean(task) + "\n" + words.get(row["status"], row["status"]))
        event.add("categories", [row["group_slug"]])
        calendar.add_component(event)
        count += 1
    out.write(calendar.to_ical().decode("utf-8"))
    return count


def meeting_invitation(
    group: str,
    group_slug: str,
    day: dt.date,
    time: str | None,
    place: str | None,
    stamp: dt.datetime,
    config: Config,
) -> bytes:
    """One meeting as a calendar to attach to its invitation. Its UID is the one `kpss schedule
    --format ics` gives the meeting planned that day, so a calendar holding both keeps one event."""
    calendar = _calendar(group)
    start, end = _times(day, time)
    event = _event()
    event.add("uid", meeting_uid(group_slug, day, archive_id(config)))
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", clean(group))
    if place:
        event.add("location", clean(place))
    calendar.add_component(event)
    _add_timezones(calendar)
    return bytes(calendar.to_ical())

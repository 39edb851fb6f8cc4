"""iCalendar output: meetings of the schedule and task deadlines, for Outlook or Google Calendar."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, TextIO
from zoneinfo import ZoneInfo

import icalendar

from ..output.formats import clean  # a calendar is read on screens: no terminal escapes from minutes

PRAGUE = ZoneInfo("Europe/Prague")
DEFAULT_LENGTH = dt.timedelta(hours=2)


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//kpss//komunitní plánování sociálních služeb//CS")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", clean(name))
    return calendar


def _uid(text: str) -> str:
    """A stable UID: the same meeting or task keeps it between runs, so subscriptions update."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") + "@kpss"


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


def write_schedule(rows: Iterable[dict[str, Any]], out: TextIO, stamp: dt.date, name: str) -> int:
    """Write planned and held meetings (rows of `kpss schedule`) as VEVENTs; return the count."""
    calendar = _calendar(name)
    count = 0
    for row in rows:
        day = dt.date.fromisoformat(row["date"])
        start, end = _times(day, row.get("time"))
        event = icalendar.Event()
        event.add("uid", _uid(f"meeting-{row['group_slug']}-{row['date']}"))
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.UTC))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", clean(row["group"]))
        if row.get("place"):
            event.add("location", clean(row["place"]))
        description = [f"status: {row['status']}"]
        if row.get("path"):
            description.append(f"zápis: {row['path']}")
        event.add("description", "\n".join(clean(line) for line in description))
        calendar.add_component(event)
        count += 1
    calendar.add_missing_timezones()
    out.write(calendar.to_ical().decode("utf-8"))
    return count


def write_deadlines(rows: Iterable[dict[str, Any]], out: TextIO, stamp: dt.date, name: str) -> int:
    """Write task deadlines (rows of `kpss tasks`) as all-day VEVENTs; tasks without one are left out."""
    calendar = _calendar(name)
    count = 0
    for row in rows:
        if not row.get("deadline"):
            continue
        day = dt.date.fromisoformat(row["deadline"])
        if day >= dt.date.max:
            continue  # `due: 9999`: no calendar holds the day after
        event = icalendar.Event()
        event.add("uid", _uid(f"task-{row['id']}"))
        event.add("dtstamp", dt.datetime.combine(stamp, dt.time(), dt.UTC))
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        owner = f" ({row['owner']})" if row.get("owner") else ""
        event.add("summary", clean(f"{row['task']}{owner}"))
        event.add(
            "description",
            clean(f"{row['group']}, {row['meeting_date']}: {row['id']}") + f"\nstatus: {row['status']}",
        )
        event.add("categories", [row["group_slug"]])
        calendar.add_component(event)
        count += 1
    out.write(calendar.to_ical().decode("utf-8"))
    return count


def meeting_invitation(
    group: str, group_slug: str, day: dt.date, time: str | None, place: str | None, stamp: dt.datetime
) -> bytes:
    """One meeting as a calendar to attach to its invitation. Its UID is the one `kpss schedule
    --format ics` gives the meeting, so a calendar holding both keeps one event."""
    calendar = _calendar(group)
    start, end = _times(day, time)
    event = icalendar.Event()
    event.add("uid", _uid(f"meeting-{group_slug}-{day.isoformat()}"))
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", clean(group))
    if place:
        event.add("location", clean(place))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())

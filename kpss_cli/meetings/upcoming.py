"""New minutes for a group: where they go, what they start with, and writing them safely."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.config import GroupConfig
from ..core.model import Task
from ..store.archive import Archive
from .query import group_slugs, sort_tasks
from .schedule import planned_dates

STANDARD_AGENDA = {
    "cs": [
        "Úvod",
        "Kontrola úkolů z minulého jednání",
        "Informace z města a kraje",
        "Informace z pracovních skupin",
        "Různé",
    ],
    "en": [
        "Opening",
        "Review of tasks from the last meeting",
        "News from the town and the region",
        "News from the working groups",
        "Any other business",
    ],
}
LOOKAHEAD = dt.timedelta(days=400)


def resolve_group(archive: Archive, wanted: str) -> GroupConfig:
    """The group `wanted` names: from kpss.yaml, else from the minutes already in the archive."""
    if group := archive.config.find_group(wanted):
        return group
    slugs = group_slugs(archive, wanted)  # raises, listing the known groups, when none matches
    latest = [m for m in archive.minutes if m.group_slug in slugs][-1]
    return GroupConfig(slug=latest.group_slug, name=latest.group, folder=latest.path.rpartition("/")[0])


def next_planned(group: GroupConfig, after: dt.date) -> dt.date | None:
    """The group's first planned meeting on or after `after`, if the schedule has one."""
    dates = planned_dates(group, after, after + LOOKAHEAD)
    return dates[0] if dates else None


def is_open(task: Task) -> bool:
    """A task an invitation or a reminder may list (the views `agenda` and `remind` keep no
    others: commands/shared.load_reduced)."""
    return task.status == "open"


def open_tasks_on(archive: Archive, group: GroupConfig, day: dt.date) -> list[Task]:
    """Tasks of the group set before `day` and still open: what the meeting reviews."""
    tasks = [
        t for t in archive.tasks if t.group_slug == group.slug and t.status == "open" and t.meeting_date < day
    ]
    return sort_tasks(tasks, day)


@dataclass(frozen=True, slots=True)
class Meeting:
    """When and where a group meets next, and where kpss learnt it."""

    date: dt.date
    time: str | None
    place: str | None
    source: str  # "schedule" | "minutes" | "given"


def next_meeting(
    archive: Archive, group: GroupConfig, today: dt.date, given: dt.date | None = None
) -> Meeting | None:
    """The meeting an invitation is for: `given`, else the next planned one from today on,
    else the `next_meeting` of the group's latest minutes when it is not in the past.
    """
    latest = next((m for m in reversed(archive.minutes) if m.group_slug == group.slug), None)
    announced = latest.next_meeting if latest and latest.next_meeting and latest.next_meeting.date else None
    day = given or next_planned(group, today)
    source = "given" if given else "schedule"
    if day is None and announced and announced.date and announced.date >= today:
        day, source = announced.date, "minutes"
    if day is None:
        return None
    if announced and announced.date == day:
        return Meeting(day, announced.time or group.time, announced.place or group.place, source)
    return Meeting(day, group.time, group.place, source)


def group_agenda(group: GroupConfig, language: str) -> list[str]:
    """The agenda a meeting of the group starts from: its own in kpss.yaml, else the standard one."""
    agenda = group.extra.get("agenda")
    if isinstance(agenda, list):
        return [str(item) for item in agenda]
    return STANDARD_AGENDA.get(language, STANDARD_AGENDA["cs"])

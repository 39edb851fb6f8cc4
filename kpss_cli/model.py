"""The records kpss reads from an archive: minutes, people, tasks and status updates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("open", "done", "cancelled")


@dataclass(slots=True)
class Person:
    """Someone named in minutes: `name` as written (titles kept), `person` without titles."""

    name: str
    org: str | None = None
    role: str | None = None
    person: str = ""
    key: str = ""  # identity across meetings: no titles, case or diacritics
    line: int = 0  # file line where the person is named

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a person."""
        return {"name": self.name, "person": self.person, "org": self.org, "role": self.role}


@dataclass(slots=True)
class AgendaItem:
    """One item of the programme."""

    title: str
    presenter: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of an agenda item."""
        return {"title": self.title, "presenter": self.presenter}


@dataclass(slots=True)
class NextMeeting:
    """When and where the group meets next, as the minutes say."""

    date: dt.date | None = None
    time: str | None = None
    place: str | None = None
    text: str | None = None  # the value as written when it was a string

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of the next meeting."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "time": self.time,
            "place": self.place,
            "text": self.text,
        }


@dataclass(slots=True)
class Update:
    """A status change of an earlier task, made by a later meeting."""

    id: str
    status: str
    note: str | None
    line: int
    source: str  # "front_matter" | "body"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of an update."""
        return {
            "id": self.id,
            "status": self.status,
            "note": self.note,
            "line": self.line,
            "source": self.source,
        }


@dataclass(slots=True)
class StatusChange:
    """One step of a task's history: which meeting set which status."""

    minutes_id: str
    date: dt.date
    status: str
    note: str | None
    path: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a status change."""
        return {
            "minutes": self.minutes_id,
            "date": self.date.isoformat(),
            "status": self.status,
            "note": self.note,
            "path": self.path,
            "line": self.line,
        }


@dataclass(slots=True)
class Task:
    """A task set at a meeting, with its status resolved over the whole archive."""

    id: str
    text: str
    owner: str | None
    due: str | None  # as written
    deadline: dt.date | None  # the last day allowed, when the deadline can be read
    deadline_kind: str  # see dates.Deadline.kind
    status: str  # current status, after every later update
    initial_status: str
    line: int
    source: str  # "front_matter" | "body"
    minutes_id: str = ""
    group: str = ""
    group_slug: str = ""
    meeting_date: dt.date = dt.date.min
    path: str = ""
    history: list[StatusChange] = field(default_factory=list)

    @property
    def deadline_readable(self) -> bool:
        """False when `due` was written but is not a deadline kpss can read."""
        return self.deadline_kind != "unknown"

    def days_overdue(self, today: dt.date) -> int | None:
        """Days past the deadline on `today` for an open task, else None."""
        if self.status != "open" or self.deadline is None or self.deadline >= today:
            return None
        return (today - self.deadline).days

    def to_dict(self, today: dt.date | None = None) -> dict[str, Any]:
        """Return the JSON shape of a task (with `days_overdue` when `today` is given)."""
        data: dict[str, Any] = {
            "id": self.id,
            "minutes": self.minutes_id,
            "group": self.group,
            "group_slug": self.group_slug,
            "meeting_date": self.meeting_date.isoformat(),
            "task": self.text,
            "owner": self.owner,
            "due": self.due,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_kind": self.deadline_kind,
            "status": self.status,
            "path": self.path,
            "line": self.line,
            "source": self.source,
        }
        if today is not None:
            data["days_overdue"] = self.days_overdue(today)
        return data


@dataclass(slots=True)
class Minutes:
    """One meeting's minutes file, parsed."""

    id: str
    path: str  # relative to the archive root, with `/`
    group: str
    date: dt.date
    group_slug: str = ""
    group_as_written: str = ""
    time: str | None = None
    place: str | None = None
    status: str | None = None
    present: list[Person] = field(default_factory=list)
    excused: list[Person] = field(default_factory=list)
    absent: list[Person] = field(default_factory=list)
    guests: list[Person] = field(default_factory=list)
    attendance_sheet: bool = False  # "dle prezenční listiny": see the attendance sheet
    recorder: Person | None = None
    moderator: Person | None = None
    agenda: list[AgendaItem] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    loose_checks: list[Update] = field(default_factory=list)  # checklist lines without `#`
    decisions: list[str] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # canonical key -> file line
    title: str | None = None
    body: str | None = None  # the Markdown body; None until read (Archive.load_body)
    body_line: int = 1  # file line of the body's first line
    encoding: str = "utf-8"

    def to_dict(self, *, body: bool = True) -> dict[str, Any]:
        """Return the JSON shape of the minutes (documented in docs/json.md)."""
        data: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "group": self.group,
            "group_slug": self.group_slug,
            "date": self.date.isoformat(),
            "time": self.time,
            "place": self.place,
            "status": self.status,
            "present": [p.to_dict() for p in self.present],
            "excused": [p.to_dict() for p in self.excused],
            "absent": [p.to_dict() for p in self.absent],
            "guests": [p.to_dict() for p in self.guests],
            "attendance_sheet": self.attendance_sheet,
            "recorder": self.recorder.to_dict() if self.recorder else None,
            "moderator": self.moderator.to_dict() if self.moderator else None,
            "agenda": [a.to_dict() for a in self.agenda],
            "tasks": [t.to_dict() for t in self.tasks],
            "updates": [u.to_dict() for u in self.updates],
            "decisions": list(self.decisions),
            "next_meeting": self.next_meeting.to_dict() if self.next_meeting else None,
            "extra": self.extra,
            "title": self.title,
        }
        if body:
            data["body"] = self.body or ""
        return data

    def summary(self) -> dict[str, Any]:
        """Return the row `kpss list` shows for these minutes."""
        return {
            "id": self.id,
            "group": self.group,
            "group_slug": self.group_slug,
            "date": self.date.isoformat(),
            "time": self.time,
            "place": self.place,
            "present": len(self.present),
            "excused": len(self.excused),
            "absent": len(self.absent),
            "guests": len(self.guests),
            "tasks": len(self.tasks),
            "status": self.status,
            "path": self.path,
        }

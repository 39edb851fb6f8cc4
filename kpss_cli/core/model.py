"""The records kpss reads from an archive (minutes, people, tasks, status updates) and their
bases, Record and Value.

Each record class lists its fields in `__slots__` and sets them in a plain `__init__`, taking
them in that order (store/packing.py relies on it); Record gives it equality and a repr read
from those slots, the way a dataclass would. The records were dataclasses until importing
`dataclasses` (it imports `inspect`) and building the classes took a sixth of a warm
`kpss tasks` over 10,000 minutes: every run pays for its imports (docs/architecture.md).
"""

from __future__ import annotations

import datetime as dt

from .i18n import N_


class Record:
    """Equality (same class, equal fields) and a repr, from the class's `__slots__`. Fields
    whose names start with `_` (caches) are left out of the repr."""

    __slots__ = ()  # (and no __hash__: defining __eq__ makes records unhashable, as they are mutable)

    def _fields(self) -> tuple[str, ...]:
        return type(self).__slots__

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self._fields() if not name.startswith("_")
        )
        return f"{type(self).__name__}({shown})"


class Value(Record):
    """A record that is never changed once made, so it can be hashed (a set member, a key)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())


TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

STATUSES = ("open", "done", "cancelled")
# The state of an item of the community plan (FORMAT.md 1.1): naplněno, rozpracováno,
# nenaplněno, zrušeno.
PLAN_STATES = ("done", "in_progress", "not_done", "cancelled")
# The states as a table shows them, in the interface's language (JSON and CSV keep the key).
PLAN_STATE_LABELS = {
    "done": N_("fulfilled"),
    "in_progress": N_("in progress"),
    "not_done": N_("not fulfilled"),
    "cancelled": N_("cancelled"),
}


class Person(Record):
    """Someone named in minutes: `name` as written (titles kept), `person` without titles."""

    __slots__ = ("name", "org", "role", "person", "key", "line", "substitute_for")

    def __init__(
        self,
        name: str,
        org: str | None = None,
        role: str | None = None,
        person: str = "",
        key: str = "",  # identity across meetings: no titles, case or diacritics
        line: int = 0,  # file line where the person is named
        substitute_for: str | None = None,  # a substitute: the member they stand in for, as written
    ) -> None:
        self.name = name
        self.org = org
        self.role = role
        self.person = person
        self.key = key
        self.line = line
        self.substitute_for = substitute_for

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a person (`for` only for a substitute)."""
        data = {"name": self.name, "person": self.person, "org": self.org, "role": self.role}
        if self.substitute_for is not None:
            data["for"] = self.substitute_for
        return data


class MembershipChange(Record):
    """A `membership` (členství) entry of minutes: someone joins the group, or leaves it, from
    `day` on (the meeting date unless the entry gives one)."""

    __slots__ = ("name", "org", "role", "voting", "change", "day", "line")

    def __init__(
        self,
        name: str,
        org: str | None,
        role: str | None,
        voting: bool,
        change: str,  # "joined" | "left"
        day: dt.date,  # joined: the first day as a member; left: the first day no longer one
        line: int = 0,
    ) -> None:
        self.name = name
        self.org = org
        self.role = role
        self.voting = voting
        self.change = change
        self.day = day
        self.line = line

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a membership change."""
        return {
            "name": self.name,
            "org": self.org,
            "role": self.role,
            "voting": self.voting,
            self.change: self.day.isoformat(),
            "line": self.line,
        }


class AgendaItem(Record):
    """One item of the programme."""

    __slots__ = ("title", "presenter")

    def __init__(self, title: str, presenter: str | None = None) -> None:
        self.title = title
        self.presenter = presenter

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of an agenda item."""
        return {"title": self.title, "presenter": self.presenter}


class NextMeeting(Record):
    """When and where the group meets next, as the minutes say."""

    __slots__ = ("date", "time", "place", "text")

    def __init__(
        self,
        date: dt.date | None = None,
        time: str | None = None,
        place: str | None = None,
        text: str | None = None,  # the value as written when it was a string
    ) -> None:
        self.date = date
        self.time = time
        self.place = place
        self.text = text

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of the next meeting."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "time": self.time,
            "place": self.place,
            "text": self.text,
        }


class Update(Record):
    """A status change of an earlier task, made by a later meeting, and maybe a new deadline."""

    __slots__ = ("id", "status", "note", "line", "source", "due", "owner")

    def __init__(
        self,
        id: str,
        status: str,
        note: str | None,
        line: int,
        source: str,
        due: str | None = None,
        owner: str | None = None,
    ) -> None:
        self.id = id
        self.status = status
        self.note = note
        self.line = line
        self.source = source  # "front_matter" | "body"
        self.due = due  # a new deadline as written (`due`, or `nový termín …` in the note)
        self.owner = owner  # a new owner (`owner`, zajistí), from this meeting on

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of an update."""
        return {
            "id": self.id,
            "status": self.status,
            "note": self.note,
            "line": self.line,
            "source": self.source,
            "due": self.due,
            "owner": self.owner,
        }


class StatusChange(Record):
    """One step of a task's history: which meeting set which status (and deadline)."""

    __slots__ = ("minutes_id", "date", "status", "note", "path", "line", "due")

    def __init__(
        self,
        minutes_id: str,
        date: dt.date,
        status: str,
        note: str | None,
        path: str,
        line: int,
        due: str | None = None,
    ) -> None:
        self.minutes_id = minutes_id
        self.date = date
        self.status = status
        self.note = note
        self.path = path
        self.line = line
        self.due = due  # the deadline as written that this step set; None when it kept the last

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a status change."""
        return {
            "minutes": self.minutes_id,
            "date": self.date.isoformat(),
            "status": self.status,
            "note": self.note,
            "path": self.path,
            "line": self.line,
            "due": self.due,
        }


class Task(Record):
    """A task set at a meeting, with its status resolved over the whole archive."""

    __slots__ = (
        "id", "text", "owner", "due", "deadline", "deadline_kind", "status", "initial_status", "line",
        "source", "minutes_id", "group", "group_slug", "meeting_date", "path", "history", "measure",
    )  # fmt: skip

    def __init__(
        self,
        id: str,
        text: str,
        owner: str | None,
        due: str | None,  # as written; a later meeting's new deadline replaces it (history keeps it)
        deadline: dt.date | None,  # the last day allowed, when the deadline can be read
        deadline_kind: str,  # see dates.Deadline.kind
        status: str,  # current status, after every later update
        initial_status: str,
        line: int,
        source: str,  # "front_matter" | "body"
        minutes_id: str = "",
        group: str = "",
        group_slug: str = "",
        meeting_date: dt.date = dt.date.min,
        path: str = "",
        history: list[StatusChange] | None = None,
        measure: str | None = None,  # the id of the plan item it serves (`measure`, opatření)
    ) -> None:
        self.id = id
        self.text = text
        self.owner = owner
        self.due = due
        self.deadline = deadline
        self.deadline_kind = deadline_kind
        self.status = status
        self.initial_status = initial_status
        self.line = line
        self.source = source
        self.minutes_id = minutes_id
        self.group = group
        self.group_slug = group_slug
        self.meeting_date = meeting_date
        self.path = path
        self.history: list[StatusChange] = [] if history is None else history
        self.measure = measure

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
            "measure": self.measure,
        }
        if today is not None:
            data["days_overdue"] = self.days_overdue(today)
        return data


class Progress(Record):
    """A progress entry of minutes (`progress`, plnění): the state of a plan item and maybe
    an indicator's value, as the meeting recorded them."""

    __slots__ = ("measure", "state", "value", "indicator", "note", "line")

    def __init__(
        self,
        measure: str,  # the plan item's id
        state: str | None,  # one of PLAN_STATES; None when the entry only records a value
        value: float | int | str | None = None,  # a number, or text when it is not one
        indicator: str | None = None,  # the indicator's name; None: the item's only indicator
        note: str | None = None,
        line: int = 0,
    ) -> None:
        self.measure = measure
        self.state = state
        self.value = value
        self.indicator = indicator
        self.note = note
        self.line = line

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape of a progress entry."""
        return {
            "measure": self.measure,
            "state": self.state,
            "value": self.value,
            "indicator": self.indicator,
            "note": self.note,
            "line": self.line,
        }


class Minutes(Record):
    """One meeting's minutes file, parsed."""

    __slots__ = (
        "id", "path", "group", "date", "group_slug", "group_as_written", "time", "place", "status",
        "present", "excused", "absent", "guests", "attendance_sheet", "recorder", "moderator",
        "agenda", "tasks", "updates", "loose_checks", "decisions", "next_meeting", "extra",
        "key_lines", "title", "body", "body_line", "encoding", "progress", "membership",
    )  # fmt: skip

    def __init__(
        self,
        id: str,
        path: str,  # relative to the archive root, with `/`
        group: str,
        date: dt.date,
        group_slug: str = "",
        group_as_written: str = "",
        time: str | None = None,
        place: str | None = None,
        status: str | None = None,
        present: list[Person] | None = None,
        excused: list[Person] | None = None,
        absent: list[Person] | None = None,
        guests: list[Person] | None = None,
        attendance_sheet: bool = False,  # "dle prezenční listiny": see the attendance sheet
        recorder: Person | None = None,
        moderator: Person | None = None,
        agenda: list[AgendaItem] | None = None,
        tasks: list[Task] | None = None,
        updates: list[Update] | None = None,
        loose_checks: list[Update] | None = None,  # checklist lines without `#`
        decisions: list[str] | None = None,
        next_meeting: NextMeeting | None = None,
        extra: dict[str, Any] | None = None,
        key_lines: dict[str, int] | None = None,  # canonical key -> file line
        title: str | None = None,
        body: str | None = None,  # the Markdown body; None until read (Archive.load_body)
        body_line: int = 1,  # file line of the body's first line
        encoding: str = "utf-8",
        progress: list[Progress] | None = None,  # `progress` (plnění): states of plan items
        membership: list[MembershipChange] | None = None,  # `membership` (členství): joins and leaves
    ) -> None:
        self.id = id
        self.path = path
        self.group = group
        self.date = date
        self.group_slug = group_slug
        self.group_as_written = group_as_written
        self.time = time
        self.place = place
        self.status = status
        self.present: list[Person] = [] if present is None else present
        self.excused: list[Person] = [] if excused is None else excused
        self.absent: list[Person] = [] if absent is None else absent
        self.guests: list[Person] = [] if guests is None else guests
        self.attendance_sheet = attendance_sheet
        self.recorder = recorder
        self.moderator = moderator
        self.agenda: list[AgendaItem] = [] if agenda is None else agenda
        self.tasks: list[Task] = [] if tasks is None else tasks
        self.updates: list[Update] = [] if updates is None else updates
        self.loose_checks: list[Update] = [] if loose_checks is None else loose_checks
        self.decisions: list[str] = [] if decisions is None else decisions
        self.next_meeting = next_meeting
        self.extra: dict[str, Any] = {} if extra is None else extra
        self.key_lines: dict[str, int] = {} if key_lines is None else key_lines
        self.title = title
        self.body = body
        self.body_line = body_line
        self.encoding = encoding
        self.progress: list[Progress] = [] if progress is None else progress
        self.membership: list[MembershipChange] = [] if membership is None else membership

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
            "progress": [p.to_dict() for p in self.progress],
        }
        if self.membership:
            data["membership"] = [change.to_dict() for change in self.membership]
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

"""The rows of each table of an export (schema.py), from an archive's records one at a time
(store/loading.Records). Pure: no file is read or written here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..core import __version__
from ..core.dates import parse_deadline
from ..core.model import Minutes, Person, Task
from ..core.names import person_key
from ..core.people import Roster, roster_of
from ..meetings.attendance import attendance_of, meeting_attendance
from ..meetings.membership import GroupMembers, all_members
from ..store.archive import Archive, TaskSnapshot
from ..store.loading import Records
from .schema import Row

Add = Callable[[str, list[Row]], None]  # takes rows of a table (by name), in the order of its columns


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class People:
    """The people of one archive by key: their name as last written and the organisation last
    given, in the order `kpss attendance` reads them (minutes by date, then present, excused,
    absent, guests)."""

    def __init__(self) -> None:
        self.found: dict[str, list[Any]] = {}

    def see(self, person: Person) -> str:
        entry = self.found.setdefault(person.key, [person.person, person.org])
        entry[0] = person.person
        entry[1] = person.org or entry[1]
        return person.key

    def note(self, person: Person) -> str:
        """Add someone named elsewhere (a recorder, a member) without changing what
        attendance gave."""
        self.found.setdefault(person.key, [person.person, person.org])
        return person.key

    def rows(self, name: str) -> list[Row]:
        return [(name, key, person, org) for key, (person, org) in self.found.items()]


def archive_rows(records: Records, name: str, exported_at: str, add: Add) -> None:
    """Every table's rows of one archive, named `name` in the `archive` column, handed to
    `add(table, rows)` a minutes (or a task) at a time, in the archive's order: the archive
    is never held whole here (`records` may come from the index one record at a time)."""
    head = records.head
    people = People()
    joins = Archive(Path(head.root), head.shown_root, head.config)
    joins.minutes = records.with_membership  # all that membership over time reads
    members = all_members(joins)
    for minutes in records.minutes():
        add_minutes_rows(add, minutes_rows(name, minutes, joins, members, people))
    for group in members.values():
        for period in group.periods:
            people.note(group.person(period))  # members who never came, or only to meetings with a sheet
    add("people", people.rows(name))
    add("groups", group_rows(head, name))
    tasks = _task_rows(records, name, add)
    add("archives", [archive_row(head, name, records.count, tasks, exported_at)])


def add_minutes_rows(add: Add, rows: tuple[list[Row], Row, list[Row], list[Row]]) -> None:
    """One minutes' rows (as `minutes_rows` makes them) to their tables."""
    attendance, meeting, agenda, decisions = rows
    add("attendance", attendance)
    add("meetings", [meeting])
    if agenda:
        add("agenda_items", agenda)
    if decisions:
        add("decisions", decisions)


def archive_row(head: TaskSnapshot, name: str, minutes: int, tasks: int, exported_at: str) -> Row:
    """The one row of the table `archives` for the archive `head`, exported as `name`."""
    errors = sum(1 for p in head.problems if p.is_error)
    root = str(Path(head.root))
    return (
        name,
        head.config.organisation,
        root,
        head.files,
        minutes,
        tasks,
        errors,
        exported_at,
        __version__,
    )


def minutes_rows(
    name: str, minutes: Minutes, joins: Archive, members: Mapping[str, GroupMembers], people: People
) -> tuple[list[Row], Row, list[Row], list[Row]]:
    """The rows of one minutes (attendance, its meeting, agenda items, decisions), its people
    seen by `people`: of that record alone, given the archive's membership over time
    (`joins`: its minutes that record joins or leaves; `members`: all_members of it)."""
    on_day = meeting_attendance(joins, minutes, members)
    member_keys = on_day.member_keys  # the members of the meeting's date
    listed_absent = {p.key for p in minutes.absent}
    seen: set[tuple[str, str]] = set()
    attendance: list[Row] = []
    for status, listed in attendance_of(on_day).items():
        for person in listed:
            key = people.see(person)
            if (key, status) in seen:
                continue  # named twice under one status (kpss check reports it)
            seen.add((key, status))
            attendance.append(
                (
                    name,
                    minutes.id,
                    key,
                    status,
                    person.name,
                    person.org,
                    person.role,
                    key in member_keys,
                    status != "absent" or key in listed_absent,
                )
            )
    meeting = _meeting_row(name, minutes, people)
    agenda = [
        (name, minutes.id, position, item.title, item.presenter)
        for position, item in enumerate(minutes.agenda, 1)
    ]
    decisions = [(name, minutes.id, position, text) for position, text in enumerate(minutes.decisions, 1)]
    return attendance, meeting, agenda, decisions


def _meeting_row(name: str, minutes: Minutes, people: People) -> Row:
    recorder = people.note(minutes.recorder) if minutes.recorder else None
    moderator = people.note(minutes.moderator) if minutes.moderator else None
    return (
        name,
        minutes.id,
        minutes.group_slug,
        minutes.date.isoformat(),
        minutes.date.year,
        minutes.time,
        minutes.place,
        minutes.status,
        minutes.title,
        minutes.attendance_sheet,
        recorder,
        moderator,
        _iso(minutes.next_meeting.date if minutes.next_meeting else None),
        minutes.path,
    )


def group_rows(archive: TaskSnapshot, name: str) -> list[Row]:
    rows: list[Row] = []
    configured = set()
    for group in archive.config.groups:
        configured.add(group.slug)
        rows.append(
            (
                name,
                group.slug,
                group.name,
                group.folder,
                group.manager,
                group.place,
                group.time,
                len(group.members) or None,
                True,
            )
        )
    for slug, group_name in archive.group_names.items():
        if slug not in configured:
            rows.append((name, slug, group_name, None, None, None, None, None, False))
    return rows


def _task_rows(records: Records, name: str, add: Add) -> int:
    """The rows of the tables of tasks, a task at a time; how many tasks there were."""
    roster = roster_of(records.head.config)
    after = records.after
    count = 0
    for task in records.tasks():
        count += 1
        task_row, events, deadlines = task_rows(name, task, roster, after)
        add("tasks", [task_row])
        add("task_events", events)
        add("deadlines", deadlines)
    return count


def task_rows(
    name: str, task: Task, roster: Roster, after: Mapping[str, dt.date | None]
) -> tuple[Row, list[Row], list[Row]]:
    """The rows of one task: its row of `tasks`, of `task_events` and of `deadlines` (which
    read `after`, archive.next_meetings, of the minutes of its history)."""
    last = task.history[-1] if task.history else None
    closed = last if last is not None and task.status != "open" else None
    owner_key = person_key(roster.find(task.owner) or task.owner) if task.owner else None
    task_row = (
        name,
        task.id,
        task.minutes_id,
        task.group_slug,
        task.meeting_date.isoformat(),
        task.text,
        task.owner,
        owner_key or None,
        task.due,
        _iso(task.deadline),
        task.deadline_kind,
        task.status,
        task.initial_status,
        _iso(closed.date if closed else None),
        closed.minutes_id if closed else None,
        task.path,
        task.line,
        task.source,
    )
    events = [
        (
            name,
            task.id,
            seq,
            step.minutes_id,
            step.date.isoformat(),
            step.status,
            step.note,
            step.due,
            step.path,
            step.line,
        )
        for seq, step in enumerate(task.history)
    ]
    return task_row, events, _deadline_rows(name, task, after)


def _deadline_rows(name: str, task: Task, after: Mapping[str, dt.date | None]) -> list[Row]:
    """Each deadline the task had, replaying its history as store/archive.resolve does: the
    first one, each new one a later meeting gave (`moved`), and each meeting that carried a
    `do příštího jednání` task on to the meeting after it (`carried`)."""
    rows: list[Row] = []
    kind = "none"
    due: str | None = None
    for seq, step in enumerate(task.history):
        if step.due is not None:
            deadline = parse_deadline(step.due, step.date)
            due, kind = step.due, deadline.kind
            end = after.get(step.minutes_id) if kind == "next_meeting" else deadline.end
            reason = "set" if seq == 0 else "moved"
        elif seq and step.status == "open" and kind == "next_meeting":
            end, reason = after.get(step.minutes_id), "carried"
        else:
            continue
        rows.append(
            (name, task.id, seq, step.minutes_id, step.date.isoformat(), reason, due, _iso(end), kind)
        )
    return rows

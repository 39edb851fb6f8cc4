"""One file's parse outcome as bytes: how it travels from a worker process to the parent, and
how it lies in the index; and the tasks and configuration of the index's task snapshot.

Each record becomes a tuple of its fields in an order fixed here (not read from the classes
at run time), dates become ordinals, the YAML mappings and sequences of `Minutes.extra` become
plain dicts and lists, and `marshal` writes the lot. That packs four times and unpacks two and a
half times faster than pickling the records, in 12% fewer bytes: pickle finds and calls a
constructor by name for every object, marshal reads plain values in C and the constructors are
called here directly.

marshal is meant for trusted data only (it does not guard against malicious bytes) and its
format may change with the Python version. Neither matters here: the bytes come from our own
worker process, or from the index, which signs every row with a key kept outside the archive
(index.py) and must be rebuilt when the Python version (`sys.version_info[:2]`) changes.

Strings that recur across files (names, groups, places, owners, agenda titles) are interned
when packed: marshal marks them, and interns them again in C when it reads them, so the same
name in 10,000 files is kept once (a loaded archive takes a third less memory; reading costs no
more). Strings that are unique to a file (ids, paths, task texts, titles, messages) are
left alone: interning them would cost time and save nothing.
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Container, Mapping
from itertools import starmap
from sys import intern
from types import MappingProxyType

from ..core.config import Config, GroupConfig, Membership
from ..core.errors import Problem
from ..core.model import (
    AgendaItem,
    MembershipChange,
    Minutes,
    NextMeeting,
    Person,
    Progress,
    StatusChange,
    Task,
    Update,
)
from .index import blake2b

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

Outcome = tuple[Minutes | None, list[Problem]]  # as in loading.py

MARSHAL_VERSION = 4
# marshal's version whose bytes are told by the value alone, for digests compared from run to
# run: version 4 marks a part referenced more than once in memory, or interned, as such, so the
# same value packs to other bytes in a process that holds it otherwise (a minutes made alone
# after an edit, or with every other when a table is made whole).
VALUES_ONLY = 2

# The layout of each record, field by field (pack and unpack below follow it):
#   Person       (name, org, role, person, key, line, substitute_for)
#   MembershipChange (name, org, role, voting, change, day, line)
#   AgendaItem   (title, presenter)
#   NextMeeting  (date, time, place, text)
#   Update       (id, status, note, line, source, due, owner)
#   StatusChange (minutes_id, date, status, note, path, line, due)
#   Task         (id, text, owner, due, deadline, deadline_kind, status, initial_status, line, source,
#                 minutes_id, group, group_slug, meeting_date, path, history, measure)
#   Progress     (measure, state, value, indicator, note, line)
#   Minutes      (id, path, group, date, group_slug, group_as_written, time, place, status,
#                 present, excused, absent, guests, attendance_sheet, recorder, moderator, agenda,
#                 tasks, updates, loose_checks, decisions, next_meeting, extra, key_lines, title,
#                 body, body_line, encoding, progress, membership)
#   Problem      (path, line, severity, code, message)
#   Config       (organisation, language, groups, aliases, extra, path, emails, quorum), its caches
#                and problems left out (the snapshot's problems hold them)
#   GroupConfig  (slug, name, folder, members, manager, place, time, schedule, extra, line,
#                 memberships, quorum)
#   Membership   (name, org, role, voting, start, end, source, line, ended_by)
# and an outcome is (Minutes or None, [Problem]). Dates are ordinals, lists of records lists.


# --- pack: records to tuples ---------------------------------------------------------------------


def _person(p: Person) -> tuple[Any, ...]:
    org, role = p.org, p.role
    # `x and intern(x)` keeps None (and "") as it is.
    return (
        intern(p.name),
        org and intern(org),
        role and intern(role),
        intern(p.person),
        intern(p.key),
        p.line,
        p.substitute_for,
    )


def _people(people: list[Person]) -> list[tuple[Any, ...]]:
    # _person written out: saves a call per person (~25 ns of ~400).
    return [
        (
            intern(p.name),
            p.org and intern(p.org),
            p.role and intern(p.role),
            intern(p.person),
            intern(p.key),
            p.line,
            p.substitute_for,
        )
        for p in people
    ]


def _updates(updates: list[Update]) -> list[tuple[Any, ...]]:
    return [(u.id, u.status, u.note, u.line, u.source, u.due, u.owner) for u in updates]


def pack_task(t: Task) -> tuple[Any, ...]:
    """A task as marshal takes it, laid out as above (history included)."""
    deadline, history = t.deadline, t.history
    return (
        t.id,
        t.text,
        t.owner and intern(t.owner),
        t.due and intern(t.due),
        None if deadline is None else deadline.toordinal(),
        t.deadline_kind,
        t.status,
        t.initial_status,
        t.line,
        t.source,
        t.minutes_id,
        t.group,
        t.group_slug,
        t.meeting_date.toordinal(),
        t.path,
        [(c.minutes_id, c.date.toordinal(), c.status, c.note, c.path, c.line, c.due) for c in history]
        if history
        else [],
        t.measure,
    )


def _plain(value: Any) -> Any:
    """A YAML value with its LineDicts and LineLists made plain (marshal takes no subclasses)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _minutes(m: Minutes, omit: Container[str] = ()) -> tuple[Any, ...]:
    """The record laid out as above; the fields of _COLLECTIONS named in `omit` None, not made
    (reduced_view: a reduced view's record packed its people and tasks only to drop them)."""
    # Empty lists are the rule for most fields: a comprehension over nothing still costs a call.
    present, excused, absent, guests = m.present, m.excused, m.absent, m.guests
    recorder, moderator, agenda, tasks = m.recorder, m.moderator, m.agenda, m.tasks
    updates, loose, decisions, meeting = m.updates, m.loose_checks, m.decisions, m.next_meeting
    extra, key_lines, progress, membership = m.extra, m.key_lines, m.progress, m.membership
    return (
        m.id,
        m.path,
        intern(m.group),
        m.date.toordinal(),
        intern(m.group_slug),
        intern(m.group_as_written),
        m.time and intern(m.time),
        m.place and intern(m.place),
        m.status,
        None if "present" in omit else _people(present) if present else [],
        None if "excused" in omit else _people(excused) if excused else [],
        None if "absent" in omit else _people(absent) if absent else [],
        None if "guests" in omit else _people(guests) if guests else [],
        m.attendance_sheet,
        None if recorder is None or "recorder" in omit else _person(recorder),
        None if moderator is None or "moderator" in omit else _person(moderator),
        None
        if "agenda" in omit
        else [(intern(a.title), a.presenter and intern(a.presenter)) for a in agenda]
        if agenda
        else [],
        None if "tasks" in omit else [pack_task(t) for t in tasks] if tasks else [],
        None if "updates" in omit else _updates(updates) if updates else [],
        None if "loose_checks" in omit else _updates(loose) if loose else [],
        None if "decisions" in omit else decisions if type(decisions) is list else list(decisions),
        None
        if meeting is None or "next_meeting" in omit
        else (
            None if meeting.date is None else meeting.date.toordinal(),
            meeting.time and intern(meeting.time),
            meeting.place and intern(meeting.place),
            meeting.text,
        ),
        None if "extra" in omit else _plain(extra) if extra else {},
        None if "key_lines" in omit else key_lines if type(key_lines) is dict else dict(key_lines),
        m.title,
        None if "body" in omit else m.body,
        m.body_line,
        m.encoding,
        None
        if "progress" in omit
        else [(p.measure, p.state, p.value, p.indicator, p.note, p.line) for p in progress]
        if progress
        else [],
        None
        if "membership" in omit
        else [(c.name, c.org, c.role, c.voting, c.change, c.day.toordinal(), c.line) for c in membership]
        if membership
        else [],
    )


def pack(outcome: Outcome) -> bytes:
    """The bytes of one file's parse outcome: its minutes (or None) and the problems found."""
    minutes, problems = outcome
    return marshal.dumps(
        (
            None if minutes is None else _minutes(minutes),
            [(p.path, p.line, p.severity, p.code, p.message) for p in problems] if problems else [],
        ),
        MARSHAL_VERSION,
    )


# The fields of a Minutes (as laid out above) that who-attended questions never read: emptied in
# the attendance view (attendance_view), whose records are the rest. A field added to Minutes
# is carried unless it is named here.
# Its time and place too (None in its records): no count reads them, and an edit of a place
# then leaves the view, and so the answers kept per its version, as they were.
_NOT_FOR_ATTENDANCE = {"time": 6, "place": 7, "agenda": 16, "tasks": 17, "updates": 18, "loose_checks": 19,
                       "decisions": 20, "extra": 22, "body": 25, "progress": 28}  # fmt: skip


def attendance_view(minutes: list[Minutes]) -> list[tuple[Any, ...]]:
    """The minutes as `kpss attendance` needs them (store/loading.load_attendance): who was
    there and when, without time, place, tasks, agenda, free keys and progress (a tenth of
    the unpacking)."""
    emptied = set(_NOT_FOR_ATTENDANCE.values())
    # A field left out is None in the view: unpack_attendance puts an empty read-only one there.
    return [tuple(None if at in emptied else value for at, value in enumerate(_minutes(m))) for m in minutes]


def unpack_attendance(view: list[tuple[Any, ...]]) -> list[Minutes]:
    """The records `attendance_view` (or `reduced_view`) kept, in their order. `view` is
    emptied as they are made: each packed record is freed once it is unpacked, so the view
    and its records are never both whole in memory (at 100,000 minutes each is over 100 MB)."""
    view.reverse()
    records = []
    empties = _EMPTIES
    while view:
        values = list(view.pop())
        for at, empty in empties:  # left out of the view as None
            if values[at] is None:
                values[at] = empty
        if not values[_JOINS]:  # no joins or leaves (most minutes): the shared empty one too
            values[_JOINS] = ()
        records.append(_unpack_minutes(tuple(values)))
    return records


def pack_config(config: Config) -> tuple[Any, ...]:
    """The configuration as marshal takes it (the task snapshot holds it)."""
    groups = [
        (
            g.slug,
            g.name,
            g.folder,
            g.members,
            g.manager,
            g.place,
            g.time,
            _plain(g.schedule),
            _plain(g.extra),
            g.line,
            [
                (
                    m.name,
                    m.org,
                    m.role,
                    m.voting,
                    None if m.start is None else m.start.toordinal(),
                    None if m.end is None else m.end.toordinal(),
                    m.source,
                    m.line,
                    m.ended_by,
                )
                for m in g.memberships
            ],
            g.quorum,
        )
        for g in config.groups
    ]
    return (
        config.organisation,
        config.language,
        groups,
        config.aliases,
        _plain(config.extra),
        config.path,
        config.emails,
        config.quorum,
    )


# Where pack_config puts kpss.yaml's path and line numbers (the layout above).
_CONFIG_GROUPS, _CONFIG_PATH, _GROUP_LINE, _GROUP_MEMBERSHIPS = 2, 5, 9, 10
_MEMBERSHIP_SOURCE, _MEMBERSHIP_LINE = 6, 7  # kpss.yaml as shown, and the line


def config_meaning(config: Config) -> str:
    """A digest of what the configuration means to parsing: everything `pack_config` keeps but
    where it was written (kpss.yaml's path as shown, its groups' and memberships' lines). A
    comment or a blank line added to kpss.yaml leaves it as it was, so the index keeps its
    parsed rows (index.py).
    `repr`, not marshal: marshal's bytes depend on how often a string is referred to."""
    packed = list(pack_config(config))
    packed[_CONFIG_PATH] = None
    groups = []
    for group in packed[_CONFIG_GROUPS]:
        fields = list(group)
        fields[_GROUP_LINE] = None
        fields[_GROUP_MEMBERSHIPS] = [
            (*m[:_MEMBERSHIP_SOURCE], None, None, *m[_MEMBERSHIP_LINE + 1 :])
            for m in fields[_GROUP_MEMBERSHIPS]
        ]
        groups.append(fields)
    packed[_CONFIG_GROUPS] = groups
    meaning = repr(packed)
    return blake2b(meaning.encode("utf-8", "surrogatepass")).hexdigest()


# --- unpack: tuples to records -------------------------------------------------------------------


class _Dates(dict[int, dt.date]):
    """`date.fromordinal`, remembered: the same few thousand dates recur in every file (a date
    met before is a dict lookup, four times faster), and each is then kept once."""

    def __missing__(self, ordinal: int) -> dt.date:
        if len(self) >= 100_000:  # an archive has far fewer distinct dates; bound it anyway
            self.clear()
        date = self[ordinal] = dt.date.fromordinal(ordinal)
        return date


_DATES = _Dates()


class _Shared(dict[str, str]):
    """One copy of each text that recurs across tasks (a group's name and slug, a minutes'
    id and path, an owner, a deadline as written): marshal gives every row its own, and at
    100,000 minutes `tasks --all` held some 60 MB more for such copies (issue #25)."""

    def share(self, text: Any) -> Any:
        found = self.get(text)
        if found is None:
            if len(self) >= 500_000:  # bounded like _Dates: a long run starts afresh
                self.clear()
            found = self[text] = text
        return found


_SHARED = _Shared()


def unpack_task(values: tuple[Any, ...]) -> Task:
    """The task `pack_task` made `values` of."""
    (
        id_, text, owner, due, deadline, kind, status, initial, line, source,
        minutes_id, group, slug, meeting, path, history, measure,
    ) = values  # fmt: skip
    dates, share = _DATES, _SHARED.share
    return Task(
        id_,
        text,
        share(owner),
        share(due),
        None if deadline is None else dates[deadline],
        kind,
        status,
        initial,
        line,
        source,
        share(minutes_id),
        share(group),
        share(slug),
        dates[meeting],
        share(path),
        [
            StatusChange(share(mid), dates[date], st, note, share(pth), ln, share(due_))
            for mid, date, st, note, pth, ln, due_ in history
        ]
        if history
        else history,  # the fresh empty list marshal made
        measure,
    )


def _unpack_minutes(values: tuple[Any, ...]) -> Minutes:
    (
        id_, path, group, date, slug, as_written, time, place, status, present, excused, absent, guests,
        sheet, recorder, moderator, agenda, tasks, updates, loose, decisions, meeting, extra, key_lines,
        title, body, body_line, encoding, progress, membership,
    ) = values  # fmt: skip
    dates = _DATES
    # An empty list stays the fresh one marshal made.
    return Minutes(
        id_,
        path,
        group,
        dates[date],
        slug,
        as_written,
        time,
        place,
        status,
        list(starmap(Person, present)) if present else present,
        list(starmap(Person, excused)) if excused else excused,
        list(starmap(Person, absent)) if absent else absent,
        list(starmap(Person, guests)) if guests else guests,
        sheet,
        None if recorder is None else Person(*recorder),
        None if moderator is None else Person(*moderator),
        list(starmap(AgendaItem, agenda)) if agenda else agenda,
        [unpack_task(t) for t in tasks] if tasks else tasks,
        list(starmap(Update, updates)) if updates else updates,
        list(starmap(Update, loose)) if loose else loose,
        decisions,
        None
        if meeting is None
        else NextMeeting(
            None if meeting[0] is None else dates[meeting[0]], meeting[1], meeting[2], meeting[3]
        ),
        extra,
        key_lines,
        title,
        body,
        body_line,
        encoding,
        list(starmap(Progress, progress)) if progress else progress,
        [
            MembershipChange(name, org, role, voting, change, dates[day], line)
            for name, org, role, voting, change, day, line in membership
        ]
        if membership
        else membership,
    )


def unpack(data: bytes) -> Outcome:
    """The parse outcome that `pack` made `data` of."""
    minutes, problems = marshal.loads(data)
    return (
        None if minutes is None else _unpack_minutes(minutes),
        list(starmap(Problem, problems)) if problems else problems,
    )


def unpack_config(values: tuple[Any, ...]) -> Config:
    """The configuration `pack_config` made `values` of."""
    organisation, language, groups, aliases, extra, path, emails, quorum = values
    return Config(
        organisation, language, [_unpack_group(g) for g in groups], aliases, extra, path, emails, quorum
    )


def _unpack_group(values: tuple[Any, ...]) -> GroupConfig:
    slug, name, folder, members, manager, place, time, schedule, extra, line, memberships, quorum = values
    dates = _DATES
    return GroupConfig(
        slug,
        name,
        folder,
        members,
        manager,
        place,
        time,
        schedule,
        extra,
        line,
        [
            Membership(
                name,
                org,
                role,
                voting,
                None if start is None else dates[start],
                None if end is None else dates[end],
                source,
                at,
                ended_by,
            )
            for name, org, role, voting, start, end, source, at, ended_by in memberships
        ],
        quorum,
    )


# The fields of a minutes record that hold more than one value, by name, at their position in
# _minutes, with their type. A view leaves them out as None (reduced_view); unpacked, a field
# left out is None, or an empty read-only one (_EMPTIES). The others (id, path, group, date,
# time, place…) are always kept: they cost next to nothing.
_COLLECTIONS: dict[str, tuple[int, type]] = {
    "present": (9, list), "excused": (10, list), "absent": (11, list), "guests": (12, list),
    "recorder": (14, type(None)), "moderator": (15, type(None)), "agenda": (16, list),
    "tasks": (17, list), "updates": (18, list), "loose_checks": (19, list), "decisions": (20, list),
    "next_meeting": (21, type(None)), "extra": (22, dict), "key_lines": (23, dict),
    "body": (25, type(None)), "progress": (28, list), "membership": (29, list),
}  # fmt: skip


# What stands for a list or dict field of _COLLECTIONS that a view left out, in every record
# unpacked (unpack_attendance): one empty tuple or read-only mapping for all of them. A fresh
# empty list per field was a dozen per record, some 70 MB of 100,000 reduced minutes (half
# of all they held); and a command that changed a field it does not read now fails at once,
# instead of changing it for every record had they shared one list.
_EMPTY_MAPPING: Mapping[Any, Any] = MappingProxyType({})
# A view that keeps `membership` (`remind`'s, `attendance`'s) has it empty in nearly every
# minutes: unpacked, that is the shared empty tuple too, not a fresh list each (some 5 MB of
# 100,000 minutes). Only read (meetings/membership.all_members), never added to.
_JOINS = _COLLECTIONS["membership"][0]
_EMPTIES = tuple(
    (at, () if empty is list else _EMPTY_MAPPING)
    for at, empty in _COLLECTIONS.values()
    if empty is not type(None)
)


def left_out(keep: frozenset[str]) -> frozenset[str]:
    """The fields of _COLLECTIONS that a reduced view keeping `keep` leaves out (reduced_view)."""
    return frozenset(_COLLECTIONS) - keep


def reduced_view(minutes: list[Minutes], keep: frozenset[str] = frozenset()) -> list[tuple[Any, ...]]:
    """The minutes with only the fields of `keep` among those that hold many values
    (_COLLECTIONS), the others None: a command that reads the dates and groups of every
    minutes unpacks little (store/views.load_reduced). Unpacked by unpack_attendance."""
    omit = left_out(keep)
    return [_minutes(m, omit) for m in minutes]


def reduced_record(m: Minutes, omit: Container[str]) -> tuple[Any, ...]:
    """One minutes of a reduced view, the fields of _COLLECTIONS named in `omit` None
    (`left_out`): what store/views.py makes of each file where it is parsed."""
    return _minutes(m, omit)


def order_fields(data: bytes) -> tuple[str, int, str, int | None, bool] | None:
    """Of one file's packed outcome (`pack`), what putting its minutes in the archive's order
    needs, without making records of them: (id, date as an ordinal, group slug, the next
    meeting's date as an ordinal or None, whether they record joins or leaves); None when the
    file holds no minutes."""
    minutes = marshal.loads(data)[0]
    if minutes is None:
        return None
    meeting = minutes[21]
    return minutes[0], minutes[3], minutes[4], None if meeting is None else meeting[0], bool(minutes[29])


def record_order_fields(minutes: Minutes) -> tuple[str, int, str, int | None, bool]:
    """`order_fields` of a parsed record (a file whose row is not kept)."""
    meeting = minutes.next_meeting.date if minutes.next_meeting else None
    next_day = None if meeting is None else meeting.toordinal()
    return minutes.id, minutes.date.toordinal(), minutes.group_slug, next_day, bool(minutes.membership)


# The fields of a minutes record that neither resolving tasks (archive.resolve) nor the task
# snapshot and its tables (snapshot.store, incremental.entry) read: a lean load (loading.Lean)
# lets go of them once the record's row is made. A field added to Minutes is kept unless it is
# named here.
_NOT_FOR_TASKS = ("present", "excused", "absent", "guests", "recorder", "moderator", "agenda",
                  "decisions", "extra", "key_lines", "progress", "membership")  # fmt: skip
# (name, position in _minutes, what stands for it)
_LEAN = (
    *(
        (name, at, () if empty is list else _EMPTY_MAPPING if empty is dict else None)
        for name, (at, empty) in _COLLECTIONS.items()
        if name in _NOT_FOR_TASKS
    ),
    ("group_as_written", 5, ""),
    ("place", 7, None),
    ("title", 24, None),
)


def make_lean(minutes: Minutes) -> None:
    """Let go of the fields of `minutes` that tasks do not read (_LEAN): each is None, "", or
    an empty read-only one (as in the reduced views). Its tasks' owners and deadlines as
    written are made one string each for all tasks, as they are once unpacked (pack_task)."""
    for name, _at, empty in _LEAN:
        setattr(minutes, name, empty)
    for task in minutes.tasks:
        if task.owner:
            task.owner = intern(task.owner)
        if task.due:
            task.due = intern(task.due)


def unpack_lean(data: bytes) -> Outcome:
    """The parse outcome that `pack` made `data` of, its minutes as make_lean leaves them:
    what is let go of is not made at all."""
    minutes, problems = marshal.loads(data)
    if minutes is not None:
        values = list(minutes)
        for _name, at, empty in _LEAN:
            values[at] = empty
        minutes = _unpack_minutes(tuple(values))
    return minutes, list(starmap(Problem, problems)) if problems else problems

"""`kpss export --no-cache` without holding the archive's records.

The process that parses a file (a forked worker or this one, store/cold._each_kept) makes its
minutes' rows there (tables.minutes_rows: attendance, the meeting, agenda items, decisions),
given the members kpss.yaml names, and sends them back with what the rest of the export reads
of it: the people its rows see or note, in order (the table `people` folds them in the
archive's order), and what resolving its tasks reads (its date, id, group, the date of its own
next meeting, its tasks and updates as bytes), with the record packed only when it says who
joins or leaves. The rows go to the export's spill as they come (write.Spill: every table's
key is unique within an archive, so the order they come in does not matter; it sorts them);
only the compact parts are held. Then, in the archive's order: the groups' members over time
(when some minutes say who joins or leaves, the attendance of those groups' minutes is made
again, parsed again, with them), the people, the groups, and the tasks, each resolved with its
history as archive.resolve resolves it and let go of once its rows are made.

At 100,000 files the archive loaded whole for a cold export peaked at 713 MiB, this at 207
(docs/performance.md, "Cold `export` without the records"). The rows are those of
tables.archive_rows of the archive loaded (tests/test_export_cold.py compares the two)."""

from __future__ import annotations

import marshal
import multiprocessing
import os
import signal
import struct
from array import array
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate
from json.encoder import encode_basestring
from operator import itemgetter
from pathlib import Path
from sys import intern
from typing import Any

from ..core.config import Config, GroupConfig
from ..core.dates import parse_deadline
from ..core.errors import Problem
from ..core.model import Minutes, Person
from ..core.names import person_key
from ..core.people import roster_of
from ..meetings.membership import GroupMembers, all_members, substitute_of
from ..output.formats import json_encoder
from ..store import loading
from ..store.archive import (
    Archive,
    TaskSnapshot,
    duplicate_task,
    next_meeting_dates,
    printable,
    resolve_root,
    shown_path,
)
from ..store.cold import _each_kept, _short, split_walk
from ..store.config import load_config
from ..store.loading import Progress, _collector_paused, walk_archive
from ..store.packing import _DATES, MARSHAL_VERSION, _updates, pack, unpack
from ..store.workers import FORKS
from .rows import LEAD, Made, Spool, _lines_of, _text
from .schema import BY_NAME, Row
from .splice import PER_MINUTES, PER_TASK
from .tables import People, _meeting_row, add_minutes_rows, archive_row, group_rows, minutes_rows

MEETINGS, ATTENDANCE, AGENDA_ITEMS, DECISIONS = (BY_NAME[name] for name in PER_MINUTES)

# What the parent keeps of one minutes, at these places: its date (an ordinal), id, group's slug
# and name, the date of its own next meeting (or None), whose members judge its attendance
# (kpss.yaml's group's slug, else its own), its tasks (_short of each, by marshal) and its
# updates and unchecked lines (by marshal), each None when it has none, and the record packed
# when it says who joins or leaves; made into JSON Lines (_Texts), where its rows' text lies in
# the spool and how many rows of attendance, agenda items and decisions it has.
_DAY, _ID, _SLUG, _GROUP, _NEXT, _KEY, _TASKS, _UPDATES, _JOINS, _PLACE = range(10)


class _Seen(People):
    """The people one minutes' rows see and note (People's calls), in order, for the parent
    to fold in the archive's order: key, name, organisation, and 1 for seen (0: noted) each."""

    def __init__(self) -> None:
        super().__init__()
        self.flat: list[Any] = []

    def see(self, person: Person) -> str:
        self.flat += (person.key, person.person, person.org, 1)
        return person.key

    def note(self, person: Person) -> str:
        self.flat += (person.key, person.person, person.org, 0)
        return person.key


class _Maker:
    """What making a minutes' rows reads: the archive's configuration, its name in the export,
    the groups' members (kpss.yaml's, or over time), and whether the rows are made into their
    JSON Lines text (`text`, _Texts: the process that parses the file encodes them). Made
    before the workers fork."""

    def __init__(
        self, archive: Archive, name: str, members: dict[str, GroupMembers], text: bool = False
    ) -> None:
        self.archive = archive
        self.name = "" if text else name  # the text's lines begin with rows.LEAD
        self.members = members
        self.text = text

    def of(self, minutes: Minutes) -> tuple[Any, ...]:
        """(what the parent keeps, the rows (with `text`: the text of each of PER_MINUTES and
        the counts of attendance, agenda items and decisions), the people seen and noted) of
        `minutes`."""
        seen = _Seen()
        group = self.archive.config.find_group(minutes.group_slug)
        rows: Any = (
            self._texts(minutes, group, seen)
            if self.text
            else minutes_rows(self.name, minutes, self.archive, self.members, seen)
        )
        tasks, updates, loose, meeting = (
            minutes.tasks,
            minutes.updates,
            minutes.loose_checks,
            minutes.next_meeting,
        )
        kept = (
            minutes.date.toordinal(),
            minutes.id,
            minutes.group_slug,
            minutes.group,
            None if meeting is None or meeting.date is None else meeting.date.toordinal(),
            group.slug if group else minutes.group_slug,
            marshal.dumps([_short(t) for t in tasks], MARSHAL_VERSION) if tasks else None,
            marshal.dumps((_updates(updates), _updates(loose)), MARSHAL_VERSION)
            if updates or loose
            else None,
            pack((minutes, [])) if minutes.membership else None,
        )
        return kept, rows, seen.flat

    def _texts(
        self, minutes: Minutes, group: GroupConfig | None, seen: _Seen
    ) -> tuple[tuple[bytes, ...], tuple[int, ...]]:
        """The text of each of PER_MINUTES of tables.minutes_rows' rows of `minutes` (rows._text:
        each table in its key order; its people seen by `seen` as there) and the counts of
        attendance, agenda items and decisions. The attendance is made straight into its text
        (_attendance_tails) from the people as meetings/attendance.meeting_attendance judges
        them: no MeetingAttendance (its sets, voting members and quorum) nor rows of all nine
        values made and read once."""
        config = self.archive.config
        known = self.members.get(group.slug if group else minutes.group_slug)
        on_day = known.on(minutes.date) if known else []
        present, excused, listed_absent = minutes.present, minutes.excused, minutes.absent
        absent = listed_absent
        if not minutes.attendance_sheet:  # "dle prezenční listiny": kpss cannot tell who was missing
            represented = set()
            for person in present:
                if person.substitute_for and (member := substitute_of(person, on_day, config.aliases)):
                    represented.add(member.key)
            listed = {p.key for p in (*present, *excused, *listed_absent)}
            absent = [
                *listed_absent,
                *(m.person for m in on_day if m.key not in listed and m.key not in represented),
            ]
        member_keys = {m.key for m in on_day}
        absent_keys = {p.key for p in listed_absent}
        flat = seen.flat
        rests: list[tuple[Any, ...]] = []  # each row but its archive and minutes id
        done: set[tuple[str, str]] = set()
        for status, people in (("present", present), ("excused", excused), ("absent", absent)):
            for person in people:
                key = person.key
                flat += (key, person.person, person.org, 1)  # _Seen.see
                if (key, status) in done:
                    continue  # named twice under one status (kpss check reports it)
                done.add((key, status))
                rests.append(
                    (
                        key,
                        status,
                        person.name,
                        person.org,
                        person.role,
                        key in member_keys,
                        status != "absent" or key in absent_keys,
                    )
                )
        for person in minutes.guests:
            key = person.key
            flat += (key, person.person, person.org, 1)
            if (key, "guest") in done:
                continue
            done.add((key, "guest"))
            rests.append((key, "guest", person.name, person.org, person.role, key in member_keys, True))
        # Unique by person and status, which lead each: in the key order (person, status).
        rests.sort()
        name, minutes_id = self.name, minutes.id
        meeting = _meeting_row(name, minutes, seen)
        agenda = [
            (name, minutes_id, position, item.title, item.presenter)
            for position, item in enumerate(minutes.agenda, 1)
        ]
        decisions = [(name, minutes_id, position, text) for position, text in enumerate(minutes.decisions, 1)]
        texts = (
            _text(MEETINGS, [meeting]),
            _attendance_tails(minutes_id, rests),
            _text(AGENDA_ITEMS, agenda),
            _text(DECISIONS, decisions),
        )
        return texts, (len(rests), len(agenda), len(decisions))


# Each attendance row's text after its minutes id (rows._text's), by the rest of the row: the
# same people come meeting after meeting, under the same status (at 10,000 files 128,000 rows,
# 11,770 texts), and the files come group by group. Held by the process that parses the files,
# let go of past _TAILS_HELD (some 2 MB; 65,536 put the peak at 100,000 files over 250 MiB)
# and once the files are parsed.
_TAILS: dict[tuple[Any, ...], str] = {}
_TAILS_HELD = 4_096
_BEFORE_ID = LEAD.decode("ascii") + '"minutes_id": '


def _attendance_tails(minutes_id: str, rests: list[tuple[Any, ...]]) -> bytes:
    """rows._text of the rows of `attendance` of one minutes of the archive named "", given
    each row but its archive and minutes id (`rests`, in key order), each row's text after its
    minutes id taken from _TAILS."""
    tails = _TAILS
    if len(tails) > _TAILS_HELD:
        tails.clear()
    made: list[str] = [""]
    for rest in rests:
        tail = tails.get(rest)
        if tail is None:
            line = _lines_of(ATTENDANCE)([("", "", *rest)])
            tail = tails[rest] = line[len(_BEFORE_ID) + 4 :]  # after `"", `
        made.append(tail)
    return (_BEFORE_ID + encode_basestring(minutes_id) + ", ").join(made).encode("utf-8")


def _attendance_text(rows: list[Row]) -> bytes:
    """rows._text of one minutes' rows of `attendance`, each row's text after its minutes id
    made once (_TAILS), the minutes id's once per minutes: the same bytes (_attendance_tails of
    the rows but their archive and minutes id)."""
    if not rows or any(row[0] != "" or type(row[1]) is not str or row[1] != rows[0][1] for row in rows):
        return _text(ATTENDANCE, rows)  # not one minutes' of one archive's "" (never here)
    return _attendance_tails(rows[0][1], [row[2:] for row in rows])


def _kept(
    base: str, rel: str, config: Config, maker: _Maker, sample: Any, _wanted: Any, _people: Any = None
) -> tuple[list[tuple[Any, ...]] | None, Any]:
    """(the file's problems, _Maker.of its minutes or None); called as store/cold._kept is. In a
    worker (`sample` None) sent as marshal's bytes."""
    minutes, problems = loading._parse_file(base, rel, config)
    found = [(p.path, p.line, p.severity, p.code, p.message) for p in problems] if problems else None
    if minutes is None:
        return found, None
    made = maker.of(minutes)
    return found, made if sample is not None else marshal.dumps(made, MARSHAL_VERSION)


class ColdExport:
    """A cold export's archive: its head (problems, groups, configuration, file count) and its
    name in the export."""

    def __init__(self, head: TaskSnapshot, name: str) -> None:
        self.head = head
        self.name = name


def cold_rows(
    archive: str | os.PathLike[str] | None,
    name: str | None,
    exported_at: str,
    add: Callable[[str, list[Any]], None],
    drop: Callable[[str, str, list[str]], None],
    progress: Progress | None,
) -> ColdExport | None:
    """Every table's rows of the archive (default: found from the current folder), named `name`
    (default: its folder's name), handed to `add(table, rows)` as tables.archive_rows hands
    them, in no set order; `drop(table, column, values)` takes back rows handed before (the
    attendance of minutes whose groups' members their minutes change). None where workers
    cannot be forked (the caller loads the archive)."""
    if not FORKS:
        return None
    return _cold(archive, name, exported_at, _Spilled(add, drop), progress)


def cold_text(
    archive: str | os.PathLike[str] | None,
    name: str | None,
    exported_at: str,
    folder: Path,
    progress: Progress | None,
) -> Made | None:
    """The JSON Lines export of the archive (as cold_rows; `name` as there) as the text of its
    rows in key order (rows.Made, written by write._write_made): each minutes' text made by the
    process that parses it, put aside in a spool in `folder` (the target's) as it comes, and
    put in each table's key order by its minutes' (task's) id, no row read back or encoded
    again here. None where workers cannot be forked."""
    if not FORKS:
        return None

    spool = Spool(folder)
    try:
        texts = _Texts(spool)
        cold = _cold(archive, name, exported_at, texts, progress)
        return texts.made(cold)
    except BaseException:
        spool.close()
        raise


def _cold(
    archive: str | os.PathLike[str] | None,
    name: str | None,
    exported_at: str,
    sink: _Spilled | _Texts,
    progress: Progress | None,
) -> ColdExport:
    root, shown_root = resolve_root(archive)
    walk = walk_archive(root, stats=False)
    folder = Path(root)
    config = load_config(folder, shown_root)
    name = name if name is not None else folder.name
    with _collector_paused(freeze=True):
        return _made(folder, shown_root, config, walk, name, exported_at, sink, progress)


class _Spilled:
    """Where the rows go for the spill (write.Spill: SQLite, Parquet, several archives): as
    they are made, by table, in no set order (the spill sorts them)."""

    text = False

    def __init__(
        self, add: Callable[[str, list[Any]], None], drop: Callable[[str, str, list[str]], None]
    ) -> None:
        self.add = add
        self.drop = drop

    def minutes(self, rows: Any) -> None:
        add_minutes_rows(self.add, rows)

    def again(self, ids: list[str]) -> None:
        self.drop("attendance", "minutes_id", ids)

    def attendance(self, own: tuple[Any, ...], rows: Any) -> tuple[Any, ...]:
        self.add("attendance", rows[0])
        return own

    def minutes_done(self, ordered: list[tuple[Any, ...]]) -> None:
        pass  # the spill sorts the rows

    def tasks_order(self, number: dict[str, int]) -> range:
        """The order the tasks are made in: as they are defined (the spill sorts them)."""
        return range(len(number))

    def tasks(self, made: _TaskMaker, order: Sequence[int], apart: bool) -> None:
        add = self.add
        for first in range(0, len(order), TASK_RANGE):
            for task_row, events, deadlines in made.made(order[first : first + TASK_RANGE]):
                add("tasks", [task_row])
                add("task_events", events)
                add("deadlines", deadlines)


class _Texts:
    """Where the rows' JSON Lines text goes (cold_text): each minutes' text of PER_MINUTES (as
    its worker made it) and each task's of PER_TASK put in the spool (rows.Spool) as it comes;
    the parent holds where each lies, in arrays (some 100,000 minutes and 200,000 tasks at
    100,000 files), and each table's row count. The text is of the archive named "" (rows.LEAD)."""

    text = True

    def __init__(self, spool: Spool) -> None:
        self.spool = spool
        self.counts = dict.fromkeys(PER_MINUTES + PER_TASK, 0)
        self.attendance_counts = array("i")  # of each minutes, by its row in the spool
        self.again_rows: dict[int, int] = {}  # a minutes' row: that of its attendance made again
        self.task_rows: list[int] = []  # the spool's rows of the tasks' text, in key order
        self.numbers: dict[str, list[int]] = {}  # each table's rows in the spool in key order
        self.tables: dict[str, list[Row]] = {}  # people, groups, archives

    def minutes(self, rows: Any) -> int:
        texts, (attendance, agenda, decisions) = rows
        counts = self.counts
        counts["meetings"] += 1
        counts["attendance"] += attendance
        counts["agenda_items"] += agenda
        counts["decisions"] += decisions
        self.attendance_counts.append(attendance)
        return self.spool.put(PER_MINUTES, texts)  # its row of each (all put together)

    def again(self, ids: list[str]) -> None:
        pass  # the text of their attendance made again is put aside anew (`attendance`)

    def attendance(self, own: tuple[Any, ...], rows: Any) -> tuple[Any, ...]:
        (_meeting, attendance, *_rest), (count, *_counts) = rows
        number = own[_PLACE]
        self.counts["attendance"] += count - self.attendance_counts[number]
        self.again_rows[number] = self.spool.put(("attendance",), (attendance,))
        return own

    def minutes_done(self, ordered: list[tuple[Any, ...]]) -> None:
        """Where each minutes' rows lie, in the order of their ids (a minutes id is its file's
        path: one each)."""
        rows = [own[_PLACE] for own in sorted(ordered, key=itemgetter(_ID))]
        again = self.again_rows
        for table in PER_MINUTES:
            self.numbers[table] = [again.get(row, row) for row in rows] if table == "attendance" else rows
        self.again_rows = {}

    def tasks_order(self, number: dict[str, int]) -> array[int]:
        """The order the tasks are made in: that of their ids (`number`: each id's number), so
        that a range of them is one row of the spool, in key order."""
        return array("i", [number[task_id] for task_id in sorted(number)])

    def add(self, table: str, rows: list[Row]) -> None:
        self.tables[table] = rows

    def tasks(self, made: _TaskMaker, order: Sequence[int], apart: bool) -> None:
        """The tasks' text, a range of TASK_RANGE tasks in the order of their ids at a time,
        each range one row of each of PER_TASK in the spool; with `apart`, shared with a forked
        helper process (_helped)."""
        ranges = [order[first : first + TASK_RANGE] for first in range(0, len(order), TASK_RANGE)]
        rows = [-1] * len(ranges)  # each range's row in the spool
        if apart and len(ranges) > 1:
            self._helped(made, ranges, rows)
        for at, numbers in enumerate(ranges):
            if rows[at] < 0:  # no helper, or a range its helper did not make
                rows[at] = self._put(_range_text(made.made(numbers)))
        self.task_rows = rows

    def _put(self, made: tuple[tuple[bytes, ...], tuple[int, ...]]) -> int:
        texts, (tasks, events, deadlines) = made
        counts = self.counts
        counts["tasks"] += tasks
        counts["task_events"] += events
        counts["deadlines"] += deadlines
        return self.spool.put(PER_TASK, texts)

    def _helped(self, made: _TaskMaker, ranges: list[Sequence[int]], rows: list[int]) -> None:
        """The ranges of tasks made by this process from the front and by a forked helper from
        the back, as each is free (a shared pair of bounds), so that on two free cores the
        tasks take half the time. The helper writes its text to files of its own (Spool.side)
        and tells each range it has made and its lengths through a pipe; once it is done, its
        files are copied into the spool (Spool.adopt). What it did not tell (it failed) is left
        to `tasks`. Only what this process holds anyway is read; the helper holds a range."""
        claims = multiprocessing.get_context("fork").Array("i", [0, len(ranges)])
        sides = [self.spool.side() for _ in PER_TASK]
        reading, writing = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no helper: every range made by `tasks`
            for end in (reading, writing):
                os.close(end)
            for side in sides:
                side.close()
            return
        if pid == 0:  # the helper: never returns
            code = 1
            try:
                os.close(reading)
                while True:
                    with claims.get_lock():
                        at = claims[1] - 1
                        if at < claims[0]:
                            break
                        claims[1] = at
                    texts, counts = _range_text(made.made(ranges[at]))
                    for side, text in zip(sides, texts, strict=True):
                        _write_all(side.fileno(), text)
                    _write_all(writing, _REPORT.pack(at, *map(len, texts), *counts))
                code = 0
            finally:
                os._exit(code)
        os.close(writing)
        told = bytearray()
        done = False
        try:
            while True:
                with claims.get_lock():
                    at = claims[0]
                    if at >= claims[1]:
                        break
                    claims[0] = at + 1
                rows[at] = self._put(_range_text(made.made(ranges[at])))
            while chunk := os.read(reading, 65536):  # until the helper is done
                told += chunk
            done = True
        finally:
            os.close(reading)
            if not done:  # this process failed: its helper is not waited for
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            if not done:
                for side in sides:
                    side.close()
        reports = list(_REPORT.iter_unpack(told))
        numbers: list[int] = []
        try:
            for nth, part in enumerate(PER_TASK):
                numbers = self.spool.adopt(part, sides[nth], [report[1 + nth] for report in reports])
        finally:
            for side in sides:
                side.close()
        for (at, _t, _e, _d, *told_counts), number in zip(reports, numbers, strict=True):
            rows[at] = number
            for table, count in zip(PER_TASK, told_counts, strict=True):
                self.counts[table] += count

    def made(self, cold: ColdExport) -> Made:
        """The export's text (rows.Made) once every row is put aside."""

        spool, tables, numbers = self.spool, self.tables, self.numbers
        counts: dict[str, int] = dict(self.counts)
        for table in PER_TASK:
            numbers[table] = self.task_rows
        self.task_rows = []
        for table in ("groups", "people"):
            rows = sorted(tables.pop(table), key=itemgetter(1))  # the key: (archive, its own)
            numbers[table] = [spool.put((table,), (_text(BY_NAME[table], rows),))]
            counts[table] = len(rows)
        archives = tables.pop("archives")
        counts["archives"] = len(archives)
        lead = ('{"archive": ' + json_encoder()(cold.name) + ", ").encode("utf-8")
        return Made(cold.head, lead, spool, numbers, counts, archives)


def _made(
    root: Path,
    shown_root: str,
    config: Config,
    walk: loading.Walk,
    name: str,
    exported_at: str,
    sink: _Spilled | _Texts,
    progress: Progress | None,
) -> ColdExport:
    # As loading._load puts the archive's problems together: kpss.yaml's, the unreadable
    # folders', each file's in the walk's order, then those of resolving the tasks.
    result, read, not_read = split_walk(root, shown_root, config, walk)
    files = walk[0]
    walked = [rel for rel, _own in files]
    files.clear()  # the walk's stats let go of before the parse
    base = str(root)
    lone = Archive(root=root, shown_root=shown_root, config=config)
    maker = _Maker(lone, name, all_members(lone), sink.text)  # the members kpss.yaml names
    people: dict[tuple[Any, ...], int] = {}  # (key, name, organisation): its number
    problems: dict[str, list[tuple[Any, ...]]] = {}
    kept: dict[str, tuple[Any, ...]] = {}
    seen: dict[str, bytes] = {}  # each minutes' people seen and noted, numbered (_numbered)
    for rel, (found, made) in _each_kept(base, read, config, maker, None, progress, [], _kept):
        if found:
            problems[rel] = found
        if made is None:
            continue
        own, rows, flat = marshal.loads(made) if isinstance(made, bytes) else made
        kept[rel] = (
            *own[:_SLUG],
            intern(own[_SLUG]),
            intern(own[_GROUP]),
            own[_NEXT],
            intern(own[_KEY]),
            *own[_TASKS:],
            sink.minutes(rows),
        )
        seen[rel] = _numbered(flat, people)
    _TAILS.clear()
    # The tasks shared with a helper process where the files were shared with workers.
    apart = len(read) >= loading.PARALLEL_FROM and min(os.cpu_count() or 1, 8) >= 2
    del read
    order: list[tuple[int, str, int, str]] = []  # (date, id, place in the walk, file)
    for place, rel in enumerate(walked):
        result.files += 1
        if rel in not_read:
            problem = not_read[rel]
            found_here: list[tuple[Any, ...]] | None = [
                (problem.path, problem.line, problem.severity, problem.code, problem.message)
            ]
        else:
            found_here = problems.pop(rel, None)
        if found_here:
            shown = shown_path(result, printable(rel))
            result.problems.extend(Problem(shown, *p[1:]) for p in found_here)
        if rel in kept:
            own = kept[rel]
            order.append((own[_DAY], own[_ID], place, rel))
    del walked, problems
    order.sort()  # the archive's order (archive.resolve: a stable sort of the walk's)
    rels = [rel for _day, _id, _place, rel in order]
    del order
    ordered = [kept.pop(rel) for rel in rels]
    del kept

    # The groups' members over time: kpss.yaml's, then the joins and leaves of their minutes.
    # The attendance of the minutes of a group whose members these change is made again.
    joins: list[Minutes] = []
    for own in ordered:
        if own[_JOINS] is not None and (record := unpack(own[_JOINS])[0]) is not None:
            joins.append(record)
    members = maker.members
    if joins:
        lone.minutes = joins
        members = all_members(lone)
        changed = {record.group_slug for record in joins}
        again = [at for at, own in enumerate(ordered) if own[_KEY] in changed]
        sink.again([ordered[at][_ID] for at in again])
        maker.members = members
        place_of = {rels[at]: at for at in again}
        for rel, (_found, made) in _each_kept(
            base, [rels[at] for at in again], config, maker, None, None, [], _kept
        ):
            if made is not None:
                _own, rows, flat = marshal.loads(made) if isinstance(made, bytes) else made
                at = place_of[rel]
                ordered[at] = sink.attendance(ordered[at], rows)
                seen[rel] = _numbered(flat, people)
    sink.minutes_done(ordered)
    folded = _folded([seen.pop(rel) for rel in rels], people)
    del seen
    for group in members.values():
        for period in group.periods:
            folded.note(group.person(period))  # members who never came, or only to meetings with a sheet
    rows_name = maker.name  # "" for the text (rows.LEAD in its place)
    sink.add("people", folded.rows(rows_name))
    del folded, people

    # As resolve: the groups in the order of their first minutes, named by their last.
    for own in ordered:
        result.group_names[own[_SLUG]] = own[_GROUP]
    tasks = _tasks(result, rows_name, rels, ordered, sink, apart)
    head = TaskSnapshot.of(result)
    sink.add("groups", group_rows(head, rows_name))
    sink.add("archives", [archive_row(head, name, len(ordered), tasks, exported_at)])
    return ColdExport(head, name)


def _numbered(flat: list[Any], people: dict[tuple[Any, ...], int]) -> bytes:
    """The people one minutes sees and notes (_Seen.flat), each as its number in `people`
    (added when new) twice, plus 1 when seen: names recur from meeting to meeting."""
    numbers = array("i")
    for at in range(0, len(flat), 4):
        person = (flat[at], flat[at + 1], flat[at + 2])
        number = people.get(person)
        if number is None:
            number = people[person] = len(people)
        numbers.append(number * 2 + flat[at + 3])
    return numbers.tobytes()


def _folded(seen: list[bytes], people: dict[tuple[Any, ...], int]) -> People:
    """People, as tables.archive_rows makes it, of each minutes' people (_numbered) in the
    archive's order; `seen` is emptied as it is read."""
    table = list(people)
    folded = People()
    found = folded.found
    seen.reverse()
    while seen:
        numbers = array("i")
        numbers.frombytes(seen.pop())
        for number in numbers:
            key, person, org = table[number >> 1]
            entry = found.setdefault(key, [person, org])
            if number & 1:  # People.see
                entry[0] = person
                entry[1] = org or entry[1]
    return folded


def _tasks(
    result: Archive,
    name: str,
    rels: list[str],
    ordered: list[tuple[Any, ...]],
    sink: _Spilled | _Texts,
    apart: bool,
) -> int:
    """The rows of the tables of tasks, a task at a time, each resolved with its history as
    archive.resolve resolves it (the task ids defined twice into `result`'s problems), handed
    to `sink.tasks`; how many tasks there were. Each task is a number in the order tasks are
    defined: where it is defined (two arrays), and each update that changes it one int (task,
    minutes, place in its minutes' updates), sorted, so that its steps follow one another.
    The tasks are then made a range at a time by `sink.tasks` (to JSON Lines, with `apart`,
    shared with one forked helper that writes its own text: docs/performance.md, branches
    `coldexport3` and `coldexport4`)."""
    loads, dates = marshal.loads, _DATES
    after = next_meeting_dates(
        [
            (own[_ID], own[_SLUG], dates[own[_DAY]], None if own[_NEXT] is None else dates[own[_NEXT]])
            for own in ordered
        ]
    )
    number: dict[str, int] = {}
    defined_at, defined_nth = array("i"), array("i")
    for at, own in enumerate(ordered):
        if own[_TASKS] is None:
            continue
        for nth, t in enumerate(loads(own[_TASKS])):
            first = number.get(t[0])
            if first is not None:  # the line where it was first defined: read again (rare)
                where = defined_at[first]
                line = loads(ordered[where][_TASKS])[defined_nth[first]][7]
                result.problems.append(
                    duplicate_task(
                        shown_path(result, rels[at]), t[7], t[0], shown_path(result, rels[where]), line
                    )
                )
                continue
            number[t[0]] = len(defined_at)
            defined_at.append(at)
            defined_nth.append(nth)

    # Each update that changes a task, as minutes << 32 | place in its minutes' updates, grouped
    # by task (a counting sort: the updates come in the archive's order, so each task's steps
    # follow one another in it): task n's are steps[starts[n]:starts[n + 1]]. Arrays, not one
    # int of 80 bits per step sorted (some 17 MB and 0.2 s at 100,000 files).
    tasks_of, places = array("i"), array("q")
    for at, own in enumerate(ordered):
        if own[_UPDATES] is None:
            continue
        done, loose = loads(own[_UPDATES])
        for nth, update in enumerate([*done, *loose]):
            n = number.get(update[0])
            if n is None:
                continue  # unmatched (check.py)
            if at > defined_at[n]:  # after its definition in the archive's order (ids are one per file)
                tasks_of.append(n)
                places.append(at << 32 | nth)
    order = sink.tasks_order(number)
    del number
    starts = _grouped(tasks_of, len(defined_at))
    steps = array("q", bytes(8 * len(places)))
    fill = starts[:-1]
    for n, place in zip(tasks_of, places, strict=True):
        steps[fill[n]] = place
        fill[n] += 1
    del tasks_of, places, fill
    made = _TaskMaker(
        name, rels, ordered, after, defined_at, defined_nth, starts, steps, roster_of(result.config)
    )
    sink.tasks(made, order, apart)
    return len(defined_at)


def _grouped(groups: array[int], count: int) -> array[int]:
    """Where each of `count` groups begins when the items of group numbers `groups` are put
    group by group, and their end: count + 1 places."""
    sizes = array("q", bytes(8 * count))
    for n in groups:
        sizes[n] += 1
    return array("q", accumulate(sizes, initial=0))


TASK_RANGE = 1_000  # tasks made at a time (to JSON Lines: one row of the spool each)
_REPORT = struct.Struct("<7q")  # a range a helper made (_Texts._helped): its place, lengths, counts


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _range_text(made: list[tuple[Row, list[Row], list[Row]]]) -> tuple[tuple[bytes, ...], tuple[int, ...]]:
    """A range of tasks' rows (task_rows, of the archive named ""), in the order of their ids,
    as the text of each of PER_TASK, and how many rows each has."""
    tasks = [task_row for task_row, _events, _deadlines in made]
    events = [event for _task, task_events, _deadlines in made for event in task_events]
    deadlines = [row for _task, _events, task_deadlines in made for row in task_deadlines]
    tables = (tasks, events, deadlines)
    texts = tuple(_text(BY_NAME[name], rows) for name, rows in zip(PER_TASK, tables, strict=True))
    return texts, tuple(map(len, tables))


class _TaskMaker:
    """What making the rows of a range of tasks reads (_tasks)."""

    def __init__(
        self,
        name: str,
        rels: list[str],
        ordered: list[tuple[Any, ...]],
        after: dict[str, Any],
        defined_at: array[int],
        defined_nth: array[int],
        first: array[int],
        steps: array[int],
        roster: Any,
    ) -> None:
        self.name = name
        self.rels = rels
        self.ordered = ordered
        self.after = after
        self.defined_at = defined_at
        self.defined_nth = defined_nth
        self.first = first  # task n's steps: steps[first[n]:first[n + 1]]
        self.steps = steps
        self.roster = roster
        self.keys: dict[str, str] = {}  # an owner as written: their key (tables.task_rows), or ""

    def made(self, numbers: Sequence[int]) -> list[tuple[Row, list[Row], list[Row]]]:
        """The rows of the tasks `numbers`, in that order, as tables.task_rows makes them of the
        task archive.resolve resolves: replayed here from the tuples straight into the rows (no
        Task or StatusChange made; each step's deadline read once, for the task and its row of
        `deadlines`), the owners' keys kept as they recur. tests/test_export_cold.py compares
        the two."""
        loads, dates = marshal.loads, _DATES
        name, rels, ordered, after, first, steps, keys = (
            self.name,
            self.rels,
            self.ordered,
            self.after,
            self.first,
            self.steps,
            self.keys,
        )
        iso = _iso_of

        @lru_cache(maxsize=256)
        def updates(at: int) -> list[tuple[Any, ...]]:
            """The updates and unchecked lines of the minutes `at` (those of no task are
            skipped, as resolve skips them)."""
            done, loose = loads(ordered[at][_UPDATES])
            return [*done, *loose]

        made: list[tuple[Row, list[Row], list[Row]]] = []
        tasks_of: tuple[int, list[Any]] = (-1, [])
        for n in numbers:
            at, nth = self.defined_at[n], self.defined_nth[n]
            own = ordered[at]
            if tasks_of[0] != at:
                tasks_of = (at, loads(own[_TASKS]))
            task_id, text, owner, due, deadline, kind, initial, line, source, _measure = tasks_of[1][nth]
            minutes_id, day, path = own[_ID], own[_DAY], rels[at]
            status = initial
            end: Any = (
                after[minutes_id] if kind == "next_meeting" else None if deadline is None else dates[deadline]
            )
            events: list[Row] = [(name, task_id, 0, minutes_id, iso(day), initial, None, due, path, line)]
            deadlines: list[Row] = []
            row_kind = "none"  # as tables._deadline_rows replays them
            row_due: str | None = None
            if due is not None:  # the deadline parse._new_task read of it: no need to read it again
                row_due, row_kind = due, kind
                deadlines.append((name, task_id, 0, minutes_id, iso(day), "set", due, _iso(end), kind))
            closed_day, closed_id = day, minutes_id
            for seq, step in enumerate(steps[first[n] : first[n + 1]], 1):
                where = step >> 32 & 0xFFFFFFFF
                _id, changed, note, update_line, _source, written, handed = updates(where)[step & 0xFFFFFFFF]
                by = ordered[where]
                by_id, by_day = by[_ID], by[_DAY]
                status = changed
                if handed:  # handed over, from this meeting on
                    owner = handed
                if written is not None:  # a new deadline, from this meeting on
                    read = parse_deadline(written, dates[by_day])
                    due, kind = written, read.kind
                    end = after[by_id] if read.kind == "next_meeting" else read.end
                    row_due, row_kind = written, read.kind
                    row_end = after.get(by_id) if row_kind == "next_meeting" else read.end
                    deadlines.append(
                        (name, task_id, seq, by_id, iso(by_day), "moved", row_due, _iso(row_end), row_kind)
                    )
                else:
                    if changed == "open" and kind == "next_meeting":
                        end = after[by_id]  # carried on: to the meeting after this one
                    if changed == "open" and row_kind == "next_meeting":
                        deadlines.append(
                            (
                                name,
                                task_id,
                                seq,
                                by_id,
                                iso(by_day),
                                "carried",
                                row_due,
                                _iso(after.get(by_id)),
                                row_kind,
                            )
                        )
                events.append(
                    (name, task_id, seq, by_id, iso(by_day), changed, note, written, rels[where], update_line)
                )
                closed_day, closed_id = by_day, by_id
            closed = status != "open"
            if owner:
                owner_key = keys.get(owner)
                if owner_key is None:
                    owner_key = keys[owner] = person_key(self.roster.find(owner) or owner) or ""
            task_row = (
                name,
                task_id,
                minutes_id,
                own[_SLUG],
                iso(day),
                text,
                owner,
                (owner_key or None) if owner else None,
                due,
                _iso(end),
                kind,
                status,
                initial,
                iso(closed_day) if closed else None,
                closed_id if closed else None,
                path,
                line,
                source,
            )
            made.append((task_row, events, deadlines))
        return made


@lru_cache(maxsize=4096)
def _iso_of(day: int) -> str:
    """The ISO text of the date of the ordinal `day` (the same few thousand dates recur)."""
    return _DATES[day].isoformat()


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None

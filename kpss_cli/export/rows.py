"""An export's rows kept in the index as the JSON text they are written as (docs/export.md,
"After a change"): one signed row per file of the archive holding its minutes' rows of
`meetings`, `attendance`, `agenda_items` and `decisions` and the people it names
(store/viewtable.py: after an edit only the changed files' rows are made again), and one per
bucket of the task snapshot's tables holding its tasks' rows of `tasks`, `task_events` and
`deadlines` (only the buckets an edit rewrote are made again). The rows are those tables.py
makes, byte for byte: a JSON Lines export is then the kept text put in each table's key order.

A minutes' attendance reads the membership of its group on its date, which the minutes that
record joins or leaves give (and kpss.yaml): a change of one of those makes every file's rows
again (store/loading.kept_rows), as a change of kpss.yaml does (the index starts afresh).
The text is kept without the archive's name, which each export gives (`--name`): each line
starts with LEAD, put in place of `{"archive": NAME, ` when it is written.
"""

from __future__ import annotations

import datetime as dt
import errno
import marshal
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..core.model import Minutes, Person
from ..core.people import roster_of
from ..meetings.membership import all_members
from ..output.formats import json_encoder
from ..store.archive import Archive, TaskSnapshot, next_meeting_dates
from ..store.index import blake2b
from ..store.loading import Walk, kept_rows
from ..store.packing import MARSHAL_VERSION, unpack_task
from .schema import BY_NAME, Row, Table
from .tables import People, archive_row, group_rows, minutes_rows, task_rows

VIEW = "export"  # the view's name (store/viewtable.kind)
LEAD = b"\x00"  # begins each kept line; never in JSON text (control characters are escaped)
_EMPTY = '{"archive": "", '  # how a row of the archive named "" begins
PER_MINUTES = ("meetings", "attendance", "agenda_items", "decisions")
PER_TASK = ("tasks", "task_events", "deadlines")
CHUNK = 1 << 20  # bytes of text read back from the spool at a time
PEOPLE = "people of each minutes"  # the spool's file of each minutes' people (_Seen.summary)


def _text(table: Table, rows: list[Row]) -> bytes:
    """The JSON Lines of `rows` (of the archive named ""), as write._write_jsonl writes them
    after the spill (booleans as it gives them back), each line begun with LEAD in place of
    its archive."""
    names = table.names
    encode = json_encoder()
    lines = []
    for row in table.booleans_restored(rows):
        line = encode(dict(zip(names, row, strict=True)))
        if not line.startswith(_EMPTY):
            raise ValueError("a row not of the archive named ''")
        lines.append(line[len(_EMPTY) :])
    if not lines:
        return b""
    return ("\0" + "\n\0".join(lines) + "\n").encode("utf-8")


class _Seen(People):
    """The people of one minutes as People sees them, summed up so that the people of many
    minutes combine in order (`people`): for each key, in order, what its first mention gave
    (name, organisation), whether it was seen (not only noted) and then the name last seen
    and the organisation last given."""

    def __init__(self) -> None:
        super().__init__()
        self.first: dict[str, tuple[str, str | None]] = {}
        self.last: dict[str, tuple[str, str | None]] = {}

    def see(self, person: Person) -> str:
        key = person.key
        self.first.setdefault(key, (person.person, person.org))
        before = self.last.get(key)
        self.last[key] = (person.person, person.org or (before[1] if before else None))
        return key

    def note(self, person: Person) -> str:
        self.first.setdefault(person.key, (person.person, person.org))
        return person.key

    def summary(self) -> list[tuple[str, str, str | None, bool, str | None, str | None]]:
        return [
            (key, person, org, key in self.last, *self.last.get(key, (None, None)))
            for key, (person, org) in self.first.items()
        ]


def each_for(head: TaskSnapshot, shared: list[Minutes]) -> Callable[[Minutes], Any]:
    """The function making a minutes' kept value, given the minutes that record joins or
    leaves (`shared`, in the archive's order): (its group, its next meeting as an ordinal,
    its people (_Seen.summary), the text of its rows of each of PER_MINUTES, their counts)."""
    joins = Archive(Path(head.root), head.shown_root, head.config)
    joins.minutes = shared  # all that membership over time reads
    members = all_members(joins)

    def each(minutes: Minutes) -> Any:
        people = _Seen()
        attendance, meeting, agenda, decisions = minutes_rows("", minutes, joins, members, people)
        # Each table in its key order (a minutes' rows are together: its id leads each key).
        attendance.sort(key=lambda row: (row[2], row[3]))
        meeting_day = minutes.next_meeting.date if minutes.next_meeting else None
        return (
            minutes.group_slug,
            None if meeting_day is None else meeting_day.toordinal(),
            marshal.dumps(people.summary(), MARSHAL_VERSION),  # unpacked only when people change
            tuple(
                _text(BY_NAME[name], rows)
                for name, rows in zip(PER_MINUTES, ([meeting], attendance, agenda, decisions), strict=True)
            ),
            (1, len(attendance), len(agenda), len(decisions)),
        )

    return each


class _Reads(dict[str, "dt.date | None"]):
    """`after` (archive.next_meetings) noting which minutes' next meeting was read."""

    def __init__(self, after: dict[str, dt.date | None]) -> None:
        super().__init__(after)
        self.read: dict[str, int | None] = {}

    def get(self, key: str, default: Any = None) -> Any:
        found = super().get(key, default)
        self.read[key] = None if found is None else found.toordinal()
        return found


class Spool:
    """The rows' text put aside as it is read from the index, in temporary files (in `folder`,
    one per table: a table's text read back in key order is then mostly in one run; removed
    when closed), where each lies kept in arrays (not a tuple per row: some 100,000 minutes and
    200,000 tasks at 100,000 files), and read back table by table in key order a piece at a
    time: an export after a change never holds every row's text (some 66 MB at 10,000 files)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, BinaryIO] = {}
        self.offsets: dict[str, array[int]] = {}
        self.lengths: dict[str, array[int]] = {}

    def put(self, parts: tuple[str, ...], texts: Iterable[bytes]) -> int:
        """Put `texts` in the spool's files `parts` (one each); the number of the row they
        make there (parts always put together number their rows alike)."""
        number = -1
        for part, text in zip(parts, texts, strict=True):
            file = self.files.get(part)
            if file is None:
                file = self.files[part] = tempfile.TemporaryFile(dir=self.folder)  # noqa: SIM115 - close()
                self.offsets[part] = array("q")
                self.lengths[part] = array("q")
            offsets, lengths = self.offsets[part], self.lengths[part]
            number = len(offsets)
            offsets.append(offsets[-1] + lengths[-1] if number else 0)
            lengths.append(len(text))
            file.write(text)
        return number

    def read(self, part: str, number: int) -> bytes:
        """The text of row `number` of `part`."""
        return self._read(part, self.offsets[part][number], self.lengths[part][number])

    def _read(self, part: str, offset: int, length: int) -> bytes:
        file = self.files[part]
        file.flush()
        got = os.pread(file.fileno(), length, offset)
        if len(got) != length:
            raise OSError(errno.EIO, "the spool of the rows' text ended early")
        return got

    def pieces(self, part: str, numbers: Iterable[int]) -> Iterator[bytes]:
        """The text of the rows `numbers` of `part` in order, some CHUNK bytes at a time (rows
        that follow one another in the file read at once)."""
        offsets, lengths = self.offsets.get(part, array("q")), self.lengths.get(part, array("q"))
        pieces: list[bytes] = []
        held = 0
        start = stop = 0
        for number in numbers:
            offset, length = offsets[number], lengths[number]
            if not length:
                continue
            if offset == stop and stop - start < CHUNK:
                stop += length
                continue
            if stop > start:
                pieces.append(self._read(part, start, stop - start))
                held += stop - start
                if held >= CHUNK:
                    yield b"".join(pieces)
                    pieces, held = [], 0
            start, stop = offset, offset + length
        if stop > start:
            pieces.append(self._read(part, start, stop - start))
        if pieces:
            yield b"".join(pieces)

    def close(self) -> None:
        for file in self.files.values():
            file.close()


class Made:
    """An export's rows from the index: the archive's head, each table's text in key order
    (`pieces(table)`: chunks of lines begun with LEAD, read from the spool), each table's row
    count and the `archives` rows. `close()` when done."""

    def __init__(
        self,
        head: TaskSnapshot,
        lead: bytes,
        spool: Spool,
        rows: dict[str, list[int]],
        counts: dict[str, int],
        archives: list[Row],
    ) -> None:
        self.head = head
        self.lead = lead  # what LEAD stands for: `{"archive": NAME, `
        self.spool = spool
        self.rows = rows  # the spool's rows of each table, in key order
        self.counts = counts
        self.archives = archives

    def pieces(self, table: str) -> Iterator[bytes]:
        return self.spool.pieces(table, self.rows[table])

    def close(self) -> None:
        self.spool.close()


def _spool_minutes(spool: Spool) -> Callable[[Any], Any]:
    """A minutes' kept value (each_for) with its text and people put in `spool`: (group, next
    meeting, the digest of its people, its row in the spool, its counts of attendance, agenda
    items and decisions)."""
    parts = (*PER_MINUTES, PEOPLE)

    def shrink(value: Any) -> Any:
        group, meeting, people, texts, counts = value
        number = spool.put(parts, (*texts, people))
        return (group, meeting, blake2b(people, digest_size=16).digest(), number, *counts[1:])

    return shrink


def _spool_tasks(spool: Spool) -> Callable[[Any], Any]:
    """A bucket's kept value (from_index's make) with its tasks' text put in `spool`: each
    task as (id, its row in the spool, its counts of events and deadlines)."""
    put = spool.put

    def shrink(value: Any) -> Any:
        made, reads = value
        return (
            [
                (task_id, put(PER_TASK, texts), n_events, n_deadlines)
                for task_id, *texts, n_events, n_deadlines in made
            ],
            reads,
        )

    return shrink


def from_index(
    archive: str | Path | None,
    name: str | None,
    exported_at: str,
    folder: Path,
    walked: tuple[str, str, Walk] | None = None,
) -> Made | None:
    """The rows of the export of `archive` (named `name`, None: its folder's name) from the rows
    kept in its index, brought up to date, their text put aside in a spool in `folder`; None
    when the index cannot give them (the export is then made from the records, as ever): no
    index, a change too recent to keep, or a minutes id or task id that two hold (their rows'
    order is the spill's). `walked`: the archive's root, root as shown and walk when the
    caller has just walked it (export/kept.find)."""
    spool = Spool(folder)
    try:
        kept = kept_rows(archive, VIEW, each_for, _spool_minutes(spool), walked)
    except BaseException:
        spool.close()
        raise
    if kept is None:
        spool.close()
        return None
    done = False
    try:
        head = kept.head
        name = Path(head.root).name if name is None else name
        values = kept.values
        ids = [value[1] for value in values]
        if len(set(ids)) != len(ids):
            return None
        day = dt.date.fromordinal
        after = next_meeting_dates(
            [
                (minutes_id, value[0], day(date), None if value[1] is None else day(value[1]))
                for date, minutes_id, value in values
            ]
        )
        roster = roster_of(head.config)

        def make(rows: list[Any]) -> Any:
            reads = _Reads(after)
            made = []
            loads = marshal.loads
            for row in rows:
                task = unpack_task(loads(row[5]))
                task_row, events, deadlines = task_rows("", task, roster, reads)
                made.append(
                    (
                        task.id,
                        _text(BY_NAME["tasks"], [task_row]),
                        _text(BY_NAME["task_events"], events),
                        _text(BY_NAME["deadlines"], deadlines),
                        len(events),
                        len(deadlines),
                    )
                )
            return made, sorted(reads.read.items())

        def still(made: Any) -> bool:
            for minutes_id, ordinal in made[1]:
                found = after.get(minutes_id)
                if (None if found is None else found.toordinal()) != ordinal:
                    return False
            return True

        buckets = kept.by_bucket("tasks", make, still, _spool_tasks(spool))
        if buckets is None:
            return None
        tasks = [task for made, _reads in buckets for task in made]
        del buckets
        tasks.sort(key=lambda task: task[0])
        if any(tasks[at][0] == tasks[at - 1][0] for at in range(1, len(tasks))):
            return None
        # The people: each key's first mention, then what it was last seen as (People), and
        # the members who never came; computed again only when a minutes' people (or their
        # order, or the members) changed.
        joins = Archive(Path(head.root), head.shown_root, head.config)
        joins.minutes = kept.shared
        noted = [
            (person.key, person.person, person.org)
            for group in all_members(joins).values()
            for person in map(group.person, group.periods)
        ]
        seen = blake2b(repr(noted).encode("utf-8", "surrogatepass"), digest_size=32)
        for _date, _id, value in values:
            seen.update(value[2])
        people_digest = seen.digest()
        known = kept.part("people")
        if type(known) is tuple and len(known) == 3 and known[0] == people_digest:
            _digest, people_text, people_count = known
        else:
            people: dict[str, list[Any]] = {}
            for _date, _id, value in values:
                for key, person, org, was_seen, last, last_org in marshal.loads(spool.read(PEOPLE, value[3])):
                    entry = people.get(key)
                    if entry is None:
                        entry = people[key] = [person, org]
                    if was_seen:
                        entry[0] = last
                        entry[1] = last_org or entry[1]
            for key, person, org in noted:  # members who never came (tables.archive_rows)
                people.setdefault(key, [person, org])
            people_text = _text(BY_NAME["people"], [("", key, *people[key]) for key in sorted(people)])
            people_count = len(people)
            del people
            kept.keep("people", (people_digest, people_text, people_count))
        values.sort(key=lambda value: value[1])  # by minutes id: the key of each table here
        numbers: dict[str, list[int]] = {}
        counts: dict[str, int] = {}
        minutes_in_order = [value[3] for _date, _id, value in values]
        for table in PER_MINUTES:
            numbers[table] = minutes_in_order
        counts["meetings"] = len(values)
        for at, table in enumerate(PER_MINUTES[1:], 4):
            counts[table] = sum(value[at] for _date, _id, value in values)
        tasks_in_order = [task[1] for task in tasks]
        for table in PER_TASK:
            numbers[table] = tasks_in_order
        counts["tasks"] = len(tasks)
        counts["task_events"] = sum(task[2] for task in tasks)
        counts["deadlines"] = sum(task[3] for task in tasks)
        groups = sorted(group_rows(head, ""), key=lambda row: row[1])
        numbers["groups"] = [spool.put(("groups",), (_text(BY_NAME["groups"], groups),))]
        counts["groups"] = len(groups)
        numbers["people"] = [spool.put(("people",), (people_text,))]
        counts["people"] = people_count
        archives = [archive_row(head, name, len(values), len(tasks), exported_at)]
        counts["archives"] = 1
        lead = ('{"archive": ' + json_encoder()(name) + ", ").encode("utf-8")
        made = Made(head, lead, spool, numbers, counts, archives)
        done = True
        return made
    except UnicodeEncodeError:
        return None  # a text not UTF-8: the export made as ever says so
    finally:
        kept.close()
        if not done:
            spool.close()

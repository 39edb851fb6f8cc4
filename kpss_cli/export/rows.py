"""An export's rows kept in the index as the JSON text they are written as (docs/export.md,
"After a change"): one signed row per file of the archive holding its minutes' rows of
`meetings`, `attendance`, `agenda_items` and `decisions` and the people it names
(store/viewtable.py: after an edit only the changed files' rows are made again), and one per
bucket of the task snapshot's tables holding its tasks' rows of `tasks`, `task_events` and
`deadlines` (only the buckets an edit rewrote are made again). The rows are those tables.py
makes, byte for byte: a JSON Lines export is then the kept text put in each table's key order.

A minutes' attendance reads the membership of its group on its date, which the minutes that
record joins or leaves give (and kpss.yaml): a change of one of those makes again the rows of
the minutes of the groups it changed (store/loading.kept_rows); a change of kpss.yaml makes
every file's rows again (the index starts afresh).
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
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import accumulate, islice, repeat
from operator import eq, itemgetter
from pathlib import Path
from typing import Any, BinaryIO, cast

from ..core.model import Minutes, Person
from ..core.people import roster_of
from ..meetings.membership import GroupMembers, MembersWhenAsked
from ..output.formats import json_encoder
from ..store.archive import Archive, TaskSnapshot, next_meeting_dates
from ..store.index import Index, blake2b
from ..store.loading import KeptRows, Walk, kept_rows
from ..store.packing import VALUES_ONLY, unpack_task
from .kept import Kept
from .schema import BY_NAME, TABLES, Row, Table
from .splice import (
    DIGEST,
    LONG,
    PER_MINUTES,
    PER_TASK,
    Map,
    Source,
    State,
    contents_of,
    leaf_ends,
    reused,
    runs,
    source,
)
from .tables import People, archive_row, group_rows, minutes_rows, task_rows

VIEW = "export"  # the view's name (store/viewtable.kind)
LEAD = b"\x00"  # begins each kept line; never in JSON text (control characters are escaped)
CHUNK = 1 << 20  # bytes of text read back from the spool at a time
# Bytes of a spool's file written at once: a minutes' text (some 6 KB, its attendance more) was
# a system call of its own with the default buffer (40,000 at 10,000 files, cold).
SPOOL_BUFFER = 1 << 18
PEOPLE = "people of each minutes"  # the spool's file of each minutes' people (_Seen.summary)
NOTED = "members"  # kept beside the view's table: (shared_key, every group's members' people)


_LINES: dict[str, Callable[[Iterable[Row]], str]] = {}  # Table.json_lines with LEAD, by table


def _lines_of(table: Table) -> Callable[[Iterable[Row]], str]:
    """Table.json_lines of `table` with LEAD, made once per table (not per minutes or task)."""
    lines = _LINES.get(table.name)
    if lines is None:
        lines = _LINES[table.name] = table.json_lines(LEAD.decode("ascii"))
    return lines


def _text(table: Table, rows: list[Row]) -> bytes:
    """The JSON Lines of `rows` (of the archive named ""), as write._write_jsonl writes them
    after the spill (booleans as it gives them back), each line begun with LEAD in place of
    its archive."""
    return _lines_of(table)(rows).encode("utf-8") if rows else b""


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


def members_of(head: TaskSnapshot, shared: list[Minutes]) -> Mapping[str, GroupMembers]:
    """Each group's members over time, given the minutes that record joins or leaves; each
    group's computed when first read (after an edit, the rows of a few minutes are made)."""
    joins = Archive(Path(head.root), head.shown_root, head.config)
    joins.minutes = shared  # all that membership over time reads
    return MembersWhenAsked(joins)


def each_for(
    head: TaskSnapshot, shared: list[Minutes], noted: list[tuple[list[Minutes], Any]] | None = None
) -> Callable[[Minutes], Any]:
    """The function making a minutes' kept value, given the minutes that record joins or
    leaves (`shared`, in the archive's order): (its group, its next meeting as an ordinal,
    its people (_Seen.summary), the text of its rows of each of PER_MINUTES, their counts, a
    digest of all these, its id and date: what it puts in the export, splice.contents_of).
    With `noted`, (shared, the groups' members over time) is put in it: the people of the
    export read the members too (from_index), computed once."""
    members = members_of(head, shared)
    joins = Archive(Path(head.root), head.shown_root, head.config)
    joins.minutes = shared
    if noted is not None:
        noted.append((shared, members))

    def each(minutes: Minutes) -> Any:
        people = _Seen()
        attendance, meeting, agenda, decisions = minutes_rows("", minutes, joins, members, people)
        # Each table in its key order (a minutes' rows are together: its id leads each key).
        attendance.sort(key=lambda row: (row[2], row[3]))
        meeting_day = minutes.next_meeting.date if minutes.next_meeting else None
        value = (
            minutes.group_slug,
            None if meeting_day is None else meeting_day.toordinal(),
            # Unpacked only when people change; packed by its value alone (a digest of it tells
            # the people of the export: from_index's people_now).
            marshal.dumps(people.summary(), VALUES_ONLY),
            tuple(
                _text(BY_NAME[name], rows)
                for name, rows in zip(PER_MINUTES, ([meeting], attendance, agenda, decisions), strict=True)
            ),
            (1, len(attendance), len(agenda), len(decisions)),
        )
        own = (minutes.id, minutes.date.toordinal(), value)
        return (*value, digest_of(own))

    return each


class _Reads(Mapping[str, "dt.date | None"]):
    """`after` (archive.next_meetings, as ordinals) seen as dates, noting which minutes' next
    meeting was read (not copied: some 100,000 minutes at 100,000 files)."""

    def __init__(self, after: Mapping[str, int | None]) -> None:
        self.after = after
        self.read: dict[str, int | None] = {}

    def __getitem__(self, key: str) -> dt.date | None:
        found = self.after[key]
        self.read[key] = found
        return None if found is None else dt.date.fromordinal(found)

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self.after:
            self.read[key] = None
            return default
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.after)

    def __len__(self) -> int:
        return len(self.after)


class _KnownAfter(Mapping[str, "int | None"]):
    """`after` (as _Reads takes it) told by the next meetings the kept export's buckets of tasks
    read (`known`: what `after` was then), and by `whole()` (the whole of it, made when asked)
    for any other: only while `after` is what it was when the kept export was made."""

    def __init__(self, known: dict[str, int | None], whole: Callable[[], dict[str, int | None]]) -> None:
        self.known = known
        self.whole = whole

    def __getitem__(self, key: str) -> int | None:
        if key in self.known:  # None: no next meeting, or no such minutes (the same to _Reads.get)
            return self.known[key]
        return self.whole()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())


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
                made = tempfile.TemporaryFile("w+b", SPOOL_BUFFER, dir=self.folder)  # noqa: SIM115 - close()
                file = self.files[part] = cast(BinaryIO, made)  # typeshed: IO[Any] when buffered so
                self.offsets[part] = array("q")
                self.lengths[part] = array("q")
            offsets, lengths = self.offsets[part], self.lengths[part]
            number = len(offsets)
            offsets.append(offsets[-1] + lengths[-1] if number else 0)
            lengths.append(len(text))
            file.write(text)
        return number

    def side(self) -> BinaryIO:
        """A temporary file beside the spool's, for another process to put rows in (`adopt`)."""
        return tempfile.TemporaryFile(dir=self.folder)

    def adopt(self, part: str, side: BinaryIO, lengths: Iterable[int]) -> list[int]:
        """The rows of `lengths` written one after another from the start of `side` (by another
        process, its own file offset) put in the spool's file `part`, copied by the kernel;
        their numbers."""
        lengths = array("q", lengths)
        if not lengths:
            return []
        offsets = self.offsets.setdefault(part, array("q"))
        own = self.lengths.setdefault(part, array("q"))
        file = self.files.get(part)
        if file is None:
            file = self.files[part] = tempfile.TemporaryFile(dir=self.folder)  # noqa: SIM115 - close()
        file.flush()
        end = offsets[-1] + own[-1] if offsets else 0
        total = sum(lengths)
        copied = 0
        source, target = side.fileno(), file.fileno()
        while copied < total:
            try:
                done = os.copy_file_range(source, target, total - copied, copied, end + copied)
            except (AttributeError, OSError):  # not Linux, or not between these files: by hand
                chunk = os.pread(source, min(CHUNK, total - copied), copied)
                done = os.pwrite(target, chunk, end + copied) if chunk else 0
            if done == 0:
                raise OSError(errno.EIO, "the spool of the rows' text ended early")
            copied += done
        file.seek(0, os.SEEK_END)
        first = len(offsets)
        offsets.extend(accumulate(lengths[:-1], initial=end))
        own.extend(lengths)
        return list(range(first, len(offsets)))

    def read(self, part: str, number: int) -> bytes:
        """The text of row `number` of `part`."""
        return self._read(part, self.offsets[part][number], self.lengths[part][number])

    def read_span(self, part: str, offset: int, length: int) -> bytes:
        """The `length` bytes at `offset` of `part`."""
        return self._read(part, offset, length)

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


def segments(rows: list[int]) -> list[tuple[bool, int, int]]:
    """`rows` (Made.rows: a row of the spool, or -1 - N, the minutes (task) N of the kept
    export's map) as segments in order: (False, a row of the spool, 0), or (True, first, end)
    for the places first..end-1 of the map, one after another in the kept export. Computed
    once per list (the tables of PER_MINUTES share one, those of PER_TASK another: Made)."""
    made: list[tuple[bool, int, int]] = []
    first = end = -1
    for number in rows:
        if number < 0:
            place = -1 - number
            if place == end:
                end += 1
                continue
            if end > first:
                made.append((True, first, end))
            first, end = place, place + 1
        else:
            if end > first:
                made.append((True, first, end))
                first = end = -1
            made.append((False, number, 0))
    if end > first:
        made.append((True, first, end))
    return made


class Made:
    """An export's rows from the index: the archive's head, each table's text in key order
    (`pieces(table)`: chunks of lines, each begun with the archive's name, read from the spool
    or, spliced, from the kept export: splice.py), each table's row count and the `archives`
    rows, and where each minutes' and task's rows lie (`map_of(digest, leaves' digests)`:
    splice.Map and splice.State packed, kept beside the export when it is kept; called once, it
    lets go of what the export was made of). With `same`, its tables are the bytes of the kept
    export it was spliced from (`source`), told without reading them: nothing else is given
    (no `rows`, no `plan`) but the state to keep (no map: the kept one stays).
    `close()` when done."""

    def __init__(
        self,
        head: TaskSnapshot,
        lead: bytes,
        spool: Spool,
        rows: dict[str, list[int]],
        counts: dict[str, int],
        archives: list[Row],
        source: Source | None = None,
        map_of: Callable[[bytes, list[bytes]], tuple[Iterable[bytes] | None, bytes]] | None = None,
    ) -> None:
        self.head = head
        self.lead = lead  # what LEAD stands for: `{"archive": NAME, `
        self.spool = spool
        # The rows of each table, in key order: a row of the spool (>= 0), or the minutes (task)
        # -1 - N of the kept export's map (`source`).
        self.rows = rows
        self.counts = counts
        self.archives = archives
        self.source = source
        self.map_of = map_of
        self.same = False
        # The leaves of its hash tree in order (kept.TreeHash): each one's length and, when it
        # is copied whole from a leaf of the kept export, that leaf's digest.
        self.plan: list[tuple[int, bytes | None]] = []
        self.sizes: dict[str, int] = {}  # each table's size (but `archives`), as `plan` gives it
        # Spliced: each table's rows as segments (`segments`), made once per list of rows.
        self.segments: dict[str, list[tuple[bool, int, int]]] = {}
        if source is not None:
            made: dict[int, list[tuple[bool, int, int]]] = {}
            for table, numbers in rows.items():
                if id(numbers) not in made:
                    made[id(numbers)] = segments(numbers)
                self.segments[table] = made[id(numbers)]

    def pieces(self, table: str) -> Iterator[bytes | tuple[int, int]]:
        """Each table's text in order: chunks of lines, or, spliced, (offset, length) of a
        run of at least splice.LONG bytes of the kept export (`source`) to copy as it is
        (write._write_made: by the kernel, not through Python)."""
        spool, source, lead = self.spool, self.source, self.lead
        if source is None:
            for piece in spool.pieces(table, self.rows[table]):
                yield piece.replace(LEAD, lead)
            return
        offsets, lengths = spool.offsets.get(table, array("q")), spool.lengths.get(table, array("q"))
        # Where each minutes' (task's) text begins in the kept export, and the table's end
        # (none for `groups` and `people`, made again each time).
        kept = source.offsets.get(table, array("q"))
        start = source.starts.get(table, 0)

        def where() -> Iterator[tuple[int, int, int]]:
            for spliced, first, end in self.segments[table]:
                if not spliced:
                    yield 0, offsets[first], lengths[first]
                    continue
                at, stop = start + kept[first], start + kept[end]
                if stop - at >= LONG:  # copied, not read (`runs`)
                    yield 1, at, stop - at
                    continue
                while at < stop:  # a short run read a piece at a time
                    yield 1, at, min(CHUNK, stop - at)
                    at += CHUNK

        def read(kind: int, offset: int, length: int) -> bytes:
            if kind:
                return source.read(offset, length)
            return spool.read_span(table, offset, length).replace(LEAD, lead)

        yield from runs(where(), read)

    def intact(self) -> bool:
        """Whether the kept export spliced from (if any) held the bytes of its entry and still
        shows its stamp (splice.Source.intact)."""
        return self.source is None or self.source.intact()

    def close(self) -> None:
        self.spool.close()
        if self.source is not None:
            self.source.close()


def _spool_minutes(spool: Spool) -> Callable[[Any], Any]:
    """A minutes' kept value (each_for) with its text and people put in `spool`: (group, next
    meeting, the digest of its people, its row in the spool, its counts of attendance, agenda
    items and decisions, the digest of what it puts in the export)."""
    parts = (*PER_MINUTES, PEOPLE)

    def shrink(value: Any) -> Any:
        group, meeting, people, texts, counts, digest = value
        number = spool.put(parts, (*texts, people))
        return (group, meeting, blake2b(people, digest_size=16).digest(), number, *counts[1:], digest)

    return shrink


def _spool_tasks(spool: Spool) -> Callable[[Any], Any]:
    """A bucket's kept value (from_index's make) with its tasks' text put in `spool`: each
    task as (id, its row in the spool, its counts of events and deadlines), with the next
    meetings it read, the digest of what it puts in the export and that of its rows' values
    (values_digest)."""
    put = spool.put

    def shrink(value: Any) -> Any:
        made, reads, digest, values = value
        return (
            [
                (task_id, put(PER_TASK, texts), n_events, n_deadlines)
                for task_id, *texts, n_events, n_deadlines in made
            ],
            reads,
            digest,
            values,
        )

    return shrink


def from_index(
    archive: str | Path | None,
    name: str | None,
    exported_at: str,
    folder: Path,
    walked: tuple[str, str, Walk] | None = None,
    kept_export: Kept | None = None,
) -> Made | None:
    """The rows of the export of `archive` (named `name`, None: its folder's name) from the rows
    kept in its index, brought up to date, their text put aside in a spool in `folder`; None
    when the index cannot give them (the export is then made from the records, as ever): no
    index, a change too recent to keep, or a minutes id or task id that two hold (their rows'
    order is the spill's). `walked`: the archive's root, root as shown and walk when the
    caller has just walked it (export/kept.find). With `kept_export` (the kept JSON Lines
    export of this archive and name, export/kept.py), the rows of what did not change since it
    are spliced from it (splice.py) when its map allows; else every row's text is read."""
    try:
        return _from_index(archive, name, exported_at, folder, walked, kept_export)
    except _ReadAll:
        pass
    # Read again once out of the `except`: inside it, the exception's traceback holds the first
    # try's frame and all it made (the kept export's map, its minutes) while every row's text
    # is read. The archive is not walked again: the first try brought the index up to date
    # for this walk.
    return _from_index(archive, name, exported_at, folder, walked)


def _from_index(
    archive: str | Path | None,
    name: str | None,
    exported_at: str,
    folder: Path,
    walked: tuple[str, str, Walk] | None = None,
    kept_export: Kept | None = None,
) -> Made | None:
    spool = Spool(folder)
    opened: list[Source] = []  # the kept export to splice from, when there is one
    spliced: list[tuple[Source, set[int]]] = []  # it and the view's buckets to read
    noted: list[tuple[list[Minutes], Any]] = []  # the members over time each_for computed

    def select(index: Index) -> Callable[[dict[int, bytes]], set[int] | None]:
        assert kept_export is not None
        try:
            found = source(index, kept_export)
        except Exception:  # whatever it was, the index is not to be trusted: rebuilt
            index.damaged = True
            found = None
        if found is not None:
            opened.append(found)

        def changed(digests: dict[int, bytes]) -> set[int] | None:
            if found is None:
                return None
            buckets = found.changed(digests)
            if buckets is None:
                return None
            spliced.append((found, buckets))
            return buckets

        return changed

    try:
        kept = kept_rows(
            archive,
            VIEW,
            lambda head, shared: each_for(head, shared, noted),
            _spool_minutes(spool),
            walked,
            None if kept_export is None else select,
        )
    except BaseException:
        spool.close()
        for found in opened:
            found.close()
        raise
    old: Source | None = None
    if spliced and kept is not None and kept.selected is not None:
        old = spliced[0][0]
    for found in opened:
        if found is not old:
            found.close()
    if kept is None:
        spool.close()
        return None
    done = False
    try:
        head = kept.head
        name = Path(head.root).name if name is None else name
        lead = ('{"archive": ' + json_encoder()(name) + ", ").encode("utf-8")
        # What the minutes read put in the export, by bucket: the same as the kept export's
        # (and the same minutes recording joins or leaves), the minutes are the kept export's
        # one for one, in the same order, with the same next meetings.
        contents = contents_of((bucket, value[7]) for _date, _id, value, bucket in kept.values)
        same_minutes = (
            old is not None
            and kept.shared_key == old.state.shared
            and all(contents.get(number) == old.state.contents.get(number) for number in kept.selected or ())
        )
        # Each minutes: (date, id, group, own next meeting, people's digest, bucket, counts of
        # attendance, agenda items and decisions, its row: of the spool, or -1 - its place in
        # the kept export's map); made when needed (not when the export is the kept one).
        made_minutes: list[list[tuple[int, str, str, int | None, bytes, int, int, int, int, int]]] = []

        def all_minutes() -> list[tuple[int, str, str, int | None, bytes, int, int, int, int, int]]:
            if made_minutes:
                return made_minutes[0]
            minutes = [
                (date, minutes_id, group, meeting, people, bucket, n_att, n_agenda, n_decisions, number)
                for date, minutes_id, (
                    group,
                    meeting,
                    people,
                    number,
                    n_att,
                    n_agenda,
                    n_decisions,
                    _d,
                ), bucket in (kept.values)
            ]
            kept.values = []
            if old is not None:
                old.check()  # its rows to be copied: the kept file hashed (unless vouched) meanwhile
                try:
                    loaded = old.load(kept.index)
                except Exception:  # whatever it was, the index is not to be trusted: rebuilt
                    kept.index.damaged = True
                    loaded = False
                if not loaded:
                    raise _ReadAll  # no map of the kept export: every row's text is read
                m = old.map
                read_again = kept.selected or set()
                att, agenda, decisions = m.counts
                # The tuples made by zip (in C), not item by item: some 100,000 at 100,000 files.
                places = range(-1, -1 - len(m.ids), -1)
                minutes += (
                    each
                    for each in zip(
                        m.dates,
                        m.ids,
                        m.groups,
                        m.meetings,
                        m.people,
                        m.buckets,
                        att,
                        agenda,
                        decisions,
                        places,
                        strict=True,
                    )
                    if each[5] not in read_again
                )
                minutes.sort(key=itemgetter(0, 1))  # as archive.resolve sorts them
            made_minutes.append(minutes)
            return minutes

        # (id, group, date, own next meeting) of each minutes: ordinals, which it compares as
        # it compares dates. Made when a bucket of tasks is.
        made_after: list[dict[str, int | None]] = []

        def after_of() -> dict[str, int | None]:
            if not made_after:
                made_after.append(next_meeting_dates(list(map(itemgetter(1, 2, 0, 3), all_minutes()))))
            return made_after[0]

        rosters: list[Any] = []  # the roster of kpss.yaml, made when a bucket of tasks is
        knowns: list[_KnownAfter] = []

        def known_after(old: Source) -> _KnownAfter:
            """`after`, the same minutes as the kept export's: told by what its tasks read."""
            if not knowns:
                known = {
                    minutes_id: ordinal
                    for _digest, reads, _content, _values in old.state.task_buckets.values()
                    for minutes_id, ordinal in reads
                }
                knowns.append(_KnownAfter(known, after_of))
            return knowns[0]

        def make(rows: list[Any]) -> Any:
            if not rosters:
                rosters.append(roster_of(head.config))
            roster = rosters[0]
            reads = _Reads(after_of() if not same_minutes or old is None else known_after(old))
            made = []
            loads = marshal.loads
            values = []
            for row in rows:
                packed = loads(row[5])
                values.append((*row[:5], packed))
                task = unpack_task(packed)
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
            digest = digest_of(made)
            return made, sorted(reads.read.items()), digest, values_digest(values)

        def holds(reads: list[tuple[str, int | None]]) -> bool:
            after = after_of()
            return all(after.get(minutes_id) == ordinal for minutes_id, ordinal in reads)

        def still(made: Any) -> bool:
            return holds(made[1])

        # The people: each key's first mention, then what it was last seen as (People), and
        # the members who never came; made again only when a minutes' people (or their order,
        # or the members) changed: told by a digest of the members and of each minutes' people
        # in order.
        people_made: list[tuple[list[tuple[str, str, str | None]], bytes]] = []

        def people_now() -> tuple[list[tuple[str, str, str | None]], bytes]:
            if not people_made:
                # The members of every group are told by kpss.yaml (the index starts afresh when
                # it changes) and the minutes recording joins or leaves (`shared_key`): kept
                # beside the table for them, not computed again for every group after each
                # edit of a row (some 112 groups' members parsed: 0.05-0.1 s at 10,000 files).
                cached = kept.part(NOTED)
                if type(cached) is tuple and len(cached) == 2 and cached[0] == kept.shared_key:
                    noted_people = [(str(key), str(person), org) for key, person, org in cached[1]]
                else:
                    members = next((found for shared, found in noted if shared is kept.shared), None)
                    if members is None:
                        members = members_of(head, kept.shared)
                    noted_people = [
                        (person.key, person.person, person.org)
                        for group in members.values()
                        for person in map(group.person, group.periods)
                    ]
                    kept.keep(NOTED, (kept.shared_key, noted_people))
                del noted[:]
                seen = blake2b(repr(noted_people).encode("utf-8", "surrogatepass"), digest_size=32)
                for each in all_minutes():  # by date and id, as the people are seen
                    seen.update(each[4])
                people_made.append((noted_people, seen.digest()))
            return people_made[0]

        people_kept = kept.part("people")
        if type(people_kept) is not tuple or len(people_kept) != 3:
            people_kept = None

        skipped: set[bytes] = set()
        # The buckets skipped whose rows the task snapshot signed again (other bytes: marshal's
        # references follow what is shared in memory when packed) with the same values: their
        # state with the digest they have now, so that the next export skips them unread.
        resigned: dict[bytes, tuple[bytes, list[tuple[str, int | None]], bytes, bytes]] = {}
        skip = None
        if old is not None:
            if not same_minutes:
                all_minutes()  # the map read (here, not while the tasks are: _ReadAll)
                if people_kept is None or people_kept[0] != people_now()[1]:
                    # The people of minutes not read changed: made again from every minutes'
                    # people alone (their rows' text not read); told before any bucket of tasks
                    # is made, so that a failure reads every row's text before they are held.
                    people_kept = _people_of_view(kept, *people_now())
                    if people_kept is None:
                        raise _ReadAll
                    kept.keep("people", people_kept)
            known_buckets = old.state.task_buckets

            def skip(key: bytes, digest: bytes, rows: Callable[[], list[Any] | None]) -> bool:
                known = known_buckets.get(key)
                # The next meetings a bucket read held when the kept export was made; with the
                # same minutes, they hold still.
                if known is None or not (same_minutes or holds(known[1])):
                    return False
                if known[0] != digest:  # rows signed again: their values may be the same
                    found = rows()
                    if (
                        found is None
                        or values_digest([(*row[:5], marshal.loads(row[5])) for row in found]) != known[3]
                    ):
                        return False
                    resigned[key] = (digest, *known[1:])
                skipped.add(key)
                return True

        buckets = kept.by_bucket("tasks", make, still, _spool_tasks(spool), skip)
        if buckets is None:
            return None
        # Each bucket of tasks read or made: (the digest it was made of, the next meetings it
        # read, the digest of what it puts in the export).
        task_buckets = {
            key: (digest, reads, content, values) for key, digest, (_made, reads, content, values) in buckets
        }
        kept_buckets = None if old is None else old.state.task_buckets
        if (
            old is not None
            and kept_buckets is not None
            and same_minutes
            and skipped | task_buckets.keys() == kept_buckets.keys()
            and all(found[2] == kept_buckets[key][2] for key, found in task_buckets.items())
        ):
            same = _same_as_kept(old, head, name, exported_at)
            if same is not None:
                made = Made(head, lead, spool, {}, dict(old.entry.counts), same, old)
                made.same = True
                state = State(
                    kept.digests,
                    old.state.contents,
                    kept_buckets | resigned | task_buckets,
                    kept.shared_key,
                    old.state.groups,
                )
                made.map_of = lambda digest, _digests: (None, state.pack(digest))
                done = True
                return made
        # The next meetings were read by the tasks' buckets only: let go of (some 10 MB at
        # 100,000 files).
        made_after.clear()
        knowns.clear()
        minutes = all_minutes()
        if _repeats(sorted(map(itemgetter(1), minutes))):
            return None
        # What each bucket's minutes put in the export (those not read: as in the kept export).
        if old is not None:
            read_again = kept.selected or set()
            contents = {
                number: digest for number, digest in old.state.contents.items() if number not in read_again
            } | contents
        # Each task: (id, its row: of the spool, or -1 - its place in the map, its counts of
        # events and deadlines, its bucket's key).
        tasks: list[tuple[str, int, int, int, bytes]] = []
        for key, _digest, (made, _reads, _content, _values) in buckets:
            tasks += (
                (task_id, number, n_events, n_deadlines, key)
                for task_id, number, n_events, n_deadlines in made
            )
            made.clear()  # each bucket's let go of as it is taken: not every task twice at once
        del buckets
        if old is not None:
            m = old.map
            events, deadlines = m.task_counts
            keys = m.task_keys
            kept_keys = {which for which, key in enumerate(keys) if key in skipped}
            places = range(-1, -1 - len(m.task_ids), -1)
            tasks += (
                (task_id, place, n_events, n_deadlines, keys[which])
                for task_id, place, n_events, n_deadlines, which in zip(
                    m.task_ids, places, events, deadlines, m.task_bucket, strict=True
                )
                if which in kept_keys
            )
            for key in skipped:
                task_buckets[key] = resigned.get(key) or old.state.task_buckets[key]
        tasks.sort(key=itemgetter(0))
        if _repeats(list(map(itemgetter(0), tasks))):
            return None
        people_noted, people_digest = people_now()
        if people_kept is not None and people_kept[0] == people_digest:
            _digest, people_text, people_count = people_kept
        elif old is not None:
            raise _ReadAll  # the people of minutes not read changed: every row's text is read
        else:
            people: dict[str, list[Any]] = {}
            for each in minutes:
                for person_key, person, org, was_seen, last, last_org in marshal.loads(
                    spool.read(PEOPLE, each[9])
                ):
                    entry = people.get(person_key)
                    if entry is None:
                        entry = people[person_key] = [person, org]
                    if was_seen:
                        entry[0] = last
                        entry[1] = last_org or entry[1]
            for person_key, person, org in people_noted:  # members who never came (tables.archive_rows)
                people.setdefault(person_key, [person, org])
            people_text = _text(BY_NAME["people"], [("", k, *people[k]) for k in sorted(people)])
            people_count = len(people)
            del people
            kept.keep("people", (people_digest, people_text, people_count))
        minutes.sort(key=itemgetter(1))  # by minutes id: the key of each table here
        numbers: dict[str, list[int]] = {}
        counts: dict[str, int] = {}
        # Each item of the minutes (tasks) in order, by zip (in C): some 100,000 minutes and
        # 200,000 tasks at 100,000 files.
        by_minutes = list(zip(*minutes, strict=True)) or [()] * 10
        by_task = list(zip(*tasks, strict=True)) or [()] * 5
        minutes_in_order = list(by_minutes[9])
        for table in PER_MINUTES:
            numbers[table] = minutes_in_order
        counts["meetings"] = len(minutes)
        counts["attendance"] = sum(by_minutes[6])
        counts["agenda_items"] = sum(by_minutes[7])
        counts["decisions"] = sum(by_minutes[8])
        tasks_in_order = list(by_task[1])
        for table in PER_TASK:
            numbers[table] = tasks_in_order
        counts["tasks"] = len(tasks)
        n_minutes, n_tasks = len(minutes), len(tasks)
        minutes.clear()  # held as columns from here (some 10 MB fewer at 100,000 files)
        tasks.clear()
        counts["task_events"] = sum(by_task[2])
        counts["deadlines"] = sum(by_task[3])
        groups = sorted(group_rows(head, ""), key=lambda row: row[1])
        groups_made = digest_of(groups)
        numbers["groups"] = [spool.put(("groups",), (_text(BY_NAME["groups"], groups),))]
        counts["groups"] = len(groups)
        numbers["people"] = [spool.put(("people",), (people_text,))]
        counts["people"] = people_count
        archives = [archive_row(head, name, n_minutes, n_tasks, exported_at)]
        counts["archives"] = 1
        view = kept.digests

        made = Made(head, lead, spool, numbers, counts, archives, old)
        grown = len(lead) - len(LEAD)  # each line's LEAD is written as `lead`

        def lengths(table: str, rows: list[int], at: int) -> array[int]:
            """The length of each minutes' (task's) text of `table` as written: its row's
            count of lines is item `at` of its minutes (task) in `by_minutes` (`by_task`; -1:
            one)."""
            mine = spool.lengths.get(table, array("q"))
            columns = by_minutes if table in PER_MINUTES else by_task
            lines: Any = repeat(1, len(rows)) if at < 0 else columns[at]
            if old is None:
                return array("q", (mine[n] + grown * count for n, count in zip(rows, lines, strict=True)))
            theirs = old.map.lengths[table]
            found = array("q")
            place = 0
            for spliced, first, end in made.segments[table]:  # mostly long runs of the map's
                if spliced:
                    found.extend(theirs[first:end])
                    place += end - first
                else:
                    found.append(mine[first] + grown * (1 if at < 0 else lines[place]))
                    place += 1
            return found

        written = {
            "meetings": lengths("meetings", minutes_in_order, -1),
            "attendance": lengths("attendance", minutes_in_order, 6),
            "agenda_items": lengths("agenda_items", minutes_in_order, 7),
            "decisions": lengths("decisions", minutes_in_order, 8),
            "tasks": lengths("tasks", tasks_in_order, -1),
            "task_events": lengths("task_events", tasks_in_order, 2),
            "deadlines": lengths("deadlines", tasks_in_order, 3),
        }
        ends = (leaf_ends(by_minutes[1]), leaf_ends(by_task[0]))
        # The leaves of the export's hash tree (kept.TreeHash), in the order of its tables:
        # (table, number, length, digest when copied whole from a leaf of the kept export).
        plan: list[tuple[str, int, int, bytes | None]] = []
        for each_table in TABLES:
            name_of = each_table.name
            if name_of == "archives":
                continue
            if name_of not in written:  # `groups`, `people`: one leaf, made again
                text = spool.lengths[name_of][numbers[name_of][0]]
                plan.append((name_of, 0, text + grown * counts[name_of], None))
                continue
            group = 0 if name_of in PER_MINUTES else 1
            offsets = array("q", accumulate(written[name_of], initial=0))
            olds: list[int | None] = [None] * len(ends[group])
            if old is not None:
                olds = reused(ends[group], made.segments[name_of], old.map.ends[group])
                old_offsets = old.offsets[name_of]
                old_ends = old.map.ends[group]
            begin = 0
            for number, (stop, was) in enumerate(zip(ends[group], olds, strict=True)):
                size = offsets[stop] - offsets[begin]
                known = None
                if was is not None and old is not None:
                    was_begin = 0 if was == 0 else old_ends[was - 1]
                    if old_offsets[old_ends[was]] - old_offsets[was_begin] == size:
                        known = old.leaf(name_of, was)
                plan.append((name_of, number, size, known))
                begin = stop
        made.plan = [(size, known) for _table, _number, size, known in plan]
        for table_name, _number, size, _known in plan:
            made.sizes[table_name] = made.sizes.get(table_name, 0) + size

        kept_shared = kept.shared_key

        def map_of(digest: bytes, digests: list[bytes]) -> tuple[Iterable[bytes] | None, bytes]:
            """Where each minutes' and task's rows lie in this export (splice.Map) and what it
            was made of (splice.State), packed for the kept export of `digest`, its leaves'
            digests `digests` (those of no bytes left out, as kept.TreeHash gives them)."""
            leaves: dict[str, bytearray] = {}
            for each_table in TABLES:
                if each_table.name != "archives":
                    count = (
                        len(ends[0 if each_table.name in PER_MINUTES else 1])
                        if each_table.name in written
                        else 1
                    )
                    leaves[each_table.name] = bytearray(DIGEST * count)
            given = iter(digests)
            for table_name, number, size, _known in plan:
                if size:
                    leaves[table_name][DIGEST * number : DIGEST * (number + 1)] = next(given)
            keys = sorted(task_buckets)
            place = {key: at for at, key in enumerate(keys)}
            state = State(view, contents, task_buckets, kept_shared, groups_made)
            # Called once, when the export is written: what it was made of is let go of before
            # the map is packed and stored (at 100,000 files, some 70 MB), a part at a time as
            # it is stored (Map.pack); the columns of ids, groups, next meetings and people
            # are the map's as they are (tuples: not copied).
            for held in (minutes_in_order, tasks_in_order):
                held.clear()
            plan.clear()
            spool.offsets.clear()  # where the rows' text lay in the spool: read (some 18 MB)
            spool.lengths.clear()
            found = Map(
                by_minutes[1],
                array("q", by_minutes[0]),
                array("q", by_minutes[5]),
                by_minutes[2],
                by_minutes[3],
                by_minutes[4],
                (array("q", by_minutes[6]), array("q", by_minutes[7]), array("q", by_minutes[8])),
                written,
                by_task[0],
                keys,
                array("q", map(place.__getitem__, by_task[4])),
                (array("q", by_task[2]), array("q", by_task[3])),
                ends,
                {table: bytes(value) for table, value in leaves.items()},
            )
            for held in (by_minutes, by_task):
                held.clear()
            if old is not None:
                old.drop()
            return found.pack(digest), state.pack(digest)

        made.map_of = map_of
        done = True
        return made
    except UnicodeEncodeError:
        return None  # a text not UTF-8: the export made as ever says so
    finally:
        kept.close()
        if not done:
            spool.close()
            if old is not None:
                old.close()


def _people_of_view(
    kept: KeptRows, noted: list[tuple[str, str, str | None]], digest: bytes
) -> tuple[bytes, bytes, int] | None:
    """The table `people` (its digest `digest`, its text and count) from each minutes' people
    (_Seen.summary) as the view's table holds them, read row by row without their text: for
    each key, its first mention's name and organisation, the name it was last seen as and the
    organisation last given when seen (as `people` is made from the spool, in the archive's
    order: here by (date, id), whatever order the rows come in), then the members who never
    came (`noted`). None when the table is not as its digests say."""
    first: dict[str, tuple[tuple[int, str], str, str | None]] = {}
    seen: dict[str, tuple[tuple[int, str], str | None]] = {}
    given: dict[str, tuple[tuple[int, str], str | None]] = {}
    loads = marshal.loads

    def take(data: bytes) -> None:
        _rel, _stamp, date, minutes_id, value = loads(data)
        if date is None:
            return
        at = (date, minutes_id)
        for key, person, org, was_seen, last, last_org in loads(value[2]):
            known = first.get(key)
            if known is None or at < known[0]:
                first[key] = (at, person, org)
            if was_seen:
                known_seen = seen.get(key)
                if known_seen is None or at > known_seen[0]:
                    seen[key] = (at, last)
                if last_org:
                    known_given = given.get(key)
                    if known_given is None or at > known_given[0]:
                        given[key] = (at, last_org)

    if kept.index.table(kept.table, kept.digests, None, convert=take) is None:
        return None
    people: dict[str, tuple[str | None, str | None]] = {}
    for key, (_at, person, org) in first.items():
        now_seen, now_given = seen.get(key), given.get(key)
        people[key] = (
            person if now_seen is None else now_seen[1],
            org if now_given is None else now_given[1],
        )
    for key, person, org in noted:  # members who never came (tables.archive_rows)
        people.setdefault(key, (person, org))
    text = _text(BY_NAME["people"], [("", key, *people[key]) for key in sorted(people)])
    return digest, text, len(people)


def _repeats(ids: list[str]) -> bool:
    """Whether an id of `ids`, in order, comes twice: told by neighbours, in C (no set of some
    200,000 ids held beside them)."""
    return any(map(eq, ids, islice(ids, 1, None)))


def _same_as_kept(old: Source, head: TaskSnapshot, name: str, exported_at: str) -> list[Row] | None:
    """The `archives` rows of the export, when its minutes and tasks are those of the kept
    export `old` (from_index: the same contents, no bucket of tasks made again) and so are its
    `groups` (made again from the head: their digest) and `archives` but for the time: its
    tables are then the kept export's bytes."""
    entry = old.entry
    archives = [archive_row(head, name, entry.counts["meetings"], entry.counts["tasks"], exported_at)]
    at = BY_NAME["archives"].names.index("exported_at")
    if [row[:at] + row[at + 1 :] for row in archives] != [row[:at] + row[at + 1 :] for row in entry.archives]:
        return None
    if digest_of(sorted(group_rows(head, ""), key=lambda row: row[1])) != old.state.groups:
        return None
    return archives


def values_digest(rows: list[tuple[Any, ...]]) -> bytes:
    """The digest of the values of a bucket's rows of the task snapshot (their key, task id and
    packed task unpacked), whatever bytes they were packed to (digest_of)."""
    return digest_of(sorted(rows, key=itemgetter(0, 1, 2, 3)))


def digest_of(value: Any) -> bytes:
    """The digest of a value marshal packs (a minutes' part, a bucket's text, the rows of `groups`
    in order: splice.State), told by its value alone (packing.VALUES_ONLY: with marshal's
    version 4, the same minutes made alone after an edit, and with every other when the view's
    table was made whole, gave other digests, and the export read the kept export's map)."""
    return blake2b(marshal.dumps(value, VALUES_ONLY), digest_size=16).digest()


class _ReadAll(Exception):
    """A splice cannot give the export (from_index): every row's text is read instead."""

"""A JSON Lines export after a change spliced from the kept one (docs/export.md, "JSON Lines
after a change"): the bytes of the rows of the files and buckets of tasks that did not change
are copied from the kept export (kept.py), only the changed ones' text is read from the index
(rows.py) and written.

Beside the kept export the index keeps (KEPT parts, beside the view's table: dropped with it
when it is made whole) its entry (kept.Entry: size, SHA-256 digest, layout, stamp once
vouched), its map (`Map`): for each minutes in id order its date, group, next meeting,
digest of its people, its bucket of the view's table and the length of its text in each
table of PER_MINUTES (a minutes' rows lie together there: its id leads each key); for each
task in id order its bucket of the task tables and the length of its text in each of
PER_TASK; and apart, small, its state (`State`): the digests of the view table's buckets,
of what each bucket's minutes put in the export (`contents`), of each bucket of tasks it was
made of (with the next meetings that bucket's deadlines read) and of the files of the minutes
that record joins or leaves. After a change, the buckets of the view table whose digest moved
are read (rows with the same signatures hold the same text), the buckets of tasks whose rows
and next meetings are as they were are not; everything else is copied from the kept file,
whose bytes are trusted as they are on a warm run: its stamp is the one signed when they were
last found to be those signed (kept.Kept.vouch), else the whole file is hashed once they are
to be read (`Source.check`); its stamp is looked at again once the export is written. When
the buckets read put in the export what they put before (their `contents`), and so do the
buckets of tasks made again, the export is the kept one byte for byte: only the state is kept
again, the map neither read nor written (rows.from_index, write._serve_unchanged).

The export's digest is the root of a hash tree (kept.TreeHash, kept.tree_root): its leaves
are runs of minutes (tasks) of a table, each ending after one whose id's CRC-32 is a multiple
of LEAF (`leaf_ends`: told by the id alone, so a leaf whose rows and neighbours did not change
ends where it did), `groups` and `people` a leaf each. The map keeps every leaf's digest (and
is taken only when the root of them is its entry's signed digest); a leaf of the new export
holding the same rows as one of the kept export, copied whole from it (`reused`), takes its
digest unhashed, trusted as the kept file's bytes are (`Source.intact`): only the leaves with
a row read again are hashed.
"""

from __future__ import annotations

import hmac
import marshal
import os
import stat as stat_module
import threading
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from operator import methodcaller
from sys import intern
from typing import Any

from ..store.archive import stamp_of
from ..store.files import READ_FLAGS
from ..store.index import Index, blake2b
from ..store.packing import MARSHAL_VERSION
from .kept import CHUNK, Entry, Kept, map_part, now, tree_root

PER_MINUTES = ("meetings", "attendance", "agenda_items", "decisions")
PER_TASK = ("tasks", "task_events", "deadlines")
MOST_CHANGED = 4  # beyond 1/MOST_CHANGED of the view's buckets changed, the export is made whole
# 2: the hash tree's leaves; 3: the state apart from the map; 4: the map in parts; 5: values'
# digests; 6: each digest of the state told by values alone (packing.VALUES_ONLY)
FORMAT = 6
MAP_PARTS = 14  # the parts the map is kept in (Map.pack), a field each
LEAF = 64  # a leaf of the hash tree ends, on average, after one minutes (task) in LEAF (`leaf_ends`)
DIGEST = 32  # bytes of a leaf's digest (SHA-256)
# A run of the kept export this long or longer is copied by the kernel (kept.kernel_copy) from
# the kept file to the export, not read into Python and written (write._write_made).
LONG = 1 << 16


def _longs(data: bytes) -> array[int]:
    found = array("q")
    found.frombytes(data)
    return found


def _ends_right(ends: array[int], size: int) -> bool:
    """Whether `ends` are where leaves over `size` places end: rising, the last `size`."""
    return bool(ends) and ends[-1] == size and all(ends[at] < ends[at + 1] for at in range(len(ends) - 1))


def leaf_ends(ids: Sequence[str]) -> array[int]:
    """Where the leaves of the hash tree of a table of PER_MINUTES (PER_TASK) end, given the
    ids of its minutes (tasks) in order: after each whose id's CRC-32 is a multiple of LEAF,
    and at the last. Told by each id alone, so a leaf of rows that did not change and whose
    neighbours did not either ends where it ended: a splice finds its digest in the map
    (`reused`). (The CRC chooses where leaves end, not what is trusted: a leaf's bytes are
    trusted by its SHA-256 digest.)"""
    crcs = map(zlib.crc32, map(methodcaller("encode", "utf-8", "surrogatepass"), ids))  # in C
    ends = array("q", [place for place, crc in enumerate(crcs, 1) if not crc % LEAF])
    if not ends or ends[-1] != len(ids):
        ends.append(len(ids))
    return ends


def reused(ends: array[int], segments: list[tuple[bool, int, int]], old: array[int]) -> list[int | None]:
    """For each leaf of a new export's table (its places end at `ends`; the rows of each place
    as `segments` say: rows.segments), the number of the leaf of the kept export's table (its
    leaves end at `old`) that holds the same rows, all copied from it in one run; else None."""
    starts = {(0 if number == 0 else old[number - 1], end): number for number, end in enumerate(old)}
    spans: list[tuple[int, int, int]] = []  # new first place, new end, the kept first place (-1: read)
    at = 0
    for spliced, first, end in segments:
        if spliced:
            spans.append((at, at + end - first, first))
            at += end - first
        else:
            spans.append((at, at + 1, -1))
            at += 1
    found: list[int | None] = []
    span = start = 0
    for stop in ends:
        while span < len(spans) and spans[span][1] <= start:
            span += 1
        number = None
        if span < len(spans) and stop > start:
            first, end, kept = spans[span]
            if kept >= 0 and first <= start and stop <= end:
                number = starts.get((kept + start - first, kept + stop - first))
        found.append(number)
        start = stop
    return found


class Map:
    """Where each minutes' and task's rows lie in a kept JSON Lines export (see the top)."""

    def __init__(
        self,
        ids: Sequence[str],
        dates: array[int],
        buckets: array[int],
        groups: Sequence[str],
        meetings: Sequence[int | None],
        people: Sequence[bytes],
        counts: tuple[array[int], array[int], array[int]],
        lengths: dict[str, array[int]],
        task_ids: Sequence[str],
        task_keys: Sequence[bytes],
        task_bucket: array[int],
        task_counts: tuple[array[int], array[int]],
        ends: tuple[array[int], array[int]],
        leaves: dict[str, bytes],
    ) -> None:
        self.ids = ids
        self.dates = dates  # ordinals
        self.buckets = buckets  # of the view table
        self.groups = groups
        self.meetings = meetings  # the minutes' own next meeting, an ordinal
        self.people = people  # digests (rows._spool_minutes)
        self.counts = counts  # attendance, agenda items, decisions
        self.lengths = lengths  # by table (PER_MINUTES: per minutes; PER_TASK: per task)
        self.task_ids = task_ids
        self.task_keys = task_keys
        self.task_bucket = task_bucket  # each task's key, as its place in task_keys
        self.task_counts = task_counts  # events, deadlines
        # Where the leaves of the hash tree end (`leaf_ends`), in the minutes and in the tasks,
        # and each table's leaves' digests, DIGEST bytes each (of no bytes: zeros; `groups`
        # and `people`: one leaf).
        self.ends = ends
        self.leaves = leaves

    @classmethod
    def empty(cls) -> Map:
        """A map of no minutes and no tasks."""
        none = array("q")
        return cls([], none, none, [], [], [], (none,) * 3, {}, [], [], none, (none,) * 2, (none,) * 2, {})

    def pack(self, digest: bytes) -> Iterator[bytes]:
        """The map packed in MAP_PARTS parts, a field each (the largest some 5 MB at 100,000
        files), made one at a time as they are stored (kept.Kept): never packed whole (some 30
        MB at 100,000 files, copied again by SQLite as it stored it)."""
        fields: tuple[Callable[[], Any], ...] = (
            lambda: self.ids,
            self.dates.tobytes,
            self.buckets.tobytes,
            lambda: self.groups,
            lambda: self.meetings,
            lambda: self.people,
            lambda: tuple(counts.tobytes() for counts in self.counts),
            lambda: {table: lengths.tobytes() for table, lengths in self.lengths.items()},
            lambda: self.task_ids,
            lambda: self.task_keys,
            self.task_bucket.tobytes,
            lambda: tuple(counts.tobytes() for counts in self.task_counts),
            lambda: tuple(ends.tobytes() for ends in self.ends),
            lambda: self.leaves,
        )
        assert len(fields) == MAP_PARTS
        for number, field in enumerate(fields):
            yield marshal.dumps((FORMAT, digest, number, field()), MARSHAL_VERSION)

    @classmethod
    def unpack(cls, parts: Iterable[bytes | None], digest: bytes) -> Map | None:
        """The map packed in `parts` (`pack`; None: a part missing), when it is that of the
        kept export of `digest`; each part unpacked as it is read."""
        values: list[Any] = []
        for data in parts:
            found = None if data is None else marshal.loads(data)
            if type(found) is not tuple or len(found) != 4 or found[:3] != (FORMAT, digest, len(values)):
                return None
            values.append(found[3])
            del found, data
        if len(values) != MAP_PARTS:
            return None
        (
            ids,
            dates,
            buckets,
            groups,
            meetings,
            people,
            counts,
            lengths,
            task_ids,
            task_keys,
            task_bucket,
            task_counts,
            ends,
            leaves,
        ) = values
        del values
        found = cls(
            list(ids),
            _longs(dates),
            _longs(buckets),
            [intern(group) for group in groups],  # a few names, each held once
            list(meetings),
            list(people),
            (_longs(counts[0]), _longs(counts[1]), _longs(counts[2])),
            {str(table): _longs(value) for table, value in lengths.items()},
            list(task_ids),
            list(task_keys),
            _longs(task_bucket),
            (_longs(task_counts[0]), _longs(task_counts[1])),
            (_longs(ends[0]), _longs(ends[1])),
            {str(table): bytes(value) for table, value in leaves.items()},
        )
        n, t = len(found.ids), len(found.task_ids)
        if not (
            len(found.dates) == len(found.buckets) == len(found.groups) == len(found.meetings) == n
            and len(found.people) == n
            and all(len(c) == n for c in found.counts)
            and all(len(found.lengths.get(table, ())) == n for table in PER_MINUTES)
            and all(len(found.lengths.get(table, ())) == t for table in PER_TASK)
            and len(found.task_bucket) == t
            and all(len(c) == t for c in found.task_counts)
            and all(_ends_right(ends, size) for ends, size in zip(found.ends, (n, t), strict=True))
            and all(
                len(found.leaves.get(table, b""))
                == DIGEST * len(found.ends[0 if table in PER_MINUTES else 1])
                for table in (*PER_MINUTES, *PER_TASK)
            )
        ):
            raise ValueError("a splice map of the wrong shape")
        return found


class State:
    """What a kept export was made of that changes more often than where its rows lie (`Map`),
    kept apart from it, small: the view table's digest of each bucket (`view`); of each bucket,
    the digest of what its minutes put in the export (`contents`: `contents_of`); of each bucket
    of tasks, the digest it was made of, the next meetings it read, the digest of what its
    tasks put in the export and that of its rows' values (rows.values_digest: `task_buckets`); the
    digest of the files of the minutes that record joins or leaves (`shared`:
    loading.KeptRows.shared_key, what the people of the export read beside each minutes'); the
    digest of the rows of `groups` (`groups`: rows.digest_of)."""

    def __init__(
        self,
        view: dict[int, bytes],
        contents: dict[int, bytes],
        task_buckets: dict[bytes, tuple[bytes, list[tuple[str, int | None]], bytes, bytes]],
        shared: bytes,
        groups: bytes,
    ) -> None:
        self.view = view
        self.contents = contents
        self.task_buckets = task_buckets
        self.shared = shared
        self.groups = groups

    def pack(self, digest: bytes) -> bytes:
        return marshal.dumps(
            (FORMAT, digest, self.view, self.contents, self.task_buckets, self.shared, self.groups),
            MARSHAL_VERSION,
        )

    @classmethod
    def unpack(cls, data: bytes, digest: bytes) -> State | None:
        """The state packed in `data`, when it is that of the kept export of `digest`."""
        found = marshal.loads(data)
        if type(found) is not tuple or len(found) != 7 or found[:2] != (FORMAT, digest):
            return None
        _form, _made_for, view, contents, task_buckets, shared, groups = found
        return cls(
            {int(number): bytes(value) for number, value in view.items()},
            {int(number): bytes(value) for number, value in contents.items()},
            {
                bytes(key): (bytes(made_of), list(reads), bytes(content), bytes(values))
                for key, (made_of, reads, content, values) in task_buckets.items()
            },
            bytes(shared),
            bytes(groups),
        )


def contents_of(minutes: Iterable[tuple[int, bytes]]) -> dict[int, bytes]:
    """The digest of what the minutes of each bucket put in the export, given each minutes'
    bucket and digest (rows.each_for: of its id, date, group, next meeting, people, text and
    counts): of the set of them, so that the same minutes give it whatever their order."""
    found: dict[int, list[bytes]] = {}
    for number, digest in minutes:
        found.setdefault(number, []).append(digest)
    return {
        number: blake2b(b"".join(sorted(digests)), digest_size=16).digest()
        for number, digests in found.items()
    }


class Source:
    """The kept export a splice copies from: its entry and map, the file open and checked (see
    the top), the start of each table in it."""

    def __init__(
        self, entry: Entry, state: State, map_part: str, fd: int, stamp: tuple[int, int, int, int]
    ) -> None:
        self.entry = entry
        self.state = state
        self.map_part = map_part  # the index's part of the map, read when needed (`load`)
        self.map = Map.empty()  # until `load`
        self.fd = fd
        self.stamp = stamp
        self.checking: threading.Thread | None = None  # the hash of the whole file (`check`)
        self.vouched = entry.stamp == stamp  # its stamp the one signed: never hashed
        self.hashed = self.vouched
        self.started = 0  # when that hash began (time.time_ns; 0: not hashed)
        self.starts: dict[str, int] = {}
        start = 0
        for table, size in entry.layout:
            self.starts[table] = start
            start += size
        # Where each minutes' (task's) text begins in each table, from the table's start, and
        # (last) where the table ends.
        self.offsets: dict[str, array[int]] = {}

    def load(self, index: Index) -> bool:
        """Read the map (`map`, `offsets`); False when the index holds none of this export, or
        not its own (of another size, or leaves whose root is not its signed digest)."""

        def parts() -> Iterator[bytes | None]:
            for number in range(MAP_PARTS):
                found = index.kept_part(map_part(self.map_part, number))
                yield None if found is None else found[1]

        made = Map.unpack(parts(), self.entry.digest)
        if made is None:
            return False
        self.map = made
        sizes = dict(self.entry.layout)
        for table, lengths in made.lengths.items():
            offsets = array("q", accumulate(lengths, initial=0))
            if offsets[-1] != sizes.get(table):
                raise ValueError("a splice map not of its kept export")
            self.offsets[table] = offsets
        if self.root() != self.entry.digest:  # the leaves' digests are those of the signed root
            raise ValueError("a splice map not of its kept export")
        return True

    def root(self) -> bytes:
        """The root of the hash tree of the kept export as its map says (kept.tree_root)."""
        leaves: list[tuple[int, bytes]] = []
        for table, size in self.entry.layout:
            digests = self.map.leaves.get(table, b"")
            offsets = self.offsets.get(table)
            if offsets is None:  # `groups`, `people`: one leaf
                leaves.append((size, digests[:DIGEST]))
                continue
            start = 0
            for number, end in enumerate(self.map.ends[0 if table in PER_MINUTES else 1]):
                leaves.append(
                    (offsets[end] - offsets[start], digests[DIGEST * number : DIGEST * (number + 1)])
                )
                start = end
        return tree_root(leaves)

    def leaf(self, table: str, number: int) -> bytes:
        """The digest of leaf `number` of `table` in the kept export."""
        return self.map.leaves[table][DIGEST * number : DIGEST * (number + 1)]

    def read(self, offset: int, length: int) -> bytes:
        got = os.pread(self.fd, length, offset)
        if len(got) != length:
            raise OSError(5, "the kept export ended early")
        return got

    def check(self) -> None:
        """Hash the kept file whole, unless it is vouched or hashed already, by a second
        thread (hashlib lets go of the GIL), while the export is made: `intact` says whether it
        holds the bytes of its entry's digest. Begun only once its bytes are to be read (the
        map loaded, rows.from_index, or the file copied, write._serve_unchanged): an export
        that changes no row and refreshes its target reads none of them (617 MB hashed, some
        0.9 s, at 100,000 files)."""
        if self.vouched or self.started:
            return

        def run() -> None:
            try:
                self.hashed = _hashed_right(self.fd, self.entry)
            except OSError:
                self.hashed = False

        self.hashed = False
        self.started = now()
        self.checking = threading.Thread(target=run, daemon=True)
        self.checking.start()

    def _checked(self) -> bool:
        self.check()
        if self.checking is not None:
            self.checking.join()
            self.checking = None
        return self.hashed  # True when its stamp is the one signed (not hashed)

    def intact(self) -> bool:
        """Whether the kept file held the bytes of its entry (its stamp the one signed, or
        hashed: `check`) and still shows the stamp it had when it was opened."""
        if not self._checked():
            return False
        try:
            return stamp_of(os.fstat(self.fd)) == self.stamp
        except OSError:
            return False

    def changed(self, digests: dict[int, bytes]) -> set[int] | None:
        """The buckets of the view table whose rows changed since the kept export, its digests
        now `digests`; None when too many did (the export is then made whole)."""
        before = self.state.view
        changed = {
            number for number in digests.keys() | before.keys() if digests.get(number) != before.get(number)
        }
        if len(changed) * MOST_CHANGED > max(len(digests), 16):
            return None
        return changed

    def drop(self) -> None:
        """Let go of the map and offsets (the export written and its new map made): at 100,000
        files some tens of megabytes, not held while the new map is stored."""
        made = self.map
        made.ids, made.groups, made.meetings, made.people, made.task_ids, made.task_keys = (
            [],
            [],
            [],
            [],
            [],
            [],
        )
        self.state.view.clear()
        self.state.contents.clear()
        self.state.task_buckets.clear()
        made.leaves.clear()
        made.lengths.clear()
        self.offsets.clear()

    def close(self) -> None:
        if self.checking is not None:
            self.checking.join()
            self.checking = None
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def source(index: Index, kept: Kept) -> Source | None:
    """The kept export of `kept` to splice from; None when there is none or it is not the
    one its map describes."""
    entry_part, map_part, state_part = kept.splice_parts()
    found_entry = index.kept_part(entry_part)
    found_state = index.kept_part(state_part) if found_entry is not None else None
    if found_entry is None or found_state is None:
        return None
    entry = Entry.unpack(found_entry[1])
    if entry.leaves is None:
        return None  # not made from the rows kept in the index: no map of it
    state = State.unpack(found_state[1], entry.digest)
    if state is None:
        return None
    try:
        fd = os.open(kept.path, READ_FLAGS)
    except OSError:
        return None
    try:
        before = os.fstat(fd)
        if not stat_module.S_ISREG(before.st_mode) or before.st_size != entry.size:
            os.close(fd)
            return None
        stamp = stamp_of(before)
        return Source(entry, state, map_part, fd, stamp)  # hashed when read from (`check`)
    except BaseException:
        os.close(fd)
        raise


def _hashed_right(fd: int, entry: Entry) -> bool:
    """Whether the file `fd` holds the bytes of `entry`'s digest (Entry.hash)."""
    sha = entry.hash()
    offset = 0
    while chunk := os.pread(fd, CHUNK, offset):
        sha.update(chunk)
        offset += len(chunk)
    return hmac.compare_digest(sha.digest(), entry.digest)


def runs(pieces: Iterator[tuple[int, int, int]], read: Any) -> Iterator[bytes | tuple[int, int]]:
    """The text of `pieces` (a source, offset, length each, in order), those of one source
    that follow one another read at once, some CHUNK bytes at a time: `read(source, offset,
    length)` reads one run. A piece of the kept export (source 1) of LONG bytes or more is
    given as it is, (offset, length), not read: the caller copies it."""
    held: list[bytes] = []
    size = 0
    kind = start = stop = -1
    for where, offset, length in pieces:
        if not length:
            continue
        if where == 1 and length >= LONG:
            if stop > start >= 0:
                held.append(read(kind, start, stop - start))
            if held:
                yield b"".join(held)
                held, size = [], 0
            kind = start = stop = -1
            yield offset, length
            continue
        if where == kind and offset == stop and stop - start < CHUNK:
            stop += length
            continue
        if stop > start >= 0:
            held.append(read(kind, start, stop - start))
            size += stop - start
            if size >= CHUNK:
                yield b"".join(held)
                held, size = [], 0
        kind, start, stop = where, offset, offset + length
    if stop > start >= 0:
        held.append(read(kind, start, stop - start))
    if held:
        yield b"".join(held)

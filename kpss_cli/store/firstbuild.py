"""The first build of the index for `kpss tasks` (no file's row in the index yet), without
holding the archive's records.

The process that parses a file makes its row of `files` (the outcome packed) and its rows of
the per-file tables FILE, MEET and REF, signed (loading._signed), and keeps of it only what
resolving the tasks reads (cold.py's Resolving: the minutes' date, id, group, next meeting,
its tasks and updates as marshal bytes) and its problems. The main process neither unpacks
the workers' outcomes nor holds a record: the per-file rows go to the index as they come
(loading.FirstBuild); STATE is made from the Resolving of each file; the tasks are resolved
from them (as cold._resolved resolves them, the same answers as archive.resolve) into the
rows of the status tables, each task packed with its history as it is written and let go
of, never a Task of every task held (at 100,000 files the lean records and the tasks with
their histories were most of a first build's 437 MiB).

Only where the first build is plain: processes can be forked, every file of the walk can be
read, the index holds no snapshot of the walk (none at all, or one that could not be brought
up to date: the caller tried). A file not yet settled (loading.SETTLED_NS) is built in with a
stamp no file has, so read again next time. Else None, and the caller loads the archive as
before (loading._load). Every reading command's first build comes here (loading.built), not
only `kpss tasks`', and then reads its answer from the index as a warm run does. The answers and the index's tables are those of that load
(tests/test_views.py, tests/test_first_build.py).
"""

from __future__ import annotations

import contextlib
import itertools
import marshal
import os
from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from sys import intern
from typing import Any
from zlib import crc32

from ..core.config import Config
from ..core.dates import parse_deadline
from ..core.errors import Problem
from ..minutes import parse  # noqa: F401 - imported before the workers fork, who then have it
from . import loading, snapshot
from .archive import (
    Archive,
    FileStat,
    Stamp,
    TaskSnapshot,
    next_meeting_dates,
    printable,
    shown_path,
    stamp_of,
)
from .cold import _DAY, _GROUP, _ID, _NEXT, _SLUG, _TASKS, _UPDATES, _short, defined_tasks
from .config import load_config
from .incremental import state_made
from .index import BUCKETS, Index, Signed, Signer, encode
from .loading import FirstBuild, Progress, SignedFile, Walk, _collector_paused, _inspect, _settled, unsettle
from .packing import MARSHAL_VERSION, _updates, config_meaning, pack, unpack_task
from .snapshot import FILE, MEET, NO_STATE, REF, Tables, fingerprint, head_part, status_kind, store_made
from .workers import FORKS, shared

# What the main process keeps of a parsed file: its problems (as tuples, None when none) and
# what resolving its tasks reads (cold.py's Resolving without the record: None when the file
# holds no minutes).
Kept = tuple[list[tuple[Any, ...]] | None, tuple[Any, ...] | None]


def _kept(outcome: loading.Outcome) -> Kept:
    """What is kept of a file parsed (cold._kept of no view, as tuples the workers send)."""
    minutes, problems = outcome
    found = [(p.path, p.line, p.severity, p.code, p.message) for p in problems] if problems else None
    if minutes is None:
        return found, None
    tasks, updates, loose, meeting = (
        minutes.tasks,
        minutes.updates,
        minutes.loose_checks,
        minutes.next_meeting,
    )
    return found, (
        minutes.date,
        minutes.id,
        intern(minutes.group_slug),
        intern(minutes.group),
        None if meeting is None else meeting.date,
        marshal.dumps([_short(t) for t in tasks], MARSHAL_VERSION) if tasks else None,
        marshal.dumps((_updates(updates), _updates(loose)), MARSHAL_VERSION) if updates or loose else None,
    )


def _parsed(
    base: str, rel: str, stamp: Stamp, config: Config, signer: Signer
) -> tuple[bytes, SignedFile, Kept]:
    """A file parsed: its packed outcome, its rows signed, what is kept of it."""
    outcome = loading._parse_file(base, rel, config)
    blob = pack(outcome)
    return blob, loading._signed(rel, stamp, outcome, blob, signer), _kept(outcome)


def _chunk(base: str, chunk: list[tuple[str, Stamp]]) -> list[tuple[bytes, SignedFile, Kept]]:
    """Files parsed in a worker (loading._start_worker set its configuration and signer)."""
    config, signer = loading._worker_config[0], loading._worker_signer[0]
    return [_parsed(base, rel, stamp, config, signer) for rel, stamp in chunk]


def _parse_all(
    base: str, items: list[tuple[str, Stamp]], config: Config, signer: Signer, progress: Progress | None
) -> Iterator[tuple[int, str, Stamp, bytes, SignedFile, Kept]]:
    """(place in `items`, file, stamp, packed outcome, signed rows, kept) of each of `items`, in
    no set order, parsed by this process and forked workers (store/workers.py, as a cold run
    shares them: each takes the next chunk when it is free). The list is let go of: each chunk
    of it is, once parsed (the caller keeps no other)."""
    workers = min(os.cpu_count() or 1, 8)
    count = len(items)
    size = min(250, max(50, count // (workers * 32)))
    chunks: list[tuple[int, list[tuple[str, Stamp]]]] = [
        (start, items[start : start + size]) for start in range(0, count, size)
    ]
    del items
    done = 0

    def advance(number: int) -> None:
        nonlocal done
        done += number
        if progress:
            progress(done, count)

    def here(
        start: int, chunk: list[tuple[str, Stamp]]
    ) -> Iterator[tuple[int, str, Stamp, bytes, SignedFile, Kept]]:
        for place, (rel, stamp) in enumerate(chunk, start):
            yield place, rel, stamp, *_parsed(base, rel, stamp, config, signer)
        advance(len(chunk))

    if count < loading.PARALLEL_FROM or workers < 2:
        chunks.reverse()
        while chunks:
            yield from here(*chunks.pop())
        return
    parent = os.getpid()

    def start() -> None:
        loading._start_worker(config, parent, signer)

    def work(at: int) -> list[tuple[bytes, SignedFile, Kept]]:
        return _chunk(base, chunks[at][1])

    for at, theirs, made in shared(len(chunks), work, start, workers - 1):
        first, chunk = chunks[at]
        chunks[at] = (first, [])  # let go of once parsed (the workers have their own copy)
        if not theirs:
            yield from here(first, chunk)
            continue
        for place, ((rel, stamp), found) in enumerate(zip(chunk, made, strict=True), first):
            yield place, rel, stamp, *found
        del made
        advance(len(chunk))


# Table rows a transaction (about 640 files), not loading.FirstBuild's 25,000: the rows are put
# aside (appended) and copied in order at the end, so a commit costs little, and a batch held
# (its files' outcomes most of it) raised the peak at 100,000 files by some 25 MB: 262 MiB at
# 25,000 rows, 249 at 5,000 (benchmarks/first_build.py, docs/performance.md).
_BATCH = 2_500


def _entry(
    stamp: Stamp, found: list[tuple[Any, ...]] | None, kept: tuple[Any, ...] | None
) -> tuple[Any, ...]:
    """The file's row in FILE (incremental.stamped_entry) from what is kept of it."""
    info = None
    if kept is not None:
        loads = marshal.loads
        tasks = loads(kept[_TASKS]) if kept[_TASKS] is not None else []
        done, loose = loads(kept[_UPDATES]) if kept[_UPDATES] is not None else ((), ())
        meeting = kept[_NEXT]
        info = (
            kept[_ID],
            kept[_DAY].toordinal(),
            kept[_SLUG],
            kept[_GROUP],
            None if meeting is None else meeting.toordinal(),
            [t[0] for t in tasks],
            [t[7] for t in tasks],
            sorted({u[0] for u in done} | {u[0] for u in loose}),
        )
    return (*stamp, [p[1:] for p in found] if found else [], info)


def first_tasks(
    root: str, shown_root: str, walk: Walk, statuses: Iterable[str], progress: Progress | None
) -> TaskSnapshot | None:
    """`kpss tasks`' load on an index with no snapshot to bring up to date: the index built (as
    loading._load builds it) and the snapshot of the tasks of `statuses` (as the index gives
    it); None when this build is not plain (see above): the caller loads the archive. A file
    changed too recently to be kept (loading.SETTLED_NS) is built in with the stamp no file
    has (loading.unsettle: read again next time), the walk's own stat changed to it, so that
    what this run reads of the index after the build is of that walk."""
    if not FORKS:
        return None
    files, unreadable, started = walk
    if unreadable:
        return None
    base = str(root)
    stats: dict[str, FileStat] = {}
    for rel, own in files:
        stat, problem = _inspect(base, rel, own)
        if problem is not None or stat is None:
            return None
        stats[rel] = stat
    folder = Path(root)
    index = Index.open(
        root, loading._config_bytes(root), lambda: config_meaning(load_config(folder, shown_root))
    )
    if index is None:
        return None
    try:
        unsettled = [stat for stat in stats.values() if not _settled(stat, started)]
        if unsettled:
            for stat in unsettled:
                unsettle(stat, started)
            with contextlib.suppress(AttributeError):
                del files.folders  # type: ignore[attr-defined]  # their digests made again with the new times
        del unsettled
        if not index.empty():
            # The rows kept are of a build whose files were read before they settled (a fresh
            # copy) and whose snapshot cannot be brought up to date: all made again, those of
            # the files gone removed; never when the index holds this walk's snapshot. Other
            # rows (many changes, a comment in kpss.yaml) are read by the load, not parsed again.
            if (
                index.snapshot(fingerprint(files, unreadable), ("head",)) is not None
                or index.damaged
                or not index.unsettled()
            ):
                return None
            gone = [rel for rel in index.paths() if rel not in stats]
            if gone:
                index.update((), gone)
        config = load_config(folder, shown_root)
        with _collector_paused(freeze=True):
            return _build(index, folder, shown_root, config, walk, stats, frozenset(statuses), progress)
    finally:
        index.close()


def build_index(root: str, shown_root: str, walk: Walk, progress: Progress | None) -> set[str] | None:
    """The index built for `walk` as `kpss tasks`' first build builds it (first_tasks), for a
    command whose answer is then read from it as a warm run reads it (loading.built): the
    files built in unsettled; None when the build is not plain: the caller loads the archive."""
    files, _unreadable, started = walk
    unsettled = {rel for rel, own in files if not isinstance(own, OSError) and not _settled(own, started)}
    return None if first_tasks(root, shown_root, walk, (), progress) is None else unsettled


def _build(
    index: Index,
    root: Path,
    shown_root: str,
    config: Config,
    walk: Walk,
    stats: dict[str, FileStat],
    statuses: frozenset[str],
    progress: Progress | None,
) -> TaskSnapshot:
    result = Archive(root=root, shown_root=shown_root, config=config)
    result.problems.extend(config.problems)
    files = walk[0]
    digest = fingerprint(files, [])  # the folders' digests kept with the walk's list (snapshot.folders)
    names = [rel for rel, _own in files]
    count = len(names)
    if getattr(files, "folders", None) is not None:
        files.clear()  # the walk's stats let go of (some 35 MB at 100,000 files); its folders kept
    first = FirstBuild(index)
    first.BATCH = _BATCH
    # What resolving reads of each minutes, by the file's place in the walk (its problems are
    # gathered's): some 1 KB a file, most of what is held at 100,000 files.
    kept: list[tuple[Any, ...] | None] = [None] * count
    times = array("q", bytes(24 * count))  # each file's size, mtime_ns, ctime_ns (STATE: _Gathered)
    inodes = array("Q", bytes(8 * count))
    gathered = _Gathered()
    parsed = _parse_all(
        str(root), [(rel, stamp_of(stats.pop(rel))) for rel in names], config, first.signer, progress
    )
    for place, rel, stamp, blob, signed, found in parsed:
        first.add((rel, *stamp, blob), signed)
        kept[place] = found[1]
        times[3 * place], times[3 * place + 1], times[3 * place + 2], inodes[place] = stamp
        gathered.add(place, rel, *found)
    gathered.ids.clear()  # only for telling two minutes of one id, as they came
    first.finish()  # the last rows written by a second thread meanwhile (first.join)
    ahead: list[Signed] = []
    aside: snapshot._Aside | None = None
    wanted: list[tuple[Any, ...]] = []
    try:
        order: list[tuple[Any, str, int, str]] = []  # (date, id, place in the walk, file)
        skeletons: dict[str, tuple[Any, ...]] = {}
        for _place, rel, problems in sorted(gathered.problems):
            shown = shown_path(result, printable(rel))
            result.problems.extend(Problem(shown, *p[1:]) for p in problems)
        result.files += count
        for place, rel in enumerate(names):
            resolving = kept[place]
            kept[place] = None
            if resolving is not None:
                skeletons[rel] = resolving
                order.append((resolving[_DAY], resolving[_ID], place, rel))
        del kept
        order.sort()
        places = array("i", [place for _day, _id, place, _rel in order])
        ordered = [rel for _day, _id, _place, rel in order]
        del order  # some 9 MB at 100,000 files, not held while the tasks are resolved
        twice: dict[str, list[int]] = {}
        resolved = _Resolved(result, ordered, skeletons, twice)
        del ordered
        stamps = [times, inodes]

        def entry_of(rel: str, place: int) -> tuple[Any, ...]:
            found, ino = stamps
            at = 3 * place
            stamp = (found[at], found[at + 1], found[at + 2], ino[place])
            return _entry(stamp, gathered.problems_of(rel), skeletons.get(rel))

        del times, inodes
        walk_twice = _walk_twice(twice, places, names, skeletons)
        state = gathered.state(walk_twice, entry_of, files, len(config.problems))
        del names, places
        stamps.clear()
        head = head_part(result)
        if resolved.count < snapshot.SHARED_FROM or not hasattr(os, "fork"):
            rest = resolved.rows(first.signer, None, statuses, wanted)
            while first.writing():  # rows made while the second thread writes (snapshot.Ahead)
                before = len(ahead)
                ahead.extend(itertools.islice(rest, 1_000))
                if len(ahead) - before < 1_000:
                    break
        else:  # two thirds of them made by a process forked here, as snapshot.store does
            try:
                aside = snapshot._Aside(lambda: resolved.rows(first.signer, False, frozenset(), []))
            except OSError:
                aside = None
            rest = resolved.rows(first.signer, None if aside is None else True, statuses, wanted)
    finally:
        first.join()
    if not first.complete(count):  # a batch not written (another kpss holds the index): as
        state = NO_STATE  # for a file not read, no tables; a change then loads the archive whole
    tables: Tables = first.digests if state != NO_STATE else {FILE: (), MEET: (), REF: ()}

    def shares() -> Iterator[Iterable[Signed]]:
        ahead.reverse()
        yield _drain(ahead)
        yield rest
        if aside is not None:
            theirs = aside.rows()  # else made here
            yield resolved.rows(first.signer, False, frozenset(), []) if theirs is None else theirs

    try:
        store_made(index, digest, head, state, tables, shares())
        for _row in rest:
            pass  # when the index could not be written: the tasks wanted are taken meanwhile
    finally:
        if aside is not None:
            aside.close()
    tasks = [unpack_task(t) for t in wanted]
    return TaskSnapshot(
        str(root), shown_root, config, tasks, result.problems, result.group_names, result.files
    )


def _drain(rows: list[Signed]) -> Iterator[Signed]:
    """The rows of a reversed list, each let go of as it is given."""
    while rows:
        yield rows.pop()


class _Gathered:
    """What STATE holds of the files (incremental.state_part) but the task ids defined twice,
    gathered as each file's kept part comes (in no set order) and put in the walk's order
    when made (`state`): a first build makes STATE so without a map of every task id's file
    (the resolving finds the ids defined twice: _walk_twice) and without every file's row in
    FILE made again."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.shared = False  # two minutes of one id
        self.problems: list[tuple[int, str, list[tuple[Any, ...]]]] = []  # (place, file, problems)
        # Each group's place of its first file, first minutes' (date, id), last one's and its name.
        self.groups: dict[str, list[Any]] = {}
        self.found: dict[str, list[tuple[Any, ...]]] | None = None

    def add(
        self, place: int, rel: str, found: list[tuple[Any, ...]] | None, kept: tuple[Any, ...] | None
    ) -> None:
        if found:
            self.problems.append((place, rel, found))
        if kept is None:
            return
        minutes_id = kept[_ID]
        if minutes_id in self.ids:
            self.shared = True
        self.ids.add(minutes_id)
        here = (kept[_DAY].toordinal(), minutes_id)
        group = self.groups.get(kept[_SLUG])
        if group is None:
            self.groups[kept[_SLUG]] = [place, here, here, kept[_GROUP]]
            return
        if place < group[0]:
            group[0] = place
        if here < group[1]:
            group[1] = here
        if here > group[2]:
            group[2], group[3] = here, kept[_GROUP]

    def problems_of(self, rel: str) -> list[tuple[Any, ...]] | None:
        """The problems found in `rel` (as the workers send them)."""
        if self.found is None:
            self.found = {file: found for _place, file, found in self.problems}
        return self.found.get(rel)

    def state(
        self,
        twice: dict[str, list[tuple[str, int]]],
        entry_of: Callable[[str, int], tuple[Any, ...]],
        walk: list[tuple[str, FileStat | OSError]],
        config_problems: int,
    ) -> bytes:
        """STATE, as state_part makes it of the files' rows in the walk's order (`twice`: each
        task id defined more than once, its files and their places in the walk's order)."""
        if self.shared:
            return NO_STATE
        problems = {rel: [p[1:] for p in found] for _place, rel, found in sorted(self.problems)}
        groups = {
            slug: (found[1], found[3]) for slug, found in sorted(self.groups.items(), key=lambda g: g[1][0])
        }
        where = {rel: place for spots in twice.values() for rel, place in spots}
        return state_made(
            problems,
            groups,
            {task_id: [rel for rel, _place in spots] for task_id, spots in twice.items()},
            lambda rel: entry_of(rel, where[rel]),
            walk,
            config_problems,
        )


def _walk_twice(
    twice: dict[str, list[int]], places: array[int], names: list[str], skeletons: dict[str, tuple[Any, ...]]
) -> dict[str, list[tuple[str, int]]]:
    """The task ids defined twice as the resolving found them (`twice`: the places of their
    minutes in the archive's order, whose places in the walk are `places`), in the order a
    pass over the files in the walk's order finds them (state_part's): by the walk's first
    file defining each and the id's first place in it, each id's files in the walk's order."""
    keyed = []
    for task_id, ats in twice.items():
        spots = sorted({places[at] for at in ats})
        tasks = marshal.loads(skeletons[names[spots[0]]][_TASKS])
        nth = next(n for n, t in enumerate(tasks) if t[0] == task_id)
        keyed.append(((spots[0], nth), task_id, [(names[place], place) for place in spots]))
    keyed.sort()
    return {task_id: spots for _key, task_id, spots in keyed}


class _Resolved:
    """The tasks of the minutes' Resolving (`skeletons`, in the archive's order `ordered`),
    resolved as archive.resolve resolves them (cold._resolved), the duplicate task ids and the
    groups' names put into `result`; each task's state a few slots (its status, owner,
    deadline as written, kind, deadline), and each step of its history after the first the
    place of an update (the minutes' place, the update's) in arrays, a list per task: a task
    is made (packed, with its history) only as its row is written (`rows`)."""

    def __init__(
        self,
        result: Archive,
        ordered: list[str],
        skeletons: dict[str, tuple[Any, ...]],
        twice: dict[str, list[int]] | None = None,
    ) -> None:
        loads = marshal.loads
        self.ordered, self.skeletons = ordered, skeletons
        after = next_meeting_dates(
            [(s[_ID], s[_SLUG], s[_DAY], s[_NEXT]) for s in map(skeletons.__getitem__, ordered)]
        )
        state = defined_tasks(result, ordered, skeletons, after, twice)
        number, at_of, nth_of = state.number, state.at, state.nth
        status, owner, due = state.status, state.owner, state.due
        kinds, deadlines = state.kind, state.deadline
        count = len(status)
        # The history's steps after the first: per task a list threaded through the arrays.
        head, tail = array("i", [-1]) * count, array("i", [-1]) * count
        follows, step_at, step_nth = array("i"), array("i"), array("i")
        for at, rel in enumerate(ordered):
            found = skeletons[rel]
            if found[_UPDATES] is None:
                continue
            day, minutes_id = found[_DAY], found[_ID]
            done, loose = loads(found[_UPDATES])
            for nth, update in enumerate([*done, *(u for u in loose if u[0] in number)]):
                n = number.get(update[0])
                if n is None:
                    continue
                defined = skeletons[ordered[at_of[n]]]
                if (day, minutes_id) <= (defined[_DAY], defined[_ID]):
                    continue  # unmatched (check.py)
                _id, changed, _note, _line, _source, written, handed = update
                status[n] = changed
                if handed:
                    owner[n] = handed
                if written is not None:
                    read = parse_deadline(written, day)
                    due[n], kinds[n] = written, read.kind
                    deadlines[n] = after[minutes_id] if read.kind == "next_meeting" else read.end
                elif changed == "open" and kinds[n] == "next_meeting":
                    deadlines[n] = after[minutes_id]
                step = len(follows)
                follows.append(-1)
                step_at.append(at)
                step_nth.append(nth)
                if head[n] < 0:
                    head[n] = step
                else:
                    follows[tail[n]] = step
                tail[n] = step
        del tail
        self.count = count
        self.number, self.at_of, self.nth_of = number, at_of, nth_of
        self.state = (status, owner, due, kinds, deadlines)
        self.steps = (head, follows, step_at, step_nth)
        self.decoded: dict[int, list[tuple[Any, ...]]] = {}

    def _updates(self, at: int, data: bytes) -> list[tuple[Any, ...]]:
        """The updates of the minutes `at` that resolving reads, in its order (its updates, then
        its loose checks of known task ids), those of the last few minutes kept decoded: a
        history is read task by task, and the tasks of one minutes are mostly updated by the
        same few minutes."""
        found = self.decoded.get(at)
        if found is None:
            if len(self.decoded) >= 256:
                self.decoded.clear()
            done, loose = marshal.loads(data)
            number = self.number
            found = self.decoded[at] = [*done, *(u for u in loose if u[0] in number)]
        return found

    def _history(self, n: int) -> Iterator[tuple[Any, ...]]:
        """The steps of task `n`'s history after the first, packed as pack_task packs them."""
        head, follows, step_at, step_nth = self.steps
        ordered, skeletons = self.ordered, self.skeletons
        step = head[n]
        while step >= 0:
            at = step_at[step]
            rel = ordered[at]
            found = skeletons[rel]
            update = self._updates(at, found[_UPDATES])[step_nth[step]]
            _id, changed, note, line, _source, written, _handed = update
            yield (found[_ID], found[_DAY].toordinal(), changed, note, rel, line, written)
            step = follows[step]

    def rows(
        self, signer: Signer, third: bool | None, statuses: frozenset[str], wanted: list[tuple[Any, ...]]
    ) -> Iterator[Signed]:
        """The rows of the status tables (snapshot._signed_tasks: keyed, packed, signed): of
        every third task (`third`: the first, the fourth…), of the others (False), or of all
        (None); each task of `statuses` packed into `wanted` too, whoever's row it is."""
        loads, dumps, mask = marshal.loads, marshal.dumps, BUCKETS - 1
        status, owner, due, kinds, deadlines = self.state
        number, at_of, nth_of = self.number, self.at_of, self.nth_of
        signs: dict[str, tuple[str, Any]] = {}
        previous: tuple[int, str] | None = None
        tie = 0
        counted = 0
        for at, rel in enumerate(self.ordered):
            found = self.skeletons[rel]
            day, minutes_id = found[_DAY].toordinal(), found[_ID]
            here = (day, minutes_id)
            tie = tie + 1 if here == previous else 0
            previous = here
            if found[_TASKS] is None:
                continue
            for nth, t in enumerate(loads(found[_TASKS])):
                n = number[t[0]]
                if at_of[n] != at or nth_of[n] != nth:
                    continue
                mine = third is None or (counted % 3 == 0) == third
                counted += 1
                if not mine and status[n] not in statuses:
                    continue
                deadline, person, written = deadlines[n], owner[n], due[n]
                packed = (
                    t[0],
                    t[1],
                    person and intern(person),
                    written and intern(written),
                    None if deadline is None else deadline.toordinal(),
                    kinds[n],
                    status[n],
                    t[6],
                    t[7],
                    t[8],
                    minutes_id,
                    found[_GROUP],
                    found[_SLUG],
                    day,
                    rel,
                    [(minutes_id, day, t[6], None, rel, t[7], t[3]), *self._history(n)],
                    t[9],
                )
                if status[n] in statuses:
                    wanted.append(packed)
                if not mine:
                    continue
                kind_of = signs.get(status[n])
                if kind_of is None:
                    kind = status_kind(status[n])
                    kind_of = signs[status[n]] = (kind, signer.signs(kind))
                row = (day, minutes_id, tie, nth, t[0], dumps(packed, MARSHAL_VERSION))
                text = encode(f"{day}\0{minutes_id}\0{tie}\0{nth}")
                data = dumps(row, MARSHAL_VERSION)
                yield kind_of[0], text, crc32(text) & mask, data, kind_of[1](text, data)

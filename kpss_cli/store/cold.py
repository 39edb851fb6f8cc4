"""Cold views (`--no-cache`: no index read or written) of one value per minutes (loading.
EachMinutes: `list`, `attendance`, `schedule`, `members`, `agenda`, `remind`, `plan`,
`monitor`), made without holding the archive's records.

The process that parses a file keeps of it only the view's value (`each`, of that record
alone), its problems, and what resolving the tasks reads: for a view that selects no tasks,
the minutes' date, id, group and the ids and lines of the tasks it defines (the archive's
problems include the task ids defined twice: archive.resolve), a few dozen bytes; for one
that selects tasks, the record made lean (packing.make_lean), resolved as a lean load does.
The workers send only that back, so the parent neither unpacks nor holds whole records (at
100,000 files a cold `list` held every lean record, some 360 MB, and the parent unpacked
each worker's record whole before taking its value). The answer is the one the archive
loaded gives (tests/test_cold.py compares the two; tests/test_views.py these with the index's).

Only for a forked worker (the view's `each` is a closure, not sent to a spawned process);
elsewhere the view is made from the archive loaded lean, as before (None here).
"""

from __future__ import annotations

import marshal
import os
from array import array
from collections.abc import Callable, Container, Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from sys import intern
from typing import Any

from ..core.config import Config
from ..core.dates import parse_deadline
from ..core.errors import Problem
from ..core.model import Minutes, StatusChange, Task
from ..minutes import parse  # noqa: F401 - imported before the workers fork, who then have it
from . import loading
from .archive import (
    UNSTATED,
    Archive,
    TaskSnapshot,
    _relative_ref,
    duplicate_task,
    next_meeting_dates,
    printable,
    resolve_root,
    shown_path,
)
from .config import load_config
from .loading import (
    ATTENDANCE_VIEW,
    EachMinutes,
    Progress,
    Walk,
    _collector_paused,
    _end_with,
    _inspect,
    attendance_archive,
    walk_archive,
)
from .packing import (
    _DATES,
    MARSHAL_VERSION,
    _updates,
    pack,
    pack_task,
    unpack,
    unpack_attendance,
)
from .workers import FORKS, shared

# What a parsed file leaves: (its problems as tuples, the view's value (bytes; of `attendance`
# from a worker, its bytes and numbers: _each_kept) or None, what resolving
# reads: a Skeleton or a Resolving, or None when the file holds no minutes).
Kept = tuple[list[tuple[Any, ...]] | None, Any, Any]
# For a view that selects no tasks: the minutes' date, id, group's slug and name, the id and line
# of each task it defines (one after the other, by marshal; None when it defines none), and
# whether it records joins or leaves (membership over time reads it).
Skeleton = tuple[Any, str, str, str, bytes | None, bool]
# Else what archive.resolve reads of it, without the record: the minutes' date, id, group's slug
# and name, the date of its own next meeting (or None), its tasks as parsed (_short of each, by
# marshal: what a task holds of its own) and its updates and unchecked lines (`_updates`, by
# marshal), each None when it has none, the record whole (`show`: its id or path is the one
# asked for; packed in a worker) or None, and whether it records joins or leaves.
Resolving = tuple[Any, str, str, str, Any, bytes | None, bytes | None, Any, bool]
_DAY, _ID, _SLUG, _GROUP, _NEXT, _TASKS, _UPDATES, _WHOLE, _JOINS = range(9)


# What a meeting does to the tallies of `attendance` by person, step by step: the (key, name as
# written, organisation) of each step's person and its code (meetings/attendance.meeting_steps).
StepsOf = Callable[[Minutes], list[tuple[tuple[Any, ...], int]]]
# Given an archive of the records that record joins or leaves (none: kpss.yaml's members), the
# steps of a meeting with the members over time, and whether those change the members of the
# minutes of a group slug (meetings/attendance.tally_steps).
TallySteps = Callable[[Archive], tuple[StepsOf, Callable[[str], bool]]]


class Steps:
    """The view of a cold `attendance` by person: of each minutes, what the meeting does to each
    person's tally, made where the file is parsed (on both cores: the counting that followed
    the parse in this process was some 0.4 s at 10,000 files), each person as a number (as
    `attendance`'s values number theirs); the records that record joins or leaves kept packed."""

    tasks = None  # it selects no tasks

    def __init__(self, tally: TallySteps, archive: Archive) -> None:
        self.made = tally
        self.steps, self.changes = tally(archive)


def _short(t: Task) -> tuple[Any, ...]:
    """What a task holds of its own (pack_task without what its minutes give: _task)."""
    deadline = t.deadline
    return (
        t.id,
        t.text,
        t.owner and intern(t.owner),
        t.due and intern(t.due),
        None if deadline is None else deadline.toordinal(),
        t.deadline_kind,
        t.initial_status,
        t.line,
        t.source,
        t.measure,
    )


def _task(short: tuple[Any, ...], found: Any, rel: str) -> Task:
    """The task as parsed from its _short and its minutes' Resolving (parse._new_task)."""
    task_id, text, owner, due, deadline, kind, initial, line, source, measure = short
    return Task(
        task_id,
        text,
        owner,
        due,
        None if deadline is None else _DATES[deadline],
        kind,
        initial,
        initial,
        line,
        source,
        found[_ID],
        found[_GROUP],
        found[_SLUG],
        found[_DAY],
        rel,
        None,
        measure,
    )


# Set once in each worker (_start): the configuration, the view, the record wanted and what is
# kept of each file (_kept, or another's: check/cold.py).
_worker_view: list[tuple[Config, Any, str | None, Callable[..., Any]]] = []


def _kept(
    base: str,
    rel: str,
    config: Config,
    view: EachMinutes | None,
    sample: list[Minutes] | None,
    wanted: str | None,
    people: dict[tuple[Any, ...], int] | None = None,
) -> Kept:
    """What the view keeps of the file `rel` (Kept); `view` None: no value, only what resolving
    the tasks reads (a cold `kpss tasks`, `show`). In a worker (`sample` None) a record kept
    whole (`wanted` is its id or path) is sent as bytes; in this process it is the record
    itself, and the first minutes parsed is kept whole in `sample` (the view's `finish` reads
    one record). The value is kept as marshal's bytes (UTF-8: Czech text takes about half the
    room of a `str`), unpacked when the view is put together; with `people` (`attendance`),
    each person in it as their number in that table (_numbered)."""
    minutes, problems = loading._parse_file(base, rel, config)
    found = [(p.path, p.line, p.severity, p.code, p.message) for p in problems] if problems else None
    if minutes is None:
        return found, None, None
    if view is None:
        value = None
    elif isinstance(view, Steps):
        assert people is not None
        number = people.setdefault
        value = marshal.dumps(
            [x for who, code in view.steps(minutes) for x in (number(who, len(people)), code)],
            MARSHAL_VERSION,
        )
    elif people is None:
        value = marshal.dumps(view.each(minutes), MARSHAL_VERSION)
    else:
        value = marshal.dumps(_numbered(view.each(minutes), people), MARSHAL_VERSION)
    if view is not None and sample is not None and not sample:
        sample.append(minutes)
    tasks = minutes.tasks
    slug, group = intern(minutes.group_slug), intern(minutes.group)
    if view is not None and view.tasks is None:
        defined = (
            marshal.dumps([x for t in tasks for x in (t.id, t.line)], MARSHAL_VERSION) if tasks else None
        )
        joins: Any = bool(minutes.membership)
        if joins and isinstance(view, Steps):  # the record, for the members over time
            joins = marshal.dumps(ATTENDANCE_VIEW.each(minutes), MARSHAL_VERSION)
        return found, value, (minutes.date, minutes.id, slug, group, defined, joins)
    updates, loose, meeting = minutes.updates, minutes.loose_checks, minutes.next_meeting
    whole: Any = None
    if wanted is not None and wanted in (minutes.id, minutes.path):
        whole = minutes if sample is not None else pack((minutes, []))
    return (
        found,
        value,
        (
            minutes.date,
            minutes.id,
            slug,
            group,
            None if meeting is None else meeting.date,
            marshal.dumps([_short(t) for t in tasks], MARSHAL_VERSION) if tasks else None,
            marshal.dumps((_updates(updates), _updates(loose)), MARSHAL_VERSION)
            if updates or loose
            else None,
            whole,
            bool(minutes.membership),
        ),
    )


def _start(config: Config, view: Any, wanted: str | None, parent: int, keep: Callable[..., Any]) -> None:
    _end_with(parent)
    _worker_view.append((config, view, wanted, keep))


def _chunk(base: str, chunk: list[str]) -> tuple[list[Any], list[tuple[Any, ...]] | None]:
    """(Kept of each file of `chunk`, the people its values number, in their numbers' order,
    or None when the view numbers none)."""
    config, view, wanted, keep = _worker_view[0]
    people: dict[tuple[Any, ...], int] | None = {} if _numbers(view) else None
    kept = [keep(base, rel, config, view, None, wanted, people) for rel in chunk]
    return kept, None if people is None else list(people)


def _numbers(view: Any) -> bool:
    """Whether the values of `view` number people (in a table: _each_kept)."""
    return view is ATTENDANCE_VIEW or isinstance(view, Steps)


# The places of an `attendance` value (packing.attendance_view) that hold people: lists of them
# (present, excused, absent, guests), then one or None (recorder, moderator).
_PEOPLE_LISTS, _PEOPLE_ONE = (9, 10, 11, 12), (14, 15)


def _numbered(value: tuple[Any, ...], people: dict[tuple[Any, ...], int]) -> tuple[Any, ...]:
    """The `attendance` value with each person (packing._people) as their number in `people`
    (by all but their line, added when new) and their line, one after the other. Names recur
    from meeting to meeting: at 100,000 minutes the people written out in every value were
    some 80 MB of a cold `attendance`'s bytes."""
    values = list(value)
    for at in _PEOPLE_LISTS:
        if listed := values[at]:
            flat = []
            for person in listed:
                flat.append(people.setdefault(person[:5] + person[6:], len(people)))
                flat.append(person[5])
            values[at] = flat
    for at in _PEOPLE_ONE:
        if (person := values[at]) is not None:
            values[at] = (people.setdefault(person[:5] + person[6:], len(people)), person[5])
    return tuple(values)


def _named_value(value: bytes | tuple[bytes, list[int]], people: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    """The `attendance` value that cold_view kept (_each_kept: its bytes, or a worker's bytes and
    numbers), each person as packing._people makes them."""
    return _named(value, people, None) if isinstance(value, bytes) else _named(value[0], people, value[1])


def _named(data: bytes, people: list[tuple[Any, ...]], numbers: list[int] | None) -> tuple[Any, ...]:
    """The `attendance` value that _numbered made `data` of, each person as packing._people
    makes them; `numbers`: the number in `people` of each number in `data` (a worker's)."""

    def person(n: int, line: int) -> tuple[Any, ...]:
        name, org, role, written, key, substitute_for = people[n if numbers is None else numbers[n]]
        return name, org, role, written, key, line, substitute_for

    values = list(marshal.loads(data))
    for at in _PEOPLE_LISTS:
        if flat := values[at]:
            values[at] = [person(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
    for at in _PEOPLE_ONE:
        if (one := values[at]) is not None:
            values[at] = person(*one)
    return tuple(values)


def _each_kept(
    base: str,
    rels: list[str],
    config: Config,
    view: Any,  # EachMinutes or None for _kept
    wanted: str | None,
    progress: Progress | None,
    sample: list[Minutes],
    keep: Callable[..., Any] = _kept,
    people: dict[tuple[Any, ...], int] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[tuple[str, Any]]:
    """(file, Kept) of each of `rels`, in no set order: parsed in this process and in forked
    workers, shared as loading._parse_many shares them; the first minutes this process
    parses is kept whole in `sample`. With `people` (`attendance`), the values number their
    people in that table; a worker's value that numbers them in its own is (its bytes, the
    number in `people` of each of its own). `keep`: what is kept of each file, called as _kept
    is (`view` is then its own: check/cold.py). `meanwhile`: what this process does once while
    the workers parse (what the caller needs only after the parse, such as its imports), so
    that the workers take more of the files rather than the run waiting for it after them."""
    workers = min(os.cpu_count() or 1, 8)
    size = min(250, max(50, len(rels) // (workers * 32)))
    chunks = [rels[i : i + size] for i in range(0, len(rels), size)]
    done = 0

    def here(chunk: list[str]) -> Iterator[tuple[str, Any]]:
        nonlocal done
        for rel in chunk:
            yield rel, keep(base, rel, config, view, sample, wanted, people)
        done += len(chunk)
        if progress:
            progress(done, len(rels))

    if len(rels) < loading.PARALLEL_FROM or workers < 2:
        for chunk in chunks:
            yield from here(chunk)
        if meanwhile is not None:
            meanwhile()
        return
    parent = os.getpid()

    def start() -> None:
        _start(config, view, wanted, parent, keep)

    def work(at: int) -> tuple[list[Any], list[tuple[Any, ...]] | None]:
        return _chunk(base, chunks[at])

    first = True
    # Each process takes the next chunk when it is free (store/workers.py); this one takes in
    # the workers' results between its own chunks.
    for at, theirs, result in shared(len(chunks), work, start, workers - 1):
        if first:
            first = False
            if meanwhile is not None:  # the workers have started
                meanwhile()
        chunk = chunks[at]
        if not theirs:
            yield from here(chunk)
            continue
        kept, own = result
        if people is not None and own is not None:
            numbers = [people.setdefault(person, len(people)) for person in own]
            kept = [
                (found, value if value is None else (value, numbers), resolving)
                for found, value, resolving in kept
            ]
        yield from zip(chunk, kept, strict=True)
        done += len(chunk)
        if progress:
            progress(done, len(rels))
    if first and meanwhile is not None:
        meanwhile()


class Cold:
    """A cold view's parts: the archive's head (problems, groups, configuration, and the tasks
    of a cold `kpss tasks`), its minutes' values in the archive's order (`values()`, each
    unpacked as it comes and let go of: once), one record whole (`sample`, the first in order), the tasks the
    view selects, packed, and the records kept whole (`whole`, in the archive's order: `show`)."""

    def __init__(
        self,
        head: TaskSnapshot,
        values: list[Any],
        sample: Minutes | None,
        selected: list[Any],
        whole: list[Minutes] | None = None,
        where: list[tuple[Any, str, bool]] | None = None,
    ) -> None:
        self.head = head
        self.kept = values  # in the archive's order (not by file: the files' names are let go of)
        self.sample = sample
        self.selected = selected
        self.whole = whole or []
        self.where = where or []  # each minutes' (date, group's slug, joins or leaves), in order
        self.people: list[tuple[Any, ...]] = []  # the people `attendance`'s values number (_numbered)
        self.joins: list[Minutes] = []  # Steps: the records that record joins or leaves

    def values(self) -> Iterator[Any]:
        kept, loads = self.kept, marshal.loads
        kept.reverse()
        while kept:
            yield loads(kept.pop())

    def finished(self, view: EachMinutes) -> Any:
        """The view, as the archive loaded whole gives it (EachMinutes.__call__)."""
        return view.finish(list(self.values()), self.sample, self.selected)


def split_walk(
    root: Path, shown_root: str, config: Config, walk: Walk
) -> tuple[Archive, list[str], dict[str, Problem]]:
    """The archive with kpss.yaml's and the unreadable folders' problems, the files of the walk
    to read, and the problem of each file that cannot be read (as loading._load finds them)."""
    result = Archive(root=root, shown_root=shown_root, config=config)
    result.problems.extend(config.problems)
    files, unreadable, _started = walk
    base = str(root)
    read: list[str] = []
    not_read: dict[str, Problem] = {}
    for rel, found in files:
        if found is UNSTATED and rel.isascii():  # a regular file (_inspect judges the rest)
            read.append(rel)
            continue
        stat, problem = _inspect(base, rel, found)
        if problem:
            not_read[rel] = problem
        elif stat is not None:
            read.append(rel)
    result.problems.extend(loading.unreadable_folders(result, unreadable, shown_root))
    return result, read, not_read


def cold_parts(
    archive: str | os.PathLike[str] | None,
    view: EachMinutes | None,
    progress: Progress | None,
    *,
    statuses: Iterable[str] = (),
    wanted: str | None = None,
    keys: bool = False,
    latest: bool = False,
    tally: TallySteps | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Cold | None:
    """cold_view of the archive (default: found from the current folder), walked now."""
    root, shown_root = resolve_root(archive)
    if wanted is not None:
        wanted = _relative_ref(Path(root), shown_root, wanted)
    walk = walk_archive(root, stats=False)
    return cold_view(
        root, shown_root, walk, view, progress, statuses=statuses, wanted=wanted, keys=keys, latest=latest,
        tally=tally, meanwhile=meanwhile,
    )  # fmt: skip


def cold_view(
    root: str,
    shown_root: str,
    walk: Walk,
    view: EachMinutes | None,
    progress: Progress | None,
    *,
    statuses: Iterable[str] = (),
    wanted: str | None = None,
    keys: bool = False,
    latest: bool = False,
    tally: TallySteps | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Cold | None:
    """The parts of the view (Cold) of the archive as `walk` found it, parsed without the
    index; None where workers cannot be forked (the caller loads the archive lean). `view`
    None: no view, the tasks of `statuses` resolved into the head (`kpss tasks`), and the
    records whose id or path is `wanted` kept whole with their tasks resolved (`show`). `keys`:
    each minutes' date, group and whether it records joins or leaves kept too (Cold.where).
    `latest`: the values kept only of each group's latest minutes and of the minutes that
    record joins or leaves (all that `remind` reads of the minutes: next_meeting, all_members).
    `tally` (with `view` ATTENDANCE_VIEW): the values are the Steps it makes of each minutes.
    `meanwhile`: done once while the workers parse (_each_kept).
    The walk's list of files is emptied once read (its stats let go of before the parse)."""
    if not FORKS:
        return None
    folder = Path(root)
    config = load_config(folder, shown_root)
    with _collector_paused(freeze=True):
        made: EachMinutes | Steps | None = view
        if tally is not None:  # given the members kpss.yaml names; over time below
            made = Steps(tally, Archive(root=folder, shown_root=shown_root, config=config))
        return _made(
            folder, shown_root, config, walk, made, progress, frozenset(statuses), wanted, keys, latest,
            meanwhile,
        )  # fmt: skip


def _made(
    root: Path,
    shown_root: str,
    config: Config,
    walk: Walk,
    view: EachMinutes | Steps | None,
    progress: Progress | None,
    statuses: frozenset[str],
    wanted: str | None,
    keys: bool = False,
    latest: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> Cold:
    # As loading._load puts the archive's problems together: kpss.yaml's, the unreadable
    # folders', each file's in the walk's order, then those of resolving the tasks.
    result, read, not_read = split_walk(root, shown_root, config, walk)
    files = walk[0]
    base = str(root)
    # The walk's own stats are let go of before the parse (some 35 MB at 100,000 files): the
    # walk's list is emptied, its files' order kept as their names alone.
    walked = [rel for rel, _own in files]
    files.clear()
    taken: list[Minutes] = []
    people: dict[tuple[Any, ...], int] | None = {} if _numbers(view) else None
    parsed = _each_kept(base, read, config, view, wanted, progress, taken, people=people, meanwhile=meanwhile)
    kept: dict[str, Kept] = _latest(parsed) if latest else dict(parsed)
    del read
    order: list[tuple[Any, str, int, str]] = []  # (date, id, place in the walk, file)
    values: dict[str, Any] = {}  # bytes; of `attendance` also (bytes, numbers) (_each_kept)
    skeletons: dict[str, Any] = {}  # file: Skeleton, or Resolving
    for place, rel in enumerate(walked):
        result.files += 1
        if rel in kept:
            problems, value, resolving = kept.pop(rel)
            if problems:
                shown = shown_path(result, printable(rel))
                result.problems.extend(Problem(shown, *p[1:]) for p in problems)
        elif rel in not_read:
            problem = not_read[rel]
            shown = shown_path(result, printable(rel))
            result.problems.append(
                Problem(shown, problem.line, problem.severity, problem.code, problem.message)
            )
            continue
        else:
            continue
        if resolving is None:
            continue
        if value is not None:
            values[rel] = value
        skeletons[rel] = resolving
        order.append((resolving[0], resolving[1], place, rel))
    del kept, walked
    # archive.resolve of what it reads, not of records: the archive's order (a stable sort
    # of the walk's), the task ids defined twice, the groups' names.
    order.sort()
    ordered = [rel for _date, _id, _place, rel in order]
    del order
    selected: list[Any] = []
    chosen: list[Task] = []
    whole: list[Minutes] = []
    if view is None or view.tasks is not None:
        keep = statuses if view is None else frozenset(view.statuses)
        picked = None if view is None else view.tasks
        chosen, whole = _resolved(result, ordered, skeletons, keep, picked)
        if view is not None:  # packed one at a time, each task let go of once packed
            chosen.reverse()
            while chosen:
                selected.append(pack_task(chosen.pop()))
    # The ids defined twice are found from their hashes first, so that only theirs are mapped to
    # where they were first defined (a map of every id was some 45 MB at 100,000 files).
    no_tasks = view is not None and view.tasks is None
    hashes: list[int] = []
    for rel in ordered if no_tasks else ():
        if (defined := skeletons[rel][4]) is not None:
            hashes.extend(map(hash, marshal.loads(defined)[::2]))
    twice = _twice(hashes)
    del hashes
    by_id: dict[str, tuple[str, int]] = {}
    for rel in ordered if no_tasks else ():
        _day, _minutes_id, slug, group, defined = skeletons[rel][:5]
        # As resolve: the groups in the order of their first minutes, named by their last.
        result.group_names[slug] = group
        if defined is None or not twice:
            continue
        flat = marshal.loads(defined)
        for task_id, line in zip(flat[::2], flat[1::2], strict=True):
            if hash(task_id) not in twice:
                continue
            first = by_id.get(task_id)
            if first is not None:
                result.problems.append(
                    duplicate_task(
                        shown_path(result, rel), line, task_id, shown_path(result, first[0]), first[1]
                    )
                )
            else:
                by_id[task_id] = (rel, line)
    del by_id, twice
    joins: list[Minutes] = []
    if isinstance(view, Steps):  # the records that record joins or leaves, in order
        joins = [
            unpack_attendance([marshal.loads(s[5])])[0] for s in map(skeletons.__getitem__, ordered) if s[5]
        ]
        if joins:
            # The minutes of the groups whose members these change are parsed again (in the
            # workers again), their steps made with the members over time; no other file is
            # parsed twice.
            lone = Archive(root=root, shown_root=shown_root, config=config)
            lone.minutes = joins
            again = Steps(view.made, lone)
            changed = [rel for rel in ordered if again.changes(skeletons[rel][2])]
            for rel, (_problems, value, _skeleton) in _each_kept(
                base, changed, config, again, None, None, [], people=people
            ):
                values[rel] = value
    where = [(s[0], s[2], s[5]) for s in map(skeletons.__getitem__, ordered)] if keys else None
    del skeletons
    sample = None
    if view is not None:
        # The view's `finish` reads one record whole at most (the names of `list`'s fields):
        # when the workers parsed every file, one is parsed again.
        sample = taken[0] if taken else loading._parse_file(base, ordered[0], config)[0] if ordered else None
    head = TaskSnapshot.of(result)
    head.tasks = chosen
    in_order = [values.pop(rel) for rel in ordered if rel in values] if values else []
    del values, ordered
    made = Cold(head, in_order, sample, selected, whole, where)
    made.joins = joins
    if people is not None:
        made.people = list(people)
    return made


def _latest(parsed: Iterable[tuple[str, Kept]]) -> dict[str, Kept]:
    """What `parsed` keeps of each file, each value let go of as soon as a later minutes of its
    group has come (by date and id), unless its minutes record joins or leaves: the values of a
    `remind` are not all held at the end of the parse (some 37 MB at 100,000 files). The
    archive's order is by date and id, and no two minutes have one id (a minutes id is its
    file's path without `.md`)."""
    best: dict[str, tuple[tuple[Any, str], str]] = {}  # each group's latest so far, and its file
    kept: dict[str, Kept] = {}
    for rel, (found, value, resolving) in parsed:
        if resolving is not None:
            slug, mine = resolving[_SLUG], (resolving[_DAY], resolving[_ID])
            other = best.get(slug)
            if other is None or other[0] < mine:
                best[slug] = (mine, rel)
                if other is not None and not (earlier := kept[other[1]])[2][_JOINS]:
                    kept[other[1]] = (earlier[0], None, earlier[2])
            elif not resolving[_JOINS]:
                value = None
        kept[rel] = (found, value, resolving)
    return kept


def _twice(hashes: list[int]) -> set[int]:
    """The values that `hashes` holds more than once (it is sorted): of task ids' hashes, those
    of every id defined twice, and of a few others at most (two ids of one hash)."""
    hashes.sort()
    return {h for h, following in pairwise(hashes) if h == following}


class _State:
    """The tasks' state as resolving them changes it, each task (the first of its id) by its
    number in the order they are defined (`number`, by id): its status, owner, deadline as
    written, kind of deadline and deadline, one list each, and where it is defined (the
    minutes' place in the archive's order, the task's place in the minutes), one array each.
    A short list per task was some 55 MB at 200,000 tasks; these are some 35."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.status: list[str] = []
        self.owner: list[str | None] = []
        self.due: list[str | None] = []
        self.kind: list[str | None] = []
        self.deadline: list[Any] = []
        self.at = array("i")
        self.nth = array("i")

    def own(self, n: int) -> tuple[Any, ...]:
        """The resolved status, owner, deadline as written, kind of deadline, deadline of `n`."""
        return self.status[n], self.owner[n], self.due[n], self.kind[n], self.deadline[n]


def defined_tasks(
    result: Archive,
    ordered: list[str],
    skeletons: dict[str, Any],
    after: dict[str, Any],
    twice: dict[str, list[int]] | None = None,
) -> _State:
    """The first step of resolving: each task id's first definition numbered with its state as
    defined (`after`: each minutes' next meeting, for deadlines `do příštího jednání`); the ids
    defined again and the groups' names (as resolve: in the order of their first minutes, named
    by their last) put into `result`; with `twice`, each id defined again with the places (in
    `ordered`) of the minutes defining it, the first first (for STATE: firstbuild.py)."""
    loads, dates = marshal.loads, _DATES
    state = _State()
    number, known = state.number, state.number.get
    # Each task added to the state's lists here, not by a method (a call per task was a fifth
    # of this step).
    statuses, owners, dues, kinds, deadlines = (
        state.status.append, state.owner.append, state.due.append, state.kind.append, state.deadline.append
    )  # fmt: skip
    ats, nths = state.at.append, state.nth.append
    names = result.group_names
    count = 0
    for at, rel in enumerate(ordered):
        found = skeletons[rel]
        names[found[_SLUG]] = found[_GROUP]
        if found[_TASKS] is None:
            continue
        minutes_id = found[_ID]
        for nth, t in enumerate(loads(found[_TASKS])):
            first = known(t[0])
            if first is not None:  # the line where it was first defined: read again (rare)
                where = ordered[state.at[first]]
                line = loads(skeletons[where][_TASKS])[state.nth[first]][7]
                result.problems.append(
                    duplicate_task(shown_path(result, rel), t[7], t[0], shown_path(result, where), line)
                )
                if twice is not None:
                    twice.setdefault(t[0], [state.at[first]]).append(at)
                continue
            kind = t[5]
            number[t[0]] = count
            count += 1
            statuses(t[6])
            owners(t[2])
            dues(t[3])
            kinds(kind)
            deadlines(after[minutes_id] if kind == "next_meeting" else None if t[4] is None else dates[t[4]])
            ats(at)
            nths(nth)
    return state


def _resolved(
    result: Archive,
    ordered: list[str],
    skeletons: dict[str, Any],
    statuses: frozenset[str],
    picked: Callable[[Task], bool] | None,
) -> tuple[list[Task], list[Minutes]]:
    """archive.resolve of the minutes' Resolving (in the archive's order `ordered`), without
    their records: the task ids defined twice and the groups' names into `result`; (the tasks
    of `statuses` that `picked` selects, in the order they are defined, their histories made
    when `picked` is given; the records kept whole, their tasks resolved as archive.resolve
    resolves them). Each task's state is a few slots of _State; a Task is made only for those
    kept, and the updates, kept as bytes per minutes, are read once for the statuses and once
    more for the histories wanted. At 100,000 files the tasks resolved with their histories
    were some 200 MB."""
    loads = marshal.loads
    after = next_meeting_dates(
        [(s[_ID], s[_SLUG], s[_DAY], s[_NEXT]) for s in map(skeletons.__getitem__, ordered)]
    )
    state = defined_tasks(result, ordered, skeletons, after)
    number = state.number

    def updates(found: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(the task's number, the update) of the updates of one minutes that change a task (the
        rest are unmatched: check.py)."""
        day, minutes_id = found[_DAY], found[_ID]
        done, loose = loads(found[_UPDATES])
        for update in [*done, *(u for u in loose if u[0] in number)]:
            n = number.get(update[0])
            if n is not None:
                defined = skeletons[ordered[state.at[n]]]
                if (day, minutes_id) > (defined[_DAY], defined[_ID]):
                    yield n, update

    status, owner, due, kinds, deadlines = state.status, state.owner, state.due, state.kind, state.deadline
    # Each update that changes a task: its minutes' place and the task's number, for the
    # histories below (only the minutes that update a task kept are read again).
    updated_at, updated = array("i"), array("i")
    for at, rel in enumerate(ordered):
        found = skeletons[rel]
        if found[_UPDATES] is None:
            continue
        day, minutes_id = found[_DAY], found[_ID]
        for n, (_id, changed, _note, _line, _source, written, handed) in updates(found):
            updated_at.append(at)
            updated.append(n)
            status[n] = changed
            if handed:  # handed over, from this meeting on
                owner[n] = handed
            if written is not None:  # a new deadline, from this meeting on
                read = parse_deadline(written, day)
                due[n], kinds[n] = written, read.kind
                deadlines[n] = after[minutes_id] if read.kind == "next_meeting" else read.end
            elif changed == "open" and kinds[n] == "next_meeting":
                deadlines[n] = after[minutes_id]  # carried on: to the meeting after this one
    histories: dict[str, Task] = {}  # the tasks whose histories are made, by id
    chosen: list[Task] = []
    kept: list[Minutes] = []
    # The minutes that define a task of `statuses`: only their tasks are read again (`agenda`'s
    # open tasks are defined in some 600 minutes of 10,000).
    defining = bytearray(len(ordered))
    for at, resolved in zip(state.at, status, strict=True):
        if resolved in statuses:
            defining[at] = 1
    for at, rel in enumerate(ordered):
        found = skeletons[rel]
        record = found[_WHOLE]
        if record is not None:
            minutes = record if isinstance(record, Minutes) else unpack(record)[0]
            assert minutes is not None
            kept.append(minutes)
            for nth, task in enumerate(minutes.tasks):
                n = number[task.id]
                if state.at[n] == at and state.nth[n] == nth:
                    _resolve_task(task, state.own(n), found, rel)
                    histories[task.id] = task
                elif task.deadline_kind == "next_meeting":
                    task.deadline = after[found[_ID]]
        if found[_TASKS] is None or not statuses:
            continue
        # Read for the last time: let go of (some 45 MB at 100,000 files) as the tasks are made.
        skeletons[rel] = (*found[:_TASKS], None, found[_UPDATES], None, found[_JOINS])
        if not defining[at]:
            continue
        tasks = loads(found[_TASKS])
        for nth, t in enumerate(tasks):
            n = number[t[0]]
            if state.at[n] != at or state.nth[n] != nth or status[n] not in statuses:
                continue
            task = _task(t, found, rel)
            _resolve_task(task, state.own(n), None, rel)
            if picked is None:
                chosen.append(task)
            elif picked(task):  # its history's first step (the deadline as parsed): only if kept
                task.history = [
                    StatusChange(found[_ID], found[_DAY], task.initial_status, None, rel, t[7], t[3])
                ]
                chosen.append(task)
                histories[t[0]] = task
    if histories:
        wanted = {number[task_id] for task_id in histories}
        read_again = sorted({at for at, n in zip(updated_at, updated, strict=True) if n in wanted})
        for at in read_again:
            rel = ordered[at]
            found = skeletons[rel]
            for _n, (_id, changed, note, line, _source, written, _owner) in updates(found):
                made = histories.get(_id)
                if made is not None:
                    made.history.append(
                        StatusChange(found[_ID], found[_DAY], changed, note, rel, line, written)
                    )
    return chosen, kept


def _resolve_task(task: Task, own: tuple[Any, ...], found: Any, rel: str) -> None:
    """`task` as parsed given its resolved state `own`; with its minutes' Resolving `found`,
    the first step of its history too (the updates' steps are added after)."""
    if found is not None:
        task.history = [
            StatusChange(found[_ID], found[_DAY], task.initial_status, None, rel, task.line, task.due)
        ]
    task.status, task.owner, task.due, task.deadline_kind, task.deadline = own[:5]


def cold_one(
    archive: str | os.PathLike[str] | None, ref: str, progress: Progress | None
) -> tuple[Archive, Minutes | None] | None:
    """`kpss show --no-cache`: the minutes Archive.find_minutes finds (by id or path), whole,
    with its tasks resolved across the archive, and the archive's problems, groups and
    configuration without minutes; the other records are not held (cold_view: what resolving
    reads of them). None where workers cannot be forked."""
    made = cold_parts(archive, None, progress, wanted=ref)
    if made is None:
        return None
    head = made.head
    loaded = Archive(Path(head.root), head.shown_root, head.config)
    loaded.problems, loaded.group_names, loaded.files = head.problems, head.group_names, head.files
    return loaded, made.whole[0] if made.whole else None


def cold_tasks(
    archive: str | os.PathLike[str] | None, statuses: Iterable[str], progress: Progress | None
) -> TaskSnapshot | None:
    """`kpss tasks --no-cache`: the tasks of `statuses` and the open ones (an overdue task is
    open whatever statuses are asked for: meetings/query.find_tasks), without their histories
    (the listing reads none), and the archive's problems, groups and configuration: resolved
    from what cold_view keeps of each file, no record held. None where workers cannot be
    forked."""
    made = cold_parts(archive, None, progress, statuses={"open", *statuses})
    return None if made is None else made.head


def load_view(
    archive: str | os.PathLike[str] | None,
    name: str,
    build: Any,
    *,
    use_index: bool = True,
    progress: Progress | None = None,
    **options: Any,
) -> tuple[TaskSnapshot, Any]:
    """loading.load_view; without the index (`--no-cache`), a view of one value per minutes is
    made here (cold_view), no record held."""
    if not use_index and isinstance(build, EachMinutes):
        made = cold_parts(archive, build, progress)
        if made is not None:
            return made.head, made.finished(build)
    return loading.load_view(archive, name, build, use_index=use_index, progress=progress, **options)


def load_attendance(
    archive: str | os.PathLike[str] | None = None,
    *,
    use_index: bool = True,
    progress: Progress | None = None,
    tally: TallySteps | None = None,
) -> Archive:
    """loading.load_attendance; without the index, its view made here (cold_view) and its
    minutes records made one at a time as they are gone through (ColdMinutes). `tally`
    (`attendance` by person): no records, the steps it makes of each minutes (ColdSteps)."""
    if not use_index:
        made = cold_parts(archive, ATTENDANCE_VIEW, progress, keys=True, tally=tally)
        if made is not None:
            values, where, people = made.kept, made.where, made.people
            result = attendance_archive(made.head, [])
            at = [(day, slug) for day, slug, _joins in where]
            if tally is not None:
                result.minutes = ColdSteps(values, at, made.joins, people)
                return result
            joins = [
                unpack_attendance([_named_value(value, people)])[0]
                for value, at in zip(values, where, strict=True)
                if at[2]
            ]
            result.minutes = ColdMinutes(values, at, joins, people)
            return result
    return loading.load_attendance(archive, use_index=use_index, progress=progress)


class ColdMinutes(list):  # type: ignore[type-arg]  # of Minutes
    """The minutes of a cold `kpss attendance` (Archive.minutes), in the archive's order, each
    record made from its view's bytes (packing.attendance_view, by marshal) as it is gone
    through and let go of after: they are never all held (at 100,000 minutes the records were
    some 270 MB). `select` keeps those of some groups and dates (meetings/query.
    filter_minutes) without making the records; `with_membership` holds the records that
    record joins or leaves, all that membership over time reads (meetings/membership.
    all_members). Only gone through (`for`, `len`): the list itself stays empty."""

    def __init__(
        self,
        values: list[Any],
        where: list[tuple[Any, str]],
        joins: list[Minutes],
        people: list[tuple[Any, ...]],
    ) -> None:
        super().__init__()
        self.values = values  # as cold_view keeps them: their people numbered (_numbered)
        self.where = where  # each minutes' (date, group's slug)
        self.with_membership = joins
        self.people = people

    def __iter__(self) -> Iterator[Minutes]:
        people = self.people
        for value in self.values:
            yield unpack_attendance([_named_value(value, people)])[0]

    def __len__(self) -> int:
        return len(self.values)

    def select(self, slugs: Container[str] | None, since: Any, until: Any) -> ColdMinutes:
        """The minutes of the groups `slugs` (any: None) held between `since` and `until`."""
        chosen = [
            at
            for at, (day, slug) in enumerate(self.where)
            if (slugs is None or slug in slugs)
            and (since is None or day >= since)
            and (until is None or day <= until)
        ]
        values, where = self.values, self.where
        return type(self)(
            [values[at] for at in chosen], [where[at] for at in chosen], self.with_membership, self.people
        )


class ColdSteps(ColdMinutes):
    """The minutes of a cold `kpss attendance` by person: of each, not its record but what the
    meeting does to each person's tally (Steps), read by meetings/attendance.by_person."""

    def __iter__(self) -> Iterator[Minutes]:
        raise TypeError("the minutes of a cold count by person are steps, not records")

    def steps(self) -> Iterator[tuple[str, Iterable[tuple[tuple[Any, ...], int]]]]:
        """(the group's slug, ((key, name, org), code) of each step) of each meeting, in order;
        the steps made as they are gone through (by map and zip: no list of them)."""
        person, loads = self.people.__getitem__, marshal.loads
        for value, (_day, slug) in zip(self.values, self.where, strict=True):
            if isinstance(value, bytes):  # numbered in this process's table
                flat = loads(value)
                yield slug, zip(map(person, flat[::2]), flat[1::2], strict=True)
            else:  # in a worker's: `numbers` maps it to this process's
                data, numbers = value
                flat = loads(data)
                yield slug, zip(map(person, map(numbers.__getitem__, flat[::2])), flat[1::2], strict=True)

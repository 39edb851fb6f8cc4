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
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from sys import intern
from typing import Any

from ..core.config import Config
from ..core.errors import Problem
from ..core.model import Minutes
from ..minutes import parse  # noqa: F401 - imported before the workers fork, who then have it
from . import loading
from .archive import (
    Archive,
    FileStat,
    TaskSnapshot,
    _relative_ref,
    duplicate_task,
    printable,
    resolve,
    resolve_root,
    shown_path,
)
from .config import load_config
from .loading import (
    ATTENDANCE_VIEW,
    EachMinutes,
    Lean,
    Progress,
    Walk,
    _collector_paused,
    _end_with,
    _inspect,
    _loaded,
    attendance_archive,
    walk_archive,
)
from .packing import MARSHAL_VERSION, make_lean, pack, pack_task, unpack, unpack_lean

# What a parsed file leaves: (its problems as tuples, the view's value or None, what resolving
# reads: a Skeleton, or the lean record packed, or None when the file holds no minutes).
Kept = tuple[list[tuple[Any, ...]] | None, bytes | None, Any]
# The minutes' date, id, group's slug and name, and (id, line) of each task it defines.
Skeleton = tuple[Any, str, str, str, tuple[tuple[str, int], ...]]

_worker_view: list[tuple[Config, EachMinutes]] = []  # set once in each worker (_start)


def _kept(base: str, rel: str, config: Config, view: EachMinutes, sample: list[Minutes] | None) -> Kept:
    """What the view keeps of the file `rel` (Kept). In a worker (`sample` None) a lean record
    is sent as bytes; in this process it is the record itself, and the first minutes parsed
    is kept whole in `sample` (the view's `finish` reads one record). The value is kept as
    marshal's bytes (UTF-8: Czech text takes about half the room of a `str`), unpacked when
    the view is put together."""
    minutes, problems = loading._parse_file(base, rel, config)
    found = [(p.path, p.line, p.severity, p.code, p.message) for p in problems] if problems else None
    if minutes is None:
        return found, None, None
    value = marshal.dumps(view.each(minutes), MARSHAL_VERSION)
    whole = sample is not None and not sample
    if whole:
        sample.append(minutes)  # type: ignore[union-attr]
    if view.tasks is None:
        tasks = tuple((t.id, t.line) for t in minutes.tasks) if minutes.tasks else ()
        return (
            found,
            value,
            (minutes.date, minutes.id, intern(minutes.group_slug), intern(minutes.group), tasks),
        )
    if whole:
        return found, value, minutes  # kept whole, as a lean load keeps its sample
    make_lean(minutes)
    return found, value, pack((minutes, [])) if sample is None else minutes


def _start(config: Config, view: EachMinutes, parent: int) -> None:
    _end_with(parent)
    _worker_view.append((config, view))


def _chunk(base: str, chunk: list[str]) -> list[Kept]:
    config, view = _worker_view[0]
    return [_kept(base, rel, config, view, None) for rel in chunk]


def _each_kept(
    base: str,
    rels: list[str],
    config: Config,
    view: EachMinutes,
    progress: Progress | None,
    sample: list[Minutes],
) -> Iterator[tuple[str, Kept]]:
    """(file, Kept) of each of `rels`, in no set order: parsed in this process and in forked
    workers, shared as loading._parse_many shares them; the first minutes this process
    parses is kept whole in `sample`."""
    workers = min(os.cpu_count() or 1, 8)
    size = min(250, max(50, len(rels) // (workers * 32)))
    chunks = [rels[i : i + size] for i in range(0, len(rels), size)]
    done = 0

    def here(chunk: list[str]) -> Iterator[tuple[str, Kept]]:
        nonlocal done
        for rel in chunk:
            yield rel, _kept(base, rel, config, view, sample)
        done += len(chunk)
        if progress:
            progress(done, len(rels))

    if len(rels) < loading.PARALLEL_FROM or workers < 2:
        for chunk in chunks:
            yield from here(chunk)
        return
    with ProcessPoolExecutor(
        max_workers=workers - 1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start,
        initargs=(config, view, os.getpid()),
    ) as pool:
        pending = deque((chunk, pool.submit(_chunk, base, chunk)) for chunk in chunks)
        while pending:  # as loading._parse_many: the workers from the front, this process from the back
            if not pending[0][1].done() and pending[-1][1].cancel():
                yield from here(pending.pop()[0])
            else:
                chunk, future = pending.popleft()
                yield from zip(chunk, future.result(), strict=True)
                done += len(chunk)
                if progress:
                    progress(done, len(rels))


class Cold:
    """A cold view's parts: the archive's head (problems, groups, configuration, no tasks),
    its minutes' values in the archive's order (`values()`, each unpacked as it comes: once),
    one record whole (`sample`, the first in order) and the tasks the view selects, packed."""

    def __init__(
        self,
        head: TaskSnapshot,
        order: list[str],
        values: dict[str, bytes],
        sample: Minutes | None,
        selected: list[Any],
    ) -> None:
        self.head = head
        self.order = order
        self.kept = values
        self.sample = sample
        self.selected = selected

    def values(self) -> Iterator[Any]:
        kept, loads = self.kept, marshal.loads
        for rel in self.order:
            yield loads(kept.pop(rel))
        self.order = []

    def finished(self, view: EachMinutes) -> Any:
        """The view, as the archive loaded whole gives it (EachMinutes.__call__)."""
        return view.finish(list(self.values()), self.sample, self.selected)


def cold_parts(
    archive: str | os.PathLike[str] | None, view: EachMinutes, progress: Progress | None
) -> Cold | None:
    """cold_view of the archive (default: found from the current folder), walked now."""
    root, shown_root = resolve_root(archive)
    return cold_view(root, shown_root, walk_archive(root), view, progress)


def cold_view(
    root: str, shown_root: str, walk: Walk, view: EachMinutes, progress: Progress | None
) -> Cold | None:
    """The parts of the view (Cold) of the archive as `walk` found it, parsed without the
    index; None where workers cannot be forked (the caller loads the archive lean)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    folder = Path(root)
    config = load_config(folder, shown_root)
    with _collector_paused(freeze=True):
        return _made(folder, shown_root, config, walk, view, progress)


def _made(
    root: Path, shown_root: str, config: Config, walk: Walk, view: EachMinutes, progress: Progress | None
) -> Cold:
    # As loading._load puts the archive's problems together: kpss.yaml's, the unreadable
    # folders', each file's in the walk's order, then those of resolving the tasks.
    result = Archive(root=root, shown_root=shown_root, config=config)
    result.problems.extend(config.problems)
    files, unreadable, _started = walk
    base = str(root)
    stats: dict[str, FileStat] = {}
    not_read: dict[str, Problem] = {}
    for rel, found in files:
        stat, problem = _inspect(base, rel, found)
        if problem:
            not_read[rel] = problem
        elif stat is not None:
            stats[rel] = stat
    result.problems.extend(loading.unreadable_folders(result, unreadable, shown_root))
    taken: list[Minutes] = []
    kept: dict[str, Kept] = dict(_each_kept(base, list(stats), config, view, progress, taken))
    del stats
    order: list[tuple[Any, str, int, str]] = []  # (date, id, place in the walk, file)
    values: dict[str, bytes] = {}
    skeletons: dict[str, Skeleton] = {}
    for place, (rel, _own) in enumerate(files):
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
        if resolving is None or value is None:
            continue
        values[rel] = value
        if view.tasks is None:
            skeletons[rel] = resolving
            order.append((resolving[0], resolving[1], place, rel))
        else:
            minutes = unpack_lean(resolving)[0] if isinstance(resolving, bytes) else resolving
            assert minutes is not None
            result.minutes.append(minutes)
    del kept
    selected: list[Any] = []
    if view.tasks is None:
        # archive.resolve of records that hold only what it reads: the archive's order (a
        # stable sort of the walk's), the task ids defined twice, the groups' names.
        order.sort()
        by_id: dict[str, tuple[str, int]] = {}
        for _date, _id, _place, rel in order:
            _day, _minutes_id, slug, group, tasks = skeletons[rel]
            # As resolve: the groups in the order of their first minutes, named by their last.
            result.group_names[slug] = group
            for task_id, line in tasks:
                first = by_id.get(task_id)
                if first is not None:
                    result.problems.append(
                        duplicate_task(
                            shown_path(result, rel), line, task_id, shown_path(result, first[0]), first[1]
                        )
                    )
                else:
                    by_id[task_id] = (rel, line)
        del skeletons, by_id
        ordered = [rel for _date, _id, _place, rel in order]
        del order
    else:
        resolve(result)
        chosen = view.tasks
        selected = [pack_task(t) for t in result.tasks if chosen(t)]
        ordered = [m.path for m in result.minutes]
        result.minutes = []
        result.tasks = []
        result.unmatched_updates = []
        result._tasks_by_id = {}
    # The view's `finish` reads one record whole at most (the names of `list`'s fields): when
    # the workers parsed every file, one is parsed again.
    sample = taken[0] if taken else loading._parse_file(base, ordered[0], config)[0] if ordered else None
    head = TaskSnapshot.of(result)
    head.tasks = []
    return Cold(head, ordered, values, sample, selected)


class _Keeping(Lean):
    """A lean load (Lean) that keeps whole the records whose id or path is `wanted`."""

    def __init__(self, wanted: str) -> None:
        super().__init__()
        self.wanted = wanted

    def take(self, minutes: Minutes) -> None:
        if self.wanted not in (minutes.id, minutes.path):
            make_lean(minutes)

    def unpack(self, data: bytes) -> loading.Outcome:
        outcome = unpack_lean(data)
        found = outcome[0]
        return unpack(data) if found is not None and self.wanted in (found.id, found.path) else outcome


def cold_one(
    archive: str | os.PathLike[str] | None, ref: str, progress: Progress | None
) -> tuple[Archive, Minutes | None]:
    """`kpss show --no-cache`: the archive loaded lean (loading.Lean: the records keep what
    resolving the tasks reads, as a cold `kpss tasks` loads them) but for the minutes whose
    id or path is `ref`, kept whole; the minutes Archive.find_minutes finds, with its tasks
    resolved, and the archive's problems, groups and configuration without minutes. At
    100,000 files the records whole were some 570 MB."""
    root, shown_root = resolve_root(archive)
    keeping = _Keeping(_relative_ref(Path(root), shown_root, ref))
    loaded = _loaded(root, shown_root, None, False, progress, walk_archive(root), keeping)
    found = loaded.find_minutes(ref)
    loaded.minutes, loaded.tasks, loaded.unmatched_updates, loaded._tasks_by_id = [], [], [], {}
    return loaded, found


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
) -> Archive:
    """loading.load_attendance; without the index, its view made here (cold_view)."""
    if not use_index:
        made = cold_parts(archive, ATTENDANCE_VIEW, progress)
        if made is not None:
            return attendance_archive(made.head, made.finished(ATTENDANCE_VIEW))
    return loading.load_attendance(archive, use_index=use_index, progress=progress)

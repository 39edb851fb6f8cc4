"""Loading an archive: every minutes file parsed (in parallel when there are many), or taken
from the index when unchanged; or, for `kpss tasks`, the task snapshot (snapshot.py) when no
file changed."""

from __future__ import annotations

import contextlib
import errno
import gc
import marshal
import os
import stat as stat_module
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from ..core.config import Config
from ..core.errors import Problem, os_reason
from ..core.i18n import N_, _
from ..core.model import STATUSES, Minutes, Task
from ..minutes.source import MAX_FILE_SIZE
from .archive import (
    Archive,
    FileStat,
    Stamp,
    TaskSnapshot,
    printable,
    read_from_disk,
    resolve,
    resolve_root,
    shown_path,
    stamp_of,
    walk_files,
    watching,
)
from .config import CONFIG_NAME, load_config
from .files import NotAFile, read_regular
from .index import Index, Rollback, Row, Signed, Signer, blake2b
from .packing import (
    MARSHAL_VERSION,
    VALUES_ONLY,
    attendance_view,
    config_meaning,
    make_lean,
    pack,
    pack_task,
    unpack,
    unpack_attendance,
    unpack_lean,
    unpack_task,
)
from .snapshot import NO_STATE, ROWS, STATE, fingerprint, from_parts, status_kind, status_parts, status_rows
from .snapshot import folders as walk_folders

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import threading
    from pathlib import Path
    from typing import Any

    from .incremental import Entry
    from .snapshot import Ahead, Folders


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _resolved(path: str) -> str:
    """`path` with its links resolved; a RuntimeError for a loop of links, as pathlib's
    `resolve()` gives (which the warm path does not import)."""
    real = os.path.realpath(path)
    try:
        os.stat(real)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise RuntimeError(f"Symlink loop from {real!r}") from None
    return real


_KINDS = (
    (stat_module.S_ISFIFO, N_("a named pipe")),
    (stat_module.S_ISCHR, N_("a device")),
    (stat_module.S_ISBLK, N_("a device")),
    (stat_module.S_ISSOCK, N_("a socket")),
    (stat_module.S_ISDIR, N_("a folder")),
)


def _not_a_file(rel: str, mode: int) -> Problem:
    """The error for a pipe, device or socket named like minutes: never opened (opening a pipe
    waits for a writer, for ever), and every answer lacks it, so the user is told."""
    kind = _(next((name for test, name in _KINDS if test(mode)), N_("something else")))
    return Problem(
        rel,
        1,
        "error",
        "unreadable",
        _("cannot read the file: it is {kind}, not a regular file").format(kind=kind),
    )


def unreadable_folders(
    result: Archive, unreadable: Iterable[tuple[str, OSError]], shown_root: str
) -> Iterator[Problem]:
    """An error for each folder the walk could not read: its minutes would be missing from
    every answer, so it is said."""
    for folder, exc in unreadable:
        message = _("cannot read the folder: {reason}").format(reason=os_reason(exc))
        yield Problem(
            shown_path(result, folder) if folder else shown_root, None, "error", "unreadable", message
        )


def _inspect(root: str, rel: str, own: FileStat | OSError) -> tuple[FileStat | None, Problem | None]:
    """(the file's stat when kpss should read it, else why not: links, other kinds of files,
    size, permissions, a name that is not UTF-8), from its own stat (`own`, or the error it
    gave). Only regular files are ever read; a link inside the archive is not read itself,
    what it points to is judged on its own."""
    if not rel.isascii() and printable(rel) != rel:
        # Bytes that are not UTF-8 (a zip made on a Czech Windows, say): such a name cannot be
        # shown, indexed or written to JSON as it is. Said once, escaped; the rest goes on.
        message = _("cannot read the file: its name is not UTF-8; rename it")
        return None, Problem(rel, 1, "error", "unreadable", message)
    try:
        if isinstance(own, OSError):
            raise own
        if stat_module.S_ISREG(own.st_mode):
            stat = own
        elif not stat_module.S_ISLNK(own.st_mode):
            return None, _not_a_file(rel, own.st_mode)
        elif _inside(_resolved(os.path.join(root, rel)), os.path.realpath(root)):
            return None, None  # the file it points to is read on its own
        else:
            return None, Problem(
                rel, 1, "warning", "symlink-outside", _("a link to a file outside the archive; skipped")
            )
    except FileNotFoundError:
        return None, None  # vanished while we were reading: no longer part of the archive
    except (OSError, RuntimeError) as exc:  # permissions, symlink loops
        return None, Problem(
            rel, 1, "error", "unreadable", _("cannot read the file: {reason}").format(reason=os_reason(exc))
        )
    if stat.st_size > MAX_FILE_SIZE:
        return None, _too_large(rel, stat.st_size)
    return stat, None


def _too_large(rel: str, size: int) -> Problem:
    limit = MAX_FILE_SIZE // 1024 // 1024
    message = _("file is {size:.1f} MiB, over the {limit} MiB limit for minutes").format(
        size=size / 1024 / 1024, limit=limit
    )
    return Problem(rel, 1, "error", "too-large", message)


Outcome = tuple[Minutes | None, list[Problem]]  # problems name the file by its relative path


def _parse_file(base: str, rel: str, config: Config, keep_body: bool = False) -> Outcome:
    """Parse the file `rel` below the folder `base`; the record's Markdown body is kept only
    with `keep_body` (a cold `check` reads it for the quorum rule: the file is then read once)."""
    from ..minutes.parse import parse_minutes  # only when something is to be parsed: warm runs skip YAML

    if watching:
        read_from_disk(rel)
    try:
        data = read_regular(f"{base}/{rel}", MAX_FILE_SIZE)
    except NotAFile as exc:  # put in the file's place since the walk
        return None, [_not_a_file(rel, exc.mode)]
    except FileNotFoundError:
        return None, []
    except OSError as exc:
        return None, [
            Problem(
                rel,
                1,
                "error",
                "unreadable",
                _("cannot read the file: {reason}").format(reason=os_reason(exc)),
            )
        ]
    if len(data) > MAX_FILE_SIZE:  # walked without its size (archive.UNSTATED), or grown since
        try:
            size = os.lstat(f"{base}/{rel}").st_size
        except OSError:
            size = len(data)
        return None, [_too_large(rel, size)]
    minutes, problems = parse_minutes(data, rel, rel, config)
    if minutes is not None and not keep_body:
        minutes.body = None  # only `show` and `render` need it, and read it again (Archive.load_body)
    return minutes, problems


_worker_config: list[Config] = []  # set once in each worker process (_start_worker)
_worker_signer: list[Signer] = []  # the same, on a first build (_parse_many)


def _start_worker(config: Config, parent: int, signer: Signer | None = None) -> None:
    """Keep the configuration (and the signer of a first build) in a worker for all its
    chunks (and its caches of people), and make the worker end with the process that started
    it (`parent`)."""
    _end_with(parent)
    _worker_config.append(config)
    if signer is not None:
        _worker_signer.append(signer)


def _end_with(parent: int) -> None:
    """Make this worker end when `parent` does. A parent killed outright (kill -9, the OOM
    killer) cannot stop its workers, and a forked worker holds both ends of the pool's pipes,
    so it would wait for work for ever, holding the parent's stdout: `kpss tasks | wc` would
    never end. A worker writes nothing to stdout, so it lets go of it at once; on Linux the
    kernel kills it when the parent dies (PR_SET_PDEATHSIG: the parent is the thread that
    forked it, the main thread here); elsewhere a thread of the worker watches for the parent
    to go."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    if sys.platform == "linux":
        import ctypes
        import signal

        try:
            done = ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            done = False
        if done:
            if os.getppid() != parent:  # it died before the request was made
                os._exit(1)
            return
    if os.name == "nt":
        return  # its workers are not forked: they end when the parent's pipes close with it
    import threading

    threading.Thread(target=_watch, args=(parent,), name="kpss-watch-parent", daemon=True).start()


def _watch(parent: int) -> None:
    """End this process once `parent` has gone (an orphan gets another parent)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


# A file parsed on a first build: the signature of its row (Index.update) and its rows of the
# snapshot's tables FILE, MEET and REF (incremental.entry_rows), signed (Signer).
SignedFile = tuple[bytes, list[Signed]]
Chunk = list[tuple[str, "Stamp | None"]]  # files to parse, with their stamps on a first build


def _signed(rel: str, stamp: Stamp, outcome: Outcome, blob: bytes, signer: Signer) -> SignedFile:
    """A parsed file's row signed, and its rows of the snapshot's per-file tables."""
    from .incremental import signed_rows, stamped_entry

    found = stamped_entry(stamp, outcome[1], outcome[0])
    return signer.file(rel, *stamp, blob), signed_rows(rel, found, signer)


def _parse_chunk(base: str, chunk: Chunk) -> list[tuple[bytes, SignedFile | None]]:
    """Parse files in a worker process; the packed outcomes (packing.py) travel back and go into
    the index as they are, with, on a first build, their rows of the snapshot's tables made
    and signed here (the parent only writes them)."""
    config = _worker_config[0]
    signer = _worker_signer[0] if _worker_signer else None
    found: list[tuple[bytes, SignedFile | None]] = []
    for rel, stamp in chunk:
        outcome = _parse_file(base, rel, config)
        blob = pack(outcome)
        signed = None if stamp is None or signer is None else _signed(rel, stamp, outcome, blob, signer)
        found.append((blob, signed))
    return found


PARALLEL_FROM = 300  # files to parse before a second process pays for itself


def _parse_here(
    base: str, chunk: Chunk, config: Config, packed: bool, signer: Signer | None
) -> Iterator[Parsed]:
    """Parse files in this process."""
    for rel, stamp in chunk:
        outcome = _parse_file(base, rel, config)
        blob = pack(outcome) if packed or signer is not None else None
        signed = None
        if signer is not None and stamp is not None and blob is not None:
            signed = _signed(rel, stamp, outcome, blob, signer)
        yield rel, outcome, blob, signed


# A file, its outcome, that packed (or None), and its signed rows on a first build (or None).
Parsed = tuple[str, Outcome, "bytes | None", "SignedFile | None"]


def _parse_many(
    root: Path,
    rels: list[str],
    config: Config,
    progress: Progress | None,
    packed: bool,
    lean: Lean | None,
    signer: Signer | None = None,
    stamps: dict[str, FileStat] | None = None,
) -> Iterator[Parsed]:
    """(file, outcome, its bytes when `packed` or made anyway, its signed rows) for each of
    `rels`, in no set order; parsed in parallel on every core when there are many. The
    workers' outcomes are unpacked for the `lean` load when there is one. With `signer` (a
    first build) and the files' `stamps`, each file's row is signed and its rows of the
    snapshot's per-file tables made where it is parsed (_signed)."""
    base = str(root)
    for rel in rels if watching else ():  # the workers' reads too
        read_from_disk(rel)
    workers = min(os.cpu_count() or 1, 8)
    # Chunks small enough that those a worker has already taken when this process runs out of
    # work (up to three: ProcessPoolExecutor queues ahead) end soon after.
    size = min(250, max(50, len(rels) // (workers * 32)))
    items: Chunk = [
        (rel, None if stamps is None else stamp_of(stamps[rel])) if signer is not None else (rel, None)
        for rel in rels
    ]
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    del items
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, len(rels))

    def here(chunk: Chunk) -> Iterator[Parsed]:
        yield from _parse_here(base, chunk, config, packed, signer)
        advance(len(chunk))

    if len(rels) < PARALLEL_FROM or workers < 2:
        for chunk in chunks:
            yield from here(chunk)
        return
    import multiprocessing  # only here: a warm run starts no process
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    from ..minutes import parse  # noqa: F401 - imported before the workers start, who then have it too

    def theirs(chunk: Chunk, future: Future[list[tuple[bytes, SignedFile | None]]]) -> Iterator[Parsed]:
        unpacked = unpack if lean is None else lean.unpack
        for (rel, _stamp), (blob, signed) in zip(chunk, future.result(), strict=True):
            yield rel, unpacked(blob), blob, signed  # made by this process's workers
        advance(len(chunk))

    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    )
    with ProcessPoolExecutor(
        max_workers=workers - 1,
        mp_context=context,
        initializer=_start_worker,
        initargs=(config, os.getpid(), signer),
    ) as pool:
        pending = deque((chunk, pool.submit(_parse_chunk, base, chunk)) for chunk in chunks)
        # The workers take the chunks from the front, this process from the back those no
        # worker has started (a future not yet running can be cancelled), taking in the
        # workers' outcomes whenever the first is done: whoever has more to do beside parsing
        # (this process unpacks the workers' outcomes and writes the index) parses less, and
        # all finish at about the same time. (A fixed share of the chunks for this process
        # left the worker idle while this process still parsed its share.)
        while pending:
            if not pending[0][1].done() and pending[-1][1].cancel():
                yield from here(pending.pop()[0])
            else:
                yield from theirs(*pending.popleft())


Progress = Callable[[int, int], None]
# (root, shown root, walk, statuses, progress): the snapshot, or None (firstbuild.first_tasks).
FirstTasks = Callable[[str, str, "Walk", Iterable[str], "Progress | None"], "TaskSnapshot | None"]


def load_archive(
    archive: str | os.PathLike[str] | None = None,
    *,
    config: Config | None = None,
    use_index: bool = True,
    progress: Progress | None = None,
) -> Archive:
    """Load every minutes file of an archive (default: found from the current folder).

    With `use_index`, files unchanged since the last run come from the index in `.kpss/`;
    `progress(done, total)` is called while many files are parsed.
    """
    root, shown_root = resolve_root(archive)
    return _loaded(root, shown_root, config, use_index, progress, walk_archive(root))


# (files, folders it could not read, when it began): see walk_archive
Walk = tuple[list[tuple[str, FileStat | OSError]], list[tuple[str, OSError]], int]


# A walk made by answers.load_answer just before it computes an answer, for the view that the
# computing reads (load_view) to take instead of walking the archive once more (at 100,000
# files a walk takes a fifth of a second). The answer is kept only when a walk after it finds
# the archive as this one did (answers.py).
handed: dict[str, Walk] = {}


def walk_archive(root: str, stats: bool = True) -> Walk:
    """The archive's candidate files with their own `lstat` (walk_files), the folders it
    could not read, and the time (time.time_ns) before it began: before any file was read.
    Without `stats` (runs that keep no index: nothing compares the files' stamps), regular
    files are not stat'ed (archive.UNSTATED): some 40 ms at 10,000 files, on one core before
    the workers start."""
    started = time.time_ns()
    unreadable: list[tuple[str, OSError]] = []
    return walk_files(root, unreadable, stats), unreadable, started


# A file changed shortly before it was read may change again within the same tick of its file
# system's clock, leaving size and times as they were: FAT keeps times in 2 s, SMB shares and
# older file systems in 1 s, and even ext4's nanoseconds come from a clock that ticks in
# milliseconds. Such a file's row, and a snapshot of the archive with it, are not kept until
# it has been still for SETTLED_NS since before the walk; they are read afresh next time
# (git's "racily clean" files). 2 s is FAT's tick, the coarsest of them; on finer file systems
# it also covers a second or so between this computer's clock and a file server's. More would
# only re-read recent edits a little longer.
SETTLED_NS = 2_000_000_000


def _settled(stat: FileStat | os.stat_result, started: int) -> bool:
    return max(stat.st_mtime_ns, stat.st_ctime_ns) <= started - SETTLED_NS


# A file not yet settled is built into the index (firstbuild.first_tasks) with the times
# -started of the walk that found it, as its modification and change times: no file has them
# (its change time is the kernel's clock), and no other walk gives them, so its row, and the
# snapshot of a walk with it, are never of the file as a later run finds it: it is read again
# next time, as a file not kept is. Older than any, they count as settled for the run that
# built them, which reads its answer from the index it built.
def unsettle(stat: FileStat, started: int) -> None:
    """Give a walk's stat of a file not yet settled the times no file has (see above)."""
    stat.st_mtime_ns = stat.st_ctime_ns = -started


# The index built without the records (firstbuild.build_index, which imports this module):
# given by the command line (commands/shared.py) for the runs that may keep the index.
# (root, shown root, walk, progress): the paths unsettled (unsettle), or None when not built.
BuildIndex = Callable[[str, str, "Walk", "Progress | None"], "set[str] | None"]
building: list[BuildIndex] = []


# Up to this many files a reading command's first build loads the archive whole, as before
# (not `built`): there the records fit well under the 250 MiB bar (issue #25: at 10,000 files
# the highest first-run peak was 142 MiB, `attendance`; peaks grow some 7-10 MiB per 1,000
# files, so some 160-180 MiB here), and the whole load answers from the records it holds,
# where the build without them reads its answer back out of the index: 10-25 % more CPU at
# 10,000 files (docs/performance.md, branch `firstmem2`). Above it the records would not fit
# (747 MiB for the first export at 100,000 files): the index is built without them.
WHOLE_LOAD_FILES = 12_000


def built(root: str, shown_root: str, walk: Walk, progress: Progress | None) -> Walk | None:
    """Where a run would load the archive to build or rebuild its index (no snapshot, or one that
    cannot be brought up to date): the index built without holding the records (`building`),
    and the archive walked again for the run to read its answer from the index as a warm run
    does (the build lets go of the walk's stats), the files built in unsettled given the same
    times (unsettle); None when not built (or the archive is small: WHOLE_LOAD_FILES): the
    caller loads the archive as before."""
    if not building or walk[1] or len(walk[0]) <= WHOLE_LOAD_FILES:
        return None
    unsettled = building.pop()(root, shown_root, walk, progress)  # once: the next tries read it
    if unsettled is None:
        return None
    again = walk_archive(root)
    if unsettled:
        for rel, own in again[0]:
            if rel in unsettled and not isinstance(own, OSError):
                unsettle(own, walk[2])
    return again


def _loaded(
    root: str,
    shown_root: str,
    config: Config | None,
    use_index: bool,
    progress: Progress | None,
    walk: Walk,
    lean: Lean | None = None,
) -> Archive:
    """The archive loaded; with `lean`, its minutes records keep only what resolving tasks
    reads (Lean)."""
    from pathlib import Path  # a whole archive is loaded: not the warm path

    folder = Path(root)
    config = config if config is not None else load_config(folder, shown_root)
    with _collector_paused(freeze=True):
        return _load(folder, shown_root, config, use_index, progress, walk, lean)


class Lean:
    """A load whose minutes records keep only what tasks read (packing.make_lean: their tasks,
    updates, next meeting and scalars) once each record's row is made. With `each` (an
    EachMinutes view's value of one record), `each` of every record is taken first (by path,
    in `values`) and one record is kept whole (`sample`); without it, records that come from
    the index or the workers as bytes are unpacked lean (packing.unpack_lean). At 100,000
    files the records whole are some 570 MB, most of it who attended, the agenda and the free
    keys, which neither `kpss tasks` nor the views of one value per minutes read from the
    loaded archive."""

    def __init__(self, each: Callable[[Minutes], Any] | None = None) -> None:
        self.each = each
        self.values: dict[str, Any] = {}
        self.sample: Minutes | None = None

    def take(self, minutes: Minutes) -> None:
        """Take what is wanted of a record just parsed, then let go of the rest."""
        if self.each is not None:
            self.values[minutes.path] = self.each(minutes)
            if self.sample is None:
                self.sample = minutes  # kept whole
                return
        make_lean(minutes)

    def unpack(self, data: bytes) -> Outcome:
        """A row's outcome (packing.pack's bytes), unpacked for this load."""
        return unpack(data) if self.each is not None else unpack_lean(data)


@contextlib.contextmanager
def _collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """The cycle collector paused for the block. Loading makes a few hundred thousand objects
    and frees none: the collector would only walk them again and again (it doubled the time on
    10,000 files). `freeze`: what was made is kept out of its sight afterwards; reference
    counting still frees it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if collecting:
            gc.enable()


def _distrust(index: Index, exc: Exception) -> None:
    """Mark the index to be rebuilt after `exc`, unless the index merely cannot be written."""
    from .index import _cannot_write

    if not _cannot_write(exc):
        index.damaged = True


def _load(
    root: Path,
    shown_root: str,
    config: Config,
    use_index: bool,
    progress: Progress | None,
    walk: Walk,
    lean: Lean | None = None,
) -> Archive:
    result = Archive(root=root, shown_root=shown_root, config=config)
    result.problems.extend(config.problems)  # kpss.yaml's bad members: reported, the rest goes on
    config_text = _config_bytes(root)
    meaning = lambda: config_meaning(config)  # noqa: E731 - asked only when kpss.yaml changed
    index = Index.open(root, config_text, meaning) if use_index else None
    seen: list[str] = []
    stats: dict[str, FileStat] = {}
    not_read: dict[str, list[Problem]] = {}  # links out, too large, unreadable
    files, unreadable, started = walk
    for rel, found in files:
        seen.append(rel)
        stat, problem = _inspect(str(root), rel, found)
        if problem:
            not_read[rel] = [problem]
        elif stat is not None:
            stats[rel] = stat
    result.problems.extend(unreadable_folders(result, unreadable, shown_root))
    # Unchanged files from the index, one row at a time (the rows are never all in memory).
    outcomes: dict[str, Outcome] = {}
    gone: list[str] = []
    if index is not None:
        try:
            for path, size, mtime_ns, ctime_ns, ino, data in index.rows():
                stat = stats.get(path)
                if stat is None:
                    gone.append(path)
                elif (
                    stat.st_size == size
                    and stat.st_mtime_ns == mtime_ns
                    and stat.st_ctime_ns == ctime_ns
                    and stat.st_ino == ino
                ):
                    # signed with this user's key, for this Python: index.py
                    outcomes[path] = outcome = unpack(data) if lean is None else lean.unpack(data)
                    if lean is not None and outcome[0] is not None:
                        lean.take(outcome[0])
        except Exception:  # whatever it was, the index is not to be trusted: rebuilt
            index.damaged = True
        if index.damaged:  # rebuilt from every file, now
            index.close()
            index = Index.open(root, config_text, meaning)
            outcomes, gone = {}, []
            if lean is not None:
                lean.values, lean.sample = {}, None
    pending = [rel for rel in stats if rel not in outcomes]
    # A first build (no file's row in the index): the rows of the snapshot's per-file tables
    # are made and signed where each file is parsed, on every core, and written with the
    # files' rows as they come (FirstBuild), not after the parse with one core idle.
    first = FirstBuild(index) if index is not None and pending and not outcomes else None
    batch: list[Row] = []
    for rel, outcome, blob, signed in _parse_many(
        root,
        pending,
        config,
        progress,
        index is not None,
        lean,
        None if first is None else first.signer,
        None if first is None else stats,
    ):
        outcomes[rel] = outcome
        if index and blob is not None and _settled(own := stats[rel], started):
            row = (rel, own.st_size, own.st_mtime_ns, own.st_ctime_ns, own.st_ino, blob)
            if first is not None and signed is not None:
                first.add(row, signed)
            else:
                batch.append(row)
                if len(batch) >= 1000:
                    index.update(batch, ())
                    batch = []
        if lean is not None and outcome[0] is not None:
            lean.take(outcome[0])  # its row is made: what the tasks do not need is let go of
    if index:
        index.update(batch, gone)
        if first is not None:
            first.finish()  # its tables written by a second thread meanwhile: first.join()
    ahead: Ahead | None = None
    settled = False
    try:
        if first is not None and not unreadable and first.added == len(files):
            # Made now, while the second thread writes the rows (the files' rows it reads are
            # not changed by resolving), and let go of before the tasks' histories are made.
            first.state(files, outcomes, stats, len(config.problems))
        for rel in seen:
            result.files += 1
            minutes, problems = outcomes.get(rel, (None, not_read.get(rel, [])))
            if problems:
                shown = shown_path(result, printable(rel))
                result.problems.extend(
                    Problem(shown, p.line, p.severity, p.code, p.message) for p in problems
                )
            if minutes is not None:
                result.minutes.append(minutes)
            elif rel in outcomes and is_not_minutes(rel, problems):
                result.not_minutes.append(rel)
        resolve(result)
        settled = index is not None and all(_settled(stat, started) for stat in stats.values())
        if settled and first is not None and first.writing():
            from .snapshot import Ahead  # a first build's

            if Ahead.wanted(result):  # the status tables' rows begun while the second thread writes
                ahead = Ahead(result, first.signer, first.writing)
    finally:
        if first is not None:
            first.join()
    if first is not None and first.made is not None and first.complete(len(files)):
        # STATE made and the tables written: the outcomes are in the records and problems now
        # (at 100,000 files some 20 MB, let go of before the status tables are written).
        outcomes.clear()
        stats.clear()
    if index:
        # Kept only when every file read was settled (SETTLED_NS): else it is taken again.
        if settled:
            digest = fingerprint(files, unreadable)
            if index.snapshot(digest, ("head", STATE)) is None:  # else it is current
                from .incremental import state_of  # not on the warm path
                from .snapshot import store

                if first is not None and not unreadable and first.complete(len(files)):
                    # The tables are written (their digests kept): STATE from the files' rows
                    # made one at a time, not every one held (some 60 MB at 100,000 files).
                    state, tables = first.state(files, outcomes, stats, len(config.problems))
                else:
                    links = _links(files, unreadable, not_read, outcomes)
                    state, tables = state_of(links, files, len(config.problems))
                store(index, digest, result, state, tables, ahead)
        index.close()
    return result


def is_not_minutes(rel: str, problems: list[Problem]) -> bool:
    """Whether a file read without minutes in it is a Markdown file that is not minutes (a
    finding of `kpss check`): no error made it unreadable, and it is no README.md."""
    return not any(p.is_error for p in problems) and rel.rpartition("/")[2].lower() != "readme.md"


class FirstBuild:
    """The rows of a first build written as the files are parsed: each file's row and its rows
    of the snapshot's tables FILE, MEET and REF, made and signed by the process that
    parsed it (_signed), in batches, each bucket's signatures kept for the tables' digests.
    The old snapshot goes with the first batch (its tables are rewritten). When a batch could
    not be written, or a file has no rows (a link in the archive, a file changed too recently
    to keep), the tables are made after the parse as before (`complete`)."""

    # Table rows per transaction (about 2,800 files): each commit writes every page it
    # touched, and a batch's rows fall in every bucket. At 1,000 files a time a 10,000-file
    # build took about 0.5 s more CPU in all than making the tables after the parse; at 25,000
    # rows about as much (peak 93 MiB; 100 at 50,000 rows, 75 before).
    BATCH = 25_000

    def __init__(self, index: Index) -> None:
        from .incremental import FILE_KINDS

        self.index = index
        self.signer = index.signer()
        self.kinds = FILE_KINDS
        self.macs: dict[str, dict[int, bytearray]] = {kind: {} for kind in FILE_KINDS}
        self.files: list[tuple[Row, bytes]] = []
        self.rows: list[Signed] = []
        self.count = 0  # files whose rows were written
        self.added = 0  # files whose rows were given (add)
        self.written = True  # every batch was
        self.cleared = False
        self.digests: dict[str, dict[int, bytes]] = {}
        self.behind: threading.Thread | None = None  # writing the rows put aside (finish)
        self.failed: BaseException | None = None
        self.made: tuple[bytes, dict[str, Any]] | None = None  # `state`, once made

    def add(self, row: Row, signed: SignedFile) -> None:
        self.added += 1
        self.files.append((row, signed[0]))
        self.rows += signed[1]
        macs = self.macs
        for kind, _key, number, _data, mac in signed[1]:
            found = macs[kind].get(number)
            if found is None:
                macs[kind][number] = bytearray(mac)
            else:
                found += mac
        if len(self.rows) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.files:
            return
        clear = () if self.cleared else self.kinds
        if self.written and self.index.put_parsed(
            self.files, self.rows, clear, drop_snapshot=not self.cleared
        ):
            self.count += len(self.files)
            self.cleared = True
        else:  # the files' rows at least, as any load writes them; the tables after the parse
            self.written = False
            self.index.update([row for row, _mac in self.files], ())
        self.files, self.rows = [], []

    def finish(self) -> None:
        """The tables' digests made, the signatures let go of (at 100,000 files some 26 MB, not
        held while the tasks are resolved). The last batch, and then the rows put aside into
        their tables, are written by a second thread (SQLite works without Python's lock),
        while this one makes STATE, lists the records and resolves the tasks: at 100,000 files
        some 2 s each, and the second core was idle (`join` waits for it). (At 10,000 files the
        last batch alone was 0.1–0.17 s of this thread's CPU, after the parse.)"""
        import threading

        from .index import digests

        self.digests = {kind: digests(self.macs[kind]) for kind in self.kinds}
        self.macs = {}
        if self.written and (self.count or self.files):
            self.behind = threading.Thread(target=self._write_rest, name="kpss-first-build")
            self.behind.start()
        else:
            self.flush()  # the files' rows, as any load writes them; the tables after the parse

    def _write_rest(self) -> None:
        try:
            self.flush()
            written = self.written and self.count > 0 and self.index.put_staged()
        except BaseException as exc:  # given to the thread that waits for it (join)
            self.failed = exc
            written = False
        if not written:
            self.written = False  # its tables made after the parse, as when a batch was not written

    def join(self) -> None:
        """Wait for the rows put aside to be written (finish); what went wrong there raised here."""
        if self.behind is not None:
            self.behind.join()
            self.behind = None
        if self.failed is not None:
            raise self.failed

    def writing(self) -> bool:
        """Whether the second thread (finish) is still writing."""
        return self.behind is not None and self.behind.is_alive()

    def complete(self, files: int) -> bool:
        """True when every one of the walk's `files` has its rows written."""
        return self.written and self.count == files

    def state(
        self,
        files: list[tuple[str, FileStat | OSError]],
        outcomes: dict[str, Outcome],
        stats: dict[str, FileStat],
        config_problems: int,
    ) -> tuple[bytes, dict[str, Any]]:
        """(STATE, the tables' digests) once every one of the walk's `files` was parsed
        (`outcomes`, their `stats`) and its rows written (`complete`); with two minutes of one
        id, NO_STATE and the tables emptied (as incremental.state_of gives them). Made once."""
        from .incremental import entry, state_of, state_part

        if self.made is not None:
            return self.made

        def entry_of(rel: str) -> Entry:
            minutes, problems = outcomes[rel]
            return entry(stats[rel], problems, minutes)

        state = state_part(((rel, entry_of(rel)) for rel, _own in files), entry_of, files, config_problems)
        self.made = (state, self.digests) if state != NO_STATE else state_of(None, files, config_problems)
        return self.made


def _links(
    files: list[tuple[str, FileStat | OSError]],
    unreadable: list[tuple[str, OSError]],
    not_read: dict[str, list[Problem]],
    outcomes: dict[str, Outcome],
) -> dict[str, Entry] | None:
    """Every file's row in the snapshot's table FILE (incremental.py); None when a file or
    folder could not be read (a change then loads the archive whole, which says why)."""
    from .incremental import entry

    if unreadable or not_read:
        return None
    found: dict[str, Entry] = {}
    for rel, own in files:
        if isinstance(own, OSError):
            return None
        minutes, problems = outcomes.get(rel, (None, []))
        found[rel] = entry(own, problems, minutes)
    return found


# --- the task snapshot ---------------------------------------------------------------------------


def load_tasks(
    archive: str | os.PathLike[str] | None = None,
    statuses: Iterable[str] = STATUSES,
    *,
    use_index: bool = True,
    progress: Progress | None = None,
    first_build: FirstTasks | None = None,
) -> TaskSnapshot:
    """The tasks of `statuses` with the archive's problems, groups and configuration: from the
    index's snapshot when no file changed since the last load, else from a full load; with
    `first_build` (firstbuild.first_tasks, which imports this module), an index with no file's
    row is built by it where it can (else None: the full load)."""
    root, shown_root = resolve_root(archive)
    walk = walk_archive(root)  # one `lstat` per file; what the snapshot was taken of, or what to load
    if use_index and (index := open_index(root, shown_root)) is not None:
        wanted = status_parts(statuses)
        rows = None
        now = walk_folders(walk[0])
        digest = fingerprint(walk[0], walk[1], now)
        with index.reading():
            parts = index.snapshot(digest, ("head", *wanted))
            if parts is not None:
                rows = status_rows(index, parts, statuses)
        if parts is None and not walk[1]:
            found = _brought_up_to_date(index, root, shown_root, walk, now, digest, statuses)
            if found is not None:
                parts, rows = found
        snapshot = None
        if parts is not None and rows is not None:
            del walk  # some 70 MB at 100,000 files, freed before the tasks are unpacked
            try:
                snapshot = from_parts(parts, root, shown_root, rows)
            except Exception:  # whatever it was, the index is not to be trusted: rebuilt
                index.damaged = True
            if snapshot is None:
                walk = walk_archive(root)
        index.close()
        if snapshot is not None:
            return snapshot
    if use_index and first_build is not None:  # firstbuild.first_tasks: without the records
        made = first_build(root, shown_root, walk, statuses, progress)
        if made is not None:
            return made
    return TaskSnapshot.of(_loaded(root, shown_root, None, use_index, progress, walk, Lean()))


def _brought_up_to_date(
    index: Index, root: str, shown_root: str, walk: Walk, now: Folders, digest: str, statuses: Iterable[str]
) -> tuple[dict[str, bytes], list[Any]] | None:
    """(the head, the rows of the tasks of `statuses`) of the snapshot brought up to date from
    the one kept when only a few files changed since (incremental.py), and kept when every
    changed file was settled; None when the archive is to be loaded whole."""

    def tasks(parts: dict[str, bytes]) -> tuple[dict[str, bytes], list[Any]] | None:
        found = status_rows(index, parts, statuses)
        return None if found is None else ({"head": parts["head"]}, found)

    return _up_to_date(index, root, shown_root, walk, now, digest, tasks)  # type: ignore[no-any-return]


def _up_to_date(
    index: Index,
    root: str,
    shown_root: str,
    walk: Walk,
    now: Folders,
    digest: str,
    then: Callable[[dict[str, bytes]], Any],
) -> Any:
    """`then(parts)` of the parts of the snapshot brought up to date from the one kept when
    only a few files changed since (incremental.py), read in the transaction that writes
    them, which is kept when every changed file was settled; None when the archive is to be
    loaded whole (or `then` gives None)."""
    from .incremental import KINDS  # a file changed: not the warm path

    kept = index.latest(("head", STATE, *(ROWS + kind for kind in KINDS)))
    if kept is None:
        return None
    from .incremental import bring_up_to_date
    from .packing import unpack_config

    try:
        # kpss.yaml as the index stamped it: what parsing needs of it is what it means, which
        # the index was kept for (Index.open); the head holds it packed.
        config = unpack_config(marshal.loads(kept[1]["head"])["config"])
    except Exception:  # whatever it was, the index is not to be trusted: rebuilt
        index.damaged = True
        return None
    files, _unreadable, started = walk
    rows: list[Row] = []
    settled = True

    def parse(rel: str, own: FileStat) -> Outcome | None:
        nonlocal settled
        stat, problem = _inspect(root, rel, own)
        if problem is not None or stat is None:
            return None  # a full load tells why
        outcome = _parse_file(root, rel, config)
        if _settled(stat, started):
            rows.append((rel, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, pack(outcome)))
        else:
            settled = False
        return outcome

    def stored(rel: str, stamp: Stamp) -> Minutes | None:
        row = index.row(rel)
        if row is None or row[1:5] != stamp:
            return None
        return unpack(row[5])[0]

    answer: Any = None
    try:
        with _collector_paused(), index.transaction():
            found = bring_up_to_date(index, kept[1], files, now, root, shown_root, config, parse, stored)
            if found is not None:
                parts, removed = found
                index.put_files(rows, removed)
                index.put_snapshot(digest, parts)
                answer = then(parts)
            if answer is None or not settled:
                raise Rollback  # a change too recent to keep (SETTLED_NS): taken again next time
    except Rollback:
        pass
    except Exception as exc:  # whatever it was, the index is not to be trusted: rebuilt
        _distrust(index, exc)
        return None
    return answer


def read_snapshot(
    archive: str | os.PathLike[str] | None,
    names: tuple[str, ...],
    read: Callable[[Index, dict[str, bytes]], Any],
) -> Any:
    """`read(index, parts)` of the parts `names` and the head of the task snapshot of the
    archive as it is: the one kept, or, when a few files changed since, the one brought up to
    date from it (incremental.py; read in the transaction that writes it). None when there is
    no such snapshot, or `read` gives None: the archive is then to be loaded."""
    opened = walked_index(archive)
    if opened is None:
        return None
    root, shown_root, walk, index = opened

    def reading(parts: dict[str, bytes]) -> Any:
        try:
            return read(index, parts)
        except Exception:  # whatever it was, the index is not to be trusted: rebuilt
            index.damaged = True
            return None

    try:
        now = walk_folders(walk[0])
        digest = fingerprint(walk[0], walk[1], now)
        with index.reading():
            parts = index.snapshot(digest, ("head", *names))
            if parts is not None:
                return reading(parts)
        if index.damaged:
            return None
        found = _up_to_date(index, root, shown_root, walk, now, digest, reading)
        if found is not None or index.damaged or index.snapshot(digest, ("head",)) is not None:
            return found
    finally:
        index.close()
    if (again := built(root, shown_root, walk, None)) is None:
        return None
    handed[root] = again  # read from the index just built, as a warm run reads it
    del walk, again
    return read_snapshot(archive, names, read)


def with_snapshot(
    index: Index,
    root: str,
    shown_root: str,
    walk: Walk,
    names: tuple[str, ...],
    work: Callable[[dict[str, bytes]], Any],
) -> Any:
    """`work(parts)` in a transaction of the index, of the parts `names` and the head of the
    task snapshot of the archive as `walk` found it: the one kept, or the one brought up to
    date from it when a few files changed since (incremental.py; in the transaction that
    writes it, which is undone when a changed file was too recent to keep). None when there is
    no such snapshot, or `work` gives None: the archive is then to be loaded."""
    now = walk_folders(walk[0])
    digest = fingerprint(walk[0], walk[1], now)
    parts = index.snapshot(digest, ("head", *names))
    if parts is None:
        return None if index.damaged else _up_to_date(index, root, shown_root, walk, now, digest, work)
    try:
        with _collector_paused(), index.transaction():
            return work(parts)
    except Exception as exc:  # whatever it was, the index is not to be trusted: rebuilt
        _distrust(index, exc)
        return None


def file_outcome(
    index: Index, root: str, rel: str, own: FileStat, config: Config, started: int
) -> tuple[Outcome | None, bool] | None:
    """(a file's parse outcome: its row in the index when it is of the file as it is, else
    the file parsed; whether it was settled (SETTLED_NS) since before the walk `started`).
    The outcome is None for a link to a file inside the archive (read as that file); the whole
    is None when the file cannot be read as minutes (a load says why)."""
    stat, problem = _inspect(root, rel, own)
    if problem is not None:
        return None
    if stat is None:
        return None, True
    row = index.row(rel)
    if row is not None and row[1:5] == (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino):
        return unpack(row[5]), True
    return _parse_file(root, rel, config), _settled(stat, started)


# --- views: a command's answer kept beside the snapshot ------------------------------------------

View = Callable[[Archive], "Any"]  # a loaded archive to its view: marshal data (lists, dicts, str…)


class EachMinutes:
    """A view made of one value per minutes record (`each`, of that record alone), in the
    archive's order (by date and id, as archive.resolve sorts them), then `finish`ed with
    any one of the records (None when there is none) and the tasks `tasks` selects, packed
    (pack_task; none without it). Such a view needs no record beside another: when the index
    holds the archive's snapshot but not the view, load_view builds it from the index's rows
    one at a time and the tasks from the snapshot, never loading the archive whole (at
    100,000 files that is some 800 MB instead of the view itself). Used as a View, it gives
    the same."""

    def __init__(
        self,
        each: Callable[[Minutes], Any],
        finish: Callable[[list[Any], Minutes | None, list[Any]], Any],
        tasks: Callable[[Task], bool] | None = None,
        statuses: tuple[str, ...] = STATUSES,
        *,
        kept_whole: bool = True,
    ) -> None:
        self.each = each
        self.finish = finish
        self.tasks = tasks
        self.statuses = statuses  # the statuses of the tasks `tasks` may select
        # False: the view is kept only as its table (viewtable.py), not also whole beside the
        # snapshot, for a view that only answers kept beside the snapshot read (the text of
        # `kpss list -f json`: the answer holds it once already).
        self.kept_whole = kept_whole

    def __call__(self, whole: Archive) -> Any:
        tasks = self.tasks
        selected = [pack_task(t) for t in whole.tasks if tasks(t)] if tasks else []
        return self.finish([self.each(m) for m in whole.minutes], next(iter(whole.minutes), None), selected)

    def made(self, lean: Archive, taken: Lean) -> Any:
        """The view of an archive loaded lean (Lean), whose records' values `taken` holds: the
        same as of the archive loaded whole."""
        tasks = self.tasks
        selected = [pack_task(t) for t in lean.tasks if tasks(t)] if tasks else []
        values = taken.values
        return self.finish([values[m.path] for m in lean.minutes], taken.sample, selected)


class KeptView:
    """What a view keeps of the archive (its own table and state in the index: check/kept.py)
    so that after a few files changed it is made again from that and the changed files, not
    from the archive loaded whole. `part` (the view's part: its name, key and folders) names
    what it was kept for."""

    def after_change(self, index: Index, root: str, shown_root: str, walk: Walk, part: str) -> Any:
        """(the archive's problems, groups and configuration, the view packed) of the archive as
        `walk` found it, from what was kept; None when the archive is to be loaded."""
        raise NotImplementedError

    def keep(self, index: Index, loaded: Archive, walk: Walk, part: str) -> None:
        """Keep what after_change reads, of the archive loaded whole (whose view was just built,
        beside a snapshot of it)."""
        raise NotImplementedError


def load_view(
    archive: str | os.PathLike[str] | None,
    name: str,
    build: View,
    *,
    key: str = "",
    folders: tuple[str, ...] = (),
    use_index: bool = True,
    progress: Progress | None = None,
    kept: Callable[[], KeptView] | None = None,
) -> tuple[TaskSnapshot, Any]:
    """(the archive's problems, groups and configuration without tasks, the view `name`
    built from it by `build`). A view is what a command needs of the whole archive, such as
    the rows of `kpss list`; the index keeps it beside the task snapshot, for the same
    fingerprint, so a warm run reads neither minutes nor rows. `key` names what else the view
    depends on (the day), `folders` the folders of other files it reads (`plan/`): their
    files' sizes, times and inodes are part of its key. The archive's root as shown is part of
    it too. Cold and warm give the same: the view goes through marshal either way. `kept`
    gives what the view keeps to be made again after a change without a load (KeptView)."""
    root, shown_root = resolve_root(archive)
    walk = handed.pop(root, None) or walk_archive(root)
    others = [folder_stamp(root, folder, walk[2]) for folder in folders]
    keep = use_index and None not in others
    # printable: a root whose name is not UTF-8 cannot go into SQLite as it is
    part = "\0".join(("view", name, key, printable(shown_root), *map(str, others)))
    # A view of one value per minutes, of nothing else: kept as a table too (viewtable.py).
    tabled = isinstance(build, EachMinutes) and not key and not folders
    index = open_index(root, shown_root) if keep else None
    if index is not None:
        parts = index.snapshot(fingerprint(walk[0], walk[1]), ("head", part))
        if parts is not None:
            try:
                head, data = from_parts({"head": parts["head"]}, root, shown_root), parts.pop(part)
                # The walk (some 70 MB at 100,000 files) is freed before the view is unpacked.
                del walk, parts
                view = marshal.loads(data)
            except Exception:  # whatever it was, the index is not to be trusted: rebuilt
                index.damaged = True
                walk = walk_archive(root)
            else:
                index.close()
                return head, view
        elif tabled and (streamed := _view_from_table(index, root, shown_root, walk, name, part, build)):  # type: ignore[arg-type]
            index.close()
            del walk
            return streamed
        elif (
            kept is not None
            and not index.damaged
            and (made := kept().after_change(index, root, shown_root, walk, part)) is not None
        ):
            head, data = made
            digest = fingerprint(walk[0], walk[1])
            if not index.damaged and index.snapshot(digest, ("head",)) is not None:
                index.store_part(digest, part, data)  # the next run reads it, as any view
            index.close()
            del walk, made
            return head, marshal.loads(data)
        elif (
            isinstance(build, EachMinutes)
            and not index.damaged
            and (streamed := _each_from_rows(index, root, shown_root, walk, build))
        ):
            head, data = streamed
            if build.kept_whole:
                index.store_part(fingerprint(walk[0], walk[1]), part, data)
            index.close()
            del walk, streamed
            return head, marshal.loads(data)
        index.close()
        if not index.damaged and (again := built(root, shown_root, walk, progress)) is not None:
            handed[root] = again  # the view read from the index just built, as a warm run reads it
            del walk, again
            return _view_loaded(
                archive,
                name,
                build,
                key=key,
                folders=folders,
                use_index=use_index,
                progress=progress,
                kept=kept,
            )
    if isinstance(build, EachMinutes):  # each record's value taken as it comes, the rest let go of
        lean = Lean(build.each)
        loaded = _loaded(root, shown_root, None, use_index, progress, walk, lean)
        data = marshal.dumps(build.made(loaded, lean), MARSHAL_VERSION)
    else:
        lean = None
        loaded = _loaded(root, shown_root, None, use_index, progress, walk)
        data = marshal.dumps(build(loaded), MARSHAL_VERSION)
    if keep and (index := open_index(root, shown_root)):
        # Kept only beside a snapshot of this very archive (which _loaded kept when settled).
        digest = fingerprint(walk[0], walk[1])
        if index.snapshot(digest, ("head",)) is not None:
            if not tabled or build.kept_whole:  # type: ignore[attr-defined]
                index.store_part(digest, part, data)
            if tabled:
                _fill_view(index, name, shown_root, walk, loaded, build, lean)  # type: ignore[arg-type]
            if kept is not None:
                kept().keep(index, loaded, walk, part)
        index.close()
    snapshot = TaskSnapshot.of(loaded)
    snapshot.tasks = []
    del loaded, lean  # every record, freed before the view is unpacked
    return snapshot, marshal.loads(data)


_view_loaded = load_view  # load_view again after a build (the name as defined: not counted twice)


def _fill_view(
    index: Index,
    name: str,
    shown_root: str,
    walk: Walk,
    loaded: Archive,
    view: EachMinutes,
    lean: Lean | None,
) -> None:
    """Keep the view's table (viewtable.py) of a loaded archive (loaded lean: the values
    `lean` took of its records), its rows made as they are written."""
    from . import viewtable

    if walk[1] or any(isinstance(own, OSError) for _rel, own in walk[0]):
        return
    by_path = {m.path: m for m in loaded.minutes}
    each = view.each if lean is None else lambda m: lean.values[m.path]
    now = walk_folders(walk[0])
    digest = fingerprint(walk[0], walk[1], now)
    rows = (
        viewtable.row(rel, stamp_of(own), by_path.get(rel), each)
        for rel, own in walk[0]
        if not isinstance(own, OSError)
    )
    index.write(viewtable.fill, index, viewtable.kind(name, shown_root), digest, now, rows)


def view_version(
    archive: str | os.PathLike[str] | None, walk: Walk, name: str, view: EachMinutes
) -> tuple[TaskSnapshot, bytes] | None:
    """(the archive's problems, groups and configuration, the version of its view `name`:
    that of the view's table (viewtable.version) and of the head) with the task snapshot and
    the table brought up to date for the archive as `walk` found it, when a few files changed
    since they were kept; None when there is no such table, the view reads tasks, or a file
    changed too recently to keep. A view with tasks is versioned with the digests of the
    snapshot's task tables too. The same version, the same view: an answer computed from it
    is the same (answers.py)."""
    root, shown_root = resolve_root(archive)
    index = open_index(root, shown_root)
    if index is None:
        return None
    try:
        found = _view_from_table(index, root, shown_root, walk, name, "", view, versioned=True)
    finally:
        index.close()
    return found


class _MinutesOf:
    """`minutes_of` of viewtable.bring_up_to_date: a file's (minutes,) from its row in the
    index when it is the file's as it is, else parsed (`settled` False when such a file changed
    too recently to be kept: SETTLED_NS); None when it is not read (a load says why)."""

    def __init__(self, index: Index, root: str, config: Config, started: int) -> None:
        self.index = index
        self.root = root
        self.config = config
        self.started = started
        self.settled = True

    def __call__(self, rel: str, own: FileStat) -> tuple[Minutes | None] | None:
        stat, problem = _inspect(self.root, rel, own)
        if problem is not None:
            return None  # not read: a load says why, as ever (rare)
        if stat is None:
            return (None,)  # a link inside the archive: its file is read on its own
        row = self.index.row(rel)
        if row is not None and row[1:5] == (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino):
            return (unpack(row[5])[0],)
        if not _settled(stat, self.started):
            self.settled = False
        return (_parse_file(self.root, rel, self.config)[0],)


def _view_from_table(
    index: Index,
    root: str,
    shown_root: str,
    walk: Walk,
    name: str,
    part: str,
    view: EachMinutes,
    *,
    versioned: bool = False,
) -> tuple[TaskSnapshot, Any] | None:
    """(the archive's problems, groups and configuration, the view) from the view's table
    (viewtable.py), brought up to date with the task snapshot when a few files changed, or
    made from the index's rows when there is none; the view kept as a part for the next run.
    None when the archive is to be loaded. `versioned`: the table only brought up to date (none
    made), and its version given in place of the view (view_version)."""
    from . import viewtable
    from .packing import unpack_config

    if walk[1]:
        return None
    now = walk_folders(walk[0])
    digest = fingerprint(walk[0], walk[1], now)
    statuses = view.statuses if view.tasks is not None else ()
    wanted = ("head", *status_parts(statuses))
    parts = index.snapshot(digest, wanted)
    tasks: list[Any] | None = []
    if versioned:
        # No task read here: the version reads only the buckets of the tasks' tables that
        # changed since it was last made (_tasks_version), not every task.
        if parts is None:
            parts = _up_to_date(
                index, root, shown_root, walk, now, digest, lambda p: {k: p[k] for k in wanted}
            )
            if parts is None:
                return None
    elif parts is None:
        brought = _brought_up_to_date(index, root, shown_root, walk, now, digest, statuses)
        if brought is None:
            return None
        parts, tasks = brought
    elif statuses:
        tasks = status_rows(index, parts, statuses)
    if tasks is None:
        return None
    try:
        head = from_parts({"head": parts["head"]}, root, shown_root)
        config = unpack_config(marshal.loads(parts["head"])["config"])
    except Exception:  # whatever it was, the index is not to be trusted: rebuilt
        index.damaged = True
        return None
    table = viewtable.kind(name, shown_root)
    minutes_of = _MinutesOf(index, root, config, walk[2])

    data: bytes | None = None
    whole: Any = None
    try:
        with _collector_paused(), index.transaction():
            digests = viewtable.bring_up_to_date(index, table, digest, now, walk[0], minutes_of, view.each)
            if versioned:
                found_version = None if digests is None else viewtable.version(index, table, digest)
                if (
                    found_version is None
                    or not minutes_of.settled
                    or index.snapshot(digest, ("head",)) is None
                ):
                    raise Rollback  # nothing kept: the answer is computed, as ever
                # The head's value, not its bytes: marshal's differ with how the value was made.
                told: list[Any] = [marshal.loads(parts["head"])]
                if view.tasks is not None:  # the tasks selected, bucket by bucket
                    selected_version = _tasks_version(index, f"{table}\0tasks", parts, statuses, view.tasks)
                    if selected_version is None:
                        raise Rollback
                    told.append(selected_version)
                shown = repr(told).encode("utf-8", "surrogatepass")
                data = found_version + blake2b(shown).digest()
            else:
                if digests is None:
                    rows = []
                    for rel, own in walk[0]:
                        if isinstance(own, OSError) or (found := minutes_of(rel, own)) is None:
                            raise Rollback
                        stamp = (own.st_size, own.st_mtime_ns, own.st_ctime_ns, own.st_ino)
                        rows.append(viewtable.row(rel, stamp, found[0], view.each))
                    digests = viewtable.fill(index, table, digest, now, rows)
                    del rows
                found_values = viewtable.values(index, table, digests)
                if found_values is None:
                    raise Rollback
                values, first = found_values
                sample = None
                if first is not None:
                    own = next(
                        own for rel, own in walk[0][now[first[: first.rfind("/") + 1]][1] :] if rel == first
                    )
                    sampled = minutes_of(first, own)  # type: ignore[arg-type]
                    if sampled is None:
                        raise Rollback
                    sample = sampled[0]
                selected: list[Any] = []
                if (chosen := view.tasks) is not None:
                    for kept in tasks:
                        packed = marshal.loads(kept[5])
                        if chosen(unpack_task(packed)):
                            selected.append(packed)
                finished = view.finish(values, sample, selected)
                del values
                if view.kept_whole:  # kept as it is given: through marshal, as cold
                    data = marshal.dumps(finished, MARSHAL_VERSION)
                    del finished
                else:  # not kept whole (text, as marshal gives it back): given as it is
                    data, whole = b"", finished
                if not minutes_of.settled or index.snapshot(digest, ("head",)) is None:
                    raise Rollback  # a change too recent to keep (SETTLED_NS): taken again next time
                if view.kept_whole:
                    index.put_part(digest, part, data)
    except Rollback:
        pass
    except Exception as exc:  # whatever it was, the index is not to be trusted: rebuilt
        _distrust(index, exc)
        return None
    if data is None:
        return None
    head.tasks = []
    if not (versioned or view.kept_whole):
        return head, whole
    return head, (data if versioned else marshal.loads(data))


def _tasks_version(
    index: Index,
    name: str,
    parts: dict[str, bytes],
    statuses: tuple[str, ...],
    chosen: Callable[[Task], bool],
) -> list[Any] | None:
    """What a view's version holds of the tasks `chosen` selects among those of `statuses`:
    per bucket of their tables (Index.table) that holds any, its number and the digest of
    those tasks' values (not of their bytes: marshal's differ with how a value was made).
    The digest of each bucket is kept (the part `name`) by the digest of its rows, which the
    snapshot's parts hold: only a bucket whose rows changed since is read and unpacked (at
    first, every one). In a transaction; None when a table is not as its digests say."""
    kept = index.kept_part(name)
    try:
        known: dict[bytes, bytes] = marshal.loads(kept[1]) if kept is not None else {}
        if type(known) is not dict:
            known = {}
    except Exception:
        known = {}
    found: list[Any] = []
    now: dict[bytes, bytes] = {}
    for status in statuses:
        kind = status_kind(status)
        digests: dict[int, bytes] = marshal.loads(parts[ROWS + kind])
        for number in sorted(digests):
            digest = digests[number]
            value = known.get(digest)
            if type(value) is not bytes:
                rows = index.table(kind, digests, (number,), convert=marshal.loads)
                if rows is None:
                    return None
                picked = sorted(
                    (row[:5], packed) for row in rows if chosen(unpack_task(packed := marshal.loads(row[5])))
                )
                value = (
                    blake2b(repr(picked).encode("utf-8", "surrogatepass"), digest_size=16).digest()
                    if picked
                    else b""
                )
            now[digest] = value
            if value:
                found.append((status, number, value))
    if now != known:
        index.put_part("", name, marshal.dumps(now, MARSHAL_VERSION))
    return found


def _each_from_rows(
    index: Index, root: str, shown_root: str, walk: Walk, view: EachMinutes
) -> tuple[TaskSnapshot, bytes] | None:
    """(the archive's problems, groups and configuration, the view packed) built from the
    index's rows one record at a time, when the index holds the snapshot of the archive as
    it is (`walk`) and the row of every file read; else None (the archive is loaded)."""
    digest = fingerprint(walk[0], walk[1])
    parts = index.snapshot(digest, ("head",))
    if parts is None or walk[1]:
        return None
    try:
        head = from_parts(parts, root, shown_root)
    except Exception:  # whatever it was, the index is not to be trusted: rebuilt
        index.damaged = True
        return None
    each = view.each
    keyed: list[tuple[tuple[Any, str, int], Any]] = []  # (date, id, place in the walk), value
    sample: Minutes | None = None
    try:
        with _collector_paused():
            for place, (rel, own) in enumerate(walk[0]):
                stat, problem = _inspect(root, rel, own)
                if stat is None:
                    if problem is None:
                        continue  # a link inside the archive: its file is read on its own
                    return None  # not read: a load says why, as ever (rare)
                row = index.row(rel)
                if row is None or row[1:5] != (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino):
                    return None
                minutes = unpack(row[5])[0]
                if minutes is not None:
                    keyed.append(((minutes.date, minutes.id, place), each(minutes)))
                    if sample is None:
                        sample = minutes
    except Exception:  # whatever it was, the index is not to be trusted: rebuilt
        index.damaged = True
        return None
    keyed.sort(key=lambda item: item[0])  # as archive.resolve sorts the minutes (a stable sort)
    values = [value for _key, value in keyed]
    del keyed
    selected: list[Any] = []
    if (chosen := view.tasks) is not None:
        # The snapshot's tasks are the loaded archive's, resolved, in its order (snapshot.py).
        statuses = index.snapshot(digest, status_parts(view.statuses))
        if statuses is None:
            return None
        try:
            found = status_rows(index, statuses, view.statuses)
            if found is None:
                return None
            for kept in found:
                packed = marshal.loads(kept[5])
                if chosen(unpack_task(packed)):
                    selected.append(packed)
        except Exception:  # whatever it was, the index is not to be trusted: rebuilt
            index.damaged = True
            return None
    return head, marshal.dumps(view.finish(values, sample, selected), MARSHAL_VERSION)


def _attendance_each(minutes: Minutes) -> Any:
    return attendance_view([minutes])[0]


def _records(records: list[Any], _sample: Minutes | None, _tasks: list[Any]) -> Any:
    return records


# The view `attendance` (load_attendance): who attended each minutes.
ATTENDANCE_VIEW = EachMinutes(_attendance_each, _records)


def load_attendance(
    archive: str | os.PathLike[str] | None = None,
    *,
    use_index: bool = True,
    progress: Progress | None = None,
) -> Archive:
    """The archive with minutes that tell who attended and when, but hold no tasks, agenda,
    decisions, free keys or progress (packing.attendance_view): from the index's view when
    no file changed. Its problems, groups and configuration are the whole archive's."""
    loaded, view = load_view(
        archive,
        "attendance",
        ATTENDANCE_VIEW,
        use_index=use_index,
        progress=progress,
    )
    return attendance_archive(loaded, view)


def attendance_archive(loaded: TaskSnapshot, view: Any) -> Archive:
    """The archive of load_attendance from its head and its view."""
    from pathlib import Path

    result = Archive(Path(loaded.root), loaded.shown_root, loaded.config)
    with _collector_paused(freeze=True):  # a hundred thousand people, none of them garbage
        result.minutes = unpack_attendance(view)
    result.problems = loaded.problems
    result.group_names = loaded.group_names
    result.files = loaded.files
    return result


# --- records one at a time: `kpss export` -------------------------------------------------------


class Records:
    """An archive's minutes and tasks one at a time, in the archive's order (`minutes()`,
    `tasks()`: each may be gone through once), with its problems, groups and configuration
    (`head`, without tasks), how many minutes it holds (`count`), those of them that record
    joins or leaves (`with_membership`, in order: membership over time reads them all
    first) and the date of each minutes' next meeting (`after`: archive.next_meetings).
    From a loaded archive (`of`), or from the index without loading it (`stream_records`).
    `close()` when done."""

    def __init__(
        self,
        head: TaskSnapshot,
        count: int,
        with_membership: list[Minutes],
        after: dict[str, Any],
        minutes: Callable[[], Iterator[Minutes]],
        tasks: Callable[[], Iterator[Task]],
        close: Callable[[], None] = lambda: None,
    ) -> None:
        self.head = head
        self.count = count
        self.with_membership = with_membership
        self.after = after
        self.minutes = minutes
        self.tasks = tasks
        self.close = close

    @classmethod
    def of(cls, whole: Archive) -> Records:
        """The records of a loaded archive."""
        from .archive import next_meetings

        head = TaskSnapshot.of(whole)
        head.tasks = []
        return cls(
            head,
            len(whole.minutes),
            [m for m in whole.minutes if m.membership],
            next_meetings(whole.minutes),
            lambda: iter(whole.minutes),
            lambda: iter(whole.tasks),
        )


def stream_records(archive: str | os.PathLike[str] | None) -> Records | None:
    """The archive's Records from the index, when it holds the snapshot of the archive as it
    is, or one that a few changed files bring up to date (incremental.py, as `kpss tasks`
    does after an edit): each minutes unpacked from its row when it comes (twice read: once
    for the archive's order, once for the record; a file changed too recently for its row to
    be kept is parsed), the tasks from the snapshot's rows. Never the whole archive in memory
    (at 100,000 files some 800 MB). None otherwise: the archive is then to be loaded."""
    import datetime as dt

    from .archive import next_meeting_dates
    from .packing import order_fields, record_order_fields

    opened = walked_index(archive)
    if opened is None:
        return None
    root, shown_root, walk, index = opened
    now = walk_folders(walk[0])
    digest = fingerprint(walk[0], walk[1], now)
    # The tasks, when a few files changed since the snapshot was kept: brought up to date from
    # it (incremental.py) and held here when a change was too recent to keep it (SETTLED_NS).
    held: list[Any] | None = None
    try:
        parts = index.snapshot(digest, ("head",))
        if parts is None:
            brought = _brought_up_to_date(index, root, shown_root, walk, now, digest, STATUSES)
            if brought is None:
                index.close()
                if not index.damaged and (again := built(root, shown_root, walk, None)) is not None:
                    handed[root] = again  # the records read from the index just built, as warm
                    del walk, now, again
                    return _records_streamed(archive)
                return None
            parts, held = brought
            if index.snapshot(digest, ("head",)) is not None:
                held = None  # kept: read from the index when the tasks are, as warm
        head = from_parts(parts, root, shown_root)
        config = head.config
        # Each file's (date, id, place in the walk) as archive.resolve sorts the minutes, its
        # path and the stamp of its row; its group and next meeting for `after`.
        order: list[tuple[tuple[int, str, int], str, Stamp, str, int | None]] = []
        with_membership: list[tuple[tuple[int, str, int], Minutes]] = []
        files = walk[0]
        for place in range(len(files)):
            rel, own = files[place]
            files[place] = None  # type: ignore[call-overload]  # each file's stat freed as it is read: the order grows as the walk goes
            stat, problem = _inspect(root, rel, own)
            if stat is None:
                if problem is None:
                    continue  # a link inside the archive: its file is read on its own
                index.close()
                return None  # not read: a load says why, as ever (rare)
            stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            row = index.row(rel)
            if row is not None and row[1:5] == stamp:
                fields = order_fields(row[5])
                if fields is None:
                    continue
                minutes_id, date, slug, meeting, joins = fields
            else:  # changed too recently for its row to be kept: parsed (and again when read)
                parsed = _parse_file(root, rel, config)[0]
                if parsed is None:
                    continue
                minutes_id, date, slug, meeting, joins = record_order_fields(parsed)
                row = None
            key = (date, minutes_id, place)
            order.append((key, rel, stamp, slug, meeting))
            if joins:
                record = parsed if row is None else unpack(row[5])[0]
                assert record is not None
                with_membership.append((key, record))
    except Exception:  # whatever it was, the index is not to be trusted: rebuilt
        index.damaged = True
        index.close()
        return None
    del walk, files
    # The tasks' parts are read when the tasks are: here only known to be there.
    if held is None and index.snapshot(digest, status_parts(STATUSES)) is None:
        index.close()
        return None
    order.sort(key=lambda item: item[0])  # as archive.resolve sorts the minutes (a stable sort)
    with_membership.sort(key=lambda item: item[0])
    day = dt.date.fromordinal
    after = next_meeting_dates(
        [
            (key[1], slug, day(key[0]), None if meeting is None else day(meeting))
            for key, _r, _s, slug, meeting in order
        ]
    )

    def minutes() -> Iterator[Minutes]:
        for _key, rel, stamp, _slug, _meeting in order:
            row = index.row(rel)
            if row is not None and row[1:5] == stamp:
                record = unpack(row[5])[0]
            else:  # changed since, and parsed again by another kpss: read as it is now
                record = _parse_file(root, rel, config)[0]
            if record is not None:
                yield record
        order.clear()  # not held while the tasks are read

    def tasks() -> Iterator[Task]:
        """Each task, in no set order (the export's tables are keyed by task id): read a
        bucket of a status table at a time, not every task's row at once (some 110 MB at
        100,000 files), in one read of the index (what another kpss writes meanwhile not
        seen)."""
        nonlocal held
        loads = marshal.loads
        if held is not None:
            found, held = held, None
            for kept in found:
                yield unpack_task(loads(kept[5]))
            return
        buckets: list[tuple[str, dict[int, bytes], int]] = []  # (table, its digests, bucket)
        given = 0  # how many of `buckets` were given
        with index.reading():
            statuses = index.snapshot(digest, status_parts(STATUSES))
            if statuses is not None:
                for kind in map(status_kind, STATUSES):
                    digests = loads(statuses[ROWS + kind])
                    buckets += ((kind, digests, number) for number in sorted(digests))
            for kind, digests, number in buckets:
                rows = index.table(kind, digests, (number,), convert=loads)
                if rows is None:
                    break
                given += 1
                for kept in rows:
                    yield unpack_task(loads(kept[5]))
                del rows
            if statuses is not None and given == len(buckets):
                return
            # Another kpss replaced the snapshot, or a bucket is not as signed: the archive
            # loaded, and its tasks given but for those given already.
            ids = {
                kept[4]
                for kind, digests, number in buckets[:given]
                for kept in index.table(kind, digests, (number,), convert=loads) or ()
            }
        for task in _loaded(root, shown_root, None, True, None, walk_archive(root)).tasks:
            if task.id not in ids:
                yield task

    return Records(
        head, len(order), [record for _key, record in with_membership], after, minutes, tasks, index.close
    )


_records_streamed = stream_records  # again after a build (the name as defined: not counted twice)


# --- rows kept per file and per bucket of tasks: `kpss export` after a change ---------------------


def _same(value: Any) -> Any:
    return value


class KeptRows:
    """What a view of one value per minutes kept as a table (viewtable.py) gives of the archive
    as it is (kept_rows): its problems, groups and configuration (`head`, without tasks), the
    value of each minutes in the archive's order (`values`: (date as an ordinal, id, value)),
    the minutes that record joins or leaves (`shared`), and, asked for, a value per bucket of the task snapshot's tables (`by_bucket`), kept too.
    `close()` when done."""

    def __init__(
        self,
        index: Index,
        table: str,
        digest: str,
        head: TaskSnapshot,
        values: list[Any],
        shared: list[Minutes],
        digests: dict[int, bytes] | None = None,
        selected: set[int] | None = None,
        shared_key: bytes = b"",
    ) -> None:
        self.index = index
        self.table = table
        self.digest = digest
        self.head = head
        self.values = values
        self.shared = shared  # the minutes that record joins or leaves, in order
        # A digest of their files (path and stamp each, in order): the same, the same records
        # (the index holds one configuration: kpss.yaml's meaning changed, it starts afresh).
        self.shared_key = shared_key
        self.digests = digests or {}  # the table's digest of each bucket (viewtable.py)
        self.selected = selected  # the buckets whose values were read (None: all)

    def by_bucket(
        self,
        name: str,
        make: Callable[[list[Any]], Any],
        still: Callable[[Any], bool],
        shrink: Callable[[Any], Any] = _same,
        skip: Callable[[bytes, bytes, Callable[[], list[Any] | None]], bool] | None = None,
    ) -> list[tuple[bytes, bytes, Any]] | None:
        """(its key, the digest of the bucket it was made of, `shrink(make(rows))`) of the rows
        of each bucket of the tasks' tables (snapshot.status_rows' rows, in no order), in no
        order: `make(rows)` kept in a table of its own (one signed row per bucket, with the
        digest of the bucket it was made of), so that only the buckets a change rewrote are
        read and made again, and those whose value is no longer `still` true (asked of the
        value shrunk). A kept value is shrunk as it is read, so that what `shrink` puts
        elsewhere (the rows' text, rows.py) is never held for every bucket at once. The
        buckets `skip(key, digest, rows)` names (the caller holds their value, made of that
        digest or of rows of the same values: `rows()` gives the bucket's rows, None when not
        as the snapshot says) are neither read nor made, nor given. None when the task tables
        are not as the snapshot says."""
        from .index import bucket, encode

        index = self.index
        kind = f"{self.table}\0{name}"
        loads = marshal.loads
        parts = index.snapshot(self.digest, status_parts(STATUSES))
        if parts is None:
            return None
        found: list[tuple[bytes, bytes, Any]] = []
        try:
            with _collector_paused(), index.transaction():
                state = index.kept_part(kind)
                mine: dict[int, bytes] = {} if state is None else loads(state[1])
                wanted: list[tuple[bytes, str, int, bytes, dict[int, bytes]]] = []
                present: dict[bytes, int] = {}
                for status in STATUSES:
                    status_table = status_kind(status)
                    digests: dict[int, bytes] = loads(parts[ROWS + status_table])
                    for number, digest in digests.items():
                        text = f"{status}\0{number}"
                        key = encode(text)
                        present[key] = bucket(text)
                        if skip is None or not skip(
                            key, digest, partial(index.table, status_table, digests, (number,), convert=loads)
                        ):
                            wanted.append((key, status_table, number, digest, digests))
                cached: dict[bytes, tuple[bytes, Any]] = {}
                if state is not None and wanted:

                    def shrunk(data: bytes) -> Any:
                        made_of, value = loads(data)
                        return made_of, shrink(value)

                    read = None if skip is None else {present[key] for key, *_rest in wanted}
                    rows = index.table(kind, mine, read, convert=shrunk, keyed=True)
                    if rows is None:
                        raise Rollback
                    cached = dict(rows)
                    del rows

                def made() -> Iterator[tuple[bytes, int, bytes]]:
                    """(key, bucket, data) of each bucket made again, as it is made: when the
                    table is made whole, each written as it comes, not held (at 100,000 files
                    every task's text, some 300 MB)."""
                    for key, status_table, number, digest, digests in wanted:
                        hit = cached.pop(key, None)
                        if hit is not None:
                            made_of, value = hit
                            if made_of == digest and still(value):
                                found.append((key, digest, value))
                                continue
                        rows = index.table(status_table, digests, (number,), convert=loads)
                        if rows is None:
                            raise Rollback
                        value = make(rows)
                        del rows
                        data = marshal.dumps((digest, value), MARSHAL_VERSION)
                        found.append((key, digest, shrink(value)))
                        del value
                        yield key, present[key], data

                if state is None:
                    new = index.fill_table(kind, made())
                    index.put_part("", kind, marshal.dumps(new, MARSHAL_VERSION))
                else:
                    put = {key: (number, data) for key, number, data in made()}
                    # What the table holds of a bucket there is no more (a skipped one, read
                    # with others of its bucket of this table, stays).
                    drop = {
                        key: bucket(key.decode("utf-8", "surrogatepass"))
                        for key in cached
                        if key not in present
                    }
                    if put or drop:
                        changed = index.change_table(kind, mine, put, drop)
                        if changed is None:
                            raise Rollback
                        index.put_part("", kind, marshal.dumps(changed, MARSHAL_VERSION))
        except Rollback:
            return None
        except Exception as exc:  # whatever it was, the index is not to be trusted: rebuilt
            _distrust(index, exc)
            return None
        return found

    def part(self, name: str) -> Any:
        """The value kept as `name` beside the table (`keep`), None when there is none."""
        found = self.index.kept_part(f"{self.table}\0{name}")
        try:
            return None if found is None else marshal.loads(found[1])
        except Exception:  # whatever it was, the index is not to be trusted: rebuilt
            self.index.damaged = True
            return None

    def keep(self, name: str, value: Any) -> None:
        """Keep `value` as `name` beside the table (dropped with it when it is made whole)."""
        self.index.write(
            self.index.put_part, "", f"{self.table}\0{name}", marshal.dumps(value, MARSHAL_VERSION)
        )

    def close(self) -> None:
        self.index.close()


def kept_rows(
    archive: str | os.PathLike[str] | None,
    name: str,
    each_for: Callable[[TaskSnapshot, list[Minutes]], Callable[[Minutes], Any]],
    shrink: Callable[[Any], Any] = _same,
    walked: tuple[str, str, Walk] | None = None,
    select: Callable[[Index], Callable[[dict[int, bytes]], set[int] | None]] | None = None,
) -> KeptRows | None:
    """The view `name` of one value per minutes kept as a table (viewtable.py), brought up to
    date for the archive as it is: the task snapshot first (as `kpss tasks` brings it: a few
    files changed, incremental.py), then the rows of the changed files made again. A value may
    read, beside its own record, the minutes that record joins or leaves (`each_for(head,
    those minutes in order)` gives the function making each value), of its own group alone: a
    change of one of those makes again the rows of the minutes of the groups whose joins or
    leaves it changed (kpss.yaml's, which starts the index afresh, every row). None when the
    archive is to be loaded (no index, a file not read, a change too recent to keep). Each
    value is given as `shrink(value)`, shrunk as it is read from the table (so that what
    `shrink` puts elsewhere is never held for every file at once). `walked`: the archive's
    root, root as shown and walk, when the caller has just walked it (else walked here).
    Each value is given as (date, id, value, the number of its bucket in the table); with
    `select`, only those of the buckets `select(index)(the table's digests)` names (all when
    it names None: `KeptRows.selected`): `select(index)` is asked before the table is brought
    up to date (what it reads of the index beside the table may go when the table is made
    whole)."""
    if walked is None:
        opened = walked_index(archive)
        if opened is None:
            return None
        root, shown_root, walk, index = opened
    else:
        root, shown_root, walk = walked
        found_index = None if walk[1] else open_index(root, shown_root)
        if found_index is None:
            return None
        index = found_index
    try:
        found = _kept_rows(index, root, shown_root, walk, name, each_for, shrink, select)
    except Exception as exc:  # whatever it was, the index is not to be trusted: rebuilt
        _distrust(index, exc)
        found = None
    if found is None:
        index.close()
        if not index.damaged and (again := built(root, shown_root, walk, None)) is not None:
            del walk  # the rows read from the index just built, as a warm run reads them
            return kept_rows(archive, name, each_for, shrink, (root, shown_root, again), select)
    return found


def _kept_rows(
    index: Index,
    root: str,
    shown_root: str,
    walk: Walk,
    name: str,
    each_for: Callable[[TaskSnapshot, list[Minutes]], Callable[[Minutes], Any]],
    shrink: Callable[[Any], Any],
    select: Callable[[Index], Callable[[dict[int, bytes]], set[int] | None]] | None,
) -> KeptRows | None:
    from . import viewtable
    from .index import bucket
    from .packing import order_fields

    if walk[1] or any(isinstance(own, OSError) for _rel, own in walk[0]):
        return None
    chosen = None if select is None else select(index)
    now = walk_folders(walk[0])
    digest = fingerprint(walk[0], walk[1], now)
    if index.snapshot(digest, ("head",)) is None:
        _brought_up_to_date(index, root, shown_root, walk, now, digest, ())
    parts = index.snapshot(digest, ("head",))  # None: a change too recent to keep
    if parts is None:
        return None
    head = from_parts(parts, root, shown_root)
    head.tasks = []
    table = viewtable.kind(name, shown_root)
    shared_part = f"{table}\0shared"  # the files of the minutes that record joins or leaves
    minutes_of = _MinutesOf(index, root, head.config, walk[2])
    files: list[tuple[str, FileStat]] = walk[0]  # type: ignore[assignment]  # no OSError: above
    stats = dict(files)
    loads = marshal.loads

    # What is kept of the minutes that record joins or leaves (the part `shared_part`): their
    # files in the archive's order; each one's stamp and group when kept; and the folders
    # holding each group's minutes (a superset: a folder is added as a row of its minutes is
    # made, dropped only when the table is made whole).
    group_folders: dict[str, set[str]] = {}

    def seeing(rel: str, own: FileStat) -> tuple[Minutes | None] | None:
        """minutes_of, noting the folder of each group's minutes read (`group_folders`)."""
        got = minutes_of(rel, own)
        if got is not None and got[0] is not None:
            group_folders.setdefault(got[0].group_slug, set()).add(rel[: rel.rfind("/") + 1])
        return got

    def shared_records(
        rels: list[str], known: dict[str, tuple[Stamp, str]], affected: set[str]
    ) -> list[tuple[str, Minutes]] | None:
        """(file, record) of each of `rels` that records joins or leaves as its file is now
        (its row in the index, brought up to date first); those that record none any more left
        out. The groups whose joins or leaves may have changed put in `affected`: of a file
        changed, removed or new since `known` (each file's stamp and group when kept), its
        group then and now. None when a row is not its file's."""
        records = []
        for rel in rels:
            own = stats.get(rel)
            before = known.get(rel)
            if own is None:  # removed
                if before is not None:
                    affected.add(before[1])
                continue
            row = index.row(rel)
            if row is None or row[1:5] != stamp_of(own):
                return None
            record = unpack(row[5])[0]
            if before is None or before[0] != stamp_of(own):
                if before is not None:
                    affected.add(before[1])
                if record is None or not record.membership:
                    continue
                affected.add(record.group_slug)
            elif record is None or not record.membership:
                return None  # unchanged, and no longer what was kept
            records.append((rel, record))
        return records

    def in_order(found: list[tuple[str, Minutes]]) -> list[tuple[str, Minutes]]:
        """`found` in the archive's order (archive.resolve): by date, id and place."""
        places = {rel: at for at, (rel, _own) in enumerate(files)}
        return sorted(found, key=lambda each: (each[1].date.toordinal(), each[1].id, places[each[0]]))

    try:
        with _collector_paused(), index.transaction():
            digests = None
            records: list[Minutes] | None = None
            kept = index.kept_part(shared_part)
            rels: list[str] = []
            stored = None if kept is None else loads(kept[1])
            if type(stored) is tuple and len(stored) == 3:
                listed_rels, listed_known, listed_folders = stored
                known = dict(zip(listed_rels, map(tuple, listed_known), strict=True))
                group_folders.update((group, set(found)) for group, found in listed_folders.items())
                rels = list(listed_rels)
                affected: set[str] = set()
                # A join or leave changed (a file of them edited, added or removed) makes again
                # the rows of the minutes of the groups it changed, not every row: each minutes'
                # attendance reads its own group's members alone (tables.minutes_rows). A file
                # found to record joins or leaves that did not (bring_up_to_date asks `shared`)
                # is taken in and the table brought up to date again, a few times at most.
                for _attempt in range(4):
                    listed = shared_records(rels, known, affected)
                    if listed is None:
                        break
                    if affected:
                        listed = in_order(listed)
                    rels = [rel for rel, _record in listed]
                    records = [record for _rel, record in listed]
                    newly: list[str] = []
                    redo = None
                    if affected:
                        folders: set[str] = set()
                        for group in affected:
                            folders |= group_folders.get(group, set())
                        redo = (folders, _of_groups(frozenset(affected)))
                    digests = viewtable.bring_up_to_date(
                        index,
                        table,
                        digest,
                        now,
                        walk[0],
                        seeing,
                        each_for(head, records),
                        _newly_shared(set(rels), newly),
                        redo,
                    )
                    if digests is not None or not newly:
                        break
                    rels += newly
            if digests is None:  # made whole: first the minutes that record joins or leaves
                group_folders.clear()
                found: list[tuple[tuple[int, str, int], str]] = []
                for place, (rel, own) in enumerate(files):
                    row = index.row(rel)
                    if row is not None and row[1:5] == stamp_of(own):
                        fields = order_fields(row[5])
                        if fields is not None and fields[4]:
                            found.append(((fields[1], fields[0], place), rel))
                        continue
                    parsed = minutes_of(rel, own)
                    if parsed is None:
                        raise Rollback
                    if parsed[0] is not None and parsed[0].membership:
                        found.append(((parsed[0].date.toordinal(), parsed[0].id, place), rel))
                found.sort()  # as archive.resolve sorts the minutes
                rels = [rel for _key, rel in found]
                records = []
                for rel in rels:
                    got = minutes_of(rel, stats[rel])
                    if got is None or got[0] is None:
                        raise Rollback
                    records.append(got[0])
                each = each_for(head, records)

                def rows() -> Iterator[tuple[bytes, int, bytes]]:
                    for rel, own in files:
                        got = seeing(rel, own)
                        if got is None:
                            raise Rollback
                        yield viewtable.row(rel, stamp_of(own), got[0], each)

                digests = viewtable.fill(index, table, digest, now, rows())
            assert records is not None
            kept_shared = (
                rels,
                [
                    (stamp_of(stats[rel]), record.group_slug)
                    for rel, record in zip(rels, records, strict=True)
                ],
                {group: sorted(found_folders) for group, found_folders in group_folders.items()},
            )
            index.put_part(digest, shared_part, marshal.dumps(kept_shared, MARSHAL_VERSION))

            def shrunk(data: bytes) -> Any:
                rel, _stamp, date, minutes_id, value = loads(data)
                if date is None:
                    return None
                return date, minutes_id, shrink(value), bucket(rel[: rel.rfind("/") + 1])

            selected = None if chosen is None else chosen(digests)
            values = index.table(table, digests, selected, convert=shrunk)
            if values is None or not minutes_of.settled:
                raise Rollback
    except Rollback:
        return None
    keyed = [value for value in values if value is not None]
    del values
    keyed.sort(key=lambda value: (value[0], value[1]))  # as archive.resolve sorts the minutes
    assert records is not None
    shared_key = blake2b(
        marshal.dumps([(rel, stamp_of(stats[rel])) for rel in rels], VALUES_ONLY), digest_size=16
    ).digest()
    return KeptRows(index, table, digest, head, keyed, records, digests, selected, shared_key)


def _newly_shared(taken: set[str], newly: list[str]) -> Callable[[str, Minutes | None], bool]:
    """viewtable.bring_up_to_date's `shared` for _kept_rows: a changed file that records joins
    or leaves and is not among `taken` (whose records were read) is put in `newly`, and the
    table is not brought up to date with the members as they were."""

    def shared(rel: str, minutes: Minutes | None) -> bool:
        if rel in taken or minutes is None or not minutes.membership:
            return False
        newly.append(rel)
        return True

    return shared


def _of_groups(groups: frozenset[str]) -> Callable[[Minutes], bool]:
    """Whether a minutes is of one of `groups` (viewtable.bring_up_to_date's `redo`)."""
    return lambda minutes: minutes.group_slug in groups


def folder_stamp(root: str, folder: str, started: int) -> str | None:
    """A digest of the files of `root/folder` (names, sizes, times, inodes, as they lead);
    None when one changed too recently to be told from a change to come (SETTLED_NS)."""
    try:
        with os.scandir(os.path.join(root, folder)) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as exc:
        return f"none {exc.errno}"
    lines = []
    for name in names:
        try:
            found = os.stat(os.path.join(root, folder, name))
        except OSError as exc:
            lines.append(f"{name}\0{exc.errno}")
            continue
        if not _settled(found, started):
            return None
        lines.append(f"{name}\0{found.st_size}\0{found.st_mtime_ns}\0{found.st_ctime_ns}\0{found.st_ino}")
    return blake2b("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()


def _meaning_of(root: str, shown_root: str) -> Callable[[], str]:
    """What kpss.yaml means (packing.config_meaning), read when asked: only when its bytes
    changed since the index was stamped, never on a warm run."""

    def meaning() -> str:
        from pathlib import Path  # kpss.yaml changed: not the warm path

        return config_meaning(load_config(Path(root), shown_root))

    return meaning


def _config_bytes(root: str | os.PathLike[str]) -> bytes:
    """kpss.yaml's bytes, for the index's stamp: b"" when there is no such regular file."""
    try:
        return read_regular(os.path.join(root, CONFIG_NAME))
    except OSError:
        return b""


def open_index(root: str, shown_root: str) -> Index | None:
    """The archive's index, stamped with its kpss.yaml as it is now (Index.open)."""
    return Index.open(root, _config_bytes(root), _meaning_of(root, shown_root))


def walked_index(archive: str | os.PathLike[str] | None) -> tuple[str, str, Walk, Index] | None:
    """The archive's root, its root as shown, its walk and its index; None when a folder was
    not read (a load says why) or there is no index (a read-only archive)."""
    root, shown_root = resolve_root(archive)
    walk = handed.pop(root, None) or walk_archive(root)
    if walk[1]:
        return None
    index = open_index(root, shown_root)
    return None if index is None else (root, shown_root, walk, index)

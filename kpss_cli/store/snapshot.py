"""The task snapshot (archive.TaskSnapshot) as the index keeps it, so that a warm `kpss tasks`
reads no minutes at all: a head (problems, groups, configuration) and a table of signed rows
per status (Index.table), one row per task keyed by its place in the archive (most tasks of
an old archive are done, and daily questions are about open ones), keyed by the archive's
fingerprint, made of a digest of each of its folders (`folders`).
"""

from __future__ import annotations

import contextlib
import itertools
import marshal
import os
from collections.abc import Callable, Iterable, Iterator, Mapping

from ..core.errors import Problem
from ..core.model import STATUSES, Task
from .archive import Archive, FileStat, TaskSnapshot, shown_path
from .config import CONFIG_NAME
from .index import BUCKETS, Index, Signed, Signer, blake2b, bucket, encode
from .packing import MARSHAL_VERSION, pack_config, pack_task, unpack_config, unpack_task

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


Folders = dict[str, tuple[bytes, int, int]]  # a folder: (its digest, its files' stretch of the walk)


def folders(files: list[tuple[str, FileStat | OSError]]) -> Folders:
    """Each folder's digest of its files' paths, sizes, modification and change times and
    inodes (of the link itself, if it is one; a pipe's or a device's too), with where its
    files are in the walk (first, last + 1: the walk lists a folder's files one after the
    other). Folders are named with their trailing `/` ("" for the root). Made once per walk
    (archive.WalkFiles keeps them): a command asks several times."""
    kept = getattr(files, "folders", None)
    if kept is not None:
        return kept  # type: ignore[no-any-return]
    found = _folders(files)
    with contextlib.suppress(AttributeError):  # a list made otherwise
        files.folders = found  # type: ignore[attr-defined]
    return found


def _folders(files: list[tuple[str, FileStat | OSError]]) -> Folders:
    lines = [
        f"{rel}\0gone"
        if isinstance(own, OSError)
        else f"{rel}\0{own.st_size}\0{own.st_mtime_ns}\0{own.st_ctime_ns}\0{own.st_ino}"
        for rel, own in files
    ]
    found: Folders = {}
    spans = getattr(files, "spans", None)  # where the walk put each folder's files (archive.WalkFiles)
    if spans is not None:
        for name, start, end in spans:
            found[name] = (_digest(lines[start:end]), start, end)
        return found
    names = [rel[: rel.rfind("/") + 1] for rel, _own in files]
    if not files:
        return found
    start = 0
    for end in (*(i for i in range(1, len(names)) if names[i] != names[i - 1]), len(names)):
        found[names[start]] = (_digest(lines[start:end]), start, end)
        start = end
    return found


def _digest(lines: list[str]) -> bytes:
    return blake2b("\n".join(lines).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def fingerprint(
    files: list[tuple[str, FileStat | OSError]],
    unreadable: list[tuple[str, OSError]],
    found: Folders | None = None,
) -> str:
    """The archive's fingerprint from its walk (archive.walk_files): the digest of each of its
    folders (`folders`, given when already made), and the folders it could not read. Names
    that are not UTF-8 count as the bytes they are."""
    found = folders(files) if found is None else found
    digest = blake2b()
    digest.update(
        b"".join(f"{name}\0".encode("utf-8", "surrogatepass") + value[0] for name, value in found.items())
    )
    lines = [f"{folder}/\0unreadable\n" for folder, _ in unreadable]
    digest.update("".join(lines).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


STATE = "state"  # what bringing the snapshot up to date needs beside its tables: incremental.py
# The tables of what each file, minutes and task id holds (incremental.py), beside those of
# the statuses: files by folder, minutes by group, task ids.
FILE, MEET, REF = "file", "meet", "ref"
NO_STATE = marshal.dumps(None)  # STATE when a file or folder was not read, or an id is twice
ROWS = "rows\0"  # a part named ROWS + a table's kind holds the digests of the table's buckets

Key = tuple[int, str, int, int]  # a task's place in the archive: keyed_tasks


# A task as its table keeps it: its key (four fields), its id, and its packed task as marshal
# bytes of its own. Each status is a table of its own (`status_kind`), one signed row per task
# keyed by its place: a change rewrites the rows of the tasks it affects (incremental.py), and
# a warm run reads the rows of the statuses it shows and unpacks only those.
TaskRow = tuple[int, str, int, int, str, bytes]


def status_kind(status: str) -> str:
    return f"task\0{status}"


def task_row(key: Key, task: Task) -> TaskRow:
    return (*key, task.id, marshal.dumps(pack_task(task), MARSHAL_VERSION))


def table_row(row: TaskRow) -> tuple[bytes, int, bytes]:
    """(key, bucket, data) of a task's row in its table (Index.table)."""
    text = f"{row[0]}\0{row[1]}\0{row[2]}\0{row[3]}"
    return encode(text), bucket(text), marshal.dumps(row, MARSHAL_VERSION)


STATUS_KINDS = tuple(status_kind(status) for status in STATUSES)


def status_parts(statuses: Iterable[str]) -> tuple[str, ...]:
    """The names of the parts holding the digests of the tables of `statuses`."""
    return tuple(ROWS + status_kind(status) for status in statuses)


def status_rows(index: Index, parts: dict[str, bytes], statuses: Iterable[str]) -> list[TaskRow] | None:
    """The rows of the tasks of `statuses` in the archive's order, their digests read from
    `parts` (status_parts); None when a table is not as its digests say."""
    rows: list[TaskRow] = []
    loads = marshal.loads
    try:
        for status in statuses:
            kind = status_kind(status)
            found = index.table(kind, loads(parts[ROWS + kind]), convert=loads)
            if found is None:
                return None
            rows += found
            del found
        rows.sort()  # by key: keys are unique
    except Exception:  # whatever it was, the index is not to be trusted: rebuilt
        index.damaged = True
        return None
    return rows


def head_part(archive: Archive) -> bytes:
    head = {
        "problems": [(p.path, p.line, p.severity, p.code, p.message) for p in archive.problems],
        "groups": archive.group_names,
        "files": archive.files,
        "shown_root": archive.shown_root,
        "config": pack_config(archive.config),
    }
    return marshal.dumps(head, MARSHAL_VERSION)


# Each table's rows (key, bucket, data), or the digests of its buckets when its rows are
# written already (loading.FirstBuild).
Tables = Mapping[str, "Iterable[tuple[bytes, int, bytes]] | dict[int, bytes]"]


# Tasks from which the rows of the status tables are made by two processes (store). At 10,000
# files (20,000 tasks) the fork gained nothing that could be measured: after it, the pages
# this process writes (every task it reads has its count of references changed) are copied.
SHARED_FROM = 50_000


class Ahead:
    """The rows of the status tables (and the head) of a resolved archive, begun while another
    thread still writes the index (loading.FirstBuild: the per-file tables' rows put in their
    order, some 0.1–0.2 s at 10,000 files after the tasks are resolved), so that what is left
    for `store` is mostly writing them. Made only below SHARED_FROM tasks (above it a process
    forked by `store` makes most of them); at most the rows made while `busy()` are held."""

    STEP = 1_000

    def __init__(self, archive: Archive, signer: Signer, busy: Callable[[], bool]) -> None:
        self.archive = archive
        self.head = head_part(archive)
        self.made: list[Signed] = []
        self.rest = _signed_tasks(archive, signer, None)
        while busy():
            before = len(self.made)
            self.made.extend(itertools.islice(self.rest, self.STEP))
            if len(self.made) - before < self.STEP:
                break

    @staticmethod
    def wanted(archive: Archive) -> bool:
        """Whether `store` makes every row of `archive` in this process (no fork)."""
        return len(archive.tasks) < SHARED_FROM or not hasattr(os, "fork")

    def rows(self) -> Iterator[Signed]:
        """Every row, those made ahead let go of as they are given."""
        made = self.made
        made.reverse()
        while made:
            yield made.pop()
        yield from self.rest


def store(
    index: Index, fingerprint: str, archive: Archive, state: bytes, tables: Tables, ahead: Ahead | None = None
) -> None:
    """Keep a loaded archive's snapshot (`fingerprint`): its head, the table of each status,
    and what bringing it up to date needs (`state`, `tables`: incremental.state_of). With
    many tasks, a second process forked here makes and signs two thirds of the status tables'
    rows while this one makes the rest and writes them all: the second core is otherwise idle
    after the parse, and these rows were some 4.6 s of CPU at 100,000 files (200,000 tasks).
    With `ahead` (of this `archive`), its rows are written: made here, some of them already."""

    if ahead is not None and ahead.archive is archive:
        store_made(index, fingerprint, ahead.head, state, tables, (ahead.rows(),))
        return

    def write() -> None:
        parts = {"head": head_part(archive), STATE: state}
        signer = index.signer()
        aside = None
        if not Ahead.wanted(archive):
            with contextlib.suppress(OSError):  # no process or file to be had: all made here
                aside = _Aside(lambda: _signed_tasks(archive, signer, False))

        def rows() -> Iterator[Iterable[Signed]]:
            try:
                yield _signed_tasks(archive, signer, None if aside is None else True)
                if aside is not None:
                    theirs = aside.rows()  # made by the process forked: else made here
                    yield _signed_tasks(archive, signer, False) if theirs is None else theirs
            finally:
                if aside is not None:
                    aside.close()

        for kind, digests in index.fill_tables(STATUS_KINDS, rows()).items():
            parts[ROWS + kind] = marshal.dumps(digests)
        _put(index, fingerprint, tables, parts)

    index.write(write)


def _put(index: Index, fingerprint: str, tables: Tables, parts: dict[str, bytes]) -> None:
    """In a transaction: the snapshot's `parts` kept with the digests of `tables`, each made
    of its rows or given."""
    for kind, found in tables.items():
        digests = found if isinstance(found, dict) else index.fill_table(kind, found)
        parts[ROWS + kind] = marshal.dumps(digests)
    index.put_snapshot(fingerprint, parts)


def store_made(
    index: Index,
    fingerprint: str,
    head: bytes,
    state: bytes,
    tables: Tables,
    shares: Iterable[Iterable[Signed]],
) -> None:
    """`store` of the status tables' rows made and signed already (`shares`: firstbuild.py),
    beside the `head` (head_part) and what bringing it up to date needs (`state`, `tables`)."""

    def write() -> None:
        parts = {"head": head, STATE: state}
        for kind, digests in index.fill_tables(STATUS_KINDS, shares).items():
            parts[ROWS + kind] = marshal.dumps(digests)
        _put(index, fingerprint, tables, parts)

    index.write(write)


def _signed_tasks(archive: Archive, signer: Signer, third: bool | None) -> Iterator[Signed]:
    """The rows of the status tables, signed: of every third task (`third`: the first, the
    fourth…), of the others (False), or of all (None). The process that forks makes a third:
    it also writes them all."""
    from zlib import crc32  # as index.bucket takes it, of the key's bytes

    dumps, mask = marshal.dumps, BUCKETS - 1
    signs: dict[str, tuple[str, Callable[[bytes, bytes], bytes]]] = {}
    for number, (key, task) in enumerate(keyed_tasks(archive)):
        if third is None or (number % 3 == 0) == third:
            # table_row(task_row(key, task)) signed (Signer.row), written out: some 200,000
            # rows at 100,000 files, made after the parse.
            found = signs.get(task.status)
            if found is None:
                kind = status_kind(task.status)
                found = signs[task.status] = (kind, signer.signs(kind))
            row = (*key, task.id, dumps(pack_task(task), MARSHAL_VERSION))
            text = encode(f"{row[0]}\0{row[1]}\0{row[2]}\0{row[3]}")
            data = dumps(row, MARSHAL_VERSION)
            yield found[0], text, crc32(text) & mask, data, found[1](text, data)


class _Aside:
    """Rows made by a process forked for them (os.fork: it has the loaded archive as it is)
    while this one goes on, put in an unnamed temporary file as marshal chunks; `rows` waits
    for it and reads them (None when it failed: the caller makes them itself)."""

    CHUNK = 5_000

    def __init__(self, make: Callable[[], Iterable[Signed]]) -> None:
        import tempfile  # not on the warm path

        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close(), after the child ended
        self.pid: int | None = os.fork()
        if self.pid == 0:  # the child: writes its rows and ends, running nothing of the parent's
            code = 1
            try:
                chunk: list[Signed] = []
                for row in make():
                    chunk.append(row)
                    if len(chunk) >= self.CHUNK:
                        marshal.dump(chunk, self.file, MARSHAL_VERSION)
                        chunk = []
                marshal.dump(chunk, self.file, MARSHAL_VERSION)
                self.file.flush()
                code = 0
            finally:
                os._exit(code)

    def rows(self) -> Iterator[Signed] | None:
        if not self._ended():
            return None
        self.file.seek(0)
        return self._read()

    def _read(self) -> Iterator[Signed]:
        while True:
            try:
                chunk = marshal.load(self.file)  # written by the child forked above, alone
            except EOFError:
                return
            yield from chunk

    def _ended(self) -> bool:
        """Wait for the child; True when it ended well."""
        if self.pid is None:
            return False
        _pid, status = os.waitpid(self.pid, 0)
        self.pid = None
        return status == 0

    def close(self) -> None:
        if self.pid is not None:
            self._ended()
        self.file.close()


def keyed_tasks(archive: Archive) -> Iterator[tuple[Key, Task]]:
    """(key, task) of each task of `archive.tasks` (not the later tasks of a duplicate id),
    one at a time. A task's key is its place in the archive's order: its meeting's date
    (ordinal) and id, which of the minutes of that date and id it is (0 but for duplicate
    minutes ids), and its place in them. Unlike a position in the whole list, a key stays the
    same when other files change (incremental.py). Made as the rows are written, not as a
    dict of every task's key (some 40 MB at 200,000 tasks)."""
    by_id = archive._tasks_by_id
    previous: tuple[int, str] | None = None
    tie = 0
    for minutes in archive.minutes:  # sorted (archive.resolve)
        here = (minutes.date.toordinal(), minutes.id)
        tie = tie + 1 if here == previous else 0
        previous = here
        for number, task in enumerate(minutes.tasks):
            if by_id.get(task.id) is task:
                yield (*here, tie, number), task


def _drain(rows: Iterable[TaskRow]) -> Iterable[TaskRow]:
    """The rows of a list one by one, each let go of as it is given (200,000 rows are some
    60 MB, not held beside their tasks); other iterables as they are."""
    if not isinstance(rows, list):
        yield from rows
        return
    rows.reverse()
    while rows:
        yield rows.pop()


def from_parts(
    parts: dict[str, bytes], root: str, shown_root: str, rows: Iterable[TaskRow] = ()
) -> TaskSnapshot:
    """The snapshot the index's head holds, with the tasks of `rows` (status_rows), seen from
    `shown_root` (signed with this user's key: index.py)."""
    head: dict[str, Any] = marshal.loads(parts["head"])
    config = unpack_config(head["config"])
    if config.path is not None:
        config.path = f"{shown_root}/{CONFIG_NAME}"
    loads = marshal.loads
    tasks = [unpack_task(loads(row[5])) for row in _drain(rows)]
    result = TaskSnapshot(root, shown_root, config, tasks, [], head["groups"], head["files"])
    old_root = head["shown_root"]
    for path, line, severity, code, message in head["problems"]:
        rel = path if old_root == "." else path.removeprefix(f"{old_root}/")
        result.problems.append(Problem(shown_path(result, rel), line, severity, code, message))
    return result

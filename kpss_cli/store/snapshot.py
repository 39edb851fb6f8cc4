"""The task snapshot (archive.TaskSnapshot) as the index keeps it, so that a warm `kpss tasks`
reads no minutes at all. It is stored in parts (a head, and the tasks of each
status apart: most tasks of an old archive are done, and daily questions are about open ones)
as marshal data laid out by packing.py, keyed by the archive's fingerprint.
"""

from __future__ import annotations

import heapq
import io
import marshal
from collections.abc import Iterator

from ..core.errors import Problem
from ..core.model import STATUSES, Task
from .archive import Archive, FileStat, TaskSnapshot, shown_path
from .config import CONFIG_NAME
from .index import blake2b
from .packing import MARSHAL_VERSION, pack_config, pack_task, unpack_config, unpack_task

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


def fingerprint(files: list[tuple[str, FileStat | OSError]], unreadable: list[tuple[str, OSError]]) -> str:
    """The archive's fingerprint from its walk (archive.walk_files): every file's path, size,
    modification and change time and inode (of the link itself, if it is one; a pipe's or a
    device's too), and the folders it could not read. Names that are not UTF-8 count as the
    bytes they are."""
    digest = blake2b()
    for start in range(0, len(files), 4096):  # in slices: the lines of every file are never all held
        lines = [
            f"{rel}\0gone\n"
            if isinstance(own, OSError)
            else f"{rel}\0{own.st_size}\0{own.st_mtime_ns}\0{own.st_ctime_ns}\0{own.st_ino}\n"
            for rel, own in files[start : start + 4096]
        ]
        digest.update("".join(lines).encode("utf-8", "surrogatepass"))
    lines = [f"{folder}/\0unreadable\n" for folder, _ in unreadable]
    digest.update("".join(lines).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


LINKS = "links"  # what each file holds that resolution across files needs: incremental.py
PARTS = ("head", *STATUSES, LINKS)
ROWS_PER_BATCH = 10_000

Key = tuple[int, str, int, int]  # a task's place in the archive: task_keys


def task_keys(archive: Archive) -> dict[int, Key]:
    """Each task's place in the archive's order (by `id()` of the task): its meeting's date
    (ordinal) and id, which of the minutes of that date and id it is (0 but for duplicate
    minutes ids), and its place in them. Unlike a position in the whole list, a key stays
    the same when other files change (incremental.py)."""
    keys: dict[int, Key] = {}
    previous: tuple[int, str] | None = None
    tie = 0
    for minutes in archive.minutes:  # sorted (archive.resolve)
        here = (minutes.date.toordinal(), minutes.id)
        tie = tie + 1 if here == previous else 0
        previous = here
        for number, task in enumerate(minutes.tasks):
            keys[id(task)] = (*here, tie, number)
    return keys


# A row of a part: the task's key (four fields), its id, and its packed task as marshal bytes
# of its own: bringing the snapshot up to date (incremental.py) reads and writes the rows of
# every task but unpacks none, and a warm run unpacks only the rows it shows.
TaskRow = tuple[int, str, int, int, str, bytes]


def task_row(key: Key, task: Task) -> TaskRow:
    return (*key, task.id, marshal.dumps(pack_task(task), MARSHAL_VERSION))


def write_rows(rows: list[TaskRow]) -> bytes:
    """A part of the snapshot: its rows in the archive's order, a batch at a time (the 170,000 done tasks of 100,000 minutes at once held 90 MiB more at the peak
    of a first run)."""
    out = io.BytesIO()
    for start in range(0, len(rows), ROWS_PER_BATCH):
        marshal.dump(rows[start : start + ROWS_PER_BATCH], out, MARSHAL_VERSION)
    return out.getvalue()


def snapshot_parts(archive: Archive, links: bytes | None = None) -> dict[str, bytes]:
    """The parts of a loaded archive's snapshot, by name (PARTS), as the index stores them;
    `links` is its part LINKS (incremental.links_part; without it, a change loads the
    archive whole)."""
    head = {
        "problems": [(p.path, p.line, p.severity, p.code, p.message) for p in archive.problems],
        "groups": archive.group_names,
        "files": archive.files,
        "shown_root": archive.shown_root,
        "config": pack_config(archive.config),
    }
    parts = {"head": marshal.dumps(head, MARSHAL_VERSION), LINKS: links or marshal.dumps(None)}
    keys = task_keys(archive)
    for status in STATUSES:
        parts[status] = write_rows([task_row(keys[id(t)], t) for t in archive.tasks if t.status == status])
    return parts


def read_rows(data: bytes) -> list[TaskRow]:
    """The rows of a part of the snapshot (TaskRow): its batches, one after the other."""
    stream = io.BytesIO(data)
    rows: list[TaskRow] = []
    while stream.tell() < len(data):
        rows += marshal.load(stream)
    return rows


def each_row(data: bytes) -> Iterator[TaskRow]:
    """The rows of a part of the snapshot, as read_rows gives them, a batch in memory at a time."""
    stream = io.BytesIO(data)
    while stream.tell() < len(data):
        yield from marshal.load(stream)


def from_parts(parts: dict[str, bytes], root: str, shown_root: str) -> TaskSnapshot:
    """The snapshot the index's parts hold (signed with this user's key: index.py), seen from
    `shown_root`."""
    head: dict[str, Any] = marshal.loads(parts["head"])
    config = unpack_config(head["config"])
    if config.path is not None:
        config.path = f"{shown_root}/{CONFIG_NAME}"
    # Each part keeps the archive's order; merged, they keep it too. Read a batch at a time:
    # the rows are never all held beside their tasks (200,000 rows are some 60 MB).
    rows = [each_row(data) for name, data in parts.items() if name != "head"]
    loads = marshal.loads
    tasks = [unpack_task(loads(row[5])) for row in heapq.merge(*rows)]  # keys are unique
    result = TaskSnapshot(root, shown_root, config, tasks, [], head["groups"], head["files"])
    old_root = head["shown_root"]
    for path, line, severity, code, message in head["problems"]:
        rel = path if old_root == "." else path.removeprefix(f"{old_root}/")
        result.problems.append(Problem(shown_path(result, rel), line, severity, code, message))
    return result

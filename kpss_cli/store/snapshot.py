"""The task snapshot (archive.TaskSnapshot) as the index keeps it, so that a warm `kpss tasks`
reads no minutes at all. It is stored in parts (a head, and the tasks of each
status apart: most tasks of an old archive are done, and daily questions are about open ones)
as marshal data laid out by packing.py, keyed by the archive's fingerprint.
"""

from __future__ import annotations

import heapq
import io
import marshal
import os

from ..core.errors import Problem
from ..core.model import STATUSES
from .archive import Archive, TaskSnapshot, shown_path
from .config import CONFIG_NAME
from .index import blake2b
from .packing import MARSHAL_VERSION, pack_config, pack_task, unpack_config, unpack_task

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


def fingerprint(
    files: list[tuple[str, os.stat_result | OSError]], unreadable: list[tuple[str, OSError]]
) -> str:
    """The archive's fingerprint from its walk (archive.walk_files): every file's path, size,
    modification and change time and inode (of the link itself, if it is one; a pipe's or a
    device's too), and the folders it could not read. Names that are not UTF-8 count as the
    bytes they are."""
    lines = [
        f"{rel}\0gone\n"
        if isinstance(own, OSError)
        else f"{rel}\0{own.st_size}\0{own.st_mtime_ns}\0{own.st_ctime_ns}\0{own.st_ino}\n"
        for rel, own in files
    ]
    lines += [f"{folder}/\0unreadable\n" for folder, _ in unreadable]
    return blake2b("".join(lines).encode("utf-8", "surrogatepass")).hexdigest()


PARTS = ("head", *STATUSES)
ROWS_PER_BATCH = 10_000


def snapshot_parts(archive: Archive) -> dict[str, bytes]:
    """The parts of a loaded archive's snapshot, by name (PARTS), as the index stores them."""
    head = {
        "problems": [(p.path, p.line, p.severity, p.code, p.message) for p in archive.problems],
        "groups": archive.group_names,
        "files": archive.files,
        "shown_root": archive.shown_root,
        "config": pack_config(archive.config),
    }
    parts = {"head": marshal.dumps(head, MARSHAL_VERSION)}
    for status in STATUSES:
        tasks = [(position, t) for position, t in enumerate(archive.tasks) if t.status == status]
        # Written a batch at a time: the 170,000 done tasks of 100,000 minutes at once held
        # 90 MiB more at the peak of a first run.
        out = io.BytesIO()
        for start in range(0, len(tasks), ROWS_PER_BATCH):
            batch = tasks[start : start + ROWS_PER_BATCH]
            marshal.dump([(position, pack_task(t)) for position, t in batch], out, MARSHAL_VERSION)
        parts[status] = out.getvalue()
    return parts


def read_rows(data: bytes) -> list[tuple[int, tuple[Any, ...]]]:
    """The rows of a part of the snapshot, (position in the archive, packed task): its batches,
    one after the other."""
    stream = io.BytesIO(data)
    rows: list[tuple[int, tuple[Any, ...]]] = []
    while stream.tell() < len(data):
        rows += marshal.load(stream)
    return rows


def from_parts(parts: dict[str, bytes], root: str, shown_root: str) -> TaskSnapshot:
    """The snapshot the index's parts hold (signed with this user's key: index.py), seen from
    `shown_root`."""
    head: dict[str, Any] = marshal.loads(parts["head"])
    config = unpack_config(head["config"])
    if config.path is not None:
        config.path = f"{shown_root}/{CONFIG_NAME}"
    # Each part keeps the archive's order; merged, they keep it too.
    rows = [read_rows(data) for name, data in parts.items() if name != "head"]
    tasks = [unpack_task(task) for _, task in heapq.merge(*rows)]
    result = TaskSnapshot(root, shown_root, config, tasks, [], head["groups"], head["files"])
    old_root = head["shown_root"]
    for path, line, severity, code, message in head["problems"]:
        rel = path if old_root == "." else path.removeprefix(f"{old_root}/")
        result.problems.append(Problem(shown_path(result, rel), line, severity, code, message))
    return result

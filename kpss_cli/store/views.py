"""Views of whole minutes records for the commands that read more than rows (loading.load_view):
reduced records for `schedule`, `members` and `agenda`; for `show`, one packed record per file,
each kept apart (loading.load_keyed).
A warm run unpacks what its command reads, not every record of the archive."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..core.model import STATUSES, Minutes, Task
from .archive import Archive, TaskSnapshot, _relative_ref
from .loading import EachMinutes, Progress, load_keyed, load_view
from .packing import pack_minutes, reduced_view, unpack_attendance, unpack_minutes, unpack_task

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    from typing import Any


def _archive(loaded: TaskSnapshot, minutes: list[Minutes]) -> Archive:
    """An Archive of `minutes` with the whole archive's problems, groups and configuration."""
    result = Archive(Path(loaded.root), loaded.shown_root, loaded.config)
    result.minutes = minutes
    result.problems = loaded.problems
    result.group_names = loaded.group_names
    result.files = loaded.files
    return result


def _finish(records: list[Any], _sample: Minutes | None, selected: list[Any]) -> Any:
    return records, selected


def reduced(
    keep: frozenset[str], tasks: Callable[[Task], bool] | None = None, statuses: tuple[str, ...] = STATUSES
) -> EachMinutes:
    """The view of `load_reduced`: each minutes reduced to `keep`, and the tasks `tasks` selects
    (of the statuses `statuses`: the others are not read)."""
    return EachMinutes(lambda m: reduced_view([m], keep)[0], _finish, tasks, statuses)


def load_reduced(
    archive: str | os.PathLike[str] | None,
    name: str,
    keep: frozenset[str],
    *,
    tasks: Callable[[Task], bool] | None = None,
    statuses: tuple[str, ...] = STATUSES,
    use_index: bool = True,
    progress: Progress | None = None,
) -> Archive:
    """The archive with minutes that keep, of the fields holding many values, only those of
    `keep` (packing.reduced_view), and the tasks that `tasks` selects (none without it) of the
    statuses `statuses`: from the index's view `name` when no file changed. `name` tells one
    selection from another."""
    view = reduced(keep, tasks, statuses)
    loaded, (records, packed) = load_view(archive, name, view, use_index=use_index, progress=progress)
    result = _archive(loaded, unpack_attendance(records))
    result.tasks = [unpack_task(t) for t in packed]
    return result


def load_one(
    archive: str | os.PathLike[str] | None,
    ref: str,
    *,
    use_index: bool = True,
    progress: Progress | None = None,
) -> tuple[Archive, Minutes | None]:
    """The archive's problems, groups and configuration, and the whole minutes record whose id
    or path is `ref` (as Archive.find_minutes finds it; None when none is), from the index's
    view `show` when no file changed: the minutes' ids and paths, and the one record asked
    for, read from a part of its own (loading.load_keyed), not every record."""

    def build(whole: Archive) -> tuple[dict[str, str], Callable[[str], bytes]]:
        refs: dict[str, str] = {}
        by_path: dict[str, Minutes] = {}
        for m in whole.minutes:  # the first minutes of an id or a path is the one found
            refs.setdefault(m.id, m.path)
            refs.setdefault(m.path, m.path)
            by_path.setdefault(m.path, m)
        return refs, lambda path: pack_minutes(by_path[path])

    def pick(refs: dict[str, str], shown: TaskSnapshot) -> str | None:
        return refs.get(_relative_ref(Path(shown.root), shown.shown_root, ref))

    loaded, record = load_keyed(archive, "show", build, pick, use_index=use_index, progress=progress)
    return _archive(loaded, []), None if record is None else unpack_minutes(record)

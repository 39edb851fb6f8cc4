"""Views of whole minutes records for the commands that read more than rows (loading.load_view):
reduced records for `schedule`, `members` and `agenda`; for `show`, the one record asked for,
from its file's row and the rows of its tasks in the task snapshot (`load_one`).
A warm run unpacks what its command reads, not every record of the archive."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path

from ..core.model import STATUSES, Minutes, Task
from .archive import Archive, TaskSnapshot, _relative_ref, resolve_root
from .index import Index, bucket
from .loading import EachMinutes, Progress, _parse_file, load_archive, load_view, read_snapshot
from .packing import left_out, reduced_record, unpack, unpack_attendance, unpack_config, unpack_task
from .snapshot import FILE, MEET, NO_STATE, ROWS, STATE, from_parts, status_kind, status_parts

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
    omit = left_out(keep)
    return EachMinutes(lambda m: reduced_record(m, omit), _finish, tasks, statuses)


def load_reduced(
    archive: str | os.PathLike[str] | None,
    name: str,
    keep: frozenset[str],
    *,
    tasks: Callable[[Task], bool] | None = None,
    statuses: tuple[str, ...] = STATUSES,
    use_index: bool = True,
    progress: Progress | None = None,
    latest: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> Archive:
    """The archive with minutes that keep, of the fields holding many values, only those of
    `keep` (packing.reduced_view), and the tasks that `tasks` selects (none without it) of the
    statuses `statuses`: from the index's view `name` when no file changed. `name` tells one
    selection from another. `latest`: the caller reads of the minutes only each group's latest
    and those that record joins or leaves, so a cold run (`use_index` False) holds only those.
    `meanwhile`: done once, by a cold run while its workers parse (store/cold._each_kept)."""
    view = reduced(keep, tasks, statuses)
    if use_index:
        loaded, (records, packed) = load_view(archive, name, view, use_index=use_index, progress=progress)
    else:  # made without holding the records (cold.py): each record made as its value is read
        from .cold import cold_parts

        made = cold_parts(archive, view, progress, latest=latest, meanwhile=meanwhile)
        if made is not None:  # the view's `finish` (_finish) gives its values as they are
            result = _archive(made.head, [unpack_attendance([value])[0] for value in made.values()])
            packed = made.selected
            packed.reverse()
            result.tasks = []
            while packed:  # each task let go of once unpacked
                result.tasks.append(unpack_task(packed.pop()))
            return result
        loaded, (records, packed) = load_view(archive, name, view, use_index=False, progress=progress)
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
    or path is `ref` (as Archive.find_minutes finds it; None when none is). From the index
    when it holds the task snapshot of the archive as it is, or one a few changed files bring
    up to date (loading.read_snapshot): the file of the id (its path without `.md`) or
    path (the snapshot's table FILE), its parsed record (its row in the index, or the file parsed when its row is
    not kept) and its tasks as resolved (the rows of the statuses' tables): no other record
    is read. Else from the archive loaded."""
    if use_index:
        root, shown_root = resolve_root(archive)
        names = (STATE, *(ROWS + kind for kind in (FILE, MEET)), *status_parts(STATUSES))

        def read(index: Index, parts: dict[str, bytes]) -> tuple[Archive, Minutes | None] | None:
            return _record(index, parts, root, shown_root, ref)

        found = read_snapshot(archive, names, read)
        if found is not None:
            return found  # type: ignore[no-any-return]
    else:  # --no-cache: one record whole, of the others what resolving reads (cold.py)
        from .cold import cold_one

        made = cold_one(archive, ref, progress)
        if made is not None:
            return made
    whole = load_archive(archive, use_index=use_index, progress=progress)
    return whole, whole.find_minutes(ref)


def _record(
    index: Index, parts: dict[str, bytes], root: str, shown_root: str, ref: str
) -> tuple[Archive, Minutes | None] | None:
    """(the archive's head, the minutes `ref` names, or None) from the snapshot's `parts` (see
    load_one); None when the snapshot cannot tell (it keeps no tables: NO_STATE) or is not as
    its digests say."""
    if parts[STATE] == NO_STATE:
        return None  # a file or folder not read, or a minutes id held twice: loaded
    from pathlib import Path

    loads = marshal.loads
    head = from_parts({"head": parts["head"]}, root, shown_root)
    wanted = _relative_ref(Path(root), shown_root, ref)
    files = loads(parts[ROWS + FILE])

    def entry(rel: str) -> Any:
        found = index.table(FILE, files, (bucket(rel[: rel.rfind("/") + 1]),), convert=loads)
        if found is None:
            raise LookupError(FILE)
        return next((value for path, value in found if path == rel), None)

    # As find_minutes: the first minutes in the archive's order (date, id) whose id or path it is.
    candidates = []
    found = entry(f"{wanted}.md")  # a minutes id is its file's path without `.md`
    if found is not None and found[5] is not None:
        if found[5][0] != wanted:
            return None  # not as the table says of its files
        candidates.append((found[5][1], wanted, f"{wanted}.md", found))
    found = entry(wanted)
    if found is not None and found[5] is not None:
        candidates.append((found[5][1], found[5][0], wanted, found))
    if not candidates:
        return _archive(head, []), None
    date, minutes_id, rel, found = min(candidates)
    row = index.row(rel)
    if row is not None and row[1:5] == tuple(found[:4]):
        minutes = unpack(row[5])[0]
    else:  # changed a moment ago: its row is not kept yet (loading.SETTLED_NS)
        config = unpack_config(loads(parts["head"])["config"])
        minutes = _parse_file(root, rel, config)[0]
    if minutes is None or minutes.id != minutes_id or minutes.date.toordinal() != date:
        return None
    # Its tasks as resolved across the archive (snapshot.task_row); a task whose id an earlier
    # minutes defined is not resolved (archive.resolve), only its deadline "until the next
    # meeting" filled.
    read: dict[tuple[str, int], list[Any]] = {}
    for place, task in enumerate(minutes.tasks):
        key = (date, minutes_id, 0, place)
        number = bucket(f"{date}\0{minutes_id}\0{0}\0{place}")
        resolved = None
        for status in STATUSES:
            if (status, number) not in read:
                kind = status_kind(status)
                rows = index.table(kind, loads(parts[ROWS + kind]), (number,), convert=loads)
                if rows is None:
                    return None
                read[status, number] = rows
            for kept in read[status, number]:
                if tuple(kept[:4]) == key:
                    if kept[4] != task.id:
                        return None
                    resolved = unpack_task(loads(kept[5]))
        if resolved is not None:
            minutes.tasks[place] = resolved
        elif task.deadline_kind == "next_meeting":
            task.deadline = _next_meeting(index, parts, minutes)
    return _archive(head, []), minutes


def _next_meeting(index: Index, parts: dict[str, bytes], minutes: Minutes) -> Any:
    """The date of the meeting after `minutes` (archive.next_meetings), from the snapshot's
    table MEET of its group."""
    import datetime as dt

    from .incremental import _after  # a duplicate task id: rare

    rows = index.table(
        MEET, marshal.loads(parts[ROWS + MEET]), (bucket(minutes.group_slug),), convert=marshal.loads
    )
    if rows is None:
        raise LookupError(MEET)
    day = _after((v[1], v[2], v[4]) for v in rows if v[0] == minutes.group_slug).get(minutes.id)
    return None if day is None else dt.date.fromordinal(day)

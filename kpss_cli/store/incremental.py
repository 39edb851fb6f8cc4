"""The task snapshot brought up to date after a few files changed, without loading the archive.

A full load unpacks every row and resolves every task: after one edit of a 100,000-file
archive that is many times a warm run. Beside the snapshot the index keeps the part LINKS
(`links_part`): for each file, its size, times and inode as they were, its problems, and what
resolving tasks across files needs of its minutes (id, date, group, next meeting, the ids of
the tasks it defines and of those it updates). From it, `updated_parts` finds what changed
(files changed, added, removed), which tasks the change can affect (those the changed files
define or update, before and after, and those of the minutes whose next meeting moved), and
resolves only those, from the few files that define or update them; every other task keeps
its row. Anything out of the ordinary (unreadable files or folders, duplicate minutes ids, many
changes) gives None: the caller loads the archive as before. The answers are those of a full
load (tests/test_views.py compares them with `--no-cache`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any  # not on the warm path: a file changed

from ..core.config import Config
from ..core.errors import Problem
from ..core.model import STATUSES, Minutes
from .archive import Archive, FileStat, duplicate_task, printable, resolve
from .packing import MARSHAL_VERSION
from .snapshot import LINKS, TaskRow, read_rows, task_row, write_rows

# Beyond this many changed files a full load is about as quick, and simpler.
MOST_CHANGES = 200

# What LINKS holds of one file: (size, mtime_ns, ctime_ns, inode, problems, minutes or None),
# problems as (line, severity, code, message), minutes as
# (id, date ordinal, group slug, group name, next meeting ordinal or None, task ids, task lines,
#  ids of the tasks it updates).
Entry = tuple[Any, ...]


def entry(stat: FileStat, problems: list[Problem], minutes: Minutes | None) -> Entry:
    """One file's entry in LINKS."""
    info = None
    if minutes is not None:
        meeting = minutes.next_meeting.date if minutes.next_meeting else None
        info = (
            minutes.id,
            minutes.date.toordinal(),
            minutes.group_slug,
            minutes.group,
            None if meeting is None else meeting.toordinal(),
            [t.id for t in minutes.tasks],
            [t.line for t in minutes.tasks],
            sorted({u.id for u in minutes.updates} | {u.id for u in minutes.loose_checks}),
        )
    return (
        stat.st_size,
        stat.st_mtime_ns,
        stat.st_ctime_ns,
        stat.st_ino,
        [(p.line, p.severity, p.code, p.message) for p in problems],
        info,
    )


def links_part(entries: dict[str, Entry] | None, config_problems: int) -> bytes:
    """The part LINKS: every file's entry in the walk's order and each minutes' next meeting
    (as next_meetings gives it, so that the next change finds the ones that moved without
    computing them before it); None when the archive had files or folders that could not be
    read, or two minutes of one date and id (then the next change loads it whole)."""
    order = None if entries is None else _order(entries)
    data = None
    if entries is not None and order is not None:
        after = _next_meetings(order, entries)
        data = {"config_problems": config_problems, "files": entries, "after": after}
    return marshal.dumps(data, MARSHAL_VERSION)


def _same(found: Entry, stat: FileStat) -> bool:
    return bool(
        found[0] == stat.st_size
        and found[1] == stat.st_mtime_ns
        and found[2] == stat.st_ctime_ns
        and found[3] == stat.st_ino
    )


def _order(files: dict[str, Entry]) -> list[tuple[int, str, str]] | None:
    """(date, id, path) of every minutes, sorted as archive.resolve sorts them; None when two
    share a date and an id (their order would be the walk's, which keys do not keep)."""
    order = sorted(
        ((info[1], info[0], rel) for rel, found in files.items() if (info := found[5]) is not None),
        key=lambda item: (item[0], item[1]),
    )
    for before, after in itertools.pairwise(order):
        if before[:2] == after[:2]:
            return None
    return order


def _next_meetings(order: list[tuple[int, str, str]], files: dict[str, Entry]) -> dict[str, int | None]:
    """archive.next_meetings from the entries: each minutes id to its next meeting's ordinal."""
    found: dict[str, int | None] = {}
    upcoming: dict[str, tuple[int, int | None]] = {}
    for date, minutes_id, rel in reversed(order):
        info = files[rel][5]
        seen = upcoming.get(info[2])
        later = None if seen is None else seen[0] if seen[0] > date else seen[1]
        found[minutes_id] = info[4] or later
        upcoming[info[2]] = (date, later)
    return found


def _touches(info: Any) -> set[str]:
    return set(info[5]) | set(info[7]) if info is not None else set()


Parse = Callable[[str, FileStat], tuple[Minutes | None, list[Problem]] | None]
Stored = Callable[[str, tuple[int, int, int, int]], Minutes | None]


def updated_parts(
    links: bytes,
    parts: dict[str, bytes],
    walk: list[tuple[str, FileStat | OSError]],
    root: str,
    shown_root: str,
    config: Config,
    parse: Parse,
    stored: Stored,
) -> tuple[dict[str, bytes], list[str]] | None:
    """(the snapshot's parts for the archive as `walk` found it, the files gone since) from the
    parts kept (`parts`: head, every status; `links`: LINKS); None when it cannot be told
    without a full load. `parse(rel, stat)` parses a changed file (None: it is not to be
    read as minutes, a full load says why); `stored(rel, (size, mtime_ns, ctime_ns, inode))`
    gives an unchanged file's minutes from the index (None when its row is not of that file)."""
    kept = marshal.loads(links)
    if kept is None:
        return None
    old: dict[str, Entry] = kept["files"]
    files: dict[str, Entry] = {}
    parsed: dict[str, Minutes] = {}
    changed: list[str] = []
    for rel, own in walk:
        if isinstance(own, OSError):
            return None
        found = old.get(rel)
        if found is not None and _same(found, own):
            files[rel] = found
            continue
        changed.append(rel)
        if len(changed) > MOST_CHANGES:
            return None
        outcome = parse(rel, own)
        if outcome is None:
            return None
        minutes, problems = outcome
        files[rel] = entry(own, problems, minutes)
        if minutes is not None:
            parsed[rel] = minutes
    removed = [rel for rel in old if rel not in files]
    if len(changed) + len(removed) > MOST_CHANGES:
        return None
    order = _order(files)
    if order is None:
        return None
    old_after: dict[str, int | None] = kept["after"]
    after = _next_meetings(order, files)

    # The tasks the change can affect.
    affected: set[str] = set()
    for rel in (*changed, *removed):
        affected |= _touches(old[rel][5] if rel in old else None)
        affected |= _touches(files[rel][5] if rel in files else None)
    moved = {mid for mid, date in after.items() if old_after.get(mid, date) != date}
    for _date, minutes_id, rel in order if moved else ():
        if minutes_id in moved:  # its "until the next meeting" moved
            affected |= _touches(files[rel][5])

    # Resolved again from every file that defines or updates one of them, with the archive's
    # next meetings.
    involved: list[Minutes] = []
    for rel, found in files.items():
        info = found[5]
        if info is None or (affected.isdisjoint(info[5]) and affected.isdisjoint(info[7])):
            continue
        minutes = parsed.get(rel) or stored(rel, found[:4])
        if minutes is None:
            return None
        involved.append(minutes)
    some = Archive(Path(root), shown_root, config)
    some.minutes = involved
    resolve(some, {mid: None if day is None else dt.date.fromordinal(day) for mid, day in after.items()})
    number = {id(task): n for minutes in involved for n, task in enumerate(minutes.tasks)}
    fresh: dict[str, list[TaskRow]] = {status: [] for status in STATUSES}
    for task in some.tasks:
        if task.id in affected:
            key = (task.meeting_date.toordinal(), task.minutes_id, 0, number[id(task)])
            fresh[task.status].append(task_row(key, task))

    result: dict[str, bytes] = {}
    for status in STATUSES:
        rows = [row for row in read_rows(parts[status]) if row[4] not in affected]
        rows += fresh[status]
        rows.sort()  # by key: keys are unique
        result[status] = write_rows(rows)
    result["head"] = _head(parts["head"], kept["config_problems"], files, order, shown_root)
    result[LINKS] = marshal.dumps(
        {"config_problems": kept["config_problems"], "files": files, "after": after}, MARSHAL_VERSION
    )
    return result, removed


def _head(
    data: bytes,
    config_problems: int,
    files: dict[str, Entry],
    order: list[tuple[int, str, str]],
    shown_root: str,
) -> bytes:
    """The head of the snapshot: problems (kpss.yaml's, each file's, the duplicate task ids as
    archive.resolve finds them), groups, the number of files, the configuration."""
    head: dict[str, Any] = marshal.loads(data)

    def shown(rel: str) -> str:  # archive.shown_path
        return rel if shown_root == "." else f"{shown_root}/{rel}"

    old_root = head["shown_root"]
    problems = []
    for path, line, severity, code, message in head["problems"][:config_problems]:
        rel = path if old_root == "." else path.removeprefix(f"{old_root}/")
        problems.append((shown(rel), line, severity, code, message))
    for rel, found in files.items():
        where = shown(printable(rel))
        problems += [(where, line, severity, code, message) for line, severity, code, message in found[4]]
    first: dict[str, tuple[str, int]] = {}
    groups: dict[str, str] = {}
    for _date, _id, rel in order:
        info = files[rel][5]
        groups[info[2]] = info[3]
        for task_id, line in zip(info[5], info[6], strict=True):
            if task_id in first:
                path, first_line = first[task_id]
                twice = duplicate_task(shown(rel), line, task_id, shown(path), first_line)
                problems.append((twice.path, twice.line, twice.severity, twice.code, twice.message))
            else:
                first[task_id] = (rel, line)
    head["problems"] = problems
    head["groups"] = groups
    head["files"] = len(files)
    head["shown_root"] = shown_root
    return marshal.dumps(head, MARSHAL_VERSION)

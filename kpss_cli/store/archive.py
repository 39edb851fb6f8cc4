"""An archive: every minutes file below a folder, parsed, with task statuses resolved over time."""

from __future__ import annotations

import os
import stat as stat_module
from collections.abc import Iterator
from operator import attrgetter

from ..core.config import Config
from ..core.dates import parse_deadline
from ..core.errors import KpssError, Problem
from ..core.i18n import _
from ..core.model import Minutes, Record, StatusChange, Task, Update
from .config import SKIPPED_FOLDERS, find_root
from .files import read_regular

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path
    from typing import TypeVar

    Day = TypeVar("Day", dt.date, int)  # a date, or its ordinal (next_meeting_dates)

_name = attrgetter("name")


class Archive(Record):
    """The parsed archive: minutes sorted by (date, id), every task, and every problem found.
    Loading (loading.py) fills it in; `kpss tasks` may get a TaskSnapshot instead."""

    __slots__ = (
        "root", "shown_root", "config", "minutes", "problems", "tasks", "unmatched_updates",
        "not_minutes", "group_names", "files", "_tasks_by_id",
    )  # fmt: skip

    def __init__(self, root: Path, shown_root: str, config: Config) -> None:
        self.root = root
        self.shown_root = shown_root
        self.config = config
        self.minutes: list[Minutes] = []
        self.problems: list[Problem] = []
        self.tasks: list[Task] = []
        self.unmatched_updates: list[tuple[Minutes, Update]] = []
        self.not_minutes: list[str] = []  # .md files without front matter
        self.group_names: dict[str, str] = {}  # slug -> name, of the minutes
        self.files = 0  # candidate files read
        self._tasks_by_id: dict[str, Task] = {}

    @property
    def has_errors(self) -> bool:
        """True when any file had an error."""
        return any(p.is_error for p in self.problems)

    def task(self, task_id: str) -> Task | None:
        """Return the task with id `task_id`, or None."""
        return self._tasks_by_id.get(task_id.strip())

    def load_body(self, minutes: Minutes) -> Minutes:
        """`minutes` with its Markdown body, read from its file."""
        if minutes.body is None:
            read_from_disk(minutes.path)
            from ..minutes.source import decode, split_front_matter  # only `show` and `render` need bodies

            data = read_regular(f"{self.root}/{minutes.path}")
            split = split_front_matter(decode(data).text)
            minutes.body = split.body if split else ""
        return minutes

    def find_minutes(self, ref: str) -> Minutes | None:
        """Return the minutes whose id or path (relative, or as shown, or absolute) is `ref`."""
        wanted = _relative_ref(self.root, self.shown_root, ref)
        for minutes in self.minutes:
            if wanted in (minutes.id, minutes.path):
                return minutes
        return None


class TaskSnapshot(Record):
    """The tasks of some statuses, with the problems, groups and configuration of the archive
    they were taken from; no minutes records."""

    __slots__ = ("root", "shown_root", "config", "tasks", "problems", "group_names", "files")

    def __init__(
        self,
        root: str,  # text, not a Path: the warm path does not import pathlib
        shown_root: str,
        config: Config,
        tasks: list[Task],
        problems: list[Problem],
        group_names: dict[str, str],
        files: int,
    ) -> None:
        self.root = root
        self.shown_root = shown_root
        self.config = config
        self.tasks = tasks
        self.problems = problems
        self.group_names = group_names  # slug -> name, of the minutes
        self.files = files

    @classmethod
    def of(cls, archive: Archive) -> TaskSnapshot:
        """The snapshot of a fully loaded archive."""
        return cls(
            str(archive.root),
            archive.shown_root,
            archive.config,
            archive.tasks,
            archive.problems,
            archive.group_names,
            archive.files,
        )

    @property
    def has_errors(self) -> bool:
        """True when any file had an error."""
        return any(p.is_error for p in self.problems)


def _relative_ref(root: Path, shown_root: str, ref: str) -> str:
    from pathlib import Path  # not on the warm path

    ref = ref.strip().replace("\\", "/")
    candidate = Path(ref)
    if candidate.is_absolute() or candidate.exists():
        try:
            return candidate.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return ref
    prefix = shown_root.rstrip("/") + "/"
    return ref.removeprefix(prefix) if shown_root not in ("", ".") else ref.removeprefix("./")


def resolve_root(archive: str | os.PathLike[str] | None, cwd: str | None = None) -> tuple[str, str]:
    """Return (root, root as shown in messages) for `--archive` or the folder search. The root
    is text, not a Path: the warm path does not import pathlib (store/config.find_root)."""
    if archive is not None:
        root = os.fspath(archive)
        if not os.path.isdir(root):
            raise KpssError(_("archive folder not found: {archive}").format(archive=archive))
        return root, root.rstrip("/") or "/"
    start = cwd or os.getcwd()
    found = find_root(start)
    if found is None:
        raise KpssError(
            _(
                "no archive here: neither this folder nor any above it has a kpss.yaml; "
                "start one with `kpss init`, or name one with --archive or KPSS_ARCHIVE"
            )
        )
    if found == os.path.realpath(start):
        return start, "."
    return found, os.path.relpath(found, start)


class FileStat:
    """What kpss reads of a file's own `lstat` (its kind, size, times and inode), under the
    names of os.stat_result. A walk keeps one per file: a whole os.stat_result, with its
    floats and the fields kpss never reads, is about three times as big (some 60 MB at
    100,000 files, on every run)."""

    __slots__ = ("st_mode", "st_size", "st_mtime_ns", "st_ctime_ns", "st_ino")

    def __init__(self, found: os.stat_result) -> None:
        self.st_mode = found.st_mode
        self.st_size = found.st_size
        self.st_mtime_ns = found.st_mtime_ns
        self.st_ctime_ns = found.st_ctime_ns
        self.st_ino = found.st_ino


Stamp = tuple[int, int, int, int]  # a file's size, mtime_ns, ctime_ns and inode: changed or not


def stamp_of(stat: FileStat | os.stat_result) -> Stamp:
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


class Reads:
    """What a computation read of the archive other than through the index, while it is in
    `watching`: the minutes files read from disk (relative paths) and how many walks it made.
    An answer computed is kept only when those files are as the walk before it found them
    (answers.py)."""

    __slots__ = ("files", "walks")

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.walks = 0


watching: list[Reads] = []  # the computations under way (answers.load_answer)


def read_from_disk(rel: str) -> None:
    """Note that the minutes file `rel` is read from disk (loading._parse_file, load_body)."""
    for reads in watching:
        reads.files.add(rel)


def walk_folder(root: str | os.PathLike[str], prefix: str) -> list[tuple[str, FileStat | OSError]]:
    """The candidate files of one folder of the archive (`prefix`, as walk_files names it:
    "" or ending in `/`), as walk_files finds them; an OSError when it cannot be read."""
    found: list[tuple[str, FileStat | OSError]] = []
    _scan(f"{root}/{prefix[:-1]}" if prefix else str(root), prefix, found)
    return found


def find_files(root: str | os.PathLike[str]) -> Iterator[str]:
    """Yield the relative paths (with `/`) of candidate minutes files, in sorted order."""
    for rel, _stat in walk_files(root):
        yield rel


class WalkFiles(list):  # type: ignore[type-arg]  # of (str, FileStat | OSError)
    """The files a walk found (walk_files), with where each folder's files are in it
    (`spans`: the folder as walk_files names it, first, last + 1, as the walk found them)
    and room for the digests of the folders (snapshot.folders), made once per walk however
    often they are asked for."""

    __slots__ = ("folders", "spans")
    spans: list[tuple[str, int, int]]


def walk_files(
    root: str | os.PathLike[str], unreadable: list[tuple[str, OSError]] | None = None, stats: bool = True
) -> list[tuple[str, FileStat | OSError]]:
    """(relative path with `/`, its own `lstat` or the error it gave) of every candidate
    minutes file, in sorted order: a folder's files, then its subfolders. Hidden folders,
    `templates/` and folders reached through links are skipped. Folders that cannot be read
    go to `unreadable` (their relative path, "" for the root, and the error) when given.
    Without `stats`, a file the folder's listing says is regular gets UNSTATED instead."""
    for reads in watching:
        reads.walks += 1
    found = WalkFiles()
    found.spans = []
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            subfolders = _scan(folder, prefix, found, stats)
        except FileNotFoundError:
            continue  # gone while we looked
        except OSError as exc:
            if unreadable is not None:
                unreadable.append((prefix.rstrip("/"), exc))
            continue
        pending.extend(reversed(subfolders))  # the first subfolder is walked next
    return found


# Files are looked at through their folder's descriptor where the system allows it: a third
# faster than by their whole path (a warm `kpss tasks` is mostly this look).
_BY_DESCRIPTOR = os.scandir in os.supports_fd and hasattr(os, "O_DIRECTORY")


def _scan(
    folder: str, prefix: str, found: list[tuple[str, FileStat | OSError]], stats: bool = True
) -> list[tuple[str, str]]:
    """Add a folder's candidate files to `found`; return its subfolders to walk."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY) if _BY_DESCRIPTOR else None
    except OSError:
        descriptor = None  # its path may still be read
    try:
        with os.scandir(folder if descriptor is None else descriptor) as listing:
            entries = sorted(listing, key=_name)
        start = len(found)
        subfolders: list[tuple[str, str]] = []
        add = found.append  # once per file: a warm run's walk is its largest part after the lstat
        for entry in entries:
            name = entry.name
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                if not name.startswith(".") and name not in SKIPPED_FOLDERS and not entry.is_symlink():
                    subfolders.append((f"{folder}/{name}", f"{prefix}{name}/"))
            elif name.endswith(".md") and not name.startswith("."):
                try:
                    if stats:
                        own: FileStat | OSError = FileStat(entry.stat(follow_symlinks=False))
                    # The listing's kind costs no system call, an lstat does (most of a walk).
                    elif entry.is_file(follow_symlinks=False):
                        own = UNSTATED
                    else:
                        own = FileStat(entry.stat(follow_symlinks=False))
                except OSError as exc:
                    own = exc
                add((prefix + name, own))
        spans = getattr(found, "spans", None)
        if spans is not None and len(found) > start:
            spans.append((prefix, start, len(found)))
        return subfolders
    finally:
        if descriptor is not None:
            os.close(descriptor)


# A regular file a walk without stats did not `lstat` (walk_files): only runs that keep no
# index walk so (`--no-cache`), the size is judged where the file is read (loading._parse_file).
UNSTATED = FileStat(os.stat_result((stat_module.S_IFREG,) + (0,) * 9, {"st_mtime_ns": 0, "st_ctime_ns": 0}))


def printable(rel: str) -> str:
    """`rel` as messages and the index can hold it: the bytes of a name that is not UTF-8
    (which Python keeps as lone surrogates) written as `\\xNN`."""
    try:
        rel.encode()
    except UnicodeEncodeError:
        return "".join(map(_escaped, rel))
    return rel


def _escaped(char: str) -> str:
    if "\udc80" <= char <= "\udcff":  # a byte os.fsdecode could not decode
        return f"\\x{ord(char) - 0xDC00:02x}"
    if "\ud800" <= char <= "\udfff":  # half of a UTF-16 pair alone (Windows names)
        return f"\\u{ord(char):04x}"
    return char


def shown_path(archive: Archive | TaskSnapshot, rel: str) -> str:
    """Return the path of `rel` as messages show it."""
    return rel if archive.shown_root == "." else f"{archive.shown_root}/{rel}"


def duplicate_task(
    path: str, line: int | None, task_id: str, first_path: str, first_line: int | None
) -> Problem:
    """The error for a task whose id an earlier task (in archive order) already has; paths as
    shown."""
    message = _("task id {id!r} is already used at {path}:{line}").format(
        id=task_id, path=first_path, line=first_line
    )
    return Problem(path, line, "error", "duplicate-task-id", message)


def resolve(archive: Archive, after: dict[str, dt.date | None] | None = None) -> None:
    """Sort the minutes, collect tasks, fill `do příštího jednání` deadlines and apply updates:
    their statuses, and their new deadlines (anchored on the meeting that wrote them).
    `after` gives the date of each minutes' next meeting (next_meetings) when the archive
    holds only some of the minutes (incremental.py); else it is computed from them."""
    archive.minutes.sort(key=lambda m: (m.date, m.id))
    by_id: dict[str, Task] = {}
    tasks: list[Task] = []
    for minutes in archive.minutes:
        for task in minutes.tasks:
            if task.id in by_id:
                first = by_id[task.id]
                archive.problems.append(
                    duplicate_task(
                        shown_path(archive, minutes.path),
                        task.line,
                        task.id,
                        shown_path(archive, first.path),
                        first.line,
                    )
                )
                continue
            by_id[task.id] = task
            tasks.append(task)
            task.history = [
                StatusChange(
                    minutes.id, minutes.date, task.initial_status, None, minutes.path, task.line, task.due
                )
            ]
    if after is None:
        after = next_meetings(archive.minutes)
    for minutes in archive.minutes:
        for task in minutes.tasks:
            if task.deadline_kind == "next_meeting":
                task.deadline = after[minutes.id]
    for minutes in archive.minutes:
        updates = list(minutes.updates)
        updates += [u for u in minutes.loose_checks if u.id in by_id]
        for update in updates:
            target = by_id.get(update.id)
            if target is None or (minutes.date, minutes.id) <= (target.meeting_date, target.minutes_id):
                archive.unmatched_updates.append((minutes, update))
                continue
            target.status = update.status
            if update.owner:  # handed over, from this meeting on
                target.owner = update.owner
            if update.due is not None:  # a new deadline, from this meeting on
                deadline = parse_deadline(update.due, minutes.date)
                target.due, target.deadline_kind = update.due, deadline.kind
                target.deadline = after[minutes.id] if deadline.kind == "next_meeting" else deadline.end
            elif update.status == "open" and target.deadline_kind == "next_meeting":
                target.deadline = after[minutes.id]  # carried on: to the meeting after this one
            target.history.append(
                StatusChange(
                    minutes.id,
                    minutes.date,
                    update.status,
                    update.note,
                    minutes.path,
                    update.line,
                    update.due,
                )
            )
    archive.tasks = tasks
    archive._tasks_by_id = by_id
    archive.group_names = {m.group_slug: m.group for m in archive.minutes}


def next_meetings(minutes_list: list[Minutes]) -> dict[str, dt.date | None]:
    """The date of the meeting after each minutes (by id), for `do příštího jednání`: the
    minutes' own `next_meeting`, else the group's next minutes held on a later day, else None."""
    return next_meeting_dates(
        [(m.id, m.group_slug, m.date, m.next_meeting.date if m.next_meeting else None) for m in minutes_list]
    )


def next_meeting_dates(
    entries: list[tuple[str, str, Day, Day | None]],
) -> dict[str, Day | None]:
    """next_meetings of the minutes' (id, group slug, date, own next meeting's date), in the
    archive's order: what it reads of each record, without the records. The dates may be
    ordinals (export/rows.py): they are only compared."""
    found: dict[str, Day | None] = {}
    # Per group: the date of the earliest minutes seen so far walking back, and the first date after it.
    upcoming: dict[str, tuple[Day, Day | None]] = {}
    for minutes_id, slug, date, own in reversed(entries):  # latest first
        seen = upcoming.get(slug)
        later = None if seen is None else seen[0] if seen[0] > date else seen[1]
        found[minutes_id] = own or later
        upcoming[slug] = (date, later)
    return found

"""An archive: every minutes file below a folder, parsed, with task statuses resolved over time."""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import CONFIG_NAME, Config, find_root, load_config
from .errors import KpssError, Problem
from .index import Index
from .model import Minutes, StatusChange, Task, Update
from .parse import parse_minutes
from .source import MAX_FILE_SIZE, decode, split_front_matter

SKIPPED_FOLDERS = {"templates", "node_modules", "__pycache__"}


@dataclass
class Archive:
    """The parsed archive: minutes sorted by (date, id), every task, and every problem found."""

    root: Path
    shown_root: str
    config: Config
    minutes: list[Minutes] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    unmatched_updates: list[tuple[Minutes, Update]] = field(default_factory=list)
    not_minutes: list[str] = field(default_factory=list)  # .md files without front matter
    files: int = 0  # candidate files read
    _tasks_by_id: dict[str, Task] = field(default_factory=dict, repr=False)

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
            data = (self.root / minutes.path).read_bytes()
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


def _relative_ref(root: Path, shown_root: str, ref: str) -> str:
    ref = ref.strip().replace("\\", "/")
    candidate = Path(ref)
    if candidate.is_absolute() or candidate.exists():
        try:
            return candidate.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return ref
    prefix = shown_root.rstrip("/") + "/"
    return ref.removeprefix(prefix) if shown_root not in ("", ".") else ref.removeprefix("./")


def resolve_root(archive: str | Path | None, cwd: Path | None = None) -> tuple[Path, str]:
    """Return (root, root as shown in messages) for `--archive` or the folder search."""
    if archive is not None:
        root = Path(archive)
        if not root.is_dir():
            raise KpssError(f"archive folder not found: {archive}")
        return root, str(archive).rstrip("/") or "/"
    start = cwd or Path.cwd()
    root = find_root(start)
    if root == start:
        return start, "."
    return root, os.path.relpath(root, start)


def find_files(root: Path) -> Iterator[str]:
    """Yield the relative paths (with `/`) of candidate minutes files, in sorted order.

    Hidden folders, `templates/` and folders reached through links are skipped.
    """
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        rel_folder = os.path.relpath(folder, root)
        prefix = "" if rel_folder == "." else rel_folder.replace(os.sep, "/") + "/"
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                yield prefix + name


def _inspect(root: Path, rel: str) -> tuple[os.stat_result | None, Problem | None]:
    """The file's stat when kpss should read it, else why not (links, size, permissions)."""
    path = root / rel
    try:
        if path.is_symlink():
            target = path.resolve()
            if target.is_relative_to(root.resolve()):
                return None, None  # the file it points to is read on its own
            return None, Problem(
                rel, 1, "warning", "symlink-outside", "a link to a file outside the archive; skipped"
            )
        stat = path.stat()
    except FileNotFoundError:
        return None, None  # vanished while we were reading: no longer part of the archive
    except (OSError, RuntimeError) as exc:  # permissions, symlink loops
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return None, Problem(rel, 1, "error", "unreadable", f"cannot read the file: {reason}")
    if stat.st_size > MAX_FILE_SIZE:
        limit = MAX_FILE_SIZE // 1024 // 1024
        message = f"file is {stat.st_size / 1024 / 1024:.1f} MiB, over the {limit} MiB limit for minutes"
        return None, Problem(rel, 1, "error", "too-large", message)
    return stat, None


Outcome = tuple[Minutes | None, list[Problem]]  # problems name the file by its relative path


def _parse_file(root: Path, rel: str, config: Config) -> Outcome:
    try:
        with open(root / rel, "rb") as handle:
            data = handle.read(MAX_FILE_SIZE + 1)
    except FileNotFoundError:
        return None, []
    except OSError as exc:
        return None, [Problem(rel, 1, "error", "unreadable", f"cannot read the file: {exc.strerror or exc}")]
    return parse_minutes(data, rel, rel, config)


def _pickled(outcome: Outcome) -> bytes:
    """An outcome as it travels between processes and lies in the index: without the body,
    which only `show` and `render` need and read again (Archive.load_body)."""
    if outcome[0] is not None:
        outcome[0].body = None
    return pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)


def _parse_chunk(root: Path, rels: list[str], config: Config) -> list[bytes]:
    """Parse files in a worker process; the pickles travel back and go into the index as they are."""
    return [_pickled(_parse_file(root, rel, config)) for rel in rels]


PARALLEL_FROM = 300  # files to parse before a second process pays for itself


def _parse_many(root: Path, rels: list[str], config: Config, progress: Progress | None) -> list[bytes]:
    """Pickled outcomes of `rels`, in order; in parallel on every core when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(rels) < PARALLEL_FROM or workers < 2:
        results = []
        for done, rel in enumerate(rels, 1):
            results.append(_pickled(_parse_file(root, rel, config)))
            if progress and done % 200 == 0:
                progress(done, len(rels))
        return results
    size = max(50, len(rels) // (workers * 8))
    chunks = [rels[i : i + size] for i in range(0, len(rels), size)]
    results = []
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    )
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk in pool.map(_parse_chunk, [root] * len(chunks), chunks, [config] * len(chunks)):
            results.extend(chunk)
            if progress:
                progress(len(results), len(rels))
    return results


Progress = Callable[[int, int], None]


def load_archive(
    archive: str | Path | None = None,
    *,
    config: Config | None = None,
    use_index: bool = True,
    progress: Progress | None = None,
) -> Archive:
    """Load every minutes file of an archive (default: found from the current folder).

    With `use_index`, files unchanged since the last run come from `.kpss/index.sqlite3`;
    `progress(done, total)` is called while many files are parsed.
    """
    root, shown_root = resolve_root(archive)
    config = config if config is not None else load_config(root, shown_root)
    # Loading makes a few hundred thousand objects and frees none: the cycle collector would
    # only walk them again and again (it doubled the time on 10,000 files). Once loaded, they
    # are frozen out of its sight; reference counting still frees them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(root, shown_root, config, use_index, progress)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _load(root: Path, shown_root: str, config: Config, use_index: bool, progress: Progress | None) -> Archive:
    result = Archive(root=root, shown_root=shown_root, config=config)
    index = Index.open(root, _config_bytes(root)) if use_index else None
    cached = index.rows() if index else {}
    outcomes: dict[str, Outcome] = {}
    pending: list[tuple[str, os.stat_result]] = []
    seen: list[str] = []
    not_read: dict[str, list[Problem]] = {}  # links out, too large, unreadable
    for rel in find_files(root):
        seen.append(rel)
        stat, problem = _inspect(root, rel)
        if problem:
            not_read[rel] = [problem]
        elif stat is not None:
            row = cached.get(rel)
            if row and row[1] == stat.st_size and row[2] == stat.st_mtime_ns:
                outcomes[rel] = pickle.loads(row[3])  # signed with this user's key: index.py
            else:
                pending.append((rel, stat))
    blobs = _parse_many(root, [rel for rel, _ in pending], config, progress)
    for (rel, _), blob in zip(pending, blobs, strict=True):
        outcomes[rel] = pickle.loads(blob)  # made by this process or its workers
    if index:
        fresh = [
            (rel, stat.st_size, stat.st_mtime_ns, blob)
            for (rel, stat), blob in zip(pending, blobs, strict=True)
        ]
        index.update(fresh, set(cached) - set(seen))
        index.close()
    for rel in seen:
        result.files += 1
        minutes, problems = outcomes.get(rel, (None, not_read.get(rel, [])))
        shown = shown_path(result, rel)
        result.problems.extend(replace(p, path=shown) for p in problems)
        if minutes is not None:
            result.minutes.append(minutes)
        elif (
            rel in outcomes
            and not any(p.is_error for p in problems)
            and rel.rpartition("/")[2].lower() != "readme.md"
        ):
            result.not_minutes.append(rel)
    resolve(result)
    return result


def _config_bytes(root: Path) -> bytes:
    try:
        return (root / CONFIG_NAME).read_bytes()
    except OSError:
        return b""


def shown_path(archive: Archive, rel: str) -> str:
    """Return the path of `rel` as messages show it."""
    return rel if archive.shown_root == "." else f"{archive.shown_root}/{rel}"


def resolve(archive: Archive) -> None:
    """Sort the minutes, collect tasks, fill `do příštího jednání` deadlines and apply updates."""
    archive.minutes.sort(key=lambda m: (m.date, m.id))
    by_id: dict[str, Task] = {}
    tasks: list[Task] = []
    for minutes in archive.minutes:
        for task in minutes.tasks:
            if task.id in by_id:
                first = by_id[task.id]
                archive.problems.append(
                    Problem(
                        shown_path(archive, minutes.path),
                        task.line,
                        "error",
                        "duplicate-task-id",
                        f"task id {task.id!r} is already used at {shown_path(archive, first.path)}:{first.line}",
                    )
                )
                continue
            by_id[task.id] = task
            tasks.append(task)
            task.history = [
                StatusChange(minutes.id, minutes.date, task.initial_status, None, minutes.path, task.line)
            ]
    _fill_next_meeting_deadlines(archive.minutes)
    for minutes in archive.minutes:
        updates = list(minutes.updates)
        updates += [u for u in minutes.loose_checks if u.id in by_id]
        for update in updates:
            target = by_id.get(update.id)
            if target is None or (minutes.date, minutes.id) <= (target.meeting_date, target.minutes_id):
                archive.unmatched_updates.append((minutes, update))
                continue
            target.status = update.status
            target.history.append(
                StatusChange(minutes.id, minutes.date, update.status, update.note, minutes.path, update.line)
            )
    archive.tasks = tasks
    archive._tasks_by_id = by_id


def _fill_next_meeting_deadlines(minutes_list: list[Minutes]) -> None:
    """`do příštího jednání`: the minutes' own next meeting, else the group's next minutes."""
    following: dict[str, Minutes] = {}
    for minutes in reversed(minutes_list):  # latest first, so `following` is the next one
        for task in minutes.tasks:
            if task.deadline_kind != "next_meeting":
                continue
            if minutes.next_meeting and minutes.next_meeting.date:
                task.deadline = minutes.next_meeting.date
            elif (nxt := following.get(minutes.group_slug)) is not None and nxt.date > minutes.date:
                task.deadline = nxt.date
        following[minutes.group_slug] = minutes

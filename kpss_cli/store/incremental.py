"""The task snapshot brought up to date after a few files changed, without loading the archive.

A full load unpacks every row and resolves every task: after one edit of a 100,000-file
archive that is many times a warm run. Beside the snapshot the index keeps, in signed tables
(Index.table) looked up by bucket, what resolving tasks across files needs:

- FILE, a row per file (bucket: its folder): its size, times and inode as they were, its
  problems, and of its minutes the id, date, group, next meeting, the tasks it defines and the
  ids of those it updates;
- MEET, a row per minutes (bucket: its group): what finding each minutes' next meeting needs;
- REF, a row per task id and file that defines or updates it (bucket: the task id), with the
  file's stamp and the places and lines of the tasks of that id it defines; but for the rows
  of a task id whose part before its last `#` is the file's own minutes id (the ids kpss
  gives, `ID#N`: most of them), which are told by that file's row in FILE (a minutes id is
  its file's path without `.md`), so not stored (`_derived`, `task_refs`);

(no table of minutes ids: an id is its file's path without `.md`, and `kpss show ID` finds the
file's row in FILE, views.load_one) and the part STATE: kpss.yaml's problems, each file's
problems, the duplicate task ids, each group's first minutes and name, and a digest of each
folder's files (sizes, times, inodes).
`bring_up_to_date` finds the folders whose digest changed, and in them the files changed,
added or removed; the tasks the change can affect (those the changed files define or update,
before and after, and those of the minutes of their groups whose next meeting moved); and
resolves only those, from the few files that define or update them. Only the rows of these
tasks, files, minutes and ids are rewritten. Anything out of the ordinary (unreadable files or
folders, many changes, a table not as its signed digests say) gives None: the caller loads
the archive as before. The answers are those of a full load (tests/test_views.py compares them
with `--no-cache`).
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any  # not on the warm path: a file changed
from zlib import crc32

from ..core.config import Config
from ..core.errors import Problem
from ..core.model import STATUSES, Minutes
from .archive import Archive, FileStat, Stamp, duplicate_task, printable, resolve
from .index import BUCKETS, Index, Signed, Signer, bucket, encode
from .packing import MARSHAL_VERSION
from .snapshot import (
    FILE,
    MEET,
    NO_STATE,
    REF,
    ROWS,
    STATE,
    Folders,
    TaskRow,
    folders,
    status_kind,
    table_row,
    task_row,
)

# Beyond this many changed files (or folders) a full load is about as quick, and simpler.
MOST_CHANGES = 200

KINDS = (FILE, MEET, REF, *(status_kind(s) for s in STATUSES))

# What FILE holds of one file: (size, mtime_ns, ctime_ns, inode, problems, minutes or None),
# problems as (line, severity, code, message), minutes as
# (id, date ordinal, group slug, group name, next meeting ordinal or None, task ids, task lines,
#  ids of the tasks it updates).
Entry = tuple[Any, ...]
Rows = Iterable[tuple[bytes, int, bytes]]
Walk = list[tuple[str, FileStat | OSError]]


def entry(stat: FileStat, problems: list[Problem], minutes: Minutes | None) -> Entry:
    """One file's row in FILE."""
    return stamped_entry((stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino), problems, minutes)


def stamped_entry(stamp: Stamp, problems: list[Problem], minutes: Minutes | None) -> Entry:
    """One file's row in FILE, of its (size, mtime_ns, ctime_ns, inode)."""
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
    return (*stamp, [(p.line, p.severity, p.code, p.message) for p in problems], info)


def _walk_key(rel: str) -> tuple[tuple[int, str], ...]:
    """A file's place in the walk's order (archive.walk_files): a folder's files by name, then
    its subfolders."""
    parts = rel.split("/")
    return (*((1, name) for name in parts[:-1]), (0, parts[-1]))


def _touches(info: Any) -> set[str]:
    return set(info[5]) | set(info[7]) if info is not None else set()


def _pair(first: str, second: str) -> str:
    return f"{len(first)}\0{first}\0{second}"


# --- the tables' rows -----------------------------------------------------------------------------


def _file_row(rel: str, found: Entry) -> tuple[bytes, int, bytes]:
    return encode(rel), bucket(rel[: rel.rfind("/") + 1]), marshal.dumps((rel, found), MARSHAL_VERSION)


def _meet_rows(rel: str, found: Entry) -> Iterator[tuple[bytes, int, bytes]]:
    info = found[5]
    if info is not None:
        mid, date, slug, name, meeting = info[:5]
        value = (slug, date, mid, name, meeting, rel, sorted(_touches(info)))
        yield encode(_pair(slug, f"{date}\0{mid}")), bucket(slug), marshal.dumps(value, MARSHAL_VERSION)


def _derived(task_id: str, minutes_id: str) -> bool:
    """Whether the REF row of `task_id` in the file of the minutes `minutes_id` is told by that
    file's row in FILE, and so not stored: the id's part before its last `#` is the minutes id
    (`ID#N`, as kpss numbers tasks; the file is then the id's path with `.md`: task_refs)."""
    return task_id.rpartition("#")[0] == minutes_id  # "" without a `#`: no minutes id is ""


def _ref_values(rel: str, found: Entry) -> Iterator[tuple[Any, ...]]:
    """The REF value of each task id a file (its `entry`) defines or updates: (task id, path,
    date ordinal, minutes id, stamp, [(place, line) of each task of that id it defines]),
    stored or not (_derived)."""
    info = found[5]
    if info is None:
        return
    defines: dict[str, list[tuple[int, int | None]]] = {}
    for number, (task_id, line) in enumerate(zip(info[5], info[6], strict=True)):
        defines.setdefault(task_id, []).append((number, line))
    for task_id in sorted(_touches(info)):
        yield (task_id, rel, info[1], info[0], found[:4], defines.get(task_id, []))


def _ref_rows(rel: str, found: Entry) -> Iterator[tuple[bytes, int, bytes]]:
    """The rows of REF of a file: its REF values but those told by its row in FILE (_derived)."""
    for value in _ref_values(rel, found):
        if not _derived(value[0], value[3]):
            yield encode(_pair(value[0], rel)), bucket(value[0]), marshal.dumps(value, MARSHAL_VERSION)


def task_refs(task_ids: Iterable[str], read: Callable[[str, int], list[Any]]) -> dict[str, dict[str, Any]]:
    """Who defines or updates each of `task_ids`: by task id, the REF values (_ref_values) by
    path, from its bucket of REF and, for an id `ID#N`, the row in FILE of the file `ID.md`
    (the rows not stored: _derived). `read(kind, bucket)` gives the values of a bucket of a
    table (a LookupError when it is not as its digests say)."""
    refs: dict[str, dict[str, Any]] = {}
    for task_id in task_ids:
        found = refs[task_id] = {v[1]: v for v in read(REF, bucket(task_id)) if v[0] == task_id}
        minutes_id, mark, _number = task_id.rpartition("#")
        if not mark:
            continue
        rel = f"{minutes_id}.md"
        for path, entry_found in read(FILE, bucket(rel[: rel.rfind("/") + 1])):
            if path == rel:
                for value in _ref_values(rel, entry_found):
                    if value[0] == task_id:
                        found[rel] = value
    return refs


def entry_rows(rel: str, found: Entry) -> Iterator[tuple[str, bytes, int, bytes]]:
    """(kind, key, bucket, data) of each row of one file (its `entry`) in FILE, MEET and REF:
    what state_of's tables hold of it. A file's rows depend on that file alone, so the
    processes that parse the files make them (loading._parse_many) on a first build."""
    yield (FILE, *_file_row(rel, found))
    for row in _meet_rows(rel, found):
        yield (MEET, *row)
    for row in _ref_rows(rel, found):
        yield (REF, *row)


FILE_KINDS = (FILE, MEET, REF)  # the tables of entry_rows


def signed_rows(rel: str, found: Entry, signer: Signer) -> list[Signed]:
    """entry_rows(rel, found), each signed (Signer.row): the same rows, made in one pass for a
    first build, where every file's rows are made (some 7 a file). The keys' buckets are taken
    from the keys' bytes where they begin so, each string encoded once, each table's signer
    looked up once (loading._signed)."""
    dumps, mask = marshal.dumps, BUCKETS - 1
    key = encode(rel)
    data = dumps((rel, found), MARSHAL_VERSION)
    rows: list[Signed] = [
        (FILE, key, crc32(key[: key.rfind(b"/") + 1]) & mask, data, signer.signs(FILE)(key, data))
    ]
    info = found[5]
    if info is None:
        return rows
    mid, date, slug, name, meeting = info[:5]
    touches = sorted(_touches(info))
    key = encode(_pair(slug, f"{date}\0{mid}"))
    # Held by a name and its list its own, as in _meet_rows: marshal marks an object held
    # elsewhere too (FLAG_REF), and the rows' bytes are to be those of entry_rows.
    meet: tuple[Any, ...] = (slug, date, mid, name, meeting, rel, touches[:])
    data = dumps(meet, MARSHAL_VERSION)
    rows.append((MEET, key, bucket(slug), data, signer.signs(MEET)(key, data)))
    defines: dict[str, list[tuple[int, int | None]]] = {}
    for number, (task_id, line) in enumerate(zip(info[5], info[6], strict=True)):
        defines.setdefault(task_id, []).append((number, line))
    sign = signer.signs(REF)
    for task_id in touches:
        if task_id.rpartition("#")[0] == mid:
            continue  # told by the file's row in FILE (_derived)
        value = (task_id, rel, info[1], info[0], found[:4], defines.get(task_id, []))
        key = encode(_pair(task_id, rel))
        data = dumps(value, MARSHAL_VERSION)
        rows.append((REF, key, bucket(task_id), data, sign(key, data)))
    return rows


def state_of(
    files: dict[str, Entry] | None, walk: Walk, config_problems: int
) -> tuple[bytes, dict[str, Rows]]:
    """(the part STATE, the tables FILE, MEET and REF) of a loaded archive whose files' rows
    are `files` in the walk's order (`walk`); STATE is None and the tables empty when a file
    or folder could not be read, or two minutes share an id (a change then loads the archive
    whole)."""
    state = NO_STATE if files is None else state_part(files.items(), files.__getitem__, walk, config_problems)
    if files is None or state == NO_STATE:
        return NO_STATE, {FILE: (), MEET: (), REF: ()}
    # The tables' rows are made one at a time as the index writes them (generators over
    # `files`, which the caller keeps as it is until then): at 100,000 files the rows made at
    # once were some 250 MB, and 440 MB more while STATE was read back from them.
    tables: dict[str, Rows] = {
        FILE: (_file_row(rel, found) for rel, found in files.items()),
        MEET: (value for rel, found in files.items() for value in _meet_rows(rel, found)),
        REF: (value for rel, found in files.items() for value in _ref_rows(rel, found)),
    }
    return state, tables


def state_part(
    files: Iterable[tuple[str, Entry]], entry_of: Callable[[str], Entry], walk: Walk, config_problems: int
) -> bytes:
    """The part STATE of an archive whose files' rows (`entry`) are `files`, in the walk's order
    (`walk`), taken in one pass as they come (a first build makes them one at a time: not
    every file's row held); `entry_of(rel)` gives one file's row again, for the few files
    defining a task id twice. NO_STATE when two minutes share an id."""
    ids: set[str] = set()
    groups: dict[str, list[tuple[int, str, str, Any]]] = {}
    definers: dict[str, str | list[str]] = {}  # the file defining each task id (files, if several)
    problems: dict[str, list[Any]] = {}
    for rel, found in files:
        if found[4]:
            problems[rel] = found[4]
        if (info := found[5]) is None:
            continue
        if info[0] in ids:
            return NO_STATE
        ids.add(info[0])
        groups.setdefault(info[2], []).append((info[1], info[0], info[3], None))
        for task_id in info[5]:
            first = definers.get(task_id)
            if first is None:
                definers[task_id] = rel
            elif isinstance(first, list):
                first.append(rel)
            else:  # in another file or the same
                definers[task_id] = [first, rel]
    del ids
    twice = {task_id: rels for task_id, rels in definers.items() if isinstance(rels, list)}
    del definers
    named = {slug: _group(found) for slug, found in groups.items()}
    return state_made(problems, named, twice, entry_of, walk, config_problems)


def state_made(
    problems: dict[str, list[Any]],
    groups: dict[str, tuple[tuple[int, str], str]],
    twice: dict[str, list[str]],
    entry_of: Callable[[str], Entry],
    walk: Walk,
    config_problems: int,
) -> bytes:
    """The part STATE (state_part) of what was gathered from the files' rows in the walk's order:
    the `problems` of each file that has some, each group's (date, id) of its first minutes
    and the name in its last (`groups`, by the walk's first file of each), the files defining
    each task id defined more than once (`twice`, by the walk's first definition of each;
    `entry_of` gives their rows)."""
    by_task: dict[str, list[Any]] = {}  # of the ids defined twice: the REF values of their definers
    for rel in dict.fromkeys(rel for rels in twice.values() for rel in rels):
        for value in _ref_values(rel, entry_of(rel)):
            if value[0] in twice and value[5]:
                by_task.setdefault(value[0], []).append(value)
    dups: dict[tuple[int, str, int, int], tuple[Any, ...]] = {}
    for task_id, values in by_task.items():
        dups.update(_duplicates(task_id, values))
    state = {
        "config_problems": config_problems,
        "problems": problems,
        "dups": dups,
        "groups": groups,
        "folders": {folder: digest for folder, (digest, _s, _e) in folders(walk).items()},
    }
    return marshal.dumps(state, MARSHAL_VERSION)


def _group(minutes: list[tuple[int, str, str, Any]]) -> tuple[tuple[int, str], str]:
    """(the (date, id) of a group's first minutes, the name of its last) of its minutes'
    (date, id, name, …): as archive.resolve names groups."""
    minutes = sorted(minutes, key=lambda m: (m[0], m[1]))
    return (minutes[0][0], minutes[0][1]), minutes[-1][2]


def _duplicates(task_id: str, definers: list[Any]) -> dict[tuple[int, str, int, int], tuple[Any, ...]]:
    """The duplicate task ids of `task_id` as archive.resolve finds them, from the REF rows of
    the files defining it: by the duplicate's key, (task id, path, line, first path, first line)."""
    places = sorted(
        ((value[2], value[3], number, value[1], line) for value in definers for number, line in value[5]),
        key=lambda p: (p[0], p[1], p[2]),
    )
    found = {}
    for date, mid, number, rel, line in places[1:]:
        found[(date, mid, 0, number)] = (task_id, rel, line, places[0][3], places[0][4])
    return found


def _after(group: Iterable[tuple[int, str, int | None]]) -> dict[str, int | None]:
    """archive.next_meetings of one group's minutes, (date, id, own next meeting) in any order."""
    found: dict[str, int | None] = {}
    seen: tuple[int, int | None] | None = None
    for date, mid, own in sorted(group, key=lambda m: (m[0], m[1]), reverse=True):
        later = None if seen is None else seen[0] if seen[0] > date else seen[1]
        found[mid] = own or later
        seen = (date, later)
    return found


# --- bringing it up to date -----------------------------------------------------------------------

Parse = Callable[[str, FileStat], tuple[Minutes | None, list[Problem]] | None]
Stored = Callable[[str, Stamp], Minutes | None]


class _Tables:
    """The tables' rows read (verified) and to write, and their digests."""

    def __init__(self, index: Index, parts: dict[str, bytes]) -> None:
        self.index = index
        self.digests = {kind: marshal.loads(parts[ROWS + kind]) for kind in KINDS}
        self.put: dict[str, dict[bytes, tuple[int, bytes]]] = {kind: {} for kind in KINDS}
        self.drop: dict[str, dict[bytes, int]] = {kind: {} for kind in KINDS}
        self.read: dict[tuple[str, int], list[Any]] = {}

    def bucket(self, kind: str, number: int) -> list[Any]:
        """The values of the rows of a bucket (as they were); a LookupError when the bucket is not
        as its digest says."""
        if (kind, number) not in self.read:
            found = self.index.table(kind, self.digests[kind], (number,))
            if found is None:
                raise LookupError(kind)
            self.read[kind, number] = [marshal.loads(data) for _key, data in found]
        return self.read[kind, number]

    def write(self) -> dict[str, bytes]:
        parts = {}
        for kind in KINDS:
            new = self.digests[kind]
            if self.put[kind] or self.drop[kind]:
                changed = self.index.change_table(kind, new, self.put[kind], self.drop[kind])
                if changed is None:
                    raise LookupError(kind)
                new = changed
            parts[ROWS + kind] = marshal.dumps(new, MARSHAL_VERSION)
        return parts


def bring_up_to_date(
    index: Index,
    parts: dict[str, bytes],
    walk: Walk,
    now: Folders,
    root: str,
    shown_root: str,
    config: Config,
    parse: Parse,
    stored: Stored,
) -> tuple[dict[str, bytes], list[str]] | None:
    """(the snapshot's parts for the archive as `walk` found it, its folders `now`
    (snapshot.folders), the files gone since), the tables rewritten (in the caller's
    transaction), from the snapshot kept (`parts`: its head, STATE and digests); None when it
    cannot be told without a full load. `parse(rel, stat)` parses a changed file (None: it is
    not to be read as minutes, a full load says why); `stored(rel, (size, mtime_ns, ctime_ns,
    inode))` gives an unchanged file's minutes from the index (None when its row is not of that
    file)."""
    state = marshal.loads(parts[STATE])
    if state is None:
        return None
    kept_folders: dict[str, bytes] = state["folders"]
    changed_folders = [f for f, (digest, _s, _e) in now.items() if kept_folders.get(f) != digest]
    changed_folders += [f for f in kept_folders if f not in now]
    if len(changed_folders) > MOST_CHANGES:
        return None
    tables = _Tables(index, parts)
    try:
        return _bring(
            tables, state, parts, now, changed_folders, walk, root, shown_root, config, parse, stored
        )
    except LookupError:
        return None


def _bring(
    tables: _Tables,
    state: dict[str, Any],
    parts: dict[str, bytes],
    now: Folders,
    changed_folders: list[str],
    walk: Walk,
    root: str,
    shown_root: str,
    config: Config,
    parse: Parse,
    stored: Stored,
) -> tuple[dict[str, bytes], list[str]] | None:
    # The files of the folders that changed, as they were and as they are.
    old: dict[str, Entry] = {}
    for folder in changed_folders:
        for rel, found in tables.bucket(FILE, bucket(folder)):
            if rel[: rel.rfind("/") + 1] == folder:
                old[rel] = found
    new: dict[str, Entry] = {}
    parsed: dict[str, Minutes] = {}
    changed: list[str] = []
    present: set[str] = set()
    for folder in changed_folders:
        if folder not in now:
            continue
        _digest, start, end = now[folder]
        for rel, own in walk[start:end]:
            if isinstance(own, OSError):
                return None  # a full load says why
            present.add(rel)
            found = old.get(rel)
            if found is not None and found[:4] == (own.st_size, own.st_mtime_ns, own.st_ctime_ns, own.st_ino):
                continue
            changed.append(rel)
            if len(changed) > MOST_CHANGES:
                return None
            outcome = parse(rel, own)
            if outcome is None:
                return None
            minutes, problems = outcome
            new[rel] = entry(own, problems, minutes)
            if minutes is not None:
                parsed[rel] = minutes
    removed = [rel for rel in old if rel not in present]
    if len(changed) + len(removed) > MOST_CHANGES:
        return None
    gone = {rel: old[rel] for rel in (*changed, *removed) if rel in old}

    # The minutes of the groups the change touches, before and after; an id seen twice: a load.
    groups: dict[str, dict[str, Any]] = {}

    def group(slug: str) -> dict[str, Any]:
        if slug not in groups:
            groups[slug] = {
                value[2]: value for value in tables.bucket(MEET, bucket(slug)) if value[0] == slug
            }
        return groups[slug]

    touched_groups: set[str] = set()
    before: dict[str, dict[str, Any]] = {}
    for found in gone.values():
        if (info := found[5]) is not None:
            touched_groups.add(info[2])
    for found in new.values():
        if (info := found[5]) is not None:
            touched_groups.add(info[2])
    for slug in touched_groups:
        before[slug] = dict(group(slug))
    for found in gone.values():
        if (info := found[5]) is not None:
            group(info[2]).pop(info[0], None)
            key = encode(_pair(info[2], f"{info[1]}\0{info[0]}"))
            tables.drop[MEET][key] = bucket(info[2])
    for rel, found in new.items():
        if (info := found[5]) is None:
            continue
        for key, number, data in _meet_rows(rel, found):
            group(info[2])[info[0]] = marshal.loads(data)
            tables.drop[MEET].pop(key, None)
            tables.put[MEET][key] = (number, data)

    # The tasks the change can affect: those the changed files define or update, and those of
    # the minutes whose next meeting moved ("until the next meeting").
    affected: set[str] = set()
    for found in gone.values():
        affected |= _touches(found[5])
    for found in new.values():
        affected |= _touches(found[5])
    for slug in touched_groups:
        was = _after((v[1], v[2], v[4]) for v in before[slug].values())
        is_now = _after((v[1], v[2], v[4]) for v in group(slug).values())
        for mid, value in is_now.items():
            if mid in was and was[mid] != value:
                affected |= set(group(slug)[mid][6])

    # Who defines or updates them, before and after (REF, and FILE for the rows it tells).
    refs = task_refs(affected, tables.bucket)
    old_refs = {task_id: dict(found) for task_id, found in refs.items()}
    for rel, found in gone.items():
        for task_id in _touches(found[5]):
            refs[task_id].pop(rel, None)
            if not _derived(task_id, found[5][0]):
                tables.drop[REF][encode(_pair(task_id, rel))] = bucket(task_id)
    for rel, found in new.items():
        for told in _ref_values(rel, found):
            refs[told[0]][rel] = told
        for key, number, data in _ref_rows(rel, found):
            tables.drop[REF].pop(key, None)
            tables.put[REF][key] = (number, data)

    # Resolved again from every file that defines or updates one of them.
    involved: list[Minutes] = []
    for rel in sorted({rel for found in refs.values() for rel in found}):
        if rel in parsed:
            involved.append(parsed[rel])
            continue
        value = next(found[rel] for found in refs.values() if rel in found)
        minutes = stored(rel, tuple(value[4]))
        if minutes is None:
            return None
        involved.append(minutes)
    after: dict[str, dt.date | None] = {}
    for minutes in involved:
        day = _after((v[1], v[2], v[4]) for v in group(minutes.group_slug).values()).get(minutes.id)
        after[minutes.id] = None if day is None else dt.date.fromordinal(day)
    some = Archive(Path(root), shown_root, config)
    some.minutes = involved
    resolve(some, after)
    places = {id(task): n for minutes in involved for n, task in enumerate(minutes.tasks)}
    for definers in old_refs.values():  # the rows of the tasks as they were
        for value in definers.values():
            for place, _line in value[5]:
                key = encode(f"{value[2]}\0{value[3]}\0{0}\0{place}")
                for status in STATUSES:
                    tables.drop[status_kind(status)][key] = bucket(key.decode("utf-8", "surrogatepass"))
    for task in some.tasks:
        if task.id in affected:
            row: TaskRow = task_row(
                (task.meeting_date.toordinal(), task.minutes_id, 0, places[id(task)]), task
            )
            key, where, data = table_row(row)
            kind = status_kind(task.status)
            tables.drop[kind].pop(key, None)
            tables.put[kind][key] = (where, data)

    # The files' own rows, and STATE.
    for rel in gone:
        tables.drop[FILE][encode(rel)] = bucket(rel[: rel.rfind("/") + 1])
    for rel, found in new.items():
        key, where, data = _file_row(rel, found)
        tables.drop[FILE].pop(key, None)
        tables.put[FILE][key] = (where, data)
    kept_problems: dict[str, list[Any]] = state["problems"]
    for rel in gone:
        kept_problems.pop(rel, None)
    for rel, found in new.items():
        if found[4]:
            kept_problems[rel] = found[4]
    dups: dict[tuple[int, str, int, int], tuple[Any, ...]] = {
        key: value for key, value in state["dups"].items() if value[0] not in affected
    }
    for task_id, definers in refs.items():
        dups.update(_duplicates(task_id, [v for v in definers.values() if v[5]]))
    names: dict[str, tuple[tuple[int, str], str]] = state["groups"]
    for slug in touched_groups:
        members = [(v[1], v[2], v[3], None) for v in group(slug).values()]
        if members:
            names[slug] = _group(members)
        else:
            names.pop(slug, None)
    state["dups"] = dups
    state["folders"] = {folder: digest for folder, (digest, _s, _e) in now.items()}
    result = tables.write()
    result[STATE] = marshal.dumps(state, MARSHAL_VERSION)
    result["head"] = _head(parts["head"], state, len(walk), shown_root)
    return result, removed


def _head(data: bytes, state: dict[str, Any], files: int, shown_root: str) -> bytes:
    """The head of the snapshot: problems (kpss.yaml's, each file's in the walk's order, the
    duplicate task ids in the archive's), groups, the number of files, the configuration."""
    head: dict[str, Any] = marshal.loads(data)

    def shown(rel: str) -> str:  # archive.shown_path
        return rel if shown_root == "." else f"{shown_root}/{rel}"

    old_root = head["shown_root"]
    problems = []
    for path, line, severity, code, message in head["problems"][: state["config_problems"]]:
        rel = path if old_root == "." else path.removeprefix(f"{old_root}/")
        problems.append((shown(rel), line, severity, code, message))
    for rel in sorted(state["problems"], key=_walk_key):
        where = shown(printable(rel))
        problems += [(where, *problem) for problem in state["problems"][rel]]
    for _key, (task_id, rel, line, first, first_line) in sorted(state["dups"].items()):
        twice = duplicate_task(shown(rel), line, task_id, shown(first), first_line)
        problems.append((twice.path, twice.line, twice.severity, twice.code, twice.message))
    order = sorted(state["groups"].items(), key=lambda item: item[1][0])
    head["problems"] = problems
    head["groups"] = {slug: name for slug, (_first, name) in order}
    head["files"] = files
    head["shown_root"] = shown_root
    return marshal.dumps(head, MARSHAL_VERSION)

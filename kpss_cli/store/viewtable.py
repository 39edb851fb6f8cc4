"""A view of one value per minutes (loading.EachMinutes: the rows of `kpss list`, the reduced
records of `schedule`…) kept as a table of its own: one signed row per file (its size, times
and inode, the date and id of its minutes, and its value; bucket: its folder) and a state (a
part that outlives the snapshot: Index.kept_part) holding the digests of the table's buckets
and of the archive's folders (snapshot.folders) when it was made. After a change, only the
rows of the files of the folders that changed are read and rewritten (`bring_up_to_date`),
and the view is put together from the table (`assemble`) without unpacking a record but one.
The table is kept only of an archive whose every file was settled (loading.SETTLED_NS), as
the snapshot is. The state also holds the view's `version`: new whenever a row's minutes or
value changes, the same when the changed files hold the same values as before (a word of a
minutes' text changed, which a view of attendance or dates does not read), so that an answer
computed from the view can be kept per version (answers.py) and not computed again.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterable
from typing import Any  # not on the warm path: a file changed or a view is built

from ..core.model import Minutes
from .archive import FileStat, Stamp, printable, stamp_of
from .index import KEPT, Index, bucket, encode
from .packing import MARSHAL_VERSION
from .snapshot import Folders

# Beyond this many changed folders the view is built again from the index's rows.
MOST_CHANGES = 200


def kind(name: str, shown_root: str) -> str:
    """The table (and the name of its state) of the view `name` seen from `shown_root`."""
    return f"{KEPT}view\0{name}\0{printable(shown_root)}"


def row(
    rel: str, stamp: Stamp, minutes: Minutes | None, each: Callable[[Minutes], Any]
) -> tuple[bytes, int, bytes]:
    """(key, bucket, data) of a file's row: (path, stamp, date, id, value), the last three None
    when it holds no minutes."""
    value: tuple[Any, ...] = (rel, stamp, None, None, None)
    if minutes is not None:
        value = (rel, stamp, minutes.date.toordinal(), minutes.id, each(minutes))
    return encode(rel), bucket(rel[: rel.rfind("/") + 1]), marshal.dumps(value, MARSHAL_VERSION)


def fill(
    index: Index, name: str, fingerprint: str, now: Folders, rows: Iterable[tuple[bytes, int, bytes]]
) -> dict[int, bytes]:
    """In a transaction: the table `name` (kind) made of `rows`, every other table of that
    view (seen from elsewhere) dropped, and its state kept; the table's digests."""
    index.drop_tables(name.rpartition("\0")[0] + "\0")
    digests = index.fill_table(name, rows)
    _keep(index, name, fingerprint, now, digests, os.urandom(16))
    return digests


def _keep(
    index: Index, name: str, fingerprint: str, now: Folders, digests: dict[int, bytes], version: bytes
) -> None:
    state = {
        "folders": {folder: value[0] for folder, value in now.items()},
        "digests": digests,
        "version": version,
    }
    index.put_part(fingerprint, name, marshal.dumps(state, MARSHAL_VERSION))


def version(index: Index, name: str, fingerprint: str) -> bytes | None:
    """The version of the view's content (see above) when its table is that of `fingerprint`;
    None when it is not, or has none."""
    kept = index.kept_part(name)
    if kept is None or kept[0] != fingerprint:
        return None
    found = marshal.loads(kept[1]).get("version")
    return found if type(found) is bytes else None


MinutesOf = Callable[[str, FileStat], "tuple[Minutes | None] | None"]


def bring_up_to_date(
    index: Index,
    name: str,
    fingerprint: str,
    now: Folders,
    walk: list[tuple[str, FileStat | OSError]],
    minutes_of: MinutesOf,
    each: Callable[[Minutes], Any],
    shared: Callable[[str, Minutes | None], bool] | None = None,
    redo: tuple[Iterable[str], Callable[[Minutes], bool]] | None = None,
) -> dict[int, bytes] | None:
    """In a transaction: the table `name` brought up to date for the archive as `walk` found
    it (its folders `now`, its `fingerprint`) and its state kept; its digests. None when it
    has none, when too much changed, or when it is not as its state says (then the view is
    built again). `minutes_of(rel, stat)` gives a changed file's (minutes,), None when it
    cannot be told (a full load says why). `shared(rel, minutes)`: whether the file `rel`,
    changed or removed (`minutes` None), held or holds minutes whose record every row's value
    reads (not its own record alone): then None too, and the table is made again whole.
    `redo`: (folders, again): the rows of the files of those folders whose minutes `again`
    names are made again too, though their files did not change (the minutes of a group whose
    joins or leaves changed: loading.kept_rows); they count in no limit of changes."""
    kept = index.kept_part(name)
    if kept is None:
        return None
    state = marshal.loads(kept[1])
    if kept[0] == fingerprint:
        return state["digests"]  # type: ignore[no-any-return]
    folders: dict[str, bytes] = state["folders"]
    changed = [f for f, value in now.items() if folders.get(f) != value[0]]
    changed += [f for f in folders if f not in now]
    if len(changed) > MOST_CHANGES:
        return None
    again = None if redo is None else redo[1]
    read = set(changed)
    # The folders whose rows are made again though unchanged (`redo`): read as changed ones are.
    changed += sorted(f for f in (() if redo is None else redo[0]) if f in now and f not in read)
    old: dict[str, Stamp] = {}
    contents: dict[str, list[Any]] = {}  # each old row's date, id and value
    for folder in changed:
        found = index.table(name, state["digests"], (bucket(folder),))
        if found is None:
            return None
        for _key, data in found:
            rel, stamp, *rest = marshal.loads(data)
            if rel[: rel.rfind("/") + 1] == folder:
                old[rel] = tuple(stamp)
                contents[rel] = rest
    put: dict[bytes, tuple[int, bytes]] = {}
    present: set[str] = set()
    same = True
    files_changed = 0
    for folder in changed:
        if folder not in now:
            continue
        _digest, start, end = now[folder]
        for rel, own in walk[start:end]:
            if isinstance(own, OSError):
                return None
            present.add(rel)
            if old.get(rel) == stamp_of(own):
                if again is None:
                    continue
                found_minutes = minutes_of(rel, own)
                if found_minutes is None:
                    return None
                if found_minutes[0] is None or not again(found_minutes[0]):
                    continue
            else:
                found_minutes = minutes_of(rel, own)
                if found_minutes is None:
                    return None
                if shared is not None and shared(rel, found_minutes[0]):
                    return None
                files_changed += 1
                if files_changed > MOST_CHANGES:
                    return None
            key, number, data = row(rel, stamp_of(own), found_minutes[0], each)
            put[key] = (number, data)
            # The same value as before (as marshal gives it back): the view is as it was.
            same = same and list(marshal.loads(data)[2:]) == contents.get(rel, [None, None, None])
    drop = {encode(rel): bucket(rel[: rel.rfind("/") + 1]) for rel in old if rel not in present}
    if shared is not None and any(shared(rel, None) for rel in old if rel not in present):
        return None
    # A file dropped that held minutes changes the view; one that held none does not.
    same = same and all(contents[rel][0] is None for rel in old if rel not in present)
    digests = index.change_table(name, state["digests"], put, drop)
    if digests is None:
        return None
    kept_version = state.get("version")
    if not (same and type(kept_version) is bytes):
        kept_version = os.urandom(16)
    _keep(index, name, fingerprint, now, digests, kept_version)
    return digests


def values(index: Index, name: str, digests: dict[int, bytes]) -> tuple[list[Any], str | None] | None:
    """(the view's values in the archive's order, the path of one of its minutes: None when
    it has none) from its table; None when the table is not as `digests` says."""
    found = index.table(name, digests, convert=marshal.loads)
    if found is None:
        return None
    keyed = [value for value in found if value[2] is not None]
    del found
    keyed.sort(key=lambda value: (value[2], value[3]))  # as archive.resolve sorts the minutes
    return [value[4] for value in keyed], (keyed[0][0] if keyed else None)

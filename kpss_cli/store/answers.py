"""Answers kept in the index: what a command computed for one set of its arguments (the rows of
`kpss attendance --by org --group seniori`), kept beside the snapshot of the archive it was
computed from. Asked the same again of the archive as it is, the command reads its answer
instead of counting again: counting 100,000 meetings' attendance takes seconds, reading the
answer milliseconds. The last sixteen answers of each command are kept
(index.VIEWS_KEPT); any change to the archive, to
kpss.yaml's meaning or to the arguments computes afresh. Cold and warm give the same: the
answer goes through marshal either way.

An answer computed from a view kept as a table (viewtable.py) is also kept with the version of
that view and of the archive's head (loading.view_version), the last sixteen of each command:
after a change that leaves the view as it was (a word of a minutes' text, which attendance does
not read), the answer is read, not computed again from the whole view. Such an answer is kept
once: beside the snapshot lies only a reference to it (`_REFERENCE`, its name and version), so
that reading it after an edit writes a few bytes, not the answer again (some MB for `kpss list
-f json` at 10,000 files).

An answer computed is kept only when the archive is as the walk before it found it. The files
the computation read from disk (not from the index's rows, which are of the walk's stamps) are
noted (archive.Reads): only their folders are looked at again, not the whole archive walked
twice; a computation that walked the archive itself, or read many files, is followed by a walk.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable

from .archive import Archive, Reads, TaskSnapshot, printable, resolve_root, walk_folder, watching
from .index import KEPT, Index, blake2b
from .loading import Walk, folder_stamp, handed, open_index, walk_archive
from .packing import MARSHAL_VERSION
from .snapshot import fingerprint, from_parts
from .snapshot import folders as walk_folders

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    from typing import Any

Head = Archive | TaskSnapshot  # what tells the archive's problems, groups and configuration

# A part beside the snapshot that names the answer kept per version (marshal data never starts
# with this byte): then marshal bytes of (the kept part's name, its version).
_REFERENCE = b"\x00"
# Beyond this many files read from disk while an answer was computed, the archive is walked
# again to tell whether it is as it was (a walk costs about what looking at 200 folders does).
MOST_READ = 200


def load_answer(
    archive: str | os.PathLike[str] | None,
    name: str,
    key: str,
    compute: Callable[[], tuple[Head, Any]],
    *,
    use_index: bool = True,
    folders: tuple[str, ...] = (),
    versioned: Callable[[Walk], tuple[Head, bytes] | None] | None = None,
) -> tuple[Head, Any]:
    """(the archive's problems, groups and configuration, the answer of the command `name` to
    the arguments `key`): from the index when it holds that answer for the archive as it is,
    else what `compute` gives (the archive as loaded, the answer: marshal's types only), then
    kept when the index holds the archive's snapshot and no file changed meanwhile. `folders`
    name the folders of other files the answer depends on (`plan/`, `templates/`): their
    files' sizes, times and inodes are part of its key (as of loading.load_view). `versioned`
    gives the version of the view the answer is computed from (loading.view_version) for the
    archive as a walk found it, None when it has none: an answer of the same version is the
    same."""
    root, shown_root = resolve_root(archive)
    walk = walk_archive(root) if use_index else None
    others = [] if walk is None else [folder_stamp(root, folder, walk[2]) for folder in folders]
    if None in others:
        walk = None  # a file of those folders changed a moment ago: computed, not kept
    part = "\0".join(("view", f"answer {name}", key, printable(shown_root), *map(str, others)))
    digest = None if walk is None else fingerprint(walk[0], walk[1])
    if digest is not None and (index := open_index(root, shown_root)):
        parts = index.snapshot(digest, ("head", part))
        try:
            if parts is not None and (data := _referred(index, part, parts[part])) is not None:
                return from_parts({"head": parts["head"]}, root, shown_root), marshal.loads(data)
        except Exception:  # whatever it was, the index is not to be trusted: rebuilt
            index.damaged = True
        finally:
            index.close()
    # The last answers of each command (index.VIEWS_KEPT), each to its arguments: people ask a
    # few questions in turn (`list -f json` and `-f csv`), each read again after an edit.
    kept_kind = "\0".join((f"{KEPT}answer", name, printable(shown_root), ""))
    kept_name = kept_kind + blake2b(part.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    before = None  # the version of the view for `digest`, when there is one
    if versioned is not None and walk is not None and digest is not None:
        before = versioned(walk)
        found = _by_version(root, shown_root, kept_name, part, digest, before)
        if found is not None:
            return found
    # Each folder's digest as the walk found it: the folders of the files `compute` reads from
    # disk are looked at again afterwards (_unchanged).
    then = {} if walk is None else {folder: value[0] for folder, value in walk_folders(walk[0]).items()}
    started = 0 if walk is None else walk[2]
    if walk is not None:
        handed[root] = walk  # the view `compute` reads takes this walk, not one more (load_view)
    del walk
    reads = Reads()
    watching.append(reads)
    try:
        head, answer = compute()
    finally:
        watching.remove(reads)
        handed.pop(root, None)
    data = marshal.dumps(answer, MARSHAL_VERSION)
    del answer  # the answer given is the one read back: never both held (some 70 MB of text)
    # Kept only when no file changed while it was computed, beside a snapshot of this archive.
    if digest is not None:
        # The version of the view the answer was computed from: the archive is as it was, so
        # its version is the one read before (the table is that of `digest`), or made now.
        version = before
        if reads.walks or len(reads.files) > MOST_READ or (version is None and versioned is not None):
            after = walk_archive(root)
            same = _digest(root, folders, after) == (digest, others)
            if same and version is None and versioned is not None:
                version = versioned(after)
            del after
        else:  # what came from the index is of the walk's stamps: only what came from disk is seen to
            same = [folder_stamp(root, folder, started) for folder in folders] == others and _unchanged(
                root, then, reads
            )
        if same and (index := open_index(root, shown_root)):
            if index.snapshot(digest, ("head",)) is not None:
                if version is None:
                    index.store_part(digest, part, data)
                else:  # kept once: beside the snapshot, what names it
                    kept = marshal.dumps((version[1], part, data), MARSHAL_VERSION)
                    index.write(_keep, index, digest, part, kept_kind, kept_name, version[1], kept)
            index.close()
    return head, marshal.loads(data)


def _keep(index: Index, digest: str, part: str, kind: str, name: str, version: bytes, kept: bytes) -> None:
    """In a transaction: the answer `kept` (version, part, data) kept as `name` (of the kind
    `kind`: the last few of each command stay), and beside the snapshot of `digest` the
    reference to it."""
    index.keep_part(digest, kind, name, kept)
    index.put_view_part(digest, part, _reference(name, version))


def _reference(name: str, version: bytes) -> bytes:
    return _REFERENCE + marshal.dumps((name, version), MARSHAL_VERSION)


def _referred(index: Index, part: str, data: bytes) -> bytes | None:
    """The answer a part beside the snapshot holds (`data`), or the one its reference names:
    None when that one is gone, or of another version or arguments."""
    if not data.startswith(_REFERENCE):
        return data
    name, version = marshal.loads(data[len(_REFERENCE) :])
    kept = index.kept_part(name)
    if kept is None:
        return None
    kept_version, kept_part, answer = marshal.loads(kept[1])
    if kept_version != version or kept_part != part or type(answer) is not bytes:
        return None
    return answer


def _unchanged(root: str, then: dict[str, bytes], reads: Reads) -> bool:
    """True when each folder of a file `reads` read from disk holds what the walk found in it
    (the digests `then`): the answer computed from those files is of the archive as it was."""
    for folder in {rel[: rel.rfind("/") + 1] for rel in reads.files}:
        try:
            found = walk_folders(walk_folder(root, folder)).get(folder)
        except OSError:
            return False
        if (None if found is None else found[0]) != then.get(folder):
            return False
    return True


def _by_version(
    root: str, shown_root: str, kept_name: str, part: str, digest: str, found: tuple[Head, bytes] | None
) -> tuple[Head, Any] | None:
    """(the head, the answer) kept as `kept_name` for the version `found` gives and the same
    arguments (`part`), kept beside the snapshot of `digest` for the next warm run; None when
    there is none."""
    if found is None or (index := open_index(root, shown_root)) is None:
        return None
    head, version = found
    try:
        kept = index.kept_part(kept_name)
        if kept is None:
            return None
        kept_version, kept_part, data = marshal.loads(kept[1])
        del kept  # the answer is held once packed and once unpacked, not twice packed (list: 34 MB)
        if kept_version != version or kept_part != part:
            return None
        if index.snapshot(digest, ("head",)) is not None:  # the next warm run reads it by name
            index.store_part(digest, part, _reference(kept_name, version))
        return head, marshal.loads(data)
    except Exception:  # whatever it was, the index is not to be trusted: rebuilt
        index.damaged = True
        return None
    finally:
        index.close()


def _digest(root: str, folders: tuple[str, ...], walk: Walk) -> tuple[str, list[str | None]]:
    files, unreadable, started = walk
    return fingerprint(files, unreadable), [folder_stamp(root, folder, started) for folder in folders]

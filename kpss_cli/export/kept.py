"""The last export of an archive kept beside its index (docs/export.md, "A warm export").

Writing an export takes seconds (some 260,000 rows at 10,000 files); copying one takes
milliseconds. So the bytes of the last export of each kind (and archive name) are kept in the
archive's `.kpss/` folder, beside the index and named after it
(`index-<id>.sqlite3.export-jsonl-<tag>`), and the index keeps, as a signed part beside the
snapshot of the archive they were made from, their size and SHA-256 digest, each table's
row count and the `archives` rows. Asked again of the archive as it is, `kpss export` copies
the kept bytes to its target, hashing them as they are copied: bytes that are not those the
index signed (another writer's, a torn write, a truncated file) are never served, and the
export is written afresh instead.

Once a copy has found the kept bytes to be those signed, the kept file's stamp (size, mtime,
ctime, inode: store/archive.stamp_of) is signed beside them (`Entry.stamp`), and while the
file shows that stamp it is copied by the kernel (`kernel_copy`: no bytes through Python, a
clone on file systems that share blocks) without being hashed again. No write can leave the
stamp as it was: a write sets the file's ctime to the time of the write, which user programs
cannot set back, and a file put in its place has another inode (and a ctime of its own). The
stamp is signed only when it was settled before the verified copy began (loading.SETTLED_NS:
a write in the same tick of the clock as the last one would not move it), and is looked at
again after the copy (a write during it makes the export written afresh).

What varies from run to run is made again each time: `exported_at` (the `archives` table and
the manifest, written anew; in SQLite an UPDATE of that one column, which every SQLite export
goes through; in Parquet, the one value of each file's footer metadata, put in place).

The kept file is a cache: written under a temporary name and renamed into place, but not
fsynced (a torn file fails its digest and is a miss). It is fsynced once, before its stamp is
signed: a crash that kept the file's size and times but not its bytes (ext4's data=writeback)
would otherwise leave a torn file that shows the stamp signed and is never hashed again.
"""

from __future__ import annotations

import contextlib
import errno
import marshal
import os
import stat as stat_module
import time
from pathlib import Path

from ..store.archive import Stamp, TaskSnapshot, printable, stamp_of
from ..store.files import READ_FLAGS
from ..store.index import blake2b
from ..store.loading import SETTLED_NS, Walk, open_index, walk_archive, walked_index
from ..store.packing import MARSHAL_VERSION
from ..store.snapshot import fingerprint, from_parts

# A warm export (a copy, or a refresh: write.py) imports this module, and needs neither hashlib,
# threading nor tempfile (some 8 ms of its start): only what keeps an export or hashes a copy
# (a miss, or the first copy of a kept file) imports them, where it does.
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (commands/quick.py)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from io import FileIO
    from typing import Any, BinaryIO

    from ..store.index import Index
    from .schema import Row

CHUNK = 1 << 20  # bytes copied and hashed at a time
KEPT_FILES = 6  # kept exports beside one index (kinds × archive names); the oldest go


class Entry:
    """What the index says of a kept export: its size and digest, the files it is made of
    (name, size) in order, each table's row count, the `archives` rows, the
    `exported_at` its bytes hold and, once a copy found its bytes to be those signed, the
    kept file's stamp then (None before). (No dataclass: a warm export does without
    importing `dataclasses`, commands/quick.py.)"""

    def __init__(
        self,
        size: int,
        digest: bytes,
        layout: list[tuple[str, int]],
        counts: dict[str, int],
        archives: list[Row],
        exported_at: str,
        stamp: Stamp | None = None,
        leaves: bytes | None = None,
    ) -> None:
        self.size = size
        self.digest = digest
        self.layout = layout
        self.counts = counts
        self.archives = archives
        self.exported_at = exported_at
        self.stamp = stamp
        # None: `digest` is the SHA-256 digest of the bytes; else the lengths of its leaves
        # (array "q", packed), in order, and `digest` the root of its hash tree (`TreeHash`).
        self.leaves = leaves

    def pack(self) -> bytes:
        return marshal.dumps(
            (
                self.size,
                self.digest,
                self.layout,
                self.counts,
                self.archives,
                self.exported_at,
                self.stamp,
                self.leaves,
            ),
            MARSHAL_VERSION,
        )

    @classmethod
    def unpack(cls, data: bytes) -> Entry:
        size, digest, layout, counts, archives, exported_at, stamp, leaves = marshal.loads(data)
        if not (
            type(size) is int
            and type(digest) is bytes
            and type(exported_at) is str
            and (leaves is None or (type(leaves) is bytes and len(leaves) % 8 == 0))
        ):
            raise TypeError("a kept export of the wrong types")
        return cls(
            size,
            digest,
            [(str(n), int(s)) for n, s in layout],
            {str(t): int(c) for t, c in counts.items()},
            [tuple(row) for row in archives],
            exported_at,
            None if stamp is None else _stamp(stamp),
            leaves,
        )

    def hash(self) -> Any:
        """What hashes bytes (`update`) into what `digest` is (`digest()`): SHA-256, or the
        root of the hash tree of the entry's leaves."""
        if self.leaves is None:
            import hashlib

            return hashlib.sha256()
        from array import array

        lengths = array("q")
        lengths.frombytes(self.leaves)
        return TreeHash([(length, None) for length in lengths])

    def again(self, stamp: Stamp) -> Entry:
        """This entry with the kept file's stamp `stamp` signed."""
        return Entry(
            self.size,
            self.digest,
            self.layout,
            self.counts,
            self.archives,
            self.exported_at,
            stamp,
            self.leaves,
        )


def _stamp(value: Any) -> Stamp:
    """A stamp as the index keeps it (marshal), checked to be one."""
    a, b, c, d = value
    return int(a), int(b), int(c), int(d)


class Kept:
    """The kept export of one kind and archive name: where it lies, and what the index says
    of it for the archive as it is now (`entry`, with the archive's `head`), if anything."""

    def __init__(
        self,
        root: str,
        shown_root: str,
        digest: str,
        part: str,
        path: str,
        head: TaskSnapshot | None,
        entry: Entry | None,
        target_part: str | None = None,
        served: dict[str, Stamp] | None = None,
        served_at: int = 0,
    ) -> None:
        self.root = root
        self.shown_root = shown_root
        self.digest = digest  # the archive's fingerprint when it was looked at
        self.part = part  # the name of the index's part describing it
        self.path = path  # the kept file
        self.head = head
        self.entry = entry
        self.target_part = target_part  # the name of the part of what was copied to the target
        # The stamp of each file of the kept export (by table) as it was copied to the target
        # last, when it was copied from this entry (None: not known).
        self.served = served
        # When those stamps were signed (time.time_ns; 0: not known): a stamp whose times are
        # not a tick older (`settled`) could stay as it was through a write after it.
        self.served_at = served_at
        self.used = False  # the export was copied from it

    def open(self) -> tuple[FileIO, os.stat_result] | None:
        """The kept file, unbuffered, and what fstat said of it, when it is a regular file of
        the size the index says (its bytes are checked as they are copied, unless its stamp
        is the one signed: `trusted`); None otherwise."""
        if self.entry is None:
            return None
        try:
            fd = os.open(self.path, READ_FLAGS)  # never through a link, never waiting on a pipe
        except OSError:
            return None
        try:
            found = os.fstat(fd)
        except OSError:
            os.close(fd)
            return None
        if not stat_module.S_ISREG(found.st_mode) or found.st_size != self.entry.size:
            os.close(fd)
            return None
        return open(fd, "rb", buffering=0), found  # closed by the caller

    def trusted(self, found: os.stat_result) -> bool:
        """Whether the kept file, as fstat found it, shows the stamp signed when its bytes
        were last found to be those signed: then it holds them still, and is copied without
        being hashed (see the top of this module)."""
        return self.entry is not None and self.entry.stamp is not None and stamp_of(found) == self.entry.stamp

    def remember(self, stamps: list[tuple[str, Stamp]], at: int, carry: bool = False) -> None:
        """Sign `stamps` (table, stamp), those of the kept export's files just written or
        copied to the target, taken after `at` (time.time_ns): while they show them, the
        target holds those bytes (write._refresh; hashed while they are not `settled` at
        `at`). With `carry` (an export after a change), signed also as a KEPT part
        (`served_part`), whatever the archive's snapshot: the next export after a change whose
        tables are the same bytes refreshes the target too (`keep_again`); once signed, that
        part is signed again by every later copy there. Any failure just signs nothing."""
        if self.entry is None or self.target_part is None:
            return
        data = marshal.dumps((self.entry.digest, stamps, at), MARSHAL_VERSION)
        target_part = self.target_part
        index = open_index(self.root, self.shown_root)
        if index is None:
            return
        try:
            # Beside the snapshot only when the archive and its entry are still as they were
            # looked at; both in one transaction.
            current = index.snapshot(self.digest, ("head", self.part)) is not None
            # What an export after a change last copied to the target, once signed, is signed
            # again by every later copy there (a warm one too): else it names the stamps of a
            # target since replaced, and the next export after a change whose tables are the
            # same copies the target again instead of refreshing it (keep_again).
            served_part = self.served_part() if carry or current else ""
            carry = carry or (bool(served_part) and index.kept_part(served_part) is not None)

            def put() -> None:
                if current:
                    index.put_view_part(self.digest, target_part, data)
                if carry:
                    index.put_part("", served_part, data)

            if current or carry:
                index.write(put)
        except OSError:
            return
        finally:
            index.close()

    def served_part(self) -> str:
        """The name of the KEPT part (beside the view's table, as `splice_parts`) of what was
        last copied to the target by an export after a change (`remember`)."""
        from ..store.viewtable import kind  # an export after a change: not the warm path

        assert self.target_part is not None
        where = self.target_part.split("\0", 2)[2]  # the export's key and the target's
        return f"{kind('export', self.shown_root)}\0splice served\0{where}"

    def keep_again(
        self, entry: Entry, map_of: Callable[[bytes], tuple[Iterable[bytes] | None, bytes]]
    ) -> bool:
        """Keep `entry`, that of the kept file as it is, for the archive as it is now, with the
        map and state `map_of(digest)` (splice.py; no map: the one kept stays): an export after a change whose tables are the kept
        export's bytes (write._unchanged), the kept file neither written nor copied. What
        an export after a change last copied to the target (`remember`) is then what this
        entry's was (`served`: write._refresh). False, and nothing kept, when the archive or
        the index moved on meanwhile."""
        index = open_index(self.root, self.shown_root)
        if index is None:
            return False
        try:
            if index.snapshot(self.digest, ("head",)) is None or index.path + ".export-" not in self.path:
                return False
            packed = map_of(entry.digest)

            def put(packed: tuple[Iterable[bytes] | None, bytes]) -> None:  # one transaction
                index.put_view_part(self.digest, self.part, entry.pack())
                self._keep_splice(index, entry, packed)

            index.write(put, packed)
            del packed
            self.entry = entry
            if self.target_part is not None:
                found = index.kept_part(self.served_part())
                if found is not None:
                    try:
                        signed, stamps, at = marshal.loads(found[1])
                        if signed == entry.digest:
                            self.served = {str(table): _stamp(stamp) for table, stamp in stamps}
                            self.served_at = int(at)
                    except Exception:  # whatever it was: not refreshed from
                        self.served = None
            return True
        except OSError:
            return False
        finally:
            index.close()

    def _store(self, part: str, data: bytes) -> None:
        """Keep `part` beside the snapshot, when the archive and its entry are still as they
        were looked at; any failure keeps nothing."""
        index = open_index(self.root, self.shown_root)
        if index is None:
            return
        try:
            if index.snapshot(self.digest, ("head", self.part)) is None:
                return  # the archive or the entry changed meanwhile
            index.store_part(self.digest, part, data)
        except OSError:
            return
        finally:
            index.close()

    def vouch(self, source: int, before: Stamp, started: int) -> None:
        """Sign the kept file's stamp beside its entry, its bytes just found to be those
        signed by a copy begun at `started` (time.time_ns) that found the open file `source`
        as `before`: when that stamp had settled before the copy began (a later write moves
        it) and did not move during it. The file is fsynced first (see the top of this
        module), once: later its stamp is the one signed. Any failure just signs nothing."""
        entry = self.entry
        stamp = before
        if entry is None or entry.stamp == stamp or not settled(stamp, started):
            return  # already signed, or too recent: verified again next time
        try:
            os.fsync(source)
            if stamp_of(os.fstat(source)) != stamp:
                return
        except OSError:
            return
        vouched = entry.again(stamp)
        self._store(self.part, vouched.pack())
        if self.part.startswith("view\0export jsonl\0"):  # its splice entry (splice.py) too
            index = open_index(self.root, self.shown_root)
            if index is None:
                return
            try:
                index.write(self._vouch_splice, index, vouched)
            finally:
                index.close()

    def splice_parts(self) -> tuple[str, str, str]:
        """The names of the KEPT parts (beside the table of the view `export`, dropped with
        it: store/viewtable.py) of the entry, the map and the state of this kept export
        (splice.py); the map's parts are named after its (`map_part`)."""
        from ..store.viewtable import kind  # an export after a change: not the warm path

        table = kind("export", self.shown_root)
        key = self.part.split("\0", 2)[2]
        return (
            f"{table}\0splice entry\0{key}",
            f"{table}\0splice map\0{key}",
            f"{table}\0splice state\0{key}",
        )

    def _keep_splice(
        self, index: Index, entry: Entry, packed: tuple[Iterable[bytes] | None, bytes] | None
    ) -> None:
        """In a transaction: keep `entry`, and the map and the state `packed`, as the splice
        parts (no map: the one kept stays, that of the same bytes: write._serve_unchanged);
        without either (an export not made from the rows kept in the index), remove them."""
        entry_part, map_prefix, state_part = self.splice_parts()
        if packed is None:
            for part in (entry_part, map_prefix, state_part):  # the map's parts start with its name
                index.drop_tables(part)
            return
        put_map, state = packed
        index.put_part("", entry_part, entry.pack())
        if put_map is not None:
            for number, data in enumerate(put_map):  # each part packed as it is stored
                index.put_part("", map_part(map_prefix, number), data)
                del data
        index.put_part("", state_part, state)

    def _vouch_splice(self, index: Index, entry: Entry) -> None:
        """In a transaction: the splice entry given `entry`'s stamp, when it is of the same
        bytes."""
        entry_part, _map_part, _state_part = self.splice_parts()
        found = index.kept_part(entry_part)
        try:
            same = found is not None and Entry.unpack(found[1]).digest == entry.digest
        except Exception:  # whatever it was: not the entry of these bytes
            same = False
        if same:
            index.put_part("", entry_part, entry.pack())

    def keep(
        self,
        sources: Iterable[tuple[str, Path]],
        counts: dict[str, int],
        archives: list[Row],
        exported_at: str,
        hashed: tuple[bytes, list[tuple[str, int]], bytes] | None = None,
        map_of: Callable[[bytes], tuple[Iterable[bytes] | None, bytes]] | None = None,
    ) -> None:
        """Keep the files `sources` (name, path; in this order) of an export just written,
        when the archive is still as it was looked at and the index holds its snapshot; with
        `hashed` (the digest, layout and leaves of what the writer wrote, `TreeHash`), copied by the
        kernel, else hashed as they are copied; with `map_of`, the map of where its rows lie
        kept too (`map_of(digest)`: the map and the state packed, splice.py, a later export
        spliced from it), else
        any map of the export it replaces removed. The entry kept is then `entry`. Any failure just keeps nothing (and
        `entry` is None)."""
        self.entry = None
        if hashed is None:
            # Made from records read as the export was made (a load, or the index's rows as a
            # later walk found them): kept only when no file changed meanwhile. An export made
            # from the index's rows for this walk (`hashed`: rows.from_index) is of the
            # archive as it was walked whatever changed since, and is kept beside the snapshot
            # of that walk, served only when the archive shows that walk again (a changed file
            # never does: a write moves its ctime); no second walk.
            after = walk_archive(self.root)
            if after[1] or fingerprint(after[0], after[1]) != self.digest:
                return  # a file changed meanwhile: what was exported is not the archive as it is
            del after
        index = open_index(self.root, self.shown_root)
        if index is None:
            return
        try:
            if index.snapshot(self.digest, ("head",)) is None or index.path + ".export-" not in self.path:
                return
            import hashlib
            import tempfile

            leaves: bytes | None = None
            kept = Path(self.path)
            handle, name = tempfile.mkstemp(prefix=f".{kept.name}.", suffix=".tmp", dir=kept.parent)
            temporary = Path(name)
            try:
                layout: list[tuple[str, int]] = []
                with open(handle, "wb", buffering=0, closefd=True) as out:
                    if hashed is None:
                        sha = hashlib.sha256()
                        for table, path in sources:
                            with open(path, "rb", buffering=0) as source:
                                size = copy(source, out, None, sha)
                            layout.append((table, size))
                        digest = sha.digest()
                    else:
                        # Bytes another writer put in these files meanwhile fail the digest
                        # when the kept file is first copied (hashed: `trusted` only after).
                        digest, layout, leaves = hashed
                        for (table, size), (name, path) in zip(layout, sources, strict=True):
                            with open(path, "rb", buffering=0) as source:
                                if (
                                    table != name
                                    or kernel_copy(source.fileno(), out.fileno(), 0, size) != size
                                ):
                                    raise OSError(errno.EIO, "an export's file ended early")
                total = sum(size for _, size in layout)
                temporary.replace(kept)
            except OSError:
                temporary.unlink(missing_ok=True)
                return
            entry = Entry(total, digest, layout, counts, archives, exported_at, None, leaves)
            packed = None if map_of is None else map_of(digest)
            index.store_part(self.digest, self.part, entry.pack())
            index.write(self._keep_splice, index, entry, packed)
            del packed
            _prune(index.path, self.path)
            self.entry = entry
        except OSError:
            return
        finally:
            index.close()


def map_part(prefix: str, number: int) -> str:
    """The name of part `number` of a kept export's map (splice.Map.pack), its first name
    `prefix` (Kept.splice_parts): every part's name starts with it."""
    return f"{prefix}\0{number}"


def find(
    archive: str | os.PathLike[str] | None,
    kind: str,
    name: str | None,
    target: str | os.PathLike[str] | None = None,
) -> tuple[Kept, tuple[str, str, Walk] | None] | None:
    """The kept export of `kind` for the archive and its name in the export (None: its
    folder's name), with what the index says of it when it holds one for the archive as it
    is (and of what it last copied to `target`), and, when it holds none, the archive's root,
    root as shown and walk as looked at (for its rows' text, rows.from_index; else None, the
    walk not held while a kept export is copied); None when the archive has no index (a
    read-only one, a folder not read)."""
    opened = walked_index(archive)
    if opened is None:
        return None
    root, shown_root, walk, index = opened
    digest = fingerprint(walk[0], walk[1])
    del opened
    try:
        name = Path(root).name if name is None else name
        key = f"{name}\0{Path(root)}\0{printable(shown_root)}"
        tag = blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
        path = f"{index.path}.export-{kind}-{tag}"
        part = "\0".join(("view", f"export {kind}", key))
        head: TaskSnapshot | None = None
        entry: Entry | None = None
        parts = index.snapshot(digest, ("head", part))
        if parts is not None:
            try:
                head = from_parts({"head": parts["head"]}, root, shown_root)
                entry = Entry.unpack(parts[part])
            except Exception:  # whatever it was, the index is not to be trusted: rebuilt
                index.damaged = True
                head = entry = None
        target_part: str | None = None
        served: dict[str, Stamp] | None = None
        served_at = 0
        if target is not None:
            where = blake2b(os.fsencode(Path(target).absolute()), digest_size=16).hexdigest()
            target_part = "\0".join(("view", f"export {kind} copied", key, where))
            found = index.snapshot(digest, (target_part,)) if entry is not None else None
            if found is not None and entry is not None:
                try:
                    signed, stamps, *at = marshal.loads(found[target_part])  # no time: not known
                    if signed == entry.digest:
                        served = {str(table): _stamp(stamp) for table, stamp in stamps}
                        served_at = int(at[0]) if at else 0
                except Exception:  # whatever it was, the index is not to be trusted: rebuilt
                    index.damaged = True
        kept = Kept(root, shown_root, digest, part, path, head, entry, target_part, served, served_at)
        return kept, ((root, shown_root, walk) if entry is None else None)
    finally:
        index.close()


TREE = b"kpss export leaves 1\0"  # begins what a tree's root is the SHA-256 digest of


def tree_root(leaves: Iterable[tuple[int, bytes]]) -> bytes:
    """The root of the hash tree of `leaves` (each leaf's length and SHA-256 digest, in
    order): the SHA-256 digest of TREE and each leaf's length (8 bytes) and digest. A leaf
    of no bytes is none (`TreeHash` never makes one)."""
    import hashlib

    sha = hashlib.sha256(TREE)
    sha.update(b"".join(length.to_bytes(8, "big") + digest for length, digest in leaves if length))
    return sha.digest()


class TreeHash:
    """The root of the hash tree (`tree_root`) of the bytes given to `update` in order, cut
    into leaves of the lengths `plan` gives (each with its digest when it is known: such a
    leaf's bytes are not hashed, see export/splice.py; None: hashed). `digest()` is that
    root, or b"" when the bytes were not as long as the plan. `digests` holds each leaf's
    digest once done. (What the copies of a kept export hash in place of SHA-256 when its
    entry has leaves: `Entry.hash`.)"""

    def __init__(self, plan: list[tuple[int, bytes | None]]) -> None:
        import hashlib

        self.new = hashlib.sha256
        self.plan = [(length, known) for length, known in plan if length]
        self.digests: list[bytes] = []
        self.sha: Any = None
        self.left = 0
        self.wrong = False
        self._next()

    def _next(self) -> None:
        """Begin the next leaf."""
        at = len(self.digests)
        if at < len(self.plan):
            self.left, known = self.plan[at]
            self.sha = self.new() if known is None else None

    def update(self, data: Any) -> None:
        view = memoryview(data)
        size = len(view)
        at = 0
        while at < size:
            if len(self.digests) >= len(self.plan):
                self.wrong = True  # more bytes than the leaves hold
                return
            take = min(self.left, size - at)
            if self.sha is not None:
                self.sha.update(view[at : at + take])
            at += take
            self.left -= take
            if not self.left:
                done = len(self.digests)
                known = self.plan[done][1]
                self.digests.append(known if known is not None else self.sha.digest())
                self._next()

    def known(self, size: int) -> int:
        """How many of the next `size` bytes lie in leaves whose digest is known (those bytes
        are passed over by `skip`, not hashed)."""
        at, left, found = len(self.digests), self.left, 0
        while found < size and at < len(self.plan) and self.plan[at][1] is not None:
            found += left
            at += 1
            left = self.plan[at][0] if at < len(self.plan) else 0
        return min(found, size)

    def skip(self, size: int) -> None:
        """Pass over the next `size` bytes, which lie in leaves whose digest is known
        (`known`): not hashed."""
        while size:
            if len(self.digests) >= len(self.plan) or self.sha is not None:
                self.wrong = True  # bytes of a leaf to hash, or more than the leaves hold
                return
            take = min(self.left, size)
            size -= take
            self.left -= take
            if not self.left:
                self.digests.append(self.plan[len(self.digests)][1])  # type: ignore[arg-type]
                self._next()

    def digest(self) -> bytes:
        if self.wrong or len(self.digests) != len(self.plan):
            return b""
        return tree_root(
            (length, digest) for (length, _known), digest in zip(self.plan, self.digests, strict=True)
        )

    def lengths(self) -> bytes:
        """The leaves' lengths, as an entry keeps them (Entry.leaves)."""
        from array import array

        return array("q", (length for length, _known in self.plan)).tobytes()


def now() -> int:
    """The time a copy begins (Kept.vouch), or stamps are taken (Kept.remember)."""
    return time.time_ns()


def settled(stamp: Stamp, at: int) -> bool:
    """Whether any write after `at` (time.time_ns) moves `stamp`: its times are a tick of the
    coarsest clock (SETTLED_NS) older than `at`. Else the stamp is "racy": a write in the
    same tick could leave it as it was."""
    return max(stamp[1], stamp[2]) <= at - SETTLED_NS


# What copy_file_range and sendfile say when they cannot copy between these two files (another
# file system, a kernel or file system without them): the next way is tried.
_UNSUPPORTED = frozenset(
    (
        errno.EXDEV,
        errno.ENOSYS,
        errno.EINVAL,
        errno.EOPNOTSUPP,
        errno.ENOTSUP,
        errno.EBADF,
        errno.EPERM,
        errno.ENOTSOCK,
    )
)


def kernel_copy(source: int, out: int, offset: int, size: int) -> int:
    """Copy `size` bytes of the file `source` from `offset` to the file `out` at its position,
    by the kernel (os.copy_file_range: within one file system, a clone of the blocks where it
    shares them, Btrfs or XFS; else os.sendfile), or, where neither works, by `copy`; how many
    were copied (fewer when the source ended first)."""
    done = 0
    for way in ("copy_file_range", "sendfile"):
        call = getattr(os, way, None)
        if call is None:
            continue
        try:
            while done < size:
                if way == "copy_file_range":
                    got = call(source, out, size - done, offset + done)
                else:
                    got = call(out, source, offset + done, size - done)
                if not got:
                    return done
                done += got
            return done
        except OSError as exc:
            if exc.errno not in _UNSUPPORTED or done:
                raise
    os.lseek(source, offset + done, os.SEEK_SET)
    with open(source, "rb", buffering=0, closefd=False) as reader, open(out, "wb", closefd=False) as writer:
        return done + copy(reader, writer, size - done, None)


def copy(source: FileIO, out: BinaryIO, size: int | None, sha: Any) -> int:
    """Copy `size` bytes (None: all there are) from the unbuffered binary file `source` to
    `out`, hashing them with `sha` (hashlib's, a TreeHash; None: not hashed) as they pass; how many were copied (fewer when the
    source ended first). Each chunk is hashed by a second thread while it is written (both
    let go of the GIL): the bytes hashed are the bytes written, in about the time of the
    slower of the two."""
    import queue
    import threading

    buffers = [bytearray(CHUNK), bytearray(CHUNK)]
    views = [memoryview(b) for b in buffers]
    write = out.write
    chunks: queue.SimpleQueue[memoryview | None] = queue.SimpleQueue()
    hashed: queue.SimpleQueue[BaseException | None] = queue.SimpleQueue()

    def hasher() -> None:
        while (chunk := chunks.get()) is not None:
            try:
                if sha is not None:
                    sha.update(chunk)
            except BaseException as exc:  # pragma: no cover - hashlib does not fail
                hashed.put(exc)
                return
            hashed.put(None)

    thread = threading.Thread(target=hasher, daemon=True)
    thread.start()
    done = pending = turn = 0
    try:
        while size is None or done < size:
            if pending == 2:  # the buffer about to be filled is still being hashed
                if (failed := hashed.get()) is not None:
                    raise failed
                pending -= 1
            want = CHUNK if size is None else min(CHUNK, size - done)
            view = views[turn][:want]
            got = source.readinto(view)
            if not got:
                break
            chunk = view[:got]
            chunks.put(chunk)
            pending += 1
            write(chunk)
            done += got
            turn ^= 1
    finally:
        chunks.put(None)
        for _ in range(pending):
            if (failed := hashed.get()) is not None:
                raise failed
        thread.join()
    return done


def _prune(index_path: str, keep: str) -> None:
    """Remove the oldest kept exports beside the index beyond KEPT_FILES (never `keep`)."""
    folder, start = os.path.split(index_path + ".export-")
    found: list[tuple[int, str]] = []
    try:
        for entry in os.scandir(folder):
            if entry.name.startswith(start) and entry.is_file(follow_symlinks=False):
                found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
    except OSError:
        return
    found.sort(reverse=True)
    for _, path in found[KEPT_FILES:]:
        if path != keep:
            with contextlib.suppress(OSError):
                Path(path).unlink()

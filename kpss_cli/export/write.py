"""Writing an export: SQLite (one file), Parquet or JSON Lines (a folder of one file per table
and a manifest). Every export is written beside its target under a temporary name and renamed
into place when complete, so a half-written export never replaces a good one."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import sqlite3
import stat as stat_module
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from ..core.errors import KpssError, os_reason
from ..core.i18n import _
from ..store.archive import Stamp, stamp_of
from ..store.files import READ_FLAGS
from .kept import CHUNK, Entry, Kept, TreeHash, copy, kernel_copy, now, settled
from .schema import BY_NAME, SCHEMA_VERSION, TABLES, Row, Rows, Table, empty, sqlite_ddl

# A warm export (the kept one refreshed at its target, or copied) imports this module: it
# names no temporary file through `tempfile` (`_temporary`), and imports hashlib, hmac, shutil
# and base64 only where a copy that hashes, a removal or a Parquet file needs them (some 8 ms of
# a start of some 70 ms, with kept.py's).
TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from .rows import Made

MANIFEST = "kpss-export.json"  # in a Parquet or JSON Lines folder: schema version, archives, tables
SQLITE_HEADER = b"SQLite format 3\x00"
# `exported_at` of the SQLite export kept (kept.py): every SQLite export is written with it,
# then given its time by one UPDATE, so that a copy of the kept one given the same time is
# the same file byte for byte.
UNSTAMPED = "0000-00-00T00:00:00+00:00"
EXPORTED_AT = BY_NAME["archives"].names.index("exported_at")  # its column in `archives`


def export_time() -> str:
    """Now, as `exported_at` gives it (UTC, to the second)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def export(
    kind: str,
    target: Path,
    produce: Callable[[Spill], None],
    *,
    replace: bool,
    append: bool,
    exported_at: str,
    kept: Kept | None = None,
    made: Callable[[Path, bool], Made | None] | None = None,
) -> dict[str, int]:
    """Write an export of `kind` at `target` of the rows `produce(spill)` hands to
    `spill.add`; return how many rows each table of the export holds (with `append`, those
    it held before too). An existing target is refused unless `replace` (it is then swapped
    for the new one) or `append` (the new rows are added to a copy of it); an empty folder is
    as good as none. The rows go to a temporary SQLite file beside the target as they come
    (`Spill`) and are written from it in each table's key order: they are never all in
    memory.

    With `kept` (one archive, not `append`): the export is copied from the kept one when the
    index holds one for the archive as it is and its bytes are those it signed (`kept.used`
    then says so, and `produce` is not called); else written, and then kept. With `made` (a
    JSON Lines export of one archive, not `append`): the text of its rows as the index keeps
    them (rows.py), written as it is, when `made(folder, whole)` gives it (its text put aside in a
    temporary file in `folder`, the target's; with `whole`, none spliced from the kept export);
    else `produce` is called."""
    target = target.absolute()
    parent = target.parent
    if not parent.is_dir():
        raise KpssError(
            _("cannot write {target}: the folder {parent} does not exist").format(
                target=target, parent=parent
            )
        )
    exists = target.exists() or target.is_symlink()
    if exists and kind != "sqlite" and target.is_dir() and not any(target.iterdir()):
        exists = False  # made ready for the export (`mkdir export`): written into, as if new
    if exists:
        _check_is_export(kind, target)
        if not (replace or append):
            raise KpssError(
                _("{target} already exists; add --force to replace it or --append to add to it").format(
                    target=target
                )
            )
    if append:
        kept = None
    if kept is not None and kept.entry is not None:
        try:
            counts = _serve(kind, target, kept, exported_at)
        except OSError as exc:
            raise KpssError(
                _("cannot write {target}: {reason}").format(target=target, reason=os_reason(exc))
            ) from None
        if counts is not None:
            kept.used = True
            return counts
    if made is not None and kind == "jsonl" and not append:
        try:
            found = made(parent, False)
            if found is not None:
                with contextlib.closing(found):
                    same: tuple[Entry, list[bytes]] | None = None
                    if kept is not None and found.same and found.source is not None:
                        same = (found.source.entry, [])  # told without reading its tables
                    elif kept is not None:
                        same = _unchanged(found)
                    if same is not None and kept is not None:
                        written = _serve_unchanged(target, found, *same, exported_at, kept)
                    else:
                        written = _write_made(target, found, exported_at, kept)
                if written is None:  # the kept export spliced from changed: every row read
                    found = made(parent, True)
                    if found is not None:
                        with contextlib.closing(found):
                            written = _write_made(target, found, exported_at, kept)
                if written is not None:
                    return written
        except OSError as exc:
            raise KpssError(
                _("cannot write {target}: {reason}").format(target=target, reason=os_reason(exc))
            ) from None
    try:
        spill_path = _temporary(target, folder=False)
    except OSError as exc:
        raise KpssError(
            _("cannot write {target}: {reason}").format(target=target, reason=os_reason(exc))
        ) from None
    try:
        with contextlib.closing(Spill(spill_path)) as spill:
            if kind != "sqlite" and append and exists:  # the old rows first, as they were
                old = _read_folder(kind, target)
                for table in TABLES:
                    spill.add(table.name, old[table.name])
                spill.old, spill.archives = spill.archives, []
                del old
            produce(spill)
            spill.flush()
            if kind == "sqlite":
                return _write_sqlite(target, spill, append and exists, exported_at, kept)
            return _write_folder(kind, target, spill, append and exists, exported_at, kept)
    except OSError as exc:
        raise KpssError(
            _("cannot write {target}: {reason}").format(target=target, reason=os_reason(exc))
        ) from None
    finally:
        spill_path.unlink(missing_ok=True)


def _ordered_rows(db: sqlite3.Connection, table: Table) -> Iterator[Row]:
    """The rows of `table` in the spill `db` in its key order (Spill.rows)."""
    cursor = db.execute(Spill.ordered(table).format(spill=""))
    while batch := cursor.fetchmany(1000):
        yield from table.booleans_restored(batch)


class Spill:
    """The rows of an export as they come, in a temporary SQLite file: each table's columns
    and the order they came in (`spill_order`), no key. `rows(table)` gives them back in the
    table's key order (ties in the order they came: a stable sort, as Python's), sorted by
    SQLite within a bounded memory."""

    BATCH = 5_000  # rows of a table held before they are written

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")  # a temporary file, removed after
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("BEGIN")
        for table in TABLES:
            self.db.execute(
                f"CREATE TABLE {table.name} (spill_order INTEGER PRIMARY KEY, {', '.join(table.names)})"
            )
        self.pending: dict[str, list[Row]] = {table.name: [] for table in TABLES}
        self.archives: list[str] = []  # those added now, by name
        self.old: list[str] = []  # those of an export added to

    def add(self, table: str, rows: list[Row]) -> None:
        """Take rows of the table `table` (by name), in the order of its columns."""
        if table == "archives":
            self.archives += [row[0] for row in rows]
        pending = self.pending[table]
        pending += rows
        if len(pending) >= self.BATCH:
            self._write(table)

    def _write(self, table: str) -> None:
        names = BY_NAME[table].names
        marks = ", ".join("?" * len(names))
        self.db.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", self.pending[table])
        self.pending[table] = []

    def drop(self, table: str, column: str, values: list[str]) -> None:
        """Take back the rows of `table` added so far whose `column` is one of `values`."""
        self._write(table)
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS dropped (value PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.dropped")
        self.db.executemany("INSERT OR IGNORE INTO temp.dropped VALUES (?)", ((v,) for v in values))
        self.db.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT value FROM temp.dropped)")

    def flush(self) -> None:
        for table in TABLES:
            self._write(table.name)
        self.db.execute("COMMIT")

    @staticmethod
    def ordered(table: Table) -> str:
        """The SELECT of `table`'s rows in its key order."""
        return f"SELECT {', '.join(table.names)} FROM {{spill}}{table.name} ORDER BY {', '.join(table.key)}, spill_order"

    def rows(self, table: Table) -> Iterator[Row]:
        """The rows of `table` in its key order, as they were added (booleans as SQLite gives
        them back: 0 or 1, made True or False again)."""
        return _ordered_rows(self.db, table)

    def count(self, table: str) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def close(self) -> None:
        self.db.close()


def _check_is_export(kind: str, target: Path) -> None:
    """Refuse to replace or add to anything but an export of this kind."""
    if kind == "sqlite":
        if target.is_dir():
            raise KpssError(_("{target} is a folder; an SQLite export is one file").format(target=target))
        try:
            with open(target, "rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise KpssError(
                _("cannot read {target}: {reason}").format(target=target, reason=os_reason(exc))
            ) from None
        if header != SQLITE_HEADER or _sqlite_version(target) is None:
            raise KpssError(
                _("{target} is not a kpss export; kpss replaces or adds only to its own").format(
                    target=target
                )
            )
        return
    if not target.is_dir():
        raise KpssError(
            _("{target} is not a folder; a {kind} export is a folder of files").format(
                target=target, kind=kind
            )
        )
    if any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise KpssError(
            _("{target} is not a kpss export (no {manifest}); kpss replaces or adds only to its own").format(
                target=target, manifest=MANIFEST
            )
        )


def _sqlite_version(path: Path) -> int | None:
    """The schema version of the kpss export at `path`, or None when it is not one."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            (version,) = db.execute("PRAGMA user_version").fetchone()
            names = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        return None
    return int(version) if "archives" in names and version else None


def _refuse_twice(old: list[str], new: list[str], target: Path) -> None:
    if twice := sorted(set(old) & set(new)):
        raise KpssError(
            _("{target} already holds the archive {twice}; export it again without --append").format(
                target=target, twice=", ".join(twice)
            )
        )


def _temporary(target: Path, folder: bool, suffix: str = ".tmp") -> Path:
    """A new file or folder beside `target` (hidden, a random part in its name), made
    exclusively (never through a link), with the permissions the umask gives new ones."""
    for _attempt in range(100):
        path = target.with_name(f".{target.name}.{os.urandom(6).hex()}{suffix}")
        try:
            if folder:
                path.mkdir(0o777)
            else:
                os.close(
                    os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
                )
        except FileExistsError:
            continue
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def _remove_tree(path: Path) -> None:
    """Remove the folder `path` and what it holds, as far as it can (a temporary export, or one
    replaced)."""
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _serve(kind: str, target: Path, kept: Kept, exported_at: str) -> dict[str, int] | None:
    """Write the kept export at `target` (as _write_sqlite and _write_folder would), given
    `exported_at`; None, and nothing written, when the kept bytes are not those the index
    signed. They are hashed as they are copied, unless the kept file shows the stamp signed
    when they last were (kept.py: then the kernel copies them, and the stamp is looked at
    again after the copy); once hashed and found right, the stamp is signed."""
    entry = kept.entry
    assert entry is not None
    archives = [(*row[:EXPORTED_AT], exported_at, *row[EXPORTED_AT + 1 :]) for row in entry.archives]
    if kind == "jsonl" and _refresh(target, kept, archives, exported_at):
        return entry.counts
    opened = kept.open()
    if opened is None:
        return None
    source, before = opened
    trusted = kept.trusted(before)
    started = now()
    import hmac

    sha = entry.hash()
    offset = 0

    def fill(path: Path, size: int) -> bool:
        """Copy the next `size` kept bytes to the new file `path`; whether they were all there."""
        nonlocal offset
        with open(path, "wb", buffering=0) as out:
            if trusted:
                done = kernel_copy(source.fileno(), out.fileno(), offset, size)
            else:
                done = copy(source, out, size, sha)
        offset += done
        return done == size

    def intact() -> bool:
        """Whether the bytes copied are those the index signed."""
        if trusted:
            return kept.trusted(os.fstat(source.fileno()))  # no write since the stamp was signed
        return hmac.compare_digest(sha.digest(), entry.digest)

    try:
        if kind == "sqlite":
            temporary = _temporary(target, folder=False)
            try:
                if not fill(temporary, entry.size) or not intact():
                    temporary.unlink()
                    return None
                _stamp_sqlite(temporary, exported_at)
                _publish_file(temporary, target)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        else:
            temporary = _temporary(target, folder=True)
            try:
                for name, size in entry.layout:
                    if not fill(temporary / f"{name}.{kind}", size):
                        _remove_tree(temporary)
                        return None
                if not intact():
                    _remove_tree(temporary)
                    return None
                names = [row[0] for row in archives]
                if kind == "parquet":
                    for name, _size in entry.layout:
                        if not _restamp_parquet(temporary / f"{name}.{kind}", entry.exported_at, exported_at):
                            _remove_tree(temporary)
                            return None
                    _write_parquet(temporary / "archives.parquet", "archives", archives, names, exported_at)
                else:
                    _write_jsonl(temporary / "archives.jsonl", "archives", archives)
                _write_manifest(temporary, kind, exported_at, names, entry.counts)
                _publish(temporary, target)
            except BaseException:
                _remove_tree(temporary)
                raise
            if kind == "jsonl":
                _remember(kept, target)
        if not trusted:
            kept.vouch(source.fileno(), stamp_of(before), started)
        return entry.counts
    finally:
        source.close()


def _refresh(target: Path, kept: Kept, archives: list[Row], exported_at: str) -> bool:
    """Give the JSON Lines export at `target` its new `archives` table and manifest, when it
    is the one kpss last wrote or copied there for the kept export (kept.Kept.served): the
    folder holds its files and no other, and each file of a table shows the stamp it had then
    (a write sets its ctime, a file put in its place has another inode). Its tables are then the
    bytes a copy would write (no time in them), and are left as they are; the two files that
    hold the time are each written whole under a temporary name and renamed into place, so
    that the folder always holds a whole export (for a moment, the `archives` table's time may
    be the new one and the manifest's the old).

    Where timestamps are coarse (FAT's 2 s, SMB, ext4's small inodes' 1 s), a write in the same
    tick as kpss's own leaves the stamp as it was, for good. So while a signed stamp is not
    `settled` at the time it was signed (kept.py), the tables are hashed (read, not written)
    and kept only when they are the kept export's bytes; their stamps are then signed again,
    once settled (after an fsync: a crash must not leave torn tables that show them). False,
    and nothing written, otherwise."""
    entry, served = kept.entry, kept.served
    if entry is None or served is None:
        return False
    tables = [f"{name}.jsonl" for name, _size in entry.layout]
    try:
        if not stat_module.S_ISDIR(target.lstat().st_mode):
            return False  # a link: replaced by a folder, as a copy does
        if sorted(p.name for p in target.iterdir()) != sorted([*tables, "archives.jsonl", MANIFEST]):
            return False
        racy = False
        for (name, _size), file in zip(entry.layout, tables, strict=True):
            found = (target / file).lstat()
            stamp = stamp_of(found)
            if not stat_module.S_ISREG(found.st_mode) or stamp != served.get(name):
                return False
            racy = racy or not settled(stamp, kept.served_at)
    except OSError:
        return False
    if racy and not _tables_intact(target, kept, tables):
        return False
    names = [row[0] for row in archives]
    _replace_file(target / "archives.jsonl", lambda path: _write_jsonl(path, "archives", archives))
    _replace_file(
        target / MANIFEST,
        lambda path: path.write_text(_manifest("jsonl", exported_at, names, entry.counts), "utf-8"),
    )
    return True


def _tables_intact(target: Path, kept: Kept, tables: list[str]) -> bool:
    """Whether the files `tables` at `target`, in this order, hold the kept export's bytes
    (its digest); when they do and their stamps have settled, those stamps are signed again
    (Kept.remember), the files fsynced first."""
    import hmac

    entry = kept.entry
    assert entry is not None
    at = now()
    sha = entry.hash()
    buffer = bytearray(CHUNK)
    stamps: list[tuple[str, Stamp]] = []
    try:
        for (name, size), file in zip(entry.layout, tables, strict=True):
            fd = os.open(target / file, READ_FLAGS)
            try:
                before = os.fstat(fd)
                if not stat_module.S_ISREG(before.st_mode) or before.st_size != size:
                    return False
                with open(fd, "rb", buffering=0, closefd=False) as source:
                    while got := source.readinto(buffer):
                        sha.update(memoryview(buffer)[:got])
                stamp = stamp_of(before)
                if settled(stamp, at):
                    os.fsync(fd)  # only once: signed next, and trusted after
                if stamp_of(os.fstat(fd)) != stamp:
                    return False  # written meanwhile
                stamps.append((name, stamp))
            finally:
                os.close(fd)
    except OSError:
        return False
    if not hmac.compare_digest(sha.digest(), entry.digest):
        return False
    if all(settled(stamp, at) for _name, stamp in stamps):
        kept.remember(stamps, at)
    return True


def _replace_file(target: Path, write_to: Callable[[Path], object]) -> None:
    """Write the file `target` whole under a temporary name (`write_to`), then put it in place."""
    temporary = _temporary(target, folder=False)
    try:
        write_to(temporary)
        _publish_file(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _stamp_sqlite(path: Path, exported_at: str) -> None:
    """Give every archive of the SQLite export at `path` the time `exported_at`."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute("PRAGMA journal_mode = OFF")  # a temporary file: renamed into place when whole
        db.execute("PRAGMA synchronous = OFF")
        db.execute("UPDATE archives SET exported_at = ?", (exported_at,))


def _restamp_parquet(path: Path, old: str, new: str) -> bool:
    """Put `new` in place of `old` as `kpss.exported_at` in the footer metadata of the
    Parquet file `path` (the key's value, and in the Arrow schema pyarrow keeps there,
    base64): the same length, so nothing else moves, and the file is the one _write_parquet
    writes given `new`. False when the footer is not as expected (the export is then
    written afresh)."""
    if old == new:
        return True
    import base64

    before, after = old.encode(), new.encode()
    if len(before) != len(after) or len(before) > 127:
        return False
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size < 12:
            return False
        handle.seek(size - 8)
        tail = handle.read(8)
        length = int.from_bytes(tail[:4], "little")
        if tail[4:] != b"PAR1" or length > size - 12:
            return False
        start = handle.seek(size - 8 - length)
        footer = handle.read(length)
        # Thrift's compact protocol: field 1 (binary) of 16 bytes, field 2 (binary) of len(old).
        key = b"\x18\x10kpss.exported_at\x18" + bytes([len(before)])
        if footer.count(key + before) != 1:
            return False
        footer = footer.replace(key + before, key + after)
        schema_key = b"\x18\x0cARROW:schema\x18"
        if footer.count(schema_key) > 1:
            return False
        at = footer.find(schema_key)
        if at >= 0:
            at += len(schema_key)
            count, shift = 0, 0
            while True:  # a varint: the value's length
                byte = footer[at]
                at += 1
                count |= (byte & 0x7F) << shift
                shift += 7
                if not byte & 0x80:
                    break
            schema = base64.b64decode(footer[at : at + count])
            if schema.count(before) != 1:
                return False
            value = base64.b64encode(schema.replace(before, after))
            if len(value) != count:
                return False
            footer = footer[:at] + value + footer[at + count :]
        handle.seek(start)
        handle.write(footer)
    return True


def _write_sqlite(
    target: Path, spill: Spill, append: bool, exported_at: str, kept: Kept | None
) -> dict[str, int]:
    temporary = _temporary(target, folder=False)
    try:
        if append:
            version = _sqlite_version(target)
            if version != SCHEMA_VERSION:
                raise KpssError(
                    _("{target} has schema version {version}; kpss writes {schema_version}").format(
                        target=target, version=version, schema_version=SCHEMA_VERSION
                    )
                )
            import shutil

            shutil.copyfile(target, temporary)
        with contextlib.closing(sqlite3.connect(temporary)) as db:
            db.execute("PRAGMA journal_mode = OFF")  # a temporary file: renamed into place when whole
            db.execute("PRAGMA synchronous = OFF")
            if append:
                old = [name for (name,) in db.execute("SELECT archive FROM archives")]
                _refuse_twice(old, spill.archives, target)
            else:
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                for table in TABLES:
                    db.execute(sqlite_ddl(table)[0])
            spill.db.execute("ATTACH DATABASE ? AS export", (str(temporary),))
            try:
                spill.db.execute("PRAGMA export.journal_mode = OFF")
                spill.db.execute("PRAGMA export.synchronous = OFF")
                with spill.db:
                    # Each table's rows in its key order: SQLite inserts them a quarter faster
                    # (its key index grows at one end), and every export of one archive lists
                    # them in one order.
                    for table in TABLES:
                        spill.db.execute(
                            f"INSERT INTO export.{table.name} ({', '.join(table.names)}) "
                            + spill.ordered(table).format(spill="main.")
                        )
            finally:
                spill.db.execute("DETACH DATABASE export")
            if not append:
                for table in TABLES:
                    for statement in sqlite_ddl(table)[1:]:
                        db.execute(statement)
                db.execute("ANALYZE")
            counts = {t.name: db.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES}
        if not append:
            _stamp_sqlite(temporary, UNSTAMPED)
            if kept is not None:
                kept.keep([("sqlite", temporary)], counts, list(spill.rows(BY_NAME["archives"])), UNSTAMPED)
            _stamp_sqlite(temporary, exported_at)
        _publish_file(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return counts


def _write_folder(
    kind: str, target: Path, spill: Spill, append: bool, exported_at: str, kept: Kept | None
) -> dict[str, int]:
    if append:
        _refuse_twice(spill.old, spill.archives, target)
    archives = [row[0] for row in spill.rows(BY_NAME["archives"])]  # in key order
    temporary = _temporary(target, folder=True)
    try:
        if kind == "parquet":
            _write_parquet_apart(temporary, spill, archives, exported_at)
        else:
            for table in TABLES:
                _write_jsonl(temporary / f"{table.name}.{kind}", table.name, spill.rows(table))
        counts = {table.name: spill.count(table.name) for table in TABLES}
        if kept is not None and not append:
            sources = [(t.name, temporary / f"{t.name}.{kind}") for t in TABLES if t.name != "archives"]
            kept.keep(sources, counts, list(spill.rows(BY_NAME["archives"])), exported_at)
        _write_manifest(temporary, kind, exported_at, archives, counts)
        _publish(temporary, target)
    except BaseException:
        _remove_tree(temporary)
        raise
    if kind == "jsonl" and not append:
        _remember(kept, target)
    return counts


def _write_made(target: Path, made: Made, exported_at: str, kept: Kept | None) -> dict[str, int] | None:
    """Write a JSON Lines export of the rows' text `made` (rows.py), as _write_folder writes
    it, a table's text as it comes. None, and nothing written, when the kept export it was
    spliced from (splice.py) did not stay as it was checked."""
    temporary = _temporary(target, folder=True)
    # What is kept, hashed as it is written: its hash tree, whose leaves copied whole from the
    # kept export it is spliced from (trusted once `made.intact()`) are not hashed again. Hashed
    # here, not by a second thread: after an edit few leaves are (SHA-256 hashes some 1.4 GB/s
    # where the CPU has SHA instructions), and handing every chunk to a thread cost more, the
    # two threads taking turns at the GIL.
    tree = None if kept is None else TreeHash(made.plan)
    try:
        layout: list[tuple[str, int]] = []
        for table in TABLES:
            path = temporary / f"{table.name}.jsonl"
            if table.name == "archives":
                _write_jsonl(path, table.name, made.archives)
                continue
            with open(path, "wb", buffering=0) as out:
                layout.append((table.name, _stream(made, table.name, tree, out)))
        if not made.intact():
            _remove_tree(temporary)
            return None
        counts = {table.name: made.counts[table.name] for table in TABLES}
        digest = b"" if tree is None else tree.digest()
        if kept is not None and tree is not None and digest and made.map_of is not None:
            sources = [(t.name, temporary / f"{t.name}.jsonl") for t in TABLES if t.name != "archives"]
            map_of, digests = made.map_of, tree.digests
            kept.keep(
                sources,
                counts,
                made.archives,
                exported_at,
                (digest, layout, tree.lengths()),
                lambda digest: map_of(digest, digests),
            )
        _write_manifest(temporary, "jsonl", exported_at, [row[0] for row in made.archives], counts)
        _publish(temporary, target)
    except BaseException:
        _remove_tree(temporary)
        raise
    _remember(kept, target, carry=True)
    return counts


def _stream(made: Made, table: str, tree: TreeHash | None, out: Any) -> int:
    """Write the text of `table` of `made` to the unbuffered file `out` (None: written
    nowhere), hashed by `tree` (None: not hashed); its length."""
    size = 0
    for text in made.pieces(table):
        if isinstance(text, tuple):  # a long run of the kept export spliced from
            size += _copy_run(made, out, *text, tree)
            continue
        if out is not None:
            _write_all(out, text)
        size += len(text)
        if tree is not None:
            tree.update(text)
    return size


def _unchanged(made: Made) -> tuple[Entry, list[bytes]] | None:
    """When the tables of the JSON Lines export `made` are the bytes of the kept export it is
    spliced from (the root of their hash tree its entry's digest, each table of its size, the
    same counts and `archives` but for `exported_at`): that export's entry and the digests of
    its leaves. Only the leaves with a row made again are hashed (read, not written); the rest
    are the kept export's, trusted as it is (rows.Made.intact). An edit of what the export
    does not hold (a minutes' text beyond its fields, a blank line) changes none."""
    source = made.source
    if source is None:
        return None
    entry = source.entry

    def timeless(rows: list[Row]) -> list[Row]:
        return [(*row[:EXPORTED_AT], *row[EXPORTED_AT + 1 :]) for row in rows]

    if (
        made.counts != entry.counts
        or made.sizes != dict(entry.layout)  # a row of another length: no table read to tell
        or timeless(made.archives) != timeless(entry.archives)
    ):
        return None
    tree = TreeHash(made.plan)
    layout = [
        (table.name, _stream(made, table.name, tree, None)) for table in TABLES if table.name != "archives"
    ]
    if layout != entry.layout or tree.digest() != entry.digest:
        return None
    return entry, tree.digests


def _serve_unchanged(
    target: Path, made: Made, entry: Entry, digests: list[bytes], exported_at: str, kept: Kept
) -> dict[str, int] | None:
    """Write the JSON Lines export `made`, whose tables are the bytes of the kept export it is
    spliced from (`entry`, its leaves' digests `digests`: _unchanged), as a warm run
    writes it (_serve): the target refreshed when it holds them (what an export after a change
    last copied there: kept.Kept.remember; nothing of the kept file read), else the kept file
    copied by the kernel, hashed whole first unless vouched, and vouched once found whole (its
    stamp then signed: not hashed again while it shows it). The kept file stays, its entry kept
    again for the archive as it is (kept.Kept.keep_again). None, and nothing written, when the
    kept file copied from did not hold its entry's bytes or changed."""
    source = made.source
    assert source is not None and made.map_of is not None
    map_of = made.map_of
    if not kept.keep_again(entry, lambda digest: map_of(digest, digests)):
        return None  # the index moved on (rare): made again from every row's text
    counts = entry.counts
    # A target refreshed reads nothing of the kept file: it is hashed (when not vouched) only
    # when copied from.
    if not _refresh(target, kept, made.archives, exported_at):
        if not made.intact():  # its stamp signed, or hashed whole; not moved since
            return None
        if source.started:  # hashed whole and found right: vouched, when its stamp had settled
            kept.vouch(source.fd, source.stamp, source.started)
        temporary = _temporary(target, folder=True)
        try:
            offset = 0
            for name, size in entry.layout:
                with open(temporary / f"{name}.jsonl", "wb", buffering=0) as out:
                    if kernel_copy(source.fd, out.fileno(), offset, size) != size:
                        raise OSError(errno.EIO, "the kept export ended early")
                offset += size
            if stamp_of(os.fstat(source.fd)) != source.stamp:
                _remove_tree(temporary)  # written meanwhile: its bytes not those checked
                return None
            _write_jsonl(temporary / "archives.jsonl", "archives", made.archives)
            _write_manifest(temporary, "jsonl", exported_at, [row[0] for row in made.archives], counts)
            _publish(temporary, target)
        except BaseException:
            _remove_tree(temporary)
            raise
    _remember(kept, target, carry=True)
    return counts


def _write_all(out: Any, data: bytes) -> None:
    """Write all of `data` to the unbuffered file `out`."""
    view = memoryview(data)
    while view:
        view = view[out.write(view) :]


def _copy_run(made: Made, out: Any, offset: int, length: int, tree: TreeHash | None) -> int:
    """Copy the `length` bytes at `offset` of the kept export spliced from to the unbuffered
    file `out` (None: only hashed): those in leaves of `tree` whose digest is known (copied whole from the kept
    export, splice.reused) by the kernel, never through Python, the others read and hashed.
    Either way they are trusted as the kept file's bytes are (Made.intact)."""
    source = made.source
    assert source is not None
    done = 0
    while done < length:
        at = offset + done
        known = length - done if tree is None else tree.known(length - done)
        if known:
            if out is not None and kernel_copy(source.fd, out.fileno(), at, known) != known:
                raise OSError(errno.EIO, "the kept export ended early")
            if tree is not None:
                tree.skip(known)
            done += known
            continue
        assert tree is not None
        data = source.read(at, min(length - done, tree.left or CHUNK, CHUNK))
        if out is not None:
            _write_all(out, data)
        tree.update(data)
        done += len(data)
    return length


def _remember(kept: Kept | None, target: Path, carry: bool = False) -> None:
    """Sign the stamps of the tables of the JSON Lines export just written at `target` and
    kept (Kept.remember): the next export there of the archive as it is refreshes it (with
    `carry`, an export after a change, also the next one after a change whose tables are the
    same: _serve_unchanged)."""
    if kept is None or kept.entry is None:
        return
    at = now()
    try:
        stamps = [(name, stamp_of((target / f"{name}.jsonl").lstat())) for name, _size in kept.entry.layout]
        # Those signed already, settled then (a target refreshed): fsynced when they were signed.
        served, served_at = kept.served, kept.served_at
        known = served is not None and all(
            served.get(name) == stamp and settled(stamp, served_at) for name, stamp in stamps
        )
        if not known and all(
            settled(stamp, at) for _name, stamp in stamps
        ):  # rare: just written (a clock behind)
            for name, _size in kept.entry.layout:
                fd = os.open(target / f"{name}.jsonl", READ_FLAGS)
                try:
                    os.fsync(fd)  # a crash must not leave torn tables that show the stamps signed
                finally:
                    os.close(fd)
    except OSError:
        return
    kept.remember(stamps, at, carry)


def _manifest(kind: str, exported_at: str, archives: list[str], counts: dict[str, int]) -> str:
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "format": kind,
        "exported_at": exported_at,
        "archives": archives,
        "tables": counts,
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"


def _write_manifest(
    folder: Path, kind: str, exported_at: str, archives: list[str], counts: dict[str, int]
) -> None:
    (folder / MANIFEST).write_text(_manifest(kind, exported_at, archives, counts), "utf-8")


# An export is published by an atomic rename of what was written whole under a temporary name:
# no reader, and no failure or kill of kpss (disk full, Ctrl+C, SIGKILL), ever finds a
# half-written export at the target. It is not fsynced: it is not the user's writing (what
# kpss writes of theirs is: store/safefile.py) but made from the archive, which it leaves as it
# was, and `kpss export` makes it again. Only a crash of the whole system in the seconds before
# the kernel writes it out could leave its files short (then export again); an fsync would
# cost a warm export, a copy of some 60 MB at 10,000 files, a third of its time or more.


def _publish_file(temporary: Path, target: Path) -> None:
    """Put the file `temporary` at `target` (atomically, see above)."""
    temporary.replace(target)


def _publish(temporary: Path, target: Path) -> None:
    """Put the export written in the folder `temporary` at `target` (_swap)."""
    _swap(temporary, target)


def _swap(temporary: Path, target: Path) -> None:
    """Put the folder `temporary` at `target`. An old export there is first renamed aside and
    removed only once the new one is in place; a folder cannot be renamed over another in one
    step, so for a moment there is no export at `target`, but never a half-written one."""
    if not target.exists():
        temporary.rename(target)
        return
    aside = _temporary(target, folder=True, suffix=".old")
    aside.rmdir()
    target.rename(aside)
    try:
        temporary.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    _remove_tree(aside)


def _read_folder(kind: str, target: Path) -> Rows:
    try:
        manifest = json.loads((target / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise KpssError(_("cannot read {target}: {exc}").format(target=target / MANIFEST, exc=exc)) from None
    if manifest.get("schema_version") != SCHEMA_VERSION or manifest.get("format") != kind:
        raise KpssError(
            _(
                "{target} is a {value} export of schema version {value2}; kpss adds only to a {kind} export of version {schema_version}"
            ).format(
                target=target,
                value=manifest.get("format"),
                value2=manifest.get("schema_version"),
                kind=kind,
                schema_version=SCHEMA_VERSION,
            )
        )
    rows = empty()
    for table in TABLES:
        path = target / f"{table.name}.{kind}"
        if kind == "parquet":
            import pyarrow.parquet as pq

            data = pq.read_table(path).to_pylist()
            rows[table.name] = [tuple(_plain(row[c]) for c in table.names) for row in data]
        else:
            with open(path, encoding="utf-8") as handle:
                rows[table.name] = [
                    tuple(json.loads(line)[c] for c in table.names) for line in handle if line.strip()
                ]
    return rows


def _plain(value: Any) -> Any:
    """A value read back from Parquet as the tables give it (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


JSONL_BATCH = 1_000  # rows encoded at a time (as the spill gives them: write._ordered_rows)


def _write_jsonl(path: Path, name: str, rows: Iterable[Row]) -> None:
    lines = BY_NAME[name].json_lines()
    rows = iter(rows)
    with open(path, "w", encoding="utf-8") as handle:
        batch = list(islice(rows, JSONL_BATCH))
        while batch:
            handle.write(lines(batch))
            batch = list(islice(rows, JSONL_BATCH))


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {"text": pa.string(), "int": pa.int64(), "date": pa.date32(), "bool": pa.bool_()}[kind]


ROW_GROUP = 50_000  # rows of a Parquet row group: held in memory while it is made
CHUNK_ROWS = 8_192  # rows made into Arrow's columns at a time: a multiple of pyarrow's batch of 1,024


def _no_pyarrow() -> KpssError:
    return KpssError(_("--to parquet needs pyarrow: pip install 'kpss[parquet]' (or pip install pyarrow)"))


def _write_parquet_apart(folder: Path, spill: Spill, archives: list[str], exported_at: str) -> None:
    """Write each table of `spill` as a Parquet file in `folder` (_write_parquet), by a process
    of its own (`python -m kpss_cli.export.write`): pyarrow (some 40 MiB imported) and its row
    groups are then not on top of what this one still holds of making the rows (at 100,000
    files a cold export to Parquet peaked at 282 MiB, the same to JSON Lines at 207)."""
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("pyarrow") is None:
        raise _no_pyarrow()
    done = subprocess.run(
        [sys.executable, "-m", __name__, str(spill.path), str(folder), exported_at, json.dumps(archives)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    if done.returncode:  # its OSError's number, or (not expected) its last words
        said = done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit {done.returncode}"]
        number = int(said[-1][6:]) if said[-1].startswith("errno ") and said[-1][6:].isdigit() else 0
        raise OSError(number or errno.EIO, os.strerror(number) if number else said[-1])


def _parquet_main(spill_path: str, folder: str, exported_at: str, archives: str) -> None:
    """_write_parquet_apart's process: each table of the spill `spill_path` (read only); an
    OSError said as its number, on the last line of stderr."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{spill_path}?mode=ro", uri=True)) as db:
            for table in TABLES:
                path = Path(folder) / f"{table.name}.parquet"
                _write_parquet(path, table.name, _ordered_rows(db, table), json.loads(archives), exported_at)
    except OSError as exc:
        raise SystemExit(f"errno {exc.errno or errno.EIO}") from None


def _write_parquet(path: Path, name: str, rows: Iterable[Row], archives: list[str], exported_at: str) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise _no_pyarrow() from None
    table = BY_NAME[name]
    schema = pa.schema(
        [pa.field(c.name, _arrow_type(c.type), nullable=not c.required) for c in table.columns],
        metadata={
            "kpss.schema_version": str(SCHEMA_VERSION),
            "kpss.table": name,
            "kpss.archives": json.dumps(archives, ensure_ascii=False),
            "kpss.exported_at": exported_at,
            "kpss.primary_key": ",".join(table.key),
        },
    )
    types = [(_arrow_type(c.type), c.type == "date") for c in table.columns]

    def arrays(batch: list[Row]) -> list[Any]:
        columns = []
        for index, (kind, is_date) in enumerate(types):
            values = [row[index] for row in batch]
            if is_date:
                values = [dt.date.fromisoformat(v) if v else None for v in values]
            columns.append(pa.array(values, type=kind))
        return columns

    def group(chunks: list[list[Any]]) -> Any:
        """A row group of the columns made a chunk at a time, each column one array (the
        file's bytes those of the row group made at once: tests/test_export*.py)."""
        if not chunks:
            return pa.Table.from_arrays(arrays([]), schema=schema)
        columns = [pa.concat_arrays([chunk[at] for chunk in chunks]) for at in range(len(types))]
        chunks.clear()
        return pa.Table.from_arrays(columns, schema=schema)

    # A row group's rows held as Arrow's columns, made every CHUNK_ROWS rows, not as the rows'
    # Python objects (at 100,000 files some 80 MiB for a group of attendance).
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: list[Row] = []
        chunks: list[list[Any]] = []
        held = 0  # rows in `chunks`
        written = False
        for row in rows:
            batch.append(row)
            if len(batch) >= CHUNK_ROWS or held + len(batch) >= ROW_GROUP:
                chunks.append(arrays(batch))
                held += len(batch)
                batch = []
                if held >= ROW_GROUP:
                    writer.write_table(group(chunks))
                    held, written = 0, True
        if batch:
            chunks.append(arrays(batch))
        if chunks or not written:  # an empty table is one empty row group, as pq.write_table gives
            writer.write_table(group(chunks))


if __name__ == "__main__":
    import sys

    _parquet_main(*sys.argv[1:])

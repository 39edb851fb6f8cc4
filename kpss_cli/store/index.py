"""The index: parsed minutes kept in the archive's `.kpss/` folder, so a warm run re-reads only
the files that changed. It is never a source of truth: deleting it changes no answer.

Each row holds one file's parse result (packed by packing.py, as parallel parsing sends it)
keyed by path, size, modification and change time and inode. Beside them lies a snapshot of the
archive's tasks with their statuses resolved, keyed by a fingerprint of the same of every file:
parts (a head, and what bringing it up to date needs) and tables of rows (a row per task of
each status, per file, per minutes, per task id and file: `table`), so that a change rewrites
only the rows it affects (incremental.py). When nothing changed, `kpss tasks` reads the head
and the rows of the statuses it shows, and no minutes at all. Views (the rows of `kpss list`, the findings of
`kpss check`…: loading.load_view) are more parts of the same table, under the same
fingerprint. The index is stamped with kpss.yaml's bytes; when they change and what kpss.yaml
means does not (a comment), the rows stay and the snapshot goes (`open`).

Rows and parts are marshal data (packing.py), which is not made for untrusted bytes; the index
lies in the archive, which anyone may have written to. Every row and part is therefore signed
(keyed BLAKE2) with a key kept outside the archive (in the user's cache folder), and a row
whose signature does not match is parsed afresh. The rows of a table are signed each, and the
snapshot holds a digest of the signatures of each bucket of them: no row can be removed,
added or put back from an earlier index unseen (`table`, docs/security.md). So each user keeps an index of their own
(`index-<id>.sqlite3`, named after their key; `index-<id>-cs.sqlite3` for runs in Czech, whose
problems are kept in Czech): on a shared drive, one index for all would be
rebuilt whenever another user ran kpss. A corrupt index, one written by another kpss or Python
version (marshal's format follows Python's) or for another kpss.yaml, is rebuilt. Two kpss of
one user running at once share it through SQLite's locking; a write that cannot get the lock
is skipped, never waited for long.

Anyone may also have put links in `.kpss/`, or made it a link: the index is only ever opened as
a regular file of one name in a real folder (`_own_file`), so kpss never writes through a link
to another file. Whatever goes wrong while reading it means "rebuild", and a cache that cannot
be written (a full disk, a read-only folder) means a run without one: never an error.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat as stat_module
import sys
from collections.abc import Callable, Iterable, Iterator

from ..core import __version__, i18n

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

try:  # BLAKE2's keyed hashing, a MAC, without OpenSSL's start-up cost (quick.py: every ms counts)
    from _blake2 import blake2b as blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # pragma: no cover - a Python built without them
    from hashlib import blake2b as blake2b
    from hmac import compare_digest  # type: ignore[no-redef]

FOLDER = ".kpss"
FORMAT = "30"  # bump when what a row or the snapshot holds changes (views, kpss.yaml's meaning)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL, data BLOB NOT NULL, mac BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshot (
    part TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, data BLOB NOT NULL, mac BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS rows (
    kind TEXT NOT NULL, key BLOB NOT NULL, bucket INTEGER NOT NULL, data BLOB NOT NULL, mac BLOB NOT NULL,
    PRIMARY KEY (kind, bucket, key)
) WITHOUT ROWID;
"""
_TABLES = ("meta", "files", "snapshot", "rows")
# Rows of the snapshot's tables (`Index.table`) fall into this many buckets each, a bucket's
# rows side by side in the file; the snapshot keeps a digest of each bucket's signatures, so a
# row removed, added or put back is told by reading its bucket alone.
BUCKETS = 1024


def bucket(text: str) -> int:
    """The bucket of the rows looked up by `text` (a folder, a task id, a group)."""
    import zlib  # only where rows are written

    return zlib.crc32(text.encode("utf-8", "surrogatepass")) & (BUCKETS - 1)


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _set_digest(macs: Iterable[bytes]) -> bytes:
    """The digest of a bucket: of its rows' signatures in order (a set: no order of writing
    counts). Not linear like a sum or XOR of them: no other set of signed rows gives it."""
    return blake2b(b"".join(sorted(macs)), digest_size=32).digest()


def digests(macs: dict[int, bytearray]) -> dict[int, bytes]:
    """The digests of a table's buckets (as Index.fill_table gives them) from the signatures of
    each bucket's rows, laid end to end (Signed rows written by Index.put_parsed)."""
    return {
        number: _set_digest(bytes(joined[at : at + KEY_SIZE]) for at in range(0, len(joined), KEY_SIZE))
        for number, joined in macs.items()
    }


def _mac(key: bytes, path: str, size: int, mtime_ns: int, ctime_ns: int, ino: int, data: bytes) -> bytes:
    # The data hashed after its stamp, not copied after it: a part of the snapshot or a
    # view is tens of MB at 100,000 files, and a copy of it doubled its room at the peak.
    mac = blake2b(f"{path}\0{size}\0{mtime_ns}\0{ctime_ns}\0{ino}\0".encode(), key=key, digest_size=32)
    mac.update(data)
    return mac.digest()


def _row_signer(secret: bytes, kind: str) -> Callable[[bytes, bytes], bytes]:
    """The signature of a row of the table `kind`, of its key and data: keyed BLAKE2 of the
    kind, the key's length, the key and the data (the key started once per table)."""
    start = blake2b(f"{kind}\0".encode(), key=secret, digest_size=32)

    def sign(key: bytes, data: bytes) -> bytes:
        mac = start.copy()
        if len(data) < 8192:  # most rows: one call, the copy costs less than two more
            mac.update(b"%d\0%b%b" % (len(key), key, data))
        else:
            mac.update(b"%d\0%b" % (len(key), key))
            mac.update(data)
        return mac.digest()

    return sign


Signed = tuple[str, bytes, int, bytes, bytes]  # a table's row: kind, key, bucket, data, signature


class Signer:
    """Signs rows with an index's key where the index is not at hand: in the processes that
    parse files (loading._parse_many), each file's row (Index.update) and its rows of the
    snapshot's tables (Index.table), so that the process writing them only writes them.
    The key goes no further than a worker this kpss started."""

    def __init__(self, key: bytes) -> None:
        self._key = key
        self._tables: dict[str, Callable[[bytes, bytes], bytes]] = {}

    def file(self, path: str, size: int, mtime_ns: int, ctime_ns: int, ino: int, data: bytes) -> bytes:
        """The signature of a file's row, as Index.update makes it."""
        return _mac(self._key, path, size, mtime_ns, ctime_ns, _int64(ino), data)

    def row(self, kind: str, key: bytes, bucket: int, data: bytes) -> Signed:
        """A row of the table `kind`, signed as Index.fill_table signs it."""
        return kind, key, bucket, data, self.signs(kind)(key, data)

    def signs(self, kind: str) -> Callable[[bytes, bytes], bytes]:
        """What signs a row's (key, data) of the table `kind`, as `row` does: for callers
        that sign many rows of a few tables (incremental.signed_rows, snapshot._signed_tasks)."""
        sign = self._tables.get(kind)
        if sign is None:
            sign = self._tables[kind] = _row_signer(self._key, kind)
        return sign


VIEWS_KEPT = 16  # views of one kind (a command's answers: answers.py) kept at once
KEPT = "kept:"  # parts whose names start so outlive the snapshot they were made with


# Rows of a first build put aside until the parse ends (Index.put_parsed), in the temporary
# database SQLite keeps beside the connection (removed when it closes).
_STAGED = (
    "CREATE TEMP TABLE IF NOT EXISTS staged"
    " (kind TEXT NOT NULL, key BLOB NOT NULL, bucket INTEGER NOT NULL, data BLOB NOT NULL, mac BLOB NOT NULL)"
)


class Rollback(Exception):
    """Raised in `Index.transaction` to leave the index as it was."""


Row = tuple[str, int, int, int, int, bytes]  # path, size, mtime_ns, ctime_ns, inode, packing.pack's bytes

KEY_SIZE = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # Windows has neither links of this kind nor the flag
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a pipe put in the file's place must not hang the open
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_HEADER = b"SQLite format 3\x00"
# SQLite's result codes (the low byte of the extended ones) that say the disk or the folder
# cannot take the index now: no index this run, and the file is left as it is.
_CANNOT_WRITE = frozenset(
    (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_FULL,
     sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM)
)  # fmt: skip


def _key() -> bytes | None:
    """The signing key, made on first use; None when the user's cache folder is not usable.
    A key of another length (an empty file left by a first run on a full disk, say) is never
    used: an empty key is no key, and anyone could sign with it. It is replaced."""
    base = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "kpss")
    path = os.path.join(base, "index-key")
    try:
        key = _read_key(path)
    except OSError:
        return None
    if key is not None and len(key) == KEY_SIZE:
        return key
    return _new_key(base, path, replace=key is not None)


def _read_key(path: str) -> bytes | None:
    """The key file's bytes (at most one more than a key has), None when there is none."""
    try:
        with open(path, "rb") as handle:
            return handle.read(KEY_SIZE + 1)
    except FileNotFoundError:
        return None


def _new_key(base: str, path: str, replace: bool) -> bytes | None:
    """Make a key and put it in place whole: written to a file of its own and synced first, so
    no kpss ever reads a part of one. A missing key is linked into place (a key another kpss
    put there meanwhile wins); a wrong one is replaced. The key is read back: this run uses
    the one that stays."""
    temp = f"{path}.{os.getpid()}.{os.urandom(4).hex()}"
    try:
        os.makedirs(base, mode=0o700, exist_ok=True)
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW | _CLOEXEC, 0o600)
        try:
            written = 0
            key = os.urandom(KEY_SIZE)
            while written < KEY_SIZE:
                written += os.write(fd, key[written:])
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            os.replace(temp, path)
        else:
            try:
                os.link(temp, path)
            except FileExistsError:
                pass  # another kpss made one a moment ago: theirs it is
            except OSError:  # a file system without hard links
                os.replace(temp, path)
        key = _read_key(path) or b""
    except OSError:
        return None  # a full or read-only disk: no index this run
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)
    return key if len(key) == KEY_SIZE else None


def _file_name(key: bytes, language: str) -> str:
    """The name of the index signed with `key` (derived from it; telling nothing of it). It
    keeps problems with their messages, so each interface language has its own: a user whose
    cron job speaks Czech and whose shell speaks English keeps both warm."""
    tag = "" if language == "en" else f"-{language}"
    return f"index-{blake2b(b'kpss index file', key=key, digest_size=8).hexdigest()}{tag}.sqlite3"


def _is_own(found: os.stat_result) -> bool:
    """A regular file with no other name: not a link, a pipe, a device, or a second name of a
    file elsewhere (a hard link to someone's database). (Some file systems do not count names
    and say 0.)"""
    return stat_module.S_ISREG(found.st_mode) and found.st_nlink <= 1


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino, a.st_mode) == (b.st_dev, b.st_ino, b.st_mode)


def _remove(path: str) -> bool:
    """Remove the name `path` (a link itself, never what it points to); False when it stays."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:
        try:
            os.rmdir(path)  # an empty folder of that name
        except FileNotFoundError:
            pass
        except OSError:
            return False
    return True


def _own_file(path: str) -> os.stat_result | None:
    """The index file, made sure to be a regular file of ours holding an SQLite database (or
    nothing yet) in the rollback-journal format (never WAL: SQLite would open its `-wal` and
    `-shm` beside it by name, links and all); anything else of that name is removed and the
    file made anew. Its `lstat`, or None when no index file can be had."""
    for _ in range(3):  # a few times: someone may be playing with it as we look
        try:
            found = os.lstat(path)
        except FileNotFoundError:
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW | _CLOEXEC, 0o600)
            except FileExistsError:
                continue
            except OSError:
                return None
            try:
                return os.fstat(fd)
            finally:
                os.close(fd)
        except OSError:
            return None
        if _is_own(found) and _looks_right(path, found):
            return found
        if not _remove(path):
            return None
    return None


def _looks_right(path: str, found: os.stat_result) -> bool:
    """True when the file is empty or starts as a database of ours, read through a descriptor
    of this very file (no link followed, no pipe waited on)."""
    if found.st_size == 0:
        return True
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError:
        return False
    try:
        header = os.read(fd, 20) if _same(os.fstat(fd), found) else b""
    except OSError:
        return False
    finally:
        os.close(fd)
    return header[:16] == _HEADER and header[18:20] == b"\x01\x01"


def _clear_beside(path: str) -> None:
    """Remove links and other odd things where SQLite would put its journal files: SQLite
    opens them by name and would write through a link. (kpss keeps its journal in memory and
    makes none; a regular one is a crashed older run's, for SQLite to roll back.)"""
    for suffix in ("-journal", "-wal", "-shm"):
        try:
            found = os.lstat(path + suffix)
        except OSError:
            continue
        if not _is_own(found):
            _remove(path + suffix)


def _uri(path: str) -> str:
    """An SQLite URI for `path` that opens an existing file only: SQLite never creates it
    (through a link put there since it was looked at)."""
    path = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    if os.sep == "\\":  # pragma: no cover - Windows
        path = "/" + path.replace("\\", "/")
    return f"file:{path}?mode=rw"


def _start_afresh(connection: sqlite3.Connection, stamp: str, meaning: str) -> None:
    """Empty the index for this kpss and kpss.yaml (`stamp`, and what kpss.yaml means):
    another version's tables may differ, so they are made anew."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for table in _TABLES:
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _SCHEMA.split(";"):
            connection.execute(statement)
        connection.execute("INSERT INTO meta VALUES ('stamp', ?), ('meaning', ?)", (stamp, meaning))
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise


def _meaning(connection: sqlite3.Connection) -> str:
    """What kpss.yaml meant when the rows were parsed, as a keyed digest ("" when not known)."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'meaning'").fetchone()
    return row[0] if row is not None and type(row[0]) is str else ""


def _restamp(connection: sqlite3.Connection, stamp: str) -> None:
    """kpss.yaml's bytes changed and its meaning did not: keep the parsed rows under the new
    `stamp`, drop the snapshot (it holds kpss.yaml's line numbers and shown path)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute("DELETE FROM snapshot")
        connection.execute("DELETE FROM rows")
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise


def _cannot_write(exc: BaseException) -> bool:
    """True when `exc` says the index cannot be had now (locked, full, read-only), not that it
    is broken."""
    if isinstance(exc, OSError):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in _CANNOT_WRITE


def _int64(number: int) -> int:
    """`number` as SQLite's signed 64-bit integers hold it (some file systems give inode
    numbers above 2**63)."""
    number &= 0xFFFF_FFFF_FFFF_FFFF
    return number - (1 << 64) if number >= 1 << 63 else number


class Index:
    """Signed parse results of one archive."""

    def __init__(self, connection: sqlite3.Connection, key: bytes, path: str) -> None:
        self._db = connection
        self._key = key
        self._path = path
        self.damaged = False  # something read from it was broken: close() removes it
        self._unsigned: list[str] = []  # rows whose signature is wrong: removed on the next update

    @classmethod
    def open(
        cls, root: str | os.PathLike[str], config_text: bytes, meaning: Callable[[], str] | None = None
    ) -> Index | None:
        """The archive's index, (re)built empty when unusable; None when it cannot be had.
        Paths are text (no pathlib on the warm path: store/config.find_root).

        `meaning()` gives what kpss.yaml means (packing.config_meaning), asked only when its
        bytes changed: when the meaning did not (a comment, a blank line, keys reordered in a
        way parsing does not see), the parsed rows stay and only the snapshot goes (it holds
        kpss.yaml's lines). When it cannot be had (kpss.yaml is broken), this run goes without
        an index and the rows stay for when it is mended."""
        key = _key()
        if key is None:
            return None
        folder = os.path.join(root, FOLDER)
        try:
            with contextlib.suppress(FileExistsError):
                os.mkdir(folder)
            folder_stat = os.lstat(folder)
        except OSError:
            return None  # a read-only archive: no index, the same answers
        if not stat_module.S_ISDIR(folder_stat.st_mode):
            return None  # a link (or a file): the index would be written wherever it leads
        path = os.path.join(folder, _file_name(key, i18n.language()))
        python = "{}.{}".format(*sys.version_info)
        # The problems of a file are kept with their messages, in the interface's language.
        base = f"{__version__}/{FORMAT}/{python}/{i18n.language()}"
        # Both the stamp and the meaning kept beside it are keyed digests: a writer of the
        # archive without this user's key cannot make rows parsed under another kpss.yaml
        # pass for this one's.
        stamp = f"{base}/{blake2b(config_text, key=key).hexdigest()}"
        for _ in (1, 2):
            found = _own_file(path)
            if found is None:
                return None
            _clear_beside(path)
            try:
                # Used by one thread at a time, not always the one that opened it: a first build
                # writes its tables from a second thread while the first resolves tasks
                # (loading.FirstBuild.finish), which waits for it before it writes again.
                connection = sqlite3.connect(
                    _uri(path), uri=True, timeout=2.0, isolation_level=None, check_same_thread=False
                )
            except Exception:
                return None
            try:
                # What SQLite opened is what was checked, unless it was changed in between:
                # then someone is playing with the folder, and this run goes without an index.
                if not (_same(os.lstat(folder), folder_stat) and _same(os.lstat(path), found)):
                    connection.close()
                    return None
                # The journal in memory: no journal file beside the index that a link could
                # stand in for. No waiting for the disk at each commit either: a crash may
                # leave the index broken, and a broken index is rebuilt, a broken row (its
                # signature) parsed afresh.
                connection.execute("PRAGMA journal_mode = MEMORY")
                connection.execute("PRAGMA synchronous = OFF")
                # Freed pages left as they are, not overwritten with zeros: where SQLite is built
                # with SECURE_DELETE (Debian's), each page a DELETE frees was written, so held in
                # the journal in memory: the views and answers dropped with the snapshot after an
                # edit at 100,000 files, some 200 MB and 1.7 s. What they held is this archive's,
                # in this user's file (mode 600), as the rows that stay.
                connection.execute("PRAGMA secure_delete = FAST")
                connection.executescript(_SCHEMA)
                row = connection.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
                if row is None or row[0] != stamp:
                    try:
                        now = meaning() if meaning is not None else ""
                        now = blake2b(now.encode(), key=key).hexdigest() if now else ""
                    except Exception:
                        connection.close()
                        return None
                    if (
                        row is not None
                        and row[0].rpartition("/")[0] == base
                        and now
                        and now == _meaning(connection)
                    ):
                        _restamp(connection, stamp)
                    else:
                        _start_afresh(connection, stamp, now)
                return cls(connection, key, path)
            except Exception as exc:
                connection.close()
                if _cannot_write(exc):
                    return None  # locked by another kpss, a full disk, a read-only folder
                # Corrupt, or not a database at all: start again from nothing (it holds no truth).
                if not _remove(path):
                    return None
        return None

    @property
    def path(self) -> str:
        """The index file's path (files kept beside it are named after it: export/kept.py)."""
        return self._path

    def _mac(self, path: str, size: int, mtime_ns: int, ctime_ns: int, ino: int, data: bytes) -> bytes:
        return _mac(self._key, path, size, mtime_ns, ctime_ns, ino, data)

    def signer(self) -> Signer:
        """What signs this index's rows where the index is not at hand (a process parsing files)."""
        return Signer(self._key)

    def rows(self) -> Iterator[Row]:
        """Every row whose signature is right, one at a time (the others are removed on the
        next update). A broken one (of other types, on a damaged page) ends them and marks
        the index damaged."""
        try:
            for path, size, mtime, ctime, ino, data, mac in self._db.execute(
                "SELECT path, size, mtime_ns, ctime_ns, ino, data, mac FROM files"
            ):
                if not (
                    type(path) is str
                    and type(size) is type(mtime) is type(ctime) is type(ino) is int
                    and type(data) is type(mac) is bytes
                ):
                    raise TypeError("a row of the wrong types")
                if compare_digest(mac, self._mac(path, size, mtime, ctime, ino, data)):
                    yield path, size, mtime, ctime, ino & 0xFFFF_FFFF_FFFF_FFFF, data  # as os.stat gives it
                else:
                    self._unsigned.append(path)
        except Exception:
            self.damaged = True

    def paths(self) -> list[str]:
        """The paths of the files' rows (their signatures not checked: for removing rows)."""
        try:
            return [path for (path,) in self._db.execute("SELECT path FROM files") if type(path) is str]
        except sqlite3.Error:
            self.damaged = True
            return []

    def unsettled(self) -> bool:
        """True when a file's row has the times of a file built in before it settled (negative:
        loading.unsettle), to be read again; False when none has or it cannot tell."""
        try:
            return self._db.execute("SELECT 1 FROM files WHERE mtime_ns < 0 LIMIT 1").fetchone() is not None
        except sqlite3.Error:
            return False

    def empty(self) -> bool:
        """True when the index holds no file's row (a first build); False when it cannot tell."""
        try:
            return self._db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None
        except sqlite3.Error:
            return False

    def update(self, changed: Iterable[Row], removed: Iterable[str]) -> None:
        """Store new parse results and forget removed files; skipped when another kpss writes,
        or the disk is full."""
        self._write(self._update, changed, removed)

    def _update(self, changed: Iterable[Row], removed: Iterable[str]) -> None:
        self._db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in self._unsigned))
        self._unsigned = []
        self._db.executemany(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((p, s, m, c, _int64(i), d, self._mac(p, s, m, c, _int64(i), d)) for p, s, m, c, i, d in changed),
        )
        self._db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in removed))

    def _write(self, write: Callable[..., object], *args: Any) -> bool:
        """Run `write(*args)` in one transaction; True when it was written. When it fails, the
        index is not written this time (the next run tries again), or, when it is broken,
        removed on close."""
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                write(*args)
        except (sqlite3.Error, OSError) as exc:
            if not _cannot_write(exc):
                self.damaged = True
            return False
        return True

    def put_parsed(
        self,
        files: list[tuple[Row, bytes]],
        rows: list[Signed],
        clear: Iterable[str] = (),
        *,
        drop_snapshot: bool = False,
    ) -> bool:
        """Store parse results and rows of the snapshot's tables signed where they were made
        (Signer: `files` as (row, its signature), `rows` as (kind, key, bucket, data,
        signature)), in one transaction, the rows of the tables `clear` removed first, and
        with `drop_snapshot` the snapshot (but its KEPT parts: its tables are being
        rewritten); True when written (else as `update`). The tables' digests are the
        caller's to keep (`digests`)."""
        return self._write(self._put_parsed, files, rows, clear, drop_snapshot)

    def _put_parsed(
        self, files: list[tuple[Row, bytes]], rows: list[Signed], clear: Iterable[str], drop_snapshot: bool
    ) -> None:
        if drop_snapshot:
            self._db.execute("DELETE FROM snapshot WHERE substr(part, 1, ?) != ?", (len(KEPT), KEPT))
        self._db.executemany("DELETE FROM rows WHERE kind = ?", ((kind,) for kind in clear))
        self._db.executemany(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            ((p, s, m, c, _int64(i), d, mac) for (p, s, m, c, i, d), mac in files),
        )
        # Put aside in a temporary table, appended to, and written into `rows` in its order at
        # the end (put_staged): each batch's rows fall in every bucket, and inserting them in
        # place rewrote most of the table's pages at each commit (at 100,000 files some 8 s).
        self._db.execute(_STAGED)
        self._db.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?, ?)", rows)

    def put_staged(self) -> bool:
        """Write the rows put aside by put_parsed into their tables, in the B-tree's order (sorted
        by SQLite), in one transaction; True when written (else as `update`)."""
        return self._write(self._put_staged)

    def _put_staged(self) -> None:
        self._db.execute(_STAGED)
        self._unstage()

    def _unstage(self) -> None:
        """The rows put aside written into `rows`, in its order; none left aside."""
        self._db.execute(
            "INSERT OR REPLACE INTO rows SELECT kind, key, bucket, data, mac FROM temp.staged"
            " ORDER BY kind, bucket, key"
        )
        self._db.execute("DELETE FROM temp.staged")

    def snapshot(self, fingerprint: str, parts: Iterable[str]) -> dict[str, bytes] | None:
        """The named parts of the snapshot taken when the archive looked like `fingerprint`,
        if it still does (None otherwise)."""
        found: dict[str, bytes] = {}
        try:
            for part in parts:
                row = self._db.execute(
                    "SELECT fingerprint, data, mac FROM snapshot WHERE part = ?", (part,)
                ).fetchone()
                if row is None or row[0] != fingerprint:
                    return None
                _, data, mac = row
                if not (type(data) is type(mac) is bytes):
                    raise TypeError("a part of the wrong type")
                if not compare_digest(mac, self._mac(f"{part}\0{fingerprint}", 0, 0, 0, 0, data)):
                    return None
                found[part] = data
        except Exception:
            self.damaged = True
            return None
        return found

    def latest(self, parts: Iterable[str]) -> tuple[str, dict[str, bytes]] | None:
        """(the fingerprint of the snapshot kept, its named parts), whatever the archive looks
        like now; None when there is none or it lacks one of them."""
        try:
            row = self._db.execute("SELECT fingerprint FROM snapshot WHERE part = 'head'").fetchone()
        except Exception:
            self.damaged = True
            return None
        if row is None or type(row[0]) is not str:
            return None
        found = self.snapshot(row[0], parts)
        return None if found is None else (row[0], found)

    def kept_part(self, part: str) -> tuple[str, bytes] | None:
        """(the fingerprint it was stored with, the data) of the part `part` (named KEPT…),
        whatever the archive looks like now; None when there is none or its signature is wrong."""
        try:
            row = self._db.execute(
                "SELECT fingerprint, data, mac FROM snapshot WHERE part = ?", (part,)
            ).fetchone()
            if row is None:
                return None
            fingerprint, data, mac = row
            if not (type(fingerprint) is str and type(data) is type(mac) is bytes):
                raise TypeError("a part of the wrong type")
        except Exception:
            self.damaged = True
            return None
        if not compare_digest(mac, self._mac(f"{part}\0{fingerprint}", 0, 0, 0, 0, data)):
            return None
        return fingerprint, data

    def put_part(self, fingerprint: str, part: str, data: bytes) -> None:
        """In a transaction: keep the part `part` of `fingerprint`, in place of any of that name."""
        mac = self._mac(f"{part}\0{fingerprint}", 0, 0, 0, 0, data)
        self._db.execute(
            "INSERT OR REPLACE INTO snapshot VALUES (?, ?, ?, ?)", (part, fingerprint, data, mac)
        )

    def keep_part(self, fingerprint: str, prefix: str, part: str, data: bytes) -> None:
        """In a transaction: put_part, and of the parts whose names start with `prefix`, only
        the VIEWS_KEPT written last kept."""
        self._delete_parts(prefix, keep=VIEWS_KEPT - 1)
        self.put_part(fingerprint, part, data)

    def drop_tables(self, prefix: str) -> None:
        """In a transaction: remove the tables whose kinds start with `prefix`, and their parts."""
        # As bytes: SQLite's functions of text end it at its first NUL.
        start = prefix.encode("utf-8", "surrogatepass")
        for table, column in (("rows", "kind"), ("snapshot", "part")):
            self._db.execute(
                f"DELETE FROM {table} WHERE substr(CAST({column} AS BLOB), 1, ?) = ?", (len(start), start)
            )

    def row(self, path: str) -> Row | None:
        """The row of `path` when its signature is right, else None."""
        try:
            found = self._db.execute(
                "SELECT path, size, mtime_ns, ctime_ns, ino, data, mac FROM files WHERE path = ?", (path,)
            ).fetchone()
        except Exception:
            self.damaged = True
            return None
        if found is None:
            return None
        path, size, mtime, ctime, ino, data, mac = found
        if not (
            type(path) is str
            and type(size) is type(mtime) is type(ctime) is type(ino) is int
            and type(data) is type(mac) is bytes
        ) or not compare_digest(mac, self._mac(path, size, mtime, ctime, ino, data)):
            return None
        return path, size, mtime, ctime, ino & 0xFFFF_FFFF_FFFF_FFFF, data

    def store_snapshot(self, fingerprint: str, parts: dict[str, bytes]) -> None:
        """Keep the snapshot of the archive as it looks now (`fingerprint`), in named parts."""
        self._write(self._store_snapshot, fingerprint, parts)

    def _store_snapshot(self, fingerprint: str, parts: dict[str, bytes]) -> None:
        # A view's table and its state (viewtable.py) stay: they say what archive they are of.
        self._db.execute("DELETE FROM snapshot WHERE substr(part, 1, ?) != ?", (len(KEPT), KEPT))
        self._db.executemany(
            "INSERT INTO snapshot VALUES (?, ?, ?, ?)",
            (
                (part, fingerprint, data, self._mac(f"{part}\0{fingerprint}", 0, 0, 0, 0, data))
                for part, data in parts.items()
            ),
        )

    def store_part(self, fingerprint: str, part: str, data: bytes) -> None:
        """Keep one more part (a view: loading.load_view) beside the snapshot of `fingerprint`;
        it goes when the snapshot is next replaced."""
        self._write(self._store_part, fingerprint, part, data)

    def put_view_part(self, fingerprint: str, part: str, data: bytes) -> None:
        """In a transaction: store_part."""
        self._store_part(fingerprint, part, data)

    def _store_part(self, fingerprint: str, part: str, data: bytes) -> None:
        mac = self._mac(f"{part}\0{fingerprint}", 0, 0, 0, 0, data)
        # The last few of each view (its first two fields) stay, the oldest going: people ask a
        # few questions in turn (`check` of two days, `attendance --by org` then `--missed 2`),
        # and asked day after day the index must not grow.
        kind, name, _rest = part.split("\0", 2)
        self._delete_parts(f"{kind}\0{name}\0", keep=VIEWS_KEPT - 1)
        self._db.execute(
            "INSERT OR REPLACE INTO snapshot VALUES (?, ?, ?, ?)", (part, fingerprint, data, mac)
        )

    def _delete_parts(self, start: str, keep: int = 0) -> None:
        """Remove the snapshot's parts whose names start with `start` (which may hold NULs) but
        the `keep` written last."""
        # As bytes: SQLite's functions of text end it at its first NUL.
        prefix = start.encode("utf-8", "surrogatepass")
        self._db.execute(
            "DELETE FROM snapshot WHERE rowid IN (SELECT rowid FROM snapshot"
            " WHERE substr(CAST(part AS BLOB), 1, ?) = ? ORDER BY rowid DESC LIMIT -1 OFFSET ?)",
            (len(prefix), prefix, keep),
        )

    # --- the snapshot's tables: rows signed one by one, their set by the snapshot's digests ---

    def _signer(self, kind: str) -> Callable[[bytes, bytes], bytes]:
        return _row_signer(self._key, kind)

    def table(
        self,
        kind: str,
        digests: dict[int, bytes],
        buckets: Iterable[int] | None = None,
        convert: Callable[[bytes], Any] | None = None,
        keyed: bool = False,
    ) -> list[Any] | None:
        """(key, data) of the rows of the table `kind`, all or those of `buckets`, when each
        row's signature is right and each bucket read holds exactly the rows whose signatures
        `digests` (a signed part of the snapshot) was made of: a row changed, removed, added or
        put back from an earlier index makes it None (the caller then loads the archive).
        With `convert`, each row is given as `convert(data)` (its bytes not held), or as
        (key, convert(data)) when `keyed`."""
        found: list[Any] = []
        macs: dict[int, list[bytes]] = {}
        try:
            wanted: Iterable[int] = digests if buckets is None else set(buckets)
            row_mac = self._signer(kind)
            for key, number, data, mac in self._select(kind, buckets):
                if not (type(key) is type(data) is type(mac) is bytes and type(number) is int):
                    raise TypeError("a row of the wrong types")
                if not compare_digest(mac, row_mac(key, data)):
                    raise ValueError("a row of another key")
                macs.setdefault(number, []).append(mac)
                if convert is None:
                    found.append((key, data))
                else:
                    found.append((key, convert(data)) if keyed else convert(data))
            if buckets is None and macs.keys() != digests.keys():
                raise ValueError("a bucket more or less")
            for number in wanted:
                kept = digests.get(number)
                here = macs.get(number)
                if (kept is None) != (here is None) or (here is not None and _set_digest(here) != kept):
                    raise ValueError("a row more, less or of another time")
        except Exception:  # not what this reader wrote: the index is rebuilt
            self.damaged = True
            return None
        return found

    def _select(self, kind: str, buckets: Iterable[int] | None) -> Iterator[Any]:
        if buckets is None:
            yield from self._db.execute("SELECT key, bucket, data, mac FROM rows WHERE kind = ?", (kind,))
            return
        for number in set(buckets):
            yield from self._db.execute(
                "SELECT key, bucket, data, mac FROM rows WHERE kind = ? AND bucket = ?", (kind, number)
            )

    def write(self, write: Callable[..., object], *args: Any) -> None:
        """Run `write(*args)` in one transaction (it may use the methods said to be for one);
        skipped when the index cannot be written now, as `update`."""
        self._write(write, *args)

    def change_table(
        self,
        kind: str,
        digests: dict[int, bytes],
        put: dict[bytes, tuple[int, bytes]],
        drop: dict[bytes, int],
    ) -> dict[int, bytes] | None:
        """In a transaction: write the rows `put` (key: (bucket, data)) and remove those of
        `drop` (key: bucket) in the table `kind`, whose buckets `digests` describes; the
        digests after, or None when a bucket changed is not as `digests` says (nothing
        written then: the caller loads the archive)."""
        new = dict(digests)
        touched: dict[int, dict[bytes, bytes]] = {}
        for number in {b for b, _ in put.values()} | set(drop.values()):
            rows = dict(
                self._db.execute(
                    "SELECT key, mac FROM rows WHERE kind = ? AND bucket = ?", (kind, number)
                ).fetchall()
            )
            kept = digests.get(number)
            if (kept is None) != (not rows) or (rows and _set_digest(rows.values()) != kept):
                self.damaged = True  # not what this reader wrote: the index is rebuilt
                return None
            touched[number] = rows
        for key, number in drop.items():
            touched[number].pop(key, None)
        signed = []
        sign = self._signer(kind)
        for key, (number, data) in put.items():
            mac = sign(key, data)
            touched[number][key] = mac
            signed.append((kind, key, number, data, mac))
        for number, rows in touched.items():
            if rows:
                new[number] = _set_digest(rows.values())
            else:
                new.pop(number, None)
        self._db.executemany(
            "DELETE FROM rows WHERE kind = ? AND bucket = ? AND key = ?",
            ((kind, b, k) for k, b in drop.items()),
        )
        self._db.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?, ?)", signed)
        return new

    def fill_table(self, kind: str, rows: Iterable[tuple[bytes, int, bytes]]) -> dict[int, bytes]:
        """In a transaction: the table `kind` made of `rows` (key, bucket, data); its digests."""
        macs: dict[int, list[bytes]] = {}
        sign = self._signer(kind)

        def signed() -> Iterator[Signed]:
            for key, number, data in rows:
                mac = sign(key, data)
                macs.setdefault(number, []).append(mac)
                yield kind, key, number, data, mac

        self._db.execute("DELETE FROM rows WHERE kind = ?", (kind,))
        # Put aside as they come, then written in the B-tree's order, sorted by SQLite: rows
        # inserted in the order they come fall in every bucket, and rewrite most of the
        # table's pages (the status tables at 100,000 files: 200,000 rows).
        self._db.execute(_STAGED)
        self._db.execute("DELETE FROM temp.staged")
        self._db.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?, ?)", signed())
        self._unstage()
        return {number: _set_digest(found) for number, found in macs.items()}

    def fill_tables(
        self, kinds: Iterable[str], shares: Iterable[Iterable[Signed]]
    ) -> dict[str, dict[int, bytes]]:
        """In a transaction: the tables `kinds` made of the rows of `shares`, signed where they
        were made (Signer: made by more than one process, snapshot.store); each one's digests."""
        # Each bucket's signatures laid end to end (as loading.FirstBuild keeps them): a list of
        # bytes was some 15 MB more at the peak of a first build of 100,000 files (200,000 rows).
        macs: dict[str, dict[int, bytearray]] = {kind: {} for kind in kinds}

        def kept(rows: Iterable[Signed]) -> Iterator[Signed]:
            for row in rows:
                table = macs[row[0]]
                found = table.get(row[2])
                if found is None:
                    table[row[2]] = bytearray(row[4])
                else:
                    found += row[4]
                yield row

        self._db.executemany("DELETE FROM rows WHERE kind = ?", ((kind,) for kind in macs))
        self._db.execute(_STAGED)
        self._db.execute("DELETE FROM temp.staged")
        for rows in shares:
            self._db.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?, ?)", kept(rows))
        self._unstage()
        return {kind: digests(table) for kind, table in macs.items()}

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write: all of it or nothing (`Rollback` leaves the index as it was)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Reads that see one state of the index, whatever another kpss writes meanwhile."""
        try:
            self._db.execute("BEGIN")
        except sqlite3.Error:
            self.damaged = True
            yield
            return
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("COMMIT")

    def put_snapshot(self, fingerprint: str, parts: dict[str, bytes]) -> None:
        """In a transaction: store_snapshot."""
        self._store_snapshot(fingerprint, parts)

    def put_files(self, changed: Iterable[Row], removed: Iterable[str]) -> None:
        """In a transaction: update."""
        self._update(changed, removed)

    def close(self) -> None:
        """Close the database; remove it when it was found damaged, so that the next run
        starts from an empty one."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        if self.damaged:
            _remove(self._path)

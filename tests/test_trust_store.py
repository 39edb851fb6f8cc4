"""Shared archives are trust boundaries: whatever anyone put in the archive or its `.kpss/`
folder, kpss touches nothing outside the archive, loads nothing it did not sign itself, never
crashes or hangs on it, and answers as a run without the index does (docs/security.md)."""

from __future__ import annotations

import contextlib
import errno
import json
import marshal
import os
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from .conftest import Invoke, write

AS_OF = "2026-01-01"
QUERIES = [
    ["tasks", "--all", "-f", "json"],
    ["tasks", "--overdue"],
    ["list", "-f", "json"],
    ["attendance", "-f", "json"],
    ["check", "-f", "json"],
    ["task", "ridici/2022-01-19#3"],
    ["show", "ridici/2022-01-19", "-f", "json"],
]
EDITED = "ridici/2022-01-19.md"  # whose task #3 is "Oslovit nové členy"


def outcome(result: Result) -> tuple[int, str, str]:
    return result.exit_code, result.stdout, result.stderr


def dated(query: list[str]) -> list[str]:
    """`query` with today pinned, where the command takes a today."""
    return [*query, "--as-of", AS_OF] if query[0] != "list" else query


def run(invoke: Invoke, archive: Path, query: list[str], *, cache: bool = True) -> tuple[int, str, str]:
    prefix = [] if cache else ["--no-cache"]
    return outcome(invoke(*prefix, *dated(query), "-a", str(archive)))


def assert_answers_as_without_cache(invoke: Invoke, archive: Path, times: int = 2) -> None:
    """Every query, `times` times (the first may rebuild the index, the next read it), gives
    exactly what a run without the index gives, exit code and messages included."""
    for query in QUERIES:
        expected = run(invoke, archive, query, cache=False)
        assert expected[0] in (0, 2) and "this is a bug" not in expected[2]
        for attempt in range(times):
            assert run(invoke, archive, query) == expected, (query, attempt)


def index_file(archive: Path) -> Path:
    (found,) = (archive / ".kpss").glob("index-*.sqlite3")
    return found


def key_file() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "kpss" / "index-key"


def edit(path: Path) -> None:
    """An ordinary edit: task #3 gets a longer text."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Oslovit nové členy", "Oslovit nové členy a hosty", 1), encoding="utf-8")


def edit_same_size(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (as long in bytes) and put the modification time back."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


def kpss(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run kpss in a process of its own (a hang fails the test; its files count as settled at
    once, as in conftest, so that a second run reads the index)."""
    script = (
        "import sys\n"
        "from kpss_cli.store import loading\n"
        "loading.SETTLED_NS = 0\n"
        "from kpss_cli.main import run\n"
        "sys.argv = ['kpss', *sys.argv[1:]]\n"
        "run()\n"
    )
    command = [sys.executable, "-c", script, *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)


# --- 1. nothing is read or written through a link that leaves the archive -------------------------


@pytest.fixture
def users_database(tmp_path: Path) -> Path:
    """A database of the user's own, outside the archive, with a table named as kpss names one."""
    path = tmp_path / "mine.sqlite3"
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE files (name TEXT)")
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('my own notes')")
    db.close()
    return path


def test_an_index_that_is_a_link_is_never_written_through(
    invoke: Invoke, archive: Path, users_database: Path
) -> None:
    run(invoke, archive, QUERIES[0])
    index = index_file(archive)
    index.unlink()
    index.symlink_to(users_database)
    before = users_database.read_bytes()
    assert_answers_as_without_cache(invoke, archive)
    edit(archive / EDITED)  # a run that writes rows
    assert_answers_as_without_cache(invoke, archive)
    assert users_database.read_bytes() == before
    assert not index.is_symlink() and index.is_file()  # the link itself was removed, the index made anew


def test_an_index_that_is_a_second_name_of_another_database_is_left_alone(
    invoke: Invoke, archive: Path, users_database: Path
) -> None:
    run(invoke, archive, QUERIES[0])
    index = index_file(archive)
    index.unlink()
    os.link(users_database, index)
    before = users_database.read_bytes()
    assert_answers_as_without_cache(invoke, archive)
    assert users_database.read_bytes() == before
    assert index.stat().st_ino != users_database.stat().st_ino


@pytest.mark.parametrize("suffix", ["-journal", "-wal", "-shm"])
def test_links_where_sqlite_keeps_its_journal_are_never_written_through(
    invoke: Invoke, archive: Path, users_database: Path, suffix: str
) -> None:
    run(invoke, archive, QUERIES[0])
    index = index_file(archive)
    Path(f"{index}{suffix}").symlink_to(users_database)
    before = users_database.read_bytes()
    edit(archive / EDITED)  # a run that writes rows
    assert_answers_as_without_cache(invoke, archive)
    assert users_database.read_bytes() == before


def test_a_database_switched_to_wal_mode_is_made_anew(
    invoke: Invoke, archive: Path, users_database: Path
) -> None:
    """SQLite opens the `-wal` and `-shm` of a database in WAL mode by name, through links
    (`-shm` it even truncates): the header says so, and anyone may write the header."""
    run(invoke, archive, QUERIES[0])
    index = index_file(archive)
    with index.open("r+b") as handle:
        handle.seek(18)
        handle.write(b"\x02\x02")
    Path(f"{index}-shm").symlink_to(users_database)
    before = users_database.read_bytes()
    assert_answers_as_without_cache(invoke, archive)
    assert users_database.read_bytes() == before


def test_a_kpss_folder_that_is_a_link_gets_no_index(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (archive / ".kpss").symlink_to(elsewhere)
    assert_answers_as_without_cache(invoke, archive)
    assert list(elsewhere.iterdir()) == []
    assert (archive / ".kpss").is_symlink()  # not ours to remove: just not used


@pytest.mark.parametrize("kind", ["fifo", "folder", "dangling link"])
def test_something_else_in_the_index_s_place_is_replaced(
    invoke: Invoke, archive: Path, tmp_path: Path, kind: str
) -> None:
    run(invoke, archive, QUERIES[0])
    index = index_file(archive)
    index.unlink()
    if kind == "fifo":
        os.mkfifo(index)
    elif kind == "folder":
        index.mkdir()
    else:
        index.symlink_to(tmp_path / "made-by-kpss.sqlite3")
    assert_answers_as_without_cache(invoke, archive)
    assert stat.S_ISREG(index.lstat().st_mode)
    assert not (tmp_path / "made-by-kpss.sqlite3").exists()


# --- 2. the signing key ---------------------------------------------------------------------------


def forge(archive: Path, monkeypatch: pytest.MonkeyPatch, key: bytes, text: str) -> None:
    """Write an index signed with `key` whose rows and snapshot give every task the text
    `text`: what anyone who knows the key (an empty one, say) can make."""
    from kpss_cli.store import index as index_module
    from kpss_cli.store import loading, packing, snapshot

    with monkeypatch.context() as patch:
        patch.setattr(index_module, "_key", lambda: key)
        loaded = loading.load_archive(archive)  # kpss's own index, signed with `key`
        index = index_module.Index.open(str(archive), loading._config_bytes(str(archive)))
        assert index is not None
        forged = []
        for path, size, mtime, ctime, ino, data in list(index.rows()):
            minutes, problems = packing.unpack(data)
            for task in minutes.tasks if minutes else []:
                task.text = text
            forged.append((path, size, mtime, ctime, ino, packing.pack((minutes, problems))))
        assert forged
        index.update(forged, ())
        for task in loaded.tasks:
            task.text = text
        files, unreadable, _ = loading.walk_archive(str(archive))
        snapshot.store(index, snapshot.fingerprint(files, unreadable), loaded, marshal.dumps(None), {})
        index.close()
    key_file().parent.mkdir(parents=True, exist_ok=True)


def test_an_empty_key_is_replaced_never_used(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run on a full disk may leave the key file empty. An empty key is no key: the
    index signed with it is one anyone can write. It is replaced, and what was forged with
    it never shown."""
    forge(archive, monkeypatch, b"", "FORGED TASK")
    key_file().write_bytes(b"")
    for query in QUERIES:
        result = run(invoke, archive, query)
        assert "FORGED" not in result[1] + result[2], query
        assert result == run(invoke, archive, query, cache=False), query
    assert len(key_file().read_bytes()) == 32
    assert stat.S_IMODE(key_file().stat().st_mode) == 0o600


@pytest.mark.parametrize("length", [1, 16, 31, 33, 64])
def test_a_key_of_the_wrong_length_is_replaced(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch, length: int
) -> None:
    key = b"k" * length
    forge(archive, monkeypatch, key, "FORGED TASK")
    key_file().write_bytes(key)
    assert_answers_as_without_cache(invoke, archive)
    assert len(key_file().read_bytes()) == 32 and key_file().read_bytes() != key[:32]


def test_a_key_is_put_in_place_whole(invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key is written to a file of its own and linked into place: when writing it fails
    half-way (a full disk), there is no key file, no leftover, and the run answers without
    an index; the next run makes a whole key."""
    real_write = os.write
    written: list[int] = []

    def full_after_a_few_bytes(fd: int, data: bytes) -> int:
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(real_write(fd, bytes(data)[:5]))
        return written[0]

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", full_after_a_few_bytes)
        assert run(invoke, archive, QUERIES[0]) == run(invoke, archive, QUERIES[0], cache=False)
    assert written == [5]
    assert list(key_file().parent.iterdir()) == []
    assert not (archive / ".kpss").exists() or not list((archive / ".kpss").iterdir())
    assert_answers_as_without_cache(invoke, archive)
    assert len(key_file().read_bytes()) == 32
    assert [p.name for p in key_file().parent.iterdir()] == ["index-key"]


# --- 3. a damaged index is rebuilt, never a crash -------------------------------------------------


def _retype(statement: str) -> Any:
    def damage(index: Path) -> None:
        db = sqlite3.connect(index)
        with db:
            db.execute(statement)
        db.close()

    return damage


def _overwrite_middle(index: Path) -> None:
    data = bytearray(index.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = bytes(range(256)) * 16
    index.write_bytes(bytes(data[: len(data)]))


def _truncate(index: Path) -> None:
    with index.open("r+b") as handle:
        handle.truncate(index.stat().st_size // 2 + 100)


def _garbage_pages(index: Path) -> None:
    data = bytearray(index.read_bytes())
    for start in range(4096, len(data), 4096):  # every page but the first
        data[start + 8 : start + 40] = b"\xff" * 32
    index.write_bytes(bytes(data))


DAMAGE = {
    "a row's size as text": _retype("UPDATE files SET size = 'big'"),
    "a row's mtime as a float": _retype("UPDATE files SET mtime_ns = 1.5"),
    "a row's signature as a number": _retype("UPDATE files SET mac = 7"),
    "a row's data as text": _retype("UPDATE files SET data = 'text'"),
    "a row's path as a number": _retype("UPDATE files SET path = rowid"),
    "a snapshot part as text": _retype("UPDATE snapshot SET data = 'text'"),
    "a snapshot signature as text": _retype("UPDATE snapshot SET mac = 'text'"),
    "the stamp as a blob": _retype("UPDATE meta SET value = x'00ff'"),
    "bytes in the middle overwritten": _overwrite_middle,
    "truncated": _truncate,
    "every page's header overwritten": _garbage_pages,
    "emptied": lambda index: index.write_bytes(b""),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_index_is_rebuilt(invoke: Invoke, archive: Path, damage: Any) -> None:
    assert_answers_as_without_cache(invoke, archive, times=1)  # builds the index, reads it
    damage(index_file(archive))
    assert_answers_as_without_cache(invoke, archive)
    # What only a run after an edit reads (attendance's kept tables: meetings/keptcount.py)
    # is found damaged then.
    edit(archive / EDITED)
    assert_answers_as_without_cache(invoke, archive)
    db = sqlite3.connect(index_file(archive))  # rebuilt: whole, and signed again
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 5  # README.md and four minutes
    db.close()


def test_damaged_marshal_data_with_a_right_signature_is_rebuilt(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even data that passes its signature (a bug, or another build's marshal) is not
    trusted to unpack: the index is rebuilt."""
    from kpss_cli.store import index as index_module

    assert_answers_as_without_cache(invoke, archive, times=1)
    key = key_file().read_bytes()
    db = sqlite3.connect(index_file(archive))
    index = index_module.Index(db, key, str(index_file(archive)))
    rows = [(*row[:5], row[5][: len(row[5]) // 2]) for row in index.rows()]  # truncated marshal data
    parts = {part: b"\xff" for (part,) in db.execute("SELECT part FROM snapshot").fetchall()}
    fingerprint = db.execute("SELECT fingerprint FROM snapshot").fetchone()[0]
    index.update(rows, ())
    index.store_snapshot(fingerprint, parts)
    db.close()
    assert_answers_as_without_cache(invoke, archive)


def _rows(archive: Path, kind: str) -> list[tuple[bytes, int, bytes, bytes]]:
    """(key, bucket, data, signature) of the rows of one of the snapshot's tables."""
    db = sqlite3.connect(index_file(archive))
    found = db.execute("SELECT key, bucket, data, mac FROM rows WHERE kind = ?", (kind,)).fetchall()
    db.close()
    assert found, kind
    return found


def _put(
    archive: Path, kind: str, rows: list[tuple[bytes, int, bytes, bytes]], drop: list[bytes] = ()
) -> None:  # type: ignore[assignment]
    db = sqlite3.connect(index_file(archive))
    db.executemany("DELETE FROM rows WHERE kind = ? AND key = ?", [(kind, key) for key in drop])
    db.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?, ?)", [(kind, *row) for row in rows])
    db.commit()
    db.close()


TASKS_ALL = ["tasks", "--all", "-f", "json"]


def _all_rows(archive: Path) -> list[tuple[str, bytes, int, Any]]:
    """Every row of the snapshot's tables, as what it holds (marshal's bytes of the same value
    may differ from one run to the next)."""
    db = sqlite3.connect(index_file(archive))
    found = db.execute("SELECT kind, key, bucket, data FROM rows ORDER BY kind, key").fetchall()
    db.close()
    values = [(kind, key, number, marshal.loads(data)) for kind, key, number, data in found]
    return [
        (kind, key, number, (*value[:5], marshal.loads(value[5])) if kind.startswith("task") else value)
        for kind, key, number, value in values
    ]


def _rebuilt(invoke: Invoke, archive: Path, honest: list[tuple[str, bytes, int, Any]]) -> None:
    """The next runs give the answers without the index (the rows changed would change them),
    and the index is made again of rows as this reader writes them (`honest`)."""
    for query in (TASKS_ALL, ["tasks", "-f", "json"]):
        assert run(invoke, archive, query) == run(invoke, archive, query, cache=False)
    assert _all_rows(archive) == honest
    assert_answers_as_without_cache(invoke, archive)


@pytest.mark.parametrize("change", ["tampered", "deleted", "added", "another status", "another key"])
def test_a_row_of_the_snapshot_changed_removed_or_added_is_not_trusted(
    invoke: Invoke, archive: Path, change: str
) -> None:
    """Each task's row is signed over its table, key and content, and the snapshot's signed
    digests say which rows each bucket holds: a row altered, removed, added or moved to
    another table or key is told, and the index rebuilt."""
    run(invoke, archive, TASKS_ALL)  # builds the index
    honest = _all_rows(archive)
    (key, number, data, mac), *_others = _rows(archive, "task\0open")
    if change == "tampered":
        _put(archive, "task\0open", [(key, number, data[:-1] + bytes([data[-1] ^ 1]), mac)])
    elif change == "deleted":
        _put(archive, "task\0open", [], [key])
    elif change == "added":  # a second copy of a row: under its own signature, at another key
        _put(archive, "task\0open", [(key + b"0", number, data, mac)])
    elif change == "another status":
        _put(archive, "task\0done", [(key, number, data, mac)])
        _put(archive, "task\0open", [], [key])
    else:
        _put(archive, "task\0open", [(key[:-1] + b"9", number, data, mac)], [key])
    _rebuilt(invoke, archive, honest)


def test_a_row_of_an_earlier_snapshot_put_back_is_not_trusted(invoke: Invoke, archive: Path) -> None:
    """A row rightly signed, but of an earlier state of the archive (its task's old text), put
    back in place of the current one, is not read: its bucket's digest tells it."""
    run(invoke, archive, TASKS_ALL)
    old = _rows(archive, "task\0open")
    edit_same_size(archive / EDITED, "Oslovit", "Oslavit")
    assert "Oslavit" in run(invoke, archive, TASKS_ALL)[1]  # brought up to date: rows rewritten
    honest = _all_rows(archive)
    now = _rows(archive, "task\0open")
    (replayed,) = [row for row in old if row not in now and b"Oslovit" in row[2]]
    _put(archive, "task\0open", [replayed])
    _rebuilt(invoke, archive, honest)
    assert "Oslovit nové" not in run(invoke, archive, TASKS_ALL)[1]


def test_a_removed_row_of_who_updates_a_task_is_not_trusted_after_a_change(
    invoke: Invoke, archive: Path
) -> None:
    """Bringing the snapshot up to date reads who defines or updates each task it touches from
    signed rows; one removed (so that an update of a task would be left out) is told, and the
    archive loaded whole."""
    run(invoke, archive, TASKS_ALL)
    refs = [(row, marshal.loads(row[2])) for row in _rows(archive, "ref")]
    status = {task["id"]: task["status"] for task in json.loads(run(invoke, archive, TASKS_ALL)[1])}
    updating, task_id = next(  # a file that updates a task (defines none of that id), and makes it done
        (value[1], value[0]) for _row, value in refs if not value[5] and status.get(value[0]) == "done"
    )
    # Its definer: in REF, or for an id `ID#N` of its own minutes told by its row in FILE.
    defining = next(
        (value[1] for _row, value in refs if value[0] == task_id and value[5]),
        f"{task_id.rpartition('#')[0]}.md",
    )
    _put(archive, "ref", [], [row[0] for row, value in refs if value[1] == updating])  # all its rows
    path = archive / defining
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    expected = run(invoke, archive, TASKS_ALL, cache=False)
    assert run(invoke, archive, TASKS_ALL) == expected
    assert_answers_as_without_cache(invoke, archive)


def test_a_row_of_a_views_table_removed_is_not_trusted(invoke: Invoke, archive: Path) -> None:
    """`kpss list` keeps its rows as a table of signed rows too (store/viewtable.py), with
    its buckets' digests in a signed part: a row removed from it is told, the view built
    again, and the table with it."""
    query = ["list", "-f", "json"]
    run(invoke, archive, TASKS_ALL)
    expected = run(invoke, archive, query, cache=False)
    assert run(invoke, archive, query) == expected  # the view, and its table
    db = sqlite3.connect(index_file(archive))
    (table,) = {kind for (kind,) in db.execute("SELECT kind FROM rows WHERE kind LIKE 'kept:%'")}
    honest = db.execute("SELECT count(*) FROM rows WHERE kind = ?", (table,)).fetchone()[0]
    rows = db.execute("SELECT key, data FROM rows WHERE kind = ?", (table,)).fetchall()
    key = next(key for key, data in rows if marshal.loads(data)[2] is not None)  # of minutes
    db.execute("DELETE FROM rows WHERE kind = ? AND key = ?", (table, key))
    # The view and the answers kept (by the archive, by the view's version): made again from the table.
    db.execute("DELETE FROM snapshot WHERE part LIKE 'view%' OR part LIKE 'kept:answer%'")
    db.commit()
    db.close()
    assert run(invoke, archive, query) == expected
    db = sqlite3.connect(index_file(archive))
    assert db.execute("SELECT count(*) FROM rows WHERE kind = ?", (table,)).fetchone()[0] == honest
    db.close()
    assert run(invoke, archive, query) == expected


# --- 4. freshness: change time and inode, and files changed too recently to tell ------------------


def test_a_same_size_edit_with_its_time_put_back_is_seen(invoke: Invoke, archive: Path) -> None:
    query = ["tasks", "--all", "-f", "json"]
    run(invoke, archive, query)
    run(invoke, archive, query)  # warm: from the snapshot
    edit_same_size(archive / EDITED, "Oslovit", "Oslavit")
    code, stdout, stderr = run(invoke, archive, query)
    assert (code, stdout, stderr) == run(invoke, archive, query, cache=False)
    assert "Oslavit nové členy" in {task["task"] for task in json.loads(stdout)}
    edit_same_size(archive / EDITED, "Oslavit", "Oplovit")  # and the rows, for `list`, `task`
    assert_answers_as_without_cache(invoke, archive)


def test_a_file_replaced_by_another_of_the_same_size_and_times_is_seen(invoke: Invoke, archive: Path) -> None:
    """A new file (another inode) in the place of the old one, with the old size and
    modification time, as `cp -p` or a sync tool leaves it."""
    path = archive / EDITED
    run(invoke, archive, QUERIES[0])
    before = path.stat()
    other = path.with_name("2022-01-19.new")
    other.write_bytes(path.read_bytes().replace(b"Oslovit", b"Oslavit", 1))
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, path)
    assert path.stat().st_ino != before.st_ino
    assert_answers_as_without_cache(invoke, archive)


class CoarseClock:
    """The walk's view of a file system whose times tick in whole seconds, all of them one
    tick (`at`): edits within that tick leave a file's size and times as they were."""

    def __init__(self, at: int) -> None:
        self.at = at

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def scandir(self, path: Any) -> Any:
        return _Listing(os.scandir(path), self.at)


class _Listing:
    def __init__(self, listing: Any, at: int) -> None:
        self.listing, self.at = listing, at

    def __enter__(self) -> Iterator[_Entry]:
        return (_Entry(entry, self.at) for entry in self.listing.__enter__())

    def __exit__(self, *args: object) -> None:
        self.listing.__exit__(*args)


class _Entry:
    def __init__(self, entry: os.DirEntry[str], at: int) -> None:
        self.entry, self.name, self.at = entry, entry.name, at

    def is_dir(self) -> bool:
        return self.entry.is_dir()

    def is_symlink(self) -> bool:
        return self.entry.is_symlink()

    def is_file(self, *, follow_symlinks: bool = True) -> bool:
        return self.entry.is_file(follow_symlinks=follow_symlinks)

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        real = self.entry.stat(follow_symlinks=follow_symlinks)
        seconds, ns = self.at // 10**9, self.at
        rest = (real.st_blksize, real.st_blocks, real.st_rdev)
        return os.stat_result(
            (*real[:7], seconds, seconds, seconds, seconds, seconds, seconds, ns, ns, ns, *rest)
        )


def test_an_edit_within_the_tick_of_the_last_read_is_seen(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a file system whose clock ticks in seconds (FAT, SMB), an edit in the same second
    as the run before leaves size and times as they were. Files changed that recently are
    not kept in the index (loading.SETTLED_NS): they are read again next time."""
    from kpss_cli.store import archive as archive_module
    from kpss_cli.store import loading

    monkeypatch.setattr(loading, "SETTLED_NS", 2_000_000_000)  # the rule itself (conftest sets 0)
    monkeypatch.setattr(archive_module, "os", CoarseClock(time.time_ns() // 10**9 * 10**9))
    query = ["tasks", "--all", "-f", "json"]
    run(invoke, archive, query)
    edit_same_size(archive / EDITED, "Oslovit", "Oslavit")
    code, stdout, _ = run(invoke, archive, query)
    assert code == 0 and "Oslavit nové členy" in {task["task"] for task in json.loads(stdout)}
    edit_same_size(archive / EDITED, "Oslavit", "Oplovit")
    assert_answers_as_without_cache(invoke, archive)


def test_files_settled_long_ago_are_read_from_the_index(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule keeps what it should: files that have been still for longer come from the
    index (the walk's clock says an hour ago; the snapshot answers `tasks`)."""
    from kpss_cli.store import archive as archive_module
    from kpss_cli.store import loading

    monkeypatch.setattr(loading, "SETTLED_NS", 2_000_000_000)
    monkeypatch.setattr(archive_module, "os", CoarseClock(time.time_ns() - 3600 * 10**9))
    query = ["tasks", "--all", "-f", "json"]
    cold = run(invoke, archive, query)
    monkeypatch.setattr(loading, "_loaded", None)  # a warm `tasks` loads nothing
    assert run(invoke, archive, query) == cold


# --- 5. one odd file never stops everything -------------------------------------------------------


@pytest.fixture
def odd(archive: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(archive)
    return archive


def _expected(archive: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    result = kpss("--no-cache", *dated(args), cwd=archive)
    assert result.returncode in (0, 2) and "this is a bug" not in result.stderr
    return result


def _make_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(os.path.relpath(path))  # the whole path may be longer than a socket's may be
    server.close()


ODD: dict[str, Callable[[Path], None]] = {
    "a named pipe": os.mkfifo,
    "a socket": _make_socket,
    "a device": lambda path: os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5)),  # /dev/zero
}


@pytest.mark.parametrize("kind", ODD, ids=ODD.keys())
@pytest.mark.parametrize("args", [["tasks", "--all", "-f", "json"], ["list", "-f", "json"], ["check"]])
def test_pipes_sockets_and_devices_are_reported_never_opened(odd: Path, kind: str, args: list[str]) -> None:
    before = _expected(odd, args)
    try:
        ODD[kind](odd / "ridici" / "x.md")
    except PermissionError:
        pytest.skip("making a device needs root")
    line = f"ridici/x.md:1: cannot read the file: it is {kind}, not a regular file"
    for attempt in ("--no-cache", "cold", "warm"):
        result = kpss(*([attempt] if attempt == "--no-cache" else []), *dated(args), cwd=odd)
        assert result.returncode == 2, (attempt, result.stderr)
        if args[0] == "check":
            found = line.replace(": cannot", ": error: cannot") + " [unreadable]"
            assert sorted(result.stdout.splitlines()) == sorted([*before.stdout.splitlines(), found])
            continue
        assert result.stdout == before.stdout
        assert result.stderr.splitlines() == [f"kpss: error: {line}", *before.stderr.splitlines()], attempt


@pytest.mark.parametrize("args", [["tasks", "--all", "-f", "json"], ["list", "-f", "json"], ["check"]])
def test_a_file_name_that_is_not_utf8_is_reported_and_skipped(odd: Path, args: list[str]) -> None:
    """A zip made on a Czech Windows unpacks to names in CP852 or CP1250 bytes."""
    before = _expected(odd, args)
    name = os.fsencode(odd / "ridici") + b"/Z\xe1pis.md"
    fd = os.open(name, os.O_CREAT | os.O_WRONLY, 0o644)
    os.write(fd, (odd / "ridici/2022-01-19.md").read_bytes().replace(b"ridici/", b"other/"))
    os.close(fd)
    line = "ridici/Z\\xe1pis.md:1: cannot read the file: its name is not UTF-8; rename it"
    for attempt in ("--no-cache", "cold", "warm"):
        result = kpss(*([attempt] if attempt == "--no-cache" else []), *dated(args), cwd=odd)
        assert result.returncode == 2, (attempt, result.stderr)
        if args[0] == "check":
            assert line.replace(": cannot", ": error: cannot") + " [unreadable]" in result.stdout.splitlines()
            continue
        assert result.stdout == before.stdout
        assert result.stderr.splitlines() == [f"kpss: error: {line}", *before.stderr.splitlines()], attempt


def test_a_folder_whose_name_is_not_utf8(odd: Path) -> None:
    folder = os.fsencode(odd) + b"/Z\xe1pisy"
    os.mkdir(folder)
    shutil.copy(odd / "seniori/2022-01-10.md", os.fsdecode(folder + b"/a.md"))
    for attempt in ("cold", "warm"):
        result = kpss("tasks", "--all", "--as-of", AS_OF, cwd=odd)
        assert result.returncode == 2
        assert "kpss: error: Z\\xe1pisy/a.md:1: cannot read the file: its name is not UTF-8; rename it" in (
            result.stderr.splitlines()
        ), attempt


# --- 6. worker processes end with their parent ----------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the workers in /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: minutes are parsed without workers")
def test_workers_end_with_a_killed_parent(tmp_path: Path) -> None:
    """`kpss tasks | wc` must end when kpss is killed: no worker may live on holding the pipe."""
    from kpss_cli.store.loading import PARALLEL_FROM

    archive = tmp_path / "big"
    for number in range(PARALLEL_FROM * 10):  # long enough a run to see its workers at work
        day = 730_000 + number
        write(
            archive / f"g/{number:05}.md",
            f"---\ngroup: Skupina\ndate: {day_text(day)}\n---\n\n"
            + "".join(f"Úkol: Věc {number}-{n}; Zajistí: Eva Nová; Termín: 2030-01-01\n\n" for n in range(5)),
        )
    command = [sys.executable, "-m", "kpss_cli", "--no-cache", "tasks", "--all", "-a", str(archive)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not workers and process.poll() is None and time.monotonic() < deadline:
            workers = _children(process.pid)
            time.sleep(0.005)
        assert workers, "the run ended before it started a worker: make the archive bigger"
        time.sleep(0.05)  # the workers are parsing
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        assert process.stdout is not None
        os.set_blocking(process.stdout.fileno(), False)
        ended = time.monotonic() + 5
        eof = False
        while time.monotonic() < ended and not eof:
            try:
                eof = os.read(process.stdout.fileno(), 65536) == b""
            except BlockingIOError:
                time.sleep(0.02)
        assert eof, "a worker still holds the pipe"
    finally:
        if process.poll() is None:
            process.kill()
        for pid in workers:  # only the workers of this test, by their id
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if process.stdout:
            process.stdout.close()


def day_text(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()


# --- 7. a full or unwritable disk is an ordinary condition ----------------------------------------


class FullDisk:
    """A connection to a database on a full disk: it reads, but whatever writes fails as
    SQLite fails then."""

    WRITES = ("INSERT", "DELETE", "DROP", "CREATE", "UPDATE", "REPLACE")

    def __init__(self, connection: sqlite3.Connection, code: int, message: str) -> None:
        self._db, self._code, self._message = connection, code, message

    def _fail(self) -> None:
        error = sqlite3.OperationalError(self._message)
        error.sqlite_errorcode = self._code
        raise error

    def _check(self, sql: str) -> None:
        if sql.lstrip().upper().startswith(self.WRITES):
            self._fail()

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self._check(sql)
        return self._db.execute(sql, *args)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        self._check(sql)
        return self._db.executemany(sql, rows)

    def executescript(self, script: str) -> sqlite3.Cursor:
        if self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            self._fail()  # the tables are to be made
        return self._db.executescript(script)

    def __enter__(self) -> FullDisk:
        self._db.__enter__()
        return self

    def __exit__(self, *args: Any) -> None:
        self._db.__exit__(*args)

    def close(self) -> None:
        self._db.close()


FAILURES = {
    "disk full": (sqlite3.SQLITE_FULL, "database or disk is full"),
    "read-only": (sqlite3.SQLITE_READONLY, "attempt to write a readonly database"),
    "i/o error": (sqlite3.SQLITE_IOERR | (3 << 8), "disk I/O error"),
}


@pytest.mark.parametrize("failure", FAILURES, ids=FAILURES.keys())
@pytest.mark.parametrize("when", ["first run", "after an edit"])
def test_an_index_that_cannot_be_written(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch, failure: str, when: str
) -> None:
    """Writing the index fails as SQLite fails on a full disk, a read-only file or a bad
    disk: the run answers without it, no "this is a bug"."""
    if when == "after an edit":
        assert_answers_as_without_cache(invoke, archive, times=1)
        edit(archive / EDITED)  # rows and a snapshot to write
    code, message = FAILURES[failure]
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: FullDisk(connect(*a, **k), code, message))
    assert_answers_as_without_cache(invoke, archive)


def test_a_cache_disk_on_which_nothing_can_be_written(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every write of a file fails: no key can be made, no index; the same answers."""

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    monkeypatch.setattr(os, "fdopen", full)
    monkeypatch.setattr(os, "link", full)
    assert_answers_as_without_cache(invoke, archive)


@pytest.mark.parametrize("error", [errno.EROFS, errno.EACCES])
def test_a_kpss_folder_that_cannot_be_written(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch, error: int
) -> None:
    assert_answers_as_without_cache(invoke, archive, times=1)
    shutil.rmtree(archive / ".kpss")
    real_open, real_mkdir = os.open, os.mkdir

    def refused(real: Any) -> Any:
        def call(path: Any, *args: Any, **kwargs: Any) -> Any:
            if ".kpss" in os.fsdecode(path):
                raise OSError(error, os.strerror(error), path)
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "open", refused(real_open))
    monkeypatch.setattr(os, "mkdir", refused(real_mkdir))
    assert_answers_as_without_cache(invoke, archive)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_index_in_a_read_only_folder(invoke: Invoke, archive: Path) -> None:
    assert_answers_as_without_cache(invoke, archive, times=1)
    index = index_file(archive)
    index.chmod(0o444)
    (archive / ".kpss").chmod(0o555)
    try:
        edit(archive / EDITED)
        assert_answers_as_without_cache(invoke, archive)
    finally:
        (archive / ".kpss").chmod(0o755)

"""The last export kept beside the index (export/kept.py): a warm export is the `--no-cache`
one byte for byte, in every kind; an edit makes a new one; a kept file that is not what this
reader's kpss wrote is never served; each kind and archive name is kept apart."""

from __future__ import annotations

import errno
import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpss_cli.commands.cli import app
from kpss_cli.export import kept as kept_module
from kpss_cli.export import rows, splice, write
from kpss_cli.meetings import membership
from kpss_cli.store import loading

KINDS = ["sqlite", "jsonl"] + (["parquet"] if importlib.util.find_spec("pyarrow") else [])
FIRST, LATER = "2026-11-22T08:00:00+00:00", "2026-11-23T17:45:09+00:00"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Set the time an export gives as `exported_at`."""

    def set_to(when: str) -> None:
        monkeypatch.setattr(write, "export_time", lambda: when)

    set_to(FIRST)
    return set_to


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the exports whose rows were made (the archive read from the index, or its rows'
    text kept there: export/rows.py), not copied."""
    made: list[int] = []
    real = loading.stream_records
    real_text = rows.from_index

    def counted(archive: Any) -> Any:
        made.append(1)
        return real(archive)

    def counted_text(*args: Any) -> Any:
        found = real_text(*args)
        if found is not None:
            made.append(1)
        return found

    monkeypatch.setattr(loading, "stream_records", counted)
    monkeypatch.setattr(rows, "from_index", counted_text)
    return made


def export(kind: str, target: Path, archive: Path, *extra: str, cache: bool = True) -> Any:
    args = ["export", "--to", kind, str(target), "--archive", str(archive), "--force", *extra]
    return CliRunner().invoke(app, args if cache else ["--no-cache", *args], catch_exceptions=False)


def content(path: Path) -> dict[str, bytes]:
    """The export's bytes: its file, or each file of its folder."""
    if path.is_file():
        return {"": path.read_bytes()}
    return {child.name: child.read_bytes() for child in sorted(path.iterdir())}


def kept_files(archive: Path) -> list[Path]:
    return sorted(
        p for p in (archive / ".kpss").iterdir() if ".export-" in p.name and not p.name.startswith(".")
    )


def same_as_no_cache(
    kind: str, archive: Path, tmp_path: Path, *extra: str, warm_name: str = "warm"
) -> dict[str, bytes]:
    """Export warm (to `warm_name`.kind) and with --no-cache; both the same (bytes, stdout,
    stderr, exit code)."""
    warm = export(kind, tmp_path / f"{warm_name}.{kind}", archive, *extra)
    cold = export(kind, tmp_path / f"cold.{kind}", archive, *extra, cache=False)
    assert (warm.exit_code, warm.stderr) == (cold.exit_code, cold.stderr)
    assert warm.stdout.replace(f"{warm_name}.", "cold.") == cold.stdout
    assert content(tmp_path / f"{warm_name}.{kind}") == content(tmp_path / f"cold.{kind}")
    return content(tmp_path / f"{warm_name}.{kind}")


@pytest.mark.parametrize("kind", KINDS)
def test_warm_export_is_the_no_cache_one(
    kind: str, examples: Path, tmp_path: Path, clock: Any, fresh: list[int]
) -> None:
    first = export(kind, tmp_path / f"first.{kind}", examples)
    assert first.exit_code == 0, first.stderr
    assert len(fresh) == 1
    assert [p.name.split(".export-")[1][: len(kind)] for p in kept_files(examples)] == [kind]
    # The same second, then a later one: exported_at made again, the rest copied.
    same_as_no_cache(kind, examples, tmp_path)
    assert len(fresh) == 1  # copied, not made
    assert content(tmp_path / f"warm.{kind}") != {} and len(fresh) == 1
    clock(LATER)
    again = same_as_no_cache(kind, examples, tmp_path)
    assert len(fresh) == 1
    assert again != content(tmp_path / f"first.{kind}")  # the new time is in it


@pytest.mark.parametrize("kind", KINDS)
def test_an_edit_makes_a_new_export(
    kind: str, examples: Path, tmp_path: Path, clock: Any, fresh: list[int]
) -> None:
    assert export(kind, tmp_path / "before", examples).exit_code == 0
    before = content(tmp_path / "before")
    minutes = sorted((examples / "seniori").glob("*.md"))[-1]
    text = minutes.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("# "))
    minutes.write_text(text.replace(title, title + " (upraveno)", 1), encoding="utf-8")
    after = same_as_no_cache(kind, examples, tmp_path)
    assert len(fresh) == 2  # made again after the edit
    changed = [name for name in after if after[name] != before.get(name)]
    if kind == "jsonl":
        assert changed == ["meetings.jsonl"]
        assert b"(upraveno)" in after["meetings.jsonl"]
    else:
        assert changed  # the title is compressed in Parquet, somewhere in SQLite's pages
    same_as_no_cache(kind, examples, tmp_path)  # and kept again
    assert len(fresh) == 2


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _replace(path: Path) -> None:
    data = path.read_bytes()
    forged = data.replace(b"Senio", b"Forge")
    if forged == data:  # compressed (Parquet): a byte of its data changed instead
        forged = data[:100] + bytes([data[100] ^ 0x01]) + data[101:]
    other = path.with_name("forged")
    other.write_bytes(forged)
    other.replace(path)


def _link(path: Path) -> None:
    other = path.with_name("elsewhere")
    path.replace(other)
    path.symlink_to(other)


def _removed(path: Path) -> None:
    path.unlink()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("tamper", [_flip, _truncate, _replace, _link, _removed])
def test_a_kept_file_not_as_written_is_never_served(
    kind: str, tamper: Any, examples: Path, tmp_path: Path, clock: Any, fresh: list[int]
) -> None:
    assert export(kind, tmp_path / "first", examples).exit_code == 0
    (kept,) = kept_files(examples)
    tamper(kept)
    same_as_no_cache(kind, examples, tmp_path)
    assert len(fresh) == 2  # made afresh, not copied
    assert b"Forge" not in b"".join(content(tmp_path / f"warm.{kind}").values())
    same_as_no_cache(kind, examples, tmp_path)  # and kept again, as written
    assert len(fresh) == 2


@pytest.fixture
def copies(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the kept bytes copied hashed (`copy`) and by the kernel, unhashed (`kernel_copy`),
    file by file."""
    counted = {"copy": 0, "kernel_copy": 0}
    for name in counted:
        real = getattr(write, name)

        def spy(*args: Any, _real: Any = real, _name: str = name) -> Any:
            counted[_name] += 1
            return _real(*args)

        monkeypatch.setattr(write, name, spy)
    return counted


def _flip_in_place(path: Path) -> None:
    """A byte changed, the file's size and mtime as they were (its ctime moves)."""
    before = path.stat()
    _flip(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


@pytest.mark.parametrize("kind", KINDS)
def test_a_kept_file_is_hashed_until_its_stamp_settled(
    kind: str, examples: Path, tmp_path: Path, clock: Any, fresh: list[int], copies: dict[str, int]
) -> None:
    """The kept file is not trusted by its stamp while a write could leave it as it is."""
    assert export(kind, tmp_path / "first", examples).exit_code == 0
    for _ in range(2):
        same_as_no_cache(kind, examples, tmp_path)
    assert len(fresh) == 1 and copies["kernel_copy"] == 0 and copies["copy"] > 0


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("tamper", [_flip_in_place, _flip, _truncate, _replace, _link, _removed])
def test_a_kept_file_is_copied_unhashed_only_while_its_signed_stamp_holds(
    kind: str,
    tamper: Any,
    examples: Path,
    tmp_path: Path,
    clock: Any,
    fresh: list[int],
    copies: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kept_module, "SETTLED_NS", 0)  # every stamp settled at once
    # Each export to a new target: a JSON Lines one copied to the target of the last copy is
    # not copied again (test_a_target_copied_to_last_is_refreshed_while_its_stamps_hold).
    targets = iter(f"warm{n}" for n in range(10))
    assert export(kind, tmp_path / "first", examples).exit_code == 0
    same_as_no_cache(kind, examples, tmp_path, warm_name=next(targets))  # hashed, its stamp signed
    hashed = copies["copy"]
    assert hashed > 0 and copies["kernel_copy"] == 0
    same_as_no_cache(kind, examples, tmp_path, warm_name=next(targets))  # by its stamp: not hashed
    assert copies["copy"] == hashed and copies["kernel_copy"] > 0
    assert len(fresh) == 1
    (kept,) = kept_files(examples)
    tamper(kept)
    served = same_as_no_cache(kind, examples, tmp_path, warm_name=next(targets))
    assert len(fresh) == 2  # made afresh: the stamp moved, the bytes were hashed and refused
    assert b"Forge" not in b"".join(served.values())
    for _ in range(2):  # kept again, then its new stamp signed
        same_as_no_cache(kind, examples, tmp_path, warm_name=next(targets))
    assert len(fresh) == 2


def _appended(folder: Path) -> None:
    with open(folder / "tasks.jsonl", "ab") as handle:
        handle.write(b'{"forged": 1}\n')


def _rewritten(folder: Path) -> None:
    """A byte changed, the file's size and mtime as they were (its ctime moves)."""
    _flip_in_place(folder / "attendance.jsonl")


def _put_in_place(folder: Path) -> None:
    path = folder / "meetings.jsonl"
    other = folder / "other"
    other.write_bytes(path.read_bytes().replace(b"Senio", b"Forge"))
    other.replace(path)


def _extra_file(folder: Path) -> None:
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")


def _file_removed(folder: Path) -> None:
    (folder / "groups.jsonl").unlink()


def _made_a_link(folder: Path) -> None:
    moved = folder.with_name("moved")
    folder.rename(moved)
    folder.symlink_to(moved)


@pytest.mark.parametrize(
    "tamper", [_appended, _rewritten, _put_in_place, _extra_file, _file_removed, _made_a_link]
)
def test_a_target_copied_to_last_is_refreshed_while_its_stamps_hold(
    tamper: Any, examples: Path, tmp_path: Path, clock: Any, fresh: list[int], copies: dict[str, int]
) -> None:
    """A JSON Lines export to the target the kept export was last written or copied to, its
    tables as they were, writes only the two files that hold the time; anything else there
    is copied again."""
    target = tmp_path / "warm.jsonl"
    assert export("jsonl", target, examples).exit_code == 0  # written, kept, its stamps signed
    assert copies["copy"] + copies["kernel_copy"] == 0
    copied = 0
    inodes = {p.name: p.stat().st_ino for p in target.iterdir()}
    clock(LATER)
    again = same_as_no_cache("jsonl", examples, tmp_path)  # refreshed: nothing copied
    assert copies["copy"] + copies["kernel_copy"] == copied
    assert LATER.encode() in again["archives.jsonl"] and LATER.encode() in again["kpss-export.json"]
    now = {p.name: p.stat().st_ino for p in target.iterdir()}
    assert sorted(n for n in now if now[n] != inodes[n]) == ["archives.jsonl", "kpss-export.json"]
    tamper(target)
    served = same_as_no_cache("jsonl", examples, tmp_path)  # copied again, as --no-cache writes it
    assert copies["copy"] + copies["kernel_copy"] > copied
    assert b"forged" not in b"".join(served.values()) and b"Forge" not in b"".join(served.values())
    assert not target.is_symlink() and "notes.txt" not in served
    assert len(fresh) == 1
    copied = copies["copy"] + copies["kernel_copy"]
    same_as_no_cache("jsonl", examples, tmp_path)  # refreshed again
    assert copies["copy"] + copies["kernel_copy"] == copied
    # After an edit the export is made again, whatever the target holds; then refreshed.
    minutes = sorted((examples / "seniori").glob("*.md"))[-1]
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nDodatek.\n", encoding="utf-8")
    same_as_no_cache("jsonl", examples, tmp_path)
    assert len(fresh) == 2
    same_as_no_cache("jsonl", examples, tmp_path)
    assert len(fresh) == 2 and copies["copy"] + copies["kernel_copy"] == copied


def test_a_kept_file_of_another_export_is_not_served(
    examples: Path, tmp_path: Path, clock: Any, fresh: list[int]
) -> None:
    """A kept file put in the place of another (rightly made, but of another kind or name)
    fails the digest the index holds for that place."""
    assert export("jsonl", tmp_path / "a", examples, "--name", "a").exit_code == 0
    assert export("jsonl", tmp_path / "b", examples, "--name", "b").exit_code == 0
    first, second = kept_files(examples)
    shutil.copyfile(first, second)
    same_as_no_cache("jsonl", examples, tmp_path, "--name", "a")
    same_as_no_cache("jsonl", examples, tmp_path, "--name", "b")
    assert len(fresh) == 3


@pytest.mark.parametrize("kind", KINDS)
def test_names_and_kinds_are_kept_apart(
    kind: str, examples: Path, tmp_path: Path, clock: Any, fresh: list[int]
) -> None:
    assert export(kind, tmp_path / "one", examples, "--name", "town-a").exit_code == 0
    assert export(kind, tmp_path / "two", examples, "--name", "town-b").exit_code == 0
    other = "jsonl" if kind != "jsonl" else "sqlite"
    assert export(other, tmp_path / "three", examples).exit_code == 0
    assert len(kept_files(examples)) == 3
    a = same_as_no_cache(kind, examples, tmp_path, "--name", "town-a")
    b = same_as_no_cache(kind, examples, tmp_path, "--name", "town-b")
    assert a != b
    assert len(fresh) == 3  # the three first exports; the warm ones copied


def test_problems_are_reported_and_exit_2_when_copied(
    broken: Path, tmp_path: Path, clock: Any, fresh: list[int]
) -> None:
    first = export("jsonl", tmp_path / "first", broken)
    assert first.exit_code == 2 and "kpss: error:" in first.stderr
    same_as_no_cache("jsonl", broken, tmp_path)
    assert len(fresh) == 1


def test_several_archives_and_append_are_made_each_time(
    examples: Path, archive: Path, tmp_path: Path, clock: Any, fresh: list[int]
) -> None:
    args = ["export", "--to", "jsonl", str(tmp_path / "pooled"), "-a", str(examples), "-a", str(archive)]
    for _ in (1, 2):
        assert CliRunner().invoke(app, [*args, "--force"], catch_exceptions=False).exit_code == 0
    assert len(fresh) == 4
    assert kept_files(examples) == kept_files(archive) == []


@pytest.mark.parametrize("kind", KINDS)
def test_edits_additions_and_removals_are_streamed_from_the_index(
    kind: str, examples: Path, tmp_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After files change, the export is made from the index brought up to date (the task
    snapshot as `kpss tasks` brings it, the changed files parsed), never from the archive
    loaded whole; each time the `--no-cache` one byte for byte."""
    streamed: list[Any] = []
    real = loading.stream_records
    real_text = rows.from_index

    def spy(archive: Any) -> Any:
        streamed.append(records := real(archive))
        return records

    def spy_text(*args: Any) -> Any:  # JSON Lines: the rows' text kept in the index
        if (found := real_text(*args)) is not None:
            streamed.append(found)
        return found

    monkeypatch.setattr(loading, "stream_records", spy)
    monkeypatch.setattr(rows, "from_index", spy_text)
    assert export(kind, tmp_path / "first", examples).exit_code == 0
    files = sorted((examples / "seniori").glob("*.md"))
    # An edit: a new task, and a status update of an earlier minutes' task.
    text = files[-1].read_text(encoding="utf-8")
    files[-1].write_text(
        text.replace("---\n\n", "---\n\nÚkol: Nový úkol; Zajistí: Eva Nová\n\n", 1), encoding="utf-8"
    )
    after_edit = same_as_no_cache(kind, examples, tmp_path)
    assert streamed[-1] is not None  # the --no-cache run does not ask
    # A file added (a copy of a meeting on another day), then one removed.
    added = files[0].with_name("2031-01-15.md")
    added.write_text(files[0].read_text(encoding="utf-8").replace(files[0].stem, added.stem), "utf-8")
    after_add = same_as_no_cache(kind, examples, tmp_path)
    assert streamed[-1] is not None and after_add != after_edit
    files[1].unlink()
    after_removal = same_as_no_cache(kind, examples, tmp_path)
    assert streamed[-1] is not None and after_removal != after_add


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_is_fsynced_once_before_its_stamp_is_signed(
    kind: str, examples: Path, tmp_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stamp trusted over a torn file would serve it for good: the kept file (and a JSON
    Lines target's tables) are fsynced once, when their stamp is first signed; not after."""
    monkeypatch.setattr(kept_module, "SETTLED_NS", 0)  # every stamp settled at once
    synced: list[int] = []
    real = os.fsync

    def counted(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)
        real(fd)

    monkeypatch.setattr(os, "fsync", counted)
    assert export(kind, tmp_path / "first", examples).exit_code == 0
    same_as_no_cache(kind, examples, tmp_path, warm_name="a")  # hashed: its stamp signed
    (kept,) = kept_files(examples)
    assert synced.count(kept.stat().st_ino) == 1
    target = tmp_path / f"a.{kind}"
    tables = [p.stat().st_ino for p in target.glob("*.jsonl") if p.name != "archives.jsonl"]
    assert [synced.count(inode) for inode in tables] == [1] * len(tables)  # signed, settled
    for name in ("a", "b", "a"):
        same_as_no_cache(kind, examples, tmp_path, warm_name=name)
    assert synced.count(kept.stat().st_ino) == 1
    assert [synced.count(inode) for inode in tables] == [1] * len(tables)


def _coarse_stamp(stat: Any) -> tuple[int, int, int, int]:
    """A stamp as a file system with coarse timestamps shows it: a write in the same tick
    leaves mtime and ctime as they were (here: ctime not seen; mtime set back by the test)."""
    return stat.st_size, stat.st_mtime_ns, stat.st_mtime_ns, stat.st_ino


def test_a_write_in_the_tick_of_kpss_own_is_not_refreshed_over(
    examples: Path,
    tmp_path: Path,
    clock: Any,
    fresh: list[int],
    copies: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where timestamps are coarse, a same-size write to the target just after kpss wrote it
    leaves the tables' stamps as they were signed: they are hashed until settled, so the
    export is copied again, never refreshed over the edit; once settled and found right,
    they are trusted."""
    monkeypatch.setattr(write, "stamp_of", _coarse_stamp)
    monkeypatch.setattr(kept_module, "stamp_of", _coarse_stamp)
    target = tmp_path / "warm.jsonl"
    assert export("jsonl", target, examples).exit_code == 0  # written, its stamps signed
    _flip_in_place(target / "meetings.jsonl")  # in the same tick: the stamp as signed
    same_as_no_cache("jsonl", examples, tmp_path)  # hashed, refused, copied again
    assert copies["copy"] + copies["kernel_copy"] > 0 and len(fresh) == 1
    copied = copies["copy"] + copies["kernel_copy"]
    hashed: list[int] = []
    real = write._tables_intact

    def counted(*args: Any) -> Any:
        hashed.append(1)
        return real(*args)

    monkeypatch.setattr(write, "_tables_intact", counted)
    same_as_no_cache("jsonl", examples, tmp_path)  # racy still: hashed, found right, refreshed
    assert len(hashed) == 1 and copies["copy"] + copies["kernel_copy"] == copied
    later = kept_module.now() + 3 * kept_module.SETTLED_NS
    monkeypatch.setattr(write, "now", lambda: later)  # the clock moved on: settled, signed again
    same_as_no_cache("jsonl", examples, tmp_path)
    assert len(hashed) == 2
    same_as_no_cache("jsonl", examples, tmp_path)  # trusted by its stamps: not hashed
    assert len(hashed) == 2 and copies["copy"] + copies["kernel_copy"] == copied
    _flip_in_place(target / "meetings.jsonl")
    os.utime(target / "meetings.jsonl", ns=(0, 10**9))  # a later tick: the stamp moves
    same_as_no_cache("jsonl", examples, tmp_path)  # copied again
    assert copies["copy"] + copies["kernel_copy"] > copied and len(fresh) == 1


def test_edits_renames_and_updates_then_refreshes_are_the_no_cache_export(
    examples: Path, tmp_path: Path, clock: Any, fresh: list[int], copies: dict[str, int]
) -> None:
    """JSON Lines to one target: after each change (an edit, a file added, renamed, removed,
    a task updated from another file) the export is made from the rows kept in the index,
    then refreshed in place at the next run; each time the `--no-cache` one byte for byte."""
    assert export("jsonl", tmp_path / "warm.jsonl", examples).exit_code == 0
    files = sorted((examples / "seniori").glob("*.md"))
    renamed = files[2].with_name("2025-09-12.md")
    added = files[0].with_name("2031-01-15.md")

    def update_from_another_file() -> None:
        _edit(files[1], "Vyhodnocení předáno", "Vyhodnocení (doplněné) předáno")

    changes = [
        lambda: _edit(files[-1], "---\n\n", "---\n\nÚkol: Nový úkol; Zajistí: Eva Nová\n\n"),
        lambda: added.write_text(
            files[0].read_text(encoding="utf-8").replace(files[0].stem, added.stem), "utf-8"
        ),
        lambda: files[2].rename(renamed),
        update_from_another_file,
        lambda: files[3].unlink(),
    ]
    seen = [content(tmp_path / "warm.jsonl")]
    for number, change in enumerate(changes, 2):
        change()
        seen.append(same_as_no_cache("jsonl", examples, tmp_path))
        assert len(fresh) == number  # made again
        assert seen[-1] != seen[-2]
        copied = copies["copy"] + copies["kernel_copy"]
        assert same_as_no_cache("jsonl", examples, tmp_path) == seen[-1]
        assert len(fresh) == number and copies["copy"] + copies["kernel_copy"] == copied  # refreshed
    assert b"(dopln\xc4\x9bn\xc3\xa9)" in seen[4]["task_events.jsonl"]


@pytest.fixture
def made_rows(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the minutes whose export rows were made (export/rows.py), as they were."""
    made: list[str] = []
    real = rows.each_for

    def counted(*args: Any) -> Any:
        each = real(*args)

        def counting(minutes: Any) -> Any:
            made.append(minutes.id)
            return each(minutes)

        return counting

    monkeypatch.setattr(rows, "each_for", counted)
    return made


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_after_an_edit_only_its_rows_are_made_again(
    examples: Path, tmp_path: Path, clock: Any, made_rows: list[str]
) -> None:
    """JSON Lines after an edit: written from the rows' text kept in the index, only the
    changed file's rows made again; each time the `--no-cache` export byte for byte."""
    count = len(list(examples.glob("*/*.md")))
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0  # the index
    same_as_no_cache("jsonl", examples, tmp_path)
    assert len(made_rows) == count  # from the index: every file's rows made, and kept
    made_rows.clear()
    same_as_no_cache("jsonl", examples, tmp_path)  # copied: nothing made
    assert made_rows == []
    kept = sorted(examples.glob("seniori/*.md"))
    # Who attended, the title and a task's status: the rows of one file, and of tasks.
    _edit(kept[-1], "  - Zdeňka Kopecká (Klub seniorů Dolní Rovná, z. s.)\n", "")
    _edit(kept[-1], "    status: done\n", "    status: cancelled\n")
    made_rows.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert made_rows == ["seniori/2026-11-12"]
    gone = b'"minutes_id": "seniori/2026-11-12", "person_key": "zdenka kopecka", "status": "absent"'
    assert gone in after["attendance.jsonl"]  # a member not listed: absent
    # A meeting's next date moved (the deadlines "until the next meeting" of earlier tasks).
    _edit(kept[-2], "date: 2026-09-10", "date: 2026-10-01")
    made_rows.clear()
    same_as_no_cache("jsonl", examples, tmp_path)
    assert made_rows == ["seniori/2026-09-10"]  # its id is its file name
    # A file added, one removed.
    added = kept[0].with_name("2027-01-15.md")
    added.write_text(kept[0].read_text(encoding="utf-8").replace("2025-02-13", "2027-01-15"), "utf-8")
    kept[1].unlink()
    made_rows.clear()
    same_as_no_cache("jsonl", examples, tmp_path)
    assert made_rows == ["seniori/2027-01-15"]


def test_joins_leaves_and_kpss_yaml_make_every_row_again(
    examples: Path, tmp_path: Path, clock: Any, made_rows: list[str]
) -> None:
    """A minutes recording a join or a leave changes the attendance of other minutes of its
    group (who was a member on their date): the rows of that group's minutes are made again,
    no other's; kpss.yaml's members make every row again. Each export the `--no-cache` one
    byte for byte."""
    count = len(list(examples.glob("*/*.md")))
    group = sorted(f"seniori/{path.stem}" for path in examples.glob("seniori/*.md"))
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0  # the index
    assert export("jsonl", tmp_path / "first", examples).exit_code == 0
    seniori = sorted(examples.glob("seniori/*.md"))
    joined = "membership:\n  - {name: Karel Nový, org: Klub seniorů, joined: 2026-05-14}\nstatus:"
    _edit(seniori[-3], "status:", joined)
    made_rows.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert sorted(made_rows) == group  # the group's minutes, no other group's
    assert (
        b'"minutes_id": "seniori/2026-11-12", "person_key": "karel novy", "status": "absent"'
        in after["attendance.jsonl"]
    )
    # An edit elsewhere: only its rows (the join still known).
    made_rows.clear()
    _edit(seniori[0], "# ", "# Upraveno: ")
    same_as_no_cache("jsonl", examples, tmp_path)
    assert made_rows == ["seniori/2025-02-13"]
    # The join made a leave.
    _edit(seniori[-3], "joined: 2026-05-14", "left: 2026-05-14")
    made_rows.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert sorted(made_rows) == group
    assert b'"person_key": "karel novy", "status": "absent"' not in after["attendance.jsonl"]
    # A member added in kpss.yaml: the index starts afresh, the rows made again.
    _edit(
        examples / "kpss.yaml",
        '      - "PhDr. Tomáš Kratochvíl (Charita Dolní Rovná)"\n    schedule:\n      dates: [2025-02-13',
        '      - "PhDr. Tomáš Kratochvíl (Charita Dolní Rovná)"\n      - "Jana Nová (Senior Point)"\n'
        "    schedule:\n      dates: [2025-02-13",
    )
    after = same_as_no_cache("jsonl", examples, tmp_path)  # the index started afresh: made from records
    assert b'"person_key": "jana nova", "status": "absent"' in after["attendance.jsonl"]
    made_rows.clear()
    _edit(seniori[0], "# Upraveno: ", "# ")
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert len(made_rows) == count  # the rows' table made again, of kpss.yaml as it is
    assert b'"person_key": "jana nova", "status": "absent"' in after["attendance.jsonl"]


def test_a_join_or_leave_makes_again_the_rows_of_its_groups_alone(
    examples: Path, tmp_path: Path, clock: Any, made_rows: list[str]
) -> None:
    """Joins and leaves added, changed, taken away, in a file added or removed, or moved to
    another group with its minutes: only the rows of the minutes of the groups whose joins or
    leaves changed are made again (each minutes' attendance reads its own group's members
    alone); each export the `--no-cache` one byte for byte."""

    def of(folder: str) -> list[str]:
        return sorted(f"{folder}/{path.stem}" for path in examples.glob(f"{folder}/*.md"))

    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0  # the index
    assert export("jsonl", tmp_path / "first", examples).exit_code == 0
    seniori, rodina = sorted(examples.glob("seniori/*.md")), sorted(examples.glob("rodina/*.md"))
    status = "\nstatus: approved"
    joined = "\nmembership:\n  - {name: Karel Nový, org: Klub seniorů, joined: 2026-05-14}" + status
    left = "\nmembership:\n  - {name: Bc. Dominik Fiala, left: 2025-06-01}" + status
    # A join in one group and a leave in another, in one run.
    _edit(seniori[-3], status, joined)
    _edit(rodina[1], status, left)
    made_rows.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    # (A file found to record joins when it did not makes the table brought up to date again
    # once it is taken in: a few rows may be made twice.)
    assert sorted(set(made_rows)) == sorted(of("seniori") + of("rodina"))
    fiala = b'"minutes_id": "rodina/2026-05-27", "person_key": "dominik fiala", "status": "absent"'
    assert fiala not in after["attendance.jsonl"]  # no longer a member then
    # An edit elsewhere in that group: its rows alone.
    made_rows.clear()
    _edit(rodina[0], "# ", "# Upraveno: ")
    same_as_no_cache("jsonl", examples, tmp_path)
    assert made_rows == ["rodina/2025-02-26"]
    # The leave taken away (the file records none): the group's rows again.
    _edit(rodina[1], left, status)
    made_rows.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert sorted(set(made_rows)) == of("rodina")
    # A file added that records a join, in a group that had none.
    added = rodina[-1].with_name("2026-12-02.md")
    text = rodina[-1].read_text(encoding="utf-8").replace("2026-09-30", "2026-12-02")
    added.write_text(
        text.replace(status, "\nmembership:\n  - {name: Eva Malá, joined: 2026-12-02}" + status, 1),
        "utf-8",
    )
    made_rows.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert sorted(set(made_rows)) == of("rodina")
    # The minutes recording the join in `seniori` moved to another group (`ozp`): both made again.
    _edit(
        seniori[-3],
        "group: Pracovní skupina Senioři",
        "group: Pracovní skupina Osoby se zdravotním postižením",
    )
    made_rows.clear()
    same_as_no_cache("jsonl", examples, tmp_path)
    assert sorted(set(made_rows)) == sorted(of("seniori") + of("ozp"))
    # The file with a join removed.
    added.unlink()
    made_rows.clear()
    same_as_no_cache("jsonl", examples, tmp_path)
    assert sorted(set(made_rows)) == of("rodina")


def test_a_task_id_used_twice_is_exported_as_without_an_index(
    examples: Path, tmp_path: Path, clock: Any, fresh: list[int]
) -> None:
    """A task id used twice (an error kpss check reports; the later one is not resolved): the
    export after it is the `--no-cache` one byte for byte."""
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0
    assert export("jsonl", tmp_path / "first", examples).exit_code == 0
    for folder, group, task in (("seniori", "Pracovní skupina Senioři", "A"), ("ozp", "ozp", "B")):
        (examples / folder / "2027-03-01.md").write_text(
            f"---\ngroup: {group}\ndate: 2027-03-01\ntasks: [{{id: X, task: {task}}}]\n---\n", "utf-8"
        )
    fresh.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert fresh == [1]
    assert after["tasks.jsonl"].count(b'"task_id": "X"') == 1


def test_the_rows_text_is_written_piece_by_piece_and_leaves_nothing_behind(
    examples: Path, tmp_path: Path, clock: Any, fresh: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit the rows' text read from the index is put aside in a temporary file
    beside the target and written back in key order a piece at a time (rows.Spool): pieces
    of a few rows, spans read one by one and those that follow one another read at once, give
    the `--no-cache` export byte for byte, and nothing is left beside the target."""
    monkeypatch.setattr(rows, "CHUNK", 300)  # a piece of one to a few rows
    out = tmp_path / "out"
    out.mkdir()
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0
    assert export("jsonl", out / "first", examples).exit_code == 0
    seniori = sorted(examples.glob("seniori/*.md"))
    _edit(seniori[-1], "    status: done\n", "    status: cancelled\n")
    fresh.clear()
    after = same_as_no_cache("jsonl", examples, out)
    assert fresh == [1]  # from the rows kept in the index, not copied nor loaded
    assert b'"status": "cancelled"' in after["tasks.jsonl"]
    assert sorted(p.name for p in out.iterdir()) == ["cold.jsonl", "first", "warm.jsonl"]


@pytest.mark.parametrize("way", ["kernel", "python"])
def test_kernel_copy_copies_from_an_offset_whichever_way(
    way: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kernel_copy copies the bytes asked for, at the output's position, by the kernel or,
    where it cannot, through Python; fewer when the source ends first."""
    if way == "python":

        def unsupported(*args: Any) -> int:
            raise OSError(errno.ENOSYS, "not here")

        monkeypatch.setattr(os, "copy_file_range", unsupported, raising=False)
        monkeypatch.setattr(os, "sendfile", unsupported, raising=False)
    data = os.urandom(3 * kept_module.CHUNK + 17)
    (tmp_path / "source").write_bytes(data)
    with open(tmp_path / "source", "rb") as source, open(tmp_path / "out", "wb") as out:
        out.write(b"head")
        out.flush()
        assert kept_module.kernel_copy(source.fileno(), out.fileno(), 5, 2 * kept_module.CHUNK) == (
            2 * kept_module.CHUNK
        )
        assert kept_module.kernel_copy(source.fileno(), out.fileno(), len(data) - 3, 10) == 3
    assert (tmp_path / "out").read_bytes() == b"head" + data[5 : 5 + 2 * kept_module.CHUNK] + data[-3:]


@pytest.fixture
def spliced(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each JSON Lines export made from the rows kept in the index (export/rows.py):
    whether it was spliced from the kept export (export/splice.py)."""
    seen: list[bool] = []
    real = rows.Made.__init__

    def noting(self: Any, *args: Any) -> None:
        real(self, *args)
        if sys._getframe(1).f_globals["__name__"] == rows.__name__:  # not a cold export's (cold.py)
            seen.append(self.source is not None)

    monkeypatch.setattr(rows.Made, "__init__", noting)
    return seen


@pytest.fixture
def trees(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The hash trees (kept.TreeHash) of the JSON Lines exports written from the rows kept in
    the index (write._write_made), as they were made."""
    made: list[Any] = []
    real = write.TreeHash

    def noted(plan: Any) -> Any:
        tree = real(plan)
        made.append(tree)
        return tree

    monkeypatch.setattr(write, "TreeHash", noted)
    return made


@pytest.mark.parametrize(
    "stamp",
    [
        "signed",
        "hashed",
        "signed, in small pieces",
        "signed, a leaf a row",
        "hashed, a leaf a row",
        "signed, a leaf a row, copied by the kernel",
        "hashed, a leaf a row, copied by the kernel",
    ],
)
def test_after_an_edit_the_kept_export_is_spliced_and_is_the_no_cache_one(
    stamp: str,
    examples: Path,
    tmp_path: Path,
    clock: Any,
    made_rows: list[str],
    spliced: list[bool],
    trees: list[Any],
    fresh: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """JSON Lines after an edit: the rows of the files and tasks that did not change are copied
    from the kept export (its stamp signed, or, before it is, the whole file hashed first),
    only the changed ones' rows written; after every kind of change, the export is the
    `--no-cache` one byte for byte. What changes the people of minutes not read (a file added
    or removed, a name, who attended, the order) is spliced, the table `people` made again from
    each minutes' people; what changes every minutes' attendance (a join) is made from every
    row's text."""
    if stamp.startswith("signed"):
        monkeypatch.setattr(kept_module, "SETTLED_NS", 0)  # the kept file's stamp signed at once
    if stamp.endswith("small pieces"):  # runs of the kept file and the spool of a row or a few
        monkeypatch.setattr(rows, "CHUNK", 300)
        monkeypatch.setattr(splice, "CHUNK", 300)
    if "a leaf a row" in stamp:  # a leaf of the hash tree ends after every minutes and task
        monkeypatch.setattr(splice, "LEAF", 1)
    copied: list[int] = []  # bytes of the kept export copied by the kernel to an export
    if stamp.endswith("copied by the kernel"):  # every run of the kept export, however short
        monkeypatch.setattr(splice, "LONG", 1)
        monkeypatch.setattr(rows, "LONG", 1)
        real_copy = write.kernel_copy

        def counted_copy(source: int, out: int, offset: int, size: int) -> int:
            copied.append(size)
            return real_copy(source, out, offset, size)

        monkeypatch.setattr(write, "kernel_copy", counted_copy)
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0
    same_as_no_cache("jsonl", examples, tmp_path)  # made from every row, and kept with its map
    assert spliced == [False]
    same_as_no_cache("jsonl", examples, tmp_path)  # copied (and its stamp signed)
    seniori = sorted(examples.glob("seniori/*.md"))
    ozp = sorted(examples.glob("ozp/*.md"))
    added = seniori[0].with_name("2027-01-15.md")
    joined = "membership:\n  - {name: Karel Nový, org: Klub seniorů, joined: 2026-05-14}\nstatus:"
    changes: list[tuple[str, Any, bool]] = [  # what changed, how, whether it is spliced
        (
            "a task's status",
            lambda: _edit(seniori[-1], "    status: done\n", "    status: cancelled\n"),
            True,
        ),
        (
            "a task updated from another file",
            lambda: _edit(ozp[-1], "status: done", "status: cancelled"),
            True,
        ),
        ("a word of the text", lambda: _edit(seniori[0], "# ", "# Upraveno: "), True),
        # Moved past other groups' minutes: the order the people are seen in changed (the
        # table `people` made again from each minutes' people, the rest spliced).
        ("a meeting's date", lambda: _edit(seniori[-2], "date: 2026-09-10", "date: 2026-10-01"), True),
        (
            "who attended",
            lambda: _edit(seniori[-1], "  - Zdeňka Kopecká (Klub seniorů Dolní Rovná, z. s.)\n", ""),
            True,
        ),
        (  # a present person's name: the table `people` (and its key) changed
            "a person's name",
            lambda: _edit(seniori[0], "  - Zdeňka Kopecká (", "  - Zdeňka Kopecká Nová ("),
            True,
        ),
        (
            "a file added",
            lambda: added.write_text(
                seniori[0].read_text(encoding="utf-8").replace("2025-02-13", "2027-01-15"), "utf-8"
            ),
            True,
        ),
        ("a file removed", lambda: seniori[1].unlink(), True),
        ("a file renamed", lambda: seniori[2].rename(seniori[2].with_name("2025-09-12.md")), True),
        # The rows of the group's minutes made again, the rest spliced.
        ("a join", lambda: _edit(seniori[-3], "status:", joined), True),
        ("a word after the join", lambda: _edit(seniori[0], "# Upraveno: ", "# "), True),
    ]
    before = content(tmp_path / "warm.jsonl")
    for what, change, splices in changes:
        change()
        spliced.clear()
        made_rows.clear()
        after = same_as_no_cache("jsonl", examples, tmp_path)
        assert after != before, what
        assert spliced[-1:] == [splices], what
        if splices:
            assert spliced == [True], what  # made once, spliced
            if what == "a join":  # the rows of the group's minutes alone
                assert {row.partition("/")[0] for row in made_rows} == {"seniori"}, made_rows
            else:
                assert len(made_rows) <= 2, (what, made_rows)  # only the changed files' rows made
            if stamp.endswith("copied by the kernel"):  # most of it not through Python
                total = sum(len(text) for text in after.values())
                assert total // 2 < sum(copied) < total, what
                copied.clear()
            if "a leaf a row" in stamp:  # the leaves of what did not change not hashed
                tree = trees[-1]
                hashed = sum(size for size, known in tree.plan if known is None)
                assert 0 < hashed < sum(size for size, _known in tree.plan) // 2, what
        # The digest kept (hashed leaves and leaves copied whole) is that of the kept bytes:
        # a copy to another folder, which hashes them, serves them.
        fresh.clear()
        assert export("jsonl", tmp_path / "other.jsonl", examples).exit_code == 0
        assert fresh == [], what
        assert content(tmp_path / "other.jsonl") == after, what
        before = after
    assert b'"person_key": "karel novy", "status": "absent"' in before["attendance.jsonl"]


@pytest.mark.parametrize(("leaf", "long"), [(splice.LEAF, splice.LONG), (1, splice.LONG), (1, 1)])
@pytest.mark.parametrize("tamper", [_flip_in_place, _flip, _truncate, _removed])
def test_a_kept_export_not_as_written_is_never_spliced_from(
    leaf: int,
    long: int,
    tamper: Any,
    examples: Path,
    tmp_path: Path,
    clock: Any,
    spliced: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A kept export whose bytes are not those its entry signed (its stamp moved, and its
    digest is not theirs) gives no byte to an export after an edit: nothing spliced from it is
    published or kept, every row's text is read, and the export is the `--no-cache` one byte
    for byte. With a leaf of the hash tree a row (`leaf` 1), the byte flipped lies in a leaf
    of rows that did not change, whose digest the map holds: not taken without the bytes; with
    `long` 1, every run of the kept export is copied by the kernel (write._copy_run), not read."""
    monkeypatch.setattr(kept_module, "SETTLED_NS", 0)
    monkeypatch.setattr(splice, "LEAF", leaf)
    monkeypatch.setattr(splice, "LONG", long)
    monkeypatch.setattr(rows, "LONG", long)
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0
    same_as_no_cache("jsonl", examples, tmp_path)
    same_as_no_cache("jsonl", examples, tmp_path)  # its stamp signed
    (kept,) = kept_files(examples)
    tamper(kept)
    _edit(sorted(examples.glob("seniori/*.md"))[0], "# ", "# Upraveno: ")
    spliced.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    # Spliced while its bytes were hashed (same size), then the splice dropped: every row read.
    assert spliced[-1:] == [False] and len(spliced) <= 2
    assert b"Upraveno" in after["meetings.jsonl"]


def test_an_export_after_an_edit_walks_once_and_finds_the_members_once(
    examples: Path, tmp_path: Path, clock: Any, spliced: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """JSON Lines after an edit, made from the rows kept in the index: the archive is walked
    once (the export is of that walk: no second walk to see that nothing changed meanwhile),
    and only the edited minutes' group's members over time are computed, once (for its rows
    made again; every group's members, for the people, kept beside the table while the
    minutes recording joins or leaves stay as they were)."""
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0
    same_as_no_cache("jsonl", examples, tmp_path)
    walks: list[str] = []
    members: list[int] = []
    for module in (loading, kept_module):
        real_walk = module.walk_archive

        def walking(root: Any, *args: Any, _real: Any = real_walk) -> Any:
            walks.append(str(root))
            return _real(root, *args)

        monkeypatch.setattr(module, "walk_archive", walking)
    real_members = membership.group_members

    def counted(archive: Any, group: Any, *rest: Any) -> Any:
        members.append(group.slug)
        return real_members(archive, group, *rest)

    monkeypatch.setattr(membership, "group_members", counted)
    edited = sorted(examples.glob("seniori/*.md"))[0]
    _edit(edited, "# ", "# Upraveno: ")
    spliced.clear()
    warm = export("jsonl", tmp_path / "warm.jsonl", examples)
    assert warm.exit_code == 0 and spliced == [True]
    # The members of every group (the people's) kept beside the table: only the edited
    # minutes' group's computed, for its rows, once.
    assert len(walks) == 1 and members == ["seniori"]
    cold = export("jsonl", tmp_path / "cold.jsonl", examples, cache=False)
    assert content(tmp_path / "warm.jsonl") == content(tmp_path / "cold.jsonl") and cold.exit_code == 0
    # A blank line at the end: no row changes, the kept export stays.
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    walks.clear()
    members.clear()
    spliced.clear()
    assert export("jsonl", tmp_path / "warm.jsonl", examples).exit_code == 0 and spliced == [True]
    assert len(walks) == 1 and members == ["seniori"]
    assert content(tmp_path / "warm.jsonl") == content(tmp_path / "cold.jsonl")


def test_edits_one_after_another_and_a_target_the_user_changed_are_the_no_cache_export(
    examples: Path, tmp_path: Path, clock: Any, spliced: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """JSON Lines after edits made one right after another (each spliced from the kept export
    the one before just wrote: its stamp racy, the file hashed whole), its runs copied by the
    kernel (write._copy_run), and after the user changed or removed a table of the target or
    the target itself: always the `--no-cache` export byte for byte, the user's bytes never
    taken for the export's."""
    monkeypatch.setattr(splice, "LEAF", 1)
    monkeypatch.setattr(splice, "LONG", 1)
    monkeypatch.setattr(rows, "LONG", 1)
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0
    same_as_no_cache("jsonl", examples, tmp_path)  # made from every row, kept with its map
    first = sorted(examples.glob("seniori/*.md"))[0]
    target = tmp_path / "warm.jsonl"
    words = ["# ", "# Upraveno: ", "# Znovu: ", "# Potřetí: ", "# Počtvrté: ", "# Popáté: "]
    user_changes: list[tuple[str, Any]] = [
        ("nothing", lambda: None),
        ("nothing", lambda: None),
        ("a table rewritten", lambda: (target / "meetings.jsonl").write_bytes(b'{"mine": 1}\n')),
        ("a table grown", lambda: (target / "tasks.jsonl").open("ab").write(b"\n")),
        ("a table removed", lambda: (target / "people.jsonl").unlink()),
        ("the target removed", lambda: shutil.rmtree(target)),
    ]
    for (what, user_change), old, new in zip(user_changes, words, words[1:], strict=False):
        user_change()
        _edit(first, old, new)
        spliced.clear()
        after = same_as_no_cache("jsonl", examples, tmp_path)
        assert spliced == [True], what
        assert new[2:-2].encode() in after["meetings.jsonl"], what
        user_change()  # and a warm export after the user's change
        again = same_as_no_cache("jsonl", examples, tmp_path)
        assert again == after, what


def _blank_line(path: Path) -> None:
    """The benchmark's edit (benchmarks/commands.py): a blank line at the file's end, added or
    taken away. The file changed, no row of the export did."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:-1] if text.endswith("\n\n") else text + "\n", encoding="utf-8")


@pytest.mark.parametrize("stamp", ["signed", "hashed"])
def test_after_an_edit_that_changes_no_row_the_kept_export_stays_and_the_target_is_refreshed(
    stamp: str,
    examples: Path,
    tmp_path: Path,
    clock: Any,
    spliced: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """JSON Lines after an edit that changes no row of the export: the kept file stays as it
    is (not written again), its entry kept for the archive as it is; the target an export
    after a change wrote is refreshed (its tables not written) without the kept file read or
    hashed, one the user changed or removed is copied again from the kept file, hashed whole
    first until it is found whole with its stamp settled (`signed`). Always the `--no-cache`
    export byte for byte; a kept file altered meanwhile gives it nothing."""
    if stamp == "signed":
        monkeypatch.setattr(kept_module, "SETTLED_NS", 0)
    hashed: list[int] = []
    real_hashed = splice._hashed_right

    def counted(fd: int, entry: Any) -> bool:
        hashed.append(1)
        return bool(real_hashed(fd, entry))

    monkeypatch.setattr(splice, "_hashed_right", counted)
    maps: list[str] = []  # the map of the kept export read ("load") or written ("pack")
    real_load, real_pack = splice.Source.load, splice.Map.pack

    def load(self: Any, index: Any) -> bool:
        maps.append("load")
        return bool(real_load(self, index))

    def pack(self: Any, digest: bytes) -> Iterator[bytes]:
        maps.append("pack")
        yield from real_pack(self, digest)

    monkeypatch.setattr(splice.Source, "load", load)
    monkeypatch.setattr(splice.Map, "pack", pack)
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0
    same_as_no_cache("jsonl", examples, tmp_path)  # made from every row, kept with its map
    seniori = sorted(examples.glob("seniori/*.md"))
    _edit(seniori[0], "# ", "# Upraveno: ")
    same_as_no_cache("jsonl", examples, tmp_path)  # spliced, a row changed: kept anew
    target = tmp_path / "warm.jsonl"
    (kept,) = kept_files(examples)
    inode = kept.stat().st_ino

    def tables() -> dict[str, int]:
        return {p.name: p.stat().st_ino for p in target.iterdir() if p.name.endswith(".jsonl")}

    times_hashed: list[int] = []

    for round, user_change in enumerate(
        [
            lambda: None,
            lambda: None,
            lambda: (target / "meetings.jsonl").write_bytes(b'{"mine": 1}\n'),
            lambda: (target / "people.jsonl").unlink(),
            lambda: shutil.rmtree(target),
            lambda: None,
        ]
    ):
        user_change()
        before = tables() if target.exists() else {}
        _blank_line(seniori[round % 2])
        hashed.clear()
        spliced.clear()
        maps.clear()
        after = same_as_no_cache("jsonl", examples, tmp_path)
        assert spliced == [True], round
        assert maps == [], round  # told by the state alone: the map neither read nor written
        assert b"Upraveno" in after["meetings.jsonl"] and b"mine" not in after["meetings.jsonl"]
        assert kept_files(examples) == [kept] and kept.stat().st_ino == inode, round  # not written
        now = tables()
        untouched = {name for name in now if before.get(name) == now[name]}
        if round in (0, 1, 5):  # what the export after a change wrote: refreshed
            assert untouched == set(now) - {"archives.jsonl"}, round
        else:  # changed or removed by the user: copied again
            assert not untouched, round
        times_hashed.append(len(hashed))
    # A target refreshed: the kept file not hashed (nothing of it read), though not vouched.
    assert [times_hashed[round] for round in (0, 1, 5)] == [0, 0, 0]
    # Copied from: hashed whole until its stamp is signed, once it had settled (at once:
    # `signed`; two seconds after it was written: `hashed`, the runs of this test often that long).
    copied = times_hashed[2:5]
    assert copied[0] == 1 and copied == sorted(copied, reverse=True)
    if stamp == "signed":
        assert copied == [1, 0, 0]
    # A row changed after them: spliced with the map kept by the export before them.
    _edit(seniori[0], "# Upraveno: ", "# ")
    maps.clear()
    spliced.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert spliced == [True] and maps == ["load", "pack"] and b"Upraveno" not in after["meetings.jsonl"]
    (kept,) = kept_files(examples)
    # Altered meanwhile (its stamp moves): a target refreshed reads nothing of it; copied
    # from (the target removed), it is hashed and refused: every row's text read.
    _flip_in_place(kept)
    _blank_line(seniori[0])
    spliced.clear()
    hashed.clear()
    same_as_no_cache("jsonl", examples, tmp_path)
    assert spliced == [True] and hashed == []
    shutil.rmtree(target)
    _blank_line(seniori[0])
    spliced.clear()
    same_as_no_cache("jsonl", examples, tmp_path)
    assert spliced == [True, False] and hashed == [1]


def test_buckets_of_tasks_signed_again_with_the_same_values_are_not_made_again(
    examples: Path, tmp_path: Path, clock: Any, spliced: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit that changes none of a minutes' tasks (a blank line, a word of the body),
    the task snapshot signs their rows again, packed by marshal to other bytes than the first
    build packed them to (its references follow what is shared in memory): the buckets of
    tasks they lie in are told the same by the digest of their values, not made again, and an
    export after a second such edit reads none of their rows. A task changed is made again.
    Each export the `--no-cache` one byte for byte."""
    made: list[str] = []  # the task ids whose rows were made
    real_rows = rows.task_rows

    def counted(name: str, task: Any, *args: Any) -> Any:
        made.append(task.id)
        return real_rows(name, task, *args)

    monkeypatch.setattr(rows, "task_rows", counted)
    compared: list[int] = []  # the buckets whose rows' values were read to compare them
    real_values = rows.values_digest

    def values(found: list[Any]) -> bytes:
        compared.append(1)
        return real_values(found)

    monkeypatch.setattr(rows, "values_digest", values)
    assert CliRunner().invoke(app, ["tasks", "--archive", str(examples)]).exit_code == 0  # the first build
    same_as_no_cache("jsonl", examples, tmp_path)  # made from every row, kept with its map and state
    minutes = examples / "ozp" / "2025-03-04.md"
    assert "\ntasks:" in minutes.read_text(encoding="utf-8")
    _blank_line(minutes)
    made.clear()
    spliced.clear()
    same_as_no_cache("jsonl", examples, tmp_path)
    assert spliced == [True] and made == []
    assert compared  # signed again: told by their values
    _blank_line(minutes)
    made.clear()
    compared.clear()
    same_as_no_cache("jsonl", examples, tmp_path)
    assert made == [] and compared == []  # the state holds the digests they are signed with now
    _edit(minutes, "  - task: Sepsat podnět", "  - task: Upraveno Sepsat podnět")
    made.clear()
    spliced.clear()
    after = same_as_no_cache("jsonl", examples, tmp_path)
    assert spliced == [True], spliced
    assert made and b"Upraveno Sepsat" in after["tasks.jsonl"]


def test_the_digest_of_what_a_minutes_puts_in_the_export_is_told_by_its_values_alone() -> None:
    """rows.digest_of (each minutes' contents, a bucket's text, the groups: splice.State) gives
    the same digest of the same values however they are held in memory: a string interned or
    not (one unpacked from the index, one parsed afresh), a part shared or two equal ones (a
    minutes made alone after an edit, or with every other when the view's table is made
    whole). With marshal's version 4 they differed, and an export after a blank line read the
    kept export's whole map (benchmarks/edit_kinds.py, docs/performance.md: exportedit7)."""
    made = "".join(["orp-001/", "dusevni/2017-11-19"])  # not interned
    interned = sys.intern("".join(["orp-001/", "dusevni/2017-11-19"]))
    text = "".join(["{", "x" * 300, "}"])
    other = "".join(["{", "x" * 300, "}"])  # equal, not the same object
    assert made is not interned and text is not other
    value = (made, 17, (text, text, b"people"))
    assert rows.digest_of(value) == rows.digest_of((interned, 17, (text, other, b"people")))
    assert rows.digest_of(value) != rows.digest_of((interned, 17, (text, other + " ", b"people")))


def test_after_a_list_an_export_after_an_edit_is_refreshed_next_time(
    examples: Path, tmp_path: Path, clock: Any, fresh: list[int], copies: dict[str, int]
) -> None:
    """The index built by a reading command before the first export (`kpss list`), the first
    export spliced from its rows, the target then changed and copied again by a warm export:
    after an edit of what the export does not hold, its tables the same, that copy is
    refreshed, not copied again, and so is the next (the stamps of the copy signed for the
    export after a change: kept.Kept.remember); each export the `--no-cache` one."""
    assert CliRunner().invoke(app, ["list", "--archive", str(examples)]).exit_code == 0
    target = tmp_path / "warm.jsonl"
    assert export("jsonl", target, examples).exit_code == 0
    clock(LATER)
    same_as_no_cache("jsonl", examples, tmp_path)
    _appended(target)
    same_as_no_cache("jsonl", examples, tmp_path)  # copied again
    copied = copies["copy"] + copies["kernel_copy"]
    minutes = sorted((examples / "seniori").glob("*.md"))[-1]
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nDodatek.\n", encoding="utf-8")
    same_as_no_cache("jsonl", examples, tmp_path)
    assert len(fresh) == 2
    same_as_no_cache("jsonl", examples, tmp_path)
    assert len(fresh) == 2 and copies["copy"] + copies["kernel_copy"] == copied

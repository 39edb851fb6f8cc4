"""The first build of every reading command without the records (store/loading.built, which
builds the index as `kpss tasks`' first build does: store/firstbuild.py), then its answer read
from the index as a warm run reads it; files not yet settled built in and read again next
time. The answers are those of `--no-cache` (issue #25)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from .conftest import Invoke, generate, minutes, write

AS_OF = ["--as-of", "2024-01-01"]
QUERIES = [
    ["list"],
    ["list", "-f", "json"],
    ["list", "-f", "csv"],
    ["check", *AS_OF],
    ["attendance", "-f", "json"],
    ["show", "orp-001/seniori/2019-05-30"],
    ["agenda", "orp-001-seniori", "--date", "2024-02-01"],
    ["tasks", "--all", "--format", "json"],
]


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory, 400, 7)


@pytest.fixture
def archive(generated_once: Path, tmp_path: Path) -> Path:
    """The generated archive with a task defined twice and a broken file (problems reported)."""
    root = Path(shutil.copytree(generated_once, tmp_path / "archive"))
    tasks = "tasks: [{id: T-dvakrat, task: Poprvé, owner: Eva Nová}, {id: T-dvakrat, task: Znovu}]"
    write(
        root / "orp-001/seniori/2019-05-30.md", minutes(f"group: orp-001-seniori\ndate: 2019-05-30\n{tasks}")
    )
    write(root / "orp-001/broken.md", minutes("group: x\ndate: 2019-02-30"))
    return root


@pytest.fixture(autouse=True)
def _without_the_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every archive here built without the records, however small (loading.WHOLE_LOAD_FILES)."""
    from kpss_cli.store import loading

    monkeypatch.setattr(loading, "WHOLE_LOAD_FILES", 0)


def _answer(invoke: Invoke, root: Path, query: list[str], *, cache: bool) -> tuple[int, str, str]:
    result = invoke(*([] if cache else ["--no-cache"]), *query, "-a", str(root))
    return result.exit_code, result.stdout, result.stderr


def _exported(invoke: Invoke, root: Path, target: Path, *, cache: bool) -> tuple[int, str, dict[str, str]]:
    """`kpss export --to jsonl`'s exit code, stderr and files (`exported_at` left out)."""
    result = invoke(
        *([] if cache else ["--no-cache"]), "export", "--to", "jsonl", str(target), "-a", str(root)
    )
    files = {}
    for path in sorted(target.iterdir()):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            value = json.loads(line) if path.suffix == ".jsonl" else None
            if isinstance(value, dict):
                value.pop("exported_at", None)
                line = json.dumps(value, ensure_ascii=False)
            lines.append(line)
        text = "\n".join(lines)
        files[path.name] = (
            text
            if path.suffix == ".jsonl"
            else text.replace(json.loads(path.read_text(encoding="utf-8")).get("exported_at", "\0"), "")
        )
    return result.exit_code, result.stderr, files


def _no_load(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """loading._load (which holds every record) counted: the first builds here do not call it."""
    from kpss_cli.store import loading

    loads: list[str] = []
    load = loading._load

    def counted(*args: Any, **kwargs: Any) -> Any:
        loads.append(str(args[0]))
        return load(*args, **kwargs)

    monkeypatch.setattr(loading, "_load", counted)
    return loads


@pytest.mark.parametrize("query", QUERIES, ids=" ".join)
def test_the_first_build_of_a_reading_command_loads_no_record_and_answers_as_without_the_index(
    invoke: Invoke, archive: Path, query: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no index, the command builds it without the records (no loading._load) and answers
    from it: `--no-cache`'s answer, byte for byte, then and warm."""
    cold = _answer(invoke, archive, query, cache=False)
    assert not (archive / ".kpss").exists()
    loads = _no_load(monkeypatch)
    assert _answer(invoke, archive, query, cache=True) == cold
    # `check` builds the index so too, then makes its findings of the records unpacked from it
    # (loading.load_view: a view that is not one value per minutes): not yet without them.
    assert loads == ([] if query[0] != "check" else [str(archive)])
    assert (archive / ".kpss").is_dir()
    assert _answer(invoke, archive, query, cache=True) == cold


def test_the_first_export_builds_the_index_without_the_records_and_keeps_the_export(
    invoke: Invoke, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kpss export` with no index: built without the records, the export that of `--no-cache`;
    the next export of the archive as it is copies the one kept (export/kept.py)."""
    cold = _exported(invoke, archive, tmp_path / "cold", cache=False)
    loads = _no_load(monkeypatch)
    assert _exported(invoke, archive, tmp_path / "first", cache=True) == cold
    assert loads == []
    assert _exported(invoke, archive, tmp_path / "again", cache=True) == cold
    assert list((archive / ".kpss").glob("*export*")), "no export kept"


def _unsettled_rows(root: Path) -> tuple[int, int]:
    """(rows of files in the index, those with the times of a file not settled: loading.unsettle)."""
    (found,) = (root / ".kpss").glob("index-*.sqlite3")
    db = sqlite3.connect(found)
    try:
        every = db.execute("SELECT count(*) FROM files").fetchone()[0]
        marked = db.execute(
            "SELECT count(*) FROM files WHERE mtime_ns < 0 AND ctime_ns = mtime_ns"
        ).fetchone()[0]
    finally:
        db.close()
    return every, marked


def test_files_not_settled_are_built_in_read_again_next_time_and_exported_without_the_records(
    invoke: Invoke, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh copy (every file changed a moment ago: not settled, loading.SETTLED_NS) is built
    without the records all the same, each file's row with times no file has, so that the next
    run reads it again; `kpss export` right after `kpss list` rebuilds it without the records
    too (the archive was loaded whole, some 910 MiB at 100,000 files). An edit that leaves a
    file's size and modification time as they were is seen."""
    from kpss_cli.store import loading

    cold_list = _answer(invoke, archive, ["list", "-f", "json"], cache=False)
    cold_export = _exported(invoke, archive, tmp_path / "cold", cache=False)
    monkeypatch.setattr(loading, "SETTLED_NS", 10**15)  # every file not settled
    loads = _no_load(monkeypatch)
    assert _answer(invoke, archive, ["list", "-f", "json"], cache=True) == cold_list
    every, marked = _unsettled_rows(archive)
    assert every == marked > 400
    assert _exported(invoke, archive, tmp_path / "first", cache=True) == cold_export
    assert loads == []
    # Edited in the same tick as read: the size and modification time as they were.
    path = archive / "orp-001/seniori/2019-05-30.md"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Eva Nová", "Eva Nolá"), encoding="utf-8")
    import os

    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    monkeypatch.setattr(loading, "SETTLED_NS", 0)
    warm = _answer(invoke, archive, ["tasks", "--all", "--format", "json"], cache=True)
    assert "Eva Nolá" in warm[1]
    assert warm == _answer(invoke, archive, ["tasks", "--all", "--format", "json"], cache=False)
    assert _unsettled_rows(archive)[1] == 0  # settled now: kept as they are


def test_an_archive_of_no_more_files_than_the_threshold_is_loaded_whole_on_its_first_build(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Up to loading.WHOLE_LOAD_FILES files the first build loads the archive whole, as before
    (its answer from the records held); one file more, it is built without them. Either way
    `--no-cache`'s answer, byte for byte."""
    from kpss_cli.store import loading

    count = len(loading.walk_archive(str(archive))[0])  # the files a walk finds
    cold = _answer(invoke, archive, ["list"], cache=False)
    loads = _no_load(monkeypatch)
    monkeypatch.setattr(loading, "WHOLE_LOAD_FILES", count)
    assert _answer(invoke, archive, ["list"], cache=True) == cold
    assert loads == [str(archive)]
    shutil.rmtree(archive / ".kpss")
    loads.clear()
    monkeypatch.setattr(loading, "WHOLE_LOAD_FILES", count - 1)
    assert _answer(invoke, archive, ["list"], cache=True) == cold
    assert loads == []

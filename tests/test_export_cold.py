"""A cold export (`--no-cache`) made without holding the archive's records (export/cold.py):
byte for byte the export from the index and the one of the archive loaded whole, in every
kind, in one process and with workers, on an archive with task ids defined twice, a group
outside kpss.yaml, tasks handed over and carried on, a member who joins and leaves (the
attendance of that group made again with the members over time), a substitute, a broken
file and a file that is not minutes."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from kpss_cli.export import cold
from kpss_cli.export import write as export_write
from kpss_cli.store import loading

from .conftest import Invoke, minutes, write
from .test_cold import awkward, generated_once  # noqa: F401 - fixtures

KINDS = ["sqlite", "jsonl"] + (["parquet"] if importlib.util.find_spec("pyarrow") else [])
EXPORTED_AT = "2026-11-22T08:00:00+00:00"


def content(path: Path) -> dict[str, bytes]:
    """The export's bytes: its file, or each file of its folder."""
    if path.is_file():
        return {"": path.read_bytes()}
    return {child.name: child.read_bytes() for child in sorted(path.iterdir())}


def exported(
    invoke: Invoke, kind: str, target: Path, *options: str, cold: bool = False
) -> tuple[int, str, str, dict[str, bytes]]:
    """(exit code, stdout with the target's name as TARGET, stderr, the export's bytes) of
    `kpss [--no-cache] export --to KIND TARGET OPTIONS…`."""
    result = invoke(
        *(["--no-cache"] if cold else []), "export", "--to", kind, str(target), "--force", *options
    )
    return result.exit_code, result.stdout.replace(str(target), "TARGET"), result.stderr, content(target)


def unique_surnames(root: Path) -> list[str]:
    """The surnames of kpss.yaml's members that no other member of the archive has, each
    with no title (the roster finds a member by a surname alone when one member has it)."""
    config = yaml.safe_load((root / "kpss.yaml").read_text(encoding="utf-8"))
    names = [name for group in config["groups"] for name in group.get("members", [])]
    words = [name.split()[-1] for name in names if "." not in name and len(name.split()) == 2]
    return [word for word in dict.fromkeys(words) if sum(n.split()[-1] == word for n in names) == 1]


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The export's time pinned; whether each cold export was made by export/cold.py."""
    monkeypatch.setattr(export_write, "export_time", lambda: EXPORTED_AT)
    made: list[bool] = []
    for function in ("cold_rows", "cold_text"):  # the rows (a spill), or JSON Lines' text
        real = getattr(cold, function)

        def counted(*args: Any, real: Any = real) -> Any:
            found = real(*args)
            made.append(found is not None)
            return found

        monkeypatch.setattr(cold, function, counted)
    return made


def not_cold(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cold export made as before export/cold.py: the archive loaded whole."""
    monkeypatch.setattr(cold, "cold_rows", lambda *args: None)
    monkeypatch.setattr(cold, "cold_text", lambda *args: None)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("parallel_from", [10**9, 1], ids=["one process", "workers"])
def test_a_cold_export_is_the_warm_one_and_the_loaded_one(
    invoke: Invoke,
    awkward: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pinned: list[bool],
    kind: str,
    parallel_from: int,
) -> None:
    monkeypatch.setattr(loading, "PARALLEL_FROM", parallel_from)
    monkeypatch.setattr(cold, "TASK_RANGE", 1)  # the tasks made a range of one at a time
    surnames = unique_surnames(awkward)
    # The last minutes notes as recorder someone seen before, with another organisation and
    # her name written otherwise: the table `people` keeps what attendance last gave.
    late = "present: [Eva Nová (Spolek)]\nrecorder: eva nová (Jiný spolek)"
    # A task owned by a member of kpss.yaml named by surname alone, handed over to another so
    # named: the owner's key is that of the roster's name (tables.task_rows), as it recurs.
    late += f"\ntasks: [{{id: T-roster, task: Soupis, owner: {surnames[0]}}}, {{id: T-roster-2, task: Další, owner: {surnames[0]}}}]"
    late += f"\nupdates: [{{id: T-dvakrat, status: open, owner: {surnames[1]}}}]"
    write(
        awkward / "orp-001/seniori/2030-01-03.md",
        minutes(f"group: orp-001-seniori\ndate: 2030-01-03\n{late}"),
    )
    archive = ("--archive", str(awkward))
    loaded = loading.load_archive

    def refused(*args: Any, **options: Any) -> Any:
        raise AssertionError("a cold export loaded the archive")

    monkeypatch.setattr(loading, "load_archive", refused)
    found = exported(invoke, kind, tmp_path / "cold", *archive, cold=True)
    assert found[0] == 2 and "broken.md" in found[2]  # the broken file reported, the rest exported
    assert pinned == [True]
    monkeypatch.setattr(loading, "load_archive", loaded)
    assert invoke("tasks", *archive).exit_code == 2  # the index built
    # From the index, the archive not loaded: a record (or, JSON Lines, a row's text) at a time.
    monkeypatch.setattr(loading, "load_archive", refused)
    assert exported(invoke, kind, tmp_path / "warm", *archive) == found
    monkeypatch.setattr(loading, "load_archive", loaded)
    # The archive loaded whole, as before export/cold.py.
    not_cold(monkeypatch)
    assert exported(invoke, kind, tmp_path / "loaded", *archive, cold=True) == found


def test_cold_exports_of_several_archives(
    invoke: Invoke,
    awkward: Path,  # noqa: F811 - the fixture
    generated_once: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pinned: list[bool],
) -> None:
    """Two archives pooled, and a name given twice, as with the archive loaded whole."""
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)
    other = Path(shutil.copytree(generated_once, tmp_path / "other"))
    pooled = ("--archive", str(awkward), "--archive", str(other), "--name", "a", "--name", "b")
    twice = ("--archive", str(awkward), "--archive", str(other), "--name", "a", "--name", "a")
    found = exported(invoke, "jsonl", tmp_path / "pooled", *pooled, cold=True)
    refused = invoke("--no-cache", "export", "--to", "jsonl", str(tmp_path / "twice"), *twice)
    assert pinned == [True, True, True, True]
    assert refused.exit_code == 2 and "two archives are named 'a'" in refused.stderr
    not_cold(monkeypatch)
    assert exported(invoke, "jsonl", tmp_path / "loaded", *pooled, cold=True) == found
    again = invoke("--no-cache", "export", "--to", "jsonl", str(tmp_path / "twice"), *twice)
    assert (again.exit_code, again.stdout, again.stderr) == (
        refused.exit_code,
        refused.stdout,
        refused.stderr,
    )


@pytest.mark.parametrize("helper", ["makes its share", "copied by hand", "fails"])
def test_the_tasks_shared_with_a_helper_process(
    invoke: Invoke,
    awkward: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pinned: list[bool],
    helper: str,
) -> None:
    """To JSON Lines, a forked helper makes the tasks' text from the back as this process makes
    it from the front, its files copied into the spool by the kernel or by hand; what a failed
    helper did not tell is made here: the same bytes."""
    monkeypatch.setattr(cold, "TASK_RANGE", 1)
    archive = ("--archive", str(awkward))
    monkeypatch.setattr(loading, "PARALLEL_FROM", 10**9)  # one process: no helper
    alone = exported(invoke, "jsonl", tmp_path / "alone", *archive, cold=True)
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)
    parent = os.getpid()
    made_apart = tmp_path / "made apart"
    real = cold._range_text

    def range_text(made: Any) -> Any:
        if os.getpid() != parent:  # in the helper
            if helper == "fails":
                raise OSError("the helper failed")
            with open(made_apart, "a") as told:
                told.write(".")
        return real(made)

    monkeypatch.setattr(cold, "_range_text", range_text)
    if helper == "copied by hand":  # no os.copy_file_range (not Linux)
        monkeypatch.delattr(os, "copy_file_range", raising=False)
    assert exported(invoke, "jsonl", tmp_path / "shared", *archive, cold=True) == alone
    assert pinned == [True, True]
    assert made_apart.exists() == (helper != "fails")


def test_cold_json_lines_attendance_and_steps_as_loaded(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pinned: list[bool]
) -> None:
    """The cold JSON Lines export, its attendance made straight from each minutes' people and
    each task's steps grouped by task (export/cold.py), in one process and with workers, is
    the export of the archive loaded whole: a member stood in for by a substitute (not absent),
    one absent who was not listed, a person named twice under one status, listed both present
    and absent, a guest named twice, minutes that refer to the attendance sheet (no one made
    absent), and tasks updated in the minutes that define them, before, and after, out of the
    files' order."""
    root = tmp_path / "archive"
    write(
        root / "kpss.yaml",
        "organisation: Test\ngroups:\n  - slug: g\n    folder: g\n    name: Skupina\n    members:\n"
        "      - Eva Nová\n      - Jan Malý\n      - Petr Dlouhý\n      - Ilona Krátká\n",
    )
    write(
        root / "g/2020-01-10.md",
        minutes(
            "group: g\ndate: 2020-01-10\n"
            "present: ['Eva Nová', 'Eva Nová', 'Jana Malá (za Jan Malý)', 'Ilona Krátká']\n"
            "absent: ['Ilona Krátká']\nguests: ['Host Hostovský (Spolek)', 'Host Hostovský (Spolek)']\n"
            "tasks: [{id: T-1, task: První, owner: Eva Nová, due: do příštího jednání},"
            " {id: T-2, task: Druhý, owner: Petr Dlouhý, due: 30. 6. 2020}]\n"
            "updates: [{id: T-1, status: open, note: Hned}, {id: T-3, status: done}]"
        ),
    )
    write(
        root / "g/2020-02-10.md",
        minutes(
            "group: g\ndate: 2020-02-10\npresent: ['Petr Dlouhý', 'Jan Malý a další dle prezenční listiny']\n"
            "updates: [{id: T-2, status: open, owner: Jan Malý, due: do konce roku},"
            " {id: T-1, status: open, note: Trvá}]"
        ),
    )
    write(
        root / "g/2019-12-01.md",
        minutes("group: g\ndate: 2019-12-01\nexcused: ['Petr Dlouhý']\nupdates: [{id: T-1, status: done}]"),
    )
    write(
        root / "g/2020-03-10.md",
        minutes(
            "group: g\ndate: 2020-03-10\npresent: ['Eva Nová']\nexcused: ['Eva Nová', 'Jan Malý']\n"
            "tasks: [{id: T-3, task: Třetí}]\nupdates: [{id: T-1, status: done}, {id: T-2, status: done}]"
        ),
    )
    archive = ("--archive", str(root))
    found = []
    for parallel_from in (10**9, 1):
        monkeypatch.setattr(loading, "PARALLEL_FROM", parallel_from)
        found.append(exported(invoke, "jsonl", tmp_path / f"cold-{parallel_from}", *archive, cold=True))
    assert pinned == [True, True]
    not_cold(monkeypatch)
    loaded = exported(invoke, "jsonl", tmp_path / "loaded", *archive, cold=True)
    assert found == [loaded, loaded]
    assert loaded[0] == 0, loaded[2]
    rows = loaded[3]["attendance.jsonl"].decode("utf-8").splitlines()
    assert len(rows) == 17
    assert not any('"g/2020-01-10"' in row and '"jan maly"' in row for row in rows)  # stood in for
    events = loaded[3]["task_events.jsonl"].decode("utf-8")
    assert events.count('"task_id": "T-1"') == 3 and events.count('"task_id": "T-3"') == 1

"""`kpss tasks`' first build without the records (store/firstbuild.py): the index it writes is
the one the archive loaded writes (loading._load), and its answers, then and after, are those
of `--no-cache`."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from .conftest import Invoke, generate, minutes, write
from .test_views import TASK_QUERIES, _index_content

AS_OF = ["--as-of", "2024-01-01"]
QUERIES = [*TASK_QUERIES, ["check", *AS_OF], ["list", "-f", "json"], ["attendance", "-f", "json"]]


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory, 400, 11)


@pytest.fixture
def awkward(generated_once: Path, tmp_path: Path) -> Path:
    """The generated archive with what resolving the tasks reports and reads across files: a
    task id defined twice (in one file, in its group, in another group) and updated later, a
    task carried on to the next meeting and handed over, a broken file, a file of notes; and a
    second id defined twice whose first definition by date is not the walk's first (STATE
    lists the ids defined twice in the walk's order, the resolving finds them in the dates')."""
    root = Path(shutil.copytree(generated_once, tmp_path / "archive"))
    tasks = (
        "tasks: [{id: T-dvakrat, task: Poprvé, owner: Eva Nová, due: do příštího jednání},"
        " {id: T-dvakrat, task: Znovu}]"
    )
    write(
        root / "orp-001/seniori/2019-05-30.md", minutes(f"group: orp-001-seniori\ndate: 2019-05-30\n{tasks}")
    )
    again = "tasks: [{id: T-dvakrat, task: Podruhé, owner: Jan Malý}]"
    write(
        root / "orp-001/seniori/2019-06-13.md", minutes(f"group: orp-001-seniori\ndate: 2019-06-13\n{again}")
    )
    write(root / "orp-002/jine/2019-07-01.md", minutes(f"group: orp-002-jine\ndate: 2019-07-01\n{again}"))
    update = "updates: [{id: T-dvakrat, status: done, note: Hotovo}, {id: T-nikde, status: done}]"
    write(
        root / "orp-001/seniori/2019-06-27.md", minutes(f"group: orp-001-seniori\ndate: 2019-06-27\n{update}")
    )
    handed = "updates: [{id: T-dvakrat, status: open, owner: Petr Dlouhý, due: do příštího jednání, note: Předáno}]"
    write(
        root / "orp-001/seniori/2019-07-11.md", minutes(f"group: orp-001-seniori\ndate: 2019-07-11\n{handed}")
    )
    later = "tasks: [{id: T-opet, task: Znovu a znovu}, {id: T-dvakrat, task: Potřetí}]"
    write(root / "orp-002/jine/2018-03-01.md", minutes(f"group: orp-002-jine\ndate: 2018-03-01\n{later}"))
    write(
        root / "orp-001/seniori/2019-08-01.md",
        minutes("group: orp-001-seniori\ndate: 2019-08-01\ntasks: [{id: T-opet, task: Opět}]"),
    )
    write(root / "orp-001/broken.md", minutes("group: x\ndate: 2019-02-30"))
    write(root / "orp-001/poznamky.md", "Jen poznámky, žádné záhlaví.\n")
    return root


def answers(invoke: Invoke, root: Path, *, cache: bool) -> list[tuple[int, str, str]]:
    found = []
    for query in QUERIES:
        result = invoke(*([] if cache else ["--no-cache"]), *query, "-a", str(root))
        found.append((result.exit_code, result.stdout, result.stderr))
    return found


def test_the_first_build_of_tasks_unpacks_no_record_and_answers_as_without_the_index(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kpss tasks` on an archive with no index builds it without unpacking the workers'
    records, holding them lean or resolving them as records (archive.resolve): what a parsed
    file leaves is its rows and what resolving its tasks reads. Its answer, and every answer
    from the index it wrote, are `--no-cache`'s, and after an edit too."""
    from kpss_cli.store import loading, packing

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a record held on a first build of `kpss tasks`")

    cold = answers(invoke, awkward, cache=False)
    with monkeypatch.context() as patched:
        for owner, name in ((loading.Lean, "unpack"), (loading.Lean, "take"), (packing, "unpack_lean")):
            patched.setattr(owner, name, refused)
        patched.setattr(loading, "resolve", refused)
        first = invoke(*TASK_QUERIES[0], "-a", str(awkward))
    assert (first.exit_code, first.stdout, first.stderr) == cold[0]
    assert "T-dvakrat" in first.stderr and "broken.md" in first.stderr
    assert answers(invoke, awkward, cache=True) == cold
    write(awkward / "orp-001/seniori/2019-07-11.md", minutes("group: orp-001-seniori\ndate: 2019-07-11"))
    assert answers(invoke, awkward, cache=True) == answers(invoke, awkward, cache=False)


def test_the_index_is_the_one_the_archive_loaded_writes(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its rows (files, the per-file tables, the status tables) and snapshot are those of the
    archive loaded (loading._load), with the status tables' rows made while the second thread
    writes (none, all, some) or after it, or by a forked process (snapshot.SHARED_FROM)."""
    from kpss_cli.store import firstbuild, loading, snapshot

    assert invoke("tasks", "-a", str(awkward)).exit_code == 2  # errors: T-dvakrat, broken.md
    built = _index_content(awkward)
    state = _in_order(built[1]["state"])  # its dicts' order too
    assert len(built[1]["state"]["dups"]) == 5  # type: ignore[index]
    with monkeypatch.context() as patched:
        patched.setattr(firstbuild, "first_tasks", lambda *args: None)
        shutil.rmtree(awkward / ".kpss")
        invoke("tasks", "-a", str(awkward))
        assert _index_content(awkward) == built
        assert _in_order(_index_content(awkward)[1]["state"]) == state
    kinds = {row[0] for row in built[0]}  # type: ignore[index]
    assert built[2] == 408 and {"file", "meet", "ref", "task\0done", "task\0open"} <= kinds
    busy = iter([True] * 3)
    for writing in (lambda self: True, lambda self: False, lambda self: next(busy, False)):
        monkeypatch.setattr(loading.FirstBuild, "writing", writing)
        shutil.rmtree(awkward / ".kpss")
        invoke("tasks", "-a", str(awkward))
        assert _index_content(awkward) == built
    monkeypatch.setattr(firstbuild, "_BATCH", 97)  # many transactions
    monkeypatch.setattr(snapshot, "SHARED_FROM", 1)  # two thirds of the status rows made by a fork
    shutil.rmtree(awkward / ".kpss")
    invoke("tasks", "-a", str(awkward))
    assert _index_content(awkward) == built


def _in_order(value: Any) -> Any:
    """`value` with each dict as the list of its items: compared, the dicts' order counts."""
    if isinstance(value, dict):
        return [(key, _in_order(found)) for key, found in value.items()]
    if isinstance(value, list | tuple):
        return [_in_order(found) for found in value]
    return value


def test_a_first_build_whose_rows_cannot_be_written_keeps_a_snapshot_without_tables(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a batch of rows cannot be written (another kpss holds the index), the files' rows
    are written as any load writes them, and the snapshot is kept with no per-file tables (as
    when a file cannot be read: a change then loads the archive); the answers are the same."""
    import marshal

    from kpss_cli.store import index

    cold = answers(invoke, awkward, cache=False)
    with monkeypatch.context() as patched:
        patched.setattr(index.Index, "put_parsed", lambda self, *args, **kwargs: False)
        first = invoke(*TASK_QUERIES[0], "-a", str(awkward))
    assert (first.exit_code, first.stdout, first.stderr) == cold[0]
    rows, parts, files = _index_content(awkward)
    assert files == 408 and parts["state"] is None and "head" in parts
    assert {row[0] for row in rows} <= {f"task\0{s}" for s in ("open", "done", "cancelled")}  # type: ignore[index]
    assert marshal.dumps(parts["state"]) == marshal.dumps(None)
    assert answers(invoke, awkward, cache=True) == cold
    write(awkward / "orp-001/seniori/2019-07-11.md", minutes("group: orp-001-seniori\ndate: 2019-07-11"))
    assert answers(invoke, awkward, cache=True) == answers(invoke, awkward, cache=False)


def test_a_first_build_not_plain_loads_the_archive(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link (or an unreadable folder) leaves the first build to the archive loaded
    (firstbuild.first_tasks gives None), with the same answers. A file too recently changed to
    keep no longer does (it is built in, to be read again: tests/test_first_reads.py)."""
    from kpss_cli.store import firstbuild, loading

    cold = answers(invoke, awkward, cache=False)
    given: list[object] = []
    first_tasks = firstbuild.first_tasks

    def counted(*args: Any) -> Any:
        given.append(made := first_tasks(*args))
        return made

    monkeypatch.setattr(firstbuild, "first_tasks", counted)
    monkeypatch.setattr(loading, "SETTLED_NS", 10**18)  # no file settled
    first = invoke(*TASK_QUERIES[0], "-a", str(awkward))
    assert given != [None] and (first.exit_code, first.stdout, first.stderr) == cold[0]
    shutil.rmtree(awkward / ".kpss")
    (awkward / "orp-001/odkaz.md").symlink_to("poznamky.md")
    cold = answers(invoke, awkward, cache=False)
    given.clear()
    first = invoke(*TASK_QUERIES[0], "-a", str(awkward))
    assert given == [None] and (first.exit_code, first.stdout, first.stderr) == cold[0]
    monkeypatch.setattr(loading, "SETTLED_NS", 0)
    assert answers(invoke, awkward, cache=True) == cold

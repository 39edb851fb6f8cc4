"""Views: commands answered from what the index keeps beside the task snapshot (loading.load_view),
and the index kept through edits of kpss.yaml that change nothing it means. Every answer is
the answer of a run without the index (`--no-cache`): cold, warm, and after edits."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import Invoke, generate, minutes, write

AS_OF = ["--as-of", "2019-06-01"]
# Each command served from a view, in the forms that take other paths through it.
QUERIES = [
    ["list", "-f", "json"],
    ["list", "-f", "csv", "--group", "seniori", "--since", "2018-01-01", "--until", "2019-03-31"],
    ["list", "--group", "no-such-group"],
    ["list"],
    ["list", "-f", "tsv", "--until", "2018-12-31"],
    ["--excel", "list", "-f", "csv", "--group", "seniori"],
    ["list", "-f", "jsonl", "--group", "no-such-group"],
    ["tasks", "--all", "-f", "json", *AS_OF],
    ["check", "-f", "json", *AS_OF],
    ["check", *AS_OF],
    ["check", "--strict", "--as-of", "2019-09-01"],
    ["attendance", "-f", "json"],
    ["attendance", "--by", "meeting", "-f", "csv", "--group", "seniori", "--since", "2018-06-01"],
    ["attendance", "--by", "org"],
    ["attendance", "--missed", "2", "-f", "json"],
    ["show", "orp-001/seniori/2016-02-23"],
    ["show", "orp-001/seniori/2019-01-24.md", "-f", "json"],
    ["show", "orp-001/seniori/1999-01-01"],
    ["agenda", "orp-001-seniori", *AS_OF],
    ["agenda", "seniori", "--date", "2019-06-20", "--ids", *AS_OF],
    ["agenda", "no-such-group", *AS_OF],
    ["schedule", "--year", "2019", "-f", "json", *AS_OF],
    ["schedule", "--group", "seniori", "--from", "2018-06-01", "--to", "2019-03-01", *AS_OF],
    ["schedule", "-f", "ics", *AS_OF],
    ["members", "orp-001-seniori", *AS_OF],
    ["members", "seniori", "--history", "-f", "json", *AS_OF],
    ["members", "seniori", "--on", "2017-01-01", "-f", "csv", *AS_OF],
]


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory, 400, 9)


@pytest.fixture
def generated(generated_once: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(generated_once, tmp_path / "archive"))


def answers(invoke: Invoke, root: Path, *, cache: bool) -> list[tuple[int, str, str]]:
    prefix = [] if cache else ["--no-cache"]
    results = [invoke(*prefix, *query, "-a", str(root)) for query in QUERIES]
    return [(r.exit_code, r.stdout, r.stderr) for r in results]


def count_calls(
    monkeypatch: pytest.MonkeyPatch, owner: object, attribute: str, counts: dict[str, int], key: str
) -> None:
    """`owner.attribute` replaced by the same function counting its calls in `counts[key]`."""
    real: Callable[..., object] = getattr(owner, attribute)

    def counted_call(*args: object, **options: object) -> object:
        counts[key] += 1
        return real(*args, **options)

    monkeypatch.setattr(owner, attribute, counted_call)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many files each run parses and how many index rows it unpacks (in this process:
    no worker processes)."""
    from kpss_cli.store import loading

    counts = {"parsed": 0, "unpacked": 0}
    monkeypatch.setattr(loading, "PARALLEL_FROM", 10**9)
    count_calls(monkeypatch, loading, "_parse_file", counts, "parsed")
    count_calls(monkeypatch, loading, "unpack", counts, "unpacked")
    count_calls(monkeypatch, loading, "unpack_lean", counts, "unpacked")
    return counts


def test_views_give_the_cold_answers_warm_and_after_edits(
    invoke: Invoke, generated: Path, counted: dict[str, int]
) -> None:
    cold = answers(invoke, generated, cache=False)
    assert cold[2][0] == 2 and "no group 'no-such-group'" in cold[2][2]
    assert answers(invoke, generated, cache=True) == cold  # builds the index and the views
    counted.update(parsed=0, unpacked=0)
    assert answers(invoke, generated, cache=True) == cold
    assert counted == {"parsed": 0, "unpacked": 0}  # warm: no minutes read, no row unpacked

    files = sorted(generated.glob("orp-001/seniori/*.md"))
    text = files[3].read_text(encoding="utf-8")
    files[3].write_text(text.replace("---\n\n", "---\n\nÚkol: Nový úkol; Zajistí: Eva Nová\n\n", 1), "utf-8")
    files[5].unlink()
    write(generated / "orp-001/seniori/2019-05-30.md", minutes("group: orp-001-seniori\ndate: 2019-05-30"))
    write(generated / "orp-001/broken.md", minutes("group: x\ndate: 2019-02-30"))
    changed = answers(invoke, generated, cache=False)
    assert changed != cold
    assert answers(invoke, generated, cache=True) == changed  # after the edits
    assert answers(invoke, generated, cache=True) == changed  # warm again


def test_a_view_is_answered_the_same_from_another_folder(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems name files as seen from where kpss runs; a view kept for one folder is not
    served to another."""
    write(generated / "orp-001/broken.md", minutes("group: x\ndate: 2019-02-30"))
    answers(invoke, generated, cache=True)
    monkeypatch.chdir(generated / "orp-001")
    here = [invoke(*q) for q in (["list", "-f", "json"], ["--no-cache", "list", "-f", "json"])]
    assert here[0].stdout == here[1].stdout and here[0].stderr == here[1].stderr
    assert "broken.md:" in here[0].stderr and str(generated) not in here[0].stderr


def test_a_comment_in_kpss_yaml_keeps_the_index(
    invoke: Invoke, generated: Path, counted: dict[str, int]
) -> None:
    answers(invoke, generated, cache=True)
    config = generated / "kpss.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(f"# Upraveno na schůzi.\n\n{text}\n# konec\n", encoding="utf-8")
    counted.update(parsed=0)
    assert answers(invoke, generated, cache=True) == answers(invoke, generated, cache=False)
    after_comment = counted["parsed"]
    # What it means changed: every file is parsed again under the new configuration.
    config.write_text(
        text.replace('name: "Pracovní skupina Senioři (ORP 001)"', 'name: "Senioři 001"'), "utf-8"
    )
    counted.update(parsed=0)
    assert answers(invoke, generated, cache=True) == answers(invoke, generated, cache=False)
    # (the --no-cache runs parse too: 400 files each)
    assert after_comment == len(QUERIES) * 400
    assert counted["parsed"] == len(QUERIES) * 400 + 400


def test_a_forged_stamp_and_meaning_do_not_keep_rows_of_another_kpss_yaml(
    invoke: Invoke, generated: Path, counted: dict[str, int]
) -> None:
    """Another writer of the archive changes what kpss.yaml means and writes, beside the index's
    rows, the stamp and meaning of the new kpss.yaml as anyone can compute them: the rows parsed
    under the old one are not kept (both are keyed digests)."""
    import sqlite3
    from hashlib import blake2b

    from kpss_cli.core import __version__, i18n
    from kpss_cli.store.config import load_config
    from kpss_cli.store.index import FORMAT
    from kpss_cli.store.packing import config_meaning

    answers(invoke, generated, cache=True)
    config = generated / "kpss.yaml"
    config.write_text(
        config.read_text("utf-8").replace(
            'name: "Pracovní skupina Senioři (ORP 001)"', 'name: "Senioři 001"'
        ),
        "utf-8",
    )
    python = "{}.{}".format(*__import__("sys").version_info)
    stamp = f"{__version__}/{FORMAT}/{python}/{i18n.language()}/{blake2b(config.read_bytes()).hexdigest()}"
    (index,) = (generated / ".kpss").glob("*.sqlite*")
    with contextlib.closing(sqlite3.connect(index)) as db, db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'stamp'", (stamp,))
        db.execute(
            "UPDATE meta SET value = ? WHERE key = 'meaning'", (config_meaning(load_config(generated)),)
        )
    counted.update(parsed=0)
    assert answers(invoke, generated, cache=True) == answers(invoke, generated, cache=False)
    assert counted["parsed"] == len(QUERIES) * 400 + 400


def test_a_broken_kpss_yaml_is_an_error_and_its_mending_keeps_the_index(
    invoke: Invoke, generated: Path, counted: dict[str, int]
) -> None:
    answers(invoke, generated, cache=True)
    config = generated / "kpss.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "\n  : [\n", encoding="utf-8")
    result = invoke("list", "-a", str(generated))
    assert (
        result.exit_code == 2 and result.stderr.startswith("kpss: error: ") and "kpss.yaml" in result.stderr
    )
    config.write_text(text + "\n# mended\n", encoding="utf-8")
    counted.update(parsed=0)
    assert (
        invoke("list", "-f", "json", "-a", str(generated)).stdout
        == answers(invoke, generated, cache=False)[0][1]
    )
    assert counted["parsed"] == len(QUERIES) * 400  # only the --no-cache runs parsed


def test_check_is_answered_for_the_day_and_the_plan_files_of_now(invoke: Invoke, generated: Path) -> None:
    """The findings kept for one day are not another day's, and a plan file added, changed
    or removed is seen at once."""
    query = ["check", "-f", "json", "-a", str(generated)]
    for day in ("2019-06-01", "2024-01-01", "2019-06-01"):
        cold = invoke("--no-cache", *query, "--as-of", day)
        assert [invoke(*query, "--as-of", day).stdout for _ in (1, 2)] == [cold.stdout] * 2
    plan = write(
        generated / "plan/2019.yaml", "plan: Plán 2019\nperiod: 2019\nitems:\n  - id: '1'\n    title: Cíl\n"
    )
    for text in (None, "plan: Plán 2019\nperiod: 2019\nitems: [", ""):
        if text is not None:
            plan.write_text(text, encoding="utf-8") if text else plan.unlink()
        cold = invoke("--no-cache", *query, "--as-of", "2019-06-01")
        warm = [invoke(*query, "--as-of", "2019-06-01") for _ in (1, 2)]
        assert [(r.exit_code, r.stdout, r.stderr) for r in warm] == [
            (cold.exit_code, cold.stdout, cold.stderr)
        ] * 2
    assert "plan/2019.yaml" not in cold.stdout


def test_membership_over_time_is_answered_the_same_from_the_views(invoke: Invoke, tmp_path: Path) -> None:
    """Dated members, joins and leaves in the minutes, substitutes, quorum and kpss.yaml's own
    problems (with its line numbers, which a comment above them shifts)."""
    from .test_membership import CONFIG, MEETINGS

    root = tmp_path / "members"
    bad = "      - {name: Zdeněk Zpětný, from: 2026-05-01, to: 2026-04-01}\n"
    write(root / "kpss.yaml", CONFIG + bad)
    for day, (front, body) in MEETINGS.items():
        write(root / "ridici" / f"{day}.md", minutes(f"group: ridici\ndate: {day}\n{front}", body))
    queries = [
        ["attendance", "-f", "json"],
        ["attendance", "--by", "meeting", "-f", "json"],
        ["attendance", "--by", "org", "-f", "csv"],
        ["attendance", "--missed", "1", "-f", "json"],
        ["check", "-f", "json", "--as-of", "2026-05-01"],
        ["list", "-f", "json"],
        ["members", "ridici", "--as-of", "2026-05-01"],
        ["members", "ridici", "--history", "-f", "json"],
    ]

    def run(cache: bool) -> list[tuple[int, str, str]]:
        results = [invoke(*([] if cache else ["--no-cache"]), *q, "-a", str(root)) for q in queries]
        return [(r.exit_code, r.stdout, r.stderr) for r in results]

    cold = run(cache=False)
    assert "Zdeněk Zpětný" in cold[0][2] and "kpss.yaml:" in cold[0][2]
    assert run(cache=True) == cold
    assert run(cache=True) == cold
    config = root / "kpss.yaml"
    config.write_text("# Členové od března.\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    shifted = run(cache=False)
    assert shifted != cold  # kpss.yaml's problem is a line lower
    assert run(cache=True) == shifted
    assert run(cache=True) == shifted


TASK_QUERIES = [
    ["tasks", "--all", "-f", "json", *AS_OF],
    ["tasks", *AS_OF],
    ["tasks", "--overdue", "-f", "csv", *AS_OF],
]


def test_tasks_after_each_kind_of_change_are_the_cold_answers_and_read_few_files(
    invoke: Invoke, generated: Path, counted: dict[str, int]
) -> None:
    """After a change, `kpss tasks` brings the kept snapshot up to date from the changed
    files and the few that define or update the tasks they touch (store/incremental.py):
    edits, additions, deletions, renames, a moved date, a status update of a task of another
    file, a meeting put between two others (moving "until the next meeting"), a broken file."""

    def same_as_cold(most_unpacked: int) -> str:
        counted.update(parsed=0, unpacked=0)
        warm = [invoke(*q, "-a", str(generated)) for q in TASK_QUERIES]  # the first brings it up to date
        assert counted["parsed"] <= 2 and counted["unpacked"] <= most_unpacked, counted
        cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in TASK_QUERIES]
        assert [(r.exit_code, r.stdout, r.stderr) for r in warm] == [
            (r.exit_code, r.stdout, r.stderr) for r in cold
        ]
        return "".join(r.stdout + r.stderr for r in cold)

    group = generated / "orp-001/seniori"
    invoke("tasks", "-a", str(generated))  # builds the index
    files = sorted(group.glob("*.md"))
    updating = next(f for f in files if "status: done" in f.read_text(encoding="utf-8"))
    # A status update of a task defined in another file.
    updating.write_text(updating.read_text(encoding="utf-8").replace("status: done", "status: cancelled", 1))
    same_as_cold(20)
    # A new task, in the body.
    text = files[3].read_text(encoding="utf-8")
    files[3].write_text(text.replace("---\n\n", "---\n\nÚkol: Nový úkol; Zajistí: Eva Nová\n\n", 1), "utf-8")
    same_as_cold(20)
    # A task until the next meeting, then a meeting put between it and the next one.
    first, second = files[6], files[7]
    text = "\n".join(
        line
        for line in first.read_text(encoding="utf-8").splitlines()
        if not line.startswith("next_meeting:")
    )
    first.write_text(
        text.replace(
            "---\n\n", "---\n\nÚkol: Do příště; Zajistí: Eva Nová; Termín: do příštího jednání\n\n", 1
        ),
        "utf-8",
    )
    same_as_cold(20)
    day = first.stem[:8] + "28"
    assert first.stem < day < second.stem
    write(group / f"{day}.md", minutes(f"group: orp-001-seniori\ndate: {day}"))
    same_as_cold(20)
    # A file deleted (its tasks' updates in later files are left without a task), one renamed.
    files[5].unlink()
    same_as_cold(20)
    files[8].rename(group / "2099-01-01.md")
    same_as_cold(20)
    # A date moved; a broken file added, then mended.
    moved = files[9].read_text(encoding="utf-8")
    files[9].write_text(moved.replace(f"date: {files[9].stem}", "date: 2015-01-01", 1), encoding="utf-8")
    same_as_cold(20)
    broken = write(generated / "orp-001/broken.md", minutes("group: x\ndate: 2019-02-30"))
    same_as_cold(20)
    broken.write_text(minutes("group: orp-001-seniori\ndate: 2019-02-28"), encoding="utf-8")
    same_as_cold(20)
    # A task id used twice (a duplicate, an error), in another group too; the first removed,
    # then the task updated from a third file.
    write(
        group / "2016-01-01.md",
        minutes("group: orp-001-seniori\ndate: 2016-01-01\ntasks: [{id: X, task: A}]"),
    )
    same_as_cold(20)
    other = generated / "orp-002/jina/2017-05-05.md"
    write(
        other, minutes("group: orp-002-jina\ndate: 2017-05-05\ntasks: [{id: X, task: B}, {id: Y, task: C}]")
    )
    same_as_cold(20)
    write(
        group / "2015-06-01.md",
        minutes("group: orp-001-seniori\ndate: 2015-06-01\ntasks: [{id: X, task: D}]"),
    )
    same_as_cold(20)
    (group / "2015-06-01.md").unlink()
    (group / "2016-01-01.md").unlink()
    same_as_cold(20)
    write(group / "2018-03-03.md", minutes("group: orp-001-seniori\ndate: 2018-03-03", "- [x] X hotovo\n"))
    assert '"X", ' in same_as_cold(20)
    # A folder removed whole.
    other.unlink()
    other.parent.rmdir()
    same_as_cold(20)


def _index_content(root: Path) -> tuple[list[object], dict[str, object], int]:
    """The index's tables' rows (kind, bucket, key, value: what marshal's bytes hold, which may
    differ with how the values were made) and its snapshot's parts (but the digests of the
    tables' buckets: of their rows' bytes), and how many files' rows it holds."""
    import marshal
    import sqlite3

    def value(kind: str, data: bytes) -> object:
        found = marshal.loads(data)
        return (*found[:5], marshal.loads(found[5])) if kind.startswith("task\0") else found  # a task packed

    (found,) = (root / ".kpss").glob("index-*.sqlite3")
    db = sqlite3.connect(found)
    try:
        query = "SELECT kind, bucket, key, data FROM rows ORDER BY kind, bucket, key"
        rows: list[object] = [
            (kind, number, key, value(kind, data)) for kind, number, key, data in db.execute(query)
        ]
        parts = {
            part: marshal.loads(data)
            for part, data in db.execute("SELECT part, data FROM snapshot")
            if not part.startswith("rows\0")
        }
        files = db.execute("SELECT count(*) FROM files").fetchone()[0]
    finally:
        db.close()
    return rows, parts, files


def test_a_first_build_writes_the_tables_that_a_build_after_the_parse_writes(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build makes each file's rows of the snapshot's tables where the file is parsed
    (loading.FirstBuild, on every core): the same rows as the tables made from the loaded
    archive after the parse; and `kpss tasks`' first build without the records
    (store/firstbuild.py) writes that index too."""
    from kpss_cli.store import firstbuild, index, loading

    written: list[int] = []
    put_parsed = index.Index.put_parsed

    def counting(self: index.Index, files: list[object], *args: object, **kwargs: object) -> bool:
        written.append(len(files))
        return put_parsed(self, files, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index.Index, "put_parsed", counting)
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    assert sum(written) == 400  # every file's rows written as it was parsed
    lean = _index_content(generated)
    shutil.rmtree(generated / ".kpss")
    monkeypatch.setattr(firstbuild, "first_tasks", lambda *args: None)  # the archive loaded lean
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    assert sum(written) == 800
    first = _index_content(generated)
    assert first == lean
    shutil.rmtree(generated / ".kpss")
    monkeypatch.setattr(loading, "FirstBuild", lambda index: None)  # the tables made after the parse
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    assert sum(written) == 800
    after = _index_content(generated)
    assert first == after
    assert first[2] == 400 and {"file", "meet", "ref", "task\0done"} <= {row[0] for row in first[0]}  # type: ignore[index]


def test_status_rows_made_while_a_first_build_writes_are_those_made_after_it(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build's second thread writes the last batch and the per-file tables' rows
    (FirstBuild.finish) while the tasks are resolved; the status tables' rows are begun then
    (snapshot.Ahead): the index is the one written when they are all made after it, and its
    answers are `--no-cache`'s."""
    from kpss_cli.store import firstbuild, loading, snapshot

    monkeypatch.setattr(firstbuild, "first_tasks", lambda *args: None)  # the archive loaded lean
    made: list[int] = []
    ahead = snapshot.Ahead.__init__

    def counted(self: snapshot.Ahead, *args: Any) -> None:
        ahead(self, *args)
        made.append(len(self.made))

    monkeypatch.setattr(snapshot.Ahead, "__init__", counted)
    monkeypatch.setattr(loading.FirstBuild, "writing", lambda self: False)  # none made ahead
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    after = _index_content(generated)
    assert not made
    monkeypatch.setattr(loading.FirstBuild, "writing", lambda self: True)  # every row made ahead
    shutil.rmtree(generated / ".kpss")
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    assert made and made[0] > 0 and _index_content(generated) == after
    monkeypatch.setattr(snapshot.Ahead, "STEP", 7)  # some made ahead, the rest as they are written
    busy = iter([True] * 5)
    monkeypatch.setattr(loading.FirstBuild, "writing", lambda self: next(busy, False))
    shutil.rmtree(generated / ".kpss")
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    assert made[1] == 28 and _index_content(generated) == after
    monkeypatch.undo()
    cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in TASK_QUERIES]
    kept = [invoke(*q, "-a", str(generated)) for q in TASK_QUERIES]
    assert [(r.exit_code, r.stdout) for r in kept] == [(r.exit_code, r.stdout) for r in cold]


def test_the_status_tables_made_by_two_processes_are_those_made_by_one(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With many tasks, a process forked by snapshot.store makes two thirds of the rows of the
    status tables: the index is the one a single process writes, and when the forked process
    fails, or no process can be forked, its rows are made by the first."""
    from kpss_cli.store import loading, snapshot

    if not hasattr(os, "fork"):
        pytest.skip("no os.fork here: one process makes every row")
    forks: list[int] = []
    aside = snapshot._Aside

    def counted(make: object) -> object:
        forks.append(1)
        return aside(make)  # type: ignore[arg-type]

    monkeypatch.setattr(snapshot, "_Aside", counted)
    monkeypatch.setattr(snapshot, "SHARED_FROM", 10**9)
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    alone = _index_content(generated)
    assert not forks
    monkeypatch.setattr(snapshot, "SHARED_FROM", 0)
    shutil.rmtree(generated / ".kpss")
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    assert forks and _index_content(generated) == alone

    def failed(self: snapshot._Aside) -> bool:
        ended = aside_ended(self)
        assert ended  # it did end well: taken as failed
        return False

    aside_ended = aside._ended
    monkeypatch.setattr(aside, "_ended", failed)
    shutil.rmtree(generated / ".kpss")
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    assert len(forks) == 2 and _index_content(generated) == alone

    def no_fork() -> int:
        raise BlockingIOError("no process to be had")

    monkeypatch.setattr(loading, "PARALLEL_FROM", 10**9)  # the parse forks no worker either
    monkeypatch.setattr(os, "fork", no_fork)
    shutil.rmtree(generated / ".kpss")
    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    assert len(forks) == 3 and _index_content(generated) == alone
    monkeypatch.undo()
    cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in TASK_QUERIES]
    kept = [invoke(*q, "-a", str(generated)) for q in TASK_QUERIES]
    assert [(r.exit_code, r.stdout) for r in kept] == [(r.exit_code, r.stdout) for r in cold]
    assert {row[0] for row in alone[0]} >= {"task\0open", "task\0done"}  # type: ignore[index]


def test_a_first_build_whose_batches_cannot_be_written_makes_its_tables_after_the_parse(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a batch of a first build's rows cannot be written (another kpss holds the index),
    the files' rows are written as any load writes them and the tables after the parse."""
    from kpss_cli.store import firstbuild, index

    monkeypatch.setattr(firstbuild, "first_tasks", lambda *args: None)  # the archive loaded lean
    monkeypatch.setattr(index.Index, "put_parsed", lambda self, *args, **kwargs: False)
    cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in TASK_QUERIES]
    built = [invoke(*q, "-a", str(generated)) for q in TASK_QUERIES]  # the first builds the index
    assert [(r.exit_code, r.stdout) for r in built] == [(r.exit_code, r.stdout) for r in cold]
    content = _index_content(generated)
    assert content[2] == 400 and "head" in content[1]
    assert {"file", "meet", "ref"} <= {row[0] for row in content[0]}  # type: ignore[index]


def test_answers_after_a_first_build_on_every_core_are_the_cold_answers(
    invoke: Invoke, generated: Path
) -> None:
    """The first build (400 files: parsed by two processes where there are two cores) answers as
    `--no-cache` does, and so do the runs after edits that read its tables (incremental.py)."""

    def same_as_cold() -> None:
        queries = [*QUERIES, *TASK_QUERIES]
        cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in queries]
        kept = [invoke(*q, "-a", str(generated)) for q in queries]
        assert [(r.exit_code, r.stdout, r.stderr) for r in kept] == [
            (r.exit_code, r.stdout, r.stderr) for r in cold
        ]

    assert invoke("tasks", "-a", str(generated)).exit_code == 0  # the first build
    same_as_cold()
    group = generated / "orp-001/seniori"
    files = sorted(group.glob("*.md"))
    updating = next(f for f in files if "status: done" in f.read_text(encoding="utf-8"))
    updating.write_text(updating.read_text(encoding="utf-8").replace("status: done", "status: cancelled", 1))
    write(group / "2019-05-30.md", minutes("group: orp-001-seniori\ndate: 2019-05-30"))
    files[4].unlink()
    same_as_cold()


def test_tasks_after_a_change_to_an_index_built_with_duplicate_task_ids(
    invoke: Invoke, generated: Path, counted: dict[str, int]
) -> None:
    """The state kept when the index is built (incremental.state_of) holds the duplicate task
    ids found then, from the files' rows: an id twice in one file and in another group's
    file. After edits elsewhere and of those files, `kpss tasks` brings the snapshot up to
    date and answers as `--no-cache` does."""
    group = generated / "orp-001/seniori"
    twice = write(
        group / "2016-01-01.md",
        minutes("group: orp-001-seniori\ndate: 2016-01-01\ntasks: [{id: X, task: A}, {id: X, task: B}]"),
    )
    other = write(
        generated / "orp-002/jina/2017-05-05.md",
        minutes("group: orp-002-jina\ndate: 2017-05-05\ntasks: [{id: X, task: C}, {id: Y, task: D}]"),
    )
    invoke("tasks", "-a", str(generated))  # builds the index, its duplicates and all

    def same_as_cold() -> str:
        counted.update(parsed=0, unpacked=0)
        warm = [invoke(*q, "-a", str(generated)) for q in TASK_QUERIES]
        assert counted["parsed"] == 1 and counted["unpacked"] < 20, counted  # not loaded whole
        cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in TASK_QUERIES]
        assert [(r.exit_code, r.stdout, r.stderr) for r in warm] == [
            (r.exit_code, r.stdout, r.stderr) for r in cold
        ]
        return cold[0].stderr

    edited = sorted(group.glob("*.md"))[3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    told = same_as_cold()
    assert told.count("task id 'X' is already used at") == 2 and "2016-01-01.md:" in told
    other.write_text(other.read_text(encoding="utf-8").replace("{id: X, task: C}, ", ""), "utf-8")
    assert same_as_cold().count("task id 'X' is already used at") == 1
    twice.write_text(twice.read_text(encoding="utf-8").replace(", {id: X, task: B}", ""), "utf-8")
    assert "already used" not in same_as_cold()


def test_tasks_after_changes_whose_definers_are_told_by_their_files_rows(
    invoke: Invoke, generated: Path, counted: dict[str, int]
) -> None:
    """The table REF keeps who defines or updates a task id but for the files that define an
    id `ID#N` of their own minutes `ID` (incremental._derived): those are read from the file's
    row in FILE. Ids of that form given by hand, an id of another file's form, one of no file,
    and updates of them: after edits of the files that define and update them, `kpss tasks`,
    `check` and `show` answer as `--no-cache` does, from the index."""
    defining = write(
        generated / "orp-001/seniori/2016-01-01.md",
        minutes(
            "group: orp-001-seniori\ndate: 2016-01-01\ntasks:\n  - {task: Own}\n"
            "  - {id: 'orp-001/seniori/2016-01-01#7', task: Own by hand}\n"
            "  - {id: 'orp-002/jina/2017-05-05#1', task: Of another file}\n"
            "  - {id: 'elsewhere#2', task: Of no file}"
        ),
    )
    updating = write(
        generated / "orp-002/jina/2017-05-05.md",
        minutes(
            "group: orp-002-jina\ndate: 2017-05-05\ntasks: [{task: Its own}]\nupdates:\n"
            "  - {id: 'orp-001/seniori/2016-01-01#7', status: done}\n"
            "  - {id: 'orp-001/seniori/2016-01-01#1', status: cancelled}\n"
            "  - {id: 'elsewhere#2', status: done}"
        ),
    )
    queries = [
        *TASK_QUERIES,
        ["check", "-f", "json", *AS_OF],
        ["show", "orp-001/seniori/2016-01-01", "-f", "json"],
        ["show", "orp-002/jina/2017-05-05"],
    ]
    built = [invoke(*q, "-a", str(generated)) for q in queries]  # builds the index and the views
    assert "task id 'orp-002/jina/2017-05-05#1' is already used" in built[0].stderr

    def same_as_cold(parsed: int) -> None:
        counted.update(parsed=0, unpacked=0)
        warm = [invoke(*q, "-a", str(generated)) for q in queries]
        assert counted["parsed"] <= parsed and counted["unpacked"] < 40, counted  # not loaded whole
        cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in queries]
        assert [(r.exit_code, r.stdout, r.stderr) for r in warm] == [
            (r.exit_code, r.stdout, r.stderr) for r in cold
        ]

    same_as_cold(0)
    assert (
        '"status": "done"'
        in invoke("show", "orp-001/seniori/2016-01-01", "-f", "json", "-a", str(generated)).stdout
    )
    updating.write_text(
        updating.read_text(encoding="utf-8").replace("status: done", "status: cancelled"), "utf-8"
    )
    same_as_cold(1)
    text = defining.read_text(encoding="utf-8")
    defining.write_text(text.replace("  - {task: Own}\n", "").replace("Of no file", "Moved"), "utf-8")
    same_as_cold(1)
    updating.unlink()
    same_as_cold(0)


def test_tasks_after_a_change_name_files_as_seen_from_where_kpss_runs(
    invoke: Invoke, generated: Path, counted: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot brought up to date from another folder than the one it was taken from:
    its problems (a broken file's, kpss.yaml's) are shown from where kpss runs."""
    write(generated / "orp-001/broken.md", minutes("group: x\ndate: 2019-02-30"))
    invoke("tasks", "-a", str(generated))  # taken with the root as given
    edited = sorted(generated.glob("orp-001/seniori/*.md"))[2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    monkeypatch.chdir(generated / "orp-001")
    counted.update(parsed=0, unpacked=0)
    warm = invoke("tasks", "--all", *AS_OF)
    assert counted["parsed"] == 1 and counted["unpacked"] < 20
    cold = invoke("--no-cache", "tasks", "--all", *AS_OF)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert "broken.md:" in warm.stderr and str(generated) not in warm.stderr


def test_tasks_after_a_change_keep_the_problems_of_kpss_yaml(
    invoke: Invoke, tmp_path: Path, counted: dict[str, int]
) -> None:
    from .test_membership import CONFIG, MEETINGS

    root = tmp_path / "members"
    write(root / "kpss.yaml", CONFIG + "      - {name: Zdeněk Zpětný, from: 2026-05-01, to: 2026-04-01}\n")
    for day, (front, body) in MEETINGS.items():
        write(root / "ridici" / f"{day}.md", minutes(f"group: ridici\ndate: {day}\n{front}", body))
    invoke("tasks", "-a", str(root))
    edited = sorted(root.glob("ridici/*.md"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nÚkol: Nový úkol; Zajistí: Eva Nová\n", "utf-8")
    counted.update(parsed=0, unpacked=0)
    warm = invoke("tasks", "--all", "-f", "json", "-a", str(root), "--as-of", "2026-05-01")
    assert counted["parsed"] == 1
    cold = invoke("--no-cache", "tasks", "--all", "-f", "json", "-a", str(root), "--as-of", "2026-05-01")
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert "kpss.yaml:" in warm.stderr and "Nový úkol" in warm.stdout


def test_plan_and_monitor_are_answered_the_same_from_their_view(
    invoke: Invoke, tmp_path: Path, counted: dict[str, int]
) -> None:
    """Progress entries, tasks linked to measures, decisions; a bad minutes file and a plan
    file edited between runs (plans are read afresh each run, beside the view)."""
    from .test_plan import MINUTES, PLAN

    root = tmp_path / "town"
    write(root / "kpss.yaml", "groups:\n  - {slug: seniori, name: Senioři}\n  - {slug: ozp, name: OZP}\n")
    write(root / "plan" / "kp-2025-2027.yaml", PLAN)
    for path, front, body in MINUTES:
        write(root / path, minutes(front, body))
    write(root / "seniori" / "broken.md", minutes("group: seniori\ndate: 2026-02-30"))
    queries = [
        ["plan", "-f", "json", "--as-of", "2026-12-31"],
        ["plan", "--state", "in_progress", "--as-of", "2027-03-01"],
        ["plan", "--level", "no-such-level", "--as-of", "2027-03-01"],
        ["monitor", "--year", "2026", "-f", "json", "--as-of", "2027-03-01"],
        ["monitor", "--year", "2026", "-f", "csv", "--as-of", "2027-03-01"],
        ["monitor", "--year", "2026", "-f", "md", "--as-of", "2027-03-01"],
        ["monitor", "--year", "2031", "--as-of", "2027-03-01"],
    ]

    def run(cache: bool) -> list[tuple[int, str, str]]:
        results = [invoke(*([] if cache else ["--no-cache"]), *q, "-a", str(root)) for q in queries]
        return [(r.exit_code, r.stdout, r.stderr) for r in results]

    cold = run(cache=False)
    assert "broken.md" in cold[0][2] and cold[0][0] == 2 and cold[6][0] == 2
    assert run(cache=True) == cold
    counted.update(parsed=0, unpacked=0)
    assert run(cache=True) == cold
    assert counted == {"parsed": 0, "unpacked": 0}
    (root / "seniori" / "broken.md").unlink()
    plan = root / "plan" / "kp-2025-2027.yaml"
    plan.write_text(PLAN.replace("period:", "# upraveno\nperiod:", 1), encoding="utf-8")
    changed = run(cache=False)
    assert changed != cold
    assert run(cache=True) == changed
    assert run(cache=True) == changed
    # An edit the view does not read (a minutes' text: the answer kept for its version is
    # read), then one it reads (a minutes with progress removed): `--no-cache`'s answers.
    first, second = (root / path for path, _front, _body in MINUTES[:2])
    first.write_text(first.read_text(encoding="utf-8") + "\nJeště jedna věta.\n", "utf-8")
    assert run(cache=True) == run(cache=False) == changed
    second.unlink()
    removed = run(cache=False)
    assert run(cache=True) == removed
    assert run(cache=True) == removed


def _messages(folder: Path) -> list[tuple[str, ...]]:
    """The .eml files of a folder as what they say: name, addresses, subject and each part,
    without what the clock puts in (Date, Message-ID, the boundaries, DTSTAMP)."""
    import email
    import email.policy
    import re

    found = []
    for path in sorted(folder.iterdir()):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        parts = [
            re.sub(r"(?m)^DTSTAMP:.*$", "", str(part.get_content()))
            for part in message.walk()
            if not part.is_multipart()
        ]
        found.append((path.name, str(message["From"]), str(message["To"]), str(message["Subject"]), *parts))
    return found


def test_remind_is_answered_the_same_from_its_view(
    invoke: Invoke, tmp_path: Path, counted: dict[str, int]
) -> None:
    """Reminders of open tasks, invitations to the next meeting with its members (one who
    joined in the minutes), a person without an address and a bad file: the same messages."""
    from .test_remind import CONFIG, SEPTEMBER

    root = tmp_path / "mail"
    write(root / "kpss.yaml", CONFIG.format(port=1, language="cs"))
    write(root / "seniori" / "2026-09-10.md", SEPTEMBER)
    october = "group: seniori\ndate: 2026-10-08\nmembership:\n  - {name: Pavla Nová, org: Charita}"
    write(root / "seniori" / "2026-10-08.md", minutes(october))
    write(root / "seniori" / "broken.md", minutes("group: seniori\ndate: 2026-02-30"))
    runs = iter(range(100))

    def run(cache: bool) -> tuple[int, str, str, list[tuple[str, ...]]]:
        out = tmp_path / f"out-{next(runs)}"
        prefix = [] if cache else ["--no-cache"]
        result = invoke(*prefix, "remind", "--dry-run", str(out), "-a", str(root), "--as-of", "2026-11-05")
        written = _messages(out) if out.exists() else []
        return result.exit_code, result.stdout, result.stderr.replace(str(out), "OUT"), written

    cold = run(cache=False)
    assert cold[0] == 2 and "broken.md" in cold[2] and len(cold[3]) >= 5
    assert "no e-mail address for Pavla Nová" in cold[2]  # invited: she joined in October
    assert run(cache=True) == cold
    counted.update(parsed=0, unpacked=0)
    assert run(cache=True) == cold
    assert counted == {"parsed": 0, "unpacked": 0}
    (root / "seniori" / "2026-10-08.md").unlink()
    changed = run(cache=False)
    assert changed != cold
    assert run(cache=True) == changed
    assert run(cache=True) == changed
    # An edit the view does not read (a minutes' text: the answer kept for its version is
    # read), then one it reads (the minutes with the open tasks removed).
    september = root / "seniori" / "2026-09-10.md"
    september.write_text(SEPTEMBER + "\nJeště jedna věta.\n", "utf-8")
    assert run(cache=True) == run(cache=False) == changed
    september.unlink()
    removed = run(cache=False)
    assert removed != changed
    assert run(cache=True) == removed


def test_show_and_list_after_each_kind_of_change_are_the_cold_answers_and_read_few_files(
    invoke: Invoke, generated: Path, counted: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`show` reads the one record asked for: its file's row and its tasks' rows in the task
    snapshot, warm or brought up to date after a change (store/views.load_one); `list` in
    every format puts its answer together from its tables (store/viewtable.py). After a
    content edit, a moved date, an id given, a file added, removed or renamed, every answer
    is `--no-cache`'s, and few files are parsed or rows unpacked."""
    from kpss_cli.store import loading, views

    monkeypatch.setattr(views, "unpack", loading.unpack)  # counted too
    group = generated / "orp-001/seniori"
    files = sorted(group.glob("*.md"))
    shows = [f"orp-001/seniori/{f.stem}" for f in files[2:5]]
    shows += [
        f"orp-001/seniori/{files[6].name}",
        "orp-001/seniori/renamed",
        "NEW-ID",
        "orp-001/seniori/2019-05-30",
    ]
    lists = [
        ["list", "-f", "json"],
        ["list", "-f", "jsonl", "--group", "seniori"],
        ["list", "-f", "csv", "--since", "2018-01-01"],
        ["--excel", "list", "-f", "csv"],
        ["list", "-f", "tsv", "--group", "seniori", "--until", "2019-01-01"],
        ["list"],
    ]
    queries = [["show", ref, *fmt] for ref in shows for fmt in ([], ["-f", "json"])] + lists

    def same_as_cold(most_unpacked: int) -> None:
        counted.update(parsed=0, unpacked=0)
        for query in queries:
            warm = invoke(*query, "-a", str(generated))
            cold = invoke("--no-cache", *query, "-a", str(generated))
            assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr), (
                query
            )
        # The cold runs parse every file: only the warm runs' count is asked of.
        assert counted["unpacked"] <= most_unpacked, counted

    assert invoke("tasks", "-a", str(generated)).exit_code == 0  # builds the index
    for query in queries:  # the views' tables and answers
        invoke(*query, "-a", str(generated))
    counted.update(parsed=0, unpacked=0)
    warm = invoke("show", shows[0], "-a", str(generated))
    assert warm.exit_code == 0 and counted == {"parsed": 0, "unpacked": 1}  # one record, no file parsed
    same_as_cold(40)
    # A content edit: a task more in the body.
    text = files[3].read_text(encoding="utf-8")
    files[3].write_text(text.replace("---\n\n", "---\n\nÚkol: Nový úkol; Zajistí: Eva Nová\n\n", 1), "utf-8")
    same_as_cold(40)
    # A moved date; an id given; a file added, one removed, one renamed.
    moved = files[2].read_text(encoding="utf-8")
    files[2].write_text(moved.replace(f"date: {files[2].stem}", "date: 2015-01-01", 1), encoding="utf-8")
    same_as_cold(40)
    given = files[4].read_text(encoding="utf-8")
    files[4].write_text(given.replace("date:", "id: NEW-ID\ndate:", 1), encoding="utf-8")
    same_as_cold(40)
    write(
        group / "2019-05-30.md",
        minutes("group: orp-001-seniori\ndate: 2019-05-30\ntasks: [{id: Z, task: Z}]"),
    )
    same_as_cold(40)
    files[5].unlink()
    same_as_cold(40)
    files[6].rename(group / "renamed.md")
    same_as_cold(40)
    # An id another minutes holds: the archive is loaded, and says so.
    write(group / "2019-06-30.md", minutes("id: NEW-ID\ngroup: orp-001-seniori\ndate: 2019-06-30"))
    same_as_cold(10**6)
    # The text put together from the rows is what the writers of output/formats.py write.
    import io

    from kpss_cli.commands.reading import LIST_COLUMNS
    from kpss_cli.output.formats import emit
    from kpss_cli.store.loading import load_archive

    whole = load_archive(generated, use_index=False)
    for fmt in ("json", "jsonl"):
        out = io.StringIO()
        emit((m.summary() for m in whole.minutes), LIST_COLUMNS, fmt, out)
        assert invoke("list", "-f", fmt, "-a", str(generated)).stdout == out.getvalue()


def test_show_and_list_from_a_damaged_index_are_the_cold_answers(invoke: Invoke, generated: Path) -> None:
    """A row of a file, of a table of the snapshot or of a view's table removed or changed
    behind kpss's back never changes an answer: it is read from the file, or the archive
    loaded (and the index rebuilt)."""
    import sqlite3

    queries = [
        ["show", "orp-001/seniori/2016-02-23", "-f", "json"],
        ["list", "-f", "json"],
        ["list", "-f", "csv"],
    ]
    cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in queries]
    assert all(r.exit_code == 0 and r.stdout for r in cold)

    def same_as_cold() -> None:
        for query, expected in zip(queries, cold, strict=True):
            warm = invoke(*query, "-a", str(generated))
            assert (warm.exit_code, warm.stdout, warm.stderr) == (
                expected.exit_code,
                expected.stdout,
                expected.stderr,
            )

    def damage(sql: str) -> None:
        (found,) = (generated / ".kpss").glob("index-*.sqlite3")
        db = sqlite3.connect(found)
        assert db.execute(sql).rowcount > 0
        db.commit()
        db.close()

    edited = sorted(generated.glob("orp-001/seniori/*.md"))[3]
    for sql in (
        "DELETE FROM files WHERE path = 'orp-001/seniori/2016-02-23.md'",
        "DELETE FROM rows WHERE kind = 'file' AND CAST(key AS TEXT) = 'orp-001/seniori/2016-02-23.md'",
        "UPDATE rows SET data = data || x'00' WHERE kind LIKE 'task%'",
        "DELETE FROM rows WHERE kind LIKE 'kept:view%' AND CAST(key AS TEXT) LIKE 'orp-001/seniori/2016%'",
        "UPDATE rows SET data = data || x'00' WHERE kind = 'file'",
    ):
        same_as_cold()  # builds the index, its views and their tables
        same_as_cold()
        if edited.exists():  # brought up to date from damaged tables
            edited.write_text(edited.read_text(encoding="utf-8") + "\nVěta.\n", "utf-8")
        damage(sql)
        same_as_cold()


def test_views_of_one_value_per_minutes_are_built_from_the_index_a_record_at_a_time(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`list`, `attendance`, `schedule`, `members` and `agenda` need nothing of a minutes
    record but the record itself, and the tasks of the snapshot (loading.EachMinutes): once
    `kpss tasks` built the index, their views are built from its rows, one at a time, and the
    snapshot, without loading the archive (the whole of it would not fit issue #25's memory
    bar); the answers are `--no-cache`'s. `list`, `attendance`, `schedule` and `members` keep
    their view as a table too (store/viewtable.py), answering from it once the view itself is
    gone; without that table, a file whose row is not in the index is parsed again, and the
    others read from their rows, with the same answers and no load."""
    import sqlite3

    from kpss_cli.store import loading

    queries = [q for q in QUERIES if q[0] in {"list", "attendance", "schedule", "members", "agenda"}]
    queries.append(["remind", "--dry-run", str(generated.parent / "mail"), "--as-of", "2019-06-01"])
    cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in queries]
    assert invoke("tasks", "-a", str(generated)).exit_code == 0  # builds the index and the snapshot
    whole = loading._loaded

    def refused(*args: object) -> object:
        raise AssertionError("the archive was loaded whole")

    monkeypatch.setattr(loading, "_loaded", refused)
    for query, expected in zip(queries, cold, strict=True):
        built = invoke(*query, "-a", str(generated))
        assert (built.exit_code, built.stdout, built.stderr) == (
            expected.exit_code,
            expected.stdout,
            expected.stderr,
        )

    (found,) = (generated / ".kpss").glob("index-*.sqlite3")
    db = sqlite3.connect(found)
    db.execute("DELETE FROM snapshot WHERE part LIKE 'view%'")
    db.commit()
    for query, expected in zip(queries, cold, strict=True):  # from the views' tables
        built = invoke(*query, "-a", str(generated))
        assert (built.exit_code, built.stdout, built.stderr) == (
            expected.exit_code,
            expected.stdout,
            expected.stderr,
        )
    db.execute("DELETE FROM snapshot WHERE part LIKE 'view%' OR part LIKE 'kept:%'")
    db.execute("DELETE FROM rows WHERE kind LIKE 'kept:%'")
    db.execute("DELETE FROM files WHERE path LIKE '%2019-01-24.md'")
    db.commit()
    db.close()
    loads: list[object] = []

    def counted(*args: object) -> object:
        loads.append(args)
        return whole(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(loading, "_loaded", counted)
    again = invoke(*queries[0], "-a", str(generated))
    assert (again.exit_code, again.stdout, again.stderr) == (
        cold[0].exit_code,
        cold[0].stdout,
        cold[0].stderr,
    )
    assert not loads


def test_attendance_asked_again_is_answered_from_the_index_and_never_stale(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same question of the same archive is read from the index (store/answers.py), not
    counted again; another question, or a changed file, is counted afresh."""
    from kpss_cli.meetings import attendance

    counts = {"counted": 0}
    count_calls(monkeypatch, attendance, "counted", counts, "counted")
    by_org = ["attendance", "--by", "org", "--group", "orp-001-seniori", "-f", "json", "-a", str(generated)]

    def run(*query: str) -> tuple[int, str, str]:
        result = invoke(*query)
        return result.exit_code, result.stdout, result.stderr

    cold = run("--no-cache", *by_org)
    assert cold[0] == 0, cold[2]
    counts["counted"] = 0
    assert run(*by_org) == cold and counts["counted"] == 1
    assert run(*by_org) == cold and counts["counted"] == 1  # read, not counted
    assert run(*by_org[:3], *by_org[5:]) != cold and counts["counted"] == 2  # another question

    newest = sorted(generated.glob("orp-001/seniori/*.md"))[-1]
    text = newest.read_text(encoding="utf-8")
    newest.write_text(text.replace("present:", "present:\n  - Nový Člen", 1), "utf-8")
    changed = run("--no-cache", *by_org)
    assert changed != cold
    assert run(*by_org) == changed


def test_agenda_is_rendered_again_when_a_template_of_the_archive_changes(
    invoke: Invoke, tmp_path: Path
) -> None:
    """The invitation is kept as its text: a template put in the archive's templates/ (which
    the archive's fingerprint does not cover) makes a new one, the same as without the index."""
    from .conftest import REPO

    archive = Path(shutil.copytree(REPO / "examples", tmp_path / "examples"))
    argv = ["agenda", "seniori", "-a", str(archive), "--as-of", "2022-03-01"]
    first = invoke(*argv)
    assert first.exit_code == 0 and "Pozvánka" in first.stdout
    assert invoke(*argv).stdout == first.stdout  # warm: the answer kept
    template = write(archive / "templates" / "cs" / "agenda.md.j2", "Vlastní pozvánka: {{ group.name }}\n")
    changed = invoke(*argv)
    assert changed.stdout.startswith("Vlastní pozvánka: ")
    cold = invoke("--no-cache", *argv)
    assert (changed.exit_code, changed.stdout, changed.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    template.write_text("Jiná pozvánka: {{ group.name }}\n", encoding="utf-8")
    assert invoke(*argv).stdout.startswith("Jiná pozvánka: ")


def test_a_kept_answer_says_the_archives_problems_before_its_error(invoke: Invoke, tmp_path: Path) -> None:
    """An error the user can act on (an unknown group, a date that is not one, no next meeting,
    no plan) comes after the archive's problems, as when nothing is kept: cold, first, warm."""
    from .conftest import REPO

    archive = Path(shutil.copytree(REPO / "examples", tmp_path / "examples"))
    write(archive / "seniori" / "broken.md", minutes("group: seniori\ndate: 2026-02-30"))
    forms = [
        ["list", "-f", "json", "--group", "no-such-group"],
        ["list", "-f", "csv", "--since", "30. 2. 2025"],
        ["agenda", "no-such-group"],
        ["plan", "--plan", "no-such-plan"],
        ["monitor", "--year", "2031"],
    ]
    for form in forms:
        argv = [*form, "-a", str(archive), "--as-of", "2026-01-01"]
        results = [invoke("--no-cache", *argv), invoke(*argv), invoke(*argv)]
        assert {(r.exit_code, r.stdout, r.stderr) for r in results} == {(2, "", results[0].stderr)}, form
        lines = results[0].stderr.splitlines()
        assert "broken.md" in lines[0] and lines[-1].startswith("kpss: error: "), (form, lines)


def test_answers_after_an_edit_that_leaves_their_view_as_it_was_are_read_not_computed(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change to what a view does not read (a minutes' text) keeps the view's version
    (store/viewtable.py): `attendance`, `schedule`, `members` and `agenda` read the answer
    they kept, not count again; a change to what it reads, a rename, a deletion are counted
    afresh; `agenda` is rendered again when a task changes. Every answer is `--no-cache`'s."""
    from kpss_cli.documents import templates
    from kpss_cli.meetings import attendance

    counts = {"counted": 0}
    count_calls(monkeypatch, attendance, "counted", counts, "counted")
    rendered = {"count": 0}
    render = templates.render_template

    def rendering(*args: object, **options: object) -> object:
        rendered["count"] += 1
        return render(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(templates, "render_template", rendering)
    # One question of each: the last answer of each command is kept (store/answers.py).
    queries = [["attendance", "--by", "org"], QUERIES[23], QUERIES[26], QUERIES[18]]

    def run(cache: bool) -> list[tuple[int, str, str]]:
        prefix = [] if cache else ["--no-cache"]
        results = [invoke(*prefix, *query, "-a", str(generated)) for query in queries]
        return [(r.exit_code, r.stdout, r.stderr) for r in results]

    assert invoke("tasks", "-a", str(generated)).exit_code == 0
    cold = run(False)
    assert run(True) == cold
    files = sorted(generated.glob("orp-001/seniori/*.md"))
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nJeště jedna věta.\n", "utf-8")
    counts["counted"] = rendered["count"] = 0
    assert run(True) == run(False) == cold
    assert counts["counted"] == rendered["count"] == 1  # that of --no-cache: none after the edit
    text = files[2].read_text(encoding="utf-8")
    files[2].write_text(text.replace("---\n\n", "---\n\nÚkol: Nový úkol; Zajistí: Eva Nová\n\n", 1), "utf-8")
    rendered["count"] = 0
    tasked = run(False)
    assert tasked[3] != cold[3] and tasked[:3] == cold[:3]
    assert run(True) == tasked and rendered["count"] == 2  # a task more: rendered again
    text = files[4].read_text(encoding="utf-8")
    files[4].write_text(text.replace("present:", "present:\n  - Nový Člen", 1), "utf-8")
    files[6].rename(files[6].with_name("2099-01-01.md"))
    files[7].unlink()
    write(generated / "orp-001/poznamky.txt", "nic\n")
    counts["counted"] = 0
    changed = run(False)
    assert changed != cold
    assert run(True) == changed and counts["counted"] == 2
    assert run(True) == changed and counts["counted"] == 2  # warm: read


def test_plan_after_an_edit_reads_its_kept_answer_unless_the_edit_changes_its_tasks(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The version of the view `plan` holds its tasks as the digests of their statuses' tables
    (loading.view_version): an edit of a minutes' text reads the kept answer, computing
    nothing; an edit of a task linked to a measure gives another answer, `--no-cache`'s."""
    from kpss_cli.commands import planning

    from .test_plan import MINUTES, PLAN

    root = tmp_path / "town"
    write(root / "kpss.yaml", "groups:\n  - {slug: seniori, name: Senioři}\n  - {slug: ozp, name: OZP}\n")
    write(root / "plan" / "kp-2025-2027.yaml", PLAN)
    for path, front, body in MINUTES:
        write(root / path, minutes(front, body))
    computed = {"count": 0}
    count_calls(monkeypatch, planning, "_planned", computed, "count")
    queries = [["plan", "-f", "json", "--as-of", "2026-12-31"], ["monitor", "--year", "2026", "-f", "json"]]

    def run(cache: bool) -> list[tuple[int, str, str]]:
        results = [invoke(*([] if cache else ["--no-cache"]), *q, "-a", str(root)) for q in queries]
        return [(r.exit_code, r.stdout, r.stderr) for r in results]

    assert invoke("tasks", "-a", str(root)).exit_code == 0
    cold = run(cache=False)
    assert cold[0][0] == 0 and '"tasks": 1' in cold[0][1]
    assert run(cache=True) == cold
    tasked = root / MINUTES[0][0]
    tasked.write_text(tasked.read_text(encoding="utf-8") + "\nJeště jedna věta.\n", "utf-8")
    computed["count"] = 0
    assert run(cache=True) == cold
    assert computed["count"] == 0  # the kept answers read: nothing computed
    assert run(cache=False) == cold
    text = tasked.read_text(encoding="utf-8")
    tasked.write_text(
        text.replace('due: 2026-12, measure: "1.1"', 'due: 2026-12, measure: "1.3"', 1), "utf-8"
    )
    changed = run(cache=False)
    assert changed[0] != cold[0] and changed[1] != cold[1]
    computed["count"] = 0
    assert run(cache=True) == changed
    assert computed["count"] == 2  # computed again, once per command
    assert run(cache=True) == changed
    assert computed["count"] == 2


def test_an_answer_computed_after_an_edit_walks_the_archive_once_and_is_kept_once(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit of what `attendance` reads, its answer is computed with one walk of the
    archive (store/answers.py: only the folders of files read from disk are looked at again),
    kept, and read warm; beside the snapshot lies only a reference to the answer kept per
    version: when that one is gone (more questions asked than are kept), the answer is
    computed again. Every answer is `--no-cache`'s."""
    from kpss_cli.meetings import attendance
    from kpss_cli.store import loading

    counts = {"counted": 0, "walks": 0}
    count_calls(monkeypatch, attendance, "counted", counts, "counted")
    count_calls(monkeypatch, loading, "walk_files", counts, "walks")
    query = ["attendance", "--by", "org", "-f", "json", "-a", str(generated)]

    def run(*options: str) -> tuple[int, str, str]:
        result = invoke(*options, *query)
        return result.exit_code, result.stdout, result.stderr

    assert run() == run("--no-cache")
    newest = sorted(generated.glob("orp-001/seniori/*.md"))[-1]
    text = newest.read_text(encoding="utf-8")
    newest.write_text(text.replace("present:", "present:\n  - Nový Člen", 1), "utf-8")
    counts.update(counted=0, walks=0)
    changed = run()
    assert counts == {"counted": 1, "walks": 1}  # computed again, the archive walked once
    assert changed == run("--no-cache")
    counts.update(counted=0, walks=0)
    assert run() == changed and counts == {"counted": 0, "walks": 1}  # warm: read, through its reference
    # A text edit: the answer read by its version; warm again through the reference.
    newest.write_text(newest.read_text(encoding="utf-8") + "\nJeště jedna věta.\n", "utf-8")
    counts["counted"] = 0
    assert run() == changed and counts["counted"] == 0
    assert run() == changed and counts["counted"] == 0
    # Sixteen other questions: the answer the reference names is no longer kept.
    for missed in range(1, 17):
        assert invoke("attendance", "--missed", str(missed), "-a", str(generated)).exit_code == 0
    counts["counted"] = 0
    assert run() == changed and counts["counted"] == 1


def test_an_answer_whose_computation_read_a_file_that_changed_meanwhile_is_not_kept(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file a computation read from disk (not from the index) that changes before the
    computation ends, even back to what it held: the answer is not kept (its folder is looked
    at again: store/answers.py), the next run computes it again, `--no-cache`'s answer."""
    from kpss_cli.meetings import attendance
    from kpss_cli.store import loading

    newest = sorted(generated.glob("orp-001/seniori/*.md"))[-1]
    rel = newest.relative_to(generated).as_posix()
    counts = {"counted": 0}
    real = attendance.counted
    touch = {"now": False}

    def counting(loaded: object, *args: object) -> object:
        counts["counted"] += 1
        if touch["now"]:  # a computation that reads the file from disk, which then changes
            touch["now"] = False
            loading._parse_file(str(generated), rel, loaded.config)  # type: ignore[attr-defined]
            text = newest.read_text(encoding="utf-8")
            newest.write_text(text + "\n", "utf-8")
            newest.write_text(text, "utf-8")  # the same text, but not the same file as walked
        return real(loaded, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(attendance, "counted", counting)
    query = ["attendance", "--by", "org", "-f", "json", "-a", str(generated)]

    def run(*options: str) -> tuple[int, str, str]:
        result = invoke(*options, *query)
        return result.exit_code, result.stdout, result.stderr

    assert run() == run("--no-cache")
    text = newest.read_text(encoding="utf-8")
    newest.write_text(text.replace("present:", "present:\n  - Nový Člen", 1), "utf-8")
    touch["now"] = True
    counts["counted"] = 0
    changed = run()
    assert counts["counted"] == 1 and not touch["now"]
    assert changed == run("--no-cache")
    counts["counted"] = 0
    assert run() == changed and counts["counted"] == 1  # not kept: computed again
    assert run() == changed and counts["counted"] == 1  # then kept


def test_attendance_schedule_and_members_kept_as_the_text_they_write(invoke: Invoke, generated: Path) -> None:
    """`attendance`, `schedule` and `members` in JSON, JSON Lines, CSV (Czech Excel's too) and
    TSV keep the text they write as their answer (commands/reading._written): warm, after an
    edit their views do not read (a minutes' text) and after one they read (who attended, a
    date), the same text as `--no-cache`, and each format its own."""
    forms = [
        [*prefix, command, *options, "-f", fmt]
        for fmt, prefix in (("json", []), ("jsonl", []), ("csv", []), ("csv", ["--excel"]), ("tsv", []))
        for command, *options in (
            ["attendance", "--by", "org"],
            ["schedule", "--year", "2018", *AS_OF],
            ["members", "orp-001-seniori", "--history", *AS_OF],
        )
    ]

    def run(cache: bool) -> list[tuple[int, str, str]]:
        results = [invoke(*([] if cache else ["--no-cache"]), *form, "-a", str(generated)) for form in forms]
        return [(r.exit_code, r.stdout, r.stderr) for r in results]

    cold = run(False)
    assert all(code == 0 for code, _out, _err in cold), cold
    assert len({out for _code, out, _err in cold}) == len(forms)  # each format its own text
    assert run(True) == cold  # kept
    assert run(True) == cold  # read
    files = sorted(generated.glob("orp-001/seniori/2018-*.md"))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\nJeště jedna věta.\n", "utf-8")
    assert run(True) == cold == run(False)
    text = files[1].read_text(encoding="utf-8")
    files[1].write_text(text.replace("present:", "present:\n  - Nový Člen", 1), "utf-8")
    files[2].rename(files[2].with_name("2018-12-30.md"))
    changed = run(False)
    assert changed != cold
    assert run(True) == changed
    assert run(True) == changed


def test_check_after_each_kind_of_change_is_the_cold_answer_and_reads_few_files(
    invoke: Invoke, generated: Path, counted: dict[str, int]
) -> None:
    """After a change, `kpss check` checks the changed files alone and makes the findings
    across files again from the index's tables (check/kept.py), not from the archive loaded
    whole: an error of one file, a task id used in two files, an update of a task that does
    not exist (and then does), a checklist line's deadline, two minutes of one day, a file
    that is not minutes, each added and removed, and an edit of a minutes' text, give the
    output and exit code of `--no-cache`."""
    queries = [["check", *AS_OF], ["check", "-f", "json", "--strict", *AS_OF]]
    group = generated / "orp-001/seniori"
    files = sorted(group.glob("*.md"))

    def same_as_cold(*, loads: bool = False, unpacked: int = 30) -> str:
        counted.update(parsed=0, unpacked=0)
        warm = [invoke(*q, "-a", str(generated)) for q in queries]  # the first brings it up to date
        if not loads:  # the changed files, and the few rows of those naming the same tasks
            assert counted["parsed"] <= 3 and counted["unpacked"] <= unpacked, counted
        again = [invoke(*q, "-a", str(generated)) for q in queries]  # read as kept
        cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in queries]
        found = [(r.exit_code, r.stdout, r.stderr) for r in cold]
        assert [(r.exit_code, r.stdout, r.stderr) for r in warm] == found
        assert [(r.exit_code, r.stdout, r.stderr) for r in again] == found
        return "".join(r.stdout + r.stderr for r in cold[:1])

    invoke("check", *AS_OF, "-a", str(generated))  # the index and the kept findings built
    clean = same_as_cold()
    # An error of one file, then mended.
    text = files[2].read_text(encoding="utf-8")
    files[2].write_text(text.replace("---\n\n", "---\n\nÚkol: Něco; Termín: kdysi brzy\n\n", 1), "utf-8")
    assert "[bad-deadline]" in same_as_cold()
    broken = write(group / "2019-02-01.md", minutes("group: orp-001-seniori\ndate: 2019-02-30"))
    assert "[bad-date]" in same_as_cold()
    broken.write_text(minutes("group: orp-001-seniori\ndate: 2019-02-01"), encoding="utf-8")
    assert "[bad-date]" not in same_as_cold()
    broken.unlink()
    files[2].write_text(text, encoding="utf-8")
    assert same_as_cold() == clean
    # A task id used in two files (an error), the second removed.
    write(
        group / "2016-01-01.md",
        minutes("group: orp-001-seniori\ndate: 2016-01-01\ntasks: [{id: X, task: A}]"),
    )
    same_as_cold()
    other = write(
        generated / "orp-002/jina/2017-05-05.md",
        minutes("group: orp-002-jina\ndate: 2017-05-05\ntasks: [{id: X, task: B, measure: '1.1'}]"),
    )
    assert "[duplicate-task-id]" in same_as_cold()
    other.unlink()
    assert "[duplicate-task-id]" not in same_as_cold()
    # An update of a task no file defines; then defined (earlier, then later), then gone.
    updates = "updates: [{id: Z, status: done}]"
    write(group / "2018-03-03.md", minutes(f"group: orp-001-seniori\ndate: 2018-03-03\n{updates}"))
    assert "[unknown-task]" in same_as_cold()
    defines = write(
        group / "2017-01-01.md",
        minutes("group: orp-001-seniori\ndate: 2017-01-01\ntasks: [{id: Z, task: C}]"),
    )
    assert "[unknown-task]" not in same_as_cold()
    defines.write_text(
        minutes("group: orp-001-seniori\ndate: 2019-01-01\ntasks: [{id: Z, task: C}]"), "utf-8"
    )
    assert "[update-before-task]" in same_as_cold()
    defines.unlink()
    assert "[unknown-task]" in same_as_cold()
    # A checklist line's deadline, read only when the task exists.
    write(
        group / "2018-04-04.md",
        minutes("group: orp-001-seniori\ndate: 2018-04-04", "- [ ] X trvá, nový termín 01/17\n"),
    )
    assert "[deadline-before-meeting]" in same_as_cold()
    (group / "2016-01-01.md").unlink()
    assert "[deadline-before-meeting]" not in same_as_cold()
    # Two minutes of one group on one day; a Markdown file that is not minutes.
    copy = write(group / "copy.md", files[4].read_text(encoding="utf-8"))
    assert "[duplicate-meeting]" in same_as_cold()
    notes = write(group / "notes.md", "# Poznámky\n")
    assert "[not-minutes]" in same_as_cold()
    copy.unlink()
    notes.unlink()
    (group / "2018-03-03.md").unlink()
    (group / "2018-04-04.md").unlink()
    assert same_as_cold() == clean
    # An edit of a minutes' text: the same answer.
    files[5].write_text(files[5].read_text(encoding="utf-8") + "\nDoplněno.\n", encoding="utf-8")
    assert same_as_cold() == clean
    # A file of tasks removed, then `kpss tasks` run (it brings the snapshot up to date: check's
    # kept findings are then behind it); the updates of its tasks in later files name no task.
    texts = {f: f.read_text(encoding="utf-8") for f in files if f.exists()}
    ids = {f: f.relative_to(generated).with_suffix("").as_posix() + "#" for f in texts}
    defined = next(f for f in texts if any(ids[f] in text for g, text in texts.items() if g != f))
    defined.unlink()
    invoke("tasks", "-a", str(generated))
    assert "[unknown-task]" in same_as_cold()
    # Who joins or leaves a group changes the members of its every meeting: they are made again
    # and each minutes of the group checked again from its row, the archive not loaded. A member
    # leaves (the later minutes listing them), someone joins, a non-member leaves (a finding of
    # the group's members), the file moves to another group, and it is as it was.
    text = files[6].read_text(encoding="utf-8")
    config = yaml.safe_load((generated / "kpss.yaml").read_text(encoding="utf-8"))
    (seniori,) = [g for g in config["groups"] if g["slug"] == "orp-001-seniori"]
    names = [m if isinstance(m, str) else m["name"] for m in seniori["members"]]
    last = [f for f in files if f.exists()][-1]
    member = next(n for n in names if n in last.read_text(encoding="utf-8"))  # at the last meeting
    leaving = f"membership: [{{name: {member}, left: 2016-01-01}}, {{name: Eva Nová, joined: 2015-01-01}}]"
    files[6].write_text(text.replace("---\n", f"---\n{leaving}\n", 1), "utf-8")
    assert f"{last.name}:" in (left := same_as_cold(unpacked=len(files) + 30))
    assert "[former-member]" in left
    files[6].write_text(
        text.replace("---\n", "---\nmembership: [{name: Nikdo Nikdo, left: 2016-01-01}]\n", 1), "utf-8"
    )
    assert "Nikdo" in same_as_cold(unpacked=len(files) + 30)
    moved = re.sub(r"^(group|skupina): .*$", r"\1: orp-001-dusevni", text, count=1, flags=re.MULTILINE)
    assert moved != text
    files[6].write_text(moved.replace("---\n", f"---\n{leaving}\n", 1), "utf-8")
    same_as_cold(unpacked=3 * len(files) + 30)
    files[6].write_text(text, encoding="utf-8")
    same_as_cold(unpacked=3 * len(files) + 30)


def test_check_after_a_change_of_an_archive_with_schedules_and_a_plan(
    invoke: Invoke, tmp_path: Path, counted: dict[str, int]
) -> None:
    """The example archive: with its plan or without it, the changed file is checked alone (with
    the plan, its progress entries and tasks against the plan too) and a group's meetings
    without minutes (its schedule) made again from its minutes' rows; a change of the plan's
    files checks the archive whole. Each answer is `--no-cache`'s."""
    root = Path(shutil.copytree(Path(__file__).parent.parent / "examples", tmp_path / "examples"))
    query = ["check", "-f", "json", "--as-of", "2026-12-31", "-a", str(root)]

    def same_as_cold(*, loads: bool) -> str:
        counted.update(parsed=0, unpacked=0)
        warm = invoke(*query)
        if not loads:
            assert counted["parsed"] <= 2 and counted["unpacked"] <= 10, counted
        cold = invoke("--no-cache", *query)
        assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
        return cold.stdout

    invoke(*query)
    held = root / "ridici-skupina/2026-06-17.md"
    text = held.read_text(encoding="utf-8")
    held.write_text(text + "\nDoplněno.\n", encoding="utf-8")
    same_as_cold(loads=False)
    shutil.rmtree(root / "plan")
    before = same_as_cold(loads=True)  # another state of plan/: the findings are made anew
    held.unlink()
    assert "2026-06-17" in (missing := same_as_cold(loads=False)) and missing.count(
        "missing-minutes"
    ) > before.count("missing-minutes")
    held.write_text(text, encoding="utf-8")
    assert same_as_cold(loads=False) == before
    # The archive's first minutes removed: every schedule's window starts later.
    first = root / "ridici-skupina/2025-01-22.md"
    text = first.read_text(encoding="utf-8")
    first.unlink()
    same_as_cold(loads=False)
    first.write_text(text, encoding="utf-8")
    assert same_as_cold(loads=False) == before
    # A scheduled group left without minutes: every planned day of it is missing.
    gone = tmp_path / "rodina"
    (root / "rodina").rename(gone)
    (root / "rodina").mkdir()
    assert same_as_cold(loads=False).count("missing-minutes") > before.count("missing-minutes")


def test_list_csv_after_an_edit_of_what_its_rows_read_makes_only_that_files_lines_again(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`list -f csv` keeps each minutes' CSV line (plain and Czech Excel's) in a table
    (commands/reading._list_csv_view) and puts its answer together from it: after an edit of
    who attended, of a place, of a task's status (an update in a later minutes), each answer
    is `--no-cache`'s, and only the changed file's lines are made again (its cells, not
    every row's)."""
    import re

    from kpss_cli.commands import reading
    from kpss_cli.output import formats

    counts = {"cells": 0}
    count_calls(monkeypatch, formats, "cell", counts, "cells")
    monkeypatch.setattr(reading, "_csv_view", [])  # made again with the counted cell
    queries = [
        ["list", "-f", "csv"],
        ["--excel", "list", "-f", "csv"],
        ["list", "-f", "csv", "--group", "seniori", "--since", "2018-01-01"],
        ["--excel", "list", "-f", "csv", "--until", "2018-06-30"],
        ["list", "-f", "csv", "--group", "no-such-group"],
    ]

    def run(cache: bool) -> list[tuple[int, str, str]]:
        results = [invoke(*([] if cache else ["--no-cache"]), *q, "-a", str(generated)) for q in queries]
        return [(r.exit_code, r.stdout, r.stderr) for r in results]

    cold = run(False)
    assert cold[4][0] == 2 and "no group 'no-such-group'" in cold[4][2]
    assert run(True) == cold  # the table and the answers kept
    counts["cells"] = 0
    assert run(True) == cold and counts["cells"] == 0  # read
    files = sorted(generated.glob("orp-001/seniori/*.md"))
    edits = [
        (r'^  - "([^"]+)"$', "Nové Jméno"),  # the first person listed (present)
        (r"^(?:place|místo): (.+)$", '"Jinde, sál 2"'),
        (r"^    status: (done|cancelled|open)$", "cancelled"),
    ]
    for pattern, new in edits:
        edited = next(f for f in files if re.search(pattern, f.read_text(encoding="utf-8"), re.M))
        text = edited.read_text(encoding="utf-8")
        found = re.search(pattern, text, re.M)
        assert found is not None
        edited.write_text(text[: found.start(1)] + new + text[found.end(1) :], "utf-8")
        counts["cells"] = 0
        warm = run(True)
        assert 0 < counts["cells"] <= 2 * len(reading.LIST_COLUMNS), (pattern, counts)  # that file's lines
        assert warm == run(False), pattern
        assert run(True) == warm
    assert run(False)[0] != cold[0]  # the place is in the rows
    # The text put together from the lines is what output/formats.py's CSV writer writes.
    import io

    from kpss_cli.commands.reading import LIST_COLUMNS
    from kpss_cli.output.formats import emit
    from kpss_cli.store.loading import load_archive

    whole = load_archive(generated, use_index=False)
    for excel in (False, True):
        out = io.StringIO(newline="")
        emit((m.summary() for m in whole.minutes), LIST_COLUMNS, "csv", out, excel=excel)
        result = invoke(*(["--excel"] if excel else []), "list", "-f", "csv", "-a", str(generated))
        assert result.stdout == out.getvalue().replace("\r\n", "\n")  # as click's result gives it


def test_attendance_after_an_edit_of_a_place_or_time_reads_its_kept_answer(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attendance view holds no time or place (packing.attendance_view): an edit of a
    minutes' place or time leaves its version as it was, and the answer kept is read, not
    counted again; an edit of who attended is counted again. Every answer is `--no-cache`'s."""
    import re

    from kpss_cli.meetings import attendance

    counts = {"counted": 0}
    count_calls(monkeypatch, attendance, "counted", counts, "counted")
    queries = [["attendance", "--by", "meeting", "-f", "json"], ["attendance", "--by", "org", "-f", "csv"]]

    def run(cache: bool) -> list[tuple[int, str, str]]:
        results = [invoke(*([] if cache else ["--no-cache"]), *q, "-a", str(generated)) for q in queries]
        return [(r.exit_code, r.stdout, r.stderr) for r in results]

    cold = run(False)
    assert run(True) == cold
    files = sorted(generated.glob("orp-001/seniori/*.md"))

    def edit(pattern: str, new: str) -> None:
        edited = next(f for f in files if re.search(pattern, f.read_text(encoding="utf-8"), re.M))
        text = edited.read_text(encoding="utf-8")
        found = re.search(pattern, text, re.M)
        assert found is not None
        edited.write_text(text[: found.start(1)] + new + text[found.end(1) :], "utf-8")

    edit(r"^(?:place|místo): (.+)$", '"Jinde, sál 2"')
    edit(r"^(?:time|čas): (.+)$", '"7:00-8:00"')
    counts["counted"] = 0
    assert run(True) == cold and counts["counted"] == 0  # read
    assert run(False) == cold
    edit(r'^  - "([^"]+)"$', "Nové Jméno")  # the first person listed (present)
    changed = run(False)
    assert changed != cold
    counts["counted"] = 0
    assert run(True) == changed and counts["counted"] == 2  # counted again, each question once


def test_check_after_edits_of_an_archive_with_a_plan_checks_the_changed_files_alone(
    invoke: Invoke, tmp_path: Path, counted: dict[str, int]
) -> None:
    """With a plan, an edit of a task's measure, of a progress entry (its measure, its
    indicator), and a file of such added and removed are checked from the changed files and the
    few that name the same tasks (check/kept.py); an edit of who joins a group checks that
    group's minutes again from their rows; an edit of the plan's file (a measure renamed, added,
    removed, an indicator added or without its unit, the plan removed) checks again the
    minutes with progress entries and the task ids serving a measure, from their rows. Each
    answer is `--no-cache`'s."""
    root = Path(shutil.copytree(Path(__file__).parent.parent / "examples", tmp_path / "examples"))
    query = ["check", "-f", "json", "--as-of", "2026-12-31", "-a", str(root)]

    def same_as_cold(*, loads: bool = False, unpacked: int = 10) -> str:
        counted.update(parsed=0, unpacked=0)
        warm = invoke(*query)
        if not loads:
            assert counted["parsed"] <= 2 and counted["unpacked"] <= unpacked, counted
        again = invoke(*query)  # read as kept
        cold = invoke("--no-cache", *query)
        assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
        assert (again.exit_code, again.stdout, again.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
        return cold.stdout

    invoke(*query)
    clean = same_as_cold(loads=True)
    unknown = clean.count('"unknown-measure"')
    # A task serving a measure the plan lacks, then one it has again.
    tasks = root / "ridici-skupina/2026-03-18.md"
    text = tasks.read_text(encoding="utf-8")
    tasks.write_text(text.replace('measure: "4.1.2"', 'measure: "9.9.9"'), encoding="utf-8")
    assert same_as_cold().count('"unknown-measure"') == unknown + 1
    tasks.write_text(text, encoding="utf-8")
    assert same_as_cold() == clean
    # A progress entry of an item the plan lacks, then of an indicator the item lacks.
    progress = root / "ozp/2026-04-28.md"
    text = progress.read_text(encoding="utf-8")
    progress.write_text(text.replace('- measure: "2.1.1"', '- measure: "8.8"'), encoding="utf-8")
    assert same_as_cold().count('"unknown-measure"') == unknown + 1
    progress.write_text(text.replace("    value: 10\n", "    value: 10\n    indicator: nic\n"), "utf-8")
    assert '"progress-unknown-indicator"' in same_as_cold()
    progress.write_text(text, encoding="utf-8")
    assert same_as_cold() == clean
    # Minutes added with a task of an unknown measure and progress of an unknown item, removed.
    added = write(
        root / "ozp/2026-11-30.md",
        minutes(
            "group: ozp\ndate: 2026-11-30\ntasks: [{id: N, task: A, measure: '6.6'}]\n"
            "progress: [{measure: '2.1.1', value: 3, indicator: nic}, {measure: '5.5', state: done}]"
        ),
    )
    added_answer = same_as_cold()
    assert added_answer.count('"unknown-measure"') == unknown + 2
    assert '"progress-unknown-indicator"' in added_answer
    added.unlink()
    assert same_as_cold() == clean
    # The plan's file: the minutes with progress entries and the task ids serving a measure
    # checked again from their rows, the archive not loaded. A measure renamed, then added.
    plan = root / "plan/kp-2024-2027.yaml"
    text = plan.read_text(encoding="utf-8")
    # The files that name a measure or progress (some twice: a task's and a progress's file).
    linked = 4 + sum(
        1 for f in root.glob("*/*.md") if re.search("measure|progress|opatření|plnění", f.read_text("utf-8"))
    )
    assert linked < len(list(root.glob("*/*.md")))  # fewer than a load unpacks
    plan.write_text(text.replace('id: "4.1.2"', 'id: "4.1.9"'), encoding="utf-8")
    assert same_as_cold(unpacked=linked).count('"unknown-measure"') > unknown
    plan.write_text(text, encoding="utf-8")
    assert same_as_cold(unpacked=linked) == clean
    tasks_text = tasks.read_text(encoding="utf-8")
    tasks.write_text(tasks_text.replace('measure: "4.1.2"', 'measure: "9.9.9"'), encoding="utf-8")
    assert same_as_cold().count('"unknown-measure"') == unknown + 1
    added_measure = '          - id: "9.9.9"\n            title: Nové opatření\n'
    plan.write_text(text.replace('      - id: "1.2"\n', added_measure + '      - id: "1.2"\n', 1), "utf-8")
    assert same_as_cold(unpacked=linked).count('"unknown-measure"') == unknown
    # A measure removed (progress entries of it), an indicator more (progress without one is
    # ambiguous), an indicator without a unit.
    plan.write_text(text.replace('id: "2.1.1"', 'id: "2.1.7"'), encoding="utf-8")
    assert same_as_cold(unpacked=linked).count('"unknown-measure"') > unknown + 1
    second = "              - {name: druhý, unit: osob, target: 2, year: 2027}\n"
    anchor = "              - {name: klienti podpory samostatného bydlení, unit: osob, baseline: 8, target: 12, year: 2027}\n"
    assert anchor in text
    plan.write_text(text.replace(anchor, anchor + second), encoding="utf-8")
    assert '"progress-unknown-indicator"' in same_as_cold(unpacked=linked)
    plan.write_text(text.replace(anchor, anchor.replace(" unit: osob,", "")), encoding="utf-8")
    same_as_cold(unpacked=linked)
    plan.write_text("plan: [nedokončený\n", encoding="utf-8")  # the plan file's own problem
    same_as_cold(unpacked=linked)
    # No plan at all (tasks serving a measure of none), then the plan again.
    moved = plan.rename(root / "plan.yaml.txt")
    assert "but the archive has no plan" in same_as_cold(unpacked=linked)
    plan = moved.rename(plan)
    plan.write_text(text, encoding="utf-8")
    assert same_as_cold(unpacked=linked).count('"unknown-measure"') == unknown + 1
    tasks.write_text(tasks_text, encoding="utf-8")
    assert same_as_cold() == clean
    # Who joins a group: the members of every meeting of it made again, the archive not loaded.
    text = tasks.read_text(encoding="utf-8")
    tasks.write_text(
        text.replace("---\n", "---\nmembership: [{name: Eva Nová, joined: 2015-01-01}]\n", 1), "utf-8"
    )
    members = len(list(tasks.parent.glob("*.md")))
    same_as_cold(unpacked=members + 10)
    tasks.write_text(text, encoding="utf-8")
    assert same_as_cold(unpacked=members + 10) == clean


# `attendance` by person in the forms that take other paths through meetings/keptcount.py.
PERSON_QUERIES = [
    ["attendance", "-f", "json"],
    ["attendance", "--group", "seniori", "--since", "2018-01-01", "-f", "csv"],
    ["attendance", "--until", "2018-06-30", "--group", "orp-001-dusevni"],
    ["--excel", "attendance", "--since", "2019-01-01", "-f", "csv"],
    ["attendance", "--group", "no-such-group"],
]
# The others, counted whole after an edit of what they read.
OTHER_QUERIES = [
    ["attendance", "--by", "org", "-f", "json"],
    ["attendance", "--missed", "1", "-f", "json"],
    ["attendance", "--missed", "3", "--since", "2018-01-01"],
    ["attendance", "--by", "meeting", "-f", "json", "--group", "seniori"],
]


def _count_tables(root: Path) -> tuple[list[tuple[str, int, bytes, object]], list[str]]:
    """The rows of the index's tables (kind, bucket, key, value: what marshal's bytes hold, a
    task unpacked too) and the names of its snapshot's parts (their digests are of the rows'
    bytes, which differ with how many references their values had)."""
    import marshal
    import sqlite3

    def value(kind: str, data: bytes) -> object:
        found = marshal.loads(data)
        return (*found[:5], marshal.loads(found[5])) if kind.startswith("task\0") else found

    (found,) = (root / ".kpss").glob("index-*.sqlite3")
    db = sqlite3.connect(found)
    try:
        query = "SELECT kind, bucket, key, data FROM rows ORDER BY kind, bucket, key"
        rows = [(kind, number, key, value(kind, data)) for kind, number, key, data in db.execute(query)]
        parts = sorted(part for (part,) in db.execute("SELECT part FROM snapshot"))
    finally:
        db.close()
    return rows, parts


def test_attendance_first_run_makes_the_count_tables_of_the_records_it_loaded(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`attendance`'s first run makes the tables of meetings/keptcount.py of the records it
    has just loaded, not of the view's table unpacked again: the index is the one made from
    that table (as after a change), and its answers are `--no-cache`'s."""
    from kpss_cli.meetings import keptcount

    counts = {"unpacked": 0}
    count_calls(monkeypatch, keptcount, "unpack_attendance", counts, "unpacked")
    queries = PERSON_QUERIES + OTHER_QUERIES
    cold = [invoke("--no-cache", *q, "-a", str(generated)) for q in queries]
    first = invoke(*queries[0], "-a", str(generated))
    assert (first.exit_code, first.stdout) == (cold[0].exit_code, cold[0].stdout)
    assert counts["unpacked"] == 0  # the records held, not the view's table unpacked
    held = _count_tables(generated)
    assert any(row[0].startswith("kept:count\0people") for row in held[0])
    shutil.rmtree(generated / ".kpss")
    matching = keptcount._matching
    monkeypatch.setattr(keptcount, "_matching", lambda rows, records: None)  # made of the table
    again = invoke(*queries[0], "-a", str(generated))
    assert counts["unpacked"] == 1
    assert (again.exit_code, again.stdout) == (first.exit_code, first.stdout)
    assert _count_tables(generated) == held
    monkeypatch.setattr(keptcount, "_matching", matching)
    shutil.rmtree(generated / ".kpss")
    for query, expected in zip(queries, cold, strict=True):  # each one the first run
        found = invoke(*query, "-a", str(generated))
        assert (found.exit_code, found.stdout, found.stderr) == (
            expected.exit_code,
            expected.stdout,
            expected.stderr,
        ), query
        shutil.rmtree(generated / ".kpss", ignore_errors=True)


def _toggle_line(path: Path, pattern: str, new: str) -> None:
    """Put `new` in place of the first match of `pattern`'s group 1 in `path`."""
    text = path.read_text(encoding="utf-8")
    found = re.search(pattern, text, re.M)
    assert found is not None, (path, pattern)
    path.write_text(text[: found.start(1)] + new + text[found.end(1) :], "utf-8")


def test_attendance_by_person_after_each_kind_of_edit_counts_again_only_the_edited_minutes(
    invoke: Invoke, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit of who attended, of a date (the minutes' place in the archive's order
    moves), a file added or removed, a join and a leave, or kpss.yaml's members, `attendance`
    answers as `--no-cache` in every form. By person, an edit of who attended takes the
    attendance of the edited minutes alone again (meetings/keptcount.py), not of every one."""
    from kpss_cli.meetings import attendance, keptcount

    counts = {"meetings": 0, "counted": 0}
    count_calls(monkeypatch, keptcount, "meeting_attendance", counts, "meetings")
    count_calls(monkeypatch, attendance, "counted", counts, "counted")

    def run(
        cache: bool, queries: list[list[str]] = PERSON_QUERIES + OTHER_QUERIES
    ) -> list[tuple[int, str, str]]:
        results = [invoke(*([] if cache else ["--no-cache"]), *q, "-a", str(generated)) for q in queries]
        return [(r.exit_code, r.stdout, r.stderr) for r in results]

    def same_as_cold(label: str) -> list[tuple[int, str, str]]:
        cold = run(False)
        assert run(True) == cold, label
        assert run(True) == cold, label  # warm
        return cold

    first = same_as_cold("built")
    assert first[4][0] == 2 and "no-such-group" in first[4][2]
    files = sorted(generated.glob("orp-001/seniori/*.md"))
    dusevni = sorted(generated.glob("orp-001/dusevni/*.md"))

    # Who attended: a present person renamed, then an excused one made present.
    _toggle_line(files[4], r'^  - "([^"]+)"$', "Nová Přítomná")
    cold = run(False, PERSON_QUERIES)
    counts.update(meetings=0, counted=0)
    assert run(True, PERSON_QUERIES) == cold
    assert counts == {"meetings": 1, "counted": 0}  # the edited minutes' attendance, once
    before = same_as_cold("who attended")
    assert before != first
    text = files[6].read_text(encoding="utf-8")
    excused = re.search(r'^(?:omluveni|excused):\n  - "([^"]+)"$', text, re.M)
    if excused is not None:
        files[6].write_text(text.replace(f'  - "{excused.group(1)}"', '  - "Jiná Omluvená"', 1), "utf-8")
        now = same_as_cold("excused")
        assert now != before, "excused"
        before = now
    # A date moved between two others of another group (the order changes), and back.
    _toggle_line(files[8], r"^(?:datum|date): (\S+)$", dusevni[3].stem)
    now = same_as_cold("date moved")
    assert now != before, "date moved"
    before = now
    # A file added (a new person, a member excused), one removed.
    write(
        generated / "orp-001/seniori/2019-05-30.md",
        minutes(
            'skupina: "orp-001-seniori"\ndatum: 2019-05-30\npřítomni:\n  - "Úplně Nový"\nomluveni:\n  - "Pavel Novák"'
        ),
    )
    now = same_as_cold("added")
    assert now != before, "added"
    before = now
    files[2].unlink()
    now = same_as_cold("removed")
    assert now != before, "removed"
    before = now
    # A join, then a leave, in minutes of one group: its members change from then on.
    _toggle_line(files[10], r"^(---)\n\n", 'členství:\n  - {jméno: "Úplně Nový", od: 2017-01-01}\n---')
    now = same_as_cold("joined")
    assert now != before, "joined"
    before = now
    _toggle_line(files[12], r"^(---)\n\n", 'členství:\n  - {jméno: "Úplně Nový", odstoupil: 2018-01-01}\n---')
    now = same_as_cold("left")
    assert now != before, "left"
    before = now
    # Who attended again, in an archive whose minutes record joins and leaves.
    _toggle_line(files[14], r'^  - "([^"]+)"$', "Úplně Nový")
    cold = run(False, PERSON_QUERIES)
    counts.update(meetings=0, counted=0)
    assert run(True, PERSON_QUERIES) == cold
    assert counts == {"meetings": 1, "counted": 0}
    now = same_as_cold("who attended, with joins")
    assert now != before
    before = now
    # kpss.yaml's members.
    config = generated / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "    members:\n", '    members:\n      - "Úplně Nový"\n', 1
        ),
        "utf-8",
    )
    assert same_as_cold("kpss.yaml") != before

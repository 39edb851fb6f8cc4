"""`kpss export`: the tables load into SQLite and DuckDB, the queries of docs/export.md give
what `kpss tasks` and `kpss attendance` say on the same archive, archives pool, and a failed
or refused export never damages a good one."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kpss_cli.commands.cli import app
from kpss_cli.export.schema import SCHEMA_VERSION, TABLES

from .conftest import DATA, REPO, Invoke, generate, write

duckdb = pytest.importorskip("duckdb")
pq = pytest.importorskip("pyarrow.parquet")

EXAMPLES = REPO / "examples"
DOC = (REPO / "docs" / "export.md").read_text(encoding="utf-8")
QUERIES = dict(re.findall(r"```sql\n-- query: ([a-z-]+)\n(.*?)```", DOC, re.DOTALL))
AS_OF = "2026-11-22"  # the day the overdue query of docs/export.md takes as today


def run(*args: str) -> Any:
    """`kpss --no-cache ARGS…` in-process (no index: module fixtures run outside the private cache)."""
    return CliRunner().invoke(app, ["--no-cache", *args], catch_exceptions=False)


def kpss_json(*args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def export_to(kind: str, target: Path, *archives: Path, extra: tuple[str, ...] = ()) -> Any:
    flags = [word for archive in archives for word in ("--archive", str(archive))]
    return run("export", "--to", kind, str(target), *flags, *extra)


def sqlite_rows(path: Path, sql: str) -> list[dict[str, Any]]:
    with sqlite3.connect(path) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(sql)]


def duck(folder: Path, kind: str = "parquet") -> Any:
    """A DuckDB connection with a view per table of the export in `folder`."""
    db = duckdb.connect()
    reader = "read_json" if kind == "jsonl" else "read_parquet"
    for table in TABLES:
        db.execute(f"CREATE VIEW {table.name} AS SELECT * FROM {reader}('{folder}/{table.name}.{kind}')")
    return db


def duck_rows(db: Any, sql: str) -> list[dict[str, Any]]:
    cursor = db.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, (_plain(v) for v in row), strict=True)) for row in cursor.fetchall()]


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if type(value).__name__ == "Decimal":
        return float(value)
    return value


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example archive exported in each format."""
    out = tmp_path_factory.mktemp("export")
    paths = {"sqlite": out / "kpss.sqlite", "parquet": out / "parquet", "jsonl": out / "jsonl"}
    for kind, path in paths.items():
        result = export_to(kind, path, EXAMPLES)
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return paths


def every_engine(exported: dict[str, Path], sql: str) -> list[list[dict[str, Any]]]:
    """The answers of `sql` in SQLite (the SQLite file) and DuckDB (the Parquet folder)."""
    return [sqlite_rows(exported["sqlite"], sql), duck_rows(duck(exported["parquet"]), sql)]


# The schema and the documentation


def test_the_docs_describe_every_table_and_column() -> None:
    sections = DOC.split("\n### ")
    for table in TABLES:
        found = [s for s in sections if f"`{table.name}`" in s.partition("\n")[0]]
        assert found, f"docs/export.md has no section for {table.name}"
        rows = "\n".join(line for line in found[0].splitlines() if line.startswith("|"))
        for column in table.names:
            assert f"`{column}`" in rows, f"{table.name}.{column} is not documented"
    assert f"**Schema version {SCHEMA_VERSION}.**" in DOC


def test_the_sqlite_file_declares_types_keys_and_indexes(exported: dict[str, Path]) -> None:
    with sqlite3.connect(exported["sqlite"]) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        for table in TABLES:
            info = db.execute(f"PRAGMA table_info({table.name})").fetchall()
            assert [row[1] for row in info] == table.names
            assert all(row[2] for row in info), "every column has a declared type"
            key = sorted((row[5], row[1]) for row in info if row[5])
            assert tuple(name for _, name in key) == table.key
            foreign = {row[2] for row in db.execute(f"PRAGMA foreign_key_list({table.name})")}
            assert foreign == {fk.table for fk in table.foreign}
            indexes = {row[1] for row in db.execute(f"PRAGMA index_list({table.name})") if row[3] == "c"}
            assert len(indexes) == len(table.indexes)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_parquet_files_carry_the_archive_and_the_time(exported: dict[str, Path]) -> None:
    for table in TABLES:
        meta = pq.read_schema(exported["parquet"] / f"{table.name}.parquet").metadata
        assert json.loads(meta[b"kpss.archives"]) == ["examples"]
        assert re.fullmatch(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", meta[b"kpss.exported_at"])
        assert meta[b"kpss.schema_version"] == str(SCHEMA_VERSION).encode()
    manifest = json.loads((exported["parquet"] / "kpss-export.json").read_text(encoding="utf-8"))
    assert (manifest["schema_version"], manifest["archives"]) == (SCHEMA_VERSION, ["examples"])


def test_the_three_formats_hold_the_same_rows(exported: dict[str, Path]) -> None:
    parquet = duck(exported["parquet"])
    for table in TABLES:
        order = ", ".join(table.key)
        in_sqlite = sqlite_rows(exported["sqlite"], f"SELECT * FROM {table.name} ORDER BY {order}")
        for row in in_sqlite:  # SQLite keeps booleans as 0 and 1
            for column in table.columns:
                if column.type == "bool" and row[column.name] is not None:
                    row[column.name] = bool(row[column.name])
        if table.name == "archives":
            continue  # the same but for exported_at, a moment later
        in_parquet = duck_rows(parquet, f"SELECT * FROM {table.name} ORDER BY {order}")
        path = exported["jsonl"] / f"{table.name}.jsonl"
        in_jsonl = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        in_jsonl.sort(key=lambda r: tuple(r[c] for c in table.key))
        assert in_sqlite == in_parquet == in_jsonl, table.name


# The tables against the commands


def test_tasks_are_those_of_kpss_tasks(exported: dict[str, Path]) -> None:
    expected = sorted(
        (t["id"], t["minutes"], t["group_slug"], t["owner"], t["due"], t["deadline"], t["status"])
        for t in kpss_json("tasks", "--all", "--archive", str(EXAMPLES))
    )
    sql = "SELECT task_id, minutes_id, group_slug, owner, due, deadline, status FROM tasks ORDER BY task_id"
    for rows in every_engine(exported, sql):
        assert [tuple(r.values()) for r in rows] == expected


def test_meetings_are_those_of_kpss_list(exported: dict[str, Path]) -> None:
    expected = [(m["id"], m["group_slug"], m["date"]) for m in kpss_json("list", "--archive", str(EXAMPLES))]
    for rows in every_engine(
        exported, "SELECT minutes_id, group_slug, date FROM meetings ORDER BY date, minutes_id"
    ):
        assert [tuple(r.values()) for r in rows] == expected


def test_task_events_are_the_history_of_kpss_task(exported: dict[str, Path]) -> None:
    ids = [t["id"] for t in kpss_json("tasks", "--all", "--archive", str(EXAMPLES))]
    expected = sorted(
        (task["id"], seq, step["minutes"], step["date"], step["status"], step["note"], step["due"])
        for task in kpss_json("task", *ids, "--archive", str(EXAMPLES))
        for seq, step in enumerate(task["history"])
    )
    sql = "SELECT task_id, seq, minutes_id, date, status, note, due FROM task_events ORDER BY task_id, seq"
    for rows in every_engine(exported, sql):
        assert [tuple(r.values()) for r in rows] == expected
    assert any(seq > 0 for _, seq, *_ in expected)


def test_the_last_deadline_of_a_task_is_its_deadline(exported: dict[str, Path]) -> None:
    sql = """
        SELECT t.task_id, t.deadline, d.deadline AS last FROM tasks t
        JOIN deadlines d ON d.archive = t.archive AND d.task_id = t.task_id
        WHERE d.seq = (SELECT MAX(seq) FROM deadlines e WHERE e.archive = d.archive AND e.task_id = d.task_id)
    """
    for rows in every_engine(exported, sql):
        assert rows and all(r["deadline"] == r["last"] for r in rows)
    with_due = sqlite_rows(exported["sqlite"], "SELECT COUNT(*) AS n FROM tasks WHERE due IS NOT NULL")
    assert len(sqlite_rows(exported["sqlite"], sql)) == with_due[0]["n"]


def test_deadlines_moved_and_carried(tmp_path: Path, invoke: Invoke) -> None:
    write(tmp_path / "a" / "kpss.yaml", "organisation: Test\n")
    write(
        tmp_path / "a" / "g" / "2026-01-10.md",
        "---\nskupina: G\ndatum: 2026-01-10\núkoly:\n"
        "  - úkol: A\n    termín: 2026-02-28\n  - úkol: B\n    termín: do příštího jednání\n---\n",
    )
    write(
        tmp_path / "a" / "g" / "2026-03-10.md",
        "---\nskupina: G\ndatum: 2026-03-10\nupdates:\n"
        "  - id: g/2026-01-10#1\n    status: open\n    due: 2026-06-30\n"
        "  - id: g/2026-01-10#2\n    status: open\n---\n",
    )
    write(tmp_path / "a" / "g" / "2026-05-10.md", "---\nskupina: G\ndatum: 2026-05-10\n---\n")
    target = tmp_path / "out.sqlite"
    result = invoke("export", "--to", "sqlite", str(target), "--archive", str(tmp_path / "a"))
    assert result.exit_code == 0, result.stderr
    rows = sqlite_rows(
        target, "SELECT task_id, seq, reason, due, deadline FROM deadlines ORDER BY task_id, seq"
    )
    assert [tuple(r.values()) for r in rows] == [
        ("g/2026-01-10#1", 0, "set", "2026-02-28", "2026-02-28"),
        ("g/2026-01-10#1", 1, "moved", "2026-06-30", "2026-06-30"),
        ("g/2026-01-10#2", 0, "set", "do příštího jednání", "2026-03-10"),
        ("g/2026-01-10#2", 1, "carried", "do příštího jednání", "2026-05-10"),
    ]
    tasks = kpss_json("tasks", "--all", "--archive", str(tmp_path / "a"))
    assert [t["deadline"] for t in tasks if t["id"] == "g/2026-01-10#2"] == ["2026-05-10"]
    moves = sqlite_rows(target, QUERIES["deadline-moves"])
    assert [(r["task_id"], r["moves"], r["first"], r["last"]) for r in moves] == [
        ("g/2026-01-10#1", 1, "2026-02-28", "2026-06-30"),
        ("g/2026-01-10#2", 1, "2026-03-10", "2026-05-10"),
    ]


# The documented queries


def test_every_documented_query_runs_in_sqlite_and_duckdb(exported: dict[str, Path]) -> None:
    assert len(QUERIES) >= 7
    for name, sql in QUERIES.items():
        # The example archive moves no deadline: test_deadlines_moved_and_carried runs that one.
        some = name != "deadline-moves"
        assert sqlite_rows(exported["sqlite"], sql) or not some, f"{name} gives nothing in SQLite"
        if name != "overdue":  # julianday is SQLite's; the docs say so
            assert duck_rows(duck(exported["parquet"]), sql) or not some, f"{name} gives nothing in DuckDB"


def test_duckdb_reads_the_json_lines_export_to_the_same_answers(exported: dict[str, Path]) -> None:
    jsonl, parquet = duck(exported["jsonl"], "jsonl"), duck(exported["parquet"])
    for name, sql in QUERIES.items():
        if name != "overdue":  # julianday is SQLite's
            assert sorted(map(repr, duck_rows(jsonl, sql))) == sorted(map(repr, duck_rows(parquet, sql))), (
                name
            )


def test_attendance_per_person_is_kpss_attendance(exported: dict[str, Path]) -> None:
    expected = sorted(
        (r["person"], r["org"], r["present"], r["excused"], r["absent"], r["guest"], r["rate"])
        for r in kpss_json("attendance", "--archive", str(EXAMPLES))
    )
    for rows in every_engine(exported, QUERIES["attendance-per-person"]):
        got = sorted(
            (r["person"], r["org"], r["present"], r["excused"], r["absent"], r["guest"], r["rate"])
            for r in rows
        )
        assert got == expected


def test_attendance_per_org_per_year_sums_to_kpss_attendance_by_org(exported: dict[str, Path]) -> None:
    expected = {
        r["org"]: (r["present"], r["excused"], r["absent"], r["guest"])
        for r in kpss_json("attendance", "--by", "org", "--archive", str(EXAMPLES))
    }
    for rows in every_engine(exported, QUERIES["attendance-per-org-per-year"]):
        summed: dict[str | None, Counter[str]] = {}
        for row in rows:
            for key in ("present", "excused", "absent", "guest"):
                summed.setdefault(row["org"], Counter())[key] += row[key]
        got = {org: (c["present"], c["excused"], c["absent"], c["guest"]) for org, c in summed.items()}
        assert got == expected
        assert len({r["year"] for r in rows}) > 1


def test_tasks_done_late_per_group_agree_with_the_task_histories(exported: dict[str, Path]) -> None:
    tasks = kpss_json("tasks", "--done", "--archive", str(EXAMPLES))
    ids = [t["id"] for t in tasks if t["deadline"]]
    late: Counter[str] = Counter()
    done: Counter[str] = Counter()
    for task in kpss_json("task", *ids, "--archive", str(EXAMPLES)):
        done[task["group"]] += 1
        late[task["group"]] += task["history"][-1]["date"] > task["deadline"]
    for rows in every_engine(exported, QUERIES["tasks-done-late-per-group"]):
        assert {r["group"]: (r["done"], r["done_late"]) for r in rows} == {
            g: (done[g], late[g]) for g in done
        }
        assert all(r["done_by_next_meeting"] <= r["done"] for r in rows)


def test_tasks_per_status_per_group_are_kpss_tasks_counts(exported: dict[str, Path]) -> None:
    counts: dict[str, Counter[str]] = {}
    for task in kpss_json("tasks", "--all", "--archive", str(EXAMPLES)):
        counts.setdefault(task["group_slug"], Counter())[task["status"]] += 1
    expected = {g: (c["open"], c["done"], c["cancelled"]) for g, c in counts.items()}
    for rows in every_engine(exported, QUERIES["tasks-per-status-per-group"]):
        assert {r["group_slug"]: (r["open"], r["done"], r["cancelled"]) for r in rows} == expected


def test_overdue_is_kpss_tasks_overdue(exported: dict[str, Path]) -> None:
    expected = sorted(
        (t["id"], t["days_overdue"])
        for t in kpss_json("tasks", "--overdue", "--as-of", AS_OF, "--archive", str(EXAMPLES))
    )
    rows = sqlite_rows(exported["sqlite"], QUERIES["overdue"])
    assert sorted((r["task_id"], r["days_overdue"]) for r in rows) == expected
    assert expected


# Several archives


def test_two_archives_pool_into_one_dataset(tmp_path: Path) -> None:
    archives = (EXAMPLES, DATA / "archive")
    result = export_to("parquet", tmp_path / "pooled", *archives)
    assert result.exit_code == 0, result.stderr
    pooled = duck(tmp_path / "pooled")
    names = [r["archive"] for r in duck_rows(pooled, "SELECT archive FROM archives ORDER BY archive")]
    assert names == ["archive", "examples"]
    for name, archive in zip(("examples", "archive"), archives, strict=True):
        tasks = kpss_json("tasks", "--all", "--archive", str(archive))
        got = duck_rows(
            pooled, f"SELECT task_id, status FROM tasks WHERE archive = '{name}' ORDER BY task_id"
        )
        assert [(r["task_id"], r["status"]) for r in got] == sorted((t["id"], t["status"]) for t in tasks)
    rows = duck_rows(pooled, QUERIES["tasks-per-status-per-group"])
    assert {r["archive"] for r in rows} == {"archive", "examples"}


@pytest.mark.parametrize("kind", ["sqlite", "parquet", "jsonl"])
def test_append_gives_what_pooling_gives(tmp_path: Path, kind: str) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert export_to(kind, two, EXAMPLES, DATA / "archive").exit_code == 0
    assert export_to(kind, one, EXAMPLES).exit_code == 0
    result = export_to(kind, one, DATA / "archive", extra=("--append",))
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    for table in TABLES:
        if table.name != "archives":
            assert contents(kind, one, table.name) == contents(kind, two, table.name), table.name
    again = export_to(kind, one, EXAMPLES, extra=("--append",))
    assert again.exit_code == 2
    assert again.stderr.startswith("kpss: error: ") and "already holds the archive examples" in again.stderr


def contents(kind: str, target: Path, table: str) -> list[tuple[Any, ...]]:
    if kind == "sqlite":
        return sorted(tuple(r.values()) for r in sqlite_rows(target, f"SELECT * FROM {table}"))
    if kind == "parquet":
        return sorted(tuple(r.values()) for r in pq.read_table(target / f"{table}.parquet").to_pylist())
    lines = (target / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted(tuple(json.loads(line).values()) for line in lines)


def test_two_archives_of_one_name_need_names(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "examples"
    other.parent.mkdir()
    os.symlink(EXAMPLES, other)  # another folder of the same name
    result = export_to("sqlite", tmp_path / "x.sqlite", EXAMPLES, other)
    assert result.exit_code == 2 and "tell them apart with --name" in result.stderr
    result = export_to("sqlite", tmp_path / "x.sqlite", EXAMPLES, other, extra=("--name", "a", "--name", "b"))
    assert result.exit_code == 0, result.stderr
    assert sqlite_rows(tmp_path / "x.sqlite", "SELECT archive FROM archives ORDER BY 1") == [
        {"archive": "a"},
        {"archive": "b"},
    ]


# Bad input, and atomic writes


def test_an_existing_target_is_refused_without_force(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "kpss.sqlite"
    assert export_to("sqlite", target, DATA / "archive").exit_code == 0
    before = target.read_bytes()
    result = export_to("sqlite", target, EXAMPLES)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"kpss: error: {target} already exists; add --force to replace it or --append to add to it\n"
    )
    assert target.read_bytes() == before
    result = export_to("sqlite", target, EXAMPLES, extra=("--force",))
    assert result.exit_code == 0, result.stderr
    assert sqlite_rows(target, "SELECT archive FROM archives") == [{"archive": "examples"}]
    assert sorted(p.name for p in target.parent.iterdir()) == ["kpss.sqlite"]  # no temporary file left


@pytest.mark.parametrize(
    ("kind", "make", "message"),
    [
        ("sqlite", lambda p: p.write_text("my notes"), "is not a kpss export"),
        ("sqlite", lambda p: p.mkdir(), "is a folder"),
        ("parquet", lambda p: write(p / "thesis.docx", "mine"), "is not a kpss export"),
        ("jsonl", lambda p: p.write_text("x"), "is not a folder"),
    ],
)
def test_force_never_replaces_what_is_not_an_export(
    tmp_path: Path, kind: str, make: Any, message: str
) -> None:
    target = tmp_path / "target"
    make(target)
    result = export_to(kind, target, EXAMPLES, extra=("--force",))
    assert result.exit_code == 2
    assert result.stderr.startswith("kpss: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert target.exists()


def test_a_missing_or_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    result = export_to("sqlite", tmp_path / "no" / "such" / "kpss.sqlite", EXAMPLES)
    assert result.exit_code == 2
    assert result.stderr.startswith("kpss: error: cannot write ") and "does not exist" in result.stderr
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        result = export_to("jsonl", locked / "out", EXAMPLES)
        assert result.exit_code == 2
        assert result.stderr.startswith("kpss: error: cannot write ") and result.stderr.count("\n") == 1


def test_force_and_append_exclude_each_other(tmp_path: Path) -> None:
    result = export_to("sqlite", tmp_path / "x.sqlite", EXAMPLES, extra=("--force", "--append"))
    assert result.exit_code == 2 and "exclude each other" in result.stderr


@pytest.mark.parametrize("kind", ["sqlite", "jsonl", "parquet"])
def test_a_failed_export_leaves_the_good_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from kpss_cli.export import write as writer

    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "export"
    assert export_to(kind, target, DATA / "archive").exit_code == 0
    before = contents(kind, target, "tasks")

    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    if kind == "sqlite":
        monkeypatch.setattr(writer, "_stamp_sqlite", broken)
    else:  # Parquet: by a process of its own
        monkeypatch.setattr(writer, "_write_parquet_apart" if kind == "parquet" else "_write_jsonl", broken)
    result = export_to(kind, target, EXAMPLES, extra=("--force",))
    assert result.exit_code == 2
    assert result.stderr == f"kpss: error: cannot write {target}: no space left on the disk\n"
    assert contents(kind, target, "tasks") == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["export"]  # the temporary one is gone


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="needs pyarrow")
def test_the_parquet_writers_failure_is_told_by_its_number(tmp_path: Path) -> None:
    from kpss_cli.export import write as writer

    spill = writer.Spill(tmp_path / "spill")
    spill.flush()
    try:  # a folder that is not there: the process writing the files fails as open() does
        with pytest.raises(FileNotFoundError):
            writer._write_parquet_apart(tmp_path / "gone", spill, ["a"], "2026-01-01T00:00:00+00:00")
        writer._write_parquet_apart(tmp_path, spill, ["a"], "2026-01-01T00:00:00+00:00")
    finally:
        spill.close()
    assert sorted(p.name for p in tmp_path.glob("*.parquet")) == sorted(f"{t.name}.parquet" for t in TABLES)


def test_files_with_errors_are_reported_and_the_rest_exported(tmp_path: Path) -> None:
    result = export_to("sqlite", tmp_path / "x.sqlite", DATA / "broken")
    assert result.exit_code == 2
    assert "kpss: error: " in result.stderr
    [row] = sqlite_rows(tmp_path / "x.sqlite", "SELECT minutes, errors FROM archives")
    assert row["minutes"] > 0 and row["errors"] > 0
    assert sqlite_rows(tmp_path / "x.sqlite", "PRAGMA foreign_key_check") == []


# A generated archive against its ground truth (skips without ../shared)


def test_a_generated_archive_matches_its_expected_json(tmp_path_factory: pytest.TempPathFactory) -> None:
    root = generate(tmp_path_factory, 400, 24)
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    out = tmp_path_factory.mktemp("generated-export")
    result = export_to("parquet", out / "one", root)
    assert result.exit_code == 0, result.stderr
    db = duck(out / "one")
    statuses = {
        r["status"]: r["n"] for r in duck_rows(db, "SELECT status, COUNT(*) AS n FROM tasks GROUP BY 1")
    }
    assert sum(statuses.values()) == expected["tasks"]
    assert (statuses.get("open", 0), statuses.get("done", 0), statuses.get("cancelled", 0)) == (
        expected["open"],
        expected["done"],
        expected["cancelled"],
    )
    assert duck_rows(db, "SELECT COUNT(*) AS n FROM meetings") == [{"n": expected["files"]}]
    overdue = duck_rows(
        db,
        f"SELECT task_id FROM tasks WHERE status = 'open' AND deadline < DATE '{expected['as_of']}' ORDER BY 1",
    )
    assert [r["task_id"] for r in overdue] == expected["overdue"]
    people = duck_rows(
        db,
        """SELECT p.person,
                  SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END) AS present,
                  SUM(CASE WHEN a.status = 'excused' THEN 1 ELSE 0 END) AS excused
           FROM attendance a JOIN people p ON p.archive = a.archive AND p.person_key = a.person_key
           GROUP BY a.archive, a.person_key, p.person""",
    )
    got = {r["person"]: {"present": r["present"], "excused": r["excused"]} for r in people}
    assert {k: v for k, v in got.items() if v["present"] or v["excused"]} == expected["attendance"]
    for name, sql in QUERIES.items():  # the documented queries run on it in DuckDB
        if name != "overdue":
            duck_rows(db, sql)
    # Two generated archives pooled: the counts add up, the keys stay apart.
    other = generate(tmp_path_factory, 200, 25)
    result = export_to("sqlite", out / "pooled.sqlite", root, other, extra=("--name", "a", "--name", "b"))
    assert result.exit_code == 0, result.stderr
    counts = sqlite_rows(
        out / "pooled.sqlite", "SELECT archive, COUNT(*) AS n FROM meetings GROUP BY 1 ORDER BY 1"
    )
    assert counts == [{"archive": "a", "n": 400}, {"archive": "b", "n": 200}]
    assert sqlite_rows(out / "pooled.sqlite", "PRAGMA foreign_key_check") == []


def test_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(
        sys.modules, "pyarrow", None
    )  # import pyarrow now fails, as where it is not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (tmp_path / "out").mkdir()
    result = export_to("parquet", tmp_path / "out" / "p", EXAMPLES)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "kpss: error: --to parquet needs pyarrow: pip install 'kpss[parquet]' (or pip install pyarrow)\n"
    )
    assert list((tmp_path / "out").iterdir()) == []


def test_an_empty_folder_is_as_good_as_none(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    result = export_to("jsonl", target, EXAMPLES)
    assert (result.exit_code, result.stderr) == (0, "")
    assert (target / "kpss-export.json").is_file()


def test_it_says_how_many_rows_each_table_holds(tmp_path: Path) -> None:
    result = export_to("sqlite", tmp_path / "x.sqlite", EXAMPLES)
    [tasks] = sqlite_rows(tmp_path / "x.sqlite", "SELECT COUNT(*) AS n FROM tasks")
    assert result.stdout.startswith(f"{tmp_path / 'x.sqlite'}: archives 1, groups 4, ")
    assert f", tasks {tasks['n']}, " in result.stdout and result.stdout.count("\n") == 1


# From the index, a record at a time


def export_files(kind: str, target: Path) -> dict[str, Any]:
    """What an export holds, its time left out: each file's text (JSON Lines), each table's
    rows in their order (Parquet, SQLite: in the order `SELECT *` gives them)."""
    if kind == "sqlite":
        with sqlite3.connect(target) as db:
            return {t.name: db.execute(f"SELECT * FROM {t.name}").fetchall() for t in TABLES}
    found: dict[str, Any] = {}
    for path in sorted(target.iterdir()):
        if kind == "parquet" and path.suffix == ".parquet":
            found[path.name] = pq.read_table(path).to_pylist()
        elif path.name != "kpss-export.json":
            found[path.name] = path.read_text(encoding="utf-8")
    return found


def without_times(found: dict[str, Any]) -> str:
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", "TIME", repr(found))


@pytest.mark.parametrize("kind", ["sqlite", "jsonl", "parquet"])
def test_an_export_from_the_index_is_the_cold_one(
    invoke: Invoke,
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    import shutil

    from kpss_cli.export import rows
    from kpss_cli.store import loading

    root = Path(shutil.copytree(generate(tmp_path_factory, 300, 31), tmp_path / "archive"))
    write(root / "orp-001/broken.md", "---\ngroup: x\ndate: 2019-02-30\n---\n")

    def exported(name: str, *options: str) -> tuple[str, str]:
        result = invoke(*options, "export", "--to", kind, str(tmp_path / name), "--archive", str(root))
        assert result.exit_code == 2 and "broken.md" in result.stderr  # reported either way
        return without_times(export_files(kind, tmp_path / name)), result.stderr

    cold = exported("cold", "--no-cache")
    assert invoke("tasks", "--archive", str(root)).exit_code == 2  # the index and its snapshot
    streamed: list[Any] = []
    original = loading.stream_records

    original_text = rows.from_index

    def spy(archive: Any) -> Any:
        streamed.append(records := original(archive))
        return records

    def spy_text(*args: Any) -> Any:  # JSON Lines: the rows' text kept in the index
        if (found := original_text(*args)) is not None:
            streamed.append(found)
        return found

    monkeypatch.setattr(loading, "stream_records", spy)
    monkeypatch.setattr(rows, "from_index", spy_text)
    assert exported("warm") == cold
    assert streamed and streamed[-1] is not None  # from the index, not loaded
    # A file changed since its row was kept: the snapshot is brought up to date (incremental.py)
    # and the changed file parsed, not the archive loaded; the answer the same.
    files = sorted(root.glob("orp-001/seniori/*.md"))
    text = files[2].read_text(encoding="utf-8")
    files[2].write_text(text.replace("---\n\n", "---\n\nÚkol: Nový úkol; Zajistí: Eva Nová\n\n", 1), "utf-8")
    changed = exported("changed-cold", "--no-cache")
    assert changed != cold
    assert exported("changed") == changed
    assert streamed[-1] is not None

"""The `kpss` command as users run it: stdout, stderr and exit codes of every command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from kpss_cli.core import __version__

from .conftest import DATA, Invoke, minutes, write

EXPECTED = DATA / "expected"
AS_OF = "2022-02-01"


def golden(name: str) -> str:
    return (EXPECTED / name).read_text(encoding="utf-8")


# --- basics ------------------------------------------------------------------------------------


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"kpss {__version__}\n", "")


@pytest.mark.parametrize("command", ["list", "show", "tasks", "task"])
def test_every_command_has_help_with_an_example(invoke: Invoke, command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example: kpss " + command in result.stdout
    assert "--archive" in result.stdout


# --- list --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"), [("json", "list.json"), ("csv", "list.csv"), ("tsv", "list.tsv"), ("table", "list.txt")]
)
def test_list_formats(invoke: Invoke, archive: Path, fmt: str, name: str) -> None:
    result = invoke("list", "--archive", str(archive), "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden(name)


def test_list_jsonl_carries_the_json_rows(invoke: Invoke, archive: Path) -> None:
    result = invoke("list", "-a", str(archive), "-f", "jsonl")
    assert [json.loads(line) for line in result.stdout.splitlines()] == json.loads(golden("list.json"))


def test_piped_table_has_no_colour_or_box_drawing(invoke: Invoke, archive: Path) -> None:
    output = invoke("list", "-a", str(archive)).stdout
    assert "\x1b[" not in output and not re.search("[─│┃━]", output)


@pytest.mark.parametrize("group", ["seniori", "Pracovní skupina Senioři", "PRACOVNI SKUPINA SENIORI"])
def test_list_group_by_slug_or_name_ignoring_case_and_accents(
    invoke: Invoke, archive: Path, group: str
) -> None:
    result = invoke("list", "-a", str(archive), "--group", group, "-f", "jsonl")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "seniori/2022-01-10",
        "seniori/2022-03-14",
    ]


def test_list_since_until_are_inclusive(invoke: Invoke, archive: Path) -> None:
    result = invoke(
        "list", "-a", str(archive), "--since", "2022-01-10", "--until", "19. 1. 2022", "-f", "tsv"
    )
    assert [line.split("\t")[0] for line in result.stdout.splitlines()[1:]] == [
        "seniori/2022-01-10",
        "ridici/2022-01-19",
    ]


def test_unknown_group_names_the_known_ones(invoke: Invoke, archive: Path) -> None:
    result = invoke("list", "-a", str(archive), "--group", "rodina")
    assert result.exit_code == 2
    assert result.stderr == "kpss: error: no group 'rodina'; known groups: ridici, seniori\n"


def test_bad_date_option(invoke: Invoke, archive: Path) -> None:
    result = invoke("list", "-a", str(archive), "--since", "2022-13-01")
    assert (result.exit_code, result.stderr) == (
        2,
        "kpss: error: --since: '2022-13-01' is not a date (write 5. 3. 2027, 2027-03-05, 5. 3., zítra or příští úterý)\n",
    )


def test_empty_results_are_valid_in_every_format(invoke: Invoke, archive: Path) -> None:
    outputs = {
        fmt: invoke("list", "-a", str(archive), "--since", "2030-01-01", "-f", fmt).stdout_bytes
        for fmt in ("json", "jsonl", "csv", "tsv")
    }
    assert outputs == {
        "json": b"[]\n",
        "jsonl": b"",
        "csv": b"id,group,date,time,place,present,excused,absent,guests,tasks\r\n",
        "tsv": b"id\tgroup\tdate\ttime\tplace\tpresent\texcused\tabsent\tguests\ttasks\n",
    }


def test_broken_files_are_reported_and_the_rest_still_listed(
    invoke: Invoke, broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(broken.parent)
    result = invoke("list", "--archive", "broken", "-f", "tsv")
    assert result.exit_code == 2
    assert [line.split("\t")[0] for line in result.stdout.splitlines()[1:]] == ["good", "cp1250"]
    assert result.stderr.splitlines() == [
        "kpss: error: broken/bad-date.md:4: 'date' is not a date: '2022-02-30' (write 2021-12-15 or 15. 12. 2021)",
        "kpss: warning: broken/cp1250.md:1: not valid UTF-8; read as Windows-1250",
        "kpss: error: broken/duplicate.md:4: duplicate key 'datum': 'date' is already given on line 3",
        "kpss: error: broken/not-mapping.md:2: front matter must be a mapping of keys to values",
        "kpss: error: broken/unclosed.md:1: front matter is not closed: no line `---` after it",
        "kpss: error: broken/yaml-error.md:5: YAML: a colon inside a value: put the value in quotes",
    ]


def test_no_traceback_for_a_missing_archive(invoke: Invoke) -> None:
    result = invoke("list", "--archive", "nowhere")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "kpss: error: archive folder not found: nowhere\n",
    )


def test_archive_from_the_environment(invoke: Invoke, archive: Path) -> None:
    result = invoke("list", "-f", "csv", env={"KPSS_ARCHIVE": str(archive)})
    assert result.stdout == golden("list.csv")


def test_archive_found_upwards(invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(archive / "ridici")
    assert invoke("list", "-f", "csv").stdout == golden("list.csv")


# --- show --------------------------------------------------------------------------------------


def test_show_json(invoke: Invoke, archive: Path) -> None:
    result = invoke("show", "ridici/2021-12-15", "-a", str(archive), "-f", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == json.loads(golden("show.json"))


def test_show_text(invoke: Invoke, archive: Path) -> None:
    assert invoke("show", "ridici/2021-12-15", "-a", str(archive)).stdout == golden("show.txt")


def test_show_accepts_a_path(invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(archive.parent)
    for ref in (
        "archive/ridici/2021-12-15.md",
        str(archive / "ridici/2021-12-15.md"),
        "ridici/2021-12-15.md",
    ):
        result = invoke("show", ref, "-a", "archive", "-f", "json")
        assert json.loads(result.stdout)["id"] == "ridici/2021-12-15", ref


def test_show_unknown(invoke: Invoke, archive: Path) -> None:
    result = invoke("show", "ridici/1999-01-01", "-a", str(archive))
    assert result.exit_code == 2
    assert result.stderr == "kpss: error: no minutes 'ridici/1999-01-01' in the archive (see `kpss list`)\n"


def test_show_keeps_unknown_keys_and_body(invoke: Invoke, archive: Path) -> None:
    data = json.loads(invoke("show", "ridici/2021-12-15", "-a", str(archive), "-f", "json").stdout)
    assert data["extra"] == {"web": "https://example.org/zapisy"}
    assert data["body"].startswith("\n# Zápis z jednání řídicí skupiny")


# --- tasks -------------------------------------------------------------------------------------


def ids(result) -> list[str]:
    return [row["id"] for row in json.loads(result.stdout)]


def test_tasks_all_json_golden(invoke: Invoke, archive: Path) -> None:
    result = invoke("tasks", "--all", "-a", str(archive), "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(golden("tasks-all.json"))
    assert result.stderr == "kpss: note: 1 task has a deadline kpss cannot read; `kpss check` shows where\n"


@pytest.mark.parametrize(("fmt", "name"), [("md", "tasks-all.md"), ("table", "tasks-all.txt")])
def test_tasks_for_people(invoke: Invoke, archive: Path, fmt: str, name: str) -> None:
    result = invoke("tasks", "--all", "-a", str(archive), "--as-of", AS_OF, "-f", fmt)
    assert result.stdout == golden(name)


def test_default_is_open_tasks_overdue_first_then_by_deadline(invoke: Invoke, archive: Path) -> None:
    result = invoke("tasks", "-a", str(archive), "--as-of", AS_OF, "-f", "json")
    assert ids(result) == [
        "seniori/2022-01-10#1",  # overdue
        "seniori/2022-01-10#2",  # 2022-03-31, meeting 2022-01-10
        "ridici/2022-01-19#1",  # 2022-03-31, meeting 2022-01-19
        "ridici/2022-01-19#2",  # průběžně: no deadline
        "ridici/2022-01-19#3",  # unreadable: no deadline
    ]


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--done"], ["ridici/2021-12-15#1", "ridici/2021-12-15#3"]),
        (["--cancelled"], ["ridici/2021-12-15#2"]),
        (["--done", "--cancelled"], ["ridici/2021-12-15#1", "ridici/2021-12-15#3", "ridici/2021-12-15#2"]),
        (["--overdue"], ["seniori/2022-01-10#1"]),
        (
            ["--overdue", "--as-of", "2022-04-01"],
            ["seniori/2022-01-10#1", "seniori/2022-01-10#2", "ridici/2022-01-19#1"],
        ),
        (["--group", "ridici"], ["ridici/2022-01-19#1", "ridici/2022-01-19#2", "ridici/2022-01-19#3"]),
        (["--due-before", "2022-03-01"], ["seniori/2022-01-10#1"]),
        (["--due-after", "2022-02-01"], ["seniori/2022-01-10#2", "ridici/2022-01-19#1"]),
        (["--due-within", "57"], []),
        (["--due-within", "58"], ["seniori/2022-01-10#2", "ridici/2022-01-19#1"]),
        (["--since", "2022-01-19"], ["ridici/2022-01-19#1", "ridici/2022-01-19#2", "ridici/2022-01-19#3"]),
        (["--until", "2022-01-10"], ["seniori/2022-01-10#1", "seniori/2022-01-10#2"]),
        (["--all", "--owner", "morcova"], ["ridici/2021-12-15#3", "ridici/2022-01-19#2"]),
        (["--owner", "Ing. Pavel Kalous"], ["seniori/2022-01-10#2"]),
        (["--owner", "PAVEL KALOUS"], ["seniori/2022-01-10#2"]),
        (["--owner", "kalous"], ["seniori/2022-01-10#2"]),
        (["--owner", "pavel"], ["seniori/2022-01-10#2"]),
        (["--owner", "kal"], []),  # whole words only
        (["--all", "--owner", "Sochůrková"], ["ridici/2021-12-15#2"]),  # "A. Sochůrková"
        (["--owner", "Olga Merglová", "--group", "seniori"], ["seniori/2022-01-10#1"]),
    ],
)
def test_task_filters(invoke: Invoke, archive: Path, flags: list[str], expected: list[str]) -> None:
    result = invoke("tasks", "-a", str(archive), "--as-of", AS_OF, "-f", "json", *flags)
    assert result.exit_code == 0
    assert ids(result) == expected


def test_owner_aliases_join_old_and_new_names(invoke: Invoke, archive: Path) -> None:
    # kpss.yaml: "Olga Nováková" is now "Olga Merglová".
    write(
        archive / "seniori/2022-04-01.md",
        minutes("group: seniori\ndate: 2022-04-01\ntasks: [{task: T, owner: Bc. Olga Nováková}]"),
    )
    result = invoke("tasks", "-a", str(archive), "--as-of", AS_OF, "-f", "json", "--owner", "merglova")
    assert ids(result) == ["seniori/2022-01-10#1", "ridici/2022-01-19#3", "seniori/2022-04-01#1"]


def test_as_of_from_kpss_today(invoke: Invoke, archive: Path) -> None:
    result = invoke("tasks", "--overdue", "-a", str(archive), "-f", "json", env={"KPSS_TODAY": "2022-04-01"})
    assert len(ids(result)) == 3


def test_overdue_notes_unreadable_deadlines(invoke: Invoke, archive: Path) -> None:
    result = invoke("tasks", "--overdue", "-a", str(archive), "--as-of", AS_OF, "-f", "json")
    assert "ridici/2022-01-19#3" not in ids(result)
    assert result.stderr == (
        "kpss: note: 1 task has a deadline kpss cannot read and cannot be overdue; `kpss check` shows where\n"
    )


def test_fail_if_any(invoke: Invoke, archive: Path) -> None:
    late = invoke("tasks", "--overdue", "--fail-if-any", "-a", str(archive), "--as-of", AS_OF, "-f", "csv")
    assert late.exit_code == 1 and "seniori/2022-01-10#1" in late.stdout
    early = invoke(
        "tasks", "--overdue", "--fail-if-any", "-a", str(archive), "--as-of", "2022-01-01", "-f", "csv"
    )
    assert early.exit_code == 0 and early.stdout.count("\n") == 1


def test_csv_is_rfc4180_and_excel_gets_bom_and_semicolons(invoke: Invoke, archive: Path) -> None:
    plain = invoke("tasks", "--all", "-a", str(archive), "--as-of", AS_OF, "-f", "csv").stdout_bytes
    rows = list(csv.DictReader(io.StringIO(plain.decode(), newline="")))
    assert len(rows) == 8 and rows[0]["id"] == "seniori/2022-01-10#1" and rows[0]["days_overdue"] == "1"
    assert plain.count(b"\r\n") == 9
    excel = invoke("tasks", "--all", "-a", str(archive), "--as-of", AS_OF, "--excel").stdout
    assert excel.startswith("\ufeffid;group;meeting_date;task;")
    assert list(csv.DictReader(io.StringIO(excel[1:]), delimiter=";")) == rows


def test_jsonl_csv_and_json_carry_the_same_rows(invoke: Invoke, archive: Path) -> None:
    args = ("tasks", "--all", "-a", str(archive), "--as-of", AS_OF, "-f")
    as_json = json.loads(invoke(*args, "json").stdout)
    as_jsonl = [json.loads(line) for line in invoke(*args, "jsonl").stdout.splitlines()]
    as_csv = list(csv.DictReader(io.StringIO(invoke(*args, "csv").stdout)))
    assert as_json == as_jsonl
    assert [r["id"] for r in as_csv] == [r["id"] for r in as_json]
    assert [r["deadline"] or None for r in as_csv] == [r["deadline"] for r in as_json]


def test_by_owner(invoke: Invoke, archive: Path) -> None:
    result = invoke("tasks", "--by", "owner", "-a", str(archive), "--as-of", AS_OF, "-f", "json")
    sections = json.loads(result.stdout)
    # By surname, in Czech order (#17: they were sorted by first name).
    assert [(s["owner"], s["count"], [t["id"] for t in s["tasks"]]) for s in sections] == [
        ("Ing. Pavel Kalous", 1, ["seniori/2022-01-10#2"]),
        ("Olga Merglová", 2, ["seniori/2022-01-10#1", "ridici/2022-01-19#3"]),
        ("Dana Morcová", 1, ["ridici/2022-01-19#2"]),
        ("Lukáš Průcha", 1, ["ridici/2022-01-19#1"]),
    ]
    table = invoke("tasks", "--by", "owner", "-a", str(archive), "--as-of", AS_OF).stdout
    assert table.startswith("Ing. Pavel Kalous (1)\nID ")
    assert "\nOlga Merglová (2)\n" in table


def test_by_group(invoke: Invoke, archive: Path) -> None:
    result = invoke("tasks", "--by", "group", "-a", str(archive), "--as-of", AS_OF, "-f", "jsonl")
    assert [(s["group"], s["count"]) for s in map(json.loads, result.stdout.splitlines())] == [
        ("Pracovní skupina Senioři", 2),
        ("Řídicí pracovní skupina", 3),
    ]


def test_template_file(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    template = write(
        tmp_path / "t.txt.j2",
        "{% for t in tasks %}{{ t.owner }}: {{ t.task }} ({{ t.deadline | czech_date }})\n{% endfor %}",
    )
    result = invoke("tasks", "--overdue", "-a", str(archive), "--as-of", AS_OF, "--template", str(template))
    assert (result.exit_code, result.stdout) == (
        0,
        "Olga Merglová: Update the catalogue of providers (31. 1. 2022)\n",
    )


def test_packaged_czech_task_list_template(invoke: Invoke, archive: Path) -> None:
    result = invoke("tasks", "-a", str(archive), "--as-of", AS_OF, "--template", "tasks.md.j2")
    assert result.exit_code == 0
    assert result.stdout == golden("tasks.md")


def test_template_typo_names_file_and_line(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    template = write(tmp_path / "typo.j2", "Úkoly\n{{ tasks[0].ownr }}\n")
    result = invoke("tasks", "-a", str(archive), "--as-of", AS_OF, "--template", str(template))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"kpss: error: {template}:2: template: 'dict object' has no attribute 'ownr'\n"
    )


def test_template_cannot_reach_python_internals(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    template = write(tmp_path / "evil.j2", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    result = invoke("tasks", "-a", str(archive), "--as-of", AS_OF, "--template", str(template))
    assert result.exit_code == 2
    assert "template refused" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_task_history(invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(archive)
    result = invoke("task", "ridici/2021-12-15#2")
    assert (result.exit_code, result.stdout) == (0, golden("task.txt"))
    data = json.loads(invoke("task", "ridici/2021-12-15#2", "-a", str(archive), "-f", "json").stdout)
    assert [(h["date"], h["status"], h["line"]) for h in data["history"]] == [
        ("2021-12-15", "open", 35),
        ("2022-01-19", "cancelled", 33),
    ]


def test_unknown_task(invoke: Invoke, archive: Path) -> None:
    result = invoke("task", "ridici/2021-12-15#9", "-a", str(archive))
    assert result.exit_code == 2
    assert (
        result.stderr
        == "kpss: error: no task 'ridici/2021-12-15#9' in the archive (see `kpss tasks --all`)\n"
    )


def test_errors_in_other_files_still_give_exit_2_after_output(invoke: Invoke, archive: Path) -> None:
    write(archive / "ridici/broken.md", minutes("group: ridici\ndate: 2022-02-30"))
    result = invoke("tasks", "--overdue", "-a", str(archive), "--as-of", AS_OF, "-f", "json")
    assert result.exit_code == 2
    assert ids(result) == ["seniori/2022-01-10#1"]
    assert f"kpss: error: {archive}/ridici/broken.md:3: 'date' is not a date" in result.stderr


def test_markup_and_control_characters_in_minutes_are_not_interpreted(invoke: Invoke, tmp_path: Path) -> None:
    write(
        tmp_path / "a/g/2022-01-01.md",
        minutes('group: G\ndate: 2022-01-01\ntasks: [{task: "[bold red]x[/] \\e[31m"}]'),
    )
    result = invoke("tasks", "-a", str(tmp_path / "a"), "--as-of", AS_OF)
    assert "[bold red]x[/]" in result.stdout and "\x1b" not in result.stdout


def test_debug_shows_the_traceback(invoke: Invoke) -> None:
    quiet = invoke("list", "--archive", "nowhere")
    loud = invoke("--debug", "list", "--archive", "nowhere")
    assert "Traceback" not in quiet.stderr
    assert "Traceback (most recent call last)" in loud.stderr
    assert loud.stderr.endswith("kpss: error: archive folder not found: nowhere\n")
    assert loud.exit_code == 2


def test_terminal_table_colours_overdue_red_and_soon_due_yellow() -> None:
    from kpss_cli.commands.list_tasks import TASK_TABLE_COLUMNS, _task_style
    from kpss_cli.output.formats import emit

    today = dt.date(2022, 2, 1)
    rows = [
        {"id": "a#1", "status": "open", "deadline": "2022-01-31", "days_overdue": 1, "task": "late"},
        {"id": "a#2", "status": "open", "deadline": "2022-02-05", "days_overdue": None, "task": "soon"},
        {"id": "a#3", "status": "open", "deadline": "2022-03-05", "days_overdue": None, "task": "later"},
    ]
    out = io.StringIO()
    emit(
        rows,
        TASK_TABLE_COLUMNS,
        "table",
        out,
        terminal=True,
        row_style=_task_style(today),
        caption="3 tasks",
    )
    lines = {i: line for line in out.getvalue().splitlines() for i in ("a#1", "a#2", "a#3") if i in line}
    assert "\x1b[31m" in lines["a#1"] and "\x1b[33m" in lines["a#2"]
    assert "\x1b[31m" not in lines["a#3"] and "\x1b[33m" not in lines["a#3"]
    assert "3 tasks" in out.getvalue()


@pytest.mark.parametrize(
    ("front", "line", "advice"),
    [
        ("place: Radnice: zasedací místnost", 4, "a colon inside a value: put the value in quotes"),
        ("present:\n\t- Jan Novák", 5, "a tab in the indentation: indent with spaces"),
        ('place: "Radnice', 4, "a quote or a bracket is not closed"),
        ("place: [Radnice", 4, "a quote or a bracket is not closed"),
        (
            "present:\n  - Jan Novák\n - Eva Malá",
            6,
            "a line out of line with the keys above it: indent it as they are",
        ),
        ("agenda:\n  - Úvod\n  Závěr: ano", 6, "a list item out of line with the items above it"),
        ("place: @radnice", 4, "a value starts with a character YAML reserves: put it in quotes"),
    ],
)
def test_a_yaml_mistake_is_told_as_what_to_do(
    invoke: Invoke, archive: Path, front: str, line: int, advice: str
) -> None:
    """Hand-edited YAML goes wrong in a few ways; each is named with its line and its remedy."""
    write(archive / "seniori" / "2022-05-09.md", minutes(f"group: seniori\ndate: 2022-05-09\n{front}"))
    result = invoke("check", "-a", str(archive))
    assert result.exit_code == 2
    assert f"seniori/2022-05-09.md:{line}: error: YAML: {advice} [yaml]" in result.stdout


def test_help_lists_the_commands_in_the_order_of_the_work(invoke: Invoke) -> None:
    """What is due first, the archive as a whole last; every command has its place."""
    from kpss_cli.commands.app import COMMAND_ORDER
    from kpss_cli.commands.cli import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands} | {"plan"}  # type: ignore[union-attr]
    assert names == set(COMMAND_ORDER)
    listed = invoke("--help").stdout.partition("Commands:")[2].split("\n")
    assert [line.split()[0] for line in listed if line.strip()] == list(COMMAND_ORDER)

"""The first hour (issue #22): global options anywhere, usage errors in two lines, the archive
found as git finds a repository, `kpss init`, date options as Czech users type them, tables
that fit the terminal, and `kpss` alone."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from kpss_cli.core.dates import parse_typed_date

from .conftest import Invoke, write

# --- global options anywhere -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "before"),
    [
        (["tasks", "--no-cache", "-a", "{a}"], ["--no-cache", "tasks", "-a", "{a}"]),
        (["tasks", "--debug", "-a", "{a}", "--all"], ["--debug", "tasks", "-a", "{a}", "--all"]),
        (["list", "--archive", "{a}"], ["--archive", "{a}", "list"]),
        (["list", "-a", "{a}", "--format", "csv"], ["--format", "csv", "-a", "{a}", "list"]),
        (
            ["tasks", "-a", "{a}", "--overdue", "--as-of", "2023-01-01"],
            ["--as-of", "2023-01-01", "tasks", "-a", "{a}", "--overdue"],
        ),
        (
            ["plan", "import", "--archive", "{a}", "no-such.csv"],
            ["--archive", "{a}", "plan", "import", "no-such.csv"],
        ),
    ],
    ids=lambda words: " ".join(words),
)
def test_a_global_option_means_the_same_before_or_after_the_command(
    invoke: Invoke, archive: Path, after: list[str], before: list[str]
) -> None:
    def run(words: list[str]) -> tuple[int, str, str]:
        result = invoke(*(word.replace("{a}", str(archive)) for word in words))
        return result.exit_code, result.stdout, result.stderr

    assert run(after) == run(before)
    assert "Usage:" not in run(after)[2]


def test_list_takes_as_of_and_counts_other_dates_from_it(invoke: Invoke, archive: Path) -> None:
    result = invoke("list", "-a", str(archive), "--as-of", "2022-01-18", "--since", "zítra", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == [
        "ridici/2022-01-19",
        "seniori/2022-03-14",
    ]


def test_kpss_alone_with_global_options_after_nothing_still_works(invoke: Invoke, archive: Path) -> None:
    result = invoke("--as-of", "2023-01-01", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    assert "Overdue tasks: 3" in result.stdout


@pytest.mark.parametrize(
    ("words", "error", "hint"),
    [
        (
            ["lsit"],
            "kpss: error: no such command 'lsit'",
            "kpss: hint: did you mean list? `kpss --help` lists the commands",
        ),
        (
            ["tasks", "--overdu"],
            "kpss: error: no such option --overdu",
            "kpss: hint: did you mean --overdue? `kpss tasks --help` shows its options",
        ),
        (
            ["show"],
            "kpss: error: kpss show needs MINUTES",
            "kpss: hint: `kpss show --help` shows its options",
        ),
        (
            ["list", "--format", "xml"],
            "kpss: error: --format: 'xml' is not one of table, json, jsonl, csv, tsv",
            "kpss: hint: `kpss list --help` shows its options",
        ),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else "",
)
def test_a_usage_error_is_one_line_and_a_hint(
    invoke: Invoke, words: list[str], error: str, hint: str
) -> None:
    result = invoke(*words)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"{error}\n{hint}\n")


def test_the_installed_command_agrees_with_the_quick_path(archive: Path) -> None:
    """The real entry point (quick path first) with options after `tasks` and before it."""

    def kpss(*words: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kpss_cli", *words], capture_output=True, text=True, check=False
        )

    after = kpss("tasks", "--overdue", "--no-cache", "-a", str(archive), "--as-of", "2023-01-01")
    before = kpss("--archive", str(archive), "--as-of", "2023-01-01", "tasks", "--overdue", "--no-cache")
    assert after.returncode == before.returncode == 0, after.stderr
    assert after.stdout == before.stdout and "seniori/2022-01-10#1" in after.stdout
    wrong = kpss("tasks", "--overdo")
    assert (wrong.returncode, wrong.stderr.splitlines()[0]) == (2, "kpss: error: no such option --overdo")


# --- the archive, found as git finds a repository ----------------------------------------------


def test_from_a_subfolder_ids_are_relative_to_the_archive_root(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive / "seniori")
    listed = invoke("list", "-f", "csv")
    assert listed.exit_code == 0, listed.stderr
    assert "seniori/2022-01-10," in listed.stdout and "ridici/2021-12-15," in listed.stdout
    shown = invoke("show", "seniori/2022-01-10", "-f", "json")
    assert shown.exit_code == 0 and '"id": "seniori/2022-01-10"' in shown.stdout
    assert invoke("show", "2022-01-10.md", "-f", "json").stdout == shown.stdout  # a path from here
    assert not (archive / "seniori" / ".kpss").exists()


@pytest.mark.parametrize("words", [["list"], ["tasks"], ["check"], ["new-minutes", "seniori"]], ids=" ".join)
def test_outside_an_archive_kpss_says_how_to_start_one_and_creates_nothing(
    invoke: Invoke, isolated: Path, words: list[str]
) -> None:
    write(isolated / "seniori" / "2022-01-10.md", "---\ngroup: Senioři\ndate: 2022-01-10\n---\n")
    before = sorted(isolated.rglob("*"))
    result = invoke(*words)
    assert result.exit_code == 2
    assert result.stderr == (
        "kpss: error: no archive here: neither this folder nor any above it has a kpss.yaml; "
        "start one with `kpss init`, or name one with --archive or KPSS_ARCHIVE\n"
    )
    assert sorted(isolated.rglob("*")) == before


def test_kpss_archive_in_the_environment_names_the_archive(invoke: Invoke, archive: Path) -> None:
    result = invoke("list", "-f", "csv", env={"KPSS_ARCHIVE": str(archive)})
    assert result.exit_code == 0 and "ridici/2021-12-15," in result.stdout


# --- kpss init -----------------------------------------------------------------------------------


def test_init_writes_no_sample_groups_and_says_what_next(invoke: Invoke, isolated: Path) -> None:
    result = invoke("init", "zapisy")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "kpss: next steps:",
        '  1. name your groups in kpss.yaml (or start with: kpss init --group "PS Senioři")',
        '  2. start the minutes of a meeting: cd zapisy && kpss new-minutes GROUP --date "5. 3. 2027"',
        "  3. see what needs doing: cd zapisy && kpss (then kpss tasks, kpss check)",
    ]
    config = (isolated / "zapisy" / "kpss.yaml").read_text(encoding="utf-8")
    assert "groups: []\n" in config and "\n  - " not in config and config.startswith("# kpss.yaml")
    os.chdir(isolated / "zapisy")
    assert invoke("list").exit_code == 0  # an archive now, with nothing in it


def test_init_with_groups_adds_them_and_the_first_is_ready_for_minutes(
    invoke: Invoke, isolated: Path
) -> None:
    result = invoke("init", "--group", "PS Senioři", "-g", "Řídicí skupina: hlavní")
    assert result.exit_code == 0
    assert (
        '  2. start the minutes of a meeting: kpss new-minutes ps-seniori --date "5. 3. 2027"'
        in result.stderr
    )
    new = invoke("new-minutes", "ps-seniori", "--date", "5. 3. 2027")
    assert (new.exit_code, new.stdout) == (0, "ps-seniori/2027-03-05.md\n"), new.stderr
    listed = invoke("list", "-f", "csv")
    assert "ps-seniori/2027-03-05,PS Senioři,2027-03-05" in listed.stdout
    again = invoke("init", "--group", "PS Rodina")
    assert "kpss.yaml was there already and is kept: add the groups to it by hand" in again.stderr
    assert "PS Rodina" not in (isolated / "kpss.yaml").read_text(encoding="utf-8")


def test_init_example_writes_the_demo_groups(invoke: Invoke, isolated: Path) -> None:
    assert invoke("init", "--example").exit_code == 0
    assert "slug: seniori" in (isolated / "kpss.yaml").read_text(encoding="utf-8")
    both = invoke("init", "jinde", "--example", "--group", "X")
    assert both.exit_code == 2 and not (isolated / "jinde").exists()


# --- dates as a Czech user types them ----------------------------------------------------------

SATURDAY = dt.date(2026, 12, 5)
MONDAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("5. 3. 2027", SATURDAY, dt.date(2027, 3, 5)),
        ("5.3.2027", SATURDAY, dt.date(2027, 3, 5)),
        ("2027-03-05", SATURDAY, dt.date(2027, 3, 5)),
        ("5.3.", SATURDAY, dt.date(2027, 3, 5)),  # nearer than last March
        ("5. 1.", SATURDAY, dt.date(2027, 1, 5)),
        ("20. 11.", SATURDAY, dt.date(2026, 11, 20)),
        ("20.12.", dt.date(2027, 1, 10), dt.date(2026, 12, 20)),
        ("5. března", SATURDAY, dt.date(2027, 3, 5)),
        ("dnes", SATURDAY, SATURDAY),
        ("Zítra", SATURDAY, dt.date(2026, 12, 6)),
        ("pozítří", SATURDAY, dt.date(2026, 12, 7)),
        ("včera", SATURDAY, dt.date(2026, 12, 4)),
        ("úterý", MONDAY, dt.date(2026, 12, 8)),
        ("v pondělí", MONDAY, MONDAY),
        ("příští úterý", MONDAY, dt.date(2026, 12, 15)),
        ("příští pondělí", SATURDAY, MONDAY),
        ("minulý pátek", MONDAY, dt.date(2026, 12, 4)),
        ("next tuesday", MONDAY, dt.date(2026, 12, 15)),
        ("tomorrow", SATURDAY, dt.date(2026, 12, 6)),
        ("30. 2.", SATURDAY, None),
        ("5. 13. 2027", SATURDAY, None),
        ("brzy", SATURDAY, None),
    ],
)
def test_typed_dates(text: str, today: dt.date, expected: dt.date | None) -> None:
    assert parse_typed_date(text, today) == expected


def test_date_options_read_czech_words_from_as_of(invoke: Invoke, archive: Path) -> None:
    words = ("tasks", "-a", str(archive), "--all", "-f", "csv")
    czech = invoke(*words, "--as-of", "10. 1. 2022", "--since", "dnes", "--until", "příští pondělí")
    iso = invoke(*words, "--as-of", "2022-01-10", "--since", "2022-01-10", "--until", "2022-01-17")
    assert czech.exit_code == 0 and czech.stdout == iso.stdout and "seniori/2022-01-10#1" in czech.stdout
    bad = invoke(*words, "--until", "brzy")
    assert (bad.exit_code, bad.stderr.count("\n")) == (2, 1)
    assert bad.stderr.startswith("kpss: error: --until: 'brzy' is not a date (write 5. 3. 2027")


# --- tables that fit ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words", [["list"], ["tasks", "--all"], ["attendance"], ["check", "-f", "table"]], ids=" ".join
)
def test_tables_fit_80_columns_and_keep_their_ids_whole(
    invoke: Invoke, archive: Path, words: list[str]
) -> None:
    wide = invoke(*words, "-a", str(archive), "--as-of", "2023-01-01")
    narrow = invoke(*words, "-a", str(archive), "--as-of", "2023-01-01", env={"COLUMNS": "80"})
    assert narrow.exit_code == wide.exit_code
    for line in narrow.stdout.splitlines():
        assert len(line) <= 80 or words[0] == "check", line  # check prints findings, not a table
    for task_id in ("ridici/2021-12-15", "seniori/2022-01-10"):
        assert (task_id in wide.stdout) == (task_id in narrow.stdout)
    if words[0] in ("list", "tasks"):
        assert "…" in narrow.stdout


def test_a_narrow_table_shortens_long_text_before_short_words(invoke: Invoke, archive: Path) -> None:
    """At 100 columns the tasks' text gives way, not their status: the widest columns are cut
    first, and the group and meeting (which the id names) go before the text is unreadable."""
    result = invoke("tasks", "--all", "-a", str(archive), "--as-of", "2023-01-01", env={"COLUMNS": "100"})
    header, *rows = result.stdout.splitlines()[:-1]
    assert result.exit_code == 0 and all(len(line) <= 100 for line in result.stdout.splitlines())
    assert "Status" in header and "Meeting" not in header
    at = header.index("Status")
    statuses = {row[at:].split()[0] for row in rows if row[at:].strip()}
    assert statuses <= {"open", "done", "cancelled", "carried"} and "open" in statuses
    assert any("…" in row for row in rows)


# --- kpss alone ---------------------------------------------------------------------------------


def test_kpss_alone_in_an_archive_shows_what_needs_doing(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = (archive / "seniori" / "2022-03-14.md").read_text(encoding="utf-8")
    write(archive / "seniori" / "2022-05-09.md", draft.replace("2022-03-14", "2022-05-09") + "\n")
    (archive / "seniori" / "2022-05-09.md").write_text(
        (archive / "seniori" / "2022-05-09.md")
        .read_text(encoding="utf-8")
        .replace("---\n", "---\nstatus: draft\n", 1),
        encoding="utf-8",
    )
    monkeypatch.chdir(archive / "ridici")
    result = invoke("--as-of", "2023-01-01")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "kpss: Komunitní plánování sociálních služeb města Testov, as of 2023-01-01"
    assert "Overdue tasks: 3   (more: kpss tasks --overdue --group GROUP)" in lines
    assert "  seniori: 2, the oldest 335 days late: seniori/2022-01-10#1" in lines
    assert "Drafts awaiting approval: 1   (more: kpss show ID, kpss approve ID)" in lines
    assert "  seniori/2022-05-09" in lines
    assert any(line.startswith("Problems found by kpss check: 0 errors, ") for line in lines)
    assert len(lines) <= 24  # one screen


def test_kpss_alone_outside_an_archive_shows_the_help_and_how_to_start(
    invoke: Invoke, isolated: Path
) -> None:
    result = invoke()
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: kpss")
    assert result.stdout.rstrip().endswith(
        "No archive here (no kpss.yaml in this folder or above). Start one: kpss init"
    )
    assert list(isolated.iterdir()) == []


# --- --excel wherever --format csv works ---------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [["list"], ["tasks", "--all"], ["attendance"], ["schedule"], ["check"], ["--excel", "list"]],
    ids=" ".join,
)
def test_excel_wherever_csv_works(invoke: Invoke, archive: Path, words: list[str]) -> None:
    flags = [] if "--excel" in words else ["--excel"]
    excel = invoke(*words, *flags, "-a", str(archive), "--as-of", "2023-01-01")
    csv = invoke(
        *(w for w in words if w != "--excel"), "-f", "csv", "-a", str(archive), "--as-of", "2023-01-01"
    )
    assert excel.exit_code == csv.exit_code, excel.stderr
    assert excel.stdout_bytes.startswith("\ufeff".encode())
    header = csv.stdout.splitlines()[0]
    assert excel.stdout.splitlines()[0] == "\ufeff" + header.replace(",", ";")
    assert excel.stdout_bytes.count(b"\r\n") == csv.stdout_bytes.count(b"\r\n") > 0


def test_shares_are_percentages_in_tables_and_decimal_commas_for_excel(invoke: Invoke, archive: Path) -> None:
    """An attendance rate of 0.5: `50.0%` in a table, `0,5` where Czech Excel reads it, 0.5 in data."""
    words = ("attendance", "-a", str(archive), "--as-of", "2023-01-01")
    data = {r["person"]: r["rate"] for r in json.loads(invoke(*words, "-f", "json").stdout)}
    person, rate = next((p, r) for p, r in data.items() if r is not None and 0 < r < 1)
    table = next(line for line in invoke(*words).stdout.splitlines() if line.startswith(person))
    assert f" {rate * 100:.1f}% " in table
    excel = next(line for line in invoke(*words, "--excel").stdout.splitlines() if line.startswith(person))
    assert f";{str(rate).replace('.', ',')};" in excel


@pytest.mark.parametrize(
    ("words", "error"),
    [
        (["show", "x", "--excel"], "kpss: error: --excel writes CSV, and kpss show writes none"),
        (
            ["list", "--excel", "-f", "json"],
            "kpss: error: --excel writes CSV: leave out --format, or give --format csv",
        ),
    ],
)
def test_excel_where_it_cannot_be_is_a_usage_error(invoke: Invoke, words: list[str], error: str) -> None:
    result = invoke(*words)
    assert (
        result.exit_code == 2
        and result.stderr.splitlines()[0] == error
        and len(result.stderr.splitlines()) == 2
    )


# --- calendars that behave ---------------------------------------------------------------------


def _calendar_archive(root: Path, organisation: str, held: str) -> Path:
    write(
        root / "kpss.yaml",
        f"organisation: {organisation}\n"
        "groups:\n  - slug: seniori\n    name: PS Senioři\n    time: '9:30'\n"
        "    schedule: {dates: [2026-05-14, 2026-09-10]}\n",
    )
    write(root / "seniori" / f"{held}.md", f"---\ngroup: PS Senioři\ndate: {held}\nstatus: approved\n---\n")
    return root


def _meetings(invoke: Invoke, root: Path) -> list[icalendar.Event]:
    result = invoke("schedule", "-a", str(root), "-f", "ics", "--as-of", "2026-06-01")
    assert result.exit_code == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)  # parsed back: valid iCalendar
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Prague"]
    return list(calendar.walk("VEVENT"))


def test_a_moved_meeting_keeps_its_uid_with_a_higher_sequence(invoke: Invoke, tmp_path: Path) -> None:
    root = _calendar_archive(tmp_path / "a", "Obec A", "2026-05-14")
    as_planned = _meetings(invoke, root)[0]
    (root / "seniori" / "2026-05-14.md").unlink()
    _calendar_archive(root, "Obec A", "2026-05-19")
    moved = _meetings(invoke, root)[0]
    assert str(moved["UID"]) == str(as_planned["UID"])
    assert (as_planned["SEQUENCE"], moved["SEQUENCE"]) == (0, 1)
    assert moved.decoded("dtstart").isoformat() == "2026-05-19T09:30:00+02:00"
    assert str(moved["DESCRIPTION"]) == (
        "jednání se konalo 19. 5. 2026, plánováno na 14. 5. 2026\nzápis: seniori/2026-05-19.md"
    )
    assert str(as_planned["DESCRIPTION"]).startswith("jednání se konalo\n")


def test_the_same_meeting_in_two_archives_has_two_uids(invoke: Invoke, tmp_path: Path) -> None:
    first = _meetings(invoke, _calendar_archive(tmp_path / "a", "Obec A", "2026-05-14"))
    second = _meetings(invoke, _calendar_archive(tmp_path / "b", "Obec B", "2026-05-14"))
    assert str(first[0]["UID"]) != str(second[0]["UID"])
    assert str(first[0]["UID"]).startswith("meeting-seniori-2026-05-14-")
    # Stable across runs (and machines: nothing of the path or the clock is in it).
    assert [str(e["UID"]) for e in _meetings(invoke, tmp_path / "a")] == [str(e["UID"]) for e in first]


def test_a_calendar_covers_the_archive_not_just_this_year(invoke: Invoke, tmp_path: Path) -> None:
    root = _calendar_archive(tmp_path / "a", "Obec A", "2026-05-14")
    write(root / "seniori" / "2024-03-01.md", "---\ngroup: PS Senioři\ndate: 2024-03-01\n---\n")
    days = [e.decoded("dtstart").date().isoformat() for e in _meetings(invoke, root)]
    assert days == ["2024-03-01", "2026-05-14", "2026-09-10"]


def test_english_archives_get_english_calendars(invoke: Invoke, tmp_path: Path) -> None:
    root = _calendar_archive(tmp_path / "a", "Town A", "2026-05-14")
    config = root / "kpss.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "language: en\n", encoding="utf-8")
    events = _meetings(invoke, root)
    assert [str(e["DESCRIPTION"]).split("\n")[0] for e in events] == [
        "the meeting was held",
        "a planned meeting",
    ]


# --- a broken editor, shell completion, the agenda's dates ----------------------------------------


@pytest.mark.parametrize(
    ("editor", "error"),
    [
        (
            "no-such-editor-kpss",
            "cannot start the editor 'no-such-editor-kpss' ($EDITOR): no such file or folder",
        ),
        ("sh -c 'exit 3'", "the editor 'sh' ($EDITOR) ended with exit code 3"),
        ("vim 'unclosed", "$EDITOR is not a command line (No closing quotation): vim 'unclosed"),
    ],
    ids=["missing", "failing", "unquoted"],
)
def test_a_broken_editor_is_one_line_and_the_minutes_stay(
    invoke: Invoke, archive: Path, editor: str, error: str
) -> None:
    result = invoke(
        "new-minutes",
        "seniori",
        "--date",
        "2022-04-11",
        "--edit",
        "-a",
        str(archive),
        env={"EDITOR": editor, "VISUAL": ""},
    )
    assert result.exit_code == 2
    assert (
        result.stderr == f"kpss: error: {error}; the minutes are written: {archive}/seniori/2022-04-11.md\n"
    )
    assert "bug" not in result.stderr and (archive / "seniori" / "2022-04-11.md").is_file()


def _complete(archive: Path, words: str) -> list[str]:
    """What bash completion offers for `words` (the last one being completed), from the
    installed `kpss` as the shell runs it."""
    kpss = Path(sys.executable).parent / "kpss"
    env = {
        **os.environ,
        "_KPSS_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    done = subprocess.run([str(kpss)], capture_output=True, text=True, env=env, cwd=archive, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_completion_offers_group_slugs_and_task_ids(archive: Path) -> None:
    assert _complete(archive, "kpss tasks --group s") == ["seniori"]
    assert _complete(archive, "kpss tasks --group ") == ["ridici", "seniori"]
    assert _complete(archive, "kpss agenda r") == ["ridici"]
    assert _complete(archive, "kpss task seniori/2022-01") == ["seniori/2022-01-10#1", "seniori/2022-01-10#2"]
    assert _complete(archive.parent, "kpss tasks --group ") == []  # no archive there: nothing, no error


def test_the_agenda_writes_every_date_in_czech(invoke: Invoke, archive: Path) -> None:
    for fmt in ("md", "html"):
        result = invoke(
            "agenda",
            "seniori",
            "-a",
            str(archive),
            "--as-of",
            "2022-02-01",
            "--date",
            "14. 3. 2022",
            "--to",
            fmt,
        )
        assert result.exit_code == 0, result.stderr
        assert "14. března 2022" in result.stdout
        assert not re.search(r"\d{4}-\d{2}-\d{2}", result.stdout), fmt


def test_a_terminal_table_fits_its_width_too() -> None:
    """On a terminal the table is rich's, with box lines: it fits the same way."""
    import io

    from kpss_cli.output.formats import Column, emit

    columns = [
        Column("id", "ID"),
        Column("task", "Task"),
        Column("owner", "Owner"),
        Column("n", "Count", "right"),
    ]
    rows = [
        {
            "id": "ridici-skupina/2026-09-23#1",
            "task": "Vyhodnotit nabídky " * 8,
            "owner": "Ing. Pavel Stejskal",
            "n": 12,
        }
    ]
    out = io.StringIO()
    emit(rows, columns, "table", out, terminal=True, width=60)
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue()).splitlines()
    assert all(len(line) <= 60 for line in shown), shown
    assert "ridici-skupina/2026-09-23#1" in shown[2] and "…" in shown[2]


def test_init_takes_the_archive_option_before_or_after_it(invoke: Invoke, isolated: Path) -> None:
    assert invoke("init", "--archive", "a").exit_code == 0
    assert invoke("--archive", "b", "init").exit_code == 0
    assert (isolated / "a" / "kpss.yaml").is_file() and (isolated / "b" / "kpss.yaml").is_file()


def test_kpss_alone_shows_the_rest_when_a_schedule_is_broken(invoke: Invoke, isolated: Path) -> None:
    write(
        isolated / "kpss.yaml",
        "groups:\n  - {slug: g, name: G, schedule: {rule: EVERY TUESDAY}}\n  - {slug: h, name: H, schedule: {dates: [2027-01-05]}}\n",
    )
    result = invoke("--as-of", "2026-12-05")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert "  h: Tuesday 2027-01-05" in lines
    assert "Problems found by kpss check: 1 error, 0 warnings   (more: kpss check)" in lines
    assert lines[-1].startswith("  the schedule of group 'g': rule 'EVERY TUESDAY' is not an RRULE")

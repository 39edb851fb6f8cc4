"""Cold runs (`--no-cache`) of the views made without holding the archive's records
(store/cold.py): the same answers as the archive loaded whole gives them, in one process and
with workers, on an archive with duplicate task ids, a group renamed, unreadable minutes, a
file that is not minutes and tasks updated from other files; and the parent unpacks no
record the view does not need."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .conftest import Invoke, generate, minutes, write
from .test_views import AS_OF, QUERIES, count_calls

# Besides the views of tests/test_views.py: those that select tasks, and `show` of minutes
# whose tasks other minutes update.
MORE = [
    ["plan", *AS_OF],
    ["monitor", "--year", "2019", *AS_OF],
    ["agenda", "orp-001-seniori", "--date", "2019-06-20", *AS_OF],
    ["show", "orp-001/seniori/2019-05-30"],
    ["show", "orp-001/seniori/2019-05-30.md", "-f", "json"],
    ["list", "-f", "jsonl"],
    ["list", "-f", "json", "--group", "seniori", "--since", "2018-01-01"],
    ["list", "-f", "tsv", "--group", "no-such-group"],
    ["list", "-f", "csv", "--group", "ORP 002 Jiné"],  # a group by its name
    ["list", "-f", "json", "--since", "zítra", "--until", "2018-01-01", *AS_OF],
    ["tasks", *AS_OF],
    ["tasks", "--overdue", "-f", "json", *AS_OF],
    ["tasks", "--overdue", "--done", "-f", "json", *AS_OF],  # overdue: open, whatever is asked
    ["tasks", "--done", "--cancelled", "--by", "owner", "-f", "md", *AS_OF],
    ["tasks", "--group", "seniori", "--due-within", "400", "-f", "csv", *AS_OF],
    ["tasks", "--all", "-f", "ics", *AS_OF],
    ["show", "orp-001/seniori/2019-06-13", "-f", "json"],  # its task id defined before
    ["show", "orp-001/seniori/2019-04-04", "-f", "json"],  # its tasks handed over, carried on
    ["monitor", "--year", "2019", "-f", "json", *AS_OF],
    ["attendance", "--by", "org", "-f", "json", "--since", "2019-01-01"],
    ["attendance", "--missed", "1", "--group", "seniori", "-f", "csv"],
]

PLAN = """\
plan: Komunitní plán
period: 2019-2020
levels: [Priorita, Opatření]
items:
  - id: "1"
    title: Senioři
    group: seniori
    items:
      - {id: "1.1", title: Pečovatelská služba}
      - {id: "1.2", title: Senior taxi}
"""


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory, 400, 9)


@pytest.fixture
def awkward(generated_once: Path, tmp_path: Path) -> Path:
    """The generated archive with what resolving the tasks reports and reads across files."""
    root = Path(shutil.copytree(generated_once, tmp_path / "archive"))
    # A task id defined again (in its file, its group and another), and updated later.
    tasks = "tasks: [{id: T-dvakrat, task: Poprvé, owner: Eva Nová, due: do příštího jednání}, {id: T-dvakrat, task: Znovu}]"
    write(
        root / "orp-001/seniori/2019-05-30.md", minutes(f"group: orp-001-seniori\ndate: 2019-05-30\n{tasks}")
    )
    again = "tasks: [{id: T-dvakrat, task: Podruhé, owner: Jan Malý}]"
    write(
        root / "orp-001/seniori/2019-06-13.md", minutes(f"group: orp-001-seniori\ndate: 2019-06-13\n{again}")
    )
    write(root / "orp-002/jine/2019-07-01.md", minutes(f"group: orp-002-jine\ndate: 2019-07-01\n{again}"))
    # A group outside kpss.yaml, written two ways.
    write(root / "orp-002/jine/2019-08-01.md", minutes('group: "ORP 002 Jiné"\ndate: 2019-08-01'))
    update = "updates: [{id: T-dvakrat, status: done, note: Hotovo}]"
    write(
        root / "orp-001/seniori/2019-06-27.md", minutes(f"group: orp-001-seniori\ndate: 2019-06-27\n{update}")
    )
    # Tasks that serve a plan's measures, handed over with a new deadline, carried on to the
    # next meeting while open (their histories: `plan`, `monitor`).
    write(root / "plan/kp.yaml", PLAN)
    served = (
        "tasks: [{id: T-plan-1, task: Služba, owner: Eva Nová, due: do příštího jednání, measure: '1.1'},"
        " {id: T-plan-2, task: Taxi, owner: Jan Malý, due: 30. 9. 2019, measure: '1.2'}]"
    )
    write(
        root / "orp-001/seniori/2019-04-04.md", minutes(f"group: orp-001-seniori\ndate: 2019-04-04\n{served}")
    )
    handed = (
        "updates: [{id: T-plan-1, status: open, note: Trvá}, {id: T-plan-2, status: open, owner: Petr Dlouhý,"
        " due: do konce roku, note: Předáno}]"
    )
    write(
        root / "orp-001/seniori/2019-04-18.md", minutes(f"group: orp-001-seniori\ndate: 2019-04-18\n{handed}")
    )
    # A member who joins and then leaves (membership over time: `attendance`).
    joins = "present: [Vilém Nováček]\nmembership: [{name: Vilém Nováček, org: Spolek, joined: 2019-03-07}]"
    write(
        root / "orp-001/seniori/2019-03-07.md", minutes(f"group: orp-001-seniori\ndate: 2019-03-07\n{joins}")
    )
    leaves = "membership: [{name: Vilém Nováček, left: 2019-09-01}]"
    # A substitute, a moderator and a guest (the people of `attendance`'s view, numbered).
    leaves += "\npresent: ['Jana Malá (za Vilém Nováček)', {name: Eva Nová, for: Jan Malý}]"
    leaves += "\nmoderator: Eva Nová\nguests: ['Host Hostovský (Spolek)']"
    write(
        root / "orp-001/seniori/2019-08-08.md", minutes(f"group: orp-001-seniori\ndate: 2019-08-08\n{leaves}")
    )
    write(root / "orp-001/broken.md", minutes("group: x\ndate: 2019-02-30"))
    write(root / "orp-001/poznamky.md", "Jen poznámky, žádné záhlaví.\n")
    return root


def run_all(invoke: Invoke, root: Path, out: Path) -> list[tuple[int, str, str]]:
    queries = [*QUERIES, *MORE, ["remind", "--dry-run", str(out), *AS_OF]]
    found = []
    for query in queries:
        shutil.rmtree(out, ignore_errors=True)
        result = invoke("--no-cache", *query, "-a", str(root))
        written = sorted(p.name for p in out.rglob("*")) if out.exists() else []
        found.append((result.exit_code, result.stdout, result.stderr + repr(written)))
    return found


@pytest.fixture
def old_path(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Switch the cold runs to the archive loaded (lean, or whole for `show`), as before
    store/cold.py."""

    def switch() -> None:
        from kpss_cli.store import cold, loading

        monkeypatch.setattr(cold, "cold_view", lambda *args, **options: None)

        def whole(archive: object, ref: str, progress: object) -> object:
            loaded = loading.load_archive(archive, use_index=False)  # type: ignore[arg-type]
            return loaded, loaded.find_minutes(ref)

        monkeypatch.setattr(cold, "cold_one", whole)

    return switch


@pytest.mark.parametrize("parallel_from", [10**9, 1], ids=["one process", "workers"])
def test_cold_views_answer_as_the_archive_loaded(
    invoke: Invoke,
    awkward: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    old_path: Callable[[], None],
    parallel_from: int,
) -> None:
    from kpss_cli.store import loading

    monkeypatch.setattr(loading, "PARALLEL_FROM", parallel_from)
    new = run_all(invoke, awkward, tmp_path / "out")
    stderr = "".join(err for _code, _out, err in new)
    assert "task id 'T-dvakrat' is already used at" in stderr  # resolved across files
    assert "broken.md" in stderr
    assert "orp-002/jine/2019-08-01" in new[len(QUERIES) + 8][1]  # the group by its name
    assert any("Podruhé" not in out and "T-dvakrat" in out for _c, out, _e in new)  # the update read
    old_path()
    assert run_all(invoke, awkward, tmp_path / "out") == new


def test_cold_views_unpack_no_record_they_do_not_need(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers send back values, not records: `list`, `schedule`, `agenda` and `tasks`
    unpack none (the tasks are resolved from what resolving reads, not from lean records),
    `show` only the minutes it shows whole; `tasks` makes the tasks it lists, not every one."""
    from kpss_cli.store import cold, loading

    counts = {"whole": 0, "lean": 0, "task": 0}
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)  # workers parse nearly every file
    for owner in (loading, cold):
        count_calls(monkeypatch, owner, "unpack", counts, "whole")
    count_calls(monkeypatch, loading, "unpack_lean", counts, "lean")
    count_calls(monkeypatch, cold, "_task", counts, "task")

    def counted(*query: str) -> dict[str, int]:
        counts.update(whole=0, lean=0, task=0)
        assert invoke("--no-cache", *query, "-a", str(awkward)).exit_code == 2  # broken.md
        return dict(counts)

    assert counted("list", "-f", "json") == {"whole": 0, "lean": 0, "task": 0}
    assert counted("schedule", "--year", "2019", *AS_OF) == {"whole": 0, "lean": 0, "task": 0}
    agenda = counted("agenda", "orp-001-seniori", "--date", "2019-06-20", *AS_OF)
    assert agenda["whole"] == agenda["lean"] == 0 and agenda["task"] > 10
    show = counted("show", "orp-001/seniori/2019-05-30")
    assert show["whole"] <= 1 and show["lean"] == show["task"] == 0
    done = counted("tasks", "--done", "-f", "json", *AS_OF)
    every = counted("tasks", "--all", "-f", "json", *AS_OF)
    assert done["whole"] == done["lean"] == every["whole"] == every["lean"] == 0
    assert 10 < done["task"] < every["task"]


def test_cold_attendance_makes_its_records_one_at_a_time(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`attendance --no-cache` makes each minutes record from its view's bytes as it counts it
    (store/cold.ColdMinutes): never the records of the archive at once; the answer is the
    index's."""
    from kpss_cli.store import cold, loading

    made: list[int] = []
    real = loading.unpack_attendance

    def counted(view: list[object]) -> object:
        made.append(len(view))
        return real(view)  # type: ignore[arg-type]

    warm = invoke("attendance", "--by", "org", "-f", "json", "-a", str(awkward))
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)
    monkeypatch.setattr(cold, "unpack_attendance", counted, raising=False)
    monkeypatch.setattr(loading, "unpack_attendance", counted)
    result = invoke("--no-cache", "attendance", "--by", "org", "-f", "json", "-a", str(awkward))
    assert (result.exit_code, result.stdout, result.stderr) == (warm.exit_code, warm.stdout, warm.stderr)
    assert len(made) > 300 and max(made) == 1


def test_cold_list_writes_rows_as_they_come(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`list --no-cache -f json` writes each row as it is unpacked: the text whole is never
    made (meetings/query.list_text is not called), and it is the text the index gives."""
    from kpss_cli.meetings import query

    cold = invoke("--no-cache", "list", "-f", "json", "-a", str(awkward))

    def never(*args: object, **options: object) -> Iterator[str]:
        raise AssertionError("the whole text made")

    warm = invoke("list", "-f", "json", "-a", str(awkward))
    monkeypatch.setattr(query, "list_text", never)
    again = invoke("--no-cache", "list", "-f", "json", "-a", str(awkward))
    assert cold.stdout == warm.stdout == again.stdout and cold.stderr == warm.stderr == again.stderr
    assert cold.stdout.startswith("[\n  {") and cold.exit_code == warm.exit_code == 2


@pytest.fixture
def findings_of_every_kind(tmp_path: Path) -> list[tuple[Path, list[str]]]:
    """Archives with findings of every kind `kpss check` finds across files, and the queries
    asked of each: tests/data/check (a defect per finding) with task ids defined twice, a
    measure without a plan (of the first definition only), checklist deadlines of a task that
    exists and of one that does not, updates older than their task or of its own meeting and a
    join in one group's minutes; the members over time of tests/test_membership.py; a plan
    with gaps beside a scheduled group without minutes; the example archive (schedules and a
    plan)."""
    from .conftest import DATA, REPO
    from .test_membership import CONFIG, MEETINGS

    planted = Path(shutil.copytree(DATA / "check", tmp_path / "check"))
    extra = {
        "ridici/2016-01-01.md": minutes(
            "group: ridici\ndate: 2016-01-01\ntasks: [{id: X, task: A, measure: '1.1'}]"
        ),
        "seniori/2016-02-02.md": minutes(
            "group: seniori\ndate: 2016-02-02\ntasks: [{id: X, task: B, measure: '2.2'}]"
        ),
        "ridici/2018-04-04.md": minutes(
            "group: ridici\ndate: 2018-04-04", "- [ ] X trvá, nový termín 01/17\n"
        ),
        "ridici/2018-04-05.md": minutes(
            "group: ridici\ndate: 2018-04-05", "- [ ] NIKDO trvá, nový termín 01/17\n"
        ),
        "ridici/2015-05-05.md": minutes("group: ridici\ndate: 2015-05-05\nupdates: [{id: X, status: done}]"),
        "ridici/2015-06-06.md": minutes(  # an update of a task set at the same meeting
            "group: ridici\ndate: 2015-06-06\ntasks: [{id: Y, task: A}]\nupdates: [{id: Y, status: done}]"
        ),
        "seniori/2022-03-01.md": minutes(
            "group: seniori\ndate: 2022-03-01\npresent: [Olga Merglová, Nový Člen]\n"
            "membership: [{name: Nový Člen, joined: 2022-03-01}]"
        ),
        "seniori/2022-04-01.md": minutes("group: seniori\ndate: 2022-04-01\npresent: [Nový Člen, Nový Cizí]"),
        "seniori/2021-04-01.md": minutes("group: seniori\ndate: 2021-04-01\npresent: [Nový Člen]"),
    }
    for rel, text in extra.items():
        write(planted / rel, text)
    members = tmp_path / "members"
    write(members / "kpss.yaml", CONFIG)
    for day, (front, body) in MEETINGS.items():
        write(members / "ridici" / f"{day}.md", minutes(f"group: ridici\ndate: {day}\n{front}", body))
    write(
        members / "ridici/2026-05-14.md",
        minutes(
            "group: ridici\ndate: 2026-05-14\npresent: [Anna Bílá, Bohumil Černý]\n"
            "membership:\n  - {org: Nikdo}\n  - {name: Nikdo Nečlen, left: 2026-05-14}"
        ),
    )
    gaps = tmp_path / "gaps"
    write(  # a group with a schedule and no minutes
        gaps / "kpss.yaml",
        "organisation: Testov\ngroups: [{slug: g, name: G}, {slug: h, name: H, schedule: {dates: [2026-01-15]}}]\n",
    )
    write(
        gaps / "plan/kp.yaml",
        "plan: Plán\nperiod: 2025-2027\nlevels: [Priorita, Opatření]\nitems:\n  - id: '1'\n    title: A\n"
        "    items:\n      - {id: '1.1', title: B, indicators: [{name: počet klientů, baseline: 1, target: 5}]}\n"
        "      - {id: '1.2', title: C, group: g}\n",
    )
    write(
        gaps / "g/2026-01-01.md",
        minutes(
            "group: G\ndate: 2026-01-01\ntasks:\n  - {id: M, task: A, measure: '1.1'}\n  - {id: N, task: B, measure: '9.9'}\n"
            "progress:\n  - {measure: '7', state: done}\n  - {measure: '1.2', value: 3}\n"
            "  - {measure: '1.1', value: 3, indicator: počet lůžek}"
        ),
    )
    write(
        gaps / "g/2026-02-01.md",
        minutes("group: G\ndate: 2026-02-01\ntasks: [{id: N, task: C, measure: '9.8'}]"),
    )
    examples = Path(shutil.copytree(REPO / "examples", tmp_path / "examples"))
    on = "2022-06-01"
    return [
        (planted, ["--as-of", on]),
        (planted, ["-f", "json", "--as-of", on]),
        (planted, ["-f", "csv", "--strict", "--as-of", "2023-01-01"]),
        (
            planted,
            [str(planted / "ridici/2022-01-19.md"), str(planted / "seniori/poznamky.md"), "--as-of", on],
        ),
        (
            planted,
            ["ridici/2022-02-16", "seniori/2022-04-01.md", "-f", "tsv", "--as-of", on],
        ),  # an id, a path
        (planted, ["ridici/2099-01-01", "--as-of", on]),  # no such minutes
        (members, ["-f", "json", "--as-of", "2026-06-01"]),
        (members, ["--as-of", "2026-05-01"]),
        (gaps, ["--as-of", "2026-06-01"]),
        (examples, ["-f", "json", "--as-of", "2026-12-31"]),
        (examples, ["--strict", "--as-of", "2026-11-22"]),
    ]


@pytest.mark.parametrize("parallel_from", [10**9, 1], ids=["one process", "workers"])
def test_cold_check_finds_what_the_archive_loaded_finds(
    invoke: Invoke,
    findings_of_every_kind: list[tuple[Path, list[str]]],
    monkeypatch: pytest.MonkeyPatch,
    parallel_from: int,
) -> None:
    """`check --no-cache` checks each file where it is parsed and what is across files from
    what is kept of each (check/cold.py): the findings, the summary and the exit code of the
    archive loaded whole (rules.check_archive), byte for byte, in every format, for given files
    and minutes ids; only the records that say who joins or leaves are unpacked."""
    import re

    from kpss_cli.check import cold
    from kpss_cli.store import loading

    monkeypatch.setattr(loading, "PARALLEL_FROM", parallel_from)
    counts = {"whole": 0, "loaded": 0}
    count_calls(monkeypatch, cold, "unpack", counts, "whole")
    count_calls(monkeypatch, loading, "_load", counts, "loaded")

    def run_every() -> list[tuple[int, str, str]]:
        found = []
        for root, query in findings_of_every_kind:
            result = invoke("--no-cache", "check", *query, "-a", str(root))
            found.append((result.exit_code, result.stdout, result.stderr))
        return found

    new = run_every()
    # The records that say who joins or leaves: one of tests/data/check's (six runs), three of
    # test_membership's (two runs).
    assert counts["whole"] == 6 * 1 + 2 * 3
    assert counts["loaded"] == 0  # the archive never loaded
    codes = {
        code
        for _exit, out, _err in new
        for code in re.findall(r'\[([a-z-]+)\]$|"code": "([a-z-]+)"', out, re.M)
        for code in code
        if code
    }
    codes |= {code for _exit, out, _err in new for code in re.findall(r",(?:warning|error),([a-z-]+),", out)}
    assert {
        "duplicate-task-id", "unknown-task", "update-before-task", "deadline-before-meeting",
        "duplicate-meeting", "missing-minutes", "not-minutes", "former-member", "unknown-person",
        "substitute-for-non-member", "decision-without-quorum", "left-non-member", "unknown-measure",
        "progress-unknown-indicator", "plan-no-group", "indicator-no-unit", "old-draft",
    } <= codes  # fmt: skip
    assert "no such file in the archive" in new[5][2]
    monkeypatch.setattr(cold, "cold_check", lambda *args: None)  # the archive loaded whole
    assert run_every() == new
    assert counts["loaded"] == len(findings_of_every_kind)


def test_check_of_given_files_is_answered_from_the_kept_findings(
    invoke: Invoke, findings_of_every_kind: list[tuple[Path, list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check FILE...` with the index gives those files' findings of the ones it keeps for the
    day (check/kept.py): the archive is not loaded (it was, every record unpacked from the
    index); each answer is `--no-cache`'s. A minutes id given still loads the archive."""
    from kpss_cli.store import loading

    root, on = findings_of_every_kind[0][0], "2022-06-01"
    files = [str(root / "ridici/2022-01-19.md"), str(root / "seniori/poznamky.md"), str(root / "kpss.yaml")]
    queries = [
        ["--as-of", on, *files],
        ["-f", "json", "--strict", "--as-of", on, files[0]],
        ["--as-of", on, str(root / "ridici/2022-02-16.md"), "ridici/2022-02-16"],  # an id too
        ["--as-of", on, "/etc/hostname"],  # not in the archive
    ]
    assert invoke("check", "--as-of", on, "-a", str(root)).exit_code == 2  # the findings kept
    counts = {"loaded": 0}
    count_calls(monkeypatch, loading, "_load", counts, "loaded")
    found = []
    for query in queries:
        cold = invoke("--no-cache", "check", *query, "-a", str(root))
        counts["loaded"] = 0
        warm = invoke("check", *query, "-a", str(root))
        assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
        assert counts["loaded"] == (1 if query is queries[2] else 0)
        found.append(warm.stdout + warm.stderr)
    assert all(f"[{code}]" in found[0] for code in ("bad-time", "not-minutes", "missing-minutes"))
    assert "in 3 files" in found[0] and "is not in the archive" in found[3]


# Minutes without a quorum (one voting member of four, tests/test_membership.py's CONFIG) and
# whether their text records a decision: on which line, as the quorum rule finds it.
UNDECIDED = {
    "2026-05-07": ("Úvod.\n\nHLASOVÁNÍ o rozpočtu: pro 1.\n", 4),  # capitals
    "2026-05-14": ("Výbor se\nUsnesla takto.\n", 3),
    "2026-05-21": ("O věci se hlaſování konalo.\n", 2),  # a long s, as IGNORECASE matches it
    "2026-05-28": ("Bude se hlasovat příště; nehlasovalo se.\n", None),  # the stem, no word
    "2026-06-04": ("Diskuse bez závěru.\n", None),
}


@pytest.mark.parametrize("parallel_from", [10**9, 1], ids=["one process", "workers"])
def test_cold_check_reads_each_file_once_and_finds_decisions_in_any_case(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel_from: int
) -> None:
    """The quorum rule of a cold `check` reads the body the parse kept (no file is read again:
    Archive.load_body), and finds a decision in the text whatever its case (the words'
    stems are looked for in the text case-folded first): on the same lines as the archive
    loaded whole finds them."""
    from kpss_cli.check import cold
    from kpss_cli.store import archive, loading

    from .test_membership import CONFIG

    root = tmp_path / "a"
    write(root / "kpss.yaml", CONFIG)
    for day, (body, _line) in UNDECIDED.items():
        write(
            root / "ridici" / f"{day}.md", minutes(f"group: ridici\ndate: {day}\npresent: [Anna Bílá]", body)
        )
    monkeypatch.setattr(loading, "PARALLEL_FROM", parallel_from)
    counts = {"read again": 0}
    count_calls(monkeypatch, archive, "read_regular", counts, "read again")
    new = invoke("--no-cache", "check", "-f", "csv", "--as-of", "2026-07-01", "-a", str(root))
    assert counts["read again"] == 0
    found = sorted(
        (row.split(",")[0], int(row.split(",")[1]))
        for row in new.stdout.splitlines()
        if ",decision-without-quorum," in row
    )
    assert found == sorted(
        (str(root / "ridici" / f"{day}.md"), 4 + line)
        for day, (_body, line) in UNDECIDED.items()
        if line is not None
    )  # the body begins on line 5 (three lines of front matter between the fences)
    monkeypatch.setattr(cold, "cold_check", lambda *args: None)  # the archive loaded whole
    old = invoke("--no-cache", "check", "-f", "csv", "--as-of", "2026-07-01", "-a", str(root))
    assert (old.exit_code, old.stdout, old.stderr) == (new.exit_code, new.stdout, new.stderr)
    assert counts["read again"] == len(UNDECIDED)  # it reads the bodies again: the test can tell


def test_decisions_stems_are_found_in_the_text_case_folded() -> None:
    """Every character the quorum rule's search (_DECIDED, IGNORECASE) takes for a letter of
    the stems folds to that letter, over all of Unicode: the stems' look-up misses no decision."""
    import re
    import sys

    from kpss_cli.check.rules import _DECIDED_STEMS

    letters = sorted(set("".join(_DECIDED_STEMS)))
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in letters:
        matched = re.findall(letter, every, re.IGNORECASE)
        assert letter in matched and all(c.casefold() == letter for c in matched), letter
    assert "ſ" in re.findall("s", every, re.IGNORECASE)  # what lower() alone would miss


def test_cold_attendance_numbers_its_people(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`attendance --no-cache` keeps each minutes' people as numbers in one table of people
    (store/cold._numbered), the workers' in tables of their own mapped to it: no name is kept
    in a value, each person once in the table, and the answers are the index's."""
    from kpss_cli.store import cold, loading

    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)  # workers parse nearly every file
    kept: list[cold.ColdMinutes] = []
    real = cold.ColdMinutes.__init__

    def keeping(self: cold.ColdMinutes, *args: object) -> None:
        real(self, *args)  # type: ignore[arg-type]
        kept.append(self)

    monkeypatch.setattr(cold.ColdMinutes, "__init__", keeping)
    queries = [["-f", "json"], ["--by", "meeting", "-f", "csv"], ["--missed", "1", "-f", "json"]]
    for query in queries:
        warm = invoke("attendance", *query, "-a", str(awkward))
        cold_run = invoke("--no-cache", "attendance", *query, "-a", str(awkward))
        assert (cold_run.exit_code, cold_run.stdout, cold_run.stderr) == (
            warm.exit_code,
            warm.stdout,
            warm.stderr,
        )
    first = next(k for k in kept if not isinstance(k, cold.ColdSteps))  # by person: test below
    people = first.people
    assert len(people) == len(set(people)) > 20
    assert any(person[0] == "Jana Malá" and person[5] == "Vilém Nováček" for person in people)
    values = [value if isinstance(value, bytes) else value[0] for value in first.values]
    assert sum(not isinstance(value, bytes) for value in first.values) > 100  # from the workers
    assert not any("Eva Nová".encode() in value for value in values)


def test_cold_walk_let_go_of_and_ids_twice_by_hash(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold view lets go of the walk's stats before the parse (its list emptied), and finds
    the task ids defined twice from their hashes, then from the ids themselves: when every id
    has the same hash, the answers are the same (each id is mapped, none wrongly reported)."""
    from kpss_cli.store import cold

    walks: list[object] = []
    real_walk = cold.walk_archive

    def walked(root: str, stats: bool = True) -> object:
        walks.append(real_walk(root, stats))
        return walks[-1]

    monkeypatch.setattr(cold, "walk_archive", walked)
    queries = [["list", "-f", "json"], ["schedule", "--year", "2019", *AS_OF], ["tasks", *AS_OF]]
    queries += [["agenda", "orp-001-seniori", "--date", "2019-06-20", *AS_OF], ["attendance"]]
    before = [invoke("--no-cache", *query, "-a", str(awkward)) for query in queries]
    assert walks and all(walk[0] == [] for walk in walks)  # type: ignore[index]
    assert all("task id 'T-dvakrat' is already used at" in result.stderr for result in before)
    monkeypatch.setattr(cold, "hash", lambda _id: 0, raising=False)
    after = [invoke("--no-cache", *query, "-a", str(awkward)) for query in queries]
    found = [(r.exit_code, r.stdout, r.stderr) for r in after]
    assert found == [(r.exit_code, r.stdout, r.stderr) for r in before]


def test_cold_remind_holds_the_latest_minutes_of_each_group_and_the_joins(
    invoke: Invoke, awkward: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`remind --no-cache` reads of the minutes only each group's latest (its next meeting) and
    those that record joins or leaves (who is invited): only their records are made. The
    invitation goes to a member who joined in minutes that are not the group's latest, as the
    index's run has it."""
    from kpss_cli.store import loading, views

    seniori = awkward / "orp-001/seniori"
    joined = "membership: [{name: Karel Nováček, org: Spolek, joined: 2020-05-05}]"
    write(seniori / "2020-05-05.md", minutes(f"group: orp-001-seniori\ndate: 2020-05-05\n{joined}"))
    latest = "group: orp-001-seniori\ndate: 2020-06-04\nnext_meeting: 2020-06-11"
    write(seniori / "2020-06-04.md", minutes(latest))
    query = ["remind", "--dry-run", str(tmp_path / "out"), "--as-of", "2020-06-08", "-a", str(awkward)]
    warm = invoke(*query)
    assert "Karel Nováček (member of" in warm.stderr
    counts = {"records": 0}
    real = views.unpack_attendance

    def counted(view: list[object]) -> object:
        counts["records"] += len(view)
        return real(view)

    monkeypatch.setattr(views, "unpack_attendance", counted)
    groups = len({p.parent for p in awkward.rglob("*.md")})
    for parallel_from in (10**9, 1):
        monkeypatch.setattr(loading, "PARALLEL_FROM", parallel_from)
        counts["records"] = 0
        cold = invoke("--no-cache", *query)
        assert (cold.exit_code, cold.stdout, cold.stderr) == (warm.exit_code, warm.stdout, warm.stderr)
        assert 0 < counts["records"] <= groups + 3  # the latest of each group, the three joins or leaves


@pytest.mark.parametrize("parallel_from", [10**9, 1], ids=["one process", "workers"])
def test_cold_attendance_by_person_counts_steps_made_where_parsed(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch, parallel_from: int
) -> None:
    """`attendance --no-cache` by person makes no minutes record but those that record joins or
    leaves: what each meeting does to each person's tally is made where its file is parsed,
    with kpss.yaml's members, and made again with the members over time for the minutes of a
    group whose members those joins and leaves change. The answers are the index's."""
    from kpss_cli.store import cold, loading

    monkeypatch.setattr(loading, "PARALLEL_FROM", parallel_from)
    counts = {"records": 0}
    real = cold.unpack_attendance

    def counted(view: list[object]) -> object:
        counts["records"] += len(view)
        return real(view)

    monkeypatch.setattr(cold, "unpack_attendance", counted)
    queries = [
        ["-f", "json"],
        ["-f", "csv", "--group", "seniori", "--since", "2019-03-01", "--until", "2019-08-31"],
        ["--group", "ORP 002 Jiné"],
    ]
    for query in queries:
        counts["records"] = 0
        cold_run = invoke("--no-cache", "attendance", *query, "-a", str(awkward))
        assert counts["records"] == 2  # the join and the leave
        warm = invoke("attendance", *query, "-a", str(awkward))
        assert (cold_run.exit_code, cold_run.stdout, cold_run.stderr) == (
            warm.exit_code,
            warm.stdout,
            warm.stderr,
        )


@pytest.mark.parametrize("parallel_from", [10**9, 1], ids=["one process", "workers"])
def test_cold_agenda_and_plan_make_only_what_they_read(
    invoke: Invoke, awkward: Path, monkeypatch: pytest.MonkeyPatch, parallel_from: int
) -> None:
    """`agenda --no-cache` reads of the minutes only each group's latest (its next meeting):
    only those records are made (and those that record joins or leaves). `plan` and `monitor
    --no-cache` without a plan file end with the error that there is no plan, after the
    archive's problems (a broken file, a task id defined twice): no task is made. Each answer
    is the index's."""
    from kpss_cli.store import cold, loading, views

    monkeypatch.setattr(loading, "PARALLEL_FROM", parallel_from)
    counts = {"records": 0, "task": 0}
    real = views.unpack_attendance

    def counted(view: list[object]) -> object:
        counts["records"] += len(view)
        return real(view)

    monkeypatch.setattr(views, "unpack_attendance", counted)
    count_calls(monkeypatch, cold, "_task", counts, "task")
    groups = len({p.parent for p in awkward.rglob("*.md")})

    def same(*query: str) -> dict[str, int]:
        warm = invoke(*query, "-a", str(awkward))
        counts.update(records=0, task=0)
        cold_run = invoke("--no-cache", *query, "-a", str(awkward))
        assert (cold_run.exit_code, cold_run.stdout, cold_run.stderr) == (
            warm.exit_code,
            warm.stdout,
            warm.stderr,
        )
        return dict(counts)

    rendered = same("agenda", "orp-001-seniori", "--date", "2019-06-20", *AS_OF)
    assert 0 < rendered["records"] <= groups + 3 and rendered["task"] > 0
    unknown = same("agenda", "orp-001-seniori", "--as-of", "2030-01-01")  # no next meeting known
    assert 0 < unknown["records"] <= groups + 3
    shutil.rmtree(awkward / "plan")
    for query in (["plan", *AS_OF], ["monitor", "--year", "2019", *AS_OF], ["plan", "--plan", "kp", *AS_OF]):
        planless = same(*query)
        assert planless["task"] == 0
    result = invoke("--no-cache", "plan", *AS_OF, "-a", str(awkward))
    assert "the archive has no plan" in result.stderr and "T-dvakrat" in result.stderr
    assert "broken.md" in result.stderr

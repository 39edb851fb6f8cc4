"""The quick path (kpss_cli/quick.py) answers the everyday `kpss tasks`, `list`, `show` and
`check` without Typer: it must answer exactly as the Typer command does, and leave everything
else to Typer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpss_cli.commands.options import AS_OF, QUICK, QUICK_GLOBAL, Spec
from kpss_cli.commands.quick import COMMANDS, WARM_PATH, WARM_TASKS, answer
from kpss_cli.core import __version__

from .conftest import REPO, Invoke

# Every form the quick path reads, alone and together; `{a}` is the archive.
READ = [
    ["tasks", "--archive", "{a}"],
    ["tasks", "--archive={a}", "--overdue"],
    ["tasks", "-a", "{a}", "--overdue", "--as-of", "2025-06-30"],
    ["tasks", "-a", "{a}", "--all", "--format", "json"],
    ["tasks", "-a", "{a}", "--done", "--cancelled", "-f", "csv"],
    ["tasks", "-a", "{a}", "--open", "--format=tsv", "--as-of=2026-01-01"],
    ["tasks", "-a", "{a}", "--owner", "Nováková", "--as-of", "2026-01-01", "-f", "jsonl"],
    ["tasks", "-a", "{a}", "--all", "--group", "seniori", "--format", "md"],
    ["tasks", "-a", "{a}", "--all", "-g", "no-such-group"],
    ["tasks", "-a", "{a}", "--all", "--since", "2025-01-01", "--until", "2025-12-31"],
    ["tasks", "-a", "{a}", "--all", "--due-before", "2025-06-01", "--due-after", "2024-01-01"],
    ["tasks", "-a", "{a}", "--due-before", "tomorrow"],
    ["tasks", "-a", "{a}", "--overdue", "--as-of", "2030-01-01", "--fail-if-any"],
    ["tasks", "-a", "{a}", "--as-of", "2026-01-01", "-f", "ics"],
    ["--no-cache", "tasks", "-a", "{a}", "--overdue", "--as-of", "2026-01-01"],
    ["tasks", "-a", "{a}/no-such-folder"],
    # Global options after `tasks`, and the shared ones before it (commands/argv.py).
    ["tasks", "-a", "{a}", "--overdue", "--no-cache", "--as-of", "2026-01-01"],
    ["--archive", "{a}", "--as-of", "2026-01-01", "tasks", "--overdue"],
    ["-f", "csv", "tasks", "-a", "{a}", "--all"],
    ["tasks", "-a", "{a}", "--due-before", "zítra", "--as-of", "5. 1. 2026"],
    ["list", "-a", "{a}"],
    ["list", "-a", "{a}", "-f", "json", "--group", "seniori", "--since", "2025-01-01"],
    ["list", "--archive={a}", "--until", "zítra", "--as-of", "2025-06-30", "-f", "csv"],
    ["list", "-a", "{a}", "--as-of", "30. 2. 2025"],
    ["--as-of", "2025-06-30", "-a", "{a}", "list", "--no-cache", "--format=tsv"],
    ["show", "seniori/2022-03-14", "-a", "{a}"],
    ["show", "-a", "{a}", "-f", "json", "seniori/2022-03-14"],
    ["show", "-a", "{a}", "no-such-minutes"],
    ["check", "-a", "{a}"],
    ["check", "-a", "{a}", "--strict", "--as-of", "2026-01-01", "-f", "json"],
    ["-f", "csv", "check", "-a", "{a}", "--as-of=2030-01-01"],
    ["schedule", "-a", "{a}", "--as-of", "2022-03-01"],
    ["schedule", "-a", "{a}", "--year", "2022", "-f", "json", "--group", "seniori"],
    ["schedule", "-a", "{a}", "--from", "2021-06-01", "--to", "2022-06-30", "-f", "ics"],
    ["schedule", "-a", "{a}", "-f", "ics", "--as-of", "2022-01-01"],
    ["schedule", "-a", "{a}", "--from", "2022-06-01", "--to", "2022-01-01"],
    ["members", "seniori", "-a", "{a}", "--as-of", "2022-02-01"],
    ["members", "-a", "{a}", "--history", "-f", "json", "ridici"],
    ["members", "seniori", "-a", "{a}", "--on", "2021-01-01", "-f", "csv"],
    ["members", "no-such-group", "-a", "{a}"],
    ["members", "seniori", "-a", "{a}", "--history", "--on", "2021-01-01"],
    ["attendance", "-a", "{a}"],
    ["attendance", "-a", "{a}", "-f", "json", "--group", "seniori", "--since", "2022-01-01"],
    ["attendance", "-a", "{a}", "--until", "zítra", "--as-of", "2022-02-01", "-f", "csv"],
    ["agenda", "seniori", "-a", "{a}", "--as-of", "2022-03-01"],
    ["agenda", "-a", "{a}", "seniori", "--date", "2022-04-01", "--ids", "--lang", "en"],
    ["agenda", "no-such-group", "-a", "{a}"],
    ["agenda", "seniori", "-a", "{a}", "--lang", "de"],
    ["agenda", "seniori", "-a", "{a}", "--date", "31. 2. 2022"],
    ["plan", "-a", "{a}", "--as-of", "2026-01-01"],
    ["plan", "-a", "{a}", "-f", "json", "--state", "hotovo", "--level", "1", "--group", "seniori"],
    ["plan", "-a", "{a}", "--plan", "no-such-plan"],
    ["plan", "-a", "{a}", "--level", "no-such-level", "--as-of", "2026-01-01"],
    ["monitor", "--year", "2025", "-a", "{a}", "--as-of", "2026-01-01"],
    ["monitor", "-a", "{a}", "-y", "2025", "-f", "json", "--plan", "kp-2024-2027", "--lang", "en"],
    ["monitor", "-a", "{a}", "--year=2025", "-f", "csv"],
    ["monitor", "-a", "{a}", "--year", "2031", "--as-of", "2026-01-01"],
    ["remind", "-a", "{a}", "--dry-run", "{a}/../mail-out", "--as-of", "2025-05-10"],
    ["remind", "--dry-run={a}/../mail-out/", "-a", "{a}"],
    ["export", "{a}/../out", "--to", "jsonl", "-a", "{a}", "--force"],
    ["export", "--to=sqlite", "--force", "{a}/../out.sqlite", "--archive={a}", "--name", "town"],
    ["export", "-t", "jsonl", "{a}/../out", "-a", "{a}", "--force", "--append"],
    ["--archive", "{a}", "export", "{a}/../out/", "-t", "jsonl", "--force", "--no-cache"],
    ["export", "{a}", "--to", "jsonl", "-a", "{a}"],
]

# Forms left to Typer: its help, its errors, and options the quick path does not read.
LEFT = [
    [],
    ["--help"],
    ["--debug", "tasks"],
    ["task", "x#1"],
    ["list", "--help"],
    ["list", "extra"],
    ["list", "--excel"],
    ["list", "-f", "ics"],
    ["list", "--overdue"],
    ["--archive", "x", "--archive", "y", "list"],
    ["show"],
    ["show", "a", "b"],
    ["show", "-f", "csv", "a"],
    ["check", "--explain", "bad-date"],
    ["check", "some/file.md"],
    ["check", "--strict=yes"],
    ["attendance", "--by", "org"],
    ["attendance", "--public"],
    ["schedule", "--year", "0"],
    ["schedule", "--year", "99999"],
    ["schedule", "--year", "dvacet"],
    ["schedule", "--year", "+5"],
    ["members"],
    ["members", "a", "b"],
    ["agenda"],
    ["agenda", "seniori", "--public"],
    ["agenda", "seniori", "--to", "html"],
    ["agenda", "seniori", "--template", "agenda.md.j2"],
    ["-f", "md", "agenda", "seniori"],
    ["plan", "import", "kp.csv"],
    ["plan", "--help"],
    ["monitor"],
    ["monitor", "--year", "0"],
    ["monitor", "--year", "2025", "--template", "x.md.j2"],
    ["remind"],
    ["remind", "--dry-run", "out", "--days", "3"],
    ["remind", "--to-me", "a@example.org", "--dry-run", "out"],
    ["export", "out", "--to", "xml"],
    ["export", "out"],
    ["export", "--to", "jsonl"],
    ["export", "out", "--to", "jsonl", "-a", "x", "-a", "y"],
    ["export", "out", "--to", "jsonl", "--name", "x", "--name", "y"],
    ["export", "--help"],
    ["tasks", "--help"],
    ["tasks", "--by", "owner"],
    ["tasks", "--template", "tasks.md.j2"],
    ["tasks", "--excel"],
    ["tasks", "--due-within", "7"],
    ["tasks", "--format", "xml"],
    ["tasks", "--owner", "--overdue"],
    ["tasks", "--owner"],
    ["tasks", "--owner="],
    ["tasks", "--owner", "a", "--owner", "b"],
    ["tasks", "-aexamples"],
    ["tasks", "-a=examples"],
    ["tasks", "--overdue=yes"],
    ["tasks", "--", "--overdue"],
    ["tasks", "extra"],
    ["tasks", "--verbose"],
]


def _quick(argv: list[str], env: dict[str, str]) -> tuple[int | None, str, str]:
    """Run the quick path as the entry point does; (exit code, stdout, stderr), with line ends
    as CliRunner's results show them."""
    with CliRunner().isolation(env=env) as (stdout, stderr, _):
        code = answer(argv, os.environ)
        sys.stdout.flush()
        sys.stderr.flush()
        return code, *(s.getvalue().decode().replace("\r\n", "\n") for s in (stdout, stderr))


def _argv(form: list[str], archive: Path) -> list[str]:
    return [word.replace("{a}", str(archive)) for word in form]


@pytest.mark.parametrize("form", READ, ids=" ".join)
@pytest.mark.parametrize("which", ["archive", "broken"])
def test_quick_path_answers_as_the_typer_command_does(
    form: list[str], which: str, invoke: Invoke, archive: Path, broken: Path
) -> None:
    folder = archive if which == "archive" else broken
    argv = _argv(form, folder)
    expected = invoke(*argv)
    for run in ("first", "warm"):  # the first run builds the index and snapshot, the next reads them
        code, stdout, stderr = _quick(argv, {})
        assert (code, stdout, stderr) == (expected.exit_code, expected.stdout, expected.stderr), run


def test_quick_path_reads_the_archive_and_today_from_the_environment(invoke: Invoke, archive: Path) -> None:
    env = {"KPSS_ARCHIVE": str(archive), "KPSS_TODAY": "2026-01-01"}
    expected = invoke("tasks", "--overdue", env=env)
    assert expected.exit_code == 0 and "overdue (as of 2026-01-01)" in expected.stdout
    assert _quick(["tasks", "--overdue"], env) == (0, expected.stdout, expected.stderr)
    # An option given on the command line wins over the environment.
    expected = invoke("tasks", "--as-of", "2020-01-01", env=env)
    assert _quick(["tasks", "--as-of", "2020-01-01"], env) == (0, expected.stdout, expected.stderr)


def test_quick_path_sees_edits_new_and_removed_files(invoke: Invoke, archive: Path) -> None:
    argv = ["tasks", "-a", str(archive), "--all", "-f", "json"]
    before = _quick(argv, {})
    files = sorted(archive.rglob("*.md"))
    files[0].unlink()
    edited = files[1].read_text(encoding="utf-8").replace("status: open", "status: done", 1)
    files[1].write_text(edited + "\n", encoding="utf-8")
    (archive / "extra.md").write_text(files[2].read_text(encoding="utf-8"), encoding="utf-8")
    after = _quick(argv, {})
    assert after != before
    expected = invoke("--no-cache", *argv)
    assert after == (expected.exit_code, expected.stdout, expected.stderr)


@pytest.mark.parametrize("form", LEFT, ids=lambda form: " ".join(form) or "(nothing)")
def test_quick_path_leaves_other_command_lines_to_typer(form: list[str]) -> None:
    assert _quick(form, {}) == (None, "", "")


def test_quick_path_leaves_kpss_no_cache_in_the_environment_to_typer(archive: Path) -> None:
    assert _quick(["tasks", "-a", str(archive)], {"KPSS_NO_CACHE": "1"}) == (None, "", "")


def test_version_is_answered_without_typer() -> None:
    assert _quick(["--version"], {}) == (0, f"kpss {__version__}\n", "")


# A warm run of each command of the quick path, on examples/ (tasks first).
WARM_FORMS = [
    ["tasks", "--overdue"],
    ["list", "-f", "json"],
    ["show", "seniori/2025-02-13"],
    ["check"],
    ["schedule"],
    ["members", "seniori"],
    ["attendance", "-f", "json"],
    ["agenda", "seniori"],
    ["plan"],
    ["monitor", "--year", "2025"],
    ["remind", "--dry-run", "{out}"],
    ["export", "{out}-export", "--to", "jsonl", "--force"],
]
# What no warm run imports: Typer, rich, YAML, Jinja, dateutil, no process pool, no
# `dataclasses` (whose import of `inspect` alone took 10 ms), no `pickle`. (`remind` still
# imports `dataclasses`, with the `email` package and smtplib: mail/message.py, mail/deliver.py.)
HEAVY = ("typer", "rich", "yaml", "jinja2", "dateutil", "multiprocessing", "dataclasses", "inspect", "pickle")
ALLOWED = {"remind": {"dataclasses", "inspect"}}
# What a warm `kpss export` (the kept export refreshed at its target) does without: these took
# some 14 ms of its start (export/kept.py, export/write.py).
EXPORT_SPARED = ("typing", "hashlib", "tempfile", "threading", "queue", "shutil", "random", "base64")


def test_warm_runs_import_neither_typer_nor_yaml_nor_jinja(tmp_path: Path) -> None:
    """The point of the quick path: a warm run loads only what it needs (here with a kpss.yaml
    of schedules, whose YAML data lies in the snapshot). A warm `kpss tasks` not even `typing`
    or `pathlib` (4 ms). Run without `site`, whose editable-install hook imports pathlib
    itself; the first run of each (which builds the index, and may render with kpss's
    templates, which `-S` does not find) is an ordinary one."""
    archive = tmp_path / "examples"
    shutil.copytree(REPO / "examples", archive)
    import sysconfig

    paths = [str(REPO), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    script = (
        f"import sys; sys.path[:0] = {paths!r}\n"
        "import os\n"
        "from kpss_cli.main import run\n"
        "from kpss_cli.store import loading\n"
        "loading.SETTLED_NS = 0  # the copied files are new: kept in the index all the same (conftest)\n"
        "sys.argv = ['kpss', *sys.argv[1:]]\n"
        "try:\n"
        "    run()\n"
        "finally:\n"
        f"    heavy = sorted(m for m in {(*HEAVY, *EXPORT_SPARED, 'pathlib')!r} if m in sys.modules)\n"
        "    print('kpss:', ' '.join(sorted(m for m in sys.modules if m.startswith('kpss_cli'))), file=sys.stderr)\n"
        "    print('loaded:', ' '.join(heavy), file=sys.stderr)\n"
    )
    imported: set[str] = set()
    for form in WARM_FORMS:
        words = [*(w.replace("{out}", str(tmp_path / "mail")) for w in form), "-a", str(archive)]
        words += ["--as-of", "2026-01-01"]
        first = subprocess.run(
            [sys.executable, "-c", script, *words], capture_output=True, text=True, check=False
        )
        warm = subprocess.run(
            [sys.executable, "-S", "-c", script, *words], capture_output=True, text=True, check=False
        )
        assert first.returncode == warm.returncode == 0, (form, first.stderr, warm.stderr)
        assert warm.stdout == first.stdout and (warm.stdout or form[0] == "remind"), form
        loaded = warm.stderr.splitlines()[-1].split()[1:]
        assert not set(loaded) & {*HEAVY} - ALLOWED.get(form[0], set()), (form, loaded)
        if form[0] == "export":  # the second run to this target: refreshed
            assert not set(loaded) & {*EXPORT_SPARED}, (form, loaded)
        modules = set(warm.stderr.splitlines()[-2].split()[1:])
        if form[0] == "tasks":
            assert "yaml" in first.stderr  # the first run parsed the minutes
            assert loaded == [] and "overdue (as of 2026-01-01)" in warm.stdout
            # The warm `kpss tasks` is what quick.WARM_TASKS declares.
            assert modules == WARM_TASKS
        imported |= modules
    # The warm path is what quick.WARM_PATH declares, whose modules keep their imports lean.
    assert imported == WARM_PATH, " ".join(sorted(imported ^ WARM_PATH))


SAMPLE_VALUES = {
    "archive": "{a}", "fmt": "csv", "owner": "Nováková", "group": "seniori", "year": "2025", "lang": "en",
    "plan_id": "kp-2024-2027", "level": "1", "state": "done", "dry_run": "{a}/../mail-sample",
}  # fmt: skip


def _sample(spec: Spec, command: str) -> str:
    if spec.dest == "fmt" and command == "show":
        return "json"
    if spec.choices is not None:
        return spec.choices[-1]
    return SAMPLE_VALUES.get(spec.dest, "2025-06-30")


QUICK_OPTIONS = [(command, spec) for command, specs in QUICK.items() for spec in (*specs, AS_OF)]


@pytest.mark.parametrize(
    ("command", "spec"), QUICK_OPTIONS, ids=lambda x: x if isinstance(x, str) else x.flags[0]
)
def test_every_option_the_quick_path_reads_answers_as_typer_does(
    command: str, spec: Spec, invoke: Invoke, archive: Path
) -> None:
    """Each option of options.QUICK, in each of its spellings, both ways."""
    words_of = {
        "show": ["seniori/2022-03-14"],
        "members": ["seniori"],
        "agenda": ["seniori"],
        "export": ["{a}/../export"],
    }
    for flag in spec.flags:
        words = [flag, _sample(spec, command)] if spec.takes_value else [flag]
        form = [command, *words_of.get(command, [])]
        form += ["--year", "2025"] if command == "monitor" and spec.dest != "year" else []
        form += ["--dry-run", "{a}/../mail"] if command == "remind" and spec.dest != "dry_run" else []
        form += ["--to", "jsonl"] if command == "export" and spec.dest != "to" else []
        form += ["--force"] if command == "export" and spec.dest != "force" else []
        form += [*(["-a", "{a}"] if spec.dest != "archive" else []), *words, "--as-of", "2026-01-01"]
        if spec.dest == "as_of":
            form = form[:-2]
        argv = _argv(form, archive)
        expected = invoke(*argv)
        assert _quick(argv, {}) == (expected.exit_code, expected.stdout, expected.stderr), argv


def test_the_quick_path_reads_the_options_the_typer_command_declares() -> None:
    """The Typer commands build their options from options.py too: same flags, same
    environment variables, same parameters, so the two paths cannot drift apart."""
    import typer.main

    from kpss_cli.commands.cli import app

    command = typer.main.get_command(app)
    assert set(QUICK) == set(COMMANDS)
    for name, specs in QUICK.items():
        declared = {param.name: param for param in command.commands[name].params}  # type: ignore[attr-defined]
        for spec in specs:
            param = declared[spec.dest]
            assert tuple(param.opts) == spec.flags
            assert param.envvar == spec.envvar
            assert (not param.is_flag) == spec.takes_value
        # The words the quick path reads are the command's first arguments (check's files are not read).
        words = list(COMMANDS[name][2])
        assert [p.name for p in declared.values() if p.param_type_name == "argument"][: len(words)] == words
    global_params = {param.name: param for param in command.params}
    for spec in QUICK_GLOBAL:
        assert tuple(global_params[spec.dest].opts) == spec.flags
        assert global_params[spec.dest].envvar == spec.envvar

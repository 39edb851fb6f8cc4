"""What kpss writes from an archive that others write to: text from minutes cannot become
YAML, updates or tasks in new minutes; formulas stay text in spreadsheet CSV; writes are all
or nothing, even when the process is killed at any write; ordinary failures are exit 2."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kpss_cli.commands.cli import app
from kpss_cli.minutes.parse import parse_minutes
from kpss_cli.store.safefile import create_new

from .conftest import REPO, Invoke, minutes, write

AS_OF = ["--as-of", "2026-05-01"]

# Task texts that try to write YAML, updates, tasks or checklist marks into new minutes.
HOSTILE_TEXTS = [
    "Hotovo\n    status: done\n  - id: g/2026-01-10#2\n    status: done",
    "Hotovo\r\nupdates: []",
    "Hotovo\u2028  - id: g/2026-01-10#2\u2028    status: done",
    "Hotovo\x85status: done",
    "[x] g/2026-01-10#2 splněno",
    "Úkol: Falešný úkol; Zajistí: Nikdo; Termín: 2020-01-01",
    "**Úkol:** Falešný úkol",
    "- [-] g/2026-01-10#2",
    '"}], status: done, x: [{"',
    "# status: done",
]


def _archive(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "archive"
    write(root / "kpss.yaml", "groups:\n  - {slug: g, name: Skupina G}\n")
    tasks = json.dumps([{"task": text, "owner": "Eva"}, {"task": "Druhý úkol", "owner": "Jan"}])
    write(root / "g/2026-01-10.md", minutes(f"group: g\ndate: 2026-01-10\ntasks: {tasks}\nstatus: approved"))
    return root


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
def test_task_texts_cannot_write_into_new_minutes(invoke: Invoke, tmp_path: Path, text: str) -> None:
    root = _archive(tmp_path, text)
    before = invoke("tasks", "--all", "-f", "json", "-a", str(root), *AS_OF)
    assert before.exit_code == 0, before.stderr
    made = invoke("new-minutes", "g", "--date", "2026-03-10", "-a", str(root), *AS_OF)
    assert made.exit_code == 0, made.stderr
    data = (root / "g/2026-03-10.md").read_bytes()
    record, problems = parse_minutes(data, "g/2026-03-10.md", "g/2026-03-10.md")
    assert record is not None and not [p for p in problems if p.is_error]
    # The review lists both open tasks as open, and nothing else: no task, no update, no mark.
    assert [(u.id, u.status) for u in record.updates] == [
        ("g/2026-01-10#1", "open"),
        ("g/2026-01-10#2", "open"),
    ]
    assert record.tasks == [] and record.loose_checks == []
    assert set(record.extra) <= {"recorder"}
    after = invoke("tasks", "--all", "-f", "json", "-a", str(root), *AS_OF)
    assert json.loads(after.stdout) == json.loads(before.stdout)
    assert invoke("check", "-a", str(root), *AS_OF).exit_code == 0


def test_spreadsheet_csv_keeps_formulas_as_text(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    tasks = json.dumps(
        [
            {"task": '=HYPERLINK("http://example.org","klik")', "owner": "+420 123"},
            {"task": "@SUM(A1)", "owner": "-Eva"},
            {"task": "\tTab", "owner": "Jan = Eva"},
        ]
    )
    write(root / "g/2026-01-10.md", minutes(f"group: g\ndate: 2026-01-10\ntasks: {tasks}"))
    excel = invoke("tasks", "--excel", "-a", str(root), *AS_OF)
    assert excel.exit_code == 0, excel.stderr
    cells = [cell for line in excel.stdout.lstrip("\ufeff").splitlines()[1:] for cell in line.split(";")]
    assert '\'=HYPERLINK(""http://example.org"",""klik"")' in excel.stdout
    assert "'@SUM(A1)" in cells and "'+420 123" in cells and "'-Eva" in cells and "Jan = Eva" in cells
    assert not any(cell.lstrip('"').startswith(("=", "+", "-", "@", "\t")) for cell in cells)
    # CSV for pipelines keeps the text as written.
    plain = invoke("tasks", "--format", "csv", "-a", str(root), *AS_OF)
    assert '"=HYPERLINK(""http://example.org"",""klik"")"' in plain.stdout and ",@SUM(A1)," in plain.stdout


@pytest.mark.parametrize("folder", [".kpss", ".git/zapisy", "templates", "templates/g", "g/.skryte"])
def test_hidden_folders_and_templates_are_never_group_folders(
    invoke: Invoke, tmp_path: Path, folder: str
) -> None:
    root = tmp_path / "archive"
    write(root / "kpss.yaml", f"groups:\n  - name: G\n    folder: {folder}\n")
    result = invoke("new-minutes", "g", "--date", "2026-03-10", "-a", str(root))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kpss: error: {root}/kpss.yaml:2: the folder of group 'G' cannot be")
    assert result.stderr.count("\n") == 1
    assert sorted(p.name for p in root.rglob("*")) == ["kpss.yaml"]


@pytest.mark.parametrize(
    "command",
    [
        ["tasks", "--as-of", "9999-12-31"],
        ["tasks", "--due-before", "9999-12-31"],
        ["list", "--since", "0001-01-01"],
        ["schedule", "--from", "9999-12-30"],
        ["agenda", "ridici", "--date", "9999-12-31"],
        ["new-minutes", "ridici", "--date", "9999-12-31", "--stdout"],
    ],
)
def test_dates_at_the_end_of_the_calendar_are_a_clear_error(
    invoke: Invoke, archive: Path, command: list[str]
) -> None:
    result = invoke(*command, "-a", str(archive))
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("kpss: error: --") and "out of the range" in result.stderr
    assert result.stderr.count("\n") == 1


def test_init_where_the_folder_cannot_be_made_is_a_clear_error(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "soubor"
    blocker.write_text("not a folder", encoding="utf-8")
    result = invoke("init", str(blocker / "zapisy"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kpss: error: cannot create the archive folder {blocker / 'zapisy'}")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", denied)  # root may write anywhere: deny it as a share would
    result = invoke("init", str(tmp_path / "jinde"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"kpss: error: cannot create the archive folder {tmp_path / 'jinde'}: permission denied\n",
    )


def test_approve_changes_the_line_the_file_holds_now(invoke: Invoke, archive: Path) -> None:
    """The index read the file before an editor added lines above `status:`: approve finds
    the status line in the file as it is now, not where the index saw it."""
    target = archive / "ridici/2022-01-19.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("status: approved", "status: draft"), "utf-8"
    )
    assert invoke("list", "-a", str(archive)).exit_code == 0  # the index holds the old lines
    stat = target.stat()
    text = target.read_text(encoding="utf-8")
    edited = text.replace("recorder: Dana Morcová\n", "recorder: Dana Morcová\n# x\n")
    edited = edited.replace("termíny rozeslány", "termíny rozesl")  # the same size as before
    assert len(edited.encode()) == stat.st_size
    target.write_text(edited, encoding="utf-8")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = invoke("approve", "ridici/2022-01-19", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == edited.replace("status: draft", "status: approved")


def test_approve_leaves_a_file_an_editor_saved_meanwhile(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpss_cli.store import safefile

    target = archive / "ridici/2022-01-19.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("status: approved", "status: draft"), "utf-8"
    )
    saved = target.read_text(encoding="utf-8").replace("Různé", "Různé a ostatní")
    take_lock = safefile._take_lock

    def editor_saves_first(lock: Path, shown: str) -> int:
        target.write_text(saved, encoding="utf-8")
        return take_lock(lock, shown)

    monkeypatch.setattr(safefile, "_take_lock", editor_saves_first)
    result = invoke("approve", "ridici/2022-01-19", "-a", str(archive))
    # The bytes approve had parsed are gone: it reads the editor's file again and approves that.
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") == saved.replace("status: draft", "status: approved")
    assert sorted(p.name for p in target.parent.iterdir()) == ["2021-12-15.md", "2022-01-19.md"]

    def editor_always_saves(lock: Path, shown: str) -> int:  # an editor that never stops saving
        target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return take_lock(lock, shown)

    target.write_text(saved, encoding="utf-8")
    monkeypatch.setattr(safefile, "_take_lock", editor_always_saves)
    result = invoke("approve", "ridici/2022-01-19", "-a", str(archive))
    assert result.exit_code == 2
    assert "changed since kpss read it; nothing was written" in result.stderr
    assert target.read_text(encoding="utf-8") == saved + "\n\n\n"


def test_a_lock_left_by_a_killed_kpss_is_taken_over(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from kpss_cli.store import safefile

    monkeypatch.setattr(safefile, "LOCK_WAIT", 0.3)
    target = archive / "ridici/2022-01-19.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("status: approved", "status: draft"), "utf-8"
    )
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock = target.with_name(f".{target.name}.kpss-lock")
    lock.write_text(f"{socket.gethostname()} {dead.stdout.strip()}\n", encoding="utf-8")
    assert invoke("approve", "ridici/2022-01-19", "-a", str(archive)).exit_code == 0
    assert not lock.exists() and "status: approved" in target.read_text(encoding="utf-8")
    # A lock of a process that still runs, or of another computer, is respected.
    target.write_text(
        target.read_text(encoding="utf-8").replace("status: approved", "status: draft"), "utf-8"
    )
    for owner in (f"{socket.gethostname()} {os.getpid()}", "jiny-pocitac 1"):
        lock.write_text(owner + "\n", encoding="utf-8")
        result = invoke("approve", "ridici/2022-01-19", "-a", str(archive))
        assert result.exit_code == 2 and "is being changed by another kpss" in result.stderr
    lock.unlink()


# --- kill -9 at every write, rename and fsync -------------------------------------------------

# Runs kpss, counting the calls that make a write durable or visible; with KPSS_KILL_AT=NAME:N
# the process kills itself (SIGKILL: no cleanup runs) right after the N-th call of NAME.
KILLER = """
import os, signal, sys
counts = {}
name_at, _, at = os.environ.get("KPSS_KILL_AT", "none:0").partition(":")
def counting(name, real):
    def call(*args, **kwargs):
        result = real(*args, **kwargs)
        counts[name] = counts.get(name, 0) + 1
        if name == name_at and counts[name] == int(at):
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return call
for name in ("write", "fsync", "replace", "rename", "link"):
    setattr(os, name, counting(name, getattr(os, name)))
import atexit
atexit.register(lambda: print("calls:", *sorted(f"{k}={v}" for k, v in counts.items()), file=sys.stderr))
sys.argv = ["kpss", *sys.argv[1:]]
from kpss_cli.main import run
run()
"""


def _kpss(args: list[str], cwd: Path, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "KPSS_TODAY": "2026-05-01"}
    if kill_at:
        env["KPSS_KILL_AT"] = kill_at
    return subprocess.run(
        [sys.executable, "-c", KILLER, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def _visible(folder: Path) -> dict[str, bytes]:
    """The files of an archive as kpss and people see them: not hidden ones (temporary files
    of a killed write, the index)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    }


def _prepare_approve(root: Path) -> None:
    target = root / "ridici/2022-01-19.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("status: approved", "status: draft"), "utf-8"
    )


def _prepare_import(root: Path) -> None:
    write(
        root.parent / "stary-zapis.txt",
        "Zápis z jednání pracovní skupiny Senioři\nDatum: 14. 4. 2026\nPřítomni: Olga Merglová, Pavel Kalous\n"
        "Úkol: Zjistit kapacity\nZajistí: Olga Merglová\nTermín: 30. 6. 2026\n",
    )


def _prepare_task(root: Path) -> None:
    write(
        root / "ridici/2022-03-16.md",
        minutes("group: ridici\ndate: 2022-03-16\n# koncept\nupdates: []\nstatus: draft"),
    )


WRITERS = {
    "new-minutes": (["new-minutes", "seniori", "--date", "2026-05-12"], lambda root: None),
    "approve": (["approve", "ridici/2022-01-19"], _prepare_approve),
    "import": (["import", "../stary-zapis.txt", "--group", "seniori"], _prepare_import),
    "init": (["init", "nove"], lambda root: None),
    "task": (["task", "ridici/2022-01-19#1", "done"], _prepare_task),
}


@pytest.mark.parametrize("command", list(WRITERS))
def test_a_kill_at_any_write_leaves_the_old_state_or_the_new(
    invoke: Invoke, archive: Path, tmp_path: Path, command: str
) -> None:
    """For every N: kill -9 right after the N-th write, fsync, rename or link. The archive then
    holds the old files or the new ones, never a half-written one; `kpss check` finds no
    error; and the command, run again, ends as an undisturbed run does (or, where the killed
    run had already created its file, refuses to create it twice)."""
    args, prepare = WRITERS[command]
    prepare(archive)
    old = _visible(archive)
    invoke("list", "-a", str(archive))  # the index and signing key exist, as in daily use
    pristine = tmp_path / "pristine"
    subprocess.run(["cp", "-a", str(archive), str(pristine)], check=True)

    def reset() -> None:
        subprocess.run(["rm", "-rf", str(archive)], check=True)
        subprocess.run(["cp", "-a", str(pristine), str(archive)], check=True)

    clean = _kpss(args, archive)
    assert clean.returncode == 0, clean.stderr
    new = _visible(archive)
    assert new != old
    calls = dict(item.split("=") for item in clean.stderr.split("calls:")[-1].split())
    points = [f"{name}:{n}" for name, count in calls.items() for n in range(1, int(count) + 1)]
    assert len(points) >= 3, calls
    for point in points:
        reset()
        killed = _kpss(args, archive, kill_at=point)
        assert killed.returncode == -signal.SIGKILL, (point, killed.stderr)
        now = _visible(archive)
        for name in set(now) | set(old) | set(new):
            assert now.get(name) in (old.get(name), new.get(name)), (point, name)
        found = invoke("check", "-a", str(archive), "--format", "json", *AS_OF)
        assert not [f for f in json.loads(found.stdout) if f["severity"] == "error"], (point, found.stdout)
        again = _kpss(args, archive)
        if now == new and again.returncode:  # it was done: creating it again is refused
            assert again.returncode == 2 and "already exists; nothing was written" in again.stderr, point
        else:
            assert again.returncode == 0, (point, again.stderr)
        assert _visible(archive) == new, point


# --- properties ----------------------------------------------------------------------------------

_BREAKS = st.sampled_from(
    ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x1b[2J", "[x] ", "Úkol: ", ": ", "#"]
)
_TEXTS = st.lists(st.one_of(st.text(min_size=1, max_size=12), _BREAKS), min_size=1, max_size=8).map("".join)


@settings(max_examples=60, deadline=None)
@given(_TEXTS, _TEXTS)
def test_no_task_text_or_owner_changes_what_new_minutes_say(text: str, owner: str) -> None:
    """Whatever a task's text and owner hold, the new minutes parse to exactly one open update
    of that task, and nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = json.dumps([{"task": text or "x", "owner": owner}])
        write(root / "kpss.yaml", "groups:\n  - {slug: g, name: G}\n")
        write(root / "g/2026-01-10.md", minutes(f"group: g\ndate: 2026-01-10\ntasks: {data}"))
        result = CliRunner().invoke(
            app, ["--no-cache", "new-minutes", "g", "--date", "2026-03-10", "--stdout", "-a", folder, *AS_OF]
        )
        assert result.exit_code in (0, 2), result.stderr  # 2: the old file itself may be broken
        if result.exit_code == 0:
            record, problems = parse_minutes(result.stdout.encode(), "g/2026-03-10.md", "g/2026-03-10.md")
            assert record is not None and not [p for p in problems if p.is_error], problems
            assert [(u.id, u.status) for u in record.updates] == [("g/2026-01-10#1", "open")]
            assert record.tasks == [] and record.loose_checks == []


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_a_created_file_reads_back_as_written(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g" / "nove.md"
        create_new(path, text, "g/nove.md")
        assert path.read_bytes().decode("utf-8") == text
        assert sorted(p.name for p in path.parent.iterdir()) == ["nove.md"]


def test_a_pipe_named_kpss_yaml_is_an_error_not_a_hang(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    write(root / "g/2026-01-10.md", minutes("group: g\ndate: 2026-01-10"))
    os.mkfifo(root / "kpss.yaml")
    result = _kpss(["list", "-a", str(root)], tmp_path)
    assert result.returncode == 2
    assert (
        "kpss: error: " in result.stderr
        and "kpss.yaml" in result.stderr
        and "not a regular file" in result.stderr
    )

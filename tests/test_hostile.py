"""Hostile, broken and huge input: no crash, no hang, no traceback, nothing run, nothing lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import DATA, Invoke, write

PWNED = Path("/tmp/kpss-hostile-ran")
TODAY = {"KPSS_TODAY": "2022-06-01"}


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tests/data/hostile, plus what is too big or too odd to keep in git, made here."""
    root = tmp_path / "hostile"
    shutil.copytree(DATA / "hostile", root)
    write(root / "kpss.yaml", "groups:\n  - slug: hostile\n    name: Hostile\n    folder: g\n")
    big = root / "g/fifty-megabytes.md"
    with big.open("wb") as handle:
        handle.write(b"---\ngroup: Hostile\ndate: 2022-01-01\n---\n")
        handle.truncate(50 * 1024 * 1024)
    write(
        root / "g/huge-front-matter.md",
        "---\ngroup: Hostile\ndate: 2022-01-01\nplace: " + "x" * 70_000 + "\n---\n",
    )
    os.symlink(root / "g/loop-b.md", root / "g/loop-a.md")
    os.symlink(root / "g/loop-a.md", root / "g/loop-b.md")
    outside = write(tmp_path / "secret.md", "---\ngroup: Hostile\ndate: 2022-01-02\n---\n")
    os.symlink(outside, root / "g/outside.md")
    os.symlink(tmp_path, root / "g/linked-folder")
    monkeypatch.chdir(root)
    PWNED.unlink(missing_ok=True)
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file people wrote (kpss's own index in .kpss/ aside)."""
    return {
        str(p): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink() and ".kpss" not in p.parts
    }


def test_check_reports_each_hostile_file_exactly(invoke: Invoke, hostile: Path) -> None:
    result = invoke("check", "--as-of", "2022-06-01")
    assert result.exit_code == 2
    expected = (DATA / "expected" / "hostile-check.txt").read_text(encoding="utf-8").splitlines()
    extra = [
        "g/fifty-megabytes.md:1: error: file is 50.0 MiB, over the 5 MiB limit for minutes [too-large]",
        "g/huge-front-matter.md:2: error: front matter is larger than 64 KiB [yaml]",
        "g/loop-a.md:1: error: cannot read the file: Symlink loop from '"
        + str(hostile / "g/loop-a.md")
        + "' [unreadable]",
        "g/loop-b.md:1: error: cannot read the file: Symlink loop from '"
        + str(hostile / "g/loop-b.md")
        + "' [unreadable]",
        "g/outside.md:1: warning: a link to a file outside the archive; skipped [symlink-outside]",
    ]
    assert sorted(result.stdout.splitlines()) == sorted(expected + extra)


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "-f", "json"],
        ["show", "g/good"],
        ["show", "g/control-characters"],
        ["tasks", "--all"],
        ["tasks", "--overdue", "-f", "csv"],
        ["task", "g/good#1"],
        ["check"],
        ["attendance"],
        ["attendance", "--by", "meeting"],
        ["schedule", "--year", "2022"],
        ["agenda", "hostile", "--date", "2022-02-01"],
        ["render", "g/control-characters", "--to", "html"],
        ["new-minutes", "hostile", "--date", "2022-03-01"],
        ["approve", "g/good"],
    ],
    ids=lambda a: " ".join(a),
)
def test_every_command_survives(invoke: Invoke, hostile: Path, tmp_path: Path, args: list[str]) -> None:
    outside_before = snapshot(tmp_path / "work")
    result = invoke(*args, env=TODAY)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.stderr and "this is a bug" not in result.stderr
    assert all(line.startswith("kpss: ") for line in result.stderr.splitlines())
    assert not PWNED.exists()
    assert snapshot(tmp_path / "work") == outside_before  # nothing written outside the archive
    if args[0] == "list":
        assert "g/good" in result.stdout and "g/bom-crlf" in result.stdout and "g/utf16" in result.stdout


def test_no_terminal_escapes_reach_the_screen(invoke: Invoke, hostile: Path) -> None:
    for args in (["show", "g/control-characters"], ["tasks", "--all"], ["list"], ["check"]):
        result = invoke(*args, env=TODAY)
        assert "\x1b" not in result.stdout and "\x1b" not in result.stderr and "\u202e" not in result.stdout
        assert "\x07" not in result.stdout


def test_user_files_are_untouched_by_reading_commands(invoke: Invoke, hostile: Path) -> None:
    before = snapshot(hostile)
    for args in (["list"], ["tasks", "--all"], ["check"], ["attendance"], ["schedule"]):
        invoke(*args, env=TODAY)
    assert snapshot(hostile) == before


def test_path_traversal_through_a_group_name_in_the_minutes(invoke: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "a"
    write(archive / "g/2022-01-01.md", "---\ngroup: ../../../../tmp/evil\ndate: 2022-01-01\n---\n")
    result = invoke("new-minutes", "../../../../tmp/evil", "--date", "2022-02-01", "-a", str(archive))
    # A group known only from its minutes lives where its minutes are: inside the archive.
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{archive}/g/2022-02-01.md"
    assert not Path("/tmp/evil").exists()

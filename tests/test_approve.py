"""`kpss approve` of many minutes: by ids, or every draft of a group up to a date; unknown ids
stop the run before anything is written; several approvals at once all land."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, Invoke, minutes, write


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write(root / "kpss.yaml", "groups:\n  - {slug: a, name: Skupina A}\n  - {slug: b, name: Skupina B}\n")
    for group in ("a", "b"):
        for day in ("2026-01-10", "2026-02-10", "2026-03-10"):
            write(
                root / f"{group}/{day}.md", minutes(f"group: {group}\ndate: {day}\n# poznámka\nstatus: draft")
            )
    return root


def _statuses(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): "approved" if "status: approved" in p.read_text("utf-8") else "draft"
        for p in sorted(root.rglob("*.md"))
    }


def test_many_ids_at_once(invoke: Invoke, drafts: Path) -> None:
    result = invoke("approve", "a/2026-01-10", "b/2026-02-10", "-a", str(drafts))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"approved: {drafts}/a/2026-01-10.md\napproved: {drafts}/b/2026-02-10.md\n"
    assert [k for k, v in _statuses(drafts).items() if v == "approved"] == [
        "a/2026-01-10.md",
        "b/2026-02-10.md",
    ]
    assert "# poznámka\nstatus: approved\n" in (drafts / "a/2026-01-10.md").read_text("utf-8")


def test_every_draft_of_a_group_up_to_a_date(invoke: Invoke, drafts: Path) -> None:
    result = invoke("approve", "--group", "a", "--until", "2026-02-10", "-a", str(drafts))
    assert result.exit_code == 0, result.stderr
    assert [k for k, v in _statuses(drafts).items() if v == "approved"] == [
        "a/2026-01-10.md",
        "a/2026-02-10.md",
    ]
    again = invoke("approve", "--group", "a", "--until", "2026-02-10", "-a", str(drafts))
    assert (again.exit_code, again.stdout) == (0, "")
    assert again.stderr == "kpss: no draft minutes up to that date; nothing changed\n"
    every = invoke("approve", "--until", "2026-12-31", "-a", str(drafts))
    assert every.exit_code == 0 and set(_statuses(drafts).values()) == {"approved"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a/2026-01-10", "a/2099-01-01"], "kpss: error: no minutes 'a/2099-01-01' in the archive"),
        ([], "kpss: error: name the minutes to approve"),
        (["--group", "a"], "kpss: error: --group approves the drafts up to a date: give --until too"),
        (["a/2026-01-10", "--until", "2026-02-01"], "kpss: error: give minutes ids, or --group and --until"),
        (["--group", "zz", "--until", "2026-02-01"], "kpss: error: no group 'zz'"),
    ],
)
def test_bad_requests_write_nothing(invoke: Invoke, drafts: Path, args: list[str], message: str) -> None:
    before = {p: p.read_bytes() for p in drafts.rglob("*.md")}
    result = invoke("approve", *args, "-a", str(drafts))
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert {p: p.read_bytes() for p in drafts.rglob("*.md")} == before


def test_several_approvals_at_once_all_land(invoke: Invoke, drafts: Path) -> None:
    """Four kpss processes approve overlapping sets of minutes at the same time: each file
    ends approved exactly once, changed in that one line, and no lock or temporary is left."""
    before = {p: p.read_text("utf-8") for p in drafts.rglob("*.md")}
    everything = [f"{g}/{d}" for g in ("a", "b") for d in ("2026-01-10", "2026-02-10", "2026-03-10")]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "kpss_cli", "approve", "-a", str(drafts)]
    runs = [
        subprocess.Popen([*command, *ids], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for ids in (everything, everything[::-1], everything[::2], everything[1::2])
    ]
    outcomes = [run.communicate(timeout=60) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], outcomes
    approved_lines = [line for out, _ in outcomes for line in out.splitlines()]
    assert len(approved_lines) == len(everything)  # each file approved by exactly one process
    for path, text in before.items():
        assert path.read_text("utf-8") == text.replace("status: draft", "status: approved")
    assert sorted(p.name for p in drafts.rglob(".*") if p.is_file()) == []

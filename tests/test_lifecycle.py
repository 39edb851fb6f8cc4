"""`kpss task ID… ACTION`: a task's life recorded from the shell, as an update in its group's
draft minutes, touching nothing but the lines of that update."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import Invoke, minutes, write

AS_OF = ["--as-of", "2026-05-01"]
TASKS = json.dumps(
    [{"task": "Oslovit obce", "owner": "Eva Malá", "due": "2026-04-30"}, {"task": "Druhý", "owner": "Jan"}]
)

# A draft as people leave it: comments, blank lines, quoting of their own, CRLF nowhere.
DRAFT = """---
group: a   # skupina A
date: 2026-05-12
# Kontrola úkolů: u splněných změňte status na done.
updates:
  - id: "a/2026-03-10#1"
    status: open
    # Oslovit obce | zajistí: Eva Malá

  - id: 'a/2026-03-10#2'
    status: open   # trvá
    note: "čeká"
decisions: []
status: draft
---

# Zápis

Text, který nikdo nemění.
"""


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write(root / "kpss.yaml", "groups:\n  - {slug: a, name: Skupina A}\n  - {slug: b, name: Skupina B}\n")
    write(root / "a/2026-03-10.md", minutes(f"group: a\ndate: 2026-03-10\ntasks: {TASKS}\nstatus: approved"))
    write(root / "a/2026-05-12.md", DRAFT)
    write(root / "b/2026-03-11.md", minutes(f"group: b\ndate: 2026-03-11\ntasks: {TASKS}\nstatus: approved"))
    return root


def _diff(before: str, after: str) -> list[tuple[str, str]]:
    """The lines that differ: (before, after), '' where a line was added."""
    import difflib

    result = []
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines())
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            old, new = before.splitlines()[a1:a2], after.splitlines()[b1:b2]
            result += list(
                zip(old + [""] * (len(new) - len(old)), new + [""] * (len(old) - len(new)), strict=True)
            )
    return result


def _status(invoke: Invoke, root: Path, task_id: str) -> dict[str, object]:
    shown = invoke("task", task_id, "-f", "json", "-a", str(root), *AS_OF)
    assert shown.exit_code == 0, shown.stderr
    data: dict[str, object] = json.loads(shown.stdout)
    return data


def test_done_changes_only_the_status_line(invoke: Invoke, archive: Path) -> None:
    assert invoke("tasks", "-a", str(archive), *AS_OF).exit_code == 0  # the index is warm
    result = invoke("task", "a/2026-03-10#1", "done", "-a", str(archive), *AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"a/2026-03-10#1: done (recorded in {archive}/a/2026-05-12.md)\n"
    after = (archive / "a/2026-05-12.md").read_text("utf-8")
    assert _diff(DRAFT, after) == [("    status: open", "    status: done")]
    assert _status(invoke, archive, "a/2026-03-10#1")["status"] == "done"  # at once, index and all
    done = invoke("tasks", "--done", "-f", "json", "-a", str(archive), *AS_OF)
    assert [t["id"] for t in json.loads(done.stdout)] == ["a/2026-03-10#1"]


def test_each_action_writes_its_own_lines(invoke: Invoke, archive: Path) -> None:
    path = archive / "a/2026-05-12.md"
    steps = [
        (["cancel"], [("    status: open   # trvá", "    status: cancelled   # trvá")]),
        (["reopen"], [("    status: cancelled   # trvá", "    status: open   # trvá")]),
        (["note", "obce", "neodpověděly"], [('    note: "čeká"', '    note: "obce neodpověděly"')]),
        (["owner", "Petr Malý"], [("", '    owner: "Petr Malý"')]),
        (["postpone", "do konce června"], [("", '    due: "do konce června"')]),
    ]
    for words, expected in steps:
        before = path.read_text("utf-8")
        result = invoke("task", "a/2026-03-10#2", *words, "-a", str(archive), *AS_OF)
        assert result.exit_code == 0, (words, result.stderr)
        assert _diff(before, path.read_text("utf-8")) == expected, words
    assert path.read_text("utf-8").endswith("Text, který nikdo nemění.\n")


def test_several_ids_across_groups_and_short_prefixes(invoke: Invoke, archive: Path) -> None:
    write(archive / "b/2026-05-20.md", minutes("group: b\ndate: 2026-05-20\nupdates: []\nstatus: draft"))
    result = invoke(
        "task", "a/2026-03-10#1", "b/2026-03-11#2", "b/2026-03-11#1", "done", "-a", str(archive), *AS_OF
    )
    assert result.exit_code == 0, result.stderr
    draft_b = (archive / "b/2026-05-20.md").read_text("utf-8")
    assert (
        'updates:\n  - id: "b/2026-03-11#2"\n    status: done\n  - id: "b/2026-03-11#1"\n    status: done\n'
        in draft_b
    )
    for task_id in ("a/2026-03-10#1", "b/2026-03-11#1", "b/2026-03-11#2"):
        assert _status(invoke, archive, task_id)["status"] == "done"
    # A unique start of an id is enough; the task not yet in the draft's list is added to it.
    shown = invoke("task", "a/2026-03-10#2", "-a", str(archive), *AS_OF)
    assert "Oslovit obce" not in shown.stdout
    result = invoke("task", "a/2026-03-10#2", "note", "x", "--dry-run", "-a", str(archive), *AS_OF)
    assert result.exit_code == 0 and '+    note: "x"' in result.stdout


def test_an_entry_is_added_where_the_draft_has_none(invoke: Invoke, archive: Path) -> None:
    write(
        archive / "b/2026-05-20.md",
        "---\r\ngroup: b\r\ndate: 2026-05-20\r\n# bez kontroly\r\nstatus: draft\r\n---\r\n",
    )
    result = invoke("task", "b/2026-03-11#1", "done", "-a", str(archive), *AS_OF)
    assert result.exit_code == 0, result.stderr
    assert (archive / "b/2026-05-20.md").read_bytes() == (
        b"---\r\ngroup: b\r\ndate: 2026-05-20\r\n# bez kontroly\r\nstatus: draft\r\n"
        b'updates:\r\n  - id: "b/2026-03-11#1"\r\n    status: done\r\n---\r\n'
    )


def test_dry_run_prints_the_diff_and_writes_nothing(invoke: Invoke, archive: Path) -> None:
    result = invoke("task", "a/2026-03-10#1", "done", "--dry-run", "-a", str(archive), *AS_OF)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("--- a/a/2026-05-12.md\n+++ b/a/2026-05-12.md\n")
    assert "-    status: open\n+    status: done\n" in result.stdout
    assert (archive / "a/2026-05-12.md").read_text("utf-8") == DRAFT
    assert sorted(p.name for p in (archive / "a").iterdir()) == ["2026-03-10.md", "2026-05-12.md"]


@pytest.mark.parametrize(
    ("words", "message"),
    [
        (["a/2099-01-01#1", "done"], "kpss: error: no task 'a/2099-01-01#1' in the archive"),
        (["a/2026-03-10#1", "a/2099-01-01#1", "done"], "kpss: error: no task 'a/2099-01-01#1'"),
        (
            ["a/2026-03-10", "done"],
            "kpss: error: 'a/2026-03-10' could be 2 tasks (a/2026-03-10#1, a/2026-03-10#2)",
        ),
        (
            ["b/2026-03-11#1", "done"],
            "kpss: error: Skupina B has no draft minutes of a meeting after 2026-03-11",
        ),
        (
            ["a/2026-03-10#1", "postpone", "2026-01-31"],
            "kpss: error: postpone a/2026-03-10#1 to '2026-01-31'",
        ),
        (
            ["a/2026-03-10#1", "postpone", "kdysi"],
            "kpss: error: postpone a/2026-03-10#1 to 'kdysi': not a deadline",
        ),
        (["a/2026-03-10#1", "note"], "kpss: error: note needs the note"),
        (["a/2026-03-10#1", "done", "navíc"], "kpss: error: done takes no value"),
        (["done"], "kpss: error: name the tasks to done before it"),
    ],
)
def test_bad_requests_touch_no_file(invoke: Invoke, archive: Path, words: list[str], message: str) -> None:
    before = {p: p.read_bytes() for p in archive.rglob("*") if p.is_file() and ".kpss" not in p.parts}
    result = invoke("task", *words, "-a", str(archive), *AS_OF)
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert result.stderr.count("\n") == 1
    assert {p: p.read_bytes() for p in archive.rglob("*") if p.is_file() and ".kpss" not in p.parts} == before


def test_a_locked_draft_is_a_clear_error_and_stays_whole(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    from kpss_cli.store import safefile

    monkeypatch.setattr(safefile, "LOCK_WAIT", 0.2)
    lock = archive / "a/.2026-05-12.md.kpss-lock"
    lock.write_text(f"{socket.gethostname()} {os.getpid()}\n", "utf-8")  # another kpss, still running
    result = invoke("task", "a/2026-03-10#1", "done", "-a", str(archive), *AS_OF)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"kpss: error: {archive}/a/2026-05-12.md is being changed by another kpss"
    )
    assert (archive / "a/2026-05-12.md").read_text("utf-8") == DRAFT


def test_a_new_owner_and_a_new_deadline_apply_from_the_draft_on(invoke: Invoke, archive: Path) -> None:
    """What `owner` and `postpone` record, `kpss tasks` reads: the task's owner and deadline
    change, anchored on the draft's meeting (12 May 2026)."""
    assert invoke("task", "a/2026-03-10#2", "owner", "Petr Malý", "-a", str(archive), *AS_OF).exit_code == 0
    assert (
        invoke("task", "a/2026-03-10#2", "postpone", "do 14 dnů", "-a", str(archive), *AS_OF).exit_code == 0
    )
    task = _status(invoke, archive, "a/2026-03-10#2")
    assert (task["owner"], task["due"], task["deadline"], task["status"]) == (
        "Petr Malý",
        "do 14 dnů",
        "2026-05-26",
        "open",
    )
    mine = invoke("tasks", "--owner", "Malý", "-f", "json", "-a", str(archive), *AS_OF)
    assert [t["id"] for t in json.loads(mine.stdout)] == ["a/2026-03-10#2"]

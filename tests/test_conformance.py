"""Conformance with the shared ground truth: a generated archive against its expected.json."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kpss_cli import load_archive

from .conftest import Invoke, generate


@pytest.fixture(scope="module", params=[(400, 11), (250, 2024)], ids=["400-files", "250-files"])
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = generate(tmp_path_factory, *request.param)
    return out, json.loads((out / "expected.json").read_text(encoding="utf-8"))


def test_every_task_with_its_status(invoke: Invoke, generated: tuple[Path, dict]) -> None:
    root, expected = generated
    result = invoke(
        "tasks", "--all", "--format", "json", "--archive", str(root), "--as-of", expected["as_of"]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    statuses = Counter(row["status"] for row in json.loads(result.stdout))
    assert (sum(statuses.values()), statuses["open"], statuses["done"], statuses["cancelled"]) == (
        expected["tasks"],
        expected["open"],
        expected["done"],
        expected["cancelled"],
    )


def test_overdue_ids(invoke: Invoke, generated: tuple[Path, dict]) -> None:
    root, expected = generated
    result = invoke(
        "tasks", "--overdue", "--format", "jsonl", "--archive", str(root), "--as-of", expected["as_of"]
    )
    assert result.exit_code == 0
    assert sorted(json.loads(line)["id"] for line in result.stdout.splitlines()) == expected["overdue"]


def test_every_file_is_listed(invoke: Invoke, generated: tuple[Path, dict]) -> None:
    root, expected = generated
    result = invoke("list", "--format", "tsv", "--archive", str(root))
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(result.stdout.splitlines()) == expected["files"] + 1


def test_attendance_counts_per_person(generated: tuple[Path, dict]) -> None:
    root, expected = generated
    counts: dict[str, Counter[str]] = {}
    for minutes in load_archive(root).minutes:
        for kind in ("present", "excused"):
            for person in getattr(minutes, kind):
                counts.setdefault(person.person, Counter())[kind] += 1
    assert {
        name: {"present": c["present"], "excused": c["excused"]} for name, c in counts.items()
    } == expected["attendance"]


def test_a_closed_pipe_ends_quietly(generated: tuple[Path, dict]) -> None:
    root, _ = generated
    # `kpss tasks --all --format tsv | head -1`, with a real pipe and a real process.
    process = subprocess.Popen(
        [sys.executable, "-m", "kpss_cli", "tasks", "--all", "--format", "tsv", "--archive", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert first.startswith(b"id\tgroup\t")
    assert stderr == b""

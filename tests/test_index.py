"""The index in .kpss/: a warm run gives exactly the answers of a cold one, whatever happened."""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kpss_cli.store.index import VIEWS_KEPT

from .conftest import Invoke, generate, minutes, write

QUERIES = [
    ["tasks", "--all", "-f", "json"],
    ["tasks", "--overdue", "-f", "json"],
    ["list", "-f", "json"],
    ["attendance", "-f", "json"],
    ["check", "-f", "json"],
]


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory, 400, 8)


@pytest.fixture
def generated(generated_once: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(generated_once, tmp_path / "archive"))


def answers(invoke: Invoke, root: Path, *, cache: bool) -> list[str]:
    prefix = [] if cache else ["--no-cache"]
    results = [invoke(*prefix, *query, "-a", str(root), "--as-of", "2019-06-01") for query in QUERIES]
    assert all(r.exit_code in (0, 2) for r in results)
    return [r.stdout for r in results]


def index_file(root: Path) -> Path:
    """This user's index of the archive `root` (there is one per user: index.py)."""
    (found,) = (root / ".kpss").glob("index-*.sqlite3")
    return found


def test_warm_runs_give_the_cold_answers_through_edits_additions_and_deletions(
    invoke: Invoke, generated: Path
) -> None:
    cold = answers(invoke, generated, cache=False)
    assert not (generated / ".kpss").exists()  # --no-cache neither uses nor makes the index
    assert answers(invoke, generated, cache=True) == cold  # builds the index
    assert (index_file(generated)).exists()
    assert answers(invoke, generated, cache=True) == cold  # reads it

    files = sorted(generated.glob("orp-001/seniori/*.md"))
    text = files[3].read_text(encoding="utf-8")
    files[3].write_text(
        text.replace("---\n\n", "---\n\nÚkol: Nový úkol; Zajistí: Eva Nová; Termín: 01/18\n\n", 1),
        encoding="utf-8",
    )
    files[5].unlink()
    write(
        generated / "orp-001/seniori/2019-05-30.md",
        minutes(
            "group: orp-001-seniori\ndate: 2019-05-30",
            f"- [-] {files[3].relative_to(generated).with_suffix('').as_posix()}#1\n",
        ),
    )
    write(generated / "orp-001/broken.md", minutes("group: x\ndate: 2019-02-30"))
    changed = answers(invoke, generated, cache=False)
    assert changed != cold
    assert answers(invoke, generated, cache=True) == changed
    assert answers(invoke, generated, cache=True) == changed


def test_a_changed_kpss_yaml_is_not_answered_from_the_old_index(invoke: Invoke, generated: Path) -> None:
    answers(invoke, generated, cache=True)
    config = generated / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            'name: "Pracovní skupina Senioři (ORP 001)"', 'name: "Senioři 001"'
        ),
        encoding="utf-8",
    )
    assert answers(invoke, generated, cache=True) == answers(invoke, generated, cache=False)


def test_a_corrupt_index_is_rebuilt(invoke: Invoke, generated: Path) -> None:
    cold = answers(invoke, generated, cache=False)
    answers(invoke, generated, cache=True)
    (index_file(generated)).write_bytes(b"this is not a database" * 100)
    result = invoke("tasks", "--all", "-f", "json", "-a", str(generated), "--as-of", "2019-06-01")
    assert (result.exit_code, result.stdout, result.stderr) == (0, cold[0], "")
    assert sqlite3.connect(index_file(generated)).execute("SELECT count(*) FROM files").fetchone()[0] == 400


def test_an_index_of_another_version_is_rebuilt(invoke: Invoke, generated: Path) -> None:
    cold = answers(invoke, generated, cache=False)
    answers(invoke, generated, cache=True)
    db = sqlite3.connect(index_file(generated))
    with db:
        db.execute("UPDATE meta SET value = 'kpss 0.0.1' WHERE key = 'stamp'")
        db.execute("UPDATE files SET data = ?", (pickle.dumps((None, [])),))
    assert answers(invoke, generated, cache=True) == cold


def test_planted_data_is_never_loaded(invoke: Invoke, generated: Path, tmp_path: Path) -> None:
    """Someone with write access to the archive cannot make kpss run code, or answer from data
    they wrote, through the index."""
    cold = answers(invoke, generated, cache=False)
    answers(invoke, generated, cache=True)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    db = sqlite3.connect(index_file(generated))
    with db:  # in the rows of parsed files and in every part of the task snapshot
        db.execute("UPDATE files SET data = ?", (pickle.dumps(Evil()),))
        db.execute("UPDATE snapshot SET data = ?", (pickle.dumps(Evil()),))
    assert answers(invoke, generated, cache=True) == cold
    assert not marker.exists()
    with db:  # well-formed data of kpss's own format: no parsed files, a snapshot of no tasks
        db.execute("UPDATE files SET data = ?", (marshal.dumps((None, [])),))
        db.execute("UPDATE snapshot SET data = ? WHERE part != 'head'", (marshal.dumps([]),))
    assert answers(invoke, generated, cache=True) == cold


def test_deleting_the_index_changes_nothing(invoke: Invoke, generated: Path) -> None:
    first = answers(invoke, generated, cache=True)
    shutil.rmtree(generated / ".kpss")
    assert answers(invoke, generated, cache=True) == first


def test_an_archive_where_the_index_cannot_be_written(invoke: Invoke, generated: Path) -> None:
    (generated / ".kpss").write_text("a file where the folder would be")
    assert answers(invoke, generated, cache=True) == answers(invoke, generated, cache=False)


def test_two_kpss_at_once(generated: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "KPSS_TODAY": "2019-06-01"}
    command = [sys.executable, "-m", "kpss_cli", "tasks", "--all", "-f", "json", "-a", str(generated)]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert all(err == b"" for _, err in outputs)
    assert len({out for out, _ in outputs}) == 1
    assert len(json.loads(outputs[0][0])) > 0


def test_each_user_keeps_an_index_of_their_own(
    invoke: Invoke, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two coordinators using one archive on a shared drive: each one's runs stay warm however
    the other uses kpss (with one index for both, each would re-read every file after the
    other's run)."""
    cold = answers(invoke, generated, cache=False)
    assert answers(invoke, generated, cache=True) == cold  # the first user's index
    first = index_file(generated)
    before = first.read_bytes()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "second-user-cache"))
    assert answers(invoke, generated, cache=True) == cold
    assert answers(invoke, generated, cache=True) == cold
    assert len(list((generated / ".kpss").glob("index-*.sqlite3"))) == 2
    assert first.read_bytes() == before  # the second user left the first one's index alone


def test_views_of_many_days_do_not_pile_up(invoke: Invoke, generated: Path) -> None:
    # The index keeps the last few views of each kind: asked day after day, it must not grow.
    days = [f"2019-06-{day:02}" for day in range(1, 21)]
    for day in days:
        assert invoke("check", "-f", "json", "-a", str(generated), "--as-of", day).exit_code in (0, 1, 2)
    parts = [part for (part,) in sqlite3.connect(index_file(generated)).execute("SELECT part FROM snapshot")]
    kept = {part.split("\0")[2] for part in parts if part.startswith("view\0check\0")}
    assert kept == set(days[-VIEWS_KEPT:]), parts


def test_what_a_change_drops_from_the_index_is_not_held_in_memory(generated: Path, tmp_path: Path) -> None:
    """After an edit, `kpss tasks` replaces the snapshot and drops the parts kept beside it (views
    and answers: some 200 MB at 100,000 files). Where SQLite overwrites what it frees (built with
    SECURE_DELETE, as Debian's is), each freed page went through the journal, which is kept in
    memory: the run's peak grew by what was dropped. It does not."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "KPSS_TODAY": "2019-06-01"}
    measure = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"  # fmt: skip
    # Its files count as settled at once (as in conftest): the run's transaction is kept.
    script = "import sys\nfrom kpss_cli.store import loading\nloading.SETTLED_NS = 0\nfrom kpss_cli.main import run\nsys.argv = ['kpss', *sys.argv[1:]]\nrun()\n"  # fmt: skip
    command = [sys.executable, "-c", script, "tasks", "--overdue", "-f", "json", "-a", str(generated)]
    edited = sorted(generated.glob("orp-*/*/*.md"))[0]

    def peak_after_an_edit() -> int:
        """KiB."""
        edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        found = subprocess.run(
            [sys.executable, "-c", measure, *command], env=env, capture_output=True, check=True
        )
        return int(found.stdout)

    subprocess.run(command, env=env, capture_output=True, check=True)  # the index built
    alone = peak_after_an_edit()
    dropped = 96 * 2**20
    with contextlib.closing(sqlite3.connect(index_file(generated))) as db, db:
        db.execute("INSERT INTO snapshot VALUES (?, ?, ?, ?)", ("view\0dropped", "", b"\1" * dropped, b""))
    assert peak_after_an_edit() < alone + dropped // 2**10 // 3
    with contextlib.closing(sqlite3.connect(index_file(generated))) as db:
        assert db.execute("SELECT count(*) FROM snapshot WHERE part = ?", ("view\0dropped",)).fetchone() == (
            0,
        )

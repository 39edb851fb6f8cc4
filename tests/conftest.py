"""Shared fixtures: an isolated working folder, a pinned "today", and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kpss_cli.commands.cli import app

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"

# The few tests that need ../shared/ (its archive generator, real seeds and corpus) skip
# without it, all for this one reason; CI (.ci/run) has it, and there they all run.
SHARED_MISSING = "needs ../shared/ beside the repository (the shared archive generator, seeds and corpus)"
needs_shared = pytest.mark.skipif(not (SHARED / "bench" / "make_archive.py").is_file(), reason=SHARED_MISSING)

Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run every test in an empty folder, with no archive or "today" from the environment, and
    in English (the C locale), whatever the machine's locale: tests/test_messages.py runs Czech."""
    monkeypatch.delenv("KPSS_ARCHIVE", raising=False)
    monkeypatch.delenv("KPSS_TODAY", raising=False)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")
    monkeypatch.setenv("COLUMNS", "250")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def invoke() -> Invoke:
    """Run `kpss ARGS…` in-process; the result has exit_code, stdout and stderr apart."""
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), env=env, input=input, catch_exceptions=False)

    return run


@pytest.fixture
def examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of examples/, the current folder its parent: `-a examples` reads it and
    prints its paths as `examples/…`, and its index is written there, not into the repository."""
    target = tmp_path / "checkout" / "examples"
    shutil.copytree(REPO / "examples", target, ignore=shutil.ignore_patterns(".kpss"))
    monkeypatch.chdir(target.parent)
    return target


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A private copy of the valid test archive (tests/data/archive)."""
    target = tmp_path / "archive"
    shutil.copytree(DATA / "archive", target)
    return target


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A private copy of the archive of good and broken files (tests/data/broken)."""
    target = tmp_path / "broken"
    shutil.copytree(DATA / "broken", target)
    return target


def write(path: Path, text: str) -> Path:
    """Write `text` to `path` (creating folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def minutes(front: str, body: str = "") -> str:
    """A minutes file with the given front matter lines and body."""
    return f"---\n{front.strip()}\n---\n{body}"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index's signing key goes to a temporary cache folder, not the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("KPSS_NO_CACHE", raising=False)


@pytest.fixture(autouse=True)
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The index keeps rows and the snapshot only of files that have been still for a while
    (loading.SETTLED_NS, 2 s: "racily clean" files); a test's files are milliseconds old.
    Counted settled at once, a test's second run reads the index as a user's would, so that
    warm runs are tested at all; tests/test_trust_store.py tests the rule itself."""
    from kpss_cli.store import loading

    monkeypatch.setattr(loading, "SETTLED_NS", 0)


def generate(tmp_path_factory: pytest.TempPathFactory, files: int, seed: int) -> Path:
    """A synthetic archive from ../shared/bench/make_archive.py, with its expected.json."""
    import subprocess
    import sys

    generator = SHARED / "bench" / "make_archive.py"
    if not generator.is_file():
        pytest.skip(SHARED_MISSING)
    out = tmp_path_factory.mktemp("generated") / "archive"
    command = [sys.executable, str(generator), str(out), "--files", str(files), "--seed", str(seed)]
    subprocess.run(command, check=True, capture_output=True)
    return out

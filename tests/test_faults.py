"""Fault injection: disk full, permission denied and failed renames at every step of every
write path. Afterwards every original file is byte for byte as it was, and no temporary or
lock file is left behind."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Invoke

CALLS = ("open", "write", "fsync", "replace")
ERRORS = (errno.ENOSPC, errno.EACCES)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _reads_minutes(path: Any, flags: int = 0, *_: Any) -> bool:
    """True for os.open reading a minutes file (store/loading.py): the load reports a file it
    cannot read and goes on with the others (tests/test_hostile.py), which is not what is
    tested here."""
    return str(path).endswith(".md") and not flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)


class Faults:
    """Counts calls of os.open/write/fsync/replace, and makes the n-th call of one fail."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.counts = dict.fromkeys(CALLS, 0)
        self.fail: tuple[str, int, int] | None = None
        for name in CALLS:
            monkeypatch.setattr(os, name, self._wrap(name, getattr(os, name)))

    def _wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if name == "open" and _reads_minutes(*args):
                return real(*args, **kwargs)  # not a write path: a file that cannot be read is reported
            self.counts[name] += 1
            if self.fail and self.fail[0] == name and self.fail[1] == self.counts[name]:
                raise OSError(self.fail[2], os.strerror(self.fail[2]))
            return real(*args, **kwargs)

        return call

    def plan(self, name: str, at: int, error: int) -> None:
        self.counts = dict.fromkeys(CALLS, 0)
        self.fail = (name, at, error)


def test_approve_under_every_fault(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = archive / "ridici/2022-01-19.md"
    target.write_bytes(
        target.read_bytes().replace(b"status: approved", b"status: draft").replace(b"\n", b"\r\n")
    )
    pristine = files(archive)
    faults = Faults(monkeypatch)
    faults.plan("none", 0, 0)
    assert invoke("--no-cache", "approve", "ridici/2022-01-19", "-a", str(archive)).exit_code == 0
    baseline = dict(faults.counts)
    approved = target.read_bytes()
    assert approved == pristine["ridici/2022-01-19.md"].replace(b"status: draft", b"status: approved")
    assert sum(baseline.values()) >= 4
    tried = 0
    for name in CALLS:
        for at in range(1, baseline[name] + 1):
            for error in ERRORS:
                target.write_bytes(pristine["ridici/2022-01-19.md"])
                faults.plan(name, at, error)
                result = invoke("--no-cache", "approve", "ridici/2022-01-19", "-a", str(archive))
                tried += 1
                assert "Traceback" not in result.stderr
                assert set(files(archive)) == set(pristine), (name, at)  # no temporary or lock file
                if result.exit_code == 0:  # only a failed fsync of the folder, after the rename
                    assert target.read_bytes() == approved
                else:
                    assert result.exit_code == 2, (name, at, result.stderr)
                    assert result.stderr.startswith("kpss: error: ")
                    assert files(archive) == pristine, (name, at)
    assert tried == 2 * sum(baseline.values())


@pytest.mark.parametrize(
    "command",
    [["--no-cache", "new-minutes", "seniori", "--date", "2022-04-11", "-a", "."], ["init", "."]],
    ids=["new-minutes", "init"],
)
def test_creating_files_under_every_fault(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    (archive / "README.md").unlink()  # so that init has something to create
    monkeypatch.chdir(archive)
    pristine = files(archive)
    faults = Faults(monkeypatch)
    faults.plan("none", 0, 0)
    assert invoke(*command).exit_code == 0
    baseline = dict(faults.counts)
    made = {path: data for path, data in files(archive).items() if path not in pristine}
    assert made
    for name in CALLS:
        for at in range(1, baseline[name] + 1):
            for error in ERRORS:
                for path in made:
                    (archive / path).unlink(missing_ok=True)
                faults.plan(name, at, error)
                result = invoke(*command)
                assert "Traceback" not in result.stderr
                assert result.exit_code in (0, 2) and (
                    result.exit_code == 0 or result.stderr.startswith("kpss: error: ")
                )
                after = files(archive)
                assert {p: after[p] for p in pristine} == pristine, (name, at)  # what was there is untouched
                for path in set(after) - set(pristine):
                    assert after[path] == made[path], (name, at, path)  # whole files only, no stray temp file
                if result.exit_code == 2:
                    assert set(after) != set(pristine) | set(made), (
                        name,
                        at,
                    )  # it said so: something is missing

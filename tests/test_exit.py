"""The one exit path: every command ends through boundary.run_command, with the exit codes of
core/errors.ExitStatus, whether Typer or the quick path ran it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpss_cli.commands.quick import answer
from kpss_cli.core.errors import ExitStatus

from .conftest import Invoke


def test_the_exit_codes_are_the_documented_ones() -> None:
    assert {s.name: int(s) for s in ExitStatus} == {
        "OK": 0,
        "FOUND": 1,
        "USER_ERROR": 2,
        "INTERNAL": 70,
        "PENDING": 75,
        "INTERRUPTED": 130,
    }


def _explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


@pytest.mark.parametrize("command", [["list"], ["tasks", "--all"], ["check"], ["attendance"]])
def test_a_bug_in_kpss_is_exit_70_with_one_line_saying_so(
    command: list[str], invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpss_cli.check import kept, rules
    from kpss_cli.meetings import keptcount, query

    monkeypatch.setattr(query, "filter_minutes", _explode)
    monkeypatch.setattr(keptcount, "by_person", _explode)  # attendance by person after an edit
    monkeypatch.setattr(query, "filter_summaries", _explode)
    monkeypatch.setattr(query, "find_tasks", _explode)
    monkeypatch.setattr(rules, "check_archive", _explode)
    monkeypatch.setattr(kept, "check_parts", _explode)
    result = invoke(*command, "-a", str(archive))
    assert result.exit_code == ExitStatus.INTERNAL
    assert result.stderr.startswith("kpss: error: RuntimeError: boom; this is a bug in kpss")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_the_quick_path_ends_through_the_same_exit_path(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpss_cli.meetings import query

    monkeypatch.setattr(query, "find_tasks", _explode)
    with CliRunner().isolation() as (_, stderr, _):
        code = answer(["tasks", "-a", str(archive)], os.environ)
        sys.stderr.flush()
        said = stderr.getvalue().decode()
    assert code == ExitStatus.INTERNAL
    assert said.startswith("kpss: error: RuntimeError: boom; this is a bug in kpss")


def test_found_user_error_and_ok(invoke: Invoke, archive: Path, broken: Path) -> None:
    assert invoke("list", "-a", str(archive)).exit_code == ExitStatus.OK
    assert invoke("list", "-a", str(broken)).exit_code == ExitStatus.USER_ERROR
    late = invoke("tasks", "--overdue", "--fail-if-any", "--as-of", "2030-01-01", "-a", str(archive))
    assert late.exit_code == ExitStatus.FOUND
    assert invoke("show", "no/such", "-a", str(archive)).exit_code == ExitStatus.USER_ERROR
    usage = invoke("list", "--no-such-option")
    assert usage.exit_code == ExitStatus.USER_ERROR

"""`kpss check`: one planted defect per finding, each at its file and line."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from kpss_cli.check.codes import CODES

from .conftest import DATA, Invoke, minutes, write

AS_OF = "2022-06-01"


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/data/check (one defect per finding), run from its parent folder."""
    target = tmp_path / "check"
    shutil.copytree(DATA / "check", target)
    monkeypatch.chdir(tmp_path)
    return target


def test_every_planted_defect_is_reported_at_its_line(invoke: Invoke, planted: Path) -> None:
    result = invoke("check", "-a", "check", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stdout == (DATA / "expected" / "check.txt").read_text(encoding="utf-8")
    assert result.stderr == "kpss: 12 errors, 16 warnings in 9 files\n"


def test_links_and_oversized_files(invoke: Invoke, planted: Path, tmp_path: Path) -> None:
    outside = write(tmp_path / "outside.md", minutes("group: ridici\ndate: 2022-05-01"))
    os.symlink(outside, planted / "ridici" / "link.md")
    os.symlink(planted / "loop-b.md", planted / "loop-a.md")
    os.symlink(planted / "loop-a.md", planted / "loop-b.md")
    (planted / "huge.md").write_bytes(
        b"---\ngroup: ridici\ndate: 2022-05-01\n---\n" + b"x" * (6 * 1024 * 1024)
    )
    result = invoke("check", "-a", "check", "--as-of", AS_OF, "-f", "json")
    findings = {(f["path"], f["code"]) for f in json.loads(result.stdout)}
    assert {
        ("check/ridici/link.md", "symlink-outside"),
        ("check/loop-a.md", "unreadable"),
        ("check/loop-b.md", "unreadable"),
        ("check/huge.md", "too-large"),
    } <= findings
    huge = next(f for f in json.loads(result.stdout) if f["code"] == "too-large")
    assert huge["message"] == "file is 6.0 MiB, over the 5 MiB limit for minutes"


def test_the_errors_of_broken_files(invoke: Invoke, broken: Path) -> None:
    result = invoke("check", "-a", str(broken), "-f", "json")
    codes = [(Path(f["path"]).name, f["line"], f["severity"], f["code"]) for f in json.loads(result.stdout)]
    assert codes == [
        ("bad-date.md", 4, "error", "bad-date"),
        ("cp1250.md", 1, "warning", "encoding"),
        ("duplicate.md", 4, "error", "duplicate-key"),
        ("not-mapping.md", 2, "error", "front-matter-not-mapping"),
        ("unclosed.md", 1, "error", "front-matter-unclosed"),
        ("yaml-error.md", 5, "error", "yaml"),
    ]
    assert result.exit_code == 2


def test_every_code_has_a_fixture() -> None:
    expected = (DATA / "expected" / "check.txt").read_text(encoding="utf-8")
    planted = set(re.findall(r"\[([a-z-]+)\]$", expected, re.MULTILINE))
    elsewhere = {
        "yaml",
        "duplicate-key",
        "front-matter-unclosed",
        "front-matter-not-mapping",
        "bad-date",
    }  # broken/
    elsewhere |= {"symlink-outside", "unreadable", "too-large"}  # made by test_links_and_oversized_files
    elsewhere |= {  # made by tests/test_plan.py
        "bad-progress",
        "plan-yaml",
        "plan-invalid",
        "plan-duplicate-id",
        "plan-cycle",
        "plan-unknown-level",
        "unknown-measure",
        "plan-no-group",
        "indicator-no-unit",
        "progress-unknown-indicator",
    }
    elsewhere |= {  # made by tests/test_membership.py
        "bad-membership",
        "bad-quorum",
        "overlapping-membership",
        "left-non-member",
        "substitute-for-non-member",
        "former-member",
        "decision-without-quorum",
    }
    elsewhere |= {"bad-schedule"}  # made by test_a_schedule_kpss_cannot_read_is_an_error
    assert set(CODES) == planted | elsewhere


def test_a_clean_archive_exits_0(invoke: Invoke, archive: Path) -> None:
    result = invoke("check", "-a", str(archive), "--as-of", "2022-02-01")
    assert result.exit_code == 0, result.stdout
    assert result.stderr.endswith("warnings in 5 files\n")


def test_strict_exits_1_on_warnings_only(invoke: Invoke, tmp_path: Path) -> None:
    write(
        tmp_path / "a/g/2022-01-01.md", minutes("group: G\ndate: 2022-01-01\ntasks: [{task: T, due: brzy}]")
    )
    plain = invoke("check", "-a", str(tmp_path / "a"))
    strict = invoke("check", "-a", str(tmp_path / "a"), "--strict")
    assert (plain.exit_code, strict.exit_code) == (0, 1)
    assert (
        strict.stdout
        == f"{tmp_path}/a/g/2022-01-01.md:4: warning: deadline 'brzy' cannot be read; the task is never overdue [bad-deadline]\n"
    )
    write(tmp_path / "a/g/2022-02-01.md", minutes("group: G\ndate: 2022-02-01"))
    assert invoke("check", "-a", str(tmp_path / "a"), "--strict", "-f", "json").exit_code == 1


def test_only_the_given_paths_are_reported(invoke: Invoke, planted: Path) -> None:
    result = invoke("check", "check/ridici/2022-01-19.md", "-a", "check", "--as-of", AS_OF, "-f", "tsv")
    paths = {line.split("\t")[0] for line in result.stdout.splitlines()[1:]}
    assert paths == {"check/ridici/2022-01-19.md"}
    assert result.exit_code == 2
    elsewhere = invoke("check", "/etc/hostname", "-a", "check")
    assert (elsewhere.exit_code, elsewhere.stderr) == (
        2,
        "kpss: error: /etc/hostname is not in the archive check\n",
    )


def test_codes_can_be_switched_off_in_kpss_yaml(invoke: Invoke, planted: Path) -> None:
    config = planted / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "check:\n  disable: [unknown-person, old-draft]\n",
        encoding="utf-8",
    )
    output = invoke("check", "-a", "check", "--as-of", AS_OF).stdout
    assert "[unknown-person]" not in output and "[old-draft]" not in output and "[bad-deadline]" in output
    config.write_text(config.read_text(encoding="utf-8").replace("old-draft", "old-drafts"), encoding="utf-8")
    result = invoke("check", "-a", "check")
    assert (result.exit_code, result.stderr) == (
        2,
        "kpss: error: check/kpss.yaml: 'check: disable:' names unknown codes: old-drafts\n",
    )


def test_explain(invoke: Invoke) -> None:
    result = invoke("check", "--explain", "deadline-before-meeting")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "deadline-before-meeting (warning): a deadline before the meeting that set it\n\n"
    )
    assert "01/21" in result.stdout
    unknown = invoke("check", "--explain", "nonsense")
    assert unknown.exit_code == 2 and unknown.stderr.startswith(
        "kpss: error: no finding code 'nonsense'; codes: attendance-conflict, "
    )


def test_examples_archive_has_only_its_deliberate_warnings(invoke: Invoke, examples: Path) -> None:
    result = invoke("check", "-a", "examples", "--as-of", "2026-11-22", "-f", "json")
    assert result.exit_code == 0
    assert [(f["path"], f["code"]) for f in json.loads(result.stdout)] == [
        ("examples/kpss.yaml", "missing-minutes"),
        ("examples/ridici-skupina/2025-12-10.md", "deadline-before-meeting"),
    ]


@pytest.mark.parametrize("with_minutes", [False, True], ids=["new archive", "with minutes"])
def test_a_schedule_kpss_cannot_read_is_an_error(invoke: Invoke, tmp_path: Path, with_minutes: bool) -> None:
    """A broken rule is reported where kpss.yaml gives it, even before the first minutes; the
    other group's missing minutes are still found."""
    write(
        tmp_path / "kpss.yaml",
        "groups:\n"
        "  - name: Senioři\n    slug: seniori\n    schedule: {dates: [2026-03-01]}\n"
        "  - name: Rodina\n    slug: rodina\n    schedule: {rule: 'FREQ=MONTHLY;BYDAY=XX'}\n",
    )
    if with_minutes:
        write(tmp_path / "seniori" / "2026-01-10.md", minutes("group: seniori\ndate: 2026-01-10"))
    result = invoke("check", "-a", str(tmp_path), "--as-of", "2026-06-01")
    assert result.exit_code == 2
    lines = [line.removeprefix(f"{tmp_path}/") for line in result.stdout.splitlines()]
    (broken,) = [line for line in lines if line.endswith("[bad-schedule]")]
    assert broken.startswith(
        "kpss.yaml:5: error: the schedule of group 'rodina': rule 'FREQ=MONTHLY;BYDAY=XX'"
    )
    missing = [line for line in lines if line.endswith("[missing-minutes]")]
    planned = (
        "kpss.yaml:2: warning: Senioři planned a meeting on 2026-03-01; the archive has no minutes of it"
    )
    assert missing == ([f"{planned} [missing-minutes]"] if with_minutes else [])


def test_schedule_shows_the_groups_it_can_read(invoke: Invoke, tmp_path: Path) -> None:
    """One group's broken rule is one error line and exit 2; the other group's meetings are listed."""
    write(
        tmp_path / "kpss.yaml",
        "groups:\n"
        "  - name: Senioři\n    slug: seniori\n    schedule: {dates: [2026-03-01]}\n"
        "  - name: Rodina\n    slug: rodina\n    schedule: {rule: 'FREQ=MONTHLY;BYDAY=XX'}\n",
    )
    result = invoke("schedule", "-a", str(tmp_path), "--as-of", "2026-06-01", "-f", "csv")
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error.startswith(f"kpss: error: {tmp_path}/kpss.yaml:5: the schedule of group 'rodina': rule")
    assert [row.split(",")[:3] for row in result.stdout.splitlines()[1:]] == [["2026-03-01", "", "Senioři"]]
    alone = invoke("schedule", "-a", str(tmp_path), "--as-of", "2026-06-01", "--group", "seniori")
    assert (alone.exit_code, alone.stderr) == (0, "")

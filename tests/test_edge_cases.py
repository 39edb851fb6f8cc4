"""Unusual but legitimate input and options: each once gave a wrong answer or a crash."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import icalendar
import pytest

from .conftest import Invoke, minutes, write


@pytest.fixture
def small(tmp_path: Path) -> Path:
    root = tmp_path / "a"
    write(
        root / "kpss.yaml",
        "groups:\n  - slug: ps\n    name: PS\n    members: [Jana Nová, Petr Malý]\n"
        "    schedule: {rule: FREQ=MONTHLY;INTERVAL=2;BYDAY=+3WE}\n",
    )
    return root


def test_approve_an_empty_status_line(invoke: Invoke, small: Path) -> None:
    path = write(small / "ps/2026-01-21.md", "---\nskupina: PS\ndatum: 2026-01-21\nstatus:\n---\n")
    assert invoke("approve", "ps/2026-01-21", "-a", str(small)).exit_code == 0
    assert path.read_text() == "---\nskupina: PS\ndatum: 2026-01-21\nstatus: approved\n---\n"
    assert (
        json.loads(invoke("show", "ps/2026-01-21", "-a", str(small), "-f", "json").stdout)["status"]
        == "approved"
    )


def test_approve_refuses_a_one_line_front_matter(invoke: Invoke, small: Path) -> None:
    text = "---\n{skupina: PS, datum: 2026-01-21, status: draft}\n---\n"
    path = write(small / "ps/2026-01-21.md", text)
    result = invoke("approve", "ps/2026-01-21", "-a", str(small))
    assert result.exit_code == 2 and "change it by hand" in result.stderr
    assert path.read_text() == text


def test_calendars_take_midnight_and_the_last_year(invoke: Invoke, small: Path) -> None:
    write(
        small / "ps/2026-01-21.md",
        minutes("group: PS\ndate: 2026-01-21\ntime: 18:00-24:00\ntasks: [{task: T, due: 9999}]"),
    )
    schedule = invoke("schedule", "--year", "2026", "-f", "ics", "-a", str(small), "--as-of", "2026-11-22")
    event = next(
        e
        for e in icalendar.Calendar.from_ical(schedule.stdout_bytes).walk("VEVENT")
        if "2026-01-21" in str(e["UID"])
    )
    assert (event["DTSTART"].dt.hour, event["DTEND"].dt.date()) == (18, dt.date(2026, 1, 22))
    tasks = invoke("tasks", "-f", "ics", "-a", str(small))
    assert (
        tasks.exit_code == 0 and list(icalendar.Calendar.from_ical(tasks.stdout_bytes).walk("VEVENT")) == []
    )


@pytest.mark.parametrize(
    ("written", "quorum"), [("0,6", [False]), ("60 %", [False]), ("2/3", [False]), ("0.4", [True])]
)
def test_quorum_as_people_write_it(invoke: Invoke, small: Path, written: str, quorum: list[bool]) -> None:
    config = small / "kpss.yaml"
    config.write_text(config.read_text() + f"quorum: {written}\n")
    write(small / "ps/2026-01-21.md", minutes("group: PS\ndate: 2026-01-21\npresent: [Jana Nová]"))
    result = invoke("attendance", "--by", "meeting", "-f", "json", "-a", str(small))
    assert [r["quorum"] for r in json.loads(result.stdout)] == quorum  # 1 of 2 members present


def test_a_quorum_that_is_no_share(invoke: Invoke, small: Path) -> None:
    config = small / "kpss.yaml"
    config.write_text(config.read_text() + "quorum: polovina\n")
    write(small / "ps/2026-01-21.md", minutes("group: PS\ndate: 2026-01-21"))
    result = invoke("attendance", "--by", "meeting", "-a", str(small))
    assert result.exit_code == 2
    assert (
        "kpss.yaml:6: quorum must be a share of the voting members such as 0.5, 60 % or 2/3, not 'polovina'"
        in result.stderr
    )
    assert result.stdout  # the rest of the archive is still counted


def test_attendance_sheets_are_not_absences(invoke: Invoke, small: Path) -> None:
    for day in ("2026-01-21", "2026-03-18", "2026-05-20"):
        write(small / f"ps/{day}.md", minutes(f"group: PS\ndate: {day}\npresent: dle prezenční listiny"))
    assert json.loads(invoke("attendance", "--missed", "1", "-f", "json", "-a", str(small)).stdout) == []
    meetings = json.loads(invoke("attendance", "--by", "meeting", "-f", "json", "-a", str(small)).stdout)
    assert [m["quorum"] for m in meetings] == [None, None, None]


def test_a_rule_counts_from_a_fixed_day(invoke: Invoke, small: Path) -> None:
    year = json.loads(
        invoke("schedule", "--year", "2026", "-f", "json", "-a", str(small), "--as-of", "2025-06-01").stdout
    )
    later = json.loads(
        invoke(
            "schedule",
            "--from",
            "2026-02-01",
            "--to",
            "2026-12-31",
            "-f",
            "json",
            "-a",
            str(small),
            "--as-of",
            "2025-06-01",
        ).stdout
    )
    assert [r["date"] for r in year][1:] == [r["date"] for r in later]
    assert [r["date"][5:7] for r in year] == ["01", "03", "05", "07", "09", "11"]


def test_new_minutes_and_agenda_agree_on_the_next_meeting(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "b"
    write(root / "kpss.yaml", "groups:\n  - {slug: ps, name: PS}\n")
    write(
        root / "ps/2026-11-12.md",
        minutes("group: PS\ndate: 2026-11-12\nnext_meeting: {date: 2027-02-11, time: '9:30', place: Klub}"),
    )
    agenda = invoke("agenda", "ps", "-a", str(root), "--as-of", "2026-11-22")
    new = invoke("new-minutes", "ps", "-a", str(root), "--as-of", "2026-11-22", "--stdout")
    assert "11. února 2027, 09:30" in agenda.stdout
    assert 'date: 2027-02-11\ntime: "09:30"\nplace: "Klub"\n' in new.stdout


def test_check_names_a_path_that_is_not_there(invoke: Invoke, small: Path) -> None:
    write(small / "ps/2026-01-21.md", minutes("group: PS\ndate: 2026-01-21\ntasks: [{task: T, due: brzy}]"))
    missing = invoke("check", str(small / "ps/nothing.md"), "-a", str(small))
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"kpss: error: {small}/ps/nothing.md: no such file in the archive {small}\n",
    )
    by_id = invoke("check", "ps/2026-01-21", "-a", str(small))
    assert "[bad-deadline]" in by_id.stdout


@pytest.mark.parametrize(
    "args",
    [["schedule", "--year", "99999"], ["tasks", "--due-within", "99999999"], ["attendance", "-f", "ics"]],
)
def test_options_out_of_range_are_usage_errors(invoke: Invoke, small: Path, args: list[str]) -> None:
    result = invoke(*args, "-a", str(small))
    assert result.exit_code == 2 and "Traceback" not in result.stderr and "bug" not in result.stderr


def test_excel_and_formats(invoke: Invoke, small: Path) -> None:
    write(
        small / "ps/2026-01-21.md",
        minutes("group: PS\ndate: 2026-01-21\ntasks: [{task: T, owner: Jana Nová, due: 01/26}]"),
    )
    clash = invoke("tasks", "--excel", "-f", "json", "-a", str(small))
    assert (clash.exit_code, clash.stderr) == (
        2,
        "kpss: error: --excel writes CSV: leave out --format, or give --format csv\n",
    )
    by_owner = invoke("tasks", "--excel", "--by", "owner", "-a", str(small))
    assert by_owner.stdout.startswith("\ufeffid;group;meeting_date;")


def test_true_and_false_in_a_list_of_people_are_names(invoke: Invoke, small: Path) -> None:
    write(small / "ps/2026-01-21.md", minutes("group: PS\ndate: 2026-01-21\nexcused: [true, no]"))
    data = json.loads(invoke("show", "ps/2026-01-21", "-a", str(small), "-f", "json").stdout)
    assert [p["name"] for p in data["excused"]] == ["true", "no"]


def test_overdue_note_counts_only_what_the_filters_select(invoke: Invoke, small: Path) -> None:
    write(
        small / "ps/2026-01-21.md",
        minutes("group: PS\ndate: 2026-01-21\ntasks: [{task: T, owner: Jana Nová, due: brzy}]"),
    )
    assert invoke("tasks", "--overdue", "--owner", "Petr", "-a", str(small)).stderr == ""
    assert "1 task has" in invoke("tasks", "--overdue", "--owner", "Jana", "-a", str(small)).stderr


def test_a_folder_that_cannot_be_read_is_an_error_not_a_silence(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permissions on a shared drive: the minutes of a folder kpss cannot list would be missing
    from every answer, so it says so (on every run, the snapshot's included) and exits 2."""
    query = ("tasks", "--all", "-f", "csv", "-a", str(archive))
    full = invoke(*query)
    assert full.exit_code == 0 and "seniori/" in full.stdout and "ridici/" in full.stdout
    blocked = str(archive / "seniori")
    real_open, real_scandir = os.open, os.scandir

    def deny(real: Any) -> Any:
        def call(path: Any, *args: Any, **kwargs: Any) -> Any:
            if str(path) == blocked:
                raise PermissionError(13, "Permission denied", blocked)
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "open", deny(real_open))
    monkeypatch.setattr(os, "scandir", deny(real_scandir))
    for run in ("first", "from the snapshot"):
        denied = invoke(*query)
        assert denied.exit_code == 2, run
        error = f"kpss: error: {blocked}: cannot read the folder: permission denied"
        assert denied.stderr.splitlines()[0] == error, run
        assert "ridici/" in denied.stdout and "seniori/" not in denied.stdout, run
    monkeypatch.undo()
    assert invoke(*query).stdout == full.stdout  # readable again: the whole answer again

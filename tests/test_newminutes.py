"""`kpss new-minutes`, `kpss init`, `kpss schedule` and calendars."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import icalendar
import pytest

from kpss_cli.core.config import GroupConfig
from kpss_cli.meetings.schedule import czech_holidays, planned_dates

from .conftest import Invoke, generate, minutes, write


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory, 120, 3)


@pytest.fixture
def generated(generated_once: Path, tmp_path: Path) -> Path:
    import shutil

    return Path(shutil.copytree(generated_once, tmp_path / "archive"))


def test_new_minutes_in_a_generated_archive(invoke: Invoke, generated: Path) -> None:
    result = invoke("new-minutes", "orp-001-seniori", "--date", "2030-01-15", "-a", str(generated))
    path = generated / "orp-001/seniori/2030-01-15.md"
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"{generated}/orp-001/seniori/2030-01-15.md\n",
        "",
    )
    record = json.loads(
        invoke("show", "orp-001/seniori/2030-01-15", "-a", str(generated), "-f", "json").stdout
    )
    assert (
        record["group_slug"] == "orp-001-seniori"
        and record["date"] == "2030-01-15"
        and record["status"] == "draft"
    )
    assert [p["name"] for p in record["present"]]  # members, prefilled
    expected = invoke(
        "tasks", "--group", "orp-001-seniori", "--as-of", "2030-01-15", "-a", str(generated), "-f", "json"
    )
    assert sorted(u["id"] for u in record["updates"]) == sorted(t["id"] for t in json.loads(expected.stdout))
    assert record["updates"] and all(u["status"] == "open" for u in record["updates"])
    before = path.read_bytes()
    again = invoke("new-minutes", "orp-001-seniori", "--date", "2030-01-15", "-a", str(generated))
    assert again.exit_code == 2
    assert (
        again.stderr
        == f"kpss: error: {generated}/orp-001/seniori/2030-01-15.md already exists; nothing was written\n"
    )
    assert path.read_bytes() == before


def test_new_minutes_are_clean_for_check(invoke: Invoke, archive: Path) -> None:
    invoke("new-minutes", "seniori", "--date", "2022-04-11", "-a", str(archive))
    result = invoke(
        "check", str(archive / "seniori/2022-04-11.md"), "-a", str(archive), "--as-of", "2022-04-11"
    )
    assert (result.exit_code, result.stdout) == (0, "")


def test_stdout_writes_nothing(invoke: Invoke, archive: Path) -> None:
    result = invoke(
        "new-minutes",
        "ridici",
        "--date",
        "2022-03-16",
        "--stdout",
        "-a",
        str(archive),
        "--as-of",
        "2022-03-01",
    )
    assert result.exit_code == 0
    assert result.stdout.startswith('---\ngroup: "Řídicí pracovní skupina"\ndate: 2022-03-16\n')
    assert '  - id: "ridici/2022-01-19#1"\n    status: open\n' in result.stdout
    assert "## 2. Kontrola úkolů z minulého jednání" in result.stdout
    assert not (archive / "ridici/2022-03-16.md").exists()


def test_default_date_is_the_next_scheduled_meeting_else_today(invoke: Invoke, archive: Path) -> None:
    config = archive / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "    folder: ridici\n",
            "    folder: ridici\n    schedule:\n      rule: FREQ=MONTHLY;BYDAY=+3WE\n      from: 2022-01-01\n",
        ),
        encoding="utf-8",
    )
    planned = invoke("new-minutes", "ridici", "-a", str(archive), "--as-of", "2022-03-01")
    assert planned.stdout.endswith("ridici/2022-03-16.md\n")  # the third Wednesday of March
    unplanned = invoke("new-minutes", "seniori", "-a", str(archive), "--as-of", "2022-03-01")
    assert unplanned.stdout.endswith("seniori/2022-03-01.md\n")


def test_english_minutes(invoke: Invoke, archive: Path) -> None:
    config = archive / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: cs", "language: en"), encoding="utf-8"
    )
    result = invoke("new-minutes", "seniori", "--date", "2022-04-11", "--stdout", "-a", str(archive))
    assert "# Minutes of the meeting – Pracovní skupina Senioři, 11 April 2022" in result.stdout
    assert "## 2. Review of tasks from the last meeting" in result.stdout


@pytest.mark.parametrize("folder", ["../outside", "/tmp/abs", "a/../../b", "CON", "x:y"])
def test_a_group_folder_can_never_lead_outside_the_archive(
    invoke: Invoke, tmp_path: Path, folder: str
) -> None:
    archive = tmp_path / "a"
    write(archive / "kpss.yaml", f"groups:\n  - slug: g\n    name: G\n    folder: {json.dumps(folder)}\n")
    result = invoke("new-minutes", "g", "--date", "2022-01-01", "-a", str(archive))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        ("kpss: error: refusing to write to", f"kpss: error: {archive}/kpss.yaml:2: the folder of group")
    )
    assert sorted(p.name for p in tmp_path.rglob("*.md")) == []


def test_unknown_group_names_the_known_ones(invoke: Invoke, archive: Path) -> None:
    result = invoke("new-minutes", "../../etc", "-a", str(archive))
    assert (result.exit_code, result.stderr) == (
        2,
        "kpss: error: no group '../../etc'; known groups: ridici, seniori\n",
    )


def test_edit_opens_the_editor(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    log = tmp_path / "edited"
    editor = write(tmp_path / "editor.sh", f'#!/bin/sh\necho "$1" > {log}\n')
    editor.chmod(0o755)
    result = invoke(
        "new-minutes",
        "seniori",
        "--date",
        "2022-04-11",
        "--edit",
        "-a",
        str(archive),
        env={"EDITOR": str(editor), "VISUAL": ""},
    )
    assert result.exit_code == 0
    assert log.read_text().strip() == str(archive / "seniori/2022-04-11.md")


# --- init --------------------------------------------------------------------------------------


def test_init_twice_changes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "zapisy"
    first = invoke("init", str(folder))
    assert first.exit_code == 0
    assert first.stdout.splitlines() == [
        f"created: {folder}/{n}" for n in ("kpss.yaml", "README.md", "templates/README.md", ".gitignore")
    ]
    config = (folder / "kpss.yaml").read_bytes()
    second = invoke("init", str(folder))
    assert second.exit_code == 0 and second.stdout.startswith(f"kept: {folder}/kpss.yaml\n")
    assert second.stderr == f"kpss: nothing to do: {folder} already holds a kpss archive\n"
    assert (folder / "kpss.yaml").read_bytes() == config
    assert (folder / ".gitignore").read_text() == ".kpss/\n"


def test_init_keeps_an_existing_kpss_yaml(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path / "kpss.yaml", "organisation: Moje\n")
    result = invoke("init", str(tmp_path))
    assert f"kept: {tmp_path}/kpss.yaml" in result.stdout
    assert (tmp_path / "kpss.yaml").read_text() == "organisation: Moje\n"


# The archive in UIDs: the SHA-256 of the example's organisation (documents/ical.py).
TESTOV = hashlib.sha256("Komunitní plánování sociálních služeb města Testov".encode()).hexdigest()[:12]
PRIKLADOV = hashlib.sha256("Komunitní plánování sociálních služeb města Příkladov".encode()).hexdigest()[:12]


def test_a_new_archive_has_a_calendar(invoke: Invoke, tmp_path: Path) -> None:
    invoke("init", str(tmp_path / "a"), "--example")
    result = invoke(
        "schedule", "-a", str(tmp_path / "a"), "-f", "ics", "--as-of", "2026-11-22", "--year", "2026"
    )
    assert result.exit_code == 0
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 10
    first = events[0]
    assert (str(first["SUMMARY"]), first["DTSTART"].dt.isoformat(), str(first["UID"])) == (
        "Řídicí skupina",
        "2026-01-21T14:00:00+01:00",
        f"meeting-ridici-2026-01-21-{PRIKLADOV}@kpss",
    )
    assert str(first["LOCATION"]) == "MěÚ Příkladov, zasedací místnost č. 112"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Prague"]
    again = invoke(
        "schedule", "-a", str(tmp_path / "a"), "-f", "ics", "--as-of", "2026-11-22", "--year", "2026"
    )
    assert again.stdout_bytes == result.stdout_bytes  # stable UIDs and stamps: subscriptions update


# --- schedule ----------------------------------------------------------------------------------


def test_holidays() -> None:
    assert {dt.date(2025, 4, 18), dt.date(2025, 4, 21), dt.date(2025, 12, 24)} <= czech_holidays(2025)
    assert dt.date(2025, 4, 20) not in czech_holidays(2025)  # Easter Sunday is a Sunday anyway


def test_rules_skip_holidays_unless_told_not_to() -> None:
    rule = {"rule": "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=27,28", "from": "2025-01-01"}
    group = GroupConfig(slug="g", name="G", folder="g", schedule=rule)
    assert planned_dates(group, dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == [dt.date(2025, 10, 27)]
    group.schedule = {**rule, "skip_holidays": False}
    assert planned_dates(group, dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == [
        dt.date(2025, 10, 27),
        dt.date(2025, 10, 28),
    ]


def test_explicit_dates_in_czech_form() -> None:
    group = GroupConfig(slug="g", name="G", folder="g", schedule={"dates": ["19. 1. 2022", "2022-03-16"]})
    assert planned_dates(group, dt.date(2022, 1, 1), dt.date(2022, 12, 31)) == [
        dt.date(2022, 1, 19),
        dt.date(2022, 3, 16),
    ]


def test_schedule_statuses(invoke: Invoke, archive: Path) -> None:
    config = archive / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "    folder: ridici\n",
            '    folder: ridici\n    time: "14:00"\n    schedule:\n      dates: [2021-12-15, 2022-01-12, 2022-02-16, 2022-04-20]\n',
        ),
        encoding="utf-8",
    )
    write(archive / "ridici/2022-03-02.md", minutes("group: ridici\ndate: 2022-03-02"))
    result = invoke(
        "schedule",
        "--group",
        "ridici",
        "--year",
        "2022",
        "-a",
        str(archive),
        "--as-of",
        "2022-03-10",
        "-f",
        "json",
    )
    rows = [
        (r["date"], r["status"], r["planned"], r["minutes"], r["time"]) for r in json.loads(result.stdout)
    ]
    assert rows == [
        ("2022-01-19", "moved", "2022-01-12", "ridici/2022-01-19", "14:00-16:00"),
        ("2022-02-16", "missing", "2022-02-16", None, "14:00"),
        ("2022-03-02", "off-schedule", None, "ridici/2022-03-02", "14:00"),
        ("2022-04-20", "planned", "2022-04-20", None, "14:00"),
    ]


def test_schedule_range_errors(invoke: Invoke, archive: Path) -> None:
    result = invoke("schedule", "--from", "2022-05-01", "--to", "2022-01-01", "-a", str(archive))
    assert (result.exit_code, result.stderr) == (
        2,
        "kpss: error: --to 2022-01-01 is before --from 2022-05-01\n",
    )


def test_bad_rule_is_reported(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path / "kpss.yaml", "groups:\n  - slug: g\n    name: G\n    schedule: {rule: EVERY TUESDAY}\n")
    result = invoke("schedule", "-a", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"kpss: error: {tmp_path}/kpss.yaml:2: the schedule of group 'g': rule 'EVERY TUESDAY' is not an RRULE "
        "(e.g. FREQ=MONTHLY;BYDAY=+3WE)\n"
    )


def test_task_deadlines_as_a_calendar(invoke: Invoke, archive: Path) -> None:
    result = invoke("tasks", "--all", "-a", str(archive), "--as-of", "2022-02-01", "-f", "ics")
    events = list(icalendar.Calendar.from_ical(result.stdout_bytes).walk("VEVENT"))
    assert len(events) == 6  # eight tasks, two without a deadline
    first = events[0]
    assert (first["DTSTART"].dt, str(first["SUMMARY"]), str(first["UID"])) == (
        dt.date(2022, 1, 31),
        "Update the catalogue of providers (Olga Merglová)",
        f"task-seniori-2022-01-10-1-{TESTOV}@kpss",
    )
    assert str(first["DESCRIPTION"]) == (
        "úkol seniori/2022-01-10#1 z jednání Pracovní skupina Senioři 10. 1. 2022\nstav: trvá"
    )


def test_the_archive_template_wins(invoke: Invoke, archive: Path) -> None:
    write(
        archive / "templates/minutes.md.j2",
        "---\ngroup: {{ group.name | yaml }}\ndate: {{ date.isoformat() }}\n---\nNáš vlastní zápis\n",
    )
    result = invoke("new-minutes", "seniori", "--date", "2022-04-11", "--stdout", "-a", str(archive))
    assert (
        result.stdout == '---\ngroup: "Pracovní skupina Senioři"\ndate: 2022-04-11\n---\nNáš vlastní zápis\n'
    )
    one_off = write(archive.parent / "jina.md.j2", "{{ members | length }} členů\n")
    result = invoke("new-minutes", "seniori", "--template", str(one_off), "--stdout", "-a", str(archive))
    assert result.stdout == "2 členů\n"

"""Owners as people: a task's owner as minutes write it (initials, a surname alone, a declined
form, an old name) is the person of kpss.yaml; `--owner` filters by that person, and `--by
owner` sorts people by surname in Czech order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpss_cli.core.people import Roster, surname_order

from .conftest import Invoke, minutes, write

ROSTER = Roster(
    [
        "Mgr. Adéla Sochůrková",
        "Dana Morcová",
        "Lukáš Průcha",
        "Petr Kubesa",
        "Jana Zemanová",
        "Karel Němec",
        "Ing. Jiří Dvořáček",
        "Petr Novák",
        "Pavel Novák",
        "Olga Merglová",
    ],
    {"olga novakova": "Olga Merglová"},
)


@pytest.mark.parametrize(
    ("written", "person"),
    [
        ("Adéla Sochůrková", "Mgr. Adéla Sochůrková"),
        ("A. Sochůrková", "Mgr. Adéla Sochůrková"),
        ("Mgr. Sochůrková", "Mgr. Adéla Sochůrková"),
        ("sochurkova", "Mgr. Adéla Sochůrková"),
        ("paní Zemanovou", "Jana Zemanová"),
        ("J. Zemanové", "Jana Zemanová"),
        ("panem Kubesou", "Petr Kubesa"),
        ("pana Kubesy", "Petr Kubesa"),
        ("Petrem Kubesou", "Petr Kubesa"),
        ("Němcem", "Karel Němec"),
        ("kolega Němce", "Karel Němec"),
        ("Dvořáčka", "Ing. Jiří Dvořáček"),
        ("Jiřím Dvořáčkem", "Ing. Jiří Dvořáček"),
        ("Morcové", "Dana Morcová"),
        ("p. Průchovi", "Lukáš Průcha"),
        ("Lukášem Průchou", "Lukáš Průcha"),
        ("Petr Novák", "Petr Novák"),
        ("Pavlem Novákem", "Pavel Novák"),
        ("Olga Nováková", "Olga Merglová"),  # an alias: her name before she married
    ],
)
def test_a_person_as_minutes_write_them(written: str, person: str) -> None:
    assert ROSTER.find(written) == person


@pytest.mark.parametrize("written", ["Novák", "P. Novák", "panem Novákem", "Nováková", "Horák", "", "pan"])
def test_no_guess_between_people_or_outside_the_roster(written: str) -> None:
    assert ROSTER.find(written) is None


def test_people_sort_by_surname_in_czech_order() -> None:
    people = [
        "Hana Chalupová",
        "Jan Hrubý",
        "Eva Cibulková",
        "Ivo Čermák",
        "Mgr. Adam Zvěřina",
        "Eva Cibulka",
    ]
    assert sorted(people, key=surname_order) == [
        "Eva Cibulka",
        "Eva Cibulková",
        "Ivo Čermák",
        "Jan Hrubý",
        "Hana Chalupová",
        "Mgr. Adam Zvěřina",
    ]


@pytest.fixture
def owners(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write(
        root / "kpss.yaml",
        "groups:\n  - slug: g\n    name: G\n    members: [Jana Zemanová (Charita), Hana Chalupová, Jan Hrubý, Ivo Čermák]\n",
    )
    tasks = [
        {"task": "A", "owner": "J. Zemanová"},
        {"task": "B", "owner": "paní Zemanové"},
        {"task": "C", "owner": "Chalupová"},
        {"task": "D", "owner": "Jan Hrubý, Ivo Čermák"},
        {"task": "E", "owner": "Hrubým"},
        {"task": "F", "owner": "Ivo Čermák"},
    ]
    write(root / "g/2026-01-10.md", minutes(f"group: g\ndate: 2026-01-10\ntasks: {json.dumps(tasks)}"))
    return root


def test_owner_filters_by_the_person(invoke: Invoke, owners: Path) -> None:
    def texts(owner: str) -> list[str]:
        result = invoke("tasks", "--owner", owner, "-f", "json", "-a", str(owners), "--as-of", "2026-02-01")
        assert result.exit_code == 0, result.stderr
        return [t["task"] for t in json.loads(result.stdout)]

    assert texts("paní Zemanovou") == ["A", "B"]
    assert texts("Zemanová") == ["A", "B"]
    assert texts("hruby") == ["D", "E"]
    assert texts("Ivo Čermák") == ["D", "F"]


def test_by_owner_gathers_a_person_and_sorts_by_surname(invoke: Invoke, owners: Path) -> None:
    result = invoke("tasks", "--by", "owner", "-f", "json", "-a", str(owners), "--as-of", "2026-02-01")
    assert result.exit_code == 0, result.stderr
    assert [(s["owner"], [t["task"] for t in s["tasks"]]) for s in json.loads(result.stdout)] == [
        ("Ivo Čermák", ["F"]),
        ("Jan Hrubý", ["E"]),
        ("Jan Hrubý, Ivo Čermák", ["D"]),  # several people: by the first
        ("Hana Chalupová", ["C"]),
        ("Jana Zemanová", ["A", "B"]),
    ]

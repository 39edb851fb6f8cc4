"""Documents: the agenda, attendance, publishable minutes, and every built-in template."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import DATA, Invoke, generate, minutes, write

GOLDEN = DATA / "expected" / "templates"
AS_OF = "2022-02-01"

# (golden file, command) for every built-in template; run in tests/data/archive.
DOCUMENTS = {
    "agenda.md": ["agenda", "ridici", "--date", "2022-03-16"],
    "agenda.html": ["agenda", "ridici", "--date", "2022-03-16", "--to", "html"],
    "minutes-document.md": ["render", "ridici/2021-12-15"],
    "minutes-document.html": ["render", "ridici/2021-12-15", "--to", "html"],
    "attendance.md": ["attendance", "--template", "attendance.md.j2", "--since", "2021-12-01"],
    "tasks.md": ["tasks", "--template", "tasks.md.j2"],
    "minutes.md": ["new-minutes", "ridici", "--date", "2022-03-16", "--stdout"],
}


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_built_in_templates_golden(
    invoke: Invoke, archive: Path, monkeypatch: pytest.MonkeyPatch, name: str, language: str
) -> None:
    config = archive / "kpss.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("language: cs", f"language: {language}"), encoding="utf-8"
    )
    monkeypatch.chdir(archive)
    result = invoke(*DOCUMENTS[name], "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / language / name
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert "{{" not in result.stdout and "{%" not in result.stdout


def test_lang_option_overrides_kpss_yaml(invoke: Invoke, archive: Path) -> None:
    english = invoke(
        "agenda", "ridici", "--date", "2022-03-16", "--lang", "en", "-a", str(archive), "--as-of", AS_OF
    )
    assert english.stdout.startswith("# Invitation to the meeting – Řídicí pracovní skupina\n")
    unknown = invoke("agenda", "ridici", "--date", "2022-03-16", "--lang", "de", "-a", str(archive))
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "kpss: error: no templates for language 'de'; kpss has cs, en\n",
    )


# --- agenda -------------------------------------------------------------------------------------


def test_agenda_date_from_the_latest_minutes(invoke: Invoke, archive: Path) -> None:
    # ridici/2022-01-19 announces the next meeting on 2022-03-16, 14:00, on-line.
    result = invoke("agenda", "ridici", "-a", str(archive), "--as-of", AS_OF)
    assert "**Datum a čas:** 16. března 2022, 14:00\n\n**Místo:** on-line\n" in result.stdout


def test_agenda_without_a_known_date(invoke: Invoke, archive: Path) -> None:
    result = invoke("agenda", "seniori", "-a", str(archive), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "kpss: error: no next meeting of Pracovní skupina Senioři is known (no schedule, no announced date); give --date\n"
    )


def test_agenda_marks_tasks_overdue_on_the_meeting_day(invoke: Invoke, archive: Path) -> None:
    result = invoke("agenda", "seniori", "--date", "2022-04-11", "-a", str(archive), "--as-of", AS_OF)
    assert "- **PO TERMÍNU:** Update the catalogue of providers — zajistí: Olga Merglová" in result.stdout
    assert "- **PO TERMÍNU:** Zajistit místnost" in result.stdout  # due 2022-03-31, reopened
    assert "Po termínu 2 úkoly." in result.stdout


# --- render -------------------------------------------------------------------------------------


def test_html_escapes_what_minutes_say(invoke: Invoke, tmp_path: Path) -> None:
    write(
        tmp_path / "a/g/2022-01-01.md",
        minutes(
            'group: G\ndate: 2022-01-01\nplace: "<b>radnice</b>"\npresent: ["<img src=x onerror=alert(1)>"]',
            "# Zápis\n\nText <script>alert(1)</script> a [odkaz](javascript:alert(1)).\n",
        ),
    )
    html = invoke("render", "g/2022-01-01", "--to", "html", "-a", str(tmp_path / "a")).stdout
    assert "<script>" not in html and "<img" not in html and "<b>radnice" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;radnice&lt;/b&gt;" in html
    assert 'href="javascript:' not in html


def test_render_with_a_typo_in_an_archive_template(invoke: Invoke, archive: Path) -> None:
    write(archive / "templates/minutes-document.md.j2", "# {{ minutes.group }}\n{{ minutes.grup }}\n")
    result = invoke("render", "ridici/2021-12-15", "-a", str(archive))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"kpss: error: {archive}/templates/minutes-document.md.j2:2: template: 'dict object' has no attribute 'grup'\n"
    )


def test_render_refuses_a_hostile_template(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    evil = write(tmp_path / "evil.j2", "{{ cycler.__init__.__globals__.os.system('touch /tmp/kpss-pwned') }}")
    result = invoke("render", "ridici/2021-12-15", "--template", str(evil), "-a", str(archive))
    assert result.exit_code == 2 and "template refused" in result.stderr
    assert not Path("/tmp/kpss-pwned").exists()


def test_render_unknown_minutes(invoke: Invoke, archive: Path) -> None:
    result = invoke("render", "nothing", "-a", str(archive))
    assert (result.exit_code, result.stderr) == (
        2,
        "kpss: error: no minutes 'nothing' in the archive (see `kpss list`)\n",
    )


# --- attendance ----------------------------------------------------------------------------------


def rows(result) -> list[dict]:
    return json.loads(result.stdout)


def test_attendance_per_person(invoke: Invoke, archive: Path) -> None:
    result = invoke("attendance", "-a", str(archive), "-f", "json")
    table = {
        r["person"]: (r["present"], r["excused"], r["absent"], r["guest"], r["rate"]) for r in rows(result)
    }
    assert table == {
        "Dana Morcová": (2, 0, 0, 0, 1.0),
        "Adéla Sochůrková": (1, 1, 0, 0, 0.5),
        "no": (1, 0, 1, 0, 0.5),  # a member, not at the second meeting
        "Lukáš Průcha": (2, 0, 0, 0, 1.0),
        "Olga Merglová": (3, 0, 0, 0, 1.0),  # "Olga Nováková" by the alias
        "Pavel Kalous": (1, 2, 0, 0, 0.333),
        "Ivan Langr": (0, 1, 0, 0, 0.0),
        "Jiří Novák": (0, 0, 1, 0, 0.0),
        "Věra Motyčková": (0, 0, 0, 1, None),
    }


def test_attendance_per_meeting_with_quorum(invoke: Invoke, archive: Path) -> None:
    result = invoke("attendance", "--by", "meeting", "--group", "ridici", "-a", str(archive), "-f", "json")
    assert [(r["id"], r["members"], r["present_members"], r["quorum"]) for r in rows(result)] == [
        ("ridici/2021-12-15", 4, 4, True),
        ("ridici/2022-01-19", 4, 2, False),  # 2 of 4 is not more than half
    ]
    lower = invoke(
        "attendance",
        "--by",
        "meeting",
        "--group",
        "ridici",
        "--quorum",
        "0.4",
        "-a",
        str(archive),
        "-f",
        "json",
    )
    assert [r["quorum"] for r in rows(lower)] == [True, True]


def test_attendance_per_organisation(invoke: Invoke, archive: Path) -> None:
    result = invoke(
        "attendance",
        "--by",
        "org",
        "--group",
        "ridici",
        "--until",
        "2021-12-31",
        "-a",
        str(archive),
        "-f",
        "json",
    )
    assert [(r["org"], r["people"], r["present"]) for r in rows(result)][:2] == [
        ("Motyčkovice klika, z. s.", 1, 0),
        ("SML", 1, 1),
    ]


def test_members_who_keep_missing(invoke: Invoke, archive: Path) -> None:
    write(
        archive / "ridici/2022-03-16.md",
        minutes("group: ridici\ndate: 2022-03-16\npresent: [Dana Morcová, Lukáš Průcha]"),
    )
    result = invoke("attendance", "--missed", "2", "-a", str(archive), "-f", "json")
    assert [(r["person"], r["group_slug"], r["missed"], r["last_present"]) for r in rows(result)] == [
        ("no", "ridici", 2, "2021-12-15"),  # by surname, in Czech order
        ("Adéla Sochůrková", "ridici", 2, "2021-12-15"),
    ]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = generate(tmp_path_factory, 300, 21)
    return out, json.loads((out / "expected.json").read_text(encoding="utf-8"))


def test_attendance_matches_the_ground_truth(invoke: Invoke, generated: tuple[Path, dict]) -> None:
    root, expected = generated
    result = invoke("attendance", "-a", str(root), "-f", "json")
    counted = {
        r["person"]: {"present": r["present"], "excused": r["excused"]}
        for r in rows(result)
        if r["present"] or r["excused"]
    }
    assert counted == expected["attendance"]


def test_agenda_lists_every_open_task_of_the_group(invoke: Invoke, generated: tuple[Path, dict]) -> None:
    root, expected = generated
    as_of = expected["as_of"]
    agenda = invoke("agenda", "orp-001-seniori", "-a", str(root), "--as-of", as_of)
    assert agenda.exit_code == 0, agenda.stderr
    listed = rows(
        invoke("tasks", "--group", "orp-001-seniori", "-a", str(root), "--as-of", as_of, "-f", "json")
    )
    assert listed
    bullets = re.findall(r"^- (?:\*\*PO TERMÍNU:\*\* )?(.+?) — zajistí", agenda.stdout, re.MULTILINE)
    assert sorted(bullets) == sorted(t["task"] for t in listed)


def test_minutes_document_lists_each_task_once_with_reviews_in_words(invoke: Invoke, tmp_path: Path) -> None:
    write(
        tmp_path / "a/g/2021-12-01.md",
        minutes(
            "group: G\ndate: 2021-12-01\nstatus: approved", "**Úkol:** Oslovit obce\n**Zajistí:** Eva Nová\n"
        ),
    )
    body = (
        "# Zápis\n\nText zalomený\nna dva řádky.\n\n- [x] g/2021-12-01#1 splněno\n\n"
        "**Úkol:** Rozeslat analýzu\n**Zajistí:** Eva Nová\n**Termín:** 01/22\n"
    )
    write(tmp_path / "a/g/2022-01-01.md", minutes("group: G\ndate: 2022-01-01\nstatus: draft", body))
    html = invoke("render", "g/2022-01-01", "--to", "html", "-a", str(tmp_path / "a")).stdout
    assert "<p>Text zalomený\nna dva řádky.</p>" in html  # prose wrapped in the file reads as one paragraph
    assert html.count("Rozeslat analýzu") == 1 and html.count("Oslovit obce") == 1
    assert "<td>Oslovit obce" in html and "<td>splněno</td>" in html  # reviewed, the status in words
    assert '<td class="due">do 31. ledna 2022</td>' in html
    assert "g/2021-12-01#1" not in html  # ids only with --ids
    assert 'class="draft-mark">KONCEPT' in html
    with_ids = invoke("render", "g/2022-01-01", "--to", "html", "--ids", "-a", str(tmp_path / "a")).stdout
    assert '<td class="id">g/2021-12-01#1</td>' in with_ids


def test_template_filters(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    template = write(
        tmp_path / "f.j2",
        "{% for t in tasks %}{{ t | deadline }} / {{ t | deadline('en') }}\n{% endfor %}"
        "{{ ['Šťastná', 'Chalupa', 'Horák', 'Čermák', 'Cibulka'] | czech_sort | join(', ') }}\n"
        "{{ '2021-12-15' | czech_date('long') }} / {{ 3 | plural('den', 'dny', 'dní') }}\n",
    )
    result = invoke("tasks", "--template", str(template), "-a", str(archive), "--as-of", AS_OF)
    assert result.stdout.splitlines() == [
        "leden 2022 (31. 1. 2022) / leden 2022 (31 January 2022)",
        "2022-03-31 / 2022-03-31",
        "Q1 2022 (31. 3. 2022) / Q1 2022 (31 March 2022)",
        "průběžně / průběžně",
        "někdy na jaře / někdy na jaře",
        "Cibulka, Čermák, Horák, Chalupa, Šťastná",
        "15. prosince 2021 / dny",
    ]

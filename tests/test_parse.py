"""The parser, unit by unit: keys and aliases, YAML traps, people, tasks, updates, encodings."""

from __future__ import annotations

import datetime as dt

import pytest

from kpss_cli.core.config import Config, GroupConfig
from kpss_cli.core.model import Minutes
from kpss_cli.core.names import person_key, split_people, strip_titles
from kpss_cli.minutes.parse import parse_minutes


def parse(text: str | bytes, rel: str = "g/2022-01-19.md", config: Config | None = None):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_minutes(data, rel, rel, config)


def ok(text: str | bytes, **kwargs) -> Minutes:
    minutes, problems = parse(text, **kwargs)
    assert [p for p in problems if p.is_error] == []
    assert minutes is not None
    return minutes


BASE = "group: Řídicí skupina\ndate: 2022-01-19\n"


# --- keys and aliases --------------------------------------------------------------------------

ALIASES = [
    ("skupina", "group"), ("Skupina", "group"), ("datum", "date"), ("čas", "time"), ("cas", "time"),
    ("ČAS", "time"), ("místo", "place"), ("misto", "place"), ("přítomni", "present"),
    ("pritomni", "present"), ("Přítomni", "present"), ("omluveni", "excused"), ("nepřítomni", "absent"),
    ("nepritomni", "absent"), ("hosté", "guests"), ("hoste", "guests"), ("zapsal", "recorder"),
    ("zapsala", "recorder"), ("zapisovatel", "recorder"), ("moderátor", "moderator"),
    ("moderator", "moderator"), ("řídil", "moderator"), ("řídila", "moderator"), ("ridila", "moderator"),
    ("program", "agenda"), ("úkoly", "tasks"), ("ukoly", "tasks"), ("kontrola úkolů", "updates"),
    ("Kontrola ukolu", "updates"), ("usnesení", "decisions"), ("usneseni", "decisions"),
    ("příští jednání", "next_meeting"), ("další jednání", "next_meeting"), ("dalsi jednani", "next_meeting"),
    ("stav", "status"), ("STAV", "status"),
]  # fmt: skip
VALUES = {
    "group": "Řídicí skupina",
    "date": "2022-01-19",
    "time": "14:00",
    "place": "on-line",
    "present": "[Jana Nová]",
    "excused": "[Jana Nová]",
    "absent": "[Jana Nová]",
    "guests": "[Jana Nová]",
    "recorder": "Jana Nová",
    "moderator": "Jana Nová",
    "agenda": "[Úvod]",
    "tasks": "[{úkol: Zavolat, zajistí: Jana Nová, termín: 01/22}]",
    "updates": "[{id: 'g/2021-12-01#1', stav: splněno}]",
    "decisions": "[Schváleno.]",
    "next_meeting": "2022-02-16 14:00",
    "status": "schváleno",
}


@pytest.mark.parametrize(("alias", "canonical"), ALIASES)
def test_every_czech_alias_is_read_as_its_canonical_key(alias: str, canonical: str) -> None:
    front = {k: v for k, v in VALUES.items() if k in ("group", "date")}
    front[canonical] = VALUES[canonical]
    lines = [f"{alias if key == canonical else key}: {value}" for key, value in front.items()]
    minutes = ok("---\n" + "\n".join(lines) + "\n---\n")
    data = minutes.to_dict()
    expected = {
        "group": "Řídicí skupina",
        "date": "2022-01-19",
        "time": "14:00",
        "place": "on-line",
        "status": "approved",
        "next_meeting": {"date": "2022-02-16", "time": "14:00", "place": None, "text": "2022-02-16 14:00"},
        "decisions": ["Schváleno."],
    }
    if canonical in expected:
        assert data[canonical] == expected[canonical]
    elif canonical in ("present", "excused", "absent", "guests"):
        assert [p["person"] for p in data[canonical]] == ["Jana Nová"]
    elif canonical in ("recorder", "moderator"):
        assert data[canonical]["name"] == "Jana Nová"
    elif canonical == "agenda":
        assert data["agenda"] == [{"title": "Úvod", "presenter": None}]
    elif canonical == "tasks":
        task = data["tasks"][0]
        assert (task["task"], task["owner"], task["due"], task["deadline"]) == (
            "Zavolat", "Jana Nová", "01/22", "2022-01-31"
        )  # fmt: skip
    elif canonical == "updates":
        assert data["updates"][0]["id"] == "g/2021-12-01#1"
        assert data["updates"][0]["status"] == "done"
    assert data["extra"] == {}


def test_unknown_keys_are_kept() -> None:
    minutes = ok("---\n" + BASE + "web: https://example.org\nfinancovani: [OPZ]\n---\n")
    assert minutes.to_dict()["extra"] == {"web": "https://example.org", "financovani": ["OPZ"]}


def test_group_from_configuration_gets_its_slug_and_name() -> None:
    config = Config(groups=[GroupConfig(slug="ridici", name="Řídicí skupina", folder="ridici-skupina")])
    minutes = ok("---\ngroup: RIDICI SKUPINA\ndate: 2022-01-19\n---\n", config=config)
    assert (minutes.group, minutes.group_slug) == ("Řídicí skupina", "ridici")
    by_folder = ok("---\ngroup: ŘS\ndate: 2022-01-19\n---\n", rel="ridici-skupina/2022.md", config=config)
    assert by_folder.group_slug == "ridici"


# --- YAML 1.1 traps ----------------------------------------------------------------------------


def test_times_and_names_are_never_numbers_or_booleans() -> None:
    minutes = ok(
        "---\n" + BASE + "time: 14:00\npresent:\n  - no\n  - yes\n  - off\n  - On\nrecorder: no\n---\n"
    )
    assert minutes.time == "14:00"
    assert [p.name for p in minutes.present] == ["no", "yes", "off", "On"]
    assert minutes.recorder is not None and minutes.recorder.name == "no"


@pytest.mark.parametrize(
    ("written", "expected"), [("9.00", "09:00"), ("9:30", "09:30"), ("'14:00-16:00'", "14:00-16:00")]
)
def test_time_forms_in_front_matter(written: str, expected: str) -> None:
    assert ok("---\n" + BASE + f"time: {written}\n---\n").time == expected


def test_duplicate_key_is_an_error_at_its_line() -> None:
    minutes, problems = parse("---\n" + BASE + "place: A\nplace: B\n---\n")
    assert minutes is None
    assert [(p.line, p.code) for p in problems] == [(5, "yaml")]
    assert "duplicate key 'place'" in problems[0].message


def test_duplicate_through_an_alias_is_an_error() -> None:
    minutes, problems = parse("---\n" + BASE + "datum: 2022-01-20\n---\n")
    assert minutes is None
    assert [(p.line, p.code) for p in problems] == [(4, "duplicate-key")]


def test_yaml_error_reports_the_real_file_line() -> None:
    minutes, problems = parse("---\n" + BASE + "present: [A]\nplace: Radnice: zasedačka\n---\n")
    assert minutes is None
    assert [(p.line, p.severity, p.code) for p in problems] == [(5, "error", "yaml")]


def test_aliases_and_anchors_are_refused() -> None:
    minutes, problems = parse("---\n" + BASE + "present: &p [A, B]\nexcused: *p\n---\n")
    assert minutes is None
    assert "anchors and aliases" in problems[0].message


def test_python_tags_are_refused() -> None:
    minutes, problems = parse("---\n" + BASE + "place: !!python/object/apply:os.system ['true']\n---\n")
    assert minutes is None
    assert problems[0].line == 4


@pytest.mark.parametrize(
    ("front", "line", "code"),
    [
        ("date: 2022-01-19", 2, "missing-group"),
        ("group: G", 2, "missing-date"),
        ("group: G\ndate: 2022-02-30", 3, "bad-date"),
        ("group: G\n\ndate: včera", 4, "bad-date"),
    ],
)
def test_required_keys(front: str, line: int, code: str) -> None:
    minutes, problems = parse(f"---\n{front}\n---\n")
    assert minutes is None
    assert [(p.line, p.code) for p in problems] == [(line, code)]


def test_bad_time_keeps_the_record() -> None:
    minutes, problems = parse("---\n" + BASE + "time: 25:00\n---\n")
    assert minutes is not None and minutes.time is None
    assert [(p.line, p.code) for p in problems] == [(4, "bad-time")]


def test_not_minutes_without_front_matter() -> None:
    assert parse("# Just notes\n") == (None, [])


def test_unclosed_and_non_mapping_front_matter() -> None:
    assert [p.code for p in parse("---\ngroup: G\n")[1]] == ["front-matter-unclosed"]
    assert [p.code for p in parse("---\n- a\n---\n")[1]] == ["front-matter-not-mapping"]


# --- encodings ---------------------------------------------------------------------------------


def test_bom_and_crlf() -> None:
    text = "---\r\n" + BASE.replace("\n", "\r\n") + "place: [x\r\n---\r\n"
    minutes, problems = parse(b"\xef\xbb\xbf" + text.encode())
    assert minutes is None and problems[0].line == 4  # lines as an editor shows them
    good = ok(b"\xef\xbb\xbf" + ("---\n" + BASE + "---\n\n**Úkol:** A\n").replace("\n", "\r\n").encode())
    assert good.tasks[0].line == 6


def test_windows_1250_is_read_with_a_warning() -> None:
    minutes, problems = parse(("---\n" + BASE + "place: Přízemí\n---\n").encode("cp1250"))
    assert minutes is not None and minutes.place == "Přízemí" and minutes.group == "Řídicí skupina"
    assert [(p.severity, p.code) for p in problems] == [("warning", "encoding")]


def test_lone_cr_newlines() -> None:
    assert ok(("---\n" + BASE + "---\n\nÚkol: A\n").replace("\n", "\r").encode()).tasks[0].line == 6


def test_utf16_with_bom() -> None:
    minutes = ok(("---\n" + BASE + "---\n").encode("utf-16"))
    assert minutes.date == dt.date(2022, 1, 19)


# --- people ------------------------------------------------------------------------------------


def test_people_forms() -> None:
    minutes = ok(
        "---\n"
        + BASE
        + "present:\n  - Mgr. Jana Nová (Charita, z. s.)\n  - {jméno: Petr Malý, organizace: SML, funkce: radní}\n"
        "  - 'Bc. Eva Dlouhá, DiS.,'\nguests: Věra Motyčková (Klika, z. s.), Ing. Martin Benda, Ph.D.\n"
        "excused: dle prezenční listiny\n---\n"
    )
    assert [p.to_dict() for p in minutes.present] == [
        {"name": "Mgr. Jana Nová", "person": "Jana Nová", "org": "Charita, z. s.", "role": None},
        {"name": "Petr Malý", "person": "Petr Malý", "org": "SML", "role": "radní"},
        {"name": "Bc. Eva Dlouhá, DiS.", "person": "Eva Dlouhá", "org": None, "role": None},
    ]
    assert [(p.person, p.org) for p in minutes.guests] == [
        ("Věra Motyčková", "Klika, z. s."),
        ("Martin Benda", None),
    ]
    assert minutes.excused == [] and minutes.attendance_sheet is True


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mgr. Jana Nová", "jana nová"),
        ("PhDr. Tomáš  Klinecký", "Tomáš Klinecký,"),
        ("Ing. Ivan Langr, Ph.D.", "Ivan Langr"),
        ("doc. MUDr. Eva Malá, CSc.", "EVA MALÁ"),
        ("JUDr. RNDr. Petr Kos", "Petr Kos"),
        ("Ing.Bc.Petr Kos", "Petr Kos"),  # titles glued to each other and to the name
        ("prof. MUDr. Josef Vymazal, DSc.", "Josef Vymazal"),
        ("JCDr. Petr Kos, ArtD.", "Petr Kos"),
        ("Mgr. Eva Malá, LL.B., MPH", "Eva Malá"),
    ],
)
def test_titles_case_spaces_and_commas_are_ignored_in_identity(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


def test_names_that_look_like_titles_are_kept() -> None:
    assert strip_titles("Dora Docová") == "Dora Docová"
    assert strip_titles("Ingrid Bcová") == "Ingrid Bcová"
    assert person_key("Jana Nová") != person_key("Jana Novák")


def test_split_people_keeps_titles_and_organisations_with_their_person() -> None:
    assert split_people("A. Nová, Mgr. B. Malá, DiS., C. Kos (Most k naději, z. s.); D. Tichá") == [
        "A. Nová",
        "Mgr. B. Malá, DiS.",
        "C. Kos (Most k naději, z. s.)",
        "D. Tichá",
    ]


# --- tasks and updates -------------------------------------------------------------------------


def test_three_kinds_of_tasks_with_ids_lines_and_deadlines() -> None:
    text = (
        "---\n" + BASE + "tasks:\n  - task: První\n    owner: A\n    due: 2022-03\n---\n"
        "# Zápis\n\n**Úkol:** Druhý\n**Zajistí:** B\n**Termín:** 01-02/22\n\n"
        "Úkol: Třetí; Zajistí: C; Termín: Q2 2022\n"
    )
    minutes = ok(text, rel="ridici/2022-01-19.md")
    rows = [(t.id, t.text, t.owner, t.due, t.deadline, t.line, t.source) for t in minutes.tasks]
    assert rows == [
        ("ridici/2022-01-19#1", "První", "A", "2022-03", dt.date(2022, 3, 31), 5, "front_matter"),
        ("ridici/2022-01-19#2", "Druhý", "B", "01-02/22", dt.date(2022, 2, 28), 11, "body"),
        ("ridici/2022-01-19#3", "Třetí", "C", "Q2 2022", dt.date(2022, 6, 30), 15, "body"),
    ]


def test_body_task_block_forms() -> None:
    body = (
        "**Úkol: naplánovat setkání + termíny zaslat e-mailem**\n\n"
        "**Zajistí: manažeři pracovních skupin**\n\n"
        "**Termín: 01/21**\n\n"
        "- Fond zdraví a prevence\n\n"
        "Task: Send the analysis\nOwner: A. Sochůrková\nDue: 2022-02-28\nStatus: done\n"
        "Úkol: Navazující úkol bez termínu\n"
        "pokračování textu úkolu\n"
        "Zajistí: Eva\n\n"
        "Zajistí: nikdo – osiřelý popisek\n\n"
        "```\nÚkol: v ukázce kódu se nepočítá\n```\n"
        "**Úkol:** Se stavem; **Zajistí:** D; **Termín:** průběžně\n"
    )
    minutes = ok("---\n" + BASE + "---\n" + body)
    assert [(t.text, t.owner, t.due, t.status) for t in minutes.tasks] == [
        ("naplánovat setkání + termíny zaslat e-mailem", "manažeři pracovních skupin", "01/21", "open"),
        ("Send the analysis", "A. Sochůrková", "2022-02-28", "done"),
        ("Navazující úkol bez termínu pokračování textu úkolu", "Eva", None, "open"),
        ("Se stavem", "D", "průběžně", "open"),
    ]


def test_explicit_task_id() -> None:
    minutes = ok("---\n" + BASE + "tasks:\n  - {id: KP-7, task: A}\n  - {task: B}\n---\n")
    assert [t.id for t in minutes.tasks] == ["KP-7", "g/2022-01-19#2"]


def test_updates_from_front_matter_and_checklist() -> None:
    text = (
        "---\n" + BASE + "updates:\n  - {id: 'a/2021-12-01#1', status: splněno, note: hotovo}\n"
        "  - a/2021-12-01#4 zrušeno už není potřeba\n---\n"
        "## Kontrola úkolů\n\n- [x] a/2021-12-01#2 splněno\n- [-] a/2021-12-01#3: zrušeno\n"
        "  * [ ] a/2021-12-01#5 trvá\n- [x] koupit kávu\n"
    )
    minutes = ok(text)
    assert [(u.id, u.status, u.note, u.line, u.source) for u in minutes.updates] == [
        ("a/2021-12-01#1", "done", "hotovo", 5, "front_matter"),
        ("a/2021-12-01#4", "cancelled", "už není potřeba", 6, "front_matter"),
        ("a/2021-12-01#2", "done", "splněno", 10, "body"),
        ("a/2021-12-01#3", "cancelled", "zrušeno", 11, "body"),
        ("a/2021-12-01#5", "open", "trvá", 12, "body"),
    ]


def test_bad_task_status_is_an_error_at_its_line() -> None:
    minutes, problems = parse("---\n" + BASE + "tasks:\n  - task: A\n    status: možná\n---\n")
    assert minutes is not None and minutes.tasks[0].status == "open"
    assert [(p.line, p.code) for p in problems] == [(5, "bad-task-status")]


def test_checklists_and_task_blocks_inside_code_fences_are_examples() -> None:
    body = "```\n- [x] g/2022-01-10#1 example only\nÚkol: ukázka\n```\n- [x] g/2022-01-10#2\n"
    minutes = ok("---\n" + BASE + "---\n" + body)
    assert [u.id for u in minutes.updates] == ["g/2022-01-10#2"]
    assert minutes.tasks == []


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("# Zápis z jednání\n", "Zápis z jednání"),
        ("Text\n\n#\t Zápis ## \n# Druhý\n", "Zápis"),
        ("#Bez mezery\n## Podnadpis\n", None),
        ("# \n#  \n", ""),  # `# ` alone is no heading, `#  ` one with no title
        ("# ##\n", "#"),
    ],
)
def test_title_is_the_first_level_one_heading(body: str, title: str | None) -> None:
    assert ok("---\n" + BASE + "---\n" + body).title == title


def test_checklist_and_task_block_on_the_first_line_of_the_body() -> None:
    minutes = ok("---\n" + BASE + "---\n- [x] g/2022-01-10#1 hotovo\n\n- [ ] g/2022-01-10#2\n")
    assert [(u.id, u.status, u.line) for u in minutes.updates] == [
        ("g/2022-01-10#1", "done", 5),
        ("g/2022-01-10#2", "open", 7),
    ]
    minutes = ok("---\n" + BASE + "---\n**Úkol:** A; **Zajistí:** B\n")
    assert [(t.text, t.owner, t.line) for t in minutes.tasks] == [("A", "B", 5)]


def test_attendance_sheet_beside_names() -> None:
    minutes = ok("---\n" + BASE + "absent: Jana Nová, Petr Malý a další dle prezenční listiny\n---\n")
    assert [p.person for p in minutes.absent] == ["Jana Nová", "Petr Malý"]
    assert minutes.attendance_sheet is True


@pytest.mark.parametrize(
    "front",
    [
        "tasks:\n  - task: A\n    úkol: B",
        "next_meeting:\n  date: 2022-02-01\n  datum: 2022-02-02",
        "present:\n  - {name: A, jméno: B}",
    ],
)
def test_two_spellings_of_a_nested_key_are_a_duplicate(front: str) -> None:
    _, problems = parse("---\n" + BASE + front + "\n---\n")
    assert [p.code for p in problems] == ["duplicate-key"]
    assert problems[0].line in (5, 6)


def test_unknown_status_in_a_body_block_is_an_error() -> None:
    minutes, problems = parse("---\n" + BASE + "---\nÚkol: A\nStav: nevím\n")
    assert minutes is not None and minutes.tasks[0].status == "open"
    assert [(p.line, p.code) for p in problems] == [(5, "bad-task-status")]


def test_impossible_next_meeting_date_is_an_error() -> None:
    _, problems = parse("---\n" + BASE + "next_meeting: 2022-02-30 14:00\n---\n")
    assert [(p.line, p.code) for p in problems] == [(4, "bad-date")]


def test_display_names_lose_stray_spaces_and_commas() -> None:
    minutes = ok("---\n" + BASE + "present: ['  JAN   NOVÁK ,', 'Ing. arch. Jan Dlouhý']\n---\n")
    assert [(p.name, p.person) for p in minutes.present] == [
        ("JAN NOVÁK", "JAN NOVÁK"),
        ("Ing. arch. Jan Dlouhý", "Jan Dlouhý"),
    ]

"""Membership over time (FORMAT.md 1.1, #21), through the CLI: a kpss.yaml with joins, leaves,
a permanent guest without a vote and a quorum rule; minutes around those dates with a
substitute, a join and a leave; per-member figures, inferred absences and quorum flags in
`--format json` compared with counts made by hand (in the comments)."""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
from pathlib import Path

import pytest

from tests.conftest import Invoke, minutes, write

CONFIG = """\
organisation: KPSS Testov
groups:
  - slug: ridici
    name: Řídicí skupina
    quorum: 0.5
    members:
      - Anna Bílá (Město Testov)
      - {name: Bohumil Černý, org: Charita, role: předseda}
      - {name: Cyril Dlouhý, org: Diakonie, to: 2026-03-31}
      - {name: Dana Erbenová, org: Fokus, from: 2026-03-01}
      - {name: Emil Fiala, org: ÚP, role: stálý host, voting: false}
"""

# Members on each date (voting ones starred):
#   01-15  Anna* Bohumil* Cyril* Emil                    3 voting
#   02-12  Anna* Bohumil* Cyril* Emil Filip* (joins)    4 voting
#   03-12  Anna* Bohumil* Cyril* Dana* Emil Filip*       5 voting (Filip leaves from 04-01)
#   04-16  Anna* Bohumil* Dana* Emil                     3 voting (Cyril ended 03-31)
MEETINGS = {
    "2026-01-15": (
        "present: [Anna Bílá, Bohumil Černý, Cyril Dlouhý]\ndecisions: [Schvaluje program]",
        "",
    ),
    "2026-02-12": (
        "present: [Jan Zástupce (za Annu Bílou), Cyril Dlouhý]\n"
        "excused: [Bohumil Černý]\n"
        "decisions: [Schvaluje rozpočet]\n"
        "membership:\n  - {name: Filip Gregor, org: Sokol, role: člen}",
        "",
    ),
    "2026-03-12": (
        "present: [Anna Bílá, Dana Erbenová, Filip Gregor, Cyril Dlouhý]\n"
        "excused: [Emil Fiala]\n"
        "členství:\n  - {jméno: Filip Gregor, odstoupil: 2026-04-01}",
        "",
    ),
    "2026-04-16": (
        "present:\n  - Anna Bílá\n  - Cyril Dlouhý\n  - Hana Cizí\n  - Karel Náhradník (zástup za Filipa Gregora)\n"
        "guests: [Ivan Host]",
        "\n# Jednání\n\nDiskuse o dotacích.\n\nHlasování: pro 2, proti 0.\n",
    ),
}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    archive = tmp_path / "a"
    write(archive / "kpss.yaml", CONFIG)
    for day, (front, body) in MEETINGS.items():
        write(archive / "ridici" / f"{day}.md", minutes(f"group: ridici\ndate: {day}\n{front}", body))
    return archive


def as_json(invoke: Invoke, *args: str) -> list[dict]:
    result = invoke(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_members_on_a_day(invoke: Invoke, root: Path) -> None:
    rows = as_json(invoke, "members", "ridici", "--on", "2026-02-12", "-a", str(root))
    assert [(r["person"], r["role"], r["voting"], r["org"]) for r in rows] == [
        ("Bohumil Černý", "předseda", True, "Charita"),  # the chair first
        ("Anna Bílá", None, True, "Město Testov"),
        ("Cyril Dlouhý", None, True, "Diakonie"),
        ("Filip Gregor", "člen", True, "Sokol"),  # joined at this meeting
        ("Emil Fiala", "stálý host", False, "ÚP"),  # permanent guests last
    ]
    assert rows[3]["source"] == f"{root}/ridici/2026-02-12.md:8"
    later = as_json(invoke, "members", "ridici", "--on", "2026-04-16", "-a", str(root))
    assert [r["person"] for r in later] == ["Bohumil Černý", "Anna Bílá", "Dana Erbenová", "Emil Fiala"]


def test_members_today_by_default(invoke: Invoke, root: Path) -> None:
    rows = as_json(invoke, "members", "Řídicí skupina", "-a", str(root), "--as-of", "2026-03-31")
    assert {r["person"] for r in rows} == {
        "Anna Bílá", "Bohumil Černý", "Cyril Dlouhý", "Dana Erbenová", "Emil Fiala", "Filip Gregor",
    }  # fmt: skip
    assert {r["date"] for r in rows} == {"2026-03-31"}


def test_members_history(invoke: Invoke, root: Path) -> None:
    rows = as_json(invoke, "members", "ridici", "--history", "-a", str(root))
    changes = [(r["date"], r["change"], r["person"]) for r in rows if r["date"]]
    assert changes == [
        ("2026-02-12", "joined", "Filip Gregor"),
        ("2026-03-01", "joined", "Dana Erbenová"),
        ("2026-04-01", "left", "Cyril Dlouhý"),  # `to: 2026-03-31`: no longer a member from 04-01
        ("2026-04-01", "left", "Filip Gregor"),
    ]
    assert sum(1 for r in rows if r["change"] == "member") == 4
    sources = {(r["change"], r["person"]): r["source"] for r in rows}
    assert sources["left", "Filip Gregor"] == f"{root}/ridici/2026-03-12.md:7"  # where the leave is written
    assert sources["left", "Cyril Dlouhý"] == f"{root}/kpss.yaml:9"


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "jsonl"])
def test_members_in_every_row_format(invoke: Invoke, root: Path, fmt: str) -> None:
    result = invoke("members", "ridici", "--on", "2026-01-15", "-a", str(root), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "jsonl":
        people = [json.loads(line)["person"] for line in result.stdout.splitlines()]
        assert people == ["Bohumil Černý", "Anna Bílá", "Cyril Dlouhý", "Emil Fiala"]
    elif fmt in ("csv", "tsv"):
        rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
        assert [r["person"] for r in rows] == ["Bohumil Černý", "Anna Bílá", "Cyril Dlouhý", "Emil Fiala"]
        assert rows[-1]["voting"] == "false"
    else:
        assert "Bohumil Černý" in result.stdout and "stálý host" in result.stdout


def test_history_and_on_together_is_a_usage_error(invoke: Invoke, root: Path) -> None:
    result = invoke("members", "ridici", "--history", "--on", "2026-01-01", "-a", str(root))
    assert result.exit_code == 2 and "--history" in result.stderr


def test_attendance_per_member_against_the_members_of_each_date(invoke: Invoke, root: Path) -> None:
    rows = {r["person"]: r for r in as_json(invoke, "attendance", "-a", str(root))}
    keys = ("expected", "present", "substituted", "excused", "absent", "rate", "longest_missed")
    figures = {person: tuple(row[k] for k in keys) for person, row in rows.items()}
    assert figures == {
        # present 01, 03, 04; a substitute on 02: never missed
        "Anna Bílá": (4, 3, 1, 0, 0, 1.0, 0),
        # present 01; excused 02; absent (inferred) 03 and 04: three missed in a row
        "Bohumil Černý": (4, 1, 0, 1, 2, 0.25, 3),
        # a member at 01, 02, 03; present at 04 too, no longer a member (kpss check says so)
        "Cyril Dlouhý": (3, 4, 0, 0, 0, 1.0, 0),
        # a member from 03-01: present 03, absent (inferred) 04
        "Dana Erbenová": (2, 1, 0, 0, 1, 0.5, 1),
        # no vote, still expected: absent 01, 02, excused 03, absent 04
        "Emil Fiala": (4, 0, 0, 1, 3, 0.0, 4),
        # joined 02-12 (absent there), present 03, left from 04-01
        "Filip Gregor": (2, 1, 0, 0, 1, 0.5, 1),
        # not members: present where they came, expected nowhere
        "Jan Zástupce": (0, 1, 0, 0, 0, 1.0, 0),
        "Hana Cizí": (0, 1, 0, 0, 0, 1.0, 0),
        "Karel Náhradník": (0, 1, 0, 0, 0, 1.0, 0),
        "Ivan Host": (0, 0, 0, 0, 0, None, 0),
    }
    assert rows["Ivan Host"]["guest"] == 1


def test_attendance_per_meeting_quorum_and_inferred_absences(invoke: Invoke, root: Path) -> None:
    rows = as_json(invoke, "attendance", "--by", "meeting", "-a", str(root))
    assert [
        (r["date"], r["members"], r["voting_members"], r["present_voting"], r["quorum"]) for r in rows
    ] == [
        ("2026-01-15", 4, 3, 3, True),  # 3 > 1.5
        ("2026-02-12", 5, 4, 2, False),  # Anna by substitute and Cyril: 2 is not more than 2
        ("2026-03-12", 6, 5, 4, True),  # 4 > 2.5
        ("2026-04-16", 4, 3, 1, False),  # Anna only: Cyril left, Karel stands in for a non-member
    ]
    assert [r["absent_members"] for r in rows] == [
        ["Emil Fiala"],
        ["Emil Fiala", "Filip Gregor"],
        ["Bohumil Černý"],
        ["Bohumil Černý", "Dana Erbenová", "Emil Fiala"],
    ]
    assert rows[1]["substitutes"] == [{"name": "Jan Zástupce", "for": "Anna Bílá"}]
    assert rows[1]["substituted_members"] == 1
    assert rows[3]["substitutes"] == [{"name": "Karel Náhradník", "for": "Filipa Gregora"}]


def test_a_lower_quorum_from_the_command_line(invoke: Invoke, root: Path) -> None:
    rows = as_json(invoke, "attendance", "--by", "meeting", "--quorum", "0.3", "-a", str(root))
    assert [r["quorum"] for r in rows] == [True, True, True, True]  # 1 > 0.9 on 04-16


def test_attendance_per_organisation(invoke: Invoke, root: Path) -> None:
    rows = {r["org"]: r for r in as_json(invoke, "attendance", "--by", "org", "-a", str(root))}
    assert (rows["Charita"]["expected"], rows["Charita"]["longest_missed"]) == (4, 3)
    assert (rows["ÚP"]["absent"], rows["ÚP"]["longest_missed"], rows["ÚP"]["rate"]) == (3, 4, 0.0)
    assert (rows["Město Testov"]["substituted"], rows["Město Testov"]["rate"]) == (1, 1.0)


def test_attendance_counts_each_meeting_and_lets_it_go(root: Path) -> None:
    """The meetings are judged one at a time (issue #25's memory bar): the attendance of one
    meeting is no longer held once the next is judged."""
    import gc
    import weakref

    from kpss_cli.meetings.attendance import attendances
    from kpss_cli.store.loading import load_archive

    loaded = load_archive(root, use_index=False)
    assert len(loaded.minutes) >= 2
    judged = attendances(loaded, loaded.minutes)
    first = next(judged)
    gone = weakref.ref(first)
    del first
    assert next(judged).minutes is loaded.minutes[1]
    gc.collect()
    assert gone() is None


def test_missed_in_a_row_counts_only_while_a_member(invoke: Invoke, root: Path) -> None:
    rows = as_json(invoke, "attendance", "--missed", "2", "-a", str(root))
    assert [(r["person"], r["missed"], r["last_present"]) for r in rows] == [
        ("Emil Fiala", 4, None),
        ("Bohumil Černý", 3, "2026-01-15"),
    ]


def test_attendance_document_shows_the_figures(invoke: Invoke, root: Path) -> None:
    result = invoke("attendance", "--template", "attendance.md.j2", "-a", str(root))
    assert result.exit_code == 0, result.stderr
    assert "| Bohumil Černý | Charita | 4 | 1 | 0 | 1 | 2 | 0 | 25 % | 3 |" in result.stdout
    assert "| Anna Bílá | Město Testov | 4 | 3 | 1 | 0 | 0 | 0 | 100 % | 0 |" in result.stdout


def test_the_minutes_document_says_whether_there_was_a_quorum(invoke: Invoke, root: Path) -> None:
    without = invoke("render", "ridici/2026-02-12", "-a", str(root))
    assert "| **Usnášeníschopnost** | ne (2 z 4 hlasujících členů) |" in without.stdout
    assert "Jan Zástupce (za Annu Bílou)" in without.stdout
    with_quorum = invoke("render", "ridici/2026-03-12", "-a", str(root), "--to", "html")
    assert "<th>Usnášeníschopnost</th><td>ano (4 z 5 hlasujících členů)</td>" in with_quorum.stdout


def test_check_flags_decisions_without_quorum_strangers_and_former_members(
    invoke: Invoke, root: Path
) -> None:
    result = invoke("check", "-a", str(root), "-f", "json", "--as-of", "2026-05-01")
    found = {(Path(f["path"]).name, f["line"], f["code"]) for f in json.loads(result.stdout)}
    assert found == {
        ("2026-02-12.md", 6, "decision-without-quorum"),  # `decisions:` without a quorum
        ("2026-04-16.md", 16, "decision-without-quorum"),  # "Hlasování:" in the text
        ("2026-04-16.md", 6, "former-member"),  # Cyril Dlouhý, whose membership ended 03-31
        ("2026-04-16.md", 7, "unknown-person"),  # Hana Cizí: not a member, not a guest
        ("2026-04-16.md", 8, "substitute-for-non-member"),  # Filip Gregor left from 04-01
    }
    messages = {f["code"]: f["message"] for f in json.loads(result.stdout)}
    assert (
        messages["former-member"] == "Cyril Dlouhý left Řídicí skupina on 2026-04-01 but is listed as present"
    )
    assert messages["substitute-for-non-member"] == (
        "Karel Náhradník stands in for Filipa Gregora, who is not a member of Řídicí skupina on 2026-04-16"
    )
    assert result.exit_code == 0  # warnings only


def test_a_person_listed_before_joining(invoke: Invoke, root: Path) -> None:
    write(
        root / "ridici/2026-02-20.md",
        minutes("group: ridici\ndate: 2026-02-20\npresent: [Anna Bílá, Bohumil Černý, Dana Erbenová]"),
    )
    result = invoke("check", "-a", str(root), "-f", "json", "--as-of", "2026-05-01")
    messages = [f["message"] for f in json.loads(result.stdout) if f["path"].endswith("2026-02-20.md")]
    assert messages == [
        "Dana Erbenová is not a member of Řídicí skupina on 2026-02-20 (a member from 2026-03-01)"
    ]


def test_a_substitute_as_a_mapping(invoke: Invoke, root: Path) -> None:
    write(
        root / "ridici/2026-01-15.md",
        minutes(
            "group: ridici\ndate: 2026-01-15\n"
            "present: [{name: Jan Zástupce, for: Bohumil Černý}, Anna Bílá]\nexcused: [Cyril Dlouhý]"
        ),
    )
    shown = json.loads(invoke("show", "ridici/2026-01-15", "-a", str(root), "-f", "json").stdout)
    assert shown["present"][0] == {
        "name": "Jan Zástupce", "person": "Jan Zástupce", "org": None, "role": None, "for": "Bohumil Černý",
    }  # fmt: skip
    rows = as_json(invoke, "attendance", "--by", "meeting", "--until", "2026-01-31", "-a", str(root))
    assert (rows[0]["present_voting"], rows[0]["quorum"], rows[0]["absent_members"]) == (
        2,
        True,
        ["Emil Fiala"],
    )


def test_a_member_excused_and_represented_counts_once(invoke: Invoke, root: Path) -> None:
    write(
        root / "ridici/2026-01-15.md",
        minutes(
            "group: ridici\ndate: 2026-01-15\n"
            "present: [Anna Bílá, Cyril Dlouhý, Jan Zástupce (zástup za p. Černého)]\nexcused: [Bohumil Černý]"
        ),
    )
    rows = {r["person"]: r for r in as_json(invoke, "attendance", "--until", "2026-01-31", "-a", str(root))}
    keys = ("expected", "present", "substituted", "excused", "absent", "rate")
    assert tuple(rows["Bohumil Černý"][k] for k in keys) == (1, 0, 1, 0, 0, 1.0)
    meeting = as_json(invoke, "attendance", "--by", "meeting", "--until", "2026-01-31", "-a", str(root))[0]
    assert (meeting["present_voting"], meeting["quorum"], meeting["substitutes"]) == (
        3,
        True,
        [{"name": "Jan Zástupce", "for": "Bohumil Černý"}],
    )


def test_membership_survives_the_index(invoke: Invoke, root: Path) -> None:
    first = as_json(invoke, "attendance", "--by", "meeting", "-a", str(root))
    assert (root / ".kpss").is_dir()
    again = as_json(invoke, "attendance", "--by", "meeting", "-a", str(root))  # from the index
    assert again == first
    shown = json.loads(invoke("show", "ridici/2026-03-12", "-a", str(root), "-f", "json").stdout)
    assert shown["membership"] == [
        {"name": "Filip Gregor", "org": None, "role": None, "voting": True, "left": "2026-04-01", "line": 7}
    ]


# --- bad input: a clear error or warning with file and line; nothing else stops ----------------


def test_bad_members_in_kpss_yaml_are_reported_and_the_rest_works(invoke: Invoke, root: Path) -> None:
    config = root / "kpss.yaml"
    config.write_text(
        CONFIG
        + "      - {name: Zdeněk Zpětný, from: 2026-05-01, to: 2026-04-01}\n"
        + "      - {name: Anna Bílá, org: Město Testov, from: 2026-02-01}\n"
        + "      - {org: Bez jména}\n"
        + "      - {name: Vilém Váhavý, voting: možná}\n",
        encoding="utf-8",
    )
    result = invoke("attendance", "--by", "meeting", "-a", str(root), "-f", "json")
    shown = f"{root}/kpss.yaml"
    assert result.stderr.splitlines() == [
        f"kpss: error: {shown}:12: the membership of Zdeněk Zpětný in Řídicí skupina ends (2026-04-01) "
        "before it starts (2026-05-01)",
        f"kpss: error: {shown}:14: a member of Řídicí skupina has no 'name'",
        f"kpss: error: {shown}:15: 'voting' of Vilém Váhavý must be true or false, not 'možná'",
    ]
    assert result.exit_code == 2
    assert [r["quorum"] for r in json.loads(result.stdout)] == [True, False, True, False]  # unchanged
    check = invoke("check", "-a", str(root), "--as-of", "2026-05-01")
    assert (
        f"{shown}:13: warning: Anna Bílá is already a member of Řídicí skupina on these days "
        f"({shown}:7); this entry is left out [overlapping-membership]"
    ) in check.stdout


def test_bad_membership_entries_in_minutes(invoke: Invoke, root: Path) -> None:
    write(
        root / "ridici/2026-05-14.md",
        minutes(
            "group: ridici\ndate: 2026-05-14\npresent: [Anna Bílá, Bohumil Černý]\n"
            "membership:\n  - {org: Nikdo}\n  - {name: Nikdo Nečlen, left: 2026-05-14}\n"
            "  - {name: Olga Pozdní, joined: zítra}"
        ),
    )
    result = invoke("check", "-a", str(root), "-f", "json", "--as-of", "2026-06-01")
    found = {
        (f["line"], f["severity"], f["code"])
        for f in json.loads(result.stdout)
        if f["path"].endswith("2026-05-14.md")
    }
    assert found == {
        (6, "error", "bad-membership"),
        (7, "warning", "left-non-member"),
        (8, "error", "bad-membership"),
    }
    assert result.exit_code == 2
    # The rest of the archive is still counted: the file too, without the bad entries.
    counted = invoke("attendance", "--by", "meeting", "-a", str(root), "--since", "2026-05-01", "-f", "json")
    assert counted.exit_code == 2 and len(json.loads(counted.stdout)) == 1


# --- the members of the day elsewhere ---------------------------------------------------------


def test_new_minutes_list_the_members_of_their_day(invoke: Invoke, root: Path) -> None:
    early = invoke("new-minutes", "ridici", "--date", "2026-01-20", "--stdout", "-a", str(root))
    late = invoke("new-minutes", "ridici", "--date", "2026-05-20", "--stdout", "-a", str(root))
    assert "Cyril Dlouhý" in early.stdout and "Dana Erbenová" not in early.stdout
    assert "Cyril Dlouhý" not in late.stdout and "Dana Erbenová" in late.stdout


def test_a_public_copy_names_the_members_of_its_day(invoke: Invoke, root: Path) -> None:
    # Filip Gregor was no member yet on 01-15: listed there, he would be private; on 03-12 he is named.
    write(
        root / "ridici/2026-01-15.md",
        minutes(
            "group: ridici\ndate: 2026-01-15\npresent: [Anna Bílá, Bohumil Černý]\nguests: [Filip Gregor]"
        ),
    )
    before = invoke("render", "ridici/2026-01-15", "--public", "-a", str(root))
    member = invoke("render", "ridici/2026-03-12", "--public", "-a", str(root))
    assert "Filip Gregor" not in before.stdout and "F. G." in before.stdout
    assert "Filip Gregor" in member.stdout


def test_invitations_go_to_the_members_of_the_meeting_day(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "mail"
    write(
        root / "kpss.yaml",
        """\
organisation: KPSS Testov
smtp: {host: 127.0.0.1, port: 9, security: none, from: kpss@testov.cz}
groups:
  - slug: ridici
    name: Řídicí skupina
    schedule: {dates: [2026-11-12]}
    members:
      - {name: Anna Bílá, email: anna@testov.cz}
      - {name: Cyril Dlouhý, email: cyril@testov.cz, to: 2026-10-31}
      - {name: Dana Erbenová, email: dana@testov.cz, from: 2026-11-01}
""",
    )
    write(
        root / "ridici/2026-09-10.md",
        minutes(
            "group: ridici\ndate: 2026-09-10\npresent: [Anna Bílá]\n"
            "membership: [{name: Eva Fialová, joined: 2026-10-01}]"
        ),
    )
    write(root / "kpss.yaml", (root / "kpss.yaml").read_text() + "people:\n  Eva Fialová: eva@testov.cz\n")
    out = tmp_path / "out"
    result = invoke("remind", "-a", str(root), "--as-of", "2026-11-05", "--dry-run", str(out))
    assert result.exit_code == 0, result.stderr
    recipients = sorted(
        str(email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["To"])
        for path in out.iterdir()
    )
    assert [r.split("<")[-1].rstrip(">") for r in recipients] == [
        "anna@testov.cz",
        "dana@testov.cz",
        "eva@testov.cz",
    ]


@pytest.mark.parametrize(
    ("written", "person"),
    [
        ("Jan Zástupce (za Annu Bílou)", {"name": "Jan Zástupce", "org": None, "for": "Annu Bílou"}),
        ("Jan Zástupce (zastupuje Annu Bílou)", {"name": "Jan Zástupce", "org": None, "for": "Annu Bílou"}),
        ("Jan Zástupce (zástup za Annu Bílou)", {"name": "Jan Zástupce", "org": None, "for": "Annu Bílou"}),
        (
            "Jan Zástupce (Charita) (za Annu Bílou)",
            {"name": "Jan Zástupce", "org": "Charita", "for": "Annu Bílou"},
        ),
        ("Petr Malý (Za Branou, z. s.)", {"name": "Petr Malý", "org": "Za Branou, z. s."}),  # an organisation
        # The member first, then who stood in, in the instrumental (a kpss extension):
        ("Anna Bílá (zastoupena Janem Horákem)", {"name": "Jan Horák", "org": None, "for": "Anna Bílá"}),
        (
            "Mgr. Jana Malá (Charita) (zastoupena: Bc. Evou Černou, DiS.)",
            {"name": "Bc. Eva Černá, DiS.", "org": "Charita", "for": "Mgr. Jana Malá"},
        ),
        ("Bohumil Černý (zastoupen Pavlem Vaňkem)", {"name": "Pavel Vaněk", "for": "Bohumil Černý"}),
        (
            "Cyril Dlouhý (zastoupen Danou Erbenovou)",
            {"name": "Dana Erbenová", "for": "Cyril Dlouhý"},
        ),  # roster
    ],
)
def test_substitutes_as_minutes_write_them(invoke: Invoke, root: Path, written: str, person: dict) -> None:
    write(root / "ridici/2026-01-15.md", minutes(f"group: ridici\ndate: 2026-01-15\npresent: ['{written}']"))
    shown = json.loads(invoke("show", "ridici/2026-01-15", "-a", str(root), "-f", "json").stdout)
    got = shown["present"][0]
    assert {key: got.get(key) for key in person} == person and ("for" in got) == ("for" in person)


def test_a_member_represented_in_the_instrumental_is_not_absent(invoke: Invoke, root: Path) -> None:
    """`Bohumil Černý (zastoupen Janem Horákem)`: the member counts for the quorum through the
    substitute, and the substitute is named in the nominative."""
    write(
        root / "ridici/2026-01-15.md",
        minutes(
            "group: ridici\ndate: 2026-01-15\npresent: [Anna Bílá, Bohumil Černý (zastoupen Janem Horákem)]"
        ),
    )
    rows = {r["person"]: r for r in as_json(invoke, "attendance", "--until", "2026-01-31", "-a", str(root))}
    keys = ("expected", "present", "substituted", "absent")
    assert tuple(rows["Bohumil Černý"][k] for k in keys) == (1, 0, 1, 0)
    meeting = as_json(invoke, "attendance", "--by", "meeting", "--until", "2026-01-31", "-a", str(root))[0]
    assert (meeting["present_voting"], meeting["quorum"]) == (2, True)
    assert meeting["substitutes"] == [{"name": "Jan Horák", "for": "Bohumil Černý"}]

"""Misfires of the importer rules of batch 327–338 a review found (issue #19), each narrowed to its
general cause and tested with variants written here, not taken from the review's files."""

from __future__ import annotations

import json
from pathlib import Path

from kpss_cli.importing import recognise

from .conftest import Invoke, write

_PRESENT = "Přítomni: Jana Malá, Petr Sýkora, Eva Horká\n\n"


# --- the next meeting ----------------------------------------------------------------------------


def test_a_body_named_after_the_groups_head_noun_is_another_body() -> None:
    # the council whose commission this is, the group named after the commission's noun
    text = "Zápis z jednání Kulturní komise Rady obce Lhota ze dne 3. 5. 2021\n\n" + _PRESENT + "2. Různé\n\n"
    for line in (
        "Komise doporučuje radě schválit dotace. Příští rada bude 17. 5. 2021.",
        "- 17. 5. 2021 – jednání rady obce (schválení dotací)",
    ):
        assert recognise(text + line + "\n").next_meeting is None, line
    # the commission's own meeting still is
    imported = recognise(text + "- 17. 5. 2021 – jednání kulturní komise\n")
    assert imported.next_meeting == {"date": "2021-05-17", "time": None, "place": None}


def test_a_meeting_of_another_group_named_after_the_body_noun_is_no_next_meeting() -> None:
    text = "Zápis z jednání řídící skupiny KPSS Lhota ze dne 3. 5. 2021\n\n" + _PRESENT + "3. Termíny\n\n"
    for line in ("- 19. 5. 2021 – jednání skupiny Rodina a děti", "- 19. 5. 2021 – setkání skupiny Senioři"):
        assert recognise(text + line + "\n").next_meeting is None, line
    imported = recognise(text + "- 19. 5. 2021 – jednání řídící skupiny\n")
    assert imported.next_meeting == {"date": "2021-05-19", "time": None, "place": None}


def test_an_abbreviation_of_whose_body_it_is_names_no_next_meeting() -> None:
    text = "Zápis z jednání bytové komise ZM Lhota ze dne 3. 5. 2021\n\n" + _PRESENT + "2. Různé\n\n"
    for line in ("Další ZM: 24. 6. 2021", "Příští ZM bude 24. 6. 2021"):
        assert recognise(text + line + "\n").next_meeting is None, line
    imported = recognise(
        "Zápis z jednání Bytové komise ze dne 3. 5. 2021\n\n" + _PRESENT + "Další BK: 24. 6. 2021\n"
    )
    assert imported.next_meeting == {"date": "2021-06-24", "time": None, "place": None}


# --- recorder ------------------------------------------------------------------------------------


def test_who_is_to_write_the_minutes_of_the_next_meeting_did_not_write_these() -> None:
    text = "Zápis ze setkání pracovní skupiny Senioři ze dne 3. 5. 2021\n\n" + _PRESENT
    imported = recognise(text + "4. Příští setkání povede Jana Malá, zápis – Petr Sýkora.\n")
    assert imported.recorder is None
    # this meeting's own roles, as the rule was made for
    imported = recognise(text + "1. Zahájení\nJana Malá, zápis – Petr Sýkora\n")
    assert imported.recorder == "Petr Sýkora"


def test_zapsal_after_a_year_that_is_no_day_of_the_minutes_names_no_recorder() -> None:
    text = "Zápis z členské schůze spolku Klub Lhota ze dne 3. 5. 2021\n\n" + _PRESENT
    imported = recognise(text + "2. Kroniku spolku za rok 2020 zapsal Karel Dub, děkujeme.\n")
    assert imported.recorder is None
    imported = recognise(text + "2. Různé\n\nDne 4. 5. 2021 zapsala Eva Horká\n")
    assert imported.recorder == "Eva Horká"


# --- moderator -----------------------------------------------------------------------------------


def test_a_program_someone_else_joined_after_the_welcome_is_no_agenda() -> None:
    text = (
        "Zápis ze setkání pracovní skupiny Senioři ze dne 3. 5. 2021\n\n"
        + _PRESENT
        + "1. Ředitelka Jana Malá "
    )
    for rest in (
        "přivítala přítomné a sdělila, že organizace přistoupila k programu Podpora zdraví.",
        "přivítala přítomné a uvedla, že město přistoupilo k programu prevence.",
        "přivítala přítomné a přistoupila k programu prevence kriminality.",
    ):
        assert recognise(text + rest + "\n").moderator is None, rest
    for rest in (
        "přivítala přítomné a přistoupila k programu.",
        "přivítala přítomné a přistoupila k bodům programu.",
    ):
        assert recognise(text + rest + "\n").moderator == "Jana Malá", rest


# --- attendance ----------------------------------------------------------------------------------


def test_a_list_of_surnames_wrapped_onto_the_next_line_joins_no_two_of_them() -> None:
    title = "Zápis z jednání kontrolního výboru obce Lhota ze dne 3. 5. 2021\n\n"
    imported = recognise(title + "Přítomni: Dub, Kos, Petr\n\nSýkora, Malá\n\n1. Různé\n")
    assert "Petr Sýkora" not in [p["name"] for p in imported.present]
    # a line wrapped without a blank line is no page break
    imported = recognise(title + "Přítomni: Jana Malá, Karel Dub, Petr\nSýkora, Eva Horká\n\n1. Různé\n")
    assert "Petr Sýkora" not in [p["name"] for p in imported.present]


# --- group ---------------------------------------------------------------------------------------


def test_a_bare_body_after_zapis_z_yields_to_its_fuller_name() -> None:
    for head, group in (
        (
            "Obec Lhota\nKomise pro kulturu a sport\n\nZápis z komise\nze dne 3. 5. 2021",
            "Komise pro kulturu a sport",
        ),
        ("Zápis z rady\nRada rodičů ZŠ Lhota\n\nDatum: 3. 5. 2021", "Rada rodičů ZŠ Lhota"),
    ):
        imported = recognise(head + "\n\n" + _PRESENT + "1. Komise doporučuje přidělit byt.\n")
        assert imported.group == group, head


# --- tasks ---------------------------------------------------------------------------------------


def test_odpovida_after_a_dash_that_answers_or_agrees_is_no_owner() -> None:
    text = "Zápis z jednání zastupitelstva obce Lhota ze dne 3. 5. 2021\n\n" + _PRESENT + "3. Diskuse\n\n"
    for line in (
        "Dotaz p. Dubové na opravu lávky – odpovídá Petr Sýkora.",
        "Pan Kos se ptal, kdy bude opravena lávka přes potok u školy, která je po povodni poškozená a pro děti "
        "i seniory nebezpečná, a zda obec plánuje také nové zábradlí a osvětlení – odpovídá Petr Sýkora.",
        "- Kapacita pečovatelské služby – odpovídá Komunitnímu plánu.",
        "Kontrola ukázala, že poskytování služby v domově po všech úpravách vnitřních pravidel, plánů a "
        "dokumentace a po doplnění personálu – odpovídá Standardům kvality sociálních služeb.",
    ):
        assert recognise(text + line + "\n").tasks == [], line
    # a responsibility it still is before a colon or a deadline, and `zodpovídá` always
    for line in (
        "- připravit rozpočet – odpovídá: Petr Sýkora",
        "- připravit rozpočet – odpovídají J. Malá a P. Sýkora – průběžně",
        "- připravit rozpočet – zodpovídá Petr Sýkora",
    ):
        assert len(recognise(text + line + "\n").tasks) == 1, line


# --- the command ---------------------------------------------------------------------------------


_COMMISSION = """Zápis z jednání Kulturní komise Rady obce Lhota

Datum: 3. 5. 2021, 16:00

Přítomni: Jana Malá, Petr Sýkora, Eva Horká

1. Předsedkyně Jana Malá přivítala přítomné a oznámila, že obec přistoupila k programu Zdravá obec.

2. Komise doporučuje radě schválit dotace. Příští rada bude 17. 5. 2021.

3. Dotaz p. Dubové na opravu lávky – odpovídá Petr Sýkora.

Na příštím jednání: moderace – Eva Horká, zápis – Petr Sýkora.
"""


def test_kpss_import_finds_none_of_the_misfires(invoke: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    invoke("init", str(archive))
    minutes = write(tmp_path / "komise.txt", _COMMISSION)
    result = invoke("import", str(minutes), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert (record["group"], record["date"]) == ("Kulturní komise Rady obce Lhota", "2021-05-03")
    assert (record["next_meeting"], record["recorder"], record["moderator"], record["tasks"]) == (
        None,
        None,
        None,
        [],
    )
    assert not (archive / "kulturni-komise-rady-obce-lhota").exists()

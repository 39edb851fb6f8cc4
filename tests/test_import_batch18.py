"""General patterns of Czech minutes drawn from the eighteenth real held-out batch (`327`–`338`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

import json
from pathlib import Path

from kpss_cli.importing import recognise

from .conftest import Invoke, write
from .recognised import names

_TITLE = "Zápis z jednání sociální komise obce Lhota ze dne 4. 5. 2021\n\n"


# --- attendance ----------------------------------------------------------------------------------


def test_a_name_a_page_broke_across_paragraphs_inside_a_list_is_one_person() -> None:
    imported = recognise(
        _TITLE + "Přítomni : pp. Jana Malá, Petr Sýkora, Tomáš\n\nDvořák, Eva Horká, Karel\n\nSvoboda\n\n"
        "Omluveni : p. Ivan Kos\n\n1/ Předseda přivítal členy.\n"
    )
    assert names(imported.present) == [
        "Jana Malá",
        "Petr Sýkora",
        "Tomáš Dvořák",
        "Eva Horká",
        "Karel Svoboda",
    ]
    assert names(imported.excused) == ["Ivan Kos"]
    # a surname ending the line is no first name: the next paragraph is not glued to it
    imported = recognise(_TITLE + "Přítomni: Jana Malá, Petr Sýkora\n\nDvořák, Horká a Kos se omluvili.\n")
    assert "Petr Sýkora Dvořák" not in names(imported.present)


def test_a_courtesy_word_opens_a_person_whose_post_follows_the_name() -> None:
    imported = recognise(
        _TITLE + "Přítomni: Ing. Jan Dub předseda, Mgr. Petr Malý pí Eva Nová tajemnice, p. Karel Bor\n"
    )
    assert names(imported.present) == ["Ing. Jan Dub", "Mgr. Petr Malý", "Eva Nová", "Karel Bor"]


def test_a_deacons_office_before_his_name_is_no_part_of_it() -> None:
    imported = recognise(
        _TITLE + "Přítomni: Jana Malá, Petr Sýkora\n\nNepřítomni: jáhen Pavel Kos, Eva Horká\n"
    )
    assert names(imported.absent) == ["Pavel Kos", "Eva Horká"]


# --- title, day, hour and place --------------------------------------------------------------------


def test_a_meeting_titled_without_zapis_keeps_its_body_and_the_hour_after_the_day() -> None:
    for title, group, hour in (
        ("Schůzka spolku rodičů 12.3.2021  od 17.oo", "Spolek rodičů", "17:00"),
        ("Schůzka výboru klubu 12.3.2021 v 16:30 hod.", "Výbor klubu", "16:30"),
        ("Zasedání školské rady 12.3.2021 od 9.oo", "Školská rada", "09:00"),
    ):
        imported = recognise(f"12.3.2021\n\n{title}\n\nPřítomni: Jana Malá, Petr Sýkora\n")
        assert (imported.group, str(imported.date), imported.time) == (group, "2021-03-12", hour), title


def test_a_body_alone_after_zapis_z_on_its_line_is_the_group() -> None:
    for title, group in (("Zápis z farní rady", "Farní rada"), ("Zápis ze školské rady", "Školská rada")):
        imported = recognise(f"{title}\n\nkonané 3. 3. 2020\n\nPřítomni: Jana Malá, Petr Sýkora\n")
        assert (imported.group, str(imported.date)) == (group, "2020-03-03"), title


def test_a_roman_numbered_item_glued_to_the_place_of_the_title_is_no_part_of_it() -> None:
    imported = recognise(
        "Zápis z jednání Sítě knihoven kraje\n\n konaného dne 8.12.2008 v BrněI. Zahájení a program\n"
        "Jana Malá\n\nII. Různé\n- informace o projektu – p. Sýkora\n"
    )
    assert (str(imported.date), imported.place) == ("2008-12-08", "v Brně")


def test_the_place_after_the_weekday_the_meeting_was_called_for_when_the_day_is_lost() -> None:
    imported = recognise(
        'Download "ZÁPIS Č. 2/2016 Z JEDNÁNÍ KOMISE KULTURNÍ 9. 2. 2016"\n\nTranskript\n\n'
        "1 ZÁPIS Č. 2/2016 Z JEDNÁNÍ KOMISE KULTURNÍ Přítomni: Jana Malá, Petr Sýkora Jednání bylo "
        "svoláno na středu od hod. v zasedací místnosti OÚ Lhota, 1. patro. Jednání bylo zahájeno v hod. "
        "v počtu 2 členů.\n"
    )
    assert imported.place == "v zasedací místnosti OÚ Lhota, 1. patro"


# --- recorder ------------------------------------------------------------------------------------


def test_who_wrote_the_minutes_after_the_day_they_wrote_them_or_after_zapis_and_a_dash() -> None:
    imported = recognise(
        _TITLE + "Přítomni: Jana Malá, Petr Sýkora\n\n1. Různé\n\n"
        "Předseda: Jana Malá                                   Dne 5. 5. 2021 zapsal Karel Dub\n"
    )
    assert imported.recorder == "Karel Dub"
    imported = recognise(
        "Zápis z jednání Sítě knihoven kraje\n\nkonaného dne 8.12.2008 v Brně\n\nI. Zahájení a program\n"
        "Jana Malá, zápis – Petr Sýkora\n\nII. Různé\n"
    )
    assert imported.recorder == "Petr Sýkora"


# --- moderator -----------------------------------------------------------------------------------


def test_who_welcomed_those_present_and_went_on_to_the_agenda_led_the_meeting() -> None:
    text = _TITLE + "Přítomni: Jana Malá, Petr Sýkora\n\n1) Zahájení Předsedkyně komise Mgr. Jana Malá {}\n"
    imported = recognise(text.format("přivítala přítomné členy a přistoupila k programu jednání."))
    assert imported.moderator == "Mgr. Jana Malá"
    # a welcome alone does not say who led it
    imported = recognise(text.format("přivítala přítomné členy a popřála jim hezký den."))
    assert imported.moderator is None


# --- the next meeting ----------------------------------------------------------------------------


def test_the_next_meeting_under_the_bodys_abbreviation_as_a_label() -> None:
    imported = recognise(
        "Zápis z jednání výboru rodičů ze dne 3. 5. 2021\n\nPřítomni: Jana Malá, Petr Sýkora\n\n"
        "1. Různé\n\nPříští VR:  12. 6. v 17.30\n"
    )
    assert imported.next_meeting == {"date": "2021-06-12", "time": "17:30", "place": None}


def test_the_next_meeting_under_the_bodys_own_name_but_not_another_bodys() -> None:
    text = (
        "Zápis z jednání školské rady ze dne 3. 5. 2021\n\nPřítomni: Jana Malá, Petr Sýkora\n\n1. Různé\n\n"
    )
    imported = recognise(text + "Příští školská rada bude 2. 9. 2021 od 16h ve sborovně.\n")
    assert imported.next_meeting is not None
    assert (imported.next_meeting["date"], imported.next_meeting["time"]) == ("2021-09-02", "16:00")
    imported = recognise(text + "Příští dozorčí rada bude 2. 9. 2021 od 16h.\n")
    assert imported.next_meeting is None


def test_a_line_of_coming_events_with_the_bodys_own_meeting_after_a_dash() -> None:
    text = "Zápis z jednání farní rady ze dne 11. 9. 2020\n\nPřítomni: Jana Malá, Petr Sýkora\n\n2. Akce\n\n"
    imported = recognise(text + "- 4. 10. – pouť do Křtin\n\n- 15. 11. v 18.00 hodin – jednání farní rady\n")
    assert imported.next_meeting == {"date": "2020-11-15", "time": "18:00", "place": None}
    # another body's meeting, and the body's own meeting on a day before this one, are no next meeting
    for line in (
        "- 15. 11. v 18.00 hodin – jednání zastupitelstva obce",
        "- 15. 1. 2020 – jednání farní rady",
    ):
        assert recognise(text + line + "\n").next_meeting is None, line


# --- tasks ---------------------------------------------------------------------------------------


def test_an_owner_word_after_a_dash_ends_a_long_item_of_coming_events() -> None:
    imported = recognise(
        _TITLE + "Přítomni: Jana Malá, Petr Sýkora\n\n2. Akce na nadcházející období\n\n"
        "- 5. 10. Pouť na Hostýn – svátek sv. Františka- za přípravu zodpovídá p. Malá\n\n"
        "- 20.10. – Podzimní jarmark – zajištění stánků a výrobků – zapojit více dobrovolníků z řad "
        "rodičů i seniorů do výroby drobných dárků na prodej – první setkání dobrovolníků bude 9.10. v "
        "klubovně pod vedením p. Horké – zodpovídá p. Sýkora\n"
    )
    assert [t["owner"] for t in imported.tasks] == ["p. Malá", "p. Sýkora"]
    assert [t["due"] for t in imported.tasks] == [None, None]


# --- the command ---------------------------------------------------------------------------------


_PARISH = """Vyberte stránku

Zápis z farní rady

konané 9. 3. 2020

Přítomni: P. Jan Kos, Jana Malá, Petr Sýkora, Tomáš

Dvořák, Eva Horká

Omluveni: Ivan Bor

1. Pouť – za přípravu zodpovídá p. Horká

Příští FR:  14. 4. v 18.45

zapsal: Petr Sýkora
"""


def test_kpss_import_reads_the_parish_councils_minutes(invoke: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    invoke("init", str(archive), "--example")
    before = sorted(archive.rglob("*.md"))
    minutes = write(tmp_path / "farni-rada.txt", _PARISH)
    result = invoke("import", str(minutes), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert (record["group"], record["date"]) == ("Farní rada", "2020-03-09")
    assert [p["name"] for p in record["present"]] == [
        "Jan Kos",
        "Jana Malá",
        "Petr Sýkora",
        "Tomáš Dvořák",
        "Eva Horká",
    ]
    assert (record["next_meeting"]["date"], record["next_meeting"]["time"]) == ("2020-04-14", "18:45")
    assert [t["owner"] for t in record["tasks"]] == ["p. Horká"]
    assert sorted(archive.rglob("*.md")) == before

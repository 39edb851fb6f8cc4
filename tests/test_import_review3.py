"""Misfires of the seventeenth batch's rules (`import22`) a review reproduced, each narrowed by its
general cause (issue #19), with variants written here."""

from __future__ import annotations

import json
from pathlib import Path

from kpss_cli.importing import recognise

from .conftest import Invoke, write
from .recognised import names

_H = (
    "Zápis z jednání pracovní skupiny Senioři\n"
    "konaného dne 12. 3. 2024 v 14:00 v zasedací místnosti MěÚ Rokycany\n\n"
    "Přítomni: Jana Nová, Petr Malý, Eva Dubová\n\n"
)


def roles(people: list) -> list[str | None]:
    return [p.get("role") for p in people]


# --- A: a meeting adjourned to a day -----------------------------------------------------------------


def test_a_labelled_next_meeting_wins_over_an_adjourned_one(invoke: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "a"
    invoke("init", str(archive), "--group", "g")
    for adjourned, labelled, expected in (
        (
            "Předsedkyně informovala, že Rada města odložila jednání na 2. 4. o dotacích.",
            "Příští jednání: 9. 4. 2024 ve 14:00 v zasedací místnosti MěÚ.",
            {"date": "2024-04-09", "time": "14:00", "place": "zasedací místnosti MěÚ"},
        ),
        (
            "Členové se dohodli přesunout jednání na 15. 4. 2024 kvůli Velikonocům, další termíny zůstávají.",
            "Příští jednání: 15. 4. 2024 v 14:00 v klubovně DPS.",
            {"date": "2024-04-15", "time": "14:00", "place": "klubovně DPS"},
        ),
    ):
        source = write(tmp_path / "z.txt", _H + adjourned + "\n" + labelled + "\nZapsala: Eva Dubová\n")
        result = invoke(
            "import", str(source), "--dry-run", "--format", "json", "--group", "g", "-a", str(archive)
        )
        assert result.exit_code == 0, result.stderr
        found = json.loads(result.stdout)[0]["next_meeting"]
        assert {key: found[key] for key in expected} == expected, adjourned


def test_another_body_adjourning_its_meeting_or_a_past_day_is_no_next_meeting() -> None:
    for sentence in (
        "Vedoucí odboru informovala, že kraj musel odložit jednání na 5. 2. kvůli chřipce a proběhlo tedy až v únoru.",
        "Předsedkyně informovala, že Rada města odložila jednání na 2. 4. o dotacích.",
        "Pan Malý sdělil, že zastupitelstvo přesunulo zasedání na 20. 4. 2024.",
        # this body, but a day before this meeting: news of the past, not a year on
        "Členové připomněli, že jsme museli odložit jednání na 5. 2. kvůli chřipce.",
    ):
        assert recognise(_H + sentence + "\n\nZapsala: Jana Nová\n").next_meeting is None, sentence
    # this body adjourning to a later day stays the next meeting
    imported = recognise(_H + "Členové se dohodli přesunout jednání na 15. 4. 2024.\n\nZapsala: Jana Nová\n")
    assert imported.next_meeting == {"date": "2024-04-15", "time": None, "place": None}


def test_a_break_of_some_minutes_is_no_adjourned_meeting() -> None:
    for sentence in (
        "Předsedající přerušil jednání na 10 minut (15.10.–15.20.), poté se pokračovalo.",
        "Předsedající přerušil jednání na 15 minut, tj. do 15.20., poté se pokračovalo.",
    ):
        assert recognise(_H + sentence + "\nZapsala: Eva Dubová\n").next_meeting is None, sentence


# --- B: a numbered meeting ---------------------------------------------------------------------------


def test_a_numbered_meeting_of_another_body_after_an_adjective_is_no_next_meeting() -> None:
    for sentence in (
        "Informace: 1. zasedání nového zastupitelstva, které se uskuteční dne 25. 3. 2024, projedná rozpočet.",
        "Informace: 5. jednání městské rady, které se uskuteční dne 25. 3. 2024, projedná dotace.",
    ):
        assert recognise(_H + sentence + "\n\nZapsala: Jana Nová\n").next_meeting is None, sentence


def test_the_place_of_a_numbered_meeting_is_read_when_the_sentence_ends_at_it() -> None:
    text = (
        _H + "Pozvánka: členové jsou zváni na 4. jednání pracovní skupiny, které se uskuteční dne 9. 4. 2024 "
        "ve 14:00 {place}\nZapsala: Eva Dubová\n"
    )
    imported = recognise(text.format(place="v zasedací místnosti MěÚ."))
    assert imported.next_meeting == {"date": "2024-04-09", "time": "14:00", "place": "zasedací místnosti MěÚ"}
    imported = recognise(text.format(place="v klubovně DPS"))
    assert imported.next_meeting is not None and imported.next_meeting["place"] == "klubovně DPS"
    # the sentence goes on about something else after it: no place
    imported = recognise(
        text.format(place="v zasedací místnosti MěÚ organizaci Lhota, z.s., která představí svou činnost.")
    )
    assert imported.next_meeting == {"date": "2024-04-09", "time": "14:00", "place": None}


# --- C, D: who led the meeting ----------------------------------------------------------------------


def test_reported_speech_of_who_led_another_meeting_names_no_moderator() -> None:
    for teller, expected in (
        ("Koordinátorka informovala", None),
        ("Pan Malý informoval", "Petr Malý"),  # the surname of one present, read as before
        ("Předsedkyně sdělila", None),
    ):
        imported = recognise(
            _H + f"2. Informace z kraje\n{teller}, že na krajském úřadě vedl jednání náměstek hejtmana "
            "Karel Hora.\nZapsala: Eva Dubová\n"
        )
        assert imported.moderator == expected, teller
    # told directly, the verb first and the post after it: still read
    imported = recognise(_H + "Jednání vedl předseda výboru Karel Hora.\nZapsala: Eva Dubová\n")
    assert imported.moderator == "Karel Hora"


def test_a_full_name_at_the_end_without_a_full_stop_is_no_cut_off_name() -> None:
    body = (
        "Zápis z jednání pracovní skupiny Senioři\nkonaného dne 12. 3. 2024 v zasedací místnosti MěÚ "
        "Rokycany\n\nPřítomno: 7 členů dle prezenční listiny\n\n"
    )
    for ending, expected in (
        ("Jednání zahájil předseda výboru Petr Malý", "Petr Malý"),
        ("Jednání zahájila předsedkyně výboru Ing. Jana Nová", "Ing. Jana Nová"),
        ("Jednání zahájil předseda výboru Ing. Lad", None),  # a stump: the excerpt stops in the name
    ):
        assert recognise(body + ending + "\n").moderator == expected, ending


# --- E: short minutes that point to the full ones -----------------------------------------------------


_SHORT = (
    "Pracovní skupina Senioři\nDatum: 12. 3. 2024, 14:00\nMísto: zasedací místnost MěÚ Rokycany\n\n"
    "Program:\n1. Kontrola úkolů\n2. Aktualizace katalogu služeb\n3. Různé\n\n"
    "{tasks}Kompletní zápis včetně prezenční listiny je k dispozici na odboru sociálních věcí MěÚ.\n"
)


def test_a_record_under_field_labels_that_points_to_the_full_minutes_stays_minutes() -> None:
    tasks = "Úkoly:\n- doplnit údaje do katalogu do 30. 3. 2024 (Jana Nová)\n\n"
    for text in (_SHORT.format(tasks=tasks), _SHORT.format(tasks="")):
        imported = recognise(text)
        assert imported.looks_like_minutes
        assert str(imported.date) == "2024-03-12"
    # a report that names one label only stays no minutes
    report = (
        "Pracovní skupina Senioři se sešla 12. 3. 2024 a projednala katalog služeb.\n\nProgram: katalog\n\n"
        "Úkoly zůstávají.\n\nKompletní zápis je k dispozici na odboru sociálních věcí MěÚ.\n"
    )
    assert not recognise(report).looks_like_minutes


# --- F, G: roles in a list of people ---------------------------------------------------------------------


def test_a_bodys_genitive_after_a_role_is_no_surname() -> None:
    imported = recognise(
        _H.replace(
            "Jana Nová, Petr Malý, Eva Dubová",
            "Jana Nová, vedoucí Domova Anna, Petr Malý, ředitelka Hospice Marie, Eva Dubová",
        )
        + "Zapsala: Jana Nová\n"
    )
    assert names(imported.present) == ["Jana Nová", "Petr Malý", "Eva Dubová"]
    # a surname written first after a role is still read
    for line, who in (
        ("Hosté: pan místostarosta Pešek Pavel", "Pešek Pavel"),
        ("Hosté: paní ředitelka Veselá Marie", "Veselá Marie"),
        ("Hosté: pan ředitel Svoboda Karel", "Svoboda Karel"),
    ):
        assert names(recognise(_H + line + "\n").guests) == [who], line
    assert names(recognise(_H + "Hosté: ředitel Charity Petr\n").guests) == []


def test_a_courtesy_word_and_a_post_after_a_guest_is_no_role_of_that_guest() -> None:
    for line in (
        "Hosté: paní ředitelka Veselá Marie, pan starosta",
        "Hosté: paní ředitelka Veselá Marie, paní místostarostka",
    ):
        imported = recognise(_H + line + "\n\nZapsala: Jana Nová\n")
        assert names(imported.guests) == ["Veselá Marie"], line
        assert roles(imported.guests) == ["ředitelka"], line
    # a post without a courtesy word after a name is that person's role
    imported = recognise(_H + "Hosté: Marie Veselá, ředitelka Charity\n")
    assert roles(imported.guests) == ["ředitelka Charity"]

"""General patterns of Czech minutes drawn from the sixteenth real held-out batch (`303`–`314`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise

from .recognised import names

# --- attendance ----------------------------------------------------------------------------------

_LONG = "Zápis z jednání výboru spolku Lhota konaného dne 4. 5. 2021 v klubovně Přítomni: " + ", ".join(
    f"{first} {last}"
    for first, last in (
        ("Jan", "Kos"),
        ("Eva", "Malá"),
        ("Petr", "Dub"),
        ("Jana", "Horká"),
        ("Karel", "Sýkora"),
        ("Marie", "Nová"),
        ("Pavel", "Hrubý"),
        ("Lenka", "Černá"),
        ("Tomáš", "Bílý"),
    )
)


def test_a_transcripts_page_break_inside_the_attendance_is_no_end_of_the_list() -> None:
    for end, start in (("1", "2"), ("3", "4")):
        imported = recognise(
            f"Transkript\n\n{end} {_LONG}, Ivana Zelená {end}\n\n{start} Josef Malina, Alena Tichá Omluveni: Jiří Lev\n"
        )
        assert names(imported.present)[-3:] == ["Ivana Zelená", "Josef Malina", "Alena Tichá"], end
        assert names(imported.excused) == ["Jiří Lev"]
    # numbers that do not follow each other are no page break
    imported = recognise(f"Transkript\n\n1 {_LONG}, Ivana Zelená 1\n\n5 Josef Malina, Alena Tichá\n")
    assert "Josef Malina" not in names(imported.present)


def test_a_numbered_list_run_into_one_line_is_one_person_a_number() -> None:
    head = "Zápis z jednání valné hromady spolku Lhota dne 4. 5. 2021\n\n"
    imported = recognise(
        head + "Přítomni: 1. Jan Kos, Obec Lhota 2. Ing. Eva Malá, Charita Lhota, z. s. 3. Petr Dub, FO Brno "
        "4. Jana Horká, soukromá zemědělkyně Hosté: 1. Karel Sýkora, MAS Lhota 2. Marie Nová, MAS Lhota "
        "3. Pavel Hrubý, MAS Lhota\n\nProgram:\n1. Zahájení\n"
    )
    assert names(imported.present) == ["Jan Kos", "Ing. Eva Malá", "Petr Dub", "Jana Horká"]
    assert [p["org"] for p in imported.present][:2] == ["Obec Lhota", "Charita Lhota, z. s."]
    assert names(imported.guests) == ["Karel Sýkora", "Marie Nová", "Pavel Hrubý"]
    # a post-nominal title after the comma stays with the name
    imported = recognise(
        head + "Přítomni: 1. Mgr. Jan Kos, Ph.D., Obec Lhota 2. Eva Malá, Charita 3. Petr Dub, FO Brno\n"
    )
    assert names(imported.present) == ["Mgr. Jan Kos, Ph.D.", "Eva Malá", "Petr Dub"]


def test_a_surname_in_capitals_after_a_first_name_is_a_person() -> None:
    head = "Zápis z jednání výboru spolku Lhota dne 4. 5. 2021\n\n"
    for listed, expected in (
        ("Přítomni: Jan Kos, Zdeněk PETR, Eva Malá", ["Jan Kos", "Zdeněk PETR", "Eva Malá"]),
        ("Přítomni: Jana NOVÁKOVÁ (Charita), Petr Dub", ["Jana NOVÁKOVÁ", "Petr Dub"]),
    ):
        assert names(recognise(head + listed + "\n").present) == expected, listed
    # an office's abbreviation is still no person
    assert names(recognise(head + "Přítomni: Jan Kos, Město HK, Eva Malá\n").present) == [
        "Jan Kos",
        "Eva Malá",
    ]


def test_one_guest_a_paragraph_written_surname_first() -> None:
    imported = recognise(
        "Zápis z jednání komise Lhota č. 1/2020\n\nkonaného dne 3. 2. 2020\n\n"
        "Přítomno: 5 členů komise\n\n        Hosté:        Dvořák Karel\n\n"
        "                      Malá Eva\n\n                      Mgr. Petr Kos\n\n"
        "                      Nová Jana\n\nProgram: 1. Zahájení\n"
    )
    assert names(imported.guests) == ["Dvořák Karel", "Malá Eva", "Mgr. Petr Kos", "Nová Jana"]


def test_deputies_written_x_za_y_one_a_paragraph() -> None:
    imported = recognise(
        "Zápis ze zasedání rady spolku Lhota\n\nDATUM A ČAS: 3. 2. 2020, 14:00\n\n"
        "PŘÍTOMNÍ ČLENOVÉ:\n\nJan Kos (obec Lhota)\n\nEva Malá (Charita)\n\n"
        "POVĚŘENÍ ZÁSTUPCI:\n\nPetr Dub za Karla Vlka (MF)\n\nJana Horká za Alenu Tichou (MO)\n\n"
        "Marie Nová a Lenka Bílá\n\nza Tomáše Zeleného (MK)\n\nPavel Hrubý za Ivanu Černou (MZ)\n\n"
        "HOSTÉ:\n\nKarel Sýkora (MMR)\n"
    )
    assert names(imported.present) == [
        "Jan Kos",
        "Eva Malá",
        "Petr Dub",
        "Jana Horká",
        "Marie Nová",
        "Lenka Bílá",
        "Pavel Hrubý",
    ]
    assert names(imported.guests) == ["Karel Sýkora"]


def test_a_guest_whose_bracket_lost_its_opening_goes_on_with_the_list() -> None:
    for lost, name in (("Věra Malá MMR)", "Věra Malá"), ("Ing. Věra Malá KÚ Olomouc)", "Ing. Věra Malá")):
        imported = recognise(
            "Zápis ze zasedání rady spolku Lhota\n\nDATUM A ČAS: 3. 2. 2020, 14:00\n\n"
            f"PŘÍTOMNÍ ČLENOVÉ:\n\nJan Kos (obec)\n\nHOSTÉ:\n\nJiří Dub (MMR)\n\n{lost}\n\n"
            "Čeněk Hrubý (VPORH)\n\nAnna Bílá (VOP)\n"
        )
        assert names(imported.guests) == ["Jiří Dub", name, "Čeněk Hrubý", "Anna Bílá"], lost


# --- documents that are not minutes --------------------------------------------------------------


def test_a_page_that_says_the_minutes_are_still_to_come_is_no_minutes() -> None:
    for later in (
        "Zápis ze setkání bude vložen po jeho zpracování",
        "Zápis z jednání bude zveřejněn později.",
        "Zápis bude k dispozici dodatečně.",
    ):
        imported = recognise(
            "Třetí setkání pracovní skupiny pro seniory\n\n 4. 3. 2021, publikováno: 5. 3. 2021\n\n"
            "Dne 4. března 2021 se sešla pracovní skupina pro seniory ke svému třetímu jednání. "
            "Vedoucí skupiny paní Jana Nová seznámila členy s plánem.\n\n"
            f"{later}\n\nFotogalerie\n"
        )
        assert not imported.looks_like_minutes, later
    # minutes that say their fair copy will be added later are still minutes
    imported = recognise(
        "Zápis z jednání pracovní skupiny Senioři dne 4. 3. 2021\n\nPřítomni: Jana Nová, Petr Malý\n\n"
        "Zápis bude doplněn po schválení.\n"
    )
    assert imported.looks_like_minutes


def test_a_news_item_under_a_headline_with_the_day_is_no_minutes() -> None:
    for headline, stamp in (
        ("3. Jednání Pracovní skupiny pro sociální oblast 24. listopadu 2015", "24. 11. 2015"),
        ("Jednání pracovní skupiny Senioři 24. 11. 2015", "24. 11. 2015, publikováno: 25. 11. 2015"),
    ):
        imported = recognise(
            f"{headline}\n\n{stamp}\n\nDne 24. listopadu 2015 proběhlo třetí jednání pracovní skupiny. "
            "Hlavním bodem jednání byla prezentace analýzy. Jednání se zúčastnili i zástupci obcí.\n\n"
            "Ke stažení\n"
        )
        assert not imported.looks_like_minutes, headline
    # a headline that gives the day as minutes head it (`ze dne`) keeps them minutes
    imported = recognise(
        "Jednání pracovní skupiny Senioři ze dne 24. 11. 2015\n\nDne 24. listopadu 2015 proběhlo jednání "
        "pracovní skupiny. Jednání se zúčastnili zástupci obcí.\n"
    )
    assert imported.looks_like_minutes
    # the day written in a line of the minutes' own keeps them minutes
    imported = recognise(
        "Jednání pracovní skupiny Senioři\n\nDatum: 24. 11. 2015\n\nDne 24. listopadu 2015 proběhlo jednání "
        "pracovní skupiny. Jednání se zúčastnili zástupci obcí.\n"
    )
    assert imported.looks_like_minutes


# --- the group, the next meeting -----------------------------------------------------------------


def test_the_next_meeting_named_by_the_bodys_abbreviation() -> None:
    for title, sentence, day, time in (
        (
            "Zápis z jednání pastorační rady dne 25. 9. 2017",
            "Další PR bude 08.10.2017 od 18.00 hodin.",
            "2017-10-08",
            "18:00",
        ),
        ("Zápis PRF 25.9.2017", "Příští PRF se uskuteční 11.10.2017 od 19:00 hodin.", "2017-10-11", "19:00"),
        (
            "Zápis z jednání řídící skupiny (ŘS) dne 25. 9. 2017",
            "Příští ŘS se koná 3. 11. 2017 v 9:00.",
            "2017-11-03",
            "09:00",
        ),
        ("Zápis z VV z 25. 9. 2017", "6. Další VV proběhne 20. 10. 2017.", "2017-10-20", None),
    ):
        imported = recognise(f"{title}\n\nPřítomni: Jan Kos, Eva Malá\n\n{sentence}\n")
        assert imported.next_meeting is not None, sentence
        assert (imported.next_meeting["date"], imported.next_meeting["time"]) == (day, time), sentence
    # a word in capitals that is no abbreviation of a body before the verb is still nothing
    imported = recognise(
        "Zápis z jednání rady spolku Lhota dne 25. 9. 2017\n\nPřítomni: Jan Kos\n\nDalší KOLO dotací bude 1. 12. 2017.\n"
    )
    assert imported.next_meeting is None


def test_an_abbreviation_not_the_bodys_own_or_a_verb_not_of_meeting_is_no_next_meeting() -> None:
    for title, sentence in (
        ("Zápis z jednání KPSS dne 25. 9. 2025", "Další KPSS bude platit od 1. 1. 2026."),
        ("Zápis z jednání pracovní skupiny Senioři dne 25. 6. 2025", "Další DPS bude otevřen 1. 9. 2025."),
        (
            "Zápis z jednání pracovní skupiny Senioři dne 25. 3. 2024",
            "Příští MPSV bude vyhlašovat dotační výzvu 1. 6. 2024.",
        ),
        # the verb of meeting, but another body's abbreviation
        ("Zápis z jednání pastorační rady dne 25. 9. 2017", "Další VV bude 08.10.2017 od 18.00 hodin."),
    ):
        imported = recognise(f"{title}\n\nPřítomni: Jan Kos, Eva Malá\n\n{sentence}\n")
        assert imported.next_meeting is None, sentence


def test_the_body_as_an_abbreviation_straight_after_zapis() -> None:
    for title, group in (
        ("Zápis PRF 11.9.2023", "PRF"),
        ("Zápis ŠR 3. 2. 2021", "ŠR"),
        ("Zápis z VV 28. 4. 2020", "VV"),
    ):
        assert recognise(f"{title}\n\nPřítomni: Jan Kos, Eva Malá\n").group == group, title


def test_a_title_with_the_bodys_adjective_before_its_noun() -> None:
    for title, group in (
        ("Zápis z pastorační rady - 25.09.2017", "Pastorační rada"),
        ("Zápis ze školské rady konané 3. 2. 2021", "Školská rada"),
        ("Zápis z kontrolního výboru ze dne 3. 2. 2021", "Kontrolní výbor"),
    ):
        assert recognise(f"{title}\n\nPřítomni: Jan Kos, Eva Malá\n").group == group, title
    # a page title with the acronym above it gives way to the name written out
    imported = recognise(
        "zápis z PR ze dne 25.9.2017\n\nZápis z pastorační rady - 25.09.2017\n\nPřítomni: Jan Kos\n"
    )
    assert imported.group == "Pastorační rada"


def test_the_body_that_met_in_the_first_sentence() -> None:
    for sentence, group in (
        ("18. 1. 2022 zasedala pastorační rada farnosti. Zápis nabízíme níže.", "pastorační rada farnosti"),
        ("Dne 3. 5. 2021 se sešel výbor spolku Lhota.", "výbor spolku Lhota"),
    ):
        imported = recognise(f"{sentence}\n\npřítomní: Jan Kos, Eva Malá\n\n1. Zhodnocení roku\n")
        assert (imported.group or "").lower() == group.lower(), sentence


def test_the_place_in_a_title_after_the_participle_or_after_the_day() -> None:
    for title, place in (
        (
            "Zápis ze zasedání výboru MAS Lhota uskutečněného v sídle sdružení Lhota čp. 1 dne 9. 1. 2014",
            "v sídle sdružení Lhota čp. 1",
        ),
        (
            "Zápis z jednání výboru spolku konaného v zasedací místnosti OÚ Lhota dne 9. 1. 2014",
            "v zasedací místnosti OÚ Lhota",
        ),
        (
            "Zápis z jednání VH MAS 27. září 2022, KD Zbrašov, Teplice nad Bečvou č.p. 99",
            "KD Zbrašov, Teplice nad Bečvou č.p. 99",
        ),
        ("Zápis ze schůze výboru 3. 2. 2021, Klubovna Sokola", "Klubovna Sokola"),
    ):
        assert recognise(f"{title}\n\nPřítomni: Jan Kos, Eva Malá\n").place == place, title
    # a label of the minutes after the day is no place
    assert recognise("Zápis ze schůze výboru 3. 2. 2021, Přítomni: Jan Kos, Eva Malá\n").place is None


# --- recorder and moderator ----------------------------------------------------------------------

_HEAD = (
    "Zápis ze zasedání výboru spolku Lhota dne 9. 1. 2014\n\nPřítomni: Ing. Dana Malá, Petr Kos, Jan Dub\n\n"
)


def test_the_recorder_approved_in_the_accusative() -> None:
    for sentence, recorder in (
        (
            "Účastníci jednomyslně schválili zapisovatelku Krystynu Novákovou a ověřovatele Jana Duba.",
            "Krystyna Nováková",
        ),
        ("Výbor zvolil za zapisovatele Ing. Jana Kose.", "Ing. Jan Kos"),
        ("Členové určili zapisovatelku paní Evu Malou.", "Eva Malá"),
    ):
        imported = recognise(_HEAD + sentence + "\n")
        assert imported.recorder == recorder, sentence
        assert "recorder" in imported.guesses


def test_who_led_the_meeting_when_the_chair_handed_it_over() -> None:
    for sentence, moderator in (
        (
            "Zasedání zahájila místopředsedkyně Ing. Dana Malá. Vedením zasedání místopředsedkyně pověřila "
            "ředitelku Krystyna Novákovou.",
            "Krystyna Nováková",
        ),
        ("Jednání zahájil předseda. Vedením jednání pověřil pana Petra Kose.", "Petr Kos"),
    ):
        imported = recognise(_HEAD + sentence + "\n")
        assert imported.moderator == moderator, sentence
    # without the hand-over, who opened it leads
    assert (
        recognise(_HEAD + "Zasedání zahájila místopředsedkyně Ing. Dana Malá.\n").moderator
        == "Ing. Dana Malá"
    )


def test_two_names_run_together_after_a_priests_p_or_an_initial() -> None:
    head = "Zápis ze setkání Pastorační rady farnosti dne 27. 8. 2013\n\n"
    for listed, expected in (
        (
            "Přítomni: P. Jiří Kos, P. Štefan Brinda Josef Dub, Eva Malá",
            ["Jiří Kos", "Štefan Brinda", "Josef Dub", "Eva Malá"],
        ),
        ("Přítomni: Jan Kos, J. Karel Malý Petr Dub", ["Jan Kos", "J. Karel Malý", "Petr Dub"]),
    ):
        assert names(recognise(head + listed + "\n").present) == expected, listed
    # one person with two surnames stays one
    assert names(recognise(head + "Přítomni: P. Jan Kos Novák, Eva Malá\n").present) == [
        "Jan Kos Novák",
        "Eva Malá",
    ]


def test_the_full_council_present_names_nobody() -> None:
    for value in ("plné složení", "všichni členové", "Všichni členové výboru.", "v plném počtu"):
        imported = recognise(
            f"18. 1. 2022 zasedala pastorační rada farnosti.\n\npřítomní: {value}\n\n 1. Zhodnocení aktivit\n"
            "  • Vítání Ježíška - povedené, ale chyběli herci\n 2. Farní adresář\n"
        )
        assert imported.present == [], value
    # names after the label are still read
    imported = recognise("Zápis z jednání výboru dne 3. 2. 2021\n\nPřítomni: Jan Kos, Eva Malá\n")
    assert names(imported.present) == ["Jan Kos", "Eva Malá"]


def test_the_scoring_reads_o_otec_as_a_courtesy_like_p_pater() -> None:
    from kpss_cli.importing.fidelity import people_key

    assert people_key("o. Benedikt Machalík") == people_key("Benedikt Machalík") == "benedikt machalik"
    assert people_key("Ota Novák") == "ota novak"  # a name beginning with the letter stays whole


# --- misfires of the rules above, found by review ------------------------------------------------


def test_minutes_with_a_heading_and_the_day_under_it_are_no_news_item() -> None:
    agenda = "\n\nProgram:\n1. Úvod\n2. Katalog služeb\n3. Různé\n\n"
    for text in (
        "Pracovní skupina Senioři\n12. 3. 2024\n\nSetkání pracovní skupiny proběhlo 12. 3. 2024 v klubovně "
        "DPS.\nPřítomno: 8 členů, skupina je usnášeníschopná." + agenda + "K bodu 2: Katalog služeb bude "
        "aktualizován do konce dubna.",
        "Pracovní skupina Senioři – 12. 3. 2024\n\nJednání se konalo dne 12. 3. 2024 od 14:00 v zasedací "
        "místnosti MěÚ.\nPřítomno: 8 členů" + agenda + "Příští jednání bude 9. 4. 2024.",
    ):
        assert recognise(text).looks_like_minutes, text[:60]


def test_what_follows_the_titles_day_is_a_place_only_when_it_reads_as_one() -> None:
    title = "Zápis z jednání pracovní skupiny Rodina a děti 12. 3. 2024, "
    for after in (
        "Zapsala Petra Malá",
        "Komunitní plánování sociálních služeb ORP Hranice",
        "Číslo jednací MMH/1234/2024",
        "Pracovní skupina Rodina a děti",
    ):
        assert recognise(f"{title}{after}\n\nPřítomni: Jan Kos, Eva Malá\n").place is None, after
    for after in ("Kulturní dům Lhota", "Masarykova 12, Hranice", "v zasedací místnosti MěÚ", "Sál radnice"):
        assert recognise(f"{title}{after}\n\nPřítomni: Jan Kos, Eva Malá\n").place == after, after


def test_a_vote_tally_at_a_lines_end_is_no_page_number_and_the_text_stays_whole() -> None:
    voted = (
        "Členové skupiny projednali návrh katalogu služeb a hlasovali o něm po delší diskusi, v níž zazněly "
        "připomínky k rozpočtu, k harmonogramu i k rozsahu služeb, hlasování: pro 5, proti 0, zdržel se 1"
    )
    head = "Zápis z jednání pracovní skupiny Senioři dne 12. 3. 2024\n\nPřítomni: Jan Kos, Eva Malá\n\n"
    for gap in ("\n", "\n\n"):
        imported = recognise(f"{head}{voted}{gap}2 Úkoly\n\nJan Kos připraví katalog.\n")
        assert f"zdržel se 1{gap}2 Úkoly" in imported.body, repr(gap)
    # a transcript page's paragraph (`Transkript`, each page numbered at both ends) is still joined
    imported = recognise(
        "Transkript\n\n1 Zápis z jednání pracovní skupiny Senioři dne 12. 3. 2024 Přítomni: Jan Kos, Eva Malá, "
        + voted.removesuffix(" 1")
        + " Petr Dub 1\n\n2 Jana Horká, Karel Sýkora Omluveni: Jiří Lev\n"
    )
    assert "Petr Dub Jana Horká" in imported.body


def test_the_body_that_met_ends_at_a_preposition() -> None:
    for sentence, group in (
        ("Dne 12. 3. 2024 se sešla řídící skupina v zasedací místnosti.", "Řídící skupina"),
        ("12. 3. 2024 zasedal výbor spolku Lhota na faře.", "Výbor spolku Lhota"),
        ("Dne 12. 3. 2024 se sešla pracovní skupina od 14:00.", "Pracovní skupina"),
    ):
        imported = recognise(f"{sentence}\n\npřítomní: Jan Kos, Eva Malá\n\n1. Zhodnocení roku\n")
        assert imported.group == group, sentence


def test_ze_in_capitals_and_a_meeting_noun_are_no_acronym_of_the_body() -> None:
    for title in (
        "ZÁPIS ZE SCHŮZE 12. 3. 2024",
        "ZÁPIS Z JEDNÁNÍ 12. 3. 2024",
        "Zápis ze SCHŮZE 12. 3. 2024",
    ):
        group = recognise(f"{title}\n\nPřítomni: Jan Kos, Eva Malá\n").group or ""
        assert not any(word in group.upper() for word in ("ZE", "SCHŮZE", "JEDNÁNÍ", "DNE")), title
    assert recognise("ZÁPIS ZE ŘS 12. 3. 2024\n\nPřítomni: Jan Kos, Eva Malá\n").group == "ŘS"


def test_names_listed_under_the_full_council_present_are_read() -> None:
    head = "Zápis z jednání výboru dne 3. 2. 2021\n\n"
    for value, listed in (
        ("všichni členové výboru", "Jan Kos\nEva Malá\nPetr Dub"),
        ("plné složení", "1. Jan Kos\n2. Eva Malá\n3. Petr Dub"),
    ):
        imported = recognise(f"{head}Přítomni: {value}\n{listed}\n\nProgram:\n1. Úvod\n2. Různé\n")
        assert names(imported.present) == ["Jan Kos", "Eva Malá", "Petr Dub"], value


def test_a_numbered_run_of_people_ends_at_an_agenda_item() -> None:
    imported = recognise(
        "Zápis z jednání výboru dne 3. 2. 2021\n\nPřítomni: 1. Jan Kos, Charita 2. Petr Dub, Obec "
        "3. Eva Černá, Diakonie 4. Kontrola Úkolů z minulého jednání\n"
    )
    assert names(imported.present) == ["Jan Kos", "Petr Dub", "Eva Černá"]

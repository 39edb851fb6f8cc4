"""General patterns of Czech minutes drawn from the twentieth real held-out batch (`350`–`359`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise

from .recognised import names


def tasks(text: str) -> list[tuple[str | None, str | None]]:
    imported = recognise(text)
    assert imported is not None
    return [(t["owner"], t["due"]) for t in imported.tasks]


_ATTENDANCE = "\nPřítomni: Jan Malý, Eva Horká, Petr Kos\n\n1. Úvod\n"


# --- the place after the day and the hours of a title's sentence ----------------------------------


def test_the_place_after_a_comma_that_follows_the_day_and_hours_of_the_titles_sentence() -> None:
    for line, place in [
        (
            "z jednání stavební komise, konané dne 10. 6. 2019, od 18 hodin, velká zasedací místnost radnice.",
            "velká zasedací místnost radnice",
        ),
        (
            "z jednání finančního výboru, konaného dne 3. 2. 2020, od 17:00 hod., malý sál kulturního domu",
            "malý sál kulturního domu",
        ),
        (
            "ze schůze výboru konané dne 5. 5. 2021 v 19 hodin, klubovna TJ Sokol Lhota.",
            "klubovna TJ Sokol Lhota",
        ),
    ]:
        imported = recognise(f"ZÁPIS\n\n{line}\n{_ATTENDANCE}")
        assert imported.place == place, line
    # words after the hours that name no place (an item, a count) are none
    for line in [
        "z jednání stavební komise, konané dne 10. 6. 2019, od 18 hodin, projednání rozpočtu.",
        "z jednání stavební komise, konané dne 10. 6. 2019, od 18 hodin, přítomno pět členů.",
    ]:
        assert recognise(f"ZÁPIS\n\n{line}\n{_ATTENDANCE}").place is None, line
    # nor a number of an item, nor `v` that opens no place
    for line in [
        "z jednání stavební komise, konané dne 10. 6. 2019, od 18 hodin, projednání bodu 3.",
        "z jednání stavební komise, konané dne 10. 6. 2019 od 18 hodin v rámci projektu Obnova.",
    ]:
        assert recognise(f"ZÁPIS\n\n{line}\n{_ATTENDANCE}").place is None, line


def test_the_place_of_a_records_run_on_paragraph_ends_at_the_next_label() -> None:
    text = (
        "Záznam\nz jednání Rady pro seniory (dále jen „Rada“) dne 15. května 2003 od 10:00 hodin, Hrzánský palác "
        "(Loretánská 9, Praha 1) Přítomni členové Rady: Ing. Jan Novák (náměstek), Eva Malá (MPSV). "
        "Přítomní hosté: Petr Kos (MK). Omluveni: Jan Bor (předseda)\n"
    )
    imported = recognise(text)
    assert imported.place == "Hrzánský palác (Loretánská 9, Praha 1)"
    assert imported.time == "10:00"
    # `Přítomni členové Rady:` (the body's name capitalised) is a label inside the paragraph
    assert names(imported.present) == ["Ing. Jan Novák", "Eva Malá"]
    assert names(imported.guests) == ["Petr Kos"]
    assert names(imported.excused) == ["Jan Bor"]


def test_the_title_place_after_a_doubled_dne_or_a_second_day() -> None:
    for line in [
        "konaný dne dne 30.7.2018 v Hrabové",
        "konaný dne 11. 4. 2017 a 26. 4. 2017 v Hrabové",
        "konané dne 2. 3. 2019 a 9. 3. 2019 v Hrabové",
    ]:
        text = f"Zápis z jednání kulturní komise – 1. 1. 2017\n\nZápis č. 3\nz jednání kulturní komise\n{line}\n{_ATTENDANCE}"
        assert recognise(text).place == "v Hrabové", line


# --- text layers that lost spaces and line breaks --------------------------------------------------


def test_labels_and_a_letter_spaced_title_glued_to_the_text_around_them() -> None:
    text = (
        "S e k r e t a r i á tRady pro seniory a stárnutíV Praze dne 24. ledna 2008k č. j.: 19/07-RNRZ á z n a mz "
        "jednání Rady pro seniory a stárnutíJednání Rady pro seniory a stárnutí se uskutečnilo dne 22. ledna "
        "2008 od 13:15 hod.v Úřadu vlády (místnost č. 259).Přítomní členové Rady:MUDr. Eva Malá (předsedkyně), "
        "Ing. JanMálek (MF), Karel Dub (MV).Přítomní hosté:BcA. Petr Kos (poradce), LadislavGoral.\n"
    )
    imported = recognise(text)
    assert imported.group == "Rada pro seniory a stárnutí"
    assert str(imported.date) == "2008-01-22"  # not the day the record was written
    assert imported.time == "13:15"
    assert names(imported.present) == ["MUDr. Eva Malá", "Ing. Jan Málek", "Karel Dub"]
    assert names(imported.guests) == ["BcA. Petr Kos", "Ladislav Goral"]


def test_a_first_name_and_surname_glued_are_two_words_but_titles_stay() -> None:
    imported = recognise(
        "Zápis z jednání komise dne 4. 5. 2021\n\nPřítomni: JanMálek, Eva Horká, DiS., Ing. PetrKos\n"
    )
    assert names(imported.present) == ["Jan Málek", "Eva Horká, DiS.", "Ing. Petr Kos"]


# --- a page that keeps a year's minutes one under another ------------------------------------------


def test_the_day_of_an_entry_headed_by_the_day_and_the_meetings_noun() -> None:
    for heading, day in [
        ("20.12.2022 – výborová schůze", "2022-12-20"),
        ("Členská schůze – 14. 4. 2022", "2022-04-14"),
        ("3. 5. 2021 - jednání výboru", "2021-05-03"),
    ]:
        text = (
            f"Zápisy ze schůzí v roce 2022\n\n{heading}\n\nBrigáda\n\n"
            "Brigáda se uskuteční 29.12.2022 od 9:00. Milan Polívka zajistí techniku. "
            "Jana Malá zašle pozvánky.\n"
        )
        imported = recognise(text)
        assert imported.looks_like_minutes, heading
        assert str(imported.date) == day, heading
        assert "date" in imported.guesses, heading
    # an entry that invites to the meeting is no record of it
    invitation = (
        "14. 4. 2022 – členská schůze\n\nZveme všechny členy. Program: 1. Zpráva výboru 2. Rozpočet\n"
        "Jana Malá zašle pozvánky.\n"
    )
    assert recognise(invitation).date is None
    # the heading deep in the page, or a sentence, gives no day
    late = "Aktuality\n\nNabídka\n\nKontakty\n\nMapa\n\nGalerie\n\nOdkazy\n\n20.12.2022 – výborová schůze\n"
    assert recognise(late).date is None
    assert recognise("Dne 20.12.2022 – výborová schůze se přesouvá na leden.\n").date is None


# --- a guide about minutes -------------------------------------------------------------------------


def test_what_minutes_must_be_said_of_minutes_in_general_is_no_title() -> None:
    guide = (
        "Po skončení každé schůze zákon ukládá povinnost vyhotovit zápis.\n\n"
        "Lhůta\n\nZápis ze schůze má být do 30 dnů dostupný všem členům.\n\n"
        "Zápis musí obsahovat informace o tom, kdo schůzi svolal, kdo ji zahájil a kdo jí předsedal.\n"
    )
    imported = recognise(guide)
    assert not imported.looks_like_minutes
    assert imported.tasks == []  # `zákon ukládá povinnost …`: a duty of no one named
    # a title of one meeting stays one
    titled = recognise("Zápis ze schůze výboru ze dne 4. 5. 2021\n\nPřítomni: Jan Malý, Eva Horká\n")
    assert titled.looks_like_minutes and str(titled.date) == "2021-05-04"


# --- two recorders -----------------------------------------------------------------------------------


def test_two_people_under_one_recorders_label() -> None:
    recorder: str | None
    for line, recorder in [
        ("Zapsal: Tomáš Sedláček (předseda SK) a Petr Bláha (člen SK)", "Tomáš Sedláček a Petr Bláha"),
        ("Zapsala: Jana Malá a Mgr. Eva Horká", "Jana Malá a Mgr. Eva Horká"),
        ("Zapsala: Jana Malá (tajemnice)", "Jana Malá"),
        # a second part that is no whole name (a surname alone) makes no pair
        ("Zapsala: Jana Malá (tajemnice) a Horká", None),
    ]:
        text = f"Zápis z jednání komise ze dne 4. 5. 2021\n{_ATTENDANCE}\n{line}\n"
        assert recognise(text).recorder == recorder, line


# --- tasks ---------------------------------------------------------------------------------------------

_HEAD = "Zápis z jednání kulturní komise ze dne 4. 5. 2018\n\nPřítomni: Orkáč R., Jochec F., Eva Malá\n\nAd 1) Akce\n\n"


def test_a_surname_and_an_initial_after_the_verb_and_a_deadline_own_the_task() -> None:
    assert tasks(_HEAD + " • Plakát vyhotoví do 10.8.2018 Orkáč R., Jochec F. jej vyvěsí.\n") == [
        ("Orkáč R.", "10.8.2018"),
        ("Jochec F.", None),
    ]
    assert tasks(_HEAD + " • Lavičky a pomoc promítajícím zajistí Jochec F.\n") == [("Jochec F.", None)]
    # a surname and an initial with more words after it is no owner ending the clause
    assert tasks(_HEAD + " • Lavičky zajistí Jochec F. Novák a spol.\n") == []


def test_two_people_joined_by_a_own_a_task_together() -> None:
    for line, owner in [
        ("Úkoly: Paní Malá a pan Jochec zašlou e-mailem své návrhy", "Paní Malá a pan Jochec"),
        (" • Orkáč R. a Jochec F. připraví do 30.8.2018 kalendář.", "Orkáč R. a Jochec F."),
        ("Eva Malá a Jan Kos zajistí občerstvení.", "Eva Malá a Jan Kos"),
    ]:
        assert [owner for owner, _due in tasks(_HEAD + line + "\n")] == [owner], line
    # a person and a thing is no pair of owners
    assert tasks(_HEAD + "Eva Malá a stan zajistí občerstvení.\n") != [("Eva Malá a stan", None)]


def test_junior_after_a_name_and_an_owner_named_after_the_verb_who_owns_another_task() -> None:
    text = "20.12.2022 – výborová schůze\n\nJosef Hora ml. zašle pozvánky. Milan Polívka zajistí techniku.\n"
    assert tasks(text) == [("Josef Hora ml.", None), ("Milan Polívka", None)]
    # no attendance: a name after the verb is an owner when the same person owns another task as its subject
    both = text + "Úklid po schůzi zajistí Milan Polívka.\n"
    assert tasks(both)[-1] == ("Milan Polívka", None)
    alone = "20.12.2022 – výborová schůze\n\nJosef Hora ml. zašle pozvánky. Hudbu zajistí Jaromír Nohavica.\n"
    assert tasks(alone) == [("Josef Hora ml.", None)]

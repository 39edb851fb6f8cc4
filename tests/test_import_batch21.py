"""General patterns of Czech minutes drawn from the twenty-first real held-out batch (`360`–`369`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise

from .recognised import names


def owners(text: str) -> list[str | None]:
    return [t["owner"] for t in recognise(text).tasks]


_HEAD = (
    "Zápis ze schůze výboru spolku Lípa konané dne 5. 3. 2021\n\nPřítomni: Jan Malý, Eva Horká, Petr Kos\n\n"
)


# --- the body's name -----------------------------------------------------------------------------


def test_a_bodys_name_keeps_an_enumeration_of_commas() -> None:
    for title, group in [
        (
            "Zápis z 3. schůze výboru pro vědu, vzdělání, kulturu, mládež a tělovýchovu, která se konala dne 4. 5. 2019",
            "Výbor pro vědu, vzdělání, kulturu, mládež a tělovýchovu",
        ),
        (
            "Zápis z jednání komise pro sport, kulturu a volný čas konaného dne 4. 5. 2019",
            "Komise pro sport, kulturu a volný čas",
        ),
    ]:
        assert recognise(f"{title}\n\nPřítomni: Jan Malý, Eva Horká\n").group == group, title
    # a comma before a clause still ends the name
    text = (
        "Zápis z jednání komise pro seniory, která se sešla dne 4. 5. 2019\n\nPřítomni: Jan Malý, Eva Horká\n"
    )
    assert recognise(text).group == "Komise pro seniory"


def test_the_minutes_number_before_the_meeting_noun_without_z() -> None:
    for title, group in [
        ("Zápis č. 10 zasedání Sociálního výboru konaného dne 4. 12. 2008.", "Sociální výbor"),
        ("Zápis č. 3 schůze finančního výboru dne 7. 2. 2011", "Finanční výbor"),
        ("ZÁPIS č. 12 jednání kontrolního výboru ze dne 7. 2. 2011", "Kontrolní výbor"),
    ]:
        assert recognise(f"{title}\n\nPřítomni: Jan Malý, Eva Horká\n").group == group, title


def test_the_title_inside_a_line_after_a_sites_own_field() -> None:
    line = (
        "zápis z 031. schůze [vzsp] Parlament České republiky SENÁT 2019 volební období "
        "Z Á P I S z 5. schůze výboru pro zdravotnictví a sociální politiku, která se konala dne 3. 4. 2019 "
        "od 10.00 hodin. Přítomni: dle prezenční listiny."
    )
    assert recognise(line).group == "Výbor pro zdravotnictví a sociální politiku"
    # an inner title that names no body leaves the line's own
    text = "Zápis z jednání kulturní komise – Zápis z jednání 12. 3. 2019\n\nPřítomni: Jan Malý, Eva Horká\n"
    assert recognise(text).group == "Kulturní komise"


# --- the excused of a run-on record ----------------------------------------------------------------


def test_the_excused_after_a_run_on_records_capitalised_label() -> None:
    text = (
        "Z Á P I S z 4. schůze výboru pro obranu, která se konala dne 12. března 2019 od 10.00 hodin "
        "v budově A, Sněmovní 4, Praha 1, v místnosti č. 205 Z jednání omluveni: posl. J. Novák, posl. "
        "E. Malá a posl. P. Kos a na odpoledne posl. T. Horák. Přítomni: dle prezenční listiny. Jednání "
        "řídil předseda výboru posl. Jan Bor."
    )
    imported = recognise(text)
    assert names(imported.excused) == ["J. Novák", "E. Malá", "P. Kos", "T. Horák"]
    # the place ends before the label
    assert imported.place == "v budově A, Sněmovní 4, Praha 1, v místnosti č. 205"
    # `Ze zasedání omluveni:` too; lower case `z jednání omluveni` inside a sentence opens no label
    assert names(recognise(text.replace("Z jednání omluveni", "Ze zasedání omluveni")).excused) == [
        "J. Novák",
        "E. Malá",
        "P. Kos",
        "T. Horák",
    ]
    told = text.replace(
        "Z jednání omluveni: posl.", "Předseda uvedl, že z jednání omluveni jsou ti, kdo napsali."
    )
    assert "J. Novák" not in names(recognise(told).excused)


# --- a name broken after its initial ---------------------------------------------------------------


def test_a_name_broken_after_its_initial_goes_on_on_the_next_line() -> None:
    for gap in ("\n\n", "\n"):
        text = (
            "Zápis ze schůze výboru dne 4. 12. 2008\n\nPřítomni: Ing. V. Malá, J. Horák, R."
            f"{gap}Peterková, Mgr. H. Šupová\n\nOmluveni: B. Altner\n\n1. Úvod\n"
        )
        imported = recognise(text)
        assert names(imported.present) == ["Ing. V. Malá", "J. Horák", "R. Peterková", "Mgr. H. Šupová"], gap
        assert names(imported.excused) == ["B. Altner"]
    # an item after the blank line is no part of the list
    text = "Zápis ze schůze výboru dne 4. 12. 2008\n\nPřítomni: Ing. V. Malá, J. Horák, R.\n\n1. Úvod a zahájení\n"
    assert names(recognise(text).present) == ["Ing. V. Malá", "J. Horák"]


# --- those present told in a sentence --------------------------------------------------------------


def test_those_present_after_byli_pritomni_take_in_a_sentence() -> None:
    text = (
        "Zápis ze schůze výboru SVJ Lipová 12 ze dne 3.2.2021\n\n"
        "Ing. Petr Hora (dále jen „PH“) zahájil v 18:00 hod. schůzi výboru, kdy této schůze byli přítomni "
        "také: Mgr. Jana Veselá (dále jen „JV“), Ing. Tomáš Dub (dále jen „TD“). PH navrhl, aby "
        "předsedajícím byl PH a zapisovatelem a ověřovatelem JV. Návrh byl schválen.\n"
    )
    imported = recognise(text)
    # (`také`: the chairman who opened the meeting was there with them, importmiss6)
    assert names(imported.present) == ["Ing. Petr Hora", "Mgr. Jana Veselá", "Ing. Tomáš Dub"]
    # the recorder named by the initials the minutes defined for her
    assert imported.recorder == "Mgr. Jana Veselá"
    # initials nobody was given name no one
    assert recognise(text.replace("(dále jen „JV“)", "")).recorder is None


# --- tasks -----------------------------------------------------------------------------------------


def test_a_request_to_a_person_named_in_the_accusative() -> None:
    for sentence, owner in [
        ("Předseda požádal Zdeňka Krejčího, aby začal pracovat na přípravě plánu akcí.", "Zdeněk Krejčí"),
        ("Předsedkyně požádala paní Janu Malou, aby připravila pozvánky na ples.", "Jana Malá"),
        ("Starosta vyzval Karla Nováka, aby zjistil cenu opravy.", "Karel Novák"),
    ]:
        assert owners(_HEAD + f"1. Různé\n{sentence}\n") == [owner], sentence
    # a request to vote or to speak at the meeting itself sets none; nor a name that does not decline
    for sentence in [
        "Předseda požádal Zdeňka Krejčího, aby se vyjádřil k rozpočtu.",
        "Předseda požádal Xaver Blumm, aby připravil pozvánky.",
    ]:
        assert owners(_HEAD + f"1. Různé\n{sentence}\n") == [], sentence


def test_a_body_entrusts_a_named_person_with_a_deed() -> None:
    for sentence, owner in [
        ("Výkonný výbor pověřil M. Sobela zjistit další informace.", "M. Sobel"),
        ("Rada pověřila Janu Novou připravit návrh rozpočtu.", "Jana Nová"),
        ("Výbor pověřil pana Petra Kose zajistit opravu střechy.", "Petr Kos"),
    ]:
        assert owners(_HEAD + f"2. Rozpočet\n{sentence}\n") == [owner], sentence
    # leading this meeting is no task, nor a commission in the instrumental without a deed to do
    for sentence in [
        "Výbor pověřil M. Sobela řídit dnešní schůzi.",
        "Výbor pověřil M. Sobela vedením zápisu.",
    ]:
        assert owners(_HEAD + f"2. Rozpočet\n{sentence}\n") == [], sentence


def test_a_deed_in_the_future_passive_with_its_doer_in_the_instrumental() -> None:
    for sentence, owner in [
        ("Termín bude upřesněn K. Šimkem.", "K. Šimek"),
        ("Pozvánky budou rozeslány Janou Novou.", "Jana Nová"),
        ("Plakát bude vyvěšen P. Horákem do 5. 4.", "P. Horák"),
    ]:
        assert owners(_HEAD + f"3. Akce\n{sentence}\n") == [owner], sentence
    # a body in the instrumental (`Radou města`) or the past is no doer of a task
    for sentence in ["Návrh bude projednán Radou města.", "Termín byl upřesněn K. Šimkem."]:
        assert owners(_HEAD + f"3. Akce\n{sentence}\n") == [], sentence


def test_persons_responsible_listed_after_a_colon() -> None:
    text = _HEAD + (
        "3. Kiosek\nUrčily se odpovědné osoby za oddíly, které budou obsluhu kiosku zajišťovat: volejbal – "
        "J. Malá; tenis – P. Kos; fotbal + mládež – E. Horká a T. Dub.\n"
    )
    assert owners(text) == ["J. Malá", "P. Kos", "E. Horká a T. Dub"]
    # an item without a person after its dash spoils the list
    spoiled = text.replace("tenis – P. Kos", "tenis – podle dohody")
    assert owners(spoiled) == []
    # dashes without the words of persons responsible are no such list
    plain = _HEAD + "3. Kiosek\nRozpis služeb: volejbal – J. Malá; tenis – P. Kos.\n"
    assert owners(plain) == []

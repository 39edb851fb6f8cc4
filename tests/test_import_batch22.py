"""General patterns of Czech minutes drawn from the twenty-second real held-out batch (`370`–`379`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise

from .recognised import names

_TITLE = "Zápis ze schůze výboru spolku Lípa konané dne 5. 3. 2021 v klubovně\n\n"


# --- the body's name -----------------------------------------------------------------------------


def test_the_minutes_number_written_out_as_cislo() -> None:
    for title, group in [
        ("Zápis číslo 37/2013 ze schůze Rady města Kuřimi konané dne 27. 11. 2013", "Rada města Kuřimi"),
        ("Z á p i s č í s l o 5/2019 ze zasedání Komise sociální konaného dne 4. 5. 2019", "Komise sociální"),
        ("ZÁPIS číslo 12 z jednání kontrolního výboru ze dne 7. 2. 2011", "Kontrolní výbor"),
    ]:
        text = f"{title}\n\nPřítomni: Jan Malý, Eva Horká\n\nProgram:\n1. Zápis z jednání komise dopravy dne 3. 2.\n"
        assert recognise(text).group == group, title
    # `číslo` in a sentence is no title
    text = "Zápis z jednání komise pro seniory dne 4. 5. 2019\n\nPřítomni: Jan Malý\n\nČíslo účtu z jednání banky bylo sděleno.\n"
    assert recognise(text).group == "Komise pro seniory"


def test_a_later_title_names_the_same_body_by_an_acronym() -> None:
    for head, group in [
        (
            "Zápis z jednání centrálního představenstva 18.6.2020\n\n7. 8. 2020\n\nZápis z jednání představenstva ČLK,\n\n"
            "konaného dne 18. června 2020 od 9:00 hodin v Praze",
            "Představenstvo ČLK",
        ),
        (
            "Zápis ze schůze hlavního výboru 5.3.2020\n\nZápis ze schůze výboru ČSCH,\n\nkonané dne 5. března 2020",
            "Výbor ČSCH",
        ),
    ]:
        assert recognise(f"{head}\n\nPřítomni: Jan Dub, Eva Malá\n").group == group, head
    # another body's noun is no fuller name of the first
    text = (
        "Zápis ze schůze hlavního výboru 5.3.2020\n\nZápis ze schůze komise ČSCH,\n\nkonané dne 5. března 2020\n\n"
        "Přítomni: Jan Dub, Eva Malá\n"
    )
    assert recognise(text).group == "Hlavní výbor"


def test_zavery_z_jednani_heads_a_record_of_a_meeting() -> None:
    for title, group in [
        ("Závěry z jednání schůzky výboru Senior klubu ze dne 19.9.2012.", "Výbor Senior klubu"),
        ("Závěry z jednání Komise pro seniory konaného dne 19.9.2012", "Komise pro seniory"),
        ("ZÁVĚRY ZE ZASEDÁNÍ kulturní komise dne 19. 9. 2012", "Kulturní komise"),
    ]:
        assert recognise(f"{title}\n\nPřítomni: Jan Dub, Eva Malá\n").group == group, title
    # conclusions told of in a sentence, or an item of the agenda, head nothing
    text = "Závěry z jednání jsou přílohou zápisu.\n\nZápis ze schůze výboru Lípa dne 5. 3. 2012\n\nPřítomni: Jan Dub\n"
    assert recognise(text).group == "Výbor Lípa"
    text = (
        "Z á p i s\n\nz Rady seniorů Lípa\n\n17. 5. 2018\n\nPřítomni: Jan Dub\n\nProgram:\n\n  1. Informace\n"
        "  2. Závěry z jednání Republikové rady seniorů OSŽ\n  3. Různé\n"
    )
    assert recognise(text).group == "Rada seniorů Lípa"


# --- attendance ----------------------------------------------------------------------------------


def test_pritel_before_each_member_is_a_courtesy_word() -> None:
    text = (
        _TITLE
        + "Přítomni: př. Novák, př. Dvořák, pí. Malá, př. Kos B.\n\nOmluveni: př. Frajt, Gössl V., př. Kaluja\n"
    )
    minutes = recognise(text)
    assert names(minutes.present) == ["Novák", "Dvořák", "Malá", "Kos B."]
    assert names(minutes.excused) == ["Frajt", "Gössl V.", "Kaluja"]
    text = _TITLE + "Přítomni: př. Jan Novák, přítelkyně Eva Malá\n"
    assert names(recognise(text).present)[0] == "Jan Novák"


def test_a_count_of_those_present_then_a_to_and_the_names() -> None:
    for line, people in [
        ("Přítomno 3 členů a to př. Novák, př. Dvořák, pí. Malá.", ["Novák", "Dvořák", "Malá"]),
        ("Přítomni 2 členové, a to: Jan Malý, Eva Horká", ["Jan Malý", "Eva Horká"]),
        ("Bylo přítomno 2 členů a to Ing. Petr Kos a Jana Nová", ["Ing. Petr Kos", "Jana Nová"]),
    ]:
        assert names(recognise(f"{_TITLE}{line}\n\n1) Zahájení\n").present) == people, line
    # a count alone names no one; `a to` in a sentence about something else opens no list
    assert recognise(f"{_TITLE}Přítomno 9 členů.\n\n1) Zahájení\n").present == []
    text = f"{_TITLE}Přítomni: Jan Malý\n\nPřítomno 9 členů, a to je dost pro usnesení.\n"
    assert names(recognise(text).present) == ["Jan Malý"]


def test_posts_in_lower_case_end_each_person_of_a_run_on_list() -> None:
    text = (
        "Zápis ze schůze Rady obce konané dne 27. 11. 2013\n\nPřítomni: Mgr. Jan Dub starosta Ing. Petr Kos, MBA "
        "1. místostarosta Eva Malá členka rady Pavel Horák člen rady Jana Nová tajemnice OÚ\n\nProgram:\n"
    )
    assert names(recognise(text).present) == [
        "Mgr. Jan Dub",
        "Ing. Petr Kos, MBA",
        "Eva Malá",
        "Pavel Horák",
        "Jana Nová",
    ]
    # a name of three words stays whole; a single post after one name splits nothing
    text = (
        "Zápis ze schůze Rady obce konané dne 27. 11. 2013\n\nPřítomni: Jan Filip Dub, Eva Malá\n\nProgram:\n"
    )
    assert names(recognise(text).present) == ["Jan Filip Dub", "Eva Malá"]


# --- who opened the meeting and who wrote it -------------------------------------------------------


def test_a_post_as_the_subject_of_opening_names_no_one() -> None:
    head = "Zápis ze schůze Rady obce konané dne 27. 11. 2013\n\nPřítomni: Jan Dub, Eva Malá\n\n"
    for line in [
        "Ověřovatel zápisu: Eva Malá Starosta zahájil jednání v 14,02 hodin.",
        "Ověřovatel: Eva Malá Předsedkyně komise zahájila jednání v 17 hodin.",
        "Zapisovatel: Jan Dub Místostarosta obce zahájil zasedání.",
    ]:
        assert recognise(head + line + "\n").moderator is None, line
    # a post and a name before the verb still name the one who opened it
    assert recognise(head + "Starosta Jan Dub zahájil jednání v 17 hodin.\n").moderator == "Jan Dub"


def test_the_recorders_name_ends_where_the_narrative_opens() -> None:
    head = (
        "Zápis z 2. zasedání Zastupitelstva obce Lhota konaného dne 5. 3. 2014 Přítomni: Jan Dub, Eva Malá "
    )
    for tail, recorder in [
        (
            "Zapisovatelka: Mgr. Jana Nová Zasedání Zastupitelstva obce Lhota bylo zahájeno v 17 hodin.",
            "Mgr. Jana Nová",
        ),
        ("Zapsal: Jiří Filip Kos Jednání Rady obce Lhota bylo zahájeno v 17 hodin.", "Jiří Filip Kos"),
        ("Zapisovatelka: Eva Malá Schůze Výboru pro kulturu byla zahájena v 17 hodin.", "Eva Malá"),
    ]:
        assert recognise(head + tail).recorder == recorder, tail
    # a narrative word that opens no part of the minutes leaves the value as it was (no name read)
    assert recognise(head + "Zapsal: Jiří Kos Dne 5. 3. 2014").recorder is None

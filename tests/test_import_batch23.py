"""General patterns of Czech minutes drawn from the twenty-third real held-out batch (`380`–`389`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise

# --- the place and day on the line under the title ---------------------------------------------


def test_town_dne_day_and_hour_on_the_line_under_the_title() -> None:
    for head, day, hour, place in [
        (
            "Zápis z 1. členské schůze\n\nHorní Lhota dne 5. března 2012, 17:00 hodin",
            "2012-03-05",
            "17:00",
            "Horní Lhota",
        ),
        (
            "Zápis z výroční schůze\n\nKlubovna Na Hrázi dne 12. 1. 2019 od 18.30 hod.",
            "2019-01-12",
            "18:30",
            "Klubovna Na Hrázi",
        ),
        (
            "Zápis ze schůze výboru\n\nNové Město nad Metují dne 3. 4. 2015",
            "2015-04-03",
            None,
            "Nové Město nad Metují",
        ),
    ]:
        text = f"{head}\n\n1. Předseda přivítal přítomné členy.\n\n2. Členové schválili program.\n"
        result = recognise(text)
        assert (str(result.date), result.time, result.place) == (day, hour, place), head
        assert result.looks_like_minutes


def test_a_signed_writing_date_or_more_words_under_the_title_is_no_such_header() -> None:
    # `V Praze dne …` is how the writer signs and dates, not where and when the meeting was
    text = "Zápis z 1. členské schůze\n\nV Praze dne 5. března 2012\n\n1. Předseda přivítal přítomné členy.\n"
    assert recognise(text).place is None
    # a sentence that goes on after the day is no header line
    text = (
        "Zápis z 1. členské schůze\n\nHorní Lhota dne 5. března 2012 schválila obec dotaci klubu.\n\n"
        "1. Předseda přivítal přítomné členy.\n"
    )
    assert recognise(text).place is None


# --- the association whose members' meeting it was -------------------------------------------------


def test_the_association_of_a_members_meeting_is_its_body() -> None:
    for sentence, group in [
        ("Předseda zahajuje 2. členskou schůzi občanského sdružení Zelený Dub a vítá hosty.", "Zelený Dub"),
        ("Dne 4. 5. 2021 se konala členská schůze spolku KOPRETINA (dále jen spolek).", "KOPRETINA"),
        ("Výroční členská schůze zapsaného spolku Senioři Lhota 3 byla usnášeníschopná.", "Senioři Lhota 3"),
    ]:
        text = f"Zápis ze schůze\n\n{sentence}\n\nPřítomni: Jan Dub, Eva Malá\n"
        assert recognise(text).group == group, sentence
    # two associations named so: no one body
    text = (
        "Zápis ze schůze\n\nčlenská schůze spolku Lípa a členská schůze spolku Javor se konaly společně.\n\n"
        "Přítomni: Jan Dub\n"
    )
    assert recognise(text).group is None
    # the name must follow the association's kind: `členská schůze schválila …` names none
    text = "Zápis ze schůze\n\nČlenská schůze spolku schválila rozpočet.\n\nPřítomni: Jan Dub\n"
    assert recognise(text).group is None


# --- the recorder beside a name the attendance gives twice ---------------------------------------


def test_the_recorders_line_of_a_person_listed_twice() -> None:
    for line in [
        "Eva Malá – zapisuje průběh jednání",
        "paní Eva Malá - zapisovatelka",
        "Eva Malá — zapisuje",
    ]:
        text = (
            "Přítomni za radu:\n\nJan Dub – předseda\n\nPřítomní zástupci rodičů:\n\n"
            "2.A – paní Eva Malá – zástup za paní Janu Novou\n\n3.A – paní Ida Krátká\n\n"
            f"{line}\n\nHosté:\n\nPetr Vlk – OÚ\n\n1. Rada projednala rozpočet.\n"
        )
        assert recognise(text).recorder == "Eva Malá", line
    # a recorder's line for someone who is not among those present names no one by this rule
    text = (
        "Přítomni za radu:\n\nJan Dub – předseda\n\n2.A – paní Ida Krátká\n\nKarel Novák – zapisuje průběh\n\n"
        "1. Rada projednala rozpočet.\n"
    )
    assert recognise(text).recorder != "Ida Krátká"


# --- a report that gives the day before a verb further on ----------------------------------------


def test_a_day_then_where_then_the_verb_of_taking_place_tells_a_report() -> None:
    for sentence in [
        "Dne 19. září 2017 se v prostorách zasedací místnosti radnice uskutečnilo 1. veřejné setkání.",
        "Dne 3. 5. 2016 se v sále kulturního domu za účasti starosty konala beseda o sociálních službách.",
    ]:
        text = (
            f"Proběhlo veřejné setkání\n\n{sentence} Koordinátorka projektu přivítala přítomné a seznámila je "
            "s projektem.\n\nVšem zúčastněným děkujeme.\n"
        )
        assert not recognise(text).looks_like_minutes, sentence
    # minutes with a title stay minutes however they tell the day
    text = (
        "Zápis z jednání pracovní skupiny Senioři\n\nDne 3. 5. 2016 se v zasedací místnosti konalo jednání.\n\n"
        "Přítomni: Jan Dub, Eva Malá\n"
    )
    assert recognise(text).looks_like_minutes


# --- a notice of the meeting to come ----------------------------------------------------------------


def test_a_notice_of_the_next_meetings_day_above_the_minutes() -> None:
    for notice, day in [
        ("Schůze 3.11 2018 bude mimořádně na tenisovém kurtu.", "2018-11-03"),
        ("Jednání dne 15. 11. 2018 se uskuteční v hasičárně.", "2018-11-15"),
        ("Zasedání 1. 12. 2018 proběhne online.", "2018-12-01"),
    ]:
        text = (
            f"zápis ze schůze 6.10 2018\n\n{notice}\n\nZápis ze schůze osadního výboru osady Lhota ze dne 6.10.2018\n\n"
            "Přítomni : Jan Dub, Eva Malá\n\n1/ Schůzi zahájil předseda Jan Dub.\n"
        )
        result = recognise(text)
        assert result.next_meeting is not None and result.next_meeting["date"] == day, notice
    # a day before the meeting's own, or a meeting told in the past, is no next meeting
    for notice in ["Schůze 3.9 2018 bude zrušena.", "Schůze 3.11 2018 byla mimořádně na kurtu."]:
        text = (
            f"zápis ze schůze 6.10 2018\n\n{notice}\n\nZápis ze schůze osadního výboru osady Lhota ze dne 6.10.2018\n\n"
            "Přítomni : Jan Dub, Eva Malá\n"
        )
        assert recognise(text).next_meeting is None, notice


def test_a_second_title_under_a_page_heading_names_no_place() -> None:
    # `zápis ze schůze 3` (the page's heading) / `Zápis ze schůze … ze dne 3.12.2022`: the words before
    # `dne` name the meeting
    for title in [
        "Zápis ze schůze osadního výboru osady Lhota ze dne 3.12.2022",
        "Zápis ze setkání Pastorační rady farnosti dne 3. 12. 2022",
    ]:
        text = f"zápis ze schůze 3\n\n{title}\n\nPřítomni : Jan Dub, Eva Malá\n\n1/ Schůzi zahájil předseda Jan Dub.\n"
        result = recognise(text)
        assert str(result.date) == "2022-12-03" and result.place is None, title

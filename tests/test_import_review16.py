"""Review of the five rules of batch 380–389 (issue #19, precision first): variants of Czech minutes,
written here, on which a rule misfired; each must give nothing rather than a wrong value."""

from __future__ import annotations

from kpss_cli.importing import recognise

_ITEMS = "\n\n1. Předseda přivítal přítomné.\n\n2. Členové schválili program.\n"


def test_a_line_under_the_title_that_is_no_town_names_no_place() -> None:
    # a label or a verb before `dne` (how a writer, a board or a notice board dates the minutes) or a
    # person's name: none of them is where the meeting was
    for line in [
        "Vypracoval dne 5. 3. 2012",
        "Schváleno dne 5. 3. 2012",
        "Vyvěšeno dne 5. 3. 2012",
        "Zapsala Eva Malá dne 5. 3. 2012",
        "Ing. Eva Malá dne 5. 3. 2012",
        "Usnesení přijaté dne 5. 3. 2012",
        "Pondělí dne 5. 3. 2012",
        "Datum dne 5. 3. 2012",
    ]:
        result = recognise(f"Zápis ze schůze výboru\n\n{line}{_ITEMS}")
        assert result.place is None, line
    # a town (with `u`, `nad`, `Na` between its words) still is one
    for line, place in [
        ("Bezděkov u Police nad Metují dne 5. 3. 2012", "Bezděkov u Police nad Metují"),
        ("Klubovna Na Hrázi dne 5. 3. 2012", "Klubovna Na Hrázi"),
        ("Brno dne 5. 3. 2012, 17:00 hodin", "Brno"),
    ]:
        assert recognise(f"Zápis ze schůze výboru\n\n{line}{_ITEMS}").place == place, line


_PRESENT = "\n\nPřítomni: Jan Dub, Eva Malá\n\n1. Předseda přivítal přítomné.\n"


def test_the_words_after_a_members_meetings_kind_that_are_no_name() -> None:
    # `Dne`, a preposition, `Se` or a date after the kind begin the sentence's next part, not a name
    for sentence in [
        "Členská schůze spolku Dne 4. 5. 2021 proběhla.",
        "Členská schůze klubu V Lhotě se konala.",
        "Členská schůze občanského sdružení Se konala 4. 5. 2021.",
        "Členská schůze klubu Zápis z jednání",
    ]:
        assert recognise(f"Zápis\n\n{sentence}{_PRESENT}").group is None, sentence
    # a name stops before `Dne` and a date: `Lípa`, not `Lípa Dne 4`
    text = f"Zápis\n\nPředseda svolal členskou schůzi spolku Lípa Dne 4. 5. 2021.{_PRESENT}"
    assert recognise(text).group == "Lípa"
    text = f"Zápis\n\nPředseda zahájil členskou schůzi spolku Lípa 2 4. 5. 2021.{_PRESENT}"
    assert recognise(text).group == "Lípa 2"


_ROLL = "Přítomni:\n\nJan Dub – předseda\n\nEva Malá – členka\n\n"


def test_a_dash_line_that_says_more_than_the_recorders_role_names_no_recorder() -> None:
    for line in [
        "Eva Malá - zapisuje objednávky do knihy",
        "Eva Malá – zapisovatelka, 2 hlasy pro",
        "Eva Malá – zapisovatelka od příští schůze",
        "Eva Malá – zapisovatelka (omluvena)",
    ]:
        text = f"Zápis ze schůze výboru\n\n{_ROLL}1. Výbor projednal rozpočet.\n\n{line}\n"
        assert recognise(text).recorder is None, line
    # the role alone, or `zapisuje průběh …`, still names her
    for line in ["Eva Malá – zapisovatelka", "Eva Malá – zapisuje průběh jednání", "Eva Malá – zapisuje."]:
        text = f"Zápis ze schůze výboru\n\n{_ROLL}{line}\n\n1. Výbor projednal rozpočet.\n"
        assert recognise(text).recorder == "Eva Malá", line


def test_minutes_with_a_numbered_agenda_that_open_with_a_reports_sentence_stay_minutes() -> None:
    text = (
        "Dne 3. 5. 2016 se v zasedací místnosti OÚ sešli členové komise.\n\nProgram:\n1. Úvod\n2. Rozpočet\n\n"
        "K bodu 1: Předseda přivítal přítomné.\n\nUsnesení: Komise doporučuje rozpočet schválit.\n\nHlasování: pro 5\n"
    )
    assert recognise(text).looks_like_minutes


_HEAD = "Zápis ze schůze výboru ze dne 6. 10. 2018\n\nPřítomni: Jan Dub, Eva Malá\n\n"


def test_a_notice_that_cancels_moves_or_conditions_a_meeting_or_names_another_gives_no_next_meeting() -> None:
    for notice in [
        "Schůze 3. 11. 2018 bude zrušena.",
        "Jednání 3. 11. 2018 bude zrušeno.",
        "Schůze 3. 11. 2018 bude přesunuta na 10. 11. 2018.",
        "Schůze 3. 11. 2018 se uskuteční pouze v případě potřeby.",
        "Schůze 3. 11. 2018 bude-li třeba, proběhne.",
        "Setkání 3. 11. 2018 bude pro seniory z celého kraje.",
    ]:
        result = recognise(f"{_HEAD}{notice}\n\n1. Výbor projednal rozpočet.\n")
        assert result.next_meeting is None, notice
    # the same kind of meeting as the minutes', told plainly, still is the next one
    result = recognise(
        f"{_HEAD}Schůze 3. 11. 2018 bude na tenisovém kurtu.\n\n1. Výbor projednal rozpočet.\n"
    )
    assert result.next_meeting is not None and result.next_meeting["date"] == "2018-11-03"


def test_a_members_meeting_mentioned_as_another_meeting_names_no_body() -> None:
    # the board prepares the members' meeting: the minutes are the board's, not the association's
    text = f"Zápis z jednání{_PRESENT}2. Výbor projednal přípravu členské schůze spolku Lípa, která bude v březnu.\n"
    assert recognise(text).group is None
    # a title `Zápis z … členské schůze spolku …` names it
    assert recognise(f"Zápis z výroční členské schůze spolku Lípa{_PRESENT}").group == "Lípa"

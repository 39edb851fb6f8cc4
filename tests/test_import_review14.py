"""An adversarial review of the rules the twenty-second held-out batch brought (issue #19): variants of
Czech minutes, written here, on which those rules read a wrong body, lost a chair or cut a recorder's
name, each narrowed by its general cause."""

from __future__ import annotations

from kpss_cli.importing import recognise

from .recognised import names

_PRESENT = "Přítomni: Jan Dub, Eva Malá, Petr Kos\n"


# --- a later title naming the body by an acronym -----------------------------------------------------


def test_a_body_of_another_kind_is_not_renamed_by_a_later_acronym() -> None:
    # `kontrolní`, `revizní`, `finanční` tell a body apart from the organisation's board the acronym names
    for head, group in [
        ("Zápis z jednání kontrolního výboru 5.3.2020\n\nZápis z jednání výboru ZO,", "Kontrolní výbor"),
        ("Zápis z jednání revizní komise 5.3.2020\n\nZápis z jednání komise OSŽ,", "Revizní komise"),
        ("Zápis ze zasedání finančního výboru 5.3.2020\n\nZápis ze zasedání výboru SPOZ,", "Finanční výbor"),
    ]:
        assert recognise(f"{head}\n\nkonaného dne 5. března 2020\n\n{_PRESENT}").group == group, head
    # the rule's own case still holds for a top body
    text = f"Zápis z jednání ústředního výboru 5.3.2020\n\nZápis z jednání výboru SPCCH,\n\nkonaného dne 5. 3. 2020\n\n{_PRESENT}"
    assert recognise(text).group == "Výbor SPCCH"


def test_an_acronym_in_an_agenda_item_renames_no_body() -> None:
    text = f"Zápis z jednání hlavního výboru 5.3.2020\n\n{_PRESENT}\nProgram:\n1. Zahájení\n2. Zápis z jednání výboru ZO\n"
    assert recognise(text).group == "Hlavní výbor"


# --- `Závěry z jednání …` as a title -------------------------------------------------------------------


def test_conclusions_heading_a_part_of_the_minutes_name_no_body() -> None:
    for text in [
        f"Komise pro sociální věci\n\n5. 3. 2020\n\n{_PRESENT}\nZávěry z jednání pracovní skupiny Senioři\n- chodník\n",
        f"Komise pro sociální věci\n\nZávěry z jednání pracovní skupiny Senioři:\n\n- chodník\n\n{_PRESENT}",
    ]:
        assert recognise(text).group == "Komise pro sociální věci", text
    # the conclusions opening the record still head it
    text = f"Závěry z jednání výboru Klubu důchodců ze dne 5. 3. 2020\n\n{_PRESENT}"
    assert recognise(text).group == "Výbor Klubu důchodců"


# --- lower-case posts ending each person of a run-on list -------------------------------------------------


def test_whose_post_it_is_belongs_to_the_post_not_to_the_next_name() -> None:
    head = "Zápis ze schůze Rady obce Lhota konané dne 27. 11. 2013\n\n"
    for line, people in [
        (
            "Hosté: Petr Kos předseda Sokola Jan Dub předseda Orla Eva Malá",
            ["Petr Kos", "Jan Dub", "Eva Malá"],
        ),
        (
            "Přítomni: Jan Dub starosta Eva Malá místostarostka Petr Kos předseda Finančního Výboru Karel Vrba",
            ["Jan Dub", "Eva Malá", "Petr Kos", "Karel Vrba"],
        ),
    ]:
        minutes = recognise(f"{head}{line}\n\nProgram:\n")
        assert names(minutes.present + minutes.guests) == people, line
    # a label run on after a post is no part of it: who follows it is not present
    text = f"{head}Přítomni: Jan Dub starosta Eva Malá místostarostka Hosté Petr Kos\n\nProgram:\n"
    assert names(recognise(text).present) == ["Jan Dub", "Eva Malá"]


# --- a capitalised post right before `zahájil` ---------------------------------------------------------


def test_a_name_with_its_post_in_apposition_opened_the_meeting() -> None:
    head = f"Zápis ze schůze Komise sociální konané dne 27. 11. 2013\n\n{_PRESENT}\n"
    for line in [
        "Jan Dub - Předseda komise zahájil jednání v 17 hodin.",
        "Pan Jan Dub Starosta obce zahájil zasedání v 18 hodin.",
    ]:
        assert recognise(head + line + "\n").moderator == "Jan Dub", line
    # a post opening its sentence, or after a label's value, still names no one
    for line in [
        "Přítomné přivítala Eva Malá. Místostarosta zahájil jednání.",
        "Ověřovatel: Eva Malá Předseda komise zahájil jednání.",
    ]:
        assert recognise(head + line + "\n").moderator is None, line


# --- a recorder's name cut where the narrative opens ----------------------------------------------------


def test_a_surname_that_begins_like_a_post_is_no_narrative() -> None:
    head = f"Zápis ze schůze Rady obce Lhota konané dne 5. 3. 2014\n\n{_PRESENT}\n"
    for line, recorder in [
        ("Zapsala: Marie Nová Starostová", "Marie Nová Starostová"),
        ("Zapisovatelka: Jana Kos Hostová", "Jana Kos Hostová"),
        ("Zapsala: Eva Malá Předsedová", "Eva Malá Předsedová"),
    ]:
        assert recognise(head + line + "\n").recorder == recorder, line
    # the post or the meeting's noun, whole, still ends the name
    assert recognise(head + "Zapsala: Eva Malá Starosta zahájil jednání.\n").recorder == "Eva Malá"

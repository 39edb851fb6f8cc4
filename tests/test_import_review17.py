"""A review of the rules of the twenty-second batch's misses (importmiss7, issue #19): their misfires on
variants of Czech minutes written here, each narrowed; and the officers of a club read as roles."""

from __future__ import annotations

from kpss_cli.importing import recognise
from tests.recognised import names

_TITLE = "Zápis z jednání sportovní komise ze dne 3. 3. 2021\n\n"


def owners(text: str) -> list[tuple[str | None, str | None]]:
    return [(t["owner"], t["task"]) for t in recognise(text).tasks]


# --- `Kos J., Bor P. atd.`: an abbreviation of running text after an initial is no part of a name ----------


def test_an_abbreviation_of_running_text_after_a_surname_and_an_initial_is_no_part_of_the_name() -> None:
    for line in [
        "Přítomni: Malá E., Kos J., Bor P. atd.",
        "Přítomni: Malá E., Kos J., Bor P. apod.",
        "Přítomni: Malá E., Kos J., Bor P. aj.",
    ]:
        found = recognise(_TITLE + line + "\n\n1. Zahájení\n")
        assert not any(
            " " in name and name.split()[-1].rstrip(".") in ("atd", "apod", "aj")
            for name in names(found.present)
        ), line
        assert names(found.present)[:2] == ["Malá E.", "Kos J."], line
    # (the abbreviation that tells two members apart stays)
    found = recognise(_TITLE + "Přítomni: Malá E., Kos J. mch., Kos J.\n\n1. Zahájení\n")
    assert names(found.present) == ["Malá E.", "Kos J. mch.", "Kos J."]


# --- `MUDr. Kos` signing the minutes under a list of titled surnames at their end ---------------------------


def test_a_titled_surname_signing_the_minutes_under_their_last_list_joins_no_list() -> None:
    for end in ["MUDr. Kos\n", "MUDr. Kos\npředseda komise\n"]:
        text = (
            _TITLE
            + "Přítomni: Jan Malý, Eva Nová\n\n1. Zahájení\nKomise projednala žádosti.\n"
            + "Omluveni: MUDr. Říha, Ing. Horák.\n"
            + end
        )
        assert names(recognise(text).excused) == ["MUDr. Říha", "Ing. Horák"], end


# --- `předsedkyně Klubu …` where someone else opened the meeting ---------------------------------------------


def test_a_chair_of_a_named_body_in_another_clause_than_the_opening_is_no_moderator() -> None:
    for sentence in [
        "Schůzi zahájil pan Malý a přivítal vedoucí Domova Sluneční Jana Kosová.",
        "Schůzi zahájil p. Malý, hostem byla ředitelka Centra Slunce Jana Kosová.",
    ]:
        found = recognise(
            "Zápis z jednání ze dne 3. 3. 2021\n\nPřítomni: Jan Malý, Eva Nová\n\n1. " + sentence + "\n"
        )
        assert found.moderator != "Jana Kosová", sentence
        assert found.group not in ("Domov Sluneční", "Centrum Slunce"), sentence
    # (the verb of opening in the chair's own clause, a time between: still the chair)
    found = recognise(
        "Zápis z členské schůze ze dne 23. 9. 2019\n\nPřítomní: dle prezenční listiny\n\n"
        "1. Schůzi zahájila v 17 hodin předsedkyně Klubu Diana Míla Gruberová.\n"
    )
    assert (found.group, found.moderator) == ("Klub Diana", "Míla Gruberová")


# --- `Hosté: zástupce MPSV` / `MPSV připraví novelu …`: a guest's office reporting its news ---------------------


def test_an_acronym_named_in_the_head_only_among_the_guests_owns_no_task() -> None:
    text = (
        _TITLE
        + "Přítomni: Jan Malý, Eva Nová, Petr Bor\nHosté: zástupce MPSV\n\n1. Informace\n"
        + "MPSV připraví novelu zákona o sociálních službách do 30. 6. 2021.\n"
    )
    assert owners(text) == []
    # (a body of those who met, named in the attendance, still owns its promise)
    text = (
        "Zápis z jednání pracovní skupiny Rodina\n\nPřítomni: Jan Malý (ZŠ Kolín), Eva Nová, Petr Bor\n\n"
        "1. Tábor\nZŠ připraví letní tábor do 30. 6. 2021.\n"
    )
    assert owners(text) == [("ZŠ", "připraví letní tábor")]


# --- `Předsedající p. Malý` under a line of who secures what: a post, no part of the event ---------------------


def test_a_post_and_its_holder_under_a_line_of_securing_is_no_task() -> None:
    text = (
        _TITLE
        + "Přítomni: Jan Malý, Eva Nová\n\n1. Akce\nObčerstvení zajistí p. Malý.\n"
        + "Předsedající p. Malý\nPokladník pí. Nová\nTombola pí. Zárubová\n"
    )
    assert owners(text) == [("p. Malý", "Občerstvení zajistí"), ("Zárubová", "Tombola")]


# --- `pokladní Eva Malá`, `revizor`, `kronikářka`: officers of a club are roles ------------------------------


def test_officers_of_a_club_before_their_names_are_roles() -> None:
    for line, expected in [
        (
            "Přítomno 12 členů a to předseda Jan Malý, jednatel Petr Bor, pokladní Eva Malá, revizor Karel Dub.",
            [
                ("Jan Malý", "předseda"),
                ("Petr Bor", "jednatel"),
                ("Eva Malá", "pokladní"),
                ("Karel Dub", "revizor"),
            ],
        ),
        (
            "Přítomni: předseda Jan Malý, kronikářka Eva Malá, hospodář Karel Dub",
            [("Jan Malý", "předseda"), ("Eva Malá", "kronikářka"), ("Karel Dub", "hospodář")],
        ),
    ]:
        found = recognise(_TITLE + line + "\n\n1. Zahájení\n")
        assert [(p["name"], p["role"]) for p in found.present] == expected, line


# --- a club's minutes titled `Zápis …`, a byline under the title, told as `we` ---------------------------------


def test_minutes_titled_as_minutes_with_a_byline_and_told_as_we_stay_minutes() -> None:
    text = (
        "Zápis z výroční členské schůze\n12.03.2019, Jana Nová (Klub seniorů)\n\n"
        "Dne 10. 3. 2019 jsme se sešli v klubovně. Předsedkyně nás seznámila s hospodařením, schválili jsme "
        "rozpočet a naše členky připravily pohoštění.\n"
    )
    assert recognise(text).looks_like_minutes
    # (a headline that is no title of minutes above the same: a report, refused)
    assert not recognise(
        text.replace("Zápis z výroční členské schůze", "Výroční schůze klubu")
    ).looks_like_minutes


def test_an_acronym_and_the_place_it_names_own_the_promise_together() -> None:
    text = (
        "Zápis z jednání pracovní skupiny Rodina\n\nPřítomni: Jan Malý (MÚ Kolín), Eva Nová, Petr Bor\n\n"
        "1. Výzva\nMÚ Kolín zveřejní výzvu do 30. 6. 2021.\n"
    )
    assert owners(text) == [("MÚ Kolín", "zveřejní výzvu")]

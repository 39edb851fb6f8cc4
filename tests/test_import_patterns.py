"""General patterns of Czech minutes (issue #19), each with variants written here, not taken
from the corpus: the importer is judged on minutes it has never seen."""

from __future__ import annotations

from kpss_cli.importing import recognise


def names(people: list) -> list[str]:
    return [p["name"] for p in people]


# --- attendance: one person per paragraph --------------------------------------------------------


def test_one_person_per_paragraph_after_a_label_on_its_own_line() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Rodina\nDne 2. 3. 2021\n\nPřítomni:\n\n"
        "Ing. Karel Dvořák – vedoucí odboru\n\nBc.Eva Malá - koordinátorka\n\n"
        "Jitka Horáková – Charita\n\nHosté:\n\nMgr. Pavel Sýkora – Člověk v tísni\n\n"
        "Program jednání:\n\nZahájení\n"
    )
    assert names(imported.present) == ["Ing. Karel Dvořák", "Bc. Eva Malá", "Jitka Horáková"]
    assert names(imported.guests) == ["Mgr. Pavel Sýkora"]


def test_one_person_per_paragraph_after_an_inline_first_one_in_a_spaced_column() -> None:
    imported = recognise(
        "Zápis ze dne 5. 6. 2019\n\nPřítomni:     Mgr. Lenka Horká (MěÚ Bruntál)\n\n"
        "                 Tomáš Vlk  (Diakonie)   \n\n                 Ing. Ivana Černá, DiS. (SPS)\n\n"
        "Omluveni: Petr Zelený\n\n1. Úvodní slovo\n\nProbrali jsme plán."
    )
    assert names(imported.present) == ["Mgr. Lenka Horká", "Tomáš Vlk", "Ing. Ivana Černá, DiS."]
    assert names(imported.excused) == ["Petr Zelený"]


def test_a_sentence_or_heading_after_a_blank_line_ends_the_list() -> None:
    imported = recognise(
        "Zápis ze dne 5. 6. 2019\n\nPřítomni: Mgr. Lenka Horká\n\nSchválení programu\n\n"
        "Noví členové skupiny\n\nPetr Zelený přednesl zprávu.\n"
    )
    assert names(imported.present) == ["Mgr. Lenka Horká"]


# --- the moderator in the narrative --------------------------------------------------------------

HEAD = "Zápis z jednání pracovní skupiny Senioři\nDne 12. 4. 2022\nPřítomni: Jana Nová, Petr Malý\n\n"


def test_moderator_named_after_jednani_zahajil_with_a_role_between() -> None:
    imported = recognise(HEAD + "Jednání zahájila koordinátorka plánování Mgr. Iva Černá a přivítala hosty.")
    assert imported.moderator == "Mgr. Iva Černá"
    assert "moderator" in imported.guesses


def test_moderator_named_before_zahajil_jednani() -> None:
    imported = recognise(
        HEAD + "Předsedkyně skupiny Ing. Alena Pokorná, Ph.D. přivítala členy a v 9:30 zahájila jednání."
    )
    assert imported.moderator == "Ing. Alena Pokorná, Ph.D."


def test_moderator_from_slova_se_ujal_when_he_also_opens_the_meeting() -> None:
    imported = recognise(HEAD + "1) Slova se ujal Tomáš Rychlý, přivítal přítomné a jednání zahájil.")
    assert imported.moderator == "Tomáš Rychlý"
    speaker = recognise(HEAD + "3) Slova se ujal Tomáš Rychlý a představil projekt.")
    assert speaker.moderator is None  # a speaker on one item did not lead the meeting


def test_no_moderator_from_a_declined_or_partial_name() -> None:
    for sentence in (
        "Jednání zahájila paní Novou a předala slovo.",  # a declined form
        "Jednání zahájil pan Malý.",  # a surname alone
        "Jednání zahájil starosta s Mgr. Janou Malou.",  # instrumental
        "Po úvodu Jany Nové přivítal hosty a zahájil jednání vedoucí.",
    ):
        assert recognise(HEAD + sentence).moderator is None, sentence

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


# --- the group of a web page ---------------------------------------------------------------------

BODY = "\nDne: 3. 5. 2016\n\nPřítomni: Jana Nová, Petr Malý\n"


def test_group_from_a_cms_category_or_breadcrumb_in_the_genitive() -> None:
    printed = "Vytisknout\n\nZápis ze dne 3.5.2016\n\n • Zveřejněno v: Zápisy koordinační skupiny\n" + BODY
    assert recognise(printed).group == "Koordinační skupina"
    crumbs = "Jste zde: Úvod»Zápisy pracovní skupiny Senioři»Zápis ze dne 3.5.2016\n" + BODY
    assert recognise(crumbs).group == "Senioři"


def test_group_from_an_abbreviated_title_before_the_date() -> None:
    assert recognise("Zápis PS Zdravotně postižení 3. 5. 2016\n" + BODY).group == "Zdravotně postižení"
    assert recognise("ZÁPIS ŘS KPSS Opava 3.5.2016\n" + BODY).group == "ŘS KPSS Opava"


def test_the_full_group_name_of_a_second_title_wins_over_a_short_page_title() -> None:
    text = (
        "Zápis z 5. jednání PS pro bydlení\n\n"
        "Zápis z 5. jednání Pracovní skupiny pro sociální bydlení a dluhy\n" + BODY
    )
    assert recognise(text).group == "Pracovní skupina pro sociální bydlení a dluhy"
    other = "Zápis z jednání PS Senioři\n\nZápis z jednání pracovní skupiny Rodina\n" + BODY
    assert recognise(other).group == "Senioři"  # a different group: the first title stays


def test_a_lone_number_with_a_control_space_is_no_crash() -> None:
    assert recognise("\x1f0").date is None  # found by hypothesis: int("\x1f0") raised

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

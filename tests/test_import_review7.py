"""Misfires of the nineteenth batch's rules (`import24`, issue #19) a review found, each narrowed by its
general cause: the probe's pattern and variants written here."""

from __future__ import annotations

from pathlib import Path

from kpss_cli.importing import recognise

from .conftest import Invoke, write
from .recognised import names

_HEAD = "Zápis z jednání Pracovní skupiny Senioři\nkonaného dne 9. 4. 2024 v klubovně Domova Pohoda\n\n"
_PRESENT = "Přítomni: Jana Nová, Petr Malý, Eva Dvořáková, Karel Horák\n\n"


# --- A. a numbered item that opens with a name and a deed -----------------------------------------


def test_a_reviewed_task_with_its_state_is_no_new_task() -> None:
    for items in [
        # a control of earlier tasks as an agenda item's heading, states after a dash
        "Ad 1) Kontrola úkolů z minulého jednání\n"
        "1. Petr Malý zašle členům aktualizovaný katalog služeb – splněno.\n"
        "2. Eva Dvořáková osloví Klub seniorů ohledně spolupráce – trvá.\n",
        # the heading as a label, the states in other words
        "Kontrola plnění úkolů:\n1. P. Malý zajistí objednávku kontejneru.\n2. E. Dvořáková připraví leták.\n",
        # a state alone, under no heading of a control
        "1. Zahájení\n2. Petr Malý zašle členům katalog služeb (v řešení)\n",
        "1. Zahájení\n2. Eva Dvořáková osloví Klub seniorů. Splněno.\n",
    ]:
        assert recognise(_HEAD + _PRESENT + items).tasks == [], items


def test_an_agenda_items_opening_with_a_name_and_a_deed_are_no_tasks() -> None:
    for label in ["Program:", "Program jednání:", "Návrh programu:", "Pořad jednání"]:
        text = (
            f"{_HEAD}{_PRESENT}{label}\n1. Zahájení\n2. Eva Dvořáková předloží zprávu o činnosti Klubu seniorů\n"
            "3. Karel Horák představí nabídku Senior Pointu\n4. Různé\n\n"
            "1. Jednání zahájila koordinátorka Jana Nová.\n2. Eva Dvořáková seznámila členy se zprávou.\n"
        )
        assert recognise(text).tasks == [], label
    # the agenda's items with a blank line between them are still its list
    text = f"{_HEAD}{_PRESENT}Program:\n\n1. Zahájení\n\n2. P. Kos zpracuje podklady pro katalog\n"
    assert recognise(text).tasks == []
    # an agenda item marked `– informace`, under no label, is no task either
    text = f"{_HEAD}{_PRESENT}1. Zahájení\n2. Paní Dvořáková zpracuje podklady pro katalog – informace\n"
    assert recognise(text).tasks == []


def test_the_minutes_own_items_after_the_agenda_still_set_tasks() -> None:
    text = (
        f"{_HEAD}{_PRESENT}Program:\n1. Zahájení\n2. Různé\n\n"
        "1. Jednání zahájila koordinátorka Jana Nová.\n2. Eva Dvořáková zajistí objednávku kontejneru.\n"
    )
    assert [t["owner"] for t in recognise(text).tasks] == ["Eva Dvořáková"]


def test_a_courtesy_word_opening_the_item_is_no_first_name_and_no_part_of_the_owner() -> None:
    for item, owner in [
        ("3. Paní Dvořáková zpracuje podklady pro katalog.", "Dvořáková"),
        ("3) Pan Horák připraví prezentaci na Den sociálních služeb.", "Horák"),
        ("3. p. Kos zajistí objednávku kontejneru.", "Kos"),
        ("3. pí J. Malá zašle členům návrh rozpočtu.", "J. Malá"),
    ]:
        tasks = recognise(f"{_HEAD}{_PRESENT}1. Zahájení\n2. Různé\n{item}\n").tasks
        assert [t["owner"] for t in tasks] == [owner], item
        assert not tasks[0]["task"].lower().startswith(("pan", "paní", "p.", "pí")), item
    # a surname alone, with no courtesy word nor first name, is too little
    assert recognise(f"{_HEAD}{_PRESENT}1. Zahájení\n2. Kos zajistí objednávku.\n").tasks == []


# --- B. a post that attaches its minutes ---------------------------------------------------------

_NARRATIVE = (
    "Zápis z jednání Komise pro sociální věci\n"
    "Dne 10. 4. 2024 se v zasedací místnosti MěÚ sešla komise pro sociální věci. {business}\n\n"
    "{attached}\n"
)


def test_narrative_minutes_that_attach_a_file_are_minutes() -> None:
    for business in [
        "Komise projednala žádosti o byty a doporučila radě města přidělit byt č. 5.",
        "Usnesení č. 12/2024: Komise schvaluje plán práce na rok 2025.",
        "Výbor vzal na vědomí zprávu o hospodaření.",
        "Příští jednání komise se uskuteční 15. 5. 2024.",
    ]:
        for attached in [
            "Soubor: Prezenční listina 10. 4. 2024.pdf",
            "Přiložené soubory:\nPrezenční listina.pdf",
            "Přiložené soubory\nprezencni_listina.pdf (120 KB)",
        ]:
            imported = recognise(_NARRATIVE.format(business=business, attached=attached))
            assert imported.looks_like_minutes, (business, attached)
            assert not imported.attaches_minutes, (business, attached)


def test_the_previous_meetings_minutes_attached_make_no_post() -> None:
    text = (
        "Zápis z jednání Řídicí skupiny KPSS\nDatum: 10. 4. 2024\nMísto: MěÚ Příkladov\n\n"
        "Skupina se seznámila s návrhem akčního plánu.\n\n{line}\n"
    )
    for line in ["Zápis z minulého jednání v příloze.", "Zápis z předchozího jednání najdete zde."]:
        assert recognise(text.format(line=line)).looks_like_minutes, line
    assert not recognise(text.format(line="Zápis najdete v příloze.")).looks_like_minutes


def test_a_post_with_nothing_of_minutes_of_its_own_is_refused_as_one_that_attaches_them() -> None:
    post = (
        "Zápis z výborové schůze 28. 12. 2023\n\nDne 28. 12. 2023 se konala online schůze výboru. "
        "Nově zvolenou předsedkyní je Hana Malá. Více v zápise.\n\nZápis zde.\n\nPřiložené soubory\n"
        "File: Zápis-schůze-výboru.pdf (729 KB)\n"
    )
    imported = recognise(post)
    assert not imported.looks_like_minutes
    assert imported.attaches_minutes
    assert "attaches its minutes as a file" in imported.warnings[0]


def test_kpss_import_says_why_a_post_that_attaches_its_minutes_is_refused(
    invoke: Invoke, tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    invoke("init", str(archive), "--example")
    post = write(
        tmp_path / "post.txt",
        "Zápis z výborové schůze 28. 12. 2023\n\nDne 28. 12. 2023 se konala schůze výboru.\n\nZápis zde.\n",
    )
    result = invoke("import", str(post), "--dry-run", "-a", str(archive))
    assert result.exit_code == 2
    assert "attaches its minutes as a file" in result.stderr
    assert "no 'Zápis' title" not in result.stderr


# --- C. the post before a courtesy word and a surname -----------------------------------------------


def test_a_post_then_a_courtesy_word_does_not_reach_over_a_clause() -> None:
    for sentence in [
        "Schůzi řídil předseda výboru a zapisovala p. Malá.",
        "Schůzi vedl předseda a zápis pořídila pí Nová.",
        "Jednání řídila předsedkyně komise, zapisovala paní Malá.",
        "Schůzi zahájil starosta obce, který předal slovo p. Malé.",
    ]:
        assert recognise(_HEAD + sentence + "\n\n" + _PRESENT).moderator is None, sentence
    # the next sentence names the chair in full
    text = (
        _HEAD
        + "Schůzi řídil předseda výboru a zapisovala p. Malá.\nPředseda výboru Petr Horák přivítal přítomné a seznámil je s programem."
    )
    assert recognise(text + "\n\n" + _PRESENT).moderator == "Petr Horák"
    # the post's own words before the courtesy word still lead to the chair
    text = _HEAD + "Schůzi zahájil předseda kontrolního výboru pan Kratochvíl a přivítal členy.\n"
    assert recognise(text + "\n" + _PRESENT).moderator == "Kratochvíl"


# --- D. the hour opening the sentence of the opening ---------------------------------------------


def test_the_hour_opening_a_sentence_is_the_meetings_only_when_nothing_else_comes_between() -> None:
    for sentence in [
        # a second hour: the first is of the welcome, the second of the opening
        "V 17:00 hod. přivítal starosta přítomné a po příchodu dalších členů v 17:20 jednání zahájil.",
        "V 17:00 hod. přivítal starosta přítomné a jednání zahájil v 17:20.",
        # another event at that hour, the meeting opened after it
        "V 17:00 hod. proběhla prohlídka hasičské zbrojnice, po jejím skončení starosta jednání zahájil.",
        "V 16:00 hod. začala prohlídka a poté starosta jednání zahájil.",
    ]:
        assert recognise(_HEAD + _PRESENT + sentence + "\n").time != "17:00", sentence
        assert recognise(_HEAD + _PRESENT + sentence + "\n").time in (None, "17:20"), sentence
    # an event in the paragraph of a later agenda item
    for heading in ["2. Den sociálních služeb – zhodnocení", "Ad 2) Den sociálních služeb"]:
        text = (
            f"{_HEAD}{_PRESENT}1. Zahájení\nJednání zahájila Jana Nová.\n\n{heading}\n"
            "V 9:00 hod. setkání poskytovatelů a veřejnosti zahájil starosta města.\n"
        )
        assert recognise(text).time is None, heading
    # the meeting's own opening at the head of the minutes, or under item 1, still gives its hour
    assert (
        recognise(_HEAD + _PRESENT + "V 17:00 hod. přivítal starosta přítomné a jednání zahájil.\n").time
        == "17:00"
    )
    text = f"{_HEAD}{_PRESENT}1. Zahájení\nVe 14:00 hod. přítomné přivítal a jednání zahájil Petr Malý.\n"
    assert recognise(text).time == "14:00"


# --- E. the hour after a bare post ----------------------------------------------------------------


def test_the_hour_after_a_post_is_the_meetings_only_when_the_meeting_was_opened() -> None:
    for sentence in [
        "Ad 2) Prohlídku zahájil ředitel domova v 11:00 v jídelně.",
        "Školení o prevenci podvodů zahájil vedoucí oddělení prevence v 11:00, přednášel Jan Bílý.",
        "Přednášku zahájila ředitelka školy v 11:00.",
        "Workshop zahájil v 11:00 koordinátor projektu.",
        # the meeting's noun, but in a later agenda item's paragraph
        "Ad 3) Veřejné setkání zahájil starosta obce v 11:00.",
    ]:
        assert recognise(_HEAD + _PRESENT + sentence + "\n").time is None, sentence
    assert recognise(_HEAD + _PRESENT + "Jednání zahájil předseda komise v 16:30 hod.\n").time == "16:30"


# --- F. the office's staff under their own label ---------------------------------------------------


def test_the_staff_label_ends_the_list_before_it_on_lines_of_their_own() -> None:
    for before, label in [
        ("Omluveni: Jan Černý\n", "Zaměstnanci OÚ"),
        ("", "Pracovníci MěÚ"),
        ("Omluveni: Jan Černý\n", "Pracovnice obecního úřadu"),
    ]:
        text = (
            f"{_HEAD}Přítomni: Petr Horák, Jana Malá\n{before}{label}: Marie Bílá (účetní), Ing. Eva Kos\n"
            "Zapisovatel: Marie Bílá\n"
        )
        imported = recognise(text)
        assert names(imported.present) == ["Petr Horák", "Jana Malá"], label
        assert names(imported.excused) == (["Jan Černý"] if before else []), label
        assert names(imported.guests) == ["Marie Bílá", "Ing. Eva Kos"], label


def test_the_staff_label_ends_the_excused_in_a_transcripts_one_paragraph() -> None:
    text = (
        "Zápis ze zasedání Zastupitelstva obce Lhota konaného dne 14. 3. 2024 v 18:00 hod. v zasedací "
        "místnosti OÚ Přítomni: Petr Horák, Jana Malá, Karel Dvořák Omluveni: Jan Černý Zaměstnanci OÚ: "
        "Marie Bílá (účetní) Návrhová komise: Jana Malá Zapisovatel: Marie Bílá Program: 1. Zahájení\n"
    )
    imported = recognise(text)
    assert names(imported.excused) == ["Jan Černý"]
    assert names(imported.guests) == ["Marie Bílá"]


# --- G. the house number after a street in the sentence that says where ------------------------------


def test_a_house_number_after_the_street_stays_in_the_place() -> None:
    for title, place in [
        (
            "konaného dne v klubovně Domova Pohoda, Lipová 12. Začátek jednání v 9:30 hod.",
            "v klubovně Domova Pohoda, Lipová 12",
        ),
        ("konaného v sále Sokolovny, Nová ulice 12/3, dne 12. 3. 2024", "v sále Sokolovny, Nová ulice 12/3"),
    ]:
        text = f"Zápis z jednání Pracovní skupiny Senioři\n{title}\nDatum: 7. 3. 2024\n\n{_PRESENT}"
        assert recognise(text).place == place, title
    # a day after the street is no house number
    text = "Zápis z jednání Pracovní skupiny Senioři\nkonaného v klubovně Domova Pohoda, Lipová 12. 3. 2024\n"
    assert recognise(text + "\n" + _PRESENT).place == "v klubovně Domova Pohoda, Lipová"

"""General patterns of Czech minutes drawn from the nineteenth real held-out batch (`339`–`349`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

import json
from pathlib import Path

from kpss_cli.importing import recognise

from .conftest import Invoke, write
from .recognised import names

_TITLE = (
    "Zápis z jednání komise pro bydlení obce Lhota ze dne 4. 5. 2021\n\nPřítomni: Jan Malý, Eva Horká\n\n"
)


# --- the hour --------------------------------------------------------------------------------------


def test_the_hour_opening_the_sentence_in_which_the_meeting_is_opened() -> None:
    for sentence, hour in [
        ("Ve 14:00 hod. přítomné přivítal a jednání komise zahájil předseda Ing. Petr Kos.", "14:00"),
        ("V 9.15 hod. přivítala všechny přítomné a zasedání zahájila předsedkyně Eva Horká.", "09:15"),
        ("Úvod. Ve 16:30 h jednání zahájil místopředseda Jan Malý.", "16:30"),
    ]:
        assert recognise(_TITLE + sentence + "\n").time == hour, sentence
    # an agenda item opened at that hour, or a sentence that ends before the opening, says nothing of it
    for sentence in [
        "V 9.15 hod. začal bod 3 a jednání zahájil Petr Kos.",
        "Ve 14:00 hod. skončila prohlídka. Jednání zahájil Petr Kos.",
    ]:
        assert recognise(_TITLE + sentence + "\n").time is None, sentence


def test_the_hour_after_the_post_of_who_opened_the_meeting_without_a_name() -> None:
    for sentence, hour in [
        ("Zasedání zastupitelstva zahájil starosta obce v 18:05 h.", "18:05"),
        ("Jednání zahájil předseda komise v 16:30 hod. a přivítal přítomné.", "16:30"),
        ("Schůzi zahájila místostarostka města ve 17.10 hodin.", "17:10"),
    ]:
        assert recognise(_TITLE + sentence + "\n").time == hour, sentence
    # a time far after the verb, other words than a post between, is not the opening's
    assert recognise(_TITLE + "Jednání zahájil a poté o bodu 3 hovořil Petr Malý v 16:30 hod.\n").time is None


# --- attendance ------------------------------------------------------------------------------------

_RUN_ON = (
    "Zápis z 9. zasedání zastupitelstva obce Lhota konaného dne 3. 4. 2012\n\n"
    "Přítomni členové ZO: J. Malý, E. Horká, P. Kos Hosté: Jana Dvořáková, Karel Bor {staff}: Ing. A. Nová "
    "Zasedání zastupitelstva zahájil starosta obce v 18:05 h. Návrhová komise: E. Horká, P. Kos "
    "Ověřovatelé zápisu: J. Malý Zapisovatelka: Ing. A. Nová P r o g r a m : 1) Úvod 2) Rozpočet\n"
)


def test_the_offices_staff_under_their_own_label_in_a_run_on_paragraph_are_guests() -> None:
    for staff in ["Zaměstnanci OÚ", "Pracovníci MěÚ", "Pracovnice obecního úřadu"]:
        imported = recognise(_RUN_ON.format(staff=staff))
        assert names(imported.present) == ["J. Malý", "E. Horká", "P. Kos"], staff
        # the guests end at the staff's label; the drafting committee (a post) is no attendance
        assert names(imported.guests) == ["Jana Dvořáková", "Karel Bor", "Ing. A. Nová"], staff
        assert imported.time == "18:05", staff
        # `P r o g r a m :` (letter-spaced, a space before its colon) ends the recorder's name
        assert imported.recorder == "Ing. A. Nová", staff


def test_a_letter_a_pdfs_font_put_for_z_keeps_a_name_a_name() -> None:
    imported = recognise(_TITLE.replace("Eva Horká", "Š. Ţuková, Ing. I. Stříţ, Petr Kos"))
    assert names(imported.present) == ["Jan Malý", "Š. Ţuková", "Ing. I. Stříţ", "Petr Kos"]


# --- who led the meeting ---------------------------------------------------------------------------


def test_a_post_a_courtesy_word_and_a_surname_alone_after_the_opening() -> None:
    for sentence, who in [
        ("Zasedání zahájil v 19,05 hod. starosta obce p. Novotný, přivítal všechny přítomné.", "Novotný"),
        ("Schůzi zahájil v 18.00 hod. předseda výboru pan Kratochvíl a přivítal členy.", "Kratochvíl"),
    ]:
        assert recognise(_TITLE + sentence + "\n").moderator == who, sentence
    for sentence in [
        "Jednání zahájil starosta p. Novotného.",  # a declined form: not who opened it
        "Jednání zahájil starosta obce a předal slovo p. Malému.",  # who spoke next
        "Jednání zahájil Petr Kos a představil pana Bureše.",
    ]:
        assert recognise(_TITLE + sentence + "\n").moderator in (None, "Petr Kos"), sentence
    # a title after the courtesy word is no surname
    imported = recognise(_TITLE + "Jednání zahájil předseda sdružení, p. Ing. Kořínek.\n")
    assert imported.moderator != "Ing"


# --- what is not minutes ---------------------------------------------------------------------------

_POST = """Zápis z výborové schůze {day}

Dne {day} se konala schůze výboru, na které byla zvolena nová předsedkyně Hana Malá.

{link}
"""


def test_a_post_that_attaches_its_minutes_as_a_file_is_no_minutes() -> None:
    for link in [
        "Zápis zde.",
        "Zápis najdete v příloze.",
        "Přiložené soubory\n\nZápis schůze výboru\nFile: Zápis-schůze-výboru.pdf (729 KB)",
        "Soubor: zapis_vyboru_2023.docx",
    ]:
        assert not recognise(_POST.format(day="28. 12. 2023", link=link)).looks_like_minutes, link
    # minutes that name those present and attach a file are still minutes
    minutes = recognise(
        _POST.format(
            day="28. 12. 2023", link="Přítomni: Hana Malá, Petr Kos\n\nZapsal: Petr Kos\n\nZápis zde."
        )
    )
    assert minutes.looks_like_minutes


# --- the title -------------------------------------------------------------------------------------


def test_a_title_in_capitals_after_a_letterhead_in_a_transcripts_paragraph() -> None:
    text = (
        "1 LHOTA, bytové družstvo, Brno, Nová 21 ZÁPIS ze shromáždění delegátů Bytového družstva Lhota, "
        "konaného dne 4. 5. 2012 v 16,00 hodin v sále Dělnického domu v Brně, Nová 65. Prezence: 1) Delegáti: "
        "pozváno 21 delegátů\n"
    )
    imported = recognise(text)
    assert imported.looks_like_minutes
    assert (imported.date.isoformat(), imported.time) == ("2012-05-04", "16:00")
    assert imported.place == "v sále Dělnického domu v Brně, Nová 65"
    # the day lost after `dne`: the hour and the place are still read, the minutes refused for the day
    lost = recognise(text.replace("dne 4. 5. 2012 v", "dne v"))
    assert lost.looks_like_minutes
    assert (lost.date, lost.time, lost.place) == (None, "16:00", "v sále Dělnického domu v Brně, Nová 65")
    # a sentence that writes `zápis` in lower case is no title
    assert (
        recognise("Byl schválen zápis ze shromáždění delegátů, konaného dne v 16,00 hodin v sále.").time
        is None
    )


def test_a_title_a_page_broke_after_its_preposition() -> None:
    for broken in ["Zápis ze\nschůze bytového družstva", "Zápis z \n  jednání bytového družstva"]:
        imported = recognise(
            f"{broken}\nkonané dne 3.6.2004 od 19.00 hod.\n\nPřítomni: Jan Malý, Eva Horká\n"
        )
        assert imported.group == "Bytové družstvo", broken
        assert (imported.date.isoformat(), imported.time) == ("2004-06-03", "19:00"), broken


# --- tasks -----------------------------------------------------------------------------------------


def test_a_numbered_item_opening_with_a_name_and_a_deed_to_do_is_a_task() -> None:
    for item, owner in [
        ("2. J. Špát projedná se starostou obce, jak a kdy bude opravena komunikace.", "J. Špát"),
        ("3) Eva Malá zajistí objednávku kontejneru.", "Eva Malá"),
        ("4.  P. Kos zašle členům návrh rozpočtu.", "P. Kos"),
    ]:
        imported = recognise(_TITLE + "1. Zahájení\n" + item + "\n")
        assert [t["owner"] for t in imported.tasks] == [owner], item
        assert imported.tasks[0]["due"] is None, item
    # a report (`informuje`, past tenses) sets no task; (a name after the item's topic, `2. Oprava
    # komunikace – J. Špát projedná se starostou.`, is a promise in a sentence: tests/test_import_misses3.py)
    for item in [
        "2. J. Špát informuje o opravě komunikace.",
        "2. J. Špát projednal se starostou opravu komunikace.",
    ]:
        assert recognise(_TITLE + "1. Zahájení\n" + item + "\n").tasks == [], item


# --- the command -----------------------------------------------------------------------------------

_COUNCIL = """Zápis ze  zasedání zastupitelstva obce Lhota konaného dne 14.11.2012

Přítomni: pp. Jelínek, Kuchař, Novotný, pí Pokorná

Nepřítomni: pp. Barek, Fousek

1. Zasedání zahájil v 19,05 hod. starosta obce p. Novotný, přivítal všechny přítomné.
2. J. Kuchař projedná se správcem opravu hřiště.
"""


def test_kpss_import_reads_the_village_councils_minutes(invoke: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    invoke("init", str(archive), "--example")
    before = sorted(archive.rglob("*.md"))
    minutes = write(tmp_path / "zastupitelstvo.txt", _COUNCIL)
    result = invoke("import", str(minutes), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert (record["group"], record["date"], record["time"]) == (
        "Zastupitelstvo obce Lhota",
        "2012-11-14",
        "19:05",
    )
    assert record["moderator"]["name"] == "Novotný"
    assert [p["name"] for p in record["absent"]] == ["Barek", "Fousek"]
    assert [t["owner"] for t in record["tasks"]] == ["J. Kuchař"]
    assert sorted(archive.rglob("*.md")) == before

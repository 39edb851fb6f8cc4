"""General patterns of Czech minutes drawn from the seventeenth real held-out batch (`315`–`326`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from pathlib import Path

from kpss_cli.importing import recognise
from kpss_cli.importing.people import names_in_text

from .conftest import Invoke, write
from .recognised import names

_TITLE = "Zápis z jednání sociální komise města Lhota ze dne 4. 5. 2021\n\n"


# --- attendance ----------------------------------------------------------------------------------


def test_a_standing_guest_is_a_guest_and_a_courtesy_word_before_a_role_belongs_to_neither() -> None:
    for line, who in (
        ("Stálý host: pan místostarosta Pešek Pavel", "Pešek Pavel"),
        ("Stálý host: pan místostarosta Pavel Pešek", "Pavel Pešek"),
        ("Stálí hosté: paní ředitelka Jana Nová, Karel Dub", "Jana Nová"),
        ("Hosté: pan radní Novák Karel", "Novák Karel"),
    ):
        imported = recognise(_TITLE + f"Přítomni: Eva Malá, Petr Sýkora\n\n{line}\n")
        assert who in names(imported.guests), line
        assert names(imported.present) == ["Eva Malá", "Petr Sýkora"]
    # a role before a surname and a word that is no first name stays unread (no person `Pešek Dub`)
    imported = recognise(_TITLE + "Přítomni: Eva Malá\n\nHosté: pan místostarosta Pešek Dub\n")
    assert names(imported.guests) == []


def test_who_apologised_beforehand_in_a_one_line_transcript_are_excused() -> None:
    for label in ("Předem se řádně omluvil:", "Předem se omluvili:", "Včas se omluvila:"):
        imported = recognise(
            "Zápis ze zasedání zastupitelstva obce Lhota ze dne 3. 5. 2020 Přítomni: viz prezenční listina "
            f"Jednání zahájil starosta. {label} Ing. Milan Horák, p. Jozef Dub, Ing. Štěpán Malý ZO je tím "
            "usnášeníschopné. Program: 1. Zahájení\n"
        )
        assert names(imported.excused) == ["Ing. Milan Horák", "Jozef Dub", "Ing. Štěpán Malý"], label


def test_members_who_came_late_are_present_and_titles_after_a_surname_first_stay_with_it() -> None:
    imported = recognise(
        "ZÁPIS z 31. zasedání zastupitelstva města Lhota, konaného dne 10. 2. 2014, začátek v 16:00 hod. "
        "Přítomno : 16 (16.04 hod.), 18 (16.24 hod.) Omluveni : SOUČEK Miloslav, Ing. Přišli později : "
        "ŠLAPANSKÝ František, Ing. (16.06 hod.), STRIEGLEROVÁ Marie (16.24 hod.), PROCHÁZKA Pavel, Ing., "
        "MSc. (17.24 hod.) Zapisovatelka : Bc. Lucie Malá\n"
    )
    assert names(imported.excused) == ["SOUČEK Miloslav, Ing."]
    assert names(imported.present) == [
        "ŠLAPANSKÝ František, Ing.",
        "STRIEGLEROVÁ Marie",
        "PROCHÁZKA Pavel, Ing., MSc.",
    ]
    assert imported.recorder == "Bc. Lucie Malá"
    # a surname in capitals first is a person only before a common first name (not `MAS Lhota`)
    imported = recognise(_TITLE + "Přítomni: NOVÁK Jan, MAS Lhota, MPSV Jan, DUBOVÁ Eva\n")
    assert names(imported.present) == ["NOVÁK Jan", "DUBOVÁ Eva"]


def test_a_roman_numbered_item_is_no_person_under_the_attendance() -> None:
    for item in ("I.Úvod", "I. Úvod", "II. Schválení programu jednání", "I. Zahájení"):
        imported = recognise(
            "Zápis z jednání výboru bytové politiky ze dne 1. 10. 2009\n\nPřítomni: dle prezenční listiny\n\n"
            f"{item}\n\n- v 16:30 zahájil jednání předseda výboru.\n"
        )
        assert names(imported.present) == [], item
        assert imported.attendance_sheet
    # an initial before a surname stays a person
    imported = recognise(_TITLE + "Přítomni:\nJan Novák\nI. Nováková\n\nProgram:\n1. Úvod\n")
    assert names(imported.present) == ["Jan Novák", "I. Nováková"]


def test_the_quorums_sentence_and_a_sentence_about_the_meeting_end_an_inline_list() -> None:
    head = "Zápis ze zasedání zastupitelstva města Lhota ze dne 3. 5. 2020 Přítomni: dle prezenční listiny "
    for after in (
        "ZO je tím usnášeníschopné.",
        "Zastupitelstvo je usnášeníschopné.",
        "Komise byla schopná usnášení.",
        "Na zasedání je přítomno 17 členů ZM. Do návrhové komise byli jmenováni: JUDr. Edgar Horák, Ing. Jan Benk",
        "Při jednání bylo přítomno 17 členů.",
    ):
        imported = recognise(head + f"Nepřítomni: Ing. Bc. Antonín Janhuba, JUDr. Jana Špičková {after}\n")
        assert names(imported.absent) == ["Ing. Bc. Antonín Janhuba", "JUDr. Jana Špičková"], after
    # a count in brackets that names the quorum stays with the last person of the list
    imported = recognise(
        _TITLE + "Přítomni: Bernat Petr, Mgr. Krybusová Klára (celkem přítomno 2 ze 2 členů, Komise byla "
        "usnášeníschopná)\n"
    )
    assert names(imported.present) == ["Bernat Petr", "Mgr. Krybusová Klára"]


# --- the title, the time, the moderator ------------------------------------------------------------


def test_minutes_with_their_resolutions_and_a_roman_number_of_the_meeting_have_a_title() -> None:
    for title, group in (
        (
            "Zápis a usnesení z XX. veřejného zasedání zastupitelstva obce Lužany ze dne 23. června 2005",
            "obce Lužany",
        ),
        (
            "Zápis a usnesení z 20. veřejného zasedání zastupitelstva obce Lužany ze dne 23. června 2005",
            "obce Lužany",
        ),
        ("Zápis z IV. zasedání Rady obce Lhota ze dne 23. června 2005", "Rada obce Lhota"),
    ):
        imported = recognise(f"{title}\n\nPřítomni: Jan Novák, Eva Malá\n")
        assert imported.group is not None and group.lower() in imported.group.lower(), title
        assert str(imported.date) == "2005-06-23", title
    # a resolution's own day after `usnesení` in a sentence is still no meeting day
    imported = recognise("Zápis\n\nPřítomni: Jan Novák\n\nRada vzala na vědomí usnesení ze dne 3. 4. 2005.\n")
    assert imported.date is None


def test_a_first_name_and_a_surname_in_capitals_in_a_sentence_is_a_name() -> None:
    assert [
        n for _, _, n in names_in_text("Jednání řídil starosta obce Ing. Jaroslav KREML v 17:00 hod.")
    ] == ["Ing. Jaroslav KREML"]
    assert [n for _, _, n in names_in_text("vedla ho Jana NOVÁKOVÁ.")] == ["Jana NOVÁKOVÁ"]
    # an office's acronym after a first name is none (`MPSV` has no vowel, `ORP` is short)
    assert names_in_text("Jednání vedli Jana MPSV a Petr ORP a Eva OSPOD.") == []


def test_the_start_after_who_opened_and_led_it_with_their_post() -> None:
    for sentence in (
        "Jednání zahájil a řídil starosta obce Ing. Jaroslav KREML v 17:00 hod. s konstatováním, že …",
        "Jednání zahájil starosta Jan Novák v 17:00 hod.",
        "Zasedání zahájila předsedkyně komise Mgr. Eva Malá v 17.00 hodin.",
    ):
        imported = recognise(_TITLE + f"Přítomni: Jan Dub, Eva Malá\n\n{sentence}\n")
        assert imported.time == "17:00", sentence
    # a topic after the verb, then a capitalised word: no start
    imported = recognise(
        _TITLE + "Přítomni: Jan Dub\n\nJednání zahájila diskusi o rozpočtu Obce Lhota v 16:00 hod.\n"
    )
    assert imported.time is None


def test_a_narrated_moderator_cut_off_where_the_excerpt_stops_is_none() -> None:
    body = (
        _TITLE
        + "Přítomni: Ing. Ladislav Dub, Eva Malá\n\n1. Zahájení Zasedání zahájil a řídil starosta obce "
    )
    assert recognise(body + "Ing. Lad\n").moderator is None
    assert recognise(body + "Ing. Karel Novák.\n").moderator == "Ing. Karel Novák"
    # a name at the end under a label is read as written (a signature, not a cut sentence)
    imported = recognise(
        _TITLE + "Přítomni: Eva Malá\n\nJednání řídil Ing. Karel Novák.\n\nOvěřil: Ing. Karel Novák\n"
    )
    assert imported.moderator == "Ing. Karel Novák"


def test_who_opened_the_meeting_named_with_their_post_after_the_verb_and_the_meeting() -> None:
    head = "Zápis z jednání výboru ze dne 1. 10. 2009\n\nPřítomni: dle prezenční listiny\n\n"
    for sentence in (
        "- v 16:30 zahájil jednání předseda výboru bytové politiky ZHMP Bohumil Zoufalík.",
        "Ve 14:00 zahájila setkání koordinátorka KPSS Jana Malá.",
        "Zahájil a řídil zasedání starosta obce, pan Petr Dub.",
    ):
        imported = recognise(head + sentence + "\n")
        assert imported.moderator in {"Bohumil Zoufalík", "Jana Malá", "Petr Dub"}, sentence
        assert "moderator" in imported.guesses
    # whom the chair gave the floor or welcomed is none, nor a name with no post before it
    for sentence in (
        "Předseda zahájil jednání a předal slovo Ing. Petr Malý.",
        "Předseda zahájil jednání a přivítal Ing. Petr Malý.",
        "Starosta zahájil zasedání Petr Malý přednesl zprávu.",
    ):
        assert recognise(head + sentence + "\n").moderator is None, sentence


# --- the next meeting --------------------------------------------------------------------------------


def test_a_numbered_meeting_that_will_take_place_is_the_next_one() -> None:
    for sentence in (
        "Předsedkyně navrhla pozvat na 3. jednání Komise pro sociální oblast, která se uskuteční dne "
        "15.11.2021 od 17.00 hodin v zasedací místnosti ÚMČ organizaci Lhota, z.s., která by prezentovala činnost.",
        "Členové se dohodli, že 4. setkání skupiny, které se bude konat 15. 11. 2021 od 17:00, připraví Jan Dub.",
    ):
        imported = recognise(_TITLE + f"Přítomni: Jan Dub, Eva Malá\n\n{sentence}\n")
        assert imported.next_meeting is not None, sentence
        assert imported.next_meeting["date"] == "2021-11-15"
        assert imported.next_meeting["time"] == "17:00"
        assert imported.next_meeting["place"] is None
    # a numbered meeting that took place is none
    imported = recognise(
        _TITLE
        + "Přítomni: Jan Dub\n\nNa 2. jednání komise, které se uskutečnilo dne 15.4.2021, byl schválen plán.\n"
    )
    assert imported.next_meeting is None


def test_a_meeting_adjourned_to_a_day_is_the_next_one() -> None:
    for sentence in (
        "Předseda navrhnul přesunout jednání na příští týden, to je na 8.10.2009 v 16:30 hod.",
        "Výbor se usnesl odložit zasedání na 8. 10. 2009 v 16:30 hod.",
    ):
        imported = recognise(
            "Zápis z jednání výboru ze dne 1.10.2009\n\nPředseda zahájil jednání v 16:30 hod.\n\n"
            + sentence
            + "\n"
        )
        assert imported.next_meeting is not None, sentence
        assert (imported.next_meeting["date"], imported.next_meeting["time"]) == ("2009-10-08", "16:30")
    # a topic moved to a later meeting without a day is no next meeting
    imported = recognise(
        "Zápis z jednání výboru ze dne 1.10.2009\n\nPřítomni: Jan Dub\n\nVýbor navrhl přesunout jednání o rozpočtu "
        "na podzim.\n"
    )
    assert imported.next_meeting is None


# --- what is not minutes ----------------------------------------------------------------------------


_REPORT = (
    "Zpráva z jednání Komise sociální politiky a zdravotnictví\n\nkonané dne 10.12.2018\n\n"
    "Nově složená komise se sešla v neúplném složení, byl omluven zastupitel pan Petr Dub. Byly schváleny "
    "akce na rok 2019.\n\n{link}\n\nHana Malá\n"
)


def test_a_report_that_points_to_its_minutes_elsewhere_is_no_minutes() -> None:
    for link in (
        "Kompletní zápis z jednání si můžete přečíst zde:",
        "Celý zápis najdete na webu městské části.",
        "Úplné znění zápisu je k dispozici zde.",
    ):
        assert not recognise(_REPORT.format(link=link)).looks_like_minutes, link
    # minutes that name the attendance stay minutes whatever they link
    minutes = recognise(
        "Zápis z jednání komise ze dne 10.12.2018\n\nPřítomni: Jan Dub, Eva Malá\n\nKompletní zápis si můžete "
        "přečíst zde.\n"
    )
    assert minutes.looks_like_minutes


def test_kpss_import_refuses_the_report_and_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "new"
    invoke("init", str(archive), "--example")
    before = sorted(archive.rglob("*.md"))
    report = write(
        tmp_path / "zprava.txt", _REPORT.format(link="Kompletní zápis z jednání si můžete přečíst zde:")
    )
    result = invoke("import", str(report), "-a", str(archive))
    assert result.exit_code == 2
    assert "this does not look like minutes" in result.stderr
    assert sorted(archive.rglob("*.md")) == before


# --- a document site's transcript that lost the day or the hour ------------------------------------

_SITE = 'Rozměr: px\nZačít zobrazení ze stránky:\n\nDownload "{download}"\n\nTranskript\n\n1 {body}\n'


def test_the_hour_a_transcript_lost_is_read_from_the_download_line_of_the_same_title() -> None:
    lost = "Zápis z 24. zasedání Zastupitelstva obce Lhota, konaného dne 19. března 2014 v hodin v sále KD"
    body = lost + " Přítomni: Jan Novák, Eva Malá Program: 1. Zahájení"
    for hour, expected in (("17.00", "17:00"), ("9:30", "09:30")):
        download = lost.replace("v hodin", f"v {hour} hodin")
        imported = recognise(
            "Zápis z 24. zasedání Zastupitelstva obce Lhota\n\n" + _SITE.format(download=download, body=body)
        )
        assert str(imported.date) == "2014-03-19"
        assert imported.time == expected, hour
        assert imported.place == "v sále KD"
    # without such a line the hour stays unknown, and the lost hour is no part of the place
    imported = recognise(body + "\n")
    assert imported.time is None
    assert imported.place == "v sále KD"


def test_the_place_where_a_transcript_lost_the_day_when_the_download_line_gives_the_day() -> None:
    body = (
        "ZÁPIS z 31. zasedání zastupitelstva města Lhota, konaného dne v zasedací místnosti Městského úřadu, "
        "začátek zasedání v 16:00 hod. Přítomni: Jan Novák, Eva Malá"
    )
    imported = recognise(
        "31. zasedání Zastupitelstva města Lhota konané dne\n\n"
        + _SITE.format(download="31. zasedání Zastupitelstva města Lhota konané dne 10.02.2014", body=body)
    )
    assert str(imported.date) == "2014-02-10"
    assert imported.place == "v zasedací místnosti Městského úřadu"
    assert imported.time == "16:00"

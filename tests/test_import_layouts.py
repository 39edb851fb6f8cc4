"""More general patterns of Czech minutes (issue #19), found on a batch of excerpts the importer
had not been tuned on (tests/data/import_heldout/37–48); each is tested here with variants written
for the test, not with the excerpt."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from kpss_cli.importing import recognise
from kpss_cli.importing.group import find_group

from .conftest import Invoke, write
from .recognised import names

HEAD = "Zápis z jednání pracovní skupiny Senioři\nDne 12. 4. 2022\nPřítomni: Jana Nová, Petr Malý\n\n"


# --- documents that are not minutes ----------------------------------------------------------------


def test_a_methodology_that_lists_the_labels_of_minutes_is_not_minutes() -> None:
    imported = recognise(
        "Metodika práce pracovních skupin KPSS\n\n2.4 Zápis z jednání\n\nZápis obsahuje:\n"
        "- Přítomni: jména přítomných členů,\n- Omluveni: jména omluvených,\n"
        "- Zapsal: jméno zapisovatele.\n\nSchváleno dne 3. 2. 2020."
    )
    assert not imported.looks_like_minutes


def test_an_invitation_with_a_date_and_a_program_is_not_minutes() -> None:
    imported = recognise(
        "Odbor sociálních věcí\n\nPOZVÁNKA\nna setkání pracovní skupiny Rodina\n\n"
        "dne: 3. 5. 2024\nčas: 14:00\nmísto: MěÚ, zasedací místnost\n\nProgram:\n1. Zahájení\n2. Různé\n"
    )
    assert not imported.looks_like_minutes


def test_minutes_with_an_office_header_or_a_web_menu_before_the_title_stay_minutes() -> None:
    for header in (
        "Město Vsetín – odbor sociálních věcí\nKomunitní plánování sociálních služeb",
        "Úvod\nKomunitní plán\nStrategie\nZápisy",
    ):
        imported = recognise(
            f"{header}\n\nZápis z jednání pracovní skupiny Senioři\nDatum: 2. 3. 2023\nPřítomni: Jana Nová, Petr Malý\n"
        )
        assert imported.looks_like_minutes, header


# --- the next meeting -------------------------------------------------------------------------------


def test_a_deadline_until_the_next_meeting_is_no_next_meeting() -> None:
    imported = recognise(
        HEAD + "Pan Malý připraví návrh do 30. 4. 2022. Paní Nová do příštího jednání osloví školy.\n\n"
        "Příští jednání proběhne 16. 5. 2022 od 15.30 hod.\n"
    )
    assert imported.next_meeting is not None
    assert (imported.next_meeting["date"], imported.next_meeting["time"]) == ("2022-05-16", "15:30")


def test_the_next_meeting_as_a_deadline_in_a_task_table_is_no_next_meeting() -> None:
    imported = recognise(
        HEAD + "Úkol | Odpovědnost | Termín\nSvolat setkání | Jana Nová | příští jednání\n"
        "Zaslat podklady | Petr Malý | 31. 5. 2022\n\nDalší jednání se bude konat 7. 6. 2022 v 9:00 hod.\n"
    )
    assert imported.next_meeting is not None
    assert (imported.next_meeting["date"], imported.next_meeting["time"]) == ("2022-06-07", "09:00")


# --- substitutes ------------------------------------------------------------------------------------


def test_a_member_represented_by_someone_in_the_instrumental_gives_the_substitute() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Rodina\nDne 2. 3. 2023\n"
        "Přítomni: Jana Nová, Ing. Petr Malý (zastoupen Mgr. Karlem Kubíčkem), "
        "Bc. Lucie Černá (zastoupena Bc. Marií Veselou), Eva Dlouhá\n"
    )
    assert names(imported.present) == ["Jana Nová", "Mgr. Karel Kubíček", "Bc. Marie Veselá", "Eva Dlouhá"]
    assert [p.get("substitute_for") for p in imported.present[1:3]] == ["Ing. Petr Malý", "Bc. Lucie Černá"]
    assert "present.2" in imported.guesses and "present.3" in imported.guesses


def test_a_substitute_standing_in_for_a_member_in_the_accusative() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Rodina\nDne 2. 3. 2023\nPřítomní členové:\n"
        "Ing. Karel Dub (zástup za Mgr. Zdeňka Vlka) – Charita\n"
        "Bc. Hana Vránová (za Mgr. Jitku Šťastnou) – Diakonie\nPetr Lis – Naděje\n"
    )
    assert names(imported.present) == ["Ing. Karel Dub", "Bc. Hana Vránová", "Petr Lis"]
    assert [p.get("substitute_for") for p in imported.present] == [
        "Mgr. Zdeněk Vlk",
        "Mgr. Jitka Šťastná",
        None,
    ]
    assert imported.present[0]["org"] == "Charita"


def test_za_someone_colon_name_is_a_substitute_and_za_an_office_colon_name_an_organisation() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Rodina\nDne 2. 3. 2023\n"
        "Účast:\nČlenové: Jana Nová, Petr Malý\nNáhradníci: za Bc. Věru Kotasovou: Lenka Marková; "
        "za OSPOD MěÚ Jeseník: Bc. Tomáš Hora\n"
    )
    assert names(imported.present) == ["Jana Nová", "Petr Malý", "Lenka Marková", "Bc. Tomáš Hora"]
    assert imported.present[2].get("substitute_for") == "Bc. Věra Kotasová"
    assert imported.present[3]["org"] == "OSPOD MěÚ Jeseník"
    assert "substitute_for" not in imported.present[3]


def test_a_name_that_cannot_be_put_in_the_nominative_keeps_the_person_written() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Rodina\nDne 2. 3. 2023\n"
        "Přítomni: Jana Nová, Petr Malý (zastoupen kolegou z Charity)\n"
    )
    assert names(imported.present) == ["Jana Nová", "Petr Malý"]


def test_an_imported_substitute_is_written_with_for_marked_as_a_guess_and_passes_check(
    invoke: Invoke, archive: Path, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "zapis.txt",
        "Zápis z jednání pracovní skupiny Senioři\nDne 2. 3. 2023 od 14:00\n"
        "Přítomni: Jana Nová, Ing. Petr Malý (zastoupen Mgr. Karlem Kubíčkem)\nZapsala: Jana Nová\n",
    )
    report = invoke("import", str(source), "--report", "--dry-run", "--format", "json", "-a", str(archive))
    assert report.exit_code == 0, report.stderr
    rows = {row["field"]: row["value"] for row in json.loads(report.stdout)}
    assert rows["present.2"] == "Mgr. Karel Kubíček (za Ing. Petr Malý)"
    result = invoke("import", str(source), "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    (written,) = archive.glob("*/2023-03-02.md")
    text = written.read_text(encoding="utf-8")
    assert "- name: Mgr. Karel Kubíček  # kpss: odhad – " in text and "  for: Ing. Petr Malý" in text
    check = invoke("check", str(written), "-a", str(archive))
    assert check.exit_code == 0, check.stdout


# --- date, time and place ---------------------------------------------------------------------------


def test_start_and_end_labels_on_one_line_make_a_range() -> None:
    for line, expected in (
        ("Začátek: 10:00, konec: 12:00", "10:00-12:00"),
        ("Zahájení: 9.30 hod.; ukončení: 11.15 hod.", "09:30-11:15"),
    ):
        imported = recognise(f"Zápis z jednání pracovní skupiny Senioři\nDatum: 5. 6. 2024\n{line}\n")
        assert imported.time == expected, line


def test_bez_omluvy_lists_the_absent() -> None:
    imported = recognise(HEAD + "Omluveni: Eva Dlouhá\nBez omluvy: Bc. Marek Vitásek, Ivo Krátký\n")
    assert names(imported.absent) == ["Bc. Marek Vitásek", "Ivo Krátký"]
    assert names(imported.excused) == ["Eva Dlouhá"]


def test_a_line_opening_with_the_weekday_and_day_gives_date_time_and_place() -> None:
    for line, day, time, place in (
        (
            "Ve středu 15. 5. 2024 od 9 hodin v malém sále Kulturního domu",
            "2024-05-15",
            "09:00",
            "v malém sále Kulturního domu",
        ),
        (
            "V pondělí dne 13. 5. 2024 v 14:00 v zasedací místnosti MěÚ",
            "2024-05-13",
            "14:00",
            "v zasedací místnosti MěÚ",
        ),
    ):
        imported = recognise(f"Zápis ze setkání pracovní skupiny Senioři\n\n{line}\n\nPřítomni: Jana Nová")
        assert (str(imported.date), imported.time, imported.place) == (day, time, place), line


def test_the_place_in_the_sentence_saying_the_group_met() -> None:
    imported = recognise(
        "Zápis z jednání PS Rodina\n\nDne 14. března 2024 se v prostorách Centra pro rodinu, Nádražní 12, "
        "sešla pracovní skupina Rodina. Setkání zahájila v 15:30 vedoucí skupiny.\n"
    )
    assert str(imported.date) == "2024-03-14"
    assert imported.place == "v prostorách Centra pro rodinu, Nádražní 12"


def test_the_place_named_after_the_time_the_meeting_was_opened() -> None:
    imported = recognise(
        HEAD + "Předsedkyně přivítala přítomné a zahájila jednání v 15.00 hod. v klubovně Domu dětí, "
        "Palackého 3. Poté představila program.\n"
    )
    assert imported.time == "15:00"
    assert imported.place == "v klubovně Domu dětí, Palackého 3"
    assert "place" in imported.guesses


def test_no_place_from_an_opening_time_followed_by_a_phrase_that_is_no_place() -> None:
    for after in ("v souladu s programem", "v plném počtu členů"):
        imported = recognise(HEAD + f"Předsedkyně zahájila jednání v 15.00 hod. {after}.\n")
        assert imported.place is None, after


# --- people -----------------------------------------------------------------------------------------


def test_a_tab_separated_first_row_on_the_label_line() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Senioři\nDatum: 3. 4. 2023\n"
        "Přítomní:\tBc. Pavel Horák\tCharita Most, o. p. s.\n\tIng. Eva Malá\tMěÚ Most\n"
        "Omluvení:\tJana Nová\n"
    )
    assert names(imported.present) == ["Bc. Pavel Horák", "Ing. Eva Malá"]
    assert imported.present[0]["org"] == "Charita Most, o. p. s."
    assert names(imported.excused) == ["Jana Nová"]


def test_guests_introduced_inside_a_sentence_of_an_agenda_item() -> None:
    imported = recognise(
        HEAD + "1. Úvod\nK bodu 2 byli přizváni hosté, jimiž byli: Mgr. Jan Hrubý (Agentura pro "
        "sociální začleňování) a Ing. Alena Zítková (Úřad práce ČR). Poté se přešlo k programu.\n"
    )
    assert names(imported.guests) == ["Mgr. Jan Hrubý", "Ing. Alena Zítková"]


def test_the_moderator_with_a_role_that_names_the_body_by_its_acronym() -> None:
    for sentence, name in (
        ("Jednání zahájila a vedla koordinátorka KPSS Mgr. Lenka Pokorná.", "Mgr. Lenka Pokorná"),
        ("Setkání řídil předseda ŘS Ing. Pavel Janata, který přivítal hosty.", "Ing. Pavel Janata"),
    ):
        assert recognise(HEAD + sentence).moderator == name, sentence


def test_the_recorder_named_in_a_sentence() -> None:
    for sentence, name in (
        ("Setkání moderovala Mgr. Alžběta Rybová, zápis pořídila Lenka Marková.", "Lenka Marková"),
        ("Zápis vyhotovil Bc. Jan Dub, DiS. dne 3. 4. 2022.", "Bc. Jan Dub, DiS."),
    ):
        assert recognise(HEAD + sentence).recorder == name, sentence
    assert recognise(HEAD + "Zápis pořídila koordinátorka a rozešle jej členům.").recorder is None


# --- tasks ------------------------------------------------------------------------------------------


def tasks_of(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(t["task"], t["owner"], t["due"]) for t in recognise(HEAD + text).tasks]


def test_a_task_table_flattened_to_runs_of_spaces_or_tabs() -> None:
    assert tasks_of(
        "Úkoly:\nÚkol                          Zodpovídá           Termín\n"
        "Rozeslat návrh plánu          Mgr. Iva Malá       30. 11. 2022\n"
        "Doplnit kapacity služeb       poskytovatelé       průběžně\n\nZapsala: Jana Nová\n"
    ) == [
        ("Rozeslat návrh plánu", "Mgr. Iva Malá", "30. 11. 2022"),
        ("Doplnit kapacity služeb", "poskytovatelé", "průběžně"),
    ]
    assert tasks_of("Úkol\tOdpovídá\tTermín\nSvolat setkání\tPetr Malý\tdo konce června\n") == [
        ("Svolat setkání", "Petr Malý", "do konce června 2022")
    ]


def test_owner_and_deadline_lines_after_the_sentence_of_the_task() -> None:
    assert tasks_of(
        "3. Průvodce službami\nPoskytovatelé zkontrolují své údaje v průvodci.\nZ: všichni poskytovatelé\n"
        "T: průběžně\n\n4. Různé\n"
    ) == [("Poskytovatelé zkontrolují své údaje v průvodci.", "všichni poskytovatelé", "průběžně")]


def test_owner_and_deadline_lines_before_the_task_line() -> None:
    assert tasks_of(
        "2. Dotace\nSkupina doporučuje zachovat podporu.\nZ: Bc. Jakub Ondruch\nT: do 30. 10.\n"
        "Úkol: předat stanovisko řídící skupině\n\n3. Různé\n"
    ) == [("předat stanovisko řídící skupině", "Bc. Jakub Ondruch", "do 30. 10. 2022")]


def test_no_task_from_a_lone_deadline_after_a_heading() -> None:
    assert tasks_of("2. Dotace\nT: do 30. 10.\n\n3. Různé\n") == []


def test_several_tasks_set_in_the_sentences_of_one_paragraph() -> None:
    assert tasks_of(
        "Paní Bílá rozešle členům shrnutí dotazníku do konce dubna. Bc. Jan Král připraví návrh "
        "opatření do 30. 4. 2022. Koordinátorka do příštího jednání zajistí pozvání hosta.\n"
    ) == [
        ("rozešle členům shrnutí dotazníku", "Paní Bílá", "do konce dubna 2022"),
        ("připraví návrh opatření", "Bc. Jan Král", "30. 4. 2022"),
        ("zajistí pozvání hosta", "Koordinátorka", "do příštího jednání"),
    ]


def test_a_task_sentence_after_a_label() -> None:
    assert tasks_of("Dohodnuto: Bc. Pavel Oláh zmapuje počet rodin v lokalitě do 31. října 2022.\n") == [
        ("zmapuje počet rodin v lokalitě", "Bc. Pavel Oláh", "31. října 2022")
    ]


def test_a_deadline_in_days_or_weeks() -> None:
    assert tasks_of("Úkoly a termíny:\n- Koordinátorka rozešle zápis všem členům do 7 dnů.\n") == [
        ("Koordinátorka rozešle zápis všem členům do 7 dnů.", "Koordinátorka", "do 7 dnů")
    ]


def test_a_role_in_a_sentence_without_a_deadline_or_a_class_of_people_sets_no_task() -> None:
    assert tasks_of("Koordinátorka informuje členy o výsledcích dotačního řízení.\n") == []
    assert tasks_of("Poskytovatelé zašlou podklady do 20. 5. 2022.\n") == []


def test_owner_and_deadline_named_by_words_inside_brackets() -> None:
    assert tasks_of(
        "Úkoly:\n1. zpracovat harmonogram (zodp. Mgr. Vašková, termín 31. 10. 2022)\n"
        "2. svolat skupiny (odpovídá Bc. Pustějovská, termín do 30. 11. 2022)\n"
    ) == [
        ("zpracovat harmonogram", "Mgr. Vašková", "31. 10. 2022"),
        ("svolat skupiny", "Bc. Pustějovská", "do 30. 11. 2022"),
    ]


def test_do_colon_is_a_deadline_label() -> None:
    assert tasks_of("Úkoly:\n1) předložit návrh – odpovídá: Mgr. Bednářová, do: 31. 5. 2022\n") == [
        ("předložit návrh", "Mgr. Bednářová", "31. 5. 2022")
    ]


def test_a_task_for_someone_with_a_labelled_deadline_after_it() -> None:
    assert tasks_of(
        "→ Úkol pro koordinátorku: zjistit možnosti financování, termín: 15. 4. 2022\n"
        "→ Úkol pro Mgr. Bártu: zaslat kontakty, T: 31. 3. 2022\n"
    ) == [
        ("zjistit možnosti financování", "koordinátorka", "15. 4. 2022"),
        ("zaslat kontakty", "Mgr. Bárta", "31. 3. 2022"),
    ]


def test_zaznam_poridila_names_the_recorder() -> None:
    assert recognise(HEAD + "Záznam pořídila: Bc. Markéta Slaninová\n").recorder == "Bc. Markéta Slaninová"


def test_pro_pristi_jednani_is_a_deadline() -> None:
    assert tasks_of("Mgr. Eva Malá připraví pro příští jednání přehled kapacit.\n") == [
        ("připraví přehled kapacit", "Mgr. Eva Malá", "pro příští jednání")
    ]


# --- more layouts of attendance and of the head ---------------------------------------------------


def test_an_attendance_table_with_a_column_saying_who_came() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Senioři\nDatum: 3. 4. 2023\n\n"
        "| Jméno | Organizace | Přítomen/a |\n| Mgr. Jan Hora | Charita | ano |\n"
        "| Ing. Eva Malá | MěÚ | ne – omluvena |\n| Petr Dub | Naděje | ne |\n| Iva Nová | Diakonie | ✓ |\n"
        "| Karel Vlk | Fokus | |\n\n1. Zahájení\n"
    )
    assert names(imported.present) == ["Mgr. Jan Hora", "Iva Nová"]
    assert imported.present[0]["org"] == "Charita"
    assert names(imported.excused) == ["Ing. Eva Malá"]
    assert names(imported.absent) == ["Petr Dub"]


def test_two_columns_of_people_separated_by_tabs() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Senioři\nDatum: 3. 4. 2023\n\nPřítomni:\n"
        "Mgr. Petra Kotrbová\t\tIng. Aleš Mrkvička\nBc. Jana Pechová\t\tPhDr. Milan Doležal, Ph.D.\n\n"
        "Omluveni:\nMgr. Dana Pokorná\t\tIng. Jan Horký\n\n1. Zahájení\n"
    )
    assert names(imported.present) == [
        "Mgr. Petra Kotrbová",
        "Ing. Aleš Mrkvička",
        "Bc. Jana Pechová",
        "PhDr. Milan Doležal, Ph.D.",
    ]
    assert names(imported.excused) == ["Mgr. Dana Pokorná", "Ing. Jan Horký"]


def test_a_person_and_an_organisation_in_columns_stay_one_person() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Senioři\nDatum: 3. 4. 2023\n\nPřítomni:\n"
        "Mgr. Petra Kotrbová\t\tCharita Jihlava\nIng. Aleš Mrkvička\t\tMěÚ Jihlava\n\n1. Zahájení\n"
    )
    assert names(imported.present) == ["Mgr. Petra Kotrbová", "Ing. Aleš Mrkvička"]
    assert imported.present[0]["org"] == "Charita Jihlava"


def test_the_excused_named_after_a_label_inside_a_sentence() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Senioři\n\nDne 11. 10. 2021 proběhlo jednání. Přítomno bylo "
        "7 členů (viz prezenční listina), omluvili se: Mgr. Zbyněk Holub, Ing. Libuše Adámková. "
        "Jednání vedla Bc. Jana Nová.\n"
    )
    assert names(imported.excused) == ["Mgr. Zbyněk Holub", "Ing. Libuše Adámková"]
    assert imported.present == []


def test_a_header_naming_the_working_group_and_whose_it_is() -> None:
    imported = recognise(
        "ZÁPIS – Pracovní skupina Osoby se zdravotním postižením, KPSS Prostějov\n\nDatum: 3. 4. 2023\n"
        "Přítomni: Jana Nová, Petr Malý\n"
    )
    assert imported.group == "Osoby se zdravotním postižením"


def test_the_place_after_proběhlo_and_after_a_range_of_times_with_decimal_commas() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Senioři\n\nDne 11. 10. 2021 proběhlo v zasedací místnosti "
        "Charity, Ostravská 69, páté jednání pracovní skupiny.\n\nPřítomni: Jana Nová, Petr Malý\n"
    )
    assert imported.place == "v zasedací místnosti Charity, Ostravská 69"
    imported = recognise(
        "Zápis z jednání PS Senioři\nDne: 4. 10. 2022, 14,00–15,30 hod., klubovna DPS Bystřice\n"
        "Přítomni: Jana Nová, Petr Malý\n"
    )
    assert (imported.time, imported.place) == ("14:00-15:30", "klubovna DPS Bystřice")


def test_a_group_whose_name_is_an_enumeration_with_a_comma() -> None:
    for title, group in (
        ("Zápis z jednání PS Rodina, děti a mládež", "Rodina, děti a mládež"),
        ("Záznam ze setkání PS Děti, mládež a rodina", "Děti, mládež a rodina"),
        ("Zápis z jednání PS Senioři, konaného dne 3. 4. 2023", "Senioři"),
    ):
        assert recognise(f"{title}\nDatum: 3. 4. 2023\nPřítomni: Jana Nová\n").group == group, title


def test_a_joint_meeting_of_working_groups_in_the_genitive_plural() -> None:
    for title, group in (
        (
            "Zápis ze společného jednání pracovních skupin Senioři a Zdravotně postižení",
            "Senioři a Zdravotně postižení",
        ),
        (
            "Zápis ze společného setkání pracovních skupin komunitního plánování Litovel",
            "Pracovní skupiny komunitního plánování Litovel",
        ),
    ):
        assert recognise(f"{title}\nDatum: 3. 4. 2023\nPřítomni: Jana Nová\n").group == group, title


# --- one-line transcripts and the narrative ----------------------------------------------------------


def test_a_list_of_a_transcript_ends_where_the_next_sentence_begins() -> None:
    imported = recognise(
        "Zápis z 1. jednání výboru konaného dne 3. 4. 2023 Přítomni: Jana Nová, Petr Malý "
        "Omluveni: RNDr. Tomáš Hudeček, Ph.D., Ing. Milan Růžička Zasedání řídil předseda Jan Slezák.\n"
    )
    assert names(imported.excused) == ["RNDr. Tomáš Hudeček, Ph.D.", "Ing. Milan Růžička"]


def test_a_name_with_its_role_after_it_without_a_comma() -> None:
    imported = recognise(
        HEAD + "Hosté: Milan Paulovič revizní komise, Ing. Jaroslav Fuksík předseda spolku, David Kaňovský\n"
    )
    assert names(imported.guests) == ["Milan Paulovič", "Ing. Jaroslav Fuksík", "David Kaňovský"]
    assert imported.guests[1]["role"] == "předseda spolku"


def test_no_person_from_capitalised_words_of_an_organisation_before_a_verb() -> None:
    imported = recognise(HEAD + "Hosté: Senior Klub přispívá, Jana Malá\n")
    assert names(imported.guests) == ["Jana Malá"]


def test_the_moderator_by_surname_when_one_person_present_has_it() -> None:
    imported = recognise(
        "Zápis z jednání komise\nDne 3. 4. 2023\nPřítomni: Mgr. Monika Čermáková, p. Vladimír Hejnic\n\n"
        "1. Předsedkyně komise Mgr. Čermáková oficiálně zahájila setkání a přivítala přítomné.\n"
    )
    assert imported.moderator == "Mgr. Monika Čermáková"
    assert "moderator" in imported.guesses
    unknown = recognise(
        "Zápis z jednání komise\nDne 3. 4. 2023\nPřítomni: Jana Nová, Petr Malý\n\n"
        "Předsedkyně komise Mgr. Čermáková zahájila setkání.\n"
    )
    assert unknown.moderator is None  # nobody present of that name: no guess


def test_the_recorder_entrusted_with_the_minutes_in_the_accusative() -> None:
    imported = recognise(
        HEAD
        + "Zpracováním zápisu z 3. zasedání pověřil předseda paní Janu Nekardovou, u které je k nahlédnutí.\n"
    )
    assert imported.recorder == "Jana Nekardová"
    assert "recorder" in imported.guesses
    assert recognise(HEAD + "Zapisováním byla pověřena Bc. Eva Malá.\n").recorder == "Bc. Eva Malá"


# --- wrong values the third batch showed --------------------------------------------------------------


def test_pritomni_hoste_are_guests() -> None:
    imported = recognise(
        "Zápis z jednání PS Senioři\nDatum: 5. 11. 2019\nPřítomní členové PS: viz prezenční listina\n"
        "Přítomní hosté: Ing. Lubomír Kaplan (kraj), Bc. Markéta Kubíčková\n"
    )
    assert imported.present == [] and imported.attendance_sheet
    assert names(imported.guests) == ["Ing. Lubomír Kaplan", "Bc. Markéta Kubíčková"]


def test_members_absent_excused_is_a_label_of_its_own() -> None:
    imported = recognise(
        "Zápis z jednání ŘS\nDatum: 30. 8. 2022\nČlenové ŘS přítomni: Ing. Jana Hadrbolcová, Věra Herdová\n"
        "Členové ŘS nepřítomni (omluveni): Ing. Petr Hejma, Mgr. Eva Dušková\n"
        "Členové ŘS nepřítomni: Karel Vlk\n"
    )
    assert names(imported.present) == ["Ing. Jana Hadrbolcová", "Věra Herdová"]
    assert names(imported.excused) == ["Ing. Petr Hejma", "Mgr. Eva Dušková"]
    assert names(imported.absent) == ["Karel Vlk"]


def test_the_moderator_of_a_sentence_is_not_read_past_its_end() -> None:
    imported = recognise(
        "Zápis ze setkání PS Komunita\n\nSetkání se konalo 14. 2. 2023. Setkání zahájil a moderoval Mgr. Dominik "
        "Lakatoš. Na setkání byli přítomni: Renata Horváthová, Bc. Kamil Bandy.\n"
    )
    assert imported.moderator == "Mgr. Dominik Lakatoš"


def test_the_second_line_of_the_title_gives_the_day_not_the_next_meeting() -> None:
    imported = recognise(
        "Zápis z 9. jednání Řídící skupiny KPSS Rakovnicko\n"
        "ze dne 30. 8. 2022, od 13:30 hod., v zasedací místnosti MěÚ Rakovník\n\n"
        "Přítomni: Jana Nová, Petr Malý\n\nDalší jednání ŘS: 25. 10. 2022 v 13:30 hod.\n"
    )
    assert (str(imported.date), imported.time) == ("2022-08-30", "13:30")
    assert imported.place == "v zasedací místnosti MěÚ Rakovník"
    no_day = recognise(
        "Zápis z jednání ŘS\nPřítomni: Jana Nová, Petr Malý\n\nDalší jednání ŘS: 25. 10. 2022\n"
    )
    assert no_day.date is None


# --- misses the third batch showed --------------------------------------------------------------------


def test_a_running_header_after_a_page_number_inside_a_list_is_dropped() -> None:
    imported = recognise(
        "Město Vyškov – Komunitní plánování\n\nZápis z jednání pracovní skupiny Senioři\nDatum: 22. 3. 2021\n\n"
        "Přítomni:\nMgr. Zdeňka Ondrová (Sociální služby)\nIng. Pavel Klíma (MěÚ)\n\nStrana 1 z 2\n"
        "Město Vyškov – Komunitní plánování\n\nMarie Vybíralová (Klub seniorů)\n\nOmluveni: Eva Malá\n"
    )
    assert names(imported.present) == ["Mgr. Zdeňka Ondrová", "Ing. Pavel Klíma", "Marie Vybíralová"]
    assert "Komunitní plánování" in imported.body.split("\n")[0]


def test_narrative_tasks_owned_by_a_titled_surname_an_initial_or_p() -> None:
    assert tasks_of(
        "Ad 2) PhDr. Rösslerová zašle školám nabídku programů do 30. 4. 2022.\n"
        "Sbírka – Horáková E. zajistí do 18. 12. 2022 předání dárků.\n"
        "- p. Kučera zajistí kontakt na agenturu práce do 15. 6. 2022\n"
    ) == [
        ("zašle školám nabídku programů", "PhDr. Rösslerová", "30. 4. 2022"),
        ("zajistí předání dárků", "Horáková E.", "18. 12. 2022"),
        ("zajistí kontakt na agenturu práce", "p. Kučera", "15. 6. 2022"),
    ]


def test_o_colon_names_the_owner_after_t_colon() -> None:
    assert tasks_of("U 2/2022/2 – předložit zprávu radě města, T: 31. 5. 2022, O: Mgr. Radek Slíva\n") == [
        ("U 2/2022/2 – předložit zprávu radě města", "Mgr. Radek Slíva", "31. 5. 2022")
    ]


def test_a_bulleted_task_with_the_owner_first() -> None:
    assert tasks_of(
        "Úkoly:\n• Bc. Wolfová – rozeslat přehled výsledků dotačního řízení – do 9. 9. 2022\n"
        "• Mgr. Vlasák – připravit návrh – do 31. 10. 2022\n"
    ) == [
        ("rozeslat přehled výsledků dotačního řízení", "Bc. Wolfová", "do 9. 9. 2022"),
        ("připravit návrh", "Mgr. Vlasák", "do 31. 10. 2022"),
    ]


def test_a_short_title_with_a_town_and_the_end_without_a_colon() -> None:
    imported = recognise(
        "Zápis PS Děti a rodina, Hodonín, 12. 12. 2023\n\nPřítomni: Nováková J., Malý P.\n"
        "Začátek: 14:00, konec 15:15, místo: OSPOD MěÚ Hodonín\n"
    )
    assert (imported.group, str(imported.date), imported.time) == (
        "Děti a rodina",
        "2023-12-12",
        "14:00-15:15",
    )
    assert names(imported.present) == ["Nováková J.", "Malý P."]


def test_zapisovala_in_a_sentence_and_byli_pritomni_in_a_paragraph() -> None:
    imported = recognise(
        "Zápis ze setkání PS Duševní zdraví\nDatum: 28. 11. 2023\n\nSetkání se konalo v klubovně. Na setkání "
        "byli přítomni: Mgr. Irena Šustková, Ondřej Fiala. Setkání řídila Mgr. Irena Šustková. "
        "Zapisovala Bc. Romana Bártová, DiS.\n"
    )
    assert names(imported.present) == ["Mgr. Irena Šustková", "Ondřej Fiala"]
    assert imported.recorder == "Bc. Romana Bártová, DiS."


def test_a_municipal_police_rank_is_kept_as_written() -> None:
    imported = recognise(HEAD.replace("Jana Nová, Petr Malý", "str. Lukáš Havel, npor. Mgr. Tomáš Valenta"))
    assert names(imported.present) == ["str. Lukáš Havel", "npor. Mgr. Tomáš Valenta"]


# --- misses the fourth batch showed ---------------------------------------------------------------------


def test_people_numbered_inside_an_inline_list() -> None:
    imported = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "Jednání se zúčastnili: 1) Mgr. Jana Nová, 2) Petr Malý, 3) Bc. Eva Veselá",
        )
    )
    assert names(imported.present) == ["Mgr. Jana Nová", "Petr Malý", "Bc. Eva Veselá"]


def test_a_head_written_as_questions() -> None:
    imported = recognise(
        "Zápis ze schůzky koordinační skupiny\n\nKdy: 17. 1. 2024, 13:00–14:30\nKde: MěÚ Vsetín, kancelář 214\n"
        "Kdo: Mgr. Pavlína Orsáková, Ing. Jiří Čáp\nNepřišli: Bc. Ivana Holcová (omluvena), Petr Dub\n\n"
        "Kdo co udělá:\n- Mgr. Orsáková – rozešle harmonogram – do 24. 1. 2024\n"
    )
    assert (str(imported.date), imported.time, imported.place) == (
        "2024-01-17",
        "13:00-14:30",
        "MěÚ Vsetín, kancelář 214",
    )
    assert names(imported.present) == ["Mgr. Pavlína Orsáková", "Ing. Jiří Čáp"]
    assert names(imported.excused) == ["Bc. Ivana Holcová"] and names(imported.absent) == ["Petr Dub"]
    assert [(t["owner"], t["due"]) for t in imported.tasks] == [("Mgr. Orsáková", "24. 1. 2024")]


def test_kdo_in_a_task_block_is_no_attendance() -> None:
    imported = recognise(HEAD + "Úkol: rozeslat zápis\nKdo: Mgr. Eva Malá\nTermín: 20. 4. 2022\n")
    assert names(imported.present) == ["Jana Nová", "Petr Malý"]
    assert [(t["owner"], t["due"]) for t in imported.tasks] == [("Mgr. Eva Malá", "20. 4. 2022")]


def test_the_recorder_after_the_moderator_in_sentences() -> None:
    assert (
        recognise(HEAD + "Jednání vedla Mgr. Alena Malá. Zapsala Bc. Zuzana Dubová.\n").recorder
        == "Bc. Zuzana Dubová"
    )
    both = recognise(HEAD + "Jednání řídila a zapsala Mgr. Tereza Dvořáčková.\n")
    assert (both.moderator, both.recorder) == ("Mgr. Tereza Dvořáčková", "Mgr. Tereza Dvořáčková")


def test_a_first_line_opening_with_dne_gives_date_time_and_place() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Senioři – Bruntál\n\nDne 9. 5. 2023 od 9:00 v Domě s pečovatelskou "
        "službou, Zeyerova 12, Bruntál.\n\nPřítomni: p. Kovář, pí Nováková, Mgr. Dostál\n\n"
        "2. Den seniorů – pí Nováková zajistí do 31. 5. 2023 pronájem sálu.\n"
    )
    assert (str(imported.date), imported.time) == ("2023-05-09", "09:00")
    assert imported.place is not None and imported.place.startswith("v Domě s pečovatelskou službou")
    assert names(imported.present) == ["Kovář", "Nováková", "Mgr. Dostál"]
    assert [(t["owner"], t["due"]) for t in imported.tasks] == [("pí Nováková", "31. 5. 2023")]


def test_the_group_from_a_name_label_and_from_a_title_with_an_adjective() -> None:
    labelled = recognise(
        "Název jednání: PS Senioři | Datum: 4. 4. 2022 | Čas: 13:00\nPřítomni: Jana Nová, Petr Malý\n"
    )
    assert (labelled.group, str(labelled.date)) == ("Senioři", "2022-04-04")
    titled = recognise("Záznam z pracovní schůzky PS Bydlení\nDatum: 4. 4. 2022\nPřítomni: Jana Nová\n")
    assert titled.group == "Bydlení"


def test_dates_written_with_slashes() -> None:
    imported = recognise(
        "Zápis z jednání PS Bydlení\nDatum: 15/03/2023\nPřítomni: Jana Nová\n\nTermín další schůzky: 19/04/2023 v 10:00\n"
        "Usnesení U 2/2020/2 schváleno.\n"
    )
    assert str(imported.date) == "2023-03-15"
    assert imported.next_meeting is not None and imported.next_meeting["date"] == "2023-04-19"


def test_a_surname_alone_is_written_in_full_from_the_attendance() -> None:
    imported = recognise(
        "Zápis z jednání PS Děti\nDatum: 11. 9. 2023\nPřítomni: paní Jana Horká, pan Karel Dlouhý\n\n"
        "Schůzku vedla paní Horká, vedoucí klubu.\n"
    )
    assert imported.moderator == "Jana Horká"


# --- the fifth batch ---------------------------------------------------------------------------------------


def test_a_news_item_about_a_meeting_is_not_minutes() -> None:
    imported = recognise(
        "Aktuality\n\nPracovní skupina Senioři jednala o zimní údržbě\nPublikováno: 12. 1. 2024\n\n"
        "Ve čtvrtek 11. ledna 2024 se na radnici sešla pracovní skupina Senioři. Přítomní zástupci "
        "upozornili na nebezpečné chodníky.\n\nZápis z jednání bude zveřejněn v sekci Komunitní plánování.\n"
    )
    assert not imported.looks_like_minutes
    assert imported.date is None  # a weekday and a day without a time open no head line


def test_an_agenda_prepared_before_the_meeting_is_not_minutes() -> None:
    imported = recognise(
        "Program jednání pracovní skupiny Zaměstnanost\nTermín: 18. 10. 2023 od 13:00 hod.\n\n"
        "1. Zahájení\n2. Různé\n\nPřítomni: …………………\nZapsal: …………………\n"
    )
    assert not imported.looks_like_minutes
    minutes = recognise("Zápis z jednání PS Senioři\nProgram jednání:\n1. Zahájení\nPřítomni: Jana Nová\n")
    assert minutes.looks_like_minutes


def test_time_and_place_in_a_sentence_naming_the_group_between() -> None:
    imported = recognise(
        "Zápis z jednání PS Rodina – 7. 3. 2019\n\nJednání PS Rodina a děti se konalo dne 7. 3. 2019 od 15:00 hod. "
        "v zasedací místnosti MěÚ Kralupy.\n\nPřítomni: Jana Nová, Petr Malý\n"
    )
    assert (imported.time, imported.place) == ("15:00", "v zasedací místnosti MěÚ Kralupy")


def test_a_time_written_in_the_place_label() -> None:
    imported = recognise(HEAD + "Místo: Poradna Nová Šance, Dlouhá 22, od 16:00 do 17:30\n")
    assert (imported.time, imported.place) == ("16:00-17:30", "Poradna Nová Šance, Dlouhá 22")


def test_words_hyphenated_across_lines() -> None:
    imported = recognise(
        "Zápis z jednání Řídící skupiny sociál-\nních služeb Chrudim\nDatum: 21. 11. 2022\n"
        "Přítomni: Ing. Zdeněk Kolář, Mgr. Dana Mach-\nková, Ing. Pavla Frýdek-\nMístková\n"
    )
    assert imported.group == "Řídící skupina sociálních služeb Chrudim"
    assert names(imported.present)[:2] == ["Ing. Zdeněk Kolář", "Mgr. Dana Machková"]


def test_an_attendance_table_with_a_role_column_and_an_excused_note_in_a_cell() -> None:
    imported = recognise(
        "Zápis z jednání\nPracovní skupina: Senioři\nDatum: 30. 5. 2024\n\nPřítomní:\n"
        "Jméno                      Organizace              Funkce v PS\n"
        "Mgr. Blanka Kosová         Arkádie, o. p. s.       vedoucí PS\n"
        "Petr Fischer               uživatel služeb         člen\n\nNepřítomní:\n"
        "Mgr. Věra Dlouhá           Diakonie                členka (omluvena)\n"
        "Ing. Jan Kos               MěÚ                     člen\n\n1. Zahájení\n"
    )
    assert imported.group == "Senioři"
    assert names(imported.present) == ["Mgr. Blanka Kosová", "Petr Fischer"]
    assert names(imported.excused) == ["Mgr. Věra Dlouhá"] and names(imported.absent) == ["Ing. Jan Kos"]


def test_an_attendance_table_exported_with_semicolons() -> None:
    imported = recognise(
        "Zápis z jednání PS Bydlení\nDatum: 24. 4. 2024\n\nPrezence:\nJméno;Organizace;Přítomnost\n"
        "Mgr. Petra Hanusová;Magistrát;přítomna\nIng. Olga Kramná;Armáda spásy;omluvena\nMichal Gebauer;Družstvo;přítomen\n"
    )
    assert names(imported.present) == ["Mgr. Petra Hanusová", "Michal Gebauer"]
    assert names(imported.excused) == ["Ing. Olga Kramná"]


def test_a_semicolon_list_of_surnames_stays_a_list() -> None:
    imported = recognise(HEAD.replace("Jana Nová, Petr Malý", "Novák; Dvořáková; Svobodová"))
    assert names(imported.present) == ["Novák", "Dvořáková", "Svobodová"]


def test_present_per_group_of_a_joint_meeting() -> None:
    imported = recognise(
        "Zápis ze společného jednání PS Senioři a PS Zdravotně postižení\nDne: 10. 10. 2023\n\n"
        "Za PS Senioři přítomni: Mgr. Hana Pelikánová, Bc. Josef Vojtek\nZa PS Zdravotně postižení přítomni: Ing. Luděk Straka\n"
    )
    assert names(imported.present) == ["Mgr. Hana Pelikánová", "Bc. Josef Vojtek", "Ing. Luděk Straka"]


def test_the_time_and_place_after_the_name_of_who_opened_the_meeting() -> None:
    imported = recognise(
        "ZÁPIS\n\nz jednání pracovní skupiny Rodina ze dne 3.6.2015\n\nPřítomni: p. Bartošová, p. Mgr. Kratochvílová\n\n"
        "Jednání zahájila p. Mgr. Kratochvílová v 16.00 hod. v budově MěÚ Litomyšl.\n"
    )
    assert (imported.time, imported.place) == ("16:00", "v budově MěÚ Litomyšl")
    assert imported.moderator == "Mgr. Kratochvílová"


def test_a_one_line_transcript_with_a_task_block_the_moderator_and_a_page_number() -> None:
    imported = recognise(
        "1 Zápis z jednání pracovní skupiny Senioři konaného dne 12. 4. 2018 Přítomni: Mgr. Libuše Vondráčková, "
        "Bc. Martin Kos Omluveni: Bc. Hana Svobodová Jednání zahájila Mgr. Libuše Vondráčková a přivítala přítomné. "
        "1. Katalog Úkol: dodat podklady Zodpovídá: všichni členové Termín: 30. 4. 2018 2. Různé "
        "Příští jednání: 14. 6. 2018 ve 14:00 Zapsal: Bc. Martin Kos 2 Podobné dokumenty\n"
    )
    assert imported.moderator == "Mgr. Libuše Vondráčková"
    assert imported.recorder == "Bc. Martin Kos"
    assert [(t["task"], t["owner"], t["due"]) for t in imported.tasks] == [
        ("dodat podklady", "všichni členové", "30. 4. 2018")
    ]
    assert imported.next_meeting is not None and imported.next_meeting["date"] == "2018-06-14"


def test_a_count_before_the_names_is_no_item_number() -> None:
    imported = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý", "Přítomno: 7 z 10 členů – Mgr. Ivana Bartošová, Bc. Lukáš Fiala"
        )
    )
    assert names(imported.present) == ["Mgr. Ivana Bartošová", "Bc. Lukáš Fiala"]


# --- the sixth batch ---------------------------------------------------------------------------------------


def test_an_abbreviation_of_an_office_after_a_comma_is_no_person() -> None:
    imported = recognise(
        "Zápis z jednání ŘS\nDatum: 28. 3. 2023\n\nPřítomní členové řídící skupiny:\n"
        "Mgr. Ivo Kouřil – místostarosta\nIng. Lenka Habrmanová – Úřad práce ČR, KoP Šumperk\n\n1. Zahájení\n"
    )
    assert names(imported.present) == ["Mgr. Ivo Kouřil", "Ing. Lenka Habrmanová"]


def test_a_group_in_capitals_whose_name_is_an_enumeration() -> None:
    imported = recognise(
        "ZÁPIS Z PRACOVNÍHO SETKÁNÍ – PS DĚTI, MLÁDEŽ A RODINA – MĚSTO BOSKOVICE\nDatum: 8. 2. 2024\nPřítomni: Jana Nová\n"
    )
    assert imported.group == "Děti, mládež a rodina"


def test_attendance_by_organisation_with_a_colon() -> None:
    imported = recognise(
        "Zápis z jednání PS Rodina\nDatum: 8. 2. 2024\n\nPřítomni:\nMěsto Boskovice: Mgr. Radka Skoupá, Bc. Ondřej Holík\n"
        "Charita Blansko: Mgr. Věra Kupková\nSchůzi řídila: Mgr. Radka Skoupá\n\n1. Zahájení\n"
    )
    assert names(imported.present) == ["Mgr. Radka Skoupá", "Bc. Ondřej Holík", "Mgr. Věra Kupková"]
    assert imported.present[2]["org"] == "Charita Blansko"


def test_a_short_title_with_the_working_group_and_the_time_label_with_the_place() -> None:
    imported = recognise(
        "Zápis – online setkání PS Duševní zdraví, 25. 1. 2022\n\nČas: 15:00 – 16:00, Microsoft Teams\n"
        "Účast: Bc. Kamila Rusová, Jakub Novotný\nNeúčast (omluveni): Mgr. Tereza Fojtíková\n"
    )
    assert (imported.group, str(imported.date), imported.time) == (
        "Duševní zdraví",
        "2022-01-25",
        "15:00-16:00",
    )
    assert imported.place == "Microsoft Teams" and "place" in imported.guesses
    assert names(imported.excused) == ["Mgr. Tereza Fojtíková"]


def test_the_present_after_a_sentence_ending_with_se_sesli() -> None:
    imported = recognise(
        "Zápis ze schůzky pracovní skupiny Romové\n\nDne 6. 6. 2019 v 10 hodin se v kanceláři Romské rady sešli:\n"
        "p. Jan Horváth (předseda), Mgr. Petr Kuna (Magistrát)\n\nSchůzku vedl p. Jan Horváth.\n"
    )
    assert names(imported.present) == ["Jan Horváth", "Mgr. Petr Kuna"]
    assert imported.place == "v kanceláři Romské rady"


def test_label_and_value_pairs_side_by_side_with_tabs() -> None:
    imported = recognise(
        "Zápis z jednání PS Senioři\n\nDatum:\t3. 3. 2022\tČas:\t13:00–14:30\n"
        "Místo:\tMěÚ Přelouč\tŘídil:\tBc. Martin Dvořák\n\nPřítomni:\tBc. Martin Dvořák, Jana Nová\n"
    )
    assert (imported.moderator, imported.time) == ("Bc. Martin Dvořák", "13:00-14:30")


def test_owner_colon_task_lines_in_a_task_section() -> None:
    assert tasks_of(
        "Úkoly z jednání:\nMgr. Horká: zjistit nabídku kurzů do 16. 6. 2022\nIng. Holubová: připravit prezentaci do konce června\n"
    ) == [
        ("zjistit nabídku kurzů", "Mgr. Horká", "16. 6. 2022"),
        ("připravit prezentaci", "Ing. Holubová", "do konce června 2022"),
    ]


def test_a_task_a_body_imposes_on_someone_in_the_dative() -> None:
    imported = recognise(
        HEAD + "Usnesení:\nŘS ukládá koordinátorce KPSS zveřejnit zprávu na webu do 15. 4. 2022.\n"
    )
    assert [(t["task"], t["owner"], t["due"]) for t in imported.tasks] == [
        ("zveřejnit zprávu na webu", "koordinátorka KPSS", "15. 4. 2022")
    ]
    assert "tasks.1" in imported.guesses


def test_se_priste_sejdou_is_the_next_meeting() -> None:
    imported = recognise(HEAD + "Členové se shodli, že se příště sejdou 9. 6. 2022 od 13.00 hod.\n")
    assert imported.next_meeting is not None
    assert (imported.next_meeting["date"], imported.next_meeting["time"]) == ("2022-06-09", "13:00")


# --- the seventh batch -------------------------------------------------------------------------------------


def test_a_monitoring_report_and_a_call_for_members_are_not_minutes() -> None:
    for text in (
        "Monitorovací zpráva komunitního plánu města Tábor za rok 2023\n\nZpracovala: Mgr. Petra Holubová\n"
        "Projednáno řídící skupinou dne 12. 3. 2024\nPřítomno bylo průměrně 8 členů.\n",
        "Výzva k zapojení do pracovních skupin\n\nJednání se konají od 14:00. Přihlaste se do 31. 1. 2025.\n",
    ):
        assert not recognise(text).looks_like_minutes, text[:30]


def test_the_head_as_a_two_column_table() -> None:
    imported = recognise(
        "| ZÁPIS | |\n| Jednání | Pracovní skupina Rodina a děti |\n| Datum | 13. 11. 2023 |\n"
        "| Čas | 14:00 – 15:30 |\n| Místo | Komunitní centrum Žirovnice |\n| Zapsala | Mgr. Olga Novotná |\n\n"
        "Přítomni: Mgr. Olga Novotná, Iveta Marková\n"
    )
    assert (imported.group, str(imported.date), imported.time) == (
        "Rodina a děti",
        "2023-11-13",
        "14:00-15:30",
    )
    assert (imported.place, imported.recorder) == ("Komunitní centrum Žirovnice", "Mgr. Olga Novotná")


def test_minutes_in_the_first_person_plural() -> None:
    imported = recognise(
        "Zápis ze schůzky PS Senioři, 2. 10. 2019\n\nSešli jsme se v klubovně Senior centra ve 14 hodin. "
        "Přítomni byli: Marie Stejskalová, Jiří Novák. Omluvil se Josef Dušek.\n"
    )
    assert (imported.time, imported.place) == ("14:00", "v klubovně Senior centra")
    assert names(imported.present) == ["Marie Stejskalová", "Jiří Novák"]
    assert names(imported.excused) == ["Josef Dušek"]


def test_attendance_marked_with_ticks_and_crosses() -> None:
    imported = recognise(
        "Zápis z jednání PS Bydlení\nDatum: 17. 4. 2023\n\nPrezence členů:\n✔ Mgr. Jarmila Kučerová\n"
        "✘ Ing. Renata Bábíková (omluvena)\n✔ Petr Zapletal\n✘ Mgr. Karel Fiala\n\nJednání vedla Mgr. Jarmila Kučerová.\n"
    )
    assert names(imported.present) == ["Mgr. Jarmila Kučerová", "Petr Zapletal"]
    assert names(imported.excused) == ["Ing. Renata Bábíková"] and names(imported.absent) == [
        "Mgr. Karel Fiala"
    ]


def test_the_role_on_the_line_under_each_name() -> None:
    imported = recognise(
        "Zápis z jednání ŘS\nDatum: 5. 9. 2023\n\nPřítomní:\nIng. Jiří Čeřovský\nmístostarosta, předseda ŘS\n"
        "Mgr. Petra Stránská\nvedoucí odboru\nBc. Radek Hanuš\nkoordinátor KPSS\n\nOmluvení: Mgr. Ivana Kratochvílová\n"
    )
    assert names(imported.present) == ["Ing. Jiří Čeřovský", "Mgr. Petra Stránská", "Bc. Radek Hanuš"]
    assert imported.present[1]["role"] == "vedoucí odboru"


def test_tasks_as_kdo_co_do() -> None:
    assert tasks_of(
        "Úkoly:\n→ kdo: Bc. Jan Cibulka | co: ověřit bezbariérovost úřadu | do: 31. 7. 2022\n"
    ) == [("ověřit bezbariérovost úřadu", "Bc. Jan Cibulka", "31. 7. 2022")]


def test_roles_before_the_names() -> None:
    imported = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "Přítomni: vedoucí PS Mgr. Věra Zapletalová, zástupce Klubu seniorů Josef Horák\nZapsala: koordinátorka KPSS Bc. Iva Malá",
        )
    )
    assert names(imported.present) == ["Mgr. Věra Zapletalová", "Josef Horák"]
    assert imported.recorder == "Bc. Iva Malá"
    transcript = recognise(HEAD + "Omluven: Petr Záruba, ověřovatelem Viktor Novotný.\n")
    assert names(transcript.excused) == ["Petr Záruba"]


def test_months_in_roman_numerals() -> None:
    imported = recognise(
        "Zápis z jednání PS Děti\n\nkonaného dne 21. XI. 2022 v 15:00 hod. v Klubu Zrzavá\n\nPřítomni: Jana Nová\n\n"
        "Bc. Hrubá zajistí do 15. XII. 2022 vánoční besídku.\n"
    )
    assert (str(imported.date), imported.time) == ("2022-11-21", "15:00")
    assert [(t["owner"], t["due"]) for t in imported.tasks] == [("Bc. Hrubá", "15. XII. 2022")]


# --- rules drawn from the real batch 121–140 (each with variants written here) ----------------------


def test_an_inline_list_ends_at_a_full_stop_before_a_label_of_something_else() -> None:
    for tail in (
        "Mgr. Eva Malá. Delegující (delegovaný) člen: Ing. Jan Hrubý (Petr Malý).",
        "Mgr. Eva Malá. Zapisovatel určen: Ing. Jan Hrubý",
        "Mgr. Eva Malá Přítomno 3 (na část jednání 2) z 5 členů výboru.",
        "Mgr. Eva Malá Přítomni 3 z 5 členů.",
    ):
        imported = recognise(
            f"Zápis z jednání výboru spolku Lípa ze dne 3. 4. 2014\nPřítomní členové: Jana Nová, Petr Sýkora, {tail}\n"
        )
        assert names(imported.present) == ["Jana Nová", "Petr Sýkora", "Mgr. Eva Malá"], tail
    # An attendance label after the full stop still opens its own list.
    both = recognise(
        "Zápis z jednání výboru spolku Lípa ze dne 3. 4. 2014\nPřítomni: Jana Nová, Eva Malá. Omluveni: Petr Sýkora\n"
    )
    assert names(both.present) == ["Jana Nová", "Eva Malá"]
    assert names(both.excused) == ["Petr Sýkora"]


def test_after_a_sub_label_one_surname_is_a_person() -> None:
    imported = recognise(
        "Zápis z jednání školské rady ze dne 5. 10. 2021\nPřítomni členové:\nZa zřizovatele: Ing. Eva Malá\n"
        "Za rodiče: p.Novák\nZa pedagogy: pí. řed. Mgr. Hrubá, Sýkorová, Mgr. Dubová\nOmluveni: p. Kos\n"
    )
    assert names(imported.present) == ["Ing. Eva Malá", "Novák", "Mgr. Hrubá", "Sýkorová", "Mgr. Dubová"]
    assert names(imported.excused) == ["Kos"]


def test_a_pupils_class_after_a_parent_is_no_part_of_the_name() -> None:
    imported = recognise(HEAD + "Hosté z řad rodičů: p. Kolář 6. A, pí. Malá 4.B, pí. Dubová 1. C\n")
    assert names(imported.guests) == ["Kolář", "Malá", "Dubová"]


def test_courtesy_words_initials_and_titles_glued_to_the_name() -> None:
    imported = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "Přítomni:\nP.Pavel Kos, Mgr.Jan Dub, sestra Marie Malá, bratr Josef Hora, p.Novák, J.Sýkora",
        )
    )
    assert names(imported.present) == [
        "Pavel Kos",
        "Mgr. Jan Dub",
        "Marie Malá",
        "Josef Hora",
        "Novák",
        "J. Sýkora",
    ]


def test_a_list_mostly_of_surnames_keeps_a_first_name_that_is_a_surname() -> None:
    imported = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "PŘÍTOMNI: Hurych, Cejpek, Švec, Ludvík, Král, Bartoň, Dostál Míla, Beneš st., Mgr. Sláma",
        )
    )
    assert names(imported.present) == [
        "Hurych", "Cejpek", "Švec", "Ludvík", "Král", "Bartoň", "Dostál Míla", "Beneš st.", "Mgr. Sláma",
    ]  # fmt: skip
    # A first name and a surname split by a stray comma among full names are still one person.
    split = recognise(
        HEAD.replace("Přítomni: Jana Nová, Petr Malý", "Přítomni: Jana, Nová, Petr Malý, Eva Dubová")
    )
    assert names(split.present) == ["Jana Nová", "Petr Malý", "Eva Dubová"]


def test_a_doctor_of_sciences_after_the_name() -> None:
    imported = recognise(HEAD.replace("Petr Malý", "prof. MUDr. Josef Hora, DSc., Ing. Eva Malá, DrSc."))
    assert names(imported.present) == ["Jana Nová", "prof. MUDr. Josef Hora, DSc.", "Ing. Eva Malá, DrSc."]


def test_who_took_over_the_chairing_leads_the_meeting() -> None:
    for sentence in (
        "Pan Hora se ujal řízení zasedání.",
        "Paní Hora se ujala řízení schůze.",
        "Ujal se řízení jednání pan Hora.",
    ):
        imported = recognise(
            HEAD.replace("Petr Malý", "Mgr. Petr Hora")
            + "1. Volba předsedy\nPředsedou byl zvolen Mgr. Petr Hora.\n"
            + sentence
            + "\n"
        )
        expected = (
            "Mgr. Petr Hora" if not sentence.startswith("Ujal") else None
        )  # the name after: not this rule
        assert imported.moderator == expected, sentence


def test_who_welcomes_those_present_and_takes_them_through_the_agenda_leads() -> None:
    for text in (
        "Předsedkyně RNDr. Malá přivítala přítomné členy a hosty. Seznámila členy s programem jednání.",
        "Předseda spolku p. Josef Hora všechny přítomné úvodem přivítal a poté přistoupil k jednotlivým bodům jednání.",
        "Koordinátor R. Hora přivítal přítomné a seznámil je s programem.",
    ):
        imported = recognise(
            "Zápis z jednání výboru spolku Lípa ze dne 3. 4. 2014\nPřítomni: Josef Hora, Jana Malá, Eva Dubová\n\n"
            + text
            + "\n"
        )
        assert imported.moderator in ("Jana Malá", "Josef Hora", "R. Hora"), text
    # A welcome alone, or a welcome on someone's behalf, does not say who led it.
    for text in (
        "Koordinátorka Mgr. Jana Malá přivítala všechny přítomné a představila nové členy.",
        "Jménem hostitele V. Dubové přítomné přivítal Josef Hora.",
    ):
        imported = recognise(
            "Zápis z jednání výboru spolku Lípa ze dne 3. 4. 2014\nPřítomni: Josef Hora, Jana Malá, Eva Dubová\n\n"
            + text
            + "\n"
        )
        assert imported.moderator is None, text


def test_a_model_of_minutes_to_fill_in_is_not_minutes() -> None:
    for title in (
        "Vzor zápisu ze schůze spolku",
        "Vzorový zápis z jednání výboru",
        "Šablona zápisu z porady",
    ):
        imported = recognise(
            f"{title}\n\nZápis z členské schůze spolku konané dne 3. 4. 2020\n\npřítomni: ……………\nomluveni ……………\n\nzapsal: ……………\n"
        )
        assert not imported.looks_like_minutes, title


def test_a_title_of_minutes_over_a_text_about_minutes_is_not_minutes() -> None:
    imported = recognise(
        "Zápis z jednání ŠR\n\nZápis je jednou z možností, jak uchovat výstupy z jednání školské rady.\n\n"
        "Jeho tvorba není zákonnou povinností. Průběh jednání v zápise být může a nemusí.\n\n"
        "Školská rada má jako orgán školní samosprávy transparentně komunikovat.\n"
    )
    assert not imported.looks_like_minutes
    # Under the same title, one fact of a meeting makes it minutes.
    for fact in (
        "Přítomni: Jana Nová, Petr Malý",
        "Zapsala: Jana Nová",
        "Konáno 3. 4. 2020 v 16:00 v knihovně.",
    ):
        assert recognise(f"Zápis z jednání ŠR\n\n{fact}\n\nŠR projednala rozpočet.\n").looks_like_minutes, (
            fact
        )


def test_present_members_run_into_a_transcript_line() -> None:
    imported = recognise(
        "1 Spolek Lípa Husova 5, Tábor Zápis z členské schůze spolku Lípa ze dne 3. 4. 2014 Přítomní členové: "
        "Ing. Jana Nová, Petr Malý, Eva Dubová. Omluveni: Josef Kos\n"
    )
    assert names(imported.present) == ["Ing. Jana Nová", "Petr Malý", "Eva Dubová"]
    assert names(imported.excused) == ["Josef Kos"]


def test_the_meeting_in_the_genitive_right_after_zapis() -> None:
    for title, group in (
        ("Zápis schůze výboru MO ze dne 6.6.2019:", "Výbor MO"),
        ("Zápis jednání komise sociální ze dne 6. 6. 2019", "Komise sociální"),
        ("Zápis zasedání rady spolku Lípa 6. 6. 2019", "Rada spolku Lípa"),
    ):
        assert recognise(f"{title}\nPřítomni: Jana Nová, Petr Malý\n").group == group, title


def test_za_body_zapsal_and_the_name_on_the_next_line() -> None:
    for signature in ("Za výbor MO zapsala\nH. Nová, jednatelka", "Za výbor spolku zapsal:\nIng. Petr Malý"):
        imported = recognise(HEAD + "1. Došlá pošta\n\n" + signature + "\n")
        assert imported.recorder in ("H. Nová", "Ing. Petr Malý"), signature


def test_nedostavil_se_as_the_label_of_the_absent() -> None:
    imported = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "Přítomni: Jana Nová\nnedostavil se: Jan Němec,\nNedostavili se: Eva Malá",
        )
    )
    assert names(imported.absent) == ["Jan Němec", "Eva Malá"]


def test_konani_gives_the_date_time_and_place() -> None:
    for value, time, place in (
        ("10. února 2010 v hovorně AG v 16.00 hod.", "16:00", "v hovorně AG"),
        ("19. dubna 2007 v 17:30 v knihovně AG", "17:30", "v knihovně AG"),
        ("3. 5. 2021 ve 14:00", "14:00", None),
        ("3. 5. 2021 v úterý", None, None),
    ):
        imported = recognise(
            f"Zápis ze 6. jednání školské rady\n\nKonání:\n{value}\n\nPřítomni: Jana Nová, Petr Malý\n"
        )
        assert imported.date is not None and (imported.time, imported.place) == (time, place), value


def test_the_time_and_place_after_which_the_meeting_was_held() -> None:
    for title, time, place in (
        (
            "Zápis ze zasedání Výboru pro seniory, které se konalo 28. listopadu 2014 od 11:30 h v zasedací místnosti č. 140",
            "11:30",
            "v zasedací místnosti č. 140",
        ),
        (
            "Zápis z jednání výboru Spolku Lípa, jež se uskutečnilo dne 3. 4. 2014 od 9 00 h v areálu školy ve Vlašimi",
            "09:00",
            "v areálu školy ve Vlašimi",
        ),
        ("Zápis z jednání výboru, které se konalo 3. 4. 2014 v 16 30 hod. v klubovně", "16:30", "v klubovně"),
    ):
        imported = recognise(f"{title}\nPřítomni: Jana Nová, Petr Malý\n")
        assert (imported.time, imported.place) == (time, place), title


def test_two_numbers_with_a_space_are_a_time_only_before_the_word_for_hours() -> None:
    imported = recognise(HEAD + "Na schůzi v 16 30 členů hlasovalo.\n")
    assert imported.time is None


def test_acronyms_of_bodies_inside_an_inline_list() -> None:
    imported = recognise(
        "Zápis z jednání výboru spolku Lípa ze dne 3. 4. 2014\nPřítomní: PV: pp. Josef Kos, Jan Dub, Petr Malý. "
        "Eva Hora KRK: p. Petr Lis MAS: p. Dana Malá, Petra Nová Předseda MAS p. Josef Kos přivítal přítomné.\n"
    )
    assert names(imported.present) == [
        "Josef Kos",
        "Jan Dub",
        "Petr Malý",
        "Eva Hora",
        "Petr Lis",
        "Dana Malá",
        "Petra Nová",
    ]


def test_the_recorder_proposed_in_the_accusative() -> None:
    for sentence, recorder in (
        (
            "Na funkci zapisovatele navrhuje p. Petru Tomíčkovou a ověřovatele p. Josefa Kose.",
            "Petra Tomíčková",
        ),
        ("Za zapisovatelku určil předseda paní Janu Novou.", None),  # a role between: not this pattern
        ("Jako zapisovatele jmenoval Ing. Petra Malého.", "Ing. Petr Malý"),
    ):
        imported = recognise(HEAD + "1) Určení zapisovatele\n" + sentence + "\n")
        assert imported.recorder == recorder, sentence


def test_a_deadline_near_the_top_is_no_date_of_the_meeting() -> None:
    imported = recognise(
        "Zápis z jednání školské rady\nPřítomni: Jana Nová, Petr Malý\n1) Volby připraví výbor do 15. 10. 2010.\n"
    )
    assert imported.date is None
    dated = recognise(
        "Zápis z jednání školské rady\nTermín: 19. června 2023, 14:00 hod.\nPřítomni: Jana Nová\n"
    )
    assert str(dated.date) == "2023-06-19"


def test_a_list_flattened_into_one_paragraph() -> None:
    imported = recognise(
        "Zápis ze zasedání školské rady 6/2012\n\n- Uvítání a seznámení s programem - Prohlídka školy a školní kuchyně, "
        "kde je uvolněná dlažba - Volba předsedy a zapisovatele - všichni byli zvoleni v tajném hlasování - "
        "zapisovatelka: **Mgr. Eva Malá** - Projednání a schválení Jednacího řádu - schválen bez připomínek - "
        "Diskuse - počty žáků ve třídách s výhledem na další roky\n"
    )
    assert imported.recorder == "Mgr. Eva Malá"
    # A line with a few dashes stays one line: roles after names.
    roles = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "Přítomni: Jana Nová - ředitelka, Petr Malý - starosta, Eva Dubová - Charita",
        )
    )
    assert names(roles.present) == ["Jana Nová", "Petr Malý", "Eva Dubová"]


def test_a_body_imposes_a_task_in_a_clause_with_aby() -> None:
    for sentence, owner in (
        ("ŠR ukládá předsedovi ŠR, aby svolal další jednání do 31. 10. 2012.", "předseda ŠR"),
        ("Výbor ukládá místostarostovi, aby zajistil opravu do 31. 10. 2012.", "místostarosta"),
        ("Rada ukládá koordinátorce KPSS, aby rozeslala zápis do 31. 10. 2012.", "koordinátorka KPSS"),
    ):
        imported = recognise(HEAD + sentence + "\n")
        assert [(t["owner"], t["due"]) for t in imported.tasks] == [(owner, "31. 10. 2012")], sentence


def test_a_role_or_body_after_the_verb_owns_the_task() -> None:
    for sentence, owner in (
        ("5) Volby připraví výbor do 15. 10. 2022.", "výbor"),
        ("Pozvánky rozešle koordinátorka KPSS do 5. 10. 2022.", "koordinátorka KPSS"),
        ("Rozpočet předloží místostarosta nejpozději do 5. 10. 2022.", "místostarosta"),
    ):
        imported = recognise(HEAD + sentence + "\n")
        assert [t["owner"] for t in imported.tasks] == [owner], sentence
    # A role in another case after the verb is not the one who does it.
    assert recognise(HEAD + "Pozvánky rozešle členům výboru do 5. 10. 2022.\n").tasks == []


def test_the_next_meetings_place_keeps_its_room_number() -> None:
    imported = recognise(HEAD + "Další jednání bude 3. 11. 2022 v 18,00 hod. v místnosti č. 103.\n")
    assert imported.next_meeting is not None and imported.next_meeting["place"] == "místnosti č. 103"


# --- rules drawn from the second real batch 141–149 ----------------------------------------------


def test_sub_headings_without_a_colon_inside_the_attendance() -> None:
    imported = recognise(
        "Zápis ze schůze výboru spolku ze dne 4.11.2015\n\nPřítomni:\n\nVedení školy\nM. Nová – ředitelka\n"
        "K. Malá – zástupkyně\n\nVýbor spolku\nMarkéta Dubová\nJana Hrubá – telefonicky\n\nOmluveny: Alice Holá\n\n"
        "1. Informace ze školy\n"
    )
    assert names(imported.present) == ["M. Nová", "K. Malá", "Markéta Dubová", "Jana Hrubá"]
    assert names(imported.excused) == ["Alice Holá"]


def test_classes_before_parents_and_lines_that_name_no_one() -> None:
    imported = recognise(
        "Zápis z jednání školské rady ze dne 9. 9. 2021\n\nPřítomní zástupci rodičů:\n\n"
        "1.A – zástupce bude zvolen na třídních schůzkách\n\n2.A – paní Helena Nová\n\n3.B – paní Eva Malá\n\n"
        "5.B – za paní Dubovou bude zástupce zvolen\n\npaní Jana Hrubá – zapisuje průběh ŠR\n\nHosté:\n\nMgr. Petr Dub\n"
    )
    assert names(imported.present) == ["Helena Nová", "Eva Malá", "Jana Hrubá"]
    assert names(imported.guests) == ["Mgr. Petr Dub"]


def test_surnames_with_an_initial_after_them_and_courtesy_without_a_dot() -> None:
    imported = recognise(
        "Schůze Výboru spolku – 12.10.2010\n\nPřítomni:\n\npí Losová M.\npí Soukupová M.\np Fridrich M.\n\n"
        "za školu: p. Jetmar J. – ředitel\nučitelky: pí Zátopková, Kopečná, Nekvindová….\n\nomluveni: pí Holá\n"
    )
    assert names(imported.present) == [
        "Losová M.",
        "Soukupová M.",
        "Fridrich M.",
        "Jetmar J.",
        "Zátopková",
        "Kopečná",
        "Nekvindová",
    ]
    assert names(imported.excused) == ["Holá"]


def test_initials_glued_to_surnames_one_a_line() -> None:
    imported = recognise(
        "Školská rada 6.9.2016\n\nPřítomni:\n\nV.Kotíková (za zřizovatele)\nZ.Piknová (za pedagogy)\nH.Chylíková\n\nHost :\nZ.Nová, ředitelka\n"
    )
    assert names(imported.present) == ["V. Kotíková", "Z. Piknová", "H. Chylíková"]


def test_titles_without_zapis_or_without_a_meeting_noun() -> None:
    for title, group in (
        ("Zasedání školské rady 6.9.2016", "Školská rada"),
        ("Schůze Výboru SRPŠ – 12.10.2010", "Výbor SRPŠ"),
        ("Zápis z 8.rady města ze dne 21.2.2011", "Rada města"),
        ("Zápis ze 3. zastupitelstva obce Lhota ze dne 21.2.2011", "Zastupitelstvo obce Lhota"),
        ("Zápis SRPŠ ze dne 7. 11. 2023", "SRPŠ"),
        ("Zápis KV dne 7. 11. 2023", "KV"),
    ):
        assert recognise(f"{title}\n\nPřítomni: Jana Nová, Petr Malý\n").group == group, title


def test_people_there_for_one_item_are_guests() -> None:
    imported = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "Přítomni:\nJana Nová - starostka\nPetr Malý - místostarosta\n\nPřítomni:\nJitka Hora - k bodu 1\n"
            "Štefan Kos - jednatel TS, s.r.o. (k bodu 2)",
        )
    )
    assert names(imported.present) == ["Jana Nová", "Petr Malý"]
    assert names(imported.guests) == ["Jitka Hora", "Štefan Kos"]


def test_the_recorder_by_their_role_in_the_attendance() -> None:
    imported = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "Přítomni:\npaní Jana Nová – zapisuje průběh jednání\nPetr Malý – předseda",
        )
    )
    assert imported.recorder == "Jana Nová"
    two = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý", "Přítomni: Jana Nová – zapisovatelka, Eva Malá – zapisovatelka"
        )
    )
    assert two.recorder is None  # two who write: no one is sure


def test_a_chair_in_a_list_of_members_is_no_moderator() -> None:
    imported = recognise(
        HEAD + "Rekapitulace členů rady\nPředseda – pan Salava\nZa zřizovatele – paní Malá\n"
    )
    assert imported.moderator is None
    labelled = recognise(HEAD + "Předsedkyně: Mgr. Jana Nová\n")
    assert labelled.moderator == "Mgr. Jana Nová"


def test_a_post_that_links_the_minutes_is_not_minutes() -> None:
    for link in ("Zápis ze schůze výboru SRPŠ dne 16. 9. 2019 (pdf)", "Zápis z jednání ke stažení zde"):
        imported = recognise(
            "Schůze výboru SRPŠ dne 16. 9. 2019\n\nV pondělí 16. 9. 2019 se sešel výbor SRPŠ s vedením školy. "
            "Děkuji všem rodičům, kteří se zúčastnili.\n\nMgr. Jana Nová\n\n" + link + "\n"
        )
        assert not imported.looks_like_minutes, link


def test_deadlines_in_the_middle_or_at_the_start_of_a_month() -> None:
    for words in ("do poloviny června", "do začátku října", "do konce května 2024"):
        imported = recognise(HEAD + f"Paní Malá připraví zprávu a {words} ji rozešle.\n")
        assert [(t["owner"], t["due"]) for t in imported.tasks] == [("Paní Malá", words)], words


# --- rules drawn from the third real batch 150–156 -----------------------------------------------


def test_a_committee_meeting_named_by_its_adjective_and_its_place() -> None:
    for title, place in (
        (
            "Zápis z výborové schůze konané v místní restauraci Na Chmelnici. Velitel Josef Kos zahájil tradičně schůzi.",
            "v místní restauraci Na Chmelnici",
        ),
        (
            "Zápis z výborové schůze konané v hasičské zbrojnici ve Svatém Poli, dne 2. 1. 2019.",
            "v hasičské zbrojnici ve Svatém Poli",
        ),
        ("Zápis z výborové schůze konané v klubovně „ U Lípy“ dne 3.7.2017 od 19h.", "v klubovně „ U Lípy“"),
    ):
        imported = recognise(f"{title}\n\nPřítomno členů: 8\nDne: 6. 1. 2019; zapsal: Petr Hora, jednatel\n")
        assert (imported.group, imported.place, imported.recorder) == ("Výbor", place, "Petr Hora"), title
    assert recognise("Zápis z výborové schůze konané dne 5. 3. 2019\n\nZapsal: Jan Kos\n").place is None


def test_who_opened_with_a_time_or_an_adverb_between() -> None:
    for sentence, moderator in (
        ("Milan Hora zahájil v 19h schůzi a seznámil nás s programem.", "Milan Hora"),
        ("Velitel Josef Kos zahájil tradičně schůzi.", "Josef Kos"),
        ("Starosta Petr Malý zahájil v 17:30 jednání.", "Petr Malý"),
    ):
        assert recognise(HEAD + sentence + "\n").moderator == moderator, sentence


def test_zapsal_after_a_semicolon_or_a_count() -> None:
    for line, recorder in (
        ("Dne: 6. 1. 2014; zapsal: Petr Hora, jednatel", "Petr Hora"),
        ("Přítomno: 8 členů zapsal: Hora Petr", "Hora Petr"),
    ):
        assert recognise(HEAD + "1) Zahájení\n\n" + line + "\n").recorder == recorder, line


def test_the_next_committee_meeting_with_glued_superscript_minutes() -> None:
    imported = recognise(
        HEAD + "Příští výborová schůze se bude konat v úterý, dne 6. 2. 2024 od 1900 hod. v restauraci.\n"
    )
    assert imported.next_meeting is not None
    assert (imported.next_meeting["date"], imported.next_meeting["time"]) == ("2024-02-06", "19:00")
    # Four digits without the word for hours are no time (a year, a sum).
    assert recognise(HEAD + "Rozpočet v 2024 Kč byl schválen.\n").time is None


# --- rules drawn from the fourth real batch 157–170 ----------------------------------------------


def test_a_title_after_a_long_heading_in_capitals_of_a_transcript() -> None:
    imported = recognise(
        "Transkript\n\n1 PRACOVNÍ SKUPINA OSOBY SE ZDRAVOTNÍM POSTIŽENÍM A JEJICH PEČUJÍCÍ Zápis ze setkání "
        "Termín konání: úterý Časové rozvržení: 9:00 11:00 Místo konání: radnice, malý sál PROGRAM: "
        "1. Úvod Koordinátorka P. Malá přivítala přítomné a seznámila je s programem.\n"
    )
    assert imported.looks_like_minutes
    assert imported.time == "09:00-11:00"
    # a heading in lower case before `Zápis` is a sentence, not a title
    sentence = recognise("Na webu města je od dnešního dne ke stažení Zápis ze setkání pracovní skupiny.\n")
    assert not sentence.looks_like_minutes


def test_a_welcome_then_the_agenda_at_the_end_of_a_long_sentence() -> None:
    for sentence, moderator in (
        (
            "Koordinátorka KPSS P. Malá přivítala přítomné, představila nové členy, a to za Charitu "
            "Mgr. Janu Novou a za Diakonii Bc. Petra Kose a seznámila je s programem.",
            "P. Malá",
        ),
        (
            "Vedoucí skupiny Eva Horká přivítala všechny přítomné, poděkovala Ing. Malému za pronájem sálu "
            "a seznámila přítomné s programem.",
            "Eva Horká",
        ),
    ):
        assert recognise(HEAD + sentence + "\n").moderator == moderator, sentence
    # a welcome and an introduction without the agenda say nothing of who led the meeting
    assert recognise(HEAD + "Paní Eva Horká přivítala přítomné a představila hosty.\n").moderator is None


def test_za_ucasti_and_zapis_name() -> None:
    imported = recognise(
        "Zápis z porady komise ze dne 3. 3. 2023\n\nZa účasti: Jana Nová, p. Malá, J. Kos\n\n"
        "1. Posvícení\n\nZápis: Petra Malá\n"
    )
    assert names(imported.present) == ["Jana Nová", "Malá", "J. Kos"]
    assert imported.recorder == "Petra Malá"
    # `Zápis:` before something that is no name is no recorder
    assert recognise(HEAD + "Zápis: Schválen bez připomínek\n").recorder is None


def test_an_event_the_body_holds_for_others_is_not_its_next_meeting() -> None:
    imported = recognise(
        "Zápis z jednání sociální komise ze dne 5. 9. 2022\n\nÚčast: Jana Nová, Petr Malý\n\n"
        "Další setkání seniorů proběhne ve středu 12.10. od 15 hodin.\n"
        "Další setkání komise bude 3.10. ve 14 hodin.\n"
    )
    assert imported.next_meeting is not None
    assert (imported.next_meeting["date"], imported.next_meeting["time"]) == ("2022-10-03", "14:00")
    # the members, or people the body's name has, are the body's meeting
    for line, day in (
        ("Další setkání členů proběhne 10.10.2022.", "2022-10-10"),
        ("Další setkání poskytovatelů proběhne 11.10.2022.", "2022-10-11"),
    ):
        found = recognise(
            "Zápis ze setkání poskytovatelů sociálních služeb ze dne 5. 9. 2022\n\nPřítomni: Jana Nová\n\n"
            + line
            + "\n"
        )
        assert found.next_meeting is not None and found.next_meeting["date"] == day, line


def test_the_place_after_the_day_of_a_held_sentence_or_the_titles_next_line() -> None:
    for text, place in (
        (
            "Zápis\nz ustavujícího zasedání Zastupitelstva obce Lhota,\nkonaného dne 3.11.2022, od 17:00 hodin "
            "v sále kulturního domu.\n",
            "v sále kulturního domu",
        ),
        (
            "Zápis z jednání rady\nkonané dne 12. 1. 2023 v zasedací místnosti obecního úřadu\n",
            "v zasedací místnosti obecního úřadu",
        ),
        (
            "Zápis\n\n5. zasedání Rady seniorů (dále jen „RS“) se konalo 14. března 2023 v sídle Charity Louny. "
            "Přítomni: Jana Nová.\n",
            "v sídle Charity Louny",
        ),
    ):
        assert recognise(text + "\nZapsal: Petr Malý\n").place == place, text


def test_the_opener_in_the_passive_and_in_the_instrumental() -> None:
    for sentence, moderator in (
        (
            "Zasedání zastupitelstva bylo zahájeno v 17.05 hodin starostou obce panem Ing. Pavlem Novákem.",
            "Ing. Pavel Novák",
        ),
        ("Jednání bylo zahájeno předsedkyní komise paní Janou Novou (dále jen předsedající).", "Jana Nová"),
    ):
        imported = recognise(HEAD + sentence + "\n")
        assert imported.moderator == moderator, sentence
        assert "moderator" in imported.guesses
    # the passive without a person opening is none
    assert recognise(HEAD + "Jednání bylo zahájeno v 9 hodin projednáním rozpočtu.\n").moderator is None


def test_a_role_with_its_bodys_name_before_the_opener() -> None:
    for text, moderator in (
        (
            "Přítomni: dle prezenční listiny Předseda Rady města pro bezpečnost Jan Kos zahájil jednání v 9 hodin.",
            "Jan Kos",
        ),
        ("Omluveni: nikdo Předsedkyně Výboru pro sociální věci Eva Malá zahájila zasedání.", "Eva Malá"),
    ):
        assert (
            recognise("Záznam z 2. jednání rady ze dne 3. 3. 2023\n\n" + text + "\n").moderator == moderator
        )


def test_a_report_that_tells_the_day_is_not_minutes() -> None:
    for report in (
        "Schůze klubu seniorů\n\nVýroční schůze Klubu seniorů Lhota se konala 7.3.2024 v sokolovně. "
        "Schůzi řídil Mgr. Petr Malý. Schůze se účastnil starosta obce.",
        "Jednání rady seniorů\n\nJednání rady seniorů proběhlo 12. 4. 2023 na radnici. Přítomné přivítala "
        "předsedkyně Jana Nová.",
    ):
        assert not recognise(report).looks_like_minutes, report
    # minutes that head the day as well stay minutes
    minutes = recognise(
        "Jednání rady seniorů ze dne 12. 4. 2023\n\nJednání rady seniorů proběhlo 12. 4. 2023 na radnici. "
        "Přítomné přivítala předsedkyně Jana Nová.\n"
    )
    assert minutes.looks_like_minutes


def test_a_bare_late_time_after_the_titles_day_is_a_stamp_of_the_page() -> None:
    for title, time in (
        ("Zápis z výborové schůze klubu chovatelů, 16.11.2022 23:00", None),
        ("Zápis z výborové schůze klubu chovatelů, 16.11.2022 05:12", None),
        ("Zápis z výborové schůze klubu chovatelů, 16.11.2022 17:00", "17:00"),
        ("Zápis z výborové schůze klubu chovatelů ze dne 16.11.2022 od 18:30 hod.", "18:30"),
    ):
        imported = recognise(title + "\n\nPřítomni: Nová, Malý, Kos\n")
        assert (imported.date is not None, imported.time) == (True, time), title


def test_a_chair_elected_at_the_meeting_is_no_moderator() -> None:
    for text in (
        "Volba předsedy a zapisovatele - všichni byli jednohlasně zvoleni\n- předseda: Mgr. Jana Nová\n",
        "3. Volba předsedkyně rady\npředsedkyně: Ing. Eva Malá\n",
    ):
        assert recognise(HEAD + text).moderator is None, text
    assert recognise(HEAD + "Předseda: Mgr. Jan Kos\n").moderator == "Mgr. Jan Kos"


def test_an_excused_member_for_a_side_followed_by_a_sentence() -> None:
    imported = recognise(
        "Zápis ze zasedání školské rady dne 3. 3. 2023\n\nPřítomni:\n\npaní Jana Nová\n\nOmluveni:\n\n"
        "za zřizovatele – pan Martin Kos (OÚ). Místo pana Kose přišel pan starosta Mgr. Petr Malý, za což "
        "jsme rádi.\n\nProgram:\n\n1. Zahájení\n"
    )
    assert names(imported.excused) == ["Martin Kos"]
    assert names(imported.present) == ["Jana Nová"]


def test_guests_presented_in_the_accusative() -> None:
    imported = recognise(
        HEAD + "Předseda přivítal přítomné a představil hosty: paní Mgr. Novotnou (odbor sociálních věcí), "
        "paní Bc. Malou (vedoucí oddělení prevence a krizového řízení), pana Ing. Petra Kose (Charita) "
        "a paní Mgr. Horskou (ředitelka domova). Poté se přešlo k bodu 2.\n"
    )
    assert names(imported.guests) == ["Mgr. Novotná", "Bc. Malá", "Ing. Petr Kos", "Mgr. Horská"]
    assert "guests" in imported.guesses
    # a surname alone after `pana` does not decline safely: left out
    assert names(recognise(HEAD + "Představil hosty: pana Nováka.\n").guests) == []


def test_a_welcome_then_an_outline_of_the_agenda_in_the_next_sentence() -> None:
    imported = recognise(
        "Záznam ze setkání starostů ze dne 3. 3. 2023\n\nMísto: sál radnice, Lhota\n\nÚvod Místostarosta pan "
        "Karel Malý přivítal přítomné starosty a zástupce obcí a poděkoval jim za spolupráci (projekt MOS). "
        "Dále nastínil program jednání.\n"
    )
    assert imported.moderator == "Karel Malý"


def test_talks_between_parties_and_an_online_meeting() -> None:
    imported = recognise(
        "Zápis z jednání mezi zástupci Dopravního podniku, a. s. a zástupci odborů konaného jako on-line "
        "konference dne 7. 4. 2022\n\nPřítomni: Jan Kos, Eva Malá\n"
    )
    assert imported.group == "Zástupci Dopravního podniku"
    assert imported.place == "on-line"


# --- rules drawn from the misses left on 157–176 -------------------------------------------------


def test_zapis_inside_a_sentence_is_no_title() -> None:
    for text, group in (
        ("Jana Nová zápis z jednání poslala všem členům.", None),
        ("Zápis z jednání poslala Jana Nová všem členům.", None),
        ("Zápis ze zasedání byl schválen bez připomínek.", None),
        ("Zápis z jednání vypracuje paní Eva Malá.", None),
        ("Zápis z jednání pracovní skupiny Senioři", "Senioři"),
        ('Download "Zápis z 3. zasedání Výboru pro sociální věci"', "Výbor pro sociální věci"),
    ):
        assert find_group([text]) == group, text
    # a noun of a doer in `-tel` after the meeting is no verb: the title stands
    assert find_group(["Zápis ze setkání obyvatel obce Lhota"]) is not None


def test_titles_of_a_council_without_a_meeting_noun_or_with_a_spaced_number() -> None:
    for text, group in (
        ("Zápis ze zastupitelstva obce Lhota č.7/2008 konaného dne 27.11.2008", "Zastupitelstvo obce Lhota"),
        ("Zápis z rady města Kosova ze dne 3. 3. 2020", "Rada města Kosova"),
        ("ZÁPIS č. 4 / 2011 ze zasedání Zastupitelstva obce Lhota konaného dne", "Zastupitelstvo obce Lhota"),
        ("1 Průběh zasedání Zastupitelstva obce Vrbno č. 4/2015 konaného dne", "Zastupitelstvo obce Vrbno"),
        ("Průběh jednání komise sociální ze dne 3. 3. 2020", "Komise sociální"),
        ("Zápis z rady přečetl pan starosta.", None),
    ):
        assert find_group([text]) == group, text
    spaced = recognise(
        "Z Á P I S č. 4 / 2011 ze zasedání Zastupitelstva obce Lhota dne 3. 3. 2011\n\nPřítomni: Nová, Kos\n"
    )
    assert spaced.group == "Zastupitelstvo obce Lhota"


def test_the_opener_after_a_comma_and_a_courtesy_word_or_a_body_in_the_passive() -> None:
    for sentence, moderator in (
        (
            "Jednání zastupitelstva obce zahájil a řídil starosta obce, pan Jan Kos, který přivítal hosty.",
            "Jan Kos",
        ),
        ("Zasedání zahájila místostarostka, paní Eva Malá.", "Eva Malá"),
        ("Zastupitelstvo obce Lhota bylo zahájeno v 18.00 hodin starostou obce Petrem Malým.", "Petr Malý"),
        ("Zastupitelstvo bylo zahájeno místostarostkou Janou Novou.", "Jana Nová"),
        # a comma without a courtesy word: a list, no one named as the opener
        ("Jednání zahájil starosta obce, zastupitelé Jan Kos a Eva Malá přednesli zprávu.", None),
    ):
        assert recognise(HEAD + sentence + "\n").moderator == moderator, sentence


def test_the_excused_in_a_sentence_with_jsou_and_courtesy_words() -> None:
    for sentence, excused in (
        (
            "Omluveni jsou pí. Nová, p. Malý a p. Kos, který se možná dostaví později.",
            ["Nová", "Malý", "Kos"],
        ),
        ("Omluvena je paní Eva Malá.", ["Eva Malá"]),
        ("Omluveni byli Jan Kos a Eva Malá.", ["Jan Kos", "Eva Malá"]),
        ("P. Kos a p. Malý by se měli dostavit, omluveni nejsou.", []),
    ):
        imported = recognise("Zápis z jednání komise sociální\nDne 12. 4. 2022\n\n" + sentence + "\n")
        assert names(imported.excused) == excused, sentence


def test_the_recorder_of_the_minutes_in_the_future() -> None:
    for sentence, recorder in (
        ("Zápis z jednání vypracuje paní Gabriela Malá.", "Gabriela Malá"),
        ("Zápis zpracuje Ing. Jan Kos.", "Ing. Jan Kos"),
        ("Zápis ze zasedání pořídí Eva Nová.", "Eva Nová"),
    ):
        assert recognise(HEAD + sentence + "\n").recorder == recorder, sentence


def test_a_page_title_that_lost_its_day_yields_to_the_dated_heading_below() -> None:
    lines = [
        "Zápis z jednání sociální a kulturní komise ze dne",
        "Datum:",
        "10.09.2012",
        "Zápis z porady sociální komise dne 10.9.2012",
    ]
    assert find_group(lines) == "Sociální komise"
    # with its day on the page title's line, the fuller name of the page title still wins
    dated = ["Zápis z jednání sociální a kulturní komise ze dne 10. 9. 2012", lines[3]]
    assert find_group(dated) == "Sociální a kulturní komise"


# --- rules drawn from the fifth real batch 177–188 -----------------------------------------------


def test_other_words_that_head_a_record_of_a_meeting() -> None:
    for text, group in (
        ("Zpráva o jednání Pracovní skupiny Senioři ze dne 12. 3. 2019", "Senioři"),
        ("Zpráva o zasedání Komise sociální ze dne 3. 3. 2020", "Komise sociální"),
        ("1 STENOZÁPIS z 27. zasedání Zastupitelstva města Kosova ze dne", "Zastupitelstvo města Kosova"),
        ("Stenografický záznam z 4. zasedání Zastupitelstva obce Lhota", "Zastupitelstvo obce Lhota"),
        # a report about a talk is no title
        ("Zpráva o činnosti komise za rok 2019", None),
    ):
        assert find_group([text]) == group, text


def test_the_body_before_the_title_on_its_line() -> None:
    for text, group in (
        (
            "Výbor pro výchovu a vzdělávání ZHMP zápis z jednání ze dne 12. září 2011",
            "Výbor pro výchovu a vzdělávání ZHMP",
        ),
        (
            "1 ZASTUPITELSTVO KRAJE VYSOČINA Zápis ze zasedání Číslo zasedání: 12",
            "Zastupitelstvo kraje Vysočina",  # the place after `kraje` keeps its capital
        ),
        ("Komise sociální Zápis ze schůze 3/2020", "Komise sociální"),
        ("Zápis z Krajské konference", "Krajská konference"),
        # a label after the meeting noun is no body; a group's name before a colon is one
        ("Zápis ze zasedání Číslo zasedání: 12", None),
        ("Zápis z jednání PS Senioři: 12. 3. 2019", "Senioři"),
        ("Petr Malý zápis z jednání rozeslal", None),
    ):
        assert find_group([text]) == group, text


def test_labels_of_a_body_in_a_one_line_transcript_and_people_ended_by_brackets() -> None:
    imported = recognise(
        "1 Výbor pro dopravu zápis z jednání ze dne 3. října 2012 Jednání výboru se konalo v místnosti č. 12. "
        "Přítomní členové výboru: Ing. Jana Nová (předsedkyně) Mgr. Petr Malý (místopředseda) Eva Kosová (členka) "
        "Nepřítomní členové výboru: Mgr. Jan Dub (člen) Ing. Ota Lípa (tajemník) Přítomní hosté: Ing. Karel Buk, "
        "CSc. (náměstek) Mgr. Lenka Jílková (ředitelka odboru) a další hosté dle přiložené prezenční listiny Program "
        "a obsah jednání Na úvod předsedkyně uvítala členy.\n"
    )
    assert names(imported.present) == ["Ing. Jana Nová", "Mgr. Petr Malý", "Eva Kosová"]
    assert names(imported.absent) == ["Mgr. Jan Dub", "Ing. Ota Lípa"]
    assert names(imported.guests) == ["Ing. Karel Buk, CSc.", "Mgr. Lenka Jílková"]
    # commas between the people: the brackets are their roles, as before
    listed = recognise(
        HEAD.replace("Přítomni: Jana Nová, Petr Malý", "Přítomni: Jana Nová (ČR), Petr Malý (MěÚ)")
    )
    assert names(listed.present) == ["Jana Nová", "Petr Malý"]


def test_one_day_written_twice_is_no_period() -> None:
    imported = recognise(
        "1 MĚSTO LHOTA Náměstí 8, Lhota ZÁPIS Z AKCE beseda o parku 16. května 2013 od 17:00 hod v zasedací "
        "místnosti MěÚ Lhota Ve čtvrtek 16. května 2013 se v zasedací místnosti uskutečnila beseda.\n"
    )
    assert (imported.date, imported.time, imported.place) == (
        dt.date(2013, 5, 16),
        "17:00",
        "v zasedací místnosti MěÚ Lhota",
    )
    period = recognise("Zápis z porady\nPlatnost od 1. 1. 2018 do 31. 12. 2019\n")
    assert period.date is None


def test_a_report_that_gives_the_day_before_se_konalo_is_not_minutes() -> None:
    report = recognise(
        "06. 01. 2012\n\nZpráva ze 13. zasedání poradního sboru.\n\nDne 21. listopadu 2011 se konalo 13. zasedání "
        "Poradního sboru. Po uvítání všech přítomných představil Mgr. Jan Kos svůj klub.\n"
    )
    assert not report.looks_like_minutes
    minutes = recognise("Dne 21. listopadu 2011 se konalo jednání komise.\n\nPřítomni: Jan Kos, Eva Malá\n")
    assert minutes.looks_like_minutes


def test_excused_named_in_brackets_after_a_count_and_a_time_of_arrival() -> None:
    for line, excused in (
        (
            "Omluveni: 2 členové zastupitelstva obce (Michal Kos a Ivana Malá přijdou později)",
            ["Michal Kos", "Ivana Malá"],
        ),
        ("Omluveni: 1 člen (Jan Dub)", ["Jan Dub"]),
        ("Omluveni: JUDr. Pošta do 10 hod.", ["JUDr. Pošta"]),
        ("Omluveni: Ing. Jan Dub od 11:30 h, Eva Malá", ["Ing. Jan Dub", "Eva Malá"]),
    ):
        imported = recognise("Zápis ze zasedání zastupitelstva obce Lhota dne 3. 3. 2015\n" + line + "\n")
        assert names(imported.excused) == excused, line


def test_guests_end_at_an_attachment_label() -> None:
    imported = recognise(
        "Zápis ze zasedání zastupitelstva dne 3. 3. 2015\nHosté: Mgr. Hajná, MUDr. Petr Kos (bod č. 3), Mgr. Eva "
        "Malá (bod č. 9) Příloha: usnesení č. 749/15\n"
    )
    assert names(imported.guests) == ["Mgr. Hajná", "MUDr. Petr Kos", "Mgr. Eva Malá"]


def test_the_time_and_place_of_a_date_label_whose_day_was_lost() -> None:
    imported = recognise(
        "Zápis ze zasedání zastupitelstva kraje\nDatum a hodina konání: od 9.00 hod. v sídle KÚ\n"
    )
    assert (imported.time, imported.place) == ("09:00", "v sídle KÚ")
    # a placeholder day with no hour in the label gives no time
    assert recognise("Zápis z výborové schůze dne 10.3.2024\nDne: XX.YY.2022 od 00:00h\n").time is None


def test_who_will_write_the_minutes_after_their_job() -> None:
    for sentence, recorder in (
        (
            "Starosta sdělil, že zápis ze zasedání provedou pracovnice úřadu p. Ilona Malá a p. Eva Kosová.",
            "Ilona Malá",
        ),
        ("Zápis pořídí referentka odboru paní Jana Nová.", "Jana Nová"),
    ):
        assert recognise(HEAD + sentence + "\n").recorder == recorder, sentence


def test_sub_headings_with_a_colon_under_the_attendance_and_branches_before_people() -> None:
    imported = recognise(
        "Zápis z Krajské konference\n\n29.06.2019\n\nPřítomni:\n\nVýbor KV:\n\nK. Malý, M. Nová\n\nRevizní komise:\n\n"
        "K. Dub, V. Lípová\n\nHosté:\n\nO. Kos, J. Kosová\n\n\nDelegáti ZKO:\n\nZKO Lhota u Brna, Nováková Eva, DiS.\n\n"
        "ZKO Brantice, Čeplová Dagmar\n\nZKO Frýdlant n.Ostravicí, Ing. Gavlas Bohumil, Cviček Karel\n"
    )
    assert imported.group == "Krajská konference"
    assert names(imported.present) == [
        "K. Malý",
        "M. Nová",
        "K. Dub",
        "V. Lípová",
        "Nováková Eva, DiS.",
        "Čeplová Dagmar",
        "Ing. Gavlas Bohumil",
        "Cviček Karel",
    ]
    assert names(imported.guests) == ["O. Kos", "J. Kosová"]
    # a label of something else with a colon still ends the list
    ended = recognise(
        "Zápis z jednání komise dne 3. 3. 2020\n\nPřítomni:\n\nJan Kos, Eva Malá\n\nProgram:\n\n1. Zahájení\n"
    )
    assert names(ended.present) == ["Jan Kos", "Eva Malá"]


def test_the_place_of_a_held_sentence_with_a_room_number_and_abbreviations() -> None:
    imported = recognise(
        "Výbor pro dopravu zápis z jednání ze dne 3. října 2012\n\nJednání výboru pro dopravu (dále jen výbor) dne "
        "3. října 2012 se konalo v místnosti č. 349 budovy Magistrátu hl. m. Prahy, bylo zahájeno v 10 hod.\n"
    )
    assert imported.place == "v místnosti č. 349 budovy Magistrátu hl. m. Prahy"


def test_a_post_nominal_ma_without_a_comma() -> None:
    imported = recognise(HEAD + "Omluveni: Mgr. Klára Nová M.A., Mgr. Petr Kos, Eva Malá M.Sc.\n")
    assert names(imported.excused) == ["Mgr. Klára Nová, M.A.", "Mgr. Petr Kos", "Eva Malá, M.Sc."]


# --- guards on two rules of the fifth batch (a reviewer's risks) -----------------------------------


def test_a_place_whose_own_name_opens_with_na_or_v_stays_whole() -> None:
    for place in (
        "v restauraci Na růžku",
        "v kavárně V zahradě",
        "v klubovně Na hrázi",
        "v sále Po schodech",
    ):
        imported = recognise(
            f"Zápis z jednání pracovní skupiny Senioři\nDne 5. 3. 2024 od 9:00 hod. {place}\n"
        )
        assert imported.place == place, place
    # the next sentence of a transcript still ends the place
    for rest in (
        "Ve čtvrtek 5. března se sešli členové.",
        "V pondělí proběhla schůzka.",
        "Dne 5. 3. 2024 se sešli členové.",
        "Na úvod přivítala předsedkyně členy.",
        "Po přivítání přítomných zahájila jednání.",
    ):
        imported = recognise(
            f"Zápis z jednání pracovní skupiny Senioři\nDne 5. 3. 2024 od 9:00 hod. v zasedací místnosti MěÚ {rest}\n"
        )
        assert imported.place == "v zasedací místnosti MěÚ", rest


def test_a_noun_in_l_after_the_meeting_noun_is_no_verb() -> None:
    for text in (
        "Zápis ze schůze kapely Rovina",
        "Zápis ze zasedání kola vyjednávání",
        "Zápis ze schůze oddílu sokola Lhota",
    ):
        assert find_group([text]) is not None, text
    # the past forms are verbs still: a sentence, no title
    for text in (
        "Zápis z jednání byly rozeslány členům.",
        "Zápis z jednání měly členky k dispozici.",
        "Zápis z jednání schválily členky bez připomínek.",
        "Zápis z jednání poslala Jana Nová všem členům.",
        "Zápis ze zasedání byl schválen bez připomínek.",
        "Zápis z jednání chtěla Eva Malá doplnit.",
    ):
        assert find_group([text]) is None, text


# --- rules drawn from the sixth real batch 189–200 --------------------------------------------------


def test_prezencni_listina_written_out_with_its_bullets_in_one_line() -> None:
    imported = recognise(
        "Zápis ze schůze výboru klubu Lípa Datum konání: 15.10. 2008, od 20:00 hod Místo konání: klubovna "
        "klubu Lípa Prezenční listina: ♦ Jan Dub, předseda klubu ♦ Eva Malá, správce bloku B (příchod 20:15) "
        "♦ Petr Kos, správce sítě Hosté:\n♦ ♦ ♦ ♦\nOmluveni: ♦ Ota Lípa, správce bloku D ♦ Jana Nová, správce webu\n"
    )
    assert imported.place == "klubovna klubu Lípa"
    assert names(imported.present) == ["Jan Dub", "Eva Malá", "Petr Kos"]
    assert names(imported.excused) == ["Ota Lípa", "Jana Nová"]
    # on its own line, with the names one a line
    listed = recognise(
        "Zápis z jednání PS Senioři dne 3. 3. 2024\nPrezenční listina:\nJana Nová\nPetr Malý\n"
    )
    assert names(listed.present) == ["Jana Nová", "Petr Malý"]
    # the sheet only named: no one present, the sheet noted
    sheet = recognise("Zápis z jednání PS Senioři dne 3. 3. 2024\nPrezenční listina: viz příloha\n")
    assert sheet.present == []


def test_a_program_label_glued_to_the_last_person_of_a_list() -> None:
    imported = recognise(
        "Zápis z jednání výboru sociálního dne 3. 3. 2024 Přítomni: Jana Nová, Petr Malý Omluveni: R. Fiala, "
        "MUDr. Koblása, Program jednání: 1. Zahájení 2. Různé\n"
    )
    assert names(imported.present) == ["Jana Nová", "Petr Malý"]
    assert names(imported.excused) == ["R. Fiala", "MUDr. Koblása"]


def test_a_bullet_with_a_wide_gap_before_its_item_is_no_column() -> None:
    imported = recognise(
        "Zápis z 2. zasedání sociální komise\nkonaného dne 29. srpna 2001\n\nPřítomni:\n\n"
        "-         10 členů sociální komise – viz presenční listina\n\n"
        "-         Ing. Jana Nová – společnost GAREP\n\n-         JUDr. Eva Malá – vedoucí odboru\n\nProgram:\n"
    )
    assert names(imported.present) == ["Ing. Jana Nová", "JUDr. Eva Malá"]
    # a real table with a run of spaces between its cells keeps its columns
    table = recognise(
        "Zápis z jednání PS Senioři dne 3. 3. 2024\nPřítomni:\nJana Nová         Charita\nPetr Malý         MěÚ\n"
    )
    assert names(table.present) == ["Jana Nová", "Petr Malý"]


def test_an_adjective_after_the_body_noun_and_a_board_in_the_genitive() -> None:
    for text, group in (
        (
            "Zápis z 24. jednání výboru zdravotního Zastupitelstva Královéhradeckého kraje",
            "Výbor zdravotní Zastupitelstva Královéhradeckého kraje",
        ),
        ("Zápis ze zasedání výboru finančního", "Výbor finanční"),
        ("Zápis ze zasedání rady seniorské", "Rada seniorská"),
        ("Zápis ze schůze představenstva klubu Pod-O-Lee", "Představenstvo klubu Pod-O-Lee"),
        ("Zápis z jednání předsednictva Rady seniorů", "Předsednictvo Rady seniorů"),
        # an adjective before another lower-case noun goes with that noun
        ("Zápis ze schůze výboru rodičovského sdružení", "Výbor rodičovského sdružení"),
    ):
        assert find_group([text]) == group, text


def test_the_chair_who_welcomes_and_presents_the_programme_or_named_before_a_role() -> None:
    welcomed = recognise(
        "Zápis z 2. zasedání sociální komise dne 29. 8. 2001\n\n1. Zahájení\nPředseda Bc. Jan Dub přivítal všechny "
        "přítomné a přednesl program 2. zasedání sociální komise, který byl přijat.\n"
    )
    assert welcomed.moderator == "Bc. Jan Dub"
    named = recognise(
        "Zápis z 24. jednání výboru zdravotního dne 3. 3. 2024\nK bodu 1 Zahájení MUDr. Jiří Kos, předseda výboru "
        "zdravotního Zastupitelstva kraje přivítal přítomné členy výboru, uvítal hosty a v 10 hodin zahájil a dále "
        "řídil jednání výboru.\n"
    )
    assert named.moderator == "MUDr. Jiří Kos"
    # a name and a role, then someone else's welcome: no moderator from the role alone
    other = recognise(
        "Zápis z jednání výboru dne 3. 3. 2024\nMUDr. Jiří Kos, předseda výboru, poděkoval za pozvání. "
        "Jednání bylo ukončeno.\n"
    )
    assert other.moderator is None


def test_a_letter_that_sends_minutes_is_not_minutes() -> None:
    letter = recognise(
        "Zápis z VČS s přílohami a zápis z VS 5.3.2023\n\nVážené přítelkyně, vážení přátelé,\n\n"
        "konečně jsem shromáždil všechny podklady pro zápisy z obou schůzí, které se konaly dne 5.3.2023.\n\n"
        "Zdraví\nJ. Petr\n"
    )
    assert not letter.looks_like_minutes
    # minutes that greet those present under their attendance stay minutes
    minutes = recognise(
        "Zápis ze schůze výboru dne 5. 3. 2023\nVážení členové výboru,\nPřítomni: Jana Nová, Petr Malý\n"
        "Zapsala: Jana Nová\n"
    )
    assert minutes.looks_like_minutes


def test_the_place_of_a_title_whose_day_and_hour_were_lost() -> None:
    imported = recognise(
        "Z á p i s z 24. jednání výboru zdravotního Zastupitelstva kraje, konaného dne od hod., v zasedací "
        "místnosti Karla Čapka (N2.903) RegioCentrum, Hradec Králové Přítomni: dle prezenční listiny\n"
    )
    assert imported.date is None
    assert imported.place == "v zasedací místnosti Karla Čapka (N2.903) RegioCentrum, Hradec Králové"
    # a day kept in the title: its own place, as before
    kept = recognise("Zápis z jednání výboru konaného dne 5. 3. 2024 v zasedací místnosti MěÚ\n")
    assert kept.place == "v zasedací místnosti MěÚ"


# --- rules drawn from the seventh real batch 201–212 ------------------------------------------------


def test_a_list_of_tasks_flattened_into_one_line_of_a_transcript() -> None:
    assert tasks_of(
        "4) Výbor schválil tyto úkoly: - Opravit plot u hřiště – termín listopad 2022 ( zodpovídá Novák Petr ) "
        "- Zaplatit pojištění termín 15.1.2023 (zodpovídá Malá Jana) - Připravit ples Úkol zajištění hudby "
        "(Dvořák Jan) trvá. 5) Různé Předseda poděkoval přítomným.\n"
    ) == [
        ("Opravit plot u hřiště", "Novák Petr", "listopad 2022"),
        ("Zaplatit pojištění", "Malá Jana", "15.1.2023"),
        ("Připravit ples", None, None),
        ("zajištění hudby", "Dvořák Jan", None),
    ]
    # the owner after `zajistí` in an item, the day the task is set for, brackets that name no one
    assert tasks_of(
        "Výbor schválil následující úkoly: - Zúčastnit se soutěže v Lázních (muži, ženy) - Uklidit sklad dne "
        "6.8. - vyhlášení zajistí Malý P. a Nová J. - Zkontrolovat hydranty – termín 30.9.2022 Konec schůze.\n"
    ) == [
        ("Zúčastnit se soutěže v Lázních (muži, ženy)", None, None),
        ("Uklidit sklad dne 6.8.", "Malý P. a Nová J", "6.8. 2022"),
        ("Zkontrolovat hydranty", None, "30.9.2022"),
    ]


def test_a_flattened_list_of_tasks_on_the_lines_after_its_sentence() -> None:
    items = " - ".join(
        [
            "Provést nábor dětí – Malý Jos. ml.",
            "Vyměnit chladič – Nový Lub.",
            "Natřít terče – Gabriel Jiří",
            "Zajistit odznaky (70 ks) – Bárta V. st.",
            "Svolat schůzi na 13.5.2022 – Michálek Jos.",
        ]
    )
    assert tasks_of(
        f"3) Kontrola úkolů 4) Výbor odsouhlasil následující úkoly: - {items} 5) Diskuse proběhla.\n"
    ) == [
        ("Provést nábor dětí", "Malý Jos. ml.", None),
        ("Vyměnit chladič", "Nový Lub.", None),
        ("Natřít terče", "Gabriel Jiří", None),
        ("Zajistit odznaky (70 ks)", "Bárta V. st.", None),
        ("Svolat schůzi na 13.5.2022", "Michálek Jos.", None),
    ]
    # `Nové úkoly:` heading labelled blocks is no sentence that opens such a list
    assert tasks_of("Nové úkoly:\nÚkol: svolat jednání\nOdpovědnost: Petr Malý\nTermín: září 2022\n") == [
        ("svolat jednání", "Petr Malý", "září 2022")
    ]


def test_tasks_whose_owner_follows_a_dash_and_an_owner_word() -> None:
    assert tasks_of(
        "Úkoly:\n\nZajistit průběh turnaje – zodpovídá V. Sláma a R. Pátek\n\n"
        "Zprůhlednit půjčování hřiště – odpovídají M. Čížek a J. Vošmik – průběžně\n\n"
        "Zapsat nové hráče – zodpovídá průběžně V. Sláma\n"
    ) == [
        ("Zajistit průběh turnaje", "V. Sláma a R. Pátek", None),
        ("Zprůhlednit půjčování hřiště", "M. Čížek a J. Vošmik", "průběžně"),
        ("Zapsat nové hráče", "V. Sláma", "průběžně"),
    ]
    # numbered items of the running text, and `– úkol pro …` at an item's end
    assert tasks_of(
        "1. Informace o financích\n2. Výběr příspěvků u všech oddílů – zodpovídají jejich vedoucí\n"
        "3. Je nutno zajistit sponzory – úkol pro celý výbor\n4. Za hospodaření zodpovídá pokladník.\n"
    ) == [
        ("Výběr příspěvků u všech oddílů", "jejich vedoucí", None),
        ("Je nutno zajistit sponzory", "celý výbor", None),
    ]


def test_one_task_for_several_owners_in_the_accusative() -> None:
    assert tasks_of("Úkol pro J. Nováka, L. Malou a P. Dvořáka: Oslovit nové členy.\n") == [
        ("Oslovit nové členy", "J. Novák, L. Malá a P. Dvořák", None)
    ]


def test_the_opener_as_short_minutes_write_a_surname() -> None:
    opened = recognise(
        "Zápis z výborové schůze SDH dne 6.5.2022 Přítomni: Novák Jan, Malý Petr 1) Jednání zahájil v 19.35 "
        "hodin Novák J. st., přivítal přítomné.\n"
    )
    assert opened.moderator == "Novák J. st."
    assert (
        recognise(
            "Zápis ze schůze výboru dne 6.5.2022\nSchůzi výboru zahájil bratr Novák ml., přivítal členy.\n"
        ).moderator
        == "Novák ml."
    )
    # a surname alone stays too little (test_no_moderator_from_a_declined_or_partial_name)
    assert (
        recognise("Zápis ze schůze výboru dne 6.5.2022\nSchůzi výboru zahájil p. Muchna.\n").moderator is None
    )
    # a bare capitalised word after the verb is no surname, nor a title after `p.` (see
    # test_the_time_and_place_after_the_name_of_who_opened_the_meeting)
    assert recognise("Zápis ze schůze výboru dne 6.5.2022\nSchůzi zahájil Starosta obce.\n").moderator is None
    assert (
        recognise("Zápis ze schůze výboru dne 6.5.2022\nSchůzi zahájila p. Mgr. Malá.\n").moderator != "Mgr"
    )


def test_those_not_present_who_are_also_excused_are_no_absent() -> None:
    imported = recognise(
        "Zápis ze schůze výboru dne 6. 5. 2022\nPřítomni: Jan Novák, Petr Malý\n"
        "Nepřítomni: Eva Malá, Jiří Dvořák, Olga Nová\nOmluveni: Jiří Dvořák, Olga Nová\n"
    )
    assert names(imported.absent) == ["Eva Malá"]
    assert names(imported.excused) == ["Jiří Dvořák", "Olga Nová"]


def test_a_date_that_lost_the_dot_after_its_month() -> None:
    assert recognise("Zápis ze schůze 1.7 2019\nPřítomni: Jana Nová, Petr Malý\n").date == dt.date(2019, 7, 1)
    # a decimal number before a year, or a time, is no date
    assert recognise("Zápis ze schůze výboru\nRozpočet 2.5 2019 navýšen.\n").date is None
    assert recognise("Zápis ze schůze výboru 3. 5. 2019\nZačátek v 19.30 2019 členů.\n").date == dt.date(
        2019, 5, 3
    )


def test_the_acronym_of_a_body_alone_after_zapis_z() -> None:
    assert find_group(["Zápis z VV z 28. 4. 2020"]) == "VV"
    assert find_group(["Zápis z ŘS KPSS ze dne 3. 5. 2020"]) == "ŘS KPSS"
    # a lower-case word is no acronym, nor a date without a year
    assert find_group(["Zápis z VV z 28. 4."]) != "VV z 28. 4."


def test_visitors_of_a_council_are_guests() -> None:
    imported = recognise(
        "Zápis jednání Rady č. 8/2019 konané dne 03.12.2019\n\n • Návštěva: Dominik, Samson\n"
    )
    assert names(imported.guests) == ["Dominik", "Samson"]


def test_an_article_about_minutes_under_a_question_with_a_reading_time_is_not_minutes() -> None:
    article = recognise(
        "Zápis ze schůze nebo jednání: Co musí obsahovat a jak je napsat?\n\nJUDr. Jan Novák\n28. ledna 2025\n"
        "7 minut čtení\n\nZapisujeme na schůzích. V seznamu přítomných zmiňte funkce (předseda, zapisovatel).\n"
    )
    assert not article.looks_like_minutes
    # minutes with their title stay minutes though a page shows a reading time
    minutes = recognise(
        "Zápis ze schůze výboru dne 28. 1. 2025\n3 minuty čtení\nPřítomni: Jana Nová, Petr Malý\nZapsala: Jana Nová\n"
    )
    assert minutes.looks_like_minutes


# --- rules drawn from the eighth real batch 213–224 ------------------------------------------------


def test_a_run_of_people_without_commas_splits_at_their_titles() -> None:
    imported = recognise(
        "Zápis č. 2 ze zasedání Výboru pro dopravu ze dne 4. 5. 2016 Přítomni: Ing. Jan Malý - předseda "
        "Bc. Eva Nová Mgr. Petr Dub Karel Veselý Olga Malá Ing. Jiří Vrba Nepřítomni: Ing. Ota Král "
        "Omluveni: Bc. Iva Lysá, DiS. Ing. Tomáš Hrubý Tajemník výboru: Alena Křížová Hosté: PhDr. Jan Sýkora "
        "Mgr. Dana Horká Pavel Bílý Jana Černá Bc. Ota Malý Program: 1. Kontrola usnesení\n"
    )
    assert names(imported.present) == [
        "Ing. Jan Malý", "Bc. Eva Nová", "Mgr. Petr Dub", "Karel Veselý", "Olga Malá", "Ing. Jiří Vrba",
    ]  # fmt: skip
    assert names(imported.absent) == ["Ing. Ota Král"]
    assert names(imported.excused) == ["Bc. Iva Lysá, DiS.", "Ing. Tomáš Hrubý"]
    assert names(imported.guests) == [
        "PhDr. Jan Sýkora",
        "Mgr. Dana Horká",
        "Pavel Bílý",
        "Jana Černá",
        "Bc. Ota Malý",
    ]
    # a person and whom they stand in for stay one, as do two titled names in a row
    stand_in = recognise(
        "Zápis z jednání PS Senioři dne 3. 4. 2022\nPřítomni: Ing. Karel Dub (zástup za Mgr. Petra Lise), "
        "Bc. Jan Matějka – zastupuje Mgr. Pavla Rumla, Jana Nová\n"
    )
    assert [p["name"] for p in stand_in.present][:2] == ["Ing. Karel Dub", "Bc. Jan Matějka"]
    # an odd count of bare words between titles is not cut into pairs
    odd = recognise(
        "Zápis z jednání výboru dne 3. 4. 2022\nPřítomni: Ing. Jan Malý Bc. Eva Nová Karel Veselý Malá "
        "Mgr. Petr Dub\n"
    )
    assert "Karel Veselý" not in names(odd.present)


def test_the_verifiers_or_a_secretary_end_an_inline_list() -> None:
    imported = recognise(
        "Zápis z jednání výboru\nPraha, 10. února 2015 Přítomni: dle prezenční listiny Omluveni: Malý, Nová "
        "Hosté: Adamcová, Hanoldová, Bartošová ze SZIF Ověřovatelé zápisu: Florian, Zemanová Jednání "
        "zahájeno v 10:00.\n"
    )
    assert names(imported.guests) == ["Adamcová", "Hanoldová", "Bartošová"]
    verifiers = recognise(
        "Zápis z jednání výboru 3. 4. 2022\nPřítomni: Jana Nová, Petr Malý Zapisovatelka: Eva Veselá\n"
    )
    assert names(verifiers.present) == ["Jana Nová", "Petr Malý"]


def test_the_opening_done_by_a_named_chair() -> None:
    for opening, who in (
        ("Zahájení provedl předseda František Winter a vyzval k doplnění programu.", "František Winter"),
        (
            "Zahájení jednání provedl předseda Ing. František Winter a přivítal přítomné.",
            "Ing. František Winter",
        ),
        ("Zahájení provedla místopředsedkyně Jana Nová, omluvila předsedu.", "Jana Nová"),
    ):
        assert recognise(f"Zápis z jednání výboru dne 3. 4. 2022\n{opening}\n").moderator == who
    # the opening of a conference by someone else's name in the genitive is no moderator
    assert (
        recognise("Zápis z jednání výboru dne 3. 4. 2022\nZahájení konference proběhlo včas.\n").moderator
        is None
    )


def test_a_town_and_the_day_before_the_attendance() -> None:
    for head, town in (
        ("1 Praha, 10. února 2015 Přítomni: dle prezenční listiny", "Praha"),
        ("Konstantinovy Lázně, 15. října 2014\nPřítomni: dle prezenční listiny", "Konstantinovy Lázně"),
        ("Hanušovice, Přítomni: dle prezenční listiny", "Hanušovice"),
        ("Ústí nad Orlicí, 3. 4. 2022 Přítomni: Jana Nová, Petr Malý", "Ústí nad Orlicí"),
    ):
        assert recognise(f"Zápis z jednání výboru\n{head}\nJednání zahájeno v 10:00.\n").place == town
    # the day the minutes were written, at the end, and a town with no attendance after it are no place
    assert (
        recognise("Zápis z jednání výboru 3. 4. 2022\nPřítomni: Jana Nová\nV Ostravě 9. 4. 2022\n").place
        is None
    )
    assert recognise("Zápis z jednání výboru\nBrno, 3. 4. 2022\nProgram: 1. Zahájení\n").place is None


def test_the_start_of_the_meeting_without_a_colon() -> None:
    assert (
        recognise("Zápis z jednání Komise pro seniory 8.4.2015\nZačátek jednání 16:00 hodin\n").time
        == "16:00"
    )
    assert recognise("Zápis ze schůze 8.4.2015\nZačátek setkání v 9.30 hod.\n").time == "09:30"
    # a time far after the words is something else's
    late = "Zápis ze schůze 8.4.2015\nPřítomni: Jana Nová, Petr Malý\nZačátek jednání se posunul, host dorazil až v 16:00.\n"
    assert recognise(late).time is None


def test_the_excused_after_a_comma_on_the_line_of_those_present() -> None:
    imported = recognise(
        "Zápis z jednání zastupitelstva obce ze dne 8. 3. 2012\n"
        "Přítomni: dle prezenční listiny přítomno 14 zastupitelů, omluven Tomáš Dušek\n"
    )
    assert names(imported.present) == [] and names(imported.excused) == ["Tomáš Dušek"]
    listed = recognise(
        "Zápis ze schůze dne 8. 3. 2012\nPřítomni: Jana Nová, Petr Malý, omluvena Mgr. Eva Veselá\n"
    )
    assert names(listed.present) == ["Jana Nová", "Petr Malý"]
    assert names(listed.excused) == ["Mgr. Eva Veselá"]
    # `Omluveni:` as a label is read as before
    labelled = recognise("Zápis ze schůze dne 8. 3. 2012\nPřítomni: Jana Nová\nOmluveni: Petr Malý\n")
    assert names(labelled.excused) == ["Petr Malý"]


def test_a_meeting_with_others_is_no_next_meeting_of_the_body() -> None:
    head = "Zápis z jednání sociální komise dne 14.3.2011\nÚčast: Jana Nová, Petr Malý\n"
    for event in ("Příští setkání se seniory proběhne 13.5.2011.", "Příští setkání s rodiči bude 13.5.2011."):
        assert recognise(head + event + "\n").next_meeting is None
    # `se` of a verb, and a meeting with the members, are the body's own
    for own in (
        "Příští setkání se uskuteční 13.5.2011.",
        "Příští setkání s členy komise proběhne 13.5.2011.",
    ):
        found = recognise(head + own + "\n").next_meeting
        assert found is not None and found["date"] == "2011-05-13"


def test_a_transcript_titled_by_its_first_sentence_names_no_group() -> None:
    assert (
        find_group(["Jednání zahájeno v 10:00. Z jednání pořízen audio záznam.", "Praha, 10. února 2015"])
        is None
    )
    assert find_group(["Setkání bylo ukončeno v 12:00."]) is None
    # a title of the meeting with the body after it still names the body
    titled = find_group(["Jednání pracovní skupiny Senioři"])
    assert titled is not None and titled.endswith("skupina Senioři")


def test_tasks_numbered_by_the_meeting_that_set_them() -> None:
    # on lines of their own: `Úkol 3/26:` is a task label like `Úkol:`
    assert tasks_of("Úkol 3/26: Naplnit seznam kontaktů.\nTermín: průběžně\n") == [
        ("Naplnit seznam kontaktů.", None, "průběžně")
    ]
    # run into one line of a transcript, each under the body that owns it; the next sentence ends the deadline
    assert tasks_of(
        "1. Kontrola úkolů Úkol 3/26: Naplnit seznam kontaktů. Oslovit starosty. Termín: průběžně Novák "
        "informuje o stavu. A) PS Propagace Úkol 1/28: Připravit koncepci výstav. Termín: jednání 1 / 2012, "
        "podle plánu. Úkol pokračuje B) Komise pro dotace Úkol 1/30: Zjistit pravidla výzvy. Termín: 30. 4. 2012\n"
    ) == [
        ("Naplnit seznam kontaktů. Oslovit starosty.", None, "průběžně"),
        ("Připravit koncepci výstav.", "PS Propagace", "jednání 1 / 2012"),
        ("Zjistit pravidla výzvy.", "Komise pro dotace", "30. 4. 2012"),
    ]
    # a page title that repeats one of them adds no task
    titled = recognise(
        "Úkol 1/28: Připravit koncepci výstav.\n\nHanušovice, Přítomni: dle prezenční listiny\n"
        "Kontrola úkolů Úkol 3/26: Naplnit seznam. Termín: průběžně Úkol 1/28: Připravit koncepci výstav. "
        "Termín: jednání 1 / 2012\n"
    )
    assert [t["due"] for t in titled.tasks] == ["průběžně", "jednání 1 / 2012"]


def test_a_resolution_names_the_body_when_no_title_does() -> None:
    assert find_group(
        ["Konstantinovy Lázně, 15. října 2014", "Usnesení 1/61: Výbor NS MAS schvaluje přijetí."]
    ) == ("Výbor NS MAS")
    assert (
        find_group(["Text", "Usnesení č. 5/2020: Rada obce Lhota bere na vědomí zprávu"]) == "Rada obce Lhota"
    )
    # the body alone, with no name, says too little; a title still comes first
    assert find_group(["Text", "Usnesení: Komise schvaluje program"]) is None
    assert find_group(["Zápis z jednání Komise pro seniory", "Usnesení 1: Rada města Lhota schvaluje"]) == (
        "Komise pro seniory"
    )


# --- rules drawn from the ninth real batch 225–236 ---------------------------------------------------


def test_initials_after_a_comma_are_a_title_of_the_person_before() -> None:
    for line in (
        "Přítomni: Eva Malá, Bc. Petr Nový, R. N. (vedoucí), Mgr. Jana Zelená, Jan Dub.",
        "Přítomni: Eva Malá,Bc. Petr Nový, R.N., Mgr. Jana Zelená, Jan Dub",
    ):
        present = names(recognise(HEAD.replace("Přítomni: Jana Nová, Petr Malý", line)).present)
        assert (
            len(present) == 4 and present[0] == "Eva Malá" and present[2:] == ["Mgr. Jana Zelená", "Jan Dub"]
        )
        assert present[1] in ("Bc. Petr Nový, R. N.", "Bc. Petr Nový, R.N.")
    # a name with an initial and a surname is still a person
    present = names(recognise(HEAD.replace("Jana Nová, Petr Malý", "Eva Malá, J. Novák, P. Dub")).present)
    assert present == ["Eva Malá", "J. Novák", "P. Dub"]


def test_a_short_title_in_capitals_keeps_its_acronyms() -> None:
    assert find_group(["Zápis z jednání ÚŘS - 07.10.2010"]) == "ÚŘS"
    assert find_group(["Zápis z jednání OPS S a OPS OZP 22.07.2010"]) == "OPS S a OPS OZP"
    # a shouted title is still lowered, and short words that are Czech words are no acronyms
    assert find_group(["ZÁPIS Z JEDNÁNÍ RADY"]) == "Rada"
    assert find_group(["ZÁPIS ZE SCHŮZE VÝBORU"]) == "Výbor"


def test_the_body_on_the_line_under_a_bare_title_and_an_acronym_spelled_out() -> None:
    assert find_group(["Zápis z jednání", "Pracovní skupiny Senioři", "Dne 1. 2. 2020"]) == "Senioři"
    lines = [
        "Zápis z jednání ÚŘS - 7.10.2010",
        "Komunitní plánování obcí",
        "Zápis z jednání",
        "Územní řídicí skupiny",
    ]
    assert find_group(lines) == "Územní řídicí skupina"
    # an acronym that the later name does not spell stays; a label or a sentence under the title is no body
    assert find_group(["Zápis z jednání ŘS - 7.10.2010", "Zápis z jednání", "Řídící skupiny KPSS"]) == "ŘS"
    assert find_group(["Zápis z jednání ÚŘS - 7.10.2010", "Zápis z jednání", "Přítomni: Jana Nová"]) == "ÚŘS"


def test_the_hours_and_place_on_a_line_that_repeats_the_day_under_the_title() -> None:
    title = "Zápis z jednání ŘS - 07.10.2010\nPlánování sociálních služeb\n"
    for line, time, place in (
        (
            "čtvrtek 7. října 2010, 9 - 12 hodin, jednací místnost MěÚ Lhota",
            "09:00-12:00",
            "jednací místnost MěÚ Lhota",
        ),
        ("7. 10. 2010 od 13 hodin, zasedačka obecního úřadu", "13:00", "zasedačka obecního úřadu"),
        (
            "Čtvrtek 7.10.2010 od 9 - 11 hod. v budově radnice ve Lhotě",
            "09:00-11:00",
            "v budově radnice ve Lhotě",
        ),
        ("Termín: 7. 10. 2010 od 10,00 hod", "10:00", None),
    ):
        found = recognise(title + line + "\nPřítomni: Jana Nová, Petr Malý\n")
        assert (str(found.date), found.time, found.place) == ("2010-10-07", time, place), line
    # another day (a deadline, a past event) or a line of the narrative gives no hours
    for line in (
        "Termín: 31. 12. 2010 od 10 hodin, kancelář",
        "Uzávěrka podkladů 7. 10. 2010, 9 - 12 hodin, jednací místnost",
        "07.10.2010 10:12",
        "Vytvořeno: 7. 10. 2010 10:00",
    ):
        found = recognise(title + line + "\nPřítomni: Jana Nová, Petr Malý\n")
        assert found.time is None and found.place is None, line


def test_a_time_phrase_after_a_meeting_verb_is_no_place() -> None:
    found = recognise(HEAD + "Schůzka proběhla na začátku února s paní Novou, radní kraje.\n")
    assert found.place is None
    found = recognise(HEAD + "Jednání proběhlo v klubovně Senior centra.\n")
    assert found.place == "v klubovně Senior centra"


def test_a_photo_caption_run_into_the_text_is_page_furniture() -> None:
    from kpss_cli.importing.clean import clean

    text = (
        "Zápis z jednání PS Senioři\nDne 12. 4. 2022\n"
        "Přítomni: Jana Nová, Petr Malý\n"
        "Nepřítomni: Jiří Horák, Mgr. Marie Malá. PS 12042022 1, obrázek se otevře v novém okně\n"
        "Setkání v Domově Lhota 12. 4. 2022, obrázek se otevře v novém okně2. Různé\n"
    )
    cleaned = clean(text)
    assert "obrázek" not in cleaned and "12042022" not in cleaned and "\n2. Různé\n" in cleaned
    assert names(recognise(text).absent) == ["Jiří Horák", "Mgr. Marie Malá"]
    # a caption with its own dates stays whole to the label before it
    assert "Přítomni:\n" in clean("Přítomni: Jednání PS 11. 2. 2010, obrázek se otevře v novém okně\n")


def test_the_one_who_led_the_meeting_after_a_pronoun_and_a_titled_surname() -> None:
    head = "Z Á P I S\nz jednání dne 7. března 2003 v hotelu Lípa\nPřítomni: členové dle presenční listiny\n"
    for sentence, who in (
        ("Jednání bylo zahájeno v 8.45 hod. a řídil jej předseda sdružení, p. Ing. Kořínek.", "Ing. Kořínek"),
        ("Jednání bylo zahájeno v 9:00 a vedl jej místopředseda Mgr. Petr Novák.", "Mgr. Petr Novák"),
        ("Zasedání začalo včas a řídil ho starosta MUDr. Dvořák.", "MUDr. Dvořák"),
    ):
        assert recognise(head + sentence + "\n").moderator == who, sentence
    # a surname without a title, a declined one, or a pronoun of something else names no one
    for sentence in (
        "Jednání bylo zahájeno v 8.45 hod. a řídil jej předseda sdružení, pan Kořínek.",
        "Jednání bylo zahájeno a řídil jej s panem Ing. Kořínkem.",
        "Projekt byl schválen a řídil jej Ing. Kořínek.",
    ):
        assert recognise(head + sentence + "\n").moderator is None, sentence


def test_a_guest_and_a_body_s_delegate_inside_the_present_line() -> None:
    found = recognise(
        HEAD.replace("Jana Nová, Petr Malý", "Nová, Malá, Dubová, za RK Musilová, host Holíková")
        + "Omluveni: Pišanová\n"
    )
    assert names(found.present) == ["Nová", "Malá", "Dubová", "Musilová"]
    assert found.present[-1]["org"] == "RK"
    assert names(found.guests) == ["Holíková"] and names(found.excused) == ["Pišanová"]
    found = recognise(
        HEAD.replace("Jana Nová, Petr Malý", "Jana Nová, Petr Malý a hosté Ing. Eva Veselá, Jan Dub")
    )
    assert names(found.present) == ["Jana Nová", "Petr Malý"] and names(found.guests) == [
        "Ing. Eva Veselá",
        "Jan Dub",
    ]
    # `za` before a member in the accusative stays a substitute's note; a host's word inside a name is no label
    found = recognise(HEAD.replace("Jana Nová, Petr Malý", "Jana Nová, Petr Hostinský"))
    assert names(found.present) == ["Jana Nová", "Petr Hostinský"] and not found.guests


def test_who_welcomes_those_present_and_then_gives_the_floor_leads_the_meeting() -> None:
    head = HEAD.replace("Jana Nová, Petr Malý", "Jana Nová, Pavel Chroust, Petr Malý")
    for text in (
        "Pan Chroust přivítal přítomné na společné schůzce skupin. Shrnul závěry z minula a předal slovo koordinátorce.",
        "Pan Chroust přivítal všechny přítomné a předal slovo paní Nové.",
    ):
        assert recognise(head + text + "\n").moderator == "Pavel Chroust", text
    # a welcome alone, or the floor given by someone else, says nothing of who led it
    for text in (
        "Pan Chroust přivítal přítomné na společné schůzce skupin.",
        "Pan Chroust přivítal přítomné. Paní Nová poté představila nové členy. Dlouho se diskutovalo o dotacích a o "
        "plánu na příští rok, nakonec koordinátorka předala slovo hostům.",
    ):
        assert recognise(head + text + "\n").moderator is None, text


def test_the_open_items_of_a_control_of_earlier_tasks() -> None:
    review = (
        "1. Kontrola plnění úkolů\nPředsedkyně provedla kontrolu plnění úkolů z minulého jednání:\n\n"
        " 1. Aktualizace webu - Mgr. Nová + OK - plnění průběžně.\n"
        " 2. Tisková zpráva z jednání - Petr Malý - splněno.\n"
        " 3. Podpora poradenství - město Lhota. Termín: 31. 12. 2010\n"
        " 4. Dotazník pro rodiny - tvorba dotazníku - PS Rodina. Úkol zrušen.\n"
        " 5. Schůzka s radní kraje – Mgr. Žáková, Ing. Dub.\n  Termín: 31. 01. 2011 splněno\n"
        " 6. Oslovit starosty – členové ŘS.\n  Termín: 30. 6. 2011\n"
        "\n2. Různé\n"
    )
    assert tasks_of(review) == [
        ("Aktualizace webu", "Mgr. Nová + OK", "průběžně"),
        ("Podpora poradenství", "město Lhota", "31. 12. 2010"),
        ("Oslovit starosty", "členové ŘS", "30. 6. 2011"),
    ]
    # items without a control's introduction, or an owner without a deadline, are no open tasks
    assert tasks_of(review.replace("provedla kontrolu plnění úkolů z minulého jednání:", "shrnula:")) == []
    assert tasks_of("Kontrola úkolů z minulého jednání:\n 1. Aktualizace webu - Mgr. Nová.\n") == []


# --- rules drawn from the tenth real batch 237–248 ---------------------------------------------------


def test_names_a_site_masked_are_no_people() -> None:
    found = recognise(
        "Zápis ze zasedání Zastupitelstva obce Lhota konaného 3. května 2021\n"
        "Přítomni: Xxxx Xxxxx, Xxxxxxx Xxxxxx, Jana Nová\nOmluveni: Xxxxx Xxxxxxx\n"
        "1. Pan starosta Xxxx Xxxxx zahájil v 18.00 hod zasedání.\n"
    )
    assert names(found.present) == ["Jana Nová"] and found.excused == [] and found.moderator is None
    # names with an x in them, and Xaver, stay people
    found = recognise(HEAD.replace("Jana Nová, Petr Malý", "Xaver Nox, Alex Marx"))
    assert names(found.present) == ["Xaver Nox", "Alex Marx"]


def test_an_attendance_label_with_its_n_dropped_by_a_typo() -> None:
    found = recognise(
        "Zápis ze 3. zasedání Komise sociální\n24. 5. 2012\nPřítomi: Bc. R. Sedlák, J. Mrázková\n"
        "Nepřítomi: Mgr. D. Bubníková, J. Nedvěd\nHosté: V. Janouškovec\n"
    )
    assert names(found.present) == ["Bc. R. Sedlák", "J. Mrázková"]
    assert names(found.absent) == ["Mgr. D. Bubníková", "J. Nedvěd"]
    assert names(found.guests) == ["V. Janouškovec"]


def test_the_last_of_a_body_s_adjectives_after_the_noun_in_the_nominative() -> None:
    for title, group in (
        (
            "Zápis ze 3. zasedání Komise bezpečnostní, prevence kriminality a protidrogové",
            "Komise bezpečnostní, prevence kriminality a protidrogová",
        ),
        ("Zápis z jednání Komise sociální, zdravotní a bytové", "Komise sociální, zdravotní a bytová"),
        # a noun after `a` is no adjective; nothing after the noun's own words changes
        ("Zápis z jednání Komise pro rodinu a seniory", "Komise pro rodinu a seniory"),
        ("Zápis z jednání Rady seniorů a zdravotně postižených", "Rada seniorů a zdravotně postižených"),
    ):
        assert find_group([title, "Dne 24. 5. 2012"]) == group, title


def test_the_hours_in_a_title_s_genitive_konaneho_after_a_page_title_without_them() -> None:
    found = recognise(
        "Zápis ze 4. jednání bezpečnostního výboru konaného dne 2. 6. 2010\n\nZápis č. 4/2010\n\n"
        "z jednání bezpečnostního výboru konaného dne 2. 6. 2010 od 17,00 hodin\n"
        " v zasedací místnosti RMČ Praha 5, Štefánikova 13\n\nPřítomni: dle prezenční listiny\n"
    )
    assert found.date == dt.date(2010, 6, 2) and found.time == "17:00"
    found = recognise(
        "Zápis z jednání komise konaného dne 8. 3. 2021 od 16.00 do 17.30 hod. v klubovně DPS\n"
        "Přítomni: Jana Nová, Petr Malý\n"
    )
    assert found.time == "16:00-17:30" and found.place == "v klubovně DPS"
    # the place on the line under the title's sentence that ends with the hours
    found = recognise(
        "Zápis z jednání výboru konaného dne 2. 6. 2010 od 17,00 hodin\n v zasedací místnosti ÚMČ, Husova 13\n\n"
        "Přítomni: Jana Nová, Petr Malý\n"
    )
    assert found.time == "17:00" and found.place == "v zasedací místnosti ÚMČ, Husova 13"
    # a sentence of the body on the next line is no place
    found = recognise(
        "Zápis z jednání výboru konaného dne 2. 6. 2010 od 17,00 hodin\nPřítomni: Jana Nová, Petr Malý\n"
        "V úvodu předseda přivítal přítomné.\n"
    )
    assert found.place is None


def test_a_place_between_se_and_the_verb_after_the_day() -> None:
    head = "12. zasedání Poradního sboru pro prevenci konaného dne 13. prosince 2012\n\n"
    for sentence, place in (
        (
            "Dne 13. prosince 2012 se v hotelu Chvalská tvrz konalo 12. zasedání sboru.",
            "v hotelu Chvalská tvrz",
        ),
        ("Dne 13. 12. 2012 se na radnici v Lipníku sešli členové sboru.", "na radnici v Lipníku"),
    ):
        assert recognise(head + sentence + " Zasedání zahájila Jitka Malá.\n").place == place, sentence
    # the next meeting's place, or a capitalised word after `se v` (a sentence, not a place), is none
    for sentence in (
        "Příští zasedání: dne 13. března 2013 se v hotelu Lípa konalo nebude.",
        "Dne 13. prosince 2012 se v Praze konalo.",
    ):
        assert recognise(head + sentence + "\n").place is None, sentence


def test_a_commission_s_form_run_into_one_line_by_a_transcript() -> None:
    found = recognise(
        "1 ZÁPIS Z JEDNÁNÍ KOMISE PRO DOPRAVU Den a místo jednání komise: , radnice - místnost č. 5 "
        "Zasedání bylo: zahájeno 16:00 skončeno 17:30 Komisi předsedala: Ing. Eva Malá Zapisovatel: Jan Dub "
        "Ověřovatel průběhu zasedání komise: Petr Lis Členové komise, kteří byli přítomní: Ing. Eva Malá "
        "Karel Novák Mgr. Jana Horká Bc. Petr Lis Omluvení členové komise: Jan Vávra Hosté: Nová Marie "
        "Pozdní příchody: Karel Novák příchod v 16:10 Program jednání: 1. Zahájení 2. Různé\n"
    )
    assert found.group == "Komise pro dopravu"
    assert found.place == "radnice - místnost č. 5" and found.time == "16:00-17:30"
    assert found.moderator == "Ing. Eva Malá" and found.recorder == "Jan Dub"
    assert names(found.present) == ["Ing. Eva Malá", "Karel Novák", "Mgr. Jana Horká", "Bc. Petr Lis"]
    assert names(found.excused) == ["Jan Vávra"] and names(found.guests) == ["Nová Marie"]


def test_after_a_post_nominal_title_in_a_run_the_next_person_starts() -> None:
    found = recognise(
        HEAD.replace(
            "Jana Nová, Petr Malý",
            "Ing. Eva Malá, Ph.D. Josef Hřebík Dagmar Volencová Ing. Jan Dub Bc. Petr Lis",
        )
    )
    assert names(found.present) == [
        "Ing. Eva Malá, Ph.D.",
        "Josef Hřebík",
        "Dagmar Volencová",
        "Ing. Jan Dub",
        "Bc. Petr Lis",
    ]
    # one person with a post-nominal title and a role stays one
    found = recognise(HEAD.replace("Jana Nová, Petr Malý", "Ing. Eva Malá, Ph.D. Vedoucí Odboru"))
    assert len(found.present) == 1


def test_a_transcript_s_participation_label_and_a_list_run_into_the_body() -> None:
    found = recognise(
        "1 Zápis jednání zástupců obcí regionu Horka Dne 3. 5. 2016 v Lipníku Účast: Jana Nová, Petr Malý, "
        "Karel Dub Hlavním cílem setkání bylo nalézt shodu obcí. Rekapitulace kroků obcí a jejich důvodů: "
        "obce podaly námitky a požádaly kraj o stanovisko k záměru.\n"
    )
    assert found.looks_like_minutes and found.group == "Zástupci obcí regionu Horka"
    # the last name, run into the body's first sentence, is left out rather than read with the sentence
    assert names(found.present) == ["Jana Nová", "Petr Malý"]
    assert all(p["role"] is None and p["org"] is None for p in found.present)
    # villages and surnames run together are no people with roles: nothing is read from them
    found = recognise(
        "1 Zápis jednání zástupců obcí regionu Horka Dne 3. 5. 2016 v Lipníku Účast: Budišov Piňos, Ondráček, "
        "Mareček Hodov Jaša Nárameč Jelínková Rudíkov Souček Hlavním cílem setkání bylo nalézt shodu. "
        "Rekapitulace kroků obcí a jejich důvodů: obce podaly námitky.\n"
    )
    assert found.present == []


def test_an_association_s_letterhead_with_its_registration_number_names_the_body() -> None:
    text = (
        "6. 3. 2023\n\nSvaz diabetiků České republiky, z. s., územní organizace Lhota, IČ: 75097486\n\n"
        "Zápis z výroční členské schůze konaného dne 1. 3. 2023\n\nMísto konání: sokolovna\n"
        "Schůzi zahájila Anna Zborníková.\n"
    )
    assert find_group(text.split("\n")) == "Svaz diabetiků České republiky, z. s., územní organizace Lhota"
    # a line of the body with a number in it is no letterhead
    assert (
        find_group(["Svaz obcí schválil 12 žádostí, IČ: 12345678", "Zápis z výroční členské schůze"]) is None
    )


# --- rules drawn from the eleventh real batch 249–260 ------------------------------------------------


def test_a_deputy_s_office_before_every_name_separates_a_run_without_commas() -> None:
    found = recognise(
        HEAD.replace(
            "Jana Nová, Petr Malý",
            "posl. Karel Vlk posl. Mgr. Eva Malá posl. JUDr. Jan Dub, Ph.D. posl. Petra Horká",
        )
    )
    assert names(found.present) == ["Karel Vlk", "Mgr. Eva Malá", "JUDr. Jan Dub, Ph.D.", "Petra Horká"]
    # one deputy: the office is no part of the name either
    found = recognise(HEAD.replace("Jana Nová, Petr Malý", "sen. Ing. Jan Dub, Eva Malá"))
    assert names(found.present) == ["Ing. Jan Dub", "Eva Malá"]
    # `posl.` inside the sentences of a list run into the body splits nothing
    found = recognise(
        HEAD.replace(
            "Přítomni: Jana Nová, Petr Malý",
            "Přítomni: Jana Nová, Petr Malý\nHosté: dle prezenční listiny Jednání řídil předseda posl. V. Kos. "
            "Předseda posl. V. Kos přivítal hosty.",
        )
    )
    assert found.guests == []


def test_run_in_attendance_labels_with_who_they_are_after_the_word() -> None:
    found = recognise(
        "1 Zápis z 12. schůze kontrolního výboru, která se konala dne 21. ledna 2009 Přítomni poslanci: "
        "J. Kos, P. Malý, E. Nová, Omluveni poslanci: R. Dub, M. Vlk Nepřítomen: Ing. Jan Lis Hosté: dle "
        "prezenční listiny Tuto schůzi řídil předseda výboru posl. J. Kos. Předseda výboru navrhl pořad.\n"
    )
    assert names(found.present) == ["J. Kos", "P. Malý", "E. Nová"]
    assert names(found.excused) == ["R. Dub", "M. Vlk"] and names(found.absent) == ["Ing. Jan Lis"]
    assert found.guests == [] and found.moderator == "J. Kos"


def test_an_institution_and_the_next_titled_name_between_two_commas() -> None:
    found = recognise(
        HEAD.replace(
            "Jana Nová, Petr Malý",
            "JUDr. Hana Malá, Ministerstvo spravedlnosti ČR Mgr. Jan Dub, Senát Parlamentu ČR MUDr. Eva Lísková, "
            "NKÚ prof. Ing. Petr Kos, CSc.",
        )
    )
    assert names(found.present) == [
        "JUDr. Hana Malá",
        "Mgr. Jan Dub",
        "MUDr. Eva Lísková",
        "prof. Ing. Petr Kos, CSc.",
    ]
    # a whole name without a title after the institution is the next person too (branch `importmiss`:
    # held-out `256` and `307` write so, `Senát Parlamentu ČR Jaroslav Kubera`, `FO Rakov Martin Šimák`);
    # a name in the genitive that names the institution is not (`Nadace Jana Nerudy`)
    found = recognise(HEAD.replace("Jana Nová, Petr Malý", "Mgr. Jan Dub, Senát Parlamentu ČR Jaroslav Kos"))
    assert names(found.present) == ["Mgr. Jan Dub", "Jaroslav Kos"]
    found = recognise(HEAD.replace("Jana Nová, Petr Malý", "Mgr. Jan Dub, Nadace Jana Nerudy"))
    assert names(found.present) == ["Mgr. Jan Dub"]


def test_a_form_s_label_without_its_colon_before_names() -> None:
    found = recognise(
        "Zápis z jednání komise pro dopravu\nDatum 17. 12. 2013\n"
        "Přítomni JUDr. Eva Malá – předsedkyně komise, Radek Kos, Ing. Jan Dub\n"
        "Hosté  radní  ing. Jiří Lis\nOmluveni Petr Vlk, Ing. Ota Horák – tajemník komise\n"
    )
    assert names(found.present) == ["JUDr. Eva Malá", "Radek Kos", "Ing. Jan Dub"]
    assert names(found.guests) == ["ing. Jiří Lis"]  # the office before the name, its title in lower case
    assert names(found.excused) == ["Petr Vlk", "Ing. Ota Horák"]
    # a sentence that starts with the word is no label
    found = recognise(HEAD + "Přítomni byli seznámeni s programem.\nOmluveni jsou nepřítomní členové.\n")
    assert names(found.present) == ["Jana Nová", "Petr Malý"] and found.excused == []


def test_a_roll_call_one_member_a_line_with_what_they_did_after_the_name() -> None:
    found = recognise(
        "Zasedání školské rady 19. října 2020\n\nBešťák Luboš přítomen\nDuchková Stanislava přítomna\n"
        "Filípková Jana omluvena\nJindrová Magdalena\nŠatrová Silvie přítomna\n\n1. Výroční zpráva byla schválena.\n"
    )
    assert names(found.present) == ["Bešťák Luboš", "Duchková Stanislava", "Šatrová Silvie"]
    assert names(found.excused) == ["Filípková Jana"]
    # a line without a mark says nothing of its member; a labelled list wins over the roll call
    assert "Jindrová Magdalena" not in names(found.present + found.excused + found.absent)
    found = recognise(HEAD + "Jan Kos přítomen\nEva Malá přítomna\nPetr Dub přítomen\n")
    assert names(found.present) == ["Jana Nová", "Petr Malý"]
    # names one a line without marks (a list of members) are no roll call
    found = recognise("Zápis ze schůze výboru\n\nJan Kos\nEva Malá\nPetr Dub přítomen\nOta Lis\n")
    assert found.present == []


def test_the_hours_alone_on_the_line_under_the_day() -> None:
    found = recognise(
        "Zápis z jednání komise pro dopravu\nPřítomni: Jana Nová, Petr Malý\nDatum\n\n17. 12. 2013\n\n"
        "od 17:00 hod. do 19:00 hod.\n\n1. Sčítače cyklistů\n"
    )
    assert found.date == dt.date(2013, 12, 17) and found.time == "17:00-19:00"
    # hours under a line that says more than the day are not taken for the meeting's
    found = recognise(
        "Zápis z jednání komise pro dopravu\nPřítomni: Jana Nová, Petr Malý\nDatum: 17. 12. 2013\n"
        "Příští jednání 20. 1. 2014\n9:00 – 11:00\n"
    )
    assert found.time is None


def test_a_heading_of_the_meeting_and_its_body_that_ends_with_the_day() -> None:
    text = "Synchronní on-line zasedání školské rady 19. října 2020\n\nPřítomni: Jana Nová, Petr Malý\n"
    assert recognise(text).date == dt.date(2020, 10, 19)
    assert recognise(text.replace("zasedání školské rady", "jednání komise pro seniory")).date == dt.date(
        2020, 10, 19
    )
    # a day that does not end the heading, or a heading far down the page, gives no date
    assert recognise(text.replace("2020\n", "2020 bylo zrušeno\n")).date is None
    assert recognise("Program\n\nÚvod\n\nOstatní\n\n" + text).date is None


def test_who_welcomed_all_and_then_under_the_next_heading_presents_the_agenda_leads() -> None:
    found = recognise(
        HEAD
        + "1. Zahájení\n\nPředseda komise MUDr. Jan Kos přivítal všechny přítomné členy komise a požádal je, "
        "aby se představili.\n\n2. Návrh programu\n\nMUDr. Jan Kos seznámil přítomné členy s návrhem programu.\n"
    )
    assert found.moderator == "MUDr. Jan Kos"
    # another person presenting the agenda, or the welcome alone, says nothing of who led the meeting
    found = recognise(
        HEAD + "Předseda komise MUDr. Jan Kos přivítal všechny přítomné členy komise.\n\n"
        "Ing. Eva Malá seznámila přítomné s návrhem programu.\n"
    )
    assert found.moderator is None
    found = recognise(HEAD + "Předseda komise MUDr. Jan Kos přivítal všechny přítomné členy komise.\n")
    assert found.moderator is None


def test_a_first_heading_of_a_meeting_of_a_body_ending_with_its_day_names_the_body() -> None:
    lines = ["Synchronní on-line zasedání školské rady 19. října 2020", "", "Přítomni: Jana Nová"]
    assert find_group(lines) == "Školská rada"
    assert (
        find_group(["Jednání komise pro seniory 19. 10. 2020", "Přítomni: Jana Nová"]) == "Komise pro seniory"
    )
    # the next meeting, or a heading far down the page, names no body
    assert find_group(["Příští zasedání školské rady 19. října 2020", "Přítomni: Jana Nová"]) is None
    assert find_group(["Úvod", "Program", "Různé", "Zasedání školské rady 19. října 2020"]) is None
    # a title with `Zápis` keeps its own reading (`Zápis z výborové schůze konané dne …`)
    assert find_group(["Zápis z výborové schůze konané dne 5. 3. 2019", "Přítomni: Jana Nová"]) == "Výbor"


# --- rules drawn from the twelfth real batch 261–272 ------------------------------------------------


def test_a_label_glued_to_the_lower_case_end_of_the_line_before_it() -> None:
    found = recognise(
        "Zápis z jednání komise pro seniory\n\nze dne 3. května 2021 v BrněPřítomni: Jana Nová, Petr Malý\n"
        "Hosté: Ing. Eva Veselá\n\nJednání vedl: Mgr. Ota LisProgram:\n\n1. Úvod\n"
    )
    assert names(found.present) == ["Jana Nová", "Petr Malý"]
    assert names(found.guests) == ["Ing. Eva Veselá"]
    # a label word glued on without its colon opens nothing
    found = recognise(
        "Zápis z jednání komise pro seniory\nPřítomni: Jana Nová, Petr Malý\n\nV BrněHosté Eva Veselá\n"
    )
    assert found.guests == []


def test_invited_and_a_secretary_in_a_one_line_run_of_labels() -> None:
    found = recognise(
        "Zápis ze 17. jednání výboru pro školství konaného dne 1. 10. 2018 Přítomni: Mgr. Jana Nová, "
        "Ing. Petr Malý Omluveni: Mgr. Eva Veselá Nepřítomni: Tajemnice: Mgr. Ida Suchá Přizváni: "
        "Ing. Ota Lis, RNDr. Jiří Ort Program: 1. Zahájení\n"
    )
    assert names(found.present) == ["Mgr. Jana Nová", "Ing. Petr Malý"]
    assert names(found.excused) == ["Mgr. Eva Veselá"]
    assert found.absent == []  # the empty `Nepřítomni:`, then the secretary: nobody absent
    assert names(found.guests) == ["Ing. Ota Lis", "RNDr. Jiří Ort"]


def test_standing_and_authorised_deputies_are_present() -> None:
    found = recognise(
        "Zápis ze zasedání rady pro národnostní menšiny\nDne 12. 4. 2022\n"
        "Přítomní členové: Jana Nová, Petr Malý\n"
        "Pověření zástupci: Božena Dlouhá (za Lenku Kurovou, Liberecký kraj) MUDr. Vlasta Vrchová (za MZ), "
        "Mgr. Ota Lis (za MV)\nHosté: Ing. Eva Veselá (MK)\nZasedání řídil: MUDr. Jan KosProgram:\n1. Úvod\n"
    )
    assert names(found.present) == [
        "Jana Nová",
        "Petr Malý",
        "Božena Dlouhá",
        "MUDr. Vlasta Vrchová",
        "Mgr. Ota Lis",
    ]
    assert names(found.guests) == ["Ing. Eva Veselá"]
    assert found.moderator == "MUDr. Jan Kos"
    found = recognise(
        HEAD.replace("Přítomni: Jana Nová, Petr Malý\n", "STÁLÍ ZÁSTUPCI:\n\nOta Lis (MV ČR)\n")
    )
    assert names(found.present) == ["Ota Lis"]


def test_one_person_a_paragraph_with_an_uncommon_first_name_in_a_list_of_that_shape() -> None:
    text = (
        "Zápis z jednání pracovní skupiny Senioři\nDne 19. 7. 2004\n\nPŘÍTOMNÍ ČLENOVÉ:\n\n"
        "Karel Holub (Jihomoravský kraj)\n\nLýdie Pokorná (Moravskoslezský kraj)\n\n"
        "Zbislav Morava (MPSV ČR)\n\nMarián Eremiáš, stálý zástupce Jana Kose (MV ČR)\n\n"
        "HOSTÉ:\n\nKvěta Jarošová (MK ČR)\n"
    )
    found = recognise(text)
    assert names(found.present) == ["Karel Holub", "Lýdie Pokorná", "Zbislav Morava", "Marián Eremiáš"]
    assert names(found.guests) == ["Květa Jarošová"]
    # after a person without a bracket, an uncommon name in brackets is not taken on its shape alone
    found = recognise(text.replace("Karel Holub (Jihomoravský kraj)", "Karel Holub, předseda"))
    assert names(found.present) == ["Karel Holub"]
    # nor a heading after the list (`Program jednání (návrh)`: not two capitalised words)
    found = recognise(text.replace("HOSTÉ:\n\nKvěta Jarošová (MK ČR)\n", "Program jednání (návrh)\n"))
    assert "Program jednání" not in " ".join(names(found.present))


def test_a_section_in_capitals_ends_the_list_above_it() -> None:
    found = recognise(
        "Zápis z jednání rady pro romské záležitosti\nDne 19. 7. 2004\n\nHOSTÉ:\n\nVáclav Appl (MK ČR)\n\n"
        "Petr Dobrý (MF ČR)\n\n\nZA KANCELÁŘ: David Beňák\n\nHana Fišerová\n\nProgram:\n\n1) Úvod\n"
    )
    assert names(found.guests) == ["Václav Appl", "Petr Dobrý"]
    # an acronym of a body (`VV SH ČMS:`) stays a sub-heading of the list
    found = recognise(
        "Zápis z jednání výboru\nDne 19. 7. 2004\nPřítomni:\nVV SH ČMS: R. Dudek, M. Němečková\n"
        "Omluveni: J. Slámečka\n"
    )
    assert names(found.present) == ["R. Dudek", "M. Němečková"]


def test_a_run_of_a_forms_labels_before_their_values_names_nobody() -> None:
    found = recognise(
        "ZASTUPITELSTVO KRAJE ZÁPIS Číslo zasedání: Místo konání: Datum konání: Přítomni: Omluveni: "
        "Hosté: Předsedající: JEDN-Z-16 Kruhový sál od 10,00 hod. dle prezenční listiny J. Zahradník, "
        "M. Kuba dle prezenční listiny I. Stráská 1. bod programu Zahájení\n"
    )
    assert found.guests == [] and found.excused == [] and found.present == []
    # three labels with their values after each stay labels
    found = recognise(
        "Zápis z jednání komise\nDatum: 3. 5. 2021 Přítomni: Jana Nová, Petr Malý Omluveni: Ota Lis\n"
    )
    assert names(found.present) == ["Jana Nová", "Petr Malý"] and names(found.excused) == ["Ota Lis"]


def test_a_sentence_about_the_minutes_names_no_body() -> None:
    assert (
        find_group(["Předsedou byl zvolen P. Eliáš. Zápis z jednání zastupitelstva kraje byl ověřen"]) is None
    )
    assert find_group(["Zápis z jednání zastupitelstva kraje bude zveřejněn na webu"]) is None
    assert (
        find_group(["Zápis z jednání zastupitelstva kraje", "Přítomni: Jana Nová"]) == "Zastupitelstvo kraje"
    )


def test_sub_labels_of_the_present_with_the_people_after_a_wide_gap() -> None:
    text = (
        "Zápis z jednání výboru svazu\nDne 20. 7. 2023\nPřítomni:\n\n"
        "Výkonný výbor (VV):      Jiří Hýža (JH) do 13:20, Petra Kafková (PK),\n\n"
        "                         Martin Soušek (MS)\n\nGenerální sekretář:      Dana Dvořáková (DD)\n\n"
        "Kontrolní komise:        Jiří Bobek (JB) od 14:00\n\nHosté:                   Eva Skořepová (ES)\n"
    )
    found = recognise(text)
    assert names(found.present) == [
        "Jiří Hýža",
        "Petra Kafková",
        "Martin Soušek",
        "Dana Dvořáková",
        "Jiří Bobek",
    ]
    assert names(found.guests) == ["Eva Skořepová"]
    # a sub-label with a sentence after the gap is no one
    found = recognise(text.replace("Dana Dvořáková (DD)", "bude zvolen na příštím jednání"))
    assert "Dana Dvořáková" not in names(found.present) and "Jiří Hýža" in names(found.present)


def test_when_a_person_came_or_left_is_no_part_of_them() -> None:
    found = recognise(HEAD.replace("Petr Malý", "Petr Malý do 13:20, Eva Veselá (MV) od 14:00"))
    assert names(found.present) == ["Jana Nová", "Petr Malý", "Eva Veselá"]


def test_a_byline_is_no_meeting_day_and_a_line_opening_with_the_weekday_is() -> None:
    text = (
        "ZÁPIS Z ČERVENCOVÉHO JEDNÁNÍ VV ČSJ 2023\n\nDana Dvořáková | 21.07.2023\n\n"
        "Čtvrtek, 20. července 2023, 12:00 – on-line jednání přes Microsoft Teams\n\n"
        "Přítomni: Jana Nová, Petr Malý\n"
    )
    found = recognise(text)
    assert found.date == dt.date(2023, 7, 20) and found.time == "12:00"
    # without the weekday line the byline's day is still no meeting day
    assert (
        recognise(
            text.replace("Čtvrtek, 20. července 2023, 12:00 – on-line jednání přes Microsoft Teams", "")
        ).date
        is None
    )
    # a weekday line that names the next meeting gives no day
    found = recognise(text.replace("Čtvrtek, 20.", "Příští jednání čtvrtek, 20."))
    assert found.date is None


def test_a_form_s_label_run_keeps_the_document_minutes_and_no_label_is_a_value() -> None:
    text = (
        "1 Zveřejněna upravená verze dokumentu ZASTUPITELSTVO KRAJE ZÁPIS Číslo zasedání: Místo konání: "
        "Předsedající: Přítomni: Omluveni: Ověřovatelé: JEDN-Z-16 Kruhový sál I. Stráská dle prezenční listiny "
        "J. Zahradník Z. Mráz 1. bod programu Zahájení 16. zasedání zastupitelstva zahájila hejtmanka kraje "
        "Ivana Stráská, přivítala přítomné.\n"
    )
    found = recognise(text)
    assert found.looks_like_minutes
    assert found.moderator == "Ivana Stráská" and found.excused == []  # the narrative, not the run
    # a body in capitals then `ZÁPIS` inside running text is no title
    assert not recognise(
        "Obec vydává OBECNÍ ZPRAVODAJ ZÁPIS\nNa jaře jsme uklidili obec.\n"
    ).looks_like_minutes
    # a label alone on the line under another label is not its value
    found = recognise(
        "Zápis z jednání komise\nDne 3. 5. 2021\nPředsedající:\nOvěřovatelé:\nPřítomni: Jana Nová\n"
    )
    assert found.moderator is None


def test_the_number_of_the_minutes_in_brackets_after_zapis() -> None:
    lines = [
        "Rada pro menšiny",
        "",
        "Zápis (č. KRP 4/2004) z mimořádného zasedání Rady pro romské záležitosti, ze dne 19. 7. 2004",
    ]
    assert find_group(lines) == "Rada pro romské záležitosti"
    # a bracket of anything else after `Zápis` is no number of the minutes
    assert find_group(["Zápis (návrh) z jednání", "Přítomni: Jana Nová"]) is None

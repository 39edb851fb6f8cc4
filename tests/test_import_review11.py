"""Misfires of the twenty-first batch's rules (`import26`) that a review reproduced, narrowed (issue #19):
each rule tested with variants written here; the batch's own cases stay in test_import_batch21.py."""

from __future__ import annotations

from kpss_cli.importing import recognise

from .recognised import names


def tasks(text: str) -> list[tuple[str | None, str | None, str]]:
    imported = recognise(text)
    assert imported is not None
    return [(t["owner"], t["due"], t["task"]) for t in imported.tasks]


_HEAD = "Zápis ze schůze komise pro sociální věci konané dne 5. 3. 2021\n\nPřítomni: Jan Malý, Eva Horká, Petr Kos\n\n"


# --- 1. a later `Zápis z …` inside a run-on title line ----------------------------------------------


def test_a_minutes_title_named_inside_a_run_on_title_line_is_not_its_body() -> None:
    for line, group in [
        (
            "Zápis z jednání komise pro seniory 5. 3. 2021 – Komise projednala Zápis ze zasedání "
            "Zastupitelstva města Krnova a vzala jej na vědomí. Přítomni: Jan Malý, Eva Horká.",
            "Komise pro seniory",
        ),
        (
            "Zápis z jednání komise pro seniory 5. 3. 2021 Bod 2: Zápis z jednání Rady města – informace. "
            "Přítomni: Jan Malý, Eva Horká.",
            "Komise pro seniory",
        ),
        (
            "ZÁPIS z jednání pracovní skupiny Senioři dne 5. 3. 2021, kontrola úkolů: Zápis z jednání "
            "řídící skupiny ze dne 1. 2. 2021 byl rozeslán.",
            "Senioři",
        ),
    ]:
        assert recognise(line + "\n").group == group, line


# --- 2. words of the minutes' sections after a comma in the title -----------------------------------


def test_sections_of_the_minutes_after_a_comma_are_no_part_of_the_body() -> None:
    for title, group in [
        (
            "Zápis z jednání komise pro seniory, přítomní a omluvení členové dne 5. 3. 2021",
            "Komise pro seniory",
        ),
        (
            "Zápis z jednání komise pro seniory, zahájení, prezence a schválení programu dne 5. 3. 2021",
            "Komise pro seniory",
        ),
        (
            "Zápis z jednání pracovní skupiny pro seniory, hosté, přítomni a omluveni – viz prezenční listina",
            "Pracovní skupina pro seniory",
        ),
    ]:
        imported = recognise(f"{title}\n\nDatum: 5. 3. 2021\n\nPřítomni: Jan Malý, Eva Horká\n")
        assert imported.group == group, title


def test_an_enumeration_that_names_the_body_is_kept() -> None:
    imported = recognise(
        "Zápis z jednání pracovní skupiny Rodina, děti a mládež dne 5. 3. 2021\n\nPřítomni: Jan Malý, Eva Horká\n"
    )
    assert imported.group == "Rodina, děti a mládež"


# --- 3, 4. the future passive's doer must be in the instrumental ------------------------------------


def test_a_nominative_subject_or_a_dative_recipient_is_no_doer() -> None:
    for sentence in [
        "Na příští jednání bude pozván K. Šimek.",
        "Předsedou komise bude zvolen J. Novák.",
        "Do pracovní skupiny bude delegován P. Kos.",
        "Na příští jednání bude pozván Karel Šimek.",
        "Žádost bude předána K. Šimkovi.",
        "Zpráva bude předložena J. Novákové.",
        "Pozvánka bude zaslána M. Horké do 10. 3.",
        "Dotace bude poskytnuta J. Novákovi.",
        "Dotace bude poskytnuta Janu Novákovi.",
    ]:
        assert tasks(_HEAD + sentence + "\n") == [], sentence


def test_a_doer_in_the_instrumental_still_sets_a_task() -> None:
    for sentence, owner in [
        ("Termín bude upřesněn K. Šimkem.", "K. Šimek"),
        ("Pozvánky budou rozeslány J. Novou.", "J. Nová"),
        ("Podklady budou připraveny J. Malým.", "J. Malý"),
        ("Zpráva bude zpracována P. Kosem do 10. 4.", "P. Kos"),
    ]:
        found = tasks(_HEAD + sentence + "\n")
        assert [t[0] for t in found] == [owner], sentence


# --- 5. a deed agreed at an earlier meeting, in the feminine -----------------------------------------


def test_a_deed_agreed_at_an_earlier_meeting_in_the_feminine_is_no_new_task() -> None:
    for sentence in [
        "Na minulé schůzi bylo dohodnuto, že termín bude upřesněn K. Šimkem.",
        "Na předchozí schůzi bylo dohodnuto, že termín bude upřesněn K. Šimkem.",
        "Na poslední schůzce bylo dohodnuto, že termín bude upřesněn K. Šimkem.",
        "Na minulé poradě bylo dohodnuto, že termín bude upřesněn K. Šimkem.",
        "Na minulé schůzi komise pověřila K. Šimka zjistit kapacity.",
    ]:
        assert tasks(_HEAD + sentence + "\n") == [], sentence


# --- 6. a request reported as done ------------------------------------------------------------------


def test_a_request_reported_as_done_is_no_task() -> None:
    for sentence in [
        "Paní Horká uvedla, že požádala Jana Malého, aby připravil podklady, což již učinil.",
        "Pan Kos požádal Petra Kose, aby zaslal statistiky, a ten je již zaslal.",
        "Předseda požádal Evu Horkou, aby připravila podklady, což již udělala.",
        "Předseda požádal Jana Malého, aby zjistil stav, což se již stalo.",
    ]:
        assert tasks(_HEAD + sentence + "\n") == [], sentence


def test_a_request_to_do_still_sets_a_task() -> None:
    found = tasks(_HEAD + "Předseda požádal Jana Malého, aby připravil podklady do 10. 4. 2021.\n")
    assert [t[0] for t in found] == ["Jan Malý"]


# --- 7. a list of persons responsible without a deed ------------------------------------------------


def test_a_list_of_contacts_or_of_past_responsibility_is_no_task() -> None:
    for sentence in [
        "Kontaktní a odpovědné osoby poskytovatelů: Charita Krnov – Mgr. Jana Nová; Diakonie Broumov – Petr Kos.",
        "V loňském roce byly odpovědné osoby za oddíly: volejbal – K. Machová; nohejbal – R. Kotyza.",
        "Odpovědné osoby za oddíly jsou: volejbal – K. Machová; nohejbal – R. Kotyza.",
    ]:
        assert tasks(_HEAD + sentence + "\n") == [], sentence


def test_persons_responsible_for_a_deed_to_do_still_set_tasks() -> None:
    found = tasks(
        _HEAD + "Určila se odpovědná osoba za oddíly, které budou zajišťovat obsluhu kiosku: "
        "volejbal – K. Machová; nohejbal – R. Kotyza.\n"
    )
    assert [t[0] for t in found] == ["K. Machová", "R. Kotyza"]


# --- 8. an organisation defined by initials is no recorder --------------------------------------------


def test_an_organisation_named_by_its_initials_is_no_recorder() -> None:
    for body in [
        "Charita Opava (dále jen „CO“) informovala o službách. Zapisovatelem CO je pověřen p. Kos.",
        "Komunitní Plánování (dále jen „KP“) je proces. Zapisovatelem KP je vždy koordinátor Petr Kos.",
        "Městský úřad Krnov (dále jen „MÚ“) zajistí sál. Zapisovatelkou MÚ je paní Horká.",
    ]:
        imported = recognise(_HEAD + body + "\n")
        assert imported.recorder is None or imported.recorder["name"] not in (
            "Charita Opava",
            "Komunitní Plánování",
            "Městský úřad Krnov",
        ), body


# --- 9. `byli přítomni také:` beside a members' list -------------------------------------------------


def test_people_also_present_beside_a_members_list_are_no_members() -> None:
    imported = recognise(
        _HEAD + "Jednání zahájila předsedkyně Eva Horká, na jednání byli přítomni také: Mgr. Jana Nová "
        "(ředitelka Charity Krnov), Ing. Karel Polák (vedoucí ÚP Krnov).\n"
    )
    assert names(imported.present) == ["Jan Malý", "Eva Horká", "Petr Kos"]
    assert names(imported.guests) == ["Mgr. Jana Nová", "Ing. Karel Polák"]


def test_people_also_present_without_another_list_stay_present() -> None:
    imported = recognise(
        "Zápis ze schůze komise pro sociální věci konané dne 5. 3. 2021\n\nJednání zahájila předsedkyně, "
        "na jednání byli přítomni také: Mgr. Jana Nová, Ing. Karel Polák.\n"
    )
    assert names(imported.present) == ["Mgr. Jana Nová", "Ing. Karel Polák"]
    assert imported.guests == []

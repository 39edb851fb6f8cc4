"""More general patterns of Czech minutes (issue #19), found on a batch of excerpts the importer
had not been tuned on (tests/data/import_heldout/37–48); each is tested here with variants written
for the test, not with the excerpt."""

from __future__ import annotations

from kpss_cli.importing import recognise


def names(people: list) -> list[str]:
    return [p["name"] for p in people]


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


def test_minutes_with_an_office_header_before_the_title_stay_minutes() -> None:
    imported = recognise(
        "Město Vsetín – odbor sociálních věcí\nKomunitní plánování sociálních služeb\n\n"
        "Zápis z jednání pracovní skupiny Senioři\nDatum: 2. 3. 2023\nPřítomni: Jana Nová, Petr Malý\n"
    )
    assert imported.looks_like_minutes


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

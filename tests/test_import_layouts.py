"""More general patterns of Czech minutes (issue #19), found on a batch of excerpts the importer
had not been tuned on (tests/data/import_heldout/37–48); each is tested here with variants written
for the test, not with the excerpt."""

from __future__ import annotations

import json
from pathlib import Path

from kpss_cli.importing import recognise

from .conftest import Invoke, write


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

"""Misfires of the twentieth batch's rules (`import25`) that a review reproduced, narrowed (issue #19):
each rule tested with variants written here, the batch's own cases kept."""

from __future__ import annotations

from kpss_cli.importing import recognise

from .recognised import names


def tasks(text: str) -> list[tuple[str | None, str | None, str]]:
    imported = recognise(text)
    assert imported is not None
    return [(t["owner"], t["due"], t["task"]) for t in imported.tasks]


_ATTENDANCE = "\nPřítomni: Jan Malý, Eva Horká, Petr Kos\nZapsal: Petr Kos\n"


# --- A. the place after the comma that follows a title's day and hours ------------------------------


def test_words_after_the_hours_that_tell_what_happened_are_no_place() -> None:
    for line in [
        "Zasedání výboru dne 12. 10. 2021, od 17 hodin, předsedal Jan Malý, přítomen byl zástupce městského úřadu.",
        "z jednání školské rady konané dne 22. 9. 2020, od 16 hodin, ředitel školy seznámil členy s opravou budovy.",
        "z jednání komise rozvoje konaného dne 6. 1. 2022, od 19 hodin, hlavním bodem byla oprava budovy zbrojnice.",
        "Jednání dne 15. 5. 2023, od 10 hodin, bylo svoláno na žádost odboru sociálních věcí městského úřadu.",
        "z jednání komise konaného dne 14. 2. 2019, od 17 hodin, Sál kulturního domu byl zapůjčen zdarma.",
        "z jednání skupiny konaného dne 7. 9. 2021, od 9 do 11 hodin, online přes MS Teams (odkaz z budovy MěÚ).",
        "z jednání komise konaného dne 3. 3. 2022, od 15 hodin, starostka přednesla zprávu o budově radnice.",
    ]:
        imported = recognise(f"ZÁPIS\n\n{line}\n{_ATTENDANCE}")
        assert imported.date is not None, line
        assert imported.place is None, line


def test_a_place_that_opens_the_words_after_the_hours_is_still_read() -> None:
    for line, place in [
        (
            "z jednání stavební komise, konané dne 10. 6. 2019, od 18 hodin, velká zasedací místnost radnice.",
            "velká zasedací místnost radnice",
        ),
        ("z jednání výboru konaného dne 3. 2. 2020, od 17 hodin, Obecní úřad Lhota.", "Obecní úřad Lhota"),
        (
            "ze schůze výboru konané dne 5. 5. 2021 v 19 hodin, sál hasičské zbrojnice.",
            "sál hasičské zbrojnice",
        ),
    ]:
        assert recognise(f"ZÁPIS\n\n{line}\n{_ATTENDANCE}").place == place, line


# --- B. an entry headed `DATE – schůze` -------------------------------------------------------------


def test_an_entry_that_announces_its_meeting_in_the_future_is_no_record() -> None:
    for heading, body in [
        (
            "Členská schůze – 14. 3. 2024",
            "Členská schůze se uskuteční v klubovně od 14 hodin. Kávu zajistí paní Malá.",
        ),
        (
            "Členská schůze – 14. 3. 2024",
            "Příští členská schůze proběhne v klubovně. Paní Malá zajistí kávu.",
        ),
        (
            "15.1.2024 – výborová schůze",
            "Výbor zve všechny členy na valnou hromadu. Jan Kos zajistí občerstvení.",
        ),
        (
            "3. 5. 2021 - jednání výboru",
            "Jednání výboru bude v sále obecního úřadu. Eva Malá zašle pozvánky.",
        ),
    ]:
        imported = recognise(f"Klub seniorů Hrabová\n\n{heading}\n\n{body}\n")
        assert imported.date is None, body
        assert not imported.looks_like_minutes, body


def test_an_events_heading_is_no_meetings_entry() -> None:
    for heading, body in [
        ("Setkání seniorů – 5. 12. 2023", "Předvánoční setkání se vydařilo. Paní Malá připraví fotografie."),
        ("Pracovní schůzka – 3. 10. 2023", "Anketu zpracovala Eva Malá. Pan Kos zajistí tisk brožury."),
        ("12. 6. 2023 – setkání s rodiči", "Setkání proběhlo v tělocvičně. Pan Kos zajistí fotografie."),
    ]:
        imported = recognise(f"Aktuality\n\n{heading}\n\n{body}\n")
        assert imported.date is None, heading
    # a body's meeting keeps its day, its record telling what to do
    kept = recognise(
        "Zápisy ze schůzí\n\n9. 3. 2023 – schůze výboru SDH\n\nVýbor se usnesl na brigádě. Jan Kos zajistí pily.\n"
    )
    assert str(kept.date) == "2023-03-09"


# --- C. glued names --------------------------------------------------------------------------------------


def test_a_surname_with_a_capital_inside_after_a_first_name_is_not_split() -> None:
    imported = recognise(
        "Zápis z jednání komise dne 4. 5. 2021\n\n"
        "Přítomni: Ian MacGregor, Richard FitzGerald, Ing. JanMálek, Eva Horká, PetrKos\n"
    )
    present = names(imported.present)
    assert "Ing. Jan Málek" in present and "Petr Kos" in present and "Eva Horká" in present
    assert not any(" Mac Gregor" in name or " Fitz Gerald" in name for name in present)


# --- D. an owner after a deadline, and the clause after the comma -----------------------------------------

_HEAD = "Zápis z jednání kulturní komise ze dne 4. 5. 2018\n\nPřítomni: Orkáč R., Jochec F., Malá E., Novák J.\n\n"


def test_the_task_ends_at_the_comma_before_the_next_clauses_subject() -> None:
    assert tasks(_HEAD + "Seznam vyvěsí do 30.4.2023 Malá E., Novák J. jej aktualizuje.\n") == [
        ("Malá E.", "30.4.2023", "Seznam vyvěsí")
    ]
    assert tasks(_HEAD + "Program sestaví do 15.6.2018 Orkáč R., Jochec F. ho pak rozešle.\n")[0] == (
        "Orkáč R.",
        "15.6.2018",
        "Program sestaví",
    )


def test_a_pronouns_task_names_the_object_fronted_before_the_verb() -> None:
    assert tasks(_HEAD + "Plakát vyhotoví do 10.8.2018 Orkáč R., Jochec F. jej vyvěsí.\n") == [
        ("Orkáč R.", "10.8.2018", "Plakát vyhotoví"),
        ("Jochec F.", None, "vyvěsí plakát"),
    ]


# --- E. a verifier beside the recorder --------------------------------------------------------------------


def test_a_verifier_under_the_recorders_label_is_no_second_recorder() -> None:
    for line, recorder in [
        ("Zapsala: Jana Malá a Eva Horká (ověřovatelka)", "Jana Malá"),
        ("Zapsal: Petr Kos a Jan Malý (ověřovatel zápisu)", "Petr Kos"),
        ("Zapsala: Jana Malá a Eva Horká (tajemnice)", "Jana Malá a Eva Horká"),
    ]:
        text = (
            f"Zápis z jednání komise ze dne 4. 5. 2021\n\nPřítomni: Jan Malý, Eva Horká, Petr Kos\n{line}\n"
        )
        assert recognise(text).recorder == recorder, line


# --- F. `ukládá povinnost` ---------------------------------------------------------------------------------


def test_a_body_that_imposes_a_duty_on_someone_named_sets_a_task() -> None:
    head = "Zápis ze schůze výboru ze dne 12. 4. 2023\n\nPřítomni: Jan Novák, Petr Malý, Jana Nová\n\n"
    assert tasks(
        head + "Výbor ukládá povinnost předsedovi Janu Novákovi zajistit revizi do 30. 6. 2023.\n"
    ) == [("předseda Jan Novák", "30. 6. 2023", "zajistit revizi")]
    # a duty the law imposes, or one imposed on no one named, is none
    for line in [
        "Zákon ukládá povinnost vést evidenci členů.",
        "Zákon ukládá povinnost členům výboru zajistit revizi do 30. 6. 2023.",
        "Stanovy spolku ukládají povinnost vést evidenci do 30. 6. 2023.",
        "Výbor ukládá povinnost vést evidenci do 30. 6. 2023.",
    ]:
        assert tasks(head + line + "\n") == [], line

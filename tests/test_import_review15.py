"""An adversarial review of the importer's rules of branch importmiss6 (issue #19, precision first):
variants of Czech minutes written here that made those rules give a wrong owner, task or recorder."""

from __future__ import annotations

from kpss_cli.importing import recognise


def tasks(text: str) -> list[tuple[str | None, str, str | None]]:
    imported = recognise(text)
    assert imported is not None
    return [(t["owner"], t["task"], t["due"]) for t in imported.tasks]


def recorder(text: str) -> str | None:
    imported = recognise(text)
    assert imported is not None
    return imported.recorder


_TITLE = "Zápis z jednání sociální komise ze dne 3. 3. 2021\n\n"
_HEAD = _TITLE + "Přítomni: Jan Malý, Eva Nová, Petr Kos, Jana Malá\n\n"


# --- a state of not being there said of others after the recorder's name keeps the recorder -------------


def test_those_said_absent_after_the_recorders_name_leave_the_recorder_who_wrote_them() -> None:
    for line, who in [
        ("Zapsal: Petr Kos, omluveni Jana Bílá a Eva Nová", "Petr Kos"),
        ("Zapsala: Jana Malá, omluvena z jednání byla Eva Nová", "Jana Malá"),
        ("Zápis vyhotovila: Jana Malá, nepřítomná Eva Nová", "Jana Malá"),
    ]:
        assert recorder(_HEAD + line + "\n\n1. Zahájení\n\nText.\n") == who, line
    # the recorder's own state still gives way to whoever the line says wrote them, as before
    line = "Zapisovatelka: Jana Bílá (omluvena), zapsal Petr Kos"
    assert recorder(_HEAD + line + "\n\n1. Zahájení\n\nText.\n") == "Petr Kos"


def test_a_recorder_said_absent_after_a_comma_and_is_writes_no_minutes() -> None:
    for line in [
        "Zapisovatelka: Jana Bílá, je nepřítomna, zapsal předseda",
        "Zapisovatel: Karel Bílý, byl omluven",
    ]:
        assert recorder(_HEAD + line + "\n\n1. Zahájení\n\nText.\n") is None, line


# --- a reminder's task ends where another person's part begins -----------------------------------------


def test_a_reminder_to_one_does_not_take_the_next_persons_task_or_deadline() -> None:
    text = "Janě Malé bylo uloženo zajistit sál, Evě Nové bylo uloženo připravit pozvánky do 5. 4. 2021.\n"
    assert tasks(_HEAD + "1. Různé\n\n" + text) == [
        ("Jana Malá", "zajistit sál", None),
        ("Eva Nová", "připravit pozvánky", "5. 4. 2021"),
    ]
    text = "Janě Malé bylo uloženo zajistit sál a Evě Nové připravit pozvánky.\n"
    assert tasks(_HEAD + "1. Různé\n\n" + text) == [("Jana Malá", "zajistit sál", None)]


# --- a body that would entrust someone (conditional mood) entrusts nobody yet -----------------------------


def test_a_body_that_would_entrust_a_person_sets_no_task() -> None:
    for sentence in [
        "Zastupitelstvo by pověřilo J. Kose zajistit nabídky, pokud obec získá dotaci.",
        "Rada by pověřila Janu Malou připravit návrh smlouvy.",
        "Výbor by v takovém případě pověřil P. Kose jednat s firmou.",
    ]:
        assert tasks(_HEAD + "1. Hřiště\n\n" + sentence + "\n") == [], sentence
    # what a body did entrust stays a task
    assert tasks(_HEAD + "1. Hřiště\n\nZastupitelstvo pověřilo J. Kose zajistit nabídky.\n") == [
        ("J. Kos", "zajistit nabídky", None)
    ]


# --- a request reported done: a participle after a consonant, `má zajištěno`, a day between ---------------


def test_a_request_reported_done_in_other_words_is_no_task() -> None:
    for sentence in [
        "Předseda požádal Jana Kose, aby zajistil stany, což už má zajištěno.",
        "Předseda požádal Jana Kose, aby zajistil stany, což již dnes splnil.",
        "Předseda požádal Jana Kose, aby zajistil úklid sálu, což již proběhlo.",
    ]:
        assert tasks(_HEAD + "1. Hřiště\n\n" + sentence + "\n") == [], sentence
    # why it is needed, or a promise made earlier, leaves the task standing
    for sentence in [
        "Předseda požádal Jana Kose, aby zajistil stany, což už dál nejde odkládat.",
        "Předseda požádal Jana Kose, aby zajistil stany, což již dříve slíbil.",
    ]:
        found = tasks(_HEAD + "1. Hřiště\n\n" + sentence + "\n")
        assert [(owner, due) for owner, _task, due in found] == [("Jan Kos", None)], sentence

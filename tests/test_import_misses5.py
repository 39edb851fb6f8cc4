"""General patterns of Czech minutes behind the task misses left by the twentieth real held-out batch
(issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise


def tasks(text: str) -> list[tuple[str | None, str | None]]:
    imported = recognise(text)
    assert imported is not None
    return [(t["owner"], t["due"]) for t in imported.tasks]


def task_texts(text: str) -> list[str]:
    imported = recognise(text)
    assert imported is not None
    return [t["task"] for t in imported.tasks]


_HEAD = (
    "Zápis z jednání sportovní komise ze dne 3. 3. 2021\n\nPřítomni: Malá E., Kos J., Bor P., Eva Nová\n\n"
)


# --- a task said to go on (`– úkol trvá`) with a deadline not yet past is still open -------------------


def test_a_task_said_to_go_on_with_a_deadline_after_the_meeting_is_still_a_task() -> None:
    for line, owner, due in [
        (
            " • Malá E. a Kos J. připraví do 30.4.2021 soupis nářadí pro klubovnu – úkol trvá.",
            "Malá E. a Kos J.",
            "30.4.2021",
        ),
        ("Bor P. zajistí do 15. 5. 2021 nabídky na opravu hřiště - trvá.", "Bor P.", "15. 5. 2021"),
        (" • Kos J. zpracuje do 1.6.2021 rozpis tréninků (pokračuje).", "Kos J.", "1.6.2021"),
    ]:
        found = recognise(_HEAD + "Ad 1) Hřiště\n\n" + line + "\n")
        assert [(t["owner"], t["due"]) for t in found.tasks] == [(owner, due)], line
        assert "trvá" not in found.tasks[0]["task"] and "pokračuje" not in found.tasks[0]["task"], line
        assert "tasks.1" in found.guesses, line  # read from a sentence: marked as a guess


def test_a_task_said_to_go_on_without_a_dated_deadline_or_past_due_or_done_is_none() -> None:
    for line in [
        # the deadline before the meeting: an old task carried on, reviewed, not set here
        "Bor P. zajistí do 15. 1. 2021 nabídky na opravu hřiště – úkol trvá.",
        # no deadline with its year: nothing says it is still open after this meeting
        "Bor P. zajistí nabídky na opravu hřiště – úkol trvá.",
        "Bor P. zajistí do 15. 5. nabídky na opravu hřiště – trvá.",
        # done or cancelled
        "Bor P. zajistí do 15. 5. 2021 nabídky na opravu hřiště – splněno.",
        "Bor P. zajistí do 15. 5. 2021 nabídky na opravu hřiště – zrušeno.",
    ]:
        assert tasks(_HEAD + "Ad 1) Hřiště\n\n" + line + "\n") == [], line


# --- the same task told under two items of the agenda is two tasks -----------------------------------


def test_the_same_sentence_under_two_items_of_the_agenda_sets_a_task_under_each() -> None:
    text = (
        _HEAD
        + "Ad 1) Dětský den\n\n • Pozvánku připraví do 20.5.2021 Kos J.\n\n"
        + "Ad. 2) Drakiáda\n\n • Pozvánku připraví do 20.5.2021 Kos J.\n"
    )
    assert tasks(text) == [("Kos J.", "20.5.2021"), ("Kos J.", "20.5.2021")]


def test_the_same_sentence_repeated_under_one_item_or_listed_again_is_one_task() -> None:
    once = (
        _HEAD
        + "Ad 1) Dětský den\n\n • Pozvánku připraví do 20.5.2021 Kos J.\n • Pozvánku připraví do 20.5.2021 Kos J.\n"
    )
    assert tasks(once) == [("Kos J.", "20.5.2021")]
    # an item that sums up the tasks or the conclusions repeats them: no new task
    for heading in ["2. Úkoly", "Ad 2) Přehled úkolů", "Závěr:", "3) Usnesení a závěry"]:
        summed = (
            _HEAD
            + "1. Dětský den\nEva Nová zašle pozvánky do 20. 5. 2021.\n\n"
            + f"{heading}\nEva Nová zašle pozvánky do 20. 5. 2021.\n"
        )
        assert tasks(summed) == [("Eva Nová", "20. 5. 2021")], heading


# --- a second task with the verb left out (`…, p. Kos vystoupení ZŠ`) ----------------------------------

_TEAM = "Zápis z jednání kulturní komise ze dne 4. 5. 2018\n\nPřítomni: Malá E., Kos J., Bor P., Vrba T.\n\nAd 1) Akce\n\n"


def test_a_second_owner_and_object_after_a_comma_share_the_verb_of_the_task_before() -> None:
    for line, second in [
        (
            " • p. Malá projedná vystoupení mateřské školy, p. Kos vystoupení ZŠ",
            ("p. Kos", "projedná vystoupení ZŠ"),
        ),
        (
            " • paní Malá zajistí ozvučení sálu, pan Vrba osvětlení pódia.",
            ("pan Vrba", "zajistí osvětlení pódia"),
        ),
        (
            "p. Bor objedná autobus na zájezd, p. Kos vstupenky do muzea.",
            ("p. Kos", "objedná vstupenky do muzea"),
        ),
    ]:
        found = recognise(_TEAM + line + "\n")
        assert [(t["owner"], t["task"]) for t in found.tasks][1:] == [second], line
        assert len(found.tasks) == 2 and "tasks.2" in found.guesses, line


def test_a_second_person_with_a_verb_of_their_own_or_declined_is_no_gapped_task() -> None:
    for line in [
        # a verb of its own, past or present: no verb left out
        " • p. Malá projedná vystoupení mateřské školy, p. Kos souhlasil s termínem",
        " • p. Malá projedná vystoupení mateřské školy, p. Kos nesouhlasí s termínem",
        " • p. Malá projedná vystoupení mateřské školy, p. Kos se omlouvá",
        # a surname in another case: whose, or for whom
        " • p. Malá projedná vystoupení mateřské školy, p. Kosovi termín",
        " • p. Malá projedná vystoupení mateřské školy, p. Nováka kapela",
    ]:
        assert [owner for owner, _due in tasks(_TEAM + line + "\n")] == ["p. Malá"], line


# --- an owner named in the dative, taken up by a relative clause -------------------------------------


def test_someone_named_in_the_dative_who_takes_on_a_task_in_a_relative_clause_owns_it() -> None:
    for line, owner, text in [
        (
            " • plakáty byly předány p. Vrbovi, který zajistí vyvěšení, p. Kos projednal termín.",
            "p. Vrba",
            "zajistí vyvěšení",
        ),
        ("Klíče od sálu byly předány paní Malé, která připraví výzdobu.", "paní Malá", "připraví výzdobu"),
        ("Seznam byl předán panu Borovi, který rozešle pozvánky.", "pan Bor", "rozešle pozvánky"),
        (
            "Podklady byly předány p. Kosovi, který zpracuje rozpočet (viz příloha).",
            "p. Kos",
            "zpracuje rozpočet",
        ),
    ]:
        found = recognise(_TEAM.replace("Bor P.", "Bor P., Jochec F.") + line + "\n")
        assert [(t["owner"], t["task"]) for t in found.tasks] == [(owner, text)], line
        assert "tasks.1" in found.guesses, line
    # a surname whose vowel is dropped in declension (`Jochec` -> `Jochcovi`)
    found = recognise(
        _TEAM.replace("Bor P.", "Jochec F.")
        + " • plakáty byly předány p. Jochcovi, který zajistí vyvěšení.\n"
    )
    assert [t["owner"] for t in found.tasks] == ["p. Jochec"]


def test_a_dative_of_someone_not_at_the_meeting_or_no_task_verb_after_it_is_no_owner() -> None:
    for line in [
        # not at the meeting: who it is cannot be told from the dative
        "Plakáty byly předány p. Horákovi, který zajistí vyvěšení.",
        # the relative clause tells what was, or no task
        "Plakáty byly předány p. Vrbovi, který je vyvěsil.",
        "Plakáty byly předány p. Vrbovi, který informuje členy.",
        # under a condition, or with a state after it
        "Plakáty budou předány p. Vrbovi, který zajistí vyvěšení, pokud bude čas.",
        "Plakáty byly předány p. Vrbovi, který zajistí vyvěšení – splněno.",
    ]:
        assert tasks(_TEAM + line + "\n") == [], line


# --- a bracket opened by its owner (`(paní Malá akce zašle e-mailem)`) --------------------------------

_GLUED = "Zápis z jednání komise dne 5. 1. 2011\n\nPřítomni: M.Malá, J. Holan, E.Kosová\n\n"


def test_a_bracket_opened_by_someone_at_the_meeting_and_a_task_verb_sets_a_task() -> None:
    for line, owner, text in [
        ("2) Akce spolku Kaštánek (paní Malá akce zašle e-mailem)", "paní Malá", "zašle akce e-mailem"),
        ("3) Dětský karneval (pan Holan zajistí)", "pan Holan", "zajistí"),
        (
            "Pouť – program (p. Kosová seznam kapel připraví do 30. 4.)",
            "p. Kosová",
            "připraví seznam kapel",
        ),
    ]:
        found = recognise(_GLUED + line + "\n")
        assert [(t["owner"], t["task"]) for t in found.tasks] == [(owner, text)], line
        assert found.tasks[0]["due"] == ("30. 4. 2011" if "30. 4." in line else None), line
        assert "tasks.1" in found.guesses, line


def test_a_bracket_of_someone_absent_declined_or_told_is_no_task() -> None:
    for line in [
        "2) Akce spolku Kaštánek (paní Horáková akce zašle e-mailem)",  # not at the meeting
        "2) Akce spolku (pan Holan akce zaslal e-mailem)",  # done: no verb of a task to do
        "2) Akce spolku (paní Malou akce zajímají)",  # not the subject
        "2) Akce spolku (paní Malá akce informuje průběžně)",  # what she does, not a task
        "2) Akce spolku (pan Holan akce zašle, pokud budou)",  # under a condition
        "2) Akce spolku (pan Holan akce zašle – splněno)",  # done
    ]:
        assert tasks(_GLUED + line + "\n") == [], line


# --- owners after the verb: a list with a bracket each, the members or participants ---------------------

_ENTRY = "10.11.2022 – výborová schůze\n\nVýroční schůze se uskuteční 14.01.2023 od 19 hodin. Petr Kos zajistí sál. "


def test_people_listed_after_the_verb_with_a_bracket_each_own_the_task_together() -> None:
    for sentence, owner in [
        (
            "Příprava začne od 17:30. Zprávy si připraví Petr Kos (činnost sboru), Jana Malá (mládež), Eva Vrbová (ženy).",
            "Petr Kos, Jana Malá, Eva Vrbová",
        ),
        ("Podklady připraví Petr Kos st. (hospodaření) a Eva Vrbová (kronika).", "Petr Kos st., Eva Vrbová"),
    ]:
        found = tasks(_ENTRY + sentence + "\n")
        assert found[-1] == (owner, None), sentence
    # one listed there owns another task as its subject: the others of the list, in turn, may own one after the verb
    text = _ENTRY + "Zprávy si připraví Petr Kos (sbor), Jana Malá (mládež). Pozvánky vytvoří Jana Malá.\n"
    assert tasks(text)[-1] == ("Jana Malá", None)


def test_a_list_after_the_verb_of_no_one_known_declined_or_unbracketed_is_no_owner() -> None:
    for sentence in [
        # no one of the list is known from the minutes: whom, perhaps
        "Zprávy si připraví Karel Dub (sbor), Jana Malá (mládež).",
        # in the accusative (whom to ask)
        "Ceny osloví Petra Kose (sbor), Janu Malou (mládež).",
    ]:
        assert [owner for owner, _due in tasks(_ENTRY + sentence + "\n")] == ["Petr Kos"], sentence
    # not a first name: no list of owners
    found = tasks(_ENTRY + "Zprávy si připraví Petr Kos (sbor), Hasiči Žákava (mládež).\n")
    assert not any("Žákava" in (owner or "") for owner, _due in found)


def test_the_members_or_participants_in_the_nominative_after_the_verb_own_the_task() -> None:
    for sentence, owner in [
        ("Motorové pily zajistí účastníci brigády.", "účastníci brigády"),
        ("Pozvánky rozešlou členové výboru.", "členové výboru"),
        ("Občerstvení připraví ostatní členky.", "ostatní členky"),
    ]:
        assert tasks(_ENTRY + sentence + "\n")[-1] == (owner, None), sentence
    for sentence in [
        "Motorové pily zajistí účastníkům brigády.",  # to whom
        "Pozvánky zašle členům výboru.",
        "Motorové pily zajistí účastníci brigády, pokud přijdou.",  # more after it, a condition
        "Na brigádu přijdou účastníci kurzu.",  # no verb of a task
    ]:
        assert [owner for owner, _due in tasks(_ENTRY + sentence + "\n")] == ["Petr Kos"], sentence


# --- one person by the role after the verb; a nickname alone once the minutes named it with the surname ----

_CLUB = (
    "Zápis ze schůze osadního výboru ze dne 2. 3. 2024\n\n"
    "Přítomni: Karel Dub, Rostislav Kos, Jiří Malý, Eva Horká\n\n"
)


def test_one_person_by_the_role_after_the_verb_closing_the_sentence_owns_the_task() -> None:
    for line, owner, text in [
        ("8/ Opravy cest projedná předseda se starostou.", "předseda", "Opravy cest projedná se starostou"),
        ("3) Další schůzi výboru svolá starostka.", "starostka", "Další schůzi výboru svolá"),
        (
            "Nabídky na opravu zjistí pokladník s panem Dubem.",
            "pokladník",
            "Nabídky na opravu zjistí s panem Dubem",
        ),
    ]:
        found = recognise(_CLUB + line + "\n")
        assert [(t["owner"], t["task"]) for t in found.tasks] == [(owner, text)], line
    for line in [
        "Opravy cest projedná předseda se starostou, až bude rozpočet.",  # more after it
        "Předseda projednal opravy cest se starostou.",  # done
        "Opravy cest projedná předsedovi starosta obce Lhota a firma.",  # to whom; more than a role
        "Zajistí předseda.",  # no object before the verb: what is to be done is not said
    ]:
        assert tasks(_CLUB + line + "\n") == [], line


def test_a_nickname_alone_names_the_person_once_the_minutes_wrote_it_with_a_surname_at_the_meeting() -> None:
    text = _CLUB + "9/ Rosťa Kos informoval o plakátech. Rosťa je vyzvedne a předá Karlovi.\n"
    assert tasks(text) == [("Rosťa", None)]
    # without the surname anywhere, or with a surname of no one at the meeting, a nickname names no one known
    assert tasks(_CLUB + "9/ Plakáty jsou u Zdeňka. Rosťa je vyzvedne a předá Karlovi.\n") == []
    assert (
        tasks(_CLUB + "9/ Rosťa Novotný informoval o plakátech. Rosťa je vyzvedne a předá Karlovi.\n") == []
    )


# --- a surname and an initial closing the clause after a longer object; a condition of a later clause ------


def test_a_surname_and_initial_of_someone_present_closes_the_clause_after_a_longer_object() -> None:
    for line, owner in [
        (
            " • Občerstvení pro hosty projedná na hřišti TJ Sokol Kos J., zajistí také pohár pro vítěze.",
            "Kos J.",
        ),
        (" • Nářadí na brigádu přiveze z klubovny v Lhotě Bor P.", "Bor P."),
        # a condition in a later clause of the same owner is no condition of this one
        (
            " • Ozvučení objedná u firmy Zvuk Vrba T., zajistí stan, předjedná v případě deště sál.",
            "Vrba T.",
        ),
    ]:
        found = recognise(_TEAM.replace("přiveze", "") + line.replace("přiveze", "zajistí") + "\n")
        assert [t["owner"] for t in found.tasks] == [owner], line
        assert " ," not in found.tasks[0]["task"], line
    for line in [
        " • Občerstvení pro hosty projedná na hřišti TJ Sokol Horák J., zajistí pohár.",  # not at the meeting
        " • Občerstvení pro hosty projedná na hřišti s Kos J.",  # right after a preposition: with whom
        " • Občerstvení projedná na hřišti, pokud bude hezky, Kos J.",  # a comma between: not one clause
        " • Občerstvení projedná na hřišti TJ Sokol Kos J., pokud bude hezky.",  # under a condition
    ]:
        assert tasks(_TEAM + line + "\n") == [], line


# --- a deed told in the future (`bude`/`budou` and an infinitive) by people named after it -------------------


def test_a_deed_in_the_future_by_people_named_after_it_one_known_is_their_task() -> None:
    for sentence, owner in [
        ("Tombolu budou prodávat Petr Kos a Jan Bor.", "Petr Kos a Jan Bor"),
        ("Vstupné bude 100 Kč a vybírat ho bude Petr Kos a Eva Malá.", "Petr Kos a Eva Malá"),
        ("Ceny bude rozdávat Petr Kos.", "Petr Kos"),
    ]:
        found = recognise(_ENTRY + sentence + "\n")
        assert [t["owner"] for t in found.tasks][1:] == [owner], sentence
        assert "tasks.2" in found.guesses, sentence


def test_a_future_deed_of_no_one_known_whom_or_under_a_condition_is_no_task() -> None:
    for sentence in [
        "Tombolu budou prodávat Karel Dub a Jan Bor.",  # no one known from the minutes
        "Hudbu bude hrát skupina Sortiment.",  # no person
        "Ceny bude předávat Petru Kosovi a Janu Vrbovi.",  # to whom
        "Pokud bude hezky, tombolu budou prodávat Petr Kos a Jan Vrba.",  # under a condition
        "Zápis bude psát Petr Kos.",  # who writes these minutes
        "Tombolu budou prodávat Petr Kos a hasiči.",  # not all named people
    ]:
        assert [owner for owner, _due in tasks(_ENTRY + sentence + "\n")] == ["Petr Kos"], sentence


# --- a promise told in a sentence and read again as a block with its deadline below is one task ----------


def test_a_sentences_task_with_its_deadline_on_the_next_line_is_one_task_with_the_sentences_owner() -> None:
    head = "Zápis z jednání pracovní skupiny Rodina ze dne 3. 4. 2019\n\nPřítomni: Jan Kos, Eva Malá\n\n1. Úvod\n"
    for line, owner in [
        ("Katalog doplní koordinátorka.", "koordinátorka"),
        ("Katalog doplní p. Kos.", "p. Kos"),
        ("Pan Kos doplní katalog.", "Pan Kos"),
    ]:
        assert tasks(head + line + "\nTermín: 30. 4. 2019\n") == [(owner, "30. 4. 2019")], line
    # another sentence's task above a block stays its own
    found = tasks(head + "Pan Kos doplní katalog.\nÚkol: rozeslat pozvánky\nTermín: 30. 4. 2019\n")
    assert ("Pan Kos", None) in found and len(found) == 2

"""The known misses of issue #19 left after `importmiss2`, each fixed by its general cause: a pattern of
Czech minutes tested with variants written here (not the held-out files that showed it), each checked
to fail on the code before its rule."""

from __future__ import annotations

from kpss_cli.importing import recognise

from .recognised import names

_HEAD = (
    "Zápis z jednání výboru spolku Lhota dne 4. 5. 2021\n\nPřítomni: Jana Malá, Petr Sýkora, Eva Horká\n\n"
)


def tasks_of(body: str) -> list[tuple[str | None, str | None]]:
    return [(t["owner"], t["due"]) for t in recognise(_HEAD + body + "\n").tasks]


# --- a task told in a sentence without a deadline ------------------------------------------------


def test_a_named_persons_promise_is_a_task_without_a_deadline() -> None:
    # A perfective verb in the present means the future: a named member's promise is a task (FORMAT.md:
    # `due` is optional), its owner before the verb or after it (Czech puts the subject last for weight).
    for sentence, owner in (
        ("Rostislav Cakl zajistí bankovní kontakt na spolek.", "Rostislav Cakl"),
        ("Detailní umístění sčítačů prokonzultuje T. Prousek s pracovníky TSK.", "T. Prousek"),
        ("Hosta na setkání zajistí p. Málková.", "p. Málková"),
        ("Vstupenky i dopravu zajistí pí Nová.", "pí Nová"),
        ("Zajistí Jitka Teichmanová.", "Jitka Teichmanová"),
        ("Leták bude ve formě skládačky (vyrobí ho J. Trávníček).", "J. Trávníček"),
        ("Žádost na toto pošle pan předseda vedení školy.", "pan předseda"),
        ("Tento rok zajistí strom M. Hájek, ostatní pomohou.", "M. Hájek"),
        ("Velitel J. Pecka připraví požadovanou techniku a hadice.", "Velitel J. Pecka"),
        ("Rozpis byl schválen a Jan Řezníček jej rozešle.", "Jan Řezníček"),
    ):
        assert tasks_of(sentence) == [(owner, None)], sentence


def test_two_clauses_with_their_own_subjects_are_two_tasks() -> None:
    assert tasks_of("Hosta zajistí p. Málková a ostatní členky komise připraví pohoštění.") == [
        ("p. Málková", None),
        ("ostatní členky komise", None),
    ]
    assert tasks_of("- podklady zpracuje p. Bitnerová za úspěšné MAS, za neúspěšné doplní p. Kuthanová") == [
        ("p. Bitnerová", None),
        ("p. Kuthanová", None),
    ]
    # a second verb that shares the subject keeps one task, with its deadline
    assert tasks_of("Pan Novák zpracuje návrh a zašle ho do 5. 5. 2021.") == [("Pan Novák", "5. 5. 2021")]


def test_a_sentence_ends_after_an_acronym_before_a_word_in_lower_case() -> None:
    # `… na zahradě MŠ. Členky komise zajistí …`: the acronym closes the sentence; an initial does not
    assert tasks_of("Akce proběhne na zahradě MŠ. Členky sociální komise zajistí atrakce.") == [
        ("Členky sociální komise", None)
    ]
    assert tasks_of("Dohodu podepsalo vedení ZŠ. Pan Novák zašle kopii do 5. 5. 2021.") == [
        ("Pan Novák", "5. 5. 2021")
    ]


def test_a_new_clause_after_a_comma_has_its_own_subject() -> None:
    assert tasks_of("- web – zajištěno p. Bitnerová, p. Kulíšek doplní připomínky") == [("p. Kulíšek", None)]
    # people listed together own it together: no one of them alone (two joined by `a` own it both, as the
    # held-out truths write them; batch 20)
    assert tasks_of("Jan Kos, Eva Malá zašlou podklady.") == []
    assert tasks_of("Jan Kos a Eva Malá zašlou podklady.") == [("Jan Kos a Eva Malá", None)]


def test_no_task_without_a_deadline_where_it_tells_what_happens_or_who_writes_the_minutes() -> None:
    for sentence in (
        "Pan Novák informuje členy o výsledcích.",  # imperfective: what happens now
        "Koordinátorka informuje členy o výsledcích dotačního řízení.",
        "Zápis z jednání vypracuje paní Gabriela Sodomková.",  # the recorder, not a task
        "Ověření provedou pí Ettelová a p. Juránek.",  # who verifies these minutes
        "Předloží návrh p. Novákovi.",  # the dative: to whom, not who
        "Pan Novák zajistil dopravu.",  # done (past)
        "Poskytovatelé zašlou podklady.",  # a class of people, no one named
        "Zdeněk Krejčí nezajistí dopravu.",
    ):
        assert tasks_of(sentence) == [], sentence


# --- the next meeting's roles on lines of their own ----------------------------------------------


def test_roles_handed_out_under_the_next_meetings_heading_are_not_this_meetings() -> None:
    for tail in (
        "Příští setkání\nmoderace – Eva Horká\nzápis – Petr Sýkora",
        "Příští setkání: 3. 6. 2021\nmoderace – Eva Horká\nzápis – Petr Sýkora",
        "Na příštím jednání:\nModerátor: Eva Horká\nZapisovatel: Petr Sýkora",
        "Další setkání 3. 6. 2021 v 16:00\n- moderace: Eva Horká\n- zápis: Petr Sýkora",
        "Příští jednání: 3. 6. 2021\n\nmoderace – Eva Horká",
    ):
        imported = recognise(_HEAD + "1. Různé\n\n" + tail + "\n")
        assert (imported.moderator, imported.recorder) == (None, None), tail
    # the same roles with no next meeting above are this meeting's; `Zapsala:` (done) always is
    imported = recognise(_HEAD + "Moderace – Jana Malá\nZápis – Petr Sýkora\n\n1. Zahájení\n")
    assert (imported.moderator, imported.recorder) == ("Jana Malá", "Petr Sýkora")
    imported = recognise(_HEAD + "1. Různé\n\nPříští jednání: 3. 6. 2021\nZapsala: Eva Horká\n")
    assert imported.recorder == "Eva Horká"


# --- `odpovídá Name` in brackets -----------------------------------------------------------------


def test_an_owner_word_in_brackets_after_a_task_names_who_is_responsible() -> None:
    # Decision: `(odpovídá Bc. Pustějovská, termín …)` after an item of tasks
    # (test_import_layouts.test_owner_and_deadline_named_by_words_inside_brackets) stays an owner: in
    # brackets after an item, real minutes use it for who is responsible for the task. What answers a
    # question or agrees with a plan (`– odpovídá Petr Sýkora.` after a question, `(odpovídá Komunitnímu
    # plánu)`) follows no task told by its infinitive, so it sets none. The miss was elsewhere: after a
    # task told by its infinitive outside a section of tasks the owner word without a colon was not read,
    # and a deadline in the bracket kept its closing bracket.
    assert tasks_of("- objednat autobus (zodpovídá Eva Horká)") == [("Eva Horká", None)]
    assert tasks_of("- objednat autobus (odpovídá Eva Horká)") == [("Eva Horká", None)]
    assert tasks_of("- připravit rozpočet (odpovídá Petr Sýkora, termín 31. 5. 2021)") == [
        ("Petr Sýkora", "31. 5. 2021")
    ]
    assert tasks_of("- Kapacita služby (odpovídá Komunitnímu plánu)") == []
    assert tasks_of("3. Diskuse\n\nDotaz p. Dubové na opravu lávky (odpovídá Petr Sýkora).") == []


# --- bare surnames one a line ----------------------------------------------------------------------


_TITLE = "Zápis z jednání výboru spolku Lhota dne 4. 5. 2021\n\n"


def test_bare_surnames_one_a_line_under_every_label_of_the_attendance() -> None:
    # the minutes wrote those present by surname alone: one or two under the next labels are people too
    imported = recognise(
        _TITLE
        + "Přítomni:\nNovák\nDvořáková\nSýkora\n\nOmluveni:\nHorká\nMalý\n\nHosté:\nBeneš\n\n1. Zahájení\n"
    )
    assert names(imported.present) == ["Novák", "Dvořáková", "Sýkora"]
    assert (names(imported.excused), names(imported.guests)) == (["Horká", "Malý"], ["Beneš"])
    # one or two surnames alone count where each is a surname by its form
    imported = recognise(
        _TITLE + "Přítomni: Jan Kos, Eva Malá\n\nOmluveni:\nDvořáková\nVeselská\n\n1. Zahájení\n"
    )
    assert names(imported.excused) == ["Dvořáková", "Veselská"]


def test_bare_surnames_spaced_by_blank_lines() -> None:
    imported = recognise(_TITLE + "Přítomni:\n\nNovák\n\nDvořáková\n\nSýkora\n\n1. Zahájení\n")
    assert names(imported.present) == ["Novák", "Dvořáková", "Sýkora"]


def test_one_word_lines_that_need_not_be_people_are_left() -> None:
    # two words of no surname's form (a town, a body) with no list of surnames before them
    imported = recognise(_TITLE + "Přítomni: Jan Kos, Eva Malá\n\nOmluveni:\nHradec\nArkáda\n\n1. Zahájení\n")
    assert names(imported.excused) == []
    # a heading under the list is no surname
    imported = recognise(
        _TITLE + "Přítomni:\nNovák\nDvořáková\nSýkora\n\nZahájení\nJednání zahájil p. Novák.\n"
    )
    assert names(imported.present) == ["Novák", "Dvořáková", "Sýkora"]

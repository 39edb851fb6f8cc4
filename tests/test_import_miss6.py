"""General patterns of Czech minutes behind misses and misfires of the importer left after the twenty-first
real held-out batch (issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise
from tests.recognised import names


def tasks(text: str) -> list[tuple[str | None, str | None]]:
    imported = recognise(text)
    assert imported is not None
    return [(t["owner"], t["due"]) for t in imported.tasks]


_TITLE = "Zápis z jednání sportovní komise ze dne 3. 3. 2021\n\n"
_HEAD = _TITLE + "Přítomni: Malá E., Kos J., Bor P., Eva Nová\n\n"


# --- a body of the neuter gender entrusts a person too (`zastupitelstvo pověřilo …`) --------------------


def test_a_neuter_body_entrusts_a_named_person_with_a_deed() -> None:
    for sentence, owner, due in [
        ("Zastupitelstvo pověřilo J. Kose zajistit nabídky do 30. 4. 2021.", "J. Kos", "30. 4. 2021"),
        ("Předsednictvo pověřilo Janu Novou připravit návrh rozpočtu.", "Jana Nová", None),
        ("Shromáždění pověřilo pana Petra Kose zajistit opravu střechy.", "Petr Kos", None),
    ]:
        assert tasks(_HEAD + "1. Hřiště\n\n" + sentence + "\n") == [(owner, due)], sentence
    # leading this meeting is no task, whatever the gender of who entrusted it
    assert tasks(_HEAD + "1. Zahájení\n\nZastupitelstvo pověřilo J. Kose řídit dnešní zasedání.\n") == []


# --- `…, což je již nutné` says why; only a deed reported done next to `již` drops the request ----------


def test_a_request_whose_clause_says_why_it_is_needed_now_stays_a_task() -> None:
    for sentence, owner in [
        ("Předseda požádal Jana Kose, aby připravil podklady pro rozpočet, což je již nutné.", "Jan Kos"),
        (
            "Předsedkyně vyzvala členy komise, aby připravili návrhy akcí, což je již nezbytné.",
            "členové komise",
        ),
        ("Předseda požádal Jana Kose, aby zajistil opravu sítě, což už je třeba udělat.", "Jan Kos"),
    ]:
        assert tasks(_HEAD + "1. Hřiště\n\n" + sentence + "\n") == [(owner, None)], sentence


def test_a_request_reported_done_already_is_no_task() -> None:
    for sentence in [
        "Předseda požádal Jana Kose, aby připravil podklady pro rozpočet, což již učinil.",
        "Předseda požádal Jana Kose, aby zaslal pozvánky, a ten je již zaslal.",
        "Předsedkyně vyzvala členy komise, aby připravili návrhy akcí, což již bylo splněno.",
        "Předseda požádal Jana Kose, aby zajistil opravu sítě, což je již zajištěno.",
        "Předseda požádal Jana Kose, aby připravil podklady, což udělal už včera.",
    ]:
        assert tasks(_HEAD + "1. Hřiště\n\n" + sentence + "\n") == [], sentence


# --- those `přítomni také:` are guests beside a list of those present, wherever that list stands ---------


def test_those_also_present_are_guests_beside_a_list_of_those_present_before_or_after() -> None:
    also = "Jednání zahájil předseda, byli přítomni také: Petr Kos, Jana Bílá.\n"
    listed = "Přítomni: Jan Malý, Eva Nová\n\n"
    for text in [
        _TITLE + listed + "1. Zahájení\n\n" + also,
        _TITLE + "1. Zahájení\n\n" + also + "\n2. Různé\n\n" + listed,
    ]:
        found = recognise(text)
        assert names(found.present) == ["Jan Malý", "Eva Nová"], text
        assert names(found.guests) == ["Petr Kos", "Jana Bílá"], text


def test_who_opened_the_meeting_in_the_sentence_of_those_also_present_was_present_too() -> None:
    for line, opener in [
        (
            "Mgr. Jan Malý (dále jen „JM“) zahájil v 17 hod. schůzi výboru, kdy byli přítomni také: Petr Kos, Jana Bílá.",
            "Mgr. Jan Malý",
        ),
        ("Ing. Eva Nová zahájila schůzi výboru, byli přítomni také: Petr Kos a Jana Bílá.", "Ing. Eva Nová"),
    ]:
        found = recognise(_TITLE + line + "\n")
        assert names(found.present) == [opener, "Petr Kos", "Jana Bílá"], line
        assert names(found.guests) == [], line
    # no one named opened it: only those named after the label
    found = recognise(_TITLE + "Jednání zahájil předseda, byli přítomni také: Petr Kos, Jana Bílá.\n")
    assert names(found.present) == ["Petr Kos", "Jana Bílá"]


# --- the recorder is who wrote the minutes, not the recorder by role who was not there -----------------


def test_the_recorder_by_role_who_was_not_there_gives_way_to_who_wrote_the_minutes() -> None:
    head = _HEAD + "1. Zahájení\n\n"
    for line, recorder in [
        ("Zapisovatelka Jana Nová – nemocná, zápis pořídil Petr Malý.", "Petr Malý"),
        ("Zapisovatelka Jana Nová je nemocná, zápis pořídila Mgr. Eva Horká.", "Mgr. Eva Horká"),
        ("Zapisovatelka: Jana Nová (omluvena), zapsal Petr Malý", "Petr Malý"),
        ("Zapisovatel Jan Dub – na dovolené, zapsala Eva Horká.", "Eva Horká"),
        # the recorder by role not there and nobody else named: no recorder
        ("Zapisovatelka Jana Nová – nemocná.", None),
        # the recorder there: as before
        ("Zapisovatelka Jana Nová", "Jana Nová"),
        ("Zápis pořídil Petr Malý.", "Petr Malý"),
        # the next label run on after the recorder's name: no state of the recorder's
        ("Zapsal: Petr Malý, Nepřítomni: Jan Dub", "Petr Malý"),
    ]:
        assert recognise(head + line + "\n").recorder == recorder, line


# --- `Přítomni: předsedající a členové komise: …`: two roles joined by `a` before the colon ------------


def test_two_roles_joined_by_and_before_a_second_colon_lose_no_name() -> None:
    for line, present in [
        (
            "Přítomni: předsedající a členové komise: Jan Malý, Eva Nová, Petr Kos",
            ["Jan Malý", "Eva Nová", "Petr Kos"],
        ),
        ("Přítomni: předseda a členové výboru: Jan Malý, Eva Nová", ["Jan Malý", "Eva Nová"]),
        ("Přítomni: starosta a místostarosta obce: Jan Malý, Eva Nová", ["Jan Malý", "Eva Nová"]),
    ]:
        assert names(recognise(_TITLE + line + "\n\n1. Zahájení\n").present) == present, line


# --- a numbered list of people under `Přítomni:` does not end the head -----------------------------------


def test_a_numbered_list_of_people_under_an_attendance_label_does_not_end_the_head() -> None:
    for listed in [
        "Přítomni:\n1. Jan Malý\n2. Eva Nová\n3. Petr Kos\n",
        "Přítomni:\n\n1. Mgr. Jan Malý\n2. Eva Nová\n3. Petr Kos\n\nOmluveni:\n1. Jana Bílá\n",
    ]:
        found = recognise(
            _TITLE + listed + "Předsedající Jan Malý, předseda\nZapsala Eva Nová, tajemnice\n\n1. Zahájení\n"
        )
        assert (found.moderator, found.recorder) == ("Jan Malý", "Eva Nová"), listed
    # an agenda numbered under its label ends the head as before: a role with its name and more below it is
    # read only when the line holds the name alone
    found = recognise(
        _TITLE + "Přítomni: Jan Malý, Eva Nová\n\nProgram:\n1. Zahájení\n2. Různé\n\n"
        "Předsedající Jan Malý, který se omluvil, navrhl odklad.\n"
    )
    assert found.moderator is None


# --- a reminder to someone at the meeting named in the dative, also by a nickname, is a task for them ---


def test_a_reminder_or_a_passive_task_to_a_person_in_the_dative_is_their_task() -> None:
    head = "Zápis ze schůze výboru ze dne 3. 3. 2021\n\nPřítomni: Jiří Malý, Jana Nová, Petr Kos, Rostislav Cakl\n\n"
    for line, owner, due in [
        ("1/ Rosťovi Caklovi bylo připomenuto, aby si vyřídil vyúčtování ohňostroje.", "Rosťa Cakl", None),
        ("2. Janě Nové bylo uloženo zajistit sál do 30. 4. 2021. Další bod.", "Jana Nová", "30. 4. 2021"),
        (
            "Předseda informoval o plánu. Petrovi Kosovi bylo připomenuto, aby připravil rozpis služeb.",
            "Petr Kos",
            None,
        ),
        ("Jirkovi Malému bylo znovu připomenuto, aby zaslal fotografie.", "Jirka Malý", None),
    ]:
        found = recognise(head + line + "\n")
        assert [(t["owner"], t["due"]) for t in found.tasks] == [(owner, due)], line
        assert "tasks.1" in found.guesses, line


def test_a_reminder_to_someone_not_at_the_meeting_or_of_a_deed_done_sets_no_task() -> None:
    head = "Zápis ze schůze výboru ze dne 3. 3. 2021\n\nPřítomni: Jiří Malý, Jana Nová, Petr Kos\n\n"
    for line in [
        "Karlovi Novákovi bylo připomenuto, aby zaslal fotografie.",  # no Novák at the meeting
        "Petrovi Kosovi bylo připomenuto, aby připravil rozpis služeb, což již učinil.",
        "Petrovi Kosovi bylo připomenuto, že zaslal fotografie.",  # a fact recalled, no task
        "Rosťovi Kosovi bylo připomenuto, aby zaslal fotografie.",  # a nickname of no first name there
    ]:
        assert tasks(head + line + "\n") == [], line


# --- `posl. Volný`: an office before a lone surname marks a person, not the body of the one before -------


def test_an_office_before_a_lone_surname_in_a_run_of_offices_is_a_person() -> None:
    for line, excused in [
        (
            "Schůze se konala v budově A. Z jednání omluveni: posl. M. Hnilička, posl. F. Vácha a posl. "
            "K. Valachová a na dopoledne posl. Volný. Přítomni: dle prezenční listiny.",
            ["M. Hnilička", "F. Vácha", "K. Valachová", "Volný"],
        ),
        ("Omluveni: sen. Jan Malý, sen. Eva Nová, sen. Dub", ["Jan Malý", "Eva Nová", "Dub"]),
        ("Omluveni: posl. Jan Malý, posl. Eva Nová, posl. Volný", ["Jan Malý", "Eva Nová", "Volný"]),
    ]:
        found = recognise(_TITLE + line + "\n\n1. Zahájení\n")
        assert names(found.excused) == excused, line
        assert all(p["org"] is None for p in found.excused), line
    # a lone word after a full name with no office before it is still that person's body
    found = recognise(_TITLE + "Přítomni: Bc. Michal Rybář, Advaita, Eva Nová, Jan Kos\n\n1. Zahájení\n")
    assert names(found.present) == ["Bc. Michal Rybář", "Eva Nová", "Jan Kos"]


# --- `Orkáč. R.`: a surname with a stray full stop before its initial is still the subject ---------------


def test_a_surname_with_a_stray_full_stop_before_its_initial_owns_the_task() -> None:
    for line, owner, due in [
        (" • Orkáč. R. prověří možnost besedy k tomuto tématu", "Orkáč. R.", None),
        (" • Malá. E. zajistí do 30. 4. 2021 nabídky na opravu hřiště.", "Malá. E.", "30. 4. 2021"),
        ("Sál je zajištěn. Kos. J. připraví rozpis služeb do 5. 4. 2021.", "Kos. J.", "5. 4. 2021"),
    ]:
        assert tasks(_HEAD + "Ad 1) Hřiště\n\n" + line + "\n") == [(owner, due)], line
    # a sentence that ends and a lone initial with a capitalised surname after it: a new sentence as before
    assert tasks(
        _HEAD + "Ad 1) Hřiště\n\nSál je zajištěn. J. Kos připraví rozpis služeb do 5. 4. 2021.\n"
    ) == [("J. Kos", "5. 4. 2021")]


# --- a surname and an initial after the verb, the deadline after them (`rozešle Dvořák J. do 5. 4.`) ------


def test_an_owner_written_surname_first_after_the_verb_may_have_the_deadline_after_them() -> None:
    for attendance in [
        "Přítomni: Jan Malý, Eva Nová\nOmluveni: J. Dvořák\n",  # excused, and given a task
        "Přítomni: Malý J., Nová E.\nOmluveni: Dvořák J.\n",
    ]:
        head = _TITLE + attendance + "\n1. Zahájení\n\n"
        for line, owner, due in [
            ("Pozvánky rozešle Dvořák J. do 5. 4. 2021.", "Dvořák J.", "5. 4. 2021"),
            ("Pozvánky rozešle Dvořák J.", "Dvořák J.", None),
            ("Pozvánky rozešle do 5. 4. 2021 Dvořák J.", "Dvořák J.", "5. 4. 2021"),
            ("Plakáty vyvěsí Nová E. do 10. 4.", "Nová E.", "10. 4. 2021"),
        ]:
            assert tasks(head + line + "\n") == [(owner, due)], (attendance, line)
    # a place or an object after the surname and initial: not the clause's end, no owner read there
    head = _TITLE + "Přítomni: Malý J., Nová E.\n\n1. Zahájení\n\n"
    assert tasks(head + "Pozvánky rozešle Dvořák J. do schránek v obci.\n") == []


# --- a subject's deed in the past, then after `a` their promise with no new subject (`… a zítra je předá`) ---


def test_a_promise_after_a_deed_of_the_same_subject_in_the_past_is_their_task() -> None:
    for line, owner, due in [
        (
            "Dokumenty k registraci sboru velitel zařídil, nám předložil a zítra, tj. 5. 4. 2021 je osobně "
            "předá na OSH.",
            "velitel",
            "5. 4. 2021",
        ),
        ("Nabídky J. Pecka zjistil a v pondělí je rozešle členům.", "J. Pecka", None),
        ("Zálohy pokladní vybrala a zítra je odešle na účet sboru.", "pokladní", None),
    ]:
        found = recognise(_HEAD + "1. Registrace\n\n" + line + "\n")
        assert [(t["owner"], t["due"]) for t in found.tasks] == [(owner, due)], line
        assert "tasks.1" in found.guesses, line


def test_no_promise_after_a_deed_when_another_subject_a_report_or_a_condition_comes_between() -> None:
    for line in [
        "Velitel zjistil, že hadice chybí, a zajistí nové.",  # a report in between: whose, unclear
        "Pokladní vybrala zálohy a pokud bude třeba, zajistí další.",  # a condition
        "Předsedkyně poděkovala a zahájila jednání.",  # both deeds done
    ]:
        assert tasks(_HEAD + "1. Registrace\n\n" + line + "\n") == [], line
    # another subject after `a` owns its own promise, not the first one
    assert tasks(_HEAD + "1. Registrace\n\nObec opravila cestu a Jan Malý ji zkontroluje.\n") == [
        ("Jan Malý", None)
    ]


# --- the members of a body named by its noun and acronym (`členové výboru SDH`) set themselves a task ------


def test_the_members_of_a_body_named_with_its_acronym_own_their_task() -> None:
    for line, owner, due in [
        ("Členové výboru SDH zajistí občerstvení do 5. 4. 2021.", "Členové výboru SDH", "5. 4. 2021"),
        ("Členové komise KPSS připraví program.", "Členové komise KPSS", None),
        # the role and the acronym, and a subject that ends like a verb, as before
        ("Předsedkyně KPSS zašle pozvánky do 5. 4. 2021.", "Předsedkyně KPSS", "5. 4. 2021"),
        ("Vystoupení školy zajistí Eva Nová do 5. 4. 2021.", "Eva Nová", "5. 4. 2021"),
    ]:
        assert tasks(_HEAD + "1. Akce\n\n" + line + "\n") == [(owner, due)], line

"""The known misses of issue #19 left after `importmiss3` and `import24`, each fixed by its general cause:
a pattern of Czech minutes tested with variants written here (not the held-out files that showed it), each
test checked to fail on the code before its rule (`main` at `ddc329f`)."""

from __future__ import annotations

from kpss_cli.importing import recognise

_HEAD = (
    "Zápis z jednání výboru spolku Lhota dne 4. 5. 2021\n\n"
    "Přítomni: Jana Malá, Petr Sýkora, Eva Horká, Karel Dub, Jiří Lísek, Roman Vrba\n\n"
)


def tasks_of(body: str) -> list[tuple[str | None, str | None]]:
    return [(t["owner"], t["due"]) for t in recognise(_HEAD + body + "\n").tasks]


def texts_of(body: str) -> list[str]:
    return [t["task"] for t in recognise(_HEAD + body + "\n").tasks]


# --- tasks ----------------------------------------------------------------------------------------


def test_people_listed_after_the_verb_share_the_task() -> None:
    # Czech puts the subject last for weight: several people after the verb own the task together
    for sentence, owners in (
        (
            "Přípravu plesu si rozdělí Karel Dub, Roman Vrba a Jiří Lísek.",
            "Karel Dub, Roman Vrba a Jiří Lísek",
        ),
        (
            "Letní soustředění, které zajistí – J. Lorencová, M. Lorenc a J. Pecka.",
            "J. Lorencová, M. Lorenc a J. Pecka",
        ),
        ("Brigádu zorganizují Eva Horká a Petr Sýkora.", "Eva Horká a Petr Sýkora"),
    ):
        assert tasks_of(sentence) == [(owners, None)], sentence
    for sentence in (
        "Hudební program zajistí Jan Novák a Eva Dvořáková.",  # not at the meeting: anyone's names
        "Podklady předá Janu Dubovi a Evě Horké.",  # to whom, not who
        "Podklady předá J. Dubovi a E. Horké.",
    ):
        assert tasks_of(sentence) == [], sentence


def test_a_commission_in_the_passive_is_a_task() -> None:
    for sentence, owner in (
        ("Výběrem příspěvků na ohňostroj byli pověřeni hospodští.", "hospodští"),
        ("6, Zajištěním sálu byl pověřen p. Novák.", "p. Novák"),
        ("Organizací brigády byl pověřen výbor.", "výbor"),
        ("Přípravou plesu jsou pověřeni Petr Sýkora a Eva Horká.", "Petr Sýkora a Eva Horká"),
        ("Pan Novák byl pověřen zajištěním sálu.", "Pan Novák"),
    ):
        assert tasks_of(sentence) == [(owner, None)], sentence
    assert tasks_of("Jednáním s obcí byl pověřen starosta do 5. 6. 2021.") == [("starosta", "5. 6. 2021")]
    for sentence in (
        "Řízením schůze byl pověřen Karel Dub.",  # a role at this meeting
        "Sčítáním hlasů byla pověřena Eva Horká.",
        "Zapisováním byla pověřena Eva Horká.",
        "Výbor byl pověřen valnou hromadou.",  # who gave the commission, not the task
        "Kontrolou byl pověřen Karel Dub – splněno.",  # a task reviewed
    ):
        assert tasks_of(sentence) == [], sentence


def test_the_owner_closes_the_clause_after_a_second_verb() -> None:
    assert tasks_of("- publikace – zajištěno p. Malá, žádost podá a začne se sběrem podkladů p. Kos") == [
        ("p. Kos", None)
    ]
    assert tasks_of("Zprávu předloží na příštím jednání výboru p. Novák.") == [
        ("p. Novák", "na příštím jednání")
    ]
    assert tasks_of("Dopravu zajistí pro p. Nováka.") == []  # after a preposition: for whom
    assert tasks_of("Dopis zašle na úřad paní Malé.") == []  # the dative


def test_a_pronoun_object_takes_the_task_of_the_clause_before() -> None:
    assert texts_of("Domov zajistí svoz obědů, zajistí ho Petr Sýkora.") == ["zajistí svoz obědů"]
    assert texts_of("Pan Dub připraví leták a Petr Sýkora ho rozešle.") == ["připraví leták", "rozešle leták"]


def test_a_nickname_with_the_surname_of_someone_present_owns_a_promise() -> None:
    assert tasks_of("Rozpis byl schválen a Jirka Lísek jej rozešle.") == [("Jirka Lísek", None)]
    assert tasks_of("Jirka Lísek zajistí dopravu.") == [("Jirka Lísek", None)]
    # (not someone absent, nor a surname of the meeting with no first name there of the nickname's letter)
    assert tasks_of("Rozpis byl schválen a Jirka Kolář jej rozešle.") == []
    assert tasks_of("Rozpis byl schválen a Zdenda Lísek jej rozešle.") == []


def test_numbered_items_told_in_the_past_under_an_agenda_heading_are_the_minutes_own() -> None:
    told = (
        "Program schůze:\n\n"
        "1. J. Lísek navrhl termín plesu. Všichni přítomní členové souhlasili.\n"
        "2. K. Dub zajistí tombolu.\n"
        "3. E. Horká zařídí výzdobu sálu.\n"
        "4. P. Sýkora předložil informace o inventuře majetku.\n"
    )
    assert tasks_of(told) == [("K. Dub", None), ("E. Horká", None)]
    agenda = (
        "Program schůze:\n\n"
        "1. Zahájení\n"
        "2. K. Dub zajistí tombolu\n"
        "3. E. Horká zařídí výzdobu sálu\n"
        "4. Různé\n"
    )
    assert tasks_of(agenda) == []  # an agenda lists the items' titles


# --- the chairman, the group, minutes without a title or a day -----------------------------------


def test_the_chairman_on_lines_broken_at_a_fixed_width() -> None:
    text = (
        "Zápis ze schůze bytového družstva dne 3. 6. 2004\n"
        "1. PREZENCE\n"
        "Schůzi\n"
        "bytového družstva zahájil předseda družstva Ing. arch. Ivo Slamák\n"
        "v 19.10 hod. poté, co byla ukončena prezence.\n"
    )
    assert recognise(text).moderator == "Ing. arch. Ivo Slamák"
    assert recognise("Zápis ze schůze dne 3. 6. 2004\n\nJednání\nzahájil předseda Petr Kos.\n").moderator == (
        "Petr Kos"
    )


def test_a_cooperatives_assembly_and_an_associations_letterhead_name_the_group() -> None:
    assembly = "ZÁPIS ze shromáždění delegátů LIPKA, bytové družstvo, konaného dne 3. 5. 2010 v sále\n\nPřítomni: Jan Kos, Eva Malá\n"
    assert recognise(assembly).group == "Shromáždění delegátů LIPKA"
    owners = "Zápis ze shromáždění vlastníků jednotek domu Lipová 5 ze dne 3. 5. 2010\n\nPřítomni: Jan Kos, Eva Malá\n"
    assert recognise(owners).group == "Shromáždění vlastníků jednotek domu Lipová 5"
    letterhead = (
        "SK Slavoj\nDolní Lhota, z. s.\n\nkonané dne: 8.11.2022 od 19 hodin\n\nPřítomni: Jan Kos, Eva Malá\n"
    )
    imported = recognise(letterhead)
    assert (imported.group, "group" in imported.guesses) == ("SK Slavoj Dolní Lhota", True)


_RECORD = (
    "Zasedání zastupitelstva obce Horní Lhota\n\n"
    "Číslo: 2/2015 Datum:\n"
    "Přítomno: 7 členů zastupitelstva\n"
    "Omluveni: 1 člen\n"
    "Zápis: Zahájení jednání Starosta přivítal přítomné členy zastupitelstva. Konstatoval, že zastupitelstvo je "
    "usnášení schopné. Ověřovatelé zápisu: Jan Kos, Petr Malý. Usnesení č. 01/2015 Zastupitelstvo obce Horní Lhota "
    "schvaluje program zasedání. 1/ Rozpočet 2015 Starosta předložil návrh rozpočtu.\n"
)


def test_minutes_without_a_title_or_a_day_that_record_their_meeting_are_minutes() -> None:
    imported = recognise(_RECORD)
    assert imported.looks_like_minutes
    assert imported.group == "Zastupitelstvo obce Horní Lhota"
    assert imported.present == []  # the verifiers after `Zápis:` are no attendance
    # an invitation under the same heading records nothing: no attendance, no resolution, no conduct
    invitation = (
        "Zasedání zastupitelstva obce Horní Lhota\n\n"
        "Starosta svolává veřejné zasedání na 12. 3. 2015 od 18 hodin.\n"
        "Program: 1) Rozpočet 2) Různé\n"
    )
    assert not recognise(invitation).looks_like_minutes
    # nor without a numbered resolution that decides (a news item tells what was done)
    assert not recognise(_RECORD.replace("Usnesení č. 01/2015 ", "")).looks_like_minutes

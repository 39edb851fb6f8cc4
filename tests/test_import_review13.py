"""Misfires of the layout batch's rules (`importlayout`) that a review reproduced, narrowed (issue #19):
each rule tested with variants written here, what the rule was for kept (tests/test_import_layout2.py)."""

from __future__ import annotations

import pytest

from kpss_cli.importing import recognise
from kpss_cli.importing.recognise import Imported

from .recognised import names


def _read(text: str) -> Imported:
    imported = recognise(text)
    assert imported is not None
    return imported


# --- 1. a body's name under a title that names it by an acronym ----------------------------------------


@pytest.mark.parametrize(
    ("title", "under"),
    [
        # an agenda item of a body (a report on it), not the body's letterhead
        ("Zápis z jednání RM dne 5. 1. 2011", "Program:\nKomise pro rodinu a mládež – zpráva o činnosti"),
        ("Zápis z jednání RM dne 5. 1. 2011", "Komise pro rodinu a mládež – zpráva o činnosti"),
        (
            "Zápis z jednání PS dne 12. 3. 2024",
            "Místo: MěÚ Kopřivnice\nVýbor pro sociální věci a zdravotnictví – informace",
        ),
        # a sentence of what another body did
        ("Zápis z jednání PS dne 12. 3. 2024", "Komise pro sociální věci doporučila navýšení"),
        ("Zápis z jednání KS dne 12. 3. 2024", "Komise sociální schválila rozpočet"),
        # `p`ro `s`ociální: a little word's initial spells no acronym
        ("Zápis z jednání PS dne 12. 3. 2024", "Výbor pro sociální věci a zdravotnictví"),
    ],
)
def test_a_line_under_an_acronyms_title_that_is_no_name_of_it_keeps_the_acronym(
    title: str, under: str
) -> None:
    imported = _read(f"{title}\n{under}\nPřítomni: Jan Dub, Eva Malá, Petr Kos\n")
    assert imported.group == title.split()[3], under


def test_a_name_whose_main_words_spell_the_acronym_is_still_read_under_its_title() -> None:
    for title, name in [
        ("Zápis z jednání RM dne 5. 1. 2011", "Rada města"),
        ("Zápis ze schůze SV dne 3. 2. 2020", "Výbor pro sociální věci"),
        ("Zápis ze schůzky KK dne 5.1.2011:", "Komise pro kulturu a sport"),
        ("Zápis ze schůzky KSV dne 5.1.2011:", "Komise pro sociální věci"),  # (spelled exactly: no guess)
    ]:
        imported = _read(f"{title}\nZapsala: Hana Malá\n\n{name}\n\nPřítomni: Jan Dub, Eva Malá\n")
        assert imported.group == name, title
        assert ("group" in imported.guesses) == (len(title.split()[3].strip(":")) == 2), title


# --- 2. the committee named as the subject of what it resolved -------------------------------------------


_CLUB = "20.12.2022 – výborová schůze\nPřítomni: Jan Dub, Eva Malá, Petr Kos\n"


@pytest.mark.parametrize(
    "body",
    [
        "1. Dotace\nVýbor MAS Podlipansko schválil naši žádost o dotaci na vybavení.\n2. Různé\n",
        "Omluven: Jiří Horák\n1. Zahájení\nSchůzi zahájil starosta sboru.\n"
        "2. Dotace\nVýbor MAS Podlipansko schválil naši žádost o dotaci na vybavení.\n",
        "1. Dotace\nVýbor MAS Podlipansko nám schválil dotaci na vybavení.\n",
        "1. Dotace\nVýbor MAS Podlipansko schválil dotaci pro náš sbor.\n",
        # two committees named: which one met the text does not say
        "Výbor SDH schválil rozpočet.\n2. Dotace\nVýbor MAS Podlipansko schválil dotaci.\n",
    ],
)
def test_an_outside_committee_that_resolved_something_for_us_is_no_group(body: str) -> None:
    assert _read(_CLUB + body).group is None, body


def test_the_one_committee_named_early_as_the_subject_is_still_the_group() -> None:
    imported = _read(_CLUB + "Výbor SDH schválil rozpočet na rok 2023.\n\nJan Dub zajistí pily.\n")
    assert imported.group == "Výbor SDH" and "group" in imported.guesses


# --- 3./4. a bare header label of a role or of the hour, in a sentence of the body ------------------------


_HEAD = "Zápis z jednání komise sociální dne 5. 4. 2024\nPřítomni: Jan Dub, Eva Malá, Petr Kos\n"


def test_a_role_word_before_a_name_in_a_sentence_of_the_body_is_no_label() -> None:
    imported = _read(
        _HEAD + "\n1. Zahájení\nJednání zahájil Jan Dub.\n\n2. Volba předsedy\n"
        "Předsedající Jiří Horák, který se omluvil, navrhl za sebe pana Duba.\n"
        "Moderátorka Eva Malá – poděkování za konferenci v Brně.\n"
    )
    assert imported.moderator in (None, "Jan Dub")


def test_a_bare_role_label_with_the_name_alone_or_in_the_head_is_still_read() -> None:
    imported = _read(_HEAD + "Předsedající Jan Dub, předseda komise\nZapsala Eva Malá\n\n1. Zahájení\n")
    assert (imported.moderator, imported.recorder) == ("Jan Dub", "Eva Malá")
    imported = _read(_HEAD + "\n1. Zahájení\n2. Různé\nZapsala Eva Malá\nOvěřil Petr Kos\n")
    assert imported.recorder == "Eva Malá"


@pytest.mark.parametrize(
    "line",
    [
        "Čas 16:00 nevyhovuje, příště začneme v 17:00.",
        "Čas 17:00 navrhla paní Malá pro příští jednání.",
        "Začátek 15:30 byl posunut kvůli dopravě.",
    ],
)
def test_an_hour_after_the_word_in_a_sentence_is_no_time(line: str) -> None:
    assert _read(_HEAD + f"\n1. Zahájení\n{line}\n").time is None, line
    assert _read(_HEAD + f"{line}\n").time is None, line


def test_a_bare_hour_label_alone_or_with_its_hours_is_still_read() -> None:
    for line, time in [
        ("Čas 16:00", "16:00"),
        ("Začátek 15:30 hod.", "15:30"),
        ("Čas konání 16:00 – 18:00", "16:00-18:00"),
    ]:
        assert _read(_HEAD + f"{line}\n\n1. Zahájení\n").time == time, line


# --- 5. the office's staff by their post on the line of those present ------------------------------------


def test_a_post_among_named_members_keeps_its_person_present() -> None:
    imported = _read(
        _HEAD.split("\n")[0]
        + "\nPřítomni: Jan Dub, Eva Malá, Petr Kos, tajemnice OÚ Jana Nová, Pavel Veselý\n"
    )
    assert names(imported.present) == ["Jan Dub", "Eva Malá", "Petr Kos", "Jana Nová", "Pavel Veselý"]
    assert imported.guests == []


def test_a_post_after_a_count_of_members_is_still_a_guest() -> None:
    for line in [
        "Přítomno: 6 členů zastupitelstva, pracovnice OÚ J. Tomanová",
        "Přítomni: 5 členů komise, tajemník MěÚ Ing. Petr Kos",
        "Přítomno: 7 členů výboru; pracovnice MěÚ Jana Nová",
    ]:
        imported = _read(f"Zápis z jednání zastupitelstva obce Lhota dne 4. 5. 2021\n\n{line}\n")
        assert len(imported.guests) == 1 and imported.present == [], line


# --- 6. the chair named with the members in the attendance label's qualifier -----------------------------


def test_the_chair_and_the_members_before_the_colon_are_those_present() -> None:
    for label in ["Přítomni předsedající a členové komise:", "Přítomni předsedající a členové výboru:"]:
        imported = _read(
            f"{_HEAD.split(chr(10))[0]}\n{label} Jan Dub, Eva Malá, Petr Kos\nOmluveni: Jiří Horák\n"
        )
        assert names(imported.present) == ["Jan Dub", "Eva Malá", "Petr Kos"], label


def test_the_chairs_own_colon_after_a_count_is_still_not_the_attendance_labels() -> None:
    imported = _read("Přítomno 8 členů předsedající: Jan Dub\nOmluveno 2 členů zapsal: Petr Kos\n")
    assert imported.present == [] and imported.excused == []


# --- 7. two attendance labels with dashes run together on one line ---------------------------------------


def test_a_guests_dash_label_after_those_present_on_their_line_leaves_them_present() -> None:
    for line, guests in [
        ("Přítomni – Jan Dub, Eva Malá. Hosté – Petr Kos", ["Petr Kos"]),
        (
            "Přítomni – Jan Dub, Eva Malá. Hosté – Petr Kos. Foto 1, obrázek se otevře v novém okně",
            ["Petr Kos"],
        ),
        ("Přítomni – Jan Dub, Eva Malá. Hosté – Petr Kos, obrázek se otevře v novém okně", []),
    ]:
        imported = _read(f"{_HEAD.split(chr(10))[0]}\n{line}\nOmluveni: Jiří Horák\n")
        assert names(imported.present) == ["Jan Dub", "Eva Malá"], line
        assert names(imported.guests) == guests, line


def test_a_dash_label_of_guests_alone_or_of_the_excused_word_after_a_dash_is_kept() -> None:
    imported = _read(f"{_HEAD.split(chr(10))[0]}\nPřítomni: Jan Dub\nHosté – Petr Kos, Jana Nová\n")
    assert names(imported.guests) == ["Petr Kos", "Jana Nová"] and names(imported.present) == ["Jan Dub"]
    imported = _read(f"{_HEAD.split(chr(10))[0]}\nPřítomni: Jan Dub\nNepřítomni – omluveni: Petr Kos\n")
    assert names(imported.excused) == ["Petr Kos"]

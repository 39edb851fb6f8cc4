"""Layouts of an office's header and attendance that the importer reads the same as the colon form
(issue #19, branch `importlayout`): each rule tested with variants written here, and where it must not
fire."""

from __future__ import annotations

import pytest

from kpss_cli.importing import Imported, recognise

from .recognised import names

_HEAD = "Zápis z jednání pracovní skupiny Senioři dne 4. 5. 2021\n\n"


def _read(body: str) -> Imported:
    imported = recognise(_HEAD + body)
    assert imported is not None
    return imported


# --- A bare attendance label before a courtesy word or a surname and its initial ---------------------


@pytest.mark.parametrize(
    ("line", "kind", "expected"),
    [
        ("Přítomni pp. Jan Dub, Eva Malá, Petr Kos", "present", ["Jan Dub", "Eva Malá", "Petr Kos"]),
        ("Přítomni pí Horká, p. Kos, pí Malá", "present", ["Horká", "Kos", "Malá"]),
        ("Omluveni pp. Karel Veselý, Iva Horká", "excused", ["Karel Veselý", "Iva Horká"]),
        ("Hosté p. Jan Prokš ml.", "guests", ["Jan Prokš ml."]),
        ("Hosté paní Jana Tichá", "guests", ["Jana Tichá"]),
        ("Přítomni Novák J., Malá E., Kos P.", "present", ["Novák J.", "Malá E.", "Kos P."]),
    ],
)
def test_a_bare_attendance_label_before_a_courtesy_word_or_an_initial(
    line: str, kind: str, expected: list[str]
) -> None:
    assert names(getattr(_read(line + "\n"), kind)) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Přítomni pan starosta a paní místostarostka.",
        "Hosté pan Novák přednesl zprávu o rozpočtu.",
        "Přítomni Novák J. a další zahájili jednání.",
        "Přítomni p. starosty se nikdo nedotázal.",
    ],
)
def test_a_sentence_that_opens_with_the_word_is_no_label(line: str) -> None:
    imported = _read(line + "\n")
    assert imported.present == [] and imported.guests == []


# --- A bare attendance label with a note in brackets, the people under it -------------------------------


def test_a_bare_label_and_its_bracketed_note_alone_on_a_line_open_the_list_under_it() -> None:
    imported = _read(
        "Přítomni (dle prezenční listiny)\n\nJan Novák\n\nEva Malá\n\nPetr Kos\n\nHosté\n\nJana Tichá\n\n1. Zahájení\n"
    )
    assert names(imported.present) == ["Jan Novák", "Eva Malá", "Petr Kos"]
    assert names(imported.guests) == ["Jana Tichá"]
    quorum = _read("Přítomni (výbor není usnášeníschopný)\n\nMgr. Jan Novák\nEva Malá\n\n1. Zahájení\n")
    assert names(quorum.present) == ["Mgr. Jan Novák", "Eva Malá"]


def test_a_bracket_after_the_word_in_a_sentence_opens_no_list() -> None:
    imported = _read("Přítomni (všichni členové) schválili program jednání.\n\nJan Novák zahájil jednání.\n")
    assert imported.present == []


# --- A bare header label of a role or of the hour -----------------------------------------------------


def test_a_bare_role_label_before_a_whole_name_is_read_and_ends_a_list_above_it() -> None:
    imported = _read("Hosté: Jan Prokš ml.\nZapsal Petr Kos\n")
    assert names(imported.guests) == ["Jan Prokš ml."] and imported.recorder == "Petr Kos"
    imported = _read("Přítomni:\nJan Dub\nEva Malá\nZapsala Eva Malá\nOvěřil Ing. Jan Dub\n")
    assert names(imported.present) == ["Jan Dub", "Eva Malá"]
    imported = _read("Předsedající Jan Novák\nZapisovatelka Eva Malá\nČas 16:00\n")
    assert (imported.moderator, imported.recorder, imported.time) == ("Jan Novák", "Eva Malá", "16:00")
    imported = _read("Jednání řídil Jan Novák\nČas konání 16:00 – 18:00\n")
    assert (imported.moderator, imported.time) == ("Jan Novák", "16:00-18:00")


def test_a_role_word_in_a_sentence_or_before_no_name_is_no_label() -> None:
    imported = _read("Předsedající poděkoval všem za účast.\nČas 16.00.2021 nebyl dodržen.\n")
    assert imported.moderator is None and imported.time is None
    imported = _read("Přítomni:\nJan Dub\nEva Malá\nZapsala kronikářka obce.\n")
    assert names(imported.present) == ["Jan Dub", "Eva Malá"]


# --- Another label's colon on the line of an attendance label ------------------------------------------


def test_a_recorders_colon_after_a_count_of_those_present_is_not_the_attendance_labels() -> None:
    imported = _read("Přítomno 8 členů zapsal: Kozohorský Petr\nOmluveno 2 členů ověřil: Jan Dub\n")
    assert imported.present == [] and imported.excused == []
    assert imported.recorder == "Kozohorský Petr"
    # a qualifier of the label itself still stands before its colon
    imported = _read(
        "Přítomni za poskytovatele: Jan Dub, Eva Malá\nOmluveni ze zdravotních důvodů: Petr Kos\n"
    )
    assert names(imported.present) == ["Jan Dub", "Eva Malá"] and names(imported.excused) == ["Petr Kos"]


# --- A web page's photo caption after a label's dash or a label without its colon -----------------------


@pytest.mark.parametrize("label", ["Přítomni:", "Přítomni –", "Přítomni"])
def test_a_photo_caption_after_the_label_leaves_the_label_and_its_list(label: str) -> None:
    imported = _read(
        f"{label} Jednání komise 11. 2. 2010, obrázek se otevře v novém okně\n\n- Bc. Jan Novák\n- Eva Malá\n\n"
        "1. Zahájení\n"
    )
    assert names(imported.present) == ["Bc. Jan Novák", "Eva Malá"]


def test_a_caption_after_a_sentence_is_cut_from_the_sentences_end() -> None:
    imported = _read(
        "Přítomni: Jan Dub, Eva Malá\n\nJednání proběhlo v klubovně. Klubovna 2010, obrázek se otevře v novém okně\n"
    )
    assert names(imported.present) == ["Jan Dub", "Eva Malá"]


# --- A line of no person inside a list, a person named after her office under it ------------------------


def test_a_group_line_inside_a_list_is_passed_over_when_a_person_follows() -> None:
    for listed in ("", "1. ", "2. "):
        imported = _read(
            f"Hosté:\nIng. Miroslava Lukáčová\n{listed}rodiče dětí navštěvující ZŠ a MŠ\n"
            "starostka obce Jana Tlapáková\n\nOmluvena: Zdena Benešová\n"
        )
        assert names(imported.guests) == ["Ing. Miroslava Lukáčová", "Jana Tlapáková"], listed


def test_a_group_line_ends_the_list_when_no_person_follows() -> None:
    imported = _read(
        "Hosté:\nIng. Miroslava Lukáčová\nrodiče dětí navštěvující ZŠ a MŠ\nprojednání rozpočtu\n"
    )
    assert names(imported.guests) == ["Ing. Miroslava Lukáčová"]


# --- A numbered list of surnames alone ---------------------------------------------------------------


def test_a_numbered_list_of_surnames_is_read_as_an_unnumbered_one() -> None:
    imported = _read(
        "Přítomni:\n1. Polák\n2. Novotný\n3. Čermák\n4. Dvořáková\n\nOmluveni: Stuchlá\n\n"
        "Program:\n1. Zahájení\n2. Rozpočet\n"
    )
    assert names(imported.present) == ["Polák", "Novotný", "Čermák", "Dvořáková"]
    assert names(imported.excused) == ["Stuchlá"]


def test_numbers_out_of_order_are_no_list_of_surnames() -> None:
    imported = _read("Přítomni:\n2. Polák\n1. Novotný\n3. Čermák\n\n1. Zahájení\n")
    assert imported.present == []


# --- Surnames with a capital after their prefix -------------------------------------------------------


def test_a_prefixed_surname_is_a_name() -> None:
    imported = _read("Přítomni: Ian MacGregor, Richard FitzGerald, Sean O'Brien, John McCain, Eva Horká\n")
    assert names(imported.present) == [
        "Ian MacGregor",
        "Richard FitzGerald",
        "Sean O'Brien",
        "John McCain",
        "Eva Horká",
    ]
    assert names(_read("Zapsal: Richard FitzGerald\nOmluven: Ian MacGregor\n").excused) == ["Ian MacGregor"]


def test_an_office_abbreviation_with_an_inner_capital_is_still_no_name() -> None:
    imported = _read("Přítomni: Jan Dub, MěÚ, KoP, Eva Malá\n")
    assert names(imported.present) == ["Jan Dub", "Eva Malá"]


# --- A title naming its body by an acronym, the name written out under it -----------------------------


def test_a_body_named_under_a_title_with_its_acronym_is_the_group_as_a_guess() -> None:
    for title, name in [
        ("Zápis ze zahajovací schůzky KK dne 5.1.2011:", "Komise pro kulturu, volný čas a sociální věci"),
        ("Zápis z ustavující schůze SV dne 3. 2. 2020", "Výbor pro sociální věci obce Dolní Lhota"),
    ]:
        imported = recognise(f"{title}\nZapsala: Hana Malá\n\n{name}\n\nPřítomni: Jan Dub, Eva Malá\n")
        assert imported is not None
        assert imported.group == name, title
        assert "group" in imported.guesses, title


def test_a_line_under_the_title_whose_initials_lack_the_acronym_or_a_sentence_is_no_name() -> None:
    for under in ["Výbor pro sport", "Komise pro kulturu schválila rozpočet obce.", "Program jednání"]:
        imported = recognise(f"Zápis ze schůzky KK dne 5.1.2011:\n{under}\n\nPřítomni: Jan Dub, Eva Malá\n")
        assert imported is not None
        assert imported.group == "KK", under


def test_a_soft_adjective_before_the_meeting_noun_keeps_the_title() -> None:
    for title, group in [
        ("Zápis z ustavující schůze výboru SDH dne 5.1.2011", "Výbor SDH"),
        ("Zápis ze zahajovací schůzky kulturní komise dne 5.1.2011", "Kulturní komise"),
    ]:
        imported = recognise(f"{title}\n\nPřítomni: Jan Dub, Eva Malá\n")
        assert imported is not None and imported.group == group, title


# --- The end of an inline list at another label glued after a bracket -----------------------------------


def test_another_label_after_the_last_persons_bracket_ends_the_list() -> None:
    for tail in [".Sekretariát Rady:Mgr. Eva Holková", ". Sekretariát Rady: Mgr. Eva Holková", "."]:
        imported = _read(
            f"Přítomní hosté: Mgr. Jan Dub (MK), Bc. Stanislav Daniel (Střední policejní škola Holešov){tail}\n"
        )
        assert names(imported.guests) == ["Mgr. Jan Dub", "Bc. Stanislav Daniel"], tail
    glued = _read(
        "Přítomní hosté: Mgr. Jan Dub (MK), Bc. Stanislav Daniel.Sekretariát Rady:Mgr. Eva Holková\n"
    )
    assert names(glued.guests) == ["Mgr. Jan Dub", "Bc. Stanislav Daniel"]


def test_a_full_stop_inside_a_name_is_no_end_of_the_list() -> None:
    imported = _read("Hosté: Ing.Igor Zolotarev (místopředseda), Mgr.Jana Nová (MK)\n")
    assert names(imported.guests) == ["Ing. Igor Zolotarev", "Mgr. Jana Nová"]


# --- A text cut inside the last person's bracket ------------------------------------------------------


def test_a_bracket_cut_by_the_texts_end_keeps_its_person() -> None:
    imported = _read(
        "Přítomni: Jan Dub, Eva Malá. Omluveni: PhDr. Petr Mareš (místopředseda vlády a předseda Ra"
    )
    assert names(imported.excused) == ["PhDr. Petr Mareš"]
    imported = _read(
        "Přítomni: Jan Dub\nOmluveni: Jan Kos, PhDr. Petr Mareš (místopředseda vlády a předseda Ra\n"
    )
    assert names(imported.excused) == ["Jan Kos", "PhDr. Petr Mareš"]


def test_an_unclosed_bracket_before_other_people_swallows_no_one_into_a_person() -> None:
    imported = _read("Přítomni: Jan Dub\nOmluveni: Jan Kos (OÚ, Petr Mareš\n")
    assert all("OÚ" not in name and "Mareš" not in name for name in names(imported.excused))


# --- A committee's meeting named only in the sentences of what its committee resolved -------------------


_CLUB_PAGE = "Zápisy ze schůzí v roce 2022\n\n20.12.2022 – výborová schůze\n\n"


def test_the_committee_that_resolved_is_the_group_in_its_fullest_form_as_a_guess() -> None:
    imported = recognise(
        _CLUB_PAGE
        + "Výbor SDH se usnesl dne 20.12.2022 na navýšení příspěvků.\n\nJan Dub zajistí techniku.\n\n"
        "Výbor SDH Lhotka předem děkuje všem.\n"
    )
    assert imported is not None and imported.group == "Výbor SDH Lhotka"
    assert "group" in imported.guesses
    plain_name = recognise(
        _CLUB_PAGE + "Výbor TJ Sokol schválil rozpočet na rok 2023.\n\nJan Dub zajistí pily.\n"
    )
    assert plain_name is not None and plain_name.group == "Výbor TJ Sokol"


def test_a_committee_in_a_sentence_of_other_minutes_is_no_group() -> None:
    # no committee's meeting in the head: the committee may be another body reported on
    imported = recognise(
        "Zápisy ze schůzí v roce 2022\n\n20.12.2022 – schůze\n\nVýbor SDH se usnesl na rozpočtu.\n"
    )
    assert imported is not None and imported.group is None
    # the committee not opening the sentence as its subject
    imported = recognise(_CLUB_PAGE + "Finanční výbor se usnesl na rozpočtu.\n\nJan Dub zajistí pily.\n")
    assert imported is not None and imported.group is None


# --- The office's staff after the members on the line of those present ---------------------------------


_COUNCIL = "Zápis z jednání zastupitelstva obce Lhota dne 4. 5. 2021\n\n"


def test_the_offices_staff_named_by_their_post_after_the_members_are_guests() -> None:
    imported = recognise(
        _COUNCIL + "Přítomno: 6 členů zastupitelstva, pracovnice OÚ J. Tomanová\nOmluveni: 2 členové\n"
    )
    assert imported is not None and names(imported.guests) == ["J. Tomanová"] and imported.present == []
    imported = recognise(_COUNCIL + "Přítomno: 5 členů, tajemník MěÚ Ing. Petr Kos, Iva Horká\n")
    assert imported is not None
    assert names(imported.present) == ["Iva Horká"]
    assert names(imported.guests) == ["Ing. Petr Kos"]


def test_a_post_without_a_name_or_of_a_member_is_no_guest() -> None:
    imported = recognise(_COUNCIL + "Přítomni: Jan Dub, Eva Malá, pracovnice OÚ\n")
    assert imported is not None and imported.guests == []
    imported = recognise(_COUNCIL + "Přítomni: Jan Dub, Eva Malá, starosta obce Petr Kos\n")
    assert imported is not None and imported.guests == []

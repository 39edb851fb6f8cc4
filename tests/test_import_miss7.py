"""General patterns of Czech minutes behind misses and misfires of the importer left after the twenty-second
real held-out batch (issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise
from tests.recognised import names

_TITLE = "Zápis z jednání sportovní komise ze dne 3. 3. 2021\n\n"


# --- `Novák J. mch.`: a small abbreviation after a surname and its initial tells two members apart ---------


def test_a_small_abbreviation_after_a_surname_and_an_initial_is_part_of_the_name() -> None:
    for line, expected in [
        (
            "Omluveni: př. Kos J., př. Kos M. mch., př. Kos M., př. Bor",
            ["Kos J.", "Kos M. mch.", "Kos M.", "Bor"],
        ),
        ("Omluveni: Dvořák P. nejst., Dvořák P., Malá E.", ["Dvořák P. nejst.", "Dvořák P.", "Malá E."]),
        ("Omluveni: pí. Horká J. vdp., Kos M.", ["Horká J. vdp.", "Kos M."]),
    ]:
        found = recognise(_TITLE + "Přítomni: Malá E., Kos J., Bor P.\n" + line + "\n\n1. Zahájení\n")
        assert names(found.excused) == expected, line
        assert all(p["role"] is None for p in found.excused), line


def test_a_small_word_after_a_whole_name_is_still_no_part_of_it() -> None:
    # (after a first name and a surname, no initial: a note, not a name's part)
    found = recognise(_TITLE + "Přítomni: Malá E., Kos J.\nOmluveni: Jan Dub, Petr Bor\n\n1. Zahájení\n")
    assert names(found.excused) == ["Jan Dub", "Petr Bor"]


# --- `MUDr. Tomek (komise …)`: one more of a list of titled surnames, on a line of its own ------------------


def test_a_titled_surname_alone_under_a_list_of_titled_surnames_belongs_to_it() -> None:
    for gap in ["\n", "\n\n"]:
        for extra, expected in [
            ("MUDr. Kos (služební cesta)", "MUDr. Kos"),
            ("Ing. Bor", "Ing. Bor"),
            ("Mgr. Dub (nemoc)", "Mgr. Dub"),
        ]:
            text = (
                _TITLE
                + "Přítomni: MUDr. Malá, Ing. Horák, Mgr. Veselá\n\n"
                + "Omluveni: MUDr. Říha, Ing. Dvořák,\nMUDr. Nová, Bc. Černý."
                + gap
                + extra
                + "\n\nHosté: Ing. Pokorný\n\n1. Zahájení\n"
            )
            found = recognise(text)
            assert names(found.excused) == [
                "MUDr. Říha",
                "Ing. Dvořák",
                "MUDr. Nová",
                "Bc. Černý",
                expected,
            ], text
            assert names(found.guests) == ["Ing. Pokorný"], text


def test_a_titled_surname_under_a_list_of_whole_names_or_one_person_is_not_added() -> None:
    for listed in ["Omluveni: Jan Říha, Eva Dvořáková.", "Omluveni: MUDr. Říha."]:
        text = (
            _TITLE
            + "Přítomni: Jan Malý, Eva Nová\n\n"
            + listed
            + "\n\nMUDr. Kos (služební cesta)\n\n1. Zahájení\n"
        )
        assert "MUDr. Kos" not in names(recognise(text).excused), listed


# --- `předsedkyně Klubu Diana Míla Gruberová`: the club's own name, then the chair's -------------------------


def test_the_chair_after_a_club_named_by_a_word_opens_the_meeting_and_names_the_club() -> None:
    for sentence, group, chair in [
        (
            "Schůzi zahájila předsedkyně Klubu Diana Míla Gruberová. Přivítala členy.",
            "Klub Diana",
            "Míla Gruberová",
        ),
        ("Předseda Spolku Šipka Petr Novák zahájil schůzi a přivítal členy.", "Spolek Šipka", "Petr Novák"),
        ("Jednání vedla předsedkyně Klubu Zlatý Věk Hana Bílková.", "Klub Zlatý Věk", "Hana Bílková"),
    ]:
        found = recognise(
            "Zápis z členské schůze ze dne 23. 9. 2019\n\nPřítomní: dle prezenční listiny\n\n1. "
            + sentence
            + "\n"
        )
        assert (found.group, found.moderator) == (group, chair), sentence


def test_a_chair_of_a_club_who_neither_opened_nor_led_is_no_moderator() -> None:
    for sentence in [
        "Předsedkyně Klubu Diana Míla Gruberová informovala o akcích.",
        "Schůzi zahájila předsedkyně Klubu Diana Gruberová Jana.",  # (no first name and surname in this order)
        "Schůzi zahájil předseda Klubu seniorů Jan Dub.",  # (a small word: the club's kind, not its name)
    ]:
        found = recognise(
            "Zápis z členské schůze ze dne 23. 9. 2019\n\nPřítomní: dle prezenční listiny\n\n1. "
            + sentence
            + "\n"
        )
        assert found.moderator in (None, "Jan Dub"), sentence
        assert found.group is None or not found.group.startswith("Klub Diana"), sentence


# --- bodies in a list of people: a dash inside a body's name, a legal form before a name with no comma ------


def test_a_body_named_with_a_dash_and_a_legal_form_is_no_person() -> None:
    for line in [
        "Přítomni: Jan Malý; Brdy – Vltava o.p.s., Ing. Eva Nová, Petr Kos",
        "Přítomni: Jan Malý; Podlesí – Jih z.s., Ing. Eva Nová, Petr Kos",
        "Přítomni: Jan Malý; Labe – Ohře o. p. s., Ing. Eva Nová, Petr Kos",
    ]:
        found = recognise(_TITLE + line + "\n\n1. Zahájení\n")
        assert names(found.present) == ["Jan Malý", "Ing. Eva Nová", "Petr Kos"], line


def test_a_surname_before_a_dash_and_a_body_written_with_a_comma_stays_a_person() -> None:
    found = recognise(_TITLE + "Přítomni: Malý, Kos – Charita Most, o.p.s., Bor\n\n1. Zahájení\n")
    assert "Kos" in names(found.present)


def test_a_person_after_a_legal_form_without_a_comma_is_read() -> None:
    for line, person in [
        ("Přítomni: Jan Malý; MAS Horní Polabí o.s. Olga Fábry, Eva Nová", "Olga Fábry"),
        ("Přítomni: Jan Malý; Charita Dolní Lhota z.s. Jana Kroupa, Eva Nová", "Jana Kroupa"),
        ("Přítomni: Jan Malý; Spolek Pod Horou z.ú. Petr Kos, Eva Nová", "Petr Kos"),
    ]:
        found = recognise(_TITLE + line + "\n\n1. Zahájení\n")
        assert names(found.present) == ["Jan Malý", person, "Eva Nová"], line


def test_a_genitive_after_a_body_without_a_legal_form_is_still_no_person() -> None:
    found = recognise(_TITLE + "Přítomni: Jan Malý, Nadace Olga Hory, Eva Nová\n\n1. Zahájení\n")
    assert "Olga Hory" not in names(found.present)


# --- a report for readers, under a dated byline and told as `we`, is no minutes -----------------------------

_REPORT = (
    "Spolek seniorů\n\n"
    "VÝROČNÍ SCHŮZE SPOLKU SENIORŮ V LHOTĚ 12.3.2022\n\n"
    "{byline}\n\n"
    "Uplynul rok a nastal čas bilancování. Členové spolku seniorů v Lhotě se sešli v sobotu 12. března na výroční "
    "schůzi, aby se ohlédli za minulým rokem. Schůzi zahájila a řídila p. Jana Malá. Přivítala přítomné a hosty a "
    "seznámila nás s programem. Předsedkyně p. Eva Bílá poděkovala všem členům.\n\n"
    "Uskutečnili jsme loni tři zájezdy a naše výstava měla úspěch. Poděkovali jsme starostovi.{extra}\n"
)


def test_a_report_under_a_dated_byline_told_in_the_first_person_plural_is_no_minutes() -> None:
    for byline in ["30.04.2022, Petr Kos (Spolek seniorů)", "2. 5. 2022, Eva Nová", "01.06.2022, Jan Dub"]:
        assert not recognise(_REPORT.format(byline=byline, extra="")).looks_like_minutes, byline


def test_minutes_under_a_dated_byline_stay_minutes() -> None:
    for extra in [
        "\n\nPřítomni: Jana Malá, Petr Kos, Eva Nová",
        "\n\nZapsal: Petr Kos",
        "\n\nOmluveni: Eva Nová, Jan Dub",
    ]:
        text = _REPORT.format(byline="30.04.2022, Petr Kos (Spolek seniorů)", extra=extra)
        assert recognise(text).looks_like_minutes, extra
    # (no byline: the report is read as before)
    assert recognise(_REPORT.format(byline="", extra="\n\nPřítomni: Jana Malá, Petr Kos")).looks_like_minutes


# --- a body of those who met, named by its acronym, promises a deed (`KMAS připraví …`) -----------------------

_BODIES = (
    "Zápis z pracovního jednání 3. 3. 2021\n\n"
    "Přítomni: KS, Charita Most, Jan Malý; OS 1, Spolek Lípa, Eva Nová; OS 2, Diakonie, Petr Kos\n\n"
    "Informace k projektu\n\n"
)


def owners_and_dues(text: str) -> list[tuple[str | None, str | None]]:
    return [(t["owner"], t["due"]) for t in recognise(text).tasks]


def test_a_body_of_the_head_named_by_its_acronym_opening_a_clause_owns_its_promise() -> None:
    for line, expected in [
        (" • KS připraví hlášení a odešle je na kraj do 15. 5. 2021.", [("KS", "15. 5. 2021")]),
        (" • Změny zašlete mailem, KS připraví hlášení.", [("KS", None)]),
        (" • OS si telefonicky domluví termín předání.", [("OS", None)]),
        (
            " • KS do 10. 6. 2021 nejpozději, předloží žádosti ke kontrole. KS si domluví termín s Evou Novou.",
            [("KS", "10. 6. 2021"), ("KS", None)],
        ),
        (" • Všechny spolupracující KS doplní na své weby zápisy.", [("KS", None)]),
    ]:
        assert owners_and_dues(_BODIES + line + "\n") == expected, line


def test_an_acronym_not_at_a_clause_start_or_not_of_the_head_or_in_the_past_owns_nothing() -> None:
    for line in [
        " • Jakékoliv změny KS zašle na adresu kraje.",  # (the acronym inside the object)
        " • MPSV připraví novou metodiku.",  # (an office the head above does not name)
        " • ÚP si domluví termín předání.",
        " • KS připravila vzorovou žádost o proplacení.",  # (done)
        " • KS informuje o stavu projektu.",  # (imperfective: what happens now)
        " • Pokud bude třeba, KS připraví hlášení.",  # (a condition)
    ]:
        assert owners_and_dues(_BODIES + line + "\n") == [], line


# --- a deed told in the future, where it is done between the verb and its doers -------------------------------


def test_a_place_between_a_future_deed_and_its_doers_is_no_owner() -> None:
    head = _TITLE + "Přítomni: Jan Malý, Eva Nová, Petr Kos\n\n1. Kontrola\n\n"
    for sentence, owner in [
        (
            "Kontrolu budou provádět v kanceláři Charity Jana Bílá, Eva Nová a Petr Kos.",
            "Jana Bílá, Eva Nová a Petr Kos",
        ),
        ("Úklid budou zajišťovat na hřišti Jan Malý a Petr Kos.", "Jan Malý a Petr Kos"),
        ("Dozor bude provádět ve škole Eva Nová a Jan Malý.", "Eva Nová a Jan Malý"),
    ]:
        assert owners_and_dues(head + sentence + "\n") == [(owner, None)], sentence
    # (one person after the place: no list to tell the place from the name, nothing read)
    assert owners_and_dues(head + "Kontrolu bude provádět v kanceláři Eva Nová.\n") == []


# --- who secures what, each named with a courtesy word ------------------------------------------------------

_CLUB = (
    "Zápis z členské schůze konané dne 3. 3. 2021\n\n"
    "Přítomni: př. Kos, př. Bor, pí. Malá, pí. Nová, př. Dub\n\n"
    "Program:\n\n1) Zahájení\n\n2) Výstava\n\n3) Různé\n\n"
    "ad1) Schůzi zahájil př. Kos.\n\n"
)


def test_a_line_of_securing_then_its_parts_with_courtesy_named_people_are_tasks() -> None:
    text = (
        _CLUB
        + "ad2) Zajištění výstavy zajistí:\n\nStoly  př. Bor a př. Dub\n\nPokladna pí. Malá\n\n"
        + "ad3) Občerstvení zabezpečí pí. Malá a pí. Nová\n\nJídlo: guláš a klobásy\n\nTombola př. Kos M.\n"
    )
    assert owners_and_dues(text) == [
        ("Bor a Dub", None),
        ("Malá", None),
        ("Malá a Nová", None),
        ("Kos M.", None),
    ]


def test_a_list_without_a_verb_of_securing_or_without_courtesy_words_sets_no_task() -> None:
    for items in [
        "ad2) Posuzovat zde budou:\n\nKrálíci  př. Bor\n\nHolubi př. Dub\n",  # (who judges: no deed)
        "ad2) Zajištění výstavy zajistí:\n\nStoly Bor a Dub\n\nPokladna Malá\n",  # (no courtesy word)
        "ad2) Výstava proběhne v sobotu.\n\nStoly př. Bor\n",  # (no line of securing before)
        "ad2) Zajištění výstavy zajistí:\n\nad3) Různé\n\nStoly př. Bor\n",  # (the next item ends the rows)
        "ad2) Ověření zápisu provedou pí. Malá a př. Bor\n",  # (who verifies these minutes)
        "ad2) Zápis zajistí pí. Malá\n",
    ]:
        assert owners_and_dues(_CLUB + items) == [], items


# --- a recommendation to consider is no task; a wish of others before is no deed done ------------------------

_COMMITTEE = _TITLE + "Přítomni: Jan Malý, Eva Nová, Petr Kos\n\n1. Hřiště\n\n"


def test_a_recommendation_to_consider_in_the_dative_is_no_task() -> None:
    for sentence in [
        "Janu Malému bylo doporučeno zvážit opravu sítě do 5. 4. 2021.",
        "Evě Nové bylo doporučeno promyslet nový rozpis.",
        "Petru Kosovi bylo doporučeno, aby zvážil opravu sítě.",
    ]:
        assert tasks_of(_COMMITTEE + sentence + "\n") == [], sentence
    # (a task laid on in the dative stays one, `doporučeno` with a deed too)
    assert tasks_of(_COMMITTEE + "Janu Malému bylo uloženo zajistit opravu sítě do 5. 4. 2021.\n") == [
        ("Jan Malý", "5. 4. 2021")
    ]
    assert tasks_of(_COMMITTEE + "Evě Nové bylo doporučeno zajistit nabídky.\n") == [("Eva Nová", None)]


def test_a_request_that_others_wished_for_before_stays_a_task() -> None:
    for sentence, owner in [
        (
            "Předseda požádal Jana Malého, aby připravil podklady pro rozpočet, což již požadovala i škola.",
            "Jan Malý",
        ),
        ("Předseda požádal Jana Malého, aby připravil podklady, což už navrhoval i ředitel.", "Jan Malý"),
        (
            "Předsedkyně vyzvala členy komise, aby připravili návrhy akcí, což již žádali i rodiče.",
            "členové komise",
        ),
    ]:
        assert tasks_of(_COMMITTEE + sentence + "\n") == [(owner, None)], sentence
    # (a deed reported done still drops it)
    assert (
        tasks_of(_COMMITTEE + "Předseda požádal Jana Malého, aby připravil podklady, což již učinil.\n") == []
    )


def tasks_of(text: str) -> list[tuple[str | None, str | None]]:
    return [(t["owner"], t["due"]) for t in recognise(text).tasks]


# --- `byli přítomni také:` beside an attendance sheet, or at another meeting ----------------------------------

_HEAD_ONLY = "Zápis z jednání komise ze dne 3. 3. 2021\n\n"


def test_those_also_present_beside_an_attendance_sheet_are_guests() -> None:
    for sheet in ["Přítomni: dle prezenční listiny", "Přítomni: viz prezenční listina"]:
        text = (
            _HEAD_ONLY
            + sheet
            + "\n\n1. Zahájení\n\nPředseda zahájil schůzi, byli přítomni také: Petr Kos, Jana Bílá.\n"
        )
        found = recognise(text)
        assert (names(found.present), names(found.guests)) == ([], ["Petr Kos", "Jana Bílá"]), sheet


def test_those_also_present_at_another_meeting_are_nobody_of_this_one() -> None:
    for sentence in [
        "Předseda zahájil schůzi, na minulé schůzi byli přítomni také: Petr Kos, Jana Bílá.",
        "Předseda zahájil schůzi, při předchozím jednání byli přítomni také: Petr Kos, Jana Bílá.",
    ]:
        found = recognise(_HEAD_ONLY + "1. Zahájení\n\n" + sentence + "\n")
        assert (names(found.present), names(found.guests)) == ([], []), sentence
    # (of this meeting, with no list: those present, as before)
    found = recognise(
        _HEAD_ONLY + "1. Zahájení\n\nPředseda zahájil schůzi, byli přítomni také: Petr Kos, Jana Bílá.\n"
    )
    assert names(found.present) == ["Petr Kos", "Jana Bílá"]

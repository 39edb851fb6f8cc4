"""The known misses of issue #19 and the importer's brittleness on layouts it had not seen: each a
general pattern of Czech minutes, tested with variants written here (not taken from the files that
showed it), each checked to fail on the code before its rule."""

from __future__ import annotations

from kpss_cli.importing import recognise


def names(people: list) -> list[str]:
    return [p["name"] for p in people]


_HEAD = "Zápis z jednání výboru spolku Lhota dne 4. 5. 2021\n\n"


# --- the known misses ----------------------------------------------------------------------------


def test_a_body_run_into_the_next_name_in_a_list_of_name_and_body() -> None:
    for label, text in (
        ("Omluveni", "Jan Kos, TJ Sokol Lhota, z.s. Petr Dub, FO Brno Eva Malá, Charita Lhota"),
        ("Omluveni", "Jan Kos, Obec Lhota Petr Dub, Farma Na Kopci Jana Malá, MAS Brdy"),
        ("Hosté", "Jan Kos, Obec Lhota Petr Dub, Charita Brno"),
    ):
        imported = recognise(_HEAD + f"Přítomni: Karel Sýkora, Marie Nová\n{label}: {text}\n")
        people = imported.excused if label == "Omluveni" else imported.guests
        assert names(people)[1] == "Petr Dub", text
    imported = recognise(
        _HEAD + "Přítomni: Karel Sýkora\nOmluveni: Jan Kos, TJ Sokol Lhota, z.s. Petr Dub, FO Brno Eva Malá\n"
    )
    assert names(imported.excused) == ["Jan Kos", "Petr Dub", "Eva Malá"]
    assert [p["org"] for p in imported.excused][1:] == ["FO Brno", None]


def test_a_name_in_the_genitive_or_a_sentence_after_a_body_stays_in_it() -> None:
    # a school or a foundation named after someone, in the genitive: no second person
    for body in ("Základní škola Karla Čapka", "Nadace Jana Nerudy", "Gymnázium Jana Keplera"):
        imported = recognise(_HEAD + f"Přítomni: Karel Sýkora, Obec Lhota, Eva Malá, {body}\n")
        assert names(imported.present) == ["Karel Sýkora", "Eva Malá"], body
    # a sentence that names someone after the list is no body and a person
    imported = recognise(
        _HEAD + "Přítomni: Karel Sýkora, Obec Lhota, zapisovatelem byl určen Petr Dub\n"
    )
    assert "Petr Dub" not in names(imported.present)


def test_a_venue_or_an_event_is_no_person() -> None:
    imported = recognise(_HEAD + "Přítomni:\nJan Kos\nPenzion Ostravanka\nEva Malá\n")
    assert names(imported.present) == ["Jan Kos", "Eva Malá"]
    imported = recognise(_HEAD + "Přítomni: Jan Kos, Eva Malá\nHosté: Penzion U Lípy, Hotel Slunce, Petr Dub\n")
    assert names(imported.guests) == ["Petr Dub"]
    for event in ("Vítání Ježíška", "Rozsvěcení Stromečku", "Den Matek", "Ples Obce"):
        imported = recognise(_HEAD + f"Přítomni: Jan Kos, Eva Malá, {event}\n")
        assert event not in names(imported.present), event
    # a surname that merely ends like a verbal noun is still one
    imported = recognise(_HEAD + "Přítomni: Jan Kos, Eva Malá, Petr Dub\n")
    assert names(imported.present) == ["Jan Kos", "Eva Malá", "Petr Dub"]


def test_ze_dne_in_capitals_is_no_acronym_of_a_body() -> None:
    for title in ("Zápis ZE DNE 12. 3. 2024", "ZÁPIS ZE DNE 12. 3. 2024", "Zápis DNE 12. 3. 2024"):
        imported = recognise(f"{title}\n\nPřítomni: Jan Novák, Eva Malá\n\nProgram:\n1. Úvod\n")
        assert imported.group != "ZE" and imported.group != "DNE", title
        assert str(imported.date) == "2024-03-12"
    # a real acronym before `ZE DNE` is still the group
    imported = recognise("Zápis SRPŠ ZE DNE 7. 11. 2023\n\nPřítomni: Jan Novák\n")
    assert imported.group == "SRPŠ"


def test_minutes_with_only_a_held_sentence_and_a_numbered_agenda() -> None:
    for opening in (
        "Jednání proběhlo dne 12. 3. 2024 v zasedací místnosti MÚ.",
        "Jednání komise proběhlo 12. 3. 2024 od 15:00 hod.",
        "Setkání se konalo 12. března 2024 v klubovně.",
    ):
        imported = recognise(
            f"Sociální komise\n\n{opening}\n\n1. Zahájení\nPředseda přivítal členy.\n2. Rozpočet\n"
            "Komise projednala rozpočet.\n3. Různé\n"
        )
        assert imported.looks_like_minutes, opening
        assert str(imported.date) == "2024-03-12", opening
        assert imported.group is None or "proběhl" not in imported.group.lower(), opening
    # a news report of a meeting, without an agenda of its own, is still none
    imported = recognise(
        "Sociální komise jednala o rozpočtu\n\nJednání komise proběhlo 12. 3. 2024. Členové se shodli, "
        "že rozpočet navýší.\n"
    )
    assert not imported.looks_like_minutes


def test_a_bullet_of_a_thing_to_see_to_with_a_first_name_after_a_dash() -> None:
    imported = recognise(
        _HEAD + "Přítomni: Jan Kos, Eva Malá\n\n1. Investice\n  • nový vysavač - Tomáš F.\n"
        "  • nástěnky do klubovny – Marek W.\n  • podsedáky - revize funkčnosti - netopí\n"
        "2. Akce\n  - Vítání Ježíška - povedené\n"
    )
    assert [(t["task"], t.get("owner")) for t in imported.tasks] == [
        ("nový vysavač", "Tomáš F."),
        ("nástěnky do klubovny", "Marek W."),
    ]
    # who presented an item, written in full or by initial, is no owner of a task
    imported = recognise(
        _HEAD + "Přítomni: Jan Kos, Eva Malá\n\nProgram:\n- Zpráva o činnosti – Ing. Jan Kos\n"
        "- Hospodaření - J. Malá\n- Různé - Petr Dub\n"
    )
    assert imported.tasks == []


def test_a_members_task_after_its_deadline_and_a_dash() -> None:
    for line, owner in (
        ("do příští PR - každý člen sepsat podstatné body", "každý člen"),
        ("do příštího jednání – všichni členové promyslet návrhy akcí", "všichni členové"),
    ):
        imported = recognise(_HEAD + f"Přítomni: Jan Kos, Eva Malá\n\n1. Dotazník\n  • {line}\n")
        assert [(t.get("owner"), t.get("due")) for t in imported.tasks] == [
            (owner, line.split(" -")[0].split(" –")[0])
        ], line


def test_the_next_meeting_fronted_as_a_deadline_then_the_verb_and_its_subject() -> None:
    for sentence, owner, due in (
        (
            "Na příštím jednání předloží poskytovatelé sociálních služeb v Lhotě, zařazení v síti, návrh rozpočtu.",
            "poskytovatelé sociálních služeb v Lhotě",
            "Na příštím jednání",
        ),
        (
            "Do příštího setkání zašlou členové skupiny, každý za svou službu, počty klientů.",
            "členové skupiny",
            "Do příštího setkání",
        ),
    ):
        imported = recognise(_HEAD + f"Přítomni: Jan Kos, Eva Malá\n\n1. Financování\n{sentence}\n")
        assert [(t.get("owner"), t.get("due")) for t in imported.tasks] == [(owner, due)], sentence
    # the fronted deadline with no task verb after it sets no task
    imported = recognise(
        _HEAD + "Přítomni: Jan Kos, Eva Malá\n\nNa příštím jednání budou poskytovatelé, kteří přijdou, hlasovat.\n"
    )
    assert imported.tasks == []


def test_a_title_whose_number_lost_its_digits() -> None:
    for title in ("Zápis č. z jednání Výboru spolku Lhota", "1 Zápis č. ze zasedání Výboru spolku Lhota"):
        imported = recognise(f"{title}\nMísto: klubovna na hřišti Čas: 17:00\nHosté: Petr Dub, Jana Malá\n")
        assert imported.looks_like_minutes, title
        assert imported.group == "Výbor spolku Lhota", title
    # the number written out is read as before
    imported = recognise("Zápis č. 5 z jednání Výboru spolku Lhota\nMísto: klubovna\nHosté: Petr Dub\n")
    assert imported.group == "Výbor spolku Lhota"

"""Misfires of the task rules of the twentieth batch (`importmiss5`) that a review reproduced, narrowed
(issue #19): each rule tested with variants written here; the batch's own cases stay in test_import_misses5."""

from __future__ import annotations

from kpss_cli.importing import recognise

_HEAD = (
    "Zápis z jednání pracovní skupiny Senioři dne 12. 3. 2024\n\n"
    "Přítomni: Jana Kopitzová, Petr Houžvička, Marie Nováková, Petr Novák, Jan Kos, Jana Malá\n\n"
)


def tasks(item: str, body: str) -> list[tuple[str | None, str]]:
    imported = recognise(f"{_HEAD}1. {item}\n{body}\n")
    assert imported is not None
    return [(t["owner"], t["task"]) for t in imported.tasks]


# --- 1. a second person after a comma with no verb left out (`_gapped_task`) -------------------------


def test_a_second_person_whose_words_tell_a_state_a_vote_or_a_time_is_no_gapped_task() -> None:
    for tail in [
        "p. Houžvička v 17 hodin odešel.",
        "p. Houžvička proti.",
        "p. Houžvička zatím neví.",
        "p. Houžvička pro.",
        "p. Houžvička se zdržel.",
        "p. Houžvička dnes chyběl.",
        "p. Houžvička později.",
    ]:
        found = tasks("Kulturní program", f"p. Kopitzová projedná vystoupení MŠ, {tail}")
        assert [owner for owner, _text in found] == ["p. Kopitzová"], tail
    # the verb left out, a short object: still the second task
    found = tasks("Kulturní program", "p. Kopitzová projedná vystoupení MŠ, p. Houžvička vystoupení ZŠ.")
    assert found[1:] == [("p. Houžvička", "projedná vystoupení ZŠ")]


# --- 2. a dative taken up by a relative clause (`_dative_owner_tasks`) --------------------------------


def test_a_dative_under_a_condition_or_in_a_question_anywhere_in_its_sentence_is_no_owner() -> None:
    for body in [
        "Pokud p. Malá nebude moci, budou plakáty předány p. Kosovi, který zajistí vyvěšení.",
        "Plakáty budou předány p. Kosovi, který zajistí vyvěšení ve spolupráci s p. Malou, pokud to bude nutné.",
        "Paní Malá se ptala, zda by nebylo lepší předat plakáty panu Kosovi, který zajistí vyvěšení.",
        "Plakáty byly minulý týden předány p. Kosovi, který zajistí vyvěšení?",
        "Kdyby Ing. Malá nemohla, budou plakáty předány p. Kosovi, který zajistí vyvěšení.",
    ]:
        assert tasks("Plakáty", body) == [], body
    found = tasks("Plakáty", "Plakáty byly předány p. Kosovi, který zajistí vyvěšení. Pí. Malá souhlasí.")
    assert found == [("p. Kos", "zajistí vyvěšení")]


# --- 3. a bracket opened by a person (`_bracket_subject_tasks`) ---------------------------------------


def test_a_bracket_with_a_verb_or_question_word_before_the_task_verb_or_a_question_mark_is_no_task() -> None:
    for line in [
        "Akce Kaštánku (paní Malá neví kdo zajistí sál)",
        "Akce Kaštánku (paní Malá akce zašle?)",
        "Akce Kaštánku (paní Malá zjistí, zda zajistí sál?)",
        "Akce Kaštánku (paní Malá nevěděla zda zašle)",
    ]:
        imported = recognise(f"{_HEAD}{line}\n")
        assert imported.tasks == [], line
    imported = recognise(f"{_HEAD}Akce Kaštánku (paní Malá akce zašle e-mailem)\n")
    assert [(t["owner"], t["task"]) for t in imported.tasks] == [("paní Malá", "zašle akce e-mailem")]


# --- 4. a surname and an initial closing the clause (`_INITIALLED_CLOSES`) ---------------------------


def test_a_surname_and_initial_after_a_body_named_after_the_verb_or_a_preposition_is_no_owner() -> None:
    head = _HEAD.replace("Jan Kos, Jana Malá", "Kos J., Malá J.")
    for body in [
        "Situaci prověří OSPOD v rodině Novák P.",
        "Stížnost projedná komise s nájemníkem Kos J., který si stěžoval.",
        "Stížnost projedná v domě s pečovatelskou službou paní Kos J.",
        "Pomoc zajistí obec u rodiny Malá J.",
    ]:
        imported = recognise(f"{head}1. Šetření\n{body}\n")
        assert [t["owner"] for t in imported.tasks] == [], body
    imported = recognise(f"{head}1. Šetření\nObčerstvení pro hosty projedná na hřišti TJ Sokol Kos J.\n")
    assert [t["owner"] for t in imported.tasks] == ["Kos J."]


# --- 5. people after the verb with a bracket each (`_bracketed_owners`) -------------------------------


def test_people_listed_after_the_verb_with_a_condition_in_a_bracket_are_no_owners() -> None:
    for body in [
        "Zprávu připraví Jana Malá (pokud se uzdraví) a Petr Kos (mládež).",
        "Zprávu připraví Jana Malá (mládež) a Jan Kos (v případě potřeby).",
        "Zprávu připraví Jana Malá (bude-li zdráva) a Jan Kos (mládež).",
    ]:
        assert tasks("VVH", body) == [], body
    assert tasks("VVH", "Zprávu připraví Jana Malá (senioři) a Jan Kos (mládež).") == [
        ("Jana Malá, Jan Kos", "Zprávu připraví")
    ]


# --- 6. the members or participants after the verb (`_PEOPLE_AFTER_VERB`) -----------------------------


def test_the_members_or_participants_of_another_body_or_event_are_no_owners() -> None:
    for item, body in [
        ("Konference", "Evaluační dotazník vyplní účastníci konference."),
        ("Brigáda", "Dopravu seniorů zajistí členové Klubu důchodců."),
        ("Doprava", "Dopravu zajistí členové spolku Senior."),
        ("Kurz", "Pomůcky přinesou účastníci kurzu."),
    ]:
        assert tasks(item, body) == [], body
    for item, body, owner in [
        ("Brigáda", "Motorové pily zajistí účastníci brigády.", "účastníci brigády"),
        ("Jednání", "Podklady připraví členové pracovní skupiny.", "členové pracovní skupiny"),
        ("Jednání", "Podklady připraví všichni členové.", "všichni členové"),
        ("Jednání", "Podklady připraví ostatní členky.", "ostatní členky"),
    ]:
        assert [o for o, _text in tasks(item, body)] == [owner], body


# --- 7. a deed told in the future (`_future_fields`) ---------------------------------------------------


def test_a_future_of_no_deed_or_with_someone_unknown_named_is_no_task() -> None:
    for body in [
        "V červnu bude chybět Jana Malá.",
        "Ve funkci předsedy bude pokračovat Jan Kos.",
        "Na festivalu budou vystupovat Jana Malá a Eva Kosová.",
        "Příští rok bude předsedat Jan Kos.",
        "Na jednání bude zastupovat Jana Malá.",
    ]:
        assert tasks("Organizační", body) == [], body
    assert [o for o, _text in tasks("Festival", "Výrobky budou prodávat Jana Malá a Jan Kos.")] == [
        "Jana Malá a Jan Kos"
    ]


# --- 8. one person by the role after the verb (`_ONE_ROLE_CLOSES`) -------------------------------------


def test_a_role_of_another_body_after_the_verb_is_no_owner() -> None:
    for body in [
        "Žádost o umístění projedná ředitel ZŠ.",
        "Žádost o umístění projedná ředitelka MŠ.",
        "Žádost o umístění projedná ředitel domova.",
        "Žádost projedná předseda SVJ se starostou.",
    ]:
        assert tasks("Škola", body) == [], body
    assert tasks("Škola", "Žádost o umístění projedná předsedkyně.") == [
        ("předsedkyně", "Žádost o umístění projedná")
    ]


# --- 9. what heads an item (`_item_numbers`) ------------------------------------------------------------


def test_a_date_or_an_hour_at_a_lines_start_is_no_new_item_and_a_summary_repeats_no_task() -> None:
    for middle in [
        "15. 3. 2024 proběhne porada s MÚ.",
        "15.3. proběhne porada s MÚ.",
        "19.00 zahájení\n20.00 předtančení",
        "19. 00 zahájení",
        "Shrnuto:",
        "Shrnutí:",
    ]:
        text = f"{_HEAD}1. Ples\nPlakát vyhotoví pan Kos do 30. 4. 2024.\n{middle}\nPlakát vyhotoví pan Kos do 30. 4. 2024.\n"
        assert len(recognise(text).tasks) == 1, middle
    # a heading that looks like one still opens a new item, where the same task is set again
    text = f"{_HEAD}1. Ples\nPlakát vyhotoví pan Kos do 30. 4. 2024.\n2. Různé\nPlakát vyhotoví pan Kos do 30. 4. 2024.\n"
    assert len(recognise(text).tasks) == 2

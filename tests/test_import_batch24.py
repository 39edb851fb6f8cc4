"""General patterns of Czech minutes drawn from the twenty-fourth real held-out batch (`390`–`398`,
issue #19), each tested with variants written here, not taken from those files."""

from __future__ import annotations

from kpss_cli.importing import recognise

# --- a deputy written `X v zastoupení za Y` in a list -------------------------------------------


def _present(line: str) -> list[str]:
    text = f"Zápis z jednání komise\n\nDne 3. 4. 2018\n\n{line}\n\n1. Předseda přivítal přítomné.\n"
    return [person["name"] for person in recognise(text).present]


def test_a_deputy_in_place_of_a_member_is_present_not_the_member() -> None:
    for line, deputy in [
        ("Přítomni: Jan Dub, Eva Malá, Petr Sýkora v zastoupení za Ludmilu Novákovou", "Petr Sýkora"),
        ("Přítomni: Ing. Hana Vlková v zastoupení Karla Lva, Jan Dub, Eva Malá", "Ing. Hana Vlková"),
        ("Přítomni: Jan Dub, Mgr. Iva Říhová v zastoupení za starostu, Eva Malá", "Mgr. Iva Říhová"),
    ]:
        present = _present(line)
        assert deputy in present, line
        assert all("zastoupení" not in name for name in present), line
        assert "Ludmila Nováková" not in present and "Karel Lev" not in present, line


def test_a_phrase_without_a_name_before_it_is_no_deputy() -> None:
    # `v zastoupení` after words that are no name (a body) does not make a person of them
    present = _present("Přítomni: Jan Dub, Eva Malá, Odbor sociálních věcí v zastoupení za ředitele")
    assert present[:2] == ["Jan Dub", "Eva Malá"]
    assert all("Odbor" not in name for name in present)

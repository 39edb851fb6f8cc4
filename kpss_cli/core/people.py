"""Who minutes mean: a person as written in a task's owner (initials, a surname alone, a
declined form such as `panem Kubesou` or `paní Zemanovou`, an old name) matched to one person
of the roster, the people `kpss.yaml` names (members, managers, aliases).

Czech declines surnames and first names: the matching knows the endings of the cases in
which minutes name owners (`zajistí pan Novák`, `úkol pro paní Novákovou`, `s panem Novákem`)
and the fleeting `e` (`Němec`, `Němcem`). It never guesses between two people: a name that
fits several of the roster, or none, is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from .config import Config
from .names import fold, person_key, split_people, strip_titles
from .sorting import czech_sort_key

# Words before a name that only say who is meant (`pan`, `paní`, `kolega`…), without diacritics.
_HONORIFICS = frozenset(
    [
        "pan",
        "pana",
        "panu",
        "panem",
        "pane",
        "pani",
        "panove",
        "slecna",
        "slecny",
        "slecne",
        "slecnou",
        "p",
        "pi",
        "kolega",
        "kolegy",
        "kolegovi",
        "kolegou",
        "kolegyne",
        "kolegyni",
        "kolegyni",
        "kolegyni",
    ]
)


def _forms(base: str) -> set[str]:
    """The declined forms of a name (folded: lower case, no diacritics) in the cases minutes use."""
    forms = {base}
    if base.endswith("ova"):  # Zemanová: Zemanovou, Zemanové
        forms |= {base[:-1] + "ou", base[:-1] + "e"}
    elif base.endswith("a"):  # Kubesa, Jana, Malá: Kubesou, Kubesy, Kubesovi, Janu, Malé
        forms |= {base[:-1] + ending for ending in ("ou", "y", "e", "u", "o", "ovi", "i")}
    elif base.endswith("y"):  # Malý: Malého, Malému, Malým
        forms |= {base[:-1] + ending for ending in ("eho", "emu", "ym")}
    elif base.endswith("i"):  # Jiří, Krejčí: Jiřího, Jiřímu, Jiřím
        forms |= {base + ending for ending in ("ho", "mu", "m")}
    elif base.endswith("o"):  # Janko: Janka, Jankovi, Jankem
        forms |= {base[:-1] + ending for ending in ("a", "ovi", "em", "u")}
    elif base[-1:].isalpha() and not base.endswith(("e", "u")):  # Novák: Nováka, Novákovi, Novákem
        stems = {base}
        if len(base) > 3 and base[-2] == "e" and base[-1] in "cklnr":  # Němec: Němce, Dvořáček: Dvořáčka
            stems.add(base[:-2] + base[-1])
        forms |= {stem + ending for stem in stems for ending in ("a", "ovi", "em", "e", "u", "i", "y")}
    return forms


def declined_forms(name: str) -> set[str]:
    """The forms of a name (folded) in the cases minutes use: `novak` -> `novaka`, `novakem`…"""
    return _forms(name)


def _words(written: str) -> list[str]:
    """The words of a name that say who: no titles, honorifics, case or diacritics."""
    return [word.rstrip(".") for word in person_key(written).split() if word.rstrip(".") not in _HONORIFICS]


class Roster:
    """The people of an archive, by every way minutes may name them."""

    def __init__(self, names: Iterable[str], aliases: dict[str, str] | None = None) -> None:
        self._exact: dict[str, str] = {}  # person key -> name as kpss.yaml writes it
        self._by_surname: dict[str, list[tuple[str, list[str]]]] = {}  # a form of the surname -> people
        for name in names:
            words = _words(name)
            if not words or person_key(name) in self._exact:
                continue
            self._exact[person_key(name)] = name
            for form in _forms(words[-1]):
                self._by_surname.setdefault(form, []).append((name, words))
        for old, new in (aliases or {}).items():
            self._exact.setdefault(old, self._exact.get(person_key(new), new))

    def find(self, written: str) -> str | None:
        """The roster's name of the person `written` names; None when none or several fit."""
        key = person_key(written)
        if key in self._exact:
            return self._exact[key]
        words = _words(written)
        if not words:
            return None
        fits = {
            name
            for name, own in self._by_surname.get(words[-1], ())
            if all(_first_name_fits(word, own) for word in words[:-1])
        }
        if len(fits) == 1:
            return fits.pop()
        return None


def _first_name_fits(word: str, own: list[str]) -> bool:
    """True when a word before the surname fits one of the person's first names: the name, an
    initial (`A.`), or a declined form (`Janou`)."""
    return any(word == first[:1] or word in _forms(first) for first in own[:-1]) if own[:-1] else False


def surname_order(name: str) -> tuple[tuple[int, ...], str]:
    """The sort key of a person by surname, then first names, in Czech order (`ch` after `h`,
    `č` after `c`); titles left out. A list of people sorts by the first of them."""
    people = split_people(name)
    words = strip_titles(people[0] if people else name).split()
    return czech_sort_key(" ".join(words[-1:] + words[:-1]))


# Common Czech first names (folded): a name in a case tells its gender by them, and the importer
# tells `Kateřina, Šretrová` (one person split by a stray comma) from `Novák, Dvořák` by them.
FIRST_NAMES = frozenset(
    fold(n)
    for n in (  # noqa: SIM905 - a word list reads better as text
        "Adam Adéla Adriana Alena Aleš Alexandr Alexandra Alice Alois Alžběta Andrea Aneta Anežka Anna "
        "Antonín Barbora Blanka Blažena Bohdan Bohumil Bohumila Bohuslav Božena Bronislava Dagmar "
        "Dalibor Dana Daniel Daniela David Denisa Dominik Drahomíra Dušan Eliška Emil Emilie Erika Eva "
        "Filip František Gabriela Hana Helena Ilona Irena Iva Ivan Ivana Iveta Jakub Jan Jana Jarmila "
        "Jaromír Jaroslav Jaroslava Jindřich Jindřiška Jiří Jiřina Jitka Josef Kamil Kamila Karel "
        "Karolína Kateřina Klára Kristýna Kvěstoslava Ladislav Lenka Libor Libuše Lucie Ludmila Lukáš "
        "Lubomír Lubomíra Magdalena Marcela Marek Markéta Marie Martin Martina Matěj Michaela Michal "
        "Milada Milan Milena Miloslav Miloslava Miloš Miroslav Miroslava Monika Naděžda Natálie Nikola "
        "Olga Ondřej Otakar Patrik Pavel Pavla Pavlína Petr Petra Přemysl Radek Radka Radim Radomír "
        "Renata Richard Robert Roman Romana Rostislav Růžena Sabina Simona Soňa Stanislav Stanislava "
        "Svatopluk Světlana Šárka Štěpán Štěpánka Tereza Tomáš Vanda Václav Vendula Věra Veronika Viktor "
        "Viktorie Vilém Vít Vítězslav Vladimír Vladimíra Vlasta Vlastimil Vojtěch Vratislav Zbyněk "
        "Zdeněk Zdenka Zdeňka Zita Zlata Zuzana Žaneta Jolana Hedvika Kristina Ema Emma Ivo Ota Oto "
        "Hynek Bedřich Leoš Ludvík Luboš Lubor Oldřich Mojmír René Ilja Kryštof Vojta Adolf Alfréd "
        "Arnošt Dita Edita Ester Hanka Jiřinka Johana Julie Klaudie Leona Lada Marta Nela Nina Olivie "
        "Radmila Silvie Sylva Sylvie Taťána Táňa Vladislava Zora"
    ).split()
)

Case = Literal["accusative", "instrumental", "genitive"]

# How a first name ends in a case, and how it ends in the nominative; the first rule whose result
# is a known first name tells the gender, and with it the rules for the surname.
_FIRST_NAME_RULES: dict[Case, tuple[tuple[str, str, str], ...]] = {
    "accusative": (("ii", "ie", "f"), ("u", "a", "f"), ("a", "", "m"), ("e", "", "m")),
    "instrumental": (
        ("ií", "ie", "f"),
        ("ou", "a", "f"),
        ("em", "", "m"),
        ("ím", "í", "m"),
        ("ou", "a", "m"),
    ),
    # `omluvil neúčast Jany Malé, Petra Nováka, Jiřího Kose, Lucie Dvořákové`
    "genitive": (("ie", "ie", "f"), ("y", "a", "f"), ("ího", "í", "m"), ("a", "", "m"), ("e", "", "m")),
}
_SURNAME_RULES: dict[tuple[Case, str], tuple[tuple[str, str], ...]] = {
    ("accusative", "f"): (("ovou", "ová"), ("ou", "á")),
    ("accusative", "m"): (("ého", "ý"), ("ího", "í"), ("u", "a"), ("a", ""), ("e", "")),
    ("instrumental", "f"): (("ovou", "ová"), ("ou", "á")),
    ("instrumental", "m"): (("ým", "ý"), ("ím", "í"), ("ou", "a"), ("em", "")),
    ("genitive", "f"): (("ové", "ová"), ("é", "á"), ("y", "a")),
    ("genitive", "m"): (("ého", "ý"), ("ího", "í"), ("y", "a"), ("a", ""), ("e", "")),
}
# A stem that cannot end a Czech nominative (`Kubíčk`, `Němc`, `Pavl`) had its `e` dropped by the
# ending (`Kubíčka` -> `Kubíček`, `Němcem` -> `Němec`, `Pavla` -> `Pavel`, `Šimkem` -> `Šimek`).
_DROPPED_E = re.compile(r"([čšžřcňnrtdvm]k|[čšžřňnrtdvlkpm]c|[vbpr]l|[čšžňr]n|[vd]r)$")
_SOFT_BEFORE_E = {"ň": "ně", "ť": "tě", "ď": "dě"}  # `Zdeňka` -> `Zdeněk`


def _restore_e(stem: str) -> str:
    def insert(match: re.Match[str]) -> str:
        first, last = match[1][0], match[1][1]
        return f"{_SOFT_BEFORE_E.get(first, first + 'e')}{last}"

    return _DROPPED_E.sub(insert, stem)


def _first_name_nominative(word: str, case: Case) -> tuple[str, str] | None:
    for ending, nominative, gender in _FIRST_NAME_RULES[case]:
        if word.lower().endswith(ending):
            stem = word[: len(word) - len(ending)]
            for candidate in dict.fromkeys((stem + nominative, _restore_e(stem) + nominative)):
                if fold(candidate) in FIRST_NAMES:
                    return candidate, gender
    return None


def surname_nominative(word: str, case: Case, gender: str | None = None) -> str:
    """A surname in a case in the nominative; without a gender (an initial before it, `P. Pacala`)
    a woman's by its ending (`Novákové`, `Malé`), else a man's. A guess."""
    if gender is None:
        gender = "f" if word.lower().endswith(("ové", "é", "ovou")) else "m"
    return _surname_nominative(word, case, gender)


def _surname_nominative(word: str, case: Case, gender: str) -> str:
    for ending, nominative in _SURNAME_RULES[(case, gender)]:
        if word.lower().endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: len(word) - len(ending)]
            return (_restore_e(stem) if not nominative else stem) + nominative
    return word


def nominative_words(words: list[str], case: Case) -> list[str] | None:
    """The words of a name in the accusative or instrumental (first name first, no titles:
    `Petra Lise`, `Evou Malinovou`) in the nominative (`Petr Lis`, `Eva Malinová`); a comma
    after a word is kept. None when the first word is no known first name in that case (it
    gives the gender). A guess: Czech names decline irregularly."""
    first = _first_name_nominative(words[0].rstrip(","), case)
    if first is None:
        return None
    converted, gender = [first[0] + ("," if words[0].endswith(",") else "")], first[1]
    for word in words[1:]:
        comma = "," if word.endswith(",") else ""
        converted.append(_surname_nominative(word.rstrip(","), case, gender) + comma)
    return converted


def nominative(written: str, roster: Roster | None = None) -> str:
    """A name written in the instrumental (`Petrem Svobodou`, `Mgr. Janou Malou, DiS.`, as in
    `zastoupen Petrem Svobodou`) in the nominative: as the roster names the person when it
    knows them, else by the endings (`nominative_words`); as written when neither can tell.
    Titles stay as they are."""
    if roster is not None and (known := roster.find(written)) is not None:
        return known
    words = written.split()
    names = [i for i, word in enumerate(words) if word.rstrip(",;").isalpha()]  # not `Mgr.`, `Ph.D.`
    converted = nominative_words([words[i] for i in names], "instrumental") if names else None
    if converted is None:
        return written
    for i, word in zip(names, converted, strict=True):
        words[i] = word
    return " ".join(words)


def roster_of(config: Config) -> Roster:
    """Everyone kpss.yaml names: the groups' members (without their organisations) and
    managers, the people aliases stand for, and the people given an e-mail address."""
    names: list[str] = []
    for group in config.groups:
        names += [member.split(" (", 1)[0] for member in group.members]
        if group.manager:
            names.append(group.manager)
    return Roster(names + list(config.aliases.values()) + list(config.emails), config.aliases)

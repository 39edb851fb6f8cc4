"""Who minutes mean: a person as written in a task's owner (initials, a surname alone, a
declined form such as `panem Kubesou` or `paní Zemanovou`, an old name) matched to one person
of the roster, the people `kpss.yaml` names (members, managers, aliases).

Czech declines surnames and first names: the matching knows the endings of the cases in
which minutes name owners (`zajistí pan Novák`, `úkol pro paní Novákovou`, `s panem Novákem`)
and the fleeting `e` (`Němec`, `Němcem`). It never guesses between two people: a name that
fits several of the roster, or none, is left as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from .config import Config
from .names import person_key, split_people, strip_titles
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


def nominative(written: str, roster: Roster | None = None) -> str:
    """A name written in the instrumental (`Petrem Svobodou`, `Mgr. Janou Malou`, as in
    `zastoupen Petrem Svobodou`) in the nominative: as the roster names the person when it
    knows them, else by the endings of the instrumental (`Pavlem` -> `Pavel`, `Malou` -> `Malá`
    for a woman, `Svobodou` -> `Svoboda` for a man). Titles stay as they are."""
    if roster is not None and (known := roster.find(written)) is not None:
        return known
    words = written.split()
    names = [i for i, word in enumerate(words) if word.rstrip(",;").isalpha()]  # not `Mgr.`, `Ph.D.`
    if not names:
        return written
    first = words[names[0]].rstrip(",;")
    woman = first.endswith("ou") or (first.endswith("í") and not first.endswith("ím"))
    for i in names:
        name = words[i].rstrip(",;")
        words[i] = _nominative_word(name, woman, i == names[-1] and len(names) > 1) + words[i][len(name) :]
    return " ".join(words)


_FLEETING_E = "lkc"  # Pavlem, Markem, Němcem: Pavel, Marek, Němec
_VOWELS = "aeiouyáéěíóúůý"


def _nominative_word(word: str, woman: bool, surname: bool) -> str:
    if word.endswith("ovou"):
        return word[:-2] + "á"
    if word.endswith("ou"):
        return word[:-2] + ("á" if woman and surname else "a")
    if word.endswith("ií"):
        return word[:-1] + "e"
    if word.endswith(("ím", "ým")):
        return word[:-2] + ("í" if word.endswith("ím") else "ý")
    if word.endswith("em") and not woman and len(word) > 3:
        stem = word[:-2]
        if stem[-1] in _FLEETING_E and stem[-2] not in _VOWELS:
            before = "n" if stem[-2] == "ň" else stem[-2]
            stem = stem[:-2] + before + ("ě" if stem[-2] == "ň" else "e") + stem[-1]
        return stem
    return word


def roster_of(config: Config) -> Roster:
    """Everyone kpss.yaml names: the groups' members (without their organisations) and
    managers, the people aliases stand for, and the people given an e-mail address."""
    names: list[str] = []
    for group in config.groups:
        names += [member.split(" (", 1)[0] for member in group.members]
        if group.manager:
            names.append(group.manager)
    return Roster(names + list(config.aliases.values()) + list(config.emails), config.aliases)

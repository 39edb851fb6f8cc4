"""Who may be named in a public copy (`kpss render --public`, `kpss site`), and how the others
are shown: the one place that decides it.

Officials and members acting for organisations are named; clients, private guests and people
named in the discussion are not (GDPR). `kpss.yaml` drives it:

    privacy:
      people:
        "Jana Nováková": private                  # a member who asked not to be named
        "Mgr. Petr Kos": public                   # a guest who speaks for an organisation
        "Marie Veselá": zástupce veřejnosti       # shown as this role

Members and managers of the groups are public unless listed otherwise; anyone else (guests,
owners who are no member, people named only in the text) is private: shown by initials
(`J. N.`) or by the role given. Names listed here are also removed from the text of minutes
wherever they stand, in their declined forms (`Janou Novákovou`), whoever is speaking.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .config import Config
from .errors import KpssError
from .i18n import _
from .names import person_key, strip_titles
from .people import Roster, declined_forms

PUBLIC, PRIVATE = "public", "private"

# A person's name: two to four capitalised words (or initials) once titles are left out.
_NAME_WORD = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_][^\W\d_]+(?:-[^\W\d_][^\W\d_]+)?)$")


class _FoldTable(dict[int, str]):
    """str.translate's table: each letter lower case without diacritics, found on first use."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFD", char)[0].lower() if char.isalpha() else char
        self[code] = folded if len(folded) == 1 else char
        return self[code]


_FOLD_TABLE = _FoldTable()


def _char_fold(text: str) -> str:
    """`text` lower case without diacritics, one character for one (positions stay)."""
    return text.translate(_FOLD_TABLE)


def looks_like_person(text: str) -> bool:
    """True when `text` is written as a person's name (`Jana Nováková`, `J. Nováková`), not as
    a body or a role (`členové PS Senioři`, `koordinátorka`, `MěÚ`)."""
    words = strip_titles(text.split(" (", 1)[0]).split()
    if not 2 <= len(words) <= 4:
        return False
    return all(
        _NAME_WORD.match(word)
        and all(part[:1].isupper() and part[1:] == part[1:].lower() for part in word.split("-"))
        for word in words
    ) and not all(len(word) == 2 for word in words)


def initials(name: str) -> str:
    """`Mgr. Jana Nováková (Charita)` -> `J. N.`."""
    words = strip_titles(name.split(" (", 1)[0]).split()
    return " ".join(f"{word[0].upper()}." for word in words if word[:1].isalpha()) or "…"


class Privacy:
    """The decision for each person of an archive, read from its kpss.yaml."""

    def __init__(self, config: Config, members: Iterable[str] | None = None) -> None:
        """`members`: the names of the members on the day a document is about (membership over
        time, meetings/membership.py); None: everyone kpss.yaml names as a member at any time."""
        public: list[str] = []
        for group in config.groups:
            if members is None:
                public += [member.split(" (", 1)[0] for member in group.members]
            if group.manager:
                public.append(group.manager.split(" (", 1)[0])
        if members is not None:
            public += [member.split(" (", 1)[0] for member in members]
        self._public = Roster(public, config.aliases)
        self._overrides: dict[str, str] = {}  # person key -> public | private | a role
        written: list[str] = []
        section = config.extra.get("privacy")
        if section is not None:
            people = section.get("people") if isinstance(section, dict) else None
            if not isinstance(section, dict) or not isinstance(people, dict | None):
                raise KpssError(_("privacy: must map `people` to public, private or a role"), config.path)
            for name, value in (people or {}).items():
                if not isinstance(name, str) or not isinstance(value, str) or not value.strip():
                    raise KpssError(
                        _("privacy: {name!r} must be public, private or a role (a word)").format(name=name),
                        config.path,
                    )
                self._overrides[person_key(name)] = value.strip()
                written.append(name)
        self._listed = Roster(written)
        self.listed_private = [name for name in written if not self.is_public(name)]

    def _override(self, name: str) -> str | None:
        found = self._listed.find(name.split(" (", 1)[0])
        return self._overrides.get(person_key(found)) if found else None

    def is_public(self, name: str) -> bool:
        """The decision: may `name` be shown in a public copy?"""
        override = self._override(name)
        if override is not None:
            return override == PUBLIC
        return self._public.find(name.split(" (", 1)[0]) is not None

    def shown(self, name: str) -> str:
        """`name` as a public copy shows it: as written, or its initials or role."""
        if self.is_public(name):
            return name
        override = self._override(name)
        if override is not None and override != PRIVATE:
            return override
        return initials(name)


_WORD = re.compile(r"[^\W\d_]+")
_REMEMBERED = 200  # texts up to this long are remembered scrubbed (bodies are not: each is once)
_LEAD = 80  # characters a name's titles and first name may take before its surname
_TITLES = r"(?:(?:mgr|bc|ing|phdr|mudr|judr|rndr|paedr|doc|prof|ph\.d|dis)\.\s*)*"


class Scrubber:
    """Removes the names of private people from text, in the forms Czech declines them to."""

    def __init__(self, privacy: Privacy, names: list[str]) -> None:
        self._privacy = privacy
        self._replacement: dict[str, str] = {}  # folded surname form -> what to show
        # The last word of a surname form -> the patterns of the people it may name, each a
        # surname with what may stand before it (titles, a first name or an initial). A text is
        # searched only where such a word is, not with every pattern at every place.
        self._by_word: dict[str, list[re.Pattern[str]]] = {}
        self._seen: dict[str, str] = {}  # short texts already scrubbed
        for name in dict.fromkeys(names):
            words = [w.rstrip(".,") for w in strip_titles(name.split(" (", 1)[0]).split()]
            words = [w for w in words if len(w) > 1]
            if not words:
                continue
            surname = _char_fold(words[-1])
            surnames = sorted(declined_forms(surname), key=len, reverse=True)
            firsts = sorted(
                {f for w in words[:-1] for f in declined_forms(_char_fold(w))}, key=len, reverse=True
            )
            initial_letters = "".join(sorted({_char_fold(w)[0] for w in words[:-1]}))
            first = "|".join(re.escape(f) for f in firsts)
            lead = rf"(?:(?:{first})\s+|[{initial_letters}]\.\s*)?" if firsts else ""
            pattern = re.compile(
                r"(?<![^\W\d_])" + _TITLES + lead + "(?:" + "|".join(re.escape(s) for s in surnames) + r")\Z"
            )
            for form in surnames:
                self._replacement.setdefault(form, privacy.shown(name))
                if parts := _WORD.findall(form):
                    found = self._by_word.setdefault(parts[-1], [])
                    if pattern not in found:
                        found.append(pattern)

    def __call__(self, text: str) -> str:
        """`text` with every private name replaced by its initials or role."""
        if not self._by_word or not text:
            return text
        if len(text) > _REMEMBERED:
            return self._scrubbed(text)
        # Names, organisations and tasks come back page after page: each is scrubbed once.
        if (known := self._seen.get(text)) is None:
            known = self._seen[text] = self._scrubbed(text)
        return known

    def _scrubbed(self, text: str) -> str:
        folded = _char_fold(text)
        if len(folded) != len(text):  # a character that folds to several: match on the text itself
            return text
        pieces: list[str] = []
        last = 0
        for word in _WORD.finditer(folded):
            patterns = self._by_word.get(word.group())
            if patterns is None or word.start() < last:
                continue
            start = max(last, word.start() - _LEAD)  # each pattern ends where the word ends
            matches = [m for p in patterns if (m := p.search(folded, start, word.end()))]
            if not matches:
                continue
            match = min(matches, key=lambda m: m.start())  # the longest: with titles and first name
            written = text[match.start() : match.end()].split()[-1].split(".")[-1]
            if not written[:1].isupper():  # `veselá` is a word; `Veselá` is the name
                continue
            surname = _char_fold(written)
            pieces += [text[last : match.start()], self._replacement.get(surname, "…")]
            last = match.end()
            if pieces[-1].endswith(".") and text[last : last + 1] == ".":
                last += 1  # `… J. N.` at the end of a sentence: one full stop
        return "".join([*pieces, text[last:]])

"""People's names: titles, identity keys, and case- and diacritics-blind text matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

# Academic and professional titles used in Czech minutes. They stay in displayed names and
# are ignored when people are matched across meetings.
_TITLES = (
    # Longest first: "Ing. arch." must not stop at "Ing".
    "Ing\\. ?arch",
    "Ph\\. ?D",
    "Th\\. ?D",
    "LL\\. ?M",
    "LL\\. ?B",
    "PharmDr",
    "PaedDr",
    "MUDr",
    "MDDr",
    "JUDr",
    "RNDr",
    "PhDr",
    "ThDr",
    "ThLic",
    "MVDr",
    "PhMr",
    "RSDr",
    "DrSc",
    "ThMgr",
    "PhLic",
    "JCLic",
    "ICLic",
    "JCDr",
    "ICDr",
    "MSDr",
    "RCDr",
    "ArtD",
    "DSc",
    "CSc",
    "PhD",
    "MgA",
    "Mgr",
    "BcA",
    "Bc",
    "Ing",
    "DiS",
    "MBA",
    "MPA",
    "MPH",
    "DBA",
    "MSc",
    "Dr",
)
# Short words that are only titles with a dot (a bare "doc" or "prof" could be a name).
_DOTTED_ONLY = ("doc", "prof", "as")
_TITLE_RE = re.compile(
    r"(?<![\w.])(?:(?:" + "|".join(_TITLES) + r")\.?|(?:" + "|".join(_DOTTED_ONLY) + r")\.)"
    r"(?=[\s,]|$|(?<=\.)\w)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Return `text` lower-cased, without diacritics and with single spaces, for matching."""
    return _fold(text)


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip()


def strip_titles(name: str) -> str:
    """Return `name` without academic titles, stray commas and extra spaces."""
    return _strip_titles(name)


# `Ing. et Ing.`, `Mgr. et Mgr.`: two degrees of one kind joined by `et`, which is no part of the name.
_TITLES_JOINED = re.compile(r"(?<=\.)\s*\bet\s+(?=[A-Z][A-Za-z]{1,6}\.)")


@lru_cache(maxsize=65536)
def _strip_titles(name: str) -> str:
    bare = _TITLES_JOINED.sub(" ", name)
    # Titles glued to each other (`Ing.Bc.Jana`): the second shows only once the first is gone.
    while (fewer := _TITLE_RE.sub(" ", bare)) != bare:
        bare = fewer
    bare = _SPACES.sub(" ", bare.replace(",", " ")).strip(" .,;")
    return bare or name.strip()


def is_title_only(text: str) -> bool:
    """True when `text` holds titles and nothing else (`DiS.`, `Ph.D.`)."""
    return not _TITLE_RE.sub("", text).strip(" .,;")


def person_key(name: str) -> str:
    """Return the identity of a person: no titles, case, diacritics or extra spaces."""
    return fold(strip_titles(name))


def slugify(text: str) -> str:
    """Return an ASCII slug (`Pracovní skupina Senioři` -> `pracovni-skupina-seniori`)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


_BRACKETS = re.compile(r"\([^()]*\)")


def split_people(text: str) -> list[str]:
    """Split `A, B (Org, z. s.), Mgr. C, DiS.` into people, keeping titles with their owner."""
    if "," not in text and ";" not in text:  # one person (the recorder, most often)
        return [person] if (person := text.strip()) else []
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char in ",;" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    people: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if people and (is_title_only(part) or ("(" in part and is_title_only(_BRACKETS.sub("", part)))):
            # `Jana Nová, DiS.`; `SOUČEK Miloslav, Ing. (16.06 hod.)`: titles after the name, then a bracket
            people[-1] = f"{people[-1]}, {part}"
        else:
            people.append(part)
    return people


def people_text(people: Any) -> str:
    """People (their JSON shape) as `Mgr. Jana Nová (Charita), Petr Malý (za Adam Hora)`: a
    substitute with the member they stand in for, as minutes write it."""
    if not people:
        return ""
    if isinstance(people, dict):
        people = [people]
    return ", ".join(
        p["name"] + (f" ({p['org']})" if p.get("org") else "") + (f" (za {p['for']})" if p.get("for") else "")
        for p in people
    )

"""Czech alphabetical order (`ch` after `h`, `č` after `c`), for names and groups."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


# Czech alphabetical order: č, ř, š, ž and ch are letters of their own (ch after h); other
# accents (á, é, ě, í, ó, ú, ů, ý, ď, ť, ň) only break ties.
_ALPHABET = [
    "a",
    "b",
    "c",
    "č",
    "d",
    "e",
    "f",
    "g",
    "h",
    "ch",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "ř",
    "s",
    "š",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "ž",
]
_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_ACCENTS = str.maketrans("áéěíóúůýďťň", "aeeiouuydtn")


def czech_sort_key(text: str) -> tuple[tuple[int, ...], str]:
    """A sort key in Czech alphabetical order."""
    lowered = text.casefold()
    plain = lowered.translate(_ACCENTS)
    ranks: list[int] = []
    index = 0
    while index < len(plain):
        step = 2 if plain.startswith("ch", index) else 1
        letter = plain[index : index + step]
        char = ord(letter[0])
        ranks.append(_RANK.get(letter, char - 1000 if letter < "a" else 100 + char))
        index += step
    return tuple(ranks), lowered


def czech_sort(values: Any, attribute: str | None = None) -> list[Any]:
    """Sort strings (or mappings by `attribute`) in Czech order."""

    def key(item: Any) -> tuple[tuple[int, ...], str]:
        value = item.get(attribute) if attribute and isinstance(item, dict) else item
        return czech_sort_key(str(value or ""))

    return sorted(values, key=key)

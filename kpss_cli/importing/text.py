"""Line helpers for legacy minutes: Markdown/HTML marks off, labels matched without diacritics."""

from __future__ import annotations

import re

# The letters with diacritics of Czech and Slovak names (and ö, ü of German surnames common in
# Czech lands: Müller, Jörg) and their bare form, so that a pattern written with diacritics also
# matches text typed without them (`Pritomni`, `Zapsal`).
_BARE = {
    "á": "a",
    "ä": "a",
    "č": "c",
    "ď": "d",
    "é": "e",
    "ě": "e",
    "í": "i",
    "ĺ": "l",
    "ľ": "l",
    "ň": "n",
    "ó": "o",
    "ô": "o",
    "ö": "o",
    "ŕ": "r",
    "ř": "r",
    "š": "s",
    "ť": "t",
    "ú": "u",
    "ů": "u",
    "ü": "u",
    "ý": "y",
    "ž": "z",
    # `Š. Ţuková`, `sloţila`: a PDF's font maps `ž` to `ţ` (t with a cedilla), a letter of no Czech word, in
    # transcripts of exported minutes; a name with it is still a name
    "ţ": "t",
}

# Those letters by case: UPPER and LOWER go inside a character class (`[{UPPER}"„]`), CAPITAL and
# SMALL are one letter. Written out, never as a range: `Á-Ž` (U+00C1..U+017D) holds lower-case
# letters too (á, č, ě, š…), so `[A-ZÁ-Ž]` took `ve čtvrtek` for a town and `č.` for an initial.
# Patterns that stand for any letter use `\w` or `[^\W\d_]`.
LOWER = "a-z" + "".join(_BARE)
UPPER = "A-Z" + "".join(_BARE).upper()
CAPITAL = f"[{UPPER}]"  # one upper-case letter
SMALL = f"[{LOWER}]"  # one lower-case letter


def loose(pattern: str) -> str:
    """Return `pattern` with each Czech letter also matching its bare form (`ř` -> `[řr]`)."""
    out: list[str] = []
    in_class = False
    escaped = False
    for char in pattern:
        bare = _BARE.get(char.lower())
        if bare and char.isupper():
            bare = bare.upper()
        if escaped:
            out.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        if bare:
            out.append(f"{char}{bare}" if in_class else f"[{char}{bare}]")
        else:
            out.append(char)
    return "".join(out)


def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a diacritics-loose, case-blind pattern."""
    return re.compile(loose(pattern), re.IGNORECASE | flags)


# `2. Vyhodnocení setkání jubilantů`, `III. Kontrola úkolů`: an item of the agenda as a heading (no full
# stop in it, unlike a numbered sentence)
AGENDA_HEADING = re.compile(r"^\s*(?:\d{1,2}|(?-i:[IVX]{1,4}))\s*[.)]\s+(?P<title>[^.]{2,80})$")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,40}>")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_QUOTE = re.compile(r"^\s*(?:>\s*)+")
# Bullets of Word, PDF and Markdown lists; a lone `-` or `o` needs a space after it.
BULLET = re.compile(r"^\s*(?:[·•▪■□◦●○►▸‣⁃∙✓✔➢➤❖♦*+→⇒]|[-–—](?=\s)|o(?=\s))\s*")
_CHECKBOX = re.compile(r"^\[[ xX✓-]?\]\s*")
_SPACES = re.compile(r"[^\S\n]+")  # every kind of space (no-break, em, vertical tab…) but the line break


def plain(line: str) -> str:
    """Return a line without Markdown or HTML marks, bullets and extra spaces (numbering kept)."""
    text = _HTML_TAG.sub(" ", line)
    text = _QUOTE.sub("", text)
    text = _HEADING.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _HEADING.sub("", text)  # `**## x**` and `## **x**` alike
    text = BULLET.sub("", text)
    text = _CHECKBOX.sub("", text)
    return _SPACES.sub(" ", text).strip()


def is_bullet(line: str) -> bool:
    """True when the line is a bulleted list item."""
    return bool(BULLET.match(_EMPHASIS.sub("", _QUOTE.sub("", _HEADING.sub("", line)))))


def is_heading(line: str) -> bool:
    """True for a Markdown heading line."""
    return bool(_HEADING.match(line)) and line.lstrip().startswith("#")


def squash(text: str) -> str:
    """Single spaces, no spaces at the ends."""
    return _SPACES.sub(" ", text).strip()


# The labels of the minutes' head that open something other than a body's name or an attendance
# list of its own kind (regex alternatives, matched case-insensitively before a colon): the excused,
# absent, guests, those present for someone, the recorder, the programme, the place, the date.
OTHER_LABEL_WORDS = (
    "omluven[iíaoyéá]?",
    "nepřítomn[iíaoéýá]",
    "neomluven[iíaoyéá]?",
    "host[éey]?",
    "hosté",
    r"přítomn[iíaoéýá]\s+za\s+[^\s:]{1,12}",  # `… Přítomní za ÚMČ: Radana Šímová`
    "přítomn[iíaoéýá]",
    "zapsal[a]?",
    "program",
    "příloh[ay]?",
    "místo",
    "datum",
    # `… a Bartošová ze SZIF Ověřovatelé zápisu: Florian, Zemanová`, `Tajemník výboru: …`:
    # the verifiers, the secretary and the recorder are no attendance
    r"ověřovatel\w*(?:\s+zápisu|\s+průběhu\s+zasedání(?:\s+komise|\s+výboru)?)?",
    r"pozdní\s+příchody",  # late arrivals of members already listed
    r"tajemní(?:k|ce)(?:\s+\w+)?",
    r"zapisovatel\w*",
    # `Přítomno: 12 občanů Zápis: Zahájení jednání …`: the record's own text after its label in a transcript
    "zápis",
)


def label_pattern(words: str, *, qualifier: int = 0, foreign: str = "") -> re.Pattern[str]:
    """A line that starts with one of `words` (a regex alternation) used as a label.

    The label ends with `:` (or a table cell border `|`, or ` – `) and the value follows;
    or the label stands alone on its line (a dash may end it) and the value is on the next lines. With
    `qualifier`, up to that many characters may stand between the words and the colon
    (`Přítomni za poskytovatele:`); none of them may begin one of the `foreign` words (another label's:
    in `Přítomno 8 členů zapsal: Petr Kos` the colon is the recorder's).
    """
    char = rf"(?:(?!{foreign})[^:|\n])" if foreign else r"[^:|\n]"
    extra = rf"{char}{{0,{qualifier}}}?" if qualifier else ""
    return re.compile(
        r"^(?:" + loose(words) + r")\b(?:\s?\((?:a|ka|y|i|é)\)|/(?:a|ka))?"
        # (`Přítomni –` alone on its line: a dash that ends the label, the value under it)
        r"(?:" + extra + r"[\s.]*[:|]\s*(?P<value>.*)|[\s.]*\s[-–—]\s+(?P<dash>.*)|[\s.:]*(?:\s[-–—])?\s*$)",
        re.IGNORECASE,
    )


def label_value(pattern: re.Pattern[str], line: str) -> str | None:
    """The value after the label when `line` (already `plain`) is that label, else None."""
    match = pattern.match(line)
    if match is None:
        return None
    value = match["value"] if match["value"] is not None else match["dash"]
    return squash(value or "").strip(" |")


# A PDF whose font lacked ř, ě, č, ů (Ř, Č…) gives a transcript with a space for each (`P ítomni:`,
# `8. b ezna`, `Ú astníky p ivítal`): the words the importer reads by are put back for reading — the
# labels, the months, the verbs of opening — when the text has none of those letters and shows such
# words at least twice. Names stay as the transcript spells them (`Kate ina`): no list knows them.
_LOST = "řěčůŘĚČŮ"
_LOST_LETTER_WORDS = (  # noqa: SIM905 - a word list reads better as text
    "Přítomn přítomn Nepřítomn nepřítomn Účast účast Řídil řídil Ověřovatel ověřovatel Příští příští "
    "Přizván přizván Zodpovědn zodpovědn Úkoly Počet přivítal Přivítal předsed Předsed místopředsed "
    "Místopředsed Zapisovatelk zapisovatelk Zápis Zapsal zapsal úřad Úřad Město města městsk Městsk "
    "březn červenc červn září říjn říjen Říjn"
).split()
_LOST_FORM = re.compile(
    "|".join(
        ("(?:(?<=\\s)|^)" if word[0] in _LOST else "(?<![^\\W\\d_])")
        + re.escape("".join(" " if c in _LOST else c for c in word))
        for word in sorted(_LOST_LETTER_WORDS, key=len, reverse=True)
        if any(c in _LOST for c in word)
    ),
    re.MULTILINE,
)
_RESTORED = {"".join(" " if c in _LOST else c for c in word): word for word in _LOST_LETTER_WORDS}


def lost_letters_restored(text: str) -> str:
    """`P ítomni:` -> `Přítomni:` in a transcript that lost ř, ě, č and ů (see `_LOST_LETTER_WORDS`)."""
    if any(c in _LOST for c in text) or len(_LOST_FORM.findall(text)) < 2:
        return text
    return _LOST_FORM.sub(lambda match: _RESTORED[match[0]], text)

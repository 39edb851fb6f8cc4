"""People in attendance lists as real minutes write them.

`Mgr.Jana Nová (Charita), předsedkyně`, `Michal Polesný, projektový manažer z Centra…`,
`Kateřina, Šretrová` (a stray comma), `Eva Dlouhá, Ph.D.`, one name per line, and
`dle prezenční listiny` (the attendance sheet, not a name).
"""

from __future__ import annotations

import re
from typing import NotRequired, TypedDict

from ..core.i18n import N_, _
from ..core.names import fold, is_title_only, split_people, strip_titles
from ..core.people import FIRST_NAMES, Case, nominative_words
from .text import CAPITAL, LOWER, SMALL, loose, plain, rx, squash


class PersonDict(TypedDict):
    """A person as imported: the name as written (titles kept), organisation and role; a
    substitute also names the member they stand in for (FORMAT.md `for`), and `guess` says why a
    name was put in the nominative from a declined form."""

    name: str
    org: str | None
    role: str | None
    substitute_for: NotRequired[str]
    guess: NotRequired[str]


ATTENDANCE_SHEET = rx(
    r"(?:dle|podle|viz|v|ve|uvedeni v|uvedení v|dle přiložené|viz přiložená)?\s*(?:přiložené\s+|přiložená\s+)?"
    r"prezenčn(?:í|ích)\s+listin(?:y|a|ě|u)(?:\s+v\s+příloze)?|\bprezenčka\b"
)
# Words that begin a role (`předsedkyně spolku`) rather than a name or an organisation.
_ROLE_WORDS = rx(
    r"^(?:předsed|místopředsed|ředitel|koordinátor|manažer|zástupk|zástupce|vedoucí|metodi|pracovn|"
    r"sociální pracovn|starost|místostarost|radní|člen|tajemn|referent|garant|zapisovatel|moderátor|"
    r"facilitátor|lektor|konzultant|odborn|specialist|terapeut|psycholog|asistent|dobrovoln|zaměstnan|"
    r"za\s|z\s|ze\s|odbor|oddělení|projektov|krajsk|městsk|náměst|primátor|poslan|senátor|zastupitel|"
    r"zpracovatel|hejtman|kurátor|pečovatel|kaplan|farář|jáhen|správce|jednatel|statutár|vedoucí|"
    # (officers of a club or an association: `pokladní Eva Malá`, `revizor`, `kronikářka`)
    r"pokladn[íi]|revizor|kronikář|hospodář(?:ka|ky)?\b)"
)


def is_role(text: str) -> bool:
    """True when `text` begins with a word of a role (`předsedkyně spolku`, `pokladník`)."""
    return bool(_ROLE_WORDS.search(text.strip()))


_ORG_MARKERS = rx(
    r"(?:\bz\.\s?s\.|\bo\.\s?p\.\s?s\.|\bs\.\s?r\.\s?o\.|\bz\.\s?ú\.|\bp\.\s?o\.|\ba\.\s?s\.|\bo\.\s?s\.|"
    r"\bspolek\b|\bcharit|\bdiakoni|\bcentrum\b|\bcentra\b|\bdomov\b|\bMěÚ\b|\bÚMČ\b|\bMČ\b|\bMÚ\b|\bOÚ\b|"
    r"\bmagistr|\bmagistrát|\búřad|\bkrajsk|\bodbor\b|\boddělení\b|\bnadace\b|\bnadační|\bsdružení\b|"
    r"\bporadna\b|\bporadn|\bfokus\b|\bzařízení\b|\bslužb|\bspolečnost|\bunie\b|\bsvaz\b|\bškola\b|\bnemocnic|"
    r"\bhospic|\bazylov|\bklub\b|\bcírk|\bfarnost|\bobec\b|\bměsto\b|\bměsta\b|\bkraj\b|\bKÚ\b|\bMPSV\b|\bÚP\b|"
    r"\bcentrum|\bstacionář|\bústav\b|\bpolicie\b|\bČR\b|\bZŠ\b|\bMŠ\b|\bSŠ\b|\bOSPOD\b|\bNZDM\b|\bDDM\b|"
    r"\bÚMOb\b|\bOSV\b|\bgymnázi|\bknihovn|\bpeer\b|\buživatel|\bklient|"
    # a business or a venue (`Penzion Ostravanka`, `Hotel Slunce`) and an event (`Vítání Ježíška`, `Den
    # matek`, `Ples obce`): a verbal noun in `-ání`/`-ení` is never part of a name, nor is a venue's noun
    # (`I. Zahájení`, an agenda item numbered in Roman numerals, is none either)
    r"\b\w+(?:ání|ení|ění)\b|"
    r"\b(?:penzion|pension|hotel|motel|restaurace|hostinec|kavárna|cukrárna|chata|statek|farma|pivovar|"
    r"vinařství|ples|pouť|posvícení|festival|jarmark|koncert|výstava|turnaj|slavnost|mše|bohoslužba)\b|"
    # `Den` and `Tábor` are surnames too (`Petr Den`, `Jiří Tábor`): an event only where it begins the
    # piece (`Den Matek`) or before a small word (`Letní tábor pro děti`), never last after a first name
    r"^\s*(?:tábor|den)\s+\w|\b(?:tábor|den)\s+(?-i:[a-záčďéěíňóřšťúůýž]))"
)
# A noun of an institution or a venue, which names it before a (first) name
_INSTITUTION = rx(
    r"^(?:centrum|centra|penzion|pension|hotel|motel|domov|dům|klub|spolek|charita|diakonie|nadace|"
    r"sdružení|poradna|hospic|stacionář|ústav|škola|školka|knihovna|restaurace|kavárna|farnost|azyl)$"
)
# Courtesy words before a name (`pp.` = pánové, before a list; `sestra`, `bratr` of a church or an
# association). A capital `P.` is one only before a title or a whole name
# (`P. Ing. Kořínek`, `P. Jan Novák`): before a surname alone it is an initial (`P. Broulík`).
# `řed.` (ředitel/ka) may follow (`pí. řed. Mgr. Hradská`): a role, no part of the name.
_COURTESY = re.compile(
    # `posl.` (poslanec/poslankyně), `sen.` (senátor): the office before a member of parliament's name
    loose(
        # `př.` (přítel/přítelkyně): how members of a union or association are named (`př. Cyprián`)
        r"^(?:(?i:pan(?:í)?|pí\.?|sl\.|slečna|paní|sestra|bratr)|p\.?|pp\.|př\.|posl\.|sen\.)\s+(?:řed\.\s*)?(?=\S)"
    )
    + rf"|^P\.\s+(?=[A-Z][A-Za-z]{{0,6}}\.|{CAPITAL}\w+\s+{CAPITAL}\w+)"
)
# Police and army ranks (`npor. Jiří Fišer`, `Kpt. Mgr. Bc. Milan Kozák`): kept in the name as
# written, and not words of the name itself.
_RANK = re.compile(
    rf"(?<![\w.])(?i:(?:n|p)?por|kpt|mjr|p?plk|gen|(?:n|p|š)?prap|št\.\s?prap|(?:n|š)?strm|str)\.\s*(?={CAPITAL})"
)
# A legal form standing alone after a comma belongs to the organisation before it
# (`Advaita, z. ú.`), not to a new person.
_LEGAL_FORMS = (
    r"(?:z\.\s?s\.\s?p\.\s?o|z\.\s?s|z\.\s?ú|o\.\s?p\.\s?s|s\.\s?r\.\s?o|spol\.\s?s\s?r\.\s?o|a\.\s?s|p\.\s?o|"
    r"o\.\s?s|k\.\s?s|v\.\s?o\.\s?s|příspěvková organizace|zapsaný spolek|zapsaný ústav)"
)
_LEGAL_FORM = rx(rf"^{_LEGAL_FORMS}\.?$")
_NAME_HEADING = rx(r"^(?:jméno|příjmení)")
# Column headings of an attendance table (`Jméno | Organizace | Podpis`).
_HEADING_CELL = rx(
    r"^(?:jméno(?: a příjmení)?|příjmení(?: a jméno)?|titul|organizace|instituce|subjekt|"
    r"(?:funkce|role|pozice)(?: v (?:PS|ŘS|KS|pracovní skupině|skupině))?|"
    r"podpis|za organizaci|zastupuje|kontakt|e-?mail|telefon|poř\.?\s*č\.?|č\.|"
    r"přítomen(?:\s*/\s*a|\s*\(a\))?|přítomna|přítomnost|účast)$"
)
# The column of an attendance table that says whether each person came (`Přítomen/a`, `Účast`).
PRESENCE_HEADING = rx(r"^(?:přítomen(?:\s*/\s*a|\s*\(a\))?|přítomna|přítomnost|účast)$")
# What that column says: came, excused, or absent (`ano`, `ne – omluven`, `ne`).
_CAME = rx(r"^(?:ano|a|x|✓|✔|\+|přítomen|přítomna|přítomn[ýá])(?!\w)")
_EXCUSED_CELL = rx(r"omluven")
_ABSENT_CELL = rx(r"^(?:ne|n|-|–|nepřítomen|nepřítomna|nepřítomn[ýá])(?!\w)")


def presence_kind(cell: str) -> str | None:
    """The list a row of an attendance table belongs to by its presence cell: `present`,
    `excused`, `absent`, or None when the cell says nothing (an empty cell)."""
    text = squash(cell)
    if _EXCUSED_CELL.search(text):
        return "excused"
    if _CAME.match(text):
        return "present"
    if _ABSENT_CELL.match(text):
        return "absent"
    return None


# A title, a courtesy word or an initial glued to the name (`Mgr.Jan`, `p.Dvořák`, `P.Pavel`).
_TITLE_SPACING = re.compile(
    rf"\b(Mgr|MgA|Bc|BcA|Ing|PhDr|MUDr|JUDr|RNDr|PaedDr|PharmDr|ThDr|MVDr|DiS|doc|prof|p|pí|{CAPITAL})\.(?={CAPITAL}{SMALL})"
)
_POSTNOMINAL = re.compile(
    r"^((?:(?:DiS|Ph\.\s?D|PhD|Th\.\s?D|CSc|DrSc|DSc|MBA|MPA|LL\.\s?M|MSc|M\.\s?Sc|M\.\s?A|B\.\s?A|ArtD)\.?\s*,?\s*)+)(?=\s|$|[-–—(])(.*)$"
)
_BARE_POSTNOMINAL = re.compile(rf"(?<={SMALL})\s+(?=(?:M\.\s?A|B\.\s?A|M\.\s?Sc)\.(?:\s|,|$))")
_BRACKET = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")
_INITIAL = re.compile(rf"^{CAPITAL}{SMALL}?\.$")
_NAME_TOKEN = re.compile(rf"^{CAPITAL}[\w'’]*(?:-{CAPITAL}[\w'’]*)?\.?$")
# Also `ml.`/`st.` after a name (`Jan Novák ml.`: junior, senior).
_PARTICLES = {"de", "van", "von", "der", "da", "di", "la", "le", "ml.", "st.", "ml", "st", "nejml."}
_COUNT = rx(r"^\(?\s*(?:celkem\s+)?\d+\s*(?:osob|členů|členové|účastníků|lidí)?\s*\)?$")
_NOBODY = rx(r"^(?:nikdo|žádn[íéý]|-+|–|—|0|x|nebyl[iy]?|bez omluvy)\.?$")
# Initials alone after a comma are a post-nominal title of the person before (`Bc. Jana Malá, R. N.`,
# a registered nurse), never a person: a person has a surname.
_INITIALS_ONLY = re.compile(rf"^((?:{CAPITAL}\.\s?){{1,2}}{CAPITAL}\.?)\s*(\(.*\))?\.?$")


_FROM_ORG = re.compile(r"\s(?:za|z|ze)\s+(?=\S)")
# `Petr Víšek v zastoupení za Ludmilu Müllerovou`, `Hana Vlková v zastoupení Karla Lva`: a deputy
# in a list, then whom they stand in for; the deputy is the one there (issue #19, batch 24).
_IN_PLACE_OF = re.compile(r"\s+v\s+zastoupení\s+(?:za\s+)?(?=\S)")


def _deputy_in_place_of(name: str) -> tuple[str, str] | None:
    """`Petr Sýkora v zastoupení za Ludmilu Novou` -> (`Petr Sýkora`, `Ludmilu Novou`); None unless a
    name stands before the phrase (`Odbor … v zastoupení za ředitele` is no person)."""
    if (of := _IN_PLACE_OF.search(name)) is None or not looks_like_name(name[: of.start()]):
        return None
    return name[: of.start()], name[of.end() :]


_TITLE_AND = re.compile(r"(?<=\.)\s+et\s+(?=[A-Z][A-Za-z]{1,6}\.)")  # `Mgr. et Mgr.`


# A first name and a surname glued by a text layer that lost the space (`Ing. JanMálek`,
# `LadislavGoral`): two capitalised words of three letters or more each (`DiS.`, `McCain`, `MěÚ` are not),
# with no name before them (`Ian MacGregor`, `Richard FitzGerald` are surnames written so).
_GLUED_NAME = re.compile(rf"(?<![\w-])(?P<first>{CAPITAL}{SMALL}{{2,}})(?={CAPITAL}{SMALL}{{2,}}\b)")
_NAME_BEFORE = re.compile(rf"{CAPITAL}[^\W\d_]*[^\S\n]+$")


def _unglued(text: str) -> str:
    """`Ing. JanMálek` -> `Ing. Jan Málek`, `Ian MacGregor` kept (see `_GLUED_NAME`)."""

    def split(match: re.Match[str]) -> str:
        if _NAME_BEFORE.search(text[: match.start()]):
            return match[0]
        return f"{match['first']} "

    return _GLUED_NAME.sub(split, text)


def normalise_name(text: str) -> str:
    """Spaces normalised, `Mgr.Jana` -> `Mgr. Jana`, `JanMálek` -> `Jan Málek`, `Mgr. et Mgr.` ->
    `Mgr. Mgr.`, courtesy words (`paní`, `p.`) dropped. Ranks (`npor.`, `plk.`) stay, as written, like
    academic titles."""
    name = _TITLE_AND.sub(" ", _TITLE_SPACING.sub(r"\1. ", _unglued(squash(text))))
    name = _COURTESY.sub("", name)
    return squash(name).strip(" ,;:")


def _bare(text: str) -> str:
    """A name without titles and ranks (`plk. Mgr. Radek Kislinger` -> `Radek Kislinger`)."""
    return strip_titles(_RANK.sub("", normalise_name(text)))


_INNER_CAPITAL = re.compile(rf"^{CAPITAL}{SMALL}*{CAPITAL}")
# `MacGregor`, `McCain`, `FitzGerald`, `O'Brien`: a surname whose prefix (`Mac`, `Mc`, `Fitz`, `O'`) keeps its
# capital before the rest of the name; no office abbreviation has that prefix and a word of three letters after it.
_PREFIXED_SURNAME = re.compile(rf"^(?:Mac|Mc|Fitz|O['’])(?:{CAPITAL}{SMALL}{{2,}})$")
# A word a site put for a name it masked (`Xxxx Xxxxx`, `Xxxxxxx`): only `x` letters, no vowel of a name.
_MASK = re.compile(r"^X[xX]{2,}\.?$")


def looks_like_name(text: str) -> bool:
    """True when `text` reads as a person's name (titles allowed): 1–4 capitalised words."""
    bare = _bare(text)
    if not bare or any(ch.isdigit() for ch in bare):
        return False
    tokens = bare.split()
    # `Den Petr`, `Tábor Jiří`: a surname first before a first name, as a roll writes them, is no event
    surname_first = len(tokens) == 2 and fold(tokens[1]) in FIRST_NAMES and not _ORG_MARKERS.search(tokens[1])
    if tokens and _INSTITUTION.match(tokens[0]):
        return False  # (but `Centrum Veronika`, `Penzion Jana`, `Dům Marie`: an institution, named after a woman)
    if (marker := _ORG_MARKERS.search(bare)) is not None and not (surname_first and marker.start() == 0):
        return False
    if not 1 <= len(tokens) <= 4:
        return False
    if len(tokens) == 1 and len(bare) >= 3 and bare.isupper():
        return False  # `OSPOD`, `MPSV`: an acronym, not a person
    for index, token in enumerate(tokens):
        if token.lower() in _PARTICLES or _distinguishing_suffix(tokens, index):
            continue
        if _MASK.match(token):
            return False  # `Xxxx Xxxxx`: a name a publisher masked is no person
        if not (_NAME_TOKEN.match(token) or _INITIAL.match(token)):
            return False
        if _INNER_CAPITAL.match(token) and not (
            _shouted_surname(tokens, token) or _PREFIXED_SURNAME.match(token)
        ):
            return False  # `KoP`, `MěÚ`, `SoVa`: an abbreviation of an office, not a name
    return not all(_INITIAL.match(t) for t in tokens)


# `Potůček M. mch.`, `Novák J. nejst.`: a small abbreviation after a surname and its initial, as a
# club's roll tells two members of one name apart (like `ml.`, `st.`): part of the name.
_SUFFIX_ABBREVIATION = re.compile(rf"^{SMALL}{{2,5}}\.?$")
# Abbreviations of running text, never a name's part (`Kos J., Bor P. atd.`, `Dub K. apod.`).
_TEXT_ABBREVIATIONS = frozenset(
    {"atd", "apod", "aj", "tj", "tzn", "tzv", "resp", "např", "viz", "cca", "mj", "ad"}
)


def _distinguishing_suffix(tokens: list[str], index: int) -> bool:
    """True for the last token of `Potůček M. mch.`: a small abbreviation after a surname and an initial."""
    return (
        index == len(tokens) - 1
        and index >= 2
        and bool(_SUFFIX_ABBREVIATION.match(tokens[index]))
        and tokens[index].rstrip(".").lower() not in _TEXT_ABBREVIATIONS
        and bool(_INITIAL.match(tokens[index - 1]))
        and bool(_NAME_TOKEN.match(tokens[index - 2]))
        and not _INITIAL.match(tokens[index - 2])
    )


def _shouted_surname(tokens: list[str], token: str) -> bool:
    """`Zdeněk PETR`: the surname in capitals, last after a common first name (not `Město HK`);
    or first, before a common first name, as a roll writes surnames first (`SOUČEK Miloslav`)."""
    if len(tokens) < 2 or len(token) < 3 or not token.isupper():
        return False
    if token is tokens[-1]:
        return fold(tokens[0]) in FIRST_NAMES
    # (a word with a vowel, not an office's acronym: `MPSV Jan`)
    return (
        len(tokens) == 2
        and token is tokens[0]
        and fold(tokens[1]) in FIRST_NAMES
        and re.search(r"[AEIOUYÁÉÍÓÚŮÝĚ]", token) is not None
    )


def _is_first_name(text: str) -> bool:
    bare = _bare(text)
    return " " not in bare and fold(bare) in FIRST_NAMES


def _single_surname(text: str) -> bool:
    bare = _bare(text)
    return " " not in bare and bool(_NAME_TOKEN.match(bare)) and fold(bare) not in FIRST_NAMES


def _new(name: str, org: str | None = None, role: str | None = None) -> PersonDict:
    return {"name": normalise_name(name), "org": org or None, "role": role or None}


def _add_detail(person: PersonDict, text: str) -> None:
    """Attach a fragment after a name as the person's role or organisation."""
    text = squash(text).strip(" ,;:-–")
    if not text:
        return
    if _ROLE_WORDS.search(text) or (text[:1].islower() and not _ORG_MARKERS.search(text)):
        person["role"] = f"{person['role']}, {text}" if person["role"] else text
    elif person["org"] is None:
        person["org"] = text
    else:
        person["role"] = f"{person['role']}, {text}" if person["role"] else text


def _split_bracket(fragment: str) -> tuple[str, list[str]]:
    """`Name (Org)` -> (`Name`, [`Org`])."""
    details = [m[1] if m[1] is not None else m[2] for m in _BRACKET.finditer(fragment)]
    return squash(_BRACKET.sub(" ", fragment)), [d for d in details if d.strip()]


# --- substitutes and declined names -------------------------------------------------------------

# `Jana Nová (zástup za Mgr. Petra Lise)`, `(za Jitku Malou)`, `(zastupuje Ing. Karla Vlka)`: the
# person present stands in for a member named in the accusative.
_STANDS_IN_FOR = rx(
    r"^(?:zástup\s+za|v\s+zastoupení\s+za|zastupuje|zastupující|náhrada\s+za|za)\s+(?P<who>.+)$"
)
# `Petr Malý (zastoupen Bc. Evou Novou)`: the member was represented by someone named in the
# instrumental, who is the one present.
_REPRESENTED_BY = rx(r"^(?:zastoupen[aoýá]?|zastoupena|v\s+zastoupení)\s*:?\s+(?P<who>.+)$")


def nominative_name(text: str, case: Case) -> str | None:
    """A person's name written in the accusative or instrumental (`Mgr. Petra Lise`, `Bc. Evou
    Malinovou`, `Ing. Michalem Krejčím`) in the nominative (`Mgr. Petr Lis`, `Bc. Eva Malinová`,
    `Ing. Michal Krejčí`), titles kept. The first name must be a known one (it gives the gender);
    None otherwise. A guess: Czech names decline irregularly."""
    name = normalise_name(text)
    words = name.split()
    plain_words = [
        n for n, w in enumerate(words) if not is_title_only(w.strip(",")) and not _RANK.match(w + " X")
    ]
    if len(plain_words) < 2 or not looks_like_name(name):
        return None
    converted = nominative_words([words[n] for n in plain_words], case)
    if converted is None:
        return None
    for n, word in zip(plain_words, converted, strict=True):
        words[n] = word
    return " ".join(words)


# Why the one present is a substitute named in the instrumental; `recognise` tells such a person by it.
REPRESENTED_WHY = N_("substitute turned from the instrumental (zastoupen …)")


def represented(person: PersonDict) -> bool:
    """True for the one who represented a member (`Jan Dub (zastoupen Mgr. Evou Lví)` -> Eva Lví, with
    `substitute_for` Jan Dub)."""
    return "substitute_for" in person and person.get("guess") == _(REPRESENTED_WHY)


def _substitution(person: PersonDict, details: list[str]) -> PersonDict:
    """A person whose details say they stood in for a member, or that the member was represented
    by them: the person present, with `substitute_for` (and `guess` for a declined name)."""
    for detail in details:
        detail = squash(detail)
        if (instead := _REPRESENTED_BY.match(detail)) is not None:
            substitute = nominative_name(instead["who"], "instrumental")
            if substitute is not None:
                return {
                    "name": substitute,
                    "org": person["org"],
                    "role": None,
                    "substitute_for": person["name"],
                    "guess": _(REPRESENTED_WHY),
                }
        elif (stands_in := _STANDS_IN_FOR.match(detail)) is not None and looks_like_name(
            normalise_name(stands_in["who"])
        ):
            member = nominative_name(stands_in["who"], "accusative")
            person = {**person, "substitute_for": member or normalise_name(stands_in["who"])}
            person["guess"] = _("member substituted for turned from the accusative (za …)")
            return person
    return person


# `za Bc. Věru Kotasovou: Lenka Marková`, `Za OSPOD: Bc. Lucie Černá`: whom or what the person
# after the colon is there for, written before them (at the start of a list or an item).
_FOR_BEFORE = re.compile(
    r"(?P<lead>^|[,;]\s*)[Zz]a\s+(?P<who>[^:,;()\n]{2,60}?)\s*:\s*(?P<name>[^,;()\n]+(?:\([^()\n]*\))?)"
)


def stand_ins_first(text: str) -> str:
    """`za <member in the accusative>: <name>` -> `<name> (za <member>)`, a substitute as FORMAT.md
    writes it; `za <organisation>: <name>` -> `<name> (<organisation>)`. Other text unchanged."""

    def rewrite(match: re.Match[str]) -> str:
        name, who = match["name"].strip(), match["who"].strip()
        if not looks_like_name(_split_bracket(name)[0]):
            return match[0]
        if nominative_name(who, "accusative") is not None:
            return f"{match['lead']}{name} (za {who})"
        return f"{match['lead']}{name} ({who})"

    return _FOR_ACRONYM.sub(r"\g<lead>\g<name> (\g<org>)", _FOR_BEFORE.sub(rewrite, text))


# `…, Šponerová, za RK Musilová`: a body's acronym before a person of the list, who is there for it
# (no colon); the person, with the body as the organisation.
_FOR_ACRONYM = re.compile(
    rf"(?P<lead>^|[,;]\s*)[Zz]a\s+(?P<org>{CAPITAL}{{2,6}})\s+"
    rf"(?P<name>(?:[A-Z][a-z]{{0,4}}\.\s*)*{CAPITAL}{SMALL}+(?:\s+{CAPITAL}{SMALL}+)?)(?=\s*(?:[,;]|$))"
)


_SMALL_TITLE_AT_END = re.compile(r"(?<!\w)(?:(?:ing|mgr|bc|judr|mudr|phdr|rndr)\.\s*)+$")


# `ing.miloš Fišer`: a transcript that lost the capital of a first name glued to a title
_TITLE_THEN_SMALL_FIRST = re.compile(
    rf"^(?P<title>(?i:ing|mgr|bc|judr|mudr|phdr|rndr|paeddr|mvdr|doc|prof)\.\s*)(?P<first>{SMALL}+)(?=\s+{CAPITAL})"
)


def _capital_first_name(fragment: str) -> str:
    """`ing.miloš Fišer` -> `ing. Miloš Fišer` when the word after the title is a first name."""
    match = _TITLE_THEN_SMALL_FIRST.match(fragment.strip())
    if match is None or fold(match["first"]) not in FIRST_NAMES:
        return fragment
    title = match["title"].strip()
    first = match["first"]
    return f"{title} {first[:1].upper()}{first[1:]}{fragment.strip()[match.end() :]}"


# `pan místostarosta Pešek Pavel`, `paní ředitelka Jana Nová`: a courtesy word before a role in
# lower case belongs to neither; the role and the name follow.
_COURTESY_BEFORE_ROLE = re.compile(rf"^(?i:pan|paní|pí\.?|p\.)\s+(?={SMALL}{{3,}}\s)")
# `pan starosta`, `paní ředitelka školy`: a courtesy word and a post, no name.
_COURTESY_AND_ROLE = re.compile(rf"^(?i:pan|paní|pí\.?|p\.)\s+{SMALL}{{3,}}(?:\s+\S+){{0,4}}$")
# `místostarosta Pešek Pavel`: a role, then a name written surname first (the last word a common
# first name).
_ROLE_THEN_SURNAME_FIRST = re.compile(
    rf"^(?P<role>{SMALL}+(?:\s+{SMALL}+){{0,3}})\s+(?P<name>{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?\s+(?P<first>{CAPITAL}{SMALL}+))$"
)


# The stems of the bodies a role belongs to, in the genitive after it (`vedoucí Domova`, `ředitelka
# Hospice`, `předseda Spolku`): no surname.
_ORG_GENITIVE = rx(
    r"^(?:domov|hospic|spolk|centr|klub|charit|diakoni|ústav|úřad|odbor|městy?|obce|kraj|nadac|sdružen|"
    r"stacionář|poradn|služb|škol|nemocnic|azylov|farnost|církv)\w*$"
)


def _could_be_surname(word: str, first: str) -> bool:
    """True when `word` before the first name `first` (`místostarosta Pešek Pavel`) may be a surname:
    no body's genitive (`vedoucí Domova Anna`) and, before a woman's name, a woman's surname
    (`ředitelka Veselá Marie`, not `ředitelka Hospice Marie`)."""
    if _ORG_GENITIVE.match(word) or _ORG_MARKERS.search(word):
        return False
    folded = fold(first)
    woman = folded.endswith(("a", "e")) and folded not in {"vojta", "ilja", "rene"}
    return not woman or word.endswith("á")


# A legal form ending a piece (`Brdy – Vltava o.p.s.`, `Charita Most, z. s.`): the piece names a body.
_ENDS_IN_LEGAL_FORM = re.compile(rf"(?:^|[\s,]){_LEGAL_FORMS}\.?$")


def _org_with_a_dash(main: str, parts: list[str]) -> bool:
    """True for `Brdy – Vltava o.p.s.`: a body whose name has a dash, its legal form last, and no part a
    whole name (`Jana Nová – Charita Most, o.p.s.` is a person and her body)."""
    # (two words joined by the dash, the legal form right after the second with no comma: `Novák – Charita,
    # o.p.s.` may be a person known by surname and their body)
    return (
        len(parts) == 2
        and len(parts[0].split()) == 1
        and len(_ENDS_IN_LEGAL_FORM.sub("", parts[1].strip()).split()) == 1
        and "," not in main
        and bool(_ENDS_IN_LEGAL_FORM.search(main.strip()))
    )


def _person_from(fragment: str) -> PersonDict | None:
    """One fragment that starts with a name: `Jana Nová – ředitelka (Charita)`; a substitute
    (`Jana Nová (za Petra Malého)`, `Petr Malý (zastoupen Janou Novou)`) as the person present."""
    fragment = _capital_first_name(fragment)
    if _ROLE_WORDS.search(_COURTESY_BEFORE_ROLE.sub("", fragment.strip())) and _COURTESY_BEFORE_ROLE.match(
        fragment.strip()
    ):
        fragment = _COURTESY_BEFORE_ROLE.sub("", fragment.strip())
    main, details = _split_bracket(fragment)
    substituting = [d for d in details if _REPRESENTED_BY.match(squash(d)) or _STANDS_IN_FOR.match(squash(d))]
    details = [d for d in details if d not in substituting]
    details = [d for d in details if not d.strip().isdigit()]  # `Zusková (22)`: a count of the list
    parts = [p for p in _DASH_SPLIT.split(main) if p.strip()]
    if not parts:
        return None
    if _org_with_a_dash(main, parts):
        return None
    name, rest = parts[0], parts[1:]
    if not looks_like_name(name) and len(parts) >= 2 and looks_like_name(parts[-1]):
        name, rest = parts[-1], parts[:-1]  # `Charita Kolín – Jana Nová`
    if not looks_like_name(name) and name[:1].islower() and (found := names_in_text(name)):
        # `vedoucí PS Mgr. Věra Zapletalová`, `zástupce Klubu seniorů Josef Horák`: the role first
        start, end, whole = found[-1]
        role = name[:start]
        if (small_title := _SMALL_TITLE_AT_END.search(role)) is not None:
            # `radní ing. Jiří Nouza`: a title written in lower case belongs to the name after it
            role, whole = role[: small_title.start()], role[small_title.start() :] + whole
        # a role is a few words (`ředitel Domova`), not a sentence of a transcript run into the list
        if (
            end == len(name.rstrip(" .,;"))
            and 0 < len(role.split()) <= 4
            and not re.search(r"[\d.:;]", role)
            and _ROLE_WORDS.search(role)  # a word of a role: not `ověřovatelem Viktor Novotný`
            and not fold(role.split()[0]).endswith(("em", "ou", "im"))
        ):
            name, rest = whole, [role, *rest]
    if (
        not looks_like_name(name)
        and (late := _ROLE_THEN_SURNAME_FIRST.match(name.strip(" .,;"))) is not None
        and _ROLE_WORDS.search(late["role"])
        and _is_first_name(late["first"])
        and _could_be_surname(late["name"].split()[0], late["first"])
    ):
        name, rest = late["name"], [late["role"], *rest]
    if (deputy := _deputy_in_place_of(name)) is not None:
        name, whom = deputy
        details.insert(0, whom)
    if (of := _FROM_ORG.search(name)) is not None and looks_like_name(name[: of.start()]):
        # `Jana Nová za Charitu Most`, `Eva Veselá z Charity`, `Petr Malý ze Slezské diakonie`
        name, org = name[: of.start()], name[of.end() :]
        details.insert(0, org)
    if (
        not looks_like_name(name)
        and (lead := _NAME_THEN_ROLE.match(name)) is not None
        and looks_like_one_person(lead["name"])  # a title or a common first name: no `Senior Klub`
    ):
        # `Jaroslav Fuksík předseda ŠSOK`: the comma before the role lost in a transcript
        name, rest = lead["name"], [lead["role"], *rest]
    if not looks_like_name(name):
        return None
    person = _new(name)
    for detail in [*rest, *details]:
        _add_detail(person, detail)
    return _substitution(person, substituting) if substituting else person


_GENITIVE_ENDINGS = ("é", "ého", "ové", "y")  # (`Malé`, `Malého`, `Novákové`, `Hory`)


def role_then_person(line: str) -> bool:
    """`vedoucí Domova Anna Horká`, `ředitelka Hospice Mgr. Eva Malá`: a line (already `plain`) that is
    one person with a role (and the body it belongs to) before the name, the name last."""
    if not line[:1].islower() or re.search(r"[,;]|\s[-–—]\s", line):
        return False  # (`vedoucí odboru, Marie Nová - …`: pieces of a list that runs on, not one person)
    person = _person_from(line)
    named = names_in_text(line)
    if not (person is not None and person["role"] and named and named[-1][1] == len(line.rstrip(" .,;"))):
        return False
    # `zástupce ředitelky Mgr. Jany Malé`: a name in the genitive is whom the role serves, not one present
    words = strip_titles(named[-1][2]).split()
    return fold(words[0]) in FIRST_NAMES or not words[-1].endswith(_GENITIVE_ENDINGS)


# A full name (a title or a common first name) and then lower-case words of a role; a courtesy word
# may stand first (`pí Dagmar Vitáčková tajemník`).
_NAME_THEN_ROLE = re.compile(
    rf"^(?P<name>(?:(?:p|pí|pan|paní|sl)\.?\s+)?(?:(?:[A-Z][A-Za-z]{{0,6}}\.\s*)*){CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?)"
    rf"\s+(?P<role>{SMALL}{{3,}}\b.*)$"
)


def _is_heading_row(cells: list[str]) -> bool:
    """True for the heading row of an attendance table (`Jméno | Organizace`)."""
    return bool(cells) and all(_HEADING_CELL.match(plain(c).strip(" :")) for c in cells)


def is_attendance_heading(line: str) -> bool:
    """True for the heading row of an attendance table (`Č. | Jméno a příjmení | Podpis`, also
    exported as CSV: `Jméno;Organizace;Přítomnost`)."""
    cells = _cells(line)
    if len(cells) < 2 and line.count(";") >= 2:
        cells = [c.strip() for c in line.split(";") if c.strip()]
    return _is_heading_row(cells) and any(_NAME_HEADING.search(c) for c in cells)


def _cells(raw: str) -> list[str]:
    """The cells of a table row (`|`, tabs or wide spaces), without an ordinal column (`1.`)."""
    cells = [c.strip() for c in re.split(r"\t+|\s{3,}|\s*\|\s*", raw.strip()) if c.strip()]
    if cells and re.fullmatch(r"\d{1,3}\s*[.)]?", cells[0]):
        cells = cells[1:]
    return cells


def _line_fragments(raw: str) -> list[str]:
    """One line of a list of people, split into fragments."""
    line = _CLASS_FIRST.sub("", plain(raw))
    line = re.sub(r"^\s*(?:\d{1,3}|(?!p\.)[a-z])\s*[.)]\s+", "", line)  # numbered lists (`p.` is `pan`)
    if not line:
        return []
    # `Jana Nová<TAB>Charita` or wide columns of a table exported as text.
    columns = _cells(raw)
    if _is_heading_row(columns) or _is_heading_row(split_people(line.replace(" | ", ", "))):
        return []
    head = plain(columns[0]) if columns else ""
    if len(columns) >= 2 and all(looks_like_one_person(plain(c)) for c in columns):
        return [
            plain(c) for c in columns
        ]  # `Mgr. Petra Kotrbová<TAB><TAB>Ing. Aleš Mrkvička`: two columns of people
    if len(columns) >= 2 and "," not in head and ";" not in head and looks_like_name(head):
        # brackets inside a cell (`členka (omluvena)`) would end the one around the cells
        return [f"{head} ({', '.join(squash(re.sub(r'[()]', ' ', plain(c))) for c in columns[1:])})"]
    pieces: list[str] = []
    parts = (
        after
        for part in split_people(line.replace(" | ", ", "))
        for after in _AFTER_BRACKET_TITLED.split(part)
    )
    for piece in (run for part in parts for run in _split_run(part)):
        if pieces and _LEGAL_FORM.match(piece.strip()):
            pieces[-1] = f"{pieces[-1]}, {piece.strip()}"  # `Advaita, z. ú.`
        else:
            pieces.append(piece)
    return pieces


# A title that opens a person's name (`Ing.`, `Bc.`, `PhDr.`), then the capitalised name.
_PRE_TITLE = (
    r"(?:Ing\.\s?arch|Ing|Mgr|Bc|MgA|BcA|MUDr|MDDr|MVDr|PhDr|JUDr|RNDr|PaedDr|PharmDr|ThDr|Dr|doc|prof)\."
)
# Where the next person of a run without commas starts: a title after a word or after a
# post-nominal title (`… Bc. Milan Blaho Ing. Michal Blaško …`, `DiS. Ing. Lubomír Žmolík`).
_TITLE_STARTS = re.compile(
    rf"(?:(?<=[^\W\d_]{{2}})|(?<=DiS\.)|(?<=Ph\.D\.)|(?<=CSc\.))\s+(?={_PRE_TITLE}\s?{CAPITAL})"
    # `… Vejchodská, Ph.D. Josef Hřebík Dagmar Volencová Ing. …`: after a post-nominal title the
    # next person starts, titled or not
    rf"|(?:(?<=DiS\.)|(?<=Ph\.D\.)|(?<=CSc\.))\s+(?={CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL})"
)
# `Božena Danihelová (za Lenku Kurovou, Královehradecký kraj) MUDr. Vlasta Vrtochová (za …)`: a
# titled name right after a person's closing bracket, with no comma, is the next person.
_AFTER_BRACKET_TITLED = re.compile(rf"(?<=\))\s+(?=(?:{_PRE_TITLE}\s?)+{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL})")
_TITLED_PIECE = re.compile(rf"^(?P<title>(?:{_PRE_TITLE}\s?)*)(?P<words>.+)$")
_NAME_WORD_ONLY = re.compile(rf"^{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?$")


# `MUDr. Tomek (přístrojová komise …)`: one person written as a title and a surname, a note in brackets
# after them; and a list of people written so (`MUDr. Říhová, MUDr. Doležal.`).
_TITLED_SURNAME = re.compile(rf"^(?:{_PRE_TITLE}\s?)+{CAPITAL}{SMALL}+(?:,\s*[A-Z][A-Za-z.]{{1,6}}\.)?$")


def same_titled_surname(line: str, previous: str) -> bool:
    """True for a line of one person written as a title and a surname (a note in brackets after them),
    under a line listing two people or more written so: one more of that list, though the line before
    ended it with a full stop (`MUDr. Říhová, MUDr. Doležal.` / `MUDr. Tomek (komise na ministerstvu)`)."""
    head, _ = _split_bracket(line.strip().rstrip(".,;"))
    if not _TITLED_SURNAME.match(squash(head)):
        return False
    listed = [squash(p) for p in re.split(rf"[,;]\s*(?={_PRE_TITLE})", previous.strip().rstrip(".,;"))]
    return len(listed) >= 2 and all(_TITLED_SURNAME.match(p) for p in listed)


_INITIAL_OR_COURTESY = re.compile(rf"^(?:{CAPITAL}|o|p|pí)\.$")


def _split_run(piece: str) -> list[str]:
    """A run of people a one-line transcript wrote without commas (`Ing. Miroslav Marek - předseda
    Bc. Milan Blaho Ing. Michal Blaško …`): split before each title that follows a name; when
    there are titles to split at, a stretch of capitalised words alone between them is read as
    two-word names (`Bc. Lucie Tesařová Kamil Veselý` -> two people). Anything else stays whole."""
    runs = _TITLE_STARTS.split(piece)
    # `Ing. Karel Čvančara Iveta Hrubá`: four capitalised words whose first and third are first names
    # (and the second and fourth are not) are two people a transcript ran together
    last = _TITLED_PIECE.match(runs[-1].strip())
    words = last["words"].split() if last else []
    lead = ""
    if len(words) == 5 and _INITIAL_OR_COURTESY.match(words[0]):
        # `P. Štefan Brinda Josef Boháč`: a priest's `P.` (or an initial) before the two names
        lead, words = f"{words[0]} ", words[1:]
    if (
        last is not None
        and len(words) == 4
        and all(_NAME_WORD_ONLY.match(w) for w in words)
        and (_is_first_name(words[0]) or bool(lead))  # after `P.` the first word opens a name anyway
        and _is_first_name(words[2])
        and not _is_first_name(words[1])
        and not _is_first_name(words[3])
    ):
        return [*runs[:-1], f"{last['title']}{lead}{words[0]} {words[1]}", f"{words[2]} {words[3]}"]
    # three names at least, none in brackets (`Ing. Karel Dub (zástup za Mgr. Petra Lise)`,
    # `Bc. Jan Matějka – zastupuje Mgr. Pavla Rumla`: one person and whom they stand in for);
    # or a post-nominal title of the person before, then the next person (`DiS. Ing. Lubomír Žmolík`)
    if not (len(runs) >= 3 and "(" not in piece) and not (
        len(runs) == 2 and is_title_only(runs[0]) and re.match(_PRE_TITLE, runs[1].strip())
    ):
        return [piece]
    names: list[str] = []
    for run in runs:
        match = _TITLED_PIECE.match(run.strip())
        words = match["words"].split() if match else []
        if len(words) >= 4 and len(words) % 2 == 0 and all(_NAME_WORD_ONLY.match(w) for w in words):
            pairs = [" ".join(words[k : k + 2]) for k in range(0, len(words), 2)]
            names.append(f"{match['title'] if match else ''}{pairs[0]}")
            names.extend(pairs[1:])
        else:
            names.append(run)
    return names


def _fragments(text: str) -> list[tuple[int, str]]:
    """Split a list of people into fragments at commas, semicolons, lines and table borders;
    each fragment comes with the number of its line."""
    return [(number, piece) for number, raw in enumerate(text.split("\n")) for piece in _line_fragments(raw)]


def _split_and(fragment: str) -> list[str]:
    """`Jana Nová a Petr Malý` -> two people; `Charita a Diakonie` stays one fragment;
    `z MV GŘ HZS ČR – plk. Mgr. Radek Kislinger a kpt. Mgr. Jana Kemrová` -> the two people,
    each with the organisation named before them; `Viktor Novotný. Marek Vokáč` (a full stop
    for a comma) -> two people."""
    stops = _STOP_BETWEEN_NAMES.split(fragment)
    if len(stops) >= 2 and all(looks_like_name(p) and len(_bare(p).split()) >= 2 for p in stops):
        return stops
    parts = re.split(r"\s+(?:a|and|&)\s+", fragment)
    heads = [_split_bracket(p)[0] for p in parts]  # `Jan Hrubý (ASZ) a Eva Malá (ÚP)`
    if len(parts) == 2 and all(looks_like_name(h) and len(_bare(h).split()) >= 2 for h in heads):
        return parts
    head, dash, tail = fragment.partition(" – ") if " – " in fragment else fragment.partition(" - ")
    if dash and not looks_like_name(head) and len(named := _split_and(tail)) == 2:
        org = re.sub(r"^(?:z|ze|za)\s+", "", head.strip())  # `z Policie ČR` -> `Policie ČR`
        return [f"{name} ({org})" for name in named]
    return [fragment]


# A full stop where a comma belongs, between two full names (`Viktor Novotný. Marek Vokáč`).
_STOP_BETWEEN_NAMES = re.compile(rf"(?<={SMALL}{{3}})\.\s+(?={CAPITAL})")


# A numbered item run on after the last name of a list in a one-line transcript
# (`Omluven: Petr Záruba 1. Zahájení, určení zapisovatele`).
# Also the next sentence of the transcript (`Ing. Milan Růžička Zasedání řídil předseda …`,
# `Petra Tomíčková Předseda MAS p. Josef Teuer přivítal …`: a capitalised role opens it).
_ITEM_AFTER = re.compile(
    rf"\s+\d{{1,3}}\.?\s+{CAPITAL}{SMALL}.*$|\s+(?:Zasedání|Jednání|Schůzi|Schůze|Setkání|Program|Ověřovatel\w*)\s+[{LOWER}:].*$"
    r"|\s+(?:Předsed|Místopředsed|Starost|Místostarost|Ředitel|Koordinátor|Tajemní)\w*\s+\S.*$"
)


# A pupil's class after a parent's name in the minutes of a school board (`p. Vykysalý 6. A`,
# `pí. Vítková 4.B`): what the person is there for, no part of the name.
_SCHOOL_CLASS = re.compile(r"\s+\d{1,2}\.\s?[A-Z]\.?$")


def _tidy_fragment(text: str) -> str:
    """Spaces and stray punctuation off, a number of an inline numbered list (`2) Bc. Petr Dub`)
    too; a final dot stays after a title or an initial."""
    fragment = _ITEM_AFTER.sub("", squash(text)).strip(" ,;:")
    fragment = _SCHOOL_CLASS.sub("", fragment)
    fragment = re.sub(r"\s*(?:…|\.{3,})[.…]*$", "", fragment)  # `Nekvindová….`: and others unnamed
    fragment = re.sub(r"^\d{1,3}\s*\)\s+", "", fragment)
    if fragment.endswith("."):
        last = fragment.split()[-1] if fragment.split() else ""
        words = fragment.split()
        if (
            len(last) > 3
            and not is_title_only(last)
            and not _POSTNOMINAL.match(last)
            and not _distinguishing_suffix([w.strip(",") for w in words], len(words) - 1)
        ):
            fragment = fragment[:-1].rstrip()
    return fragment


def _lone_word(fragment: str) -> bool:
    """True for one capitalised word that is not a first name (`Advaita`, `Fokus`, `Novák`)."""
    return _single_surname(fragment) and not is_title_only(fragment)


# Words of an institution (not a name), then a name with an academic title before it.
_ORG_THEN_TITLED = re.compile(
    rf"^(?P<org>(?:{CAPITAL}|[a-z])[^,;()]{{0,60}}?(?:{CAPITAL}{{2,6}}|{SMALL}{{3,}}))\s+"
    rf"(?P<person>(?:(?:Mgr|MgA|Bc|BcA|Ing|PhDr|MUDr|JUDr|RNDr|PaedDr|PharmDr|ThDr|MVDr|doc|prof)\.\s*)+"
    rf"{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+.*)$"
)
# `Omluveni: Eduard Tomeček, TJ Sokol, z.s. Vojtěch Skácel, FO Rakov Martin Šimák, …`: a list of a name and
# its body after a comma each, whose transcript lost the comma after the body: the body, then a first
# name and a surname end one piece.
_ORG_THEN_NAME = re.compile(rf"^(?P<org>\S.*?)\s+(?P<first>{CAPITAL}{SMALL}+)\s+(?P<last>{CAPITAL}{SMALL}+)$")
_TITLE_AT_END = re.compile(r"(?:^|\s)[A-Za-z]{1,7}\.$")
_SENTENCE_IN = rx(r"[:>]|\b(?:je|jsou|byl[aoiy]?|bude|určen\w*|zvolen\w*|pověřen\w*)\b|\w{3}\.\s")


# What stands before a name and belongs to it, not to the person before: a role (`starosta města`,
# `vedoucí OSPOD`, `za kraj`), `jako host`, a courtesy word before a role (`paní ředitelka`), and a
# reason of an excuse (`z pracovních důvodů`, read as a role's `z …`).
_GUEST_OR_COURTESY = rx(r"^(?:jako\s|host\w*\b|(?:paní|pan|pí\.?|p\.)\s+\S)")


_GUEST_BEFORE = re.compile(
    rf"^(?P<role>(?i:jako\s+host\w*|host\w*))\s+(?P<name>(?:[A-Za-z]{{1,6}}\.\s*)*{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+)$"
)


def _before_a_name(org: str) -> bool:
    """True when `org`, the words before a name in one piece, are that name's role, not a body."""
    return is_role(org) or bool(_GUEST_OR_COURTESY.match(org.strip()))


def _body_first(part: str) -> tuple[str, str] | None:
    """`Charita Rokycany Jana Nová`, `Senát Parlamentu ČR JUDr. Miroslav Antl`: a body (a word of a
    body in it), then a person, as the first piece of a list: the body and the person, or None."""
    titled = _ORG_THEN_TITLED.match(part)
    if titled is not None and _ORG_MARKERS.search(titled["org"]) and not _before_a_name(titled["org"]):
        return titled["org"], titled["person"]
    if (named := _ORG_THEN_NAME.match(part.strip())) is not None and _ORG_MARKERS.search(named["org"]):
        return _org_then_name(part, [named["org"]])
    return None


def _org_then_name(piece: str, before: list[str]) -> tuple[str, str] | None:
    """The body and the next person of one piece of such a list, or None. Only in a list whose
    pieces already hold a body (a piece before that is no name) or after a word of a body, only after a body of two words or
    a legal form (`FO Rakov`, `z.s.`), and only for a name in the nominative: a woman's first name
    before a surname not in `-á` is a genitive (`Základní škola Karla Čapka`, `Nadace Jana Nováka`)."""
    match = _ORG_THEN_NAME.match(piece.strip())
    if match is None or not before:
        return None
    org, first, last = match["org"], match["first"], match["last"]
    if _before_a_name(org):
        return None  # `starosta města Petr Dub`, `z pracovních důvodů Karel Veselý`: the name's own words
    if not (any(not looks_like_name(b) for b in before) or _ORG_MARKERS.search(org)):
        return None  # (`Obec Lhota Petr Dub`: a word of a body says so without a body before)
    if fold(first) not in FIRST_NAMES or fold(last) in FIRST_NAMES or looks_like_name(org):
        return None
    if _TITLE_AT_END.search(org) and not _LEGAL_FORM.search(org.split()[-1]):
        return None  # `Ing. Jan Kos`: a title, not a body
    # (a legal form closes the body's name: `MAS Střední Polabí o.s. Olga Fábry` — no genitive after it)
    closed = bool(_LEGAL_FORM.match(org.split()[-1]))
    if not closed and (
        (first.endswith("a") and not last.endswith("á")) or last.endswith(("y", "ého", "ovi", "ové"))
    ):
        return None
    if not (_LEGAL_FORM.match(org.split()[-1]) or 2 <= len(org.split()) <= 6) or _SENTENCE_IN.search(org):
        return None  # (`Zapisovatelem byl určen Petr Dub`, `předsedajícím je …`: a sentence, no body)
    return org, f"{first} {last}"


# The abbreviated office of a member of parliament before a name: `posl. Mgr. Jan Farský`, `sen. Jan Malý`.
_OFFICE_BEFORE_NAME = re.compile(
    rf"(?:,\s*)?(?<![\w.])(?:posl|sen)\.\s+(?=(?:[A-Za-z]{{1,6}}\.\s*)*{CAPITAL})"
)


# `p. Dobrohruška pí Procházková`: a transcript lost the comma between two people; the abbreviated
# courtesy word (`p.`, `pí`, `sl.`) after a capitalised word opens the next person.
_COURTESY_BETWEEN = re.compile(rf"(\b{CAPITAL}{SMALL}+\.?)\s+(?=(?:pí\.?|p\.|sl\.)\s*{CAPITAL}{SMALL})")


# `1. Václav Vomáčka, Městys Hustopeče 2. Radim Haitl, obec Střítež n. L. 3. …`: a numbered list a
# one-paragraph transcript ran into one line; each number that counts up starts the next person.
_NUMBERED_PERSON = re.compile(
    rf"(?:^|(?<=\s))(?P<n>\d{{1,2}})\.\s+(?=(?:{_PRE_TITLE}\s?)*{CAPITAL}{SMALL}+\s+{CAPITAL})"
)


def _numbered_run(text: str) -> str:
    """A run of three numbered people or more in one line, one a line again; what follows a
    person's name after a comma (their body, `FO Hranice`) in brackets. Anything else unchanged."""
    if "\n" in text.strip():
        return text
    hits = list(_NUMBERED_PERSON.finditer(text))
    run: list[re.Match[str]] = []
    stop = len(text)
    for k, hit in enumerate(hits):
        if int(hit["n"]) != len(run) + 1:
            continue
        following = hits[k + 1].start() if k + 1 < len(hits) else len(text)
        if run and not looks_like_name(text[hit.end() : following].partition(",")[0].strip(" ,;")):
            # `… 3. Eva Černá, Diakonie 4. Kontrola úkolů z minulého jednání`: the number after the
            # people opens an agenda's item, no person; the run ends there
            stop = hit.start()
            break
        run.append(hit)
    if len(run) < 3 or text[: run[0].start()].strip():
        return text
    ends = [hit.start() for hit in run[1:]] + [stop]
    lines: list[str] = []
    for hit, end in zip(run, ends, strict=True):
        item = text[hit.end() : end].strip(" ,;")
        name, comma, rest = item.partition(",")
        first_after = rest.strip().split(",")[0]
        if comma and looks_like_name(name.strip()) and not is_title_only(first_after):
            item = f"{name.strip()} ({re.sub(r'[()]', ' ', rest).strip()})"
        lines.append(item)
    return "\n".join(lines)


# `… PhDr. Petr Mareš (místopředseda vlády a předseda Ra`: a text cut inside the last person's bracket (an
# excerpt's or a page's end); the bracket closed where the text ends, no comma in it (else the bracket's
# close was lost before other people, whom it would swallow).
_CUT_IN_BRACKET = re.compile(r"\([^(),\n]*\Z")


def parse_people(text: str) -> tuple[list[PersonDict], bool]:
    """People of an attendance list, and whether it refers to the attendance sheet."""
    text = _CUT_IN_BRACKET.sub(r"\g<0>)", _numbered_run(text))
    sheet = bool(ATTENDANCE_SHEET.search(text))
    text = stand_ins_first(ATTENDANCE_SHEET.sub(" ", text))
    text = _COURTESY_BETWEEN.sub(r"\1, ", text)
    text = _BARE_POSTNOMINAL.sub(", ", text)  # `Mgr. Klára Janoušková M.A., …`: no comma before `M.A.`
    if _OFFICE_BEFORE_NAME.match(text.lstrip()) and len(_OFFICE_BEFORE_NAME.findall(text)) >= 2:
        # `posl. Miloš Babiš posl. Marek Benda posl. Mgr. Marie Benešová …`: the office written before
        # every name of a run without commas is what separates them; kept before each name, it marks a
        # person where a surname stands alone (`…, posl. K. Valachová, posl. Volný`: no body of hers)
        text = _OFFICE_BEFORE_NAME.sub(lambda office: f", {office[0].strip(' ,')} ", text)
    fragments: list[tuple[int, str]] = []
    body_first: dict[int, bool] = {}  # per line: its list names each body before its person
    for number, fragment in _fragments(text):
        for part in _split_and(squash(fragment)):
            if number not in body_first:
                # the list's own shape decides which person a body in a piece belongs to: a first piece
                # that starts with a body (`Charita Rokycany Jana Nová, Centrum pro rodinu Petr Dub`)
                # gives each body to the name after it; else to the person before it
                first = _body_first(part)
                body_first[number] = first is not None
                if first is not None:
                    fragments.append((number, f"{first[1]} ({first[0]})"))
                    continue
            before = [f for n, f in fragments if n == number]
            split: tuple[str, str] | None
            # `JUDr. Hana Marvanová, Ministerstvo spravedlnosti ČR Mgr. Jana Přibylová, …`: the institution
            # of one person and the next person's titled name in one piece between commas
            if (
                fragments
                and fragments[-1][0] == number
                and (org := _ORG_THEN_TITLED.match(part))
                and not _before_a_name(org["org"])
            ):
                split = (org["org"], org["person"])
            else:
                split = _org_then_name(part, before)
            if split is None and (guest := _GUEST_BEFORE.match(part.strip())) is not None:
                fragments.append((number, f"{guest['name']} ({guest['role']})"))  # `jako host Petr Dub`
            elif split is None:
                fragments.append((number, part))
            elif body_first[number]:
                fragments.append((number, f"{split[1]} ({split[0]})"))
            else:
                fragments.extend([(number, split[0]), (number, split[1])])
    people: list[PersonDict] = []
    singles = [f for _, f in fragments if " " not in _bare(_split_bracket(_tidy_fragment(f))[0])]
    # `Novák, Dvořák, Svoboda`; also mostly surnames with a few first names after them
    # (`…, Ludvík, Král, Dostál Míla, …`): there a first name is someone's surname.
    surname_list = len(singles) == len(fragments) or (
        len(singles) >= 5 and 4 * len(singles) >= 3 * len(fragments)
    )
    # With full names around, one word after a person on the same line is their organisation
    # (`Bc. Michal Rybář, Advaita`), not a person known by surname only.
    full_names = len(fragments) - len(singles) >= max(2, len(singles) + 1)
    last_line = -1
    i = 0
    while i < len(fragments):
        line, raw_fragment = fragments[i]
        fragment = _OMLUVEN_AFTER.sub(r" (\1)", _tidy_fragment(raw_fragment))
        i += 1
        if not fragment or _COUNT.match(fragment) or _NOBODY.match(fragment):
            continue
        if people and is_title_only(fragment):
            people[-1]["name"] = f"{people[-1]['name']}, {fragment}"
            continue
        if people and line == last_line and (initials := _INITIALS_ONLY.match(raw_fragment.strip())):
            people[-1]["name"] = f"{people[-1]['name']}, {initials[1]}"
            if initials[2]:
                _add_detail(people[-1], initials[2].strip("()"))
            continue
        if people and (post := _POSTNOMINAL.match(fragment)):
            # `Bc. Lucie Malá, DiS. – sociální pracovnice`, `prof. MUDr. Josef Vymazal, DSc.`
            people[-1]["name"] = f"{people[-1]['name']}, {post[1].strip(' ,')}"
            if post[2].strip():
                _add_detail(people[-1], post[2])
            continue
        # A lone first name followed by a lone surname: one person split by a stray comma.
        if (
            not surname_list
            and i < len(fragments)
            and _is_first_name(fragment)
            and _single_surname(_tidy_fragment(fragments[i][1]))
        ):
            fragment = f"{fragment} {_tidy_fragment(fragments[i][1])}"
            i += 1
        elif (
            people
            and full_names
            and line == last_line
            and _lone_word(fragment)
            and not _COURTESY.match(_TITLE_SPACING.sub(r"\1. ", fragment))
            and not _COURTESY.match(raw_fragment.strip())  # (`…, posl. Volný`: an office marks a person)
            and len(_bare(people[-1]["name"]).split()) >= 2  # `pí Zátopková, Kopečná`: surnames
        ):
            _add_detail(people[-1], fragment)
            continue
        person = _person_from(fragment)
        if person is not None:
            people.append(person)
            last_line = line
        elif _CAPITALISED_RUN.match(fragment):
            # `Budišov Piňos, Ondráček, Mareček Hodov Jaša Nárameč Jelínková Rudíkov Souček …`: six
            # capitalised words or more in a row are no role or organisation but a layout this reading
            # did not understand (villages and surnames): the person it would attach to is left out
            if people and line == last_line:
                people.pop()
            break
        elif len(fragment.split()) > 15 and re.search(r"[.:]\s", fragment):
            # `… Souček + 2 Rohy Voborná …, Rudíkovu a Náramči. Rekapitulace kroků obcí …: …`: a
            # transcript ran the list into the body's sentences; no role of the person before
            break
        elif people and not _COURTESY_AND_ROLE.match(fragment.strip()):
            # (`paní ředitelka Veselá Marie, pan starosta`: a courtesy word opens another person, named
            # by a post alone — no role of the one before)
            _add_detail(people[-1], fragment)
    return people, sheet


# `P. Sýkora (SOSaD) omluven`, `I. Horká omluvena` inside a list: the participle after one person (also after
# their organisation in brackets) is a note of that person, as `(omluven)` is; without the bracket it would
# spoil the name and be read as the organisation of the person before.
_OMLUVEN_AFTER = re.compile(r"(?<=[\w.)])\s+(?:[-–—]\s+)?(?:je\s+|byl[a]?\s+)?(omluven[aáýi]?)$")


_CAPITALISED_RUN = re.compile(rf"^\s*(?:{CAPITAL}{SMALL}+\s+){{5,}}{CAPITAL}{SMALL}+(?:\W|$)")


def parse_person(text: str) -> str | None:
    """The one person named in a recorder/moderator value (`dne 17. 3. 2017, K. Marcinková`)."""
    people, _ = parse_people(text)
    return people[0]["name"] if people else None


# A pupil's class before a parent's name (`2.A – paní Helena Wohanková`), in a school board's list.
_CLASS_FIRST = re.compile(r"^\s*\d{1,2}\.\s?[A-Z]\s*[-–—]\s+")


def without_class_first(line: str) -> str:
    """`2.A – paní Helena Wohanková` -> `paní Helena Wohanková` (see `_CLASS_FIRST`)."""
    return _CLASS_FIRST.sub("", line)


def looks_like_people_line(line: str) -> bool:
    """True when a line (already `plain`) reads as a list of people or one person."""
    text = re.sub(r"^\s*(?:\d{1,3}|[a-z])\s*[.)]\s+", "", _CLASS_FIRST.sub("", line))
    if not text or ATTENDANCE_SHEET.search(text):
        return bool(text)
    if "|" in text:
        text = ", ".join(_cells(text))  # `1. | Mgr. Jiří Hrubeš | MěÚ Tábor |`
    first = split_people(text.replace(" | ", ", "))
    if not first:
        return False
    head = _split_bracket(first[0])[0]
    head = _DASH_SPLIT.split(head)[0]
    if (of := _FROM_ORG.search(head)) is not None:
        head = head[: of.start()]  # `Kujanová za Velemínskou`, `Jana Nová z Charity`
    return looks_like_name(head) or (_is_first_name(head) and len(first) > 1)


_HAS_TITLE = re.compile(
    rf"(?<![\w])(?:[A-Z][A-Za-z]{{0,6}}\.|Ing|Mgr|Bc|MUDr|PhDr|JUDr|RNDr|PaedDr)(?=\s|\.|{CAPITAL}|$)"
)


def looks_like_one_person(line: str) -> bool:
    """True for a paragraph that holds exactly one person, as lists with one person per
    paragraph have them: `Mgr. Hana Nová – vedoucí OSV`, `Zdenka Malá (MěÚ Jeseník)`. The name
    has a title or a common first name, so a sentence or a heading does not pass."""
    text = re.sub(r"^\s*(?:[-•*–]|\d{1,3}\s*[.)])\s+", "", _CLASS_FIRST.sub("", line)).strip()
    if not text or ":" in text or len(text) > 160:
        return False
    main, _ = _split_bracket(text)
    head = _DASH_SPLIT.split(main)[0].strip()
    head = re.split(r",\s*(?![A-Z][A-Za-z]{0,4}\.)", head)[0]  # `Jana Nová, DiS., SPS` -> name + DiS.
    if (of := _FROM_ORG.search(head)) is not None:
        head = head[: of.start()]  # `Petr Dorociak za Pavla Šafaříka (MF)`: a deputy and whom for
    bare = _bare(head).split()
    if not looks_like_name(head) or not 2 <= len(bare) <= 3:
        return False
    # `Hanáková Milena`: the surname first, then a common first name
    surname_first = len(bare) == 2 and fold(bare[1]) in FIRST_NAMES and fold(bare[0]) not in FIRST_NAMES
    return bool(_HAS_TITLE.search(head)) or fold(bare[0]) in FIRST_NAMES or surname_first


_NAME_WORD = rf"{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?"
# A name inside running text: titles, two or three capitalised words, post-nominal titles.
_NAME_IN_TEXT = re.compile(
    # (`Ing. arch.`: the architect's title is in lower case after `Ing.`)
    rf"(?<![\w.])(?P<titles>(?:(?:[A-Z][A-Za-z]{{0,5}}\.(?:\s*arch\.)?|Ing|Mgr|Bc)\s*)*)"
    # A full stop may end the sentence after a name (`řídil předseda Josef Špát.`), but not an
    # abbreviation in it (`Ing.`: the title of the next name, `Rady Ing. Karel Vlk`).
    # (or a first name and the surname in capitals: `starosta obce Ing. Jaroslav KREML v 17:00`; a
    # word of four capitals or more with a vowel, not an office's acronym such as `MPSV`, `ORP`)
    rf"(?P<words>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}|{_NAME_WORD}\s+(?!(?:OSPOD|STAN|KSČM|ODBOR|OBEC|MĚSTO|KRAJ)\b)(?=[^\W\d_]*[AEIOUYÁÉÍÓÚŮÝĚ])(?-i:{CAPITAL}{{4,}})(?!\w))"
    r"(?!\w|\.\w|(?:(?<=Ing)|(?<=Mgr)|(?<=Bc)|(?<=Doc)|(?<=Prof)|(?<=Dr)|(?<=Ph)|(?<=Th))\.)"
    r"(?P<post>(?:,?\s*(?:Ph\.\s?D\.|PhD\.|Th\.\s?D\.|DiS\.|CSc\.|MBA|MPA)(?![\w]))*)"
)


DECLINED_ENDINGS = ("ovou", "ove", "ovi", "eho", "emu", "ym", "ou", "kem", "cem")


def names_in_text(text: str) -> list[tuple[int, int, str]]:
    """The names written in running text, in nominative form (a title or a common first name:
    `Mgr. Hana Nová, Ph.D.`, `Petr Malý`), as (start, end, name). Declined forms (`Janu Novou`,
    `Petrem Malým`) and capitalised phrases (`Krajský úřad`) are left out."""
    found: list[tuple[int, int, str]] = []
    for match in _NAME_IN_TEXT.finditer(text):
        words = match["words"].split()
        titled = bool(match["titles"].strip()) or bool(match["post"].strip())
        start = match.start()
        if (
            not titled
            and fold(words[0]) not in FIRST_NAMES
            and len(words) == 3
            and fold(words[1]) in FIRST_NAMES
        ):
            # `Velitel Josef Pecka zahájil …`: a capitalised role at the start of a sentence
            start = match.start("words") + len(words[0]) + 1
            words = words[1:]
        elif not titled and fold(words[0]) not in FIRST_NAMES:
            continue
        if fold(words[-1]).endswith(DECLINED_ENDINGS):
            continue  # `Bc. Janu Juřenovou`, `panem Petrem Kubesou`: not the nominative
        name = squash(f"{match['titles']} {' '.join(words)}{match['post']}".strip())
        if looks_like_name(name):
            found.append((start, match.end(), name))
    return found


# `Schůzi zahájila předsedkyně Klubu Diana Míla Gruberová.`: the chair's post, a body named by a capitalised
# noun in the genitive and its own name of a word or two (a club named after a woman: `Klub Diana`), then the
# chair's first name and surname ending the clause. The words run together; the person is the last two.
_NAMED_BODY_GENITIVE = {
    "Klubu": "Klub",
    "Spolku": "Spolek",
    "Svazu": "Svaz",
    "Sdružení": "Sdružení",
    "Centra": "Centrum",
    "Domova": "Domov",
    "Sboru": "Sbor",
}
_CHAIR_OF_NAMED_BODY = re.compile(
    r"(?:\b(?:zahájil|řídil|vedl|moderoval)[a]?\s+(?:(?:schůzi|jednání|zasedání|setkání)\s+)?)?"
    rf"\b(?P<post>(?i:místo)?(?i:p)ředsed(?:a|kyně|ající)|(?i:v)edoucí|(?i:ř)editel(?:ka)?)\s+(?P<noun>{'|'.join(_NAMED_BODY_GENITIVE)})"
    rf"\s+(?P<name>{CAPITAL}{SMALL}+(?:\s+{CAPITAL}{SMALL}+)?)\s+(?P<first>{CAPITAL}{SMALL}+)"
    rf"\s+(?P<last>{CAPITAL}{SMALL}+)(?=\s*[.,;]|\s+(?:zahájil|řídil|vedl|přivítal)[a]?\b)"
)


_OPENING_VERB = re.compile(r"\b(?:zahájil|řídil|vedl|moderoval)a?\b")
_CLAUSE_BREAK = re.compile(r"[.,;:]|\s(?:a|ale|kde|který|která|poté)\s")


def chair_of_named_body(text: str) -> tuple[str, str] | None:
    """(the body, the chair) of `_CHAIR_OF_NAMED_BODY` in a sentence that says the chair opened or led the
    meeting (`Schůzi zahájila předsedkyně Klubu Diana Míla Gruberová.`); None when the last two words are no
    first name and a surname, or no verb of opening stands with them."""
    for match in _CHAIR_OF_NAMED_BODY.finditer(text):
        # the verb of opening in the chair's own clause: before the post with no clause between
        # (`Schůzi zahájila v 17 h předsedkyně …`), or right after the name; not another's
        # (`Schůzi zahájil p. Malý a přivítal vedoucí Domova Sluneční Jana Kosová.`)
        before = _CLAUSE_BREAK.split(text[max(0, match.start("post") - 60) : match.start("post")])[-1]
        if not (_OPENING_VERB.search(before) or _OPENING_VERB.match(text, match.end() + 1)):
            continue
        # a first name known, or a woman's (`Míla`) before a woman's surname (`Gruberová`) after a woman's post
        woman = (
            match["post"].endswith(("kyně", "ka"))
            and match["first"].endswith("a")
            and fold(match["last"]).endswith("ova")
        )
        if not (fold(match["first"]) in FIRST_NAMES or woman) or fold(match["last"]) in FIRST_NAMES:
            continue
        if fold(match["last"]).endswith(DECLINED_ENDINGS):
            continue  # `… předsedkyní Klubu Diana Mílou Gruberovou`: not the nominative
        body = f"{_NAMED_BODY_GENITIVE[match['noun']]} {match['name']}"
        return body, f"{match['first']} {match['last']}"
    return None

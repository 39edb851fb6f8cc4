"""Facts of minutes told in one line or one sentence, drawn from the twenty-third real held-out
batch (`380`–`389`, issue #19): the place and day on the line under the title, the association
whose members' meeting it was, the recorder marked beside a name that the attendance gives twice,
a day of a report told before a verb further on, and a meeting announced in a notice.

Each function takes the plain lines of the text (and what it needs besides) and returns what it
read or None; `recognise` calls them only where nothing else gave the fact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..core.names import fold, person_key
from ..core.people import FIRST_NAMES
from ..core.vocabulary import WEEKDAYS
from .text import CAPITAL, rx, squash
from .when import find_dates, find_time

# `Bezděkov u Police nad Metují dne 1. července 2000, 15:00 hodin`: a town, `dne`, the day and maybe
# the hour — the line of place and day right under a title. `V Praze dne …` (with `V`) is how a
# writing date is signed, not this header.
_PLACE_THEN_DAY = re.compile(
    rf"^\s*(?P<place>(?!(?:V|Ve)\s){CAPITAL}[^\d:;,()]{{1,60}}?)\s+dne\s+(?P<rest>\d.*)$"
)
# words of a meeting or its minutes: a line that has them before `dne` names the meeting, not a place
_OF_A_MEETING = rx(r"\bzápis|\bschůz|\bjednání|\bzasedání|\bsetkání|\bporad|\bkonan|\bkonal|\bze$|\bz$")
# what may stay of the rest once the day and the hour are taken: `,`, `hod.`, `hodin`, `od`, `v`
_HOURS_WORDS = rx(r"^(?:[\s,.;–-]|\bod\b|\bv\b|\bhod(?:in|\.)?|\bh\b)*$")
# A town's name: capitalised words, a joining word between them (`Bezděkov u Police nad Metují`,
# `Klubovna Na Hrázi`) and maybe a district's number (`Praha 4`); no dot (`Ing.`) nor lower-case word
# (`Usnesení přijaté`).
_TOWN = re.compile(
    rf"^{CAPITAL}[\w-]*(?:\s+(?:(?:u|nad|pod|na|v|ve|při)\s+)?{CAPITAL}[\w-]*)*(?:\s+\d{{1,2}})?$"
)
# A first word that dates the minutes rather than names a town: a verb (`Vypracoval`, `Zapsala`,
# `Schváleno`, `Vyvěšeno`), a weekday or a label (`Datum`).
_DATING_WORD = rx(
    r"^(?:[^\W\d_]+(?:al|il|el|ěl|yl|ul)[aoiy]?|[^\W\d_]+(?:en|ěn|án|an|it|yt|ut)[oaiy]?|datum|termín|den|"
    + "|".join(day for day, _ in WEEKDAYS)
    + r")$"
)


def _names_a_town(place: str) -> bool:
    """True when the words before `dne` may be a town, not a signature's verb or label, nor a person
    (`Eva Malá dne …`: the first word a first name)."""
    first = place.split()[0]
    return bool(_TOWN.match(place)) and not _DATING_WORD.match(first) and fold(first) not in FIRST_NAMES


def place_and_day_under_title(
    plains: list[str], is_title: Callable[[str], bool]
) -> tuple[dt.date, str | None, str] | None:
    """The day, hour and place of `<Town> dne <day>[, <hour>]`, the first line under a title
    near the top; None when the line under the title says anything else."""
    lines = [line for line in plains if line][:10]
    for index, line in enumerate(lines[:-1]):
        if not is_title(line):
            continue
        match = _PLACE_THEN_DAY.match(lines[index + 1])
        if (
            match is None
            or is_title(lines[index + 1])
            or _OF_A_MEETING.search(match["place"])
            or not _names_a_town(squash(match["place"]))
        ):
            # (`Zápis ze schůze výboru osady Lhota ze dne 3.12.2022` under a page heading is a title, and
            # its words before `dne` name the meeting, not a place)
            return None
        rest = match["rest"]
        hits = [hit for hit in find_dates(rest) if hit.year is not None]
        if len(hits) != 1 or hits[0].start != 0 or (day := hits[0].date()) is None:
            return None
        after = rest[hits[0].end :]
        timing = find_time(after)
        left = after if timing is None else after[: timing.start] + after[timing.end :]
        if not _HOURS_WORDS.match(left):
            return None
        return day, None if timing is None else timing.value, squash(match["place"])
    return None


# `zahajuje 1. členskou schůzi občanského sdružení Lípa 2`, `první členská schůze spolku MELUZÍNEK`:
# the association whose members met, named after its kind; the name is the capitalised words (and
# numbers) that follow, up to a lower-case word or a stop.
# (`členské schůze` only after `z`, as a title has it: `přípravu členské schůze spolku Lípa` in the
# minutes of its board is another meeting)
_MEMBERS_MEETING_OF = rx(
    r"(?:\bčlensk(?:á|ou)\s+schůz(?:e|i)|\bze?\s+(?:\S+\s+){0,2}?členské\s+schůze)\s+(?:občanského\s+sdružení|zapsaného\s+spolku|sdružení|spolku|klubu)\s+"
)
# Capitalised words that begin the sentence's next part, not the name: `Dne`, a preposition, `Se`,
# a title's `Zápis`; nor is a number before a dot (a date's day) part of it.
_NOT_OF_THE_NAME = r"(?:Dne|DNE|Se|V|Ve|Z|Ze|Zápis\w*)\b"
_NAME = re.compile(
    rf"(?!{_NOT_OF_THE_NAME})(?:{CAPITAL}[\w-]*)(?:\s+(?!{_NOT_OF_THE_NAME})(?:{CAPITAL}[\w-]*|\d{{1,3}}\b(?!\.)))*"
)


def association_of_members_meeting(plains: list[str]) -> str | None:
    """The name of the association whose members' meeting the text records, or None; only
    one name, however often the text names it."""
    names = set()
    for line in plains[:30]:
        for match in _MEMBERS_MEETING_OF.finditer(line):
            if (name := _NAME.match(line, match.end())) is not None:
                names.add(name.group().strip())
    return names.pop() if len(names) == 1 else None


# `Marcela Petránková – zapisuje průběh ŠR`, `paní Eva Malá - zapisovatelka`: a line of the attendance
# that gives someone's role as the recorder.
_RECORDER_BESIDE = rx(
    r"^\W*(?:(?:pan|paní|p\.|pí\.?)\s+)?(?P<who>[^–—:\-]{3,60}?)\s+[–—-]\s+"
    # the role and nothing more but what is written (`zapisuje průběh ŠR`): `zapisuje objednávky`,
    # `zapisovatelka, 2 hlasy pro`, `zapisovatelka od příští schůze`, `(omluvena)` say something else
    r"(?:zapisuje(?:\s+(?:průběh|zápis)\b[^,;()]*)?|zapisovatel(?:ka)?)\s*\.?\s*$"
)


def recorder_beside_a_name(plains: list[str], present: list[str]) -> str | None:
    """The one person of those present whose line says they take the minutes (the attendance may
    give them twice, the recorder's role on the second line), or None."""
    keys = {person_key(name): name for name in present}
    found = {
        keys[key]
        for line in plains
        if (match := _RECORDER_BESIDE.match(line)) is not None and (key := person_key(match["who"])) in keys
    }
    return found.pop() if len(found) == 1 else None


# `Dne 19. září 2017 se v prostorách zasedací místnosti … uskutečnilo 1. Veřejné setkání.`: the day,
# then `se`, where, and the verb of taking place further on in the same sentence, as a report tells it.
# The verbs of a meeting held (`se konala`, `se uskutečnil`, `se sešli`), declared once for
# recognise._HELD_AFTER_DAY too.
HELD_VERB = r"(?:konal|uskutečnil|sešl)[aoiy]?"
HELD_LATER_AFTER_DAY = rx(rf"^\s*se\s+(?:[^.;:!?]{{1,160}}?\s)?{HELD_VERB}\b")


# `Schůze 3.11 2018 bude mimořádně na tenisovém kurtu.`: a notice that gives the day of a meeting to
# come (the meeting's noun, the day, then `bude` / `se bude konat` / `se uskuteční` / `proběhne`).
_ANNOUNCED = rx(
    r"^\W*(?P<noun>schůze|schůzka|jednání|zasedání|setkání)\s+(?:se\s+)?(?:dne\s+)?(?P<day>\d[\d.\s]{3,12}\d{4})\s+"
    r"(?:bude|se\s+bude\s+konat|se\s+uskuteční|proběhne)\b"
)


# What makes a notice no plain one of the next meeting: it is called off, moved or held only if need be
# (`bude zrušena`, `bude přesunuta na …`, `se uskuteční pouze v případě potřeby`, `bude-li třeba`).
_NOT_PLAINLY_HELD = rx(r"\bzruš|\bpřesun|\bodlož|\bodvolá|\bpřípad|-li\b|\bpouze\b|\bjen\b|\bnebude\b")


def announced_meeting(
    plains: list[str], meeting: dt.date | None, is_title: Callable[[str], bool]
) -> dt.date | None:
    """The day of a meeting a notice announces after this meeting's day, or None. `Setkání … bude`
    is the next meeting only above minutes of a `setkání` (above those of a `schůze` it is an event;
    `schůze`, `jednání`, `zasedání` name a body's meetings alike)."""
    if meeting is None:
        return None
    titles = " ".join(fold(line) for line in plains[:15] if is_title(line))
    for line in plains[:15]:
        if (match := _ANNOUNCED.match(line)) is None:
            continue
        if _NOT_PLAINLY_HELD.search(line) or (fold(match["noun"]) == "setkani" and "setkani" not in titles):
            continue
        hits = [hit for hit in find_dates(line) if hit.year is not None and hit.start < match.end("day")]
        if len(hits) == 1 and (day := hits[0].date()) is not None and day > meeting:
            return day
    return None

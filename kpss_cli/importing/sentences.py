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

from ..core.names import person_key
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
        if match is None or is_title(lines[index + 1]) or _OF_A_MEETING.search(match["place"]):
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
_MEMBERS_MEETING_OF = rx(
    r"\bčlensk(?:á|é|ou)\s+schůz(?:e|i)\s+(?:občanského\s+sdružení|zapsaného\s+spolku|sdružení|spolku|klubu)\s+"
)
_NAME = re.compile(rf"(?:{CAPITAL}[\w-]*)(?:\s+(?:{CAPITAL}[\w-]*|\d{{1,3}}\b))*")


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
    r"^\W*(?:(?:pan|paní|p\.|pí\.?)\s+)?(?P<who>[^–—:\-]{3,60}?)\s+[–—-]\s+(?:zapisuje|zapisovatel(?:ka)?)\b"
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
HELD_LATER_AFTER_DAY = rx(r"^\s*se\s+(?:[^.;:!?]{1,160}?\s)?(?:konal|uskutečnil|sešl)[aoiy]?\b")


# `Schůze 3.11 2018 bude mimořádně na tenisovém kurtu.`: a notice that gives the day of a meeting to
# come (the meeting's noun, the day, then `bude` / `se bude konat` / `se uskuteční` / `proběhne`).
_ANNOUNCED = rx(
    r"^\W*(?:schůze|schůzka|jednání|zasedání|setkání)\s+(?:se\s+)?(?:dne\s+)?(?P<day>\d[\d.\s]{3,12}\d{4})\s+"
    r"(?:bude|se\s+bude\s+konat|se\s+uskuteční|proběhne)\b"
)


def announced_meeting(plains: list[str], meeting: dt.date | None) -> dt.date | None:
    """The day of a meeting a notice announces after this meeting's day, or None."""
    if meeting is None:
        return None
    for line in plains[:15]:
        if (match := _ANNOUNCED.match(line)) is None:
            continue
        hits = [hit for hit in find_dates(line) if hit.year is not None and hit.start < match.end("day")]
        if len(hits) == 1 and (day := hits[0].date()) is not None and day > meeting:
            return day
    return None

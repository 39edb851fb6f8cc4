"""The next meeting: `Příští setkání se uskuteční 19. 1. od 14:00`, `Místo a datum dalšího setkání`
with the value on the next line, `Termín dalšího jednání nebyl stanoven` (none)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TypedDict

from ..core.dates import czech_day
from ..core.i18n import _
from ..core.names import fold
from .text import CAPITAL, SMALL, plain, rx, squash
from .when import DateHit, find_dates, find_time, leftover, roll_forward, weekday_fix


class NextMeetingDict(TypedDict):
    """When and where the group meets next: ISO date, `HH:MM` time, place (each may be None)."""

    date: str | None
    time: str | None
    place: str | None


NEXT = rx(
    r"\b(?:příští|další|následující|nejbližší)(?:ho|m|ch|mu)?\s+(?:(?:společné|pracovní|řádné|výborov[áé]|člensk[áé])(?:ho|m)?\s+)?"
    r"(?:jednání|setkání|schůzk[aye]|schůzce|schůze|zasedání|porad[ayě]|termín)\b"
    r"|\bpříště\s+(?:se\s+)?(?:sejd|setk|potk)\w*"  # `se příště sejdou 9. 11. 2017`
    # `Další PR bude 08.10.2017 od 18.00 hodin`, `Příští PRF se uskuteční 11.10.2023`: the body's own
    # abbreviation for its meeting, then a verb of taking place
    # (`bude` only before the day: not `Další KPSS bude platit od …`, `Další DPS bude otevřen …`)
    # (`Příští FR:  14. 5. v 18.45`: the abbreviation as the label of the day)
    rf"|\b(?:příští|další)\s+(?P<abbreviation>(?-i:{CAPITAL}{{2,6}}))(?:\s+(?=(?:bude\s+(?:dne\s+|ve?\s+\w+\s+)?\d"
    r"|(?:proběhne|se\s+(?:uskuteční|koná|bude\s+konat|sejde))\b))|\s*:\s*(?=(?:dne\s+)?\d))"
    # `Příští farní rada bude 31. 8. 2023 od 17h`: the body's own name (checked against the group)
    rf"|\b(?:příští|další)\s+(?P<body>(?:{SMALL}+\s+){{0,2}}(?:rada|výbor|komise|skupina|senát))\s+"
    r"(?=(?:bude\s+(?:dne\s+)?\d|(?:proběhne|se\s+(?:uskuteční|koná|bude\s+konat|sejde))\b))"
    # `- 13. 11. v 18.00 hodin – jednání farní rady`: a line of coming events opens with the day, the
    # body's own meeting after a dash (checked against the group, and to come after this meeting)
    r"|^[\s•·*-]*\d{1,2}\.\s*\d{1,2}\.(?:\s*\d{4})?[^–—\n]{0,30}?\s[-–—]\s+(?P<dated>(?:jednání|zasedání|schůze|setkání)"
    rf"\s+(?P<dated_body>(?:{SMALL}+\s+){{0,2}}(?:rady|výboru|komise|skupiny|senátu)))\b"
    # `pozvat na 3. jednání Komise …, které se uskuteční dne 15.11.2021`: a numbered meeting of the
    # body that will take place (future tense only: not `2. jednání, které se uskutečnilo …`)
    r"|\b(?P<numbered>\d{1,3}\.\s+(?:jednání|setkání|zasedání|schůz[ei]))\b(?=[^.;]{0,160}?,\s*(?:kter[éáý]|jež)\s+se\s+"
    r"(?:uskuteční|bude\s+konat|sejde)\s+(?:dne\s+)?\d)"
    # `předseda navrhnul přesunout jednání na příští týden, to je na 8.10.2009 v 16:30 hod.`: the
    # meeting adjourned to a day the same sentence gives
    # (the first number after `na` is the day: not `přerušil jednání na 10 minut (15.10.–15.20.)`)
    r"|\b(?P<adjourned>(?:přesun\w*|přeruš\w*|odlož\w*|odroč\w*)\s+(?:jednání|zasedání|schůz[ei]|setkání))\s+"
    r"(?=na\s+[^.;\d]{0,40}?\d{1,2}\.\s*\d{1,2}\.)"
)
# Words of a body's name its abbreviation has no letter for (`Výbor pro seniory` is `VS`, `Rada
# a výbor` is `RV`).
_NO_INITIAL = {"a", "i", "v", "ve", "z", "ze", "pro", "na", "do", "s", "se", "o", "k", "ke"}
_NOT_SET = rx(
    r"(?:nebyl[ao]?|není|zatím)\s+(?:\w+\s+){0,2}?(?:stanoven|určen|domluven|dohodnut|naplánován|znám)"
    r"|(?:bude|budou)\s+(?:\w+\s+)?(?:upřesněn|stanoven|určen|oznámen|domluven|dohodnut)|\bneurčen|dle potřeby"
)
# A place runs to the end of its sentence; `č. 103` (číslo) and `nám.` inside it end nothing.
_IN_PLACE = r"(?:[^.;]|(?<=\bč)\.\s*(?=\d)|(?<=\bnám)\.)"
_PLACE_LABEL = rx(rf"\bmísto(?:\s+konání)?\s*:\s*(?P<place>{_IN_PLACE}+)")
_PLACE_AFTER = re.compile(
    rf"^\s*(?:hod(?:in[ay]?)?\.?|h\.)?\s*,?\s*(?:v|ve)\s+(?P<place>(?:{CAPITAL}|zasedac|budov|sídle|kancel|místnost|sál|přízemí|prostor|klubovn|knihovn|areálu|učebn|jídeln|salonk|online|on-line){_IN_PLACE}*)"
)
# `do příštího jednání`, `na příští jednání`, `T: příští jednání`: a task's deadline, not a statement
# about the next meeting.
_AS_DEADLINE = rx(r"(?:\bdo|\bna|\bT\s*:|\btermín\w*\s*:)\s*$")
# … unless a clause after it says when that meeting is: `do dalšího zasedání výboru, které se bude
# konat 14.12.2006` (a deadline, and the next meeting's day).
_TOLD_WHEN = rx(
    r"^(?:\s+[^\W\d]+){0,2}\s*,?\s+(?:které|jež|kter[ýá])\s+se\s+(?:bude\s+konat|koná|uskuteční|bude)\s+(?:dne\s+)?\d"
)
# The end of a sentence: a full stop after a word or a year, before a capital.
_SENTENCE_END = re.compile(rf"(?:(?<=[^\W\d]{{3}})|(?<=\d{{4}}))[.!?]\s+(?={CAPITAL})")
# `…, které se uskuteční dne 9. 4. 2024 ve 14:00 v zasedací místnosti MěÚ.`: the place, no comma in it,
# and the sentence's end closes the line.
_ENDS_AT_PLACE = rx(rf"\d\s+(?:hod\w*\.?\s+)?(?:v|ve)\s+(?:(?!,){_IN_PLACE}){{3,80}}\.?\s*$")
_ONLINE = rx(r"\b(?:on-?line|online|přes\s+(?:ms\s+)?teams|videokonferenc|zoom)\b")
# `Další setkání seniorů proběhne 21.9.`: the meeting noun with people in the genitive plural after it
# is an event for them (which the body organises), not the body's own next meeting — unless they are
# its members or the body's name has them (`Setkání poskytovatelů`).
# So is a meeting with them (`Příští setkání se seniory proběhne 13.5.2011`, `setkání s rodiči`), the
# people in the instrumental plural after `s`/`se` (not `setkání se uskuteční`: a verb).
# (`ů` written as an escape: the loose match would let `u` stand for it, and `zasedání výboru` is the
# body's own meeting, no event for people)
# One person or body after `s` is such a meeting too (`Příští schůzka s dodavatelem bude …`, `jednání s
# ředitelkou`, `setkání s městem`), in the instrumental singular; not a word of the meeting itself
# (`s termínem`, `s programem`).
_EVENT_FOR = rx(
    r"^\s+(?:(?P<who>[^\W\d_]{3,}\u016f)|(?:s|se)\s+(?:(?:panem|paní)\s+)?"
    r"(?P<with>(?!(?:termínem|programem|tématem|začátkem|obsahem|ohledem|důrazem|budou|mohou|sejdou|uskuteční)\b)[^\W\d_]{3,}(?:y|i|ami|emi|mi|em|ou)))\b"
)
# A meeting moved from one day to another: `přesunuto z 10. 5. na 15. 5.`, `přeloženo ze dne … na …`.
_FROM = rx(r"\b(?:přesunut|přeložen|posunut|změněn)\w*\s+(?:z|ze)\s+(?:dne\s+)?$")
_MOVED = rx(r"^\s*(?:\d{4}\s*)?na\s+(?:dne\s+)?$")
_FILLER = rx(r"^(?:\d{1,2}\.\s*|[-–—:,]\s*)+|\s*[-–—:,]+\s*$")


@dataclass(frozen=True, slots=True)
class NextFound:
    """What the minutes say of the next meeting; `meeting` None with `decided` True: not set."""

    meeting: NextMeetingDict | None
    decided: bool
    note: str | None = None  # a correction the user should check
    guess: str | None = None  # why the date is a guess (written without a year)


def _day(hit: DateHit, meeting: dt.date | None) -> tuple[dt.date | None, str | None]:
    day = roll_forward(hit, meeting)
    if day is None or meeting is None or hit.year is None:
        return day, None
    if day < meeting:
        fixed = weekday_fix(hit, meeting)
        if fixed is not None:
            return fixed, _(
                "the next meeting is written as {written}, before this meeting; the weekday named fits "
                "{fixed}, which was taken: check `next_meeting`"
            ).format(written=czech_day(day), fixed=czech_day(fixed))
        return day, _("the next meeting {day} is before this meeting: check `next_meeting`").format(
            day=czech_day(day)
        )
    return day, None


def _from_text(text: str, hit: DateHit, meeting: dt.date | None, own_line: bool) -> NextFound:
    day, note = _day(hit, meeting)
    after = text[hit.end :]
    timing = find_time(after)
    place: str | None = None
    label = re.match(r"^[^:\d]{0,60}:\s*(?=\S)", text)
    if m := _PLACE_LABEL.search(text):
        place = m["place"]
    elif label is not None and NEXT.search(label[0]) and (rest := leftover(text[label.end() :])):
        place = rest  # `Příští jednání: 11. 3. 2021 v 9:30, MěÚ Beroun`
    elif own_line and (before := _FILLER.sub("", text[: hit.start]).strip()) and not NEXT.search(before):
        place = before  # `MČ Praha 17 - 2. 2. 2012 od 9.00 hodin`
    else:
        rest = after[timing.end :] if timing is not None and timing.start < 30 else after
        if m := _PLACE_AFTER.match(rest):
            place = m["place"]
        elif m := _ONLINE.search(text):
            place = m[0]
    meeting_dict: NextMeetingDict = {
        "date": day.isoformat() if day else None,
        "time": timing.value if timing is not None and timing.start < 40 else None,
        "place": squash(place).strip(" ,;:-–") or None if place else None,
    }
    guess = (
        _("the date's year taken from the meeting's date") if hit.year is None and day is not None else None
    )
    return NextFound(meeting_dict, True, note, guess)


# `Příští jednání řídící skupiny proběhne …` in a working group's minutes: another body's meeting; the
# body after the meeting noun is this one's only when its name has that word (`Rada seniorů` and `rady`).
# (an adjective may stand before it: `1. zasedání nového zastupitelstva`, `jednání městské rady`)
_OTHER_BODY = rx(
    r"^\s+(?:[^\W\d_]{3,}(?:ého|é|ích)\s+)?(?P<body>(?:řídící|řídicí|koordinační)\s+skupiny|rady|zastupitelstva|valné\s+hromady|"
    r"(?-i:ŘS|RM|ZM|ZO|RO))\b"
)
# The stem of each such body in the folded name of the group whose meeting it would be.
_BODY_STEM = {"ridici": "ridi", "koordinacni": "koordin", "rady": "rad", "zastupitelstva": "zastup"}
_BODY_STEM |= {"valne": "valn", "rs": "ridi", "rm": "rad", "ro": "rad", "zm": "zastup", "zo": "zastup"}


def _event_for_others(line: str, end: int, group: str | None) -> bool:
    """True when the meeting noun ending at `end` names whom an event is for (`setkání seniorů`) or
    another body whose meeting it is (`jednání řídící skupiny` in a working group's minutes)."""
    if (body := _OTHER_BODY.match(line[end:])) is not None and group:
        stem = _BODY_STEM.get(fold(body["body"]).split()[0], fold(body["body"]))
        return stem not in fold(group) and body["body"] not in group
    found = _EVENT_FOR.match(line[end:])
    who = (found["who"] or found["with"]) if found is not None else None
    if who is None or fold(who) in {"clenu", "cleny", "členy"}:
        return False
    return fold(who)[:-2] not in fold(group or "")


# The noun of a body (`Sociální komise Rady města`: `komise`, the first; `Rady města` is whose it is).
_BODY_NOUN = re.compile(r"^(?:rad|vybor|komis|skupin|senat)")
# Words naming which body after its noun (`jednání skupiny Senioři`, `jednání rady města`), up to a
# preposition, a number or punctuation.
_BODY_AFTER = rx(r"(?:\s+(?!(?:v|ve|od|do|na|o|k|ke|s|se|a|i|u|z|ze|pro|dle|po)\b)[^\W\d_][\w-]*)*")


def _head(group: str | None) -> list[str]:
    """The folded words of the group's name up to its head noun (`Sociální komise Rady města
    Hořice`: `socialni komise`); all of them when no body noun stands in it (`Senioři`)."""
    words = fold(group or "").split()
    for number, word in enumerate(words):
        if _BODY_NOUN.match(word):
            return words[: number + 1]
    return words


def _own_body(words: str, group: str | None, after: str = "") -> bool:
    """True when a body named in any case (`farní rada`, `jednání farní rady`) is the group itself
    (`Farní pastorační rada`): its noun is the group's head noun and each word before it stands
    before that noun (not `rada` in `Sociální komise Rady města`), by its stem without the case
    ending; the words naming it after the noun (`after`: `skupiny Senioři`) stand in the name."""
    name, head = fold(group or ""), _head(group)
    *adjectives, noun = (fold(word)[: max(3, len(word) - 2)] for word in words.split())
    named = _BODY_AFTER.match(after)
    return (
        bool(head)
        and head[-1].startswith(noun)
        and all(any(word.startswith(stem) for word in head[:-1]) for stem in adjectives)
        and all(fold(word)[: max(3, len(word) - 2)] in name for word in (named[0] if named else "").split())
    )


def _own_abbreviation(abbreviation: str, group: str | None, plains: list[str]) -> bool:
    """True when `abbreviation` (`PR`) is the body's own: a word of its name up to its head noun
    (`PRF`), the initials of it (`Pastorační rada farnosti`: `PRF`, `PR`), or the body in its title
    (`Zápis z PR …`) or in brackets (`pastorační rada (PR)`) — not a ministry, a service or a plan
    (`Další MPSV …`), nor whose the body is (`Sociální komise RM Hořice`: `RM` is the council)."""
    folded = fold(abbreviation)
    words = re.findall(r"[^\W\d_]+", fold(group or ""))
    initials = "".join(word[0] for word in words if word not in _NO_INITIAL)
    if folded in _head(group) or (len(folded) >= 2 and initials.startswith(folded)):
        return True
    title = rx(rf"^\W*zápis\w*\s+(?:(?:z|ze)\s+)?(?:\w+\s+)?(?-i:{re.escape(abbreviation)})\b")
    return any(title.search(line) for line in plains[:8]) or any(
        f"({abbreviation})" in line for line in plains
    )


# `… informovala, že Rada města odložila jednání na 2. 4.`, `… že kraj musel odložit jednání …`: told of
# someone else who adjourned their meeting (a subject named after `že`), not this body adjourning its own.
_TOLD_OF_OTHERS = rx(
    r"\bže\s+(?!(?:se|je|jsme|bude|budeme|by|bylo|musí|musíme|můžeme|nutné|nutno|třeba|potřeba)\b)"
    r"[^\W\d][^,;.]*$"
)


def _adjourned_to(line: str, start: int, hit: DateHit, meeting: dt.date | None) -> bool:
    """True when the meeting adjourned at `start` is this body's and moved to a day after this
    meeting (in its year: a day before it is news of the past, not a year on)."""
    sentence = _SENTENCE_END.split(line[:start])[-1]
    if _TOLD_OF_OTHERS.search(sentence):
        return False
    if meeting is None:
        return True
    day = hit.date(meeting.year)
    return day is not None and day > meeting


def find_next_meeting(lines: list[str], meeting: dt.date | None, group: str | None = None) -> NextFound:
    """The first statement about the next meeting that gives a date, or says there is none
    (`group`, the body's name, tells its meetings from events it holds for others). A meeting
    adjourned to a day is the next one only when no other statement gives a date."""
    stated = _scan(lines, meeting, group, adjourned=False)
    if stated.meeting is not None:
        return stated
    found = _scan(lines, meeting, group, adjourned=True)
    return found if found.meeting is not None else stated


def _scan(lines: list[str], meeting: dt.date | None, group: str | None, adjourned: bool) -> NextFound:
    """`find_next_meeting` over either the adjourned meetings only or the other statements only."""
    plains = [plain(line) for line in lines]
    for index, line in enumerate(plains):
        match = next(
            (
                m
                for m in NEXT.finditer(line)
                # (`pozvat na 3. jednání …, které se uskuteční dne …` says when it is held itself)
                if (
                    m["numbered"] is not None
                    or not _AS_DEADLINE.search(line[: m.start()])
                    or _TOLD_WHEN.match(line[m.end() :])
                )
                and not _event_for_others(line, m.end(), group)
                # `Další PR bude …`: only the body's own abbreviation names its meeting
                and (m["abbreviation"] is None or _own_abbreviation(m["abbreviation"], group, plains))
                and (m["body"] is None or _own_body(m["body"], group))
                and (m["dated_body"] is None or _own_body(m["dated_body"], group, line[m.end() :]))
                and (m["adjourned"] is not None) == adjourned
            ),
            None,
        )
        if match is None or "|" in line:
            continue  # no statement, or a cell of a task table (`… | příští jednání`)
        tail = line[match.start() :]
        hits = [h for h in find_dates(tail) if h.year is not None or meeting is not None]
        if (
            len(hits) >= 2
            and _MOVED.search(tail[hits[0].end : hits[1].start])
            and _FROM.search(tail[: hits[0].start])
        ):
            hits = hits[1:]  # `přesunuto z 10. 5. na 15. 5. 2019`: the day it was moved to
        if match["dated"] is not None:
            # the day opens the line: a coming meeting only after this one
            if hits and (day := _day(hits[0], meeting)[0]) is not None and (meeting is None or day > meeting):
                return _from_text(tail, hits[0], meeting, own_line=False)
            continue
        if match["adjourned"] is not None:
            if hits and _adjourned_to(line, match.start(), hits[0], meeting):
                return _from_text(tail, hits[0], meeting, own_line=False)
            continue
        if hits and match["numbered"] is not None:
            # the sentence may go on about something else (`… v zasedací místnosti ÚMČ organizaci
            # RomPraha, z.s., která by …`): the place only when the sentence ends right after it
            found = _from_text(tail, hits[0], meeting, own_line=False)
            if found.meeting is not None and not _ENDS_AT_PLACE.search(tail):
                found.meeting["place"] = None
            return found
        if hits:
            return _from_text(tail, hits[0], meeting, own_line=False)
        # Only the sentence of the statement: `… do 30. 4. 2024. Příští jednání …` is a deadline before it.
        sentence = _SENTENCE_END.split(line[: match.start()])[-1]
        before = [h for h in find_dates(sentence) if h.year is not None or meeting is not None]
        if before:  # `Dne 12. 3. 2019 proběhne další jednání`
            offset = len(line[: match.start()]) - len(sentence)
            return _from_text(line[offset:], before[-1], meeting, own_line=False)
        if _NOT_SET.search(tail):
            return NextFound(None, True)
        # `Místo a datum dalšího setkání` as a heading; the value is on the next lines.
        if len(line) <= 90 and match.start() <= 30:
            following = [p for p in plains[index + 1 : index + 6] if p][:2]
            for value in following:
                if NEXT.search(value):
                    break
                hits = [h for h in find_dates(value) if h.year is not None or meeting is not None]
                if hits:
                    return _from_text(value, hits[0], meeting, own_line=True)
                if _NOT_SET.search(value):
                    return NextFound(None, True)
    return NextFound(None, False)

"""What a legacy minutes document says: group, date, time, place, attendance, recorder,
moderator, agenda, tasks and the next meeting. Nothing is invented: what is not found stays
empty and is named in `warnings`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..names import person_key, strip_titles
from .agenda import AGENDA_LABEL, find_agenda
from .clean import clean
from .group import find_group
from .nextmeeting import NEXT, NextMeetingDict, find_next_meeting
from .people import PersonDict, looks_like_name, looks_like_people_line, parse_people, parse_person
from .tasks import TaskDict, find_tasks
from .text import label_pattern, label_value, plain, rx, squash
from .when import DateHit, find_dates, find_time, leftover, without_dates


@dataclass
class Imported:
    """A legacy document read as minutes; every field may be empty when the text does not say."""

    group: str | None = None
    date: dt.date | None = None
    time: str | None = None  # `HH:MM` or `HH:MM-HH:MM`
    place: str | None = None
    present: list[PersonDict] = field(default_factory=list)
    excused: list[PersonDict] = field(default_factory=list)
    absent: list[PersonDict] = field(default_factory=list)
    guests: list[PersonDict] = field(default_factory=list)
    attendance_sheet: bool = False  # "dle prezenční listiny"
    recorder: str | None = None
    moderator: str | None = None
    agenda: list[str] = field(default_factory=list)
    tasks: list[TaskDict] = field(default_factory=list)
    next_meeting: NextMeetingDict | None = None
    body: str = ""  # the original text without page furniture
    warnings: list[str] = field(default_factory=list)
    source_name: str = ""


# --- labels ------------------------------------------------------------------------------------

ATTENDANCE_LABELS: dict[str, list[re.Pattern[str]]] = {
    "absent": [label_pattern(r"nepřítomn[iíaoéý]|nepřítomen|neomluven[iíaoyé]|chyběl[iay]?", qualifier=40)],
    "excused": [label_pattern(r"omluven[iíaoyé]|omluvil[iay]? se|omluvení", qualifier=40)],
    "guests": [
        label_pattern(r"host[éey]?|přizvan[íi](?: hosté)?|další účastníci|ostatní účastníci", qualifier=30)
    ],
    "present": [
        label_pattern(r"přítomn[iíaoéý]|přítomen|přítomné", qualifier=40),
        label_pattern(r"účastníci(?: jednání| setkání)?|účastnice|zúčastnění|zúčastnili se|účast|prezence"),
    ],
}
DATE_LABEL = label_pattern(
    r"datum, čas a místo(?: konání| jednání)?|datum, místo a čas|datum a místo(?: konání| jednání)?|"
    r"datum a čas(?: konání| jednání)?|datum/čas|datum a hodina|datum(?: konání| jednání| setkání| schůzky| zasedání)?|"
    r"termín(?: a místo)? (?:konání|jednání|setkání|schůzky)|den konání|den a čas|kdy|konáno dne|konané dne|"
    r"konáno|dne|datum a doba konání"
)
TIME_LABEL = label_pattern(
    r"čas(?: jednání| konání| zahájení| setkání)?|hodina|od[-–]do|doba (?:jednání|konání)|"
    r"začátek(?: jednání| setkání)?|zahájení(?: jednání| setkání)?"
)
END_LABEL = label_pattern(
    r"konec(?: jednání| setkání)?|ukončení(?: jednání| setkání)?|ukončeno|jednání ukončeno"
)
PLACE_LABEL = label_pattern(
    r"místo a čas(?: konání| jednání)?|místo a datum(?: konání| jednání)?|"
    r"místo(?: jednání| konání| setkání| schůzky| zasedání)?|kde|adresa|místnost"
)
RECORDER_LABEL = label_pattern(
    r"zapsal[a]?|zapisovatel(?:ka)?|sepsal[a]?|zapsáno|zápis (?:provedl|pořídil|vyhotovil|zpracoval|sepsal|"
    r"napsal|zapsal|vypracoval)[a]?|vypracoval[a]?|zpracoval[a]?|vyhotovil[a]?"
)
_RECORDER_FREE = rx(r"^(?:zapsal[a]?|zapsal\s?\(a\)|zapisovatel(?:ka)?)\s+(?!se\b|jsem\b)(?P<value>.+)$")
MODERATOR_LABEL = label_pattern(
    r"moderátor(?:ka)?|moderoval[a]?|moderace|řídil[a]?|jednání řídil[a]?|předsedající|předsedal[a]?|"
    r"facilitátor(?:ka)?|facilitace|vedoucí jednání|jednání vedl[a]?|vedl[a]? jednání|vedení jednání|"
    r"předseda|předsedkyně"
)
_MODERATOR_FREE = rx(
    r"\b(?:jednání|setkání|schůzku|schůzi|zasedání)\s+(?:zahájil[a]?\s+a\s+)?(?:řídil|vedl|moderoval)[a]?\s*:?\s+(?P<value>.+)$"
)
_INLINE_PLACE = rx(r"\s(?:místo(?: jednání| konání| setkání)?)\s*:\s*(?P<value>\S.*)$")
_ANY_INLINE_LABEL = rx(
    r"\s(?:zápis\s+)?(?:ověřil[a]?|ověřovatel(?:ka|é)?|schválil[a]?|podpis|datum|dne|místo|moderátor(?:ka)?|"
    r"zapsal[a]?|zapisovatel(?:ka)?|řídil[a]?|předsedající)\s?:"
)
_WRITING = rx(
    r"zapsal|zapisovatel|sepsal|vytvořen|vytvořil|vyhotoven|vyhotovil|schválil|schválen|ověřil|ověřen|"
    r"publikován|zveřejněn|aktualizován|vložen|vytištěn|tisk|datum (?:vytvoření|zápisu|vyhotovení|schválení)|"
    r"\bv\s+\w+(?:\s+\w+)?\s+dne|platnost|účinnost|rozeslán|odeslán|registrační|usnesení|č\.\s*j\.|čj\.|"
    r"změněn|upraven|revize|verze"
)
_MEETING_WORDS = rx(r"\bzápis|\bjednání|\bsetkání|\bschůz|\bzasedání|\bporad[ayě]|\bkonan")
_ON_DAY = rx(r"\b(?:ze\s+)?dne\s*$|konan\w*\s+(?:dne\s*)?$")
_MINUTES_SIGNS = rx(r"\bzápis\b|\bzápis\s+z|přítomn|omluven|zapsal|program jednání|jednání (?:se|bylo)")
_OTHER_LABEL = re.compile(
    r"(?:^|\s)(?i:"
    + "|".join(
        (
            "omluven[iíaoyé]",
            "nepřítomn[iíaoéý]",
            "neomluven[iíaoyé]",
            "host[éey]?",
            "hosté",
            "přítomn[iíaoéý]",
            "zapsal[a]?",
            "program",
            "místo",
            "datum",
        )
    )
    + r")\s*:"
)


def _label_lines(plains: list[str]) -> list[bool]:
    patterns = [
        *(p for group in ATTENDANCE_LABELS.values() for p in group),
        DATE_LABEL,
        TIME_LABEL,
        END_LABEL,
        PLACE_LABEL,
        RECORDER_LABEL,
        MODERATOR_LABEL,
        AGENDA_LABEL,
    ]
    return [bool(line) and any(p.match(line) for p in patterns) for line in plains]


class _Reader:
    """The document's lines, plain forms, and which of them are labels."""

    def __init__(self, body: str) -> None:
        self.lines = body.split("\n")
        self.plains = [plain(line) for line in self.lines]
        self.labels = _label_lines(self.plains)

    def value(self, index: int, inline: str) -> tuple[str, int]:
        """A label's value: inline, or the next non-blank line that is not a label."""
        if inline:
            return inline, index
        for j in range(index + 1, min(len(self.plains), index + 6)):
            if not self.plains[j]:
                continue
            if self.labels[j]:
                return "", index
            return self.plains[j], j
        return "", index

    def first(self, pattern: re.Pattern[str]) -> tuple[str, int] | None:
        for index, line in enumerate(self.plains):
            inline = label_value(pattern, line)
            if inline is not None:
                value, at = self.value(index, inline)
                if value:
                    return value, at
        return None


# --- date, time, place -------------------------------------------------------------------------


def _dated(hits: list[DateHit]) -> DateHit | None:
    return next((h for h in hits if h.year is not None), None)


def _when(result: Imported, reader: _Reader) -> None:
    found = reader.first(DATE_LABEL)
    if found is not None:
        value = found[0]
        hit = _dated(find_dates(value))
        if hit is not None:
            result.date = hit.date()
            if (timing := find_time(value)) is not None:
                result.time = timing.value
            label_line = reader.plains[found[1]] if found[1] < len(reader.plains) else ""
            if re.search(r"(?i)m[íi]sto", label_line[: label_line.find(":") + 1] or label_line):
                result.place = leftover(value) or None
    if result.date is None and _MINUTES_SIGNS.search("\n".join(reader.plains[:40])):
        _date_from_title(result, reader)
    if result.date is None and _MINUTES_SIGNS.search("\n".join(reader.plains[:40])):
        _date_from_header(result, reader)
    if result.time is None:
        start = reader.first(TIME_LABEL)
        end = reader.first(END_LABEL)
        first = find_time(start[0]) if start else None
        last = find_time(end[0]) if end else None
        if first is not None:
            result.time = first.value
            if (
                last is not None
                and "-" not in first.value
                and "-" not in last.value
                and last.value > first.value
            ):
                result.time = f"{first.value}-{last.value}"
    found_place = reader.first(PLACE_LABEL)
    if found_place is None and result.place is None:
        # `Datum: 12. 3. 2019 Čas: 13:00 Místo: MěÚ` (a table row flattened into one line)
        for line in reader.plains:
            if (inline := _INLINE_PLACE.search(line)) is not None and not NEXT.search(line):
                found_place = (inline["value"], 0)
                break
    if found_place is not None and result.place is None:
        value = found_place[0]
        if find_dates(value) or find_time(without_dates(value)):
            value = leftover(value)
        result.place = squash(value).strip(" ,;") or None


def _date_from_title(result: Imported, reader: _Reader) -> None:
    """`Zápis z jednání … ze dne 29. března 2018 od 14:00 v zasedací místnosti …`."""
    for line in [p for p in reader.plains if p][:15]:
        if not _MEETING_WORDS.search(line) or _WRITING.search(line):
            continue
        hits = [h for h in find_dates(line) if h.year is not None]
        if not hits:
            continue
        on_day = [h for h in hits if _ON_DAY.search(line[: h.start])]
        if not on_day and not re.search(r"(?i)z[áa]pis", line):
            continue
        hit = on_day[0] if on_day else hits[0]
        if len(hits) >= 2 and not on_day:
            continue  # `od 1.1.2018 do 31.12.2019`: a period, not a meeting day
        result.date = hit.date()
        after = line[hit.end :]
        if result.time is None and (timing := find_time(after)) is not None and timing.start < 15:
            result.time = timing.value
            rest = after[timing.end :]
            place = re.match(r"^\s*(?:hod(?:in)?\.?)?\s*,?\s*(?:v|ve)\s+(.+)$", rest)
            if place and result.place is None:
                result.place = squash(place[1]).strip(" ,;.") or None
        return


def _date_from_header(result: Imported, reader: _Reader) -> None:
    """A date alone on a line near the top (`12. 3. 2019`), not a writing or publishing date."""
    for line in [p for p in reader.plains if p][:15]:
        if _WRITING.search(line):
            continue
        hits = [h for h in find_dates(line) if h.year is not None]
        if len(hits) == 1 and len(leftover(line)) <= 25:
            result.date = hits[0].date()
            if (timing := find_time(line)) is not None:
                result.time = timing.value
            return


# --- people ------------------------------------------------------------------------------------


def _cut_at_other_label(value: str) -> str:
    match = _OTHER_LABEL.search(value)
    return value[: match.start()] if match and match.start() > 0 else value


def _continues(line: str, previous: str) -> bool:
    """True when a line after an attendance label still lists people."""
    if previous.rstrip().endswith((",", ";")):
        return True
    if not looks_like_people_line(line):
        return "prezenční" in line.lower() or "prezencni" in line.lower()
    body = re.sub(r"^\s*(?:\d{1,3}|[a-z])\s*[.)]\s+", "", line)
    head = body.split(",")[0].split("(")[0].split(" – ")[0].split(" - ")[0]
    return "," in body or len(strip_titles(head).split()) >= 2


def _attendance(result: Imported, reader: _Reader) -> None:
    seen: dict[str, set[str]] = {key: set() for key in ATTENDANCE_LABELS}
    index = 0
    plains = reader.plains
    while index < len(plains):
        line = plains[index]
        kind = None
        inline: str | None = None
        for name, patterns in ATTENDANCE_LABELS.items():
            for pattern in patterns:
                inline = label_value(pattern, line)
                if inline is not None:
                    kind = name
                    break
            if kind:
                break
        if kind is None or inline is None:
            index += 1
            continue
        chunk = [_cut_at_other_label(inline)] if inline else []
        previous = inline
        j = index + 1
        blanks = 0
        while j < len(plains) and j - index < 80:
            current = plains[j]
            if not current:
                blanks += 1
                if (chunk and not previous.rstrip().endswith(",")) or blanks > 3:
                    break
                j += 1
                continue
            if reader.labels[j] or NEXT.search(current) or not _continues(current, previous):
                break
            chunk.append(current if "|" not in reader.lines[j] else reader.lines[j])
            previous = current
            blanks = 0
            j += 1
        people, sheet = parse_people("\n".join(chunk))
        result.attendance_sheet |= sheet
        target: list[PersonDict] = getattr(result, kind)
        for person in people:
            key = person_key(person["name"])
            if key and key not in seen[kind]:
                seen[kind].add(key)
                target.append(person)
        index = max(j, index + 1)


def _one_person(reader: _Reader, pattern: re.Pattern[str], free: re.Pattern[str]) -> list[str]:
    names: list[str] = []
    for index, line in enumerate(reader.plains):
        inline = label_value(pattern, line)
        if inline is not None:
            if (other := _ANY_INLINE_LABEL.search(inline)) is not None:
                inline = inline[: other.start()]  # `Zapsal: Jan Novák   Ověřil: Petr Malý`
            value, _ = reader.value(index, _cut_at_other_label(inline))
        elif (match := free.search(line)) is not None:
            value = match["value"]
        else:
            continue
        value = re.split(r"\s{3,}|\t", value.strip())[0] if value else value
        name = parse_person(value) if value else None
        if name and looks_like_name(name):
            names.append(name)
    return names


def _best(names: list[str]) -> str | None:
    """The first name given, or a fuller form of it given elsewhere (`Z. Nová` -> `Zuzana Nová`)."""
    if not names:
        return None
    best = names[0]
    surname = person_key(best).split(" ")[-1]
    for other in names[1:]:
        if person_key(other).split(" ")[-1] == surname and len(strip_titles(other)) > len(strip_titles(best)):
            best = other
    return best


# --- the whole document -----------------------------------------------------------------------


def _warnings(result: Imported, looks_like_minutes: bool, next_decided: bool) -> list[str]:
    warnings: list[str] = []
    if not looks_like_minutes:
        warnings.append(
            "this does not look like minutes (no 'Zápis', attendance or recorder found): "
            "check the document before importing it"
        )
    if result.group is None:
        warnings.append("no group found: fill in `group` (or import with --group)")
    if result.date is None:
        warnings.append("no meeting date found: fill in `date`")
    if result.time is None:
        warnings.append("no meeting time found: fill in `time`")
    if result.place is None:
        warnings.append("no meeting place found: fill in `place`")
    if not result.present:
        if result.attendance_sheet:
            warnings.append(
                "attendance is only 'dle prezenční listiny': fill in `present` from the attendance sheet"
            )
        else:
            warnings.append("no attendance found: fill in `present` (and `excused`, `absent`, `guests`)")
    if result.recorder is None:
        warnings.append("no recorder found: fill in `recorder`")
    if result.moderator is None:
        warnings.append("no moderator found: fill in `moderator` if the meeting had one")
    if not result.agenda:
        warnings.append("no agenda found: fill in `agenda`")
    if not result.tasks:
        warnings.append("no tasks found: add `tasks` if the meeting set any")
    if result.next_meeting is None and not next_decided:
        warnings.append("no next meeting found: fill in `next_meeting` if it was agreed")
    for task in result.tasks:
        if task["owner"] is None or task["due"] is None:
            missing = " and ".join(
                k for k, v in (("owner", task["owner"]), ("due", task["due"])) if v is None
            )
            warnings.append(f"task {task['task'][:40]!r} has no {missing}: fill in its `{missing}`")
    return warnings


def recognise(text: str, *, source_name: str = "", group_hint: str | None = None) -> Imported:
    """Read the facts of a minutes document from its text (see the module docstring)."""
    body = clean(text)
    reader = _Reader(body)
    result = Imported(body=body, source_name=source_name)
    result.group = squash(group_hint) if group_hint and group_hint.strip() else find_group(reader.lines)
    _when(result, reader)
    _attendance(result, reader)
    result.recorder = _best(_one_person(reader, RECORDER_LABEL, _RECORDER_FREE))
    result.moderator = _best(_one_person(reader, MODERATOR_LABEL, _MODERATOR_FREE))
    result.agenda = find_agenda(reader.lines)
    result.tasks = find_tasks(reader.lines, result.date)
    found = find_next_meeting(reader.lines, result.date)
    result.next_meeting = found.meeting
    looks_like_minutes = bool(
        _MINUTES_SIGNS.search(body[:3000])
        or result.present
        or result.attendance_sheet
        or result.recorder
        or (result.date is not None and result.agenda)
    )
    result.warnings = _warnings(result, looks_like_minutes, found.decided)
    if found.note:
        result.warnings.append(found.note)
    return result

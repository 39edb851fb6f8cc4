"""Front matter and Markdown body of one minutes file to a `Minutes` record.

The rules are those of docs/format.md (the user's copy of the shared format contract).
Nothing here prints: problems are returned as `Problem`s with a file line each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ..core import dates
from ..core.config import Config
from ..core.errors import Problem
from ..core.i18n import _
from ..core.model import AgendaItem, MembershipChange, Minutes, NextMeeting, Person, Progress, Task, Update
from ..core.names import fold, slugify, split_people, strip_titles
from ..core.people import nominative, roster_of
from ..core.plan import read_value
from .source import decode, split_front_matter
from .yamldata import YamlProblem
from .yamlsafe import load_yaml


def _aliases(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Map every spelling (folded: no case, no diacritics) to its canonical key."""
    result: dict[str, str] = {}
    for canonical, spellings in table.items():
        for spelling in (canonical, *spellings):
            result[_fold_key(spelling)] = canonical
    return result


def canonical_key(key: str, table: dict[str, str]) -> str | None:
    """The canonical key `key` spells in `table` (KEYS, UPDATE_KEYS…), or None."""
    return table.get(_fold_key(key))


@lru_cache(maxsize=4096)  # the same few keys in every file
def _fold_key(key: str) -> str:
    return fold(key.replace("_", " ").replace("-", " "))


KEYS = _aliases(
    {
        "group": ("skupina",),
        "date": ("datum",),
        "time": ("čas",),
        "place": ("místo",),
        "present": ("přítomni",),
        "excused": ("omluveni",),
        "absent": ("nepřítomni",),
        "guests": ("hosté",),
        "recorder": ("zapsal", "zapsala", "zapisovatel"),
        "moderator": ("moderátor", "řídil", "řídila"),
        "agenda": ("program",),
        "tasks": ("úkoly",),
        "updates": ("kontrola úkolů",),
        "decisions": ("usnesení",),
        "next_meeting": ("příští jednání", "další jednání"),
        "status": ("stav",),
        "progress": ("plnění",),
        "membership": ("členství",),
    }
)
TASK_KEYS = _aliases(
    {
        "task": ("úkol", "text"),
        "owner": ("zajistí", "odpovídá"),
        "due": ("termín",),
        "status": ("stav",),
        "id": (),
        "note": ("poznámka",),
        "measure": ("opatření",),
    }
)
UPDATE_KEYS = _aliases(
    {
        "id": (),
        "status": ("stav",),
        "note": ("poznámka",),
        "due": ("termín", "nový termín"),
        "owner": ("zajistí", "odpovídá"),
    }
)
PERSON_KEYS = _aliases(
    {"name": ("jméno",), "org": ("organizace",), "role": ("funkce",), "for": ("za", "zastupuje")}
)
MEMBERSHIP_KEYS = _aliases(
    {
        "name": ("jméno",),
        "org": ("organizace",),
        "role": ("funkce",),
        "voting": ("hlasuje",),
        "joined": ("přistoupil", "přistoupila", "od"),
        "left": ("odstoupil", "odstoupila", "odešel", "odešla", "do"),
    }
)
AGENDA_KEYS = _aliases({"title": ("název", "bod"), "presenter": ("předkládá", "přednáší")})
NEXT_KEYS = _aliases({"date": ("datum",), "time": ("čas",), "place": ("místo",)})
PROGRESS_KEYS = _aliases(
    {
        "measure": ("opatření",),
        "state": ("stav",),
        "value": ("hodnota",),
        "indicator": ("ukazatel",),
        "note": ("poznámka",),
    }
)
# The state of a plan item in a progress entry (FORMAT.md 1.1), by its folded spellings.
PLAN_STATE = {
    fold(word): state
    for state, words in {
        "done": ("done", "naplněno", "naplněné", "naplněn"),
        "in_progress": ("in_progress", "in progress", "in-progress", "rozpracováno", "rozpracované"),
        "not_done": ("not_done", "not done", "not-done", "nenaplněno", "nenaplněné", "nenaplněn"),
        "cancelled": ("cancelled", "canceled", "zrušeno", "zrušené"),
    }.items()
    for word in words
}

TASK_STATUS = {
    fold(word): status
    for status, words in {
        "open": ("open", "otevřený", "otevřeno", "otevřené", "trvá", "posunuto", "pokračuje"),
        "done": ("done", "splněno", "splněn", "splněný", "hotovo", "vyřízeno"),
        "cancelled": ("cancelled", "canceled", "zrušeno", "zrušen", "zrušený"),
    }.items()
    for word in words
}
MINUTES_STATUS = {
    "draft": "draft",
    "koncept": "draft",
    "approved": "approved",
    "schvaleno": "approved",
    "schvaleny": "approved",
}
ATTENDANCE_SHEET = re.compile(
    r"[,;]?\s*(?:(?:a|a\s+další|a\s+ostatní|ostatní|další)\s+)?(?:dle|viz|podle)\s+prezen[cč]n[ií]\s+listiny\.?",
    re.IGNORECASE,
)
_PERSON_ORG = re.compile(r"^(.*?)\s*\((.+)\)\s*$")
# A substitute (FORMAT.md 1.1): `Jméno (za Jméno)`, `(zastupuje Jméno)`, `(zástup za Jméno)`.
# The words are lower case and the name has no comma: `(Za Branou, z. s.)` is an organisation.
_SUBSTITUTE = re.compile(
    r"^(.*?)\s*\((?:za|zastupuje|zastupující|zástup\s+za|v\s+zastoupení\s+za)\s+([^(),]+?)\s*\)\s*$"
)

# The other way round (a kpss extension, docs/format.md): the member, then who stood in for them
# in the instrumental: `Jan Novák (zastoupen Petrem Svobodou)`, `(zastoupena: Janou Malou)`.
_REPRESENTED = re.compile(
    r"^(.*?)\s*\((?:zastoupen|zastoupena|zastoupený|zastoupená)\s*:?\s+([^()]+?)\s*\)\s*$"
)


class _Context:
    """What the parser of one file needs to know, and the problems it found. (Not a
    dataclass: importing `dataclasses` took a third of what parsing the one file changed
    costs a run after an edit.)"""

    __slots__ = ("path", "offset", "problems")

    def __init__(self, path: str, offset: int) -> None:
        self.path = path  # as shown to the user
        self.offset = offset  # file line of the front matter's first line, minus one
        self.problems: list[Problem] = []

    def error(self, line: int | None, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, "error", code, message))

    def warning(self, line: int | None, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, "warning", code, message))

    def file_line(self, yaml_line: int | None) -> int | None:
        return None if yaml_line is None else yaml_line + 1 + self.offset


def minutes_id(rel_path: str) -> str:
    """Return the minutes id of a file at `rel_path` (relative, `/`-separated)."""
    return rel_path.removesuffix(".md")


def parse_minutes(
    data: bytes, rel_path: str, shown_path: str, config: Config | None = None
) -> tuple[Minutes | None, list[Problem]]:
    """Parse one file; return the record (None when unusable or not minutes) and problems."""
    context = _Context(shown_path, 1)
    decoded = decode(data)
    if decoded.encoding == "cp1250":
        context.warning(1, "encoding", _("not valid UTF-8; read as Windows-1250"))
    try:
        split = split_front_matter(decoded.text)
    except ValueError as exc:
        context.error(1, "front-matter-unclosed", str(exc))
        return None, context.problems
    if split is None:
        return None, context.problems
    context.offset = split.front_matter_line - 1
    try:
        front = load_yaml(split.front_matter)
    except YamlProblem as exc:
        context.error(context.file_line(exc.line) or 1, "yaml", exc.message)
        return None, context.problems
    if front is None:
        front = {}
    if not isinstance(front, dict):
        context.error(2, "front-matter-not-mapping", _("front matter must be a mapping of keys to values"))
        return None, context.problems
    minutes = _build_minutes(front, rel_path, context, config or Config())
    if minutes is None:
        return None, context.problems
    minutes.encoding = decoded.encoding
    minutes.body = split.body
    minutes.body_line = split.body_line
    _parse_body(minutes, split.body, split.body_line, context)
    return minutes, context.problems


def _canonical(
    front: dict[Any, Any], context: _Context
) -> tuple[dict[str, Any], dict[str, int], dict[str, Any]]:
    """Return (known values by canonical key, file line of each key, unknown keys)."""
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    extra: dict[str, Any] = {}
    key_lines: dict[Any, int] = getattr(front, "lines", {})
    for key, value in front.items():
        canonical = KEYS.get(_fold_key(str(key)))
        if canonical is None:
            extra[str(key)] = value
            continue
        line = context.file_line(key_lines.get(key)) or 1
        if canonical in values:
            context.error(
                line,
                "duplicate-key",
                _("duplicate key '{key}': '{canonical}' is already given on line {lines}").format(
                    key=key, canonical=canonical, lines=lines[canonical]
                ),
            )
            continue
        values[canonical] = value
        lines[canonical] = line
    return values, lines, extra


def _build_minutes(front: dict[Any, Any], rel_path: str, context: _Context, config: Config) -> Minutes | None:
    values, lines, extra = _canonical(front, context)
    usable = not any(p.code == "duplicate-key" for p in context.problems)
    group = _scalar(values.get("group"))
    raw_date = _scalar(values.get("date"))
    if not group:
        context.error(lines.get("group", 2), "missing-group", _("'group' is missing: which group met?"))
        usable = False
    date = dates.parse_date(raw_date) if raw_date else None
    if not raw_date:
        context.error(lines.get("date", 2), "missing-date", _("'date' is missing: when was the meeting?"))
        usable = False
    elif date is None:
        context.error(
            lines["date"],
            "bad-date",
            _("'date' is not a date: {raw_date!r} (write 2021-12-15 or 15. 12. 2021)").format(
                raw_date=raw_date
            ),
        )
        usable = False
    if not usable or group is None or date is None:
        return None
    folder = rel_path.rpartition("/")[0]
    group_config = config.find_group(group) or config.group_for_folder(folder)
    minutes = Minutes(
        id=minutes_id(rel_path),
        path=rel_path,
        group=group_config.name if group_config else group,
        group_as_written=group,
        date=date,
        group_slug=group_config.slug if group_config else slugify(group),
        extra=extra,
        key_lines=lines,
    )
    if (raw_time := _scalar(values.get("time"))) is not None:
        minutes.time = dates.parse_time(raw_time)
        if minutes.time is None:
            context.error(
                lines["time"],
                "bad-time",
                _("'time' is not a time: {raw_time!r} (write 14:00 or 14:00-16:00)").format(
                    raw_time=raw_time
                ),
            )
    minutes.place = _scalar(values.get("place"))
    if (raw_status := _scalar(values.get("status"))) is not None:
        minutes.status = MINUTES_STATUS.get(fold(raw_status))
        if minutes.status is None:
            context.error(
                lines["status"],
                "bad-status",
                _("'status' must be draft or approved, not {raw_status!r}").format(raw_status=raw_status),
            )
    for key in ("present", "excused", "absent", "guests"):
        if key in values:
            people, sheet = _people(values[key], key, lines[key], context, config)
            setattr(minutes, key, people)
            minutes.attendance_sheet |= sheet
    for key in ("recorder", "moderator"):
        if values.get(key):
            people, _sheet = _people(values[key], key, lines[key], context, config)
            setattr(minutes, key, people[0] if people else None)
    minutes.agenda = _agenda(values.get("agenda"), lines.get("agenda"), context)
    minutes.decisions = [
        str(d).strip() for d in _as_list(values.get("decisions")) if d is not None and str(d).strip()
    ]
    minutes.next_meeting = _next_meeting(values.get("next_meeting"), lines.get("next_meeting"), context)
    if "tasks" in values:
        _front_tasks(minutes, values["tasks"], lines["tasks"], context)
    if "updates" in values:
        _front_updates(minutes, values["updates"], lines["updates"], context)
    if "progress" in values:
        _front_progress(minutes, values["progress"], lines["progress"], context)
    if "membership" in values:
        _front_membership(minutes, values["membership"], lines["membership"], context)
    return minutes


def _scalar(value: Any) -> str | None:
    """A scalar as stripped text; None for null, empty, or a list or mapping."""
    if type(value) is str:  # nearly always
        return value.strip() or None
    if value is None or isinstance(value, (list, dict)):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"  # as written (in any case): `omluveni: [true]` is a name
    text = str(value).strip()
    return text or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _item_lines(value: Any, first: int, context: _Context) -> list[int]:
    """File lines of the items of a YAML list (the key's line when unknown)."""
    yaml_lines = getattr(value, "lines", None)
    if isinstance(value, list) and yaml_lines is not None:
        base = context.offset + 1  # context.file_line of each, inlined
        return [line + base or first for line in yaml_lines]
    return [first] * len(_as_list(value))


def _remap(
    item: dict[Any, Any], table: dict[str, str], context: _Context | None = None, line: int | None = None
) -> dict[str, Any]:
    """A mapping with its keys turned canonical by `table`; unknown keys are kept as they are.

    Two spellings of one key (`task` and `úkol`) are a duplicate key: the first is kept.
    """
    result: dict[str, Any] = {}
    key_lines: dict[Any, int] = getattr(item, "lines", {})
    for key, value in item.items():
        canonical = table.get(_fold_key(str(key)), str(key))
        if canonical in result:
            if context is not None:
                at = context.file_line(key_lines.get(key)) or line
                context.error(
                    at,
                    "duplicate-key",
                    _("duplicate key '{key}': '{canonical}' is already given").format(
                        key=key, canonical=canonical
                    ),
                )
            continue
        result[canonical] = value
    return result


# --- people ----------------------------------------------------------------------------------


def make_person(
    name: str, org: str | None = None, role: str | None = None, config: Config | None = None
) -> Person:
    """Return a Person with its display name without titles and its identity key."""
    name = " ".join(name.split()).rstrip(",; ")
    bare = strip_titles(name)
    key = fold(bare)
    if config and config.aliases and key in config.aliases:
        bare = strip_titles(config.aliases[key])
        key = fold(bare)
    return Person(name=name, org=org, role=role, person=bare, key=key)


def parse_person_text(text: str, config: Config | None = None) -> Person:
    """Read `Name` or `Name (Organisation)`."""
    # The same people come to meeting after meeting: read each spelling once per archive.
    cache = config.people_cache if config is not None else {}
    if (known := cache.get(text)) is not None:
        return Person(*known)
    if "(" in text and (substitute := _SUBSTITUTE.match(text.strip())):
        person = parse_person_text(substitute[1], config)  # `Name (Organisation) (za Name)`
        person.substitute_for = substitute[2]
        return person  # not cached: the cache holds people without a substitution
    if "(" in text and (represented := _REPRESENTED.match(text.strip())):
        member = parse_person_text(represented[1], config)
        name = nominative(represented[2], roster_of(config) if config is not None else None)
        person = make_person(name, member.org, config=config)  # of the member's organisation
        person.substitute_for = member.name
        return person
    if match := _PERSON_ORG.match(text.strip()):
        person = make_person(match[1], match[2].strip() or None, config=config)
    else:
        person = make_person(text, config=config)
    cache[text] = (person.name, person.org, person.role, person.person, person.key)
    return person


def _person_at(text: str, line: int, config: Config) -> Person:
    """`parse_person_text` of a person named on file line `line`."""
    person = parse_person_text(text, config)
    person.line = line
    return person


def _people(value: Any, key: str, line: int, context: _Context, config: Config) -> tuple[list[Person], bool]:
    """People of an attendance list (or the recorder); True when it refers to the sheet."""
    people: list[Person] = []
    sheet = False
    in_list = isinstance(value, list)
    known_people = config.people_cache  # see parse_person_text
    for item, item_line in zip(_as_list(value), _item_lines(value, line, context), strict=True):
        if type(item) is str:  # nearly always: `_scalar` inlined
            text = item.strip()
        elif item is None:
            continue
        elif isinstance(item, dict):
            person = _remap(item, PERSON_KEYS, context, item_line)
            name = _scalar(person.get("name"))
            if not name:
                context.error(item_line, "bad-person", _("a person in '{key}' has no 'name'").format(key=key))
                continue
            people.append(make_person(name, _scalar(person.get("org")), _scalar(person.get("role")), config))
            people[-1].line = item_line
            people[-1].substitute_for = _scalar(person.get("for"))
            continue
        elif isinstance(item, list):
            context.error(
                item_line,
                "bad-person",
                _("'{key}' holds a list inside a list; write one person per item").format(key=key),
            )
            continue
        else:
            text = _scalar(item) or ""
        if "istin" in text and ATTENDANCE_SHEET.search(text):
            # "Jana Nová, Petr Malý a další dle prezenční listiny": the sheet, and the names given.
            sheet = True
            text = ATTENDANCE_SHEET.sub("", text).strip()
            if not text:
                continue
        if in_list:
            if not text.strip(" ,;"):
                continue
            if (known := known_people.get(text)) is not None:  # nearly always: `_person_at`, inlined
                people.append(Person(*known, line=item_line))
            else:
                people.append(_person_at(text, item_line, config))
            continue
        for part in split_people(text):
            if part.strip(" ,;"):
                people.append(_person_at(part, item_line, config))
    return people, sheet


# --- agenda, next meeting --------------------------------------------------------------------


def _agenda(value: Any, line: int | None, context: _Context) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for item, item_line in zip(_as_list(value), _item_lines(value, line or 1, context), strict=True):
        if isinstance(item, dict):
            fields = _remap(item, AGENDA_KEYS, context, item_line)
            title = _scalar(fields.get("title"))
            if not title:
                context.error(item_line, "bad-agenda", _("an agenda item has no 'title'"))
                continue
            items.append(AgendaItem(title, _scalar(fields.get("presenter"))))
        elif (title := _scalar(item)) is not None:
            items.append(AgendaItem(title))
    return items


_DATE_PREFIX = re.compile(
    r"^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{2,4})\s*(?:,|v|od|at)?\s*(.*)$",
    re.IGNORECASE,
)


def _next_meeting(value: Any, line: int | None, context: _Context) -> NextMeeting | None:
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        fields = _remap(value, NEXT_KEYS, context, line)
        meeting = NextMeeting(place=_scalar(fields.get("place")))
        if raw_date := _scalar(fields.get("date")):
            meeting.date = dates.parse_date(raw_date)
            if meeting.date is None:
                context.error(
                    line,
                    "bad-date",
                    _("'next_meeting' date is not a date: {raw_date!r}").format(raw_date=raw_date),
                )
        if raw_time := _scalar(fields.get("time")):
            meeting.time = dates.parse_time(raw_time)
            if meeting.time is None:
                context.error(
                    line,
                    "bad-time",
                    _("'next_meeting' time is not a time: {raw_time!r}").format(raw_time=raw_time),
                )
        return meeting
    text = _scalar(value)
    if text is None:
        context.error(line, "bad-next-meeting", _("'next_meeting' must be a date and time or a mapping"))
        return None
    meeting = NextMeeting(text=text)
    if match := _DATE_PREFIX.match(text):
        meeting.date = dates.parse_date(match[1])
        if meeting.date is None:
            context.error(
                line, "bad-date", _("'next_meeting' date is not a date: {match!r}").format(match=match[1])
            )
        rest = match[2].strip()
        if rest:
            meeting.time = dates.parse_time(rest)
    return meeting


# --- tasks and updates -----------------------------------------------------------------------


def _status(raw: Any, line: int, context: _Context, default: str = "open") -> str:
    text = _scalar(raw)
    if text is None:
        return default
    status = TASK_STATUS.get(fold(text))
    if status is None:
        context.error(
            line,
            "bad-task-status",
            _("unknown task status {text!r} (write open, done or cancelled)").format(text=text),
        )
        return default
    return status


def _new_task(
    minutes: Minutes,
    text: str,
    owner: str | None,
    due: str | None,
    status: str,
    line: int,
    source: str,
    task_id: str | None,
    measure: str | None = None,
) -> Task:
    deadline = dates.parse_deadline(due, minutes.date) if due else dates.NO_DEADLINE
    position = len(minutes.tasks) + 1
    # Positional, in the order of Task's fields: a call by keywords takes a microsecond more.
    return Task(
        task_id or f"{minutes.id}#{position}",  # id
        text,
        owner,
        due,
        deadline.end,  # deadline
        deadline.kind,  # deadline_kind
        status,
        status,  # initial_status
        line,
        source,
        minutes.id,  # minutes_id
        minutes.group,
        minutes.group_slug,
        minutes.date,  # meeting_date
        minutes.path,
        None,  # history
        measure,
    )


def _front_tasks(minutes: Minutes, value: Any, line: int, context: _Context) -> None:
    for item, item_line in zip(_as_list(value), _item_lines(value, line, context), strict=True):
        if isinstance(item, str):
            item = {"task": item}
        if not isinstance(item, dict):
            context.error(item_line, "bad-task", _("a task must be a mapping with 'task', 'owner' and 'due'"))
            continue
        fields = _remap(item, TASK_KEYS, context, item_line)
        text = _scalar(fields.get("task"))
        if not text:
            context.error(item_line, "bad-task", _("a task has no text ('task' / 'úkol')"))
            continue
        owner = fields.get("owner")
        if isinstance(owner, list):
            owner = ", ".join(str(o) for o in owner if o)
        elif isinstance(owner, dict):
            owner = _scalar(_remap(owner, PERSON_KEYS).get("name"))
        minutes.tasks.append(
            _new_task(
                minutes,
                text,
                _scalar(owner),
                _scalar(fields.get("due")),
                _status(fields.get("status"), item_line, context),
                item_line,
                "front_matter",
                _scalar(fields.get("id")),
                _scalar(fields.get("measure")),
            )
        )


# A new deadline in an update's note: `trvá, nový termín 30. 6.`, `termín posunut na 15. 9.`,
# `prodlouženo do konce roku`, `odloženo na příští jednání`.
_NEW_DUE = re.compile(
    r"\b(?:nov[ýy]\s+term[íi]n(?:\s+spln[ěe]n[íi])?|(?:term[íi]n\s+)?"
    r"(?:posunut|prodlou[žz]en|odlo[žz]en)[aoýy]?(?:\s+na)?)\s*[:–—-]?\s*",
    re.IGNORECASE,
)
_DUE_WORDS = 7  # the longest deadline as written: `nejpozději do konce 1. pololetí 2027`


def note_due(note: str | None, meeting: dt.date) -> str | None:
    """The new deadline an update's note gives (`trvá, nový termín 30. 6.` -> `30. 6.`), as
    written, when kpss can read it at a meeting of day `meeting`; else None (`nový termín
    bude upřesněn`)."""
    if not note or not (match := _NEW_DUE.search(note)):
        return None
    words = note[match.end() :].split()[:_DUE_WORDS]
    for count in range(len(words), 0, -1):  # the longest run of words that is a deadline
        text = " ".join(words[:count]).strip(" ,;")
        if text and dates.parse_deadline(text, meeting).kind not in ("unknown", "none"):
            return text
    return None


def _parse_update_text(text: str) -> tuple[str, str | None, str | None]:
    """`ID [status] [note]` -> (id, status word, note)."""
    task_id, _space, rest = text.strip().partition(" ")
    word, _space, note = rest.strip().partition(" ")
    if fold(word.strip(",;:")) in TASK_STATUS:
        return task_id, word.strip(",;:"), note.strip() or None
    return task_id, None, rest.strip() or None


def _front_updates(minutes: Minutes, value: Any, line: int, context: _Context) -> None:
    for item, item_line in zip(_as_list(value), _item_lines(value, line, context), strict=True):
        if isinstance(item, str):
            task_id, status_word, note = _parse_update_text(item)
            fields: dict[str, Any] = {"id": task_id, "status": status_word, "note": note}
        elif isinstance(item, dict):
            fields = _remap(item, UPDATE_KEYS, context, item_line)
        else:
            context.error(item_line, "bad-update", _("an update must be a mapping with 'id' and 'status'"))
            continue
        update_id = _scalar(fields.get("id"))
        if not update_id:
            context.error(item_line, "bad-update", _("an update has no task 'id'"))
            continue
        if _scalar(fields.get("status")) is None:
            context.error(
                item_line,
                "bad-update",
                _("the update of {update_id} has no 'status' (open, done or cancelled)").format(
                    update_id=update_id
                ),
            )
            continue
        status = _status(fields.get("status"), item_line, context, default="")
        if status:
            note = _scalar(fields.get("note"))
            due = _scalar(fields.get("due")) or note_due(note, minutes.date)
            owner = _scalar(fields.get("owner"))
            minutes.updates.append(Update(update_id, status, note, item_line, "front_matter", due, owner))


def _front_progress(minutes: Minutes, value: Any, line: int, context: _Context) -> None:
    """`progress` (plnění): `{measure, state, value, indicator, note}` entries."""
    for item, item_line in zip(_as_list(value), _item_lines(value, line, context), strict=True):
        if not isinstance(item, dict):
            context.error(
                item_line, "bad-progress", _("a progress entry must be a mapping with 'measure' and 'state'")
            )
            continue
        fields = _remap(item, PROGRESS_KEYS, context, item_line)
        measure = _scalar(fields.get("measure"))
        if not measure:
            context.error(item_line, "bad-progress", _("a progress entry has no 'measure' (opatření)"))
            continue
        raw_state = _scalar(fields.get("state"))
        state = PLAN_STATE.get(fold(raw_state)) if raw_state else None
        if raw_state and state is None:
            context.error(
                item_line,
                "bad-progress",
                _(
                    "unknown state {raw_state!r} of {measure} (write naplněno, rozpracováno, nenaplněno or zrušeno)"
                ).format(raw_state=raw_state, measure=measure),
            )
            continue
        amount = read_value(fields.get("value"))
        if state is None and amount is None:
            context.error(
                item_line,
                "bad-progress",
                _("the progress entry of {measure} has no 'state' nor 'value'").format(measure=measure),
            )
            continue
        minutes.progress.append(
            Progress(
                measure,
                state,
                amount,
                _scalar(fields.get("indicator")),
                _scalar(fields.get("note")),
                item_line,
            )
        )


def _front_membership(minutes: Minutes, value: Any, line: int, context: _Context) -> None:
    """`membership` (členství): `{name, org, role, joined}` or `{name, left}` entries; the day
    defaults to the meeting date."""
    for item, item_line in zip(_as_list(value), _item_lines(value, line, context), strict=True):
        fields = _remap(item, MEMBERSHIP_KEYS, context, item_line) if isinstance(item, dict) else {}
        name = _scalar(fields.get("name"))
        if not name:
            context.error(
                item_line,
                "bad-membership",
                _("a membership entry must be a mapping with 'name' and 'joined' or 'left'"),
            )
            continue
        change = "left" if "left" in fields else "joined"
        day = minutes.date
        if (written := _scalar(fields.get(change))) is not None and written.lower() not in (
            "true",
            "ano",
            "yes",
        ):
            found = dates.parse_date(written)
            if found is None:
                context.error(
                    item_line,
                    "bad-membership",
                    _("'{key}' of {name} is not a date: {value!r} (write 2026-01-31)").format(
                        key=change, name=name, value=written
                    ),
                )
                continue
            day = found
        voting = _scalar(fields.get("voting"))
        minutes.membership.append(
            MembershipChange(
                name,
                _scalar(fields.get("org")),
                _scalar(fields.get("role")),
                voting is None or fold(voting) not in ("false", "no", "ne", "0"),
                change,
                day,
                item_line,
            )
        )


# --- the body --------------------------------------------------------------------------------

_LABELS = {
    "úkol": "task",
    "ukol": "task",
    "task": "task",
    "zajistí": "owner",
    "zajisti": "owner",
    "odpovídá": "owner",
    "odpovida": "owner",
    "owner": "owner",
    "termín": "due",
    "termin": "due",
    "due": "due",
    "stav": "status",
    "status": "status",
    "opatření": "measure",
    "opatreni": "measure",
    "measure": "measure",
}
_LABEL = "(" + "|".join(_LABELS) + ")"
_LABEL_LINE = re.compile(r"^\s*(?:[-*+]\s+)?" + _LABEL + r"\s*:\s*(.*)$", re.IGNORECASE)
_SEGMENT_SPLIT = re.compile(r"\s*;\s*(?=" + _LABEL + r"\s*:)", re.IGNORECASE)
_ANY_TASK = re.compile(r"^[\s*_>+-]*(?:úkol|ukol|task)[\s*_]*:", re.IGNORECASE | re.MULTILINE)
_CHECKLIST = re.compile(r"^[ \t]*[-*+][ \t]+\[([ xX-])\][ \t]+(\S+)[ \t]*(.*)$", re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_MARKS = {" ": "open", "x": "done", "X": "done", "-": "cancelled"}
# The line of the first level-1 heading; `_heading_title` reads it as `^#[ \t]+(.+?)[ \t#]*$`
# would (that regex spends most of its time on the lazy `.+?`).
_HEADING = re.compile(r"^#[ \t].+", re.MULTILINE)


def _after_newline(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` (which starts with `^`) for the lines after the first, led by their newline.

    Searching for `^…` tries every offset of the text; a literal newline first lets the
    regex engine skip to the next line at once (four times faster on a typical body).
    """
    return re.compile("\n" + pattern.pattern.removeprefix("^"), pattern.flags)


_HEADING_LATER = _after_newline(_HEADING)
_ANY_TASK_LATER = _after_newline(_ANY_TASK)
_CHECKLIST_LATER = _after_newline(_CHECKLIST)


def _heading_title(line: str) -> str:
    """The title of a heading line `# …`: group 1 of `^#[ \t]+(.+?)[ \t#]*$`, stripped."""
    text = line.lstrip("\n")[1:].lstrip(" \t")
    if not text:  # `#` and blanks only: the regex's `.+?` takes the last blank
        return ""
    bare = text.rstrip(" \t#")
    return bare.strip() if bare else "#"  # `# ##`: `.+?` takes at least the first `#`


def _may_have_fences(body: str) -> bool:
    """True when `body` holds ```` ``` ```` or `~~~` (looking for one character first is faster)."""
    return ("`" in body and "```" in body) or ("~" in body and "~~~" in body)


def _parse_body(minutes: Minutes, body: str, first_line: int, context: _Context) -> None:
    # `pattern.match(body) or pattern_later.search(body)` is `pattern.search(body)`, faster.
    if heading := _HEADING.match(body) or _HEADING_LATER.search(body):
        minutes.title = _heading_title(heading[0])
    if _ANY_TASK.match(body) or _ANY_TASK_LATER.search(body):
        _body_tasks(minutes, body.split("\n"), first_line, context, _may_have_fences(body))
    if "[" in body:
        _body_checklist(minutes, body, first_line)


def _measure_ref(text: str | None) -> str | None:
    """The item id of a body block's `Opatření:` line: its first word (`2.1 – Terénní služba`)."""
    words = (text or "").split()
    return words[0].rstrip(",;:.–—-") or None if words else None


def _segments(line: str) -> list[tuple[str, str]] | None:
    """Labelled fields of a task line (`Úkol: X; Zajistí: Y`), or None when it has no label."""
    cleaned = line.replace("**", "").strip()
    if not (match := _LABEL_LINE.match(cleaned)):
        return None
    if ";" not in cleaned:  # one field: the line's own match
        return [(_LABELS[match[1].lower()], match[2].strip().strip("*_").strip())]
    result = []
    for part in _SEGMENT_SPLIT.split(cleaned):
        match = _LABEL_LINE.match(part)
        if match is None:
            continue  # the label group captured by the split
        result.append((_LABELS[match[1].lower()], match[2].strip().strip("*_").strip()))
    return result


class _Block:
    __slots__ = ("line", "fields")

    def __init__(self, line: int, fields: dict[str, str]) -> None:
        self.line = line
        self.fields = fields


def _body_tasks(
    minutes: Minutes, lines: list[str], first_line: int, context: _Context, fenced: bool = True
) -> None:
    """Task blocks of the body's `lines`; `fenced` False when no line can open a code block."""
    block: _Block | None = None
    after_blank = False
    in_fence = False

    def finish() -> None:
        nonlocal block
        if block is not None and block.fields.get("task"):
            fields = block.fields
            status = _status(fields.get("status"), block.line, context)
            minutes.tasks.append(
                _new_task(
                    minutes,
                    fields["task"],
                    fields.get("owner") or None,
                    fields.get("due") or None,
                    status,
                    block.line,
                    "body",
                    None,
                    _measure_ref(fields.get("measure")),
                )
            )
        block = None

    for number, line in enumerate(lines, start=first_line):
        if fenced and _FENCE.match(line):
            in_fence = not in_fence
            finish()
            continue
        if in_fence:
            continue
        if not line.strip():
            after_blank = block is not None
            continue
        segments = _segments(line) if ":" in line else None  # no label without a colon
        if segments is None:
            # Text continues the task's own text while no other field has been given.
            if block is not None and not after_blank and len(block.fields) == 1 and "task" in block.fields:
                block.fields["task"] = f"{block.fields['task']} {line.replace('**', '').strip()}".strip()
            elif block is not None:
                finish()
            after_blank = False
            continue
        for label, value in segments:
            if label == "task":
                finish()
                block = _Block(number, {"task": value})
            elif block is not None and label not in block.fields:
                # A blank line ends a block, unless the next line still gives one of its fields
                # (`**Úkol:** …`, blank, `**Zajistí:** …`, as Word exports often have it).
                block.fields[label] = value
            elif block is not None:
                finish()
        after_blank = False
    finish()


_FENCE_LINE = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)


def _fenced_spans(body: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks (```` ``` ```` … ```` ``` ````); an unclosed one runs to the end."""
    fences = [m.start() for m in _FENCE_LINE.finditer(body)]
    fences.append(len(body))
    return list(zip(fences[0:-1:2], fences[1::2], strict=False))


def _checklist_lines(body: str) -> Iterator[tuple[int, re.Match[str]]]:
    """`_CHECKLIST.finditer(body)`, faster, with the offset where each match's line starts."""
    if first := _CHECKLIST.match(body):
        yield 0, first
    for match in _CHECKLIST_LATER.finditer(body):
        yield match.start() + 1, match


def _body_checklist(minutes: Minutes, body: str, first_line: int) -> None:
    line = first_line
    position = 0
    fenced = _fenced_spans(body) if _may_have_fences(body) else []
    for line_start, match in _checklist_lines(body):
        line += body.count("\n", position, line_start)
        position = line_start
        if fenced and any(start <= position < end for start, end in fenced):
            continue  # an example in a code block, not an update
        task_id = match[2].rstrip(",;:.")
        note = match[3].strip().lstrip("–—-:").strip() or None
        update = Update(task_id, _MARKS[match[1]], note, line, "body", note_due(note, minutes.date))
        # `#` marks a task id; other first words are kept aside in case they are explicit
        # task ids, which only the whole archive knows (an ordinary checklist is not).
        (minutes.updates if "#" in task_id else minutes.loose_checks).append(update)

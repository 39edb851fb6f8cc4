"""Tasks: `Úkol: … Zajistí: … Termín: …` blocks (bold, plain, blank lines between, one line),
sections `Úkoly a termíny vyplývající z jednání` with lists or tables."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from typing import NotRequired, TypedDict

from ..core import dates
from ..core.i18n import _
from ..core.names import fold
from ..core.people import FIRST_NAMES, Case, surname_nominative
from ..core.vocabulary import MONTHS
from .nextmeeting import NEXT
from .people import is_role, looks_like_name, names_in_text, nominative_name
from .text import AGENDA_HEADING, CAPITAL, SMALL, is_bullet, loose, plain, rx, squash
from .when import DateHit, find_dates, roll_forward


class TaskDict(TypedDict):
    """A task as imported: its text, owner and deadline as written; `guess` says why a part
    of it is a guess (read from a sentence, a year added to the deadline), when it is one."""

    task: str
    owner: str | None
    due: str | None
    guess: NotRequired[str]


_FIELD_WORDS = {
    # `kdo: … | co: … | do: …`; `Úkol 3/26:` numbered by the meeting that set it
    "task": r"úkol(?:\s+č\.\s*\d+(?:/\d+)?|\s+\d{1,3}\s*/\s*\d{1,3})?|task|co",
    "owner": r"zajistí|zajišťuje|odpovídá|zodpovídá|zodpovědná osoba|zodpovědnost|odpovědná osoba|odpovědnost|"
    r"odpovědný|zodpovědný|řešitel|kdo|owner|gestor|Z|O",  # `O:` = odpovídá (`T: 31. 3., O: Mgr. …`)
    "due": r"termín(?:\s+splnění|\s+plnění)?|do kdy|due|deadline|T|do",  # `odpovídá: …, do: 31. 1.`
}
_FIELD = {
    name: re.compile(r"(?:^|(?<=[\s;,.(|]))(?:" + loose(words) + r")\s*:\s*", re.IGNORECASE)
    for name, words in _FIELD_WORDS.items()
}
_ANY_FIELD = re.compile(
    r"(?:^|(?<=[\s;,.(|]))(?P<label>" + "|".join(loose(w) for w in _FIELD_WORDS.values()) + r")\s*:\s*",
    re.IGNORECASE,
)
_SECTION = rx(
    r"^(?:\d{1,2}\s*[.)]\s*)?(?:(?:závěry|usnesení|shrnutí|dohody)\s+a\s+)?"
    r"(?:nové\s+|zadané\s+|přijaté\s+|přehled\s+|seznam\s+)?(?:úkoly|úkolů)\b"
    r"(?!\s+(?:z\s+minulého|z\s+předchozího))[^:]{0,80}:?\s*$"
)
# (the item numbered any way: `3. Kontrola úkolů`, `III. Kontrola plnění úkolů`, `c) Kontrola úkolů`)
_REVIEW = rx(
    r"^(?:(?:\d{1,2}|(?-i:[IVX]{1,4})|[a-h])\s*[.)]\s*)?(?:kontrola|plnění|vyhodnocení|stav)\s+(?:úkolů|plnění)"
)
_HEADER_WORDS = {
    "task": rx(r"^(?:úkol|úkoly|popis úkolu|činnost|aktivita|co)$"),
    "owner": rx(
        r"^(?:zajistí|odpovídá|zodpovídá|odpovědnost|odpovědná osoba|zodpovědná osoba|kdo|gestor|řešitel)$"
    ),
    "due": rx(r"^(?:termín|termín splnění|do kdy|kdy)$"),
}
_NO_YEAR_DAY = re.compile(r"^(?:do\s+)?(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?$")
_NO_YEAR_MONTH = rx(
    r"^(?:do\s+)?(?:konce\s+)?("
    + "|".join(dict.fromkeys(form for forms in MONTHS for form in forms[:2]))
    + r")$"
)
_DEADLINE_WORDS = rx(r"průběžně|trvale|ihned|neprodleně|do příštího|příští jednání|dle potřeby|stále")


def _clean(text: str) -> str:
    return squash(text).strip(" ;,|").rstrip(" (–-").strip()


def complete_due(due: str, meeting: dt.date | None) -> str:
    """A deadline as written; a day or month without a year gets the meeting's year (the next
    year when that would fall before the meeting): `15. 3.` -> `15. 3. 2021`."""
    due = _clean(due)
    if meeting is None:
        return due
    if m := _NO_YEAR_DAY.match(due):
        try:
            day = roll_forward(DateHit(int(m[1]), int(m[2]), None, 0, 0), meeting)
        except ValueError:
            day = None
        if day is not None:
            return re.sub(r"\.?\s*$", "", due) + f". {day.year}"
    if (hit := _named_day(due)) is not None and (day := roll_forward(hit, meeting)) is not None:
        return f"{due} {day.year}"  # `17. července` -> `17. července 2015`
    if m := _NO_YEAR_MONTH.match(due):
        month_end = dates.parse_deadline(f"{m[1]} {meeting.year}").end
        year = meeting.year + 1 if month_end is not None and month_end < meeting else meeting.year
        return f"{due} {year}"
    return due


def _named_day(text: str) -> DateHit | None:
    """`17. července` (`do 17. července`): a day with the month as a word and no year."""
    hits = find_dates(text)
    if len(hits) != 1 or hits[0].year is not None or not re.search(r"[^\W\d]{3}", text[hits[0].start :]):
        return None
    return (
        hits[0]
        if re.fullmatch(r"\s*(?:do\s+)?", text[: hits[0].start]) and not text[hits[0].end :].strip()
        else None
    )


def _deadline_like(text: str) -> bool:
    value = _clean(text)
    if not value:
        return False
    if dates.parse_deadline(value).kind not in ("unknown", "none"):
        return True
    hits = find_dates(value)
    return bool(
        _NO_YEAR_DAY.match(value)
        or _NO_YEAR_MONTH.match(value)
        or _named_day(value)
        or _DEADLINE_WORDS.search(value)
        or (len(hits) == 1 and hits[0].year is not None and hits[0].start <= 3)  # `15. XII. 2022`
    )


def _split_fields(line: str) -> dict[str, str]:
    """`Úkol: X; Zajistí: Y; Termín: Z` (any order, one or more labels) -> fields."""
    fields: dict[str, str] = {}
    matches = list(_ANY_FIELD.finditer(line))
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(line)
        label = match["label"]
        name = next(k for k, p in _FIELD.items() if p.match(f"{label}:"))
        value = _clean(line[match.end() : end].rstrip(" –-(")).strip("()")
        if name not in fields:
            fields[name] = value
    if (hits := find_dates(fields.get("due", ""))) and hits[0].start <= 3 and hits[0].year is not None:
        # `Termín: 30. 4. 2018 2. Různé Příští …`: a one-line transcript runs on after the date
        rest = fields["due"][hits[0].end :]
        if len(rest.strip()) > 3 and not rest.lstrip().startswith(("–", "-", "—")):
            fields["due"] = fields["due"][: hits[0].end]
    due = re.split(r"\s+[-–—]\s+", fields.get("due", ""), maxsplit=1)
    if len(due) == 2 and _deadline_like(due[0]) and not _deadline_like(due[1]):
        # `Z: Novák, T: 31. 10. 2022 – zpracovat podklady`: the task follows the deadline.
        fields["due"], fields["rest"] = due[0], due[1]
    return fields


# An owner or a deadline named by a word before it, without a colon, inside brackets or cells.
_OWNER_PREFIX = rx(
    r"^\s*(?:zodp\.|odp\.|zodpovídá|zodpovídají|odpovídá|odpovídají|zajistí|zodpovědná osoba|odpovědná osoba)"
    r"\s*:?\s+"
)
# `zodpovídá průběžně V. Sláma a J. Burian`: a deadline in a word between the owner word and the owners.
_DUE_BEFORE_OWNER = rx(r"^(?P<due>průběžně|trvale|ihned|neprodleně|stále)\s+(?=\S)")
_DUE_PREFIX = rx(r"^\s*(?:termín(?:\s+splnění)?|term\.)\s*:?\s+")


# `funkcionáři povinně`, `členové dobrovolně`: how they take part, no part of who they are.
_MANNER = rx(r"\s+(?:povinně|dobrovolně|nepovinně|fakultativně)\s*$")
# `funkcionáři, termín 20. 4. 2019`, `Novák; do 15. 4.`: an owner cell that goes on with the deadline.
_OWNER_THEN_DUE = rx(
    r"^(?P<owner>.+?)\s*[,;]\s*(?:termín(?:\s+splnění)?|term\.)?\s*:?\s*(?P<due>(?:do\s+)?\d.*|do\s+\S.*)$"
)


# What parts the cells of a task line: ` | `, a dash between spaces, tabs.
_CELL_SEPARATOR = re.compile(r"\s+\|\s+|\s+[-–—]\s+|\t+")


def _names_no_one(part: str) -> bool:
    """True for a bracket's one part that names no one: words in lower case (`letáky`, `tisk a web`)
    that are neither a role or body that owns tasks (`předsedkyně`, `všichni členové`, `starosta`) nor
    a deadline or a labelled owner or deadline."""
    part = part.strip()
    return (
        bool(part)
        and part[:1].islower()
        and len(part.split()) <= 3
        and not _OWNER_ROLE.match(part)
        and not is_role(part)
        and not _deadline_like(part)
        and not _OWNER_PREFIX.match(part)
        and not _DUE_PREFIX.match(part)
        and not _COURTESY_WORD.match(part)
    )


# `pan Novák`, `p. Nová`, `pí Malá`: a person in lower case
_COURTESY = r"(?:pan|paní|pí|p|sl|slečna)"
_COURTESY_WORD = rx(rf"^{_COURTESY}\.?\s+\S")
_COURTESY_PREFIX = rx(rf"^{_COURTESY}(?:\.\s*|\s+)(?=\S)")


def _cell_fields(text: str) -> dict[str, str]:
    """`text – owner – due`, `text | owner | due` or `text (owner, due)` -> fields."""
    cells = [c for c in _CELL_SEPARATOR.split(text) if c.strip()]
    bracket = re.search(r"\(([^()]*)\)\s*$", text)
    if bracket and not _CELL_SEPARATOR.search(text[: bracket.start()]):
        cells = cells[:1]  # `Vytvořit seznam členů (PO - Petr Bajgar)`: the dash is the bracket's own
    if len(cells) < 2 and bracket:
        parts = [part.strip() for part in bracket[1].split(",") if part.strip()]
        if parts and all(_MANNER.search(part) for part in parts):
            # `(funkcionáři povinně, členové dobrovolně)`: who takes part how, no one's task to own
            return {"task": text[: bracket.start()]}
        if len(parts) >= 2 and not any(
            _deadline_like(part)
            or _OWNER_PREFIX.match(part)
            or _DUE_PREFIX.match(part)
            or len(part.split()) > 3
            for part in parts
        ):
            if all(_is_person(part) or _OWNER_ROLE.match(part) for part in parts):
                # `(předsednictvo, vedoucí odborů)`, `(Martin Šmída, Jan Novák)`: owners together
                return {"task": text[: bracket.start()], "owner": ", ".join(parts)}
            # `Zajistit propagaci (letáky, plakáty, web)`: examples of what to do, part of the task
            return {"task": text}
        if len(parts) == 1 and _names_no_one(parts[0]):
            # `Zajistit propagaci (letáky)`: one common noun in lower case says what, not who
            return {"task": text}
        cells = [text[: bracket.start()], *bracket[1].split(",")]
    if len(cells) >= 3 and _is_person(cells[0].strip()) and not _is_person(cells[1].strip()):
        cells = [
            cells[1],
            cells[0],
            *cells[2:],
        ]  # `Bc. Wolfová – rozeslat přehled – do 9. 9.`: the owner first
    fields = {"task": cells[0] if cells else text}
    for cell in cells[1:]:
        if "owner" not in fields and (owner := _OWNER_PREFIX.match(cell)) is not None:
            fields["owner"] = cell[owner.end() :]  # `(zodp. Mgr. Vašková, termín 31. 10.)`
            if (then := _OWNER_THEN_DUE.match(fields["owner"])) is not None and _deadline_like(then["due"]):
                # `zodpovídají funkcionáři, termín 20. 4. 2019`: the deadline after the owner, in one cell
                fields["owner"] = then["owner"]
                fields.setdefault("due", then["due"])
            fields["owner"] = _MANNER.sub("", fields["owner"]) or fields["owner"]
            if "due" not in fields and (early := _DUE_BEFORE_OWNER.match(fields["owner"])) is not None:
                fields["due"], fields["owner"] = early["due"], fields["owner"][early.end() :]
            continue
        if (
            "due" not in fields
            and (due := _DUE_PREFIX.match(cell)) is not None
            and _deadline_like(cell[due.end() :])
        ):
            fields["due"] = cell[due.end() :]
            continue
        if "due" not in fields and _deadline_like(cell):
            fields["due"] = cell
        elif "owner" not in fields and (looks_like_name(cell.split(",")[0]) or len(cell) <= 40):
            fields["owner"] = cell
        else:
            fields["task"] = f"{fields['task']} – {cell}"
    return fields


def _make(fields: dict[str, str], meeting: dt.date | None) -> TaskDict | None:
    """A task from its fields; a labelled task text that carries its own owner and deadline
    (`Úkol: zjistit náklady – Mgr. Adam Kříž – do 15. 4. 2023`) is split. None without text."""
    if (
        "owner" not in fields
        and "due" not in fields
        and (cells := _cell_fields(fields.get("task", ""))).get("due")
    ):
        fields = cells
    if "owner" not in fields and (members := _members_first(fields.get("task", ""))) is not None:
        # `Úkol: všichni členové PS zašlou připomínky …`: the members (or a person), then the verb of the task
        fields = {**fields, "owner": members[0], "task": members[1]}
    text = _clean(fields.get("task", "")) or _clean(fields.get("rest", ""))
    if not text:
        return None
    owner = _clean(fields.get("owner", "")) or None
    due = complete_due(fields["due"], meeting) if fields.get("due") else None
    task: TaskDict = {"task": text, "owner": owner, "due": due or None}
    why = [fields["guess"]] if fields.get("guess") else []
    if due and due != _clean(fields["due"]):
        why.append(_("the deadline's year taken from the meeting's date"))
    if why:
        task["guess"] = "; ".join(why)
    return task


_LABEL_LINE = re.compile(r"^[^\W\d][^:]{0,30}:")
_MINUTES_TITLE = rx(r"^\W*(?:\d{1,3}\s+)?(?:zápis|záznam|z\s?á\s?p\s?i\s?s)\b")


_ARABIC_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[a-h]\))\s+")
_ROMAN_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[a-h]\)|(?:I{1,3}|IV|VI{0,3}|IX|X{1,2}I{0,3})\.)\s+")
_SECOND_ROMAN = re.compile(r"^\s*II\.\s+\S")


def _blocks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """`Úkol:` blocks; a block ends at a line that is not one of its fields."""
    tasks: list[tuple[int, TaskDict]] = []
    current: dict[str, str] | None = None
    start = 0
    blanks = 0

    def finish() -> None:
        nonlocal current
        if current is not None and "task" not in current:
            # owner and deadline only: the task is the line before them, or there is none
            current = {**current, "task": current.pop("before")} if "before" in current else None
        if current is not None and (task := _make(current, meeting)) is not None:
            tasks.append((start, task))
        current = None

    previous = ""  # the line before, when it held no field: the task of `Z: … T: …` after it
    numbered = _ROMAN_ITEM if any(_SECOND_ROMAN.match(plain(raw)) for raw in lines) else _ITEM_NUMBER
    for number, raw in enumerate(lines):
        line = plain(raw)
        if not line:
            blanks += 1
            previous = ""
            if blanks > 2:
                finish()
            continue
        fields = _split_fields(line) if _ANY_FIELD.search(line) else {}
        starts = bool(fields) and _ANY_FIELD.match(line) is not None
        # `Z: …`, `T: …`, then `Úkol: …` of the same task
        pending = current is not None and "task" not in current
        if starts and "task" in fields and pending and not set(fields) & set(current or {}):
            current = {**(current or {}), **fields}
            current.pop("before", None)
            blanks, previous = 0, ""
            continue
        if starts and "task" in fields:
            finish()
            current, start = fields, number
            blanks, previous = 0, ""
            continue
        if current is None and starts and {"owner", "due"} & set(fields) and not fields.get("rest"):
            # `Poskytovatelé zkontrolují údaje.` / `Z: poskytovatelé` / `T: průběžně`
            current, start = dict(fields), number
            # not after a numbered heading, nor after a head's label (`Kde: MěÚ`), nor under the title
            # (`Zápis z jednání …` / `Termín: 3. 4. 2019, 14:00`: the meeting's day, no task's deadline)
            if _MINUTES_TITLE.match(previous) and set(fields) == {"due"}:
                current = None
                blanks, previous = 0, ""
                continue
            if previous and not (
                _ANY_FIELD.search(previous) or numbered.match(previous) or _LABEL_LINE.match(previous)
            ):
                current["before"] = previous
            blanks, previous = 0, ""
            continue
        if current is not None and starts and not (set(fields) & set(current)):
            current.update(fields)
            blanks = 0
            continue
        if current is not None and not fields and set(current) == {"task"} and blanks == 0:
            if current["task"]:
                current["task"] = f"{current['task']} {line}"
            else:
                current["task"] = line
            continue
        if current is not None and current.get("task") == "" and blanks <= 1:
            current["task"] = line  # `Úkol:` with the text on the next line
            blanks = 0
            continue
        finish()
        blanks = 0
        previous = line if not fields else ""
    finish()
    return tasks


_WIDE_GAP = re.compile(r"\t+|\s{2,}")


def _spaced_cells(raw: str) -> list[str]:
    """The cells of a table row exported as text with tabs or runs of spaces between them
    (`Rozeslat návrh    Mgr. Lenka Pokorná    30. 11. 2023`); empty for a line of one cell."""
    cells = [plain(c) for c in _WIDE_GAP.split(raw.strip()) if c.strip()]
    return cells if len(cells) >= 2 else []


def _table_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Rows of a table whose header names the task, owner and deadline columns."""
    tasks: list[tuple[int, TaskDict]] = []
    columns: dict[str, int] | None = None
    for number, raw in enumerate(lines):
        line = plain(raw)
        cells = [c.strip() for c in line.split("|")] if "|" in line else _spaced_cells(raw)
        if not cells:
            columns = None
            continue
        header = {
            name: n
            for n, cell in enumerate(cells)
            for name, pattern in _HEADER_WORDS.items()
            if pattern.match(cell.strip(" :*"))
        }
        if "task" in header and len(header) >= 2:
            columns = header
            continue
        if columns is None:
            continue
        fields = {name: cells[n] for name, n in columns.items() if n < len(cells)}
        if (task := _make(fields, meeting)) is not None:
            tasks.append((number, task))
    return tasks


def _item_task(text: str, meeting: dt.date | None) -> TaskDict | None:
    """One item of a task section: labels, `text – owner – due`, or `text (owner, due)`."""
    fields: dict[str, str]
    if _ANY_FIELD.search(text):
        fields = _split_fields(text)
        if "task" not in fields:
            first = _ANY_FIELD.search(text)
            assert first is not None
            fields["task"] = text[: first.start()]
        return _make(fields, meeting)
    cells = _cell_fields(text)
    if "owner" not in cells and "due" not in cells and (sentence := sentence_fields(text)) is not None:
        return _make({**sentence, "task": text, "guess": _("owner and deadline from a sentence")}, meeting)
    return _make(cells, meeting)


# --- tasks written as sentences ------------------------------------------------------------------

# The verbs a task sentence is built on, in the 3rd person of the future (singular, plural):
# `Koordinátorka zašle …`, `Členové PS vyjádří …`, `pan Novák zpracuje do 17. července …`.
_TASK_VERBS = (  # noqa: SIM905 - a word list reads better as text
    "zašle zašlou pošle pošlou rozešle rozešlou předloží předloží předají předá zpracuje zpracují "
    "projedná projednají vyjádří připraví sestaví zajistí osloví prověří zjistí doplní aktualizuje "
    "aktualizují svolá svolají informuje informují provede provedou navrhne navrhnou ověří domluví "
    "kontaktuje kontaktují dodá dodají vypracuje vypracují zveřejní upraví odešle odešlou vyhodnotí "
    "zmapuje zmapují prodiskutuje prodiskutují promyslí "
    "zkontroluje zkontrolují zorganizuje zorganizují vyplní prostuduje prostudují pozve pozvou objedná "
    "objednají vytvoří prokonzultuje prokonzultují zkonzultuje zkonzultují vyrobí požádá požádají "
    "obstará obstarají zařídí vyřídí rozdělí podá podají vybere vyberou vyvěsí vyhotoví vyzvedne vyzvednou"
).split()
# Verbs of the list that are imperfective (or either): in the present they tell what happens now
# (`Koordinátorka informuje členy …`), so only a deadline makes such a sentence a task. The rest
# are perfective: their present form means the future, a promise that is a task even without one.
_IMPERFECTIVE = {"informuje", "informují", "aktualizuje", "aktualizují", "kontaktuje", "kontaktují"}
_VERB = rx(r"(?<![\w])(?:" + "|".join(sorted(set(_TASK_VERBS), key=len, reverse=True)) + r")(?![\w])")
# Where the subject of the sentence ends before the verb: `Koordinátorka KPSS společně s …`.
_SUBJECT_END = rx(r"\s+(?:společně|spolu|s|se|během|do|na|v|ve|po|před|dne|ihned|následně|neprodleně)\s")
# `…, že` before the subject: `Domluveno, že pan Novák zpracuje …`.
_THAT = rx(r"^.*?\bže\s+")
# `do dalšího zasedání výboru, které se bude konat 14.12.2006`: the next meeting as the deadline, and
# its day told in a clause
_NEXT_MEETING_TOLD = (
    r"\bdo\s+(?:příštího|dalšího)\s+(?:jednání|setkání|zasedání)(?:\s+[^\W\d]+)?\s*,\s*(?:které|jež)\s+se\s+"
    r"(?:bude\s+konat|koná|uskuteční)(?:\s+dne)?"
)
_SENTENCE_DUE = rx(
    r"(?:"
    + _NEXT_MEETING_TOLD
    + r"|\bs\s+termínem|\bv(?:e)?\s+(?:stanoveném\s+)?termínu(?:\s+do)?|\btermín(?:em)?(?:\s+do)?|\bdo)\s+"
    r"(?P<value>\d{1,2}\s*\.\s*(?:\d{1,2}\s*\.(?:\s*\d{4})?|(?-i:[IVX]{1,4})\s*\.(?:\s*\d{4})?|[^\W\d]+(?:\s+\d{4})?))"
)
# A deadline in words, kept with its `do`: `do konce dubna`, `do 7 dnů`, `do dvou týdnů`.
_WORDED_DUE = rx(
    r"\b(?P<value>do\s+(?:konce|poloviny|začátku)\s+(?:"
    + "|".join(dict.fromkeys(forms[1] for forms in MONTHS))
    + r")(?:\s+\d{4})?|do\s+(?:\d{1,3}|jednoho|dvou|tří|čtyř|pěti|deseti|čtrnácti)\s+(?:pracovních\s+|kalendářních\s+)?"
    r"(?:dnů|dní|týdnů|týdne|měsíců|měsíce))\b"
)
# A label before the sentence of a task: `Dohodnuto: Bc. Pavel Oláh zmapuje …`, `Závěr: …`.
_LEAD_LABEL = re.compile(r"^[^\W\d]+(?:\s+[^\W\d]+){0,2}\s*:\s+")
_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[.)/]|[a-h]\)|ad\s+\d{1,2}\s*[.)]?)\s+", re.IGNORECASE)
_SUBJECT = re.compile(rf"^(?:(?:pan|paní|p\.|pí)\s+)?{CAPITAL}")
# A full stop ends a sentence after a word (not an initial or a title: `J.`, `Mgr.`) or a year
# (`do 30. 4. 2024. Koordinátorka …`), not after the day or month of a date; and after an acronym of
# two capitals or more before a word in lower case (`na zahradě MŠ. Členky komise zajistí …`).
_SPLIT_SENTENCES = re.compile(
    rf"(?:(?<!{CAPITAL})(?<![A-Z][a-z])(?<![A-Z][a-z]{{2}})(?<!\d)(?<!\bp)(?<!\bpí)|(?<=\d{{4}}))[.!?]\s+(?={CAPITAL})"
    # (not before a lone initial and a word in lower case, `Orkáč. R. prověří …`: a surname's stray full stop)
    rf"(?!{CAPITAL}\.\s+{SMALL})"
    rf"|(?:(?<=\b{CAPITAL}{CAPITAL})|(?<=\b{CAPITAL}{{3}}))[.!?]\s+(?={CAPITAL}{SMALL}{{2}})"
    # and after an hour (`Příprava proběhne od 17:30. Zprávy …`)
    rf"|(?<=\d:\d\d)[.!?]\s+(?={CAPITAL})"
    # and after a short surname behind `pan`/`paní` (`… zajistil pan Kos. Letos …`), not a title (`pan Mgr.`)
    rf"|(?:(?<=\bpan {CAPITAL}{SMALL})|(?<=\bpan {CAPITAL}{SMALL}{{2}})|(?<=\bpaní {CAPITAL}{SMALL})"
    rf"|(?<=\bpaní {CAPITAL}{SMALL}{{2}}))(?<!Bc)(?<!Dr)(?<!Mgr)(?<!Ing)(?<!Doc)[.!?]\s+(?={CAPITAL})"
)


# An object pronoun (`vyrobí ho J. Trávníček`, `zajistí ho Petr Kos`).
_OBJECT_PRONOUN = r"(?:jej|ho|ji|je|to|mu|jim)"
_CLITIC_BEFORE_VERB = rx(rf"\s+{_OBJECT_PRONOUN}$")
# The last comma or `a` of a subject: where a new clause may begin.
_NEW_CLAUSE = re.compile(r"(?:,\s*(?:a\s+)?|\s+a\s+)(?!.*(?:,|\sa\s))")


def sentence_fields(text: str, attending: frozenset[str] = frozenset()) -> dict[str, str] | None:
    """The owner and deadline of a task written as a sentence (`Členové PS zašlou připomínky
    s termínem 8. 2. 2017`, `Domluveno, že pan Novák zpracuje do 17. července výstup`): the
    subject before a task verb, and a date after `do`/`s termínem`/`ve stanoveném termínu`.
    None when no sentence of `text` has a task verb with a subject. `attending`: the folded words of
    the attendance's names (a nickname's surname must be there)."""
    for sentence in _SPLIT_SENTENCES.split(text):
        verb = _VERB.search(sentence)
        if verb is None:
            continue
        subject = _THAT.sub("", _LEAD_LABEL.sub("", _ITEM_NUMBER.sub("", sentence[: verb.start()])))
        # `Vánoční sbírka – Horáková E. zajistí …`: the heading of an item before a dash is no subject
        subject = next((s for s in reversed(re.split(r"\s[-–—](?:\s|$)", subject)) if s.strip()), "")
        subject = subject.strip(" ,;:–-")
        # `Rozpis byl schválen a Jirka Řezníček jej rozešle`: a pronoun object before the verb
        subject = _CLITIC_BEFORE_VERB.sub("", subject)
        if (joint := _NEW_CLAUSE.search(subject)) is not None:
            # `zajištěno p. Bitnerová, p. Kulíšek doplní …`, `… schválen a Jirka Řezníček jej rozešle`: a
            # new clause after a comma or `a`, its subject a person; not one of a list of people (`Jan
            # Kos, Eva Malá zašlou …`, `Jan Kos a Eva Malá zašlou …`: the owner is both)
            before, after = subject[: joint.start()], subject[joint.end() :].strip()
            before = re.split(r"\s[-–—](?:\s|$)", before)[-1].strip(" ,;:–-")
            # (nor a role and a person, `Koordinátorka KPSS a paní Malá zajistí …`: both own it)
            listed = joint[0].strip() == "a" and bool(_ROLE_SUBJECT.match(before) or is_role(before))
            if (
                (_is_person(after) or _nickname_present(after, attending))
                and not listed
                and not _is_person(before)
                and not _is_person(before.split(",")[-1].strip())
            ):
                subject = after
        if (cut := _SUBJECT_END.search(f"{subject} ")) is not None:
            subject = subject[: cut.start()]
        # (a role in lower case opens a bullet: `- předseda FV do … předloží plán práce`)
        if (
            not subject
            or not (
                _SUBJECT.match(subject) or _ROLE_SUBJECT.match(subject) or _MEMBERS_OF_A_BODY.match(subject)
            )
            or len(subject.split()) > 6
            or "," in subject
        ):
            continue
        fields = {"owner": subject, "task": sentence[verb.start() :]}
        dues = [m for m in _SENTENCE_DUE.finditer(sentence) if _deadline_like(m["value"])]
        if not dues:  # the deadline may close a later sentence of the same item
            dues = [m for m in _SENTENCE_DUE.finditer(text) if _deadline_like(m["value"])]
        if dues:
            fields["due"] = dues[-1]["value"]
        elif (worded := _WORDED_DUE.search(sentence)) is not None:
            fields["due"] = worded["value"]
        return fields
    return None


_OWNER_COLON = re.compile(r"^(?P<owner>[^:]{3,40}):\s+(?P<task>\S.+)$")


_LONE_INITIAL = re.compile(rf"^\s*[IVX]\.\s+{CAPITAL}{SMALL}+\s")


def _roman_block(lines: list[str], start: int) -> bool:
    """True when the section's own list from `start` (its items, blank lines between them, indented
    continuations; up to the first other line) holds a `II.` item."""
    for raw in lines[start:]:
        line = plain(raw)
        if _SECOND_ROMAN.match(line):
            return True
        if line.strip() and not (_ROMAN_ITEM.match(line) or is_bullet(raw) or raw[:1].isspace()):
            return False
    return False


def _section_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    tasks: list[tuple[int, TaskDict]] = []
    in_section = False
    blanks = 0
    kinds: set[str] = set()  # how the section's items are marked
    opened: int | None = None  # the indent of an item ending in `:`, whose sub-items follow
    # `I. Koordinátorka zpracuje …` / `II. Členové zašlou …`: items numbered in Roman numerals, only
    # where a second one (`II.`) shows it in the section's own block (a lone `I.` or `V.` is as likely
    # an initial: `V. Novák zajistí …` under `Úkoly:` of minutes whose agenda alone is Roman-numbered)
    marker = _ROMAN_ITEM if any(_SECOND_ROMAN.match(plain(raw)) for raw in lines) else _ARABIC_ITEM
    roman_here = False
    for number, raw in enumerate(lines):
        line = plain(raw)
        if not line:
            blanks += 1
            continue
        if _SECTION.match(line) and not _REVIEW.match(line):
            in_section, blanks, kinds, opened = True, 0, set(), None
            roman_here = _roman_block(lines, number + 1)
            continue
        if not in_section:
            continue
        item = marker.sub("", line)
        listed = is_bullet(raw) or item != line
        if item != line and not roman_here and _LONE_INITIAL.match(line):
            line = item = line.strip()  # `V. Novák zajistí …`: the owner's initial, no number
        indent = len(raw) - len(raw.lstrip())
        if listed and opened is not None and indent > opened and tasks:
            # `1. Členové zašlou tyto informace:` then the deeper `1. …`, `2. …`: one task.
            at, parent = tasks[-1]
            tasks[-1] = (at, {**parent, "task": squash(f"{parent['task']} {item}")})
            blanks = 0
            continue
        opened = indent if listed and line.rstrip().endswith(":") else None
        kind = "numbered" if item != line else "bullet" if listed else "plain"
        if listed and kinds and kind not in kinds:
            in_section = False  # `- úkol …` then `3. Různé`: the next agenda item, not a task
            continue
        kinds.add(kind)
        if _ANY_FIELD.match(line) and _FIELD["task"].match(line):
            in_section = False  # `Úkol:` blocks are read as blocks
            continue
        if not listed and ("|" in line or blanks > 1 or len(line) > 200):
            in_section = False
            continue
        owned = _OWNER_COLON.match(line)
        if owned is not None and _is_person(owned["owner"].strip()):
            # `Mgr. Horká: zjistit nabídku kurzů do 16. 6. 2023`: the owner, a colon, the task
            fields = {"owner": owned["owner"].strip(), "task": owned["task"]}
            if (due := _SENTENCE_DUE.search(owned["task"])) is not None or (
                due := _WORDED_DUE.search(owned["task"])
            ):
                fields["due"] = due["value"]
                fields["task"] = squash(owned["task"][: due.start()] + owned["task"][due.end() :]).strip(
                    " ,;."
                )
            if (task := _make(fields, meeting)) is not None:
                tasks.append((number, task))
            blanks = 0
            continue
        if not listed and not _ANY_FIELD.search(line) and not _DASH_OWNER.search(line):
            in_section = False
            continue
        if (task := _item_task(item, meeting)) is not None:
            tasks.append((number, task))
        blanks = 0
    return tasks


# Owner and deadline named in a sentence, without colons:
# `Členové PS zašlou náměty, termín do 15. 11. 2023, zodpovídá Ing. Lenka Bařinová.`
_PROSE_DUE = rx(r"\btermín(?:\s+splnění)?\s+(?P<value>[^,;()]+?)\s*(?=[,;)]|\s[-–—]\s|\.?\s*$)")
_PROSE_OWNER = rx(
    r"\b(?:zodpovídá|odpovídá|zodpovědná osoba|odpovědná osoba|zajistí)\s+(?P<value>[^,;]+?)\s*(?=[,;]|\s[-–—]\s|\.?\s*$)"
)


def _loose_task(line: str, meeting: dt.date | None) -> TaskDict | None:
    """A task written on one line of running text, wherever it stands: the text, then both an
    owner and a deadline (`… – T: 31. 7. 2023 – Z: Bc. Patrik Kaleta`, `…, termín do 15. 11.
    2023, zodpovídá Ing. Lenka Bařinová`). None for any other line."""
    if _ANY_FIELD.search(line):
        fields = _split_fields(line)
        first = _ANY_FIELD.search(line)
        assert first is not None
        text = line[: first.start()]
    else:
        due, owner = _PROSE_DUE.search(line), _PROSE_OWNER.search(line)
        if due is None or owner is None:
            return None
        fields = {"due": due["value"], "owner": owner["value"]}
        text = line[: min(due.start(), owner.start())]
    if "task" in fields or "due" not in fields or "owner" not in fields or not _deadline_like(fields["due"]):
        return None
    fields["task"] = re.sub(r"^\s*(?:\d{1,2}\s*[.)]|[a-h]\))\s+", "", text).rstrip(" ,;–-")
    return _make(fields, meeting)


def _loose_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Tasks written as one line of running text (see `_loose_task`)."""
    found = ((number, _loose_task(plain(raw), meeting)) for number, raw in enumerate(lines))
    return [(number, task) for number, task in found if task is not None]


# `pan Novák`, `p. Kučera`, `PhDr. Rösslerová` (a title before a surname), `Horáková E.` (a surname
# and an initial, as short minutes write people, also with a stray full stop, `Orkáč. R.`; `J. Pecka`, an
# initial first).
_PERSON_SUBJECT = re.compile(
    rf"^(?:(?:[Pp]an|[Pp]aní|p\.|pí)\s+(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*(?:{CAPITAL}\.\s*)?{CAPITAL}[\w-]+"
    rf"|(?:(?:Mgr|Bc|Ing|PhDr|MUDr|JUDr|RNDr|PaedDr|Dr|doc|prof|DiS|MgA|BcA)\.\s*)+{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?"
    rf"|{CAPITAL}{SMALL}+\.?\s+{CAPITAL}\.|{CAPITAL}\.\s*{CAPITAL}{SMALL}{{2,}}(?:-{CAPITAL}{SMALL}+)?)$"
)


# `na příštím setkání pracovní skupiny`: a deadline that is the next meeting.
_NEXT_DUE = rx(
    _NEXT_MEETING_TOLD + r"\s+\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}|"
    r"\bna\s+příštím\s+(?:jednání|setkání|zasedání)(?:\s+(?:pracovní\s+skupiny|skupiny|PS)\b)?|"
    r"\bna\s+příští\s+(?:schůzce|poradě)|\bdo\s+příštího\s+(?:jednání|setkání|zasedání)(?:\s+(?:skupiny|PS)\b)?|"
    r"\bpro\s+příští\s+(?:jednání|setkání|zasedání)"
)
# One person named by their role, given a task in the running text (`Koordinátorka do příštího
# jednání zajistí …`); a whole class of people (`Poskytovatelé zašlou …`) is too vague to be one.
_ROLE_SUBJECT = rx(
    r"^(?:koordinátor(?:ka)?|vedoucí|předsed(?:a|kyně)|místopředsed(?:a|kyně)|manažer(?:ka)?|"
    r"tajemník|tajemnice|garant(?:ka)?|zapisovatel(?:ka)?)(?:\s+[\w.]+){0,3}$"
)
# `Výsledky předloží paní Nová na příštím jednání`: the person after the verb; also `p.`/`pí` or an
# initial before the surname (`Hosta zajistí p. Málková`, `prokonzultuje T. Prousek s …`), `pan`
# before a role (`pošle pan předseda`), and after a pronoun object (`vyrobí ho J. Trávníček`).
# (`Plakát vyhotoví do 10.8.2018 Orkáč R., …`, `Lavičky zajistí Jochec F.`: a surname and an initial, as
# short minutes write people, after the verb and a deadline; the clause ends after it)
_OWNER_AFTER_VERB = re.compile(
    rf"^\s+(?:{_OBJECT_PRONOUN}\s+)?(?:do\s+\d{{1,2}}\.\s*\d{{1,2}}\.\s*(?:\d{{4}}\s+)?(?={CAPITAL}{SMALL}+\s+{CAPITAL}\.))?"
    # (the deadline may close the clause after it: `Pozvánky rozešle Dvořák J. do 5. 4. 2021.`)
    rf"(?P<owner>{CAPITAL}{SMALL}+\s+{CAPITAL}\.(?=\s*(?:[,;]|\.?\s*$|(?:nejpozději\s+)?do\s+\d{{1,2}}\.\s*\d{{1,2}}\.(?:\s*\d{{4}})?\s*[.;]?\s*$))"
    rf"|(?:(?:[Pp]an|[Pp]aní|p\.|pí)\s*(?:{CAPITAL}\.\s*|{CAPITAL}{SMALL}+\s+(?={CAPITAL}))?|{CAPITAL}\.\s*)"
    rf"{CAPITAL}[\w-]+"
    r"|(?:[Pp]an|[Pp]aní)\s+(?:předsed(?:a|kyně)|místopředsed(?:a|kyně)|tajemník|tajemnice|starost(?:a|ka)|"
    r"ředitel(?:ka)?|koordinátor(?:ka)?|pokladní(?:k)?|jednatel(?:ka)?))(?![\w-])"
)
# Several people after the verb, who share the task (`… si rozdělí Karel Šimek, Roman Kučera a Jiří Balcar`,
# `…, kterou zajistí – J. Lorencová, M. Lorenc a J. Pecka.`): each an initial and a surname or a first
# name and a surname, joined by commas and one `a`, the list closing the sentence.
_LISTED_PERSON = rf"(?:{CAPITAL}\.\s*|{CAPITAL}{SMALL}+\s+){CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?"
_OWNERS_AFTER_VERB = re.compile(
    rf"^\s+(?:[-–—]\s+)?(?:{_OBJECT_PRONOUN}\s+)?"
    rf"(?P<owner>{_LISTED_PERSON}(?:\s*,\s*{_LISTED_PERSON}){{0,4}}\s+a\s+{_LISTED_PERSON})\s*[.;]?\s*$"
)


def _declined_of_present(surname: str, attending: frozenset[str]) -> bool:
    """`Sýkoru`, `Duba`, `Líska`, `Vrbu` where Sýkora, Dub, Lísek and Vrba attended: a surname declined from
    one at the meeting (the object of the verb, not its subject)."""
    word = fold(surname)
    if word in attending or word[-1:] not in ("a", "u", "y", "e") or len(word) < 4:
        return False
    stem = word[:-1]
    return bool({stem, f"{stem}a", f"{stem[:-1]}e{stem[-1]}"} & attending)


def _declined_absent(owner: str, attending: frozenset[str]) -> bool:
    """`p. Nováka`, `pana Dvořáka`, `p. Kučery`: a man's surname ending in `-a`, `-u` or `-y` that no one at the
    meeting bears is (mostly) declined — whose complaint, whom to invite — so no owner."""
    # kpss: odhad – a nominative in `-a` (`p. Procházka`) of someone absent is lost with it; precision first
    surname = owner.split()[-1]
    if (
        re.match(r"(?i)^(?:paní|pí)\b", owner)
        or not surname[:1].isupper()
        or not surname.endswith(("a", "u", "y"))
    ):
        return False
    return fold(surname) not in attending or _declined_of_present(surname, attending)


def _owners_after_verb(rest: str, attending: frozenset[str]) -> re.Match[str] | None:
    """The people listed after a task verb who share its task (`_OWNERS_AFTER_VERB`), or None. Each
    named by a first name must be a known first name and at the meeting (a list after the verb may name
    anyone, `vystoupí Jan Kos a Eva Malá`); one named by an initial needs no more."""
    listed = _OWNERS_AFTER_VERB.match(rest)
    if listed is None:
        return None
    for person in re.split(r"\s*,\s*|\s+a\s+", listed["owner"]):
        first, surname = person.split()[0], person.split()[-1]
        if not first.endswith(".") and (fold(first) not in FIRST_NAMES or fold(surname) not in attending):
            return None
        if fold(surname).endswith(_DECLINED_SURNAME) or _declined_of_present(surname, attending):
            return (
                None  # (`předá Janu Kosovi a Evě Malé`: to whom, not who; `osloví P. Sýkoru, K. Duba`: whom)
            )
    return listed


# `Motorové pily zajistí účastníci brigády.`, `Pozvánky rozešlou členové výboru.`: the members or the participants
# of something in the nominative plural (`členy`, `účastníky` would be the object), closing the sentence.
# Only bare, or of the meeting's own body or event (`účastníci konference`, `členové Klubu důchodců`: others).
_PEOPLE_AFTER_VERB = rx(
    r"^\s+(?P<owner>(?:všichni\s+|ostatní\s+)?(?:účastníci|účastnice|členové|členky)"
    r"(?:\s+(?-i:(?:pracovní\s+)?skupiny|výboru|komise|rady|spolku|sboru|brigády|akce))?)\s*[.;]?\s*$"
)
# People after the verb, each with what is theirs in a bracket (`Josef Hora ml. (činnost SDH, muži), Jana Malá
# (mládež)`), joined by commas and at most one `a`, the list closing the sentence.
_BRACKETED_PERSON = rf"{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?(?:\s+(?:ml|st)\.)?"
_BRACKETED_OWNERS = re.compile(
    rf"^\s+(?:(?:si|se)\s+)?(?P<list>{_BRACKETED_PERSON}\s*\([^()]*\)(?:\s*(?:,|\s+a\s+)\s*"
    rf"{_BRACKETED_PERSON}\s*\([^()]*\))+)\s*[.;]?\s*$"
)


def _bracketed_owners(rest: str, attending: frozenset[str]) -> str | None:
    """The people listed after a task verb with a bracket each (`_BRACKETED_OWNERS`), without the brackets, or
    None. Each must be named by a known first name in the nominative, and one at least at the meeting (or the
    owner of another task there), as a list after the verb may name whom, not who."""
    listed = _BRACKETED_OWNERS.match(rest)
    if listed is None:
        return None
    people = re.findall(_BRACKETED_PERSON, re.sub(r"\([^()]*\)", "", listed["list"]))
    for person in people:
        first, surname = person.split()[0], _JUNIOR.sub("", person).split()[-1]
        if fold(first) not in FIRST_NAMES or fold(surname).endswith(_DECLINED_SURNAME):
            return None
        if _declined_absent(person, attending) and fold(surname) not in attending:
            return None
    # kpss: odhad – one of them known from these minutes vouches for the list
    if not any(fold(_JUNIOR.sub("", person).split()[-1]) in attending for person in people):
        return None
    return ", ".join(people)


_ONE_OBJECT = re.compile(rf"^\s+{SMALL}{{3,}}\s")
# A first name and a surname, already checked against the attendance (`_NAME_AFTER_VERB`).
_LISTED_ONE = re.compile(rf"^{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+$")
# `žádost podá a začne se sběrem podkladů p. Kulíšek`: the owner, with a courtesy word, closes the clause
# after the object or a second verb of the same subject (up to eight words in lower case between; not after
# a preposition, `zajistí dopravu pro p. Nováka`).
_OWNER_CLOSES_CLAUSE = re.compile(
    rf"^\s+(?P<between>(?:{SMALL}+\s+){{1,8}}?)"
    rf"(?P<owner>(?:[Pp]an|[Pp]aní|p\.|pí)\s*(?:{CAPITAL}\.\s*)?{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?)"
    r"\s*(?:[,.;]|$)"
)
# `… projedná na hřišti TJ Sokol Orkáč R., …`: up to eight words (no comma) and a surname with an initial
# (as short minutes write people) that ends the clause.
_INITIALLED_CLOSES = re.compile(
    rf"^\s+(?P<between>(?:[^\s,;.()]+\s+){{1,8}}?)(?P<owner>{CAPITAL}{SMALL}+\s+{CAPITAL}\.)(?=\s*(?:[,;]|$))"
)
# A body as the subject after the verb: an acronym (`OSPOD`, `MÚ`) or a noun of one (`komise`, `obec`).
_BODY_SUBJECT = re.compile(
    rf"^(?:{CAPITAL}{{2,}}|(?i:komise|výbor|rada|obec|město|úřad|odbor|spolek|škola|firma|policie|sdružení|"
    r"organizace|správa|vedení|sbor|nemocnice|domov|charita))$"
)
_CLAUSE_ENDS = re.compile(r"^\s*(?:[,.;]|$)")
_NEXT_SUBJECT = re.compile(rf"^\s*,\s*(?:{CAPITAL}\.\s*)?{CAPITAL}{SMALL}+")
# A first name and a surname after the verb (`Zajistí Jitka Teichmanová.`): the first name is a known one.
_NAME_AFTER_VERB = re.compile(
    rf"^\s+(?:{_OBJECT_PRONOUN}\s+)?"
    rf"(?P<owner>(?P<first>{CAPITAL}{SMALL}+)\s+{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?)(?![\w-])"
)
_DECLINED = ("ovou", "ove", "ovi", "eho", "emu", "ym", "ou", "kem", "cem", "em", "ovi", "e")
# (a surname's declined form that few nominatives have: `Kosovi`, `Novákové`, `Malé`, `Malého`, `Novou`)
_DECLINED_SURNAME = ("ovou", "ove", "ovi", "eho", "emu", "e", "ym", "ou")
# `Volby připraví výbor do 15. 10.`, `Pozvánky rozešle koordinátorka KPSS do 5. 5.`: a role or a
# body in the nominative after the verb (Czech puts the subject last for weight).
_ROLE_AFTER_VERB = rx(
    r"^\s+(?P<owner>(?:přípravný\s+)?(?:koordinátor(?:ka)?|předsed(?:a|kyně)|místopředsed(?:a|kyně)|tajemník|"
    r"tajemnice|vedoucí|ředitel(?:ka)?|starost(?:a|ka)|místostarost(?:a|ka)|výbor|zapisovatel(?:ka)?)"
    rf"(?:\s+(?-i:{CAPITAL}{{2,6}}))?)\s+(?:do|nejpozději|na|v|ve|termín)\b"
)


# `Opravy děr projedná předseda se starostou.`, `Schůzi svolá starostka.`: one person by the role after the verb,
# closing the sentence, or with whom after it.
_ONE_ROLE_CLOSES = rx(
    r"^\s+(?P<owner>(?:předsed|místopředsed|starost|místostarost)(?:a|kyně|ka)|tajemník|tajemnice|ředitel(?:ka)?|"
    r"koordinátor(?:ka)?|velitel(?:ka)?|pokladník|pokladní|jednatel(?:ka)?|hospodář(?:ka)?)"
    # (no acronym after the role: `ředitel ZŠ`, `předseda SVJ` is someone of another body)
    r"(?=(?:\s+(?:s|se)\s+[^\W\d]+(?:\s+[^\W\d]+)?)?\s*[.;]?\s*$)"
)


# Who may own a task together with others in a bracket (`(předsednictvo, vedoucí odborů)`): a role or
# a body, with up to three words of whose it is.
_OWNER_ROLE = rx(
    r"^(?:(?:všichni|všechny)\s+)?(?:vedoucí|předsed(?:a|kyně)|místopředsed(?:a|kyně)|členové|členky|"
    r"koordinátor(?:ka|ky|ři)?|tajemník|tajemnice|starost(?:a|ka)|místostarost(?:a|ka)|předsednictvo|"
    r"odbor\w*|pracovní\s+skupin\w*|výbor|rada|ředitel(?:ka)?|manažer(?:ka)?|garant(?:ka)?|"
    r"zapisovatel(?:ka)?|funkcionáři|vedení|pokladní(?:k|ce)?|hospodář(?:ka)?|velitel(?:ka)?|strojník|"
    r"jednatel(?:ka)?|sekretář(?:ka)?|účetní|kronikář(?:ka)?|revizor(?:ka)?|správce|správkyně)(?:\s+[\w.]+){0,3}$"
)


# The body's members as a whole, the subject of a task (`Členové PS zašlou …`, `Členky osloví …`,
# `všichni členové komise připraví …`): whose the members are in up to two words, an acronym or a noun
# in the genitive.
_MEMBERS_SUBJECT = rx(
    r"^(?:všichni\s+|všechny\s+|ostatní\s+)?(?:členové|členky)"
    # (`členové výboru SDH`: the body's acronym after its noun)
    rf"(?:\s+(?:(?-i:{CAPITAL}{{2,6}})|pracovní\s+skupiny|(?:{SMALL}+(?:í|é)\s+)?(?:skupiny|komise|výboru|rady|spolku)"
    rf"(?:\s+(?-i:{CAPITAL}{{2,6}}))?|sdružení|"
    r"zastupitelstva|školské\s+rady|řídící\s+skupiny))?$"
)


# (in lower case only with whose they are or `ostatní`: `ostatní členky komise připraví …`; bare
# `členové` in lower case is too vague)
# (after `ostatní`/`všechny` a noun of people: `ostatní záležitosti projedná výbor` has its subject last)
_MEMBERS_OF_A_BODY = rx(
    r"^(?:všichni\s+\w+|(?:všechny|ostatní)\s+(?:členové|členky|účastníci|účastnice|přítomní|přítomné|"
    r"zástupci|zástupkyně|poskytovatelé|kolegové|kolegyně)|(?:členové|členky)\s+\w+)"
)


def _members_first(text: str) -> tuple[str, str] | None:
    """`všichni členové PS zašlou připomínky` -> (`všichni členové PS`, `zašlou připomínky`): a task's
    text that opens with the members as its subject and a verb of a task; None otherwise."""
    verb = _VERB.search(text)
    if verb is None:
        return None
    subject = text[: verb.start()].strip(" ,;:–-")
    # (or one person named in the nominative: `Jan Kos zašle pozvánky – T: 10. 4.`)
    if not (_MEMBERS_SUBJECT.match(subject) or (subject and _is_person(subject))):
        return None
    return subject, text[verb.start() :]


_JUNIOR = re.compile(r"\s+(?:ml|st|nejml)\.$")  # `Josef Hora ml.`: junior, senior
_TWO_PEOPLE = re.compile(r"\s+a\s+")


def _is_person(owner: str) -> bool:
    """`pan Novák`, `paní Nová`, or a name written in full (`Mgr. Jana Nová`, `Josef Hora ml.`), also
    after one word of a role (`Velitel J. Pecka`, `předsedkyně Eva Malá`); two such joined by `a`
    (`Orkáč R. a Houžvička M.`, `Paní Malá a pan Holan`)."""
    owner = _JUNIOR.sub("", owner)
    pair = _TWO_PEOPLE.split(owner)
    if len(pair) == 2 and all(part and _is_person(part) for part in pair):
        return True
    if bool(_PERSON_SUBJECT.match(owner)) or any(
        s == 0 and e == len(owner) for s, e, _ in names_in_text(owner)
    ):
        return True
    role, _space, named = owner.partition(" ")
    return bool(named) and bool(_OWNER_ROLE.match(role) or is_role(role)) and _is_person_named(named)


# A first name as friends say it (`Jirka`, `Rosťa`, `Honza`, `Vlaďka`): a capitalised word ending in `-a`
# that no list of first names holds.
_NICKNAME = re.compile(
    rf"^(?P<nick>{CAPITAL}{SMALL}{{2,6}}a)\s+(?P<surname>{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?)$"
)


def _nickname_present(owner: str, attending: frozenset[str]) -> bool:
    """`Jirka Řezníček` where `Jiří Řezníček` attended: a nickname and the surname of someone at the
    meeting, whose first name (also attending) opens with the nickname's letter."""
    # kpss: odhad – the surname must be at the meeting and a first name there share the nickname's initial
    match = _NICKNAME.match(owner)
    if match is None or fold(match["nick"]) in FIRST_NAMES:
        return False
    surname, initial = fold(match["surname"]), fold(match["nick"])[0]
    return surname in attending and any(
        word[0] == initial and word in FIRST_NAMES for word in attending if word != surname
    )


# What marks a nickname in `attending` that the minutes use with the surname of someone at the meeting
# (`Rosťa Cakl informoval …`), so that it names that person alone too (`Rosťa je vyzvedne`).
_NICKNAMED = "nickname:"
_NICKNAME_IN_TEXT = re.compile(
    rf"(?<![\w.])(?P<owner>{CAPITAL}{SMALL}{{2,6}}a\s+{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?)(?![\w-])"
)


def _nicknames(lines: list[str], attending: frozenset[str]) -> frozenset[str]:
    """The marked nicknames (`_NICKNAMED`) the minutes write before the surname of someone at the meeting."""
    # kpss: odhad – as `_nickname_present`: the surname at the meeting, and a first name there of the same initial
    return frozenset(
        f"{_NICKNAMED}{fold(match['owner'].split()[0])}"
        for line in lines
        for match in _NICKNAME_IN_TEXT.finditer(plain(line))
        if _nickname_present(match["owner"], attending)
    )


def _is_person_named(named: str) -> bool:
    return bool(_PERSON_SUBJECT.match(named)) or any(
        s == 0 and e == len(named) for s, e, _ in names_in_text(named)
    )


# `Na příštím jednání předloží poskytovatelé sociálních služeb …, návrh …`: the next meeting fronted as
# the deadline, the verb right after it and its subject after the verb (up to a comma), a plural class
# of people or a body; the deadline first is what makes a class of people the task's owner here.
_FRONTED_NEXT_DUE = rx(
    r"^(?:\d{1,2}\s*[.)]\s*)?(?P<due>(?:na\s+příštím|do\s+příštího)\s+(?:jednání|setkání|zasedání)"
    r"(?:\s+(?:pracovní\s+skupiny|skupiny|PS|komise|výboru))?)\s+(?P<verb>\w+)\s+"
    r"(?P<owner>[^\W\d_]+(?:é|ové|i|y|ky|ci|ři|tví|vo)(?:\s+[^\s,.;:]+){0,6}?)\s*,\s*(?P<task>\S.{5,})$"
)


# After the comma a relative clause (`…, který připraví Eva Malá`) or a clause with its own verb
# (`…, připomínky zašlou do 5. 4.`): the comma does not end the subject, the sentence is unclear.
# Who writes or verifies these minutes (`Zápis vypracuje paní Nová`, `Ověření provedou pí Malá a …`):
# a role at this meeting, not a task.
_THESE_MINUTES = rx(r"\b(?:zápis\w*|ověření|ověřovatel\w*|zapisovatel\w*)\b")
_CLAUSE_AFTER = rx(r"^(?:kter[ýáéí]\w*|jež|což|a|ale|kde|až|když|aby)\b")
# A word of the subject after its head ending in a consonant is a bare noun in the accusative, the
# object (`komise návrh rozpočtu`), unless a genitive adjective or a preposition leads it
# (`poskytovatelé sociálních služeb v Lhotě`).
_LEADS_GENITIVE = rx(r"^(?:\w+(?:ých|ích|ého|ího)|v|ve|z|ze|na|pro|za|při|u|do)$")
_PREPOSITION = rx(r"^(?:v|ve|z|ze|na|pro|za|při|u|do|s|se|k|ke|o)$")
_ENDS_CONSONANT = rx(r"[bcčdďfghjklmnňpqrřsštťvwxzž]$")


def _fronted_owner_clear(fronted: re.Match[str]) -> bool:
    """True when the words after the fronted next meeting's verb, up to the comma, are the subject
    alone: no object noun ran into it, and what follows the comma is no new clause."""
    tail = fronted["task"].strip()
    if _CLAUSE_AFTER.match(tail) or _VERB.search(tail):
        return False
    words = fronted["owner"].split()
    for before, word in itertools.pairwise(words):
        if _PREPOSITION.match(word) or _LEADS_GENITIVE.match(word):
            continue  # (a preposition, or a genitive adjective: `sociálních`)
        if word[:1].islower() and _ENDS_CONSONANT.search(word) and not _LEADS_GENITIVE.match(before):
            return False
    return True


# `2.   J. Špát projedná se starostou obce, jak …`, `3) Eva Malá zajistí objednávku …`: a numbered item of
# the minutes that opens with a person's name — an initial or a first name, and a surname — and a verb
# of a deed still to do (not of telling: `informuje`), the whole item being the task; no deadline needed.
# (`3. Paní Malá zajistí …`: a courtesy word is no first name; the owner is the surname after it)
_ITEM_OPENS_WITH_OWNER = re.compile(
    rf"^\s*\d{{1,2}}\s*[.)/]\s*(?:(?P<courtesy>(?:[Pp]an|[Pp]aní|p\.|pí\.?)\s*)(?:{CAPITAL}\.\s?)?"
    rf"|{CAPITAL}\.\s?|(?!(?:[Pp]an|[Pp]aní|[Pp]í)\s){CAPITAL}{SMALL}+\s+){CAPITAL}{SMALL}+\s+"
    r"(?:projedná|zajistí|zašle|pošle|rozešle|připraví|osloví|prověří|zjistí|svolá|domluví|kontaktuje|"
    r"objedná|vypracuje|zpracuje|předloží|dodá|zorganizuje|odešle)\s"
)
# The state of a task as a control of earlier tasks writes it after the task (`– splněno`, `– trvá`,
# `(v řešení)`).
_STATE = (
    r"(?:úkol\s+)?(?:splněn[oa]?|nesplněn[oa]?|částečně\s+splněn[oa]?|trvá|trvají|průběžně|plní\s+se|"
    r"v\s+řešení|řeší\s+se|probíhá|hotov[oa]?|zrušen[oa]?|odložen[oa]?|ukončen[oa]?|pokračuje)"
)
# What says a numbered item is no new task: a state after it, or the kind of an agenda item
# (`– informace`, `k projednání`).
_ITEM_STATE = rx(
    rf"(?:\s[-–—]\s*|[:,(]\s*|\.\s+)(?:{_STATE}|"
    r"informace|informativně|na\s+vědomí|k\s+informaci|k\s+projednání|ke\s+schválení)\s*\)?\s*\.?\s*$"
)
# The line that heads a list whose items are never new tasks: the agenda (`Program:`, `Program
# jednání:`, `Návrh programu:`) or a control of earlier tasks (`Ad 1) Kontrola úkolů z minulého jednání`).
_AGENDA_LIST_HEADING = (
    r"^\s*(?:(?:návrh|navržený|schválený|upravený)\s+)?(?:program|pořad)\w*(?:\s+\w+){0,2}\s*:?\s*$"
    r"|^\s*(?:body|návrh)\s+(?:jednání|programu)\s*:?\s*$"
)
_AGENDA_LIST = rx(_AGENDA_LIST_HEADING)
_NO_NEW_TASKS_HEADING = rx(
    _AGENDA_LIST_HEADING + r"|\bkontrol\w*\s+(?:plnění\s+)?(?:úkolů|usnesení)\b|\bplnění\s+úkolů\b"
    r"|\búkol[yů]\s+z\s+(?:minul|předchoz|posledn)\w*"
)
_ITEM_NO = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+")


def _list_heading(lines: list[str], number: int) -> str | None:
    """The line above item 1 of the numbered list the item at `number` belongs to: the items above
    it must be numbered one less each (blank lines between them allowed). None when the line is no
    numbered item or the list is broken before item 1 (text under an item: minutes' own items)."""
    item = _ITEM_NO.match(plain(lines[number]))
    if item is None:
        return None
    expected = int(item[1]) - 1
    for above in reversed(lines[:number]):
        line = plain(above).strip()
        if not line:
            continue
        if expected >= 1:
            found = _ITEM_NO.match(line)
            if found is None or int(found[1]) != expected:
                return None
            expected -= 1
            continue
        return line
    return None


# A verb in the past that tells what someone did at the meeting (`V. Farář navrhl …`, `P. Kozohorský
# předložil informace …`, `Všichni přítomní členové souhlasili`): an item of the minutes' own record.
_TOLD_IN_PAST = rx(
    r"\b(?:navrhl|předložil|předložila|informoval|seznámil|přednesl|projednal|schválil|konstatoval|sdělil|uvedl|"
    r"ukončil|souhlasil|doporučil|vysvětlil|představil|poděkoval|zhodnotil|shrnul|odsouhlasil)[aoiy]?\b"
)


def _list_items(lines: list[str], number: int) -> list[str]:
    """The items of the numbered list the item at `number` belongs to, in order from item 1, each
    numbered one more than the one before (blank lines between them allowed)."""
    start = number
    while start > 0 and (not plain(lines[start - 1]).strip() or _ITEM_NO.match(plain(lines[start - 1]))):
        start -= 1
    items: list[str] = []
    for raw in lines[start:]:
        line = plain(raw).strip()
        if not line:
            continue
        item = _ITEM_NO.match(line)
        if item is None or int(item[1]) != len(items) + 1:
            break
        items.append(line)
    return items


def _may_open_with_owner(lines: list[str], number: int) -> bool:
    """Whether a numbered item at `number` that opens with a name and a deed (`_ITEM_OPENS_WITH_OWNER`)
    may be a new task: not when a state follows it (`– splněno`, `– informace`), nor in the agenda's
    list or a control of earlier tasks — unless the list under an agenda's heading is the minutes' own
    record, told in sentences (two items or more tell in the past what someone did: `1. V. Farář navrhl
    …`, `5. P. Kozohorský předložil …`); an agenda lists the items' titles."""
    if _ITEM_STATE.search(plain(lines[number]).rstrip()):
        return False
    heading = _list_heading(lines, number)
    if heading is None or _NO_NEW_TASKS_HEADING.search(heading) is None:
        return True
    if not _AGENDA_LIST.search(heading):
        return False  # (a control of earlier tasks stays one)
    if (item := _ITEM_NO.match(plain(lines[number]))) is not None and any(
        re.match(rf"(?i)^\s*(?:ad|k\s+bodu)\s*{item[1]}\s*[.):]", plain(line)) for line in lines
    ):
        return False  # (`3. Eva Horká připraví zprávu` … `Ad 3) Zprávu přednesla …`: the item's title, done then)
    # kpss: odhad – two items told in the past make the list a record, not an agenda
    return sum(1 for item in _list_items(lines, number) if _TOLD_IN_PAST.search(item)) >= 2


# A question (`Pan Novák se dotázal, zda obec zajistí …`, `… se ptala, kdo připraví …`) asks, it sets no task.
_QUESTION = rx(r"\b(?:dotáza?l\w*|dotazoval\w*|ptal\w*|zeptal\w*|zda|zdali|jestli|kdo)\b")
# Someone's plan reported by another (`Host … informoval, že Mgr. Horká připraví …`): not set by the meeting.
# A clause of its own before the task's, with its subject and a verb in the past (`Karel Dub nabídl pomoc …, `),
# when the task's owner stands after its verb.
_TOLD_CLAUSE = re.compile(
    rf"^\s*(?:(?:[Pp]an|[Pp]aní|p\.|pí)\s+)?(?:{CAPITAL}\.\s*|{CAPITAL}{SMALL}+\s+)?{CAPITAL}{SMALL}+\s+(?:se\s+|si\s+)?"
    rf"{SMALL}+l[aoiy]?\b[^,;]*,\s+"
)
_REPORTED = rx(
    r"\b(?:informoval|uvedl|sdělil|připomněl|oznámil|zmínil|řekl|konstatoval|upozornil|vysvětlil|doplnil|"
    r"dodal|poznamenal|potvrdil|prohlásil)[ai]?\s*,?\s+že\s+"
    # (`Výbor vzal na vědomí, že petici podá …`: what the meeting was told, not what it set)
    r"|\b(?:vzal[aoiy]?|bere|berou)\s+na\s+vědomí\s*,?\s+že\s+"
)
_ACCORDING = rx(r"\b(?:dle|podle)\s+(?:pana|paní|p\.|pí)\s+\w+")
# A promise under a condition (`Pokud bude dotace schválena, pan Novák zajistí …`) is no plain task.
_CONDITION = rx(r"\b(?:pokud|jestliže|pakliže|kdyby|v\s+případě|za\s+předpokladu|\w+-li)\b")
# A deed done for the service's users (`Pečovatelka … zajistí klientům dovoz obědů`) describes the service.
_TO_CLIENTS = rx(
    r"\b(?:klient(?:ům|ovi|kám|ce)|uživatel(?:ům|i|kám|ce)|senior(?:ům|ovi)|pacient(?:ům|ovi)|občanům|"
    r"obyvatelům|zájemcům|rodinám|dětem)\b"
)
# A task reviewed with its state (`Pan Novák zajistí pronájem sálu – splněno.`): no new task.
_TASK_STATE = rx(rf"[-–—:(]\s*{_STATE}\s*\)?\s*[.;]?\s*$")
# Where the verb's own clause ends: at `a`, a semicolon, or a comma before the next verb of a task.
_NEXT_OWN_CLAUSE = re.compile(rf"\s+a\s+|;|,\s+(?=(?i:{_VERB.pattern}))")
# Of the states, those that say a task goes on (`– úkol trvá`), and a deadline with its year.
_STILL_OPEN = rx(r"\b(?:trvá|trvají|pokračuje)\b")
_DATED_DUE = re.compile(r"^\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}$")
_RELATIVE = rx(r"^(?:kter[ýáéíoué]\w*|jež|jenž|což|kde|aby|zda|zdali|jestli|kdo|pokud|když)\b")


def _narrative_fields(
    sentence: str, attending: frozenset[str] = frozenset(), *, may_open: bool = True
) -> dict[str, str] | None:
    """Owner, deadline and text of a task set in one sentence of the running text, or None.
    `attending`: the folded surnames of the meeting's attendance; `may_open` False when the
    sentence's item can be no task without a deadline (see `_may_open_with_owner`)."""
    verb = _VERB.search(sentence)
    if verb is None:
        return None
    if (state := _TASK_STATE.search(sentence)) is not None and _STILL_OPEN.search(state[0]):
        # `Eva Malá a Jan Kos vyberou do 30. 8. 2018 fotografie – úkol trvá.`: a task carried on, still open
        # with a dated deadline (`_narrative_tasks` keeps it only when that deadline is not past)
        if not any(_DATED_DUE.match(due["value"]) for due in _SENTENCE_DUE.finditer(sentence)):
            return None
        sentence = sentence[: state.start()].rstrip(" ,")
    if (
        sentence.rstrip().endswith("?")
        or _QUESTION.search(sentence[: verb.start()])
        or _TASK_STATE.search(sentence)
    ):
        return None
    if _ACCORDING.search(sentence[: verb.start()]):
        return None  # `Dle paní Malé zajistí p. Dvořák odvoz`: what someone said, not what was set
    if (reported := _REPORTED.search(sentence[: verb.start()])) is not None and sentence[
        reported.end() : verb.start()
    ].strip(" ,"):
        return None  # (`sdělila, že zajistí …`, the speaker's own promise, goes on as before)
    fronted = _FRONTED_NEXT_DUE.match(sentence.strip())
    if fronted is not None and _VERB.fullmatch(fronted["verb"]) and _fronted_owner_clear(fronted):
        owner = fronted["owner"]
        return {
            "owner": owner,
            "due": fronted["due"],
            "task": f"{fronted['verb']} {fronted['task']}".strip(" ."),
        }
    fields = sentence_fields(sentence, attending)
    members = fields is not None and bool(_MEMBERS_SUBJECT.match(fields["owner"]))
    opened = _ITEM_OPENS_WITH_OWNER.match(sentence) if may_open else None
    opens = fields is not None and opened is not None
    person = fields is not None and (
        _is_person(fields["owner"])
        or _nickname_present(fields["owner"], attending)
        or f"{_NICKNAMED}{fold(fields['owner'])}" in attending
    )
    rest = sentence[verb.end() :]
    if (bracketed := _BRACKETED_OWNERS.match(rest)) is not None and _CONDITION.search(bracketed["list"]):
        return None  # (`připraví Jana Malá (pokud se uzdraví) a Petr Kos (mládež)`: whose part, not sure)
    group = _PEOPLE_AFTER_VERB.match(rest) if sentence[: verb.start()].strip(" -–—•*") else None
    if (fields is None or not (person or _ROLE_SUBJECT.match(fields["owner"]) or members or opens)) and (
        (listed := _bracketed_owners(rest, attending) or (group["owner"] if group else None)) is not None
    ):
        # `Zprávy si připraví Josef Hora ml. (činnost SDH), Jana Malá (mládež), Eva Nová (ženy).`, `Pily zajistí
        # účastníci brigády.`: the subject closes the sentence after the verb
        sentence = sentence[: verb.end()]
        fields = {"owner": listed}
        person = True
    elif fields is None or not (person or _ROLE_SUBJECT.match(fields["owner"]) or members or opens):
        after = _owners_after_verb(rest, attending) or _OWNER_AFTER_VERB.match(rest)
        if after is not None and _NEXT_SUBJECT.match(rest[after.end() :]):
            # `Seznam vyvěsí do 30.4.2023 Malá E., Novák J. jej aktualizuje`: the task ends at the comma
            # before the next clause's subject
            sentence = sentence[: verb.end() + after.end()]
        if (
            after is None
            and (one := _ONE_OBJECT.match(rest)) is not None
            and not _PREPOSITION.match(one[0].strip())
        ):
            # `Tento rok zajistí strom M. Hájek, …`: one word of the object between, the owner ends the clause
            after = _OWNER_AFTER_VERB.match(rest[one.end() - 1 :])
            after = (
                after
                if after is not None and _CLAUSE_ENDS.match(rest[one.end() - 1 + after.end() :])
                else None
            )
        if after is None and (closing := _OWNER_CLOSES_CLAUSE.match(rest)) is not None:
            last = closing["between"].split()[-1]
            after = None if _PREPOSITION.match(last) or _VERB.search(closing["between"]) else closing
        if after is None and (initialled := _INITIALLED_CLOSES.match(rest)) is not None:
            # `Občerstvení projedná na hřišti TJ Sokol Orkáč R., zajistí …`: a surname and an initial of
            # someone at the meeting closes the clause after a longer object or place
            surname = initialled["owner"].split()[0]
            between = initialled["between"].split()
            if (
                fold(surname) in attending
                and not _VERB.search(initialled["between"])
                and not _PREPOSITION.match(between[-1])
                # (`prověří OSPOD v rodině Novák P.`, `projedná komise s …`: the subject stands after the verb)
                and not _BODY_SUBJECT.match(between[0])
                # (`v rodině Novák P.`, `s nájemníkem Kos J.`: a common noun after a preposition names whom)
                and not (between[-1].islower() and any(_PREPOSITION.match(word) for word in between))
            ):
                after = initialled
        if (
            after is None
            and (named := _NAME_AFTER_VERB.match(rest)) is not None
            and fold(named["first"]) in FIRST_NAMES
            # (a name after the verb with no courtesy word may be anyone's, `Hudební program zajistí Jaromír
            # Nohavica`: the owner only when at the meeting, or where the verb opens the note, `Zajistí Jitka …`)
            and (
                fold(named["owner"].split()[-1]) in attending or not sentence[: verb.start()].strip(" -–—•*")
            )
        ):
            after = named
        if after is not None and fold(after["owner"].split()[-1]).endswith(_DECLINED):
            return None  # `předloží paní Nové`: not the one who does it
        if (
            after is not None
            and not re.search(r",|\sa\s", after["owner"])
            and _declined_absent(after["owner"], attending)
            and not _LISTED_ONE.match(after["owner"])
        ):
            return None  # `prověří stížnost p. Nováka`: whose, not who
        person = after is not None
        if (
            after is None
            and sentence[: verb.start()].strip(" -–—•*")
            and (after := _ONE_ROLE_CLOSES.match(rest))
        ):
            person = True  # (one person named by the role, after a fronted object: a promise as a name's is)
        after = after or _ROLE_AFTER_VERB.match(rest)
        if after is None:
            return None
        fields = {"owner": after["owner"], **({"due": fields["due"]} if fields and "due" in fields else {})}
    if "due" not in fields and (next_meeting := _NEXT_DUE.search(sentence)) is not None:
        fields["due"] = next_meeting[0]
    # (the members as a whole set themselves a task even without a deadline; so does an item that opens
    # with the name and a verb of a deed to do, `2. J. Špát projedná se starostou …`, and a person named
    # with a perfective verb, a promise: `Rostislav Cakl zajistí bankovní kontakt`; neither in the
    # agenda's list, a control of earlier tasks, or with a state after it: `may_open`)
    promise = (
        may_open
        and person
        and verb[0].lower() not in _IMPERFECTIVE
        and not _THESE_MINUTES.search(sentence[: verb.start()])
        and not _CONDITION.search(sentence[: verb.start()])
        # (after the verb only in its own clause: `zašle připomínky a v případě potřeby budou …` is another)
        # (nor after a comma and the next verb: `…, předjedná v případě hezkého počasí …`)
        and not _CONDITION.search(_NEXT_OWN_CLAUSE.split(sentence[verb.end() :])[0])
        and not _TO_CLIENTS.search(sentence[verb.end() :])
    )
    if "due" not in fields and not members and not opens and not promise:
        return None
    owner = fields["owner"]
    at = sentence.find(owner)
    if 0 <= at < verb.start():
        sentence = sentence[at:]  # what stands before the subject (`Sbírka – `, `Dohodnuto, že`) is no task
    elif (told := _TOLD_CLAUSE.match(sentence[: verb.start()])) is not None:
        sentence = sentence[
            told.end() :
        ]  # `Karel Dub nabídl pomoc, rozvrh připraví pan Vrba`: another clause
    text = _NEXT_DUE.sub("", _WORDED_DUE.sub("", _SENTENCE_DUE.sub("", _LEAD_LABEL.sub("", sentence))))
    text = re.sub(r"\s+(?=[,;])", "", text.replace(owner, "")) if owner in text else text
    fields["task"] = squash(_ITEM_NUMBER.sub("", text)).strip(" .;,")
    if opens and opened is not None and opened["courtesy"] and "due" not in fields:
        # `3. Paní Malá zajistí …`: the owner is the person, without the courtesy word
        fields["owner"] = _COURTESY_PREFIX.sub("", owner)
    return fields


def _unreviewed(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Each line's number and plain text, but those under a review of earlier tasks (`Kontrola
    úkolů z minulého jednání`, until the next item of the agenda): those tasks are not new."""
    reviewing = False
    for number, raw in enumerate(lines):
        line = plain(raw)
        if (review := _REVIEW.match(line)) is not None or AGENDA_HEADING.match(line):
            reviewing = review is not None
        if not reviewing:
            yield number, line


def _narrative_tasks(
    lines: list[str], meeting: dt.date | None, attending: frozenset[str] = frozenset()
) -> list[tuple[int, TaskDict]]:
    """Tasks set in the running text, outside any task section: a person (`pan Novák`,
    `Mgr. Jana Nová`) and a task verb with a deadline — a date or the next meeting (`Pan Kubesa
    zašle do 18. 6. návrh článku`, `Výsledky předloží paní Zemanová na příštím setkání`), or a
    named person's promise with a perfective verb and no deadline (`Rostislav Cakl zajistí …`). A
    sentence without a named person in the nominative (or the members as a whole) is left alone."""
    found: list[tuple[int, TaskDict]] = []
    for number, line in _unreviewed(lines):
        if not _VERB.search(line) and not _FUTURE.search(line):
            continue
        may_open = _may_open_with_owner(lines, number)
        for sentence in _sentences(line):
            if NEXT.search(_NEXT_DUE.sub("", sentence)):
                continue  # about the next meeting: `Příští jednání připraví …`
            reported = _REPORTED.search(sentence)
            if not _VERB.search(sentence) and (future := _future_fields(sentence, attending)) is not None:
                # (`Tombolu budou prodávat Milan Polívka a Václav Fial.`: no verb of the list, its deed in the future)
                future["guess"] = _("a deed told in the future with its doers")
                if (task := _make(future, meeting)) is not None:
                    found.append((number, task))
                continue
            clauses = _clauses(sentence, attending)
            for before, clause in zip([None, *clauses], clauses, strict=False):
                if reported is not None and sentence.find(clause) >= reported.end():
                    continue  # `…uvedla, že domov zajistí … a Mgr. Horká připraví …`: all of it reported
                fields = _narrative_fields(clause, attending, may_open=may_open)
                if fields is None:
                    continue
                if (
                    before is not None
                    and (pronoun := _PRONOUN_TASK.match(fields["task"])) is not None
                    and (told := _VERB.search(before)) is not None
                    and (antecedent := _antecedent(before, told))
                ):
                    # `Domov zajistí svoz obědů, zajistí ho Petr Kos`: the pronoun stands for the object of
                    # the clause before, which is the task
                    fields["task"] = f"{pronoun['verb'] or pronoun['after']} {antecedent}"
                fields["guess"] = _("a task from the minutes' narrative")
                if (gapped := _gapped_task(fields, attending)) is not None:
                    # `p. Malá projedná vystoupení MŠ, p. Kos vystoupení ZŠ`: the verb left out of the second
                    fields["task"] = fields["task"][: gapped.start()]
                    if (task := _make(fields, meeting)) is not None:
                        found.append((number, task))
                    fields = {
                        "owner": gapped["owner"],
                        "task": f"{fields['task'].split()[0]} {gapped['object']}",
                        "guess": _("a task whose verb is the one of the task before it"),
                    }
                if _TASK_STATE.search(clause) is not None and _past_due(fields, meeting):
                    continue  # (a task said to go on whose deadline has passed is an old one, reviewed)
                if (task := _make(fields, meeting)) is not None:
                    found.append((number, task))  # a paragraph may set several
    return found


# `…, p. Kos vystoupení ZŠ`: after a comma closing a task's object a person with a courtesy word and a short
# object without a verb of its own, up to the sentence's end.
_GAPPED = re.compile(
    rf",\s+(?P<owner>(?:[Pp]an|[Pp]aní|p\.|pí)\s*{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?)"
    rf"\s+(?P<object>{SMALL}+(?:\s+[\w.]+){{0,4}})\s*[.;]?\s*$"
)
# A word that may be a verb (its past, `souhlasil`; its present, `nesouhlasí`, `pomáhá`, `zajišťuje`, `pomohou`;
# a reflexive `se`), unlike the noun of a deed (`vystoupení`, `zajištění`).
_MAYBE_VERB = rx(
    r"^(?:\w*(?:l|la|lo|li|ly|á|ají|uje|ují|ou|je|e)|\w*[^nt]í|se|si|je|byl\w*|bude\w*|má|mají)$"
)
# Any word that ends as a verb's present or past does (`neví`, `odešel`, `nevěděla`; strict, not diacritics-loose,
# so that `pódia`, `muzea` are not taken for `-á`).
_VERB_LIKE = re.compile(r"\w*(?:[^nt\W]í|ají|ují|uje|[aeiyěouáé]l|[aeiyěo]l[aioy])$", re.IGNORECASE)
# A vote (`p. Kos proti`) or a time (`p. Kos zatím …`, `v 17 hodin`) after the second person: what they did, not
# an object of the verb left out.
_VOTE_OR_TIME = rx(
    r"^(?:pro|proti|zdržel\w*|hlasoval\w*|zatím|dnes|včera|zítra|později|dříve|pak|potom|nyní|již|už|ještě|"
    r"nadále|brzy|ráno|dopoledne|odpoledne|večer|hodin\w*|\d[\d.:]*)$"
)


def _gapped_task(fields: dict[str, str], attending: frozenset[str]) -> re.Match[str] | None:
    """The second task of `p. Malá projedná vystoupení MŠ, p. Kos vystoupení ZŠ`, whose verb is the first's
    (a single verb opening the first task's text), or None."""
    # kpss: odhad – a noun after a person is read as the object of the verb left out; a verb is excluded
    words = fields["task"].split()
    if not words or not _VERB.fullmatch(words[0]) or len(_VERB.findall(fields["task"])) != 1:
        return None
    gapped = _GAPPED.search(fields["task"])
    if gapped is None:
        return None
    words = gapped["object"].split()
    if _MAYBE_VERB.match(words[0]) or any(_VERB_LIKE.match(w) or _VOTE_OR_TIME.match(w) for w in words):
        return None  # (every word of the object: a verb, a vote or a time may stand anywhere in it)
    surname = gapped["owner"].split()[-1].removeprefix("p.").removeprefix("pí")
    if fold(surname).endswith(_DECLINED_SURNAME) or _declined_absent(gapped["owner"], attending):
        return None  # (`…, p. Nováka vystoupení`: whose, not who)
    return gapped


def _past_due(fields: dict[str, str], meeting: dt.date | None) -> bool:
    """False when the deadline of `fields` (a dated one) falls on or after the meeting, True otherwise."""
    due = fields.get("due")
    end = dates.parse_deadline(_clean(due)).end if due else None
    return not (meeting is not None and end is not None and end >= meeting)


_CLAUSE_BREAK = re.compile(r",\s+(?:a\s+)?|\s+a\s+")
# A task's text that is only its verb and an object pronoun (`zajistí ho`, `ho rozešle`).
_PRONOUN_TASK = re.compile(rf"^(?:(?P<verb>\w+)\s+{_OBJECT_PRONOUN}|{_OBJECT_PRONOUN}\s+(?P<after>\w+))$")


def _sentences(line: str) -> list[str]:
    """The sentences of a line, each with its closing `?` (a question sets no task)."""
    sentences: list[str] = []
    start = 0
    for stop in _SPLIT_SENTENCES.finditer(line):
        sentences.append(line[start : stop.start()] + ("?" if stop[0].startswith("?") else ""))
        start = stop.end()
    return [*sentences, line[start:]]


def _antecedent(before: str, told: re.Match[str]) -> str:
    """The object of the clause before a pronoun's task: after its verb (`Domov zajistí svoz obědů`), or
    before it when only a deadline and the owner follow the verb (`Plakát vyhotoví do 10.8.2018 Orkáč R.`)."""
    after = before[told.end() :]
    owner = _OWNER_AFTER_VERB.match(after)
    if (
        owner is not None
        and _CLAUSE_ENDS.match(after[owner.end() :])
        and (fronted := before[: told.start()].strip(" ,;-–•"))
    ):
        return fronted[0].lower() + fronted[1:] if fronted[1:2].islower() else fronted
    return after.strip(" ,;")


def _clauses(sentence: str, attending: frozenset[str] = frozenset()) -> list[str]:
    """`Hosta zajistí p. Málková a ostatní členky připraví pohoštění`: a sentence of two clauses, each
    with a task verb and its own subject, split before the second; a second verb that shares the
    first one's subject (`Pan Novák zpracuje návrh a zašle ho do 5. 5.`) keeps the sentence whole."""
    verbs = list(_VERB.finditer(sentence))
    for before, verb in zip(reversed(verbs[:-1]), reversed(verbs[1:]), strict=True):
        breaks = [b for b in _CLAUSE_BREAK.finditer(sentence, before.end(), verb.start())]
        if not breaks:
            continue
        cut = breaks[-1]
        right = sentence[cut.end() :]
        if _RELATIVE.match(right) and _narrative_fields(sentence[: cut.start()], attending) is not None:
            # `Pan Novák zpracuje návrh, který předloží paní Malá`: the relative clause belongs to the
            # task before it (`… stříkačku, kterou zajistí Josef Pecka` with no task before is one)
            continue
        if _narrative_fields(right, attending) is not None:
            return [*_clauses(sentence[: cut.start()], attending), right]
    return [sentence]


# `… – úkol pro předsedu Platila: zjistit historii ocenění`, `Úkol pro koordinátorku: svolat
# schůzku do 30. 6.`: the owner after `pro` (in the accusative), the task after the colon.
# Several owners may share one (`Úkol pro D. Černého, L. Vacušku a P. Stejskala: …`).
_TASK_FOR = rx(r"\búkol(?:em)?\s+pro\s+(?P<owner>[^:;()]{2,60}?)\s*:\s*(?P<task>[^:]{3,}?)\s*(?:[.;]\s*$|$)")
_TRAILING_DUE = rx(r"[,;]?\s+[-–—]?\s*(?:termín|T|do)\s*:\s*(?P<value>[^,;:]+?)\s*\.?\s*$")
_ACCUSATIVE_ENDINGS = (("ovou", "ová"), ("ou", "á"), ("ého", "ý"), ("ího", "í"), ("u", "a"))
_ADJECTIVE_ENDINGS = ("ou", "ého", "ího", "ý", "í")  # (an adjective in the accusative before its noun)
_ACCUSATIVE_WORDS = {
    "členy": "členové",
    "všechny": "všichni",
    "poskytovatele": "poskytovatelé",
    "zástupce": "zástupci",
    "koordinátora": "koordinátor",
    "tajemníka": "tajemník",
    "předsedkyni": "předsedkyně",
    "místopředsedkyni": "místopředsedkyně",
    "tajemnici": "tajemnice",
}


def nominative_of(accusative: str) -> str:
    """A person or role in the accusative (after `pro`) in the nominative: `předsedu Platila` ->
    `předseda Platil`, `B. Hrnčířovou` -> `B. Hrnčířová`, `koordinátorku KPSS` ->
    `koordinátorka KPSS`. Initials, titles and acronyms stay; a guess, marked where used."""
    words = []
    # After the head noun (`předsedu`, `členy`) its complement is in the genitive and stays
    # (`předsedu výboru` -> `předseda výboru`, `tajemníka úřadu`): lower-case words, and capitalised
    # ones in `-u` (`členy Výboru`) — up to the next owner of a list (`a`, a comma).
    complement = False
    previous = ""
    for token in accusative.split():
        word, comma = (token[:-1], ",") if token.endswith(",") else (token, "")  # a list of owners
        lower = word.lower()
        if lower in {"a", "i"}:
            complement = False
        elif complement and (word[:1].islower() or (lower.endswith("u") and not lower.endswith("ou"))):
            pass
        elif lower in _ACCUSATIVE_WORDS:
            word = _ACCUSATIVE_WORDS[lower]
        elif previous == "všechny" and lower.endswith("é"):
            word = word[:-1] + "í"  # `všechny přítomné` -> `všichni přítomní`: the adjective is the noun
        elif word.isupper() or word.endswith(".") or len(word) < 3:
            pass  # `KPSS`, `B.`, `Mgr.`, `PS`
        elif (ending := next((e for e in _ACCUSATIVE_ENDINGS if lower.endswith(e[0])), None)) is not None:
            word = word[: -len(ending[0])] + ending[1]
        elif lower.endswith("a") and word[:1].isupper():
            word = word[:-1]  # `Platila` -> `Platil`, `Nováka` -> `Novák` (masculine)
        # a noun opens its complement; an adjective before it (`novou koordinátorku`) does not, but
        # `vedoucí` is a noun
        adjective = lower.endswith(_ADJECTIVE_ENDINGS) and not lower.startswith("vedouc")
        if word[:1].islower() and lower not in {"a", "i", "všechny"} and not adjective:
            complement = True
        if comma:
            complement = False
        previous = lower
        words.append(word + comma)
    return " ".join(words)


def _task_for_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Tasks given as `úkol pro <someone>: <what to do>` anywhere in the text; a date after
    `do` or `termín` in it is the deadline."""
    found: list[tuple[int, TaskDict]] = []
    for number, raw in enumerate(lines):
        line = plain(raw)
        labelled_due = _TRAILING_DUE.search(line)
        if labelled_due is not None:
            line = line[: labelled_due.start()]  # `Úkol pro koordinátorku: zjistit …, termín: 15. 4.`
        match = _TASK_FOR.search(line)
        if match is None:
            continue
        fields = {"task": match["task"], "owner": nominative_of(squash(match["owner"]))}
        fields["guess"] = _("owner turned from the accusative (úkol pro …)")
        if labelled_due is not None:
            fields["due"] = labelled_due["value"]
        elif (due := _SENTENCE_DUE.search(line[match.start("task") :])) is not None:
            fields["due"] = due["value"]
        if (task := _make(fields, meeting)) is not None:
            found.append((number, task))
    return found


# `ŘS ukládá koordinátorce KPSS zveřejnit zprávu do 15. 4. 2023`: a body sets a task to someone
# named in the dative, the task an infinitive (`-t`, `-ci`).
# Also `ŠR ukládá předsedovi ŠR, aby svolal další jednání`: the task a clause with `aby`.
# (`zákon ukládá povinnost vyhotovit zápis`: a duty imposed on no one named is no owner, nor one a law
# imposes; `Výbor ukládá povinnost předsedovi … zajistit …` names its owner after `povinnost`)
_IMPOSES = rx(
    rf"(?P<law>\b(?:zákon|zákoník|vyhláška|nařízení|stanovy)\w*\s+(?:\w+\s+){{0,2}})?"
    rf"\bukládá\s+(?:povinnost\s+(?!{SMALL}+(?:t|ci)\b))?(?!povinnost\b)(?P<owner>(?:[^\s,.;]+\s+){{0,3}}?[^\s,.;]+)"
    rf"(?:\s+(?P<task>(?-i:{SMALL}+(?:t|ci))\b.*)|\s*,\s*aby\s+(?P<clause>(?-i:{SMALL}+l[aiy]?)\b.*))$"
)
_DATIVE_ENDINGS = (("ové", "ová"), ("kyni", "kyně"), ("ce", "ka"), ("ovi", ""), ("u", ""))
_DATIVE_WORDS = {
    "členům": "členové",
    "poskytovatelům": "poskytovatelé",
    "koordinátorovi": "koordinátor",
    # masculine nouns in -a: `předsedovi` -> `předseda`, not `předsed`
    "předsedovi": "předseda",
    "místopředsedovi": "místopředseda",
    "starostovi": "starosta",
    "místostarostovi": "místostarosta",
}


def nominative_of_dative(dative: str) -> str:
    """A person or role in the dative (after `ukládá`) in the nominative: `koordinátorce KPSS` ->
    `koordinátorka KPSS`, `Mgr. Novákové` -> `Mgr. Nováková`, `členům PS` -> `členové PS`. A guess."""
    words = []
    for word in dative.split():
        lower = word.lower()
        if lower in _DATIVE_WORDS:
            word = _DATIVE_WORDS[lower]
        elif not (word.isupper() or word.endswith(".") or len(word) < 3):
            ending = next((e for e in _DATIVE_ENDINGS if lower.endswith(e[0])), None)
            if ending is not None:
                word = word[: len(word) - len(ending[0])] + ending[1]
        words.append(word)
    return " ".join(words)


def _imposed_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Tasks a body imposes in its resolution (`ŘS ukládá koordinátorce KPSS zveřejnit …`)."""
    found: list[tuple[int, TaskDict]] = []
    for number, raw in enumerate(lines):
        line = plain(raw)
        if (match := _IMPOSES.search(line)) is None or match["law"]:
            continue
        fields = {"owner": nominative_of_dative(match["owner"]), "task": match["task"] or match["clause"]}
        fields["guess"] = _("owner turned from the dative (ukládá …)")
        if (task := _sentence_task(fields, meeting)) is not None:
            found.append((number, task))
    return found


# A commission told in the passive (`Výběrem příspěvků na ohňostroj byli pověřeni hospodští.`, `Pan Novák
# byl pověřen zajištěním sálu.`): what to do a noun in the instrumental (`-ím`, `-ou`, `-em`), who does it
# in the nominative, before or after `byl pověřen`; the commission names its owners, so a class of people
# (`hospodští`) owns it as a role does.
_COMMISSIONED = "(?:byl[aoiy]?|je|jsou|bude|budou)\\s+pověřen[aoiy]?"
# (a noun of a deed: `-ním`/`-tím`, `-ací`, or one of the common ones; `Výbor byl pověřen valnou hromadou`
# names who gave the commission, not the task)
_INSTRUMENTAL = (
    rf"(?:(?:{CAPITAL}|{SMALL}){SMALL}+(?:ním|tím|ací)|(?i:přípravou|kontrolou|výběrem|opravou|úpravou|správou|obnovou|prodejem|"
    r"nákupem|dozorem|úklidem|sběrem|svozem|úkolem))"
)
_COMMISSION_TASK_FIRST = re.compile(
    rf"^(?P<task>(?={CAPITAL}){_INSTRUMENTAL}\b[^.;:]{{0,120}}?)\s+{_COMMISSIONED}\s+"
    r"(?P<owner>[^\s\d,;:()]+(?:(?:\s+|\s*,\s*)[^\s\d,;:()]+){0,5}?)\s*[.;]?\s*$"
)
_COMMISSION_OWNER_FIRST = re.compile(
    rf"^(?P<owner>[^,.;:()]{{3,60}}?)\s+{_COMMISSIONED}\s+(?P<task>{_INSTRUMENTAL}\b[^;:]{{3,}}?)\s*[.;]?\s*$"
)
# Who or what gave the commission (`Rozhodnutím valné hromady byl pověřen výbor přípravou stanov`), no deed.
_COMMISSION_GIVER = rx(r"^(?:rozhodnutím|usnesením|hlasováním|souhlasem|dopisem|pokynem)\b")
# A commission named by no deed (`Úkolem byl pověřen …`, `Tímto úkolem …`): the deed is elsewhere.
_BARE_TASK_WORD = rx(r"^(?:\w+\s+)?úkolem$")
# A standing role, not a deed to finish (`Správou webových stránek je pověřen …`, `Zastupováním spolku …`).
_STANDING_DUTY = rx(r"^(?:správou|dozorem|zastupováním|zastoupením|údržbou|péčí|vedením|správcovstvím)\b")
# A commission done already (`…, ples proběhl 3. 2. a byl úspěšný`).
_DONE_SINCE = rx(
    r"\b(?:proběhl[aoiy]?|se\s+konal[aoiy]?|uskutečnil[aoiy]?|byl[aoiy]?\s+úspěšn\w*|skončil[aoiy]?)\b"
)
# A class of people in the nominative plural (`hospodští`, `pořadatelé`, `trenéři`, `hasiči`).
_PEOPLE_PLURAL = rx(rf"^(?:{SMALL}+(?:ští|čtí|ní|ci|ři|ové|telé|é))(?:\s+{SMALL}+){{0,2}}$")
# Who leads, writes, verifies or counts at this meeting (`Řízením schůze byl pověřen …`, `Sčítáním hlasů
# …`): a role at the meeting, not a task.
_MEETING_ROLE_WORDS = rx(
    r"\b(?:zápis\w*|zapisov\w*|ověř\w*|řízením|vedením|sčítáním|moderov\w*|předsedání\w*)\b"
)


def _commission_owner(owner: str) -> bool:
    return bool(
        _is_person(owner)
        or _OWNER_ROLE.match(owner)
        or _MEMBERS_SUBJECT.match(owner)
        or _PEOPLE_PLURAL.match(owner)
        or (owner.split() and is_role(owner.split()[0]) and len(owner.split()) <= 3)
        or all(_is_person(p) for p in re.split(r"\s*,\s*|\s+a\s+", owner) if p)
    )


def _commissioned_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Tasks given as a commission in the passive (`_COMMISSION_TASK_FIRST`, `_COMMISSION_OWNER_FIRST`);
    none under a review of earlier tasks, nor for a role at the meeting itself."""
    found: list[tuple[int, TaskDict]] = []
    for number, line in _unreviewed(lines):
        if "pověřen" not in line:
            continue
        for sentence in _sentences(line):
            sentence = _ITEM_NUMBER.sub("", re.sub(r"^\s*\d{1,2}\s*,\s+", "", sentence)).strip()
            # (`… byl pověřen starosta do 5. 6. 2021.`: a deadline after the owner)
            due = next(
                (m for m in _SENTENCE_DUE.finditer(sentence) if not sentence[m.end() :].strip(" .;")), None
            )
            if due is not None:
                sentence = sentence[: due.start()].rstrip()
            match = _COMMISSION_TASK_FIRST.match(sentence) or _COMMISSION_OWNER_FIRST.match(sentence)
            if match is None or _MEETING_ROLE_WORDS.search(match["task"]) or _CLOSED.search(sentence):
                continue
            owner, deed = squash(match["owner"]), match["task"]
            if (inner := re.search(rf"\s(?={_INSTRUMENTAL}\b)", owner)) is not None:
                # `… byl pověřen výbor přípravou stanov`: the deed after the owner, what stood first gave it
                owner, deed = owner[: inner.start()], owner[inner.end() :].rstrip(" .")
            if (
                _COMMISSION_GIVER.match(deed)
                or _BARE_TASK_WORD.match(deed.strip())
                or _STANDING_DUTY.match(deed)
                or _DONE_SINCE.search(sentence)
            ):
                continue
            if re.search(r"\w{3}\.$", owner):
                owner = owner[:-1]  # (the sentence's full stop, not an initial's)
            if not _commission_owner(owner):
                continue
            task = f"{deed} {due[0]}" if due is not None else deed
            fields = {"owner": owner, "task": task, "guess": _("a task from the minutes' narrative")}
            if (task := _sentence_task(fields, meeting)) is not None:
                found.append((number, task))
    return found


# A person named by initials or a first name, then the surname (`K. Šimkem`, `Janu Novou`, `Ing. J. Kos`).
_INITIALLED_NAME = (
    rf"(?:(?-i:[A-Z][A-Za-z]{{0,5}})\.\s*)*(?-i:{CAPITAL}{SMALL}+)(?:\s+(?-i:{CAPITAL}{SMALL}+))?"
)
# `Výkonný výbor pověřil M. Sobela zjistit další informace.`, `Rada pověřila Janu Novou připravit návrh do
# 15. 5.`, `Zastupitelstvo pověřilo J. Kose …`: a body (of any gender) entrusts a person named in the
# accusative (an initial or a known first name, then the surname) with a deed, an infinitive (`-t`, `-ci`).
_ENTRUSTED = rx(
    r"\bpověřil[aioy]?\s+(?:(?:pana|paní|p\.|pí\.?)\s+)?"
    rf"(?P<owner>{_INITIALLED_NAME})\s+"
    rf"(?P<task>(?-i:{SMALL}+(?:t|ci))\b[^;]*)$"
)
# `Termín bude upřesněn K. Šimkem.`, `Pozvánky budou rozeslány Janou Novou do 5. 5.`: the deed in the
# future passive, its doer named in the instrumental at the end of the sentence.
_DONE_BY = rx(
    rf"^(?P<task>(?-i:{CAPITAL})[^.;:]{{2,80}}?\s+(?:bude|budou)\s+{SMALL}+[nt][aoiyé]?)\s+"
    rf"(?P<owner>{_INITIALLED_NAME})"
    r"(?P<due>\s+(?:do|nejpozději\s+do)\s+\d{1,2}\.\s*\d{1,2}\.(?:\s*\d{4})?)?\s*[.;]?$"
)
# The doer's surname in the instrumental (`K. Šimkem`, `J. Novou`, `J. Malým`): not a subject in the
# nominative (`bude pozván K. Šimek`), nor a recipient in the dative (`bude předána K. Šimkovi`).
_INSTRUMENTAL_SURNAME = rx(r"(?:em|ou|[ýí]m)$")
# Leading or writing this meeting is no deed to do (`pověřil Jana Nováka řídit schůzi`).
_THIS_MEETING_DEED = rx(r"^(?:řídit|vést|moderovat|zapisovat|zapsat|ověřit|sčítat)\b")
_INITIALS_THEN_SURNAME = re.compile(rf"^(?P<initials>(?:[A-Z][a-z]?\.\s*)+)(?P<surname>{CAPITAL}{SMALL}+)$")


def _person_from_case(written: str, case: Case) -> str | None:
    """A person written in the accusative or instrumental in the nominative: a first name that is
    known and the surname (`Zdeňka Krejčího`), or initials and the surname (`M. Sobela`, `K. Šimkem`);
    None for anything else (a body, `Radou`; a surname alone)."""
    written = squash(written)
    if (initials := _INITIALS_THEN_SURNAME.match(written)) is not None:
        return f"{squash(initials['initials'])} {surname_nominative(initials['surname'], case)}"
    return nominative_name(written, case)


def _entrusted_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Tasks a body entrusts to a named person (`_ENTRUSTED`) or sets in the future passive with its
    doer named (`_DONE_BY`), sentence by sentence; none under a review of earlier tasks, nor one made
    at an earlier meeting, done already or about leading this meeting."""
    found: list[tuple[int, TaskDict]] = []
    for number, line in _unreviewed(lines):
        if "pověřil" not in line and not re.search(r"\b(?:bude|budou)\s", line):
            continue
        for sentence in _sentences(line):
            sentence = _ITEM_NUMBER.sub("", sentence).strip()
            case: Case = "accusative"
            if (match := _ENTRUSTED.search(sentence)) is None:
                if (match := _DONE_BY.match(sentence)) is None:
                    continue
                if not _INSTRUMENTAL_SURNAME.search(match["owner"]):
                    continue
                case = "instrumental"
            deed = match["task"].strip(" .")
            if case == "accusative" and _CONDITIONAL_MOOD.search(sentence[: match.start("owner")]):
                continue  # (`Zastupitelstvo by pověřilo J. Kose …, pokud …`: who it would entrust, not did)
            if (
                _THIS_MEETING_DEED.match(deed)
                or _MEETING_ROLE_WORDS.search(deed)
                or _CLOSED.search(sentence)
                or _EARLIER_MEETING.search(sentence)
                or (owner := _person_from_case(match["owner"], case)) is None
            ):
                continue
            if case == "instrumental" and match["due"]:
                deed = f"{deed} {match['due'].strip()}"
            fields = {
                "owner": owner,
                "task": deed,
                "guess": _("owner turned from the accusative (pověřil …)")
                if case == "accusative"
                else _("owner turned from the instrumental (bude upřesněn …)"),
            }
            if (task := _sentence_task(fields, meeting)) is not None:
                found.append((number, task))
    return found


# `… se určila odpovědná osoba za jednotlivé oddíly, které budou obsluhu kiosku zajišťovat: volejbal –
# K. Machová; nohejbal + garda – R. Kotyza; …`: the persons responsible, each after a dash, the items
# apart by semicolons, under a sentence that calls them so.
_RESPONSIBLE_INTRO = rx(r"\bodpovědn(?:á|é|ý|í)\s+osob(?:a|y)\b(?P<intro>[^:]{0,120}):\s*(?P<items>.+)$")
_RESPONSIBLE_ITEM = re.compile(r"^(?P<what>[^–—-]{2,60}?)\s+[-–—]\s+(?P<who>[^–—-]+?)\.?$")
_WHICH_WILL = rx(r"\b(?:kter[áéýí]|jež)\s+(?:bude|budou)\s+(?P<deed>.+)$")


def _responsible_tasks(lines: list[str], meeting: dt.date | None) -> dict[int, list[TaskDict]]:
    """The persons responsible a sentence lists after a colon (`_RESPONSIBLE_INTRO`), by line: a task
    each, only when every item of the list (two or more) names people after its dash."""
    found: dict[int, list[TaskDict]] = {}
    for number, line in _unreviewed(lines):
        if (match := _RESPONSIBLE_INTRO.search(line)) is None:
            continue
        items = [item.strip() for item in match["items"].split(";") if item.strip()]
        parsed = [m for item in items if (m := _RESPONSIBLE_ITEM.match(item)) is not None]
        if len(items) < 2 or len(parsed) < len(items):
            continue
        if not all(
            _is_person(part) for item in parsed for part in re.split(r"\s*,\s*|\s+a\s+", item["who"]) if part
        ):
            continue
        # the deed to do must be told (`…, které budou obsluhu zajišťovat`): a list of contacts or of
        # who was responsible last year sets none
        if (which := _WHICH_WILL.search(match["intro"])) is None:
            continue
        deed = squash(which["deed"])
        for item in parsed:
            fields = {
                "owner": squash(item["who"]),
                "task": f"{deed} – {squash(item['what'])}" if deed else squash(item["what"]),
                "guess": _("owners after a dash in a list of persons responsible"),
            }
            if (task := _make(fields, meeting)) is not None:
                found.setdefault(number, []).append(task)
    return found


def _sentence_task(fields: dict[str, str], meeting: dt.date | None) -> TaskDict | None:
    """The task of a sentence: its deadline taken out of its text, the text cut at its first
    sentence's end."""
    if (due := _SENTENCE_DUE.search(fields["task"])) is not None:
        fields["due"] = due["value"]
        fields["task"] = fields["task"][: due.start()]
    fields["task"] = _SPLIT_SENTENCES.split(fields["task"])[0].rstrip(" .")
    return _make(fields, meeting)


# `Také vyzvala členy PS, aby si promysleli … a napsali návrhy koordinátorce`, `Předseda požádal
# koordinátorku KPSS, aby připravila …`: a request to a role or class named in the accusative, what to do
# in a clause with `aby` that opens with a verb of work to be done (not `aby hlasovali`, `aby se
# vyjádřili` — a request at the meeting itself); someone not named by a role (`zúčastněné`) sets none.
_REQUEST_OWNERS = (
    "členy|všechny|poskytovatele|zástupce|koordinátorku|koordinátora|předsedu|předsedkyni|místopředsedu|"
    "místopředsedkyni|starostu|starostku|místostarostu|místostarostku|tajemníka|tajemnici|zapisovatelku"
)
# (`aby začal pracovat na přípravě plánu`: the work begun is work to be done too)
_WORK_TO_DO = (
    r"(?P<task>(?:si\s+)?(?:(?:pro)?(?:mysl|napsa|zasla|posla|rozesla|připravi|zjisti|doplni|navrh|předloži|"
    r"zpracova|aktualizova|sestavi|zajisti|oslovi|prověři|nahlási|dodal)\w*|začal[aiy]?\s+(?:pracovat|připravovat))\b.*)$"
)
_REQUESTS = rx(
    rf"\b(?:vyzval|požádal)[a]?\s+(?P<owner>(?:{_REQUEST_OWNERS})\b(?:\s+[^\s,.;]+){{0,2}}?)\s*,\s*aby\s+"
    + _WORK_TO_DO
)
# `Předseda požádal Zdeňka Krejčího, aby začal pracovat na přípravě plánu akcí`: a person named in the
# accusative, first name and surname (the first name tells how to turn them to the nominative).
_REQUESTS_NAMED = rx(
    rf"\b(?:vyzval|požádal)[a]?\s+(?:(?:pana|paní|p\.|pí\.?)\s+)?"
    rf"(?P<owner>(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*(?-i:{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+))\s*,\s*aby\s+"
    + _WORK_TO_DO
)


# `…, aby připravil podklady, což již učinil`, `…, a ten je již zaslal`, `…, což již bylo splněno`: the
# request reported as done, a deed in the past (an `-l` participle) or done (`-no`, `-án`) next to `již`/`už`;
# `…, což je již nutné` says why, the task stands.
_DONE_ALREADY = rx(
    r",\s*(?:což|a\s+(?:ten|ta|to|ti|ty|on|ona|oni))\b[^.;]*?"
    # (a participle also after a consonant, `proběhlo`, `přinesl`; `má zajištěno`, `již dnes splnil`)
    r"(?:\b(?:již|už)\s+(?:(?:je|jsou|má|mají|ho|ji|jej|jim|mu|se|si|to|dnes|včera|mezitím)\s+){0,2}"
    # (`což již požadovala i škola`, `což už navrhoval ředitel`: a wish of others before, not the deed done)
    r"(?:(?!dál\b|(?:po)?(?:žádal|požadoval|navrhoval|navrhl|chtěl|doporučil|doporučoval|připomínal)[aoiy]?\b)"
    r"\w+l[aoiy]?|\w+(?:[nt][aoiy]|[eěá]n)|hotov\w*)\b"
    r"|\b\w+l[aoiy]?\s+(?:(?:je|ho|ji|jej|to|se|si)\s+)?(?:již|už)\b)"
)


# What is settled at the meeting itself: its verifier or recorder proposed (`aby navrhli ověřovatele
# zápisu. Navržen byl …`), its agenda.
_MEETING_BUSINESS = rx(
    r"^\S+\s+(?:\S+\s+)?(?:ověřovatel|zapisovatel|předsedající|program\s+(?:jednání|setkání))"
)
# `na lednovém setkání požádala …`: a request made at an earlier meeting, told again
_EARLIER_MEETING = rx(
    r"\bna\s+(?:(?:minulém|předchozím|posledním|\w+ovém)\s+(?:setkání|jednání|zasedání)"
    r"|(?:minulé|předchozí|poslední|\w+ové)\s+(?:schůzi|schůzce|poradě))\b"
)


def _requested_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Tasks asked of a role or class in a sentence (`vyzvala členy PS, aby si promysleli …`); none
    under a review of earlier tasks (`Kontrola úkolů`), nor one told as made earlier or reported done."""
    found: list[tuple[int, TaskDict]] = []
    for number, line in _unreviewed(lines):
        named = None
        if (match := _REQUESTS.search(line)) is None:
            if (match := _REQUESTS_NAMED.search(line)) is None:
                continue
            if (named := nominative_name(squash(match["owner"]), "accusative")) is None:
                continue  # a first name that does not tell how the name declines
        if (
            _MEETING_BUSINESS.match(match["task"])
            or _EARLIER_MEETING.search(line[: match.start()])
            or _CLOSED.search(match["task"])
            or _DONE_ALREADY.search(match["task"])
        ):
            continue
        fields = {"owner": named or nominative_of(squash(match["owner"])), "task": match["task"]}
        fields["guess"] = _("owner turned from the accusative (vyzval …, aby …)")
        if (task := _sentence_task(fields, meeting)) is not None:
            found.append((number, task))
    return found


# `… – zodpovídá V. Sláma a R. Pátek`, `… – odpovídají M. Čížek a J. Vošmik – průběžně`: an owner
# word after a dash ends the item; `… – úkol pro celý VV`: the owner after `úkol pro`. `odpovídá`
# alone also answers a question (`Dotaz p. Kovářové … – odpovídá Ing. Hrubý`) or is in line with
# something (`… – odpovídá Střednědobému plánu`): a responsibility only before a colon or a deadline.
_DASH_OWNER = rx(
    r"\s[-–—]\s+(?:(?:zodpovídá|zodpovídají)\s+\S|(?:odpovídá|odpovídají)(?:\s*:\s*\S|\s+[^-–—]+\s[-–—]\s+\S))"
)
# A noun in the dative (`Standardům`, `Střednědobému plánu`) is what a thing is in line with, no owner.
_DATIVE = re.compile(r"^(?:(?:p\.|pí|pan|paní)\s*)?\w+(?:ům|ám|ému|ímu)\b")
_DASH_TASK_FOR = rx(r"^(?P<task>.{3,}?)\s+[-–—]\s+úkol\s+pro\s+(?P<owner>[^:;,()]{2,40}?)\s*\.?\s*$")
# `- 2. 10. Poutní mše … – svátek sv. Michala- za přípravu zodpovídá p. Hradilová`, `… – zodpovědná MAS
# Hradecký venkov`: after a dash, the owner word and who (a capital, a courtesy word before it) end the
# item; it may be a long line of a list of coming events.
_OWNER_ENDS = rx(
    rf"^(?P<task>.{{3,}}?)\s*[-–—]\s+(?:za\s+{SMALL}+\s+)?(?:zodpovídá|zodpovídají|zodpovědn[áýé])"
    rf"\s+(?P<owner>(?:(?:p\.|pí|pan|paní)\s*)?(?-i:{CAPITAL})[^,;:()–—\d]{{1,50}}?)\s*\.?\s*$"
)


# `• nový vysavač - Tomáš F.`: a bullet of a thing to get or see to, and after a dash who sees to it,
# written as a first name and the surname's initial — the way members name each other, not how
# minutes name who presented an item (`Zpráva o činnosti – Ing. Jan Kos`), which is left alone.
_BULLET_FIRST_NAME_OWNER = re.compile(
    rf"^\s*(?P<task>[^\s\-–—].{{2,120}}?)\s+[-–—]\s+(?P<first>{CAPITAL}{SMALL}+)\s+(?P<initial>{CAPITAL})\.?\s*$"
)

# `do příští PR - každý člen sepsat podstatné body`: the deadline first, after a dash the members as a
# whole and what each is to do, in the infinitive.
_DUE_DASH_MEMBERS = rx(
    r"^(?P<due>do\s+(?:příští(?:ho|m)?|další(?:ho)?)\s+\S+(?:\s+\S+)?)\s+[-–—]\s+"
    r"(?P<owner>každý\s+člen|každá\s+členka|všichni\s+členové|všichni)\s+"
    r"(?P<task>\w+(?:t|ti)\s+\S.{2,150}?)\s*\.?$"
)


_NOT_TASKS_LABEL = rx(r"^\s*(?:program|pořad|body\s+jednání)\b")


def _bullet_under_tasks(lines: list[str], number: int) -> bool:
    """False when the bullet at `number` sits under a label of another kind in its block (the lines up
    to a blank one): `Program:`, `Poděkování:`, `Hlasování:`, `Přítomni:` head lists whose `– Jana K.`
    names a presenter, a thanked or voting member or a body's delegate, never an owner. A tasks
    heading (`Úkoly:`) or none (bullets under a numbered item, `1. Investice`) lets it stand."""
    for above in reversed(lines[:number]):
        line = plain(above).strip()
        if not line:
            return True
        if _SECTION.match(line):
            return True
        if line.endswith(":") or _NOT_TASKS_LABEL.match(line):
            return False
    return True


def _dash_owner_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Items of the running text (numbered or not) whose end names the owner after a dash:
    `2. Výběr příspěvků u všech oddílů – zodpovídají jejich vedoucí`, `Je nutno zajistit sponzory
    – úkol pro celý VV`. A line that says more after its owner is left alone."""
    found: list[tuple[int, TaskDict]] = []
    for number, raw in enumerate(lines):
        line = _ITEM_NUMBER.sub("", plain(raw))
        if (
            len(line) <= 400
            and (match := _OWNER_ENDS.match(line)) is not None
            and len(match["owner"].split()) <= 4
        ):
            fields = {"task": match["task"], "owner": squash(match["owner"])}
        elif len(line) > 200:
            continue
        elif (match := _DASH_TASK_FOR.match(line)) is not None:
            fields = {"task": match["task"], "owner": nominative_of(squash(match["owner"]))}
        elif _DASH_OWNER.search(line) is not None:
            fields = _cell_fields(line)
            if "owner" not in fields or len(fields["owner"].split()) > 8:
                continue
        elif (
            is_bullet(raw)
            and _bullet_under_tasks(lines, number)
            and (match := _BULLET_FIRST_NAME_OWNER.match(plain(raw))) is not None
            and fold(match["first"]) in FIRST_NAMES
            and not _VERB.search(match["task"])
        ):
            fields = {"task": match["task"], "owner": f"{match['first']} {match['initial']}."}
        elif (match := _DUE_DASH_MEMBERS.match(line)) is not None:
            fields = {"task": match["task"], "owner": match["owner"], "due": match["due"]}
        else:
            continue
        if _DATIVE.match(fields.get("owner", "").strip()):
            continue
        if (task := _make(fields, meeting)) is not None:
            found.append((number, task))
    return found


# `Výbor schválil následující úkoly: - Naplánovat … – termín říjen 2005 ( zodpovídá Bárta Václav st. )
# - Vybrat členské příspěvky termín 31.12.2005 (zodpovídá Otřísal Václav) - …`: a list of tasks
# flattened into one line of a transcript, each item after its marker and a capital letter.
_INLINE_LIST = rx(
    r"\b(?:(?:následující|tyto|tyto\s+nové|nové|další)\s+úkoly|úkoly)\s*:\s*(?P<marker>[-–•])\s+"
)
# Where the last item of such a list ends: the next numbered item (`5) Diskuse`), a sentence that
# starts with `Úkol …`, or a full stop after a word (not an initial or `st.`, `ml.`).
_LIST_END = re.compile(rf"\s\d{{1,2}}\s*\)\s|\s(?=Úkol\s)|(?<={SMALL}{{4}})\.\s+(?={CAPITAL})")
_ITEM_DUE = rx(r"(?:^|\s)[-–—]?\s*termín\s+(?P<value>[^()]+?)\s*(?=\(|\s[-–—]\s|$)")
_ITEM_BRACKET_OWNER = rx(
    r"\(\s*(?P<word>(?:zodpovídá|zodpovídají|odpovídá|odpovídají|zajistí)\s+)?(?P<owner>[^()]+?)\s*\)\s*$"
)
_ITEM_ON_DAY = rx(r"\b(?:dne|do)\s+(?P<value>\d{1,2}\s*\.\s*\d{1,2}\s*\.(?:\s*\d{4})?)")
# `Úkol objednání předplatného časopisu Český hasič (Otřísal Václav) přetrvává.`: a task carried over.
_CARRIED = rx(
    r"\búkol\s+(?P<task>[^()]{3,100}?)\s*\((?P<owner>[^()]{3,60})\)\s*(?:stále\s+|nadále\s+)?(?:přetrvává|trvá)\b"
)


def _list_item(item: str, meeting: dt.date | None) -> TaskDict | None:
    """One item of a list of tasks flattened into a line: the task, `termín …`, the owner in
    brackets (`( zodpovídá Bárta Václav st. )`), after a dash (`– Gabriel Jiří`) or after
    `zajistí`, and a day the task is set for (`dne 6.8.`) when no deadline is given."""
    fields: dict[str, str] = {}
    if (bracket := _ITEM_BRACKET_OWNER.search(item)) is not None and (
        bracket["word"] or looks_like_name(bracket["owner"])
    ):
        fields["owner"], item = bracket["owner"], item[: bracket.start()]
    if (due := _ITEM_DUE.search(item)) is not None and _deadline_like(due["value"]):
        fields["due"], item = due["value"], item[: due.start()] + item[due.end() :]
        if (hits := find_dates(fields["due"])) and hits[0].start <= 3 and hits[0].year is not None:
            fields["due"] = fields["due"][: hits[0].end]  # `termín 30.9.2022 Konec schůze.`: the list ran on
    if "owner" not in fields and (owner := _PROSE_OWNER.search(item)) is not None:
        fields["owner"] = owner["value"]
        item = item[: owner.start()].rstrip(" -–—")
        item = re.sub(r"\s[-–—]\s+\S+$", "", item)  # `… dne 6.8. - vyhlášení zajistí …`
    dashed = "owner" not in fields and re.search(r"\s[-–—]\s", item) is not None
    cells = _cell_fields(item) if dashed else {"task": item}  # `(M, Ž, MH)` is no owner
    fields = {**cells, **fields}
    if "due" not in fields and (day := _ITEM_ON_DAY.search(fields["task"])) is not None:
        fields["due"] = day["value"]
    return _make(fields, meeting)


def _line_tasks(line: str, meeting: dt.date | None) -> list[TaskDict]:
    """Every task of one line that holds several: the items of a list flattened into it (see
    `_INLINE_LIST`) and the tasks carried over (`Úkol … (Name) přetrvává`), in order."""
    found: list[tuple[int, TaskDict]] = []
    if (start := _INLINE_LIST.search(line)) is not None:
        rest = line[start.end() :]
        end = _LIST_END.search(rest)
        rest = rest[: end.start()] if end is not None else rest
        marker = re.escape(start["marker"])
        at = start.end()
        for item in re.split(rf"\s{marker}\s+(?={CAPITAL})", rest):
            if (task := _list_item(item.strip(), meeting)) is not None:
                found.append((at, task))
            at += len(item) + 3
    for carried in _CARRIED.finditer(line):
        fields = {"task": carried["task"], "owner": carried["owner"]}
        if (task := _make(fields, meeting)) is not None:
            found.append((carried.start(), task))
    return [task for _at, task in sorted(found, key=lambda item: item[0])]


# `Výbor odsouhlasil následující úkoly:` ending a line whose items a web page's flattened list put
# on the lines after it (`Provést nábor dětí – Macháček Jos. ml.`).
# A sentence, not a heading alone (`Nové úkoly:` heads labelled blocks or a list of its own).
_LIST_INTRO = rx(r"\w.*\s(?:následující|tyto(?:\s+nové)?|nové|další)\s+úkoly\s*:\s*$")


def _intro_list_tasks(lines: list[str], meeting: dt.date | None) -> dict[int, list[TaskDict]]:
    """The items after a line that ends with `následující úkoly:`, one a line, up to a blank
    line or the end of the list inside the last item (see `_LIST_END`); line -> its tasks."""
    found: dict[int, list[TaskDict]] = {}
    for number, raw in enumerate(lines):
        if not _LIST_INTRO.search(plain(raw)):
            continue
        for at in range(number + 1, len(lines)):
            line = plain(lines[at])
            if not line or _ANY_FIELD.match(line):
                break
            end = _LIST_END.search(line)
            item = line[: end.start()] if end is not None else line
            tasks = [task] if (task := _list_item(item.strip(), meeting)) is not None else []
            found[at] = tasks + [t for t in _line_tasks(line, meeting) if t not in tasks]
            if end is not None:
                break
    return found


# `… A) PS Medializace a propagace Úkol 1/28: Rozpracovat koncepci výstav. Termín: jednání 1 / 2012,
# v návaznosti na … B) PS Leader Úkol 1/30: …`: tasks numbered by the meeting that set them, run
# into one line of a transcript (a control of earlier tasks), each under the body that owns it.
_NUMBERED_TASK = rx(r"\búkol\s+\d{1,3}\s*/\s*\d{1,3}\s*:\s*")
_NUMBERED_DUE = re.compile(
    rf"\s*\b(?i:termín)\s*:\s*(?P<due>[^,;]+?)(?=\s*[,;]|\s+{CAPITAL}{SMALL}+\s+{SMALL}|\s*$)"
)
_OWNING_BODY = re.compile(
    r"(?:^|\s)[A-H]\)\s+(?P<owner>(?:PS|(?i:pracovní\s+skupina|skupina|komise|výbor))\s+[^:()]{1,60}?)\s*$"
)


def _numbered_tasks(line: str, meeting: dt.date | None) -> list[TaskDict]:
    """The tasks of a line that runs several `Úkol N/M: … Termín: …` together; [] for fewer than two."""
    markers = list(_NUMBERED_TASK.finditer(line))
    if len(markers) < 2:
        return []
    tasks: list[TaskDict] = []
    for k, marker in enumerate(markers):
        end = markers[k + 1].start() if k + 1 < len(markers) else len(line)
        segment = line[marker.end() : end]
        fields: dict[str, str] = {}
        if (due := _NUMBERED_DUE.search(segment)) is not None:
            fields["task"], fields["due"] = segment[: due.start()], due["due"]
        else:
            fields["task"] = re.split(r"(?<=[^\W\d]{3})\.\s+(?=\S)", segment)[0]
        before = line[markers[k - 1].end() if k else 0 : marker.start()]
        if (body := _OWNING_BODY.search(before)) is not None:
            fields["owner"] = body["owner"]
        if (task := _make(fields, meeting)) is not None:
            tasks.append(task)
    return tasks


# `Poté provedla kontrolu plnění úkolů z minulého jednání:`: a control of earlier tasks introduced
# by a sentence or a heading that ends with a colon; its numbered items follow.
_REVIEW_INTRO = rx(r"\bkontrol\w*\s+(?:plnění\s+)?úkolů\b[^:]{0,60}:\s*$")
_REVIEW_ITEM = re.compile(r"^\s*\d{1,2}\s*[.)]\s+(?P<item>\S.*)$")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
# what says an earlier task is closed: done, cancelled, dropped
_CLOSED = rx(r"\b(?:splněn[oa]?|zrušen[oa]?|vypuštěn[oa]?|bezpředmětn\w*|ukončen[oa]?)\b")
_REVIEW_OWNER = rx(
    rf"^(?:(?:[A-Z][a-z]{{0,5}}\.\s*)*{CAPITAL}|(?:město|obec|členové|koordinátor\w*|předsed\w*|vedoucí)\b)"
)
_REVIEW_DUE = rx(r"(?:^|[.\s])\s*termín\s*:\s*(?P<value>[^;]+?(?:\d{4}|průběžně))\s*\.?\s*$")
_REVIEW_ONGOING = rx(r"^(?:plnění\s+)?(?P<value>průběžně|trvale|stále)\.?$")


def _review_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """The open items of a control of earlier tasks, `1. Aktualizace webových stránek - Mgr.
    Švejdová - plnění průběžně.`, `3. Podpora poradenství - město Frýdlant. Termín: 31. 12. 2010`:
    each still owed by its owner (after a spaced dash) with its deadline; an item said to be done or
    cancelled (`splněno`, `Úkol zrušen`), on its line or the lines under it, is closed."""
    found: list[tuple[int, TaskDict]] = []
    number = 0
    while number < len(lines):
        if not _REVIEW_INTRO.search(plain(lines[number])):
            number += 1
            continue
        number += 1
        while number < len(lines):
            item = _REVIEW_ITEM.match(plain(lines[number]))
            if item is None:
                if plain(lines[number]).strip():
                    break
                number += 1
                continue
            at, text = number, item["item"]
            number += 1
            # the lines under the item, up to the next item (its state, a note)
            under: list[str] = []
            while (
                number < len(lines)
                and plain(lines[number]).strip()
                and not _REVIEW_ITEM.match(plain(lines[number]))
            ):
                if not lines[number][:1].isspace():
                    break
                under.append(plain(lines[number]).strip())
                number += 1
            if _CLOSED.search(text) or any(_CLOSED.search(line) for line in under[:1]):
                continue
            parts = _SPACED_DASH.split(text.strip())
            if len(parts) < 2:
                continue
            fields: dict[str, str] = {"task": parts[0]}
            owner_part = parts[1]
            if (due := _REVIEW_DUE.search(owner_part)) is not None:
                fields["due"], owner_part = due["value"], owner_part[: due.start()]
            owner_part = owner_part.strip(" .,;")
            if not owner_part or len(owner_part.split()) > 6 or not _REVIEW_OWNER.match(owner_part):
                continue
            fields["owner"] = owner_part
            for rest in parts[2:]:
                if (ongoing := _REVIEW_ONGOING.match(rest.strip())) is not None:
                    fields["due"] = ongoing["value"]
                elif (due := _REVIEW_DUE.search(rest)) is not None:
                    fields["due"] = due["value"]
            if "due" not in fields and under and (due := _REVIEW_DUE.search(under[0])) is not None:
                fields["due"] = due["value"]
            if "due" not in fields:
                continue  # an owner alone on a line of a control is too little for an open task
            if (task := _make(fields, meeting)) is not None:
                found.append((at, task))
    return found


# A bullet anywhere that opens with an infinitive and ends with its owner in brackets:
# `- připravit podklady (Novák)`, `• Koupit megafon (Martin Šmída)`, `- rozeslat zápis (zodpovídá:
# Mgr. Nová, T: 31. 3.)`. Under no heading of tasks, so a guess.
_INFINITIVE_ITEM = rx(
    rf"^(?P<task>(?:{SMALL}|{CAPITAL})(?:{SMALL})+(?:at|et|ět|it|ít|out|ovat|nout|ýt|ci)\s+[^()]{{3,}}?)"
    r"\s*\((?P<bracket>[^()]{2,80})\)\s*\.?\s*$"
)
# The owner in the bracket: a name (`Mgr. Jana Nová`), a surname (`Novák`), with an initial
# (`Nováková J.`), or a role before a dash (`PO - Petr Bajgar`: the name after it).
_BRACKET_OWNER = re.compile(
    rf"^(?:[^()\-–—]{{1,20}}\s[-–—]\s+)?(?P<owner>(?:{CAPITAL}\.\s*)?{CAPITAL}{SMALL}{{2,}}(?:-{CAPITAL}{SMALL}+)?"
    rf"(?:\s+{CAPITAL}\.)?)$"
)


_BRACKET_OWNER_WORD = rx(r"^(?:zodpovídá|zodpovídají|odpovídá|odpovídají|zodp\.|odp\.)\s*:?\s+(?=\S)")


def _bracket_owner_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Bullets outside a section of tasks whose text is a task (an infinitive) and whose bracket
    names who does it, with the deadline when the bracket labels one (see `_INFINITIVE_ITEM`)."""
    tasks: list[tuple[int, TaskDict]] = []
    for number, raw in enumerate(lines):
        if not is_bullet(raw):
            continue
        item = re.sub(r"^\s*[-–—•·*]\s*", "", plain(raw))
        if (match := _INFINITIVE_ITEM.match(item)) is None:
            continue
        # `(odpovídá Petr Sýkora)`, `(zodpovídá Eva Horká, termín 31. 5.)`: after a task told by its
        # infinitive the owner word names who is responsible, with or without a colon
        bracket = _BRACKET_OWNER_WORD.sub("owner: ", squash(match["bracket"]))
        fields: dict[str, str]
        if _ANY_FIELD.search(bracket):
            fields = _split_fields(bracket)
            fields.pop("task", None)
            if "owner" not in fields:
                continue
        elif (owner := _BRACKET_OWNER.match(bracket)) is not None:
            fields = {"owner": owner["owner"]}
        elif " " in (named := re.split(r"\s[-–—]\s", bracket)[-1]) and looks_like_name(named):
            fields = {"owner": named}  # `(Mgr. Jana Nová)`: a name of two words or more
        else:
            continue  # `(funkcionáři povinně, členové dobrovolně)`: no owner
        fields["task"] = match["task"]
        fields["guess"] = _("a task from a bullet with the owner in brackets")
        if (task := _make(fields, meeting)) is not None:
            tasks.append((number, task))
    return tasks


_CLOSING = (".", "!", "?", ")", ":", ";")
_NEEDS_MORE = rx(
    r"\s(?:a|i|nebo|ale|že|aby|by|bylo|byl|byla|je|bude|v|ve|na|do|z|ze|s|se|k|ke|o|u|pro|při|po|za|od|nad)$"
)
_INFINITIVE = rx(r"^(?:se\s+|si\s+)?\w+(?:t|ti|ci)(?:\s|$)")


def _cut_at_the_end(lines: list[str], number: int, task: TaskDict) -> bool:
    """`• Zamyslet se nad věcmi, které by bylo dobr`: a task with neither owner nor deadline whose text
    ends the document without closing its sentence was cut where an excerpt (a web preview) stops."""
    last = next((n for n in range(len(lines) - 1, -1, -1) if lines[n].strip()), None)
    if number != last or task["owner"] or task["due"]:
        return False
    line = plain(lines[number]).rstrip()
    if line.endswith(_CLOSING) or not line.endswith(squash(task["task"]).rstrip()):
        return False
    # A list item is whole without a full stop (`- připravit podklady`): it was cut when it stops at
    # a word that needs more (`… a`, `… v`), when most items above it close and it does not, or when
    # it is a sentence (`Koordinátorka bude v dost`) rather than a task told by its infinitive.
    above = []
    for raw in reversed(lines[:number]):
        if not (is_bullet(raw) or _ARABIC_ITEM.match(raw)):
            break
        above.append(plain(raw).rstrip())
    item = _ARABIC_ITEM.sub("", line)  # (`plain` took a bullet off already)
    return bool(
        _NEEDS_MORE.search(line)
        or sum(sibling.endswith(_CLOSING) for sibling in above) > len(above) / 2
        or not _INFINITIVE.match(item)
    )


# `plakáty byly předány p. Jochcovi, který zajistí vyvěšení`: someone named in the dative (to whom something
# goes) and a relative clause with a task verb, whose subject is that person.
_DATIVE_THEN_WHO = re.compile(
    rf"(?<![\w.])(?P<courtesy>[Pp]anu|[Pp]aní|p\.|pí)\s*(?P<dative>{CAPITAL}{SMALL}+(?:ovi|ové|é|ce|u))"
    r"\s*,\s*(?:který|která)\s+(?P<task>(?P<verb>\w+)\s+[^,;.()]{3,}?)\s*(?=[,;.(]|$)"
)
_COURTESY_NOMINATIVE = {"panu": "pan", "paní": "paní", "p.": "p.", "pí": "pí"}
# A task cut at the dot of an abbreviation or an initial (`ve spolupráci s p. Malou`): its text is not whole.
_CUT_AT_ABBREVIATION = rx(
    r"(?:\b(?:p|pí|ing|mgr|bc|dr|mudr|judr|phdr|paeddr|rndr|doc|prof|ml|st|tzv|resp|apod|např|č|sv|ul|nám)"
    r"|(?<!\w)\w)$"
)
# A wish or a possibility (`zda by nebylo lepší …`): nothing agreed.
_CONDITIONAL_MOOD = rx(r"\b(?:by|bychom|byste|bych|bys)\b")


def _sentence_around(line: str, start: int, end: int) -> str:
    """The sentence of `line` that holds the span from `start` to `end`, with its closing `.`/`?`, cut where
    `_SPLIT_SENTENCES` cuts (not at the dot of `p.`, `Ing.` or an initial)."""
    first, last = 0, len(line)
    for boundary in _SPLIT_SENTENCES.finditer(line):
        if boundary.end() <= start:
            first = boundary.end()
        elif boundary.start() >= end:
            last = boundary.start() + 1
            break
    return line[first:last]


def _nominative_present(dative: str, attending: frozenset[str]) -> str | None:
    """`Jochcovi` -> `Jochec`, `Vrbovi` -> `Vrba`, `Malé` -> `Malá`, `Dvořáčkovi` -> `Dvořáček`: the nominative of
    a surname in the dative that someone at the meeting bears (a vowel dropped in declension put back)."""
    stem = nominative_of_dative(dative)
    candidates = [stem, f"{stem}a"]  # (`Kosovi` -> `Kos`, `Vrbovi` -> `Vrba`)
    if stem.endswith("é"):
        candidates.append(f"{stem[:-1]}á")
    if len(stem) > 2 and _ENDS_CONSONANT.search(stem) and _ENDS_CONSONANT.search(stem[:-1]):
        candidates.append(f"{stem[:-1]}e{stem[-1]}")  # (`Jochc` -> `Jochec`)
    return next((c for c in candidates if fold(c) in attending), None)


def _dative_owner_tasks(
    lines: list[str], meeting: dt.date | None, attending: frozenset[str]
) -> list[tuple[int, TaskDict]]:
    """Tasks owned by someone named in the dative and taken up by a relative clause (`_DATIVE_THEN_WHO`), when
    that person was at the meeting."""
    found: list[tuple[int, TaskDict]] = []
    for number, line in _unreviewed(lines):
        for match in _DATIVE_THEN_WHO.finditer(line):
            if not _VERB.fullmatch(match["verb"]) or match["verb"].lower() in _IMPERFECTIVE:
                continue
            sentence = _sentence_around(line, match.start(), match.end())
            if (
                _CONDITION.search(sentence)
                or _TASK_STATE.search(sentence)
                or _QUESTION.search(sentence)
                or _CONDITIONAL_MOOD.search(sentence)
                or "?" in sentence
            ):
                continue  # (`Pokud …, budou … předány p. Kosovi, který zajistí …`, `… – splněno`, `zda by …`)
            if line[match.end() : match.end() + 1] == "." and _CUT_AT_ABBREVIATION.search(match["task"]):
                continue  # (`zajistí vyvěšení ve spolupráci s p. Malou`: the task's text would be cut short)
            # kpss: odhad – the dative's nominative is the surname of someone at the meeting
            surname = _nominative_present(match["dative"], attending)
            if surname is None:
                continue
            owner = f"{_COURTESY_NOMINATIVE[match['courtesy'].lower()]} {surname}"
            fields = {
                "owner": owner,
                "task": match["task"],
                "guess": _("a task of a relative clause after a dative"),
            }
            if (task := _make(fields, meeting)) is not None:
                found.append((number, task))
    return found


# `Rosťovi Caklovi bylo připomenuto, aby si vyřídil vyúčtování ohňostroje.`, `Janě Malé bylo uloženo zajistit
# sál.`: a reminder or a task told in the passive to a person named in the dative (a first name, also as
# friends say it, and the surname) at the start of the sentence; what to do a clause with `aby` and a verb in
# the past, or an infinitive.
_REMINDED_HEAD = (
    rf"(?P<first>{CAPITAL}{SMALL}+(?:ovi|u|ě|e|ii))\s+"
    rf"(?P<dative>{CAPITAL}{SMALL}+(?:ovi|ové|é|ému|ímu|ce|u|i))\s+(?:bylo|je)\s+"
)
# (what to do ends where the next one's reminder begins: `…, Evě Nové bylo uloženo …`)
_REMINDED_DEED = rf"(?:(?!,\s*(?:a\s+)?{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+\s+(?:bylo|je)\s)[^;?])*"
_REMINDED = re.compile(
    rf"(?:^\s*(?:\d{{1,2}}\s*[./)]\s*)?|(?<=[.;:,])\s+(?:a\s+)?){_REMINDED_HEAD}(?:(?:znovu|opět|také|rovněž)\s+)?"
    # (`doporučeno zvážit …`, `doporučeno, aby zvážil …`: a recommendation to consider, no task)
    r"(?i:připomenuto|uloženo|doporučeno(?!\s+(?:zvážit|zvažovat|uvážit|promyslet|popřemýšlet|zamyslet|zkusit)\b"
    r"|\s*,\s*aby\s+(?:si\s+|se\s+)?(?:zvážil|zvažoval|uvážil|promyslel|popřemýšlel|zamyslel|zkusil)))"
    rf"(?:\s*,\s*aby\s+(?P<clause>(?:si\s+|se\s+)?{SMALL}+l[aiy]?\b{_REMINDED_DEED})"
    rf"|\s+(?P<task>{SMALL}+(?:t|ci)\b{_REMINDED_DEED}))"
)
# How a first name ends in the dative, and in the nominative (`Petrovi` -> `Petr`, `Rosťovi` -> `Rosťa`,
# `Janu` -> `Jan`, `Janě` -> `Jana`, `Lucii` -> `Lucie`).
# `… a Evě Nové …`: after `a`, a capitalised first name and surname open another person's part.
_AND_NEXT_NAMED = re.compile(rf",?\s+a\s+(?={CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL})")
_FIRST_DATIVE = (("ovi", ("", "a")), ("u", ("",)), ("ě", ("a",)), ("e", ("a",)), ("ii", ("ie",)))


def _reminded_owner(first: str, dative: str, attending: frozenset[str]) -> str | None:
    """The nominative of a person in the dative (`Rosťovi Caklovi` -> `Rosťa Cakl`) whose surname someone at
    the meeting bears, the first name a known one or a nickname of a first name there; None otherwise."""
    adjective = next(
        (dative[: -len(e)] + n for e, n in (("ému", "ý"), ("ímu", "í")) if dative.endswith(e)), None
    )
    surname = (
        adjective if adjective and fold(adjective) in attending else _nominative_present(dative, attending)
    )
    if surname is None:
        return None
    for ending, nominatives in _FIRST_DATIVE:
        if first.endswith(ending):
            for nominative in nominatives:
                name = first[: len(first) - len(ending)] + nominative
                if fold(name) in FIRST_NAMES or _nickname_present(f"{name} {surname}", attending):
                    return f"{name} {surname}"
    return None


def _reminded_tasks(
    lines: list[str], meeting: dt.date | None, attending: frozenset[str]
) -> list[tuple[int, TaskDict]]:
    """Tasks a reminder or a passive sets to someone at the meeting named in the dative (`_REMINDED`)."""
    found: list[tuple[int, TaskDict]] = []
    for number, line in _unreviewed(lines):
        for match in _REMINDED.finditer(plain(line)):
            # kpss: odhad – the surname turned from the dative is borne by someone at the meeting
            if (owner := _reminded_owner(match["first"], match["dative"], attending)) is None:
                continue
            deed = _SPLIT_SENTENCES.split(match["clause"] or match["task"])[0].rstrip(" .")
            # (`… uloženo zajistit sál a Evě Nové připravit pozvánky`: the next one's task is not theirs)
            deed = _AND_NEXT_NAMED.split(deed, maxsplit=1)[0]
            if _CLOSED.search(deed) or _DONE_ALREADY.search(deed) or _CONDITIONAL_MOOD.search(deed):
                continue
            fields = {
                "owner": owner,
                "task": deed.strip(),
                "guess": _("owner turned from the dative (bylo připomenuto …)"),
            }
            if (task := _sentence_task(fields, meeting)) is not None:
                found.append((number, task))
    return found


# `Dokumenty velitel zařídil, nám předložil a zítra, tj. 5. 4. 2016 je osobně předá na OSH.`: a subject (a
# role word, or a person's name) before a deed in the past, then after `a` the same subject's promise: no new
# subject, only adverbs, a date and a pronoun object before a perfective verb of a task.
_DONE_THEN_PROMISED = re.compile(
    rf"(?:^|[\s,])(?P<owner>(?-i:{SMALL}){{3,}}|(?:{CAPITAL}\.\s*)?{CAPITAL}{SMALL}+)\s+(?:{_OBJECT_PRONOUN}\s+)?"
    rf"(?P<past>{SMALL}+[aeiouyáéíě]l[aoiy]?)\b(?P<between>[^.;:?!]{{0,80}}?)\s+a\s+"
    rf"(?P<lead>(?:(?:{SMALL}+\.?|\d{{1,2}}\.|\d{{4}}),?\s+){{0,8}}?)"
    rf"(?P<verb>(?i:{_VERB.pattern}))(?P<rest>[^;?!]*)$"
)
_FULL_DATE = re.compile(r"\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}")


def _promised_after_deed(sentence: str) -> dict[str, str] | None:
    """The owner, task and day of `_DONE_THEN_PROMISED` in one sentence: the owner a role word (`velitel`) or
    a person (`J. Pecka`); nothing between the past and the promise that opens another clause (`že`, a
    capitalised word); the verb a perfective one of a task; a full date before it the day it is due."""
    if len(sentence) > 400 or " a " not in sentence:
        return None  # (a run-on transcript's paragraph is no one sentence)
    pos = 0
    while (match := _DONE_THEN_PROMISED.search(sentence, pos)) is not None:
        # (`… sboru velitel zařídil`: `sboru velitel` reads as a word and a past too; the next word tried)
        if (
            _OWNER_ROLE.fullmatch(match["owner"])
            or _is_person(match["owner"])
            or match["owner"][:1].isupper()
        ):
            break
        pos = match.start("owner") + 1
    if match is None or not _VERB.fullmatch(match["verb"]) or match["verb"].lower() in _IMPERFECTIVE:
        return None
    owner = match["owner"]
    if not (_OWNER_ROLE.fullmatch(owner) or _is_person(owner)):
        # (`J. Pecka`: two words; the pattern takes the surname alone, the initial before it)
        before = sentence[: match.start("owner")].rstrip()
        initial = re.search(rf"{CAPITAL}\.$", before)
        if initial is None or not _is_person(f"{initial[0]} {owner}"):
            return None
        owner = f"{initial[0]} {owner}"
    lead = match["lead"]
    if re.search(rf"{CAPITAL}{SMALL}", lead) or _THAT.search(match["between"]) or _RELATIVE.search(lead):
        return None
    if _CONDITION.search(sentence) or _CONDITIONAL_MOOD.search(sentence) or _QUESTION.search(sentence):
        return None
    fields = {"owner": owner, "task": f"{match['verb']}{match['rest']}".strip(" .")}
    if (day := _FULL_DATE.search(lead)) is not None:
        fields["due"] = squash(day[0])
    return fields


def _promised_tasks(lines: list[str], meeting: dt.date | None) -> list[tuple[int, TaskDict]]:
    """Tasks a subject promises after a deed of theirs in the past (`_promised_after_deed`), sentence by sentence."""
    found: list[tuple[int, TaskDict]] = []
    for number, line in _unreviewed(lines):
        for sentence in _sentences(line):
            if (fields := _promised_after_deed(sentence)) is None:
                continue
            fields["guess"] = _("a task from the minutes' narrative")
            if (task := _sentence_task(fields, meeting)) is not None:
                found.append((number, task))
    return found


# `2) Akce Kaštánku (paní Malá akce zašle e-mailem)`: a bracket that opens with a person (a courtesy word and a
# surname), then up to three words of the object in lower case and a task verb: that person owns it.
_BRACKET_SUBJECT = re.compile(
    rf"\((?P<owner>(?:[Pp]an|[Pp]aní|p\.|pí)\s*(?:{CAPITAL}\.\s*)?{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?)"
    rf"\s+(?P<object>(?:{SMALL}+\s+){{0,3}}?)(?P<verb>(?i:{_VERB.pattern}))(?P<rest>[^()]*)\)"
)


# A word before the task verb in the bracket that may be a verb of its own: the present (`neví`, `chtějí`,
# `zajišťuje`) or the past of a woman or of several (`nevěděla`, `řekli`); a noun's `-l` (`kapel`) is left.
_VERB_IN_OBJECT = re.compile(r"\w*(?:[^nt\W]í|ají|ují|uje|[aeiyěo]la|[aeiyěo]li|[aeiyěo]ly)\b", re.IGNORECASE)


def _bracket_subject_tasks(
    lines: list[str], meeting: dt.date | None, attending: frozenset[str]
) -> list[tuple[int, TaskDict]]:
    """Tasks set in a bracket whose subject opens it (`_BRACKET_SUBJECT`), by someone at the meeting."""
    found: list[tuple[int, TaskDict]] = []
    for number, line in _unreviewed(lines):
        for match in _BRACKET_SUBJECT.finditer(line):
            verb = match["verb"]
            if verb.lower() in _IMPERFECTIVE or not verb.islower():
                continue
            if _CONDITION.search(match[0]) or _TASK_STATE.search(match[0]):
                continue
            if "?" in match[0] or _QUESTION.search(match[0]) or _VERB_IN_OBJECT.search(match["object"]):
                continue  # (`(paní Malá neví, kdo zajistí sál)`, `(paní Malá akce zašle?)`: not agreed)
            surname = match["owner"].split()[-1].split(".")[-1]
            # kpss: odhad – the person opening the bracket is the subject when in the nominative and at the meeting
            if fold(surname) not in attending or fold(surname).endswith(_DECLINED_SURNAME):
                continue
            rest = match["rest"]
            fields = {"owner": match["owner"], "guess": _("a task in a bracket opened by its owner")}
            if (due := _SENTENCE_DUE.search(rest)) is not None and _deadline_like(due["value"]):
                fields["due"], rest = due["value"], rest[: due.start()] + rest[due.end() :]
            fields["task"] = squash(f"{verb} {match['object']} {rest}").strip(" .;,")
            if (task := _make(fields, meeting)) is not None:
                found.append((number, task))
    return found


_FUTURE = re.compile(r"\bbud(?:e|ou)\b")
# `Tombolu budou prodávat Milan Polívka a Václav Fial.`, `… a vybírat ho bude Josef Hora a Jan Kos.`: a deed told
# in the future (`bude`/`budou` and an infinitive, either first) by people named after it, closing the sentence.
_FUTURE_DEED = re.compile(
    rf"^(?P<object>\S.*?)\s+(?:(?P<before>{SMALL}+(?:t|ci))\s+(?:{_OBJECT_PRONOUN}\s+)?(?:bude|budou)"
    rf"|(?:bude|budou)\s+(?P<after>{SMALL}+(?:t|ci)))"
    # (where, between: `Kontrolu budou provádět v kanceláři Posázaví Marie Škvorová, Vanda Kubínová a …`)
    rf"(?:\s+(?:v|ve|na)\s+{SMALL}{{3,}}(?:\s+{CAPITAL}{SMALL}+)?(?=\s+{_LISTED_PERSON}\s*(?:,|\s+a\s)))?"
    rf"\s+(?P<owner>{_LISTED_PERSON}(?:\s*,\s*{_LISTED_PERSON}){{0,4}}(?:\s+a\s+{_LISTED_PERSON})?)\s*[.;]?\s*$"
)


# The infinitives of deeds one takes on for the meeting (`bude chybět`, `bude pokračovat`, `budou vystupovat`
# tell what will be, not a task).
_DEED_TO_DO = rx(
    r"^(?:zajistit|zajišťovat|připravit|připravovat|prodávat|vybírat|rozdávat|roznášet|rozdat|"
    r"roznést|předávat|předat|zaslat|zasílat|rozeslat|rozesílat|obstarat|obstarávat|zorganizovat|"
    r"organizovat|nakoupit|nakupovat|objednat|zpracovat|zpracovávat|uklidit|uklízet|vyzdobit|zdobit|hlídat|"
    r"obsluhovat|vyvěsit|rozvážet|rozvézt|dovézt|odvézt|vézt|svážet|zapůjčit|vypůjčit|oslovit|kontaktovat|"
    r"pozvat|zvát|vyřídit|vyřizovat|prověřit|zjistit|projednat|sepsat|vytisknout|tisknout|opravit|natřít|"
    r"postavit|provádět|provést|zabezpečit|zabezpečovat)$"
)


def _future_fields(sentence: str, attending: frozenset[str]) -> dict[str, str] | None:
    """The owner and text of a deed told in the future by people named after it (`_FUTURE_DEED`), or None. Each
    named by an initial or a known first name, in the nominative, and one at least known from the minutes."""
    deed = _FUTURE_DEED.match(sentence.strip())
    if (
        deed is None
        or not _DEED_TO_DO.match(deed["before"] or deed["after"])
        or _CONDITION.search(sentence)
        or _THESE_MINUTES.search(sentence)
        or _QUESTION.search(sentence)
    ):
        return None
    people = re.split(r"\s*,\s*|\s+a\s+", deed["owner"])
    surnames = [fold(person.split()[-1]) for person in people]
    if any(
        (not person.split()[0].endswith(".") and fold(person.split()[0]) not in FIRST_NAMES)
        or surname.endswith(_DECLINED_SURNAME)
        or _declined_absent(person, attending)
        for person, surname in zip(people, surnames, strict=True)
    ):
        return None
    # kpss: odhad – one of the people known from these minutes vouches for the others
    if not any(surname in attending for surname in surnames):
        return None
    text = sentence.strip()[: deed.start("owner")].split(". ")[-1].strip(" ,")
    return {"owner": deed["owner"], "task": text}


# (not a date, `15. 3. 2024 proběhne …`, nor an hour, `19.00 zahájení`: a digit after the number's dot)
_ITEM_HEADING = rx(r"^\s*(?:ad\.?\s*|bod\s+)?(\d{1,2})\s*[.)](?!\s*\d)")
# An item that sums up what was set (`5. Úkoly`, `Ad 6) Závěr`, `Usnesení`): what it repeats is no new task.
_SUMMING_UP = rx(r"\b(?:úkol\w*|závěr\w*|usnesení|shrnut\w*|souhrn\w*)\b")


def _item_numbers(lines: list[str]) -> list[int | None]:
    """For each line, the number of the agenda's item it stands under (`Ad 2)`, `3.`); None above the first
    and under an item that sums up the meeting's tasks or conclusions."""
    numbers: list[int | None] = []
    current: int | None = None
    for raw in lines:
        line = plain(raw)
        if (heading := _ITEM_HEADING.match(line)) is not None:
            current = None if _SUMMING_UP.search(line[heading.end() :][:60]) else int(heading[1])
        elif _SECTION.match(line.strip()) or _SUMMING_UP.match(line.strip()):
            current = None
        numbers.append(current)
    return numbers


def _merge_told_into_blocks(found: list[tuple[int, bool, TaskDict]]) -> list[tuple[int, bool, TaskDict]]:
    """`Katalog doplní koordinátorka.` / `Termín: 30. 4. 2019`: a sentence's task that a block or list read again
    with its deadline below it (on its line or the next) is one task, the block's, with the sentence's owner
    when the block found none."""
    kept: list[tuple[int, bool, TaskDict]] = []
    for number, from_sentence, task in found:
        told = squash(task["task"]).casefold().strip(" .;,")
        block = next(
            (
                other
                for at, other_from_sentence, other in found
                if not other_from_sentence
                and at in (number, number + 1)
                and told
                and told in squash(other["task"]).casefold()
            ),
            None,
        )
        if from_sentence and block is not None and task["owner"]:
            if not block["owner"]:
                block["owner"] = task["owner"]
                if task.get("guess"):
                    block["guess"] = "; ".join(filter(None, [block.get("guess"), task["guess"]]))
            continue
        kept.append((number, from_sentence, task))
    return kept


# --- a body named by its acronym as the subject of a promise (`KMAS připraví …`) ---------------------------

# Where a clause opens: the line's start (after a bullet or a number), a sentence's end, a comma.
_CLAUSE_OPENS = re.compile(r"(?:^[\s•*·–-]*(?:\d{1,2}\s*[.)]\s*)?|(?<=[\w)][.;])\s+|,\s+)")
_ACRONYM_SUBJECT = re.compile(
    # (`Všechny spolupracující PMAS doplní …`: a quantifier and an adjective or two before the acronym)
    rf"(?:(?i:všechny|všichni|všechna|každá|každý)\s+(?:{SMALL}+\s+){{0,2}})?"
    r"(?P<owner>(?-i:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]{2,6}))\s+"
    # what stands between the subject and its verb: a reflexive, an adverb, when (`začátkem června od 1. 6. do
    # 10. 6. 2015 = nejpozději,`) — no end of a sentence, no other verb
    rf"(?P<between>(?:(?!\.\s+{CAPITAL}{SMALL})[^;]){{0,70}}?)"
    r"(?<!\S)(?P<verb>(?i:" + "|".join(sorted(set(_TASK_VERBS), key=len, reverse=True)) + r"))(?=\s)"
)


# `Hosté: zástupce MPSV`: the body of a guest, who reports its news (`MPSV připraví novelu …`), not of those
# who met.
_GUESTS_LINE = rx(r"^\W*host(?:é|e|y|ů)?\b")


# `MÚ Kolín`, `KS Most`: the place an office's acronym is of, right after it.
_PLACE_AFTER_ACRONYM = re.compile(rf"({CAPITAL}{SMALL}+)\s")


def _acronym_known(acronym: str, head: list[str]) -> bool:
    """True when the acronym stands in the minutes' head (their first lines, where the attendance is) but
    for its guests: a body of those who met, not any office the text names."""
    return any(
        re.search(rf"(?<![\w]){acronym}(?![\w])", line) for line in head if not _GUESTS_LINE.match(line)
    )


def _acronym_owner_tasks(lines: list[str], meeting: dt.date | None) -> dict[int, list[TaskDict]]:
    """Promises of bodies named by their acronym (`KMAS připraví hlášení a odešle na SZIF do 15. 5. 2015.`,
    `PMAS si telefonicky domluví termín …`): an acronym of the minutes' head opening a clause, then a verb
    of a deed in the perfective present (the future), nothing before it but a reflexive, an adverb or when;
    line -> its tasks (a line of several bullets run together may hold more than one)."""
    # (the head: the first lines with text, above the line read)
    head = [(number, text) for number, raw in enumerate(lines[:40]) if (text := plain(raw))][:12]
    found: dict[int, list[TaskDict]] = {}
    for number, line in _unreviewed(lines):
        tasks: list[TaskDict] = []
        above = [text for at, text in head if at < number]
        for opening in _CLAUSE_OPENS.finditer(line):
            match = _ACRONYM_SUBJECT.match(line, opening.end())
            if match is None or not _acronym_known(match["owner"], above):
                continue
            if (
                match["verb"].lower() in _IMPERFECTIVE
                or _VERB.search(match["between"])
                # (a condition or a question anywhere in the sentence before the verb: `Pokud bude třeba, KS …`)
                or _CONDITION.search(line[line.rfind(". ", 0, match.start()) + 1 : match.end()])
                or _QUESTION.search(line[line.rfind(". ", 0, match.start()) + 1 : match.end()])
            ):
                continue
            # the clause: up to the end of its sentence
            rest = line[match.start("verb") :]
            clause = _SPLIT_SENTENCES.split(rest)[0]
            clause = re.split(r",\s+(?=(?-i:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]{2,6})\s)", clause)[0]
            dues = [
                m
                for m in _SENTENCE_DUE.finditer(match["between"] + " " + clause)
                if _deadline_like(m["value"])
            ]
            # (`MÚ Kolín zveřejní …`: the acronym and the place it names are the owner, not the acronym alone)
            place = _PLACE_AFTER_ACRONYM.match(match["between"])
            owner = f"{match['owner']} {place[1]}" if place else match["owner"]
            fields = {"owner": owner, "task": _SENTENCE_DUE.sub("", clause).strip(" .;,")}
            if dues:
                fields["due"] = dues[-1]["value"]
            fields["guess"] = _("a task of a body named by its acronym (KMAS připraví …)")
            if (task := _make(fields, meeting)) is not None:
                tasks.append(task)
        if tasks:
            found[number] = tasks
    return found


# --- who secures what, each named with a courtesy word (`Kuchyň zabezpečí pí. Hrubá a pí. Neradová`) ----------

# A person as members of a club name one another: a courtesy word (`př.` = přítel, `pí.`, `p.`), a surname, an
# initial perhaps (`př. Potůček M.`).
_COURTESY_NAMED = rf"(?:př|pí|p|pan|paní)\.?\s+{CAPITAL}{SMALL}+(?:\s+{CAPITAL}\.)?"
_COURTESY_LIST = rf"{_COURTESY_NAMED}(?:\s*(?:,|\s+a)\s+{_COURTESY_NAMED}){{0,5}}"
# Verbs of securing a part of an event, in the perfective present (the future).
_SECURES = r"(?:zabezpečí|zajistí|provede|provedou|obstará|obstarají|připraví)"
_ITEM_LEAD = r"^\W*(?:(?i:ad)\s*\d{1,2}\s*[.)]\s*|\d{1,2}\s*[.)]\s+)?"
_WHAT = rf"(?P<what>{CAPITAL}{SMALL}+(?:\s+{SMALL}+){{0,2}})"
# `Ad6) Kuchyň zabezpečí pí. Hrubá a pí. Neradová`: what, the verb, who.
_SECURED_BY = re.compile(
    rf"{_ITEM_LEAD}{_WHAT}\s+(?P<verb>{_SECURES})\s+(?P<owners>{_COURTESY_LIST})\s*[.;]?\s*$"
)
# `ad5) Zabezpečení expozic provedou:`: what, the verb, a colon, who on the lines under it.
_SECURED_UNDER = re.compile(rf"{_ITEM_LEAD}{_WHAT}\s+(?P<verb>{_SECURES})\s*:\s*$")
# `Králíci  př. Nerad, př. Vagner a př. Potůček M.`, `Tombola pí. Zárubová`: a part, who secures it.
_SECURED_ROW = re.compile(
    rf"^\s*(?P<what>{CAPITAL}{SMALL}+(?:\s+{SMALL}+)?)\s+(?P<owners>{_COURTESY_LIST})\s*[.;]?\s*$"
)
_COURTESY_OFF = re.compile(r"(?<![\w.])(?:př|pí|p|pan|paní)\.?\s+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])")


def _courtesy_owner_tasks(lines: list[str], meeting: dt.date | None) -> dict[int, list[TaskDict]]:
    """Who secures what, each person named with a courtesy word: a line `Kuchyň zabezpečí pí. Hrubá a pí.
    Neradová`, or a line `Zabezpečení expozic provedou:` — and after either, under the same item of the
    agenda, short lines of a part and who secures it (`Tombola pí. Zárubová`). Line -> its task. The courtesy
    word on every person and a verb of securing in the future make the list one of duties (`Posuzovat zde
    budou: Králíci př. Ekrt` names who judges: no verb of securing, none)."""
    found: dict[int, list[TaskDict]] = {}
    heading: str | None = None  # what the rows under a line of securing are parts of ("" after a whole task)
    for number, line in _unreviewed(lines):
        if not line:
            continue
        if _THESE_MINUTES.search(line):
            # `Ověření provedou pí Ettelová a p. Juránek.`: who verifies or writes these minutes, no task
            heading = None
            continue
        if (secured := _SECURED_BY.match(line)) is not None:
            heading = ""
            owners = _COURTESY_OFF.sub("", secured["owners"])
            fields = {"owner": owners, "task": f"{secured['what']} {secured['verb']}"}
        elif (under := _SECURED_UNDER.match(line)) is not None:
            heading = under["what"]
            continue
        elif (
            heading is not None
            and len(line) <= 80
            and (row := _SECURED_ROW.match(line)) is not None
            # (`Předsedající p. Malý`, `Pokladník př. Kos`: who holds a post, no part of the event)
            and not is_role(row["what"])
        ):
            task = f"{heading} – {row['what']}" if heading else row["what"]
            fields = {"owner": _COURTESY_OFF.sub("", row["owners"]), "task": task}
        else:
            if _ITEM_HEADING.match(line) or AGENDA_HEADING.match(line):
                heading = None  # the next item of the agenda ends the rows
            continue
        fields["guess"] = _("who secures what, named with a courtesy word (Kuchyň zabezpečí pí. …)")
        if (task := _make(fields, meeting)) is not None:
            found[number] = [task]
    return found


def find_tasks(
    lines: list[str], meeting: dt.date | None, attending: frozenset[str] = frozenset()
) -> list[TaskDict]:
    """Every task set in the document, in order, without repeats (one task a line at most).
    `attending`: the folded surnames of the meeting's attendance."""
    # (a name after the verb with no courtesy word is an owner when at the meeting; so is one who owns
    # another task of these minutes as its subject, `Milan Polívka zajistí techniku. … Úklid po VVH
    # zajistí Milan Polívka.`, in minutes that list no attendance)
    # (and so, in turn, one listed with such an owner: `Zprávy si připraví Josef Hora (…), Lucie Horová (…)`)
    attending |= _nicknames(lines, attending)
    narrated_tasks = _narrative_tasks(lines, meeting, attending)
    for _turn in range(3):
        owners = frozenset(
            fold(_JUNIOR.sub("", person).split()[-1])
            for _, task in narrated_tasks
            for person in re.split(r"\s*,\s*|\s+a\s+", task.get("owner") or "")
            if person and _is_person(person)
        )
        if not owners - attending:
            break
        attending |= owners
        narrated_tasks = _narrative_tasks(lines, meeting, attending)
    found = [
        *((number, False, task) for number, task in _blocks(lines, meeting)),
        *((number, False, task) for number, task in _table_tasks(lines, meeting)),
        *((number, False, task) for number, task in _section_tasks(lines, meeting)),
        *((number, False, task) for number, task in _loose_tasks(lines, meeting)),
        *((number, False, task) for number, task in _task_for_tasks(lines, meeting)),
        *((number, False, task) for number, task in _imposed_tasks(lines, meeting)),
        *((number, False, task) for number, task in _requested_tasks(lines, meeting)),
        *((number, False, task) for number, task in _commissioned_tasks(lines, meeting)),
        *((number, False, task) for number, task in _entrusted_tasks(lines, meeting)),
        *((number, False, task) for number, task in _dash_owner_tasks(lines, meeting)),
        *((number, False, task) for number, task in _review_tasks(lines, meeting)),
        *((number, False, task) for number, task in _bracket_owner_tasks(lines, meeting)),
        *((number, True, task) for number, task in narrated_tasks),
        *((number, True, task) for number, task in _dative_owner_tasks(lines, meeting, attending)),
        *((number, True, task) for number, task in _reminded_tasks(lines, meeting, attending)),
        *((number, True, task) for number, task in _promised_tasks(lines, meeting)),
        *((number, True, task) for number, task in _bracket_subject_tasks(lines, meeting, attending)),
    ]
    # A line that holds several tasks (a list flattened into a transcript) gives them all, alone.
    several = {
        number: tasks
        for number, raw in enumerate(lines)
        if len(tasks := _line_tasks(plain(raw), meeting)) >= 2
    }
    several.update(_intro_list_tasks(lines, meeting))
    several.update(_responsible_tasks(lines, meeting))
    several.update(
        (number, tasks) for number, raw in enumerate(lines) if (tasks := _numbered_tasks(plain(raw), meeting))
    )
    # (only lines where nothing else was read: a rule of its own, added, never taking another's place)
    taken = {item[0] for item in found} | set(several)
    several.update(
        (number, tasks)
        for number, tasks in _acronym_owner_tasks(lines, meeting).items()
        if number not in taken
    )
    taken |= set(several)
    several.update(
        (number, tasks)
        for number, tasks in _courtesy_owner_tasks(lines, meeting).items()
        if number not in taken
    )
    found = [item for item in found if item[0] not in several]
    found = [item for item in found if not _cut_at_the_end(lines, item[0], item[2])]
    found = _merge_told_into_blocks(found)
    # a page's title that repeats one of them (a docplayer page titled by its first sentence) adds none
    listed = {squash(task["task"]).casefold() for tasks in several.values() for task in tasks}
    found = [item for item in found if squash(item[2]["task"]).casefold() not in listed]
    found += [(number, False, task) for number, tasks in several.items() for task in tasks]
    found.sort(key=lambda item: (item[0], item[1]))  # stable: sentences of a paragraph stay in order
    unique: list[TaskDict] = []
    seen: set[str] = set()
    claimed: set[int] = set()  # lines a task of a list, table or block was read from
    narrated: set[int] = set()
    # (the same sentence under two items of the agenda, `Ad 2) Kino: Plakát vyhotoví …` and `Ad 4) Gulášfest:
    # Plakát vyhotoví …`, sets two tasks, one for each; under the same item, or once read from a list, one)
    item_of = _item_numbers(lines)
    told_under: dict[str, set[int | None]] = {}
    for number, from_sentence, task in found:
        key = squash(task["task"]).casefold()
        if number in several:
            unique.append(task)
            continue
        if number in claimed or (not from_sentence and number in narrated):
            continue
        if key in seen and not (
            from_sentence
            and item_of[number] is not None
            and key in told_under
            and item_of[number] not in told_under[key]
        ):
            continue
        if from_sentence:
            told_under.setdefault(key, set()).add(item_of[number])
        else:
            told_under[key] = set()  # (read from a list or a table: not told again under another item)
        seen.add(key)
        (narrated if from_sentence else claimed).add(number)
        unique.append(task)
    return unique

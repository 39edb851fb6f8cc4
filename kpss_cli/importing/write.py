"""An imported document as a minutes file of the archive: YAML front matter + the original text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import PurePath
from typing import Any

import yaml

from ..core.config import Config
from ..core.names import slugify
from ..minutes.parse import parse_minutes
from .people import PersonDict
from .recognise import Imported

ATTENDANCE_SHEET_ITEM = "dle prezenční listiny"  # kpss reads this item as "see the attendance sheet"
_FENCE_LINE = re.compile(r"^(\s*)(```|~~~)", re.MULTILINE)
_CHECKLIST_LINE = re.compile(r"^([ \t]*[-*+][ \t]+)\[([ xX-])\]", re.MULTILINE)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _person(person: PersonDict) -> str | dict[str, str]:
    """A plain name as a string; a mapping when there is an organisation or a role, or when the
    name itself holds brackets (which a string would read as an organisation)."""
    name = _one_line(person["name"])
    stands_in_for = person.get("substitute_for")
    if person["org"] is None and person["role"] is None and "(" not in name and not stands_in_for:
        return name
    item = {"name": name}
    if person["org"]:
        item["org"] = _one_line(person["org"])
    if person["role"]:
        item["role"] = _one_line(person["role"])
    if stands_in_for:
        item["for"] = _one_line(stands_in_for)  # FORMAT.md: a substitute counts for that member
    return item


def _named(name: str) -> str | dict[str, str]:
    """A recorder or moderator: a string unless commas or brackets would split it."""
    name = _one_line(name)
    return {"name": name} if ("," in name or "(" in name or ";" in name) else name


def front_matter(imported: Imported) -> dict[str, Any]:
    """The front matter of the minutes, canonical keys in the usual order."""
    front: dict[str, Any] = {
        "group": _one_line(imported.group) if imported.group else None,
        "date": imported.date.isoformat() if imported.date else None,
    }
    if imported.time:
        front["time"] = imported.time
    if imported.place:
        front["place"] = _one_line(imported.place)
    front["status"] = "draft"
    present: list[Any] = [_person(p) for p in imported.present]
    if imported.attendance_sheet:
        present.append(ATTENDANCE_SHEET_ITEM)
    if present:
        front["present"] = present
    for key in ("excused", "absent", "guests"):
        people: list[PersonDict] = getattr(imported, key)
        if people:
            front[key] = [_person(p) for p in people]
    if imported.recorder:
        front["recorder"] = _named(imported.recorder)
    if imported.moderator:
        front["moderator"] = _named(imported.moderator)
    if imported.agenda:
        front["agenda"] = [_one_line(item) for item in imported.agenda]
    if imported.tasks:
        front["tasks"] = [
            {k: _one_line(v) for k, v in task.items() if isinstance(v, str) and v} for task in imported.tasks
        ]
    if imported.next_meeting:
        nxt = {k: v for k, v in imported.next_meeting.items() if isinstance(v, str) and v}
        if nxt:
            front["next_meeting"] = {k: _one_line(v) for k, v in nxt.items()}
    if imported.source_name:
        front["imported_from"] = _one_line(imported.source_name)
    if not imported.looks_like_minutes:
        front["kind"] = "note"  # not minutes, imported with --force
    return front


def _protect(body: str) -> str:
    """The original text made safe inside a fenced block: no line may close the fence, and
    no checklist line may be read as a task update."""
    body = _FENCE_LINE.sub(lambda m: f"{m[1]}\\{m[2]}", body)
    return _CHECKLIST_LINE.sub(lambda m: f"{m[1]}\\[{m[2]}]", body)


GUESS_MARK = "# kpss: odhad – "


def _comment(text: str) -> str:
    return _one_line(text).replace("#", "№")


def mark_guesses(front: str, guesses: dict[str, str]) -> str:
    """The dumped front matter with `# kpss: odhad – why` after each guessed value: a top-level
    key (`moderator`, `time`, `place`) on its line, a task (`tasks.2`) on its first line."""
    lines = front.split("\n")
    for key, why in guesses.items():
        mark = f"  {GUESS_MARK}{_comment(why)}"
        field, _, number = key.partition(".")
        at = next((n for n, line in enumerate(lines) if line.startswith(f"{field}:")), None)
        if at is None:
            continue
        if number.isdigit():  # the n-th `- ` item under the key
            items = [n for n in range(at + 1, len(lines)) if lines[n].startswith("- ")]
            ends = next(
                (n for n in range(at + 1, len(lines)) if lines[n][:1] not in ("", " ", "-")), len(lines)
            )
            items = [n for n in items if n < ends]
            if int(number) > len(items):
                continue
            at = items[int(number) - 1]
        lines[at] += mark
    return "\n".join(lines)


def to_minutes_markdown(imported: Imported) -> str:
    """The minutes file: front matter (warnings as YAML comments, guessed values marked
    `# kpss: odhad – …`), a heading, the original text."""
    front = yaml.safe_dump(
        front_matter(imported), allow_unicode=True, sort_keys=False, default_flow_style=False, width=100000
    )
    front = mark_guesses(front, imported.guesses)
    notes = "".join(f"# kpss import: {_one_line(w)}\n" for w in imported.warnings)
    title = "Zápis z jednání" if imported.looks_like_minutes else "Poznámka (není zápis z jednání)"
    if imported.group:
        title += f": {_one_line(imported.group)}"
    if imported.date:
        title += f", {imported.date.day}. {imported.date.month}. {imported.date.year}"
    source = f" z `{_one_line(imported.source_name)}`" if imported.source_name else ""
    body = _protect(imported.body.rstrip("\n"))
    return (
        f"---\n{notes}{front}---\n\n# {title}\n\n"
        f"Převedeno příkazem `kpss import`{source} (stav: koncept). Údaje v hlavičce zkontrolujte "
        f"podle původního textu níže.\n\n## Původní text\n\n```text\n{body}\n```\n"
    )


def suggested_filename(imported: Imported) -> str:
    """`YYYY-MM-DD.md` by the meeting date; `undated-<source>.md` when the date is unknown."""
    if imported.date is not None:
        return f"{imported.date.isoformat()}.md"
    stem = slugify(PurePath(imported.source_name).stem)[:60].strip("-") if imported.source_name else ""
    return f"undated-{stem or 'minutes'}.md"


# What stands in for a missing group or date so that a draft still parses for a preview; the
# preview then shows null for them and for everything derived from them (ids, paths, title).
_PLACEHOLDER_GROUP = "kpss-import-no-group"
_PLACEHOLDER_DATE = dt.date(2000, 1, 1)
_DERIVED = ("id", "path", "minutes", "group", "group_slug", "meeting_date", "title")


def preview_dict(imported: Imported, config: Config) -> dict[str, Any] | None:
    """What `kpss import --dry-run --format json` shows of minutes it cannot write because the
    group or the date was not found: the record's every field, with null for the missing group
    and date and for what derives from them. None when the draft does not parse at all."""
    stand_in = replace(
        imported, group=imported.group or _PLACEHOLDER_GROUP, date=imported.date or _PLACEHOLDER_DATE
    )
    folder = slugify(stand_in.group or "") or "unsorted"
    rel = f"{folder}/{suggested_filename(stand_in)}"
    record, _ = parse_minutes(to_minutes_markdown(stand_in).encode("utf-8"), rel, rel, config)
    if record is None:
        return None
    data = record.to_dict()
    unknown = {"id", "path", "title"}
    if imported.group is None:
        unknown |= {"group", "group_slug"}
    if imported.date is None:
        unknown.add("date")
    for key in unknown:
        data[key] = None
    data["body"] = to_minutes_markdown(imported).split("\n---\n", 1)[-1]  # its heading without the stand-ins
    for task in data.get("tasks") or []:
        for key in _DERIVED:
            if key in task and (key not in ("group", "group_slug") or imported.group is None):
                task[key] = None
        if imported.date is None and "deadline" in task:
            task["deadline"] = None  # a yearless due would take the stand-in's year
    return data

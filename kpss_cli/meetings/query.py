"""Pure filters and orderings over an archive's minutes and tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from ..core.errors import KpssError
from ..core.i18n import N_, _
from ..core.model import Minutes, Record, Task
from ..core.names import fold, person_key, slugify, split_people
from ..core.sorting import czech_sort_key
from ..store.archive import Archive, TaskSnapshot
from ..store.loading import EachMinutes

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from ..core.people import Roster


def group_slugs(archive: Archive | TaskSnapshot, wanted: str) -> set[str]:
    """Return the group slugs `wanted` names (slug or name; case and diacritics ignored).

    Raises KpssError listing the known groups when it names none.
    """
    if group := archive.config.find_group(wanted):
        return {group.slug}
    folded, slug = fold(wanted), slugify(wanted)
    found = {s for s, name in archive.group_names.items() if slug == s or folded == fold(name)}
    if not found:
        known = sorted({g.slug for g in archive.config.groups} | set(archive.group_names))
        raise KpssError(
            _("no group {wanted!r}; known groups: {value}").format(
                wanted=wanted, value=", ".join(known) or _("none")
            )
        )
    return found


def filter_minutes(
    archive: Archive,
    *,
    group: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Minutes]:
    """Return the minutes of `group` held between `since` and `until` (both inclusive)."""
    slugs = group_slugs(archive, group) if group else None
    select = getattr(archive.minutes, "select", None)
    if select is not None:  # records made as they are gone through: chosen without them (store/cold.py)
        return select(slugs, since, until)  # type: ignore[no-any-return]
    return [
        m
        for m in archive.minutes
        if (slugs is None or m.group_slug in slugs)
        and (since is None or m.date >= since)
        and (until is None or m.date <= until)
    ]


def _list_rows(
    rows: list[tuple[Any, ...]], sample: Minutes | None, _tasks: list[Any]
) -> tuple[list[str], list[tuple[Any, ...]]]:
    return ([], []) if sample is None else (list(sample.summary()), rows)


# The rows of `kpss list` for every minutes (Minutes.summary), as the index keeps them
# (store/loading.load_view): the names of their fields, and their values in that order; a
# row per record, so built from the index a record at a time (EachMinutes).
list_view = EachMinutes(lambda m: tuple(m.summary().values()), _list_rows)


def _list_text(minutes: Minutes) -> tuple[str, str, str]:
    if not _encoder:
        from ..output.formats import json_encoder

        _encoder.append(json_encoder())
    return minutes.group_slug, minutes.date.isoformat(), _encoder[0](minutes.summary())


_encoder: list[Any] = []  # one JSON encoder for every row (output.formats.json_encoder)


def _texts(rows: list[tuple[str, str, str]], _sample: Minutes | None, _tasks: list[Any]) -> list[Any]:
    return rows


# The rows of `kpss list -f json` and `-f jsonl` as text, one per minutes: (group slug, date,
# the row as JSON). Kept as a table only (store/viewtable.py): after a change, only the rows
# of the files changed are written again, and the answer is put together from the table.
list_text_view = EachMinutes(_list_text, _texts, kept_whole=False)


def text_view(line: Callable[[dict[str, Any]], Any]) -> EachMinutes:
    """A view like `list_text_view`: (group slug, date, `line` of the minutes' `kpss list`
    row), kept as a table only (the lines of `-f csv`: commands/reading.py)."""

    def each(minutes: Minutes) -> tuple[str, str, Any]:
        return minutes.group_slug, minutes.date.isoformat(), line(minutes.summary())

    return EachMinutes(each, _texts, kept_whole=False)


def list_text(
    archive: Archive | TaskSnapshot,
    rows: list[tuple[str, str, str]],
    fmt: str,
    *,
    group: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> str:
    """The text `kpss list` writes in `fmt` (json or jsonl, as output.formats writes them)
    of the rows of `list_text_view` that `filter_minutes` would keep."""
    return "".join(list_text_pieces(archive, rows, fmt, group=group, since=since, until=until))


def list_text_pieces(
    archive: Archive | TaskSnapshot,
    rows: Iterable[tuple[str, str, str]],
    fmt: str,
    *,
    group: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Iterator[str]:
    """list_text as pieces, each row's as it comes (a cold `kpss list` writes them as the rows
    are unpacked: store/cold.py); an unknown group is an error before the first piece."""
    selected = selected_texts(archive, rows, group=group, since=since, until=until)

    def pieces() -> Iterator[str]:
        count = 0
        for _slug, _date, text in selected:
            if fmt == "jsonl":
                yield f"{text}\n"
            else:
                yield ("[\n  " if count == 0 else ",\n  ") + text
            count += 1
        if fmt != "jsonl":
            yield "\n]\n" if count else "[]\n"

    return pieces()


def selected_texts(
    archive: Archive | TaskSnapshot,
    rows: Iterable[tuple[Any, ...]],
    *,
    group: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Iterator[tuple[Any, ...]]:
    """The rows of a `text_view` (or `list_text_view`) that `filter_minutes` would keep, as
    they come; an unknown group is an error at once, not when the rows are read."""
    slugs = group_slugs(archive, group) if group else None
    first = since.isoformat() if since else None
    last = until.isoformat() if until else None
    return (
        row
        for row in rows
        if (slugs is None or row[0] in slugs)
        and (first is None or row[1] >= first)
        and (last is None or row[1] <= last)
    )


def filter_summaries(
    archive: Archive | TaskSnapshot,
    view: tuple[list[str], list[tuple[Any, ...]]],
    *,
    group: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[tuple[Any, ...]]:
    """The rows of `list_view` that `filter_minutes` would keep (dates as ISO text compare as
    dates do)."""
    fields, rows = view
    if not rows:
        if group:
            group_slugs(archive, group)  # an unknown group is an error, as ever
        return []
    keep = summary_filter(archive, fields, group=group, since=since, until=until)
    return [row for row in rows if keep(row)]


def summary_filter(
    archive: Archive | TaskSnapshot,
    fields: list[str],
    *,
    group: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Callable[[tuple[Any, ...]], bool]:
    """Whether `filter_minutes` would keep a row of `list_view` whose fields are `fields`; an
    unknown group is an error."""
    slugs = group_slugs(archive, group) if group else None
    if not fields:  # no minutes: no rows
        return lambda _row: True
    slug_at, date_at = fields.index("group_slug"), fields.index("date")
    first = since.isoformat() if since else None
    last = until.isoformat() if until else None
    return lambda row: (
        (slugs is None or row[slug_at] in slugs)
        and (first is None or row[date_at] >= first)
        and (last is None or row[date_at] <= last)
    )


def owner_matches(
    owner: str | None, wanted: str, aliases: dict[str, str] | None = None, roster: Roster | None = None
) -> bool:
    """True when `wanted` names the owner: the whole name, or whole words of it (a surname),
    or the same person of the `roster` (kpss.yaml's people: `A. Nová`, `paní Novou`).

    Titles, case and diacritics are ignored, `aliases` (kpss.yaml) join old and new names,
    and an owner field naming several people (`A. Nová, Petr Malý`) matches each of them.
    """
    if not owner:
        return False
    if roster is not None and _same_person(roster, owner, wanted):
        return True
    target = _canonical_key(wanted, aliases or {})
    if not target:
        return False
    size = len(target.split())
    for part in [owner, *split_people(owner)]:
        words = _canonical_key(part, aliases or {}).split()
        if any(words[i : i + size] == target.split() for i in range(len(words) - size + 1)):
            return True
    return False


def _same_person(roster: Roster, owner: str, wanted: str) -> bool:
    """True when `wanted` and the owner field (or one of the people it names) are one person
    of the roster."""
    person = roster.find(wanted)
    return person is not None and any(roster.find(part) == person for part in [owner, *split_people(owner)])


def _canonical_key(name: str, aliases: dict[str, str]) -> str:
    key = person_key(name)
    return person_key(aliases[key]) if key in aliases else key


class TaskFilter(Record):
    """What `kpss tasks` asks for; every field left None matches everything."""

    __slots__ = (
        "statuses",
        "overdue",
        "owner",
        "group",
        "due_before",
        "due_after",
        "due_within",
        "since",
        "until",
    )

    def __init__(
        self,
        statuses: frozenset[str] = frozenset({"open"}),
        overdue: bool = False,
        owner: str | None = None,
        group: str | None = None,
        due_before: dt.date | None = None,
        due_after: dt.date | None = None,
        due_within: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> None:
        self.statuses = statuses
        self.overdue = overdue
        self.owner = owner
        self.group = group
        self.due_before = due_before
        self.due_after = due_after
        self.due_within = due_within
        self.since = since
        self.until = until


def find_tasks(archive: Archive | TaskSnapshot, wanted: TaskFilter, today: dt.date) -> list[Task]:
    """Return the tasks `wanted` selects, overdue first, then by deadline (see `task_order`)."""
    slugs = group_slugs(archive, wanted.group) if wanted.group else None
    roster = None
    if wanted.owner is not None:
        from ..core.people import roster_of  # only for --owner: the warm path stays lean

        roster = roster_of(archive.config)
    horizon = today + dt.timedelta(days=wanted.due_within) if wanted.due_within is not None else None
    selected = []
    for task in archive.tasks:
        if task.status not in wanted.statuses and not wanted.overdue:
            continue
        if wanted.overdue and task.days_overdue(today) is None:
            continue
        if slugs is not None and task.group_slug not in slugs:
            continue
        if wanted.owner is not None and not owner_matches(
            task.owner, wanted.owner, archive.config.aliases, roster
        ):
            continue
        if wanted.since and task.meeting_date < wanted.since:
            continue
        if wanted.until and task.meeting_date > wanted.until:
            continue
        deadline = task.deadline
        if (wanted.due_before or wanted.due_after or horizon) and deadline is None:
            continue
        if wanted.due_before and deadline and deadline >= wanted.due_before:
            continue
        if wanted.due_after and deadline and deadline <= wanted.due_after:
            continue
        if horizon and deadline and not today <= deadline <= horizon:
            continue
        selected.append(task)
    return sort_tasks(selected, today)


def sort_tasks(tasks: Iterable[Task], today: dt.date) -> list[Task]:
    """Overdue tasks first (most overdue first), then by deadline; no deadline last."""
    return sorted(tasks, key=lambda t: task_order(t, today))


def task_order(task: Task, today: dt.date) -> tuple[int, dt.date, dt.date, str, int]:
    """The sort key of a task: (band, deadline, meeting date, minutes id, line)."""
    overdue = task.days_overdue(today) is not None
    band = 0 if overdue else (1 if task.deadline else 2)
    return (band, task.deadline or dt.date.max, task.meeting_date, task.minutes_id, task.line)


def group_rows(
    rows: Iterable[dict[str, Any]], by: str, roster: Roster | None = None
) -> list[tuple[str, list[dict[str, Any]]]]:
    """Split task rows into sections per owner (by surname) or per group, in Czech
    alphabetical order.

    Owners are matched as people: titles, case and accents ignored, and the people of the
    `roster` however minutes name them (`A. Nová`, `paní Novou`), labelled as kpss.yaml writes
    them; others by the first spelling met. Rows keep their order within a section.
    """
    sections: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for row in rows:
        if by == "owner":
            written = row.get("owner") or _(NO_OWNER)
            label = (roster.find(written) if roster else None) or written
            key = person_key(label)
        else:
            label, key = row["group"], row["group_slug"]
        sections.setdefault(key, (label, []))[1].append(row)
    if by == "owner":
        from ..core.people import surname_order

        return sorted(
            sections.values(), key=lambda s: (s[0] == _(NO_OWNER), surname_order(s[0]), czech_sort_key(s[0]))
        )
    return sorted(sections.values(), key=lambda s: czech_sort_key(s[0]))


NO_OWNER = N_("(no owner)")  # translated where shown

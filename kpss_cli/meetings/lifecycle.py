"""A task's life from the shell: `kpss task ID… done | cancel | reopen | postpone DATE |
note TEXT | owner NAME`.

Approved minutes are records and are never edited (FORMAT.md). A change is therefore what
the next meeting would record: an update of the task in the `updates` list of its group's
draft minutes (those `kpss new-minutes` started). The task's entry there is changed, or added
at the end of the list; every other line of the file keeps its bytes, comments, key order,
quoting and blank lines. The edit is atomic and locked (store/safefile.py).
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable

from ..core.dates import parse_deadline
from ..core.errors import KpssError
from ..core.i18n import N_, _
from ..core.model import Minutes, Task, Value
from ..minutes.parse import KEYS, UPDATE_KEYS, canonical_key
from ..store.archive import Archive, shown_path
from ..store.safefile import edit_file, read_lines

# action -> the status it records (None: the status stays as it is)
ACTIONS: dict[str, str | None] = {
    "done": "done",
    "cancel": "cancelled",
    "reopen": "open",
    "postpone": None,
    "note": None,
    "owner": None,
}
NEEDS_VALUE = {"postpone": N_("a new deadline"), "note": N_("the note"), "owner": N_("the new owner")}


class TaskChange(Value):
    """What one command does to one task: its new status, note, deadline (as written) or owner."""

    __slots__ = ("task_id", "status", "note", "due", "owner")

    def __init__(
        self,
        task_id: str,
        status: str,
        note: str | None = None,
        due: str | None = None,
        owner: str | None = None,
    ) -> None:
        self.task_id = task_id
        self.status = status
        self.note = note
        self.due = due
        self.owner = owner

    def fields(self) -> dict[str, str]:
        """The keys of the update entry this change writes, in order."""
        written = {"status": self.status, "note": self.note, "due": self.due, "owner": self.owner}
        return {key: value for key, value in written.items() if value is not None}


def find_task(archive: Archive, ref: str) -> Task:
    """The task `ref` names: its id as `kpss tasks` prints it, or a unique start of one."""
    wanted = ref.strip()
    if (task := archive.task(wanted)) is not None:
        return task
    fits = [t for t in archive.tasks if t.id.startswith(wanted)] if wanted else []
    if len(fits) == 1:
        return fits[0]
    if not fits:
        raise KpssError(_("no task {ref!r} in the archive (see `kpss tasks --all`)").format(ref=ref))
    shown = ", ".join(t.id for t in fits[:5]) + (", …" if len(fits) > 5 else "")
    raise KpssError(
        _("{ref!r} could be {fits_count} tasks ({shown}); give more of the id").format(
            ref=ref, fits_count=len(fits), shown=shown
        )
    )


def draft_for(archive: Archive, task: Task) -> Minutes:
    """The draft minutes a change of `task` goes into: its group's latest draft of a meeting
    after the one that set the task."""
    drafts = [
        m
        for m in archive.minutes
        if m.group_slug == task.group_slug and m.status != "approved" and m.date > task.meeting_date
    ]
    if not drafts:
        raise KpssError(
            _(
                "{group} has no draft minutes of a meeting after {meeting_date} to record the change in (approved minutes are never edited); start them with `kpss new-minutes {group_slug}`, then run this again"
            ).format(group=task.group, meeting_date=task.meeting_date.isoformat(), group_slug=task.group_slug)
        )
    return drafts[-1]


def plan(
    archive: Archive, refs: Iterable[str], action: str, value: str | None
) -> list[tuple[Minutes, list[TaskChange]]]:
    """The changes `action` makes, by the draft minutes they go into; a KpssError, before
    anything is written, for an unknown id, a missing draft or a bad value."""
    by_draft: dict[str, tuple[Minutes, list[TaskChange]]] = {}
    for ref in refs:
        task = find_task(archive, ref)
        draft = draft_for(archive, task)
        status = ACTIONS[action] or task.status
        change = TaskChange(task.id, status)
        if action == "postpone":
            deadline = parse_deadline(value or "", draft.date)
            if not deadline.readable or deadline.kind in ("none", "ongoing"):
                raise KpssError(
                    _("postpone {id} to {value!r}: not a deadline kpss can read; nothing was changed").format(
                        id=task.id, value=value
                    )
                )
            if deadline.end is not None and deadline.end < draft.date:
                raise KpssError(
                    _(
                        "postpone {id} to {value!r} ({end}): that is before the meeting of {date} that records it; nothing was changed"
                    ).format(
                        id=task.id, value=value, end=deadline.end.isoformat(), date=draft.date.isoformat()
                    )
                )
            change = TaskChange(task.id, "open", due=value)
        elif action == "note":
            change = TaskChange(task.id, status, note=value)
        elif action == "owner":
            change = TaskChange(task.id, status, owner=value)
        by_draft.setdefault(draft.path, (draft, []))[1].append(change)
    return list(by_draft.values())


def record(archive: Archive, draft: Minutes, changes: list[TaskChange], dry_run: bool = False) -> str:
    """Write `changes` into the draft minutes (unless `dry_run`); return the diff of the file."""
    path = archive.root / draft.path
    shown = shown_path(archive, draft.path)
    diff: list[str] = []

    def change(lines: list[str]) -> list[str]:
        changed = write_updates(lines, changes, shown)
        diff.extend(difflib.unified_diff(lines, changed, f"a/{draft.path}", f"b/{draft.path}"))
        return changed

    if dry_run:
        change(read_lines(path, shown))
    else:
        edit_file(path, change, shown)
    return "".join(diff)


# --- the line editor ---------------------------------------------------------------------------

# A `key: value  # comment` line, the value as YAML ends it: quoted, or up to a comment (a `#`
# after a blank; `#2` in a task id is no comment).
_FIELD = re.compile(
    r"""^(?P<prefix>[ \t]*(?:-[ \t]+)?(?P<key>[^\s#:'"{\[-][^:\r\n]*?)[ \t]*:[ \t]*)"""
    r"""(?P<value>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\r\n]*?)"""
    r"""(?P<tail>(?:[ \t]+\#[^\r\n]*)?[ \t]*(?:\r\n|\r|\n)?)$"""
)
_ITEM = re.compile(r"^(?P<indent>[ \t]*)-[ \t]+(?P<rest>[^\r\n]*)")


class _Field(Value):
    """One `key: value` line of an entry: where, what stands before and after the value."""

    __slots__ = ("line", "prefix", "value", "tail")

    def __init__(self, line: int, prefix: str, value: str, tail: str) -> None:
        self.line = line
        self.prefix = prefix
        self.value = value
        self.tail = tail


def _scalar(value: str) -> str:
    """A value for the YAML file: a status word as it is, anything else in JSON's quotes, which
    YAML reads (a value from the command line never becomes a key, a list or a comment)."""
    return value if value in ("open", "done", "cancelled") else json.dumps(value, ensure_ascii=False)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def write_updates(lines: list[str], changes: list[TaskChange], shown: str) -> list[str]:
    """The lines of a minutes file with `changes` recorded in its `updates` list."""
    if not lines or lines[0].strip() != "---":
        raise KpssError(_("{shown} has no front matter to record the change in").format(shown=shown))
    closing = next(
        (n for n in range(1, len(lines)) if lines[n].rstrip("\r\n").rstrip() in ("---", "...")), None
    )
    if closing is None:
        raise KpssError(_("{shown}: its front matter does not end; nothing was changed").format(shown=shown))
    ending = lines[0][len(lines[0].rstrip("\r\n")) :] or "\n"
    result = list(lines)
    for change in changes:
        before = len(result)
        result = _record_one(result, closing, change, ending, shown)
        closing += len(result) - before
    return result


def _record_one(lines: list[str], closing: int, change: TaskChange, ending: str, shown: str) -> list[str]:
    start = _updates_line(lines, closing)
    if start is None:  # no `updates:` yet: a new list at the end of the front matter
        return [*lines[:closing], f"updates:{ending}", *_entry(change, "  ", ending), *lines[closing:]]
    field = _FIELD.match(lines[start])
    assert field is not None
    if field["value"].strip() == "[]":  # `updates: []` becomes a list of one
        key_line = field["prefix"].rstrip() + field["tail"].rstrip("\r\n") + ending
        return [*lines[:start], key_line, *_entry(change, "  ", ending), *lines[start + 1 :]]
    if field["value"].strip():
        raise KpssError(
            _(
                "{shown}:{start}: the updates are written on one line; write them one per line, or record the change by hand; nothing was changed"
            ).format(shown=shown, start=start + 1)
        )
    entries, end = _entries(lines, start + 1, closing)
    for first, last in entries:
        item = _ITEM.match(lines[first])
        assert item is not None
        if item["rest"].lstrip().startswith("{"):
            if _flow_id(item["rest"]) == change.task_id:
                raise KpssError(
                    _(
                        "{shown}:{first}: the update of {task_id} is written on one line; write it as `- id: …` with one key a line, or change it by hand; nothing was changed"
                    ).format(shown=shown, first=first + 1, task_id=change.task_id)
                )
            continue
        fields = _fields(lines, first, last)
        if "id" in fields and _unquote(fields["id"].value) == change.task_id:
            return _rewrite(lines, first, last, fields, change, ending)
    indent = _ITEM.match(lines[entries[-1][0]])["indent"] if entries else "  "  # type: ignore[index]
    return lines[:end] + _entry(change, indent, ending) + lines[end:]


def _updates_line(lines: list[str], closing: int) -> int | None:
    for number in range(1, closing):
        field = _FIELD.match(lines[number])
        if field and not lines[number][:1].isspace() and canonical_key(field["key"], KEYS) == "updates":
            return number
    return None


def _entries(lines: list[str], begin: int, closing: int) -> tuple[list[tuple[int, int]], int]:
    """The entries of the block list that starts at line `begin`, as (first line, line after
    the last), and the line after the list's last entry."""
    entries: list[tuple[int, int]] = []
    column: int | None = None
    end = begin
    for number in range(begin, closing):
        text = lines[number].rstrip("\r\n")
        if not text.strip() or text.strip().startswith("#"):
            continue
        if not text[:1].isspace() and not text.startswith("-"):
            break  # the next key of the front matter
        item = _ITEM.match(text)
        if item and (column is None or len(item["indent"]) == column):
            column = len(item["indent"])
            entries.append((number, number + 1))
        elif entries:
            entries[-1] = (entries[-1][0], number + 1)
        else:
            break
        end = number + 1
    return entries, end


def _fields(lines: list[str], first: int, last: int) -> dict[str, _Field]:
    """The keys of the entry on lines first..last: canonical key -> its field."""
    item = _ITEM.match(lines[first])
    assert item is not None
    column = item.start("rest")
    fields: dict[str, _Field] = {}
    for number in range(first, last):
        field = _FIELD.match(lines[number])
        if field and field.start("key") == column and (key := canonical_key(field["key"], UPDATE_KEYS)):
            fields.setdefault(key, _Field(number, field["prefix"], field["value"], field["tail"]))
    return fields


def _rewrite(
    lines: list[str], first: int, last: int, fields: dict[str, _Field], change: TaskChange, ending: str
) -> list[str]:
    """The entry with the change's values in its own lines, and new keys after its last key."""
    result = list(lines)
    added: list[str] = []
    inner = " " * _ITEM.match(lines[first]).start("rest")  # type: ignore[union-attr]
    for key, value in change.fields().items():
        if key in fields:
            field = fields[key]
            result[field.line] = field.prefix + _scalar(value) + (field.tail or ending)
        else:
            added.append(f"{inner}{key}: {_scalar(value)}{ending}")
    after = max(field.line for field in fields.values()) + 1
    return result[:after] + added + result[after:]


def _flow_id(rest: str) -> str | None:
    match = re.search(r"""[{,]\s*id\s*:\s*("[^"]*"|'[^']*'|[^,}]+)""", rest)
    return _unquote(match[1]) if match else None


def _entry(change: TaskChange, indent: str, ending: str) -> list[str]:
    """A new entry of the updates list."""
    inner = indent + "  "
    return [f"{indent}- id: {_scalar(change.task_id)}{ending}"] + [
        f"{inner}{key}: {_scalar(value)}{ending}" for key, value in change.fields().items()
    ]

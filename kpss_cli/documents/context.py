"""What the documents kpss writes are made of: the invitation (agenda) and publishable minutes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from markupsafe import Markup

from ..core.config import GroupConfig
from ..core.dates import parse_date, parse_deadline
from ..core.model import Minutes, Update
from ..core.vocabulary import MONTHS_GENITIVE
from ..meetings.attendance import meeting_attendance, meeting_row
from ..meetings.membership import GroupMembers, members_on
from ..meetings.upcoming import Meeting, group_agenda, next_planned, open_tasks_on
from ..store.archive import Archive
from .templates import base_context, deadline_words


def agenda_context(
    archive: Archive, group: GroupConfig, meeting: Meeting, today: dt.date, *, language: str | None = None
) -> dict[str, Any]:
    """The context of `agenda.md.j2` / `agenda.html.j2` (documented in docs/templates.md)."""
    language = language or archive.config.language
    tasks = [
        {
            **t.to_dict(meeting.date),
            "deadline_words": deadline_words(t.due, t.deadline, t.deadline_kind, language),
        }
        for t in open_tasks_on(archive, group, meeting.date)
    ]
    context = base_context(archive.config, today)
    context.update(
        group=group,
        date=meeting.date,
        time=meeting.time,
        place=meeting.place,
        agenda=group_agenda(group, archive.config.language),
        tasks=tasks,
        overdue=sum(1 for t in tasks if t["days_overdue"]),
        ids=False,
    )
    return context


_LABEL_LINE = re.compile(
    r"(?<=\S)\n(?=[ \t]*(?:\*\*)?(?:Zajistí|Zajisti|Odpovídá|Termín|Termin|Stav|Owner|Due|Status)\b)",
    re.IGNORECASE,
)
_CHECKBOX = re.compile(r"<li>\[([ xX-])\] ")
_BOXES = {" ": "☐", "x": "☑", "X": "☑", "-": "☒"}
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# A line that starts with a Czech date (`1. 10. 2026 proběhlo…`, `3. listopadu…`) is no list item.
_DATE_START = re.compile(
    r"^([ \t]{0,3})(\d{1,2})\.(?=[ \t]*(?:\d{1,2}\.|(?:" + "|".join(MONTHS_GENITIVE) + r")\b))",
    re.MULTILINE | re.IGNORECASE,
)


def markdown_html(text: str) -> Markup:
    """Markdown as HTML; HTML written in minutes is shown as text, never run. Checklist lines
    (`- [x] …`, the review of tasks) get their boxes. Indented text (pasted from Word or a PDF)
    stays a paragraph that wraps, not a block of code running off the page."""
    text = _LABEL_LINE.sub("  \n", text)  # a task block keeps one field per line
    from markdown_it import MarkdownIt  # here: some 18 ms, and only documents with a body need it

    html = MarkdownIt("commonmark", {"html": False}).enable("table").disable("code").render(text)
    html = _CHECKBOX.sub(lambda m: f"<li>{_BOXES[m[1]]} ", html)
    return Markup(html)  # markdown-it escapes the input (html=False)


_HEADING_LINE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]")
_TASKS_HEADING = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]+(?:\d+\.?[ \t]*)?(?:úkoly|ukoly|tasks)[ \t#:]*$", re.IGNORECASE
)
_SIGNED = re.compile(
    r"^[ \t*_]*(?:zapsal|zapsala|zapsal/a|zapisovatel|zapisovatelka|ověřil|ověřila|overil|overila|"
    r"schválil|schválila|schvalil|schvalila|minutes taken by|recorded by)\b[ \t*_]*:?",
    re.IGNORECASE,
)


def publishable_body(minutes: Minutes) -> str:
    """The body as a document shows it: no leading title (the document has its own), no task
    blocks or checklist lines of reviewed tasks (the document lists them once, in its tables),
    no HTML comments, no signature lines (the document signs below), and no `Úkoly` heading
    left without text; a line starting with a Czech date stays a paragraph."""
    body = minutes.body or ""
    lines = body.split("\n")
    drop: set[int] = set()
    first = minutes.body_line
    for task in minutes.tasks:
        if task.source != "body":
            continue
        index = task.line - first
        while 0 <= index < len(lines):  # the block: its lines up to a blank one or a heading
            drop.add(index)
            index += 1
            if index >= len(lines) or not lines[index].strip() or _HEADING_LINE.match(lines[index]):
                after = index + 1 if index < len(lines) and not lines[index].strip() else None
                if after is not None and after < len(lines) and _LABEL_START.match(lines[after]):
                    drop.add(index)
                    index = after
                    continue
                break
    for update in [*minutes.updates, *minutes.loose_checks]:
        if update.source == "body" and 0 <= update.line - first < len(lines):
            drop.add(update.line - first)
    kept = [line for number, line in enumerate(lines) if number not in drop and not _SIGNED.match(line)]
    text = _COMMENT.sub("", "\n".join(kept))
    text = _LEADING_TITLE.sub("", text, count=1)
    text = _drop_empty_sections(text)
    text = _DATE_START.sub(r"\1\2\\.", text)
    text = _unindent(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")


def _unindent(text: str) -> str:
    """Paragraphs indented as a whole (text pasted from Word or a PDF) as plain paragraphs,
    which wrap, rather than code blocks; list continuations and fenced code stay as they are."""
    if "\n    " not in text and "\n\t" not in text and not text.startswith(("    ", "\t")):
        return text
    blocks = re.split(r"(\n[ \t]*\n)", text)
    after_list = False
    in_fence = False
    for number in range(0, len(blocks), 2):
        lines = blocks[number].split("\n")
        if sum(line.lstrip().startswith(("```", "~~~")) for line in lines) % 2:
            in_fence = not in_fence
        indented = all(line.startswith(("    ", "\t")) for line in lines if line.strip())
        if indented and not after_list and not in_fence:
            blocks[number] = "\n".join(line.strip() for line in lines)
        elif not indented:
            after_list = any(_LIST_ITEM.match(line) for line in lines)
    return "".join(blocks)


_LABEL_START = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?(?:zajistí|zajisti|odpovídá|odpovida|termín|termin|stav|owner|due|status)\b",
    re.IGNORECASE,
)


def _drop_empty_sections(text: str) -> str:
    """Remove a `## Úkoly` heading (the document has its own) and any heading left with no text
    before the next heading of its level or higher."""
    lines = text.split("\n")
    kept: list[str] = []
    for number, line in enumerate(lines):
        if _TASKS_HEADING.match(line):
            continue
        if (heading := _HEADING_LINE.match(line)) is not None:
            level = line.lstrip().split(" ", 1)[0].count("#")
            rest = lines[number + 1 :]
            content = False
            for later in rest:
                if _HEADING_LINE.match(later) and later.lstrip().split(" ", 1)[0].count("#") <= level:
                    break
                if later.strip():
                    content = True
                    break
            if not content and heading:
                continue
        kept.append(line)
    return "\n".join(kept)


_LEADING_TITLE = re.compile(r"\A\s*#[ \t][^\n]*\n")

STATUS_WORDS = {
    "cs": {"done": "splněno", "cancelled": "zrušeno", "open": "trvá", "new_due": "nový termín"},
    "en": {"done": "done", "cancelled": "cancelled", "open": "continues", "new_due": "new deadline"},
}


# A note that repeats the status (`trvá – zájem projevily 2 obce`): the status is shown in words.
_NOTE_STATUS = re.compile(
    r"^(?:splněno|splneno|hotovo|trvá|trva|pokračuje|zrušeno|zruseno|done|open|cancelled|continues)\b[\s–—:,;-]*",
    re.IGNORECASE,
)


def _update_words(update: Update, meeting: dt.date, language: str) -> str:
    words = STATUS_WORDS[language if language in STATUS_WORDS else "cs"]
    text = words.get(update.status, update.status)
    if update.status == "open" and update.due:
        deadline = parse_deadline(update.due, meeting)
        when = deadline_words(update.due, deadline.end, deadline.kind, language)
        text += f" – {words['new_due']} {when}"
    return text


def _signature(minutes: Minutes, keys: tuple[str, ...], when: tuple[str, ...]) -> dict[str, Any] | None:
    name = next((minutes.extra[k] for k in keys if minutes.extra.get(k)), None)
    if isinstance(name, dict):
        name = name.get("name")
    day = next((minutes.extra[k] for k in when if minutes.extra.get(k)), None)
    if name is None and day is None:
        return None
    return {"name": str(name) if name else None, "date": _as_iso(day)}


def _as_iso(value: Any) -> str | None:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and (day := parse_date(value)):
        return day.isoformat()
    return None


def document_context(
    archive: Archive,
    minutes: Minutes,
    today: dt.date,
    *,
    html: bool,
    ids: bool = False,
    language: str | None = None,
    members: dict[str, GroupMembers] | None = None,
) -> dict[str, Any]:
    """The context of `minutes-document.*.j2` (docs/templates.md): `minutes` (its JSON shape),
    `body`/`body_html` (the text without what the document shows itself), `tasks` (set at the
    meeting, each once), `reviewed` (earlier tasks reviewed, with their status in words),
    `draft`, `signatures`, `ids`, `config`, `today`. `members`: `all_members(archive)`, given
    by a caller that makes many documents of one archive (else computed)."""
    language = language or archive.config.language
    context = base_context(archive.config, today)
    context["minutes"] = minutes.to_dict()
    body = publishable_body(archive.load_body(minutes))
    context["body"] = body
    context["body_html"] = markdown_html(body) if html else None
    context["tasks"] = [
        {
            "id": t.id,
            "task": t.text,
            "owner": t.owner,
            "due": t.due,
            "deadline": t.deadline.isoformat() if t.deadline else None,
            "deadline_words": deadline_words(t.due, t.deadline, t.deadline_kind, language),
            "status": t.initial_status,
        }
        for t in minutes.tasks
    ]
    reviewed = []
    seen: set[str] = set()
    for update in [*minutes.updates, *minutes.loose_checks]:
        task = archive.task(update.id)
        if (task is None and "#" not in update.id) or update.id in seen:
            continue  # an ordinary checklist line, not a task's review
        seen.add(update.id)
        reviewed.append(
            {
                "id": update.id,
                "task": task.text if task else update.id,
                "owner": (update.owner or task.owner) if task else update.owner,
                "meeting_date": task.meeting_date.isoformat() if task else None,
                "status": update.status,
                "status_words": _update_words(update, minutes.date, language),
                "note": _NOTE_STATUS.sub("", update.note or "") or None,
            }
        )
    context["reviewed"] = reviewed
    context["draft"] = minutes.status == "draft"
    recorder = minutes.recorder.name if minutes.recorder else None
    context["signatures"] = {
        "recorded": {
            "name": recorder,
            "date": _as_iso(minutes.extra.get("recorded_on") or minutes.extra.get("zapsáno"))
            or minutes.date.isoformat(),
        }
        if recorder
        else None,
        "verified": _signature(
            minutes,
            ("verified_by", "ověřil", "ověřila", "overil", "overila", "ověřovatel", "ověřovatelka"),
            ("verified_on", "ověřeno", "overeno"),
        ),
        "approved": _signature(
            minutes,
            ("approved_by", "schválil", "schválila", "schvalil", "schvalila"),
            ("approved_on", "schváleno", "schvaleno"),
        ),
    }
    context["ids"] = ids
    context["quorum"] = _quorum(archive, minutes, members)
    return context


def _quorum(
    archive: Archive, minutes: Minutes, members: dict[str, GroupMembers] | None
) -> dict[str, Any] | None:
    """Whether the meeting had a quorum, and the figures: None when kpss cannot tell."""
    row = meeting_row(meeting_attendance(archive, minutes, members))
    if row["quorum"] is None:
        return None
    return {key: row[key] for key in ("quorum", "present_voting", "voting_members", "quorum_share")}


def _members_on(archive: Archive, group: GroupConfig, day: dt.date) -> list[str]:
    """The group's members on `day`, as kpss.yaml writes them (`Name (Organisation)`)."""
    return [member.membership.written for member in members_on(archive, group, day)]


def new_minutes_context(
    archive: Archive, group: GroupConfig, meeting: Meeting, today: dt.date
) -> dict[str, Any]:
    """The context of `minutes.md.j2` (documented in docs/templates.md)."""
    day = meeting.date
    context = base_context(archive.config, today)
    context.update(
        group=group,
        date=day,
        time=meeting.time,
        place=meeting.place,
        members=_members_on(archive, group, day),
        agenda=group_agenda(group, archive.config.language),
        open_tasks=[t.to_dict(day) for t in open_tasks_on(archive, group, day)],
        next_meeting=next_planned(group, day + dt.timedelta(days=1)),
    )
    return context

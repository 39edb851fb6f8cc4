"""What the documents kpss writes are made of: the invitation (agenda) and publishable minutes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup

from ..core.config import GroupConfig
from ..core.model import Minutes
from ..meetings.upcoming import Meeting, group_agenda, next_planned, open_tasks_on
from ..store.archive import Archive
from .templates import base_context


def agenda_context(archive: Archive, group: GroupConfig, meeting: Meeting, today: dt.date) -> dict[str, Any]:
    """The context of `agenda.md.j2` / `agenda.html.j2` (documented in docs/templates.md)."""
    tasks = [t.to_dict(meeting.date) for t in open_tasks_on(archive, group, meeting.date)]
    context = base_context(archive.config, today)
    context.update(
        group=group,
        date=meeting.date,
        time=meeting.time,
        place=meeting.place,
        agenda=group_agenda(group, archive.config.language),
        tasks=tasks,
        overdue=sum(1 for t in tasks if t["days_overdue"]),
    )
    return context


_LABEL_LINE = re.compile(
    r"(?<=\S)\n(?=[ \t]*(?:\*\*)?(?:Zajistí|Zajisti|Odpovídá|Termín|Termin|Stav|Owner|Due|Status)\b)",
    re.IGNORECASE,
)
_CHECKBOX = re.compile(r"<li>\[([ xX-])\] ")
_BOXES = {" ": "☐", "x": "☑", "X": "☑", "-": "☒"}


def markdown_html(text: str) -> Markup:
    """Markdown as HTML; HTML written in minutes is shown as text, never run. Checklist lines
    (`- [x] …`, the review of tasks) get their boxes."""
    text = _LABEL_LINE.sub("  \n", text)  # a task block keeps one field per line
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    html = _CHECKBOX.sub(lambda m: f"<li>{_BOXES[m[1]]} ", html)
    return Markup(html)  # markdown-it escapes the input (html=False)


def document_context(archive: Archive, minutes: Minutes, today: dt.date, *, html: bool) -> dict[str, Any]:
    """The context of `minutes-document.*.j2`: `minutes` (its JSON shape), `config`, `today`."""
    context = base_context(archive.config, today)
    context["minutes"] = minutes.to_dict()
    # The document has its own title: the body's leading `# ` heading would repeat it.
    body = _LEADING_TITLE.sub("", archive.load_body(minutes).body or "", count=1).strip("\n")
    context["body"] = body
    context["body_html"] = markdown_html(body) if html else None
    return context


_LEADING_TITLE = re.compile(r"\A\s*#[ \t][^\n]*\n")


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
        members=list(group.members),
        agenda=group_agenda(group, archive.config.language),
        open_tasks=[t.to_dict(day) for t in open_tasks_on(archive, group, day)],
        next_meeting=next_planned(group, day + dt.timedelta(days=1)),
    )
    return context

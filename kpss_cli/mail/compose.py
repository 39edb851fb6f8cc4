"""The e-mails `kpss remind` sends, composed from the archive: one reminder per owner of their
tasks due soon and overdue, and one invitation per member of a group meeting soon, with the
meeting as an .ics attachment. What each says is drafted here (`drafts`: the same for the same
archive and day, which is why `kpss remind` keeps it in the index); mail/message.py makes the
e-mails of it, with the standard `email` package."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.config import GroupConfig
from ..core.i18n import _, ngettext
from ..core.model import Task
from ..documents.context import agenda_context
from ..documents.templates import base_context, czech_date, render_template
from ..meetings.membership import all_members
from ..meetings.query import sort_tasks
from ..meetings.upcoming import Meeting, next_meeting
from ..store.archive import Archive
from .message import Batch, Draft, Outgoing, dry_run_sender, messages_of, redirected, valid_address
from .recipients import AddressBook, invitees

__all__ = ["Batch", "Outgoing", "compose", "drafts", "dry_run_sender", "redirected", "valid_address"]

DEFAULT_DAYS = 7

SUBJECTS = {
    "cs": {
        "reminder": "Připomenutí úkolů: {parts}",
        "overdue": "{count} po termínu",
        "due": "{count} s termínem do {days} dnů",
        "invitation": "Pozvánka na jednání – {group}, {date}",
    },
    "en": {
        "reminder": "Task reminder: {parts}",
        "overdue": "{count} overdue",
        "due": "{count} due within {days} days",
        "invitation": "Invitation to the meeting – {group}, {date}",
    },
}


def task_key(task: Task, today: dt.date) -> str:
    """What a reminder tells about a task: its id, its deadline and whether it is overdue. A
    new deadline, or a deadline passed since, is news; the same one again is not."""
    state = "overdue" if task.days_overdue(today) else "due"
    deadline = task.deadline.isoformat() if task.deadline else "-"
    return f"task {task.id} {deadline} {state}"


def meeting_key(group: GroupConfig, meeting: Meeting) -> str:
    """What an invitation tells: the group's meeting on that day (a new date is a new invitation)."""
    return f"meeting {group.slug} {meeting.date.isoformat()}"


def compose(archive: Archive, today: dt.date, days: int, sender: str, now: dt.datetime) -> Batch:
    """Every reminder and invitation due on `today` looking `days` ahead, from `sender`."""
    drafted, unreachable = drafts(archive, today, days)
    return messages_of(drafted, unreachable, sender, now, archive.config)


def drafts(archive: Archive, today: dt.date, days: int) -> tuple[list[Draft], dict[str, list[str]]]:
    """What every reminder and invitation due on `today` looking `days` ahead says, and to
    whom (message.Draft), and the people it cannot reach (person -> why they are wanted)."""
    book = AddressBook(archive.config)
    drafted: list[Draft] = []
    unreachable: dict[str, list[str]] = {}
    language = "en" if archive.config.language == "en" else "cs"
    render = _Renderer(archive, language)
    _reminders(archive, book, drafted, unreachable, today, days, language, render)
    _invitations(archive, book, drafted, unreachable, today, days, language, render)
    return drafted, unreachable


def _reminders(
    archive: Archive,
    book: AddressBook,
    drafted: list[Draft],
    unreachable: dict[str, list[str]],
    today: dt.date,
    days: int,
    language: str,
    render: _Renderer,
) -> None:
    horizon = today + dt.timedelta(days=days)
    by_person: dict[str, list[Task]] = {}
    for task in archive.tasks:
        if task.status != "open" or task.deadline is None or task.deadline > horizon:
            continue
        for person in book.owners(task.owner):
            by_person.setdefault(person, []).append(task)
    for person, tasks in by_person.items():
        address = book.address(person)
        if address is None or not valid_address(address):
            unreachable.setdefault(person, []).append(
                ngettext("owner of {count} task", "owner of {count} tasks", len(tasks)).format(
                    count=len(tasks)
                )
                + _not_one(address)
            )
            continue
        tasks = sort_tasks(tasks, today)
        rows = [t.to_dict(today) for t in tasks]
        context = base_context(archive.config, today)
        context.update(
            person=person,
            due=[r for r in rows if not r["days_overdue"]],
            overdue=[r for r in rows if r["days_overdue"]],
            days=days,
        )
        words = SUBJECTS[language]
        parts = [
            words[part].format(count=len(context[part]), days=days)
            for part in ("overdue", "due")
            if context[part]
        ]
        subject = words["reminder"].format(parts=", ".join(parts))
        text, html = render("reminder", context)
        keys = tuple(task_key(t, today) for t in tasks)
        drafted.append(("reminder", person, address, keys, subject, text, html, None))


def _invitations(
    archive: Archive,
    book: AddressBook,
    drafted: list[Draft],
    unreachable: dict[str, list[str]],
    today: dt.date,
    days: int,
    language: str,
    render: _Renderer,
) -> None:
    meeting_soon: dict[str, Meeting] = {}
    for group in archive.config.groups:
        meeting = next_meeting(archive, group, today)
        if meeting is not None and today <= meeting.date <= today + dt.timedelta(days=days):
            meeting_soon[group.slug] = meeting
    groups = [group for group in archive.config.groups if group.slug in meeting_soon]
    members = all_members(archive, groups)  # at once: each group's alone would read every minutes
    for group in groups:
        meeting = meeting_soon[group.slug]
        context = agenda_context(archive, group, meeting, today)
        text, html = render("agenda", context)
        shown = czech_date(meeting.date) if language == "cs" else meeting.date.isoformat()
        subject = SUBJECTS[language]["invitation"].format(group=group.name, date=shown)
        # The .ics attachment is made with the e-mail: its DTSTAMP is the clock's.
        calendar = (group.name, group.slug, meeting.date.isoformat(), meeting.time, meeting.place)
        for invitee in invitees(members[group.slug], meeting.date):
            person = book.person(invitee)
            address = book.address(person)
            if address is None or not valid_address(address):
                unreachable.setdefault(person, []).append(
                    _("member of {group}, meeting on {date}").format(
                        group=group.name, date=meeting.date.isoformat()
                    )
                    + _not_one(address)
                )
                continue
            keys = (meeting_key(group, meeting),)
            drafted.append(("invitation", person, address, keys, subject, text, html, calendar))


class _Renderer:
    """The text and HTML bodies of one kind of e-mail: the archive's own templates when it has
    them, else kpss's; each template compiled once a run, however many e-mails it makes."""

    def __init__(self, archive: Archive, language: str) -> None:
        self.root = archive.root
        self.language = language
        self.environments: dict[tuple[str, ...], Any] = {}

    def __call__(self, kind: str, context: dict[str, object]) -> tuple[str, str]:
        language, environments = self.language, self.environments
        text = render_template(
            f"{kind}.md.j2", context, self.root, language=language, environments=environments
        )
        html = render_template(
            f"{kind}.html.j2", context, self.root, language=language, html=True, environments=environments
        )
        return text, html


def _not_one(address: str | None) -> str:
    return "" if address is None else _("; {address!r} is not an e-mail address").format(address=address)

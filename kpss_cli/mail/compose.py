"""The e-mails `kpss remind` sends, composed from the archive: one reminder per owner of their
tasks due soon and overdue, and one invitation per member of a group meeting soon, with the
meeting as an .ics attachment. Plain text and HTML, built with the standard `email` package."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from typing import Any

from ..core.config import GroupConfig
from ..core.i18n import _, ngettext
from ..core.model import Task
from ..core.names import slugify
from ..documents.context import agenda_context
from ..documents.ical import meeting_invitation
from ..documents.templates import base_context, czech_date, render_template
from ..meetings.membership import all_members
from ..meetings.query import sort_tasks
from ..meetings.upcoming import Meeting, next_meeting
from ..store.archive import Archive
from .recipients import AddressBook, invitees

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


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One e-mail to one person. `keys` say what it tells them (a task in one state, a meeting
    on one day): the sent-log records each, so that nothing is told twice."""

    kind: str  # "reminder" | "invitation"
    person: str
    address: str
    keys: tuple[str, ...]
    message: EmailMessage


@dataclass(slots=True)
class Batch:
    """What a run would send, and the people it cannot reach (person -> why they are wanted)."""

    messages: list[Outgoing] = field(default_factory=list)
    unreachable: dict[str, list[str]] = field(default_factory=dict)


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
    book = AddressBook(archive.config)
    batch = Batch()
    language = "en" if archive.config.language == "en" else "cs"
    render = _Renderer(archive, language)
    _reminders(archive, book, batch, today, days, sender, now, language, render)
    _invitations(archive, book, batch, today, days, sender, now, language, render)
    return batch


def _reminders(
    archive: Archive,
    book: AddressBook,
    batch: Batch,
    today: dt.date,
    days: int,
    sender: str,
    now: dt.datetime,
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
            batch.unreachable.setdefault(person, []).append(
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
        message = _message(sender, person, address, subject, text, html, now)
        batch.messages.append(
            Outgoing("reminder", person, address, tuple(task_key(t, today) for t in tasks), message)
        )


def _invitations(
    archive: Archive,
    book: AddressBook,
    batch: Batch,
    today: dt.date,
    days: int,
    sender: str,
    now: dt.datetime,
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
        calendar = meeting_invitation(
            group.name, group.slug, meeting.date, meeting.time, meeting.place, now, archive.config
        )
        for invitee in invitees(members[group.slug], meeting.date):
            person = book.person(invitee)
            address = book.address(person)
            if address is None or not valid_address(address):
                batch.unreachable.setdefault(person, []).append(
                    _("member of {group}, meeting on {date}").format(
                        group=group.name, date=meeting.date.isoformat()
                    )
                    + _not_one(address)
                )
                continue
            message = _message(sender, person, address, subject, text, html, now)
            message.add_attachment(
                calendar.decode("utf-8"),
                subtype="calendar",
                charset="utf-8",
                filename=f"{slugify(group.slug)}-{meeting.date.isoformat()}.ics",
            )
            batch.messages.append(
                Outgoing("invitation", person, address, (meeting_key(group, meeting),), message)
            )


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


_DOMAIN = re.compile(r"@([^@>\s]+)>?\s*$")


def _message(
    sender: str, person: str, address: str, subject: str, text: str, html: str, now: dt.datetime
) -> EmailMessage:
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = Address(display_name=person, addr_spec=address)
    message["Date"] = format_datetime(now)
    domain = _DOMAIN.search(sender)
    message["Message-ID"] = make_msgid("kpss", domain=domain[1] if domain else "kpss.invalid")
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies, please
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


def valid_address(address: str) -> bool:
    """True when `address` is one e-mail address (`name@domain`)."""
    try:
        parsed = Address(addr_spec=address)
    except (ValueError, IndexError):
        return False
    return bool(parsed.username and parsed.domain)


def redirected(messages: list[Outgoing], address: str) -> list[Outgoing]:
    """The messages addressed to `address` instead (`kpss remind --to-me`), to try them out."""
    for item in messages:
        item.message.replace_header("To", address)
    return [Outgoing(m.kind, m.person, address, m.keys, m.message) for m in messages]


def dry_run_sender(organisation: str | None) -> str:
    """The From of messages written to files when kpss.yaml has no `smtp`."""
    return str(Address(display_name=organisation or "kpss", addr_spec="kpss@localhost"))

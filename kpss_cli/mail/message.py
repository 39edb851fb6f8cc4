"""The e-mails of what mail/compose.py drafted: headers, plain text and HTML, the meeting as an
.ics attachment, built with the standard `email` package each run (their Date, Message-ID and
the calendar's DTSTAMP are the clock's). Apart from compose.py, so that a run whose drafts the
index keeps imports no templates."""

from __future__ import annotations

import datetime as dt
import re

from ..core.config import Config
from ..core.names import slugify

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    from email.message import EmailMessage
    from typing import Any

# The `email` package (some 10 ms) is imported where an e-mail is made: a run that writes none
# (`kpss remind --dry-run` with nothing due) goes without it.

# One e-mail as drafted: its kind ("reminder" | "invitation"), the person and address, what it
# tells (keys, as Outgoing's), subject, text, HTML, and for an invitation the meeting of its
# .ics attachment (group name, slug, ISO date, time, place). Marshal's types only.
Draft = tuple[str, str, str, tuple[str, ...], str, str, str, "tuple[str, str, str, Any, Any] | None"]


class Outgoing:
    """One e-mail to one person. `keys` say what it tells them (a task in one state, a meeting
    on one day): the sent-log records each, so that nothing is told twice. (Plain classes
    here, not dataclasses: `kpss remind --dry-run` is on the quick path.)"""

    __slots__ = ("kind", "person", "address", "keys", "message")

    def __init__(
        self, kind: str, person: str, address: str, keys: tuple[str, ...], message: EmailMessage
    ) -> None:
        self.kind = kind  # "reminder" | "invitation"
        self.person = person
        self.address = address
        self.keys = keys
        self.message = message


class Batch:
    """What a run would send, and the people it cannot reach (person -> why they are wanted)."""

    __slots__ = ("messages", "unreachable")

    def __init__(self, unreachable: dict[str, list[str]] | None = None) -> None:
        self.messages: list[Outgoing] = []
        self.unreachable: dict[str, list[str]] = {} if unreachable is None else unreachable


def messages_of(
    drafted: list[Draft], unreachable: dict[str, list[str]], sender: str, now: dt.datetime, config: Config
) -> Batch:
    """The e-mails of `drafted`, from `sender`, dated `now`."""
    batch = Batch(unreachable=unreachable)
    calendars: dict[tuple[Any, ...], bytes] = {}  # one per meeting, as many invitations as it has
    for kind, person, address, keys, subject, text, html, meeting in drafted:
        message = _message(sender, person, address, subject, text, html, now)
        if meeting is not None:
            if meeting not in calendars:
                from ..documents.ical import meeting_invitation  # only when a meeting is near

                name, slug, day, time, place = meeting
                calendars[meeting] = meeting_invitation(
                    name, slug, dt.date.fromisoformat(day), time, place, now, config
                )
            message.add_attachment(
                calendars[meeting].decode("utf-8"),
                subtype="calendar",
                charset="utf-8",
                filename=f"{slugify(meeting[1])}-{meeting[2]}.ics",
            )
        batch.messages.append(Outgoing(kind, person, address, tuple(keys), message))
    return batch


_DOMAIN = re.compile(r"@([^@>\s]+)>?\s*$")


def _message(
    sender: str, person: str, address: str, subject: str, text: str, html: str, now: dt.datetime
) -> EmailMessage:
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime, make_msgid

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
    from email.headerregistry import Address

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
    from email.headerregistry import Address

    return str(Address(display_name=organisation or "kpss", addr_spec="kpss@localhost"))

"""`kpss remind`: reminders of tasks and invitations to meetings, by e-mail, sent once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..core.i18n import _
from . import options
from .app import ArchiveOption, AsOfOption, app, boundary, option
from .mailing import remind_by_mail


@app.command()
@boundary
def remind(
    archive: ArchiveOption = None,
    days: Annotated[
        int, typer.Option("--days", min=0, help=_("Remind of deadlines and meetings this many days ahead."))
    ] = 7,
    dry_run: Annotated[Path | None, option(options.DRY_RUN, show_default=False)] = None,
    to_me: Annotated[
        str | None,
        typer.Option(
            "--to-me",
            metavar=_("ADDRESS"),
            help=_("Send every message to this address instead, to try it out; record nothing."),
            show_default=False,
        ),
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option(
            "--rate", min=0.001, help=_("At most this many messages a minute (default: smtp.rate, else 30).")
        ),
    ] = None,
    as_of: AsOfOption = None,
) -> int:
    """E-mail owners their tasks due within --days and overdue, and members the invitation to
    a meeting within --days (with the meeting as an .ics attachment).

    Addresses come from `email` under `people` or on a member in kpss.yaml; the server from
    `smtp` there, the password from KPSS_SMTP_PASSWORD or the system keyring. What was sent is
    recorded in kpss-sent.tsv in the archive: running again sends only what is new or still
    pending. Exits 75 when messages are left pending (the server failed); run it again.

    Example: kpss remind --days 7 --dry-run /tmp/pozvanky
    """
    return remind_by_mail(archive=archive, days=days, dry_run=dry_run, to_me=to_me, rate=rate, as_of=as_of)

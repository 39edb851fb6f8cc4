"""`kpss remind`: reminders of tasks and invitations to meetings, by e-mail, sent once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..core.errors import ExitStatus, warning_line
from ..core.i18n import N_, _, ngettext
from ..output.console import say
from .app import ArchiveOption, AsOfOption, app, boundary
from .shared import exit_code, load_reduced, today_from

NO_ADDRESS_HINT = N_("give them `email` under `people` in kpss.yaml")


@app.command()
@boundary
def remind(
    archive: ArchiveOption = None,
    days: Annotated[
        int, typer.Option("--days", min=0, help=_("Remind of deadlines and meetings this many days ahead."))
    ] = 7,
    dry_run: Annotated[
        Path | None,
        typer.Option(
            "--dry-run",
            metavar=_("FOLDER"),
            help=_("Write the messages as .eml files into this folder; send nothing, record nothing."),
            show_default=False,
        ),
    ] = None,
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
    from ..mail.compose import compose, dry_run_sender, redirected
    from ..mail.deliver import deliver, now, smtp_password, smtp_settings, write_eml
    from ..mail.sentlog import SentLog, one_run
    from ..meetings.upcoming import is_open

    today = today_from(as_of)
    # Reminders read the open tasks; invitations the next meeting, its open tasks, the members.
    loaded = load_reduced(archive, "remind", frozenset({"next_meeting", "membership"}), tasks=is_open)
    settings = smtp_settings(loaded.config, required=dry_run is None, rate=rate)
    sender = settings.sender if settings else dry_run_sender(loaded.config.organisation)
    batch = compose(loaded, today, days, sender, now())
    for person, why in sorted(batch.unreachable.items()):
        say(
            warning_line(
                _("no e-mail address for {person} ({why}): {no_address_hint}").format(
                    person=person, why="; ".join(why), no_address_hint=_(NO_ADDRESS_HINT)
                )
            )
        )
    with one_run(loaded.root):  # two runs at once would both send what neither has logged yet
        log = SentLog(loaded.root)
        pending = log.unsent(batch.messages)
        already = len(batch.messages) - len(pending)
        if to_me is not None:
            pending = redirected(pending, to_me)
        if dry_run is not None:
            written = write_eml(pending, dry_run)
            say(
                _("kpss: wrote {written_count} to {dry_run} (nothing sent){already}").format(
                    written_count=_messages(len(written)),
                    dry_run=dry_run,
                    already=_tail(already, batch.unreachable),
                )
            )
            return exit_code(loaded)
        assert settings is not None  # required above
        password = smtp_password(settings)
        record = (
            (lambda item: None)
            if to_me is not None
            else (lambda item: log.record(item.keys, item.address, now()))
        )
        result = deliver(pending, settings, password, record)
        counts = ", ".join(
            _of_kind(sum(1 for m in result.sent if m.kind == kind), kind)
            for kind in ("reminder", "invitation")
        )
        say(
            _("kpss: sent {sent_count} ({counts}){already}").format(
                sent_count=_messages(len(result.sent)),
                counts=counts,
                already=_tail(already, batch.unreachable),
            )
        )
        for item, reason in result.refused:
            say(
                warning_line(
                    _("not sent to {person} <{address}> ({kind}): {reason}").format(
                        person=item.person, address=item.address, kind=item.kind, reason=reason
                    )
                )
            )
        if result.stopped:
            say(warning_line(_("stopped: {stopped}").format(stopped=result.stopped)))
        if result.pending:
            say(
                _(
                    "kpss: {pending_count} pending ({refused_count} refused, {untried_count} not tried); the next `kpss remind` sends them"
                ).format(
                    pending_count=_messages(len(result.pending)),
                    refused_count=len(result.refused),
                    untried_count=len(result.untried),
                )
            )
            return ExitStatus.USER_ERROR if result.to_fix else ExitStatus.PENDING
        return exit_code(loaded)


def _tail(already: int, unreachable: dict[str, list[str]]) -> str:
    parts = []
    if already:
        parts.append(_("{count} sent before").format(count=already))
    if unreachable:
        count = len(unreachable)
        parts.append(
            ngettext(
                "{count} person without an e-mail address", "{count} people without an e-mail address", count
            ).format(count=count)
        )
    return "; " + ", ".join(parts) if parts else ""


def _messages(count: int) -> str:
    return ngettext("{count} message", "{count} messages", count).format(count=count)


def _of_kind(count: int, kind: str) -> str:
    if kind == "reminder":
        return ngettext("{count} reminder", "{count} reminders", count).format(count=count)
    return ngettext("{count} invitation", "{count} invitations", count).format(count=count)

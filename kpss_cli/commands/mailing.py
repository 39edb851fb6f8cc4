"""What `kpss remind` does, without Typer: remind.py declares it to Typer and calls this, and
the quick path (quick.py) calls it directly for `kpss remind --dry-run FOLDER`.

What the reminders and invitations say, and to whom (mail/compose.drafts), is the same for the
same archive, day and `--days`: it is the answer the index keeps (store/answers.py), keyed on
the archive's templates/ too. Each run makes the e-mails of it (their Date and Message-ID are
the clock's), and checks and writes the sent-log as ever.
"""

from __future__ import annotations

from ..core.errors import ExitStatus, KpssError, warning_line
from ..core.i18n import N_, _, ngettext
from ..output.console import progress_bar, say
from .reading import TEMPLATE_FOLDERS
from .shared import exit_code, load_computed, settings, today_from

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    import os
    from typing import Any

    from ..store.archive import Archive, TaskSnapshot
    from ..store.loading import Walk

NO_ADDRESS_HINT = N_("give them `email` under `people` in kpss.yaml")
# What reminders and invitations read of the minutes besides dates, groups, times and places.
REMIND_FIELDS = frozenset({"next_meeting", "membership"})


def remind_by_mail(
    *,
    archive: str | os.PathLike[str] | None = None,
    days: int = 7,
    dry_run: str | os.PathLike[str] | None = None,
    to_me: str | None = None,
    rate: float | None = None,
    as_of: str | None = None,
) -> int:
    """Send (or with `dry_run`, write into that folder) the reminders and invitations due, as
    `kpss remind` does; return its exit code."""
    today = today_from(as_of)

    def drafted() -> tuple[Archive, tuple[bool, Any]]:
        from ..core.model import STATUSES
        from ..meetings.upcoming import is_open
        from ..store.views import load_reduced

        # Reminders read the open tasks; invitations the next meeting, its open tasks, the members.
        cold = settings["no_cache"]
        loaded = load_reduced(
            archive,
            "remind",
            REMIND_FIELDS,
            tasks=is_open,
            # Cold, only the open tasks are made to be chosen (is_open: the same tasks); the
            # index's view `remind` stays as it is kept.
            statuses=("open",) if cold else STATUSES,
            use_index=not cold,
            progress=progress_bar(),
            latest=True,  # of the minutes, each group's latest (next_meeting) and the joins
            meanwhile=_imported,  # a cold run imports them while its workers parse
        )
        from ..mail.compose import drafts
        from ..mail.message import dry_run_sender

        # With the From of messages written to files (the `email` package words it; when it
        # cannot, it is asked again where the run needs it, and says why there).
        try:
            sender: str | None = dry_run_sender(loaded.config.organisation)
        except Exception:
            sender = None
        try:
            return loaded, (True, (*drafts(loaded, today, days), sender))
        except KpssError as exc:  # an answer too: the same question gets the same error
            return loaded, (False, exc.fields())

    def versioned(walk: Walk) -> tuple[TaskSnapshot, bytes] | None:
        """The version of the view `remind` (loading.view_version): an edit it does not read
        (a word of a minutes' text) keeps the answer."""
        from ..meetings.upcoming import is_open
        from ..store.loading import view_version
        from ..store.views import reduced

        return view_version(archive, walk, "remind", reduced(REMIND_FIELDS, is_open))

    loaded, (ok, answer) = load_computed(
        archive, "remind", repr((today, days)), drafted, folders=TEMPLATE_FOLDERS, versioned=versioned
    )
    from pathlib import Path

    from ..mail.deliver import deliver, now, smtp_password, smtp_settings, write_eml
    from ..mail.message import dry_run_sender, messages_of, redirected
    from ..mail.sentlog import SentLog, one_run

    smtp = smtp_settings(loaded.config, required=dry_run is None, rate=rate)
    if not ok:
        raise KpssError(*answer)
    drafts, unreachable, dry_run_from = answer
    sender = smtp.sender if smtp else dry_run_from or dry_run_sender(loaded.config.organisation)
    batch = messages_of(drafts, unreachable, sender, now(), loaded.config)
    root = Path(loaded.root)
    for person, why in sorted(batch.unreachable.items()):
        say(
            warning_line(
                _("no e-mail address for {person} ({why}): {no_address_hint}").format(
                    person=person, why="; ".join(why), no_address_hint=_(NO_ADDRESS_HINT)
                )
            )
        )
    with one_run(root):  # two runs at once would both send what neither has logged yet
        log = SentLog(root)
        pending = log.unsent(batch.messages)
        already = len(batch.messages) - len(pending)
        if to_me is not None:
            pending = redirected(pending, to_me)
        if dry_run is not None:
            folder = Path(dry_run)  # as Typer gives it: `out/` is `out`
            written = write_eml(pending, folder)
            say(
                _("kpss: wrote {written_count} to {dry_run} (nothing sent){already}").format(
                    written_count=_messages(len(written)),
                    dry_run=folder,
                    already=_tail(already, batch.unreachable),
                )
            )
            return exit_code(loaded)
        assert smtp is not None  # required above
        password = smtp_password(smtp)
        record = (
            (lambda item: None)
            if to_me is not None
            else (lambda item: log.record(item.keys, item.address, now()))
        )
        result = deliver(pending, smtp, password, record)
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


def _imported() -> None:
    """Import what the reminders are made and written with once the archive is read (Jinja
    among them: some 0.1 s), so that a cold run does it while its workers parse."""
    from ..mail import compose, deliver, message, sentlog  # noqa: F401


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

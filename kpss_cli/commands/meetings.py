"""`kpss new-minutes`, `kpss init`, `kpss schedule` and `kpss approve`: meetings and their minutes."""

from __future__ import annotations

import os
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import ExitStatus, KpssError, error_line, os_reason
from ..core.i18n import _
from ..output.console import say, write_document
from . import options
from .app import (
    ArchiveOption,
    AsOfOption,
    GroupArgument,
    GroupOption,
    app,
    boundary,
    default_format,
    formats,
    option,
)
from .reading import list_members, schedule_meetings
from .shared import (
    date_option,
    exit_code,
    load,
    settings,
    today_from,
)

if TYPE_CHECKING:
    pass


@app.command("new-minutes")
@boundary
def new_minutes(
    group: GroupArgument,
    archive: ArchiveOption = None,
    date: Annotated[
        str | None,
        option(options.DATE, help=_("Meeting date. Default: the next scheduled meeting, else today.")),
    ] = None,
    stdout: Annotated[
        bool, typer.Option("--stdout", help=_("Print the minutes instead of writing the file."))
    ] = False,
    edit: Annotated[bool, typer.Option("--edit", help=_("Open the new file in $EDITOR."))] = False,
    template: Annotated[str, option(options.TEMPLATE)] = "minutes.md.j2",
    as_of: AsOfOption = None,
) -> int:
    """Start the minutes of a meeting: group, date, place, members, agenda, tasks to review.

    Writes <group folder>/<date>.md and prints its path; never overwrites a file. The
    `updates` list holds every task of the group still open: change `open` to `done` or
    `cancelled` as the meeting reviews them.

    Example: kpss new-minutes seniori --date 2026-12-10
    """
    from ..documents.context import new_minutes_context
    from ..documents.templates import render_template
    from ..meetings.upcoming import Meeting, next_meeting, resolve_group
    from ..store.archive import shown_path
    from ..store.safefile import create_new, safe_path

    today = today_from(as_of)
    loaded = load(archive)
    found = resolve_group(loaded, group)
    # The same meeting `kpss agenda` invites to: --date, the schedule, the announced next one.
    meeting = next_meeting(loaded, found, today, date_option(date, "--date"))
    if meeting is None:
        meeting = Meeting(today, found.time, found.place, "today")
    day = meeting.date
    context = new_minutes_context(loaded, found, meeting, today)
    text = render_template(template, context, loaded.root, language=loaded.config.language)
    if stdout:
        write_document(text)  # the file itself is written as the template made it
        return exit_code(loaded)
    path = safe_path(loaded.root, *found.folder.split("/"), f"{day.isoformat()}.md")
    shown = shown_path(loaded, path.relative_to(loaded.root).as_posix())
    create_new(path, text, shown)
    print(shown)
    if edit:
        _open_editor(path)
    return exit_code(loaded)


def _open_editor(path: Path) -> None:
    import shlex
    import subprocess

    variable = "VISUAL" if os.environ.get("VISUAL") else "EDITOR"
    editor = os.environ.get(variable)
    if not editor:
        raise KpssError(_("--edit needs $EDITOR (or $VISUAL) to name your editor"))
    # A broken editor is the user's to fix, not a bug in kpss: one line, exit 2, and the
    # minutes stay written.
    written = _("the minutes are written: {path}").format(path=path)
    try:
        command = shlex.split(editor)
    except ValueError as exc:
        raise KpssError(
            _("${variable} is not a command line ({problem}): {editor}; {written}").format(
                variable=variable, problem=exc, editor=editor, written=written
            )
        ) from None
    if not command:
        raise KpssError(
            _("${variable} names no editor; {written}").format(variable=variable, written=written)
        )
    try:
        finished = subprocess.run([*command, str(path)], check=False)
    except OSError as exc:
        raise KpssError(
            _("cannot start the editor {editor!r} (${variable}): {reason}; {written}").format(
                editor=command[0], variable=variable, reason=os_reason(exc), written=written
            )
        ) from None
    if finished.returncode != 0:
        raise KpssError(
            _("the editor {editor!r} (${variable}) ended with exit code {code}; {written}").format(
                editor=command[0], variable=variable, code=finished.returncode, written=written
            )
        )


@app.command()
@boundary
def schedule(
    archive: ArchiveOption = None,
    group: GroupOption = None,
    year: Annotated[int | None, option(options.YEAR)] = None,
    from_: Annotated[str | None, option(options.FROM)] = None,
    to: Annotated[str | None, option(options.TO)] = None,
    fmt: Annotated[str, formats("schedule", help=_("Output format; ics for calendars."))] = default_format(
        "schedule"
    ),
    as_of: AsOfOption = None,
) -> int:
    """Planned meetings with their minutes: held, moved, missing, still planned, off-schedule.

    Plans come from `schedule` in kpss.yaml (dates and recurrence rules). `--format ics`
    gives a calendar to import into Outlook or Google Calendar.

    Example: kpss schedule --year 2026 --format ics > jednani.ics
    """
    return schedule_meetings(
        archive=archive, group=group, year=year, from_=from_, to=to, fmt=fmt, as_of=as_of
    )


@app.command()
@boundary
def members(
    group: GroupArgument,
    archive: ArchiveOption = None,
    on: Annotated[str | None, option(options.ON)] = None,
    history: Annotated[bool, option(options.HISTORY)] = False,
    fmt: Annotated[str, formats("members")] = default_format("members"),
    as_of: AsOfOption = None,
) -> int:
    """Who belongs to a group on a day: role, organisation, vote, since and until when.

    Membership comes from kpss.yaml (members with `from`/`to`) and from the minutes'
    `membership` entries (joins and leaves from their date on). `--history` lists every change.

    Example: kpss members ridici --on 2025-06-30
    """
    return list_members(group=group, archive=archive, on=on, history=history, fmt=fmt, as_of=as_of)


@app.command()
@boundary
def init(
    folder: Annotated[
        Path | None,
        typer.Argument(
            metavar=_("FOLDER"),
            help=_("The archive folder (created if needed). Default: this one."),
            show_default=False,
        ),
    ] = None,
    group: Annotated[
        list[str] | None,
        typer.Option(
            "--group",
            "-g",
            metavar=_("NAME"),
            help=_("Add this group to kpss.yaml (its name; repeat for more)."),
            show_default=False,
        ),
    ] = None,
    example: Annotated[
        bool,
        typer.Option("--example", help=_("Write an example kpss.yaml with sample groups and schedules.")),
    ] = False,
) -> int:
    """Start an archive: a commented kpss.yaml, a README for its users, a templates/ note.

    Asks nothing. Never overwrites: files that exist are kept, and a second run changes nothing.

    Example: kpss init zapisy --group "Řídicí skupina" --group "PS Senioři"
    """
    from ..store.init import init_archive

    target = folder or settings["archive"] or Path()
    results = init_archive(target, group, example)
    for name, created in results:
        print((_("created: {path}") if created else _("kept: {path}")).format(path=target / name))
    if group and not dict(results)["kpss.yaml"]:
        say(
            _("kpss: {folder}/kpss.yaml was there already and is kept: add the groups to it by hand").format(
                folder=target
            )
        )
    if not any(created for _, created in results):
        say(_("kpss: nothing to do: {folder} already holds a kpss archive").format(folder=target))
        return ExitStatus.OK
    for line in next_steps(target, group[0] if group else None, example):
        say(line)
    return ExitStatus.OK


def next_steps(folder: Path, first_group: str | None, example: bool) -> list[str]:
    """What to do after `kpss init`: the three next steps, as commands to type."""
    from ..core.names import slugify

    go = "" if folder == Path() else f"cd {shlex.quote(str(folder))} && "
    slug = slugify(first_group) if first_group else ("seniori" if example else _("GROUP"))
    groups = (
        _("check the groups and add members, places and schedules in kpss.yaml")
        if first_group or example
        else _('name your groups in kpss.yaml (or start with: kpss init --group "PS Senioři")')
    )
    return [
        _("kpss: next steps:"),
        "  1. " + groups,
        "  2. "
        + _('start the minutes of a meeting: {go}kpss new-minutes {group} --date "5. 3. 2027"').format(
            go=go, group=slug
        ),
        "  3. " + _("see what needs doing: {go}kpss (then kpss tasks, kpss check)").format(go=go),
    ]


@app.command()
@boundary
def approve(
    refs: Annotated[
        list[str] | None,
        typer.Argument(metavar=_("MINUTES..."), help=_("Minutes ids or file paths."), show_default=False),
    ] = None,
    archive: ArchiveOption = None,
    group: Annotated[
        str | None, option(options.GROUP, help=_("With --until: the drafts of this group only."))
    ] = None,
    until: Annotated[
        str | None, option(options.UNTIL, help=_("Approve every draft of a meeting on or before this date."))
    ] = None,
) -> int:
    """Mark draft minutes approved: `status: draft` becomes `approved` (or is added).

    Only that line changes; the file keeps its encoding and line endings, and is replaced
    atomically, so an interrupted run leaves it as it was. Unknown ids stop the run before
    anything is written.

    Example: kpss approve seniori/2026-09-10 seniori/2026-11-12, or
    kpss approve --group seniori --until 2026-11-30
    """
    from ..meetings.approve import approve as approve_minutes
    from ..meetings.query import filter_minutes
    from ..store.archive import shown_path

    if group and until is None:
        raise KpssError(_("--group approves the drafts up to a date: give --until too"))
    if not refs and until is None:
        raise KpssError(
            _("name the minutes to approve, or give --until (and --group) for every draft up to a date")
        )
    if refs and (group or until):
        raise KpssError(_("give minutes ids, or --group and --until, not both"))
    loaded = load(archive)
    if refs:
        chosen = []
        for ref in refs:
            minutes = loaded.find_minutes(ref)
            if minutes is None:
                raise KpssError(
                    _("no minutes {ref!r} in the archive (see `kpss list`); nothing was approved").format(
                        ref=ref
                    )
                )
            chosen.append(minutes)
    else:
        every = filter_minutes(loaded, group=group, since=None, until=date_option(until, "--until"))
        chosen = [m for m in every if m.status != "approved"]
        if not chosen:
            say(_("kpss: no draft minutes up to that date; nothing changed"))
    failed = False
    for minutes in chosen:
        shown = shown_path(loaded, minutes.path)
        try:
            changed = approve_minutes(loaded, minutes)
        except KpssError as exc:  # one file's problem; the others are still approved
            say(error_line(str(exc)))
            failed = True
            continue
        if changed:
            print(_("approved: {shown}").format(shown=shown))
        else:
            say(_("kpss: {shown} is already approved; nothing changed").format(shown=shown))
    return ExitStatus.USER_ERROR if failed else exit_code(loaded)

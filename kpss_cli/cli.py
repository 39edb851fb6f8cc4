"""The `kpss` command: thin Typer commands over the core (archive, query, render, output)."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .archive import Archive, load_archive, shown_path
from .dates import parse_date
from .errors import BUG_HINT, ExitStatus, KpssError, error_line, warning_line
from .model import Task
from .names import slugify
from .output import Column, Format, clean, emit, emit_sections
from .query import TaskFilter, filter_minutes, find_tasks, group_rows
from .render import render_template, task_context

app = typer.Typer(
    name="kpss",
    help="Minutes, tasks and attendance of community planning of social services (KPSS).",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}

F = TypeVar("F", bound=Callable[..., Any])


# --- the one error boundary ----------------------------------------------------------------


def boundary(command: F) -> F:
    """Turn errors into one `kpss: error: …` line and an exit code; quiet on a closed pipe."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except KpssError as exc:
            if _state["debug"]:
                traceback.print_exc()
            _stderr(error_line(str(exc)))
            raise typer.Exit(ExitStatus.USER_ERROR) from None
        except BrokenPipeError:
            # `kpss tasks | head`: the reader has gone; stop quietly.
            _silence_stdout()
            raise typer.Exit(ExitStatus.OK) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            if _state["debug"]:
                traceback.print_exc()
            _stderr(error_line(f"{type(exc).__name__}: {exc}; {BUG_HINT}"))
            raise typer.Exit(ExitStatus.FOUND) from None

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass


def _stderr(line: str) -> None:
    # Messages quote minutes and names: no terminal escapes or line breaks get through.
    print(clean(line), file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        print(f"kpss {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    """Minutes, tasks and attendance of community planning of social services (KPSS).

    The archive is a folder of Markdown minutes with YAML front matter. Try:

        kpss list --archive examples
    """
    _state["debug"] = debug


# --- shared options ------------------------------------------------------------------------

ArchiveOption = Annotated[
    Path | None,
    typer.Option(
        "--archive",
        "-a",
        envvar="KPSS_ARCHIVE",
        help="The archive folder. Default: the nearest folder upwards with kpss.yaml, else the current one.",
        show_default=False,
    ),
]
GroupOption = Annotated[
    str | None,
    typer.Option("--group", "-g", help="Only this group: its slug or name (case and accents ignored)."),
]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only meetings on or after this date.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only meetings on or before this date.")]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of", envvar="KPSS_TODAY", help="Take this date (YYYY-MM-DD) as today.", show_default=False
    ),
]


class ListFormat(StrEnum):
    """Formats of listing commands (the `md` Markdown table only where it makes sense)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


FormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]


def _date_option(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise KpssError(f"{option}: {value!r} is not a date (write YYYY-MM-DD)")
    return day


def _today(as_of: str | None) -> dt.date:
    return _date_option(as_of, "--as-of") or dt.date.today()


def _load(archive: Path | None) -> Archive:
    """Load the archive and report its problems on stderr."""
    loaded = load_archive(archive)
    for problem in loaded.problems:
        _stderr(error_line(str(problem)) if problem.is_error else warning_line(str(problem)))
    return loaded


def _finish(archive: Archive, found: bool = False) -> None:
    """Exit 2 when a file had an error (the rest was still processed), else 1 when `found`."""
    if archive.has_errors:
        raise typer.Exit(ExitStatus.USER_ERROR)
    if found:
        raise typer.Exit(ExitStatus.FOUND)


def _terminal() -> bool:
    return sys.stdout.isatty()


def _emit(rows: Iterable[dict[str, Any]], columns: list[Column], fmt: Format, **options: Any) -> int:
    count = emit(rows, columns, fmt, sys.stdout, terminal=_terminal(), **options)
    sys.stdout.flush()
    return count


# --- list, show ----------------------------------------------------------------------------

LIST_COLUMNS = [
    Column("id", "ID"),
    Column("group", "Group"),
    Column("date", "Date"),
    Column("time", "Time"),
    Column("place", "Place"),
    Column("present", "Present", "right"),
    Column("excused", "Excused", "right"),
    Column("absent", "Absent", "right"),
    Column("guests", "Guests", "right"),
    Column("tasks", "Tasks", "right"),
]


@app.command("list")
@boundary
def list_minutes(
    archive: ArchiveOption = None,
    group: GroupOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """List the minutes of the archive, one row per meeting, oldest first.

    Example: kpss list --group seniori --since 2025-01-01 --format csv
    """
    loaded = _load(archive)
    selected = filter_minutes(
        loaded, group=group, since=_date_option(since, "--since"), until=_date_option(until, "--until")
    )
    _emit(
        (m.summary() for m in selected), LIST_COLUMNS, Format(fmt.value), caption=f"{len(selected)} minutes"
    )
    _finish(loaded)


class ShowFormat(StrEnum):
    """Formats of `kpss show`."""

    text = "text"
    json = "json"


@app.command()
@boundary
def show(
    ref: Annotated[
        str, typer.Argument(help="Minutes id (ridici-skupina/2025-01-22) or file path.", show_default=False)
    ],
    archive: ArchiveOption = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = ShowFormat.text,
) -> None:
    """Show one minutes record with everything kpss reads from it.

    Example: kpss show ridici-skupina/2025-01-22 --format json
    """
    loaded = _load(archive)
    minutes = loaded.find_minutes(ref)
    if minutes is None:
        raise KpssError(f"no minutes {ref!r} in the archive (see `kpss list`)")
    data = minutes.to_dict()
    if fmt is ShowFormat.json:
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from .textview import minutes_text

        sys.stdout.write(minutes_text(data))
    _finish(loaded)


# --- tasks ---------------------------------------------------------------------------------


class TaskFormat(StrEnum):
    """Formats of `kpss tasks`."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    md = "md"
    ics = "ics"


class GroupBy(StrEnum):
    """What `kpss tasks --by` groups the list by."""

    owner = "owner"
    group = "group"


TASK_COLUMNS = [
    Column("id", "ID"),
    Column("group", "Group"),
    Column("meeting_date", "Meeting"),
    Column("task", "Task"),
    Column("owner", "Owner"),
    Column("due", "Due"),
    Column("deadline", "Deadline"),
    Column("status", "Status"),
    Column("days_overdue", "Overdue", "right"),
]
# The terminal table names the group by its slug, to leave room for the task.
TASK_TABLE_COLUMNS = [Column("group_slug", "Group") if c.key == "group" else c for c in TASK_COLUMNS]


def _task_rows(tasks: list[Task], today: dt.date) -> list[dict[str, Any]]:
    return [t.to_dict(today) for t in tasks]


def _flag_unreadable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For people (table, Markdown): `?` where kpss cannot tell whether a task is overdue."""
    return [
        {**row, "days_overdue": "?"} if row["deadline_kind"] == "unknown" and row["status"] == "open" else row
        for row in rows
    ]


def _task_style(today: dt.date) -> Callable[[dict[str, Any]], str | None]:
    week = (today + dt.timedelta(days=7)).isoformat()

    def style(row: dict[str, Any]) -> str | None:
        if row.get("days_overdue"):
            return "red"
        if row["status"] == "open" and row["deadline"] and row["deadline"] <= week:
            return "yellow"
        return None

    return style


@app.command()
@boundary
def tasks(
    archive: ArchiveOption = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only open tasks past their deadline.")] = False,
    open_: Annotated[bool, typer.Option("--open", help="Open tasks (the default).")] = False,
    done: Annotated[bool, typer.Option("--done", help="Done tasks.")] = False,
    cancelled: Annotated[bool, typer.Option("--cancelled", help="Cancelled tasks.")] = False,
    all_: Annotated[bool, typer.Option("--all", help="Tasks of every status.")] = False,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner", help="Only tasks of this person (a surname is enough; titles, case, accents ignored)."
        ),
    ] = None,
    group: GroupOption = None,
    due_before: Annotated[
        str | None, typer.Option("--due-before", help="Only deadlines before this date.")
    ] = None,
    due_after: Annotated[
        str | None, typer.Option("--due-after", help="Only deadlines after this date.")
    ] = None,
    due_within: Annotated[
        int | None, typer.Option("--due-within", min=0, help="Only deadlines from today to N days ahead.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    as_of: AsOfOption = None,
    by: Annotated[GroupBy | None, typer.Option("--by", help="Group the list per owner or per group.")] = None,
    fmt: Annotated[TaskFormat, typer.Option("--format", "-f", help="Output format.")] = TaskFormat.table,
    template: Annotated[
        str | None,
        typer.Option(
            "--template", help="Render with this Jinja template (a file, or a name like tasks.md.j2)."
        ),
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV that Czech Excel opens as is (UTF-8 BOM, `;`).")
    ] = False,
    fail_if_any: Annotated[
        bool, typer.Option("--fail-if-any", help="Exit 1 when the list is not empty (for cron jobs).")
    ] = False,
) -> None:
    """List tasks from every minutes file, with their status resolved over time.

    Default: open tasks. Overdue ones come first, then by deadline.

    Example: kpss tasks --overdue --as-of 2026-01-31 --owner novakova --format csv
    """
    today = _today(as_of)
    statuses = {s for s, on in (("open", open_), ("done", done), ("cancelled", cancelled)) if on}
    if all_:
        statuses = {"open", "done", "cancelled"}
    wanted = TaskFilter(
        statuses=frozenset(statuses or {"open"}),
        overdue=overdue,
        owner=owner,
        group=group,
        due_before=_date_option(due_before, "--due-before"),
        due_after=_date_option(due_after, "--due-after"),
        due_within=due_within,
        since=_date_option(since, "--since"),
        until=_date_option(until, "--until"),
    )
    loaded = _load(archive)
    selected = find_tasks(loaded, wanted, today)
    unreadable = sum(1 for t in selected if not t.deadline_readable)
    overdue_count = sum(1 for t in selected if t.days_overdue(today) is not None)
    if overdue:
        # Tasks whose deadline cannot be read can never be overdue: say how many there are.
        unreadable = sum(1 for t in loaded.tasks if t.status == "open" and not t.deadline_readable)
    if unreadable:
        _stderr(
            f"kpss: note: {unreadable} task(s) have a deadline kpss cannot read"
            + (" and cannot be overdue" if overdue else "")
            + "; `kpss check` shows where"
        )
    rows = _task_rows(selected, today)
    if fmt is TaskFormat.ics:
        from .ical import write_deadlines

        write_deadlines(rows, sys.stdout, today, loaded.config.organisation or "kpss")
    elif template:
        context = task_context(loaded.config, rows, today, group_rows(rows, by.value) if by else None)
        sys.stdout.write(render_template(template, context, loaded.root, language=loaded.config.language))
    elif by:
        shown = _flag_unreadable(rows) if fmt in (TaskFormat.table, TaskFormat.md) else rows
        sections = group_rows(shown, by.value)
        emit_sections(
            sections,
            by.value,
            TASK_COLUMNS,
            TASK_TABLE_COLUMNS,
            Format(fmt.value),
            sys.stdout,
            terminal=_terminal(),
            row_style=_task_style(today),
        )
    else:
        fmt_value = Format.csv if excel else Format(fmt.value)
        columns = TASK_TABLE_COLUMNS if fmt_value is Format.table else TASK_COLUMNS
        caption = f"{len(rows)} tasks, {overdue_count} overdue (as of {today.isoformat()})"
        if fmt_value in (Format.table, Format.md):
            rows = _flag_unreadable(rows)
        _emit(rows, columns, fmt_value, row_style=_task_style(today), caption=caption, excel=excel)
    _finish(loaded, found=fail_if_any and bool(rows))


@app.command()
@boundary
def task(
    task_id: Annotated[str, typer.Argument(help="Task id, e.g. seniori/2025-02-12#2.", show_default=False)],
    archive: ArchiveOption = None,
    as_of: AsOfOption = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", "-f", help="Output format.")] = ShowFormat.text,
) -> None:
    """Show one task: where it was set, every status change, and its status now.

    Example: kpss task 'ridici-skupina/2025-01-22#1'
    """
    today = _today(as_of)
    loaded = _load(archive)
    found = loaded.task(task_id)
    if found is None:
        raise KpssError(f"no task {task_id!r} in the archive (see `kpss tasks --all`)")
    data = found.to_dict(today)
    data["history"] = [change.to_dict() for change in found.history]
    if fmt is ShowFormat.json:
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from .textview import task_text

        sys.stdout.write(task_text(data, loaded.shown_root))
    _finish(loaded)


def run() -> None:
    """Entry point of the `kpss` command."""
    app(prog_name="kpss")


# --- check ---------------------------------------------------------------------------------

CHECK_COLUMNS = [
    Column("path", "Path"),
    Column("line", "Line", "right"),
    Column("severity", "Severity"),
    Column("code", "Code"),
    Column("message", "Message"),
]


@app.command()
@boundary
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Report only on these files (the whole archive is still read).", show_default=False
        ),
    ] = None,
    archive: ArchiveOption = None,
    fmt: FormatOption = ListFormat.table,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when there are warnings.")] = False,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain", help="Say what a finding code means and how to fix it.", show_default=False
        ),
    ] = None,
    as_of: AsOfOption = None,
) -> None:
    """Validate the archive: broken files, unreadable deadlines, typos in names and dates.

    Prints `path:line: severity: message [code]` for each finding. Exit 0 when clean (or
    only warnings), 1 with warnings under --strict, 2 with errors.

    Example: kpss check --strict ridici-skupina/2025-12-10.md
    """
    from .check import check_archive, summary
    from .codes import CODES

    if explain is not None:
        code = CODES.get(explain.strip().lower())
        if code is None:
            raise KpssError(f"no finding code {explain!r}; codes: {', '.join(sorted(CODES))}")
        print(f"{explain} ({code.severity}): {code.summary}\n\n{code.explanation}")
        return
    today = _today(as_of)
    loaded = load_archive(archive)
    only = {_shown_ref(loaded, p) for p in paths} if paths else None
    findings = check_archive(loaded, today, only)
    if fmt is ListFormat.table:
        for finding in findings:
            location = f"{finding.path}:{finding.line}" if finding.line else finding.path
            print(f"{location}: {finding.severity}: {clean(finding.message)} [{finding.code}]")
    else:
        rows = (
            {"path": f.path, "line": f.line, "severity": f.severity, "code": f.code, "message": f.message}
            for f in findings
        )
        _emit(rows, CHECK_COLUMNS, Format(fmt.value))
    files = len(only) if only is not None else loaded.files
    _stderr(f"kpss: {summary(findings, files)}")
    if any(f.is_error for f in findings):
        raise typer.Exit(ExitStatus.USER_ERROR)
    if strict and findings:
        raise typer.Exit(ExitStatus.FOUND)


def _shown_ref(archive: Archive, path: Path) -> str:
    """A path given on the command line, as findings show it."""
    try:
        rel = path.resolve().relative_to(archive.root.resolve()).as_posix()
    except ValueError:
        raise KpssError(f"{path} is not in the archive {archive.shown_root}") from None
    return shown_path(archive, rel)


# --- new minutes, init, schedule -------------------------------------------------------------


@app.command("new-minutes")
@boundary
def new_minutes(
    group: Annotated[str, typer.Argument(help="The group: its slug or name.", show_default=False)],
    archive: ArchiveOption = None,
    date: Annotated[
        str | None,
        typer.Option("--date", "-d", help="Meeting date. Default: the next scheduled meeting, else today."),
    ] = None,
    stdout: Annotated[
        bool, typer.Option("--stdout", help="Print the minutes instead of writing the file.")
    ] = False,
    edit: Annotated[bool, typer.Option("--edit", help="Open the new file in $EDITOR.")] = False,
    template: Annotated[
        str, typer.Option("--template", help="Template name (in templates/) or file.")
    ] = "minutes.md.j2",
    as_of: AsOfOption = None,
) -> None:
    """Start the minutes of a meeting: group, date, place, members, agenda, tasks to review.

    Writes <group folder>/<date>.md and prints its path; never overwrites a file. The
    `updates` list holds every task of the group still open: change `open` to `done` or
    `cancelled` as the meeting reviews them.

    Example: kpss new-minutes seniori --date 2026-12-10
    """
    from .newminutes import minutes_context, next_planned, resolve_group, safe_path
    from .safefile import create_new

    today = _today(as_of)
    loaded = _load(archive)
    found = resolve_group(loaded, group)
    day = _date_option(date, "--date") or next_planned(found, today) or today
    context = minutes_context(loaded, found, day, today)
    text = render_template(template, context, loaded.root, language=loaded.config.language)
    if stdout:
        sys.stdout.write(text)
        _finish(loaded)
        return
    path = safe_path(loaded.root, *found.folder.split("/"), f"{day.isoformat()}.md")
    shown = shown_path(loaded, path.relative_to(loaded.root).as_posix())
    create_new(path, text, shown)
    print(shown)
    if edit:
        _open_editor(path)
    _finish(loaded)


def _open_editor(path: Path) -> None:
    import shlex
    import subprocess

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise KpssError("--edit needs $EDITOR (or $VISUAL) to name your editor")
    subprocess.run([*shlex.split(editor), str(path)], check=False)


class ScheduleFormat(StrEnum):
    """Formats of `kpss schedule`."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    md = "md"
    ics = "ics"


SCHEDULE_COLUMNS = [
    Column("date", "Date"),
    Column("time", "Time"),
    Column("group", "Group"),
    Column("place", "Place"),
    Column("status", "Status"),
    Column("minutes", "Minutes"),
]


@app.command()
@boundary
def schedule(
    archive: ArchiveOption = None,
    group: GroupOption = None,
    year: Annotated[
        int | None, typer.Option("--year", help="One calendar year (default: this year).")
    ] = None,
    from_: Annotated[str | None, typer.Option("--from", help="From this date (instead of --year).")] = None,
    to: Annotated[str | None, typer.Option("--to", help="Up to this date (instead of --year).")] = None,
    fmt: Annotated[
        ScheduleFormat, typer.Option("--format", "-f", help="Output format; ics for calendars.")
    ] = ScheduleFormat.table,
    as_of: AsOfOption = None,
) -> None:
    """Planned meetings with their minutes: held, moved, missing, still planned, off-schedule.

    Plans come from `schedule` in kpss.yaml (dates and recurrence rules). `--format ics`
    gives a calendar to import into Outlook or Google Calendar.

    Example: kpss schedule --year 2026 --format ics > jednani.ics
    """
    from .query import group_slugs
    from .schedule import meetings

    today = _today(as_of)
    start = _date_option(from_, "--from") or dt.date(year or today.year, 1, 1)
    end = _date_option(to, "--to") or dt.date(year or (start.year if from_ else today.year), 12, 31)
    if end < start:
        raise KpssError(f"--to {end.isoformat()} is before --from {start.isoformat()}")
    loaded = _load(archive)
    slugs = group_slugs(loaded, group) if group else None
    rows = meetings(loaded, start, end, today, slugs)
    if fmt is ScheduleFormat.ics:
        from .ical import write_schedule

        write_schedule(rows, sys.stdout, today, loaded.config.organisation or "kpss")
    else:
        missing = sum(1 for r in rows if r["status"] == "missing")
        colours = {"missing": "red", "off-schedule": "yellow"}
        caption = (
            f"{len(rows)} meetings, {missing} without minutes ({start.isoformat()} to {end.isoformat()})"
        )
        _emit(
            rows,
            SCHEDULE_COLUMNS,
            Format(fmt.value),
            row_style=lambda r: colours.get(r["status"]),
            caption=caption,
        )
    _finish(loaded)


@app.command()
@boundary
def init(
    folder: Annotated[Path, typer.Argument(help="The archive folder (created if needed).")] = Path(),
) -> None:
    """Start an archive: a commented kpss.yaml, a README for its users, a templates/ note.

    Never overwrites: files that exist are kept, and a second run changes nothing.

    Example: kpss init zapisy
    """
    from .newminutes import init_archive

    results = init_archive(folder)
    for name, created in results:
        print(f"{'created' if created else 'kept'}: {folder / name}")
    if not any(created for _, created in results):
        _stderr(f"kpss: nothing to do: {folder} already holds a kpss archive")


# --- documents: agenda, attendance, render -------------------------------------------------------

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the document: cs or en (default: kpss.yaml's, else cs)."),
]


class DocFormat(StrEnum):
    """Formats of documents."""

    md = "md"
    html = "html"


@app.command()
@boundary
def agenda(
    group: Annotated[str, typer.Argument(help="The group: its slug or name.", show_default=False)],
    archive: ArchiveOption = None,
    date: Annotated[
        str | None, typer.Option("--date", "-d", help="Meeting date. Default: the next one known.")
    ] = None,
    to: Annotated[DocFormat, typer.Option("--to", help="Markdown, or HTML for e-mail.")] = DocFormat.md,
    template: Annotated[str | None, typer.Option("--template", help="Template name or file.")] = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """The invitation to a group's next meeting: date, place, programme, tasks to review.

    The date comes from --date, else the schedule in kpss.yaml, else the next meeting the
    latest minutes announced. Tasks past their deadline on the meeting day are marked.

    Example: kpss agenda seniori --to html > pozvanka.html
    """
    from .documents import agenda_context, next_meeting
    from .newminutes import resolve_group

    today = _today(as_of)
    loaded = _load(archive)
    found = resolve_group(loaded, group)
    meeting = next_meeting(loaded, found, today, _date_option(date, "--date"))
    if meeting is None:
        raise KpssError(
            f"no next meeting of {found.name} is known (no schedule, no announced date); give --date"
        )
    context = agenda_context(loaded, found, meeting, today)
    name = template or f"agenda.{to.value}.j2"
    sys.stdout.write(
        render_template(
            name, context, loaded.root, language=lang or loaded.config.language, html=to is DocFormat.html
        )
    )
    _finish(loaded)


class AttendanceBy(StrEnum):
    """What `kpss attendance --by` counts per."""

    person = "person"
    org = "org"
    meeting = "meeting"


ATTENDANCE_COLUMNS = {
    "person": [
        Column("person", "Person"),
        Column("org", "Organisation"),
        Column("present", "Present", "right"),
        Column("excused", "Excused", "right"),
        Column("absent", "Absent", "right"),
        Column("guest", "Guest", "right"),
        Column("rate", "Rate", "right"),
    ],
    "org": [
        Column("org", "Organisation"),
        Column("people", "People", "right"),
        Column("present", "Present", "right"),
        Column("excused", "Excused", "right"),
        Column("absent", "Absent", "right"),
        Column("guest", "Guest", "right"),
    ],
    "meeting": [
        Column("id", "Minutes"),
        Column("date", "Date"),
        Column("members", "Members", "right"),
        Column("present", "Present", "right"),
        Column("excused", "Excused", "right"),
        Column("absent", "Absent", "right"),
        Column("guests", "Guests", "right"),
        Column("quorum", "Quorum"),
    ],
    "missed": [
        Column("person", "Person"),
        Column("org", "Organisation"),
        Column("group", "Group"),
        Column("missed", "Missed", "right"),
        Column("last_present", "Last present"),
    ],
}


@app.command()
@boundary
def attendance(
    archive: ArchiveOption = None,
    group: GroupOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    by: Annotated[
        AttendanceBy, typer.Option("--by", help="Count per person, organisation or meeting.")
    ] = AttendanceBy.person,
    missed: Annotated[
        int | None,
        typer.Option(
            "--missed", min=1, help="Only members who missed the last N meetings of their group in a row."
        ),
    ] = None,
    quorum: Annotated[
        float | None,
        typer.Option(
            "--quorum", min=0.0, max=1.0, help="Share of members that must be exceeded (default 0.5)."
        ),
    ] = None,
    fmt: Annotated[TaskFormat, typer.Option("--format", "-f", help="Output format.")] = TaskFormat.table,
    template: Annotated[
        str | None, typer.Option("--template", help="Render with this template (attendance.md.j2).")
    ] = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """Who comes and who does not: present, excused, absent, guest, and the attendance rate.

    A member listed in kpss.yaml who is neither present nor excused counts as absent. Per
    meeting: counts and the quorum (more than half of the members present).

    Example: kpss attendance --group seniori --since 2026-01-01 --missed 3
    """
    from . import attendance as counting

    today = _today(as_of)
    loaded = _load(archive)
    start, end = _date_option(since, "--since"), _date_option(until, "--until")
    selected = filter_minutes(loaded, group=group, since=start, until=end)
    kind: str = by.value
    if missed is not None:
        rows, kind = counting.missed_in_a_row(loaded, selected, missed), "missed"
    elif by is AttendanceBy.meeting:
        rows = counting.by_meeting(loaded, selected, quorum)
    else:
        rows = counting.by_person(loaded, selected)
        if by is AttendanceBy.org:
            rows = counting.by_org(rows)
    if template:
        from .render import base_context

        context = {
            **base_context(loaded.config, today),
            "rows": rows,
            "by": kind,
            "since": start,
            "until": end,
        }
        sys.stdout.write(
            render_template(template, context, loaded.root, language=lang or loaded.config.language)
        )
    elif fmt is TaskFormat.ics:
        raise KpssError("--format ics is for `kpss schedule` and `kpss tasks`")
    else:
        _emit(
            rows,
            ATTENDANCE_COLUMNS[kind],
            Format(fmt.value),
            caption=f"{len(rows)} rows from {len(selected)} meetings",
        )
    _finish(loaded)


@app.command()
@boundary
def render(
    ref: Annotated[str, typer.Argument(help="Minutes id or file path.", show_default=False)],
    archive: ArchiveOption = None,
    to: Annotated[
        DocFormat, typer.Option("--to", help="Markdown, or a standalone HTML page (print it to PDF).")
    ] = DocFormat.md,
    template: Annotated[str | None, typer.Option("--template", help="Template name or file.")] = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> None:
    """The minutes as a document to publish: header, programme, text, decisions, task table.

    Example: kpss render seniori/2026-11-12 --to html > zapis.html
    """
    from .documents import minutes_context

    today = _today(as_of)
    loaded = _load(archive)
    minutes = loaded.find_minutes(ref)
    if minutes is None:
        raise KpssError(f"no minutes {ref!r} in the archive (see `kpss list`)")
    html = to is DocFormat.html
    context = minutes_context(loaded, minutes, today, html=html)
    name = template or f"minutes-document.{to.value}.j2"
    sys.stdout.write(
        render_template(name, context, loaded.root, language=lang or loaded.config.language, html=html)
    )
    _finish(loaded)


@app.command()
@boundary
def approve(
    ref: Annotated[str, typer.Argument(help="Minutes id or file path.", show_default=False)],
    archive: ArchiveOption = None,
) -> None:
    """Mark draft minutes approved: `status: draft` becomes `approved` (or is added).

    Only that line changes; the file keeps its encoding and line endings, and is replaced
    atomically, so an interrupted run leaves it as it was.

    Example: kpss approve seniori/2026-11-12
    """
    from .approve import approve as approve_minutes

    loaded = _load(archive)
    minutes = loaded.find_minutes(ref)
    if minutes is None:
        raise KpssError(f"no minutes {ref!r} in the archive (see `kpss list`)")
    shown = shown_path(loaded, minutes.path)
    if approve_minutes(loaded, minutes):
        print(f"approved: {shown}")
    else:
        _stderr(f"kpss: {shown} is already approved; nothing changed")
    _finish(loaded)


# --- import --------------------------------------------------------------------------------------

IMPORT_COLUMNS = [
    Column("source", "Document"),
    Column("path", "Minutes"),
    Column("group", "Group"),
    Column("date", "Date"),
    Column("present", "Present", "right"),
    Column("tasks", "Tasks", "right"),
    Column("warnings", "Warnings", "right"),
]


@app.command("import")
@boundary
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(help="Documents (.txt, .md, .docx, .pdf) or folders of them.", show_default=False),
    ],
    archive: ArchiveOption = None,
    group: Annotated[
        str | None, typer.Option("--group", "-g", help="The group all these minutes belong to.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write nothing; show what would be written.")
    ] = False,
    fmt: FormatOption = ListFormat.table,
) -> None:
    """Bring legacy minutes (Word, PDF, text) into the archive as draft minutes.

    Each document becomes <group folder>/<date>.md: front matter with what kpss recognised
    (date, time, place, attendance, recorder, agenda, tasks, next meeting) and the original
    text below it. Nothing is invented: what was not found is left empty and named in a
    warning, and `kpss check` on the new file points at it. Never overwrites a file.

    Example: kpss import stare-zapisy/ --group seniori --dry-run
    """
    from .importing import SUPPORTED, import_document, suggested_filename, to_minutes_markdown
    from .newminutes import resolve_group, safe_path
    from .parse import parse_minutes
    from .safefile import create_new

    loaded = load_archive(archive)
    fixed = resolve_group(loaded, group) if group else None
    documents = _documents(files, SUPPORTED)
    rows: list[dict[str, Any]] = []
    failed = False
    for document in _progress(documents, "Importing"):
        try:
            imported = import_document(document, group_hint=fixed.name if fixed else None)
            target = fixed or (loaded.config.find_group(imported.group) if imported.group else None)
            if target is not None:
                imported.group = target.name
            folder = target.folder if target else (slugify(imported.group) if imported.group else "unsorted")
            path = safe_path(loaded.root, *folder.split("/"), suggested_filename(imported))
            rel = path.relative_to(loaded.root).as_posix()
            text = to_minutes_markdown(imported)
            for warning in imported.warnings:
                _stderr(warning_line(f"{document}: {warning}"))
            if not dry_run:
                create_new(path, text, shown_path(loaded, rel))
        except KpssError as exc:
            _stderr(error_line(str(exc)))
            failed = True
            continue
        record, _ = parse_minutes(text.encode("utf-8"), rel, rel, loaded.config)
        data = record.to_dict() if record else {"id": rel.removesuffix(".md"), "path": rel}
        rows.append(
            data
            if fmt in (ListFormat.json, ListFormat.jsonl)
            else {
                "source": str(document),
                "path": shown_path(loaded, rel),
                "group": imported.group,
                "date": imported.date.isoformat() if imported.date else None,
                "present": len(imported.present),
                "tasks": len(imported.tasks),
                "warnings": len(imported.warnings),
            }
        )
    verb = "would import" if dry_run else "imported"
    _emit(
        rows, IMPORT_COLUMNS, Format(fmt.value), caption=f"{verb} {len(rows)} of {len(documents)} documents"
    )
    if failed:
        raise typer.Exit(ExitStatus.USER_ERROR)


def _documents(paths: list[Path], suffixes: tuple[str, ...]) -> list[Path]:
    """The files named, and the supported documents inside the folders named, in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            found.append(path)
    return found


T = TypeVar("T")


def _progress(items: list[T], label: str) -> Iterable[T]:
    """`items`, with a progress bar on stderr when it is a terminal and there are many."""
    if len(items) < 5 or not sys.stderr.isatty():
        return items
    from rich.progress import track

    return track(items, description=label, console=None, transient=True)

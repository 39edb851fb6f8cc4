"""The `kpss` command: the Typer app, its one error boundary, and what commands share.

The commands themselves live in `kpss_cli/commands/`, one module per area; they import the
core (parsing, querying, rendering) only when they run, so `kpss --help` starts fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from . import __version__
from .dates import parse_date
from .errors import BUG_HINT, ExitStatus, KpssError, error_line, warning_line
from .output import Column, Format, clean, emit

if TYPE_CHECKING:
    from .archive import Archive

app = typer.Typer(
    name="kpss",
    help="Minutes, tasks and attendance of community planning of social services (KPSS).",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False, "no_cache": False}

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
            say(error_line(str(exc)))
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
            say(error_line(f"{type(exc).__name__}: {exc}; {BUG_HINT}"))
            raise typer.Exit(ExitStatus.FOUND) from None

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass


def say(line: str) -> None:
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
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            envvar="KPSS_NO_CACHE",
            help="Read every file afresh; neither use nor update the index.",
        ),
    ] = False,
) -> None:
    """Minutes, tasks and attendance of community planning of social services (KPSS).

    The archive is a folder of Markdown minutes with YAML front matter. Try:

        kpss list --archive examples
    """
    _state["debug"] = debug
    _state["no_cache"] = no_cache


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


class ShowFormat(StrEnum):
    """Formats of `kpss show`."""

    text = "text"
    json = "json"


class TableFormat(StrEnum):
    """Formats of `kpss attendance`: the list formats and a Markdown table."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    md = "md"


class ExtendedFormat(StrEnum):
    """Formats of `kpss tasks`, `schedule` and `attendance`: the list formats, a Markdown
    table, and an iCalendar (for tasks and the schedule)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    md = "md"
    ics = "ics"


def date_option(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise KpssError(f"{option}: {value!r} is not a date (write YYYY-MM-DD)")
    return day


def today_from(as_of: str | None) -> dt.date:
    return date_option(as_of, "--as-of") or dt.date.today()


def open_archive(archive: Path | None, *, use_index: bool = True, tasks_only: bool = False) -> Archive:
    """Load the archive (through the index unless --no-cache; a progress bar on a terminal).

    `tasks_only`: the caller needs tasks, problems and groups, not the minutes records.
    """
    from .loading import load_archive, load_tasks

    loader = load_tasks if tasks_only else load_archive
    return loader(archive, use_index=use_index and not _state["no_cache"], progress=_progress_bar())


def load(archive: Path | None, *, tasks_only: bool = False) -> Archive:
    """Load the archive and report its problems on stderr."""
    loaded = open_archive(archive, tasks_only=tasks_only)
    for problem in loaded.problems:
        say(error_line(str(problem)) if problem.is_error else warning_line(str(problem)))
    return loaded


def finish(archive: Archive, found: bool = False) -> None:
    """Exit 2 when a file had an error (the rest was still processed), else 1 when `found`."""
    if archive.has_errors:
        raise typer.Exit(ExitStatus.USER_ERROR)
    if found:
        raise typer.Exit(ExitStatus.FOUND)


def terminal() -> bool:
    return sys.stdout.isatty()


def emit_rows(rows: Iterable[dict[str, Any]], columns: list[Column], fmt: Format, **options: Any) -> int:
    count = emit(rows, columns, fmt, sys.stdout, terminal=terminal(), **options)
    sys.stdout.flush()
    return count


def _progress_bar() -> Callable[[int, int], None] | None:
    """A progress bar on stderr while many files are parsed, only on a terminal."""
    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state:
            from rich.progress import Progress

            state["bar"] = Progress(transient=True)
            state["bar"].start()
            state["task"] = state["bar"].add_task("Reading minutes", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update


def run() -> None:
    """Entry point of the `kpss` command."""
    app(prog_name="kpss")


# The commands register themselves on `app` when imported.
from .commands import check, documents, importer, meetings, records, tasks  # noqa: E402, F401

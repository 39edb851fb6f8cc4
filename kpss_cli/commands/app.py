"""The `kpss` command: the Typer app, its one error boundary, and what commands share.

The commands themselves live in `kpss_cli/commands/`, one module per area; they import the
core (parsing, querying, rendering) only when they run, so `kpss --help` starts fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ..core import __version__
from .boundary import failure
from .shared import exit_code, settings

if TYPE_CHECKING:
    from ..store.archive import Archive

app = typer.Typer(
    name="kpss",
    help="Minutes, tasks and attendance of community planning of social services (KPSS).",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

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
        except BaseException as exc:
            code = failure(exc)
            if code is None:
                raise
            raise typer.Exit(code) from None

    return wrapper  # type: ignore[return-value]


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
    settings["debug"] = debug
    settings["no_cache"] = no_cache


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


def finish(archive: Archive, found: bool = False) -> None:
    """Exit 2 when a file had an error (the rest was still processed), else 1 when `found`."""
    if code := exit_code(archive, found):
        raise typer.Exit(code)


def run() -> None:
    """Entry point of the `kpss` command."""
    app(prog_name="kpss")


# The commands register themselves on `app` when imported.
from . import check, documents, importer, meetings, records, tasks  # noqa: E402, F401

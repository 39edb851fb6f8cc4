"""What commands share that needs no Typer: messages on stderr, rows on stdout, loading the
archive with its problems reported, exit codes, and the error boundary's verdicts.

Kept apart from cli.py so that the quick path (quick.py) can answer without importing Typer.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .dates import parse_date
from .errors import BUG_HINT, ExitStatus, KpssError, error_line, warning_line
from .output import Column, Format, clean, emit

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from .archive import Archive

# Set once per run from the global options (`--debug`, `--no-cache`).
settings = {"debug": False, "no_cache": False}


def say(line: str) -> None:
    """Print a message on stderr. Messages quote minutes and names: no terminal escapes or line
    breaks get through."""
    print(clean(line), file=sys.stderr)


def terminal() -> bool:
    """True when stdout is a terminal (colour, tables with boxes)."""
    return sys.stdout.isatty()


def emit_rows(rows: Iterable[dict[str, Any]], columns: list[Column], fmt: Format, **options: Any) -> int:
    """Write rows to stdout in `fmt`; return how many."""
    count = emit(rows, columns, fmt, sys.stdout, terminal=terminal(), **options)
    sys.stdout.flush()
    return count


def open_archive(
    archive: Path | None, *, use_index: bool = True, statuses: frozenset[str] | None = None
) -> Archive:
    """Load the archive (through the index unless --no-cache; a progress bar on a terminal).

    `statuses`: the caller needs only the tasks of these statuses, problems and groups, not the
    minutes records (see loading.load_tasks).
    """
    from .loading import load_archive, load_tasks

    use_index = use_index and not settings["no_cache"]
    if statuses is not None:
        return load_tasks(archive, statuses, use_index=use_index, progress=progress_bar())
    return load_archive(archive, use_index=use_index, progress=progress_bar())


def load(archive: Path | None, *, statuses: frozenset[str] | None = None) -> Archive:
    """Load the archive and report its problems on stderr."""
    loaded = open_archive(archive, statuses=statuses)
    for problem in loaded.problems:
        say(error_line(str(problem)) if problem.is_error else warning_line(str(problem)))
    return loaded


def date_option(value: str | None, option: str) -> dt.date | None:
    """The date an option gives, or None when not given; a KpssError when it is not a date."""
    if value is None:
        return None
    day = parse_date(value)
    if day is None:
        raise KpssError(f"{option}: {value!r} is not a date (write YYYY-MM-DD)")
    return day


def today_from(as_of: str | None) -> dt.date:
    """Today, or the day `--as-of` gives."""
    return date_option(as_of, "--as-of") or dt.date.today()


def exit_code(archive: Archive, found: bool = False) -> int:
    """2 when a file had an error (the rest was still processed), else 1 when `found`, else 0."""
    if archive.has_errors:
        return ExitStatus.USER_ERROR
    return ExitStatus.FOUND if found else ExitStatus.OK


def failure(exc: BaseException) -> int | None:
    """Say what went wrong when `exc` escapes a command and return the exit code; None when
    the exception is not one a command ends with (SystemExit and the like)."""
    if isinstance(exc, KpssError):
        if settings["debug"]:
            import traceback  # only with --debug

            traceback.print_exc()
        say(error_line(str(exc)))
        return ExitStatus.USER_ERROR
    if isinstance(exc, BrokenPipeError):
        # `kpss tasks | head`: the reader has gone; stop quietly.
        _silence_stdout()
        return ExitStatus.OK
    if isinstance(exc, KeyboardInterrupt):
        return 130
    if isinstance(exc, Exception):
        if settings["debug"]:
            import traceback  # only with --debug

            traceback.print_exc()
        say(error_line(f"{type(exc).__name__}: {exc}; {BUG_HINT}"))
        return ExitStatus.FOUND
    return None


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass


def progress_bar() -> Callable[[int, int], None] | None:
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

"""What commands share that needs no Typer: the global settings, loading the archive with its
problems reported, date options, and the exit code a loaded archive calls for.

Kept apart from app.py so that the quick path (quick.py) can answer without importing Typer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.dates import parse_date
from ..core.errors import ExitStatus, KpssError, error_line, warning_line
from ..output.console import progress_bar, say

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from ..store.archive import Archive

# Set once per run from the global options (`--debug`, `--no-cache`).
settings = {"debug": False, "no_cache": False}


def open_archive(
    archive: Path | None, *, use_index: bool = True, statuses: frozenset[str] | None = None
) -> Archive:
    """Load the archive (through the index unless --no-cache; a progress bar on a terminal).

    `statuses`: the caller needs only the tasks of these statuses, problems and groups, not the
    minutes records (see loading.load_tasks).
    """
    from ..store.loading import load_archive, load_tasks

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

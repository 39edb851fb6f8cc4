"""`kpss check`: validate an archive the way a careful coordinator would (what it does: reading.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..core.i18n import _
from . import options
from .app import ArchiveOption, AsOfOption, app, boundary, default_format, formats, option
from .reading import check_minutes


@app.command()
@boundary
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=_("FILE..."),
            help=_("Report only on these files (the whole archive is still read)."),
            show_default=False,
        ),
    ] = None,
    archive: ArchiveOption = None,
    fmt: Annotated[str, formats("check")] = default_format("check"),
    strict: Annotated[bool, option(options.STRICT)] = False,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar=_("CODE"),
            help=_("Say what a finding code means and how to fix it."),
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
) -> int:
    """Validate the archive: broken files, unreadable deadlines, typos in names and dates.

    Prints `path:line: severity: message [code]` for each finding. Exit 0 when clean (or
    only warnings), 1 with warnings under --strict, 2 with errors.

    Example: kpss check --strict ridici-skupina/2025-12-10.md
    """
    return check_minutes(paths=paths, archive=archive, fmt=fmt, strict=strict, explain=explain, as_of=as_of)

"""`kpss list` and `kpss show`: the minutes of the archive (what they do: reading.py)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..core.i18n import _
from .app import (
    ArchiveOption,
    GroupOption,
    SinceOption,
    UntilOption,
    app,
    boundary,
    default_format,
    formats,
)
from .reading import list_minutes as list_rows
from .reading import show_minutes


@app.command("list")
@boundary
def list_minutes(
    archive: ArchiveOption = None,
    group: GroupOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[str, formats("list")] = default_format("list"),
) -> int:
    """List the minutes of the archive, one row per meeting, oldest first.

    Example: kpss list --group seniori --since 2025-01-01 --format csv
    """
    return list_rows(archive=archive, group=group, since=since, until=until, fmt=fmt)


@app.command()
@boundary
def show(
    ref: Annotated[
        str,
        typer.Argument(
            metavar=_("MINUTES"),
            help=_("Minutes id (ridici-skupina/2025-01-22) or file path."),
            show_default=False,
        ),
    ],
    archive: ArchiveOption = None,
    fmt: Annotated[str, formats("show")] = default_format("show"),
) -> int:
    """Show one minutes record with everything kpss reads from it.

    Example: kpss show ridici-skupina/2025-01-22 --format json
    """
    return show_minutes(ref=ref, archive=archive, fmt=fmt)

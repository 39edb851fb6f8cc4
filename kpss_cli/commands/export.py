"""`kpss export`: the archive (or several) as one dataset for analysts (docs/export.md); what it
does: exporting.py."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer._types import TyperChoice

from ..core.i18n import _
from . import options
from .app import app, boundary, option
from .exporting import export_archives


@app.command()
@boundary
def export(
    target: Annotated[
        Path,
        typer.Argument(
            metavar=_("TARGET"),
            help=_("The SQLite file, or the folder of Parquet or JSON Lines files."),
            show_default=False,
        ),
    ],
    to: Annotated[
        str,
        option(options.EXPORT_TO, click_type=TyperChoice(options.EXPORT_TO.choices), show_default=False),
    ],
    archive: Annotated[
        list[Path] | None,
        option(
            options.ARCHIVE,
            help=_(
                "An archive folder; give it several times to pool archives into one dataset. "
                "Default: the nearest folder upwards with kpss.yaml, else the current one."
            ),
            show_default=False,
        ),
    ] = None,
    name: Annotated[list[str] | None, option(options.EXPORT_NAME)] = None,
    force: Annotated[bool, option(options.FORCE)] = False,
    append: Annotated[bool, option(options.APPEND)] = False,
) -> int:
    """Export the archive as tables for analysts: meetings, attendance, people, groups, tasks,
    task events, deadlines, agenda items, decisions (schema: docs/export.md).

    An existing target is refused unless --force (replaced whole, only once the new export
    is complete) or --append (the archives are added to it).

    Example: kpss export --to sqlite kpss.sqlite --archive town-a --archive town-b
    """
    return export_archives(target=target, to=to, archive=archive, name=name, force=force, append=append)

"""`kpss list` and `kpss show`: the minutes of the archive."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..core.errors import KpssError
from ..core.i18n import N_, _
from ..output.formats import Column
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
from .shared import date_option, emit_rows, exit_code, load_one, load_view

LIST_COLUMNS = [
    Column("id", N_("ID")),
    Column("group", N_("Group"), spare=True),  # the id names both
    Column("date", N_("Date"), spare=True),
    Column("time", N_("Time")),
    Column("place", N_("Place")),
    Column("present", N_("Present"), "right"),
    Column("excused", N_("Excused"), "right"),
    Column("absent", N_("Absent"), "right"),
    Column("guests", N_("Guests"), "right"),
    Column("tasks", N_("Tasks"), "right"),
]


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
    from ..meetings.query import filter_summaries, list_view

    loaded, view = load_view(archive, "list", list_view)
    selected = filter_summaries(
        loaded, view, group=group, since=date_option(since, "--since"), until=date_option(until, "--until")
    )
    fields = view[0]
    rows = (dict(zip(fields, row, strict=True)) for row in selected)
    emit_rows(
        rows, LIST_COLUMNS, fmt, caption=_("{selected_count} minutes").format(selected_count=len(selected))
    )
    return exit_code(loaded)


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
    loaded, minutes = load_one(archive, ref)
    if minutes is None:
        raise KpssError(_("no minutes {ref!r} in the archive (see `kpss list`)").format(ref=ref))
    data = loaded.load_body(minutes).to_dict()
    if fmt == "json":
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from ..documents.textview import minutes_view

        sys.stdout.write(minutes_view(data))
    return exit_code(loaded)

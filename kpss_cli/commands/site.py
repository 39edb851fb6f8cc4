"""`kpss site FOLDER`: the archive as a static website (docs/site.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..core.i18n import _
from ..output.console import say
from .app import ArchiveOption, AsOfOption, LangOption, app, boundary
from .shared import exit_code, load, today_from


@app.command()
@boundary
def site(
    out: Annotated[
        Path,
        typer.Argument(metavar=_("FOLDER"), help=_("The folder to build the site in."), show_default=False),
    ],
    archive: ArchiveOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> int:
    """The whole archive as a static website: groups, meetings (public minutes only), open
    and overdue tasks, the next meetings, a calendar and a search. Open FOLDER/index.html from
    disk or put FOLDER on any web server; a second run rewrites only what changed.

    Example: kpss site web/ && xdg-open web/index.html
    """
    from ..publish.site import build_site

    today = today_from(as_of)
    loaded = load(archive)
    done = build_site(loaded, out, today, lang or loaded.config.language)
    say(
        _(
            "kpss: site in {out}: {written_count} written, {unchanged_count} unchanged, {removed_count} removed"
        ).format(
            out=out,
            written_count=len(done.written),
            unchanged_count=len(done.unchanged),
            removed_count=len(done.removed),
        )
    )
    return exit_code(loaded)

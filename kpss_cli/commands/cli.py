"""The whole `kpss` command: the Typer app with every command registered on it."""

from __future__ import annotations

import sys

from . import check, documents, export, importer, meetings, plan, records, remind, site, tasks  # noqa: F401 - they register on `app`
from .app import app, keep_only_named

__all__ = ["app", "run"]


def run() -> None:
    """Run the `kpss` command with this process's command line."""
    keep_only_named(sys.argv[1:])
    app(prog_name="kpss")

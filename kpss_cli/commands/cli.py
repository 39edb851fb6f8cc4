"""The whole `kpss` command: the Typer app with every command registered on it."""

from __future__ import annotations

from . import check, documents, export, importer, meetings, plan, records, remind, site, tasks  # noqa: F401 - they register on `app`
from .app import app

__all__ = ["app", "run"]


def run() -> None:
    """Run the `kpss` command with this process's command line."""
    app(prog_name="kpss")

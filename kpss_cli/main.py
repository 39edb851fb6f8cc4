"""Entry point of the `kpss` command: the quick path (quick.py) first, then the Typer app."""

from __future__ import annotations

import os
import sys


def run() -> None:
    """Run `kpss` with the command line of this process."""
    from .commands.quick import answer

    code = answer(sys.argv[1:], os.environ)
    if code is not None:
        sys.exit(code)
    from .commands.cli import run as run_app

    run_app()
